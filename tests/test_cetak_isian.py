"""Print setup of the input sheets (issue 12 point 4): A4, one page wide, the header row on every
page, wrapped text not cut. The template carries it; a staff member's own print setup in their
workbook is never overwritten by iku-xl's jobs.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from iku_xl.core.skema import BARIS_JUDUL, LEMBAR_DATA, PROFIL_NAMA
from iku_xl.core.tata_letak import LEBAR_A4_TEGAK
from iku_xl.workbook import proses
from iku_xl.workbook.pdf import _salinan_laporan
from tests.lo import konversi, soffice_ada

WAJIB = os.environ.get("IKU_XL_WAJIB_LO") == "1"
perlu_lo = pytest.mark.skipif(not soffice_ada() and not WAJIB,
                              reason="LibreOffice (soffice) tidak terpasang; set IKU_XL_WAJIB_LO=1 agar ini gagal")
WORKBOOKS = Path(__file__).resolve().parent.parent / "workbooks"
ISIAN = ("Petunjuk", PROFIL_NAMA, *(d.nama for d in LEMBAR_DATA))
A4 = (595.3, 841.9)  # points


@pytest.mark.parametrize("berkas", ["templat_iku.xlsx", "templat_iku.xlsm", "contoh_legok_2020.xlsx",
                                    "contoh_bantargebah_2024-2026.xlsx"])
def test_lembar_isian_punya_pengaturan_cetak(berkas):
    wb = openpyxl.load_workbook(WORKBOOKS / berkas, keep_vba=berkas.endswith(".xlsm"))
    for nama in ISIAN:
        ws = wb[nama]
        ps = ws.page_setup
        assert (ps.paperSize, ps.fitToWidth, ps.fitToHeight) == (9, 1, 0), nama  # 9 = A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, nama
        lebar = sum(ws.column_dimensions[k].width for k in ws.column_dimensions if ws.column_dimensions[k].width)
        assert ps.orientation == ("portrait" if lebar <= LEBAR_A4_TEGAK else "landscape"), (nama, lebar)
        if nama != "Petunjuk":
            assert ws.print_title_rows == f"${BARIS_JUDUL}:${BARIS_JUDUL}", nama
        if nama in ("Petunjuk", *(d.nama for d in LEMBAR_DATA)):
            assert not ws.print_area, nama  # tables grow: every row staff add must print
    # Profil: only columns A:C print (the .xlsm puts its buttons beside them)
    assert wb[PROFIL_NAMA].print_area.startswith("'Profil'!$A$1:$C$")


def test_baris_berisi_teks_panjang_lebih_tinggi():
    wb = openpyxl.load_workbook(WORKBOOKS / "contoh_legok_2020.xlsx")
    ws = wb["Indikator"]
    # 1.1's Alasan wraps over several lines of a 30-wide column: its row must show them all
    assert ws.row_dimensions[BARIS_JUDUL + 1].height >= 4 * 12.75
    assert ws["A2"].alignment.wrap_text and "A2:K2" in {str(g) for g in ws.merged_cells.ranges}


def test_pengaturan_cetak_staf_tidak_ditimpa(salin, tmp_path):
    """A staff member set their own print setup on Target and Indikator: the report job keeps it."""
    buku = salin("contoh_legok_2020.xlsx")
    wb = openpyxl.load_workbook(buku)
    ws = wb["Target"]
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_LEGAL
    ws.page_setup.fitToHeight = 3
    ws.print_title_rows = "1:3"
    ws.print_area = "A1:D20"
    wb["Indikator"].page_setup.scale = 55
    wb["Indikator"].sheet_properties.pageSetUpPr.fitToPage = False
    wb.save(buku)
    hasil = proses.buat_laporan(buku, 2020, tmp_path / "hasil.xlsx", waktu=dt.datetime(2021, 1, 5))
    wb = openpyxl.load_workbook(hasil.keluaran)
    ws = wb["Target"]
    assert (ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToHeight) == ("portrait", 5, 3)
    assert ws.print_title_rows == "$1:$3" and ws.print_area == "'Target'!$A$1:$D$20"
    assert wb["Indikator"].page_setup.scale == 55 and not wb["Indikator"].sheet_properties.pageSetUpPr.fitToPage


@pytest.mark.libreoffice
@perlu_lo
def test_cetak_libreoffice_satu_halaman_lebar_kepala_berulang(tmp_path):
    """Each input sheet of the example printed alone by LibreOffice: A4, nothing past the right
    margin, the header row again on page 2, every word of the Indikator sheet printed (not cut)."""
    sumber = WORKBOOKS / "contoh_legok_2020.xlsx"
    salinan = []
    for nama in ISIAN:
        f = tmp_path / (nama.replace(" ", "_") + ".xlsx")
        _salinan_laporan(sumber, [nama], f)
        salinan.append(f)
    pdf = dict(zip(ISIAN, konversi(salinan, tmp_path / "pdf", ".pdf")))
    wb = openpyxl.load_workbook(sumber)
    for nama, berkas in pdf.items():
        with pdfplumber.open(berkas) as dok:
            for i, hal in enumerate(dok.pages, start=1):
                assert sorted((round(hal.width, 1), round(hal.height, 1))) == list(A4), (nama, i)
                assert max(c["x1"] for c in hal.chars) <= hal.width - 20, (nama, i)  # one page wide
            if len(dok.pages) > 1 and nama != "Petunjuk":
                kepala = [c.value for c in wb[nama][BARIS_JUDUL] if c.value]
                teks2 = dok.pages[1].extract_text()
                assert all(w in teks2 for k in kepala for w in k.split()), (nama, "kepala di halaman 2")
    with pdfplumber.open(pdf["Indikator"]) as dok:
        kata = set(" ".join(h.extract_text() for h in dok.pages).split())
    ws = wb["Indikator"]
    for baris in ws.iter_rows(min_row=BARIS_JUDUL + 1, values_only=True):
        for nilai in baris:
            if isinstance(nilai, str):
                assert set(nilai.split()) <= kata, nilai
    assert len(pdf) == len(ISIAN)
    with pdfplumber.open(pdf["Realisasi"]) as dok:
        assert len(dok.pages) >= 2  # the header-on-page-2 check above ran on a long sheet
