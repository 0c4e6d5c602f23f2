"""Profil from the text around an imported IKU table: titles and the signature block.

The importer (:mod:`iku_xl.core.impor.baris`) hands over every source line outside its
tables as text (``None`` for a table row, ``""`` for an empty line), one per source row,
and the signature blocks :func:`cari_tanda_tangan` found in the same rows
(:mod:`iku_xl.core.impor.tanda_tangan`). Titles are the short upper-case lines
("KECAMATAN CONTOH TAHUN 2024", "TAHUN ANGGARAN 2020").

Which signature goes to Profil: all blocks of one signer are merged (the most frequent
spelling of each field). When several signers sign, the blocks of the workbook's latest
year (the year of the nearest title above a block, else of its date line) are kept; among
them the unit head (not the PIHAK KEDUA / "Mengetahui" superior, not a signer without
NIP beside one with NIP; else the PIHAK PERTAMA; else the jabatan naming the unit; else
the last block). Fields never come from two signers; every other block is quoted in the
Catatan Impor.

Tahun Laporan: the latest year the titles name (a LKjIP for 2023 is signed in 2024, so
the title wins over the date line); without a title year, the date line's year when it
names exactly one ("Sukamaju, Januari 2017": tahun yes, tanggal no). Years of target
columns are never used for it. Nothing here guesses: a date without a day stays empty
and is reported.

>>> tahun_judul("KECAMATAN CONTOH TAHUN 2024"), tahun_judul("Undang-Undang Nomor 23 Tahun 2014")
(2024, None)
>>> unit_judul("OPD KECAMATAN SUKAMAJU KABUPATEN CONTOH"), unit_judul("INSPEKTORAT KOTA BANJAR")
(('KECAMATAN SUKAMAJU', 'KABUPATEN CONTOH'), ('INSPEKTORAT', 'KOTA BANJAR'))
>>> format_nip("NIP. 197002091990031002")
'19700209 199003 1 002'
>>> hasil = baca_profil([(1, "Sukamaju, 2 Januari 2024"), (2, "CAMAT SUKAMAJU"), (3, ""),
...                      (4, "Drs. BUDI"), (5, "Pembina Tk.I/ IV.b"), (6, "NIP.19700209 199003 1 002")])
>>> p = hasil.profil
>>> p.jabatan_kepala, p.nama_kepala, p.pangkat, p.nip
('CAMAT SUKAMAJU', 'Drs. BUDI', 'Pembina Tk.I / IV.b', '19700209 199003 1 002')
>>> p.tempat, p.tanggal, p.tahun
('Sukamaju', datetime.date(2024, 1, 2), 2024)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from iku_xl.core.errors import Masalah
from iku_xl.core.impor.tanda_tangan import (BULAN, TandaTangan, baca_tanggal, bersih, cari_tanda_tangan,
                                            format_nip, periksa_nip, tahun_tanggal)
from iku_xl.core.model import Profil
from iku_xl.core.skema import PROFIL

__all__ = ["BULAN", "HasilProfil", "KUTIPAN", "TandaTangan", "adalah_judul", "baca_profil", "baca_tanggal",
           "bersih", "cari_tanda_tangan", "format_nip", "peringatan", "tahun_judul", "unit_judul"]

#: How much of a source text a message quotes.
KUTIPAN = 80
#: Words that open a unit's name in a title ("KECAMATAN X", "DINAS X").
JENIS_UNIT = ("KECAMATAN", "KELURAHAN", "DINAS", "BADAN", "KANTOR", "INSPEKTORAT", "SEKRETARIAT",
              "RSUD", "UPTD", "PUSKESMAS")
#: Units whose type is their whole name ("INSPEKTORAT KOTA BANJAR", "INSPEKTORAT DAERAH").
UNIT_TUNGGAL = ("INSPEKTORAT",)
#: Words that open the regional government's name.
JENIS_DAERAH = ("KABUPATEN", "KOTA")
#: Words that end a name in a title.
KATA_HENTI = ("KABUPATEN", "KOTA", "PROVINSI", "TAHUN", "NOMOR", "PERIODE", "TENTANG", "ANGGARAN",
              "KECAMATAN", "PEMERINTAH", "DI")
#: Profil fields read from signature blocks, with the label staff see.
_LABEL = {i.field: i.label for i in PROFIL}

_TAHUN = re.compile(r"\bTAHUN(?:\s+ANGGARAN)?\s*:?\s*((?:19|20|21)\d\d)\b(?!\s*(?:[-–—/]|S\.?\s*D))")
_SINGKATAN_JABATAN = re.compile(r"\b(Plt|Plh|Pjs|Pj|Pt)\.\s*(?=\S)", re.IGNORECASE)


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
        if k in UNIT_TUNGGAL and k in awal:
            return k
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


def _rapikan(field_: str, nilai: str) -> str:
    if field_ == "jabatan_kepala":
        return _SINGKATAN_JABATAN.sub(lambda m: f"{m[1]}. ", nilai)
    if field_ == "pangkat":
        return re.sub(r"\s*/\s*(?=\(?(?:IV|III|II|I)\s*[/.\-]\s*[a-eA-E]\b)", " / ", nilai)
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


def _orang(t: TandaTangan) -> str:
    """Who signs: the NIP's digits, else the name's letters."""
    angka = re.sub(r"\D", "", t.nip)
    return angka if len(angka) == 18 else _kunci(t.nama)


def _tahun_blok(t: TandaTangan, judul: list[tuple[int, int]]) -> int | None:
    """The year a block signs for: the nearest title year above it, else its date line's year."""
    awal = min(t.baris, default=t.nip_baris)
    di_atas = [y for i, y in judul if i < awal]
    return di_atas[-1] if di_atas else tahun_tanggal(t.tanggal)


def _pilih_blok(tanda_tangan: Sequence[TandaTangan], judul: list[tuple[int, int]], instansi: str,
                tahun: int | None, nomor: list[int], catatan: list[str]) -> list[TandaTangan]:
    """The blocks of the one signer whose fields go to Profil; the others are noted."""
    if len({_orang(t) for t in tanda_tangan}) <= 1:
        return list(tanda_tangan)
    tahun_t = {id(t): _tahun_blok(t, judul) for t in tanda_tangan}
    if tahun is None:
        tahun = max((y for y in tahun_t.values() if y), default=None)
    calon = [t for t in tanda_tangan if tahun_t[id(t)] == tahun] or list(tanda_tangan)
    for saring in (lambda t: t.peran not in ("kedua", "atasan"),  # not the superior
                   lambda t: bool(t.nip),  # a civil servant beside a Bupati
                   lambda t: t.peran == "pertama",
                   lambda t: bool(instansi) and instansi.split()[-1] in t.jabatan.upper()):
        if len({_orang(t) for t in calon}) <= 1:
            break
        if sisa := [t for t in calon if saring(t)]:
            calon = sisa
    terpilih = _orang(calon[-1])
    pakai = [t for t in calon if _orang(t) == terpilih]
    for t in tanda_tangan:
        if t in pakai:
            continue
        y = tahun_t[id(t)]
        if y != tahun:
            sebab = f"tahun {y}" if y else "tahun tidak diketahui"
        elif _orang(t) == terpilih:
            continue  # the same signer, another year: not a second signer
        else:
            sebab = {"kedua": "PIHAK KEDUA, atasan", "atasan": "yang mengetahui/menyetujui"}.get(t.peran, "")
            sebab = sebab or ("tanpa NIP" if not t.nip else "penanda tangan lain")
        catatan.append(f"Tanda tangan di baris {nomor[t.nip_baris]} ({sebab}) tidak dipakai untuk Profil: "
                       f"{t.ringkas}.")
    return pakai


def baca_profil(baris: Sequence[tuple[int, str | None]],
                tanda_tangan: Sequence[TandaTangan] | None = None) -> HasilProfil:
    """Profil from every source line: (row number, its text, or None for a table row).

    ``tanda_tangan`` found by :func:`cari_tanda_tangan` on the same rows (one line per row,
    same order) may be passed in.
    """
    teks = [t for _, t in baris]
    nomor = [n for n, _ in baris]
    if tanda_tangan is None:
        tanda_tangan = cari_tanda_tangan(teks)
    catatan: list[str] = []
    masalah: list[Masalah] = []
    instansi = kabupaten = ""
    judul: list[tuple[int, int]] = []
    for i, t in enumerate(teks):
        if not t:
            continue
        unit, daerah = unit_judul(t)
        instansi, kabupaten = instansi or unit, kabupaten or daerah
        if (y := tahun_judul(t)) is not None:
            judul.append((i, y))
    tahun = [y for _, y in judul]
    if len(set(tahun)) > 1:
        catatan.append(f"Judul dokumen menyebut beberapa tahun ({', '.join(map(str, sorted(set(tahun))))}); "
                       f"Tahun Laporan diisi {max(tahun)}.")
    tahun_laporan = max(tahun) if tahun else None
    tanda_tangan = _pilih_blok(tanda_tangan, judul, instansi, tahun_laporan, nomor, catatan)
    isian: dict[str, object] = {"instansi": instansi, "kabupaten": kabupaten}
    for f in ("jabatan_kepala", "nama_kepala", "pangkat", "tempat"):
        sumber = {"jabatan_kepala": "jabatan", "nama_kepala": "nama"}.get(f, f)
        isian[f] = _pilih(f, [getattr(t, sumber) for t in tanda_tangan], catatan)
    for t in tanda_tangan:
        catatan += [c for c in t.catatan if c not in catatan]
        if t.atas_nama and t.jabatan:
            c = (f"Penanda tangan menandatangani '{t.atas_nama}'; Jabatan Kepala diisi jabatannya sendiri "
                 f"'{t.jabatan}'.")
            catatan += [c] if c not in catatan else []
    nip_baik = [t.nip for t in tanda_tangan if re.fullmatch(r"\d{8} \d{6} \d \d{3}", t.nip)]
    isian["nip"] = _pilih("nip", nip_baik, catatan)
    salah = next((t for t in tanda_tangan if t.nip and t.nip not in nip_baik), None)
    if salah and not nip_baik:
        masalah.append(peringatan(nomor[salah.nip_baris], f"NIP '{salah.nip}' bukan 18 angka",
                                  "Periksa NIP di dokumen sumber, lalu isi NIP di lembar Profil."))
    if isian["nip"] and (sebab := periksa_nip(str(isian["nip"]))):
        t = next(t for t in tanda_tangan if t.nip == isian["nip"])
        masalah.append(peringatan(nomor[t.nip_baris], f"NIP '{isian['nip']}' tidak wajar ({sebab})",
                                  "Periksa NIP di dokumen sumber; NIP diisi seperti tertulis, perbaiki di lembar "
                                  "Profil bila salah."))
    elif isian["nip"] and str(isian["nip"]).replace(" ", "")[12:14] == "21" and not isian["pangkat"]:
        catatan.append(f"NIP '{isian['nip']}' berpola NI PPPK; Pangkat/Golongan tidak diisi.")
    tanggal = next((d for t in tanda_tangan if (d := baca_tanggal(t.tanggal))), None)
    isian["tanggal"] = tanggal
    sebagian = next((t for t in tanda_tangan if t.tanggal and t.tanggal_baris is not None), None)
    if tanggal is None and sebagian is not None and sebagian.tanggal_baris is not None:
        masalah.append(peringatan(nomor[sebagian.tanggal_baris],
                                  f"Tanggal '{sebagian.tanggal}' tidak lengkap atau tidak dikenali",
                                  "Isi Tanggal Laporan di lembar Profil (tanggal, bulan dan tahun)."))
    baris_tanggal = next((t for t in tanda_tangan if tahun_tanggal(t.tanggal)), None)
    if baris_tanggal is not None:
        y = tahun_tanggal(baris_tanggal.tanggal)
        if tahun_laporan is None:
            tahun_laporan = y
            catatan.append(f"Tahun Laporan {y} diambil dari tanggal tanda tangan '{baris_tanggal.tanggal}'"
                           + ("." if tanggal else "; tanggalnya tidak lengkap, Tanggal Laporan tidak diisi."))
        elif y != tahun_laporan:
            catatan.append(f"Tanggal tanda tangan '{baris_tanggal.tanggal}' berbeda tahun dengan judul; "
                           f"Tahun Laporan diisi {tahun_laporan} dari judul dokumen.")
    isian["tahun"] = tahun_laporan
    profil = replace(Profil(), **isian)  # type: ignore[arg-type]
    kosong = [_LABEL[f] for f in ("instansi", "kabupaten", "tahun", "jabatan_kepala", "nama_kepala",
                                 "pangkat", "nip", "tempat", "tanggal") if not getattr(profil, f)]
    if kosong:
        catatan.append(f"Tidak ditemukan di dokumen, isi di lembar Profil: {', '.join(kosong)}.")
    return HasilProfil(profil, tuple(masalah), tuple(catatan), tuple(tahun))
