"""The self-test for the first real Excel (the "Uji Mandiri" sheet and macros/IkuUjiMandiri.bas).

Excel is not available here. What can be checked: the macro is in the template exactly as
in macros/ (olevba); the expected values on the sheet are iku-xl's own, through a second
path (the public core API and the openpyxl front end); the hidden example data turn the
empty template into the Legok example; and LibreOffice runs the part of the macro that
needs no Python (Excel info, the per-row error handling, the LULUS/GAGAL comparison).
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import subprocess
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pytest

import iku_xl
from iku_xl.core.ikm import hitung_ikm, mutu
from iku_xl.core.skema import LEMBAR_DATA, PROFIL_NAMA
from iku_xl.xl.templat_xlsm import MODUL, TOMBOL, modul_makro
from iku_xl.xl.uji_mandiri import (
    BARIS_AWAL,
    BARIS_KEPALA,
    INFO,
    JENIS,
    KEPALA,
    LEMBAR,
    LEMBAR_DATA_UJI,
    daftar_pemeriksaan,
)
from iku_xl.xl.vba_proyek import buat_vba_project
from tests.conftest import AKAR, WAKTU, WORKBOOKS

TEMPLAT = WORKBOOKS / "templat_iku.xlsm"
VBA = (AKAR / "macros" / "IkuUjiMandiri.bas").read_text(encoding="ascii")

_spec = importlib.util.spec_from_file_location("buat_contoh", WORKBOOKS / "buat_contoh.py")
buat_contoh = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(buat_contoh)


def _tabel(ws) -> list[tuple]:
    """The check rows: (Jenis, Pemeriksaan, Rumus / makro, Diharapkan, Hasil, Status)."""
    baris, r = [], BARIS_AWAL
    while ws.cell(r, 1).value is not None:
        baris.append(tuple(ws.cell(r, k).value for k in range(1, 7)))
        r += 1
    return baris


@pytest.fixture(scope="module")
def lembar():
    return openpyxl.load_workbook(TEMPLAT, keep_vba=True)[LEMBAR]


def test_olevba_membaca_modul_uji():
    olevba = pytest.importorskip("oletools.olevba")
    parser = olevba.VBA_Parser(str(TEMPLAT))
    try:
        kode = {n.rsplit(".", 1)[0]: k for _, _, n, k in parser.extract_macros()}["IkuUjiMandiri"]
    finally:
        parser.close()
    assert kode.replace("\r\n", "\n").rstrip("\n") == VBA.replace("\r\n", "\n").rstrip("\n")
    assert ("IkuUjiMandiri.bas", "IkuUjiMandiri") in MODUL


def test_vba_dan_python_sepakat_tentang_tata_letak():
    assert re.search(rf'Private Const LEMBAR_UJI As String = "{LEMBAR}"', VBA)
    assert re.search(rf'Private Const LEMBAR_DATA As String = "{LEMBAR_DATA_UJI}"', VBA)
    assert re.search(rf"Private Const BARIS_AWAL As Long = {BARIS_AWAL}\b", VBA)
    assert [KEPALA[i - 1] for i in (1, 3, 4, 5, 6)] == ["Jenis", "Rumus / makro", "Diharapkan", "Hasil", "Status"]
    kolom = dict(re.findall(r"Private Const KOLOM_(\w+) As Long = (\d+)", VBA))
    assert kolom == {"JENIS": "1", "PERINTAH": "3", "HARAPAN": "4", "HASIL": "5", "STATUS": "6"}
    assert sorted(re.findall(r'Case "(\w+)": Uji', VBA)) == sorted(JENIS)
    assert {f"B{baris}" for _, baris in INFO} <= set(re.findall(r"""["'](B\d+)["']""", VBA))
    # one failing check does not stop the table: every check has its own handler
    for nama in re.findall(r"Private (?:Sub|Function) (Uji\w+|BuatSalinan)\(", VBA):
        badan = re.search(rf"(?:Sub|Function) {nama}\(.*?End (?:Sub|Function)", VBA, re.S).group(0)
        assert "On Error GoTo gagal" in badan and "\ngagal:" in badan, nama


def test_lembar_uji_ada_tombolnya_dan_kepala(lembar):
    assert [lembar.cell(BARIS_KEPALA, k).value for k in range(1, 7)] == list(KEPALA)
    assert [lembar.cell(b, 1).value for _, b in INFO] == [label for label, _ in INFO]
    wb = openpyxl.load_workbook(TEMPLAT, keep_vba=True)
    assert wb[LEMBAR_DATA_UJI].sheet_state == "hidden"
    assert all(r[4] is None and r[5] is None for r in _tabel(lembar))  # results are the macro's


def test_harapan_adalah_hitungan_iku_xl(lembar):
    tabel = _tabel(lembar)
    pemeriksaan = daftar_pemeriksaan(buat_contoh.legok())
    # floats as the .xlsx stores them (15 significant digits), strings exactly
    assert [(j, k, p, d) for j, k, p, d, _, _ in tabel] == [
        (x.jenis, x.keterangan, x.perintah.format(baris=r),
         pytest.approx(x.diharapkan, rel=1e-14) if isinstance(x.diharapkan, float) else x.diharapkan)
        for r, x in enumerate(pemeriksaan, start=BARIS_AWAL)]
    assert {j for j, *_ in tabel} == set(JENIS)
    fungsi = {p: d for j, _, p, d, _, _ in tabel if j == "Fungsi"}
    # a second path to the same numbers: the public core API
    assert fungsi["IKU_CAPAIAN(60,65)"] == pytest.approx(iku_xl.hitung_capaian(60, 65))
    assert fungsi['IKU_CAPAIAN(4,3,"negatif")'] == pytest.approx(iku_xl.hitung_capaian(4, 3, "negatif"))
    assert fungsi["IKU_PREDIKAT(108.33)"] == iku_xl.predikat(108.33)
    assert fungsi["IKU_RASIO(11,11)"] == pytest.approx(iku_xl.realisasi_rasio(11, 11))
    assert fungsi["IKU_CAPAIAN(0,5)"].startswith("#IKU!")
    r = next(r for r, (j, _, p, *_) in enumerate(tabel, start=BARIS_AWAL) if p.startswith("IKU_REALISASI"))
    tw = [lembar.cell(r, k).value for k in range(8, 12)]
    assert fungsi[f'IKU_REALISASI(H{r}:K{r},"jumlah")'] == pytest.approx(sum(tw))
    r = next(r for r, (j, _, p, *_) in enumerate(tabel, start=BARIS_AWAL) if p.startswith("IKU_IKM"))
    jawaban = [lembar.cell(r, k).value for k in range(8, 17)]
    assert fungsi[f"IKU_IKM(H{r}:P{r})"] == pytest.approx(hitung_ikm([jawaban]).konversi) \
        == pytest.approx(29 / 9 * 25)
    assert fungsi["IKU_MUTU(76.61)"] == mutu(76.61) == "B"
    # every button that makes a sheet (Cetak PDF writes a file), each with the macro on Profil
    tombol = [p for j, _, p, *_ in tabel if j == "Tombol"]
    assert tombol == ["IkuHitungCapaian", "IkuValidasi", "IkuBuatLaporan", "IkuPerjanjianKinerja",
                      "IkuAnalisisCapaian"]
    # Laporan IKM not yet: the self-test's Legok copy has no survey respondents (issue 13 adds them)
    assert set(tombol) == {makro for _, makro, _ in TOMBOL} - {"IkuCetakPdf", "IkuLaporanIkm"}
    assert "menjalankan kelima tombol pembuat lembar (Hitung Capaian, Validasi, Buat Laporan, Perjanjian " \
           "Kinerja, Analisis Capaian)" in lembar["A2"].value
    assert "ketiga" not in lembar["A2"].value


def test_harapan_tombol_sama_dengan_iku_xl_hitung(tmp_path, lembar):
    """The Sel rows equal what `iku-xl hitung` (the openpyxl front end) writes for the Legok example."""
    from iku_xl.workbook.proses import hitung

    salinan = tmp_path / "legok.xlsx"
    shutil.copy(WORKBOOKS / "contoh_legok_2020.xlsx", salinan)
    hasil = openpyxl.load_workbook(hitung(salinan, waktu=WAKTU).keluaran)
    sel = [(p, d) for j, _, p, d, _, _ in _tabel(lembar) if j == "Sel"]
    assert len(sel) >= 9
    for perintah, diharapkan in sel:
        nama, alamat = perintah.rsplit("!", 1)
        assert hasil[nama][alamat].value == pytest.approx(diharapkan), perintah
    tombol = {p: d for j, _, p, d, _, _ in _tabel(lembar) if j == "Tombol"}
    assert tombol["IkuHitungCapaian"] in hasil.sheetnames


def test_harapan_tombol_pk_dan_analisis_sama_dengan_perintahnya(tmp_path, lembar):
    """The sheets the Perjanjian Kinerja and Analisis Capaian rows expect are the ones `iku-xl pk` and
    `iku-xl analisis` (the openpyxl front end) write for the Legok example."""
    from iku_xl.workbook.proses import buat_analisis, buat_pk

    salinan = tmp_path / "legok.xlsx"
    shutil.copy(WORKBOOKS / "contoh_legok_2020.xlsx", salinan)
    tombol = {p: d for j, _, p, d, _, _ in _tabel(lembar) if j == "Tombol"}
    pk = buat_pk(salinan, keluaran=tmp_path / "pk.xlsx", waktu=WAKTU)
    analisis = buat_analisis(salinan, keluaran=tmp_path / "analisis.xlsx", waktu=WAKTU)
    assert (tombol["IkuPerjanjianKinerja"], tombol["IkuAnalisisCapaian"]) == \
        ("Perjanjian Kinerja 2020", "Analisis Capaian 2020")
    assert pk.lembar[0] == tombol["IkuPerjanjianKinerja"]
    assert analisis.lembar[0] == tombol["IkuAnalisisCapaian"]
    assert tombol["IkuAnalisisCapaian"] in openpyxl.load_workbook(analisis.keluaran).sheetnames


def test_data_uji_mengubah_templat_menjadi_contoh_legok():
    """What the macro does with "Data Uji", done here with openpyxl: the result reads like the Legok example."""
    from iku_xl.workbook.baca import buka, lembaran

    wb = openpyxl.load_workbook(TEMPLAT, keep_vba=True)
    data = wb[LEMBAR_DATA_UJI]
    tujuan = openpyxl.load_workbook(WORKBOOKS / "templat_iku.xlsx")
    r = 1
    while data.cell(r, 1).value is not None:
        tujuan[data.cell(r, 1).value][data.cell(r, 2).value] = data.cell(r, 3).value
        r += 1
    assert r > 100
    isi = io.BytesIO()
    tujuan.save(isi)

    def nilai(isi_berkas: bytes) -> dict:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            p = Path(tmp) / "b.xlsx"
            p.write_bytes(isi_berkas)
            grid = lembaran(buka(p)).nilai
        hasil = {}
        for n in (PROFIL_NAMA, *(d.nama for d in LEMBAR_DATA)):
            baris = [list(b) for b in grid[n]]
            while baris and all(v is None for v in baris[-1]):  # the example's table has more empty rows
                baris.pop()
            hasil[n] = baris
        return hasil

    assert nilai(isi.getvalue()) == nilai((WORKBOOKS / "contoh_legok_2020.xlsx").read_bytes())


# ---------------------------------------------------------------- LibreOffice runs what needs no Python

_JALANKAN = textwrap.dedent("""
    import os, subprocess, sys, tempfile, time, uuid, shutil
    sys.path += ["/usr/lib/python3/dist-packages", "/usr/lib/libreoffice/program"]
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException

    def p(**kw):
        hasil = []
        for k, v in kw.items():
            x = PropertyValue(); x.Name, x.Value = k, v; hasil.append(x)
        return tuple(hasil)

    sumber, makro, tujuan = sys.argv[1:4]
    profil = tempfile.mkdtemp(prefix="iku_uno_")
    pipa = "iku_" + uuid.uuid4().hex
    proses = subprocess.Popen(["soffice", "-env:UserInstallation=file://" + profil, "--headless", "--invisible",
                               "--norestore", "--nolockcheck", "--nodefault",
                               "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipa],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        lokal = uno.getComponentContext()
        resolver = lokal.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", lokal)
        batas = time.time() + 60
        while True:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipa)
                break
            except NoConnectException:
                if time.time() > batas:
                    raise
                time.sleep(0.1)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(sumber), "_blank", 0,
                                           p(Hidden=True, MacroExecutionMode=4))
        uri = "vnd.sun.star.script:%s?language=Basic&location=document" % makro
        doc.getScriptProvider().getScript(uri).invoke((), (), ())
        doc.storeToURL(uno.systemPathToFileUrl(tujuan), p(FilterName="Calc MS Excel 2007 XML", Overwrite=True))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proses.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proses.kill()
        shutil.rmtree(profil, ignore_errors=True)
""")


def _uno_ada() -> bool:
    return shutil.which("soffice") is not None and Path("/usr/lib/python3/dist-packages/uno.py").exists()


@pytest.mark.libreoffice
@pytest.mark.skipif(not _uno_ada() and os.environ.get("IKU_XL_WAJIB_LO") != "1",
                    reason="LibreOffice dengan python3-uno tidak terpasang; set IKU_XL_WAJIB_LO=1 agar ini gagal")
def test_libreoffice_menjalankan_bagian_tanpa_python(tmp_path):
    """The template's sheet, with results filled in, and only the self-test module (LibreOffice
    cannot compile xlwings.bas or Dictionary.cls, and has no Python for RunPython)."""
    wb = openpyxl.load_workbook(TEMPLAT, keep_vba=True)
    ws = wb[LEMBAR]
    tabel = _tabel(ws)
    for r, (jenis, _, _, diharapkan, _, _) in enumerate(tabel, start=BARIS_AWAL):
        if jenis != "Kelas":
            ws.cell(r, 5, diharapkan)
    salah_angka = next(r for r, t in enumerate(tabel, start=BARIS_AWAL) if isinstance(t[3], float) and t[0] != "Kelas")
    salah_teks = next(r for r, t in enumerate(tabel, start=BARIS_AWAL) if isinstance(t[3], str))
    kosong = next(r for r, t in enumerate(tabel, start=BARIS_AWAL) if t[0] == "Sel")
    ws.cell(salah_angka, 5, ws.cell(salah_angka, 4).value + 0.01)
    ws.cell(salah_teks, 5, "lain")
    ws.cell(kosong, 5).value = None
    sumber = tmp_path / "uji.xlsm"
    wb.save(sumber)
    hanya_uji = [m for m in modul_makro(AKAR / "macros") if m.jenis == "dokumen" or m.nama == "IkuUjiMandiri"]
    with zipfile.ZipFile(sumber) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    isi["xl/vbaProject.bin"] = buat_vba_project(hanya_uji)
    with zipfile.ZipFile(sumber, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in isi.items():
            z.writestr(n, b)

    tujuan = tmp_path / "hasil.xlsx"
    subprocess.run(["/usr/bin/python3", "-c", _JALANKAN, str(sumber), "VBAProject.IkuUjiMandiri.IkuUjiLokal",
                    str(tujuan)], check=True, timeout=180, capture_output=True)
    hasil = openpyxl.load_workbook(tujuan)[LEMBAR]
    baris = _tabel(hasil)
    status = {r: t[5] for r, t in enumerate(baris, start=BARIS_AWAL)}
    gagal = {salah_angka, salah_teks, kosong}
    kelas = next(r for r, t in enumerate(baris, start=BARIS_AWAL) if t[0] == "Kelas")
    # no Dictionary class here: that check fails on its own and the table goes on
    assert str(baris[kelas - BARIS_AWAL][4]).lstrip("'").startswith("GALAT: ")
    assert {r for r, s in status.items() if s == "GAGAL"} == gagal | {kelas}
    assert {r for r, s in status.items() if s == "LULUS"} == set(status) - gagal - {kelas}
    assert str(hasil["B11"].value).lstrip("'") == f"{len(baris) - len(gagal) - 1} dari {len(baris)} LULUS"
    assert re.fullmatch(r"'?\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", str(hasil["B4"].value))
    assert hasil["B5"].value  # Application.Version (LibreOffice answers too)
    assert hasil["B7"].value in ("32-bit", "64-bit")
