"""Survey respondents written into a copy of an example workbook, for the IKM tests and benchmark."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

#: (Periode, Tanggal, Jenis Layanan, Jenis Kelamin, Umur, Pendidikan, Pekerjaan, U1..U9, Saran)
RESPONDEN = [
    ("2020 Semester I", dt.date(2020, 3, 2), "KTP", "Perempuan", 25, "SMA", "Swasta",
     4, 3, 3, 4, 3, 3, 4, 3, 3, "Antrean perlu dipercepat"),
    ("2020 Semester I", dt.date(2020, 3, 3), "KTP", "Laki-laki", 41, "S1", "PNS",
     3, 3, 4, 4, 3, 3, 3, 3, None, None),
    ("2020 Semester I", dt.date(2020, 4, 1), "IMB", "Laki-laki", 35, "SMA", "Wiraswasta",
     2, 3, 3, 4, 2, 3, 3, 2, 3, "Ruang tunggu sempit"),
    ("2020 Semester I", dt.date(2020, 5, 5), "IMB", "Perempuan", 19, "SMP", "Pelajar",
     4, 4, 4, 4, 4, 4, 4, 4, 4, None),
    ("2020 Semester II", dt.date(2020, 9, 1), "KTP", "Perempuan", 60, "S1", "Lainnya",
     3, 3, 3, 3, 3, 3, 3, 3, 3, "Petugas ramah, tetapi informasi persyaratan di papan pengumuman kurang lengkap "
                                "dan sering berubah tanpa pemberitahuan kepada warga yang sudah datang jauh-jauh."),
    ("2020 Semester II", dt.date(2020, 10, 1), "KTP", "Laki-laki", None, None, None,
     3, 2, 3, 4, 3, 3, 3, 2, 3, None),
    ("2019 Semester II", dt.date(2019, 10, 1), "KTP", "Laki-laki", 30, "SMA", "Swasta",
     1, 1, 1, 1, 1, 1, 1, 1, 1, "Tahun lalu"),
]


def isi_survei(path: Path, responden=RESPONDEN, populasi: float | None = None) -> Path:
    """Write ``responden`` on the Survei IKM sheet (from row 4, the table grown to hold them) and
    Populasi Layanan (IKM) in Profil."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Survei IKM"]
    for i, baris in enumerate(responden):
        for k, v in enumerate(baris, start=1):
            ws.cell(4 + i, k).value = v
    tabel = ws.tables["tblSurvei"]
    akhir = max(4 + len(responden) - 1, int(tabel.ref.split(":")[1][1:]))
    tabel.ref = f"A3:Q{akhir}"
    if populasi is not None:
        profil = wb["Profil"]
        r = next(c.row for c in profil["A"] if c.value == "Populasi Layanan (IKM)")
        profil.cell(r, 2).value = populasi
    wb.save(path)
    return path
