"""The jobs on a workbook file: read, plan in the core, render, save safely.

The CLI calls these; so will anything else that works on files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from iku_xl.core.errors import Masalah
from iku_xl.core.model import BarisIKU
from iku_xl.core.skema import lembar_buatan_iku
from iku_xl.core.tata_letak import LayoutGrafik, LayoutLembar
from iku_xl.core.baca import Lembaran
from iku_xl.core.tugas import Rencana, rencana_capaian, rencana_laporan, rencana_validasi
from iku_xl.workbook.baca import BukuTerbuka, buka, lembaran, nilai_tersimpan
from iku_xl.workbook.inventaris import PeriksaIsi
from iku_xl.workbook.simpan import simpan
from iku_xl.workbook.tulis import terapkan, ukuran_grafik


@dataclass(frozen=True)
class HasilProses:
    masalah: list[Masalah]
    keluaran: Path | None  # None: nothing was written (blocked by galat)
    cadangan: Path | None = None
    baris: tuple[BarisIKU, ...] = ()


def path_keluaran(sumber: Path, akhiran: str) -> Path:
    """The default output beside the input.

    >>> path_keluaran(Path("IKU 2024.xlsm"), "laporan-2024").name
    'IKU 2024_laporan-2024.xlsm'
    """
    return sumber.with_name(f"{sumber.stem}_{akhiran}{sumber.suffix}")


def _tulis(buku: BukuTerbuka, lembar: tuple[LayoutLembar | LayoutGrafik, ...], keluaran: Path | None, timpa: bool,
           akhiran: str, waktu: dt.datetime) -> tuple[Path, Path | None, list[Masalah]]:
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
    cadangan = simpan(buku.wb, tujuan, timpa=timpa, waktu=waktu, periksa=periksa)
    return tujuan, cadangan, periksa.peringatan


def buat_laporan(path: str | Path, tahun: int | None = None, keluaran: str | Path | None = None, *,
                 timpa: bool = False, waktu: dt.datetime | None = None) -> HasilProses:
    """Add the "Laporan Capaian {tahun}" sheets; write to ``keluaran`` (default: beside the input)."""
    waktu = waktu or dt.datetime.now()
    return _per_tahun(path, lambda lb: rencana_laporan(lb, tahun, waktu.date()), "laporan", keluaran, timpa,
                      waktu)


def hitung(path: str | Path, tahun: int | None = None, keluaran: str | Path | None = None, *,
           timpa: bool = False, waktu: dt.datetime | None = None) -> HasilProses:
    """Add the "Capaian {tahun}" working sheet; write to ``keluaran`` (default: beside the input)."""
    return _per_tahun(path, lambda lb: rencana_capaian(lb, tahun), "capaian", keluaran, timpa,
                      waktu or dt.datetime.now())


def _per_tahun(path: str | Path, rencana_dari: Callable[[Lembaran], Rencana], akhiran: str,
               keluaran: str | Path | None, timpa: bool, waktu: dt.datetime) -> HasilProses:
    buku = buka(path)
    rencana = rencana_dari(lembaran(buku))
    if not rencana.lembar:
        return HasilProses(rencana.masalah, None, None, tuple(rencana.baris))
    tujuan, cadangan, peringatan = _tulis(buku, rencana.lembar, keluaran and Path(keluaran), timpa,
                                          f"{akhiran}-{rencana.baris[0].tahun}", waktu)
    return HasilProses(rencana.masalah + peringatan, tujuan, cadangan, tuple(rencana.baris))


def validasi(path: str | Path, keluaran: str | Path | None = None, *, timpa: bool = False,
             waktu: dt.datetime | None = None) -> HasilProses:
    """Check the workbook and add the "Hasil Validasi" sheet listing every problem."""
    from iku_xl.workbook.rumus import periksa_rumus_buku

    waktu = waktu or dt.datetime.now()
    buku = buka(path)
    lewati = [n for n in buku.wb.sheetnames if lembar_buatan_iku(n)]
    tersimpan = nilai_tersimpan(buku.path)  # read once: for the formula check and the data sheets
    masalah_rumus = periksa_rumus_buku(buku.wb, tersimpan, lewati_lembar=lewati)
    rencana = rencana_validasi(lembaran(buku, tersimpan), masalah_rumus, buku.path.name, waktu)
    tujuan, cadangan, peringatan = _tulis(buku, rencana.lembar, keluaran and Path(keluaran), timpa, "validasi",
                                          waktu)
    return HasilProses(rencana.masalah + peringatan, tujuan, cadangan)

