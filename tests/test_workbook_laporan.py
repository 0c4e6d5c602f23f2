"""The Laporan Capaian and Hasil Validasi sheets written into real example workbooks."""

from __future__ import annotations

import hashlib

import openpyxl
import pytest

from iku_xl.core.dokumen.laporan import rata_rata_capaian
from iku_xl.core.polaritas import bulatkan
from iku_xl.workbook.proses import buat_laporan, validasi
from tests.conftest import WAKTU
from tests.ringkas import ringkas_lembar

KASUS = [("contoh_legok_2020.xlsx", 2020), ("contoh_bantargebah_2024-2026.xlsx", 2024),
         ("contoh_bantargebah_2024-2026.xlsx", 2025)]


def _hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("nama", "tahun"), KASUS)
def test_laporan_golden(salin, tmp_path, golden, nama, tahun):
    path = salin(nama)
    sebelum = _hash(path)
    hasil = buat_laporan(path, tahun, tmp_path / "keluar.xlsx", waktu=WAKTU)
    assert _hash(path) == sebelum, "the input must stay untouched"
    wb = openpyxl.load_workbook(hasil.keluaran)
    baru = [n for n in wb.sheetnames if n.endswith(str(tahun)) and n not in openpyxl.load_workbook(path).sheetnames]
    assert baru[0] == f"Laporan Capaian {tahun}"
    golden(f"laporan_{path.stem}_{tahun}", {n: ringkas_lembar(wb[n]) for n in baru})


def test_laporan_legok_isi(salin, tmp_path):
    """Spot checks a staff member would make, on top of the golden file."""
    hasil = buat_laporan(salin("contoh_legok_2020.xlsx"), None, tmp_path / "l.xlsx", waktu=WAKTU)
    ws = openpyxl.load_workbook(hasil.keluaran)["Laporan Capaian 2020"]
    assert ws["A1"].value == "LAPORAN CAPAIAN TARGET INDIKATOR KINERJA UTAMA (IKU) TAHUN 2020"
    assert ws["A2"].value == "SKPD : KECAMATAN LEGOK KABUPATEN TANGERANG"
    assert [ws.cell(4, k).value for k in range(1, 9)] == [
        "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target 2020", "Realisasi 2020",
        "Capaian (%)", "Predikat"]
    # 1.1: realisasi from pembilang / penyebut = 39 / 65 x 100 = 60, formula capaian
    assert (ws["C6"].value, ws["F6"].value, ws["G6"].value) == (
        "Prosentase Jumlah infrastruktur dasar dalam kondisi baik", 60.0, "=F6/E6*100")
    # 3.1: range target 10-15 with realisasi 17: 17 / 15, a value (no plain formula for ranges)
    baris = {ws.cell(r, 3).value: r for r in range(6, 16)}
    r = baris["Prosentase penurunan pelanggaran ketentraman dan ketertiban umum"]
    assert ws.cell(r, 5).value == "10-15" and ws.cell(r, 5).data_type == "s"
    assert bulatkan(ws.cell(r, 7).value) == 113.33
    # 3.2: negatif, (2T - R) / T
    assert ws.cell(baris["Jumlah konflik Ekonomi sosial dan politik"], 7).value == "=(2*E12-F12)/E12*100"
    # sasaran merged over its indicators
    assert {"A8:A10", "B8:B10", "B6:B7"} <= {str(m) for m in ws.merged_cells.ranges}
    # signature block from Profil; the run (2025) cannot be the date of a 2020 report
    isi = [ws.cell(r, 9).value for r in range(1, ws.max_row + 1)]
    assert "Legok, …………………… 2021" in isi and "Plt. CAMAT LEGOK" in isi  # 2025 cannot sign 2020
    assert "Drs. TISNA HAMBALI R, SH, M.Si" in isi and "NIP. 19620620 198703 1 006" in isi
    assert ws.print_title_rows == "$4:$5"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    nama = openpyxl.load_workbook(hasil.keluaran).sheetnames
    assert nama[-3:] == ["Laporan Capaian 2020", "Anggaran 2020", "Grafik Capaian 2020"]
    [grafik] = openpyxl.load_workbook(hasil.keluaran)["Grafik Capaian 2020"]._charts
    assert grafik.series[0].val.numRef.f == "'Laporan Capaian 2020'!$G$6:$G$15"


def test_rata_rata_dan_perbandingan_renstra(salin, tmp_path):
    hasil = buat_laporan(salin("contoh_bantargebah_2024-2026.xlsx"), 2025, tmp_path / "b.xlsx", waktu=WAKTU)
    ws = openpyxl.load_workbook(hasil.keluaran)["Laporan Capaian 2025"]
    kepala = [ws.cell(4, k).value for k in range(1, ws.max_column + 1)]
    assert kepala[8:11] == ["Realisasi 2024", "Target Akhir Renstra (2026)", "Capaian thd Target Renstra (%)"]
    assert ws["I6"].value == pytest.approx((82.1 + 83.4 + 84.0 + 84.6) / 4)  # rata-rata of 2024 quarters
    assert ws["J6"].value == 84 and ws["K6"].value == "=F6/J6*100"
    rata = rata_rata_capaian(hasil.baris)
    assert ws["G9"].value == '=IFERROR(AVERAGE(G6:G8),"")'
    assert rata == pytest.approx(sum(b.capaian.nilai for b in hasil.baris) / 3)


def test_laporan_ditolak_bila_galat(salin, tmp_path):
    path = salin("contoh_legok_2020.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Target"]["C4"] = "enam puluh"
    wb.save(path)
    sebelum = _hash(path)
    hasil = buat_laporan(path, 2020, tmp_path / "x.xlsx", waktu=WAKTU)
    assert hasil.keluaran is None and not (tmp_path / "x.xlsx").exists()
    assert [str(m) for m in hasil.masalah if m.tingkat == "galat"] == [
        "Lembar 'Target' sel C4 (indikator 1.1): 'enam puluh' bukan angka yang jelas. "
        "Isi dengan angka, mis. 90 atau 83,5."]
    assert _hash(path) == sebelum


def test_hasil_validasi_golden(salin, tmp_path, golden):
    hasil = validasi(salin("contoh_legok_2020.xlsx"), tmp_path / "v.xlsx", waktu=WAKTU)
    ws = openpyxl.load_workbook(hasil.keluaran)["Hasil Validasi"]
    golden("hasil_validasi_contoh_legok_2020", ringkas_lembar(ws))
    assert ws["A3"].value == "0 galat, 3 peringatan, 0 info. Laporan 2020 dapat dibuat."


def test_pengaturan_cetak_tiap_lembar_tetap_di_lembarnya(salin, tmp_path):
    """Print titles and areas are sheet-local names: each must land on its own sheet."""
    hasil = buat_laporan(salin("contoh_legok_2020.xlsx"), 2020, tmp_path / "l.xlsx", waktu=WAKTU)
    wb = openpyxl.load_workbook(hasil.keluaran)
    assert wb["Laporan Capaian 2020"].print_title_rows == "$4:$5"
    assert wb["Anggaran 2020"].print_title_rows == "$4:$4"
    assert wb["Anggaran 2020"].print_area == "'Anggaran 2020'!$A$1:$I$17"


def test_laporan_menimpa_dengan_cadangan(salin):
    path = salin("contoh_bantargebah_2024-2026.xlsx")
    asli = path.read_bytes()
    with pytest.raises(Exception, match="sudah ada"):
        buat_laporan(path, 2025, path, waktu=WAKTU)
    assert path.read_bytes() == asli
    hasil = buat_laporan(path, 2025, path, timpa=True, waktu=WAKTU)
    assert hasil.cadangan.name == "contoh_bantargebah_2024-2026.cadangan-20250115-090000.xlsx"
    assert hasil.cadangan.read_bytes() == asli
    assert "Laporan Capaian 2025" in openpyxl.load_workbook(path).sheetnames
    # running again replaces iku-xl's own report sheet, it does not add a second one
    buat_laporan(path, 2025, path, timpa=True, waktu=WAKTU.replace(minute=1))
    assert openpyxl.load_workbook(path).sheetnames.count("Laporan Capaian 2025") == 1
