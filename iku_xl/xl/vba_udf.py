"""Build-time generation of the VBA module that lets desktop Excel call the UDFs.

``teks_modul_udf()`` is the text of the standard module ``IkuFungsi``: one VBA
wrapper per cell function, written by xlwings' own ``generate_vba_wrapper`` (the
code behind "Import Functions") from the ``__xlfunc__`` metadata that the real
classic decorators attach to :mod:`iku_xl.xl.udfs`. Shipping the module inside the
template means staff need neither "Import Functions" nor "Trust access to the VBA
project object model". Each wrapper calls ``XLPy.CallUDF``, which the workbook gets
from xlwings (the ``xlwings.xlam`` add-in reference or the standalone ``xlwings.bas``).

The generator adds what "Import Functions" would otherwise set through
``Application.MacroOptions``: ``Attribute <f>.VB_Description`` (the description) and
``VB_ProcData.VB_Invoke_Func`` (no shortcut key, category 14 "User Defined", the
value Excel itself exports for macros); and a Sub ``IkuDaftarkanFungsi`` that calls
``Application.MacroOptions`` with the description, the category "iku-xl" and the
argument descriptions, run once by hand (Alt+F8) and saved: iku-xl's VBA never auto-runs.

The classic decorators live in ``xlwings.udfs``, which imports pywin32 at module
level; off Windows, :func:`_xlwings_klasik` stubs those modules for the duration of
the call and restores ``sys.modules`` afterwards.

Regenerate the committed file with ``python -m iku_xl.xl.vba_udf``.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

NAMA_MODUL = "IkuFungsi"
#: The workbook the wrappers are generated for (only its extension matters to xlwings:
#: an .xlam would call ActiveWorkbook instead of ThisWorkbook).
NAMA_BUKU = "templat_iku.xlsm"
MODUL_UDF = "iku_xl.xl.udfs"
#: The committed module (CRLF line endings, ASCII, as the VBA editor exports it).
BERKAS_BAS = Path(__file__).resolve().parents[2] / "macros" / f"{NAMA_MODUL}.bas"
#: Category number of "User Defined" in Excel's Function Wizard.
KATEGORI_PENGGUNA = 14

_PYWIN32 = ("pythoncom", "pywintypes", "win32com", "win32com.client")


def _modul_tiruan(nama: str) -> types.ModuleType:
    modul = types.ModuleType(nama)
    modul.CoInitialize = lambda: None  # type: ignore[attr-defined]  # pythoncom
    modul.Dispatch = None  # type: ignore[attr-defined]  # win32com.client
    modul.com_error = Exception  # type: ignore[attr-defined]  # pywintypes
    return modul


def _bisa_diimpor(nama: str) -> bool:
    try:
        importlib.import_module(nama)
    except ImportError:
        return False
    return True


@contextlib.contextmanager
def _xlwings_klasik() -> Iterator[tuple[Any, Any]]:
    """``(xlwings.udfs, iku_xl.xl.udfs)`` decorated by the real classic decorators.

    pywin32 is stubbed where missing, ``xw.func``/``xw.arg`` point at
    ``xlwings.udfs.xlfunc``/``xlarg`` while a fresh ``iku_xl.xl.udfs`` is imported;
    afterwards ``sys.modules`` and the patched attributes are as they were.
    """
    import xlwings as xw

    import iku_xl.xl as paket

    nama_modul = (*_PYWIN32, "xlwings.udfs", MODUL_UDF)
    modul_lama = {n: sys.modules.get(n) for n in nama_modul}
    atribut_lama = [(xw, "func", xw.func), (xw, "arg", xw.arg),
                    (xw, "udfs", getattr(xw, "udfs", None)), (paket, "udfs", getattr(paket, "udfs", None))]
    try:
        for n in _PYWIN32:
            if not _bisa_diimpor(n):
                sys.modules[n] = _modul_tiruan(n)
        sys.modules.pop("xlwings.udfs", None)
        sys.modules.pop(MODUL_UDF, None)
        udfs_xlwings = importlib.import_module("xlwings.udfs")
        xw.func, xw.arg = udfs_xlwings.xlfunc, udfs_xlwings.xlarg
        yield udfs_xlwings, importlib.import_module(MODUL_UDF)
    finally:
        for objek, atribut, nilai in atribut_lama:
            if nilai is None:
                objek.__dict__.pop(atribut, None)
            else:
                setattr(objek, atribut, nilai)
        for n, modul in modul_lama.items():
            if modul is None:
                sys.modules.pop(n, None)
            else:
                sys.modules[n] = modul


def _vba_teks(teks: str) -> str:
    """A VBA string literal."""
    return '"' + teks.replace('"', '""') + '"'


def _atribut(nama: str, xlfunc: dict[str, Any]) -> list[str]:
    return [f"Attribute {nama}.VB_Description = {_vba_teks(xlfunc['ret']['doc'][:255])}",
            f'Attribute {nama}.VB_ProcData.VB_Invoke_Func = " \\n{KATEGORI_PENGGUNA}"']


def _sub_daftarkan(metadata: dict[str, dict[str, Any]]) -> list[str]:
    baris = [
        "Public Sub IkuDaftarkanFungsi()",
        "    ' Deskripsi, kategori dan keterangan argumen fungsi IKU_ di Function Wizard (Excel 2010+).",
        "    ' Jalankan sekali lewat Alt+F8 (Makro), lalu simpan buku kerja; tidak berjalan otomatis.",
        "    Dim tersimpan As Boolean",
        "    tersimpan = ThisWorkbook.Saved",
        "    On Error Resume Next",
    ]
    for nama, xlfunc in metadata.items():
        argumen = [_vba_teks(a["doc"][:255]) for a in xlfunc["args"]]
        baris += [
            f"    Application.MacroOptions Macro:=\"'\" & ThisWorkbook.Name & \"'!{nama}\", _",
            f"        Description:={_vba_teks(xlfunc['ret']['doc'][:255])}, _",
            f"        Category:={_vba_teks(xlfunc['category'])}, _",
            "        ArgumentDescriptions:=Array( _",
            *[f"            {a}, _" for a in argumen[:-1]],
            f"            {argumen[-1]})",
        ]
    return baris + ["    ThisWorkbook.Saved = tersimpan", "End Sub"]


def teks_modul_udf() -> str:
    """The VBA module ``IkuFungsi`` ("\\n" line endings; ASCII only)."""
    with _xlwings_klasik() as (udfs_xlwings, modul):
        tulisan = io.StringIO()
        udfs_xlwings.generate_vba_wrapper(MODUL_UDF, modul, tulisan, types.SimpleNamespace(Name=NAMA_BUKU))
        metadata = {nama: getattr(modul, nama).__xlfunc__ for nama in modul.__all__}
    baris = [
        f'Attribute VB_Name = "{NAMA_MODUL}"',
        "' Dibuat otomatis oleh iku_xl/xl/vba_udf.py dari iku_xl/xl/fungsi.py: jangan diubah di sini.",
        "' Buat ulang: python -m iku_xl.xl.vba_udf",
        '#Const App = "Microsoft Excel"',
        "",
    ]
    for b in tulisan.getvalue().splitlines():
        baris.append(b)
        if m := re.match(r"Function (\w+)\(", b):
            baris += _atribut(m[1], metadata[m[1]])
    teks = "\n".join(baris + _sub_daftarkan(metadata)) + "\n"
    teks.encode("ascii")  # VBA source is stored as cp1252: keep it ASCII (raises otherwise)
    return teks


def tulis_modul_udf(path: Path = BERKAS_BAS) -> Path:
    """Write :func:`teks_modul_udf` with CRLF line endings, as .bas files have."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(teks_modul_udf().replace("\n", "\r\n").encode("ascii"))
    return path


if __name__ == "__main__":
    print(tulis_modul_udf())
