"""iku-xl: Indikator Kinerja Utama (IKU) in Excel — capaian, predikat, validasi, Laporan Capaian.

The rules live in :mod:`iku_xl.core` (pure Python); :mod:`iku_xl.workbook` reads and
writes workbook files; :mod:`iku_xl.cli` is the ``iku-xl`` command.

>>> import iku_xl
>>> round(iku_xl.hitung_capaian(90, 92), 2)
102.22
>>> iku_xl.predikat(102.22)
'Sangat Tinggi'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from iku_xl.core.capaian import hitung_capaian, rinci_capaian
from iku_xl.core.errors import BerkasTidakValid, DataTidakValid, IkuError, Masalah, StrukturTidakValid
from iku_xl.core.konsolidasi import realisasi_rasio, realisasi_tahunan
from iku_xl.core.model import BarisIKU, BukuIKU, HasilCapaian
from iku_xl.core.predikat import predikat

if TYPE_CHECKING:
    from iku_xl.data import baca_buku, rekap_data
    from iku_xl.workbook.proses import buat_laporan, validasi

__version__ = "0.1.0"

__all__ = [
    # rules
    "hitung_capaian", "rinci_capaian", "predikat", "realisasi_tahunan", "realisasi_rasio",
    # data
    "BarisIKU", "BukuIKU", "HasilCapaian", "Masalah",
    # jobs on workbook files (openpyxl is imported only when these are used)
    "buat_laporan", "validasi",
    # the data as pandas DataFrames, for analysts (pandas is imported only when these are used)
    "baca_buku", "rekap_data",
    # errors
    "IkuError", "DataTidakValid", "StrukturTidakValid", "BerkasTidakValid",
]


def __getattr__(nama: str) -> Any:
    if nama in ("buat_laporan", "validasi"):
        from iku_xl.workbook import proses

        return getattr(proses, nama)
    if nama in ("baca_buku", "rekap_data"):
        from iku_xl import data

        return getattr(data, nama)
    raise AttributeError(f"module 'iku_xl' has no attribute {nama!r}")
