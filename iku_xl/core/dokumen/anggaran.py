"""The "Anggaran {tahun}" sheet: programs and kegiatan with budget, realisasi anggaran,
serapan, and the capaian of the indicator each supports (efisiensi, as
PermenPANRB 88/2021's evaluation asks; DOMAIN.md section 7).

A sheet of its own, so that the Laporan Capaian's repeated header rows print
only over the measurement table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from iku_xl.core.baca import huruf_kolom
from iku_xl.core.dokumen.bagian import cetak_laporan, kop
from iku_xl.core.model import BukuIKU, ProgramIKU
from iku_xl.core.tata_letak import LayoutLembar, Sel, dengan_tinggi_baris
from iku_xl.core.tata_letak import Rentang as Blok

_KOLOM = (("No", 5), ("Program", 30), ("Kegiatan", 34), ("Kode IKU", 7), ("Target Kinerja", 11),
          ("Anggaran (Rp)", 18), ("Realisasi Anggaran (Rp)", 18), ("Serapan Anggaran (%)", 11),
          ("Capaian IKU (%)", 11))
_K_ANGGARAN, _K_REALISASI, _K_SERAPAN, _K_CAPAIAN = 6, 7, 8, 9
BARIS_KEPALA = 4


def nama_lembar_anggaran(tahun: int) -> str:
    return f"Anggaran {tahun}"


def _rumus_serapan(r: int) -> str:
    a, b = huruf_kolom(_K_ANGGARAN - 1), huruf_kolom(_K_REALISASI - 1)
    return f'=IF(AND(ISNUMBER({a}{r}),ISNUMBER({b}{r}),{a}{r}>0),{b}{r}/{a}{r}*100,"")'


def serapan(anggaran: float | None, realisasi: float | None) -> float | None:
    """Realisasi anggaran / anggaran x 100; None without a budget.

    >>> serapan(200_000_000, 187_500_000)
    93.75
    """
    return realisasi / anggaran * 100 if anggaran and realisasi is not None else None


def susun_anggaran(buku: BukuIKU, tahun: int, capaian: Mapping[str, tuple[str, float | None]],
                   ) -> LayoutLembar | None:
    """Plan the budget sheet for ``tahun``; None when no program has that year.

    ``capaian`` maps an indicator's kode to (its capaian cell on the Laporan Capaian
    sheet as 'Sheet'!A1, the core's value): the sheet links to it, so a corrected
    realisasi there shows here too.
    """
    program: Sequence[ProgramIKU] = [g for g in buku.program if g.tahun == tahun]
    if not program:
        return None
    n_kol = len(_KOLOM)
    sel, gabung = kop(f"ANGGARAN DAN REALISASI ANGGARAN PER PROGRAM TAHUN {tahun}", buku.profil, n_kol)
    sel += [Sel(BARIS_KEPALA, k, judul, "kepala") for k, (judul, _) in enumerate(_KOLOM, start=1)]
    r = r_awal = BARIS_KEPALA + 1
    for no, g in enumerate(program, start=1):
        sel += [Sel(r, 1, no, "sel_tengah"), Sel(r, 2, g.program), Sel(r, 3, g.kegiatan or None),
                Sel(r, 4, g.kode, "sel_tengah"), Sel(r, 5, g.target or None, "sel_tengah"),
                Sel(r, _K_ANGGARAN, g.anggaran, "sel_angka", format_angka="#,##0"),
                Sel(r, _K_REALISASI, g.realisasi_anggaran, "sel_angka", format_angka="#,##0"),
                Sel(r, _K_SERAPAN, _rumus_serapan(r), "sel_capaian", rumus=True,
                    hasil=_kosong(serapan(g.anggaran, g.realisasi_anggaran)))]
        if g.kode in capaian:
            alamat, nilai = capaian[g.kode]
            sel.append(Sel(r, _K_CAPAIAN, f'=IF({alamat}="","",{alamat})', "sel_capaian", rumus=True,
                           hasil=_kosong(nilai)))
        else:
            sel.append(Sel(r, _K_CAPAIAN, None, "sel_capaian"))
        r += 1
    total = (sum(g.anggaran or 0 for g in program), sum(g.realisasi_anggaran or 0 for g in program))
    sel += [Sel(r, 1, "Jumlah", "ringkasan")] + [Sel(r, k, None, "ringkasan") for k in range(2, _K_ANGGARAN)]
    gabung.append(Blok(r, 1, r, _K_ANGGARAN - 1))
    for k, nilai in ((_K_ANGGARAN, total[0]), (_K_REALISASI, total[1])):
        kol = huruf_kolom(k - 1)
        sel.append(Sel(r, k, f"=SUM({kol}{r_awal}:{kol}{r - 1})", "ringkasan", rumus=True, hasil=nilai,
                       format_angka="#,##0"))
    sel.append(Sel(r, _K_SERAPAN, _rumus_serapan(r), "ringkasan_angka", rumus=True,
                   hasil=_kosong(serapan(*total))))
    sel.append(Sel(r, _K_CAPAIAN, None, "ringkasan"))
    return dengan_tinggi_baris(LayoutLembar(
        nama=nama_lembar_anggaran(tahun),
        sel=tuple(sel),
        gabung=tuple(gabung),
        lebar_kolom={k: lebar for k, (_, lebar) in enumerate(_KOLOM, start=1)},
        cetak=cetak_laporan((BARIS_KEPALA, BARIS_KEPALA), r, n_kol),
        bekukan=f"A{BARIS_KEPALA + 1}",
        tab_warna="2F5597",
    ))


def _kosong(x: float | None) -> float | str:
    """What a formula cell shows for "no value": the empty text its IF returns."""
    return "" if x is None else x
