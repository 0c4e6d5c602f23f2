"""A PDF with a text layer (the signed IKU, Renstra, LKjIP as units distribute them).

Read with pdfplumber (imported only here, when a PDF is imported):

* Ruled tables by its table finder (ruling lines): one row per table row, a merged cell's text in
  its first row and "" below it, the visual lines of a cell kept as "\\n". A table that goes on
  at the top of the next page keeps its table index, with an empty row at the page break.
* A fraction (a Word equation: a bar with a line of words centred above and below it) reads
  "pembilang / penyebut", in a table or not.
* Everything else by word positions: tables without rules are found over the whole run of lines
  (:mod:`iku_xl.sumber.kolom`), other lines (titles, date, signature) are 1-cell rows. Table rows
  and lines come in reading order by their height on the page.
* Page headers and footers (a text repeated at the same height on the pages, page numbers) are
  dropped.

A PDF without any text (a scan) or that cannot be opened (password, damage) is refused with what
to do; so is one of more than :data:`HALAMAN_MAKS` pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iku_xl.core.errors import BerkasTidakValid
from iku_xl.core.impor import BarisSumber
from iku_xl.sumber.kolom import Garis, Potongan, gabung_garis, kepala_kaki, susun

#: More pages than this is not an IKU document but a whole report: its IKU pages are asked for.
HALAMAN_MAKS = 150
#: A gap between two words wider than this share of the font size separates two columns.
CELAH_KOLOM = 0.8
#: Letters closer than this (points) are one word: a Word equation printed to PDF has no space
#: characters, only gaps of a point or two between its words.
TOLERANSI_X = 1
#: A page with more ruling lines than this is a chart or a map: its table finder would take long.
GARIS_MAKS = 3000
#: The height of a line of text, in font sizes (a vertical gap in empty lines is measured by it).
JARAK_BARIS = 1.15


@dataclass
class _Butir:
    """One thing on a page, by height: a table row or a line of words."""

    atas: float
    bawah: float
    sel: tuple[str, ...] | None = None  # a ruled table row ...
    tabel: int | None = None
    kata: list[dict[str, Any]] = field(default_factory=list)  # ... or the words of a line

    @property
    def teks(self) -> str:
        return " ".join(k["text"] for k in self.kata) if self.sel is None else ""


def _ukuran(kata: dict[str, Any]) -> float:
    return float(kata.get("size") or (kata["bottom"] - kata["top"]) or 10)


def _garis_kata(kata: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words grouped into visual lines (a word half beside a line is in it), left to right."""
    garis: list[list[dict[str, Any]]] = []
    atas = bawah = 0.0  # the current line's extent
    for k in sorted(kata, key=lambda k: (k["top"], k["x0"])):
        if garis and min(bawah, k["bottom"]) - max(atas, k["top"]) >= 0.5 * (k["bottom"] - k["top"]):
            garis[-1].append(k)  # half its height beside the line: a superscript, an equation's middle
            bawah = max(bawah, k["bottom"])
        else:
            garis.append([k])
            atas, bawah = k["top"], k["bottom"]
    return [sorted(g, key=lambda k: k["x0"]) for g in garis]


def _potongan(kata: Sequence[dict[str, Any]]) -> tuple[Potongan, ...]:
    hasil: list[list[dict[str, Any]]] = []
    for k in kata:
        if hasil and k["x0"] - hasil[-1][-1]["x1"] < CELAH_KOLOM * _ukuran(k):
            hasil[-1].append(k)
        else:
            hasil.append([k])
    return tuple(Potongan(b[0]["x0"], b[-1]["x1"], " ".join(k["text"] for k in b)) for b in hasil)


def _di_dalam(kata: dict[str, Any], kotak: tuple[float, float, float, float]) -> bool:
    x, y = (kata["x0"] + kata["x1"]) / 2, (kata["top"] + kata["bottom"]) / 2
    return kotak[0] <= x <= kotak[2] and kotak[1] <= y <= kotak[3]


def _pecahan(kata: list[dict[str, Any]], garis: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The words of a table cell with each fraction (a bar with a line of words right above and
    right below it) made one word "pembilang / penyebut" on the bar's height, as a Word equation
    reads; the "x 100 %" beside it stays where it is. Inner fractions first."""
    for bar in sorted(garis, key=lambda g: g["x1"] - g["x0"]):
        lebar = [k for k in kata if bar["x0"] - 1 <= (k["x0"] + k["x1"]) / 2 <= bar["x1"] + 1]
        # an underline runs through its words' descent: the words stand clear above a fraction bar
        atas = [k for k in lebar if bar["top"] - _ukuran(k) <= k["bottom"] <= bar["top"] + 0.3]
        bawah = [k for k in lebar if bar["bottom"] - 1 <= k["top"] <= bar["bottom"] + _ukuran(k)]
        atas = _garis_kata(atas)[-1:] if atas else []
        bawah = _garis_kata(bawah)[:1] if bawah else []
        if not atas or not bawah or not _pecahan_sah(atas[0], bawah[0], bar):
            continue  # a rule under a title or a table row, a line to sign on
        tengah, ukuran = (bar["top"] + bar["bottom"]) / 2, _ukuran(atas[0][0])
        teks = f"{' '.join(k['text'] for k in atas[0])} / {' '.join(k['text'] for k in bawah[0])}"
        pakai = {id(k) for k in atas[0] + bawah[0]}
        kata = [k for k in kata if id(k) not in pakai] + [
            {"text": teks, "x0": bar["x0"], "x1": bar["x1"], "top": tengah - ukuran / 2,
             "bottom": tengah + ukuran / 2, "size": ukuran}]
    return kata


def _pecahan_sah(atas: Sequence[dict[str, Any]], bawah: Sequence[dict[str, Any]], bar: dict[str, Any]) -> bool:
    """A fraction bar is just wider than the wider of its two lines, both centred over it and each
    one run of words (a table's rule has columns above it, a letterhead's rule is page wide)."""
    lebar = bar["x1"] - bar["x0"]
    ukuran = max(_ukuran(k) for k in (*atas, *bawah))
    if any(len(_potongan(g)) > 1 or abs((g[0]["x0"] + g[-1]["x1"] - bar["x0"] - bar["x1"]) / 2) > 0.25 * lebar
           for g in (atas, bawah)):
        return False
    return lebar <= max(g[-1]["x1"] - g[0]["x0"] for g in (atas, bawah)) + 2 * ukuran


def _teks_sel(kata: Sequence[dict[str, Any]], kotak: tuple[float, float, float, float],
              garis: Sequence[dict[str, Any]]) -> str:
    """A cell's text: its visual lines apart by "\n", fractions as "pembilang / penyebut"."""
    isi = [k for k in kata if _di_dalam(k, kotak)]
    bar = [g for g in garis if g["x0"] > kotak[0] + 0.5 and g["x1"] < kotak[2] - 0.5
           and g["top"] > kotak[1] + 1 and g["bottom"] < kotak[3] - 1]
    if bar:
        isi = _pecahan(isi, bar)
    return gabung_garis([" ".join(k["text"] for k in g) for g in _garis_kata(isi)])


def _halaman(page: Any) -> list[_Butir]:
    kata = page.extract_words(x_tolerance=TOLERANSI_X, extra_attrs=["size"])
    butir: list[_Butir] = []
    kotak = []
    tabel_halaman = page.find_tables() if len(page.edges) <= GARIS_MAKS else []  # a chart is no table
    bar = [g for g in (*page.rects, *page.lines) if g["bottom"] - g["top"] <= 1.5 and g["x1"] - g["x0"] >= 4]
    for t, tabel in enumerate(tabel_halaman):
        if len(tabel.rows) < 2 or max(len(r.cells) for r in tabel.rows) < 2:
            continue  # a framed title or box, not a table
        kotak.append(tabel.bbox)
        for r in tabel.rows:
            sel = tuple("" if c is None else _teks_sel(kata, c, bar).strip() for c in r.cells)
            butir.append(_Butir(r.bbox[1], r.bbox[3], sel, t))
    lepas = [k for k in kata if not any(_di_dalam(k, b) for b in kotak)]
    bar_lepas = [g for g in bar if not any(_di_dalam(g, b) for b in kotak)]
    if bar_lepas:
        lepas = _pecahan(lepas, bar_lepas)
    butir += [_Butir(min(k["top"] for k in g), max(k["bottom"] for k in g), kata=g) for g in _garis_kata(lepas)]
    return sorted(butir, key=lambda b: (b.atas, b.sel is None))


def _baca(path: Path) -> list[list[_Butir]]:
    try:
        import pdfplumber
    except ImportError:
        raise BerkasTidakValid("membaca PDF memerlukan paket pdfplumber",
                               saran="Pasang ulang iku-xl (pip install iku-xl) agar paket itu ikut terpasang.") from None
    try:
        pdf = pdfplumber.open(str(path))
    except Exception as e:  # pdfminer's errors: password, damaged structure, not a PDF at all
        raise _tak_terbuka(path, e) from None
    with pdf:
        try:
            n = len(pdf.pages)
            if n > HALAMAN_MAKS:
                raise BerkasTidakValid(
                    f"berkas '{path.name}' berisi {n} halaman; iku-xl membaca PDF paling banyak {HALAMAN_MAKS} "
                    "halaman",
                    saran="Simpan halaman tabel IKU dan tanda tangannya saja sebagai PDF baru (Cetak > "
                          "Microsoft Print to PDF, pilih halamannya), lalu impor berkas itu.")
            halaman, ada_teks = [], False
            for page in pdf.pages:
                halaman.append(_halaman(page))
                ada_teks = ada_teks or bool(page.chars)
                page.close()  # what pdfplumber kept of the page
        except BerkasTidakValid:
            raise
        except Exception as e:
            raise _tak_terbuka(path, e) from None
    if not ada_teks:
        raise BerkasTidakValid(
            f"berkas '{path.name}' adalah hasil pindai (scan): halamannya gambar, tanpa teks yang dapat dibaca",
            saran="Jadikan teks dulu dengan OCR (mis. perangkat lunak pemindai, atau buka PDF itu di Microsoft "
                  "Word: File > Buka, lalu simpan sebagai .docx), atau ketik/salin tabel IKU dari berkas Word "
                  "aslinya, lalu impor lagi.")
    return halaman


def _tak_terbuka(path: Path, e: Exception) -> BerkasTidakValid:
    rantai, x = [], e
    while x is not None and len(rantai) < 10:
        rantai.append(f"{type(x).__name__} {x}")
        x = x.__cause__ or x.__context__ or (x.args[0] if x.args and isinstance(x.args[0], Exception) else None)
    if any("password" in r.casefold() or "encrypt" in r.casefold() for r in rantai):
        return BerkasTidakValid(f"berkas '{path.name}' dikunci dengan kata sandi; isinya tidak dapat dibaca",
                                saran="Buka PDF itu dengan kata sandinya lalu simpan/cetak ulang sebagai PDF tanpa "
                                      "kata sandi, atau impor berkas Word aslinya.")
    return BerkasTidakValid(f"berkas '{path.name}' bukan PDF yang utuh dan tidak dapat dibaca ({type(e).__name__})",
                            saran="Unduh atau simpan ulang PDF itu dari aslinya, atau impor berkas Word aslinya.")


def _celah_garis(halaman: Sequence[Sequence[_Butir]]) -> list[float]:
    """The vertical gaps between consecutive lines of words, in font sizes."""
    hasil = []
    for isi in halaman:
        for a, b in zip(isi, isi[1:]):
            if a.sel is None and b.sel is None:
                hasil.append((b.atas - a.bawah) / max(_ukuran(k) for k in b.kata))
    return [x for x in hasil if x >= -0.5]


def baris_dari_pdf(path: Path) -> list[BarisSumber]:
    """Table rows and lines of a PDF in reading order, without page headers and footers."""
    halaman = _baca(Path(path))
    buang = kepala_kaki([[(b.atas, b.teks) for b in h] for h in halaman])
    keluar: list[tuple[tuple[str, ...], int | None]] = []
    garis: list[Garis] = []
    n_tabel, tabel_lalu = -1, None  # the last ruled table: (page, index on page, columns)
    bawah_lalu: float | None = None
    celah = sorted(_celah_garis(halaman))
    dasar = celah[len(celah) // 5] if celah else 0.3  # the gap between the wrapped lines of a paragraph

    def lepas_garis() -> None:
        keluar.extend((sel, None) for sel in susun(garis, tepat=3))
        garis.clear()

    for h, isi in enumerate(halaman):
        awal_halaman = True
        for k, b in enumerate(isi):
            if (h, k) in buang:
                continue
            if b.sel is not None:
                kunci = (h, b.tabel, len(b.sel))
                if tabel_lalu is None or kunci[:2] != tabel_lalu[:2]:
                    lanjut = (tabel_lalu is not None and awal_halaman and tabel_lalu[0] == h - 1
                              and tabel_lalu[2] == len(b.sel) and not garis)
                    lepas_garis()
                    if lanjut:
                        keluar.append((("",), None))  # the page break inside the table
                    else:
                        n_tabel += 1
                tabel_lalu = kunci
                keluar.append((b.sel, n_tabel))
            else:
                ukuran = max(_ukuran(k) for k in b.kata)
                jeda = 0.0 if bawah_lalu is None or awal_halaman else \
                    max(0.0, (b.atas - bawah_lalu) / ukuran - dasar) / JARAK_BARIS
                garis.append(Garis(_potongan(b.kata), jeda, awal_halaman and bool(garis)))
                tabel_lalu = None  # text after a table: the next table is another one
            awal_halaman = False
            bawah_lalu = b.bawah
    lepas_garis()
    return [BarisSumber(sel, i, t) for i, (sel, t) in enumerate(keluar, start=1)]
