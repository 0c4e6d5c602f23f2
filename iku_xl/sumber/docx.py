"""A Word document (.docx), read as Word shows it: paragraphs and table rows in document order.

Only the main document part is read (the ``officeDocument`` relationship, normally
``word/document.xml``), parsed once into an lxml tree and walked once; headers, footers,
footnotes and comments are separate parts and never read. How each Word feature reads:

* a line break inside a run (``w:br``, Shift+Enter; ``w:cr``) is ``"\\n"`` in the text; several
  paragraphs in one cell are joined by ``"\\n"``; blank lines are dropped;
* ``w:tab`` (and ``w:ptab``) is ``" "`` inside a table cell and ``"\\t"`` in a paragraph outside
  tables (columns set with tab stops, as in pasted text); ``w:noBreakHyphen`` is ``"-"``,
  ``w:softHyphen`` nothing, ``w:sym`` its character (Symbol-font codes for x, -, <=... mapped);
* an equation (OMML ``m:oMath``/``m:oMathPara``) reads as its text in order; a fraction ``m:f``
  is ``"pembilang / penyebut"``, a side holding an operator in parentheses
  (``(a + b) / c x 100 %``);
* content controls (``w:sdt``, at block, row, cell and run level) read as if they were not
  there; one still showing its placeholder ("Klik atau ketuk di sini ...") reads as empty;
* tracked changes: deleted text (``w:del``, ``w:moveFrom``, a deleted row) is not read, inserted
  text is; fields: the instruction (``w:instrText``, ``w:fldSimple/@w:instr``) is not read, the
  result is;
* tables: a cell spanning grid columns (``w:gridSpan``) gives its text in the first and ``""``
  in the others; a vertically merged cell gives its text in its first row and ``""`` in the
  rows it continues into (the core reads a blank as "the same as above"); cells missing at a
  row's start or end (``w:gridBefore``/``w:gridAfter``) are ``""``; a header row Word repeats
  on every page is in the file once and read once;
* a table inside a cell: when it is the only thing in its row (the outer table is a frame
  around it), its rows are rows of their own, with their own table index; otherwise its rows
  become lines of the outer cell (cells joined by a space), as a small table of targets per
  year inside the Target cell reads;
* a text box (``w:txbxContent``; of ``mc:AlternateContent`` only the first choice, never the
  fallback copy of the same box) in a paragraph outside tables gives its paragraphs as rows
  right after that paragraph; inside a cell, lines of the cell.

Every file that is not a readable Word document (a PDF or an old .doc renamed, a password-locked
document, an empty file, a zip holding no Word document, an XML part with a DOCTYPE, a zip bomb)
is :class:`~iku_xl.core.errors.BerkasTidakValid` with what to do (:mod:`.docx_paket`); equations
are read by :mod:`.ooxml`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from iku_xl.core.errors import BerkasTidakValid
from iku_xl.core.impor import BarisSumber
from iku_xl.sumber.docx_paket import bagian_dokumen, bukan_word, tolak
from iku_xl.sumber.ooxml import anak as _anak
from iku_xl.sumber.ooxml import atribut as _atribut
from iku_xl.sumber.ooxml import lokal as _lokal
from iku_xl.sumber.ooxml import matematika as _matematika


def baris_dari_docx(path: Path) -> list[BarisSumber]:
    """Paragraphs and table rows in document order (see the module's docstring)."""
    try:
        import docx  # noqa: F401  (python-docx brings lxml; it is the dependency staff install)
        from lxml import etree
    except ImportError:
        raise BerkasTidakValid("membaca .docx memerlukan paket python-docx",
                               saran='Pasang dengan: pip install "iku-xl[docx]"; atau simpan tabelnya sebagai '
                                     "teks (.txt) atau .xlsx.") from None
    xml = bagian_dokumen(Path(path))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        akar = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as e:
        raise tolak(Path(path).name, f"isi dokumennya (word/document.xml) rusak ({e.msg})") from None
    if _lokal(akar) != ("w", "document"):
        bukan_word(Path(path).name, {_lokal(akar)[1]})
    try:
        return _Pembaca().baca(akar)
    except RecursionError:
        raise tolak(Path(path).name, "susunan isinya bersarang terlalu dalam") from None


# ---- the walk ----------------------------------------------------------------------------------

_SIMBOL = {0x2D: "-", 0xB4: "×", 0xB8: "÷", 0xB3: "≥", 0xA3: "≤", 0xB1: "±", 0xB9: "≠", 0xD7: "·",
           0x3D: "=", 0x2B: "+", 0x25: "%", 0xA5: "∞", 0xE5: "∑", 0xD6: "√", 0xAE: "→", 0xB0: "°"}
_WINGDINGS = {0xFC: "✓", 0xFB: "✗", 0xFD: "☒", 0xFE: "☑", 0xA8: "☐", 0x6F: "☐", 0x78: "☒"}


def _rapikan(teks: str) -> str:
    """Lines stripped, blank lines dropped.

    >>> _rapikan("  Nama\\n\\n NIP 1 \\n")
    'Nama\\nNIP 1'
    """
    return "\n".join(b for b in (x.strip() for x in teks.split("\n")) if b)


class _Pembaca:
    """One walk over the document's tree."""

    def __init__(self) -> None:
        self.baris: list[BarisSumber] = []
        self.nomor = 0
        self.n_tabel = 0

    # -- blocks (body, sdtContent, a frame cell) --
    def baca(self, akar: Any) -> list[BarisSumber]:
        body = next((c for c in akar if _lokal(c) == ("w", "body")), None)
        if body is not None:
            self._blok(body)
        return self.baris

    def _blok(self, wadah: Any) -> None:
        for el in wadah:
            jenis, nama = _lokal(el)
            if jenis != "w":
                if jenis == "mc" and nama == "AlternateContent":
                    self._blok(_pilihan(el))
                continue
            if nama == "p":
                self.nomor += 1
                kotak: list[Any] = []
                teks = _rapikan(self._paragraf(el, "\t", kotak))
                if teks:
                    self.baris.append(BarisSumber((teks,), self.nomor, None))
                for isi in kotak:  # text boxes anchored in this paragraph: rows after it
                    self._blok(isi)
            elif nama == "tbl":
                self._tabel(el)
            elif nama == "sdt":
                if not _placeholder(el):
                    isi = _anak(el, "w", "sdtContent")
                    if isi is not None:
                        self._blok(isi)
            elif nama in ("customXml", "ins", "moveTo", "smartTag"):
                self._blok(el)
            # w:del/w:moveFrom (deleted), w:sectPr, bookmarks, w:altChunk: nothing to read

    # -- tables --
    def _tabel(self, tbl: Any) -> None:
        indeks = self.n_tabel
        self.n_tabel += 1
        for tr in _baris_tabel(tbl):
            sel, berisi = self._sel_baris(tr)
            if len(berisi) == 1 and _memuat_tabel(berisi[0]):
                self._blok(berisi[0])  # a frame around a table: read what it holds as blocks
                continue
            self.nomor += 1
            self.baris.append(BarisSumber(sel, self.nomor, indeks))

    def _sel_baris(self, tr: Any) -> tuple[tuple[str, ...], list[Any]]:
        """A row's cell texts, one per grid column, and the cells holding text."""
        trpr = _anak(tr, "w", "trPr")
        sebelum = _angka(_anak(trpr, "w", "gridBefore")) if trpr is not None else 0
        sesudah = _angka(_anak(trpr, "w", "gridAfter")) if trpr is not None else 0
        sel: list[str] = [""] * sebelum
        berisi: list[Any] = []
        for tc, kosong in _sel_tabel(tr):
            pr = _anak(tc, "w", "tcPr")
            rentang = _angka(_anak(pr, "w", "gridSpan")) if pr is not None else 0
            gabung = _anak(pr, "w", "vMerge") if pr is not None else None
            lanjutan = gabung is not None and _atribut(gabung, "val") in (None, "continue")
            sel.append("" if lanjutan or kosong else self._isi_sel(tc))
            if sel[-1]:
                berisi.append(tc)
            sel += [""] * max(rentang - 1, 0)
        sel += [""] * sesudah
        return tuple(sel), berisi

    def _isi_sel(self, wadah: Any) -> str:
        """A cell's text: its paragraphs (and nested tables, text boxes) as lines."""
        baris: list[str] = []
        for el in wadah:
            jenis, nama = _lokal(el)
            if jenis == "mc" and nama == "AlternateContent":
                baris.append(self._isi_sel(_pilihan(el)))
            if jenis != "w":
                continue
            if nama == "p":
                kotak: list[Any] = []
                baris.append(self._paragraf(el, " ", kotak))
                baris += [self._isi_sel(k) for k in kotak]
            elif nama == "tbl":
                for tr in _baris_tabel(el):
                    baris.append(" ".join(x for x in self._sel_baris(tr)[0] if x).replace("\n", " "))
            elif nama == "sdt":
                if not _placeholder(el):
                    isi = _anak(el, "w", "sdtContent")
                    if isi is not None:
                        baris.append(self._isi_sel(isi))
            elif nama in ("customXml", "ins", "moveTo", "smartTag"):
                baris.append(self._isi_sel(el))
        return _rapikan("\n".join(baris))

    # -- inline content --
    def _paragraf(self, p: Any, tab: str, kotak: list[Any]) -> str:
        keluar: list[str] = []
        self._sebaris(p, tab, kotak, keluar, [])
        return _pisah_rumus("".join(keluar))

    def _sebaris(self, wadah: Any, tab: str, kotak: list[Any], keluar: list[str], medan: list[bool]) -> None:
        """Inline children in order. ``medan``: for each open complex field, is it still in its
        instruction (True) or in its result (False)?"""
        for el in wadah:
            jenis, nama = _lokal(el)
            if jenis == "m":
                if nama in ("oMath", "oMathPara") and not any(medan):
                    keluar += [_RUMUS, _matematika(el), _RUMUS]
                continue
            if jenis == "mc":
                if nama == "AlternateContent":
                    self._sebaris(_pilihan(el), tab, kotak, keluar, medan)
                continue
            if jenis != "w":
                continue
            if nama == "r":
                self._run(el, tab, kotak, keluar, medan)
            elif nama in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "fldSimple", "dir", "bdo"):
                self._sebaris(el, tab, kotak, keluar, medan)
            elif nama == "sdt":
                if not _placeholder(el):
                    isi = _anak(el, "w", "sdtContent")
                    if isi is not None:
                        self._sebaris(isi, tab, kotak, keluar, medan)
            elif nama == "txbxContent":
                kotak.append(el)
            elif nama not in ("pPr", "rPr", "del", "moveFrom"):
                kotak += _kotak_teks(el)  # w:pict, w:object... outside a run: only text boxes within

    def _run(self, r: Any, tab: str, kotak: list[Any], keluar: list[str], medan: list[bool]) -> None:
        for el in r:
            jenis, nama = _lokal(el)
            if jenis == "mc":
                if nama == "AlternateContent":
                    self._run(_pilihan(el), tab, kotak, keluar, medan)
                continue
            if jenis != "w":
                continue
            if nama == "fldChar":
                jenis_f = _atribut(el, "fldCharType")
                if jenis_f == "begin":
                    medan.append(True)
                elif jenis_f == "separate" and medan:
                    medan[-1] = False
                elif jenis_f == "end" and medan:
                    medan.pop()
                continue
            if any(medan):
                continue  # the field's instruction
            if nama == "t":
                keluar.append(el.text or "")
            elif nama in ("tab", "ptab"):
                keluar.append(tab)
            elif nama in ("br", "cr"):
                keluar.append("\n")
            elif nama == "noBreakHyphen":
                keluar.append("-")
            elif nama == "sym":
                keluar.append(_simbol(_atribut(el, "char"), _atribut(el, "font")))
            elif nama in ("drawing", "pict", "object"):
                kotak += _kotak_teks(el)
            # w:instrText, w:delText, w:softHyphen, w:rPr, w:lastRenderedPageBreak...: nothing


_RUMUS = "\x00"  # marks where an equation starts and ends in a paragraph's text (never in XML text)


def _pisah_rumus(teks: str) -> str:
    """An equation set off by a space from the words next to it (Word draws a gap there; the
    equation's own text seldom has a space), not before closing punctuation or after an opening
    bracket.

    >>> _pisah_rumus("Rumus:\\x00a / b\\x00x 100 %"), _pisah_rumus("(\\x00a / b\\x00), lalu \\x00c\\x00.")
    ('Rumus: a / b x 100 %', '(a / b), lalu c.')
    """
    if _RUMUS not in teks:
        return teks
    bagian = teks.split(_RUMUS)
    keluar = bagian[0]
    for i, b in enumerate(bagian[1:], start=1):
        if b and keluar and not (keluar[-1].isspace() or b[0].isspace()):
            rumus_mulai = i % 2 == 1
            if not (rumus_mulai and keluar[-1] in "([{/" or not rumus_mulai and b[0] in ")]},.;:%/"):
                keluar += " "
        keluar += b
    return keluar


def _kotak_teks(el: Any) -> list[Any]:
    """The text boxes (``w:txbxContent``) in a drawing, in order: every box of a group, none
    twice (not the boxes inside a box, which its own walk reads; not an ``mc:Fallback`` copy)."""
    hasil: list[Any] = []
    tumpuk = [el]
    while tumpuk:
        x = tumpuk.pop()
        jenis, nama = _lokal(x)
        if (jenis, nama) == ("w", "txbxContent"):
            hasil.append(x)
        elif (jenis, nama) == ("mc", "AlternateContent"):
            tumpuk += reversed(list(_pilihan(x)))
        else:
            tumpuk += reversed(list(x))
    return hasil


def _pilihan(alt: Any) -> Any:
    """Of an ``mc:AlternateContent``, the first ``mc:Choice`` (Word's own rendering), else the
    ``mc:Fallback``: never both, they hold the same content twice."""
    for c in alt:
        if _lokal(c) in (("mc", "Choice"), ("mc", "Fallback")):
            return c
    return []


def _placeholder(sdt: Any) -> bool:
    pr = _anak(sdt, "w", "sdtPr")
    return pr is not None and _anak(pr, "w", "showingPlcHdr") is not None


def _angka(el: Any) -> int:
    if el is None:
        return 0
    try:
        return max(0, min(int(_atribut(el, "val") or "0"), 1000))
    except ValueError:
        return 0


def _simbol(kode: str | None, huruf: str | None = "Symbol") -> str:
    """The character of a ``w:sym`` (its code in the font ``huruf``): Symbol's private codes for
    the usual signs, Wingdings' check marks and boxes; another font's private code reads as
    nothing rather than as a wrong letter.

    >>> _simbol("F0B4"), _simbol("2265"), _simbol("F0FC", "Wingdings"), _simbol("F041", "Webdings"), _simbol("zz")
    ('×', '≥', '✓', '', '')
    """
    try:
        n = int(kode or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= n <= 0xF0FF:
        n -= 0xF000
        if (huruf or "").lower().startswith("wingdings"):
            return _WINGDINGS.get(n, "")
        if (huruf or "symbol").lower() != "symbol":
            return ""
        return _SIMBOL.get(n, chr(n) if 0x20 <= n < 0x7F else "")
    return chr(n) if 0x20 <= n <= 0x10FFFF and not 0xD800 <= n <= 0xDFFF else ""


def _baris_tabel(tbl: Any) -> list[Any]:
    """A table's rows, also those inside content controls; a deleted row (tracked) is gone."""
    hasil: list[Any] = []
    for el in tbl:
        jenis, nama = _lokal(el)
        if jenis != "w":
            continue
        if nama == "tr":
            trpr = _anak(el, "w", "trPr")
            if trpr is None or _anak(trpr, "w", "del") is None:
                hasil.append(el)
        elif nama == "sdt":
            isi = _anak(el, "w", "sdtContent")
            if isi is not None:
                hasil += _baris_tabel(isi)
        elif nama in ("customXml", "ins", "moveTo"):
            hasil += _baris_tabel(el)
    return hasil


def _sel_tabel(tr: Any, kosong: bool = False) -> list[tuple[Any, bool]]:
    """A row's cells, also those inside content controls, each with "reads as empty" (a control
    still showing its placeholder: the cell counts, its text does not)."""
    hasil: list[tuple[Any, bool]] = []
    for el in tr:
        jenis, nama = _lokal(el)
        if jenis != "w":
            continue
        if nama == "tc":
            hasil.append((el, kosong))
        elif nama == "sdt":
            isi = _anak(el, "w", "sdtContent")
            if isi is not None:
                hasil += _sel_tabel(isi, kosong or _placeholder(el))
        elif nama in ("customXml", "ins", "moveTo"):
            hasil += _sel_tabel(el, kosong)
    return hasil


def _memuat_tabel(tc: Any) -> bool:
    """Does a cell hold a table (directly or in a content control)?"""
    for el in tc:
        jenis, nama = _lokal(el)
        if jenis == "w" and (nama == "tbl" or nama in ("sdt", "sdtContent", "customXml") and _memuat_tabel(el)):
            return True
    return False
