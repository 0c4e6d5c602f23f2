"""Save without losing what the user wrote.

* The new file is written to a temporary file beside the destination, checked, and moved into
  place in one step: a run that is killed leaves the destination as it was; the next run for that
  destination removes the killed run's temporary file.
* Before an overwrite, a backup ``NAMA.cadangan-TANGGAL-JAM[-N].ext`` is made beside it, under a
  name that did not exist (created exclusively): a backup is never overwritten.
* One iku-xl at a time per workbook: :func:`kunci` takes a lock file beside it (``filelock``);
  a second run is told, in Indonesian, that the workbook is being processed.
* The destination is replaced only if nobody changed it while iku-xl worked (:class:`Sidik`:
  size, modification time and SHA-256 of its bytes).
* The replaced file's permissions (and group) carry over; a new file follows the umask.
* A save that fails (read-only folder, full disk...) is an Indonesian message, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import errno
import gc
import hashlib
import itertools
import logging
import os
import re
import shutil
import stat
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from iku_xl.core.errors import BerkasTidakValid

if TYPE_CHECKING:
    from filelock import BaseFileLock
    from openpyxl import Workbook

#: The start of every name iku-xl puts beside a workbook for itself (lock and temporary files).
AWALAN = ".~iku-xl."
_BLOK = 1 << 20


def path_cadangan(path: Path, waktu: dt.datetime, nomor: int = 1) -> Path:
    """Where the ``nomor``-th backup of ``path`` made in the second ``waktu`` goes: beside it.

    >>> path_cadangan(Path("data/IKU.xlsx"), dt.datetime(2025, 1, 15, 9, 30, 5)).as_posix()
    'data/IKU.cadangan-20250115-093005.xlsx'
    >>> path_cadangan(Path("data/IKU.xlsx"), dt.datetime(2025, 1, 15, 9, 30, 5), 2).as_posix()
    'data/IKU.cadangan-20250115-093005-2.xlsx'
    """
    nomor_ = f"-{nomor}" if nomor > 1 else ""
    return path.with_name(f"{path.stem}.cadangan-{waktu:%Y%m%d-%H%M%S}{nomor_}{path.suffix}")


def path_kunci(path: Path) -> Path:
    """The lock file of ``path``: beside it, hidden, and named as iku-xl's.

    >>> path_kunci(Path("data/IKU 2025.xlsx")).as_posix()
    'data/.~iku-xl.IKU 2025.xlsx.lock'
    """
    return path.with_name(f"{AWALAN}{path.name}.lock")


def _pola_sementara(tujuan: Path) -> re.Pattern[str]:
    """Names of the temporary files of ``tujuan`` (:func:`tempfile.mkstemp`: 8 characters of
    ``[a-z0-9_]``), this version's and the ``.NAMA.xxxxxxxx.ext`` of earlier versions.

    >>> pola = _pola_sementara(Path("IKU.xlsx"))
    >>> [bool(pola.fullmatch(n)) for n in (".~iku-xl.IKU.k2x_9abz.tmp.xlsx", ".IKU.k2x_9abz.xlsx",
    ...                                     ".IKU.k2x_9ab.xlsx", "IKU.k2x_9abz.xlsx", ".IKU.k2x_9abz.xlsm")]
    [True, True, False, False, False]
    """
    acak = r"[a-z0-9_]{8}"
    return re.compile(rf"{re.escape(AWALAN + tujuan.stem)}\.{acak}\.tmp{re.escape(tujuan.suffix)}"
                      rf"|\.{re.escape(tujuan.stem)}\.{acak}{re.escape(tujuan.suffix)}")


@dataclass(frozen=True)
class Sidik:
    """What a file was when iku-xl read it: equal fingerprints, same file content and time."""

    path: Path = field(compare=False)
    ukuran: int
    mtime_ns: int
    sha256: str


def sidik_berkas(path: str | Path) -> Sidik | None:
    """The fingerprint of ``path``; None when it does not exist or is not a regular file
    (nothing is opened that could block, such as a pipe)."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (FileNotFoundError, NotADirectoryError, PermissionError):  # the reader says what is wrong
        return None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):  # a folder, a pipe: the reader says what it is
        os.close(fd)
        return None
    with open(fd, "rb") as f:
        return Sidik(path, st.st_size, st.st_mtime_ns, _salin_hash(f, None))


def _salin_hash(asal: BinaryIO, ke: BinaryIO | None) -> str:
    h = hashlib.sha256()
    for blok in iter(lambda: asal.read(_BLOK), b""):
        h.update(blok)
        if ke is not None:
            ke.write(blok)
    return h.hexdigest()


# --- one iku-xl per workbook ------------------------------------------------------------------

#: Locks this process holds: lock file -> [lock, depth]. A job that locks its source and then
#: writes to it takes the same lock twice; a second flock on the same file would refuse it.
_dipegang: dict[str, list[Any]] = {}


@contextmanager
def kunci(*paths: str | Path) -> Iterator[None]:
    """Hold the lock file of each workbook in ``paths`` (a job: its source and destination).

    A workbook another iku-xl is working on raises :class:`BerkasTidakValid` at once (no waiting).
    The lock file, ``.~iku-xl.NAMA.lock`` beside the workbook, is removed when the job ends (while
    still held, so a run that opened it meanwhile sees an unlinked file and does not count it as
    the lock; filelock checks that). A lock that cannot be taken at all (a read-only folder, a
    file system without locks, a missing folder) is skipped: such a folder is not written by this
    run either, and writing checks the destination's fingerprint anyway.
    """
    disebut = {os.path.normcase(os.path.realpath(p)): Path(p) for p in reversed(paths)}
    with ExitStack() as tumpuk:
        for asli in sorted(disebut):  # one order for every job
            tumpuk.enter_context(_kunci_satu(Path(asli), disebut[asli]))
        yield


@contextmanager
def _kunci_satu(asli: Path, disebut: Path) -> Iterator[None]:
    from filelock import FileLock, Timeout

    berkas_kunci = str(path_kunci(asli))
    if berkas_kunci in _dipegang:
        _dipegang[berkas_kunci][1] += 1
        try:
            yield
        finally:
            _dipegang[berkas_kunci][1] -= 1
        return
    if not asli.parent.is_dir():
        yield  # writing there will say that the folder is missing
        return
    lock: BaseFileLock = FileLock(berkas_kunci, timeout=0, fallback_to_soft=False)
    identitas: os.stat_result | None = None
    try:
        lock.acquire()
        identitas = os.stat(berkas_kunci)
    except Timeout:
        raise BerkasTidakValid(f"buku kerja '{disebut}' sedang diproses oleh iku-xl lain",
                               saran="Tunggu sampai proses itu selesai, lalu jalankan lagi.") from None
    except (OSError, NotImplementedError):  # no lock possible here (read-only folder, no flock)
        if lock.is_locked:
            lock.release()
    if identitas is None:
        yield
        return
    _dipegang[berkas_kunci] = [lock, 1]
    try:
        yield
    finally:
        del _dipegang[berkas_kunci]
        if os.name == "posix":  # Windows: filelock removes it after the release
            with suppress(OSError):
                if os.path.samestat(os.stat(berkas_kunci), identitas):
                    os.unlink(berkas_kunci)
        lock.release()


# --- writing --------------------------------------------------------------------------------

def simpan(wb: Workbook, tujuan: Path, *, timpa: bool, waktu: dt.datetime, sidik: Sidik | None = None,
           periksa: Callable[[Path], None] | None = None, opsi_nama: str | None = "-o") -> Path | None:
    """Write ``wb`` to ``tujuan`` safely; return the backup made, if any. See :func:`tulis_aman`.
    The workbook goes through :func:`~iku_xl.workbook.penulis.simpan_buku` (sheet-local names
    numbered as Excel counts sheets)."""
    from iku_xl.workbook.penulis import simpan_buku

    return tulis_aman(lambda p: simpan_buku(wb, p), tujuan, timpa=timpa, waktu=waktu, sidik=sidik, periksa=periksa,
                      opsi_nama=opsi_nama)


def tulis_aman(tulis: Callable[[str], object], tujuan: Path, *, timpa: bool, waktu: dt.datetime,
               sidik: Sidik | None = None, periksa: Callable[[Path], None] | None = None,
               opsi_nama: str | None = "-o") -> Path | None:
    """Run ``tulis(path)`` into a temporary file beside ``tujuan`` and move it into place;
    return the backup made, if any.

    An existing ``tujuan`` is replaced only with ``timpa=True``, after a copy of it was kept
    beside it (:func:`path_cadangan`), and only if it is still what it was when this call began
    and, when ``sidik`` is the fingerprint of the same file (the job's source, taken before
    reading it), what it was then. ``periksa(temporary file)`` runs on the finished file before
    it replaces anything; if it raises, nothing is written. The destination's lock
    (:func:`kunci`) is held throughout. Every failure leaves ``tujuan`` as it was, and no
    temporary file or backup behind. ``opsi_nama``: the command's option that names the output
    (None: the command has none), for the message about an existing ``tujuan``.
    """
    tujuan = Path(tujuan)
    folder = tujuan.parent
    if not folder.is_dir():
        raise BerkasTidakValid(f"folder '{folder}' tidak ada", saran="Buat foldernya dulu atau pilih folder lain.")
    with kunci(tujuan):
        _bersihkan_sementara(tujuan)
        awal = _keadaan_awal(tujuan, timpa, opsi_nama)
        if sidik is not None and _sama_path(sidik.path, tujuan) and (awal is None or awal[1] != sidik):
            raise _berubah(tujuan)
        sementara: Path | None = None
        cadangan: Path | None = None
        try:
            sementara = _buat_sementara(tujuan)
            _jalankan(tulis, sementara)
            if periksa is not None:
                periksa(sementara)
            _atur_izin(sementara, awal[0] if awal else None)
            if awal is not None:
                cadangan, kini = _buat_cadangan(tujuan, waktu)
                if kini != awal[1]:
                    raise _berubah(tujuan)
            elif os.path.lexists(tujuan):
                raise _berubah(tujuan)
            try:
                os.replace(sementara, tujuan)
            except PermissionError:
                raise BerkasTidakValid(f"berkas '{tujuan}' tidak dapat ditimpa (mungkin sedang dibuka di Excel, "
                                       "atau Anda tidak berhak menimpanya)",
                                       saran="Tutup berkas di Excel lalu jalankan lagi.") from None
            sementara = None
            return cadangan
        except OSError as e:
            raise _galat_simpan(e, tujuan) from None
        finally:
            for sisa in (sementara, cadangan if sementara is not None else None):
                if sisa is not None:
                    with suppress(OSError):
                        os.unlink(sisa)


def _sama_path(a: Path, b: Path) -> bool:
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def _keadaan_awal(tujuan: Path, timpa: bool, opsi_nama: str | None) -> tuple[os.stat_result, Sidik] | None:
    """The destination as this write finds it, or None when it does not exist."""
    try:
        st = os.stat(tujuan)
    except FileNotFoundError:
        return None
    if not timpa:
        nama_lain = f"Pilih nama lain dengan {opsi_nama}" if opsi_nama else "Pilih nama berkas lain"
        raise BerkasTidakValid(f"berkas '{tujuan}' sudah ada",
                               saran=f"{nama_lain}, atau tambahkan --timpa (salinan cadangan berkas lama akan "
                                     "dibuat).")
    if not stat.S_ISREG(st.st_mode):
        raise BerkasTidakValid(f"'{tujuan}' bukan berkas biasa (mungkin folder); iku-xl tidak menimpanya",
                               saran="Pilih nama berkas hasil yang lain.")
    sidik = sidik_berkas(tujuan)
    if sidik is None:
        raise _berubah(tujuan)
    return st, sidik


def _berubah(tujuan: Path) -> BerkasTidakValid:
    return BerkasTidakValid(f"berkas '{tujuan}' diubah oleh orang atau program lain selama iku-xl bekerja; "
                            "tidak ada yang ditulis",
                            saran="Simpan dan tutup berkas itu di program lain, lalu jalankan iku-xl lagi.")


def _buat_sementara(tujuan: Path) -> Path:
    fd, nama = tempfile.mkstemp(prefix=f"{AWALAN}{tujuan.stem}.", suffix=f".tmp{tujuan.suffix}", dir=tujuan.parent)
    os.close(fd)
    return Path(nama)


def _bersihkan_sementara(tujuan: Path) -> None:
    """Remove the temporary files that killed runs left for ``tujuan`` (its lock is held:
    no live iku-xl is writing them)."""
    pola = _pola_sementara(tujuan)
    with suppress(OSError), os.scandir(tujuan.parent) as isi:
        for e in isi:
            if pola.fullmatch(e.name) and e.is_file(follow_symlinks=False) and _sisa_tulisan(e.path):
                with suppress(OSError):
                    os.unlink(e.path)


def _sisa_tulisan(path: str) -> bool:
    """An empty file or the start of a zip: what a killed save leaves."""
    with open(path, "rb") as f:
        return f.read(4) in (b"", b"PK\x03\x04")


def _jalankan(tulis: Callable[[str], object], sementara: Path) -> None:
    """``tulis(sementara)``; if it fails, the half-written zip file objects it leaves (their
    ``__del__`` would print "Exception ignored ..." on stderr) are finished here, silently."""
    try:
        tulis(str(sementara))
    except BaseException as e:
        lama = sys.unraisablehook
        sys.unraisablehook = lambda u: logging.getLogger(__name__).debug("diabaikan: %r", u.exc_value)
        try:
            galat: BaseException | None = e
            while galat is not None:
                traceback.clear_frames(galat.__traceback__)
                galat = galat.__cause__ or galat.__context__
            gc.collect()
        finally:
            sys.unraisablehook = lama
        raise


def _atur_izin(sementara: Path, lama: os.stat_result | None) -> None:
    """The permissions of the file replaced (owner and group where allowed), or those of a new
    file under the umask; mkstemp made the temporary file 0600."""
    if lama is None:
        os.chmod(sementara, 0o666 & ~_umask())
        return
    if hasattr(os, "chown"):
        with suppress(OSError):
            os.chown(sementara, lama.st_uid if os.geteuid() == 0 else -1, lama.st_gid)
    os.chmod(sementara, stat.S_IMODE(lama.st_mode))


def _umask() -> int:
    nilai = os.umask(0o022)
    os.umask(nilai)
    return nilai


def _buat_cadangan(tujuan: Path, waktu: dt.datetime) -> tuple[Path, Sidik]:
    """Copy ``tujuan`` to a backup name not used before; return it and the fingerprint of the
    bytes copied."""
    for nomor in itertools.count(1):
        cadangan = path_cadangan(tujuan, waktu, nomor)
        try:  # 0600 until the copy is complete, then the original's permissions
            fd = os.open(cadangan, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except FileExistsError:
            continue
        break
    try:
        with open(fd, "wb") as ke, open(tujuan, "rb") as asal:
            st = os.fstat(asal.fileno())
            sidik = Sidik(tujuan, st.st_size, st.st_mtime_ns, _salin_hash(asal, ke))
            ke.flush()
            os.fsync(ke.fileno())
        shutil.copystat(tujuan, cadangan)
        if hasattr(os, "chown"):
            with suppress(OSError):
                os.chown(cadangan, -1, st.st_gid)
    except BaseException:
        with suppress(OSError):
            os.unlink(cadangan)
        raise
    return cadangan, sidik


def _galat_simpan(e: OSError, tujuan: Path) -> BerkasTidakValid:
    """A failed save as a message that says what to do."""
    folder = tujuan.parent
    lain = "Simpan hasilnya di folder lain yang dapat Anda tulis, atau minta izin menulis ke pengelola folder."
    if e.errno in (errno.EACCES, errno.EPERM):
        return BerkasTidakValid(f"folder '{folder}' tidak dapat ditulis (tidak ada izin menulis)", saran=lain)
    if e.errno == errno.EROFS:
        return BerkasTidakValid(f"folder '{folder}' hanya dapat dibaca (read-only)", saran=lain)
    if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return BerkasTidakValid(f"disk penuh: berkas '{tujuan}' tidak dapat disimpan",
                                saran="Kosongkan ruang disk (atau kuota Anda), lalu jalankan lagi. Berkas yang "
                                      "sudah ada tidak diubah.")
    if e.errno == errno.EFBIG:
        return BerkasTidakValid(f"berkas '{tujuan}' terlalu besar untuk disk atau folder itu",
                                saran="Simpan hasilnya di disk lain (mis. bukan flashdisk berformat FAT32).")
    if e.errno in (errno.ENOENT, errno.ENOTDIR):
        return BerkasTidakValid(f"folder '{folder}' tidak ada (lagi)", saran="Buat foldernya dulu atau pilih folder lain.")
    kode = errno.errorcode.get(e.errno, str(e.errno)) if e.errno is not None else type(e).__name__
    return BerkasTidakValid(f"berkas '{tujuan}' tidak dapat disimpan (galat sistem {kode})",
                            saran="Periksa disk dan folder tujuan, lalu jalankan lagi. Berkas yang sudah ada tidak "
                                  "diubah.")
