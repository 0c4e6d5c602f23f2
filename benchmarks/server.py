"""100,000 cells of IKU_CAPAIAN through xlwings Server, against calling the function directly
(issue 11, point 7).

    python benchmarks/server.py [--sel 100000] [--ulang 3] [--tanpa-solusi]

Needs the ``server`` extra (xlwings-server, PolyForm Noncommercial; the script sets
``XLWINGS_LICENSE_KEY=noncommercial`` when it is unset). One process: xlwings-server's app
with iku-xl's project folder, driven by FastAPI's TestClient (no network), posting what the
Office.js add-in posts for ``=IKU.IKU_CAPAIAN(E1:E100000; F1:F100000)``: two 100,000 x 1
matrices of plain numbers. Timed: the whole ``POST /xlwings/custom-functions-call``
(JSON in, xlwings' argument conversion, the function, xlwings' result conversion, JSON
out). Against: ``iku_xl.xl.fungsi.IKU_CAPAIAN`` called with the same two lists.

``--tanpa-solusi`` undoes :func:`iku_xl.xl.server.tanpa_pyodide` (xlwings' own is_jsnull,
no ``pyodide`` entry in sys.modules) to show what it saves.

Goal: the server call in <= 3 s (20.6 s before the workaround on the machine of issue 11).
No assertion: this is a measurement; it prints "ya"/"tidak" for the goal. The median of
``--ulang`` runs is reported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
if str(AKAR) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from mesin import Pantau  # noqa: E402  (the machine's load during the run)

SASARAN_DETIK = 3.0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sel", type=int, default=100_000)
    p.add_argument("--ulang", type=int, default=3)
    p.add_argument("--tanpa-solusi", action="store_true")
    a = p.parse_args()

    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    from iku_xl.xl.server import siapkan_lingkungan

    siapkan_lingkungan()
    import logging

    from fastapi.testclient import TestClient
    from xlwings_server.main import main_app  # imports custom_functions: tanpa_pyodide runs here

    logging.getLogger().setLevel(logging.WARNING)  # one INFO line per call otherwise
    import xlwings as xw
    import xlwings.utils

    from iku_xl.xl.fungsi import IKU_CAPAIAN

    if a.tanpa_solusi:
        xlwings.utils.is_jsnull = getattr(xlwings.utils.is_jsnull, "asli", xlwings.utils.is_jsnull)
        if sys.modules.get("pyodide", 0) is None:
            del sys.modules["pyodide"]

    target = [[80.0 + (i % 20)] for i in range(a.sel)]
    realisasi = [[70.0 + (i % 37)] for i in range(a.sel)]
    badan = {"client": "Office.js", "func_name": "IKU_CAPAIAN", "args": [target, realisasi, None, None],
             "caller_address": "[buku.xlsx]Capaian!G1", "culture_info_name": "id-ID",
             "date_format": "dd/MM/yyyy", "version": xw.__version__, "runtime": "1.4"}
    klien = TestClient(main_app)
    harapan = IKU_CAPAIAN(target, realisasi)

    pantau = Pantau()
    server, langsung = [], []
    for _ in range(a.ulang):
        t0 = time.perf_counter()
        r = klien.post("/xlwings/custom-functions-call", json=badan)
        server.append(time.perf_counter() - t0)
        if r.status_code != 200 or r.json()["result"] != harapan:
            print(f"GAGAL: HTTP {r.status_code}, hasil berbeda dari panggilan langsung", file=sys.stderr)
            return 1
        t0 = time.perf_counter()
        IKU_CAPAIAN(target, realisasi)
        langsung.append(time.perf_counter() - t0)

    s, d = statistics.median(server), statistics.median(langsung)
    print(f"{a.sel:,} sel IKU_CAPAIAN ({'tanpa' if a.tanpa_solusi else 'dengan'} solusi is_jsnull), "
          f"median dari {a.ulang}:")
    print(f"  lewat server (POST /xlwings/custom-functions-call): {s:6.2f} s")
    print(f"  fungsi langsung (iku_xl.xl.fungsi.IKU_CAPAIAN)     : {d:6.2f} s")
    print(f"  rasio server/langsung                              : {s / d:6.1f}x")
    print(f"  sasaran <= {SASARAN_DETIK:g} s lewat server: {'ya' if s <= SASARAN_DETIK else 'tidak'}")
    pantau.cetak()
    return 0


if __name__ == "__main__":
    sys.exit(main())
