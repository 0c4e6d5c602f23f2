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
from iku_xl.core.capaian import huruf_akip
from iku_xl.core.model import BarisIKU, BukuIKU, NilaiHuruf, Profil, Rentang, Skala, nilai_sel, teks_angka
from iku_xl.core.polaritas import rumus_untuk
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


def _sel_capaian(b: BarisIKU, nilai: float | None, r: int, k: int, c_t: str, c_r: str) -> Sel:
    """Capaian: an Excel formula where the rule is a plain formula of two numbers in the
    row (target > 0), else the core's value (ranges, grades, target 0, empty)."""
    ind = b.indikator
    if nilai is not None and isinstance(b.realisasi, float) and isinstance(b.target, float) \
            and b.target > 0:
        teks = rumus_untuk(ind.polaritas, ind.metode_negatif or "2T-R").excel
        return Sel(r, k, "=" + teks.format(t=f"{c_t}{r}", r=f"{c_r}{r}"), "sel_capaian",
                   rumus=True, hasil=nilai)
    return Sel(r, k, nilai, "sel_capaian")


def keterangan(b: BarisIKU) -> str:
    """The Keterangan column: why a capaian is empty, Tercapai for grades, warnings."""
    bagian = []
    if b.capaian.alasan:
        bagian.append(b.capaian.alasan[0].upper() + b.capaian.alasan[1:])
    if isinstance(b.target, NilaiHuruf) and b.capaian.status:
        setara = f" = {huruf_akip(b.realisasi)}" if isinstance(b.realisasi, float) else ""
        bagian.append(f"{b.capaian.status}: target {b.target}, realisasi {teks_angka(b.realisasi)}{setara}")
    if isinstance(b.target, Rentang) and b.capaian.nilai is not None:
        bagian.append("Target berupa rentang")
    bagian += [p[0].upper() + p[1:] for p in b.capaian.peringatan]
    return "; ".join(bagian)



def format_tanggal(tanggal: dt.date) -> str:
    """A date as Indonesian letters write it.

    >>> format_tanggal(dt.date(2025, 1, 15))
    '15 Januari 2025'
    """
    from babel.dates import format_date

    return format_date(tanggal, "d MMMM y", locale="id")


TANGGAL_KOSONG = "……………………"
"""Dots for a day and month written by hand on the printed report."""


def tanggal_ttd(tahun: int, tanggal_profil: dt.date | None, hari_ini: dt.date | None) -> str | None:
    """The date on the report's signature line, or None when none can be right.

    Tanggal Laporan in Profil wins. Otherwise today only when it can be the signing date: the
    report year itself or the year after (the LKjIP of year n is signed in year n+1). Else the
    caller leaves day and month blank for handwriting (:func:`teks_tanggal_ttd`).

    >>> tanggal_ttd(2020, dt.date(2021, 2, 3), dt.date(2026, 12, 1))
    datetime.date(2021, 2, 3)
    >>> tanggal_ttd(2025, None, dt.date(2026, 1, 15))
    datetime.date(2026, 1, 15)
    >>> tanggal_ttd(2017, None, dt.date(2026, 12, 1)) is None
    True
    """
    if tanggal_profil is not None:
        return tanggal_profil
    if hari_ini is not None and hari_ini.year in (tahun, tahun + 1):
        return hari_ini
    return None


def teks_tanggal_ttd(tahun: int, tanggal_profil: dt.date | None, hari_ini: dt.date | None) -> str:
    """The date as the signature line writes it: letters, or blank day and month and the
    year after ``tahun`` when no date can be right (see :func:`tanggal_ttd`).

    >>> teks_tanggal_ttd(2025, None, dt.date(2026, 1, 15))
    '15 Januari 2026'
    >>> teks_tanggal_ttd(2017, None, dt.date(2026, 12, 1))
    '…………………… 2018'
    """
    tanggal = tanggal_ttd(tahun, tanggal_profil, hari_ini)
    return format_tanggal(tanggal) if tanggal is not None else f"{TANGGAL_KOSONG} {tahun + 1}"


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


def catatan_rumus(baris: Sequence[BarisIKU], skala: Skala) -> str:
    """The note under the table: the scale, and the formula of each negative-polarity method in use.

    >>> from iku_xl.core.model import HasilCapaian, Indikator
    >>> b = [BarisIKU(Indikator("1.2", "S", "Jumlah kasus", polaritas="negatif", metode_negatif="T/R"),
    ...               2024, 4.0, 3.0, HasilCapaian(133.3), None)]
    >>> catatan_rumus(b, pilih_skala("permenpanrb8"))
    'Predikat menurut skala PermenPANRB 8/2021 (kategori capaian IKI). Polaritas negatif: Target / Realisasi x 100 (indikator 1.2).'
    """
    teks = f"Predikat menurut skala {skala.judul}."
    metode: dict[str, list[str]] = {}
    for b in baris:
        if b.indikator.polaritas == "negatif":
            metode.setdefault(b.indikator.metode_negatif or "2T-R", []).append(b.indikator.kode)
    if metode:
        bagian = [f"{_KETERANGAN_METODE[m]} (indikator {', '.join(kode)})" for m, kode in sorted(metode.items())]
        teks += " Polaritas negatif: " + "; ".join(bagian) + "."
    return teks


_KETERANGAN_METODE = {"2T-R": "(2 x Target - Realisasi) / Target x 100", "T/R": "Target / Realisasi x 100"}


def kop(judul: str, profil: Profil, n_kol: int) -> tuple[list[Sel], list[Blok]]:
    """The title and "SKPD : ..." lines of a report sheet, merged across ``n_kol`` columns."""
    instansi = " ".join(x for x in (profil.instansi, profil.kabupaten) if x).upper()
    return ([Sel(1, 1, judul, "judul"), Sel(2, 1, f"SKPD : {instansi}", "subjudul")],
            [Blok(1, 1, 1, n_kol), Blok(2, 1, 2, n_kol)])


def tanda_tangan(profil: Profil, tahun: int, tanggal: dt.date | None, r: int, n_kol: int
                 ) -> tuple[list[Sel], list[Blok], int]:
    """The signature block from Profil at the right of a report sheet of ``tahun``, from row ``r``:
    its cells, merges and the first row below it. ``tanggal`` is today, used when Profil has no
    date and it can be right (:func:`teks_tanggal_ttd`)."""
    sel: list[Sel] = []
    gabung: list[Blok] = []
    k_ttd = max(1, n_kol - 3)
    tempat = ", ".join(x for x in (profil.tempat, teks_tanggal_ttd(tahun, profil.tanggal, tanggal)) if x)
    blok_ttd = [(tempat, "ttd"), (profil.jabatan_kepala, "ttd"), ("", "ttd"), ("", "ttd"),
                ("", "ttd"), (profil.nama_kepala, "ttd_nama"), (profil.pangkat, "ttd"),
                (f"NIP. {profil.nip}" if profil.nip else "", "ttd")]
    for teks, gaya in blok_ttd:
        sel.append(Sel(r, k_ttd, teks or None, gaya))
        gabung.append(Blok(r, k_ttd, r, n_kol))
        r += 1
    return sel, gabung, r


def kelompok_sasaran(baris: Sequence[BarisIKU]) -> list[tuple[str, list[BarisIKU]]]:
    """Rows grouped by sasaran, keeping first-appearance order (a sasaran split by other
    rows is still one group)."""
    kelompok: dict[str, list[BarisIKU]] = {}
    for b in baris:  # one pass: a workbook may hold thousands of sasaran
        kelompok.setdefault(b.indikator.sasaran, []).append(b)
    return list(kelompok.items())


def _metode(b: BarisIKU, profil: Profil) -> BarisIKU:
    """The row with the workbook's negative method filled in where the indicator has none."""
    if b.indikator.metode_negatif:
        return b
    return replace(b, indikator=replace(b.indikator, metode_negatif=profil.metode_negatif))


def susun_laporan(buku: BukuIKU, tahun: int, baris: Sequence[BarisIKU],
                  tanggal: dt.date | None = None) -> LayoutLembar:
    """Plan the "Laporan Capaian {tahun}" sheet from the rows the core computed.

    ``tanggal`` is today: the signature date when Profil has none and it can be right for
    ``tahun`` (:func:`teks_tanggal_ttd`), else day and month are left blank.
    """
    profil = buku.profil
    skala: Skala = pilih_skala(profil.skala, buku.skala_kustom)
    baris = [_metode(b, profil) for b in baris]
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
            sel.append(_sel_capaian(b, b.capaian.nilai, r, pos["capaian"], huruf["target"],
                                    huruf["realisasi"]))
            tulis(r, "predikat", rumus_excel_predikat(f"{huruf['capaian']}{r}", skala), "sel_tengah",
                  rumus=True, hasil=b.predikat or "")
            if "lalu" in pos:
                tulis(r, "lalu", nilai_sel(b.realisasi_lalu), "sel_angka")
            if "renstra" in pos:
                tulis(r, "renstra", nilai_sel(b.target_renstra), "sel_angka")
                sel.append(_sel_capaian(replace(b, target=b.target_renstra), b.capaian_renstra, r,
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

