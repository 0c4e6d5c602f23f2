"""Importing an IKU table from a document (iku_xl.core.impor), on the three real seeds.

Every expected value below was read off tests/fixtures/seeds/seed_*.txt by hand (with
``cat -A`` for the tabs), not taken from the importer's output.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iku_xl
from iku_xl.core.errors import Masalah
from iku_xl.core.impor import BarisSumber, Dugaan, impor_baris
from iku_xl.sumber.teks import baris_dari_teks
from iku_xl.core.model import NilaiHuruf, Rentang

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
CORE = Path(iku_xl.__file__).parent / "core"


def _impor(nomor: str):
    return impor_baris(baris_dari_teks((SEEDS / f"seed_{nomor}.txt").read_text(encoding="utf-8")))


def _ringkas(hasil):
    return [(i.kode, i.sasaran, i.nama, i.satuan) for i in hasil.buku.indikator]


def _target(hasil):
    return [(t.kode, t.tahun, t.nilai) for t in hasil.buku.target]


def _tt(nomor: int, pesan: str, saran: str, kode: str | None = None) -> Masalah:
    return Masalah("peringatan", pesan, saran, None, f"baris {nomor}", kode)


CATATAN_KODE = ("Kode indikator dibuat dari nomor urut sasaran dan urutan indikator di dalam sasaran "
                "(mis. 1.2 = sasaran ke-1, indikator ke-2), bukan dari nomor di dokumen.")
CATATAN_POLARITAS = "Polaritas yang tidak diduga dari nama indikator diisi 'positif'; periksa kolom Polaritas."
SARAN_BARIS = ("Periksa baris ini di dokumen sumber; bila berisi indikator atau target, isi lembar "
               "Indikator atau Target secara manual.")

# ---- seed 000: repeated headers of different layout, continuation row, a shifted row ------------

S0 = ("Meningkatnya kualitas pelayanan publik",
      "Meningkatnya kebersihan, kenyamanan dan keindahan lingkungan",
      "Meningkatnya pemeliharaan keamanan, ketentraman dan ketertiban masyarakat serta pencegahan "
      "tindak kriminal",
      "Meningkatnya kualitas dan kuantitas perencanaan pembangunan",
      "Meningkatnya pemberdayaan masyarakat dan kelompok masyarakat desa/kelurahan")
SEED_000 = [
    ("1.1", S0[0], "Persentase jumlah permohonan KK/KTP yang dilayani sesuai standar pelayanan", "%"),
    ("1.2", S0[0], "Persentase jumlah permohonan perizinan yang dilayani sesuai standar pelayanan", "%"),
    ("1.3", S0[0], "Persentase jumlah permohonan pelayanan surat-surat yang dilayani sesuai standar "
                   "pelayanan", "%"),
    ("1.4", S0[0], "Persentase pengaduan masyarakat tentang layanan publik yang ditindaklanjuti", "%"),
    ("2.1", S0[1], "Luas RTH yang tertata dengan baik", "M2"),
    ("2.2", S0[1], "Gerakan kebersihan “Jum’at Bersih” yang dilaksanakan dalam 1 tahun", "Kegt"),
    ("2.3", S0[1], "Persentase Desa/Kelurahan yang melaksanakan Jum’at Bersih", "%"),
    ("2.4", S0[1], "Persentase volume sampah yang terangkut", "%"),
    ("3.1", S0[2], "Persentase jumlah Pos Kamling aktif", "%"),
    ("3.2", S0[2], "Persentase penurunan tindak kriminal di masyarakat pada tahun x", "%"),
    ("3.3", S0[2], "Penyuluhan/sosialisasi tentang hukum / Kamtrantibmas yang dilaksanakan dalam 1 tahun",
     "Kgt"),
    ("4.1", S0[3], "Tingkat partisipasi masyarakat dalam penyusunan perencanaan pembangunan kecamatan", "%"),
    ("4.2", S0[3], "Persentase usulan masyarakat (kelurahan/desa) yang direkomendasikan di tingkat kecamatan",
     "%"),
    ("5.1", S0[4], "Pembinaan eks penyandang penyakit sosial (eks nara pidana, PSK, Narkoba dan penyakit "
                   "sosial lainnya yang dilaksanakan dalam 1 tahun", "Kgt"),
    ("5.2", S0[4], "Pembinaan PKK desa/kelurahan yang dilaksanakan dalam 1 tahun", "Kgt"),
    ("5.3", S0[4], "Kegiatan PKK yang dilaksanakan dalam 1 tahun", "Kgt"),
]


def test_seed_000_indikator():
    hasil = _impor("000")
    assert (hasil.jumlah_sasaran, hasil.jumlah_indikator, hasil.jumlah_target) == (5, 16, 0)
    assert _ringkas(hasil) == SEED_000
    satuan = [i.satuan for i in hasil.buku.indikator]
    assert {s: satuan.count(s) for s in set(satuan)} == {"%": 10, "M2": 1, "Kegt": 1, "Kgt": 4}
    i = {i.kode: i for i in hasil.buku.indikator}
    # the page-3 continuation row, under a header without the indicator-number sub-column
    assert i["4.1"].formulasi == ("Jumlah masyarakat yang hadir dalam Musrenbangcam ----- x 100 % Jumlah "
                                  "seluruh masyarakat yang diundang pada kegiatan Musrenbangcam")
    assert i["1.1"].formulasi == ("Jumlah permohonan KK/KTP yang dilayani sesuai standar pelayanan ----- x "
                                  "100 % Jumlah seluruh permohonan KK/KTP")
    assert i["3.2"].formulasi == "Jumlah tindak kriminal tahun (n1) – Jumlah tindak kriminal tahun (n-1)"
    assert i["2.1"].formulasi == "Cukup jelas"
    assert {(x.sumber_data, x.penanggung_jawab, x.alasan) for x in hasil.buku.indikator} == {
        ("Sekretariat, Seksi-seksi", "Kecamatan", "")}
    assert [x.polaritas for x in hasil.buku.indikator].count("negatif") == 0


def test_seed_000_sisanya():
    hasil = _impor("000")
    assert hasil.tidak_terbaca == ()
    assert hasil.dugaan == (Dugaan("3.2", "polaritas", "positif",
                                   "nama mengukur 'penurunan': makin besar penurunannya makin baik"),)
    assert hasil.catatan == (
        CATATAN_KODE, CATATAN_POLARITAS,
        "Tidak ditemukan di dokumen, isi di lembar Profil: Nama Instansi, Kabupaten/Kota, Tahun Laporan, "
        "Jabatan Kepala, Nama Kepala, Pangkat/Golongan, NIP, Tempat, Tanggal Laporan.")
    p = hasil.buku.profil
    assert (p.instansi, p.tahun, p.nama_kepala, p.nip) == ("", None, "", "")  # a bare "KECAMATAN" names nothing


# ---- seed 002: two-row header, year columns under a garbled group header ------------------------

S2 = ("Meningkatnya Akuntabilitas dan Profesionalisme Pengelolaan dan Layanan Kecamatan Bantargebah",
      "Meningkatnya Kualitas Manajemen dan Kinerja Kecamatan Bantargebah",
      "Terwujudnya ketertiban dan ketentraman masyarakat yang didukung oleh kohesi sosial yang kuat")


def test_seed_002():
    hasil = _impor("002")
    assert (hasil.jumlah_sasaran, hasil.jumlah_indikator, hasil.jumlah_target) == (3, 3, 9)
    # "Persen (%)" is written "%" (what the Satuan drop-down offers); other units stay as written
    assert _ringkas(hasil) == [
        ("1.1", S2[0], "Indeks Kepuasan Masyarakat Terhadap Layanan Publik", "Nilai"),
        ("2.1", S2[1], "Nilai AKIP Kecamatan Bantargebah", "Nilai"),
        ("3.1", S2[2], "Persentase Peningkatan Wilayah yang Tertib", "%"),
    ]
    assert _target(hasil) == [
        ("1.1", 2024, 83.0), ("1.1", 2025, 83.5), ("1.1", 2026, 84.0),
        ("2.1", 2024, 74.15), ("2.1", 2025, 74.25), ("2.1", 2026, 74.5),
        ("3.1", 2024, 40.0), ("3.1", 2025, 50.0), ("3.1", 2026, 60.0),
    ]
    i = {i.kode: i for i in hasil.buku.indikator}
    assert i["3.1"].formulasi == "( Jumlah zonasi yang telah ditingkatkan / Jumlah zona tertib ) x 100 %"
    assert i["3.1"].alasan.startswith("Berdasarkan Undang-Undang Nomor 10 Tahun 2011 Tentang")
    assert i["2.1"].formulasi.startswith("Nilai AKIP = nilai komponen perencanaan kinerja+")
    assert i["1.1"].sumber_data == "Hasil Survey Kepuasan Masyarakat"
    assert i["3.1"].penanggung_jawab == "1. Seksi Ketentraman dan Ketertiban."
    p = hasil.buku.profil
    assert (p.instansi, p.kabupaten, p.tahun) == ("KECAMATAN BANTARGEBAH", "", 2024)
    assert (p.nama_kepala, p.nip, p.jabatan_kepala, p.pangkat) == (
        "H. CECEP MIFTAH FARID S.STP.M.M.", "19760913 199701 1 001", "", "")
    assert hasil.tidak_terbaca == ()
    assert hasil.dugaan == ()
    assert hasil.catatan == (
        CATATAN_KODE, CATATAN_POLARITAS, "Satuan 'Persen (%)' ditulis '%'.",
        "Tidak ditemukan di dokumen, isi di lembar Profil: Kabupaten/Kota, Jabatan Kepala, Pangkat/Golongan, "
        "Tempat, Tanggal Laporan.")


# ---- seed 004: SK text, three tables (IKU, a shorter repeat, targets with programs) -------------

S4 = ("Meningkatnya kualitas infrastruktur dasar masyarakat dan lingkungan hidup",
      "Meningkatnya Pelayanan Masyarakat serta Meningkatkan Desa/Kelurahan dengan status Minimal Maju",
      "Meningkatnya ketentraman dan ketertiban umum",
      "Meningkatnya upaya pemberdayaan masyarakat",
      "Meningkatnya inovasi kecamatan",
      "Meningkatnya akuntabilitas Perangkat Daerah")
SEED_004 = [
    ("1.1", S4[0], "Prosentase Jumlah infrastruktur dasar dalam kondisi baik", "%"),
    ("1.2", S4[0], "prosentase penurunan timbulan sampah", "%"),
    ("2.1", S4[1], "Prosentase desa dengan kategori minimal Maju", "%"),
    ("2.2", S4[1], "Persentase desa dengan laporan pertanggungjawaban baik", "%"),
    ("2.3", S4[1], "Indeks Kepuasan Masyarakat", "Indeks"),
    ("3.1", S4[2], "Prosentase penurunan pelanggaran ketentraman dan ketertiban umum", "%"),
    ("3.2", S4[2], "Jumlah konflik Ekonomi sosial dan politik", "%"),
    ("4.1", S4[3], "Prosentase masyarakat yang difasiltasi dalam pemberdayaan masyarakat", "%"),
    ("5.1", S4[4], "inovasi yang diimplementasikan", "Jumlah"),
    ("6.1", S4[5], "Nilai SAKIP Kecamatan Legok", "Angka"),
]
ALASAN_INOVASI = (
    "Pengembangan pemikiran kreatif oleh satuan kerja dan Pemerintah Daerah dalam menciptakan inovasi "
    "pelayanan publik menjadi wadah atau saluran yang dapat dijadikan sarana untuk melakukan penilaian "
    "secara obyektif inovasi pelayanan publik yang memenuhi kriteria serta dilakukan dalam suasana yang "
    "kompetitif melalui Kompetisi Inovasi Pelayanan Publik.")


def test_seed_004_indikator():
    hasil = _impor("004")
    # The lead counted 9; sasaran 2 of the first table has three indicators (desa minimal Maju,
    # desa dengan laporan pertanggungjawaban, IKM), so the first table holds 2+3+2+1+1+1 = 10.
    assert (hasil.jumlah_sasaran, hasil.jumlah_indikator, hasil.jumlah_target) == (6, 10, 2)
    assert _ringkas(hasil) == SEED_004
    i = {i.kode: i for i in hasil.buku.indikator}
    assert i["5.1"].alasan == ALASAN_INOVASI  # the alasan continued after a page break
    assert i["5.1"].formulasi == "Jumlah Inovasi yang diimplementasikan di Kecamatan"
    assert i["3.2"].formulasi == "potensi konflik/Realisasi penanganan*100"
    assert i["1.1"].formulasi == "realisasi infrastruktur dasar kecamatan /Target yang direncanakan*100"
    assert {x.sumber_data for x in hasil.buku.indikator} == {"Kecamatan Legok"}
    assert [(x.kode, x.polaritas) for x in hasil.buku.indikator if x.polaritas != "positif"] == [("3.2", "negatif")]


def test_seed_004_target_profil_dan_laporan():
    hasil = _impor("004")
    assert _target(hasil) == [("1.1", 2020, 60.0), ("2.3", 2020, 90.0)]
    assert hasil.buku.target_dari("5.1", 2020) is None  # the "1" in its row is a program target
    p = hasil.buku.profil
    assert (p.instansi, p.kabupaten, p.tahun) == ("KECAMATAN LEGOK", "KABUPATEN TANGERANG", 2020)
    assert (p.jabatan_kepala, p.nama_kepala, p.pangkat, p.nip) == (
        "Plt. CAMAT LEGOK", "Drs. TISNA HAMBALI R, SH,M.Si", "Pembina Tk.1 / IV.b", "19620620 198703 1 006")
    assert (p.tempat, p.tanggal) == ("Tangerang", None)
    assert hasil.tidak_terbaca == (
        _tt(45, "Tanggal 'Januari 2020' tidak lengkap atau tidak dikenali",
            "Isi Tanggal Laporan di lembar Profil (tanggal, bulan dan tahun)."),
        _tt(105, "Kolom 'NO' berisi teks, bukan nomor: baris tidak sejajar dengan judul kolom dan tidak "
                 "diimpor: '5 Pembangunan Sarana Gedung Wilayah Kecamatan | 1 Unit | 200,000,000'", SARAN_BARIS),
        _tt(106, "Kolom 'NO' berisi teks, bukan nomor: baris tidak sejajar dengan judul kolom dan tidak "
                 "diimpor: '6 Biaya Operasional Peningkatan Pelayanan Kebersihan | 9 Orang | 216,300,000'",
            SARAN_BARIS),
        _tt(113, "Target tahun 2020 kosong, tidak ada target yang diimpor: 'Jumlah Inovasi yang "
                 "diimplementasikan di Kecamatan'",
            "Isi target tahun 2020 indikator 5.1 di lembar Target bila ada.", "5.1"),
    )
    assert hasil.dugaan == (
        Dugaan("1.2", "polaritas", "positif", "nama mengukur 'penurunan': makin besar penurunannya makin baik"),
        Dugaan("3.1", "polaritas", "positif", "nama mengukur 'penurunan': makin besar penurunannya makin baik"),
        Dugaan("3.2", "polaritas", "negatif", "nama mengukur 'konflik': makin sedikit makin baik"),
    )
    assert hasil.catatan == (
        CATATAN_KODE, CATATAN_POLARITAS,
        "Tabel di baris 86: 0 indikator baru, 3 sama dengan tabel sebelumnya (digabung).",
        "Tabel di baris 96: 0 indikator baru, 3 sama dengan tabel sebelumnya (digabung).",
        "Tahun kolom 'TARGET' (tabel di baris 96) diambil dari judul dokumen: 2020.",
        "Baris 113: 'Jumlah Inovasi yang diimplementasikan di Kecamatan' di bawah sasaran 'Meningkatnya Tata "
        "Kelola Pemerintahan' dianggap sama dengan indikator 5.1 'inovasi yang diimplementasikan'.",
        "Tanpa target tahun 2020: 1.2, 2.1, 2.2, 3.1, 3.2, 4.1, 5.1, 6.1.",
        "Kolom yang tidak diimpor: PROGRAM, Target, ANGGARAN, KEGIATAN.",
        "Jabatan Kepala tertulis berbeda di dokumen ('Pt. CAMAT LEGOK', 'Plt. CAMAT LEGOK'); dipakai "
        "'Plt. CAMAT LEGOK'.",
        "Tempat tertulis berbeda di dokumen ('Tangerang', 'Legok'); dipakai 'Tangerang'.",
        "Tidak ditemukan di dokumen, isi di lembar Profil: Tanggal Laporan.",
    )


# ---- synthetic documents ----------------------------------------------------------------------

def _laporan(tahun: int, target: tuple[str, str, str]) -> str:
    return (f"LAPORAN CAPAIAN KINERJA\nKECAMATAN SUKAMAJU TAHUN {tahun}\n\n"
            "No\tSasaran Strategis\tIndikator Kinerja\tSatuan\tTarget\tRealisasi\tCapaian (%)\n"
            f"1\tMeningkatnya pelayanan publik\tPersentase pengaduan yang ditindaklanjuti\t%\t{target[0]}\t80\t94\n"
            f"\t\tIndeks Kepuasan Masyarakat\tIndeks\t{target[1]}\t82\t102\n"
            f"2\tMeningkatnya akuntabilitas kinerja\tNilai AKIP\tNilai\t{target[2]}\tB\t100\n\n")


def test_dua_tabel_dua_tahun():
    teks = (_laporan(2017, ("85", "80", "B")) + "Sukamaju, 5 Januari 2018\nCAMAT SUKAMAJU\n\nBUDI, S.Sos\n"
            "NIP. 19700209 199003 1 002\n\n" + _laporan(2018, ("90 %", "82,5", "BB")))
    hasil = impor_baris(baris_dari_teks(teks))
    assert _ringkas(hasil) == [
        ("1.1", "Meningkatnya pelayanan publik", "Persentase pengaduan yang ditindaklanjuti", "%"),
        ("1.2", "Meningkatnya pelayanan publik", "Indeks Kepuasan Masyarakat", "Indeks"),
        ("2.1", "Meningkatnya akuntabilitas kinerja", "Nilai AKIP", "Nilai"),
    ]
    assert _target(hasil) == [
        ("1.1", 2017, 85.0), ("1.1", 2018, 90.0), ("1.2", 2017, 80.0), ("1.2", 2018, 82.5),
        ("2.1", 2017, NilaiHuruf("B", "akip")), ("2.1", 2018, NilaiHuruf("BB", "akip")),
    ]
    p = hasil.buku.profil
    assert (p.instansi, p.tahun, p.nama_kepala, p.jabatan_kepala, p.tempat, p.tanggal) == (
        "KECAMATAN SUKAMAJU", 2018, "BUDI, S.Sos", "CAMAT SUKAMAJU", "Sukamaju", dt.date(2018, 1, 5))
    assert hasil.tidak_terbaca == ()
    assert "Tabel di baris 18: 0 indikator baru, 3 sama dengan tabel sebelumnya (digabung)." in hasil.catatan
    assert "Kolom yang tidak diimpor: Realisasi, Capaian (%)." in hasil.catatan
    assert "Judul dokumen menyebut beberapa tahun (2017, 2018); Tahun Laporan diisi 2018." in hasil.catatan


def test_judul_teracak_dan_sinonim():
    teks = ("Indikator Kinerja Utama (IKU)\tTujuan/Sasaran\tSatuan Ukur\tTarget 2025\tNomor\tCara Pengukuran\t"
            "PIC\tSumber\n"
            "Persentase desa tertib administrasi\tMeningkatnya tata kelola\t%\t75\t1\t"
            "Jumlah desa tertib / Jumlah desa x 100%\tSeksi Pemerintahan\tLaporan desa\n"
            "Prosentase penurunan konflik sosial\t\t\t10\t2\tA/B*100\tSeksi Trantib\tLaporan\n"
            "Jumlah konflik sosial\tMeningkatnya ketertiban\tKasus\t5\t3\t-\tSeksi Trantib\tLaporan\n")
    hasil = impor_baris(baris_dari_teks(teks))
    assert _ringkas(hasil) == [
        ("1.1", "Meningkatnya tata kelola", "Persentase desa tertib administrasi", "%"),
        ("1.2", "Meningkatnya tata kelola", "Prosentase penurunan konflik sosial", "%"),
        ("2.1", "Meningkatnya ketertiban", "Jumlah konflik sosial", "Kasus"),
    ]
    i = hasil.buku.indikator[0]
    assert (i.formulasi, i.penanggung_jawab, i.sumber_data) == (
        "Jumlah desa tertib / Jumlah desa x 100%", "Seksi Pemerintahan", "Laporan desa")
    assert _target(hasil) == [("1.1", 2025, 75.0), ("1.2", 2025, 10.0), ("2.1", 2025, 5.0)]
    assert hasil.dugaan == (
        Dugaan("1.2", "satuan", "%", "nama diawali 'Prosentase'"),
        Dugaan("1.2", "polaritas", "positif", "nama mengukur 'penurunan': makin besar penurunannya makin baik"),
        Dugaan("2.1", "polaritas", "negatif", "nama mengukur 'konflik': makin sedikit makin baik"),
    )
    assert [x.polaritas for x in hasil.buku.indikator] == ["positif", "positif", "negatif"]


def test_kolom_nomor_indikator_polaritas_rentang_dan_predikat():
    teks = ("No\tSasaran Strategis\tNo\tIndikator Kinerja Sasaran Strategis\tSatuan\tTarget 2025\t"
            "Target 2026\tPolaritas\n"
            "1\tMeningkatnya tata kelola pemerintahan\t1.1\tNilai SAKIP\tPredikat\tBB\tA\tMaksimal\n"
            "\t\t1.2\tPersentase temuan BPK yang ditindaklanjuti\t%\t100\t100\tMaksimal\n"
            "2\tMeningkatnya kesejahteraan\t2.1\tAngka kemiskinan\t%\t7 - 8\t6,5\tMinimal\n")
    hasil = impor_baris(baris_dari_teks(teks))
    assert [(i.kode, i.nama, i.satuan, i.polaritas) for i in hasil.buku.indikator] == [
        ("1.1", "Nilai SAKIP", "Predikat", "positif"),
        ("1.2", "Persentase temuan BPK yang ditindaklanjuti", "%", "positif"),
        ("2.1", "Angka kemiskinan", "%", "negatif")]
    assert _target(hasil) == [
        ("1.1", 2025, NilaiHuruf("BB", "akip")), ("1.1", 2026, NilaiHuruf("A", "akip")),
        ("1.2", 2025, 100.0), ("1.2", 2026, 100.0), ("2.1", 2025, Rentang(7.0, 8.0)), ("2.1", 2026, 6.5)]
    assert hasil.dugaan == () and hasil.tidak_terbaca == ()  # the document states the polarity


def test_tanpa_kolom_satuan_dan_nomor_di_nama():
    teks = ("SASARAN\tINDIKATOR KINERJA\tTARGET\n"
            "Meningkatnya pelayanan\t1. Persentase pengaduan yang ditindaklanjuti\t90\n"
            "\t2. Indeks Kepuasan Masyarakat\t83,5\n"
            "\tJumlah kasus kebakaran\t3\n")
    hasil = impor_baris(baris_dari_teks(teks))
    assert [(i.nama, i.satuan) for i in hasil.buku.indikator] == [
        ("Persentase pengaduan yang ditindaklanjuti", "%"), ("Indeks Kepuasan Masyarakat", "Indeks"),
        ("Jumlah kasus kebakaran", "Jumlah")]
    assert [(d.kode, d.field, d.nilai) for d in hasil.dugaan] == [
        ("1.1", "satuan", "%"), ("1.2", "satuan", "Indeks"), ("1.3", "satuan", "Jumlah"),
        ("1.3", "polaritas", "negatif")]
    assert hasil.buku.target == ()  # no year anywhere: nothing invented ...
    assert [m.sel for m in hasil.tidak_terbaca] == ["baris 2", "baris 3", "baris 4"]  # ... each one listed
    assert hasil.tidak_terbaca[0].pesan == "Kolom 'TARGET' tidak menyebut tahun; target tidak diimpor: '90'"


def test_target_tidak_terbaca_dan_berbeda():
    teks = ("TAHUN 2024\nNo\tIndikator Kinerja\tSatuan\tTarget\n"
            "1\tPersentase A\t%\t≥ 80\n2\tPersentase B\t%\t70\n\nTAHUN 2024\n"
            "No\tIndikator Kinerja\tSatuan\tTarget\n1\tPersentase B\t%\t75\n")
    hasil = impor_baris(baris_dari_teks(teks))
    assert _target(hasil) == [("1.2", 2024, 70.0)]
    assert [(m.sel, m.kode, m.pesan) for m in hasil.tidak_terbaca] == [
        ("baris 3", "1.1", "Target tahun 2024 tidak terbaca ('≥ 80' bukan angka yang jelas): '≥ 80'"),
        ("baris 8", "1.2", "Target tahun 2024 berbeda dengan baris 4 ('70'); dipakai yang pertama: '75'"),
    ]


def test_nomor_halaman_dan_baris_yatim():
    """A page number inside a table is a page break; a tabbed row after the table ended is listed."""
    teks = ("No\tSasaran\tIndikator\tSatuan\tFormulasi\n"
            "1\tMeningkatnya pelayanan\tPersentase layanan tepat waktu\t%\tLayanan tepat waktu /\n"
            "- 2 -\n"
            "\t\t\t\tJumlah layanan x 100 %\n"
            "\t\tPersentase aduan selesai\t%\tAduan selesai / Aduan x 100 %\n"
            "Catatan: angka sementara\n"
            "\t\tJumlah kader aktif\tOrang\t-\n")
    hasil = impor_baris(baris_dari_teks(teks))
    assert [(i.kode, i.formulasi) for i in hasil.buku.indikator] == [
        ("1.1", "Layanan tepat waktu / Jumlah layanan x 100 %"), ("1.2", "Aduan selesai / Aduan x 100 %")]
    assert [(m.sel, m.pesan) for m in hasil.tidak_terbaca] == [
        ("baris 7", "Baris bertabel di luar tabel IKU (tanpa baris judul kolom di atasnya) tidak diimpor: "
                    "'Jumlah kader aktif | Orang | -'")]


def test_baris_sumber_bertabel_dan_sel_bergaris_baru():
    """A .docx/.xlsx adapter: cells with inner newlines, table indices, full-width title rows."""
    baris = [
        BarisSumber(("RENCANA KINERJA TAHUN 2025", "", "", ""), 1),
        BarisSumber(("No", "Sasaran\nStrategis", "Indikator\nKinerja", "Target"), 2, 0),
        BarisSumber(("1", "Meningkatnya\npelayanan", "Persentase layanan\nselesai tepat waktu", "95"), 3, 0),
        BarisSumber(("", "", "", "CAMAT CONTOH"), 4),
        BarisSumber(("", "", "", "ANI"), 5),
        BarisSumber(("", "", "", "NIP. 198001012005012003"), 6),
    ]
    hasil = impor_baris(baris)
    assert _ringkas(hasil) == [("1.1", "Meningkatnya pelayanan", "Persentase layanan selesai tepat waktu", "%")]
    assert _target(hasil) == [("1.1", 2025, 95.0)]
    p = hasil.buku.profil
    assert (p.jabatan_kepala, p.nama_kepala, p.nip) == ("CAMAT CONTOH", "ANI", "19800101 200501 2 003")


def test_baris_dari_teks():
    assert baris_dari_teks("**A**\tB  \n\nC") == [
        BarisSumber(("A", "B"), 1), BarisSumber(("",), 2), BarisSumber(("C",), 3)]


# ---- never raises; general code -----------------------------------------------------------------

_KATA = st.sampled_from(["", "", "No", "NO.", "(1)", "(2)", "Sasaran", "SASARAN STRATEGIS", "Indikator Kinerja",
                         "IKU", "Satuan", "%", "Kgt", "Target", "2024", "PENJELASAN", "ALASAN", "FORMULASI",
                         "PROGRAM", "1", "1.", "90 %", "83,5", "B", "-", "Persentase x", "Jumlah konflik",
                         "TAHUN 2024", "NIP. 196206201987031006", "Legok, 1 Januari 2020", "yang diundang",
                         "9" * 400, "1e400"])
_SEL = st.one_of(_KATA, st.text(max_size=30))
_BARIS = st.lists(st.tuples(st.lists(_SEL, min_size=1, max_size=9), st.one_of(st.none(), st.integers(0, 2))),
                  max_size=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_BARIS)
def test_tidak_pernah_gagal(data):
    baris = [BarisSumber(tuple(sel), n, tabel) for n, (sel, tabel) in enumerate(data, start=1)]
    hasil = impor_baris(baris)
    kode = [i.kode for i in hasil.buku.indikator]
    assert len(kode) == len(set(kode))
    assert all(m.tingkat == "peringatan" and m.lembar is None and re.fullmatch(r"baris \d+", m.sel or "")
               for m in hasil.tidak_terbaca)
    assert {t.kode for t in hasil.buku.target} <= set(kode)
    assert {d.kode for d in hasil.dugaan} <= set(kode)


@given(st.text(max_size=300))
def test_teks_sembarang(teks):
    impor_baris(baris_dari_teks(teks))


@pytest.mark.parametrize("kata", ["Legok", "Bantargebah", "Tangerang", "Musrenbang", "kriminal", "Kamling"])
def test_aturan_umum_tanpa_kata_seed(kata):
    berkas = sorted(CORE.glob("impor*.py")) + sorted((CORE / "impor").glob("*.py"))
    assert berkas
    for path in berkas:
        assert kata.casefold() not in path.read_text(encoding="utf-8").casefold(), path.name
