@echo off
rem Pasang iku-xl @VERSI@ untuk Excel (Windows) dari bundel ini, tanpa internet.
rem Dibuat oleh: python -m iku_xl.bundel buat  (lihat README, bagian "Untuk TI").
setlocal EnableExtensions
set "BUNDEL=%~dp0"
set "RODA=%~dp0wheels"
set "VENV=%LOCALAPPDATA%\iku-xl\venv"
rem pip tidak membaca konfigurasi pengguna/kantor (index, proxy): semua dari folder wheels
set "PIP_CONFIG_FILE=nul"
set "PIP_NO_INDEX=1"
set "PIP_DISABLE_PIP_VERSION_CHECK=1"

echo === Pasang iku-xl @VERSI@ ===
echo.
if not exist "%RODA%\*.whl" (
    echo Folder "%RODA%" tidak ada atau kosong.
    echo Ekstrak dulu seluruh isi zip ^(klik kanan, Extract All / Ekstrak Semua^),
    echo lalu jalankan pasang.bat dari folder hasil ekstrak.
    goto gagal
)
echo [1/5] Mencari Python 3.11 atau 3.12 ...
set "PY="
py -3.11-64 -c "import sys" >nul 2>&1 && set "PY=py -3.11-64"
if not defined PY py -3.12-64 -c "import sys" >nul 2>&1 && set "PY=py -3.12-64"
if not defined PY python -c "import struct, sys; sys.exit(sys.version_info[:2] not in ((3, 11), (3, 12)) or struct.calcsize('P') != 8)" >nul 2>&1 && set "PY=python"
if not defined PY (
    echo.
    echo Python 3.11 atau 3.12 tidak ditemukan di komputer ini.
    echo Pasang Python 3.11 ^(64-bit^) dari https://www.python.org/downloads/windows/
    echo atau minta TI memasangnya; pada layar pertama pemasang centang
    echo "Add python.exe to PATH". Lalu jalankan pasang.bat ini lagi.
    goto gagal
)
echo       Memakai: %PY%

echo [2/5] Menyiapkan lingkungan Python di "%VENV%" ...
if exist "%VENV%\Scripts\python.exe" (
    "%VENV%\Scripts\python.exe" -c "import sys" >nul 2>&1 || rmdir /s /q "%VENV%"
)
if not exist "%VENV%\Scripts\python.exe" (
    %PY% -m venv "%VENV%"
    if not exist "%VENV%\Scripts\python.exe" (
        echo Lingkungan Python tidak dapat dibuat di "%VENV%".
        echo Python dari Microsoft Store menyimpan folder itu di tempat lain: pasang Python
        echo dari python.org ^(centang "Add python.exe to PATH"^) lalu jalankan pasang.bat lagi.
        goto gagal
    )
)

echo [3/5] Memasang iku-xl dari folder "%RODA%" (tanpa internet) ...
"%VENV%\Scripts\python.exe" -m pip install --no-index --find-links "%RODA%" --upgrade "iku-xl[xl]==@VERSI@"
if errorlevel 1 (
    echo Pemasangan gagal. Pastikan seluruh isi zip sudah diekstrak ^(folder wheels ada^)
    echo dan versi Python adalah 3.11 atau 3.12 64-bit.
    goto gagal
)

echo [4/5] Menulis konfigurasi xlwings dan menyalin templat ke folder Dokumen ...
"%VENV%\Scripts\python.exe" -m iku_xl.bundel pasang --templat "%BUNDEL%templat_iku.xlsm"
if errorlevel 1 goto gagal

echo [5/5] Memeriksa pemasangan ...
"%VENV%\Scripts\iku-xl.exe" --help >nul
if errorlevel 1 goto gagal

echo.
echo Selesai. Langkah berikutnya:
echo   1. Buka templat_iku.xlsm di folder Dokumen, simpan dengan nama sendiri.
echo   2. Bila makro diblokir ^(pita merah "RISIKO KEAMANAN"^): tutup Excel, klik kanan
echo      berkas itu, Properties, centang "Unblock" / "Buka blokir", OK; atau minta TI
echo      menambahkan folder itu sebagai Lokasi Tepercaya ^(Trusted Location^).
echo   3. Di lembar Profil klik Hitung Capaian, Validasi atau Buat Laporan.
echo   Perintah baris: "%VENV%\Scripts\iku-xl.exe" --help
echo.
pause
exit /b 0

:gagal
echo.
echo Pemasangan iku-xl BELUM selesai. Kirim tangkapan layar jendela ini ke TI.
pause
exit /b 1
