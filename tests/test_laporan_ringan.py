"""The one-click report imports only what it uses (issue 14, point 3): the modules of the other
commands stay lazy, so that a later import at module level cannot silently slow every click."""

from __future__ import annotations

import gc
import subprocess
import sys

from iku_xl.pekerjaan import AMBANG, pekerjaan

#: Modules the Laporan Capaian never needs: the other documents and commands (survey IKM, Analisis,
#: Perjanjian Kinerja, validation, formulas check, PDF, recap, import, pandas data) and what they import.
TIDAK_DIMUAT = (
    "iku_xl.core.ikm", "fractions",  # the IKM: only a survey-fed realisasi computes it
    "iku_xl.core.analisis", "iku_xl.core.dokumen.analisis",
    "iku_xl.core.dokumen.pk", "iku_xl.core.dokumen.ikm", "iku_xl.core.dokumen.triwulan", "iku_xl.core.triwulan",
    "iku_xl.core.validasi", "iku_xl.core.formulasi", "iku_xl.core.rumus_excel", "iku_xl.workbook.rumus",
    "iku_xl.workbook.pdf", "iku_xl.workbook.rekap", "iku_xl.workbook.templat", "iku_xl.workbook.survei",
    "iku_xl.core.impor", "iku_xl.sumber", "iku_xl.data",
    "python_calamine", "xlsxwriter", "pandas", "numpy", "babel", "platformdirs",
)


def test_laporan_tidak_memuat_modul_perintah_lain(tmp_path, salin):
    """``iku-xl laporan`` run as the command itself (``main()`` reading sys.argv, as the console
    script does): the report is written, none of :data:`TIDAK_DIMUAT` was imported, and what was
    alive is frozen out of the collector (the process ends: iku_xl.pekerjaan.bekukan)."""
    buku = salin("contoh_legok_2020.xlsx")
    kode = (
        "import sys\n"
        f"sys.argv = ['iku-xl', 'laporan', {str(buku)!r}, '--tahun', '2020', '-o', {str(tmp_path / 'k.xlsx')!r}]\n"
        "from iku_xl.cli import main\n"
        "kode = main()\n"
        "import gc\n"
        f"print(kode, [m for m in {TIDAK_DIMUAT!r} if m in sys.modules], gc.get_freeze_count() > 0)\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=120)
    assert hasil.stdout.splitlines()[-1] == "0 [] True", hasil.stdout + hasil.stderr
    assert (tmp_path / "k.xlsx").exists()


def test_perintah_dalam_proses_mengembalikan_ambang_gc(tmp_path, salin):
    """``main(argv)`` called in a process that goes on (tests, a script): the collector's
    thresholds are the process's own again afterwards, and nothing was frozen."""
    from iku_xl.cli import main

    buku = salin("contoh_legok_2020.xlsx")
    lama, beku = gc.get_threshold(), gc.get_freeze_count()
    assert main(["laporan", str(buku), "--tahun", "2020", "-o", str(tmp_path / "k.xlsx")]) == 0
    assert gc.get_threshold() == lama
    assert gc.get_freeze_count() == beku


def test_pekerjaan_mengembalikan_ambang_setelah_galat():
    lama = gc.get_threshold()
    try:
        with pekerjaan():
            assert gc.get_threshold() == AMBANG
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.get_threshold() == lama


def test_tombol_menjalankan_pekerjaan_dengan_ambang(monkeypatch):
    """The Excel buttons run their job under the same setting (and give the thresholds back)."""
    from iku_xl.xl import tombol

    dilihat = []

    def rencana(book, tugas, kemajuan):
        dilihat.append(gc.get_threshold())
        raise tombol.IkuError("berhenti di sini")

    class App:
        status_bar = None

        def alert(self, pesan, title):
            dilihat.append(pesan)

    class Book:
        app = App()
        name = "IKU.xlsx"

    monkeypatch.setattr(tombol, "_rencana", rencana)
    monkeypatch.setattr(tombol, "klasik", lambda book: False)
    lama = gc.get_threshold()
    assert tombol.jalankan(Book(), "laporan") == "Galat: berhenti di sini."
    assert dilihat == [AMBANG, "Galat: berhenti di sini."]
    assert gc.get_threshold() == lama


def test_rekap_memakai_pengaturan_gc_python(monkeypatch, tmp_path):
    """The recap (thousands of workbooks in one run) keeps the collector as Python sets it."""
    from iku_xl import cli

    dilihat = []
    monkeypatch.setattr(cli, "_rekap", lambda args, waktu: dilihat.append(gc.get_threshold()) or 0)
    assert cli.main(["rekap", str(tmp_path), "--tahun", "2024", "-o", str(tmp_path / "r.xlsx")]) == 0
    assert dilihat == [gc.get_threshold()] and dilihat[0] != AMBANG
