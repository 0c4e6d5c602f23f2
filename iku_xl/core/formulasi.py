"""Formulasi: what an indicator's formula says, and whether it fits its name and unit.

Staff paste the formulasi as free text: a Word fraction ("A ----- x 100 % B"),
"A / B x 100%", "A/B*100", LaTeX. The checks are DOMAIN.md section 6; the keyword
tuples below are the rules, the functions only apply them.

>>> urai_formulasi("Jumlah pengaduan yang ditindaklanjuti ----- x 100 % Jumlah seluruh pengaduan")
Rasio(pembilang='Jumlah pengaduan yang ditindaklanjuti', penyebut='Jumlah seluruh pengaduan', kali_100=True)
>>> urai_formulasi("Jumlah permohonan KK/KTP yang dilayani") is None
True
>>> normal_satuan("Persen (%)"), normal_satuan("Kegt")
('%', 'kegiatan')
>>> for m in periksa_formulasi("Jumlah konflik sosial", "%", "potensi konflik/Realisasi penanganan*100"):
...     print(m.tingkat, m.pesan)
peringatan Indikator 'Jumlah konflik sosial' mengukur jumlah, tetapi satuannya '%'
peringatan Rasio formulasi indikator 'Jumlah konflik sosial' tampak terbalik: pembilang 'potensi konflik' menyebut keseluruhan ('potensi'), penyebut 'Realisasi penanganan' menyebut bagian yang tercapai ('realisasi')
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from iku_xl.core.errors import Masalah, singkat

#: Formulasi text that explains nothing.
FORMULASI_KOSONG = ("", "-", "–", "cukup jelas", "sudah jelas", "jelas", "n/a", "na")
#: Unit spellings -> canonical key; any other unit is its lowercased text.
SATUAN_SINONIM = {"persen": "%", "persentase": "%", "prosentase": "%", "presentase": "%",
                  "percent": "%", "kgt": "kegiatan", "kegt": "kegiatan", "keg": "kegiatan",
                  "m²": "m2", "m 2": "m2", "m^2": "m2", "meter persegi": "m2",
                  "dok": "dokumen", "org": "orang", "bh": "buah"}
#: Units that count or measure things, so cannot hold a percentage.
SATUAN_BUKAN_PERSEN = ("kegiatan", "jumlah", "orang", "dokumen", "unit", "titik", "lembar", "buah",
                       "kali", "paket", "laporan", "kasus", "desa", "kelompok", "lokasi", "inovasi",
                       "jiwa", "kk", "m2")
#: Names that promise a percentage or ratio ("(%)" or the word "persen" anywhere also does).
AWALAN_PERSEN = ("persentase", "prosentase", "presentase", "persentasi", "prosentasi", "rasio",
                 "proporsi")
#: Names that promise a count.
AWALAN_JUMLAH = ("jumlah", "banyaknya", "banyak")
#: "Persentase penurunan/peningkatan ...": a change, measured against a base year.
KATA_TURUN = ("penurunan", "berkurangnya", "menurunnya", "turunnya")
KATA_NAIK = ("peningkatan", "kenaikan", "pertumbuhan", "perubahan", "meningkatnya", "bertambahnya",
             "naiknya")
#: A word right after "/" that starts a quantity: that slash divides ("/Jumlah Desa").
KATA_KEPALA = ("jumlah", "total", "target", "realisasi", "rencana", "seluruh", "semua", "banyaknya",
               "luas", "volume", "nilai", "panjang", "capaian", "potensi", "pagu", "anggaran")
#: (word before, word after) around "/" that never divide: "s/d", "dan/atau", "n/a".
BUKAN_BAGI = (("s", "d"), ("dan", "atau"), ("n", "a"))
#: A pembilang/penyebut of only these words names nothing ("... berdaya/jumlah") ...
KATA_UMUM = ("jumlah", "total", "seluruh", "seluruhnya", "semua", "keseluruhan", "banyaknya")
#: ... and one ending with one of these was cut off ("Jumlah penduduk yang").
KATA_SAMBUNG = ("yang", "dari", "di", "ke", "pada", "dengan", "untuk", "dan", "atau", "dalam",
                "oleh", "terhadap", "per", "bagi", "tentang", "atas", "sebagai", "akan", "se")
#: Inverted ratio: a whole in the pembilang, an achieved part in the penyebut (and neither mixed).
KATA_KESELURUHAN = ("potensi", "seluruh", "seluruhnya", "keseluruhan", "total", "target", "rencana",
                    "direncanakan", "semua")
KATA_TERCAPAI = ("realisasi", "penanganan", "ditangani", "tertangani", "ditindaklanjuti", "terlayani",
                 "dilayani", "diselesaikan", "terselesaikan", "tercapai", "terealisasi")
#: For %: a value in (0, BATAS_PECAHAN] among siblings above MEDIAN_PERSEN is a percent cell.
BATAS_PECAHAN, MEDIAN_PERSEN = 1.5, 10.0
#: Siblings this many times apart are on different scales.
BEDA_SKALA = 50.0

CONTOH_RASIO = "Jumlah pengaduan yang ditindaklanjuti / Jumlah seluruh pengaduan x 100 %"
CONTOH_PERUBAHAN = {"turun": "(Jumlah tahun n-1 – Jumlah tahun n) / Jumlah tahun n-1 x 100 %",
                    "naik": "(Jumlah tahun n – Jumlah tahun n-1) / Jumlah tahun n-1 x 100 %"}
PETUNJUK_BAGIAN = {"pembilang": "bagian yang diukur, mis. 'Jumlah pengaduan yang ditindaklanjuti'",
                   "penyebut": "keseluruhannya, mis. 'Jumlah seluruh pengaduan'"}

_I = re.IGNORECASE
_KALI_100 = re.compile(r"(?:(?<![^\W\d_])[x×]|\*|\\times|\\cdot|\b(?:di)?kali(?:kan)?(?:\s+dengan)?)"
                       r"\s*100(?!\d|[.,]\d)\s*(?:\\?%|persen\b)?", _I)
_GARIS = re.compile(r"[-–—_─]{3,}")
_KURAWAL = r"\{((?:[^{}]|\{[^{}]*\})*)\}"  # {...} with at most one level of {...} inside
_FRAC = re.compile(rf"\\[dt]?frac\s*{_KURAWAL}\s*{_KURAWAL}")
_LATEX = re.compile(r"\\(?:text|mathrm|textrm|mbox)\s*\{([^{}]*)\}|\\[a-zA-Z]+|\\.|[{}]")
_LABEL = re.compile(r"^\s*(?:rumus|formula(?:si)?|cara\s+(?:pengukuran|perhitungan|penghitungan)"
                    r"|perhitungan|penghitungan)\s*[:=]\s*", _I)
_BAGI = re.compile(r"\s*(?:/|÷|\\div\b|\bdibagi(?:\s+dengan)?\b|:)\s*", _I)
_SELISIH = re.compile(r"\s[-–—−]\s|\bselisih\b|\bdikurang(?:i|kan)\b", _I)
_TAHUN_BERJALAN = re.compile(r"tahun\s*\(?\s*n\b(?!\s*[-–−+]\s*\d)|tahun\s+(?:berjalan|ini|sekarang)", _I)
_TAHUN_DASAR = re.compile(r"\bn\s*[-–−]\s*1\b|sebelum|\blalu\b|\bdasar\b|\bawal\b|baseline"
                          r"|\b(?:19|20)\d\d\b", _I)
_NAMA_PERSEN = re.compile(rf"^\W*(?:{'|'.join(AWALAN_PERSEN)})\b|\(\s*%\s*\)|\bpersen\b", _I)
_NAMA_JUMLAH = re.compile(rf"^\W*(?:{'|'.join(AWALAN_JUMLAH)})\b", _I)
_NAMA_PERUBAHAN = re.compile(rf"^\W*(?:(?:{'|'.join(AWALAN_PERSEN)}|tingkat|laju)\s+)?"
                             rf"({'|'.join(KATA_TURUN + KATA_NAIK)})\b", _I)


@dataclass(frozen=True)
class Rasio:
    """A formulasi read as pembilang / penyebut (x 100 when ``kali_100``)."""

    pembilang: str
    penyebut: str  # "" when the formulasi has none
    kali_100: bool


# ---- reading a formulasi -------------------------------------------------------------------

def _teks(nilai: object) -> str:
    return " ".join(str(nilai or "").replace("\u00a0", " ").split())


def _kata(teks: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", teks.casefold())


def _tutup(teks: str) -> int:
    """Index of the bracket closing ``teks[0]`` (-1 when it is never closed)."""
    dalam = 0
    for i, c in enumerate(teks):
        dalam += (c == "(") - (c == ")")
        if dalam == 0:
            return i
    return -1


def _kupas(teks: str) -> str:
    """Strip spaces, stray punctuation and the brackets that wrap the whole text."""
    t = " ".join(teks.split())
    while True:
        awal, t = t, t.strip(" =:;,.*")
        lebih = t.count("(") - t.count(")")  # unmatched brackets at either end go first
        if lebih > 0:
            t = t[min(lebih, len(t) - len(t.lstrip("("))):]
        elif lebih < 0:
            t = t[:len(t) - min(-lebih, len(t) - len(t.rstrip(")")))]
        elif t.startswith("(") and _tutup(t) == len(t) - 1:
            t = t[1:-1]
        if t == awal:
            return t


def _peringkat(isi: str, m: re.Match[str], kali_100: bool) -> int:
    """How surely the operator at ``m`` divides (0: it does not).

    Highest: "/" before a quantity word ("/Jumlah ...", "/target ..."), "÷",
    "dibagi"; then a spaced " / " in a formula with x 100; then "A/B" between two
    single words (with x 100, or one letter each). ":" ranks below every slash.
    """
    sebelum, sesudah = isi[:m.start()], isi[m.end():]
    if sebelum.count("(") != sebelum.count(")"):
        return 0
    kiri, kanan = (_kata(sebelum[-60:]) or [""])[-1], (_kata(sesudah[:60]) or [""])[0]
    op = m.group().strip().casefold()
    if (kiri, kanan) in BUKAN_BAGI or (sebelum[-1:].isdigit() and sesudah[:1].isdigit()):
        return 0
    renggang = m.group()[:1].isspace() and m.group()[-1:].isspace()
    tunggal = " " not in sebelum.strip() and " " not in sesudah.strip() and kiri and kanan
    if (kanan in KATA_KEPALA and sesudah.lstrip()[:1].isalpha()) or op not in ("/", ":"):
        tingkat = 3
    elif renggang and kali_100:
        tingkat = 2
    else:
        tingkat = 1 if tunggal and (kali_100 or len(kiri + kanan) == 2) else 0
    return tingkat + 3 * (op != ":") if tingkat else 0


def _pisah(teks: str, kali_100: bool) -> tuple[str, str] | None:
    """Pembilang and penyebut text of one formulasi without "="."""
    if m := _FRAC.search(teks):  # LaTeX: \text{A} -> A, other commands and braces dropped
        a, b = (_LATEX.sub(lambda k: k[1] or " ", g) for g in m.groups())
        return a, b
    if m := _GARIS.search(teks):
        return _KALI_100.sub(" ", teks[:m.start()]), _KALI_100.sub(" ", teks[m.end():])
    isi = _kupas(_KALI_100.sub(" ", teks))
    calon = [(p, m.start(), m) for m in _BAGI.finditer(isi) if (p := _peringkat(isi, m, kali_100))]
    if calon:
        m = max(calon, key=lambda c: (c[0], c[1]))[2]  # the surest; the last of equals
        return isi[:m.start()], isi[m.end():]
    m = _KALI_100.search(teks)  # a Word fraction pasted without its line: "A x 100 % Jumlah B"
    if m and teks[:m.start()].strip() and (_kata(teks[m.end():]) or [""])[0] in KATA_KEPALA:
        return teks[:m.start()], teks[m.end():]
    return None


def urai_formulasi(teks: str) -> Rasio | None:
    """The formulasi as pembilang / penyebut, or None when it is not a ratio.

    A "/" inside a name ("KK/KTP", "Desa/Kelurahan") does not divide; see
    :func:`_peringkat` for the rule. Text up to "=" or "Rumus :" is dropped.

    >>> urai_formulasi("( Jumlah zonasi yang telah ditingkatkan / Jumlah zona tertib ) x 100 %")
    Rasio(pembilang='Jumlah zonasi yang telah ditingkatkan', penyebut='Jumlah zona tertib', kali_100=True)
    >>> urai_formulasi(r"\\frac{Realisasi}{Target} \\times 100\\%")
    Rasio(pembilang='Realisasi', penyebut='Target', kali_100=True)
    >>> urai_formulasi("Jumlah tindak kriminal tahun (n1) – Jumlah tindak kriminal tahun (n-1)") is None
    True
    """
    if not isinstance(teks, str):
        return None
    t = _LABEL.sub("", _teks(teks.replace("$", " ")))
    if t.casefold().strip(" .") in FORMULASI_KOSONG:
        return None
    kali_100 = bool(_KALI_100.search(t))
    for bagian in reversed(t.split("=")):
        pasangan = _pisah(bagian, kali_100)
        if pasangan:
            pembilang, penyebut = (_kupas(s) for s in pasangan)
            if pembilang or penyebut:
                return Rasio(pembilang, penyebut, kali_100)
    return None


def normal_satuan(satuan: str) -> str:
    """The canonical key of a unit: '%', 'kegiatan', 'm2', or the lowercased text.

    >>> [normal_satuan(s) for s in ("Prosentase", "Kgt.", "m²", "Nilai", " Dokumen ")]
    ['%', 'kegiatan', 'm2', 'nilai', 'dokumen']
    """
    t = re.sub(r"^[\s.]+|[\s.]+$", "", _teks(satuan).casefold())
    return "%" if "%" in t else SATUAN_SINONIM.get(t, t)


# ---- checking a formulasi ------------------------------------------------------------------

def _peringatan(pesan: str, saran: str) -> Masalah:
    return Masalah("peringatan", pesan, saran)


def _cek_satuan_nama(nama: str, satuan: str) -> list[Masalah]:
    n, s, asli = singkat(nama), normal_satuan(satuan), _teks(satuan)
    if _NAMA_PERSEN.search(nama) and s in SATUAN_BUKAN_PERSEN:
        return [_peringatan(f"Indikator '{n}' bernama persentase/rasio, tetapi satuannya '{asli}'",
                            "Ganti satuannya menjadi %, atau ubah nama indikator menjadi 'Jumlah ...' "
                            "jika yang diukur memang banyaknya.")]
    if _NAMA_JUMLAH.search(nama) and s == "%":
        return [_peringatan(f"Indikator '{n}' mengukur jumlah, tetapi satuannya '{asli}'",
                            "Ganti satuannya dengan satuan hitungan (mis. Kasus, Kegiatan), atau ubah "
                            "nama menjadi 'Persentase ...' dengan formulasi rasio x 100 %.")]
    return []


def _arah_perubahan(nama: str, persen: bool) -> str | None:
    """'turun' or 'naik' for a "Persentase penurunan/peningkatan ..." indicator, else None."""
    m = _NAMA_PERUBAHAN.search(nama)
    if not m or not (persen or _NAMA_PERSEN.search(nama)):
        return None
    return "turun" if m[1].casefold() in KATA_TURUN else "naik"


def _cek_bukan_rasio(nama: str, formulasi: str, persen: bool) -> list[Masalah]:
    n, f, arah = singkat(nama), singkat(formulasi, 80), _arah_perubahan(nama, persen)
    if arah and _SELISIH.search(formulasi):
        return [_peringatan(f"Indikator '{n}' mengukur persentase perubahan, tetapi formulasinya hanya "
                            f"selisih tanpa pembagi tahun dasar ('{f}')",
                            f"Bagi selisihnya dengan nilai tahun dasar lalu kali 100 %, mis. "
                            f"'{CONTOH_PERUBAHAN[arah]}'.")]
    if not persen:
        return []
    isi = f"bukan rasio ('{f}')" if f else "kosong"
    return [_peringatan(f"Indikator '{n}' bersatuan %, tetapi formulasinya {isi}",
                        f"Tulis formulasi sebagai pembilang / penyebut x 100 %, mis. '{CONTOH_RASIO}'.")]


def _cek_bagian(nama: str, formulasi: str, label: str, isi: str) -> list[Masalah]:
    """A missing or cut-off pembilang or penyebut."""
    kata = _kata(isi)
    saran = (f"Lengkapi {label}nya dengan {PETUNJUK_BAGIAN[label]}; periksa juga apakah teksnya "
             "terpotong saat disalin.")
    if not isi:
        return [_peringatan(f"Formulasi indikator '{singkat(nama)}' tidak punya {label} "
                            f"('{singkat(formulasi, 80)}')", saran)]
    if kata and (kata[-1] in KATA_SAMBUNG or all(k in KATA_UMUM + KATA_SAMBUNG for k in kata)):
        return [_peringatan(f"{label.capitalize()} formulasi indikator '{singkat(nama)}' terpotong: "
                            f"'{singkat(isi)}' tidak menyebut apa yang dihitung", saran)]
    return []


def _cek_terbalik(nama: str, r: Rasio) -> list[Masalah]:
    """The whole divided by the part; only when each side is unambiguous."""
    atas, bawah = _kata(r.pembilang), _kata(r.penyebut)
    utuh = [k for k in atas if k in KATA_KESELURUHAN]
    bagian = [k for k in bawah if k in KATA_TERCAPAI]
    if not (utuh and bagian) or set(atas) & set(KATA_TERCAPAI) or set(bawah) & set(KATA_KESELURUHAN):
        return []
    kali = " x 100 %" if r.kali_100 else ""
    return [_peringatan(f"Rasio formulasi indikator '{singkat(nama)}' tampak terbalik: pembilang "
                        f"'{singkat(r.pembilang)}' menyebut keseluruhan ('{utuh[0]}'), penyebut "
                        f"'{singkat(r.penyebut)}' menyebut bagian yang tercapai ('{bagian[0]}')",
                        f"Tukar pembilang dan penyebut: '{r.penyebut} / {r.pembilang}{kali}', agar "
                        "yang tercapai dibagi keseluruhannya.")]


def _cek_rasio(nama: str, formulasi: str, r: Rasio, persen: bool) -> list[Masalah]:
    masalah = []
    if persen and not r.kali_100:
        masalah.append(_peringatan(
            f"Indikator '{singkat(nama)}' bersatuan %, tetapi formulasinya tidak dikali 100 "
            f"('{singkat(formulasi, 80)}')",
            f"Tambahkan 'x 100 %' di akhir formulasi: '{r.pembilang} / {r.penyebut or '...'} x 100 %'."))
    masalah += _cek_bagian(nama, formulasi, "pembilang", r.pembilang)
    masalah += _cek_bagian(nama, formulasi, "penyebut", r.penyebut)
    masalah += _cek_terbalik(nama, r)
    arah = _arah_perubahan(nama, persen)
    if arah and _TAHUN_BERJALAN.search(r.penyebut) and not _TAHUN_DASAR.search(r.penyebut):
        masalah.append(_peringatan(
            f"Penyebut formulasi indikator '{singkat(nama)}' memakai tahun berjalan "
            f"('{singkat(r.penyebut)}'), padahal persentase perubahan dihitung terhadap tahun dasar",
            f"Ganti penyebutnya dengan nilai tahun sebelumnya (n-1) atau tahun dasar, mis. "
            f"'{CONTOH_PERUBAHAN[arah]}'."))
    return masalah


def periksa_formulasi(nama: str, satuan: str, formulasi: str) -> list[Masalah]:
    """Problems of one indicator's formulasi against its name and unit.

    Each problem is reported once: a % indicator with "Cukup jelas" gets only
    the "bukan rasio" warning, a "Persentase penurunan" written as a difference
    only the difference warning, and a "Jumlah ..." indicator with unit % only
    the unit warning (the %-only checks wait until its unit is settled).

    >>> [m.tingkat for m in periksa_formulasi("Luas RTH yang tertata", "M2", "Cukup jelas")]
    ['info']
    >>> periksa_formulasi("Persentase desa maju", "%", "Realisasi desa maju/Jumlah Desa*100")
    []
    """
    nama, formulasi = _teks(nama), _teks(formulasi)
    masalah = _cek_satuan_nama(nama, satuan)
    persen = normal_satuan(satuan) == "%" and not masalah  # a doubtful % waits until it is fixed
    if formulasi.casefold().strip(" .") in FORMULASI_KOSONG and not persen:
        isi = f"hanya '{formulasi}'" if formulasi else "kosong"
        return masalah + [Masalah("info", f"Formulasi indikator '{singkat(nama)}' {isi}",
                                  "Tuliskan apa yang dihitung dan dari mana datanya, mis. "
                                  "'Jumlah kegiatan yang dilaksanakan dalam 1 tahun'.")]
    r = urai_formulasi(formulasi)
    if r is None:
        return masalah + _cek_bukan_rasio(nama, formulasi, persen)
    return masalah + _cek_rasio(nama, formulasi, r, persen)


# ---- values on another scale ---------------------------------------------------------------

def _angka(x: float, desimal: int = 6) -> str:
    """A number the Indonesian way, without needless decimals: 90,5; 92."""
    if not math.isfinite(x):
        return "tak hingga"
    if abs(x) >= 1e15:  # 1e308 in full would be a 309-digit number in a message
        return f"{x:g}".replace(".", ",")
    teks = f"{round(x, desimal):.{desimal}f}".rstrip("0").rstrip(".")
    return (teks if teks not in ("0", "-0") else f"{x:.2g}").replace(".", ",")


def _median_lain(angka: Sequence[tuple[str, float]], i: int) -> float:
    """The median of the other values; of an even count, the geometric mean of the middle two
    (between 6 and 600 lies 60, not 303: one outlier must not move the middle)."""
    lain = sorted(abs(v) for j, (_, v) in enumerate(angka) if j != i)
    a, b = lain[(len(lain) - 1) // 2], lain[len(lain) // 2]
    return a if a == b else math.sqrt(a) * math.sqrt(b)


_SARAN_SKALA = ("Periksa penulisan angkanya (titik ribuan, koma desimal, sel berformat persen) dan "
                "satuannya; target dan realisasi satu indikator harus berskala sama.")


def _pecahan_persen(label: str, x: float, median: float) -> Masalah:
    maksud = _angka(x * 100)
    return _peringatan(f"Nilai '{label}' ({_angka(x)}) jauh lebih kecil dari nilai lain indikator ini "
                       f"(sekitar {_angka(median, 2)}): mungkin sel berformat persen",
                       f"Maksudnya {maksud}? Ketik {maksud} (angka persen, bukan pecahan {_angka(x)}); "
                       "jika sel berformat persen, ubah formatnya menjadi Angka lalu ketik ulang.")


def _beda_skala(angka: Sequence[tuple[str, float]]) -> list[Masalah]:
    """Values BEDA_SKALA times above, or below, the median of the others."""
    if len(angka) < 2:
        return []
    masalah = []
    for i, (label, v) in enumerate(angka):
        m = _median_lain(angka, i)
        r = abs(v) / m if m else math.inf
        if 1 / BEDA_SKALA < r < BEDA_SKALA:
            continue
        lipat = r if r >= 1 else (1 / r if r > 0 else math.inf)
        kali = f"{lipat:,.0f}".replace(",", ".") if math.isfinite(lipat) else "tak terhingga"
        masalah.append(_peringatan(f"Nilai '{label}' ({_angka(v)}) {kali} kali lebih "
                                   f"{'besar' if r >= 1 else 'kecil'} dari nilai lain indikator ini "
                                   f"(sekitar {_angka(m, 2)})", _SARAN_SKALA))
    if len(masalah) == len(angka):  # no majority: say it once and blame no single value
        daftar = ", ".join(f"'{label}' ({_angka(v)})" for label, v in angka)
        return [_peringatan(f"Nilai-nilai indikator ini berbeda skala satu sama lain ({daftar})",
                            _SARAN_SKALA)]
    return masalah


def periksa_skala_saudara(nilai: Sequence[tuple[str, float]], satuan: str) -> list[Masalah]:
    """Values of one indicator (targets, realisasi) on another scale than their siblings.

    Zeros are ignored; two non-zero values are needed. For % a value in (0, 1.5]
    among siblings whose median is above 10 is a percent-formatted cell (0,92 for
    92); the rest are compared with each other: 50 times the median of the
    others, or a fiftieth of it, is another scale.

    >>> [m.pesan for m in periksa_skala_saudara([("t 2024", 5), ("t 2025", 6), ("r 2024", 600)], "Kgt")]
    ["Nilai 'r 2024' (600) 110 kali lebih besar dari nilai lain indikator ini (sekitar 5,48)"]
    """
    angka = [(str(label), float(v)) for label, v in nilai
             if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v]
    if len(angka) < 2:
        return []
    persen = normal_satuan(satuan) == "%"
    pecahan = [i for i, (_, v) in enumerate(angka)
               if persen and 0 < v <= BATAS_PECAHAN and _median_lain(angka, i) > MEDIAN_PERSEN]
    masalah = [_pecahan_persen(*angka[i], _median_lain(angka, i)) for i in pecahan]
    return masalah + _beda_skala([a for i, a in enumerate(angka) if i not in pecahan])
