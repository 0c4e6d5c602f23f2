"""An IKU whose realisasi is the IKM of the Survei IKM sheet (issue 13 point 3), in the core:
the Sumber Realisasi column, the periods of a year or named, the IKM rounded once, a typed
realisasi that disagrees, no IKM when an unsur has no answer, and validasi's survey checks."""

from __future__ import annotations

import datetime as dt

import pytest

from iku_xl.core.baca import Lembaran, baca_buku
from iku_xl.core.errors import DataTidakValid, Masalah
from iku_xl.core.ikm import hitung_ikm, ikm_realisasi
from iku_xl.core.model import Responden, SumberSurvei
from iku_xl.core.parse import parse_sumber_realisasi
from iku_xl.core.skema import REALISASI, SURVEI
from iku_xl.core.tugas import hitung_tahun, rencana_capaian, rencana_laporan, rencana_validasi
from iku_xl.core.dokumen.bagian import keterangan

#: Semester I: three respondents, one left U9 empty; Semester II: two.
SEM1 = [[4, 3, 3, 4, 3, 3, 4, 3, 3], [3, 3, 4, 4, 3, 3, 3, 3, None], [3, 4, 3, 3, 3, 4, 3, 3, 4]]
SEM2 = [[4, 4, 4, 4, 3, 3, 3, 3, 3], [3, 3, 3, 4, 4, 4, 3, 3, 3]]
# By hand, both semesters: NRR 17/5 (U1, U2, U3, U6), 19/5 (U4), 16/5 (U5, U7), 15/5 (U8), 13/4 (U9)
# sum 30,05; x 1/9 x 25 = 83,4722 -> 83,47 (B). Semester I alone: sum 61/3 + 3 + 3 + 3,5 = 29,8333;
# x 25/9 = 82,8704 -> 82,87 (B).
IKM_SETAHUN, IKM_SEM1 = 30.05 / 9 * 25, (61 / 3 + 9.5) / 9 * 25


def _survei(*periode_baris):
    return [Responden(p, tuple(n)) for p, baris in periode_baris for n in baris]


def test_ikm_tangan():
    assert hitung_ikm(SEM1 + SEM2).konversi == pytest.approx(IKM_SETAHUN)
    assert hitung_ikm(SEM1).konversi == pytest.approx(IKM_SEM1)


@pytest.mark.parametrize("teks, periode", [
    ("Survei IKM", ()), ("survei ikm", ()), ("Survei  IKM :  2024 Semester I ", ("2024 Semester I",)),
    ("Survei IKM: 2024 Semester I; 2024  Semester II;", ("2024 Semester I", "2024 Semester II")),
])
def test_sumber_realisasi_dibaca(teks, periode):
    assert parse_sumber_realisasi(teks) == SumberSurvei(periode)


@pytest.mark.parametrize("teks", ["Survei", "IKM", "Survei IKM:", "Survei IKM: ;", "BPS"])
def test_sumber_realisasi_tidak_dikenal(teks):
    with pytest.raises(DataTidakValid) as e:
        parse_sumber_realisasi(teks)
    assert e.value.pesan == f"Sumber Realisasi '{teks.strip()}' tidak dikenal"
    assert e.value.saran.startswith('Tulis "Survei IKM" (IKM semua periode survei tahun baris ini), '
                                    '"Survei IKM: 2024 Semester I; 2024 Semester II"')


def test_periode_tahun_dan_periode_disebut():
    rs = _survei(("2024 Semester I", SEM1), ("2024 Semester II", SEM2), ("2025 Semester I", [[1] * 9]))
    h = ikm_realisasi(rs, (), 2024)
    assert h.periode == ("2024 Semester I", "2024 Semester II")
    assert h.nilai == 83.47 and h.ringkasan.hasil.n_responden == 5
    assert h.keterangan == "IKM dari Survei IKM 2024 Semester I; 2024 Semester II (5 responden): 83,47, mutu B (Baik)"
    h = ikm_realisasi(rs, ("2024 SEMESTER I",), 2024)  # as the Periode column spells it, case aside
    assert (h.periode, h.nilai) == (("2024 Semester I",), 82.87)
    assert ikm_realisasi(rs, (), 2025).nilai == 25.0


def test_tidak_ada_periode_untuk_tahun():
    rs = _survei(("2024 Semester I", SEM1), ("Tahunan", SEM2))
    h = ikm_realisasi(rs, (), 2025)
    assert h.nilai is None and h.galat == ((
        "lembar Survei IKM tidak punya periode survei tahun 2025",
        "Periode yang ada: '2024 Semester I', 'Tahunan'. Tulis tahunnya di kolom Periode (mis. 2025 Semester I), "
        'atau sebut periodenya di sel ini: "Survei IKM: <periode>".'),)
    assert ikm_realisasi((), (), 2025).galat[0][1].startswith("Periode yang ada: belum ada (lembar Survei IKM kosong).")


def test_periode_disebut_tidak_ada():
    rs = _survei(("2024 Semester I", SEM1))
    h = ikm_realisasi(rs, ("2024 Semester I", "2024 Semester 2"), 2024)
    assert h.nilai is None and h.galat == ((
        "periode survei '2024 Semester 2' tidak ada di lembar Survei IKM",
        "Periode yang ada: '2024 Semester I'. Tulis nama periode seperti di kolom Periode, dipisah titik koma."),)


def test_unsur_tanpa_jawaban_tidak_ada_ikm():
    rs = _survei(("2024", [[4, 3, 3, None, 3, 3, 4, 3, 3]]))
    h = ikm_realisasi(rs, (), 2024)
    assert h.nilai is None and h.galat == ()
    assert h.keterangan == ("tidak ada IKM: unsur U4 Biaya/Tarif tidak dijawab satu responden pun di Survei IKM 2024 "
                            "(1 responden)")


# -- through the workbook's sheets (Lembaran: what every adapter hands to the core) ----------------

_REALISASI = [k.judul for k in REALISASI.kolom]
_SURVEI = [k.judul for k in SURVEI.kolom]


def _baris_survei(periode, nilai):
    return [periode, None, "KTP", "Perempuan", 30, "SMA", "Swasta", *nilai, None]


def lembaran(realisasi, *, survei=None, populasi=100, tanpa_kolom_sumber=False):
    """A workbook: 1.1 IKM (Indeks, target 80), 1.2 IKM semester I (target 80), 1.3 a plain indicator."""
    profil = [["Nama Instansi", "KECAMATAN UJI"], ["Tahun Laporan", 2024], ["Populasi Layanan (IKM)", populasi]]
    indikator = [["Kode", "Sasaran Strategis", "Indikator Kinerja", "Satuan"],
                 ["1.1", "Pelayanan prima", "Indeks Kepuasan Masyarakat", "Indeks"],
                 ["1.2", "Pelayanan prima", "IKM Semester I", "Indeks"],
                 ["1.3", "Pelayanan prima", "Persentase layanan tepat waktu", "%"]]
    target = [["Kode", "Tahun", "Target"], ["1.1", 2024, 80], ["1.2", 2024, 80], ["1.3", 2024, 100]]
    kepala = _REALISASI[:-1] if tanpa_kolom_sumber else _REALISASI
    grid_survei = [["SURVEI"], [], _SURVEI] + [_baris_survei(p, n) for p, baris in (
        survei if survei is not None else (("2024 Semester I", SEM1), ("2024 Semester II", SEM2))) for n in baris]
    return Lembaran({"Profil": profil, "Indikator": indikator, "Target": target,
                     "Realisasi": [["REALISASI"], [], kepala, *realisasi], "Survei IKM": grid_survei})


def _rek(kode, tahunan=None, sumber=None, tw=(None,) * 4):
    return [kode, 2024, *tw, tahunan, None, None, None, sumber]


def test_realisasi_dari_survei_di_laporan_dan_capaian():
    lb = lembaran([_rek("1.1", sumber="Survei IKM"), _rek("1.2", sumber="Survei IKM: 2024 Semester I"),
                   _rek("1.3", 90)])
    hitung = hitung_tahun(lb, None)
    assert [(b.indikator.kode, b.realisasi, b.capaian.nilai) for b in hitung.baris] == [
        ("1.1", 83.47, pytest.approx(83.47 / 80 * 100)), ("1.2", 82.87, pytest.approx(82.87 / 80 * 100)),
        ("1.3", 90.0, 90.0)]
    assert [keterangan(b) for b in hitung.baris] == [
        "IKM dari Survei IKM 2024 Semester I; 2024 Semester II (5 responden): 83,47, mutu B (Baik)",
        "IKM dari Survei IKM 2024 Semester I (3 responden): 82,87, mutu B (Baik)", ""]
    assert [m for m in hitung.masalah if m.lembar == "Realisasi"] == []
    # the same rows on every sheet made from them
    lap = rencana_laporan(lb, None, dt.date(2025, 1, 15))
    teks = [s.nilai for s in lap.lembar[0].sel]
    assert "IKM dari Survei IKM 2024 Semester I (3 responden): 82,87, mutu B (Baik)" in teks and 82.87 in teks
    cap = rencana_capaian(lb, None).lembar[0]
    baris_11 = [s.nilai for s in cap.sel if s.baris == 5]
    assert baris_11[6:8] == [83.47, pytest.approx(104.3375)] and baris_11[-1].startswith("IKM dari Survei IKM 2024")


def test_realisasi_diketik_berbeda_diperingatkan():
    lb = lembaran([_rek("1.1", 83.47, "Survei IKM"), _rek("1.2", 82, "Survei IKM: 2024 Semester I"),
                   _rek("1.3", 90)])
    hitung = hitung_tahun(lb, None)
    assert [b.realisasi for b in hitung.baris] == [83.47, 82.87, 90.0]  # the survey's value is used
    assert [m for m in hitung.masalah if m.lembar == "Realisasi"] == [Masalah(
        "peringatan", "Realisasi Tahunan yang diketik (82) berbeda dari IKM Survei IKM 2024 Semester I (82,87); "
                      "yang dipakai: IKM dari survei",
        "Hapus angka yang diketik di G5 (Sumber Realisasi = Survei IKM), atau perbaiki jawaban di lembar Survei IKM "
        "bila angka ketikan itu yang benar.", "Realisasi", "G5", "1.2")]


@pytest.mark.parametrize("diketik, beda", [(83.47, False), (83.4722, False), (83.474, False), (83.465, False),
                                           (83.48, True), (83.46, True), (83.4649, True)])
def test_ambang_selisih_setelah_pembulatan(diketik, beda):
    masalah = hitung_tahun(lembaran([_rek("1.1", diketik, "Survei IKM")]), None).masalah
    assert any("berbeda dari IKM" in m.pesan for m in masalah) is beda


def test_triwulan_diketik_berbeda_menyebut_selnya():
    masalah = hitung_tahun(lembaran([_rek("1.1", sumber="Survei IKM", tw=(80, 81, 82, 84))]), None).masalah
    (m,) = [m for m in masalah if "berbeda dari IKM" in m.pesan]
    assert (m.sel, m.pesan) == ("C4:F4", "konsolidasi triwulan (nilai terakhir) yang diketik (84) berbeda dari IKM "
                                         "Survei IKM 2024 Semester I; 2024 Semester II (83,47); yang dipakai: IKM "
                                         "dari survei")


def test_tanpa_periode_tahun_galat_menghalangi_laporan():
    lb = lembaran([_rek("1.1", sumber="Survei IKM")], survei=(("2023 Semester II", SEM1),))
    hitung = hitung_tahun(lb, None)
    assert hitung.baris == []
    assert [str(m) for m in hitung.masalah if m.tingkat == "galat"] == [
        "Lembar 'Realisasi' sel K4 (indikator 1.1): Sumber Realisasi \"Survei IKM\": lembar Survei IKM tidak punya "
        "periode survei tahun 2024. Periode yang ada: '2023 Semester II'. Tulis tahunnya di kolom Periode (mis. 2024 "
        'Semester I), atau sebut periodenya di sel ini: "Survei IKM: <periode>".']


def test_unsur_tanpa_jawaban_capaian_kosong_dengan_alasan():
    lb = lembaran([_rek("1.1", sumber="Survei IKM")], survei=(("2024", [[4, 3, 3, 4, 3, 3, 4, 3, None]] * 2),))
    hitung = hitung_tahun(lb, None)
    b = hitung.baris[0]
    assert b.realisasi is None and b.capaian.nilai is None and b.predikat is None
    assert keterangan(b) == ("Tidak ada IKM: unsur U9 Sarana dan Prasarana tidak dijawab satu responden pun di "
                             "Survei IKM 2024 (2 responden)")
    assert ("peringatan", "K4") in {(m.tingkat, m.sel) for m in hitung.masalah}


def test_sumber_tidak_dikenal_galat_di_selnya():
    _, masalah = baca_buku(lembaran([_rek("1.1", sumber="kuesioner")]))
    (m,) = [m for m in masalah if m.tingkat == "galat"]
    assert (m.lembar, m.sel, m.kode, m.pesan) == ("Realisasi", "K4", "1.1", "Sumber Realisasi 'kuesioner' tidak dikenal")


def test_buku_lama_tanpa_kolom_sumber():
    lb = lembaran([["1.1", 2024, None, None, None, None, 83.5, None, None, None]], tanpa_kolom_sumber=True)
    buku, masalah = baca_buku(lb)
    assert not [m for m in masalah if m.tingkat == "galat"]
    assert buku.realisasi[0].sumber is None
    assert hitung_tahun(lb, None).baris[0].realisasi == 83.5


def _validasi(lb):
    return rencana_validasi(lb, [], "uji.xlsx", dt.datetime(2025, 1, 15, 9, 0)).masalah


def test_validasi_survei():
    masalah = _validasi(lembaran([_rek("1.1", 80, "Survei IKM"), _rek("1.3", 90)]))
    survei = [(m.tingkat, m.lembar, m.pesan) for m in masalah if m.lembar == "Survei IKM"]
    assert survei == [
        ("peringatan", "Survei IKM", "survei periode '2024 Semester I' hanya 3 responden, kurang dari jumlah minimal "
                                     "80 untuk populasi 100 (tabel Krejcie-Morgan)"),
        ("peringatan", "Survei IKM", "survei periode '2024 Semester II' hanya 2 responden, kurang dari jumlah minimal "
                                     "80 untuk populasi 100 (tabel Krejcie-Morgan)"),
        ("info", "Survei IKM", "survei periode '2024 Semester I': unsur U9 Sarana dan Prasarana tidak dijawab oleh 1 "
                               "dari 3 responden")]
    beda = [m for m in masalah if "berbeda dari IKM" in m.pesan]
    assert [(m.tingkat, m.sel, m.pesan) for m in beda] == [
        ("peringatan", "G4", "Realisasi Tahunan yang diketik (80) berbeda dari IKM Survei IKM 2024 Semester I; "
                             "2024 Semester II (83,47); yang dipakai: IKM dari survei")]
    assert [m.kode for m in masalah if m.pesan == "realisasi 2024 belum diisi"] == ["1.2"]
    # no IKM: the survey's own peringatan says why, not "belum diisi"
    tanpa = _validasi(lembaran([_rek("1.1", sumber="Survei IKM")], survei=(("2024", [[4] * 8 + [None]]),)))
    assert [m.kode for m in tanpa if m.pesan == "realisasi 2024 belum diisi"] == ["1.2", "1.3"]
    assert [m.pesan for m in tanpa if m.kode == "1.1" and m.lembar == "Realisasi"] == [
        "realisasi 2024 dari Survei IKM kosong: tidak ada IKM: unsur U9 Sarana dan Prasarana tidak dijawab satu "
        "responden pun di Survei IKM 2024 (1 responden)"]


def test_validasi_populasi_kosong_info_dan_sampel_cukup():
    masalah = _validasi(lembaran([_rek("1.1", sumber="Survei IKM")], populasi=None))
    assert [(m.tingkat, m.lembar, m.pesan, m.saran) for m in masalah if m.lembar == "Profil"] == [
        ("info", "Profil", "Populasi Layanan (IKM) belum diisi: jumlah responden minimal survei tidak dapat diperiksa",
         "Isi Populasi Layanan (IKM) di lembar Profil (jumlah pengguna layanan dalam periode survei).")]
    cukup = _validasi(lembaran([_rek("1.1", sumber="Survei IKM")], populasi=3,
                               survei=(("2024", [[4] * 9] * 3),)))
    assert not [m for m in cukup if m.lembar in ("Survei IKM", "Profil")]


def test_validasi_skor_di_luar_skala_dengan_lembar_dan_sel():
    lb = lembaran([_rek("1.1", sumber="Survei IKM")], survei=(("2024", [[4, 3, 5, 4, 3, 3, 4, 3, 3], [4] * 9]),))
    galat = [m for m in _validasi(lb) if m.tingkat == "galat"]
    assert [(m.lembar, m.sel, m.pesan) for m in galat] == [("Survei IKM", "J4", "nilai 5 di luar skala 1-4")]
