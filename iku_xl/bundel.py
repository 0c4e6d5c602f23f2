"""The Windows bundle: iku-xl and every wheel it needs, installed by ``pasang.bat`` offline.

Two jobs, one per subcommand:

``python -m iku_xl.bundel buat [-o FOLDER] [--python 3.11 3.12] [--platform win_amd64|ini]``
    (run from a checkout, needs pip and PyPI) builds ``iku-xl-windows-<versi>.zip``: the wheel of
    iku-xl (``pip wheel --no-deps .``), the wheels of every runtime dependency of ``iku-xl[xl]``
    for each Python version (``pip download --only-binary=:all:``), the template
    ``workbooks/templat_iku.xlsm`` and ``pasang.bat``. ``pip download --platform`` evaluates
    environment markers for the machine it runs on (xlwings' ``pywin32; platform_system ==
    "Windows"`` is skipped on Linux), so the wheels are then checked against the target's own
    markers and tags (:func:`periksa_lengkap`) and what is missing is downloaded until nothing is.

``python -m iku_xl.bundel pasang --templat BERKAS``
    (run by ``pasang.bat`` with the new venv's Python) writes that venv's ``pythonw.exe`` as
    ``INTERPRETER_WIN`` and ``INTERPRETER`` into the user's xlwings config (``%USERPROFILE%\\.xlwings\\xlwings.conf``,
    the file xlwings' VBA reads last, keeping the other keys) and copies the template to the
    user's Documents folder without overwriting a file there.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from argparse import SUPPRESS
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from iku_xl.core.errors import BerkasTidakValid, IkuError

AKAR = Path(__file__).resolve().parents[1]
PASANG_BAT = AKAR / "workbooks" / "pasang.bat"
TEMPLAT = AKAR / "workbooks" / "templat_iku.xlsm"
PYTHON_DIDUKUNG = ("3.11", "3.12")  # xlwings 0.37.8 needs >= 3.11; pasang.bat looks for these
EKSTRA = "xl"
#: The keys pasang.bat writes. xlwings.bas reads GetConfig("INTERPRETER_WIN") and, when that is
#: empty, the legacy GetConfig("INTERPRETER") (keys compared in LCase). An xlwings.conf sheet
#: with an empty Interpreter_Win row (templates before issue 11) hides the first key of the
#: user's file but not the second, so both are written.
KUNCI_INTERPRETER = ("INTERPRETER_WIN", "INTERPRETER")


# --- the user's xlwings config ------------------------------------------------------------------

def baca_konfigurasi(teks: str) -> list[tuple[str, str]]:
    """The ``"KEY","value"`` lines of an xlwings.conf file, in order (VBA ``Write #`` format).

    >>> baca_konfigurasi('"INTERPRETER_WIN","C:\\\\py\\\\pythonw.exe"\\r\\n"UDF_MODULES","a;b"\\r\\n')
    [('INTERPRETER_WIN', 'C:\\\\py\\\\pythonw.exe'), ('UDF_MODULES', 'a;b')]
    """
    baris = []
    for kolom in csv.reader(io.StringIO(teks)):
        if not kolom or not kolom[0].strip():
            continue
        baris.append((kolom[0], kolom[1] if len(kolom) > 1 else ""))
    return baris


def tulis_konfigurasi(pasangan: Iterable[tuple[str, str]]) -> str:
    """The file text as VBA's ``Write #`` makes it: each field in double quotes, CRLF.

    >>> tulis_konfigurasi([("INTERPRETER_WIN", "C:\\\\py\\\\pythonw.exe")])
    '"INTERPRETER_WIN","C:\\\\py\\\\pythonw.exe"\\r\\n'
    """
    return "".join(f'"{k}","{v}"\r\n' for k, v in pasangan)


def setel_interpreter(teks_lama: str, interpreter: str) -> str:
    """``teks_lama`` with INTERPRETER_WIN and INTERPRETER set; every other line kept as it was.

    >>> setel_interpreter('"CONDA_PATH","C:\\\\conda"\\r\\n"interpreter_win","lama.exe"\\r\\n', "baru.exe")
    '"CONDA_PATH","C:\\\\conda"\\r\\n"INTERPRETER_WIN","baru.exe"\\r\\n"INTERPRETER","baru.exe"\\r\\n'
    """
    if '"' in interpreter:
        raise BerkasTidakValid(f"Path Python berisi tanda kutip: {interpreter}",
                               saran="Pasang Python di folder yang namanya tanpa tanda kutip.")
    hasil, ditulis = [], set()
    for baris in teks_lama.splitlines(keepends=True):
        kunci = baca_konfigurasi(baris)
        nama = kunci[0][0].strip().upper() if kunci else ""
        if nama in KUNCI_INTERPRETER:
            if nama not in ditulis:  # in place of the first line with that key; repeats dropped
                hasil.append(tulis_konfigurasi([(nama, interpreter)]))
                ditulis.add(nama)
            continue
        hasil.append(baris)
    if hasil and not hasil[-1].endswith(("\r", "\n")):
        hasil[-1] += "\r\n"
    hasil += [tulis_konfigurasi([(k, interpreter)]) for k in KUNCI_INTERPRETER if k not in ditulis]
    return "".join(hasil)


def _nama_bebas(folder: Path, dasar: str, akhiran: str) -> Path:
    """The first of ``dasar+akhiran``, ``dasar (2)+akhiran``, ... that does not exist."""
    calon, n = folder / f"{dasar}{akhiran}", 1
    while calon.exists():
        n += 1
        calon = folder / f"{dasar} ({n}){akhiran}"
    return calon


def pasang_konfigurasi(berkas_conf: Path, interpreter: str) -> Path | None:
    """Write INTERPRETER_WIN into ``berkas_conf``; the old file, when it changes, is kept as a backup.

    Returns the backup's path (None when there was nothing to keep).
    """
    berkas_conf.parent.mkdir(parents=True, exist_ok=True)
    lama_bytes = berkas_conf.read_bytes() if berkas_conf.exists() else None
    lama = lama_bytes.decode("mbcs" if os.name == "nt" else "utf-8", errors="replace") if lama_bytes else ""
    baru = setel_interpreter(lama, interpreter)
    cadangan = None
    if lama_bytes is not None:
        if baru == lama:
            return None
        cadangan = _nama_bebas(berkas_conf.parent, berkas_conf.name + ".cadangan", "")
        cadangan.write_bytes(lama_bytes)
    # VBA's Open ... For Input reads the ANSI code page: a path with non-ASCII letters stays readable
    berkas_conf.write_bytes(baru.encode("mbcs" if os.name == "nt" else "utf-8"))
    return cadangan


def salin_templat(templat: Path, folder: Path) -> tuple[Path, bool]:
    """Copy the template into ``folder``; (path, copied). An identical copy is left alone, a
    different file of that name (the user's work) is never overwritten: the copy gets a new name.

    The bytes are written anew, so the copy carries no Mark of the Web (Zone.Identifier) even
    when the bundle came from a download.
    """
    isi = templat.read_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    tujuan = folder / templat.name
    if tujuan.exists():
        if tujuan.read_bytes() == isi:
            return tujuan, False
        tujuan = _nama_bebas(folder, templat.stem, templat.suffix)
    tujuan.write_bytes(isi)
    return tujuan, True


def _folder_dokumen() -> Path:
    import platformdirs  # the Windows known folder (also when Documents was moved to OneDrive)

    return Path(platformdirs.user_documents_dir())


def _pasang(templat: Path, conf: Path | None, dokumen: Path | None) -> int:
    exe = Path(sys.executable)
    pythonw = exe.with_name("pythonw.exe") if os.name == "nt" else exe
    if not pythonw.exists():
        raise BerkasTidakValid(f"{pythonw} tidak ditemukan",
                               saran="Hapus folder venv iku-xl lalu jalankan pasang.bat lagi.")
    if not templat.is_file():
        raise BerkasTidakValid(f"Templat {templat} tidak ditemukan",
                               saran="Ekstrak seluruh isi zip bundel lalu jalankan pasang.bat dari sana.")
    conf = conf or Path.home() / ".xlwings" / "xlwings.conf"
    cadangan = pasang_konfigurasi(conf, str(pythonw))
    print(f"Konfigurasi xlwings: {conf}")
    print(f"  {' dan '.join(KUNCI_INTERPRETER)} = {pythonw}")
    if cadangan:
        print(f"  Isi lama disimpan sebagai {cadangan}")
    tujuan, disalin = salin_templat(templat, dokumen or _folder_dokumen())
    print(("Templat disalin ke " if disalin else "Templat sudah ada (tidak diubah): ") + str(tujuan))
    return 0


# --- building the bundle ------------------------------------------------------------------------

@dataclass(frozen=True)
class Sasaran:
    """A target machine: its Python version and wheel platform (None: this machine)."""

    python: str
    platform: str | None = "win_amd64"

    def lingkungan(self) -> dict[str, str]:
        """Marker environment of the target (packaging's names)."""
        from packaging.markers import default_environment

        env = dict(default_environment())
        if self.platform is not None:
            if not self.platform.startswith("win"):
                raise BerkasTidakValid(f"Platform {self.platform} tidak didukung",
                                       saran="Pakai win_amd64, atau 'ini' untuk mesin ini.")
            env.update(sys_platform="win32", platform_system="Windows", os_name="nt",
                       platform_machine="AMD64", platform_release="10", platform_version="10.0")
        env.update(python_version=self.python, python_full_version=self.python + ".0",
                   implementation_name="cpython", platform_python_implementation="CPython")
        return env

    def tag(self) -> set:
        """Wheel tags the target's pip accepts."""
        from packaging import tags

        versi = tuple(int(x) for x in self.python.split("."))
        platform = None if self.platform is None else [self.platform]
        return set(tags.cpython_tags(versi, platforms=platform)) | set(
            tags.compatible_tags(versi, platforms=platform))


@dataclass(frozen=True)
class Roda:
    """A wheel file in the bundle."""

    berkas: Path
    nama: str
    versi: str
    tag: frozenset
    requires_python: str | None
    requires: tuple[str, ...]


def baca_roda(berkas: Path) -> Roda:
    from email.parser import HeaderParser

    from packaging.utils import canonicalize_name, parse_wheel_filename

    nama, versi, _, tag = parse_wheel_filename(berkas.name)
    with zipfile.ZipFile(berkas) as z:
        meta = next(n for n in z.namelist() if re.fullmatch(r"[^/]+\.dist-info/METADATA", n))
        pesan = HeaderParser().parsestr(z.read(meta).decode("utf-8"))
    return Roda(berkas, canonicalize_name(nama), str(versi), frozenset(tag),
                pesan.get("Requires-Python"), tuple(pesan.get_all("Requires-Dist") or ()))


def periksa_lengkap(folder: Path, sasaran: Sasaran, akar: str) -> tuple[dict[str, Roda], list[str]]:
    """Resolve ``akar`` (e.g. ``iku-xl[xl]==0.1.0``) from the wheels in ``folder`` for ``sasaran``.

    Follows every Requires-Dist whose marker holds on the target (with the extras asked for),
    picks the newest wheel whose tags the target accepts and whose version fits every
    specifier seen. Returns (name -> wheel, requirements nobody in the folder satisfies).
    """
    from packaging.requirements import Requirement
    from packaging.specifiers import SpecifierSet
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    env, tag = sasaran.lingkungan(), sasaran.tag()
    roda: dict[str, list[Roda]] = {}
    for b in sorted(folder.glob("*.whl")):
        r = baca_roda(b)
        if r.tag & tag and (not r.requires_python
                            or SpecifierSet(r.requires_python).contains(env["python_full_version"])):
            roda.setdefault(r.nama, []).append(r)
    spesifikasi: dict[str, SpecifierSet] = {}
    ekstra: dict[str, set[str]] = {}
    antre, hilang, terpilih = [Requirement(akar)], [], {}
    while antre:
        req = antre.pop()
        nama = canonicalize_name(req.name)
        spesifikasi[nama] = spesifikasi.get(nama, SpecifierSet()) & req.specifier
        ekstra_baru = set(req.extras) - ekstra.setdefault(nama, set())
        cocok = [r for r in roda.get(nama, []) if spesifikasi[nama].contains(r.versi, prereleases=True)]
        if not cocok:
            hilang.append(f"{req.name}{spesifikasi[nama]}")
            terpilih.pop(nama, None)
            continue
        pilih = max(cocok, key=lambda r: Version(r.versi))
        if terpilih.get(nama) == pilih and not ekstra_baru:
            continue
        terpilih[nama] = pilih
        ekstra[nama] |= set(req.extras)
        for teks in pilih.requires:
            anak = Requirement(teks)
            if anak.marker is None or any(anak.marker.evaluate({**env, "extra": e})
                                          for e in ekstra[nama] | {""}):
                antre.append(anak)
    return terpilih, sorted(set(hilang))


def _pip(*argumen: str) -> None:
    perintah = [sys.executable, "-m", "pip", *argumen]
    hasil = subprocess.run(perintah, capture_output=True, text=True)
    if hasil.returncode != 0:
        ekor = "\n".join((hasil.stderr or hasil.stdout).strip().splitlines()[-8:])
        raise BerkasTidakValid(f"pip {argumen[0]} gagal",
                               saran=f"Periksa koneksi ke PyPI lalu ulangi. Keluaran terakhir pip:\n{ekor}")


def _unduh(folder: Path, sasaran: Sasaran, permintaan: Sequence[str]) -> None:
    argumen = ["download", "-q", "-d", str(folder), "--only-binary=:all:", "--find-links", str(folder)]
    if sasaran.platform is not None:
        argumen += ["--platform", sasaran.platform, "--python-version", sasaran.python,
                    "--implementation", "cp"]
    _pip(*argumen, *permintaan)


def versi_proyek(akar: Path = AKAR) -> str:
    """The version in pyproject.toml."""
    import tomllib

    with open(akar / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def teks_pasang_bat(versi: str) -> bytes:
    """pasang.bat as shipped: the template with the version filled in (CRLF kept)."""
    return PASANG_BAT.read_bytes().replace(b"@VERSI@", versi.encode("ascii"))


def buat_bundel(keluaran: Path, python: Sequence[str] = PYTHON_DIDUKUNG,
                platform: str | None = "win_amd64", roda_cache: Path | None = None,
                unduh_selalu: bool = True) -> Path:
    """Build the bundle folder and its zip in ``keluaran``; returns the zip's path.

    ``roda_cache``: a folder of wheels kept between runs (the downloads land there first).
    ``unduh_selalu=False``: ask PyPI only when the cache does not already resolve every
    requirement (the tests; a release build asks PyPI for the newest wheels).
    """
    if not (AKAR / "pyproject.toml").is_file():
        raise BerkasTidakValid("Bundel hanya bisa dibuat dari folder sumber iku-xl (pyproject.toml)",
                               saran="Jalankan dari checkout repositori iku-xl.")
    try:
        import packaging.tags  # noqa: F401  (the wheel tags and markers of the target)
    except ImportError:
        raise BerkasTidakValid("Paket 'packaging' belum terpasang",
                               saran="Jalankan python -m pip install packaging lalu ulangi.") from None
    versi = versi_proyek()
    nama = f"iku-xl-{'windows' if platform == 'win_amd64' else 'ini'}-{versi}"
    folder = keluaran / nama
    if folder.exists():
        shutil.rmtree(folder)
    roda = folder / "wheels"
    roda.mkdir(parents=True)
    cache = roda_cache or roda
    cache.mkdir(parents=True, exist_ok=True)
    for lama in cache.glob("iku_xl-*.whl"):
        lama.unlink()  # always this checkout's own wheel
    _pip("wheel", "-q", "--no-deps", "-w", str(cache), str(AKAR))
    (roda_iku,) = cache.glob("iku_xl-*.whl")
    akar = f"iku-xl[{EKSTRA}]=={versi}"
    dipakai: dict[str, Roda] = {}
    for py in python:
        sasaran = Sasaran(py, platform)
        if unduh_selalu or periksa_lengkap(cache, sasaran, akar)[1]:
            _unduh(cache, sasaran, [f"{roda_iku}[{EKSTRA}]"])
        for _ in range(10):
            terpilih, hilang = periksa_lengkap(cache, sasaran, akar)
            if not hilang:
                break
            _unduh(cache, sasaran, hilang)
        else:
            raise BerkasTidakValid(f"Tidak ada wheel untuk Python {py}: {', '.join(hilang)}",
                                   saran="Periksa apakah paket itu punya wheel untuk platform ini.")
        dipakai.update({r.berkas.name: r for r in terpilih.values()})
    for r in dipakai.values():
        shutil.copy2(r.berkas, roda / r.berkas.name)
    shutil.copy2(TEMPLAT, folder / TEMPLAT.name)
    (folder / "pasang.bat").write_bytes(teks_pasang_bat(versi))
    arsip = keluaran / f"{nama}.zip"
    with zipfile.ZipFile(arsip, "w", zipfile.ZIP_DEFLATED) as z:
        for b in sorted(folder.rglob("*")):
            z.write(b, b.relative_to(keluaran).as_posix())
    return arsip


# --- the command --------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    from iku_xl.cli import _Parser  # argparse with its messages in Bahasa Indonesia

    p = _Parser(prog="python -m iku_xl.bundel",
                description="Bundel Windows iku-xl: buat, atau pasang (dipakai pasang.bat).")
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)
    sub.required = True
    b = sub.add_parser("buat", help="buat zip bundel (butuh PyPI)")
    b.add_argument("-o", "--keluaran", type=Path, default=Path("dist"))
    b.add_argument("--python", nargs="+", default=list(PYTHON_DIDUKUNG))
    b.add_argument("--platform", default="win_amd64", help="win_amd64, atau 'ini' untuk mesin ini")
    b.add_argument("--cache", type=Path, default=None, help="folder wheel yang dipakai ulang")
    q = sub.add_parser("pasang", help="tulis konfigurasi xlwings dan salin templat (dipakai pasang.bat)")
    q.add_argument("--templat", type=Path, required=True)
    q.add_argument("--conf", type=Path, default=None, help=SUPPRESS)
    q.add_argument("--dokumen", type=Path, default=None, help=SUPPRESS)
    a = p.parse_args(argv)
    try:
        if a.perintah == "buat":
            arsip = buat_bundel(a.keluaran, a.python, None if a.platform == "ini" else a.platform,
                                a.cache)
            print(f"Bundel: {arsip}")
            return 0
        return _pasang(a.templat, a.conf, a.dokumen)
    except IkuError as e:
        print(f"GALAT: {e}", file=sys.stderr)  # the message and what to do
        return 2
    except OSError as e:
        print(f"GALAT: {e.filename or ''} {e.strerror or e}".strip(), file=sys.stderr)
        return 2
    except Exception as e:  # a bug: one line in the installer's window, not a traceback
        print(f"GALAT internal ({type(e).__name__}): {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
