"""Predikat scales (DOMAIN.md section 3), konsolidasi and ratio realisasi (sections 4-5)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iku_xl import predikat, realisasi_rasio, realisasi_tahunan
from iku_xl.core.errors import DataTidakValid
from iku_xl.core.predikat import SKALA, pilih_skala, rumus_excel_predikat, skala_dari_tabel


@pytest.mark.parametrize(("capaian", "skala", "exp"), [
    # Permendagri 86/2017, half-open bands; above 100 stays Sangat Tinggi
    (150, "permendagri86", "Sangat Tinggi"), (91, "permendagri86", "Sangat Tinggi"),
    (90.99, "permendagri86", "Tinggi"), (90.5, "permendagri86", "Tinggi"), (76, "permendagri86", "Tinggi"),
    (75.99, "permendagri86", "Sedang"), (66, "permendagri86", "Sedang"), (65.5, "permendagri86", "Rendah"),
    (51, "permendagri86", "Rendah"), (50.99, "permendagri86", "Sangat Rendah"), (-10, "permendagri86", "Sangat Rendah"),
    # PermenPANRB 8/2021 IKI categories
    (120, "permenpanrb8", "Sangat Baik"), (100.01, "permenpanrb8", "Sangat Baik"), (100, "permenpanrb8", "Baik"),
    (99.99, "permenpanrb8", "Cukup"), (80, "permenpanrb8", "Cukup"), (79.9, "permenpanrb8", "Kurang"),
    (60, "permenpanrb8", "Kurang"), (59.99, "permenpanrb8", "Sangat Kurang"), (0, "permenpanrb8", "Sangat Kurang"),
    # Nilai AKIP: lower bounds exclusive as printed
    (90, "akip", "A"), (90.01, "akip", "AA"), (70, "akip", "B"), (30, "akip", "D"),
    # IKM mutu
    (88.31, "ikm", "A (Sangat Baik)"), (88.30, "ikm", "B (Baik)"), (76.61, "ikm", "B (Baik)"),
    (76.60, "ikm", "C (Kurang Baik)"), (65, "ikm", "C (Kurang Baik)"), (64.99, "ikm", "D (Tidak Baik)"),
    # text from a cell, empty
    ("95,5", "permendagri86", "Sangat Tinggi"), (None, "permendagri86", None), ("", "permenpanrb8", None),
])
def test_predikat(capaian, skala, exp):
    assert predikat(capaian, skala) == exp


def test_skala_kustom_dari_tabel():
    s = skala_dari_tabel([[90, "Sangat Baik", "#63BE7B"], [75, "Baik", ""],
                          [None, None, None], [0, "Kurang", "FFC7CE"]])
    assert [(p.batas, p.label, p.warna) for p in s.pita] == [
        (90.0, "Sangat Baik", "63BE7B"), (75.0, "Baik", "FFFFFF"), (None, "Kurang", "FFC7CE")]
    assert predikat(89.99, s) == "Baik"
    assert predikat(-1, s) == "Kurang"
    assert pilih_skala("Kustom", s) is s


def test_skala_tidak_dikenal():
    with pytest.raises(DataTidakValid) as e:
        predikat(90, "bappenas")
    assert str(e.value) == ("skala predikat 'bappenas' tidak dikenal. Pilih salah satu: permendagri86, "
                            "permenpanrb8, akip, ikm, kustom.")
    with pytest.raises(DataTidakValid, match="lembar skala kustom kosong"):
        pilih_skala("kustom", None)


def _excel_ke_python(rumus: str, x: float) -> str:
    """Evaluate the nested IF(G7>=n,"label",...) text the report writes, for the property below."""
    pola = re.compile(r'IF\(G7(>=|>|=)("?)([^,"]*)\2,"([^"]*)",')
    teks = rumus.lstrip("=")
    while m := pola.match(teks):
        op, kutip, batas, label = m.groups()
        benar = (x == batas) if kutip else {">=": x >= float(batas), ">": x > float(batas),
                                           "=": x == float(batas)}[op]
        if benar:
            return label
        teks = teks[m.end():]
    return re.fullmatch(r'"([^"]*)"\)+', teks).group(1)


@given(st.floats(min_value=-50, max_value=200, allow_nan=False), st.sampled_from(sorted(SKALA)))
def test_rumus_excel_predikat_sama_dengan_python(x, nama):
    """The report's Predikat formula bands exactly as the core does (LibreOffice checks it too)."""
    assert _excel_ke_python(rumus_excel_predikat("G7", SKALA[nama]), x) == predikat(x, nama)


# -- konsolidasi --------------------------------------------------------------------------------

@pytest.mark.parametrize(("tw", "jenis", "exp"), [
    ([10, 12, None, 8], "jumlah", 30.0),
    ([80, 85, 90, None], "nilai terakhir", 90.0),
    ([80, None, 90, None], "rata-rata", 85.0),
    (["82,1", "83,4", "84", "84,6"], "rata-rata", 83.525),
    ([None, None, None, None], "jumlah", None),
    ([1, 3, 6, 10], "kumulatif", 10.0),
    (["B", "BB", None, None], "nilai terakhir", "BB"),
])
def test_realisasi_tahunan(tw, jenis, exp):
    hasil = realisasi_tahunan(tw, jenis).nilai
    assert (str(hasil) if hasil is not None and not isinstance(hasil, float) else hasil) == (
        pytest.approx(exp) if isinstance(exp, float) else exp)


def test_kumulatif_turun_diperingatkan():
    h = realisasi_tahunan([5, 8, 6, 9], "kumulatif")
    assert h.nilai == 9.0
    assert h.peringatan == ("nilai kumulatif turun: TW III (6) lebih kecil dari TW II (8)",)


def test_predikat_per_triwulan_tidak_dijumlah():
    with pytest.raises(DataTidakValid, match="predikat per triwulan tidak dapat di-jumlah"):
        realisasi_tahunan(["B", "BB"], "jumlah")


def test_rasio():
    assert realisasi_rasio(45, 50) == 90.0
    assert realisasi_rasio("9", "20") == 45.0
    assert realisasi_rasio(None, 20) is None
    with pytest.raises(DataTidakValid) as e:
        realisasi_rasio(3, 0)
    assert str(e.value) == ("penyebut 0: realisasi tidak dapat dihitung. "
                            "Periksa penyebut (jumlah seluruhnya); harus lebih dari 0.")


@given(st.lists(st.one_of(st.none(), st.floats(min_value=0, max_value=1e6)), min_size=4, max_size=4))
def test_konsolidasi_dalam_batas(tw):
    ada = [x for x in tw if x is not None]
    for jenis in ("nilai terakhir", "rata-rata"):
        x = realisasi_tahunan(tw, jenis).nilai
        if ada:
            assert min(ada) - 1e-6 <= x <= max(ada) + 1e-6
        else:
            assert x is None
    jumlah = realisasi_tahunan(tw, "jumlah").nilai
    assert jumlah == (pytest.approx(sum(ada)) if ada else None)
