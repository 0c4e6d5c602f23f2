"""The macro-enabled template: its VBA is exactly macros/ (read back with olevba), every button
and every RunPython call reaches real Python, LibreOffice loads the project, and the buttons
and macros survive iku-xl's own openpyxl round trip."""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import zipfile

import openpyxl
import pytest

from iku_xl.xl.templat_xlsm import KONFIG, LEMBAR_KONFIG, MODUL, NAMA_LEMBAR, TOMBOL, buat_templat_xlsm
from iku_xl.xl.uji_mandiri import TOMBOL_UJI
from iku_xl.xl.vba_proyek import daftar_modul
from tests.conftest import AKAR, WAKTU, WORKBOOKS
from tests.ringkas import ringkas_lembar

TEMPLAT = WORKBOOKS / "templat_iku.xlsm"
MAKRO = AKAR / "macros"

olevba = pytest.importorskip("oletools.olevba")

_spec = importlib.util.spec_from_file_location("buat_contoh", WORKBOOKS / "buat_contoh.py")
buat_contoh = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(buat_contoh)
#: What the VBA editor keeps of an exported class module: the export header goes, Excel's
#: fixed attributes join the file's own (iku_xl.xl.vba_proyek.modul_kelas).
_KEPALA_CLS = ("VERSION 1.0 CLASS", "BEGIN", "  MultiUse = -1  'True", "END")
_ATRIBUT_EXCEL = {1: 'Attribute VB_Base = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"',
                  6: "Attribute VB_TemplateDerived = False", 7: "Attribute VB_Customizable = False"}


def _sumber_makro(berkas: str) -> str:
    """macros/<berkas> as Excel stores it: a .bas as it is, a .cls without its export header."""
    teks = _normal((MAKRO / berkas).read_text(encoding="ascii"))
    if not berkas.endswith(".cls"):
        return teks
    baris = teks.split("\n")
    assert tuple(baris[:4]) == _KEPALA_CLS
    baris = baris[4:]
    for i, atribut in sorted(_ATRIBUT_EXCEL.items()):
        baris.insert(i, atribut)
    return "\n".join(baris)


def _normal(teks: str) -> str:
    return teks.replace("\r\n", "\n").rstrip("\n")


def _modul_olevba(path) -> dict[str, str]:
    parser = olevba.VBA_Parser(str(path))
    try:
        return {nama.rsplit(".", 1)[0]: _normal(kode) for _, _, nama, kode in parser.extract_macros()}
    finally:
        parser.close()


def _vba(path) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/vbaProject.bin")


def _tombol(path) -> list[tuple[str, str]]:
    """(caption, macro) of the form buttons, from the sheets' VML drawings."""
    hasil = []
    with zipfile.ZipFile(path) as z:
        for nama in sorted(n for n in z.namelist() if re.match(r"xl/drawings/vmlDrawing\d+\.vml$", n)):
            vml = z.read(nama).decode()
            for bentuk in re.findall(r"<v:shape .*?</v:shape>", vml, re.S):
                makro = re.search(r"<x:FmlaMacro>\[0\]!(\w+)</x:FmlaMacro>", bentuk)
                teks = re.sub(r"<[^>]+>", "", re.search(r"<v:textbox.*?</v:textbox>", bentuk, re.S).group(0))
                if makro:
                    hasil.append((teks.strip(), makro.group(1)))
    return hasil


def test_berkas_tercatat_sama_dengan_buatan_skrip(tmp_path):
    baru = tmp_path / "templat_iku.xlsm"
    buat_templat_xlsm(MAKRO, uji=buat_contoh.legok()).save(baru)
    assert _vba(baru) == _vba(TEMPLAT), "jalankan python workbooks/buat_contoh.py"  # deterministic writer
    lama, kini = openpyxl.load_workbook(TEMPLAT, keep_vba=True), openpyxl.load_workbook(baru, keep_vba=True)
    assert kini.sheetnames == lama.sheetnames == list(NAMA_LEMBAR)
    for nama in kini.sheetnames:
        assert ringkas_lembar(kini[nama]) == ringkas_lembar(lama[nama]), nama
    assert _tombol(baru) == _tombol(TEMPLAT)


def test_olevba_membaca_persis_sumber_di_macros():
    modul = _modul_olevba(TEMPLAT)
    for berkas, nama in MODUL:
        assert modul[nama] == _sumber_makro(berkas), nama
    assert modul["Dictionary"].startswith('Attribute VB_Name = "Dictionary"\nAttribute VB_Base')
    dokumen = {"ThisWorkbook", *(f"Sheet{i}" for i in range(1, len(NAMA_LEMBAR) + 1))}
    assert set(modul) == dokumen | {nama for _, nama in MODUL}
    assert daftar_modul(_vba(TEMPLAT)).keys() == modul.keys()


def test_kode_nama_lembar_cocok_dengan_modul_dokumen():
    wb = openpyxl.load_workbook(TEMPLAT, keep_vba=True)
    assert wb.code_name == "ThisWorkbook"
    assert [ws.sheet_properties.codeName for ws in wb.worksheets] == [
        f"Sheet{i}" for i in range(1, len(NAMA_LEMBAR) + 1)]


def test_tombol_memanggil_makro_yang_ada():
    sumber = (MAKRO / "IkuTombol.bas").read_text(encoding="ascii")
    sub = re.findall(r"^Sub (\w+)\(\)", sumber, re.M)
    assert _tombol(TEMPLAT) == [(teks, makro) for teks, makro, _ in TOMBOL] + [TOMBOL_UJI[:2]]
    assert [makro for _, makro, _ in TOMBOL] == sub


def test_runpython_memanggil_fungsi_python_yang_ada():
    sumber = (MAKRO / "IkuTombol.bas").read_text(encoding="ascii")
    panggilan = re.findall(r'RunPython "import ([\w.]+) as (\w+); \2\.(\w+)\(\)"', sumber)
    assert len(panggilan) == len(TOMBOL) == len(re.findall(r"RunPython \"", sumber))
    for modul, _, fungsi in panggilan:
        assert callable(getattr(importlib.import_module(modul), fungsi)), f"{modul}.{fungsi}"


def test_vba_kami_hanya_memanggil_python():
    """No Shell, no auto-run, no file or registry access in iku-xl's own VBA."""
    terlarang = re.compile(r"\b(Shell|Auto_Open|Workbook_Open|Kill|CreateObject|GetObject|SaveSetting|"
                           r"DeleteSetting|Declare|Open\s+\S+\s+For)\b", re.I)
    for berkas in ("IkuTombol.bas", "IkuFungsi.bas", "IkuUjiMandiri.bas"):
        for baris in (MAKRO / berkas).read_text(encoding="ascii").splitlines():
            kode = baris.split("'", 1)[0] if not baris.lstrip().startswith("Attribute") else ""
            assert not terlarang.search(kode), (berkas, baris)


def test_xlwings_bas_sama_dengan_paket_xlwings():
    """The vendored RunPython module must match the pinned xlwings (its DLL version is in it)."""
    xlwings = pytest.importorskip("xlwings")
    asli = (AKAR / "macros" / "xlwings.bas").read_bytes()
    assert asli == open(os.path.join(os.path.dirname(xlwings.__file__), "xlwings.bas"), "rb").read()
    assert f"xlwings64-{xlwings.__version__}.dll".encode() in asli


def test_xlwings_bas_dan_dictionary_cls_dari_paket_xlwings():
    """Dictionary.cls is xlwings' copy, byte for byte, licence header included; xlwings.bas needs it on Mac."""
    xlwings = pytest.importorskip("xlwings")
    asli = (MAKRO / "Dictionary.cls").read_bytes()
    assert asli == open(os.path.join(os.path.dirname(xlwings.__file__), "addin", "Dictionary.cls"), "rb").read()
    assert b"License: MIT" in asli[:1200] and b"(c) Tim Hall" in asli[:1200]
    assert re.search(r"#If Mac Then\s+Dim d As Dictionary", (MAKRO / "xlwings.bas").read_text(encoding="ascii"))


def _baris_konfig(ws) -> list[tuple[object, object]]:
    """The rows xlwings' GetConfigFromSheet reads: A1 down to the last cell before a gap."""
    baris = []
    r = 1
    while ws.cell(r, 1).value is not None:
        baris.append((ws.cell(r, 1).value, ws.cell(r, 2).value))
        r += 1
    return baris


def test_lembar_xlwings_conf():
    ws = openpyxl.load_workbook(TEMPLAT, keep_vba=True)[LEMBAR_KONFIG]
    baris = _baris_konfig(ws)
    assert baris == list(KONFIG)
    assert ("ADD_WORKBOOK_TO_PYTHONPATH", False) in baris
    # an empty value would still win over the user's config file: no such row
    assert all(nilai not in (None, "") for _, nilai in baris)
    assert "INTERPRETER_WIN" not in {str(k).upper() for k, _ in baris}


def test_bertahan_setelah_laporan(tmp_path):
    """iku-xl's openpyxl round trip keeps the macros and the buttons of the template."""
    from iku_xl.workbook.proses import validasi

    salinan = tmp_path / "IKU.xlsm"
    salinan.write_bytes(TEMPLAT.read_bytes())
    hasil = validasi(salinan, waktu=WAKTU)
    assert hasil.keluaran.suffix == ".xlsm"
    assert _vba(hasil.keluaran) == _vba(TEMPLAT)
    assert _tombol(hasil.keluaran) == _tombol(TEMPLAT)
    with zipfile.ZipFile(hasil.keluaran) as z:
        assert z.testzip() is None
        rujukan = re.findall(rb'Target="/?(xl/drawings/[^"]+)"', b"".join(
            z.read(n) for n in z.namelist() if n.endswith(".rels")))
        assert all(r.decode() in z.namelist() for r in rujukan), "a referenced drawing is missing"


@pytest.mark.libreoffice
def test_libreoffice_memuat_proyek_vba(tmp_path):
    from tests.lo import konversi, soffice_ada

    if not soffice_ada():
        if os.environ.get("IKU_XL_WAJIB_LO") == "1":
            pytest.fail("IKU_XL_WAJIB_LO=1 tetapi soffice tidak ditemukan")
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    [ods] = konversi([TEMPLAT], tmp_path, ".ods")
    with zipfile.ZipFile(ods) as z:
        basic = {n.rsplit("/", 1)[1].removesuffix(".xml"): z.read(n).decode()
                 for n in z.namelist() if n.startswith("Basic/VBAProject/") and n.endswith(".xml")
                 and not n.endswith(("script-lb.xml", "dialog-lb.xml"))}
    assert {nama for _, nama in MODUL} <= set(basic)
    for berkas, nama in MODUL:
        sub = re.findall(r"^(?:Public )?(?:Sub|Function) (\w+)", (MAKRO / berkas).read_text(encoding="ascii"), re.M)
        for s in sub:
            assert s in basic[nama], (nama, s)
