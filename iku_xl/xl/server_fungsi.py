"""The cell functions for xlwings Server: the Office.js add-in (Excel on Windows, Mac, web).

xlwings Server imports a top-level ``custom_functions`` package from its project
folder (``XLWINGS_PROJECT_DIR``); ``iku_xl/xl/server_proyek/custom_functions``
re-exports this module. Importing it needs ``XLWINGS_LICENSE_KEY`` (xlwings PRO is
PolyForm Noncommercial, which permits use by a government institution, or a paid
licence); it is an optional part of iku-xl.

Names, descriptions and arguments come from :data:`iku_xl.xl.fungsi.FUNGSI`; this
module applies the server's decorators to a copy of each function, plus two things
only this front end needs (:func:`_fungsi_server`):

* **A number JSON cannot carry.** The server answers in JSON, which has no infinity
  or NaN: such a result (``IKU_RASIO(1e300; 1e-300)``) was an HTTP 500 and the cell
  showed #VALUE!. It becomes a message (:data:`PESAN_TAK_HINGGA`, :data:`PESAN_NAN`).
* **Dates.** Office.js hands a custom function the cell's number, never its format:
  a target typed 7-8 that Excel turned into the date 7 August 2025 arrives as 45876.
  :func:`_target_tanggal` flags an IKU_CAPAIAN target that is a whole number of a
  date in 2000-2099 (36526-73051) while the realisasi is under 1 % of it: the capaian
  would be under 1 %, and a typed range is the likely cause. A real target in that
  range with a realisasi under 1 % of it gets the message too (its capaian is near
  zero anyway); the message says what to check.

In Excel the functions appear under the add-in's namespace (``functions_namespace``
in ``server_proyek/pyproject.toml``): ``=IKU.IKU_CAPAIAN(E7; F7)``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any

from iku_xl.xl.server import tanpa_pyodide

tanpa_pyodide()  # before the first call: xlwings must not look for Pyodide once per cell

from xlwings.server import arg, func  # noqa: E402

from iku_xl.core.errors import singkat  # noqa: E402
from iku_xl.xl.fungsi import FUNGSI, MARKA, PANJANG_PESAN, Fungsi, salinan  # noqa: E402

#: A result too large for a number (infinite): the cell shows this instead.
PESAN_TAK_HINGGA = f"{MARKA} hasil terlalu besar untuk dihitung"
#: A result that is not a number (NaN).
PESAN_NAN = f"{MARKA} hasil tidak dapat dihitung"
#: Excel serial numbers of 1 January 2000 and 31 December 2099 (the 1900 date system).
SERIAL_TANGGAL = (36526, 73051)
_HARI_NOL = dt.date(1899, 12, 30)


def _terhingga(x: Any) -> Any:
    """A number JSON can carry, or the message instead.

    >>> _terhingga([[1.5, float("inf")], [float("nan"), "OK"]])
    [[1.5, '#IKU! hasil terlalu besar untuk dihitung'], ['#IKU! hasil tidak dapat dihitung', 'OK']]
    """
    if isinstance(x, list):
        if not any(type(y) is float and y - y != 0.0 for b in x for y in b):
            return x
        return [[_terhingga(y) for y in b] for b in x]
    if type(x) is float and x - x != 0.0:  # inf - inf and nan - nan are nan
        return PESAN_NAN if x != x else PESAN_TAK_HINGGA
    return x


def _angka(x: object) -> bool:
    return type(x) in (int, float)


def _target_tanggal(target: object, realisasi: object) -> str | None:
    """The message for a target that looks like a date Excel made of a typed range.

    >>> _target_tanggal(45876, 7.5)
    "#IKU! target 45876 tampaknya tanggal 07-08-2025: ketik sebagai teks '7-8'"
    >>> _target_tanggal(45876, 45000) is None, _target_tanggal(90, 0.5) is None
    (True, True)
    """
    if not (_angka(target) and _angka(realisasi)):
        return None
    t = float(target)  # type: ignore[arg-type]
    if not (SERIAL_TANGGAL[0] <= t <= SERIAL_TANGGAL[1] and t == int(t)
            and abs(float(realisasi)) * 100 < t):  # type: ignore[arg-type]
        return None
    d = _HARI_NOL + dt.timedelta(days=int(t))
    return singkat(f"{MARKA} target {int(t)} tampaknya tanggal {d:%d-%m-%Y}: ketik sebagai teks "
                   f"'{d.day}-{d.month}'", PANJANG_PESAN)


def _sel(x: Any, i: int, j: int) -> Any:
    """Element (i, j) of an argument as xlwings Server hands it (a 2-D list; 1x1 spreads)."""
    if not isinstance(x, list):
        return x
    if len(x) == 1 and len(x[0]) == 1:
        return x[0][0]
    return x[i][j] if i < len(x) and j < len(x[i]) else None


def _periksa_capaian(args: Sequence[Any], hasil: Any) -> Any:
    """IKU_CAPAIAN's numbers whose target looks like a date become the message."""
    target, realisasi = args[0], args[1]
    awal, akhir = SERIAL_TANGGAL
    if not (isinstance(target, list) and any(type(t) in (int, float) and awal <= t <= akhir  # one quick pass
                                             for b in target for t in b)):
        return hasil
    if not isinstance(hasil, list):
        pesan = _target_tanggal(_sel(target, 0, 0), _sel(realisasi, 0, 0))
        return pesan if pesan and _angka(hasil) else hasil
    keluar = None
    for i, b in enumerate(hasil):
        for j, y in enumerate(b):
            if _angka(y) and (pesan := _target_tanggal(_sel(target, i, j), _sel(realisasi, i, j))):
                keluar = keluar or [list(c) for c in hasil]
                keluar[i][j] = pesan
    return keluar or hasil


_PERIKSA: dict[str, Callable[[Sequence[Any], Any], Any]] = {"IKU_CAPAIAN": _periksa_capaian}


def _fungsi_server(spek: Fungsi) -> Callable[..., Any]:
    f = salinan(spek)
    periksa = _PERIKSA.get(spek.nama)

    @functools.wraps(f)
    def sel(*args: Any) -> Any:
        hasil = f(*args)
        if periksa is not None:
            hasil = periksa(args, hasil)
        return _terhingga(hasil)

    for a in spek.argumen:
        # err_to_str: an error cell arrives as "#N/A" (reported), not as None (an empty cell)
        sel = arg(a.nama, ndim=2, err_to_str=True, doc=a.keterangan)(sel)
    return func(sel)


globals().update({spek.nama: _fungsi_server(spek) for spek in FUNGSI})
__all__ = [spek.nama for spek in FUNGSI]
