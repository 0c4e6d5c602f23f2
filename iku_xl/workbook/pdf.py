"""PDF of the report sheets through LibreOffice headless (``iku-xl laporan --pdf``).

The PDF holds only the sheets a job wrote (the Laporan Capaian, Anggaran and chart sheets),
never the input sheets: a temporary copy of the finished workbook keeps just those sheets and
LibreOffice prints it with each sheet's own print setup (A4 landscape, one page wide, header
rows repeated). openpyxl writes formulas without cached values, so LibreOffice must recalculate
on load: a throw-away profile sets ``OOXMLRecalcMode=0`` ("always"), the recipe of tests/lo.py.
soffice exits 0 even when it failed, so success is judged by the PDF file alone. The PDF is
written like every other output (:func:`~iku_xl.workbook.simpan.tulis_aman`: never over an
existing file without ``--timpa``, a backup of the old one kept).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from iku_xl.core.dokumen import lembar_cetak
from iku_xl.core.errors import BerkasTidakValid

#: soffice's own settings: recalculate .xlsx and .ods formulas on every load (the tests' helper too).
PROFIL_HITUNG_ULANG = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
</oor:items>
"""

#: The locale a printed report speaks: Indonesian separators ("13.914.503.100", "83,5") whatever the
#: machine's locale, as Excel on an Indonesian PC prints them.
_LOKAL_ID = """<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>id-ID</value></prop></item>
"""

#: soffice's settings for a PDF: recalculated formulas, Indonesian number display.
PROFIL_PDF = PROFIL_HITUNG_ULANG.replace("</oor:items>", _LOKAL_ID + "</oor:items>")

#: Seconds LibreOffice may take to print one workbook (start-up is ~2 s; a big report ~10 s).
BATAS_WAKTU = 180


def cari_soffice() -> str | None:
    """LibreOffice's ``soffice``: on PATH, or (Windows) where its installer puts it."""
    exe = shutil.which("soffice")
    if exe or sys.platform != "win32":
        return exe
    for akar in (os.environ.get("ProgramFiles"), os.environ.get("ProgramFiles(x86)")):
        calon = Path(akar or "C:/Program Files") / "LibreOffice" / "program" / "soffice.exe"
        if calon.is_file():
            return str(calon)
    return None


def soffice_tidak_ada(tujuan: Path) -> BerkasTidakValid:
    """The error when LibreOffice is not installed (the workbook itself was already written)."""
    return BerkasTidakValid(
        f"PDF '{tujuan.name}' tidak dibuat: LibreOffice (soffice) tidak ditemukan; buku kerjanya tetap disimpan",
        saran="Pasang LibreOffice lalu jalankan lagi: di Debian/Ubuntu 'sudo apt install libreoffice-calc-nogui', "
              "di Windows unduh dan pasang LibreOffice dari https://www.libreoffice.org. Atau buka buku kerjanya "
              "di Excel dan simpan lembar laporan sebagai PDF.")


def path_pdf(keluaran: Path) -> Path:
    """The PDF beside the workbook, with its name.

    >>> path_pdf(Path("IKU_laporan-2020.xlsx")).name
    'IKU_laporan-2020.pdf'
    """
    return Path(keluaran).with_suffix(".pdf")


def lembar_pdf(lembar_tugas: Sequence[str]) -> list[str]:
    """The sheets the PDF of a job prints: the report sheets it wrote, by the core's one list
    (:func:`iku_xl.core.dokumen.lembar_cetak`, the desktop button's too); a job that wrote no
    report (``hitung``'s working sheet) prints what it wrote.

    >>> lembar_pdf(["Laporan Capaian 2020", "Anggaran 2020", "Grafik Capaian 2020"])
    ['Laporan Capaian 2020', 'Anggaran 2020', 'Grafik Capaian 2020']
    >>> lembar_pdf(["Capaian 2020"])
    ['Capaian 2020']
    """
    return lembar_cetak(lembar_tugas) or list(lembar_tugas)


def tulis_pdf(buku: Path, nama_lembar: Sequence[str], tujuan: Path, *, timpa: bool, waktu: dt.datetime,
              batas_waktu: float = BATAS_WAKTU) -> Path | None:
    """Print the sheets ``nama_lembar`` a job wrote (:func:`lembar_pdf` of them) of the workbook
    ``buku`` to the PDF ``tujuan``; return the backup of an older ``tujuan`` (``timpa=True``), if
    any. Raises :class:`BerkasTidakValid` when LibreOffice is missing or fails; ``tujuan`` is then
    left as it was."""
    from iku_xl.workbook.simpan import tulis_aman

    tujuan = Path(tujuan)
    nama_lembar = lembar_pdf(nama_lembar)
    exe = cari_soffice()
    if exe is None:
        raise soffice_tidak_ada(tujuan)
    return tulis_aman(lambda p: _cetak(exe, Path(buku), nama_lembar, Path(p), batas_waktu), tujuan,
                      timpa=timpa, waktu=waktu)


def _salinan_laporan(buku: Path, nama_lembar: Sequence[str], tujuan: Path) -> None:
    """Write ``tujuan``: ``buku`` with only the sheets ``nama_lembar`` (in that order)."""
    import openpyxl

    from iku_xl.workbook.penulis import simpan_buku
    from iku_xl.workbook.tulis import ukuran_grafik

    wb = openpyxl.load_workbook(buku)
    hilang = [n for n in nama_lembar if n not in wb.sheetnames]
    if hilang or not nama_lembar:
        raise BerkasTidakValid(f"lembar {', '.join(repr(n) for n in hilang)} tidak ada di '{buku.name}'",
                               saran="Buat laporannya dulu, lalu cetak PDF-nya.")
    for ws in [ws for ws in (*wb.worksheets, *wb.chartsheets) if ws.title not in nama_lembar]:
        wb.remove(ws)
    # Workbook names that point at removed sheets would be #REF! (or break the load).
    for nama in list(wb.defined_names):
        teks = wb.defined_names[nama].attr_text or ""
        if "!" in teks and not any(n in teks for n in nama_lembar):
            del wb.defined_names[nama]
    wb.active = 0
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == nama_lembar[0]
    ukuran_grafik(wb)  # openpyxl reads a chart sheet's chart back as 0 x 0: LibreOffice would print nothing
    wb.calculation.fullCalcOnLoad = True
    simpan_buku(wb, tujuan)  # the sheet-local print titles and areas numbered right


def _cetak(exe: str, buku: Path, nama_lembar: Sequence[str], tujuan: Path, batas_waktu: float) -> None:
    """Write the PDF ``tujuan`` (any name) of those sheets, recalculated by LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="iku_pdf_") as tmp:
        profil, keluar = Path(tmp) / "profil", Path(tmp) / "keluar"
        (profil / "user").mkdir(parents=True)
        (profil / "user" / "registrymodifications.xcu").write_text(PROFIL_PDF, encoding="utf-8")
        salinan = Path(tmp) / "laporan.xlsx"
        _salinan_laporan(buku, nama_lembar, salinan)
        perintah = [exe, f"-env:UserInstallation={profil.as_uri()}", "--headless", "--invisible",
                    "--norestore", "--nolockcheck", "--nodefault", "--convert-to", "pdf:calc_pdf_Export",
                    "--outdir", str(keluar), str(salinan)]
        # soffice writes to $HOME too; its own process group lets a timeout end soffice.bin as well
        baru = {"start_new_session": True} if os.name == "posix" else {}
        proses = subprocess.Popen(perintah, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  env={**os.environ, "HOME": tmp}, **baru)  # type: ignore[call-overload]
        try:
            log, _ = proses.communicate(timeout=batas_waktu)
        except subprocess.TimeoutExpired:
            if os.name == "posix":
                os.killpg(proses.pid, signal.SIGKILL)
            else:
                proses.kill()
            proses.communicate()
            raise BerkasTidakValid(f"LibreOffice tidak selesai mencetak PDF '{buku.name}' dalam {batas_waktu:g} detik",
                                   saran="Tutup jendela LibreOffice yang terbuka lalu jalankan lagi.") from None
        dibuat = keluar / "laporan.pdf"
        if not dibuat.is_file() or not dibuat.read_bytes().startswith(b"%PDF"):
            ekor = (log or "").strip().splitlines()[-3:]
            raise BerkasTidakValid(
                f"LibreOffice gagal mencetak PDF dari '{buku.name}' (kode keluar {proses.returncode})"
                + (f": {' / '.join(ekor)}" if ekor else ""),
                saran="Tutup LibreOffice bila sedang terbuka lalu jalankan lagi; bila tetap gagal, buka buku "
                      "kerjanya dan simpan lembar laporan sebagai PDF dari Excel atau LibreOffice.")
        shutil.copyfile(dibuat, tujuan)
