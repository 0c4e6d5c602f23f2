"""Every check of an IKU workbook's content (DOMAIN.md section 6), and the
"Hasil Validasi" sheet that lists what was found.

Reading problems come from :func:`iku_xl.core.baca.baca_buku`, formula-cell
problems from the adapter (it sees the formulas); this module adds the checks
on the data itself and lays the whole list out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from iku_xl.core.errors import Masalah, ada_galat, urutkan
from iku_xl.core.formulasi import periksa_formulasi, periksa_skala_saudara
from iku_xl.core.hitung import hitung_buku, realisasi_dari
from iku_xl.core.ikm import daftar_periode, ringkas_survei
from iku_xl.core.model import BukuIKU, teks_angka
from iku_xl.core.skema import INDIKATOR, LEMBAR_HASIL_VALIDASI, PROFIL, PROFIL_NAMA, PROGRAM, SURVEI, TARGET
from iku_xl.core.tata_letak import Cetak, LayoutLembar, Rentang, Sel, dengan_tinggi_baris


def _periksa_indikator(buku: BukuIKU) -> list[Masalah]:
    masalah = []
    for ind in buku.indikator:
        sel = f"baris {ind.baris}" if ind.baris else None
        for m in periksa_formulasi(ind.nama, ind.satuan, ind.formulasi):
            masalah.append(replace(m, lembar=INDIKATOR.nama, sel=sel, kode=ind.kode))
    return masalah


def _periksa_skala(buku: BukuIKU) -> list[Masalah]:
    masalah = []
    for ind in buku.indikator:
        nilai: list[tuple[str, float]] = [(f"target {t.tahun}", t.nilai) for t in buku.target_kode(ind.kode)
                                          if isinstance(t.nilai, float)]
        for r in buku.realisasi_kode(ind.kode):
            x, _ = realisasi_dari(r, ind, buku.survei)
            if isinstance(x, float):
                nilai.append((f"realisasi {r.tahun}", x))
        for m in periksa_skala_saudara(nilai, ind.satuan):
            masalah.append(replace(m, lembar=TARGET.nama, kode=ind.kode))
    return masalah


def _periksa_tahun(buku: BukuIKU) -> list[Masalah]:
    """Renstra years without a target, and realisasi without a target."""
    masalah = []
    p = buku.profil
    tahun_renstra: Sequence[int] = ()
    if p.tahun_awal_renstra and p.tahun_akhir_renstra and p.tahun_awal_renstra <= p.tahun_akhir_renstra:
        tahun_renstra = range(p.tahun_awal_renstra, p.tahun_akhir_renstra + 1)
    for ind in buku.indikator:
        ada = {t.tahun for t in buku.target_kode(ind.kode) if t.nilai is not None}
        kosong = [th for th in tahun_renstra if th not in ada]
        if kosong and ada:
            daftar = ", ".join(map(str, kosong))
            masalah.append(Masalah("peringatan", f"tidak ada target untuk tahun Renstra {daftar}",
                                   f"Isi target tahun {daftar} di lembar Target.", TARGET.nama, None, ind.kode))
        elif not ada:
            masalah.append(Masalah("peringatan", "indikator belum punya target sama sekali",
                                   "Isi target per tahun di lembar Target.", TARGET.nama, None, ind.kode))
        for r in buku.realisasi_kode(ind.kode):
            if r.tahun not in ada and realisasi_dari(r, ind, buku.survei)[0] is not None:
                masalah.append(Masalah("galat", f"ada realisasi {r.tahun} tetapi targetnya belum diisi",
                                       f"Isi target {r.tahun} untuk indikator ini di lembar Target.",
                                       TARGET.nama, None, ind.kode))
    return masalah


def _periksa_anggaran(buku: BukuIKU) -> list[Masalah]:
    masalah = []
    for g in buku.program:
        sel = f"baris {g.baris}" if g.baris else None
        nama = g.kegiatan or g.program
        if g.realisasi_anggaran and not g.anggaran:
            masalah.append(Masalah("peringatan", f"'{nama}' punya realisasi anggaran tanpa pagu anggaran",
                                   "Isi Anggaran (Rp); serapan total menghitung realisasi ini.",
                                   PROGRAM.nama, sel, g.kode))
        elif g.anggaran and g.realisasi_anggaran is not None and g.realisasi_anggaran > g.anggaran:
            masalah.append(Masalah("peringatan", f"realisasi anggaran '{nama}' melebihi pagunya",
                                   "Periksa angka realisasi anggaran.", PROGRAM.nama, sel, g.kode))
    return masalah


def _periksa_survei(buku: BukuIKU) -> list[Masalah]:
    """Every survey period on the Survei IKM sheet: fewer respondents than the minimum sample for
    Profil's population (peringatan), the population missing (info), unsur left empty (info)."""
    if not buku.survei:
        return []
    masalah = []
    populasi = buku.profil.populasi_ikm
    label = next(i.label for i in PROFIL if i.field == "populasi_ikm")
    if not populasi:
        masalah.append(Masalah("info", f"{label} belum diisi: jumlah responden minimal survei tidak dapat "
                                       "diperiksa", f"Isi {label} di lembar Profil (jumlah pengguna layanan "
                                                    "dalam periode survei).", PROFIL_NAMA))
    for periode in daftar_periode(buku.survei):
        r = ringkas_survei(buku.survei, [periode], populasi)
        n = r.hasil.n_responden
        if r.sampel_kurang:
            masalah.append(Masalah(
                "peringatan", f"survei periode '{periode}' hanya {n} responden, kurang dari jumlah minimal "
                              f"{r.sampel_minimum} untuk populasi {teks_angka(populasi)} (tabel Krejcie-Morgan)",
                f"Tambah responden sampai minimal {r.sampel_minimum}, atau periksa {label} di lembar Profil.",
                SURVEI.nama))
        for u in r.hasil.unsur:
            if u.n_kosong:
                masalah.append(Masalah(
                    "info", f"survei periode '{periode}': unsur U{u.unsur.nomor} {u.unsur.nama} tidak dijawab "
                            f"oleh {u.n_kosong} dari {n} responden",
                    "Jawaban kosong tidak ikut dihitung untuk unsur itu saja; isi bila jawabannya ada di "
                    "kuesioner.", SURVEI.nama))
    return masalah


def validasi_buku(buku: BukuIKU, masalah_baca: Sequence[Masalah] = ()) -> list[Masalah]:
    """All problems of a workbook, most severe first (reading problems included)."""
    masalah = list(masalah_baca)
    masalah += _periksa_indikator(buku)
    masalah += _periksa_skala(buku)
    masalah += _periksa_tahun(buku)
    masalah += _periksa_anggaran(buku)
    masalah += _periksa_survei(buku)
    for tahun in sorted({r.tahun for r in buku.realisasi}):
        try:
            masalah += hitung_buku(buku, tahun)[1]
        except ValueError:  # an unknown scale: reported by the reader already
            break
    return urutkan(masalah)


_LABEL_TINGKAT = {"galat": "GALAT", "peringatan": "PERINGATAN", "info": "INFO"}


def kesimpulan(masalah: Sequence[Masalah], tahun: int | None = None) -> str:
    """The verdict line of a validation: the counts and whether the report can be made.

    >>> kesimpulan([], 2024)
    'Tidak ada masalah ditemukan. Laporan 2024 dapat dibuat.'
    >>> kesimpulan([Masalah("galat", "x"), Masalah("info", "y")], 2024)
    '1 galat, 0 peringatan, 1 info. Laporan 2024 TIDAK dapat dibuat: perbaiki galat lebih dulu.'
    """
    jumlah = {t: sum(m.tingkat == t for m in masalah) for t in _LABEL_TINGKAT}
    laporan = f"Laporan {tahun}" if tahun is not None else "Laporan"
    hasil = (f"{laporan} TIDAK dapat dibuat: perbaiki galat lebih dulu." if jumlah["galat"]
             else f"{laporan} dapat dibuat.")
    if not masalah:
        return f"Tidak ada masalah ditemukan. {hasil}"
    return f"{jumlah['galat']} galat, {jumlah['peringatan']} peringatan, {jumlah['info']} info. {hasil}"


def susun_hasil_validasi(masalah: Sequence[Masalah], nama_berkas: str, waktu: dt.datetime,
                         tahun: int | None = None) -> LayoutLembar:
    """Plan the "Hasil Validasi" sheet: the verdict line and one row per problem."""
    sel = [
        Sel(1, 1, "HASIL VALIDASI IKU", "judul"),
        Sel(2, 1, f"Berkas: {nama_berkas} — diperiksa {waktu:%d-%m-%Y %H:%M}", "catatan"),
        Sel(3, 1, kesimpulan(masalah, tahun), "subjudul"),
    ]
    kepala = ("No", "Tingkat", "Lembar", "Sel/Baris", "Indikator", "Masalah", "Saran Perbaikan")
    sel += [Sel(5, k, judul, "kepala") for k, judul in enumerate(kepala, start=1)]
    for i, m in enumerate(masalah, start=1):
        r = 5 + i
        isi = (i, _LABEL_TINGKAT[m.tingkat], m.lembar or "", m.sel or "", m.kode or "", m.pesan, m.saran)
        sel += [Sel(r, k, v, m.tingkat) for k, v in enumerate(isi, start=1)]
    akhir = 5 + max(len(masalah), 1)
    return dengan_tinggi_baris(LayoutLembar(
        nama=LEMBAR_HASIL_VALIDASI,
        sel=tuple(sel),
        gabung=(Rentang(1, 1, 1, 7), Rentang(2, 1, 2, 7), Rentang(3, 1, 3, 7)),
        lebar_kolom={1: 5, 2: 12, 3: 14, 4: 10, 5: 10, 6: 60, 7: 60},
        cetak=Cetak(baris_ulang=(5, 5), area=Rentang(1, 1, akhir, 7)),
        bekukan="A6",
        tab_warna="C00000" if ada_galat(masalah) else "548235",
    ))
