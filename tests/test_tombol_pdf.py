"""The Cetak PDF button (issue 12 point 4): Excel's own export of the report sheets only.

No Excel here: a fake Book records what xlwings' ``Book.to_pdf`` is asked to do, and the state
of the chart sheets at that moment; the server path runs on xlwings Server's remote Book.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from iku_xl.core.dokumen import AWALAN_LAPORAN, lembar_cetak
from iku_xl.workbook.pdf import lembar_pdf
from iku_xl.xl import cetak_pdf, tombol

WAKTU = dt.datetime(2021, 1, 5, 10, 0, 0)
ISIAN = ["Petunjuk", "Profil", "Indikator", "Target", "Realisasi", "Skala Kustom", "Program Anggaran"]


class _Lembar:
    def __init__(self, name: str) -> None:
        self.name = name


class _Grafik:
    """A chart sheet as Excel's COM object shows it (Name, Visible)."""

    def __init__(self, name: str) -> None:
        self.Name, self.Visible = name, -1


class _Sheets(list):
    active: _Lembar


class _App:
    def __init__(self) -> None:
        self.engine = type("Engine", (), {"name": "excel"})()
        self.pesan: list[tuple[str, str]] = []

    def alert(self, teks: str, title: str = "") -> None:
        self.pesan.append((teks, title))


class BukuPalsu:
    """Just what the button uses of an xlwings Book on desktop Excel."""

    def __init__(self, folder: Path, lembar: list[str], grafik: list[str], aktif: str = "Profil") -> None:
        self.fullname = str(folder / "IKU Legok.xlsm")
        self.sheets = _Sheets(_Lembar(n) for n in lembar)
        self.sheets.active = next(s for s in self.sheets if s.name == aktif)
        self.api = type("Api", (), {"Charts": [_Grafik(n) for n in grafik]})()
        self.app = _App()
        self.panggilan: list[dict] = []

    def to_pdf(self, path, include=None, exclude=None, **kw):
        terlihat = [c.Name for c in self.api.Charts if c.Visible == -1]
        self.panggilan.append({"path": path, "include": include, "exclude": exclude, "grafik_terlihat": terlihat})
        Path(path).write_bytes(b"%PDF-1.7 palsu")
        return path


@pytest.fixture
def buku(tmp_path, monkeypatch):
    monkeypatch.setattr(cetak_pdf, "_tahun_profil", lambda book: 2020)
    monkeypatch.setattr(tombol, "sekarang", lambda: WAKTU)
    return BukuPalsu(tmp_path, [*ISIAN, "Laporan Capaian 2019", "Laporan Capaian 2020", "Anggaran 2020",
                                "Capaian 2020", "Capaian Triwulan 2 2020", "Hasil Validasi"],
                     ["Grafik Capaian 2019", "Grafik Capaian 2020"])


def test_hanya_lembar_laporan_tahun_profil(buku, tmp_path):
    pesan = tombol.tombol_pdf(buku)
    [p] = buku.panggilan
    assert p["include"] == ["Laporan Capaian 2020", "Anggaran 2020", "Capaian Triwulan 2 2020"]
    assert p["exclude"] is None
    assert p["grafik_terlihat"] == ["Grafik Capaian 2020"]  # the other year's chart sheet hidden for the export
    assert [c.Visible for c in buku.api.Charts] == [-1, -1]  # ... and shown again after
    tujuan = tmp_path / "IKU Legok_laporan-2020.pdf"
    assert tujuan.read_bytes().startswith(b"%PDF")
    assert pesan == (f"PDF disimpan di: {tujuan}\nLembar: Laporan Capaian 2020, Anggaran 2020, "
                     "Capaian Triwulan 2 2020, Grafik Capaian 2020.")
    assert buku.app.pesan == [(pesan, "iku-xl")]


def test_lembar_aktif_laporan_menentukan_tahun_dan_pdf_lama_dicadangkan(buku, tmp_path):
    buku.sheets.active = next(s for s in buku.sheets if s.name == "Laporan Capaian 2019")
    lama = tmp_path / "IKU Legok_laporan-2019.pdf"
    lama.write_bytes(b"%PDF lama")
    pesan = tombol.tombol_pdf(buku)
    assert buku.panggilan[0]["include"] == ["Laporan Capaian 2019"]
    assert buku.panggilan[0]["grafik_terlihat"] == ["Grafik Capaian 2019"]
    cadangan = tmp_path / "IKU Legok_laporan-2019.cadangan-20210105-100000.pdf"
    assert cadangan.read_bytes() == b"%PDF lama"  # never lost
    assert pesan.endswith(f"PDF lama disimpan sebagai: {cadangan.name}")


def test_belum_ada_laporan(tmp_path, monkeypatch):
    monkeypatch.setattr(cetak_pdf, "_tahun_profil", lambda book: 2021)
    buku = BukuPalsu(tmp_path, [*ISIAN, "Laporan Capaian 2020"], [])
    assert tombol.tombol_pdf(buku) == ("Belum ada lembar laporan 2021 untuk dicetak. Klik Buat Laporan dulu, "
                                       "lalu klik Cetak PDF lagi.")
    assert buku.panggilan == [] and list(tmp_path.iterdir()) == []


def test_buku_belum_disimpan(buku):
    buku.fullname = "Book1"
    assert tombol.tombol_pdf(buku).startswith("Buku kerja ini belum pernah disimpan. Simpan dulu")
    assert buku.panggilan == []


def test_ekspor_gagal_grafik_kembali_terlihat(buku, tmp_path):
    def gagal(*a, **kw):
        raise RuntimeError("Excel: printer tidak ada")
    buku.to_pdf = gagal
    with pytest.raises(RuntimeError):
        tombol.tombol_pdf(buku)
    assert [c.Visible for c in buku.api.Charts] == [-1, -1]
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.tmp*"))


def test_server_tanpa_excel(salin):
    """xlwings Server's remote Book: no Excel to export with; the message names the command."""
    from tests.buku_jarak_jauh import buku_jarak_jauh

    book = buku_jarak_jauh(salin("contoh_legok_2020.xlsx"))
    pesan = tombol.tombol_pdf(book)
    assert pesan == cetak_pdf.PESAN_SERVER and "iku-xl laporan NAMA_BERKAS.xlsx --pdf" in pesan
    assert [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"] == [pesan]


def test_tahun_profil_dibaca_seperti_tombol_lain(salin):
    from tests.buku_jarak_jauh import buku_jarak_jauh

    assert cetak_pdf._tahun_profil(buku_jarak_jauh(salin("contoh_legok_2020.xlsx"))) == 2020


def test_satu_aturan_untuk_tombol_dan_baris_perintah():
    """The CLI's --pdf and the button choose by the same core list; input sheets never print."""
    semua = [*ISIAN, "Laporan Capaian 2020", "Anggaran 2020", "Grafik Capaian 2020", "Capaian 2020"]
    assert lembar_pdf(semua) == lembar_cetak(semua) == ["Laporan Capaian 2020", "Anggaran 2020",
                                                       "Grafik Capaian 2020"]
    assert not set(lembar_cetak(ISIAN))
    assert AWALAN_LAPORAN == ("Laporan Capaian", "Grafik Capaian", "Anggaran", "Capaian Triwulan", "Perjanjian Kinerja",
                              "Analisis Capaian", "Laporan IKM", "Grafik IKM")
    assert lembar_cetak(["Survei IKM", "Laporan IKM 2020", "Grafik IKM 2020"]) == ["Laporan IKM 2020", "Grafik IKM 2020"]
    assert lembar_cetak(["Perjanjian Kinerja 2020", "Analisis Capaian 2020", "Anggaran Desa 2020"]) == [
        "Perjanjian Kinerja 2020", "Analisis Capaian 2020"]
