"""Capaian: how much of the target the realisasi achieved, in percent.

>>> hitung_capaian(90, 92)
102.22222222222221
>>> hitung_capaian("80-90", 70)
87.5
>>> round(hitung_capaian("7 - 8", 6.5, polaritas="negatif"), 2)
107.14
>>> hitung_capaian(90, None) is None
True
>>> hitung_capaian([[90, 80]], [[92, None]])
[[102.22222222222221, None]]
>>> rinci_capaian("B", "BB").status
'Tercapai'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from iku_xl.core.errors import DataTidakValid
from iku_xl.core.model import HasilCapaian, NilaiHuruf, Realisasi, Rentang, Target
from iku_xl.core.parse import (
    parse_metode_negatif,
    parse_polaritas,
    parse_realisasi,
    parse_target,
)
from iku_xl.core.polaritas import BATAS_TERCAPAI, Rumus, rumus_untuk

#: Nilai AKIP bands (PermenPANRB 88/2021): a score above ``batas`` earns the grade.
_PITA_AKIP = ((90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"), (30, "C"))


def huruf_akip(skor: float) -> NilaiHuruf:
    """The Nilai AKIP grade of a score (lower bounds exclusive: exactly 90 is A).

    >>> huruf_akip(65.3), huruf_akip(90), huruf_akip(90.01)
    (NilaiHuruf(huruf='B', jenis='akip'), NilaiHuruf(huruf='A', jenis='akip'), NilaiHuruf(huruf='AA', jenis='akip'))
    """
    for batas, huruf in _PITA_AKIP:
        if skor > batas:
            return NilaiHuruf(huruf, "akip")
    return NilaiHuruf("D", "akip")


def _status(nilai: float) -> str:
    return "Tercapai" if nilai >= BATAS_TERCAPAI else "Belum tercapai"


def _capaian_huruf(target: NilaiHuruf, realisasi: Realisasi, polaritas: str,
                   metode: str) -> HasilCapaian:
    if isinstance(realisasi, float):
        if target.jenis != "akip":
            raise DataTidakValid(
                f"realisasi {realisasi:g} berupa angka, sedangkan target '{target}' berupa predikat",
                nilai=realisasi, saran="Isi realisasi dengan predikat juga, mis. WTP.")
        realisasi = huruf_akip(realisasi)
    if realisasi.jenis != target.jenis:
        raise DataTidakValid(f"realisasi '{realisasi}' dan target '{target}' dari skala berbeda",
                             nilai=str(realisasi), saran="Gunakan skala yang sama dengan target.")
    nilai = rumus_untuk(polaritas, metode).hitung(target.ordinal, realisasi.ordinal)
    return HasilCapaian(nilai, _status(nilai))


def _langsung_semua(target: Sequence[float], realisasi: Sequence[float], rumus: Rumus) -> bool:
    """Whether the formula applies as it is to every pair: each target above 0, and no divisor 0.
    The other pairs are the special cases of :func:`_capaian_angka`. The one statement of that
    rule, for one pair (:func:`_langsung`) and at C speed for many (:func:`capaian_banyak`)."""
    return min(target) > 0 and (rumus.pembagi == "t" or 0.0 not in realisasi)


def _langsung(t: float, r: float, rumus: Rumus) -> bool:
    return _langsung_semua((t,), (r,), rumus)


def _angka_semua(x: Sequence[object]) -> bool:
    """Every value a plain finite float, checked at C speed (a sum of floats is finite only when
    each of them is; a sum too large for a float says no, and the caller looks one by one)."""
    if set(map(type, x)) != {float}:
        return False
    jumlah = sum(x)  # type: ignore[arg-type]
    return jumlah - jumlah == 0.0


def _capaian_angka(t: float, r: float, polaritas: str, metode: str) -> HasilCapaian:
    rumus = rumus_untuk(polaritas, metode)
    if not _langsung(t, r, rumus):
        if t < 0:
            return HasilCapaian(None, alasan="target negatif tidak didukung rumus capaian")
        if t == 0:
            if polaritas == "positif":
                return HasilCapaian(None, alasan="target 0")
            if r == 0:
                return HasilCapaian(100.0, "Tercapai")
            return HasilCapaian(0.0, "Belum tercapai",
                                peringatan=("target 0 dan realisasi di atas 0: capaian 0",))
        return HasilCapaian(None, alasan=f"realisasi 0: rumus {metode} tidak dapat dihitung")
    nilai = rumus.hitung(t, r)
    if not math.isfinite(nilai):  # e.g. realisasi 1e308 against target 1e-10: no number to report
        return HasilCapaian(None, alasan="capaian terlalu besar untuk dihitung",
                            peringatan=("target atau realisasi tidak wajar: capaian tak hingga",))
    peringatan = ()
    if nilai < 0:
        peringatan = ("realisasi lebih dari dua kali target: capaian negatif",)
    return HasilCapaian(nilai, _status(nilai), peringatan=peringatan)


def pembanding(target: Target, realisasi: float) -> float:
    """The single number a realisasi is compared with (a range gives its nearer bound).

    >>> pembanding(Rentang(80, 90), 92), pembanding(Rentang(80, 90), 70), pembanding(Rentang(80, 90), 85)
    (90, 80, 85)
    """
    if isinstance(target, Rentang):
        return min(max(realisasi, target.bawah), target.atas)
    assert isinstance(target, float | int)
    return target


def rinci_capaian(target: object, realisasi: object, polaritas: object = "positif",
                  metode_negatif: object = "2T-R") -> HasilCapaian:
    """The capaian of one pair, with its status, or why there is none.

    Arguments may be raw cell values ("83,5", "80-90", "BB") or parsed values.
    """
    pol = parse_polaritas(polaritas)
    metode = parse_metode_negatif(metode_negatif) or "2T-R"
    t = target if isinstance(target, Rentang | NilaiHuruf) else parse_target(target)
    r = realisasi if isinstance(realisasi, NilaiHuruf) else parse_realisasi(realisasi)
    if r is None:
        return HasilCapaian(None, alasan="realisasi belum diisi")
    if t is None:
        return HasilCapaian(None, alasan="target belum diisi")
    if isinstance(t, NilaiHuruf):
        return _capaian_huruf(t, r, pol, metode)
    if isinstance(r, NilaiHuruf):
        raise DataTidakValid(f"realisasi '{r}' berupa predikat, sedangkan target berupa angka",
                             nilai=str(r), saran="Isi realisasi dengan angka.")
    if isinstance(t, Rentang) and t.bawah <= r <= t.atas:
        return HasilCapaian(100.0, "Tercapai")
    return _capaian_angka(float(pembanding(t, r)), r, pol, metode)


def capaian_banyak(target: Sequence[object], realisasi: Sequence[object], polaritas: object = "positif",
                   metode_negatif: object = "2T-R") -> tuple[list[float | None], list[int]]:
    """The capaian of many pairs (two equally long flat lists, as cells arrive) in one pass.

    Returns the values and the indexes this pass leaves to :func:`rinci_capaian`. Decided
    here: a pair of plain finite numbers that :func:`_langsung` passes, computed by the rule
    table's own formula (:mod:`iku_xl.core.polaritas`), unless the result is not finite; and
    an empty cell (None) beside a number or another empty cell: no capaian. Everything else
    (text such as "83,5" or "80-90", grades, target 0 or below, a divisor 0, NaN, ints and
    bools, results that are not finite) is left, with None in its place, for the caller to
    give to :func:`rinci_capaian`, so its rules and messages stay the only ones. A decided
    value equals ``rinci_capaian(t, r, polaritas, metode_negatif).nilai`` exactly.

    >>> capaian_banyak([90.0, 80.0, "80-90", 0.0, None], [92.0, None, 85.0, 5.0, 70.0])
    ([102.22222222222221, None, None, None, None], [2, 3])
    >>> capaian_banyak([4.0, 4.0], [3.0, 0.0], "negatif", "T/R")
    ([133.33333333333331, None], [1])
    """
    rumus = rumus_untuk(parse_polaritas(polaritas), parse_metode_negatif(metode_negatif) or "2T-R")
    n = len(target)
    if len(realisasi) != n:
        raise ValueError(f"{n} target, {len(realisasi)} realisasi")
    nilai: list[float | None] = [None] * n
    sisa: list[int] = []
    if _angka_semua(target) and _angka_semua(realisasi):  # the common case, decided at C speed
        indeks: Sequence[int] = range(n)
        tt, rr = target, realisasi
    else:
        indeks, tt, rr = [], [], []
        for i, t, r in zip(range(n), target, realisasi):
            if type(t) is float and type(r) is float and t - t == 0.0 and r - r == 0.0:
                indeks.append(i)
                tt.append(t)
                rr.append(r)
            elif not ((r is None and (t is None or type(t) is float and t - t == 0.0))
                      or (t is None and type(r) is float and r - r == 0.0)):
                sisa.append(i)  # an empty cell beside a number or an empty cell has no capaian: None
    if tt and not _langsung_semua(tt, rr, rumus):  # type: ignore[arg-type]
        pilih = [_langsung(t, r, rumus) for t, r in zip(tt, rr)]  # type: ignore[arg-type]
        sisa += [i for i, ya in zip(indeks, pilih) if not ya]
        indeks = [i for i, ya in zip(indeks, pilih) if ya]
        tt = [t for t, ya in zip(tt, pilih) if ya]
        rr = [r for r, ya in zip(rr, pilih) if ya]
    hasil = list(map(rumus.hitung, tt, rr))
    if len(hasil) == n and (not hasil or _angka_semua(hasil)):
        return hasil, []  # type: ignore[return-value]
    for i, x in zip(indeks, hasil):
        if x - x == 0.0:  # finite; inf and NaN go to rinci_capaian, which says why there is none
            nilai[i] = x
        else:
            sisa.append(i)
    sisa.sort()
    return nilai, sisa


def _nilai(target: object, realisasi: object, polaritas: object, metode: object) -> float | None:
    return rinci_capaian(target, realisasi, polaritas, metode).nilai


def _seperti_kolom(x: object) -> bool:
    """A pandas Series or similar (duck-typed: pandas is never imported here)."""
    return hasattr(x, "index") and hasattr(x, "to_list") and hasattr(x, "shape")


def _seperti_daftar(x: object) -> bool:
    return isinstance(x, list | tuple)


def hitung_capaian(target: Any, realisasi: Any, polaritas: Any = "positif",
                   metode_negatif: Any = "2T-R") -> Any:
    """Capaian in percent, full precision; None when it cannot be computed.

    Works on single values, on 2-D (or 1-D) lists as Excel ranges arrive, and on
    pandas Series; scalar arguments are broadcast. Rules: DOMAIN.md section 2.
    """
    argumen = (target, realisasi, polaritas, metode_negatif)
    kolom = next((a for a in argumen if _seperti_kolom(a)), None)
    if kolom is not None:
        daftar = [a.to_list() if _seperti_kolom(a) else a for a in argumen]
        return type(kolom)(_peta(*daftar, panjang=len(kolom)), index=kolom.index,
                           name="capaian", dtype=object)
    if any(_seperti_daftar(a) for a in argumen):
        return _peta(*argumen)
    return _nilai(*argumen)


def _peta(*argumen: Any, panjang: int | None = None) -> list[Any]:
    """Apply :func:`_nilai` element-wise over equally shaped (nested) lists."""
    panjang_ada = {len(a) for a in argumen if _seperti_daftar(a)}
    if panjang is not None:
        panjang_ada.add(panjang)
    if len(panjang_ada) > 1:
        raise DataTidakValid("ukuran rentang target dan realisasi berbeda",
                             saran="Pilih rentang sel yang sama ukurannya.")
    n = panjang_ada.pop()
    hasil: list[Any] = []
    for i in range(n):
        baris = [a[i] if _seperti_daftar(a) else a for a in argumen]
        if any(_seperti_daftar(b) for b in baris):
            hasil.append(_peta(*baris))
        else:
            try:
                hasil.append(_nilai(*baris))
            except DataTidakValid as e:
                raise e.di(sel=f"elemen ke-{i + 1}") from None
    return hasil

