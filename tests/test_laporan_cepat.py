"""What the one-click report does to stay fast (issue 14) changes nothing it writes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from iku_xl.core.dokumen.bagian import BULAN, format_tanggal


@pytest.mark.parametrize("bulan", range(1, 13))
def test_format_tanggal_sama_dengan_babel(bulan):
    from babel.dates import format_date

    for tanggal in (dt.date(2025, bulan, 1), dt.date(2021, bulan, 28), dt.date(999, bulan, 9)):
        assert format_tanggal(tanggal) == format_date(tanggal, "d MMMM y", locale="id")
    assert len(BULAN) == 12


def test_perintah_tidak_memuat_numpy_dan_babel(tmp_path, salin):
    """The command line keeps numpy (openpyxl would import it) and Babel off a report's path; numpy
    is still importable afterwards in the same process."""
    contoh_legok = salin("contoh_legok_2020.xlsx")
    kode = (
        "import sys\n"
        "from iku_xl.cli import main\n"
        f"kode = main(['laporan', {str(contoh_legok)!r}, '--tahun', '2020', '-o', {str(tmp_path / 'k.xlsx')!r}])\n"
        "print(kode, 'numpy' in sys.modules, 'babel' in sys.modules)\n"
        "import numpy\n"
        "print(type(numpy.float64(1.5)).__name__)\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=120)
    assert hasil.stdout.splitlines()[-2:] == ["0 False False", "float64"], hasil.stderr


def _grid_acuan(ws):
    """What ``isi_lembar`` gives, cell by cell the slow way (every cell's number format asked)."""
    from iku_xl.core.parse import RumusTanpaNilai
    from iku_xl.workbook.baca import _nilai_sel

    grid = [[None] * ws.max_column for _ in range(ws.max_row)]
    persen, ada_rumus = set(), False
    for (r, c), sel in ws._cells.items():
        v = _nilai_sel(sel)
        ada_rumus = ada_rumus or isinstance(v, RumusTanpaNilai)
        if "%" in (sel.number_format or ""):
            persen.add((r - 1, c - 1))
        grid[r - 1][c - 1] = v
    for rentang in ws.merged_cells.ranges:  # a merged block: its first cell's value everywhere
        for r in range(rentang.min_row - 1, min(rentang.max_row, len(grid))):
            for c in range(rentang.min_col - 1, min(rentang.max_col, len(grid[r]))):
                grid[r][c] = grid[rentang.min_row - 1][rentang.min_col - 1]
    return grid, frozenset(persen), ada_rumus


def test_grid_sama_dengan_cara_lambat(tmp_path, salin):
    """The data sheets as read for the core: percent cells found once per number format, values of
    every kind (numbers, percent in builtin and custom formats, dates, booleans, errors, formulas,
    rich text, text) as before."""
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    from iku_xl.workbook.baca import isi_lembar

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"], ws["C1"] = 85.5, 0.855, 0.9
    ws["B1"].number_format = "0%"
    ws["C1"].number_format = "0.0 %"
    ws["A2"], ws["B2"], ws["C2"] = dt.date(2024, 3, 1), True, "#DIV/0!"
    ws["A3"], ws["B3"] = "=A1*2", CellRichText([TextBlock(InlineFont(b=True), "Capaian "), "naik"])
    ws["C3"] = "85,5 %"
    ws["D4"].number_format = "0.00%"  # styled, empty
    ws["A5"], ws["B5"] = 0.5, 0.25
    ws["A5"].number_format = "0.00%"
    ws["B5"].number_format = "#,##0"
    wb.save(tmp_path / "a.xlsx")
    dibaca = openpyxl.load_workbook(tmp_path / "a.xlsx", rich_text=True).active
    assert isi_lembar(dibaca) == _grid_acuan(dibaca)
    assert isi_lembar(dibaca)[1] == frozenset({(0, 1), (0, 2), (3, 3), (4, 0)})
    legok = openpyxl.load_workbook(salin("contoh_legok_2020.xlsx"), rich_text=True)
    for ws in legok.worksheets:
        assert isi_lembar(ws) == _grid_acuan(ws), ws.title
