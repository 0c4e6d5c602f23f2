"""How `iku-xl validasi` and `iku-xl laporan` scale with large, legitimate workbooks, against
the floor of merely loading and saving the same workbook with openpyxl (issue 9).

    python benchmarks/besar.py [--kasus 2k,10k,20k,1mb,10mb] [--perintah ...] [--folder DIR] [--ulang R]

Cases (a comma list; the default runs the sizes the README's "Performance" section states):

* ``<N>k`` (``2k``, ``10k``, ``20k``): a workbook with N thousand indicators, each with targets
  for the five Renstra years and realisasi for two years (about 1 MB per 2k indicators);
* ``<X>mb`` (``1mb``, ``10mb``, ``50mb``): the example-sized IKU data (about 150 indicators) plus
  a staff sheet "Data Pegawai" (names, NIP as text, dates, salaries and a formula column with its
  cached result, as units keep staff lists beside their IKU) of about X MB.

Generation is fast (XlsxWriter, streaming) and deterministic; the files are kept in the folder
(default: under the system temp dir) and reused. The IKU data comes from the recap benchmark's
unit generator (``benchmarks/rekap.py`` ``buat_buku``), many units' indicators under one profile.

Each command runs R times in a fresh process (``python -m iku_xl ...``, as a user pays for it):
wall time (median) and peak memory (the largest VmHWM) of

  floor    : ``openpyxl.load_workbook(p, keep_links=True).save(out)``, nothing else;
  validasi : ``iku-xl validasi p -o out``;
  laporan  : ``iku-xl laporan p --tahun 2024 -o out``;
  hitung   : ``iku-xl hitung p --tahun 2024 -o out`` (only with ``--perintah``);

and the ratios command/floor. Also printed: the share of the machine's CPU used by other
processes while measuring (the ratios hold on a busy machine; the absolute times do not).
No assertion: this is a measurement, run it before and after a change.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

AKAR = Path(__file__).resolve().parent.parent
for _p in (AKAR, AKAR / "benchmarks"):  # run from a checkout without installing; rekap.py's helpers
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import rekap as bench_rekap  # noqa: E402  (benchmarks/rekap.py: generator and measuring helpers)
from mesin import Pantau  # noqa: E402  (the machine's load during the run)

TAHUN = bench_rekap.TAHUN
#: Bump when the generated workbooks change.
VERSI_GENERATOR = "1"
KASUS_BAWAAN = "2k,10k,20k,1mb,10mb"
#: Compressed bytes a "Data Pegawai" row takes (measured; only used to pick the row count).
_BYTE_PER_PEGAWAI = 84


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------

def buku_besar(jumlah_indikator: int) -> Any:
    """A BukuIKU with about ``jumlah_indikator`` indicators: units 1, 2, ... of the recap
    benchmark's generator under unit 1's profile, kode "u.s.k" (unit, sasaran, indicator)."""
    from iku_xl.core.model import BukuIKU

    pertama, _ = bench_rekap.buat_buku(1)
    indikator: list[Any] = []
    target: list[Any] = []
    realisasi: list[Any] = []
    program: list[Any] = []
    i = 0
    while len(indikator) < jumlah_indikator:
        i += 1
        buku, _ = bench_rekap.buat_buku(i)
        kode = {x.kode: f"{i}.{x.kode}" for x in buku.indikator}
        sisa = jumlah_indikator - len(indikator)
        indikator += [dataclasses.replace(x, kode=kode[x.kode]) for x in buku.indikator[:sisa]]
        target += [dataclasses.replace(x, kode=kode[x.kode]) for x in buku.target]
        realisasi += [dataclasses.replace(x, kode=kode[x.kode]) for x in buku.realisasi]
        program += [dataclasses.replace(x, kode=kode[x.kode]) for x in buku.program]
    ada = {x.kode for x in indikator}
    profil = dataclasses.replace(pertama.profil, skala="permendagri86", tahun_awal_renstra=2021,
                                 tahun_akhir_renstra=2025)
    return BukuIKU(profil, tuple(indikator), tuple(x for x in target if x.kode in ada),
                   tuple(x for x in realisasi if x.kode in ada), None,
                   tuple(x for x in program if x.kode in ada))


_JABATAN = ("Camat", "Sekretaris Camat", "Kepala Seksi Pemerintahan", "Kepala Seksi Trantib", "Pengadministrasi Umum",
            "Pengelola Keuangan", "Analis Kebijakan", "Pranata Komputer", "Staf Pelaksana", "Penyuluh Sosial")
_GOLONGAN = ("II/a", "II/b", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b")


def tulis_buku(path: Path, jumlah_indikator: int, baris_pegawai: int = 0) -> None:
    """Write the template's sheets filled with :func:`buku_besar` and, with ``baris_pegawai``,
    a staff sheet "Data Pegawai" with that many rows, to ``path`` (XlsxWriter, streaming)."""
    import random

    import xlsxwriter

    from iku_xl.core.skema import BARIS_JUDUL, LEMBAR_DATA, PROFIL, PROFIL_NAMA
    from iku_xl.workbook.templat import baris_data

    buku = buku_besar(jumlah_indikator)
    sementara = path.with_name(f".{path.name}.tmp")
    wb = xlsxwriter.Workbook(str(sementara), {"constant_memory": True, "strings_to_numbers": False,
                                              "strings_to_formulas": False, "strings_to_urls": False})
    tanggal = wb.add_format({"num_format": "dd-mm-yyyy"})
    rupiah = wb.add_format({"num_format": "#,##0"})
    ws = wb.add_worksheet("Petunjuk")
    ws.write(0, 0, "PETUNJUK PENGISIAN BUKU KERJA IKU")
    ws = wb.add_worksheet(PROFIL_NAMA)
    ws.write_row(BARIS_JUDUL - 1, 0, ("Isian", "Nilai", "Keterangan"))
    for r, isian in enumerate(PROFIL, start=BARIS_JUDUL):
        ws.write_string(r, 0, isian.label)
        nilai = getattr(buku.profil, isian.field)
        if isinstance(nilai, dt.date):
            ws.write_datetime(r, 1, dt.datetime.combine(nilai, dt.time()), tanggal)
        elif nilai is not None:
            ws.write(r, 1, nilai)
    for data in LEMBAR_DATA:
        ws = wb.add_worksheet(data.nama)
        ws.write_string(0, 0, data.judul)
        ws.write_row(BARIS_JUDUL - 1, 0, [k.judul for k in data.kolom])
        for r, isi in enumerate(baris_data(data, buku), start=BARIS_JUDUL):
            for c, v in enumerate(isi):
                if isinstance(v, str):
                    if v:
                        ws.write_string(r, c, v)
                elif v is not None:
                    ws.write(r, c, v)
    if baris_pegawai:
        rnd = random.Random(9)
        ws = wb.add_worksheet("Data Pegawai")
        ws.write_row(0, 0, ("No", "NIP", "Nama", "Jabatan", "Golongan", "Unit Kerja", "Tanggal Lahir",
                            "Gaji Pokok", "Tunjangan", "Penghasilan", "Keterangan"))
        for r in range(1, baris_pegawai + 1):
            lahir = dt.datetime(1965, 1, 1) + dt.timedelta(days=rnd.randrange(14000))
            gaji, tunjangan = rnd.randrange(2_000_000, 6_000_000, 1000), rnd.randrange(500_000, 3_000_000, 1000)
            ws.write_number(r, 0, r)
            ws.write_string(r, 1, f"{lahir:%Y%m%d} {rnd.randint(1990, 2020)}{rnd.randint(1, 12):02d} "
                                  f"{rnd.randint(1, 2)} {rnd.randint(1, 999):03d}")
            ws.write_string(r, 2, f"{rnd.choice(bench_rekap._NAMA_DEPAN)} {rnd.choice(bench_rekap._NAMA_BELAKANG)}")
            ws.write_string(r, 3, rnd.choice(_JABATAN))
            ws.write_string(r, 4, rnd.choice(_GOLONGAN))
            ws.write_string(r, 5, f"Kecamatan Sintetis {rnd.randint(1, 60):04d}")
            ws.write_datetime(r, 6, lahir, tanggal)
            ws.write_number(r, 7, gaji, rupiah)
            ws.write_number(r, 8, tunjangan, rupiah)
            ws.write_formula(r, 9, f"=H{r + 1}+I{r + 1}", rupiah, gaji + tunjangan)
            if r % 7 == 0:
                ws.write_string(r, 10, rnd.choice(("cuti", "tugas belajar", "mutasi masuk", "pensiun tahun ini")))
    wb.close()
    os.replace(sementara, path)


@dataclasses.dataclass(frozen=True)
class Kasus:
    nama: str
    indikator: int
    pegawai: int

    @property
    def berkas(self) -> str:
        return f"besar_{self.nama}.xlsx"


def kasus_dari(teks: str) -> Kasus:
    """``"10k"`` -> 10,000 indicators; ``"10mb"`` -> the example's size plus ~10 MB of staff rows.

    >>> kasus_dari("2k"), kasus_dari("1mb")
    (Kasus(nama='2k', indikator=2000, pegawai=0), Kasus(nama='1mb', indikator=150, pegawai=12483))
    """
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(k|mb)", teks.strip().lower())
    if not m:
        raise SystemExit(f"kasus tidak dikenal: {teks!r} (contoh: 2k, 10k, 1mb, 10mb)")
    x, satuan = float(m[1]), m[2]
    if satuan == "k":
        return Kasus(m[0], round(x * 1000), 0)
    return Kasus(m[0], 150, round(x * 2**20 / _BYTE_PER_PEGAWAI))


def siapkan(folder: Path, kasus: Kasus) -> tuple[Path, float | None]:
    """The case's workbook in ``folder`` (generated unless there): (path, seconds to generate)."""
    path = folder / f"v{VERSI_GENERATOR}_{kasus.berkas}"
    if path.exists():
        return path, None
    folder.mkdir(parents=True, exist_ok=True)
    mulai = time.perf_counter()
    tulis_buku(path, kasus.indikator, kasus.pegawai)
    return path, time.perf_counter() - mulai


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------

#: Runs ``argv`` (the floor or the CLI) in this fresh process, then prints the peak memory.
_ANAK = """
import json, sys
argv = sys.argv[1:]
kode = 0
try:
    if argv[0] == "--lantai":
        import openpyxl
        openpyxl.load_workbook(argv[1], keep_links=True).save(argv[2])
    else:
        from iku_xl.cli import main
        kode = main(argv) or 0
except SystemExit as e:
    kode = e.code if isinstance(e.code, int) else 1
sys.path.insert(0, {benchmarks!r})
from rekap import _puncak_sendiri
import resource
print(json.dumps({{"rss": _puncak_sendiri(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024),
                  "kode": kode}}))
"""


def ukur(argv: list[str], keluaran: Path) -> dict[str, Any]:
    """One fresh process: wall seconds, peak memory, exit code."""
    kode = _ANAK.format(benchmarks=str(AKAR / "benchmarks"))
    mulai = time.perf_counter()
    hasil = subprocess.run([sys.executable, "-c", kode, *argv], capture_output=True, text=True)
    detik = time.perf_counter() - mulai
    for p in keluaran.parent.glob("*.cadangan-*"):
        p.unlink()
    keluaran.unlink(missing_ok=True)
    try:
        data = json.loads(hasil.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise SystemExit(f"pengukuran gagal: {' '.join(argv)}\n{hasil.stderr[-2000:]}") from None
    return {"detik": detik, **data}


def perintah(path: Path, keluaran: Path) -> dict[str, list[str]]:
    return {
        "lantai": ["--lantai", str(path), str(keluaran)],
        "validasi": ["validasi", str(path), "-o", str(keluaran), "--timpa"],
        "laporan": ["laporan", str(path), "--tahun", str(TAHUN), "-o", str(keluaran), "--timpa"],
        "hitung": ["hitung", str(path), "--tahun", str(TAHUN), "-o", str(keluaran), "--timpa"],
    }


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kasus", default=KASUS_BAWAAN, help=f"comma list of cases (default {KASUS_BAWAAN})")
    p.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "iku-xl-bench-besar",
                   help="where the generated workbooks are kept (default: under the system temp dir)")
    p.add_argument("--ulang", type=int, default=1, help="runs of each command, interleaved (default 1)")
    p.add_argument("--perintah", default="lantai,validasi,laporan",
                   help="which commands to measure: lantai (the floor), validasi, laporan, hitung "
                        "(default lantai,validasi,laporan)")
    p.add_argument("--buat-saja", action="store_true", help="only generate the workbooks")
    args = p.parse_args(argv)
    daftar = [kasus_dari(k) for k in args.kasus.split(",") if k.strip()]
    pilihan = [x.strip() for x in args.perintah.split(",")]
    inti = os.cpu_count() or 1
    print(f"mesin: {inti} inti, Python {platform.python_version()}, {platform.system()} {platform.machine()}")
    siap = []
    for k in daftar:
        path, detik = siapkan(args.folder, k)
        ukuran = path.stat().st_size / 2**20
        print(f"buku {k.nama:>5}: {k.indikator} indikator, {k.pegawai} baris Data Pegawai, {ukuran:.1f} MiB "
              + (f"(dibuat dalam {detik:.1f} s)" if detik is not None else "(dipakai ulang)"))
        siap.append((k, path, ukuran))
    if args.buat_saja:
        return
    pantau = Pantau()
    print(f"{'buku':>6} {'MiB':>6} | {'perintah':9} {'detik':>8} {'MiB puncak':>10} | {'rasio waktu':>11} "
          f"{'rasio memori':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        keluaran = Path(tmp) / "keluar.xlsx"
        for k, path, ukuran in siap:
            path.read_bytes()  # in the page cache for every command alike
            hasil: dict[str, list[dict[str, Any]]] = {n: [] for n in pilihan}
            for _ in range(args.ulang):
                for n in pilihan:
                    hasil[n].append(ukur(perintah(path, keluaran)[n], keluaran))
            lantai = hasil.get("lantai")
            for n in pilihan:
                detik = statistics.median(h["detik"] for h in hasil[n])
                rss = max(h["rss"] for h in hasil[n])
                rasio = ""
                if lantai and n != "lantai":
                    rasio = (f"{detik / statistics.median(h['detik'] for h in lantai):11.2f} "
                             f"{rss / max(h['rss'] for h in lantai):12.2f}")
                kode = {h["kode"] for h in hasil[n]}
                print(f"{k.nama:>6} {ukuran:6.1f} | {n:9} {detik:8.2f} {rss / 2**20:10.0f} | {rasio}"
                      + (f"  (kode keluar {sorted(kode)})" if kode != {0} else ""), flush=True)
    pantau.cetak()


if __name__ == "__main__":
    main()
