"""The cell functions through xlwings Server, as the Office.js add-in calls them.

A subprocess sets ``XLWINGS_ON_SERVER=true`` and the licence key before xlwings is first
imported, points ``XLWINGS_PROJECT_DIR`` at ``iku_xl/xl/server_proyek`` (whose
``custom_functions`` package xlwings-server imports) and drives the FastAPI app with
TestClient: ``GET /xlwings/custom-functions-meta`` (what Excel registers),
``GET /xlwings/custom-functions-code`` (the JavaScript that binds the names) and
``POST /xlwings/custom-functions-call`` with the body the add-in sends
(xlwings_server/static/js/custom-functions/custom-functions-code.js, ``base``): every
argument a 2-D matrix, an omitted optional argument ``null``, an empty cell ``null``,
an error cell an Office.js error value. The results must equal the plain Python ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iku_xl.xl.fungsi import (
    FUNGSI,
    IKU_CAPAIAN,
    IKU_IKM,
    IKU_MUTU,
    IKU_PREDIKAT,
    IKU_RASIO,
    IKU_REALISASI,
    IKU_VALIDASI,
)

pytest.importorskip("xlwings_server", reason="xlwings-server (optional, PolyForm Noncommercial) not installed")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx")

AKAR = Path(__file__).resolve().parent.parent
PROYEK = AKAR / "iku_xl" / "xl" / "server_proyek"

GALAT_DIV0 = {"type": "Error", "basicType": "Error", "basicValue": "#DIV/0!", "errorType": "Div0"}
SEED = "Persentase pengaduan masyarakat tentang layanan publik yang ditindaklanjuti"

#: (function, args as Office.js sends them, the same call in plain Python)
PANGGILAN = [
    ("IKU_CAPAIAN", [[[90]], [[92]], None, None], lambda: IKU_CAPAIAN(90, 92)),
    ("IKU_CAPAIAN", [[["80-90"]], [[70]], [["positif"]], None], lambda: IKU_CAPAIAN("80-90", 70, "positif")),
    ("IKU_CAPAIAN", [[[90], [80], ["7 - 8"], [4]], [[92], [None], [6.5], ["abc"]], [["negatif"]], None],
     lambda: IKU_CAPAIAN([[90], [80], ["7 - 8"], [4]], [[92], [None], [6.5], ["abc"]], "negatif")),
    ("IKU_CAPAIAN", [[[90, "B"]], [[92, "BB"]], None, None], lambda: IKU_CAPAIAN([[90, "B"]], [[92, "BB"]])),
    ("IKU_CAPAIAN", [[[90]], [["abc"]], None, None], lambda: IKU_CAPAIAN(90, "abc")),
    ("IKU_CAPAIAN", [[[90]], [[GALAT_DIV0]], None, None], lambda: IKU_CAPAIAN(90, "#DIV/0!")),
    ("IKU_CAPAIAN", [[[90]], [[None]], None, None], lambda: IKU_CAPAIAN(90, None)),
    ("IKU_CAPAIAN", [[[90]], [[""]], None, None], lambda: IKU_CAPAIAN(90, "")),
    ("IKU_CAPAIAN", [[[4]], [[3]], [["negatif"]], [["T/R"]]], lambda: IKU_CAPAIAN(4, 3, "negatif", "T/R")),
    ("IKU_PREDIKAT", [[[95], [70], [None]], [["permenpanrb8"]]],
     lambda: IKU_PREDIKAT([[95], [70], [None]], "permenpanrb8")),
    ("IKU_PREDIKAT", [[[95]], None], lambda: IKU_PREDIKAT(95)),
    ("IKU_PREDIKAT", [[[95]], [["bappenas"]]], lambda: IKU_PREDIKAT(95, "bappenas")),
    ("IKU_REALISASI", [[[10, 12, None, 8], [80, 85, 90, None]], [["jumlah"], ["nilai terakhir"]]],
     lambda: IKU_REALISASI([[10, 12, None, 8], [80, 85, 90, None]], [["jumlah"], ["nilai terakhir"]])),
    ("IKU_REALISASI", [[[10, 12, None, 8]], None], lambda: IKU_REALISASI([[10, 12, None, 8]])),
    ("IKU_REALISASI", [[[10, 12, 8]], [["jumlah"]]], lambda: IKU_REALISASI([[10, 12, 8]], "jumlah")),
    ("IKU_RASIO", [[[45]], [[50]]], lambda: IKU_RASIO(45, 50)),
    ("IKU_RASIO", [[[45], [1]], [[0], [4]]], lambda: IKU_RASIO([[45], [1]], [[0], [4]])),
    ("IKU_VALIDASI", [[[SEED]], [["Kgt"]], [["Cukup jelas"]], None, None],
     lambda: IKU_VALIDASI(SEED, "Kgt", "Cukup jelas")),
    ("IKU_VALIDASI", [[["Jumlah kegiatan sosialisasi"]], [["Kegiatan"]], [["Jumlah kegiatan yang dilaksanakan"]],
                      [[5, 6, 600]], [[5, None, None]]],
     lambda: IKU_VALIDASI("Jumlah kegiatan sosialisasi", "Kegiatan", "Jumlah kegiatan yang dilaksanakan",
                          [[5, 6, 600]], [[5, None, None]])),
    ("IKU_VALIDASI", [[["Persentase desa maju"]], [["%"]], [["Realisasi desa maju/Jumlah Desa*100"]], None, None],
     lambda: IKU_VALIDASI("Persentase desa maju", "%", "Realisasi desa maju/Jumlah Desa*100")),
    ("IKU_IKM", [[[4, 3, 3, 4, 3, 3, 4, 3, 3], [3, 3, 4, 4, 3, 3, 3, 3, None]]],
     lambda: IKU_IKM([[4, 3, 3, 4, 3, 3, 4, 3, 3], [3, 3, 4, 4, 3, 3, 3, 3, None]])),
    ("IKU_IKM", [[[4, 3, 3, 4, 5, 3, 4, 3, 3]]], lambda: IKU_IKM([[4, 3, 3, 4, 5, 3, 4, 3, 3]])),
    ("IKU_IKM", [[[4, 3, 3, 4, GALAT_DIV0, 3, 4, 3, 3]]], lambda: IKU_IKM([[4, 3, 3, 4, "#DIV/0!", 3, 4, 3, 3]])),
    ("IKU_IKM", [[[4, 3, 3]]], lambda: IKU_IKM([[4, 3, 3]])),
    ("IKU_MUTU", [[[88.31], [76.6], [None]]], lambda: IKU_MUTU([[88.31], [76.6], [None]])),
    ("IKU_MUTU", [[[81.94]]], lambda: IKU_MUTU(81.94)),
]

B = 1e308
TAK_HINGGA = "#IKU! hasil terlalu besar untuk dihitung"
TANGGAL = "#IKU! target 45876 tampaknya tanggal 07-08-2025: ketik sebagai teks '7-8'"

#: (function, args, the result the endpoint must give): results JSON cannot carry (infinite or NaN)
#: were an HTTP 500; each function with inputs that overflow, and IKU_CAPAIAN's date-like targets.
KHUSUS = [
    ("IKU_CAPAIAN", [[[1e-300]], [[1e300]], None, None], [["#IKU! capaian terlalu besar untuk dihitung"]]),
    ("IKU_CAPAIAN", [[[1e300]], [[1e-300]], [["negatif"]], [["T/R"]]],
     [["#IKU! capaian terlalu besar untuk dihitung"]]),
    ("IKU_CAPAIAN", [[[B], [1e-300]], [[B], [1e300]], None, None],
     [[100.0], ["#IKU! capaian terlalu besar untuk dihitung"]]),
    ("IKU_RASIO", [[[1e300]], [[1e-300]]], [[TAK_HINGGA]]),
    ("IKU_RASIO", [[[B], [45]], [[0.5], [50]]], [[TAK_HINGGA], [90.0]]),
    ("IKU_REALISASI", [[[B, B, None, None]], [["jumlah"]]], [[TAK_HINGGA]]),
    ("IKU_REALISASI", [[[B, B, B, B]], [["rata-rata"]]], [[TAK_HINGGA]]),
    ("IKU_REALISASI", [[[B, B, B, B], [1, 2, 3, 4]], [["jumlah"], ["jumlah"]]], [[TAK_HINGGA], [10.0]]),
    ("IKU_REALISASI", [[[B, B, B, B]], [["nilai terakhir"]]], [[B]]),
    ("IKU_PREDIKAT", [[[B]], None], [["Sangat Tinggi"]]),
    ("IKU_PREDIKAT", [[["1e400"]], None], [["#IKU! capaian: '1e400' bukan angka yang jelas"]]),
    ("IKU_VALIDASI", [[["Persentase desa maju"]], [["%"]], [["Realisasi desa maju/Jumlah Desa*100"]],
                      [[B, 1e-300, 50]], [[B, B, 1e-300]]], None),  # text, not a 500
    # a target typed 7-8 that Excel made a date (7 August 2025) arrives as its serial number
    ("IKU_CAPAIAN", [[[45876]], [[7.5]], None, None], [[TANGGAL]]),
    ("IKU_CAPAIAN", [[[45876], [90], ["7-8"], [50000]], [[7.5], [92], [7.5], [48000]], None, None],
     [[TANGGAL], [102.22222222222221], [100.0], [96.0]]),
    ("IKU_CAPAIAN", [[[45876]], [[7.5], [92]], None, None], [[TANGGAL], [TANGGAL]]),
    ("IKU_CAPAIAN", [[[45876.5]], [[7.5]], None, None], [[7.5 / 45876.5 * 100]]),  # not a whole day
    ("IKU_CAPAIAN", [[[90]], [[45876]], None, None], [[45876 / 90 * 100]]),  # only the target is checked
]

_SKRIP = r"""
import json, sys
import xlwings as xw
from fastapi.testclient import TestClient
from xlwings_server.main import main_app

panggilan = json.loads(sys.stdin.read())
klien = TestClient(main_app)
meta = klien.get("/xlwings/custom-functions-meta")
kode = klien.get("/xlwings/custom-functions-code")
hasil = []
for nama, args in panggilan:
    badan = {"client": "Office.js", "func_name": nama, "args": args,
             "caller_address": "[templat_iku.xlsx]Capaian!G7", "session_id": "uji-iku-xl",
             "culture_info_name": "id-ID", "date_format": "dd/MM/yyyy",
             "version": xw.__version__, "runtime": "1.4"}
    r = klien.post("/xlwings/custom-functions-call", json=badan)
    hasil.append([r.status_code, r.json()])
import custom_functions
print(json.dumps({"meta": [meta.status_code, meta.json()], "kode": [kode.status_code, kode.text],
                  "hasil": hasil, "custom_functions": custom_functions.__file__}))
"""


@pytest.fixture(scope="module")
def server() -> dict:
    env = dict(os.environ, XLWINGS_ON_SERVER="true", XLWINGS_LICENSE_KEY="noncommercial",
               XLWINGS_PROJECT_DIR=str(PROYEK),
               PYTHONPATH=os.pathsep.join([str(PROYEK), str(AKAR), os.environ.get("PYTHONPATH", "")]))
    masukan = json.dumps([[nama, args] for nama, args, _ in PANGGILAN + KHUSUS])
    keluar = subprocess.run([sys.executable, "-c", _SKRIP], input=masukan, capture_output=True, text=True,
                            cwd=AKAR, env=env, timeout=300)
    assert keluar.returncode == 0, keluar.stderr[-3000:]
    return json.loads(keluar.stdout.splitlines()[-1])


def test_paket_custom_functions_dari_proyek(server):
    assert Path(server["custom_functions"]) == PROYEK / "custom_functions" / "__init__.py"


def test_meta_lima_fungsi_berketerangan_indonesia(server):
    status, meta = server["meta"]
    assert status == 200
    fungsi = {f["id"]: f for f in meta["functions"]}
    assert sorted(fungsi) == sorted(f.nama for f in FUNGSI)  # no xlwings-server examples
    for spek in FUNGSI:
        f = fungsi[spek.nama]
        assert f["name"] == spek.nama
        assert f["description"] == spek.keterangan
        assert f["result"] == {"dimensionality": "matrix", "type": "any"}
        assert [(p["name"], p["description"], p["dimensionality"], p.get("optional", False))
                for p in f["parameters"]] == \
            [(a.nama, a.keterangan, "matrix", a.opsional) for a in spek.argumen]
    assert fungsi["IKU_CAPAIAN"]["description"].startswith(
        "Capaian (%) dari realisasi terhadap target, sesuai PermenPANRB 8/2021.")
    assert meta["allowErrorForDataTypeAny"] is True  # error cells reach Python (as "#N/A" text)


def test_kode_javascript_mengikat_nama(server):
    status, kode = server["kode"]
    assert status == 200
    for spek in FUNGSI:
        assert f'CustomFunctions.associate("{spek.nama}", {spek.nama});' in kode


@pytest.mark.parametrize("i", range(len(PANGGILAN)), ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(PANGGILAN)])
def test_hasil_sama_dengan_python(server, i):
    status, jawaban = server["hasil"][i]
    assert status == 200, jawaban
    harapan = PANGGILAN[i][2]()
    assert jawaban == {"result": harapan if isinstance(harapan, list) else [[harapan]]}


def test_contoh_hasil_server(server):
    hasil = {i: r[1]["result"] for i, r in enumerate(server["hasil"])}
    assert hasil[0] == [[102.22222222222221]]
    assert hasil[2] == [[97.77777777777777], [""], [107.14285714285714], ["#IKU! realisasi: 'abc' bukan angka yang jelas"]]
    assert hasil[5] == [["#IKU! realisasi: berisi galat Excel #DIV/0!"]]
    assert hasil[6] == hasil[7] == [[""]]
    assert hasil[12] == [[30.0], [90.0]]
    assert hasil[16] == [["#IKU! penyebut 0: realisasi tidak dapat dihitung"], [25.0]]


@pytest.mark.parametrize("i", range(len(KHUSUS)), ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(KHUSUS)])
def test_tak_hingga_dan_tanggal_menjadi_pesan(server, i):
    status, jawaban = server["hasil"][len(PANGGILAN) + i]
    assert status == 200, jawaban
    harapan = KHUSUS[i][2]
    if harapan is None:
        assert isinstance(jawaban["result"][0][0], str) and jawaban["result"][0][0]
    else:
        assert jawaban == {"result": harapan}


def test_ikm_lewat_server(server):
    hasil = {PANGGILAN[i][0] + str(i): r[1]["result"] for i, r in enumerate(server["hasil"][:len(PANGGILAN)])}
    ikm = [v for k, v in hasil.items() if k.startswith("IKU_IKM")]
    assert ikm == [[[81.94444444444444]], [["#IKU! jawaban baris 1 kolom 5: nilai 5 di luar skala 1-4"]],
                   [["#IKU! jawaban baris 1 kolom 5: berisi galat Excel #DIV/0!"]],
                   [["#IKU! jawaban harus 9 kolom (U1-U9), bukan 3"]]]
    assert [v for k, v in hasil.items() if k.startswith("IKU_MUTU")] == [[["A"], ["C"], [""]], [["B"]]]
