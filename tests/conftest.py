"""Shared fixtures: the example workbooks, a fixed clock, golden-file comparison."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

# xlwings registers its remote engine (xlwings Server's Book, which the button tests drive)
# when it is first imported, and only with a licence key. Its PRO parts are PolyForm
# Noncommercial: use by a government unit is permitted use. Set before anything imports xlwings.
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

AKAR = Path(__file__).resolve().parent.parent
WORKBOOKS = AKAR / "workbooks"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The clock every test runs at: reports carry a signature date.
WAKTU = dt.datetime(2025, 1, 15, 9, 0)


def jam_tombol(monkeypatch, waktu: dt.datetime = WAKTU) -> None:
    """Stop the buttons' clock (``sekarang`` of iku_xl.xl.baca_xl and iku_xl.xl.tombol) at ``waktu``."""
    from iku_xl.xl import baca_xl, tombol

    monkeypatch.setattr(baca_xl, "sekarang", lambda: waktu)
    monkeypatch.setattr(tombol, "sekarang", lambda: waktu)


def pytest_addoption(parser):
    parser.addoption("--perbarui-golden", action="store_true",
                     help="rewrite tests/golden/*.json from the current output (review the diff!)")


@pytest.fixture
def salin(tmp_path):
    """Copy a workbook from workbooks/ or tests/fixtures/ into tmp_path; return the copy."""
    def _salin(nama: str) -> Path:
        asal = WORKBOOKS / nama if (WORKBOOKS / nama).exists() else FIXTURES / nama
        tujuan = tmp_path / nama
        shutil.copy2(asal, tujuan)
        return tujuan
    return _salin


@pytest.fixture
def golden(request):
    """Compare a JSON-able value with tests/golden/NAME.json (or rewrite it with --perbarui-golden)."""
    def _banding(nama: str, nilai) -> None:
        path = GOLDEN / f"{nama}.json"
        teks = json.dumps(nilai, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        if request.config.getoption("--perbarui-golden"):
            path.write_text(teks, encoding="utf-8")
            return
        assert path.exists(), f"{path.name} belum ada: jalankan pytest --perbarui-golden lalu periksa isinya"
        assert json.loads(teks) == json.loads(path.read_text(encoding="utf-8"))
    return _banding


def jalankan_cli(capsys, *argv):
    """Run ``iku-xl ARGV`` in this process: (exit code, stdout, stderr). argparse's own exits count,
    and no run may print a traceback."""
    from iku_xl.cli import main

    try:
        kode = main([str(a) for a in argv])
    except SystemExit as e:
        kode = e.code
    keluar = capsys.readouterr()
    assert "Traceback" not in keluar.out + keluar.err
    return kode, keluar.out, keluar.err
