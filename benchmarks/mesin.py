"""The machine's load during a benchmark: every script in benchmarks/ prints how much CPU the
machine's *other* processes used while it measured, and says so when the figures are unreliable.

    from mesin import Pantau          # benchmarks/ on sys.path (each script puts it there)

    pantau = Pantau()                 # readings start
    ...                               # the measuring (this process and its subprocesses)
    pantau.cetak()                    # "CPU dipakai proses lain selama pengukuran: 3% dari 2 inti"

"Ours" is this process's own CPU time plus that of its finished subprocesses (the measured
commands, the workers of a pool); "others" is the rest of the machine's busy time (Linux
``/proc/stat``). Elsewhere nothing is printed. Above :data:`BATAS_SIBUK` of the machine the line
ends with a warning: ratios measured then are disturbed, and the run should be repeated on a
quiet machine.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

#: Share of the machine's CPU used by other processes above which the figures are called unreliable.
BATAS_SIBUK = 0.1
PERINGATAN = "  (PERHATIAN: mesin tidak diam, angka di atas terganggu; ulangi saat mesin diam)"


def cpu_sibuk() -> float | None:
    """CPU seconds the whole machine spent busy since boot (Linux /proc/stat), else None."""
    try:
        kolom = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return None
    jiffy = [int(x) for x in kolom]
    # user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait
    return (sum(jiffy[:8]) - jiffy[3] - jiffy[4]) / os.sysconf("SC_CLK_TCK")


def cpu_anak() -> float:
    """CPU seconds of this process's finished subprocesses (measured commands and their workers)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cpu_kita() -> float:
    """CPU seconds of this process and of its finished subprocesses."""
    return time.process_time() + cpu_anak()


def cpu_lain(sibuk_awal: float | None, kita_awal: float, jam_awal: float, sibuk_akhir: float | None,
             kita_akhir: float, jam_akhir: float, inti: int | None = None) -> float | None:
    """The share (0..1) of the machine's CPU that other processes used between two readings.

    >>> cpu_lain(100.0, 10.0, 0.0, 104.0, 12.0, 2.0, inti=2)   # 4 s busy, 2 s ours, 2 s x 2 cores
    0.5
    >>> cpu_lain(None, 0.0, 0.0, None, 0.0, 1.0) is None
    True
    """
    if sibuk_awal is None or sibuk_akhir is None or jam_akhir <= jam_awal:
        return None
    inti = inti or os.cpu_count() or 1
    return max(0.0, (sibuk_akhir - sibuk_awal) - (kita_akhir - kita_awal)) / ((jam_akhir - jam_awal) * inti)


def baris_cpu_lain(lain: float | None, inti: int | None = None) -> str | None:
    """The line printed for a share of other processes' CPU (None: not measurable here).

    >>> baris_cpu_lain(0.03, 2)
    'CPU dipakai proses lain selama pengukuran: 3% dari 2 inti'
    >>> baris_cpu_lain(0.4, 2).endswith("ulangi saat mesin diam)")
    True
    """
    if lain is None:
        return None
    inti = inti or os.cpu_count() or 1
    return (f"CPU dipakai proses lain selama pengukuran: {lain:.0%} dari {inti} inti"
            + (PERINGATAN if lain > BATAS_SIBUK else ""))


def cetak_cpu_lain(sibuk_awal: float | None, kita_awal: float, jam_awal: float, sibuk_akhir: float | None,
                   kita_akhir: float, jam_akhir: float) -> float | None:
    """Print the share of the machine's CPU other processes used between two readings of
    :func:`cpu_sibuk`, our CPU seconds (:func:`cpu_kita` or :func:`cpu_anak`) and the clock, with a
    warning when the machine was busy; return the share."""
    lain = cpu_lain(sibuk_awal, kita_awal, jam_awal, sibuk_akhir, kita_akhir, jam_akhir)
    baris = baris_cpu_lain(lain)
    if baris:
        print(baris)
    return lain


class Pantau:
    """Readings from creation to :meth:`cetak` (or :meth:`lain`)."""

    def __init__(self) -> None:
        self.awal = (cpu_sibuk(), cpu_kita(), time.perf_counter())

    def lain(self) -> float | None:
        return cpu_lain(*self.awal, cpu_sibuk(), cpu_kita(), time.perf_counter())

    def cetak(self) -> float | None:
        return cetak_cpu_lain(*self.awal, cpu_sibuk(), cpu_kita(), time.perf_counter())
