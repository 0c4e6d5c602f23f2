"""Formula cells of a whole workbook, checked with :mod:`iku_xl.core.rumus_excel`.

Load the workbook with ``openpyxl.load_workbook(path)`` (data_only=False, so
formulas are kept). openpyxl forgets the values Excel calculated, so errors
that a formula *produced* (#DIV/0!, #N/A, ...) need the cached values as a
second input: :func:`iku_xl.workbook.baca.nilai_tersimpan` reads them.

Why not python-calamine for the cached values: python-calamine 0.9.1 returns
an error cell as ``""``, the same as an empty cell (dimastbk/python-calamine
issue 105), so a calamine grid never shows an error. Its grids are accepted
(same shape) and would work once calamine returns the error text.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from openpyxl.formula.tokenizer import Tokenizer
from openpyxl.utils import FORMULAE
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from iku_xl.core.errors import Masalah
from iku_xl.core.rumus_excel import Token, periksa_sel
from iku_xl.core.skema import FUNGSI_SEL
from iku_xl.workbook.baca import NilaiTersimpan

if TYPE_CHECKING:
    from openpyxl import Workbook

#: iku-xl's own worksheet functions (UDFs), known besides Excel's built-ins.
FUNGSI_TAMBAHAN = frozenset(FUNGSI_SEL)

Grid = Sequence[Sequence[object]]


def nama_terdefinisi_buku(wb: Workbook) -> list[str]:
    """Workbook-scope names and table names as "Nama", sheet-scope names as "Lembar!Nama"."""
    nama = list(wb.defined_names)
    for ws in wb.worksheets:
        nama += [f"{ws.title}!{n}" for n in ws.defined_names]
        nama += list(ws.tables)
    return nama


def token_rumus(rumus: str) -> tuple[list[Token] | None, str | None]:
    """(tokens, None), or (None, what the tokenizer said) when it fails."""
    try:
        return [Token(t.value, t.type, t.subtype) for t in Tokenizer(rumus).items], None
    except Exception as e:  # TokenizerError, but also IndexError on an extra ')'
        return None, f"{type(e).__name__}: {e}"


def _teks_rumus(nilai: object) -> tuple[str, bool]:
    """The formula text of a formula cell, and whether it can be tokenized."""
    if isinstance(nilai, DataTableFormula):  # what-if table {=TABLE(r1,r2)}: no formula text
        return f"{{=TABLE({nilai.r1 or ''},{nilai.r2 or ''})}}", False
    teks = (nilai.text or "") if isinstance(nilai, ArrayFormula) else str(nilai)
    return (teks if teks.startswith("=") else "=" + teks), True


def _nilai_di(grid: Grid, baris: int, kolom: int) -> object:
    try:
        return grid[baris - 1][kolom - 1]
    except IndexError:
        return None


def _grid_lembar(nilai_tersimpan: Mapping[str, Grid] | None, judul: str) -> Grid:
    """A sheet's saved values for its formula cells. Only error values matter to the check
    (:func:`~iku_xl.core.rumus_excel.kode_galat`), so a sheet that :class:`NilaiTersimpan` can
    tell has none is not read at all."""
    if nilai_tersimpan is None:
        return ()
    if isinstance(nilai_tersimpan, NilaiTersimpan) and not nilai_tersimpan.mungkin_galat(judul):
        return ()
    return nilai_tersimpan.get(judul) or ()


def periksa_rumus_buku(
    wb: Workbook,
    nilai_tersimpan: Mapping[str, Grid] | None = None,
    *,
    lewati_lembar: Collection[str] = (),
) -> list[Masalah]:
    """Problems of every formula cell and every error-valued cell, sheet by sheet.

    A cached error is reported only when the formula itself showed no galat
    (a formula with #REF! inside also shows #REF!: one message is enough).
    """
    lewati = {n.casefold() for n in lewati_lembar}
    nama_lembar = list(wb.sheetnames)
    nama = nama_terdefinisi_buku(wb)
    fungsi = frozenset(FORMULAE | FUNGSI_TAMBAHAN)  # one object: the core caches it by identity
    hasil: list[Masalah] = []
    for ws in wb.worksheets:
        if ws.title.casefold() in lewati:
            continue
        grid: Grid | None = None
        # only the formula and error cells, in row order: not every place of the used rectangle
        # (iter_rows would make a cell object for each empty one); the saved values of a sheet
        # are read only when it has a formula
        for (r, k), c in sorted((rk, c) for rk, c in ws._cells.items() if c.data_type in ("f", "e")):
            if c.data_type == "e":
                rumus, urai = None, None
                nilai = c.value
            else:
                rumus, bisa_diurai = _teks_rumus(c.value)
                urai = token_rumus if bisa_diurai else None
                if grid is None:
                    grid = _grid_lembar(nilai_tersimpan, ws.title)
                nilai = _nilai_di(grid, r, k) if grid else None
            hasil += periksa_sel(ws.title, c.coordinate, rumus, nilai, urai, nama_lembar=nama_lembar,
                                 nama_terdefinisi=nama, fungsi_dikenal=fungsi)
    return hasil
