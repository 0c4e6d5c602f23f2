"""Staff content survives `laporan --timpa`, or the overwrite is refused with the list (issue 9.2).

The workbook is generated (tests/buku_staf.py): pictures, rich text, a chart sheet in the
middle, hidden and very hidden sheets, comments, validation, conditional formats, hyperlinks,
a table, names, print areas; raw XML for what openpyxl cannot keep.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText
from openpyxl.chart import BarChart, Reference

from iku_xl.core.errors import BerkasTidakValid
from iku_xl.core.skema import LEMBAR_DATA
from iku_xl.workbook.inventaris import inventaris, yang_hilang
from iku_xl.workbook.penulis import simpan_buku
from iku_xl.workbook.proses import buat_laporan
from tests import lo
from tests.buku_staf import (AREA_CETAK_STAF, BATANG_DATA_2010, LEMBAR_BARU, LEMBAR_GRAFIK, LEMBAR_STAF, SPARKLINE,
                             TAHUN, buat_buku_staf, png, sisipkan_xml)
from tests.conftest import AKAR, WAKTU

LAPORAN = f"Laporan Capaian {TAHUN}"


def _cli(*argv: str, tanpa_pillow: bool = False) -> subprocess.CompletedProcess[str]:
    """`iku-xl ...` in a fresh process; ``tanpa_pillow`` blocks ``import PIL`` before openpyxl
    is imported, as on an install without Pillow."""
    awal = "import sys; sys.modules['PIL'] = None; " if tanpa_pillow else "import sys; "
    kode = awal + "from iku_xl.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONPATH": str(AKAR)}
    return subprocess.run([sys.executable, "-c", kode, *argv], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.fixture(scope="module")
def buku_staf(tmp_path_factory) -> Path:
    return buat_buku_staf(tmp_path_factory.mktemp("staf") / "staf.xlsx")


@pytest.fixture
def staf(buku_staf, tmp_path) -> Path:
    """A fresh copy of the staff workbook in this test's own folder."""
    return Path(shutil.copy2(buku_staf, tmp_path / "staf.xlsx"))


def _nama_lokal(path: Path) -> dict[tuple[str, str], str]:
    """Raw xl/workbook.xml: (sheet the localSheetId points at, name) -> value."""
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(path) as z:
        akar = fromstring(z.read("xl/workbook.xml"))
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    lembar = [s.get("name") for s in akar.iter(ns + "sheet")]
    return {(lembar[int(n.get("localSheetId"))], n.get("name")): n.text
            for n in akar.iter(ns + "definedName") if n.get("localSheetId") is not None}


def test_buku_staf_memuat_semua_jenis_isi(buku_staf):
    """The generated workbook really carries what the round trip below claims to keep."""
    inv = inventaris(buku_staf)
    per = inv.per_lembar()
    assert [(lb.nama, lb.jenis, lb.status) for lb in inv.lembar][:2] == [
        ("Petunjuk", "worksheet", "visible"), (LEMBAR_GRAFIK, "chartsheet", "visible")]
    assert (per["Arsip Tersembunyi"].status, per["Kunci"].status) == ("hidden", "veryHidden")
    assert per[LEMBAR_GRAFIK].isi == {"grafik": 1}
    assert per[LEMBAR_BARU].isi == {"gambar": 1, "teks_kaya": 2, "komentar": 1, "validasi": 1,
                                    "format_bersyarat": 2, "tautan": 1, "tabel": 1}
    assert per["Indikator"].isi["teks_kaya"] == 1 and per[LEMBAR_STAF].isi == {"teks_kaya": 1}
    assert {("", "DataStaf"), (LEMBAR_STAF, "Print_Area"), (LEMBAR_BARU, "Print_Area"),
            (LEMBAR_BARU, "Print_Titles"), (LEMBAR_BARU, "RincianLokal")} <= inv.nama


def test_laporan_timpa_menyimpan_semua_isi_staf(staf):
    sebelum = inventaris(staf)
    hasil = _cli("laporan", str(staf), "-o", str(staf), "--timpa")
    assert hasil.returncode == 0, hasil.stderr
    assert "Laporan disimpan di:" in hasil.stdout
    # nothing lost; the signature-date peringatan depends on the real clock (a 2020 report)
    assert [b for b in hasil.stdout.splitlines()
            if b.startswith("PERINGATAN") and "tanggal laporan dikosongkan" not in b] == []

    sesudah = inventaris(staf)
    assert yang_hilang(sebelum, sesudah) == []
    assert [lb for lb in sesudah.lembar] == [lb for lb in sebelum.lembar]  # same sheets, states, counts
    with zipfile.ZipFile(staf) as z:
        media = [n for n in z.namelist() if n.startswith("xl/media/")]
        assert [z.read(n) for n in media] == [png()]
    wb = openpyxl.load_workbook(staf, rich_text=True)
    assert wb.sheetnames[1] == LEMBAR_GRAFIK and wb[LEMBAR_GRAFIK]._charts
    assert wb.sheetnames[-3:] == [LAPORAN, f"Anggaran {TAHUN}", f"Grafik Capaian {TAHUN}"]
    kaya = wb[LEMBAR_BARU]["F1"].value
    assert isinstance(kaya, CellRichText) and str(kaya) == "Penting: merah biasa"
    assert kaya[0].font.b and kaya[1].font.color.rgb == "FFFF0000"
    assert isinstance(wb["Indikator"]["C4"].value, CellRichText)
    # ... while the report got the plain text of the rich indicator name
    nama = [c.value for r in wb[LAPORAN].iter_rows() for c in r if isinstance(c.value, str)
            and c.value.endswith("infrastruktur dasar dalam kondisi baik")]
    assert nama == ["Prosentase Jumlah infrastruktur dasar dalam kondisi baik"]
    # print areas and titles on their own sheets, for openpyxl and in the raw XML
    assert wb[LEMBAR_BARU].print_area == f"'{LEMBAR_BARU}'!{AREA_CETAK_STAF}"
    assert wb[LAPORAN].print_area.startswith(f"'{LAPORAN}'!$A$1:")
    lokal = _nama_lokal(staf)
    assert {k for k in lokal if k[1].startswith("_xlnm.")} == {
        (LEMBAR_STAF, "_xlnm.Print_Area"), (LEMBAR_BARU, "_xlnm.Print_Area"), (LEMBAR_BARU, "_xlnm.Print_Titles"),
        (LAPORAN, "_xlnm.Print_Area"), (LAPORAN, "_xlnm.Print_Titles"),
        (f"Anggaran {TAHUN}", "_xlnm.Print_Area"), (f"Anggaran {TAHUN}", "_xlnm.Print_Titles"),
        # the template's own print setup of the input sheets (header row repeated; Profil's columns A:C)
        ("Profil", "_xlnm.Print_Area"), ("Profil", "_xlnm.Print_Titles"),
        *((d.nama, "_xlnm.Print_Titles") for d in LEMBAR_DATA)}
    for (lembar, _), nilai in lokal.items():
        assert nilai.startswith(f"'{lembar}'!"), (lembar, nilai)
    assert lokal[(LEMBAR_BARU, "RincianLokal")] == f"'{LEMBAR_BARU}'!$B$2:$D$4"


def _isi_folder(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.parent.iterdir()}


def test_tanpa_pillow_gambar_tidak_hilang_diam_diam(staf):
    awal = _isi_folder(staf)
    hasil = _cli("laporan", str(staf), "-o", str(staf), "--timpa", tanpa_pillow=True)
    assert hasil.returncode == 2
    assert hasil.stderr.strip() == (
        "Galat: berkas 'staf.xlsx' tidak ditimpa: isi berikut tidak dapat disimpan ulang oleh iku-xl dan akan "
        "hilang: Lembar 'Rincian Staf': 1 gambar. Berkas tidak diubah. Simpan hasilnya ke berkas baru dengan -o "
        "(berkas asli tetap utuh), atau hapus/ubah isi tersebut di Excel (mis. ganti sparkline dengan grafik "
        "biasa) lalu jalankan lagi. Gambar hanya dapat disimpan bila paket Pillow terpasang: pip install pillow.")
    assert _isi_folder(staf) == awal  # original bytes unchanged, no backup, no temporary file


def test_tanpa_pillow_berkas_baru_dengan_peringatan(staf):
    baru = staf.with_name("hasil.xlsx")
    hasil = _cli("laporan", str(staf), "-o", str(baru), tanpa_pillow=True)
    assert hasil.returncode == 0, hasil.stderr
    assert ("PERINGATAN isi berikut dari 'staf.xlsx' tidak ikut tersimpan di 'hasil.xlsx': Lembar 'Rincian Staf': "
            "1 gambar. Berkas asli tetap utuh dan masih memuatnya; jangan menimpa berkas asli dengan hasil ini. "
            "Gambar hanya dapat disimpan bila paket Pillow terpasang: pip install pillow.") in hasil.stdout
    assert inventaris(baru).per_lembar()[LEMBAR_BARU].isi["gambar"] == 0


def test_sparkline_timpa_ditolak_berkas_baru_diberi_peringatan(staf):
    sisipkan_xml(staf, LEMBAR_BARU, SPARKLINE)
    awal = _isi_folder(staf)
    hasil = _cli("laporan", str(staf), "-o", str(staf), "--timpa")
    assert hasil.returncode == 2
    assert "tidak ditimpa" in hasil.stderr and "Lembar 'Rincian Staf': 1 sparkline." in hasil.stderr
    assert "Pillow" not in hasil.stderr
    assert _isi_folder(staf) == awal

    hasil = _cli("laporan", str(staf), "-o", str(staf.with_name("baru.xlsx")))
    assert hasil.returncode == 0, hasil.stderr
    peringatan = [b for b in hasil.stdout.splitlines()  # the signature date's depends on the real clock
                  if b.startswith("PERINGATAN") and "tanggal laporan dikosongkan" not in b]
    assert peringatan == ["PERINGATAN isi berikut dari 'staf.xlsx' tidak ikut tersimpan di 'baru.xlsx': "
                          "Lembar 'Rincian Staf': 1 sparkline. Berkas asli tetap utuh dan masih memuatnya; "
                          "jangan menimpa berkas asli dengan hasil ini."]
    assert staf.with_name("baru.xlsx").exists() and _isi_folder(staf)["staf.xlsx"] == awal["staf.xlsx"]


@pytest.mark.filterwarnings("ignore:Conditional Formatting extension is not supported")
@pytest.mark.parametrize(("ext", "dinamis", "bentuk", "hilang"), [
    (BATANG_DATA_2010, False, False, "1 format bersyarat Excel 2010 (mis. batang data)"),
    ("", True, False, "1 rumus array dinamis"),
    ("", False, True, "1 bentuk/kotak teks"),
])
def test_isi_yang_dibuang_openpyxl_terdeteksi(staf, ext, dinamis, bentuk, hilang):
    sisipkan_xml(staf, LEMBAR_BARU, ext, sel_dinamis=dinamis, bentuk=bentuk)
    asli = staf.read_bytes()
    with pytest.raises(BerkasTidakValid) as e:
        buat_laporan(staf, keluaran=staf, timpa=True, waktu=WAKTU)
    assert f"Lembar 'Rincian Staf': {hilang}" in e.value.pesan
    assert staf.read_bytes() == asli


def test_bagian_xml_tidak_lazim_ditolak_dengan_pesan(staf):
    """A part iku-xl cannot check (here a DTD in a comments part) stops the run: exit 2, not 1."""
    with zipfile.ZipFile(staf) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    isi["xl/comments/comment1.xml"] = b'<!DOCTYPE x [<!ENTITY a "aaa">]>' + isi["xl/comments/comment1.xml"]
    with zipfile.ZipFile(staf, "w") as z:
        for n, data in isi.items():
            z.writestr(n, data)
    hasil = _cli("laporan", str(staf), "-o", str(staf), "--timpa")
    assert hasil.returncode == 2
    assert hasil.stderr.startswith("Galat: isi berkas 'staf.xlsx' tidak dapat diperiksa")


def test_lembar_dan_status_yang_hilang_disebut(staf, tmp_path):
    wb = openpyxl.load_workbook(staf)  # without rich_text=True: the rich text is flattened too
    wb["Kunci"].sheet_state = "visible"
    del wb["Arsip Tersembunyi"]
    del wb.defined_names["DataStaf"]
    simpan_buku(wb, tmp_path / "ubah.xlsx")
    hilang = yang_hilang(inventaris(staf), inventaris(tmp_path / "ubah.xlsx"))
    assert hilang == [
        "Lembar 'Indikator': 1 sel teks berformat (rich text)",
        "Lembar 'Catatan Staf': 1 sel teks berformat (rich text)",
        "Lembar 'Rincian Staf': 2 sel teks berformat (rich text)",
        "Lembar 'Arsip Tersembunyi' (seluruhnya)",
        "Lembar 'Kunci': status 'sangat tersembunyi' menjadi 'terlihat'",
        "Buku kerja: nama 'DataStaf'",
    ]


def test_openpyxl_sendiri_memindahkan_area_cetak_setelah_lembar_grafik(tmp_path):
    """The openpyxl 3.1.5 behaviour :mod:`iku_xl.workbook.penulis` corrects (if openpyxl fixes
    it, this test says so and the correction becomes a no-op)."""
    wb = openpyxl.Workbook()
    wb.active.title = "A"
    wb.active.append([1, 2])
    grafik = BarChart()
    grafik.add_data(Reference(wb.active, min_col=1, max_col=2, min_row=1), from_rows=True)
    wb.create_chartsheet("Grafik").add_chart(grafik)  # openpyxl cannot read back an empty chart sheet
    for nama in ("B", "C"):
        ws = wb.create_sheet(nama)
        ws.print_area = "A1:B2"
        ws.print_title_rows = "1:1"
    wb.save(tmp_path / "openpyxl.xlsx")
    simpan_buku(wb, tmp_path / "iku.xlsx")
    assert {k: v.split("!")[0] for k, v in _nama_lokal(tmp_path / "openpyxl.xlsx").items()} == {
        ("Grafik", "_xlnm.Print_Area"): "'B'", ("Grafik", "_xlnm.Print_Titles"): "'B'",
        ("B", "_xlnm.Print_Area"): "'C'", ("B", "_xlnm.Print_Titles"): "'C'"}
    assert {k: v.split("!")[0] for k, v in _nama_lokal(tmp_path / "iku.xlsx").items()} == {
        ("B", "_xlnm.Print_Area"): "'B'", ("B", "_xlnm.Print_Titles"): "'B'",
        ("C", "_xlnm.Print_Area"): "'C'", ("C", "_xlnm.Print_Titles"): "'C'"}
    baca = openpyxl.load_workbook(tmp_path / "iku.xlsx")
    assert (baca["B"].print_area, baca["C"].print_area) == ("'B'!$A$1:$B$2", "'C'!$A$1:$B$2")


@pytest.mark.libreoffice
@pytest.mark.skipif(not lo.soffice_ada(), reason="LibreOffice (soffice) tidak terpasang")
def test_teks_kaya_simpanan_libreoffice_dan_area_cetak_di_libreoffice(staf, tmp_path):
    """Rich text as LibreOffice saves it (shared strings) survives `laporan --timpa`; LibreOffice
    reads the print areas of the result on the right sheets."""
    (lo_buku,) = lo.konversi([staf], tmp_path / "lo", ".xlsx")
    per = inventaris(lo_buku).per_lembar()
    with zipfile.ZipFile(lo_buku) as z:
        assert b"<rPr>" in z.read("xl/sharedStrings.xml")  # LibreOffice keeps the runs in shared strings
    assert per[LEMBAR_BARU].isi["teks_kaya"] == 2
    hasil = _cli("laporan", str(lo_buku), "-o", str(lo_buku), "--timpa")
    assert hasil.returncode == 0, hasil.stderr
    assert inventaris(lo_buku).per_lembar()[LEMBAR_BARU].isi["teks_kaya"] == 2
    assert str(openpyxl.load_workbook(lo_buku, rich_text=True)[LEMBAR_BARU]["F1"].value) == "Penting: merah biasa"

    (ulang,) = lo.konversi([staf_hasil := _laporan_baru(staf, tmp_path)], tmp_path / "lo2", ".xlsx")
    lokal = _nama_lokal(ulang)
    assert lokal[(LEMBAR_BARU, "_xlnm.Print_Area")].startswith(f"'{LEMBAR_BARU}'!")
    assert lokal[(LAPORAN, "_xlnm.Print_Area")].startswith(f"'{LAPORAN}'!")
    assert staf_hasil.exists()


def _laporan_baru(staf: Path, tmp_path: Path) -> Path:
    keluar = tmp_path / "laporan_staf.xlsx"
    hasil = buat_laporan(staf, keluaran=keluar, waktu=WAKTU)
    assert hasil.keluaran == keluar and not [m for m in hasil.masalah if "tidak ikut" in m.pesan]
    return keluar


@pytest.mark.parametrize("tugas", ["validasi", "hitung"])
def test_validasi_dan_hitung_membaca_teks_kaya_dan_menyimpan_semua(staf, tmp_path, tugas):
    """Rich-text cells pass the formula check and the readers as plain text; nothing is lost."""
    from iku_xl.workbook import proses

    keluar = tmp_path / "keluar.xlsx"
    if tugas == "validasi":
        hasil = proses.validasi(staf, keluar, waktu=WAKTU)
    else:
        hasil = proses.hitung(staf, TAHUN, keluar, waktu=WAKTU)
    assert hasil.keluaran == keluar
    assert not [m for m in hasil.masalah if m.tingkat == "galat" or "tidak ikut" in m.pesan]
    assert yang_hilang(inventaris(staf), inventaris(keluar)) == []
