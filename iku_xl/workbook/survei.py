"""``iku-xl impor SURVEI.xlsx --survei``: an existing survey spreadsheet into the Survei IKM sheet.

The source is read with openpyxl (saved values, not formulas); every reading rule is in
:mod:`iku_xl.core.impor.survei`. The respondents are appended below the last filled row of the
workbook's Survei IKM sheet (``--ke BUKU``; the sheet is added when the workbook has none), or go
into a new workbook made from the template. Writing is the other jobs' safe save: a new file beside
the workbook unless ``-o``, an existing file replaced only with ``--timpa`` after a backup, and only
if nothing of the workbook would be lost (:class:`~iku_xl.workbook.inventaris.PeriksaIsi`).

Nothing is written when a score cell is wrong (the galat name the cells): staff fix the source and
run again. A period the sheet already holds is refused, so a survey imported twice is not counted
twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iku_xl.core.baca import baca_buku, cari_judul, cari_lembar
from iku_xl.core.errors import BerkasTidakValid
from iku_xl.core.impor.survei import HasilSurvei, baca_survei, cari_kepala
from iku_xl.core.ikm import daftar_periode
from iku_xl.core.model import BukuIKU, Profil, Responden
from iku_xl.core.skema import SURVEI
from iku_xl.workbook.baca import EKSTENSI, buka, lembaran
from iku_xl.workbook.inventaris import PeriksaIsi
from iku_xl.workbook.pemeriksaan import batas_baca, periksa_berkas
from iku_xl.workbook.proses import path_keluaran, periksa_jenis
from iku_xl.workbook.simpan import kunci, sidik_berkas, simpan

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


@dataclass(frozen=True)
class HasilImporSurvei:
    baca: HasilSurvei
    keluaran: Path | None = None  # None: nothing written
    cadangan: Path | None = None
    peringatan: tuple[Any, ...] = ()


def baca_sumber(path: str | Path, periode: str | None = None) -> HasilSurvei:
    """The respondents of the survey spreadsheet ``path``: the first sheet with a header row of
    the 9 unsur (a sheet with none is passed over)."""
    import openpyxl

    p = Path(path)
    if not p.exists():
        raise BerkasTidakValid(f"berkas '{p}' tidak ditemukan", saran="Periksa nama dan folder berkas.")
    if p.suffix.lower() not in EKSTENSI:
        raise BerkasTidakValid(f"berkas survei '{p.name}' bukan buku kerja Excel (.xlsx/.xlsm)",
                               saran="Buka di Excel atau LibreOffice lalu simpan sebagai .xlsx.")
    periksa_berkas(p)
    with batas_baca(p):
        wb = openpyxl.load_workbook(p, data_only=True, read_only=True)
    try:
        pertama: HasilSurvei | None = None
        for ws in wb.worksheets:
            grid = [list(b) for b in ws.iter_rows(values_only=True)]
            if cari_kepala(grid) is not None or pertama is None:
                hasil = baca_survei(grid, ws.title, periode)
                if hasil.kepala is not None:
                    return hasil
                pertama = pertama or hasil
    finally:
        wb.close()
    return pertama or HasilSurvei("")


def _baris_akhir(grid: list[list[Any]], baris_judul: int, kolom: dict[str, int]) -> int:
    """The 0-based row of the last filled cell below the header in the table's columns."""
    akhir = baris_judul
    for i in range(baris_judul + 1, len(grid)):
        if any(j < len(grid[i]) and grid[i][j] not in (None, "") for j in kolom.values()):
            akhir = i
    return akhir


def _tambah_baris(ws: Worksheet, grid: list[list[Any]], responden: list[Responden]) -> None:
    """Append ``responden`` below the last filled row of an existing Survei IKM sheet."""
    from openpyxl.utils import get_column_letter, range_boundaries

    from iku_xl.workbook.templat import gaya_sel, isian_responden

    temu = cari_judul(SURVEI, grid)
    if temu is None:
        raise BerkasTidakValid(f"baris judul lembar '{ws.title}' tidak ditemukan",
                               saran="Kembalikan judul kolom seperti di templat (Periode, U1 Persyaratan, ...).")
    baris_judul, kolom = temu
    hilang = [k.judul for k in SURVEI.kolom if k.field not in kolom
              and any(isian_responden(r)[k.field] is not None for r in responden)]
    if hilang:
        raise BerkasTidakValid(f"lembar '{ws.title}' tidak punya kolom {', '.join(hilang)}",
                               saran="Kembalikan kolom itu seperti di templat, lalu jalankan lagi.")
    awal = _baris_akhir(grid, baris_judul, kolom) + 2  # 1-based row of the first new respondent
    for n, r in enumerate(responden):
        for f, nilai in isian_responden(r).items():
            if f not in kolom:
                continue
            c = ws.cell(row=awal + n, column=kolom[f] + 1, value=nilai)
            if isinstance(nilai, str):
                c.data_type = "s"  # a saran starting with "=" stays text
            gaya_sel(c, "isian")
            c.number_format = SURVEI.kolom_dari(f).format
    akhir = awal + len(responden) - 1
    for tabel in ws.tables.values():  # the table grows over the new rows (its drop-downs already do)
        k1, b1, k2, b2 = range_boundaries(tabel.ref)
        if b1 == baris_judul + 1 and b2 < akhir:
            tabel.ref = f"{get_column_letter(k1)}{b1}:{get_column_letter(k2)}{akhir}"
            if tabel.autoFilter is not None:
                tabel.autoFilter.ref = tabel.ref


def _periode_ganda(ada: tuple[Responden, ...], baru: list[Responden], lembar: str) -> None:
    sudah = set(daftar_periode(ada))
    ganda = [p for p in daftar_periode(baru) if p in sudah]
    if ganda:
        jumlah = ", ".join(f"'{p}' ({sum(r.periode == p for r in ada)} responden)" for p in ganda)
        raise BerkasTidakValid(f"lembar '{lembar}' sudah berisi periode {jumlah}; mengimpor lagi akan "
                               "menghitung responden itu dua kali",
                               saran="Hapus dulu baris periode itu di lembar Survei IKM bila ingin menggantinya, "
                                     "atau beri periode lain dengan --periode.")


def impor_survei(sumber: str | Path, ke: str | Path | None = None, keluaran: str | Path | None = None, *,
                 periode: str | None = None, timpa: bool = False,
                 waktu: dt.datetime | None = None) -> HasilImporSurvei:
    """Read the survey ``sumber`` and, when nothing blocks it, write its respondents: appended to
    the Survei IKM sheet of workbook ``ke``, or into a new workbook from the template."""
    waktu = waktu or dt.datetime.now()
    sumber = Path(sumber)
    hasil = baca_sumber(sumber, periode)
    if not hasil.dapat_ditulis:
        return HasilImporSurvei(hasil)
    if ke is None:
        from iku_xl.workbook.templat import buat_templat

        tujuan = Path(keluaran) if keluaran else sumber.with_name(f"{sumber.stem}_iku.xlsx")
        if tujuan.suffix.lower() != ".xlsx":
            raise BerkasTidakValid(f"nama berkas hasil '{tujuan.name}' harus berakhiran .xlsx",
                                   saran="Contoh: -o IKU_2025.xlsx")
        wb = buat_templat(BukuIKU(Profil(), (), survei=tuple(hasil.responden)))
        cadangan = simpan(wb, tujuan, timpa=timpa, waktu=waktu)
        return HasilImporSurvei(hasil, tujuan, cadangan)
    ke = Path(ke)
    periksa_jenis(ke, keluaran and Path(keluaran))
    with kunci(ke):
        sidik = sidik_berkas(ke)
        buku = buka(ke)
        lem = lembaran(buku)
        nama = cari_lembar(SURVEI.nama, buku.wb.sheetnames)
        if nama is None:
            from iku_xl.workbook.templat import baris_data, lembar_data

            ws = buku.wb.create_sheet(SURVEI.nama)
            lembar_data(ws, SURVEI, baris_data(SURVEI, BukuIKU(Profil(), (), survei=tuple(hasil.responden))))
        else:
            _periode_ganda(baca_buku(lem)[0].survei, hasil.responden, nama)
            _tambah_baris(buku.wb[nama], lem.nilai[nama], hasil.responden)
        tujuan = Path(keluaran) if keluaran else path_keluaran(ke, "survei")
        periksa = PeriksaIsi(buku.path, tujuan)
        cadangan = simpan(buku.wb, tujuan, timpa=timpa, waktu=waktu, sidik=sidik, periksa=periksa)
    return HasilImporSurvei(hasil, tujuan, cadangan, tuple(periksa.peringatan))


__all__ = ["HasilImporSurvei", "baca_sumber", "impor_survei"]
