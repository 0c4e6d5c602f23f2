"""benchmarks/laporan_skala.py: its generated workbook of N indicators is the template with N
indicators, and the report of it lists every one. No timing is asserted."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import openpyxl

from iku_xl.workbook.proses import buat_laporan

SKRIP = Path(__file__).resolve().parent.parent / "benchmarks" / "laporan_skala.py"


def test_buku_skala_dilaporkan_utuh(tmp_path):
    sebelum, path_sebelum = set(sys.modules), list(sys.path)
    try:
        spec = importlib.util.spec_from_file_location("bench_laporan_skala", SKRIP)
        modul = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(modul)
        buku = modul.siapkan(tmp_path, 23)
        nama = [x.nama for x in modul.buku_skala(23).indikator]
    finally:  # the sibling scripts it loaded and the folder it put on sys.path: not to shadow anything later
        for m in ("rekap", "besar"):
            if m not in sebelum:
                sys.modules.pop(m, None)
        sys.path[:] = path_sebelum
    assert len(nama) == 23 and buku.name == f"v{modul.VERSI_GENERATOR}_skala_23.xlsx"
    hasil = buat_laporan(buku, modul.TAHUN, tmp_path / "keluar.xlsx")
    assert hasil.keluaran is not None and not [m for m in hasil.masalah if m.tingkat == "galat"]
    ws = openpyxl.load_workbook(hasil.keluaran)[f"Laporan Capaian {modul.TAHUN}"]
    isi = {c.value for baris in ws.iter_rows() for c in baris}
    assert [n for n in nama if n not in isi] == []
