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
    dengan_metode,
    kelompok_sasaran,
    keterangan,
    kop,
    sel_capaian,
    tanda_tangan,
)
from iku_xl.core.model import BarisIKU, BukuIKU, nilai_sel
from iku_xl.core.predikat import pilih_skala, rumus_excel_predikat
from iku_xl.core.tata_letak import Cetak, LayoutLembar, Sel, WarnaBersyarat, dengan_tinggi_baris
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

    def tulis(r: int, kunci: str, nilai: object, gaya: str = "sel_teks", **kw: object) -> None:
        sel.append(Sel(r, pos[kunci], nilai, gaya, **kw))  # type: ignore[arg-type]

    for k, judul, _ in kolom:
        tulis(BARIS_KEPALA, k, judul, "kepala")
        tulis(BARIS_KEPALA + 1, k, f"({pos[k]})", "nomor_kolom")

    r = BARIS_DATA
    for no, (sasaran, anggota) in enumerate(kelompok_sasaran(baris), start=1):  # type: ignore[arg-type]
        r_awal = r
        tulis(r, "no", no, "sel_tengah")
        tulis(r, "sasaran", sasaran)
        for b in anggota:
            b_tw: BarisTriwulan = b  # type: ignore[assignment]
            ind = b_tw.indikator
            sebagai = dengan_metode(_sebagai_baris(b_tw, b_tw.target_tw, b_tw.capaian), profil)
            tulis(r, "indikator", ind.nama)
            tulis(r, "satuan", ind.satuan, "sel_tengah")
            tulis(r, "target", nilai_sel(b_tw.target_tw), "sel_angka")
            tulis(r, "realisasi", nilai_sel(b_tw.realisasi), "sel_angka")
            sel.append(sel_capaian(sebagai, b_tw.capaian.nilai, r, pos["capaian"], huruf["target"],
                                    huruf["realisasi"]))
            tulis(r, "tahunan", nilai_sel(b_tw.target_tahunan), "sel_angka")
            progres = dengan_metode(_sebagai_baris(b_tw, b_tw.target_tahunan, b_tw.progres), profil)
            sel.append(sel_capaian(progres, b_tw.progres.nilai, r, pos["progres"], huruf["tahunan"],
                                    huruf["realisasi"]))
            tulis(r, "predikat", rumus_excel_predikat(f"{huruf['capaian']}{r}", skala), "sel_tengah",
                  rumus=True, hasil=b_tw.predikat or "")
            tulis(r, "rencana", b_tw.rencana_aksi or None)
            tulis(r, "keterangan", keterangan(sebagai) or None)
            r += 1
        if r - 1 > r_awal:
            gabung += [Blok(r_awal, pos["no"], r - 1, pos["no"]), Blok(r_awal, pos["sasaran"], r - 1, pos["sasaran"])]
        for rr in range(r_awal + 1, r):  # merged-away cells keep their borders
            tulis(rr, "no", None, "sel_tengah")
            tulis(rr, "sasaran", None)
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
        cetak=Cetak(baris_ulang=(BARIS_KEPALA, BARIS_KEPALA + 1), area=Blok(1, 1, r - 1, n_kol)),
        bekukan=f"A{BARIS_DATA}",
        tab_warna="7030A0",
    ))
