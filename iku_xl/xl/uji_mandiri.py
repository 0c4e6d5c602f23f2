"""The self-test staff run once in real Excel: the "Uji Mandiri" sheet of the macro template.

The macro ``IkuUjiMandiri`` (``macros/IkuUjiMandiri.bas``) fills the "Hasil" column of a
table this module writes at build time, then marks each row LULUS or GAGAL. Every
expected value here is computed by iku-xl itself when the template is built, never typed
by hand:

* the cell functions: each ``IKU_*`` formula with the value the same function gives
  when Python calls it (:mod:`iku_xl.xl.fungsi`, the functions Excel calls);
* the five buttons that make a sheet (Hitung Capaian, Validasi, Buat Laporan, Perjanjian
  Kinerja, Analisis Capaian; Cetak PDF writes a file, not a sheet): run by the macro on a copy of the template filled with the Legok
  example (carried on the hidden sheet "Data Uji"), with the sheet each button must make
  and the numbers the core puts on the "Capaian" sheet (:func:`iku_xl.core.tugas.rencana_capaian`).

The rows the macro reads: column A the kind of check (``JENIS``), C what to run, D the
expected value, E the result, F the status; H:P optional inputs of a formula.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iku_xl.core.model import BukuIKU
from iku_xl.core.skema import LEMBAR_DATA, PROFIL_NAMA

if TYPE_CHECKING:
    from openpyxl import Workbook

LEMBAR = "Uji Mandiri"
LEMBAR_DATA_UJI = "Data Uji"
#: The info block (column B, filled by the macro): label, row.
INFO = (("Waktu uji", 4), ("Versi Excel", 5), ("Sistem operasi", 6), ("Excel 32/64-bit", 7),
        ("Versi Python", 8), ("Versi xlwings", 9), ("Versi iku-xl", 10), ("Ringkasan", 11))
BARIS_KEPALA = 13
BARIS_AWAL = 14
KEPALA = ("Jenis", "Pemeriksaan", "Rumus / makro", "Diharapkan", "Hasil", "Status")
#: The kinds of check the macro knows (column A).
JENIS = ("Kelas", "Python", "Fungsi", "Tombol", "Sel")
#: The button on the sheet: caption, macro, cell.
TOMBOL_UJI = ("Jalankan Uji Mandiri", "IkuUjiMandiri", "D4")
PETUNJUK = ("Uji mandiri iku-xl: klik tombol 'Jalankan Uji Mandiri' (makro harus aktif). Uji ini memakai "
            "salinan contoh Kecamatan Legok di folder TEMP, menjalankan kelima tombol pembuat lembar "
            "(Hitung Capaian, Validasi, Buat Laporan, Perjanjian Kinerja, Analisis Capaian) dan setiap "
            "fungsi IKU_*; klik OK pada setiap pesan iku-xl. Lalu simpan buku ini dan kirim lembar ini ke tim TI.")


@dataclass(frozen=True)
class Pemeriksaan:
    """One row of the table: kind, what it checks, what to run, the expected value, inputs (H:P)."""

    jenis: str
    keterangan: str
    perintah: str
    diharapkan: str | float | None
    masukan: tuple[float | str | None, ...] = ()


def _tunggal(x: Any) -> Any:
    """A cell function's result for one cell: [[x]] -> x."""
    while isinstance(x, list) and len(x) == 1:
        x = x[0]
    return x


def _fungsi() -> list[Pemeriksaan]:
    from iku_xl.xl import fungsi as f

    tw = (2.5, 5.0, 7.5, 9.0)
    jawaban = (4.0, 3.0, 3.0, 4.0, 3.0, 2.0, 4.0, 3.0, 3.0)
    hasil = [
        ("IKU_CAPAIAN, polaritas positif", "IKU_CAPAIAN(60,65)", f.IKU_CAPAIAN(60, 65), ()),
        ("IKU_CAPAIAN, polaritas negatif", 'IKU_CAPAIAN(4,3,"negatif")', f.IKU_CAPAIAN(4, 3, "negatif"), ()),
        ("IKU_CAPAIAN, target rentang (teks)", 'IKU_CAPAIAN("10-15",17)', f.IKU_CAPAIAN("10-15", 17), ()),
        ("IKU_CAPAIAN, target 0 memberi pesan", "IKU_CAPAIAN(0,5)", f.IKU_CAPAIAN(0, 5), ()),
        ("IKU_PREDIKAT, skala bawaan", "IKU_PREDIKAT(108.33)", f.IKU_PREDIKAT(108.33), ()),
        ("IKU_PREDIKAT, skala AKIP", 'IKU_PREDIKAT(63.5,"akip")', f.IKU_PREDIKAT(63.5, "akip"), ()),
        ("IKU_REALISASI, jumlah TW I-IV (H:K)", 'IKU_REALISASI(H{baris}:K{baris},"jumlah")',
         f.IKU_REALISASI([list(tw)], "jumlah"), tw),
        ("IKU_RASIO", "IKU_RASIO(11,11)", f.IKU_RASIO(11, 11), ()),
        ("IKU_VALIDASI, indikator sah", 'IKU_VALIDASI("Persentase desa dengan laporan baik","%",'
         '"Realisasi desa / Jumlah Desa*100")',
         f.IKU_VALIDASI("Persentase desa dengan laporan baik", "%", "Realisasi desa / Jumlah Desa*100"), ()),
        ("IKU_VALIDASI, satuan tidak cocok", 'IKU_VALIDASI("Jumlah inovasi","%","Jumlah inovasi")',
         f.IKU_VALIDASI("Jumlah inovasi", "%", "Jumlah inovasi"), ()),
        ("IKU_IKM, satu responden U1-U9 (H:P)", "IKU_IKM(H{baris}:P{baris})", f.IKU_IKM([list(jawaban)]), jawaban),
        ("IKU_MUTU, batas mutu B", "IKU_MUTU(76.61)", f.IKU_MUTU(76.61), ()),
    ]
    return [Pemeriksaan("Fungsi", k, rumus, _tunggal(nilai), masukan) for k, rumus, nilai, masukan in hasil]


def _buku_legok(buku: BukuIKU, folder: Path) -> Any:
    from iku_xl.workbook.baca import buka
    from iku_xl.workbook.templat import buat_templat

    path = folder / "contoh_uji.xlsx"
    buat_templat(buku).save(path)
    return buka(path)


def _tombol(buku: BukuIKU) -> list[Pemeriksaan]:
    """The buttons on the example: the sheet each makes, and the numbers of the Capaian sheet."""
    from iku_xl.core.tugas import rencana_analisis, rencana_capaian, rencana_laporan, rencana_pk, rencana_validasi
    from iku_xl.core.validasi import susun_hasil_validasi
    from iku_xl.workbook.baca import lembaran

    waktu = dt.datetime(2026, 1, 1)
    with tempfile.TemporaryDirectory(prefix="iku_uji_") as tmp:
        lem = lembaran(_buku_legok(buku, Path(tmp)))
    capaian = rencana_capaian(lem, None)
    validasi = rencana_validasi(lem, [], "contoh_uji.xlsx", waktu)
    laporan = rencana_laporan(lem, None, waktu.date())
    pk = rencana_pk(lem, None, waktu.date())
    analisis = rencana_analisis(lem, None, waktu.date())
    if not capaian.lembar or not laporan.lembar or not pk.lembar or not analisis.lembar:
        raise ValueError("contoh uji mandiri tidak dapat dihitung: "
                         f"{capaian.masalah + laporan.masalah + pk.masalah + analisis.masalah}")
    nama_validasi = (validasi.lembar or (susun_hasil_validasi(validasi.masalah, "contoh_uji.xlsx", waktu),))[0].nama
    hasil = [Pemeriksaan("Tombol", "Tombol Hitung Capaian membuat lembar", "IkuHitungCapaian", capaian.lembar[0].nama),
             Pemeriksaan("Tombol", "Tombol Validasi membuat lembar", "IkuValidasi", nama_validasi),
             Pemeriksaan("Tombol", "Tombol Buat Laporan membuat lembar", "IkuBuatLaporan", laporan.lembar[0].nama),
             Pemeriksaan("Tombol", "Tombol Perjanjian Kinerja membuat lembar", "IkuPerjanjianKinerja",
                         pk.lembar[0].nama),
             Pemeriksaan("Tombol", "Tombol Analisis Capaian membuat lembar", "IkuAnalisisCapaian",
                         analisis.lembar[0].nama)]
    layout = capaian.lembar[0]
    for s in getattr(layout, "sel", ()):
        if s.gaya != "sel_capaian":  # the capaian column: the button's own numbers
            continue
        nilai = s.hasil if s.rumus else s.nilai
        if isinstance(nilai, float) or (isinstance(nilai, int) and not isinstance(nilai, bool) and s.rumus):
            hasil.append(Pemeriksaan("Sel", f"Hasil Hitung Capaian di {s.alamat}", f"{layout.nama}!{s.alamat}",
                                     float(nilai)))
    return hasil


def daftar_pemeriksaan(buku_uji: BukuIKU) -> list[Pemeriksaan]:
    """Every check, in the order the macro runs them."""
    return ([Pemeriksaan("Kelas", "Modul kelas Dictionary (dipakai xlwings di Mac)", "Dictionary", 2.0),
             Pemeriksaan("Python", "Python dan xlwings terhubung (RunPython)", "RunPython", "ya")]
            + _fungsi() + _tombol(buku_uji))


def data_uji(buku_uji: BukuIKU) -> list[tuple[str, str, Any]]:
    """The example's input cells as (sheet, cell, value): what the macro copies into its copy."""
    from iku_xl.workbook.templat import buat_templat

    wb = buat_templat(buku_uji)
    hasil = []
    for nama in (PROFIL_NAMA, *(d.nama for d in LEMBAR_DATA)):
        ws = wb[nama]
        for baris in ws.iter_rows(min_row=4, min_col=2 if nama == PROFIL_NAMA else 1,
                                  max_col=2 if nama == PROFIL_NAMA else ws.max_column):
            hasil += [(nama, c.coordinate, c.value) for c in baris if c.value is not None]
    return hasil


def _teks(c: Any, nilai: Any) -> None:
    """Write ``nilai``; a text that starts with '=' stays text (openpyxl would make it a formula)."""
    c.value = nilai
    if isinstance(nilai, str):
        c.data_type = "s"


def isi_lembar_uji(wb: Workbook, buku_uji: BukuIKU, pemeriksaan: Sequence[Pemeriksaan] | None = None) -> None:
    """Fill the "Uji Mandiri" sheet (made with its button by the shell) and add the hidden "Data Uji"."""
    from openpyxl.styles import Font

    from iku_xl.workbook.tulis import atribut_gaya

    def gaya(c: Any, kunci: str) -> None:
        for atribut, nilai in atribut_gaya(kunci).items():
            setattr(c, atribut, nilai)

    ws = wb[LEMBAR]
    ws["A1"] = "Uji Mandiri iku-xl"
    ws["A1"].font = Font(name="Calibri", size=14, bold=True)
    ws["A2"] = PETUNJUK
    gaya(ws["A2"], "petunjuk")
    ws.merge_cells("A2:F2")
    ws.row_dimensions[2].height = 48
    for label, baris in INFO:
        gaya(ws.cell(baris, 1, label), "label")
        gaya(ws.cell(baris, 2), "info")
    for k, judul in enumerate(KEPALA, start=1):
        gaya(ws.cell(BARIS_KEPALA, k, judul), "kepala")
    gaya(ws.cell(BARIS_KEPALA, 8, "Masukan (H:P)"), "kepala")
    for r, p in enumerate(pemeriksaan if pemeriksaan is not None else daftar_pemeriksaan(buku_uji),
                          start=BARIS_AWAL):
        for k, nilai in enumerate((p.jenis, p.keterangan, p.perintah.format(baris=r), p.diharapkan), start=1):
            _teks(ws.cell(r, k), nilai)
            gaya(ws.cell(r, k), "sel_teks")
        for k in (5, 6):
            gaya(ws.cell(r, k), "sel_teks")
        for k, nilai in enumerate(p.masukan, start=8):
            ws.cell(r, k, nilai)
    for kolom, lebar in zip("ABCDEF", (16, 44, 48, 30, 30, 10)):
        ws.column_dimensions[kolom].width = lebar
    ws.freeze_panes = f"A{BARIS_AWAL}"
    # printed for IT as evidence: A4 landscape, one page wide, the header row on every page
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_area = f"A1:F{max(ws.max_row, BARIS_AWAL)}"
    ws.print_title_rows = f"{BARIS_KEPALA}:{BARIS_KEPALA}"

    data = wb.create_sheet(LEMBAR_DATA_UJI)
    data.sheet_state = "hidden"
    for r, (nama, alamat, nilai) in enumerate(data_uji(buku_uji), start=1):
        data.cell(r, 1, nama)
        data.cell(r, 2, alamat)
        _teks(data.cell(r, 3), nilai)
