"""PDF input: the fixtures of tests/fixtures/buat_fixture_pdf.py (Word files printed to PDF by
LibreOffice), PDFs that cannot be read (made here), and the corpus of tests/fixtures/dokumen/
when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from iku_xl.cli import main
from iku_xl.core.errors import BerkasTidakValid
from iku_xl.core.impor import impor_baris
from iku_xl.sumber import baca_sumber
from iku_xl.sumber import pdf as sumber_pdf
from iku_xl.sumber.docx import baris_dari_docx
from iku_xl.sumber.pdf import baris_dari_pdf
from iku_xl.workbook.impor import impor

PDF = Path(__file__).resolve().parent / "fixtures" / "pdf"
KORPUS = Path(__file__).resolve().parent / "fixtures" / "dokumen"


def _pdf_mentah(objek: list[bytes], tambahan: bytes = b"") -> bytes:
    """A minimal PDF with the given objects (1 = catalog), xref and trailer."""
    keluar, letak = b"%PDF-1.4\n", []
    for i, o in enumerate(objek, 1):
        letak.append(len(keluar))
        keluar += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(keluar)
    keluar += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objek) + 1) + b"".join(b"%010d 00000 n \n" % x for x in letak)
    return keluar + (b"trailer\n<< /Size %d /Root 1 0 R " % (len(objek) + 1) + tambahan
                     + b">>\nstartxref\n%d\n%%%%EOF\n" % xref)


_HALAMAN = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]


def _ringkas(hasil):
    return ([(i.kode, i.sasaran, i.nama, i.satuan) for i in hasil.buku.indikator],
            [(t.kode, t.tahun, t.nilai) for t in hasil.buku.target])


def test_tabel_bergaris_dua_tahun_berhalaman():
    baris = baris_dari_pdf(PDF / "iku_bergaris.pdf")
    sel = [b.sel for b in baris]
    teks = "\n".join(c for s in sel for c in s)
    assert "PEMERINTAH KABUPATEN SUKAMAJU" not in teks and "Halaman" not in teks  # page header/footer
    assert sel[:5] == [
        ("INDIKATOR KINERJA UTAMA (IKU)",), ("KECAMATAN SUKAMAJU",), ("TAHUN 2023",),
        ("NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA UTAMA", "SATUAN", "ALASAN / FORMULASI", "TARGET\n2023",
         "SUMBER DATA"),
        ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)")]
    assert sel[5][:4] == ("1", "Meningkatnya kualitas\npelayanan publik di\nKecamatan Sukamaju",
                          "Indeks Kepuasan Masyarakat\nterhadap layanan administrasi\nkecamatan", "Indeks")
    assert sel[6][:2] == ("", "")  # the merged Sasaran cell: its text once, in its first row
    assert sel[-5:] == [("Sukamaju, 2 Januari 2024",), ("CAMAT SUKAMAJU",), ("BUDI SANTOSO, S.Sos, M.Si",),
                        ("Pembina Tk. I",), ("NIP. 19700209 199003 1 002",)]
    assert sorted({b.tabel for b in baris} - {None}) == [0, 1]
    assert [b.nomor for b in baris] == list(range(1, len(baris) + 1))


@pytest.mark.parametrize("nama", ["iku_bergaris", "iku_tanpa_garis"])
def test_pdf_sama_dengan_word(nama):
    """The PDF printed from a Word file imports as the Word file does."""
    dari_pdf = impor(PDF / f"{nama}.pdf")
    dari_docx = impor_baris(baris_dari_docx(PDF / f"{nama}.docx"))
    assert _ringkas(dari_pdf) == _ringkas(dari_docx)
    assert len(dari_pdf.buku.indikator) == 6
    assert dari_pdf.buku.profil == dari_docx.buku.profil
    assert dari_pdf.tidak_terbaca == ()
    ind = {i.kode: i for i in dari_pdf.buku.indikator}
    assert ind["1.2"].sumber_data == "Rekap pengaduan Seksi Pelayanan"  # a Shift+Enter line kept apart


def test_tanpa_garis_baris_terpotong_halaman():
    """No ruling lines: columns from the words; the row split by the page break is its own row after
    the repeated header, with an empty row for the break."""
    sel = [b.sel for b in baris_dari_pdf(PDF / "iku_tanpa_garis.pdf")]
    assert ("", "", "", "", "", "", "") in sel
    k = sel.index(("", "", "", "", "Seksi Ketenteraman dan Ketertiban Umum.", "", ""))
    assert sel[k - 1] == ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)")
    assert sel[k + 1][2:4] == ("Jumlah kasus konflik sosial di\nwilayah kecamatan", "Kasus")
    # the signer's underlined name over the rank is no fraction; the rule under a title neither
    assert sel[-4:] == [("CAMAT SUKAMAJU",), ("BUDI SANTOSO, S.Sos, M.Si",), ("Pembina Tk. I",),
                        ("NIP. 19700209 199003 1 002",)]
    assert sel[1] == ("KECAMATAN SUKAMAJU",)


def test_cli_impor_pdf(tmp_path, capsys):
    keluar = tmp_path / "iku.xlsx"
    assert main(["impor", str(PDF / "iku_bergaris.pdf"), "-o", str(keluar)]) == 0
    assert "Terbaca 3 sasaran, 6 indikator, 12 target" in capsys.readouterr().out
    assert keluar.exists()


def test_pdf_hasil_pindai(tmp_path, capsys):
    from PIL import Image

    p = tmp_path / "sk_pindai.pdf"
    Image.new("RGB", (300, 400), "white").save(p)
    assert main(["impor", str(p)]) == 2
    assert capsys.readouterr().err == (
        "Galat: berkas 'sk_pindai.pdf' adalah hasil pindai (scan): halamannya gambar, tanpa teks yang dapat "
        "dibaca. Jadikan teks dulu dengan OCR (mis. perangkat lunak pemindai, atau buka PDF itu di Microsoft "
        "Word: File > Buka, lalu simpan sebagai .docx), atau ketik/salin tabel IKU dari berkas Word aslinya, "
        "lalu impor lagi.\n")


def test_pdf_berkata_sandi(tmp_path, capsys):
    kunci = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"
    p = tmp_path / "rahasia.pdf"
    p.write_bytes(_pdf_mentah([*_HALAMAN, kunci], b"/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> "
                                                  b"<00112233445566778899aabbccddeeff>] "))
    assert main(["impor", str(p)]) == 2
    assert capsys.readouterr().err.startswith(
        "Galat: berkas 'rahasia.pdf' dikunci dengan kata sandi; isinya tidak dapat dibaca. Buka PDF itu")


@pytest.mark.parametrize("isi", [b"%PDF-1.4", b"%PDF-1.4\n1 0 obj << /Type /Catalog", b"bukan pdf sama sekali",
                                 b"PK\x03\x04 docx yang diberi nama .pdf"])
def test_pdf_rusak(tmp_path, capsys, isi):
    p = tmp_path / "rusak.pdf"
    p.write_bytes(isi)
    assert main(["impor", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Galat: berkas 'rusak.pdf' bukan PDF yang utuh dan tidak dapat dibaca (")
    assert "Unduh atau simpan ulang PDF itu dari aslinya, atau impor berkas Word aslinya." in err


def test_pdf_terlalu_banyak_halaman(monkeypatch):
    monkeypatch.setattr(sumber_pdf, "HALAMAN_MAKS", 1)
    with pytest.raises(BerkasTidakValid) as e:
        baca_sumber(PDF / "iku_bergaris.pdf")
    assert str(e.value).startswith("berkas 'iku_bergaris.pdf' berisi 2 halaman; iku-xl membaca PDF paling "
                                   "banyak 1 halaman. Simpan halaman tabel IKU")


def test_pdf_kosong_tanpa_tabel(tmp_path):
    """A page with no text at all: a scan as far as the reader can tell."""
    p = tmp_path / "kosong.pdf"
    p.write_bytes(_pdf_mentah(list(_HALAMAN)))
    with pytest.raises(BerkasTidakValid, match="hasil pindai"):
        baris_dari_pdf(p)


_KORPUS_PDF = sorted(KORPUS.glob("*.pdf")) if KORPUS.is_dir() else []


@pytest.mark.skipif(not _KORPUS_PDF, reason="korpus dokumen belum ada")
@pytest.mark.parametrize("path", _KORPUS_PDF, ids=lambda p: p.stem)
def test_korpus_pdf(path):
    """Every corpus PDF reads (a scan is refused as one), and every word of the Word form's
    indicator names and sasaran is in the PDF's rows: the adapter loses nothing."""
    if not path.with_suffix(".docx").exists():
        with pytest.raises(BerkasTidakValid, match="hasil pindai"):
            baris_dari_pdf(path)
        return
    teks = "".join("".join(c.split()) for b in baris_dari_pdf(path) for c in b.sel)
    docx = impor(path.with_suffix(".docx"))
    assert docx.jumlah_indikator >= 1
    for i in docx.buku.indikator:  # word by word: Word's Shift+Enter may join two words, a page may split a name
        assert [w for w in f"{i.nama} {i.sasaran}".split() if w not in teks] == [], i.nama


@pytest.mark.parametrize("nama", ["iku_bergaris", "iku_tanpa_garis"])
def test_persamaan_word_jadi_pecahan(nama):
    """A formulasi written as a Word equation: the bar between the two lines is read as "/", the
    "x 100 %" beside it stays after it, and the cells beside it are not cut into rows."""
    sel = [b.sel for b in baris_dari_pdf(PDF / f"{nama}.pdf")]
    baris = [s for s in sel if len(s) > 2 and s[2] == "Persentase pengaduan\nmasyarakat yang ditindaklanjuti"]
    assert len(baris) == (2 if nama == "iku_bergaris" else 1)
    for s in baris:
        assert s[3:5] == ("%", "Pengaduan ditindaklanjuti / Pengaduan diterima x 100 %")
        assert s[6] == "Rekap pengaduan\nSeksi Pelayanan"
