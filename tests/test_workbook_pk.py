"""The Perjanjian Kinerja sheet (issue 12 point 1): golden files from both examples, the statement
and lampiran contents, the Atasan fields (and old workbooks without them), the PK date rule, CLI exit
codes, the button, LibreOffice recalculation of the budget total and the PDF."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess

import openpyxl
import pytest

from iku_xl.cli import main
from iku_xl.core.dokumen.bagian import NAMA_KOSONG, TANGGAL_PK, tanggal_ttd, teks_tanggal_ttd
from iku_xl.core.dokumen.pk import PERNYATAAN, TARGET_KOSONG
from iku_xl.core.tata_letak import LayoutLembar
from iku_xl.core.tugas import rencana_pk
from iku_xl.workbook.baca import buka, lembaran
from iku_xl.workbook.proses import buat_laporan, buat_pk
from tests.conftest import WAKTU, jam_tombol
from tests.ringkas import ringkas_lembar
from tests.conftest import jalankan_cli as _jalankan

LEGOK = "Perjanjian Kinerja 2020"
PERINGATAN_ATASAN = ("Lembar 'Profil': Perjanjian Kinerja: Nama Atasan (Pihak Kedua) belum diisi; barisnya "
                     "dibiarkan kosong untuk ditulis tangan. Isi 'Nama Atasan' di lembar Profil (atasan langsung "
                     "kepala, mis. Bupati) lalu buat Perjanjian Kinerja lagi.")


def _isi_profil(path, **isian):
    wb = openpyxl.load_workbook(path)
    ws = wb["Profil"]
    baris = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for label, nilai in isian.items():
        ws.cell(baris[label], 2, nilai)
    wb.save(path)


def _teks_sel(ws):
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


@pytest.mark.parametrize("contoh, tahun", [("contoh_legok_2020.xlsx", 2020),
                                           ("contoh_bantargebah_2024-2026.xlsx", 2025)])
def test_golden(salin, tmp_path, golden, contoh, tahun):
    hasil = buat_pk(salin(contoh), tahun, tmp_path / "pk.xlsx", waktu=WAKTU)
    assert hasil.lembar == (f"Perjanjian Kinerja {tahun}",)
    wb = openpyxl.load_workbook(hasil.keluaran)
    assert f"Laporan Capaian {tahun}" not in wb.sheetnames
    golden(f"pk_{contoh.removesuffix('.xlsx')}_{tahun}", ringkas_lembar(wb[f"Perjanjian Kinerja {tahun}"]))


def test_isi_legok(salin, tmp_path):
    hasil = buat_pk(salin("contoh_legok_2020.xlsx"), None, tmp_path / "pk.xlsx", waktu=WAKTU)
    ws = openpyxl.load_workbook(hasil.keluaran)[LEGOK]
    teks = _teks_sel(ws)
    assert teks[:2] == ["PERJANJIAN KINERJA TAHUN 2020", "SKPD : KECAMATAN LEGOK KABUPATEN TANGERANG"]
    for kalimat in PERNYATAAN:
        if "{" not in kalimat:
            assert kalimat in teks
    assert ": Drs. TISNA HAMBALI R, SH, M.Si" in teks and ": Plt. CAMAT LEGOK" in teks
    assert f": {NAMA_KOSONG}" in teks and ": BUPATI TANGERANG" in teks  # the name is never invented
    # signatures twice (statement, lampiran): pihak kedua left (A), pihak pertama right (D)
    kedua = [c.coordinate for row in ws.iter_rows() for c in row if c.value == "PIHAK KEDUA,"]
    pertama = [c.coordinate for row in ws.iter_rows() for c in row if c.value == "PIHAK PERTAMA,"]
    assert [k[0] for k in kedua] == ["A", "A"] and [k[0] for k in pertama] == ["D", "D"]
    assert [k[1:] for k in kedua] == [k[1:] for k in pertama]
    # 2020 seen from 15 January 2025: no date can be right, day and month left for handwriting
    assert teks.count("Legok, …………………… 2020") == 2
    # the lampiran table, grouped by sasaran; targets as typed, never 0
    [r_kepala] = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "Indikator Kinerja"]
    assert [ws.cell(r_kepala, k).value for k in range(1, 5)] == ["No", "Sasaran Strategis", "Indikator Kinerja",
                                                                  "Target 2020"]
    target = {ws.cell(r, 3).value: ws.cell(r, 4) for r in range(r_kepala + 1, r_kepala + 11)}
    jalan = target["Prosentase Jumlah infrastruktur dasar dalam kondisi baik"]
    assert jalan.value == 60 and jalan.number_format == 'General" %"'
    assert target["Prosentase penurunan pelanggaran ketentraman dan ketertiban umum"].value == "10-15"
    assert target["Nilai SAKIP Kecamatan Legok"].value == "B"
    assert f"{ws.cell(r_kepala + 1, 1).coordinate}:{ws.cell(r_kepala + 2, 1).coordinate}" in \
        {str(g) for g in ws.merged_cells.ranges}
    # programs with the year's budget and the total as a formula
    [r_jumlah] = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Jumlah"]
    assert ws.cell(r_jumlah, 4).value == f"=SUM(D{r_jumlah - 4}:D{r_jumlah - 1})"
    assert [ws.cell(r, 4).value for r in range(r_jumlah - 4, r_jumlah)] == [
        10_775_000_000, 1_907_048_100, 1_032_455_000, 200_000_000]
    assert ws.cell(r_jumlah - 3, 5).value == "Jumlah 6 kegiatan"
    # print: A4 portrait, one page wide, the table's header repeated, the lampiran on its own page
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == f"${r_kepala}:${r_kepala}"
    [pisah] = [b.id for b in ws.row_breaks.brk]
    assert ws.cell(pisah + 1, 1).value == "PERJANJIAN KINERJA TAHUN 2020"
    assert [str(m) for m in hasil.masalah] == [
        PERINGATAN_ATASAN,
        "Lembar 'Profil': tanggal Perjanjian Kinerja dikosongkan (\"…………………… 2020\"): hari ini (15 Januari 2025) "
        "tidak mungkin tanggal penandatanganan Perjanjian Kinerja 2020 (awal tahun 2020 atau akhir tahun 2019). "
        "Tulis tanggalnya dengan tangan pada cetakan."]


def test_atasan_diisi_dan_target_kosong(salin, tmp_path):
    path = salin("contoh_legok_2020.xlsx")
    _isi_profil(path, **{"Nama Atasan": "H. CONTOH NAMA, S.H.", "Jabatan Atasan": "BUPATI TANGERANG",
                         "Pangkat/NIP Atasan": "19650101 199003 1 001"})
    wb = openpyxl.load_workbook(path)
    wb["Target"]["C4"] = None  # 1.1: no target this year
    wb.save(path)
    hasil = buat_pk(path, 2020, tmp_path / "pk.xlsx", waktu=dt.datetime(2019, 12, 20, 10))
    ws = openpyxl.load_workbook(hasil.keluaran)[LEGOK]
    teks = _teks_sel(ws)
    assert ": H. CONTOH NAMA, S.H." in teks and teks.count("H. CONTOH NAMA, S.H.") == 2
    assert teks.count("NIP. 19650101 199003 1 001") == 2 and NAMA_KOSONG not in " ".join(teks)
    assert teks.count("Legok, 20 Desember 2019") == 2  # late n-1: a PK's signing date
    [sel] = [c for row in ws.iter_rows() for c in row
             if c.value == "Prosentase Jumlah infrastruktur dasar dalam kondisi baik"]
    assert ws.cell(sel.row, 4).value == TARGET_KOSONG
    pesan = [str(m) for m in hasil.masalah]
    assert PERINGATAN_ATASAN not in pesan and not any("tanggal Perjanjian Kinerja" in p for p in pesan)
    assert "Lembar 'Target' (indikator 1.1): target 2020 belum diisi. Isi target 2020 di lembar Target." in pesan


def test_berkas_lama_tanpa_isian_atasan(salin, tmp_path):
    """A workbook made before the Atasan rows: the PK still comes, the laporan as before."""
    path = salin("contoh_legok_2020.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Profil"]
    baris = [r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value).endswith("Atasan")]
    assert len(baris) == 3
    ws.delete_rows(baris[0], 3)
    wb.save(path)
    hasil = buat_pk(path, None, tmp_path / "pk.xlsx", waktu=WAKTU)
    assert hasil.keluaran is not None
    assert ("Lembar 'Profil': Perjanjian Kinerja: Nama Atasan dan Jabatan Atasan (Pihak Kedua) belum diisi; "
            "barisnya dibiarkan kosong untuk ditulis tangan. Isi 'Nama Atasan' dan 'Jabatan Atasan' di lembar "
            "Profil (atasan langsung kepala, mis. Bupati) lalu buat Perjanjian Kinerja lagi.") in \
        map(str, hasil.masalah)
    teks = _teks_sel(openpyxl.load_workbook(hasil.keluaran)[LEGOK])
    assert teks.count(f": {NAMA_KOSONG}") == 2
    assert buat_laporan(path, None, tmp_path / "lap.xlsx", waktu=WAKTU).keluaran is not None


def test_nip_atasan_sebagai_angka_ditolak(salin, tmp_path):
    path = salin("contoh_legok_2020.xlsx")
    _isi_profil(path, **{"Pangkat/NIP Atasan": 196501011990031001})
    hasil = buat_pk(path, None, tmp_path / "pk.xlsx", waktu=WAKTU)
    assert hasil.keluaran is None
    assert any("NIP tersimpan sebagai angka" in str(m) and m.lembar == "Profil" for m in hasil.masalah)


@pytest.mark.parametrize("tahun, profil, hari_ini, harapan", [
    (2026, None, dt.date(2026, 1, 5), "5 Januari 2026"),
    (2026, None, dt.date(2025, 10, 1), "1 Oktober 2025"),
    (2026, None, dt.date(2025, 9, 30), "…………………… 2026"),
    (2026, None, dt.date(2027, 1, 2), "…………………… 2026"),
    (2026, dt.date(2027, 2, 1), dt.date(2026, 1, 5), "5 Januari 2026"),  # the report's date, not the PK's
    (2026, dt.date(2026, 1, 2), dt.date(2030, 1, 5), "2 Januari 2026"),
])
def test_aturan_tanggal_pk(tahun, profil, hari_ini, harapan):
    assert teks_tanggal_ttd(tahun, profil, hari_ini, TANGGAL_PK) == harapan
    assert (tanggal_ttd(tahun, profil, hari_ini, TANGGAL_PK) is None) == harapan.startswith("…")


def test_cli_pk(salin, capsys):
    buku = salin("contoh_legok_2020.xlsx")
    sebelum = hashlib.sha256(buku.read_bytes()).hexdigest()
    kode, out, err = _jalankan(capsys, "pk", str(buku))
    assert kode == 0, out + err
    tujuan = buku.with_name("contoh_legok_2020_pk-2020.xlsx")
    assert out.splitlines()[-1] == f"Perjanjian Kinerja disimpan di: {tujuan}"
    assert f"PERINGATAN {PERINGATAN_ATASAN}" in out.splitlines()
    assert openpyxl.load_workbook(tujuan).sheetnames[-1] == LEGOK
    assert hashlib.sha256(buku.read_bytes()).hexdigest() == sebelum
    kode, out, err = _jalankan(capsys, "pk", "--help")
    assert kode == 0 and "Perjanjian Kinerja" in out and "Pihak Kedua" in out


def test_cli_pk_tahun_tanpa_target(salin, capsys):
    kode, out, err = _jalankan(capsys, "pk", str(salin("contoh_legok_2020.xlsx")), "--tahun", "2019")
    assert kode == 2
    assert ("GALAT      Lembar 'Target': tidak ada target untuk tahun 2019. Isi target 2019 di lembar Target, "
            "atau pilih tahun yang ada: 2020.") in out
    assert err.strip() == "Perjanjian Kinerja TIDAK dibuat: perbaiki galat di atas lalu jalankan lagi."


def test_cli_pk_tanpa_indikator(salin, capsys):
    path = salin("contoh_legok_2020.xlsx")
    wb = openpyxl.load_workbook(path)
    for nama in ("Indikator", "Target", "Realisasi", "Program Anggaran"):
        ws = wb[nama]
        for row in ws.iter_rows(min_row=4):
            for c in row:
                c.value = None
    wb.save(path)
    kode, out, err = _jalankan(capsys, "pk", str(path))
    assert kode == 2
    assert ("GALAT      Lembar 'Indikator': belum ada indikator. Isi minimal satu indikator di lembar Indikator."
            in out)
    assert err.strip() == "Perjanjian Kinerja TIDAK dibuat: perbaiki galat di atas lalu jalankan lagi."


def test_tombol_perjanjian_kinerja(salin, tmp_path, monkeypatch):
    pytest.importorskip("xlwings")
    from iku_xl.xl import tombol
    from tests.buku_jarak_jauh import buku_jarak_jauh, kisi_ditulis
    from tests.test_tombol import _sel_berkas, _teks_seperti_excel

    jam_tombol(monkeypatch)
    path = salin("contoh_legok_2020.xlsx")
    book = buku_jarak_jauh(path)
    pesan = tombol.tombol_pk(book)
    assert pesan.startswith(f"Selesai: '{LEGOK}'. 2 peringatan:")
    assert "Catatan: pemisah halaman tidak dapat dipasang dari Excel web" in pesan  # said, not dropped silently
    berkas = openpyxl.load_workbook(buat_pk(path, None, tmp_path / "cli.xlsx", waktu=WAKTU).keluaran)
    ditulis = {a: _teks_seperti_excel(v) for a, v in kisi_ditulis(book.json()["actions"], LEGOK).items()}
    assert {a: v for a, v in ditulis.items() if v is not None} == _sel_berkas(berkas[LEGOK])


def test_makro_dan_tombol_templat():
    from pathlib import Path

    from iku_xl.xl.templat_xlsm import TOMBOL

    assert ("Perjanjian Kinerja", "IkuPerjanjianKinerja", "E13") in TOMBOL
    bas = (Path(__file__).parents[1] / "macros" / "IkuTombol.bas").read_bytes().decode("ascii")
    assert 'Sub IkuPerjanjianKinerja()\r\n    RunPython "import iku_xl.xl.tombol as t; t.tombol_pk()"' in bas


@pytest.mark.libreoffice
def test_jumlah_anggaran_dihitung_libreoffice(salin, tmp_path):
    from tests.lo import konversi, soffice_ada

    if not soffice_ada():
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    path = salin("contoh_legok_2020.xlsx")
    rencana = rencana_pk(lembaran(buka(path)), None, WAKTU.date())
    [layout] = [x for x in rencana.lembar if isinstance(x, LayoutLembar)]
    [rumus] = [s for s in layout.sel if s.rumus]
    assert rumus.hasil == 13_914_503_100
    keluaran = buat_pk(path, None, tmp_path / "pk.xlsx", waktu=WAKTU).keluaran
    [dihitung] = konversi([keluaran], tmp_path / "lo", ".xlsx")
    assert openpyxl.load_workbook(dihitung, data_only=True)[LEGOK][rumus.alamat].value == rumus.hasil


def _halaman(pdf, i=None):
    batas = ["-f", str(i), "-l", str(i)] if i else []
    return subprocess.run(["pdftotext", "-layout", *batas, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.libreoffice
def test_pdf_dua_halaman_tegak_satu_halaman_lebar(salin, tmp_path, capsys):
    from tests.lo import soffice_ada

    if not soffice_ada():
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    keluar = tmp_path / "pk.xlsx"
    assert main(["pk", str(salin("contoh_legok_2020.xlsx")), "-o", str(keluar), "--pdf"]) == 0
    pdf = tmp_path / "pk.pdf"
    assert f"PDF disimpan di: {pdf}" in capsys.readouterr().out
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+2\b", info) and re.search(r"Page size:\s+595\.\d+ x 841\.\d+", info)  # A4 portrait
    satu, dua = _halaman(pdf, 1), _halaman(pdf, 2)
    assert "PERJANJIAN KINERJA TAHUN 2020" in satu and "selanjutnya disebut pihak pertama" in satu
    assert "PIHAK KEDUA," in satu and "PIHAK PERTAMA," in satu and "NIP. 19620620 198703 1 006" in satu
    assert "Sasaran Strategis" not in satu  # the repeated header row stays with the lampiran table
    # the lampiran whole on page 2: first and last column, the total LibreOffice computed, signatures
    for teks in ("Sasaran Strategis", "Target 2020", "Keterangan", "Nilai SAKIP Kecamatan Legok", "60 %",
                 "13.914.503.100", "PIHAK PERTAMA,", "Pembina Tk. I / IV.b"):  # Indonesian separators
        assert teks in dua, teks
    for judul in ("TARGET KINERJA", "REALISASI KINERJA", "LAPORAN CAPAIAN"):
        assert judul not in satu + dua
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "hal")], check=True)
    assert len(list(tmp_path.glob("hal*.png"))) == 2


def test_pemisah_halaman_excel_desktop():
    """Desktop Excel gets the page break through the object model (calls recorded, no Excel here)."""
    from types import SimpleNamespace

    from iku_xl.core.tata_letak import Cetak, Sel
    from iku_xl.xl import render_xl

    tambah: list[str] = []
    sheet = SimpleNamespace(api=SimpleNamespace(PageSetup=SimpleNamespace(),
                                                HPageBreaks=SimpleNamespace(Add=lambda sebelum: tambah.append(sebelum))),
                            range=lambda a: SimpleNamespace(api=a))
    layout = LayoutLembar("PK", (Sel(1, 1, "x"),), cetak=Cetak(orientasi="portrait", pisah_halaman=(27,)))
    render_xl._cetak_com(sheet, layout, [])
    assert tambah == ["A28"] and sheet.api.PageSetup.Orientation == 1
