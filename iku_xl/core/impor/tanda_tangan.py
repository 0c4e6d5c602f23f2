"""Signature blocks: NIP, rank, name, jabatan, and the place-and-date line above them.

A block is found from its NIP and read upwards, line by line, whatever form the document
gives it: separate paragraphs, ONE paragraph or cell whose lines are separated by "\\n"
(Word's Shift+Enter), or a borderless table whose columns hold signers side by side
(a Perjanjian Kinerja: PIHAK KEDUA left, PIHAK PERTAMA right). Reading upwards from the
NIP: the rank (when the line is a known rank, :mod:`iku_xl.core.impor.pangkat`), the
name, the jabatan lines ("a.n. CAMAT X" / "SEKRETARIS KECAMATAN": the signer's own
jabatan is the last line), a role ("PIHAK PERTAMA", "Mengetahui") and the date line
("Sukamaju, 2 Januari 2024", "Ditetapkan di : X" / "Pada tanggal : ..."). A column of
such a table without NIP (a Bupati signs without one) is read the same way, from its
last line.

>>> t, = cari_tanda_tangan(["Sukamaju, 2 Januari 2024\\nCAMAT SUKAMAJU\\n\\n\\nDrs. BUDI\\n"
...                         "Pembna Tk. I / IV.b\\nNIP. 19700209 199003 1 002"])
>>> t.jabatan, t.nama, t.pangkat, t.nip, t.tempat, t.tanggal
('CAMAT SUKAMAJU', 'Drs. BUDI', 'Pembina Tk. I / IV.b', '19700209 199003 1 002', 'Sukamaju', '2 Januari 2024')
>>> t.catatan
("Pangkat 'Pembna Tk. I / IV.b' dibaca 'Pembina Tk. I / IV.b' (salah ketik diperbaiki).",)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from iku_xl.core.impor.model import BarisSumber
from iku_xl.core.impor.pangkat import Pangkat, baca_pangkat

BULAN = {"januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
         "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11,
         "desember": 12}
#: Words a jabatan line opens with (after Plt./Plh./Pj./a.n.).
KATA_JABATAN = ("CAMAT", "LURAH", "KEPALA", "SEKRETARIS", "INSPEKTUR", "BUPATI", "WALI KOTA", "WALIKOTA",
                "WAKIL", "GUBERNUR", "DIREKTUR", "KABAG", "KASUBAG", "KASUBBAG", "SEKCAM", "PLT", "PLH")
#: Lines naming a signer's role above the jabatan; "pertama" is the unit head of a Perjanjian Kinerja.
PERAN = (("pertama", r"pihak\s+(?:ke\s*)?(?:pertama|i|1)"), ("kedua", r"pihak\s+(?:ke\s*)?(?:kedua|ii|2)"),
         ("atasan", r"mengetahui|menyetujui|mengesahkan|disahkan(?:\s+oleh)?"),
         ("pembuat", r"yang\s+(?:membuat|menetapkan|menyatakan)(?:\s+\w+)?|dibuat\s+oleh"))

_NIP = re.compile(r"\bN\.?\s?I\.?\s?P\b\.?\s*[:.]?\s*([0-9][0-9 .\-]*[0-9])", re.IGNORECASE)
_DITETAPKAN = re.compile(r"^ditetapkan\s+di\s*:?\s*(.+)$", re.IGNORECASE)
_TANGGAL_LABEL = re.compile(r"^(?:pada\s+)?tanggal\s*:?\s*(.+)$", re.IGNORECASE)
_TEMPAT_TANGGAL = re.compile(r"^([A-Za-z][A-Za-z .'-]{1,40}),\s*([0-9 ._]*[A-Za-z]*[ ._]*\d{4}|\d{1,2}[-/.]\d{1,2}"
                             r"[-/.]\d{4})\s*\.?$")
_TGL_HURUF = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b")
_TGL_ANGKA = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_JABATAN = re.compile(r"^(?:(?:a\.?\s?n|u\.?\s?b|plt|plh|pjs|pj|pt)\b\.?\s*)*(?:"
                      + "|".join(k.replace(" ", r"\s*") for k in KATA_JABATAN) + r")\b", re.IGNORECASE)
_WILAYAH = re.compile(r"^(?:PEMERINTAH|KABUPATEN|KOTA|PROVINSI|KECAMATAN|KELURAHAN|DESA)\b")
_ATAS_NAMA = re.compile(r"^(?:a\.?\s?n|u\.?\s?b)\b\.?\s*", re.IGNORECASE)


def bersih(teks: object) -> str:
    """Cell text without layout noise: markdown bold, non-breaking and repeated spaces.

    >>> bersih("  **KECAMATAN\\n CONTOH**  ")
    'KECAMATAN CONTOH'
    """
    return " ".join(str(teks or "").replace("**", "").replace("\u00a0", " ").split())


# ---- NIP ---------------------------------------------------------------------------------------

def angka_nip(teks: str) -> str | None:
    """The digits of the NIP a line names ("NIP. 1970 0209 ...", "NIP : 19700209.199003.1.002")."""
    m = _NIP.search(teks)
    return re.sub(r"\D", "", m[1]) if m else None


def format_nip(teks: str) -> str | None:
    """The NIP in its printed groups "yyyymmdd yyyymm g nnn"; None when it is not 18 digits.

    >>> format_nip("NIP. 197002091990031002"), format_nip("NIP : 19700209.199003.1.002"), format_nip("1234")
    ('19700209 199003 1 002', '19700209 199003 1 002', None)
    """
    angka = angka_nip(teks)
    angka = angka if angka is not None else re.sub(r"\D", "", teks)
    if len(angka) != 18:
        return None
    return f"{angka[:8]} {angka[8:14]} {angka[14]} {angka[15:]}"


def periksa_nip(nip: str) -> str | None:
    """Why an 18-digit NIP is implausible (Indonesian), or None when it is plausible.

    Birth date yyyymmdd (1930-2010), TMT yyyymm (1950-2099, at least 15 years after birth;
    month 21 is the code of a PPPK number), sex 1 or 2, sequence 001-999.

    >>> periksa_nip("19700209 199003 1 002") is None, periksa_nip("19850101 202121 2 001") is None
    (True, True)
    >>> periksa_nip("19701309 199003 1 002")
    'tanggal lahir 19701309 bukan tanggal'
    """
    a = re.sub(r"\D", "", nip)
    if len(a) != 18:
        return "bukan 18 angka"
    try:
        lahir = dt.date(int(a[:4]), int(a[4:6]), int(a[6:8]))
    except ValueError:
        return f"tanggal lahir {a[:8]} bukan tanggal"
    if not 1930 <= lahir.year <= 2010:
        return f"tahun lahir {lahir.year} tidak wajar"
    tmt, bulan = int(a[8:12]), int(a[12:14])
    if not (1 <= bulan <= 12 or bulan == 21) or not 1950 <= tmt <= 2099:
        return f"TMT {a[8:14]} bukan tahun dan bulan"
    if tmt < lahir.year + 15:
        return f"TMT {a[8:14]} kurang dari 15 tahun setelah lahir"
    if a[14] not in "12":
        return f"kode jenis kelamin {a[14]} bukan 1 atau 2"
    if a[15:] == "000":
        return "nomor urut 000"
    return None


# ---- the date line -----------------------------------------------------------------------------

def baca_tanggal(teks: str) -> dt.date | None:
    """A full date ("2 Januari 2024", "02-01-2024"); None when the day or month is missing.

    >>> baca_tanggal("Januari 2020") is None, baca_tanggal("31 Desember 2024")
    (True, datetime.date(2024, 12, 31))
    """
    try:
        if (m := _TGL_HURUF.search(teks)) and m[2].casefold() in BULAN:
            return dt.date(int(m[3]), BULAN[m[2].casefold()], int(m[1]))
        if m := _TGL_ANGKA.search(teks):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def tahun_tanggal(teks: str) -> int | None:
    """The year of a date text when it names exactly one ("Januari 2017", "   2017").

    >>> tahun_tanggal("     Januari 2017"), tahun_tanggal("2016 - 2017")
    (2017, None)
    """
    tahun = set(re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", teks))
    return int(tahun.pop()) if len(tahun) == 1 else None


def tempat_tanggal(teks: str) -> tuple[str, str] | None:
    """(place, date text) of a "Place, date" / "Ditetapkan di" / "Pada tanggal" line.

    >>> tempat_tanggal("Sukamaju,    Januari 2017"), tempat_tanggal("Ditetapkan di : Sukamaju")
    (('Sukamaju', 'Januari 2017'), ('Sukamaju', ''))

    A plain copy of a PDF puts labels and values on lines of their own:

    >>> [tempat_tanggal(t) for t in ("Ditetapkan di", "Pada tanggal", ": Cibinong", ": 6 Januari 2025")]
    [('', ''), ('', ''), ('Cibinong', ''), ('', '6 Januari 2025')]
    """
    teks = bersih(teks)
    if re.fullmatch(r"(?:ditetapkan\s+di|(?:pada\s+)?tanggal)\s*:?", teks, re.IGNORECASE):
        return "", ""  # a label whose value a plain copy puts on its own line
    if m := re.fullmatch(r":\s*(.+)", teks):  # that value
        if tahun_tanggal(m[1]) and (baca_tanggal(m[1]) or re.search(r"[A-Za-z]{3}", m[1])):
            return "", m[1]
        return (m[1], "") if re.fullmatch(r"[A-Za-z][A-Za-z .'-]{1,40}", m[1]) else None
    if m := _DITETAPKAN.match(teks):
        return m[1].strip(), ""
    if m := _TANGGAL_LABEL.match(teks):
        return "", m[1].strip()
    if m := _TEMPAT_TANGGAL.match(teks):
        return m[1].strip(), m[2].strip(" ._")
    return None


def peran(teks: str) -> str | None:
    """The role a line names ("PIHAK PERTAMA,", "Mengetahui,"), or None."""
    t = bersih(teks).strip(" ,:;.").casefold()
    return next((nama for nama, pola in PERAN if re.fullmatch(pola, t)), None)


# ---- blocks ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TandaTangan:
    """One signature block; ``*_baris`` and ``baris`` are 0-based indices of the source rows read.

    ``kolom`` is the column of a side-by-side block (None otherwise), ``peran`` its role,
    ``atas_nama`` the "a.n. ..." line(s) above the signer's own jabatan, ``catatan`` notes
    on the rank (typo fixed, golongan not fitting).
    """

    nip: str
    nip_baris: int
    nama: str = ""
    pangkat: str = ""
    jabatan: str = ""
    tempat: str = ""
    tanggal: str = ""  # as written
    tanggal_baris: int | None = None
    baris: tuple[int, ...] = field(default=())
    kolom: int | None = None
    peran: str = ""
    atas_nama: str = ""
    catatan: tuple[str, ...] = ()

    @property
    def ringkas(self) -> str:
        """The block in one line, as the Catatan Impor quotes it."""
        bagian = [self.jabatan, self.nama, self.pangkat, f"NIP {self.nip}" if self.nip else ""]
        return ", ".join(b for b in bagian if b)


_Baris = tuple[tuple[str, ...], int | None] | None  # cells and table index; None: an IKU table row


def _baris(sumber: Sequence[str | None | BarisSumber]) -> list[_Baris]:
    hasil: list[_Baris] = []
    for b in sumber:
        if b is None:
            hasil.append(None)
        elif isinstance(b, BarisSumber):
            hasil.append((tuple(str(c or "") for c in b.sel), b.tabel))
        else:
            hasil.append(((str(b),), None))
    return hasil


def _isi(b: _Baris) -> list[int]:
    return [j for j, c in enumerate(b[0]) if bersih(c)] if b else []


def _sebentuk(b: _Baris, jangkar: _Baris) -> bool:
    """Row b has the anchor row's shape (same cell count, same table) and could be part of a
    signature table: at most 3 filled cells, every line short and with letters."""
    assert jangkar is not None
    if b is None or len(b[0]) != len(jangkar[0]) or len(b[0]) < 2 or b[1] != jangkar[1]:
        return False
    isi = [c for c in b[0] if bersih(c)]
    return len(isi) <= 3 and all(len(bersih(t)) <= 70 and (not bersih(t) or re.search(r"[A-Za-z]{2}", t))
                                 for c in isi for t in c.split("\n"))


def _wilayah(rows: list[_Baris], r: int) -> range:
    """The rows around row r of one signature table (r alone when it is not in one)."""
    awal = akhir = r
    while awal > 0 and _sebentuk(rows[awal - 1], rows[r]):
        awal -= 1
    while akhir + 1 < len(rows) and _sebentuk(rows[akhir + 1], rows[r]):
        akhir += 1
    return range(awal, akhir + 1)


def _samping(rows: list[_Baris], r: int) -> bool:
    """Row r is in a table whose rows hold signers side by side (two filled cells somewhere)."""
    return _sebentuk(rows[r], rows[r]) and any(len(_isi(rows[j])) >= 2 for j in _wilayah(rows, r))


def _naik(rows: list[_Baris], r: int, k: int, li: int | None) -> Iterator[tuple[int, str]]:
    """(row, line) above line li of cell (r, k), nearest first; "" for an empty line.

    li None: every line of the cell. Stops at a row of another table, a multi-cell row of
    another shape, or seven empty lines in a row.
    """
    jangkar = rows[r]
    assert jangkar is not None
    baris = jangkar[0][k].split("\n")
    for t in reversed(baris if li is None else baris[:li]):
        yield r, t
    for j in range(r - 1, -1, -1):
        b = rows[j]
        if b is None:
            return
        if _sebentuk(b, jangkar):
            sel = b[0][k]
        elif len(isi := _isi(b)) <= 1 and (b[1] is None or b[1] == jangkar[1]):
            sel = b[0][isi[0]] if isi else ""
        else:
            return
        for t in reversed(sel.split("\n")):
            yield j, t


def _baca_blok(atas: Iterator[tuple[int, str]], nip: str, nip_baris: int, bawah: list[tuple[int, str]],
               kolom: int | None) -> TandaTangan | None:
    """Read one block from the lines above its NIP (or its last line), nearest first."""
    garis: list[tuple[int, str]] = []
    kosong = 0
    for j, t in atas:
        t = bersih(t)
        if not t:
            kosong += 1
            if kosong > 6:
                break
            continue
        kosong = 0
        garis.append((j, t))
        if len(garis) >= 12:
            break
    dipakai = {nip_baris}
    blok: dict[str, str] = {}
    catatan: list[str] = []
    k = 0
    pangkat: Pangkat | None = None
    if garis and (pangkat := baca_pangkat(garis[0][1])):
        k = 1
        atas = baca_pangkat(garis[1][1]) if len(garis) > 1 else None
        if atas and bool(atas.nama) != bool(pangkat.nama) and bool(atas.golongan) != bool(pangkat.golongan):
            dipakai.add(garis[0][0])  # rank and golongan on two lines ("Pembina Tk. I" / "IV/b")
            pangkat = Pangkat(atas.nama or pangkat.nama, atas.golongan or pangkat.golongan,
                              f"{atas.tertulis} {pangkat.tertulis}", atas.perbaikan + pangkat.perbaikan)
            k = 2
    elif bawah and (pangkat := baca_pangkat(bawah[0][1])):
        dipakai.add(bawah[0][0])
    if pangkat:
        blok["pangkat"] = pangkat.tertulis
        catatan += pangkat.catatan
        if k:
            dipakai.update(j for j, _ in garis[:k])
    if k >= len(garis) or tempat_tanggal(garis[k][1]) or peran(garis[k][1]) \
            or not re.search(r"[A-Za-z]{2}", garis[k][1]):
        return None
    if _JABATAN.match(garis[k][1]) or _WILAYAH.match(garis[k][1]):
        if not nip:
            return None
        blok["nama"] = ""  # no name above the NIP (a jabatan or region line is not a name)
    else:
        blok["nama"] = garis[k][1].strip(" ()")
        dipakai.add(garis[k][0])
        k += 1
    jabatan: list[str] = []
    while k < len(garis) and len(jabatan) < 4:
        t = garis[k][1]
        if tempat_tanggal(t) or peran(t) or len(t) > 80 or t.endswith(","):
            break
        jabatan.insert(0, t)
        k += 1
    awal = next((i for i, t in enumerate(jabatan) if _JABATAN.match(t)), None)
    if awal is None:
        jabatan = jabatan[-1:]  # only the line right above the name when no line opens a jabatan
    else:
        jabatan = jabatan[awal:]
    dipakai.update(j for j, _ in garis[k - len(jabatan):k] if jabatan)
    an = [i for i, t in enumerate(jabatan) if _ATAS_NAMA.match(t)]
    if an and an[-1] + 1 < len(jabatan):
        blok["atas_nama"] = " ".join(jabatan[:an[-1] + 1])
        jabatan = jabatan[an[-1] + 1:]
    blok["jabatan"] = " ".join(jabatan)
    tanggal_i = None
    role = ""
    while k < len(garis) and len(dipakai) < 12:
        t = garis[k][1]
        if (p := peran(t)) and not role:
            role = p
        elif tt := tempat_tanggal(t):
            blok["tempat"] = blok.get("tempat") or tt[0]
            if tt[1] and not blok.get("tanggal"):
                blok["tanggal"], tanggal_i = tt[1], garis[k][0]
        elif t.endswith(",") and len(t) <= 40:
            pass  # "Demikian," / a greeting above the block
        else:
            break
        dipakai.add(garis[k][0])
        k += 1
    return TandaTangan(nip=nip, nip_baris=nip_baris, tanggal_baris=tanggal_i, baris=tuple(sorted(dipakai)),
                       kolom=kolom, peran=role, catatan=tuple(catatan), **blok)


def cari_tanda_tangan(teks: Sequence[str | None | BarisSumber]) -> list[TandaTangan]:
    """Signature blocks in a document's rows, in document order.

    ``teks``: source rows (:class:`BarisSumber`, whose cells may hold "\\n"), or lines of
    text (None: a table row, which ends a block). Each block's ``baris`` are the 0-based
    indices of the rows it covers (for a side-by-side table: every row of that table).

    >>> [t.nama for t in cari_tanda_tangan(["CAMAT CONTOH", "", "BUDI, S.Sos", "NIP. 197002091990031002"])]
    ['BUDI, S.Sos']
    """
    rows = _baris(teks)
    hasil: list[TandaTangan] = []
    kolom_nip: dict[tuple[int, int], int] = {}  # (table row group start, column) -> NIP row
    for r, b in enumerate(rows):
        if b is None:
            continue
        for k, sel in enumerate(b[0]):
            garis = sel.split("\n")
            for li, t in enumerate(garis):
                if len(_NIP.findall(t)) != 1:
                    continue
                nip = format_nip(t) or bersih(_NIP.search(t)[1])  # type: ignore[index]
                samping = _samping(rows, r)
                bawah = [(r, x) for x in garis[li + 1:] if bersih(x)]
                j = r + 1
                while not bawah and j < len(rows) and rows[j] is not None and (
                        _sebentuk(rows[j], b) or len(rows[j][0]) == 1):  # type: ignore[index]
                    isi = rows[j][0][k] if _sebentuk(rows[j], b) else rows[j][0][0]  # type: ignore[index]
                    bawah = [(j, x) for x in isi.split("\n") if bersih(x)][:1]
                    if not _sebentuk(rows[j], b):
                        break
                    j += 1
                blok = _baca_blok(_naik(rows, r, k, li), nip, r, bawah, k if samping else None)
                if blok is not None:
                    hasil.append(blok)
                    kolom_nip[(r, k)] = len(hasil) - 1
    return _di_samping(rows, hasil)


def _di_samping(rows: list[_Baris], hasil: list[TandaTangan]) -> list[TandaTangan]:
    """Add the signers without NIP who sign beside a NIP in a borderless table; every block
    of such a table covers all its rows."""
    tambah: list[TandaTangan] = []
    for t in hasil:
        if t.kolom is None:
            continue
        b = rows[t.nip_baris]
        assert b is not None
        semua = set(_wilayah(rows, t.nip_baris))
        for k in range(len(b[0])):
            if k == t.kolom or any(u.kolom == k and u.nip_baris in semua for u in hasil + tambah):
                continue
            terakhir = max((j for j in semua if bersih(rows[j][0][k])), default=None)  # type: ignore[index]
            if terakhir is None:
                continue
            blok = _baca_blok(_naik(rows, terakhir, k, None), "", terakhir, [], k)
            if blok is not None and blok.jabatan:
                tambah.append(blok)
    hasil = hasil + tambah
    return sorted(_luaskan(rows, hasil), key=lambda t: (t.nip_baris, t.kolom or 0))


def _luaskan(rows: list[_Baris], hasil: list[TandaTangan]) -> Iterator[TandaTangan]:
    for t in hasil:
        yield t if t.kolom is None else replace(t, baris=tuple(sorted(set(t.baris) | set(_wilayah(rows, t.nip_baris)))))
