"""Quarterly monitoring (issue 12 point 2): the core's numbers, table-driven."""

from __future__ import annotations

import pytest

from iku_xl.core.model import BukuIKU, Indikator, Profil, RealisasiIKU, TargetIKU
from iku_xl.core.triwulan import hitung_triwulan


def _satu(konsolidasi: str, target: float | None, tw_target: tuple, tw_real: tuple, triwulan: int,
          polaritas: str = "positif", metode: str | None = None):
    buku = BukuIKU(Profil(tahun=2024),
                   (Indikator("1.1", "S", "I", "%", polaritas=polaritas, konsolidasi=konsolidasi,
                              metode_negatif=metode),),
                   (TargetIKU("1.1", 2024, target, tw_target, 7, ("a", "b", "c", "d")),),
                   (RealisasiIKU("1.1", 2024, tw=tw_real, baris=9),))
    [b], masalah = hitung_triwulan(buku, 2024, triwulan)
    return b, masalah


KASUS = [
    # konsolidasi, target, target TW, realisasi TW, N, target TW N, realisasi s.d. N, capaian, progres
    ("jumlah", 12.0, (3.0, 3.0, 3.0, 3.0), (2.0, 4.0, 5.0, None), 2, 6.0, 6.0, 100.0, 50.0),
    ("jumlah", 12.0, (3.0, 3.0, 3.0, 3.0), (2.0, None, None, None), 3, 9.0, 2.0, 200 / 9, 100 / 6),
    ("nilai terakhir", 90.0, (60.0, 70.0, 80.0, 90.0), (55.0, 72.0, None, None), 3, 80.0, 72.0, 90.0, 80.0),
    ("kumulatif", 100.0, (25.0, 50.0, 75.0, 100.0), (30.0, 50.0, 60.0, 99.0), 1, 25.0, 30.0, 120.0, 30.0),
    ("rata-rata", 80.0, (70.0, 80.0, 90.0, 80.0), (77.0, 85.0, None, 90.0), 2, 75.0, 81.0, 108.0, 101.25),
    ("rata-rata", 80.0, (70.0, 80.0, 90.0, 80.0), (77.0, 85.0, None, 90.0), 4, 80.0, 84.0, 105.0, 105.0),
]


@pytest.mark.parametrize("konsolidasi,target,tw_t,tw_r,n,t_n,r_n,capaian,progres", KASUS)
def test_per_konsolidasi(konsolidasi, target, tw_t, tw_r, n, t_n, r_n, capaian, progres):
    b, masalah = _satu(konsolidasi, target, tw_t, tw_r, n)
    assert (b.target_tw, b.realisasi) == (t_n, r_n)
    assert b.capaian.nilai == pytest.approx(capaian)
    assert b.progres.nilai == pytest.approx(progres)
    assert b.target_tahunan == target
    assert b.rencana_aksi == "abcd"[n - 1]
    assert masalah == []


@pytest.mark.parametrize("konsolidasi,tw_t,n,alasan", [
    ("jumlah", (3.0, None, 3.0, 3.0), 3, "target triwulan belum diisi (TW II)"),
    ("jumlah", (None, None, None, None), 2, "target triwulan belum diisi (TW I, II)"),
    ("nilai terakhir", (60.0, 70.0, None, 90.0), 3, "target triwulan belum diisi (TW III)"),
    ("rata-rata", (None, 80.0, 90.0, 80.0), 4, "target triwulan belum diisi (TW I)"),
])
def test_target_triwulan_kosong_disebut_bukan_nol(konsolidasi, tw_t, n, alasan):
    b, masalah = _satu(konsolidasi, 12.0, tw_t, (1.0, 2.0, 3.0, 4.0), n)
    assert b.target_tw is None
    assert (b.capaian.nilai, b.capaian.alasan, b.predikat) == (None, alasan, None)
    assert b.progres.nilai is not None  # the annual target is there
    assert [(m.tingkat, m.pesan, m.lembar, m.sel, m.kode) for m in masalah] == [
        ("peringatan", alasan, "Target", "baris 7", "1.1")]
    assert masalah[0].saran == "Isi Target Triwulan di lembar Target untuk tahun 2024."


@pytest.mark.parametrize("metode,capaian,progres", [
    ("2T-R", (2 * 4 - 5) / 4 * 100, (2 * 3 - 5) / 3 * 100),
    ("T/R", 4 / 5 * 100, 3 / 5 * 100),
])
def test_polaritas_negatif(metode, capaian, progres):
    # kasus: fewer is better; TW II target 4 cases, 5 so far (nilai terakhir), annual target 3
    b, _ = _satu("nilai terakhir", 3.0, (5.0, 4.0, 3.5, 3.0), (6.0, 5.0, None, None), 2, "negatif", metode)
    assert b.capaian.nilai == pytest.approx(capaian)
    assert b.progres.nilai == pytest.approx(progres)
    assert b.capaian.status == "Belum tercapai"


def test_realisasi_belum_diisi():
    b, masalah = _satu("jumlah", 12.0, (3.0, 3.0, 3.0, 3.0), (None, None, None, None), 1)
    assert (b.realisasi, b.capaian.nilai, b.capaian.alasan) == (None, None, "realisasi belum diisi")
    assert masalah == []


def test_realisasi_tahunan_tidak_dipakai_untuk_triwulan():
    buku = BukuIKU(Profil(tahun=2024), (Indikator("1.1", "S", "I", konsolidasi="jumlah"),),
                   (TargetIKU("1.1", 2024, 12.0, (3.0, 3.0, 3.0, 3.0)),),
                   (RealisasiIKU("1.1", 2024, tw=(3.0, None, None, None), tahunan=40.0),))
    [b], _ = hitung_triwulan(buku, 2024, 1)
    assert b.realisasi == 3.0
