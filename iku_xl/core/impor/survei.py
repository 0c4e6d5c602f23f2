"""Import the respondents of an existing survey spreadsheet into the Survei IKM sheet.

Units keep their IKM survey in a hand-made sheet: a title block, then a header row, then one row
per respondent. This module reads such a grid (rows of cell values, as the adapter hands them):

* **The header row** is the row, among the first :data:`BARIS_CARI` rows, whose cells name the
  most unsur columns; all 9 must be found (a unsur named twice is a galat).
* **Unsur columns** are recognised under the usual spellings: "U1", "U 1", "U-1", "Unsur 1",
  "P1", "Q1", "Pertanyaan 1", a bare "1", or the unsur's name ("Persyaratan", "Sarana dan
  Prasarana"). When the header names the unsur, the name decides, not the number: units put the
  last two unsur in either order (DOMAIN.md section 10), so "U8 Sarana dan Prasarana" is unsur 9
  of PermenPANRB 14/2017 (:data:`iku_xl.core.ikm.UNSUR` ``kata``).
* **Profile columns** by their usual names (:data:`NAMA_KOLOM`): "Jenis Kelamin"/"JK"/"L/P",
  "Umur"/"Usia", "Pendidikan", "Pekerjaan", "Jenis Layanan"/"Layanan", "Tanggal", "Saran"/"Saran
  dan Masukan", "Periode". "L"/"P" become Laki-laki/Perempuan. A "No" column and any other column
  are left out (listed).
* **Never invent**: a score outside 1-4, or text in a score cell, is a galat naming its cell, and
  the caller writes nothing (:attr:`HasilSurvei.dapat_ditulis`): staff fix the source and run
  again, so a half-done import is never re-imported twice. A row without any score is not a
  respondent; a summary row at the bottom (Jumlah, NRR, IKM...) is left out and listed. An age or
  date that cannot be read is left empty with a peringatan naming the cell.

>>> grid = [["SURVEI KEPUASAN MASYARAKAT 2024"], [],
...         ["No", "L/P", "Usia", *[f"U{i}" for i in range(1, 10)], "Saran"],
...         [1, "L", 34, 4, 3, 3, 4, 3, 3, 4, 3, 3, "Cepat"],
...         [2, "P", 51, 3, 3, 4, 4, 3, 3, 3, 3, None, None],
...         ["Jumlah", None, None, 7, 6, 7, 8, 6, 6, 7, 6, 3, None]]
>>> h = baca_survei(grid, "Sheet1", periode="2024 Semester I")
>>> [(r.jenis_kelamin, r.umur, r.nilai[8], r.saran) for r in h.responden]
[('Laki-laki', 34.0, 3, 'Cepat'), ('Perempuan', 51.0, None, '')]
>>> h.dapat_ditulis, [str(m) for m in h.masalah]
(True, ["Lembar 'Sheet1' sel A6: baris ringkasan 'Jumlah' tidak diimpor."])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from iku_xl.core.baca import alamat
from iku_xl.core.errors import IkuError, Masalah
from iku_xl.core.ikm import UNSUR
from iku_xl.core.model import Responden
from iku_xl.core.parse import adalah_kosong, parse_angka, parse_skor_ikm, parse_tanggal, teks_sel

#: How far down the header row is looked for (below a title block).
BARIS_CARI = 30

#: Profile columns: field -> the header texts that name it (compared after :func:`normal`).
NAMA_KOLOM: dict[str, tuple[str, ...]] = {
    "periode": ("periode", "periode survei", "periode survey"),
    "tanggal": ("tanggal", "tgl", "tanggal survei", "tanggal survey", "tanggal pengisian", "tanggal isi",
                "waktu pengisian", "timestamp", "stempel waktu", "cap waktu"),
    "layanan": ("jenis layanan", "layanan", "jenis pelayanan", "pelayanan", "layanan yang diterima",
                "jenis layanan yang diterima"),
    "jenis_kelamin": ("jenis kelamin", "jk", "l/p", "l p", "kelamin", "gender"),
    "umur": ("umur", "usia"),
    "pendidikan": ("pendidikan", "pendidikan terakhir"),
    "pekerjaan": ("pekerjaan", "pekerjaan utama"),
    "saran": ("saran", "saran dan masukan", "saran/masukan", "saran masukan", "kritik dan saran",
              "kritik/saran", "kritik saran", "masukan", "saran dan kritik"),
}
#: Headers that are known and deliberately not imported.
KOLOM_ABAIKAN = ("no", "nomor", "no urut", "no responden", "nama", "nama responden", "responden")

#: Jenis kelamin as units code it -> the template's words.
JENIS_KELAMIN = {"l": "Laki-laki", "lk": "Laki-laki", "laki": "Laki-laki", "laki-laki": "Laki-laki",
                 "laki laki": "Laki-laki", "pria": "Laki-laki", "p": "Perempuan", "pr": "Perempuan",
                 "perempuan": "Perempuan", "wanita": "Perempuan"}

#: First words of a summary row under the respondents.
_RINGKASAN = re.compile(r"^(jumlah|total|rata|nrr|ikm|nilai|konversi|mutu|kinerja|bobot|indeks)\b")
_NOMOR_UNSUR = re.compile(r"^(?:u|unsur|p|q|pertanyaan|soal|butir)?\s*[-.]?\s*([1-9])(?![0-9])\s*[.):-]?\s*(.*)$")


def normal(teks: object) -> str:
    """A header compared loosely: lower case, no text in brackets, punctuation as spaces.

    >>> normal(" Usia (tahun) "), normal("L/P"), normal("Saran & Masukan:")
    ('usia', 'l/p', 'saran masukan')
    """
    t = re.sub(r"\(.*?\)", " ", teks_sel(teks).lower())
    t = re.sub(r"[^0-9a-z/]+", " ", t)
    return " ".join(t.split())


def unsur_judul(teks: object) -> int | None:
    """The unsur (1-9) a header names, or None. The unsur's name words decide over its number.

    >>> [unsur_judul(t) for t in ("U1", "U 1", "Unsur 2", "P3", "q4", "5", "U-6", "Persyaratan")]
    [1, 1, 2, 3, 4, 5, 6, 1]
    >>> unsur_judul("U8 Sarana dan Prasarana"), unsur_judul("U9. Penanganan Pengaduan, Saran dan Masukan")
    (9, 8)
    >>> [unsur_judul(t) for t in ("Saran", "No", "Umur", "10", "2024")]
    [None, None, None, None, None]
    """
    t = normal(teks)
    if not t or any(t in nama for nama in NAMA_KOLOM.values()):
        return None
    kata = set(t.replace("/", " ").split())
    dari_nama = [u.nomor for u in UNSUR if kata & set(u.kata)]
    if len(dari_nama) == 1:
        return dari_nama[0]
    m = _NOMOR_UNSUR.match(t)
    return int(m.group(1)) if m and not dari_nama else None


def kolom_profil(teks: object) -> str | None:
    """The profile field a header names, or None.

    >>> [kolom_profil(t) for t in ("JK", "Usia", "Saran dan Masukan", "Jenis Layanan", "U1")]
    ['jenis_kelamin', 'umur', 'saran', 'layanan', None]
    """
    t = normal(teks)
    return next((f for f, nama in NAMA_KOLOM.items() if t in nama), None)


@dataclass(frozen=True)
class Kepala:
    """The header row found: its 0-based row and each field's 0-based column."""

    baris: int
    kolom: dict[str, int]  # "u1".."u9" and profile fields
    abaikan: tuple[str, ...] = ()  # headers of columns left out


def cari_kepala(grid: Sequence[Sequence[Any]]) -> Kepala | None:
    """The header row: the first row among the first :data:`BARIS_CARI` that names the most unsur.

    >>> cari_kepala([["Judul"], ["No", "Jenis Kelamin", *range(1, 10)]]).kolom["u9"]
    10
    """
    terbaik: Kepala | None = None
    for i, baris in enumerate(grid[:BARIS_CARI]):
        kolom: dict[str, int] = {}
        abaikan = []
        for j, v in enumerate(baris):
            if adalah_kosong(v) or not isinstance(v, str | int | float):
                continue
            if (n := unsur_judul(v)) is not None and f"u{n}" not in kolom:
                kolom[f"u{n}"] = j
            elif (f := kolom_profil(v)) is not None and f not in kolom:
                kolom[f] = j
            else:
                abaikan.append(teks_sel(v))
        n_unsur = sum(k.startswith("u") for k in kolom)
        if n_unsur >= 5 and (terbaik is None or n_unsur > sum(k.startswith("u") for k in terbaik.kolom)):
            terbaik = Kepala(i, kolom, tuple(abaikan))
    return terbaik


@dataclass
class HasilSurvei:
    """What was read: the respondents, the problems (galat block writing), the columns used."""

    lembar: str
    responden: list[Responden] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    kepala: Kepala | None = None

    @property
    def dapat_ditulis(self) -> bool:
        return bool(self.responden) and not any(m.tingkat == "galat" for m in self.masalah)

    @property
    def n_galat(self) -> int:
        return sum(m.tingkat == "galat" for m in self.masalah)


def _teks(v: object) -> str:
    return "" if adalah_kosong(v) else teks_sel(v)


def baca_survei(grid: Sequence[Sequence[Any]], lembar: str, periode: str | None = None) -> HasilSurvei:
    """The respondents of one sheet of a survey spreadsheet. ``periode`` fills rows whose Periode
    is empty (or every row when there is no Periode column)."""
    hasil = HasilSurvei(lembar)
    kepala = cari_kepala(grid)
    if kepala is None or sum(k.startswith("u") for k in kepala.kolom) < len(UNSUR):
        ada = [f"u{u.nomor}" for u in UNSUR if kepala and f"u{u.nomor}" in kepala.kolom]
        hilang = ", ".join(f"U{u.nomor} {u.nama}" for u in UNSUR if f"u{u.nomor}" not in ada)
        hasil.masalah.append(Masalah(
            "galat", f"baris judul dengan 9 kolom unsur tidak ditemukan (tidak ada: {hilang})",
            "Beri judul kolom U1 sampai U9 (atau Unsur 1, P1, nama unsur) di satu baris di atas jawaban.",
            lembar))
        return hasil
    hasil.kepala = kepala
    k = kepala.kolom
    if "periode" not in k and not periode:
        hasil.masalah.append(Masalah("galat", "sumber tidak punya kolom Periode",
                                     "Sebut periodenya: --periode \"2024 Semester I\".", lembar))
        return hasil
    for i in range(kepala.baris + 1, len(grid)):
        baris = grid[i]

        def sel(f: str) -> Any:
            j = k.get(f)
            return baris[j] if j is not None and j < len(baris) else None

        mentah = [sel(f"u{u.nomor}") for u in UNSUR]
        if all(adalah_kosong(v) for v in mentah):
            continue  # no answer: not a respondent (an empty row, a profile without answers)
        label = _label_ringkasan(baris, set(k.values()))
        if label is not None:
            hasil.masalah.append(Masalah("info", f"baris ringkasan '{teks_sel(baris[label])}' tidak diimpor", "",
                                         lembar, alamat(i, label)))
            continue
        nilai: list[int | None] = []
        gagal = False
        for u, v in zip(UNSUR, mentah):
            try:
                nilai.append(parse_skor_ikm(v))
            except IkuError as e:
                gagal = True
                hasil.masalah.append(Masalah("galat", f"U{u.nomor} {u.nama}: {e.pesan}", e.saran, lembar,
                                             alamat(i, k[f"u{u.nomor}"])))
        p = _teks(sel("periode")) or periode or ""
        if not p:
            hasil.masalah.append(Masalah("galat", "periode kosong", "Isi Periode di sumber, atau beri --periode.",
                                         lembar, alamat(i, k["periode"])))
            gagal = True
        if gagal:
            continue
        umur = _baca(hasil, lembar, i, k, "umur", sel("umur"), parse_angka, "umur")
        tanggal = _baca(hasil, lembar, i, k, "tanggal", sel("tanggal"), parse_tanggal, "tanggal")
        jk = _teks(sel("jenis_kelamin"))
        hasil.responden.append(Responden(
            p, tuple(nilai), _teks(sel("layanan")), tanggal, JENIS_KELAMIN.get(jk.lower(), jk), umur,
            _teks(sel("pendidikan")), _teks(sel("pekerjaan")), _teks(sel("saran")), i + 1))
    if not hasil.responden and not hasil.n_galat:
        hasil.masalah.append(Masalah("galat", "tidak ada responden (baris berisi nilai U1-U9) di bawah baris judul",
                                     "Periksa bahwa jawaban ada di bawah baris judul kolom.", lembar))
    return hasil


def _label_ringkasan(baris: Sequence[Any], dipakai: set[int]) -> int | None:
    """The column of a summary label ("Jumlah", "NRR", "IKM"...) in a column that is not a profile or
    unsur column (a "No" column, or a label column), or None for a respondent's row."""
    for j, v in enumerate(baris):
        if j not in dipakai and isinstance(v, str) and _RINGKASAN.match(normal(v)):
            return j
    return None


def _baca(hasil: HasilSurvei, lembar: str, i: int, k: dict[str, int], f: str, v: object, urai: Any,
          label: str) -> Any:
    """A profile value that must be parsed; one that cannot be read is left empty, with a warning."""
    try:
        return urai(v)
    except IkuError:
        hasil.masalah.append(Masalah("peringatan", f"{label} '{teks_sel(v)}' tidak terbaca; dikosongkan",
                                     f"Perbaiki di lembar Survei IKM bila perlu (isi {label} sebagai "
                                     f"{'angka' if f == 'umur' else 'tanggal'}).", lembar, alamat(i, k[f])))
        return None
