"""A workbook file as the payload xlwings Server's Office.js client sends, for driving the
buttons through the remote Book (``xw.Book(json=...)``) without Excel.

The client sends each sheet's values anchored at A1 (numbers, text, booleans; empty
cells as ""), the workbook's names and tables; see xlwings/pro/_xlremote.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter


def _nilai_klien(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, dt.datetime | dt.date):  # as the client's Date.toISOString() (xlwings strips the "Z")
        v = v if isinstance(v, dt.datetime) else dt.datetime.combine(v, dt.time())
        return v.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return v


def payload_dari_berkas(path: Path, aktif: int = 0) -> dict[str, Any]:
    wb = openpyxl.load_workbook(path, data_only=True)
    lembar = []
    for ws in wb.worksheets:
        nilai = [[_nilai_klien(v) for v in baris] for baris in ws.iter_rows(values_only=True)] or [[""]]
        lebar = max(len(b) for b in nilai)
        nilai = [b + [""] * (lebar - len(b)) for b in nilai]
        alamat = f"A1:{get_column_letter(lebar)}{len(nilai)}" if ws.max_row > 1 or ws.max_column > 1 else None
        lembar.append({"name": ws.title, "values": nilai, "used_range_address": alamat, "pictures": [],
                       "tables": [], "charts": [], "shapes": []})
    nama = [{"name": n, "sheet_index": 0, "address": "A1", "book_scope": True} for n in wb.defined_names]
    return {"client": "Office.js", "version": "0.37.8",
            "book": {"name": Path(path).name, "active_sheet_index": aktif, "selection": "A1"},
            "names": nama, "sheets": lembar}


def buku_jarak_jauh(path: Path) -> Any:
    import xlwings as xw

    return xw.Book(json=payload_dari_berkas(path))


def kisi_ditulis(aksi: list[dict[str, Any]], nama_lembar: str) -> dict[str, Any]:
    """The cells the actions wrote on the sheet the actions added as ``nama_lembar``, A1 -> value."""
    [posisi] = [a["args"][0] for a in aksi if a["func"] == "addSheet" and a["args"][1] == nama_lembar]
    sel: dict[str, Any] = {}
    for a in aksi:
        if a["func"] != "setValues" or a.get("sheet_position") != posisi:
            continue
        for i, baris in enumerate(a["values"]):
            for j, v in enumerate(baris):
                sel[f"{get_column_letter(a['start_column'] + j + 1)}{a['start_row'] + i + 1}"] = v
    return sel


def aksi_di(aksi: list[dict[str, Any]], nama_lembar: str, func: str) -> list[dict[str, Any]]:
    """The actions of one kind on the sheet added as ``nama_lembar``."""
    [posisi] = [a["args"][0] for a in aksi if a["func"] == "addSheet" and a["args"][1] == nama_lembar]
    return [a for a in aksi if a["func"] == func and a.get("sheet_position") == posisi]
