"""The jobs every front end runs (CLI, Excel buttons, server), planned as data.

A front end reads the workbook into a :class:`Lembaran`, calls one of these,
renders the returned layout and shows the problems. What blocks a report is
decided here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from iku_xl.core.baca import Lembaran, baca_buku
from iku_xl.core.errors import URUTAN_TINGKAT, DataTidakValid, Masalah, ada_galat, urutkan
from iku_xl.core.hitung import hitung_buku
from iku_xl.core.dokumen.anggaran import susun_anggaran
from iku_xl.core.dokumen.bagian import TANGGAL_KOSONG, format_tanggal, tanggal_ttd
from iku_xl.core.dokumen.laporan import alamat_capaian, susun_grafik, susun_laporan
from iku_xl.core.model import BarisIKU, BukuIKU
from iku_xl.core.predikat import pilih_skala
from iku_xl.core.dokumen.capaian import susun_capaian
from iku_xl.core.saran import saran
from iku_xl.core.skema import INDIKATOR, PROFIL_NAMA, PROGRAM, REALISASI, TARGET
from iku_xl.core.tata_letak import LayoutGrafik, LayoutLembar, batasi_teks


@dataclass(frozen=True)
class Rencana:
    """What a job produced: the sheets to write (none when blocked) and the problems."""

    lembar: tuple[LayoutLembar | LayoutGrafik, ...]
    masalah: list[Masalah]
    baris: list[BarisIKU] = field(default_factory=list)
    buku: BukuIKU | None = None


def hitung_tahun(lembaran: Lembaran, tahun: int | None,
                 dibaca: tuple[BukuIKU, list[Masalah]] | None = None, *, pembanding: bool = True) -> Rencana:
    """Read the workbook and compute ``tahun`` (default: Tahun Laporan in Profil).

    The result has no sheets yet; it is blocked (``baris`` empty, a galat among the
    problems) by any galat in reading the workbook or in the year's numbers, and
    when the year has no target at all. ``dibaca`` is ``baca_buku(lembaran)`` when the
    caller already has it; ``pembanding=False`` leaves out the report's comparison columns
    (see :func:`~iku_xl.core.hitung.hitung_baris`: the rows and problems are otherwise the same).
    """
    buku, masalah = dibaca if dibaca is not None else baca_buku(lembaran)
    masalah = list(masalah)
    try:
        pilih_skala(buku.profil.skala, buku.skala_kustom)
    except DataTidakValid as e:
        masalah.append(e.di(lembar=PROFIL_NAMA).sebagai_masalah())
    tahun = tahun if tahun is not None else buku.profil.tahun
    if tahun is None:
        masalah.append(Masalah("galat", "tahun laporan belum ditentukan",
                               saran("tahun", lembaran.ujung), PROFIL_NAMA))
    if not buku.indikator and not ada_galat(masalah):
        masalah.append(Masalah("galat", "belum ada indikator", "Isi minimal satu indikator di lembar Indikator.",
                               INDIKATOR.nama))
    if ada_galat(masalah) or tahun is None:
        return Rencana((), urutkan(masalah), buku=buku)
    if not any(t.tahun == tahun and t.nilai is not None for t in buku.target):
        ada = sorted({t.tahun for t in buku.target if t.nilai is not None})
        masalah.append(Masalah("galat", f"tidak ada target untuk tahun {tahun}",
                               f"Isi target {tahun} di lembar Target"
                               + (f", atau pilih tahun yang ada: {', '.join(map(str, ada))}." if ada else "."),
                               TARGET.nama))
        return Rencana((), urutkan(masalah), buku=buku)
    baris, m = hitung_buku(buku, tahun, pembanding=pembanding)
    masalah += m
    for b in baris:
        if b.target is None:
            masalah.append(Masalah("peringatan", f"target {tahun} belum diisi",
                                   f"Isi target {tahun} di lembar Target.", TARGET.nama, None, b.indikator.kode))
    return Rencana((), urutkan(masalah), [] if ada_galat(masalah) else baris, buku)


def rencana_laporan(lembaran: Lembaran, tahun: int | None, hari_ini: dt.date) -> Rencana:
    """Plan the Laporan Capaian sheets for ``tahun``: the report, the budget sheet (when the
    workbook has programs) and the chart; none when :func:`hitung_tahun` is blocked."""
    hitung = hitung_tahun(lembaran, tahun)
    if not hitung.baris:
        return hitung
    buku, baris, tahun = hitung.buku, hitung.baris, hitung.baris[0].tahun
    assert buku is not None
    # The chart sheet goes last: openpyxl numbers sheet-local names (print titles, print areas)
    # by worksheet position ignoring chart sheets, so a worksheet after a chart sheet would get
    # the wrong print settings.
    laporan = susun_laporan(buku, tahun, baris, hari_ini)
    lembar = [laporan, susun_anggaran(buku, tahun, alamat_capaian(baris, tahun)),
              susun_grafik(baris, laporan, tahun)]
    hitung = replace(hitung, masalah=[*hitung.masalah, *_tanggal_kosong(buku, tahun, hari_ini)])
    return _dengan_lembar(hitung, [x for x in lembar if x is not None])


def _tanggal_kosong(buku: BukuIKU, tahun: int, hari_ini: dt.date) -> list[Masalah]:
    """The peringatan of a report-dated document whose signature line leaves day and month blank
    (:func:`tanggal_ttd`: no Tanggal Laporan, and today cannot be the date); none when it has a date."""
    return [_masalah_tanggal(tahun, hari_ini)] if tanggal_ttd(tahun, buku.profil.tanggal, hari_ini) is None else []


def _masalah_tanggal(tahun: int, hari_ini: dt.date) -> Masalah:
    """The peringatan for a report signed with day and month left blank.

    >>> print(_masalah_tanggal(2017, dt.date(2026, 12, 1)))
    Lembar 'Profil': tanggal laporan dikosongkan ("…………………… 2018"): hari ini (1 Desember 2026) tidak mungkin tanggal penandatanganan laporan 2017. Tulis tanggalnya dengan tangan pada cetakan, atau isi Tanggal Laporan di lembar Profil (misalnya 31-01-2018) lalu buat laporan lagi.
    """
    return Masalah("peringatan",
                   f'tanggal laporan dikosongkan ("{TANGGAL_KOSONG} {tahun + 1}"): hari ini '
                   f"({format_tanggal(hari_ini)}) tidak mungkin tanggal penandatanganan laporan {tahun}",
                   f"Tulis tanggalnya dengan tangan pada cetakan, atau isi Tanggal Laporan di lembar Profil "
                   f"(misalnya 31-01-{tahun + 1}) lalu buat laporan lagi.", PROFIL_NAMA)


def _dengan_lembar(rencana: Rencana, lembar: Sequence[LayoutLembar | LayoutGrafik]) -> Rencana:
    """``rencana`` with its sheets, each text cut to what an Excel cell holds (with a peringatan)."""
    siap: list[LayoutLembar | LayoutGrafik] = []
    masalah = list(rencana.masalah)
    for layout in lembar:
        if isinstance(layout, LayoutLembar):
            layout, m = batasi_teks(layout)
            masalah += m
        siap.append(layout)
    return replace(rencana, lembar=tuple(siap), masalah=urutkan(masalah))


def rencana_capaian(lembaran: Lembaran, tahun: int | None) -> Rencana:
    """Plan the "Capaian {tahun}" working sheet (the Hitung Capaian button, ``iku-xl hitung``)."""
    hitung = hitung_tahun(lembaran, tahun)
    if not hitung.baris:
        return hitung
    assert hitung.buku is not None
    return _dengan_lembar(hitung, [susun_capaian(hitung.buku, hitung.baris)])


def rencana_validasi(lembaran: Lembaran, masalah_rumus: Sequence[Masalah], nama_berkas: str,
                     waktu: dt.datetime, tahun: int | None = None) -> Rencana:
    """Plan the Hasil Validasi sheet: reading, data, formulasi and formula-cell problems.

    Whether the report of ``tahun`` (default: Tahun Laporan in Profil) can be made is decided
    by :func:`hitung_tahun`, the same function the report runs: a galat here is exactly what
    blocks the report. Every other check (formulasi lint, formula cells, other years) is at most
    a peringatan. Indicators without realisasi for the year are listed as info.
    """
    from iku_xl.core.validasi import susun_hasil_validasi, validasi_buku  # the lint is not on the report's path

    dibaca = baca_buku(lembaran)
    buku = dibaca[0]
    keputusan = hitung_tahun(lembaran, tahun, dibaca)
    penghalang = {m for m in keputusan.masalah if m.tingkat == "galat"}
    tahun = tahun if tahun is not None else buku.profil.tahun
    if not keputusan.baris and tahun is not None:  # blocked early: what the year's numbers would add
        try:
            penghalang |= {m for m in hitung_buku(buku, tahun)[1] if m.tingkat == "galat"}
        except DataTidakValid:  # an unusable scale: already among the problems
            pass
    lain = [m if m.tingkat != "galat" or m in penghalang else replace(m, tingkat="peringatan")
            for m in validasi_buku(buku, [*dibaca[1], *masalah_rumus])]
    kosong = [Masalah("info", f"realisasi {b.tahun} belum diisi", f"Isi realisasi {b.tahun} di lembar Realisasi.",
                      REALISASI.nama, None, b.indikator.kode) for b in keputusan.baris
              if b.realisasi is None and not _dari_survei(buku, b)]  # the survey's rows say why themselves
    # "target TAHUN belum diisi" says less than the check's "belum punya target sama sekali"
    tanpa_target = {ind.kode for ind in buku.indikator} - {t.kode for t in buku.target if t.nilai is not None}
    dari_keputusan = [m for m in keputusan.masalah
                      if m.tingkat == "galat" or not (m.lembar == TARGET.nama and m.kode in tanpa_target)]
    semua = urutkan([*dari_keputusan, *lain, *kosong])
    return _dengan_lembar(Rencana((), semua, buku=buku), [susun_hasil_validasi(semua, nama_berkas, waktu, tahun)])


def _dari_survei(buku: BukuIKU, b: BarisIKU) -> bool:
    rek = buku.realisasi_dari(b.indikator.kode, b.tahun)
    return rek is not None and rek.sumber is not None


_APA = {"hitung": "Lembar capaian", "laporan": "Laporan", "validasi": "Validasi", "pk": "Perjanjian Kinerja",
        "analisis": "Analisis Capaian", "ikm": "Laporan IKM"}
#: How many problems a message box lists before "... dan N lainnya".
BATAS_DAFTAR = 5


def ringkas_masalah(tugas: str, rencana: Rencana, catatan: Sequence[str] = ()) -> str:
    """The message a button shows when a job is done: what was written, the problems in
    short, and what the engine had to leave out.

    >>> print(ringkas_masalah("laporan", Rencana((), [Masalah("galat", "tahun laporan belum ditentukan",
    ...       "Isi 'Tahun Laporan' di lembar Profil.", "Profil")])))
    Laporan TIDAK dibuat: 1 galat. Daftar lengkap ada di lembar 'Hasil Validasi'.
    - Lembar 'Profil': tahun laporan belum ditentukan. Isi 'Tahun Laporan' di lembar Profil.
    """
    m = rencana.masalah
    jumlah = {t: sum(x.tingkat == t for x in m) for t in URUTAN_TINGKAT}
    if tugas == "validasi":
        from iku_xl.core.validasi import kesimpulan

        tahun = rencana.buku.profil.tahun if rencana.buku else None
        baris = [f"Validasi selesai: {kesimpulan(m, tahun)} Lihat lembar 'Hasil Validasi'."]
    elif not rencana.lembar:
        baris = [f"{_APA[tugas]} TIDAK dibuat: {jumlah['galat']} galat. Daftar lengkap ada di lembar "
                 "'Hasil Validasi'."]
    else:
        nama = ", ".join(f"'{x.nama}'" for x in rencana.lembar)
        baris = [f"Selesai: {nama}." + (f" {jumlah['peringatan']} peringatan:" if jumlah["peringatan"] else "")]
    daftar = [x for x in m if x.tingkat != "info"] if tugas != "validasi" or jumlah["galat"] else m
    baris += [f"- {x}" for x in daftar[:BATAS_DAFTAR]]
    if len(daftar) > BATAS_DAFTAR:
        baris.append(f"... dan {len(daftar) - BATAS_DAFTAR} lainnya.")
    baris += [f"Catatan: {c}." for c in dict.fromkeys(catatan)]
    return "\n".join(baris)


def rencana_triwulan(lembaran: Lembaran, tahun: int | None, triwulan: int, hari_ini: dt.date,
                     dibaca: tuple[BukuIKU, list[Masalah]] | None = None) -> Rencana:
    """Plan the "Capaian Triwulan {triwulan} {tahun}" sheet (quarterly monitoring of the Rencana Aksi).

    Blocked exactly when the annual report would be: the decision is :func:`hitung_tahun`'s. The
    quarter's own problems (a missing quarterly target) are peringatan on top of it.
    """
    from iku_xl.core.dokumen.triwulan import susun_triwulan
    from iku_xl.core.triwulan import hitung_triwulan

    if not 1 <= triwulan <= 4:
        return Rencana((), [Masalah("galat", f"triwulan {triwulan} tidak ada", "Pilih triwulan 1, 2, 3 atau 4.",
                                    PROFIL_NAMA)])
    hitung = hitung_tahun(lembaran, tahun, dibaca, pembanding=False)
    if not hitung.baris:
        return hitung
    buku, tahun = hitung.buku, hitung.baris[0].tahun
    assert buku is not None
    baris, masalah = hitung_triwulan(buku, tahun, triwulan)
    masalah = [*masalah, *_tanggal_kosong(buku, tahun, hari_ini)]  # the same signature date rule
    rencana = replace(hitung, masalah=urutkan([*hitung.masalah, *masalah]))
    return _dengan_lembar(rencana, [susun_triwulan(buku, tahun, triwulan, baris, hari_ini)])


def rencana_pk(lembaran: Lembaran, tahun: int | None, hari_ini: dt.date) -> Rencana:
    """Plan the "Perjanjian Kinerja {tahun}" sheet (the iku-xl pk command, the Perjanjian Kinerja button).

    Blocked exactly when the annual report would be (:func:`hitung_tahun`: no year, no indicator,
    no target for the year). A missing atasan, program or signing date is a peringatan: the sheet is
    made with the line left blank for handwriting, never with an invented value.
    """
    from iku_xl.core.dokumen.bagian import TANGGAL_PK
    from iku_xl.core.dokumen.pk import susun_pk

    hitung = hitung_tahun(lembaran, tahun, pembanding=False)
    if not hitung.baris:
        return hitung
    buku, tahun = hitung.buku, hitung.baris[0].tahun
    assert buku is not None
    profil = buku.profil
    masalah = list(hitung.masalah)
    kosong = [label for label, isi in (("Nama Atasan", profil.nama_atasan), ("Jabatan Atasan", profil.jabatan_atasan))
              if not isi.strip()]
    if kosong:
        masalah.append(Masalah("peringatan", f"Perjanjian Kinerja: {' dan '.join(kosong)} (Pihak Kedua) belum diisi; "
                                             "barisnya dibiarkan kosong untuk ditulis tangan",
                               f"Isi {' dan '.join(repr(k) for k in kosong)} di lembar Profil (atasan langsung "
                               "kepala, mis. Bupati) lalu buat Perjanjian Kinerja lagi.", PROFIL_NAMA))
    if not any(g.tahun == tahun for g in buku.program):
        masalah.append(Masalah("peringatan", f"Perjanjian Kinerja: program dan anggaran {tahun} belum diisi",
                               f"Isi program dan anggaran tahun {tahun} di lembar Program Anggaran.", PROGRAM.nama))
    if tanggal_ttd(tahun, profil.tanggal, hari_ini, TANGGAL_PK) is None:
        masalah.append(Masalah(
            "peringatan", f'tanggal Perjanjian Kinerja dikosongkan ("{TANGGAL_KOSONG} {tahun}"): hari ini '
                          f"({format_tanggal(hari_ini)}) tidak mungkin tanggal penandatanganan Perjanjian Kinerja "
                          f"{tahun} (awal tahun {tahun} atau akhir tahun {tahun - 1})",
            "Tulis tanggalnya dengan tangan pada cetakan.", PROFIL_NAMA))
    rencana = replace(hitung, masalah=urutkan(masalah))
    return _dengan_lembar(rencana, [susun_pk(buku, tahun, hitung.baris, hari_ini)])


def rencana_tombol_laporan(lembaran: Lembaran, hari_ini: dt.date) -> Rencana:
    """What the Buat Laporan button makes: the quarter's sheet when Profil names a Triwulan Laporan,
    else the annual Laporan Capaian (both for Tahun Laporan)."""
    dibaca = baca_buku(lembaran)
    triwulan = dibaca[0].profil.triwulan
    if triwulan is not None:
        return rencana_triwulan(lembaran, None, triwulan, hari_ini, dibaca)
    return rencana_laporan(lembaran, None, hari_ini)


def rencana_analisis(lembaran: Lembaran, tahun: int | None, hari_ini: dt.date,
                     lain: Sequence[Sequence[Sequence[object]]] = ()) -> Rencana:
    """Plan the "Analisis Capaian {tahun}" sheet (LKjIP chapter III): the generated sentences per
    indicator, and the staff's Penyebab / Upaya text of the sheet it replaces, read from
    ``lembaran`` (the adapters hand over that sheet's cells too) and written again by kode.
    ``lain`` holds the cells of other copies of that sheet about to be replaced (the file a result
    is written over): their staff text is kept too, after ``lembaran``'s.

    Blocked exactly when the annual report would be (:func:`hitung_tahun`).
    """
    from iku_xl.core.analisis import gabung_teks, teks_lama
    from iku_xl.core.dokumen.analisis import nama_lembar_analisis, susun_analisis
    from iku_xl.core.hitung import realisasi_dari

    hitung = hitung_tahun(lembaran, tahun)
    if not hitung.baris:
        return hitung
    buku, baris, tahun = hitung.buku, hitung.baris, hitung.baris[0].tahun
    assert buku is not None
    riwayat: dict[str, dict[int, object]] = {}
    for b in baris:
        ind = b.indikator
        riwayat[ind.kode] = {rek.tahun: realisasi_dari(rek, ind, buku.survei)[0]
                             for rek in buku.realisasi_kode(ind.kode) if rek.tahun < tahun}
    lama = gabung_teks([teks_lama(g) for g in (lembaran.nilai.get(nama_lembar_analisis(tahun)) or [], *lain)])
    layout, masalah = susun_analisis(buku, tahun, baris, riwayat, lama, hari_ini)
    masalah += _tanggal_kosong(buku, tahun, hari_ini)
    return _dengan_lembar(replace(hitung, masalah=[*hitung.masalah, *masalah]), [layout])


def rencana_ikm(lembaran: Lembaran, tahun: int | None, hari_ini: dt.date, periode: Sequence[str] = ()) -> Rencana:
    """Plan the "Laporan IKM {tahun}" sheet and its chart from the Survei IKM sheet: the periods of
    ``tahun`` (default: Tahun Laporan in Profil), or the ``periode`` named.

    Blocked (a galat) by a galat on the Survei IKM or Profil sheet (a score outside 1-4, ...), by
    an unknown period name, and when the year or the periods have no respondent (the galat names
    the periods the sheet has). Galat on other sheets do not concern the survey: ``validasi``
    reports them. Fewer respondents than the minimum sample is a peringatan.
    """
    from iku_xl.core.dokumen.ikm import susun_grafik_ikm, susun_ikm
    from iku_xl.core.model import format_angka
    from iku_xl.core.ikm import daftar_periode, hitung_ikm, pilih_periode, ringkas_survei, sampel_minimum
    from iku_xl.core.skema import SURVEI

    buku, semua = baca_buku(lembaran)
    masalah = [m for m in semua if m.lembar in (SURVEI.nama, PROFIL_NAMA)]
    tahun = tahun if tahun is not None else buku.profil.tahun
    if tahun is None:
        masalah.append(Masalah("galat", "tahun laporan belum ditentukan", saran("tahun", lembaran.ujung), PROFIL_NAMA))
    if ada_galat(masalah) or tahun is None:
        return Rencana((), urutkan(masalah), buku=buku)
    ada = daftar_periode(buku.survei)
    daftar = ", ".join(f"'{p}'" for p in ada)
    pilih, asing = pilih_periode(buku.survei, periode, tahun)  # named as in the Periode column, or the year's
    if asing:
        masalah.append(Masalah(
            "galat", f"periode survei {', '.join(repr(p) for p in asing)} tidak ada di lembar '{SURVEI.nama}'",
            f"Pilih periode yang ada: {daftar}." if ada else f"Isi jawaban responden di lembar '{SURVEI.nama}'.",
            SURVEI.nama))
        return Rencana((), urutkan(masalah), buku=buku)
    ringkas = ringkas_survei(buku.survei, pilih, buku.profil.populasi_ikm)
    if ringkas.hasil.n_responden == 0:
        apa = f"periode {', '.join(repr(p) for p in pilih)}" if periode else f"tahun {tahun}"
        masalah.append(Masalah(
            "galat", f"tidak ada responden survei IKM untuk {apa}",
            (f"Periode yang ada di lembar '{SURVEI.nama}': {daftar}. Pilih salah satunya (--periode), atau tulis "
             f"tahunnya di kolom Periode (mis. '{tahun} Semester I')." if ada else
             f"Isi jawaban responden (satu baris per responden) di lembar '{SURVEI.nama}'."), SURVEI.nama))
        return Rencana((), urutkan(masalah), buku=buku)
    h = ringkas.hasil
    if h.unsur_kosong:
        masalah.append(Masalah("peringatan", "IKM tidak dapat dihitung: tidak ada jawaban untuk unsur "
                               + ", ".join(f"U{u.nomor} {u.nama}" for u in h.unsur_kosong),
                               "Periksa kolom unsur itu di lembar Survei IKM.", SURVEI.nama))
    populasi = buku.profil.populasi_ikm
    per_periode = [(p, hitung_ikm(r.nilai for r in buku.survei if r.periode == p).n_responden) for p in pilih]
    for p, n in per_periode:  # the population is per survey period, as validasi holds it
        s = sampel_minimum(int(populasi)) if populasi else 0
        if n < s:
            masalah.append(Masalah(
                "peringatan", f"survei periode '{p}' hanya {format_angka(n)} responden, kurang dari sampel minimum "
                              f"{format_angka(s)} untuk Populasi Layanan (IKM) {format_angka(populasi or 0)} "
                              "(tabel Krejcie-Morgan)",
                "Tambah responden survei, atau periksa Populasi Layanan (IKM) di lembar Profil.", SURVEI.nama))
    if not populasi:
        masalah.append(Masalah("info", "Populasi Layanan (IKM) belum diisi: sampel minimum tidak dihitung",
                               "Isi Populasi Layanan (IKM) di lembar Profil (jumlah pengguna layanan dalam periode "
                               "survei).", PROFIL_NAMA))
    masalah += _tanggal_kosong(buku, tahun, hari_ini)
    laporan = susun_ikm(buku.profil, tahun, ringkas, hari_ini, per_periode)
    lembar = [x for x in (laporan, susun_grafik_ikm(tahun, ringkas)) if x is not None]
    return _dengan_lembar(Rencana((), urutkan(masalah), buku=buku), lembar)
