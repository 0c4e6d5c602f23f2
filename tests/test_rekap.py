"""iku-xl rekap: every unit's numbers are exactly its own Laporan Capaian's, one bad file never
stops the run, and the parallel path gives the same workbook as the serial one."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from iku_xl.cli import main
from iku_xl.core.dokumen.laporan import rata_rata_capaian
from iku_xl.workbook.proses import buat_laporan
from iku_xl.workbook.rekap import MIN_PARALEL, mungkin_rumus_atau_galat, rekap
from tests.conftest import WAKTU, WORKBOOKS

pytest.importorskip("python_calamine")
pytest.importorskip("xlsxwriter")


@pytest.fixture
def folder(tmp_path):
    """Unit workbooks as a Kabupaten collects them, with a damaged and a foreign file among them."""
    f = tmp_path / "kecamatan"
    f.mkdir()
    for nama in ("contoh_legok_2020.xlsx", "contoh_bantargebah_2024-2026.xlsx", "templat_iku.xlsx"):
        shutil.copy2(WORKBOOKS / nama, f / nama)
    tambah_berkas_asing(f)
    return f


def tambah_berkas_asing(folder):
    """What else lies in a collected folder: a damaged .xlsx and a workbook that is no IKU workbook."""
    (folder / "rusak.xlsx").write_bytes(b"bukan berkas excel")
    wb = openpyxl.Workbook()
    wb.active["A1"] = "daftar hadir rapat"
    wb.save(folder / "daftar_hadir.xlsx")


def _lembar(path, nama):
    ws = openpyxl.load_workbook(path)[nama]
    return [[c.value for c in baris] for baris in ws.iter_rows(min_row=4)]


def _angka(v):
    return pytest.approx(v, rel=1e-15) if isinstance(v, float) else v


@pytest.mark.parametrize(("unit", "tahun"), [("contoh_legok_2020.xlsx", 2020),
                                             ("contoh_bantargebah_2024-2026.xlsx", 2025)])
def test_sama_dengan_laporan_unit(folder, tmp_path, unit, tahun):
    keluar = tmp_path / "rekap.xlsx"
    berkas, direkap, bermasalah = rekap([folder], tahun, keluar)
    assert (berkas, direkap, bermasalah) == (5, 1, 4)
    laporan = buat_laporan(folder / unit, tahun, tmp_path / "lap.xlsx", waktu=WAKTU)
    rows = _lembar(keluar, "Rekap")
    assert [r[2] for r in rows] == [b.indikator.kode for b in laporan.baris]
    for r, b in zip(rows, laporan.baris):
        target = b.target if isinstance(b.target, float) or b.target is None else str(b.target)
        realisasi = b.realisasi if isinstance(b.realisasi, float) or b.realisasi is None else str(b.realisasi)
        assert r[4:10] == [b.indikator.nama, b.indikator.satuan, _angka(target), _angka(realisasi),
                           _angka(b.capaian.nilai), b.predikat]
        assert r[10] == unit
    [ringkasan] = _lembar(keluar, "Ringkasan Unit")
    assert ringkasan[1] == len(laporan.baris)
    assert ringkasan[2] == _angka(rata_rata_capaian(laporan.baris))


def test_berkas_bermasalah_didaftar_dengan_alasan(folder, tmp_path):
    keluar = tmp_path / "rekap.xlsx"
    rekap([folder], 2020, keluar)
    alasan = {r[0]: r[1] for r in _lembar(keluar, "Berkas Bermasalah")[1:] if r[0]}
    assert set(alasan) == {"contoh_bantargebah_2024-2026.xlsx", "templat_iku.xlsx", "rusak.xlsx",
                           "daftar_hadir.xlsx"}
    assert alasan["rusak.xlsx"] == ("berkas 'rusak.xlsx' tidak dapat dibuka: isinya bukan buku kerja Excel .xlsx "
                                    "(bukan arsip zip). Buka berkas itu di Excel (Excel menawarkan perbaikan bila "
                                    "perlu), simpan ulang sebagai .xlsx, lalu coba lagi; atau pakai salinan "
                                    "cadangannya.")
    assert "Lembar 'Profil' tidak ditemukan" in alasan["daftar_hadir.xlsx"]
    assert "belum ada indikator" in alasan["templat_iku.xlsx"]
    assert "tidak ada target untuk tahun 2020" in alasan["contoh_bantargebah_2024-2026.xlsx"]


def test_sel_persen_dibaca_seperti_laporan(tmp_path):
    """A target typed as 60 % in a percent-formatted cell: the recap reads it as the report does."""
    p = tmp_path / "persen.xlsx"
    shutil.copy2(WORKBOOKS / "contoh_legok_2020.xlsx", p)
    wb = openpyxl.load_workbook(p)
    wb["Target"]["C4"].value = 0.6
    wb["Target"]["C4"].number_format = "0%"
    wb.save(p)
    rekap([p], 2020, tmp_path / "r.xlsx")
    lap = buat_laporan(p, 2020, tmp_path / "l.xlsx", waktu=WAKTU)
    rows = _lembar(tmp_path / "r.xlsx", "Rekap")
    assert rows[0][6] == pytest.approx(60.0) and rows[0][8] == _angka(lap.baris[0].capaian.nilai)


def test_paralel_sama_dengan_serial(tmp_path):
    f = tmp_path / "banyak"
    f.mkdir()
    for i in range(MIN_PARALEL + 2):
        shutil.copy2(WORKBOOKS / "contoh_legok_2020.xlsx", f / f"unit_{i:02d}.xlsx")
    rekap([f], 2020, tmp_path / "serial.xlsx", proses=1)
    rekap([f], 2020, tmp_path / "paralel.xlsx", proses=2)
    for lembar in ("Rekap", "Ringkasan Unit", "Peringkat", "Berkas Bermasalah"):
        assert _lembar(tmp_path / "serial.xlsx", lembar) == _lembar(tmp_path / "paralel.xlsx", lembar)
    assert len(_lembar(tmp_path / "serial.xlsx", "Rekap")) == 10 * (MIN_PARALEL + 2)


def test_peringkat_dan_grafik(folder, tmp_path):
    keluar = tmp_path / "rekap.xlsx"
    rekap([folder / "contoh_legok_2020.xlsx"], 2020, keluar)
    wb = openpyxl.load_workbook(keluar)
    assert wb.sheetnames == ["Rekap", "Ringkasan Unit", "Peringkat", "Berkas Bermasalah"]
    assert [c.value for c in wb["Peringkat"][4]][:4] == [1, "KECAMATAN LEGOK", pytest.approx(110.6255555555556),
                                                         10]
    assert len(wb["Peringkat"]._charts) == 1
    # headers wrapped in narrow columns ("Rata-rata Capaian (%)") get two lines, not clipped
    assert wb["Ringkasan Unit"].row_dimensions[3].height == wb["Peringkat"].row_dimensions[3].height == 30


def test_perintah_rekap(folder, tmp_path, capsys):
    keluar = tmp_path / "rekap.xlsx"
    assert main(["rekap", str(folder), "--tahun", "2020", "-o", str(keluar)]) == 0
    out, err = capsys.readouterr()
    assert out == (f"Rekap 2020: 5 berkas, 1 unit direkap, 4 berkas bermasalah (lihat lembar 'Berkas Bermasalah'). "
                   f"Disimpan di: {keluar}\n")
    assert err == ""  # not a terminal: no progress bar
    assert main(["rekap", str(folder), "--tahun", "2020", "-o", str(keluar)]) == 2
    assert "sudah ada" in capsys.readouterr().err
    assert main(["rekap", str(tmp_path / "tidak_ada"), "--tahun", "2020", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_sel_galat_dan_rumus_dibaca_seperti_laporan(tmp_path):
    """Calamine reads an error cell as empty; the recap must still see what the report sees."""
    # an error value, as Excel saves a failing formula's result
    p = legok_diubah(tmp_path / "galat.xlsx", {"Realisasi!G6": "#DIV/0!"})
    lap = buat_laporan(p, 2020, tmp_path / "l.xlsx", waktu=WAKTU)
    assert lap.keluaran is None
    galat = [str(m) for m in lap.masalah if m.tingkat == "galat"]
    rekap([p], 2020, tmp_path / "r.xlsx")
    [[berkas, alasan]] = [r[:2] for r in _lembar(tmp_path / "r.xlsx", "Berkas Bermasalah")[1:] if r[0]]
    assert (berkas, alasan) == ("galat.xlsx", "; ".join(galat))
    assert "berisi galat Excel #DIV/0!" in alasan


def _sama_dengan_laporan(p, tahun, tmp_path):
    """The recap of one workbook says what its own report says: the same rows and numbers, or the
    same galat when the report refuses. Returns whether the report refused."""
    lap = buat_laporan(p, tahun, tmp_path / "l.xlsx", waktu=WAKTU)
    rekap([p], tahun, tmp_path / "r.xlsx")
    rows = _lembar(tmp_path / "r.xlsx", "Rekap")
    bermasalah = [r[:2] for r in _lembar(tmp_path / "r.xlsx", "Berkas Bermasalah")[1:] if r[0]]
    if lap.keluaran is None:
        galat = [str(m) for m in lap.masalah if m.tingkat == "galat"]
        assert galat and rows == [] and bermasalah == [[p.name, "; ".join(galat)]]
    else:
        assert bermasalah == []
        assert [(r[2], _angka(r[8]), r[9]) for r in rows] == [(b.indikator.kode, b.capaian.nilai, b.predikat)
                                                              for b in lap.baris]
    return lap.keluaran is None


def legok_diubah(tujuan, sel):
    """The Legok example with some cells changed (``{"Lembar!A1": nilai}``), saved as ``tujuan``."""
    wb = openpyxl.load_workbook(WORKBOOKS / "contoh_legok_2020.xlsx")
    for alamat, nilai in sel.items():
        lembar, ref = alamat.split("!")
        wb[lembar][ref].value = nilai
    wb.save(tujuan)
    return tujuan


@pytest.mark.parametrize(("sel", "ditolak"), [
    ({"Program Anggaran!F4": "sepuluh juta"}, True),  # a sheet the recap itself does not show
    ({"Skala Kustom!A5": "tinggi"}, True),
    ({"Indikator!A5": "1.1"}, True),  # a duplicate kode
    ({"Target!C5": "abc"}, True),
    ({"Profil!B4": '=UPPER("kecamatan legok")'}, True),  # a formula never calculated, in a text cell
    ({"Realisasi!G6": "=1/0"}, True),
    ({"Realisasi!G6": "#N/A"}, True),  # an error value, as Excel saves a failing formula's result
    ({"Indikator!D5": "#REF!"}, True),
    ({f"Realisasi!{k}6": None for k in "CDEFG"}, False),  # no realisasi: recapped, counted as missing
    ({"Target!C4": "55-65"}, False),
], ids=["program", "skala_kustom", "kode_ganda", "target", "rumus_profil", "rumus_realisasi", "galat_na",
        "galat_satuan", "realisasi_kosong", "rentang"])
def test_keputusan_sama_dengan_laporan(tmp_path, sel, ditolak):
    """A galat on any sheet the report reads blocks the unit in the recap too, with the same reasons."""
    p = legok_diubah(tmp_path / "unit.xlsx", sel)
    assert _sama_dengan_laporan(p, 2020, tmp_path) == ditolak


@pytest.mark.parametrize(("unit", "tahun"), [("contoh_legok_2020.xlsx", 2020),
                                             ("contoh_bantargebah_2024-2026.xlsx", 2025),
                                             ("contoh_bantargebah_2024-2026.xlsx", 2026)])
def test_tanpa_pembanding_baris_dan_masalah_sama(unit, tahun):
    """The recap skips the report's comparison columns; everything else it gets is the report's."""
    from dataclasses import replace

    from iku_xl.core.tugas import hitung_tahun
    from iku_xl.workbook.baca import buka, lembaran

    lb = lembaran(buka(WORKBOOKS / unit))
    lengkap, ringkas = hitung_tahun(lb, tahun), hitung_tahun(lb, tahun, pembanding=False)
    assert ringkas.masalah == lengkap.masalah and len(ringkas.baris) == len(lengkap.baris) > 0
    assert any(b.target_renstra is not None for b in lengkap.baris)
    assert ringkas.baris == [replace(b, realisasi_lalu=None, target_renstra=None, tahun_renstra=None,
                                     capaian_renstra=None) for b in lengkap.baris]


_SEL = b'<c r="A2" t="inlineStr"><is><t>Persentase fasilitas efektif</t></is></c>'


@pytest.mark.parametrize(("isi", "diharapkan"), [
    (_SEL + b'<c r="B2"><f>A2*100</f><v>5</v></c>', True),  # Excel
    (_SEL + b'<c r="B2" s="0" t="n"><f aca="false">1/0</f><v>#DIV/0!</v></c>', True),  # LibreOffice
    (_SEL + b'<c r="C3"><f t="shared" si="0"/><v>2</v></c>', True),  # a shared formula's child
    (_SEL + b'<c r="B2"><f>A2*100</f><v></v></c>', True),  # openpyxl: never calculated
    (_SEL + b'<c r="B2" t="e"><v>#N/A</v></c>', True),  # an error pasted as a value
    (_SEL + b'<c r="B2" t="n"><v>92.5</v></c><c r="C2" s="11" t="n" />', False),
])
def test_rumus_dan_galat_dikenali_di_xml_lembar(isi, diharapkan):
    """The fast check that sends a workbook to the exact reader: it may raise false alarms, never miss."""
    xml = (b'<worksheet><sheetData><row r="2">' + isi + b'</row></sheetData>'
           b'<dataValidations count="1"><dataValidation sqref="E4:E50"><formula1>"positif,negatif"</formula1>'
           b'</dataValidation></dataValidations><extLst><ext><x14:dataValidations><x14:dataValidation>'
           b'<x14:formula1><xm:f>Profil!$A$1:$A$5</xm:f></x14:formula1></x14:dataValidation>'
           b'</x14:dataValidations></ext></extLst></worksheet>')
    assert mungkin_rumus_atau_galat(xml) is diharapkan
    awalan = xml.replace(b"<sheetData", b"<x:sheetData").replace(b"</sheetData", b"</x:sheetData") \
        .replace(b"<f", b"<x:f").replace(b"</f>", b"</x:f>")
    assert mungkin_rumus_atau_galat(awalan) is diharapkan


def test_hasil_dan_cadangan_di_folder_sumber_bukan_unit(tmp_path, capsys):
    """The recap written into the folder it recaps, run again with --timpa: its old output (now
    a temporary name is written) and iku-xl's backups are never read as units."""
    shutil.copy(WORKBOOKS / "contoh_legok_2020.xlsx", tmp_path / "legok.xlsx")
    shutil.copy(WORKBOOKS / "contoh_legok_2020.xlsx", tmp_path / "legok.cadangan-20250115-093005.xlsx")
    keluar = tmp_path / "rekap_2020.xlsx"
    for _ in range(3):
        assert main(["rekap", str(tmp_path), "--tahun", "2020", "-o", str(keluar), "--timpa", "-q"]) == 0
        assert "Rekap 2020: 1 berkas, 1 unit direkap, 0 berkas bermasalah" in capsys.readouterr().out
    assert len(list(tmp_path.glob("rekap_2020.cadangan-*.xlsx"))) == 2  # kept, and not recapped
