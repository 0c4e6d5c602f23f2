"""The one family of errors and problems that staff see.

Every message is written for the person at the spreadsheet, in Bahasa
Indonesia: it names where the problem is (sheet, cell, indicator), quotes the
value, and says how to fix it.

Two shapes, one vocabulary:

* :class:`IkuError` is raised when a single value cannot be used (a UDF
  argument, a CLI option, a file that cannot be opened).
* :class:`Masalah` is collected, one per problem, when a whole workbook is
  read or validated, so that staff see every problem in one pass.

>>> e = DataTidakValid("bernilai 'abc', bukan angka", lembar="Target", sel="D5",
...                    saran="Isi target dengan angka, mis. 90 atau 83,5.")
>>> str(e)
"Lembar 'Target' sel D5: bernilai 'abc', bukan angka. Isi target dengan angka, mis. 90 atau 83,5."
>>> e.sebagai_masalah().tingkat
'galat'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Tingkat = Literal["galat", "peringatan", "info"]

#: Sort order of severities, most severe first.
URUTAN_TINGKAT: dict[str, int] = {"galat": 0, "peringatan": 1, "info": 2}


def lokasi_teks(
    lembar: str | None = None,
    sel: str | None = None,
    kode: str | None = None,
) -> str:
    """Where something is, in the words a staff member uses.

    >>> lokasi_teks("Realisasi", "E7", "1.2")
    "Lembar 'Realisasi' sel E7 (indikator 1.2)"
    >>> lokasi_teks(kode="2.1")
    'Indikator 2.1'
    >>> lokasi_teks()
    ''
    """
    bagian = []
    if lembar:
        bagian.append(f"Lembar '{lembar}'")
    if sel:
        bagian.append(sel if sel.startswith("baris") else f"sel {sel}")
    teks = " ".join(bagian)
    if kode:
        teks = f"{teks} (indikator {kode})" if teks else f"Indikator {kode}"
    return teks


@dataclass(frozen=True)
class Masalah:
    """One problem found in a workbook, with a suggested fix."""

    tingkat: Tingkat
    pesan: str
    saran: str = ""
    lembar: str | None = None
    sel: str | None = None
    kode: str | None = None

    @property
    def lokasi(self) -> str:
        return lokasi_teks(self.lembar, self.sel, self.kode)

    def __str__(self) -> str:
        kepala = f"{self.lokasi}: " if self.lokasi else ""
        ekor = f" {self.saran}" if self.saran else ""
        return f"{kepala}{self.pesan}.{ekor}"


def singkat(teks: str, batas: int = 60) -> str:
    """Text quoted in a message, cut at a word to at most ``batas`` characters, with "…".

    >>> singkat("Persentase jumlah permohonan KK/KTP yang dilayani sesuai standar", 40)
    'Persentase jumlah permohonan KK/KTP…'
    >>> singkat("pendek")
    'pendek'
    """
    if len(teks) <= batas:
        return teks
    potong = teks[:batas - 1]
    if " " in potong:
        potong = potong[:potong.rfind(" ")]
    return potong.rstrip(" ,;:/-|") + "…"


def urutkan(masalah: Iterable[Masalah]) -> list[Masalah]:
    """Problems without repeats, most severe first (the order of discovery kept within a level)."""
    return sorted(dict.fromkeys(masalah), key=lambda m: URUTAN_TINGKAT[m.tingkat])


def ada_galat(masalah: Iterable[Masalah]) -> bool:
    """True when any problem is a galat (it blocks a report)."""
    return any(m.tingkat == "galat" for m in masalah)


class IkuError(ValueError):
    """Base of every error iku-xl raises for bad input."""

    tingkat: Tingkat = "galat"

    def __init__(
        self,
        pesan: str,
        *,
        lembar: str | None = None,
        sel: str | None = None,
        kode: str | None = None,
        nilai: object = None,
        saran: str = "",
    ) -> None:
        self.pesan = pesan
        self.lembar = lembar
        self.sel = sel
        self.kode = kode
        self.nilai = nilai
        self.saran = saran
        super().__init__(str(self))

    def __str__(self) -> str:
        return str(self.sebagai_masalah())

    def sebagai_masalah(self) -> Masalah:
        return Masalah(self.tingkat, self.pesan, self.saran, self.lembar, self.sel, self.kode)

    def di(self, *, lembar: str | None = None, sel: str | None = None,
           kode: str | None = None) -> IkuError:
        """The same error, placed at a sheet/cell/indicator (keeps what is known)."""
        return type(self)(
            self.pesan,
            lembar=self.lembar or lembar,
            sel=self.sel or sel,
            kode=self.kode or kode,
            nilai=self.nilai,
            saran=self.saran,
        )


class DataTidakValid(IkuError):
    """A cell or argument holds a value that cannot be used."""


class StrukturTidakValid(IkuError):
    """The workbook lacks a sheet or a column, or a header was renamed."""


class BerkasTidakValid(IkuError):
    """A file cannot be opened, is not a workbook, or cannot be written."""
