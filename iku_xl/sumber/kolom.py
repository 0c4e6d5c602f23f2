"""Columns from positions: tables without ruling lines, as a PDF lays them out or as
``pdftotext -layout`` / a PDF viewer's copy gives them (text aligned with runs of spaces).

Pure functions shared by :mod:`iku_xl.sumber.pdf` (positions in points) and
:mod:`iku_xl.sumber.teks` (positions in characters). The input is the page's visual lines, each
cut into pieces (:class:`Potongan`) where the gap between two words is wider than a space.

* A table is a run of lines of which several have two pieces or more; its column boundaries are
  the gutters that none of those lines cover, found over the whole run (not line by line), on
  each page. It has three columns or more, none of colons only: those are a form
  ("Ditetapkan di   : Cibinong", "Menimbang   :   a. bahwa ...").
* A line outside tables is one cell; the wide gaps inside it are kept as "\t".
* A line whose one piece crosses a gutter (a title, a paragraph, a signature line), or that
  comes after a gap and starts where no column starts (a centred title), is text outside the
  table and ends it; so does a wide vertical gap (:data:`JEDA_AKHIR` lines).
* The lines of a table are joined into rows: a line continues the row above unless it fills
  the first column, or a column whose cell in this row had already ended, or it comes after a
  vertical gap (rows are set apart, the lines of a cell are not). In a line that starts a row
  beside a merged cell still going on, that cell's text (starting in lower case) stays above.
* A line after a gap that starts right of the first column and crosses the gutters above (a
  signature's "Ditetapkan di   : Kota") ends the table. The visual lines of a cell are kept as "\\n".

>>> g = [Garis((Potongan(0, 2, "NO"), Potongan(5, 14, "INDIKATOR"), Potongan(20, 26, "TARGET"))),
...      Garis((Potongan(0, 1, "1"), Potongan(5, 15, "Persentase"), Potongan(20, 22, "90"))),
...      Garis((Potongan(5, 16, "pengaduan"),))]
>>> susun(g)
[('NO', 'INDIKATOR', 'TARGET'), ('1', 'Persentase\\npengaduan', '90')]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# A page number in a page header/footer ("2", "- 2 -", "Halaman 2 dari 5"): the core's own rule.
from iku_xl.core.impor.baris import HALAMAN

#: A vertical gap of this many empty lines ends a table ...
JEDA_AKHIR = 2.5
#: ... and of this many starts a new row (cells wrap with no gap; rows are set apart).
JEDA_BARIS = 0.7
#: A run of lines is looked at this many at a time (a page holds fewer; long pasted text stays fast).
GARIS_MAKS = 300


@dataclass(frozen=True)
class Potongan:
    """A run of words on one line, from x0 to x1 (points or characters)."""

    x0: float
    x1: float
    teks: str


@dataclass(frozen=True)
class Garis:
    """One visual line: its pieces left to right, and the empty lines above it (0 = none)."""

    potongan: tuple[Potongan, ...]
    jeda: float = 0
    halaman_baru: bool = False


def _celah(garis: Sequence[Garis]) -> list[tuple[float, float]]:
    """The gutters (x ranges) that no piece of the multi-piece lines covers, inside the table."""
    lebar = [(p.x0, p.x1) for g in garis if len(g.potongan) >= 2 for p in g.potongan]
    if not lebar:
        return []
    lebar.sort()
    celah, ujung = [], lebar[0][1]
    for x0, x1 in lebar[1:]:
        if x0 > ujung:
            celah.append((ujung, x0))
        ujung = max(ujung, x1)
    return celah


def _melintas(p: Potongan, celah: Sequence[tuple[float, float]]) -> bool:
    return any(p.x0 < a and p.x1 > b for a, b in celah)


def _kolom(x: float, celah: Sequence[tuple[float, float]]) -> int:
    return sum(x >= b for _, b in celah)


def _sejajar(p: Potongan, atas: Sequence[Garis], tepat: float) -> bool:
    """Does the piece start where a piece of a multi-piece line above starts (a column)?"""
    return any(abs(p.x0 - q.x0) <= tepat for g in atas if len(g.potongan) >= 2 for q in g.potongan)


def _formulir(garis: Sequence[Garis], celah: Sequence[tuple[float, float]]) -> bool:
    """A form, not a table: a column of colons ("Menimbang  :  a. bahwa ...")."""
    kolom: dict[int, set[bool]] = {}
    for g in garis:
        for p in g.potongan:
            kolom.setdefault(_kolom(p.x0, celah), set()).add(p.teks.startswith(":"))
    return {True} in kolom.values()


def _blok(garis: Sequence[Garis], tepat: float) -> list[tuple[int, int, list[tuple[float, float]]]]:
    """(first, end, gutters) of each table in the lines; a table goes on over a page break in
    columns of its own (a text form lays each page out anew), or in the columns above when the
    new page holds too few lines to show its own."""
    hasil: list[tuple[int, int, list[tuple[float, float]]]] = []
    i, n = 0, len(garis)
    while i < n:
        lalu = hasil[-1][2] if hasil and hasil[-1][1] == i and garis[i].halaman_baru else None
        if len(garis[i].potongan) < 2 and lalu is None:
            i += 1
            continue
        # the run of lines up to a wide gap or a page break, cut where a one-piece line is not a cell
        akhir = i + 1
        while akhir < n and akhir - i < GARIS_MAKS and garis[akhir].jeda < JEDA_AKHIR and not garis[akhir].halaman_baru:
            akhir += 1
        for k in range(i + 1, akhir):  # a form line after a gap ("Ditetapkan di   : Kota") is not a row
            atas = _celah(garis[i:k])
            if len(garis[k].potongan) >= 2 and garis[k].jeda >= JEDA_BARIS and len(atas) >= 2 \
                    and sum(len(g.potongan) >= 2 for g in garis[i:k]) >= 2 and garis[k].potongan[0].x0 > atas[0][1] \
                    and any(_melintas(p, atas) for p in garis[k].potongan):
                akhir = k
                break
        while True:
            celah = _celah(garis[i:akhir])
            if len([g for g in garis[i:akhir] if len(g.potongan) >= 2]) < 2 and lalu is not None:
                celah = lalu
            potong = next((k for k in range(i + 1, akhir) if len(garis[k].potongan) == 1
                           and (_melintas(p := garis[k].potongan[0], celah)
                                or (garis[k].jeda >= JEDA_BARIS and not _sejajar(p, garis[i:k], tepat)))), None)
            if potong is None:
                break
            akhir = potong
        multi = [k for k in range(i, akhir) if len(garis[k].potongan) >= 2]
        if celah is lalu:
            if any(_melintas(p, lalu) for g in garis[i:akhir] for p in g.potongan):
                i += 1  # not the table going on
                continue
            hasil.append((i, akhir, lalu))
            i = akhir
            continue
        akhir = multi[-1] + 1
        while akhir < n and len(garis[akhir].potongan) == 1 and garis[akhir].jeda < JEDA_BARIS \
                and not garis[akhir].halaman_baru and not _melintas(garis[akhir].potongan[0], celah):
            akhir += 1  # wrapped lines of the last row
        if len(multi) >= 2 and len(celah) >= 2 and not _formulir(garis[i:akhir], celah):
            hasil.append((i, akhir, celah))
        i = akhir
    return hasil


def gabung_garis(garis: Sequence[str]) -> str:
    """A cell's visual lines apart by "\\n"; a line that starts with a stop or a closing bracket
    (a narrow column wrapped "No." as "No" / ".") goes back onto the line above.

    >>> gabung_garis(["No", ".", "Satuan", "(%)"])
    'No.\\nSatuan\\n(%)'
    """
    hasil: list[str] = []
    for g in (x for x in garis if x):
        if hasil and g[0] in ".,;:)]":
            hasil[-1] += g
        else:
            hasil.append(g)
    return "\n".join(hasil)


def _penomoran(isi: dict[int, list[str]]) -> bool:
    """The column-number row "(1) (2) (3) ..."."""
    return len(isi) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?\.?", " ".join(t)) for t in isi.values())


def _baris_tabel(garis: Sequence[Garis], celah: Sequence[tuple[float, float]]) -> list[tuple[str, ...]]:
    n_kolom = len(celah) + 1
    baris: list[list[list[str]]] = []
    terakhir: set[int] = set()  # columns the previous line filled
    pernah: set[int] = set()  # columns this row filled
    tutup = False  # the row above is complete
    sisa: bool | None = None  # the row is the rest of one split by the page break (None: not known yet)
    for g in garis:
        isi: dict[int, list[str]] = {}
        for p in g.potongan:
            isi.setdefault(_kolom(p.x0, celah), []).append(p.teks)
        mulai = any(k in pernah and k not in terakhir for k in isi)  # a cell that had ended starts again
        # the rest of a row split by the page break (the first row without a number on a new page):
        # a line filling a column it left empty starts the next row
        mulai = mulai or (sisa and any(k not in pernah for k in isi))
        baru = (not baris or not pernah or g.jeda >= JEDA_BARIS or mulai or tutup
                or (0 in isi and re.search(r"\w", isi[0][0]) is not None))  # "No." wrapped as "No" / "."
        if baru and mulai and not g.jeda:
            for k in [k for k in isi if k in terakhir and isi[k][0][:1].islower()]:
                baris[-1][k].append(" ".join(isi.pop(k)))  # a merged cell's text goes on beside the new row
        if baru:
            if sisa is not None:
                sisa = False  # only the first row after the header can be the rest of a split row
            elif baris and not _penomoran(isi):
                sisa = garis[0].halaman_baru and 0 not in isi
            baris.append([[] for _ in range(n_kolom)])
            pernah = set()
        for k, teks in isi.items():
            baris[-1][k].append(" ".join(teks))
        terakhir = set(isi)
        pernah |= terakhir
        # the column-number row "(1) (2) (3) ..." is a row of its own
        tutup = _penomoran(isi)
    return [tuple(gabung_garis(sel) for sel in b) for b in baris]


def susun(garis: Sequence[Garis], tepat: float = 1) -> list[tuple[str, ...]]:
    """The rows of the lines: a tuple of cell texts per table row, a 1-tuple per other line.

    ``tepat``: how far a line's start may be from a column's start to still be in it.
    """
    hasil: list[tuple[str, ...]] = []
    i = 0
    for awal, akhir, celah in _blok(garis, tepat):
        hasil += [("\t".join(p.teks for p in g.potongan),) for g in garis[i:awal]]
        if awal == i and awal and garis[awal].halaman_baru:
            hasil.append(("",) * (len(celah) + 1))  # a page break inside the table: the core knows what it means
        hasil += _baris_tabel(garis[awal:akhir], celah)
        i = akhir
    hasil += [("\t".join(p.teks for p in g.potongan),) for g in garis[i:]]
    return hasil


def kepala_kaki(halaman: Sequence[Sequence[tuple[float, str]]], tepi: int = 3) -> set[tuple[int, int]]:
    """(page, line) of the page headers and footers: among the first and last ``tepi`` lines of
    each page, a page number, or a text repeated at the same height on every page (all but one
    from four pages on: a title page may have none). Lines are (height, text) in reading order (height 0 in text forms).

    >>> sorted(kepala_kaki([[(10, "PEMDA"), (50, "TAHUN 2024"), (800, "Halaman 1 dari 2")],
    ...              [(10, "PEMDA"), (60, "isi"), (800, "Halaman 2 dari 2")]]))
    [(0, 0), (0, 2), (1, 0), (1, 2)]
    """
    calon = []
    for h, garis in enumerate(halaman):
        ujung = sorted({*range(min(tepi, len(garis))), *range(max(0, len(garis) - tepi), len(garis))})
        calon += [(h, k, round(garis[k][0]), garis[k][1].strip()) for k in ujung]
    ulang = Counter((y, t) for _, _, y, t in {(h, 0, y, t) for h, _, y, t in calon})
    n = sum(bool(g) for g in halaman)
    batas = max(2, n if n <= 3 else n - 1)  # every page, or all but a title page (a signature repeats less)
    hasil = set()
    for h, k, y, t in calon:
        if HALAMAN.fullmatch(t) or (ulang[(y, t)] >= batas and t):
            hasil.add((h, k))
    # only the outermost lines: a kept line closes the header (top) or footer (bottom) run
    akhir = set()
    for h, garis in enumerate(halaman):
        k = 0
        while k < len(garis) and (h, k) in hasil:
            akhir.add((h, k))
            k += 1
        k = len(garis) - 1
        while k >= 0 and (h, k) in hasil:
            akhir.add((h, k))
            k -= 1
    return akhir
