"""CPU of the pre-check every file job runs before a reader (``pemeriksaan``), per unit workbook.

    python benchmarks/pemeriksaan.py [--n 500] [--folder DIR] [--jumlah 300] [--ulang 5]

Uses the unit workbooks of ``benchmarks/rekap.py`` (the same folder; generated there unless
complete). Prints, per workbook, the median CPU ms (``time.process_time``) of:

* ``_periksa``: the whole check of a workbook's bytes (zip directory, parts inflated, prologs,
  every worksheet's extent);
* its floor: only inflating, with the checksum, the parts the check inflates (no XML looked at);
* the scan alone: the worksheets' extent (:class:`_PengukurCepat`) on XML already inflated;
* ``rekap.proses_berkas``: one unit's whole recap path in this process (check, calamine, core).

The ratio check/floor says what the XML work costs over inflating. The machine's other CPU use is
printed (benchmarks/mesin.py); figures from a busy machine are disturbed.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
for _p in (AKAR, AKAR / "benchmarks"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import mesin  # noqa: E402
import rekap as bench_rekap  # noqa: E402  (benchmarks/rekap.py: the unit workbooks)

from iku_xl.workbook import pemeriksaan as pm  # noqa: E402
from iku_xl.workbook import rekap  # noqa: E402


def _ms(fn: Callable[[object], object], isi: Sequence[object], ulang: int) -> float:
    for x in isi[:3]:
        fn(x)
    hasil = []
    for _ in range(ulang):
        t = time.process_time()
        for x in isi:
            fn(x)
        hasil.append((time.process_time() - t) / len(isi) * 1000)
    return statistics.median(hasil)


def _lantai(data: bytes) -> None:
    """Inflate and checksum what the check inflates: the worksheets and the parts calamine reads."""
    f = io.BytesIO(data)
    with zipfile.ZipFile(f) as z:
        for e in z.infolist():
            n = e.filename
            if not (n.startswith("xl/worksheets/sheet") or n in {"xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                                                  "_rels/.rels", "[Content_Types].xml",
                                                                  "xl/styles.xml", "xl/sharedStrings.xml"}):
                continue
            f.seek(e.header_offset + 26)
            awal = e.header_offset + 30 + sum(int.from_bytes(f.read(2), "little") for _ in range(2))
            mentah = data[awal:awal + e.compress_size]
            isi = zlib.decompressobj(-15).decompress(mentah) if e.compress_type == zipfile.ZIP_DEFLATED else mentah
            zlib.crc32(isi)


def _lembar(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet")]


def _pindai(xml: list[bytes]) -> None:
    for x in xml:
        m = pm._PengukurCepat("u.xlsx", "Data")
        m.umpan(x)
        m.selesai()


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=500, help="unit workbooks of benchmarks/rekap.py (default 500)")
    p.add_argument("--folder", type=Path, default=None, help="their folder (default: as benchmarks/rekap.py)")
    p.add_argument("--jumlah", type=int, default=300, help="workbooks timed (default 300)")
    p.add_argument("--ulang", type=int, default=5, help="runs, the median taken (default 5)")
    args = p.parse_args(argv)
    folder = args.folder or Path(tempfile.gettempdir()) / f"iku-xl-bench-rekap-v{bench_rekap.versi()}-n{args.n}"
    bench_rekap.siapkan(folder, args.n)
    berkas = bench_rekap.daftar_berkas(folder)[:args.jumlah]
    data = [b.read_bytes() for b in berkas]
    xml = [_lembar(d) for d in data]
    pantau = mesin.Pantau()
    periksa = _ms(lambda d: pm._periksa("u.xlsx", io.BytesIO(d), len(d)), data, args.ulang)  # type: ignore[arg-type]
    lantai = _ms(_lantai, data, args.ulang)  # type: ignore[arg-type]
    pindai = _ms(_pindai, xml, args.ulang)  # type: ignore[arg-type]

    def unit(b: object) -> None:
        pm._CACHE.clear()
        rekap.proses_berkas((str(b), bench_rekap.TAHUN))

    per_unit = _ms(unit, berkas, args.ulang)
    print(f"{len(data)} buku kerja, {sum(map(len, sum(xml, []))) / len(data) / 1024:.0f} KiB XML lembar per buku; "
          "CPU ms per buku (median):")
    print(f"  pemeriksaan (_periksa)           : {periksa:.3f} ms")
    print(f"  lantai: hanya inflate + CRC      : {lantai:.3f} ms  -> rasio {periksa / lantai:.2f}")
    print(f"  ukur luas lembar saja (pindai)   : {pindai:.3f} ms")
    print(f"  rekap.proses_berkas per unit     : {per_unit:.3f} ms")
    pantau.cetak()


if __name__ == "__main__":
    main()
