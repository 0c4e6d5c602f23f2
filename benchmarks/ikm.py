"""How long `iku-xl ikm` takes on a survey of 10,000 respondents (read, computed, the Laporan IKM
sheet and its chart written), against the floor of merely loading and saving the same workbook with
openpyxl (both as fresh processes, as a button click or a command line pays for them).

    python benchmarks/ikm.py [--responden 10000] [--ulang 5]

The workbook is the Legok example with ``--responden`` generated respondents (two periods of the
report year, some unsur left empty, one in twenty with a saran; seeded, so every run measures the
same file). Prints the median wall time of each, the ratio ikm / floor (issue 13: "a small
multiple"), and the share of the machine's CPU other processes used meanwhile, with a warning when
the machine was busy. No assertion: this is a measurement, run it before and after a change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
CONTOH = AKAR / "workbooks" / "contoh_legok_2020.xlsx"
TAHUN = 2020
LAYANAN = ("KTP Elektronik", "Kartu Keluarga", "Rekomendasi IMB", "Surat Keterangan Usaha", "Legalisasi")
JENIS_KELAMIN = ("Laki-laki", "Perempuan")
PENDIDIKAN = ("SD", "SMP", "SMA", "D3", "S1", "S2")
PEKERJAAN = ("PNS", "TNI/Polri", "Swasta", "Wiraswasta", "Pelajar/Mahasiswa", "Lainnya")


def _bench_rekap():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_rekap", Path(__file__).with_name("rekap.py"))
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def buat_buku(tujuan: Path, n: int, seed: int = 13) -> Path:
    """The Legok example with ``n`` generated respondents on its Survei IKM sheet."""
    import openpyxl

    acak = random.Random(seed)
    shutil.copy(CONTOH, tujuan)
    wb = openpyxl.load_workbook(tujuan)
    ws = wb["Survei IKM"]
    for i in range(n):
        semester = "I" if i < n // 2 else "II"
        tanggal = dt.date(TAHUN, 2 if semester == "I" else 8, 1) + dt.timedelta(days=i % 120)
        skor = [acak.choice((2, 3, 3, 3, 4, 4)) if acak.random() > 0.01 else None for _ in range(9)]
        baris = (f"{TAHUN} Semester {semester}", tanggal, acak.choice(LAYANAN), acak.choice(JENIS_KELAMIN),
                 acak.randint(17, 75), acak.choice(PENDIDIKAN), acak.choice(PEKERJAAN), *skor,
                 f"Saran responden {i + 1}: pelayanan loket perlu dipercepat" if i % 20 == 0 else None)
        for k, v in enumerate(baris, start=1):
            ws.cell(4 + i, k, v)
    ws.tables["tblSurvei"].ref = f"A3:Q{3 + n}"
    profil = wb["Profil"]
    r = next(c.row for c in profil["A"] if c.value == "Populasi Layanan (IKM)")
    profil.cell(r, 2).value = 25_000
    wb.save(tujuan)
    return tujuan


def _waktu(perintah: list[str]) -> float:
    mulai = time.perf_counter()
    subprocess.run(perintah, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - mulai


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--responden", type=int, default=10_000)
    p.add_argument("--ulang", type=int, default=5, help="runs of each (interleaved)")
    args = p.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from mesin import Pantau, baris_cpu_lain  # the machine's load during the run

    with tempfile.TemporaryDirectory() as tmp:
        buku = buat_buku(Path(tmp) / "survei.xlsx", args.responden)
        keluar, lantai_keluar = Path(tmp) / "keluar.xlsx", Path(tmp) / "lantai.xlsx"
        ikm = [sys.executable, "-m", "iku_xl", "ikm", str(buku), "-o", str(keluar), "--timpa"]
        lantai = [sys.executable, "-c",
                  "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])",
                  str(buku), str(lantai_keluar)]
        _waktu(ikm), _waktu(lantai)  # warm the file cache (and check the job runs)
        pantau = Pantau()
        t_ikm, t_lantai = [], []
        for _ in range(args.ulang):
            t_ikm.append(_waktu(ikm))
            t_lantai.append(_waktu(lantai))
            for cadangan in Path(tmp).glob("*.cadangan-*"):
                cadangan.unlink()
        lain = pantau.lain()
        ukuran = buku.stat().st_size
    m_ikm, m_lantai = statistics.median(t_ikm), statistics.median(t_lantai)
    print(f"buku kerja        : {args.responden} responden ({ukuran / 1024:.0f} KiB), {args.ulang} kali")
    print(f"iku-xl ikm        : median {m_ikm * 1000:7.1f} ms  (min {min(t_ikm) * 1000:.1f})")
    print(f"lantai openpyxl   : median {m_lantai * 1000:7.1f} ms  (min {min(t_lantai) * 1000:.1f})")
    print(f"rasio ikm/lantai  : {m_ikm / m_lantai:.2f}")
    baris = baris_cpu_lain(lain)
    if baris:
        print(baris)


if __name__ == "__main__":
    main()
