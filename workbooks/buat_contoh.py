"""Regenerate the workbooks in this folder: the empty templates (.xlsx, and the macro-enabled
.xlsm built from ../macros) and two filled examples.

    python workbooks/buat_contoh.py

The examples are built from real IKU documents (../shared/seeds in the
development workspace): Kecamatan Legok 2020 (SK Camat, IKU table, targets,
programs and budget) and Kecamatan Bantargebah 2024-2026. Sasaran, indikator,
satuan, formulasi, targets found in the documents and the signatures are the
documents'. ALL REALISASI, and the targets the documents do not give, are
invented example data, and the workbooks say so on their Petunjuk sheet.
tests/test_contoh.py checks that the committed files equal what this makes.
"""

from __future__ import annotations


import datetime as dt
import random
import sys
from pathlib import Path

from iku_xl.core.model import BukuIKU, Indikator, Profil, ProgramIKU, RealisasiIKU, Rentang, Responden, TargetIKU
from iku_xl.core.model import NilaiHuruf as H
from iku_xl.workbook.templat import buat_templat

FOLDER = Path(__file__).resolve().parent

CATATAN_CONTOH = ("CONTOH: sasaran, indikator, formulasi dan tanda tangan diambil dari dokumen IKU {sumber}. "
                  "Seluruh REALISASI, dan target yang tidak tercantum di dokumen ({tanpa_target}), adalah DATA "
                  "CONTOH REKAAN untuk latihan, bukan data resmi; begitu pula jawaban di lembar Survei IKM.")

_S1 = "Meningkatnya kualitas infrastruktur dasar masyarakat dan lingkungan hidup"
_S2 = "Meningkatnya Pelayanan Masyarakat serta Meningkatkan Desa/Kelurahan dengan status Minimal Maju"
_S3 = "Meningkatnya ketentraman dan ketertiban umum"
_LEGOK_INDIKATOR = (
    Indikator("1.1", _S1, "Prosentase Jumlah infrastruktur dasar dalam kondisi baik", "%", "positif",
              "nilai terakhir", None,
              "Kualitas Infrastruktur dasar masyarakat yang baik dan lingkungan hidup yang terjaga menjadi "
              "penunjang Visi dan Misi yang ditetapkan oleh Bupati",
              "realisasi infrastruktur dasar kecamatan /Target yang direncanakan*100", "Kecamatan Legok",
              "Kecamatan Legok"),
    Indikator("1.2", _S1, "prosentase penurunan timbulan sampah", "%", "positif", "nilai terakhir", None,
              "Masih banyaknya timbulan sampah diwilayah Kecamatan Legok", "Penurunan Timbulan sampah",
              "Kecamatan Legok", "Kecamatan Legok"),
    Indikator("2.1", _S2, "Prosentase desa dengan kategori minimal Maju", "%", "positif", "nilai terakhir", None,
              "Peningkatan Status Desa", "Realisasi desa berkembang/target desa kategori minimal Maju*100",
              "Kecamatan Legok", "Kecamatan Legok"),
    Indikator("2.2", _S2, "Persentase desa dengan laporan pertanggungjawaban baik", "%", "positif",
              "nilai terakhir", None, "Peningkatan Akuntabilitas Laporan Pertanggungjawaban Kepala Desa",
              "Realisasi desa dengan laporan pertanggung jawaban baik/Jumlah Desa*100", "Kecamatan Legok",
              "Kecamatan Legok"),
    Indikator("2.3", _S2, "Indeks Kepuasan Masyarakat", "Indeks", "positif", "nilai terakhir", None,
              "Indeks kepuasan masyarakat dapat menjadi bahan penilaian terhadap unsur pelayanan yang masih "
              "perlu perbaikan", "nilai Indeks Kepuasan Masyarakat Kecamatan Legok", "Kecamatan Legok",
              "Kecamatan Legok"),
    Indikator("3.1", _S3, "Prosentase penurunan pelanggaran ketentraman dan ketertiban umum", "%", "positif",
              "nilai terakhir", None, "Masih terjadinya Pelanggaran Ketentraman dan ketertiban",
              "akumulasi hasil angka penurunan / jumlah pelanggaran dan ketertiban tahun 2018 *100",
              "Kecamatan Legok", "Kecamatan Legok"),
    Indikator("3.2", _S3, "Jumlah konflik Ekonomi sosial dan politik", "%", "negatif", "jumlah", None,
              "Kekhawatiran akan terjadinya masalah konflik ekonomi social dan politik yang bias kapan saja terjadi",
              "potensi konflik/Realisasi penanganan*100", "Kecamatan Legok", "Kecamatan Legok"),
    Indikator("4.1", "Meningkatnya upaya pemberdayaan masyarakat",
              "Prosentase masyarakat yang difasiltasi dalam pemberdayaan masyarakat", "%", "positif",
              "nilai terakhir", None, "Peningkatan sumberdaya manusia masyarakat Kecamatan Legok",
              "penduduk yang difasilitasi pemberdayaan masyarakat/target masyarakat yang akan difasilitasi*100",
              "Kecamatan Legok", "Kecamatan Legok"),
    Indikator("5.1", "Meningkatnya inovasi kecamatan", "inovasi yang diimplementasikan", "Jumlah", "positif",
              "jumlah", None, "Pengembangan pemikiran kreatif oleh satuan kerja dan Pemerintah Daerah dalam "
              "menciptakan inovasi pelayanan publik", "Jumlah Inovasi yang diimplementasikan di Kecamatan",
              "Kecamatan Legok", "Kecamatan Legok"),
    Indikator("6.1", "Meningkatnya akuntabilitas Perangkat Daerah", "Nilai SAKIP Kecamatan Legok", "Angka",
              "positif", "nilai terakhir", None, "Pentingnya peningkatan Nilai AKIP Kecamatan", "Nilai AKIP",
              "Kecamatan Legok", "Kecamatan Legok"),
)


def legok() -> BukuIKU:
    """Kecamatan Legok, Kabupaten Tangerang, 2020 (seed 004)."""
    profil = Profil("KECAMATAN LEGOK", "KABUPATEN TANGERANG", 2020, "Plt. CAMAT LEGOK",
                    "Drs. TISNA HAMBALI R, SH, M.Si", "Pembina Tk. I / IV.b", "19620620 198703 1 006", "Legok",
                    None, "permendagri86", "2T-R", None, None,
                    jabatan_atasan="BUPATI TANGERANG")  # Nama Atasan left empty: not in the document
    target = (
        TargetIKU("1.1", 2020, 60.0),  # from the document
        TargetIKU("1.2", 2020, 10.0),
        TargetIKU("2.1", 2020, 50.0),
        TargetIKU("2.2", 2020, 100.0),
        TargetIKU("2.3", 2020, 90.0),  # from the document
        TargetIKU("3.1", 2020, Rentang(10.0, 15.0)),
        TargetIKU("3.2", 2020, 4.0),
        TargetIKU("4.1", 2020, 75.0),
        TargetIKU("5.1", 2020, 1.0),  # from the document
        TargetIKU("6.1", 2020, H("B", "akip")),
    )
    realisasi = (
        RealisasiIKU("1.1", 2020, (None, None, None, None), None, 39.0, 65.0),
        RealisasiIKU("1.2", 2020, (2.5, 5.0, 7.5, 9.0)),
        RealisasiIKU("2.1", 2020, tahunan=45.45),
        RealisasiIKU("2.2", 2020, (None, None, None, None), None, 11.0, 11.0),
        RealisasiIKU("2.3", 2020, tahunan=86.72),
        RealisasiIKU("3.1", 2020, tahunan=17.0),
        RealisasiIKU("3.2", 2020, (1.0, 0.0, 2.0, 0.0)),
        RealisasiIKU("4.1", 2020, tahunan=68.0),
        RealisasiIKU("5.1", 2020, (0.0, 1.0, 0.0, 1.0)),
        RealisasiIKU("6.1", 2020, tahunan=63.5),
    )
    p1 = "Program Penataan Lingkungan Permukiman Perdesaan dan Perkotaan"
    p2 = "Program Peningkatan dan Pemeliharaan Sarana Prasarana Di Kecamatan"
    p3 = "Program Administrasi Pelayanan Umum di Kecamatan"
    program = (  # programs, kegiatan, targets and budgets from the document; realisasi anggaran invented
        ProgramIKU("1.1", 2020, p1, "Penataan Lingkungan Perumahan dan Permukiman Perdesaan/Perkotaan",
                   "65 Titik", 10_775_000_000, 10_412_350_000),
        ProgramIKU("1.1", 2020, p2, "Pembangunan/Peningkatan Jalan Kecamatan", "7 Titik", 795_472_000, 781_200_000),
        ProgramIKU("1.1", 2020, p2, "Pembangunan Saluran Drainase/Gorong-Gorong", "4 Titik", 390_276_100,
                   371_000_000),
        ProgramIKU("1.1", 2020, p2, "Pembangunan Turap/ Talud/Bronjong", "2 Titik", 240_000_000, 236_500_000),
        ProgramIKU("1.1", 2020, p2, "Perencanaan dan Pengawasan Konstruksi", "1 Dokumen", 65_000_000, 64_200_000),
        ProgramIKU("1.1", 2020, p2, "Pembangunan Sarana Gedung Wilayah Kecamatan", "1 Unit", 200_000_000,
                   0),
        ProgramIKU("1.1", 2020, p2, "Biaya Operasional Peningkatan Pelayanan Kebersihan", "9 Orang", 216_300_000,
                   216_300_000),
        ProgramIKU("2.3", 2020, p3, "Fasilitasi dan Koordinasi Penyelenggaraan Pelayanan Administrasi Terpadu "
                   "Kecamatan (PATEN) Tingkat Kecamatan", "5 Orang", 114_430_000, 110_000_000),
        ProgramIKU("2.3", 2020, p3, "Pelayanan Umum Kelurahan Babakan", "100 %", 415_575_000, 398_100_000),
        ProgramIKU("2.3", 2020, p3, "Penunjang Operasional Kelurahan Babakan", "12 Orang", 352_000_000,
                   352_000_000),
        ProgramIKU("2.3", 2020, p3, "Pendistribusian SPPT PBB-P2", "2.345 Lembar", 150_450_000, 149_800_000),
        ProgramIKU("5.1", 2020, "Program Pengembangan Inovasi Perangkat Daerah",
                   "Pengembangan Inovasi di Kecamatan", "1", 200_000_000, 187_500_000),
    )
    return BukuIKU(profil, _LEGOK_INDIKATOR, target, realisasi, None, program)


def bantargebah() -> BukuIKU:
    """Kecamatan Bantargebah, IKU 2024 with targets 2024-2026 (seed 002)."""
    profil = Profil("KECAMATAN BANTARGEBAH", "KOTA BEKASI", 2025, "CAMAT BANTARGEBAH",
                    "H. CECEP MIFTAH FARID, S.STP, M.M.", "", "19760913 199701 1 001", "Bantargebah",
                    None, "permendagri86", "2T-R", 2024, 2026,
                    jabatan_atasan="WALI KOTA BEKASI",  # Nama Atasan left empty: not in the document
                    populasi_ikm=20)  # invented, like the survey: 22 respondents in Semester I, 18 in II
    indikator = (
        Indikator("1.1", "Meningkatnya Akuntabilitas dan Profesionalisme Pengelolaan dan Layanan Kecamatan "
                  "Bantargebah", "Indeks Kepuasan Masyarakat Terhadap Layanan Publik", "Nilai", "positif",
                  "rata-rata", None,
                  "Berdasarkan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik; untuk mengetahui "
                  "kinerja unit pelayanan perlu diukur melalui IKM.",
                  "IKM dihitung berdasarkan hasil Survey Kepuasan Masyarakat melalui kuesioner yang diisi oleh "
                  "penerima layanan sebagai responden.", "Hasil Survey Kepuasan Masyarakat",
                  "Seksi Ekonomi dan Pembangunan; Seksi Pemerintahan; Seksi Ketentraman dan Ketertiban; "
                  "Seluruh Kasi Kelurahan"),
        Indikator("2.1", "Meningkatnya Kualitas Manajemen dan Kinerja Kecamatan Bantargebah",
                  "Nilai AKIP Kecamatan Bantargebah", "Nilai", "positif", "nilai terakhir", None,
                  "Berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
                  "Instansi Pemerintah.",
                  "Nilai AKIP = nilai komponen perencanaan kinerja + nilai komponen pengukuran kinerja + nilai "
                  "komponen evaluasi internal + nilai komponen capaian kinerja", "Hasil Perhitungan dan Laporan",
                  "Bagian Tata Usaha; Seksi Ekonomi dan Pembangunan; Seksi Pemerintahan; Seksi Kesejahteraan "
                  "Sosial; Seksi Pemberdayaan Masyarakat; Seluruh Kasi Kelurahan"),
        Indikator("3.1", "Terwujudnya ketertiban dan ketentraman masyarakat yang didukung oleh kohesi sosial "
                  "yang kuat", "Persentase Peningkatan Wilayah yang Tertib", "%", "positif", "nilai terakhir",
                  None, "Berdasarkan ketentuan umum ketertiban, kebersihan dan keindahan.",
                  "( Jumlah zonasi yang telah ditingkatkan / Jumlah zona tertib ) x 100 %",
                  "Hasil Perhitungan dan Pelaporan", "Seksi Ketentraman dan Ketertiban"),
    )
    target = tuple(TargetIKU(k, th, v) for k, nilai in (("1.1", (83.0, 83.5, 84.0)),
                                                      ("2.1", (74.15, 74.25, 74.5)),
                                                      ("3.1", (40.0, 50.0, 60.0)))
                   for th, v in zip((2024, 2025, 2026), nilai))
    realisasi = (
        RealisasiIKU("1.1", 2024, (82.1, 83.4, 84.0, 84.6)),
        RealisasiIKU("2.1", 2024, tahunan=73.62),
        RealisasiIKU("3.1", 2024, (None, None, None, None), None, 9.0, 20.0),
        RealisasiIKU("1.1", 2025, (83.9, 84.2, 85.1, None)),
        RealisasiIKU("2.1", 2025, tahunan=74.31),
        RealisasiIKU("3.1", 2025, (None, None, None, None), None, 11.0, 20.0),
    )
    return BukuIKU(profil, indikator, target, realisasi, survei=survei_bantargebah())


_LAYANAN = ("KTP Elektronik", "Kartu Keluarga", "Surat Keterangan Domisili", "Izin Usaha Mikro")
_SARAN = ("Antrean pagi terlalu panjang, mohon ditambah loket.", "Petugas ramah dan cepat.",
          "Ruang tunggu perlu kipas angin.", "Informasi persyaratan ditempel di depan kantor.",
          "Layanan pengaduan belum jelas nomornya.")


def survei_bantargebah() -> tuple[Responden, ...]:
    """INVENTED survey answers for Bantargebah 2025 (Semester I: 22 respondents, Semester II: 18),
    drawn from a fixed seed so the file is the same every time. Some respondents leave an unsur
    or a profile field empty, as real questionnaires do. Unsur 8 (pengaduan) and 9 (sarana) score
    lowest, unsur 3 (waktu) improves in Semester II."""
    acak = random.Random(13)
    hasil = []
    for periode, n, awal, rata in (("2025 Semester I", 22, dt.date(2025, 5, 5), (3.2, 3.1, 2.8, 3.6, 3.2, 3.1, 3.3, 2.7, 2.6)),
                                   ("2025 Semester II", 18, dt.date(2025, 10, 6), (3.3, 3.1, 3.2, 3.6, 3.2, 3.2, 3.4, 2.8, 2.7))):
        for i in range(n):
            nilai = []
            for u, m in enumerate(rata):
                if acak.random() < 0.04:
                    nilai.append(None)  # left empty: counted out of this unsur only
                    continue
                nilai.append(max(1, min(4, round(acak.gauss(m, 0.6)))))
            hasil.append(Responden(
                periode, tuple(nilai), acak.choice(_LAYANAN), awal + dt.timedelta(days=i // 3),
                "" if acak.random() < 0.05 else acak.choice(("Laki-laki", "Perempuan")),
                float(acak.randint(18, 68)), acak.choice(("SD ke bawah", "SMP", "SMA", "SMA", "D1-D3-D4", "S1")),
                acak.choice(("Swasta", "Wirausaha", "Lainnya", "PNS", "Pelajar/Mahasiswa")),
                acak.choice(_SARAN) if acak.random() < 0.3 else ""))
    return tuple(hasil)


CONTOH = {
    "contoh_legok_2020.xlsx": (legok, "Keputusan Plt. Camat Legok Nomor 900/-Kec.Lgk/2020",
                               "indikator 1.2, 2.1, 2.2, 3.1, 3.2, 4.1 dan 6.1"),
    "contoh_bantargebah_2024-2026.xlsx": (bantargebah, "Kecamatan Bantargebah Tahun 2024",
                                          "tidak ada"),
}


def buat_semua(folder: Path = FOLDER) -> list[Path]:
    """Write the templates (.xlsx, and .xlsm with buttons and macros) and the examples into
    ``folder``; return the paths."""
    from iku_xl.xl.templat_xlsm import buat_templat_xlsm

    hasil = []
    p = folder / "templat_iku.xlsx"
    buat_templat().save(p)
    hasil.append(p)
    p = folder / "templat_iku.xlsm"
    buat_templat_xlsm(FOLDER.parent / "macros", uji=legok()).save(p)
    hasil.append(p)
    for nama, (fungsi, sumber, tanpa_target) in CONTOH.items():
        p = folder / nama
        buat_templat(fungsi(), catatan=CATATAN_CONTOH.format(sumber=sumber, tanpa_target=tanpa_target)).save(p)
        hasil.append(p)
    return hasil


if __name__ == "__main__":
    for p in buat_semua(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER):
        print(f"dibuat: {p}")

