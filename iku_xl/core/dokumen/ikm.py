"""The "Laporan IKM TAHUN" sheet (Indeks Kepuasan Masyarakat, PermenPANRB 14/2017), planned as data,
and its bar chart of NRR per unsur ("Grafik IKM TAHUN").

From :func:`iku_xl.core.ikm.ringkas_survei` over the survey periods of the year: the table of the
9 unsur (No | Unsur | Jumlah nilai | Jumlah jawaban | NRR | NRR tertimbang | Mutu unsur), the IKM
(nilai interval, konversi, mutu, kinerja unit), the three lowest unsur as improvement priorities,
the IKM per jenis layanan, the respondents by profile, the minimum sample, the incomplete answers,
the saran, and the signature block. NRR, NRR tertimbang, IKM and the percentages are Excel formulas
of the table's own cells, each carrying the core's value (``Sel.hasil``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from iku_xl.core.dokumen.bagian import cetak_laporan, kepala_kolom, kop, tanda_tangan
from iku_xl.core.gaya import GAYA
from iku_xl.core.ikm import KELOMPOK_UMUR, UNSUR, RingkasanSurvei, sampel_minimum
from iku_xl.core.model import Profil, format_angka
from iku_xl.core.tata_letak import LayoutGrafik, LayoutLembar, Sel, dengan_tinggi_baris
from iku_xl.core.tata_letak import Rentang as Blok

AWALAN_IKM = "Laporan IKM"
AWALAN_GRAFIK_IKM = "Grafik IKM"
BARIS_KEPALA = 4  # the unsur table's headers; the "(1) (2) ..." row follows
BARIS_DATA = 6
N_KOL = 7
KOLOM = ("No", "Unsur Pelayanan", "Jumlah Nilai", "Jumlah Jawaban", "NRR", "NRR Tertimbang (x 1/9)", "Mutu Unsur")
#: Column widths: together under an A4 portrait page's width (the sheet prints portrait).
LEBAR = (5.0, 36.0, 11.0, 11.0, 9.0, 13.0, 10.0)
#: Rows of the unsur table's lines (IKM interval and konversi) below the 9 unsur.
BARIS_IKM = BARIS_DATA + len(UNSUR)
BARIS_KONVERSI = BARIS_IKM + 1
KOLOM_NRR, KOLOM_TERTIMBANG = 5, 6


def nama_lembar_ikm(tahun: int) -> str:
    """
    >>> nama_lembar_ikm(2024), len(nama_lembar_ikm(2024)) <= 31
    ('Laporan IKM 2024', True)
    """
    return f"{AWALAN_IKM} {tahun}"


def nama_grafik_ikm(tahun: int) -> str:
    """
    >>> nama_grafik_ikm(2024)
    'Grafik IKM 2024'
    """
    return f"{AWALAN_GRAFIK_IKM} {tahun}"


def teks_periode(periode: tuple[str, ...]) -> str:
    """
    >>> teks_periode(("2024 Semester I", "2024 Semester II"))
    '2024 Semester I, 2024 Semester II'
    """
    return ", ".join(periode)


def _baris_teks(sel: list[Sel], gabung: list[Blok], r: int, teks: str, gaya: str = "petunjuk") -> None:
    """A line of text across the sheet (merged, wrapped)."""
    sel.append(Sel(r, 1, teks, gaya))
    if GAYA[gaya].bingkai:  # merged-away cells keep their borders
        sel += [Sel(r, k, None, gaya) for k in range(2, N_KOL + 1)]
    gabung.append(Blok(r, 1, r, N_KOL))


def _judul_bagian(sel: list[Sel], gabung: list[Blok], r: int, teks: str) -> None:
    sel.append(Sel(r, 1, teks, "subjudul_kiri"))
    gabung.append(Blok(r, 1, r, N_KOL))


def kalimat_sampel(per_periode: Sequence[tuple[str, int]], populasi: float | None) -> tuple[str, bool]:
    """The minimum-sample line and whether it is a warning. The population is the service's users in
    one survey period (Profil), so each period is held against the minimum, as ``validasi`` does.

    >>> print(kalimat_sampel([("2024 Semester I", 90), ("2024 Semester II", 12)], 100)[0])
    PERHATIAN: sampel minimum per periode survei untuk populasi 100 (tabel Krejcie-Morgan): 80 responden. 2024 Semester I: 90 responden; 2024 Semester II: 12 responden (KURANG). Hasil IKM periode yang kurang respondennya belum mewakili pengguna layanan.
    >>> kalimat_sampel([("I", 3)], None)
    ('Populasi Layanan (IKM) di lembar Profil belum diisi: sampel minimum (tabel Krejcie-Morgan) tidak dihitung.', False)
    """
    if not populasi:
        return ("Populasi Layanan (IKM) di lembar Profil belum diisi: sampel minimum (tabel Krejcie-Morgan) "
                "tidak dihitung.", False)
    s = sampel_minimum(int(populasi))
    kurang = any(n < s for _, n in per_periode)
    teks = (f"sampel minimum per periode survei untuk populasi {format_angka(populasi)} (tabel Krejcie-Morgan): "
            f"{format_angka(s)} responden. "
            + "; ".join(f"{p}: {format_angka(n)} responden" + (" (KURANG)" if n < s else "") for p, n in per_periode) + ".")
    if kurang:
        return ("PERHATIAN: " + teks + " Hasil IKM periode yang kurang respondennya belum mewakili pengguna layanan.",
                True)
    return teks[0].upper() + teks[1:], False


def susun_ikm(profil: Profil, tahun: int, r: RingkasanSurvei, tanggal: dt.date | None = None,
              per_periode: Sequence[tuple[str, int]] = ()) -> LayoutLembar:
    """Plan the "Laporan IKM {tahun}" sheet from the summary of the year's (or the chosen) periods;
    ``per_periode`` holds each period's respondents (default: the periods taken as one)."""
    h = r.hasil
    per_periode = per_periode or [(teks_periode(r.periode), h.n_responden)]
    sel, gabung = kop(f"LAPORAN INDEKS KEPUASAN MASYARAKAT (IKM) TAHUN {tahun}", profil, N_KOL)
    _baris_teks(sel, gabung, 3, f"Periode survei: {teks_periode(r.periode)}. Jumlah responden: {format_angka(h.n_responden)}.")
    sel += kepala_kolom(KOLOM, BARIS_KEPALA)

    baris_unsur: dict[int, int] = {}
    for i, u in enumerate(h.unsur):
        b = BARIS_DATA + i
        baris_unsur[u.unsur.nomor] = b
        sel += [Sel(b, 1, u.unsur.nomor, "sel_tengah"), Sel(b, 2, f"U{u.unsur.nomor} {u.unsur.nama}", "sel_teks"),
                Sel(b, 3, u.jumlah, "sel_angka"), Sel(b, 4, u.n_jawaban, "sel_angka")]
        if u.nrr is None:  # nobody answered: no division by zero in the sheet
            sel += [Sel(b, 5, None, "sel_angka"), Sel(b, 6, None, "sel_angka"), Sel(b, 7, None, "sel_tengah")]
        else:
            sel += [Sel(b, 5, f"=C{b}/D{b}", "sel_angka", rumus=True, hasil=u.nrr, format_angka="0.00"),
                    Sel(b, 6, f"=E{b}/9", "sel_angka", rumus=True, hasil=u.nrr_tertimbang, format_angka="0.000"),
                    Sel(b, 7, u.mutu, "sel_tengah")]
    awal, akhir = BARIS_DATA, BARIS_DATA + len(UNSUR) - 1
    ringkas = [(BARIS_IKM, "IKM (nilai interval) = jumlah NRR tertimbang", f"=SUM(F{awal}:F{akhir})",
                h.nilai_interval, "0.000"),
               (BARIS_KONVERSI, "IKM konversi = nilai interval x 25", f"=F{BARIS_IKM}*25", h.konversi, "0.00"),
               (BARIS_KONVERSI + 1, "Mutu pelayanan", None, h.mutu, None),
               (BARIS_KONVERSI + 2, "Kinerja unit pelayanan", None, h.kinerja, None)]
    for b, label, rumus, nilai, fmt in ringkas:
        sel.append(Sel(b, 1, label, "ringkasan"))
        sel += [Sel(b, k, None, "ringkasan") for k in range(2, 6)]
        gabung.append(Blok(b, 1, b, 5))
        if rumus is not None and nilai is not None:
            sel.append(Sel(b, 6, rumus, "ringkasan_angka", rumus=True, hasil=nilai, format_angka=fmt))
        else:
            sel.append(Sel(b, 6, nilai, "ringkasan" if fmt is None else "ringkasan_angka"))
        sel.append(Sel(b, 7, None, "ringkasan"))
        gabung.append(Blok(b, 6, b, 7))
    bar = BARIS_KONVERSI + 3
    if h.unsur_kosong:
        _baris_teks(sel, gabung, bar, "IKM tidak dapat dihitung: tidak ada jawaban untuk unsur "
                    + ", ".join(f"U{u.nomor} {u.nama}" for u in h.unsur_kosong) + ".", "peringatan")
        bar += 1
    kosong = [u for u in h.unsur if u.n_jawaban and u.n_kosong]
    if kosong:
        _baris_teks(sel, gabung, bar, "Jawaban tidak lengkap (dihitung dari jawaban yang ada pada unsur itu): "
                    + "; ".join(f"U{u.unsur.nomor} {u.n_kosong} responden tidak menjawab" for u in kosong) + ".",
                    "catatan_lipat")
        bar += 1
    teks, kurang = kalimat_sampel(per_periode, profil.populasi_ikm)
    _baris_teks(sel, gabung, bar, teks, "peringatan" if kurang else "catatan_lipat")
    bar += 2

    # Prioritas perbaikan: the three lowest unsur, lowest first, NRR taken from the table
    _judul_bagian(sel, gabung, bar, "Prioritas perbaikan (tiga unsur dengan NRR terendah)")
    bar += 1
    sel += [Sel(bar, 1, "No", "kepala"), Sel(bar, 2, "Unsur Pelayanan", "kepala"), Sel(bar, 3, "NRR", "kepala"),
            Sel(bar, 4, "Mutu Unsur", "kepala")]
    bar += 1
    for i, u in enumerate(h.prioritas(), start=1):
        asal = baris_unsur[u.unsur.nomor]
        sel += [Sel(bar, 1, i, "sel_tengah"), Sel(bar, 2, f"U{u.unsur.nomor} {u.unsur.nama}", "sel_teks"),
                Sel(bar, 3, f"=E{asal}", "sel_angka", rumus=True, hasil=u.nrr, format_angka="0.00"),
                Sel(bar, 4, u.mutu, "sel_tengah")]
        bar += 1
    bar += 1

    # IKM per jenis layanan
    _judul_bagian(sel, gabung, bar, "IKM per jenis layanan")
    bar += 1
    for k, judul in enumerate(("No", "Jenis Layanan", "Jumlah Responden", "IKM Konversi", "Mutu", "Kinerja Unit"),
                              start=1):
        sel.append(Sel(bar, k, judul, "kepala"))
    bar += 1
    for i, (layanan, hl) in enumerate(r.per_layanan, start=1):
        sel += [Sel(bar, 1, i, "sel_tengah"), Sel(bar, 2, layanan, "sel_teks"),
                Sel(bar, 3, hl.n_responden, "sel_angka"),
                Sel(bar, 4, hl.konversi, "sel_angka", format_angka="0.00"),
                Sel(bar, 5, hl.mutu, "sel_tengah"), Sel(bar, 6, hl.kinerja, "sel_teks")]
        bar += 1
    bar += 1

    # Respondents by profile: counts and % of the group, from a new page (a table is not split
    # from its header at the foot of the first)
    pisah = bar - 1
    _judul_bagian(sel, gabung, bar, "Profil responden")
    bar += 1
    for label, hitungan in r.profil:
        if label == "Umur":  # age groups in age order, not by count
            urut = KELOMPOK_UMUR
            hitungan = tuple(sorted(hitungan, key=lambda x: urut.index(x[0]) if x[0] in urut else len(urut)))
        sel += [Sel(bar, 1, "No", "kepala"), Sel(bar, 2, label, "kepala"), Sel(bar, 3, "Jumlah", "kepala"),
                Sel(bar, 4, "%", "kepala")]
        bar += 1
        a, z = bar, bar + len(hitungan) - 1
        total = sum(n for _, n in hitungan)
        for i, (nilai, n) in enumerate(hitungan, start=1):
            sel += [Sel(bar, 1, i, "sel_tengah"), Sel(bar, 2, nilai, "sel_teks"), Sel(bar, 3, n, "sel_angka"),
                    Sel(bar, 4, f"=C{bar}/SUM(C${a}:C${z})*100", "sel_angka", rumus=True,
                        hasil=n / total * 100, format_angka="0.0")]
            bar += 1
        bar += 1

    # Saran, numbered, each wrapped across the sheet
    _judul_bagian(sel, gabung, bar, f"Saran dan masukan responden ({len(r.saran)})")
    bar += 1
    if not r.saran:
        _baris_teks(sel, gabung, bar, "Tidak ada saran tertulis.", "catatan_lipat")
        bar += 1
    for i, s in enumerate(r.saran, start=1):
        sel += [Sel(bar, 1, i, "sel_tengah"), Sel(bar, 2, s, "sel_teks")]
        sel += [Sel(bar, k, None, "sel_teks") for k in range(3, N_KOL + 1)]
        gabung.append(Blok(bar, 2, bar, N_KOL))
        bar += 1
    bar += 1
    sel_ttd, gabung_ttd, bar = tanda_tangan(profil, tahun, tanggal, bar, N_KOL)
    sel += sel_ttd
    gabung += gabung_ttd
    cetak = cetak_laporan((1, 2), bar - 1, N_KOL)  # the kop repeated: the unsur table fits the first page
    return dengan_tinggi_baris(LayoutLembar(
        nama=nama_lembar_ikm(tahun),
        sel=tuple(sel),
        gabung=tuple(gabung),
        lebar_kolom=dict(enumerate(LEBAR, start=1)),
        cetak=replace(cetak, orientasi="portrait", pisah_halaman=(pisah,)),
        tab_warna="7030A0",
    ))


def susun_grafik_ikm(tahun: int, r: RingkasanSurvei) -> LayoutGrafik | None:
    """The bar chart of NRR per unsur, on a chart sheet, from the report's NRR column; none when
    an unsur has no answer (its bar would be missing)."""
    if not r.hasil.lengkap:
        return None
    akhir = BARIS_DATA + len(UNSUR) - 1
    return LayoutGrafik(nama_grafik_ikm(tahun), nama_lembar_ikm(tahun), f"NRR per Unsur Pelayanan, IKM {tahun}",
                        Blok(BARIS_DATA, 2, akhir, 2), Blok(BARIS_DATA, KOLOM_NRR, akhir, KOLOM_NRR),
                        "NRR (1-4)", f"I{BARIS_DATA}")
