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

from collections.abc import Callable, Sequence

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
    Responden,
    Skala,
    Target,
)
from iku_xl.core.polaritas import bulatkan
from iku_xl.core.predikat import pilih_skala, predikat
from iku_xl.core.skema import REALISASI, TARGET



def realisasi_dari(rek: RealisasiIKU, indikator: Indikator, survei: Sequence[Responden]
                   ) -> tuple[Realisasi | None, list[Masalah]]:
    """The year's realisasi of one record (see :func:`rinci_realisasi`)."""
    nilai, masalah, _ = rinci_realisasi(rek, indikator, survei)
    return nilai, masalah


def rinci_realisasi(rek: RealisasiIKU, indikator: Indikator, survei: Sequence[Responden]
                    ) -> tuple[Realisasi | None, list[Masalah], str]:
    """The year's realisasi of one record, the problems, and the Keterangan on where it came from.

    With Sumber Realisasi = Survei IKM it is the IKM of the survey's periods (``survei``: the
    workbook's respondents), rounded as the regulation reports it; a value typed on the row is not
    used, and one that differs from the IKM is reported. Otherwise: typed directly, else from
    pembilang/penyebut, else from the quarters. Disagreeing sources are reported, never silently
    chosen. The Keterangan is empty, or says where an IKM came from or why there is none."""
    masalah: list[Masalah] = []
    kode, lembar = rek.kode, REALISASI.nama

    def catat(tingkat: str, pesan: str, saran: str = "", sel: str | None = None) -> None:
        masalah.append(Masalah(tingkat, pesan, saran, lembar, sel or (f"baris {rek.baris}" if rek.baris else None),
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
    sumber = [(n, v, sel) for n, v, sel in (
        ("Realisasi Tahunan", rek.tahunan, rek.sel("tahunan")),
        ("pembilang/penyebut", rasio, rek.sel("pembilang", "penyebut")),
        (f"konsolidasi triwulan ({indikator.konsolidasi})", tw.nilai if tw else None, rek.sel("tw1", "tw4")))
        if v is not None]
    if rek.sumber is not None:
        nilai_ikm, ket = _dari_survei(rek, survei, sumber, catat)
        return nilai_ikm, masalah, ket
    if not sumber:
        return None, masalah, ""
    dipakai, nilai, _ = sumber[0]
    for nama, lain, _ in sumber[1:]:
        if _beda(nilai, lain):
            catat("peringatan", f"{dipakai} ({teks_angka(nilai)}) berbeda dari {nama} ({teks_angka(lain)}); "
                  f"yang dipakai: {dipakai}", "Samakan angkanya atau kosongkan salah satu.")
    return nilai, masalah, ""


def _dari_survei(rek: RealisasiIKU, survei: Sequence[Responden],
                 diketik: Sequence[tuple[str, Realisasi, str | None]],
                 catat: Callable[..., None]) -> tuple[float | None, str]:
    """The realisasi of a row whose source is the survey, and the values typed on it checked against it."""
    from iku_xl.core.ikm import DESIMAL_IKM, ikm_realisasi, teks_ikm  # only a survey-fed row needs the IKM

    assert rek.sumber is not None
    hasil = ikm_realisasi(survei, rek.sumber.periode, rek.tahun)
    for pesan, saran in hasil.galat:
        catat("galat", f"Sumber Realisasi \"{rek.sumber}\": {pesan}", saran, rek.sel("sumber"))
    if hasil.nilai is None and hasil.ringkasan is not None:
        catat("peringatan", f"realisasi {rek.tahun} dari Survei IKM kosong: {hasil.keterangan}",
              "Periksa jawaban unsur itu di lembar Survei IKM; capaian dibiarkan kosong.", rek.sel("sumber"))
    if hasil.nilai is not None:
        for nama, nilai, sel in diketik:
            if not isinstance(nilai, float) or abs(bulatkan(nilai, DESIMAL_IKM) - hasil.nilai) >= _SELISIH_IKM:
                catat("peringatan", f"{nama} yang diketik ({teks_angka(nilai)}) berbeda dari IKM Survei IKM "
                      f"{'; '.join(hasil.periode)} ({teks_ikm(hasil.nilai)}); yang dipakai: IKM dari survei",
                      f"Hapus angka yang diketik di {sel} (Sumber Realisasi = Survei IKM), atau perbaiki "
                      "jawaban di lembar Survei IKM bila angka ketikan itu yang benar.", sel)
    return hasil.nilai, hasil.keterangan


#: A typed realisasi differs from the survey's IKM from this much, both rounded to 2 decimals.
_SELISIH_IKM = 0.01 - 1e-9


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
    asal = ""
    r_rek = buku.realisasi_dari(ind.kode, tahun)
    if r_rek is not None:
        realisasi, m, asal = rinci_realisasi(r_rek, ind, buku.survei)
        masalah += m
    try:
        capaian = rinci_capaian(target, realisasi, ind.polaritas, metode)
        if realisasi is None and asal:  # the survey gave no IKM: say why, not "belum diisi"
            capaian, asal = HasilCapaian(None, alasan=asal), ""
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
        realisasi_lalu = realisasi_dari(lalu, ind, buku.survei)[0] if lalu else None
        tahun_r, target_r = target_renstra(buku, ind.kode)
        if target_r is not None and realisasi is not None:
            try:
                capaian_r = rinci_capaian(target_r, realisasi, ind.polaritas, metode).nilai
            except DataTidakValid:
                capaian_r = None  # already reported for the year's own target
    baris = BarisIKU(ind, tahun, target, realisasi, capaian, predikat(capaian.nilai, skala),
                     realisasi_lalu, target_r, tahun_r, capaian_r, asal)
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
