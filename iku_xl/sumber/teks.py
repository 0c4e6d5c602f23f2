"""Text copied from Word or a PDF viewer and saved as .txt.

Two forms, told apart by the tabs:

* Text with tabs (Word, Excel, many viewers): one row per line, cells split on tabs, as always.
* Text whose columns are aligned with spaces (``pdftotext -layout``, the copy some PDF viewers
  give): the columns are found over each block of lines from the gutters of two spaces or more
  that all its lines share (:mod:`iku_xl.sumber.kolom`), and the wrapped lines of a cell are
  joined into it, one "\\n" per line. Page headers/footers around form feeds are dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

from iku_xl.core.errors import BerkasTidakValid
from iku_xl.core.impor import BarisSumber
from iku_xl.sumber.kolom import Garis, Potongan, kepala_kaki, susun

_POTONGAN = re.compile(r"\S+(?: \S+)*")  # words apart by single spaces; two spaces or more cut


def baris_dari_teks(teks: str) -> list[BarisSumber]:
    """Rows of text pasted from Word/PDF: cells split on tabs, or on columns of aligned spaces.

    >>> baris_dari_teks("**NO**\\tSASARAN  \\n\\n")
    [BarisSumber(sel=('NO', 'SASARAN'), nomor=1, tabel=None), BarisSumber(sel=('',), nomor=2, tabel=None)]
    >>> [b.sel for b in baris_dari_teks("NO   INDIKATOR     TARGET\\n1    Persentase    90\\n     pengaduan\\n")]
    [('NO', 'INDIKATOR', 'TARGET'), ('1', 'Persentase\\npengaduan', '90')]
    """
    if "\t" in teks or not re.search(r"\S {2,}\S", teks):
        return [BarisSumber(tuple(c.replace("**", "").strip() for c in baris.split("\t")), i)
                for i, baris in enumerate(teks.splitlines(), start=1)]
    return _baris_spasi(teks)


def _baris_spasi(teks: str) -> list[BarisSumber]:
    halaman = [h.replace("**", "").expandtabs().splitlines() for h in teks.split("\f")]
    isi = [[(0.0, b) for b in h if b.strip()] for h in halaman]
    buang = kepala_kaki(isi) if len(halaman) > 1 else set()
    garis: list[Garis] = []
    for h, baris in enumerate(halaman):
        kosong, k = 0, 0
        baru = h > 0
        for b in baris:
            if not b.strip():
                kosong += 1
                continue
            k += 1
            if (h, k - 1) in buang:
                continue
            potongan = tuple(Potongan(m.start(), m.end(), m.group()) for m in _POTONGAN.finditer(b))
            garis.append(Garis(potongan, kosong if garis else 0, baru and bool(garis)))
            kosong, baru = 0, False
    return [BarisSumber(sel, i) for i, sel in enumerate(susun(garis), start=1)]


def tanpa_kolom(baris: list[BarisSumber]) -> bool:
    """No row with two cells or more: nothing that can be a table."""
    return not any(sum(bool(c.strip()) for c in b.sel) >= 2 for b in baris)


def baris_dari_berkas_teks(p: Path) -> list[BarisSumber]:
    """The rows of a .txt file; a text without any column is refused with what was expected."""
    baris = baris_dari_teks(baca_teks(p))
    if tanpa_kolom(baris):
        raise BerkasTidakValid(
            f"Buku kerja TIDAK dibuat: tidak ada tabel IKU yang terbaca dari sumber ini. Teks '{p.name}' tidak "
            "berkolom: iku-xl mencari baris tabel yang selnya dipisah tab, atau kolom yang sejajar dengan dua "
            "spasi atau lebih",
            saran="Bila teks ini disalin dari PDF, impor berkas PDF-nya langsung (iku-xl impor DOKUMEN.pdf); "
                  "atau salin tabelnya dari Word (sel dipisah tab) lalu simpan sebagai .txt.")
    return baris


def baca_teks(p: Path) -> str:
    data = p.read_bytes()
    for kodek in ("utf-8-sig", "utf-16", "cp1252"):  # Notepad saves UTF-8 or ANSI, Word "Unicode" UTF-16
        try:
            teks = data.decode(kodek)
        except UnicodeDecodeError:
            continue
        if "\x00" not in teks:
            return teks
    return data.decode("latin-1")
