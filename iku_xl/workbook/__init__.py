"""openpyxl/calamine adapter: reads IKU workbooks, writes what the core plans."""

from __future__ import annotations

import sys


def impor_openpyxl_tanpa_numpy() -> None:
    """Import openpyxl without letting it import numpy, in a process that has neither yet.

    openpyxl imports numpy whenever it is installed (only to accept numpy numbers as cell values);
    that costs a command line ~120 ms of a 0.4 s click, and the workbook jobs never hand numpy
    values to openpyxl. numpy stays importable afterwards (pandas imports it as usual, and its own
    Excel writer turns numpy numbers into Python ones first), but in this process openpyxl then
    refuses a numpy number set directly into a cell: call this only where nothing does that.
    Where numpy or openpyxl is already loaded (tests, Excel's Python process) nothing changes.
    """
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # "import numpy" raises ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        if "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]
