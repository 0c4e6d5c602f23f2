"""The buttons as xlwings Server custom scripts (Excel on the web and on Mac): Hitung Capaian,
Validasi, Buat Laporan, Perjanjian Kinerja, Analisis Capaian, Laporan IKM. Cetak PDF has none (no Excel here
saves a PDF: the task pane says to use ``iku-xl laporan BUKU --pdf``).

Imported by the server's ``custom_scripts`` package (see ``server_proyek/``), after
xlwings Server has set ``XLWINGS_ON_SERVER`` so that ``xlwings.server.script`` is
the server decorator. The task pane (``server_proyek/templates/taskpane.html``)
binds one button to each script by name, and so does the ribbon
(``server_proyek/templates/manifest.xml`` and ``server_proyek/static/js/ribbon.js``).
"""

from __future__ import annotations

from iku_xl.xl.server import tanpa_pyodide

tanpa_pyodide()  # as server_fungsi: this process is not Pyodide

import xlwings as xw  # noqa: E402
from xlwings.server import script  # noqa: E402

from iku_xl.xl import tombol  # noqa: E402


@script
def iku_hitung_capaian(book: xw.Book) -> None:
    """Hitung Capaian: lembar 'Capaian TAHUN' untuk tahun di Profil."""
    tombol.tombol_hitung(book)


@script
def iku_validasi(book: xw.Book) -> None:
    """Validasi: lembar 'Hasil Validasi' berisi setiap masalah."""
    tombol.tombol_validasi(book)


@script
def iku_buat_laporan(book: xw.Book) -> None:
    """Buat Laporan: lembar Laporan Capaian untuk tahun di Profil."""
    tombol.tombol_laporan(book)


@script
def iku_perjanjian_kinerja(book: xw.Book) -> None:
    """Perjanjian Kinerja: lembar 'Perjanjian Kinerja TAHUN' untuk tahun di Profil."""
    tombol.tombol_pk(book)


@script
def iku_analisis_capaian(book: xw.Book) -> None:
    """Analisis Capaian: lembar 'Analisis Capaian TAHUN'; isian staf di kolom Penyebab dan Upaya
    lembar lama (dibaca lewat Book jarak jauh) ditulis lagi."""
    tombol.tombol_analisis(book)


@script
def iku_laporan_ikm(book: xw.Book) -> None:
    """Laporan IKM: lembar 'Laporan IKM TAHUN' dari lembar Survei IKM, periode survei tahun di Profil."""
    tombol.tombol_ikm(book)


__all__ = ["iku_hitung_capaian", "iku_validasi", "iku_buat_laporan", "iku_perjanjian_kinerja",
           "iku_analisis_capaian", "iku_laporan_ikm"]
