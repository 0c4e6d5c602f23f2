"""The report's signature date (issue 12 point 5): never a date that cannot be right."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from iku_xl.core.dokumen.bagian import tanggal_ttd, teks_tanggal_ttd
from iku_xl.workbook.proses import buat_laporan

D = dt.date


@pytest.mark.parametrize(("tahun", "profil", "hari_ini", "harapan"), [
    # Tanggal Laporan in Profil always wins, whatever the clock
    (2017, D(2018, 1, 31), D(2026, 12, 1), "31 Januari 2018"),
    (2025, D(2026, 2, 3), D(2025, 3, 1), "3 Februari 2026"),
    # today in the report year or the year after (LKjIP of year n signed in n+1)
    (2025, None, D(2025, 12, 31), "31 Desember 2025"),
    (2025, None, D(2026, 1, 15), "15 Januari 2026"),
    # any other year: blank day and month, the year after the report year
    (2017, None, D(2026, 12, 1), "…………………… 2018"),
    (2024, None, D(2026, 1, 1), "…………………… 2025"),
    (2027, None, D(2026, 6, 1), "…………………… 2028"),  # a report ahead of the clock
    (2020, None, None, "…………………… 2021"),  # no clock given
])
def test_teks_tanggal_ttd(tahun, profil, hari_ini, harapan):
    assert teks_tanggal_ttd(tahun, profil, hari_ini) == harapan
    assert (tanggal_ttd(tahun, profil, hari_ini) is None) == harapan.startswith("…")


def _ttd(path):
    ws = openpyxl.load_workbook(path)["Laporan Capaian 2020"]
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("Legok,")]


def test_legok_2020_dibuat_2026_tanggal_kosong_dan_peringatan(salin, tmp_path):
    hasil = buat_laporan(salin("contoh_legok_2020.xlsx"), 2020, tmp_path / "l.xlsx",
                         waktu=dt.datetime(2026, 12, 1, 10, 0))
    assert _ttd(hasil.keluaran) == ["Legok, …………………… 2021"]
    [m] = [m for m in hasil.masalah if "tanggal laporan" in m.pesan]
    assert m.tingkat == "peringatan" and m.lembar == "Profil"
    assert str(m) == (
        "Lembar 'Profil': tanggal laporan dikosongkan (\"…………………… 2021\"): hari ini (1 Desember 2026) "
        "tidak mungkin tanggal penandatanganan laporan 2020. Tulis tanggalnya dengan tangan pada "
        "cetakan, atau isi Tanggal Laporan di lembar Profil (misalnya 31-01-2021) lalu buat laporan lagi.")


def test_legok_2020_dibuat_2021_bertanggal_hari_ini_tanpa_peringatan(salin, tmp_path):
    hasil = buat_laporan(salin("contoh_legok_2020.xlsx"), 2020, tmp_path / "l.xlsx",
                         waktu=dt.datetime(2021, 1, 20, 10, 0))
    assert _ttd(hasil.keluaran) == ["Legok, 20 Januari 2021"]
    assert not [m for m in hasil.masalah if "tanggal laporan" in m.pesan]


def test_tanggal_laporan_di_profil_dipakai(salin, tmp_path):
    path = salin("contoh_legok_2020.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["Profil"]
    [sel] = [r[1] for r in ws.iter_rows() if r[0].value == "Tanggal Laporan"]
    sel.value = dt.datetime(2021, 2, 5)
    wb.save(path)
    hasil = buat_laporan(path, 2020, tmp_path / "l.xlsx", waktu=dt.datetime(2026, 12, 1, 10, 0))
    assert _ttd(hasil.keluaran) == ["Legok, 5 Februari 2021"]
    assert not [m for m in hasil.masalah if "tanggal laporan" in m.pesan]
