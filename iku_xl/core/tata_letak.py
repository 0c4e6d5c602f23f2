"""A sheet's layout as data: what goes in which cell, merged, styled and printed how.

The core plans a sheet as a :class:`LayoutLembar`; a renderer (openpyxl now,
xlwings later) only applies it. No layout decision is made in a renderer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from iku_xl.core.baca import huruf_kolom
from iku_xl.core.errors import Masalah
from iku_xl.core.gaya import GAYA


@dataclass(frozen=True)
class Sel:
    """One cell. ``rumus`` marks an Excel formula; ``hasil`` is what it must compute."""

    baris: int  # 1-based
    kolom: int  # 1-based
    nilai: str | float | int | None
    gaya: str = "sel_teks"  # a key of iku_xl.core.gaya.GAYA
    rumus: bool = False
    hasil: str | float | None = None
    format_angka: str | None = None  # overrides the style's format

    @property
    def alamat(self) -> str:
        return f"{huruf_kolom(self.kolom - 1)}{self.baris}"


@dataclass(frozen=True)
class Rentang:
    """A block of cells, 1-based and inclusive."""

    baris1: int
    kolom1: int
    baris2: int
    kolom2: int

    @property
    def a1(self) -> str:
        return (f"{huruf_kolom(self.kolom1 - 1)}{self.baris1}:"
                f"{huruf_kolom(self.kolom2 - 1)}{self.baris2}")


@dataclass(frozen=True)
class WarnaBersyarat:
    """Fill cells of ``rentang`` whose text equals ``teks`` with ``warna``."""

    rentang: Rentang
    teks: str
    warna: str


@dataclass(frozen=True)
class LayoutGrafik:
    """A native bar chart on a sheet of its own (a chart sheet prints as one full page),
    one bar per category, its data on another sheet."""

    nama: str
    lembar_data: str
    judul: str
    kategori: Rentang  # one column of lembar_data
    nilai: Rentang  # one column of lembar_data
    judul_sumbu: str
    jangkar_samping: str  # where an engine without chart sheets puts it: right of the table
    horizontal: bool = True


@dataclass(frozen=True)
class Cetak:
    orientasi: str = "landscape"
    kertas: str = "A4"
    muat_lebar: bool = True
    baris_ulang: tuple[int, int] | None = None  # header rows repeated on every page
    area: Rentang | None = None
    tengah_horizontal: bool = True
    pisah_halaman: tuple[int, ...] = ()  # manual page breaks: a new page starts below each of these rows


@dataclass(frozen=True)
class LayoutLembar:
    nama: str
    sel: tuple[Sel, ...]
    gabung: tuple[Rentang, ...] = ()
    lebar_kolom: dict[int, float] = field(default_factory=dict)  # 1-based column -> width
    tinggi_baris: dict[int, float] = field(default_factory=dict)
    warna_bersyarat: tuple[WarnaBersyarat, ...] = ()
    cetak: Cetak = Cetak()
    bekukan: str | None = None  # the top-left cell of the scrolling area
    tab_warna: str | None = None

    def sel_di(self, alamat: str) -> Sel | None:
        return next((s for s in self.sel if s.alamat == alamat), None)


#: The most characters an Excel cell holds (Excel's specification and limits).
PANJANG_SEL_MAKS = 32767


def batasi_teks(layout: LayoutLembar) -> tuple[LayoutLembar, list[Masalah]]:
    """The layout with every text cut to what a cell holds, and a peringatan for each cut,
    instead of a spreadsheet cutting it silently.

    >>> lay, m = batasi_teks(LayoutLembar("Laporan Capaian 2024", (Sel(7, 9, "x" * 40000),)))
    >>> len(lay.sel[0].nilai), lay.sel[0].nilai[-1]
    (32767, '…')
    >>> print(m[0])
    Lembar 'Laporan Capaian 2024' sel I7: teks 40000 karakter dipotong menjadi 32767 karakter (batas satu sel Excel). Persingkat teks sumbernya.
    """
    masalah: list[Masalah] = []
    sel = list(layout.sel)
    for i, s in enumerate(sel):
        if isinstance(s.nilai, str) and not s.rumus and len(s.nilai) > PANJANG_SEL_MAKS:
            masalah.append(Masalah("peringatan", f"teks {len(s.nilai)} karakter dipotong menjadi {PANJANG_SEL_MAKS} "
                                                 "karakter (batas satu sel Excel)",
                                   "Persingkat teks sumbernya.", layout.nama, s.alamat))
            sel[i] = replace(s, nilai=s.nilai[:PANJANG_SEL_MAKS - 1] + "…")
    return (replace(layout, sel=tuple(sel)) if masalah else layout), masalah


#: Points per line of 10-point text, and how many characters fit in one unit of column width.
_PT_PER_BARIS_10 = 12.75
_KARAKTER_PER_LEBAR = 1.1
_LEBIH_LEBAR_TEBAL = 1.1  # bold text is about a tenth wider


def _baris_teks(teks: str, lebar: float, ukuran: float) -> int:
    """Lines a wrapped text needs in a column ``lebar`` wide (an estimate; Excel does not
    recompute row heights of files written by a library)."""
    muat = max(1.0, (lebar - 1) * _KARAKTER_PER_LEBAR * 10 / ukuran)
    jumlah = 0
    for bagian in teks.split("\n"):  # greedy word wrap, as the spreadsheet does
        baris, isi = 1, 0.0
        for kata in bagian.split():
            panjang = len(kata)
            if isi and isi + 1 + panjang > muat:
                baris, isi = baris + 1, 0.0
            isi += panjang + (1 if isi else 0)
            while isi > muat:  # a word longer than the column breaks anywhere
                baris, isi = baris + 1, isi - muat
        jumlah += baris
    return jumlah


def dengan_tinggi_baris(layout: LayoutLembar) -> LayoutLembar:
    """The layout with row heights that fit its wrapped text (explicit heights are kept).

    A merged block's text is spread over its rows: they grow together if it needs more.
    """
    lebar_gabung: dict[tuple[int, int], tuple[float, range]] = {}
    for g in layout.gabung:
        lebar = sum(layout.lebar_kolom.get(k, 8.43) for k in range(g.kolom1, g.kolom2 + 1))
        lebar_gabung[(g.baris1, g.kolom1)] = (lebar, range(g.baris1, g.baris2 + 1))
    tinggi: dict[int, float] = {}
    blok: list[tuple[range, float]] = []
    for s in layout.sel:
        gaya = GAYA[s.gaya]
        if not gaya.lipat or not isinstance(s.nilai, str) or s.rumus:
            continue
        lebar, baris = lebar_gabung.get((s.baris, s.kolom), (layout.lebar_kolom.get(s.kolom, 8.43),
                                                             range(s.baris, s.baris + 1)))
        ukuran = gaya.ukuran * (_LEBIH_LEBAR_TEBAL if gaya.tebal else 1.0)
        perlu = _baris_teks(s.nilai, lebar, ukuran) * _PT_PER_BARIS_10 * gaya.ukuran / 10 + 3
        if len(baris) == 1:
            tinggi[s.baris] = max(tinggi.get(s.baris, 15.0), perlu)
        else:
            blok.append((baris, perlu))
    for baris, perlu in blok:
        ada = sum(tinggi.get(r, 15.0) for r in baris)
        if ada < perlu:
            tambah = (perlu - ada) / len(baris)
            for r in baris:
                tinggi[r] = tinggi.get(r, 15.0) + tambah
    return replace(layout, tinggi_baris={**{r: round(t, 2) for r, t in tinggi.items()}, **layout.tinggi_baris})


#: Column width (Excel units) an A4 portrait page holds at full size with the margins iku-xl sets:
#: an input sheet up to this wide prints portrait, a wider one landscape (both fit to one page wide).
#: Full size, not scaled: LibreOffice does not shrink a sheet of one wrapped column to the page.
LEBAR_A4_TEGAK = 98.0


def cetak_isian(lebar_kolom: Sequence[float], baris_kepala: int | None = None,
                area: Rentang | None = None) -> Cetak:
    """The print setup of an input sheet (Profil, Indikator, Target, ...): A4, portrait or
    landscape by the sheet's width, one page wide (as many pages down as it needs), the header
    row repeated on every page.

    >>> c = cetak_isian([8, 34, 40, 10, 11, 15, 11, 30, 40, 20, 20], 3)
    >>> c.orientasi, c.kertas, c.muat_lebar, c.baris_ulang
    ('landscape', 'A4', True, (3, 3))
    >>> cetak_isian([28, 36, 30]).orientasi
    'portrait'
    """
    orientasi = "portrait" if sum(lebar_kolom) <= LEBAR_A4_TEGAK else "landscape"
    return Cetak(orientasi=orientasi, baris_ulang=(baris_kepala, baris_kepala) if baris_kepala else None,
                 area=area, tengah_horizontal=False)


def tinggi_baris_isian(baris: Sequence[Sequence[object]], lebar_kolom: Sequence[float], mulai: int,
                       gaya: str = "isian") -> dict[int, float]:
    """Row heights that show the whole wrapped text of rows typed in an input sheet, the first
    at row ``mulai`` (only rows that need more than one line; the others keep the default).

    >>> tinggi_baris_isian([["1.1", "Meningkatnya kualitas infrastruktur dasar masyarakat"], ["1.2", "Pendek"]],
    ...                    [8, 20], 4)
    {4: 54.0}
    """
    g = GAYA[gaya]
    ukuran = g.ukuran * (_LEBIH_LEBAR_TEBAL if g.tebal else 1.0)
    tinggi: dict[int, float] = {}
    for i, isi in enumerate(baris):
        perlu = max((_baris_teks(x, lebar, ukuran) for x, lebar in zip(isi, lebar_kolom) if isinstance(x, str)),
                    default=1)
        if perlu > 1:
            tinggi[mulai + i] = round(perlu * _PT_PER_BARIS_10 * g.ukuran / 10 + 3, 2)
    return tinggi
