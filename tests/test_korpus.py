"""The importer on the corpus (tests/korpus/, tests/fixtures/dokumen/): every document in every
form it is kept in must import to exactly what the document says, nothing lost, nothing invented.

The expected values come from the documents' data (:func:`tests.korpus.dokumen.harapan`), the
comparison from :func:`tests.korpus.skor.skor`; each failure names the document, the form and the
field, with what was found.
"""

from __future__ import annotations

import shutil
from functools import cache

import pytest

from iku_xl.cli import main
from iku_xl.core.impor.model import HasilImpor
from tests.korpus.dokumen import DOKUMEN, harapan
from tests.korpus.skor import BENTUK, FOLDER, bentuk_ada, skor

#: The plain copy a PDF viewer gives (cell texts one per line, no columns) cannot be read back into
#: a table without guessing: it is refused with what was expected (issue 10, point 3).
DITOLAK = ("salin",)
KASUS = [(d.nama, b) for d in DOKUMEN for b in bentuk_ada(d.nama) if b not in DITOLAK]
SALIN = [d.nama for d in DOKUMEN if "salin" in bentuk_ada(d.nama)]


@cache
def _impor(nama: str, bentuk: str) -> HasilImpor:
    from iku_xl.workbook.impor import impor

    return impor(FOLDER / f"{nama}{BENTUK[bentuk]}")


def test_korpus_lengkap():
    """Every document has its four forms committed, and the scan and Excel forms exist."""
    for d in DOKUMEN:
        assert {"docx", "pdf", "layout", "salin"} <= set(bentuk_ada(d.nama)), d.nama
    assert (FOLDER / "pindaian.pdf").exists()
    assert sum("xlsx" in bentuk_ada(d.nama) for d in DOKUMEN) >= 2
    assert len(KASUS) >= 26  # 8 documents x docx, pdf, layout (+ 2 xlsx); the 8 plain copies are refused


@pytest.mark.parametrize(("nama", "bentuk"), KASUS, ids=[f"{n}-{b}" for n, b in KASUS])
def test_dokumen(nama, bentuk):
    d = next(x for x in DOKUMEN if x.nama == nama)
    s = skor(_impor(nama, bentuk), harapan(d), bentuk)
    masalah = [f"salah: {x}" for x in s.salah] + [f"dikarang (tidak ada di dokumen): {x}" for x in s.karangan]
    assert not masalah, f"{nama} ({bentuk}): {s.benar}/{s.total} benar\n  " + "\n  ".join(masalah)
    assert s.benar == s.total


def _isi(hasil: HasilImpor) -> list[tuple[str, str, list[tuple[int, str]]]]:
    buku = hasil.buku
    return [(" ".join(i.nama.split()), i.satuan,
             sorted((t.tahun, str(t.nilai)) for t in buku.target if t.kode == i.kode)) for i in buku.indikator]


@pytest.mark.parametrize("nama", SALIN)
def test_salinan_tanpa_kolom_ditolak_dengan_saran(capsys, monkeypatch, tmp_path, nama):
    """A copy without columns is refused, exit 2, saying what was expected and pointing to the PDF;
    nothing is written and nothing is invented."""
    kode, teks = _jalankan(capsys, monkeypatch, tmp_path, FOLDER / f"{nama}-salin.txt")
    assert kode == 2
    assert "tidak ada tabel IKU" in teks
    assert "tab" in teks and "spasi" in teks and ".pdf" in teks
    assert not (tmp_path / "hasil.xlsx").exists()


@pytest.mark.parametrize("bentuk", ["pdf", "layout", "xlsx"])
def test_bentuk_sama_dengan_docx(bentuk):
    """The forms of one document give the same indicators, units and targets as its Word file."""
    nama = "sk_camat_sukamaju_2017"
    docx, lain = _isi(_impor(nama, "docx")), _isi(_impor(nama, bentuk))
    assert lain == docx, f"{nama}: {bentuk} berbeda dari docx"


def _jalankan(capsys, monkeypatch, tmp_path, sumber):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "cache"))
    kode = main(["impor", str(sumber), "-o", str(tmp_path / "hasil.xlsx")])
    keluar = capsys.readouterr()
    teks = keluar.out + keluar.err
    assert "Traceback" not in teks
    return kode, teks


def test_pindaian_minta_ocr(capsys, monkeypatch, tmp_path):
    kode, teks = _jalankan(capsys, monkeypatch, tmp_path, FOLDER / "pindaian.pdf")
    assert kode == 2, teks
    assert "pindaian.pdf" in teks
    assert ("pindaian" in teks.replace("pindaian.pdf", "").lower() or "scan" in teks.lower()) and "OCR" in teks, teks
    assert not (tmp_path / "hasil.xlsx").exists()


@pytest.mark.parametrize("isi", ["pdf", "kosong"])
def test_docx_palsu_keluar_2(capsys, monkeypatch, tmp_path, isi):
    """A PDF renamed .docx and an empty .docx: an Indonesian message naming the file, exit 2."""
    sumber = tmp_path / "IKU_2024.docx"
    if isi == "pdf":
        shutil.copy(FOLDER / "iku_kelurahan_sukahati_2025.pdf", sumber)
    else:
        sumber.write_bytes(b"")
    kode, teks = _jalankan(capsys, monkeypatch, tmp_path, sumber)
    assert kode == 2, teks
    assert "IKU_2024.docx" in teks and "berkas" in teks.lower(), teks
    assert "kesalahan internal" not in teks, teks
    assert not (tmp_path / "hasil.xlsx").exists()


def _struktur(path):
    """The text and the Word features of a .docx's body, not its bytes (zip dates, ids)."""
    import re
    import zipfile

    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    teks = re.findall(r"<(?:w|m):t(?: [^>]*)?>([^<]*)<", xml)
    fitur = {f: xml.count(f"<{f}") for f in ("w:br", "w:tab/", "m:f>", "w:sdt>", "w:vMerge", "w:gridSpan",
                                            "w:tbl>", "w:tblHeader")}
    return teks, fitur


@pytest.mark.parametrize("dokumen", DOKUMEN, ids=[d.nama for d in DOKUMEN])
def test_docx_sesuai_skrip(tmp_path, dokumen):
    """The committed .docx is what tests/korpus/buat.py builds from the data (run it after editing
    tests/korpus/dokumen.py: python -m tests.korpus.buat)."""
    from tests.korpus.buat import buat_docx

    baru = tmp_path / f"{dokumen.nama}.docx"
    buat_docx(dokumen, baru)
    assert _struktur(baru) == _struktur(FOLDER / baru.name), \
        f"{dokumen.nama}.docx berbeda dari datanya: jalankan python -m tests.korpus.buat {dokumen.nama}"
