"""The cell functions for classic xlwings: desktop Excel on Windows with a local Python.

This is the module named in the workbook's xlwings settings (``UDF Modules`` =
``iku_xl.xl.udfs``). The VBA wrappers that make Excel call these functions are
generated at build time into ``macros/IkuFungsi.bas`` (:mod:`iku_xl.xl.vba_udf`),
so staff need neither "Import Functions" nor access to the VBA project.

Names, descriptions and arguments come from :data:`iku_xl.xl.fungsi.FUNGSI`; this
module only applies xlwings' decorators to a copy of each function. The decorators
only attach ``__xlfunc__`` metadata, so every function stays a plain Python function
with the same results as :mod:`iku_xl.xl.fungsi`. (Outside Windows, ``xw.func`` and
``xw.arg`` are no-op stubs and attach nothing.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import xlwings as xw

from iku_xl.xl.fungsi import FUNGSI, Fungsi, salinan


def _udf(spek: Fungsi) -> Callable[..., Any]:
    f = salinan(spek)
    for a in spek.argumen:
        # err_to_str: an error cell arrives as "#N/A" (reported), not as None (an empty cell)
        f = xw.arg(a.nama, ndim=2, err_to_str=True, doc=a.keterangan)(f)
    return xw.func(category=spek.kategori, call_in_wizard=False)(f)


globals().update({spek.nama: _udf(spek) for spek in FUNGSI})
__all__ = [spek.nama for spek in FUNGSI]
