"""Read an open workbook through the xlwings Book API into what the core reads.

Works with desktop Excel (classic xlwings) and with xlwings Server's remote
Book. Differences from the file reader (:mod:`iku_xl.workbook.baca`), each
documented where it matters:

* values are Excel's live results, so a formula in a data cell is simply its value;
* percent-formatted cells (0.9 shown as 90 %) are recognised on desktop Excel
  only: xlwings Server cannot read number formats synchronously, so there the
  validation's sibling-scale check ("0,9 next to 92") is what catches them;
* merged cells arrive as one value in the top-left cell; the core reads an
  empty Sasaran as "the same as above", so a merged Sasaran reads the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from iku_xl.core.baca import Lembaran, alamat, cari_lembar, kandidat_persen
from iku_xl.core.dokumen import lembar_analisis
from iku_xl.core.rumus_excel import periksa_sel
from iku_xl.core.skema import LEMBAR_DATA, PROFIL_NAMA, lembar_buatan_iku
from iku_xl.xl.render_xl import klasik

def _kisi(sheet: Any) -> list[list[Any]]:
    """The sheet's values from A1 to the end of the used range, as rows."""
    akhir = sheet.used_range.last_cell
    # err_to_str: an error cell reads "#DIV/0!", as in the file, instead of None (xlwings' default)
    nilai = sheet.range((1, 1), (akhir.row, akhir.column)).options(ndim=2, err_to_str=True).value
    return [list(b) for b in (nilai or [])]


def _persen(sheet: Any, sel: set[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """Which of the candidate cells are percent-formatted (desktop Excel only)."""
    return frozenset((i, j) for i, j in sel if "%" in (sheet.range((i + 1, j + 1)).number_format or ""))


def lembaran_xl(book: Any) -> Lembaran:
    """The data sheets of an open workbook as the core reads them; advice worded for Excel."""
    semua = [s.name for s in book.sheets]
    perlu = {cari_lembar(n, semua) for n in (PROFIL_NAMA, *(d.nama for d in LEMBAR_DATA))}
    nilai: dict[str, list[list[Any]]] = {n: [] for n in semua}
    for nama in filter(None, perlu):
        nilai[nama] = _kisi(book.sheets[nama])
    for nama in filter(lembar_analisis, semua):  # its staff text is written again (Analisis Capaian)
        nilai[nama] = _kisi(book.sheets[nama])
    if not klasik(book):
        return Lembaran(nilai, ujung="excel")
    kandidat = kandidat_persen(Lembaran(nilai))
    return Lembaran(nilai, {n: _persen(book.sheets[n], sel) for n, sel in kandidat.items()}, ujung="excel")


def masalah_rumus_xl(book: Any, dibaca: Lembaran | None = None) -> list[Any]:
    """Formula-cell problems of the open workbook, with the core's one rule per cell
    (``dibaca``: the sheets :func:`lembaran_xl` already read, not read again).

    Desktop Excel gives each cell's formula; xlwings Server gives only values, so
    there only cells showing an error value (#DIV/0!, #REF!, ...) are reported.
    """
    from iku_xl.workbook.rumus import FUNGSI_TAMBAHAN, token_rumus  # openpyxl's tokenizer

    from openpyxl.utils import FORMULAE

    semua = [s.name for s in book.sheets]
    nama = [n.name for n in book.names]
    fungsi = frozenset(FORMULAE | FUNGSI_TAMBAHAN)
    dengan_rumus = klasik(book)
    hasil = []
    for sheet in book.sheets:
        if lembar_buatan_iku(sheet.name):
            continue
        kisi = (dibaca.nilai.get(sheet.name) if dibaca else None) or _kisi(sheet)
        rumus = (sheet.range((1, 1), (len(kisi), len(kisi[0]))).options(ndim=2).formula
                 if dengan_rumus and kisi and kisi[0] else None)
        for i, baris in enumerate(kisi):
            for j, v in enumerate(baris):
                teks = rumus[i][j] if rumus else None
                adalah_rumus = isinstance(teks, str) and teks.startswith("=")
                if not adalah_rumus and not isinstance(v, str):
                    continue
                hasil += periksa_sel(sheet.name, alamat(i, j), teks if adalah_rumus else None, v,
                                     token_rumus if adalah_rumus else None, nama_lembar=semua,
                                     nama_terdefinisi=nama, fungsi_dikenal=fungsi,
                                     rumus_diketahui=dengan_rumus)
    return hasil


def sekarang() -> dt.datetime:
    """The time a button runs (the front end's clock, passed into the core)."""
    return dt.datetime.now()
