"""The recap workbook holds exactly what the units gave, with the per-unit summaries kept in
shared form until the end (issue 14: memory per file): every Rekap row and every summary and
ranking row read back equal to the units' own results."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl
import pytest

from iku_xl.core.rekap import label_predikat, peringkat
from iku_xl.workbook.rekap import hasil_berurutan, kumpulkan, proses_berkas, tulis_rekap

SKRIP = Path(__file__).resolve().parent.parent / "benchmarks" / "rekap.py"


@pytest.fixture(scope="module")
def unit(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("bench_rekap_ringkasan", SKRIP)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    folder = tmp_path_factory.mktemp("unit")
    bench.siapkan(folder, 8, proses=1, n_benih=3)  # 3 built with openpyxl, 5 derived from them
    return folder


def _bulat(v):
    """Compared to 12 significant digits: XlsxWriter writes a float with 16 (%.16g), not its repr."""
    return float(f"{v:.12g}") if isinstance(v, float) else v


def _baris(baris) -> list[tuple]:
    return [tuple(map(_bulat, b)) for b in baris]


def _nilai(ws, dari: int) -> list[tuple]:
    return _baris(r for r in ws.iter_rows(min_row=dari, values_only=True) if any(v is not None for v in r))


def test_buku_rekap_sama_dengan_hasil_unit(unit, tmp_path):
    berkas = kumpulkan([unit])
    hasil = [proses_berkas((str(p), 2024)) for p in berkas]
    assert len(hasil) == 8 and not any(h.galat for h in hasil)
    tujuan = tmp_path / "rekap.xlsx"
    assert tulis_rekap(iter(hasil), tujuan, 2024) == (8, 0)
    wb = openpyxl.load_workbook(tujuan, read_only=True)
    assert _nilai(wb["Rekap"], 4) == _baris(b for h in hasil for b in h.baris)
    ringkasan = [h.ringkasan for h in hasil]
    label = label_predikat(ringkasan)
    assert _nilai(wb["Ringkasan Unit"], 4) == _baris([
        (u.unit, u.jumlah_indikator, u.rata_rata, *(dict(u.per_predikat).get(lb, 0) for lb in label),
         u.tanpa_realisasi, u.berkas) for u in ringkasan])
    assert [r[:4] for r in _nilai(wb["Peringkat"], 4)] == _baris(
        (i, u.unit, u.rata_rata, u.jumlah_indikator) for i, u in enumerate(peringkat(ringkasan), start=1))
    assert len({u.unit for u in ringkasan}) == 8  # the derived units are units of their own


def test_paralel_sama_dengan_satu_proses(unit, tmp_path):
    """The same workbook, cell for cell, whether the units are read in this process or in two workers."""
    isi = []
    for proses in (1, 2):
        tujuan = tmp_path / f"rekap_{proses}.xlsx"
        with hasil_berurutan(kumpulkan([unit]), 2024, proses) as hasil:
            tulis_rekap(hasil, tujuan, 2024)
        wb = openpyxl.load_workbook(tujuan, read_only=True)
        isi.append({n: _nilai(wb[n], 1) for n in wb.sheetnames})
    assert isi[0] == isi[1]
