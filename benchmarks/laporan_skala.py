"""Whether the one-click report's cost per indicator stays flat from 10 to 1,000 indicators
(issue 14, point 3), against the openpyxl load-and-save floor of the same workbook.

    python benchmarks/laporan_skala.py [--ukuran 10,100,1000] [--ulang 3] [--folder DIR] [--profil N]
                                       [--tanpa-pekerjaan]

For each size N a workbook is generated from the template (``buat_templat``, as staff get it)
holding N indicators like the examples' (the recap benchmark's unit generator: sasaran, targets for
five Renstra years, realisasi as quarters, annual values or pembilang/penyebut, programs), kept in
the folder (default: under the system temp dir) and reused. Then, in this one process with every
module already imported (start-up is a fixed cost, measured by ``benchmarks/laporan.py``), the
median over ``--ulang`` interleaved runs of

  laporan : ``proses.buat_laporan(p, 2024, out)`` (the Buat Laporan job: read, plan, write, check),
            run as the command line and the buttons run it: inside ``iku_xl.pekerjaan.pekerjaan()``
            (the garbage collector set for one job); ``--tanpa-pekerjaan``: the bare job, with
            Python's default collector, as before that setting existed;
  floor   : ``openpyxl.load_workbook(p).save(out)``;

printed as ms per indicator and the ratio laporan / floor, then the CPU cost of one more indicator
between two sizes (fixed costs left out). Flat means these figures do not grow from 100 to 1,000. ``--profil N`` prints the top cProfile entries of
the job at size N. Also printed: the share of the machine's CPU other processes used while
measuring, with a warning when the machine was busy. No assertion: this is a measurement.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

AKAR = Path(__file__).resolve().parent.parent
for _p in (AKAR, AKAR / "benchmarks"):  # run from a checkout without installing; the sibling scripts
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

TAHUN = 2024
#: Bump when the generated workbooks change.
VERSI_GENERATOR = "1"


def _modul(nama: str) -> Any:
    """A sibling benchmark script as a module (``besar.py``: the generator of large workbooks)."""
    if nama in sys.modules:
        return sys.modules[nama]
    spec = importlib.util.spec_from_file_location(nama, Path(__file__).with_name(f"{nama}.py"))
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules[nama] = modul
    spec.loader.exec_module(modul)
    return modul


def buku_skala(jumlah_indikator: int) -> Any:
    """A BukuIKU with ``jumlah_indikator`` indicators (``benchmarks/besar.py`` ``buku_besar``)."""
    return _modul("besar").buku_besar(jumlah_indikator)


def siapkan(folder: Path, n: int) -> Path:
    """The template filled with :func:`buku_skala` ``(n)`` in ``folder`` (generated unless there)."""
    from iku_xl.workbook.templat import buat_templat

    path = folder / f"v{VERSI_GENERATOR}_skala_{n}.xlsx"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        sementara = path.with_name(f".{path.name}.tmp")
        buat_templat(buku_skala(n)).save(sementara)
        sementara.replace(path)
    return path


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ukuran", default="10,100,1000", help="comma list of indicator counts (default 10,100,1000)")
    p.add_argument("--ulang", type=int, default=3, help="runs of each, interleaved (default 3)")
    p.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "iku-xl-bench-skala",
                   help="where the generated workbooks are kept (default: under the system temp dir)")
    p.add_argument("--profil", type=int, default=0, help="print the job's top cProfile entries at this size")
    p.add_argument("--tanpa-pekerjaan", action="store_true",
                   help="the bare job, without the front ends' collector setting (iku_xl.pekerjaan)")
    args = p.parse_args(argv)
    import openpyxl

    from iku_xl.workbook import proses

    try:
        from iku_xl.pekerjaan import pekerjaan  # the CLI's and the buttons' collector setting for a job
    except ImportError:  # an iku-xl from before it
        pekerjaan = None
    if args.tanpa_pekerjaan or pekerjaan is None:
        from contextlib import nullcontext as pekerjaan
    print(f"laporan dijalankan {'tanpa' if pekerjaan.__module__ == 'contextlib' else 'dengan'} "
          "iku_xl.pekerjaan (pengaturan gc satu pekerjaan)")

    ukuran = [int(x) for x in args.ukuran.split(",") if x.strip()]
    berkas = {n: siapkan(args.folder, n) for n in ukuran}
    from mesin import Pantau  # the machine's load during the run (this process's own CPU is ours)

    pantau = Pantau()
    print(f"{'indikator':>9} {'KiB':>6} {'':>5} | {'laporan ms':>10} {'lantai ms':>9} | {'laporan/ind':>11} "
          f"{'lantai/ind':>10} | {'rasio':>5}")
    with tempfile.TemporaryDirectory() as tmp:
        keluar, lantai_keluar = Path(tmp) / "keluar.xlsx", Path(tmp) / "lantai.xlsx"

        def laporan(path: Path) -> None:
            with pekerjaan():
                proses.buat_laporan(path, TAHUN, keluar, timpa=True)
            for c in Path(tmp).glob("*.cadangan-*"):
                c.unlink()

        def lantai(path: Path) -> None:
            openpyxl.load_workbook(path).save(lantai_keluar)

        median_cpu: dict[int, tuple[float, float]] = {}
        for n, path in berkas.items():
            laporan(path), lantai(path)  # warm: file cache, lazy imports
            waktu: dict[str, list[float]] = {"laporan": [], "lantai": []}
            cpu: dict[str, list[float]] = {"laporan": [], "lantai": []}
            for _ in range(args.ulang):
                for nama, kerja in (("laporan", laporan), ("lantai", lantai)):
                    mulai, mulai_cpu = time.perf_counter(), time.process_time()
                    kerja(path)
                    waktu[nama].append(time.perf_counter() - mulai)
                    cpu[nama].append(time.process_time() - mulai_cpu)
            median_cpu[n] = (statistics.median(cpu["laporan"]), statistics.median(cpu["lantai"]))
            for jenis, t in (("waktu", waktu), ("CPU", cpu)):
                t_lap, t_lantai = statistics.median(t["laporan"]), statistics.median(t["lantai"])
                print(f"{n:9d} {path.stat().st_size / 1024:6.0f} {jenis:>5} | {t_lap * 1000:10.1f} "
                      f"{t_lantai * 1000:9.1f} | {t_lap * 1000 / n:11.3f} {t_lantai * 1000 / n:10.3f} | "
                      f"{t_lap / t_lantai:5.2f}", flush=True)
        urut = sorted(median_cpu)
        for a, b in zip(urut, urut[1:]):  # the cost of one more indicator, fixed costs left out
            lap = (median_cpu[b][0] - median_cpu[a][0]) * 1000 / (b - a)
            lan = (median_cpu[b][1] - median_cpu[a][1]) * 1000 / (b - a)
            print(f"CPU per indikator tambahan {a}..{b}: laporan {lap:.3f} ms, lantai {lan:.3f} ms, rasio "
                  f"{lap / lan if lan > 0 else float('nan'):.2f}")
        if args.profil:
            import cProfile
            import pstats

            path = berkas.get(args.profil) or siapkan(args.folder, args.profil)
            pr = cProfile.Profile()
            pr.runcall(laporan, path)
            pstats.Stats(pr).sort_stats("tottime").print_stats(25)
    pantau.cetak()


if __name__ == "__main__":
    main()
