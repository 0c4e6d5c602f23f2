"""Rekap of many unit workbooks into one: fast reading, both cores, flat memory.

* Reading: python-calamine (Rust) gives each data sheet's saved values; merged cells are
  spread like the openpyxl reader does. Calamine cannot say whether a cell is formatted
  as percent, so for the few cells that could be a percent typed as a fraction (0.9 for
  90 %) the number format is looked up in the workbook's XML: the recap reads every cell
  as ``iku-xl laporan`` does and always agrees with the unit's own report.
* Checking: each file passes :func:`~iku_xl.workbook.pemeriksaan.periksa_berkas` (regular file,
  zip limits, entities, every sheet's real extent) before calamine reads it: a refused file is
  listed with the reason.
* Work: one process per core (:class:`concurrent.futures.ProcessPoolExecutor`, results taken in
  input order); each returns a small :class:`~iku_xl.core.rekap.HasilUnit`. A worker that dies
  (a reader's abort, the OOM killer) does not take the run with it: the files it may have been
  reading are read again one at a time, and the one that kills its reader is listed.
* Writing: XlsxWriter in constant-memory mode streams the rows as they arrive; only the
  per-unit summaries are kept, for the summary, the ranking and its chart.

One bad or foreign file never stops the run: it is listed on the "Berkas Bermasalah" sheet.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from iku_xl.core.baca import (
    Lembaran,
    baca_buku,
    baris_persen,
    cari_lembar,
    huruf_kolom,
    sel_kecil,
)
from iku_xl.core.errors import BerkasTidakValid, IkuError, Masalah
from iku_xl.core.gaya import GAYA, Gaya
from iku_xl.core.model import BukuIKU
from iku_xl.core.rekap import (
    KOLOM_REKAP,
    HasilUnit,
    RingkasanUnit,
    label_predikat,
    peringkat,
    rekap_unit,
)
from iku_xl.core.skema import LEMBAR_DATA, PROFIL_NAMA
from iku_xl.workbook.pemeriksaan import baca_berkas, mungkin_rumus_atau_galat

#: Below this many files one worker process reads them (starting more costs more than it gives).
#: Even then the reading is not done in this process: a reader that aborts must not end the run.
MIN_PARALEL = 8
#: Files handed to the workers ahead of the one the writer waits for, per worker: enough to keep
#: every core busy, few enough that memory stays flat and few are re-read when a worker dies.
DI_DEPAN = 4
#: Old Excel files: listed, never read.
_LAMA = ".xls"
#: Every sheet the core reads (:func:`~iku_xl.core.baca.baca_buku`): a galat in any of them blocks the
#: unit's report, so it blocks the unit's recap too.
_LEMBAR = (PROFIL_NAMA, *(d.nama for d in LEMBAR_DATA))


#: The backups iku-xl makes before an overwrite (workbook/simpan.py): copies, never a unit of their own.
_CADANGAN = re.compile(r"\.cadangan-\d{8}-\d{6}(?:-\d+)?$")


def ukuran_kelompok(jumlah: int, proses: int) -> int:
    """Files per batch handed to a worker (as ``Pool.imap``'s chunksize): about eight batches per
    worker, 1 to 32 files each.

    >>> ukuran_kelompok(5, 2), ukuran_kelompok(500, 2), ukuran_kelompok(7300, 2)
    (1, 31, 32)
    """
    return max(1, min(32, jumlah // (proses * 8)))


def kumpulkan(sumber: Sequence[str | Path]) -> list[Path]:
    """The workbooks named, or found in the folders named (sorted; in a folder, iku-xl's own backups
    ``NAMA.cadangan-TANGGAL-JAM.xlsx`` are skipped: a unit's backup beside it would count the unit twice)."""
    return [Path(p) for p in _kumpulkan(sumber)]


def _kumpulkan(sumber: Sequence[str | Path]) -> list[str]:
    """:func:`kumpulkan` as plain path strings: what the recap keeps for each of its thousands of files
    (a :class:`~pathlib.Path` costs several times its text)."""
    berkas: list[str] = []
    for s in map(Path, sumber):
        if not s.exists():
            raise BerkasTidakValid(f"'{s}' tidak ditemukan", saran="Periksa nama folder atau berkas yang direkap.")
        if s.is_dir():
            berkas += (p for p in _telusuri(str(s)) if os.path.splitext(p)[1].lower() in (".xlsx", ".xlsm", _LAMA)
                       and _buku_unit(os.path.basename(p)) and not os.path.isdir(p))  # a folder is walked
        else:
            berkas.append(str(s))
    return berkas


def _buku_unit(nama: str) -> bool:
    """Not an Office lock file, a hidden file or one of iku-xl's backups."""
    return not nama.startswith(("~$", ".")) and not _CADANGAN.search(os.path.splitext(nama)[0])


def _folder_biasa(e: os.DirEntry[str]) -> bool:
    try:
        return e.is_dir(follow_symlinks=False)
    except OSError:  # gone, or a loop of links: not a folder to walk (rglob ignores these too)
        return False


def _telusuri(folder: str) -> Iterator[str]:
    """Every entry under ``folder`` in the order of ``sorted(Path(folder).rglob("*"))`` (each folder's
    entries by name, a subfolder's entries at its name's place; symlinked folders are not entered and
    a folder that may not be listed is skipped, as ``rglob`` does), one at a time.

    >>> import tempfile
    >>> akar = Path(tempfile.mkdtemp())
    >>> for nama in ("b.xlsx", "a/z.xlsx", "a.xlsx", "B/c.xlsx"):
    ...     (akar / nama).parent.mkdir(exist_ok=True)
    ...     (akar / nama).touch()
    >>> [os.path.relpath(p, akar) for p in _telusuri(str(akar))] == [
    ...     str(p.relative_to(akar)) for p in sorted(akar.rglob("*"))]
    True
    """
    try:
        with os.scandir(folder) as isi:
            entri = sorted((os.path.normcase(e.name), e.path, _folder_biasa(e)) for e in isi)
    except PermissionError:
        return
    for _, path, folder_biasa in entri:
        yield path
        if folder_biasa:
            yield from _telusuri(path)


def baca_daftar(daftar: str | Path) -> list[Path]:
    """The workbooks named in a list file (a manifest): one path per line, relative to the list's
    folder; empty lines and lines starting with ``#`` are skipped. A named path that does not exist
    stops the run before anything is read, with the lines to fix (a typo in a list of thousands
    must not become a recap that quietly lacks a unit).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "a.xlsx").touch()
    >>> _ = (folder / "daftar.txt").write_text("# triwulan I\\na.xlsx\\n\\n", encoding="utf-8")
    >>> [p.name for p in baca_daftar(folder / "daftar.txt")]
    ['a.xlsx']
    """
    daftar = Path(daftar)
    try:
        teks = daftar.read_text(encoding="utf-8-sig")  # a BOM from Notepad is not part of the first path
    except FileNotFoundError:
        raise BerkasTidakValid(f"daftar berkas '{daftar}' tidak ditemukan",
                               saran="Periksa nama berkas yang diberikan pada --daftar.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise BerkasTidakValid(f"daftar berkas '{daftar}' tidak dapat dibaca ({type(e).__name__})",
                               saran="Simpan daftar sebagai teks biasa UTF-8, satu path per baris.") from None
    berkas: list[Path] = []
    hilang: list[str] = []
    for n, baris in enumerate(teks.splitlines(), start=1):
        baris = baris.strip()
        if not baris or baris.startswith("#"):
            continue
        p = daftar.parent / Path(baris).expanduser()
        if p.exists():
            berkas.append(p)
        else:
            hilang.append(f"baris {n} '{baris}'")
    if hilang:
        raise BerkasTidakValid(f"daftar berkas '{daftar.name}': {len(hilang)} berkas tidak ditemukan: "
                               + ", ".join(hilang[:5]) + (", ..." if len(hilang) > 5 else ""),
                               saran="Perbaiki atau hapus baris itu di daftar (path relatif terhadap folder "
                                     "daftar), lalu jalankan rekap lagi.")
    return berkas


_ATRIBUT = re.compile(r'([\w:]+)="([^"]*)"')
_SEL = re.compile(r"<(?:\w+:)?c\b[^>]*>")


def _atribut(tag: str) -> dict[str, str]:
    return dict(_ATRIBUT.findall(tag))


class _Zip:
    """The workbook's parts, from the bytes already read for calamine: for the two things calamine
    cannot say (formulas and error values, number formats). Plain scanning of the few tags needed,
    not an XML parse, so no entity is ever expanded."""

    def __init__(self, data: bytes) -> None:
        import io
        import zipfile

        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self._bagian: dict[str, str] | None = None

    def lembar(self, nama: str) -> bytes | None:
        """A sheet's XML, by its name in the workbook (from workbook.xml and its relationships)."""
        if self._bagian is None:
            from posixpath import normpath
            from xml.sax.saxutils import unescape

            relasi = {a.get("Id"): a.get("Target", "") for a in map(_atribut, re.findall(
                r"<(?:\w+:)?Relationship\b[^>]*>", self.zip.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")))}
            self._bagian = {}
            for a in map(_atribut, re.findall(r"<(?:\w+:)?sheet\b[^>]*>",
                                              self.zip.read("xl/workbook.xml").decode("utf-8", "replace"))):
                target = relasi.get(a.get("r:id", ""), "")
                nama_lembar = unescape(a.get("name", ""), {"&quot;": '"', "&apos;": "'"})  # as calamine names it
                self._bagian[nama_lembar] = target.lstrip("/") if target.startswith("/") else normpath("xl/" + target)
        bagian = self._bagian.get(nama)
        return self.zip.read(bagian) if bagian else None

    def ada_rumus_atau_galat(self, lembar: Iterable[str]) -> bool:
        """Might one of these sheets hold a formula or an error value (:func:`mungkin_rumus_atau_galat`)?"""
        return any(xml is not None and mungkin_rumus_atau_galat(xml) for xml in map(self.lembar, lembar))

    def sel_persen(self, kandidat: dict[str, set[tuple[int, int]]]) -> dict[str, frozenset[tuple[int, int]]]:
        """Which candidate cells are formatted as percent: the cell's style index, the style's
        number format (built-in 9/10 or a format with '%')."""
        gaya = self.zip.read("xl/styles.xml").decode("utf-8", "replace")
        format_ = {int(a.get("numFmtId", "-1")): a.get("formatCode", "")
                   for a in map(_atribut, re.findall(r"<(?:\w+:)?numFmt\b[^>]*>", gaya))}
        xfs = re.search(r"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", gaya, re.DOTALL)
        xf = [int(_atribut(t).get("numFmtId", "0")) for t in re.findall(r"<(?:\w+:)?xf\b[^>]*>", xfs.group(0))] \
            if xfs else []
        persen = {i for i, f in enumerate(xf) if f in (9, 10) or "%" in format_.get(f, "")}
        hasil: dict[str, frozenset[tuple[int, int]]] = {}
        for nama, sel in kandidat.items():
            xml = (self.lembar(nama) or b"").decode("utf-8", "replace")
            alamat = {f"{huruf_kolom(j)}{i + 1}": (i, j) for i, j in sel}
            ditemukan = set()
            for tag in _tag_sel(xml, alamat):
                a = _atribut(tag)
                if a.get("r") in alamat and int(a.get("s", "0")) in persen:
                    ditemukan.add(alamat[a["r"]])
            hasil[nama] = frozenset(ditemukan)
        return hasil


def _tag_sel(xml: str, alamat: Iterable[str]) -> Iterator[str]:
    """The cell tags (as :data:`_SEL` finds them) whose ``r`` attribute is one of these addresses.
    The addresses are searched (a literal prefix: fast), not every cell tag parsed.

    >>> list(_tag_sel('<c r="B20" s="1"/><c s="3" r="B2"><v>1</v></c><t>r="B2"</t>', ["B2"]))
    ['<c s="3" r="B2">']
    """
    for m in re.finditer(r'r="(?:' + "|".join(map(re.escape, alamat)) + r')"', xml):
        i = m.start()
        if i == 0 or not xml[i - 1].isspace():  # ref="B2", sqref="B2": another attribute
            continue
        awal = xml.rfind("<", 0, i)
        tag = _SEL.match(xml, awal) if awal >= 0 else None
        if tag is not None and tag.end() > i:  # inside the cell's own tag, not text after it
            yield tag.group(0)


def _tidak_terbaca(path: Path, e: Exception) -> BerkasTidakValid:
    return BerkasTidakValid(f"berkas '{path.name}' tidak dapat dibaca ({type(e).__name__})",
                            saran="Buka dan simpan ulang berkas itu di Excel sebagai .xlsx.")


def baca_cepat(data: bytes, path: Path) -> Lembaran:
    """The data sheets' saved values via python-calamine (number formats unknown: see :func:`baca_unit`)."""
    import io

    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        nama = list(wb.sheet_names)
        nilai: dict[str, list[list[Any]]] = {n: [] for n in nama}
        for dicari in _LEMBAR:
            n = cari_lembar(dicari, nama)
            if n is None:
                continue
            sheet = wb.get_sheet_by_name(n)
            grid = [[None if v == "" else v for v in b] for b in sheet.to_python(skip_empty_area=False)]
            for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or ():
                for r in range(r0, min(r1 + 1, len(grid))):
                    for c in range(c0, min(c1 + 1, len(grid[r]))):
                        if (r, c) != (r0, c0) and r0 < len(grid) and c0 < len(grid[r0]):
                            grid[r][c] = grid[r0][c0]
            nilai[n] = grid
    except Exception as e:  # calamine's own errors: not a workbook, encrypted, damaged
        raise _tidak_terbaca(path, e) from None
    return Lembaran(nilai)


def baca_unit(path: Path) -> tuple[Lembaran, tuple[BukuIKU, list[Masalah]]]:
    """The workbook read as ``iku-xl laporan`` reads it, parsed once in the common case.

    The file is read once; calamine and the XML checks share the bytes. A data sheet holding
    formulas or error values is read by the report's own (openpyxl) reader. Otherwise, only
    when a % indicator holds a number in (0, 1.5] are those cells' number formats looked up,
    and the workbook parsed again with the percent cells known."""
    data, periksa = baca_berkas(path)  # checked before calamine sees it; a FIFO is never opened
    lembaran = baca_cepat(data, path)
    # the check has seen every sheet's XML: whether it might hold a formula or an error value
    rumus = any(periksa.lembar[n].rumus_atau_galat for n, g in lembaran.nilai.items() if g and n in periksa.lembar)
    if rumus:
        from iku_xl.workbook.baca import buka
        from iku_xl.workbook.baca import lembaran as lembaran_openpyxl

        lembaran = lembaran_openpyxl(buka(path))  # the report's own reader, cell for cell
        return lembaran, baca_buku(lembaran)
    dibaca = baca_buku(lembaran)
    kandidat = sel_kecil(lembaran, baris_persen(dibaca[0]))
    if kandidat:
        try:
            persen = _Zip(data).sel_persen(kandidat)
        except Exception as e:  # calamine read it, so this is rare: a zip that is only half valid
            raise _tidak_terbaca(path, e) from None
        if any(persen.values()):
            lembaran = Lembaran(lembaran.nilai, persen)
            dibaca = baca_buku(lembaran)
    return lembaran, dibaca


def proses_berkas(tugas: tuple[str, int]) -> HasilUnit:
    """One workbook's recap, never raising: what goes wrong is the file's listed reason."""
    path, tahun = Path(tugas[0]), tugas[1]
    if path.suffix.lower() == _LAMA:
        return HasilUnit(path.name, galat=("format .xls lama; simpan ulang sebagai .xlsx (di Excel: File > Simpan "
                                           "Sebagai > Buku Kerja Excel) lalu jalankan rekap lagi",))
    try:
        lembaran, dibaca = baca_unit(path)
        return rekap_unit(lembaran, tahun, path.name, dibaca)
    except IkuError as e:
        return HasilUnit(path.name, galat=(str(e),))
    except Exception as e:  # a foreign file may trip anything; the run goes on
        return HasilUnit(path.name, galat=(f"berkas tidak dapat diproses ({type(e).__name__}: {e})",))


class _Tugas(Sequence[tuple[str, int]]):
    """The recap's tasks, (path, year), made when asked for: one tuple per file is not kept for the
    whole run."""

    def __init__(self, berkas: Sequence[str | Path], tahun: int) -> None:
        self.berkas, self.tahun = berkas, tahun

    def __len__(self) -> int:
        return len(self.berkas)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [(str(p), self.tahun) for p in self.berkas[i]]
        return str(self.berkas[i]), self.tahun


@contextmanager
def hasil_berurutan(berkas: Sequence[str | Path], tahun: int, proses: int | None = None
                    ) -> Iterator[Iterator[HasilUnit]]:
    """Each workbook's result, in input order, read in worker processes (``proses=1``: in this
    process). The workers start on entering, so the caller prepares its output while they read."""
    tugas = _Tugas(berkas, tahun)
    proses = proses or os.cpu_count() or 1
    if proses < 2:
        yield map(proses_berkas, tugas)
        return
    pekerja = _Pekerja(proses if len(tugas) >= MIN_PARALEL else 1)
    try:
        yield pekerja.hasil(tugas)
    finally:
        pekerja.tutup()


#: What the recap lists for a file whose reader process died.
ALASAN_PEKERJA_MATI = ("proses pembaca berhenti mendadak saat membaca berkas ini (mis. kehabisan memori); berkas "
                       "mungkin rusak atau terlalu besar. Buka dan simpan ulang di Excel sebagai .xlsx, lalu "
                       "jalankan rekap lagi")


class _Pekerja:
    """Worker processes that may die. Files go out in small batches (as ``Pool.imap``'s chunks),
    a few batches ahead of the writer. When a worker dies (BrokenProcessPool), the results that
    came are kept and the files of every batch still out are read again one at a time, each in
    a worker of its own: the one that kills it again is listed as :data:`ALASAN_PEKERJA_MATI`.
    Then the work goes on with a new pool."""

    def __init__(self, proses: int) -> None:
        self.proses = proses
        self.pool = self._baru(proses)

    @staticmethod
    def _baru(proses: int) -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork where there is one (Linux: fast, as multiprocessing.Pool was); spawn elsewhere
        metode = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        return ProcessPoolExecutor(proses, mp_context=multiprocessing.get_context(metode))

    def tutup(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def hasil(self, tugas: Sequence[tuple[str, int]]) -> Iterator[HasilUnit]:
        # each batch made when it is handed out (or read again)
        kelompok = _Kelompok(tugas, ukuran_kelompok(len(tugas), self.proses))
        jalan: dict[int, Any] = {}  # batch index -> future (None: could not be handed out)
        siap: dict[int, list[HasilUnit]] = {}  # results got while recovering, given in their turn
        berikut = 0
        for i in range(len(kelompok)):
            while berikut < min(len(kelompok), i + DI_DEPAN * self.proses):
                jalan[berikut] = self._serahkan(kelompok[berikut])
                berikut += 1
            if i not in siap:
                try:
                    if jalan[i] is None:
                        raise BrokenProcessPool
                    siap[i] = jalan[i].result()
                    del jalan[i]
                except BrokenProcessPool:
                    siap.update(self._pulih(kelompok, jalan))
            yield from siap.pop(i)

    def _serahkan(self, kelompok: list[tuple[str, int]]) -> Any:
        try:
            return self.pool.submit(_proses_kelompok, kelompok)
        except BrokenProcessPool:  # broke since the last result: these files are read when recovering
            return None

    def _pulih(self, kelompok: Sequence[list[tuple[str, int]]], jalan: dict[int, Any]) -> dict[int, list[HasilUnit]]:
        """The results of the batches out when the pool broke: those that came are kept, the files
        of the others read again one at a time in a worker of their own. A new pool for the rest."""
        hasil: dict[int, list[HasilUnit]] = {}
        sendiri = None
        for j, f in sorted(jalan.items()):
            if f is not None and f.done() and not f.cancelled() and f.exception() is None:
                hasil[j] = f.result()
                continue
            hasil[j] = []
            for t in kelompok[j]:
                sendiri = sendiri or self._baru(1)
                try:
                    hasil[j].append(sendiri.submit(proses_berkas, t).result())
                except BrokenProcessPool:  # this very file kills its reader
                    hasil[j].append(HasilUnit(Path(t[0]).name, galat=(ALASAN_PEKERJA_MATI,)))
                    sendiri.shutdown(wait=True)
                    sendiri = None
        if sendiri is not None:
            sendiri.shutdown(wait=True)
        jalan.clear()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._baru(self.proses)
        return hasil


class _Kelompok(Sequence[list[tuple[str, int]]]):
    """The tasks in batches of ``n``, each batch made when asked for."""

    def __init__(self, tugas: Sequence[tuple[str, int]], n: int) -> None:
        self.tugas, self.n = tugas, n

    def __len__(self) -> int:
        return -(-len(self.tugas) // self.n)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if not 0 <= i < len(self):
            raise IndexError(i)
        return list(self.tugas[i * self.n:(i + 1) * self.n])


def _proses_kelompok(kelompok: list[tuple[str, int]]) -> list[HasilUnit]:
    return [proses_berkas(t) for t in kelompok]


def _format(wb: Any, g: Gaya, nf: str | None = None) -> Any:
    spek: dict[str, Any] = {"font_name": g.huruf, "font_size": g.ukuran, "bold": g.tebal, "italic": g.miring,
                            "valign": {"center": "vcenter"}.get(g.rata_v, g.rata_v), "text_wrap": g.lipat}
    if g.rata != "general":
        spek["align"] = g.rata
    if g.isi:
        spek.update(pattern=1, bg_color="#" + g.isi)
    if g.bingkai:
        spek.update(border=1, border_color="#808080")
    if nf or g.format_angka != "General":
        spek["num_format"] = nf or g.format_angka
    return wb.add_format(spek)


class _Kemajuan:
    """A one-line progress bar on a terminal; silent otherwise."""

    def __init__(self, jumlah: int, keluar: TextIO | None) -> None:
        self.jumlah, self.keluar, self.n = jumlah, keluar, 0

    def maju(self) -> None:
        self.n += 1
        if self.keluar is not None and (self.n == self.jumlah or self.n % 10 == 0):
            isi = int(30 * self.n / max(self.jumlah, 1))
            self.keluar.write(f"\rRekap [{'#' * isi}{'.' * (30 - isi)}] {self.n}/{self.jumlah} berkas")
            if self.n == self.jumlah:
                self.keluar.write("\n")
            self.keluar.flush()


def _penulis(ws: Any, format_: Sequence[Any]) -> Callable[[int, Sequence[object]], None]:
    """A row writer calling XlsxWriter's typed methods directly (``write()`` sniffs every value's
    type first, a fifth of the writing time); text is always written as text, never a formula."""
    angka, teks, kosong = ws.write_number, ws.write_string, ws.write_blank

    def tulis(r: int, baris: Sequence[object]) -> None:
        for k, v in enumerate(baris):
            if v is None:
                kosong(r, k, None, format_[k])
            elif isinstance(v, float | int) and not isinstance(v, bool):
                angka(r, k, v, format_[k])
            else:
                teks(r, k, str(v), format_[k])
    return tulis


def tulis_rekap(hasil: Iterable[HasilUnit], tujuan: Path, tahun: int,
                setiap: Callable[[HasilUnit], None] = lambda h: None) -> tuple[int, int]:
    """Write the recap workbook; return (units recapped, files with problems)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(tujuan), {"constant_memory": True, "strings_to_formulas": False,
                                           "strings_to_urls": False})
    # titles left-aligned (nothing is merged here) and text on one line: a recap is a list to
    # filter and sort, and constant-memory mode cannot size rows after they are written
    f_judul = _format(wb, replace(GAYA["judul"], rata="left"))
    f_kepala = _format(wb, GAYA["kepala"])
    f_teks, f_angka = _format(wb, replace(GAYA["sel_teks"], lipat=False)), _format(wb, GAYA["sel_angka"])
    f_capaian, f_catatan = _format(wb, GAYA["sel_capaian"]), _format(wb, GAYA["catatan"])
    per_jenis = {"teks": f_teks, "angka": f_angka, "capaian": f_capaian}
    # every sheet now, in the order staff read them; the summaries are filled at the end
    rekap, ws_ringkasan, ws_peringkat, gagal = (wb.add_worksheet(n) for n in (
        "Rekap", "Ringkasan Unit", "Peringkat", "Berkas Bermasalah"))
    rekap.write(0, 0, f"REKAP CAPAIAN INDIKATOR KINERJA UTAMA TAHUN {tahun}", f_judul)
    for k, (judul, lebar, _) in enumerate(KOLOM_REKAP):
        rekap.set_column(k, k, lebar)
        rekap.write(2, k, judul, f_kepala)
    rekap.freeze_panes(3, 3)
    gagal.write(0, 0, "BERKAS YANG TIDAK DAPAT DIREKAP", f_judul)
    gagal.write(1, 0, "Perbaiki berkas berikut (mis. dengan iku-xl validasi) lalu jalankan rekap lagi.", f_catatan)
    for k, (judul, lebar) in enumerate((("Berkas", 40), ("Alasan", 120))):
        gagal.set_column(k, k, lebar)
        gagal.write(3, k, judul, f_kepala)
    for ws, kepala in ((rekap, 2), (ws_ringkasan, 2), (ws_peringkat, 2), (gagal, 3)):
        _cetak(ws, kepala)
    r_rekap, r_gagal = 3, 4
    ringkasan: list[RingkasanUnit] = []
    bersama: dict[Any, Any] = {}
    tulis_sel = _penulis(rekap, [per_jenis[jenis] for _, _, jenis in KOLOM_REKAP])
    for h in hasil:
        setiap(h)
        for baris in h.baris:
            tulis_sel(r_rekap, baris)
            r_rekap += 1
        if h.ringkasan is not None:
            ringkasan.append(_bersama(h.ringkasan, bersama))
        if h.galat:
            gagal.write_string(r_gagal, 0, h.berkas, f_teks)
            gagal.write_string(r_gagal, 1, "; ".join(h.galat), f_teks)
            r_gagal += 1
    rekap.autofilter(2, 0, max(r_rekap - 1, 2), len(KOLOM_REKAP) - 1)
    _ringkasan_dan_peringkat(wb, ws_ringkasan, ws_peringkat, ringkasan, tahun,
                             f_judul, f_kepala, f_teks, f_angka, f_capaian)
    wb.close()
    return len(ringkasan), r_gagal - 4


def _bersama(r: RingkasanUnit, bersama: dict[Any, Any]) -> RingkasanUnit:
    """The unit's summary as kept until the end (for the summary and the ranking), its repeated
    parts shared: each unit's result arrives from its worker with its own copies of the scale's
    labels and of pairs such as ("Tinggi", 0), which would make memory grow with every file.

    >>> a = RingkasanUnit("U1", "u1.xlsx", 2, 90.0, (("Tinggi", 2), ("Rendah", 0)), 0)
    >>> b = RingkasanUnit("U2", "u2.xlsx", 2, 80.0, (("Tinggi", 2), ("Rendah", 0)), 0)
    >>> bersama = {}
    >>> a2, b2 = _bersama(a, bersama), _bersama(b, bersama)
    >>> (a2, b2) == (a, b), a2.per_predikat is b2.per_predikat
    (True, True)
    """
    per = tuple(bersama.setdefault(x, x) for x in r.per_predikat)
    return replace(r, per_predikat=bersama.setdefault(per, per))


#: Header rows of the summary and the ranking: two lines, for headers wrapped in narrow columns.
_TINGGI_KEPALA = 30


def _cetak(ws: Any, baris_kepala: int) -> None:
    """A4 landscape, one page wide, the header row repeated on every page."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(baris_kepala)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)


def _ringkasan_dan_peringkat(wb: Any, ws: Any, pk: Any, ringkasan: list[RingkasanUnit], tahun: int,
                             *f: Any) -> None:
    f_judul, f_kepala, f_teks, f_angka, f_capaian = f
    label = label_predikat(ringkasan)
    ws.write(0, 0, f"RINGKASAN PER UNIT TAHUN {tahun}", f_judul)
    ws.set_row(2, _TINGGI_KEPALA)  # before the row is written: constant-memory mode
    kepala = ["Unit", "Jumlah Indikator", "Rata-rata Capaian (%)", *label, "Tanpa Realisasi", "Berkas"]
    for k, judul in enumerate(kepala):
        ws.write(2, k, judul, f_kepala)
        ws.set_column(k, k, 28 if k in (0, len(kepala) - 1) else 12)
    tulis = _penulis(ws, [f_teks, f_angka, f_capaian, *(f_angka for _ in label), f_angka, f_teks])
    for r, u in enumerate(ringkasan, start=3):
        n = dict(u.per_predikat)
        tulis(r, (u.unit, u.jumlah_indikator, u.rata_rata, *(n.get(lb, 0) for lb in label), u.tanpa_realisasi,
                  u.berkas))
    ws.freeze_panes(3, 1)
    urut = peringkat(ringkasan)
    pk.write(0, 0, f"PERINGKAT UNIT MENURUT RATA-RATA CAPAIAN IKU TAHUN {tahun}", f_judul)
    pk.set_row(2, _TINGGI_KEPALA)
    for k, (judul, lebar) in enumerate((("Peringkat", 10), ("Unit", 32), ("Rata-rata Capaian (%)", 14),
                                        ("Jumlah Indikator", 12))):
        pk.write(2, k, judul, f_kepala)
        pk.set_column(k, k, lebar)
    tulis = _penulis(pk, [f_angka, f_teks, f_capaian, f_angka])
    for r, u in enumerate(urut, start=3):
        tulis(r, (r - 2, u.unit, u.rata_rata, u.jumlah_indikator))
    if urut:
        n = min(len(urut), 30)  # the chart shows the top 30; the table lists everyone
        chart = wb.add_chart({"type": "bar"})
        chart.add_series({"name": "Rata-rata capaian (%)", "categories": ["Peringkat", 3, 1, 2 + n, 1],
                          "values": ["Peringkat", 3, 2, 2 + n, 2], "fill": {"color": "#2F5597"},
                          "data_labels": {"value": True, "num_format": "0.00"}})
        chart.set_title({"name": f"Rata-rata Capaian IKU {tahun}" + (f" (30 teratas dari {len(urut)})"
                                                                      if len(urut) > n else "")})
        chart.set_y_axis({"reverse": True, "crossing": "max"})  # best on top, values along the bottom
        chart.set_x_axis({"min": 0, "num_format": "0"})
        chart.set_legend({"none": True})
        chart.set_size({"width": 720, "height": max(300, 24 * n + 90)})
        pk.insert_chart(2, 5, chart)


def rekap(sumber: Sequence[str | Path], tahun: int, tujuan: str | Path, *, proses: int | None = None,
          kemajuan: TextIO | None = None, setiap: Callable[[HasilUnit], None] | None = None,
          kecuali: Sequence[str | Path] = ()) -> tuple[int, int, int]:
    """Recap every workbook in ``sumber`` into ``tujuan``: (files, units recapped, files with problems).
    ``setiap(hasil)`` is called with every file's result as it is written (e.g. for the CSV). ``tujuan``
    and the files in ``kecuali`` (the final name when ``tujuan`` is a temporary file) are never read."""
    berkas = _kumpulkan(sumber)  # path strings: thousands of them are kept until the end
    tujuan = Path(tujuan)
    lewati = {Path(p).resolve() for p in (tujuan, *kecuali)}
    berkas = [p for p in berkas if Path(p).resolve() not in lewati]
    if not berkas:
        raise BerkasTidakValid("tidak ada buku kerja .xlsx/.xlsm untuk direkap",
                               saran="Sebutkan berkas atau folder yang berisi buku kerja IKU.")
    bar = _Kemajuan(len(berkas), kemajuan)
    with hasil_berurutan(berkas, tahun, proses) as hasil:
        unit, bermasalah = tulis_rekap(hasil, tujuan, tahun, lambda h: (bar.maju(), setiap and setiap(h)))
    return len(berkas), unit, bermasalah


def terminal(aliran: TextIO = sys.stderr) -> TextIO | None:
    """The stream for the progress bar: only an interactive terminal gets one."""
    return aliran if aliran.isatty() else None
