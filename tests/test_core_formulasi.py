"""Formulasi parsing and checks (iku_xl.core.formulasi), on the seeds' real texts.

The SEED_* tables copy the Indikator / Satuan / Formulasi columns of
/work/shared/seeds 000, 002 and 004 verbatim (seed 000's continuation row
"yang diundang pada kegiatan Musrenbangcam" joined to its formulasi, as the
reader does).
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iku_xl.core.errors import Masalah
from iku_xl.core.formulasi import (
    Rasio,
    normal_satuan,
    periksa_formulasi,
    periksa_skala_saudara,
    urai_formulasi,
)

# ---- the seeds ------------------------------------------------------------------------------

SEED_000 = [
    ("Persentase jumlah permohonan KK/KTP yang dilayani sesuai standar pelayanan", "%",
     "Jumlah permohonan KK/KTP yang dilayani sesuai standar pelayanan ----- x 100 % "
     "Jumlah seluruh permohonan KK/KTP"),
    ("Persentase jumlah permohonan perizinan yang dilayani sesuai standar pelayanan", "%",
     "Jumlah permohonan perizinan yang dilayani sesuai standar pelayanan ----- x 100 % "
     "Jumlah seluruh permohonan perizinan"),
    ("Persentase jumlah permohonan pelayanan surat-surat yang dilayani sesuai standar pelayanan", "%",
     "Jumlah permohonan pelayanan surat-surat yang dilayani sesuai standar pelayanan ----- x 100 % "
     "Jumlah seluruh permohonan surat-surat"),
    ("Persentase pengaduan masyarakat tentang layanan publik yang ditindaklanjuti", "%",
     "Jumlah pengaduan pelayanan publik yang ditindaklanjuti ----- x 100 % "
     "Jumlah seluruh pengaduan pelayanan publik"),
    ("Luas RTH yang tertata dengan baik", "M2", "Cukup jelas"),
    ("Gerakan kebersihan “Jum’at Bersih” yang dilaksanakan dalam 1 tahun", "Kegt",
     "Kegiatan bersih-bersih bersama masyarakat yang dilakukan selama 1 tahun"),
    ("Persentase Desa/Kelurahan yang melaksanakan Jum’at Bersih", "%",
     "Jumlah Desa/Kelurahan yang melaksanakan Jum’at Bersih ----- x 100 % Jumlah Desa/Kelurahan"),
    ("Persentase volume sampah yang terangkut", "%",
     "Volume sampah yang terangkut setiap hari ----- x 100 % Volume sampah seluruhnya"),
    ("Persentase jumlah Pos Kamling aktif", "%",
     "Jumlah pos kamling yang dimanfaatkan untuk jaga ----- x 100 % Jumlah seluruh pos kamling yang ada"),
    ("Persentase penurunan tindak kriminal di masyarakat pada tahun x", "%",
     "Jumlah tindak kriminal tahun (n1) – Jumlah tindak kriminal tahun (n-1)"),
    ("Penyuluhan/sosialisasi tentang hukum / Kamtrantibmas yang dilaksanakan dalam 1 tahun", "Kgt",
     "Kegiatan penyuluhan/sosialisasi hukum/Kamtrantibmas dalam 1 tahun"),
    ("Tingkat partisipasi masyarakat dalam penyusunan perencanaan pembangunan kecamatan", "%",
     "Jumlah masyarakat yang hadir dalam Musrenbangcam ----- x 100 % Jumlah seluruh masyarakat "
     "yang diundang pada kegiatan Musrenbangcam"),
    ("Persentase usulan masyarakat (kelurahan/desa) yang direkomendasikan di tingkat kecamatan", "%",
     "Jumlah program/kegiatan usulan masyarakat (kelurahan/desa) yang direkomendasikan ----- x 100 % "
     "Jumlah seluruh program/kegiatan yang diusulkan"),
    ("Pembinaan eks penyandang penyakit sosial (eks nara pidana, PSK, Narkoba dan penyakit sosial "
     "lainnya yang dilaksanakan dalam 1 tahun", "Kgt", "Cukup jelas"),
    ("Pembinaan PKK desa/kelurahan yang dilaksanakan dalam 1 tahun", "Kgt", "Cukup jelas"),
    ("Kegiatan PKK yang dilaksanakan dalam 1 tahun", "Kgt", "Cukup jelas"),
]

SEED_002 = [
    ("Indeks Kepuasan Masyarakat Terhadap Layanan Publik", "Nilai",
     "IKM dihitung berdasarkan hasil Survey Kepuasan Masyarakat melalui kuesioner yang terdiri dari "
     "pertanyaan terkait kinerja dan aparatur organisasi dalam memberikan pelayanan yang diisi oleh "
     "penerima layanan sebagai responden. Penerima layanan Kecamatan Bantargebah adalah masyarakat "
     "yang menerima layanan."),
    ("Nilai AKIP Kecamatan Bantargebah", "Nilai",
     "Nilai AKIP = nilai komponen perencanaan kinerja+nilai komponen pengukuran kinerja+nilai "
     "komponen evaluasi internal+nilai komponen capaian kinerja"),
    ("Persentase Peningkatan Wilayah yang Tertib", "Persen (%)",
     "( Jumlah zonasi yang telah ditingkatkan / Jumlah zona tertib ) x 100 %"),
]

SEED_004 = [
    ("Prosentase Jumlah infrastruktur dasar dalam kondisi baik", "%",
     "realisasi infrastruktur dasar kecamatan /Target yang direncanakan*100"),
    ("prosentase penurunan timbulan sampah", "%", "Penurunan Timbulan sampah"),
    ("Prosentase desa dengan kategori minimal Maju", "%",
     "Realisasi desa berkembang/target desa kategori minimal Maju*100"),
    ("Persentase desa dengan laporan pertanggungjawaban baik", "%",
     "Realisasi desa dengan laporan pertanggung jawaban baik/Jumlah Desa*100"),
    ("Indeks Kepuasan Masyarakat", "Indeks", "nilai Indeks Kepuasan Masyarakat Kecamatan Legok"),
    ("Prosentase penurunan pelanggaran ketentraman dan ketertiban umum", "%",
     "akumulasi hasil angka penurunan / jumlah pelanggaran dan ketertiban tahun 2018 *100"),
    ("Jumlah konflik Ekonomi sosial dan politik", "%", "potensi konflik/Realisasi penanganan*100"),
    ("Prosentase masyarakat yang difasiltasi dalam pemberdayaan masyarakat", "%",
     "penduduk yang difasilitasi pemberdayaan masyarakat/target masyarakat yang akan difasilitasi*100"),
    ("inovasi yang diimplementasikan", "Jumlah", "Jumlah Inovasi yang diimplementasikan di Kecamatan"),
    ("Nilai SAKIP Kecamatan Legok", "Angka", "Nilai AKIP"),
]

SEMUA_SEED = SEED_000 + SEED_002 + SEED_004


# ---- urai_formulasi ----------------------------------------------------------------------------

URAI_SEED = [
    (SEED_000[0][2], Rasio("Jumlah permohonan KK/KTP yang dilayani sesuai standar pelayanan",
                           "Jumlah seluruh permohonan KK/KTP", True)),
    (SEED_000[2][2], Rasio("Jumlah permohonan pelayanan surat-surat yang dilayani sesuai standar pelayanan",
                           "Jumlah seluruh permohonan surat-surat", True)),
    (SEED_000[6][2], Rasio("Jumlah Desa/Kelurahan yang melaksanakan Jum’at Bersih",
                           "Jumlah Desa/Kelurahan", True)),
    (SEED_000[7][2], Rasio("Volume sampah yang terangkut setiap hari", "Volume sampah seluruhnya", True)),
    (SEED_000[8][2], Rasio("Jumlah pos kamling yang dimanfaatkan untuk jaga",
                           "Jumlah seluruh pos kamling yang ada", True)),
    (SEED_000[11][2], Rasio("Jumlah masyarakat yang hadir dalam Musrenbangcam",
                            "Jumlah seluruh masyarakat yang diundang pada kegiatan Musrenbangcam", True)),
    (SEED_000[12][2], Rasio("Jumlah program/kegiatan usulan masyarakat (kelurahan/desa) yang direkomendasikan",
                            "Jumlah seluruh program/kegiatan yang diusulkan", True)),
    (SEED_002[2][2], Rasio("Jumlah zonasi yang telah ditingkatkan", "Jumlah zona tertib", True)),
    (SEED_004[0][2], Rasio("realisasi infrastruktur dasar kecamatan", "Target yang direncanakan", True)),
    (SEED_004[2][2], Rasio("Realisasi desa berkembang", "target desa kategori minimal Maju", True)),
    (SEED_004[3][2], Rasio("Realisasi desa dengan laporan pertanggung jawaban baik", "Jumlah Desa", True)),
    (SEED_004[5][2], Rasio("akumulasi hasil angka penurunan",
                           "jumlah pelanggaran dan ketertiban tahun 2018", True)),
    (SEED_004[6][2], Rasio("potensi konflik", "Realisasi penanganan", True)),
    (SEED_004[7][2], Rasio("penduduk yang difasilitasi pemberdayaan masyarakat",
                           "target masyarakat yang akan difasilitasi", True)),
    # not ratios: descriptions, a difference, names with "/" in them
    ("Cukup jelas", None),
    (SEED_000[5][2], None),
    (SEED_000[9][2], None),
    (SEED_000[10][2], None),
    (SEED_002[0][2], None),
    (SEED_002[1][2], None),
    (SEED_004[1][2], None),
    (SEED_004[4][2], None),
    (SEED_004[8][2], None),
    ("Nilai AKIP", None),
    # seed names and headers: a "/" inside a name never divides
    ("Penyuluhan/sosialisasi tentang hukum / Kamtrantibmas yang dilaksanakan dalam 1 tahun", None),
    ("Persentase Desa/Kelurahan yang melaksanakan Jum’at Bersih", None),
    ("Pembinaan PKK desa/kelurahan yang dilaksanakan dalam 1 tahun", None),
    ("Persentase usulan masyarakat (kelurahan/desa) yang direkomendasikan di tingkat kecamatan", None),
    ("Penjelasan / Formulasi Penghitungan", None),
    ("KETERANGAN/KRITERIA", None),
]

URAI_BENTUK = [
    ("A / B x 100%", Rasio("A", "B", True)),
    ("A/B*100", Rasio("A", "B", True)),
    ("( A / B ) x 100 %", Rasio("A", "B", True)),
    ("A : B x 100", Rasio("A", "B", True)),
    ("A/B", Rasio("A", "B", False)),
    ("R/T × 100 %", Rasio("R", "T", True)),
    (r"\frac{A}{B} \times 100\%", Rasio("A", "B", True)),
    (r"$\dfrac{\text{Jumlah desa maju}}{\text{Jumlah desa}} \times 100\%$",
     Rasio("Jumlah desa maju", "Jumlah desa", True)),
    ("Realisasi / Target", Rasio("Realisasi", "Target", False)),
    ("Rumus: Jumlah pengaduan selesai / Jumlah pengaduan x 100%",
     Rasio("Jumlah pengaduan selesai", "Jumlah pengaduan", True)),
    ("Persentase desa maju = (Jumlah desa maju / Jumlah desa) x 100%",
     Rasio("Jumlah desa maju", "Jumlah desa", True)),
    ("Jumlah desa maju dibagi jumlah desa dikali 100%", Rasio("Jumlah desa maju", "jumlah desa", True)),
    # a Word fraction whose line was lost, and one whose denominator row was lost
    ("Jumlah pengaduan selesai x 100 % Jumlah seluruh pengaduan",
     Rasio("Jumlah pengaduan selesai", "Jumlah seluruh pengaduan", True)),
    ("Jumlah pos kamling yang dimanfaatkan untuk jaga ----- x 100 %",
     Rasio("Jumlah pos kamling yang dimanfaatkan untuk jaga", "", True)),
    # the last of two equally sure slashes divides
    ("Jumlah pengaduan/jumlah laporan yang ditindaklanjuti / Jumlah seluruh pengaduan x 100%",
     Rasio("Jumlah pengaduan/jumlah laporan yang ditindaklanjuti", "Jumlah seluruh pengaduan", True)),
    ("Jumlah PPKS yang terlayani bangkit berdaya/jumlah",
     Rasio("Jumlah PPKS yang terlayani bangkit berdaya", "jumlah", False)),
    ("Jumlah kasus per 1000 penduduk / Jumlah penduduk x 1000",
     Rasio("Jumlah kasus per 1000 penduduk", "Jumlah penduduk x 1000", False)),
    ("A - B", None),
    ("", None),
    ("-", None),
    ("Jumlah Inovasi yang diimplementasikan", None),
    ("Kegiatan pembinaan s/d Desember", None),
    ("Laporan dan/atau dokumen", None),
    ("Data tahun 2019/2020", None),
    ("KK/KTP", None),
    ("Jumlah penyuluhan / sosialisasi", None),  # a spaced slash without x 100 or a quantity word
]


@pytest.mark.parametrize("teks, harapan", URAI_SEED + URAI_BENTUK)
def test_urai_formulasi(teks: str, harapan: Rasio | None) -> None:
    assert urai_formulasi(teks) == harapan


# ---- normal_satuan -----------------------------------------------------------------------------

@pytest.mark.parametrize("satuan, harapan", [
    ("%", "%"), ("Persen (%)", "%"), ("persen", "%"), ("Prosentase", "%"), (" % ", "%"),
    ("Kgt", "kegiatan"), ("Kegt", "kegiatan"), ("Kegiatan", "kegiatan"), ("Kgt.", "kegiatan"),
    ("Nilai", "nilai"), ("Indeks", "indeks"), ("M2", "m2"), ("m²", "m2"), ("Jumlah", "jumlah"),
    ("Angka", "angka"), ("Dokumen", "dokumen"), ("Titik", "titik"), ("Orang", "orang"),
    ("Unit", "unit"), ("Lembar", "lembar"), ("  Rupiah  Juta ", "rupiah juta"), ("", ""),
])
def test_normal_satuan(satuan: str, harapan: str) -> None:
    assert normal_satuan(satuan) == harapan


# ---- periksa_formulasi -------------------------------------------------------------------------

#: A pattern that only each rule's message matches, to name the kind of a problem in the tables.
JENIS = {
    "bukan rasio": r"tetapi formulasinya bukan rasio \(",
    "kosong": r"tetapi formulasinya kosong$",
    "tanpa x 100": r"tidak dikali 100",
    "cukup jelas": r"^Formulasi indikator '.*' hanya '",
    "tanpa formulasi": r"^Formulasi indikator '.*' kosong$",
    "tanpa penyebut": r"tidak punya penyebut",
    "penyebut terpotong": r"^Penyebut formulasi indikator '.*' terpotong: ",
    "pembilang terpotong": r"^Pembilang formulasi indikator '.*' terpotong: ",
    "terbalik": r"tampak terbalik",
    "persen bersatuan hitungan": r"bernama persentase/rasio, tetapi satuannya",
    "jumlah bersatuan %": r"mengukur jumlah, tetapi satuannya",
    "selisih": r"hanya selisih tanpa pembagi tahun dasar",
    "tahun berjalan": r"memakai tahun berjalan",
}


def jenis(m: Masalah) -> tuple[str, str]:
    cocok = [k for k, pola in JENIS.items() if re.search(pola, m.pesan)]
    assert len(cocok) == 1, m.pesan
    return m.tingkat, cocok[0]


SEED_HARAPAN = {
    # seed 000
    4: [("info", "cukup jelas")],
    9: [("peringatan", "selisih")],
    13: [("info", "cukup jelas")],
    14: [("info", "cukup jelas")],
    15: [("info", "cukup jelas")],
    # seed 004 (after the 16 of seed 000 and the 3 of seed 002)
    20: [("peringatan", "bukan rasio")],
    25: [("peringatan", "jumlah bersatuan %"), ("peringatan", "terbalik")],
}


@pytest.mark.parametrize("i", range(len(SEMUA_SEED)), ids=lambda i: SEMUA_SEED[i][0][:40])
def test_periksa_formulasi_seed(i: int) -> None:
    assert [jenis(m) for m in periksa_formulasi(*SEMUA_SEED[i])] == SEED_HARAPAN.get(i, [])


#: The seeds' % indicators whose formulasi is a proper ratio x 100.
RASIO_PERSEN_SEED = ([SEED_000[i] for i in (0, 1, 2, 3, 6, 7, 8, 11, 12)] + [SEED_002[2]]
                     + [SEED_004[i] for i in (0, 2, 3, 5, 7)])


def test_tidak_ada_positif_palsu_di_seed() -> None:
    """Every seed % indicator whose formulasi is a proper ratio x 100 passes clean."""
    for nama, satuan, formulasi in RASIO_PERSEN_SEED:
        assert normal_satuan(satuan) == "%"
        assert periksa_formulasi(nama, satuan, formulasi) == [], nama


ATURAN = [
    # % without a ratio, or without x 100
    ("Persentase pengaduan yang ditindaklanjuti", "%", "Cukup jelas", [("peringatan", "bukan rasio")]),
    ("Persentase ketertiban", "%", "A - B", [("peringatan", "bukan rasio")]),
    ("Persentase desa maju", "%", "", [("peringatan", "kosong")]),
    ("Persentase desa maju", "Persen (%)", "Jumlah desa maju / Jumlah desa", [("peringatan", "tanpa x 100")]),
    ("Persentase desa maju", "%", "Jumlah desa maju / Jumlah desa x 100 %", []),
    # "Cukup jelas" or nothing on a non-% indicator
    ("Kegiatan PKK", "Kgt", "", [("info", "tanpa formulasi")]),
    ("Kegiatan PKK", "Kgt", "Cukup jelas.", [("info", "cukup jelas")]),
    # a missing or cut-off denominator (or numerator)
    ("Persentase PPKS yang terlayani", "%", "Jumlah PPKS yang terlayani bangkit berdaya/jumlah x 100 %",
     [("peringatan", "penyebut terpotong")]),
    ("Persentase PPKS yang terlayani", "%", "Jumlah PPKS yang terlayani bangkit berdaya/jumlah",
     [("peringatan", "tanpa x 100"), ("peringatan", "penyebut terpotong")]),
    ("Persentase penduduk terlayani", "%", "Jumlah penduduk yang dilayani / Jumlah penduduk yang x 100 %",
     [("peringatan", "penyebut terpotong")]),
    ("Persentase penduduk terlayani", "%", "Jumlah penduduk yang dilayani / Jumlah seluruh x 100 %",
     [("peringatan", "penyebut terpotong")]),
    ("Persentase pos kamling aktif", "%", "Jumlah pos kamling yang dimanfaatkan untuk jaga ----- x 100 %",
     [("peringatan", "tanpa penyebut")]),
    ("Persentase penduduk terlayani", "%", "Jumlah / Jumlah seluruh penduduk x 100 %",
     [("peringatan", "pembilang terpotong")]),
    # inverted ratios
    ("Persentase pengaduan yang ditindaklanjuti", "%",
     "Jumlah seluruh pengaduan / Jumlah pengaduan yang ditindaklanjuti x 100 %", [("peringatan", "terbalik")]),
    ("Persentase capaian", "%", "Target / Realisasi x 100 %", [("peringatan", "terbalik")]),
    ("Persentase capaian", "%", "Realisasi / Target x 100 %", []),
    # both sides mention the whole: not called inverted (conservative)
    ("Persentase konflik tertangani", "%", "Jumlah seluruh konflik / Realisasi seluruh penanganan x 100 %", []),
    # unit against name
    ("Persentase kegiatan yang terlaksana", "Kgt",
     "Jumlah kegiatan yang terlaksana / Jumlah kegiatan yang direncanakan x 100 %",
     [("peringatan", "persen bersatuan hitungan")]),
    ("Rasio guru terhadap murid", "Orang", "Jumlah guru / Jumlah murid", [("peringatan", "persen bersatuan hitungan")]),
    ("Tingkat kehadiran rapat (%)", "Kegiatan", "Jumlah rapat", [("peringatan", "persen bersatuan hitungan")]),
    ("Presentase dokumen", "Dokumen", "Cukup jelas",
     [("peringatan", "persen bersatuan hitungan"), ("info", "cukup jelas")]),
    ("Banyaknya konflik sosial", "Persen", "Jumlah konflik", [("peringatan", "jumlah bersatuan %")]),
    ("Jumlah konflik sosial", "Jumlah", "Jumlah konflik", []),
    ("Persentase kepuasan", "Nilai", "Nilai IKM", []),  # Nilai may hold a percentage: not flagged
    # "Persentase penurunan/peningkatan": difference only, or the current year as denominator
    ("Persentase peningkatan PAD", "%", "PAD tahun n - PAD tahun n-1", [("peringatan", "selisih")]),
    ("Persentase penurunan angka kriminalitas", "%", "Selisih kasus tahun n-1 dan tahun n",
     [("peringatan", "selisih")]),
    ("Persentase penurunan angka kriminalitas", "%",
     "(Jumlah kasus tahun n-1 - Jumlah kasus tahun n) / Jumlah kasus tahun n x 100 %",
     [("peringatan", "tahun berjalan")]),
    ("Persentase penurunan angka kriminalitas", "%", "Selisih kasus / jumlah kasus tahun berjalan x 100 %",
     [("peringatan", "tahun berjalan")]),
    ("Persentase penurunan angka kriminalitas", "%",
     "(Jumlah kasus tahun n-1 - Jumlah kasus tahun n) / Jumlah kasus tahun (n-1) x 100 %", []),
    ("Persentase peningkatan PAD", "%", "(PAD tahun n - PAD tahun sebelumnya) / PAD tahun sebelumnya x 100%", []),
    ("Penurunan jumlah kasus", "Kasus", "Kasus tahun n-1 - kasus tahun n", []),  # a count: a difference is fine
]


@pytest.mark.parametrize("nama, satuan, formulasi, harapan", ATURAN)
def test_periksa_formulasi_aturan(nama: str, satuan: str, formulasi: str,
                                  harapan: list[tuple[str, str]]) -> None:
    assert [jenis(m) for m in periksa_formulasi(nama, satuan, formulasi)] == harapan


def test_pesan_bukan_rasio() -> None:
    (m,) = periksa_formulasi(SEED_000[3][0], "%", "Cukup jelas")
    assert m == Masalah(
        "peringatan",
        "Indikator 'Persentase pengaduan masyarakat tentang layanan publik…' bersatuan %, "
        "tetapi formulasinya bukan rasio ('Cukup jelas')",
        "Tulis formulasi sebagai pembilang / penyebut x 100 %, mis. "
        "'Jumlah pengaduan yang ditindaklanjuti / Jumlah seluruh pengaduan x 100 %'.")
    assert str(m).startswith("Indikator 'Persentase pengaduan")


def test_pesan_selisih_seed_000() -> None:
    (m,) = periksa_formulasi(*SEED_000[9])
    assert m.pesan == ("Indikator 'Persentase penurunan tindak kriminal di masyarakat pada…' mengukur "
                       "persentase perubahan, tetapi formulasinya hanya selisih tanpa pembagi tahun dasar "
                       "('Jumlah tindak kriminal tahun (n1) – Jumlah tindak kriminal tahun (n-1)')")
    assert m.saran == ("Bagi selisihnya dengan nilai tahun dasar lalu kali 100 %, mis. "
                       "'(Jumlah tahun n-1 – Jumlah tahun n) / Jumlah tahun n-1 x 100 %'.")


def test_pesan_seed_004_konflik() -> None:
    satuan, terbalik = periksa_formulasi(*SEED_004[6])
    assert satuan.pesan == "Indikator 'Jumlah konflik Ekonomi sosial dan politik' mengukur jumlah, tetapi satuannya '%'"
    assert terbalik.pesan == ("Rasio formulasi indikator 'Jumlah konflik Ekonomi sosial dan politik' tampak "
                              "terbalik: pembilang 'potensi konflik' menyebut keseluruhan ('potensi'), penyebut "
                              "'Realisasi penanganan' menyebut bagian yang tercapai ('realisasi')")
    assert terbalik.saran == ("Tukar pembilang dan penyebut: 'Realisasi penanganan / potensi konflik x 100 %', "
                              "agar yang tercapai dibagi keseluruhannya.")


def test_pesan_penyebut_terpotong_dan_info() -> None:
    (m,) = periksa_formulasi("Persentase PPKS yang terlayani", "%",
                             "Jumlah PPKS yang terlayani bangkit berdaya/jumlah x 100 %")
    assert m.pesan == ("Penyebut formulasi indikator 'Persentase PPKS yang terlayani' terpotong: 'jumlah' "
                       "tidak menyebut apa yang dihitung")
    assert m.saran == ("Lengkapi penyebutnya dengan keseluruhannya, mis. 'Jumlah seluruh pengaduan'; periksa "
                       "juga apakah teksnya terpotong saat disalin.")
    (info,) = periksa_formulasi(*SEED_000[4])
    assert (info.tingkat, info.pesan) == ("info", "Formulasi indikator 'Luas RTH yang tertata dengan baik' "
                                                  "hanya 'Cukup jelas'")


def test_masalah_belum_ditempatkan() -> None:
    """lembar, sel and kode are left to the caller."""
    for nama, satuan, formulasi in SEMUA_SEED:
        for m in periksa_formulasi(nama, satuan, formulasi):
            assert (m.lembar, m.sel, m.kode) == (None, None, None)


# ---- periksa_skala_saudara ---------------------------------------------------------------------

#: (values, unit, the labels the problems name); one problem per named label except where noted.
SKALA = [
    ([("target 2024", 90.0), ("target 2025", 0.92), ("realisasi 2024", 91.0)], "%", ["target 2025"]),
    ([("target 2024", 92.0), ("target 2025", 0.9)], "%", ["target 2025"]),
    ([("target 2024", 0.0), ("realisasi 2024", 90.0), ("target 2025", 0.9)], "%", ["target 2025"]),
    ([("a", 1.2), ("b", 40.0), ("c", 45.0)], "Persen (%)", ["a"]),  # ratio < 50, but a % cell
    ([("a", 1.2), ("b", 40.0), ("c", 45.0)], "Indeks", []),  # the same values are fine for an index
    ([("a", 0.9), ("b", 0.92)], "%", []),  # all fractions: consistent
    ([("a", 0.9), ("b", 0.92), ("c", 0.95), ("r", 91.0)], "%", ["r"]),  # then 91 is the odd one
    ([("a", 0.0), ("b", 90.0)], "%", []),  # one non-zero value: nothing to compare
    ([("a", 5.0), ("b", 6.0), ("c", 600.0)], "Kgt", ["c"]),
    ([("a", 500.0), ("b", 600.0), ("c", 5.0)], "Kgt", ["c"]),
    ([("a", 10.0), ("b", 10.0), ("c", 500.0)], "Kgt", ["c"]),  # exactly 50 times
    ([("a", 10.0), ("b", 10.0), ("c", 499.0)], "Kgt", []),
    ([("a", 5.0), ("b", 500.0)], "Kgt", ["a", "b"]),  # no majority: one problem naming both
    ([("a", math.nan), ("b", 40.0), ("c", math.inf)], "Indeks", []),
]


@pytest.mark.parametrize("nilai, satuan, dicurigai", SKALA)
def test_periksa_skala_saudara(nilai: list[tuple[str, float]], satuan: str, dicurigai: list[str]) -> None:
    masalah = periksa_skala_saudara(nilai, satuan)
    assert len(masalah) == (1 if dicurigai == ["a", "b"] else len(dicurigai))
    disebut = [label for label, _ in nilai if any(f"'{label}'" in m.pesan for m in masalah)]
    assert disebut == dicurigai
    assert all(m.tingkat == "peringatan" for m in masalah)


def test_pesan_skala() -> None:
    (m,) = periksa_skala_saudara([("target 2024", 90.0), ("target 2025", 0.92), ("realisasi 2024", 91.0)], "%")
    assert m.pesan == ("Nilai 'target 2025' (0,92) jauh lebih kecil dari nilai lain indikator ini "
                       "(sekitar 90,5): mungkin sel berformat persen")
    assert m.saran == ("Maksudnya 92? Ketik 92 (angka persen, bukan pecahan 0,92); jika sel berformat "
                       "persen, ubah formatnya menjadi Angka lalu ketik ulang.")
    (m,) = periksa_skala_saudara([("a", 500.0), ("b", 600.0), ("c", 5.0)], "Kgt")
    assert m.pesan == "Nilai 'c' (5) 110 kali lebih kecil dari nilai lain indikator ini (sekitar 547,72)"
    (m,) = periksa_skala_saudara([("target 2024", 5.0), ("realisasi 2024", 500.0)], "Kgt")
    assert m.pesan == ("Nilai-nilai indikator ini berbeda skala satu sama lain "
                       "('target 2024' (5), 'realisasi 2024' (500))")


# ---- properties --------------------------------------------------------------------------------

TEKS = st.text(st.characters(codec="utf-8"), max_size=200) | st.text("/:()x*%-–= 10AB\\{}fracd", max_size=60)


@given(TEKS)
def test_urai_tidak_pernah_gagal(teks: str) -> None:
    r = urai_formulasi(teks)
    if r is not None:
        assert r.pembilang or r.penyebut
        assert r.pembilang == r.pembilang.strip() and r.penyebut == r.penyebut.strip()
        assert isinstance(r.kali_100, bool)


@given(TEKS, TEKS, TEKS)
def test_periksa_tidak_pernah_gagal(nama: str, satuan: str, formulasi: str) -> None:
    for m in periksa_formulasi(nama, satuan, formulasi):
        assert m.tingkat in ("peringatan", "info") and m.pesan and m.saran


@given(TEKS)
def test_normal_satuan_idempoten(satuan: str) -> None:
    assert normal_satuan(normal_satuan(satuan)) == normal_satuan(satuan)


KATA = st.lists(st.sampled_from(["permohonan", "KK/KTP", "Desa/Kelurahan", "penyuluhan/sosialisasi",
                                 "(kelurahan/desa)", "program/kegiatan", "yang", "dilayani", "pos",
                                 "surat-surat", "Jum’at", "standar", "RTH"]), min_size=1, max_size=6)


@given(KATA, KATA, st.sampled_from(["{a} / {b} x 100 %", "{a} ----- x 100 % {b}", "{a}/{b}*100",
                                    "( {a} / {b} ) x 100 %", "{a} /{b} X 100%"]))
def test_urai_menemukan_pembagi_di_antara_nama_bergaris_miring(a: list[str], b: list[str], bentuk: str) -> None:
    pembilang, penyebut = "Jumlah " + " ".join(a), "Jumlah seluruh " + " ".join(b)
    assert urai_formulasi(bentuk.format(a=pembilang, b=penyebut)) == Rasio(pembilang, penyebut, True)


NILAI = st.floats(allow_nan=True, allow_infinity=True)


@given(st.lists(st.tuples(st.text(max_size=10), NILAI), max_size=8), TEKS)
def test_skala_tidak_pernah_gagal(nilai: list[tuple[str, float]], satuan: str) -> None:
    for m in periksa_skala_saudara(nilai, satuan):
        assert m.tingkat == "peringatan" and m.pesan and m.saran


@given(st.floats(0.001, 1e9), st.lists(st.floats(1.0, 10.0), min_size=2, max_size=8))
def test_skala_sejajar_tidak_dicurigai(dasar: float, faktor: list[float]) -> None:
    """Values within a factor of 10 of each other are on one scale, whatever the unit."""
    for satuan in ("%", "Kgt"):
        nilai = [(f"t{i}", dasar * f) for i, f in enumerate(faktor)]
        assert periksa_skala_saudara(nilai, satuan) == [] or (satuan == "%" and dasar * min(faktor) <= 1.5)


@given(st.lists(st.floats(20.0, 100.0), min_size=2, max_size=8), st.floats(20.0, 100.0))
def test_skala_sel_persen_ditemukan(saudara: list[float], x: float) -> None:
    nilai = [(f"target {2020 + i}", v) for i, v in enumerate(saudara)] + [("realisasi", x / 100)]
    (m,) = periksa_skala_saudara(nilai, "%")
    assert "'realisasi'" in m.pesan and "mungkin sel berformat persen" in m.pesan
