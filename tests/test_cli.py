"""The iku-xl command: every bad input gives an Indonesian message and exit 2, never a traceback,
and leaves the input untouched."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import openpyxl
import pytest

from iku_xl.workbook.templat import buat_templat
from tests.conftest import jalankan_cli as _jalankan


def _hash(p):
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _ubah(path, fungsi):
    wb = openpyxl.load_workbook(path)
    fungsi(wb)
    wb.save(path)
    return path


BURUK = {
    "lembar_kosong": (lambda wb: wb["Indikator"].delete_rows(1, 100),
                      "Lembar 'Indikator': lembar kosong atau baris judul kolom tidak ditemukan."),
    "lembar_hilang": (lambda wb: wb.remove(wb["Target"]), "Lembar 'Target' tidak ditemukan."),
    "kolom_hilang": (lambda wb: wb["Realisasi"].delete_cols(2),
                     "Lembar 'Realisasi': kolom 'Tahun' tidak ditemukan di baris judul (baris 3)."),
    "judul_diganti": (lambda wb: wb["Target"].cell(3, 3, "Nilai Target"),
                      "Lembar 'Target': kolom 'Target' tidak ditemukan di baris judul (baris 3). Kembalikan judul "
                      "kolom 'Target' seperti di templat. Judul yang ada: Kode, Tahun, Nilai Target, Target "
                      "Triwulan I, Target Triwulan II, Target Triwulan III, Target Triwulan IV, Rencana Aksi TW I, "
                      "Rencana Aksi TW II, Rencana Aksi TW III, Rencana Aksi TW IV."),
    "teks_di_angka": (lambda wb: wb["Realisasi"].cell(6, 7, "tujuh puluh"),
                      "Lembar 'Realisasi' sel G6 (indikator 3.1): 'tujuh puluh' bukan angka yang jelas."),
    "kode_ganda": (lambda wb: wb["Indikator"].cell(5, 1, "1.1"),
                   "Lembar 'Indikator' sel A5 (indikator 1.1): kode '1.1' ganda (sudah dipakai di baris 4)."),
    "tahun_tanpa_target": (lambda wb: [setattr(wb["Target"].cell(r, 3), "value", None) for r in range(4, 13)
                                       if wb["Target"].cell(r, 2).value == 2025],
                           "Lembar 'Target': tidak ada target untuk tahun 2025. Isi target 2025 di lembar Target, "
                           "atau pilih tahun yang ada: 2024, 2026."),
    "angka_desimal_titik": (lambda wb: wb["Target"].cell(4, 3, "83.25"),
                            "Lembar 'Target' sel C4 (indikator 1.1): '83.25' bukan angka yang jelas. Maksudnya "
                            "'8.325' atau '83,25'? Pakai koma untuk desimal, mis. 83,5."),
}


@pytest.mark.parametrize("kasus", sorted(BURUK))
def test_input_buruk_laporan(salin, capsys, kasus):
    ubah, pesan = BURUK[kasus]
    path = _ubah(salin("contoh_bantargebah_2024-2026.xlsx"), ubah)
    sebelum = _hash(path)
    kode, out, err = _jalankan(capsys, "laporan", str(path), "--tahun", "2025")
    assert kode == 2
    assert pesan in out
    assert "Laporan TIDAK dibuat: perbaiki galat di atas lalu jalankan lagi." in err
    assert _hash(path) == sebelum
    assert [p.name for p in path.parent.iterdir()] == [path.name]


@pytest.mark.parametrize("kasus", sorted(BURUK))
def test_input_buruk_validasi(salin, capsys, kasus):
    """validasi lists the same problem, writes its sheet to a new file and exits 2."""
    ubah, pesan = BURUK[kasus]
    path = _ubah(salin("contoh_bantargebah_2024-2026.xlsx"), ubah)
    sebelum = _hash(path)
    kode, out, _ = _jalankan(capsys, "validasi", str(path))
    if kasus == "tahun_tanpa_target":  # the workbook-wide view adds each realisasi lacking its target
        assert ("PERINGATAN Lembar 'Target' (indikator 1.1): ada realisasi 2025 tetapi targetnya belum diisi. "
                "Isi target 2025 untuk indikator ini di lembar Target.") in out
        assert "PERINGATAN Lembar 'Target' (indikator 1.1): tidak ada target untuk tahun Renstra 2025." in out
    assert kode == 2
    assert f"GALAT      {pesan}" in out
    assert "Laporan 2025 TIDAK dapat dibuat: perbaiki galat lebih dulu." in out
    assert _hash(path) == sebelum
    ws = openpyxl.load_workbook(path.with_name(path.stem + "_validasi.xlsx"))["Hasil Validasi"]
    assert ws["A6"].value == 1


@pytest.mark.parametrize(("argv", "pesan"), [
    (["laporan"], "iku-xl laporan: galat: argumen wajib belum diberikan: BUKU.xlsx"),
    (["laporan", "x.xlsx", "--tahun", "dua ribu"],
     "iku-xl laporan: galat: --tahun: tahun 'dua ribu' tidak valid: isi empat angka, mis. 2024"),
    (["laporan", "x.xlsx", "--tahun", "0"], "iku-xl laporan: galat: --tahun: tahun '0' tidak valid: isi empat angka"),
    (["validasi", "x.xlsx", "--tahun", "20"], "iku-xl validasi: galat: --tahun: tahun '20' tidak valid"),
    (["cetak"], "iku-xl: galat: PERINTAH: pilihan 'cetak' tidak dikenal (pilih: 'template', 'impor', 'validasi', "
                "'hitung', 'rekap', 'laporan', 'pk', 'analisis', 'ikm')"),
    ([], "iku-xl: galat: argumen wajib belum diberikan: PERINTAH"),
])
def test_argumen_salah(capsys, argv, pesan):
    kode, _, err = _jalankan(capsys, *argv)
    assert kode == 2
    assert pesan in err


def test_berkas_bermasalah(tmp_path, capsys):
    (tmp_path / "rusak.xlsx").write_text("bukan zip")
    (tmp_path / "data.csv").write_text("a,b")
    assert _jalankan(capsys, "laporan", str(tmp_path / "tidak_ada.xlsx"))[2] == (
        f"Galat: berkas '{tmp_path / 'tidak_ada.xlsx'}' tidak ditemukan. Periksa nama dan folder berkas.\n")
    kode, _, err = _jalankan(capsys, "validasi", str(tmp_path / "rusak.xlsx"))
    assert kode == 2 and "tidak dapat dibuka: isinya bukan buku kerja Excel .xlsx (bukan arsip zip)" in err
    kode, _, err = _jalankan(capsys, "laporan", str(tmp_path / "data.csv"))
    assert kode == 2 and "bukan buku kerja Excel (.xlsx/.xlsm)" in err


def test_templat(tmp_path, capsys):
    tujuan = tmp_path / "IKU.xlsx"
    assert _jalankan(capsys, "template", str(tujuan)) == (0, f"Templat dibuat: {tujuan}\n", "")
    kode, _, err = _jalankan(capsys, "template", str(tujuan))
    assert kode == 2 and "sudah ada" in err and "--timpa" in err
    kode, out, _ = _jalankan(capsys, "template", str(tujuan), "--timpa")
    assert kode == 0 and "Berkas lama disimpan sebagai:" in out
    assert _jalankan(capsys, "template", str(tmp_path / "IKU.xls"))[0] == 2


def test_templat_kosong_tidak_bisa_laporan(tmp_path, capsys):
    path = tmp_path / "IKU.xlsx"
    buat_templat().save(path)
    kode, out, _ = _jalankan(capsys, "laporan", str(path), "--tahun", "2025")
    assert kode == 2
    assert "GALAT      Lembar 'Indikator': belum ada indikator." in out


def test_laporan_berhasil(salin, capsys):
    path = salin("contoh_legok_2020.xlsx")
    kode, out, err = _jalankan(capsys, "laporan", str(path))
    assert (kode, err) == (0, "")
    assert out.endswith(f"Laporan disimpan di: {path.with_name('contoh_legok_2020_laporan-2020.xlsx')}\n")


def test_galat_internal_tanpa_traceback(salin, capsys, monkeypatch):
    import iku_xl.workbook.proses as proses

    def rusak(*a, **k):
        raise ZeroDivisionError("bug")
    monkeypatch.setattr(proses, "buat_laporan", rusak)
    monkeypatch.setenv("XDG_CACHE_HOME", str(salin("contoh_legok_2020.xlsx").parent / "cache"))
    kode, _, err = _jalankan(capsys, "laporan", str(salin("contoh_legok_2020.xlsx")))
    assert kode == 1
    log = salin("contoh_legok_2020.xlsx").parent / "cache" / "iku-xl" / "galat.log"
    assert err == ("Terjadi kesalahan internal iku-xl. Berkas Anda tidak diubah. "
                   f"Kirim berkas log ini ke pengelola iku-xl: {log}\n")
    assert "ZeroDivisionError: bug" in log.read_text(encoding="utf-8")
    assert oct(log.stat().st_mode & 0o777) == oct(0o600)


def test_log_tidak_mengikuti_symlink(tmp_path):
    """A log planted as a symlink by another user is never written through (issue 9, point 7)."""
    from iku_xl.cli import catat_galat

    korban = tmp_path / "milik_orang_lain.txt"
    korban.write_text("jangan ditimpa")
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    (folder / "galat.log").symlink_to(korban)
    assert catat_galat("Traceback ...", folder) is None
    assert korban.read_text() == "jangan ditimpa"
    tautan = tmp_path / "tautan"  # the folder itself a symlink
    tautan.symlink_to(folder)
    assert catat_galat("Traceback ...", tautan) is None


def test_log_tidak_dapat_ditulis_tanpa_traceback(salin, capsys, monkeypatch, tmp_path):
    import iku_xl.workbook.proses as proses

    def rusak(*a, **k):
        raise ZeroDivisionError("bug")
    monkeypatch.setattr(proses, "buat_laporan", rusak)
    (tmp_path / "bukan_folder").write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "bukan_folder"))  # the cache folder cannot be made
    kode, _, err = _jalankan(capsys, "laporan", str(salin("contoh_legok_2020.xlsx")))
    assert kode == 1
    assert err == ("Terjadi kesalahan internal iku-xl. Berkas Anda tidak diubah. Catatan galat tidak dapat "
                   "disimpan; jalankan lagi dan laporkan pesan ini ke pengelola iku-xl.\n")


def test_validasi_tanpa_masalah_mengatakannya(salin, capsys):
    import openpyxl

    path = salin("contoh_bantargebah_2024-2026.xlsx")
    wb = openpyxl.load_workbook(path)  # the example's survey is short of respondents on purpose: without it
    del wb["Survei IKM"]               # the workbook has nothing to report
    wb.save(path)
    kode, out, err = _jalankan(capsys, "validasi", str(path))
    assert (kode, err) == (0, "")
    assert out == ("Tidak ada masalah ditemukan. Laporan 2025 dapat dibuat.\n"
                   f"Hasil validasi disimpan di: {path.with_name(path.stem + '_validasi.xlsx')}\n")


def test_perintah_terpasang(salin):
    """The console script, as staff run it, in a fresh process."""
    keluar = subprocess.run([sys.executable, "-m", "iku_xl", "--help"], capture_output=True, text=True)
    assert keluar.returncode == 0
    assert "penggunaan: iku-xl" in keluar.stdout and "buat lembar Laporan Capaian" in keluar.stdout
