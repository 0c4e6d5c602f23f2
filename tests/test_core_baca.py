"""Reading sheets of cell values into a BukuIKU: every problem collected, in Indonesian."""

from __future__ import annotations

import copy

import pytest

from iku_xl.core.baca import Lembaran, baca_buku
from iku_xl.core.model import NilaiHuruf, Rentang

DASAR = {
    "Profil": [["PROFIL"], [], ["Isian", "Nilai"], ["Nama Instansi", "KECAMATAN CONTOH"],
               ["Tahun Laporan", 2024], ["NIP", "19700209 199003 1 002"], ["Skala Predikat", "permenpanrb8"],
               ["Metode Polaritas Negatif", "T/R"], ["Tahun Akhir Renstra", "2026"]],
    "Indikator": [["INDIKATOR"], ["petunjuk"],
                  ["Kode", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Polaritas", "Jenis Konsolidasi"],
                  ["1.1", "Sasaran A", "Persentase pengaduan", "%", "positif", "nilai terakhir"],
                  ["1.2", "Sasaran A", "Jumlah konflik", "Kasus", "negatif", "jumlah"],
                  [None, None, None, None, None, None],
                  ["2.1", "Sasaran B", "Nilai AKIP", "Nilai", "", ""]],
    "Target": [["TARGET"], [], ["Kode", "Tahun", "Target"],
               ["1.1", 2024, 0.9], ["1.2", 2024, "4"], ["2.1", 2024, "B"], ["1.1", 2025, "90-95"]],
    "Realisasi": [["REALISASI"], [], ["Kode", "Tahun", "Triwulan I", "Triwulan II", "Realisasi Tahunan"],
                  ["1.1", 2024, None, None, "92"], ["1.2", 2024, 1, 2, None], ["2.1", 2024, None, None, "BB"]],
}


def _baca(ubah=None, persen=None):
    nilai = copy.deepcopy(DASAR)
    if ubah:
        ubah(nilai)
    return baca_buku(Lembaran(nilai, persen or {}))


def _teks(masalah):
    return [str(m) for m in masalah]


def test_buku_lengkap():
    buku, masalah = _baca(persen={"Target": frozenset({(3, 2)})})
    assert masalah == []
    p = buku.profil
    assert (p.instansi, p.tahun, p.skala, p.metode_negatif, p.tahun_akhir_renstra) == (
        "KECAMATAN CONTOH", 2024, "permenpanrb8", "T/R", 2026)
    assert [(i.kode, i.polaritas, i.konsolidasi, i.baris) for i in buku.indikator] == [
        ("1.1", "positif", "nilai terakhir", 4), ("1.2", "negatif", "jumlah", 5),
        ("2.1", "positif", "nilai terakhir", 7)]
    assert [t.nilai for t in buku.target] == [90.0, 4.0, NilaiHuruf("B", "akip"), Rentang(90, 95)]
    r = buku.realisasi_dari("1.2", 2024)
    assert r.tw == (1.0, 2.0, None, None) and r.tahunan is None


@pytest.mark.parametrize(("ubah", "pesan"), [
    (lambda n: n.pop("Target"),
     ["Lembar 'Target' tidak ditemukan. Tambahkan lembar 'Target' seperti di templat (iku-xl template). "
      "Lembar yang ada: Profil, Indikator, Realisasi."]),
    (lambda n: n.__setitem__("Indikator", []),
     ["Lembar 'Indikator': lembar kosong atau baris judul kolom tidak ditemukan. Baris judul harus memuat "
      "kolom: Kode, Sasaran Strategis, Indikator Kinerja, Satuan."]),
    (lambda n: n["Target"][2].__setitem__(2, "Nilai Target"),
     ["Lembar 'Target': kolom 'Target' tidak ditemukan di baris judul (baris 3). Kembalikan judul kolom "
      "'Target' seperti di templat. Judul yang ada: Kode, Tahun, Nilai Target."]),
    (lambda n: n["Target"][3].__setitem__(2, "sembilan puluh"),
     ["Lembar 'Target' sel C4 (indikator 1.1): 'sembilan puluh' bukan angka yang jelas. "
      "Isi dengan angka, mis. 90 atau 83,5."]),
    (lambda n: n["Indikator"][4].__setitem__(0, "1.1"),
     ["Lembar 'Indikator' sel A5 (indikator 1.1): kode '1.1' ganda (sudah dipakai di baris 4). "
      "Beri setiap indikator kode yang berbeda.",
      "Lembar 'Target' sel A5 (indikator 1.2): kode '1.2' tidak ada di lembar Indikator. "
      "Perbaiki kode atau tambahkan indikatornya di lembar Indikator.",
      "Lembar 'Realisasi' sel A5 (indikator 1.2): kode '1.2' tidak ada di lembar Indikator. "
      "Perbaiki kode atau tambahkan indikatornya di lembar Indikator."]),
    (lambda n: n["Target"].append(["1.1", 2024, 95]),
     ["Lembar 'Target' sel A8 (indikator 1.1): target 2024 untuk kode '1.1' ganda (sudah ada di baris 4). "
      "Hapus salah satu baris."]),
    (lambda n: n["Target"].append(["9.9", 2024, 95]),
     ["Lembar 'Target' sel A8 (indikator 9.9): kode '9.9' tidak ada di lembar Indikator. "
      "Perbaiki kode atau tambahkan indikatornya di lembar Indikator."]),
    (lambda n: n["Realisasi"].append(["1.1", None, 5]),
     ["Lembar 'Realisasi' sel B7 (indikator 1.1): tahun kosong. Isi tahun, mis. 2024."]),
    (lambda n: n["Indikator"][3].__setitem__(1, None),
     ["Lembar 'Indikator' sel B4 (indikator 1.1): Sasaran Strategis kosong. Isi Sasaran Strategis untuk "
      "indikator ini (Sasaran kosong berarti sama dengan baris di atasnya)."]),
    (lambda n: n["Indikator"][3].__setitem__(4, "keatas"),
     ["Lembar 'Indikator' sel E4 (indikator 1.1): Polaritas 'keatas' tidak dikenal. Pilih salah satu: "
      "'positif', 'negatif'."]),
    (lambda n: n["Profil"][5].__setitem__(1, 196206201987031006),
     ["Lembar 'Profil' sel B6: NIP tersimpan sebagai angka (196206201987031008); Excel hanya menyimpan 15 digit. "
      "Ketik ulang NIP sebagai teks: awali dengan tanda petik, mis. '19700209 199003 1 002."]),
    (lambda n: n["Profil"][6].__setitem__(1, "bappenas"),
     ["Lembar 'Profil' sel B7: Skala Predikat 'bappenas' tidak dikenal. Pilih salah satu: permendagri86, "
      "permenpanrb8, kustom."]),
])
def test_masalah_baca(ubah, pesan):
    _, masalah = _baca(ubah)
    assert _teks(masalah) == pesan
    assert all(m.tingkat == "galat" for m in masalah)


def test_judul_tidak_peka_huruf_dan_spasi_dan_baris_judul_pindah():
    def ubah(n):
        n["Target"] = [["catatan staf"], *n["Target"]]
        n["Target"][3] = ["KODE", " tahun ", "TARGET *"]
    buku, masalah = _baca(ubah)
    assert masalah == []
    assert len(buku.target) == 4


def test_sasaran_kosong_sama_dengan_di_atasnya():
    def ubah(n):
        n["Indikator"][4][1] = None  # 1.2 under 1.1, as a merged Sasaran cell reads
    buku, masalah = _baca(ubah)
    assert masalah == []
    assert [i.sasaran for i in buku.indikator] == ["Sasaran A", "Sasaran A", "Sasaran B"]


def test_kolom_tambahan_staf_dibiarkan():
    def ubah(n):
        for i, b in enumerate(n["Target"]):
            b.append("Catatan staf" if i == 2 else "apa saja")
    buku, masalah = _baca(ubah)
    assert masalah == [] and len(buku.target) == 4


def test_semua_masalah_dikumpulkan_sekaligus():
    def ubah(n):
        n["Target"][3][2] = "x"
        n["Target"][4][2] = "y"
        n["Realisasi"][3][4] = "#DIV/0!"
    _, masalah = _baca(ubah)
    assert [m.sel for m in masalah] == ["C4", "C5", "E4"]
