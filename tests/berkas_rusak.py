"""The hostile-file corpus of issue 9, built on the fly from the Legok example (nothing large is
committed): far-away cells, zip bombs with honest and lying sizes, entity attacks, damaged zips,
files that are not workbooks and paths that are not files.

Each builder writes into ``folder`` and returns the path. The zip writer is our own (a few
lines of ``struct``) so that a test can state sizes and checksums that lie.

    python -m tests.berkas_rusak FOLDER     # write the whole corpus, e.g. to try it by hand
"""

from __future__ import annotations

import io
import os
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
LEGOK = AKAR / "workbooks" / "contoh_legok_2020.xlsx"
#: The Legok example's parts: the "Target" sheet and the workbook part.
LEMBAR_TARGET = "xl/worksheets/sheet4.xml"
WORKBOOK = "xl/workbook.xml"
MIB = 1 << 20


@dataclass
class Entri:
    """One zip entry as stored: raw (deflated) bytes and the sizes and checksum the zip *states*."""

    nama: str
    mentah: bytes
    crc: int
    ukuran_asli: int
    metode: int = zipfile.ZIP_DEFLATED

    @classmethod
    def dari(cls, nama: str, isi: bytes) -> Entri:
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(nama, c.compress(isi) + c.flush(), zlib.crc32(isi), len(isi))


def tulis_zip(path: Path, entri: list[Entri]) -> Path:
    """A plain zip (no zip64) written field by field: what it states is what the test says."""
    badan, pusat = io.BytesIO(), io.BytesIO()
    for e in entri:
        nama = e.nama.encode()
        offset = badan.tell()
        badan.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, e.metode, 0, 0x21,
                                e.crc, len(e.mentah), e.ukuran_asli, len(nama), 0) + nama + e.mentah)
        pusat.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, e.metode, 0, 0x21,
                                e.crc, len(e.mentah), e.ukuran_asli, len(nama), 0, 0, 0, 0, 0, offset) + nama)
    cd = pusat.getvalue()
    akhir = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entri), len(entri), len(cd), badan.tell(), 0)
    path.write_bytes(badan.getvalue() + cd + akhir)
    return path


def bagian_legok() -> dict[str, bytes]:
    with zipfile.ZipFile(LEGOK) as z:
        return {n: z.read(n) for n in z.namelist()}


def legok_diganti(path: Path, ganti: dict[str, bytes | Entri]) -> Path:
    """The Legok example with some parts replaced (bytes, or an :class:`Entri` as stored)."""
    entri = [e if isinstance(e := ganti.get(n, isi), Entri) else Entri.dari(n, e)
             for n, isi in bagian_legok().items()]
    return tulis_zip(path, entri)


def _tambah_sel(xml: bytes, ref: str) -> bytes:
    baris = "".join(ch for ch in ref if ch.isdigit())
    sel = f'<row r="{baris}"><c r="{ref}" t="inlineStr"><is><t>salah ketik</t></is></c></row>'.encode()
    return xml.replace(b"</sheetData>", sel + b"</sheetData>")


def sel_jauh(folder: Path, ref: str = "XFD1048576") -> Path:
    """One stray value far away on the Target sheet (the file stays ~30 KB)."""
    xml = bagian_legok()[LEMBAR_TARGET]
    return legok_diganti(folder / f"jauh_{ref}.xlsx", {LEMBAR_TARGET: _tambah_sel(xml, ref)})


def _bom(kepala: bytes, ekor: bytes, mib: int) -> tuple[bytes, int, int]:
    """``kepala``, ``mib`` MiB of blanks, ``ekor``, deflated without ever holding the blanks: blocks
    after a full flush deflate to the same bytes. Returns (raw, crc, real size)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    blok = b" " * MIB
    mentah = [c.compress(kepala) + c.flush(zlib.Z_FULL_FLUSH)]
    satu, dua = (c.compress(blok) + c.flush(zlib.Z_FULL_FLUSH) for _ in range(2))
    assert satu == dua
    mentah += [satu] * (mib - 1)
    mentah.append(c.compress(ekor) + c.flush())
    crc = zlib.crc32(kepala)
    for _ in range(mib):
        crc = zlib.crc32(blok, crc)
    return b"".join(mentah), zlib.crc32(ekor, crc), len(kepala) + mib * MIB + len(ekor)


def bom_zip(folder: Path, mib: int = 600, jujur: bool = True) -> Path:
    """A zip bomb: ~1 MB on disk, ``mib`` MiB of sheet XML (blanks between the rows).
    ``jujur=False``: the blanks follow the sheet's end tag and the zip states the sheet's own size
    and checksum, so a reader that trusts them sees the plain sheet and one that does not, all."""
    xml = bagian_legok()[LEMBAR_TARGET]
    if jujur:
        kepala, ekor = xml.split(b"</sheetData>")
        mentah, crc, ukuran = _bom(kepala, b"</sheetData>" + ekor, mib)
    else:
        mentah, _, _ = _bom(xml, b"", mib)
        crc, ukuran = zlib.crc32(xml), len(xml)
    nama = "bom_jujur.xlsx" if jujur else "bom_bohong.xlsx"
    return legok_diganti(folder / nama, {LEMBAR_TARGET: Entri(LEMBAR_TARGET, mentah, crc, ukuran)})


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
"""


def entitas(folder: Path, bagian: str = LEMBAR_TARGET, jenis: str = "laughs") -> Path:
    """A DOCTYPE declaring entities (billion laughs, or an external file: XXE) before the root of
    ``bagian``, and the entity used inside it."""
    xml = bagian_legok()[bagian]
    pakai = b"&lol9;" if jenis == "laughs" else b"&xxe;"
    if bagian == WORKBOOK:
        xml = xml.replace(b'name="Petunjuk"', b'name="Petunjuk' + pakai + b'"')
    else:
        xml = xml.replace(b"<t>TARGET", b"<t>" + pakai + b"TARGET", 1)
    assert pakai in xml
    nama = f"{jenis}_{Path(bagian).stem}.xlsx"
    return legok_diganti(folder / nama, {bagian: (LAUGHS if jenis == "laughs" else XXE) + xml})


def terpotong(folder: Path) -> Path:
    """The first half of the file: the zip's directory (at its end) is gone."""
    p = folder / "terpotong.xlsx"
    data = LEGOK.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    return p


def deflate_rusak(folder: Path) -> Path:
    """The Target sheet's deflated bytes overwritten in the middle (the zip's directory intact):
    reading it is a zlib.error."""
    e = Entri.dari(LEMBAR_TARGET, bagian_legok()[LEMBAR_TARGET])
    tengah = len(e.mentah) // 3
    e.mentah = e.mentah[:tengah] + b"\xfe" * 8 + e.mentah[tengah + 8:]
    return legok_diganti(folder / "deflate_rusak.xlsx", {LEMBAR_TARGET: e})


def indeks_teks_bersama(folder: Path) -> Path:
    """A cell pointing at shared string 999 of a workbook that has none."""
    xml = bagian_legok()[LEMBAR_TARGET]
    i = xml.index(b't="inlineStr"><is><t>TARGET')
    j = xml.index(b"</c>", i)
    xml = xml[:i] + b't="s"><v>999</v>' + xml[j:]
    return legok_diganti(folder / "indeks_teks.xlsx", {LEMBAR_TARGET: xml})


def fifo(folder: Path) -> Path:
    p = folder / "pipa.xlsx"
    os.mkfifo(p)
    return p


def folder_xlsx(folder: Path) -> Path:
    p = folder / "folder.xlsx"
    p.mkdir()
    return p


def kosong(folder: Path) -> Path:
    p = folder / "kosong.xlsx"
    p.write_bytes(b"")
    return p


def acak(folder: Path) -> Path:
    p = folder / "acak.xlsx"
    p.write_bytes(bytes((i * 7919 + 13) % 251 for i in range(40_000)))
    return p


def pdf(folder: Path) -> Path:
    p = folder / "laporan.xlsx"
    p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" + b"0" * 2000 + b"\n%%EOF\n")
    return p


def terenkripsi(folder: Path) -> Path:
    """The Legok example locked with a password (Excel's "Encrypt with Password": an OLE file)."""
    p = folder / "bersandi.xlsx"
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:  # msoffcrypto-tool comes with oletools (test extra); an OLE header suffices
        p.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 4088)
        return p
    keluar = io.BytesIO()
    OOXMLFile(io.BytesIO(LEGOK.read_bytes())).encrypt("rahasia", keluar)
    p.write_bytes(keluar.getvalue())
    return p


def xls_lama(folder: Path) -> Path:
    p = folder / "unit_lama.xls"
    p.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 4088)
    return p


#: Every case with a file: name -> builder.
KASUS: dict[str, Callable[[Path], Path]] = {
    "XFD1048576": lambda f: sel_jauh(f, "XFD1048576"),
    "A1048576": lambda f: sel_jauh(f, "A1048576"),
    "bom zip (ukuran jujur)": lambda f: bom_zip(f, jujur=True),
    "bom zip (ukuran bohong)": lambda f: bom_zip(f, jujur=False),
    "billion laughs di lembar": lambda f: entitas(f, LEMBAR_TARGET, "laughs"),
    "billion laughs di workbook.xml": lambda f: entitas(f, WORKBOOK, "laughs"),
    "XXE di lembar": lambda f: entitas(f, LEMBAR_TARGET, "xxe"),
    "XXE di workbook.xml": lambda f: entitas(f, WORKBOOK, "xxe"),
    "zip terpotong": terpotong,
    "deflate rusak (zlib.error)": deflate_rusak,
    "indeks teks bersama di luar jangkauan": indeks_teks_bersama,
    "FIFO": fifo,
    "folder bernama x.xlsx": folder_xlsx,
    "berkas kosong": kosong,
    "bita acak": acak,
    "PDF diberi nama .xlsx": pdf,
    "berkas terenkripsi (OLE)": terenkripsi,
}


if __name__ == "__main__":
    tujuan = Path(sys.argv[1])
    for nama, buat in KASUS.items():
        d = tujuan / nama.replace(" ", "_").replace("/", "_")
        d.mkdir(parents=True, exist_ok=True)
        print(nama, buat(d))


# --- running the CLI on a case, in a subprocess with an address-space limit ----------------------

#: Address-space limit of one CLI run: a normal run of the Legok example fits in a fraction of it.
BATAS_MEMORI = 1536 * MIB


@dataclass
class Hasil:
    kode: int | None  # None: killed after the timeout
    keluar: str
    galat: str
    detik: float
    rss_mib: float  # peak resident memory of the run

    @property
    def teks(self) -> str:
        return self.keluar + self.galat


def jalankan_cli(argv: list[str], cwd: Path, *, akar: Path = AKAR, batas: int = BATAS_MEMORI,
                 waktu: float = 60.0, kode_python: str | None = None) -> Hasil:
    """``iku-xl ARGV`` of the checkout ``akar`` in a fresh process limited to ``batas`` bytes of
    address space; killed (kode None) after ``waktu`` seconds. ``kode_python`` runs before the CLI
    (e.g. to make one recap worker die)."""
    import resource
    import signal
    import tempfile
    import time

    def batasi() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (batas, batas))
        os.setsid()

    skrip = (kode_python or "") + "\nimport sys\nfrom iku_xl.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    env = {**os.environ, "PYTHONPATH": str(akar), "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        awal = time.monotonic()
        p = __import__("subprocess").Popen([sys.executable, "-c", skrip, *argv], cwd=cwd, env=env,
                                           stdin=__import__("subprocess").DEVNULL, stdout=out, stderr=err,
                                           preexec_fn=batasi)
        kode: int | None = None
        rss = 0.0
        while True:
            pid, status, pakai = os.wait4(p.pid, os.WNOHANG)
            if pid:
                kode = os.waitstatus_to_exitcode(status)
                rss = pakai.ru_maxrss / 1024
                break
            if time.monotonic() - awal > waktu:
                os.killpg(p.pid, signal.SIGKILL)
                _, status, pakai = os.wait4(p.pid, 0)
                rss = pakai.ru_maxrss / 1024
                break
            time.sleep(0.02)
        p.returncode = kode if kode is not None else -9
        detik = time.monotonic() - awal
        try:  # workers of a killed run
            os.killpg(p.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        out.seek(0)
        err.seek(0)
        return Hasil(kode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                     detik, rss)


_PENGGERAK = r"""
import contextlib, io, json, sys, time
from iku_xl.cli import main
hasil = []
for argv in json.loads(sys.argv[1]):
    out, err = io.StringIO(), io.StringIO()
    awal = time.monotonic()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            kode = main(argv)
        except SystemExit as e:
            kode = e.code
    hasil.append([kode, out.getvalue(), err.getvalue(), time.monotonic() - awal])
print("\x00HASIL" + json.dumps(hasil))
"""


def jalankan_banyak(daftar: list[list[str]], cwd: Path, **kwargs: object) -> tuple[list[Hasil], Hasil]:
    """Several CLI runs in one limited process (one interpreter start-up for all): each run's
    exit code, output and time, and the process as a whole (its own stdout/stderr must stay empty
    but for the results: a traceback printed by Python itself would show there)."""
    import json

    semua = jalankan_cli([json.dumps(daftar)], cwd, kode_python=_PENGGERAK + "\nsys.exit(0)", **kwargs)  # type: ignore[arg-type]
    kepala, _, badan = semua.keluar.partition("\x00HASIL")
    tiap = [Hasil(k, o, e, d, semua.rss_mib) for k, o, e, d in json.loads(badan)] if badan else []
    return tiap, Hasil(semua.kode, kepala, semua.galat, semua.detik, semua.rss_mib)
