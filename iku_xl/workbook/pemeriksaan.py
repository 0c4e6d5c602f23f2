"""Check a workbook file before any reader (openpyxl, python-calamine) touches it.

A workbook is a zip of XML parts, and both readers trust what the file says: a FIFO named
``x.xlsx`` blocks ``open()`` for ever, a 2 MB zip may hold 2 GB of XML, a single value in
XFD1048576 makes calamine allocate rows x columns (512 GiB) and iku-xl's dense grids build every
empty cell of the used area. :func:`periksa_berkas` looks at the file first, in bounded memory
and time whatever the file claims:

* it must be a regular file (``os.stat``; opened non-blocking, checked again), not empty, not
  over :data:`MAKS_UKURAN_BERKAS`, and a zip (an OLE file is a password-locked workbook or an
  old .xls; a PDF is named as such);
* the zip's directory: number of entries, each entry's stated size, the total and the
  compression ratio against the limits below; no encrypted entry, no unusual compression;
* the parts python-calamine reads (the worksheets, shared strings, styles, workbook and package
  parts) are inflated from their raw bytes, a block at a time, counting the bytes they *really*
  give (stated sizes can lie: Python's zipfile stops at the stated size, other readers may not):
  reading stops as soon as a limit is passed; checksum and stated size must match what came
  out. The other parts only openpyxl reads, through zipfile (never more than the stated size,
  checked above) and defusedxml (no entity declarations);
* those XML parts' prologs are checked for a DOCTYPE (the only way to declare entities: billion
  laughs, XXE), which no OOXML part ever has;
* every worksheet's real extent, a block at a time: the farthest row and column holding a cell
  (its ``<dimension>`` is not trusted: only verified, by one search for a cell outside it) and
  the number of cells, by byte patterns for the sheets every writer writes (``<c r="B3"``) and
  by expat (handlers only, no tree, no DTD) for any other way of writing them. Too far is
  refused naming the sheet and the first cell past the limits.

The result (:class:`Pemeriksaan`) gives each sheet's extent, so that a reader can read only the
used area. :func:`batas_baca` is the one place where what a reader raises on a damaged file
(zlib, zip, XML errors, openpyxl's IndexError on a missing shared string...) becomes a
:class:`~iku_xl.core.errors.BerkasTidakValid` (exit 2); a bug elsewhere stays a bug (exit 1).

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
...     z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="Target" r:id="rId1"/>'
...                                   '</sheets></workbook>')
...     z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
...                'Type="http://x/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
...     z.writestr("xl/worksheets/sheet1.xml", '<worksheet><dimension ref="A1"/><sheetData><row r="3">'
...                '<c r="B3"><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>')
>>> periksa_berkas("unit.xlsx", buf.getvalue()).lembar
{'Target': Luas(baris=3, kolom=3, sel=2, rumus_atau_galat=True)}
"""

from __future__ import annotations

import functools
import io
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from posixpath import normpath
from typing import Any, BinaryIO, TypeVar
from xml.parsers import expat

from iku_xl.core.errors import BerkasTidakValid, IkuError

MIB = 1 << 20
T = TypeVar("T")

# ---- Limits: the one place. Generous for real IKU workbooks, far below what hurts. -----------
#: On disk. A workbook of ~200 MB of XML zips to 20-40 MB; Excel itself struggles far earlier.
MAKS_UKURAN_BERKAS = 512 * MIB
#: Parts in the zip: a workbook has a few per sheet (sheet, rels, comments, drawing...).
MAKS_ENTRI = 10_000
#: One part, inflated: the largest sheet of a legitimate ~200 MB workbook fits with room to spare.
MAKS_ISI_BAGIAN = 512 * MIB
#: All parts together, inflated.
MAKS_ISI_TOTAL = 1024 * MIB
#: Inflated/deflated size of one part. Sheet XML compresses 5-30x (100x for very regular
#: sheets); a zip bomb ~1000x. Only checked once a part has given :data:`RASIO_MULAI` bytes:
#: small parts may compress anyhow.
MAKS_RASIO = 200
RASIO_MULAI = 16 * MIB
#: The farthest row and column of a cell on any worksheet. Dense readers (iku-xl's grids of the
#: data sheets, openpyxl's read-only rows, calamine's ranges) allocate rows x columns; IKU sheets
#: hold hundreds of rows and tens of columns, big staff tables tens of thousands of rows; the
#: supported size (README: 20,000 indicators, 10 MB) has ~100,000 Target rows and staff sheets of
#: ~125,000 rows. A stray value in A1048576 stays out.
MAKS_BARIS = 250_000
MAKS_KOLOM = 1_000
#: Empty cells inside a sheet's used area (rows x columns - cells): what a dense reader builds
#: for nothing. 5 million empty cells cost a dense grid a few hundred MB.
MAKS_SEL_KOSONG = 5_000_000

#: Inflating and parsing go a block at a time.
_BLOK = 1 * MIB
_SARAN_RUSAK = "Buka berkas itu di Excel (Excel menawarkan perbaikan bila perlu), simpan ulang sebagai .xlsx, " \
               "lalu coba lagi; atau pakai salinan cadangannya."


@dataclass(frozen=True)
class Luas:
    """A worksheet's used area as its cells say (not its ``<dimension>``): the farthest row and
    column holding a cell (1-based; 0 for an empty sheet) and the number of cells written."""

    baris: int
    kolom: int
    sel: int
    #: Might the sheet hold a formula or an error value (:func:`mungkin_rumus_atau_galat`)? True
    #: when unsure: a reader that needs to know then reads the sheet in full.
    rumus_atau_galat: bool = False


def isi_sheet_data(xml: bytes) -> tuple[int, int]:
    """Where ``sheetData`` (the cells) lies in a sheet's XML, or in a piece of it: the whole
    piece when it holds no such tag."""
    awal = max(xml.find(b"sheetData"), 0)
    akhir = xml.rfind(b"sheetData>")
    return awal, (akhir if akhir >= awal else len(xml))


def mungkin_galat(xml: bytes) -> bool:
    """Might this sheet XML, or a piece of it, hold an error value? An error value always holds
    ``#`` (``<v>#DIV/0!</v>``, a text result " #n/a", an entity ``&#35;``): a single-byte search
    inside ``sheetData``. A ``#`` in inline text is a false alarm, never a miss.

    >>> mungkin_galat(b'<sheetData><row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData>')
    True
    >>> mungkin_galat(b'<sheetData><row r="1"><c r="A1"><f>B1*2</f><v>4</v></c></row></sheetData>'
    ...               b'<conditionalFormatting><cfRule><formula>A1="#"</formula></cfRule></conditionalFormatting>')
    False
    """
    awal, akhir = isi_sheet_data(xml)
    return xml.find(b"#", awal, akhir) != -1


def mungkin_rumus_atau_galat(xml: bytes) -> bool:
    """Might this sheet XML hold a formula or an error value? Calamine reads an error cell, and a
    formula whose result was never saved, as empty; the report reads them as what they are.

    Looks only inside ``sheetData`` (data validations' ``<formula1>`` are outside it): an error
    value always holds ``#`` (``<v>#DIV/0!</v>``) and a formula is an ``f`` element. Both are
    single-byte searches (memchr), microseconds a sheet; an ``f`` found is checked to be a tag.
    A ``#`` in inline text is a false alarm: that workbook is then read by the exact, slower
    reader, never wrongly.

    >>> mungkin_rumus_atau_galat(b'<sheetData><row r="1"><c r="A1"><f>B1*2</f><v>4</v></c></row></sheetData>')
    True
    >>> mungkin_rumus_atau_galat(b'<sheetData><row r="1"><c r="A1" t="e"><v>#N/A</v></c></row></sheetData>')
    True
    >>> mungkin_rumus_atau_galat(b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>'
    ...                          b'<dataValidations><dataValidation><formula1>"a,b"</formula1></dataValidation>'
    ...                          b'</dataValidations>')
    False
    """
    return _rumus_di(xml, *isi_sheet_data(xml))


@dataclass(frozen=True)
class Pemeriksaan:
    """What :func:`periksa_berkas` found: the file's size and each worksheet's extent, by name."""

    ukuran: int
    lembar: dict[str, Luas] = field(default_factory=dict)


def _tolak(nama: str, pesan: str, saran: str = _SARAN_RUSAK, **tempat: str) -> BerkasTidakValid:
    return BerkasTidakValid(f"berkas '{nama}' tidak dapat dibuka: {pesan}", saran=saran, **tempat)


def _alasan_os(e: OSError) -> str:
    """An OS error in Indonesian (``strerror`` is in the system's language)."""
    if isinstance(e, PermissionError):
        return "izin baca ditolak"
    if isinstance(e, IsADirectoryError):
        return "ini sebuah folder"
    return f"kesalahan sistem berkas (errno {e.errno})" if e.errno else f"kesalahan sistem berkas ({type(e).__name__})"


def _angka(n: int) -> str:
    """A count as Indonesians write it.

    >>> _angka(1048576)
    '1.048.576'
    """
    return f"{n:,}".replace(",", ".")


def huruf_kolom(n: int) -> str:
    """A column's letters.

    >>> huruf_kolom(1), huruf_kolom(16384)
    ('A', 'XFD')
    """
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def _posisi(ref: str) -> tuple[int, int] | None:
    """(row, column) of a cell reference such as "XFD1048576"; None when it is not one.

    >>> _posisi("XFD1048576"), _posisi("B3"), _posisi("3B")
    ((1048576, 16384), (3, 2), None)
    """
    m = _REF.fullmatch(ref)
    if m is None:
        return None
    kolom = 0
    for ch in m.group(1).upper():
        kolom = kolom * 26 + ord(ch) - 64
    return int(m.group(2)), kolom


# ---- the file itself ---------------------------------------------------------------------------

def jenis_isi(kepala: bytes, data: bytes = b"") -> str | None:
    r"""What a file that is not a zip holds, from its first bytes (``data``: more of it, to tell an
    encrypted Office file from an old binary one): "terenkripsi", "ole", "pdf", "rtf", "xml"; None
    when unknown. Each reader words its own message for each kind.

    >>> jenis_isi(b"%PDF-1.7"), jenis_isi(b"{\\rtf1"), jenis_isi(b"\xef\xbb\xbf<?xml v"), jenis_isi(b"abc")
    ('pdf', 'rtf', 'xml', None)
    """
    if kepala.startswith(bytes.fromhex("d0cf11e0a1b11ae1")):  # OLE compound file
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            return "terenkripsi"
        return "ole"
    if kepala.startswith(b"%PDF"):
        return "pdf"
    if kepala.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        return "rtf"
    if kepala.lstrip(b"\xef\xbb\xbf \r\n\t").lower().startswith((b"<?xml", b"<html", b"<!doctype", b"<w:", b"<pkg:")):
        return "xml"
    return None


#: How much of a file that is not a zip :func:`jenis_isi` may search (the names inside an OLE file).
BACA_JENIS = 16 << 20

_SARAN_SANDI = ("Buka di Excel, hapus sandinya (File > Info > Lindungi Buku Kerja) atau simpan sebagai Excel Workbook "
                "(.xlsx), lalu coba lagi.")
#: A workbook's message and advice for each kind of file that is not one.
_BUKAN_BUKU = {
    "terenkripsi": ("terkunci sandi (terenkripsi)", _SARAN_SANDI),
    "ole": ("terkunci sandi (terenkripsi) atau berformat .xls lama", _SARAN_SANDI),
    "pdf": ("isinya dokumen PDF, bukan buku kerja Excel",
            "Gunakan buku kerja Excel (.xlsx) aslinya; tabel dari PDF dapat dibawa lewat iku-xl impor."),
}


def _jenis_bukan_zip(kepala: bytes, data: bytes = b"") -> tuple[str, str]:
    return _BUKAN_BUKU.get(jenis_isi(kepala, data) or "",
                           ("isinya bukan buku kerja Excel .xlsx (bukan arsip zip)", _SARAN_RUSAK))


@contextmanager
def _buka_biasa(p: Path) -> Iterator[BinaryIO]:
    """The file opened for reading only if it is a regular file; a FIFO or a device is never
    opened (it would block), and what was opened is checked again (a swapped path)."""
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise BerkasTidakValid(f"berkas '{p}' tidak ditemukan", saran="Periksa nama dan folder berkas.") from None
    except OSError as e:
        raise _tolak(p.name, _alasan_os(e), "Periksa izin baca berkas dan foldernya.") from None
    _harus_biasa(p, st.st_mode)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise _tolak(p.name, _alasan_os(e), "Periksa izin baca berkas dan foldernya; tutup berkas itu di Excel bila "
                     "sedang dibuka.") from None
    with os.fdopen(fd, "rb") as f:
        _harus_biasa(p, os.fstat(fd).st_mode)
        yield f


def berkas_biasa(path: str | Path) -> None:
    """Refuse (in Indonesian) a path that is not a regular file, without opening it: reading a
    FIFO blocks for ever. For inputs that are not workbooks (.txt, .docx)."""
    p = Path(path)
    try:
        mode = os.stat(p).st_mode
    except OSError as e:
        raise _tolak(p.name, _alasan_os(e), "Periksa nama, folder dan izin baca berkas.") from None
    _harus_biasa(p, mode)


def _harus_biasa(p: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise _tolak(p.name, "ini sebuah folder, bukan buku kerja", "Sebutkan berkas .xlsx di dalam folder itu, "
                     "atau ganti nama folder agar tidak berakhiran .xlsx.")
    if not stat.S_ISREG(mode):
        raise _tolak(p.name, "bukan berkas biasa (mis. pipa bernama atau perangkat)",
                     "Simpan buku kerjanya sebagai berkas .xlsx biasa lalu sebutkan berkas itu.")


_CACHE: dict[tuple[str, int, int, int], Pemeriksaan] = {}


def periksa_berkas(path: str | Path, data: bytes | None = None) -> Pemeriksaan:
    """Check the workbook at ``path`` (or its bytes ``data``, already read) before a reader
    opens it; raise :class:`BerkasTidakValid` in Indonesian naming what is wrong.

    A file checked before and unchanged since (same size, mtime, inode) is not checked again.
    """
    p = Path(path)
    nama = p.name
    if data is not None:
        return _periksa(nama, io.BytesIO(data), len(data))
    with _buka_biasa(p) as f:
        st = os.fstat(f.fileno())
        kunci = _kunci(p, st)
        if kunci in _CACHE:
            return _CACHE[kunci]
        hasil = _periksa(nama, f, st.st_size)
    _simpan(kunci, hasil)
    return hasil


def baca_berkas(path: str | Path) -> tuple[bytes, Pemeriksaan]:
    """The workbook's bytes, read once (for python-calamine) and checked as :func:`periksa_berkas` does."""
    p = Path(path)
    with _buka_biasa(p) as f:
        st = os.fstat(f.fileno())
        if st.st_size > MAKS_UKURAN_BERKAS:
            return b"", _periksa(p.name, f, st.st_size)  # refused
        # the size it has (+1: a file still growing is seen as such); not MAKS_UKURAN_BERKAS + 1,
        # for which Python reserves 512 MiB before shrinking it to the file
        data = f.read(st.st_size + 1)
    hasil = _periksa(p.name, io.BytesIO(data), len(data))
    _simpan(_kunci(p, st), hasil)
    return data, hasil


def _kunci(p: Path, st: os.stat_result) -> tuple[str, int, int, int]:
    """The file as the cache knows it: its absolute path (not resolved: a symlink is only a miss),
    size, mtime and inode."""
    return os.path.abspath(p), st.st_size, st.st_mtime_ns, st.st_ino


def _simpan(kunci: tuple[str, int, int, int], hasil: Pemeriksaan) -> None:
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[kunci] = hasil


def _periksa(nama: str, f: BinaryIO, ukuran: int) -> Pemeriksaan:
    if ukuran == 0:
        raise _tolak(nama, "berkas kosong (0 byte)", "Pakai salinan lain dari berkas itu (mis. cadangan atau lampiran "
                     "aslinya); berkas kosong sering akibat penyimpanan atau unduhan yang terputus.")
    if ukuran > MAKS_UKURAN_BERKAS:
        raise _tolak(nama, f"terlalu besar ({ukuran / MIB:,.0f} MB; paling besar {MAKS_UKURAN_BERKAS // MIB} MB)",
                     "Pisahkan isinya ke beberapa buku kerja, atau hapus lembar/gambar yang tidak diperlukan.")
    kepala = f.read(8)
    f.seek(0)
    if not kepala.startswith(b"PK"):
        pesan, saran = _jenis_bukan_zip(kepala, kepala + f.read(BACA_JENIS))
        raise _tolak(nama, pesan, saran)
    try:
        with zipfile.ZipFile(f) as z:
            return _periksa_zip(nama, z, f, ukuran)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, struct.error, ValueError) as e:
        if isinstance(e, IkuError):
            raise
        raise _tolak(nama, "rusak atau tidak lengkap (arsip zip tidak utuh, mis. unduhan atau penyimpanan "
                     "yang terputus)") from None


def _periksa_zip(nama: str, z: zipfile.ZipFile, f: BinaryIO, ukuran: int) -> Pemeriksaan:
    entri = z.infolist()
    if len(entri) > MAKS_ENTRI:
        raise _tolak(nama, f"berisi {_angka(len(entri))} bagian (paling banyak {_angka(MAKS_ENTRI)}); "
                     "ini bukan buku kerja biasa")
    total = 0
    for e in entri:
        if e.flag_bits & 0x1:
            raise _tolak(nama, "berisi bagian terenkripsi", _SARAN_SANDI)
        if e.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _tolak(nama, f"memakai kompresi yang tidak dipakai Excel (bagian {e.filename})")
        total += e.file_size
        if e.file_size > MAKS_ISI_BAGIAN or total > MAKS_ISI_TOTAL or (
                e.file_size > RASIO_MULAI and e.file_size > MAKS_RASIO * max(e.compress_size, 1)):
            raise _bom(nama, e.filename)
    sisa = [MAKS_ISI_TOTAL]
    lembar, penuh = _lembar_kerja(nama, z, f, sisa)
    luas: dict[str, Luas] = {}
    for e in entri:
        nama_lembar = lembar.get(e.filename)
        if nama_lembar is not None:
            luas[nama_lembar] = _ukur(nama, nama_lembar, f, e, sisa)
        elif e.filename in penuh:  # read by calamine too: inflated whole, real size and checksum
            _alirkan(nama, f, e, sisa, _Prolog(nama, e.filename).umpan)
        # The rest (comments, drawings, tables, pictures, vbaProject.bin) only openpyxl reads: through
        # zipfile, which never gives more than the stated size (checked above) and checks the CRC,
        # and defusedxml, which refuses any entity declaration (batas_baca says so in Indonesian).
    return Pemeriksaan(ukuran, {n: luas.get(n, Luas(0, 0, 0)) for n in lembar.values()})


def _ukur(nama: str, lembar: str, f: BinaryIO, e: zipfile.ZipInfo, sisa: list[int]) -> Luas:
    """A worksheet's extent: the fast scan, or expat when the fast scan cannot be sure."""
    awal = sisa[0]
    for petunjuk in (True, False):
        cepat = _PengukurCepat(nama, lembar, petunjuk)
        try:
            _alirkan(nama, f, e, sisa, cepat.umpan)
            return cepat.selesai()
        except _PerluUlang:  # a large sheet whose <dimension> was wrong: its cells counted
            sisa[0] = awal
        except _PerluTeliti:
            sisa[0] = awal
            break
    teliti = _Pengukur(nama, lembar)
    _alirkan(nama, f, e, sisa, teliti.umpan)
    return teliti.selesai()


def _bom(nama: str, bagian: str) -> BerkasTidakValid:
    return _tolak(nama, f"berisi data yang mengembang jauh melampaui batas saat dibuka (bagian {bagian}; paling "
                  f"banyak {MAKS_ISI_BAGIAN // MIB} MB per bagian, {MAKS_ISI_TOTAL // MIB} MB seluruhnya): "
                  "mungkin bom zip", "Jangan buka berkas ini; minta unit pengirim menyimpan ulang buku kerjanya "
                  "dari Excel sebagai .xlsx lalu mengirimkannya lagi.")


def _alirkan(nama: str, f: BinaryIO, e: zipfile.ZipInfo, sisa: list[int], umpan: Callable[[bytes], None]) -> None:
    """Inflate entry ``e`` from its raw bytes a block at a time, handing each block to ``umpan``;
    stop over the limits. The real size and checksum must be what the zip states."""
    f.seek(e.header_offset)
    lokal = f.read(30)
    if len(lokal) < 30 or lokal[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(e.filename)
    n_nama, n_extra = struct.unpack("<HH", lokal[26:30])
    f.seek(e.header_offset + 30 + n_nama + n_extra)
    d = zlib.decompressobj(-15) if e.compress_type == zipfile.ZIP_DEFLATED else None
    sisa_mentah, keluar, crc = e.compress_size, 0, 0

    def terima(blok: bytes) -> None:
        nonlocal keluar, crc
        if not blok and keluar:
            return
        keluar += len(blok)
        sisa[0] -= len(blok)
        if keluar > MAKS_ISI_BAGIAN or sisa[0] < 0 or (
                keluar > RASIO_MULAI and keluar > MAKS_RASIO * max(e.compress_size, 1)):
            raise _bom(nama, e.filename)
        crc = zlib.crc32(blok, crc)
        umpan(blok)

    try:
        while sisa_mentah > 0:
            mentah = f.read(min(_BLOK, sisa_mentah))
            if not mentah:
                raise zipfile.BadZipFile(e.filename)
            sisa_mentah -= len(mentah)
            if d is None:
                terima(mentah)
                continue
            while mentah:
                terima(d.decompress(mentah, _BLOK))
                mentah = d.unconsumed_tail
        if d is not None:
            terima(d.flush())
            if not d.eof:
                raise zipfile.BadZipFile(e.filename)
    except zlib.error:
        raise _tolak(nama, f"rusak, data terkompresi bagian {e.filename} tidak dapat dibaca (zlib.error)") from None
    if keluar != e.file_size or crc != e.CRC:
        raise _tolak(nama, f"rusak atau diubah: isi bagian {e.filename} tidak sesuai dengan ukuran/checksum "
                     "yang tercatat")


# ---- XML: the prolog of every part, the extent of every worksheet ------------------------------

class _Doctype(Exception):
    pass


class _Akar(Exception):
    """The prolog is over (the root element started): the part has no DOCTYPE."""


def _parser(nama: str, bagian: str) -> expat.XMLParserType:
    p = expat.ParserCreate()
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def doctype(*_: object) -> None:
        raise _Doctype

    p.StartDoctypeDeclHandler = doctype
    p.EntityDeclHandler = doctype
    return p


def _entitas(nama: str, bagian: str) -> BerkasTidakValid:
    return _tolak(nama, f"berisi deklarasi DOCTYPE/entitas XML di bagian {bagian}; Excel tidak pernah menulisnya "
                  "(pola serangan, mis. billion laughs atau XXE), jadi berkas ini tidak dibuka",
                  "Jangan buka berkas ini; minta unit pengirim menyimpan ulang buku kerjanya dari Excel sebagai "
                  ".xlsx lalu mengirimkannya lagi.")


def _xml_rusak(nama: str, bagian: str, e: expat.ExpatError) -> BerkasTidakValid:
    return _tolak(nama, f"rusak, XML bagian {bagian} tidak sah (baris {e.lineno}, kolom {e.offset})")


def _cek_prolog(x: bytes) -> bool | None:
    """Does the prolog of this (UTF-8) XML end without a DOCTYPE? True when the root element (or
    something that is not XML at all) is reached, None when more bytes are needed; a DOCTYPE
    raises. The prolog holds only an XML declaration, comments, processing instructions, white
    space and the DOCTYPE (XML 1.0, production 22), so this walk is exact.

    >>> _cek_prolog(b'<?xml version="1.0"?>\\n<!-- x --><worksheet>'), _cek_prolog(b'<?xml version="1.0"?><!-')
    (True, None)
    >>> _cek_prolog(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')
    Traceback (most recent call last):
    iku_xl.workbook.pemeriksaan._Doctype
    """
    i, n = (3 if x.startswith(b"\xef\xbb\xbf") else 0), len(x)
    while True:
        while i < n and x[i] in b" \t\r\n":
            i += 1
        if n - i < 4:
            return None
        if x.startswith(b"<?", i):
            j = x.find(b"?>", i + 2)
            if j < 0:
                return None
            i = j + 2
        elif x.startswith(b"<!--", i):
            j = x.find(b"-->", i + 4)
            if j < 0:
                return None
            i = j + 3
        elif x.startswith(b"<!", i):
            raise _Doctype
        else:
            return True


class _Prolog:
    """Checks that an XML part has no DOCTYPE, from its first bytes (:func:`_cek_prolog`; expat for
    UTF-16). A part that is not XML is left to its readers."""

    def __init__(self, nama: str, bagian: str) -> None:
        self.nama, self.bagian = nama, bagian
        self.p: expat.XMLParserType | None = None  # UTF-16
        self.awal = True
        self.selesai = False
        self.buf = b""

    def _selesai(self) -> None:
        self.selesai, self.buf, self.p = True, b"", None

    def umpan(self, blok: bytes) -> None:
        if self.selesai:
            return
        if not blok:  # the end of the part
            self._selesai()
            return
        if self.awal:
            self.awal = False
            kepala = blok[:4].lstrip()
            if kepala.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00<", b"<\x00")):
                self.p = _parser(self.nama, self.bagian)

                def akar(*_: object) -> None:
                    raise _Akar

                self.p.StartElementHandler = akar
            elif not kepala.startswith((b"<", b"\xef\xbb\xbf")):
                self._selesai()  # not XML
                return
        try:
            if self.p is not None:
                self.p.Parse(blok, False)
                return
            self.buf += blok
            if _cek_prolog(self.buf):
                self._selesai()
            elif len(self.buf) > 65536:
                raise _tolak(self.nama, f"rusak, XML bagian {self.bagian} tidak wajar (pembukaan lebih dari 64 KB)")
        except _Doctype:
            raise _entitas(self.nama, self.bagian) from None
        except (_Akar, expat.ExpatError):  # the root element; or not XML after all: its readers judge it
            self._selesai()


def _periksa_luas(nama: str, lembar: str, baris: int, kolom: int, sel: int, ref_baris: str, ref_kolom: str) -> Luas:
    """The limits on a sheet's extent (:data:`MAKS_BARIS`, :data:`MAKS_KOLOM`, :data:`MAKS_SEL_KOSONG`)."""
    if baris > MAKS_BARIS or kolom > MAKS_KOLOM:
        ref = ref_baris if baris > MAKS_BARIS else ref_kolom
        raise _tolak(nama, f"berisi sel terisi sejauh {ref}; iku-xl membaca paling banyak "
                     f"{_angka(MAKS_BARIS)} baris dan {_angka(MAKS_KOLOM)} kolom (sampai "
                     f"{huruf_kolom(MAKS_KOLOM)}) per lembar",
                     f"Hapus isi sel {ref} di lembar '{lembar}' (ketik {ref} di Kotak Nama lalu tekan "
                     "Delete; hapus juga baris/kolom kosong sesudah data), lalu simpan dan coba lagi.",
                     lembar=lembar, sel=ref)
    kosong = baris * kolom - sel
    if kosong > MAKS_SEL_KOSONG:
        ref = ref_baris if baris * 10 > kolom else ref_kolom
        raise _tolak(nama, f"berisi sel terisi sejauh baris {_angka(baris)} dan kolom {huruf_kolom(kolom)} dengan "
                     f"{_angka(kosong)} sel kosong di antaranya (paling banyak {_angka(MAKS_SEL_KOSONG)})",
                     f"Hapus isi sel yang jauh dari data (mis. {ref}) di lembar '{lembar}', hapus baris/kolom "
                     "kosong sesudah data, lalu simpan dan coba lagi.", lembar=lembar, sel=ref)
    return Luas(baris, kolom, sel)


#: Column letters to numbers, as met (a workbook uses a few dozen).
_KOLOM: dict[bytes, int] = {}


def _nomor_kolom(huruf: bytes) -> int:
    c = _KOLOM.get(huruf)
    if c is None:
        c = _KOLOM.setdefault(huruf, _posisi(huruf.decode() + "1")[1])  # type: ignore[index]
    return c


class _PerluTeliti(Exception):
    """The fast scan met a sheet it cannot measure for sure: expat measures it."""


class _PerluUlang(Exception):
    """The sheet's ``<dimension>`` was not its extent after all: the cells are counted one by one."""


def _pola_paling(batas: str, huruf: bool) -> str:
    """A regex for the numbers 1..``batas`` written as column letters (``huruf``) or as decimal
    digits without a leading zero: every shorter string, and the same length compared character by
    character (same-length letters and digits order as their values).

    >>> import re
    >>> p = re.compile(_pola_paling("43", False))
    >>> [n for n in range(100) if p.fullmatch(str(n))] == list(range(1, 44)), bool(p.fullmatch("07"))
    (True, False)
    >>> p = re.compile(_pola_paling("AK", True))
    >>> [n for n in range(1, 100) if p.fullmatch(huruf_kolom(n))] == list(range(1, 38))
    True
    """
    semua, awal = ("[A-Z]", "[A-Z]") if huruf else ("[0-9]", "[1-9]")
    pilihan = []
    if len(batas) > 1:
        pilihan.append(awal + (f"{semua}{{0,{len(batas) - 2}}}" if len(batas) > 2 else ""))
    for i, ch in enumerate(batas):
        bawah = "A" if huruf else ("1" if i == 0 else "0")
        if ch > bawah:
            atas = chr(ord(ch) - 1)
            sisa = len(batas) - i - 1
            pilihan.append(batas[:i] + (f"[{bawah}-{atas}]" if atas != bawah else bawah)
                           + (f"{semua}{{{sisa}}}" if sisa else ""))
    pilihan.append(batas)
    return "(?:" + "|".join(reversed(pilihan)) + ")"


#: A sheet's stated extent (its ``<dimension>``, to be verified) to its pattern, as met.
_POLA_LUAS: dict[tuple[bytes, bytes], re.Pattern[bytes]] = {}


def _pola_luas(kolom: bytes, baris: bytes) -> re.Pattern[bytes]:
    """Every start of a cell or a row that is NOT written the usual way (``<c r="B3"``, ``<row
    r="3"``) inside the extent up to column ``kolom`` and row ``baris``: search it, and None says
    every cell and row is of that form and inside."""
    p = _POLA_LUAS.get((kolom, baris))
    if p is None:
        if len(_POLA_LUAS) > 4096:
            _POLA_LUAS.clear()
        k, b = _pola_paling(kolom.decode(), True), _pola_paling(baris.decode(), False)
        p = _POLA_LUAS.setdefault((kolom, baris), re.compile(
            rf'<(?:c(?:[\t\n\r\f\v>/]| (?!r="{k}{b}"))|row(?:[\t\n\r\f\v>/]| (?!r="{b}")))'.encode()))
    return p


class _PengukurCepat:
    """A worksheet's extent from byte searches, for the sheets every writer writes (Excel,
    LibreOffice, openpyxl, XlsxWriter): each cell starts ``<c r="B3"`` and each row ``<row r="3"``.
    Every other way of starting a cell or a row (no address, a character reference, a prefix, an
    attribute before ``r``, other white space) is seen, and expat measures the sheet instead.

    Two ways, both exact. The sheet's ``<dimension>`` (written by every writer, never trusted) is
    *verified*: one regex search finds no cell or row outside it or written otherwise, a byte count
    gives the cells, and a cell in its last column and a row (or cell) in its last row exist; no
    object is built per cell. When that fails (no dimension, a wrong one, or one over the limits),
    the cells' addresses are read and the farthest taken, block by block (``_hitung``); a block
    that goes over the limits is read again cell by cell in order, so that the refusal names the
    same cell as expat's (:class:`_Pengukur`) does: the first cell past the limits."""

    # every start of a cell (row): the address when written the usual way, ("", "") otherwise
    _SEL = re.compile(rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})"|[\s>/])')
    _BARIS = re.compile(rb'<row(?: r="([0-9]{1,7})"|[\s>/])')
    _BERAWALAN = re.compile(rb":(?:c|row)[\s>/]")  # a cell or row with a namespace prefix (or text like it)
    _URUT = re.compile(rb'<(?:c r="([A-Z]{1,3})([0-9]{1,7})"|row r="([0-9]{1,7})")')  # both, in order
    _AKAR = re.compile(rb'<worksheet[\s>/][^<>]*>')
    _DIMENSI = re.compile(rb'<dimension ref="(?:[A-Z]{1,3}[1-9][0-9]{0,6}:)?([A-Z]{1,3})([1-9][0-9]{0,6})"')
    #: What the verified way keeps of a sheet's first blocks, to count them again if it fails.
    _SIMPAN = 2 * _BLOK

    def __init__(self, nama: str, lembar: str, petunjuk: bool = True) -> None:
        self.nama, self.lembar = nama, lembar
        self.baris = self.kolom = self.sel = 0
        self.ref_baris = self.ref_kolom = ""
        self.baris_sel = False  # does ref_baris name a cell (not only a row, "A{r}")?
        self.sisa = b""
        self.tepi = b""  # the end of the last piece scanned: a prefix split across two pieces
        self.prolog: _Prolog | None = _Prolog(nama, f"lembar '{lembar}'")
        self.data = 0  # 0 before <sheetData>, 1 inside, 2 after
        self.rumus = False
        # the way: None before the first piece, else the verified extent (column, row, pattern)
        # or False (counting)
        self.cara: tuple[bytes, bytes, re.Pattern[bytes]] | bool | None = None if petunjuk else False
        self.ada_kolom = self.ada_baris = False
        self.simpanan: list[tuple[bytes, int]] | None = []
        self.disimpan = 0

    def umpan(self, blok: bytes) -> None:
        if self.prolog is not None:
            if self.prolog.awal and not blok.lstrip()[:4].startswith((b"<", b"\xef\xbb\xbf<")):
                raise _PerluTeliti  # UTF-16 or another encoding: the byte patterns would see nothing
            self.prolog.umpan(blok)
            if self.prolog.selesai:
                self.prolog = None
        buf = self.sisa + blok if self.sisa else blok
        potong = buf.rfind(b"<")
        if potong < 0 or potong < len(buf) - 32:  # every tag before the last 32 bytes is whole for the patterns
            potong = len(buf)
        self.sisa = buf[potong:]
        self._pindai(buf, potong)

    def _pindai(self, x: bytes, akhir: int) -> None:
        """Scan ``x[:akhir]``: the next piece of the sheet (pieces follow each other)."""
        mulai = 0
        if self.cara is None:  # the first piece: the root's start tag (xmlns:r="http://...") holds no cell
            j = x.find(b"<worksheet", 0, min(akhir, 4096))
            akar = self._AKAR.match(x, j, akhir) if j >= 0 and x.find(b":", 0, j) < 0 else None
            mulai = akar.end() if akar else 0
        if x.find(b":", mulai, akhir) >= 0 and self._BERAWALAN.search(x, mulai, akhir):
            raise _PerluTeliti
        if self.tepi and self._BERAWALAN.search(self.tepi + x[:5]):  # "<x:c" across two pieces
            raise _PerluTeliti
        self.tepi = x[akhir - 4:akhir] if akhir >= 4 else (self.tepi + x[:akhir])[-4:]  # the stream's last 4
        if self.data < 2 and not self.rumus:
            awal = 0
            if self.data == 0:
                awal = x.find(b"<sheetData", 0, akhir)
                self.data = int(awal >= 0)
                awal += len(b"<sheetData")  # the piece below names no sheetData: searched whole
            if self.data:
                ujung = x.find(b"</sheetData>", awal, akhir)
                if ujung >= 0:
                    self.data = 2
                self.rumus = _rumus_di(x, awal, ujung if ujung >= 0 else akhir)
        if self.cara is None:
            self.cara = self._petunjuk(x, akhir)
        if self.cara:
            if self._periksa_petunjuk(x, akhir):
                return
            if self.simpanan is None:  # the first pieces are gone: the sheet is read again
                raise _PerluUlang
            self._ganti_cara()
        self._hitung(x, akhir)

    def _petunjuk(self, x: bytes, akhir: int) -> tuple[bytes, bytes, re.Pattern[bytes]] | bool:
        """The sheet's stated extent, from the first piece, if usable to verify."""
        ujung = x.find(b"<sheetData", 0, akhir)
        m = self._DIMENSI.search(x, 0, ujung if ujung >= 0 else akhir)
        if m is None:
            return False
        kolom, baris = m.groups()
        k, b = _nomor_kolom(kolom), int(baris)
        if k > MAKS_KOLOM or b > MAKS_BARIS or k * b > MAKS_SEL_KOSONG:
            return False  # a refusal names a cell: counted one by one
        return kolom, baris, _pola_luas(kolom, baris)

    def _periksa_petunjuk(self, x: bytes, akhir: int) -> bool:
        """Is this piece inside the stated extent, every cell and row written the usual way?"""
        kolom, baris, pola = self.cara  # type: ignore[misc]
        if pola.search(x, 0, akhir) is not None:
            return False
        if self.simpanan is not None:
            self.disimpan += akhir
            if self.disimpan > self._SIMPAN:
                self.simpanan = None
            else:
                self.simpanan.append((x, akhir))
        self.sel += x.count(b'<c r="', 0, akhir)
        if not self.ada_kolom:  # a cell in the last column: inside, its letters cannot go on
            self.ada_kolom = x.find(b'<c r="' + kolom, 0, akhir) >= 0
        if not self.ada_baris:  # a row (rows come in order: the last first) or a cell in the last row
            i = x.rfind(b'<row r="', 0, akhir)
            self.ada_baris = (i >= 0 and x.startswith(baris + b'"', i + 8)) \
                or x.find(b'<row r="' + baris + b'"', 0, akhir) >= 0 \
                or re.search(rb'<c r="[A-Z]{1,3}' + baris + b'"', x[:akhir]) is not None
        return True

    def _ganti_cara(self) -> None:
        """From verifying the stated extent to counting: the pieces verified so far counted again."""
        simpanan, self.simpanan = self.simpanan or [], None
        self.cara, self.sel = False, 0
        for x, akhir in simpanan:
            self._hitung(x, akhir)

    def _hitung(self, x: bytes, akhir: int) -> None:
        ref = self._SEL.findall(x, 0, akhir)
        baris = self._BARIS.findall(x, 0, akhir)
        if b"" in baris:
            raise _PerluTeliti
        kol, nomor = zip(*ref) if ref else ((), ())
        if b"" in kol:  # a cell started otherwise than <c r="B3"
            raise _PerluTeliti
        r_baris = max(map(int, baris)) if baris else 0
        angka = list(map(int, nomor))
        r_sel = max(angka) if angka else 0
        huruf = max(set(kol), key=_nomor_kolom) if kol else b""
        k = _nomor_kolom(huruf) if kol else 0
        if r_sel > MAKS_BARIS or k > MAKS_KOLOM:  # a cell past the limits: the first one is named
            self._satu_satu(x, akhir)
            return
        self.sel += len(ref)
        r = max(r_baris, r_sel)
        if r > self.baris:
            self.baris, self.ref_baris, self.baris_sel = r, f"A{r}", False
        if angka and r_sel == self.baris and not self.baris_sel:  # the first cell in the farthest row
            i = angka.index(r_sel)
            self.ref_baris, self.baris_sel = (kol[i] + nomor[i]).decode(), True
        if k > self.kolom:  # the first cell in the farthest column
            self.kolom, self.ref_kolom = k, (huruf + nomor[kol.index(huruf)]).decode()

    def _satu_satu(self, x: bytes, akhir: int) -> None:
        """This piece's cells and rows one by one, in order, as :class:`_Pengukur` reads them:
        refused at the first cell past the limits."""
        for m in self._URUT.finditer(x, 0, akhir):
            huruf, nomor, baris = m.groups()
            if baris is not None:
                r = int(baris)
                if r > self.baris:
                    self.baris, self.ref_baris, self.baris_sel = r, f"A{r}", False
                continue
            r, c = int(nomor), _nomor_kolom(huruf)
            self.sel += 1
            if r > self.baris or (r == self.baris and not self.baris_sel):
                self.baris, self.ref_baris, self.baris_sel = r, (huruf + nomor).decode(), True
            if c > self.kolom:
                self.kolom, self.ref_kolom = c, (huruf + nomor).decode()
            if r > MAKS_BARIS or c > MAKS_KOLOM:
                self._luas()

    def _luas(self) -> Luas:
        return _periksa_luas(self.nama, self.lembar, self.baris, self.kolom, self.sel, self.ref_baris,
                             self.ref_kolom)

    def selesai(self) -> Luas:
        if self.sisa:
            x, self.sisa = self.sisa, b""  # from the last "<": usually "</worksheet>", nothing to count
            if b"<c" in x or b"<row" in x or b":" in x or b"<f" in x or b"#" in x:
                self._pindai(x, len(x))
        if self.cara:
            kolom, baris, _ = self.cara  # type: ignore[misc]
            if not (self.ada_kolom and self.ada_baris):  # inside, but not as far as stated
                if self.simpanan is None:
                    raise _PerluUlang
                self._ganti_cara()
            else:
                self.kolom, self.baris = _nomor_kolom(kolom), int(baris)
        luas = self._luas()
        return Luas(luas.baris, luas.kolom, luas.sel, self.rumus)


def _rumus_di(x: bytes, awal: int, akhir: int) -> bool:
    """:func:`mungkin_rumus_atau_galat` on ``x[awal:akhir]``, the cells (``sheetData``) or a piece
    of them, without a copy: a ``#``, or an ``f`` that is a tag."""
    if x.find(b"#", awal, akhir) != -1:
        return True
    i = x.find(b"f", awal, akhir)
    while i != -1:
        if x[i - 1:i] in (b"<", b":") and x[i + 1:i + 2] in (b">", b" "):  # <f>, <f t="shared" ...>, <x:f>
            return True
        i = x.find(b"f", i + 1, akhir)
    return False


class _Pengukur:
    """A worksheet's extent, from expat's start-element events (no tree is built): rows and
    cells without an ``r`` follow the one before, as openpyxl reads them."""

    def __init__(self, nama: str, lembar: str) -> None:
        self.nama, self.lembar = nama, lembar
        self.baris = self.kolom = self.sel = 0
        self.r = self.c = 0
        self.ref_baris = self.ref_kolom = ""
        self.baris_sel = False  # does ref_baris name a cell (not only a row, "A{r}")?
        self.p = _parser(nama, lembar)
        self.p.StartElementHandler = self._mulai
        self.p.buffer_text = True

    def _mulai(self, tag: str, atribut: dict[str, str]) -> None:
        if ":" in tag:
            tag = tag.rpartition(":")[2]
        if tag == "c":
            ref = atribut.get("r")
            if ref:
                pos = _posisi(ref)
                if pos is None:
                    raise _tolak(self.nama, f"rusak, alamat sel '{ref[:20]}' tidak sah", lembar=self.lembar)
                r, self.c = pos
            else:
                r, self.c = self.r, self.c + 1
            self.sel += 1
            if r > self.baris or (r == self.baris and not self.baris_sel):  # a cell names it better than a row
                self.baris, self.ref_baris, self.baris_sel = r, ref or f"{huruf_kolom(self.c)}{r}", True
            if self.c > self.kolom:
                self.kolom, self.ref_kolom = self.c, ref or f"{huruf_kolom(self.c)}{r}"
            if r > MAKS_BARIS or self.c > MAKS_KOLOM:
                self._batas()
        elif tag == "row":
            ref = atribut.get("r")
            try:
                self.r = int(float(ref)) if ref else self.r + 1
            except ValueError:
                raise _tolak(self.nama, f"rusak, nomor baris '{ref[:20]}' tidak sah", lembar=self.lembar) from None
            self.c = 0
            if self.r > self.baris:  # an empty row far away: openpyxl's read-only rows fill up to it
                self.baris, self.ref_baris, self.baris_sel = self.r, f"A{self.r}", False

    def _batas(self) -> Luas:
        luas = _periksa_luas(self.nama, self.lembar, self.baris, self.kolom, self.sel, self.ref_baris,
                             self.ref_kolom)
        return Luas(luas.baris, luas.kolom, luas.sel, True)  # a rare sheet: not looked at closely

    def umpan(self, blok: bytes) -> None:
        try:
            self.p.Parse(blok, False)
        except _Doctype:
            raise _entitas(self.nama, f"lembar '{self.lembar}'") from None
        except expat.ExpatError as e:
            raise _xml_rusak(self.nama, f"lembar '{self.lembar}'", e) from None

    def selesai(self) -> Luas:
        try:
            self.p.Parse(b"", True)
        except expat.ExpatError as e:
            raise _xml_rusak(self.nama, f"lembar '{self.lembar}'", e) from None
        return self._batas()


class _Pengumpul:
    """The start tags of a small part (workbook.xml, its relationships), attributes by tag."""

    def __init__(self, nama: str, bagian: str, dicari: str) -> None:
        self.nama, self.bagian, self.dicari = nama, bagian, dicari
        self.hasil: list[dict[str, str]] = []
        self.p = _parser(nama, bagian)
        self.p.StartElementHandler = self._mulai

    def _mulai(self, tag: str, atribut: dict[str, str]) -> None:
        if tag.rpartition(":")[2] == self.dicari:
            self.hasil.append({k.rpartition(":")[2]: v for k, v in atribut.items()})  # r:id -> id

    def umpan(self, blok: bytes) -> None:
        try:
            self.p.Parse(blok, False)
        except _Doctype:
            raise _entitas(self.nama, self.bagian) from None
        except expat.ExpatError as e:
            raise _xml_rusak(self.nama, self.bagian, e) from None


def _kumpulkan(nama: str, z: zipfile.ZipFile, f: BinaryIO, bagian: str, tag: str, sisa: list[int],
               dibaca: set[str]) -> list[dict[str, str]]:
    try:
        e = z.getinfo(bagian)
    except KeyError:
        return []
    k = _Pengumpul(nama, bagian, tag)
    _alirkan(nama, f, e, sisa, k.umpan)
    dibaca.add(bagian)
    return k.hasil


def _lembar_kerja(nama: str, z: zipfile.ZipFile, f: BinaryIO,
                  sisa: list[int]) -> tuple[dict[str, str], set[str]]:
    """The worksheets' parts, to their names: from the package's relationships to workbook.xml, its
    sheets and their relationships. Also the parts python-calamine reads besides the sheets and
    besides those three (inflated whole here, through expat, which refuses a DOCTYPE): the shared
    strings, the styles and the content types."""
    dibaca: set[str] = set()
    utama = "xl/workbook.xml"
    for a in _kumpulkan(nama, z, f, "_rels/.rels", "Relationship", sisa, dibaca):
        if a.get("Type", "").endswith("/officeDocument"):
            utama = a.get("Target", utama).lstrip("/")
    folder, _, berkas = utama.rpartition("/")
    relasi = {a.get("Id"): a for a in _kumpulkan(nama, z, f, f"{folder}/_rels/{berkas}.rels", "Relationship",
                                                   sisa, dibaca)}
    lembar: dict[str, str] = {}
    penuh = {"[Content_Types].xml", "_rels/.rels", utama, f"{folder}/_rels/{berkas}.rels"}
    for r in relasi.values():  # what calamine reads besides the sheets
        if r.get("Type", "").endswith(("/sharedStrings", "/styles")):
            target = r.get("Target", "")
            penuh.add(target.lstrip("/") if target.startswith("/") else normpath(f"{folder}/{target}"))
    for a in _kumpulkan(nama, z, f, utama, "sheet", sisa, dibaca):
        r = relasi.get(a.get("id"))
        if r is None or not r.get("Type", "").endswith("/worksheet"):
            continue  # chart sheets, dialog sheets: not read densely
        target = r.get("Target", "")
        bagian = target.lstrip("/") if target.startswith("/") else normpath(f"{folder}/{target}")
        lembar[bagian] = a.get("name", "")
    return lembar, penuh - dibaca


def diperiksa(baca: Callable[..., T]) -> Callable[..., T]:
    """A reader ``baca(path, ...)`` that opens the workbook itself: the file is checked first
    (:func:`periksa_berkas`) and the whole read is inside :func:`batas_baca`."""
    @functools.wraps(baca)
    def dibungkus(path: str | Path, *args: Any, **kwargs: Any) -> T:
        periksa_berkas(path)
        with batas_baca(path):
            return baca(path, *args, **kwargs)
    return dibungkus


# ---- the one boundary where a reader's errors on a damaged file become input errors -------------

@contextmanager
def batas_baca(path: str | Path) -> Iterator[None]:
    """Around a reader opening (and lazily reading) a workbook that :func:`periksa_berkas` passed:
    what it raises on a damaged file is an input error in Indonesian (exit 2). Only the reader's
    own calls belong inside: a bug in iku-xl's code stays a bug (exit 1).

    >>> with batas_baca("unit.xlsx"):
    ...     raise zlib.error("invalid distance too far back")
    Traceback (most recent call last):
    iku_xl.core.errors.BerkasTidakValid: berkas 'unit.xlsx' tidak dapat dibuka: rusak, data terkompresi di dalamnya tidak dapat dibaca (zlib.error)...
    """
    import xml.etree.ElementTree as ET

    from defusedxml import DefusedXmlException
    from openpyxl.utils.exceptions import InvalidFileException

    nama = Path(path).name
    try:
        yield
    except IkuError:
        raise
    except (zlib.error, zipfile.BadZipFile, EOFError) as e:
        jenis = "zlib.error" if isinstance(e, zlib.error) else type(e).__name__
        raise _tolak(nama, f"rusak, data terkompresi di dalamnya tidak dapat dibaca ({jenis})") from None
    except IndexError:  # a cell pointing past the shared strings or styles
        raise _tolak(nama, "rusak, ada sel yang merujuk teks bersama (sharedStrings) atau gaya yang tidak ada "
                     "(IndexError)") from None
    except DefusedXmlException:
        raise _tolak(nama, "berisi deklarasi entitas XML yang tidak diizinkan (pola serangan, mis. billion laughs "
                     "atau XXE)", "Minta unit pengirim menyimpan ulang buku kerjanya dari Excel sebagai .xlsx.") from None
    except (expat.ExpatError, ET.ParseError, SyntaxError) as e:
        raise _tolak(nama, f"rusak, XML di dalamnya tidak sah ({type(e).__name__})") from None
    except (InvalidFileException, KeyError, ValueError, TypeError) as e:  # a part missing or malformed
        raise _tolak(nama, f"isinya tidak sesuai format .xlsx ({type(e).__name__})") from None
    except MemoryError:
        raise _tolak(nama, "terlalu besar untuk memori komputer ini",
                     "Tutup program lain, atau pisahkan isinya ke beberapa buku kerja.") from None
    except OSError as e:
        raise _tolak(nama, _alasan_os(e),
                     "Periksa izin baca berkas; tutup berkas itu di Excel bila sedang dibuka.") from None
