"""The one parser from what a cell holds to iku-xl's values.

Staff type numbers the Indonesian way ("83,5", "1.234,5"), add percent signs
("90 %"), format cells as percent (the cell holds 0.9 for 90 %), write ranges
("80-90", "7 s.d. 8") and grades ("BB", "WTP"). Every front end hands raw cell
values to the functions here; nothing else parses.

>>> parse_angka("83,5")
83.5
>>> parse_angka("1.234,5")
1234.5
>>> parse_angka("90 %")
90.0
>>> parse_angka(0.9, persen=True)
90.0
>>> parse_angka("") is None
True
>>> parse_target("80 – 90")
Rentang(bawah=80.0, atas=90.0)
>>> parse_target("bb")
NilaiHuruf(huruf='BB', jenis='akip')
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re
from collections.abc import Callable

from iku_xl.core.errors import DataTidakValid
from iku_xl.core.model import SKALA_HURUF, NilaiHuruf, Realisasi, Rentang, SumberSurvei, Target

#: What Excel shows for an error value; cells holding one are never numbers.
GALAT_EXCEL = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
               "#GETTING_DATA", "#SPILL!", "#CALC!")

#: Text that means "nothing here" in Indonesian tables.
_KOSONG = {"", "-", "–", "—", "n/a", "na"}
_PANJANG_KOSONG = max(map(len, _KOSONG))

_RENTANG = re.compile(
    r"^\s*(?P<a>[0-9][0-9.,]*)\s*%?\s*(?:-|–|—|s\.?\s*d\.?|s/d|sampai(?:\s+dengan)?)\s*"
    r"(?P<b>[0-9][0-9.,]*)\s*%?\s*$",
    re.IGNORECASE,
)

POLARITAS_SAH = ("positif", "negatif")
_POLARITAS = {
    "positif": "positif", "maksimal": "positif", "naik": "positif",
    "negatif": "negatif", "minimal": "negatif", "turun": "negatif",
}

#: How a year's realisasi is made from the quarters (DOMAIN.md section 4).
JENIS_KONSOLIDASI = ("jumlah", "nilai terakhir", "rata-rata", "kumulatif")
_KONSOLIDASI = {
    "jumlah": "jumlah", "total": "jumlah", "sum": "jumlah",
    "nilai terakhir": "nilai terakhir", "terakhir": "nilai terakhir",
    "rata-rata": "rata-rata", "rata rata": "rata-rata", "ratarata": "rata-rata",
    "rerata": "rata-rata",
    "kumulatif": "kumulatif",
}

#: The two formulas for negative polarity (DOMAIN.md section 2), by their notation.
METODE_NEGATIF = ("2T-R", "T/R")
_METODE = {"2t-r": "2T-R", "(2t-r)/t": "2T-R", "standar": "2T-R", "t/r": "T/R"}


class RumusTanpaNilai(str):
    """A formula cell whose result was never saved (e.g. a file written by a script).

    Adapters hand this over instead of the formula text, so the message can say
    what to do rather than "'=SUM(...)' is not a number".
    """


def _teks(nilai: object) -> str:
    return str(nilai).replace("\u00a0", " ").strip()


def adalah_kosong(nilai: object) -> bool:
    """True for an empty cell, blank text or a dash.

    >>> [adalah_kosong(v) for v in (None, "", "  ", "-", 0, "0")]
    [True, True, True, True, False, False]
    """
    if nilai is None:
        return True
    if type(nilai) is float:  # the common case first: a number read from a cell
        return nilai != nilai  # NaN
    if not isinstance(nilai, str):
        return False
    t = nilai.strip()
    return len(t) <= _PANJANG_KOSONG and _teks(t).casefold() in _KOSONG  # long text is never empty


def _galat_excel(nilai: object) -> str | None:
    if isinstance(nilai, str) and _teks(nilai).upper() in GALAT_EXCEL:
        return _teks(nilai).upper()
    return None


def _tolak_rumus_atau_galat(nilai: object, apa: str) -> None:
    """Raise for a formula whose result was never saved and for an Excel error value: neither is
    what the staff meant to report, whatever the column."""
    if isinstance(nilai, RumusTanpaNilai):
        raise DataTidakValid(f"berisi rumus '{nilai}' yang hasilnya belum tersimpan", nilai=str(nilai),
                             saran="Buka berkas di Excel atau LibreOffice, lalu simpan, agar hasil rumus "
                                   f"ikut tersimpan; atau isi {apa} langsung.")
    galat = _galat_excel(nilai)
    if galat:
        raise DataTidakValid(f"berisi galat Excel {galat}", nilai=nilai,
                             saran=f"Perbaiki rumus di sel ini atau isi {apa} langsung.")


#: Digits with at most a decimal comma: read the same by Babel's id_ID, without loading its data.
_ANGKA_SEDERHANA = re.compile(r"-?[0-9]+(?:,[0-9]+)?")


def _angka_teks(teks: str) -> float:
    """Parse a number written the Indonesian way (id_ID), strictly."""
    if _ANGKA_SEDERHANA.fullmatch(teks):
        return float(teks.replace(",", "."))
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        x = float(parse_decimal(teks, locale="id_ID", strict=True))
        if not math.isfinite(x):  # Babel accepts "NaN" and "Infinity"; a report cannot
            raise NumberFormatError(teks)
        return x
    except NumberFormatError as e:
        saran = ""
        if e.suggestions:
            pilihan = " atau ".join(f"'{s}'" for s in e.suggestions)
            saran = f"Maksudnya {pilihan}? Pakai koma untuk desimal, mis. 83,5."
        raise DataTidakValid(f"'{teks}' bukan angka yang jelas", nilai=teks,
                             saran=saran or "Isi dengan angka, mis. 90 atau 83,5.") from None


def _kali_100(x: float) -> float:
    """A percent cell's value in percent, as Excel shows it: 0.6125 is 61.25, not 61.25000000000001.

    >>> _kali_100(0.6125), 0.6125 * 100
    (61.25, 61.25000000000001)
    """
    return float(decimal.Decimal(repr(x)).scaleb(2))


def parse_angka(nilai: object, *, persen: bool = False) -> float | None:
    """A cell value as a number, or None when the cell is empty.

    ``persen=True`` says the cell is formatted as percent in the workbook, so
    a stored 0.9 means 90.
    """
    if type(nilai) is float and nilai - nilai == 0.0:  # fast path: a finite number (NaN and inf fail this)
        return _kali_100(nilai) if persen else nilai
    if adalah_kosong(nilai):
        return None
    if isinstance(nilai, bool):
        raise DataTidakValid(f"bernilai {'TRUE' if nilai else 'FALSE'}, bukan angka",
                             nilai=nilai, saran="Isi dengan angka.")
    if isinstance(nilai, (int, float)):
        x = float(nilai)
        if math.isinf(x):
            raise DataTidakValid("bernilai tak hingga", nilai=nilai, saran="Isi dengan angka.")
        return _kali_100(x) if persen else x
    if isinstance(nilai, (dt.date, dt.time)):
        raise DataTidakValid(f"berisi tanggal/waktu {nilai}, bukan angka", nilai=nilai,
                             saran="Ubah format sel menjadi Angka lalu ketik ulang nilainya.")
    _tolak_rumus_atau_galat(nilai, "angkanya")
    teks = _teks(nilai)
    if teks.endswith("%"):
        teks = teks[:-1].strip()  # "90 %" is 90 whether or not the cell is percent-formatted
    return _angka_teks(teks)


def parse_huruf(nilai: object) -> NilaiHuruf | None:
    """A grade (Nilai AKIP or Opini BPK) or None when the text is not one.

    >>> parse_huruf(" wtp ")
    NilaiHuruf(huruf='WTP', jenis='opini')
    >>> parse_huruf("85") is None
    True
    """
    if not isinstance(nilai, str) or isinstance(nilai, RumusTanpaNilai):
        return None
    huruf = _teks(nilai).upper()
    for jenis, skala in SKALA_HURUF.items():
        if huruf in skala:
            return NilaiHuruf(huruf, jenis)
    return None


def parse_target(nilai: object, *, persen: bool = False) -> Target | None:
    """A target: a number, a range ("80-90", "7 s.d. 8") or a grade ("B").

    >>> parse_target("7 s.d. 8")
    Rentang(bawah=7.0, atas=8.0)
    >>> parse_target("83,5")
    83.5
    """
    if type(nilai) is float and nilai - nilai == 0.0 and not persen:  # as parse_angka's fast path, one call fewer
        return nilai
    if type(nilai) is float:
        return parse_angka(nilai, persen=persen)
    huruf = parse_huruf(nilai)
    if huruf is not None:
        return huruf
    if isinstance(nilai, str) and not isinstance(nilai, RumusTanpaNilai) \
            and (m := _RENTANG.match(_teks(nilai))):
        bawah, atas = _angka_teks(m["a"]), _angka_teks(m["b"])
        if bawah > atas:
            raise DataTidakValid(f"rentang '{_teks(nilai)}' terbalik", nilai=nilai,
                                 saran=f"Tulis batas bawah dulu: {m['b']}-{m['a']}.")
        return Rentang(bawah, atas)
    if isinstance(nilai, dt.date):  # a datetime too
        raise _target_tanggal(nilai)
    return parse_angka(nilai, persen=persen)


def _target_tanggal(d: dt.date) -> DataTidakValid:
    """A target cell holding a date: most likely a range typed as 7-8 that Excel turned into
    a date (day-month, as Indonesian Excel reads it).

    >>> e = _target_tanggal(dt.date(2025, 8, 7))
    >>> e.pesan
    "sel berformat tanggal: Excel mengubah '7-8' menjadi tanggal 07-08-2025"
    >>> e.saran.startswith("Bila maksudnya rentang, ketik ulang sebagai teks '7-8' (awali dengan tanda petik")
    True
    """
    teks = f"{d.day}-{d.month}"
    return DataTidakValid(f"sel berformat tanggal: Excel mengubah '{teks}' menjadi tanggal {d:%d-%m-%Y}", nilai=d,
                          saran=f"Bila maksudnya rentang, ketik ulang sebagai teks '{teks}' (awali dengan tanda "
                                "petik, atau format sel sebagai Teks dulu); bila angka, ubah format sel menjadi "
                                "Angka lalu ketik ulang nilainya.")


def parse_realisasi(nilai: object, *, persen: bool = False) -> Realisasi | None:
    """A realisasi: a number or a grade.

    >>> parse_realisasi("92")
    92.0
    >>> parse_realisasi("BB")
    NilaiHuruf(huruf='BB', jenis='akip')
    """
    if type(nilai) is float and nilai - nilai == 0.0 and not persen:  # as parse_angka's fast path, one call fewer
        return nilai
    if type(nilai) is float:
        return parse_angka(nilai, persen=persen)
    huruf = parse_huruf(nilai)
    if huruf is not None:
        return huruf
    if isinstance(nilai, str) and _RENTANG.match(_teks(nilai)):
        raise DataTidakValid(f"realisasi '{_teks(nilai)}' berupa rentang", nilai=nilai,
                             saran="Realisasi harus satu angka; rentang hanya untuk target.")
    return parse_angka(nilai, persen=persen)


def _pilih(nilai: object, kamus: dict[str, str], apa: str, pilihan: tuple[str, ...] | list[str],
           bawaan: str | None) -> str | None:
    if adalah_kosong(nilai):
        return bawaan
    kunci = re.sub(r"\s+", " ", _teks(nilai).casefold())
    if kunci in kamus:
        return kamus[kunci]
    daftar = ", ".join(f"'{p}'" for p in pilihan)
    raise DataTidakValid(f"{apa} '{_teks(nilai)}' tidak dikenal", nilai=nilai,
                         saran=f"Pilih salah satu: {daftar}.")


def parse_polaritas(nilai: object, bawaan: str = "positif") -> str:
    """'positif' or 'negatif'; an empty cell gives ``bawaan``.

    >>> parse_polaritas("Negatif")
    'negatif'
    """
    if nilai in POLARITAS_SAH:  # already a canonical value (the core passes these around)
        return nilai  # type: ignore[return-value]
    hasil = _pilih(nilai, _POLARITAS, "Polaritas", ("positif", "negatif"), bawaan)
    assert hasil is not None
    return hasil


def parse_konsolidasi(nilai: object, bawaan: str = "nilai terakhir") -> str:
    """One of :data:`JENIS_KONSOLIDASI`; an empty cell gives ``bawaan``.

    >>> parse_konsolidasi("Rata-Rata")
    'rata-rata'
    """
    if nilai in JENIS_KONSOLIDASI:
        return nilai  # type: ignore[return-value]
    hasil = _pilih(nilai, _KONSOLIDASI, "Jenis konsolidasi", JENIS_KONSOLIDASI, bawaan)
    assert hasil is not None
    return hasil


def parse_metode_negatif(nilai: object, bawaan: str | None = "2T-R") -> str | None:
    """'2T-R' (PermenPANRB 8/2021, the default) or 'T/R'.

    >>> parse_metode_negatif("(2T - R) / T")
    '2T-R'
    >>> parse_metode_negatif(None, bawaan=None) is None
    True
    """
    if nilai in METODE_NEGATIF:
        return nilai  # type: ignore[return-value]
    if isinstance(nilai, str):
        nilai = re.sub(r"[\s×x*]|100", "", nilai)
    return _pilih(nilai, _METODE, "Metode polaritas negatif", METODE_NEGATIF, bawaan)


def parse_tahun(nilai: object) -> int | None:
    """A year such as 2024 (also from "2024", 2024.0); None when empty.

    >>> parse_tahun("2024")
    2024
    """
    if type(nilai) is float and nilai.is_integer() and 1900 <= nilai <= 2200:  # the common case
        return int(nilai)
    if adalah_kosong(nilai):
        return None
    try:
        x = parse_angka(nilai)
    except DataTidakValid:
        x = None
    if x is None or x != int(x) or not 1900 <= x <= 2200:
        raise DataTidakValid(f"tahun '{_teks(nilai)}' tidak valid", nilai=nilai,
                             saran="Isi tahun dengan empat angka, mis. 2024.")
    return int(x)


_TRIWULAN = {"1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}


def parse_triwulan(nilai: object) -> int | None:
    """A quarter 1-4 (also "II", "TW III", "Triwulan IV"); None when empty.

    >>> parse_triwulan(2.0), parse_triwulan("TW III"), parse_triwulan("Triwulan iv"), parse_triwulan(None)
    (2, 3, 4, None)
    >>> parse_triwulan(5)
    Traceback (most recent call last):
    iku_xl.core.errors.DataTidakValid: triwulan '5' tidak valid. Isi 1, 2, 3 atau 4 (atau I sampai IV).
    """
    if adalah_kosong(nilai):
        return None
    teks = _teks(nilai).strip().casefold()
    for awalan in ("triwulan", "tw"):
        teks = teks.removeprefix(awalan).strip()
    if isinstance(nilai, float | int) and not isinstance(nilai, bool) and float(nilai).is_integer():
        teks = str(int(nilai))
    if teks not in _TRIWULAN:
        raise DataTidakValid(f"triwulan '{_teks(nilai)}' tidak valid", nilai=nilai,
                             saran="Isi 1, 2, 3 atau 4 (atau I sampai IV).")
    return _TRIWULAN[teks]


def parse_tanggal(nilai: object) -> dt.date | None:
    """A date from a date cell or text "31-12-2024" / "31/12/2024" / "2024-12-31".

    >>> parse_tanggal("5/1/2025")
    datetime.date(2025, 1, 5)
    """
    if adalah_kosong(nilai):
        return None
    if isinstance(nilai, dt.datetime):
        return nilai.date()
    if isinstance(nilai, dt.date):
        return nilai
    teks = _teks(nilai)
    for pola in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(teks, pola).date()
        except ValueError:
            continue
    raise DataTidakValid(f"tanggal '{teks}' tidak dikenali", nilai=nilai,
                         saran="Isi tanggal sebagai tanggal Excel atau dd-mm-yyyy, mis. 15-01-2025.")


def teks_sel(nilai: object) -> str:
    """A cell value as text (numbers without a trailing .0).

    >>> teks_sel(1.0), teks_sel(None), teks_sel(" Kgt ")
    ('1', '', 'Kgt')
    """
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return _teks(nilai)


def parse_teks(nilai: object) -> str:
    """A text cell (a name, a unit, a kode) as :func:`teks_sel` gives it; a formula whose result was
    never saved or an Excel error value is a problem, never text for the report.

    >>> parse_teks(" Kegiatan "), parse_teks(2024.0)
    ('Kegiatan', '2024')
    >>> parse_teks("#N/A")
    Traceback (most recent call last):
    iku_xl.core.errors.DataTidakValid: berisi galat Excel #N/A. Perbaiki rumus di sel ini atau isi teksnya langsung.
    """
    if type(nilai) is str:  # plain text, the common case (a RumusTanpaNilai is a subclass)
        teks = _teks(nilai)
        if teks[:1] != "#":
            return teks
    _tolak_rumus_atau_galat(nilai, "teksnya")
    return teks_sel(nilai)


def parse_skor_ikm(nilai: object) -> int | None:
    """A survey answer to one unsur: a whole number 1-4 (tidak sesuai .. sangat sesuai), or None
    when the respondent left it empty (counted out of that unsur only, never as 0).

    >>> parse_skor_ikm(4.0), parse_skor_ikm("3"), parse_skor_ikm(None)
    (4, 3, None)
    >>> parse_skor_ikm(5)
    Traceback (most recent call last):
    iku_xl.core.errors.DataTidakValid: nilai 5 di luar skala 1-4. Isi 1 (tidak sesuai), 2 (kurang sesuai), 3 (sesuai) atau 4 (sangat sesuai); kosongkan bila tidak dijawab.
    """
    saran = "Isi 1 (tidak sesuai), 2 (kurang sesuai), 3 (sesuai) atau 4 (sangat sesuai); kosongkan bila tidak dijawab."
    try:
        x = parse_angka(nilai)
    except DataTidakValid as e:  # text: the fix is a score, not "a number like 83,5"
        raise DataTidakValid(e.pesan, nilai=nilai, saran=saran) from None
    if x is None:
        return None
    if not (1 <= x <= 4 and x.is_integer()):
        raise DataTidakValid(f"nilai {teks_sel(x)} di luar skala 1-4", nilai=nilai, saran=saran)
    return int(x)


#: What the Sumber Realisasi column accepts (besides empty: the realisasi typed on the row).
SUMBER_SURVEI = "Survei IKM"
_SUMBER_SURVEI = re.compile(r"survei\s*ikm\s*(?::\s*(?P<periode>.*))?", re.IGNORECASE | re.DOTALL)


def parse_sumber_realisasi(nilai: object) -> SumberSurvei | None:
    """The Sumber Realisasi column: empty (the realisasi typed on the row), "Survei IKM" (the IKM
    of every survey period of the row's Tahun) or "Survei IKM: <periode>; <periode>" (those
    periods, as the Periode column names them).

    >>> parse_sumber_realisasi(None), parse_sumber_realisasi(" survei  IKM ")
    (None, SumberSurvei(periode=()))
    >>> parse_sumber_realisasi("Survei IKM: 2024 Semester I; 2024 Semester II").periode
    ('2024 Semester I', '2024 Semester II')
    >>> parse_sumber_realisasi("kuesioner")
    Traceback (most recent call last):
    iku_xl.core.errors.DataTidakValid: Sumber Realisasi 'kuesioner' tidak dikenal. Tulis "Survei IKM" (IKM semua periode survei tahun baris ini), "Survei IKM: 2024 Semester I; 2024 Semester II" (periode tertentu, seperti tertulis di kolom Periode lembar 'Survei IKM'), atau kosongkan bila realisasi diketik.
    """
    teks = parse_teks(nilai)
    if not teks:
        return None
    cocok = _SUMBER_SURVEI.fullmatch(teks)
    periode = () if cocok is None or cocok["periode"] is None else \
        tuple(dict.fromkeys(" ".join(p.split()) for p in cocok["periode"].split(";") if p.strip()))
    if cocok is None or (cocok["periode"] is not None and not periode):
        raise DataTidakValid(
            f"Sumber Realisasi '{teks}' tidak dikenal", nilai=nilai,
            saran=f'Tulis "{SUMBER_SURVEI}" (IKM semua periode survei tahun baris ini), "{SUMBER_SURVEI}: '
                  '2024 Semester I; 2024 Semester II" (periode tertentu, seperti tertulis di kolom Periode lembar '
                  "'Survei IKM'), atau kosongkan bila realisasi diketik.")
    return SumberSurvei(periode)


def _metode_atau_kosong(nilai: object) -> str | None:
    return parse_metode_negatif(nilai, bawaan=None)


#: The parser of each column type named in the sheet schema.
_PENGURAI: dict[str, Callable[..., object]] = {
    "teks": parse_teks,
    "angka": parse_angka,
    "target": parse_target,
    "realisasi": parse_realisasi,
    "tahun": parse_tahun,
    "tanggal": parse_tanggal,
    "triwulan": parse_triwulan,
    "polaritas": parse_polaritas,
    "konsolidasi": parse_konsolidasi,
    "metode_negatif": _metode_atau_kosong,
    "skor_ikm": parse_skor_ikm,
    "sumber_realisasi": parse_sumber_realisasi,
}


def pengurai(jenis: str) -> Callable[..., object]:
    """The parser for a column type named in the sheet schema."""
    return _PENGURAI[jenis]
