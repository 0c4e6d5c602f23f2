"""Build the macro-enabled template staff open in desktop Excel (``templat_iku.xlsm``).

Three parts, each made by the tool that can:

* the VBA project, compiled from the text files in ``macros/`` (button macros,
  the generated UDF wrappers, and xlwings' standalone ``xlwings.bas`` that
  RunPython needs) by :mod:`iku_xl.xl.vba_proyek`;
* a shell with the form buttons on the Profil sheet and the VBA project, by
  XlsxWriter (openpyxl cannot make buttons; it keeps them, which EXCEL.md records);
* everything else, by the same openpyxl code as the .xlsx template
  (:func:`iku_xl.workbook.templat.isi_templat`), plus an ``xlwings.conf`` sheet so
  that a PC with Python and ``pip install "iku-xl[xl]"`` needs no further setup.

Used at build time by ``workbooks/buat_contoh.py``; needs XlsxWriter.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from iku_xl.core.model import BukuIKU
from iku_xl.core.skema import LEMBAR_DATA, PROFIL_NAMA
from iku_xl.xl.vba_proyek import ModulVBA, buat_vba_project, modul_dokumen

if TYPE_CHECKING:
    from openpyxl import Workbook

#: The buttons on the Profil sheet: caption, the VBA macro in macros/IkuTombol.bas, cell.
TOMBOL = (("Hitung Capaian", "IkuHitungCapaian", "E4"), ("Validasi", "IkuValidasi", "E7"),
          ("Buat Laporan", "IkuBuatLaporan", "E10"))
#: The standard modules, in macros/: (file, module name).
MODUL = (("IkuTombol.bas", "IkuTombol"), ("IkuFungsi.bas", "IkuFungsi"), ("xlwings.bas", "xlwings"))
#: xlwings' settings sheet (keys in column A, values in B; xlwings reads from A1 down).
LEMBAR_KONFIG = "xlwings.conf"
KONFIG = (("Interpreter_Win", ""), ("UDF Modules", "iku_xl.xl.udfs"), ("Use UDF Server", False),
          ("Show Console", False))
_KETERANGAN_KONFIG = ("Kosong: python dari PATH. Isi path lengkap bila Python tidak ada di PATH, "
                      "mis. C:\\Users\\NAMA\\AppData\\Local\\Programs\\Python\\Python311\\pythonw.exe",
                      "Modul Python berisi fungsi IKU_*", "", "")
NAMA_LEMBAR = ("Petunjuk", PROFIL_NAMA, *(d.nama for d in LEMBAR_DATA), LEMBAR_KONFIG)


def nama_kode(indeks: int) -> str:
    """The VBA code name of the sheet at 0-based position ``indeks`` (Sheet1, Sheet2, ...)."""
    return f"Sheet{indeks + 1}"


def modul_makro(folder: Path) -> list[ModulVBA]:
    """Every module of the template's VBA project: the document modules and macros/*.bas."""
    modul = [modul_dokumen("ThisWorkbook", lembar=False)]
    modul += [modul_dokumen(nama_kode(i), lembar=True) for i in range(len(NAMA_LEMBAR))]
    for berkas, nama in MODUL:
        modul.append(ModulVBA(nama, (folder / berkas).read_text(encoding="ascii")))
    return modul


def _cangkang(vba: bytes) -> bytes:
    """An .xlsm with the Petunjuk and Profil sheets, the buttons and the VBA project."""
    import xlsxwriter

    isi = io.BytesIO()
    w = xlsxwriter.Workbook(isi, {"in_memory": True})
    w.set_vba_name("ThisWorkbook")
    for i, nama in enumerate(NAMA_LEMBAR[:2]):
        ws = w.add_worksheet(nama)
        ws.set_vba_name(nama_kode(i))
        if nama == PROFIL_NAMA:
            for keterangan, makro, sel in TOMBOL:
                ws.insert_button(sel, {"macro": makro, "caption": keterangan, "width": 150, "height": 40})
    w.add_vba_project(io.BytesIO(vba), is_stream=True)
    w.close()
    return isi.getvalue()


def buat_templat_xlsm(folder_makro: Path, buku: BukuIKU | None = None, *,
                      catatan: str | None = None) -> Workbook:
    """The macro-enabled template (optionally filled with ``buku``), ready to save as .xlsm."""
    import openpyxl

    from iku_xl.workbook.templat import isi_templat
    from iku_xl.workbook.tulis import atribut_gaya

    vba = buat_vba_project(modul_makro(folder_makro))
    wb = openpyxl.load_workbook(io.BytesIO(_cangkang(vba)), keep_vba=True)
    isi_templat(wb, buku, catatan=catatan)
    konfig = wb.create_sheet(LEMBAR_KONFIG)
    for r, ((kunci, nilai), ket) in enumerate(zip(KONFIG, _KETERANGAN_KONFIG), start=1):
        konfig.cell(r, 1, kunci)
        konfig.cell(r, 2, nilai)
        konfig.cell(r, 3, ket)
    konfig.column_dimensions["A"].width = 18
    konfig.column_dimensions["B"].width = 22
    konfig.column_dimensions["C"].width = 90
    profil = wb[PROFIL_NAMA]
    c = profil.cell(2, 5, "Tombol iku-xl (aktifkan makro):")
    for atribut, nilai in atribut_gaya("catatan").items():
        setattr(c, atribut, nilai)
    wb.code_name = "ThisWorkbook"
    for i, ws in enumerate(wb.worksheets):
        ws.sheet_properties.codeName = nama_kode(i)
    assert tuple(wb.sheetnames) == NAMA_LEMBAR, wb.sheetnames
    return wb
