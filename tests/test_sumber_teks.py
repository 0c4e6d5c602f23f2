"""Pasted text: tab-separated as before; columns aligned with spaces (pdftotext -layout, a PDF
viewer's copy) found over the whole block, wrapped lines joined into their cells; a text with no
columns refused with what was expected."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from iku_xl.cli import main
from iku_xl.core.impor import BarisSumber, impor_baris
from iku_xl.sumber.docx import baris_dari_docx
from iku_xl.sumber.kolom import Garis, Potongan, kepala_kaki, susun
from iku_xl.sumber.teks import baris_dari_teks
from iku_xl.workbook.impor import impor

PDF = Path(__file__).resolve().parent / "fixtures" / "pdf"
KORPUS = Path(__file__).resolve().parent / "fixtures" / "dokumen"

#: As pdftotext -layout gives a ruled table: a merged Sasaran cell, cells wrapped over lines,
#: a header over two lines, the numbering row, a page break with the header repeated.
LAYOUT = """\
                       INDIKATOR KINERJA UTAMA (IKU)
                            KECAMATAN SUKAMAJU
                                TAHUN 2024

NO   SASARAN            INDIKATOR KINERJA         SATUAN   TARGET   SUMBER DATA
     STRATEGIS                                             2024
(1)  (2)                (3)                       (4)      (5)      (6)
1    Meningkatnya       Indeks Kepuasan           Indeks   83,5     Laporan survei
     kualitas           Masyarakat                                  IKM
     pelayanan publik
                        Persentase pengaduan      %        95       Rekap
                        yang ditindaklanjuti                        pengaduan
2    Meningkatnya       Nilai AKIP Kecamatan      Nilai    BB       LHE SAKIP

                                                  Halaman 1 dari 2
\f
NO   SASARAN            INDIKATOR KINERJA         SATUAN   TARGET   SUMBER DATA
     STRATEGIS                                             2024
(1)  (2)                (3)                       (4)      (5)      (6)
     akuntabilitas      Persentase rekomendasi    %        90       Laporan tindak
     kinerja            yang ditindaklanjuti                        lanjut

                                                Sukamaju, 2 Januari 2024
                                                CAMAT SUKAMAJU



                                                BUDI SANTOSO, S.Sos
                                                NIP. 19700209 199003 1 002

                                                  Halaman 2 dari 2
"""


def test_kolom_spasi_dan_baris_terbungkus():
    sel = [b.sel for b in baris_dari_teks(LAYOUT)]
    assert sel[:8] == [
        ("INDIKATOR KINERJA UTAMA (IKU)",), ("KECAMATAN SUKAMAJU",), ("TAHUN 2024",),
        ("NO", "SASARAN\nSTRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET\n2024", "SUMBER DATA"),
        ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
        ("1", "Meningkatnya\nkualitas\npelayanan publik", "Indeks Kepuasan\nMasyarakat", "Indeks", "83,5",
         "Laporan survei\nIKM"),
        ("", "", "Persentase pengaduan\nyang ditindaklanjuti", "%", "95", "Rekap\npengaduan"),
        ("2", "Meningkatnya", "Nilai AKIP Kecamatan", "Nilai", "BB", "LHE SAKIP"),
    ]
    teks = "\n".join(c for s in sel for c in s)
    assert "Halaman" not in teks  # the page footers
    assert ("", "", "", "", "", "") in sel  # the page break inside the table
    assert ("", "akuntabilitas\nkinerja", "Persentase rekomendasi\nyang ditindaklanjuti", "%", "90",
            "Laporan tindak\nlanjut") in sel
    assert sel[-4:] == [("Sukamaju, 2 Januari 2024",), ("CAMAT SUKAMAJU",), ("BUDI SANTOSO, S.Sos",),
                        ("NIP. 19700209 199003 1 002",)]


def test_kolom_spasi_diimpor():
    hasil = impor_baris(baris_dari_teks(LAYOUT))
    assert [(i.nama, i.satuan) for i in hasil.buku.indikator] == [
        ("Indeks Kepuasan Masyarakat", "Indeks"), ("Persentase pengaduan yang ditindaklanjuti", "%"),
        ("Nilai AKIP Kecamatan", "Nilai"), ("Persentase rekomendasi yang ditindaklanjuti", "%")]
    assert hasil.buku.indikator[0].sasaran == "Meningkatnya kualitas pelayanan publik"
    assert [(t.kode, t.nilai) for t in hasil.buku.target][:2] == [("1.1", 83.5), ("1.2", 95.0)]
    assert hasil.buku.profil.nip == "19700209 199003 1 002"


def test_teks_bertab_tetap_seperti_dulu():
    """Text with tabs reads as it always did, spaces inside cells and all."""
    teks = "NO\tINDIKATOR  KINERJA\tTARGET\n1\tPersentase   pengaduan\t90\n\n**Catatan**   akhir\n"
    assert baris_dari_teks(teks) == [
        BarisSumber(("NO", "INDIKATOR  KINERJA", "TARGET"), 1), BarisSumber(("1", "Persentase   pengaduan", "90"), 2),
        BarisSumber(("",), 3), BarisSumber(("Catatan**   akhir".replace("**", ""),), 4)]


def test_formulir_dua_kolom_bukan_tabel():
    """Two aligned columns are a form ("Ditetapkan di   : Kota"): one cell, the gap kept as a tab."""
    teks = "Ditetapkan di   : Cibinong\nPada tanggal    : 6 Januari 2025\n"
    assert [b.sel for b in baris_dari_teks(teks)] == [("Ditetapkan di\t: Cibinong",),
                                                       ("Pada tanggal\t: 6 Januari 2025",)]


def test_kolom_dari_posisi_titik():
    """The same rules over PDF positions (points): the gap between rows starts a new row."""
    g = [Garis((Potongan(50, 70, "NO"), Potongan(100, 160, "INDIKATOR"), Potongan(300, 330, "TARGET"))),
         Garis((Potongan(50, 55, "1"), Potongan(100, 180, "Persentase"), Potongan(300, 312, "90")), jeda=1.2),
         Garis((Potongan(100, 190, "pengaduan selesai"),), jeda=0.1),
         Garis((Potongan(100, 170, "Jumlah kader"), Potongan(300, 305, "5")), jeda=1.2)]
    assert susun(g, tepat=3) == [("NO", "INDIKATOR", "TARGET"), ("1", "Persentase\npengaduan selesai", "90"),
                                 ("", "Jumlah kader", "5")]


def test_kepala_kaki_hanya_di_tepi():
    halaman = [[(10, "PEMDA"), (60, "isi 1"), (70, "PEMDA"), (800, "- 1 -")],
               [(10, "PEMDA"), (60, "isi 2"), (800, "- 2 -")],
               [(10, "PEMDA"), (60, "isi 3")]]
    assert sorted(kepala_kaki(halaman)) == [(0, 0), (0, 3), (1, 0), (1, 2), (2, 0)]


def test_teks_tanpa_kolom_ditolak(tmp_path, capsys):
    p = tmp_path / "salinan.txt"
    p.write_text("INDIKATOR KINERJA UTAMA\nNo\nSasaran\nIndikator Kinerja\nSatuan\n1.\nMeningkatnya pelayanan\n"
                 "Persentase surat selesai\n%\n", encoding="utf-8")
    assert main(["impor", str(p)]) == 2
    assert capsys.readouterr().err == (
        "Galat: Buku kerja TIDAK dibuat: tidak ada tabel IKU yang terbaca dari sumber ini. Teks 'salinan.txt' "
        "tidak berkolom: iku-xl mencari baris tabel yang selnya dipisah tab, atau kolom yang sejajar dengan dua "
        "spasi atau lebih. Bila teks ini disalin dari PDF, impor berkas PDF-nya langsung (iku-xl impor "
        "DOKUMEN.pdf); atau salin tabelnya dari Word (sel dipisah tab) lalu simpan sebagai .txt.\n")
    assert not (tmp_path / "salinan_iku.xlsx").exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) tidak terpasang")
@pytest.mark.parametrize("nama", ["iku_bergaris", "iku_tanpa_garis"])
def test_pdftotext_layout_sama_dengan_word(tmp_path, nama):
    """What pdftotext -layout gives of the PDF imports as the Word file does."""
    p = tmp_path / f"{nama}.txt"
    subprocess.run(["pdftotext", "-layout", str(PDF / f"{nama}.pdf"), str(p)], check=True, timeout=60)
    teks, word = impor(p), impor_baris(baris_dari_docx(PDF / f"{nama}.docx"))
    assert [(i.kode, i.sasaran, i.nama, i.satuan) for i in teks.buku.indikator] == [
        (i.kode, i.sasaran, i.nama, i.satuan) for i in word.buku.indikator]
    assert teks.buku.target == word.buku.target
    assert teks.buku.profil == word.buku.profil


_KORPUS_TEKS = sorted(KORPUS.glob("*-layout.txt")) if KORPUS.is_dir() else []


@pytest.mark.skipif(not _KORPUS_TEKS, reason="korpus dokumen belum ada")
@pytest.mark.parametrize("path", _KORPUS_TEKS, ids=lambda p: p.stem)
def test_korpus_layout_sama_dengan_pdf(path):
    """The -layout text of a corpus document imports as its PDF does (indicators and targets)."""
    teks = impor(path)
    pdf = impor(path.with_name(path.name.replace("-layout.txt", ".pdf")))
    assert [(i.kode, i.nama, i.satuan) for i in teks.buku.indikator] == [
        (i.kode, i.nama, i.satuan) for i in pdf.buku.indikator]
    assert teks.buku.target == pdf.buku.target


def test_teks_panjang_tidak_macet():
    """A long pasted table without page breaks reads in bounded time (generous bound: does not hang)."""
    import time

    baris = ["NO    INDIKATOR KINERJA          SATUAN   TARGET 2024"]
    for k in range(1, 3001):
        baris += [f"{k:<5} Persentase layanan ke-{k:<6} %        {k % 100}", "      yang diselesaikan"]
    mulai = time.perf_counter()
    sel = [b.sel for b in baris_dari_teks("\n".join(baris))]
    assert time.perf_counter() - mulai < 60
    assert sel[1] == ("1", "Persentase layanan ke-1\nyang diselesaikan", "%", "1")
    assert len(sel) == 3001


def test_formulir_titik_dua_bukan_tabel():
    teks = ("Menimbang     :   a. bahwa dalam rangka pelaksanaan Peraturan Menteri\n"
            "                  setiap instansi pemerintah perlu menetapkan IKU;\n"
            "Mengingat     :   1. Undang-Undang Nomor 23 Tahun 2014;\n")
    assert [b.sel for b in baris_dari_teks(teks)] == [
        ("Menimbang\t:\ta. bahwa dalam rangka pelaksanaan Peraturan Menteri",),
        ("setiap instansi pemerintah perlu menetapkan IKU;",), ("Mengingat\t:\t1. Undang-Undang Nomor 23 Tahun 2014;",)]
