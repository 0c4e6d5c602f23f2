"""Advice that each front end words its own way (issue 11, point 8).

The command line is steered by options (``--tahun``); staff in Excel by cells and buttons, and
an option means nothing there. Where the advice differs, the core names it by a key and asks
for the wording of the front end that read the workbook (:attr:`iku_xl.core.baca.Lembaran.ujung`):
an Excel message never mentions a command-line option, the command line keeps its own.

>>> saran("tahun", "cli")
"Isi 'Tahun Laporan' di lembar Profil atau beri --tahun."
>>> saran("tahun", "excel")
"Isi 'Tahun Laporan' di lembar Profil, lalu klik tombolnya lagi."
"""

from __future__ import annotations

from typing import Literal

#: The front ends whose advice differs: the command line, and Excel (desktop buttons and
#: xlwings Server alike).
Ujung = Literal["cli", "excel"]
UJUNG: tuple[Ujung, ...] = ("cli", "excel")

_SARAN: dict[str, dict[Ujung, str]] = {
    "tahun": {
        "cli": "Isi 'Tahun Laporan' di lembar Profil atau beri --tahun.",
        "excel": "Isi 'Tahun Laporan' di lembar Profil, lalu klik tombolnya lagi.",
    },
    "templat": {
        "cli": "templat (iku-xl template)",
        "excel": "templat iku-xl (templat_iku.xlsm)",
    },
}


def saran(kunci: str, ujung: Ujung) -> str:
    """The advice ``kunci`` in the words of front end ``ujung``."""
    return _SARAN[kunci][ujung]
