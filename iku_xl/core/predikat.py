"""Predikat scales as data, and the band a capaian falls in (DOMAIN.md section 3).

>>> predikat(95)
'Sangat Tinggi'
>>> predikat(90.5)
'Tinggi'
>>> predikat(100, skala="permenpanrb8"), predikat(100.5, skala="permenpanrb8")
('Baik', 'Sangat Baik')
>>> predikat(None) is None
True
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Sequence

from iku_xl.core.errors import DataTidakValid
from iku_xl.core.model import Pita, Skala
from iku_xl.core.parse import adalah_kosong, parse_angka, teks_sel

# Fill colours, from best to worst, soft enough to print in black and white.
_HIJAU_TUA, _HIJAU, _KUNING, _JINGGA, _MERAH = "A9D08E", "C6EFCE", "FFEB9C", "F8CBAD", "FFC7CE"

#: Colour names staff may type in the Warna column of Skala Kustom: the same soft fills.
WARNA_NAMA: dict[str, str] = {
    "hijau tua": _HIJAU_TUA, "hijau": _HIJAU, "kuning": _KUNING, "jingga": _JINGGA, "oranye": _JINGGA,
    "merah": _MERAH, "biru": "BDD7EE", "abu-abu": "D9D9D9", "putih": "FFFFFF",
}

#: Excel keeps at most 255 characters in a text inside a formula (the predikat formula's labels).
PANJANG_LABEL_MAKS = 255

SKALA: dict[str, Skala] = {
    "permendagri86": Skala("permendagri86", "Permendagri 86/2017", (
        Pita(91, "Sangat Tinggi", _HIJAU_TUA),
        Pita(76, "Tinggi", _HIJAU),
        Pita(66, "Sedang", _KUNING),
        Pita(51, "Rendah", _JINGGA),
        Pita(None, "Sangat Rendah", _MERAH),
    )),
    "permenpanrb8": Skala("permenpanrb8", "PermenPANRB 8/2021 (kategori capaian IKI)", (
        Pita(100, "Sangat Baik", _HIJAU_TUA, inklusif=False),
        Pita(100, "Baik", _HIJAU),
        Pita(80, "Cukup", _KUNING),
        Pita(60, "Kurang", _JINGGA),
        Pita(None, "Sangat Kurang", _MERAH),
    )),
    "akip": Skala("akip", "Nilai AKIP (PermenPANRB 88/2021)", (
        Pita(90, "AA", _HIJAU_TUA, inklusif=False),
        Pita(80, "A", _HIJAU_TUA, inklusif=False),
        Pita(70, "BB", _HIJAU, inklusif=False),
        Pita(60, "B", _KUNING, inklusif=False),
        Pita(50, "CC", _JINGGA, inklusif=False),
        Pita(30, "C", _MERAH, inklusif=False),
        Pita(None, "D", _MERAH),
    )),
    "ikm": Skala("ikm", "Mutu IKM (PermenPANRB 14/2017)", (
        Pita(88.31, "A (Sangat Baik)", _HIJAU_TUA),
        Pita(76.61, "B (Baik)", _HIJAU),
        Pita(65.00, "C (Kurang Baik)", _KUNING),
        Pita(None, "D (Tidak Baik)", _MERAH),
    )),
}

#: The name under which a workbook's own scale sheet is chosen in Profil.
KUSTOM = "kustom"


def _masuk(x: float, pita: Pita) -> bool:
    if pita.batas is None:
        return True
    return x >= pita.batas if pita.inklusif else x > pita.batas


def pilih_skala(nama: str, kustom: Skala | None = None) -> Skala:
    """The scale called ``nama``; 'kustom' is the workbook's own scale sheet."""
    kunci = nama.strip().casefold()
    if kunci == KUSTOM:
        if kustom is None:
            raise DataTidakValid("skala 'kustom' dipilih tetapi lembar skala kustom kosong",
                                 saran="Isi lembar 'Skala Kustom' atau pilih skala lain di Profil.")
        return kustom
    if kunci not in SKALA:
        daftar = ", ".join([*SKALA, KUSTOM])
        raise DataTidakValid(f"skala predikat '{nama}' tidak dikenal", nilai=nama,
                             saran=f"Pilih salah satu: {daftar}.")
    return SKALA[kunci]


def predikat(capaian: object, skala: str | Skala = "permendagri86",
             kustom: Skala | None = None) -> str | None:
    """The predikat of a capaian (percent) on a scale; None when capaian is empty."""
    x = parse_angka(capaian)
    if x is None:
        return None
    s = skala if isinstance(skala, Skala) else pilih_skala(skala, kustom)
    return next(p.label for p in s.pita if _masuk(x, p))


@functools.lru_cache(maxsize=32)
def _kunci_pita(skala: Skala) -> tuple[list[float], tuple[str, ...]] | None:
    """A scale's lower bounds as one sorted list for :mod:`bisect`, and its labels.

    :func:`_masuk`'s rule, restated for floats: ``x >= b`` is ``x > nextafter(b, -inf)``,
    so every bound becomes "x above the key". The label of x is then the band at position
    (number of bands with a bound) - (number of keys below x). None for a scale whose bands
    do not run from the highest down to a last catch-all band: then only :func:`predikat` can say.
    """
    *berbatas, terakhir = skala.pita
    if terakhir.batas is not None or any(p.batas is None for p in berbatas):
        return None
    kunci = [float(p.batas) if not p.inklusif else math.nextafter(p.batas, -math.inf)  # type: ignore[arg-type]
             for p in berbatas]
    if any(a < b for a, b in zip(kunci, kunci[1:])):
        return None
    return kunci[::-1], tuple(p.label for p in skala.pita)


def predikat_banyak(capaian: Sequence[object], skala: Skala) -> tuple[list[str | None], list[int]]:
    """The predikat of many capaian in one pass, by bisecting the scale's bands.

    Returns the labels and the indexes left to :func:`predikat` (anything but a plain
    finite number or an empty cell: text, NaN, ints, bools); a decided label equals
    ``predikat(x, skala)`` exactly, an empty cell gives None.

    >>> predikat_banyak([100.0, 100.5, None, "99"], SKALA["permenpanrb8"])
    (['Baik', 'Sangat Baik', None, None], [3])
    """
    hasil: list[str | None] = [None] * len(capaian)
    sisa: list[int] = []
    pita = _kunci_pita(skala)
    if pita is None:
        return hasil, [i for i, x in enumerate(capaian) if x is not None]
    kunci, label = pita
    k = len(kunci)
    kiri = bisect.bisect_left
    for i, x in enumerate(capaian):
        if type(x) is float and x - x == 0.0:
            hasil[i] = label[k - kiri(kunci, x)]
        elif x is not None:
            sisa.append(i)
    return hasil, sisa


def warna_predikat(label: str, skala: Skala) -> str | None:
    """The fill colour of a predikat label on a scale."""
    return next((p.warna for p in skala.pita if p.label == label), None)


def rumus_excel_predikat(sel: str, skala: Skala) -> str:
    """The same banding as an Excel formula on a capaian cell (empty stays empty).

    >>> rumus_excel_predikat("G7", SKALA["permenpanrb8"])
    '=IF(G7="","",IF(G7>100,"Sangat Baik",IF(G7>=100,"Baik",IF(G7>=80,"Cukup",IF(G7>=60,"Kurang","Sangat Kurang")))))'
    """
    def teks(label: str) -> str:
        return '"' + label.replace('"', '""') + '"'

    isi = teks(skala.pita[-1].label)
    for p in reversed(skala.pita[:-1]):
        op = ">=" if p.inklusif else ">"
        isi = f"IF({sel}{op}{p.batas:g},{teks(p.label)},{isi})"
    return f'=IF({sel}="","",{isi})'


def parse_warna(nilai: object) -> str | None:
    """A fill colour as 6 hex digits: "C6EFCE", "#c6efce", an aRGB "FFC6EFCE" or a colour name.

    >>> parse_warna("#c6efce"), parse_warna("FFC6EFCE"), parse_warna("Merah"), parse_warna(None)
    ('C6EFCE', 'C6EFCE', 'FFC7CE', None)
    """
    teks = teks_sel(nilai) if not adalah_kosong(nilai) else ""
    if not teks:
        return None
    kode = teks.lstrip("#").upper()
    if len(kode) in (6, 8) and all(c in "0123456789ABCDEF" for c in kode):
        return kode[-6:]
    nama = " ".join(teks.casefold().split())
    if nama in WARNA_NAMA:
        return WARNA_NAMA[nama]
    raise DataTidakValid(f"warna '{teks}' tidak dikenal", nilai=teks,
                         saran="Isi kode warna hex 6 digit, mis. C6EFCE, atau nama warna ("
                               + ", ".join(WARNA_NAMA) + "), atau kosongkan.")


def skala_dari_tabel(baris: Sequence[Sequence[object]], nama: str = KUSTOM, baris_awal: int | None = None) -> Skala:
    """A custom scale from rows of (batas bawah, predikat, warna); order does not matter.
    ``baris_awal`` is the sheet row of the first row, to name it in a problem.

    >>> s = skala_dari_tabel([[75, "Baik", "C6EFCE"], [90, "Sangat Baik", "#63BE7B"], [0, "Kurang", ""]])
    >>> predikat(80, s), predikat(-5, s)
    ('Baik', 'Kurang')
    >>> skala_dari_tabel([[0, "Kurang", "ungu muda"]], baris_awal=4)
    Traceback (most recent call last):
    iku_xl.core.errors.DataTidakValid: baris 4: warna 'ungu muda' tidak dikenal. Isi kode warna hex 6 digit, ...
    """
    pita: list[Pita] = []
    for i, (batas, label, *sisa) in enumerate(baris, start=1):
        if adalah_kosong(batas) and adalah_kosong(label):
            continue
        sel = f"baris {baris_awal + i - 1}" if baris_awal is not None else None
        try:
            x = parse_angka(batas)
            if x is None or adalah_kosong(label):
                raise DataTidakValid(f"baris skala ke-{i} tidak lengkap", nilai=batas,
                                     saran="Isi batas bawah (angka) dan nama predikat.")
            teks = teks_sel(label)
            if len(teks) > PANJANG_LABEL_MAKS:
                raise DataTidakValid(f"nama predikat terlalu panjang ({len(teks)} karakter)", nilai=teks,
                                     saran=f"Pakai nama predikat paling banyak {PANJANG_LABEL_MAKS} karakter, "
                                           "mis. 'Sangat Baik'.")
            warna = parse_warna(sisa[0] if sisa else None) or "FFFFFF"
        except DataTidakValid as e:
            raise e.di(sel=sel) from None
        pita.append(Pita(x, teks, warna))
    if not pita:
        raise DataTidakValid("skala kustom kosong", saran="Isi minimal satu baris skala.")
    pita.sort(key=lambda p: p.batas if p.batas is not None else 0.0, reverse=True)
    terbawah = pita[-1]
    pita[-1] = Pita(None, terbawah.label, terbawah.warna)  # catches everything below
    return Skala(nama, "Skala kustom", tuple(pita))
