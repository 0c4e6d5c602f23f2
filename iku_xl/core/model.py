"""The IKU data model: plain frozen dataclasses, no behaviour beyond small helpers.

Values that staff type are parsed into these types once, by :mod:`iku_xl.core.parse`;
everything downstream works on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Union

#: Grade scales: an ordinal for every grade (DOMAIN.md section 2, "Grade targets").
SKALA_HURUF: dict[str, dict[str, int]] = {
    "akip": {"D": 1, "C": 2, "CC": 3, "B": 4, "BB": 5, "A": 6, "AA": 7},
    "opini": {"TMP": 1, "TW": 2, "WDP": 3, "WTP": 4},
}


@dataclass(frozen=True)
class Rentang:
    """A range target such as "80-90" (both bounds inclusive)."""

    bawah: float
    atas: float

    def __str__(self) -> str:
        return f"{teks_angka(self.bawah)}-{teks_angka(self.atas)}"


@dataclass(frozen=True)
class NilaiHuruf:
    """A grade such as Nilai AKIP "BB" or Opini BPK "WTP"."""

    huruf: str
    jenis: str  # a key of SKALA_HURUF

    @property
    def ordinal(self) -> int:
        return SKALA_HURUF[self.jenis][self.huruf]

    def __str__(self) -> str:
        return self.huruf


#: A parsed target: a number, a range or a grade.
Target = Union[float, Rentang, NilaiHuruf]
#: A parsed realisasi: a number or a grade.
Realisasi = Union[float, NilaiHuruf]


def nilai_sel(x: float | Rentang | NilaiHuruf | None) -> str | float | None:
    """A target or realisasi as a cell holds it: a number, or text for ranges and grades.

    >>> nilai_sel(90.0), nilai_sel(Rentang(80, 90)), nilai_sel(NilaiHuruf("B", "akip")), nilai_sel(None)
    (90.0, '80-90', 'B', None)
    """
    if x is None or isinstance(x, float | int):
        return x
    return str(x)


def teks_angka(x: object) -> str:
    """A value as Indonesian text quotes it: numbers with a decimal comma, anything else as is.

    >>> teks_angka(83.5), teks_angka(2024), teks_angka(Rentang(80, 90.5)), teks_angka(None)
    ('83,5', '2024', '80-90,5', 'None')
    """
    if isinstance(x, float | int) and not isinstance(x, bool):
        return f"{x:g}".replace(".", ",")
    return str(x)


def format_angka(x: float, desimal: int = 2) -> str:
    """A number as Indonesian documents write it: thousands with '.', decimals with ',', at most
    ``desimal`` decimals (Excel's rounding: halves away from zero), as Babel's "id" locale writes
    ``#,##0.##`` (without loading Babel on a report's path).

    >>> format_angka(102.2222), format_angka(1250), format_angka(10775000000, 0), format_angka(-0.5)
    ('102,22', '1.250', '10.775.000.000', '-0,5')
    >>> format_angka(0.005), format_angka(10000), format_angka(2500.5)
    ('0,01', '10.000', '2.500,5')
    """
    import decimal

    d = decimal.Decimal(repr(float(x))).quantize(decimal.Decimal(1).scaleb(-desimal), rounding=decimal.ROUND_HALF_UP)
    teks = f"{d:,f}"
    if "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    return teks.replace(",", "_").replace(".", ",").replace("_", ".")


@dataclass(frozen=True)
class Profil:
    """The unit and the settings of one workbook (sheet "Profil")."""

    instansi: str = ""
    kabupaten: str = ""
    tahun: int | None = None
    jabatan_kepala: str = ""
    nama_kepala: str = ""
    pangkat: str = ""
    nip: str = ""
    tempat: str = ""
    tanggal: dt.date | None = None
    skala: str = "permendagri86"
    metode_negatif: str = "2T-R"
    tahun_awal_renstra: int | None = None
    tahun_akhir_renstra: int | None = None
    triwulan: int | None = None  # Triwulan Laporan: the Buat Laporan button makes that quarter's sheet
    nama_atasan: str = ""  # pihak kedua of the Perjanjian Kinerja (the head's direct superior)
    jabatan_atasan: str = ""
    pangkat_nip_atasan: str = ""
    populasi_ikm: float | None = None  # users of the service in the survey period (minimum sample)


@dataclass(frozen=True)
class Indikator:
    """One IKU as defined on sheet "Indikator"."""

    kode: str
    sasaran: str
    nama: str
    satuan: str = ""
    polaritas: str = "positif"
    konsolidasi: str = "nilai terakhir"
    metode_negatif: str | None = None  # None: the workbook's choice in Profil
    alasan: str = ""
    formulasi: str = ""
    sumber_data: str = ""
    penanggung_jawab: str = ""
    baris: int | None = None  # the sheet row it was read from


@dataclass(frozen=True)
class TargetIKU:
    """The target of one indicator for one year (sheet "Target")."""

    kode: str
    tahun: int
    nilai: Target | None
    tw: tuple[Target | None, ...] = (None, None, None, None)
    baris: int | None = None
    rencana_aksi: tuple[str, ...] = ("", "", "", "")  # Rencana Aksi TW I-IV (free text)


@dataclass(frozen=True)
class SumberSurvei:
    """A Realisasi row's "Sumber Realisasi" = Survei IKM: the realisasi is the IKM of these survey
    periods (empty: every period of the row's Tahun)."""

    periode: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "Survei IKM" + (f": {'; '.join(self.periode)}" if self.periode else "")


@dataclass(frozen=True)
class RealisasiIKU:
    """What one indicator achieved in one year (sheet "Realisasi")."""

    kode: str
    tahun: int
    tw: tuple[Realisasi | None, ...] = (None, None, None, None)
    tahunan: Realisasi | None = None  # typed directly; wins over quarters and components
    pembilang: float | None = None
    penyebut: float | None = None
    baris: int | None = None
    sumber: SumberSurvei | None = None  # the realisasi comes from the Survei IKM sheet
    kolom: tuple[tuple[str, str], ...] = ()  # (field, column letter) of the sheet it was read from

    def sel(self, *field: str) -> str | None:
        """The cell(s) of ``field`` on the Realisasi sheet ("H5", "C5:F5" for several), else the row.

        >>> r = RealisasiIKU("1.1", 2024, baris=5, kolom=(("tw1", "C"), ("tw4", "F"), ("tahunan", "G")))
        >>> r.sel("tahunan"), r.sel("tw1", "tw4"), r.sel("sumber"), RealisasiIKU("1.1", 2024).sel("tahunan")
        ('G5', 'C5:F5', 'baris 5', None)
        """
        if self.baris is None:
            return None
        huruf = dict(self.kolom)
        if not all(f in huruf for f in field):
            return f"baris {self.baris}"
        return ":".join(dict.fromkeys(f"{huruf[f]}{self.baris}" for f in (field[0], field[-1])))


@dataclass(frozen=True)
class Pita:
    """One band of a predikat scale: values ``>= batas`` (or ``> batas``) get ``label``."""

    batas: float | None  # None: everything below the previous bands
    label: str
    warna: str  # fill colour, RRGGBB
    inklusif: bool = True  # True: >= batas; False: > batas


@dataclass(frozen=True)
class Skala:
    """A predikat scale: bands from the highest down; the last one catches the rest."""

    nama: str
    judul: str
    pita: tuple[Pita, ...]


@dataclass(frozen=True)
class ProgramIKU:
    """A program or kegiatan supporting an indicator, with its budget (sheet "Program Anggaran")."""

    kode: str
    tahun: int
    program: str
    kegiatan: str = ""
    target: str = ""
    anggaran: float | None = None
    realisasi_anggaran: float | None = None
    baris: int | None = None


@dataclass(frozen=True)
class Responden:
    """One row of the Survei IKM sheet: a respondent's answers to the 9 unsur (1-4, None when
    left empty) and profile."""

    periode: str
    nilai: tuple[int | None, ...]
    layanan: str = ""
    tanggal: dt.date | None = None
    jenis_kelamin: str = ""
    umur: float | None = None
    pendidikan: str = ""
    pekerjaan: str = ""
    saran: str = ""
    baris: int | None = None


@dataclass(frozen=True)
class Unsur:
    nomor: int
    nama: str
    kata: tuple[str, ...]  # words that identify the unsur in a header, whatever its position


#: The 9 unsur of PermenPANRB 14/2017. Units' questionnaires put the last two in either order:
#: match them by name (:attr:`Unsur.kata`), not by position. (Here with the other data types, so that
#: the Survei IKM sheet's columns are known without importing :mod:`iku_xl.core.ikm`, which computes
#: the IKM from them.)
UNSUR: tuple[Unsur, ...] = (
    Unsur(1, "Persyaratan", ("persyaratan",)),
    Unsur(2, "Sistem, Mekanisme dan Prosedur", ("prosedur", "mekanisme", "sistem")),
    Unsur(3, "Waktu Penyelesaian", ("waktu",)),
    Unsur(4, "Biaya/Tarif", ("biaya", "tarif")),
    Unsur(5, "Produk Spesifikasi Jenis Pelayanan", ("produk", "spesifikasi")),
    Unsur(6, "Kompetensi Pelaksana", ("kompetensi",)),
    Unsur(7, "Perilaku Pelaksana", ("perilaku",)),
    Unsur(8, "Penanganan Pengaduan, Saran dan Masukan", ("pengaduan", "penanganan", "masukan")),
    Unsur(9, "Sarana dan Prasarana", ("sarana", "prasarana")),
)


@dataclass(frozen=True)
class BukuIKU:
    """Everything read from one IKU workbook."""

    profil: Profil
    indikator: tuple[Indikator, ...]
    target: tuple[TargetIKU, ...] = ()
    realisasi: tuple[RealisasiIKU, ...] = ()
    skala_kustom: Skala | None = None
    program: tuple[ProgramIKU, ...] = ()
    survei: tuple[Responden, ...] = ()

    def target_dari(self, kode: str, tahun: int) -> TargetIKU | None:
        return self._per_kode_tahun[0].get((kode, tahun))

    def realisasi_dari(self, kode: str, tahun: int) -> RealisasiIKU | None:
        return self._per_kode_tahun[1].get((kode, tahun))

    def target_kode(self, kode: str) -> tuple[TargetIKU, ...]:
        """Every target row of ``kode``, in sheet order (a look-up, not a scan: a workbook may
        hold tens of thousands of indicators)."""
        return self._per_kode[0].get(kode, ())

    def realisasi_kode(self, kode: str) -> tuple[RealisasiIKU, ...]:
        """Every realisasi row of ``kode``, in sheet order."""
        return self._per_kode[1].get(kode, ())

    @cached_property
    def _per_kode(self) -> tuple[dict[str, tuple[TargetIKU, ...]], dict[str, tuple[RealisasiIKU, ...]]]:
        target: dict[str, list[TargetIKU]] = {}
        for t in self.target:
            target.setdefault(t.kode, []).append(t)
        realisasi: dict[str, list[RealisasiIKU]] = {}
        for r in self.realisasi:
            realisasi.setdefault(r.kode, []).append(r)
        return ({k: tuple(v) for k, v in target.items()}, {k: tuple(v) for k, v in realisasi.items()})

    @cached_property
    def _per_kode_tahun(self) -> tuple[dict[tuple[str, int], TargetIKU], dict[tuple[str, int], RealisasiIKU]]:
        """Targets and realisasi by (kode, tahun), the first of each pair as the sheet lists it."""
        target: dict[tuple[str, int], TargetIKU] = {}
        for t in self.target:
            target.setdefault((t.kode, t.tahun), t)
        realisasi: dict[tuple[str, int], RealisasiIKU] = {}
        for r in self.realisasi:
            realisasi.setdefault((r.kode, r.tahun), r)
        return target, realisasi


@dataclass(frozen=True)
class HasilCapaian:
    """The capaian of one target/realisasi pair, with why it is empty if it is."""

    nilai: float | None
    status: str | None = None  # "Tercapai" / "Belum tercapai"
    alasan: str = ""  # why nilai is None
    peringatan: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class BarisIKU:
    """One row of the Laporan Capaian: an indicator's numbers for one year."""

    indikator: Indikator
    tahun: int
    target: Target | None
    realisasi: Realisasi | None
    capaian: HasilCapaian
    predikat: str | None
    realisasi_lalu: Realisasi | None = None  # the previous year's realisasi
    target_renstra: Target | None = None  # the target of the Renstra's last year
    tahun_renstra: int | None = None
    capaian_renstra: float | None = None
    sumber_realisasi: str = ""  # where a computed realisasi came from (the IKM of a survey), for Keterangan
