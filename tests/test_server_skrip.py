"""The buttons through xlwings Server: FastAPI's TestClient against the real xlwings-server app,
posting the payload the Office.js client sends. Runs in a subprocess: xlwings must be imported
with XLWINGS_ON_SERVER set, which must not leak into the rest of the test session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from iku_xl.workbook.proses import buat_analisis
from tests.buku_jarak_jauh import kisi_ditulis
from tests.conftest import AKAR, WAKTU
from tests.test_workbook_analisis import KETIK, _baris_kode, _ketik

ANALISIS = "Analisis Capaian 2020"

pytest.importorskip("xlwings_server")

_SKRIP = textwrap.dedent('''
    import json, sys
    from pathlib import Path
    sys.path.insert(0, {akar!r})
    from iku_xl.xl.server import siapkan_lingkungan
    siapkan_lingkungan()
    from fastapi.testclient import TestClient
    from xlwings_server.main import main_app
    import iku_xl.xl.baca_xl as baca_xl, iku_xl.xl.tombol as tombol, datetime as dt
    baca_xl.sekarang = tombol.sekarang = lambda: dt.datetime.fromisoformat({waktu!r})
    from tests.buku_jarak_jauh import payload_dari_berkas
    klien = TestClient(main_app)
    hasil = {{}}
    hasil["meta"] = klien.get("/xlwings/custom-scripts-meta").json()
    r = klien.get("/taskpane")
    hasil["taskpane"] = [r.status_code, r.text]
    r = klien.get("/manifest.xml")
    hasil["manifest"] = [r.status_code, r.headers.get("content-type", ""), r.text]
    payload = payload_dari_berkas(Path({buku!r}))
    for nama in ("iku_hitung_capaian", "iku_validasi", "iku_buat_laporan", "iku_perjanjian_kinerja"):
        r = klien.post(f"/xlwings/custom-scripts-call/{{nama}}", json=payload)
        hasil[nama] = [r.status_code, r.json()]
    # Analisis Capaian on a workbook whose analysis sheet holds staff text: read through the remote Book
    r = klien.post("/xlwings/custom-scripts-call/iku_analisis_capaian", json=payload_dari_berkas(Path({analisis!r})))
    hasil["iku_analisis_capaian"] = [r.status_code, r.json()]
    # Office.js sends a date-formatted cell as an ISO date (xlwings-server's convertDateValues):
    # a target typed 7-8 that Excel turned into 7 August, a realisasi typed 7.8 read as a date
    lembar = {{s["name"]: s for s in payload["sheets"]}}
    lembar["Target"]["values"][8][2] = "2020-08-07T00:00:00.000Z"
    lembar["Realisasi"]["values"][4][6] = "2020-08-07T00:00:00.000Z"
    r = klien.post("/xlwings/custom-scripts-call/iku_validasi", json=payload)
    hasil["tanggal"] = [r.status_code, r.json()]
    print(json.dumps(hasil, default=str))
''')


@pytest.fixture(scope="module")
def jawaban(tmp_path_factory):
    env = {k: v for k, v in os.environ.items() if not k.startswith("XLWINGS_")}
    env["XLWINGS_LICENSE_KEY"] = "noncommercial"
    tmp = tmp_path_factory.mktemp("server")
    analisis = tmp / "legok_analisis.xlsx"
    shutil.copy(AKAR / "workbooks" / "contoh_legok_2020.xlsx", analisis)
    buat_analisis(analisis, None, analisis, timpa=True, waktu=WAKTU)
    _ketik(analisis, ANALISIS)
    kode = _SKRIP.format(akar=str(AKAR), waktu=WAKTU.isoformat(),
                         buku=str(AKAR / "workbooks" / "contoh_legok_2020.xlsx"), analisis=str(analisis))
    keluar = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, env=env,
                            cwd=tmp, timeout=300)
    assert keluar.returncode == 0, keluar.stderr[-3000:]
    return json.loads(keluar.stdout.strip().splitlines()[-1])


def test_skrip_terdaftar(jawaban):
    nama = {m["function_name"] if "function_name" in m else m.get("name") for m in jawaban["meta"]}
    assert {"iku_hitung_capaian", "iku_validasi", "iku_buat_laporan", "iku_perjanjian_kinerja",
            "iku_analisis_capaian"} <= nama


def test_panel_tugas_dan_manifest(jawaban):
    status, html = jawaban["taskpane"]
    assert status == 200
    for skrip, label in (("iku_hitung_capaian", "Hitung Capaian"), ("iku_validasi", "Validasi"),
                         ("iku_buat_laporan", "Buat Laporan"), ("iku_perjanjian_kinerja", "Perjanjian Kinerja"),
                         ("iku_analisis_capaian", "Analisis Capaian")):
        assert f'xw-click="{skrip}"' in html and label in html
    status, jenis, xml = jawaban["manifest"]
    assert status == 200 and "<OfficeApp" in xml and "taskpane" in xml, jenis
    assert '<bt:String id="Functions.Namespace" DefaultValue="IKU" />' in xml  # =IKU.IKU_CAPAIAN(...)


def test_tombol_lewat_server(jawaban):
    for nama, lembar in (("iku_hitung_capaian", "Capaian 2020"), ("iku_validasi", "Hasil Validasi"),
                         ("iku_buat_laporan", "Laporan Capaian 2020"),
                         ("iku_perjanjian_kinerja", "Perjanjian Kinerja 2020"),
                         ("iku_analisis_capaian", ANALISIS)):
        status, isi = jawaban[nama]
        assert status == 200, isi
        aksi = isi["actions"]
        assert [a["args"][1] for a in aksi if a["func"] == "addSheet"][0] == lembar
        [pesan] = [a["args"][0] for a in aksi if a["func"] == "alert"]
        assert pesan.startswith("Selesai:" if nama != "iku_validasi" else "Validasi selesai:")
    laporan = jawaban["iku_buat_laporan"][1]["actions"]
    [nilai] = [a["values"] for a in laporan if a["func"] == "setValues" and a["start_row"] == 0][:1]
    assert nilai[0][0] == "LAPORAN CAPAIAN TARGET INDIKATOR KINERJA UTAMA (IKU) TAHUN 2020"
    assert nilai[5][6] == "=F6/E6*100"


def test_sel_berformat_tanggal_adalah_galat(jawaban):
    """The buttons see formats through the values: a date-formatted target or realisasi is a galat
    that names the cell (and, for a target, the range Excel turned into a date)."""
    status, isi = jawaban["tanggal"]
    assert status == 200, isi
    [pesan] = [a["args"][0] for a in isi["actions"] if a["func"] == "alert"]
    assert pesan.startswith("Validasi selesai: 2 galat")
    assert ("- Lembar 'Target' sel C9 (indikator 3.1): sel berformat tanggal: Excel mengubah '7-8' menjadi "
            "tanggal 07-08-2020. Bila maksudnya rentang, ketik ulang sebagai teks '7-8' (awali dengan tanda "
            "petik, atau format sel sebagai Teks dulu); bila angka, ubah format sel menjadi Angka lalu ketik "
            "ulang nilainya.") in pesan
    assert ("- Lembar 'Realisasi' sel G5 (indikator 1.2): berisi tanggal/waktu 2020-08-07 00:00:00, bukan angka. "
            "Ubah format sel menjadi Angka lalu ketik ulang nilainya.") in pesan


def test_analisis_lewat_server_menyimpan_isian_staf(jawaban, tmp_path):
    """The analysis sheet's Penyebab / Upaya text typed by staff comes back through the remote Book
    (baca_xl hands the old sheet to the core) and is written again on its indicator's row, as
    `iku-xl analisis` does on the file."""
    status, isi = jawaban["iku_analisis_capaian"]
    assert status == 200, isi
    [pesan] = [a["args"][0] for a in isi["actions"] if a["func"] == "alert"]
    assert pesan.startswith(f"Selesai: '{ANALISIS}'.")
    ditulis = kisi_ditulis(isi["actions"], ANALISIS)
    baris = {v: int(a[1:]) for a, v in ditulis.items() if a[0] == "A" and isinstance(v, str) and v[:1].isdigit()}
    for kode, (penyebab, upaya) in KETIK.items():
        dapat = []
        for huruf in "HI":
            v = ditulis.get(f"{huruf}{baris[kode]}") if kode in baris else None
            dapat.append((v[1:] if isinstance(v, str) and v.startswith("'") else v) or None)
        assert tuple(dapat) == (penyebab, upaya), kode
    # the same sheet as the command on the same file (rows included)
    import openpyxl

    salinan = tmp_path / "legok.xlsx"
    shutil.copy(AKAR / "workbooks" / "contoh_legok_2020.xlsx", salinan)
    buat_analisis(salinan, None, salinan, timpa=True, waktu=WAKTU)
    _ketik(salinan, ANALISIS)
    ws = openpyxl.load_workbook(buat_analisis(salinan, None, tmp_path / "cli.xlsx", waktu=WAKTU).keluaran)[ANALISIS]
    assert baris == _baris_kode(ws)


def test_pk_lewat_server(jawaban):
    status, isi = jawaban["iku_perjanjian_kinerja"]
    assert status == 200, isi
    ditulis = kisi_ditulis(isi["actions"], "Perjanjian Kinerja 2020")
    assert "PERJANJIAN KINERJA TAHUN 2020" in {v for v in ditulis.values() if isinstance(v, str)}
