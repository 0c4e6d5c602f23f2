"""The buttons staff click: Hitung Capaian, Validasi, Buat Laporan, Perjanjian Kinerja, Analisis Capaian,
Laporan IKM, Cetak PDF.

Written once against the xlwings Book API: desktop Excel calls them through
RunPython (the VBA in ``macros/IkuTombol.bas`` calls ``tombol_*()`` with no
argument, and they take ``xw.Book.caller()``); xlwings Server calls them as
custom scripts with the remote Book (:mod:`iku_xl.xl.server_skrip`). The jobs
are the core's (:mod:`iku_xl.core.tugas`), rendered by :mod:`iku_xl.xl.render_xl`.

Problems in the workbook are shown, not raised: a blocked report writes the
"Hasil Validasi" sheet and says so in a message box. Only an unexpected bug
keeps its traceback (xlwings shows it in a message box; see xlwings' debugging docs).
"""

from __future__ import annotations

from typing import Any

from iku_xl.core.errors import IkuError
from iku_xl.core.tugas import (
    Rencana,
    rencana_analisis,
    rencana_capaian,
    rencana_ikm,
    rencana_pk,
    rencana_tombol_laporan,
    rencana_validasi,
    ringkas_masalah,
)
from iku_xl.core.validasi import susun_hasil_validasi
from iku_xl.pekerjaan import pekerjaan
from iku_xl.xl.baca_xl import lembaran_xl, masalah_rumus_xl, sekarang
from iku_xl.xl.render_xl import klasik, terapkan_xl

JUDUL = "iku-xl"


class _Kemajuan:
    """Progress in Excel's status bar (desktop Excel; xlwings Server has no status bar)."""

    def __init__(self, book: Any) -> None:
        self.app = book.app if klasik(book) else None

    def __call__(self, teks: str) -> None:
        if self.app is not None:
            self.app.status_bar = f"iku-xl: {teks}..."

    def selesai(self) -> None:
        if self.app is not None:
            self.app.status_bar = False  # give the status bar back to Excel


def _pemanggil() -> Any:
    import xlwings as xw

    return xw.Book.caller()


def _rencana(book: Any, tugas: str, kemajuan: _Kemajuan) -> Rencana:
    kemajuan("membaca buku kerja")
    lembaran = lembaran_xl(book)
    waktu = sekarang()
    if tugas == "validasi":
        kemajuan("memeriksa rumus")
        return rencana_validasi(lembaran, masalah_rumus_xl(book, lembaran), book.name, waktu)
    if tugas == "hitung":
        return rencana_capaian(lembaran, None)
    if tugas == "pk":
        return rencana_pk(lembaran, None, waktu.date())
    if tugas == "analisis":  # the old sheet's staff text was read with the data sheets
        return rencana_analisis(lembaran, None, waktu.date())
    if tugas == "ikm":  # the survey periods of Tahun Laporan
        return rencana_ikm(lembaran, None, waktu.date())
    return rencana_tombol_laporan(lembaran, waktu.date())  # Triwulan Laporan in Profil: that quarter's sheet


@pekerjaan()  # the collector set for one job (iku_xl.pekerjaan); Excel's process keeps its own afterwards
def jalankan(book: Any, tugas: str) -> str:
    """Run a job ('hitung', 'validasi', 'laporan', 'pk', 'analisis' or 'ikm') on ``book``; return the message shown."""
    kemajuan = _Kemajuan(book)
    try:
        rencana = _rencana(book, tugas, kemajuan)
        lembar = rencana.lembar or (susun_hasil_validasi(rencana.masalah, book.name, sekarang()),)
        catatan: list[str] = []
        for layout in lembar:
            kemajuan(f"menulis lembar {layout.nama}")
            catatan += terapkan_xl(book, layout)
        book.sheets[lembar[0].nama].activate()
        pesan = ringkas_masalah(tugas, rencana, catatan)
    except IkuError as e:
        pesan = f"Galat: {e}"
    finally:
        kemajuan.selesai()
    book.app.alert(pesan, title=JUDUL)
    return pesan


def tombol_hitung(book: Any = None) -> str:
    """Hitung Capaian: the "Capaian TAHUN" sheet for the year in Profil."""
    return jalankan(book or _pemanggil(), "hitung")


def tombol_validasi(book: Any = None) -> str:
    """Validasi: the "Hasil Validasi" sheet listing every problem."""
    return jalankan(book or _pemanggil(), "validasi")


def tombol_laporan(book: Any = None) -> str:
    """Buat Laporan: the Laporan Capaian sheets for the year in Profil."""
    return jalankan(book or _pemanggil(), "laporan")


def tombol_pk(book: Any = None) -> str:
    """Perjanjian Kinerja: the "Perjanjian Kinerja TAHUN" sheet for the year in Profil."""
    return jalankan(book or _pemanggil(), "pk")


def tombol_analisis(book: Any = None) -> str:
    """Analisis Capaian: the "Analisis Capaian TAHUN" sheet for the year in Profil, keeping what
    staff typed in its Penyebab and Upaya columns."""
    return jalankan(book or _pemanggil(), "analisis")


def tombol_ikm(book: Any = None) -> str:
    """Laporan IKM: the "Laporan IKM TAHUN" sheet and its chart from the Survei IKM sheet, for the survey
    periods of the year in Profil."""
    return jalankan(book or _pemanggil(), "ikm")


def tombol_pdf(book: Any = None) -> str:
    """Cetak PDF: the report sheets (never the input sheets) to a PDF beside the workbook, saved by
    Excel itself (:mod:`iku_xl.xl.cetak_pdf`)."""
    from iku_xl.xl.cetak_pdf import cetak_pdf

    book = book or _pemanggil()
    try:
        pesan = cetak_pdf(book, sekarang())
    except IkuError as e:
        pesan = f"Galat: {e}"
    book.app.alert(pesan, title=JUDUL)
    return pesan
