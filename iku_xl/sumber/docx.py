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
is :class:`~iku_xl.core.errors.BerkasTidakValid` with what to do.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from posixpath import normpath
from typing import Any

from iku_xl.core.errors import BerkasTidakValid
from iku_xl.core.impor import BarisSumber

_W = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "http://purl.oclc.org/ooxml/wordprocessingml/main")  # Transitional, Strict
_M = ("http://schemas.openxmlformats.org/officeDocument/2006/math",
      "http://purl.oclc.org/ooxml/officeDocument/math")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_R_DOK = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
          "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")

#: The main document part inflated: a 300-page Word report is a few MB of XML.
MAKS_ISI_DOKUMEN = 128 << 20

_SARAN_SIMPAN = "Buka berkas itu di Word lalu simpan sebagai Dokumen Word (.docx) dan coba lagi; atau pakai " \
                "salinan aslinya."


def _tolak(nama: str, pesan: str, saran: str = _SARAN_SIMPAN) -> BerkasTidakValid:
    return BerkasTidakValid(f"berkas '{nama}' tidak dapat dibaca sebagai dokumen Word: {pesan}", saran=saran)


def baris_dari_docx(path: Path) -> list[BarisSumber]:
    """Paragraphs and table rows in document order (see the module's docstring)."""
    try:
        import docx  # noqa: F401  (python-docx brings lxml; it is the dependency staff install)
        from lxml import etree
    except ImportError:
        raise BerkasTidakValid("membaca .docx memerlukan paket python-docx",
                               saran='Pasang dengan: pip install "iku-xl[docx]"; atau simpan tabelnya sebagai '
                                     "teks (.txt) atau .xlsx.") from None
    xml = _bagian_dokumen(Path(path))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        akar = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as e:
        raise _tolak(Path(path).name, f"isi dokumennya (word/document.xml) rusak ({e.msg})") from None
    if _lokal(akar) != ("w", "document"):
        _bukan_word(Path(path).name, {_lokal(akar)[1]})
    try:
        return _Pembaca().baca(akar)
    except RecursionError:
        raise _tolak(Path(path).name, "susunan isinya bersarang terlalu dalam") from None


# ---- the file: a zip holding a Word document, within limits ------------------------------------

def _jenis_lain(kepala: bytes, data: bytes) -> tuple[str, str]:
    """What a file that is not a zip is, and what to do."""
    if kepala.startswith(bytes.fromhex("d0cf11e0a1b11ae1")):  # OLE compound file
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            return ("dokumen terkunci sandi (terenkripsi)",
                    "Buka di Word dengan sandinya, hapus sandi (File > Info > Lindungi Dokumen > Enkripsi dengan "
                    "Kata Sandi, kosongkan), simpan, lalu coba lagi.")
        return ("berformat Word 97-2003 (.doc) lama, bukan .docx",
                "Buka di Word lalu simpan sebagai Dokumen Word (.docx) (File > Simpan Sebagai), lalu coba lagi.")
    if kepala.startswith(b"%PDF"):
        return ("isinya dokumen PDF yang diberi akhiran .docx",
                "Ganti akhiran namanya menjadi .pdf lalu impor berkas .pdf itu.")
    if kepala.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return ("berformat RTF, bukan .docx", _SARAN_SIMPAN)
    awal = kepala.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if awal.startswith((b"<?xml", b"<html", b"<!doctype", b"<w:", b"<pkg:")):
        return ("berformat XML/HTML (mis. \"Dokumen XML Word\" atau halaman web), bukan .docx", _SARAN_SIMPAN)
    return ("isinya bukan dokumen Word .docx (bukan arsip zip)", _SARAN_SIMPAN)


def _bagian_dokumen(p: Path) -> bytes:
    """The bytes of the main document part, after checking the file the way workbooks are
    checked (:mod:`iku_xl.workbook.pemeriksaan`: regular file, size, zip directory, ratio)."""
    from iku_xl.workbook.pemeriksaan import MAKS_ENTRI, MAKS_RASIO, MAKS_UKURAN_BERKAS, MIB, RASIO_MULAI, _buka_biasa

    nama = p.name
    with _buka_biasa(p) as f:
        data = f.read(MAKS_UKURAN_BERKAS + 1)
    if not data:
        raise _tolak(nama, "berkas kosong (0 byte)", "Pakai salinan lain dari berkas itu (mis. cadangan atau "
                     "lampiran aslinya); berkas kosong sering akibat penyimpanan atau unduhan yang terputus.")
    if len(data) > MAKS_UKURAN_BERKAS:
        raise _tolak(nama, f"terlalu besar (lebih dari {MAKS_UKURAN_BERKAS // MIB} MB)",
                     "Simpan tabel IKU-nya saja di dokumen Word tersendiri, lalu impor dokumen itu.")
    if not data.startswith(b"PK"):
        raise _tolak(nama, *_jenis_lain(data[:64], data))
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            entri = z.infolist()
            if len(entri) > MAKS_ENTRI:
                raise _tolak(nama, f"berisi {len(entri)} bagian; ini bukan dokumen Word biasa")
            nama_dok = _nama_bagian_dokumen(nama, z)
            if nama_dok is None or not nama_dok.startswith("word/"):
                _bukan_word(nama, {e.filename.split("/")[0] for e in entri})
            e = z.getinfo(nama_dok)
            if e.flag_bits & 0x1:
                raise _tolak(nama, "bagian dokumennya terenkripsi", _jenis_lain(bytes.fromhex("d0cf11e0a1b11ae1"),
                                                                                "EncryptionInfo".encode("utf-16-le"))[1])
            if e.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _tolak(nama, f"memakai kompresi yang tidak dipakai Word (bagian {e.filename})")
            if e.file_size > MAKS_ISI_DOKUMEN or (e.file_size > RASIO_MULAI
                                                   and e.file_size > MAKS_RASIO * max(e.compress_size, 1)):
                raise _tolak(nama, f"bagian {e.filename} mengembang jauh melampaui batas saat dibuka ("
                             f"{e.file_size // MIB} MB dari {e.compress_size // 1024 + 1} KB; paling banyak "
                             f"{MAKS_ISI_DOKUMEN // MIB} MB): mungkin bom zip",
                             "Jangan buka berkas ini; minta unit pengirim menyimpan ulang dokumennya dari Word "
                             "lalu mengirimkannya lagi.")
            # zipfile never gives more than the stated size (checked above) and checks the CRC
            xml = z.read(e)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as e:
        if isinstance(e, BerkasTidakValid):
            raise
        raise _tolak(nama, "rusak atau tidak lengkap (arsip zip tidak utuh, mis. unduhan atau penyimpanan yang "
                     "terputus)") from None
    if _ada_doctype(xml):
        raise _tolak(nama, "bagian dokumennya memuat deklarasi DOCTYPE/ENTITY, yang tidak pernah ditulis Word "
                     "(berkas ini dibuat atau diubah oleh program lain)",
                     "Jangan buka berkas ini; minta unit pengirim menyimpan ulang dokumennya dari Word.")
    return xml


def _bukan_word(nama: str, tanda: set[str]) -> None:
    """Refuse a zip that holds no Word document, naming what it holds when it is Office's."""
    if tanda & {"xl", "workbook"}:
        raise _tolak(nama, "isinya buku kerja Excel yang diberi akhiran .docx",
                     "Ganti akhiran namanya menjadi .xlsx lalu impor berkas .xlsx itu.")
    if tanda & {"ppt", "presentation"}:
        raise _tolak(nama, "isinya presentasi PowerPoint, bukan dokumen Word",
                     "Salin tabel IKU-nya ke dokumen Word (.docx) lalu impor dokumen itu.")
    if "META-INF" in tanda or "mimetype" in tanda:
        raise _tolak(nama, "isinya dokumen OpenDocument (.odt), bukan .docx",
                     "Buka di LibreOffice/Word lalu simpan sebagai Dokumen Word (.docx), lalu coba lagi.")
    raise _tolak(nama, "arsip zip ini tidak berisi dokumen Word (word/document.xml tidak ada)")


def _nama_bagian_dokumen(nama: str, z: zipfile.ZipFile) -> str | None:
    """The main document part named by ``_rels/.rels`` (normally word/document.xml)."""
    ada = set(z.namelist())
    if "_rels/.rels" in ada:
        info = z.getinfo("_rels/.rels")
        if info.file_size <= 1 << 20:
            rels = z.read(info)
            if not _ada_doctype(rels):
                for m in re.finditer(rb"<(?:\w+:)?Relationship\b[^>]*>", rels):
                    tag = m.group(0)
                    jenis = re.search(rb'Type\s*=\s*"([^"]*)"', tag)
                    target = re.search(rb'Target\s*=\s*"([^"]*)"', tag)
                    if jenis and target and jenis.group(1).decode("utf-8", "replace") in _R_DOK:
                        t = target.group(1).decode("utf-8", "replace")
                        t = normpath(t.lstrip("/"))  # relative to the package's root
                        if t in ada:
                            return t
    return "word/document.xml" if "word/document.xml" in ada else None


def _ada_doctype(xml: bytes) -> bool:
    """Does the XML's prolog (or anything) declare a DOCTYPE or ENTITY? UTF-16 parts are looked
    at too.

    >>> _ada_doctype(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'), _ada_doctype(b"<w:document/>")
    (True, False)
    """
    if xml[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            xml = xml.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return True
    return b"<!DOCTYPE" in xml[:4096].upper() or b"<!ENTITY" in xml.upper()


# ---- the walk ----------------------------------------------------------------------------------

#: Symbol/Wingdings private-use codes Word writes in ``w:sym`` for common signs.
_SIMBOL = {0x2D: "-", 0xB4: "×", 0xB8: "÷", 0xB3: "≥", 0xA3: "≤", 0xB1: "±", 0xB9: "≠", 0xD7: "·",
           0x3D: "=", 0x2B: "+", 0x25: "%", 0xA5: "∞", 0xE5: "∑", 0xD6: "√", 0xAE: "→", 0xB0: "°"}

_OPERATOR = re.compile(r"[+\-−–×·*/÷=<>≤≥]")


def _lokal(el: Any) -> tuple[str, str]:
    """(namespace kind, local name) of an element: "w", "m", "mc" or "" for the rest."""
    tag = el.tag
    if not isinstance(tag, str) or tag[0] != "{":
        return "", ""
    ns, _, lokal = tag[1:].partition("}")
    if ns in _W:
        return "w", lokal
    if ns in _M:
        return "m", lokal
    if ns == _MC:
        return "mc", lokal
    return "", lokal


def _atribut(el: Any, nama: str) -> str | None:
    for ns in _W + _M:
        v = el.get(f"{{{ns}}}{nama}")
        if v is not None:
            return v
    return None


def _anak(el: Any, jenis: str, nama: str) -> Any:
    for c in el:
        if _lokal(c) == (jenis, nama):
            return c
    return None


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
            bingkai = _sel_bingkai(tr)
            if bingkai is not None:  # a frame around a table: read what it holds as blocks
                self._blok(bingkai)
                continue
            self.nomor += 1
            self.baris.append(BarisSumber(self._sel_baris(tr), self.nomor, indeks))

    def _sel_baris(self, tr: Any) -> tuple[str, ...]:
        trpr = _anak(tr, "w", "trPr")
        sebelum = _angka(_anak(trpr, "w", "gridBefore")) if trpr is not None else 0
        sesudah = _angka(_anak(trpr, "w", "gridAfter")) if trpr is not None else 0
        sel: list[str] = [""] * sebelum
        for tc, kosong in _sel_tabel(tr):
            pr = _anak(tc, "w", "tcPr")
            rentang = _angka(_anak(pr, "w", "gridSpan")) if pr is not None else 0
            gabung = _anak(pr, "w", "vMerge") if pr is not None else None
            lanjutan = gabung is not None and _atribut(gabung, "val") in (None, "continue")
            sel.append("" if lanjutan or kosong else self._isi_sel(tc))
            sel += [""] * max(rentang - 1, 0)
        sel += [""] * sesudah
        return tuple(sel)

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
                    baris.append(" ".join(x for x in self._sel_baris(tr) if x).replace("\n", " "))
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
        return "".join(keluar)

    def _sebaris(self, wadah: Any, tab: str, kotak: list[Any], keluar: list[str], medan: list[bool]) -> None:
        """Inline children in order. ``medan``: for each open complex field, is it still in its
        instruction (True) or in its result (False)?"""
        for el in wadah:
            jenis, nama = _lokal(el)
            if jenis == "m":
                if nama in ("oMath", "oMathPara") and not any(medan):
                    keluar.append(_matematika(el))
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
                # w:pict, w:object, w:drawing outside a run...: only text boxes within
                for k in el.iter():
                    if _lokal(k) == ("w", "txbxContent"):
                        kotak.append(k)
                        break

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
                keluar.append(_simbol(_atribut(el, "char")))
            elif nama in ("drawing", "pict", "object"):
                for k in el.iter():
                    if _lokal(k) == ("w", "txbxContent"):
                        kotak.append(k)
                        break
            # w:instrText, w:delText, w:softHyphen, w:rPr, w:lastRenderedPageBreak...: nothing


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


def _simbol(kode: str | None) -> str:
    """The character of a ``w:sym``.

    >>> _simbol("F0B4"), _simbol("2265"), _simbol("zz")
    ('×', '≥', '')
    """
    try:
        n = int(kode or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= n <= 0xF0FF:
        n -= 0xF000
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


def _teks_kasar(el: Any) -> bool:
    """Does the element hold any visible text (w:t, m:t)?"""
    for t in el.iter():
        j, n = _lokal(t)
        if n == "t" and j in ("w", "m") and (t.text or "").strip():
            return True
    return False


def _sel_bingkai(tr: Any) -> Any:
    """The cell of a row that only frames a table: the row's one cell holding anything, and it
    holds a table. None for an ordinary row."""
    isi = [tc for tc, kosong in _sel_tabel(tr) if not kosong and _teks_kasar(tc)]
    if len(isi) != 1:
        return None
    tc = isi[0]
    if any(_lokal(el) == ("w", "tbl") for el in tc.iter()):
        return tc
    return None


# ---- equations ---------------------------------------------------------------------------------

def _matematika(el: Any) -> str:
    """An equation's text (see the module's docstring)."""
    jenis, nama = _lokal(el)
    if nama == "oMathPara":
        return "\n".join(_matematika(c) for c in el if _lokal(c) == ("m", "oMath"))
    return _m(el)


def _m(el: Any) -> str:
    """The text of an OMML element in order; fractions as "a / b"."""
    bagian: list[tuple[str, bool]] = []  # (text, is a fraction)
    for c in el:
        jenis, nama = _lokal(c)
        if nama.endswith("Pr") or jenis not in ("m", "w"):
            continue
        if jenis == "w":
            if nama == "r":  # a Word run inside an equation (text typed as "normal text")
                bagian.append(("".join(t.text or "" for t in c.iter() if _lokal(t) == ("w", "t")), False))
            continue
        if nama == "r":
            bagian.append(("".join((t.text or "") if _lokal(t)[1] == "t" else "\n" if _lokal(t)[1] == "br" else ""
                                   for t in c.iter()), False))
        elif nama == "f":
            bagian.append((_pecahan(c), True))
        elif nama == "d":
            bagian.append((_kurung(c), False))
        elif nama in ("sSup", "sSubSup"):
            e, sub, sup = (_m(_anak(c, "m", n)) if _anak(c, "m", n) is not None else "" for n in ("e", "sub", "sup"))
            bagian.append((e + sub + (f"^{sup}" if sup else ""), False))
        elif nama == "nary":
            pr = _anak(c, "m", "naryPr")
            simbol = _anak(pr, "m", "chr") if pr is not None else None
            tanda = (_atribut(simbol, "val") or "∫") if simbol is not None else "∫"
            sub, sup, e = (_m(_anak(c, "m", n)) if _anak(c, "m", n) is not None else "" for n in ("sub", "sup", "e"))
            bagian.append((" ".join(x for x in (tanda + sub + sup, e) if x), False))
        elif nama == "rad":
            e = _anak(c, "m", "e")
            bagian.append((f"√({_m(e) if e is not None else ''})", False))
        elif nama == "eqArr":
            bagian.append(("\n".join(_m(x) for x in c if _lokal(x) == ("m", "e")), False))
        else:  # e, num, den, sSub, func, acc, bar, box, limLow, groupChr, m (matrix)...: text in order
            bagian.append((_m(c), False))
    return _sambung(bagian)


def _sambung(bagian: list[tuple[str, bool]]) -> str:
    """Join an equation's pieces; a fraction is set off by spaces from the text around it except
    next to a bracket or a space.

    >>> _sambung([("Capaian=", False), ("a / b", True), ("×100%", False)])
    'Capaian= a / b ×100%'
    >>> _sambung([("(", False), ("a / b", True), (")", False)])
    '(a / b)'
    """
    keluar = ""
    sebelumnya_pecahan = False
    for teks, pecahan in bagian:
        if not teks:
            continue
        if keluar and (pecahan or sebelumnya_pecahan):
            kiri, kanan = keluar[-1], teks[0]
            if not (kiri.isspace() or kanan.isspace() or kiri in "([{" or kanan in ")]}"):
                keluar += " "
        keluar += teks
        sebelumnya_pecahan = pecahan
    return keluar


def _pecahan(f: Any) -> str:
    """ "pembilang / penyebut", a side holding an operator (or a space between two terms that
    could read as one) in parentheses."""
    sisi = []
    for n in ("num", "den"):
        el = _anak(f, "m", n)
        t = " ".join(_m(el).split()) if el is not None else ""
        if _OPERATOR.search(t) and not _berkurung(t):
            t = f"({t})"
        sisi.append(t)
    return f"{sisi[0]} / {sisi[1]}"


def _berkurung(t: str) -> bool:
    """Is the whole text one bracketed group?

    >>> _berkurung("(a + b)"), _berkurung("(a) + (b)"), _berkurung("[R - T]")
    (True, False, True)
    """
    pasangan = {"(": ")", "[": "]", "{": "}"}
    if not t or t[-1] != pasangan.get(t[0]):
        return False
    dalam = 0
    for i, ch in enumerate(t):
        dalam += {t[0]: 1, t[-1]: -1}.get(ch, 0)
        if dalam == 0 and i < len(t) - 1:
            return False
    return True


def _kurung(d: Any) -> str:
    """An ``m:d`` delimiter: its parts between its brackets (default round), separated by its
    separator (default "|")."""
    pr = _anak(d, "m", "dPr")

    def nilai(nama: str, baku: str) -> str:
        el = _anak(pr, "m", nama) if pr is not None else None
        if el is None:
            return baku
        v = _atribut(el, "val")
        return baku if v is None else v

    isi = [_m(e) for e in d if _lokal(e) == ("m", "e")]
    return nilai("begChr", "(") + nilai("sepChr", "|").join(isi) + nilai("endChr", ")")
