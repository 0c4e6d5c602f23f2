"""A year's realisasi from its quarters, or from pembilang and penyebut.

DOMAIN.md sections 4 and 5.

>>> realisasi_tahunan([10, 12, None, 8], "jumlah").nilai
30.0
>>> realisasi_tahunan([80, 85, 90, None], "nilai terakhir").nilai
90.0
>>> realisasi_tahunan([80, 85, None, None], "rata-rata").nilai
82.5
>>> realisasi_rasio(45, 50)
90.0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from iku_xl.core.errors import DataTidakValid
from iku_xl.core.model import NilaiHuruf, Realisasi
from iku_xl.core.parse import parse_angka, parse_konsolidasi, parse_realisasi

NAMA_TW = ("TW I", "TW II", "TW III", "TW IV")


@dataclass(frozen=True)
class HasilKonsolidasi:
    nilai: Realisasi | None
    peringatan: tuple[str, ...] = ()


def realisasi_tahunan(nilai_tw: Sequence[object], jenis: object = "nilai terakhir") -> HasilKonsolidasi:
    """Combine quarter values (TW I-IV; empty ones skipped) by jenis konsolidasi.

    'kumulatif' takes the last quarter like 'nilai terakhir', and warns when a
    quarter is smaller than the one before (an input error for cumulative values).
    Grades (Nilai AKIP per quarter) can only take the last value.
    """
    cara = parse_konsolidasi(jenis)
    terisi = [(i, v) for i, v in enumerate(parse_realisasi(x) for x in nilai_tw) if v is not None]
    if not terisi:
        return HasilKonsolidasi(None)
    if any(isinstance(v, NilaiHuruf) for _, v in terisi):
        if cara not in ("nilai terakhir", "kumulatif"):
            raise DataTidakValid(f"predikat per triwulan tidak dapat di-{cara}",
                                 saran="Pilih jenis konsolidasi 'nilai terakhir'.")
        return HasilKonsolidasi(terisi[-1][1])
    angka = [float(v) for _, v in terisi if not isinstance(v, NilaiHuruf)]
    peringatan: tuple[str, ...] = ()
    if cara == "kumulatif":
        turun = [f"{NAMA_TW[j]} ({b:g}) lebih kecil dari {NAMA_TW[i]} ({a:g})"
                 for (i, a), (j, b) in zip(terisi, terisi[1:]) if float(b) < float(a)]  # type: ignore[arg-type]
        if turun:
            peringatan = ("nilai kumulatif turun: " + "; ".join(turun),)
    return HasilKonsolidasi(terhingga(_gabung(angka, cara)), peringatan)


def terhingga(x: float) -> float:
    """``x`` when it is a number a cell can hold; else the error staff see (1e308 + 1e308).

    >>> terhingga(1e308 * 10)
    Traceback (most recent call last):
    iku_xl.core.errors.DataTidakValid: hasil terlalu besar untuk dihitung. Periksa angka-angkanya: ...
    """
    if x - x == 0.0:
        return x
    raise DataTidakValid("hasil terlalu besar untuk dihitung", nilai=x,
                         saran="Periksa angka-angkanya: nilai sebesar itu tidak wajar untuk realisasi.")


def _gabung(angka: Sequence[float], cara: str) -> float:
    """The year's number from the quarters' numbers that are filled in (at least one)."""
    if cara == "jumlah":
        return sum(angka)
    if cara == "rata-rata":
        return sum(angka) / len(angka)
    return angka[-1]  # nilai terakhir, kumulatif


def realisasi_banyak(baris: Sequence[Sequence[object]], jenis: object = "nilai terakhir"
                     ) -> tuple[list[float | None], list[int]]:
    """The :func:`realisasi_tahunan` value of many rows of quarters in one pass.

    Returns the values and the indexes of the rows left to :func:`realisasi_tahunan`: decided
    here are rows of plain finite numbers and empty cells (None; no number at all gives None),
    unless the result is not finite; rows with text, grades, NaN, ints or bools are left.

    >>> realisasi_banyak([[10.0, 12.0, None, 8.0], [None] * 4, [1.0, "BB", None, None]], "jumlah")
    ([30.0, None, None], [2])
    """
    cara = parse_konsolidasi(jenis)
    hasil: list[float | None] = [None] * len(baris)
    sisa: list[int] = []
    angka_saja = {float, type(None)}
    for i, b in enumerate(baris):
        if set(map(type, b)) <= angka_saja:
            angka = [v for v in b if v is not None]
            if not angka:
                continue
            jumlah = sum(angka)  # type: ignore[arg-type]
            if jumlah - jumlah == 0.0:  # each finite (and the sum too)
                x = _gabung(angka, cara)  # type: ignore[arg-type]
                if x - x == 0.0:
                    hasil[i] = x
                    continue
        sisa.append(i)
    return hasil, sisa


def realisasi_rasio(pembilang: object, penyebut: object) -> float | None:
    """Realisasi of a ratio indicator: pembilang / penyebut x 100.

    None when either is empty; penyebut 0 is an error the user can fix.
    """
    a, b = parse_angka(pembilang), parse_angka(penyebut)
    if a is None or b is None:
        return None
    if b == 0:
        raise DataTidakValid("penyebut 0: realisasi tidak dapat dihitung", nilai=penyebut,
                             saran="Periksa penyebut (jumlah seluruhnya); harus lebih dari 0.")
    return terhingga(_rasio(a, b))


def _rasio(a: float, b: float) -> float:
    return a / b * 100


def rasio_banyak(pembilang: Sequence[object], penyebut: Sequence[object]) -> tuple[list[float | None], list[int]]:
    """:func:`realisasi_rasio` of many pairs (two equally long flat lists) in one pass.

    Returns the values and the indexes left to :func:`realisasi_rasio`: decided here are
    pairs of plain finite numbers with a penyebut other than 0 (unless the result is not
    finite), and an empty cell beside a number or another empty cell (None).

    >>> rasio_banyak([45.0, None, 1.0, "45"], [50.0, 50.0, 0.0, 50.0])
    ([90.0, None, None, None], [2, 3])
    """
    hasil: list[float | None] = [None] * len(pembilang)
    sisa: list[int] = []
    indeks: list[int] = []
    aa: list[float] = []
    bb: list[float] = []
    for i, a, b in zip(range(len(pembilang)), pembilang, penyebut, strict=True):
        if type(a) is float and type(b) is float and a - a == 0.0 and b - b == 0.0:
            if b != 0:
                indeks.append(i)
                aa.append(a)
                bb.append(b)
            else:
                sisa.append(i)
        elif not ((a is None and (b is None or type(b) is float and b - b == 0.0))
                  or (b is None and type(a) is float and a - a == 0.0)):
            sisa.append(i)
    for i, x in zip(indeks, map(_rasio, aa, bb)):
        if x - x == 0.0:
            hasil[i] = x
        else:
            sisa.append(i)
    sisa.sort()
    return hasil, sisa
