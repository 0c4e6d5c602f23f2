"""The corpus documents as data, and what importing each of them must give.

Every document is written here once, as the unit wrote it: titles, the IKU table(s) with their
sasaran, indicators and targets AS TYPED ("83,5", "90 %", "80-90", "BB"), and the signature
block(s). :mod:`tests.korpus.buat` renders the data to Word (and from Word to PDF and text);
:func:`harapan` derives from the SAME data what an import must find, by rules written here
(never by running the importer).

Text markup inside the data: ``"\\n"`` is a line break inside a paragraph (Shift+Enter, ``w:br``),
``"\\t"`` a tab (``w:tab``) and ``"¶"`` starts a new paragraph in the same cell. All three are
whitespace for the expected values.

>>> nilai_target("83,5"), nilai_target("90 %"), nilai_target("80-90"), nilai_target("WTP")
(83.5, 90.0, Rentang(bawah=80.0, atas=90.0), NilaiHuruf(huruf='WTP', jenis='opini'))
>>> [h.nama for h in harapan(DOKUMEN[0]).indikator][:2]  # doctest: +NORMALIZE_WHITESPACE
['Persentase permohonan layanan administrasi terpadu kecamatan (PATEN) yang diselesaikan tepat waktu',
 'Persentase permohonan rekomendasi perizinan yang diproses sesuai standar pelayanan']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from iku_xl.core.model import NilaiHuruf, Rentang, Target

# ---- the documents' building blocks ---------------------------------------------------------


@dataclass(frozen=True)
class Pecahan:
    """A formulasi written as a Word equation: an OMML fraction, then text such as "x 100 %"."""

    pembilang: str
    penyebut: str
    setelah: str = "x 100 %"
    sebelum: str = ""

    def teks(self) -> str:
        """As the contract reads it: "pembilang / penyebut x 100 %"."""
        return " ".join(x for x in (self.sebelum, self.pembilang, "/", self.penyebut, self.setelah) if x)


@dataclass(frozen=True)
class Ind:
    """One indicator as written in its row."""

    nama: str
    satuan: str
    target: tuple[str, ...]  # one text per target year of the table, as typed
    formulasi: str | Pecahan = ""
    alasan: str = ""
    sumber_data: str = ""
    penanggung_jawab: str = ""
    polaritas: str = ""
    pj_bersarang: bool = False  # the Penanggung Jawab cell holds a nested table (one row per "; " item)
    kondisi_awal: str = ""  # the baseline ("Kondisi Awal 2023"): NOT a target
    keterangan: str = ""


@dataclass(frozen=True)
class Paket:
    """One table row whose cells hold several indicators numbered "1. … 2. …", one per line."""

    indikator: tuple[Ind, ...]
    gabung_sumber: str = ""  # one shared Sumber Data text (not numbered)
    pemisah: str = "¶"  # between numbered items: "¶" one paragraph each, "\n" Shift+Enter lines


@dataclass(frozen=True)
class Sasaran:
    teks: str
    baris: tuple[Ind | Paket, ...]


@dataclass(frozen=True)
class Kolom:
    """A table column: its role and its header text (``"\\n"`` for a break)."""

    kunci: str  # no sasaran indikator satuan formulasi alasan sumber_data penanggung_jawab polaritas target
    #             kondisi_awal keterangan
    judul: str
    lebar: float = 2.0  # cm


@dataclass(frozen=True)
class TandaTangan:
    tempat: str
    tanggal_teks: str  # "2 Januari 2024", "Januari 2017"
    tanggal: dt.date | None  # what Tanggal Laporan must be (None: the line has no day)
    jabatan: str  # as printed, lines split with "\n" ("KEPALA DINAS KESEHATAN\nKABUPATEN X")
    nama: str
    pangkat: str  # the right rank ("Pembina Tk. I")
    golongan: str  # "IV/b"; "" when the block does not print it
    nip: str  # "19700209 199003 1 002"
    pangkat_tertulis: str = ""  # as printed when it differs (a typo)
    gaya: str = "br"  # br: one paragraph, Shift+Enter lines; paragraf: one paragraph per line; tabel
    format_pangkat: str = "{pangkat}\n({golongan})"  # how rank and golongan are printed
    format_nip: str = "NIP. {nip}"
    gaya_tanggal: str = "koma"  # koma: "Tempat, tanggal"; ditetapkan: "Ditetapkan di : ..." + "Pada tanggal : ..."
    tab: bool = False  # lines indented with tabs (w:tab) instead of a left indent
    sdt_nama: bool = False  # the name line inside a content control (gaya "paragraf")

    @property
    def jabatan_satu_baris(self) -> str:
        return " ".join(self.jabatan.split())

    def baris(self) -> list[str]:
        """The printed lines, top to bottom ("" for the space left for the signature)."""
        if self.gaya_tanggal == "ditetapkan":
            atas = [f"Ditetapkan di\t: {self.tempat}", f"Pada tanggal\t: {self.tanggal_teks}", ""]
        else:
            atas = [f"{self.tempat}, {self.tanggal_teks}"]
        pangkat = self.format_pangkat.format(pangkat=self.pangkat_tertulis or self.pangkat, golongan=self.golongan)
        return [*atas, *self.jabatan.split("\n"), "", "", "", self.nama, *pangkat.split("\n"),
                self.format_nip.format(nip=self.nip)]


@dataclass(frozen=True)
class Tabel:
    kolom: tuple[Kolom, ...]
    tahun: tuple[int, ...]  # the target years, in column order
    sasaran: tuple[Sasaran, ...]
    judul: tuple[str, ...] = ()  # title paragraphs right above the table
    target_dua_baris: bool = True  # "Target" over a row of years (gridSpan); else one row "Target 2024"
    penomoran: bool = True  # the "(1) (2) (3) ..." row under the header
    garis: bool = True  # ruled table ("Table Grid"); False: no borders at all
    gabung_sasaran: bool = True  # No and Sasaran merged down over their indicators (vMerge)
    ulang_sasaran: bool = False  # not merged: the Sasaran text repeated on every row of its group
    sdt: bool = False  # content controls around some cells and one whole row
    ttd: tuple[TandaTangan, ...] = ()  # signature blocks after the table
    target_tanpa_tahun: bool = False  # one-row header: "Target" (the year is in the title), not "Target 2024"


@dataclass(frozen=True)
class Dokumen:
    nama: str  # file stem under tests/fixtures/dokumen/
    unit: str  # the Profil Instansi ("KECAMATAN SUKAMAJU")
    kabupaten: str  # "KABUPATEN CIANJUR" / "KOTA ..."
    tabel: tuple[Tabel, ...]
    pembuka: tuple[str, ...] = ()  # paragraphs before the first table (titles, the decree's text)
    ttd_pembuka: TandaTangan | None = None  # signature of the decree, before its lampiran
    sela: tuple[str, ...] = ()  # paragraphs between the decree's signature and the lampiran
    kop: tuple[str, ...] = ()  # letterhead in the page header (never imported)
    kaki: bool = True  # "Halaman N dari M" in the page footer (never imported)
    landscape: bool = True
    tahun: int | None = None  # the expected Tahun Laporan; None: not checked (e.g. a Renstra period)
    catatan: str = ""  # what this document exercises (for people reading the corpus)


# ---- expected import ------------------------------------------------------------------------

_GRADES = {"AA", "A", "BB", "B", "CC", "C", "D", "WTP", "WDP", "TW", "TMP"}


def nilai_target(teks: str) -> Target:
    """A target as typed, read the Indonesian way (decimal comma, "90 %", "80-90", grades)."""
    t = teks.strip()
    if t.upper() in _GRADES:
        return NilaiHuruf(t.upper(), "opini" if t.upper() in {"WTP", "WDP", "TW", "TMP"} else "akip")
    t = t.rstrip("%").strip()
    if m := re.fullmatch(r"([\d.,]+)\s*(?:-|–|s\.?d\.?)\s*([\d.,]+)", t):
        return Rentang(_angka(m[1]), _angka(m[2]))
    return _angka(t)


def _angka(t: str) -> float:
    return float(t.replace(".", "").replace(",", ".")) if "," in t else float(t)


def rapi(teks: str) -> str:
    """Whitespace as it counts: every markup break, tab and run of spaces is one space."""
    return " ".join(teks.replace("¶", " ").split())


@dataclass(frozen=True)
class HarapanIndikator:
    nama: str
    sasaran: str
    satuan: str
    formulasi: str
    persamaan: bool  # formulasi was a Word equation (its PDF text loses the fraction bar)
    target: dict[int, Target] = field(hash=False)


@dataclass(frozen=True)
class Harapan:
    dokumen: str
    sasaran: tuple[str, ...]
    indikator: tuple[HarapanIndikator, ...]
    profil: dict[str, object] = field(hash=False)  # Profil field -> expected value
    pangkat_lain: tuple[str, ...] = ()  # other accepted spellings of the rank (as printed)
    jabatan_lain: tuple[str, ...] = ()  # a jabatan printed on two lines: its first line alone is accepted too


def _uraikan(baris: Ind | Paket) -> list[Ind]:
    return list(baris.indikator) if isinstance(baris, Paket) else [baris]


def penanda_profil(d: Dokumen) -> TandaTangan | None:
    """The signer whose fields go to Profil: the signer of the table of the latest year, else the
    last signature of the document."""
    dengan = [(max(t.tahun), i, s) for i, t in enumerate(d.tabel) for s in t.ttd[-1:]]
    if dengan:
        return max(dengan, key=lambda x: (x[0], x[1]))[2]
    return d.ttd_pembuka


def harapan(d: Dokumen) -> Harapan:
    """What importing ``d`` must give, derived from the data above."""
    sasaran: list[str] = []
    indikator: dict[str, HarapanIndikator] = {}
    for tabel in d.tabel:
        for s in tabel.sasaran:
            if rapi(s.teks) not in sasaran:
                sasaran.append(rapi(s.teks))
            for b in s.baris:
                for ind in _uraikan(b):
                    nama = rapi(ind.nama)
                    formulasi = ind.formulasi.teks() if isinstance(ind.formulasi, Pecahan) else rapi(ind.formulasi)
                    lama = indikator.get(nama)
                    target = dict(lama.target) if lama else {}
                    for tahun, t in zip(tabel.tahun, ind.target, strict=True):
                        target[tahun] = nilai_target(t)
                    indikator[nama] = HarapanIndikator(nama, rapi(s.teks), rapi(ind.satuan), formulasi,
                                                       isinstance(ind.formulasi, Pecahan), target)
    ttd = penanda_profil(d)
    profil: dict[str, object] = {"instansi": d.unit, "kabupaten": d.kabupaten}
    if d.tahun is not None:
        profil["tahun"] = d.tahun
    if ttd is not None:
        profil.update(jabatan_kepala=ttd.jabatan_satu_baris, nama_kepala=ttd.nama,
                      pangkat=f"{ttd.pangkat} {ttd.golongan}", nip=ttd.nip, tempat=ttd.tempat,
                      tanggal=ttd.tanggal)
    lain = (f"{ttd.pangkat_tertulis} {ttd.golongan}",) if ttd is not None and ttd.pangkat_tertulis else ()
    jabatan = (ttd.jabatan.split("\n")[0],) if ttd is not None and "\n" in ttd.jabatan else ()
    return Harapan(d.nama, tuple(sasaran), tuple(indikator.values()), profil, lain, jabatan)


# ---- the documents ----------------------------------------------------------------------------

_K = Kolom

# 1. A Camat's decree (SK) with the IKU as its lampiran: ruled, several pages, repeated header,
#    "(1) (2) ..." row, merged Sasaran cells, "Target" spanning 5 year columns, date without a day.
_SUKAMAJU_TTD = TandaTangan(
    tempat="Sukamaju", tanggal_teks="Januari 2017", tanggal=None, jabatan="CAMAT SUKAMAJU",
    nama="Drs. H. ASEP SAEPUL RAHMAN, M.Si", pangkat="Pembina Tk. I", golongan="IV/b",
    nip="19700209 199003 1 002", gaya="br", format_pangkat="{pangkat}\n{golongan}")

SK_SUKAMAJU = Dokumen(
    nama="sk_camat_sukamaju_2017",
    unit="KECAMATAN SUKAMAJU", kabupaten="KABUPATEN CIANJUR", tahun=2017,
    catatan="SK Camat + lampiran IKU 3 halaman: header berulang, baris (1) (2) ..., Sasaran vMerge, "
            "Target gridSpan 2017-2021, baris terpotong halaman, tanggal tanpa hari, kop dan nomor halaman",
    kop=("PEMERINTAH KABUPATEN CIANJUR", "KECAMATAN SUKAMAJU",
         "Jl. Raya Sukamaju No. 12 Telp. (0263) 512345 Kode Pos 43253"),
    pembuka=(
        "KEPUTUSAN CAMAT SUKAMAJU",
        "NOMOR : 050/ 17 /Kec.Skmj/2017",
        "TENTANG",
        "PENETAPAN INDIKATOR KINERJA UTAMA (IKU)\nKECAMATAN SUKAMAJU",
        "CAMAT SUKAMAJU,",
        "Menimbang\t:\ta.\tbahwa dalam rangka pelaksanaan Peraturan Menteri Pendayagunaan Aparatur Negara "
        "dan Reformasi Birokrasi Nomor 53 Tahun 2014, setiap instansi pemerintah perlu menetapkan "
        "Indikator Kinerja Utama di lingkungan unit kerjanya;",
        "\t\tb.\tbahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a, perlu menetapkan "
        "Keputusan Camat Sukamaju tentang Penetapan Indikator Kinerja Utama (IKU) Kecamatan Sukamaju;",
        "Mengingat\t:\t1.\tUndang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
        "\t\t2.\tPeraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
        "Pemerintah;",
        "\t\t3.\tPeraturan Daerah Kabupaten Cianjur Nomor 5 Tahun 2016 tentang Rencana Pembangunan "
        "Jangka Menengah Daerah Tahun 2016-2021;",
        "MEMUTUSKAN :",
        "Menetapkan\t:\tKEPUTUSAN CAMAT SUKAMAJU TENTANG PENETAPAN INDIKATOR KINERJA UTAMA (IKU) "
        "KECAMATAN SUKAMAJU.",
        "KESATU\t:\tMenetapkan Indikator Kinerja Utama (IKU) Kecamatan Sukamaju sebagaimana tercantum "
        "dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
        "KEDUA\t:\tIKU sebagaimana dimaksud pada Diktum KESATU menjadi acuan dalam penyusunan Rencana "
        "Kinerja Tahunan, Perjanjian Kinerja dan Laporan Kinerja Kecamatan Sukamaju.",
        "KETIGA\t:\tKeputusan ini mulai berlaku pada tanggal ditetapkan.",
    ),
    ttd_pembuka=_SUKAMAJU_TTD,
    sela=("LAMPIRAN\t: KEPUTUSAN CAMAT SUKAMAJU\nNOMOR\t: 050/ 17 /Kec.Skmj/2017\nTANGGAL\t: Januari 2017",),
    tabel=(Tabel(
        judul=("INDIKATOR KINERJA UTAMA (IKU)", "KECAMATAN SUKAMAJU", "KABUPATEN CIANJUR"),
        kolom=(_K("no", "No.", 1.0), _K("sasaran", "Sasaran Strategis", 3.6),
               _K("indikator", "Indikator Kinerja Utama", 4.4), _K("satuan", "Satuan", 1.9),
               _K("formulasi", "Formulasi / Cara Pengukuran", 5.3), _K("target", "Target", 1.3),
               _K("sumber_data", "Sumber Data", 2.4), _K("penanggung_jawab", "Penanggung Jawab", 2.6)),
        tahun=(2017, 2018, 2019, 2020, 2021),
        ttd=(_SUKAMAJU_TTD,),
        sasaran=(
            Sasaran("Meningkatnya kualitas pelayanan administrasi dan perizinan di Kecamatan Sukamaju", (
                Ind("Persentase permohonan layanan administrasi terpadu kecamatan (PATEN) yang "
                    "diselesaikan tepat waktu", "%", ("85", "87,5", "90", "92,5", "95"),
                    "Jumlah permohonan PATEN yang diselesaikan sesuai waktu dalam Standar Pelayanan\n"
                    "dibagi jumlah seluruh permohonan PATEN yang diterima pada tahun berjalan,\n"
                    "dikali 100 %",
                    sumber_data="Register layanan PATEN", penanggung_jawab="Seksi Pelayanan Umum"),
                Ind("Persentase permohonan rekomendasi perizinan yang diproses sesuai standar pelayanan",
                    "%", ("80", "82,5", "85", "87,5", "90"),
                    "Jumlah rekomendasi perizinan yang diproses sesuai standar pelayanan dibagi jumlah "
                    "seluruh permohonan rekomendasi perizinan, dikali 100 %",
                    sumber_data="Buku agenda perizinan", penanggung_jawab="Seksi Pelayanan Umum"),
                Ind("Indeks Kepuasan Masyarakat terhadap pelayanan kecamatan", "Indeks",
                    ("76,61", "78", "80", "82", "84"),
                    "Hasil Survei Kepuasan Masyarakat terhadap 9 (sembilan) unsur pelayanan sesuai "
                    "Peraturan Menteri PANRB Nomor 14 Tahun 2017, nilai interval dikonversi ke skala "
                    "25-100",
                    sumber_data="Laporan Survei Kepuasan Masyarakat", penanggung_jawab="Sekretaris Kecamatan"),
            )),
            Sasaran("Meningkatnya ketentraman, ketertiban umum dan perlindungan masyarakat", (
                Ind("Persentase gangguan ketentraman dan ketertiban umum yang tertangani", "%",
                    ("75", "80", "85", "90", "95"),
                    "Jumlah kejadian gangguan trantibum yang ditangani oleh Satpol PP kecamatan "
                    "bersama unsur Muspika dibagi jumlah seluruh kejadian gangguan trantibum yang "
                    "dilaporkan dalam satu tahun, dikali 100 %",
                    sumber_data="Laporan kejadian trantibum", penanggung_jawab="Seksi Ketentraman dan Ketertiban"),
                Ind("Jumlah pos ronda\n(siskamling) yang aktif", "Pos", ("40", "45", "50", "55", "60"),
                    "Banyaknya pos ronda di desa yang melaksanakan jadwal ronda paling sedikit 4 (empat) "
                    "malam dalam satu minggu berdasarkan laporan kepala desa",
                    sumber_data="Laporan desa", penanggung_jawab="Seksi Ketentraman dan Ketertiban"),
                Ind("Persentase pelanggaran peraturan daerah yang ditindaklanjuti", "%",
                    ("70-75", "75-80", "80-85", "85-90", "90-95"),
                    "Jumlah pelanggaran perda (bangunan tanpa izin, pedagang kaki lima di badan jalan, "
                    "reklame liar) yang ditindaklanjuti dengan teguran atau penertiban dibagi jumlah "
                    "pelanggaran yang ditemukan, dikali 100 %",
                    sumber_data="Laporan penertiban", penanggung_jawab="Seksi Ketentraman dan Ketertiban"),
            )),
            Sasaran("Meningkatnya partisipasi masyarakat dalam perencanaan pembangunan dan "
                    "pemberdayaan masyarakat desa", (
                Ind("Persentase usulan Musrenbang kecamatan yang diakomodir dalam RKPD", "%",
                    ("30", "32", "35", "37", "40"),
                    "Jumlah usulan hasil Musrenbang kecamatan yang tercantum dalam Rencana Kerja "
                    "Pemerintah Daerah dibagi jumlah seluruh usulan prioritas Musrenbang kecamatan yang "
                    "disampaikan kepada Bappeda, dikali 100 %",
                    sumber_data="Berita acara Musrenbang, dokumen RKPD", penanggung_jawab="Seksi Pemberdayaan Masyarakat"),
                Ind("Persentase desa yang menyampaikan laporan pertanggungjawaban APBDes tepat waktu", "%",
                    ("60", "70", "80", "90", "100"),
                    "Jumlah desa yang menyampaikan LPJ APBDes paling lambat akhir bulan Maret tahun "
                    "berikutnya dibagi jumlah desa di Kecamatan Sukamaju (12 desa), dikali 100 %",
                    sumber_data="Register LPJ desa", penanggung_jawab="Seksi Pemerintahan"),
                Ind("Jumlah kegiatan pembinaan lembaga kemasyarakatan desa", "Kegiatan",
                    ("12", "12", "14", "14", "16"),
                    "Banyaknya kegiatan pembinaan PKK, LPM, Karang Taruna dan RT/RW yang dilaksanakan "
                    "kecamatan dalam satu tahun",
                    sumber_data="Laporan kegiatan", penanggung_jawab="Seksi Pemberdayaan Masyarakat"),
            )),
            Sasaran("Meningkatnya akuntabilitas kinerja dan keuangan Kecamatan Sukamaju", (
                Ind("Persentase dokumen perencanaan dan pelaporan kinerja yang disusun tepat waktu", "%",
                    ("100", "100", "100", "100", "100"),
                    "Jumlah dokumen Renja, Perjanjian Kinerja, LKjIP dan laporan keuangan yang disampaikan "
                    "sesuai jadwal dibagi jumlah dokumen yang wajib disusun, dikali 100 %",
                    sumber_data="Sub Bagian Program dan Keuangan", penanggung_jawab="Sekretaris Kecamatan"),
                Ind("Persentase realisasi anggaran kecamatan", "%", ("90", "92", "93", "94", "95"),
                    "Realisasi belanja langsung dan tidak langsung kecamatan dibagi pagu anggaran dalam "
                    "DPA tahun berjalan, dikali 100 %",
                    sumber_data="Laporan realisasi anggaran", penanggung_jawab="Sub Bagian Program dan Keuangan"),
            )),
        ),
    ),),
)


# 2. A Renstra's IKU: 5 yearly targets, a Polaritas column, grade targets, formulasi as Word
#    equations (OMML fractions followed by "x 100 %"), acting head ("Plt.").
RENSTRA_DINKES = Dokumen(
    nama="renstra_dinkes_majalengka_2025_2029",
    unit="DINAS KESEHATAN", kabupaten="KABUPATEN MAJALENGKA", tahun=None,
    catatan="IKU Renstra 2025-2029: 5 target tahunan, kolom Polaritas, target predikat (Nilai AKIP), "
            "formulasi sebagai persamaan Word (m:f) + 'x 100 %', Plt. Kepala Dinas",
    kop=("PEMERINTAH KABUPATEN MAJALENGKA", "DINAS KESEHATAN"),
    tabel=(Tabel(
        judul=("INDIKATOR KINERJA UTAMA", "DINAS KESEHATAN KABUPATEN MAJALENGKA",
               "RENCANA STRATEGIS PERIODE 2025-2029"),
        kolom=(_K("no", "No", 0.9), _K("sasaran", "Sasaran Strategis", 3.8),
               _K("indikator", "Indikator Kinerja Utama", 4.2), _K("satuan", "Satuan", 1.8),
               _K("polaritas", "Polaritas", 1.8), _K("formulasi", "Formulasi", 6.4),
               _K("target", "Target Kinerja", 1.4), _K("penanggung_jawab", "Penanggung Jawab", 2.6)),
        tahun=(2025, 2026, 2027, 2028, 2029), penomoran=False,
        ttd=(TandaTangan(
            tempat="Majalengka", tanggal_teks="15 Juli 2025", tanggal=dt.date(2025, 7, 15),
            jabatan="Plt. KEPALA DINAS KESEHATAN\nKABUPATEN MAJALENGKA", nama="dr. HJ. RINA MARLINA, M.Kes",
            pangkat="Pembina Utama Muda", golongan="IV/c", nip="19750312 200212 2 004",
            gaya="paragraf", format_pangkat="{pangkat} ({golongan})"),),
        sasaran=(
            Sasaran("Meningkatnya derajat kesehatan\nibu dan anak", (
                Ind("Angka Kematian Ibu (AKI) per 100.000 kelahiran hidup", "Per 100.000 KH",
                    ("98", "95", "92", "89", "85"),
                    Pecahan("Jumlah kematian ibu", "Jumlah kelahiran hidup", "x 100.000"),
                    polaritas="Negatif", penanggung_jawab="Bidang Kesehatan Masyarakat"),
                Ind("Prevalensi balita stunting", "%", ("18,5", "17", "15,5", "14", "12,5"),
                    Pecahan("Jumlah balita stunting", "Jumlah balita yang diukur"),
                    polaritas="Negatif", penanggung_jawab="Bidang Kesehatan Masyarakat"),
                Ind("Cakupan imunisasi dasar lengkap pada bayi", "%", ("92", "93", "94", "95", "95"),
                    Pecahan("Jumlah bayi dengan IDL", "Jumlah bayi sasaran"),
                    polaritas="Positif", penanggung_jawab="Bidang Pencegahan dan Pengendalian Penyakit"),
            )),
            Sasaran("Meningkatnya mutu dan akses pelayanan kesehatan dasar dan rujukan", (
                Ind("Persentase puskesmas terakreditasi paripurna", "%", ("20", "30", "40", "50", "60"),
                    Pecahan("Jumlah puskesmas paripurna", "Jumlah puskesmas"),
                    polaritas="Positif", penanggung_jawab="Bidang Pelayanan Kesehatan"),
                Ind("Persentase penduduk yang terdaftar sebagai peserta JKN", "%",
                    ("95", "96", "97", "98", "98,5"),
                    Pecahan("Jumlah peserta JKN", "Jumlah penduduk"),
                    polaritas="Positif", penanggung_jawab="Bidang Pelayanan Kesehatan"),
                Ind("Indeks Kepuasan Masyarakat terhadap pelayanan puskesmas", "Nilai",
                    ("82", "83", "84", "85", "86"),
                    "Rata-rata nilai IKM seluruh puskesmas hasil survei kepuasan masyarakat sesuai "
                    "PermenPANRB Nomor 14 Tahun 2017",
                    polaritas="Positif", penanggung_jawab="Sekretariat"),
            )),
            Sasaran("Meningkatnya akuntabilitas kinerja Dinas Kesehatan", (
                Ind("Nilai AKIP Dinas Kesehatan", "Predikat", ("B", "BB", "BB", "A", "A"),
                    "Hasil evaluasi akuntabilitas kinerja instansi pemerintah oleh Inspektorat "
                    "Kabupaten Majalengka",
                    polaritas="Positif", penanggung_jawab="Sekretariat"),
            )),
        ),
    ),),
)

# 3. Two years in one document, each table signed by a different head: Profil takes 2023's.
_KESBANGPOL = "BADAN KESATUAN BANGSA DAN POLITIK"
_KOLOM_KESBANGPOL = (
    _K("no", "NO", 0.9), _K("sasaran", "SASARAN STRATEGIS", 3.6), _K("indikator", "INDIKATOR KINERJA UTAMA", 4.2),
    _K("satuan", "SATUAN", 1.6), _K("target", "TARGET", 1.6), _K("alasan", "ALASAN", 5.0),
    _K("formulasi", "FORMULASI", 5.0), _K("sumber_data", "SUMBER DATA", 2.4))


def _kesbangpol(tahun: int, target: tuple[str, str, str, str]) -> tuple[Sasaran, ...]:
    return (
        Sasaran("Meningkatnya kewaspadaan dini dan penanganan konflik sosial di masyarakat", (
            Ind("Persentase potensi konflik sosial yang tertangani", "%", (target[0],),
                alasan="Untuk mengukur kemampuan pemerintah daerah dalam mencegah potensi konflik\n"
                       "berkembang menjadi konflik terbuka",
                formulasi="(Jumlah potensi konflik yang tertangani / Jumlah potensi konflik yang "
                          "terdeteksi) x 100 %",
                sumber_data="Laporan FKDM dan Tim Terpadu"),
            Ind("Jumlah kejadian konflik sosial", "Kejadian", (target[1],),
                alasan="Konflik sosial terbuka mengganggu stabilitas daerah",
                formulasi="Jumlah kejadian konflik sosial terbuka yang tercatat dalam satu tahun",
                sumber_data="Laporan Tim Terpadu Penanganan Konflik Sosial"),
        )),
        Sasaran("Meningkatnya partisipasi politik dan wawasan kebangsaan masyarakat", (
            Ind("Persentase partai politik yang menyampaikan laporan pertanggungjawaban dana bantuan "
                "keuangan tepat waktu", "%", (target[2],),
                alasan="Akuntabilitas penggunaan bantuan keuangan partai politik dari APBD",
                formulasi="(Jumlah partai politik penerima bantuan yang menyampaikan LPJ tepat waktu / "
                          "Jumlah partai politik penerima bantuan) x 100 %",
                sumber_data="Bidang Politik Dalam Negeri"),
            Ind("Indeks wawasan kebangsaan masyarakat", "Indeks", (target[3],),
                alasan="Mengukur pemahaman masyarakat terhadap Pancasila, UUD 1945, NKRI dan Bhinneka "
                       "Tunggal Ika",
                formulasi="Hasil survei wawasan kebangsaan dengan skala 0-100",
                sumber_data="Hasil survei"),
        )),
    )


IKU_KESBANGPOL = Dokumen(
    nama="iku_kesbangpol_tasikmalaya_2022_2023",
    unit=_KESBANGPOL, kabupaten="KOTA TASIKMALAYA", tahun=2023,
    catatan="Dua tabel (IKU TAHUN 2022, IKU TAHUN 2023) dengan dua penanda tangan berbeda; Profil "
            "mengambil penanda tangan 2023; kolom Target tanpa tahun (tahun di judul)",
    kop=("PEMERINTAH KOTA TASIKMALAYA", _KESBANGPOL),
    tabel=(
        Tabel(judul=("INDIKATOR KINERJA UTAMA (IKU) TAHUN 2022", f"{_KESBANGPOL} KOTA TASIKMALAYA"),
              kolom=_KOLOM_KESBANGPOL, tahun=(2022,), target_dua_baris=False, target_tanpa_tahun=True,
              sasaran=_kesbangpol(2022, ("85", "3", "100", "70")),
              ttd=(TandaTangan(
                  tempat="Tasikmalaya", tanggal_teks="3 Januari 2022", tanggal=dt.date(2022, 1, 3),
                  jabatan="KEPALA BADAN KESATUAN BANGSA DAN POLITIK\nKOTA TASIKMALAYA",
                  nama="Drs. DEDI SUPRIADI, M.Si", pangkat="Pembina Utama Muda", golongan="IV/c",
                  nip="19680517 198903 1 005", gaya="br"),)),
        Tabel(judul=("INDIKATOR KINERJA UTAMA (IKU) TAHUN 2023", f"{_KESBANGPOL} KOTA TASIKMALAYA"),
              kolom=_KOLOM_KESBANGPOL, tahun=(2023,), target_dua_baris=False, target_tanpa_tahun=True,
              sasaran=_kesbangpol(2023, ("87,5", "2", "100", "72,5")),
              ttd=(TandaTangan(
                  tempat="Tasikmalaya", tanggal_teks="2 Januari 2023", tanggal=dt.date(2023, 1, 2),
                  jabatan="Plt. KEPALA BADAN KESATUAN BANGSA DAN POLITIK\nKOTA TASIKMALAYA",
                  nama="H. RUDI HARTONO, S.IP., M.Si", pangkat="Pembina Tk. I", golongan="IV/b",
                  nip="19760823 199602 1 001", gaya="br"),)),
    ),
)

# 4. Packed cells (two numbered indicators in one cell, their targets "BB" and "90 %" in one
#    target cell), a "Penjelasan/Alasan/Formulasi" header, tabs, a typo in the rank.
IKU_CIBODAS = Dokumen(
    nama="iku_kecamatan_cibodas_2024",
    unit="KECAMATAN CIBODAS", kabupaten="KOTA TANGERANG", tahun=2024,
    catatan="Sel berisi dua indikator bernomor (1. … 2. …) dengan target 'BB' dan '90 %' dalam satu sel, "
            "judul kolom 'Penjelasan/Alasan/Formulasi', tab di sel, salah ketik pangkat 'Pembna Tk. I'",
    kop=("PEMERINTAH KOTA TANGERANG", "KECAMATAN CIBODAS"),
    tabel=(Tabel(
        judul=("INDIKATOR KINERJA UTAMA (IKU)", "KECAMATAN CIBODAS KOTA TANGERANG", "TAHUN 2024"),
        kolom=(_K("no", "No", 0.9), _K("sasaran", "Sasaran", 3.6), _K("indikator", "Indikator Kinerja", 4.6),
               _K("satuan", "Satuan", 1.8), _K("formulasi", "Penjelasan/Alasan/Formulasi", 6.2),
               _K("target", "Target", 1.5), _K("penanggung_jawab", "Penanggung Jawab", 2.8)),
        tahun=(2024, 2025, 2026), target_dua_baris=False, penomoran=True,
        ttd=(TandaTangan(
            tempat="Cibodas", tanggal_teks="5 Januari 2024", tanggal=dt.date(2024, 1, 5),
            jabatan="CAMAT CIBODAS", nama="AHMAD SYAIFULLOH, S.STP., M.Si", pangkat="Pembina Tk. I",
            pangkat_tertulis="Pembna Tk. I", golongan="", nip="19810714 200012 1 002",
            gaya="paragraf", tab=True, format_pangkat="{pangkat}"),),
        sasaran=(
            Sasaran("Meningkatnya akuntabilitas kinerja Kecamatan Cibodas", (
                Paket((
                    Ind("Nilai SAKIP Kecamatan Cibodas", "Predikat", ("BB", "BB", "A"),
                        "Hasil evaluasi SAKIP oleh Inspektorat Kota Tangerang",
                        penanggung_jawab="Sekretaris Kecamatan"),
                    Ind("Persentase rekomendasi hasil evaluasi SAKIP yang ditindaklanjuti", "%",
                        ("90 %", "95 %", "100 %"),
                        "Jumlah rekomendasi yang ditindaklanjuti / Jumlah rekomendasi hasil evaluasi x 100 %",
                        penanggung_jawab="Sekretaris Kecamatan"),
                )),
                Ind("Persentase realisasi fisik kegiatan kecamatan", "%", ("95", "97", "100"),
                    "Mengukur pelaksanaan kegiatan sesuai rencana; rumus: jumlah kegiatan yang "
                    "terealisasi 100 % / jumlah kegiatan dalam DPA x 100 %",
                    penanggung_jawab="Subbag Perencanaan dan Keuangan"),
            )),
            Sasaran("Meningkatnya kualitas pelayanan publik di kecamatan dan kelurahan", (
                Ind("Indeks Kepuasan Masyarakat Kecamatan Cibodas", "Indeks", ("83", "83,5", "84"),
                    "Penilaian masyarakat atas layanan kecamatan melalui Survei Kepuasan Masyarakat; "
                    "IKM = jumlah NRR tertimbang x 25",
                    penanggung_jawab="Seksi Pelayanan"),
                Ind("Persentase pengaduan masyarakat melalui aplikasi LAKSA yang diselesaikan", "%",
                    ("80-90", "85-95", "90-100"),
                    "Jumlah pengaduan LAKSA yang diselesaikan / Jumlah pengaduan LAKSA yang diterima x 100 %",
                    penanggung_jawab="Seksi Pelayanan"),
            )),
        ),
    ),),
)

# 5. A table without any border (an unruled PDF), content controls around cells, one row and the
#    signer's name, Sasaran written once per group (no merge), one target year.
IKU_DISDIK = Dokumen(
    nama="iku_disdik_bandung_barat_2024",
    unit="DINAS PENDIDIKAN", kabupaten="KABUPATEN BANDUNG BARAT", tahun=2024, landscape=False, kaki=False,
    catatan="Tabel tanpa garis, content control (w:sdt) di sel, satu baris dan nama pejabat, Sasaran "
            "hanya di baris pertama kelompoknya, satu tahun target, potret",
    kop=("PEMERINTAH KABUPATEN BANDUNG BARAT", "DINAS PENDIDIKAN"),
    tabel=(Tabel(
        judul=("INDIKATOR KINERJA UTAMA", "DINAS PENDIDIKAN KABUPATEN BANDUNG BARAT", "TAHUN 2024"),
        kolom=(_K("no", "No", 0.8), _K("sasaran", "Sasaran Strategis", 3.6),
               _K("indikator", "Indikator Kinerja Utama", 4.6), _K("satuan", "Satuan", 1.6),
               _K("target", "Target", 1.6), _K("sumber_data", "Sumber Data", 3.0)),
        tahun=(2024,), target_dua_baris=False, penomoran=False, garis=False, gabung_sasaran=False, sdt=True,
        ttd=(TandaTangan(
            tempat="Ngamprah", tanggal_teks="8 Januari 2024", tanggal=dt.date(2024, 1, 8),
            jabatan="KEPALA DINAS PENDIDIKAN\nKABUPATEN BANDUNG BARAT", nama="Dr. H. IWAN SETIAWAN, M.Pd",
            pangkat="Pembina Utama Muda", golongan="IV/c", nip="19690401 199403 1 006",
            gaya="paragraf", sdt_nama=True, format_pangkat="{pangkat}, {golongan}", format_nip="NIP {nip}"),),
        sasaran=(
            Sasaran("Meningkatnya akses pendidikan dasar", (
                Ind("Angka Partisipasi Murni SD/MI", "%", ("98,5",), sumber_data="Dapodik dan EMIS"),
                Ind("Angka Partisipasi Murni SMP/MTs", "%", ("82,4",), sumber_data="Dapodik dan EMIS"),
                Ind("Angka putus sekolah jenjang SMP", "%", ("0,12",), sumber_data="Dapodik"),
            )),
            Sasaran("Meningkatnya mutu pendidikan", (
                Ind("Persentase satuan pendidikan SD dan SMP terakreditasi minimal B", "%", ("87",),
                    sumber_data="BAN S/M"),
                Ind("Rata-rata nilai Asesmen Nasional literasi jenjang SMP", "Nilai", ("55-60",),
                    sumber_data="Rapor Pendidikan"),
                Ind("Persentase guru bersertifikat pendidik", "%", ("68",), sumber_data="Dapodik, SIMPKB"),
            )),
        ),
    ),),
)

# 6. Inspektorat: a nested table inside a cell, Opini BPK and Nilai AKIP grades, "Cara Pengukuran"
#    header, a signature set in a borderless table.
IKU_INSPEKTORAT = Dokumen(
    nama="iku_inspektorat_banjar_2023",
    unit="INSPEKTORAT", kabupaten="KOTA BANJAR", tahun=2023,
    catatan="Tabel bersarang di sel Penanggung Jawab, target Opini 'WTP' dan Nilai AKIP 'BB', judul "
            "'Cara Pengukuran', tanda tangan di tabel tanpa garis",
    kop=("PEMERINTAH KOTA BANJAR", "INSPEKTORAT DAERAH"),
    tabel=(Tabel(
        judul=("INDIKATOR KINERJA UTAMA (IKU)", "INSPEKTORAT KOTA BANJAR", "TAHUN 2023"),
        kolom=(_K("no", "No", 0.9), _K("sasaran", "Sasaran Strategis", 3.8),
               _K("indikator", "Indikator Kinerja", 4.4), _K("satuan", "Satuan", 1.8),
               _K("formulasi", "Cara Pengukuran", 5.6), _K("target", "Target", 1.5),
               _K("penanggung_jawab", "Penanggung Jawab", 3.0)),
        tahun=(2023, 2024),
        ttd=(TandaTangan(
            tempat="Banjar", tanggal_teks="10 Januari 2023", tanggal=dt.date(2023, 1, 10),
            jabatan="INSPEKTUR KOTA BANJAR", nama="Drs. ENDANG KUSNADI, M.M", pangkat="Pembina Utama Muda",
            golongan="IV/c", nip="19661120 198603 1 003", gaya="tabel"),),
        sasaran=(
            Sasaran("Meningkatnya kualitas tata kelola keuangan Pemerintah Kota Banjar", (
                Ind("Opini BPK atas Laporan Keuangan Pemerintah Daerah", "Opini", ("WTP", "WTP"),
                    "Opini Badan Pemeriksa Keuangan atas LKPD tahun sebelumnya",
                    penanggung_jawab="Inspektur Pembantu I; Inspektur Pembantu II", pj_bersarang=True),
                Ind("Persentase rekomendasi hasil pemeriksaan BPK yang ditindaklanjuti", "%", ("80-90", "85-95"),
                    "Jumlah rekomendasi BPK yang telah ditindaklanjuti sesuai / jumlah seluruh "
                    "rekomendasi BPK x 100 %",
                    penanggung_jawab="Inspektur Pembantu II"),
            )),
            Sasaran("Meningkatnya akuntabilitas kinerja perangkat daerah", (
                Ind("Nilai AKIP Pemerintah Kota Banjar", "Predikat", ("BB", "BB"),
                    "Hasil evaluasi SAKIP oleh Kementerian PANRB",
                    penanggung_jawab="Inspektur Pembantu I"),
                Ind("Level maturitas SPIP", "Level", ("3", "3,5"),
                    "Hasil penilaian maturitas SPIP oleh BPKP Perwakilan Jawa Barat",
                    penanggung_jawab="Sekretaris"),
                Ind("Kapabilitas APIP", "Level", ("3", "3"),
                    "Hasil penilaian Internal Audit Capability Model (IACM) oleh BPKP",
                    penanggung_jawab="Sekretaris"),
            )),
        ),
    ),),
)

# 7. A Kelurahan: a short portrait table, "Ditetapkan di / Pada tanggal" date lines, no numbering
#    row, no page footer.
IKU_SUKAHATI = Dokumen(
    nama="iku_kelurahan_sukahati_2025",
    unit="KELURAHAN SUKAHATI", kabupaten="KABUPATEN BOGOR", tahun=2025, landscape=False, kaki=False,
    catatan="Kelurahan, tabel potret pendek, 'Ditetapkan di : … / Pada tanggal : …', sumber data dan "
            "penanggung jawab, satu tahun target",
    kop=(),
    pembuka=("INDIKATOR KINERJA UTAMA", "KELURAHAN SUKAHATI KECAMATAN CIBINONG", "KABUPATEN BOGOR",
             "TAHUN 2025"),
    tabel=(Tabel(
        kolom=(_K("no", "No.", 0.8), _K("sasaran", "Sasaran", 3.4), _K("indikator", "Indikator Kinerja", 4.4),
               _K("satuan", "Satuan", 1.6), _K("target", "Target", 1.6),
               _K("penanggung_jawab", "Penanggung Jawab", 2.8)),
        tahun=(2025,), target_dua_baris=False, penomoran=False,
        ttd=(TandaTangan(
            tempat="Cibinong", tanggal_teks="6 Januari 2025", tanggal=dt.date(2025, 1, 6),
            jabatan="LURAH SUKAHATI", nama="SITI NURHASANAH, S.Sos", pangkat="Penata Tk. I", golongan="III/d",
            nip="19830506 201001 2 015", gaya="paragraf", gaya_tanggal="ditetapkan",
            format_pangkat="{pangkat} ({golongan})"),),
        sasaran=(
            Sasaran("Meningkatnya kualitas pelayanan kelurahan", (
                Ind("Persentase surat pengantar dan keterangan yang selesai dalam 1 hari kerja", "%", ("95",),
                    penanggung_jawab="Seksi Pelayanan"),
                Ind("Indeks Kepuasan Masyarakat Kelurahan Sukahati", "Indeks", ("85",),
                    penanggung_jawab="Sekretaris Kelurahan"),
            )),
            Sasaran("Meningkatnya kebersihan dan ketertiban lingkungan", (
                Ind("Jumlah RW yang melaksanakan bank sampah", "RW", ("12",),
                    penanggung_jawab="Seksi Ekonomi dan Pembangunan"),
                Ind("Persentase titik rawan genangan yang tertangani", "%", ("60-70",),
                    penanggung_jawab="Seksi Ekonomi dan Pembangunan"),
                Ind("Jumlah kegiatan kerja bakti lingkungan", "Kegiatan", ("24",),
                    penanggung_jawab="Seksi Trantib"),
            )),
        ),
    ),),
)

# 8. An RSUD: a baseline column "Kondisi Awal 2023" next to the targets (a number that is NOT a
#    target), a "Keterangan" column, "Definisi Operasional" as the formulasi header, Sasaran not
#    merged but repeated on every row, signer with a long academic title.
IKU_RSUD = Dokumen(
    nama="iku_rsud_sumedang_2024_2026",
    unit="RSUD SUMEDANG", kabupaten="KABUPATEN SUMEDANG", tahun=2024,
    catatan="Kolom 'Kondisi Awal 2023' (bukan target), kolom Keterangan, judul 'Definisi Operasional', "
            "Sasaran ditulis ulang di setiap baris, target 2024-2026 di bawah 'Target Kinerja', sel berisi "
            "dua indikator bernomor dipisah Shift+Enter (target 'WTP' dan angka)",
    kop=("PEMERINTAH KABUPATEN SUMEDANG", "RUMAH SAKIT UMUM DAERAH SUMEDANG"),
    tabel=(Tabel(
        judul=("INDIKATOR KINERJA UTAMA (IKU) TAHUN 2024", "RSUD SUMEDANG KABUPATEN SUMEDANG"),
        kolom=(_K("no", "No", 0.8), _K("sasaran", "Sasaran Strategis", 3.4), _K("indikator", "Indikator Kinerja", 4.2),
               _K("formulasi", "Definisi Operasional", 5.4), _K("satuan", "Satuan", 1.6),
               _K("kondisi_awal", "Kondisi Awal 2023", 1.8), _K("target", "Target Kinerja", 1.4),
               _K("keterangan", "Keterangan", 2.4)),
        tahun=(2024, 2025, 2026), penomoran=True, gabung_sasaran=False, ulang_sasaran=True,
        ttd=(TandaTangan(
            tempat="Sumedang", tanggal_teks="4 Januari 2024", tanggal=dt.date(2024, 1, 4),
            jabatan="DIREKTUR RSUD KABUPATEN SUMEDANG", nama="dr. H. BAMBANG SUKMAJAYA, Sp.PD., M.M.R.S",
            pangkat="Pembina Utama Muda", golongan="IV/c", nip="19710915 200012 1 003",
            gaya="paragraf", format_pangkat="{pangkat} - {golongan}", format_nip="NIP : {nip}"),),
        sasaran=(
            Sasaran("Meningkatnya mutu pelayanan kesehatan rujukan", (
                Ind("Bed Occupancy Rate (BOR)", "%", ("70-80", "70-80", "75-85"),
                    "Jumlah hari perawatan / (jumlah tempat tidur x jumlah hari dalam satu periode) x 100 %",
                    kondisi_awal="68,4", keterangan="Standar Kemenkes 60-85 %"),
                Ind("Angka kematian pasien lebih dari 48 jam (Net Death Rate)", "Permil", ("25", "24", "23"),
                    "Jumlah pasien meninggal lebih dari 48 jam dirawat / jumlah pasien keluar (hidup dan "
                    "mati) x 1000",
                    polaritas="", kondisi_awal="26,7", keterangan="Polaritas negatif"),
                Ind("Persentase pemenuhan indikator nasional mutu rumah sakit", "%", ("85", "90", "95"),
                    "Jumlah indikator nasional mutu yang mencapai standar / 13 indikator nasional mutu x 100 %",
                    kondisi_awal="76,9"),
            )),
            Sasaran("Meningkatnya kemandirian keuangan BLUD", (
                Ind("Rasio pendapatan BLUD terhadap biaya operasional (cost recovery rate)", "%",
                    ("92", "95", "100"),
                    "Pendapatan operasional BLUD / biaya operasional di luar gaji ASN x 100 %",
                    kondisi_awal="88,2"),
                Paket((
                    Ind("Opini auditor independen atas laporan keuangan BLUD", "Opini", ("WTP", "WTP", "WTP"),
                        "Opini Kantor Akuntan Publik atas laporan keuangan BLUD tahun sebelumnya",
                        kondisi_awal="WTP"),
                    Ind("Persentase tindak lanjut rekomendasi auditor", "%", ("80", "85", "90"),
                        "Jumlah rekomendasi yang ditindaklanjuti / jumlah rekomendasi auditor x 100 %",
                        kondisi_awal="72"),
                ), pemisah="\n"),
            )),
        ),
    ),),
)

DOKUMEN: tuple[Dokumen, ...] = (SK_SUKAMAJU, RENSTRA_DINKES, IKU_KESBANGPOL, IKU_CIBODAS, IKU_DISDIK,
                                IKU_INSPEKTORAT, IKU_SUKAHATI, IKU_RSUD)
