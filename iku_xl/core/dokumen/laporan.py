"""The Laporan Capaian sheet, planned as data (DOMAIN.md section 7).

Layout: title, "SKPD : ..." line, the measurement table grouped by Sasaran
Strategis (No and Sasaran merged over their indicators), an average row, the
signature block from Profil, and a bar chart of capaian per indicator below.
Capaian, Predikat and the Renstra comparison are Excel formulas where the rule
is a plain formula (so staff can correct a realisasi and see it recompute);
every formula cell carries the value the core computed, for the tests to
check against a real spreadsheet engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

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
from iku_xl.core.model import BarisIKU, BukuIKU, Skala, nilai_sel
from iku_xl.core.predikat import pilih_skala, predikat, rumus_excel_predikat
from iku_xl.core.skema import nama_lembar_laporan
from iku_xl.core.tata_letak import (
    Cetak,
    LayoutGrafik,
    LayoutLembar,
    Sel,
    WarnaBersyarat,
    dengan_tinggi_baris,
)
from iku_xl.core.tata_letak import Rentang as Blok

BARIS_JUDUL = 1
BARIS_KEPALA = 4  # column headers; the "(1) (2) ..." numbering row follows
BARIS_DATA = 6
KOLOM_INDIKATOR, KOLOM_CAPAIAN = 3, 7  # fixed: No, Sasaran, Indikator, Satuan, Target, Realisasi, Capaian


@dataclass(frozen=True)
class KolomLaporan:
    kunci: str
    judul: str
    lebar: float


def _kolom(tahun: int, baris: Sequence[BarisIKU]) -> list[KolomLaporan]:
    """The report's columns; comparison columns only where some indicator has the data."""
    kolom = [
        KolomLaporan("no", "No", 5),
        KolomLaporan("sasaran", "Sasaran Strategis", 26),
        KolomLaporan("indikator", "Indikator Kinerja", 34),
        KolomLaporan("satuan", "Satuan", 9),
        KolomLaporan("target", f"Target {tahun}", 10),
        KolomLaporan("realisasi", f"Realisasi {tahun}", 10),
        KolomLaporan("capaian", "Capaian (%)", 10),
        KolomLaporan("predikat", "Predikat", 15),
    ]
    if any(b.realisasi_lalu is not None for b in baris):
        kolom.append(KolomLaporan("lalu", f"Realisasi {tahun - 1}", 10))
    tahun_r = sorted({b.tahun_renstra for b in baris
                      if b.target_renstra is not None and b.tahun_renstra and b.tahun_renstra != tahun})
    if tahun_r:
        label = f" ({tahun_r[0]})" if len(tahun_r) == 1 else ""
        kolom.append(KolomLaporan("renstra", f"Target Akhir Renstra{label}", 11))
        kolom.append(KolomLaporan("capaian_renstra", "Capaian thd Target Renstra (%)", 11))
    kolom += [
        KolomLaporan("formulasi", "Formulasi", 30),
        KolomLaporan("pj", "Penanggung Jawab", 20),
        KolomLaporan("sumber", "Sumber Data", 16),
        KolomLaporan("keterangan", "Keterangan", 16),
    ]
    return kolom


def rata_rata_capaian(baris: Sequence[BarisIKU]) -> float | None:
    """Mean of the capaian that could be computed (what the report's average row shows)."""
    ada = [b.capaian.nilai for b in baris if b.capaian.nilai is not None]
    return sum(ada) / len(ada) if ada else None


def nama_lembar_grafik(tahun: int) -> str:
    return f"Grafik Capaian {tahun}"


def susun_grafik(baris: Sequence[BarisIKU], laporan: LayoutLembar, tahun: int) -> LayoutGrafik | None:
    """The bar chart of capaian per indicator, on a chart sheet, from the report's columns."""
    if not baris:
        return None
    akhir = BARIS_DATA + len(baris) - 1
    samping = f"{huruf_kolom(max(laporan.lebar_kolom) + 1)}{BARIS_DATA}"
    return LayoutGrafik(nama_lembar_grafik(tahun), nama_lembar_laporan(tahun), f"Capaian IKU Tahun {tahun} (%)",
                        Blok(BARIS_DATA, KOLOM_INDIKATOR, akhir, KOLOM_INDIKATOR),
                        Blok(BARIS_DATA, KOLOM_CAPAIAN, akhir, KOLOM_CAPAIAN), "Capaian (%)", samping)


def alamat_capaian(baris: Sequence[BarisIKU], tahun: int) -> dict[str, tuple[str, float | None]]:
    """Each indicator's capaian cell on the Laporan Capaian sheet, as 'Sheet'!G6, with its value.

    The table's first seven columns never move, so the address follows from the row order.
    """
    lembar = nama_lembar_laporan(tahun).replace("'", "''")
    urut = [b for _, anggota in kelompok_sasaran(baris) for b in anggota]
    kolom = huruf_kolom(KOLOM_CAPAIAN - 1)
    return {b.indikator.kode: (f"'{lembar}'!{kolom}{BARIS_DATA + i}", b.capaian.nilai) for i, b in enumerate(urut)}


def susun_laporan(buku: BukuIKU, tahun: int, baris: Sequence[BarisIKU],
                  tanggal: dt.date | None = None) -> LayoutLembar:
    """Plan the "Laporan Capaian {tahun}" sheet from the rows the core computed.

    ``tanggal`` is today: the signature date when Profil has none and it can be right for
    ``tahun`` (:func:`teks_tanggal_ttd`), else day and month are left blank.
    """
    profil = buku.profil
    skala: Skala = pilih_skala(profil.skala, buku.skala_kustom)
    baris = [dengan_metode(b, profil) for b in baris]
    kolom = _kolom(tahun, baris)
    pos = {k.kunci: i + 1 for i, k in enumerate(kolom)}
    huruf = {k: huruf_kolom(i - 1) for k, i in pos.items()}
    n_kol = len(kolom)
    sel: list[Sel] = []
    gabung: list[Blok] = []

    def tulis(r: int, kunci: str, nilai: object, gaya: str = "sel_teks", **kw: object) -> None:
        sel.append(Sel(r, pos[kunci], nilai, gaya, **kw))  # type: ignore[arg-type]

    sel_kop, gabung_kop = kop(f"LAPORAN CAPAIAN TARGET INDIKATOR KINERJA UTAMA (IKU) TAHUN {tahun}", profil, n_kol)
    sel += sel_kop
    gabung += gabung_kop

    # Column headers and the "(1) (2) ..." numbering row.
    for k in kolom:
        tulis(BARIS_KEPALA, k.kunci, k.judul, "kepala")
        tulis(BARIS_KEPALA + 1, k.kunci, f"({pos[k.kunci]})", "nomor_kolom")

    # The table, grouped by sasaran in the order the indicators appear.
    r = BARIS_DATA
    for no, (sasaran, anggota) in enumerate(kelompok_sasaran(baris), start=1):
        r_awal = r
        tulis(r, "no", no, "sel_tengah")
        tulis(r, "sasaran", sasaran)
        for b in anggota:
            ind = b.indikator
            tulis(r, "indikator", ind.nama)
            tulis(r, "satuan", ind.satuan, "sel_tengah")
            tulis(r, "target", nilai_sel(b.target), "sel_angka")
            tulis(r, "realisasi", nilai_sel(b.realisasi), "sel_angka")
            sel.append(sel_capaian(b, b.capaian.nilai, r, pos["capaian"], huruf["target"],
                                    huruf["realisasi"]))
            tulis(r, "predikat", rumus_excel_predikat(f"{huruf['capaian']}{r}", skala), "sel_tengah",
                  rumus=True, hasil=b.predikat or "")
            if "lalu" in pos:
                tulis(r, "lalu", nilai_sel(b.realisasi_lalu), "sel_angka")
            if "renstra" in pos:
                tulis(r, "renstra", nilai_sel(b.target_renstra), "sel_angka")
                sel.append(sel_capaian(replace(b, target=b.target_renstra), b.capaian_renstra, r,
                                        pos["capaian_renstra"], huruf["renstra"], huruf["realisasi"]))
            tulis(r, "formulasi", ind.formulasi)
            tulis(r, "pj", ind.penanggung_jawab)
            tulis(r, "sumber", ind.sumber_data)
            tulis(r, "keterangan", keterangan(b))
            r += 1
        if r - 1 > r_awal:
            gabung += [Blok(r_awal, pos["no"], r - 1, pos["no"]),
                       Blok(r_awal, pos["sasaran"], r - 1, pos["sasaran"])]
        for rr in range(r_awal + 1, r):  # merged-away cells keep their borders
            tulis(rr, "no", None, "sel_tengah")
            tulis(rr, "sasaran", None)
    r_akhir = r - 1

    # Average row.
    rata = rata_rata_capaian(baris)
    tulis(r, "no", "Rata-rata capaian", "ringkasan")
    gabung.append(Blok(r, 1, r, pos["capaian"] - 1))
    for k in range(2, pos["capaian"]):
        sel.append(Sel(r, k, None, "ringkasan"))
    rentang_capaian = f"{huruf['capaian']}{BARIS_DATA}:{huruf['capaian']}{max(r_akhir, BARIS_DATA)}"
    tulis(r, "capaian", f'=IFERROR(AVERAGE({rentang_capaian}),"")', "ringkasan_angka", rumus=True,
          hasil=rata if rata is not None else "")
    tulis(r, "predikat", rumus_excel_predikat(f"{huruf['capaian']}{r}", skala), "ringkasan",
          rumus=True, hasil=(predikat(rata, skala) or ""))
    r_rata = r

    # Note on the scale, then the signature block at the right.
    r += 1
    sel.append(Sel(r, 1, catatan_rumus(baris, skala), "catatan"))
    r += 2
    sel_ttd, gabung_ttd, r = tanda_tangan(profil, tahun, tanggal, r, n_kol)
    sel += sel_ttd
    gabung += gabung_ttd

    lebar_kolom = {pos[k.kunci]: k.lebar for k in kolom}
    warna = tuple(WarnaBersyarat(Blok(BARIS_DATA, pos["predikat"], r_rata, pos["predikat"]), p.label, p.warna)
                  for p in skala.pita)
    return dengan_tinggi_baris(LayoutLembar(
        nama=nama_lembar_laporan(tahun),
        sel=tuple(sel),
        gabung=tuple(gabung),
        lebar_kolom=lebar_kolom,
        warna_bersyarat=warna,
        cetak=Cetak(baris_ulang=(BARIS_KEPALA, BARIS_KEPALA + 1), area=Blok(1, 1, r - 1, n_kol)),
        bekukan=f"A{BARIS_DATA}",
        tab_warna="2F5597",
    ))

