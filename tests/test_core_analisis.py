"""The Analisis Capaian sentences (pure core): polarity, grades, ranges, missing data, budget."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iku_xl.core.analisis import (
    KALIMAT,
    analisis,
    angka,
    kalimat_anggaran,
    kalimat_renstra,
    kalimat_target,
    kalimat_tren,
    teks_lama,
)
from iku_xl.core.model import BarisIKU, HasilCapaian, Indikator, NilaiHuruf, ProgramIKU, Rentang

POS = Indikator("1.1", "S", "Persentase jalan baik", "%")
NEG = Indikator("3.2", "S", "Jumlah konflik", "Kasus", polaritas="negatif")


def _b(ind, target, realisasi, capaian=None, status=None, predikat=None, **kw):
    return BarisIKU(ind, 2025, target, realisasi, HasilCapaian(capaian, status, alasan=kw.pop("alasan", "")),
                    predikat, **kw)


@pytest.mark.parametrize(("x", "desimal", "teks"), [
    (102.2222, 2, "102,22"), (1250, 2, "1.250"), (0.125, 2, "0,13"), (2.5, 0, "3"), (-1234.5, 2, "-1.234,5"),
    (100.0, 2, "100"), (12682048100, 0, "12.682.048.100")])
def test_angka_cara_indonesia(x, desimal, teks):
    assert angka(x, desimal) == teks


@pytest.mark.parametrize(("ind", "lalu", "kini", "harapan"), [
    (POS, 50.0, 60.0, "naik 10 poin (20 %): membaik."),
    (POS, 60.0, 50.0, "turun 10 poin (16,67 %): memburuk."),
    (NEG, 5.0, 3.0, "turun 2 Kasus (40 %): membaik (polaritas negatif: makin kecil makin baik)."),
    (NEG, 3.0, 5.0, "naik 2 Kasus (66,67 %): memburuk (polaritas negatif: makin kecil makin baik)."),
    (POS, 60.0, 60.0, "tetap."),
    (POS, 0.0, 4.0, "naik 4 poin: membaik."),  # no percent of a zero
])
def test_tren_menurut_polaritas(ind, lalu, kini, harapan):
    teks = kalimat_tren(_b(ind, 10.0, kini, 100.0), {2024: lalu})
    assert teks.startswith("Dibanding realisasi 2024") and teks.endswith(harapan), teks


def test_tren_huruf_dan_tanpa_tahun_lalu():
    g = Indikator("6.1", "S", "Opini BPK")
    b = _b(g, NilaiHuruf("WTP", "opini"), NilaiHuruf("WTP", "opini"), 100.0, "Tercapai")
    assert kalimat_tren(b, {2024: NilaiHuruf("WDP", "opini")}) == "Realisasi 2024: WDP; realisasi 2025: WTP (membaik)."
    assert kalimat_tren(b, {}) == KALIMAT["tren_kosong"]
    assert kalimat_tren(b, {2024: None}) == KALIMAT["tren_kosong"]  # a year without realisasi is no data
    assert kalimat_tren(_b(POS, 10.0, None), {2024: 5.0}) == ""  # the first sentence says realisasi is missing


def test_kalimat_target_data_kurang_tidak_mengarang_angka():
    assert kalimat_target(_b(POS, None, 5.0)) == "Target 2025 belum diisi; capaian belum dapat dianalisis."
    assert kalimat_target(_b(POS, 0.0, 5.0, alasan="target 0: capaian tidak dapat dihitung")) == (
        "Realisasi 2025 5 % terhadap target 0 %; capaian tidak dihitung: target 0: capaian tidak dapat dihitung.")
    assert kalimat_target(_b(POS, Rentang(80, 90), 85.0, 100.0, "Tercapai", "Sangat Tinggi")) == (
        "Realisasi 2025 sebesar 85 % terhadap target rentang 80-90 %, capaian 100 %: tercapai, predikat Sangat "
        "Tinggi.")
    g = Indikator("6.1", "S", "Nilai SAKIP")
    assert kalimat_target(_b(g, NilaiHuruf("BB", "akip"), 63.5, None, "Belum tercapai")) == (
        "Realisasi 2025 63,5 (setara B) terhadap target BB: belum tercapai.")
    assert kalimat_target(_b(g, NilaiHuruf("BB", "akip"), NilaiHuruf("A", "akip"), None, "Tercapai")) == (
        "Realisasi 2025 A terhadap target BB: tercapai.")


def test_renstra_sisa_tahun_dan_data_kurang():
    b = _b(POS, 80.0, 82.0, 102.5, target_renstra=90.0, tahun_renstra=2027, capaian_renstra=91.111)
    assert kalimat_renstra(b, 2027) == ("Terhadap target akhir Renstra 2027 (90 %), realisasi 2025 sudah mencapai "
                                        "91,11 %; sisa waktu 2 tahun (s.d. 2027).")
    akhir = _b(POS, 80.0, 82.0, 102.5, target_renstra=80.0, tahun_renstra=2025, capaian_renstra=102.5)
    assert kalimat_renstra(akhir, 2025).endswith("102,5 %; 2025 adalah tahun akhir Renstra.")
    assert kalimat_renstra(_b(POS, 80.0, 82.0, 102.5), 2027) == (
        "Target akhir Renstra (2027) belum diisi di lembar Target; perbandingan belum dapat dibuat.")
    assert kalimat_renstra(b, None) == KALIMAT["renstra_tanpa_tahun"]


def test_anggaran_tidak_ada_tidak_disebut_dan_data_kurang_disebut():
    b = _b(POS, 10.0, 9.0, 90.0, "Belum tercapai")
    assert kalimat_anggaran(b, []) == ""
    assert "anggaran" not in analisis(b, {}, None, []).lower()
    tanpa = [ProgramIKU("1.1", 2025, "P")]
    assert kalimat_anggaran(b, tanpa) == ("Program/kegiatan pendukung ada (1), tetapi anggarannya belum diisi di "
                                          "lembar Program Anggaran.")
    setengah = [ProgramIKU("1.1", 2025, "P", anggaran=1_000_000.0)]
    assert kalimat_anggaran(b, setengah) == (
        "Anggaran 1 program/kegiatan pendukung Rp 1.000.000; realisasi anggarannya belum diisi di lembar Program "
        "Anggaran, serapan belum dapat dihitung.")
    penuh = [ProgramIKU("1.1", 2025, "P", anggaran=1_000_000.0, realisasi_anggaran=950_000.0),
             ProgramIKU("1.1", 2025, "Q", anggaran=1_000_000.0, realisasi_anggaran=850_000.0)]
    assert kalimat_anggaran(b, penuh) == (
        "Anggaran 2 program/kegiatan pendukung Rp 2.000.000, terealisasi Rp 1.800.000 (serapan 90 %). Capaian "
        "kinerja (90 %) sama dengan penyerapan anggaran (90 %).")
    tanpa_capaian = _b(POS, 10.0, None)
    assert kalimat_anggaran(tanpa_capaian, penuh).endswith("(serapan 90 %).")  # no efficiency without capaian


def test_teks_lama_kolom_dicari_menurut_judul_dan_lembar_asing_kosong():
    grid = [["x"], ["Kode", "Catatan staf", "Upaya / alternatif solusi", "Penyebab keberhasilan / kegagalan"],
            ["1.1", "bebas", "U", "P"], ["(1)", None, None, None], ["2.1", None, None, None]]
    lama = teks_lama(grid)
    assert (lama["1.1"].penyebab, lama["1.1"].upaya, lama["1.1"].analisis) == ("P", "U", "")
    assert not lama["2.1"].ada_isian
    assert teks_lama([["Laporan lain"], ["Kode", "Nama"]]) == {}
    assert teks_lama([]) == {}


@given(st.one_of(st.floats(min_value=-1e13, max_value=1e13, allow_nan=False), st.integers(-10**12, 10**12)),
       st.integers(0, 3))
def test_format_angka_sama_dengan_babel(x, desimal):
    """The numbers of the sentences and of the IKM sheet are written as Babel's "id" locale would,
    without loading Babel on the report's path."""
    from decimal import ROUND_HALF_UP, Decimal

    from babel.numbers import format_decimal

    from iku_xl.core.model import format_angka

    d = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    assert format_angka(x, desimal) == format_decimal(d, format="#,##0" + ("." + "#" * desimal if desimal else ""),
                                                      locale="id")
