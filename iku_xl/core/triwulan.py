"""Quarterly monitoring of the Rencana Aksi: each indicator's numbers up to quarter N.

DOMAIN.md sections 2, 4 and 11. The quarter's target and the realisasi up to quarter N
follow the indicator's jenis konsolidasi:

- jumlah: realisasi TW I..N summed, against Target Triwulan I..N summed;
- nilai terakhir and kumulatif: the latest quarter filled in (up to N), against Target
  Triwulan N;
- rata-rata: the mean of the quarters filled in, against the mean of Target Triwulan I..N.

Capaian uses the year's own rule (:func:`~iku_xl.core.capaian.rinci_capaian`, with the
indicator's polaritas and metode); the progress compares the realisasi so far with the annual
target by the same rule. A missing quarterly target is said, never taken as 0.

>>> from iku_xl.core.model import BukuIKU, Indikator, Profil, RealisasiIKU, TargetIKU
>>> buku = BukuIKU(Profil(tahun=2024),
...     (Indikator("1.1", "Sasaran A", "Jumlah kegiatan PKK", "Kegiatan", konsolidasi="jumlah"),),
...     (TargetIKU("1.1", 2024, 12.0, (3.0, 3.0, 3.0, 3.0)),),
...     (RealisasiIKU("1.1", 2024, tw=(2.0, 4.0, None, None)),))
>>> [b], masalah = hitung_triwulan(buku, 2024, 2)
>>> b.target_tw, b.realisasi, b.capaian.nilai, b.progres.nilai, b.predikat
(6.0, 6.0, 100.0, 50.0, 'Sangat Tinggi')
"""

from __future__ import annotations

from dataclasses import dataclass

from iku_xl.core.capaian import rinci_capaian
from iku_xl.core.errors import DataTidakValid, Masalah
from iku_xl.core.konsolidasi import realisasi_tahunan
from iku_xl.core.model import BukuIKU, HasilCapaian, Indikator, Realisasi, Rentang, Skala, Target
from iku_xl.core.parse import parse_konsolidasi
from iku_xl.core.predikat import pilih_skala, predikat
from iku_xl.core.skema import REALISASI, TARGET

ROMAWI = ("I", "II", "III", "IV")
TARGET_TW_KOSONG = "target triwulan belum diisi"


@dataclass(frozen=True)
class BarisTriwulan:
    """One indicator's row of the quarterly monitoring."""

    indikator: Indikator
    tahun: int
    triwulan: int
    target_tw: Target | None  # the quarter's target by konsolidasi
    realisasi: Realisasi | None  # up to the quarter, by konsolidasi
    capaian: HasilCapaian
    target_tahunan: Target | None
    progres: HasilCapaian  # the realisasi so far against the annual target
    predikat: str | None
    rencana_aksi: str = ""


def target_triwulan(tw: tuple[Target | None, ...], triwulan: int, konsolidasi: object
                    ) -> tuple[Target | None, str]:
    """The target quarter ``triwulan`` is measured against, or None with the reason.

    >>> target_triwulan((3.0, 4.0, None, None), 2, "jumlah")
    (7.0, '')
    >>> target_triwulan((3.0, None, 5.0, None), 3, "jumlah")
    (None, 'target triwulan belum diisi (TW II)')
    >>> target_triwulan((80.0, 85.0, 90.0, 95.0), 3, "nilai terakhir")
    (90.0, '')
    >>> target_triwulan((80.0, 85.0, None, None), 3, "kumulatif")
    (None, 'target triwulan belum diisi (TW III)')
    >>> target_triwulan((80.0, 90.0, 70.0, None), 3, "rata-rata")
    (80.0, '')
    >>> target_triwulan((Rentang(1, 2), 3.0, None, None), 2, "jumlah")
    (None, 'target triwulan berupa rentang atau predikat tidak dapat di-jumlah')
    """
    if not 1 <= triwulan <= 4:
        raise DataTidakValid(f"triwulan {triwulan} tidak ada", nilai=triwulan, saran="Pilih triwulan 1 sampai 4.")
    cara = parse_konsolidasi(konsolidasi)
    if cara in ("nilai terakhir", "kumulatif"):
        t = tw[triwulan - 1]
        return (t, "") if t is not None else (None, f"{TARGET_TW_KOSONG} (TW {ROMAWI[triwulan - 1]})")
    sejauh = list(tw[:triwulan])
    kosong = [ROMAWI[i] for i, t in enumerate(sejauh) if t is None]
    if kosong:
        return None, f"{TARGET_TW_KOSONG} (TW {', '.join(kosong)})"
    if any(not isinstance(t, float | int) for t in sejauh):
        return None, f"target triwulan berupa rentang atau predikat tidak dapat di-{cara}"
    jumlah = sum(float(t) for t in sejauh)  # type: ignore[arg-type]
    return (jumlah if cara == "jumlah" else jumlah / len(sejauh)), ""


def hitung_baris_triwulan(buku: BukuIKU, ind: Indikator, tahun: int, triwulan: int,
                          skala: Skala) -> tuple[BarisTriwulan, list[Masalah]]:
    """One indicator's quarterly row, with the problems found."""
    masalah: list[Masalah] = []
    metode = ind.metode_negatif or buku.profil.metode_negatif
    t_rek = buku.target_dari(ind.kode, tahun)
    r_rek = buku.realisasi_dari(ind.kode, tahun)
    target_tw, alasan = target_triwulan(t_rek.tw if t_rek else (None,) * 4, triwulan, ind.konsolidasi)
    realisasi: Realisasi | None = None
    if r_rek is not None:
        try:
            realisasi = realisasi_tahunan(r_rek.tw[:triwulan], ind.konsolidasi).nilai
        except DataTidakValid as e:
            sel = f"baris {r_rek.baris}" if r_rek.baris else None
            masalah.append(e.di(lembar=REALISASI.nama, sel=sel, kode=ind.kode).sebagai_masalah())

    def nilai(target: Target | None) -> HasilCapaian:
        try:
            return rinci_capaian(target, realisasi, ind.polaritas, metode)
        except DataTidakValid as e:
            sel = f"baris {r_rek.baris}" if r_rek and r_rek.baris else None
            masalah.append(e.di(lembar=REALISASI.nama, sel=sel, kode=ind.kode).sebagai_masalah())
            return HasilCapaian(None, alasan="realisasi tidak sesuai jenis target")

    if alasan:
        capaian = HasilCapaian(None, alasan=alasan)
        masalah.append(Masalah("peringatan", alasan, f"Isi Target Triwulan di lembar Target untuk tahun {tahun}.",
                               TARGET.nama, f"baris {t_rek.baris}" if t_rek and t_rek.baris else None, ind.kode))
    else:
        capaian = nilai(target_tw)
    target_tahunan = t_rek.nilai if t_rek else None
    progres = nilai(target_tahunan)
    rencana = t_rek.rencana_aksi[triwulan - 1] if t_rek else ""
    return BarisTriwulan(ind, tahun, triwulan, target_tw, realisasi, capaian, target_tahunan, progres,
                         predikat(capaian.nilai, skala), rencana), masalah


def hitung_triwulan(buku: BukuIKU, tahun: int, triwulan: int) -> tuple[list[BarisTriwulan], list[Masalah]]:
    """Every indicator's quarterly row for ``tahun`` up to ``triwulan`` (1-4), in sheet order."""
    skala = pilih_skala(buku.profil.skala, buku.skala_kustom)
    hasil: list[BarisTriwulan] = []
    masalah: list[Masalah] = []
    for ind in buku.indikator:
        b, m = hitung_baris_triwulan(buku, ind, tahun, triwulan, skala)
        hasil.append(b)
        masalah += m
    return hasil, masalah
