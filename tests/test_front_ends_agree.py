"""One workbook through every front end: the core API, the cell functions called as Excel
calls them, the command line, and the button through xlwings Server's Book. The numbers
must be identical, because every one of them is the core's."""

from __future__ import annotations

import openpyxl
import pytest

import iku_xl
from iku_xl.cli import main
from iku_xl.core.tugas import rencana_capaian
from iku_xl.workbook.baca import buka, lembaran
from iku_xl.xl import fungsi, tombol
from tests.buku_jarak_jauh import buku_jarak_jauh, kisi_ditulis

KOLOM = {"kode": "A", "polaritas": "E", "target": "F", "realisasi": "G", "capaian": "H", "predikat": "I"}


@pytest.fixture
def buku(salin):
    return salin("contoh_legok_2020.xlsx")


def test_angka_sama_di_semua_pintu(buku, tmp_path, capsys):
    # 1. the core, through the job every front end runs
    rencana = rencana_capaian(lembaran(buka(buku)), 2020)
    inti = {b.indikator.kode: (b.capaian.nilai, b.predikat) for b in rencana.baris}
    assert len(inti) == 10

    # 2. the command line
    keluar = tmp_path / "cli.xlsx"
    assert main(["hitung", str(buku), "--tahun", "2020", "-o", str(keluar)]) == 0
    capsys.readouterr()
    ws = openpyxl.load_workbook(keluar)["Capaian 2020"]
    baris = range(5, 5 + len(inti))
    cli = {ws[f"A{r}"].value: (ws[f"H{r}"].value, ws[f"I{r}"].value) for r in baris}
    # openpyxl writes numbers with 16 significant digits ("%.16g"): equal to the last digit
    assert cli == {k: (pytest.approx(c, rel=1e-15), p) for k, (c, p) in inti.items()}

    # 3. the cell functions, given the target, realisasi and polaritas cells as Excel passes them
    metode = [b.indikator.metode_negatif or "2T-R" for b in rencana.baris]
    target = [[ws[f"F{r}"].value] for r in baris]  # the typed values: exact in the file
    realisasi = [[ws[f"G{r}"].value] for r in baris]
    polaritas = [[ws[f"E{r}"].value] for r in baris]
    capaian = fungsi.IKU_CAPAIAN(target, realisasi, polaritas, [[m] for m in metode])
    predikat = fungsi.IKU_PREDIKAT(capaian, "permendagri86")
    udf = {ws[f"A{r}"].value: (c[0], p[0]) for r, c, p in zip(baris, capaian, predikat)}
    assert udf == inti

    # 4. the public Python API, value by value
    api = {k: (iku_xl.hitung_capaian(t[0], r[0], p[0], m), None) for k, t, r, p, m in
           zip(inti, target, realisasi, polaritas, metode)}
    assert {k: v[0] for k, v in api.items()} == {k: v[0] for k, v in inti.items()}

    # 5. the Hitung Capaian button, through xlwings Server's remote Book
    book = buku_jarak_jauh(buku)
    tombol.tombol_hitung(book)
    kisi = kisi_ditulis(book.json()["actions"], "Capaian 2020")
    tombol_ = {kisi[f"A{r}"]: (kisi[f"H{r}"], kisi[f"I{r}"]) for r in baris}
    assert tombol_ == inti
