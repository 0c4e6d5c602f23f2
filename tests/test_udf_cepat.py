"""The cell functions' one-pass path over ranges gives exactly what the one-cell path gives.

A range of IKU_CAPAIAN, IKU_PREDIKAT or IKU_RASIO is decided by the core's many-cell
functions (:func:`~iku_xl.core.capaian.capaian_banyak`, :func:`~iku_xl.core.predikat.predikat_banyak`,
:func:`~iku_xl.core.konsolidasi.rasio_banyak`) for plain numbers and empty cells, and cell by cell
for the rest. Hypothesis compares both paths with the scalar core on random cells: None, 0,
negatives, huge and tiny floats, NaN and infinity, text numbers ("83,5"), ranges, grades, Excel
error values and earlier #IKU! messages.
"""

from __future__ import annotations

import math

from hypothesis import example, given, settings
from hypothesis import strategies as st

from iku_xl.core.capaian import capaian_banyak, rinci_capaian
from iku_xl.core.errors import DataTidakValid, IkuError
from iku_xl.core.konsolidasi import rasio_banyak, realisasi_banyak, realisasi_rasio, realisasi_tahunan
from iku_xl.core.predikat import SKALA, predikat, predikat_banyak, skala_dari_tabel
from iku_xl.xl.fungsi import IKU_CAPAIAN, IKU_PREDIKAT, IKU_RASIO, IKU_REALISASI, KOSONG

BATAS = [0.0, 30.0, 50.0, 60.0, 65.0, 70.0, 76.61, 80.0, 88.31, 90.0, 100.0, 2.0, 1.0]
angka = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e-300, max_value=1e-300),
    st.sampled_from([0.0, -0.0, 1e308, -1e308, 5e-324, 1e-300, 1e300, 90.0, 100.0, 2.0]),
    st.sampled_from(BATAS).map(lambda b: math.nextafter(b, math.inf)),
    st.sampled_from(BATAS).map(lambda b: math.nextafter(b, -math.inf)),
    st.sampled_from(BATAS),
)
teks = st.sampled_from([
    "83,5", "90 %", "1.234,5", "0", "-5", "80-90", "7 s.d. 8", "90-80", "BB", "B", "wtp", "WDP",
    "abc", "", "-", "  ", "#N/A", "#IKU! target 0", "1e400", "NaN", "0,0001",
])
sel = st.one_of(st.none(), angka, teks, st.integers(-3, 200), st.booleans())
polaritas = st.sampled_from([None, "positif", "negatif", "Turun", "miring", "#IKU! x"])
metode = st.sampled_from([None, "2T-R", "T/R", "t/r", "aneh"])


def _nilai_inti(t, r, pol, met):
    """rinci_capaian's value, or the error it raises."""
    try:
        return rinci_capaian(t, r, pol if pol is not None else "positif", met if met is not None else "2T-R").nilai
    except IkuError as e:
        return type(e)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(sel, sel), min_size=1, max_size=30), polaritas, metode)
@example([(90.0, 92.0), (0.0, 5.0), (-4.0, 3.0), (4.0, 0.0), (1e-300, 1e300), (None, 5.0), (5.0, None)],
         "negatif", "T/R")
def test_capaian_banyak_sama_dengan_rinci_capaian(pasangan, pol, met):
    target, realisasi = [t for t, _ in pasangan], [r for _, r in pasangan]
    try:
        nilai, sisa = capaian_banyak(target, realisasi, pol, met)
    except IkuError:  # a polaritas or method the core rejects: rejected for every pair alike
        assert all(_nilai_inti(t, r, pol, met) is not None for t, r in pasangan)
        return
    for i, (t, r) in enumerate(pasangan):
        if i not in sisa:
            assert nilai[i] == _nilai_inti(t, r, pol, met), (t, r)
        elif type(t) is float and type(r) is float and t > 0 and math.isfinite(r):
            # a plain pair is left only when a rule of rinci_capaian decides it: no number
            assert r == 0 or not math.isfinite(t) or rinci_capaian(t, r, pol, met).nilai is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(angka, angka), min_size=1, max_size=30), polaritas, metode)
@example([(90.0, 92.0), (math.inf, 5.0)], None, None)
@example([(90.0, 92.0), (5.0, math.nan)], None, None)
@example([(90.0, 92.0), (1e-300, 1e300)], None, None)
@example([(90.0, 92.0), (1e308, 1e308), (1e308, 1e308)], None, None)
@example([(4.0, 3.0), (4.0, -0.0)], "negatif", "T/R")
def test_capaian_banyak_hanya_angka(pasangan, pol, met):
    """Columns of floats only: the path that decides a whole column at C speed."""
    test_capaian_banyak_sama_dengan_rinci_capaian.hypothesis.inner_test(pasangan, pol, met)


def _satu_satu(f, *kisi):
    """The one-cell path: the function called on each cell's values alone."""
    n, m = len(kisi[0]), len(kisi[0][0])
    return [[f(*(k[i][j] for k in kisi)) for j in range(m)] for i in range(n)]


def _kisi(nilai, m):
    return [nilai[i:i + m] for i in range(0, len(nilai), m)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(sel, sel), min_size=6, max_size=24), st.sampled_from([1, 2, 3]), polaritas, metode)
def test_iku_capaian_rentang_sama_dengan_sel_per_sel(pasangan, m, pol, met):
    pasangan = pasangan[:len(pasangan) // m * m]
    target, realisasi = _kisi([t for t, _ in pasangan], m), _kisi([r for _, r in pasangan], m)
    hasil = IKU_CAPAIAN(target, realisasi, pol, met)
    assert hasil == _satu_satu(lambda t, r: IKU_CAPAIAN(t, r, pol, met), target, realisasi)
    # polaritas per cell (a range): the cell-by-cell path, same answers
    pol_kisi = [[pol] * len(b) for b in target]
    assert IKU_CAPAIAN(target, realisasi, pol_kisi, met) == hasil


def test_iku_capaian_rentang_besar_dan_satu_target():
    target = [[float(i % 200)] for i in range(5000)]
    realisasi = [[float(i % 170)] for i in range(5000)]
    hasil = IKU_CAPAIAN(target, realisasi)
    assert hasil[0] == ["#IKU! target 0"] and hasil[1] == [100.0] and hasil[3] == [100.0]
    assert hasil[199] == [29 / 199 * 100]
    assert hasil == _satu_satu(IKU_CAPAIAN, target, realisasi)
    # one target for a 1000x3 range, and text numbers typed the Indonesian way
    baris = [[float(j), "83,5", None] for j in range(1000)]
    assert IKU_CAPAIAN(90.0, baris) == [[j / 90 * 100 if j else 0.0, 83.5 / 90 * 100, KOSONG]
                                        for j in range(1000)]


skala_uji = st.sampled_from([*SKALA.values(), skala_dari_tabel(
    [[75, "Baik", ""], [90, "Sangat Baik", ""], [0, "Kurang", ""], [90, "Sama", ""]])])


@settings(max_examples=300, deadline=None)
@given(st.lists(sel, min_size=1, max_size=30), skala_uji)
def test_predikat_banyak_sama_dengan_predikat(capaian, skala):
    hasil, sisa = predikat_banyak(capaian, skala)
    for i, x in enumerate(capaian):
        if i not in sisa:
            assert hasil[i] == predikat(x, skala), x
        else:
            assert not (type(x) is float and math.isfinite(x))


@settings(max_examples=200, deadline=None)
@given(st.lists(sel, min_size=1, max_size=20), st.sampled_from([None, "permenpanrb8", "akip", "ikm", "x"]))
def test_iku_predikat_rentang_sama_dengan_sel_per_sel(capaian, skala):
    kisi = [[x] for x in capaian]
    assert IKU_PREDIKAT(kisi, skala) == _satu_satu(lambda c: IKU_PREDIKAT(c, skala), kisi)


def _rasio_inti(a, b):
    try:
        return realisasi_rasio(a, b)
    except IkuError as e:
        return type(e)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(sel, sel), min_size=1, max_size=30))
def test_rasio_banyak_sama_dengan_realisasi_rasio(pasangan):
    hasil, sisa = rasio_banyak([a for a, _ in pasangan], [b for _, b in pasangan])
    for i, (a, b) in enumerate(pasangan):
        if i not in sisa:
            assert hasil[i] == _rasio_inti(a, b), (a, b)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(sel, sel), min_size=2, max_size=20))
def test_iku_rasio_rentang_sama_dengan_sel_per_sel(pasangan):
    a, b = [[x] for x, _ in pasangan], [[y] for _, y in pasangan]
    assert IKU_RASIO(a, b) == _satu_satu(IKU_RASIO, a, b)


jenis = st.sampled_from([None, "jumlah", "nilai terakhir", "rata-rata", "kumulatif", "Rata-Rata", "aneh"])
tw = st.one_of(st.none(), angka, sel)


def _tahunan_inti(baris, j):
    try:
        return realisasi_tahunan(baris, j if j is not None else "nilai terakhir").nilai
    except IkuError as e:
        return type(e)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(st.none(), angka), min_size=4, max_size=4)
                | st.lists(tw, min_size=4, max_size=4), min_size=1, max_size=20), jenis)
@example([[1e308, 1e308, None, None], [None] * 4, [10.0, 12.0, None, 8.0]], "jumlah")
def test_realisasi_banyak_sama_dengan_realisasi_tahunan(baris, j):
    try:
        hasil, sisa = realisasi_banyak(baris, j if j is not None else "nilai terakhir")
    except IkuError:
        assert all(_tahunan_inti(b, j) is DataTidakValid for b in baris)  # an unknown jenis, for every row
        return
    for i, b in enumerate(baris):
        if i not in sisa:
            assert hasil[i] == _tahunan_inti(b, j), b


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(tw, min_size=4, max_size=4), min_size=2, max_size=12), jenis)
def test_iku_realisasi_rentang_sama_dengan_baris_per_baris(baris, j):
    assert IKU_REALISASI(baris, j) == [[IKU_REALISASI(b, j)] for b in baris]
