"""A workbook carrying every kind of staff content iku-xl must keep, generated on the fly.

Start: the Legok example (``workbooks/contoh_legok_2020.xlsx``, no formulas, so an
openpyxl-saved copy still has every value the report needs). Added with openpyxl: rich-text cells, a PNG picture, a chart sheet in the middle,
a hidden and a very hidden sheet, comments, data validation, conditional formats, hyperlinks,
a table, sheet-local and workbook names, print areas and titles on sheets after the chart sheet.
Content openpyxl cannot keep (sparklines, Excel 2010 data bars, dynamic-array formulas) is
added as raw XML by :func:`sisipkan_xml`.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent.parent / "workbooks" / "contoh_legok_2020.xlsx"
TAHUN = 2020

#: The staff sheet after the chart sheet, and where things are on it.
LEMBAR_STAF = "Catatan Staf"
LEMBAR_GRAFIK = "Grafik Staf"
LEMBAR_BARU = "Rincian Staf"
AREA_CETAK_STAF = "$A$1:$F$20"


def png(lebar: int = 4, tinggi: int = 3) -> bytes:
    """A small valid PNG, without Pillow (zlib + struct)."""
    import struct
    import zlib

    def potongan(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))

    baris = b"".join(b"\x00" + b"\xff\x00\x00" * lebar for _ in range(tinggi))
    return (b"\x89PNG\r\n\x1a\n" + potongan(b"IHDR", struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0, 0, 0))
            + potongan(b"IDAT", zlib.compress(baris)) + potongan(b"IEND", b""))


def buat_buku_staf(tujuan: Path, *, gambar: bool = True) -> Path:
    """Write the staff workbook to ``tujuan`` (needs Pillow when ``gambar``).

    Sheets: Petunjuk, *Grafik Staf* (chart sheet), Profil ... Program Anggaran, *Catatan Staf*,
    *Rincian Staf*, *Arsip Tersembunyi* (hidden), *Kunci* (very hidden). Saved with iku-xl's
    saver, whose sheet-local names are numbered as Excel numbers them (tested on its own)."""
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.chart import BarChart, Reference
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
    from openpyxl.styles import PatternFill
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table

    from iku_xl.workbook.penulis import simpan_buku

    shutil.copy2(FIXTURE, tujuan)
    wb = openpyxl.load_workbook(tujuan, rich_text=True)
    nama = wb["Indikator"]["C4"]  # an indicator name with a bold word: the report gets the plain text
    nama.value = CellRichText([TextBlock(InlineFont(b=True, rFont="Calibri"), "Prosentase"),
                               " " + nama.value.split(" ", 1)[1]])
    staf = wb.create_sheet(LEMBAR_STAF)
    staf["A1"] = "Catatan rapat evaluasi"
    cs = wb.create_chartsheet(LEMBAR_GRAFIK, 1)  # in the middle: every data sheet comes after it
    baru = wb.create_sheet(LEMBAR_BARU)
    for r, (nama, a, b, c) in enumerate([("Bulan", "Jan", "Feb", "Mar"), ("Sasaran 1", 3, 5, 4),
                                         ("Sasaran 2", 6, 2, 7), ("Sasaran 3", 1, 8, 5)], start=1):
        for k, v in enumerate((nama, a, b, c), start=1):
            baru.cell(r, k, v)
    grafik = BarChart()
    grafik.add_data(Reference(baru, min_col=2, min_row=2, max_col=4, max_row=4), from_rows=True)
    cs.add_chart(grafik)
    baru.add_table(Table(displayName="TabelStaf", ref="A1:D4"))
    baru["F1"] = CellRichText([TextBlock(InlineFont(b=True, rFont="Calibri"), "Penting: "),
                               TextBlock(InlineFont(color="FFFF0000", rFont="Calibri"), "merah"), " biasa"])
    baru["F2"] = CellRichText([TextBlock(InlineFont(i=True, rFont="Calibri"), "miring"), " lalu tegak"])
    baru["F3"].comment = Comment("Catatan rincian", "Staf")
    baru["F4"] = "Situs"
    baru["F4"].hyperlink = "https://example.go.id/iku"
    dv = DataValidation(type="list", formula1='"Ya,Tidak"', allow_blank=True)
    dv.add("G1:G10")
    baru.add_data_validation(dv)
    baru.conditional_formatting.add("B2:D4", CellIsRule(operator="greaterThan", formula=["4"],
                                                        fill=PatternFill("solid", bgColor="FFC7CE")))
    baru.conditional_formatting.add("B2:D4", ColorScaleRule(start_type="min", start_color="FFFFFF",
                                                            end_type="max", end_color="63BE7B"))
    baru.print_area = AREA_CETAK_STAF
    baru.print_title_rows = "1:1"
    baru.defined_names["RincianLokal"] = DefinedName("RincianLokal", attr_text=f"'{LEMBAR_BARU}'!$B$2:$D$4")
    staf.print_area = "$A$1:$C$10"
    staf["H1"] = CellRichText([TextBlock(InlineFont(b=True, color="FF0070C0", rFont="Arial"), "Biru tebal"),
                               " dan biasa"])
    wb.defined_names["DataStaf"] = DefinedName("DataStaf", attr_text=f"'{LEMBAR_BARU}'!$A$1:$D$4")
    if gambar:
        from openpyxl.drawing.image import Image

        baru.add_image(Image(io.BytesIO(png())), "H2")
    tersembunyi = wb.create_sheet("Arsip Tersembunyi")
    tersembunyi["A1"] = "arsip"
    tersembunyi.sheet_state = "hidden"
    rahasia = wb.create_sheet("Kunci")
    rahasia["A1"] = "kunci"
    rahasia.sheet_state = "veryHidden"
    simpan_buku(wb, tujuan)
    return tujuan


#: Raw XML that openpyxl drops: an ``<extLst>`` for the end of a worksheet.
_X14 = 'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"'
_XM = 'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"'
SPARKLINE = (f'<extLst><ext uri="{{05C60535-1F16-4fd2-B633-F4F36F0B64E0}}" {_X14}>'
             f'<x14:sparklineGroups {_XM}><x14:sparklineGroup displayEmptyCellsAs="gap">'
             '<x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline>'
             f"<xm:f>'{LEMBAR_BARU}'!B2:D2</xm:f><xm:sqref>E2</xm:sqref></x14:sparkline>"
             '</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>')
BATANG_DATA_2010 = (f'<extLst><ext uri="{{78C0D931-6437-407d-A8EE-F0AAD7539E65}}" {_X14}>'
                    f'<x14:conditionalFormattings {_XM}><x14:conditionalFormatting>'
                    '<x14:cfRule type="dataBar" id="{00000000-000E-0000-0000-000001000000}">'
                    '<x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/>'
                    '<x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>B2:D4</xm:sqref>'
                    '</x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>')


def bagian_lembar(path: Path, nama: str) -> str:
    """The zip part of worksheet ``nama`` (via workbook.xml and its rels)."""
    with zipfile.ZipFile(path) as z:
        buku = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(nama)}"[^>]*r:id="([^"]+)"', buku).group(1)
    target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels)
    if target is None:
        target = re.search(rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
    t = target.group(1)
    return t.lstrip("/") if t.startswith("/") else f"xl/{t}"


#: A text box (a shape) for a drawing part, as Excel writes one (openpyxl drops shapes).
KOTAK_TEKS = ('<xdr:twoCellAnchor xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:from><xdr:col>9</xdr:col>'
              '<xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to>'
              '<xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>'
              '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="Kotak Teks 2"/>'
              '<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
              '</xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>Catatan kepala</a:t></a:r></a:p>'
              '</xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>')


def sisipkan_xml(path: Path, nama_lembar: str, ext: str = "", sel_dinamis: bool = False,
                 bentuk: bool = False) -> None:
    """Append ``ext`` (an ``<extLst>``) to a worksheet; ``sel_dinamis`` adds cell E6 as a
    dynamic-array formula (``cm="1"`` + xl/metadata.xml, as Excel 365 writes it); ``bentuk``
    adds a text box to the sheet's drawing (it must have one)."""
    bagian = bagian_lembar(path, nama_lembar)
    with zipfile.ZipFile(path) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    if bentuk:
        folder, nama = bagian.rsplit("/", 1)
        rels = isi[f"{folder}/_rels/{nama}.rels"].decode()
        target = re.search(r'Target="([^"]*drawing\d+\.xml)"', rels).group(1)
        gambar = "xl/drawings/" + target.rsplit("/", 1)[1]
        isi[gambar] = isi[gambar].replace(b"</wsDr>", KOTAK_TEKS.encode() + b"</wsDr>")
    xml = isi[bagian].decode()
    if ext:
        xml = xml.replace("</worksheet>", ext + "</worksheet>")
    if sel_dinamis:
        xml = xml.replace("</sheetData>", '<row r="6"><c r="E6" cm="1"><f t="array" ref="E6:E8">SORT(B2:B4)</f>'
                                          "<v>1</v></c></row></sheetData>")
        isi["xl/metadata.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">'
            '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" '
            'pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" '
            'clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>'
            '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}">'
            '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>'
            '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>').encode()
    isi[bagian] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in isi.items():
            z.writestr(n, data)
