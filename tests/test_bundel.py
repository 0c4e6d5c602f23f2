"""The Windows bundle (iku_xl/bundel.py, workbooks/pasang.bat).

What runs here: the batch file's text; the xlwings config writer (read back by xlwings' own
reader); the closure check on generated wheels; the bundle built for this machine (Linux, this
Python) installed offline into a fresh venv, then ``iku-xl --help``, a laporan on the example and
the step pasang.bat runs last; and the Windows bundle's contents resolved with Windows markers
and tags for Python 3.11 and 3.12. The two builds download wheels from PyPI (cached per user in
the temp folder): set IKU_XL_TANPA_JARINGAN=1 to skip them on a machine without PyPI.
What needs a real Windows PC: running pasang.bat itself, xlwings loading its DLL from the venv.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from iku_xl import bundel
from iku_xl.bundel import Sasaran, periksa_lengkap, pasang_konfigurasi, salin_templat, setel_interpreter
from tests.conftest import AKAR, WORKBOOKS

BAT = (AKAR / "workbooks" / "pasang.bat").read_bytes()
VERSI = bundel.versi_proyek()
TANPA_JARINGAN = os.environ.get("IKU_XL_TANPA_JARINGAN") == "1"
perlu_jaringan = pytest.mark.skipif(TANPA_JARINGAN, reason="IKU_XL_TANPA_JARINGAN=1: tanpa PyPI")
CACHE = Path(tempfile.gettempdir()) / f"iku-xl-uji-roda-{os.getuid() if hasattr(os, 'getuid') else 0}"


# --- pasang.bat ---------------------------------------------------------------------------------

def _baris_perintah() -> list[str]:
    """The lines that run something (not echo, rem or labels), joined across nothing."""
    teks = BAT.decode("ascii")
    return [b.strip() for b in teks.split("\r\n")
            if b.strip() and not re.match(r"(?i)(echo\b|rem\b|:|@echo off)", b.strip())]


def test_bat_crlf_ascii_tanpa_lf_tunggal():
    assert BAT.count(b"\n") == BAT.count(b"\r\n") > 40
    assert b"\r\r" not in BAT and BAT.endswith(b"\r\n")
    BAT.decode("ascii")  # no chcp needed: every message is plain ASCII
    assert b"chcp" not in BAT.lower()


def test_bat_langkah_berurutan():
    teks = BAT.decode("ascii")
    langkah = [
        'set "VENV=%LOCALAPPDATA%\\iku-xl\\venv"',
        'if not exist "%RODA%\\*.whl" (',
        'py -3.11-64 -c "import sys" >nul 2>&1 && set "PY=py -3.11-64"',
        'if not defined PY py -3.12-64 -c',
        'if not defined PY python -c "import struct, sys; sys.exit(sys.version_info[:2] not in ((3, 11), (3, 12))',
        "echo Python 3.11 atau 3.12 tidak ditemukan di komputer ini.",
        '%PY% -m venv "%VENV%"',
        '"%VENV%\\Scripts\\python.exe" -m pip install --no-index --find-links "%RODA%" --upgrade "iku-xl[xl]==@VERSI@"',
        '"%VENV%\\Scripts\\python.exe" -m iku_xl.bundel pasang --templat "%BUNDEL%templat_iku.xlsm"',
        '"%VENV%\\Scripts\\iku-xl.exe" --help >nul',
        "echo Selesai. Langkah berikutnya:",
    ]
    posisi = [teks.find(s) for s in langkah]
    assert -1 not in posisi, [s for s, p in zip(langkah, posisi) if p == -1]
    assert posisi == sorted(posisi)
    # every failing step ends in the Indonesian failure message, never a silent exit
    assert teks.count("goto gagal") == 6
    assert ":gagal\r\necho.\r\necho Pemasangan iku-xl BELUM selesai." in teks


def test_bat_tanpa_perintah_jaringan_dan_path_berkutip():
    perintah = _baris_perintah()
    for b in perintah:
        assert not re.search(r"(?i)\b(curl|wget|bitsadmin|powershell|certutil|ftp|invoke-webrequest|start\s+http)\b|https?:", b), b
        if " pip " in b:
            assert "--no-index" in b, b
        tanpa_kutip = re.sub(r'"[^"]*"', '""', b)
        assert not re.search(r"%(VENV|RODA|BUNDEL|LOCALAPPDATA|USERPROFILE)%|%~dp0", tanpa_kutip), b
    # pip reads no user or office config (index, proxy): only the bundle's folder
    assert 'set "PIP_CONFIG_FILE=nul"' in perintah and 'set "PIP_NO_INDEX=1"' in perintah


def test_bat_kurung_di_dalam_blok_diloloskan():
    # an unescaped ")" in an echo inside an if (...) block ends the block early in cmd.exe
    dalam = 0
    for b in BAT.decode("ascii").split("\r\n"):
        s = b.strip()
        if s.lower().startswith("echo") and dalam:
            assert not re.search(r"(?<!\^)[()]", s[4:]), s
            # a user folder like "C:\Users\Budi (Camat)" expands inside the block: keep it quoted
            assert not re.search(r"%(VENV|RODA|BUNDEL)%", re.sub(r'"[^"]*"', '""', s)), s
        dalam += s.endswith("(") - (s == ")")
        assert dalam >= 0
    assert dalam == 0


def test_bat_versi_diisi():
    teks = bundel.teks_pasang_bat(VERSI)
    assert b"@VERSI@" not in teks and f"iku-xl[xl]=={VERSI}".encode() in teks
    assert teks.count(b"\n") == teks.count(b"\r\n")


# --- the user's xlwings config ------------------------------------------------------------------

def test_konfigurasi_baru_dan_kunci_lain_tetap(tmp_path):
    conf = tmp_path / ".xlwings" / "xlwings.conf"
    assert pasang_konfigurasi(conf, r"C:\Users\siti\AppData\Local\iku-xl\venv\Scripts\pythonw.exe") is None
    pyw = rb"C:\Users\siti\AppData\Local\iku-xl\venv\Scripts\pythonw.exe"
    assert conf.read_bytes() == b'"INTERPRETER_WIN","' + pyw + b'"\r\n"INTERPRETER","' + pyw + b'"\r\n'
    conf.write_bytes(b'"LICENSE_KEY","noncommercial"\r\n"interpreter_win","C:\\lama\\pythonw.exe"\r\n'
                     b'"UDF Modules","a;b"')
    cadangan = pasang_konfigurasi(conf, r"C:\baru\pythonw.exe")
    assert conf.read_bytes() == (b'"LICENSE_KEY","noncommercial"\r\n"INTERPRETER_WIN","C:\\baru\\pythonw.exe"\r\n'
                                 b'"UDF Modules","a;b"\r\n"INTERPRETER","C:\\baru\\pythonw.exe"\r\n')
    assert cadangan.name == "xlwings.conf.cadangan"
    assert b"C:\\lama" in cadangan.read_bytes()
    # the same again: nothing changes, no new backup
    assert pasang_konfigurasi(conf, r"C:\baru\pythonw.exe") is None
    # another change: the first backup is never overwritten
    cadangan2 = pasang_konfigurasi(conf, r"D:\lain\pythonw.exe")
    assert cadangan2.name == "xlwings.conf.cadangan (2)" and b"C:\\lama" in cadangan.read_bytes()


def test_konfigurasi_dibaca_xlwings(tmp_path, monkeypatch):
    import xlwings
    from xlwings import utils

    conf = tmp_path / "xlwings.conf"
    conf.write_text('"CONDA PATH","C:\\conda"\n"INTERPRETER_WIN","C:\\lama.exe"\n', newline="")
    pasang_konfigurasi(conf, r"C:\Program Files\iku-xl\venv\Scripts\pythonw.exe")
    monkeypatch.setattr(xlwings, "USER_CONFIG_FILE", str(conf))
    pyw = r"C:\Program Files\iku-xl\venv\Scripts\pythonw.exe"
    assert utils.read_user_config() == {"conda path": "C:\\conda", "interpreter_win": pyw, "interpreter": pyw}


def test_konfigurasi_tolak_kutip():
    with pytest.raises(ValueError, match="Path Python berisi tanda kutip"):
        setel_interpreter("", 'C:\\a"b\\pythonw.exe')


def test_templat_tidak_menimpa_berkas_pengguna(tmp_path):
    dok = tmp_path / "Dokumen"
    templat = WORKBOOKS / "templat_iku.xlsm"
    assert salin_templat(templat, dok) == (dok / "templat_iku.xlsm", True)
    assert salin_templat(templat, dok) == (dok / "templat_iku.xlsm", False)
    (dok / "templat_iku.xlsm").write_bytes(b"karya staf")
    assert salin_templat(templat, dok) == (dok / "templat_iku (2).xlsm", True)
    assert (dok / "templat_iku.xlsm").read_bytes() == b"karya staf"
    assert (dok / "templat_iku (2).xlsm").read_bytes() == templat.read_bytes()


# --- the closure check on generated wheels ------------------------------------------------------

def _roda(folder: Path, nama: str, versi: str, *requires: str, tag: str = "py3-none-any",
          requires_python: str | None = None) -> None:
    meta = f"Metadata-Version: 2.1\nName: {nama}\nVersion: {versi}\n"
    if requires_python:
        meta += f"Requires-Python: {requires_python}\n"
    meta += "".join(f"Requires-Dist: {r}\n" for r in requires)
    with zipfile.ZipFile(folder / f"{nama}-{versi}-{tag}.whl", "w") as z:
        z.writestr(f"{nama}-{versi}.dist-info/METADATA", meta)


def test_periksa_lengkap_penanda_windows_ekstra_dan_tag(tmp_path):
    _roda(tmp_path, "iku_xl", "0.1.0", "openpyxl>=3.1", 'xlwings==0.37.8; extra == "xl"',
          'uvloop; sys_platform != "win32"')
    _roda(tmp_path, "openpyxl", "3.1.5")
    _roda(tmp_path, "openpyxl", "3.0.0")
    _roda(tmp_path, "xlwings", "0.37.8", 'pywin32>=224; platform_system == "Windows"',
          'appscript; platform_system == "Darwin"', tag="cp311-cp311-manylinux_2_17_x86_64",
          requires_python=">=3.11")
    hasil, hilang = periksa_lengkap(tmp_path, Sasaran("3.11"), "iku-xl[xl]==0.1.0")
    # the Linux xlwings wheel does not count for Windows; uvloop is not needed there
    assert sorted(hasil) == ["iku-xl", "openpyxl"] and hasil["openpyxl"].versi == "3.1.5"
    assert hilang == ["xlwings==0.37.8"]
    _roda(tmp_path, "xlwings", "0.37.8", 'pywin32>=224; platform_system == "Windows"',
          tag="cp311-cp311-win_amd64", requires_python=">=3.11")
    assert periksa_lengkap(tmp_path, Sasaran("3.11"), "iku-xl[xl]==0.1.0")[1] == ["pywin32>=224"]
    _roda(tmp_path, "pywin32", "312", tag="cp311-cp311-win_amd64")
    hasil, hilang = periksa_lengkap(tmp_path, Sasaran("3.11"), "iku-xl[xl]==0.1.0")
    assert hilang == [] and sorted(hasil) == ["iku-xl", "openpyxl", "pywin32", "xlwings"]
    # Python 3.12 needs its own binary wheels; without the extra, xlwings is not needed at all
    assert periksa_lengkap(tmp_path, Sasaran("3.12"), "iku-xl[xl]==0.1.0")[1] == ["xlwings==0.37.8"]
    assert periksa_lengkap(tmp_path, Sasaran("3.12"), "iku-xl==0.1.0")[1] == []


# --- the builds (PyPI) ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def bundel_ini(tmp_path_factory):
    """The bundle built for this machine and this Python."""
    py = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return bundel.buat_bundel(tmp_path_factory.mktemp("bundel_ini"), [py], None, CACHE / "ini",
                              unduh_selalu=False)


@pytest.fixture(scope="session")
def bundel_windows(tmp_path_factory):
    return bundel.buat_bundel(tmp_path_factory.mktemp("bundel_win"), roda_cache=CACHE / "win",
                              unduh_selalu=False)


def _lingkungan_tanpa_pip_kantor() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    # as pasang.bat: no config file, no index; a proxy that refuses makes any network use fail
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1",
               HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9",
               http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9")
    return env


@perlu_jaringan
def test_bundel_ini_terpasang_tanpa_internet(bundel_ini, tmp_path):
    folder = bundel_ini.with_suffix("")
    with zipfile.ZipFile(bundel_ini) as z:
        nama = set(z.namelist())
    assert f"{folder.name}/pasang.bat" in nama and f"{folder.name}/templat_iku.xlsm" in nama
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    env = _lingkungan_tanpa_pip_kantor()
    # the same command line as pasang.bat's step 3
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-index", "--find-links",
                    str(folder / "wheels"), "--upgrade", f"iku-xl[xl]=={VERSI}"],
                   check=True, env=env, timeout=300)
    bantuan = subprocess.run([str(py), "-m", "iku_xl", "--help"], capture_output=True, text=True,
                             env=env, timeout=60)
    assert bantuan.returncode == 0 and bantuan.stdout.startswith("penggunaan: iku-xl")
    hasil = tmp_path / "laporan.xlsx"
    lap = subprocess.run([str(py), "-m", "iku_xl", "laporan", str(WORKBOOKS / "contoh_legok_2020.xlsx"),
                          "-o", str(hasil)], capture_output=True, text=True, env=env, timeout=120,
                         cwd=tmp_path)
    assert lap.returncode == 0, lap.stderr
    assert f"Laporan disimpan di: {hasil}" in lap.stdout
    from openpyxl import load_workbook
    assert "Laporan Capaian 2020" in load_workbook(hasil, read_only=True).sheetnames
    versi_xlwings = subprocess.run([str(py), "-c", "import importlib.metadata as m; print(m.version('xlwings'))"],
                                   capture_output=True, text=True, env=env).stdout.strip()
    assert versi_xlwings == "0.37.8"
    # pasang.bat's step 4, with the user's folders redirected into tmp_path
    conf, dok = tmp_path / "home" / ".xlwings" / "xlwings.conf", tmp_path / "Dokumen"
    langkah = subprocess.run([str(py), "-m", "iku_xl.bundel", "pasang", "--templat",
                              str(folder / "templat_iku.xlsm"), "--conf", str(conf), "--dokumen", str(dok)],
                             capture_output=True, text=True, env=env, timeout=60)
    assert langkah.returncode == 0, langkah.stderr
    assert conf.read_bytes() == f'"INTERPRETER_WIN","{py}"\r\n"INTERPRETER","{py}"\r\n'.encode()
    assert (dok / "templat_iku.xlsm").read_bytes() == (WORKBOOKS / "templat_iku.xlsm").read_bytes()
    assert f"Templat disalin ke {dok / 'templat_iku.xlsm'}" in langkah.stdout


@perlu_jaringan
def test_bundel_windows_lengkap_untuk_311_dan_312(bundel_windows):
    folder = bundel_windows.with_suffix("")
    assert bundel_windows.name == f"iku-xl-windows-{VERSI}.zip"
    with zipfile.ZipFile(bundel_windows) as z:
        nama = set(z.namelist())
        assert z.read(f"{folder.name}/pasang.bat") == bundel.teks_pasang_bat(VERSI)
        assert z.read(f"{folder.name}/templat_iku.xlsm") == (WORKBOOKS / "templat_iku.xlsm").read_bytes()
    roda = {n.split("/")[-1] for n in nama if n.endswith(".whl")}
    dipakai = set()
    for py in ("3.11", "3.12"):
        hasil, hilang = periksa_lengkap(folder / "wheels", Sasaran(py), f"iku-xl[xl]=={VERSI}")
        assert hilang == [], py
        tag = "cp" + py.replace(".", "")
        # the Windows-only dependency pip download skips on Linux is there
        assert hasil["pywin32"].berkas.name.endswith(f"-{tag}-{tag}-win_amd64.whl")
        assert hasil["xlwings"].berkas.name == f"xlwings-0.37.8-{tag}-{tag}-win_amd64.whl"
        for r in hasil.values():
            assert re.search(r"-(win_amd64|any)\.whl$", r.berkas.name), r.berkas.name
        dipakai |= {r.berkas.name for r in hasil.values()}
    assert roda == dipakai  # nothing extra in the zip
    with zipfile.ZipFile(folder / "wheels" / "xlwings-0.37.8-cp311-cp311-win_amd64.whl") as z:
        assert "xlwings-0.37.8.data/data/xlwings64-0.37.8.dll" in z.namelist()


def test_perintah_pasang_pesan_indonesia(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        bundel.main(["pasang"])
    assert e.value.code == 2
    assert "argumen wajib belum diberikan: --templat" in capsys.readouterr().err
    hilang = tmp_path / "tidak_ada.xlsm"
    assert bundel.main(["pasang", "--templat", str(hilang), "--conf", str(tmp_path / "c.conf"),
                        "--dokumen", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (f"GALAT: Templat {hilang} tidak ditemukan. Ekstrak seluruh isi zip bundel lalu "
                   "jalankan pasang.bat dari sana.\n")
    assert not (tmp_path / "c.conf").exists()  # nothing written before the checks pass


def test_templat_memakai_python_dari_konfigurasi_pengguna(tmp_path):
    """xlwings.bas's lookup (sheet, then the user's file; INTERPRETER_WIN, then INTERPRETER) on the
    shipped template finds the venv pasang.bat wrote, with or without an empty Interpreter_Win row."""
    bas = (AKAR / "macros" / "xlwings.bas").read_text(encoding="utf-8", errors="replace")
    assert re.search(r'interpreter = GetConfig\("INTERPRETER_WIN", ""\)\s+#End If\s+If interpreter = "" Then'
                     r'\s+\' Legacy\s+interpreter = GetConfig\("INTERPRETER", "python"\)', bas)
    assert 'GetConfigFilePath = Environ("USERPROFILE") & "\\." & PROJECT_NAME & "\\" & PROJECT_NAME & ".conf"' in bas
    from openpyxl import load_workbook

    ws = load_workbook(WORKBOOKS / "templat_iku.xlsm", keep_vba=True)["xlwings.conf"]
    lembar = {str(r[0]).upper(): "" if r[1] is None else str(r[1])
              for r in ws.iter_rows(values_only=True) if r[0] is not None}
    conf = tmp_path / "xlwings.conf"
    pasang_konfigurasi(conf, r"C:\Users\siti\AppData\Local\iku-xl\venv\Scripts\pythonw.exe")
    pengguna = {k.upper(): v for k, v in bundel.baca_konfigurasi(conf.read_text())}

    def get_config(kunci: str) -> str:  # the sheet wins, even with an empty value
        return lembar[kunci] if kunci in lembar else pengguna.get(kunci, "")

    assert (get_config("INTERPRETER_WIN") or get_config("INTERPRETER")) == \
        r"C:\Users\siti\AppData\Local\iku-xl\venv\Scripts\pythonw.exe"
