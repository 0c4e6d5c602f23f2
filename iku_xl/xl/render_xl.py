"""Apply a planned sheet to an open workbook through the xlwings Book API.

The second renderer of :mod:`iku_xl.core.tata_letak` (the first is
:mod:`iku_xl.workbook.tulis`): no layout decision is made here. The same code
drives desktop Excel (classic xlwings, COM) and xlwings Server (the remote Book
turns every call into an Office.js action).

What an engine cannot do is not silently skipped: :func:`terapkan_xl` returns a
note for each feature it had to leave out, and the buttons show those notes.
Known gaps (xlwings 0.37.8): xlwings Server has no chart sheets (the chart is
placed beside the table instead), no underline, no print titles, orientation
or fit-to-page; classic Excel does those through the Excel object model.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from iku_xl.core.baca import huruf_kolom
from iku_xl.core.gaya import GAYA, Gaya
from iku_xl.core.tata_letak import LayoutGrafik, LayoutLembar, Sel

#: Text that a spreadsheet would take for a formula if typed; an apostrophe keeps it text.
_AWALAN_RUMUS = ("=", "+", "-", "@")
#: One unit of column width (a character) in points, for engines that size columns in points.
_PT_PER_LEBAR = 5.7


def klasik(book: Any) -> bool:
    """Is this desktop Excel through COM (not xlwings Server's remote Book)?"""
    return getattr(book.app.engine, "name", "") == "excel"


def lembar_baru_xl(book: Any, nama: str) -> Any:
    """A fresh sheet called ``nama`` at the end; iku-xl's own older sheet of that name is replaced."""
    if nama in [s.name for s in book.sheets]:
        book.sheets[nama].delete()
    return book.sheets.add(nama, after=book.sheets[len(book.sheets) - 1])


def nilai_sel(s: Sel) -> Any:
    """A planned cell's value as the Book API must write it."""
    if isinstance(s.nilai, str) and not s.rumus and s.nilai.startswith(_AWALAN_RUMUS):
        return "'" + s.nilai  # text from the user's cells stays text
    return s.nilai


def _kisi(sel: Iterable[Sel]) -> list[list[Any]]:
    sel = list(sel)
    baris = max(s.baris for s in sel)
    kolom = max(s.kolom for s in sel)
    kisi: list[list[Any]] = [[None] * kolom for _ in range(baris)]
    for s in sel:
        kisi[s.baris - 1][s.kolom - 1] = nilai_sel(s)
    return kisi


def _blok(sel: Iterable[Sel]) -> list[str]:
    """Cells grouped into rectangles, as A1 ranges: one call per block instead of per cell.

    Horizontal runs first; runs spanning the same columns on consecutive rows are joined.

    >>> _blok([Sel(r, k, None) for r in (4, 5, 6) for k in (1, 2, 3)] + [Sel(8, 2, None)])
    ['A4:C6', 'B8:B8']
    """
    per_baris: dict[int, list[int]] = defaultdict(list)
    for s in sel:
        per_baris[s.baris].append(s.kolom)
    runs: list[tuple[int, int, int]] = []  # (row, first column, last column)
    for r, kolom in sorted(per_baris.items()):
        kolom.sort()
        awal = akhir = kolom[0]
        for k in [*kolom[1:], None]:
            if k is not None and k == akhir + 1:
                akhir = k
                continue
            runs.append((r, awal, akhir))
            if k is not None:
                awal = akhir = k
    blok: list[list[int]] = []  # [first row, last row, first column, last column]
    terbuka: dict[tuple[int, int], list[int]] = {}
    for r, k1, k2 in runs:
        b = terbuka.get((k1, k2))
        if b is not None and b[1] == r - 1:
            b[1] = r
        else:
            b = [r, r, k1, k2]
            blok.append(b)
            terbuka[(k1, k2)] = b
    return [f"{huruf_kolom(k1 - 1)}{r1}:{huruf_kolom(k2 - 1)}{r2}" for r1, r2, k1, k2 in blok]


def _gaya(rng: Any, g: Gaya, format_angka: str | None) -> None:
    rng.font.name = g.huruf
    rng.font.size = g.ukuran
    rng.font.bold = g.tebal
    if g.miring:
        rng.font.italic = True
    if g.warna_huruf:
        rng.font.color = "#" + g.warna_huruf
    if g.isi:
        rng.color = "#" + g.isi
    if g.rata != "general":
        rng.horizontal_alignment = g.rata
    rng.vertical_alignment = g.rata_v
    if g.lipat:
        rng.wrap_text = True
    if g.bingkai:
        rng.borders.line_style = "continuous"
    nf = format_angka or g.format_angka
    if nf != "General":
        rng.number_format = nf


def _bekukan(alamat: str) -> str:
    """openpyxl's "top-left cell of the scrolling area" as xlwings' frozen range.

    >>> _bekukan("A6"), _bekukan("B4"), _bekukan("C1")
    ('1:5', 'A1:A3', 'A:B')
    """
    kolom = "".join(c for c in alamat if c.isalpha())
    baris = int("".join(c for c in alamat if c.isdigit()))
    k = sum((ord(c) - 64) * 26 ** i for i, c in enumerate(reversed(kolom)))
    if k == 1:
        return f"1:{baris - 1}"
    if baris == 1:
        return f"A:{huruf_kolom(k - 2)}"
    return f"A1:{huruf_kolom(k - 2)}{baris - 1}"


#: The page orientation as staff read it in Excel's Tata Letak Halaman (Cetak.orientasi).
_ORIENTASI = {"landscape": "mendatar", "portrait": "tegak"}


def _lembar(book: Any, layout: LayoutLembar) -> list[str]:
    catatan: list[str] = []
    sheet = lembar_baru_xl(book, layout.nama)
    if layout.sel:
        sheet.range((1, 1)).value = _kisi(layout.sel)
    kelompok: dict[tuple[str, str | None], list[Sel]] = defaultdict(list)
    for s in layout.sel:
        kelompok[(s.gaya, s.format_angka)].append(s)
    for (kunci, nf), anggota in kelompok.items():
        for a1 in _blok(anggota):
            _gaya(sheet.range(a1), GAYA[kunci], nf)
    for g in layout.gabung:
        sheet.range(g.a1).merge()
    skala = 1.0 if klasik(book) else _PT_PER_LEBAR
    for k, lebar in layout.lebar_kolom.items():
        huruf = huruf_kolom(k - 1)
        sheet.range(f"{huruf}:{huruf}").column_width = round(lebar * skala, 2)
    for r, tinggi in layout.tinggi_baris.items():
        sheet.range(f"{r}:{r}").row_height = tinggi
    for w in layout.warna_bersyarat:
        teks = '"' + w.teks.replace('"', '""') + '"'
        sheet.range(w.rentang.a1).conditional_formats.add_cell_value("equal_to", teks, fill_color="#" + w.warna)
    if layout.bekukan:
        sheet.freeze_panes.freeze_at(_bekukan(layout.bekukan))
    if layout.cetak.area:
        sheet.page_setup.print_area = layout.cetak.area.a1
    garis_bawah = [s for s in layout.sel if GAYA[s.gaya].garis_bawah]
    if klasik(book):
        _cetak_com(sheet, layout, garis_bawah)
    else:
        ulang = "baris judul yang berulang di setiap halaman, " if layout.cetak.baris_ulang else ""
        catatan.append(f"{ulang}kertas {_ORIENTASI[layout.cetak.orientasi]} dan muat satu halaman lebar tidak dapat "
                       "diatur dari Excel web: atur di Tata Letak Halaman sebelum mencetak")
        if garis_bawah:
            catatan.append("nama penanda tangan tidak dapat digarisbawahi dari Excel web")
        if layout.cetak.pisah_halaman:
            catatan.append("pemisah halaman tidak dapat dipasang dari Excel web: sisipkan di Tata Letak Halaman "
                           "(Hentian) sebelum mencetak")
    return catatan


def _cetak_com(sheet: Any, layout: LayoutLembar, garis_bawah: list[Sel]) -> None:
    """What the xlwings API lacks, through the Excel object model (desktop Excel only)."""
    ps = sheet.api.PageSetup
    c = layout.cetak
    ps.Orientation = 2 if c.orientasi == "landscape" else 1  # xlLandscape / xlPortrait
    ps.PaperSize = 9 if c.kertas == "A4" else 5  # xlPaperA4 / xlPaperLegal
    if c.muat_lebar:
        ps.Zoom = False
        ps.FitToPagesWide = 1
        ps.FitToPagesTall = False
    if c.baris_ulang:
        ps.PrintTitleRows = f"${c.baris_ulang[0]}:${c.baris_ulang[1]}"
    ps.CenterHorizontally = c.tengah_horizontal
    for r in c.pisah_halaman:
        sheet.api.HPageBreaks.Add(sheet.range(f"A{r + 1}").api)  # a new page from the row below
    for s in garis_bawah:
        sheet.range(s.alamat).api.Font.Underline = 2  # xlUnderlineStyleSingle


def _grafik(book: Any, g: LayoutGrafik) -> list[str]:
    """The chart, on the report sheet to the right of its table (xlwings makes no chart sheets)."""
    data = book.sheets[g.lembar_data]
    n = g.nilai.baris2 - g.nilai.baris1 + 1
    for lama in [c for c in data.charts if c.name == g.nama]:
        lama.delete()
    chart = data.charts.add(source=data.range(g.nilai.a1),
                            chart_type="bar_clustered" if g.horizontal else "column_clustered",
                            anchor=data.range(g.jangkar_samping), width=520,
                            height=max(220, 28 * n + 80), name=g.nama)
    chart.set_x_axis_values(data.range(g.kategori.a1))
    chart.title = g.judul
    chart.legend.visible = False
    chart.category_axis.reverse_order = True  # first indicator on top, as in the table
    chart.value_axis.minimum_scale = 0
    chart.value_axis.title = g.judul_sumbu
    return [f"grafik ditempatkan di samping tabel pada lembar '{g.lembar_data}', bukan di lembar "
            f"'{g.nama}' tersendiri seperti buatan iku-xl di baris perintah"]


def terapkan_xl(book: Any, layout: LayoutLembar | LayoutGrafik) -> list[str]:
    """Render ``layout`` into the open ``book``; return a note for each feature left out."""
    if isinstance(layout, LayoutGrafik):
        return _grafik(book, layout)
    return _lembar(book, layout)
