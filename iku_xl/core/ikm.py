"""Indeks Kepuasan Masyarakat from the survey answers (PermenPANRB 14/2017; DOMAIN.md section 10).

Each respondent scores the 9 unsur 1-4. Per unsur, NRR = sum of the scores / number of answers to
that unsur (an unanswered unsur is counted out of that unsur only, the respondent stays in the
others). NRR tertimbang = NRR x 1/9 exactly (not the rounded 0.11 many hand-made sheets use),
IKM (nilai interval, 1-4) = sum of the 9 NRR tertimbang, konversi = IKM x 25 (25-100), and the
mutu A-D and kinerja unit from the regulation's interval table, decided on the konversi value with
the bounds half-open upward as for predikat (the "ikm" scale of :mod:`iku_xl.core.predikat`).

>>> h = hitung_ikm([[4, 3, 3, 4, 3, 3, 4, 3, 3], [3, 3, 4, 4, 3, 3, 3, 3, None]])
>>> round(h.konversi, 2), h.mutu, h.kinerja
(81.94, 'B', 'Baik')
>>> h.unsur[8].n_jawaban, h.unsur[8].nrr
(1, 3.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from iku_xl.core.model import UNSUR, Responden, Unsur
from iku_xl.core.polaritas import bulatkan
from iku_xl.core.predikat import SKALA, predikat

#: The weight of every unsur: 1 / number of unsur, exactly.
BOBOT = Fraction(1, 9)


NILAI_MIN, NILAI_MAKS = 1, 4

#: Mutu letter -> kinerja unit pelayanan, from the interval table.
KINERJA = {"A": "Sangat Baik", "B": "Baik", "C": "Kurang Baik", "D": "Tidak Baik"}


def mutu(konversi: float | None) -> str | None:
    """The mutu letter A-D of an IKM konversi value (25-100); None when there is no value.

    The bounds are the table's (65,00 / 76,61 / 88,31), each band from its lower bound up to the
    next one, decided on the unrounded value.

    >>> [mutu(x) for x in (88.31, 88.309, 76.61, 76.6, 65.0, 64.99, None)]
    ['A', 'B', 'B', 'C', 'C', 'D', None]
    """
    label = predikat(konversi, SKALA["ikm"])
    return None if label is None else label[0]


def kinerja(konversi: float | None) -> str | None:
    """The kinerja unit pelayanan of a konversi value.

    >>> kinerja(80.0), kinerja(None)
    ('Baik', None)
    """
    m = mutu(konversi)
    return None if m is None else KINERJA[m]


def ikm_dari_nrr(nrr: Sequence[float]) -> float:
    """Konversi IKM (25-100) from the 9 NRR: sum(NRR x 1/9) x 25.

    >>> ikm_dari_nrr([3.2] * 9)
    80.0
    >>> ikm_dari_nrr([3.0] * 8)
    Traceback (most recent call last):
    ...
    ValueError: IKM butuh NRR 9 unsur, bukan 8
    """
    if len(nrr) != len(UNSUR):
        raise ValueError(f"IKM butuh NRR {len(UNSUR)} unsur, bukan {len(nrr)}")
    return float(sum(Fraction(x) for x in nrr) * BOBOT * 25)


@dataclass(frozen=True)
class HasilUnsur:
    unsur: Unsur
    jumlah: int  # sum of the scores given
    n_jawaban: int  # respondents who answered this unsur
    n_kosong: int  # respondents who left it empty

    @property
    def nrr(self) -> float | None:
        """Nilai rata-rata of the unsur (1-4); None when nobody answered it."""
        return self.jumlah / self.n_jawaban if self.n_jawaban else None

    @property
    def nrr_tertimbang(self) -> float | None:
        return None if self.nrr is None else float(Fraction(self.jumlah, self.n_jawaban) * BOBOT)

    @property
    def konversi(self) -> float | None:
        """The unsur's NRR on the 25-100 scale (NRR x 25), for its mutu."""
        return None if self.nrr is None else self.nrr * 25

    @property
    def mutu(self) -> str | None:
        return mutu(self.konversi)


@dataclass(frozen=True)
class HasilIKM:
    n_responden: int
    unsur: tuple[HasilUnsur, ...]

    @property
    def lengkap(self) -> bool:
        """Every unsur has at least one answer (else no IKM can be computed)."""
        return self.n_responden > 0 and all(u.n_jawaban for u in self.unsur)

    @property
    def nilai_interval(self) -> float | None:
        """IKM as the sum of the NRR tertimbang (1-4); None when an unsur has no answer."""
        if not self.lengkap:
            return None
        return float(sum(Fraction(u.jumlah, u.n_jawaban) for u in self.unsur) * BOBOT)

    @property
    def konversi(self) -> float | None:
        """IKM konversi (25-100), the number the IKU reports."""
        x = self.nilai_interval
        return None if x is None else x * 25

    @property
    def mutu(self) -> str | None:
        return mutu(self.konversi)

    @property
    def kinerja(self) -> str | None:
        return kinerja(self.konversi)

    @property
    def unsur_kosong(self) -> tuple[Unsur, ...]:
        """Unsur nobody answered: why there is no IKM."""
        return tuple(u.unsur for u in self.unsur if not u.n_jawaban)

    def prioritas(self, n: int = 3) -> tuple[HasilUnsur, ...]:
        """The ``n`` unsur with the lowest NRR, lowest first (ties in unsur order): the
        improvement priorities the regulation asks to publish.

        >>> [u.unsur.nomor for u in hitung_ikm([[4, 2, 3, 4, 1, 3, 4, 2, 3]]).prioritas()]
        [5, 2, 8]
        """
        ada = [u for u in self.unsur if u.nrr is not None]
        return tuple(sorted(ada, key=lambda u: (u.nrr, u.unsur.nomor))[:n])


def hitung_ikm(jawaban: Iterable[Sequence[int | None]]) -> HasilIKM:
    """The IKM of respondents' answers: one sequence of 9 scores (1-4, or None when left
    empty) per respondent, in :data:`UNSUR` order. Scores must already be valid (the reader
    reports a score outside 1-4 with its cell); a respondent with no score at all is not
    counted.

    >>> h = hitung_ikm([[None] * 9, [4] * 9])
    >>> h.n_responden, h.konversi, h.mutu
    (1, 100.0, 'A')
    >>> hitung_ikm([]).konversi is None
    True
    """
    n_unsur = len(UNSUR)
    jumlah = [0] * n_unsur
    n = [0] * n_unsur
    responden = 0
    for baris in jawaban:
        if len(baris) != n_unsur:
            raise ValueError(f"jawaban harus {n_unsur} unsur, bukan {len(baris)}")
        if all(x is None for x in baris):
            continue
        responden += 1
        for i, x in enumerate(baris):
            if x is not None:
                if not NILAI_MIN <= x <= NILAI_MAKS or int(x) != x:
                    raise ValueError(f"nilai unsur {i + 1} harus bilangan bulat 1-4, bukan {x}")
                jumlah[i] += int(x)
                n[i] += 1
    return HasilIKM(responden, tuple(HasilUnsur(u, jumlah[i], n[i], responden - n[i])
                                     for i, u in enumerate(UNSUR)))


#: Krejcie-Morgan parameters the regulation refers to: chi-square (1 df, 95 %), proportion, margin.
_CHI2, _P, _D = 3.841, 0.5, 0.05


def sampel_minimum(populasi: int) -> int:
    """The minimum number of respondents for a population, as the Krejcie-Morgan table that
    PermenPANRB 14/2017 refers to gives it: s = X² N P(1-P) / (d² (N-1) + X² P(1-P)) with
    X² = 3,841, P = 0,5, d = 0,05, rounded to the nearest whole respondent as the printed table
    is (N 15 -> 14, 50 -> 44, 100 -> 80); from 100,000 up the table's last value, 384.

    >>> [sampel_minimum(n) for n in (10, 50, 100, 1_000, 10_000, 100_000, 1_000_000)]
    [10, 44, 80, 278, 370, 384, 384]
    >>> sampel_minimum(0)
    0
    """
    if populasi <= 0:
        return 0
    if populasi >= 100_000:
        return 384
    pq = _P * (1 - _P)
    s = _CHI2 * populasi * pq / (_D ** 2 * (populasi - 1) + _CHI2 * pq)
    return min(populasi, math.floor(s + 0.5))


# -- the survey sheet's respondents, by period and service -------------------------------------

def daftar_periode(responden: Iterable[Responden]) -> list[str]:
    """The survey periods in the order they first appear on the sheet.

    >>> daftar_periode([Responden("2024 Semester II", (4,) * 9), Responden("2024 Semester I", (3,) * 9),
    ...                 Responden("2024 Semester II", (3,) * 9)])
    ['2024 Semester II', '2024 Semester I']
    """
    return list(dict.fromkeys(r.periode for r in responden))


def periode_tahun(responden: Iterable[Responden], tahun: int) -> list[str]:
    """The periods of ``tahun``: those whose name holds the year ("2024 Semester I",
    "Semester I 2024"), else those whose every dated respondent answered in that year. A period
    named with no year and with no dates belongs to no year (the caller asks for it by name).

    >>> import datetime as dt
    >>> rs = [Responden("2024 Semester I", (4,) * 9), Responden("Triwulan I", (3,) * 9, tanggal=dt.date(2025, 2, 1)),
    ...       Responden("Tahunan", (3,) * 9)]
    >>> periode_tahun(rs, 2024), periode_tahun(rs, 2025), periode_tahun(rs, 2026)
    (['2024 Semester I'], ['Triwulan I'], [])
    """
    rs = list(responden)
    hasil = []
    for p in daftar_periode(rs):
        tahun_nama = {int(t) for t in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", p)}
        if tahun_nama:
            if tahun in tahun_nama:
                hasil.append(p)
            continue
        tanggal = [r.tanggal for r in rs if r.periode == p and r.tanggal is not None]
        if tanggal and all(t.year == tahun for t in tanggal):
            hasil.append(p)
    return hasil


@dataclass(frozen=True)
class RingkasanSurvei:
    """One survey period (or several taken together): the IKM, per service, the respondents'
    profile, the saran, and whether there were enough respondents."""

    periode: tuple[str, ...]
    hasil: HasilIKM
    per_layanan: tuple[tuple[str, HasilIKM], ...]
    profil: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # (field label, ((value, count), ...))
    saran: tuple[str, ...]
    sampel_minimum: int | None  # None when Profil gives no population

    @property
    def sampel_kurang(self) -> bool:
        return self.sampel_minimum is not None and self.hasil.n_responden < self.sampel_minimum


#: The respondent profile tabulated in the report, as the questionnaire asks it.
PROFIL_RESPONDEN = (("jenis_kelamin", "Jenis Kelamin"), ("pendidikan", "Pendidikan"), ("pekerjaan", "Pekerjaan"),
                    ("kelompok_umur", "Umur"))

_BATAS_UMUR = ((20, "di bawah 20 tahun"), (30, "20-29 tahun"), (40, "30-39 tahun"), (50, "40-49 tahun"),
               (60, "50-59 tahun"))
_UMUR_TERTUA = "60 tahun ke atas"


def kelompok_umur(umur: float | None) -> str:
    """
    >>> kelompok_umur(19), kelompok_umur(20), kelompok_umur(61), kelompok_umur(None)
    ('di bawah 20 tahun', '20-29 tahun', '60 tahun ke atas', 'Tidak diisi')
    """
    if umur is None:
        return TIDAK_DIISI
    return next((label for batas, label in _BATAS_UMUR if umur < batas), _UMUR_TERTUA)


TIDAK_DIISI = "Tidak diisi"
#: Every value of :func:`kelompok_umur`, youngest first: the order the report lists them in.
KELOMPOK_UMUR = (*(label for _, label in _BATAS_UMUR), _UMUR_TERTUA, TIDAK_DIISI)


def ringkas_survei(responden: Iterable[Responden], periode: Sequence[str], populasi: float | None = None
                   ) -> RingkasanSurvei:
    """The summary of the respondents of ``periode`` (one or more period names).

    >>> rs = [Responden("I", (4,) * 9, layanan="KTP", jenis_kelamin="Perempuan", saran="Cepat"),
    ...       Responden("I", (3,) * 9, layanan="IMB"), Responden("II", (1,) * 9)]
    >>> r = ringkas_survei(rs, ["I"], populasi=100)
    >>> r.hasil.konversi, [(l, h.konversi) for l, h in r.per_layanan], r.saran, r.sampel_kurang
    (87.5, [('IMB', 75.0), ('KTP', 100.0)], ('Cepat',), True)
    >>> dict(r.profil[0][1])
    {'Perempuan': 1, 'Tidak diisi': 1}
    """
    pilih = set(periode)
    # a row with no score at all is no respondent (as hitung_ikm and the sheet reader count)
    rs = [r for r in responden if r.periode in pilih and any(x is not None for x in r.nilai)]
    hasil = hitung_ikm(r.nilai for r in rs)
    per_layanan: dict[str, list[Responden]] = {}
    for r in rs:
        per_layanan.setdefault(r.layanan or TIDAK_DIISI, []).append(r)
    profil = []
    for f, label in PROFIL_RESPONDEN:
        hitung: dict[str, int] = {}
        for r in rs:
            v = kelompok_umur(r.umur) if f == "kelompok_umur" else (getattr(r, f) or TIDAK_DIISI)
            hitung[v] = hitung.get(v, 0) + 1
        profil.append((label, tuple(sorted(hitung.items(), key=lambda x: (x[0] == TIDAK_DIISI, -x[1], x[0])))))
    return RingkasanSurvei(
        tuple(periode), hasil,
        tuple((layanan, hitung_ikm(r.nilai for r in anggota)) for layanan, anggota in sorted(per_layanan.items())),
        tuple(profil), tuple(r.saran for r in rs if r.saran),
        sampel_minimum(int(populasi)) if populasi else None)


# -- the IKU fed by the survey ------------------------------------------------------------------

#: Decimals of the IKM as the regulation reports it (and as the IKU's realisasi takes it).
DESIMAL_IKM = 2


def teks_ikm(x: float) -> str:
    """An IKM konversi value as the report prints it, two decimals with a decimal comma.

    >>> teks_ikm(82.6388), teks_ikm(80.0)
    ('82,64', '80,00')
    """
    return f"{bulatkan(x, DESIMAL_IKM):.{DESIMAL_IKM}f}".replace(".", ",")


@dataclass(frozen=True)
class IKMRealisasi:
    """The realisasi an indicator takes from the survey: the IKM of ``periode`` rounded as the
    regulation reports it, the Keterangan text, or why there is none.

    ``galat`` holds (pesan, saran) when the source cannot be used at all (no period for the year, a
    period named that the sheet does not have); ``nilai`` is None then, and also when an unsur was
    answered by nobody (``keterangan`` says so: no IKM, never 0)."""

    periode: tuple[str, ...]
    nilai: float | None
    keterangan: str
    ringkasan: RingkasanSurvei | None = None
    galat: tuple[tuple[str, str], ...] = ()


def _normal(periode: str) -> str:
    return " ".join(periode.split()).casefold()


def pilih_periode(responden: Sequence[Responden], periode: Sequence[str], tahun: int) -> tuple[list[str], list[str]]:
    """The periods asked for: those named (as the Periode column spells them; case and spacing do
    not matter), or every period of ``tahun`` (:func:`periode_tahun`) when none is named; and the
    names that match no period on the sheet.

    >>> rs = [Responden("2024 Semester I", (4,) * 9), Responden("2024 Semester II", (3,) * 9)]
    >>> pilih_periode(rs, (), 2024), pilih_periode(rs, ["2024  semester ii", "2023"], 2024)
    ((['2024 Semester I', '2024 Semester II'], []), (['2024 Semester II'], ['2023']))
    """
    if not periode:
        return periode_tahun(responden, tahun), []
    per_nama = {_normal(p): p for p in daftar_periode(responden)}
    hilang = [p for p in periode if _normal(p) not in per_nama]
    return list(dict.fromkeys(per_nama[_normal(p)] for p in periode if _normal(p) in per_nama)), hilang


def ikm_realisasi(responden: Sequence[Responden], periode: Sequence[str], tahun: int) -> IKMRealisasi:
    """The IKM an indicator's Realisasi row of ``tahun`` takes from the survey: of the periods named
    (as the Periode column spells them; case and spacing do not matter), or of every period of
    ``tahun`` (:func:`periode_tahun`) when none is named.

    >>> rs = [Responden("2024 Semester I", (4, 3, 3, 4, 3, 3, 4, 3, 3)),
    ...       Responden("2024 Semester II", (3, 3, 4, 4, 3, 3, 3, 3, None))]
    >>> h = ikm_realisasi(rs, (), 2024)
    >>> h.nilai, h.keterangan
    (81.94, 'IKM dari Survei IKM 2024 Semester I; 2024 Semester II (2 responden): 81,94, mutu B (Baik)')
    >>> ikm_realisasi(rs, ["2024 semester ii"], 2024).nilai is None  # U9 answered by nobody
    True
    >>> ikm_realisasi(rs, (), 2025).galat[0][0]
    'lembar Survei IKM tidak punya periode survei tahun 2025'
    """
    daftar = ", ".join(f"'{p}'" for p in daftar_periode(responden)) or "belum ada (lembar Survei IKM kosong)"
    pilih, hilang = pilih_periode(responden, periode, tahun)
    if hilang:
        return IKMRealisasi(tuple(periode), None, "", galat=((
            "periode survei " + ", ".join(f"'{p}'" for p in hilang) + " tidak ada di lembar Survei IKM",
            f"Periode yang ada: {daftar}. Tulis nama periode seperti di kolom Periode, dipisah titik koma."),))
    if not pilih:
        return IKMRealisasi((), None, "", galat=((
            f"lembar Survei IKM tidak punya periode survei tahun {tahun}",
            f"Periode yang ada: {daftar}. Tulis tahunnya di kolom Periode (mis. {tahun} Semester I), "
            f'atau sebut periodenya di sel ini: "Survei IKM: <periode>".'),))
    ringkasan = ringkas_survei(responden, pilih)
    h = ringkasan.hasil
    asal = f"Survei IKM {'; '.join(pilih)} ({h.n_responden} responden)"
    if h.konversi is None:
        kosong = ", ".join(f"U{u.nomor} {u.nama}" for u in h.unsur_kosong)
        return IKMRealisasi(tuple(pilih), None, f"tidak ada IKM: unsur {kosong} tidak dijawab satu responden pun "
                                                f"di {asal}", ringkasan)
    return IKMRealisasi(tuple(pilih), bulatkan(h.konversi, DESIMAL_IKM),
                        f"IKM dari {asal}: {teks_ikm(h.konversi)}, mutu {h.mutu} ({h.kinerja})", ringkasan)
