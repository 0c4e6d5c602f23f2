"""What the staff-content check before every save costs: two inventories (the workbook and the
finished output), against openpyxl's own load and save of the same workbook.

    python benchmarks/inventaris.py [--ulang 30] [BUKU.xlsx]

Prints the median of each in ms and the ratio check / (load + save). Goal: a few ms on the
Legok example, a small fraction of the load and save. No assertion: a measurement.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from mesin import Pantau  # noqa: E402  (the machine's load during the run)
BAWAAN = AKAR / "workbooks" / "contoh_legok_2020.xlsx"


def _ms(f) -> float:  # type: ignore[no-untyped-def]
    mulai = time.perf_counter()
    f()
    return (time.perf_counter() - mulai) * 1000


def main() -> None:
    import openpyxl

    from iku_xl.workbook.inventaris import inventaris, yang_hilang
    from iku_xl.workbook.penulis import simpan_buku

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("buku", nargs="?", type=Path, default=BAWAAN)
    p.add_argument("--ulang", type=int, default=30)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        keluar = Path(tmp) / "keluar.xlsx"
        pantau = Pantau()
        t_cek, t_lantai = [], []
        for _ in range(args.ulang):
            t_lantai.append(_ms(lambda: simpan_buku(openpyxl.load_workbook(args.buku, rich_text=True), keluar)))
            t_cek.append(_ms(lambda: yang_hilang(inventaris(args.buku), inventaris(keluar))))
    cek, lantai = statistics.median(t_cek), statistics.median(t_lantai)
    print(f"buku kerja           : {args.buku.name} ({args.buku.stat().st_size / 1024:.0f} KiB), {args.ulang} kali")
    print(f"pemeriksaan isi      : median {cek:7.1f} ms  (dua inventaris + perbandingan)")
    print(f"muat + simpan openpyxl: median {lantai:7.1f} ms")
    print(f"rasio pemeriksaan/(muat+simpan): {cek / lantai:.3f}")
    pantau.cetak()


if __name__ == "__main__":
    main()
