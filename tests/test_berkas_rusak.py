"""Issue 9, points 4-6: hostile, damaged and huge files, and paths that are not files.

Every case of the corpus (:mod:`tests.berkas_rusak`, built on the fly) goes through the CLI in a
subprocess limited to 1.5 GiB of address space: ``validasi``, ``hitung`` and ``laporan`` must
each exit 2 with an Indonesian message naming the problem, print no traceback, leave the input's
bytes as they were and no file beside it, in well under a minute. The recap takes a folder with
one bad file of every kind and two files whose reader process dies: each is listed with its
reason, the good units are recapped, nothing hangs and no temp file stays.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from iku_xl.core.errors import BerkasTidakValid
from iku_xl.workbook import pemeriksaan as pm
from iku_xl.workbook.rekap import ALASAN_PEKERJA_MATI
from tests import berkas_rusak as br
from tests.conftest import WORKBOOKS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, setrlimit and fork are POSIX")

#: What each case's message must say (besides "tidak dapat dibuka").
KATA = {
    "XFD1048576": ["Lembar 'Target' sel XFD1048576", "sel terisi sejauh XFD1048576",
                   "Hapus isi sel XFD1048576 di lembar 'Target'", "lalu simpan"],
    "A1048576": ["Lembar 'Target' sel A1048576", "paling banyak 250.000 baris",
                 "Hapus isi sel A1048576 di lembar 'Target'"],
    "bom zip (ukuran jujur)": ["mungkin bom zip", "xl/worksheets/sheet4.xml"],
    "bom zip (ukuran bohong)": ["mungkin bom zip", "xl/worksheets/sheet4.xml"],
    "billion laughs di lembar": ["deklarasi DOCTYPE/entitas XML", "lembar 'Target'"],
    "billion laughs di workbook.xml": ["deklarasi DOCTYPE/entitas XML", "xl/workbook.xml"],
    "XXE di lembar": ["deklarasi DOCTYPE/entitas XML", "lembar 'Target'"],
    "XXE di workbook.xml": ["deklarasi DOCTYPE/entitas XML", "xl/workbook.xml"],
    "zip terpotong": ["rusak atau tidak lengkap", "arsip zip tidak utuh"],
    "deflate rusak (zlib.error)": ["rusak, data terkompresi", "(zlib.error)"],
    "indeks teks bersama di luar jangkauan": ["teks bersama (sharedStrings)"],
    "FIFO": ["bukan berkas biasa (mis. pipa bernama atau perangkat)"],
    "folder bernama x.xlsx": ["ini sebuah folder, bukan buku kerja"],
    "berkas kosong": ["berkas kosong (0 byte)"],
    "bita acak": ["bukan arsip zip"],
    "PDF diberi nama .xlsx": ["isinya dokumen PDF"],
    "berkas terenkripsi (OLE)": ["terkunci sandi (terenkripsi)"],
}
#: The recap reads with calamine, and reads no formula-free sheet with openpyxl.
KATA_REKAP = {**KATA, "indeks teks bersama di luar jangkauan": ["tidak dapat dibaca"]}
BATAS_DETIK = 60


def _jejak(folder: Path) -> dict[str, str]:
    """Every path under ``folder`` with its kind and, for files, its bytes' hash."""
    hasil = {}
    for p in sorted(folder.rglob("*")):
        st = p.lstat()
        if stat.S_ISREG(st.st_mode):
            hasil[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            hasil[str(p.relative_to(folder))] = stat.filemode(st.st_mode)[0]
    return hasil


def _tanpa_traceback(*h: br.Hasil) -> None:
    for x in h:
        assert "Traceback" not in x.teks and "panicked" not in x.teks and "Error:" not in x.teks, x.teks


@pytest.mark.parametrize("kasus", list(br.KASUS))
def test_validasi_hitung_laporan_menolak_dengan_exit_2(kasus, tmp_path):
    folder = tmp_path / "unit"
    folder.mkdir()
    p = br.KASUS[kasus](folder)
    sebelum = _jejak(folder)
    tiap, semua = br.jalankan_banyak([["validasi", str(p)], ["hitung", str(p), "--tahun", "2020"],
                                      ["laporan", str(p), "--tahun", "2020"], ["impor", str(p)]], folder,
                                     waktu=BATAS_DETIK)
    assert semua.kode == 0, (semua.kode, semua.teks)  # finished, within the memory limit
    assert semua.detik < BATAS_DETIK
    _tanpa_traceback(semua, *tiap)
    for h, perintah in zip(tiap, ("validasi", "hitung", "laporan", "impor")):
        assert h.kode == 2, (perintah, h.teks)
        assert h.galat.startswith("Galat: "), (perintah, h.teks)
        assert "tidak dapat dibuka" in h.galat, (perintah, h.galat)
        for kata in KATA[kasus]:
            assert kata in h.galat, (perintah, kata, h.galat)
    assert _jejak(folder) == sebelum  # the input's bytes unchanged, nothing written beside it


def test_lembar_jauh_pesan_lengkap(tmp_path):
    p = br.sel_jauh(tmp_path, "XFD1048576")
    with pytest.raises(BerkasTidakValid) as e:
        pm.periksa_berkas(p)
    assert str(e.value) == (
        "Lembar 'Target' sel XFD1048576: berkas 'jauh_XFD1048576.xlsx' tidak dapat dibuka: berisi sel terisi "
        "sejauh XFD1048576; iku-xl membaca paling banyak 250.000 baris dan 1.000 kolom (sampai ALL) per lembar. "
        "Hapus isi sel XFD1048576 di lembar 'Target' (ketik XFD1048576 di Kotak Nama lalu tekan Delete; hapus juga "
        "baris/kolom kosong sesudah data), lalu simpan dan coba lagi.")


def test_run_normal_muat_dalam_batas_memori(tmp_path):
    """The limit the corpus runs under is not what makes it fail: the example fits easily."""
    p = tmp_path / "legok.xlsx"
    shutil.copy2(WORKBOOKS / "contoh_legok_2020.xlsx", p)
    tiap, semua = br.jalankan_banyak([["validasi", str(p)], ["laporan", str(p)]], tmp_path)
    assert [h.kode for h in tiap] == [0, 0], [h.teks for h in tiap]
    assert semua.rss_mib < br.BATAS_MEMORI / br.MIB / 3


def buku_satu_lembar(xml: str | bytes) -> bytes:
    """The smallest workbook zip the pre-check reads: one sheet "Data" whose XML is ``xml``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="Data" r:id="rId1"/></sheets>'
                                      "</workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                   'Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", xml)
    return buf.getvalue()


def _zip_lembar(xml: str) -> bytes:
    return buku_satu_lembar(f"<worksheet><sheetData>{xml}</sheetData></worksheet>")


def _sel(*ref: str) -> str:
    return "".join(f'<row r="{"".join(c for c in r if c.isdigit())}"><c r="{r}"><v>1</v></c></row>' for r in ref)


@pytest.mark.parametrize("ref, diterima", [
    ("A250000", True), ("A250001", False), ("ALL1", True), ("ALM1", False),
])
def test_batas_baris_dan_kolom(ref, diterima):
    data = _zip_lembar(_sel("A1", ref))
    if diterima:
        assert pm.periksa_berkas("u.xlsx", data).lembar["Data"].sel == 2
    else:
        with pytest.raises(BerkasTidakValid, match=f"Lembar 'Data' sel {ref}:"):
            pm.periksa_berkas("u.xlsx", data)


def test_sel_kosong_di_dalam_luas_dibatasi():
    """1000 columns x 5001 rows with two cells: 5 million empty cells for a dense reader."""
    with pytest.raises(BerkasTidakValid, match="dengan 5.000.998 sel kosong di antaranya"):
        pm.periksa_berkas("u.xlsx", _zip_lembar(_sel("A1", "ALL5001")))
    assert pm.periksa_berkas("u.xlsx", _zip_lembar(_sel("A1", "ALL5000"))).lembar["Data"] == pm.Luas(5000, 1000, 2)


def test_sel_tanpa_alamat_dihitung_seperti_openpyxl():
    xml = '<row><c><v>1</v></c><c><v>2</v></c></row><row r="7"><c r="C7"><v>3</v></c><c><v>4</v></c></row>'
    assert pm.periksa_berkas("u.xlsx", _zip_lembar(xml)).lembar["Data"] == pm.Luas(7, 4, 4, rumus_atau_galat=True)


def test_pemeriksaan_murah_untuk_buku_biasa():
    """No time assertion (see benchmarks/); only that the check reads each part once and the
    answer for an unchanged file is remembered."""
    p = WORKBOOKS / "contoh_legok_2020.xlsx"
    pm._CACHE.clear()
    a = pm.periksa_berkas(p)
    assert pm.periksa_berkas(p) is a
    assert a.lembar["Target"] == pm.Luas(43, 11, 453)  # with the Rencana Aksi TW I-IV columns


def test_bug_di_tempat_lain_tetap_exit_1(tmp_path, monkeypatch, capsys):
    """The boundary maps only the readers' errors: an IndexError in iku-xl's own code is a bug."""
    from iku_xl import cli
    from iku_xl.workbook import proses

    p = tmp_path / "legok.xlsx"
    shutil.copy2(WORKBOOKS / "contoh_legok_2020.xlsx", p)

    def rusak(*_a, **_k):
        raise IndexError("list index out of range")

    monkeypatch.setattr(proses, "rencana_laporan", rusak)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    assert cli.main(["laporan", str(p)]) == 1
    assert "kesalahan internal" in capsys.readouterr().err


# ---- the recap -----------------------------------------------------------------------------------

#: Run before the CLI: two files whose reader process dies (as an abort or the OOM killer would).
PEMBUNUH = """
import os, signal
from iku_xl.workbook import rekap as _r
_asli = _r.baca_unit
def _baca_unit(path):
    if path.name == "mati_exit.xlsx":
        os._exit(134)
    if path.name == "mati_kill.xlsx":
        os.kill(os.getpid(), signal.SIGKILL)
    return _asli(path)
_r.baca_unit = _baca_unit
"""


def test_rekap_folder_berkas_rusak_tidak_menghentikan_yang_lain(tmp_path):
    folder = tmp_path / "kecamatan"
    folder.mkdir()
    baik = [folder / f"unit_{i}.xlsx" for i in range(4)]
    for p in baik:
        shutil.copy2(WORKBOOKS / "contoh_legok_2020.xlsx", p)
    buruk = {}
    for i, (kasus, buat) in enumerate(br.KASUS.items()):
        (folder / f"kasus{i:02d}").mkdir()
        buruk[kasus] = buat(folder / f"kasus{i:02d}")
    del buruk["folder bernama x.xlsx"]  # inside a folder being recapped it is walked, not listed
    for nama in ("mati_exit.xlsx", "mati_kill.xlsx"):
        shutil.copy2(WORKBOOKS / "contoh_legok_2020.xlsx", folder / nama)
    br.xls_lama(folder)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    keluar = tmp_path / "rekap.xlsx"
    sebelum = _jejak(folder)
    h = br.jalankan_cli(["rekap", str(folder), "--tahun", "2020", "-o", str(keluar), "-q"], tmp_path,
                        waktu=BATAS_DETIK, kode_python=f"import os\nos.environ['TMPDIR'] = {str(tmp)!r}\n" + PEMBUNUH)
    assert h.kode == 0, h.teks
    _tanpa_traceback(h)
    jumlah = len(baik) + len(buruk) + 3
    assert f"Rekap 2020: {jumlah} berkas, {len(baik)} unit direkap, {jumlah - len(baik)} berkas bermasalah" in h.keluar
    wb = openpyxl.load_workbook(keluar, read_only=True)
    alasan = {r[0]: r[1] for r in wb["Berkas Bermasalah"].iter_rows(min_row=5, values_only=True) if r[0]}
    direkap = [r[-1] for r in wb["Ringkasan Unit"].iter_rows(min_row=4, values_only=True) if r[0]]
    wb.close()
    for kasus, p in buruk.items():
        for kata in KATA_REKAP[kasus]:
            assert kata in alasan[p.name], (kasus, alasan[p.name])
    assert alasan["mati_exit.xlsx"] == alasan["mati_kill.xlsx"] == ALASAN_PEKERJA_MATI
    assert alasan["unit_lama.xls"].startswith("format .xls lama; simpan ulang sebagai .xlsx")
    assert len(alasan) == jumlah - len(baik)
    assert direkap == [p.name for p in baik]  # every good unit recapped, in input order
    assert _jejak(folder) == sebelum
    assert list(tmp.iterdir()) == []  # XlsxWriter's temp files and the workers' leave nothing
    assert h.detik < BATAS_DETIK


def test_rekap_urutan_dan_pulih_setelah_pekerja_mati(tmp_path, monkeypatch):
    """In-process: the results come in input order around a worker that dies, and the pool goes on."""
    from iku_xl.workbook import rekap as r

    folder = tmp_path / "f"
    folder.mkdir()
    nama = [f"{i:02d}.xlsx" for i in range(12)]
    for n in nama:
        shutil.copy2(WORKBOOKS / "contoh_legok_2020.xlsx", folder / n)
    asli = r.baca_unit

    def baca_unit(path):
        if path.name == "05.xlsx":
            os._exit(1)
        return asli(path)

    monkeypatch.setattr(r, "baca_unit", baca_unit)
    with r.hasil_berurutan(sorted(folder.iterdir()), 2020, proses=2) as hasil:
        semua = list(hasil)
    assert [h.berkas for h in semua] == nama
    assert [bool(h.galat) for h in semua] == [n == "05.xlsx" for n in nama]
    assert semua[5].galat == (ALASAN_PEKERJA_MATI,)


def test_lembar_utf16_diukur_teliti():
    """A sheet in UTF-16 hides its cells from byte patterns: expat measures it (and finds the far cell)."""
    xml = ('<?xml version="1.0" encoding="UTF-16"?><worksheet><sheetData>'
           + _sel("A1", "XFD1048576") + "</sheetData></worksheet>").encode("utf-16")
    data = _zip_lembar("")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as asal, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n in asal.namelist():
            z.writestr(n, xml if n.endswith("sheet1.xml") else asal.read(n))
    with pytest.raises(BerkasTidakValid, match="Lembar 'Data' sel XFD1048576:"):
        pm.periksa_berkas("u.xlsx", buf.getvalue())


@pytest.mark.parametrize("sel", ['<c r="A1"/><c  r="XFD1"/>', '<c r="A1"/><c t="n" r="XFD1"/>',
                                 '<c r="A1"/><c r="&#88;FD1"/>', '<c r="A1"/><x:c xmlns:x="m" r="XFD1"/>',
                                 '<c r="A1"/><c\nr="XFD1"/>'])
def test_sel_yang_ditulis_lain_diukur_teliti(sel):
    """Every other way to write a cell's start than `<c r="B3"` is measured by expat, not missed."""
    with pytest.raises(BerkasTidakValid, match="sel XFD1:"):
        pm.periksa_berkas("u.xlsx", _zip_lembar(f'<row r="1">{sel}</row>'))


def test_baris_kosong_jauh_juga_dihitung():
    """openpyxl's read-only rows fill up to an empty row far away (nilai_tersimpan reads that way)."""
    with pytest.raises(BerkasTidakValid, match="Lembar 'Data' sel A1048576:"):
        pm.periksa_berkas("u.xlsx", _zip_lembar('<row r="1"><c r="A1"/></row><row r="1048576" ht="20"/>'))


@pytest.mark.parametrize("nama", ["tabel.txt", "sk.docx"])
def test_impor_fifo_ditolak_tanpa_menunggu(tmp_path, nama):
    os.mkfifo(tmp_path / nama)
    [h], semua = br.jalankan_banyak([["impor", str(tmp_path / nama)]], tmp_path, waktu=BATAS_DETIK)
    assert h.kode == 2 and "bukan berkas biasa (mis. pipa bernama atau perangkat)" in h.galat, h.teks
    _tanpa_traceback(h, semua)
