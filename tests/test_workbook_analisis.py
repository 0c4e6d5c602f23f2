"""The Analisis Capaian TAHUN sheet (issue 12 point 3): golden files from the two examples, staff
text kept across regenerations (openpyxl and a LibreOffice-saved workbook, reordered and removed
indicators, an edited Analisis cell), CLI, button, LibreOffice recalculation and the PDF."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

import openpyxl
import pytest

from iku_xl.core.analisis import JUDUL_YATIM
from iku_xl.workbook.proses import buat_analisis
from tests.conftest import WAKTU, jam_tombol
from tests.ringkas import ringkas_lembar
from tests.conftest import jalankan_cli as _jalankan

CONTOH = [("contoh_legok_2020.xlsx", 2020), ("contoh_bantargebah_2024-2026.xlsx", 2025)]
#: What staff type: kode -> (Penyebab, Upaya). Newlines and a leading "=" must survive as text.
KETIK = {"1.1": ("Dukungan swadaya masyarakat\nbaris kedua", "Lanjutkan musrenbang"),
         "2.3": ("Antrean loket panjang", None),
         "3.2": (None, "=Patroli gabungan (bukan rumus)"),
         "6.1": ("Dokumen Renstra terlambat", "Pendampingan dari Inspektorat")}


def _baris_kode(ws):
    """Kode -> sheet row, for the rows holding an indicator or a kept note."""
    return {ws.cell(r, 1).value: r for r in range(6, ws.max_row + 1)
            if isinstance(ws.cell(r, 1).value, str) and ws.cell(r, 1).value[:1].isdigit()}


def _ketik(path, lembar, isian=KETIK):
    wb = openpyxl.load_workbook(path)
    ws = wb[lembar]
    baris = _baris_kode(ws)
    for kode, (penyebab, upaya) in isian.items():
        ws.cell(baris[kode], 8).value = penyebab
        c = ws.cell(baris[kode], 9)
        c.value = upaya
        if isinstance(upaya, str) and upaya.startswith("="):
            c.data_type = "s"  # typed as text, as Excel does for '=...
    wb.save(path)


def _periksa_tersimpan(path, lembar, isian=KETIK):
    ws = openpyxl.load_workbook(path)[lembar]
    baris = _baris_kode(ws)
    for kode, (penyebab, upaya) in isian.items():
        assert kode in baris, f"baris indikator {kode} hilang"
        assert (ws.cell(baris[kode], 8).value, ws.cell(baris[kode], 9).value) == (penyebab, upaya), kode
    return ws


@pytest.mark.parametrize(("nama", "tahun"), CONTOH)
def test_golden_dan_cetak(salin, tmp_path, golden, nama, tahun):
    hasil = buat_analisis(salin(nama), None, tmp_path / "an.xlsx", waktu=WAKTU)
    assert hasil.lembar == (f"Analisis Capaian {tahun}",)
    ws = openpyxl.load_workbook(hasil.keluaran)[f"Analisis Capaian {tahun}"]
    golden(f"analisis_{nama.removesuffix('.xlsx')}_{tahun}", ringkas_lembar(ws))
    assert [c.value for c in ws[4]] == ["Kode", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi",
                                        "Capaian (%)", "Analisis", "Penyebab keberhasilan / kegagalan",
                                        "Upaya / alternatif solusi"]
    assert ws.print_title_rows == "$4:$5" and ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    for r in range(6, ws.max_row + 1):  # wrapped analysis text gets a row tall enough for it
        teks = ws.cell(r, 7).value
        if isinstance(teks, str) and len(teks) > 200:
            assert ws.row_dimensions[r].height >= 12.75 * len(teks) / 65, r


def test_kalimat_contoh_bantargebah(salin, tmp_path):
    hasil = buat_analisis(salin("contoh_bantargebah_2024-2026.xlsx"), None, tmp_path / "an.xlsx", waktu=WAKTU)
    ws = openpyxl.load_workbook(hasil.keluaran)["Analisis Capaian 2025"]
    assert ws["G6"].value == (
        "Realisasi 2025 sebesar 84,4 Nilai dari target 83,5 Nilai, capaian 101,08 %: tercapai, predikat Sangat "
        "Tinggi.\nDibanding realisasi 2024 (83,53 Nilai), realisasi 2025 naik 0,88 Nilai (1,05 %): membaik.\n"
        "Terhadap target akhir Renstra 2026 (84 Nilai), realisasi 2025 sudah mencapai 100,48 %; sisa waktu 1 tahun "
        "(s.d. 2026).")
    assert "Anggaran" not in ws["G6"].value  # no Program Anggaran in this workbook: nothing said, nothing invented


def test_kalimat_anggaran_contoh_legok(salin, tmp_path):
    hasil = buat_analisis(salin("contoh_legok_2020.xlsx"), None, tmp_path / "an.xlsx", waktu=WAKTU)
    ws = openpyxl.load_workbook(hasil.keluaran)["Analisis Capaian 2020"]
    teks = {ws.cell(r, 1).value: ws.cell(r, 7).value for r in _baris_kode(ws).values()}
    assert teks["5.1"].endswith("Anggaran 1 program/kegiatan pendukung Rp 200.000.000, terealisasi Rp 187.500.000 "
                                "(serapan 93,75 %). Capaian kinerja (200 %) lebih tinggi dari penyerapan anggaran "
                                "(93,75 %): penggunaan anggaran efisien.")
    assert "belum efisien" in teks["2.3"] and "Anggaran" not in teks["1.2"]
    assert "Tahun Akhir Renstra belum diisi di lembar Profil" in teks["1.1"]  # not assumed to be 2020
    assert "(polaritas negatif: makin kecil makin baik)" in teks["3.2"]
    assert teks["6.1"].startswith("Realisasi 2020 63,5 Angka (setara B) terhadap target B: tercapai")


@pytest.mark.parametrize(("nama", "tahun"), CONTOH)
def test_isian_staf_dipertahankan_saat_dibuat_ulang(salin, capsys, nama, tahun):
    """Type in the two staff columns, make the sheet again over the same file: every typed cell
    is back at its kode's row (fails if one is lost or lands on another row)."""
    path = salin(nama)
    lembar = f"Analisis Capaian {tahun}"
    kode, out, err = _jalankan(capsys, "analisis", str(path), "--timpa", "-o", str(path))
    assert kode == 0, out + err
    isian = {k: v for k, v in KETIK.items() if k in _baris_kode(openpyxl.load_workbook(path)[lembar])}
    isian = isian or {"1.1": KETIK["1.1"], "3.1": ("Razia rutin", "Tambah personel")}
    _ketik(path, lembar, isian)
    for _ in range(2):  # twice: what was written back is read back again
        kode, out, err = _jalankan(capsys, "analisis", str(path), "-o", str(path), "--timpa")
        assert kode == 0, out + err
        assert "Berkas lama disimpan sebagai" in out
        assert "diubah staf" not in out  # the sheet's own sentences are not taken for staff edits
        _periksa_tersimpan(path, lembar, isian)
    assert JUDUL_YATIM not in str([c.value for row in openpyxl.load_workbook(path)[lembar].iter_rows() for c in row])


def test_indikator_diurutkan_ulang_dan_dihapus(salin, tmp_path):
    """Reordered indicators keep their text at their own kode; a removed indicator's text goes to the
    bottom list with a peringatan, and comes home when the indicator is back."""
    path = salin("contoh_legok_2020.xlsx")
    lembar = "Analisis Capaian 2020"
    buat_analisis(path, None, path, timpa=True, waktu=WAKTU)
    _ketik(path, lembar)
    wb = openpyxl.load_workbook(path)
    ind = wb["Indikator"]
    simpan_baris = {r: [c.value for c in ind[r]] for r in range(4, 14)}
    urutan = [13, 12, 11, 10, 9, 8, 7, 6, 5, 4]  # reversed
    for r_baru, r_lama in zip(range(4, 14), urutan):
        for k, v in enumerate(simpan_baris[r_lama], start=1):
            ind.cell(r_baru, k).value = v
    [r_61] = [r for r in range(4, 14) if ind.cell(r, 1).value == "6.1"]
    indikator_61 = [c.value for c in ind[r_61]]
    ind.delete_rows(r_61)
    for nama in ("Target", "Realisasi"):  # staff remove an indicator with its rows
        [r] = [r for r in range(1, wb[nama].max_row + 1) if wb[nama].cell(r, 1).value == "6.1"]
        baris_lain = {nama: [c.value for c in wb[nama][r]]}
        wb[nama].delete_rows(r)
        simpan_baris.update(baris_lain)
    wb.save(path)
    hasil = buat_analisis(path, None, path, timpa=True, waktu=WAKTU)
    assert hasil.keluaran is not None, hasil.masalah
    ws = _periksa_tersimpan(path, lembar)
    baris = _baris_kode(ws)
    assert ws.cell(baris["6.1"] - 1, 1).value == JUDUL_YATIM
    assert baris["6.1"] > max(r for k, r in baris.items() if k != "6.1")
    assert [m.pesan for m in hasil.masalah if m.kode == "6.1"] == [
        f"indikator 6.1 tidak ada lagi di lembar Indikator; teks Penyebab/Upaya-nya dipindah ke bagian '{JUDUL_YATIM}'"]
    urut = [k for k, _ in sorted(baris.items(), key=lambda x: x[1]) if k != "6.1"]
    assert urut[0] == "5.1"  # the sheet follows the new order
    # the indicator comes back: its text goes home, the bottom list is gone
    wb = openpyxl.load_workbook(path)
    wb["Indikator"].append(indikator_61)
    for nama in ("Target", "Realisasi"):
        wb[nama].append(simpan_baris[nama])
    wb.save(path)
    buat_analisis(path, None, path, timpa=True, waktu=WAKTU)
    ws = _periksa_tersimpan(path, lembar)
    assert JUDUL_YATIM not in [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]


def test_analisis_yang_diubah_staf_tidak_ditimpa(salin, tmp_path):
    path = salin("contoh_legok_2020.xlsx")
    lembar = "Analisis Capaian 2020"
    buat_analisis(path, None, path, timpa=True, waktu=WAKTU)
    wb = openpyxl.load_workbook(path)
    ws = wb[lembar]
    r = _baris_kode(ws)["1.2"]
    ws.cell(r, 7).value = "Analisis yang ditulis ulang oleh staf."
    wb.save(path)
    hasil = buat_analisis(path, None, path, timpa=True, waktu=WAKTU)
    ws = openpyxl.load_workbook(path)[lembar]
    assert ws.cell(_baris_kode(ws)["1.2"], 7).value == "Analisis yang ditulis ulang oleh staf."
    [m] = [m for m in hasil.masalah if m.kode == "1.2"]
    assert str(m) == ("Lembar 'Analisis Capaian 2020' sel G7 (indikator 1.2): teks Analisis yang diubah staf "
                      "dipertahankan; kalimat baru dari data tidak ditulis. Kosongkan sel Analisis indikator itu lalu "
                      "buat analisis lagi bila ingin kalimat baru.")
    # an untouched cell is written again from data (no peringatan)
    assert ws.cell(_baris_kode(ws)["1.1"], 7).value.startswith("Realisasi 2020 sebesar 60 %")


def test_cli_analisis(salin, capsys):
    path = salin("contoh_bantargebah_2024-2026.xlsx")
    sebelum = hashlib.sha256(path.read_bytes()).hexdigest()
    kode, out, err = _jalankan(capsys, "analisis", str(path), "--tahun", "2024")
    assert kode == 0, out + err
    tujuan = path.with_name("contoh_bantargebah_2024-2026_analisis-2024.xlsx")
    assert out.splitlines()[-1] == f"Lembar Analisis Capaian disimpan di: {tujuan}"
    assert "Analisis Capaian 2024" in openpyxl.load_workbook(tujuan).sheetnames
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sebelum
    kode, out, err = _jalankan(capsys, "analisis", "--help")
    assert kode == 0 and "Penyebab keberhasilan / kegagalan" in out and "--pdf" in out


def test_cli_analisis_terblokir(salin, capsys):
    path = salin("contoh_legok_2020.xlsx")
    kode, out, err = _jalankan(capsys, "analisis", str(path), "--tahun", "2031")
    assert kode == 2
    assert "tidak ada target untuk tahun 2031" in out
    assert err.strip() == "Lembar Analisis Capaian TIDAK dibuat: perbaiki galat di atas lalu jalankan lagi."


def test_tombol_analisis_sama_dengan_baris_perintah_dan_menyimpan_isian(salin, tmp_path, monkeypatch):
    pytest.importorskip("xlwings")
    from iku_xl.xl import tombol
    from tests.buku_jarak_jauh import buku_jarak_jauh, kisi_ditulis

    jam_tombol(monkeypatch)
    path = salin("contoh_legok_2020.xlsx")
    lembar = "Analisis Capaian 2020"
    buat_analisis(path, None, path, timpa=True, waktu=WAKTU)
    _ketik(path, lembar)
    book = buku_jarak_jauh(path)
    pesan = tombol.tombol_analisis(book)
    assert pesan.startswith(f"Selesai: '{lembar}'.")
    ditulis = kisi_ditulis(book.json()["actions"], lembar)
    ws = _periksa_tersimpan(buat_analisis(path, None, tmp_path / "cli.xlsx", waktu=WAKTU).keluaran, lembar)
    for kode, r in _baris_kode(ws).items():
        for k, (huruf) in ((8, "H"), (9, "I")):
            nilai = ditulis.get(f"{huruf}{r}")
            nilai = nilai[1:] if isinstance(nilai, str) and nilai.startswith("'") else nilai
            assert (nilai or None) == ws.cell(r, k).value, (kode, huruf)


@pytest.mark.libreoffice
def test_libreoffice_simpan_lalu_buat_ulang_dan_rumus(salin, tmp_path):
    """A workbook saved by LibreOffice (as staff without Excel do) keeps the typed text too; the
    capaian formulas LibreOffice computes equal the core's values."""
    from tests.lo import hitung_ulang, soffice_ada

    if not soffice_ada():
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    path = salin("contoh_legok_2020.xlsx")
    lembar = "Analisis Capaian 2020"
    hasil = buat_analisis(path, None, path, timpa=True, waktu=WAKTU)
    _ketik(path, lembar)
    lo = hitung_ulang(path, tmp_path / "disimpan_lo.xlsx")
    nilai = openpyxl.load_workbook(lo, data_only=True)[lembar]
    inti = {b.indikator.kode: b.capaian.nilai for b in hasil.baris}
    for kode, r in _baris_kode(nilai).items():
        assert nilai.cell(r, 6).value == pytest.approx(inti[kode], rel=1e-9), kode
    _periksa_tersimpan(lo, lembar)
    ulang = buat_analisis(lo, None, lo, timpa=True, waktu=WAKTU)
    assert ulang.keluaran == lo
    # the generated sentences read back from LibreOffice's file are the same text: not taken for staff edits
    assert [m for m in ulang.masalah if "diubah staf" in m.pesan] == []
    _periksa_tersimpan(lo, lembar)


@pytest.mark.libreoffice
def test_pdf_analisis(salin, capsys):
    from tests.lo import soffice_ada

    if not soffice_ada():
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    path = salin("contoh_legok_2020.xlsx")
    kode, out, err = _jalankan(capsys, "analisis", str(path), "--pdf")
    assert kode == 0, out + err
    pdf = path.with_name("contoh_legok_2020_analisis-2020.pdf")
    assert out.splitlines()[-1] == f"PDF disimpan di: {pdf}"
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    ukuran = [tuple(float(x) for x in baris.split(":")[1].split("pts")[0].split(" x "))
              for baris in info.splitlines() if baris.startswith("Page") and "size" in baris]
    assert ukuran and all(round(l) == 842 and round(t) == 595 for l, t in ukuran)  # A4 landscape, one page wide
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "ANALISIS CAPAIAN KINERJA TAHUN 2020" in teks
    assert "PROFIL INSTANSI" not in teks and "TARGET KINERJA" not in teks  # not the input sheets
    assert teks.count("Sasaran Strategis") == len(ukuran)  # header rows repeated on every page
    for kalimat in ("penggunaan anggaran efisien.", "Tahun Akhir Renstra belum diisi"):  # wrapped text not cut
        assert kalimat in " ".join(teks.split())
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))], check=True)


def test_isian_di_berkas_hasil_tidak_hilang_saat_dibuat_ulang_dari_buku_asli(salin, capsys):
    """Staff make the sheet beside BUKU, type in that result, then run `analisis BUKU --timpa` again:
    the result is written over, but what they typed there is kept (the old file is also backed up)."""
    path = salin("contoh_legok_2020.xlsx")
    lembar = "Analisis Capaian 2020"
    kode, out, err = _jalankan(capsys, "analisis", str(path))
    assert kode == 0, out + err
    hasil = path.with_name("contoh_legok_2020_analisis-2020.xlsx")
    _ketik(hasil, lembar)
    kode, out, err = _jalankan(capsys, "analisis", str(path), "--timpa")
    assert kode == 0, out + err
    _periksa_tersimpan(hasil, lembar)
