"""Apply a :class:`LayoutLembar` to an openpyxl workbook. No layout decisions here."""

from __future__ import annotations

from copy import copy
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from iku_xl.core.gaya import GAYA, Gaya
from iku_xl.core.tata_letak import Cetak, LayoutGrafik, LayoutLembar

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.chartsheet import Chartsheet
    from openpyxl.worksheet.worksheet import Worksheet


_EMU_PER_CM = 360000


@lru_cache(maxsize=None)
def atribut_gaya(kunci: str) -> dict[str, Any]:
    """The openpyxl cell attributes (font, fill, alignment, border, number format) of a named style."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    g: Gaya = GAYA[kunci]
    tipis = Side(style="thin", color="808080")
    return {
        "font": Font(name=g.huruf, size=g.ukuran, bold=g.tebal, italic=g.miring,
                     underline="single" if g.garis_bawah else None, color=g.warna_huruf),
        "fill": PatternFill("solid", fgColor=g.isi) if g.isi else PatternFill(),
        "alignment": Alignment(horizontal=g.rata, vertical=g.rata_v, wrap_text=g.lipat),
        "border": Border(left=tipis, right=tipis, top=tipis, bottom=tipis) if g.bingkai else Border(),
        "number_format": g.format_angka,
    }


def lembar_baru(wb: Workbook, nama: str, grafik: bool = False) -> Any:
    """A fresh sheet (or chart sheet) called ``nama``; an older one of that name, iku-xl's own
    output from an earlier run, is replaced at the same position.

    iku-xl's chart sheets go last, after the sheets they chart. (openpyxl numbers sheet-local
    names by worksheet position, ignoring chart sheets: :mod:`iku_xl.workbook.penulis` corrects
    that on saving.)"""
    indeks = None
    if nama in wb.sheetnames:
        indeks = wb.sheetnames.index(nama)
        wb.remove(wb[nama])
    return wb.create_chartsheet(nama) if grafik else wb.create_sheet(nama, indeks)


def _grafik(wb: Workbook, g: LayoutGrafik) -> Chartsheet:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList
    from openpyxl.worksheet.page import PrintPageSetup

    data = wb[g.lembar_data]
    chart = BarChart()
    chart.type = "bar" if g.horizontal else "col"
    chart.title = g.judul
    chart.y_axis.title = g.judul_sumbu
    chart.legend = None
    chart.add_data(Reference(data, min_col=g.nilai.kolom1, min_row=g.nilai.baris1, max_row=g.nilai.baris2),
                   titles_from_data=False)
    chart.set_categories(Reference(data, min_col=g.kategori.kolom1, min_row=g.kategori.baris1,
                                   max_row=g.kategori.baris2))
    chart.x_axis.scaling.orientation = "maxMin"  # first indicator on top, as in the table
    chart.y_axis.crosses = "max"  # ... which would otherwise move the value axis to the top
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.scaling.min = 0
    chart.y_axis.number_format = "0"
    chart.y_axis.majorGridlines = None
    chart.dataLabels = DataLabelList(showVal=True, showCatName=False, showSerName=False,
                                     showLegendKey=False, showPercent=False)
    chart.dataLabels.numFmt = "0.00"
    chart.series[0].graphicalProperties.solidFill = "2F5597"
    cs = lembar_baru(wb, g.nama, grafik=True)
    cs.add_chart(chart)
    cs.pageSetup = PrintPageSetup(orientation="landscape", paperSize=9)  # A4
    ukuran_grafik(wb)
    return cs


def ukuran_grafik(wb: Workbook) -> None:
    """Give every chart-sheet chart a size: Excel stretches it to the page anyway, but
    LibreOffice draws the anchor's size, which openpyxl writes (and reads back) as 0 x 0.

    Call before saving any workbook that went through openpyxl."""
    from openpyxl.drawing.spreadsheet_drawing import AbsoluteAnchor
    from openpyxl.drawing.xdr import XDRPositiveSize2D

    for cs in wb.chartsheets:
        for chart in cs._charts:
            ext = getattr(chart.anchor, "ext", None)
            if not isinstance(chart.anchor, AbsoluteAnchor) or ext is None or not ext.cx:
                chart.anchor = AbsoluteAnchor(ext=XDRPositiveSize2D(_EMU_PER_CM * 27, _EMU_PER_CM * 18))


def atur_cetak(ws: Worksheet, c: Cetak) -> None:
    """Give ``ws`` the print setup ``c`` (paper, orientation, fit to width, repeated header rows, area,
    manual page breaks)."""
    from openpyxl.worksheet.pagebreak import Break
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = c.orientasi
    ws.page_setup.paperSize = ws.PAPERSIZE_A4 if c.kertas == "A4" else ws.PAPERSIZE_LEGAL
    if c.muat_lebar:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    if c.baris_ulang:
        ws.print_title_rows = f"{c.baris_ulang[0]}:{c.baris_ulang[1]}"
    if c.area:
        ws.print_area = c.area.a1
    ws.print_options.horizontalCentered = c.tengah_horizontal
    for r in c.pisah_halaman:
        ws.row_breaks.append(Break(id=r))
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5


def terapkan(wb: Workbook, layout: LayoutLembar | LayoutGrafik) -> Worksheet | Chartsheet:
    """Write ``layout`` as a new sheet of ``wb`` and return it."""
    if isinstance(layout, LayoutGrafik):
        return _grafik(wb, layout)
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.merge import MergedCellRange

    ws = lembar_baru(wb, layout.nama)
    contoh: dict[str, Any] = {}  # gaya -> the style array of the first cell styled with it
    for s in layout.sel:
        c = ws.cell(row=s.baris, column=s.kolom)
        c.value = s.nilai
        if isinstance(s.nilai, str) and not s.rumus:
            c.data_type = "s"  # text from the user's cells is never a formula, whatever it starts with
        if s.gaya in contoh:
            # Setting font, fill, border, alignment one by one costs ~0.25 ms a cell; copying the
            # finished style array (as openpyxl's own WorksheetCopy does) costs next to nothing.
            c._style = copy(contoh[s.gaya])
        else:
            for atribut, nilai in atribut_gaya(s.gaya).items():
                setattr(c, atribut, nilai)
            contoh[s.gaya] = copy(c._style)
        if s.format_angka:
            c.number_format = s.format_angka
    for a1 in dict.fromkeys(g.a1 for g in layout.gabung):
        # Not ws.merge_cells(): it re-styles every edge cell of the block (~1.5 ms a merge), while
        # the layout has already given the covered cells their borders. Not merged_cells.add()
        # either: it compares each block with every block added before (quadratic in blocks).
        ws.merged_cells.ranges.add(MergedCellRange(ws, a1))
    for k, lebar in layout.lebar_kolom.items():
        ws.column_dimensions[get_column_letter(k)].width = lebar
    for r, tinggi in layout.tinggi_baris.items():
        ws.row_dimensions[r].height = tinggi
    for w in layout.warna_bersyarat:
        teks = '"' + w.teks.replace('"', '""') + '"'
        ws.conditional_formatting.add(
            w.rentang.a1, CellIsRule(operator="equal", formula=[teks],
                                     fill=PatternFill("solid", fgColor=w.warna, bgColor=w.warna)))
    atur_cetak(ws, layout.cetak)
    if layout.bekukan:
        ws.freeze_panes = layout.bekukan
    if layout.tab_warna:
        ws.sheet_properties.tabColor = layout.tab_warna
    return ws
