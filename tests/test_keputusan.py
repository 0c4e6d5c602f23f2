"""One decision: `validasi` refuses exactly when `laporan` and `hitung` refuse, with the same galat.

Each case is the Legok example with some cells changed the way staff change them; the three
commands run on the same file through the CLI.
"""

from __future__ import annotations

import openpyxl
import pytest

from tests.conftest import WORKBOOKS
from tests.conftest import jalankan_cli

PANJANG = "Jumlah kegiatan " * 2600  # ~41,600 characters: more than an Excel cell holds

KASUS = {
    "utuh": ({}, False),
    "program_teks": ({"Program Anggaran!F4": "sepuluh juta"}, True),
    "kode_ganda": ({"Indikator!A5": "1.1"}, True),
    "target_teks": ({"Target!C4": "abc"}, True),
    "realisasi_rumus_baru": ({"Realisasi!G6": "=1/0"}, True),
    "realisasi_galat_na": ({"Realisasi!G6": "#N/A"}, True),
    "satuan_galat_ref": ({"Indikator!D5": "#REF!"}, True),
    "realisasi_kosong": ({f"Realisasi!{k}6": None for k in "CDEFGHI"}, False),
    "target_rentang": ({"Target!C4": "55-65"}, False),
    "tahun_laporan_kosong": ({"Profil!B6": None}, True),
    "tahun_tanpa_target": ({"Profil!B6": 2019}, True),
    "skala_tak_dikenal": ({"Profil!B13": "bagus"}, True),
    "skala_kustom_warna_nama": ({"Profil!B13": "kustom", "Skala Kustom!A4": 0, "Skala Kustom!B4": "Kurang",
                                 "Skala Kustom!C4": "merah", "Skala Kustom!A5": 80,
                                 "Skala Kustom!B5": "Baik", "Skala Kustom!C5": "#C6EFCE"}, False),
    "skala_kustom_warna_salah": ({"Profil!B13": "kustom", "Skala Kustom!A4": 0, "Skala Kustom!B4": "Kurang",
                                  "Skala Kustom!C4": "ungu muda"}, True),
    "skala_kustom_label_panjang": ({"Profil!B13": "kustom", "Skala Kustom!A4": 0,
                                    "Skala Kustom!B4": "Kurang " * 40}, True),
    "target_hilang_realisasi_ada": ({"Target!C4": None}, False),
    "capaian_tak_hingga": ({"Target!C4": 1e-10, "Realisasi!G4": 1e308, "Realisasi!H4": None,
                            "Realisasi!I4": None}, False),
    "rumus_galat_di_lembar_staf": ({"Catatan!A1": "=1/0"}, False),
    "instansi_sangat_panjang": ({"Profil!B4": PANJANG}, False),
}


def _buat(tujuan, sel):
    wb = openpyxl.load_workbook(WORKBOOKS / "contoh_legok_2020.xlsx")
    for alamat, nilai in sel.items():
        lembar, ref = alamat.split("!")
        if lembar not in wb.sheetnames:
            wb.create_sheet(lembar)
        wb[lembar][ref].value = nilai
    wb.save(tujuan)
    return tujuan


def _jalankan(capsys, *argv):
    kode, out, err = jalankan_cli(capsys, *argv)
    assert "kesalahan internal" not in err
    galat = sorted({b.strip() for b in out.splitlines() if b.startswith("GALAT")})
    return kode, galat, out


@pytest.mark.parametrize("kasus", sorted(KASUS))
def test_validasi_memutus_sama_dengan_laporan(tmp_path, capsys, kasus):
    sel, ditolak = KASUS[kasus]
    buku = _buat(tmp_path / "unit.xlsx", sel)
    k_lap, g_lap, _ = _jalankan(capsys, "laporan", str(buku), "-o", str(tmp_path / "lap.xlsx"))
    k_hit, g_hit, _ = _jalankan(capsys, "hitung", str(buku), "-o", str(tmp_path / "hit.xlsx"))
    k_val, g_val, out = _jalankan(capsys, "validasi", str(buku), "-o", str(tmp_path / "val.xlsx"))
    assert (k_lap, k_hit, k_val) == ((2, 2, 2) if ditolak else (0, 0, 0))
    assert g_lap == g_hit == g_val  # the very same galat, word for word
    assert bool(g_val) == ditolak
    assert ("TIDAK dapat dibuat" in out) == ditolak
    assert (tmp_path / "lap.xlsx").exists() != ditolak


def test_capaian_tak_hingga_disebut_per_indikator(tmp_path, capsys):
    buku = _buat(tmp_path / "unit.xlsx", KASUS["capaian_tak_hingga"][0])
    kode, _, out = _jalankan(capsys, "laporan", str(buku), "-o", str(tmp_path / "lap.xlsx"))
    assert kode == 0
    assert ("PERINGATAN Lembar 'Target' (indikator 1.1): target atau realisasi tidak wajar: capaian tak hingga "
            "(target 1e-10, realisasi 1e+308). Periksa target dan realisasi.") in out
    ws = openpyxl.load_workbook(tmp_path / "lap.xlsx")["Laporan Capaian 2020"]
    [baris] = [r for r in ws.iter_rows(values_only=True) if r[2] and str(r[2]).startswith("Prosentase Jumlah infra")]
    assert "Capaian terlalu besar untuk dihitung" in " ".join(str(v) for v in baris if v)


def test_teks_terlalu_panjang_dipotong_dengan_peringatan(tmp_path, capsys):
    buku = _buat(tmp_path / "unit.xlsx", KASUS["instansi_sangat_panjang"][0])
    kode, _, out = _jalankan(capsys, "laporan", str(buku), "-o", str(tmp_path / "lap.xlsx"))
    assert kode == 0
    assert "dipotong menjadi 32767 karakter (batas satu sel Excel). Persingkat teks sumbernya." in out
    ws = openpyxl.load_workbook(tmp_path / "lap.xlsx")["Laporan Capaian 2020"]
    panjang = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and len(c.value) > 30000]
    assert [len(t) for t in panjang] == [32767] and panjang[0].endswith("…")


@pytest.mark.parametrize(("kasus", "pesan"), [
    ("skala_kustom_warna_salah", "GALAT      Lembar 'Skala Kustom' baris 4: warna 'ungu muda' tidak dikenal. Isi kode "
                                 "warna hex 6 digit, mis. C6EFCE, atau nama warna (hijau tua, hijau, kuning, jingga, "
                                 "oranye, merah, biru, abu-abu, putih), atau kosongkan."),
    ("skala_kustom_label_panjang", "GALAT      Lembar 'Skala Kustom' baris 4: nama predikat terlalu panjang (279 "
                                   "karakter). Pakai nama predikat paling banyak 255 karakter, mis. 'Sangat Baik'."),
])
def test_skala_kustom_salah_menyebut_baris(tmp_path, capsys, kasus, pesan):
    buku = _buat(tmp_path / "unit.xlsx", KASUS[kasus][0])
    kode, _, out = _jalankan(capsys, "validasi", str(buku), "-o", str(tmp_path / "val.xlsx"))
    assert kode == 2
    assert pesan in out


def _korpus_docx():
    from tests.korpus.skor import FOLDER

    return sorted(FOLDER.glob("*.docx"))


@pytest.mark.parametrize("dokumen", _korpus_docx(), ids=lambda p: p.stem)
def test_buku_impor_diputus_sama_oleh_validasi_dan_laporan(tmp_path, capsys, dokumen):
    """Issue 10, point 9: a workbook imported from a real-looking document is judged alike by
    validasi and laporan (and hitung), for every year it has targets for."""
    buku = tmp_path / "impor.xlsx"
    assert _jalankan(capsys, "impor", str(dokumen), "-o", str(buku))[0] == 0
    tahun = sorted({c.value for c in openpyxl.load_workbook(buku)["Target"]["B"][3:] if isinstance(c.value, int)})
    assert tahun
    for t, ditolak in ((str(tahun[0]), False), (str(tahun[-1]), False), (str(tahun[-1] + 1), True)):
        k_lap, g_lap, _ = _jalankan(capsys, "laporan", str(buku), "--tahun", t, "-o", str(tmp_path / "l.xlsx"),
                                    "--timpa")
        k_hit, g_hit, _ = _jalankan(capsys, "hitung", str(buku), "--tahun", t, "-o", str(tmp_path / "h.xlsx"),
                                    "--timpa")
        k_val, g_val, _ = _jalankan(capsys, "validasi", str(buku), "--tahun", t, "-o", str(tmp_path / "v.xlsx"),
                                    "--timpa")
        assert k_lap == k_hit == k_val == (2 if ditolak else 0)
        assert g_lap == g_hit == g_val
