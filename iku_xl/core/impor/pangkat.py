"""Civil-service ranks (pangkat) and their golongan/ruang, as data, and the reading of a rank line.

A rank line in a signature block is written many ways: "Pembina Tk.I/ IV.b",
"Pembina Tingkat I (IV/b)", "PENATA MUDA TK. I, III/b", "Pangkat : Pembina". Each word
of the rank may carry ONE typo ("Pembna", "Penta"); the word is then written properly and
the fix is reported. Only the words of a known rank are read: "Penata Layanan
Operasional" (a PPPK jabatan) is not a rank, and no rank is ever guessed from a golongan.

>>> p = baca_pangkat("Pembna Tk. I / IV.b")
>>> p.nama, p.golongan, p.tertulis, p.perbaikan
('Pembina Tingkat I', 'IV/b', 'Pembina Tk. I / IV.b', (('Pembna Tk. I / IV.b', 'Pembina Tk. I / IV.b'),))
>>> baca_pangkat("Penata Layanan Operasional") is None, baca_pangkat("IV/b").nama
(True, '')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: PNS ranks (PP 99/2000) with their golongan/ruang, lowest first.
PANGKAT: tuple[tuple[str, str], ...] = (
    ("Juru Muda", "I/a"), ("Juru Muda Tingkat I", "I/b"), ("Juru", "I/c"), ("Juru Tingkat I", "I/d"),
    ("Pengatur Muda", "II/a"), ("Pengatur Muda Tingkat I", "II/b"), ("Pengatur", "II/c"),
    ("Pengatur Tingkat I", "II/d"),
    ("Penata Muda", "III/a"), ("Penata Muda Tingkat I", "III/b"), ("Penata", "III/c"),
    ("Penata Tingkat I", "III/d"),
    ("Pembina", "IV/a"), ("Pembina Tingkat I", "IV/b"), ("Pembina Utama Muda", "IV/c"),
    ("Pembina Utama Madya", "IV/d"), ("Pembina Utama", "IV/e"),
)
GOLONGAN = dict(PANGKAT)
#: Every word a rank is made of (plus "Tingkat I", read from "Tk. I", "Tk.1", "Tingkat I").
KATA_PANGKAT = ("juru", "pengatur", "penata", "pembina", "muda", "madya", "utama")
#: Words that may stand around a rank without being part of it.
KATA_PENGISI = ("pangkat", "gol", "golongan", "ruang", "pangkat/gol", "pangkat/golongan")

_GOLONGAN = re.compile(r"\(?\b(IV|III|II|I)\s*[/.\-]\s*([a-eA-E])\b\)?")
_TINGKAT = re.compile(r"\b(?:tingkat|tkt|tk)\s*\.?\s*(?:I|1)\b(?!\s*[/.\-]\s*[a-eA-E]\b)", re.IGNORECASE)
_KATA = re.compile(r"[A-Za-z]+")


def jarak(a: str, b: str) -> int:
    """Edit distance with transpositions (optimal string alignment).

    >>> jarak("pembna", "pembina"), jarak("pmebina", "pembina"), jarak("penata", "pembina")
    (1, 1, 4)
    """
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def _kata_pangkat(kata: str) -> str | None:
    """The rank word a written word is, allowing one typo in words of 4 letters or more."""
    k = kata.casefold()
    if k in KATA_PANGKAT:
        return k
    if len(k) < 4:
        return None
    dekat = [w for w in KATA_PANGKAT if jarak(k, w) == 1]
    return dekat[0] if len(dekat) == 1 else None


def golongan(teks: str) -> str | None:
    """The golongan/ruang written in a text, as "IV/b".

    >>> golongan("Pembina Tk.I/ IV.b"), golongan("(III-a)"), golongan("Pembina")
    ('IV/b', 'III/a', None)
    """
    m = _GOLONGAN.search(_TINGKAT.sub(" ", teks))
    return f"{m[1].upper()}/{m[2].lower()}" if m else None


@dataclass(frozen=True)
class Pangkat:
    """A rank line read: the rank's proper name ("" when only a golongan is written), the
    golongan ("" if none), the line as written with mistyped words fixed, the fixes, notes."""

    nama: str
    golongan: str
    tertulis: str
    perbaikan: tuple[tuple[str, str], ...] = ()

    @property
    def catatan(self) -> tuple[str, ...]:
        """Notes for the Catatan Impor: typos fixed, a golongan that does not fit the rank."""
        hasil = [f"Pangkat '{a}' dibaca '{b}' (salah ketik diperbaiki)." for a, b in self.perbaikan]
        if self.nama and self.golongan and GOLONGAN[self.nama] != self.golongan:
            hasil.append(f"Golongan {self.golongan} tidak sesuai pangkat {self.nama} (golongan "
                         f"{GOLONGAN[self.nama]}); periksa Pangkat/Golongan di lembar Profil.")
        return tuple(hasil)


def baca_pangkat(teks: str) -> Pangkat | None:
    """The rank a line names, or None when the line is not (only) a rank and/or golongan.

    >>> baca_pangkat("PENATA MUDA TK. I, III/b").nama, baca_pangkat("Pembina Utama Muda (IV/c)").golongan
    ('Penata Muda Tingkat I', 'IV/c')
    >>> baca_pangkat("Pembina / III/d").catatan
    ('Golongan III/d tidak sesuai pangkat Pembina (golongan IV/a); periksa Pangkat/Golongan di lembar Profil.',)
    """
    teks = " ".join(teks.split())
    if not teks or len(teks) > 70:
        return None
    gol = golongan(teks)
    sisa = _GOLONGAN.sub(" ", _TINGKAT.sub(" tingkat_i ", teks))
    kata: list[str] = []
    perbaikan = False
    tertulis = teks
    for m in re.finditer(r"[A-Za-z_/]+", sisa):
        w = m[0]
        if w == "tingkat_i":
            kata.append(w)
            continue
        if w.casefold().strip("/") in KATA_PENGISI:
            continue
        for bagian in _KATA.findall(w):
            baku = _kata_pangkat(bagian)
            if baku is None:
                return None
            if bagian.casefold() != baku:
                tepat = baku.upper() if bagian.isupper() else baku.capitalize()
                perbaikan = True
                tertulis = re.sub(rf"\b{re.escape(bagian)}\b", tepat, tertulis, count=1)
            kata.append(baku)
    nama = " ".join(kata).replace("tingkat_i", "tingkat I")
    nama = nama[:1].upper() + nama[1:]
    nama = " ".join(w.capitalize() if w != "I" else w for w in nama.split())
    if nama and nama not in GOLONGAN:
        return None
    if not nama and not gol:
        return None
    return Pangkat(nama, gol or "", tertulis, ((teks, tertulis),) if perbaikan else ())
