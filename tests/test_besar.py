"""Large legitimate workbooks (issue 9): the work grows with the workbook, not with its square.

No timing is asserted: each test counts operations (passes over the target rows, cells made,
sheets read, range comparisons), which the quadratic code of before made grow with n.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from iku_xl.cli import main
from iku_xl.core.hitung import hitung_buku
from iku_xl.core.dokumen.bagian import kelompok_sasaran
from iku_xl.core.model import BukuIKU, Indikator, Profil, RealisasiIKU, TargetIKU
from iku_xl.core.tata_letak import LayoutLembar, Rentang
from iku_xl.core.validasi import validasi_buku
from iku_xl.workbook.baca import NilaiTersimpan, buka, lembaran, nilai_tersimpan
from iku_xl.workbook.rumus import periksa_rumus_buku
from iku_xl.workbook.tulis import terapkan

SKRIP = Path(__file__).resolve().parent.parent / "benchmarks" / "besar.py"


class Terhitung(tuple):
    """A tuple that counts how often it is walked through."""

    lewat = 0

    def __iter__(self):
        type(self).lewat += 1
        return super().__iter__()


def _buku(n: int, renstra: bool = True) -> tuple[BukuIKU, type[Terhitung], type[Terhitung]]:
    target_t = type("TargetTerhitung", (Terhitung,), {"lewat": 0})
    realisasi_t = type("RealisasiTerhitung", (Terhitung,), {"lewat": 0})
    indikator = tuple(Indikator(f"{i}.1", f"Sasaran {i}", f"Indikator {i}", "%") for i in range(n))
    target = target_t(TargetIKU(f"{i}.1", th, 80.0 + th % 3) for i in range(n) for th in (2023, 2024, 2025))
    realisasi = realisasi_t(RealisasiIKU(f"{i}.1", th, tahunan=82.0) for i in range(n) for th in (2023, 2024))
    profil = Profil(tahun=2024, tahun_awal_renstra=2023 if renstra else None,
                    tahun_akhir_renstra=2025 if renstra else None)
    buku = BukuIKU(profil, indikator, target, realisasi)
    target_t.lewat = realisasi_t.lewat = 0
    return buku, target_t, realisasi_t


@pytest.mark.parametrize("n", [50, 400])
def test_validasi_tidak_kuadratik(n):
    """The targets and realisasi are walked a fixed number of times, whatever the number of
    indicators (on main: twice per indicator each, 2k indicators took 3.4 s, 20k over 120 s)."""
    buku, target_t, realisasi_t = _buku(n)
    masalah = validasi_buku(buku)
    assert not [m for m in masalah if m.tingkat == "galat"]
    assert target_t.lewat <= 3
    assert realisasi_t.lewat <= 3


def test_target_renstra_tanpa_tahun_akhir_tidak_kuadratik():
    """Without Tahun Akhir Renstra the Renstra target is the last year's: looked up, not scanned."""
    buku, target_t, _ = _buku(300, renstra=False)
    baris, _ = hitung_buku(buku, 2024)
    assert {b.tahun_renstra for b in baris} == {2025}
    assert target_t.lewat <= 2


def test_hasil_validasi_sama_dengan_pindaian():
    """The look-up gives what a scan per indicator gave: same problems, same order."""
    buku, _, _ = _buku(3)
    kurang = BukuIKU(buku.profil, buku.indikator, tuple(t for t in buku.target if t.tahun != 2023)
                     + (TargetIKU("9.9", 2024, 1.0),), buku.realisasi)
    pesan = [(m.kode, m.pesan) for m in validasi_buku(kurang)]
    assert pesan[:3] == [(f"{i}.1", "ada realisasi 2023 tetapi targetnya belum diisi") for i in range(3)]
    assert ("0.1", "tidak ada target untuk tahun Renstra 2023") in pesan


def test_kelompok_sasaran_satu_kali_lewat():
    class Daftar(list):
        lewat = 0

        def __iter__(self):
            Daftar.lewat += 1
            return super().__iter__()

    buku, _, _ = _buku(200)
    baris = Daftar(hitung_buku(buku, 2024, pembanding=False)[0])
    kelompok = kelompok_sasaran(baris)
    assert len(kelompok) == 200 and kelompok[7] == ("Sasaran 7", [baris[7]])
    assert Daftar.lewat == 1


def test_gabung_laporan_tanpa_perbandingan_kuadratik(monkeypatch):
    """Adding a report's merged blocks does not compare each with all before it."""
    from openpyxl.worksheet.cell_range import CellRange

    banding = 0
    asli = CellRange.issubset

    def hitung(self, other):
        nonlocal banding
        banding += 1
        return asli(self, other)

    monkeypatch.setattr(CellRange, "issubset", hitung)
    monkeypatch.setattr(CellRange, "__le__", hitung)
    wb = openpyxl.Workbook()
    ws = terapkan(wb, LayoutLembar("Laporan", sel=(), gabung=tuple(Rentang(r, 2, r, 4) for r in range(1, 601))))
    assert len(ws.merged_cells.ranges) == 600
    assert banding < 600


def _buku_jarang(path: Path) -> Path:
    """A template-like workbook whose Target sheet has one far cell and a staff sheet with
    one formula far away: a large, nearly empty rectangle."""
    wb = xlsxwriter.Workbook(str(path))
    for nama, isi in (("Profil", [["Isian", "Nilai"], ["Tahun Laporan", 2024]]),
                      ("Indikator", [["Kode", "Sasaran Strategis", "Indikator Kinerja", "Satuan"],
                                     ["1.1", "S", "Persentase A", "%"]]),
                      ("Target", [["Kode", "Tahun", "Target"], ["1.1", 2024, 90]]),
                      ("Realisasi", [["Kode", "Tahun", "Realisasi Tahunan"], ["1.1", 2024, 92]])):
        ws = wb.add_worksheet(nama)
        for r, baris in enumerate(isi):
            ws.write_row(r, 0, baris)
    wb.get_worksheet_by_name("Target").write_string(3999, 30, "catatan staf")
    staf = wb.add_worksheet("Staf")
    staf.write_number(0, 0, 1)
    staf.write_formula(4999, 40, "=A1*2", None, 2)
    wb.close()
    return path


def test_lembar_jarang_tidak_diisi_sel_kosong(tmp_path):
    """Reading and the formula check visit the cells a sheet has, and make none of the empty
    places (iter_rows made a cell object for each: 4000 x 31 on Target, 5000 x 41 on Staf)."""
    buku = buka(_buku_jarang(tmp_path / "jarang.xlsx"))
    sebelum = {ws.title: len(ws._cells) for ws in buku.wb.worksheets}
    lb = lembaran(buku)
    assert lb.nilai["Target"][1][:3] == ["1.1", 2024, 90]
    assert lb.nilai["Target"][3999][30] == "catatan staf" and len(lb.nilai["Target"]) == 4000
    assert periksa_rumus_buku(buku.wb, nilai_tersimpan(buku.path)) == []
    assert {ws.title: len(ws._cells) for ws in buku.wb.worksheets} == sebelum


def _buku_rumus(path: Path, teks: str) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    polos = wb.add_worksheet("Polos")
    polos.write_row(0, 0, ["a", 1, 2])
    data = wb.add_worksheet("Data")
    data.write_number(0, 0, 1)
    data.write_formula(1, 1, f'=IF(A1=1,"{teks}","")', None, teks)
    data.write_formula(2, 1, "=A1*2", None, 2)
    wb.close()
    return path


def test_nilai_tersimpan_dibaca_hanya_bila_perlu(tmp_path):
    """Saved values are read only for a sheet with a formula whose saved value may be an error."""
    path = _buku_rumus(tmp_path / "rumus.xlsx", "ya")
    nt = nilai_tersimpan(path)
    assert isinstance(nt, NilaiTersimpan) and list(nt) == ["Polos", "Data"]
    assert periksa_rumus_buku(openpyxl.load_workbook(path), nt) == []
    assert nt._grid == {}  # neither sheet was read
    assert nt["Data"][2][1] == 2  # and can still be read on demand
    fd = Path("/proc/self/fd")
    if fd.is_dir():  # never left open: the workbook may be written over next (Windows refuses that)
        terbuka = []
        for f in fd.iterdir():
            try:
                terbuka.append(os.readlink(f))
            except OSError:
                pass
        assert str(path) not in terbuka


def test_teks_yang_terbaca_galat_tetap_dilaporkan(tmp_path):
    """A formula whose saved text result reads like an error (" #n/a") is reported as before."""
    path = _buku_rumus(tmp_path / "rumus.xlsx", "#n/a")
    nt = nilai_tersimpan(path)
    hasil = periksa_rumus_buku(openpyxl.load_workbook(path), nt)
    assert [(m.lembar, m.sel, m.pesan) for m in hasil] == [
        ("Data", "B2", "rumus '=IF(A1=1,\"#n/a\",\"\")' menghasilkan galat #N/A")]
    assert list(nt._grid) == ["Data"]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_besar", SKRIP)
    modul = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modul  # its dataclass looks its module up
    try:
        spec.loader.exec_module(modul)
        yield modul
    finally:
        del sys.modules[spec.name]


def test_benchmark_membuat_buku_yang_sah(bench, tmp_path, capsys):
    """The benchmark's generated workbook (indicators plus a staff sheet with formulas) is one
    iku-xl reads whole: validasi and laporan run and write their sheets."""
    path = tmp_path / "besar.xlsx"
    bench.tulis_buku(path, 60, 200)
    assert bench.kasus_dari("10k").indikator == 10_000
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb.sheetnames[-1] == "Data Pegawai"
    wb.close()
    assert main(["validasi", str(path), "-o", str(tmp_path / "v.xlsx")]) in (0, None)
    assert main(["laporan", str(path), "--tahun", "2024", "-o", str(tmp_path / "l.xlsx")]) in (0, None)
    hasil = openpyxl.load_workbook(tmp_path / "l.xlsx", read_only=True)
    assert "Laporan Capaian 2024" in hasil.sheetnames
    nama = {v for r in hasil["Laporan Capaian 2024"].iter_rows(values_only=True) for v in r}
    assert {i.nama for i in bench.buku_besar(60).indikator} <= nama  # every indicator is reported
    hasil.close()
    capsys.readouterr()
