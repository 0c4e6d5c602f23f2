"""A workbook whose IKM indicator takes its realisasi from its own Survei IKM sheet: the same number
in `laporan`, `hitung`, `validasi` and `rekap` (two generated unit workbooks, one of them an old
workbook without the Sumber Realisasi column), and after LibreOffice saved the file."""

from __future__ import annotations

import openpyxl
import pytest

from iku_xl.cli import main
from iku_xl.core.model import BukuIKU, Indikator, Profil, RealisasiIKU, SumberSurvei, TargetIKU
from iku_xl.core.skema import BARIS_JUDUL, REALISASI, SURVEI
from iku_xl.workbook.proses import buat_laporan, hitung, validasi
from iku_xl.workbook.templat import buat_templat
from tests.conftest import WAKTU
from tests.test_core_ikm_iku import SEM1, SEM2

KET_11 = "IKM dari Survei IKM 2024 Semester I; 2024 Semester II (5 responden): 83,47, mutu B (Baik)"
KET_12 = "IKM dari Survei IKM 2024 Semester I (3 responden): 82,87, mutu B (Baik)"


def buat_unit(path, *, instansi="KECAMATAN UJI", sumber=True, tahunan_12=None, lama=False):
    """A unit workbook: 1.1 IKM from every 2024 period, 1.2 IKM of semester I, 1.3 typed.
    ``lama``: the Realisasi sheet of an older template (no Sumber Realisasi column), IKM typed."""
    buku = BukuIKU(
        Profil(instansi=instansi, kabupaten="KABUPATEN UJI", tahun=2024, populasi_ikm=100),
        (Indikator("1.1", "Pelayanan prima", "Indeks Kepuasan Masyarakat", "Indeks"),
         Indikator("1.2", "Pelayanan prima", "IKM Semester I", "Indeks"),
         Indikator("1.3", "Pelayanan prima", "Jumlah inovasi layanan", "Jumlah")),
        (TargetIKU("1.1", 2024, 80.0), TargetIKU("1.2", 2024, 80.0), TargetIKU("1.3", 2024, 4.0)),
        (RealisasiIKU("1.1", 2024, tahunan=None if sumber and not lama else 83.47,
                      sumber=SumberSurvei() if sumber and not lama else None),
         RealisasiIKU("1.2", 2024, tahunan=tahunan_12 if not lama else 82.87,
                      sumber=SumberSurvei(("2024 Semester I",)) if sumber and not lama else None),
         RealisasiIKU("1.3", 2024, tahunan=3.0)))
    wb = buat_templat(buku)
    ws = wb[SURVEI.nama]
    kolom = {ws.cell(BARIS_JUDUL, j).value: j for j in range(1, ws.max_column + 1)}
    r = BARIS_JUDUL + 1
    for periode, baris in (("2024 Semester I", SEM1), ("2024 Semester II", SEM2)):
        for nilai in baris:
            ws.cell(r, kolom["Periode"], periode)
            for k, x in zip(SURVEI.kolom[7:16], nilai):
                ws.cell(r, kolom[k.judul], x)
            r += 1
    if lama:
        ws = wb[REALISASI.nama]
        j = [ws.cell(BARIS_JUDUL, j).value for j in range(1, ws.max_column + 1)].index("Sumber Realisasi") + 1
        ws.delete_cols(j)
        for nama in list(ws.tables):
            del ws.tables[nama]
    wb.save(path)
    return path


def _baris(path, lembar):
    wb = openpyxl.load_workbook(path, data_only=True)
    return [list(r) for r in wb[lembar].iter_rows(values_only=True)]


@pytest.fixture
def unit(tmp_path):
    return buat_unit(tmp_path / "unit.xlsx", tahunan_12=82)


def test_laporan_hitung_validasi_sama(unit, tmp_path):
    lap = buat_laporan(unit, keluaran=tmp_path / "lap.xlsx", waktu=WAKTU)
    assert lap.keluaran is not None
    assert [(b.realisasi, round(b.capaian.nilai, 2)) for b in lap.baris] == [(83.47, 104.34), (82.87, 103.59),
                                                                            (3.0, 75.0)]
    isi = [v for r in _baris(lap.keluaran, "Laporan Capaian 2024") for v in r]
    assert KET_11 in isi and KET_12 in isi and 83.47 in isi and 82.87 in isi
    cap = hitung(unit, keluaran=tmp_path / "cap.xlsx", waktu=WAKTU)
    rows = {r[0]: r for r in _baris(cap.keluaran, "Capaian 2024")[4:] if r[0]}
    assert (rows["1.1"][6], round(rows["1.1"][7], 2), rows["1.1"][10]) == (83.47, 104.34, KET_11)
    assert (rows["1.2"][6], round(rows["1.2"][7], 2), rows["1.2"][10]) == (82.87, 103.59, KET_12)
    val = validasi(unit, keluaran=tmp_path / "val.xlsx", waktu=WAKTU)
    teks = [str(m) for m in val.masalah]
    assert ("Lembar 'Realisasi' sel G5 (indikator 1.2): Realisasi Tahunan yang diketik (82) berbeda dari IKM Survei "
            "IKM 2024 Semester I (82,87); yang dipakai: IKM dari survei. Hapus angka yang diketik di G5 (Sumber "
            "Realisasi = Survei IKM), atau perbaiki jawaban di lembar Survei IKM bila angka ketikan itu yang benar."
            ) in teks
    assert ("Lembar 'Survei IKM': survei periode '2024 Semester I' hanya 3 responden, kurang dari jumlah minimal 80 "
            "untuk populasi 100 (tabel Krejcie-Morgan). Tambah responden sampai minimal 80, atau periksa Populasi "
            "Layanan (IKM) di lembar Profil.") in teks
    hasil = [r for r in _baris(val.keluaran, "Hasil Validasi") if r[1] == "PERINGATAN" and r[3] == "G5"]
    assert len(hasil) == 1 and hasil[0][4] == "1.2"


def test_perintah_cli(unit, tmp_path, capsys):
    assert main(["laporan", str(unit), "-o", str(tmp_path / "a.xlsx")]) == 0
    assert main(["validasi", str(unit), "-o", str(tmp_path / "b.xlsx")]) == 0
    keluar = capsys.readouterr()
    assert "berbeda dari IKM Survei IKM 2024 Semester I (82,87)" in keluar.out + keluar.err


def test_sumber_salah_menghalangi_laporan(tmp_path):
    p = buat_unit(tmp_path / "u.xlsx")
    wb = openpyxl.load_workbook(p)
    wb[REALISASI.nama]["K4"] = "Survei IKM: 2024 Semester 3"
    wb.save(p)
    lap = buat_laporan(p, keluaran=tmp_path / "l.xlsx", waktu=WAKTU)
    assert lap.keluaran is None
    assert [str(m) for m in lap.masalah if m.tingkat == "galat"] == [
        "Lembar 'Realisasi' sel K4 (indikator 1.1): Sumber Realisasi \"Survei IKM: 2024 Semester 3\": periode survei "
        "'2024 Semester 3' tidak ada di lembar Survei IKM. Periode yang ada: '2024 Semester I', '2024 Semester II'. "
        "Tulis nama periode seperti di kolom Periode, dipisah titik koma."]


def test_rekap_sama_dengan_laporan(tmp_path):
    pytest.importorskip("python_calamine")
    pytest.importorskip("xlsxwriter")
    folder = tmp_path / "unit"
    folder.mkdir()
    a = buat_unit(folder / "a.xlsx", instansi="KECAMATAN A")
    b = buat_unit(folder / "b.xlsx", instansi="KECAMATAN B", lama=True)
    assert "Sumber Realisasi" not in _baris(b, REALISASI.nama)[BARIS_JUDUL - 1]
    assert main(["rekap", str(folder), "--tahun", "2024", "-o", str(tmp_path / "rekap.xlsx")]) == 0
    rows = [r for r in _baris(tmp_path / "rekap.xlsx", "Rekap")[1:] if r[0]]
    for p, unit in ((a, "KECAMATAN A"), (b, "KECAMATAN B")):
        lap = buat_laporan(p, keluaran=tmp_path / f"lap-{p.stem}.xlsx", waktu=WAKTU)
        assert [(r[2], r[7], r[8]) for r in rows if r[0] == unit] == [
            (x.indikator.kode, x.realisasi, pytest.approx(x.capaian.nilai)) for x in lap.baris]
        assert [x.realisasi for x in lap.baris] == [83.47, 82.87, 3.0]


def test_disimpan_libreoffice_dibaca_sama(unit, tmp_path):
    from tests.lo import hitung_ulang, soffice_ada

    if not soffice_ada():
        pytest.skip("LibreOffice tidak terpasang")
    lo = hitung_ulang(unit, tmp_path / "lo.xlsx")
    asli = buat_laporan(unit, keluaran=tmp_path / "l1.xlsx", waktu=WAKTU)
    dari_lo = buat_laporan(lo, keluaran=tmp_path / "l2.xlsx", waktu=WAKTU)
    assert [(b.realisasi, b.capaian.nilai, b.indikator.kode) for b in dari_lo.baris] == \
        [(b.realisasi, b.capaian.nilai, b.indikator.kode) for b in asli.baris]
    assert [str(m) for m in dari_lo.masalah] == [str(m) for m in asli.masalah]


def test_tombol_hitung_sama(unit):
    """The Hitung Capaian button, through xlwings Server's remote Book, reads the survey too."""
    pytest.importorskip("xlwings")
    from iku_xl.xl import tombol
    from tests.buku_jarak_jauh import buku_jarak_jauh, kisi_ditulis

    book = buku_jarak_jauh(unit)
    tombol.tombol_hitung(book)
    kisi = kisi_ditulis(book.json()["actions"], "Capaian 2024")
    assert [(kisi[f"A{r}"], kisi[f"G{r}"], kisi[f"K{r}"]) for r in (5, 6)] == [("1.1", 83.47, KET_11),
                                                                             ("1.2", 82.87, KET_12)]
    assert round(kisi["H5"], 2) == 104.34
