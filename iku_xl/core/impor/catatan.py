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


def susun_catatan_impor(hasil: HasilImpor, nama_sumber: str, waktu: dt.datetime) -> LayoutLembar:
    sel = [Sel(1, 1, "CATATAN IMPOR", "judul"),
           Sel(2, 1, f"Sumber: {nama_sumber} — diimpor {waktu:%d-%m-%Y %H:%M}", "catatan"),
           Sel(3, 1, ringkasan_impor(hasil), "subjudul")]
    gabung = [Rentang(r, 1, r, 4) for r in (1, 2, 3)]
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
