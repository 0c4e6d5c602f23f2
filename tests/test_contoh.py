"""workbooks/: the committed template and examples are exactly what workbooks/buat_contoh.py makes,
and the template offers what staff need (tables, drop-downs, styled inputs, frozen headers, help)."""

from __future__ import annotations

import importlib.util

import openpyxl
import pytest

from iku_xl.core.skema import INDIKATOR, LEMBAR_DATA, PROFIL, REALISASI, TARGET
from tests.conftest import WORKBOOKS
from tests.ringkas import ringkas_lembar

_spec = importlib.util.spec_from_file_location("buat_contoh", WORKBOOKS / "buat_contoh.py")
buat_contoh = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(buat_contoh)


def _isi(path):
    wb = openpyxl.load_workbook(path)
    return {"lembar": {ws.title: ringkas_lembar(ws) for ws in wb.worksheets},
            "nama": sorted(wb.defined_names), "judul": wb.properties.title}


def test_berkas_tercatat_sama_dengan_buatan_skrip(tmp_path):
    dibuat = buat_contoh.buat_semua(tmp_path)
    assert sorted(p.name for p in dibuat) == sorted(p.name for p in WORKBOOKS.glob("*.xls[xm]"))
    for p in (p for p in dibuat if p.suffix == ".xlsx"):  # the .xlsm: tests/test_templat_xlsm.py
        assert _isi(p) == _isi(WORKBOOKS / p.name), f"{p.name}: jalankan python workbooks/buat_contoh.py"


def test_templat_untuk_staf():
    wb = openpyxl.load_workbook(WORKBOOKS / "templat_iku.xlsx")
    assert wb.sheetnames == ["Petunjuk", "Profil", *(d.nama for d in LEMBAR_DATA)]
    assert wb.active.title == "Profil"
    for data in LEMBAR_DATA:
        ws = wb[data.nama]
        assert [c.value for c in ws[3]] == [k.judul for k in data.kolom]
        assert [t.displayName for t in ws.tables.values()] == [data.tabel]
        assert ws.freeze_panes in ("A4", "B4")
        assert all(c.comment is not None for c in ws[3]), "each header explains its column"
        assert ws["A4"].fill.fgColor.rgb == "00FFF9E5", "input cells are styled"
    daftar = {str(dv.sqref): dv.formula1 for dv in wb[INDIKATOR.nama].data_validations.dataValidation}
    assert daftar["E4:E1000"] == '"positif,negatif"'
    assert daftar["F4:F1000"] == '"jumlah,nilai terakhir,rata-rata,kumulatif"'
    assert daftar["D4:D1000"].startswith('"%,Nilai,Indeks,Jumlah,Kegiatan')
    kode = {str(dv.sqref): dv.formula1 for dv in wb[TARGET.nama].data_validations.dataValidation}
    assert kode["A4:A1000"] == "Indikator!$A$4:$A$1000"
    assert [wb["Profil"].cell(r, 1).value for r in range(4, 4 + len(PROFIL))] == [i.label for i in PROFIL]
    petunjuk = "\n".join(str(c.value) for c in wb["Petunjuk"]["A"] if c.value)
    assert "iku-xl laporan NAMA_BERKAS.xlsx --tahun 2024" in petunjuk
    assert f"{REALISASI.nama} / Pembilang:" in petunjuk


@pytest.mark.parametrize("nama", ["contoh_legok_2020.xlsx", "contoh_bantargebah_2024-2026.xlsx"])
def test_contoh_ditandai_data_rekaan(nama):
    wb = openpyxl.load_workbook(WORKBOOKS / nama)
    assert "DATA CONTOH REKAAN" in wb["Petunjuk"]["A1"].value
