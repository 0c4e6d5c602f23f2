"""Open an IKU workbook with openpyxl and hand its cell values to the core.

openpyxl keeps everything of the user's workbook for writing it back; the
cached results of formula cells (which openpyxl does not read alongside the
formulas) come from a second, read-only pass over only the sheets that need
them: a data sheet with formulas, and for the formula check a sheet whose XML
may hold an error value (:class:`NilaiTersimpan`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from iku_xl.core.baca import Lembaran, cari_lembar
from iku_xl.core.dokumen import lembar_analisis
from iku_xl.core.errors import BerkasTidakValid
from iku_xl.core.parse import RumusTanpaNilai
from iku_xl.core.skema import LEMBAR_DATA, PROFIL_NAMA
from iku_xl.workbook.pemeriksaan import batas_baca, mungkin_galat, periksa_berkas

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

EKSTENSI = (".xlsx", ".xlsm")
T = TypeVar("T")


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


def isi_lembar(ws: Worksheet) -> tuple[list[list[Any]], frozenset[tuple[int, int]], bool]:
    """The sheet's values from A1 to its last row and column, the percent-formatted cells and
    whether any cell holds a formula. Only the cells the sheet has are visited (``iter_rows``
    would make, and keep, a cell object for every empty place of the rectangle)."""
    n_baris, n_kolom = ws.max_row, ws.max_column  # each a scan of the cells: asked once
    grid: list[list[Any]] = [[None] * n_kolom for _ in range(n_baris)]
    persen: set[tuple[int, int]] = set()
    ada_rumus = False
    format_persen: dict[int, bool] = {}  # numFmtId -> whether its format shows percent (one lookup per id)
    for (r, c), sel in ws._cells.items():
        if sel.data_type in ("n", "d", "b"):  # numbers, dates, booleans: the value as it is
            v = sel._value
        else:
            v = _nilai_sel(sel)
            ada_rumus = ada_rumus or isinstance(v, RumusTanpaNilai)
        gaya = sel._style
        if gaya is not None:
            kode = gaya.numFmtId
            if kode not in format_persen:
                format_persen[kode] = "%" in (sel.number_format or "")
            if format_persen[kode]:
                persen.add((r - 1, c - 1))
        elif "%" in (sel.number_format or ""):
            persen.add((r - 1, c - 1))
        grid[r - 1][c - 1] = v
    for rentang in ws.merged_cells.ranges:  # a merged block means "the same value" in every cell
        r0, c0 = rentang.min_row - 1, rentang.min_col - 1
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        for r in range(r0, min(rentang.max_row, len(grid))):
            for c in range(c0, min(rentang.max_col, len(grid[r]))):
                grid[r][c] = grid[r0][c0]
    return grid, frozenset(persen), ada_rumus


class NilaiTersimpan(Mapping[str, list[list[Any]]]):
    """Saved cell values (formula results, error values as text such as "#DIV/0!") by sheet
    title; grids start at A1 like the core's. A sheet is read when it is first looked up, so
    that sheets nobody asks for (no formula cell) cost nothing.

    openpyxl's read-only mode, not python-calamine: calamine 0.9 returns an error
    cell as "" like an empty one (dimastbk/python-calamine#105).
    """

    def __init__(self, path: Path, lembar: Collection[str] | None = None) -> None:
        periksa_berkas(path)  # checked first (at no cost after buka(), which checked it already)
        self._path = path
        self._lembar = lembar
        self._grid: dict[str, list[list[Any]]] = {}
        self._nama: list[str] | None = None

    def _dengan_buku(self, kerja: Callable[[Any], T]) -> T:
        """``kerja(wb)`` on the file opened read-only, closed again at once: the workbook may be
        written over later (Windows refuses to replace a file that is still open)."""
        import openpyxl

        with batas_baca(self._path):  # read-only mode reads lazily: damage shows here, as exit 2
            wb = openpyxl.load_workbook(self._path, read_only=True, data_only=True)
            try:
                self._nama = list(wb.sheetnames)
                return kerja(wb)
            finally:
                wb.close()

    def _judul(self) -> list[str]:
        if self._nama is None:
            self._dengan_buku(lambda wb: None)
        assert self._nama is not None
        return [n for n in self._nama if self._lembar is None or n in self._lembar]

    def __getitem__(self, judul: str) -> list[list[Any]]:
        if judul not in self._grid:
            if judul not in self._judul():
                raise KeyError(judul)

            def baca(wb: Any) -> list[list[Any]]:
                ws = wb[judul]
                ws.reset_dimensions()  # do not trust the <dimension> a writer left
                return [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]

            self._grid[judul] = self._dengan_buku(baca)
        return self._grid[judul]

    def __iter__(self) -> Iterator[str]:
        return iter(self._judul())

    def __len__(self) -> int:
        return len(self._judul())

    def mungkin_galat(self, judul: str) -> bool:
        """False only when no saved value of sheet ``judul`` can be an Excel error
        (:func:`mungkin_galat` on its XML, streamed in pieces: a piece without the ``sheetData``
        tags is searched whole, so a piece border can cause a false alarm, never a miss). Far
        cheaper than reading the values; a sheet this cannot rule out is read as usual."""

        def pindai(wb: Any) -> bool:
            try:
                with wb._archive.open(wb[judul]._worksheet_path) as f:
                    while potong := f.read(1 << 20):
                        if mungkin_galat(potong):
                            return True
            except (AttributeError, KeyError):  # not a part this can scan: read it as usual
                return True
            return False

        return self._dengan_buku(pindai)


def nilai_tersimpan(path: Path, lembar: Collection[str] | None = None) -> NilaiTersimpan:
    """Saved cell values of some or all sheets (see :class:`NilaiTersimpan`), read when asked for."""
    return NilaiTersimpan(path, lembar)


def lembaran(buku: BukuTerbuka, tersimpan: Mapping[str, list[list[Any]]] | None = None) -> Lembaran:
    """The data sheets' values as the core reads them; ``tersimpan`` is :func:`nilai_tersimpan`
    of the whole workbook when the caller has already read it."""
    nama_semua = buku.wb.sheetnames
    perlu = {cari_lembar(n, nama_semua) for n in (PROFIL_NAMA, *(d.nama for d in LEMBAR_DATA))}
    nilai: dict[str, list[list[Any]]] = {n: [] for n in nama_semua}
    persen: dict[str, frozenset[tuple[int, int]]] = {}
    hasil = tersimpan if tersimpan is not None else nilai_tersimpan(buku.path)  # opened only if needed
    for nama in filter(lembar_analisis, nama_semua):  # its staff text is written again (Analisis Capaian)
        nilai[nama] = isi_lembar(buku.wb[nama])[0]
    for nama in filter(None, perlu):
        grid, persen[nama], ada_rumus = isi_lembar(buku.wb[nama])
        if ada_rumus:
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
