"""Named cell styles of the sheets iku-xl writes, as data (renderers translate them).

Every style names its font: LibreOffice substitutes a wider font for a nameless
bold one and prints ``###`` (EXCEL.md).
"""

from __future__ import annotations

from dataclasses import dataclass

HURUF = "Arial"
UKURAN = 10


@dataclass(frozen=True)
class Gaya:
    tebal: bool = False
    miring: bool = False
    garis_bawah: bool = False
    ukuran: float = UKURAN
    warna_huruf: str | None = None  # RRGGBB
    isi: str | None = None  # fill, RRGGBB
    rata: str = "general"  # general / left / center / right
    rata_v: str = "center"  # top / center / bottom
    lipat: bool = False  # wrap text
    bingkai: bool = False  # thin border on all sides
    format_angka: str = "General"
    huruf: str = HURUF


_KEPALA = "D9E1F2"

GAYA: dict[str, Gaya] = {
    "judul": Gaya(tebal=True, ukuran=12, rata="center"),
    "subjudul": Gaya(tebal=True, ukuran=11, rata="center"),
    "kepala": Gaya(tebal=True, isi=_KEPALA, rata="center", lipat=True, bingkai=True),
    "nomor_kolom": Gaya(miring=True, ukuran=8, isi=_KEPALA, rata="center", bingkai=True),
    "sel_teks": Gaya(rata="left", rata_v="top", lipat=True, bingkai=True),
    "sel_tengah": Gaya(rata="center", rata_v="top", lipat=True, bingkai=True),
    "sel_angka": Gaya(rata="right", rata_v="top", bingkai=True),
    "sel_capaian": Gaya(rata="right", rata_v="top", bingkai=True, format_angka="0.00"),
    "ringkasan": Gaya(tebal=True, rata="right", bingkai=True, isi="F2F2F2"),
    "ringkasan_angka": Gaya(tebal=True, rata="right", bingkai=True, isi="F2F2F2", format_angka="0.00"),
    "catatan": Gaya(miring=True, ukuran=8, rata="left"),
    "subjudul_kiri": Gaya(tebal=True, ukuran=11, rata="left"),  # a section title inside a report
    "catatan_lipat": Gaya(miring=True, ukuran=9, rata="left", rata_v="top", lipat=True),
    "ttd": Gaya(rata="center"),
    "ttd_nama": Gaya(tebal=True, garis_bawah=True, rata="center"),
    # the data sheets of the template
    "isian": Gaya(rata="left", rata_v="top", lipat=True, isi="FFF9E5", bingkai=True),
    "label": Gaya(tebal=True, rata="left", rata_v="top", bingkai=True, isi=_KEPALA),
    "petunjuk": Gaya(rata="left", rata_v="top", lipat=True),
    "galat": Gaya(rata="left", rata_v="top", lipat=True, bingkai=True, isi="FFC7CE"),
    "peringatan": Gaya(rata="left", rata_v="top", lipat=True, bingkai=True, isi="FFEB9C"),
    "info": Gaya(rata="left", rata_v="top", lipat=True, bingkai=True),
}
