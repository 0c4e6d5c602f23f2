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
    for label in ("(a) rekap", "(b) baseline", "(c) lantai calamine, 1 proses", "rasio baseline/rekap",
                  "rasio rekap/lantai", "rekap tanpa menulis", "puncak memori", "memori tidak tumbuh dengan N:", "inti"):
        assert label in keluar


def test_folder_orang_lain_tidak_disentuh(bench, tmp_path):
    (tmp_path / "iku_unit_asli.xlsx").write_bytes(b"bukan buatan benchmark")
    with pytest.raises(SystemExit):
        bench.siapkan(tmp_path, 2, proses=1)
    assert [p.name for p in tmp_path.iterdir()] == ["iku_unit_asli.xlsx"]
