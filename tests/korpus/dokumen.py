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


@dataclass(frozen=True)
class Paket:
    """One table row whose cells hold several indicators numbered "1. … 2. …", one per line."""

    indikator: tuple[Ind, ...]
    gabung_sumber: str = ""  # one shared Sumber Data text (not numbered)


@dataclass(frozen=True)
class Sasaran:
    teks: str
    baris: tuple[Ind | Paket, ...]


@dataclass(frozen=True)
class Kolom:
    """A table column: its role and its header text (``"\\n"`` for a break)."""

    kunci: str  # no sasaran indikator satuan formulasi alasan sumber_data penanggung_jawab polaritas target realisasi capaian
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
    golongan: str  # "IV/b"
    nip: str  # "19700209 199003 1 002"
    pangkat_tertulis: str = ""  # as printed when it differs (a typo)
    gaya: str = "br"  # br: one paragraph, Shift+Enter lines; paragraf: one paragraph per line; tabel
    format_pangkat: str = "{pangkat}\n({golongan})"  # how rank and golongan are printed
    format_nip: str = "NIP. {nip}"
    gaya_tanggal: str = "koma"  # koma: "Tempat, tanggal"; ditetapkan: "Ditetapkan di : ..." + "Pada tanggal : ..."
    tab: bool = False  # lines indented with tabs (w:tab) instead of a right-hand table/indent

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
    sdt: bool = False  # content controls around some cells and one whole row
    ttd: tuple[TandaTangan, ...] = ()  # signature blocks after the table
    realisasi: tuple[tuple[str, ...], ...] = ()  # per indicator row: texts of realisasi/capaian columns


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
    return Harapan(d.nama, tuple(sasaran), tuple(indikator.values()), profil, lain)


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
                    "Jumlah permohonan PATEN yang diselesaikan sesuai waktu dalam Standar Pelayanan "
                    "dibagi jumlah seluruh permohonan PATEN yang diterima pada tahun berjalan, "
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
                Ind("Jumlah pos ronda (siskamling) yang aktif", "Pos", ("40", "45", "50", "55", "60"),
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

DOKUMEN: tuple[Dokumen, ...] = (SK_SUKAMAJU,)
