"""`iku-xl impor SURVEI.xlsx --survei`: hand-made survey spreadsheets (generated here, one saved by
LibreOffice) into the Survei IKM sheet; the header rules of core.impor.survei; the template's
U1-U9 data validation, kept by LibreOffice."""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import openpyxl
import pytest

from iku_xl.core.impor.survei import baca_survei, cari_kepala, kolom_profil, unsur_judul
from iku_xl.workbook.rekap import baca_unit
from iku_xl.workbook.templat import PESAN_SKOR_IKM, buat_templat
from tests.lo import konversi, soffice_ada
from tests.conftest import jalankan_cli as _jalankan

CONTOH = Path(__file__).resolve().parent.parent / "workbooks" / "contoh_bantargebah_2024-2026.xlsx"

# a unit's own layout: title block in merged cells, a "No" column, L/P, names not numbers, and the
# last two unsur swapped (Sarana before Penanganan Pengaduan)
KEPALA = ["No", "Tanggal", "L/P", "Usia", "Pendidikan", "Pekerjaan", "Jenis Layanan", "Persyaratan",
          "Sistem, Mekanisme dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif", "Produk Spesifikasi Jenis Pelayanan",
          "Kompetensi Pelaksana", "Perilaku Pelaksana", "Sarana dan Prasarana",
          "Penanganan Pengaduan, Saran dan Masukan", "Saran dan Masukan"]
U_AWAL = 7  # 0-based column of the first unsur


def _jawaban(n: int, acak: random.Random) -> list[list[int | None]]:
    return [[acak.choice((2, 3, 3, 4)) if acak.random() > 0.05 else None for _ in range(9)] for _ in range(n)]


def buat_survei(path: Path, n: int = 15, *, ubah=None) -> list[list[int | None]]:
    """A survey file as units make it; returns the answers in the FILE's column order."""
    acak = random.Random(n)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKM Sem I"
    ws["A1"] = "REKAPITULASI SURVEI KEPUASAN MASYARAKAT"
    ws.merge_cells("A1:Q1")
    ws["A2"] = "KECAMATAN CONTOH - SEMESTER I TAHUN 2026"
    ws.merge_cells("A2:Q2")
    ws.append([])
    ws.append(KEPALA)
    jawaban = _jawaban(n, acak)
    for i, j in enumerate(jawaban, start=1):
        import datetime as dt
        ws.append([i, dt.date(2026, 3, 1 + i % 28), "L" if i % 3 else "P", 20 + i, "SMA", "Wiraswasta", "KTP-el", *j,
                   "Antrean lama" if i % 5 == 0 else None])
    akhir = 4 + n
    ws.append(["Jumlah", None, None, None, None, None, None,
               *[f"=SUM({c}5:{c}{akhir})" for c in "HIJKLMNOP"]])
    ws.append(["NRR", None, None, None, None, None, None,
               *[f"=AVERAGE({c}5:{c}{akhir})" for c in "HIJKLMNOP"]])
    if ubah:
        ubah(ws)
    wb.save(path)
    return jawaban


def _urut_regulasi(b: list) -> list:
    """The file's order (..., Sarana, Pengaduan) as PermenPANRB's (..., Pengaduan, Sarana)."""
    return [*b[:7], b[8], b[7]]


def _hash(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


# ---- the header rules (pure) ------------------------------------------------------------------

@pytest.mark.parametrize(("judul", "unsur"), [
    ("U1", 1), ("U 1", 1), ("u-2", 2), ("Unsur 3", 3), ("P4", 4), ("Q5", 5), ("6", 6), ("Pertanyaan 7", 7),
    ("Persyaratan", 1), ("Prosedur", 2), ("Waktu Pelayanan", 3), ("Biaya/Tarif", 4), ("Produk Layanan", 5),
    ("Kompetensi Pelaksana", 6), ("Perilaku Petugas", 7), ("Penanganan Pengaduan", 8), ("Sarana dan Prasarana", 9),
    ("U8 Sarana dan Prasarana", 9), ("U9 Penanganan Pengaduan, Saran dan Masukan", 8),
    ("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?", 9),
    ("No", None), ("Saran", None), ("Saran dan Masukan", None), ("Tanggal", None), ("10", None), ("2025", None),
])
def test_judul_unsur(judul, unsur):
    assert unsur_judul(judul) == unsur


@pytest.mark.parametrize(("judul", "field"), [
    ("Jenis Kelamin", "jenis_kelamin"), ("JK", "jenis_kelamin"), ("L/P", "jenis_kelamin"), ("Umur", "umur"),
    ("Usia (Tahun)", "umur"), ("Pendidikan Terakhir", "pendidikan"), ("Pekerjaan", "pekerjaan"),
    ("Layanan", "layanan"), ("Jenis Layanan", "layanan"), ("Tgl", "tanggal"), ("Saran dan Masukan", "saran"),
    ("Saran", "saran"), ("Periode", "periode"), ("No", None),
])
def test_judul_profil(judul, field):
    assert kolom_profil(judul) == field


def test_baris_judul_di_bawah_judul_laporan():
    grid = [["SURVEI"], ["Kecamatan X"], [], ["No", "JK", *[f"Unsur {i}" for i in range(1, 10)]]]
    k = cari_kepala(grid)
    assert (k.baris, k.kolom["jenis_kelamin"], k.kolom["u1"], k.kolom["u9"], k.abaikan) == (3, 1, 2, 10, ("No",))


def test_nilai_salah_disebut_selnya_dan_tidak_ada_yang_ditulis():
    grid = [["No", "Periode", *[f"U{i}" for i in range(1, 10)]],
            [1, "2026 Semester I", 4, 3, 3, 4, 3, 3, 4, 3, 3],
            [2, "2026 Semester I", 4, 3, 5, 4, 3, 3, 4, 3, 3],
            [3, "2026 Semester I", 4, 3, 3, 4, 3, "baik", 4, 3, 2.5]]
    h = baca_survei(grid, "Data")
    assert [str(m) for m in h.masalah] == [
        "Lembar 'Data' sel E3: U3 Waktu Penyelesaian: nilai 5 di luar skala 1-4. Isi 1 (tidak sesuai), 2 (kurang "
        "sesuai), 3 (sesuai) atau 4 (sangat sesuai); kosongkan bila tidak dijawab.",
        "Lembar 'Data' sel H4: U6 Kompetensi Pelaksana: 'baik' bukan angka yang jelas. Isi 1 (tidak sesuai), 2 "
        "(kurang sesuai), 3 (sesuai) atau 4 (sangat sesuai); kosongkan bila tidak dijawab.",
        "Lembar 'Data' sel K4: U9 Sarana dan Prasarana: nilai 2.5 di luar skala 1-4. Isi 1 (tidak sesuai), 2 (kurang "
        "sesuai), 3 (sesuai) atau 4 (sangat sesuai); kosongkan bila tidak dijawab."]
    assert len(h.responden) == 1 and not h.dapat_ditulis


def test_tanpa_periode_dan_tanpa_judul():
    grid = [[f"U{i}" for i in range(1, 10)], [4] * 9]
    assert [str(m) for m in baca_survei(grid, "S").masalah] == [
        "Lembar 'S': sumber tidak punya kolom Periode. Sebut periodenya: --periode \"2024 Semester I\"."]
    assert baca_survei(grid, "S", "2026 Semester I").responden[0].periode == "2026 Semester I"
    h = baca_survei([["No", "U1", "U2", "U3"], [1, 4, 4, 4]], "S", "2026")
    assert [str(m) for m in h.masalah] == [
        "Lembar 'S': baris judul dengan 9 kolom unsur tidak ditemukan (tidak ada: U1 Persyaratan, U2 Sistem, "
        "Mekanisme dan Prosedur, U3 Waktu Penyelesaian, U4 Biaya/Tarif, U5 Produk Spesifikasi Jenis Pelayanan, U6 "
        "Kompetensi Pelaksana, U7 Perilaku Pelaksana, U8 Penanganan Pengaduan, Saran dan Masukan, U9 Sarana dan "
        "Prasarana). Beri judul kolom U1 sampai U9 (atau Unsur 1, P1, nama unsur) di satu baris di atas jawaban."]


def test_umur_tidak_terbaca_dikosongkan_dengan_peringatan():
    grid = [["Usia", *[f"U{i}" for i in range(1, 10)]], ["20-29 th", *[3] * 9]]
    h = baca_survei(grid, "S", "2026")
    assert h.dapat_ditulis and h.responden[0].umur is None
    assert [m.tingkat + " " + m.sel for m in h.masalah] == ["peringatan A2"]


# ---- the command, on generated files ------------------------------------------------------------

@pytest.fixture
def buku(tmp_path) -> Path:
    p = tmp_path / "IKU Bantargebah.xlsx"
    shutil.copy(CONTOH, p)
    return p


def _periksa_impor(sumber: Path, jawaban, buku: Path, capsys, *, ringkasan: bool) -> None:
    """``ringkasan``: the summary rows hold values (saved by a spreadsheet program); from openpyxl
    their formulas have no saved result, so the rows are empty and silently passed over."""
    hasil = buku.with_name("hasil.xlsx")
    asli = _hash(buku)
    kode, out, err = _jalankan(capsys, "impor", sumber, "--survei", "--ke", buku, "--periode", "2026 Semester I",
                               "-o", hasil)
    assert kode == 0, out + err
    assert f"{len(jawaban)} responden diimpor ke lembar 'Survei IKM' (2026 Semester I: {len(jawaban)})." in out
    assert "kolom yang tidak dipakai: No." in out
    assert (f"INFO       Lembar 'SKM Sem I' sel A{5 + len(jawaban)}: baris ringkasan 'Jumlah' tidak diimpor." in out
            ) == ringkasan
    assert (f"sel A{6 + len(jawaban)}: baris ringkasan 'NRR' tidak diimpor." in out) == ringkasan
    assert _hash(buku) == asli  # the workbook itself untouched without -o BUKU --timpa
    _, (b, masalah) = baca_unit(hasil)
    assert [m for m in masalah if m.tingkat == "galat"] == []
    baru = [r for r in b.survei if r.periode == "2026 Semester I"]
    assert [list(r.nilai) for r in baru] == [_urut_regulasi(j) for j in jawaban]
    assert len(b.survei) == 40 + len(jawaban)  # the example's 40 kept
    assert (baru[0].jenis_kelamin, baru[2].jenis_kelamin, baru[0].umur, baru[0].layanan) == \
        ("Laki-laki", "Perempuan", 21.0, "KTP-el")
    assert baru[4].saran == "Antrean lama" and baru[0].tanggal.isoformat() == "2026-03-02"
    ws = openpyxl.load_workbook(hasil)["Survei IKM"]
    # the example's table runs to row 73 (40 respondents, 30 empty rows); it grows when needed
    assert ws.tables["tblSurvei"].ref == f"A3:Q{max(73, 3 + 40 + len(jawaban))}"


def test_impor_dari_openpyxl(tmp_path, buku, capsys):
    sumber = tmp_path / "survei skm.xlsx"
    jawaban = buat_survei(sumber, 15)
    _periksa_impor(sumber, jawaban, buku, capsys, ringkasan=False)


@pytest.mark.skipif(not soffice_ada(), reason="LibreOffice (soffice) tidak terpasang")
def test_impor_dari_berkas_simpanan_libreoffice(tmp_path, buku, capsys):
    asal = tmp_path / "asal"
    asal.mkdir()
    jawaban = buat_survei(asal / "survei_lo.xlsx", 33)
    (sumber,) = konversi([asal / "survei_lo.xlsx"], tmp_path, ".xlsx")  # summary formulas now hold values
    wb = openpyxl.load_workbook(sumber, data_only=True)
    assert isinstance(wb.active.cell(5 + 33, 8).value, int | float)  # "Jumlah" computed by LibreOffice
    assert "A1:Q1" in {str(r) for r in wb.active.merged_cells.ranges}
    _periksa_impor(sumber, jawaban, buku, capsys, ringkasan=True)


def test_timpa_buku_sendiri_dengan_cadangan(tmp_path, buku, capsys):
    sumber = tmp_path / "s.xlsx"
    buat_survei(sumber, 6)
    asli = buku.read_bytes()
    kode, out, _ = _jalankan(capsys, "impor", sumber, "--survei", "--ke", buku, "--periode", "2026 Semester I",
                             "-o", buku, "--timpa")
    assert kode == 0
    (cadangan,) = tmp_path.glob("IKU Bantargebah.cadangan-*.xlsx")
    assert cadangan.read_bytes() == asli and f"Berkas lama disimpan sebagai: {cadangan}" in out
    _, (b, _) = baca_unit(buku)
    assert len(b.survei) == 46
    # the same survey again: refused, nothing written
    sebelum = _hash(buku)
    kode, _, err = _jalankan(capsys, "impor", sumber, "--survei", "--ke", buku, "--periode", "2026 Semester I",
                             "-o", buku, "--timpa")
    assert kode == 2 and _hash(buku) == sebelum
    assert "Galat: lembar 'Survei IKM' sudah berisi periode '2026 Semester I' (6 responden); mengimpor lagi akan " \
           "menghitung responden itu dua kali." in err


def test_nilai_salah_tidak_ada_yang_ditulis(tmp_path, buku, capsys):
    sumber = tmp_path / "s.xlsx"

    def rusak(ws):
        ws.cell(6, 9, 5)  # I6: U2 of the 2nd respondent
        ws.cell(8, 16, "baik")  # P8: the file's 9th unsur column, Penanganan Pengaduan (U8)

    buat_survei(sumber, 6, ubah=rusak)
    kode, out, err = _jalankan(capsys, "impor", sumber, "--survei", "--ke", buku, "--periode", "2026 Semester I")
    assert kode == 2
    assert "GALAT      Lembar 'SKM Sem I' sel I6: U2 Sistem, Mekanisme dan Prosedur: nilai 5 di luar skala 1-4." in out
    assert "GALAT      Lembar 'SKM Sem I' sel P8: U8 Penanganan Pengaduan, Saran dan Masukan: 'baik' bukan angka " \
           "yang jelas." in out
    assert "Survei TIDAK diimpor: perbaiki 2 sel di atas di berkas sumber, lalu jalankan lagi (tidak ada yang " \
           "ditulis)." in err
    assert list(tmp_path.glob("*_survei.xlsx")) == []


def test_tanpa_ke_membuat_buku_baru_dan_periode_dari_kolom(tmp_path, capsys):
    sumber = tmp_path / "survei.xlsx"

    def periode(ws):
        ws.cell(4, 1, "Periode")  # the "No" column holds the period instead
        for r in range(5, 11):
            ws.cell(r, 1).value = "2026 Semester I" if r < 8 else None

    buat_survei(sumber, 6, ubah=periode)
    kode, out, _ = _jalankan(capsys, "impor", sumber, "--survei", "--periode", "2026 Semester II")
    assert kode == 0, out
    assert "6 responden diimpor ke lembar 'Survei IKM' (2026 Semester I: 3, 2026 Semester II: 3)." in out
    _, (b, _) = baca_unit(tmp_path / "survei_iku.xlsx")
    assert [r.periode for r in b.survei] == ["2026 Semester I"] * 3 + ["2026 Semester II"] * 3


def test_ke_dan_periode_tanpa_survei(tmp_path, capsys):
    kode, _, err = _jalankan(capsys, "impor", tmp_path / "x.docx", "--periode", "2026")
    assert kode == 2 and "Galat: --ke dan --periode hanya untuk impor survei. Tambahkan --survei." in err


# ---- the template's U1-U9 validation --------------------------------------------------------------

def _validasi_skor(path: Path) -> dict[str, tuple]:
    ws = openpyxl.load_workbook(path)["Survei IKM"]
    return {str(dv.sqref): (dv.type, dv.formula1, dv.showErrorMessage, dv.errorStyle or "stop", dv.errorTitle,
                            dv.error) for dv in ws.data_validations.dataValidation
            if str(dv.sqref)[0] in "HIJKLMNOP"}


def test_validasi_skor_di_templat(tmp_path):
    p = tmp_path / "t.xlsx"
    buat_templat().save(p)
    v = _validasi_skor(p)
    assert sorted(v) == [f"{k}4:{k}1000" for k in "HIJKLMNOP"]
    assert set(v.values()) == {("list", '"1,2,3,4"', True, "stop", "Nilai unsur tidak valid", PESAN_SKOR_IKM)}
    assert PESAN_SKOR_IKM.startswith("Nilai unsur harus bilangan bulat 1 sampai 4") and len(PESAN_SKOR_IKM) <= 255
    petunjuk = "\n".join(str(c.value) for c in openpyxl.load_workbook(p)["Petunjuk"]["A"] if c.value)
    assert "6. Survei IKM (boleh kosong)" in petunjuk and "Populasi Layanan (IKM)" in petunjuk
    assert "Survei IKM / U4 Biaya/Tarif: Unsur 4 Biaya/Tarif (kewajaran biaya/tarif): 1 sangat mahal, 2 cukup " \
           "mahal, 3 murah, 4 gratis; kosong bila tidak dijawab." in petunjuk


@pytest.mark.skipif(not soffice_ada(), reason="LibreOffice (soffice) tidak terpasang")
def test_validasi_skor_dipertahankan_libreoffice(tmp_path):
    p = tmp_path / "asal" / "templat.xlsx"
    p.parent.mkdir()
    buat_templat().save(p)
    (lo,) = konversi([p], tmp_path, ".xlsx")
    assert _validasi_skor(lo) == _validasi_skor(p)


def test_pemeriksa_rumus_mengenal_fungsi_ikm():
    from iku_xl.workbook.rumus import periksa_rumus_buku

    wb = openpyxl.Workbook()
    wb.active.title = "Olah"
    wb.active["A1"] = "=IKU_IKM('Survei IKM'!H4:P43)"
    wb.active["A2"] = "=IKU_MUTU(A1)"
    wb.active["A3"] = "=IKU_IKMX(A1)"
    wb.create_sheet("Survei IKM")
    assert [(m.sel, m.pesan) for m in periksa_rumus_buku(wb)] == [
        ("A3", "rumus '=IKU_IKMX(A1)' memakai fungsi 'IKU_IKMX' yang tidak dikenal (hasilnya #NAME?)")]


# ---- a property: whatever the spelling and the column order, the same answers ---------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from iku_xl.core.ikm import UNSUR  # noqa: E402

_EJAAN = (lambda n: f"U{n}", lambda n: f"U {n}", lambda n: f"Unsur {n}", lambda n: f"P{n}", lambda n: f"Q{n}",
          lambda n: str(n), lambda n: UNSUR[n - 1].nama, lambda n: f"U{17 - n if n >= 8 else n} {UNSUR[n - 1].nama}")


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(11)), st.lists(st.sampled_from(_EJAAN), min_size=9, max_size=9),
       st.lists(st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=9, max_size=9), min_size=1,
                max_size=8), st.integers(0, 5))
def test_ejaan_dan_urutan_kolom_tidak_mengubah_jawaban(urutan, ejaan, jawaban, judul_atas):
    # columns: 9 unsur, "No", "JK"; shuffled; some header spelled by name and number disagreeing
    kepala = [ejaan[i](i + 1) for i in range(9)] + ["No", "JK"]
    baris = [[*j, n, "P"] for n, j in enumerate(jawaban, start=1)]
    grid = [["SURVEI"]] * judul_atas + [[kepala[i] for i in urutan]] + [[b[i] for i in urutan] for b in baris]
    h = baca_survei(grid, "S", "2026")
    ada = [j for j in jawaban if any(x is not None for x in j)]
    assert [list(r.nilai) for r in h.responden] == ada
    assert all(r.jenis_kelamin == "Perempuan" for r in h.responden)
    assert [m for m in h.masalah if m.tingkat == "galat"] == ([] if ada else h.masalah)
