"""The jobs on a workbook file: read, plan in the core, render, save safely.

The CLI calls these; so will anything else that works on files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from iku_xl.core.dokumen import tahun_lembar_laporan
from iku_xl.core.errors import BerkasTidakValid, Masalah
from iku_xl.core.model import BarisIKU
from iku_xl.core.skema import lembar_buatan_iku
from iku_xl.core.tata_letak import LayoutGrafik, LayoutLembar
from iku_xl.core.baca import Lembaran
from iku_xl.core.tugas import (
    Rencana,
    rencana_analisis,
    rencana_capaian,
    rencana_ikm,
    rencana_laporan,
    rencana_pk,
    rencana_triwulan,
    rencana_validasi,
)
from iku_xl.workbook.baca import EKSTENSI, BukuTerbuka, buka, lembaran, nilai_tersimpan
from iku_xl.workbook.inventaris import PeriksaIsi
from iku_xl.workbook.simpan import Sidik, kunci, sidik_berkas, simpan
from iku_xl.workbook.tulis import terapkan, ukuran_grafik


@dataclass(frozen=True)
class HasilProses:
    masalah: list[Masalah]
    keluaran: Path | None  # None: nothing was written (blocked by galat)
    cadangan: Path | None = None
    baris: tuple[BarisIKU, ...] = ()
    tahun: int | None = None  # validasi: the year whose report was judged
    lembar: tuple[str, ...] = ()  # the sheets the job wrote (what ``--pdf`` prints)


def path_keluaran(sumber: Path, akhiran: str) -> Path:
    """The default output beside the input.

    >>> path_keluaran(Path("IKU 2024.xlsm"), "laporan-2024").name
    'IKU 2024_laporan-2024.xlsm'
    """
    return sumber.with_name(f"{sumber.stem}_{akhiran}{sumber.suffix}")


def periksa_jenis(sumber: Path, keluaran: Path | None) -> None:
    """The result keeps the workbook's type: openpyxl writes an .xlsm's macro content type
    whatever the name, and Excel refuses an .xlsm saved as .xlsx (or an .xlsx as .xlsm).

    >>> periksa_jenis(Path("IKU.xlsm"), Path("hasil.XLSM"))
    >>> periksa_jenis(Path("IKU.xlsm"), Path("hasil.xlsx"))
    Traceback (most recent call last):
    ...
    iku_xl.core.errors.BerkasTidakValid: berkas hasil 'hasil.xlsx' harus berakhiran .xlsm, sama dengan 'IKU.xlsm' (buku kerja bermakro); Excel tidak mau membuka buku kerja yang akhiran namanya tidak sesuai isinya. Pakai -o hasil.xlsm.
    """
    asal = sumber.suffix.lower()
    if keluaran is None or asal not in EKSTENSI or keluaran.suffix.lower() == asal:
        return
    jenis = "buku kerja bermakro" if asal == ".xlsm" else "buku kerja tanpa makro"
    raise BerkasTidakValid(f"berkas hasil '{keluaran.name}' harus berakhiran {asal}, sama dengan '{sumber.name}' "
                           f"({jenis}); Excel tidak mau membuka buku kerja yang akhiran namanya tidak sesuai isinya",
                           saran=f"Pakai -o {keluaran.with_suffix(asal).name}.")


def _tulis(buku: BukuTerbuka, lembar: tuple[LayoutLembar | LayoutGrafik, ...], keluaran: Path | None, timpa: bool,
           akhiran: str, waktu: dt.datetime, sidik: Sidik | None) -> tuple[Path, Path | None, list[Masalah]]:
    tujuan = Path(keluaran) if keluaran else path_keluaran(buku.path, akhiran)
    for layout in lembar:
        terapkan(buku.wb, layout)
    pertama = lembar[0].nama
    buku.wb.active = buku.wb.sheetnames.index(pertama)
    for ws in buku.wb.worksheets:  # only the new sheet selected, or Excel groups the sheets
        ws.sheet_view.tabSelected = ws.title == pertama
    for cs in buku.wb.chartsheets:
        cs.sheetViews.sheetView[0].tabSelected = False
    ukuran_grafik(buku.wb)
    buku.wb.calculation.fullCalcOnLoad = True  # Excel computes the new formulas on opening
    periksa = PeriksaIsi(buku.path, tujuan)  # nothing of the user's lost on an overwrite
    cadangan = simpan(buku.wb, tujuan, timpa=timpa, waktu=waktu, sidik=sidik, periksa=periksa)
    return tujuan, cadangan, periksa.peringatan


def buat_laporan(path: str | Path, tahun: int | None = None, keluaran: str | Path | None = None, *,
                 timpa: bool = False, waktu: dt.datetime | None = None) -> HasilProses:
    """Add the "Laporan Capaian {tahun}" sheets; write to ``keluaran`` (default: beside the input)."""
    waktu = waktu or dt.datetime.now()
    return _per_tahun(path, lambda lb: rencana_laporan(lb, tahun, waktu.date()), "laporan", keluaran, timpa,
                      waktu)


def buat_laporan_triwulan(path: str | Path, triwulan: int, tahun: int | None = None,
                          keluaran: str | Path | None = None, *, timpa: bool = False,
                          waktu: dt.datetime | None = None) -> HasilProses:
    """Add the "Capaian Triwulan {triwulan} {tahun}" sheet (quarterly monitoring of the Rencana Aksi);
    write to ``keluaran`` (default: beside the input)."""
    waktu = waktu or dt.datetime.now()
    return _per_tahun(path, lambda lb: rencana_triwulan(lb, tahun, triwulan, waktu.date()), f"triwulan-{triwulan}",
                      keluaran, timpa, waktu)


def buat_pk(path: str | Path, tahun: int | None = None, keluaran: str | Path | None = None, *,
            timpa: bool = False, waktu: dt.datetime | None = None) -> HasilProses:
    """Add the "Perjanjian Kinerja {tahun}" sheet; write to ``keluaran`` (default: beside the input)."""
    waktu = waktu or dt.datetime.now()
    return _per_tahun(path, lambda lb: rencana_pk(lb, tahun, waktu.date()), "pk", keluaran, timpa, waktu)


def buat_analisis(path: str | Path, tahun: int | None = None, keluaran: str | Path | None = None, *,
                  timpa: bool = False, waktu: dt.datetime | None = None) -> HasilProses:
    """Add the "Analisis Capaian {tahun}" sheet; the staff's Penyebab / Upaya text of the sheet it
    replaces (in ``path``) is read first and written again by kode. Write to ``keluaran`` (default:
    beside the input)."""
    waktu = waktu or dt.datetime.now()

    def rencana_dari(lb: Lembaran) -> Rencana:
        rencana = rencana_analisis(lb, tahun, waktu.date())
        if not rencana.baris:
            return rencana
        th = rencana.baris[0].tahun
        tujuan = Path(keluaran) if keluaran else path_keluaran(Path(path), f"analisis-{th}")
        lain = _analisis_di(tujuan, th) if tujuan.exists() and not _berkas_sama(tujuan, Path(path)) else []
        return rencana_analisis(lb, th, waktu.date(), lain) if lain else rencana

    return _per_tahun(path, rencana_dari, "analisis", keluaran, timpa, waktu)


def buat_ikm(path: str | Path, tahun: int | None = None, periode: Sequence[str] = (),
             keluaran: str | Path | None = None, *, timpa: bool = False, waktu: dt.datetime | None = None
             ) -> HasilProses:
    """Add the "Laporan IKM {tahun}" sheet and its chart from the Survei IKM sheet (the periods of the
    year, or those named in ``periode``); write to ``keluaran`` (default: beside the input)."""
    waktu = waktu or dt.datetime.now()
    return _per_tahun(path, lambda lb: rencana_ikm(lb, tahun, waktu.date(), periode), "ikm", keluaran, timpa,
                      waktu)


def _berkas_sama(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _analisis_di(tujuan: Path, tahun: int) -> list[list[list[object]]]:
    """The Analisis Capaian sheet of the file a result will replace (staff may have typed there:
    ``iku-xl analisis BUKU`` writes beside BUKU, and the next run writes over that file)."""
    from iku_xl.core.dokumen.analisis import nama_lembar_analisis
    from iku_xl.workbook.baca import isi_lembar

    wb = buka(tujuan).wb
    nama = nama_lembar_analisis(tahun)
    return [isi_lembar(wb[nama])[0]] if nama in wb.sheetnames else []


def hitung(path: str | Path, tahun: int | None = None, keluaran: str | Path | None = None, *,
           timpa: bool = False, waktu: dt.datetime | None = None) -> HasilProses:
    """Add the "Capaian {tahun}" working sheet; write to ``keluaran`` (default: beside the input)."""
    return _per_tahun(path, lambda lb: rencana_capaian(lb, tahun), "capaian", keluaran, timpa,
                      waktu or dt.datetime.now())


def _per_tahun(path: str | Path, rencana_dari: Callable[[Lembaran], Rencana], akhiran: str,
               keluaran: str | Path | None, timpa: bool, waktu: dt.datetime) -> HasilProses:
    periksa_jenis(Path(path), keluaran and Path(keluaran))
    with kunci(path):  # the job, from reading to writing; the destination's lock is taken when writing
        sidik = sidik_berkas(path)  # before reading: any later change is seen before writing
        buku = buka(path)
        rencana = rencana_dari(lembaran(buku))
        if not rencana.lembar:
            return HasilProses(rencana.masalah, None, None, tuple(rencana.baris))
        th = rencana.baris[0].tahun if rencana.baris else tahun_lembar_laporan(rencana.lembar[0].nama)
        tujuan, cadangan, peringatan = _tulis(buku, rencana.lembar, keluaran and Path(keluaran), timpa,
                                              f"{akhiran}-{th}", waktu, sidik)
    return HasilProses(rencana.masalah + peringatan, tujuan, cadangan, tuple(rencana.baris),
                       lembar=tuple(x.nama for x in rencana.lembar))


def validasi(path: str | Path, keluaran: str | Path | None = None, *, timpa: bool = False,
             waktu: dt.datetime | None = None, tahun: int | None = None) -> HasilProses:
    """Check the workbook and add the "Hasil Validasi" sheet listing every problem; a galat is
    what blocks the report of ``tahun`` (default: Tahun Laporan in Profil)."""
    from iku_xl.workbook.rumus import periksa_rumus_buku

    waktu = waktu or dt.datetime.now()
    periksa_jenis(Path(path), keluaran and Path(keluaran))
    with kunci(path):
        sidik = sidik_berkas(path)
        buku = buka(path)
        lewati = [n for n in buku.wb.sheetnames if lembar_buatan_iku(n)]
        tersimpan = nilai_tersimpan(buku.path)  # read once: for the formula check and the data sheets
        masalah_rumus = periksa_rumus_buku(buku.wb, tersimpan, lewati_lembar=lewati)
        rencana = rencana_validasi(lembaran(buku, tersimpan), masalah_rumus, buku.path.name, waktu, tahun)
        tujuan, cadangan, peringatan = _tulis(buku, rencana.lembar, keluaran and Path(keluaran), timpa,
                                              "validasi", waktu, sidik)
    if tahun is None and rencana.buku is not None:
        tahun = rencana.buku.profil.tahun
    return HasilProses(rencana.masalah + peringatan, tujuan, cadangan, tahun=tahun)

