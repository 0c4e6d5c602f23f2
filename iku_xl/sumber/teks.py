"""Text copied from Word or a PDF viewer and saved as .txt."""

from __future__ import annotations

from pathlib import Path

from iku_xl.core.impor import BarisSumber


def baris_dari_teks(teks: str) -> list[BarisSumber]:
    """Rows of text pasted from Word/PDF: one per line, cells split on tabs.

    >>> baris_dari_teks("**NO**\\tSASARAN  \\n\\n")
    [BarisSumber(sel=('NO', 'SASARAN'), nomor=1, tabel=None), BarisSumber(sel=('',), nomor=2, tabel=None)]
    """
    return [BarisSumber(tuple(c.replace("**", "").strip() for c in baris.split("\t")), i)
            for i, baris in enumerate(teks.splitlines(), start=1)]


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
