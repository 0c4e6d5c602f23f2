"""Apply a :class:`LayoutLembar` to an openpyxl workbook. No layout decisions here."""

from __future__ import annotations

from copy import copy
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from iku_xl.core.gaya import GAYA, Gaya
from iku_xl.core.tata_letak import Grafik, LayoutLembar

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


@lru_cache(maxsize=None)
def _gaya(kunci: str) -> dict[str, Any]:
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


def lembar_baru(wb: Workbook, nama: str) -> Worksheet:
    """A fresh sheet called ``nama``; an older one of that name (iku-xl's own) is replaced in place."""
    if nama in wb.sheetnames:
        lama = wb[nama]
        indeks = wb.sheetnames.index(nama)
        wb.remove(lama)
        return wb.create_sheet(nama, indeks)
    return wb.create_sheet(nama)


def _grafik(ws: Worksheet, g: Grafik) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.label import DataLabelList

    chart = BarChart()
    chart.type = "bar" if g.horizontal else "col"
    chart.title = g.judul
    chart.y_axis.title = g.judul_sumbu
    chart.legend = None
    chart.width, chart.height = g.lebar_cm, g.tinggi_cm
    data = Reference(ws, min_col=g.nilai.kolom1, min_row=g.nilai.baris1, max_row=g.nilai.baris2)
    kategori = Reference(ws, min_col=g.kategori.kolom1, min_row=g.kategori.baris1, max_row=g.kategori.baris2)
    chart.add_data(data, titles_from_data=False)
    chart.set_categories(kategori)
    chart.x_axis.scaling.orientation = "maxMin"  # first indicator on top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.scaling.min = 0
    chart.y_axis.majorGridlines = None
    chart.dataLabels = DataLabelList(showVal=True, showCatName=False, showSerName=False,
                                     showLegendKey=False, showPercent=False)
    chart.series[0].graphicalProperties.solidFill = "2F5597"
    ws.add_chart(chart, g.jangkar)


def terapkan(wb: Workbook, layout: LayoutLembar) -> Worksheet:
    """Write ``layout`` as a new sheet of ``wb`` and return it."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break
    from openpyxl.worksheet.properties import PageSetupProperties

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
            for atribut, nilai in _gaya(s.gaya).items():
                setattr(c, atribut, nilai)
            contoh[s.gaya] = copy(c._style)
        if s.format_angka:
            c.number_format = s.format_angka
    for g in layout.gabung:
        ws.merge_cells(start_row=g.baris1, start_column=g.kolom1, end_row=g.baris2, end_column=g.kolom2)
    for k, lebar in layout.lebar_kolom.items():
        ws.column_dimensions[get_column_letter(k)].width = lebar
    for r, tinggi in layout.tinggi_baris.items():
        ws.row_dimensions[r].height = tinggi
    for w in layout.warna_bersyarat:
        teks = '"' + w.teks.replace('"', '""') + '"'
        ws.conditional_formatting.add(
            w.rentang.a1, CellIsRule(operator="equal", formula=[teks],
                                     fill=PatternFill("solid", fgColor=w.warna, bgColor=w.warna)))
    for g in layout.grafik:
        _grafik(ws, g)
    c = layout.cetak
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
    for r in c.pisah_halaman:
        ws.row_breaks.append(Break(id=r))
    ws.print_options.horizontalCentered = c.tengah_horizontal
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if layout.bekukan:
        ws.freeze_panes = layout.bekukan
    if layout.tab_warna:
        ws.sheet_properties.tabColor = layout.tab_warna
    return ws
