"""Rekap across many units: one row per unit and indicator, a summary per unit, a ranking.

Pure: a front end reads each workbook into a :class:`Lembaran`, calls :func:`rekap_unit`
(the same job as the Laporan Capaian: :func:`iku_xl.core.tugas.hitung_tahun`), and writes
the rows as they come, so memory stays flat however many units there are. Only the small
per-unit summaries are kept for the ranking.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from iku_xl.core.baca import Lembaran
from iku_xl.core.errors import Masalah, ada_galat
from iku_xl.core.dokumen.laporan import rata_rata_capaian
from iku_xl.core.model import BarisIKU, BukuIKU, nilai_sel
from iku_xl.core.tugas import hitung_tahun

#: The Rekap sheet's columns: header, width, kind ("teks", "angka", "capaian").
KOLOM_REKAP = (("Unit", 28, "teks"), ("Kabupaten/Kota", 20, "teks"), ("Kode", 7, "teks"),
               ("Sasaran Strategis", 34, "teks"), ("Indikator Kinerja", 40, "teks"), ("Satuan", 9, "teks"),
               ("Target", 10, "angka"), ("Realisasi", 10, "angka"), ("Capaian (%)", 11, "capaian"),
               ("Predikat", 15, "teks"), ("Berkas", 30, "teks"))


@dataclass(frozen=True, slots=True)
class RingkasanUnit:
    """One unit's numbers for the summary and the ranking (kept for every unit until the end of a
    recap: slots, no per-object dict)."""

    unit: str
    berkas: str
    jumlah_indikator: int
    rata_rata: float | None  # mean capaian of the indicators that have one
    per_predikat: tuple[tuple[str, int], ...]  # in the order of the unit's scale
    tanpa_realisasi: int


@dataclass(frozen=True)
class HasilUnit:
    """What reading one workbook gave: its recap rows and summary, or why it could not be used.

    Small and picklable: workers send it to the writer.
    """

    berkas: str
    baris: tuple[tuple[object, ...], ...] = ()
    ringkasan: RingkasanUnit | None = None
    galat: tuple[str, ...] = ()


def baris_rekap(unit: str, kabupaten: str, berkas: str, baris: Sequence[BarisIKU]) -> list[tuple[object, ...]]:
    """The Rekap rows of one unit (the columns of :data:`KOLOM_REKAP`)."""
    return [(unit, kabupaten, b.indikator.kode, b.indikator.sasaran, b.indikator.nama, b.indikator.satuan,
             nilai_sel(b.target), nilai_sel(b.realisasi), b.capaian.nilai, b.predikat, berkas) for b in baris]


def ringkas_unit(unit: str, berkas: str, baris: Sequence[BarisIKU], label: Sequence[str]) -> RingkasanUnit:
    hitung = {lb: 0 for lb in label}
    for b in baris:
        if b.predikat:
            hitung[b.predikat] = hitung.get(b.predikat, 0) + 1
    return RingkasanUnit(unit, berkas, len(baris), rata_rata_capaian(baris), tuple(hitung.items()),
                         sum(b.realisasi is None for b in baris))


def rekap_unit(lembaran: Lembaran, tahun: int, berkas: str,
               dibaca: tuple[BukuIKU, list[Masalah]] | None = None) -> HasilUnit:
    """One workbook's part of the recap; a workbook with galat is listed, not recapped.

    ``dibaca`` is ``baca_buku(lembaran)`` when the reader already parsed it."""
    from iku_xl.core.predikat import pilih_skala

    hasil = hitung_tahun(lembaran, tahun, dibaca, pembanding=False)  # the recap shows the year only
    if not hasil.baris or hasil.buku is None:
        galat = [str(m) for m in hasil.masalah if m.tingkat == "galat"] if ada_galat(hasil.masalah) else []
        return HasilUnit(berkas, galat=tuple(galat) or ("tidak ada indikator untuk direkap",))
    profil = hasil.buku.profil
    unit = profil.instansi or berkas
    label = [p.label for p in pilih_skala(profil.skala, hasil.buku.skala_kustom).pita]
    return HasilUnit(berkas, tuple(baris_rekap(unit, profil.kabupaten, berkas, hasil.baris)),
                     ringkas_unit(unit, berkas, hasil.baris, label))


def peringkat(ringkasan: Iterable[RingkasanUnit]) -> list[RingkasanUnit]:
    """Units by mean capaian, best first; units without any capaian last; ties by name.

    >>> r = [RingkasanUnit("B", "b", 2, 90.0, (), 0), RingkasanUnit("A", "a", 2, None, (), 2),
    ...      RingkasanUnit("C", "c", 2, 95.5, (), 0)]
    >>> [x.unit for x in peringkat(r)]
    ['C', 'B', 'A']
    """
    return sorted(ringkasan, key=lambda r: (r.rata_rata is None, -(r.rata_rata or 0.0), r.unit))


def label_predikat(ringkasan: Iterable[RingkasanUnit]) -> list[str]:
    """Every predikat label that occurs, in the order the units' scales list them."""
    return list(dict.fromkeys(lb for r in ringkasan for lb, _ in r.per_predikat))
