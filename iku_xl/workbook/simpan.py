"""Save without losing what the user wrote: atomic writes, and a backup before any overwrite."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from iku_xl.core.errors import BerkasTidakValid

if TYPE_CHECKING:
    from openpyxl import Workbook


def path_cadangan(path: Path, waktu: dt.datetime) -> Path:
    """Where the backup of ``path`` goes: beside it, stamped with the time.

    >>> path_cadangan(Path("data/IKU.xlsx"), dt.datetime(2025, 1, 15, 9, 30, 5)).as_posix()
    'data/IKU.cadangan-20250115-093005.xlsx'
    """
    return path.with_name(f"{path.stem}.cadangan-{waktu:%Y%m%d-%H%M%S}{path.suffix}")


def simpan(wb: Workbook, tujuan: Path, *, timpa: bool, waktu: dt.datetime,
           periksa: Callable[[Path], None] | None = None) -> Path | None:
    """Write ``wb`` to ``tujuan`` atomically; return the backup made, if any.

    An existing ``tujuan`` is replaced only with ``timpa=True``, and then only
    after a copy of it was kept beside it.
    """
    from iku_xl.workbook.penulis import simpan_buku

    return tulis_aman(lambda p: simpan_buku(wb, p), tujuan, timpa=timpa, waktu=waktu, periksa=periksa)


def tulis_aman(tulis: Callable[[str], object], tujuan: Path, *, timpa: bool, waktu: dt.datetime,
               periksa: Callable[[Path], None] | None = None) -> Path | None:
    """Run ``tulis(path)`` into a temporary file beside ``tujuan`` and move it into place;
    the same rules as :func:`simpan` for an existing ``tujuan``. ``periksa(sementara)`` sees
    the finished file first: raising there leaves ``tujuan`` untouched (and no backup made)."""
    tujuan = Path(tujuan)
    cadangan = None
    if tujuan.exists():
        if not timpa:
            raise BerkasTidakValid(f"berkas '{tujuan}' sudah ada",
                                   saran="Pilih nama lain dengan -o, atau tambahkan --timpa "
                                         "(salinan cadangan berkas lama akan dibuat).")
    folder = tujuan.parent if str(tujuan.parent) else Path(".")
    if not folder.is_dir():
        raise BerkasTidakValid(f"folder '{folder}' tidak ada", saran="Buat foldernya dulu atau pilih folder lain.")
    fd, sementara = tempfile.mkstemp(prefix=f".{tujuan.stem}.", suffix=tujuan.suffix, dir=folder)
    os.close(fd)
    try:
        tulis(sementara)
        if periksa is not None:
            periksa(Path(sementara))
        if tujuan.exists():
            cadangan = path_cadangan(tujuan, waktu)
            shutil.copy2(tujuan, cadangan)
        os.replace(sementara, tujuan)
    except PermissionError:
        raise BerkasTidakValid(f"berkas '{tujuan}' tidak dapat ditulis (mungkin sedang dibuka di Excel)",
                               saran="Tutup berkas di Excel lalu jalankan lagi.") from None
    finally:
        if os.path.exists(sementara):
            os.unlink(sementara)
    return cadangan
