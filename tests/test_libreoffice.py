"""The report's formulas in a real spreadsheet engine: LibreOffice headless (DOMAIN.md section 9).

Every formula cell the core plans carries ``hasil``, the value the core computed.
Here each report is written with openpyxl (no cached values), recalculated by
LibreOffice, and every formula's result is compared with ``hasil``. All workbooks
go through one soffice run (start-up costs ~2 s per run).

Without soffice the module is skipped, unless IKU_XL_WAJIB_LO=1 (CI): then it fails.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from iku_xl.core.model import (
    BukuIKU,
    Indikator,
    NilaiHuruf,
    Profil,
    ProgramIKU,
    RealisasiIKU,
    Rentang,
    TargetIKU,
)
from iku_xl.core.tata_letak import LayoutLembar
from iku_xl.core.tugas import Rencana, rencana_laporan
from iku_xl.workbook.baca import buka, lembaran
from iku_xl.workbook.proses import buat_laporan
from iku_xl.workbook.templat import buat_templat
from iku_xl.workbook.tulis import ukuran_grafik
from tests.conftest import WAKTU, WORKBOOKS
from tests.lo import beda_rumus, konversi, ke_pdf, soffice_ada

pytestmark = pytest.mark.libreoffice

WAJIB = os.environ.get("IKU_XL_WAJIB_LO") == "1"
if not soffice_ada() and not WAJIB:
    pytest.skip("LibreOffice (soffice) tidak terpasang; set IKU_XL_WAJIB_LO=1 agar ini gagal",
                allow_module_level=True)

GALAT = ("#DIV/0!", "#NAME?", "#REF!", "#VALUE!", "#N/A", "#NUM!", "#NULL!", "Err:")

#: key -> (source workbook in workbooks/, or None for the one built from BUKU_UJI below; year)
KASUS = {
    "legok-2020": ("contoh_legok_2020.xlsx", 2020),
    "bantargebah-2024": ("contoh_bantargebah_2024-2026.xlsx", 2024),
    "bantargebah-2025": ("contoh_bantargebah_2024-2026.xlsx", 2025),
    "templat-2025": (None, 2025),
}

#: Indicator texts a spreadsheet would take for formulas if written carelessly.
NAMA_AWAS = ("=1+1 bukan rumus", "-5 persen kemiskinan", "+ tambahan layanan", "@indikator baru")



def _lembar_sel(rencana):
    """The planned sheets that hold cells (chart sheets hold none)."""
    return [x for x in rencana.lembar if isinstance(x, LayoutLembar)]

def _ind(kode: str, nama: str, polaritas: str = "positif", metode: str | None = None,
         sasaran: str = "Meningkatnya kualitas pelayanan") -> Indikator:
    return Indikator(kode, sasaran, nama, "%", polaritas, "nilai terakhir", metode, formulasi="R / T x 100",
                     sumber_data="Laporan seksi", penanggung_jawab="Seksi Pemerintahan")


#: Every capaian rule the report writes as a formula, and the cases it writes as values.
BUKU_UJI = BukuIKU(
    Profil("KECAMATAN UJI", "KABUPATEN CONTOH", 2025, "CAMAT UJI", "Drs. UJI COBA, M.Si", "Pembina / IV.a",
           "19700101 199001 1 001", "Uji", dt.date(2026, 1, 10), "permendagri86", "T/R", 2024, 2026),
    (
        _ind("1.1", NAMA_AWAS[0]),  # positif, with a Renstra target and last year's realisasi
        _ind("1.2", NAMA_AWAS[1], "negatif", "2T-R"),
        _ind("1.3", NAMA_AWAS[2], "negatif", "T/R"),
        _ind("1.4", NAMA_AWAS[3], "negatif"),  # follows Profil: T/R
        _ind("2.1", "Indeks kepuasan (target rentang)", sasaran="=SUM(A1) sasaran teks"),
        _ind("2.2", "Nilai AKIP (target predikat)", sasaran="=SUM(A1) sasaran teks"),
        _ind("2.3", "Jumlah pengaduan (target 0)", "negatif", "2T-R", sasaran="=SUM(A1) sasaran teks"),
        _ind("3.1", "Realisasi belum ada", sasaran="Meningkatnya ketertiban"),
        _ind("3.2", "Rasio pembilang/penyebut", sasaran="Meningkatnya ketertiban"),
    ),
    (
        TargetIKU("1.1", 2025, 90.0), TargetIKU("1.1", 2026, 95.0),
        TargetIKU("1.2", 2025, 10.0), TargetIKU("1.2", 2026, 8.0),
        TargetIKU("1.3", 2025, 20.0),
        TargetIKU("1.4", 2025, 5.0),
        TargetIKU("2.1", 2025, Rentang(80.0, 90.0)),
        TargetIKU("2.2", 2025, NilaiHuruf("B", "akip")),
        TargetIKU("2.3", 2025, 0.0),
        TargetIKU("3.1", 2025, 75.0),
        TargetIKU("3.2", 2025, 70.0), TargetIKU("3.2", 2026, 80.0),
    ),
    (
        RealisasiIKU("1.1", 2024, tahunan=85.0),
        RealisasiIKU("1.1", 2025, tahunan=92.345),
        RealisasiIKU("1.2", 2025, tahunan=8.0),
        RealisasiIKU("1.3", 2025, tahunan=25.0),
        RealisasiIKU("1.4", 2025, tahunan=4.0),
        RealisasiIKU("2.1", 2025, tahunan=95.0),
        RealisasiIKU("2.2", 2025, tahunan=72.5),
        RealisasiIKU("2.3", 2025, tahunan=3.0),
        RealisasiIKU("3.2", 2025, pembilang=45.0, penyebut=60.0),
    ),
    program=(
        ProgramIKU("1.1", 2025, "Program Pelayanan", "Kegiatan A", "10 Titik", 200_000_000, 187_500_000),
        ProgramIKU("3.1", 2025, "Program Ketertiban", "Kegiatan B", "1 Dokumen", None, 5_000_000),
        ProgramIKU("2.3", 2025, "Program Pengaduan", "", "", 0, 0),
    ),
)


@dataclass(frozen=True)
class Laporan:
    sumber: Path
    rencana: Rencana
    keluaran: Path  # written by iku-xl with openpyxl: formulas without results
    dihitung: Path  # the same, recalculated by LibreOffice


def _wajib_soffice() -> None:
    if not soffice_ada():
        pytest.fail("IKU_XL_WAJIB_LO=1 tetapi LibreOffice (soffice) tidak ditemukan")


@pytest.fixture(scope="module")
def laporan(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Laporan]:
    """Every case's report, written and recalculated in one soffice run."""
    _wajib_soffice()
    folder = tmp_path_factory.mktemp("lo")
    hasil = {}
    for kunci, (nama, tahun) in KASUS.items():
        if nama is None:
            sumber = folder / "uji_templat.xlsx"
            buat_templat(BUKU_UJI).save(sumber)
        else:
            sumber = WORKBOOKS / nama
        rencana = rencana_laporan(lembaran(buka(sumber)), tahun, WAKTU.date())
        assert rencana.lembar, f"{kunci}: laporan terblokir: {rencana.masalah}"
        keluaran = folder / f"{kunci}.xlsx"
        assert buat_laporan(sumber, tahun, keluaran, waktu=WAKTU).keluaran == keluaran
        hasil[kunci] = Laporan(sumber, rencana, keluaran, folder / "lo" / keluaran.name)
    konversi([x.keluaran for x in hasil.values()], folder / "lo", ".xlsx")
    return hasil


@pytest.mark.parametrize("kunci", list(KASUS))
def test_rumus_dihitung_sama_dengan_inti(laporan: dict[str, Laporan], kunci: str) -> None:
    lap = laporan[kunci]
    wb = openpyxl.load_workbook(lap.dihitung, data_only=True)
    beda, galat, n_rumus = [], [], 0
    for layout in _lembar_sel(lap.rencana):
        ws = wb[layout.nama]
        n_rumus += sum(s.rumus for s in layout.sel)
        beda += beda_rumus(layout, ws)
        galat += [f"{layout.nama}!{c.coordinate} = {c.value}" for row in ws.iter_rows() for c in row
                  if isinstance(c.value, str) and c.value.startswith(GALAT)]
    assert n_rumus > 0
    assert not beda, "\n".join(beda)
    assert not galat, "\n".join(galat)


def test_kasus_uji_mencakup_semua_aturan(laporan: dict[str, Laporan]) -> None:
    """The built workbook really exercises each formula shape (else the test above proves little)."""
    rumus = [s.nilai for layout in _lembar_sel(laporan["templat-2025"].rencana) for s in layout.sel if s.rumus]
    teks = "\n".join(map(str, rumus))
    assert "(2*E7-F7)/E7*100" in teks  # negatif 2T-R (row 7: indicator 1.2)
    assert "E8/F8*100" in teks and "E9/F9*100" in teks  # negatif T/R, own and from Profil
    assert "F6/E6*100" in teks  # positif
    assert "ISNUMBER" in teks and "Anggaran 2025" in [x.nama for x in laporan["templat-2025"].rencana.lembar]
    hasil = [s.hasil for layout in _lembar_sel(laporan["templat-2025"].rencana) for s in layout.sel if s.rumus]
    assert "" in hasil  # an empty capaian's predikat / serapan without budget


def test_teks_seperti_rumus_tetap_teks(laporan: dict[str, Laporan]) -> None:
    lap = laporan["templat-2025"]
    wb = openpyxl.load_workbook(lap.dihitung, data_only=True)
    ws = wb[lap.rencana.lembar[0].nama]
    semua = [c.value for row in ws.iter_rows() for c in row]
    for teks in (*NAMA_AWAS, "=SUM(A1) sasaran teks"):
        assert teks in semua, f"{teks!r} tidak tertulis sebagai teks"
    asli = openpyxl.load_workbook(lap.keluaran)[lap.rencana.lembar[0].nama]
    for row in asli.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value in (*NAMA_AWAS, "=SUM(A1) sasaran teks"):
                assert c.data_type == "s", c.coordinate


def _alat(nama: str) -> str:
    exe = shutil.which(nama)
    if exe is None:
        if WAJIB:
            pytest.fail(f"IKU_XL_WAJIB_LO=1 tetapi {nama} (poppler-utils) tidak ditemukan")
        pytest.skip(f"{nama} (poppler-utils) tidak terpasang")
    return exe


def test_cetak_laporan_legok(laporan: dict[str, Laporan], tmp_path: Path) -> None:
    """Print the generated sheets to PDF as staff would, and read the pages back."""
    lap = laporan["legok-2020"]
    pdftotext, pdfinfo, pdftoppm = _alat("pdftotext"), _alat("pdfinfo"), _alat("pdftoppm")
    nama = [x.nama for x in lap.rencana.lembar]
    wb = openpyxl.load_workbook(lap.keluaran)
    for ws in list(wb.worksheets):
        if ws.title not in nama:
            wb.remove(ws)
    wb.active = 0
    ukuran_grafik(wb)  # openpyxl reads a chart sheet's chart back with size 0 x 0
    hanya = tmp_path / "laporan_legok_2020.xlsx"
    wb.save(hanya)
    pdf = ke_pdf(hanya, tmp_path / "laporan_legok_2020.pdf")

    info = subprocess.run([pdfinfo, pdf], capture_output=True, text=True, check=True).stdout
    halaman = int(next(b.split()[-1] for b in info.splitlines() if b.startswith("Pages:")))
    # Laporan Capaian: the table with signature; Anggaran: 12 programs on two pages, its header
    # repeated; Grafik Capaian: the chart sheet, last.
    assert halaman == 4, info

    subprocess.run([pdftoppm, "-r", "50", "-png", pdf, tmp_path / "hal"], check=True)
    png = sorted(tmp_path.glob("hal*.png"))
    assert len(png) == halaman
    assert all(p.stat().st_size > 5_000 for p in png), [(p.name, p.stat().st_size) for p in png]

    def teks(hal: int) -> str:
        return subprocess.run([pdftotext, "-f", str(hal), "-l", str(hal), pdf, "-"], capture_output=True,
                              text=True, check=True).stdout

    hal1, semua = teks(1), "".join(teks(h) for h in range(1, halaman + 1))
    satu_baris = " ".join(hal1.split())
    for harus in ("LAPORAN CAPAIAN TARGET INDIKATOR KINERJA UTAMA (IKU) TAHUN 2020", "SKPD : KECAMATAN LEGOK",
                  "Rata-rata capaian", "NIP. 19620620 198703 1 006"):
        assert harus in satu_baris, harus
    grafik = " ".join(teks(4).split())
    assert grafik.startswith("Capaian IKU Tahun 2020 (%)")
    assert "Nilai SAKIP Kecamatan Legok" in grafik and "113.33" in grafik and "Capaian (%)" in grafik
    assert "ANGGARAN DAN REALISASI ANGGARAN PER PROGRAM TAHUN 2020" in " ".join(teks(2).split())
    assert _berurutan(["Jumlah", "13,914,503,100", "13,278,950,000", "95.43"], teks(3).split())
    kata = hal1.split()
    for b in lap.rencana.baris:  # a wrapped name's lines come between other cells' text: words in order
        assert _berurutan(b.indikator.nama.split(), kata), b.indikator.nama
    for salah in ("###", "Err:", "#DIV/0!", "#NAME?", "#REF!", "#VALUE!", "#N/A"):
        assert salah not in semua, salah


def _berurutan(cari: list[str], kata: list[str]) -> bool:
    """Do the words ``cari`` occur in ``kata`` in this order (others may come between)?

    >>> _berurutan(["a", "c"], ["a", "b", "c"]), _berurutan(["c", "a"], ["a", "b", "c"])
    (True, False)
    """
    sisa = iter(kata)
    return all(k in sisa for k in cari)


def test_rekap_sama_dengan_laporan_pada_buku_simpanan_libreoffice(tmp_path: Path) -> None:
    """Workbooks as a colleague on LibreOffice saves them (shared strings, LibreOffice's own XML,
    formulas with their results saved): the recap still agrees with each unit's report, and
    only a workbook that holds formulas or error values goes to the exact, slower reader."""
    import zipfile

    from iku_xl.workbook.rekap import _Zip, _LEMBAR
    from tests.test_rekap import _sama_dengan_laporan, legok_diubah

    _wajib_soffice()
    sel = {"bersih": {}, "rumus": {"Realisasi!G6": "=45.45*1"}, "galat": {"Realisasi!G6": "=1/0"}}
    sumber = [legok_diubah(tmp_path / f"{nama}.xlsx", ubah) for nama, ubah in sel.items()]
    disimpan = dict(zip(sel, konversi(sumber, tmp_path / "lo", ".xlsx")))
    for nama, p in disimpan.items():
        with zipfile.ZipFile(p) as z:
            assert "xl/sharedStrings.xml" in z.namelist()
        perlu_pembaca_lengkap = _Zip(p.read_bytes()).ada_rumus_atau_galat(_LEMBAR)
        assert perlu_pembaca_lengkap is (nama != "bersih"), nama
        folder = tmp_path / nama
        folder.mkdir()
        assert _sama_dengan_laporan(p, 2020, folder) is (nama == "galat"), nama
