"""The "Perjanjian Kinerja TAHUN" sheet: the performance agreement of PermenPANRB 53/2014
(Lampiran, form of the Perjanjian Kinerja), planned as data (DOMAIN.md section 11).

Page 1, the statement: title and unit, the wording of the regulation's form naming pihak pertama
(the unit head, from Profil) and pihak kedua (the direct superior: Nama/Jabatan/Pangkat/NIP Atasan
in Profil), place and date, and the two signature blocks side by side (pihak kedua left, pihak
pertama right). A manual page break, then the lampiran: the same title, the table No | Sasaran
Strategis | Indikator Kinerja | Target (grouped by sasaran as in the Laporan Capaian), the table
Program | Anggaran | Keterangan with the year's budget per program and its total (an Excel SUM
carrying the core's value), and the signatures again. A4 portrait, one page wide.

The statement's wording is data here (:data:`PERNYATAAN`), never in a renderer. A missing name is
never invented: the line is left for handwriting and :mod:`iku_xl.core.tugas` says which Profil
field to fill.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from iku_xl.core.baca import huruf_kolom
from iku_xl.core.dokumen.bagian import (
    NAMA_KOSONG,
    TANGGAL_PK,
    Penanda,
    kelompok_sasaran,
    kepala,
    kop,
    tanda_tangan_berdampingan,
    teks_tanggal_ttd,
)
from iku_xl.core.gaya import GAYA
from iku_xl.core.model import BarisIKU, BukuIKU, NilaiHuruf, Profil, ProgramIKU, Rentang, nilai_sel
from iku_xl.core.skema import nama_lembar_pk
from iku_xl.core.tata_letak import Cetak, LayoutLembar, Sel, dengan_tinggi_baris
from iku_xl.core.tata_letak import Rentang as Blok

#: The statement of the regulation's form, in order; {pertama} and {kedua} are the name/jabatan lines.
PERNYATAAN = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:",
    "{pertama}",
    "selanjutnya disebut pihak pertama",
    "{kedua}",
    "selaku atasan langsung pihak pertama, selanjutnya disebut pihak kedua",
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
    "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
    "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
    "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
    "dan sanksi.",
)
PIHAK_PERTAMA, PIHAK_KEDUA = "PIHAK PERTAMA,", "PIHAK KEDUA,"
#: What a target cell says when the year has none (never 0).
TARGET_KOSONG = "Target belum diisi"

# Columns: A No, B Sasaran / Program, C Indikator / Program, D Target / Anggaran, E Target / Keterangan.
_LEBAR = {1: 5, 2: 32, 3: 36, 4: 17, 5: 17}
N_KOL = 5
_TTD_KIRI, _TTD_KANAN = (1, 2), (4, 5)


def judul_pk(tahun: int) -> str:
    """
    >>> judul_pk(2025)
    'PERJANJIAN KINERJA TAHUN 2025'
    """
    return f"PERJANJIAN KINERJA TAHUN {tahun}"


def atasan(profil: Profil) -> Penanda:
    """Pihak kedua from Profil; Pangkat/NIP Atasan as typed, "NIP. " before a bare 18-digit NIP.

    >>> atasan(Profil(nama_atasan="H. Ahmad", pangkat_nip_atasan="19650101 199003 1 001"))
    Penanda(jabatan='', nama='H. Ahmad', pangkat='', nip='19650101 199003 1 001')
    """
    teks = profil.pangkat_nip_atasan.strip()
    nip = teks if len(teks.replace(" ", "")) == 18 and teks.replace(" ", "").isdigit() else ""
    return Penanda(profil.jabatan_atasan, profil.nama_atasan, "" if nip else teks, nip)


def anggaran_program(program: Sequence[ProgramIKU], tahun: int) -> list[tuple[str, float | None, str]]:
    """The year's budget per program, in first-appearance order: (program, anggaran, keterangan).

    A program row (Kegiatan empty) with a budget gives the program's budget; otherwise its
    kegiatan are summed (and Keterangan says how many). No budget at all: None, and Keterangan
    says so (never 0).

    >>> anggaran_program([ProgramIKU("1.1", 2025, "P1", "K1", anggaran=100.0),
    ...                   ProgramIKU("1.2", 2025, "P1", "K2", anggaran=50.0),
    ...                   ProgramIKU("2.1", 2025, "P2", "", anggaran=70.0),
    ...                   ProgramIKU("2.1", 2025, "P2", "K3", anggaran=70.0),
    ...                   ProgramIKU("3.1", 2025, "P3", "K4"), ProgramIKU("3.1", 2024, "P4", anggaran=1.0)], 2025)
    [('P1', 150.0, 'Jumlah 2 kegiatan'), ('P2', 70.0, ''), ('P3', None, 'Anggaran belum diisi')]
    """
    per: dict[str, list[ProgramIKU]] = {}
    for g in program:
        if g.tahun == tahun:
            per.setdefault(g.program, []).append(g)
    hasil: list[tuple[str, float | None, str]] = []
    for nama, baris in per.items():
        induk = [g.anggaran for g in baris if not g.kegiatan and g.anggaran is not None]
        kegiatan = [g.anggaran for g in baris if g.kegiatan and g.anggaran is not None]
        if induk:
            hasil.append((nama, sum(induk), ""))
        elif kegiatan:
            hasil.append((nama, sum(kegiatan), f"Jumlah {len(kegiatan)} kegiatan"))
        else:
            hasil.append((nama, None, "Anggaran belum diisi"))
    return hasil


def _geser(sel: list[Sel], gabung: list[Blok], dr: int) -> tuple[list[Sel], list[Blok]]:
    return ([replace(s, baris=s.baris + dr) for s in sel],
            [replace(g, baris1=g.baris1 + dr, baris2=g.baris2 + dr) for g in gabung])


def _target(b: BarisIKU, r: int) -> Sel:
    """The target as typed: a number (with its satuan in the number format), a range or a grade."""
    if b.target is None:
        return Sel(r, 4, TARGET_KOSONG, "sel_tengah")
    if isinstance(b.target, Rentang | NilaiHuruf):
        return Sel(r, 4, nilai_sel(b.target), "sel_tengah")
    satuan = b.indikator.satuan.strip().replace('"', "")
    return Sel(r, 4, nilai_sel(b.target), "sel_tengah", format_angka=f'General" {satuan}"' if satuan else None)


class _Lembar:
    """The cells and merges as they are placed, top to bottom."""

    def __init__(self) -> None:
        self.sel: list[Sel] = []
        self.gabung: list[Blok] = []

    def tulis(self, r: int, k1: int, nilai: object, gaya: str, k2: int | None = None, **kw: object) -> None:
        self.sel.append(Sel(r, k1, nilai, gaya, **kw))  # type: ignore[arg-type]
        if k2 is not None and k2 > k1:
            self.gabung.append(Blok(r, k1, r, k2))
            if GAYA[gaya].bingkai:  # merged-away cells keep their borders
                self.sel += [Sel(r, k, None, gaya) for k in range(k1 + 1, k2 + 1)]

    def kop(self, judul: str, profil: Profil, r: int) -> None:
        sel, gabung = kop(judul, profil, N_KOL)
        sel, gabung = _geser(sel, gabung, r - 1)
        self.sel += sel
        self.gabung += gabung

    def ttd(self, profil: Profil, tahun: int, tanggal: dt.date | None, r: int) -> int:
        tempat = ", ".join(x for x in (profil.tempat, teks_tanggal_ttd(tahun, profil.tanggal, tanggal, TANGGAL_PK))
                           if x)
        kedua = atasan(profil)
        kedua = replace(kedua, nama=kedua.nama or NAMA_KOSONG)
        sel, gabung, r = tanda_tangan_berdampingan(([PIHAK_KEDUA], kedua), ([tempat, PIHAK_PERTAMA], kepala(profil)),
                                                   r, _TTD_KIRI, _TTD_KANAN)
        self.sel += sel
        self.gabung += gabung
        return r


def _pihak(lb: _Lembar, r: int, p: Penanda) -> int:
    for label, isi in (("Nama", p.nama or NAMA_KOSONG), ("Jabatan", p.jabatan or NAMA_KOSONG)):
        lb.tulis(r, 2, label, "petunjuk")
        lb.tulis(r, 3, f": {isi}", "petunjuk", 5)
        r += 1
    return r


def susun_pk(buku: BukuIKU, tahun: int, baris: Sequence[BarisIKU], tanggal: dt.date | None = None) -> LayoutLembar:
    """Plan the "Perjanjian Kinerja {tahun}" sheet from the year's rows (targets) and Program Anggaran.

    ``tanggal`` is today: the signature date when it can be the PK's (late ``tahun`` - 1 or ``tahun``,
    :data:`~iku_xl.core.dokumen.bagian.TANGGAL_PK`), else day and month are left blank.
    """
    profil = buku.profil
    lb = _Lembar()
    lb.kop(judul_pk(tahun), profil, 1)
    r = 4
    for teks in PERNYATAAN:
        if teks == "{pertama}":
            r = _pihak(lb, r, kepala(profil))
        elif teks == "{kedua}":
            r = _pihak(lb, r, atasan(profil))
        else:
            lb.tulis(r, 1, teks, "petunjuk", N_KOL)
            r += 1
        r += 1
    r = lb.ttd(profil, tahun, tanggal, r + 1)
    pisah = r - 1

    # The lampiran, on a page of its own.
    lb.kop(judul_pk(tahun), profil, r)
    r += 3
    r_kepala = r
    for k1, judul, k2 in ((1, "No", None), (2, "Sasaran Strategis", None), (3, "Indikator Kinerja", None),
                          (4, f"Target {tahun}", 5)):
        lb.tulis(r, k1, judul, "kepala", k2)
    r += 1
    for no, (sasaran, anggota) in enumerate(kelompok_sasaran(baris), start=1):
        r_awal = r
        lb.tulis(r, 1, no, "sel_tengah")
        lb.tulis(r, 2, sasaran, "sel_teks")
        for b in anggota:
            lb.tulis(r, 3, b.indikator.nama, "sel_teks")
            lb.sel.append(_target(b, r))
            lb.tulis(r, 5, None, "sel_tengah")
            lb.gabung.append(Blok(r, 4, r, 5))
            r += 1
        if r - 1 > r_awal:
            lb.gabung += [Blok(r_awal, 1, r - 1, 1), Blok(r_awal, 2, r - 1, 2)]
        for rr in range(r_awal + 1, r):
            lb.tulis(rr, 1, None, "sel_tengah")
            lb.tulis(rr, 2, None, "sel_teks")

    r += 1
    for k1, judul, k2 in ((1, "No", None), (2, "Program", 3), (4, "Anggaran (Rp)", None), (5, "Keterangan", None)):
        lb.tulis(r, k1, judul, "kepala", k2)
    r += 1
    program = anggaran_program(buku.program, tahun)
    r_awal = r
    for no, (nama, anggaran, ket) in enumerate(program, start=1):
        lb.tulis(r, 1, no, "sel_tengah")
        lb.tulis(r, 2, nama, "sel_teks", 3)
        lb.tulis(r, 4, anggaran, "sel_angka", format_angka="#,##0")
        lb.tulis(r, 5, ket or None, "sel_teks")
        r += 1
    if not program:
        lb.tulis(r, 1, None, "sel_tengah")
        lb.tulis(r, 2, f"Program {tahun} belum diisi di lembar Program Anggaran", "sel_teks", 3)
        lb.tulis(r, 4, None, "sel_angka")
        lb.tulis(r, 5, None, "sel_teks")
        r += 1
    lb.tulis(r, 1, "Jumlah", "ringkasan", 3)
    d = huruf_kolom(3)
    total = sum(a for _, a, _ in program if a is not None)
    if program:
        lb.tulis(r, 4, f"=SUM({d}{r_awal}:{d}{r - 1})", "ringkasan", rumus=True, hasil=total, format_angka="#,##0")
    else:  # nothing to add up: an empty total, not 0
        lb.tulis(r, 4, None, "ringkasan")
    lb.tulis(r, 5, None, "ringkasan")
    r += 2
    r = lb.ttd(profil, tahun, tanggal, r)

    return dengan_tinggi_baris(LayoutLembar(
        nama=nama_lembar_pk(tahun),
        sel=tuple(lb.sel),
        gabung=tuple(lb.gabung),
        lebar_kolom=dict(_LEBAR),
        cetak=Cetak(orientasi="portrait", baris_ulang=(r_kepala, r_kepala), area=Blok(1, 1, r - 1, N_KOL),
                    pisah_halaman=(pisah,)),
        tab_warna="548235",
    ))
