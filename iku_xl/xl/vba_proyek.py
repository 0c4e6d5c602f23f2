"""Build a VBA project (``vbaProject.bin``) from module source text, without Excel.

The pieces follow Microsoft's open specifications:

* [MS-OVBA] 2.4.1 -- the compression of the ``dir`` stream and of every module's source
  (CompressedContainer of 4096-byte chunks; copy tokens split per 2.4.1.3.19.1:
  ``BitCount = max(ceil(log2(difference)), 4)``, ``MaximumLength = (0xFFFF >> BitCount) + 3``;
  matching per 2.4.1.3.19.4: the longest match, the nearest one among equals).
* [MS-OVBA] 2.3.4.2 -- the ``dir`` stream (PROJECTINFORMATION, PROJECTREFERENCES,
  PROJECTMODULES), with PROJECTCOMPATVERSION and references to stdole and the Office type
  library, as Excel writes them; 2.3.4.1 -- the ``_VBA_PROJECT`` stream, written as the bare
  7-byte header of the spec's example 3.1.1 (version 0xFFFF, Reserved3 0x0001), so Office
  finds no performance cache and compiles the project from source; 2.3.4.3 -- module
  streams (MODULEOFFSET 0: source only). Standard modules (MODULETYPE 0x0021), document
  and class modules (0x0022); a class module's source carries the ``Attribute VB_*`` lines
  Excel stores (the ``VERSION 1.0 CLASS``/``BEGIN``/``END`` header of an exported .cls is
  dropped, as the VBA editor does on import), its ``VB_Description`` goes to
  MODULEDOCSTRING.
* [MS-OVBA] 2.3.1 -- the ``PROJECT`` text stream, with CMG/DPB/GC obfuscated per 2.4.3.2
  (unprotected, no password, visible: 2.3.1.15-2.3.1.17); 2.3.3 -- ``PROJECTwm``.
* [MS-CFB] -- a minimal version-3 Compound File writer: 512-byte sectors, 64-byte mini
  sectors below the 4096-byte cutoff, FAT listed in the header's DIFAT (<= 109 sectors),
  directory siblings as a balanced red-black tree (2.6.4, ordered by name length, then
  upper-case name).

Everything is deterministic: the project GUID derives from the project name, CLSIDs and
times are zero, and the obfuscation seeds derive from the GUID, so a rebuild of the same
sources gives the same bytes.
"""

from __future__ import annotations

import hashlib
import re
import struct
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["ModulVBA", "kompres", "dekompres", "buat_vba_project", "daftar_modul", "modul_dokumen", "modul_kelas"]

#: PROJECTSYSKIND: 0x00000003 = 64-bit Windows, what current (64-bit) Office writes.
SYSKIND = 3
LCID = 0x409
CODEPAGE = 1252
STDOLE = r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\Windows\System32\stdole2.tlb#OLE Automation"
#: The Office type library, as Excel 2016-365 (64-bit) writes it (REFERENCEREGISTERED "Office").
OFFICE = (r"*\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#C:\Program Files\Common Files\Microsoft Shared"
          r"\OFFICE16\MSO.DLL#Microsoft Office 16.0 Object Library")
#: PROJECTCOMPATVERSION (2.3.4.2.1.2): the value Excel 365 writes (xlwings' quickstart.xlsm).
VERSI_KOMPAT = 5
#: The ``_VBA_PROJECT`` stream: Reserved1 0x61CC, Version 0xFFFF, Reserved2 0x00, Reserved3 0x0001 (3.1.1).
VBA_PROJECT = bytes.fromhex("CC61FFFF000100")
BASIS_BUKU = "0{00020819-0000-0000-C000-000000000046}"
BASIS_LEMBAR = "0{00020820-0000-0000-C000-000000000046}"
BASIS_KELAS = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"
#: The attribute lines of a class module, in the order Excel stores them; the four a .cls file
#: may set come from the file, the others are Excel's fixed values.
_ATRIBUT_KELAS = ("VB_Name", "VB_Base", "VB_GlobalNameSpace", "VB_Creatable", "VB_PredeclaredId", "VB_Exposed",
                  "VB_TemplateDerived", "VB_Customizable")
_ATRIBUT = re.compile(r"Attribute (VB_\w+) = (.*)\Z")
_NAMA_SAH = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,30}\Z")
_VB_NAME = re.compile(r'Attribute VB_Name = "([^"]*)"', re.IGNORECASE)


@dataclass(frozen=True)
class ModulVBA:
    """One VBA module: its name, its source (as in an exported .bas file) and its kind.

    ``jenis`` is ``"standar"`` (a .bas module), ``"kelas"`` (a class module: build it with
    :func:`modul_kelas` from a .cls file) or ``"dokumen"`` (ThisWorkbook or a worksheet's
    module; its name must equal the workbook's / sheet's code name).
    """

    nama: str
    kode: str
    jenis: str = "standar"

    def __post_init__(self) -> None:
        if not _NAMA_SAH.match(self.nama) or self.nama.lower() == "dir":
            raise ValueError(f"nama modul VBA tidak sah: {self.nama!r}")
        if self.jenis not in ("standar", "kelas", "dokumen"):
            raise ValueError(f"modul {self.nama!r}: jenis harus 'standar', 'kelas' atau 'dokumen', "
                             f"bukan {self.jenis!r}")
        if not self.kode.isascii():
            i, ch = next((i, ch) for i, ch in enumerate(self.kode) if ord(ch) > 127)
            raise ValueError(f"modul {self.nama!r}: kode VBA harus ASCII; karakter pertama yang bukan ASCII: "
                             f"{ch!r} (U+{ord(ch):04X}) di baris {self.kode.count(chr(10), 0, i) + 1}")


def modul_dokumen(nama: str, lembar: bool) -> ModulVBA:
    """The empty document module Excel writes for the workbook (``lembar=False``) or a sheet.

    >>> print(modul_dokumen("Sheet1", True).kode.splitlines()[1])
    Attribute VB_Base = "0{00020820-0000-0000-C000-000000000046}"
    """
    atribut = [("VB_Name", f'"{nama}"'), ("VB_Base", f'"{BASIS_LEMBAR if lembar else BASIS_BUKU}"'),
               ("VB_GlobalNameSpace", "False"), ("VB_Creatable", "False"), ("VB_PredeclaredId", "True"),
               ("VB_Exposed", "True"), ("VB_TemplateDerived", "False"), ("VB_Customizable", "True")]
    return ModulVBA(nama, "".join(f"Attribute {k} = {v}\r\n" for k, v in atribut), "dokumen")


def modul_kelas(kode_cls: str) -> ModulVBA:
    r"""A class module from the text of an exported .cls file, stored the way Excel stores it.

    The export header (``VERSION 1.0 CLASS``, ``BEGIN`` ... ``END``) is dropped, and the
    attribute block becomes Excel's eight lines: the file's VB_Name, VB_GlobalNameSpace,
    VB_Creatable, VB_PredeclaredId and VB_Exposed, plus VB_Base, VB_TemplateDerived and
    VB_Customizable; further module attributes (VB_Description) follow, then the code.

    >>> m = modul_kelas('VERSION 1.0 CLASS\r\nBEGIN\r\n  MultiUse = -1  \'True\r\nEND\r\n'
    ...                 'Attribute VB_Name = "Titik"\r\nAttribute VB_Exposed = False\r\nPublic X As Long\r\n')
    >>> print(m.kode.replace("\r\n", "\n"), end="")
    Attribute VB_Name = "Titik"
    Attribute VB_Base = "0{FCFB3D2A-A0FA-1068-A738-08002B3371B5}"
    Attribute VB_GlobalNameSpace = False
    Attribute VB_Creatable = False
    Attribute VB_PredeclaredId = False
    Attribute VB_Exposed = False
    Attribute VB_TemplateDerived = False
    Attribute VB_Customizable = False
    Public X As Long
    """
    baris = kode_cls.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if baris and baris[0].strip().upper().startswith("VERSION "):
        akhir = next((i for i, b in enumerate(baris) if b.strip().upper() == "END"), None)
        if akhir is None:
            raise ValueError("berkas .cls: kepala VERSION ... BEGIN tanpa END")
        baris = baris[akhir + 1:]
    atribut: dict[str, str] = {}
    while baris and (cocok := _ATRIBUT.match(baris[0].strip())):
        atribut[cocok.group(1)] = cocok.group(2)
        baris.pop(0)
    if "VB_Name" not in atribut:
        raise ValueError("berkas .cls tanpa baris Attribute VB_Name")
    nama = atribut["VB_Name"].strip('"')
    tetap = {"VB_Base": f'"{BASIS_KELAS}"', "VB_GlobalNameSpace": "False", "VB_Creatable": "False",
             "VB_PredeclaredId": "False", "VB_Exposed": "False", "VB_TemplateDerived": "False",
             "VB_Customizable": "False"}
    tetap.update({k: v for k, v in atribut.items() if k in ("VB_GlobalNameSpace", "VB_Creatable",
                                                              "VB_PredeclaredId", "VB_Exposed")})
    kepala = [f"Attribute VB_Name = {atribut['VB_Name']}"] + [f"Attribute {k} = {tetap[k]}" for k in _ATRIBUT_KELAS[1:]]
    kepala += [f"Attribute {k} = {v}" for k, v in atribut.items() if k not in _ATRIBUT_KELAS]
    return ModulVBA(nama, "\r\n".join(kepala + baris), "kelas")


def _keterangan(m: ModulVBA) -> str:
    """A module's description (MODULEDOCSTRING): its module-level ``VB_Description``, as Excel stores it."""
    for baris in m.kode.replace("\r\n", "\n").split("\n"):
        cocok = _ATRIBUT.match(baris.strip())
        if not cocok:
            break
        if cocok.group(1) == "VB_Description":
            return cocok.group(2).strip('"').replace("\\r\\n", "\r\n")
    return ""


# ---------------------------------------------------------------- [MS-OVBA] 2.4.1 compression

def _bantuan_salin(selisih: int) -> tuple[int, int]:
    """CopyToken Help (2.4.1.3.19.1): (BitCount, MaximumLength) at ``selisih`` bytes into the chunk."""
    bit = max((selisih - 1).bit_length(), 4)
    return bit, (0xFFFF >> bit) + 3


def _kompres_potongan(data: bytes, awal: int, akhir: int) -> bytes:
    """Compress one chunk data[awal:akhir] (<= 4096 bytes) into a CompressedChunk (2.4.1.3.7)."""
    keluar = bytearray()
    indeks: dict[bytes, list[int]] = {}
    kini = sudah = awal  # positions below `sudah` are in the index of 3-byte prefixes
    while kini < akhir:
        posisi_bendera, bendera = len(keluar), 0
        keluar.append(0)
        for bit in range(8):
            if kini >= akhir:
                break
            for p in range(sudah, min(kini, akhir - 2)):
                indeks.setdefault(data[p:p + 3], []).append(p)
            sudah = max(sudah, kini)
            terbaik, calon_terbaik, batas = 0, -1, akhir - kini
            for calon in reversed(indeks.get(data[kini:kini + 3], ()) if batas >= 3 else ()):
                # only a candidate that also matches at index `terbaik` can be strictly longer
                if terbaik and (terbaik >= batas or data[calon + terbaik] != data[kini + terbaik]):
                    continue
                n = 3
                while n < batas and data[calon + n] == data[kini + n]:
                    n += 1
                if n > terbaik:
                    terbaik, calon_terbaik = n, calon
                    if n == batas:
                        break
            if terbaik >= 3:
                jumlah_bit, maks = _bantuan_salin(kini - awal)
                panjang = min(terbaik, maks)
                token = ((kini - calon_terbaik - 1) << (16 - jumlah_bit)) | (panjang - 3)
                keluar += struct.pack("<H", token)
                bendera |= 1 << bit
                kini += panjang
            else:
                keluar.append(data[kini])
                kini += 1
        keluar[posisi_bendera] = bendera
    if len(keluar) < 4096:  # CompressedChunkSize (size - 3, 12 bits) stays below 0xFFF
        return struct.pack("<H", 0xB000 | (len(keluar) + 2 - 3)) + keluar
    # Compressing a RawChunk (2.4.1.3.10): 4096 bytes, a short last chunk padded with 0x00
    return struct.pack("<H", 0x3000 | 0x0FFF) + data[awal:akhir].ljust(4096, b"\0")


def kompres(data: bytes) -> bytes:
    """Compress ``data`` into an MS-OVBA CompressedContainer (2.4.1.3.6).

    >>> kompres(b"abcdefghijklmnopqrstuv.").hex(" ")
    '01 19 b0 00 61 62 63 64 65 66 67 68 00 69 6a 6b 6c 6d 6e 6f 70 00 71 72 73 74 75 76 2e'
    """
    data = bytes(data)
    return b"\x01" + b"".join(_kompres_potongan(data, i, min(i + 4096, len(data)))
                              for i in range(0, len(data), 4096))


def dekompres(data: bytes) -> bytes:
    """Decompress an MS-OVBA CompressedContainer (2.4.1.3.1); ValueError if it is malformed.

    >>> dekompres(bytes.fromhex("01 03 B0 02 61 45 00")) == b"a" * 73
    True
    """
    if not data or data[0] != 0x01:
        raise ValueError("bukan CompressedContainer MS-OVBA (byte tanda harus 0x01)")
    keluar, pos = bytearray(), 1
    while pos < len(data):
        if pos + 2 > len(data):
            raise ValueError(f"kepala potongan terpotong di byte {pos}")
        (kepala,) = struct.unpack_from("<H", data, pos)
        if (kepala >> 12) & 0b111 != 0b011:
            raise ValueError(f"tanda potongan salah di byte {pos}: 0x{kepala:04X}")
        akhir_potongan = min(pos + (kepala & 0x0FFF) + 3, len(data))
        pos += 2
        if not kepala & 0x8000:  # RawChunk
            keluar += data[pos:pos + 4096]
            pos += 4096
            continue
        awal = len(keluar)
        while pos < akhir_potongan:
            bendera = data[pos]
            pos += 1
            for bit in range(8):
                if pos >= akhir_potongan:
                    break
                if not bendera >> bit & 1:
                    keluar.append(data[pos])
                    pos += 1
                    continue
                if pos + 2 > akhir_potongan:
                    raise ValueError(f"token salin terpotong di byte {pos}")
                (token,) = struct.unpack_from("<H", data, pos)
                pos += 2
                jumlah_bit, _ = _bantuan_salin(len(keluar) - awal)
                geser = (token >> (16 - jumlah_bit)) + 1
                panjang = (token & (0xFFFF >> jumlah_bit)) + 3
                sumber = len(keluar) - geser
                if sumber < awal:
                    raise ValueError(f"token salin menunjuk sebelum awal potongan (byte {pos - 2})")
                for i in range(panjang):  # byte by byte: the copy may overlap its own output
                    keluar.append(keluar[sumber + i])
    return bytes(keluar)


# ---------------------------------------------------------------- the project's streams

def _rekam(ident: int, isi: bytes) -> bytes:
    """One dir-stream record: Id (2 bytes), Size (4 bytes), data."""
    return struct.pack("<HI", ident, len(isi)) + isi


def _teks(ident: int, ident_unicode: int, teks: str) -> bytes:
    """A record with an MBCS string followed by its Reserved/Unicode twin."""
    return _rekam(ident, teks.encode("cp1252")) + _rekam(ident_unicode, teks.encode("utf-16-le"))


def _aliran_dir(nama_proyek: str, modul: Sequence[ModulVBA]) -> bytes:
    """The decompressed ``dir`` stream (2.3.4.2)."""
    info = (_rekam(0x0001, struct.pack("<I", SYSKIND)) + _rekam(0x004A, struct.pack("<I", VERSI_KOMPAT))
            + _rekam(0x0002, struct.pack("<I", LCID))
            + _rekam(0x0014, struct.pack("<I", LCID)) + _rekam(0x0003, struct.pack("<H", CODEPAGE))
            + _rekam(0x0004, nama_proyek.encode("cp1252")) + _teks(0x0005, 0x0040, "")
            + _teks(0x0006, 0x003D, "") + _rekam(0x0007, struct.pack("<I", 0))
            + _rekam(0x0008, struct.pack("<I", 0))
            + struct.pack("<HIIH", 0x0009, 4, 1, 0)  # PROJECTVERSION: Reserved=4, major, minor
            + _teks(0x000C, 0x003C, ""))
    referensi = b""
    for nama_ref, libid in (("stdole", STDOLE.encode("cp1252")), ("Office", OFFICE.encode("cp1252"))):
        referensi += (_teks(0x0016, 0x003E, nama_ref)  # REFERENCENAME, then REFERENCEREGISTERED
                      + _rekam(0x000D, struct.pack("<I", len(libid)) + libid + struct.pack("<IH", 0, 0)))
    modul_dir = _rekam(0x000F, struct.pack("<H", len(modul))) + _rekam(0x0013, struct.pack("<H", 0xFFFF))
    for m in modul:
        modul_dir += (_rekam(0x0019, m.nama.encode("cp1252")) + _rekam(0x0047, m.nama.encode("utf-16-le"))
                      + _teks(0x001A, 0x0032, m.nama) + _teks(0x001C, 0x0048, _keterangan(m))
                      + _rekam(0x0031, struct.pack("<I", 0)) + _rekam(0x001E, struct.pack("<I", 0))
                      + _rekam(0x002C, struct.pack("<H", 0xFFFF))
                      + struct.pack("<HI", 0x0021 if m.jenis == "standar" else 0x0022, 0)
                      + struct.pack("<HI", 0x002B, 0))
    return info + referensi + modul_dir + struct.pack("<HI", 0x0010, 0)


def _sumber(m: ModulVBA) -> bytes:
    """The module's source as stored: CRLF line ends, ending in CRLF, ``VB_Name`` first."""
    teks = m.kode.replace("\r\n", "\n").replace("\r", "\n")
    cocok = _VB_NAME.match(teks)
    if cocok and cocok.group(1) != m.nama:
        raise ValueError(f"modul {m.nama!r}: kodenya menyatakan Attribute VB_Name = {cocok.group(1)!r}")
    if not cocok:
        if m.jenis != "standar":
            raise ValueError(f"modul {m.jenis} {m.nama!r} tanpa baris Attribute "
                             f"(pakai modul_{m.jenis}())")
        teks = f'Attribute VB_Name = "{m.nama}"\n' + teks
    if not teks.endswith("\n"):
        teks += "\n"
    return teks.replace("\n", "\r\n").encode("ascii")


def _enkripsi(data: bytes, id_proyek: str, label: str) -> str:
    """Data Encryption (2.4.3.2) as upper-case hex; seed and ignored bytes derive from the id."""
    acak = hashlib.sha256(f"{id_proyek}/{label}".encode()).digest()
    benih = acak[0]
    kunci = sum(id_proyek.encode("ascii")) & 0xFF
    keluar = bytearray([benih, benih ^ 2, benih ^ kunci])
    tak_enkrip1, enkrip1, enkrip2 = kunci, benih ^ kunci, benih ^ 2
    for b in acak[1:1 + (benih & 6) // 2] + struct.pack("<I", len(data)) + data:
        b_enkrip = b ^ ((enkrip2 + tak_enkrip1) & 0xFF)
        keluar.append(b_enkrip)
        enkrip2, enkrip1, tak_enkrip1 = enkrip1, b_enkrip, b
    return keluar.hex().upper()


def _aliran_project(nama_proyek: str, id_proyek: str, modul: Sequence[ModulVBA]) -> bytes:
    """The ``PROJECT`` text stream (2.3.1), CRLF line ends."""
    baris = [f'ID="{id_proyek}"']
    baris += [{"dokumen": f"Document={m.nama}/&H00000000", "kelas": f"Class={m.nama}",
               "standar": f"Module={m.nama}"}[m.jenis] for m in modul]
    baris += [f'Name="{nama_proyek}"', 'HelpContextID="0"', 'VersionCompatible32="393222000"',
              f'CMG="{_enkripsi(bytes(4), id_proyek, "CMG")}"', f'DPB="{_enkripsi(bytes(1), id_proyek, "DPB")}"',
              f'GC="{_enkripsi(bytes([0xFF]), id_proyek, "GC")}"', "",
              "[Host Extender Info]", "&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000", "",
              "[Workspace]"]
    baris += [f"{m.nama}=0, 0, 0, 0, C" for m in modul]
    return ("\r\n".join(baris) + "\r\n").encode("cp1252")


def buat_vba_project(modul: Sequence[ModulVBA], *, nama_proyek: str = "VBAProject") -> bytes:
    """A complete ``vbaProject.bin`` (a Compound File) holding ``modul``, compiled by Office on open."""
    if not _NAMA_SAH.match(nama_proyek):
        raise ValueError(f"nama proyek VBA tidak sah: {nama_proyek!r}")
    nama = [m.nama.upper() for m in modul]
    if len(set(nama)) != len(nama):
        raise ValueError(f"nama modul VBA kembar (huruf besar/kecil tidak dibedakan): {[m.nama for m in modul]}")
    id_proyek = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"iku-xl:vba:{nama_proyek}")).upper() + "}"
    vba: dict[str, bytes | dict] = {"dir": kompres(_aliran_dir(nama_proyek, modul)),
                                    "_VBA_PROJECT": VBA_PROJECT}
    vba.update({m.nama: kompres(_sumber(m)) for m in modul})
    wm = b"".join(m.nama.encode("cp1252") + b"\0" + m.nama.encode("utf-16-le") + b"\0\0" for m in modul)
    return _cfb({"VBA": vba, "PROJECT": _aliran_project(nama_proyek, id_proyek, modul), "PROJECTwm": wm + b"\0\0"})


# ---------------------------------------------------------------- [MS-CFB] version 3 writer

_BEBAS, _AKHIR, _FAT, _TIADA = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _pohon(anak: list[int], urut: list[str]) -> tuple[int, dict[int, tuple[int, int, int]]]:
    """Balanced red-black tree over entry ids: root id, and id -> (left, right, colour 0 red/1 black).

    Middle split fills every level but the last; colouring the last level red (when it is not
    full) gives every path the same number of black nodes and no red node a red child.
    """
    anak = sorted(anak, key=lambda i: (len(urut[i]), urut[i].upper()))
    simpul: dict[int, tuple[int, int, int]] = {}
    kedalaman: dict[int, int] = {}

    def bangun(a: int, b: int, d: int) -> int:
        if a >= b:
            return _TIADA
        t = (a + b) // 2
        kedalaman[anak[t]] = d
        simpul[anak[t]] = (bangun(a, t, d + 1), bangun(t + 1, b, d + 1), 1)
        return anak[t]

    akar = bangun(0, len(anak), 0)
    dalam = max(kedalaman.values(), default=0)
    if len(anak) != 2 ** (dalam + 1) - 1:
        simpul = {i: (ki, ka, 0 if kedalaman[i] == dalam else 1) for i, (ki, ka, _) in simpul.items()}
    return akar, simpul


def _rantai(data: bytes, ukuran: int, blok: list[bytes], tabel: list[int]) -> int:
    """Append ``data`` to ``blok`` as ``ukuran``-byte sectors chained in ``tabel``; return the first."""
    n, mulai = -(-len(data) // ukuran), len(blok)
    blok += [data[k * ukuran:(k + 1) * ukuran].ljust(ukuran, b"\0") for k in range(n)]
    tabel += [mulai + k + 1 for k in range(n - 1)] + [_AKHIR] * (n > 0)
    return mulai if n else _AKHIR


def _u32(nilai: list[int]) -> bytes:
    return struct.pack(f"<{len(nilai)}I", *nilai)


def _cfb(akar: dict) -> bytes:
    """Write the storage tree ``akar`` (name -> bytes for a stream, or dict for a storage)."""
    nama, isi, anak = ["Root Entry"], [None], [[]]  # isi: None for a storage, else the stream's bytes

    def daftar(induk: int, pohon: dict) -> None:
        for n, v in pohon.items():
            nama.append(n)
            isi.append(None if isinstance(v, dict) else bytes(v))
            anak.append([])
            anak[induk].append(len(nama) - 1)
            if isinstance(v, dict):
                daftar(len(nama) - 1, v)
    daftar(0, akar)

    sektor: list[bytes] = []
    fat: list[int] = []
    blok_mini: list[bytes] = []
    minifat: list[int] = []
    mulai = [0] * len(nama)
    for i, data in enumerate(isi):
        if data is not None:  # below the 4096-byte cutoff a stream lives in the mini stream
            mulai[i] = _rantai(data, 512, sektor, fat) if len(data) >= 4096 else _rantai(data, 64, blok_mini, minifat)
    mini = b"".join(blok_mini)
    mulai[0] = _rantai(mini, 512, sektor, fat)
    n_minifat = -(-len(minifat) // 128)
    awal_minifat = _rantai(_u32(minifat + [_BEBAS] * (n_minifat * 128 - len(minifat))), 512, sektor, fat)

    tepi: dict[int, tuple[int, int, int]] = {}
    anak_akar: dict[int, int] = {}
    for i in range(len(nama)):
        if anak[i]:
            anak_akar[i], simpul = _pohon(anak[i], nama)
            tepi.update(simpul)
    entri = bytearray()
    for i, data in enumerate(isi):
        nama16 = nama[i].encode("utf-16-le") + b"\0\0"
        ki, ka, warna = tepi.get(i, (_TIADA, _TIADA, 1))
        jenis = 5 if i == 0 else 1 if data is None else 2
        entri += (nama16.ljust(64, b"\0") + struct.pack("<HBB", len(nama16), jenis, warna)
                  + _u32([ki, ka, anak_akar.get(i, _TIADA)]) + bytes(36)  # CLSID, state bits, times: 0
                  + struct.pack("<IQ", 0 if jenis == 1 else mulai[i], len(mini) if i == 0 else len(data or b"")))
    entri += (bytes(68) + _u32([_TIADA] * 3) + bytes(48)) * (-len(nama) % 4)  # free entries
    awal_dir = _rantai(bytes(entri), 512, sektor, fat)

    n_fat = -(-len(sektor) // 127)  # the FAT also maps its own sectors
    if n_fat > 109:
        raise ValueError("vbaProject terlalu besar untuk FAT tanpa sektor DIFAT (> 109 sektor FAT)")
    letak_fat = list(range(len(sektor), len(sektor) + n_fat))
    fat += [_FAT] * n_fat
    _rantai(_u32(fat + [_BEBAS] * (n_fat * 128 - len(fat))), 512, sektor, [])

    kepala = (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
              + struct.pack("<HHHHH6s", 0x003E, 0x0003, 0xFFFE, 9, 6, bytes(6))
              + _u32([0, n_fat, awal_dir, 0, 4096, awal_minifat, n_minifat, _AKHIR, 0])
              + _u32(letak_fat + [_BEBAS] * (109 - n_fat)))
    return kepala + b"".join(sektor)


# ---------------------------------------------------------------- reading back

def daftar_modul(vba_bin: bytes) -> dict[str, str]:
    """Module name -> decompressed source text of a ``vbaProject.bin`` (ours or Excel's)."""
    import olefile  # only the read-back (tests, checks) needs it

    ole = olefile.OleFileIO(bytes(vba_bin))
    try:
        data = dekompres(ole.openstream("VBA/dir").read())
        pos, halaman, modul, kini = 0, "cp1252", [], {}
        while pos + 6 <= len(data):
            ident, ukuran = struct.unpack_from("<HI", data, pos)
            if ident == 0x0009:  # PROJECTVERSION: Reserved (4) is not the size of its 6 data bytes
                ukuran = 6
            isi = data[pos + 6:pos + 6 + ukuran]
            pos += 6 + ukuran
            if ident == 0x0003:
                halaman = f"cp{struct.unpack('<H', isi)[0]}"
            elif ident == 0x0019:
                kini = {"nama": isi.decode(halaman), "aliran": isi.decode(halaman), "offset": 0}
            elif ident == 0x001A:
                kini["aliran"] = isi.decode(halaman)
            elif ident == 0x0031:
                kini["offset"] = struct.unpack("<I", isi)[0]
            elif ident == 0x002B:
                modul.append(kini)
            elif ident == 0x0010:
                break
        return {m["nama"]: dekompres(ole.openstream(f"VBA/{m['aliran']}").read()[m["offset"]:]).decode(halaman)
                for m in modul}
    finally:
        ole.close()
