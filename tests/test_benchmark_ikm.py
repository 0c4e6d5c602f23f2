"""benchmarks/ikm.py: its generated survey workbook is valid and every respondent is reported.

No timing is asserted: the benchmark measures, it does not judge.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import openpyxl

from iku_xl.workbook.proses import buat_ikm

SKRIP = Path(__file__).resolve().parent.parent / "benchmarks" / "ikm.py"


def test_buku_survei_buatan_terbaca_utuh(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_ikm", SKRIP)
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    buku = modul.buat_buku(tmp_path / "survei.xlsx", 60)
    hasil = buat_ikm(buku, None, (), tmp_path / "keluar.xlsx")
    assert hasil.keluaran is not None and not [m for m in hasil.masalah if m.tingkat == "galat"]
    ws = openpyxl.load_workbook(hasil.keluaran)["Laporan IKM 2020"]
    assert ws["A3"].value == "Periode survei: 2020 Semester I, 2020 Semester II. Jumlah responden: 60."
    jawaban = [ws.cell(r, 4).value for r in range(6, 15)]
    assert all(0 < n <= 60 for n in jawaban) and sum(jawaban) < 60 * 9  # a few unsur left empty, counted out
    assert "Saran dan masukan responden (3)" in [c.value for c in ws["A"]]
