"""A workbook sheet as diffable data, for golden files and round-trip checks.

Volatile parts (file timestamps, calc ids) are never looked at; what a staff
member would see or rely on is: values and formulas, number formats, fonts and
fills, merges, widths, print setup, conditional formats, validations, charts.
"""

from __future__ import annotations

from typing import Any

from openpyxl.chartsheet import Chartsheet
from openpyxl.worksheet.worksheet import Worksheet


def _warna(c: Any) -> str | None:
    return getattr(c, "rgb", None) if c is not None and isinstance(getattr(c, "rgb", None), str) else None


def ringkas_sel(ws: Worksheet) -> dict[str, Any]:
    sel = {}
    for baris in ws.iter_rows():
        for c in baris:
            if c.value is None and not c.has_style:
                continue
            isi: dict[str, Any] = {}
            if c.value is not None:
                nilai = c.value
                isi["nilai"] = nilai if isinstance(nilai, (int, float, str, bool)) else str(nilai)
                isi["jenis"] = c.data_type
            if c.number_format != "General":
                isi["format"] = c.number_format
            if c.font.b:
                isi["tebal"] = True
            if c.font.u:
                isi["garis_bawah"] = True
            if c.fill.fill_type == "solid":
                isi["isi"] = _warna(c.fill.fgColor)
            if isi:
                sel[c.coordinate] = isi
    return sel


def _grafik(ws: Any) -> list[dict[str, Any]]:
    hasil = []
    for ch in ws._charts:
        seri = ch.series[0]
        hasil.append({"jenis": ch.tagname, "arah": getattr(ch, "type", None), "nilai": seri.val.numRef.f,
                      "kategori": seri.cat.strRef.f if seri.cat.strRef else seri.cat.numRef.f,
                      "judul": "".join(r.t for p in ch.title.tx.rich.p for r in (p.r or [])) if ch.title else None})
    return hasil


def ringkas_lembar(ws: Any) -> dict[str, Any]:
    """A worksheet, or a chart sheet (then only its charts), as data."""
    if isinstance(ws, Chartsheet):
        return {"lembar_grafik": True, "grafik": _grafik(ws)}
    ps = ws.page_setup
    grafik = _grafik(ws)
    return {
        "sel": ringkas_sel(ws),
        "gabung": sorted(str(r) for r in ws.merged_cells.ranges),
        "lebar": {k: round(d.width, 2) for k, d in sorted(ws.column_dimensions.items()) if d.width},
        "bekukan": ws.freeze_panes,
        "cetak": {"orientasi": ps.orientation, "kertas": ps.paperSize, "lebar_halaman": ps.fitToWidth,
                  "tinggi_halaman": ps.fitToHeight, "judul_baris": ws.print_title_rows,
                  "area": ws.print_area, "pisah": [b.id for b in ws.row_breaks.brk]},
        "bersyarat": sorted(
            f"{rentang.sqref}: {aturan.operator} {aturan.formula} {_warna(aturan.dxf.fill.bgColor)}"
            for rentang in ws.conditional_formatting for aturan in rentang.rules),
        "validasi": sorted(f"{dv.sqref}: {dv.type} {dv.formula1}" for dv in ws.data_validations.dataValidation),
        "tabel": sorted(f"{t.displayName} {t.ref}" for t in ws.tables.values()),
        "grafik": grafik,
    }
