"""The recap's fast paths give what the plain ones gave (issue 14): the core reader's one-comprehension
row, the folder walk that keeps path strings, the batches made when handed out, and the compact
per-unit summary the writer keeps. (The percent lookup: tests/test_rekap_sel_persen.py.)"""

from __future__ import annotations

import copy
import pickle
import re
import sys

import pytest

from iku_xl.core.baca import Lembaran, baca_buku
from iku_xl.core.rekap import HasilUnit, RingkasanUnit
from iku_xl.workbook.rekap import (
    _Kelompok,
    _kumpulkan,
    _Tugas,
    hasil_berurutan,
    kumpulkan,
)
from tests.test_core_baca import DASAR

_CADANGAN = re.compile(r"\.cadangan-\d{8}-\d{6}(?:-\d+)?$")


def _kumpulkan_lama(folder):
    """How the recap found the workbooks of a folder before (``sorted(rglob)``): the reference."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".xlsx", ".xlsm", ".xls")
                  and not p.name.startswith(("~$", ".")) and not _CADANGAN.search(p.stem) and not p.is_dir())


def test_folder_ditelusuri_seperti_rglob(tmp_path):
    # names whose order differs as text and as path parts ("a-b" < "a/..." as text, not as parts),
    # case, hidden folders, lock files, backups, a folder named like a workbook, a symlinked folder
    nama = ["a/z.xlsx", "a-b/y.xlsx", "a.xlsx", "a b.xlsm", "A/x.XLSX", "B.xls", "b/c/d.xlsx", ".h/e.xlsx",
            "~$kunci.xlsx", ".tersembunyi.xlsx", "u.cadangan-20250115-093005.xlsx", "catatan.txt", "_x.xlsx",
            "a0/w.xlsx", "ä.xlsx"]
    for n in nama:
        (tmp_path / n).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / n).touch()
    (tmp_path / "folder.xlsx").mkdir()
    if sys.platform != "win32":
        (tmp_path / "tautan").symlink_to(tmp_path / "a", target_is_directory=True)
    lama = _kumpulkan_lama(tmp_path)
    # path parts order "a/z.xlsx" before "a b.xlsm" ("a" < "a b"); as text it would come after it ("/" > " ")
    assert [p.relative_to(tmp_path).as_posix() for p in lama][:9] == [
        ".h/e.xlsx", "A/x.XLSX", "B.xls", "_x.xlsx", "a/z.xlsx", "a b.xlsm", "a-b/y.xlsx", "a.xlsx", "a0/w.xlsx"]
    assert kumpulkan([tmp_path]) == lama
    assert _kumpulkan([tmp_path]) == [str(p) for p in lama]
    assert kumpulkan([tmp_path / "a.xlsx", tmp_path / "b"]) == [tmp_path / "a.xlsx", tmp_path / "b/c/d.xlsx"]


def test_tugas_dan_kelompok_dibuat_saat_diminta():
    tugas = _Tugas([f"u{i}.xlsx" for i in range(7)], 2024)
    assert len(tugas) == 7 and tugas[2] == ("u2.xlsx", 2024) and tugas[5:] == [("u5.xlsx", 2024), ("u6.xlsx", 2024)]
    kelompok = _Kelompok(tugas, 3)
    assert len(kelompok) == 3
    assert [t for k in kelompok for t in k] == list(tugas)
    assert kelompok[2] == [("u6.xlsx", 2024)]
    with pytest.raises(IndexError):
        kelompok[3]


def test_hasil_berurutan_dengan_path_teks(tmp_path):
    # paths as text (what the recap keeps), old .xls listed in input order, in one process and in workers
    berkas = [str(tmp_path / f"u{i}.xls") for i in range(10)]
    for proses in (1, 2):
        with hasil_berurutan(berkas, 2024, proses) as hasil:
            assert [h.berkas for h in hasil] == [f"u{i}.xls" for i in range(10)]


def _lembaran(ubah):
    nilai = copy.deepcopy(DASAR)
    ubah(nilai)
    return nilai


@pytest.mark.parametrize("ubah", [
    lambda n: None,
    lambda n: n["Target"].append(["1.2", 2025, "delapan"]),  # not a number: a problem, the row left out
    lambda n: n["Target"].append(["#N/A", 2026, 5.0]),  # the kode itself fails
    lambda n: n["Realisasi"].append(["2.1", "dua ribu", None, None, 3.0]),
    lambda n: n["Indikator"].append(["3.1", "Sasaran C", "Nilai X", "Nilai", "ke atas", ""]),
    lambda n: n["Target"].__setitem__(2, ["Tahun", "Target", "Kode"]),  # columns in another order
])
def test_baris_cepat_sama_dengan_sel_demi_sel(ubah):
    """A table with a percent-formatted cell is parsed cell by cell; without one, a row in one
    comprehension: the books and the problems (text, order, kode named) are the same."""
    nilai = _lembaran(ubah)
    cepat = baca_buku(Lembaran(nilai))
    # a percent cell far outside the data switches every table to the cell-by-cell path
    lambat = baca_buku(Lembaran(nilai, {n: frozenset({(999, 999)}) for n in nilai}))
    assert repr(cepat) == repr(lambat)


def test_kode_gagal_tetap_dinamai_di_pesan():
    nilai = _lembaran(lambda n: n["Target"].append(["#N/A", 2026, "sembilan"]))
    _, masalah = baca_buku(Lembaran(nilai))
    pesan = [str(m) for m in masalah]
    assert pesan[:2] == [
        "Lembar 'Target' sel A8 (indikator #N/A): berisi galat Excel #N/A. Perbaiki rumus di sel ini atau isi "
        "teksnya langsung.",
        "Lembar 'Target' sel C8 (indikator #N/A): 'sembilan' bukan angka yang jelas. Isi dengan angka, mis. 90 "
        "atau 83,5."]


def test_ringkasan_ringkas_dan_bisa_dipickle():
    r = RingkasanUnit("KECAMATAN A", "a.xlsx", 11, 98.5, (("Sangat Tinggi", 3), ("Tinggi", 8)), 0)
    assert not hasattr(r, "__dict__")  # slots: kept for every unit until the end of a recap
    h = HasilUnit("a.xlsx", (("KECAMATAN A", "", "1.1"),), r)
    assert pickle.loads(pickle.dumps(h)) == h
    with pytest.raises(AttributeError):
        r.unit = "B"  # type: ignore[misc]
