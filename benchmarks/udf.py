"""How fast the cell functions answer a large range, against a bare Python loop (issue 11, point 6).

    python benchmarks/udf.py [--ulang R] [--kode CHECKOUT]

100,000 cells as a UDF receives them from xlwings (``ndim=2``: a list of rows), in two shapes,
100000x1 (a column) and 1000x100 (a block), deterministic (``random.Random(11)``):

* angka       : IKU_CAPAIAN on plain numbers (targets 1-200, realisasi 0-220);
* kosong      : the same with every 5th realisasi and every 50th target empty (None);
* teks        : targets typed as text the Indonesian way ("83,5"; about 2,000 distinct texts);
* rentang     : one target in ten a range ("80-90"), the rest plain numbers;
* predikat    : IKU_PREDIKAT on the capaian of ``angka``;
* rasio       : IKU_RASIO on plain numbers;
* realisasi   : IKU_REALISASI "jumlah" on 25,000 rows of 4 quarters (one empty in five), the same
                100,000 cells whatever the shape (the loop: ``[[sum(b)] for b in rows]``).

Each is timed against a bare Python loop over the same floats in the same shape, measured in the
same run (``[[r / t * 100 for t, r in zip(bt, br)] for bt, br in zip(T, R)]``), and the ratio is
printed. Each part runs R times (default 5), interleaved with the loop; the fastest run counts
(the others only measure other load). The goal for plain numbers is 0.1 s. The machine's CPU
used by other processes is printed at the end, with a warning when the machine was busy.
``--kode`` times the iku_xl of another checkout (e.g. the main branch, for a before/after).
No assertion: this is a measurement.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

AKAR = Path(__file__).resolve().parent.parent
N = 100_000
BENTUK = ((N, 1), (1000, 100))
TUJUAN = 0.1  # seconds for 100,000 cells of plain numbers


def _kisi(nilai: list[Any], m: int) -> list[list[Any]]:
    return [nilai[i:i + m] for i in range(0, len(nilai), m)]


def data(m: int) -> dict[str, tuple[list[list[Any]], ...]]:
    """The ranges of each case, as xlwings hands them over, with m columns."""
    rng = random.Random(11)
    t = [float(rng.randint(1, 200)) + rng.randint(0, 9) / 10 for _ in range(N)]
    r = [rng.uniform(0, 220) for _ in range(N)]
    b = [rng.uniform(1, 500) for _ in range(N)]
    kosong_t = [None if i % 50 == 7 else x for i, x in enumerate(t)]
    kosong_r = [None if i % 5 == 3 else x for i, x in enumerate(r)]
    teks_t = [f"{x:.1f}".replace(".", ",") for x in t]
    rentang_t = ["80-90" if i % 10 == 0 else x for i, x in enumerate(t)]
    capaian = [x / y * 100 for x, y in zip(r, t)]
    return {
        "angka": (_kisi(t, m), _kisi(r, m)),
        "kosong": (_kisi(kosong_t, m), _kisi(kosong_r, m)),
        "teks": (_kisi(teks_t, m), _kisi(r, m)),
        "rentang": (_kisi(rentang_t, m), _kisi(r, m)),
        "predikat": (_kisi(capaian, m),),
        "rasio": (_kisi(r, m), _kisi(b, m)),
        "realisasi": (_kisi(kosong_r, 4), "jumlah"),
        "_loop": (_kisi(t, m), _kisi(r, m)),
        "_loop_tw": (_kisi(r, 4),),
    }


def _loop(tt: list[list[float]], rr: list[list[float]]) -> list[list[float]]:
    return [[r / t * 100 for t, r in zip(bt, br)] for bt, br in zip(tt, rr)]


def _loop_tw(baris: list[list[float]]) -> list[list[float]]:
    return [[sum(b)] for b in baris]


def _waktu(f: Callable[[], Any]) -> float:
    awal = time.perf_counter()
    f()
    return time.perf_counter() - awal


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ulang", type=int, default=5, help="runs of each part, interleaved (default 5)")
    p.add_argument("--kode", type=Path, default=AKAR, help="the checkout whose iku_xl is timed (default: this one)")
    args = p.parse_args(argv)
    sys.path.insert(0, str(args.kode.resolve()))
    import iku_xl
    from iku_xl.xl import fungsi

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from mesin import Pantau  # the machine's load during the run

    fungsi_kasus = {"angka": fungsi.IKU_CAPAIAN, "kosong": fungsi.IKU_CAPAIAN, "teks": fungsi.IKU_CAPAIAN,
                    "rentang": fungsi.IKU_CAPAIAN, "predikat": fungsi.IKU_PREDIKAT, "rasio": fungsi.IKU_RASIO,
                    "realisasi": fungsi.IKU_REALISASI, "_loop": _loop, "_loop_tw": _loop_tw}
    print(f"iku_xl dari {Path(iku_xl.__file__).parent}; Python {sys.version.split()[0]}; "
          f"{N:,} sel; terbaik dari {args.ulang} kali")
    pantau = Pantau()
    for n, m in BENTUK:
        kasus = data(m)
        terbaik: dict[str, float] = {}
        for _ in range(args.ulang):
            for nama, argumen in kasus.items():
                f = fungsi_kasus[nama]
                terbaik[nama] = min(terbaik.get(nama, float("inf")), _waktu(lambda: f(*argumen)))
        loop, loop_tw = terbaik.pop("_loop"), terbaik.pop("_loop_tw")
        print(f"\n{n} x {m}: loop Python biasa {loop:.4f} s (per baris 4 triwulan: {loop_tw:.4f} s)")
        for nama, waktu in terbaik.items():
            dasar = loop_tw if nama == "realisasi" else loop
            tujuan = f"  tujuan <= {TUJUAN} s: {'ya' if waktu <= TUJUAN else 'tidak'}" if nama == "angka" else ""
            print(f"  {nama:9} {waktu:7.3f} s  {waktu / dasar:6.1f}x loop{tujuan}")
    pantau.cetak()


if __name__ == "__main__":
    main()
