"""Header rows of IKU document tables: which cell is which column (for :mod:`iku_xl.core.impor.baris`).

A header row is a row whose cells are mostly header words (:data:`JUDUL_KOLOM`) and one
of them names the indicator column; the row below it is its second row when it holds
only short header words or years. Columns are mapped for every header occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from iku_xl.core.impor.profil import bersih

#: Header words per field: a header cell names a field when it CONTAINS one of its words (whole
#: words, lower case), also several names joined with "/" ("Penjelasan/Alasan/Formulasi").
#: When a cell names several fields the first named wins, except that "program"/"kegiatan"
#: make it a program column and Formulasi wins over Alasan (one cell explaining how an
#: indicator is measured and why: its text goes to Formulasi, where staff look for it).
JUDUL_KOLOM: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sasaran", ("sasaran",)),
    ("nama", ("indikator", "iku")),
    ("satuan", ("satuan",)),
    ("alasan", ("alasan",)),
    ("formulasi", ("formulasi", "formula", "rumus", "definisi operasional", "penjelasan",
                   "cara pengukuran", "cara perhitungan", "cara penghitungan", "metode pengukuran",
                   "metode perhitungan", "metode penghitungan")),
    ("sumber_data", ("sumber data", "sumber")),
    ("penanggung_jawab", ("penanggung jawab", "penanggungjawab", "pj", "pic")),
    ("polaritas", ("polaritas",)),
    ("realisasi", ("realisasi",)),
    ("capaian", ("capaian",)),
    ("anggaran", ("anggaran", "pagu")),
    ("keterangan", ("keterangan", "ket", "kriteria")),
    ("target", ("target",)),
)
#: Whole-cell header words (a cell that is exactly one of these).
JUDUL_PERSIS = {"no": "no", "no.": "no", "nomor": "no", "nomor urut": "no", "(1)": "no"}
#: Words that make a column part of a program/activity table, whatever else it names.
KATA_PROGRAM = {"program": "program", "kegiatan": "kegiatan", "subkegiatan": "kegiatan"}
#: Words of a target-year column besides the year ("Target Tahun 2024", "TA 2024").
_KATA_TAHUN = {"target", "kinerja", "tahun", "th", "ta", "iku", "tahunan"}
#: Text fields a page break may split; a continuation row is appended to them.
LANJUTAN = ("alasan", "formulasi", "sumber_data", "penanggung_jawab")
#: Their names as the Indikator sheet shows them.
NAMA_ISIAN = {"formulasi": "Formulasi", "alasan": "Alasan", "sumber_data": "Sumber Data",
              "penanggung_jawab": "Penanggung Jawab"}
#: Columns that are recognised but not imported (a year under one of them is not a target).
DIABAIKAN = ("realisasi", "capaian", "program", "kegiatan", "anggaran", "keterangan", "lain",
             "target_program")
NOMOR = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[IVXivx]{1,4}|[A-Za-z])[.)]?")


def _normal(teks: str) -> str:
    return bersih(teks).casefold().strip(" :*")


def _letak(kata: list[str], frasa: str) -> int | None:
    """Where the words of ``frasa`` first occur together in ``kata``."""
    f = frasa.split()
    return next((i for i in range(len(kata) - len(f) + 1) if kata[i:i + len(f)] == f), None)


def bidang_judul(teks: str) -> list[str]:
    """The fields a header cell names, in the order it names them (see :data:`JUDUL_KOLOM`).

    >>> bidang_judul("Penjelasan/Alasan/Formulasi"), bidang_judul("Alasan Pemilihan Indikator")
    (['formulasi', 'alasan'], ['alasan', 'nama'])
    """
    t = _normal(teks)
    if not t or len(t) > 90 or re.search(r"=|\bx\s*100", t):
        return []
    kata = re.findall(r"[^\W_]+", t)
    if len(kata) > 12 or any(k.isdigit() and not re.fullmatch(r"(?:19|20|21)\d\d", k) for k in kata):
        return []
    letak = sorted((i, bidang) for bidang, frasa in JUDUL_KOLOM for f in frasa
                   if (i := _letak(kata, f)) is not None)
    hasil = list(dict.fromkeys(b for _, b in letak))
    return hasil


def peran_judul(teks: str) -> str | int | None:
    """The field a header cell names, a target year, or None.

    >>> [peran_judul(t) for t in ("Indikator Kinerja Utama", "Penjelasan/Alasan/Formulasi", "Target 2024",
    ...                           "Realisasi 2023", "Indikator Program", "Cara Perhitungan", "NO.")]
    ['nama', 'formulasi', 2024, 'realisasi', 'program', 'formulasi', 'no']
    """
    t = _normal(teks)
    if not t:
        return None
    if t in JUDUL_PERSIS:
        return JUDUL_PERSIS[t]
    bidang = bidang_judul(t)
    kata = re.findall(r"[^\W_]+", t)
    if bidang and (program := next((KATA_PROGRAM[k] for k in kata if k in KATA_PROGRAM), None)):
        return program
    tahun = [k for k in kata if re.fullmatch(r"(?:19|20|21)\d\d", k)]
    if len(tahun) == 1 and len(bidang) <= 1 and all(k in _KATA_TAHUN or k == tahun[0] for k in kata):
        return int(tahun[0])
    if not bidang:
        return next((KATA_PROGRAM[k] for k in kata if k in KATA_PROGRAM), None) if len(kata) <= 4 else None
    if "formulasi" in bidang and "alasan" in bidang:
        bidang.remove("alasan")
    return bidang[0]


def adalah_judul(sel: Sequence[str]) -> bool:
    isi = [c for c in sel if c]
    kenal = [p for c in isi if (p := peran_judul(c)) is not None]
    return "nama" in kenal and len(kenal) >= 2 and 2 * len(kenal) >= len(isi)


def adalah_penomoran(sel: Sequence[str]) -> bool:
    """A row "(1) (2) (3) ..." or "1 2 3 ..." under a header."""
    angka = [re.fullmatch(r"\(?(\d{1,2})\)?\.?", c) for c in sel if c]
    if len(angka) < 3 or not all(angka):
        return False
    urut = [int(m[1]) for m in angka if m]
    return urut[0] == 1 and all(b > a for a, b in zip(urut, urut[1:]))


def adalah_anak_judul(sel: Sequence[str]) -> bool:
    """The second row of a two-row header ("ALASAN", "FORMULASI", "2024", ...): short texts,
    at least half of them header words, none naming the indicator column."""
    isi = [c for c in sel if c]
    kenal = [p for c in isi if (p := peran_judul(c)) is not None]
    return (bool(kenal) and 2 * len(kenal) >= len(isi) and "nama" not in kenal
            and all(len(c) <= 40 for c in isi) and not adalah_penomoran(sel))


@dataclass(frozen=True)
class PetaKolom:
    """The columns of one header occurrence."""

    peran: tuple[str | int | None, ...]  # per column: a field, a target year, or None
    judul: tuple[str, ...]
    nomor: int  # source row of the header
    tahun: int | None  # the year of a "Target" column that names none


def peta_kolom(atas: Sequence[str], bawah: Sequence[str], nomor: int, tahun: int | None) -> PetaKolom:
    """Fields per column; an empty header cell belongs to the merged cell at its left."""
    peran: list[str | int | None] = []
    judul: list[str] = []
    span: str | int | None = None
    span_judul, program = "", False
    for j in range(max(len(atas), len(bawah))):
        a, b = (atas[j] if j < len(atas) else ""), (bawah[j] if j < len(bawah) else "")
        if a:
            span, span_judul = (peran_judul(a) or "lain"), a
        pb = peran_judul(b) if b else None
        if pb is not None and not (isinstance(pb, int) and span in DIABAIKAN and span != "lain"):
            p, jd = pb, b
        elif b:
            p, jd = (span if span in DIABAIKAN else "lain"), b
        else:
            p, jd = span, span_judul
        program = program or p in ("program", "kegiatan")
        if program and (p == "target" or isinstance(p, int)):
            p = "target_program"
        peran.append(p)
        judul.append(jd)
    return PetaKolom(tuple(peran), tuple(judul), nomor, tahun)


def skor_baris(sel: Sequence[str], kolom: PetaKolom) -> int:
    """How well a row's cells fit the header's fields."""
    skor = 0
    for c, p in zip(sel, kolom.peran):
        if not c:
            continue
        if p == "no":
            skor += 2 if NOMOR.fullmatch(c) else -3
        elif p == "satuan":
            skor += 2 if len(c) <= 25 else -3
        elif p in ("nama", "sasaran"):
            skor += 2 if re.search(r"[^\W\d_]{3}", c) else -2
        elif isinstance(p, int) or p == "target":
            skor += 1 if re.fullmatch(r"[\d.,\s%-]+|[A-Za-z]{1,3}", c) else -2
    return skor


def sejajarkan(sel: list[str], kolom: PetaKolom, *ikut: list[str]) -> tuple[list[str], bool, list[list[str]]]:
    """A row wider than its header with spurious empty cells, realigned (True: cells still
    outside); the lists in ``ikut`` (the same row's raw cells) realigned alike."""
    lebar = len(kolom.peran)
    akhir = max((j for j, c in enumerate(sel) if c), default=-1)
    lebih = akhir + 1 - lebar
    if lebih <= 0:
        return sel, False, list(ikut)
    calon, j = [], 0
    while j <= akhir:
        k = j
        while k <= akhir and not sel[k]:
            k += 1
        if k - j >= lebih:
            calon.append(j)
        j = max(k, j + 1)
    if not calon:
        return sel, True, list(ikut)
    j = max(calon, key=lambda j: skor_baris(sel[:j] + sel[j + lebih:], kolom))
    return sel[:j] + sel[j + lebih:], False, [s[:j] + s[j + lebih:] for s in ikut]
