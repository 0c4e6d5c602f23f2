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

#: Header words -> field, matched against the whole header cell (lower case, spaces collapsed).
#: The first match wins; a four-digit year ("2024", "Target 2024") is a target column.
JUDUL_KOLOM: tuple[tuple[str, str], ...] = (
    ("no", r"no\.?|nomor(?: urut)?|\(1\)"),
    ("sasaran", r"(?:tujuan ?/ ?)?sasaran\b(?!.*\b(?:program|kegiatan)\b).*"),
    ("nama", r"indikator\b(?!.*\b(?:program|kegiatan)\b).*|iku"),
    ("satuan", r"satuan(?: ukur(?:an)?)?"),
    ("alasan", r"alasan(?: pemilihan(?: indikator)?)?"),
    ("formulasi", r"(?:penjelasan ?/ ?)?(?:formulasi|formula|rumus|definisi operasional"
                  r"|(?:cara|metode) (?:pengukuran|perhitungan|penghitungan))\b.*|penjelasan"),
    ("sumber_data", r"sumber(?: data)?\b.*"),
    ("penanggung_jawab", r"penanggung ?jawab\b.*|pj|pic"),
    ("polaritas", r"polaritas\b.*"),
    ("realisasi", r"realisasi\b.*"),
    ("capaian", r"(?:persentase |% ?)?capaian\b.*"),
    ("program", r"program\b.*"),
    ("kegiatan", r"(?:sub ?)?kegiatan\b.*"),
    ("anggaran", r"anggaran\b.*|pagu\b.*"),
    ("keterangan", r"keterangan\b.*|ket\.?|kriteria\b.*"),
    ("target", r"target(?: kinerja)?(?: iku)?(?: tahunan)?"),
)
_TAHUN_KOLOM = re.compile(r"(?:target(?: kinerja)?(?: tahun)?|tahun|th\.?|ta\.?)? ?((?:19|20|21)\d\d)")
#: Columns that are recognised but not imported (a year under one of them is not a target).
DIABAIKAN = ("realisasi", "capaian", "program", "kegiatan", "anggaran", "keterangan", "lain",
             "target_program")
NOMOR = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[IVXivx]{1,4}|[A-Za-z])[.)]?")


def _normal(teks: str) -> str:
    return bersih(teks).casefold().strip(" :*")


def peran_judul(teks: str) -> str | int | None:
    """The field a header cell names, a target year, or None."""
    t = _normal(teks)
    if not t:
        return None
    for peran, pola in JUDUL_KOLOM:
        if re.fullmatch(pola, t):
            return peran
    m = _TAHUN_KOLOM.fullmatch(t)
    return int(m[1]) if m else None


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


def sejajarkan(sel: list[str], kolom: PetaKolom) -> tuple[list[str], bool]:
    """A row wider than its header with spurious empty cells, realigned (True: cells still outside)."""
    lebar = len(kolom.peran)
    akhir = max((j for j, c in enumerate(sel) if c), default=-1)
    lebih = akhir + 1 - lebar
    if lebih <= 0:
        return sel, False
    calon, j = [], 0
    while j <= akhir:
        k = j
        while k <= akhir and not sel[k]:
            k += 1
        if k - j >= lebih:
            calon.append(sel[:j] + sel[j + lebih:])
        j = max(k, j + 1)
    if not calon:
        return sel, True
    return max(calon, key=lambda s: skor_baris(s, kolom)), False
