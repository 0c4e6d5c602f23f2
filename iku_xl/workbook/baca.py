"""Open an IKU workbook with openpyxl and hand its cell values to the core.

openpyxl keeps everything of the user's workbook for writing it back; the
cached results of formula cells (which openpyxl does not read alongside the
formulas) come from a second, read-only pass, only when a data sheet has formulas.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iku_xl.core.baca import Lembaran, cari_lembar
from iku_xl.core.errors import BerkasTidakValid
from iku_xl.core.parse import RumusTanpaNilai
from iku_xl.core.skema import LEMBAR_DATA, PROFIL_NAMA
from iku_xl.workbook.pemeriksaan import batas_baca, diperiksa, periksa_berkas

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

EKSTENSI = (".xlsx", ".xlsm")


@dataclass
class BukuTerbuka:
    """A workbook opened for reading and, later, writing back."""

    path: Path
    wb: Workbook

    @property
    def makro(self) -> bool:
        return self.path.suffix.lower() == ".xlsm"


def buka(path: str | Path) -> BukuTerbuka:
    """Open ``path`` with everything kept (macros too for .xlsm); errors in Indonesian."""
    import openpyxl

    p = Path(path)
    if not p.exists():
        raise BerkasTidakValid(f"berkas '{p}' tidak ditemukan",
                               saran="Periksa nama dan folder berkas.")
    if p.suffix.lower() not in EKSTENSI:
        raise BerkasTidakValid(f"berkas '{p.name}' bukan buku kerja Excel (.xlsx/.xlsm)",
                               saran="Simpan berkas sebagai Excel Workbook (.xlsx) lalu coba lagi.")
    periksa_berkas(p)  # before openpyxl touches it: a FIFO, a zip bomb, a far-away cell...
    with batas_baca(p):
        # rich_text: bold words and colours inside one cell are written back (the core sees plain text)
        wb = openpyxl.load_workbook(p, keep_vba=p.suffix.lower() == ".xlsm", keep_links=True, rich_text=True)
    return BukuTerbuka(p, wb)


def _nilai_sel(sel: Any) -> Any:
    """A cell's value for the core: formulas as :class:`RumusTanpaNilai`, rich text as its plain text.

    >>> from openpyxl import Workbook
    >>> from openpyxl.cell.rich_text import CellRichText, TextBlock
    >>> from openpyxl.cell.text import InlineFont
    >>> ws = Workbook().active
    >>> ws["A1"] = CellRichText([TextBlock(InlineFont(b=True), "Capaian "), "naik"])
    >>> _nilai_sel(ws["A1"])
    'Capaian naik'
    """
    from openpyxl.cell.rich_text import CellRichText

    if sel.data_type == "f":
        teks = getattr(sel.value, "text", sel.value)  # ArrayFormula keeps its text in .text
        return RumusTanpaNilai(str(teks))
    if isinstance(sel.value, CellRichText):
        return str(sel.value)
    return sel.value


def _grid(ws: Worksheet) -> tuple[list[list[Any]], frozenset[tuple[int, int]], bool]:
    grid: list[list[Any]] = []
    persen: set[tuple[int, int]] = set()
    ada_rumus = False
    for i, baris in enumerate(ws.iter_rows()):
        nilai = []
        for j, sel in enumerate(baris):
            v = _nilai_sel(sel)
            ada_rumus = ada_rumus or isinstance(v, RumusTanpaNilai)
            if "%" in (sel.number_format or ""):
                persen.add((i, j))
            nilai.append(v)
        grid.append(nilai)
    for rentang in ws.merged_cells.ranges:  # a merged block means "the same value" in every cell
        r0, c0 = rentang.min_row - 1, rentang.min_col - 1
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        for r in range(r0, min(rentang.max_row, len(grid))):
            for c in range(c0, min(rentang.max_col, len(grid[r]))):
                grid[r][c] = grid[r0][c0]
    return grid, frozenset(persen), ada_rumus


@diperiksa  # checked first (at no cost after buka()); read-only mode reads lazily: damage shows in the loop
def nilai_tersimpan(path: Path, lembar: list[str] | None = None) -> dict[str, list[list[Any]]]:
    """Saved cell values (formula results, error values as text such as "#DIV/0!") of some
    or all sheets; grids start at A1 like the core's.

    openpyxl's read-only mode, not python-calamine: calamine 0.9 returns an error
    cell as "" like an empty one (dimastbk/python-calamine#105).
    """
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        hasil = {}
        for ws in wb.worksheets:
            if lembar is not None and ws.title not in lembar:
                continue
            ws.reset_dimensions()  # do not trust the <dimension> a writer left
            hasil[ws.title] = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
        return hasil
    finally:
        wb.close()


def lembaran(buku: BukuTerbuka, tersimpan: dict[str, list[list[Any]]] | None = None) -> Lembaran:
    """The data sheets' values as the core reads them; ``tersimpan`` is :func:`nilai_tersimpan`
    of the whole workbook when the caller has already read it."""
    nama_semua = buku.wb.sheetnames
    perlu = {cari_lembar(n, nama_semua) for n in (PROFIL_NAMA, *(d.nama for d in LEMBAR_DATA))}
    nilai: dict[str, list[list[Any]]] = {n: [] for n in nama_semua}
    persen: dict[str, frozenset[tuple[int, int]]] = {}
    for nama in filter(None, perlu):
        grid, persen[nama], ada_rumus = _grid(buku.wb[nama])
        if ada_rumus:
            hasil = tersimpan if tersimpan is not None else nilai_tersimpan(buku.path, [nama])
            _isi_hasil_rumus(grid, hasil[nama])
        nilai[nama] = grid
    return Lembaran(nilai, persen)


def _isi_hasil_rumus(grid: list[list[Any]], tersimpan: list[list[Any]]) -> None:
    """Replace formula cells by their saved results where the file has them."""
    for i, baris in enumerate(grid):
        for j, v in enumerate(baris):
            if isinstance(v, RumusTanpaNilai) and i < len(tersimpan) and j < len(tersimpan[i]):
                hasil = tersimpan[i][j]
                if hasil not in ("", None):
                    baris[j] = hasil
