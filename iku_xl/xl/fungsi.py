"""The cell functions staff call in Excel, defined once for every front end.

Each function is a thin wrapper: parse with :mod:`iku_xl.core.parse`, call the core,
return. :func:`_fungsi_sel` adds what every cell function needs, once:

* **Ranges.** Arguments arrive as xlwings hands them over with ``ndim=2``: a range is a
  list of rows, and so is a single cell or a typed value (``[[90]]``); an omitted
  optional argument is None (xlwings Server also sends an empty single cell as None);
  Python callers pass plain values. Given ranges the answer is a list of rows of the
  same shape, one element per cell, computed in one call; a 1x1 range and a plain value
  are spread over the others. An argument marked ``per_baris`` takes one whole row per
  answer (IKU_REALISASI: n rows x 4 quarters give n x 1). A function may name the core's
  many-cell path (``banyak``: :func:`~iku_xl.core.capaian.capaian_banyak` and its kin), which
  decides plain numbers and empty cells of a whole range in one pass; the cells it leaves (text,
  grades, problems) go through the function one by one, so each keeps its own answer or message.
* **Errors.** A value the core cannot use (an :class:`~iku_xl.core.errors.IkuError`)
  becomes a short message in that element only, starting with :data:`MARKA`::

      #IKU! realisasi: 'abc' bukan angka yang jelas

  The marker looks like Excel's own #N/A and #VALUE!, so staff read it as "this cell
  has a problem"; the rest of the text says which argument and why (at most
  :data:`PANJANG_PESAN` characters). Formulas can test it with ``LEFT(G7,5)="#IKU!"``.
  A message passed into another IKU function comes out unchanged, as Excel errors do.
  Other exceptions are bugs and keep their traceback.
* **Empty.** No result (empty realisasi, empty capaian) is returned as "" (:data:`KOSONG`).
  Both xlwings engines write Python's None as "" anyway -- classic:
  ``xlwings/_xlwindows.py`` ``Engine.prepare_xl_data_element`` (``elif x is None:
  return ""``); Office.js: ``xlwings/pro/_xlofficejs.py`` ``prepare_xl_data_element``
  (``if x is None: return ""``), xlwings 0.37.8 -- so returning "" makes a plain Python
  call give exactly what the cell shows. The cell then holds empty text, not a blank:
  ``=G7=""`` is TRUE, ``ISBLANK(G7)`` is FALSE.
* **Error cells.** The front ends ask xlwings for ``err_to_str=True``, so #N/A arrives as
  the text "#N/A" and is reported (the core's parser names Excel's error values). An
  engine that hands None instead makes it look like an empty cell.

Results are full-precision numbers; Excel's number format rounds them for display.

>>> IKU_CAPAIAN(90, 92)
102.22222222222221
>>> IKU_CAPAIAN([[90], ["80-90"]], [[92], [None]])
[[102.22222222222221], ['']]
>>> IKU_CAPAIAN(90, "abc")
"#IKU! realisasi: 'abc' bukan angka yang jelas"
>>> IKU_PREDIKAT(IKU_CAPAIAN(0, 5))
'#IKU! target 0'
>>> IKU_REALISASI([[10, 12, None, 8], [80, 85, 90, None]], [["jumlah"], ["nilai terakhir"]])
[[30.0], [90.0]]
>>> IKU_RASIO(45, 50)
90.0
>>> IKU_VALIDASI("Persentase desa maju", "%", "Realisasi desa maju/Jumlah Desa*100")
'OK'
>>> IKU_IKM([[4, 3, 3, 4, 3, 3, 4, 3, 3], [3, 3, 4, 4, 3, 3, 3, 3, None]])
81.94444444444444
>>> IKU_MUTU(81.94)
'B'
>>> IKU_IKM([[4, 3, 3, 4, 5, 3, 4, 3, 3]])
'#IKU! jawaban baris 1 kolom 5: nilai 5 di luar skala 1-4'
>>> [f.nama for f in FUNGSI]
['IKU_CAPAIAN', 'IKU_PREDIKAT', 'IKU_REALISASI', 'IKU_RASIO', 'IKU_VALIDASI', 'IKU_IKM', 'IKU_MUTU']
"""

from __future__ import annotations

import functools
import inspect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from iku_xl.core.capaian import capaian_banyak, rinci_capaian
from iku_xl.core.errors import DataTidakValid, IkuError, singkat
from iku_xl.core.formulasi import periksa_formulasi, periksa_skala_saudara
from iku_xl.core.ikm import NILAI_MAKS, NILAI_MIN, UNSUR, hitung_ikm, mutu
from iku_xl.core.konsolidasi import NAMA_TW, rasio_banyak, realisasi_banyak, realisasi_rasio, realisasi_tahunan
from iku_xl.core.model import NilaiHuruf
from iku_xl.core.parse import (
    JENIS_KONSOLIDASI,
    METODE_NEGATIF,
    adalah_kosong,
    parse_angka,
    parse_realisasi,
    parse_skor_ikm,
    parse_target,
    teks_sel,
)
from iku_xl.core.predikat import SKALA, pilih_skala, predikat, predikat_banyak

#: How a cell that holds a message instead of a result starts.
MARKA = "#IKU!"
#: The longest message a cell shows (the marker included).
PANJANG_PESAN = 80
#: What a function returns for "no result": shows as an empty cell.
KOSONG = ""
#: The Excel function category (classic xlwings).
KATEGORI = "iku-xl"

_BAWAAN_SKALA = inspect.signature(predikat).parameters["skala"].default


@dataclass(frozen=True)
class Argumen:
    """One argument of a cell function, as the Function Wizard shows it."""

    nama: str
    keterangan: str
    opsional: bool = False
    per_baris: bool = False  # one row of a range per answer, instead of one cell
    lebar: int | None = None  # cells such a row must have
    utuh: bool = False  # the whole range is one value (one answer for the range: IKU_IKM)


@dataclass(frozen=True)
class Fungsi:
    """One cell function: its Excel name, description, arguments and implementation."""

    nama: str
    keterangan: str
    argumen: tuple[Argumen, ...]
    fungsi: Callable[..., Any] = field(compare=False, repr=False)
    kategori: str = KATEGORI


_DAFTAR: list[Fungsi] = []


# ---- the one wrapper: ranges, messages, empty cells -------------------------------------

def _pesan(e: IkuError) -> str:
    """The short cell message of an error: marker, problem, cut at a word."""
    return singkat(f"{MARKA} {e.pesan}", PANJANG_PESAN)


@dataclass(frozen=True)
class _Isian:
    """One argument, normalised: a single value (a row list when per_baris) or a grid."""

    nilai: Any
    ukuran: tuple[int, int] | None = None  # (rows, columns) when a grid
    rentang: bool = False  # came as a range, so the answer is one too

    def ambil(self, i: int, j: int) -> Any:
        return self.nilai if self.ukuran is None else self.nilai[i][j]

    def datar(self, n: int) -> list[Any]:
        """The n values row by row: the grid's cells, or the single value n times."""
        return list(itertools.chain.from_iterable(self.nilai)) if self.ukuran is not None else [self.nilai] * n


def _daftar(x: object) -> TypeGuard[Sequence[Any]]:
    return isinstance(x, list | tuple)


def _kisi(nama: str, x: Sequence[Any]) -> list[list[Any]]:
    """A range as a list of equally long rows (a flat list is one row)."""
    if x and set(map(type, x)) <= {list, tuple}:  # a range as xlwings hands it, checked at C speed
        kisi = list(x)
    elif all(_daftar(b) for b in x):
        kisi = [list(b) for b in x]
    elif any(_daftar(b) for b in x):
        raise DataTidakValid(f"{nama}: rentang bercampur sel dan baris")
    else:
        kisi = [list(x)]
    if not kisi or len(set(map(len, kisi))) != 1 or not kisi[0]:
        raise DataTidakValid(f"{nama}: rentang kosong atau barisnya tidak sama panjang")
    return kisi


def _isian(a: Argumen, x: object) -> _Isian:
    if a.utuh:  # the range as rows, one answer; a single value is a range of one cell
        return _Isian(_kisi(a.nama, x) if _daftar(x) else [[x]])
    if not _daftar(x):
        isian = _Isian([x] if a.per_baris else x)
    elif a.per_baris:
        kisi = _kisi(a.nama, x)
        rentang = all(map(_daftar, x))  # a flat list (plain Python) is one row, not a range
        isian = _Isian([[b] for b in kisi], (len(kisi), 1), True) if len(kisi) > 1 else \
            _Isian(kisi[0], None, rentang)
    else:
        kisi = _kisi(a.nama, x)
        isian = _Isian(kisi[0][0], None, True) if len(kisi) == len(kisi[0]) == 1 else \
            _Isian(kisi, (len(kisi), len(kisi[0])), True)
    if a.per_baris and a.lebar is not None:
        baris = [isian.nilai] if isian.ukuran is None else [b[0] for b in isian.nilai]
        if any(len(b) != a.lebar for b in baris):
            raise DataTidakValid(f"{a.nama}: tiap baris harus {a.lebar} sel, bukan {len(baris[0])}")
    return isian


def _ukuran(argumen: Sequence[Argumen], isian: Sequence[_Isian]) -> tuple[int, int] | None:
    ada = [(a.nama, s.ukuran) for a, s in zip(argumen, isian) if s.ukuran is not None]
    if len({u for _, u in ada}) > 1:
        daftar = ", ".join(f"{nama} {u[0]}x{u[1]}" for nama, u in ada)
        raise DataTidakValid(f"ukuran rentang berbeda: {daftar}")
    return ada[0][1] if ada else None


def _satu(isi: Callable[..., Any], nilai: Sequence[Any]) -> Any:
    """One element: an earlier message passes through, an IkuError becomes one."""
    for x in nilai:
        for y in x if _daftar(x) else (x,):
            if isinstance(y, str) and y.startswith(MARKA):
                return y
    try:
        hasil = isi(*nilai)
    except IkuError as e:
        return _pesan(e)
    if hasil is None:
        return KOSONG
    return str(hasil) if isinstance(hasil, NilaiHuruf) else hasil


#: A many-cell path: the flat values of each argument in, the decided results and the
#: indexes left for the one-cell path out (None: no such path for these arguments).
Banyak = Callable[..., tuple[list[Any], list[int]] | None]


def _panggil(isi: Callable[..., Any], argumen: Sequence[Argumen], nilai: Sequence[Any],
             banyak: Banyak | None = None) -> Any:
    try:
        isian = [_isian(a, x) for a, x in zip(argumen, nilai)]
        ukuran = _ukuran(argumen, isian)
    except IkuError as e:
        return _pesan(e)
    if ukuran is None:
        hasil = _satu(isi, [s.nilai for s in isian])
        return [[hasil]] if any(s.rentang for s in isian) else hasil
    n, m = ukuran
    keputusan = None
    if banyak is not None:
        datar = [s.datar(n * m) for s in isian]
        keputusan = banyak(*datar)
    if keputusan is None:
        return [[_satu(isi, [s.ambil(i, j) for s in isian]) for j in range(m)] for i in range(n)]
    hasil, sisa = keputusan
    for k in sisa:
        hasil[k] = _satu(isi, [d[k] for d in datar])  # never None: KOSONG for no result
    if m == 1:
        return [[KOSONG if x is None else x] for x in hasil]
    hasil = [KOSONG if x is None else x for x in hasil]
    return [hasil[i:i + m] for i in range(0, n * m, m)]


def _fungsi_sel(keterangan: str, *argumen: Argumen,
                banyak: Banyak | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Make ``isi`` (one element's work) a cell function and list it in :data:`FUNGSI`.

    ``banyak``, when given, decides the common cells of a range in one pass (the core's own
    many-cell path); the cells it leaves go through ``isi`` one by one."""
    def pasang(isi: Callable[..., Any]) -> Callable[..., Any]:
        tanda = inspect.signature(isi)
        dari_kode = [(p.name, p.default is not p.empty) for p in tanda.parameters.values()]
        if dari_kode != [(a.nama, a.opsional) for a in argumen]:
            raise TypeError(f"metadata argumen {isi.__name__} tidak cocok dengan {tanda}")

        @functools.wraps(isi)
        def sel(*args: Any, **kwargs: Any) -> Any:
            ikatan = tanda.bind(*args, **kwargs)
            ikatan.apply_defaults()
            return _panggil(isi, argumen, list(ikatan.arguments.values()), banyak)

        sel.__doc__ = keterangan
        _DAFTAR.append(Fungsi(isi.__name__, keterangan, tuple(argumen), sel))
        return sel
    return pasang


def _urai(nama: str, pengurai: Callable[[object], Any], nilai: object) -> Any:
    """``nilai`` parsed by a core parser; a problem names the argument."""
    try:
        return pengurai(nilai)
    except IkuError as e:
        raise DataTidakValid(f"{nama}: {e.pesan}", nilai=e.nilai, saran=e.saran) from None


def _skalar_bersih(*nilai: object) -> bool:
    """Single values that a many-cell path may take as they are: no range, no earlier message."""
    return not any(isinstance(x, list) or (isinstance(x, str) and x.startswith(MARKA)) for x in nilai)


def _seragam(*nilai: list[Any]) -> bool:
    """Every list holds one and the same single value (an option given once), not a message."""
    return all(x.count(x[0]) == len(x) for x in nilai) and _skalar_bersih(*(x[0] for x in nilai))


def _teks_angka(nilai: list[Any], pengurai: Callable[[object], Any]) -> list[Any]:
    """``nilai`` with each text the parser reads as a plain number or as empty replaced by that
    number or None, each distinct text parsed once; the parser gives the same for either, so
    only text it reads otherwise (a range, a grade, a problem) is left for the one-cell path."""
    if str not in set(map(type, nilai)):
        return nilai
    terbaca: dict[str, Any] = {}
    hasil = list(nilai)
    for i, x in enumerate(nilai):
        if type(x) is str:
            if x not in terbaca:
                try:
                    y = pengurai(x)
                except IkuError:
                    y = x
                terbaca[x] = y if y is None or type(y) is float else x
            hasil[i] = terbaca[x]
    return hasil


def _capaian_banyak(target: list[Any], realisasi: list[Any], polaritas: list[Any],
                    metode_negatif: list[Any]) -> tuple[list[Any], list[int]] | None:
    if not _seragam(polaritas, metode_negatif):
        return None  # polaritas per cell: cell by cell
    try:
        return capaian_banyak(_teks_angka(target, parse_target), _teks_angka(realisasi, parse_realisasi),
                              polaritas[0], metode_negatif[0])
    except IkuError:
        return None  # a polaritas the core rejects: each cell says so


def _predikat_banyak(capaian: list[Any], skala: list[Any]) -> tuple[list[Any], list[int]] | None:
    if not _seragam(skala):
        return None
    try:
        s = pilih_skala(_BAWAAN_SKALA if adalah_kosong(skala[0]) else teks_sel(skala[0]))
    except IkuError:
        return None  # an unknown scale: each cell says so
    return predikat_banyak(_teks_angka(capaian, parse_angka), s)


def _realisasi_banyak(nilai_tw: list[Any], jenis_konsolidasi: list[Any]) -> tuple[list[Any], list[int]] | None:
    if not _seragam(jenis_konsolidasi):
        return None
    try:
        return realisasi_banyak(nilai_tw, jenis_konsolidasi[0])
    except IkuError:
        return None  # an unknown jenis: each row says so


def _rasio_banyak(pembilang: list[Any], penyebut: list[Any]) -> tuple[list[Any], list[int]]:
    return rasio_banyak(_teks_angka(pembilang, parse_angka), _teks_angka(penyebut, parse_angka))


# ---- the functions ----------------------------------------------------------------------

@_fungsi_sel(
    "Capaian (%) dari realisasi terhadap target, sesuai PermenPANRB 8/2021. "
    "Realisasi kosong memberi sel kosong.",
    Argumen("target", "Target: angka (90 atau 83,5), rentang (80-90) atau predikat (BB, WTP)."),
    Argumen("realisasi", "Realisasi: angka atau predikat. Kosong berarti capaian kosong."),
    Argumen("polaritas", "Opsional. positif (makin tinggi makin baik; bawaan) atau negatif "
                         "(makin rendah makin baik).", opsional=True),
    Argumen("metode_negatif", f"Opsional, rumus polaritas negatif: {' atau '.join(METODE_NEGATIF)} "
                              f"(bawaan {METODE_NEGATIF[0]}).", opsional=True),
    banyak=_capaian_banyak,
)
def IKU_CAPAIAN(target: object, realisasi: object, polaritas: object = None,
                metode_negatif: object = None) -> float | None:
    t, r = _urai("target", parse_target, target), _urai("realisasi", parse_realisasi, realisasi)
    hasil = rinci_capaian(t, r, polaritas, metode_negatif)
    if hasil.nilai is None and t is not None and r is not None:
        raise DataTidakValid(hasil.alasan)  # e.g. target 0: say why the cell stays empty
    return hasil.nilai


@_fungsi_sel(
    f"Predikat dari capaian (%) menurut skala: {', '.join(s.judul for s in SKALA.values())}.",
    Argumen("capaian", "Capaian dalam persen, mis. 102,5. Kosong berarti predikat kosong."),
    Argumen("skala", f"Opsional. Salah satu: {', '.join(SKALA)} (bawaan {_BAWAAN_SKALA}).",
            opsional=True),
    banyak=_predikat_banyak,
)
def IKU_PREDIKAT(capaian: object, skala: object = None) -> str | None:
    x = _urai("capaian", parse_angka, capaian)
    return predikat(x) if adalah_kosong(skala) else predikat(x, teks_sel(skala))


@_fungsi_sel(
    "Realisasi setahun dari realisasi triwulan (TW I-IV) menurut jenis konsolidasi; sel kosong "
    "dilewati. Rentang n baris x 4 kolom memberi n hasil.",
    Argumen("nilai_tw", "Satu baris 4 sel: realisasi TW I, TW II, TW III dan TW IV (angka atau predikat).",
            per_baris=True, lebar=len(NAMA_TW)),
    Argumen("jenis_konsolidasi", f"Opsional. Salah satu: {', '.join(JENIS_KONSOLIDASI)} "
                                 "(bawaan nilai terakhir).", opsional=True),
    banyak=_realisasi_banyak,
)
def IKU_REALISASI(nilai_tw: Sequence[object], jenis_konsolidasi: object = None) -> object:
    for tw, nilai in zip(NAMA_TW, nilai_tw):
        _urai(tw, parse_realisasi, nilai)  # names the quarter of a bad cell
    return realisasi_tahunan(nilai_tw, jenis_konsolidasi).nilai


@_fungsi_sel(
    "Realisasi indikator rasio dalam persen: pembilang / penyebut x 100.",
    Argumen("pembilang", "Bagian yang diukur, mis. jumlah pengaduan yang ditindaklanjuti."),
    Argumen("penyebut", "Keseluruhannya, mis. jumlah seluruh pengaduan; harus lebih dari 0."),
    banyak=_rasio_banyak,
)
def IKU_RASIO(pembilang: object, penyebut: object) -> float | None:
    a, b = _urai("pembilang", parse_angka, pembilang), _urai("penyebut", parse_angka, penyebut)
    return realisasi_rasio(a, b)


def _saudara(label: str, pengurai: Callable[[object], Any], baris: Sequence[object]) -> list[tuple[str, float]]:
    """The numbers of one row of targets or realisasi, labelled by position."""
    nilai = [(f"{label} ke-{i}", _urai(f"{label} ke-{i}", pengurai, v)) for i, v in enumerate(baris, 1)]
    return [(nama, x) for nama, x in nilai if isinstance(x, float)]


@_fungsi_sel(
    "Memeriksa nama, satuan dan formulasi indikator, serta target/realisasi yang beda skala. "
    "Hasilnya OK, atau daftar masalah dipisah titik koma.",
    Argumen("indikator", "Nama indikator, mis. Persentase pengaduan yang ditindaklanjuti."),
    Argumen("satuan", "Satuan indikator, mis. %, Kegiatan, Dokumen."),
    Argumen("formulasi", "Formulasi (cara menghitung), mis. Jumlah pengaduan yang ditindaklanjuti / "
                         "Jumlah seluruh pengaduan x 100 %."),
    Argumen("target", "Opsional. Target indikator ini per tahun, dalam satu baris.",
            opsional=True, per_baris=True),
    Argumen("realisasi", "Opsional. Realisasi indikator ini per tahun, dalam satu baris.",
            opsional=True, per_baris=True),
)
def IKU_VALIDASI(indikator: object, satuan: object, formulasi: object,
                 target: Sequence[object] | None = None,
                 realisasi: Sequence[object] | None = None) -> str | None:
    if adalah_kosong(indikator):
        return None
    masalah = periksa_formulasi(teks_sel(indikator), teks_sel(satuan), teks_sel(formulasi))
    nilai = _saudara("target", parse_target, target or ()) + \
        _saudara("realisasi", parse_realisasi, realisasi or ())
    masalah += periksa_skala_saudara(nilai, teks_sel(satuan))
    return "; ".join(m.pesan for m in masalah) or "OK"


@_fungsi_sel(
    "Indeks Kepuasan Masyarakat (konversi 25-100, PermenPANRB 14/2017) dari jawaban survei: "
    "rata-rata tiap unsur x 1/9, dijumlah, x 25. Sel kosong = unsur tidak dijawab.",
    Argumen("jawaban", f"Rentang jawaban: satu baris per responden, {len(UNSUR)} kolom U1-U{len(UNSUR)} "
                       f"berisi {NILAI_MIN}-{NILAI_MAKS}; sel kosong boleh.", utuh=True),
)
def IKU_IKM(jawaban: Sequence[Sequence[object]]) -> float | str | None:
    lebar = len(jawaban[0])
    if lebar != len(UNSUR):
        raise DataTidakValid(f"jawaban harus {len(UNSUR)} kolom (U1-U{len(UNSUR)}), bukan {lebar}")
    for b in jawaban:  # a message from another IKU function passes through, as Excel errors do
        pesan = next((v for v in b if isinstance(v, str) and v.startswith(MARKA)), None)
        if pesan is not None:
            return pesan
    baris = []
    for i, b in enumerate(jawaban, start=1):
        baris.append([_urai(f"jawaban baris {i} kolom {j}", parse_skor_ikm, v) for j, v in enumerate(b, start=1)])
    hasil = hitung_ikm(baris)
    if hasil.n_responden and not hasil.lengkap:
        kosong = ", ".join(f"U{u.nomor}" for u in hasil.unsur_kosong)
        raise DataTidakValid(f"unsur {kosong} tidak dijawab seorang pun")
    return hasil.konversi


@_fungsi_sel(
    "Mutu pelayanan A-D dari nilai IKM konversi (25-100): A Sangat Baik (88,31 ke atas), B Baik "
    "(76,61), C Kurang Baik (65,00), D Tidak Baik.",
    Argumen("ikm", "Nilai IKM konversi 25-100, mis. hasil IKU_IKM. Kosong berarti mutu kosong."),
)
def IKU_MUTU(ikm: object) -> str | None:
    x = _urai("ikm", parse_angka, ikm)
    if x is not None and not NILAI_MIN * 25 <= x <= NILAI_MAKS * 25:
        raise DataTidakValid(f"ikm {teks_sel(x)} di luar {NILAI_MIN * 25}-{NILAI_MAKS * 25}")
    return mutu(x)


#: Every cell function with its metadata, in the order the documentation lists them.
FUNGSI: tuple[Fungsi, ...] = tuple(_DAFTAR)


def salinan(spek: Fungsi) -> Callable[..., Any]:
    """A fresh function object for one front end to decorate.

    xlwings' decorators write ``__xlfunc__`` onto the function itself, so classic
    xlwings and xlwings Server each need their own object. The copy has the same
    signature (through ``__wrapped__``), no annotations (xlwings would read them as
    converters) and the Indonesian description as its docstring.
    """
    asli = spek.fungsi

    @functools.wraps(asli)
    def f(*args: Any) -> Any:
        return asli(*args)

    f.__dict__.pop("__xlfunc__", None)
    f.__annotations__ = {}
    f.__doc__ = spek.keterangan
    return f
