"""Reading the Survei IKM sheet in the core: answers, profile, empty unsur, bad scores."""

from __future__ import annotations

from iku_xl.core.baca import Lembaran, baca_buku
from iku_xl.core.ikm import hitung_ikm
from iku_xl.core.skema import SURVEI, judul_unsur

_KEPALA = [k.judul for k in SURVEI.kolom]


def _lembaran(*baris: list[object]) -> Lembaran:
    grid = [["SURVEI"], [], _KEPALA, *baris]
    profil = [["Nama Instansi", "KECAMATAN X"], ["Populasi Layanan (IKM)", 1000]]
    return Lembaran({"Profil": profil, "Survei IKM": grid})


def _baris(periode: object, nilai: list[object], layanan: str = "KTP", saran: str = "") -> list[object]:
    return [periode, None, layanan, "Perempuan", 34, "SMA", "Swasta", *nilai, saran]


def test_judul_unsur_di_templat():
    assert judul_unsur(9) == "U9 Sarana dan Prasarana"
    assert _KEPALA[7:16] == [judul_unsur(n) for n in range(1, 10)]


def test_responden_dibaca_dengan_unsur_kosong():
    buku, masalah = baca_buku(_lembaran(
        _baris("2024 Semester I", [4, 3, 3, 4, 3, 3, 4, 3, 3], saran="Antrean dipercepat"),
        _baris("2024 Semester I", [3, 3, 4, 4, 3, 3, 3, 3, None]),
        [None] * 17,
        _baris("2024 Semester II", [4.0, "4", 4, 4, 4, 4, 4, 4, 4], layanan="IMB"),
    ))
    assert [m for m in masalah if m.tingkat == "galat" and m.lembar == "Survei IKM"] == []
    assert buku.profil.populasi_ikm == 1000
    assert [r.periode for r in buku.survei] == ["2024 Semester I", "2024 Semester I", "2024 Semester II"]
    assert buku.survei[0].saran == "Antrean dipercepat" and buku.survei[0].baris == 4
    assert buku.survei[1].nilai[8] is None
    assert buku.survei[2].nilai == (4,) * 9 and buku.survei[2].layanan == "IMB"
    h = hitung_ikm(r.nilai for r in buku.survei if r.periode == "2024 Semester I")
    assert h.unsur[8].n_jawaban == 1 and h.unsur[8].n_kosong == 1


def test_nilai_di_luar_skala_galat_dengan_sel():
    buku, masalah = baca_buku(_lembaran(_baris("2024", [4, 3, 5, 4, 3, 3, 4, 3, 3])))
    galat = [m for m in masalah if m.tingkat == "galat" and m.lembar == "Survei IKM"]
    assert [(m.lembar, m.sel) for m in galat] == [("Survei IKM", "J4")]
    assert "di luar skala 1-4" in galat[0].pesan
    assert buku.survei == ()


def test_periode_kosong_galat():
    _, masalah = baca_buku(_lembaran(_baris(None, [4] * 9)))
    assert [(m.sel, m.pesan) for m in masalah if m.tingkat == "galat" and m.lembar == "Survei IKM"] == [("A4", "periode survei kosong")]


def test_tanpa_lembar_survei_tidak_masalah():
    buku, masalah = baca_buku(Lembaran({"Profil": [["Nama Instansi", "X"]]}))
    assert buku.survei == ()
    assert not any("Survei" in str(m) for m in masalah)
