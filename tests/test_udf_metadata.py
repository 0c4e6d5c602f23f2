"""What classic xlwings sees of iku_xl.xl.udfs, and the committed VBA wrappers.

On Linux ``xw.func``/``xw.arg`` are no-op stubs; the real decorators live in
``xlwings.udfs``, which imports pywin32. Each check runs in a subprocess that stubs
pywin32 and points ``xw.func``/``xw.arg`` at the real ones, so neither the stubs nor
the patched decorators reach the rest of the test session.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from iku_xl.xl.fungsi import FUNGSI

pytest.importorskip("xlwings", reason="xlwings (optional) not installed")

AKAR = Path(__file__).resolve().parent.parent
BAS = AKAR / "macros" / "IkuFungsi.bas"

_METADATA = r"""
import json, sys, types
for nama in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
    sys.modules[nama] = types.ModuleType(nama)
sys.modules["pythoncom"].CoInitialize = lambda: None
sys.modules["win32com.client"].Dispatch = None
import xlwings as xw
import xlwings.udfs
xw.func, xw.arg = xlwings.udfs.xlfunc, xlwings.udfs.xlarg
import iku_xl.xl.udfs as udfs
from iku_xl.xl import fungsi

keluar = {}
for nama in udfs.__all__:
    f = getattr(udfs, nama)
    x = f.__xlfunc__
    keluar[nama] = {
        "name": x["name"], "category": x["category"], "call_in_wizard": x["call_in_wizard"],
        "volatile": x["volatile"], "doc": x["ret"]["doc"], "ret_options": x["ret"]["options"],
        "args": [{"name": a["name"], "doc": a["doc"], "options": a["options"], "vba": a["vba"],
                  "optional": "optional" in a, "default": a.get("optional")} for a in x["args"]],
        "sama": [f(90, 92) == fungsi.IKU_CAPAIAN(90, 92)] if nama == "IKU_CAPAIAN" else [],
        "bukan_asli": f is not getattr(fungsi, nama) and not hasattr(getattr(fungsi, nama), "__xlfunc__"),
    }
print(json.dumps(keluar))
"""

_BAS = r"""
import json, sys
import xlwings as xw
from iku_xl.xl import vba_udf
func0, arg0 = xw.func, xw.arg
sebelum = set(sys.modules)
teks = vba_udf.teks_modul_udf()
sesudah = set(sys.modules)
print(json.dumps({
    "teks": teks,
    "sisa": sorted(n for n in sesudah - sebelum
                   if n.split(".")[0] in ("pythoncom", "pywintypes", "win32com") or n in ("xlwings.udfs", "iku_xl.xl.udfs")),
    "dekorator_pulih": xw.func is func0 and xw.arg is arg0 and not hasattr(xw, "udfs"),
}))
"""


def _jalankan(kode: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_ON_SERVER"}
    keluar = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, cwd=AKAR, env=env,
                            timeout=120)
    assert keluar.returncode == 0, keluar.stderr
    return json.loads(keluar.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def xlfunc() -> dict:
    return _jalankan(_METADATA)


@pytest.fixture(scope="module")
def bas() -> dict:
    return _jalankan(_BAS)


def test_nama_kategori_dan_opsi(xlfunc):
    assert sorted(xlfunc) == sorted(f.nama for f in FUNGSI) == [
        "IKU_CAPAIAN", "IKU_IKM", "IKU_MUTU", "IKU_PREDIKAT", "IKU_RASIO", "IKU_REALISASI", "IKU_VALIDASI"]
    for f in FUNGSI:
        x = xlfunc[f.nama]
        assert (x["name"], x["category"], x["call_in_wizard"], x["volatile"]) == (f.nama, "iku-xl", False, False)
        assert x["doc"] == f.keterangan
        assert x["ret_options"] == {}  # no return converter: numbers and text go out as they are
        assert x["bukan_asli"]  # the decorators wrote on a copy, not on iku_xl.xl.fungsi's function


def test_argumen_berurutan_dengan_keterangan(xlfunc):
    assert {n: [a["name"] for a in x["args"]] for n, x in xlfunc.items()} == {
        "IKU_CAPAIAN": ["target", "realisasi", "polaritas", "metode_negatif"],
        "IKU_PREDIKAT": ["capaian", "skala"],
        "IKU_REALISASI": ["nilai_tw", "jenis_konsolidasi"],
        "IKU_RASIO": ["pembilang", "penyebut"],
        "IKU_VALIDASI": ["indikator", "satuan", "formulasi", "target", "realisasi"],
        "IKU_IKM": ["jawaban"],
        "IKU_MUTU": ["ikm"],
    }
    for f in FUNGSI:
        for a, x in zip(f.argumen, xlfunc[f.nama]["args"]):
            assert x["doc"] == a.keterangan
            assert x["options"] == {"ndim": 2, "err_to_str": True}
            assert x["vba"] is None
            assert (x["optional"], x["default"]) == ((True, None) if a.opsional else (False, None))


def test_keterangan_berbahasa_indonesia(xlfunc):
    assert xlfunc["IKU_CAPAIAN"]["doc"].startswith(
        "Capaian (%) dari realisasi terhadap target, sesuai PermenPANRB 8/2021.")
    assert xlfunc["IKU_CAPAIAN"]["args"][0]["doc"].startswith("Target: angka")
    assert "triwulan" in xlfunc["IKU_REALISASI"]["doc"]
    assert xlfunc["IKU_RASIO"]["args"][1]["doc"].startswith("Keseluruhannya")
    assert "formulasi" in xlfunc["IKU_VALIDASI"]["doc"]
    assert "skala" in xlfunc["IKU_PREDIKAT"]["doc"]
    assert xlfunc["IKU_IKM"]["doc"].startswith("Indeks Kepuasan Masyarakat (konversi 25-100")
    assert xlfunc["IKU_IKM"]["args"][0]["doc"].startswith("Rentang jawaban: satu baris per responden, 9 kolom")
    assert xlfunc["IKU_MUTU"]["doc"].startswith("Mutu pelayanan A-D")


def test_tetap_fungsi_python_biasa(xlfunc):
    assert xlfunc["IKU_CAPAIAN"]["sama"] == [True]


def test_bas_sama_dengan_hasil_generator(bas):
    assert bas["sisa"] == [] and bas["dekorator_pulih"]  # sys.modules and xlwings as they were
    teks = bas["teks"]
    assert teks.isascii()
    assert BAS.read_bytes() == teks.replace("\n", "\r\n").encode("ascii"), \
        "macros/IkuFungsi.bas is stale: run python -m iku_xl.xl.vba_udf"
    assert teks.startswith('Attribute VB_Name = "IkuFungsi"\n')


def test_bas_deklarasi_fungsi(bas):
    teks = bas["teks"]
    deklarasi = dict(re.findall(r"^Function (IKU_\w+)\((.*)\)$", teks, re.MULTILINE))
    assert deklarasi == {
        "IKU_CAPAIAN": "target, realisasi, Optional polaritas, Optional metode_negatif",
        "IKU_PREDIKAT": "capaian, Optional skala",
        "IKU_REALISASI": "nilai_tw, Optional jenis_konsolidasi",
        "IKU_RASIO": "pembilang, penyebut",
        "IKU_VALIDASI": "indikator, satuan, formulasi, Optional target, Optional realisasi",
        "IKU_IKM": "jawaban",
        "IKU_MUTU": "ikm",
    }
    for f in FUNGSI:
        nama = f.nama
        argumen = ", ".join(a.nama for a in f.argumen)
        blok = re.search(rf"^Function {nama}\(.*?^End Function$", teks, re.MULTILINE | re.DOTALL)[0]
        baris = blok.splitlines()
        keterangan = f.keterangan.replace('"', '""')
        assert baris[1] == f'Attribute {nama}.VB_Description = "{keterangan}"'
        assert baris[2] == f'Attribute {nama}.VB_ProcData.VB_Invoke_Func = " \\n14"'
        assert f'{nama} = XLPy.CallUDF("iku_xl.xl.udfs", "{nama}", Array({argumen}), ThisWorkbook, ' \
               'Application.Caller)' in blok
        assert f"{nama} = Err.Description" in blok
        assert 'Application.CommandBars("Standard").Controls(1).Enabled' in blok  # call_in_wizard=False


def test_bas_mendaftarkan_kategori_dan_keterangan_argumen(bas):
    teks = bas["teks"]
    sub = re.search(r"^Public Sub IkuDaftarkanFungsi\(\)$.*?^End Sub$", teks, re.MULTILINE | re.DOTALL)[0]
    for f in FUNGSI:
        assert f"\"'!{f.nama}\", _" in sub
        for a in f.argumen:
            assert f'"{a.keterangan}"' in sub
    assert sub.count('Category:="iku-xl"') == len(FUNGSI)
    assert all(len(b) < 1024 for b in teks.splitlines())  # VBA's line limit
