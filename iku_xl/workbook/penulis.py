"""Save an openpyxl workbook, with sheet-local names on the sheets they belong to.

openpyxl 3.1.5 (``workbook/_writer.py``, ``WorkbookWriter.write_names``) numbers the
``localSheetId`` of sheet-local names (print areas, print titles, autofilter ranges, local
names) by position in ``wb.worksheets``, which skips chart sheets; Excel, LibreOffice and
openpyxl's own reader (``reader/workbook.py``, ``wb._sheets[idx]``) count every sheet. After a
chart sheet, each worksheet's print area and titles would land on the sheet before it.
:func:`simpan_buku` is openpyxl's ``save_workbook`` with that number corrected as
``xl/workbook.xml`` goes into the archive.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook

_LOCAL_SHEET_ID = re.compile(rb'localSheetId="(\d+)"')


def nomor_lembar_benar(xml: bytes, posisi: Sequence[int]) -> bytes:
    """``xml`` (openpyxl's workbook.xml) with each ``localSheetId`` (a worksheet index, as
    openpyxl writes it) replaced by ``posisi[index]``, the sheet's place among all sheets.

    >>> nomor_lembar_benar(b'<definedName name="_xlnm.Print_Area" localSheetId="1">B!$A$1</definedName>', [0, 2])
    b'<definedName name="_xlnm.Print_Area" localSheetId="2">B!$A$1</definedName>'
    """
    return _LOCAL_SHEET_ID.sub(lambda m: b'localSheetId="%d"' % posisi[int(m.group(1))], xml)


class _Arsip(zipfile.ZipFile):
    """The archive openpyxl's ExcelWriter writes into; corrects xl/workbook.xml on the way."""

    def __init__(self, path: str | Path, posisi: list[int]) -> None:
        super().__init__(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._posisi = posisi

    def writestr(self, zinfo_or_arcname, data, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        nama = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        if nama == "xl/workbook.xml":
            data = nomor_lembar_benar(data if isinstance(data, bytes) else data.encode("utf-8"), self._posisi)
        return super().writestr(zinfo_or_arcname, data, *args, **kwargs)


def simpan_buku(wb: Workbook, path: str | Path) -> None:
    """``wb.save(path)``, with every sheet-local defined name pointing at its own sheet even
    when chart sheets come before it. Use for every workbook iku-xl saves with openpyxl."""
    from openpyxl.writer.excel import ExcelWriter

    if wb.read_only:
        raise TypeError("Workbook is read-only")
    if wb.write_only and not wb.worksheets:
        wb.create_sheet()
    posisi = [i for i, s in enumerate(wb._sheets) if s in wb.worksheets]
    wb.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
    ExcelWriter(wb, _Arsip(path, posisi)).save()
