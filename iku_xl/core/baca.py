"""From sheets of cell values to a :class:`BukuIKU`, collecting every problem.

Adapters (openpyxl, xlwings, calamine) hand over plain 2-D lists of cell values,
one per sheet, and the set of percent-formatted cells; all reading rules live
here. Nothing stops at the first problem: each one becomes a :class:`Masalah`
naming the sheet and cell.

>>> lembaran = Lembaran({
...     "Profil": [["Isian", "Nilai"], ["Nama Instansi", "KECAMATAN CONTOH"], ["Tahun Laporan", 2024]],
...     "Indikator": [["Kode", "Sasaran Strategis", "Indikator Kinerja", "Satuan"],
...                   ["1.1", "Meningkatnya pelayanan", "Persentase pengaduan ditindaklanjuti", "%"]],
...     "Target": [["Kode", "Tahun", "Target"], ["1.1", 2024, "90"]],
...     "Realisasi": [["Kode", "Tahun", "Realisasi Tahunan"], ["1.1", 2024, 92]],
... })
>>> buku, masalah = baca_buku(lembaran)
>>> buku.profil.instansi, buku.indikator[0].nama, buku.target[0].nilai, buku.realisasi[0].tahunan
('KECAMATAN CONTOH', 'Persentase pengaduan ditindaklanjuti', 90.0, 92.0)
>>> masalah
[]
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from iku_xl.core.errors import DataTidakValid, Masalah
from iku_xl.core.model import BukuIKU, Indikator, Profil, ProgramIKU, RealisasiIKU, Responden, Skala, TargetIKU
from iku_xl.core.parse import adalah_kosong, pengurai, teks_sel
from iku_xl.core.predikat import skala_dari_tabel
from iku_xl.core.saran import Ujung, saran
from iku_xl.core.skema import (
    INDIKATOR,
    PROFIL,
    PROFIL_NAMA,
    PROGRAM,
    REALISASI,
    SKALA_KUSTOM,
    SURVEI,
    TARGET,
    IsianProfil,
    LembarData,
    normal_judul,
)

Grid = Sequence[Sequence[Any]]

#: How far down a sheet the header row is searched for.
_BARIS_CARI_JUDUL = 15


@dataclass(frozen=True)
class Lembaran:
    """What an adapter hands to the core: cell values per sheet.

    ``nilai[lembar][i][j]`` is the value of row i+1, column j+1 (0-based grid).
    ``persen[lembar]`` holds the 0-based (row, column) of percent-formatted cells.
    ``ujung`` is the front end that read it, whose words the advice in messages takes
    (:mod:`iku_xl.core.saran`: no command-line option in Excel).
    """

    nilai: Mapping[str, Grid]
    persen: Mapping[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    ujung: Ujung = "cli"


@functools.lru_cache(maxsize=1024)  # the same few columns, named for every table and message
def huruf_kolom(kolom: int) -> str:
    """Column letters of a 0-based column index.

    >>> huruf_kolom(0), huruf_kolom(25), huruf_kolom(26), huruf_kolom(701)
    ('A', 'Z', 'AA', 'ZZ')
    """
    huruf = ""
    n = kolom + 1
    while n:
        n, sisa = divmod(n - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


def alamat(baris: int, kolom: int) -> str:
    """The A1 address of a 0-based (row, column).

    >>> alamat(4, 1)
    'B5'
    """
    return f"{huruf_kolom(kolom)}{baris + 1}"


def cari_lembar(nama: str, tersedia: Sequence[str]) -> str | None:
    """The sheet called ``nama``, ignoring case and surrounding spaces."""
    return _cari_lembar(nama, tuple(tersedia))


@functools.lru_cache(maxsize=256)  # the same names asked of every workbook of a recap
def _cari_lembar(nama: str, tersedia: tuple[str, ...]) -> str | None:
    kunci = normal_judul(nama)
    return next((n for n in tersedia if normal_judul(n) == kunci), None)


class _Pengumpul:
    """Collects problems while reading."""

    def __init__(self) -> None:
        self.masalah: list[Masalah] = []

    def galat(self, pesan: str, saran: str, lembar: str | None = None, sel: str | None = None,
              kode: str | None = None) -> None:
        self.masalah.append(Masalah("galat", pesan, saran, lembar, sel, kode))

    def dari(self, e: DataTidakValid, lembar: str, sel: str, kode: str | None) -> None:
        self.masalah.append(e.di(lembar=lembar, sel=sel, kode=kode or None).sebagai_masalah())


@dataclass(frozen=True)
class _Tabel:
    lembar: str
    baris_judul: int  # 0-based
    kolom: dict[str, int]  # field -> 0-based column


def _cari_judul(data: LembarData, grid: Grid) -> tuple[int, dict[str, int]] | None:
    judul = _per_judul(data)
    terbaik: tuple[int, dict[str, int]] | None = None
    for i, baris in enumerate(grid[:_BARIS_CARI_JUDUL]):
        cocok = {judul[n]: j for j, v in enumerate(baris) if v is not None and (n := normal_judul(v)) in judul}
        if cocok and (terbaik is None or len(cocok) > len(terbaik[1])):
            terbaik = (i, cocok)
            if len(cocok) == len(judul):  # every column found: no better row can follow
                break
    return terbaik


#: Each sheet's columns by their header compared loosely, made once per sheet definition (by id:
#: hashing a frozen LembarData hashes all its columns; the entry keeps the definition alive).
_JUDUL: dict[int, tuple[LembarData, dict[str, str]]] = {}


def _per_judul(data: LembarData) -> dict[str, str]:
    """Each column's field by its header compared loosely (:func:`normal_judul`).

    >>> _per_judul(INDIKATOR)["kode"], _per_judul(INDIKATOR)["indikator kinerja"]
    ('kode', 'nama')
    """
    ada = _JUDUL.get(id(data))
    if ada is None or ada[0] is not data:
        if len(_JUDUL) > 64:  # definitions made on the fly (tests): the cache stays small
            _JUDUL.clear()
        ada = _JUDUL[id(data)] = (data, {normal_judul(k.judul): k.field for k in data.kolom})
    return ada[1]


def cari_judul(data: LembarData, grid: Grid) -> tuple[int, dict[str, int]] | None:
    """The header row of a data sheet (0-based) and each field's 0-based column, as the reader
    finds them (for a writer that adds rows under them)."""
    return _cari_judul(data, grid)


def _buka_tabel(data: LembarData, lembaran: Lembaran, p: _Pengumpul, wajib: bool = True
                ) -> tuple[_Tabel, Grid] | None:
    nama = cari_lembar(data.nama, list(lembaran.nilai))
    if nama is None:
        if wajib:
            ada = ", ".join(lembaran.nilai) or "(tidak ada)"
            p.galat(f"Lembar '{data.nama}' tidak ditemukan",
                    f"Tambahkan lembar '{data.nama}' seperti di {saran('templat', lembaran.ujung)}. "
                    f"Lembar yang ada: {ada}.")
        return None
    grid = lembaran.nilai[nama]
    temu = _cari_judul(data, grid)
    if temu is None:
        if wajib or any(not adalah_kosong(v) for b in grid for v in b):
            daftar = ", ".join(k.judul for k in data.kolom if k.wajib)
            p.galat("lembar kosong atau baris judul kolom tidak ditemukan",
                    f"Baris judul harus memuat kolom: {daftar}.", lembar=nama)
        return None
    baris_judul, kolom = temu
    hilang = [k.judul for k in data.kolom if k.wajib and k.field not in kolom]
    if hilang:
        ada = ", ".join(teks_sel(v) for v in grid[baris_judul] if not adalah_kosong(v))
        for judul in hilang:
            p.galat(f"kolom '{judul}' tidak ditemukan di baris judul (baris {baris_judul + 1})",
                    f"Kembalikan judul kolom '{judul}' seperti di templat. Judul yang ada: {ada}.",
                    lembar=nama)
        return None
    return _Tabel(nama, baris_judul, kolom), grid


def _rekaman(data: LembarData, tabel: _Tabel, grid: Grid, lembaran: Lembaran, p: _Pengumpul
             ) -> list[tuple[int, str, dict[str, Any], bool]]:
    """Parse every non-empty row below the header: (0-based row, kode, fields, whether a cell
    could not be parsed). The hot loop of reading a workbook: a recap runs it for every unit."""
    persen = lembaran.persen.get(tabel.lembar, frozenset())
    # each column's parser looked up once per table, not once per cell, and what it makes of
    # an empty cell decided once (:func:`_pengurai_kolom`)
    kolom = []
    for f, j in tabel.kolom.items():
        jenis = data.kolom_dari(f).jenis
        urai, kosong = _pengurai_kolom(jenis)
        kolom.append((f, j, urai, jenis in _JENIS_PERSEN and bool(persen), kosong))
    indeks = [k[1] for k in kolom]
    lebar = max(indeks) + 1
    ambil = itemgetter(*indeks) if len(indeks) > 1 else lambda b: (b[indeks[0]],)
    i_kode = indeks.index(tabel.kolom["kode"]) if "kode" in tabel.kolom else None  # the survey has none
    # a kode column parsed as text gives the kode itself (parse_teks is teks_sel when it does not fail)
    kode_diurai = i_kode is not None and data.kolom_dari("kode").jenis == "teks"
    # the common row in one comprehension: no percent cell in the table, no parser that must be
    # asked about an empty cell; a row where a parser fails is parsed again cell by cell below,
    # which collects the problems (parsers are pure: the second parse gives the same values)
    cepat = [(f, urai, kosong) for f, _, urai, angka, kosong in kolom] \
        if not any(k[3] or k[4] is _TANYA for k in kolom) else None
    hasil = []
    for i in range(tabel.baris_judul + 1, len(grid)):
        baris = grid[i]
        mentah = ambil(baris) if len(baris) >= lebar else tuple(baris[j] if j < len(baris) else None for j in indeks)
        if mentah.count(None) == len(mentah) or all(map(adalah_kosong, mentah)):  # stops at the first
            continue  # filled cell, usually the kode; a row of empty cells is seen at once
        nilai: dict[str, Any] | None = None
        if cepat is not None:
            try:
                nilai = {f: kosong if v is None else urai(v) for (f, urai, kosong), v in zip(cepat, mentah)}
            except DataTidakValid:
                pass
        gagal = False
        if nilai is None:
            nilai = {}
            for (f, j, urai, angka, kosong), v in zip(kolom, mentah):
                if v is None and kosong is not _TANYA:
                    nilai[f] = kosong
                    continue
                try:
                    nilai[f] = urai(v, persen=(i, j) in persen) if angka else urai(v)
                except DataTidakValid as e:
                    p.dari(e, tabel.lembar, alamat(i, j), teks_sel(mentah[i_kode]) if i_kode is not None else "")
                    nilai[f] = _GAGAL
                    gagal = True
        kode = nilai["kode"] if kode_diurai else _GAGAL
        if kode is _GAGAL:
            kode = teks_sel(mentah[i_kode]) if i_kode is not None else ""
        hasil.append((i, kode, nilai, gagal))
    return hasil


#: Column types whose cells may be percent-formatted (0.9 shown as 90 %).
_JENIS_PERSEN = frozenset(("angka", "target", "realisasi"))


@functools.lru_cache(maxsize=None)
def _pengurai_kolom(jenis: str) -> tuple[Callable[..., Any], Any]:
    """A column type's parser and what it makes of an empty cell (parsers are pure), or
    :data:`_TANYA` for a parser that rejects an empty cell: it is asked cell by cell."""
    urai = pengurai(jenis)
    try:
        return urai, urai(None)
    except DataTidakValid:
        return urai, _TANYA


#: Marks a parser whose verdict on an empty cell must be asked cell by cell.
_TANYA = object()


class _Gagal:
    """Marks a cell that could not be parsed (its problem is already collected)."""

    def __repr__(self) -> str:
        return "<gagal>"


_GAGAL = _Gagal()


def _baca_profil(lembaran: Lembaran, p: _Pengumpul) -> Profil:
    nama = cari_lembar(PROFIL_NAMA, list(lembaran.nilai))
    if nama is None:
        p.galat(f"Lembar '{PROFIL_NAMA}' tidak ditemukan",
                "Tambahkan lembar Profil seperti di templat: nama instansi, tahun, kepala, NIP, dst.")
        return Profil()
    isian = _isian_profil()
    nilai: dict[str, Any] = {}
    for r, baris in enumerate(lembaran.nilai[nama]):
        if not baris or (i := isian.get(normal_judul(baris[0]))) is None:
            continue
        v = baris[1] if len(baris) > 1 else None
        sel = alamat(r, 1)
        if i.field in ("nip", "pangkat_nip_atasan") and isinstance(v, int | float) and not isinstance(v, bool):
            p.galat(f"NIP tersimpan sebagai angka ({v:.0f}); Excel hanya menyimpan 15 digit",
                    "Ketik ulang NIP sebagai teks: awali dengan tanda petik, mis. '19700209 199003 1 002.",
                    nama, sel)
            continue
        try:
            hasil = pengurai(i.jenis)(v)
        except DataTidakValid as e:
            p.dari(e, nama, sel, None)
            continue
        if i.pilihan and hasil and hasil not in i.pilihan:
            hasil = str(hasil).strip().casefold()
            if hasil not in i.pilihan:
                p.galat(f"{i.label} '{v}' tidak dikenal", f"Pilih salah satu: {', '.join(i.pilihan)}.",
                        nama, sel)
                continue
        if hasil not in (None, ""):
            nilai[i.field] = hasil
    return Profil(**nilai)


@functools.lru_cache(maxsize=1)
def _isian_profil() -> dict[str, IsianProfil]:
    """The Profil sheet's lines by their label compared loosely (made once)."""
    return {normal_judul(i.label): i for i in PROFIL}


def _baca_indikator(lembaran: Lembaran, p: _Pengumpul) -> tuple[tuple[Indikator, ...], set[str]]:
    """The indicators that could be read, and every kode seen (also of rows with problems)."""
    buka = _buka_tabel(INDIKATOR, lembaran, p)
    if buka is None:
        return (), set()
    tabel, grid = buka
    hasil: list[Indikator] = []
    pertama: dict[str, int] = {}
    sasaran_atas = ""  # an empty Sasaran means "the same as above", as in merged IKU tables
    for i, kode, nilai, gagal in _rekaman(INDIKATOR, tabel, grid, lembaran, p):
        if nilai.get("sasaran") is _GAGAL:
            pass
        elif nilai.get("sasaran"):
            sasaran_atas = nilai["sasaran"]
        else:
            nilai["sasaran"] = sasaran_atas
        if not kode:
            p.galat("baris indikator tanpa kode", "Isi kode unik, mis. 1.1.", tabel.lembar,
                    alamat(i, tabel.kolom["kode"]))
            continue
        if kode in pertama:
            p.galat(f"kode '{kode}' ganda (sudah dipakai di baris {pertama[kode] + 1})",
                    "Beri setiap indikator kode yang berbeda.", tabel.lembar, alamat(i, tabel.kolom["kode"]), kode)
            continue
        pertama[kode] = i
        for f, judul in (("sasaran", "Sasaran Strategis"), ("nama", "Indikator Kinerja")):
            if not nilai.get(f):
                p.galat(f"{judul} kosong", f"Isi {judul} untuk indikator ini"
                        + (" (Sasaran kosong berarti sama dengan baris di atasnya)" if f == "sasaran" else "")
                        + ".", tabel.lembar, alamat(i, tabel.kolom[f]), kode)
        if gagal:
            continue
        isi = {k: v for k, v in nilai.items() if v is not None and k != "kode"}
        hasil.append(Indikator(kode=kode, **{"sasaran": "", "nama": "", **isi}, baris=i + 1))
    return tuple(hasil), set(pertama)


def _baca_per_tahun(data: LembarData, lembaran: Lembaran, p: _Pengumpul, kode_ada: set[str],
                    buat: Callable[[str, int, dict[str, Any], int], Any], *, unik: bool = True,
                    wajib: bool = True) -> tuple[Any, ...]:
    buka = _buka_tabel(data, lembaran, p, wajib=wajib)
    if buka is None:
        return ()
    tabel, grid = buka
    hasil = []
    pertama: dict[tuple[str, int], int] = {}
    huruf = tuple((f, huruf_kolom(j)) for f, j in tabel.kolom.items())  # for messages naming a cell
    for i, kode, nilai, gagal in _rekaman(data, tabel, grid, lembaran, p):
        nilai[_HURUF] = huruf
        tahun = nilai.get("tahun")
        if not kode:
            p.galat("baris tanpa kode indikator", "Isi kode indikator dari lembar Indikator.",
                    tabel.lembar, alamat(i, tabel.kolom["kode"]))
            continue
        if kode_ada and kode not in kode_ada:
            p.galat(f"kode '{kode}' tidak ada di lembar Indikator",
                    "Perbaiki kode atau tambahkan indikatornya di lembar Indikator.", tabel.lembar,
                    alamat(i, tabel.kolom["kode"]), kode)
            continue
        if tahun is None:
            p.galat("tahun kosong", "Isi tahun, mis. 2024.", tabel.lembar, alamat(i, tabel.kolom["tahun"]), kode)
            continue
        if gagal:
            continue
        if unik and (kode, tahun) in pertama:
            p.galat(f"{data.nama.lower()} {tahun} untuk kode '{kode}' ganda (sudah ada di baris "
                    f"{pertama[(kode, tahun)] + 1})", "Hapus salah satu baris.", tabel.lembar,
                    alamat(i, tabel.kolom["kode"]), kode)
            continue
        pertama[(kode, tahun)] = i
        hasil.append(buat(kode, tahun, nilai, i + 1))
    return tuple(hasil)


def _target(kode: str, tahun: int, v: dict[str, Any], baris: int) -> TargetIKU:
    g = v.get
    return TargetIKU(kode, tahun, g("nilai"), (g("tw1"), g("tw2"), g("tw3"), g("tw4")), baris,
                     (g("rencana_aksi1") or "", g("rencana_aksi2") or "", g("rencana_aksi3") or "",
                      g("rencana_aksi4") or ""))


#: The key under which a row's fields carry the table's column letters (field, letter).
_HURUF = "__huruf__"


def _realisasi(kode: str, tahun: int, v: dict[str, Any], baris: int) -> RealisasiIKU:
    tw = (v.get("tw1"), v.get("tw2"), v.get("tw3"), v.get("tw4"))
    return RealisasiIKU(kode, tahun, tw, v.get("tahunan"), v.get("pembilang"), v.get("penyebut"), baris,
                        v.get("sumber"), v.get(_HURUF, ()))


def _program(kode: str, tahun: int, v: dict[str, Any], baris: int) -> ProgramIKU:
    return ProgramIKU(kode, tahun, v.get("program") or "", v.get("kegiatan") or "", v.get("target") or "",
                      v.get("anggaran"), v.get("realisasi_anggaran"), baris)


def _baca_skala(lembaran: Lembaran, p: _Pengumpul) -> Skala | None:
    buka = _buka_tabel(SKALA_KUSTOM, lembaran, p, wajib=False)
    if buka is None:
        return None
    tabel, grid = buka
    baris = [[b[tabel.kolom[f]] if f in tabel.kolom and tabel.kolom[f] < len(b) else None
              for f in ("batas", "label", "warna")] for b in grid[tabel.baris_judul + 1:]]
    if all(adalah_kosong(v) for b in baris for v in b):
        return None
    try:
        return skala_dari_tabel(baris, baris_awal=tabel.baris_judul + 2)
    except DataTidakValid as e:
        p.dari(e, tabel.lembar, "", None)
        return None


def _baca_survei(lembaran: Lembaran, p: _Pengumpul) -> tuple[Responden, ...]:
    """The Survei IKM sheet, when present: one :class:`Responden` per filled row. A score outside
    1-4 is a galat naming its cell; the row is left out of the computation."""
    buka = _buka_tabel(SURVEI, lembaran, p, wajib=False)
    if buka is None:
        return ()
    tabel, grid = buka
    hasil = []
    for i, _, v, gagal in _rekaman(SURVEI, tabel, grid, lembaran, p):
        nilai = tuple(v.get(f"u{n}") for n in range(1, 10))
        if not v.get("periode") and any(x is not None for x in nilai):
            p.galat("periode survei kosong", "Isi Periode, mis. 2024 Semester I.", tabel.lembar,
                    alamat(i, tabel.kolom["periode"]))
            continue
        if gagal or all(x is None for x in nilai):
            continue  # a row of profile only (no answer) is not a respondent
        hasil.append(Responden(v["periode"], nilai, v.get("layanan") or "", v.get("tanggal"),
                               v.get("jenis_kelamin") or "", v.get("umur"), v.get("pendidikan") or "",
                               v.get("pekerjaan") or "", v.get("saran") or "", i + 1))
    return tuple(hasil)


def baca_buku(lembaran: Lembaran) -> tuple[BukuIKU, list[Masalah]]:
    """Read a whole IKU workbook; problems are collected, never raised."""
    p = _Pengumpul()
    profil = _baca_profil(lembaran, p)
    indikator, kode = _baca_indikator(lembaran, p)
    target = _baca_per_tahun(TARGET, lembaran, p, kode, _target)
    realisasi = _baca_per_tahun(REALISASI, lembaran, p, kode, _realisasi)
    skala = _baca_skala(lembaran, p)
    program = _baca_per_tahun(PROGRAM, lembaran, p, kode, _program, unik=False, wajib=False)
    survei = _baca_survei(lembaran, p)
    return BukuIKU(profil, indikator, target, realisasi, skala, program, survei), p.masalah


#: A percent cell typed as a fraction holds at most this much (150 %).
BATAS_PECAHAN = 1.5


def _kecil(v: object) -> bool:
    if type(v) is float:  # the common case first
        return 0 < abs(v) <= BATAS_PECAHAN
    return isinstance(v, float | int) and not isinstance(v, bool) and 0 < abs(v) <= BATAS_PECAHAN


def baris_persen(buku: BukuIKU) -> dict[str, set[int]]:
    """Rows (0-based) of the Target and Realisasi sheets where a % indicator holds a number in
    (0, 1.5]: only there can a percent-formatted cell (0.9 shown as 90 %) change a value."""
    from iku_xl.core.formulasi import normal_satuan

    persen = {i.kode for i in buku.indikator if normal_satuan(i.satuan) == "%"}
    hasil: dict[str, set[int]] = {}
    if not persen:
        return hasil
    for nama, rekaman in ((TARGET.nama, ((t, t.nilai, *t.tw) for t in buku.target if t.kode in persen)),
                          (REALISASI.nama, ((r, *r.tw, r.tahunan, r.pembilang, r.penyebut)
                                            for r in buku.realisasi if r.kode in persen))):
        for rek, *nilai in rekaman:
            if rek.baris and any(map(_kecil, nilai)):
                hasil.setdefault(nama, set()).add(rek.baris - 1)
    return hasil


def sel_kecil(lembaran: Lembaran, baris: dict[str, set[int]]) -> dict[str, set[tuple[int, int]]]:
    """The cells holding a number in (0, 1.5] in those rows (sheet names as the workbook spells them)."""
    hasil: dict[str, set[tuple[int, int]]] = {}
    for nama, rows in baris.items():
        lembar = cari_lembar(nama, list(lembaran.nilai))
        if lembar is None:
            continue
        grid = lembaran.nilai[lembar]
        sel = {(i, j) for i in rows if i < len(grid) for j, v in enumerate(grid[i]) if v is not None and _kecil(v)}
        if sel:
            hasil[lembar] = sel
    return hasil


def kandidat_persen(lembaran: Lembaran) -> dict[str, set[tuple[int, int]]]:
    """Cells whose number format decides their value: numbers in (0, 1.5] in the rows of %
    indicators (0.9 in a percent-formatted cell means 90).

    Readers that cannot see number formats cheaply (calamine, xlwings) look up only these.

    >>> lb = Lembaran({"Indikator": [["Kode", "Sasaran Strategis", "Indikator Kinerja", "Satuan"],
    ...                              ["1.1", "S", "Persentase A", "%"], ["1.2", "S", "Jumlah B", "Kegiatan"]],
    ...                "Target": [["Kode", "Tahun", "Target"], ["1.1", 2024, 0.9], ["1.2", 2024, 1.0]]})
    >>> kandidat_persen(lb)
    {'Target': {(1, 2)}}
    """
    return sel_kecil(lembaran, baris_persen(baca_buku(lembaran)[0]))
