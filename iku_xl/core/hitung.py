"""A year's numbers for every indicator of a workbook: the rows of the Laporan Capaian.

>>> from iku_xl.core.model import BukuIKU, Indikator, Profil, RealisasiIKU, TargetIKU
>>> buku = BukuIKU(Profil(tahun=2024),
...     (Indikator("1.1", "Sasaran A", "Jumlah kegiatan PKK", "Kegiatan", konsolidasi="jumlah"),),
...     (TargetIKU("1.1", 2024, 12.0),),
...     (RealisasiIKU("1.1", 2024, tw=(3.0, 3.0, 4.0, 3.0)),))
>>> [baris], masalah = hitung_buku(buku, 2024)
>>> baris.realisasi, round(baris.capaian.nilai, 2), baris.predikat
(13.0, 108.33, 'Sangat Tinggi')
"""

from __future__ import annotations

from iku_xl.core.capaian import rinci_capaian
from iku_xl.core.errors import DataTidakValid, Masalah
from iku_xl.core.konsolidasi import realisasi_rasio, realisasi_tahunan
from iku_xl.core.model import (
    teks_angka,
    BarisIKU,
    BukuIKU,
    HasilCapaian,
    Indikator,
    NilaiHuruf,
    Realisasi,
    RealisasiIKU,
    Skala,
    Target,
)
from iku_xl.core.predikat import pilih_skala, predikat
from iku_xl.core.skema import REALISASI, TARGET



def realisasi_dari(rek: RealisasiIKU, indikator: Indikator) -> tuple[Realisasi | None, list[Masalah]]:
    """The year's realisasi of one record: typed directly, else from pembilang/penyebut,
    else from the quarters. Disagreeing sources are reported, never silently chosen."""
    masalah: list[Masalah] = []
    kode, lembar = rek.kode, REALISASI.nama

    def catat(tingkat: str, pesan: str, saran: str = "") -> None:
        masalah.append(Masalah(tingkat, pesan, saran, lembar, f"baris {rek.baris}" if rek.baris else None,
                               kode))  # type: ignore[arg-type]

    try:
        rasio = realisasi_rasio(rek.pembilang, rek.penyebut)
    except DataTidakValid as e:
        catat("galat", e.pesan, e.saran)
        rasio = None
    if (rek.pembilang is None) != (rek.penyebut is None):
        catat("peringatan", "hanya salah satu dari pembilang dan penyebut yang diisi",
              "Isi keduanya, atau kosongkan keduanya.")
    try:
        tw = realisasi_tahunan(rek.tw, indikator.konsolidasi)
    except DataTidakValid as e:
        catat("galat", e.pesan, e.saran)
        tw = None
    for p in tw.peringatan if tw else ():
        catat("peringatan", p, "Periksa angka triwulan; nilai kumulatif tidak boleh turun.")
    sumber = [(n, v) for n, v in (("Realisasi Tahunan", rek.tahunan), ("pembilang/penyebut", rasio),
                                  (f"konsolidasi triwulan ({indikator.konsolidasi})", tw.nilai if tw else None))
              if v is not None]
    if not sumber:
        return None, masalah
    dipakai, nilai = sumber[0]
    for nama, lain in sumber[1:]:
        if _beda(nilai, lain):
            catat("peringatan", f"{dipakai} ({teks_angka(nilai)}) berbeda dari {nama} ({teks_angka(lain)}); "
                  f"yang dipakai: {dipakai}", "Samakan angkanya atau kosongkan salah satu.")
    return nilai, masalah


def _beda(a: Realisasi, b: Realisasi) -> bool:
    if isinstance(a, NilaiHuruf) or isinstance(b, NilaiHuruf):
        return a != b
    return abs(a - b) > 1e-9 * max(1.0, abs(a), abs(b))


def target_renstra(buku: BukuIKU, kode: str) -> tuple[int | None, Target | None]:
    """The Renstra's end target: the target of Tahun Akhir Renstra, else of the last year given."""
    tahun = buku.profil.tahun_akhir_renstra
    if tahun is None:
        tahun = max((t.tahun for t in buku.target_kode(kode) if t.nilai is not None), default=None)
    if tahun is None:
        return None, None
    t = buku.target_dari(kode, tahun)
    return tahun, (t.nilai if t else None)


def hitung_baris(buku: BukuIKU, ind: Indikator, tahun: int, skala: Skala, *,
                 pembanding: bool = True) -> tuple[BarisIKU, list[Masalah]]:
    """One indicator's row for one year; with ``pembanding`` also the report's comparison columns
    (last year's realisasi, the Renstra target and its capaian), which raise no problem of their own."""
    masalah: list[Masalah] = []
    metode = ind.metode_negatif or buku.profil.metode_negatif
    t_rek = buku.target_dari(ind.kode, tahun)
    target = t_rek.nilai if t_rek else None
    realisasi: Realisasi | None = None
    r_rek = buku.realisasi_dari(ind.kode, tahun)
    if r_rek is not None:
        realisasi, m = realisasi_dari(r_rek, ind)
        masalah += m
    try:
        capaian = rinci_capaian(target, realisasi, ind.polaritas, metode)
    except DataTidakValid as e:
        sel = f"baris {r_rek.baris}" if r_rek and r_rek.baris else None
        masalah.append(e.di(lembar=REALISASI.nama, sel=sel, kode=ind.kode).sebagai_masalah())
        capaian = HasilCapaian(None, alasan="realisasi tidak sesuai jenis target")
    for p in capaian.peringatan:
        masalah.append(Masalah("peringatan", f"{p} (target {teks_angka(target)}, realisasi {teks_angka(realisasi)})",
                               "Periksa target dan realisasi.", TARGET.nama, None, ind.kode))
    realisasi_lalu = target_r = tahun_r = capaian_r = None
    if pembanding:
        lalu = buku.realisasi_dari(ind.kode, tahun - 1)
        realisasi_lalu = realisasi_dari(lalu, ind)[0] if lalu else None
        tahun_r, target_r = target_renstra(buku, ind.kode)
        if target_r is not None and realisasi is not None:
            try:
                capaian_r = rinci_capaian(target_r, realisasi, ind.polaritas, metode).nilai
            except DataTidakValid:
                capaian_r = None  # already reported for the year's own target
    baris = BarisIKU(ind, tahun, target, realisasi, capaian, predikat(capaian.nilai, skala),
                     realisasi_lalu, target_r, tahun_r, capaian_r)
    return baris, masalah


def hitung_buku(buku: BukuIKU, tahun: int, *, pembanding: bool = True) -> tuple[list[BarisIKU], list[Masalah]]:
    """Every indicator's row for ``tahun``, in sheet order, with the problems found (the same
    with or without the comparison columns: see :func:`hitung_baris`)."""
    skala = pilih_skala(buku.profil.skala, buku.skala_kustom)
    hasil: list[BarisIKU] = []
    masalah: list[Masalah] = []
    for ind in buku.indikator:
        baris, m = hitung_baris(buku, ind, tahun, skala, pembanding=pembanding)
        hasil.append(baris)
        masalah += m
    return hasil, masalah
