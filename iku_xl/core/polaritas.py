"""The capaian formulas as data: one row per polaritas and method.

Each rule carries the Python computation and the same formula as Excel text, so
the report's formula cells and the core can never disagree about the rule.
Sources: PermenPANRB 8/2021 lampiran bab VI (DOMAIN.md section 2).

>>> RUMUS["positif"].hitung(90, 92)
102.22222222222221
>>> RUMUS["negatif 2T-R"].excel.format(t="E7", r="F7")
'(2*E7-F7)/E7*100'
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rumus:
    """One capaian formula: T is the target, R the realisasi."""

    nama: str
    keterangan: str
    hitung: Callable[[float, float], float]
    excel: str  # format string with {t} and {r}
    pembagi: str = "t"  # what the formula divides by: "t" (the target) or "r" (the realisasi)


RUMUS: dict[str, Rumus] = {
    "positif": Rumus("positif", "R / T x 100 (kondisi normal)",
                     lambda t, r: r / t * 100, "{r}/{t}*100"),
    "negatif 2T-R": Rumus("negatif 2T-R", "(1 + (1 - R / T)) x 100 (kondisi khusus)",
                          lambda t, r: (2 * t - r) / t * 100, "(2*{t}-{r})/{t}*100"),
    "negatif T/R": Rumus("negatif T/R", "T / R x 100",
                         lambda t, r: t / r * 100, "{t}/{r}*100", pembagi="r"),
}


def rumus_untuk(polaritas: str, metode_negatif: str = "2T-R") -> Rumus:
    """The formula for a polaritas ('positif'/'negatif') and negative-polarity method."""
    return RUMUS["positif"] if polaritas == "positif" else RUMUS[f"negatif {metode_negatif}"]


#: Capaian at or above this is "Tercapai".
BATAS_TERCAPAI = 100.0

#: Places shown in reports (values inside keep full precision).
DESIMAL_TAMPIL = 2


def bulatkan(x: float, desimal: int = DESIMAL_TAMPIL) -> float:
    """Round halves away from zero, as Excel's ROUND does (Python's round() does not).

    >>> bulatkan(2.675), round(2.675, 2)
    (2.68, 2.67)
    >>> bulatkan(0.125), round(0.125, 2)
    (0.13, 0.12)
    >>> bulatkan(-2.5, 0)
    -3.0
    """
    # repr() gives the shortest text that round-trips, which is what Excel shows
    # (15 significant digits): 2.675 stays 2.675, not 2.67499999...
    d = decimal.Decimal(repr(x)).quantize(decimal.Decimal(1).scaleb(-desimal),
                                          rounding=decimal.ROUND_HALF_UP)
    return float(d)
