"""The "Analisis Capaian TAHUN" sheet (LKjIP chapter III), planned as data.

Per indicator, grouped by Sasaran Strategis: Kode | Sasaran | Indikator | Target | Realisasi |
Capaian (%) | Analisis (sentences built by :mod:`iku_xl.core.analisis`) | Penyebab keberhasilan /
kegagalan | Upaya / alternatif solusi. The last two are typed by staff and kept when the sheet is
made again: the front end hands over the old sheet's cells, :func:`~iku_xl.core.analisis.teks_lama`
reads them by kode, and this module writes them back at their kode's row.

Never lost:

* text in the two staff columns of an indicator that is no longer on the Indikator sheet goes to
  a list at the bottom, "Catatan dari indikator yang tidak ada lagi" (read back the same way, so
  it comes home if the indicator returns), with a peringatan;
* an Analisis cell staff changed (its text differs from the new sentences) is kept as typed,
  with a peringatan: to get the new sentences, empty the cell and make the sheet again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from iku_xl.core.analisis import (
    JUDUL_ANALISIS,
    JUDUL_PENYEBAB,
    JUDUL_UPAYA,
    JUDUL_YATIM,
    TeksStaf,
    analisis,
)
from iku_xl.core.dokumen.bagian import dengan_metode, kelompok_sasaran, kop, sel_capaian, tanda_tangan
from iku_xl.core.errors import Masalah
from iku_xl.core.model import BarisIKU, BukuIKU, nilai_sel
from iku_xl.core.tata_letak import Cetak, LayoutLembar, Sel, dengan_tinggi_baris
from iku_xl.core.tata_letak import Rentang as Blok

BARIS_KEPALA = 4  # column headers; the "(1) (2) ..." numbering row follows
BARIS_DATA = 6
_KOLOM = (("kode", "Kode", 7), ("sasaran", "Sasaran Strategis", 20), ("indikator", "Indikator Kinerja", 26),
          ("target", "Target", 10), ("realisasi", "Realisasi", 10), ("capaian", "Capaian (%)", 10),
          ("analisis", JUDUL_ANALISIS, 60), ("penyebab", JUDUL_PENYEBAB, 32), ("upaya", JUDUL_UPAYA, 32))
_POS = {k: i for i, (k, _, _) in enumerate(_KOLOM, start=1)}
CATATAN = ("Kolom Analisis disusun otomatis dari data (target, realisasi, tahun sebelumnya, target akhir Renstra, "
           "Program Anggaran); boleh diubah.",
           f"Kolom '{JUDUL_PENYEBAB}' dan '{JUDUL_UPAYA}' diisi staf; isinya dipertahankan menurut Kode "
           "setiap kali lembar ini dibuat ulang.")


def nama_lembar_analisis(tahun: int) -> str:
    """
    >>> nama_lembar_analisis(2025)
    'Analisis Capaian 2025'
    """
    return f"Analisis Capaian {tahun}"


def susun_analisis(buku: BukuIKU, tahun: int, baris: Sequence[BarisIKU], riwayat: Mapping[str, Mapping[int, object]],
                   lama: Mapping[str, TeksStaf], tanggal: dt.date | None = None
                   ) -> tuple[LayoutLembar, list[Masalah]]:
    """Plan the sheet from the rows the core computed; ``riwayat`` is kode -> earlier year ->
    realisasi, ``lama`` the texts of the sheet this one replaces (empty the first time).

    Returns the layout and the peringatan about staff text placed elsewhere than its row.
    """
    profil = buku.profil
    nama = nama_lembar_analisis(tahun)
    n_kol = len(_KOLOM)
    sel, gabung = kop(f"ANALISIS CAPAIAN KINERJA TAHUN {tahun}", profil, n_kol)
    masalah: list[Masalah] = []

    def tulis(r: int, kunci: str, nilai: object, gaya: str = "sel_teks", **kw: object) -> None:
        sel.append(Sel(r, _POS[kunci], nilai if nilai != "" else None, gaya, **kw))  # type: ignore[arg-type]

    for k, judul, _ in _KOLOM:
        tulis(BARIS_KEPALA, k, judul, "kepala")
        tulis(BARIS_KEPALA + 1, k, f"({_POS[k]})", "nomor_kolom")

    r = BARIS_DATA
    kode_ada = set()
    huruf_t, huruf_r = "D", "E"
    for sasaran, anggota in kelompok_sasaran([dengan_metode(b, profil) for b in baris]):
        r_awal = r
        tulis(r, "sasaran", sasaran)
        for b in anggota:
            ind = b.indikator
            kode_ada.add(ind.kode)
            staf = lama.get(ind.kode, TeksStaf())
            program = [g for g in buku.program if g.kode == ind.kode and g.tahun == tahun]
            kalimat = analisis(b, riwayat.get(ind.kode, {}), profil.tahun_akhir_renstra, program)
            if staf.analisis and staf.analisis != kalimat:
                masalah.append(Masalah(
                    "peringatan", "teks Analisis yang diubah staf dipertahankan; kalimat baru dari data tidak ditulis",
                    "Kosongkan sel Analisis indikator itu lalu buat analisis lagi bila ingin kalimat baru.",
                    nama, f"G{r}", ind.kode))
                kalimat = staf.analisis
            tulis(r, "kode", ind.kode, "sel_tengah")
            tulis(r, "indikator", ind.nama + (f" ({ind.satuan})" if ind.satuan else ""))
            tulis(r, "target", nilai_sel(b.target), "sel_angka")
            tulis(r, "realisasi", nilai_sel(b.realisasi), "sel_angka")
            sel.append(sel_capaian(b, b.capaian.nilai, r, _POS["capaian"], huruf_t, huruf_r))
            tulis(r, "analisis", kalimat)
            tulis(r, "penyebab", staf.penyebab, "isian")
            tulis(r, "upaya", staf.upaya, "isian")
            r += 1
        if r - 1 > r_awal:
            gabung.append(Blok(r_awal, _POS["sasaran"], r - 1, _POS["sasaran"]))
        for rr in range(r_awal + 1, r):  # merged-away cells keep their borders
            tulis(rr, "sasaran", None)

    yatim = [(k, t) for k, t in lama.items() if k not in kode_ada and t.ada_isian]
    if yatim:
        tulis(r, "kode", JUDUL_YATIM, "label")
        for k in range(2, n_kol + 1):
            sel.append(Sel(r, k, None, "label"))
        gabung.append(Blok(r, 1, r, n_kol))
        r += 1
        for kode, t in yatim:
            tulis(r, "kode", kode, "sel_tengah")
            for k in ("sasaran", "indikator", "target", "realisasi", "capaian"):
                tulis(r, k, None)
            tulis(r, "analisis", t.analisis)
            tulis(r, "penyebab", t.penyebab, "isian")
            tulis(r, "upaya", t.upaya, "isian")
            masalah.append(Masalah(
                "peringatan", f"indikator {kode} tidak ada lagi di lembar Indikator; teks Penyebab/Upaya-nya "
                f"dipindah ke bagian '{JUDUL_YATIM}'",
                "Salin isinya ke indikator penggantinya, atau hapus barisnya bila tidak diperlukan lagi.",
                nama, f"A{r}", kode))
            r += 1

    for teks in CATATAN:  # short unmerged lines: a long merged line would be cut in print
        sel.append(Sel(r, 1, teks, "catatan"))
        r += 1
    r += 1
    sel_ttd, gabung_ttd, r = tanda_tangan(profil, tahun, tanggal, r, n_kol)
    sel += sel_ttd
    gabung += gabung_ttd
    return dengan_tinggi_baris(LayoutLembar(
        nama=nama,
        sel=tuple(sel),
        gabung=tuple(gabung),
        lebar_kolom={_POS[k]: lebar for k, _, lebar in _KOLOM},
        cetak=Cetak(baris_ulang=(BARIS_KEPALA, BARIS_KEPALA + 1), area=Blok(1, 1, r - 1, n_kol)),
        bekukan=f"A{BARIS_DATA}",
        tab_warna="548235",
    )), masalah
