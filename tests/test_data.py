"""The IKU data as pandas DataFrames (iku_xl.baca_buku, iku_xl.rekap_data, iku-xl rekap --csv/--daftar):
the same rows and values as the recap workbook, one reader, pandas only when asked for, and the
recap sharded by Dask's local scheduler over the file list gives the same table."""

from __future__ import annotations

import io
import math
import shutil
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

import iku_xl
from iku_xl.cli import main
from iku_xl.core.rekap import KOLOM_REKAP
from iku_xl.data import BERMASALAH, DIREKAP, KOLOM, tabel_rekap
from iku_xl.workbook.rekap import proses_berkas, rekap
from tests.conftest import WORKBOOKS
from tests.test_rekap import tambah_berkas_asing

LEGOK, BANTAR = "contoh_legok_2020.xlsx", "contoh_bantargebah_2024-2026.xlsx"


@pytest.fixture
def folder(tmp_path):
    """Unit workbooks as a Kabupaten collects them, a damaged and a foreign file among them."""
    f = tmp_path / "kecamatan"
    f.mkdir()
    for k in range(3):
        shutil.copy2(WORKBOOKS / BANTAR, f / f"{k}_{BANTAR}")
    shutil.copy2(WORKBOOKS / LEGOK, f / LEGOK)
    tambah_berkas_asing(f)
    return f


def _nilai(v):
    """A cell's value as openpyxl gives it back: NaN/<NA> is an empty cell."""
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return v


def _baris(tabel):
    return [[_nilai(v) for v in r] for r in tabel.itertuples(index=False)]


def _seperti_sel(baris):
    """Rows as compared with a written workbook: XlsxWriter writes 16 significant digits (Excel keeps
    15), the DataFrame and the CSV keep every digit."""
    return [[pytest.approx(v, rel=1e-15) if isinstance(v, float) else v for v in r] for r in baris]


def _lembar(path, nama, mulai):
    ws = openpyxl.load_workbook(path, read_only=True)[nama]
    return [list(r) for r in ws.iter_rows(min_row=mulai, values_only=True)]


def test_rekap_data_sama_dengan_lembar_rekap(folder, tmp_path):
    keluar = tmp_path / "rekap.xlsx"
    assert rekap([folder], 2025, keluar) == (6, 3, 3)
    tabel = iku_xl.rekap_data([folder], 2025)
    # the headers are the Rekap sheet's own, in its order
    assert list(tabel.columns) == [j for j, _, _ in KOLOM_REKAP] == _lembar(keluar, "Rekap", 3)[0]
    assert list(tabel.columns[:3]) == ["Unit", "Kabupaten/Kota", "Kode"]
    assert list(tabel.columns[-3:]) == ["Capaian (%)", "Predikat", "Berkas"]
    rows = _lembar(keluar, "Rekap", 4)
    assert len(rows) == len(tabel) == 9
    assert rows == _seperti_sel(_baris(tabel))  # the values as written
    assert tabel["Capaian (%)"].dtype == float and tabel["Target"].dtype == float
    # the files that could not be recapped: as the Berkas Bermasalah sheet lists them
    assert [list(x) for x in tabel.attrs[BERMASALAH]] == _lembar(keluar, "Berkas Bermasalah", 5)
    assert [b for b, _ in tabel.attrs[BERMASALAH]] == [LEGOK, "daftar_hadir.xlsx", "rusak.xlsx"]
    assert tabel.attrs[DIREKAP] == 3
    assert "tidak ada target untuk tahun 2025" in dict(tabel.attrs[BERMASALAH])[LEGOK]


def test_rekap_data_dari_iterable_apa_saja(folder):
    semua = iku_xl.rekap_data([folder], 2025)
    satu = iku_xl.rekap_data(str(folder / f"1_{BANTAR}"), 2025)  # one path, not its characters
    assert _baris(satu) == _baris(semua[semua["Berkas"] == f"1_{BANTAR}"])
    dari_generator = iku_xl.rekap_data((p for p in sorted(folder.iterdir())), 2025)
    assert _baris(dari_generator) == _baris(semua)
    kemajuan = io.StringIO()
    iku_xl.rekap_data([folder], 2025, kemajuan=kemajuan)
    assert kemajuan.getvalue().endswith("] 6/6 berkas\n")  # the recap's own progress bar
    with pytest.raises(iku_xl.BerkasTidakValid, match="tidak ada buku kerja .xlsx/.xlsm untuk direkap"):
        iku_xl.rekap_data([], 2025)


def test_baca_buku_rapi_dan_sama_dengan_rekap():
    buku = iku_xl.baca_buku(WORKBOOKS / BANTAR)
    assert list(buku.indikator.columns[:6]) == ["unit", "kode", "sasaran", "indikator", "satuan", "polaritas"]
    assert set(buku.indikator["unit"]) == {"KECAMATAN BANTARGEBAH"}
    assert list(buku.indikator["kode"]) == ["1.1", "2.1", "3.1"]
    assert len(buku.target) == 9 and list(buku.target.columns[:6]) == ["unit", "kode", "satuan", "polaritas",
                                                                         "tahun", "target"]
    assert buku.realisasi.loc[0, ["kode", "tahun", "realisasi_tw1", "realisasi_tw4"]].tolist() == ["1.1", 2024,
                                                                                                 82.1, 84.6]
    # capaian per year: every year with a target; the recap's numbers for that year
    assert sorted(set(buku.capaian["tahun"])) == [2024, 2025, 2026]
    rekap_2025 = iku_xl.rekap_data([WORKBOOKS / BANTAR], 2025)
    tahun_ini = buku.capaian[buku.capaian["tahun"] == 2025]
    assert _baris(tahun_ini[["kode", "satuan", "target", "realisasi", "capaian", "predikat"]]) == \
        _baris(rekap_2025[["Kode", "Satuan", "Target", "Realisasi", "Capaian (%)", "Predikat"]])
    belum = buku.capaian[buku.capaian["tahun"] == 2026]
    assert set(belum["alasan"]) == {"realisasi belum diisi"} and belum["capaian"].isna().all()
    # the survey, one row per respondent, scores as whole numbers with <NA> where left empty
    assert buku.survei is not None and len(buku.survei) == 40
    assert str(buku.survei["u1"].dtype) == "Int64" and buku.survei.loc[0, "u9"] is pd.NA
    assert list(buku.masalah.columns) == ["unit", "tingkat", "pesan", "saran", "lembar", "sel", "kode"]
    assert iku_xl.baca_buku(WORKBOOKS / LEGOK).survei is None


def test_baca_buku_berkas_rusak(tmp_path):
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"bukan berkas excel")
    with pytest.raises(iku_xl.BerkasTidakValid, match="isinya bukan buku kerja Excel"):
        iku_xl.baca_buku(rusak)


def test_rekap_dengan_dask_di_atas_daftar_berkas(folder):
    """Sharding as a ministry would: a Dask bag over the file list (local scheduler, worker
    processes), each file through the recap's own per-file function, concatenated."""
    import dask
    import dask.bag as db

    berkas = [str(p) for p in sorted(folder.iterdir())]
    bag = db.from_sequence([(p, 2025) for p in berkas], npartitions=3).map(proses_berkas)
    with dask.config.set(scheduler="processes", num_workers=2):
        hasil = bag.compute()
    assert bag.npartitions == 3
    tabel = tabel_rekap(hasil)
    sendiri = iku_xl.rekap_data(berkas, 2025)
    assert _baris(tabel) == _baris(sendiri) and len(tabel) == 9
    assert tabel.attrs == sendiri.attrs


def _jalankan(argv, capsys):
    kode = main(argv)
    return kode, capsys.readouterr()


def test_cli_csv_sama_dengan_buku_kerja(folder, tmp_path, capsys):
    xlsx = tmp_path / "rekap.xlsx"
    kode, out = _jalankan(["rekap", str(folder), "--tahun", "2025", "-o", str(xlsx), "--csv", "-q"], capsys)
    assert kode == 0, out.err
    csv = tmp_path / "rekap.csv"  # beside -o
    assert out.out.splitlines() == [f"Rekap 2025: 6 berkas, 3 unit direkap, 3 berkas bermasalah. Disimpan di: {xlsx}",
                                    f"Tabel rekap (CSV) disimpan di: {csv}"]
    mentah = csv.read_bytes()
    assert mentah.startswith(b"Unit,Kabupaten/Kota,Kode,Sasaran Strategis,")  # no BOM, comma, Rekap's headers
    dibaca = pd.read_csv(csv, dtype={"Kode": str})
    assert list(dibaca.columns) == list(KOLOM)
    assert _lembar(xlsx, "Rekap", 4) == _seperti_sel(_baris(dibaca))  # decimal point
    assert _baris(dibaca) == _baris(iku_xl.rekap_data([folder], 2025))  # every digit kept


def test_cli_csv_saja_dengan_daftar(folder, tmp_path, capsys):
    daftar = folder / "daftar.txt"
    daftar.write_text(f"# rekap triwulan I\n\n0_{BANTAR}\n  rusak.xlsx  \n{folder / LEGOK}\n", encoding="utf-8")
    csv = tmp_path / "hasil.csv"
    kode, out = _jalankan(["rekap", "--daftar", str(daftar), "--tahun", "2025", "--csv", str(csv)], capsys)
    assert kode == 0, out.err
    assert out.out.splitlines()[0] == "Rekap 2025: 3 berkas, 1 unit direkap, 2 berkas bermasalah."
    assert out.out.splitlines()[1].startswith("  rusak.xlsx: berkas 'rusak.xlsx' tidak dapat dibuka")
    dibaca = pd.read_csv(csv, dtype={"Kode": str})
    assert _baris(dibaca) == _baris(iku_xl.rekap_data([folder / f"0_{BANTAR}"], 2025))
    assert not (tmp_path / "hasil.xlsx").exists()
    # an existing CSV is kept unless --timpa: said before anything is read
    kode, out = _jalankan(["rekap", "--daftar", str(daftar), "--tahun", "2025", "--csv", str(csv)], capsys)
    assert kode == 2
    assert out.err == (f"Galat: berkas '{csv}' sudah ada. Pilih nama lain dengan --csv, atau tambahkan --timpa "
                       "(salinan cadangan berkas lama akan dibuat).\n")


def test_daftar_dengan_berkas_hilang(folder, capsys):
    daftar = folder / "daftar.txt"
    daftar.write_bytes(f"\ufeff0_{BANTAR}\n# komentar\ntidak_ada.xlsx\nsub/juga_tidak.xlsx\n".encode())
    kode, out = _jalankan(["rekap", "--daftar", str(daftar), "--tahun", "2025", "-o", str(folder / "r.xlsx")], capsys)
    assert kode == 2 and out.out == ""
    assert out.err == ("Galat: daftar berkas 'daftar.txt': 2 berkas tidak ditemukan: baris 3 'tidak_ada.xlsx', "
                       "baris 4 'sub/juga_tidak.xlsx'. Perbaiki atau hapus baris itu di daftar (path relatif "
                       "terhadap folder daftar), lalu jalankan rekap lagi.\n")
    assert not (folder / "r.xlsx").exists()
    kode, out = _jalankan(["rekap", "--daftar", str(folder / "x.txt"), "--tahun", "2025", "-o", "r.xlsx"], capsys)
    assert (kode, out.err) == (2, f"Galat: daftar berkas '{folder / 'x.txt'}' tidak ditemukan. Periksa nama berkas "
                                  "yang diberikan pada --daftar.\n")


@pytest.mark.parametrize(("argv", "pesan"), [
    (["--tahun", "2025", "-o", "r.xlsx"],
     "belum ada buku kerja yang direkap. Sebutkan folder/berkas, atau --daftar DAFTAR.txt."),
    (["x", "--tahun", "2025"], "belum ada berkas hasil. Tambahkan -o REKAP.xlsx, --csv REKAP.csv, atau keduanya."),
    (["x", "--tahun", "2025", "--csv"],
     "--csv tanpa nama berkas butuh -o REKAP.xlsx (CSV disimpan di sampingnya). Contoh: --csv rekap_2024.csv"),
    (["x", "--tahun", "2025", "--csv", "rekap.txt"],
     "nama berkas CSV 'rekap.txt' harus berakhiran .csv. Contoh: --csv rekap_2024.csv"),
])
def test_cli_pilihan_salah(argv, pesan, capsys):
    kode = main(["rekap", *argv])
    assert (kode, capsys.readouterr().err) == (2, f"Galat: {pesan}\n")


def _python(kode):
    return subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=False)


def test_import_iku_xl_tanpa_pandas():
    keluar = _python("import sys, iku_xl; iku_xl.baca_buku; iku_xl.rekap_data; import iku_xl.data; "
                     "print('pandas' in sys.modules)")
    assert (keluar.returncode, keluar.stdout.strip()) == (0, "False"), keluar.stderr


def test_pandas_tidak_terpasang(folder, tmp_path):
    """pandas hidden (a None entry in sys.modules makes its import fail): exit 2 and how to install it,
    before any file is read or written."""
    keluar = _python(f"import sys; sys.modules['pandas'] = None\nfrom iku_xl.cli import main\n"
                     f"sys.exit(main(['rekap', {str(folder)!r}, '--tahun', '2025', '-o', {str(tmp_path / 'r.xlsx')!r},"
                     f" '--csv']))")
    assert keluar.returncode == 2
    assert keluar.stderr == ("Galat: pandas belum terpasang; data rekap (--csv, baca_buku, rekap_data) membutuhkannya. "
                             'Pasang dengan: pip install pandas (atau dari folder sumber iku-xl: pip install ".[data]")\n')
    assert not (tmp_path / "r.xlsx").exists() and not (tmp_path / "r.csv").exists()
    keluar = _python(f"import sys; sys.modules['pandas'] = None\nimport iku_xl\n"
                     f"try:\n    iku_xl.rekap_data([{str(folder)!r}], 2025)\n"
                     f"except iku_xl.IkuError as e:\n    print(e)")
    assert keluar.stdout.startswith("pandas belum terpasang"), keluar.stderr
