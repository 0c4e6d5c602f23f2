"""The Cetak PDF button: the report sheets of the open workbook to a PDF, by Excel itself.

Excel's own ``Workbook.ExportAsFixedFormat`` through xlwings' ``Book.to_pdf(path, include=...)``,
which hides every worksheet not included for the export (and shows them again after), so the
PDF holds the report sheets only, each with its own print setup (A4, one page wide, header rows
repeated). ``Book.sheets`` holds worksheets only, while Excel exports every visible sheet: the
chart sheets not chosen are hidden here around the call (desktop Excel on Windows, through
``book.api.Charts``). Which sheets are reports is the core's one list
(:func:`iku_xl.core.dokumen.lembar_cetak`), the same rule as ``iku-xl laporan --pdf``.

xlwings Server (Excel on the web) has no Excel to export with: the button says so and names the
command that prints through LibreOffice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from iku_xl.core.dokumen import lembar_cetak, tahun_lembar_laporan
from iku_xl.xl.render_xl import klasik

PESAN_SERVER = ("Cetak PDF hanya dapat dijalankan di Excel desktop (Windows atau Mac): di sini tidak ada Excel "
                "yang dapat menyimpan PDF. Simpan buku kerjanya ke komputer, lalu jalankan "
                "'iku-xl laporan NAMA_BERKAS.xlsx --pdf' (memakai LibreOffice), atau buka di Excel desktop dan klik "
                "Cetak PDF.")
_TERSEMBUNYI = 0  # XlSheetVisibility.xlSheetHidden


def _grafik(book: Any) -> list[Any]:
    """The chart sheets of the workbook as Excel objects (Windows COM); none where unavailable."""
    try:
        return list(book.api.Charts)
    except AttributeError:  # Excel on the Mac (appscript) has no Charts collection like this
        return []


def _tahun_profil(book: Any) -> int | None:
    """Tahun Laporan in Profil, as the other buttons read it."""
    from iku_xl.core.baca import baca_buku
    from iku_xl.xl.baca_xl import lembaran_xl

    return baca_buku(lembaran_xl(book))[0].profil.tahun


def tahun_cetak(book: Any) -> int | None:
    """Whose reports to print: the year of the active sheet when it is a report, else Tahun
    Laporan in Profil (None: every year's)."""
    aktif = tahun_lembar_laporan(book.sheets.active.name)
    return aktif if aktif is not None else _tahun_profil(book)


def path_pdf_tombol(fullname: str, tahun: int | None) -> Path | None:
    """The PDF beside the workbook, or None when the workbook was never saved (no folder).

    >>> path_pdf_tombol("C:/Data/IKU Legok.xlsm", 2020).name
    'IKU Legok_laporan-2020.pdf'
    >>> path_pdf_tombol("Book1", 2020) is None
    True
    """
    path = Path(fullname)
    if path.parent == Path(".") or not path.suffix:
        return None
    return path.with_name(f"{path.stem}_laporan{f'-{tahun}' if tahun else ''}.pdf")


def ekspor(book: Any, nama: Sequence[str], tujuan: str) -> None:
    """Excel saves the sheets ``nama`` (worksheets and chart sheets) of ``book`` as the PDF ``tujuan``."""
    grafik = [(c, c.Visible) for c in _grafik(book)]
    try:
        for c, _ in grafik:
            if c.Name not in nama:
                c.Visible = _TERSEMBUNYI
        lembar_kerja = [n for n in nama if n in {s.name for s in book.sheets}]
        book.to_pdf(tujuan, include=lembar_kerja)
    finally:
        for c, terlihat in grafik:
            if c.Visible != terlihat:
                c.Visible = terlihat


def cetak_pdf(book: Any, waktu: dt.datetime) -> str:
    """Save the report sheets of ``book`` as a PDF beside it; return the message shown."""
    from iku_xl.workbook.simpan import tulis_aman

    if not klasik(book):
        return PESAN_SERVER
    tahun = tahun_cetak(book)
    semua = [s.name for s in book.sheets] + [c.Name for c in _grafik(book)]
    pilih = lembar_cetak(semua, tahun)
    if not pilih:
        return (f"Belum ada lembar laporan{f' {tahun}' if tahun else ''} untuk dicetak. Klik Buat Laporan dulu, "
                "lalu klik Cetak PDF lagi.")
    urut = [n for n in semua if n in pilih]  # the workbook's order (chart sheets after worksheets here)
    tujuan = path_pdf_tombol(book.fullname, tahun)
    if tujuan is None:
        return "Buku kerja ini belum pernah disimpan. Simpan dulu (File > Simpan), lalu klik Cetak PDF lagi."
    cadangan = tulis_aman(lambda p: ekspor(book, urut, p), tujuan, timpa=True, waktu=waktu, opsi_nama=None)
    pesan = f"PDF disimpan di: {tujuan}\nLembar: {', '.join(urut)}."
    if cadangan:
        pesan += f"\nPDF lama disimpan sebagai: {cadangan.name}"
    return pesan
