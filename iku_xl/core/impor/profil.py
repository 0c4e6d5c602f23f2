"""Profil from the text around an imported IKU table: titles and the signature block.

The importer (:mod:`iku_xl.core.impor.baris`) hands over every source line outside its
tables as text (``None`` for a table row, ``""`` for an empty line). Titles are the
short upper-case lines ("KECAMATAN CONTOH TAHUN 2024", "TAHUN ANGGARAN 2020"); a
signature block is read upwards from its "NIP." line: pangkat, name, jabatan, then
place and date. Nothing here guesses: a date without a day stays empty and is
reported.

>>> tahun_judul("KECAMATAN CONTOH TAHUN 2024"), tahun_judul("Undang-Undang Nomor 23 Tahun 2014")
(2024, None)
>>> unit_judul("OPD KECAMATAN SUKAMAJU KABUPATEN CONTOH")
('KECAMATAN SUKAMAJU', 'KABUPATEN CONTOH')
>>> format_nip("NIP. 197002091990031002")
'19700209 199003 1 002'
>>> hasil = baca_profil([(1, "Sukamaju, 2 Januari 2024"), (2, "CAMAT SUKAMAJU"), (3, ""),
...                      (4, "Drs. BUDI"), (5, "Pembina Tk.I/ IV.b"), (6, "NIP.19700209 199003 1 002")])
>>> p = hasil.profil
>>> p.jabatan_kepala, p.nama_kepala, p.pangkat, p.nip, p.tempat, p.tanggal
('CAMAT SUKAMAJU', 'Drs. BUDI', 'Pembina Tk.I / IV.b', '19700209 199003 1 002', 'Sukamaju', datetime.date(2024, 1, 2))
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from iku_xl.core.errors import Masalah

#: How much of a source text a message quotes.
KUTIPAN = 80
from iku_xl.core.model import Profil
from iku_xl.core.skema import PROFIL

BULAN = {"januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
         "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11,
         "desember": 12}
#: Words that open a unit's name in a title ("KECAMATAN X", "DINAS X").
JENIS_UNIT = ("KECAMATAN", "KELURAHAN", "DINAS", "BADAN", "KANTOR", "INSPEKTORAT", "SEKRETARIAT",
              "RSUD", "UPTD", "PUSKESMAS")
#: Words that open the regional government's name.
JENIS_DAERAH = ("KABUPATEN", "KOTA")
#: Words that end a name in a title.
KATA_HENTI = ("KABUPATEN", "KOTA", "PROVINSI", "TAHUN", "NOMOR", "PERIODE", "TENTANG", "ANGGARAN",
              "KECAMATAN", "PEMERINTAH", "DI")
#: Civil-service ranks (pangkat) open with one of these words.
AWALAN_PANGKAT = ("pembina", "penata", "pengatur", "juru")
#: Profil fields read from signature blocks, with the label staff see.
_LABEL = {i.field: i.label for i in PROFIL}

_NIP = re.compile(r"\bNIP\b\.?\s*:?\s*([0-9][0-9 .]*)", re.IGNORECASE)
_TAHUN = re.compile(r"\bTAHUN(?:\s+ANGGARAN)?\s*:?\s*((?:19|20|21)\d\d)\b(?!\s*(?:[-–—/]|S\.?\s*D))")
_PANGKAT = re.compile(rf"^(?:pangkat\s*:?\s*)?(?:{'|'.join(AWALAN_PANGKAT)})\b|\b(?:I{{1,3}}|IV)\s*[./]\s*[a-e]\b",
                      re.IGNORECASE)
_DITETAPKAN = re.compile(r"^ditetapkan\s+di\s*:?\s*(.+)$", re.IGNORECASE)
_TANGGAL_LABEL = re.compile(r"^(?:pada\s+)?tanggal\s*:?\s*(.+)$", re.IGNORECASE)
_TEMPAT_TANGGAL = re.compile(r"^([A-Za-z][A-Za-z .'-]{1,40}),\s*(.*\d{4})\s*\.?$")
_TGL_HURUF = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b")
_TGL_ANGKA = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_SINGKATAN_JABATAN = re.compile(r"\b(Plt|Plh|Pjs|Pj|Pt)\.\s*(?=\S)", re.IGNORECASE)


def bersih(teks: object) -> str:
    """Cell text without layout noise: markdown bold, non-breaking and repeated spaces.

    >>> bersih("  **KECAMATAN\\n CONTOH**  ")
    'KECAMATAN CONTOH'
    """
    return " ".join(str(teks or "").replace("**", "").replace("\u00a0", " ").split())




def peringatan(nomor: int, pesan: str, saran: str, kode: str | None = None) -> Masalah:
    """One entry of the "could not read" list, placed at a source row."""
    return Masalah("peringatan", pesan, saran, None, f"baris {nomor}", kode)


def adalah_judul(teks: str) -> bool:
    """A title line: short and (almost) all capitals.

    >>> adalah_judul("TAHUN ANGGARAN 2020"), adalah_judul("Pada tanggal : Januari 2020")
    (True, False)
    """
    huruf = [c for c in teks if c.isalpha()]
    return 3 <= len(huruf) and len(teks) <= 120 and sum(c.isupper() for c in huruf) >= 0.8 * len(huruf)


def tahun_judul(teks: str) -> int | None:
    """The year a title names ("TAHUN 2024", "TAHUN ANGGARAN 2020"); not a legal reference."""
    teks = bersih(teks)
    if not adalah_judul(teks) or re.search(r"\bNOMOR\b", teks, re.IGNORECASE):
        return None
    m = _TAHUN.search(teks.upper())
    return int(m[1]) if m else None


def _nama_setelah(kata: list[str], awal: tuple[str, ...]) -> str:
    for i, k in enumerate(kata):
        if k in awal:
            nama = []
            for lanjut in kata[i + 1:]:
                if lanjut in KATA_HENTI or not re.search(r"[A-Z]", lanjut):
                    break
                nama.append(lanjut)
            if nama:
                return " ".join([k, *nama]).rstrip(" :;,.")
    return ""


def unit_judul(teks: str) -> tuple[str, str]:
    """(unit, kabupaten/kota) named in a title line; "" for what it does not name."""
    teks = bersih(teks)
    if not adalah_judul(teks):
        return "", ""
    kata = [k.strip(":;,") for k in teks.upper().split()]
    return _nama_setelah(kata, JENIS_UNIT), _nama_setelah(kata, JENIS_DAERAH)


def format_nip(teks: str) -> str | None:
    """The NIP in its printed groups "yyyymmdd yyyymm g nnn"; None when it is not 18 digits."""
    m = _NIP.search(teks)
    angka = re.sub(r"\D", "", m[1] if m else teks)
    if len(angka) != 18:
        return None
    return f"{angka[:8]} {angka[8:14]} {angka[14]} {angka[15:]}"


def baca_tanggal(teks: str) -> dt.date | None:
    """A full date ("2 Januari 2024", "02-01-2024"); None when the day or month is missing.

    >>> baca_tanggal("Januari 2020") is None, baca_tanggal("31 Desember 2024")
    (True, datetime.date(2024, 12, 31))
    """
    try:
        if (m := _TGL_HURUF.search(teks)) and m[2].casefold() in BULAN:
            return dt.date(int(m[3]), BULAN[m[2].casefold()], int(m[1]))
        if m := _TGL_ANGKA.search(teks):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def _tempat_tanggal(teks: str) -> tuple[str, str] | None:
    """(place, date text) of a "Place, date" / "Ditetapkan di" / "Pada tanggal" line."""
    if m := _DITETAPKAN.match(teks):
        return m[1].strip(), ""
    if m := _TANGGAL_LABEL.match(teks):
        return "", m[1].strip()
    if m := _TEMPAT_TANGGAL.match(teks):
        return m[1].strip(), m[2].strip()
    return None


@dataclass(frozen=True)
class TandaTangan:
    """One signature block; ``*_baris`` and ``baris`` are 0-based indices of the lines read."""

    nip: str
    nip_baris: int
    nama: str = ""
    pangkat: str = ""
    jabatan: str = ""
    tempat: str = ""
    tanggal: str = ""  # as written
    tanggal_baris: int | None = None
    baris: tuple[int, ...] = field(default=())


def cari_tanda_tangan(teks: Sequence[str | None]) -> list[TandaTangan]:
    """Signature blocks in a sequence of lines (None: a table row, which ends a block).

    Each block's ``baris`` are the 0-based indices of the lines it covers.

    >>> [t.nama for t in cari_tanda_tangan(["CAMAT CONTOH", "", "BUDI, S.Sos", "NIP. 197002091990031002"])]
    ['BUDI, S.Sos']
    """
    hasil = []
    for i, baris in enumerate(teks):
        if not baris or len(_NIP.findall(baris)) != 1:
            continue
        atas = [(j, bersih(teks[j])) for j in islice(_naik(teks, i), 6)]
        blok: dict[str, str] = {}
        dipakai, tanggal_i, k = [i], None, 0

        def ambil(f: str) -> None:
            nonlocal k
            blok[f] = atas[k][1]
            dipakai.append(atas[k][0])
            k += 1

        if atas and _PANGKAT.search(atas[0][1]):
            ambil("pangkat")
        if k >= len(atas) or _tempat_tanggal(atas[k][1]) or not re.search(r"[A-Za-z]{2}", atas[k][1]):
            continue
        ambil("nama")
        if k < len(atas) and len(atas[k][1]) <= 80 and not _tempat_tanggal(atas[k][1]):
            ambil("jabatan")
        while k < len(atas) and len(dipakai) < 7 and (tt := _tempat_tanggal(atas[k][1])):
            blok["tempat"] = blok.get("tempat") or tt[0]
            if tt[1] and not blok.get("tanggal"):
                blok["tanggal"], tanggal_i = tt[1], atas[k][0]
            ambil("_")
        blok.pop("_", None)
        m = _NIP.search(baris)
        nip = format_nip(baris) or (bersih(m[1]) if m else "")
        hasil.append(TandaTangan(nip=nip, nip_baris=i, tanggal_baris=tanggal_i,
                                 baris=tuple(sorted(dipakai)), **blok))
    return hasil


def _naik(teks: Sequence[str | None], i: int) -> Iterator[int]:
    """Indices of the non-empty lines above line i, up to the first table row (at most 4 blanks apart)."""
    kosong = 0
    for j in range(i - 1, -1, -1):
        if teks[j] is None:
            return
        if not bersih(teks[j]):
            kosong += 1
            if kosong > 4:
                return
            continue
        kosong = 0
        yield j


def _rapikan(field_: str, nilai: str) -> str:
    if field_ == "jabatan_kepala":
        return _SINGKATAN_JABATAN.sub(lambda m: f"{m[1]}. ", nilai)
    if field_ == "pangkat":
        return re.sub(r"\s*/\s*", " / ", nilai)
    return nilai


def _kunci(nilai: str) -> str:
    return re.sub(r"[\W_]+", "", nilai.casefold())


def _pilih(field_: str, nilai: list[str], catatan: list[str]) -> str:
    """The most frequent spelling (first of equals), tidied; a note when the texts differ."""
    nilai = [_rapikan(field_, v) for v in nilai if v]
    if not nilai:
        return ""
    kelompok: dict[str, list[str]] = {}
    for v in nilai:
        kelompok.setdefault(_kunci(v), []).append(v)
    terpilih = max(kelompok.values(), key=len)[0]
    if len(kelompok) > 1:
        ragam = ", ".join(f"'{v[0]}'" for v in kelompok.values())
        catatan.append(f"{_LABEL[field_]} tertulis berbeda di dokumen ({ragam}); dipakai '{terpilih}'.")
    return terpilih


@dataclass(frozen=True)
class HasilProfil:
    profil: Profil
    masalah: tuple[Masalah, ...]
    catatan: tuple[str, ...]
    tahun_judul: tuple[int, ...]  # every title year, in order


def baca_profil(baris: Sequence[tuple[int, str | None]],
                tanda_tangan: Sequence[TandaTangan] | None = None) -> HasilProfil:
    """Profil from every source line: (row number, its text, or None for a table row).

    ``tanda_tangan`` found by :func:`cari_tanda_tangan` on the same lines may be passed in.
    """
    teks = [t for _, t in baris]
    nomor = [n for n, _ in baris]
    if tanda_tangan is None:
        tanda_tangan = cari_tanda_tangan(teks)
    catatan: list[str] = []
    masalah: list[Masalah] = []
    instansi = kabupaten = ""
    tahun: list[int] = []
    for t in teks:
        if not t:
            continue
        unit, daerah = unit_judul(t)
        instansi, kabupaten = instansi or unit, kabupaten or daerah
        if (y := tahun_judul(t)) is not None:
            tahun.append(y)
    if len(set(tahun)) > 1:
        catatan.append(f"Judul dokumen menyebut beberapa tahun ({', '.join(map(str, sorted(set(tahun))))}); "
                       f"Tahun Laporan diisi {max(tahun)}.")
    isian: dict[str, object] = {"instansi": instansi, "kabupaten": kabupaten,
                                "tahun": max(tahun) if tahun else None}
    for f in ("jabatan_kepala", "nama_kepala", "pangkat", "tempat"):
        sumber = {"jabatan_kepala": "jabatan", "nama_kepala": "nama"}.get(f, f)
        isian[f] = _pilih(f, [getattr(t, sumber) for t in tanda_tangan], catatan)
    nip_baik = [t.nip for t in tanda_tangan if re.fullmatch(r"\d{8} \d{6} \d \d{3}", t.nip)]
    isian["nip"] = _pilih("nip", nip_baik, catatan)
    salah = next((t for t in tanda_tangan if t.nip not in nip_baik), None)
    if salah and not nip_baik:
        masalah.append(peringatan(nomor[salah.nip_baris], f"NIP '{salah.nip}' bukan 18 angka",
                                  "Periksa NIP di dokumen sumber, lalu isi NIP di lembar Profil."))
    tanggal = next((d for t in tanda_tangan if (d := baca_tanggal(t.tanggal))), None)
    isian["tanggal"] = tanggal
    sebagian = next((t for t in tanda_tangan if t.tanggal and t.tanggal_baris is not None), None)
    if tanggal is None and sebagian is not None and sebagian.tanggal_baris is not None:
        masalah.append(peringatan(nomor[sebagian.tanggal_baris],
                                  f"Tanggal '{sebagian.tanggal}' tidak lengkap atau tidak dikenali",
                                  "Isi Tanggal Laporan di lembar Profil (tanggal, bulan dan tahun)."))
    profil = replace(Profil(), **isian)  # type: ignore[arg-type]
    kosong = [_LABEL[f] for f in ("instansi", "kabupaten", "tahun", "jabatan_kepala", "nama_kepala",
                                 "pangkat", "nip", "tempat", "tanggal") if not getattr(profil, f)]
    if kosong:
        catatan.append(f"Tidak ditemukan di dokumen, isi di lembar Profil: {', '.join(kosong)}.")
    return HasilProfil(profil, tuple(masalah), tuple(catatan), tuple(tahun))
