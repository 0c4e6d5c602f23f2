"""The Word adapter reads Word as Word writes it; every unreadable .docx is refused (exit 2).

Documents are built here: a python-docx document whose body is replaced by raw OOXML fragments
(what Word writes for Shift+Enter, equations, content controls, merged cells...).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from iku_xl.cli import main
from iku_xl.core.errors import BerkasTidakValid
from iku_xl.sumber import baca_sumber
from iku_xl.sumber.docx import baris_dari_docx

docx = pytest.importorskip("docx")

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
}


def buat(tujuan: Path, badan: str, kop: str | None = None) -> Path:
    """A .docx made by python-docx whose body is ``badan`` (raw WordprocessingML)."""
    d = docx.Document()
    if kop:
        d.sections[0].header.paragraphs[0].text = kop
        d.sections[0].footer.paragraphs[0].text = kop + " halaman 1"
    buf = io.BytesIO()
    d.save(buf)
    with zipfile.ZipFile(buf) as z:
        bagian = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as z:
        for info, isi in bagian:
            if info.filename == "word/document.xml":
                xml = isi.decode()
                for awalan, uri in NS.items():
                    assert f'xmlns:{awalan}="{uri}"' in xml  # the template declares them
                awal = xml.index("<w:body>") + len("<w:body>")
                isi = (xml[:awal] + badan + xml[xml.index("<w:sectPr", awal):]).encode()
            z.writestr(info.filename, isi)
    return tujuan


def t(teks: str) -> str:
    return f'<w:t xml:space="preserve">{teks}</w:t>'


def r(*isi: str) -> str:
    """A run: strings are text, "<..." raw XML."""
    return "<w:r>" + "".join(x if x.startswith("<") else t(x) for x in isi) + "</w:r>"


def p(*isi: str) -> str:
    return "<w:p>" + "".join(x if x.startswith("<") else r(x) for x in isi) + "</w:p>"


def tc(*isi: str, pr: str = "") -> str:
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>" + "".join(x if x.startswith("<") else p(x) for x in isi) + "</w:tc>"


def tr(*sel: str, pr: str = "") -> str:
    return (f"<w:tr><w:trPr>{pr}</w:trPr>" if pr else "<w:tr>") + "".join(
        x if x.startswith("<") else tc(x) for x in sel) + "</w:tr>"


def tbl(*baris: str) -> str:
    return "<w:tbl><w:tblPr/><w:tblGrid/>" + "".join(baris) + "</w:tbl>"


def sdt(isi: str, placeholder: bool = False) -> str:
    tanda = "<w:showingPlcHdr/>" if placeholder else ""
    return f'<w:sdt><w:sdtPr><w:alias w:val="Isian"/>{tanda}</w:sdtPr><w:sdtContent>{isi}</w:sdtContent></w:sdt>'


def baris(tmp_path: Path, badan: str, kop: str | None = None) -> list[tuple[tuple[str, ...], int, int | None]]:
    return [(b.sel, b.nomor, b.tabel) for b in baris_dari_docx(buat(tmp_path / "uji.docx", badan, kop))]


def sel(tmp_path: Path, badan: str) -> list[tuple[str, ...]]:
    return [s for s, _, _ in baris(tmp_path, badan)]


BR = "<w:br/>"
TAB = "<w:tab/>"


# ---- text inside runs ----------------------------------------------------------------------------

def test_shift_enter_dan_cr_jadi_baris_baru(tmp_path):
    badan = (p(r("Sukamaju, Januari 2017", BR, "CAMAT SUKAMAJU"), r(BR, BR, BR, "Drs. ASEP", "<w:cr/>", "NIP. 1970"))
             + tbl(tr(tc(p(r("Nama", BR, "Pangkat")), p(""), p("Golongan")))))
    assert sel(tmp_path, badan) == [("Sukamaju, Januari 2017\nCAMAT SUKAMAJU\nDrs. ASEP\nNIP. 1970",),
                                    ("Nama\nPangkat\nGolongan",)]


def test_tab_di_sel_spasi_di_luar_tabel_tab(tmp_path):
    badan = p(r("NIP", TAB, ": 1970")) + p(r(TAB, "Menimbang", TAB, ":", TAB, "a.")) + tbl(
        tr(tc(p(r("Target", TAB, "90")))))
    assert sel(tmp_path, badan) == [("NIP\t: 1970",), ("Menimbang\t:\ta.",), ("Target 90",)]


def test_tanda_hubung_dan_simbol(tmp_path):
    badan = p(r("Angka", "<w:noBreakHyphen/>", "Kredit", "<w:softHyphen/>", "nya ",
                '<w:sym w:font="Symbol" w:char="F0B3"/>', " 90 ", '<w:sym w:font="Symbol" w:char="F0B4"/>',
                " 100", '<w:sym w:font="Wingdings" w:char="2264"/>'))
    assert sel(tmp_path, badan) == [("Angka-Kreditnya ≥ 90 × 100≤",)]


# ---- equations -------------------------------------------------------------------------------------

def mr(teks: str) -> str:
    return f"<m:r><m:t>{teks}</m:t></m:r>"


def frac(atas: str, bawah: str) -> str:
    return f"<m:f><m:fPr/><m:num>{atas}</m:num><m:den>{bawah}</m:den></m:f>"


def omath(*isi: str) -> str:
    return "<m:oMath>" + "".join(isi) + "</m:oMath>"


def test_pecahan_omml_dengan_teks_sekitarnya(tmp_path):
    rumus = omath(frac(mr("Jumlah permohonan tepat waktu"), mr("Jumlah seluruh permohonan")), mr("×100%"))
    badan = tbl(tr(tc(p(r("Capaian = "), rumus)), tc(p(omath(frac(mr("a+b"), mr("c")), mr(" x 100 %"))))))
    assert sel(tmp_path, badan) == [("Capaian = Jumlah permohonan tepat waktu / Jumlah seluruh permohonan ×100%",
                                     "(a+b) / c x 100 %")]


def test_omml_paragraf_rumus_dan_bentuk_lain(tmp_path):
    kurung = '<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/></m:dPr><m:e>' + mr("R - T") + "</m:e></m:d>"
    subskrip = "<m:sSub><m:e>" + mr("x") + "</m:e><m:sub>" + mr("i") + "</m:sub></m:sSub>"
    nary = ('<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub>' + mr("i=1") + "</m:sub><m:sup>" + mr("n")
            + "</m:sup><m:e>" + subskrip + "</m:e></m:nary>")
    pangkat = "<m:sSup><m:e>" + mr("10") + "</m:e><m:sup>" + mr("2") + "</m:sup></m:sSup>"
    bersarang = frac(frac(mr("a"), mr("b")), mr("c"))
    badan = ("<w:p><m:oMathPara>" + omath(frac(kurung, mr("T"))) + omath(nary) + "</m:oMathPara></w:p>"
             + p(omath(pangkat, mr(" + "), bersarang)))
    assert sel(tmp_path, badan) == [("[R - T] / T\n∑i=1n xi",), ("10^2 + (a / b) / c",)]


# ---- content controls ------------------------------------------------------------------------------

def test_kontrol_konten_di_blok_baris_sel_run(tmp_path):
    badan = (sdt(p("Judul dalam kontrol"))
             + tbl(tr("No", "Indikator"),
                   sdt(tr("1", "Indeks Kepuasan")),
                   tr(sdt(tc("2")), tc(p(r("Persentase "), sdt(r("layanan")), r(" tepat")))),
                   tr(tc("3"), tc(p(sdt(r("Klik atau ketuk di sini untuk memasukkan teks."), placeholder=True))),
                      sdt(tc("Pilih item."), placeholder=True)))
             + sdt(tbl(tr("A", "B"))))
    assert baris(tmp_path, badan) == [
        (("Judul dalam kontrol",), 1, None),
        (("No", "Indikator"), 2, 0), (("1", "Indeks Kepuasan"), 3, 0), (("2", "Persentase layanan tepat"), 4, 0),
        (("3", "", ""), 5, 0), (("A", "B"), 6, 1)]


# ---- tables -------------------------------------------------------------------------------------

def test_vmerge_gridspan_gridbefore_gridafter(tmp_path):
    restart, lanjut = '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    badan = tbl(
        tr(tc("No"), tc("Sasaran"), tc("Target", pr='<w:gridSpan w:val="2"/>'), tc("Ket"),
           pr='<w:tblHeader/>'),
        tr(tc("1"), tc("Meningkatnya layanan", pr=restart), tc("80"), tc("85"), tc("-")),
        tr(tc("", pr=lanjut), tc("", pr=lanjut), tc("90"), tc("95"), tc("-")),
        tr(tc("92"), tc("97"), pr='<w:gridBefore w:val="2"/><w:gridAfter w:val="1"/>'))
    assert sel(tmp_path, badan) == [("No", "Sasaran", "Target", "", "Ket"),
                                    ("1", "Meningkatnya layanan", "80", "85", "-"),
                                    ("", "", "90", "95", "-"),
                                    ("", "", "92", "97", "")]


def test_tabel_bersarang_jadi_baris_dalam_sel(tmp_path):
    kecil = tbl(tr("2020", "80 %"), tr("2021", "85 %"))
    badan = tbl(tr("No", "Indikator", "Target"), tr(tc("1"), tc("Indeks"), tc(p("Target per tahun:"), kecil, p(""))))
    assert baris(tmp_path, badan) == [(("No", "Indikator", "Target"), 1, 0),
                                      (("1", "Indeks", "Target per tahun:\n2020 80 %\n2021 85 %"), 2, 0)]


def test_tabel_dalam_bingkai_jadi_baris_sendiri(tmp_path):
    """A one-cell layout table framing the IKU table: the inner rows are the rows."""
    dalam = tbl(tr("No", "Indikator"), tr("1", "Indeks Kepuasan"))
    badan = p("IKU") + tbl(tr(tc(p("LAMPIRAN"), dalam)))
    assert baris(tmp_path, badan) == [(("IKU",), 1, None), (("LAMPIRAN",), 2, None),
                                      (("No", "Indikator"), 3, 1), (("1", "Indeks Kepuasan"), 4, 1)]


# ---- what is not read ----------------------------------------------------------------------------

def test_kop_dan_kaki_halaman_tidak_terbaca(tmp_path):
    assert sel(tmp_path, p("Isi"), ) == [("Isi",)]
    assert [s for s, _, _ in baris(tmp_path, p("Isi"), kop="PEMERINTAH KABUPATEN RAHASIA")] == [("Isi",)]


def test_perubahan_terlacak_dan_field(tmp_path):
    hapus = '<w:del w:id="1" w:author="A" w:date="2017-01-01T00:00:00Z"><w:r><w:delText>85</w:delText></w:r></w:del>'
    sisip = '<w:ins w:id="2" w:author="A" w:date="2017-01-01T00:00:00Z">' + r("90") + "</w:ins>"
    baris_hapus = '<w:del w:id="3" w:author="A" w:date="2017-01-01T00:00:00Z"/>'
    field = (r('<w:fldChar w:fldCharType="begin"/>') + r('<w:instrText xml:space="preserve"> DATE \\@ "MMMM yyyy" '
             "</w:instrText>") + r('<w:fldChar w:fldCharType="separate"/>') + r("Januari 2017")
             + r('<w:fldChar w:fldCharType="end"/>'))
    sederhana = '<w:fldSimple w:instr=" PAGE ">' + r("3") + "</w:fldSimple>"
    badan = p(r("Sukamaju, "), field) + p(r("Hal "), sederhana) + tbl(
        tr(tc(p(hapus, sisip))), tr(tc("dihapus"), pr=baris_hapus))
    assert sel(tmp_path, badan) == [("Sukamaju, Januari 2017",), ("Hal 3",), ("90",)]


def test_kotak_teks_sekali_setelah_paragrafnya(tmp_path):
    kotak = '<w:txbxContent>' + p("CAMAT SUKAMAJU") + p("Drs. ASEP") + "</w:txbxContent>"
    alternatif = ("<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + kotak
                  + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>" + kotak
                  + "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent>")
    badan = p(r("Ditetapkan di Sukamaju"), "<w:r>" + alternatif + "</w:r>") + tbl(tr(tc(p(r("Ket"), "<w:r>"
                                                                                          + alternatif + "</w:r>"))))
    assert baris(tmp_path, badan) == [(("Ditetapkan di Sukamaju",), 1, None), (("CAMAT SUKAMAJU",), 2, None),
                                      (("Drs. ASEP",), 3, None), (("Ket\nCAMAT SUKAMAJU\nDrs. ASEP",), 4, 0)]


def test_paragraf_kosong_dihitung_tidak_dikirim(tmp_path):
    assert baris(tmp_path, p("a") + p("") + p(r(BR)) + p("b")) == [(("a",), 1, None), (("b",), 4, None)]


# ---- unreadable files: exit 2, in Indonesian -------------------------------------------------------

OLE = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504


def _zip(isi: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi.items():
            z.writestr(nama, data)
    return buf.getvalue()


def _dengan_dokumen(tmp_path: Path, ganti) -> bytes:
    asli = buat(tmp_path / "asli.docx", p("Isi"))
    with zipfile.ZipFile(asli) as z:
        return _zip({n: ganti(z.read(n)) if n == "word/document.xml" else z.read(n) for n in z.namelist()})


RUSAK = {
    "pdf": (lambda tp: b"%PDF-1.7\n1 0 obj<<>>endobj\n",
            "isinya dokumen PDF yang diberi akhiran .docx. Ganti akhiran namanya menjadi .pdf lalu impor berkas "
            ".pdf itu."),
    "kosong": (lambda tp: b"",
               "berkas kosong (0 byte). Pakai salinan lain dari berkas itu (mis. cadangan atau lampiran aslinya); "
               "berkas kosong sering akibat penyimpanan atau unduhan yang terputus."),
    "zip": (lambda tp: _zip({"catatan.txt": b"halo"}),
            "arsip zip ini tidak berisi dokumen Word (word/document.xml tidak ada). Buka berkas itu di Word lalu "
            "simpan sebagai Dokumen Word (.docx) dan coba lagi; atau pakai salinan aslinya."),
    "xlsx": (lambda tp: _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
             "isinya buku kerja Excel yang diberi akhiran .docx. Ganti akhiran namanya menjadi .xlsx lalu impor "
             "berkas .xlsx itu."),
    "doc": (lambda tp: OLE + "WordDocument".encode("utf-16-le") + b"\0" * 512,
            "berformat Word 97-2003 (.doc) lama, bukan .docx. Buka di Word lalu simpan sebagai Dokumen Word "
            "(.docx) (File > Simpan Sebagai), lalu coba lagi."),
    "sandi": (lambda tp: OLE + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64
              + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512,
              "dokumen terkunci sandi (terenkripsi). Buka di Word dengan sandinya, hapus sandi (File > Info > "
              "Lindungi Dokumen > Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu coba lagi."),
    "doctype": (lambda tp: _dengan_dokumen(tp, lambda x: x.replace(
                    b"?>", b'?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1)
                    .replace(b"Isi<", b"&b;<")),
                "bagian dokumennya memuat deklarasi DOCTYPE/ENTITY, yang tidak pernah ditulis Word (berkas ini "
                "dibuat atau diubah oleh program lain). Jangan buka berkas ini; minta unit pengirim menyimpan ulang "
                "dokumennya dari Word."),
    "rusak": (lambda tp: _zip({"word/document.xml": b"<w:document xmlns:w='x'><w:body>"}),
              "isi dokumennya (word/document.xml) rusak"),
    "terpotong": (lambda tp: buat(tp / "asli.docx", p("Isi")).read_bytes()[:900],
                  "rusak atau tidak lengkap (arsip zip tidak utuh, mis. unduhan atau penyimpanan yang terputus). "
                  "Buka berkas itu di Word lalu simpan sebagai Dokumen Word (.docx) dan coba lagi; atau pakai "
                  "salinan aslinya."),
}


@pytest.mark.parametrize("kasus", sorted(RUSAK))
def test_docx_tak_terbaca_exit_2(tmp_path, capsys, kasus):
    buat_isi, harapan = RUSAK[kasus]
    berkas = tmp_path / f"{kasus}.docx"
    berkas.write_bytes(buat_isi(tmp_path))
    with pytest.raises(BerkasTidakValid):
        baca_sumber(berkas)
    assert main(["impor", str(berkas)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Galat: berkas '{kasus}.docx' tidak dapat dibaca sebagai dokumen Word: {harapan}"), err
    assert "Traceback" not in err and "internal" not in err
    assert not (tmp_path / f"{kasus}.xlsx").exists()


def test_bom_zip_ditolak_tanpa_dibuka(tmp_path, capsys):
    asli = buat(tmp_path / "asli.docx", p("Isi"))
    berkas = tmp_path / "bom.docx"
    with zipfile.ZipFile(asli) as z, zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED) as o:
        for n in z.namelist():
            isi = z.read(n)
            if n != "word/document.xml":
                o.writestr(n, isi)
                continue
            kepala, ekor = isi.split(b"</w:body>")
            with o.open(n, "w") as f:  # streamed: 200 MB of XML never held in memory
                f.write(kepala + b"<w:p><w:r><w:t>")
                blok = b"a" * (1 << 20)
                for _ in range(200):
                    f.write(blok)
                f.write(b"</w:t></w:r></w:p></w:body>" + ekor)
    assert berkas.stat().st_size < 1 << 20
    assert main(["impor", str(berkas)]) == 2
    err = re.sub(r"dari \d+ KB", "dari N KB", capsys.readouterr().err)
    assert err == (
        "Galat: berkas 'bom.docx' tidak dapat dibaca sebagai dokumen Word: bagian word/document.xml mengembang "
        "jauh melampaui batas saat dibuka (200 MB dari N KB; paling banyak 128 MB): mungkin bom zip. Jangan "
        "buka berkas ini; minta unit pengirim menyimpan ulang dokumennya dari Word lalu mengirimkannya lagi.\n")


def test_bagian_dokumen_dari_relasi(tmp_path):
    """The main part is the one _rels/.rels names, not a fixed path (some writers use another)."""
    asli = buat(tmp_path / "asli.docx", p("Dari relasi"))
    berkas = tmp_path / "lain.docx"
    with zipfile.ZipFile(asli) as z, zipfile.ZipFile(berkas, "w") as o:
        for n in z.namelist():
            isi = z.read(n)
            if n == "_rels/.rels":
                isi = isi.replace(b"word/document.xml", b"word/utama.xml")
            o.writestr("word/utama.xml" if n == "word/document.xml" else n, isi)
    assert [b.sel for b in baris_dari_docx(berkas)] == [("Dari relasi",)]


def test_ooxml_strict(tmp_path):
    """Word's "Strict Open XML Document" writes other namespace names for the same elements."""
    asli = buat(tmp_path / "asli.docx", p(r("a", BR, "b")) + tbl(tr("No", "Indikator")))
    berkas = tmp_path / "strict.docx"
    with zipfile.ZipFile(asli) as z, zipfile.ZipFile(berkas, "w") as o:
        for n in z.namelist():
            isi = z.read(n)
            if n == "word/document.xml":
                isi = isi.replace(NS["w"].encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            o.writestr(n, isi)
    assert [b.sel for b in baris_dari_docx(berkas)] == [("a\nb",), ("No", "Indikator")]


@pytest.mark.parametrize("dalam", [100, 400])
def test_bersarang_dalam_tidak_mogok(tmp_path, capsys, dalam):
    """Content controls nested deep: read (100), or refused as damaged (400, past the XML parser's
    depth limit); never a crash."""
    badan = p("awal") + "<w:sdt><w:sdtContent>" * dalam + p("isi") + "</w:sdtContent></w:sdt>" * dalam
    berkas = buat(tmp_path / "dalam.docx", badan)
    if dalam == 100:
        assert [b.sel for b in baris_dari_docx(berkas)] == [("awal",), ("isi",)]
    else:
        assert main(["impor", str(berkas)]) == 2
        assert "tidak dapat dibaca sebagai dokumen Word: isi dokumennya (word/document.xml) rusak" in \
            capsys.readouterr().err


def test_rumus_di_tengah_kalimat_dipisah_spasi(tmp_path):
    badan = p(r("Formulasi:"), omath(frac(mr("a x b"), mr("c"))), r("x 100 %")) + p(r("("), omath(mr("R")), r(")."))
    assert sel(tmp_path, badan) == [("Formulasi: (a x b) / c x 100 %",), ("(R).",)]


def test_grup_kotak_teks_dan_kotak_dalam_kotak(tmp_path):
    """A drawing group with two text boxes gives both, in order; a box inside a box is read once."""
    dalam = "<w:txbxContent>" + p("NIP. 1970") + "</w:txbxContent>"
    gambar = "<w:r><w:drawing><wps:txbx>" + dalam + "</wps:txbx></w:drawing></w:r>"
    kotak2 = "<w:txbxContent>" + p(r("Drs. ASEP"), gambar) + "</w:txbxContent>"
    grup = ("<w:r><w:drawing><wpg:wgp><wps:wsp><wps:txbx><w:txbxContent>" + p("CAMAT") + "</w:txbxContent></wps:txbx>"
            "</wps:wsp><wps:wsp><wps:txbx>" + kotak2 + "</wps:txbx></wps:wsp></wpg:wgp></w:drawing></w:r>")
    assert sel(tmp_path, p(r("Ttd"), grup)) == [("Ttd",), ("CAMAT",), ("Drs. ASEP",), ("NIP. 1970",)]


def test_galat_baca_sumber_apa_pun_exit_2(tmp_path, capsys, monkeypatch):
    """An OS read error (a network share gone, a bad disk) on any source is exit 2, not a bug."""
    import errno

    import iku_xl.sumber.teks as teks

    def rusak(p):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(teks, "baca_teks", rusak)
    berkas = tmp_path / "IKU.txt"
    berkas.write_text("NO\tINDIKATOR\n")
    assert main(["impor", str(berkas)]) == 2
    assert capsys.readouterr().err == (
        "Galat: berkas 'IKU.txt' tidak dapat dibaca (kesalahan baca berkas, OSError errno 5). Periksa izin baca "
        "berkas dan foldernya, salin berkas itu ke folder lokal, lalu coba lagi.\n")
