"""How fast `iku-xl rekap` reads many unit workbooks, against a naive pandas baseline and
against an honest floor: the same reading and writing with no IKU logic (issues 5 and 14).

    python benchmarks/rekap.py [--n 500] [--folder DIR] [--proses K] [--ulang R] [--cek-memori]
    python benchmarks/rekap.py --n 7300 --ulang 1 --cek-memori     # every Kecamatan in Indonesia

1. Generation (not timed against anything): N distinct, realistic unit workbooks, one Kecamatan
   each ("KECAMATAN SINTETIS 0001", ...). The first 64 (``BENIH``) are built from the template
   (``buat_templat``) with openpyxl, ~270 ms each: 4-6 sasaran, 8-15 indicators (positive and
   negative polarity, range targets such as "80-90", an AKIP grade target such as "B", small
   counts such as one innovation a year, an index on a 0-1 scale), targets for 5 Renstra years
   and realisasi for 2023 and 2024 as quarters, annual values or pembilang/penyebut; every 20th
   unit typed its percentages into percent-formatted cells (0.85 shown as 85 %). Unit i is built
   from ``random.Random(i)``. Every further unit is derived from one of those (``benih``) at the
   XML level in a few ms (:func:`turunkan`): its own number in every name, its own realisasi
   figures (fractional figures times 0.92-1.08, pembilang moved by up to 2), the rest as its seed;
   so 7,300 workbooks take a minute or two on 2 cores. The folder (default: under the system
   temp dir, named by N and the generator's version) is reused when it is complete.
2. Measured parts, each in a fresh subprocess of this script (``--bagian``), so that its peak
   memory (``ru_maxrss`` of the process, and of its largest worker process) is its own:
   (a) rekap    : ``rekap(folder, 2024, out)`` end to end, output workbook included;
   (b) baseline : ``pandas.read_excel(p, sheet_name=None, engine="openpyxl")`` of every
                  file, the Indikator/Target/Realisasi frames collected and ``pd.concat``-ed
                  (above 200 files: a fixed random sample of 200, extrapolated per workbook);
   (c) the honest floor (issue 14): every sheet of every file read with python-calamine in the
       recap's number of processes (results taken in order, as the recap takes them), while this
       process writes as many rows as the recap's Rekap sheet (one per indicator: the Indikator
       sheet's rows, cut to the Rekap columns) with the recap's own cell formats through XlsxWriter
       in constant-memory mode, and one row per unit on two more sheets; no IKU logic
       (:func:`lantai_baca`, :func:`tulis_lantai`). Both parts are reported: the read part alone
       (K processes, rows sent back, nothing written) and the write part alone (the same rows
       written again from memory).
   For reference: the recap's reading and computing alone (``hasil_berurutan``, K processes,
   nothing written), and issue 5's yardstick (calamine reading every sheet, nothing returned or
   written, 1 and K processes).
   Times exclude interpreter start-up and importing the module each part calls; imports
   made lazily inside the call are counted. With ``--ulang R`` the parts run R times,
   interleaved; the median is reported, and the largest peak memory.

Goals: baseline/rekap >= 10, rekap/honest floor <= 1.5, peak memory that does not grow with N
(``--cek-memori`` runs the recap also on the first N/5 files, a folder of hard links to them so
that both runs list a folder, and compares), 7,300 workbooks in
< 60 s on 2 cores. The share of the machine's CPU other processes used during the run is printed
(benchmarks/mesin.py): above 10 % the figures are disturbed and the line says so.
No assertion: this is a measurement; it prints "ya"/"tidak" for each goal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

AKAR = Path(__file__).resolve().parent.parent
for _p in (AKAR, AKAR / "benchmarks"):  # run from a checkout without installing; mesin.py beside this
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import mesin  # noqa: E402  (benchmarks/mesin.py: the machine's load during the run)

TAHUN = 2024
#: Bump when the generated workbooks change; the template's own sources are hashed in too.
VERSI_GENERATOR = "3"
#: Units built one by one from the template with openpyxl (~270 ms each); every further unit is
#: derived from one of them at the XML level (a few ms): see :func:`turunkan`.
BENIH = 64
SAMPEL_BASELINE = 200
#: The memory goal counts as met when the peak at N is at most this times the peak at N/5.
BATAS_TUMBUH = 1.15
_MANIFEST = "manifest.json"
#: The measured parts (see the module docstring).
BAGIAN = ("lantai-jujur", "lantai-baca", "rekap", "baca-hitung", "lantai", "lantai-k", "baseline")


def versi() -> str:
    """The generator's version and a hash of the template's sources: a new cache when either changes."""
    h = hashlib.sha256(VERSI_GENERATOR.encode())
    for rel in ("iku_xl/workbook/templat.py", "iku_xl/core/skema.py", "iku_xl/workbook/tulis.py"):
        p = AKAR / rel
        if p.exists():
            h.update(p.read_bytes())
    return f"{VERSI_GENERATOR}-{h.hexdigest()[:8]}"


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------

#: Indicator kinds: (name, satuan, polaritas, konsolidasi, how realisasi is given, target form,
#: lowest and highest first-year target, yearly step, formulasi). Forms: "angka" a number, "rentang" a range
#: "a-b" (a drawn, b = a + width), "huruf" an AKIP grade, "hitungan" a small whole count.
#: Realisasi: "tw" quarters, "tahunan" one annual value, "rasio" pembilang/penyebut.
_TEMA: tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...] = (
    ("Meningkatnya kualitas pelayanan publik di {unit}", (
        ("Indeks Kepuasan Masyarakat terhadap layanan {unit}", "Indeks", "positif", "rata-rata", "tw", "angka",
         76.0, 84.0, 0.5,
         "Nilai IKM hasil Survei Kepuasan Masyarakat terhadap unsur pelayanan"),
        ("Persentase layanan PATEN yang diselesaikan tepat waktu", "%", "positif", "nilai terakhir", "rasio",
         "angka", 85.0, 93.0, 1.0,
         "Jumlah layanan PATEN yang selesai tepat waktu / Jumlah seluruh permohonan layanan PATEN x 100 %"),
        ("Persentase pengaduan masyarakat yang ditindaklanjuti", "%", "positif", "nilai terakhir", "rasio",
         "angka", 80.0, 92.0, 1.5,
         "Jumlah pengaduan yang ditindaklanjuti / Jumlah seluruh pengaduan yang diterima x 100 %"),
        ("Rata-rata waktu penyelesaian layanan administrasi", "Hari", "negatif", "rata-rata", "tw", "angka",
         4.0, 7.0, -0.5,
         "Jumlah hari penyelesaian seluruh layanan dibagi banyaknya layanan"),
        ("Jumlah inovasi pelayanan publik yang diimplementasikan", "Jumlah", "positif", "jumlah", "tw",
         "hitungan", 1, 3, 0,
         "Jumlah inovasi pelayanan publik yang diterapkan dalam tahun berjalan"),
    )),
    ("Meningkatnya akuntabilitas kinerja {unit}", (
        ("Nilai AKIP {unit}", "Predikat", "positif", "nilai terakhir", "tahunan", "huruf", 0, 0, 0,
         "Predikat hasil evaluasi AKIP oleh Inspektorat"),
        ("Nilai hasil evaluasi SAKIP {unit}", "Nilai", "positif", "nilai terakhir", "tahunan", "angka",
         60.0, 70.0, 1.5,
         "Nilai komponen perencanaan + pengukuran + pelaporan + evaluasi internal + capaian kinerja"),
        ("Persentase penyerapan anggaran", "%", "positif", "kumulatif", "tw", "angka", 90.0, 95.0, 0.5,
         "Realisasi belanja / Pagu anggaran x 100 %"),
        ("Persentase dokumen perencanaan dan pelaporan kinerja yang tepat waktu", "%", "positif",
         "nilai terakhir", "rasio", "angka", 80.0, 95.0, 2.0,
         "Jumlah dokumen yang disampaikan tepat waktu / Jumlah dokumen wajib x 100 %"),
    )),
    ("Meningkatnya ketentraman dan ketertiban umum", (
        ("Persentase penurunan pelanggaran Peraturan Daerah", "%", "positif", "nilai terakhir", "tahunan",
         "rentang", 8.0, 12.0, 1.0,
         ("(Jumlah pelanggaran Perda tahun n-1 - Jumlah pelanggaran Perda tahun n) / "
          "Jumlah pelanggaran Perda tahun n-1 x 100 %")),
        ("Jumlah pelanggaran ketentraman dan ketertiban umum", "Jumlah", "negatif", "jumlah", "tw", "angka",
         24.0, 40.0, -2.0,
         "Jumlah kejadian pelanggaran trantibum yang tercatat"),
        ("Jumlah konflik sosial yang terjadi", "Jumlah", "negatif", "jumlah", "tw", "hitungan", 2, 5, 0,
         "Jumlah kejadian konflik sosial yang tercatat"),
        ("Persentase pelanggaran Perda yang ditindaklanjuti", "%", "positif", "nilai terakhir", "rasio",
         "angka", 75.0, 88.0, 2.0,
         "Jumlah pelanggaran Perda yang ditindaklanjuti / Jumlah pelanggaran Perda yang ditemukan x 100 %"),
    )),
    ("Meningkatnya status kemajuan desa dan kelurahan", (
        ("Persentase desa/kelurahan dengan status minimal Maju", "%", "positif", "nilai terakhir", "rasio",
         "angka", 40.0, 65.0, 5.0,
         "Jumlah desa/kelurahan berstatus Maju dan Mandiri / Jumlah desa/kelurahan x 100 %"),
        ("Persentase desa/kelurahan dengan laporan pertanggungjawaban tepat waktu", "%", "positif",
         "nilai terakhir", "rasio", "angka", 80.0, 95.0, 2.5,
         "Jumlah desa/kelurahan yang melapor tepat waktu / Jumlah desa/kelurahan x 100 %"),
        ("Rata-rata Indeks Desa Membangun (IDM) desa di wilayah kecamatan", "Indeks", "positif",
         "nilai terakhir", "tahunan", "angka", 0.62, 0.72, 0.02,
         "Jumlah nilai IDM seluruh desa dibagi banyaknya desa"),
        ("Tingkat partisipasi masyarakat dalam Musrenbang Kecamatan", "%", "positif", "nilai terakhir",
         "tahunan", "rentang", 70.0, 80.0, 1.0,
         "Jumlah peserta Musrenbang yang hadir / Jumlah undangan Musrenbang x 100 %"),
    )),
    ("Meningkatnya kualitas lingkungan hidup dan infrastruktur dasar", (
        ("Persentase infrastruktur dasar dalam kondisi baik", "%", "positif", "nilai terakhir", "tahunan",
         "angka", 60.0, 78.0, 2.0,
         "Panjang jalan dan saluran dalam kondisi baik / Panjang seluruh jalan dan saluran x 100 %"),
        ("Persentase timbulan sampah yang tertangani", "%", "positif", "kumulatif", "tw", "angka",
         55.0, 72.0, 3.0,
         "Volume sampah yang tertangani / Volume timbulan sampah x 100 %"),
        ("Persentase luas kawasan permukiman kumuh", "%", "negatif", "nilai terakhir", "tahunan", "angka",
         5.0, 9.0, -0.5,
         "Luas kawasan kumuh / Luas seluruh kawasan permukiman x 100 %"),
        ("Jumlah titik rawan genangan", "Titik", "negatif", "nilai terakhir", "tahunan", "angka",
         10.0, 20.0, -1.0,
         "Jumlah titik genangan yang tercatat saat musim hujan"),
    )),
    ("Meningkatnya pemberdayaan masyarakat dan perekonomian lokal", (
        ("Persentase UMKM yang mendapat pembinaan", "%", "positif", "kumulatif", "tw", "angka", 20.0, 35.0, 2.5,
         "Jumlah UMKM yang dibina / Jumlah seluruh UMKM terdata x 100 %"),
        ("Jumlah kegiatan pemberdayaan masyarakat", "Kegiatan", "positif", "jumlah", "tw", "angka",
         8.0, 16.0, 1.0,
         "Jumlah kegiatan pemberdayaan masyarakat yang dilaksanakan"),
        ("Persentase kelompok masyarakat yang aktif", "%", "positif", "nilai terakhir", "rasio", "angka",
         60.0, 78.0, 2.0,
         "Jumlah kelompok masyarakat yang aktif / Jumlah kelompok masyarakat terdaftar x 100 %"),
        ("Persentase realisasi penerimaan PBB-P2", "%", "positif", "kumulatif", "tw", "angka", 82.0, 92.0, 1.0,
         "Realisasi penerimaan PBB-P2 / Target penerimaan PBB-P2 x 100 %"),
    )),
    ("Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan", (
        ("Persentase penduduk wajib KTP yang memiliki KTP-el", "%", "positif", "nilai terakhir", "tahunan",
         "angka", 92.0, 97.0, 0.5,
         "Jumlah penduduk yang memiliki KTP-el / Jumlah penduduk wajib KTP x 100 %"),
        ("Persentase ASN kecamatan dengan kinerja minimal Baik", "%", "positif", "nilai terakhir", "rasio",
         "angka", 85.0, 95.0, 1.0,
         "Jumlah ASN dengan predikat kinerja minimal Baik / Jumlah seluruh ASN kecamatan x 100 %"),
        ("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", "%", "positif", "nilai terakhir",
         "rasio", "angka", 70.0, 90.0, 3.0,
         "Jumlah rekomendasi yang ditindaklanjuti / Jumlah seluruh rekomendasi hasil pemeriksaan x 100 %"),
        ("Persentase kelurahan dengan tertib administrasi", "%", "positif", "nilai terakhir", "tahunan",
         "rentang", 80.0, 85.0, 1.0,
         "Jumlah kelurahan yang tertib administrasi / Jumlah kelurahan x 100 %"),
    )),
)

_KABUPATEN = ("KABUPATEN TANGERANG", "KOTA BEKASI", "KABUPATEN BOGOR", "KABUPATEN BANDUNG", "KOTA SEMARANG",
              "KABUPATEN SLEMAN", "KABUPATEN SIDOARJO", "KOTA MAKASSAR", "KABUPATEN DELI SERDANG",
              "KABUPATEN BANYUMAS", "KOTA PADANG", "KABUPATEN LOMBOK TIMUR")
_NAMA_DEPAN = ("AHMAD", "SITI", "BUDI", "DEWI", "HENDRA", "RINA", "AGUS", "NURUL", "DEDI", "FITRI", "YUSUF",
               "LESTARI", "IWAN", "MAYA", "ROHMAT", "ENDANG")
_NAMA_BELAKANG = ("SANTOSO", "RAHAYU", "HIDAYAT", "KURNIAWAN", "SURYANA", "WIBOWO", "SETIAWAN", "FAUZI",
                  "HARAHAP", "PRATAMA", "NASUTION", "SAPUTRA")
_GELAR = ("S.STP, M.Si", "S.Sos, M.M.", "S.IP, M.AP", "S.H., M.H.", "Drs.", "S.E., M.Si")
_PANGKAT = ("Pembina / IV.a", "Pembina Tk. I / IV.b", "Penata Tk. I / III.d")
_HURUF_AKIP = ("C", "CC", "B", "BB", "A")
_SKALA_KUSTOM = ((90.0, "Sangat Baik", "C6EFCE"), (75.0, "Baik", "DDEBF7"), (60.0, "Cukup", "FFEB9C"),
                 (None, "Kurang", "FFC7CE"))


def nama_berkas(i: int) -> str:
    return f"iku_kecamatan_sintetis_{i:04d}.xlsx"


_POLA_BERKAS = re.compile(r"iku_kecamatan_sintetis_\d{4,}\.xlsx")


def _bulat(x: float) -> float:
    return round(x, 2)


def _bagi_jumlah(total: int, rnd: random.Random) -> tuple[float, ...]:
    """A whole count spread over four quarters."""
    tw = [0, 0, 0, 0]
    for _ in range(total):
        tw[rnd.randrange(4)] += 1
    return tuple(float(x) for x in tw)


def _triwulan(tahunan: float, konsolidasi: str, rnd: random.Random, bulat: bool) -> tuple[float, ...]:
    """Four quarters whose consolidation is about ``tahunan``."""
    if konsolidasi == "jumlah":
        if bulat:
            return _bagi_jumlah(max(0, round(tahunan)), rnd)
        bagian = [rnd.uniform(0.7, 1.3) for _ in range(4)]
        return tuple(float(round(tahunan * b / sum(bagian))) for b in bagian)
    if konsolidasi == "rata-rata":
        return tuple(_bulat(tahunan * rnd.uniform(0.96, 1.04)) for _ in range(4))
    # nilai terakhir / kumulatif: rising through the year to the annual value
    naik = sorted(rnd.uniform(0.2, 0.95) for _ in range(3))
    return (*(_bulat(tahunan * f) for f in naik), _bulat(tahunan))


def buat_buku(i: int) -> tuple[Any, tuple[bool, frozenset[str]]]:
    """Unit ``i``'s BukuIKU (deterministic from ``random.Random(i)``), whether its staff use
    percent-formatted cells (every 20th unit, from the 3rd) and for which indicators."""
    from iku_xl.core.model import (BukuIKU, Indikator, NilaiHuruf, Pita, Profil, ProgramIKU, RealisasiIKU,
                                   Rentang, Skala, TargetIKU)

    rnd = random.Random(i)
    unit = f"KECAMATAN SINTETIS {i:04d}"
    singkat = f"Kecamatan Sintetis {i:04d}"
    awal = rnd.choice((2021, 2022, 2023))  # 5 Renstra years, always covering 2024
    tahun_renstra = list(range(awal, awal + 5))
    skala = rnd.choices(("permendagri86", "permenpanrb8", "kustom"), (16, 3, 1))[0]
    persen = i % 20 == 3
    profil = Profil(unit, rnd.choice(_KABUPATEN), TAHUN, f"CAMAT SINTETIS {i:04d}",
                    f"{rnd.choice(_NAMA_DEPAN)} {rnd.choice(_NAMA_BELAKANG)}, {rnd.choice(_GELAR)}",
                    rnd.choice(_PANGKAT),
                    f"19{rnd.randint(65, 85)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d} "
                    f"{rnd.randint(1990, 2010)}{rnd.randint(1, 12):02d} 1 {rnd.randint(1, 9):03d}",
                    f"Sintetis {i:04d}", dt.date(2025, 1, rnd.randint(10, 31)), skala,
                    rnd.choices(("2T-R", "T/R"), (4, 1))[0], awal, awal + 4)
    # 4-6 sasaran; the accountability theme (with its AKIP grade) in most units
    tema = [1] if rnd.random() < 0.8 else []
    tema += rnd.sample([t for t in range(len(_TEMA)) if t not in tema], rnd.randint(4, 6) - len(tema))
    tema.sort()
    jumlah = rnd.randint(8, 15)
    pilihan = {t: rnd.sample(range(len(_TEMA[t][1])), len(_TEMA[t][1])) for t in tema}
    dipilih = {t: [pilihan[t][0]] for t in tema}
    sisa = [(t, j) for t in tema for j in pilihan[t][1:]]
    rnd.shuffle(sisa)
    for t, j in sisa[:max(0, jumlah - len(tema))]:
        dipilih[t].append(j)

    indikator, target, realisasi, program = [], [], [], []
    kode_persen: set[str] = set()
    for s, t in enumerate(tema, start=1):
        sasaran = _TEMA[t][0].format(unit=singkat)
        for k, j in enumerate(sorted(dipilih[t]), start=1):
            nama, satuan, polaritas, konsolidasi, cara, bentuk, lo, hi, langkah, formulasi = _TEMA[t][1][j]
            kode = f"{s}.{k}"
            nama = nama.format(unit=singkat)
            indikator.append(Indikator(kode, sasaran, nama, satuan, polaritas, konsolidasi, None,
                                       f"Mengukur {nama[0].lower()}{nama[1:]}.",
                                       formulasi,
                                       "Laporan seksi terkait", rnd.choice(("Sekretariat", "Seksi Pemerintahan",
                                                                             "Seksi Trantib", "Seksi Ekbang",
                                                                             "Seksi Kesos"))))
            if persen and satuan == "%" and bentuk == "angka" and cara != "rasio":
                kode_persen.add(kode)
            # targets for the 5 Renstra years
            nilai_target: dict[int, Any] = {}
            if bentuk == "huruf":
                mulai = rnd.randrange(1, 3)  # CC or B in the first year
                for y, th in enumerate(tahun_renstra):
                    nilai_target[th] = NilaiHuruf(_HURUF_AKIP[min(mulai + (y + 1) // 2, 4)], "akip")
            elif bentuk == "hitungan":
                n0 = rnd.randint(int(lo), int(hi))
                for y, th in enumerate(tahun_renstra):
                    nilai_target[th] = float(max(1, n0 + (y // 2) * (1 if polaritas == "positif" else -1)))
            else:
                dasar = rnd.uniform(lo, hi)
                lebar = rnd.choice((5.0, 10.0))
                for y, th in enumerate(tahun_renstra):
                    v = dasar + langkah * y
                    v = min(v, 100.0) if satuan == "%" else v
                    if bentuk == "rentang":
                        v = float(round(v))
                        nilai_target[th] = Rentang(v, min(v + lebar, 100.0))
                    else:
                        nilai_target[th] = round(v, 2 if abs(v) < 2 else 1)
            target += [TargetIKU(kode, th, v) for th, v in nilai_target.items()]
            # realisasi for 2023 and 2024 (a few indicators still without 2024 figures)
            for th in (2023, 2024):
                if th not in nilai_target or (th == 2024 and rnd.random() < 0.04):
                    continue
                tg = nilai_target[th]
                if bentuk == "huruf":
                    urut = _HURUF_AKIP.index(tg.huruf) + rnd.choice((-1, 0, 0, 1))
                    realisasi.append(RealisasiIKU(kode, th, tahunan=NilaiHuruf(_HURUF_AKIP[max(0, min(urut, 4))],
                                                                               "akip")))
                    continue
                acuan = (tg.bawah + tg.atas) / 2 if isinstance(tg, Rentang) else tg
                f = rnd.uniform(0.8, 1.12) if polaritas == "positif" else rnd.uniform(0.75, 1.25)
                nilai = acuan * f
                if satuan == "%":
                    nilai = min(nilai, 100.0)
                if bentuk == "hitungan":
                    nilai = float(max(0, round(acuan + rnd.choice((-1, 0, 0, 1)))))
                if cara == "rasio":
                    penyebut = float(rnd.randint(8, 60))
                    pembilang = float(min(penyebut, max(2, round(penyebut * nilai / 100))))
                    realisasi.append(RealisasiIKU(kode, th, pembilang=pembilang, penyebut=penyebut))
                elif cara == "tw":
                    bulat = bentuk == "hitungan" or konsolidasi == "jumlah"
                    realisasi.append(RealisasiIKU(kode, th, _triwulan(nilai, konsolidasi, rnd, bulat)))
                else:
                    realisasi.append(RealisasiIKU(kode, th, tahunan=round(nilai, 3 if abs(nilai) < 2 else 2)))
            if rnd.random() < 0.4:  # the programs behind some indicators
                for _ in range(rnd.randint(1, 3)):
                    pagu = float(rnd.randint(50, 2500) * 1_000_000)
                    program.append(ProgramIKU(kode, 2024, f"Program penunjang {nama[:40].lower()}",
                                              rnd.choice(("Koordinasi", "Fasilitasi", "Pembinaan", "Pelaksanaan"))
                                              + f" kegiatan {k}", f"{rnd.randint(1, 12)} Kegiatan", pagu,
                                              float(round(pagu * rnd.uniform(0.7, 1.0), -3))))
    kustom = (Skala("kustom", "Skala kustom unit", tuple(Pita(b, lb, w) for b, lb, w in _SKALA_KUSTOM))
              if skala == "kustom" else None)
    return BukuIKU(profil, tuple(indikator), tuple(target), tuple(realisasi), kustom, tuple(program)), \
        (persen, frozenset(kode_persen))


def _format_persen(wb: Any, kode_persen: frozenset[str]) -> None:
    """Staff who type 85 % into percent-formatted cells: the cell holds 0.85."""
    from iku_xl.core.skema import BARIS_JUDUL, REALISASI, TARGET

    for data, kolom in ((TARGET, range(3, 8)), (REALISASI, range(3, 8))):
        ws = wb[data.nama]
        for r in range(BARIS_JUDUL + 1, ws.max_row + 1):
            if ws.cell(r, 1).value not in kode_persen:
                continue
            for c in kolom:
                sel = ws.cell(r, c)
                if isinstance(sel.value, (int, float)):
                    sel.value = sel.value / 100
                    sel.number_format = "0.00%"


def kandidat_persen(i: int) -> bool:
    """Whether unit ``i``'s workbook holds a number 0 < |x| <= 1.5 for a % indicator in its Target
    or Realisasi sheet: a cell whose number format decides its value (0.9 in a percent-formatted
    cell means 90), which a reader without number formats has to look up."""
    buku, (persen, kode_persen) = buat_buku(i)
    satuan = {x.kode: x.satuan for x in buku.indikator}

    def kecil(v: Any, kode: str) -> bool:
        if satuan.get(kode) != "%" or not isinstance(v, (int, float)) or isinstance(v, bool):
            return False
        v = v / 100 if persen and kode in kode_persen else v
        return 0 < abs(v) <= 1.5

    return any(kecil(v, t.kode) for t in buku.target for v in (t.nilai, *t.tw)) or \
        any(kecil(v, r.kode) for r in buku.realisasi for v in (*r.tw, r.tahunan, r.pembilang, r.penyebut))


def benih(i: int, n_benih: int = BENIH) -> int:
    """The unit built with openpyxl that unit ``i`` is derived from (itself when ``i <= n_benih``).

    >>> benih(3), benih(64), benih(65), benih(130), benih(7300)
    (3, 64, 1, 2, 4)
    """
    return i if i <= n_benih else (i - 1) % n_benih + 1


_NAMA_UNIT = re.compile(rb"(?i)(sintetis )(\d{4,})")
_BARIS = re.compile(rb"<row [^>]*>.*?</row>", re.DOTALL)
_SEL_ANGKA = re.compile(rb'(<c r="([A-Z]+)\d+"[^>]*?t="n"[^>]*><v>)([^<]+)(</v>)')
#: Realisasi sheet columns (skema.REALISASI): the quarters and the annual value, then pembilang, penyebut.
_KOLOM_NILAI, _PEMBILANG, _PENYEBUT = (b"C", b"D", b"E", b"F", b"G"), b"H", b"I"


def _ubah_realisasi(xml: bytes, rnd: random.Random) -> bytes:
    """Another unit's realisasi: each fractional figure times a factor in [0.92, 1.08] (not above
    100, nor above 1 for a fraction such as a percent-formatted 0.85 or an index on a 0-1 scale),
    each pembilang moved by up to 2 (within 0..penyebut). Whole counts, years and targets stay."""

    def baris(m: re.Match[bytes]) -> bytes:
        teks = m.group(0)
        sel = {k.group(2): float(k.group(3)) for k in _SEL_ANGKA.finditer(teks)}

        def ganti(k: re.Match[bytes]) -> bytes:
            kolom, v = k.group(2), float(k.group(3))
            if kolom in _KOLOM_NILAI and v != int(v):
                baru = v * rnd.uniform(0.92, 1.08)
                baru = min(baru, 1.0 if v <= 1 else 100.0 if v <= 100 else baru)
                baru = round(baru, 4 if abs(baru) < 1.5 else 2)
            elif kolom == _PEMBILANG and _PENYEBUT in sel and v == int(v):
                baru = float(max(0, min(int(sel[_PENYEBUT]), int(v) + rnd.randint(-2, 2))))
            else:
                return k.group(0)
            return k.group(1) + repr(baru).encode() + k.group(4)

        return _SEL_ANGKA.sub(ganti, teks)

    return _BARIS.sub(baris, xml)


def _bagian_lembar(z: Any, nama: str) -> str:
    """The zip part of the sheet called ``nama`` (workbook.xml and its relationships)."""
    wb = z.read("xl/workbook.xml").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(nama)}"[^>]*r:id="([^"]+)"', wb).group(1)  # type: ignore[union-attr]
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*/>', rels).group(0)  # type: ignore[union-attr]
    target = re.search(r'Target="([^"]+)"', target).group(1)  # type: ignore[union-attr]
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def turunkan(data: bytes, i: int) -> bytes:
    """Unit ``i``'s workbook derived from another unit's saved workbook (``data``): its number
    in every name ("KECAMATAN SINTETIS 0003" -> "... 0067", in the sheets' inline strings and
    shared strings alike) and its realisasi figures changed (:func:`_ubah_realisasi`, drawn from
    ``random.Random(i)``); every other part copied as it is. The zip is written anew."""
    import io
    import zipfile

    rnd = random.Random(i)
    nomor = f"{i:04d}".encode()
    keluar = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, \
            zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zo:
        realisasi = _bagian_lembar(z, "Realisasi")
        for info in z.infolist():
            isi = z.read(info)
            if info.filename.startswith(("xl/worksheets/", "xl/sharedStrings")) and info.filename.endswith(".xml"):
                isi = _NAMA_UNIT.sub(lambda m: m.group(1) + nomor, isi)
                if info.filename == realisasi:
                    isi = _ubah_realisasi(isi, rnd)
            baru = zipfile.ZipInfo(info.filename, date_time=info.date_time)  # the seed's time: the same
            baru.compress_type = zipfile.ZIP_DEFLATED                          # bytes whenever it runs
            zo.writestr(baru, isi, compresslevel=1)
    return keluar.getvalue()


_BENIH_TERBACA: dict[str, bytes] = {}


def tulis_turunan(tugas: tuple[int, str, int]) -> dict[str, Any]:
    """Write unit ``i``'s workbook, derived from its seed unit's file in ``folder``."""
    i, folder, n_benih = tugas
    j = benih(i, n_benih)
    sumber = str(Path(folder) / nama_berkas(j))
    if sumber not in _BENIH_TERBACA:
        _BENIH_TERBACA.clear()  # tasks come grouped by seed: one seed in memory per worker
        _BENIH_TERBACA[sumber] = Path(sumber).read_bytes()
    path = Path(folder) / nama_berkas(i)
    sementara = path.with_name(f".{path.name}.tmp")
    sementara.write_bytes(turunkan(_BENIH_TERBACA[sumber], i))
    os.replace(sementara, path)
    buku, (persen, _) = buat_buku(j)
    return {"i": i, "benih": j, "berkas": path.name, "indikator": len(buku.indikator), "persen": persen,
            "ukuran": path.stat().st_size}


def tulis_unit(tugas: tuple[int, str]) -> dict[str, Any]:
    """Write unit ``i``'s workbook into ``folder``; return what the manifest keeps of it."""
    from iku_xl.workbook.templat import buat_templat

    i, folder = tugas
    buku, (persen, kode_persen) = buat_buku(i)
    wb = buat_templat(buku)
    if persen:
        _format_persen(wb, kode_persen)
    path = Path(folder) / nama_berkas(i)
    sementara = path.with_name(f".{path.name}.tmp")  # not picked up by rekap; renamed when whole
    wb.save(sementara)
    os.replace(sementara, path)
    return {"i": i, "berkas": path.name, "indikator": len(buku.indikator), "persen": persen,
            "ukuran": path.stat().st_size}


def baca_manifest(folder: Path, n: int) -> dict[str, Any] | None:
    """The manifest of a complete generated folder of ``n`` units of this version, else None."""
    try:
        m = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if m.get("versi") != versi() or m.get("n") != n:
        return None
    if {u["berkas"] for u in m["unit"]} != {p.name for p in daftar_berkas(folder)}:
        return None  # a file missing, or one that is not ours (the recap reads the whole folder)
    return m


def siapkan(folder: Path, n: int, proses: int = 0, n_benih: int = BENIH) -> tuple[dict[str, Any], bool]:
    """Generate (or reuse) ``n`` unit workbooks in ``folder``: (manifest, reused?). The first
    ``n_benih`` are built from the template with openpyxl, the rest derived from them (:func:`turunkan`)."""
    m = baca_manifest(folder, n)
    if m is not None and m.get("benih") == min(n, n_benih):
        return m, True
    folder.mkdir(parents=True, exist_ok=True)
    asing = [p.name for p in daftar_berkas(folder) if not _POLA_BERKAS.fullmatch(p.name)]
    if asing:
        raise SystemExit(f"{folder} berisi buku kerja yang bukan buatan benchmark ini ({', '.join(asing[:3])}"
                         f"{', ...' if len(asing) > 3 else ''}); pilih folder kosong atau folder lain dengan --folder")
    (folder / _MANIFEST).unlink(missing_ok=True)
    for p in daftar_berkas(folder):  # ours, of another N or version: made again or not wanted
        p.unlink()
    n_benih = min(n, n_benih)
    tugas = [(i, str(folder)) for i in range(1, n_benih + 1)]
    turunan = sorted(((i, str(folder), n_benih) for i in range(n_benih + 1, n + 1)),
                     key=lambda t: (benih(t[0], n_benih), t[0]))  # grouped by seed
    proses = proses or os.cpu_count() or 1
    mulai = time.perf_counter()
    if proses < 2 or n < 8:
        unit = list(map(tulis_unit, tugas))
        detik_benih = time.perf_counter() - mulai
        unit += list(map(tulis_turunan, turunan))
    else:
        import multiprocessing

        with multiprocessing.Pool(proses) as pool:
            unit = list(pool.imap(tulis_unit, tugas, chunksize=4))
            detik_benih = time.perf_counter() - mulai
            unit += list(pool.imap(tulis_turunan, turunan, chunksize=64))
    unit.sort(key=lambda u: u["i"])
    detik = time.perf_counter() - mulai
    m = {"versi": versi(), "n": n, "detik_buat": detik, "proses_buat": proses, "benih": n_benih,
         "detik_benih": detik_benih, "unit": unit}
    (folder / _MANIFEST).write_text(json.dumps(m, indent=0), encoding="utf-8")
    return m, False


# --------------------------------------------------------------------------------------------
# The measured parts (each run in a fresh subprocess by main())
# --------------------------------------------------------------------------------------------

def daftar_berkas(folder: Path, jumlah: int | None = None) -> list[Path]:
    """The workbooks the recap of ``folder`` reads (as ``iku-xl rekap`` finds them), the first ``jumlah``."""
    berkas = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm")
                    and not p.name.startswith(("~$", ".")))
    return berkas[:jumlah] if jumlah else berkas


def sampel_baseline(berkas: list[Path], ukuran: int) -> list[Path]:
    """A fixed random sample (the same in every run) when there are more files than ``ukuran``."""
    if ukuran <= 0 or len(berkas) <= ukuran:
        return berkas
    return sorted(random.Random(0).sample(berkas, ukuran))


def _lantai_satu(path: str) -> int:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(path)
    n = 0
    for nama in wb.sheet_names:
        n += len(wb.get_sheet_by_name(nama).to_python())
    return n


def di_proses(fungsi: Any, tugas: list[str], proses: int) -> Iterator[Any]:
    """``fungsi`` over ``tugas``, results in order: in this process (``proses`` < 2), or in
    ``proses`` worker processes started as the recap starts them (fork where there is one) and
    fed in batches of the recap's size (:func:`iku_xl.workbook.rekap.ukuran_kelompok`)."""
    if proses < 2:
        yield from map(fungsi, tugas)
        return
    import multiprocessing

    from iku_xl.workbook.rekap import ukuran_kelompok

    metode = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with multiprocessing.get_context(metode).Pool(proses) as pool:
        yield from pool.imap(fungsi, tugas, chunksize=ukuran_kelompok(len(tugas), proses))


def bagian_lantai(berkas: list[Path], proses: int) -> None:
    for _ in di_proses(_lantai_satu, [str(p) for p in berkas], proses):
        pass


def lantai_baca(path: str) -> tuple[str, list[list[Any]]]:
    """The honest floor's reading of one workbook: every sheet with calamine, and the rows it
    writes: the Indikator sheet's rows below the header that have a first cell, cut or padded to
    the Rekap sheet's columns (one per indicator, as many as the recap writes; no IKU logic)."""
    from python_calamine import CalamineWorkbook

    from iku_xl.core.rekap import KOLOM_REKAP
    from iku_xl.core.skema import BARIS_JUDUL

    wb = CalamineWorkbook.from_path(path)
    n = len(KOLOM_REKAP)
    baris: list[list[Any]] = []
    for nama in wb.sheet_names:
        isi = wb.get_sheet_by_name(nama).to_python()
        if nama == "Indikator":
            baris = [(r[:n] + [None] * (n - len(r[:n]))) for r in isi[BARIS_JUDUL:] if r and r[0] != ""]
    return Path(path).name, baris


def tulis_lantai(hasil: Any, tujuan: Path, tahun: int = TAHUN) -> tuple[int, int]:
    """The honest floor's writing: XlsxWriter in constant-memory mode, the recap's own cell formats
    and column widths; the rows of every unit on a "Rekap" sheet, then one row per unit on two more
    sheets (as the recap's summary and ranking). ``hasil``: (file name, rows) per unit.
    Returns (Rekap rows, units)."""
    from dataclasses import replace

    import xlsxwriter

    from iku_xl.core.gaya import GAYA
    from iku_xl.core.rekap import KOLOM_REKAP
    from iku_xl.workbook.rekap import _format, _penulis

    wb = xlsxwriter.Workbook(str(tujuan), {"constant_memory": True, "strings_to_formulas": False,
                                           "strings_to_urls": False})
    f_judul, f_kepala = _format(wb, replace(GAYA["judul"], rata="left")), _format(wb, GAYA["kepala"])
    per_jenis = {"teks": _format(wb, replace(GAYA["sel_teks"], lipat=False)), "angka": _format(wb, GAYA["sel_angka"]),
                 "capaian": _format(wb, GAYA["sel_capaian"])}
    ws, ws_unit, ws_urut = (wb.add_worksheet(n) for n in ("Rekap", "Ringkasan Unit", "Peringkat"))
    ws.write(0, 0, f"REKAP {tahun}", f_judul)
    for k, (judul, lebar, _) in enumerate(KOLOM_REKAP):
        ws.set_column(k, k, lebar)
        ws.write(2, k, judul, f_kepala)
    tulis = _penulis(ws, [per_jenis[j] for _, _, j in KOLOM_REKAP])
    r, unit = 3, []
    for berkas, baris in hasil:
        for b in baris:
            tulis(r, b)
            r += 1
        unit.append((berkas, len(baris)))
    for lembar, f in ((ws_unit, [per_jenis["teks"], per_jenis["angka"]]), (ws_urut, [per_jenis["angka"], per_jenis["teks"]])):
        lembar.write(0, 0, f"RINGKASAN {tahun}", f_judul)
        tulis = _penulis(lembar, f)
        for i, (berkas, n) in enumerate(unit, start=3):
            tulis(i, (berkas, n) if lembar is ws_unit else (i - 2, berkas))
    wb.close()
    return r - 3, len(unit)


def bagian_lantai_jujur(berkas: list[Path], proses: int, tujuan: Path) -> dict[str, Any]:
    """The honest floor: read with ``proses`` processes (:func:`lantai_baca`, results taken in
    order, as the recap takes them) while this process writes (:func:`tulis_lantai`). Then, for
    the two parts: the same rows written again alone (the write part)."""
    tugas = [str(p) for p in berkas]
    kept: list[tuple[str, list[list[Any]]]] = []

    def simpan(it: Any) -> Any:
        for h in it:
            kept.append(h)
            yield h

    mulai = time.perf_counter()
    baris, _ = tulis_lantai(simpan(di_proses(lantai_baca, tugas, proses)), tujuan)
    total = time.perf_counter() - mulai
    mulai = time.perf_counter()
    tulis_lantai(iter(kept), tujuan.with_name("tulis-saja.xlsx"))
    return {"detik": total, "detik_tulis": time.perf_counter() - mulai, "baris": baris}


def bagian_lantai_baca(berkas: list[Path], proses: int) -> None:
    """The honest floor's read part alone: :func:`lantai_baca` in ``proses`` processes, rows
    sent back, nothing written."""
    for _ in di_proses(lantai_baca, [str(p) for p in berkas], proses):
        pass


def bagian_baseline(berkas: list[Path]) -> None:
    import pandas as pd

    frame: dict[str, list[Any]] = {"Indikator": [], "Target": [], "Realisasi": []}
    for p in berkas:
        lembar = pd.read_excel(p, sheet_name=None, engine="openpyxl", header=2)
        for nama, daftar in frame.items():
            if nama in lembar:
                df = lembar[nama]
                df["Berkas"] = p.name
                daftar.append(df)
    gabung = {nama: pd.concat(daftar, ignore_index=True) for nama, daftar in frame.items() if daftar}
    assert gabung  # keep the result alive until here


def jalankan_bagian(args: argparse.Namespace) -> None:
    """One measured part in this (fresh) process; prints one JSON line."""
    import resource

    folder = args.folder
    proses = args.proses or os.cpu_count() or 1
    # the recap lists its folder itself: no list of N paths made here first, whose memory would
    # count in this process's peak (a folder of the first N/5 files is made by _ukur)
    berkas = daftar_berkas(folder, args.jumlah) if args.bagian != "rekap" or args.jumlah else []
    if args.bagian == "rekap":
        from iku_xl.workbook.rekap import rekap

        with tempfile.TemporaryDirectory() as tmp:
            sumber = [folder] if not args.jumlah else berkas
            mulai = time.perf_counter()
            hasil = rekap(sumber, TAHUN, Path(tmp) / "rekap.xlsx", proses=proses)
            detik = time.perf_counter() - mulai
            info: dict[str, Any] = {"hasil": list(hasil), "ukuran_keluaran": (Path(tmp) / "rekap.xlsx").stat().st_size}
        jumlah_berkas = hasil[0]
    elif args.bagian == "baca-hitung":
        from iku_xl.workbook.rekap import hasil_berurutan, kumpulkan

        mulai = time.perf_counter()
        with hasil_berurutan(kumpulkan([folder] if not args.jumlah else berkas), TAHUN, proses) as hasil:
            for _ in hasil:  # every unit read and computed as the recap does; nothing written
                pass
        detik = time.perf_counter() - mulai
        info = {}
    elif args.bagian == "lantai-jujur":
        import python_calamine  # noqa: F401  (the imports are not the floor)
        import xlsxwriter  # noqa: F401

        with tempfile.TemporaryDirectory() as tmp:
            info = bagian_lantai_jujur(berkas, proses, Path(tmp) / "lantai.xlsx")
        detik = info.pop("detik")
    elif args.bagian == "lantai-baca":
        import python_calamine  # noqa: F401

        mulai = time.perf_counter()
        bagian_lantai_baca(berkas, proses)
        detik = time.perf_counter() - mulai
        info = {"proses": proses}
    elif args.bagian in ("lantai", "lantai-k"):
        import python_calamine  # noqa: F401  (the import is not the floor)

        k = 1 if args.bagian == "lantai" else proses
        mulai = time.perf_counter()
        bagian_lantai(berkas, k)
        detik = time.perf_counter() - mulai
        info = {"proses": k}
    elif args.bagian == "baseline":
        import pandas  # noqa: F401

        berkas = sampel_baseline(berkas, args.sampel)
        mulai = time.perf_counter()
        bagian_baseline(berkas)
        detik = time.perf_counter() - mulai
        info = {}
    else:
        raise SystemExit(f"bagian tidak dikenal: {args.bagian}")
    skala = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    sendiri = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * skala
    anak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * skala  # the largest worker
    if args.bagian != "rekap":
        jumlah_berkas = len(berkas)
    print(json.dumps({"detik": detik, "berkas": jumlah_berkas, "rss": _puncak_sendiri(sendiri), "rss_anak": anak,
                      **info}))


def _puncak_sendiri(ru_maxrss: int) -> int:
    """This process's peak RSS. On Linux ``ru_maxrss`` keeps, across exec, the peak of the process
    that started this one (the generator, a test runner): there the new address space's own
    high-water mark (VmHWM) is read instead."""
    try:
        for baris in Path("/proc/self/status").read_text().splitlines():
            if baris.startswith("VmHWM:"):
                return int(baris.split()[1]) * 1024
    except OSError:
        pass
    return ru_maxrss


def _ukur(args: argparse.Namespace, bagian: str, jumlah: int | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if jumlah and bagian == "rekap":
            # the recap of the first N/5 files reads a folder of its own (hard links), as the recap
            # of all N does: a list of paths handed over would be memory of this benchmark's own
            try:
                for p in daftar_berkas(args.folder, jumlah):
                    os.link(p, Path(tmp) / p.name)
                folder, jumlah = Path(tmp), None
            except OSError:  # no hard links here (another file system): the list of paths, as before
                pass
        perintah = [sys.executable, str(Path(__file__).resolve()), "--bagian", bagian, "--folder", str(folder),
                    "--n", str(args.n), "--sampel", str(args.sampel)]
        if args.proses:
            perintah += ["--proses", str(args.proses)]
        if jumlah:
            perintah += ["--jumlah", str(jumlah)]
        keluar = subprocess.run(perintah, check=True, capture_output=True, text=True)
        return json.loads(keluar.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

# The machine's load: benchmarks/mesin.py (these names stay importable from here).
_cpu_sibuk, _cpu_anak, cetak_cpu_lain = mesin.cpu_sibuk, mesin.cpu_anak, mesin.cetak_cpu_lain


def _mib(b: float) -> str:
    return f"{b / 2**20:6.0f} MiB"


def _ya(ok: bool) -> str:
    return "ya" if ok else "tidak"


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=500, help="unit workbooks to generate and recap (default 500)")
    p.add_argument("--folder", type=Path, default=None,
                   help="where the unit workbooks are (generated there unless complete); "
                        "default: a folder under the system temp dir named by N and the generator version")
    p.add_argument("--proses", type=int, default=0,
                   help="processes for the recap and the K-process floor (default: every core)")
    p.add_argument("--ulang", type=int, default=3, help="runs of each part, interleaved (default 3)")
    p.add_argument("--sampel", type=int, default=SAMPEL_BASELINE,
                   help="time the baseline on a fixed random sample of this many files (0: all; default 200)")
    p.add_argument("--cek-memori", action="store_true",
                   help="also recap the first N/5 files and compare the peak memory with N")
    p.add_argument("--bagian", choices=BAGIAN, help=argparse.SUPPRESS)
    p.add_argument("--jumlah", type=int, default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.folder is None:
        args.folder = Path(tempfile.gettempdir()) / f"iku-xl-bench-rekap-v{versi()}-n{args.n}"
    if args.bagian:
        jalankan_bagian(args)
        return

    inti = os.cpu_count() or 1
    k = args.proses or inti
    manifest, dipakai_ulang = siapkan(args.folder, args.n)
    unit = manifest["unit"]
    for u in unit:  # the files in the page cache for every part alike
        (args.folder / u["berkas"]).read_bytes()
    n = len(unit)
    n_base = min(n, args.sampel) if args.sampel > 0 else n

    sibuk_awal, anak_awal, jam_awal = _cpu_sibuk(), _cpu_anak(), time.perf_counter()
    ukur: dict[str, list[dict[str, Any]]] = {b: [] for b in BAGIAN}
    for _ in range(args.ulang):
        for bagian, hasil in ukur.items():
            hasil.append(_ukur(args, bagian))
    kecil = None
    if args.cek_memori:
        kecil = [_ukur(args, "rekap", max(1, n // 5)) for _ in range(args.ulang)]

    sibuk_akhir, anak_akhir, jam_akhir = _cpu_sibuk(), _cpu_anak(), time.perf_counter()

    def ms(bagian: str) -> float:
        hasil = ukur[bagian]
        return statistics.median(h["detik"] for h in hasil) / hasil[0]["berkas"] * 1000

    def puncak(hasil: list[dict[str, Any]]) -> tuple[float, float]:
        return max(h["rss"] for h in hasil), max(h["rss_anak"] for h in hasil)

    ms_lantai, ms_lantai_k, ms_rekap, ms_base = ms("lantai"), ms("lantai-k"), ms("rekap"), ms("baseline")
    ms_baca, ms_jujur, ms_jujur_baca = ms("baca-hitung"), ms("lantai-jujur"), ms("lantai-baca")
    ms_jujur_tulis = statistics.median(h["detik_tulis"] for h in ukur["lantai-jujur"]) / n * 1000
    berkas, direkap, bermasalah = ukur["rekap"][0]["hasil"]
    ukuran = statistics.mean(u["ukuran"] for u in unit) / 1024
    print(f"mesin              : {inti} inti (os.cpu_count), Python {platform.python_version()}, "
          f"{platform.system()} {platform.machine()}")
    buat = manifest["detik_buat"]
    print(f"buku kerja unit    : {n} di {args.folder} (rata-rata {ukuran:.0f} KiB, "
          f"{statistics.mean(u['indikator'] for u in unit):.1f} indikator)")
    n_benih, d_benih = manifest.get("benih", n), manifest.get("detik_benih", buat)
    print(f"  pembuatan        : {buat:.1f} s ({buat / n * 1000:.1f} ms/buku, {manifest['proses_buat']} proses)"
          + ("; dipakai ulang dari cache" if dipakai_ulang else "") + "; tidak termasuk rasio mana pun")
    print(f"    {n_benih} dari templat dengan openpyxl: {d_benih / n_benih * 1000:.0f} ms/buku"
          + (f"; {n - n_benih} turunan di tingkat XML: {(buat - d_benih) / (n - n_benih) * 1000:.1f} ms/buku"
             if n > n_benih else ""))
    print(f"  sel berformat persen: {sum(u['persen'] for u in unit)} dari {n} berkas; angka 0<x<=1,5 pada "
          f"indikator % (kandidat persen): {sum(kandidat_persen(u.get('benih', u['i'])) for u in unit)} dari {n}")
    print(f"hasil rekap        : {berkas} berkas, {direkap} unit direkap, {bermasalah} bermasalah; lantai jujur menulis "
          f"{ukur['lantai-jujur'][0]['baris']} baris Rekap")
    print(f"waktu per buku kerja (median {args.ulang} kali; tanpa start-up Python):")
    baris = (("(a) rekap", f"{k} proses", ms_rekap, "rekap"),
             ("(c) lantai jujur: baca + tulis", f"{k} proses", ms_jujur, "lantai-jujur"),
             ("    bagian baca (calamine)", f"{k} proses", ms_jujur_baca, "lantai-baca"),
             ("    bagian tulis (XlsxWriter)", "1 proses", ms_jujur_tulis, None),
             ("(b) baseline pandas/openpyxl", "1 proses", ms_base, "baseline"),
             ("    rekap tanpa menulis", f"{k} proses, acuan", ms_baca, "baca-hitung"),
             ("    lantai lama: baca saja", "1 proses, acuan", ms_lantai, "lantai"),
             ("    lantai lama: baca saja", f"{k} proses, acuan", ms_lantai_k, "lantai-k"))
    for label, keterangan, nilai, _ in baris:
        catatan = (f"sampel {n_base} dari {n}, diekstrapolasi: ~{nilai * n / 1000:.0f} s untuk {n}"
                   if label.startswith("(b)") and n_base < n else f"total {nilai * n / 1000:.2f} s")
        print(f"  {label + ', ' + keterangan:46s}: {nilai:8.2f} ms  ({catatan})")
    detik_rekap = statistics.median(h["detik"] for h in ukur["rekap"])
    print(f"rekap seluruhnya   : {detik_rekap:.1f} s untuk {n} berkas, {k} proses"
          + (f" (sasaran 7.300 berkas < 60 s: {_ya(detik_rekap <= 60)})" if n >= 7300 else ""))
    r_base, r_jujur = ms_base / ms_rekap, ms_rekap / ms_jujur
    print(f"rasio baseline/rekap                 : {r_base:6.2f}  (sasaran >= 10 : {_ya(r_base >= 10)})")
    print(f"rasio rekap/lantai jujur             : {r_jujur:6.2f}  (sasaran <= 1,5: {_ya(r_jujur <= 1.5)})")
    print(f"rasio rekap tanpa menulis/bagian baca: {ms_baca / ms_jujur_baca:6.2f}  (acuan saja)")
    print(f"rasio rekap/lantai lama 1 proses     : {ms_rekap / ms_lantai:6.2f}  (acuan saja: yardstick issue 5)")
    print(f"rasio rekap/lantai lama {k} proses     : {ms_rekap / ms_lantai_k:6.2f}  (acuan saja)")
    cetak_cpu_lain(sibuk_awal, anak_awal, jam_awal, sibuk_akhir, anak_akhir, jam_akhir)
    print("puncak memori (proses induk / pekerja terbesar):")
    for label, keterangan, _, bagian in baris:
        if bagian is None:
            continue
        induk, anak = puncak(ukur[bagian])
        print(f"  {label + ', ' + keterangan:46s}: {_mib(induk)} / " + (_mib(anak) if anak else "     -"))
    if kecil is None:
        print("memori tidak tumbuh dengan N: belum diperiksa (jalankan dengan --cek-memori)")
    else:
        (i_k, a_k), (i_b, a_b) = puncak(kecil), puncak(ukur["rekap"])
        r_induk, r_anak = i_b / i_k, (a_b / a_k if a_k and a_b else 1.0)
        rasio = max(r_induk, r_anak)
        print(f"memori rekap (induk / pekerja), {kecil[0]['berkas']} berkas: {_mib(i_k).strip()} / "
              f"{_mib(a_k).strip() if a_k else '-'}; {n} berkas: {_mib(i_b).strip()} / "
              f"{_mib(a_b).strip() if a_b else '-'}; rasio {r_induk:.2f} / {r_anak:.2f}")
        n_k = kecil[0]["berkas"]
        if n > n_k:
            print(f"  pertumbuhan per berkas tambahan: induk {(i_b - i_k) / (n - n_k) / 1024:.2f} KiB, pekerja "
                  f"{(a_b - a_k) / (n - n_k) / 1024:.2f} KiB")
        print(f"memori tidak tumbuh dengan N: {_ya(rasio <= BATAS_TUMBUH)} (rasio terbesar {rasio:.2f}, "
              f"batas {BATAS_TUMBUH})")


if __name__ == "__main__":
    main()
