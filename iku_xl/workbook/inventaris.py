"""What of the user's content a workbook file holds, and the check before every save.

Read from the zip itself (zipfile + defusedxml), never through openpyxl: the point is to
see what openpyxl drops (sparklines, Excel 2010 conditional formats and validations, shapes,
pictures without Pillow, dynamic-array formulas, threaded comments, slicers, ...). The sheets
iku-xl writes itself (:func:`iku_xl.core.skema.lembar_buatan_iku`) are not counted: a run
replaces them on purpose.

:class:`PeriksaIsi` is the hook :func:`iku_xl.workbook.simpan.simpan` calls with the finished
temporary output: when something of the source would be missing, an overwrite is refused
(:class:`~iku_xl.core.errors.BerkasTidakValid`, the list per sheet) and a new file gets a
peringatan.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring, iterparse

from iku_xl.core.errors import BerkasTidakValid, Masalah
from iku_xl.core.skema import lembar_buatan_iku

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_X14 = "{http://schemas.microsoft.com/office/spreadsheetml/2009/9/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"

#: What is counted, in the order and the words of the messages.
JENIS = {
    "gambar": "gambar",
    "gambar_latar": "gambar latar",
    "grafik": "grafik",
    "grafik_2016": "grafik jenis baru (Excel 2016)",
    "bentuk": "bentuk/kotak teks",
    "komentar": "komentar",
    "komentar_berutas": "komentar berutas (Excel 365)",
    "validasi": "validasi data",
    "validasi_2010": "validasi data (Excel 2010)",
    "format_bersyarat": "format bersyarat",
    "format_bersyarat_2010": "format bersyarat Excel 2010 (mis. batang data)",
    "sparkline": "sparkline",
    "tabel": "tabel",
    "tautan": "hyperlink",
    "teks_kaya": "sel teks berformat (rich text)",
    "rumus_dinamis": "rumus array dinamis",
    "filter": "filter otomatis",
    "pivot": "tabel pivot",
    "slicer": "slicer",
    "timeline": "timeline",
    "kontrol_formulir": "kontrol formulir (tombol, kotak centang, ...)",
    "activex": "kontrol ActiveX",
    "ole": "objek OLE",
}

#: Workbook-level parts, by path prefix.
BAGIAN_BUKU = {
    "xl/vbaProject.bin": "proyek makro VBA",
    "xl/externalLinks/": "tautan ke buku kerja lain",
    "xl/pivotCache/": "cache tabel pivot",
    "xl/slicerCaches/": "cache slicer",
    "xl/timelineCaches/": "cache timeline",
    "xl/connections.xml": "koneksi data",
    "xl/model/": "model data (Power Pivot)",
    "customXml/": "data XML kustom",
}

_STATUS = {"visible": "terlihat", "hidden": "tersembunyi", "veryHidden": "sangat tersembunyi"}


@dataclass(frozen=True)
class Lembar:
    nama: str
    jenis: str  # the relationship type: "worksheet", "chartsheet", "dialogsheet", ...
    status: str  # visible / hidden / veryHidden
    isi: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Inventaris:
    """The user's content of one workbook file (sheets iku-xl writes itself left out)."""

    lembar: tuple[Lembar, ...]
    nama: frozenset[tuple[str, str]]  # defined names: (sheet of a sheet-local name or "", name)
    buku: Counter[str]  # BAGIAN_BUKU label -> number of parts

    def per_lembar(self) -> dict[str, Lembar]:
        return {lb.nama: lb for lb in self.lembar}


def _lokal(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Zip:
    def __init__(self, z: zipfile.ZipFile) -> None:
        self.z = z
        self.nama = set(z.namelist())

    def baca(self, bagian: str) -> bytes | None:
        return self.z.read(bagian) if bagian in self.nama else None

    def rels(self, bagian: str) -> list[tuple[str, str, str]]:
        """(type's last word, target part, id) of each internal relationship of ``bagian``."""
        folder, nama = posixpath.split(bagian)
        data = self.baca(posixpath.join(folder, "_rels", nama + ".rels"))
        if data is None:
            return []
        hasil = []
        for r in fromstring(data):
            if r.get("TargetMode") == "External":
                continue
            target = r.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            hasil.append((r.get("Type", "").rpartition("/")[2], path, r.get("Id", "")))
        return hasil


def _teks_kaya_bersama(isi: _Zip, target: str | None) -> frozenset[int]:
    """Indexes of the shared strings that are rich text (runs of their own formatting)."""
    data = isi.baca(target) if target else None
    if data is None or b"<r>" not in data and b":r>" not in data:
        return frozenset()
    kaya, i = set(), -1
    for _, el in iterparse(_aliran(data), events=("end",)):
        tag = _lokal(el.tag)
        if tag == "si":
            i += 1
            if any(_lokal(anak.tag) == "r" for anak in el):
                kaya.add(i)
            el.clear()
    return frozenset(kaya)


def _aliran(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)


def _hitung_lembar(isi: _Zip, bagian: str, kaya: frozenset[int]) -> Counter[str]:
    """Count the content of one sheet part (worksheet or chart sheet) and its related parts."""
    n: Counter[str] = Counter()
    data = isi.baca(bagian)
    if data is None:
        return n
    rels = isi.rels(bagian)
    jenis_rel = {rid: jenis for jenis, _, rid in rels}
    kepala, sel = _pisah_sel(data)
    n.update(_hitung_sel(sel, kaya))
    akar = fromstring(kepala)
    for el in akar.iter():
        jenis = _ELEMEN.get(el.tag)
        if jenis:
            n[jenis] += 1
        elif el.tag == _MAIN + "control" and jenis_rel.get(el.get(_R_ID, "")) == "control":
            n["activex"] += 1
    n["filter"] += len(akar.findall(_MAIN + "autoFilter"))
    for jenis, target, _ in rels:
        if jenis == "drawing":
            n.update(_hitung_gambar(isi, target))
        elif jenis == "vmlDrawing":
            n["kontrol_formulir"] += _kontrol_vml(isi.baca(target) or b"")
        elif jenis == "comments":
            n["komentar"] += _hitung_tag(isi.baca(target), "comment")
        elif jenis == "threadedComment":
            n["komentar_berutas"] += _hitung_tag(isi.baca(target), "threadedComment")
        elif jenis == "table":
            n["tabel"] += 1
        elif jenis == "pivotTable":
            n["pivot"] += 1
        elif jenis == "slicer":
            n["slicer"] += _hitung_tag(isi.baca(target), "slicer")
        elif jenis == "timeline":
            n["timeline"] += _hitung_tag(isi.baca(target), "timeline")
        elif jenis == "image":
            n["gambar_latar"] += 1
    return +n


#: Elements of a sheet part counted one by one: (namespace + tag) -> kind.
_ELEMEN = {_MAIN + "hyperlink": "tautan", _MAIN + "dataValidation": "validasi", _MAIN + "cfRule": "format_bersyarat",
           _MAIN + "oleObject": "ole", _X14 + "sparkline": "sparkline", _X14 + "cfRule": "format_bersyarat_2010",
           _X14 + "dataValidation": "validasi_2010"}


_AWAL_SEL = re.compile(rb"<(?:\w+:)?sheetData\b[^>]*>")
_DINAMIS = re.compile(rb'<(?:\w+:)?c\s[^>]*?\bcm="')
_SEBARIS_KAYA = re.compile(rb"<(?:\w+:)?is>\s*<(?:\w+:)?r>")
_SEL_BERSAMA = re.compile(rb"<(?:\w+:)?c\s([^>]*)>\s*<(?:\w+:)?v>\s*(\d+)\s*<")


def _pisah_sel(data: bytes) -> tuple[bytes, bytes]:
    """(the sheet part without its cells, the ``<sheetData>`` block). The cells are searched,
    not parsed: that keeps the check at a few milliseconds for the Legok example.

    >>> _pisah_sel(b'<worksheet><sheetData><row r="1"/></sheetData><hyperlinks/></worksheet>')
    (b'<worksheet><hyperlinks/></worksheet>', b'<sheetData><row r="1"/></sheetData>')
    """
    awal = _AWAL_SEL.search(data)
    if awal is None:
        return data, b""
    if awal.group().endswith(b"/>"):
        akhir = awal.end()
    else:
        akhir = data.rfind(b"sheetData>") + len(b"sheetData>")
    return data[:awal.start()] + data[akhir:], data[awal.start():akhir]


def _hitung_sel(blok: bytes, kaya: frozenset[int]) -> Counter[str]:
    """Dynamic-array formulas (``cm`` cell metadata) and rich-text cells (a rich shared
    string, or an inline string with runs) in a ``<sheetData>`` block.

    >>> _hitung_sel(b'<c r="A1" t="s"><v>3</v></c><c r="A2" t="inlineStr"><is><r><t>x</t></r></is></c>'
    ...             b'<c r="A3" cm="1"><f t="array" ref="A3:A4">SORT(B1:B2)</f></c>', frozenset({3}))
    Counter({'teks_kaya': 2, 'rumus_dinamis': 1})
    """
    n: Counter[str] = Counter()
    if b'cm="' in blok:
        n["rumus_dinamis"] = len(_DINAMIS.findall(blok))
    if b"is>" in blok:
        n["teks_kaya"] += len(_SEBARIS_KAYA.findall(blok))
    if kaya:
        n["teks_kaya"] += sum(1 for atribut, i in _SEL_BERSAMA.findall(blok)
                              if b't="s"' in atribut and int(i) in kaya)
    return +n


def _hitung_tag(data: bytes | None, nama: str) -> int:
    if not data:
        return 0
    return sum(1 for _, el in iterparse(_aliran(data), events=("start",)) if _lokal(el.tag) == nama)


_OBJEK_VML = re.compile(rb'ObjectType\s*=\s*"(\w+)"')


def _kontrol_vml(data: bytes) -> int:
    """Form controls in a legacy (VML) drawing; comment boxes ("Note") are counted as comments.
    VML from Excel is not always well-formed XML: searched, not parsed."""
    return sum(1 for jenis in _OBJEK_VML.findall(data) if jenis != b"Note")


def _hitung_gambar(isi: _Zip, bagian: str) -> Counter[str]:
    """Pictures, shapes and charts of a drawing part. Anchors inside ``mc:AlternateContent``
    (how Excel writes form controls) are left to the legacy drawing, where they are counted."""
    n: Counter[str] = Counter()
    data = isi.baca(bagian)
    if data is None:
        return n
    for jangkar in fromstring(data):
        benda = next((_lokal(el.tag) for el in jangkar if el.tag.startswith(_XDR)
                      and _lokal(el.tag) in ("pic", "sp", "cxnSp", "grpSp", "graphicFrame")), "")
        if benda == "pic":
            n["gambar"] += 1
        elif benda in ("sp", "cxnSp", "grpSp"):
            n["bentuk"] += 1
    for jenis, _, _ in isi.rels(bagian):
        if jenis == "chart":
            n["grafik"] += 1
        elif jenis == "chartEx":
            n["grafik_2016"] += 1
    return n


def inventaris(path: str | Path, milik_iku: Callable[[str], bool] = lembar_buatan_iku) -> Inventaris:
    """The user's content of the workbook at ``path``, sheet by sheet."""
    with zipfile.ZipFile(path) as z:
        isi = _Zip(z)
        buku_xml = fromstring(isi.baca("xl/workbook.xml") or b"<workbook/>")
        rels = {rid: (jenis, target) for jenis, target, rid in isi.rels("xl/workbook.xml")}
        string_bersama = next((t for j, t in rels.values() if j == "sharedStrings"), None)
        kaya = _teks_kaya_bersama(isi, string_bersama)
        semua: list[str] = []
        lembar = []
        for el in buku_xml.iter(_MAIN + "sheet"):
            nama = el.get("name", "")
            semua.append(nama)
            if milik_iku(nama):
                continue
            jenis, target = rels.get(el.get(_R_ID, ""), ("", ""))
            lembar.append(Lembar(nama, jenis, el.get("state", "visible"), _hitung_lembar(isi, target, kaya)))
        nama_def = set()
        for el in buku_xml.iter(_MAIN + "definedName"):
            lokal = el.get("localSheetId")
            cakupan = semua[int(lokal)] if lokal is not None and lokal.isdigit() and int(lokal) < len(semua) else ""
            if lokal is not None and not cakupan:
                cakupan = f"#{lokal}"
            if not milik_iku(cakupan):
                nama_def.add((cakupan, el.get("name", "").removeprefix("_xlnm.")))
        buku: Counter[str] = Counter()
        for n in isi.nama:
            for awalan, label in BAGIAN_BUKU.items():
                if n.startswith(awalan) and "/_rels/" not in n:
                    buku[label] += 1
    return Inventaris(tuple(lembar), frozenset(nama_def), buku)


def _jumlah(isi: Counter[str]) -> str:
    return ", ".join(f"{isi[k]} {label}" for k, label in JENIS.items() if isi[k])


def yang_hilang(sebelum: Inventaris, sesudah: Inventaris) -> list[str]:
    """What of ``sebelum`` is missing from ``sesudah``, one line per sheet (Indonesian).

    >>> a = Inventaris((Lembar("Data", "worksheet", "hidden", Counter(gambar=2, sparkline=1)),), frozenset(),
    ...                Counter())
    >>> b = Inventaris((Lembar("Data", "worksheet", "visible", Counter(gambar=0)),), frozenset(), Counter())
    >>> yang_hilang(a, b)
    ["Lembar 'Data': 2 gambar, 1 sparkline, status 'tersembunyi' menjadi 'terlihat'"]
    """
    baris = []
    ada = sesudah.per_lembar()
    for lb in sebelum.lembar:
        if lb.nama not in ada:
            baris.append(f"Lembar '{lb.nama}' (seluruhnya)")
            continue
        lain = ada[lb.nama]
        bagian = [_jumlah(Counter({k: v - lain.isi[k] for k, v in lb.isi.items() if v > lain.isi[k]}))]
        if lain.status != lb.status:
            bagian.append(f"status '{_STATUS.get(lb.status, lb.status)}' menjadi "
                          f"'{_STATUS.get(lain.status, lain.status)}'")
        hilang_nama = sorted(n for c, n in sebelum.nama - sesudah.nama if c == lb.nama)
        if hilang_nama:
            bagian.append("nama " + ", ".join(hilang_nama))
        bagian = [b for b in bagian if b]
        if bagian:
            baris.append(f"Lembar '{lb.nama}': " + ", ".join(bagian))
    urutan = [lb.nama for lb in sebelum.lembar if lb.nama in ada]
    if urutan != [lb.nama for lb in sesudah.lembar if lb.nama in set(urutan)]:
        baris.append("urutan lembar berubah")
    buku = [f"{v - sesudah.buku[k]} {k}" if v - sesudah.buku[k] > 1 or v > 1 else k
            for k, v in sebelum.buku.items() if v > sesudah.buku[k]]
    buku += [f"nama '{n}'" if not c else f"nama '{n}' milik lembar {c}"
             for c, n in sorted(sebelum.nama - sesudah.nama) if not c or c not in ada]
    if buku:
        baris.append("Buku kerja: " + ", ".join(buku))
    return baris


def _pillow_ada() -> bool:
    try:
        import PIL  # noqa: F401
    except ImportError:
        return False
    return True


class PeriksaIsi:
    """The check before a save (the ``periksa`` hook of :func:`iku_xl.workbook.simpan.simpan`).

    Built before saving with the source workbook (its inventory is taken then); called with
    the finished temporary output. An existing ``tujuan`` is not overwritten when something
    of the source would be missing; a new file is written, with a :class:`Masalah`
    ("peringatan") in :attr:`peringatan`.
    """

    def __init__(self, sumber: Path, tujuan: Path) -> None:
        self.sumber, self.tujuan = Path(sumber), Path(tujuan)
        try:
            self.sebelum = inventaris(self.sumber)
        except (ParseError, DefusedXmlException, zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError):
            raise BerkasTidakValid(f"isi berkas '{self.sumber.name}' tidak dapat diperiksa (bagian XML-nya rusak "
                                   "atau tidak lazim), jadi tidak dapat dipastikan tidak ada yang hilang",
                                   saran="Buka berkas di Excel lalu simpan ulang sebagai .xlsx, kemudian jalankan "
                                         "lagi.") from None
        self.peringatan: list[Masalah] = []

    def __call__(self, sementara: Path) -> None:
        hilang = yang_hilang(self.sebelum, inventaris(sementara))
        if not hilang:
            return
        daftar = "; ".join(hilang)
        pillow = "" if _pillow_ada() or not any(" gambar" in b for b in hilang) else (
            " Gambar hanya dapat disimpan bila paket Pillow terpasang: pip install pillow.")
        if self.tujuan.exists():
            raise BerkasTidakValid(
                f"berkas '{self.tujuan.name}' tidak ditimpa: isi berikut tidak dapat disimpan ulang oleh "
                f"iku-xl dan akan hilang: {daftar}",
                saran="Berkas tidak diubah. Simpan hasilnya ke berkas baru dengan -o (berkas asli tetap utuh), "
                      "atau hapus/ubah isi tersebut di Excel (mis. ganti sparkline dengan grafik biasa) lalu "
                      "jalankan lagi." + pillow)
        self.peringatan.append(Masalah(
            "peringatan", f"isi berikut dari '{self.sumber.name}' tidak ikut tersimpan di '{self.tujuan.name}': "
                          f"{daftar}",
            saran="Berkas asli tetap utuh dan masih memuatnya; jangan menimpa berkas asli dengan hasil ini."
                  + pillow))
