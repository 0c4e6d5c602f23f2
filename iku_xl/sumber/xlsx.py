"""A spreadsheet (.xlsx/.xlsm) holding an IKU table: every sheet's rows, numbers as staff type them."""

from __future__ import annotations

from pathlib import Path

from iku_xl.core.impor import BarisSumber
from iku_xl.core.model import teks_angka
from iku_xl.workbook.pemeriksaan import diperiksa


def _teks_angka(x: object, persen: bool = False) -> str:
    """A number from a spreadsheet cell as staff would type it (decimal comma).

    >>> _teks_angka(83.5), _teks_angka(2024), _teks_angka(0.6, persen=True)
    ('83,5', '2024', '60 %')
    """
    if isinstance(x, bool) or not isinstance(x, int | float):
        return "" if x is None else str(x).strip()
    return f"{teks_angka(x * 100)} %" if persen else teks_angka(x)


@diperiksa  # a FIFO, a zip bomb or a far-away cell is refused before openpyxl reads every sheet densely
def baris_dari_xlsx(path: Path) -> list[BarisSumber]:
    """Every sheet's rows; each sheet is a table of its own."""
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    baris: list[BarisSumber] = []
    for t, ws in enumerate(wb.worksheets):
        for r, sel in enumerate(ws.iter_rows(), start=1):
            teks = tuple(_teks_angka(c.value, "%" in (c.number_format or "")) for c in sel)
            if any(teks):
                baris.append(BarisSumber(teks, r, t))
    return baris
