"""The neutral table model every document adapter hands to the importer, and what an import gives.

Adapters (:mod:`iku_xl.sumber`: text, Word, PDF, spreadsheet) turn a document into
:class:`BarisSumber` rows in document order; the importer never knows which form they came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from iku_xl.core.errors import Masalah
from iku_xl.core.model import BukuIKU


@dataclass(frozen=True)
class BarisSumber:
    """One source row: its cell texts ("" for empty), 1-based number, table index if marked."""

    sel: tuple[str, ...]
    nomor: int
    tabel: int | None = None


@dataclass(frozen=True)
class Dugaan:
    """A value inferred from an indicator's name, for staff to check."""

    kode: str
    field: str  # "satuan" or "polaritas"
    nilai: str
    alasan: str


@dataclass(frozen=True)
class HasilImpor:
    """What an import gives: the book, what could not be read, what was inferred, notes."""

    buku: BukuIKU
    tidak_terbaca: tuple[Masalah, ...]
    dugaan: tuple[Dugaan, ...]
    catatan: tuple[str, ...]

    @property
    def jumlah_indikator(self) -> int:
        return len(self.buku.indikator)

    @property
    def jumlah_sasaran(self) -> int:
        return len({i.kode.split(".")[0] for i in self.buku.indikator})

    @property
    def jumlah_target(self) -> int:
        return len(self.buku.target)
