"""LibreOffice headless as an independent spreadsheet engine for the tests.

LibreOffice does not recalculate an .xlsx on load by default (it shows the cached
values, and openpyxl writes none). Every call here runs soffice with a throw-away
profile whose ``OOXMLRecalcMode=0`` forces "recalculate always", so the converted
file holds LibreOffice's own results. soffice exits 0 even when it failed to load
a file, so success is judged by the output file alone.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

#: Output suffix -> soffice --convert-to argument.
FILTER = {".xlsx": "xlsx:Calc MS Excel 2007 XML", ".pdf": "pdf:calc_pdf_Export", ".ods": "ods"}

from iku_xl.workbook.pdf import PROFIL_HITUNG_ULANG as _XCU  # noqa: E402  one recipe, the product's


class GagalLibreOffice(RuntimeError):
    """soffice did not produce the expected file; the message carries its log."""


def soffice_ada() -> bool:
    """Is LibreOffice's ``soffice`` on PATH?"""
    return shutil.which("soffice") is not None


def konversi(sumber: Sequence[Path], folder: Path, akhiran: str, batas_waktu: float = 180) -> list[Path]:
    """Convert several files in ONE soffice run (~2 s start-up each run) into ``folder``.

    ``akhiran`` is the output suffix (a key of :data:`FILTER`); file stems must be
    unique. Returns ``folder / (stem + akhiran)`` for each input, in order.
    """
    sumber = [Path(s).resolve() for s in sumber]
    if len({s.stem for s in sumber}) != len(sumber):
        raise ValueError("nama berkas (tanpa akhiran) harus unik dalam satu konversi")
    exe = shutil.which("soffice")
    if exe is None:
        raise GagalLibreOffice("soffice tidak ditemukan di PATH")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="iku_lo_") as tmp:
        profil, keluar = Path(tmp) / "profil", Path(tmp) / "keluar"
        (profil / "user").mkdir(parents=True)
        (profil / "user" / "registrymodifications.xcu").write_text(_XCU, encoding="utf-8")
        perintah = [exe, f"-env:UserInstallation={profil.as_uri()}", "--headless", "--invisible",
                    "--norestore", "--nolockcheck", "--nodefault", "--convert-to", FILTER[akhiran],
                    "--outdir", str(keluar), *map(str, sumber)]
        # soffice writes to $HOME too; its own process group lets a timeout kill soffice.bin as well
        proses = subprocess.Popen(perintah, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  env={**os.environ, "HOME": tmp}, start_new_session=True)
        try:
            log, _ = proses.communicate(timeout=batas_waktu)
        except subprocess.TimeoutExpired:
            os.killpg(proses.pid, signal.SIGKILL)
            log = proses.communicate()[0]
            raise GagalLibreOffice(f"soffice melewati batas waktu {batas_waktu} s:\n{log}") from None
        hasil = []
        for s in sumber:
            dibuat = keluar / (s.stem + akhiran)
            if not dibuat.is_file() or dibuat.stat().st_size == 0:
                raise GagalLibreOffice(f"soffice tidak menghasilkan {dibuat.name} dari {s} "
                                       f"(kode keluar {proses.returncode}):\n{log}")
            hasil.append(Path(shutil.move(str(dibuat), folder / dibuat.name)))
        return hasil


def hitung_ulang(src: Path, dst: Path) -> Path:
    """Write ``dst``, ``src`` recalculated by LibreOffice; the format follows ``dst``'s suffix."""
    dst = Path(dst)
    with tempfile.TemporaryDirectory(prefix="iku_lo_") as tmp:
        (dibuat,) = konversi([Path(src)], Path(tmp), dst.suffix.lower())
        shutil.move(str(dibuat), dst)
    return dst


def ke_pdf(src: Path, dst: Path) -> Path:
    """Print ``src`` (recalculated) to the PDF ``dst``."""
    if Path(dst).suffix.lower() != ".pdf":
        raise ValueError(f"{dst} bukan .pdf")
    return hitung_ulang(src, dst)


def beda_rumus(layout, ws) -> list[str]:
    """The formula cells of ``layout`` whose result in ``ws`` (a sheet LibreOffice recalculated,
    loaded with ``data_only=True``) is not the core's ``hasil``: one line each, empty when all agree."""
    import pytest

    beda = []
    for s in layout.sel:
        if not s.rumus:
            continue
        v = ws[s.alamat].value
        if s.hasil == "":
            ok = v in (None, "")
        elif isinstance(s.hasil, str):
            ok = v == s.hasil
        else:
            ok = isinstance(v, int | float) and not isinstance(v, bool) and v == pytest.approx(s.hasil, rel=1e-9)
        if not ok:
            beda.append(f"{layout.nama}!{s.alamat} {s.nilai}: inti {s.hasil!r}, LibreOffice {v!r}")
    return beda
