"""Saving never loses anything: backups never reused, one iku-xl per workbook, no overwrite of a
file changed meanwhile, permissions kept, the workbook type kept, killed runs and failed saves
(read-only folder, full disk) leave everything as it was, with an Indonesian message.

Concurrent and killed runs, and the real full disk / read-only folder, run in subprocesses
(``python -m iku_xl``, as staff run it). The tests run as root here, where ``chmod`` does not stop
writes: a read-only folder is a read-only bind mount (EROFS) and a run as uid 65534 (EACCES); a
full disk is a small tmpfs (ENOSPC). Each is skipped where mounting or changing user is not
permitted, and also tested with the error monkeypatched in.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pytest

from iku_xl.cli import main
from iku_xl.core.errors import BerkasTidakValid
from iku_xl.workbook import proses
from iku_xl.workbook.simpan import kunci, path_kunci, sidik_berkas, simpan, tulis_aman

WAKTU = dt.datetime(2025, 1, 15, 9, 0)
SIBUK = "sedang diproses oleh iku-xl lain. Tunggu sampai proses itu selesai, lalu jalankan lagi."
BERUBAH = ("diubah oleh orang atau program lain selama iku-xl bekerja; tidak ada yang ditulis. Simpan dan tutup "
           "berkas itu di program lain, lalu jalankan iku-xl lagi.")
#: Wait for a subprocess; "does not hang" bound, not a speed goal.
BATAS = 120


def _hash(p: Path) -> str:
    return hashlib.sha256(Path(p).read_bytes()).hexdigest()


def _isi(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _cadangan(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".cadangan-" in p.name)


def _lembar(p: Path) -> list[str]:
    wb = openpyxl.load_workbook(p, read_only=True)
    try:
        return wb.sheetnames
    finally:
        wb.close()


def _iku(*argv, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "iku_xl", *map(str, argv)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def _selesai(pr: subprocess.Popen) -> tuple[int, str, str]:
    out, err = pr.communicate(timeout=BATAS)
    assert "Traceback" not in out + err and "Exception ignored" not in err
    return pr.returncode, out, err


def _cli(capsys, *argv) -> tuple[int, str, str]:
    kode = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return kode, out, err


# --- backups --------------------------------------------------------------------------------

def test_cadangan_dalam_satu_detik_tidak_saling_menimpa(salin):
    """Three overwrites stamped with the same second: three backups, each the version it replaced."""
    path = salin("contoh_legok_2020.xlsx")
    versi = [path.read_bytes()]
    for kerja in (proses.buat_laporan, proses.hitung, proses.validasi):
        kerja(path, keluaran=path, timpa=True, waktu=WAKTU)
        versi.append(path.read_bytes())
    cadangan = _cadangan(path.parent)
    assert [p.name for p in cadangan] == ["contoh_legok_2020.cadangan-20250115-090000-2.xlsx",
                                          "contoh_legok_2020.cadangan-20250115-090000-3.xlsx",
                                          "contoh_legok_2020.cadangan-20250115-090000.xlsx"]
    assert [p.read_bytes() for p in (cadangan[2], cadangan[0], cadangan[1])] == versi[:3]
    assert _isi(path.parent) == sorted([path.name, *(p.name for p in cadangan)])  # no lock or temp file left


def test_cadangan_tidak_menimpa_apa_pun_yang_sudah_ada(tmp_path):
    """A file, or a symlink planted by someone else, at the backup's name is left alone."""
    tujuan = tmp_path / "IKU.xlsx"
    tujuan.write_bytes(b"versi 1")
    (tmp_path / "IKU.cadangan-20250115-090000.xlsx").write_bytes(b"cadangan lama")
    korban = tmp_path / "korban.txt"
    korban.write_bytes(b"milik orang lain")
    (tmp_path / "IKU.cadangan-20250115-090000-2.xlsx").symlink_to(korban)
    cadangan = tulis_aman(lambda p: Path(p).write_bytes(b"versi 2"), tujuan, timpa=True, waktu=WAKTU)
    assert cadangan == tmp_path / "IKU.cadangan-20250115-090000-3.xlsx"
    assert cadangan.read_bytes() == b"versi 1" and tujuan.read_bytes() == b"versi 2"
    assert (tmp_path / "IKU.cadangan-20250115-090000.xlsx").read_bytes() == b"cadangan lama"
    assert korban.read_bytes() == b"milik orang lain"


def test_tiga_timpa_berturut_turut_lewat_cli(salin):
    """Three back-to-back `--timpa` runs, as staff run them: three backups, the three versions."""
    path = salin("contoh_legok_2020.xlsx")
    versi = []
    for perintah in ("laporan", "hitung", "validasi"):
        versi.append(_hash(path))
        kode, _, _ = _selesai(_iku(perintah, path, "-o", path, "--timpa"))
        assert kode == 0
    cadangan = _cadangan(path.parent)
    assert len(cadangan) == 3
    assert sorted(_hash(p) for p in cadangan) == sorted(versi)
    assert {"Laporan Capaian 2020", "Capaian 2020", "Hasil Validasi"} <= set(_lembar(path))


# --- one iku-xl per workbook ----------------------------------------------------------------

_PEGANG = textwrap.dedent("""
    import sys
    from iku_xl.workbook.simpan import kunci
    with kunci(*sys.argv[1:]):
        print("DIPEGANG", flush=True)
        sys.stdin.read()
""")


@pytest.fixture
def pegang():
    """Hold the lock of a workbook in another process (another iku-xl at work) until the test ends."""
    dipegang = []

    def _pegang(path: Path) -> None:
        pr = subprocess.Popen([sys.executable, "-c", _PEGANG, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
        assert pr.stdout.readline() == "DIPEGANG\n"
        dipegang.append(pr)
    yield _pegang
    for pr in dipegang:
        pr.stdin.close()
        pr.wait(timeout=BATAS)


@pytest.mark.parametrize("perintah", ["laporan", "hitung", "validasi"])
def test_buku_yang_sedang_diproses_ditolak(salin, pegang, perintah):
    path = salin("contoh_legok_2020.xlsx")
    sebelum = _hash(path)
    pegang(path)
    kode, out, err = _selesai(_iku(perintah, path, "-o", path, "--timpa"))
    assert (kode, out) == (2, "")
    assert err == f"Galat: buku kerja '{path}' {SIBUK}\n"
    assert _hash(path) == sebelum
    assert _isi(path.parent) == sorted([path.name, path_kunci(path).name])  # the holder's lock only


def test_tujuan_yang_sedang_diproses_ditolak(salin, pegang, tmp_path):
    """The destination is locked too: another run writing it stops this one before it writes."""
    path = salin("contoh_legok_2020.xlsx")
    tujuan = tmp_path / "hasil.xlsx"
    tujuan.write_bytes(b"hasil lain")
    pegang(tujuan)
    kode, out, err = _selesai(_iku("laporan", path, "-o", tujuan, "--timpa"))
    assert kode == 2 and err == f"Galat: buku kerja '{tujuan}' {SIBUK}\n"
    assert tujuan.read_bytes() == b"hasil lain" and not _cadangan(tmp_path)
    kode, _, err = _selesai(_iku("template", tujuan, "--timpa"))
    assert kode == 2 and err == f"Galat: buku kerja '{tujuan}' {SIBUK}\n"


@pytest.mark.parametrize("kedua", ["laporan", "hitung"])
def test_dua_timpa_bersamaan(salin, kedua):
    """`laporan --timpa` and a second `--timpa` of one workbook started together: each either
    refuses with the Indonesian message or succeeds; every success is in the result (no sheets
    lost silently), every replaced version is in its own backup."""
    for _ in range(2):
        path = salin("contoh_legok_2020.xlsx")
        asli = _hash(path)
        jalan = [_iku("laporan", path, "-o", path, "--timpa"), _iku(kedua, path, "-o", path, "--timpa")]
        hasil = [_selesai(pr) for pr in jalan]
        kode = [k for k, _, _ in hasil]
        assert 0 in kode and set(kode) <= {0, 2}
        for k, _, err in hasil:
            assert k == 0 or err == f"Galat: buku kerja '{path}' {SIBUK}\n"
        lembar = _lembar(path)
        harus = {"laporan": "Laporan Capaian 2020", "hitung": "Capaian 2020"}
        for (k, _, _), perintah in zip(hasil, ("laporan", kedua)):
            if k == 0:
                assert harus[perintah] in lembar
        cadangan = _cadangan(path.parent)
        assert len(cadangan) == kode.count(0)
        assert asli in [_hash(p) for p in cadangan]
        assert _isi(path.parent) == sorted([path.name, *(p.name for p in cadangan)])
        path.unlink()
        for p in cadangan:
            p.unlink()


def test_kunci_bersarang_dalam_satu_proses_dan_dibersihkan(tmp_path):
    """A job locks its source and then writes to it: the same lock, taken twice, no refusal;
    the lock file is gone afterwards."""
    tujuan = tmp_path / "IKU.xlsx"
    tujuan.write_bytes(b"lama")
    with kunci(tujuan, tmp_path / "." / "IKU.xlsx"):
        assert path_kunci(tujuan).exists()
        tulis_aman(lambda p: Path(p).write_bytes(b"baru"), tujuan, timpa=True, waktu=WAKTU)
        assert path_kunci(tujuan).exists()
    assert _isi(tmp_path) == ["IKU.cadangan-20250115-090000.xlsx", "IKU.xlsx"]


# --- the file changed while iku-xl worked ------------------------------------------------------

def test_berkas_diubah_selama_bekerja_tidak_ditimpa(salin, monkeypatch):
    """Someone saves the workbook (in Excel, say) after iku-xl read it: their version stays."""
    path = salin("contoh_legok_2020.xlsx")
    buka_asli = proses.buka

    def buka_lalu_diubah(p):
        buku = buka_asli(p)
        wb = openpyxl.load_workbook(p)
        wb["Profil"]["B2"] = "diubah di Excel"
        wb.save(p)
        return buku
    monkeypatch.setattr(proses, "buka", buka_lalu_diubah)
    with pytest.raises(BerkasTidakValid) as e:
        proses.buat_laporan(path, keluaran=path, timpa=True, waktu=WAKTU)
    assert str(e.value) == f"berkas '{path}' {BERUBAH}"
    assert openpyxl.load_workbook(path)["Profil"]["B2"].value == "diubah di Excel"
    assert _isi(path.parent) == [path.name]


def test_tujuan_diubah_selama_menulis_tidak_ditimpa(tmp_path):
    """The destination changes between the start of the write and the replace (seen by the
    fingerprint taken as the write began)."""
    tujuan = tmp_path / "IKU.xlsx"
    tujuan.write_bytes(b"lama")

    def tulis(p):
        Path(p).write_bytes(b"baru")
        tujuan.write_bytes(b"disimpan orang lain")
    with pytest.raises(BerkasTidakValid, match="diubah oleh orang atau program lain"):
        tulis_aman(tulis, tujuan, timpa=True, waktu=WAKTU)
    assert tujuan.read_bytes() == b"disimpan orang lain" and _isi(tmp_path) == ["IKU.xlsx"]
    (tmp_path / "baru.xlsx").unlink(missing_ok=True)

    def dibuat_orang_lain(p):  # a destination that did not exist and now does
        Path(p).write_bytes(b"baru")
        (tmp_path / "baru.xlsx").write_bytes(b"punya orang lain")
    with pytest.raises(BerkasTidakValid, match="diubah oleh orang atau program lain"):
        tulis_aman(dibuat_orang_lain, tmp_path / "baru.xlsx", timpa=True, waktu=WAKTU)
    assert (tmp_path / "baru.xlsx").read_bytes() == b"punya orang lain"


def test_sidik_sumber_lama_ditolak(tmp_path):
    """`sidik`: the source's fingerprint from before reading; the same bytes but a newer save
    time count as a change too."""
    tujuan = tmp_path / "IKU.xlsx"
    tujuan.write_bytes(b"isi")
    sidik = sidik_berkas(tujuan)
    os.utime(tujuan, ns=(sidik.mtime_ns + 10**9, sidik.mtime_ns + 10**9))
    with pytest.raises(BerkasTidakValid, match="diubah oleh orang atau program lain"):
        tulis_aman(lambda p: Path(p).write_bytes(b"baru"), tujuan, timpa=True, waktu=WAKTU, sidik=sidik)
    assert tujuan.read_bytes() == b"isi" and _isi(tmp_path) == ["IKU.xlsx"]
    sidik = sidik_berkas(tujuan)
    assert tulis_aman(lambda p: Path(p).write_bytes(b"baru"), tujuan, timpa=True, waktu=WAKTU, sidik=sidik)
    assert tujuan.read_bytes() == b"baru"
    assert sidik_berkas(tmp_path / "tidak_ada.xlsx") is None


def test_periksa_yang_menolak_tidak_menulis_apa_pun(salin):
    path = salin("contoh_legok_2020.xlsx")
    asli = _hash(path)
    dilihat = []

    def periksa(sementara: Path) -> None:
        dilihat.append(_lembar(sementara))
        raise BerkasTidakValid("lembar milik pengguna hilang")
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("Baru")
    with pytest.raises(BerkasTidakValid, match="lembar milik pengguna hilang"):
        simpan(wb, path, timpa=True, waktu=WAKTU, periksa=periksa)
    assert "Baru" in dilihat[0]  # it saw the finished file
    assert _hash(path) == asli and _isi(path.parent) == [path.name]


# --- permissions ----------------------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o664, 0o640, 0o600])
def test_izin_berkas_yang_ditimpa_tetap(salin, mode):
    path = salin("contoh_legok_2020.xlsx")
    os.chmod(path, mode)
    if os.geteuid() == 0:
        os.chown(path, -1, 100)
    hasil = proses.hitung(path, keluaran=path, timpa=True, waktu=WAKTU)
    assert stat.S_IMODE(os.stat(path).st_mode) == mode
    assert stat.S_IMODE(os.stat(hasil.cadangan).st_mode) == mode
    if os.geteuid() == 0:
        assert os.stat(path).st_gid == 100 and os.stat(hasil.cadangan).st_gid == 100


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_berkas_baru_mengikuti_umask(salin, umask, mode):
    path = salin("contoh_legok_2020.xlsx")
    lama = os.umask(umask)
    try:
        hasil = proses.hitung(path, waktu=WAKTU)
    finally:
        os.umask(lama)
    assert stat.S_IMODE(os.stat(hasil.keluaran).st_mode) == mode


# --- the workbook's type --------------------------------------------------------------------

@pytest.mark.parametrize("perintah", ["laporan", "hitung", "validasi"])
@pytest.mark.parametrize(("sumber", "keluaran", "pesan"), [
    ("templat_iku.xlsm", "hasil.xlsx",
     "Galat: berkas hasil 'hasil.xlsx' harus berakhiran .xlsm, sama dengan 'templat_iku.xlsm' (buku kerja "
     "bermakro); Excel tidak mau membuka buku kerja yang akhiran namanya tidak sesuai isinya. Pakai -o hasil.xlsm.\n"),
    ("contoh_legok_2020.xlsx", "hasil.xlsm",
     "Galat: berkas hasil 'hasil.xlsm' harus berakhiran .xlsx, sama dengan 'contoh_legok_2020.xlsx' (buku kerja "
     "tanpa makro); Excel tidak mau membuka buku kerja yang akhiran namanya tidak sesuai isinya. Pakai -o "
     "hasil.xlsx.\n"),
    ("contoh_legok_2020.xlsx", "hasil",
     "Galat: berkas hasil 'hasil' harus berakhiran .xlsx, sama dengan 'contoh_legok_2020.xlsx' (buku kerja tanpa "
     "makro); Excel tidak mau membuka buku kerja yang akhiran namanya tidak sesuai isinya. Pakai -o hasil.xlsx.\n"),
])
def test_jenis_buku_tidak_cocok_ditolak(salin, capsys, perintah, sumber, keluaran, pesan):
    path = salin(sumber)
    sebelum = _hash(path)
    assert _cli(capsys, perintah, path, "-o", path.with_name(keluaran)) == (2, "", pesan)
    assert _hash(path) == sebelum and _isi(path.parent) == [path.name]


def test_xlsm_tetap_xlsm(salin, capsys):
    path = salin("templat_iku.xlsm")
    kode, out, _ = _cli(capsys, "validasi", path, "-o", path.with_name("hasil.XLSM"))
    assert kode == 2 and "tahun laporan belum ditentukan" in out  # an empty template: no report yet; sheet written
    with zipfile.ZipFile(path.with_name("hasil.XLSM")) as z:
        assert "vbaProject.bin" in " ".join(z.namelist())
        assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in z.read("[Content_Types].xml").decode()


# --- failed saves -------------------------------------------------------------------------

def _mount(*argv) -> None:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mount needs root")
    hasil = subprocess.run(["mount", *map(str, argv)], capture_output=True, text=True)
    if hasil.returncode:
        pytest.skip(f"mount not permitted here: {hasil.stderr.strip()}")


@pytest.fixture
def tmpfs_penuh(tmp_path):
    """A real full disk: a 64 KiB tmpfs, filled up to a few KiB."""
    folder = tmp_path / "penuh"
    folder.mkdir()
    _mount("-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", folder)
    try:
        yield folder
    finally:
        subprocess.run(["umount", folder], check=True)


def test_disk_penuh_sungguhan(salin, tmpfs_penuh):
    path = salin("contoh_legok_2020.xlsx")
    (tmpfs_penuh / "isi.bin").write_bytes(b"\0" * 40_000)
    kode, out, err = _selesai(_iku("laporan", path, "-o", tmpfs_penuh / "hasil.xlsx"))
    assert kode == 2
    assert err.startswith(f"Galat: disk penuh: berkas '{tmpfs_penuh / 'hasil.xlsx'}' tidak dapat disimpan. "
                          "Kosongkan ruang disk (atau kuota Anda), lalu jalankan lagi.")
    assert _isi(tmpfs_penuh) == ["isi.bin"]
    # --timpa of a workbook on the full disk: unchanged, no backup, no temp file
    (tmpfs_penuh / "isi.bin").unlink()
    shutil.copy2(path, tmpfs_penuh / "IKU.xlsx")
    (tmpfs_penuh / "isi.bin").write_bytes(b"\0" * 20_000)
    sebelum = _hash(tmpfs_penuh / "IKU.xlsx")
    kode, _, err = _selesai(_iku("hitung", tmpfs_penuh / "IKU.xlsx", "-o", tmpfs_penuh / "IKU.xlsx", "--timpa"))
    assert kode == 2 and "Galat: disk penuh" in err
    assert _hash(tmpfs_penuh / "IKU.xlsx") == sebelum
    assert _isi(tmpfs_penuh) == ["IKU.xlsx", "isi.bin"]


_DISK_PENUH = textwrap.dedent("""
    import errno, sys
    import iku_xl.workbook.penulis as penulis

    class Penuh(penulis._Arsip):  # the disk fills up in the middle of the save, and stays full
        def writestr(self, *a, **k):
            raise OSError(errno.ENOSPC, "No space left on device")
        def close(self):
            raise OSError(errno.ENOSPC, "No space left on device")
    penulis._Arsip = Penuh
    from iku_xl.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_disk_penuh_tanpa_pesan_zipfile(salin):
    """ENOSPC monkeypatched in openpyxl's zip file, in a fresh process: exit 2, and no
    "Exception ignored in ... ZipFile.__del__" traceback on stderr."""
    path = salin("contoh_legok_2020.xlsx")
    hasil = subprocess.run([sys.executable, "-c", _DISK_PENUH, "laporan", str(path)], capture_output=True,
                           text=True, timeout=BATAS)
    assert hasil.returncode == 2
    assert hasil.stderr == (f"Galat: disk penuh: berkas '{path.with_name('contoh_legok_2020_laporan-2020.xlsx')}' "
                            "tidak dapat disimpan. Kosongkan ruang disk (atau kuota Anda), lalu jalankan lagi. "
                            "Berkas yang sudah ada tidak diubah.\n")
    assert _isi(path.parent) == [path.name]


@pytest.mark.parametrize(("kode_galat", "awal_pesan"), [
    (errno.EROFS, "hanya dapat dibaca (read-only). Simpan hasilnya di folder lain"),
    (errno.EACCES, "tidak dapat ditulis (tidak ada izin menulis). Simpan hasilnya di folder lain"),
    (errno.EFBIG, None),
    (errno.EDQUOT, None),
    (errno.EIO, None),
])
def test_galat_simpan_dipalsukan(salin, capsys, monkeypatch, kode_galat, awal_pesan):
    """Every OSError of the save, monkeypatched at the temporary file, is exit 2 with a message."""
    import tempfile as tf

    path = salin("contoh_legok_2020.xlsx")

    def gagal(*a, **k):
        raise OSError(kode_galat, os.strerror(kode_galat))
    monkeypatch.setattr(tf, "mkstemp", gagal)
    kode, _, err = _cli(capsys, "laporan", path)
    assert kode == 2
    tujuan = path.with_name("contoh_legok_2020_laporan-2020.xlsx")
    harapan = {errno.EFBIG: f"Galat: berkas '{tujuan}' terlalu besar untuk disk atau folder itu.",
               errno.EDQUOT: f"Galat: disk penuh: berkas '{tujuan}' tidak dapat disimpan.",
               errno.EIO: f"Galat: berkas '{tujuan}' tidak dapat disimpan (galat sistem EIO)."}
    assert err.startswith(harapan.get(kode_galat) or f"Galat: folder '{path.parent}' {awal_pesan}")
    assert _isi(path.parent) == [path.name]


def test_folder_hanya_baca_sungguhan(salin, tmp_path):
    """EROFS for real: a read-only bind mount as the output folder."""
    path = salin("contoh_legok_2020.xlsx")
    ro = tmp_path / "ro"
    ro.mkdir()
    _mount("--bind", ro, ro)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", ro], check=True)
        kode, _, err = _selesai(_iku("laporan", path, "-o", ro / "hasil.xlsx"))
    finally:
        subprocess.run(["umount", ro], check=True)
    assert kode == 2
    assert err == (f"Galat: folder '{ro}' hanya dapat dibaca (read-only). Simpan hasilnya di folder lain yang dapat "
                   "Anda tulis, atau minta izin menulis ke pengelola folder.\n")


def test_folder_tanpa_izin_tulis_sungguhan(salin):
    """EACCES for real: root ignores permissions, so the run is made as uid 65534 (nobody), in a
    folder it may read but not write; the workbook's own (read-only) folder has no lock file
    either, and reading still works."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run as another user")
    nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable]
    if subprocess.run([*nobody, "-c", "import iku_xl"], capture_output=True).returncode:
        pytest.skip("uid 65534 cannot run this Python or import iku_xl (a private folder)")
    folder = Path(tempfile.mkdtemp(prefix="iku-ro-"))
    try:
        os.chmod(folder, 0o755)
        path = folder / "IKU.xlsx"
        shutil.copy2(salin("contoh_legok_2020.xlsx"), path)
        os.chmod(path, 0o644)
        hasil = subprocess.run([*nobody, "-m", "iku_xl", "laporan", str(path)], capture_output=True, text=True,
                               timeout=BATAS, env=dict(os.environ, HOME=str(folder)))
        assert hasil.returncode == 2
        assert hasil.stderr == (f"Galat: folder '{folder}' tidak dapat ditulis (tidak ada izin menulis). Simpan "
                                "hasilnya di folder lain yang dapat Anda tulis, atau minta izin menulis ke pengelola "
                                "folder.\n")
        assert _isi(folder) == ["IKU.xlsx"]
    finally:
        shutil.rmtree(folder)


def test_folder_tidak_ada_dan_tujuan_bukan_berkas(salin, capsys, tmp_path):
    path = salin("contoh_legok_2020.xlsx")
    assert _cli(capsys, "laporan", path, "-o", tmp_path / "tidak_ada" / "x.xlsx") == (
        2, "", f"Galat: folder '{tmp_path / 'tidak_ada'}' tidak ada. Buat foldernya dulu atau pilih folder lain.\n")
    (tmp_path / "folder.xlsx").mkdir()
    assert _cli(capsys, "laporan", path, "-o", tmp_path / "folder.xlsx", "--timpa") == (
        2, "", f"Galat: '{tmp_path / 'folder.xlsx'}' bukan berkas biasa (mungkin folder); iku-xl tidak menimpanya. "
               "Pilih nama berkas hasil yang lain.\n")
    assert not (tmp_path / "tidak_ada").exists()


def test_templat_yang_sudah_ada_tidak_menyarankan_o(tmp_path, capsys):
    tujuan = tmp_path / "IKU.xlsx"
    assert _cli(capsys, "template", tujuan)[0] == 0
    assert _cli(capsys, "template", tujuan) == (
        2, "", f"Galat: berkas '{tujuan}' sudah ada. Pilih nama berkas lain, atau tambahkan --timpa (salinan "
               "cadangan berkas lama akan dibuat).\n")


# --- killed runs ----------------------------------------------------------------------------

_LAMBAT = textwrap.dedent("""
    import sys, time
    import openpyxl.writer.excel as excel

    asli = excel.ExcelWriter.write_data
    def lambat(self):  # half the zip on disk, then killed
        asli(self)
        self._archive.fp.flush()
        print("MENULIS", flush=True)
        time.sleep(600)
    excel.ExcelWriter.write_data = lambat
    from iku_xl.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_proses_yang_dibunuh_saat_menyimpan(salin):
    path = salin("contoh_legok_2020.xlsx")
    asli = _hash(path)
    pr = subprocess.Popen([sys.executable, "-c", _LAMBAT, "laporan", str(path), "-o", str(path), "--timpa"],
                          stdout=subprocess.PIPE, text=True)
    assert pr.stdout.readline() == "MENULIS\n"
    pr.send_signal(signal.SIGKILL)
    pr.wait(timeout=BATAS)
    sisa = [n for n in _isi(path.parent) if n != path.name]
    assert _hash(path) == asli
    assert path_kunci(path).name in sisa
    assert [n for n in sisa if n.endswith(".tmp.xlsx") and n.startswith(".~iku-xl.contoh_legok_2020.")]
    # an earlier version's temporary file too, and files that only look alike, which stay
    (path.parent / ".contoh_legok_2020.k2x_9abz.xlsx").write_bytes(b"PK\x03\x04sisa")
    mirip = [".contoh_legok_2020.catatan.xlsx", ".contoh_legok_2020.k2x_9abz.xlsx.bak", "contoh_legok_2020.k2x_9abz.xlsx"]
    for nama in mirip:
        (path.parent / nama).write_bytes(b"PK\x03\x04punya pengguna")
    (path.parent / ".contoh_legok_2020.abcd1234.xlsx").write_bytes(b"bukan zip: punya pengguna")
    kode, _, _ = _selesai(_iku("laporan", path, "-o", path, "--timpa"))
    assert kode == 0 and "Laporan Capaian 2020" in _lembar(path)
    assert [_hash(p) for p in _cadangan(path.parent)] == [asli]
    assert _isi(path.parent) == sorted([path.name, _cadangan(path.parent)[0].name, *mirip,
                                        ".contoh_legok_2020.abcd1234.xlsx"])
