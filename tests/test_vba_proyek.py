"""The VBA project writer (iku_xl.xl.vba_proyek): compression, the project, the container.

Independent checks: the compression examples printed in [MS-OVBA] 3.2, the PROJECT-stream
example of [MS-OVBA] 3.1.6 (for the CMG/DPB/GC obfuscation), ``olefile`` for the
Compound File, ``olevba`` (oletools) for the VBA project, the Excel-made projects shipped
in the xlwings wheel (for what Excel writes), and LibreOffice, which imports the project
of an .xlsm into Basic. Excel itself is not available here.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import olefile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iku_xl.xl.vba_proyek import (
    OFFICE,
    VBA_PROJECT,
    ModulVBA,
    _bantuan_salin,
    _pohon,
    buat_vba_project,
    daftar_modul,
    dekompres,
    kompres,
    modul_dokumen,
    modul_kelas,
)
from tests.conftest import AKAR
from tests.lo import konversi, soffice_ada

XLWINGS_BAS = Path(__import__("xlwings").__file__).parent / "xlwings.bas"
HALO = 'Option Explicit\n\nSub Halo()\n    MsgBox "Halo dari iku-xl"\nEnd Sub\n'


def _normal(teks: str) -> str:
    return teks.replace("\r\n", "\n").rstrip("\n")


@pytest.fixture(scope="module")
def modul() -> list[ModulVBA]:
    return [modul_dokumen("ThisWorkbook", False), modul_dokumen("Sheet1", True), modul_dokumen("Sheet2", True),
            ModulVBA("IkuTombol", HALO), ModulVBA("xlwings", XLWINGS_BAS.read_text(encoding="ascii"))]


@pytest.fixture(scope="module")
def vba_bin(modul) -> bytes:
    return buat_vba_project(modul)


def _diharapkan(m: ModulVBA) -> str:
    """The source a reader should find: ours, with the VB_Name line the writer adds."""
    kode = _normal(m.kode)
    return kode if kode.startswith("Attribute VB_Name") else f'Attribute VB_Name = "{m.nama}"\n{kode}'


# ---------------------------------------------------------------- compression: [MS-OVBA] 3.2

CONTOH_SPEK = [  # 3.2.1 No Compression, 3.2.2 Normal Compression, 3.2.3 Maximum Compression
    (b"abcdefghijklmnopqrstuv.",
     "01 19 B0 00 61 62 63 64 65 66 67 68 00 69 6A 6B 6C 6D 6E 6F 70 00 71 72 73 74 75 76 2E"),
    (b"#aaabcdefaaaaghijaaaaaklaaamnopqaaaaaaaaaaaarstuvwxyzaaa",
     "01 2F B0 00 23 61 61 61 62 63 64 65 82 66 00 70 61 67 68 69 6A 01 38 08 61 6B 6C 00 20 6D 6E 6F 70 "
     "06 71 02 70 04 00 72 73 74 75 76 10 77 78 79 7A 00 2C"),
    (b"a" * 73, "01 03 B0 02 61 45 00"),
]


@pytest.mark.parametrize(("asli", "terkompres"), CONTOH_SPEK)
def test_contoh_kompresi_spesifikasi(asli, terkompres):
    assert kompres(asli) == bytes.fromhex(terkompres)
    assert dekompres(bytes.fromhex(terkompres)) == asli


def test_bantuan_salin_seperti_tabel_spesifikasi():
    """CopyToken Help: BitCount = smallest n >= 4 with 2**n >= difference; MaximumLength = (0xFFFF >> n) + 3."""
    for selisih in range(1, 4097):
        n = 4
        while 2 ** n < selisih:
            n += 1
        assert _bantuan_salin(selisih) == (n, (0xFFFF >> n) + 3), selisih
    assert _bantuan_salin(16)[1] == 4098 and _bantuan_salin(17)[1] == 2050 and _bantuan_salin(4096)[1] == 18


def _token(terkompres: bytes) -> list[tuple[int, int, int, int]]:
    """Every copy token as (chunk index, position in the decompressed chunk, offset, length)."""
    hasil, pos, potongan = [], 1, 0
    while pos < len(terkompres):
        (kepala,) = struct.unpack_from("<H", terkompres, pos)
        akhir, pos, keluar = pos + (kepala & 0xFFF) + 3, pos + 2, 0
        if not kepala & 0x8000:
            pos, potongan = pos + 4096, potongan + 1
            continue
        while pos < akhir:
            bendera, pos = terkompres[pos], pos + 1
            for bit in range(8):
                if pos >= akhir:
                    break
                if bendera >> bit & 1:
                    (t,) = struct.unpack_from("<H", terkompres, pos)
                    n = max((keluar - 1).bit_length(), 4)
                    panjang = (t & (0xFFFF >> n)) + 3
                    hasil.append((potongan, keluar, (t >> (16 - n)) + 1, panjang))
                    pos, keluar = pos + 2, keluar + panjang
                else:
                    pos, keluar = pos + 1, keluar + 1
        potongan += 1
    return hasil


@pytest.mark.parametrize("selisih", [16, 17, 32, 33, 64, 65, 128, 129, 256, 257, 512, 513, 1024, 1025, 2048, 2049,
                                     4000])
def test_regresi_panjang_maksimum_saat_bitcount_berubah(selisih):
    """A long run starting where BitCount changes: the first copy token is exactly MaximumLength long.

    The broken PyPI compressor got this length wrong (operator precedence) and corrupted
    every module over about 1 KB; a round trip alone would miss a writer that is merely
    timid, so the token itself is checked against the spec's formula.
    """
    awalan = bytes(random.Random(selisih).choices(b"bcdefgh", k=selisih - 1))  # compressible, no "a"
    data = awalan + b"a" * 6000
    terkompres = kompres(data)
    assert dekompres(terkompres) == data
    pertama = next(t for t in _token(terkompres) if t[0] == 0 and t[1] >= selisih - 1)
    n = max((selisih - 1).bit_length(), 4)
    assert pertama == (0, selisih, 1, min((0xFFFF >> n) + 3, 4096 - selisih))
    for _, posisi, geser, panjang in _token(terkompres):
        assert panjang <= _bantuan_salin(posisi)[1] and geser <= posisi


def _pulang_pergi(data: bytes) -> None:
    """dekompres(kompres(x)) == x; the one exception is the spec's padded raw last chunk."""
    terkompres = kompres(data)
    hasil = dekompres(terkompres)
    sisa = len(data) % 4096
    if hasil != data:  # [MS-OVBA] 2.4.1.3.10: a raw chunk always holds 4096 bytes
        assert sisa and hasil == data + bytes(4096 - sisa)
        assert struct.unpack_from("<H", terkompres, len(terkompres) - 4098)[0] == 0x3FFF
    assert dekompres(kompres(hasil)) == hasil


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=13000))
def test_pulang_pergi_biner(data):
    _pulang_pergi(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(min_codepoint=9, max_codepoint=126), max_size=13000))
def test_pulang_pergi_teks(teks):
    data = teks.encode("ascii")
    assert dekompres(kompres(data)) == data  # text never needs a raw chunk


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.binary(min_size=1, max_size=6), st.integers(1, 3000)), min_size=1, max_size=12))
def test_pulang_pergi_deretan_panjang(potongan):
    data = b"".join(pola * n for pola, n in potongan)[:40000]
    _pulang_pergi(data)


def test_potongan_mentah():
    acak = random.Random(7).randbytes(4096 + 4000)
    terkompres = kompres(acak)
    assert struct.unpack_from("<H", terkompres, 1)[0] == 0x3FFF  # a full raw chunk: no padding
    assert len(terkompres) == 1 + 2 * (2 + 4096)
    assert dekompres(terkompres) == acak + bytes(96)  # the short raw last chunk is padded (spec)
    assert dekompres(kompres(acak[:4096])) == acak[:4096]


@pytest.mark.parametrize("rusak", [b"", b"\x02\x00\xb0", b"\x01\x05\xa0\x00a", b"\x01\x02\xb0\x01\x01"])
def test_dekompres_menolak_data_rusak(rusak):
    with pytest.raises(ValueError):
        dekompres(rusak)


# ---------------------------------------------------------------- the project and its container

def test_aliran_yang_diharapkan(vba_bin, modul):
    ole = olefile.OleFileIO(vba_bin, raise_defects=olefile.DEFECT_POTENTIAL)
    assert sorted("/".join(e) for e in ole.listdir()) == sorted(
        ["PROJECT", "PROJECTwm", "VBA/dir", "VBA/_VBA_PROJECT"] + [f"VBA/{m.nama}" for m in modul])
    assert ole.openstream("VBA/_VBA_PROJECT").read() == bytes.fromhex("CC61FFFF000100")
    assert ole.get_size("VBA/xlwings") > 4096  # a stream in regular sectors, the others in the mini stream
    project = ole.openstream("PROJECT").read().decode("cp1252")
    assert project.startswith('ID="{') and "\r\nDocument=ThisWorkbook/&H00000000\r\n" in project
    assert "\r\nModule=IkuTombol\r\nModule=xlwings\r\nName=\"VBAProject\"\r\n" in project
    assert "[Host Extender Info]\r\n&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000\r\n" in project
    wm = ole.openstream("PROJECTwm").read()
    assert wm == b"".join(m.nama.encode() + b"\0" + m.nama.encode("utf-16-le") + b"\0\0" for m in modul) + b"\0\0"
    ole.close()


def test_olevba_membaca_sumber_yang_sama(vba_bin, modul):
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser("vbaProject.bin", data=vba_bin)
    try:
        assert parser.detect_vba_macros()
        dibaca = {nama.rsplit(".", 1)[0]: (nama.rsplit(".", 1)[1], kode)
                  for _, _, nama, kode in parser.extract_macros()}
    finally:
        parser.close()
    assert {k: _normal(v[1]) for k, v in dibaca.items()} == {m.nama: _diharapkan(m) for m in modul}
    assert {k: v[0] for k, v in dibaca.items()} == {m.nama: "bas" if m.jenis == "standar" else "cls" for m in modul}
    assert {k: _normal(v) for k, v in daftar_modul(vba_bin).items()} == {m.nama: _diharapkan(m) for m in modul}
    assert all("\n" not in v.replace("\r\n", "") for v in daftar_modul(vba_bin).values())  # CRLF only


def test_deterministik(modul, vba_bin):
    assert buat_vba_project(modul) == vba_bin
    kode = ("import sys, hashlib; from iku_xl.xl.vba_proyek import *; "
            f"m = [modul_dokumen('ThisWorkbook', False), ModulVBA('IkuTombol', {HALO!r})]; "
            "sys.stdout.write(hashlib.sha256(buat_vba_project(m)).hexdigest())")
    hasil = {subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True, cwd=AKAR,
                            env={**os.environ, "PYTHONHASHSEED": benih}).stdout for benih in ("1", "2")}
    assert len(hasil) == 1
    assert hasil == {hashlib.sha256(buat_vba_project([modul_dokumen("ThisWorkbook", False),
                                                      ModulVBA("IkuTombol", HALO)])).hexdigest()}
    assert buat_vba_project(modul, nama_proyek="Lain") != vba_bin


def _dekripsi(hexa: str, id_proyek: str) -> bytes:
    """[MS-OVBA] 2.4.3.3 Decryption, checking Version and ProjKey."""
    d = bytes.fromhex(hexa)
    benih, versi_enk, kunci_enk = d[0], d[1], d[2]
    assert benih ^ versi_enk == 2
    assert benih ^ kunci_enk == sum(id_proyek.encode()) & 0xFF
    tak1, enk1, enk2, keluar = benih ^ kunci_enk, kunci_enk, versi_enk, []
    for b in d[3:]:
        asli = b ^ ((enk2 + tak1) & 0xFF)
        keluar.append(asli)
        enk2, enk1, tak1 = enk1, b, asli
    abaikan = (benih & 6) // 2
    (panjang,) = struct.unpack("<I", bytes(keluar[abaikan:abaikan + 4]))
    assert len(keluar) == abaikan + 4 + panjang
    return bytes(keluar[abaikan + 4:])


def test_cmg_dpb_gc_tidak_terlindungi(vba_bin):
    # the decryption itself, checked on the example of [MS-OVBA] 3.1.6
    contoh = "{917DED54-440B-4FD1-A5C1-74ACF261E600}"
    assert _dekripsi("0705D8E3D8EDDBF1DBF1DBF1DBF1", contoh) == bytes(4)
    assert _dekripsi("0E0CD1ECDFF4E7F5E7F5E7", contoh) == b"\0"
    assert _dekripsi("1517CAF1D6F9D7F9D706", contoh) == b"\xff"
    ole = olefile.OleFileIO(vba_bin)
    assert _cmg_dpb_gc(ole) == (bytes(4), b"\0", b"\xff")  # not protected, no password, visible
    ole.close()


def _cmg_dpb_gc(ole: olefile.OleFileIO) -> tuple[bytes, bytes, bytes]:
    teks = ole.openstream("PROJECT").read().decode("cp1252").split("\r\n\r\n")[0]
    baris = dict(b.split("=", 1) for b in teks.split("\r\n"))
    return tuple(_dekripsi(baris[k].strip('"'), baris["ID"].strip('"')) for k in ("CMG", "DPB", "GC"))


XLWINGS = XLWINGS_BAS.parent


@pytest.mark.parametrize(("berkas", "perlindungan"), [
    ("quickstart_standalone.xlsm", (bytes(4), 1, b"\xff")),  # unprotected, no password, visible: like ours
    ("addin/xlwings.xlam", (b"\x04\0\0\0", 29, b"\0")),  # locked (fVBEProtected), password hash, hidden
])
def test_dibandingkan_dengan_proyek_buatan_excel(berkas, perlindungan, vba_bin):
    """Excel-made projects in the xlwings wheel: read back like olevba; our pieces match Excel's bytes."""
    from oletools.olevba import VBA_Parser

    with zipfile.ZipFile(XLWINGS / berkas) as z:
        excel = z.read("xl/vbaProject.bin")
    parser = VBA_Parser(berkas, data=excel)
    try:
        olevba = {nama.rsplit(".", 1)[0]: _normal(kode) for _, _, nama, kode in parser.extract_macros()}
    finally:
        parser.close()
    dibaca = daftar_modul(excel)  # Excel's streams start with a performance cache (MODULEOFFSET > 0)
    assert {k: _normal(v) for k, v in dibaca.items()} == olevba
    assert dibaca["ThisWorkbook"] == modul_dokumen("ThisWorkbook", False).kode
    assert dibaca["Sheet1"] == modul_dokumen("Sheet1", True).kode
    ole_excel, ole_kami = olefile.OleFileIO(excel), olefile.OleFileIO(vba_bin)
    cmg, dpb, gc = _cmg_dpb_gc(ole_excel)  # our reading of 2.4.3 on Excel's own CMG/DPB/GC
    assert (cmg, len(dpb), gc) == perlindungan
    dir_excel = dekompres(ole_excel.openstream("VBA/dir").read())
    dir_kami = dekompres(ole_kami.openstream("VBA/dir").read())
    ole_excel.close()
    ole_kami.close()
    assert dir_excel[:10] == dir_kami[:10]  # PROJECTSYSKIND (win64) as Excel writes it
    lcid = struct.pack("<HII", 0x0002, 4, 0x409) + struct.pack("<HII", 0x0014, 4, 0x409)
    assert lcid in dir_excel and lcid in dir_kami  # PROJECTLCID, PROJECTLCIDINVOKE
    if b"stdole" in dir_excel:  # the stdole reference, byte for byte
        awal = dir_kami.index(b"\x16\x00\x06\x00\x00\x00stdole")
        rujukan = dir_kami[awal:dir_kami.index(b"\x0f\x00\x02\x00\x00\x00")]
        assert rujukan in dir_excel


def _periksa_pohon(ole: olefile.OleFileIO) -> None:
    """[MS-CFB] 2.6.4: siblings in order, black root, no red-red, equal black height."""
    entri = ole.direntries

    def kunci(i):
        return len(entri[i].name), entri[i].name.upper()

    def tinggi_hitam(i, bawah, atas, induk_merah):
        if i == olefile.NOSTREAM:
            return 0
        e = entri[i]
        assert (bawah is None or kunci(bawah) < kunci(i)) and (atas is None or kunci(i) < kunci(atas))
        assert not (induk_merah and e.color == 0)
        kiri = tinggi_hitam(e.sid_left, bawah, i, e.color == 0)
        assert kiri == tinggi_hitam(e.sid_right, i, atas, e.color == 0)
        return kiri + (e.color == 1)

    for e in entri:
        if e is not None and e.sid_child != olefile.NOSTREAM:
            assert entri[e.sid_child].color == 1
            tinggi_hitam(e.sid_child, None, None, False)


def test_proyek_besar_banyak_sektor():
    """Many modules: several FAT sectors, a mini FAT over one sector, red and black directory nodes."""
    rng = random.Random(3)
    kata = ["Dim", "As", "Long", "If", "Then", "End", "Sub", "x", "y", "=", "+", "Call", "Next", "For", "To"]
    modul = [modul_dokumen("ThisWorkbook", False)]
    modul += [ModulVBA(f"Kecil{i}", f"Sub K{i}()\n    x = {i}\nEnd Sub\n" * rng.randint(1, 12)) for i in range(45)]
    modul += [ModulVBA(f"Besar{i}", "\n".join(" ".join(rng.choices(kata, k=12)) + f" {rng.random()}"
                                                for _ in range(1500))) for i in range(8)]
    vba_bin = buat_vba_project(modul, nama_proyek="ProyekBesar")
    ole = olefile.OleFileIO(vba_bin, raise_defects=olefile.DEFECT_POTENTIAL)
    assert struct.unpack_from("<I", vba_bin, 0x2C)[0] > 1  # FAT sectors
    assert struct.unpack_from("<I", vba_bin, 0x40)[0] > 1  # mini FAT sectors
    _periksa_pohon(ole)
    assert any(e is not None and e.color == 0 for e in ole.direntries)
    ole.close()
    assert {k: _normal(v) for k, v in daftar_modul(vba_bin).items()} == {m.nama: _diharapkan(m) for m in modul}


def test_pohon_merah_hitam_untuk_setiap_ukuran():
    for n in range(1, 100):
        nama = ["Root Entry"] + [f"M{i:03d}" if i % 3 else f"Nama{i}" for i in range(n)]
        akar, simpul = _pohon(list(range(1, n + 1)), nama)

        def periksa(i, bawah, atas, induk_merah):
            if i == 0xFFFFFFFF:
                return 0
            kiri, kanan, warna = simpul[i]
            kunci = (len(nama[i]), nama[i].upper())
            assert (bawah is None or bawah < kunci) and (atas is None or kunci < atas)
            assert not (induk_merah and warna == 0)
            hitam = periksa(kiri, bawah, kunci, warna == 0)
            assert hitam == periksa(kanan, kunci, atas, warna == 0)
            return hitam + warna

        assert simpul[akar][2] == 1 and len(simpul) == n
        periksa(akar, None, None, False)


def test_pohon_direktori_proyek_biasa(vba_bin):
    ole = olefile.OleFileIO(vba_bin)
    _periksa_pohon(ole)
    ole.close()


def test_masukan_ditolak():
    with pytest.raises(ValueError, match=r"'Laporan'.*'\u00e9' \(U\+00E9\) di baris 2"):
        ModulVBA("Laporan", "Sub A()\n' Caf\u00e9\nEnd Sub\n")
    with pytest.raises(ValueError, match="kembar"):
        buat_vba_project([ModulVBA("Modul1", ""), ModulVBA("MODUL1", "")])
    with pytest.raises(ValueError, match="VB_Name"):
        buat_vba_project([ModulVBA("Modul1", 'Attribute VB_Name = "Lain"\n')])
    with pytest.raises(ValueError, match="modul_dokumen"):
        buat_vba_project([ModulVBA("ThisWorkbook", "", "dokumen")])
    for nama in ("dir", "1Modul", "Modul Satu", "x" * 32):
        with pytest.raises(ValueError):
            ModulVBA(nama, "")
    with pytest.raises(ValueError):
        ModulVBA("Modul1", "", "formulir")


def test_vb_name_ditambahkan_dan_crlf():
    (sumber,) = daftar_modul(buat_vba_project([ModulVBA("M1", "Sub A()\rEnd Sub")])).values()
    assert sumber == 'Attribute VB_Name = "M1"\r\nSub A()\r\nEnd Sub\r\n'


# ---------------------------------------------------------------- in an .xlsm: olevba and LibreOffice

def _xlsm(vba_bin: bytes, path: Path) -> Path:
    import xlsxwriter

    buku = xlsxwriter.Workbook(str(path))
    lembar1, lembar2 = buku.add_worksheet(), buku.add_worksheet()
    buku.set_vba_name("ThisWorkbook")
    lembar1.set_vba_name("Sheet1")
    lembar2.set_vba_name("Sheet2")
    buku.add_vba_project(io.BytesIO(vba_bin), is_stream=True)
    lembar1.insert_button("B2", {"macro": "Halo", "caption": "Halo"})
    buku.close()
    return path


def test_xlsm_dibaca_olevba(tmp_path, vba_bin, modul):
    from oletools.olevba import VBA_Parser

    path = _xlsm(vba_bin, tmp_path / "templat.xlsm")
    with zipfile.ZipFile(path) as z:
        assert z.read("xl/vbaProject.bin") == vba_bin
    parser = VBA_Parser(str(path))
    try:
        dibaca = {nama.rsplit(".", 1)[0]: _normal(kode) for _, _, nama, kode in parser.extract_macros()}
    finally:
        parser.close()
    assert dibaca == {m.nama: _diharapkan(m) for m in modul}


WAJIB_LO = os.environ.get("IKU_XL_WAJIB_LO") == "1"


@pytest.mark.libreoffice
@pytest.mark.skipif(not soffice_ada() and not WAJIB_LO,
                    reason="LibreOffice (soffice) tidak terpasang; set IKU_XL_WAJIB_LO=1 agar ini gagal")
def test_libreoffice_memuat_proyek(tmp_path, vba_bin, modul):
    """LibreOffice imports the project into Basic; the .ods keeps each module's code as XML."""
    (ods,) = konversi([_xlsm(vba_bin, tmp_path / "templat.xlsm")], tmp_path / "keluar", ".ods")
    ns = "{http://openoffice.org/2000/script}"
    with zipfile.ZipFile(ods) as z:
        for m in modul:
            elemen = ET.fromstring(z.read(f"Basic/VBAProject/{m.nama}.xml"))
            assert elemen.get(f"{ns}name") == m.nama
            assert elemen.get(f"{ns}moduleType") == ("normal" if m.jenis == "standar" else "document")
            baris = elemen.text.split("\n")
            jenis_vba = "VBAModule" if m.jenis == "standar" else "VBADocumentModule"
            assert baris[:2] == [f"Rem Attribute VBA_ModuleType={jenis_vba}", "Option VBASupport 1"]
            # LibreOffice drops the Attribute lines and keeps the rest of the code as it was
            tanpa_atribut = "\n".join(b for b in _diharapkan(m).split("\n") if not b.startswith("Attribute "))
            assert _normal("\n".join(baris[2:])) == tanpa_atribut


# ---------------------------------------------------------------- the dir stream, record by record

def _urai_dir(data: bytes) -> list[tuple[int, bytes]]:
    """Every record of a decompressed dir stream as (Id, data), checked against [MS-OVBA] 2.3.4.2's grammar."""
    rekaman, pos = [], 0
    while pos < len(data):
        ident, ukuran = struct.unpack_from("<HI", data, pos)
        if ident == 0x0009:  # PROJECTVERSION: Reserved MUST be 4, then 6 bytes of data
            assert ukuran == 4
            ukuran = 6
        rekaman.append((ident, data[pos + 6:pos + 6 + ukuran]))
        pos += 6 + ukuran
        if ident == 0x0010:
            break
    assert pos == len(data), "bytes after the dir stream's Terminator"
    return rekaman


def _periksa_dir(rekaman: list[tuple[int, bytes]]) -> dict:
    """Walk the records in the order the spec fixes; return what a reader would learn."""
    it = iter(rekaman)

    def ambil(*ident: int) -> tuple[int, bytes]:
        r = next(it)
        assert r[0] in ident, f"0x{r[0]:04X} where 0x{ident[0]:04X} is required"
        return r

    def u32(isi: bytes) -> int:
        assert len(isi) == 4
        return struct.unpack("<I", isi)[0]

    hasil: dict = {"syskind": u32(ambil(0x0001)[1])}
    ident, isi = ambil(0x004A, 0x0002)
    if ident == 0x004A:
        hasil["kompat"] = u32(isi)
        ident, isi = ambil(0x0002)
    assert u32(isi) == 0x409 and u32(ambil(0x0014)[1]) == 0x409
    assert ambil(0x0003)[1] == struct.pack("<H", 1252)
    hasil["nama"] = ambil(0x0004)[1].decode("cp1252")
    for a, b in ((0x0005, 0x0040), (0x0006, 0x003D)):
        ambil(a), ambil(b)
    ambil(0x0007), ambil(0x0008)
    assert len(ambil(0x0009)[1]) == 6
    ident, isi = next(it)
    if ident == 0x000C:
        ambil(0x003C)
        ident, isi = next(it)
    hasil["referensi"] = []
    while ident == 0x0016:
        nama = isi.decode("cp1252")
        assert ambil(0x003E)[1] == nama.encode("utf-16-le")
        ident, isi = next(it)
        if ident == 0x000D:  # REFERENCEREGISTERED: SizeOfLibid, Libid, Reserved1 (0), Reserved2 (0)
            (n,) = struct.unpack_from("<I", isi)
            assert len(isi) == 4 + n + 6 and isi[4 + n:] == bytes(6)
            hasil["referensi"].append((nama, isi[4:4 + n].decode("cp1252")))
        else:  # other kinds (Excel's MSForms): skip to the next name or the module list
            while ident not in (0x0016, 0x000F):
                ident, isi = next(it)
            continue
        ident, isi = next(it)
    assert ident == 0x000F
    (jumlah,) = struct.unpack("<H", isi)
    ambil(0x0013)
    hasil["modul"] = []
    for _ in range(jumlah):
        nama = ambil(0x0019)[1].decode("cp1252")
        assert ambil(0x0047)[1] == nama.encode("utf-16-le")
        aliran = ambil(0x001A)[1].decode("cp1252")
        assert ambil(0x0032)[1] == aliran.encode("utf-16-le")
        doc = ambil(0x001C)[1]
        assert ambil(0x0048)[1] == doc.decode("cp1252").encode("utf-16-le")
        offset = u32(ambil(0x0031)[1])
        ambil(0x001E), ambil(0x002C)
        jenis, isi = ambil(0x0021, 0x0022)
        assert isi == b""
        ident, isi = next(it)
        while ident in (0x0025, 0x0028):  # READONLY, PRIVATE
            ident, isi = next(it)
        assert (ident, isi) == (0x002B, b"")
        hasil["modul"].append((nama, aliran, jenis, offset, doc.decode("cp1252")))
    assert next(it) == (0x0010, b"")
    return hasil


DICTIONARY = (AKAR / "macros" / "Dictionary.cls").read_bytes().decode("ascii")


@pytest.fixture(scope="module")
def proyek_kelas(modul) -> tuple[list[ModulVBA], bytes]:
    semua = [*modul, modul_kelas(DICTIONARY)]
    return semua, buat_vba_project(semua)


def test_aliran_dir_setiap_rekaman(proyek_kelas):
    semua, vba_bin = proyek_kelas
    ole = olefile.OleFileIO(vba_bin)
    hasil = _periksa_dir(_urai_dir(dekompres(ole.openstream("VBA/dir").read())))
    assert ole.openstream("VBA/_VBA_PROJECT").read() == bytes.fromhex("CC61FFFF000100")  # [MS-OVBA] 3.1.1
    project = ole.openstream("PROJECT").read().decode("cp1252")
    ole.close()
    assert hasil["syskind"] == 3 and hasil["kompat"] == 5 and hasil["nama"] == "VBAProject"
    assert hasil["referensi"] == [
        ("stdole", r"*\G{00020430-0000-0000-C000-000000000046}#2.0#0#C:\Windows\System32\stdole2.tlb#OLE Automation"),
        ("Office", r"*\G{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}#2.0#0#C:\Program Files\Common Files\Microsoft Shared"
                   r"\OFFICE16\MSO.DLL#Microsoft Office 16.0 Object Library")]
    jenis = {"standar": 0x0021, "dokumen": 0x0022, "kelas": 0x0022}
    assert [(n, a, j, o) for n, a, j, o, _ in hasil["modul"]] == [(m.nama, m.nama, jenis[m.jenis], 0) for m in semua]
    assert {n: d for n, _, _, _, d in hasil["modul"] if d} == {
        "Dictionary": "Drop-in replacement for Scripting.Dictionary on Mac\r\n\r\nDictionary v1.4.0\r\n(c) Tim Hall - "
                      "https://github.com/timhall/VBA-Dictionary\r\nAuthor: tim.hall.engr@gmail.com\r\nLicense: MIT "
                      "(http://www.opensource.org/licenses/mit-license.php)\r\n"}
    assert "\r\nModule=xlwings\r\nClass=Dictionary\r\nName=\"VBAProject\"\r\n" in project


def test_modul_kelas_seperti_disimpan_excel(proyek_kelas):
    """Dictionary.cls as stored by Excel in xlwings' quickstart_standalone.xlsm, attribute block and all."""
    semua, vba_bin = proyek_kelas
    with zipfile.ZipFile(XLWINGS / "quickstart_standalone.xlsm") as z:
        excel = daftar_modul(z.read("xl/vbaProject.bin"))["Dictionary"]
    kami = daftar_modul(vba_bin)["Dictionary"]
    assert kami.split("\r\n")[:9] == excel.split("\r\n")[:9]
    # the code after the attributes is the file's; Excel's copy differs only in the editor's
    # casing of "Err" (the VBA editor re-cases an identifier project-wide; there it became "err")
    beda = [(a, b) for a, b in zip(kami.split("\r\n")[9:], excel.split("\r\n")[9:], strict=True) if a != b]
    assert beda and all(a.lower() == b.lower() and "Err." in a and "err." in b for a, b in beda), beda[:3]
    with pytest.raises(ValueError, match="VB_Name"):
        modul_kelas("VERSION 1.0 CLASS\nBEGIN\nEND\nOption Explicit\n")
    with pytest.raises(ValueError, match="END"):
        modul_kelas("VERSION 1.0 CLASS\nBEGIN\n")
    with pytest.raises(ValueError, match="modul_kelas"):
        buat_vba_project([ModulVBA("Kelas1", "Public X\n", "kelas")])


@pytest.mark.parametrize("berkas", ["quickstart_standalone.xlsm", "quickstart.xlsm", "addin/xlwings.xlam"])
def test_dir_buatan_excel_lolos_pemeriksa(berkas):
    """The parser above accepts Excel's own dir streams: it checks the grammar, not our habits.

    What Excel wrote there, for the record: every project references the Office type library
    (OFFICE16\\MSO.DLL); only xlwings.xlam also references stdole (the quickstart workbooks
    reference MSForms instead); PROJECTCOMPATVERSION (5) is only in quickstart.xlsm, the one
    saved with a compiled cache (_VBA_PROJECT version 0x00B5); the others carry the 7-byte
    _VBA_PROJECT with Reserved3 0x0001, like ours, and modules both with a cache (offset > 0)
    and source-only (offset 0).
    """
    with zipfile.ZipFile(XLWINGS / berkas) as z:
        ole = olefile.OleFileIO(z.read("xl/vbaProject.bin"))
    hasil = _periksa_dir(_urai_dir(dekompres(ole.openstream("VBA/dir").read())))
    vba_project = ole.openstream("VBA/_VBA_PROJECT").read()
    ole.close()
    assert ("Office", OFFICE) in hasil["referensi"]
    assert hasil.get("kompat") == (5 if berkas == "quickstart.xlsm" else None)
    if berkas != "quickstart.xlsm":
        assert vba_project == VBA_PROJECT
        assert any(o == 0 for _, _, _, o, _ in hasil["modul"]) and any(o > 0 for _, _, _, o, _ in hasil["modul"])


@pytest.mark.libreoffice
@pytest.mark.skipif(not soffice_ada() and not WAJIB_LO,
                    reason="LibreOffice (soffice) tidak terpasang; set IKU_XL_WAJIB_LO=1 agar ini gagal")
def test_libreoffice_memuat_modul_kelas(tmp_path, proyek_kelas):
    semua, vba_bin = proyek_kelas
    (ods,) = konversi([_xlsm(vba_bin, tmp_path / "kelas.xlsm")], tmp_path / "keluar", ".ods")
    ns = "{http://openoffice.org/2000/script}"
    with zipfile.ZipFile(ods) as z:
        elemen = ET.fromstring(z.read("Basic/VBAProject/Dictionary.xml"))
    assert elemen.get(f"{ns}moduleType") == "class"
    baris = elemen.text.split("\n")
    assert baris[:2] == ["Rem Attribute VBA_ModuleType=VBAClassModule", "Option VBASupport 1"]
    assert "Public Function Exists(Key As Variant) As Boolean" in elemen.text
