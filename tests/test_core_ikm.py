"""The IKM computation (PermenPANRB 14/2017), checked on examples worked by hand and by properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iku_xl.core.ikm import UNSUR, hitung_ikm, ikm_dari_nrr, kinerja, mutu, sampel_minimum

skor = st.one_of(st.none(), st.integers(min_value=1, max_value=4))
responden = st.lists(skor, min_size=9, max_size=9)


def test_contoh_dihitung_tangan():
    # 4 respondents. Unsur 9 left empty by one: its NRR is over 3 answers, not 4.
    jawaban = [
        [4, 3, 3, 4, 3, 3, 4, 3, 3],
        [3, 3, 4, 4, 3, 3, 3, 3, None],
        [3, 2, 3, 4, 3, 4, 4, 2, 3],
        [4, 3, 3, 4, 2, 3, 4, 3, 2],
    ]
    h = hitung_ikm(jawaban)
    assert h.n_responden == 4
    # by hand: sums 14 11 13 16 11 13 15 11 8 ; NRR 3.5 2.75 3.25 4 2.75 3.25 3.75 2.75 2.6667
    assert [u.jumlah for u in h.unsur] == [14, 11, 13, 16, 11, 13, 15, 11, 8]
    assert [u.n_jawaban for u in h.unsur] == [4] * 8 + [3]
    assert h.unsur[8].n_kosong == 1
    assert h.unsur[8].nrr == pytest.approx(8 / 3)
    # sum of NRR = 28.6667 ; / 9 = 3.18519 ; x 25 = 79.63
    assert h.nilai_interval == pytest.approx(28.666666666 / 9, abs=1e-8)
    assert round(h.konversi, 2) == 79.63
    assert (h.mutu, h.kinerja) == ("B", "Baik")
    assert [u.unsur.nomor for u in h.prioritas()] == [9, 2, 5]


def test_bobot_011_mengubah_mutu():
    """The rounded weight 0.11 many hand-made sheets use turns an A into a B."""
    nrr = [3.55] * 9
    assert ikm_dari_nrr(nrr) == pytest.approx(88.75)
    assert mutu(ikm_dari_nrr(nrr)) == "A"
    salah = sum(x * 0.11 for x in nrr) * 25
    assert round(salah, 2) == 87.86 and mutu(salah) == "B"


def test_batas_tabel_interval():
    assert [mutu(x) for x in (100, 88.31, 88.30, 76.61, 76.60, 65.0, 64.99, 25)] == ["A", "A", "B", "B", "C", "C", "D", "D"]
    assert [kinerja(x) for x in (90, 80, 70, 30)] == ["Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik"]


def test_unsur_tanpa_jawaban_tidak_ada_ikm():
    h = hitung_ikm([[4, 4, 4, 4, 4, 4, 4, 4, None]] * 3)
    assert h.konversi is None and h.mutu is None
    assert [u.nomor for u in h.unsur_kosong] == [9]


def test_nilai_di_luar_skala_ditolak():
    with pytest.raises(ValueError, match="1-4"):
        hitung_ikm([[5] + [3] * 8])


def test_sampel_krejcie_morgan():
    # the values DOMAIN.md quotes from the table
    assert [sampel_minimum(n) for n in (100, 1_000, 10_000, 100_000)] == [80, 278, 370, 384]
    # rows of the printed table, which rounds the formula to the nearest whole respondent
    assert [sampel_minimum(n) for n in (10, 15, 20, 50, 75_000, 1_000_000)] == [10, 14, 19, 44, 382, 384]
    assert all(sampel_minimum(n) <= n for n in range(1, 500))


@given(st.lists(responden, min_size=1, max_size=30))
def test_ikm_antara_25_dan_100(jawaban):
    h = hitung_ikm(jawaban)
    if h.konversi is not None:
        assert 25 - 1e-9 <= h.konversi <= 100 + 1e-9
        assert h.mutu in "ABCD"


@given(st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=20),
       st.data())
def test_ikm_monoton_di_setiap_nilai(jawaban, data):
    """Raising any one score never lowers the IKM."""
    i = data.draw(st.integers(0, len(jawaban) - 1))
    j = data.draw(st.integers(0, len(UNSUR) - 1))
    if jawaban[i][j] == 4:
        return
    naik = [list(b) for b in jawaban]
    naik[i][j] += 1
    assert hitung_ikm(naik).konversi >= hitung_ikm(jawaban).konversi


@given(st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=20))
def test_sama_dengan_rumus_bobot_sepersembilan(jawaban):
    h = hitung_ikm(jawaban)
    nrr = [sum(b[j] for b in jawaban) / len(jawaban) for j in range(9)]
    assert h.konversi == pytest.approx(sum(nrr) / 9 * 25)


def test_baris_tanpa_nilai_bukan_responden_di_mana_pun():
    from iku_xl.core.ikm import ringkas_survei
    from iku_xl.core.model import Responden

    rs = [Responden("I", (4,) * 9, jenis_kelamin="Perempuan"), Responden("I", (None,) * 9, jenis_kelamin="Laki-laki")]
    r = ringkas_survei(rs, ["I"])
    assert r.hasil.n_responden == 1
    assert dict(r.profil[0][1]) == {"Perempuan": 1}  # the profile tables count the same respondents
