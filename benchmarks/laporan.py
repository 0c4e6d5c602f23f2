"""How long a staff member waits for `iku-xl laporan`, against the floor of merely
loading and saving the same workbook with openpyxl (both as fresh processes, as a
button click or a command line pays for them).

    python benchmarks/laporan.py [--ulang 15] [BUKU.xlsx TAHUN]

Prints the median wall time of each, the ratio laporan / floor, and the share of the machine's
CPU other processes used meanwhile (a warning when the machine was busy). Goal: <= 1.5.
No assertion: this is a measurement, run it before and after a change.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
BAWAAN = AKAR / "workbooks" / "contoh_legok_2020.xlsx"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from mesin import Pantau  # noqa: E402  (the machine's load during the run)


def _waktu(perintah: list[str]) -> float:
    mulai = time.perf_counter()
    subprocess.run(perintah, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - mulai


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("buku", nargs="?", type=Path, default=BAWAAN)
    p.add_argument("tahun", nargs="?", default="2020")
    p.add_argument("--ulang", type=int, default=15, help="runs of each (interleaved)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        keluar = Path(tmp) / "keluar.xlsx"
        lantai_keluar = Path(tmp) / "lantai.xlsx"
        laporan = [sys.executable, "-m", "iku_xl", "laporan", str(args.buku), "--tahun", args.tahun,
                   "-o", str(keluar), "--timpa"]
        lantai = [sys.executable, "-c",
                  "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])",
                  str(args.buku), str(lantai_keluar)]
        _waktu(laporan), _waktu(lantai)  # warm the file cache
        pantau = Pantau()
        t_lap, t_lantai = [], []
        for _ in range(args.ulang):
            t_lap.append(_waktu(laporan))
            t_lantai.append(_waktu(lantai))
            for cadangan in Path(tmp).glob("*.cadangan-*"):
                cadangan.unlink()
    m_lap, m_lantai = statistics.median(t_lap), statistics.median(t_lantai)
    print(f"buku kerja        : {args.buku.name} ({args.buku.stat().st_size / 1024:.0f} KiB), {args.ulang} kali")
    print(f"iku-xl laporan    : median {m_lap * 1000:7.1f} ms  (min {min(t_lap) * 1000:.1f})")
    print(f"lantai openpyxl   : median {m_lantai * 1000:7.1f} ms  (min {min(t_lantai) * 1000:.1f})")
    print(f"rasio laporan/lantai: {m_lap / m_lantai:.2f}  (sasaran <= 1.5)")
    pantau.cetak()


if __name__ == "__main__":
    main()
