"""The one cell-value parser: what staff really type."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from iku_xl.core.errors import DataTidakValid
from iku_xl.core.model import NilaiHuruf, Rentang
from iku_xl.core.parse import (
    RumusTanpaNilai,
    parse_angka,
    parse_konsolidasi,
    parse_metode_negatif,
    parse_polaritas,
    parse_realisasi,
    parse_tahun,
    parse_tanggal,
    parse_target,
)

ANGKA = [
    ("83,5", 83.5), ("1.234,5", 1234.5), ("74,15", 74.15), ("2.345", 2345.0), ("200.000.000", 2e8),
    ("90 %", 90.0), ("90%", 90.0), (" 90\u00a0% ", 90.0), ("0,9", 0.9), ("-5", -5.0), (92, 92.0),
    (0.5, 0.5), ("", None), ("   ", None), (None, None), ("-", None), ("—", None), (float("nan"), None),
]


@pytest.mark.parametrize(("nilai", "exp"), ANGKA)
def test_parse_angka(nilai, exp):
    assert parse_angka(nilai) == exp


def test_sel_berformat_persen():
    assert parse_angka(0.9, persen=True) == 90.0
    assert parse_angka("90 %", persen=True) == 90.0  # text with % is not scaled again


@pytest.mark.parametrize(("nilai", "pesan"), [
    ("74.15", "'74.15' bukan angka yang jelas. Maksudnya '7.415' atau '74,15'? Pakai koma untuk desimal, mis. 83,5."),
    ("abc", "'abc' bukan angka yang jelas. Isi dengan angka, mis. 90 atau 83,5."),
    ("NaN", "'NaN' bukan angka yang jelas. Isi dengan angka, mis. 90 atau 83,5."),
    ("-Infinity", "'-Infinity' bukan angka yang jelas. Isi dengan angka, mis. 90 atau 83,5."),
    ("#DIV/0!", "berisi galat Excel #DIV/0!. Perbaiki rumus di sel ini atau isi angkanya langsung."),
    ("#n/a", "berisi galat Excel #N/A. Perbaiki rumus di sel ini atau isi angkanya langsung."),
    (True, "bernilai TRUE, bukan angka. Isi dengan angka."),
    (dt.date(2024, 1, 5), "berisi tanggal/waktu 2024-01-05, bukan angka. "
                          "Ubah format sel menjadi Angka lalu ketik ulang nilainya."),
    (RumusTanpaNilai("=SUM(A1:A3)"), "berisi rumus '=SUM(A1:A3)' yang hasilnya belum tersimpan. Buka berkas di "
                                     "Excel atau LibreOffice, lalu simpan, agar hasil rumus ikut tersimpan; "
                                     "atau isi angkanya langsung."),
])
def test_parse_angka_galat(nilai, pesan):
    with pytest.raises(DataTidakValid) as e:
        parse_angka(nilai)
    assert str(e.value) == pesan


@pytest.mark.parametrize(("nilai", "exp"), [
    ("80-90", Rentang(80, 90)), ("80 – 90", Rentang(80, 90)), ("7 s.d. 8", Rentang(7, 8)),
    ("7 s/d 8", Rentang(7, 8)), ("7 sampai dengan 8", Rentang(7, 8)), ("80%-90%", Rentang(80, 90)),
    ("7,5 - 8,5", Rentang(7.5, 8.5)), ("B", NilaiHuruf("B", "akip")), ("aa", NilaiHuruf("AA", "akip")),
    ("WTP", NilaiHuruf("WTP", "opini")), ("83,5", 83.5), (None, None),
])
def test_parse_target(nilai, exp):
    assert parse_target(nilai) == exp


def test_parse_realisasi_huruf_dan_angka():
    assert parse_realisasi("BB") == NilaiHuruf("BB", "akip")
    assert parse_realisasi("84,6") == 84.6


@pytest.mark.parametrize(("fungsi", "nilai", "exp"), [
    (parse_polaritas, "Positif", "positif"), (parse_polaritas, " NEGATIF ", "negatif"),
    (parse_polaritas, None, "positif"), (parse_polaritas, "minimal", "negatif"),
    (parse_konsolidasi, "Jumlah", "jumlah"), (parse_konsolidasi, "nilai  terakhir", "nilai terakhir"),
    (parse_konsolidasi, "rerata", "rata-rata"), (parse_konsolidasi, None, "nilai terakhir"),
    (parse_konsolidasi, "Kumulatif", "kumulatif"),
    (parse_metode_negatif, "(2T-R)/T", "2T-R"), (parse_metode_negatif, "T / R", "T/R"),
    (parse_metode_negatif, "(2 x T - R) / T x 100", "2T-R"),
    (parse_tahun, 2024.0, 2024), (parse_tahun, "2025", 2025), (parse_tahun, None, None),
    (parse_tanggal, "15-01-2025", dt.date(2025, 1, 15)), (parse_tanggal, dt.datetime(2025, 1, 15, 8), dt.date(2025, 1, 15)),
])
def test_pilihan(fungsi, nilai, exp):
    assert fungsi(nilai) == exp


@pytest.mark.parametrize(("fungsi", "nilai", "pesan"), [
    (parse_konsolidasi, "maksimum", "Jenis konsolidasi 'maksimum' tidak dikenal. Pilih salah satu: 'jumlah', "
                                    "'nilai terakhir', 'rata-rata', 'kumulatif'."),
    (parse_tahun, "2024,5", "tahun '2024,5' tidak valid. Isi tahun dengan empat angka, mis. 2024."),
    (parse_tahun, "abc", "tahun 'abc' tidak valid. Isi tahun dengan empat angka, mis. 2024."),
    (parse_tanggal, "besok", "tanggal 'besok' tidak dikenali. Isi tanggal sebagai tanggal Excel atau dd-mm-yyyy, "
                             "mis. 15-01-2025."),
])
def test_pilihan_galat(fungsi, nilai, pesan):
    with pytest.raises(DataTidakValid) as e:
        fungsi(nilai)
    assert str(e.value) == pesan


angka = st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(angka)
def test_angka_indonesia_bolak_balik(x):
    """Whatever Babel writes for id_ID (grouping dots, decimal comma) parses back."""
    teks = format_decimal(x, format="#,##0.##", locale="id_ID")
    assert parse_angka(teks) == pytest.approx(float(x))


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_angka_dari_sel_tidak_berubah(x):
    assert parse_angka(x) == x


@given(st.text())
def test_teks_apa_pun_angka_atau_galat_indonesia(teks):
    """Never a crash: a number, None, or a DataTidakValid with an Indonesian message."""
    try:
        x = parse_target(teks)
    except DataTidakValid as e:
        assert str(e)
    else:
        assert x is None or isinstance(x, float | Rentang | NilaiHuruf)
        if isinstance(x, float):
            assert not math.isnan(x)


@given(st.from_regex(r"-?[0-9]{1,12}(,[0-9]{1,6})?", fullmatch=True))
def test_jalur_cepat_sama_dengan_babel(teks):
    """Plain digits with a decimal comma skip Babel; the result must be Babel's own."""
    from babel.numbers import parse_decimal

    assert parse_angka(teks) == float(parse_decimal(teks, locale="id_ID", strict=True))
