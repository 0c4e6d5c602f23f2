"""What the one-click report does to stay fast (issue 14) changes nothing it writes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from iku_xl.core.dokumen.bagian import BULAN, format_tanggal


@pytest.mark.parametrize("bulan", range(1, 13))
def test_format_tanggal_sama_dengan_babel(bulan):
    from babel.dates import format_date

    for tanggal in (dt.date(2025, bulan, 1), dt.date(2021, bulan, 28), dt.date(999, bulan, 9)):
        assert format_tanggal(tanggal) == format_date(tanggal, "d MMMM y", locale="id")
    assert len(BULAN) == 12


def test_perintah_tidak_memuat_numpy_dan_babel(tmp_path, salin):
    """The command line keeps numpy (openpyxl would import it) and Babel off a report's path; numpy
    is still importable afterwards in the same process."""
    contoh_legok = salin("contoh_legok_2020.xlsx")
    kode = (
        "import sys\n"
        "from iku_xl.cli import main\n"
        f"kode = main(['laporan', {str(contoh_legok)!r}, '--tahun', '2020', '-o', {str(tmp_path / 'k.xlsx')!r}])\n"
        "print(kode, 'numpy' in sys.modules, 'babel' in sys.modules)\n"
        "import numpy\n"
        "print(type(numpy.float64(1.5)).__name__)\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=120)
    assert hasil.stdout.splitlines()[-2:] == ["0 False False", "float64"], hasil.stderr
