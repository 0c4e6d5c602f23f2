"""Parts every report sheet shares, written once: the title block (kop), the signature block
and its date rule, the sasaran grouping of the measurement tables, the capaian cell (a formula
where the rule is one), the Keterangan text and the note on the scale.

Each document module (:mod:`.laporan`, :mod:`.triwulan`, ...) composes its sheet from these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from iku_xl.core.capaian import huruf_akip
from iku_xl.core.model import BarisIKU, Indikator, NilaiHuruf, Profil, Rentang, Skala, teks_angka
from iku_xl.core.polaritas import rumus_untuk
from iku_xl.core.tata_letak import Cetak, Sel
from iku_xl.core.tata_letak import Rentang as Blok


class _BerIndikator(Protocol):
    @property
    def indikator(self) -> Indikator: ...


_B = TypeVar("_B", bound=_BerIndikator)


def sel_capaian(b: BarisIKU, nilai: float | None, r: int, k: int, c_t: str, c_r: str) -> Sel:
    """Capaian: an Excel formula where the rule is a plain formula of two numbers in the
    row (target > 0), else the core's value (ranges, grades, target 0, empty)."""
    ind = b.indikator
    if nilai is not None and isinstance(b.realisasi, float) and isinstance(b.target, float) \
            and b.target > 0:
        teks = rumus_untuk(ind.polaritas, ind.metode_negatif or "2T-R").excel
        return Sel(r, k, "=" + teks.format(t=f"{c_t}{r}", r=f"{c_r}{r}"), "sel_capaian",
                   rumus=True, hasil=nilai)
    return Sel(r, k, nilai, "sel_capaian")


def keterangan(b: BarisIKU) -> str:
    """The Keterangan column: where a computed realisasi came from (the survey's IKM), why a capaian
    is empty, Tercapai for grades, warnings."""
    bagian = [b.sumber_realisasi] if b.sumber_realisasi else []
    if b.capaian.alasan:
        bagian.append(b.capaian.alasan[0].upper() + b.capaian.alasan[1:])
    if isinstance(b.target, NilaiHuruf) and b.capaian.status:
        setara = f" = {huruf_akip(b.realisasi)}" if isinstance(b.realisasi, float) else ""
        bagian.append(f"{b.capaian.status}: target {b.target}, realisasi {teks_angka(b.realisasi)}{setara}")
    if isinstance(b.target, Rentang) and b.capaian.nilai is not None:
        bagian.append("Target berupa rentang")
    bagian += [p[0].upper() + p[1:] for p in b.capaian.peringatan]
    return "; ".join(bagian)



#: The month names of Babel's "id" locale (CLDR, wide, format context): ``format_date(d, "d MMMM y",
#: locale="id")`` without loading Babel and its locale data (~25 ms of a click for one date).
#: tests/test_laporan_cepat.py holds them equal to Babel's.
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")


def format_tanggal(tanggal: dt.date) -> str:
    """A date as Indonesian letters write it (Babel's ``d MMMM y`` in the "id" locale).

    >>> format_tanggal(dt.date(2025, 1, 15))
    '15 Januari 2025'
    """
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


TANGGAL_KOSONG = "……………………"
"""Dots for a day and month written by hand on the printed report."""


@dataclass(frozen=True)
class AturanTanggal:
    """When a document of year n can be signed: from month ``bulan_awal`` of year n + ``geser_awal``
    to the end of year n + ``geser_akhir``. ``profil_selalu``: Tanggal Laporan in Profil wins even
    outside that window (it is the date this document asks for); else it is used only inside it.
    A blank date is printed with the year n + ``geser_kosong``."""

    geser_awal: int
    bulan_awal: int
    geser_akhir: int
    profil_selalu: bool
    geser_kosong: int


#: The LKjIP/Laporan Capaian of year n: signed in year n or n+1; Tanggal Laporan always wins.
TANGGAL_LAPORAN = AturanTanggal(0, 1, 1, True, 1)
#: The Perjanjian Kinerja of year n: signed at the start of year n (or within it, after a change of
#: head) or in the last quarter of year n-1 (PermenPANRB 53/2014); Tanggal Laporan only when it fits.
TANGGAL_PK = AturanTanggal(-1, 10, 0, False, 0)


def _dalam(aturan: AturanTanggal, tahun: int, tanggal: dt.date) -> bool:
    return dt.date(tahun + aturan.geser_awal, aturan.bulan_awal, 1) <= tanggal <= dt.date(tahun + aturan.geser_akhir,
                                                                                          12, 31)


def tanggal_ttd(tahun: int, tanggal_profil: dt.date | None, hari_ini: dt.date | None,
                aturan: AturanTanggal = TANGGAL_LAPORAN) -> dt.date | None:
    """The date on the signature line of a document of ``tahun``, or None when none can be right.

    For the report (the default rule) Tanggal Laporan in Profil wins. Otherwise today only when it
    can be the signing date: the report year itself or the year after (the LKjIP of year n is signed
    in year n+1). Else the caller leaves day and month blank for handwriting (:func:`teks_tanggal_ttd`).

    >>> tanggal_ttd(2020, dt.date(2021, 2, 3), dt.date(2026, 12, 1))
    datetime.date(2021, 2, 3)
    >>> tanggal_ttd(2025, None, dt.date(2026, 1, 15))
    datetime.date(2026, 1, 15)
    >>> tanggal_ttd(2017, None, dt.date(2026, 12, 1)) is None
    True

    A Perjanjian Kinerja of year n: late n-1 or year n; the report's date only when it fits.

    >>> tanggal_ttd(2026, None, dt.date(2025, 12, 20), TANGGAL_PK)
    datetime.date(2025, 12, 20)
    >>> tanggal_ttd(2026, None, dt.date(2025, 6, 1), TANGGAL_PK) is None
    True
    >>> tanggal_ttd(2020, dt.date(2021, 2, 3), dt.date(2020, 1, 6), TANGGAL_PK)
    datetime.date(2020, 1, 6)
    """
    if tanggal_profil is not None and (aturan.profil_selalu or _dalam(aturan, tahun, tanggal_profil)):
        return tanggal_profil
    if hari_ini is not None and _dalam(aturan, tahun, hari_ini):
        return hari_ini
    return None


def teks_tanggal_ttd(tahun: int, tanggal_profil: dt.date | None, hari_ini: dt.date | None,
                     aturan: AturanTanggal = TANGGAL_LAPORAN) -> str:
    """The date as the signature line writes it: letters, or blank day and month and the
    year the rule names (the report: the year after ``tahun``) when no date can be right
    (see :func:`tanggal_ttd`).

    >>> teks_tanggal_ttd(2025, None, dt.date(2026, 1, 15))
    '15 Januari 2026'
    >>> teks_tanggal_ttd(2017, None, dt.date(2026, 12, 1))
    '…………………… 2018'
    >>> teks_tanggal_ttd(2017, None, dt.date(2026, 12, 1), TANGGAL_PK)
    '…………………… 2017'
    """
    tanggal = tanggal_ttd(tahun, tanggal_profil, hari_ini, aturan)
    return format_tanggal(tanggal) if tanggal is not None else f"{TANGGAL_KOSONG} {tahun + aturan.geser_kosong}"



def catatan_rumus(baris: Sequence[BarisIKU], skala: Skala) -> str:
    """The note under the table: the scale, and the formula of each negative-polarity method in use.

    >>> from iku_xl.core.model import HasilCapaian, Indikator
    >>> from iku_xl.core.predikat import pilih_skala
    >>> b = [BarisIKU(Indikator("1.2", "S", "Jumlah kasus", polaritas="negatif", metode_negatif="T/R"),
    ...               2024, 4.0, 3.0, HasilCapaian(133.3), None)]
    >>> catatan_rumus(b, pilih_skala("permenpanrb8"))
    'Predikat menurut skala PermenPANRB 8/2021 (kategori capaian IKI). Polaritas negatif: Target / Realisasi x 100 (indikator 1.2).'
    """
    teks = f"Predikat menurut skala {skala.judul}."
    metode: dict[str, list[str]] = {}
    for b in baris:
        if b.indikator.polaritas == "negatif":
            metode.setdefault(b.indikator.metode_negatif or "2T-R", []).append(b.indikator.kode)
    if metode:
        bagian = [f"{_KETERANGAN_METODE[m]} (indikator {', '.join(kode)})" for m, kode in sorted(metode.items())]
        teks += " Polaritas negatif: " + "; ".join(bagian) + "."
    return teks


_KETERANGAN_METODE = {"2T-R": "(2 x Target - Realisasi) / Target x 100", "T/R": "Target / Realisasi x 100"}


def kop(judul: str, profil: Profil, n_kol: int) -> tuple[list[Sel], list[Blok]]:
    """The title and "SKPD : ..." lines of a report sheet, merged across ``n_kol`` columns."""
    instansi = " ".join(x for x in (profil.instansi, profil.kabupaten) if x).upper()
    return ([Sel(1, 1, judul, "judul"), Sel(2, 1, f"SKPD : {instansi}", "subjudul")],
            [Blok(1, 1, 1, n_kol), Blok(2, 1, 2, n_kol)])


@dataclass(frozen=True)
class Penanda:
    """Who signs: jabatan, name, pangkat and NIP (any may be empty)."""

    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str = ""


#: A name left blank for handwriting (an atasan not named in Profil): never an invented name.
NAMA_KOSONG = "( ………………………………………… )"


def kepala(profil: Profil) -> Penanda:
    """The unit head from Profil."""
    return Penanda(profil.jabatan_kepala, profil.nama_kepala, profil.pangkat, profil.nip)


def _baris_ttd(atas: Sequence[str], p: Penanda) -> list[tuple[str, str]]:
    """The lines of one signature block: ``atas`` (place and date, "PIHAK KEDUA,"), jabatan, room to
    sign, name (underlined), pangkat, NIP."""
    return [*((t, "ttd") for t in atas), (p.jabatan, "ttd"), ("", "ttd"), ("", "ttd"), ("", "ttd"),
            (p.nama, "ttd_nama"), (p.pangkat, "ttd"),
            (f"NIP. {p.nip}" if p.nip else "", "ttd")]


def _tulis_blok(baris: Sequence[tuple[str, str]], r: int, k1: int, k2: int) -> tuple[list[Sel], list[Blok]]:
    sel = [Sel(r + i, k1, teks or None, gaya) for i, (teks, gaya) in enumerate(baris)]
    return sel, [Blok(r + i, k1, r + i, k2) for i in range(len(baris))]


def tanda_tangan(profil: Profil, tahun: int, tanggal: dt.date | None, r: int, n_kol: int
                 ) -> tuple[list[Sel], list[Blok], int]:
    """The signature block from Profil at the right of a report sheet of ``tahun``, from row ``r``:
    its cells, merges and the first row below it. ``tanggal`` is today, used when Profil has no
    date and it can be right (:func:`teks_tanggal_ttd`)."""
    tempat = ", ".join(x for x in (profil.tempat, teks_tanggal_ttd(tahun, profil.tanggal, tanggal)) if x)
    baris = _baris_ttd([tempat], kepala(profil))
    sel, gabung = _tulis_blok(baris, r, max(1, n_kol - 3), n_kol)
    return sel, gabung, r + len(baris)


def tanda_tangan_berdampingan(kiri: tuple[Sequence[str], Penanda], kanan: tuple[Sequence[str], Penanda], r: int,
                              kolom_kiri: tuple[int, int], kolom_kanan: tuple[int, int]
                              ) -> tuple[list[Sel], list[Blok], int]:
    """Two signature blocks side by side from row ``r`` (e.g. pihak kedua left, pihak pertama right),
    each ``(lines above the jabatan, signer)`` over its columns ``(first, last)``, with the same lines
    as :func:`tanda_tangan`: cells, merges and the first row below both."""
    bkiri, bkanan = _baris_ttd(*kiri), _baris_ttd(*kanan)
    tinggi = max(len(bkiri), len(bkanan))  # the shorter block pushed down: the names on one line
    sel: list[Sel] = []
    gabung: list[Blok] = []
    for baris, (k1, k2) in ((bkiri, kolom_kiri), (bkanan, kolom_kanan)):
        s, g = _tulis_blok(baris, r + tinggi - len(baris), k1, k2)
        sel += s
        gabung += g
    return sel, gabung, r + tinggi


def kelompok_sasaran(baris: Sequence[_B]) -> list[tuple[str, list[_B]]]:
    """Rows grouped by sasaran, keeping first-appearance order (a sasaran split by other
    rows is still one group)."""
    kelompok: dict[str, list[_B]] = {}
    for b in baris:  # one pass: a workbook may hold thousands of sasaran
        kelompok.setdefault(b.indikator.sasaran, []).append(b)
    return list(kelompok.items())


def dengan_metode(b: BarisIKU, profil: Profil) -> BarisIKU:
    """The row with the workbook's negative method filled in where the indicator has none."""
    if b.indikator.metode_negatif:
        return b
    return replace(b, indikator=replace(b.indikator, metode_negatif=profil.metode_negatif))




def kepala_kolom(judul: Sequence[str], r: int) -> list[Sel]:
    """The column headers of a measurement table at row ``r`` and the "(1) (2) ..." numbering row below.

    >>> [(s.alamat, s.nilai) for s in kepala_kolom(["No", "Sasaran"], 4)]
    [('A4', 'No'), ('A5', '(1)'), ('B4', 'Sasaran'), ('B5', '(2)')]
    """
    sel: list[Sel] = []
    for k, teks in enumerate(judul, start=1):
        sel += [Sel(r, k, teks, "kepala"), Sel(r + 1, k, f"({k})", "nomor_kolom")]
    return sel


def tabel_sasaran(baris: Sequence[_B], r: int, k_no: int, k_sasaran: int,
                  isi: Callable[[int, _B], list[Sel]]) -> tuple[list[Sel], list[Blok], int]:
    """The measurement table grouped by Sasaran Strategis from row ``r``: per sasaran its number
    and name (merged over its indicators, the covered cells keeping their borders), and per
    indicator the cells ``isi(row, b)`` gives. Returns the cells, the merges and the row below.

    >>> from iku_xl.core.model import HasilCapaian
    >>> b = [BarisIKU(Indikator(k, s, "I" + k), 2024, 1.0, 1.0, HasilCapaian(100.0), None)
    ...      for k, s in (("1.1", "S1"), ("1.2", "S1"), ("2.1", "S2"))]
    >>> sel, gabung, akhir = tabel_sasaran(b, 6, 1, 2, lambda r, x: [Sel(r, 3, x.indikator.nama)])
    >>> [g.a1 for g in gabung], akhir
    (['A6:A7', 'B6:B7'], 9)
    """
    sel: list[Sel] = []
    gabung: list[Blok] = []
    for no, (sasaran, anggota) in enumerate(kelompok_sasaran(baris), start=1):
        r_awal = r
        sel += [Sel(r, k_no, no, "sel_tengah"), Sel(r, k_sasaran, sasaran, "sel_teks")]
        for b in anggota:
            sel += isi(r, b)
            r += 1
        if r - 1 > r_awal:
            gabung += [Blok(r_awal, k_no, r - 1, k_no), Blok(r_awal, k_sasaran, r - 1, k_sasaran)]
        for rr in range(r_awal + 1, r):  # merged-away cells keep their borders
            sel += [Sel(rr, k_no, None, "sel_tengah"), Sel(rr, k_sasaran, None, "sel_teks")]
    return sel, gabung, r


def cetak_laporan(baris_kepala: tuple[int, int], r_akhir: int, n_kol: int) -> Cetak:
    """A report sheet's print setup: A4 landscape, one page wide, the header rows repeated on
    every page, the print area from A1 to the last row ``r_akhir`` over ``n_kol`` columns.

    >>> c = cetak_laporan((4, 5), 30, 12)
    >>> c.orientasi, c.kertas, c.muat_lebar, c.baris_ulang, c.area.a1
    ('landscape', 'A4', True, (4, 5), 'A1:L30')
    """
    return Cetak(baris_ulang=baris_kepala, area=Blok(1, 1, r_akhir, n_kol))
