"""``--pdf`` on ``iku-xl laporan`` and ``hitung`` (issue 12 point 4): a PDF of just the report
sheets, printed by LibreOffice headless.

The LibreOffice tests are marked ``libreoffice`` and skipped without soffice, unless
IKU_XL_WAJIB_LO=1 (CI): then they fail. The missing-soffice path runs everywhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from iku_xl.cli import main
from iku_xl.workbook import pdf as modul_pdf
from tests.lo import soffice_ada

WAJIB = os.environ.get("IKU_XL_WAJIB_LO") == "1"
perlu_lo = pytest.mark.skipif(not soffice_ada() and not WAJIB,
                              reason="LibreOffice (soffice) tidak terpasang; set IKU_XL_WAJIB_LO=1 agar ini gagal")
#: Titles of the input sheets (Petunjuk, Profil, Indikator, Target, Realisasi, ...), as regular
#: expressions: never in the PDF.
#: (The Indikator sheet's title is the report title's start: it must not stand alone.)
JUDUL_ISIAN = ("CONTOH: sasaran", "PROFIL INSTANSI DAN PENGATURAN", r"INDIKATOR KINERJA UTAMA \(IKU\)(?! TAHUN)",
               "TARGET KINERJA", "REALISASI KINERJA", "SKALA PREDIKAT KUSTOM", "PROGRAM, KEGIATAN DAN ANGGARAN")


def _teks(pdf: Path, halaman: int | None = None) -> str:
    batas = ["-f", str(halaman), "-l", str(halaman)] if halaman else []
    return subprocess.run(["pdftotext", "-layout", *batas, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def _ukuran_halaman(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return [(float(a), float(b)) for a, b in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


@pytest.mark.libreoffice
@perlu_lo
def test_laporan_pdf_hanya_lembar_laporan(salin, tmp_path, capsys):
    keluar = tmp_path / "Legok_laporan.xlsx"
    assert main(["laporan", str(salin("contoh_legok_2020.xlsx")), "--tahun", "2020", "-o", str(keluar),
                 "--pdf"]) == 0
    pdf = tmp_path / "Legok_laporan.pdf"
    assert f"PDF disimpan di: {pdf}" in capsys.readouterr().out
    assert keluar.is_file() and pdf.read_bytes().startswith(b"%PDF")
    # A4 landscape on every page (841.89 x 595.28 pt)
    ukuran = _ukuran_halaman(pdf)
    assert ukuran and all(abs(w - 841.9) < 1 and abs(h - 595.3) < 1 for w, h in ukuran), ukuran
    # the report, one page wide: its first and last columns and the signature on page 1
    satu = _teks(pdf, 1)
    assert "LAPORAN CAPAIAN TARGET INDIKATOR KINERJA UTAMA (IKU) TAHUN 2020" in satu
    for teks in ("Sasaran Strategis", "Keterangan", "Nilai SAKIP Kecamatan Legok", "Rata-rata capaian",
                 "110,63", "Plt. CAMAT LEGOK", "NIP. 19620620 198703 1 006"):  # Indonesian decimal comma
        assert teks in satu, teks
    semua = _teks(pdf)
    assert "ANGGARAN DAN REALISASI ANGGARAN PER PROGRAM TAHUN 2020" in semua
    assert "13.914.503.100" in semua  # the budget total, a formula LibreOffice computed, Indonesian separators
    # every budget page is whole: the header row repeated with its first and last column
    for i in range(2, len(ukuran)):
        halaman = _teks(pdf, i)
        assert "Program" in halaman and "Capaian IKU" in halaman, i
    # the chart sheet is the last page, drawn (openpyxl reads its chart back as 0 x 0: blank page)
    assert "Capaian IKU Tahun 2020 (%)" in _teks(pdf, len(ukuran))
    for judul in JUDUL_ISIAN:
        assert not re.search(judul, semua), judul
    # the picture a staff member prints (looked at when this test was written)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "hal")],
                   check=True)
    [png] = tmp_path.glob("hal*.png")
    assert png.stat().st_size > 10_000
    # the workbook keeps every sheet
    assert openpyxl.load_workbook(keluar).sheetnames[:2] == ["Petunjuk", "Profil"]


@pytest.mark.libreoffice
@perlu_lo
def test_hitung_pdf_dan_timpa(salin, tmp_path, capsys):
    keluar = tmp_path / "c.xlsx"
    buku = str(salin("contoh_bantargebah_2024-2026.xlsx"))
    assert main(["hitung", buku, "--tahun", "2025", "-o", str(keluar), "--pdf"]) == 0
    pdf = tmp_path / "c.pdf"
    semua = _teks(pdf)
    assert "Capaian" in semua and "REALISASI KINERJA" not in semua and "TARGET KINERJA" not in semua
    lama = pdf.read_bytes()
    capsys.readouterr()
    # an existing PDF is never replaced without --timpa ...
    keluar.unlink()
    assert main(["hitung", buku, "--tahun", "2025", "-o", str(keluar), "--pdf"]) == 2
    err = capsys.readouterr().err
    assert f"Galat: berkas '{pdf}' sudah ada." in err and "--timpa" in err
    assert pdf.read_bytes() == lama
    # ... and with it, the old one is kept as a backup
    assert main(["hitung", buku, "--tahun", "2025", "-o", str(keluar), "--pdf", "--timpa"]) == 0
    out = capsys.readouterr().out
    [cadangan] = tmp_path.glob("c.cadangan-*.pdf")
    assert f"PDF lama disimpan sebagai: {cadangan}" in out and cadangan.read_bytes() == lama


@pytest.mark.libreoffice
@perlu_lo
def test_triwulan_pdf_hanya_lembar_triwulan(salin, tmp_path, capsys):
    """``laporan --triwulan N --pdf``: the quarterly sheet alone, A4 landscape."""
    keluar = tmp_path / "tw.xlsx"
    buku = str(salin("contoh_legok_2020.xlsx"))
    assert main(["laporan", buku, "--triwulan", "2", "-o", str(keluar), "--pdf"]) == 0
    assert f"PDF disimpan di: {tmp_path / 'tw.pdf'}" in capsys.readouterr().out
    semua = _teks(tmp_path / "tw.pdf")
    assert "TRIWULAN II TAHUN 2020" in semua
    assert "LAPORAN CAPAIAN TARGET" not in semua and "REALISASI KINERJA" not in semua
    assert all(lebar > tinggi for lebar, tinggi in _ukuran_halaman(tmp_path / "tw.pdf"))


def test_tanpa_libreoffice_buku_tetap_ditulis(salin, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(modul_pdf, "cari_soffice", lambda: None)
    keluar = tmp_path / "l.xlsx"
    assert main(["laporan", str(salin("contoh_legok_2020.xlsx")), "-o", str(keluar), "--pdf"]) == 2
    out, err = capsys.readouterr()
    assert f"Laporan disimpan di: {keluar}" in out and keluar.is_file()
    assert err == (
        "Galat: PDF 'l.pdf' tidak dibuat: LibreOffice (soffice) tidak ditemukan; buku kerjanya tetap disimpan. "
        "Pasang LibreOffice lalu jalankan lagi: di Debian/Ubuntu 'sudo apt install libreoffice-calc-nogui', di "
        "Windows unduh dan pasang LibreOffice dari https://www.libreoffice.org. Atau buka buku kerjanya di Excel "
        "dan simpan lembar laporan sebagai PDF.\n")
    assert not (tmp_path / "l.pdf").exists()


def test_salinan_hanya_lembar_laporan_tanpa_nama_ke_lembar_isian(salin, tmp_path):
    from openpyxl.workbook.defined_name import DefinedName

    from iku_xl.workbook.proses import buat_laporan

    hasil = buat_laporan(salin("contoh_legok_2020.xlsx"), 2020, tmp_path / "l.xlsx")
    assert hasil.lembar == ("Laporan Capaian 2020", "Anggaran 2020", "Grafik Capaian 2020")
    wb = openpyxl.load_workbook(hasil.keluaran)
    wb.defined_names["DaftarKode"] = DefinedName("DaftarKode", attr_text="Indikator!$A$5:$A$20")
    wb.defined_names["Rata"] = DefinedName("Rata", attr_text="'Laporan Capaian 2020'!$G$16")
    wb.save(hasil.keluaran)
    modul_pdf._salinan_laporan(hasil.keluaran, hasil.lembar, tmp_path / "s.xlsx")
    salinan = openpyxl.load_workbook(tmp_path / "s.xlsx")
    assert salinan.sheetnames == list(hasil.lembar)
    assert sorted(salinan.defined_names) == ["Rata"]
    assert len(salinan["Grafik Capaian 2020"]._charts) == 1


def test_path_pdf_xlsm():
    assert modul_pdf.path_pdf(Path("a/IKU 2024_laporan-2024.xlsm")) == Path("a/IKU 2024_laporan-2024.pdf")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="tanpa soffice")
def test_cari_soffice_di_path():
    assert modul_pdf.cari_soffice() == shutil.which("soffice")
