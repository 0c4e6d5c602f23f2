"""How long a staff member waits for `iku-xl laporan`, against the floor of merely
loading and saving the same workbook with openpyxl (both as fresh processes, as a
button click or a command line pays for them).

    python benchmarks/laporan.py [--ulang 15] [--tanpa-pyc] [--pembanding PYTHON] [BUKU.xlsx TAHUN]

Prints, for each command, the median wall time and the median CPU time (user + system) of the
process, and the ratios laporan / floor (goal, issue 14: <= 1.3; the lantai-numpy ratio is the one
that counts). Two floors:

  lantai       : ``python -c "import openpyxl; openpyxl.load_workbook(p).save(out)"``; openpyxl
                 imports numpy when it is installed (it is, here, for the test extras), so this
                 floor pays numpy's import;
  lantai-numpy : the same with numpy kept out (``sys.modules["numpy"] = None``): the floor on a
                 staff PC, where numpy is not installed, and the fair floor wherever iku-xl's
                 command line runs, since it keeps numpy out of openpyxl's import too
                 (``iku_xl.workbook.impor_openpyxl_tanpa_numpy``).

``--pembanding PYTHON`` also times ``PYTHON -m iku_xl laporan ...`` (e.g. the interpreter of a venv where
another version of iku-xl is installed, such as main's; run in a temporary folder, so that its own install
is imported, not a checkout in the current folder) in the same interleaved runs, with its ratio to
the same floors: before and after a change measured under the same load.

Python's cached bytecode (``__pycache__``) is allowed even when PYTHONDONTWRITEBYTECODE is set in
the environment (``--tanpa-pyc`` keeps it), as an installed package has it: otherwise every run
compiles iku_xl's sources again, a cost no user pays. The CPU time is the steadier figure on a busy
machine; the share of the machine's CPU other processes used meanwhile is printed, with a warning
when it is high. No assertion: this is a measurement, run it before and after a change.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
BAWAAN = AKAR / "workbooks" / "contoh_legok_2020.xlsx"
_LANTAI = "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])"
_TANPA_NUMPY = "import sys; sys.modules['numpy'] = None; "

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mesin import Pantau, baris_cpu_lain, cpu_anak  # noqa: E402  (the machine's load during the run)


def _waktu(perintah: list[str], env: dict[str, str], cwd: str | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process."""
    cpu, mulai = cpu_anak(), time.perf_counter()
    subprocess.run(perintah, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    return time.perf_counter() - mulai, cpu_anak() - cpu


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("buku", nargs="?", type=Path, default=BAWAAN)
    p.add_argument("tahun", nargs="?", default="2020")
    p.add_argument("--ulang", type=int, default=15, help="runs of each (interleaved)")
    p.add_argument("--tanpa-pyc", action="store_true",
                   help="keep PYTHONDONTWRITEBYTECODE as the environment has it (sources compiled every run)")
    p.add_argument("--pembanding", metavar="PYTHON",
                   help="also time the laporan with this interpreter (another install of iku-xl, e.g. main's)")
    args = p.parse_args()
    env = dict(os.environ)
    if not args.tanpa_pyc:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        keluar = Path(tmp) / "keluar.xlsx"
        lantai_keluar = Path(tmp) / "lantai.xlsx"
        perintah = {
            "laporan": [sys.executable, "-m", "iku_xl", "laporan", str(args.buku), "--tahun", args.tahun,
                        "-o", str(keluar), "--timpa"],
            **({"laporan-pembanding": [args.pembanding, "-m", "iku_xl", "laporan", str(args.buku), "--tahun",
                                       args.tahun, "-o", str(Path(tmp) / "pembanding.xlsx"), "--timpa"]}
               if args.pembanding else {}),
            "lantai": [sys.executable, "-c", _LANTAI, str(args.buku), str(lantai_keluar)],
            "lantai-numpy": [sys.executable, "-c", _TANPA_NUMPY + _LANTAI, str(args.buku), str(lantai_keluar)],
        }
        # The other interpreter runs outside the current folder: "-m iku_xl" must find its own install, not a
        # checkout this script may be run from.
        folder = {n: tmp if n == "laporan-pembanding" else None for n in perintah}
        for nama, x in perintah.items():  # warm the file cache (and write the bytecode cache)
            _waktu(x, env, folder[nama])
        hasil: dict[str, list[tuple[float, float]]] = {n: [] for n in perintah}
        pantau = Pantau()
        for _ in range(args.ulang):
            for nama, x in perintah.items():
                hasil[nama].append(_waktu(x, env, folder[nama]))
            for cadangan in Path(tmp).glob("*.cadangan-*"):
                cadangan.unlink()
        lain = pantau.lain()
    dinding = {n: statistics.median(w for w, _ in h) for n, h in hasil.items()}
    cpu = {n: statistics.median(c for _, c in h) for n, h in hasil.items()}
    print(f"buku kerja        : {args.buku.name} ({args.buku.stat().st_size / 1024:.0f} KiB), {args.ulang} kali"
          + (", tanpa bytecode tersimpan" if args.tanpa_pyc else ""))
    for nama in perintah:
        print(f"{nama:18} : median {dinding[nama] * 1000:7.1f} ms  (min {min(w for w, _ in hasil[nama]) * 1000:.1f}),"
              f"  CPU median {cpu[nama] * 1000:7.1f} ms")
    for laporan in [n for n in perintah if n.startswith("laporan")]:
        for lantai in ("lantai", "lantai-numpy"):
            print(f"rasio {laporan}/{lantai:12}: waktu {dinding[laporan] / dinding[lantai]:.2f}, "
                  f"CPU {cpu[laporan] / cpu[lantai]:.2f}  (sasaran <= 1.3)")
    baris = baris_cpu_lain(lain)
    if baris:
        print(baris)


if __name__ == "__main__":
    main()
