"""The Analisis Capaian sentences (LKjIP chapter III), built from data: no language model.

Per indicator, four short texts (DOMAIN.md section 11): (1) realisasi against the year's target,
(2) against the previous years' realisasi, (3) against the Renstra end target, (4) the budget of
the programs behind it (efisiensi). The wording is data (:data:`KALIMAT`), the numbers are
written the Indonesian way (:func:`angka`). Where data is missing, the sentence says what is
missing; it never invents a number. With no budget data at all, nothing is said about budget.

Staff text typed on an earlier "Analisis Capaian" sheet is read back by :func:`teks_lama` and
written again by kode (:mod:`iku_xl.core.dokumen.analisis`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from iku_xl.core.capaian import huruf_akip
from iku_xl.core.model import BarisIKU, NilaiHuruf, ProgramIKU, Rentang, format_angka
from iku_xl.core.parse import teks_sel
from iku_xl.core.skema import normal_judul

#: The sentence templates; ``{...}`` fields are filled with Indonesian-formatted numbers.
KALIMAT: dict[str, str] = {
    "target_kosong": "Target {tahun} belum diisi; capaian belum dapat dianalisis.",
    "realisasi_kosong": "Realisasi {tahun} belum diisi; capaian terhadap target {target} belum dapat dihitung.",
    "capaian_kosong": "Realisasi {tahun} {realisasi} terhadap target {target}; capaian tidak dihitung: {alasan}.",
    "angka": "Realisasi {tahun} sebesar {realisasi} dari target {target}{polaritas}, capaian {capaian} %: "
             "{status}{predikat}.",
    "rentang": "Realisasi {tahun} sebesar {realisasi} terhadap target rentang {target}, capaian {capaian} %: "
               "{status}{predikat}.",
    "huruf": "Realisasi {tahun} {realisasi}{setara} terhadap target {target}: {status}{predikat}.",
    "tren_kosong": "Realisasi tahun-tahun sebelumnya belum ada di lembar Realisasi; tren belum dapat dianalisis.",
    "tren": "Dibanding realisasi {lalu_tahun} ({lalu}), realisasi {tahun} {arah}{selisih}{persen}{makna}.",
    "tren_huruf": "Realisasi {lalu_tahun}: {lalu}; realisasi {tahun}: {realisasi}{makna}.",
    "riwayat": " Realisasi sebelumnya: {daftar}.",
    "renstra_tanpa_tahun": "Tahun Akhir Renstra belum diisi di lembar Profil; perbandingan dengan target akhir "
                           "Renstra tidak dibuat.",
    "renstra_kosong": "Target akhir Renstra ({tahun_r}) belum diisi di lembar Target; perbandingan belum dapat "
                      "dibuat.",
    "renstra_tanpa_realisasi": "Target akhir Renstra ({tahun_r}) {target_r}; realisasi {tahun} belum ada untuk "
                               "dibandingkan.",
    "renstra": "Terhadap target akhir Renstra {tahun_r} ({target_r}), realisasi {tahun} sudah mencapai "
               "{capaian_r} %; {sisa}.",
    "renstra_tidak_dihitung": "Target akhir Renstra {tahun_r}: {target_r}; persentase terhadapnya tidak dihitung "
                              "(target atau realisasi bukan angka).",
    "anggaran": "Anggaran {jumlah} program/kegiatan pendukung Rp {anggaran}, terealisasi Rp {realisasi} "
                "(serapan {serapan} %).{efisiensi}",
    "anggaran_tanpa_realisasi": "Anggaran {jumlah} program/kegiatan pendukung Rp {anggaran}; realisasi "
                                "anggarannya belum diisi di lembar Program Anggaran, serapan belum dapat dihitung.",
    "anggaran_tanpa_nilai": "Program/kegiatan pendukung ada ({jumlah}), tetapi anggarannya belum diisi di lembar "
                            "Program Anggaran.",
    "efisien": " Capaian kinerja ({capaian} %) lebih tinggi dari penyerapan anggaran ({serapan} %): penggunaan "
               "anggaran efisien.",
    "sama": " Capaian kinerja ({capaian} %) sama dengan penyerapan anggaran ({serapan} %).",
    "tidak_efisien": " Capaian kinerja ({capaian} %) lebih rendah dari penyerapan anggaran ({serapan} %): "
                     "penggunaan anggaran belum efisien.",
}


#: Numbers in the sentences: :func:`iku_xl.core.model.format_angka` ("102,22", "1.250").
angka = format_angka


def _nilai(x: object, satuan: str = "") -> str:
    """A target or realisasi with its unit.

    >>> _nilai(83.5, "%"), _nilai(1250.0, "Kegiatan"), _nilai(Rentang(10, 15), "%"), _nilai(NilaiHuruf("B", "akip"))
    ('83,5 %', '1.250 Kegiatan', '10-15 %', 'B')
    """
    if isinstance(x, Rentang):
        teks = f"{angka(x.bawah)}-{angka(x.atas)}"
    elif isinstance(x, float | int):
        teks = angka(x)
    else:
        return str(x)
    return f"{teks} {satuan}".strip()


def _predikat(b: BarisIKU) -> str:
    return f", predikat {b.predikat}" if b.predikat else ""


def kalimat_target(b: BarisIKU) -> str:
    """(1) Realisasi against the year's target: tercapai or not, the capaian and its predikat.

    >>> from iku_xl.core.model import HasilCapaian, Indikator
    >>> i = Indikator("1.1", "S", "Indeks Kepuasan Masyarakat", "%")
    >>> kalimat_target(BarisIKU(i, 2025, 83.5, 84.4, HasilCapaian(101.0778, "Tercapai"), "Sangat Tinggi"))
    'Realisasi 2025 sebesar 84,4 % dari target 83,5 %, capaian 101,08 %: tercapai, predikat Sangat Tinggi.'
    >>> n = Indikator("3.2", "S", "Jumlah konflik", "Kasus", polaritas="negatif")
    >>> kalimat_target(BarisIKU(n, 2020, 4.0, 3.0, HasilCapaian(125.0, "Tercapai"), "Sangat Tinggi"))
    'Realisasi 2020 sebesar 3 Kasus dari target 4 Kasus (polaritas negatif: makin kecil makin baik), capaian 125 %: tercapai, predikat Sangat Tinggi.'
    >>> kalimat_target(BarisIKU(i, 2025, 83.5, None, HasilCapaian(None), None))
    'Realisasi 2025 belum diisi; capaian terhadap target 83,5 % belum dapat dihitung.'
    >>> g = Indikator("6.1", "S", "Nilai SAKIP")
    >>> kalimat_target(BarisIKU(g, 2020, NilaiHuruf("B", "akip"), 63.5, HasilCapaian(100.0, "Tercapai"), None))
    'Realisasi 2020 63,5 (setara B) terhadap target B: tercapai.'
    """
    ind, c = b.indikator, b.capaian
    isi = {"tahun": b.tahun, "target": _nilai(b.target, ind.satuan), "realisasi": _nilai(b.realisasi, ind.satuan),
           "predikat": _predikat(b), "status": (c.status or "").lower(),
           "polaritas": " (polaritas negatif: makin kecil makin baik)" if ind.polaritas == "negatif" else ""}
    if b.target is None:
        return KALIMAT["target_kosong"].format(**isi)
    if b.realisasi is None:
        return KALIMAT["realisasi_kosong"].format(**isi)
    if isinstance(b.target, NilaiHuruf):
        if not c.status:
            return KALIMAT["capaian_kosong"].format(**isi, alasan=c.alasan or "nilai tidak dapat dibandingkan")
        setara = f" (setara {huruf_akip(b.realisasi)})" if isinstance(b.realisasi, float) else ""
        return KALIMAT["huruf"].format(**isi, setara=setara)
    if c.nilai is None:
        return KALIMAT["capaian_kosong"].format(**isi, alasan=c.alasan or "tidak dapat dihitung")
    kunci = "rentang" if isinstance(b.target, Rentang) else "angka"
    return KALIMAT[kunci].format(**isi, capaian=angka(c.nilai))


def kalimat_tren(b: BarisIKU, riwayat: Mapping[int, object]) -> str:
    """(2) Realisasi against the previous years' (``riwayat``: year -> realisasi, earlier years
    only). Polarity decides what a rise means: for a negative indicator a fall is an improvement.

    >>> from iku_xl.core.model import HasilCapaian, Indikator
    >>> i = Indikator("1.1", "S", "Indeks Kepuasan Masyarakat", "%")
    >>> kalimat_tren(BarisIKU(i, 2025, 83.5, 84.4, HasilCapaian(101.08), None), {2024: 83.525})
    'Dibanding realisasi 2024 (83,53 %), realisasi 2025 naik 0,88 poin (1,05 %): membaik.'
    >>> n = Indikator("3.2", "S", "Jumlah konflik", "Kasus", polaritas="negatif")
    >>> kalimat_tren(BarisIKU(n, 2020, 4.0, 3.0, HasilCapaian(125.0), None), {2018: 6.0, 2019: 5.0})
    'Dibanding realisasi 2019 (5 Kasus), realisasi 2020 turun 2 Kasus (40 %): membaik (polaritas negatif: makin kecil makin baik). Realisasi sebelumnya: 2018: 6 Kasus.'
    >>> kalimat_tren(BarisIKU(i, 2025, 83.5, 84.4, HasilCapaian(101.08), None), {})
    'Realisasi tahun-tahun sebelumnya belum ada di lembar Realisasi; tren belum dapat dianalisis.'
    """
    ind = b.indikator
    lalu = {t: v for t, v in riwayat.items() if t < b.tahun and v is not None}
    if not lalu or b.realisasi is None:
        if not lalu:
            return KALIMAT["tren_kosong"]
        return ""  # no realisasi this year: the first sentence already says so
    tahun_lalu = max(lalu)
    v_lalu, v_kini = lalu[tahun_lalu], b.realisasi
    isi = {"tahun": b.tahun, "lalu_tahun": tahun_lalu, "lalu": _nilai(v_lalu, ind.satuan),
           "realisasi": _nilai(v_kini, ind.satuan)}
    if isinstance(v_lalu, float) and isinstance(v_kini, float):
        selisih = v_kini - v_lalu
        negatif = ind.polaritas == "negatif"
        if abs(selisih) < 1e-9:
            arah, makna, teks_selisih, persen = "tetap", "", "", ""
        else:
            arah = "naik " if selisih > 0 else "turun "
            membaik = (selisih > 0) != negatif
            makna = ": membaik" if membaik else ": memburuk"
            if negatif:
                makna += " (polaritas negatif: makin kecil makin baik)"
            teks_selisih = f"{angka(abs(selisih))} poin" if ind.satuan.strip() == "%" \
                else _nilai(abs(selisih), ind.satuan)
            persen = f" ({angka(abs(selisih) / abs(v_lalu) * 100)} %)" if v_lalu else ""
        teks = KALIMAT["tren"].format(**isi, arah=arah, selisih=teks_selisih, persen=persen, makna=makna)
    else:
        makna = ""
        if isinstance(v_lalu, NilaiHuruf) and isinstance(v_kini, NilaiHuruf) and v_lalu.jenis == v_kini.jenis:
            makna = " (tetap)" if v_lalu == v_kini else (" (membaik)" if v_kini.ordinal > v_lalu.ordinal
                                                         else " (memburuk)")
        teks = KALIMAT["tren_huruf"].format(**isi, makna=makna)
    sebelumnya = sorted(t for t in lalu if t != tahun_lalu)
    if sebelumnya:
        teks += KALIMAT["riwayat"].format(daftar="; ".join(f"{t}: {_nilai(lalu[t], ind.satuan)}" for t in sebelumnya))
    return teks


def kalimat_renstra(b: BarisIKU, tahun_akhir: int | None) -> str:
    """(3) Realisasi against the Renstra end target (the target of Tahun Akhir Renstra in Profil):
    the percent reached and the years left. Without Tahun Akhir Renstra it says so: the last year
    with a target is not assumed to be the Renstra's end.

    >>> from iku_xl.core.model import HasilCapaian, Indikator
    >>> i = Indikator("1.1", "S", "Indeks Kepuasan Masyarakat", "%")
    >>> kalimat_renstra(BarisIKU(i, 2025, 83.5, 84.4, HasilCapaian(101.08), None, target_renstra=84.0,
    ...                          tahun_renstra=2026, capaian_renstra=100.476), 2026)
    'Terhadap target akhir Renstra 2026 (84 %), realisasi 2025 sudah mencapai 100,48 %; sisa waktu 1 tahun (s.d. 2026).'
    >>> kalimat_renstra(BarisIKU(i, 2020, 83.5, 84.4, HasilCapaian(101.08), None), None)
    'Tahun Akhir Renstra belum diisi di lembar Profil; perbandingan dengan target akhir Renstra tidak dibuat.'
    """
    if tahun_akhir is None:
        return KALIMAT["renstra_tanpa_tahun"]
    isi = {"tahun": b.tahun, "tahun_r": tahun_akhir, "target_r": _nilai(b.target_renstra, b.indikator.satuan)}
    if b.target_renstra is None or b.tahun_renstra != tahun_akhir:
        return KALIMAT["renstra_kosong"].format(**isi)
    if b.realisasi is None:
        return KALIMAT["renstra_tanpa_realisasi"].format(**isi)
    if b.capaian_renstra is None:
        return KALIMAT["renstra_tidak_dihitung"].format(**isi)
    sisa = tahun_akhir - b.tahun
    teks_sisa = (f"sisa waktu {sisa} tahun (s.d. {tahun_akhir})" if sisa > 0 else
                 f"{b.tahun} adalah tahun akhir Renstra" if sisa == 0 else
                 f"periode Renstra sudah berakhir pada {tahun_akhir}")
    return KALIMAT["renstra"].format(**isi, capaian_r=angka(b.capaian_renstra), sisa=teks_sisa)


def kalimat_anggaran(b: BarisIKU, program: Sequence[ProgramIKU]) -> str:
    """(4) Efisiensi: the budget of the programs/kegiatan linked to the indicator for the year
    (sheet Program Anggaran) against its capaian. No program: nothing is said.

    >>> from iku_xl.core.model import HasilCapaian, Indikator
    >>> i = Indikator("5.1", "S", "Jumlah inovasi")
    >>> g = [ProgramIKU("5.1", 2020, "Program Inovasi", anggaran=200_000_000, realisasi_anggaran=187_500_000)]
    >>> kalimat_anggaran(BarisIKU(i, 2020, 1.0, 2.0, HasilCapaian(200.0), None), g)
    'Anggaran 1 program/kegiatan pendukung Rp 200.000.000, terealisasi Rp 187.500.000 (serapan 93,75 %). Capaian kinerja (200 %) lebih tinggi dari penyerapan anggaran (93,75 %): penggunaan anggaran efisien.'
    >>> kalimat_anggaran(BarisIKU(i, 2020, 1.0, 2.0, HasilCapaian(200.0), None), [])
    ''
    """
    if not program:
        return ""
    jumlah = len(program)
    dengan_anggaran = [g for g in program if g.anggaran is not None]
    if not dengan_anggaran:
        return KALIMAT["anggaran_tanpa_nilai"].format(jumlah=jumlah)
    total = sum(g.anggaran or 0.0 for g in dengan_anggaran)
    if any(g.realisasi_anggaran is None for g in dengan_anggaran) or total <= 0:
        return KALIMAT["anggaran_tanpa_realisasi"].format(jumlah=jumlah, anggaran=angka(total, 0))
    realisasi = sum(g.realisasi_anggaran or 0.0 for g in dengan_anggaran)
    serapan = realisasi / total * 100
    efisiensi = ""
    if b.capaian.nilai is not None:
        isi = {"capaian": angka(b.capaian.nilai), "serapan": angka(serapan)}
        kunci = ("sama" if isi["capaian"] == isi["serapan"] else
                 "efisien" if b.capaian.nilai > serapan else "tidak_efisien")
        efisiensi = KALIMAT[kunci].format(**isi)
    return KALIMAT["anggaran"].format(jumlah=jumlah, anggaran=angka(total, 0), realisasi=angka(realisasi, 0),
                                      serapan=angka(serapan), efisiensi=efisiensi)


def analisis(b: BarisIKU, riwayat: Mapping[int, object], tahun_akhir_renstra: int | None,
             program: Sequence[ProgramIKU]) -> str:
    """The Analisis cell of one indicator: the four texts, one paragraph each (empty ones left out)."""
    bagian = (kalimat_target(b), kalimat_tren(b, riwayat), kalimat_renstra(b, tahun_akhir_renstra),
              kalimat_anggaran(b, program))
    return "\n".join(x for x in bagian if x)


# --- Staff text kept across regenerations --------------------------------------------------------

JUDUL_PENYEBAB = "Penyebab keberhasilan / kegagalan"
JUDUL_UPAYA = "Upaya / alternatif solusi"
JUDUL_ANALISIS = "Analisis"
JUDUL_YATIM = "Catatan dari indikator yang tidak ada lagi"


@dataclass(frozen=True)
class TeksStaf:
    """What staff may have typed on the sheet for one kode."""

    analisis: str = ""
    penyebab: str = ""
    upaya: str = ""

    @property
    def ada_isian(self) -> bool:
        """Text in the two staff columns."""
        return bool(self.penyebab or self.upaya)


def _gabung(a: str, b: str) -> str:
    return a if not b or b == a else (b if not a else f"{a}\n{b}")


def teks_lama(grid: Sequence[Sequence[object]]) -> dict[str, TeksStaf]:
    """Kode -> the texts of an earlier Analisis Capaian sheet (its cell values, 0-based grid).

    Columns are found by their headers, so a column staff inserted does not shift them. Rows of
    the bottom list of indicators that no longer exist are read the same way. A kode found twice
    keeps both texts. An unrecognisable sheet (no header row) gives nothing.

    >>> grid = [["JUDUL"], [], [], ["Kode", "Sasaran", "Indikator", "Analisis", JUDUL_PENYEBAB, JUDUL_UPAYA],
    ...         ["1.1", "S", "I", "Kalimat.", "SDM cukup", None], [1.2, "S", "I", "", None, "Rapat"],
    ...         [JUDUL_YATIM], ["9.9", None, None, "Lama.", "Dulu", ""]]
    >>> sorted(teks_lama(grid).items())  # doctest: +NORMALIZE_WHITESPACE
    [('1.1', TeksStaf(analisis='Kalimat.', penyebab='SDM cukup', upaya='')),
     ('1.2', TeksStaf(analisis='', penyebab='', upaya='Rapat')),
     ('9.9', TeksStaf(analisis='Lama.', penyebab='Dulu', upaya=''))]
    """
    kolom: dict[str, int] = {}
    awal = None
    for i, baris in enumerate(grid[:20]):
        judul = {normal_judul(v): j for j, v in enumerate(baris) if isinstance(v, str)}
        if normal_judul("Kode") in judul and normal_judul(JUDUL_PENYEBAB) in judul:
            kolom = {"kode": judul[normal_judul("Kode")], "penyebab": judul[normal_judul(JUDUL_PENYEBAB)]}
            for kunci, teks in (("upaya", JUDUL_UPAYA), ("analisis", JUDUL_ANALISIS)):
                if normal_judul(teks) in judul:
                    kolom[kunci] = judul[normal_judul(teks)]
            awal = i + 1
            break
    hasil: dict[str, TeksStaf] = {}
    if awal is None:
        return hasil

    def ambil(baris: Sequence[object], kunci: str) -> str:
        j = kolom.get(kunci)
        if j is None or j >= len(baris) or baris[j] is None:
            return ""
        return teks_sel(baris[j]).strip()

    for baris in grid[awal:]:
        kode = ambil(baris, "kode")
        if not kode or kode.startswith("(") or normal_judul(kode) == normal_judul(JUDUL_YATIM):
            continue
        baru = TeksStaf(ambil(baris, "analisis"), ambil(baris, "penyebab"), ambil(baris, "upaya"))
        lama = hasil.get(kode, TeksStaf())
        hasil[kode] = TeksStaf(*(_gabung(x, y) for x, y in zip((lama.analisis, lama.penyebab, lama.upaya),
                                                                 (baru.analisis, baru.penyebab, baru.upaya))))
    return hasil


def gabung_teks(daftar: Sequence[Mapping[str, TeksStaf]]) -> dict[str, TeksStaf]:
    """Texts read from several copies of the sheet, merged by kode in order: the same text once,
    different texts both (nothing dropped).

    >>> gabung_teks([{"1.1": TeksStaf(penyebab="A")}, {"1.1": TeksStaf(penyebab="A", upaya="B"), "2.1": TeksStaf()}])
    {'1.1': TeksStaf(analisis='', penyebab='A', upaya='B'), '2.1': TeksStaf(analisis='', penyebab='', upaya='')}
    """
    hasil: dict[str, TeksStaf] = {}
    for teks in daftar:
        for kode, baru in teks.items():
            lama = hasil.get(kode, TeksStaf())
            hasil[kode] = TeksStaf(_gabung(lama.analisis, baru.analisis), _gabung(lama.penyebab, baru.penyebab),
                                   _gabung(lama.upaya, baru.upaya))
    return hasil
