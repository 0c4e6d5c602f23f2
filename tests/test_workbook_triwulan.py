"""The Capaian Triwulan N sheet (issue 12 point 2) on the Legok example with quarterly data added
here (the committed examples have no quarterly targets): golden file, CLI, button, LibreOffice."""

from __future__ import annotations

import hashlib

import openpyxl
import pytest

from iku_xl.core.tata_letak import LayoutLembar
from iku_xl.core.tugas import rencana_triwulan
from iku_xl.workbook.baca import buka, lembaran
from iku_xl.workbook.proses import buat_laporan_triwulan
from tests.conftest import WAKTU, jam_tombol
from tests.ringkas import ringkas_lembar
from tests.conftest import jalankan_cli as _jalankan

LEMBAR = "Capaian Triwulan 2 2020"
#: Target sheet rows of the Legok example (header on row 3): kode -> row
BARIS = {"1.1": 4, "1.2": 5, "2.1": 6, "2.2": 7, "2.3": 8, "3.1": 9, "3.2": 10, "4.1": 11, "5.1": 12, "6.1": 13}


def _isi_triwulan(wb: openpyxl.Workbook) -> None:
    """Quarterly targets, realisasi and Rencana Aksi as staff would type them."""
    target, real = wb["Target"], wb["Realisasi"]
    tw_target = {"1.1": (30, 40, 50, 60), "1.2": (2.5, 5, 7.5, 10), "2.3": (85, 85, 90, 90),
                 "3.2": (1, 1, 1, 1), "5.1": (None, None, 1, None), "6.1": (None, "B", None, "B")}
    for kode, nilai in tw_target.items():
        for i, v in enumerate(nilai):
            target.cell(BARIS[kode], 4 + i, v)
    target.cell(BARIS["1.1"], 9, "Perbaikan 5 ruas jalan lingkungan")  # Rencana Aksi TW II
    target.cell(BARIS["3.2"], 9, "Patroli gabungan dan mediasi")
    target.cell(BARIS["1.1"], 8, "bukan triwulan ini")  # Rencana Aksi TW I: not on the TW II sheet
    real.cell(BARIS["1.1"], 3, 35)
    real.cell(BARIS["1.1"], 4, 39)
    real.cell(BARIS["2.3"], 3, 80)
    real.cell(BARIS["2.3"], 4, 90)
    wb["Indikator"].cell(BARIS["2.3"], 6, "rata-rata")


@pytest.fixture
def buku_tw(salin):
    path = salin("contoh_legok_2020.xlsx")
    wb = openpyxl.load_workbook(path)
    _isi_triwulan(wb)
    wb.save(path)
    return path


def _baris(ws):
    """Data rows of the sheet: indicator name -> the row's values from column E (Target TW) on."""
    return {r[2]: r[4:] for r in ws.iter_rows(min_row=6, values_only=True) if r[2] and r[4] != "(5)"}


def test_lembar_triwulan_golden_dan_isi(buku_tw, tmp_path, golden):
    hasil = buat_laporan_triwulan(buku_tw, 2, None, tmp_path / "tw.xlsx", waktu=WAKTU)
    wb = openpyxl.load_workbook(hasil.keluaran)
    assert LEMBAR in wb.sheetnames and "Laporan Capaian 2020" not in wb.sheetnames
    ws = wb[LEMBAR]
    golden("triwulan_contoh_legok_2020_tw2", ringkas_lembar(ws))
    assert [c.value for c in ws[4]][:12] == [
        "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target TW II", "Realisasi s.d. TW II",
        "Capaian TW II (%)", "Target Tahunan", "Progres thd Target Tahunan (%)", "Predikat",
        "Rencana Aksi TW II", "Keterangan"]
    baris = _baris(ws)
    jalan = baris["Prosentase Jumlah infrastruktur dasar dalam kondisi baik"]
    assert jalan[:2] == (40, 39)  # nilai terakhir: TW II's target, the last quarter filled in
    assert jalan[2] == "=F6/E6*100" and jalan[3] == 60 and jalan[4] == "=F6/H6*100"
    assert jalan[6] == "Perbaikan 5 ruas jalan lingkungan"
    konflik = baris["Jumlah konflik Ekonomi sosial dan politik"]
    assert konflik[:2] == (2, 1) and konflik[2].startswith("=(2*E") and konflik[6] == "Patroli gabungan dan mediasi"
    ikm = baris["Indeks Kepuasan Masyarakat"]
    assert ikm[:2] == (85, 85)  # rata-rata: mean of the targets and of the realisasi so far
    inovasi = baris["inovasi yang diimplementasikan"]
    assert inovasi[:3] == (None, 1, None)  # the missing target is said, never 0
    assert inovasi[7] == "Target triwulan belum diisi (TW I, II)"
    assert [m.pesan for m in hasil.masalah if m.kode == "5.1"] == ["target triwulan belum diisi (TW I, II)"]
    assert ws.print_title_rows == "$4:$5" and ws.page_setup.orientation == "landscape"


def test_berkas_lama_tanpa_kolom_rencana_aksi(salin, tmp_path):
    """A workbook made before the Rencana Aksi columns (Target A:G only) still gives the sheet."""
    path = salin("contoh_legok_2020.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Target"].delete_cols(8, 4)
    _isi_triwulan(wb)
    for c in range(8, 12):
        wb["Target"].cell(BARIS["1.1"], c).value = None
        wb["Target"].cell(BARIS["3.2"], c).value = None
    wb.save(path)
    hasil = buat_laporan_triwulan(path, 2, None, tmp_path / "lama.xlsx", waktu=WAKTU)
    assert hasil.keluaran is not None, hasil.masalah
    ws = openpyxl.load_workbook(hasil.keluaran)[LEMBAR]
    assert all(v[6] is None for v in _baris(ws).values())


def test_cli_triwulan(buku_tw, capsys):
    sebelum = hashlib.sha256(buku_tw.read_bytes()).hexdigest()
    kode, out, err = _jalankan(capsys, "laporan", str(buku_tw), "--triwulan", "2")
    assert kode == 0, out + err
    tujuan = buku_tw.with_name("contoh_legok_2020_triwulan-2-2020.xlsx")
    assert out.splitlines()[-1] == f"Lembar Capaian Triwulan 2 disimpan di: {tujuan}"
    assert ("PERINGATAN Lembar 'Target' baris 12 (indikator 5.1): target triwulan belum diisi (TW I, II). "
            "Isi Target Triwulan di lembar Target untuk tahun 2020.") in out.splitlines()
    assert LEMBAR in openpyxl.load_workbook(tujuan).sheetnames
    assert hashlib.sha256(buku_tw.read_bytes()).hexdigest() == sebelum


@pytest.mark.parametrize("nilai", ["5", "0", "dua", "V"])
def test_cli_triwulan_salah_ditolak_argparse(buku_tw, capsys, nilai):
    kode, out, err = _jalankan(capsys, "laporan", str(buku_tw), "--triwulan", nilai)
    assert kode == 2
    assert f"iku-xl laporan: galat: --triwulan: triwulan '{nilai}' tidak valid: isi 1, 2, 3 atau 4" in err


def test_cli_triwulan_ditolak_seperti_laporan(buku_tw, capsys):
    """Blocked exactly when the annual report is: a year without targets."""
    kode, out, err = _jalankan(capsys, "laporan", str(buku_tw), "--triwulan", "1", "--tahun", "2019")
    assert kode == 2
    assert "GALAT      Lembar 'Target': tidak ada target untuk tahun 2019." in out
    assert err.strip() == "Lembar Capaian Triwulan 1 TIDAK dibuat: perbaiki galat di atas lalu jalankan lagi."
    kode_tahunan, out_tahunan, _ = _jalankan(capsys, "laporan", str(buku_tw), "--tahun", "2019")
    assert kode_tahunan == 2 and out_tahunan == out


def test_triwulan_laporan_di_profil_dibaca(buku_tw):
    wb = openpyxl.load_workbook(buku_tw)
    ws = wb["Profil"]
    [baris] = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Triwulan Laporan"]
    ws.cell(baris, 2, "TW III")
    wb.save(buku_tw)
    from iku_xl.core.baca import baca_buku

    assert baca_buku(lembaran(buka(buku_tw)))[0].profil.triwulan == 3


def test_tombol_buat_laporan_memakai_triwulan_laporan(buku_tw, tmp_path, monkeypatch):
    pytest.importorskip("xlwings")
    from iku_xl.xl import tombol
    from tests.buku_jarak_jauh import buku_jarak_jauh, kisi_ditulis
    from tests.test_tombol import _sel_berkas, _teks_seperti_excel

    jam_tombol(monkeypatch)
    wb = openpyxl.load_workbook(buku_tw)
    ws = wb["Profil"]
    [baris] = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Triwulan Laporan"]
    ws.cell(baris, 2, 2)
    wb.save(buku_tw)
    book = buku_jarak_jauh(buku_tw)
    pesan = tombol.tombol_laporan(book)
    assert pesan.startswith(f"Selesai: '{LEMBAR}'.")
    berkas = openpyxl.load_workbook(buat_laporan_triwulan(buku_tw, 2, None, tmp_path / "cli.xlsx",
                                                          waktu=WAKTU).keluaran)
    ditulis = {a: _teks_seperti_excel(v) for a, v in kisi_ditulis(book.json()["actions"], LEMBAR).items()}
    assert {a: v for a, v in ditulis.items() if v is not None} == _sel_berkas(berkas[LEMBAR])


@pytest.mark.libreoffice
def test_rumus_dihitung_libreoffice_sama_dengan_inti(buku_tw, tmp_path):
    from tests.lo import beda_rumus, konversi, soffice_ada

    if not soffice_ada():
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    rencana = rencana_triwulan(lembaran(buka(buku_tw)), None, 2, WAKTU.date())
    [layout] = [x for x in rencana.lembar if isinstance(x, LayoutLembar)]
    keluaran = buat_laporan_triwulan(buku_tw, 2, None, tmp_path / "tw.xlsx", waktu=WAKTU).keluaran
    [dihitung] = konversi([keluaran], tmp_path / "lo", ".xlsx")
    ws = openpyxl.load_workbook(dihitung, data_only=True)[LEMBAR]
    assert len([s for s in layout.sel if s.rumus]) > 15
    beda = beda_rumus(layout, ws)
    assert not beda, "\n".join(beda)
