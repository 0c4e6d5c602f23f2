"""Values inferred from an indicator's name when the document gives none: the unit and the
polarity. Each comes with its reason, listed for staff to check (never silently filled).

>>> duga_satuan("Persentase pengaduan yang ditindaklanjuti")
('%', "nama diawali 'Persentase'")
>>> duga_polaritas("Jumlah kasus stunting")[0], duga_polaritas("Jumlah kasus yang ditangani")
('negatif', None)
"""

from __future__ import annotations

import re

from iku_xl.core.formulasi import KATA_TURUN

#: Words that only say how a thing is measured; the measured thing follows them.
KATA_UKURAN = ("jumlah", "angka", "tingkat", "rasio", "banyaknya", "frekuensi", "persentase",
               "prosentase", "presentase", "persentasi", "prosentasi")
#: A measured thing of which fewer is better (polaritas negatif) ...
KATA_BURUK = ("konflik", "pelanggaran", "kejahatan", "tindak pidana", "kecelakaan", "kemiskinan",
              "penduduk miskin", "pengangguran", "kebakaran", "sengketa", "gangguan", "kasus",
              "tunggakan", "kematian", "stunting", "pungutan liar", "penyalahgunaan", "temuan")
#: ... unless the name says it is handled.
KATA_PENANGANAN = ("ditangani", "tertangani", "penanganan", "ditindaklanjuti", "diselesaikan",
                   "terselesaikan", "penyelesaian", "tertanggulangi", "penanggulangan", "dicegah",
                   "pencegahan", "diatasi", "teratasi")
#: First word of the name -> unit, used only when the document gives no unit.
SATUAN_DARI_NAMA = {"persentase": "%", "prosentase": "%", "presentase": "%", "persentasi": "%",
                    "prosentasi": "%", "indeks": "Indeks", "nilai": "Nilai", "jumlah": "Jumlah"}


def duga_satuan(nama: str) -> tuple[str, str] | None:
    kata = (re.findall(r"[^\W\d_]+", nama) or [""])[0]
    if kata.casefold() in SATUAN_DARI_NAMA:
        return SATUAN_DARI_NAMA[kata.casefold()], f"nama diawali '{kata}'"
    return ("%", "nama memuat '(%)'") if re.search(r"\(\s*%\s*\)", nama) else None


def duga_polaritas(nama: str) -> tuple[str, str] | None:
    kata = re.findall(r"[^\W\d_]+", nama.casefold())
    if any(k in KATA_PENANGANAN for k in kata):
        return None
    i = 0
    while i < len(kata) and kata[i] in KATA_UKURAN:
        i += 1
    sisa = " ".join(kata[i:]) + " "
    if turun := next((k for k in KATA_TURUN if sisa.startswith(k + " ")), None):
        return "positif", f"nama mengukur '{turun}': makin besar {turun}nya makin baik"
    if buruk := next((k for k in KATA_BURUK if sisa.startswith(k + " ")), None):
        return "negatif", f"nama mengukur '{buruk}': makin sedikit makin baik"
    return None
