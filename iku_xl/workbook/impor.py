"""Import an IKU document (:mod:`iku_xl.sumber` reads it, :mod:`iku_xl.core.impor` makes sense of
it) and write the imported workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from iku_xl.core.impor import HasilImpor, impor_baris
from iku_xl.core.skema import INDIKATOR, BARIS_JUDUL
from iku_xl.sumber import baca_sumber

if TYPE_CHECKING:
    from openpyxl import Workbook


def impor(path: str | Path) -> HasilImpor:
    """Read an IKU document with the core importer."""
    return impor_baris(baca_sumber(path))


def tandai_dugaan(wb: Workbook, hasil: HasilImpor) -> None:
    """Colour and comment every inferred Satuan/Polaritas cell on the Indikator sheet."""
    from openpyxl.comments import Comment

    from iku_xl.workbook.tulis import atribut_gaya

    ws = wb[INDIKATOR.nama]
    kolom = {k.field: j for j, k in enumerate(INDIKATOR.kolom, start=1)}
    baris = {ws.cell(r, 1).value: r for r in range(BARIS_JUDUL + 1, ws.max_row + 1)}
    for d in hasil.dugaan:
        if d.kode not in baris or d.field not in kolom:
            continue
        sel = ws.cell(baris[d.kode], kolom[d.field])
        sel.fill = atribut_gaya("peringatan")["fill"]
        sel.comment = Comment(f"Diduga oleh iku-xl impor: {d.alasan}. Periksa dan perbaiki bila salah.",
                              "iku-xl", width=260, height=90)


def buku_impor(hasil: HasilImpor, nama_sumber: str, waktu: dt.datetime) -> Workbook:
    """The new workbook: the template filled with what was read, the inferred cells marked,
    and a "Catatan Impor" sheet listing what could not be read."""
    from iku_xl.core.impor.catatan import susun_catatan_impor
    from iku_xl.workbook.templat import buat_templat
    from iku_xl.workbook.tulis import terapkan

    wb = buat_templat(hasil.buku)
    tandai_dugaan(wb, hasil)
    terapkan(wb, susun_catatan_impor(hasil, nama_sumber, waktu))
    return wb
