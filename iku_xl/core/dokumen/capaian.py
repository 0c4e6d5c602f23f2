"""The "Capaian {tahun}" working sheet: every indicator's numbers for the year at a glance.

What the *Hitung Capaian* button (and ``iku-xl hitung``) writes mid-year, before
the formal report: values only, one row per indicator, with the status and the
reason when a capaian is empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from iku_xl.core.dokumen.bagian import cetak_laporan, keterangan
from iku_xl.core.model import BarisIKU, BukuIKU, nilai_sel
from iku_xl.core.predikat import pilih_skala
from iku_xl.core.tata_letak import LayoutLembar, Rentang, Sel, WarnaBersyarat, dengan_tinggi_baris

BARIS_KEPALA = 4
_KOLOM = (("Kode", 7), ("Sasaran Strategis", 28), ("Indikator Kinerja", 36), ("Satuan", 9), ("Polaritas", 10),
          ("Target", 10), ("Realisasi", 10), ("Capaian (%)", 10), ("Predikat", 14), ("Status", 14),
          ("Keterangan", 36))


def nama_lembar_capaian(tahun: int) -> str:
    """
    >>> nama_lembar_capaian(2025)
    'Capaian 2025'
    """
    return f"Capaian {tahun}"


def susun_capaian(buku: BukuIKU, baris: Sequence[BarisIKU]) -> LayoutLembar:
    """Plan the working sheet from the rows the core computed."""
    tahun = baris[0].tahun
    skala = pilih_skala(buku.profil.skala, buku.skala_kustom)
    instansi = " ".join(x for x in (buku.profil.instansi, buku.profil.kabupaten) if x).upper()
    sel = [Sel(1, 1, f"CAPAIAN INDIKATOR KINERJA UTAMA TAHUN {tahun}", "judul"),
           Sel(2, 1, f"{instansi} — hasil hitung iku-xl; lembar ini ditimpa setiap kali dihitung ulang.",
               "catatan")]
    sel += [Sel(BARIS_KEPALA, k, judul, "kepala") for k, (judul, _) in enumerate(_KOLOM, start=1)]
    for r, b in enumerate(baris, start=BARIS_KEPALA + 1):
        ind = b.indikator
        isi = (ind.kode, ind.sasaran, ind.nama, ind.satuan, ind.polaritas, nilai_sel(b.target), nilai_sel(b.realisasi),
               b.capaian.nilai, b.predikat, b.capaian.status, keterangan(b))
        gaya = ("sel_tengah", "sel_teks", "sel_teks", "sel_tengah", "sel_tengah", "sel_angka", "sel_angka",
                "sel_capaian", "sel_tengah", "sel_tengah", "sel_teks")
        sel += [Sel(r, k, v if v != "" else None, g) for k, (v, g) in enumerate(zip(isi, gaya), start=1)]
    akhir = BARIS_KEPALA + len(baris)
    return dengan_tinggi_baris(LayoutLembar(
        nama=nama_lembar_capaian(tahun),
        sel=tuple(sel),
        gabung=(Rentang(1, 1, 1, len(_KOLOM)), Rentang(2, 1, 2, len(_KOLOM))),
        lebar_kolom={k: lebar for k, (_, lebar) in enumerate(_KOLOM, start=1)},
        warna_bersyarat=tuple(WarnaBersyarat(Rentang(BARIS_KEPALA + 1, 9, akhir, 9), p.label, p.warna)
                              for p in skala.pita),
        cetak=cetak_laporan((BARIS_KEPALA, BARIS_KEPALA), akhir, len(_KOLOM)),
        bekukan=f"D{BARIS_KEPALA + 1}",
        tab_warna="548235",
    ))
