"""Formula checks on real .xlsx files built here with openpyxl (iku_xl.workbook.rumus)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.table import Table

from iku_xl.workbook.baca import nilai_tersimpan
from iku_xl.workbook.rumus import (
    FUNGSI_TAMBAHAN,
    nama_terdefinisi_buku,
    periksa_rumus_buku,
    token_rumus,
)

#: Indikator cells: formula, is it bad?
RUMUS = {
    "A1": ("=SUM(Profil!B1:B2)", False),
    "A2": ("=SUM(Data!A1:A5)", True),  # sheet does not exist
    "A3": ("=#REF!+1", True),
    "A4": ("=FOO(1)", True),
    "A5": ("=Nama_Tidak_Ada*2", True),
    "A6": ("=Target_Total*2", False),  # workbook-scope defined name
    "A7": ("='Sheet With Space'!A1", False),
    "A8": ("=SUM(A1", True),  # unbalanced
    "A12": ("=SUM(TabelIKU[Nilai])", False),  # structured reference
    "A13": ("=SUM(TabelX[Nilai])", True),
    "A14": ("=IKU_CAPAIAN(90,92)", False),
    "A15": ("=_xlfn.IFS(A1>1,1,TRUE,0)", False),
    "A16": ("=[1]Data!A1", True),  # other file: peringatan
    "A17": ("=SUM(1))", True),  # tokenizer fails
    "A18": ("=Lokal", True),  # Profil's sheet-scope name, used on another sheet
}


def buat_buku(path: Path) -> Path:
    wb = openpyxl.Workbook()
    profil = wb.active
    profil.title = "Profil"
    profil["A1"] = "=Lokal"  # fine on its own sheet
    profil["B1"], profil["B2"] = 90, 92
    profil["C1"] = "#N/A"  # an error typed as a value (data_type "e")
    profil.append([])
    for baris in (["Kode", "Nilai"], ["1.1", 90], ["1.2", 92]):
        profil.append(baris)  # rows 4-6
    profil.add_table(Table(displayName="TabelIKU", ref="A4:B6"))
    profil.defined_names["Lokal"] = DefinedName("Lokal", attr_text="Profil!$B$1")
    wb.defined_names["Target_Total"] = DefinedName("Target_Total", attr_text="Profil!$B$1")

    ws = wb.create_sheet("Indikator")
    for sel, (rumus, _) in RUMUS.items():
        ws[sel] = rumus
    ws["A9"] = ArrayFormula("A9:A10", "=SUM(Profil!B1:B2*2)")
    ws["A11"] = ArrayFormula("A11", "=SUM(Hilang!B1:B2*2)")
    wb.create_sheet("Sheet With Space")["A1"] = 1
    wb.create_sheet("Laporan")["A1"] = "=SUM(Tidak_Ada!A1)"  # skipped by lewati_lembar
    wb.save(path)
    return path


def test_buku_dengan_rumus_buruk(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(buat_buku(tmp_path / "iku.xlsx"))
    hasil = periksa_rumus_buku(wb, lewati_lembar=["laporan"])
    harapan = {("Indikator", s) for s, (_, buruk) in RUMUS.items() if buruk}
    harapan |= {("Indikator", "A11"), ("Profil", "C1")}
    assert {(m.lembar, m.sel) for m in hasil} == harapan
    assert len(hasil) == len(harapan)  # one problem each
    tingkat = {m.sel: m.tingkat for m in hasil}
    assert tingkat.pop("A16") == "peringatan"
    assert set(tingkat.values()) == {"galat"}
    pesan = {m.sel: m.pesan for m in hasil}
    assert pesan["A2"] == "rumus '=SUM(Data!A1:A5)' merujuk lembar 'Data' yang tidak ada"
    assert pesan["A11"] == "rumus '=SUM(Hilang!B1:B2*2)' merujuk lembar 'Hilang' yang tidak ada"
    assert pesan["C1"] == "sel berisi galat #N/A sebagai nilai, bukan rumus"
    assert pesan["A17"] == "rumus '=SUM(1))' memiliki tanda kurung tutup ')' berlebih"

    semua = {(m.lembar, m.sel) for m in periksa_rumus_buku(wb)}
    assert ("Laporan", "A1") in semua


def test_nama_terdefinisi_dan_fungsi_tambahan(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(buat_buku(tmp_path / "iku.xlsx"))
    assert sorted(nama_terdefinisi_buku(wb)) == ["Profil!Lokal", "TabelIKU", "Target_Total"]
    assert "IKU_PREDIKAT" in FUNGSI_TAMBAHAN
    token, galat = token_rumus("=A1#")
    assert token is None and galat


def _ganti_di_zip(path: Path, bagian: str, ganti: list[tuple[str, str]]) -> None:
    """Edit one part of an .xlsx in place (regex substitutions, each must hit once)."""
    with zipfile.ZipFile(path) as z:
        isi = {i: z.read(i.filename) for i in z.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in isi.items():
            if info.filename == bagian:
                teks = data.decode()
                for pola, baru in ganti:
                    teks, n = re.subn(pola, baru, teks)
                    assert n == 1, pola
                data = teks.encode()
            z.writestr(info, data)


def buat_buku_tersimpan(path: Path) -> Path:
    """Data!B2 =1/0 with cached #DIV/0!, C2 =A1 cached 1, D2 =#REF!+1 cached #REF!,
    E2 a what-if data table with cached #N/A (as Excel would have saved them)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"] = 1
    ws["B2"], ws["C2"], ws["D2"], ws["E2"] = "=1/0", "=A1", "=#REF!+1", "=A1"
    wb.save(path)

    def sel(ref: str, isi: str) -> tuple[str, str]:
        return rf'<c r="{ref}"[^>]*>.*?</c>', f'<c r="{ref}" {isi}</c>'

    _ganti_di_zip(path, "xl/worksheets/sheet1.xml", [
        sel("B2", 't="e"><f>1/0</f><v>#DIV/0!</v>'),
        sel("C2", "><f>A1</f><v>1</v>"),
        sel("D2", 't="e"><f>#REF!+1</f><v>#REF!</v>'),
        sel("E2", 't="e"><f t="dataTable" ref="E2" dt2D="0" dtr="0" r1="A1"/><v>#N/A</v>'),
    ])
    return path


def test_nilai_galat_tersimpan(tmp_path: Path) -> None:
    path = buat_buku_tersimpan(tmp_path / "tersimpan.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb["Data"]["B2"].data_type == "f"  # the cached value is gone here

    nilai = nilai_tersimpan(path)
    assert nilai["Data"][1][1:5] == ["#DIV/0!", 1, "#REF!", "#N/A"]
    hasil = periksa_rumus_buku(wb, nilai)
    assert [(m.sel, m.pesan) for m in hasil] == [
        ("B2", "rumus '=1/0' menghasilkan galat #DIV/0!"),
        ("D2", "rumus '=#REF!+1' berisi galat #REF!"),  # not again as cached #REF!
        ("E2", "rumus '{=TABLE(A1,)}' menghasilkan galat #N/A"),
    ]
    assert [m.sel for m in periksa_rumus_buku(wb)] == ["D2"]


def test_calamine_kehilangan_galat(tmp_path: Path) -> None:
    """python-calamine (0.9.1) gives "" for an error cell, like an empty one.

    The adapter takes its grid as it is; it reports the cached error only if a
    later calamine returns the error text. If this test fails on the first
    assertion, calamine changed: update the note in iku_xl/workbook/rumus.py.
    """
    python_calamine = pytest.importorskip("python_calamine")
    path = buat_buku_tersimpan(tmp_path / "tersimpan.xlsx")
    grid = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(
        "Data").to_python(skip_empty_area=False)
    assert grid[0][0] == 1  # row 0 = Excel row 1, col 0 = column A
    assert grid[1][2] == 1
    b2 = grid[1][1]
    assert b2 in ("", "#DIV/0!")
    hasil = periksa_rumus_buku(openpyxl.load_workbook(path), {"Data": grid})
    assert ("B2" in [m.sel for m in hasil]) == (b2 == "#DIV/0!")
