"""The "Capaian Triwulan N TAHUN" sheet: quarterly monitoring of the Rencana Aksi, planned as data.

Per indicator (grouped by Sasaran Strategis, as in the Laporan Capaian): the quarter's target and
the realisasi up to the quarter by jenis konsolidasi (:mod:`iku_xl.core.triwulan`), capaian of the
quarter, the annual target and the progress against it, predikat, the Rencana Aksi typed on the
Target sheet, and why a capaian is empty. Capaian, progress and predikat are Excel formulas where
the rule is a plain formula (as in the Laporan Capaian), each carrying the core's value. The title,
the signature block and the print setup are the Laporan's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from iku_xl.core.baca import huruf_kolom
from iku_xl.core.dokumen.bagian import (
    catatan_rumus,
    cetak_laporan,
    dengan_metode,
    kepala_kolom,
    keterangan,
    kop,
    sel_capaian,
    tabel_sasaran,
    tanda_tangan,
)
from iku_xl.core.model import BarisIKU, BukuIKU, nilai_sel
from iku_xl.core.predikat import pilih_skala, rumus_excel_predikat
from iku_xl.core.tata_letak import LayoutLembar, Sel, WarnaBersyarat, dengan_tinggi_baris
from iku_xl.core.tata_letak import Rentang as Blok
from iku_xl.core.triwulan import ROMAWI, BarisTriwulan

BARIS_KEPALA = 4  # column headers; the "(1) (2) ..." numbering row follows
BARIS_DATA = 6


def nama_lembar_triwulan(triwulan: int, tahun: int) -> str:
    """
    >>> nama_lembar_triwulan(2, 2024)
    'Capaian Triwulan 2 2024'
    """
    return f"Capaian Triwulan {triwulan} {tahun}"


def _kolom(triwulan: int) -> list[tuple[str, str, float]]:
    tw = f"TW {ROMAWI[triwulan - 1]}"
    return [("no", "No", 5), ("sasaran", "Sasaran Strategis", 24), ("indikator", "Indikator Kinerja", 32),
            ("satuan", "Satuan", 9), ("target", f"Target {tw}", 10), ("realisasi", f"Realisasi s.d. {tw}", 11),
            ("capaian", f"Capaian {tw} (%)", 10), ("tahunan", "Target Tahunan", 10),
            ("progres", "Progres thd Target Tahunan (%)", 12), ("predikat", "Predikat", 14),
            ("rencana", f"Rencana Aksi {tw}", 32), ("keterangan", "Keterangan", 22)]


def _sebagai_baris(b: BarisTriwulan, target: object, capaian: object) -> BarisIKU:
    """The row in the Laporan's shape, for the Laporan's capaian cell and Keterangan rules."""
    return BarisIKU(b.indikator, b.tahun, target, b.realisasi, capaian, b.predikat)  # type: ignore[arg-type]


def susun_triwulan(buku: BukuIKU, tahun: int, triwulan: int, baris: Sequence[BarisTriwulan],
                   tanggal: dt.date | None = None) -> LayoutLembar:
    """Plan the "Capaian Triwulan {triwulan} {tahun}" sheet from the rows the core computed.

    ``tanggal`` is the signature date when Profil has none (callers pass today).
    """
    profil = buku.profil
    skala = pilih_skala(profil.skala, buku.skala_kustom)
    kolom = _kolom(triwulan)
    pos = {k: i for i, (k, _, _) in enumerate(kolom, start=1)}
    huruf = {k: huruf_kolom(i - 1) for k, i in pos.items()}
    n_kol = len(kolom)
    sel, gabung = kop(f"PEMANTAUAN RENCANA AKSI: CAPAIAN INDIKATOR KINERJA UTAMA TRIWULAN "
                      f"{ROMAWI[triwulan - 1]} TAHUN {tahun}", profil, n_kol)

    sel += kepala_kolom([judul for _, judul, _ in kolom], BARIS_KEPALA)

    def isi(r: int, b: BarisTriwulan) -> list[Sel]:
        sebagai = dengan_metode(_sebagai_baris(b, b.target_tw, b.capaian), profil)
        progres = dengan_metode(_sebagai_baris(b, b.target_tahunan, b.progres), profil)
        return [Sel(r, pos["indikator"], b.indikator.nama), Sel(r, pos["satuan"], b.indikator.satuan, "sel_tengah"),
                Sel(r, pos["target"], nilai_sel(b.target_tw), "sel_angka"),
                Sel(r, pos["realisasi"], nilai_sel(b.realisasi), "sel_angka"),
                sel_capaian(sebagai, b.capaian.nilai, r, pos["capaian"], huruf["target"], huruf["realisasi"]),
                Sel(r, pos["tahunan"], nilai_sel(b.target_tahunan), "sel_angka"),
                sel_capaian(progres, b.progres.nilai, r, pos["progres"], huruf["tahunan"], huruf["realisasi"]),
                Sel(r, pos["predikat"], rumus_excel_predikat(f"{huruf['capaian']}{r}", skala), "sel_tengah",
                    rumus=True, hasil=b.predikat or ""),
                Sel(r, pos["rencana"], b.rencana_aksi or None), Sel(r, pos["keterangan"], keterangan(sebagai) or None)]

    sel_tabel, gabung_tabel, r = tabel_sasaran(baris, BARIS_DATA, pos["no"], pos["sasaran"], isi)
    sel += sel_tabel
    gabung += gabung_tabel
    r_akhir = r - 1

    tw = f"TW {ROMAWI[triwulan - 1]}"
    catatan = (f"Target {tw} dan realisasi s.d. {tw} menurut jenis konsolidasi indikator: jumlah = dijumlahkan "
               "sejak TW I;",
               f"nilai terakhir/kumulatif = triwulan terakhir yang terisi, terhadap target {tw}; rata-rata = "
               "rata-rata sejak TW I.",
               catatan_rumus([dengan_metode(_sebagai_baris(b, b.target_tw, b.capaian), profil) for b in baris], skala))
    for teks in catatan:  # short lines, not merged: a long merged line would be cut in print
        sel.append(Sel(r, 1, teks, "catatan"))
        r += 1
    r -= 1
    r += 2
    sel_ttd, gabung_ttd, r = tanda_tangan(profil, tahun, tanggal, r, n_kol)
    sel += sel_ttd
    gabung += gabung_ttd

    warna = tuple(WarnaBersyarat(Blok(BARIS_DATA, pos["predikat"], max(r_akhir, BARIS_DATA), pos["predikat"]),
                                 p.label, p.warna) for p in skala.pita)
    return dengan_tinggi_baris(LayoutLembar(
        nama=nama_lembar_triwulan(triwulan, tahun),
        sel=tuple(sel),
        gabung=tuple(gabung),
        lebar_kolom={pos[k]: lebar for k, _, lebar in kolom},
        warna_bersyarat=warna,
        cetak=cetak_laporan((BARIS_KEPALA, BARIS_KEPALA + 1), r - 1, n_kol),
        bekukan=f"A{BARIS_DATA}",
        tab_warna="7030A0",
    ))
