"""Build the macro-enabled template staff open in desktop Excel (``templat_iku.xlsm``).

Three parts, each made by the tool that can:

* the VBA project, compiled from the text files in ``macros/`` (button macros,
  the generated UDF wrappers, the self-test, xlwings' standalone ``xlwings.bas`` that
  RunPython needs and its class module ``Dictionary.cls``, which ``xlwings.bas`` uses
  on the Mac) by :mod:`iku_xl.xl.vba_proyek`;
* a shell with the form buttons on the Profil and "Uji Mandiri" sheets and the VBA
  project, by XlsxWriter (openpyxl cannot make buttons; it keeps them, which EXCEL.md records);
* everything else, by the same openpyxl code as the .xlsx template
  (:func:`iku_xl.workbook.templat.isi_templat`), plus an ``xlwings.conf`` sheet so
  that a PC with Python and ``pip install "iku-xl[xl]"`` needs no further setup, and the
  self-test (:mod:`iku_xl.xl.uji_mandiri` decides its checks).

Used at build time by ``workbooks/buat_contoh.py``; needs XlsxWriter.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from iku_xl.core.model import BukuIKU
from iku_xl.core.skema import LEMBAR_DATA, PROFIL_NAMA
from iku_xl.xl.uji_mandiri import LEMBAR, LEMBAR_DATA_UJI, TOMBOL_UJI, isi_lembar_uji
from iku_xl.xl.vba_proyek import ModulVBA, buat_vba_project, modul_dokumen, modul_kelas

if TYPE_CHECKING:
    from openpyxl import Workbook

#: The buttons on the Profil sheet: caption, the VBA macro in macros/IkuTombol.bas, cell.
TOMBOL = (("Hitung Capaian", "IkuHitungCapaian", "E4"), ("Validasi", "IkuValidasi", "E7"),
          ("Buat Laporan", "IkuBuatLaporan", "E10"), ("Perjanjian Kinerja", "IkuPerjanjianKinerja", "E13"),
          ("Analisis Capaian", "IkuAnalisisCapaian", "E16"), ("Cetak PDF", "IkuCetakPdf", "E19"),
          ("Laporan IKM", "IkuLaporanIkm", "E22"))
#: The standard modules (.bas) and class modules (.cls), in macros/: (file, module name).
MODUL = (("IkuTombol.bas", "IkuTombol"), ("IkuFungsi.bas", "IkuFungsi"), ("IkuUjiMandiri.bas", "IkuUjiMandiri"),
         ("xlwings.bas", "xlwings"), ("Dictionary.cls", "Dictionary"))
#: xlwings' settings sheet (keys in column A, values in B; xlwings reads from A1 down).
LEMBAR_KONFIG = "xlwings.conf"
#: Only rows with a value: a key present with an empty value still wins over the user's own
#: config file (xlwings' GetConfig stops at the sheet), so an empty Interpreter_Win row would hide
#: the interpreter IT configured. ADD_WORKBOOK_TO_PYTHONPATH off: iku-xl needs nothing from the
#: workbook's folder, and xlwings' mapping of OneDrive/SharePoint URLs to folders is a known failure.
KONFIG = (("UDF Modules", "iku_xl.xl.udfs"), ("Use UDF Server", False), ("Show Console", False),
          ("ADD_WORKBOOK_TO_PYTHONPATH", False))
_KETERANGAN_KONFIG = ("Modul Python berisi fungsi IKU_*", "", "",
                      "Folder buku kerja tidak ditambahkan ke PYTHONPATH (aman untuk OneDrive/SharePoint)")
_CATATAN_KONFIG = ("Python: bila tidak ada di PATH, TI menulis Interpreter_Win di berkas pengaturan pengguna "
                   "%USERPROFILE%\\.xlwings\\xlwings.conf (lihat README), atau menambah baris Interpreter_Win "
                   "berisi path lengkap pythonw.exe langsung di bawah baris terakhir di atas. Jangan "
                   "menambah baris tanpa nilai.")
NAMA_LEMBAR = ("Petunjuk", PROFIL_NAMA, *(d.nama for d in LEMBAR_DATA), LEMBAR_KONFIG, LEMBAR, LEMBAR_DATA_UJI)


def nama_kode(indeks: int) -> str:
    """The VBA code name of the sheet at 0-based position ``indeks`` (Sheet1, Sheet2, ...)."""
    return f"Sheet{indeks + 1}"


def modul_makro(folder: Path) -> list[ModulVBA]:
    """Every module of the template's VBA project: the document modules and macros/*.bas."""
    modul = [modul_dokumen("ThisWorkbook", lembar=False)]
    modul += [modul_dokumen(nama_kode(i), lembar=True) for i in range(len(NAMA_LEMBAR))]
    for berkas, nama in MODUL:
        kode = (folder / berkas).read_bytes().decode("ascii")
        modul.append(modul_kelas(kode) if berkas.endswith(".cls") else ModulVBA(nama, kode))
        assert modul[-1].nama == nama, (berkas, modul[-1].nama)
    return modul


def _cangkang(vba: bytes) -> bytes:
    """An .xlsm with the Petunjuk and Profil sheets, the buttons and the VBA project."""
    import xlsxwriter

    isi = io.BytesIO()
    w = xlsxwriter.Workbook(isi, {"in_memory": True})
    w.set_vba_name("ThisWorkbook")
    for i, nama in enumerate((*NAMA_LEMBAR[:2], LEMBAR)):
        ws = w.add_worksheet(nama)
        ws.set_vba_name(nama_kode(i))
        if nama == PROFIL_NAMA:
            for keterangan, makro, sel in TOMBOL:
                ws.insert_button(sel, {"macro": makro, "caption": keterangan, "width": 150, "height": 40})
        if nama == LEMBAR:
            keterangan, makro, sel = TOMBOL_UJI
            ws.insert_button(sel, {"macro": makro, "caption": keterangan, "width": 200, "height": 40})
    w.add_vba_project(io.BytesIO(vba), is_stream=True)
    w.close()
    return isi.getvalue()


def buat_templat_xlsm(folder_makro: Path, buku: BukuIKU | None = None, *, uji: BukuIKU,
                      catatan: str | None = None) -> Workbook:
    """The macro-enabled template (optionally filled with ``buku``), ready to save as .xlsm.

    ``uji`` is the example the self-test runs the buttons on (the Legok example).
    """
    import openpyxl

    from iku_xl.workbook.templat import isi_templat
    from iku_xl.workbook.tulis import atribut_gaya

    vba = buat_vba_project(modul_makro(folder_makro))
    wb = openpyxl.load_workbook(io.BytesIO(_cangkang(vba)), keep_vba=True)
    isi_templat(wb, buku, catatan=catatan)
    konfig = wb.create_sheet(LEMBAR_KONFIG)
    wb.move_sheet(LEMBAR, len(wb.sheetnames) - wb.sheetnames.index(LEMBAR) - 1)  # after xlwings.conf
    isi_lembar_uji(wb, uji)
    for r, ((kunci, nilai), ket) in enumerate(zip(KONFIG, _KETERANGAN_KONFIG), start=1):
        konfig.cell(r, 1, kunci)
        konfig.cell(r, 2, nilai)
        konfig.cell(r, 3, ket)
    konfig.cell(len(KONFIG) + 2, 1, _CATATAN_KONFIG)
    konfig.column_dimensions["A"].width = 30
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
