"""The Laporan IKM TAHUN sheet (issue 13 point 4): numbers checked by hand, golden file, the
formulas recalculated by LibreOffice, the PDF, CLI exit codes and messages, the button through a
remote Book. Respondents are written into a copy of the Legok example (tests/survei_uji.py)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from fractions import Fraction

import openpyxl
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from iku_xl.core.baca import baca_buku
from iku_xl.core.dokumen.ikm import susun_ikm
from iku_xl.core.ikm import ringkas_survei
from iku_xl.core.model import Profil, Responden
from iku_xl.core.tugas import rencana_ikm
from iku_xl.workbook.baca import buka, lembaran
from iku_xl.workbook.proses import buat_ikm
from tests.ringkas import ringkas_lembar
from tests.survei_uji import RESPONDEN, isi_survei
from tests.conftest import jalankan_cli as _jalankan
from tests.conftest import jam_tombol

WAKTU = dt.datetime(2021, 1, 15, 9, 0)  # a day the 2020 report can be signed
LEMBAR = "Laporan IKM 2020"
GRAFIK = "Grafik IKM 2020"

#: Worked by hand from tests/survei_uji.RESPONDEN, 2020 Semester I + II (6 respondents; the 2019 row
#: is another year). Per unsur: (sum of the scores, answers). U9: respondent 2 left it empty.
TANGAN = [(4 + 3 + 2 + 4 + 3 + 3, 6), (3 + 3 + 3 + 4 + 3 + 2, 6), (3 + 4 + 3 + 4 + 3 + 3, 6),
          (4 + 4 + 4 + 4 + 3 + 4, 6), (3 + 3 + 2 + 4 + 3 + 3, 6), (3 + 3 + 3 + 4 + 3 + 3, 6),
          (4 + 3 + 3 + 4 + 3 + 3, 6), (3 + 3 + 2 + 4 + 3 + 2, 6), (3 + 3 + 4 + 3 + 3, 5)]
#: sum of NRR = 154/6 + 16/5; IKM = that / 9 (3.2074); konversi x 25 = 80.185 -> B, Baik
IKM_INTERVAL = (Fraction(154, 6) + Fraction(16, 5)) / 9
KONVERSI = IKM_INTERVAL * 25


@pytest.fixture
def buku(salin):
    return isi_survei(salin("contoh_legok_2020.xlsx"), populasi=100)


def test_angka_dihitung_tangan_dan_golden(buku, tmp_path, golden):
    hasil = buat_ikm(buku, None, (), tmp_path / "ikm.xlsx", waktu=WAKTU)
    assert hasil.lembar == (LEMBAR, GRAFIK)
    wb = openpyxl.load_workbook(hasil.keluaran)
    golden("ikm_legok_2020", {n: ringkas_lembar(wb[n]) for n in hasil.lembar})
    ws = wb[LEMBAR]
    assert ws["A1"].value == "LAPORAN INDEKS KEPUASAN MASYARAKAT (IKM) TAHUN 2020"
    assert ws["A3"].value == "Periode survei: 2020 Semester I, 2020 Semester II. Jumlah responden: 6."
    assert [c.value for c in ws[4]][:7] == ["No", "Unsur Pelayanan", "Jumlah Nilai", "Jumlah Jawaban", "NRR",
                                            "NRR Tertimbang (x 1/9)", "Mutu Unsur"]
    mutu = []
    for i, (jumlah, n) in enumerate(TANGAN):
        r = 6 + i
        assert (ws.cell(r, 1).value, ws.cell(r, 3).value, ws.cell(r, 4).value) == (i + 1, jumlah, n)
        assert (ws.cell(r, 5).value, ws.cell(r, 6).value) == (f"=C{r}/D{r}", f"=E{r}/9")
        mutu.append(ws.cell(r, 7).value)
    # NRR x 25: U4 95.8 A; U8 70.8 C; U2/U5 75.0 C; U1/U6 79.2, U3/U7 83.3, U9 80.0 B
    assert mutu == ["B", "C", "B", "A", "C", "B", "B", "C", "B"]
    assert (ws["A15"].value, ws["F15"].value) == ("IKM (nilai interval) = jumlah NRR tertimbang", "=SUM(F6:F14)")
    assert (ws["A16"].value, ws["F16"].value) == ("IKM konversi = nilai interval x 25", "=F15*25")
    assert ws["F16"].number_format == "0.00"
    assert (ws["F17"].value, ws["F18"].value) == ("B", "Baik")
    teks = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    assert "Jawaban tidak lengkap (dihitung dari jawaban yang ada pada unsur itu): U9 1 responden tidak " \
           "menjawab." in teks
    assert "PERHATIAN: sampel minimum per periode survei untuk populasi 100 (tabel Krejcie-Morgan): 80 " \
           "responden. 2020 Semester I: 4 responden (KURANG); 2020 Semester II: 2 responden (KURANG). Hasil IKM " \
           "periode yang kurang respondennya belum mewakili pengguna layanan." in teks
    # the three lowest unsur: U8 (17/6), then the tie U2 / U5 (3.00) in unsur order, NRR from the table
    r = teks.index("Prioritas perbaikan (tiga unsur dengan NRR terendah)") + 1  # its title's row
    assert [(ws.cell(r + i, 2).value, ws.cell(r + i, 3).value) for i in range(2, 5)] == [
        ("U8 Penanganan Pengaduan, Saran dan Masukan", "=E13"), ("U2 Sistem, Mekanisme dan Prosedur", "=E7"),
        ("U5 Produk Spesifikasi Jenis Pelayanan", "=E10")]
    # per jenis layanan: IMB (respondents 3 and 4) sum of NRR 30.5 -> 30.5 / 9 x 25
    r = teks.index("IKM per jenis layanan") + 3
    assert ws.cell(r, 2).value == "IMB" and ws.cell(r, 3).value == 2
    assert ws.cell(r, 4).value == pytest.approx(30.5 / 9 * 25) and ws.cell(r, 5).value == "B"
    assert ws.cell(r + 1, 2).value == "KTP" and ws.cell(r + 1, 3).value == 4
    # profile: age groups in age order, % as a formula of the group's counts
    umur = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "Umur")
    assert [ws.cell(umur + i, 2).value for i in range(1, 7)] == [
        "di bawah 20 tahun", "20-29 tahun", "30-39 tahun", "40-49 tahun", "60 tahun ke atas", "Tidak diisi"]
    assert ws.cell(umur + 1, 4).value == f"=C{umur + 1}/SUM(C${umur + 1}:C${umur + 6})*100"
    # the saran, numbered, the long one wrapped in a tall row
    r = teks.index("Saran dan masukan responden (3)") + 2
    assert [(ws.cell(r + i, 1).value, ws.cell(r + i, 2).value) for i in range(3)] == [
        (1, "Antrean perlu dipercepat"), (2, "Ruang tunggu sempit"), (3, RESPONDEN[4][-1])]
    assert ws.row_dimensions[r + 2].height > 20
    assert ws["E19"].value is None  # nothing written beyond the table's lines
    # print-ready: A4 portrait, one page wide, the title block repeated
    assert ws.page_setup.orientation == "portrait" and int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$2"
    profil = teks.index("Profil responden") + 1  # the profile tables start a page of their own
    assert [b.id for b in ws.row_breaks.brk] == [profil - 1]
    # signature from Profil, dated today (a day the 2020 report can be signed)
    assert "Legok, 15 Januari 2021" in teks or any(ws.cell(r, 4).value == "Legok, 15 Januari 2021"
                                                    for r in range(1, ws.max_row + 1))
    # the chart sheet: bars of the NRR column, categories the unsur names
    grafik = ringkas_lembar(wb[GRAFIK])["grafik"][0]
    assert grafik["nilai"] == f"'{LEMBAR}'!$E$6:$E$14" and grafik["kategori"] == f"'{LEMBAR}'!$B$6:$B$14"


def test_nilai_inti_sama_dengan_tangan(buku):
    rencana = rencana_ikm(lembaran(buka(buku)), None, WAKTU.date())
    layout = rencana.lembar[0]
    assert layout.sel_di("F15").hasil == pytest.approx(float(IKM_INTERVAL), abs=1e-12)
    assert layout.sel_di("F16").hasil == pytest.approx(float(KONVERSI), abs=1e-12)
    assert round(float(KONVERSI), 2) == 80.19
    for i, (jumlah, n) in enumerate(TANGAN):
        assert layout.sel_di(f"E{6 + i}").hasil == pytest.approx(jumlah / n, abs=1e-12)
        assert layout.sel_di(f"F{6 + i}").hasil == pytest.approx(jumlah / n / 9, abs=1e-12)
    assert [str(m) for m in rencana.masalah] == [
        f"Lembar 'Survei IKM': survei periode '2020 Semester {p}' hanya {n} responden, kurang dari sampel minimum "
        "80 untuk Populasi Layanan (IKM) 100 (tabel Krejcie-Morgan). Tambah responden survei, atau periksa "
        "Populasi Layanan (IKM) di lembar Profil." for p, n in (("I", 4), ("II", 2))]


def test_periode_dipilih_dan_tahun_lain(buku):
    lb = lembaran(buka(buku))
    dua = rencana_ikm(lb, None, WAKTU.date(), ["2020  semester ii"]).lembar[0]  # spelled loosely
    assert dua.sel_di("A3").nilai == "Periode survei: 2020 Semester II. Jumlah responden: 2."
    assert dua.sel_di("C6").nilai == 6 and dua.sel_di("D6").nilai == 2
    lalu = rencana_ikm(lb, 2019, WAKTU.date()).lembar
    assert lalu[0].nama == "Laporan IKM 2019" and lalu[0].sel_di("F16").hasil == 25.0
    assert lalu[0].sel_di("F17").nilai == "D"


def test_populasi_kosong_dan_cukup(salin):
    tanpa = isi_survei(salin("contoh_legok_2020.xlsx"))
    r = rencana_ikm(lembaran(buka(tanpa)), None, WAKTU.date())
    teks = [s.nilai for s in r.lembar[0].sel if s.kolom == 1]
    assert "Populasi Layanan (IKM) di lembar Profil belum diisi: sampel minimum (tabel Krejcie-Morgan) tidak " \
           "dihitung." in teks
    assert [m.tingkat for m in r.masalah] == ["info"]
    cukup = isi_survei(salin("contoh_legok_2020.xlsx"), populasi=2)
    r = rencana_ikm(lembaran(buka(cukup)), None, WAKTU.date())
    assert "Sampel minimum per periode survei untuk populasi 2 (tabel Krejcie-Morgan): 2 responden. 2020 " \
           "Semester I: 4 responden; 2020 Semester II: 2 responden." in \
        [s.nilai for s in r.lembar[0].sel if s.kolom == 1]
    assert r.masalah == []


def test_unsur_tanpa_jawaban_tanpa_grafik(salin):
    baris = [(*x[:15], None, x[16]) for x in RESPONDEN]  # nobody answered U9
    path = isi_survei(salin("contoh_legok_2020.xlsx"), baris)
    r = rencana_ikm(lembaran(buka(path)), None, WAKTU.date())
    assert [x.nama for x in r.lembar] == [LEMBAR]  # no chart with a missing bar
    lay = r.lembar[0]
    assert lay.sel_di("F16").nilai is None and lay.sel_di("E14").nilai is None
    assert "IKM tidak dapat dihitung: tidak ada jawaban untuk unsur U9 Sarana dan Prasarana." in \
        [s.nilai for s in lay.sel if s.kolom == 1]
    assert any("IKM tidak dapat dihitung" in str(m) and m.tingkat == "peringatan" for m in r.masalah)


def test_cli_kode_keluar_dan_pesan(salin, buku, tmp_path, capsys):
    kode, out, err = _jalankan(capsys, "ikm", buku, "-o", tmp_path / "a.xlsx")
    assert kode == 0 and f"Laporan IKM disimpan di: {tmp_path / 'a.xlsx'}" in out
    assert openpyxl.load_workbook(tmp_path / "a.xlsx").sheetnames[-2:] == [LEMBAR, GRAFIK]
    # an existing result is not overwritten without --timpa
    kode, out, err = _jalankan(capsys, "ikm", buku, "-o", tmp_path / "a.xlsx")
    assert kode == 2 and "--timpa" in err
    # made again on the result itself: the sheets replaced in place, the old file kept as a backup
    kode, out, err = _jalankan(capsys, "ikm", tmp_path / "a.xlsx", "-o", tmp_path / "a.xlsx", "--timpa")
    assert kode == 0 and "Berkas lama disimpan sebagai: " in out
    nama = openpyxl.load_workbook(tmp_path / "a.xlsx").sheetnames
    assert nama.count(LEMBAR) == 1 and nama.count(GRAFIK) == 1 and nama[-1] == GRAFIK
    assert len(list(tmp_path.glob("a.cadangan-*.xlsx"))) == 1
    # no respondent for the year: the galat names the periods the sheet has
    kode, out, err = _jalankan(capsys, "ikm", buku, "--tahun", "2022", "-o", tmp_path / "b.xlsx")
    assert kode == 2
    assert "GALAT      Lembar 'Survei IKM': tidak ada responden survei IKM untuk tahun 2022. Periode yang ada di " \
           "lembar 'Survei IKM': '2020 Semester I', '2020 Semester II', '2019 Semester II'. Pilih salah satunya " \
           "(--periode), atau tulis tahunnya di kolom Periode (mis. '2022 Semester I')." in out
    assert err.strip() == "Laporan IKM TIDAK dibuat: perbaiki galat di atas lalu jalankan lagi."
    assert not (tmp_path / "b.xlsx").exists()
    # an unknown period name
    kode, out, _ = _jalankan(capsys, "ikm", buku, "--periode", "2020 Semester III", "-o", tmp_path / "c.xlsx")
    assert kode == 2
    assert "Lembar 'Survei IKM': periode survei '2020 Semester III' tidak ada di lembar 'Survei IKM'. Pilih " \
           "periode yang ada: '2020 Semester I', '2020 Semester II', '2019 Semester II'." in out
    # two periods named, one --periode each
    kode, out, _ = _jalankan(capsys, "ikm", buku, "--periode", "2020 Semester II", "--periode", "2019 Semester II",
                             "-o", tmp_path / "d.xlsx")
    assert kode == 0
    assert openpyxl.load_workbook(tmp_path / "d.xlsx")[LEMBAR]["A3"].value == \
        "Periode survei: 2020 Semester II, 2019 Semester II. Jumlah responden: 3."
    # the example without any respondent
    kode, out, _ = _jalankan(capsys, "ikm", salin("contoh_legok_2020.xlsx"), "-o", tmp_path / "e.xlsx")
    assert kode == 2 and "tidak ada responden survei IKM untuk tahun 2020. Isi jawaban responden (satu baris " \
                         "per responden) di lembar 'Survei IKM'." in out
    # a score outside 1-4: the galat names the cell, nothing written
    salah = [RESPONDEN[0][:7] + (5,) + RESPONDEN[0][8:]]
    path = isi_survei(salin("contoh_legok_2020.xlsx"), salah)
    kode, out, _ = _jalankan(capsys, "ikm", path, "-o", tmp_path / "f.xlsx")
    assert kode == 2 and re.search(r"GALAT +Lembar 'Survei IKM' sel H4", out), out
    assert not (tmp_path / "f.xlsx").exists()


def test_lembar_laporan_iku_xl():
    from iku_xl.core.dokumen import lembar_cetak
    from iku_xl.core.skema import lembar_buatan_iku

    assert lembar_cetak(["Profil", "Survei IKM", LEMBAR, GRAFIK], 2020) == [LEMBAR, GRAFIK]
    assert lembar_buatan_iku(LEMBAR) and lembar_buatan_iku(GRAFIK) and not lembar_buatan_iku("Survei IKM")


@pytest.mark.libreoffice
def test_libreoffice_menghitung_rumus_sama_dengan_inti(buku, tmp_path):
    from tests.lo import hitung_ulang, soffice_ada

    if not soffice_ada():
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    hasil = buat_ikm(buku, None, (), tmp_path / "ikm.xlsx", waktu=WAKTU)
    layout = rencana_ikm(lembaran(buka(buku)), None, WAKTU.date()).lembar[0]
    lo = openpyxl.load_workbook(hitung_ulang(hasil.keluaran, tmp_path / "lo.xlsx"), data_only=True)[LEMBAR]
    rumus = [s for s in layout.sel if s.rumus]
    assert len(rumus) >= 9 * 2 + 2 + 3 + 10  # NRR, tertimbang, IKM, priorities, profile %
    for s in rumus:
        assert lo[s.alamat].value == pytest.approx(s.hasil, rel=1e-12), s.alamat
    assert lo["F16"].value == pytest.approx(float(KONVERSI), rel=1e-12)


@pytest.mark.libreoffice
def test_pdf_satu_halaman_lebar(buku, tmp_path, capsys):
    from tests.lo import soffice_ada

    if not soffice_ada():
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    keluar = tmp_path / "ikm.xlsx"
    kode, out, _ = _jalankan(capsys, "ikm", buku, "-o", keluar, "--pdf")
    pdf = tmp_path / "ikm.pdf"
    assert kode == 0 and f"PDF disimpan di: {pdf}" in out
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    ukuran = [(float(a), float(b)) for a, b in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    assert len(ukuran) >= 2
    # the report pages A4 portrait, the chart sheet (last page) landscape
    assert all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in ukuran[:-1]), ukuran
    assert abs(ukuran[-1][0] - 841.9) < 1

    def teks(h: int) -> str:
        return subprocess.run(["pdftotext", "-layout", "-f", str(h), "-l", str(h), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout

    satu = teks(1)
    # one page wide: the first and last columns on page 1, Indonesian decimal comma
    for t in ("LAPORAN INDEKS KEPUASAN MASYARAKAT (IKM) TAHUN 2020", "Unsur Pelayanan", "Mutu", "80,19",
              "3,207", "Prioritas perbaikan"):
        assert t in satu, t
    for h in range(2, len(ukuran)):  # the title block repeated on every report page
        assert "LAPORAN INDEKS KEPUASAN MASYARAKAT" in teks(h)
    assert "NIP. 19620620 198703 1 006" in "".join(teks(h) for h in range(1, len(ukuran)))
    assert "NRR per Unsur Pelayanan, IKM 2020" in teks(len(ukuran))
    assert "Survei IKM" not in "".join(teks(h) for h in range(1, len(ukuran) + 1))  # no input sheet printed
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "hal")],
                   check=True)
    [png] = tmp_path.glob("hal*.png")
    assert png.stat().st_size > 10_000


def test_tombol_sama_dengan_baris_perintah(buku, tmp_path, monkeypatch):
    pytest.importorskip("xlwings")
    from iku_xl.xl import tombol
    from tests.buku_jarak_jauh import buku_jarak_jauh, kisi_ditulis

    jam_tombol(monkeypatch, WAKTU)
    book = buku_jarak_jauh(buku)
    pesan = tombol.tombol_ikm(book)
    assert pesan.startswith(f"Selesai: '{LEMBAR}', '{GRAFIK}'. 2 peringatan:")
    assert pesan.endswith(f"Catatan: grafik ditempatkan di samping tabel pada lembar '{LEMBAR}', bukan di lembar "
                          f"'{GRAFIK}' tersendiri seperti buatan iku-xl di baris perintah.")
    [grafik] = [a for a in book.json()["actions"] if a["func"] == "addChart"]
    assert grafik["args"][2:4] == [LEMBAR, "$E$6:$E$14"]
    ditulis = kisi_ditulis(book.json()["actions"], LEMBAR)
    ws = openpyxl.load_workbook(buat_ikm(buku, None, (), tmp_path / "cli.xlsx", waktu=WAKTU).keluaran)[LEMBAR]
    for r in range(1, ws.max_row + 1):
        for k in range(1, 8):
            v = ws.cell(r, k).value
            if v is not None:
                assert ditulis.get(ws.cell(r, k).coordinate) == v, ws.cell(r, k).coordinate


def test_tombol_tanpa_responden_menulis_hasil_validasi(salin, monkeypatch):
    pytest.importorskip("xlwings")
    from iku_xl.xl import tombol
    from tests.buku_jarak_jauh import buku_jarak_jauh

    jam_tombol(monkeypatch, WAKTU)
    pesan = tombol.tombol_ikm(buku_jarak_jauh(salin("contoh_legok_2020.xlsx")))
    assert pesan.splitlines()[:2] == [
        "Laporan IKM TIDAK dibuat: 1 galat. Daftar lengkap ada di lembar 'Hasil Validasi'.",
        "- Lembar 'Survei IKM': tidak ada responden survei IKM untuk tahun 2020. Isi jawaban responden (satu baris "
        "per responden) di lembar 'Survei IKM'."]


def test_baca_responden_contoh(buku):
    """The test workbook reads back as written (7 respondents, the U9 gap kept)."""
    b, masalah = baca_buku(lembaran(buka(buku)))
    assert len(b.survei) == 7 and b.survei[1].nilai[8] is None and b.profil.populasi_ikm == 100


def test_pengaturan_cetak_excel_desktop(buku):
    """What desktop Excel gets through the object model for the IKM sheet (the calls recorded):
    A4 portrait, one page wide, the title block repeated, the profile from a new page."""
    from types import SimpleNamespace

    from iku_xl.xl.render_xl import _cetak_com

    layout = rencana_ikm(lembaran(buka(buku)), None, WAKTU.date()).lembar[0]
    halaman, pisah = SimpleNamespace(), []
    sheet = SimpleNamespace(api=SimpleNamespace(PageSetup=halaman, HPageBreaks=SimpleNamespace(Add=pisah.append)),
                            range=lambda a: SimpleNamespace(api=a, Font=SimpleNamespace()))
    _cetak_com(sheet, layout, [])
    assert vars(halaman) == {"Orientation": 1, "PaperSize": 9, "Zoom": False, "FitToPagesWide": 1,
                             "FitToPagesTall": False, "PrintTitleRows": "$1:$2", "CenterHorizontally": True}
    profil = next(s.baris for s in layout.sel if s.nilai == "Profil responden")
    assert pisah == [f"A{profil}"]


def _hitung_rumus(layout, alamat, tembolok):
    """Evaluate the layout's own formulas (references, SUM over a column range, + - * /) in Python:
    a second, engine-free check that each formula computes the core's value."""
    if alamat in tembolok:
        return tembolok[alamat]
    sel = layout.sel_di(alamat)
    if sel is None or not sel.rumus:
        nilai = 0 if sel is None or sel.nilai is None else sel.nilai
    else:
        def jumlah(m):
            k, r1, r2 = m.group(1), int(m.group(2)), int(m.group(3))
            return repr(sum(_hitung_rumus(layout, f"{k}{r}", tembolok) for r in range(r1, r2 + 1)))

        teks = re.sub(r"SUM\(\$?([A-Z])\$?(\d+):\$?[A-Z]\$?(\d+)\)", jumlah, sel.nilai[1:])
        teks = re.sub(r"\$?([A-Z])\$?(\d+)",
                      lambda m: repr(_hitung_rumus(layout, m.group(1) + m.group(2), tembolok)), teks)
        assert re.fullmatch(r"[\d.+\-*/() e]+", teks), teks
        nilai = eval(teks)  # noqa: S307  digits and operators only (asserted above)
    tembolok[alamat] = nilai
    return nilai


_JAWABAN = st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=9, max_size=9).map(tuple)
_RESPONDEN = st.lists(st.builds(Responden, st.just("P"), _JAWABAN, st.sampled_from(["A", "B", ""]),
                                jenis_kelamin=st.sampled_from(["Laki-laki", "Perempuan", ""])),
                      min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(_RESPONDEN)
def test_rumus_lembar_sama_dengan_inti_untuk_survei_acak(rs):
    """Every formula of the sheet, evaluated on the sheet's own cells, equals the core's value it
    carries, for any survey (empty answers, unsur nobody answered, one respondent)."""
    r = ringkas_survei(rs, ["P"])
    assume(r.hasil.n_responden > 0)
    layout = susun_ikm(Profil(), 2024, r)
    for s in layout.sel:
        if s.rumus:
            assert _hitung_rumus(layout, s.alamat, {}) == pytest.approx(s.hasil, rel=1e-12, abs=1e-12), s.alamat
    if r.hasil.konversi is not None:
        assert 25 <= _hitung_rumus(layout, "F16", {}) <= 100


def test_golden_contoh_bantargebah(salin, tmp_path, golden):
    """The Bantargebah example's own survey (2025 Semester I and II)."""
    hasil = buat_ikm(salin("contoh_bantargebah_2024-2026.xlsx"), None, (), tmp_path / "ikm.xlsx",
                     waktu=dt.datetime(2026, 1, 15, 9))
    assert hasil.lembar == ("Laporan IKM 2025", "Grafik IKM 2025")
    wb = openpyxl.load_workbook(hasil.keluaran)
    golden("ikm_contoh_bantargebah_2024-2026_2025", {n: ringkas_lembar(wb[n]) for n in hasil.lembar})
    ws = wb["Laporan IKM 2025"]
    b, _ = baca_buku(lembaran(buka(salin("contoh_bantargebah_2024-2026.xlsx"))))
    n = sum(1 for r in b.survei if "2025" in r.periode and any(x is not None for x in r.nilai))
    assert ws["A3"].value.endswith(f"Jumlah responden: {n}.") and n > 0
    assert [m for m in hasil.masalah if m.tingkat == "galat"] == []
