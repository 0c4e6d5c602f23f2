"""Build the IKU template workbook from the sheet schema, optionally filled with data.

Everything staff see comes from :mod:`iku_xl.core.skema` (headers, drop-downs,
help texts); this module only turns it into Excel features: tables,
data-validation lists, styled input cells, frozen headers, a Petunjuk sheet.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from iku_xl.core.model import BukuIKU, NilaiHuruf, Profil, Rentang, Responden
from iku_xl.core.skema import (
    BARIS_JUDUL,
    INDIKATOR,
    LEMBAR_DATA,
    PROFIL,
    PROFIL_NAMA,
    PROGRAM,
    REALISASI,
    SKALA_KUSTOM,
    SURVEI,
    TARGET,
    LembarData,
)
from iku_xl.core.tata_letak import Rentang as Blok
from iku_xl.core.tata_letak import cetak_isian, tinggi_baris_isian
from iku_xl.workbook.tulis import atribut_gaya, atur_cetak

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

#: Empty rows offered below the data in each table.
BARIS_KOSONG = 30
#: Rows covered by the drop-downs (tables grow beyond their first rows).
BARIS_VALIDASI = 1000

#: The error Excel shows when a U1-U9 cell gets anything but 1-4 (at most 255 characters).
PESAN_SKOR_IKM = ("Nilai unsur harus bilangan bulat 1 sampai 4 (1 terendah, 4 tertinggi; arti tiap nilai ada di "
                  "komentar judul kolom). Kosongkan sel bila responden tidak menjawab unsur ini.")

_PETUNJUK = (
    "PETUNJUK PENGISIAN BUKU KERJA IKU",
    "",
    "Buku kerja ini menyimpan Indikator Kinerja Utama (IKU), target dan realisasinya. "
    "iku-xl menghitung capaian dan predikat, memeriksa isian, dan membuat lembar Laporan Capaian.",
    "",
    "Langkah pengisian:",
    "1. Profil: isi nama instansi, kabupaten/kota, tahun laporan, data kepala (jabatan, nama, pangkat, NIP), "
    "tempat dan tanggal, skala predikat, dan metode polaritas negatif. Ketik NIP sebagai teks. Untuk Perjanjian "
    "Kinerja isi juga Nama Atasan, Jabatan Atasan dan Pangkat/NIP Atasan (Pihak Kedua: atasan langsung kepala).",
    "2. Indikator: satu baris per IKU. Kode harus unik (mis. 1.1, 1.2, 2.1). Pilih Satuan, Polaritas "
    "dan Jenis Konsolidasi dari daftar.",
    "3. Target: satu baris per indikator per tahun, untuk seluruh tahun Renstra. Target boleh angka (90 atau 83,5), "
    "rentang (80-90) atau predikat (B, BB, WTP).",
    "4. Realisasi: satu baris per indikator per tahun. Isi per triwulan (TW I-IV), atau langsung Realisasi Tahunan, "
    "atau Pembilang dan Penyebut untuk indikator rasio (realisasi = pembilang / penyebut x 100).",
    "5. Skala Kustom (boleh kosong): dipakai bila Skala Predikat di Profil = kustom.",
    "6. Survei IKM (boleh kosong): satu baris per responden survei kepuasan masyarakat (PermenPANRB 14/2017). "
    "Isi Periode (mis. 2025 Semester I; beberapa periode boleh dalam satu lembar), tanggal, jenis layanan, "
    "profil responden, lalu nilai U1-U9: bilangan bulat 1 sampai 4 (arti tiap nilai ada di bawah dan di "
    "komentar judul kolom). Unsur yang tidak dijawab dikosongkan (bukan 0): dihitung per unsur, responden "
    "tetap dihitung di unsur lain. Isi Populasi Layanan (IKM) di Profil untuk jumlah responden minimal. "
    "Survei dari berkas lain: iku-xl impor SURVEI.xlsx --survei --ke NAMA_BERKAS.xlsx. "
    "Di sel, =IKU_IKM(H4:P43) memberi nilai IKM (25-100) dan =IKU_MUTU(nilai) mutunya (A-D).",
    "7. Jalankan pemeriksaan dan laporan (tombol di Excel, atau baris perintah):",
    "      iku-xl validasi NAMA_BERKAS.xlsx",
    "      iku-xl laporan NAMA_BERKAS.xlsx --tahun 2024",
    "      iku-xl pk NAMA_BERKAS.xlsx --tahun 2025   (Perjanjian Kinerja, tombol Perjanjian Kinerja)",
    "      iku-xl ikm NAMA_BERKAS.xlsx --tahun 2025   (Laporan IKM dari lembar Survei IKM, tombol Laporan IKM)",
    "   Hasilnya disimpan sebagai berkas baru di samping berkas ini; berkas asli tidak diubah.",
    "",
    "Aturan capaian (PermenPANRB 8/2021):",
    "- Polaritas positif: Realisasi / Target x 100.",
    "- Polaritas negatif: (2 x Target - Realisasi) / Target x 100, atau Target / Realisasi x 100 bila dipilih.",
    "- Target rentang: di dalam rentang = 100; di atas rentang dibandingkan batas atas, di bawah dengan batas bawah.",
    "- Target predikat (Nilai AKIP, Opini BPK): dihitung dari urutan predikat, dengan keterangan Tercapai/Belum tercapai.",
    "- Realisasi kosong: capaian kosong (bukan 0). Target 0: lihat keterangan di laporan.",
    "",
    "Sel berwarna kuning muda adalah tempat isian. Jangan mengubah judul kolom: iku-xl mengenali kolom dari judulnya.",
)


def _teks_nilai(x: Any) -> Any:
    """A parsed value as staff would type it back."""
    if isinstance(x, Rentang | NilaiHuruf):
        return str(x)
    return x


def gaya_sel(sel: Any, kunci: str) -> None:
    """Give an openpyxl cell the template's style ``kunci`` (core.gaya: "judul", "kepala", "isian"...)."""
    for atribut, nilai in atribut_gaya(kunci).items():
        setattr(sel, atribut, nilai)


#: The column widths of the Petunjuk and Profil sheets (the data sheets' are in the schema).
LEBAR_PETUNJUK = (110.0,)
LEBAR_PROFIL = (28.0, 36.0, 70.0)


def _tinggi(ws: Worksheet, tinggi: dict[int, float]) -> None:
    for r, t in tinggi.items():
        ws.row_dimensions[r].height = t


def _petunjuk(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = LEBAR_PETUNJUK[0]
    for i, teks in enumerate(_PETUNJUK, start=1):
        c = ws.cell(row=i, column=1, value=teks)
        gaya_sel(c, "judul" if i == 1 else "petunjuk")
        c.data_type = "s"
    r = len(_PETUNJUK) + 2
    ws.cell(row=r, column=1, value="Arti setiap kolom:")
    gaya_sel(ws.cell(row=r, column=1), "subjudul")
    for data in LEMBAR_DATA:
        for k in data.kolom:
            r += 1
            c = ws.cell(row=r, column=1, value=f"{data.nama} / {k.judul}: {k.petunjuk}")
            gaya_sel(c, "petunjuk")


def _profil(ws: Worksheet, profil: Profil | None) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.datavalidation import DataValidation

    for k, lebar in zip("ABC", LEBAR_PROFIL):
        ws.column_dimensions[k].width = lebar
    ws["A1"] = "PROFIL INSTANSI DAN PENGATURAN"
    gaya_sel(ws["A1"], "judul")
    ws["A1"].alignment = Alignment(horizontal="left", vertical="center")
    for k, judul in enumerate(("Isian", "Nilai", "Keterangan"), start=1):
        gaya_sel(ws.cell(row=BARIS_JUDUL, column=k, value=judul), "kepala")
    for i, isian in enumerate(PROFIL, start=BARIS_JUDUL + 1):
        gaya_sel(ws.cell(row=i, column=1, value=isian.label), "label")
        nilai = getattr(profil, isian.field) if profil else None
        if isian.field in ("skala", "metode_negatif") and nilai is None:
            nilai = isian.contoh
        c = ws.cell(row=i, column=2, value=nilai)
        gaya_sel(c, "isian")
        if isian.field == "tanggal":
            c.number_format = "DD-MM-YYYY"
        elif isian.jenis == "tahun":
            c.number_format = "0"
        else:
            c.number_format = "@"
        ket = isian.petunjuk + (f" Contoh: {isian.contoh}" if isian.contoh else "")
        gaya_sel(ws.cell(row=i, column=3, value=ket), "petunjuk")
        if isian.pilihan:
            dv = DataValidation(type="list", formula1='"' + ",".join(isian.pilihan) + '"', allow_blank=True,
                                showErrorMessage=True, errorTitle="Pilihan tidak dikenal",
                                error=f"Pilih salah satu: {', '.join(isian.pilihan)}")
            ws.add_data_validation(dv)
            dv.add(c.coordinate)
    ws.freeze_panes = f"A{BARIS_JUDUL + 1}"
    isi = [[ws.cell(r, k).value for k in (1, 2, 3)] for r in range(BARIS_JUDUL + 1, BARIS_JUDUL + 1 + len(PROFIL))]
    _tinggi(ws, tinggi_baris_isian(isi, LEBAR_PROFIL, BARIS_JUDUL + 1, gaya="petunjuk"))
    # columns A:C only: the xlsm template puts its buttons beside them
    atur_cetak(ws, cetak_isian(LEBAR_PROFIL, BARIS_JUDUL, Blok(1, 1, BARIS_JUDUL + len(PROFIL), len(LEBAR_PROFIL))))


def isian_responden(r: Responden) -> dict[str, Any]:
    """One respondent as the Survei IKM sheet's cells: field -> value, in the sheet's column order."""
    isi = {k.field: getattr(r, k.field, None) for k in SURVEI.kolom}
    isi.update({f"u{i}": x for i, x in enumerate(r.nilai, start=1)})
    return {f: None if v == "" else v for f, v in isi.items()}


def baris_data(data: LembarData, buku: BukuIKU | None) -> list[list[Any]]:
    """The rows of data sheet ``data`` for ``buku``'s content, as staff would type them (none without a buku)."""
    if buku is None:
        return []
    if data is INDIKATOR:
        return [[getattr(i, k.field) for k in data.kolom] for i in buku.indikator]
    if data is TARGET:
        return [[t.kode, t.tahun, _teks_nilai(t.nilai), *map(_teks_nilai, t.tw), *t.rencana_aksi] for t in buku.target]
    if data is REALISASI:
        return [[r.kode, r.tahun, *map(_teks_nilai, r.tw), _teks_nilai(r.tahunan), r.pembilang, r.penyebut, "",
                 str(r.sumber) if r.sumber else None] for r in buku.realisasi]
    if data is PROGRAM:
        return [[getattr(g, k.field) for k in data.kolom] for g in buku.program]
    if data is SURVEI:
        return [list(isian_responden(r).values()) for r in buku.survei]
    if data is SKALA_KUSTOM and buku.skala_kustom:
        return [[p.batas if p.batas is not None else 0, p.label, p.warna] for p in buku.skala_kustom.pita]
    return []


def lembar_data(ws: Worksheet, data: LembarData, baris: list[list[Any]]) -> None:
    """Lay out data sheet ``data`` on ``ws`` as the template has it (title, note, header, table,
    drop-downs, header comments), with ``baris`` (:func:`baris_data`) as its rows."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table, TableStyleInfo

    ws["A1"] = data.judul
    gaya_sel(ws["A1"], "judul")
    ws["A1"].alignment = Alignment(horizontal="left", vertical="center")
    ws["A2"] = data.petunjuk
    gaya_sel(ws["A2"], "catatan")
    n_kol = len(data.kolom)
    lebar = [k.lebar for k in data.kolom]
    # the sheet's note wraps within the table's width: printed, a line running past it would be cut
    ws["A2"].alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
    if n_kol > 1:
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n_kol)
    _tinggi(ws, tinggi_baris_isian([[data.petunjuk]], [sum(lebar)], 2, gaya="catatan"))
    _tinggi(ws, tinggi_baris_isian([[k.judul for k in data.kolom]], lebar, BARIS_JUDUL, gaya="kepala"))
    _tinggi(ws, tinggi_baris_isian(baris, lebar, BARIS_JUDUL + 1))
    for j, k in enumerate(data.kolom, start=1):
        c = ws.cell(row=BARIS_JUDUL, column=j, value=k.judul)
        gaya_sel(c, "kepala")
        c.comment = Comment(k.petunjuk, "iku-xl", width=260, height=80)
        ws.column_dimensions[get_column_letter(j)].width = k.lebar
    akhir = BARIS_JUDUL + max(len(baris) + BARIS_KOSONG, 1)
    for r in range(BARIS_JUDUL + 1, akhir + 1):
        isi = baris[r - BARIS_JUDUL - 1] if r - BARIS_JUDUL - 1 < len(baris) else [None] * n_kol
        for j, k in enumerate(data.kolom, start=1):
            nilai = isi[j - 1] if j - 1 < len(isi) else None
            c = ws.cell(row=r, column=j, value=None if nilai in ("",) else nilai)
            if isinstance(nilai, str):
                c.data_type = "s"  # text typed by staff stays text, even "=..." or "-..."
            gaya_sel(c, "isian")
            c.number_format = k.format
    tabel = Table(displayName=data.tabel, ref=f"A{BARIS_JUDUL}:{get_column_letter(n_kol)}{akhir}")
    tabel.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    ws.add_table(tabel)
    for j, k in enumerate(data.kolom, start=1):
        huruf = get_column_letter(j)
        rentang = f"{huruf}{BARIS_JUDUL + 1}:{huruf}{BARIS_VALIDASI}"
        if k.jenis == "skor_ikm":  # the drop-down also refuses anything but 1, 2, 3 or 4
            dv = DataValidation(type="list", formula1='"' + ",".join(k.pilihan) + '"', allow_blank=True,
                                showErrorMessage=True, errorStyle="stop", errorTitle="Nilai unsur tidak valid",
                                error=PESAN_SKOR_IKM, showInputMessage=True, promptTitle="Nilai 1-4",
                                prompt="1 terendah, 4 tertinggi; kosongkan bila tidak dijawab.")
        elif k.pilihan:
            dv = DataValidation(type="list", formula1='"' + ",".join(k.pilihan) + '"', allow_blank=True,
                                showErrorMessage=k.field not in ("satuan", "sumber"),  # both take other text errorTitle="Pilihan tidak dikenal",
                                error=f"Pilih salah satu: {', '.join(k.pilihan)}")
        elif k.field == "kode" and data is not INDIKATOR:
            sumber = f"{INDIKATOR.nama}!$A${BARIS_JUDUL + 1}:$A${BARIS_VALIDASI}"
            dv = DataValidation(type="list", formula1=sumber, allow_blank=True, showErrorMessage=True,
                                errorTitle="Kode tidak dikenal", error="Pilih kode dari lembar Indikator.")
        elif k.jenis == "tahun":
            dv = DataValidation(type="whole", operator="between", formula1="1900", formula2="2200",
                                allow_blank=True, showErrorMessage=True, errorTitle="Tahun tidak valid",
                                error="Isi tahun dengan empat angka, mis. 2024.")
        else:
            continue
        ws.add_data_validation(dv)
        dv.add(rentang)
    ws.freeze_panes = f"B{BARIS_JUDUL + 1}" if data is not SKALA_KUSTOM else f"A{BARIS_JUDUL + 1}"
    # no print area: the table grows, and every row staff add must print
    atur_cetak(ws, cetak_isian(lebar, BARIS_JUDUL))


def buat_templat(buku: BukuIKU | None = None, *, catatan: str | None = None) -> Workbook:
    """The template workbook; with ``buku``, filled with its data (for examples)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Petunjuk"
    isi_templat(wb, buku, catatan=catatan)
    return wb


def isi_templat(wb: Workbook, buku: BukuIKU | None = None, *, catatan: str | None = None) -> None:
    """Fill ``wb`` with the template's sheets, in order; sheets that already exist under
    those names (made by another writer, e.g. carrying buttons) are filled, not replaced."""

    def lembar(nama: str) -> Worksheet:
        return wb[nama] if nama in wb.sheetnames else wb.create_sheet(nama)

    petunjuk = lembar("Petunjuk")
    _petunjuk(petunjuk)
    if catatan:
        petunjuk.insert_rows(1, 2)
        c = petunjuk.cell(row=1, column=1, value=catatan)
        gaya_sel(c, "peringatan")
    isi = [[petunjuk.cell(r, 1).value] for r in range(1, petunjuk.max_row + 1)]
    _tinggi(petunjuk, tinggi_baris_isian(isi, LEBAR_PETUNJUK, 1, gaya="petunjuk"))
    atur_cetak(petunjuk, cetak_isian(LEBAR_PETUNJUK))
    _profil(lembar(PROFIL_NAMA), buku.profil if buku else None)
    for data in LEMBAR_DATA:
        lembar_data(lembar(data.nama), data, baris_data(data, buku))
    wb.active = wb.sheetnames.index(PROFIL_NAMA)
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == PROFIL_NAMA
    wb.properties.creator = "iku-xl"
    wb.properties.title = "Indikator Kinerja Utama"
    # a fixed timestamp keeps regenerated sample files byte-comparable in content
    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 1)
