"""The "Catatan Impor" sheet: what an import read, guessed and could not read.

The import never invents data; this sheet is where staff see what to check
(inferred units and polarities) and what to fix in the source and import again.
"""

from __future__ import annotations

import datetime as dt

from iku_xl.core.impor.model import HasilImpor
from iku_xl.core.tata_letak import Cetak, LayoutLembar, Rentang, Sel, dengan_tinggi_baris

NAMA_LEMBAR = "Catatan Impor"
_LEBAR = {1: 12, 2: 16, 3: 60, 4: 60}


def ringkasan_impor(hasil: HasilImpor) -> str:
    """One line of counts, as the console and the sheet show it."""
    return (f"Terbaca {hasil.jumlah_sasaran} sasaran, {hasil.jumlah_indikator} indikator, "
            f"{hasil.jumlah_target} target; {len(hasil.dugaan)} isian diduga (periksa), "
            f"{len(hasil.tidak_terbaca)} bagian tidak terbaca.")


#: Notes that only explain how every import works; every other note names something to check.
CATATAN_PENJELASAN = ("Kode indikator dibuat dari", "Polaritas yang tidak diduga dari nama",
                      "Kolom yang tidak diimpor:", "Satuan '", "Tabel di baris ")


def perlu_diperiksa(hasil: HasilImpor) -> int:
    """What staff should check: every part not read, every inferred value, every note about
    this document (not the notes explaining how every import works, :data:`CATATAN_PENJELASAN`)."""
    return (len(hasil.tidak_terbaca) + len(hasil.dugaan)
            + sum(not c.startswith(CATATAN_PENJELASAN) for c in hasil.catatan))


def _tahun(tahun: list[int]) -> str:
    """'2024', '2023, 2025', '2020–2024' (three or more years in a row).

    >>> _tahun([2024]), _tahun([2023, 2025]), _tahun([2020, 2021, 2022, 2023, 2024])
    ('2024', '2023, 2025', '2020–2024')
    """
    if len(tahun) >= 3 and tahun == list(range(tahun[0], tahun[-1] + 1)):
        return f"{tahun[0]}–{tahun[-1]}"
    return ", ".join(map(str, tahun))


def ringkasan_akhir(hasil: HasilImpor) -> str:
    """The last console line of an import: the counts and how much to check."""
    tahun = sorted({t.tahun for t in hasil.buku.target})
    tahun_teks = f" (tahun {_tahun(tahun)})" if tahun else ""
    return (f"{hasil.jumlah_sasaran} sasaran, {hasil.jumlah_indikator} indikator, {hasil.jumlah_target} "
            f"target{tahun_teks}; {perlu_diperiksa(hasil)} hal perlu diperiksa — lihat lembar {NAMA_LEMBAR}")


def susun_catatan_impor(hasil: HasilImpor, nama_sumber: str, waktu: dt.datetime) -> LayoutLembar:
    sel = [Sel(1, 1, "CATATAN IMPOR", "judul"),
           Sel(2, 1, f"Sumber: {nama_sumber} — diimpor {waktu:%d-%m-%Y %H:%M}", "catatan"),
           Sel(3, 1, ringkasan_impor(hasil), "subjudul"),
           Sel(4, 1, f"{perlu_diperiksa(hasil)} hal perlu diperiksa: catatan yang menyebut baris atau isian "
                     "dokumen ini, isian yang diduga, dan bagian yang tidak terbaca (di bawah).", "catatan")]
    gabung = [Rentang(r, 1, r, 4) for r in (1, 2, 3, 4)]
    r = 5
    for c in hasil.catatan:
        sel.append(Sel(r, 1, c, "petunjuk"))
        gabung.append(Rentang(r, 1, r, 4))
        r += 1
    r += 1
    sel.append(Sel(r, 1, "Isian yang diduga (ditandai kuning di lembar Indikator): periksa dan perbaiki bila salah",
                   "subjudul"))
    gabung.append(Rentang(r, 1, r, 4))
    r += 1
    sel += [Sel(r, k, judul, "kepala") for k, judul in enumerate(("Kode", "Kolom", "Nilai diduga", "Alasan"), 1)]
    for d in hasil.dugaan:
        r += 1
        sel += [Sel(r, k, v, "peringatan") for k, v in enumerate((d.kode, d.field, d.nilai, d.alasan), 1)]
    r += 2
    sel.append(Sel(r, 1, "Bagian sumber yang tidak terbaca: perbaiki sumbernya lalu impor lagi, atau isi "
                         "langsung di lembar yang sesuai", "subjudul"))
    gabung.append(Rentang(r, 1, r, 4))
    r += 1
    sel += [Sel(r, k, judul, "kepala") for k, judul in enumerate(("Baris", "Tingkat", "Masalah", "Saran"), 1)]
    for m in hasil.tidak_terbaca:
        r += 1
        sel += [Sel(r, k, v, "peringatan" if m.tingkat != "info" else "info")
                for k, v in enumerate((m.sel or "", m.tingkat, m.pesan, m.saran), 1)]
    return dengan_tinggi_baris(LayoutLembar(
        nama=NAMA_LEMBAR, sel=tuple(sel), gabung=tuple(gabung), lebar_kolom=_LEBAR,
        cetak=Cetak(orientasi="landscape", area=Rentang(1, 1, r, 4)), tab_warna="C65911"))
