"""A sheet's layout as data: what goes in which cell, merged, styled and printed how.

The core plans a sheet as a :class:`LayoutLembar`; a renderer (openpyxl now,
xlwings later) only applies it. No layout decision is made in a renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from iku_xl.core.baca import huruf_kolom


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
class Grafik:
    """A native clustered bar chart: one bar per category."""

    judul: str
    kategori: Rentang  # one column
    nilai: Rentang  # one column, the header cell above the first value names the series
    jangkar: str  # top-left cell
    judul_sumbu: str
    lebar_cm: float
    tinggi_cm: float
    horizontal: bool = True


@dataclass(frozen=True)
class Cetak:
    orientasi: str = "landscape"
    kertas: str = "A4"
    muat_lebar: bool = True
    baris_ulang: tuple[int, int] | None = None  # header rows repeated on every page
    area: Rentang | None = None
    tengah_horizontal: bool = True


@dataclass(frozen=True)
class LayoutLembar:
    nama: str
    sel: tuple[Sel, ...]
    gabung: tuple[Rentang, ...] = ()
    lebar_kolom: dict[int, float] = field(default_factory=dict)  # 1-based column -> width
    tinggi_baris: dict[int, float] = field(default_factory=dict)
    warna_bersyarat: tuple[WarnaBersyarat, ...] = ()
    grafik: tuple[Grafik, ...] = ()
    cetak: Cetak = Cetak()
    bekukan: str | None = None  # the top-left cell of the scrolling area
    tab_warna: str | None = None

    def sel_di(self, alamat: str) -> Sel | None:
        return next((s for s in self.sel if s.alamat == alamat), None)
