"""The documents of the SAKIP year, each planned as data (a :class:`~iku_xl.core.tata_letak.LayoutLembar`)
and drawn by the same renderers (openpyxl file, xlwings Book).

One module per document: :mod:`.laporan` (Laporan Capaian and its chart), :mod:`.triwulan`
(Capaian Triwulan N), :mod:`.capaian` (the Capaian working sheet), :mod:`.anggaran` (Anggaran),
:mod:`.pk` (Perjanjian Kinerja), :mod:`.analisis` (Analisis Capaian), :mod:`.ikm` (Laporan IKM and its chart).
The parts they share — title block, signature block and its date rule, the sasaran grouping,
the capaian cell — live once in :mod:`.bagian`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: How the name of each report sheet starts; its year ends it ("Capaian Triwulan 2 2024"). The one
#: list of what prints as a report: the PDF button and ``--pdf`` choose their sheets by it, never
#: an input sheet. A new document adds its sheet name's start here.
AWALAN_LAPORAN = ("Laporan Capaian", "Grafik Capaian", "Anggaran", "Capaian Triwulan", "Perjanjian Kinerja",
                  "Analisis Capaian", "Laporan IKM", "Grafik IKM")

def pola_lembar(awalan: Sequence[str]) -> str:
    """A regular expression for the sheets named by ``awalan`` and a year (group 1): exactly those
    names, "Capaian Triwulan" with its quarter, so that a staff sheet such as "Anggaran Desa 2024"
    is never taken for one of iku-xl's.

    >>> bool(re.fullmatch(pola_lembar(AWALAN_LAPORAN), "Anggaran Desa 2024"))
    False
    """
    nama = [re.escape(a) + (" [1-4]" if a == "Capaian Triwulan" else "") for a in awalan]
    return rf"(?:{'|'.join(nama)}) (\d{{4}})"


_POLA_LAPORAN = re.compile(pola_lembar(AWALAN_LAPORAN))


def tahun_lembar_laporan(nama: str) -> int | None:
    """The year of a report sheet, or None when ``nama`` is no report sheet.

    >>> tahun_lembar_laporan("Laporan Capaian 2024"), tahun_lembar_laporan("Capaian Triwulan 2 2024")
    (2024, 2024)
    >>> tahun_lembar_laporan("Capaian 2024"), tahun_lembar_laporan("Target"), tahun_lembar_laporan("Anggaran")
    (None, None, None)
    """
    cocok = _POLA_LAPORAN.fullmatch(nama)
    return int(cocok.group(1)) if cocok else None


def lembar_analisis(nama: str) -> bool:
    """Is this an Analisis Capaian sheet, whose staff text the adapters read back? (Here, not in
    :mod:`.analisis`, so that reading a workbook for another document does not import that one.)

    >>> lembar_analisis("Analisis Capaian 2024"), lembar_analisis("Analisis")
    (True, False)
    """
    return _POLA_ANALISIS.fullmatch(nama) is not None


_POLA_ANALISIS = re.compile(pola_lembar(("Analisis Capaian",)))


def lembar_cetak(nama_lembar: Sequence[str], tahun: int | None = None) -> list[str]:
    """The report sheets among ``nama_lembar``, in their order; with ``tahun``, that year's only.

    >>> lembar_cetak(["Petunjuk", "Profil", "Target", "Laporan Capaian 2024", "Anggaran 2024",
    ...               "Capaian 2024", "Laporan Capaian 2025", "Grafik Capaian 2024"], 2024)
    ['Laporan Capaian 2024', 'Anggaran 2024', 'Grafik Capaian 2024']
    """
    return [n for n in nama_lembar if (t := tahun_lembar_laporan(n)) is not None and tahun in (None, t)]
