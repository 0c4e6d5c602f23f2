"""IKU_IKM and IKU_MUTU called as plain Python with what xlwings hands them (ndim=2: a range is a
list of rows, an empty cell None, an error cell "#N/A" text). Numbers equal the core's
(:func:`iku_xl.core.ikm.hitung_ikm`, :func:`~iku_xl.core.ikm.mutu`); the worked example is by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iku_xl.core.ikm import hitung_ikm, mutu
from iku_xl.xl.fungsi import IKU_IKM, IKU_MUTU, KOSONG, MARKA


def test_contoh_dihitung_tangan():
    # NRR: U1 (4+3)/2=3.5, U2 3, U3 3.5, U4 4, U5 3, U6 3, U7 3.5, U8 3, U9 3 (one answer only)
    # sum 29.5, x 1/9 x 25 = 81.944...; with 0.11 instead of 1/9: 29.5 x 0.11 x 25 = 81.125
    jawaban = [[4, 3, 3, 4, 3, 3, 4, 3, 3], [3, 3, 4, 4, 3, 3, 3, 3, None]]
    assert IKU_IKM(jawaban) == pytest.approx(29.5 / 9 * 25) == pytest.approx(81.9444444444)
    assert IKU_MUTU(IKU_IKM(jawaban)) == "B"


def test_bobot_satu_per_sembilan_bukan_0_11():
    # every unsur 3.54 on average would be A with 1/9 (88.5) and B with 0.11 (87.6)
    jawaban = [[4] * 9] * 27 + [[3] * 9] * 23  # NRR (27x4 + 23x3)/50 = 3.54
    assert IKU_IKM(jawaban) == pytest.approx(88.5)
    assert IKU_MUTU(IKU_IKM(jawaban)) == "A"
    assert IKU_MUTU(3.54 * 9 * 0.11 * 25) == "B"


def test_sama_dengan_inti_dan_sel_kosong_dihitung_per_unsur():
    jawaban = [[4, None, 3, 4, 3, 3, 4, 3, 3], [None] * 9, [2, 2, None, 4, 3, 3, 3, 3, 1]]
    inti = hitung_ikm(jawaban)
    assert inti.n_responden == 2
    assert IKU_IKM(jawaban) == inti.konversi


def test_teks_angka_dan_bilangan_pecahan_nol():
    assert IKU_IKM([["4", "3", "3", "4", "3", "3", "4", "3", "3"]]) == IKU_IKM([[4.0, 3, 3, 4, 3, 3, 4, 3, 3]])


@pytest.mark.parametrize(("jawaban", "pesan"), [
    ([[4, 3, 3, 4, 5, 3, 4, 3, 3]], "#IKU! jawaban baris 1 kolom 5: nilai 5 di luar skala 1-4"),
    ([[4] * 9, [4, 3, 0, 4, 3, 3, 4, 3, 3]], "#IKU! jawaban baris 2 kolom 3: nilai 0 di luar skala 1-4"),
    ([[4] * 9, [4, 3, 3, 4, 3, 3, 4, 3, "baik"]], "#IKU! jawaban baris 2 kolom 9: 'baik' bukan angka yang jelas"),
    ([[4, 3, "#N/A", 4, 3, 3, 4, 3, 3]], "#IKU! jawaban baris 1 kolom 3: berisi galat Excel #N/A"),
    ([[4] * 8], "#IKU! jawaban harus 9 kolom (U1-U9), bukan 8"),
    ([[4] * 10, [3] * 10], "#IKU! jawaban harus 9 kolom (U1-U9), bukan 10"),
    (4, "#IKU! jawaban harus 9 kolom (U1-U9), bukan 1"),
    ([[4] * 8 + [None]], "#IKU! unsur U9 tidak dijawab seorang pun"),
    ([[4, 3, 3, 4, "#IKU! target 0", 3, 4, 3, 3]], "#IKU! target 0"),
])
def test_pesan_menyebut_letak(jawaban, pesan):
    assert IKU_IKM(jawaban) == pesan


def test_rentang_kosong_memberi_sel_kosong():
    assert IKU_IKM([[None] * 9] * 3) == KOSONG


@pytest.mark.parametrize(("ikm", "harapan"), [
    (88.31, "A"), (88.30, "B"), (76.61, "B"), (76.60, "C"), (65.0, "C"), (64.99, "D"), (25, "D"), (100, "A"),
    ("81,94", "B"), (None, KOSONG), ("", KOSONG),
    (101, "#IKU! ikm 101 di luar 25-100"), (20, "#IKU! ikm 20 di luar 25-100"),
    ("baik", "#IKU! ikm: 'baik' bukan angka yang jelas"),
])
def test_mutu(ikm, harapan):
    assert IKU_MUTU(ikm) == harapan
    if isinstance(ikm, float | int) and 25 <= ikm <= 100:
        assert harapan == mutu(ikm)


def test_mutu_rentang():
    assert IKU_MUTU([[90.0], [70.0], [None]]) == [["A"], ["C"], [KOSONG]]


_skor = st.one_of(st.none(), st.integers(1, 4))
_baris = st.lists(st.lists(_skor, min_size=9, max_size=9), min_size=1, max_size=30)


@given(_baris)
def test_ikm_dalam_25_100_atau_pesan(jawaban):
    hasil = IKU_IKM(jawaban)
    if isinstance(hasil, float):
        assert 25 <= hasil <= 100
        assert hasil == hitung_ikm(jawaban).konversi
        assert IKU_MUTU(hasil) == mutu(hasil)
    else:
        assert hasil == KOSONG or hasil.startswith(MARKA)


@given(_baris, st.integers(0, 29), st.integers(0, 8))
def test_naik_bila_satu_skor_naik(jawaban, i, j):
    i %= len(jawaban)
    jawaban = [[4 if x is None else x for x in b] for b in jawaban]
    sebelum = IKU_IKM(jawaban)
    if jawaban[i][j] < 4:
        jawaban[i][j] += 1
        assert IKU_IKM(jawaban) > sebelum
