"""A Word document (.docx): paragraphs and table rows in document order."""

from __future__ import annotations

from pathlib import Path

from iku_xl.core.errors import BerkasTidakValid
from iku_xl.core.impor import BarisSumber


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
