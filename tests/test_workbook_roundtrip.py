"""Nothing the user wrote is lost: every sheet, formula, validation, name and style survives."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from iku_xl.core.skema import lembar_buatan_iku
from iku_xl.workbook.proses import buat_laporan, validasi
from tests.conftest import WAKTU
from tests.ringkas import ringkas_lembar


def _keadaan(path):
    """Everything of a workbook a user could have made, sheet by sheet (generated sheets excluded)."""
    wb = openpyxl.load_workbook(path, keep_vba=path.suffix == ".xlsm")
    milik_pengguna = [ws for ws in wb.worksheets if not lembar_buatan_iku(ws.title)]
    lembar = {ws.title: ringkas_lembar(ws) for ws in milik_pengguna}
    komentar = {ws.title: {c.coordinate: c.comment.text for r in ws.iter_rows() for c in r if c.comment}
                for ws in milik_pengguna}
    tautan = {ws.title: {c.coordinate: c.hyperlink.target for r in ws.iter_rows() for c in r if c.hyperlink}
              for ws in milik_pengguna}
    nama = {n: d.attr_text for n, d in wb.defined_names.items()}
    return {"urutan": [n for n in wb.sheetnames if n in lembar], "lembar": lembar, "komentar": komentar,
            "tautan": tautan, "nama": nama}


@pytest.mark.parametrize("tugas", ["laporan", "validasi"])
def test_buku_pengguna_utuh(salin, tmp_path, tugas):
    path = salin("buku_pengguna.xlsx")
    asli = path.read_bytes()
    sebelum = _keadaan(path)
    keluar = tmp_path / "keluar.xlsx"
    if tugas == "laporan":
        hasil = buat_laporan(path, 2025, keluar, waktu=WAKTU)
    else:
        hasil = validasi(path, keluar, waktu=WAKTU)
    assert hasil.keluaran == keluar
    assert path.read_bytes() == asli
    sesudah = _keadaan(keluar)
    assert sesudah == sebelum
    # spot checks on what the fixture is about, so the comparison above cannot pass vacuously
    assert sebelum["nama"] == {"TahunLaporan": "Profil!$B$6"}
    assert sebelum["lembar"]["Catatan Staf"]["sel"]["B2"]["nilai"] == "=AVERAGE(Realisasi!C4:F4)"
    assert sebelum["lembar"]["Catatan Staf"]["sel"]["A9"]["jenis"] == "s"
    assert sebelum["lembar"]["Catatan Staf"]["validasi"] == [
        "B6: list \"Belum diverifikasi,Sudah diverifikasi\""]
    assert sebelum["lembar"]["Indikator"]["tabel"] == ["tblIndikator A3:K36"]
    assert sebelum["komentar"]["Indikator"]["C4"] == "Cek ulang nama indikator dengan Bagian Organisasi"
    assert sebelum["tautan"]["Catatan Staf"] == {"B5": "https://example.org/iku-bantargebah.pdf"}


def test_realisasi_berupa_rumus_dibaca_dari_hasil_tersimpan(salin, tmp_path):
    """G4 holds =AVERAGE(C4:F4); the cached result written by LibreOffice is used."""
    hasil = buat_laporan(salin("buku_pengguna.xlsx"), 2024, tmp_path / "k.xlsx", waktu=WAKTU)
    baris = {b.indikator.kode: b for b in hasil.baris}
    assert baris["1.1"].realisasi == pytest.approx(83.525)
    assert not [m for m in hasil.masalah if m.tingkat != "info"]


def test_rumus_tanpa_hasil_tersimpan(salin, tmp_path):
    """A formula written by a script has no saved result: say so instead of 'not a number'."""
    path = salin("contoh_bantargebah_2024-2026.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Target"]["C4"] = "=80+3"
    wb.save(path)
    hasil = buat_laporan(path, 2024, tmp_path / "k.xlsx", waktu=WAKTU)
    assert hasil.keluaran is None
    assert [str(m) for m in hasil.masalah if m.tingkat == "galat"] == [
        "Lembar 'Target' sel C4 (indikator 1.1): berisi rumus '=80+3' yang hasilnya belum tersimpan. Buka "
        "berkas di Excel atau LibreOffice, lalu simpan, agar hasil rumus ikut tersimpan; atau isi angkanya "
        "langsung."]


def _dengan_vba(xlsx, xlsm, isi_vba: bytes):
    """An .xlsm made from an .xlsx plus a vbaProject.bin part (contents opaque to iku-xl)."""
    with zipfile.ZipFile(xlsx) as zin, zipfile.ZipFile(xlsm, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml").replace(
                    b"</Types>", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                                 b"</Types>")
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdVBA" Type="http://schemas.'
                                    b'microsoft.com/office/2006/relationships/vbaProject" '
                                    b'Target="vbaProject.bin"/></Relationships>')
            zout.writestr(item, data)
        zout.writestr("xl/vbaProject.bin", isi_vba)


def test_xlsm_makro_tetap_ada(salin, tmp_path):
    xlsm = tmp_path / "IKU.xlsm"
    isi_vba = b"\xd0\xcf\x11\xe0 stand-in for a compiled VBA project " * 50
    _dengan_vba(salin("contoh_bantargebah_2024-2026.xlsx"), xlsm, isi_vba)
    hasil = buat_laporan(xlsm, 2025, waktu=WAKTU)
    assert hasil.keluaran.name == "IKU_laporan-2025.xlsm"
    with zipfile.ZipFile(hasil.keluaran) as z:
        assert z.read("xl/vbaProject.bin") == isi_vba
        assert b"macroEnabled" in z.read("[Content_Types].xml")
    assert "Laporan Capaian 2025" in openpyxl.load_workbook(io.BytesIO(hasil.keluaran.read_bytes()),
                                                              keep_vba=True).sheetnames
