"""Each front end words its own advice (issue 11, point 8): a message in Excel never names a
command-line option, and the command line keeps its own ("beri --tahun")."""

from __future__ import annotations

import openpyxl
import pytest

from iku_xl import cli
from iku_xl.core.saran import UJUNG, _SARAN
from iku_xl.xl import tombol
from tests.buku_jarak_jauh import buku_jarak_jauh
from tests.conftest import jam_tombol

pytest.importorskip("xlwings")

TAHUN_EXCEL = "Isi 'Tahun Laporan' di lembar Profil, lalu klik tombolnya lagi."


@pytest.fixture(autouse=True)
def _jam(monkeypatch):
    jam_tombol(monkeypatch)


def test_tabel_saran_lengkap_dan_excel_tanpa_opsi():
    for kunci, kata in _SARAN.items():
        assert set(kata) == set(UJUNG), kunci
        assert "--" not in kata["excel"] and "iku-xl template" not in kata["excel"], kunci


def _tanpa_tahun(salin):
    path = salin("contoh_legok_2020.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb["Profil"]["A6"].value == "Tahun Laporan"
    wb["Profil"]["B6"] = None
    wb.save(path)
    return path


@pytest.mark.parametrize("tombol_", [tombol.tombol_laporan, tombol.tombol_hitung, tombol.tombol_validasi])
def test_tombol_tanpa_tahun_tidak_menyebut_opsi(salin, tombol_):
    book = buku_jarak_jauh(_tanpa_tahun(salin))
    pesan = tombol_(book)
    assert "tahun laporan belum ditentukan" in pesan
    assert TAHUN_EXCEL in pesan
    assert "--" not in pesan
    [alert] = [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]
    assert "--" not in alert


def test_tombol_lembar_hilang_menyebut_templat_excel(salin):
    path = salin("contoh_legok_2020.xlsx")
    wb = openpyxl.load_workbook(path)
    del wb["Target"]
    wb.save(path)
    pesan = tombol.tombol_laporan(buku_jarak_jauh(path))
    assert "Tambahkan lembar 'Target' seperti di templat iku-xl (templat_iku.xlsm)." in pesan
    assert "--" not in pesan and "iku-xl template" not in pesan


def test_baris_perintah_tetap_menyebut_tahun(salin, capsys):
    kode = cli.main(["laporan", str(_tanpa_tahun(salin))])
    keluar = capsys.readouterr()
    assert kode == 2
    assert "Isi 'Tahun Laporan' di lembar Profil atau beri --tahun." in keluar.out + keluar.err
