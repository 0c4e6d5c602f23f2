"""Formula cells that Excel will not calculate, found before staff open the file.

The workbook adapter tokenizes each formula (openpyxl's Tokenizer) and hands
plain :class:`Token` copies here, with the workbook's sheet names, defined
names and known functions. The rules below look for what makes Excel show
``#REF!``, ``#NAME?`` and friends: a formula that cannot be read, unbalanced
parentheses, a sheet that does not exist, a link to another file, an error
literal inside the formula, an unknown function or an undefined name.

Defined names come as ``"Nama"`` (workbook scope, also table names) or
``"Lembar!Nama"`` (scoped to that sheet). Comparisons are case-insensitive,
as in Excel.

>>> ts = [Token("SUM(", "FUNC", "OPEN"), Token("Data!A1:A5", "OPERAND", "RANGE"),
...       Token(")", "FUNC", "CLOSE")]
>>> [m] = periksa_rumus("Indikator", "E7", "=SUM(Data!A1:A5)", ts,
...                     nama_lembar=["Profil", "Indikator"], nama_terdefinisi=[],
...                     fungsi_dikenal=["SUM"])
>>> print(m)
Lembar 'Indikator' sel E7: rumus '=SUM(Data!A1:A5)' merujuk lembar 'Data' yang tidak ada. \
Perbaiki nama lembar di rumus atau kembalikan lembar 'Data'. Lembar yang ada: Profil, Indikator.
>>> print(periksa_nilai_galat("Indikator", "F7", "#DIV/0!", "=D7/C7").pesan)
rumus '=D7/C7' menghasilkan galat #DIV/0!
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from iku_xl.core.errors import Masalah
from iku_xl.core.parse import GALAT_EXCEL


@dataclass(frozen=True)
class Token:
    """A plain copy of one tokenizer token (openpyxl's type names)."""

    nilai: str
    jenis: str  # "OPERAND", "FUNC", "OPERATOR-INFIX", "PAREN", "SEP", "ARRAY", ...
    subjenis: str = ""  # "RANGE", "TEXT", "NUMBER", "LOGICAL", "ERROR", "OPEN", "CLOSE", ...


#: Functions added in Excel 2010 and later. In the file they must carry the
#: prefix given here; without it Excel shows #NAME? until the cell is retyped.
FUNGSI_BERAWALAN: dict[str, str] = {"FILTER": "_xlfn._xlws.", "SORT": "_xlfn._xlws."} | {
    nama: "_xlfn." for nama in """ACOT ACOTH AGGREGATE ANCHORARRAY ARABIC ARRAYTOTEXT BASE
    BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND BITLSHIFT BITOR BITRSHIFT
    BITXOR BYCOL BYROW CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV
    CHISQ.INV.RT CHISQ.TEST CHOOSECOLS CHOOSEROWS COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T
    COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL DROP ERF.PRECISE ERFC.PRECISE
    EXPAND EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FILTERXML FLOOR.MATH FLOOR.PRECISE
    FORECAST.ETS FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV
    GAMMALN.PRECISE GAUSS HSTACK HYPGEOM.DIST IFNA IFS IMAGE IMCOSH IMCOT IMCSC IMCSCH IMSEC
    IMSECH IMSINH IMTAN ISFORMULA ISOMITTED ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV
    MAKEARRAY MAP MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NORM.DIST NORM.INV
    NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC
    PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC QUERYSTRING
    RANDARRAY RANK.AVG RANK.EQ REDUCE RRI SCAN SEC SECH SEQUENCE SHEET SHEETS SINGLE SKEW.P
    SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TAKE
    TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW UNICHAR UNICODE UNIQUE VALUETOTEXT VAR.P
    VAR.S VSTACK WEBSERVICE WEIBULL.DIST WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR Z.TEST""".split()
}

#: What each Excel error value means and how staff fix it.
SARAN_GALAT: dict[str, str] = {
    "#DIV/0!": "Pembaginya nol atau kosong: isi sel pembagi, atau bungkus rumus dengan IFERROR.",
    "#VALUE!": "Ada teks di sel yang dihitung: pastikan sel yang dirujuk berisi angka saja.",
    "#REF!": "Sel, baris atau lembar yang dirujuk sudah dihapus: tulis ulang rujukannya.",
    "#NAME?": "Ada nama fungsi atau nama sel yang tidak dikenal: periksa ejaannya.",
    "#N/A": "Nilai yang dicari (VLOOKUP/MATCH) tidak ditemukan: periksa kode yang dicari.",
    "#NUM!": "Hasil hitungan bukan angka yang sah: periksa angka masukannya.",
    "#NULL!": "Dua rentang tidak beririsan: periksa pemisah di antara rujukan.",
    "#SPILL!": "Hasil rumus tidak muat: kosongkan sel-sel di bawah/kanan rumus ini.",
    "#CALC!": "Rumus larik tidak dapat dihitung: periksa syarat FILTER/LAMBDA-nya.",
    "#GETTING_DATA": "Excel belum selesai menghitung: buka, tunggu, lalu simpan ulang berkasnya.",
}

_AWALAN = ("_xlfn.", "_xlws.", "_xludf.", "_xleta.")
_SEL = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_KOLOM = re.compile(r"\$?[A-Za-z]{1,3}")
_BARIS = re.compile(r"\$?[0-9]{1,7}")
_NAMA = re.compile(r"(?:[^\W\d]|\\)[\w.\\?]*")
_LEMBAR_POLOS = re.compile(r"((?:\[[^\]]*\])?[^\s!'\[\]():,;{}\"]*(?::[^\s!'\[\]():,;{}\"]+)?)!(.*)", re.S)


def ringkas_rumus(rumus: str, batas: int = 60) -> str:
    """The formula quoted for a message, shortened when long.

    >>> ringkas_rumus("=" + "A1+" * 30 + "1")
    "'=A1+A1+A1+A1+A1+A1+A1+A1+A1+A1+A1+A1+A1+A1+A1+A1+A1+A1+A...'"
    """
    rumus = " ".join(rumus.split())
    return f"'{rumus if len(rumus) <= batas else rumus[: batas - 3] + '...'}'"


def kode_galat(nilai: object) -> str | None:
    """The Excel error code a value stands for, or None.

    >>> kode_galat(" #div/0! "), kode_galat(0), kode_galat("")
    ('#DIV/0!', None, None)
    """
    if nilai is None or isinstance(nilai, (bool, int, float)):
        return None
    teks = str(nilai).strip().upper()
    return teks if teks in GALAT_EXCEL else None


def _adalah_sel(teks: str) -> bool:
    m = _SEL.fullmatch(teks)
    kolom = sum(26 ** i * (ord(h) - 64) for i, h in enumerate(m[1].upper()[::-1])) if m else 0
    return m is not None and kolom <= 16384 and 1 <= int(m[2]) <= 1048576  # XFD1048576


def _nama_dalam(teks: str) -> list[str] | None:
    """Names a sheet-less reference uses ([] for plain cells/ranges), None if unreadable."""
    if _adalah_sel(teks):
        return []
    if ":" in teks:
        kiri, kanan = teks.split(":", 1)
        if all(_KOLOM.fullmatch(b) for b in (kiri, kanan)) or all(
                _BARIS.fullmatch(b) for b in (kiri, kanan)):
            return []
        bagian = [_nama_dalam(kiri), _nama_dalam(kanan)]
        return None if None in bagian else [n for b in bagian for n in b or ()]
    if teks.lower().startswith("_xlpm."):  # a LET/LAMBDA parameter
        return []
    return [teks] if _NAMA.fullmatch(teks) else None


def _pisah_lembar(op: str) -> tuple[str, str] | None:
    """('Sheet', 'A1') for a sheet-qualified reference, else None."""
    if op.startswith("'"):
        i = 1
        while i < len(op):
            if op[i] == "'":
                if op[i + 1:i + 2] != "'":
                    break
                i += 1
            i += 1
        if op[i + 1:i + 2] == "!":
            return op[1:i].replace("''", "'"), op[i + 2:]
        return None
    m = _LEMBAR_POLOS.fullmatch(op)
    return (m[1], m[2]) if m else None


def _temuan(op: str) -> Iterator[tuple[str, str, str | None]]:
    """(kind, what, sheet) for each problem candidate in one operand token."""
    op = op.lstrip("@")
    if op.startswith("#"):  # "#REF!", also "#REF!A1" left by a deleted sheet
        yield "galat", next((k for k in GALAT_EXCEL if op.upper().startswith(k)), op), None
        return
    pisah = _pisah_lembar(op)
    if pisah is None:
        if op.startswith("["):
            return  # "[@Kolom]": this table's own column
        if "[" in op:  # Tabel1[Kolom]
            yield "tabel", op[: op.index("[")], None
            return
        nama = _nama_dalam(op)
        for n in [op] if nama is None else nama:
            yield "nama", n, None
        return
    lembar, sisa = pisah
    if "[" in lembar:
        yield "eksternal", op.split("!")[0], None
        return
    for bagian in lembar.split(":"):  # 3-D: Sheet1:Sheet3!A1
        yield "lembar", bagian, None
    if sisa.startswith("#"):
        yield from _temuan(sisa)
        return
    if "!" in sisa and ":" in sisa:  # Sheet1!A1:Sheet1!B2
        sisa, kanan = sisa.split(":", 1)
        yield from _temuan(kanan)
    nama = _nama_dalam(sisa)
    for n in [sisa] if nama is None else nama:
        yield "nama", n, lembar


def _selisih_kurung(rumus: str) -> int:
    """Open minus close parentheses/braces outside text, sheet names and [..]."""
    selisih, kurung_siku, i = 0, 0, 0
    while i < len(rumus):
        c = rumus[i]
        if kurung_siku:
            kurung_siku += {"[": 1, "]": -1}.get(c, 0)
            i += 2 if c == "'" else 1
            continue
        if c in "\"'":
            j = i + 1
            while j < len(rumus) and not (rumus[j] == c and rumus[j + 1:j + 2] != c):
                j += 2 if rumus[j] == c else 1
            i = j + 1
            continue
        kurung_siku += c == "["
        selisih += {"(": 1, "{": 1, ")": -1, "}": -1}.get(c, 0)
        if selisih < 0:
            return selisih
        i += 1
    return selisih


@functools.lru_cache(maxsize=8)  # the adapter passes one frozenset for every formula
def _besar(nama: frozenset[str]) -> frozenset[str]:
    return frozenset(n.upper() for n in nama)


def _mirip(nama: str, pilihan: Collection[str]) -> str:
    asli = {p.upper(): p for p in pilihan}
    cocok = difflib.get_close_matches(nama.upper(), asli, n=1)
    return f" Maksudnya '{asli[cocok[0]]}'?" if cocok and cocok[0] != nama.upper() else ""


def _daftar(nama: Collection[str], batas: int = 10) -> str:
    daftar = list(nama)
    return ", ".join(daftar[:batas]) + (", ..." if len(daftar) > batas else "") or "(tidak ada)"


def periksa_rumus(
    lembar: str, sel: str, rumus: str, token: Sequence[Token] | None, *,
    nama_lembar: Collection[str], nama_terdefinisi: Collection[str],
    fungsi_dikenal: Collection[str], galat_urai: str | None = None,
    fungsi_berawalan: Mapping[str, str] = FUNGSI_BERAWALAN,
) -> list[Masalah]:
    """Every problem in one formula (``token`` None when it could not be tokenized)."""
    q = ringkas_rumus(rumus)
    hasil: list[Masalah] = []

    def lapor(pesan: str, saran: str, tingkat: str = "galat") -> None:
        if all(m.pesan != pesan for m in hasil):
            hasil.append(Masalah(tingkat, pesan, saran, lembar, sel))  # type: ignore[arg-type]

    selisih = _selisih_kurung(rumus)
    if selisih > 0:
        lapor(f"rumus {q} kurang {selisih} tanda kurung tutup", "Tambahkan ')' yang hilang "
              "sehingga setiap '(' punya pasangan, lalu periksa hasilnya.")
    elif selisih < 0:
        lapor(f"rumus {q} memiliki tanda kurung tutup ')' berlebih",
              "Hapus ')' yang tidak punya pasangan '(' sebelumnya.")
    if token is None:
        if galat_urai is not None and not hasil:
            lapor(f"rumus {q} tidak dapat dibaca", "Buka sel ini di Excel dan periksa tanda "
                  "kutip, kurung dan pemisah argumennya.")
        return hasil

    lembar_ada = {n.upper() for n in nama_lembar}
    global_, lokal = set(), set()
    for n in nama_terdefinisi:
        (lokal.add(n.upper()) if "!" in n else global_.add(n.upper()))
    fungsi = _besar(fungsi_dikenal if isinstance(fungsi_dikenal, frozenset)
                    else frozenset(fungsi_dikenal))
    tampak_nama = [n.rsplit("!", 1)[-1] for n in nama_terdefinisi]

    def nama_ok(nama: str, di_lembar: str | None) -> bool:
        n = nama.upper()
        return n in global_ or f"{(di_lembar or lembar).upper()}!{n}" in lokal

    operand: list[str] = []
    dipakai: list[str] = []  # function names, also "_xleta.SUM" passed to BYROW/MAP
    for t in token:
        if t.jenis == "OPERAND" and t.subjenis in ("RANGE", "ERROR"):
            (dipakai if t.nilai.lower().startswith("_xleta.") else operand).append(t.nilai)
        elif t.jenis == "FUNC" and t.subjenis == "OPEN":
            nama = t.nilai.removesuffix("(")
            if ":" in nama:  # A1:INDEX(...)
                depan, nama = nama.rsplit(":", 1)
                operand.append(depan)
            (operand if "!" in nama else dipakai).append(nama)  # [1]!Fungsi( : other file
    for nama in dipakai:
        inti, awalan = nama, ""
        while any(inti.lower().startswith(a) for a in _AWALAN):
            potong = inti.index(".") + 1
            awalan, inti = awalan + inti[:potong].lower(), inti[potong:]
        besar = inti.upper()
        if besar in fungsi_berawalan and not awalan.startswith(("_xlfn.", "_xleta.")):
            benar = fungsi_berawalan[besar] + besar
            lapor(f"rumus {q} menulis fungsi {besar} tanpa awalan {fungsi_berawalan[besar]} "
                  "sehingga Excel menampilkan #NAME?", f"Ketik ulang rumus ini di Excel, atau "
                  f"bila rumus dibuat program, tulis '{benar}('.")
        elif not (besar in fungsi or besar in fungsi_berawalan or nama_ok(inti, None)
                  or awalan.startswith("_xlfn.")):
            lapor(f"rumus {q} memakai fungsi '{inti}' yang tidak dikenal (hasilnya #NAME?)",
                  "Periksa ejaan nama fungsi; fungsi dari add-in hanya jalan bila add-in itu "
                  "terpasang." + _mirip(inti, fungsi))

    for op in operand:
        for jenis, apa, di in _temuan(op):
            if jenis == "galat":
                lapor(f"rumus {q} berisi galat {apa}", SARAN_GALAT.get(
                    apa, "Tulis ulang bagian rumus yang berisi galat ini."))
            elif jenis == "eksternal":
                lapor(f"rumus {q} merujuk berkas lain ({apa})", "Tautan ke berkas lain putus "
                      "bila berkas itu dipindah atau tidak ikut dikirim: salin nilainya ke buku "
                      "kerja ini (Tempel Spesial > Nilai) atau kirim berkasnya bersama.",
                      "peringatan")
            elif jenis == "lembar" and apa.upper() not in lembar_ada:
                lapor(f"rumus {q} merujuk lembar '{apa}' yang tidak ada",
                      f"Perbaiki nama lembar di rumus atau kembalikan lembar '{apa}'. Lembar "
                      f"yang ada: {_daftar(nama_lembar)}.{_mirip(apa, nama_lembar)}")
            elif jenis == "tabel" and apa and not nama_ok(apa, None):
                lapor(f"rumus {q} merujuk tabel '{apa}' yang tidak ada", "Perbaiki nama tabel "
                      "(Desain Tabel > Nama Tabel) atau kembalikan tabelnya." + _mirip(apa, tampak_nama))
            elif jenis == "nama" and not nama_ok(apa, di):
                lain = [n.rsplit("!", 1)[0] for n in nama_terdefinisi
                        if n.upper().endswith(f"!{apa.upper()}")]
                lapor(f"rumus {q} memakai nama '{apa}' yang tidak terdefinisi (hasilnya #NAME?)",
                      f"Nama '{apa}' hanya berlaku di lembar {_daftar(lain)}: tulis "
                      f"'{lain[0]}'!{apa}." if lain else "Periksa ejaannya di Rumus > Pengelola "
                      "Nama, atau buat nama itu; teks harus diapit tanda kutip ganda, mis. "
                      "\"Tercapai\"." + _mirip(apa, tampak_nama))
    return hasil


def periksa_sel(lembar: str, sel: str, rumus: str | None, nilai: object,
                urai: Callable[[str], tuple[Sequence[Token] | None, str | None]] | None, *,
                nama_lembar: Collection[str], nama_terdefinisi: Collection[str],
                fungsi_dikenal: Collection[str], rumus_diketahui: bool = True) -> list[Masalah]:
    """One cell of a workbook: its formula (``rumus``, None for a plain value) and its value.

    ``urai`` tokenizes a formula (the adapter supplies one; None when the formula has no
    text to tokenize, such as a what-if table). A formula's error value is reported only
    when the formula itself showed no galat: a formula with #REF! inside also shows #REF!.
    ``rumus_diketahui=False`` says the engine could not tell formulas from values.
    """
    temuan: list[Masalah] = []
    if rumus is not None and urai is not None:
        token, galat = urai(rumus)
        temuan = periksa_rumus(lembar, sel, rumus, token, nama_lembar=nama_lembar,
                               nama_terdefinisi=nama_terdefinisi, fungsi_dikenal=fungsi_dikenal,
                               galat_urai=galat)
    if all(m.tingkat != "galat" for m in temuan):
        m = periksa_nilai_galat(lembar, sel, nilai, rumus, rumus_diketahui=rumus_diketahui)
        temuan += [m] if m else []
    return temuan


def periksa_nilai_galat(lembar: str, sel: str, nilai: object, rumus: str | None, *,
                        rumus_diketahui: bool = True) -> Masalah | None:
    """A problem when a cell's (cached) value is an Excel error, else None.

    >>> print(periksa_nilai_galat("Data", "B3", "#N/A", None))
    Lembar 'Data' sel B3: sel berisi galat #N/A sebagai nilai, bukan rumus. Hapus isinya lalu \
ketik nilai yang benar.
    >>> periksa_nilai_galat("Data", "B3", 92.5, "=A3") is None
    True
    """
    kode = kode_galat(nilai)
    if kode is None:
        return None
    if not rumus_diketahui:
        return Masalah("galat", f"sel menampilkan galat {kode}", SARAN_GALAT[kode], lembar, sel)
    if rumus is None:
        return Masalah("galat", f"sel berisi galat {kode} sebagai nilai, bukan rumus",
                       "Hapus isinya lalu ketik nilai yang benar.", lembar, sel)
    return Masalah("galat", f"rumus {ringkas_rumus(rumus)} menghasilkan galat {kode}",
                   SARAN_GALAT[kode], lembar, sel)
