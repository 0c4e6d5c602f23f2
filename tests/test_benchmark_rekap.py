"""benchmarks/rekap.py: its synthetic unit workbooks are valid and recap whole; the script runs.

No timing is asserted anywhere: the benchmark measures, it does not judge.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from iku_xl.workbook.proses import validasi
from iku_xl.workbook.rekap import rekap

SKRIP = Path(__file__).resolve().parent.parent / "benchmarks" / "rekap.py"
N = 6


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_rekap", SKRIP)
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


@pytest.fixture(scope="module")
def unit(bench, tmp_path_factory):
    folder = tmp_path_factory.mktemp("unit")
    manifest, dipakai_ulang = bench.siapkan(folder, N, proses=1)
    assert not dipakai_ulang
    return folder, manifest


def test_buku_berbeda_dan_deterministik(bench, unit):
    folder, _ = unit
    berkas = sorted(p.name for p in folder.glob("*.xlsx"))
    assert berkas == [bench.nama_berkas(i) for i in range(1, N + 1)]
    assert len({p.read_bytes() for p in folder.glob("*.xlsx")}) == N
    buku = [bench.buat_buku(i)[0] for i in (1, 2)]
    assert buku[0] == bench.buat_buku(1)[0]  # random.Random(i): the same unit every time
    assert buku[0].profil.instansi == "KECAMATAN SINTETIS 0001" != buku[1].profil.instansi
    for b in (bench.buat_buku(i)[0] for i in range(1, N + 1)):
        assert 4 <= len({x.sasaran for x in b.indikator}) <= 6
        assert 8 <= len(b.indikator) <= 15
        assert {t.tahun for t in b.target} == set(range(b.profil.tahun_awal_renstra,
                                                         b.profil.tahun_akhir_renstra + 1))
        assert len({t.tahun for t in b.target}) == 5
        assert {r.tahun for r in b.realisasi} == {2023, 2024}


def test_campuran_yang_realistis(bench):
    """Across a few units: both polarities, range and grade targets, the three ways of giving realisasi."""
    from iku_xl.core.model import NilaiHuruf, Rentang

    buku = [bench.buat_buku(i)[0] for i in range(1, 21)]
    indikator = [x for b in buku for x in b.indikator]
    target = [t.nilai for b in buku for t in b.target]
    realisasi = [r for b in buku for r in b.realisasi]
    assert {x.polaritas for x in indikator} == {"positif", "negatif"}
    assert any(isinstance(t, Rentang) for t in target)
    assert any(isinstance(t, NilaiHuruf) and t.huruf == "B" for t in target)
    assert any(any(v is not None for v in r.tw) for r in realisasi)
    assert any(r.tahunan is not None for r in realisasi)
    assert any(r.pembilang is not None and r.penyebut is not None for r in realisasi)
    assert any(bench.buat_buku(i)[1][0] for i in range(1, 21))  # some staff use percent-formatted cells


def test_valid_tanpa_galat(unit, tmp_path):
    folder, manifest = unit
    for u in manifest["unit"]:
        hasil = validasi(folder / u["berkas"], tmp_path / f"validasi_{u['berkas']}")
        galat = [str(m) for m in hasil.masalah if m.tingkat == "galat"]
        assert galat == [], u["berkas"]


def test_rekap_semua_unit(unit, tmp_path):
    folder, _ = unit
    assert rekap([folder], 2024, tmp_path / "rekap.xlsx", proses=1) == (N, N, 0)


def test_folder_dipakai_ulang(bench, unit):
    folder, manifest = unit
    assert bench.siapkan(folder, N) == (manifest, True)
    assert bench.baca_manifest(folder, N + 1) is None  # another N: generated afresh


def test_bantuan_jalan():
    keluar = subprocess.run([sys.executable, str(SKRIP), "--help"], capture_output=True, text=True, timeout=60,
                            check=False)
    assert keluar.returncode == 0, keluar.stderr
    assert "--n" in keluar.stdout and "--ulang" in keluar.stdout and "--cek-memori" in keluar.stdout


def test_satu_putaran_penuh(bench, unit, capsys):
    """The whole report once on the 6 units (each part a small subprocess): every figure printed."""
    folder, _ = unit
    bench.main(["--n", str(N), "--folder", str(folder), "--ulang", "1", "--cek-memori"])
    keluar = capsys.readouterr().out
    assert f"{N} berkas, {N} unit direkap, 0 bermasalah" in keluar
    for label in ("(a) rekap", "(b) baseline", "(c) lantai jujur: baca + tulis", "bagian baca (calamine)",
                  "bagian tulis (XlsxWriter)", "rasio baseline/rekap", "rasio rekap/lantai jujur",
                  "lantai lama: baca saja, 1 proses", "rekap tanpa menulis", "puncak memori",
                  "memori tidak tumbuh dengan N:", "inti", "CPU dipakai proses lain selama pengukuran"):
        assert label in keluar


def test_rekap_kecil_membaca_folder_sendiri(bench, unit, tmp_path, monkeypatch):
    """--cek-memori: the recap of the first N/5 files reads a folder of its own (hard links), as the
    recap of all N reads its folder, so that no list of paths made by the benchmark counts in one peak
    and not the other; the links go with the run."""
    import argparse

    folder, _ = unit
    args = argparse.Namespace(folder=folder, n=N, sampel=0, proses=1)
    sementara = tmp_path / "sementara"
    sementara.mkdir()
    monkeypatch.setattr(bench.tempfile, "tempdir", str(sementara))  # where _ukur makes the folder of links
    kecil, semua = bench._ukur(args, "rekap", 2), bench._ukur(args, "rekap")
    assert (kecil["berkas"], semua["berkas"]) == (2, N)
    assert kecil["hasil"] == [2, 2, 0] and semua["hasil"] == [N, N, 0]
    assert kecil["rss"] > 0 and semua["rss"] > 0
    assert not list(sementara.iterdir())


def test_folder_orang_lain_tidak_disentuh(bench, tmp_path):
    (tmp_path / "iku_unit_asli.xlsx").write_bytes(b"bukan buatan benchmark")
    with pytest.raises(SystemExit):
        bench.siapkan(tmp_path, 2, proses=1)
    assert [p.name for p in tmp_path.iterdir()] == ["iku_unit_asli.xlsx"]


# --- units derived at the XML level (the fast generator) --------------------------------------

N_TURUNAN, N_BENIH = 7, 3


@pytest.fixture(scope="module")
def turunan(bench, tmp_path_factory):
    folder = tmp_path_factory.mktemp("turunan")
    manifest, _ = bench.siapkan(folder, N_TURUNAN, proses=1, n_benih=N_BENIH)
    return folder, manifest


def _lembar(path, nama):
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(nama).to_python()


def test_turunan_sah_dan_berbeda(bench, turunan, tmp_path):
    """Derived units open with openpyxl and calamine, pass validasi without galat, carry their own
    number in every name, differ from their seed in realisasi only, and recap whole."""
    import openpyxl

    folder, manifest = turunan
    assert [(u["i"], u.get("benih")) for u in manifest["unit"]] == [(1, None), (2, None), (3, None), (4, 1), (5, 2),
                                                                   (6, 3), (7, 1)]
    assert len({p.read_bytes() for p in folder.glob("*.xlsx")}) == N_TURUNAN
    assert bench.buat_buku(3)[1][0]  # unit 3 (seed of 6) types its percentages into percent-formatted cells
    for i, j in ((4, 1), (7, 1), (5, 2), (6, 3)):
        path, asal = folder / bench.nama_berkas(i), folder / bench.nama_berkas(j)
        wb = openpyxl.load_workbook(path)
        assert wb["Profil"]["B4"].value == f"KECAMATAN SINTETIS {i:04d}"
        teks = " ".join(str(v) for ws in wb for r in ws.iter_rows(values_only=True) for v in r if v)
        assert f"SINTETIS {j:04d}" not in teks.upper() and f"SINTETIS {i:04d}" in teks.upper()
        for nama in ("Indikator", "Target"):
            assert _lembar(path, nama) == [[str(v).replace(f"{j:04d}", f"{i:04d}") if isinstance(v, str) else v
                                            for v in r] for r in _lembar(asal, nama)]
        baru, lama = _lembar(path, "Realisasi")[3:], _lembar(asal, "Realisasi")[3:]
        assert len(baru) == len(lama) and baru != lama
        for b, a in zip(baru, lama):
            assert b[:2] == a[:2]  # kode and tahun
            for vb, va in zip(b[2:7], a[2:7]):  # quarters and annual value
                if va == "" or va == int(va):
                    assert vb == va  # empty cells and whole counts stay
                else:
                    assert 0.9 * va <= vb <= 1.1 * va and (vb <= 1 if va <= 1 else vb <= 100 if va <= 100 else True)
            if b[8] != "":
                assert 0 <= b[7] <= b[8] == a[8] and abs(b[7] - a[7]) <= 2  # pembilang within 0..penyebut
        hasil = validasi(path, tmp_path / f"validasi_{path.name}")
        assert [str(m) for m in hasil.masalah if m.tingkat == "galat"] == []
    assert rekap([folder], 2024, tmp_path / "rekap.xlsx", proses=1) == (N_TURUNAN, N_TURUNAN, 0)


def test_turunan_deterministik(bench, turunan, monkeypatch):
    import time

    folder, _ = turunan
    asal = (folder / bench.nama_berkas(1)).read_bytes()
    pertama = bench.turunkan(asal, 4)
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)  # another second: no "now" stamped in the zip
    assert pertama == bench.turunkan(asal, 4) != bench.turunkan(asal, 7)


# --- the honest floor --------------------------------------------------------------------------

def test_lantai_menulis_baris_sebanyak_rekap(bench, turunan, tmp_path):
    """The floor writes as many Rekap rows as the recap (one per indicator), one summary row per unit."""
    import openpyxl

    folder, manifest = turunan
    berkas = bench.daftar_berkas(folder)
    baris, unit = bench.tulis_lantai(map(bench.lantai_baca, map(str, berkas)), tmp_path / "lantai.xlsx")
    rekap([folder], 2024, tmp_path / "rekap.xlsx", proses=1)
    ws = openpyxl.load_workbook(tmp_path / "rekap.xlsx", read_only=True)["Rekap"]
    n_rekap = sum(1 for r in ws.iter_rows(min_row=4, values_only=True) if any(v is not None for v in r))
    assert unit == N_TURUNAN
    assert baris == n_rekap == sum(u["indikator"] for u in manifest["unit"])
    lantai = openpyxl.load_workbook(tmp_path / "lantai.xlsx", read_only=True)
    assert lantai.sheetnames == ["Rekap", "Ringkasan Unit", "Peringkat"]
    assert sum(1 for _ in lantai["Rekap"].iter_rows(min_row=4)) == baris
    info = bench.bagian_lantai_jujur(berkas, 1, tmp_path / "lantai2.xlsx")
    assert info["baris"] == baris and info["detik"] > 0 and info["detik_tulis"] > 0


# --- the machine's load (benchmarks/mesin.py) ---------------------------------------------------

def test_mesin_peringatan():
    spec = importlib.util.spec_from_file_location("mesin", SKRIP.with_name("mesin.py"))
    mesin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mesin)
    assert mesin.cpu_lain(100.0, 10.0, 0.0, 104.0, 12.0, 2.0, inti=2) == 0.5
    assert mesin.cpu_lain(100.0, 10.0, 0.0, 100.5, 10.5, 1.0, inti=2) == 0.0
    assert mesin.baris_cpu_lain(0.05, 2) == "CPU dipakai proses lain selama pengukuran: 5% dari 2 inti"
    assert mesin.baris_cpu_lain(0.5, 2) == ("CPU dipakai proses lain selama pengukuran: 50% dari 2 inti  (PERHATIAN: "
                                             "mesin tidak diam, angka di atas terganggu; ulangi saat mesin diam)")
    assert mesin.baris_cpu_lain(None) is None


def test_nama_lama_tetap_ada(bench):
    """benchmarks/ikm.py and others imported these from rekap.py: they stay."""
    assert callable(bench._cpu_sibuk) and callable(bench._cpu_anak) and callable(bench.cetak_cpu_lain)
    assert callable(bench._puncak_sendiri)
