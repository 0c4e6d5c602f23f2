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
    cetak_laporan,
    dengan_metode,
    kelompok_sasaran,
    kepala_kolom,
    keterangan,
    kop,
    sel_capaian,
    tabel_sasaran,
    tanda_tangan,
)
from iku_xl.core.model import BarisIKU, BukuIKU, Skala, nilai_sel
from iku_xl.core.predikat import pilih_skala, predikat, rumus_excel_predikat
from iku_xl.core.skema import nama_lembar_laporan
from iku_xl.core.tata_letak import (
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

    sel += kepala_kolom([k.judul for k in kolom], BARIS_KEPALA)

    def isi(r: int, b: BarisIKU) -> list[Sel]:
        ind = b.indikator
        baris_sel = [Sel(r, pos["indikator"], ind.nama), Sel(r, pos["satuan"], ind.satuan, "sel_tengah"),
                     Sel(r, pos["target"], nilai_sel(b.target), "sel_angka"),
                     Sel(r, pos["realisasi"], nilai_sel(b.realisasi), "sel_angka"),
                     sel_capaian(b, b.capaian.nilai, r, pos["capaian"], huruf["target"], huruf["realisasi"]),
                     Sel(r, pos["predikat"], rumus_excel_predikat(f"{huruf['capaian']}{r}", skala), "sel_tengah",
                         rumus=True, hasil=b.predikat or "")]
        if "lalu" in pos:
            baris_sel.append(Sel(r, pos["lalu"], nilai_sel(b.realisasi_lalu), "sel_angka"))
        if "renstra" in pos:
            baris_sel += [Sel(r, pos["renstra"], nilai_sel(b.target_renstra), "sel_angka"),
                          sel_capaian(replace(b, target=b.target_renstra), b.capaian_renstra, r,
                                      pos["capaian_renstra"], huruf["renstra"], huruf["realisasi"])]
        return baris_sel + [Sel(r, pos["formulasi"], ind.formulasi), Sel(r, pos["pj"], ind.penanggung_jawab),
                            Sel(r, pos["sumber"], ind.sumber_data), Sel(r, pos["keterangan"], keterangan(b))]

    # The table, grouped by sasaran in the order the indicators appear.
    sel_tabel, gabung_tabel, r = tabel_sasaran(baris, BARIS_DATA, pos["no"], pos["sasaran"], isi)
    sel += sel_tabel
    gabung += gabung_tabel
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
        cetak=cetak_laporan((BARIS_KEPALA, BARIS_KEPALA + 1), r - 1, n_kol),
        bekukan=f"A{BARIS_DATA}",
        tab_warna="2F5597",
    ))

