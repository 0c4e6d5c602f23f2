"""Read an IKU document (pasted text, .docx, .xlsx) into the rows the core importer reads,
and write the imported workbook.

The adapters only turn a file into :class:`~iku_xl.core.impor.BarisSumber` rows, one cell
text per grid column, in document order (paragraphs and tables interleaved); every rule
about headers, continuation rows and signatures is the core's (:mod:`iku_xl.core.impor`).
A merged cell gives its text once, in its first grid cell, and blanks in the cells it
covers, the way a table pasted from Word reads: the core takes a blank Sasaran or number
as "the same as above".
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from iku_xl.core.errors import BerkasTidakValid, IkuError
from iku_xl.core.impor import BarisSumber, HasilImpor, baris_dari_teks, impor_baris
from iku_xl.core.model import teks_angka
from iku_xl.core.skema import INDIKATOR, BARIS_JUDUL
from iku_xl.workbook.pemeriksaan import berkas_biasa, diperiksa

if TYPE_CHECKING:
    from openpyxl import Workbook

SUMBER = (".txt", ".docx", ".xlsx", ".xlsm")


def _teks_angka(x: object, persen: bool = False) -> str:
    """A number from a spreadsheet cell as staff would type it (decimal comma).

    >>> _teks_angka(83.5), _teks_angka(2024), _teks_angka(0.6, persen=True)
    ('83,5', '2024', '60 %')
    """
    if isinstance(x, bool) or not isinstance(x, int | float):
        return "" if x is None else str(x).strip()
    return f"{teks_angka(x * 100)} %" if persen else teks_angka(x)


@diperiksa  # a FIFO, a zip bomb or a far-away cell is refused before openpyxl reads every sheet densely
def baris_dari_xlsx(path: Path) -> list[BarisSumber]:
    """Every sheet's rows; each sheet is a table of its own."""
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    baris: list[BarisSumber] = []
    for t, ws in enumerate(wb.worksheets):
        for r, sel in enumerate(ws.iter_rows(), start=1):
            teks = tuple(_teks_angka(c.value, "%" in (c.number_format or "")) for c in sel)
            if any(teks):
                baris.append(BarisSumber(teks, r, t))
    return baris


def baris_dari_docx(path: Path) -> list[BarisSumber]:
    """Paragraphs and table rows in document order; merged cells give their text once."""
    try:
        import docx
    except ImportError:
        raise BerkasTidakValid("membaca .docx memerlukan paket python-docx",
                               saran='Pasang dengan: pip install "iku-xl[docx]"; atau simpan tabelnya sebagai '
                                     "teks (.txt) atau .xlsx.") from None
    from docx.oxml.ns import qn

    dokumen = docx.Document(str(path))
    baris: list[BarisSumber] = []
    nomor = 0
    n_tabel = 0
    for blok in dokumen.element.body.iterchildren():
        if blok.tag == qn("w:p"):
            nomor += 1
            teks = "".join(t.text or "" for t in blok.iter(qn("w:t"))).strip()
            if teks:
                baris.append(BarisSumber((teks,), nomor, None))
        elif blok.tag == qn("w:tbl"):
            for tr in blok.iter(qn("w:tr")):
                nomor += 1
                sel: list[str] = []
                for tc in tr.iter(qn("w:tc")):
                    pr = tc.find(qn("w:tcPr"))
                    rentang = pr.find(qn("w:gridSpan")) if pr is not None else None
                    gabung_v = pr.find(qn("w:vMerge")) if pr is not None else None
                    lanjutan = gabung_v is not None and gabung_v.get(qn("w:val")) in (None, "continue")
                    paragraf = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
                    sel.append("" if lanjutan else "\n".join(x for x in paragraf if x).strip())
                    sel += [""] * (int(rentang.get(qn("w:val"))) - 1 if rentang is not None else 0)
                baris.append(BarisSumber(tuple(sel), nomor, n_tabel))
            n_tabel += 1
    return baris


def baca_sumber(path: str | Path) -> list[BarisSumber]:
    """The rows of an IKU document, by its type."""
    p = Path(path)
    if not p.exists():
        raise BerkasTidakValid(f"berkas '{p}' tidak ditemukan", saran="Periksa nama dan folder berkas.")
    berkas_biasa(p)  # a FIFO would block the read for ever
    jenis = p.suffix.lower()
    if jenis not in SUMBER:
        raise BerkasTidakValid(f"berkas '{p.name}' tidak dapat diimpor (jenis {jenis or 'tanpa akhiran'})",
                               saran="Gunakan .docx, .xlsx, atau teks (.txt) hasil salin dari Word/PDF. "
                                     "Dokumen PDF: salin tabelnya ke Notepad lalu simpan sebagai .txt.")
    try:
        if jenis == ".txt":
            return baris_dari_teks(_baca_teks(p))
        if jenis == ".docx":
            return baris_dari_docx(p)
        return baris_dari_xlsx(p)
    except IkuError:
        raise  # already says what is wrong, e.g. which package to install
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise BerkasTidakValid(f"berkas '{p.name}' tidak dapat dibaca ({type(e).__name__})",
                               saran="Buka dan simpan ulang berkas itu di Word/Excel, lalu coba lagi.") from None


def _baca_teks(p: Path) -> str:
    data = p.read_bytes()
    for kodek in ("utf-8-sig", "utf-16", "cp1252"):  # Notepad saves UTF-8 or ANSI, Word "Unicode" UTF-16
        try:
            teks = data.decode(kodek)
        except UnicodeDecodeError:
            continue
        if "\x00" not in teks:
            return teks
    return data.decode("latin-1")


def impor(path: str | Path) -> HasilImpor:
    """Read an IKU document with the core importer."""
    return impor_baris(baca_sumber(path))


def tandai_dugaan(wb: Workbook, hasil: HasilImpor) -> None:
    """Colour and comment every inferred Satuan/Polaritas cell on the Indikator sheet."""
    from openpyxl.comments import Comment

    from iku_xl.workbook.tulis import atribut_gaya

    ws = wb[INDIKATOR.nama]
    kolom = {k.field: j for j, k in enumerate(INDIKATOR.kolom, start=1)}
    baris = {ws.cell(r, 1).value: r for r in range(BARIS_JUDUL + 1, ws.max_row + 1)}
    for d in hasil.dugaan:
        if d.kode not in baris or d.field not in kolom:
            continue
        sel = ws.cell(baris[d.kode], kolom[d.field])
        sel.fill = atribut_gaya("peringatan")["fill"]
        sel.comment = Comment(f"Diduga oleh iku-xl impor: {d.alasan}. Periksa dan perbaiki bila salah.",
                              "iku-xl", width=260, height=90)


def buku_impor(hasil: HasilImpor, nama_sumber: str, waktu: dt.datetime) -> Workbook:
    """The new workbook: the template filled with what was read, the inferred cells marked,
    and a "Catatan Impor" sheet listing what could not be read."""
    from iku_xl.core.catatan_impor import susun_catatan_impor
    from iku_xl.workbook.templat import buat_templat
    from iku_xl.workbook.tulis import terapkan

    wb = buat_templat(hasil.buku)
    tandai_dugaan(wb, hasil)
    terapkan(wb, susun_catatan_impor(hasil, nama_sumber, waktu))
    return wb
