"""Document adapters: each turns one form of IKU document into the rows the core importer reads.

One module per form (:mod:`.teks`, :mod:`.docx`, :mod:`.pdf`, :mod:`.xlsx`); each hands over
:class:`~iku_xl.core.impor.BarisSumber` rows, one cell text per grid column, in document order
(paragraphs and tables interleaved). Every rule about headers, continuation rows and signatures
is the core's (:mod:`iku_xl.core.impor`). A merged cell gives its text once, in its first grid
cell, and blanks in the cells it covers, the way a table pasted from Word reads: the core takes a
blank Sasaran or number as "the same as above".
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from iku_xl.core.errors import BerkasTidakValid, IkuError
from iku_xl.core.impor import BarisSumber
from iku_xl.workbook.pemeriksaan import berkas_biasa

SUMBER = (".txt", ".docx", ".pdf", ".xlsx", ".xlsm")


def baca_sumber(path: str | Path) -> list[BarisSumber]:
    """The rows of an IKU document, by its type."""
    p = Path(path)
    if not p.exists():
        raise BerkasTidakValid(f"berkas '{p}' tidak ditemukan", saran="Periksa nama dan folder berkas.")
    berkas_biasa(p)  # a FIFO would block the read for ever
    jenis = p.suffix.lower()
    if jenis not in SUMBER:
        raise BerkasTidakValid(f"berkas '{p.name}' tidak dapat diimpor (jenis {jenis or 'tanpa akhiran'})",
                               saran="Gunakan .docx, .pdf, .xlsx, atau teks (.txt) hasil salin dari Word/PDF.")
    from iku_xl.sumber.docx import baris_dari_docx
    from iku_xl.sumber.pdf import baris_dari_pdf
    from iku_xl.sumber.teks import baris_dari_berkas_teks
    from iku_xl.sumber.xlsx import baris_dari_xlsx

    try:
        if jenis == ".txt":
            return baris_dari_berkas_teks(p)
        if jenis == ".pdf":
            return baris_dari_pdf(p)
        if jenis == ".docx":
            return baris_dari_docx(p)
        return baris_dari_xlsx(p)
    except IkuError:
        raise  # already says what is wrong, e.g. which package to install
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, KeyError, ValueError) as e:
        raise BerkasTidakValid(f"berkas '{p.name}' tidak dapat dibaca ({type(e).__name__})",
                               saran="Buka dan simpan ulang berkas itu di Word/Excel, lalu coba lagi.") from None
    except OSError as e:  # read errors (permission, a disk or network share gone) are not bugs
        raise BerkasTidakValid(f"berkas '{p.name}' tidak dapat dibaca (kesalahan baca berkas, "
                               f"{type(e).__name__}{f' errno {e.errno}' if e.errno else ''})",
                               saran="Periksa izin baca berkas dan foldernya, salin berkas itu ke folder lokal, "
                                     "lalu coba lagi.") from None
