"""The cell functions for xlwings Server: the Office.js add-in (Excel on Windows, Mac, web).

xlwings Server imports a top-level ``custom_functions`` package from its project
folder (``XLWINGS_PROJECT_DIR``); ``iku_xl/xl/server_proyek/custom_functions``
re-exports this module. Importing it needs ``XLWINGS_LICENSE_KEY`` (xlwings PRO is
PolyForm Noncommercial, which permits use by a government institution, or a paid
licence); it is an optional part of iku-xl.

Names, descriptions and arguments come from :data:`iku_xl.xl.fungsi.FUNGSI`; this
module only applies the server's decorators to a copy of each function. In Excel the
functions appear under the add-in's namespace (``XLWINGS_FUNCTIONS_NAMESPACE``, by
default XLWINGS), e.g. ``=XLWINGS.IKU_CAPAIAN(E7, F7)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from xlwings.server import arg, func

from iku_xl.xl.fungsi import FUNGSI, Fungsi, salinan


def _fungsi_server(spek: Fungsi) -> Callable[..., Any]:
    f = salinan(spek)
    for a in spek.argumen:
        # err_to_str: an error cell arrives as "#N/A" (reported), not as None (an empty cell)
        f = arg(a.nama, ndim=2, err_to_str=True, doc=a.keterangan)(f)
    return func(f)


globals().update({spek.nama: _fungsi_server(spek) for spek in FUNGSI})
__all__ = [spek.nama for spek in FUNGSI]
