"""Packed cells: several indicators numbered inside one table cell, and lines inside a cell.

Adapters keep the line breaks inside a cell as "\\n" (Word Shift+Enter, several paragraphs in
a cell, a PDF cell's wrapped lines). Normally they are prose wrapped over lines and join with
one space (:func:`gabung_baris`). A cell whose lines start with item marks ("1. ", "2) ",
"a. ", "- ", "• ") holds a list (:func:`butir`); when the indicator cell of a row is such a
list and every other cell that carries one value per indicator (a target, the formulasi, the
satuan, the number) holds as many items, or is empty, the row is several indicators
(:func:`pecah_paket`). Otherwise the row is kept whole and the import says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: An item mark at the start of a line: "1." "1)" "(1)" "a." "a)" "-" "•" ... and what follows.
_TANDA = re.compile(r"^\s*(?:\(?(?P<no>\d{1,2})[.)]|\(?(?P<huruf>[a-zA-Z])[.)]|(?P<poin>[-–•▪●◦*]))\s+(?=\S)")
#: Fields holding one value per indicator: a packed row must give each as many items.
PER_BUTIR = ("no", "satuan", "formulasi", "target")
#: Text fields of an indicator: split when numbered alike, else shared by the row's indicators.
TEKS_BERSAMA = ("alasan", "sumber_data", "penanggung_jawab", "polaritas")


def gabung_baris(teks: str) -> str:
    """The lines of a cell joined as prose, with one space.

    >>> gabung_baris("Persentase pengaduan\\n yang  ditindaklanjuti ")
    'Persentase pengaduan yang ditindaklanjuti'
    """
    return " ".join(teks.split())


def _tanda(baris: str) -> tuple[str, str] | None:
    """(kind, value) of a line's item mark, or None."""
    m = _TANDA.match(baris)
    if not m:
        return None
    if m["no"]:
        return "no", m["no"]
    if m["huruf"]:
        return "huruf", m["huruf"].lower()
    return "poin", ""


def butir(teks: str) -> list[str] | None:
    """The items of a cell whose lines start with item marks (two or more), marks removed;
    a line without a mark continues the item above it. None when the cell is not a list.

    >>> butir("1. Persentase A\\n2. Indeks\\nB")
    ['Persentase A', 'Indeks B']
    >>> butir("a) Nilai AKIP\\nb) Opini BPK"), butir("- B\\n- 75 %")
    (['Nilai AKIP', 'Opini BPK'], ['B', '75 %'])
    >>> butir("Persentase pengaduan\\nyang ditindaklanjuti") is None, butir("1. Satu saja") is None
    (True, True)
    >>> butir("1. A\\n3. B") is None  # not counted 1, 2, 3: a wrapped line starting with a number
    True
    """
    baris = [b.strip() for b in teks.split("\n") if b.strip()]
    if not baris or _tanda(baris[0]) is None:
        return None
    hasil: list[str] = []
    jenis = _tanda(baris[0])
    assert jenis is not None
    for b in baris:
        t = _tanda(b)
        if t is not None and t[0] == jenis[0]:
            harap = {"no": str(len(hasil) + 1), "huruf": chr(ord("a") + len(hasil)), "poin": ""}[t[0]]
            if t[1] != harap:
                return None
            hasil.append(_TANDA.sub("", b, count=1).strip())
        else:
            hasil[-1] = f"{hasil[-1]} {b}"
    return [gabung_baris(h) for h in hasil] if len(hasil) >= 2 else None


def isi_per_butir(teks: str, n: int) -> list[str] | None:
    """A cell read as ``n`` items: numbered items, or one per line; "" each when empty; None
    when it holds another number of items.

    >>> isi_per_butir("B\\n75 %", 2), isi_per_butir("1. B\\n2. 75", 2), isi_per_butir("", 2)
    (['B', '75 %'], ['B', '75'], ['', ''])
    >>> isi_per_butir("90", 2) is None
    True
    """
    if not teks.strip():
        return [""] * n
    daftar = butir(teks)
    if daftar is None:
        daftar = [gabung_baris(b) for b in teks.split("\n") if b.strip()]
    return daftar if len(daftar) == n else None


def _bernomor_di_kolom_no(sel: Sequence[str], peran: Sequence[str | int | None], nama: str) -> list[str] | None:
    """The indicator cell's lines, when the number cell numbers as many lines "1\\n2" (the items
    numbered in a column of their own).

    >>> _bernomor_di_kolom_no(["1.\\n2.", "Nilai AKIP\\nOpini BPK"], ("no", "nama"), "Nilai AKIP\\nOpini BPK")
    ['Nilai AKIP', 'Opini BPK']
    """
    no = next((c for j, c in enumerate(sel) if j < len(peran) and peran[j] == "no" and c.strip()), "")
    nomor = [b.strip() for b in no.split("\n") if b.strip()]
    baris = [gabung_baris(b) for b in nama.split("\n") if b.strip()]
    if len(nomor) < 2 or [re.sub(r"\D", "", n) for n in nomor] != [str(i) for i in range(1, len(nomor) + 1)] \
            or not all(re.fullmatch(r"\(?\d{1,2}[.)]?", n) for n in nomor):
        return None
    return baris if len(baris) == len(nomor) else None


def pecah_paket(sel: Sequence[str], peran: Sequence[str | int | None],
                nama: str = "nama") -> tuple[list[list[str]], tuple[int, int] | None]:
    """The rows a packed row stands for; when the indicator cell is a list of ``n`` items but
    cell ``j`` holds another number of items, the row whole and ``(n, j)``.
    ``peran`` gives each cell's field ("target" or a year for target columns).

    >>> peran = ("no", "nama", "satuan", 2024)
    >>> pecah_paket(["1", "1. Nilai AKIP\\n2. Persentase A", "Nilai\\n%", "B\\n75"], peran)
    ([['1', 'Nilai AKIP', 'Nilai', 'B'], ['', 'Persentase A', '%', '75']], None)
    >>> pecah_paket(["1", "1. Nilai AKIP\\n2. Persentase A", "Nilai\\n%", "B\\n75\\n80"], peran)[1]
    (2, 3)
    >>> pecah_paket(["1", "Nilai AKIP", "%", "B"], peran)
    ([['1', 'Nilai AKIP', '%', 'B']], None)
    """
    j_nama = next((j for j, p in enumerate(peran) if p == nama and j < len(sel) and sel[j]), None)
    daftar = butir(sel[j_nama]) if j_nama is not None else None
    if daftar is None and j_nama is not None:
        daftar = _bernomor_di_kolom_no(sel, peran, sel[j_nama])
    if daftar is None:
        return [list(sel)], None
    n = len(daftar)
    kolom: list[list[str]] = []
    for j, c in enumerate(sel):
        p = peran[j] if j < len(peran) else None
        if j == j_nama:
            kolom.append(daftar)
        elif p == "no" and c.strip() and "\n" not in c.strip():
            kolom.append([c] + [""] * (n - 1))  # one number for the packed row
        elif p in PER_BUTIR or isinstance(p, int):
            per = isi_per_butir(c, n)
            if per is None:
                return [list(sel)], (n, j)
            kolom.append(per)
        elif p in TEKS_BERSAMA and (b := butir(c) if p != "polaritas" else isi_per_butir(c, n)) \
                and len(b) == n:
            kolom.append(b)
        else:
            kolom.append([c] * n)
    return [list(r) for r in zip(*kolom)], None
