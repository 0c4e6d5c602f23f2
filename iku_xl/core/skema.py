"""The workbook's glossary: sheet names, column headers and what each holds.

One definition serves the template builder, the readers (openpyxl, xlwings,
calamine), the Petunjuk sheet and docs/glosarium.md. Header text is what
staff see; ``field`` is the name in :mod:`iku_xl.core.model`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from iku_xl.core.ikm import UNSUR
from iku_xl.core.dokumen import AWALAN_LAPORAN as AWALAN_DOKUMEN
from iku_xl.core.dokumen import pola_lembar
from iku_xl.core.parse import JENIS_KONSOLIDASI, METODE_NEGATIF, SUMBER_SURVEI

#: Units offered in the Satuan drop-down (staff may type others).
SATUAN = ("%", "Nilai", "Indeks", "Jumlah", "Kegiatan", "Angka", "Dokumen", "Orang", "Titik",
          "M2", "Unit", "Predikat")
POLARITAS = ("positif", "negatif")
SKALA_PILIHAN = ("permendagri86", "permenpanrb8", "kustom")


@dataclass(frozen=True)
class Kolom:
    """One column of a data sheet."""

    field: str
    judul: str
    jenis: str  # the parser: see iku_xl.core.parse.pengurai
    petunjuk: str
    wajib: bool = False  # the header must be present
    lebar: float = 14
    pilihan: tuple[str, ...] = ()  # drop-down values
    format: str = "General"


@dataclass(frozen=True)
class LembarData:
    """A data sheet: a title, a header row and one record per row below it."""

    nama: str
    tabel: str  # the Excel table's name
    judul: str
    petunjuk: str
    kolom: tuple[Kolom, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_per_field", {k.field: k for k in self.kolom})

    def kolom_dari(self, field: str) -> Kolom:
        return self._per_field[field]  # type: ignore[attr-defined,no-any-return]


@dataclass(frozen=True)
class IsianProfil:
    """One line of the Profil sheet: label in column A, value in column B."""

    field: str
    label: str
    jenis: str
    petunjuk: str
    contoh: str = ""
    pilihan: tuple[str, ...] = ()


#: Row of the header on data sheets the template writes (staff may move it: readers search).
BARIS_JUDUL = 3

_TW = "Triwulan"


def _kode_tahun(petunjuk_kode: str, petunjuk_tahun: str) -> tuple[Kolom, Kolom]:
    """The Kode and Tahun columns that open every per-year sheet."""
    return (Kolom("kode", "Kode", "teks", petunjuk_kode, wajib=True, lebar=8, format="@"),
            Kolom("tahun", "Tahun", "tahun", petunjuk_tahun, wajib=True, lebar=8, format="0"))

INDIKATOR = LembarData(
    "Indikator", "tblIndikator", "INDIKATOR KINERJA UTAMA (IKU)",
    "Satu baris untuk setiap indikator. Kode harus unik; Target dan Realisasi merujuk ke kode ini.",
    (
        Kolom("kode", "Kode", "teks", "Kode unik indikator, mis. 1.1 (sasaran 1, indikator 1).",
              wajib=True, lebar=8, format="@"),
        Kolom("sasaran", "Sasaran Strategis", "teks", "Sasaran strategis yang diukur indikator ini.",
              wajib=True, lebar=34),
        Kolom("nama", "Indikator Kinerja", "teks", "Nama indikator seperti tertulis di dokumen IKU.",
              wajib=True, lebar=40),
        Kolom("satuan", "Satuan", "teks", "Satuan ukur: %, Nilai, Indeks, Kegiatan, Jumlah, ...",
              wajib=True, lebar=10, pilihan=SATUAN),
        Kolom("polaritas", "Polaritas", "polaritas",
              "positif: makin tinggi makin baik; negatif: makin rendah makin baik.",
              lebar=11, pilihan=POLARITAS),
        Kolom("konsolidasi", "Jenis Konsolidasi", "konsolidasi",
              "Cara menggabungkan realisasi triwulan menjadi realisasi tahunan.",
              lebar=15, pilihan=JENIS_KONSOLIDASI),
        Kolom("metode_negatif", "Metode Negatif", "metode_negatif",
              "Khusus polaritas negatif; kosongkan untuk mengikuti pilihan di Profil.",
              lebar=11, pilihan=METODE_NEGATIF),
        Kolom("alasan", "Alasan", "teks", "Alasan indikator ini dipilih.", lebar=30),
        Kolom("formulasi", "Formulasi", "teks",
              "Cara pengukuran, mis. Jumlah pengaduan yang ditindaklanjuti / Jumlah pengaduan x 100 %.",
              lebar=40),
        Kolom("sumber_data", "Sumber Data", "teks", "Dari mana data realisasi diambil.", lebar=20),
        Kolom("penanggung_jawab", "Penanggung Jawab", "teks", "Seksi atau pejabat yang bertanggung jawab.",
              lebar=20),
    ),
)

TARGET = LembarData(
    "Target", "tblTarget", "TARGET KINERJA",
    "Satu baris untuk setiap indikator dan tahun (seluruh tahun Renstra). "
    "Target boleh berupa angka (90 atau 83,5), rentang (80-90) atau predikat (B, WTP).",
    (
        *_kode_tahun("Kode indikator dari lembar Indikator.", "Tahun target, mis. 2024."),
        Kolom("nilai", "Target", "target", "Target tahunan.", wajib=True, lebar=12),
        *(Kolom(f"tw{i}", f"Target {_TW} {r}", "target", f"Target triwulan {r} (boleh kosong).", lebar=12)
          for i, r in enumerate(("I", "II", "III", "IV"), start=1)),
        *(Kolom(f"rencana_aksi{i}", f"Rencana Aksi TW {r}", "teks",
                f"Rencana aksi triwulan {r} (boleh kosong); tampil di lembar Capaian Triwulan {r}.", lebar=30)
          for i, r in enumerate(("I", "II", "III", "IV"), start=1)),
    ),
)

REALISASI = LembarData(
    "Realisasi", "tblRealisasi", "REALISASI KINERJA",
    "Satu baris untuk setiap indikator dan tahun. Isi realisasi per triwulan, atau langsung "
    "realisasi tahunan, atau pembilang dan penyebut untuk indikator rasio.",
    (
        *_kode_tahun("Kode indikator dari lembar Indikator.", "Tahun realisasi."),
        *(Kolom(f"tw{i}", f"{_TW} {r}", "realisasi", f"Realisasi triwulan {r}.", lebar=11)
          for i, r in enumerate(("I", "II", "III", "IV"), start=1)),
        Kolom("tahunan", "Realisasi Tahunan", "realisasi",
              "Isi bila realisasi tahunan diketahui langsung; mengalahkan triwulan dan rasio.", lebar=12),
        Kolom("pembilang", "Pembilang", "angka", "Untuk indikator rasio: bagian yang diukur.", lebar=12),
        Kolom("penyebut", "Penyebut", "angka", "Untuk indikator rasio: jumlah seluruhnya.", lebar=12),
        Kolom("keterangan", "Keterangan", "teks", "Catatan, mis. sumber angka atau kendala.", lebar=30),
        Kolom("sumber", "Sumber Realisasi", "sumber_realisasi",
              "Boleh kosong. \"Survei IKM\": realisasi = IKM dari lembar Survei IKM (semua periode tahun ini); "
              "\"Survei IKM: 2024 Semester I; 2024 Semester II\": periode tertentu. Realisasi yang diketik "
              "di baris ini tidak dipakai.", lebar=22, pilihan=(SUMBER_SURVEI,)),
    ),
)

SKALA_KUSTOM = LembarData(
    "Skala Kustom", "tblSkala", "SKALA PREDIKAT KUSTOM",
    "Dipakai bila Skala Predikat di Profil = kustom. Capaian >= batas bawah mendapat predikat itu.",
    (
        Kolom("batas", "Batas Bawah", "angka", "Capaian minimal (%) untuk predikat ini.", wajib=True,
              lebar=12),
        Kolom("label", "Predikat", "teks", "Nama predikat, mis. Sangat Baik.", wajib=True, lebar=18),
        Kolom("warna", "Warna", "teks", "Warna isian dalam kode hex, mis. C6EFCE (boleh kosong).",
              lebar=12),
    ),
)

PROGRAM = LembarData(
    "Program Anggaran", "tblProgram", "PROGRAM, KEGIATAN DAN ANGGARAN",
    "Boleh kosong. Program dan kegiatan yang mendukung setiap indikator, dengan anggaran dan "
    "realisasinya; laporan menampilkan serapan anggaran per program.",
    (
        *_kode_tahun("Kode indikator yang didukung.", "Tahun anggaran."),
        Kolom("program", "Program", "teks", "Nama program.", wajib=True, lebar=40),
        Kolom("kegiatan", "Kegiatan", "teks", "Nama kegiatan (kosong untuk baris program).", lebar=40),
        Kolom("target", "Target Kinerja", "teks", "Target keluaran, mis. 7 Titik atau 100 %.", lebar=14),
        Kolom("anggaran", "Anggaran (Rp)", "angka", "Pagu anggaran.", lebar=18, format="#,##0"),
        Kolom("realisasi_anggaran", "Realisasi Anggaran (Rp)", "angka", "Anggaran yang terserap.", lebar=18,
              format="#,##0"),
    ),
)

#: The respondent profile the questionnaire of PermenPANRB 14/2017 asks for (drop-downs; other
#: text is accepted as typed).
JENIS_KELAMIN = ("Laki-laki", "Perempuan")
PENDIDIKAN = ("SD ke bawah", "SMP", "SMA", "D1-D3-D4", "S1", "S2 ke atas")
PEKERJAAN = ("PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Pelajar/Mahasiswa", "Lainnya")
SKOR_IKM = ("1", "2", "3", "4")


#: What each score means for each unsur, in the words of the questionnaire of PermenPANRB
#: 14/2017 (scores 1, 2, 3, 4).
JAWABAN_UNSUR: dict[int, tuple[str, str, str, str]] = {
    1: ("tidak sesuai", "kurang sesuai", "sesuai", "sangat sesuai"),
    2: ("tidak mudah", "kurang mudah", "mudah", "sangat mudah"),
    3: ("tidak cepat", "kurang cepat", "cepat", "sangat cepat"),
    4: ("sangat mahal", "cukup mahal", "murah", "gratis"),
    5: ("tidak sesuai", "kurang sesuai", "sesuai", "sangat sesuai"),
    6: ("tidak kompeten", "kurang kompeten", "kompeten", "sangat kompeten"),
    7: ("tidak sopan dan ramah", "kurang sopan dan ramah", "sopan dan ramah", "sangat sopan dan ramah"),
    8: ("tidak ada", "ada tetapi tidak berfungsi", "berfungsi kurang maksimal", "dikelola dengan baik"),
    9: ("buruk", "cukup", "baik", "sangat baik"),
}


#: What each unsur asks, as the questionnaire's question puts it.
ARTI_UNSUR: dict[int, str] = {
    1: "kesesuaian persyaratan dengan jenis pelayanannya",
    2: "kemudahan prosedur pelayanan",
    3: "kecepatan waktu pelayanan",
    4: "kewajaran biaya/tarif",
    5: "kesesuaian hasil layanan dengan standar pelayanan",
    6: "kemampuan petugas",
    7: "kesopanan dan keramahan petugas",
    8: "penanganan pengaduan pengguna layanan",
    9: "kualitas sarana dan prasarana",
}


def arti_skor(nomor: int) -> str:
    """The four scores of one unsur with their meaning.

    >>> arti_skor(3)
    '1 tidak cepat, 2 kurang cepat, 3 cepat, 4 sangat cepat'
    """
    return ", ".join(f"{i} {arti}" for i, arti in enumerate(JAWABAN_UNSUR[nomor], start=1))


def judul_unsur(nomor: int) -> str:
    """The header of an unsur's column on the Survei IKM sheet.

    >>> judul_unsur(1)
    'U1 Persyaratan'
    """
    return f"U{nomor} {UNSUR[nomor - 1].nama}"


SURVEI = LembarData(
    "Survei IKM", "tblSurvei", "SURVEI KEPUASAN MASYARAKAT (PermenPANRB 14/2017)",
    "Boleh kosong. Satu baris untuk setiap responden. Nilai unsur U1-U9: 1 tidak sesuai, 2 kurang "
    "sesuai, 3 sesuai, 4 sangat sesuai; kosongkan unsur yang tidak dijawab. Beberapa periode survei "
    "(mis. Semester I dan Semester II) boleh dalam satu lembar, dibedakan oleh kolom Periode.",
    (
        Kolom("periode", "Periode", "teks", "Periode survei, mis. 2024 Semester I. Beberapa periode boleh dalam "
              "satu lembar; IKM dihitung per periode. Tulis tahunnya agar laporan tahun itu menemukannya.",
              wajib=True, lebar=16),
        Kolom("tanggal", "Tanggal", "tanggal", "Tanggal mengisi kuesioner.", lebar=12, format="dd/mm/yyyy"),
        Kolom("layanan", "Jenis Layanan", "teks", "Layanan yang diterima, mis. Rekomendasi IMB.", lebar=22),
        Kolom("jenis_kelamin", "Jenis Kelamin", "teks", "Laki-laki atau Perempuan.", lebar=12,
              pilihan=JENIS_KELAMIN),
        Kolom("umur", "Umur", "angka", "Umur responden (tahun).", lebar=7, format="0"),
        Kolom("pendidikan", "Pendidikan", "teks", "Pendidikan terakhir.", lebar=13, pilihan=PENDIDIKAN),
        Kolom("pekerjaan", "Pekerjaan", "teks", "Pekerjaan utama.", lebar=14, pilihan=PEKERJAAN),
        *(Kolom(f"u{u.nomor}", judul_unsur(u.nomor), "skor_ikm",
                f"Unsur {u.nomor} {u.nama} ({ARTI_UNSUR[u.nomor]}): {arti_skor(u.nomor)}; kosong bila "
                "tidak dijawab.", wajib=True,
                lebar=11,
                pilihan=SKOR_IKM, format="0")
          for u in UNSUR),
        Kolom("saran", "Saran", "teks", "Saran dan masukan responden (boleh kosong).", lebar=36),
    ),
)

LEMBAR_DATA = (INDIKATOR, TARGET, REALISASI, SKALA_KUSTOM, PROGRAM, SURVEI)

PROFIL_NAMA = "Profil"
PROFIL: tuple[IsianProfil, ...] = (
    IsianProfil("instansi", "Nama Instansi", "teks", "Nama unit kerja seperti di kop laporan.",
                "KECAMATAN LEGOK"),
    IsianProfil("kabupaten", "Kabupaten/Kota", "teks", "Pemerintah daerah induk.", "KABUPATEN TANGERANG"),
    IsianProfil("tahun", "Tahun Laporan", "tahun", "Tahun yang dilaporkan.", "2024"),
    IsianProfil("jabatan_kepala", "Jabatan Kepala", "teks", "Jabatan penanda tangan.", "CAMAT LEGOK"),
    IsianProfil("nama_kepala", "Nama Kepala", "teks", "Nama lengkap dengan gelar."),
    IsianProfil("pangkat", "Pangkat/Golongan", "teks", "Pangkat dan golongan.", "Pembina Tk. I / IV.b"),
    IsianProfil("nip", "NIP", "teks", "NIP 18 angka; ketik sebagai teks agar tidak terpotong.",
                "19700209 199003 1 002"),
    IsianProfil("tempat", "Tempat", "teks", "Tempat penandatanganan laporan.", "Legok"),
    IsianProfil("tanggal", "Tanggal Laporan", "tanggal", "Tanggal penandatanganan."),
    IsianProfil("skala", "Skala Predikat", "teks",
                "permendagri86 (Sangat Tinggi..Sangat Rendah), permenpanrb8 (Sangat Baik..Sangat Kurang) "
                "atau kustom (lembar Skala Kustom).", "permendagri86", SKALA_PILIHAN),
    IsianProfil("metode_negatif", "Metode Polaritas Negatif", "metode_negatif",
                "2T-R: (2 x Target - Realisasi) / Target x 100 (PermenPANRB 8/2021); T/R: Target / Realisasi x 100.",
                "2T-R", METODE_NEGATIF),
    IsianProfil("tahun_awal_renstra", "Tahun Awal Renstra", "tahun", "Tahun pertama Renstra.", "2021"),
    IsianProfil("tahun_akhir_renstra", "Tahun Akhir Renstra", "tahun",
                "Tahun terakhir Renstra (target akhir Renstra).", "2026"),
    IsianProfil("triwulan", "Triwulan Laporan", "triwulan",
                "Boleh kosong. Isi 1-4 agar tombol Buat Laporan membuat lembar Capaian Triwulan itu "
                "(pemantauan Rencana Aksi), bukan laporan tahunan."),
    IsianProfil("nama_atasan", "Nama Atasan", "teks",
                "Boleh kosong. Atasan langsung kepala (Pihak Kedua Perjanjian Kinerja): nama lengkap dengan gelar. "
                "Kosong: baris nama di Perjanjian Kinerja dibiarkan untuk ditulis tangan."),
    IsianProfil("jabatan_atasan", "Jabatan Atasan", "teks",
                "Boleh kosong. Jabatan Pihak Kedua: Bupati/Wali Kota, Sekretaris Daerah, atau untuk Kecamatan "
                "Bupati melalui Sekretaris Daerah.", "BUPATI TANGERANG"),
    IsianProfil("pangkat_nip_atasan", "Pangkat/NIP Atasan", "teks",
                "Boleh kosong. Pangkat dan NIP Pihak Kedua bila ada (kosongkan untuk Bupati/Wali Kota); "
                "ketik sebagai teks.", "Pembina Utama Madya / NIP. 19650101 199003 1 001"),
    IsianProfil("populasi_ikm", "Populasi Layanan (IKM)", "angka",
                "Boleh kosong. Jumlah pengguna layanan dalam periode survei IKM; dipakai untuk jumlah "
                "responden minimal (tabel Krejcie-Morgan)."),
)

#: iku-xl's own worksheet functions (defined in iku_xl/xl/fungsi.py; known to the formula check).
FUNGSI_SEL = ("IKU_CAPAIAN", "IKU_PREDIKAT", "IKU_REALISASI", "IKU_RASIO", "IKU_VALIDASI", "IKU_IKM", "IKU_MUTU")

#: Sheets iku-xl writes itself; the formula check skips them and they may be replaced.
LEMBAR_HASIL_VALIDASI = "Hasil Validasi"
AWALAN_LAPORAN = "Laporan Capaian"
AWALAN_PK = "Perjanjian Kinerja"


#: The sheets iku-xl writes for a year: every report sheet (one list, in core.dokumen) and the
#: Capaian working sheet.
_LEMBAR_TAHUNAN = re.compile(pola_lembar((*AWALAN_DOKUMEN, "Capaian")))


def lembar_buatan_iku(nama: str) -> bool:
    """Is this a sheet iku-xl writes (and rewrites), not one staff keep? The formula check
    skips them, in every front end.

    >>> [lembar_buatan_iku(n) for n in ("Laporan Capaian 2024", "Anggaran 2024", "Hasil Validasi",
    ...                                   "Capaian 2025", "Target", "Capaian sementara", "Capaian Triwulan 2 2025",
    ...                                   "Analisis Capaian 2025", "Perjanjian Kinerja 2025", "Anggaran Desa 2024",
    ...                                   "Capaian Triwulan 5 2025")]
    [True, True, True, True, False, False, True, True, True, False, False]
    """
    return nama == LEMBAR_HASIL_VALIDASI or bool(_LEMBAR_TAHUNAN.fullmatch(nama))


def nama_lembar_laporan(tahun: int) -> str:
    """
    >>> nama_lembar_laporan(2024)
    'Laporan Capaian 2024'
    """
    return f"{AWALAN_LAPORAN} {tahun}"


def nama_lembar_pk(tahun: int) -> str:
    """The Perjanjian Kinerja sheet (at most 31 characters, Excel's limit).

    >>> nama_lembar_pk(2025), lembar_buatan_iku(nama_lembar_pk(2025))
    ('Perjanjian Kinerja 2025', True)
    """
    return f"{AWALAN_PK} {tahun}"


@functools.lru_cache(maxsize=4096)  # header texts repeat across rows and workbooks (rekap reads thousands)
def _normal_teks(teks: str) -> str:
    return " ".join(teks.replace("*", " ").split()).casefold()


def normal_judul(teks: object) -> str:
    """Header text compared loosely: case, spacing and a trailing '*' do not matter.

    >>> normal_judul("  realisasi   TAHUNAN *")
    'realisasi tahunan'
    """
    if not teks:
        return ""
    return _normal_teks(teks if isinstance(teks, str) else str(teks))
