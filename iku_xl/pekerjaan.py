"""How a front end runs one job (the ``iku-xl`` command, an Excel button): Python's cyclic garbage
collector set for it. A process setting, so it belongs to the shell, never to the core.

A job builds a whole workbook in memory (openpyxl: an object per cell, a style per cell) and keeps
it to the end. With Python's default thresholds a *full* collection, which walks every object
alive, the workbook's included, runs again and again while the report is built: at 1,000
indicators the cost per indicator then grew with the workbook's size. During a job (:data:`AMBANG`),
young objects are still collected, every 10,000 new objects instead of 700; full collections wait
until the job is over; the thresholds the process had come back afterwards.

>>> import gc
>>> lama = gc.get_threshold()
>>> with pekerjaan():
...     gc.get_threshold() == AMBANG
True
>>> gc.get_threshold() == lama
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: gc thresholds during a job: generation 0 every 10,000 allocations, generation 1 every 50 of those,
#: the full collection after 1,000 of those (i.e. not within one report).
AMBANG = (10_000, 50, 1_000)


@contextmanager
def pekerjaan() -> Iterator[None]:
    """Run the ``with`` block (one job) with the collector at :data:`AMBANG`."""
    lama = gc.get_threshold()
    gc.set_threshold(*AMBANG)
    try:
        yield
    finally:
        gc.set_threshold(*lama)


def bekukan() -> None:
    """``gc.freeze()``: what is alive now is left out of every later collection. For a process
    that runs one job and exits (the command line), not for Excel's long-lived Python process:
    after its imports (the modules, their classes, functions and tables are not walked again by
    the job's collections) and after the job (the exit does not walk the workbook the job left,
    and free it object by object, before the operating system takes the memory back anyway)."""
    gc.freeze()
