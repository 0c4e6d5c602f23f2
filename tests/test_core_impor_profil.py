"""Signature blocks and titles of an imported document -> Profil (iku_xl.core.impor.profil,
tanda_tangan, pangkat): every rule with the exact Profil fields and notes it gives."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iku_xl.core.impor import BarisSumber, impor_baris
from iku_xl.core.impor.pangkat import GOLONGAN, PANGKAT, baca_pangkat, golongan
from iku_xl.core.impor.profil import baca_profil
from iku_xl.core.impor.tanda_tangan import (baca_tanggal, cari_tanda_tangan, format_nip, periksa_nip, peran,
                                            tahun_tanggal, tempat_tanggal)

NIP = "NIP. 19700209 199003 1 002"
NIP_F = "19700209 199003 1 002"
#: Notes written by the Profil reader (the others come from the table reader).
MILIK = ("Pangkat", "Golongan", "Tanda tangan", "Penanda tangan", "NIP", "Tahun Laporan", "Tanggal tanda tangan",
         "Judul dokumen", "Tidak ditemukan", "Jabatan Kepala", "Tempat", "Nama Kepala")
KURANG_KAB = "Tidak ditemukan di dokumen, isi di lembar Profil: Kabupaten/Kota."


def _tabel(tahun: int, nomor: int = 1, tabel: int | None = 0) -> list[BarisSumber]:
    return [BarisSumber((f"IKU KECAMATAN SUKAMAJU TAHUN {tahun}",), nomor),
            BarisSumber(("No", "Sasaran", "Indikator Kinerja", "Satuan", "Target"), nomor + 1, tabel),
            BarisSumber(("1", "Meningkatnya pelayanan", "Persentase pengaduan selesai", "%", "90"), nomor + 2, tabel)]


def _par(nomor: int, *teks: str) -> list[BarisSumber]:
    return [BarisSumber((t,), nomor + i) for i, t in enumerate(teks)]


def _profil(baris: list[BarisSumber]):
    hasil = impor_baris(baris)
    p = hasil.buku.profil
    catatan = [c for c in hasil.catatan if c.startswith(MILIK)]
    masalah = [(m.sel, m.pesan) for m in hasil.tidak_terbaca]
    return (p.tahun, p.jabatan_kepala, p.nama_kepala, p.pangkat, p.nip, p.tempat, p.tanggal), catatan, masalah


JAN2 = dt.date(2024, 1, 2)

KASUS = {
    # one paragraph (or cell) whose lines are Shift+Enter breaks: read line by line, not as one run-on line
    "satu paragraf bergaris baru": (
        _tabel(2024) + [BarisSumber(("Sukamaju, 2 Januari 2024\nCAMAT SUKAMAJU\n\n\n\nDrs. BUDI SANTOSO, M.Si\n"
                                     "Pembina Tk. I / IV.b\n" + NIP,), 4)],
        (2024, "CAMAT SUKAMAJU", "Drs. BUDI SANTOSO, M.Si", "Pembina Tk. I / IV.b", NIP_F, "Sukamaju", JAN2),
        [KURANG_KAB], []),
    "paragraf terpisah, salah ketik pangkat": (
        _tabel(2024) + _par(4, "Sukamaju, 2 Januari 2024", "CAMAT SUKAMAJU", "", "Drs. BUDI", "Pembna Tk. I", NIP),
        (2024, "CAMAT SUKAMAJU", "Drs. BUDI", "Pembina Tk. I", NIP_F, "Sukamaju", JAN2),
        ["Pangkat 'Pembna Tk. I' dibaca 'Pembina Tk. I' (salah ketik diperbaiki).", KURANG_KAB], []),
    "salah ketik Penta Muda": (
        _tabel(2024) + _par(4, "CAMAT SUKAMAJU", "BUDI", "Penta Muda / III.a", NIP),
        (2024, "CAMAT SUKAMAJU", "BUDI", "Penata Muda / III.a", NIP_F, "", None),
        ["Pangkat 'Penta Muda / III.a' dibaca 'Penata Muda / III.a' (salah ketik diperbaiki).",
         "Tidak ditemukan di dokumen, isi di lembar Profil: Kabupaten/Kota, Tempat, Tanggal Laporan."], []),
    "golongan tidak sesuai pangkat": (
        _tabel(2024) + _par(4, "Sukamaju, 2 Januari 2024", "CAMAT SUKAMAJU", "BUDI", "Pembina / III/d", NIP),
        (2024, "CAMAT SUKAMAJU", "BUDI", "Pembina / III/d", NIP_F, "Sukamaju", JAN2),
        ["Golongan III/d tidak sesuai pangkat Pembina (golongan IV/a); periksa Pangkat/Golongan di lembar Profil.",
         KURANG_KAB], []),
    # a Perjanjian Kinerja: a borderless table, PIHAK KEDUA (the superior) left, PIHAK PERTAMA right
    "tabel tanpa garis, dua penanda tangan": (
        _tabel(2024) + [BarisSumber(("Sukamaju, 2 Januari 2024",), 4),
                        BarisSumber(("PIHAK KEDUA,", "PIHAK PERTAMA,"), 5, 1),
                        BarisSumber(("BUPATI CONTOH", "CAMAT SUKAMAJU"), 6, 1),
                        BarisSumber(("", ""), 7, 1),
                        BarisSumber(("H. AHMAD DAHLAN", "Drs. BUDI SANTOSO"), 8, 1),
                        BarisSumber(("", "Pembina Tk. I (IV/b)"), 9, 1),
                        BarisSumber(("", NIP), 10, 1)],
        (2024, "CAMAT SUKAMAJU", "Drs. BUDI SANTOSO", "Pembina Tk. I (IV/b)", NIP_F, "Sukamaju", JAN2),
        ["Tanda tangan di baris 8 (PIHAK KEDUA, atasan) tidak dipakai untuk Profil: BUPATI CONTOH, "
         "H. AHMAD DAHLAN.", KURANG_KAB], []),
    "dua sel bergaris baru berdampingan": (
        _tabel(2024) + [BarisSumber(("PIHAK KEDUA,\nBUPATI CONTOH\n\n\n\nH. AHMAD DAHLAN",
                                     "Sukamaju, 2 Januari 2024\nPIHAK PERTAMA,\nCAMAT SUKAMAJU\n\n\n\n"
                                     "Drs. BUDI SANTOSO\nPembina Tk. I\nNIP. 197002091990031002"), 5, 1)],
        (2024, "CAMAT SUKAMAJU", "Drs. BUDI SANTOSO", "Pembina Tk. I", NIP_F, "Sukamaju", JAN2),
        ["Tanda tangan di baris 5 (PIHAK KEDUA, atasan) tidak dipakai untuk Profil: BUPATI CONTOH, "
         "H. AHMAD DAHLAN.", KURANG_KAB], []),
    "a.n.: jabatan penanda tangan sendiri": (
        _tabel(2024) + [BarisSumber(("Sukamaju, 2 Januari 2024\na.n. CAMAT SUKAMAJU\nSEKRETARIS KECAMATAN\n\n\n"
                                     "ANI SURYANI, S.STP\nPenata Tingkat I, III/d\nNIP. 19800101 200501 2 003",), 4)],
        (2024, "SEKRETARIS KECAMATAN", "ANI SURYANI, S.STP", "Penata Tingkat I, III/d", "19800101 200501 2 003",
         "Sukamaju", JAN2),
        ["Penanda tangan menandatangani 'a.n. CAMAT SUKAMAJU'; Jabatan Kepala diisi jabatannya sendiri "
         "'SEKRETARIS KECAMATAN'.", KURANG_KAB], []),
    # two tables, two years, two signers: the latest year's block, never fields of both
    "dua tahun dua penanda tangan": (
        _tabel(2022, 1, None) + _par(4, "Sukamaju, 3 Januari 2022", "CAMAT SUKAMAJU", "", "H. ADE", "Pembina",
                                     "NIP. 19650101 199003 1 001")
        + _tabel(2023, 10, None) + _par(13, "Sukamaju, 2 Januari 2023", "Plt. CAMAT SUKAMAJU", "", "Drs. BUDI", NIP),
        (2023, "Plt. CAMAT SUKAMAJU", "Drs. BUDI", "", NIP_F, "Sukamaju", dt.date(2023, 1, 2)),
        ["Judul dokumen menyebut beberapa tahun (2022, 2023); Tahun Laporan diisi 2023.",
         "Tanda tangan di baris 9 (tahun 2022) tidak dipakai untuk Profil: CAMAT SUKAMAJU, H. ADE, Pembina, "
         "NIP 19650101 199003 1 001.",
         "Tidak ditemukan di dokumen, isi di lembar Profil: Kabupaten/Kota, Pangkat/Golongan."], []),
    # "Kota, Januari 2017": the year without a title year, no date
    "bulan dan tahun tanpa hari": (
        [BarisSumber(("No", "Sasaran", "Indikator Kinerja", "Satuan", "Target 2017"), 1, 0),
         BarisSumber(("1", "Meningkatnya pelayanan", "Persentase pengaduan selesai", "%", "90"), 2, 0)]
        + _par(3, "Sukamaju,    Januari 2017", "CAMAT SUKAMAJU", "BUDI", "NIP 19700209.199003.1.002"),
        (2017, "CAMAT SUKAMAJU", "BUDI", "", NIP_F, "Sukamaju", None),
        ["Tahun Laporan 2017 diambil dari tanggal tanda tangan 'Januari 2017'; tanggalnya tidak lengkap, "
         "Tanggal Laporan tidak diisi.",
         "Tidak ditemukan di dokumen, isi di lembar Profil: Nama Instansi, Kabupaten/Kota, Pangkat/Golongan, "
         "Tanggal Laporan."],
        [("baris 3", "Tanggal 'Januari 2017' tidak lengkap atau tidak dikenali")]),
    # a LKjIP for 2024 is signed in 2025: the title's year stays
    "judul menang atas tanggal": (
        _tabel(2024) + [BarisSumber(("Sukamaju, 2 Februari 2025\nCAMAT SUKAMAJU\n\nBUDI\n" + NIP,), 4)],
        (2024, "CAMAT SUKAMAJU", "BUDI", "", NIP_F, "Sukamaju", dt.date(2025, 2, 2)),
        ["Tanggal tanda tangan '2 Februari 2025' berbeda tahun dengan judul; Tahun Laporan diisi 2024 dari judul "
         "dokumen.", "Tidak ditemukan di dokumen, isi di lembar Profil: Kabupaten/Kota, Pangkat/Golongan."], []),
    "ditetapkan di, pada tanggal, jabatan dua baris": (
        _par(1, "Ditetapkan di : Sukamaju", "Pada tanggal : 2 Januari 2024", "KEPALA DINAS PENDIDIKAN",
             "KABUPATEN CONTOH", "", "BUDI", "Pembina Utama Muda", NIP),
        (2024, "KEPALA DINAS PENDIDIKAN KABUPATEN CONTOH", "BUDI", "Pembina Utama Muda", NIP_F, "Sukamaju", JAN2),
        ["Tahun Laporan 2024 diambil dari tanggal tanda tangan '2 Januari 2024'."], []),  # the unit from the jabatan
    # a plain copy of a PDF: labels and their values on lines of their own
    "label dan isi terpisah (salinan PDF)": (
        _tabel(2025) + _par(4, "Ditetapkan di", "Pada tanggal", "", ": Cibinong", ": 6 Januari 2025", "",
                            "LURAH SUKAHATI", "", "SITI NURHASANAH, S.Sos", "Penata Tk. I (III/d)",
                            "NIP. 19830506 201001 2 015"),
        (2025, "LURAH SUKAHATI", "SITI NURHASANAH, S.Sos", "Penata Tk. I (III/d)", "19830506 201001 2 015",
         "Cibinong", dt.date(2025, 1, 6)), [KURANG_KAB], []),
    # rank and golongan on two lines
    "pangkat dan golongan dua baris": (
        _tabel(2024) + [BarisSumber(("Sukamaju, 2 Januari 2024\nCAMAT SUKAMAJU\n\n\nBUDI\nPembina Tk. I\nIV/b\n"
                                     + NIP,), 4)],
        (2024, "CAMAT SUKAMAJU", "BUDI", "Pembina Tk. I IV/b", NIP_F, "Sukamaju", JAN2), [KURANG_KAB], []),
    # no name above the NIP: the jabatan line is not taken for a name
    "tanpa nama": (
        _tabel(2024) + _par(4, "Sukamaju, 2 Januari 2024", "KEPALA DINAS PENDIDIKAN", "KABUPATEN CONTOH",
                            "Pembina Utama Muda, IV/c", NIP),
        (2024, "KEPALA DINAS PENDIDIKAN KABUPATEN CONTOH", "", "Pembina Utama Muda, IV/c", NIP_F, "Sukamaju", JAN2),
        ["Tidak ditemukan di dokumen, isi di lembar Profil: Nama Kepala."], []),
    # PPPK: no rank, nothing guessed
    "PPPK tanpa pangkat": (
        _tabel(2024) + [BarisSumber(("Sukamaju, 2 Januari 2024\nKEPALA PUSKESMAS SUKAMAJU\n\n\nANI\n"
                                     "NIP. 19850101 202121 2 001",), 4)],
        (2024, "KEPALA PUSKESMAS SUKAMAJU", "ANI", "", "19850101 202121 2 001", "Sukamaju", JAN2),
        ["NIP '19850101 202121 2 001' berpola NI PPPK; Pangkat/Golongan tidak diisi.",
         "Tidak ditemukan di dokumen, isi di lembar Profil: Kabupaten/Kota, Pangkat/Golongan."], []),
    "NIP tidak wajar": (
        _tabel(2024) + _par(4, "CAMAT SUKAMAJU", "BUDI", "NIP. 19701309 199003 1 002"),
        (2024, "CAMAT SUKAMAJU", "BUDI", "", "19701309 199003 1 002", "", None),
        ["Tidak ditemukan di dokumen, isi di lembar Profil: Kabupaten/Kota, Pangkat/Golongan, Tempat, "
         "Tanggal Laporan."],
        [("baris 6", "NIP '19701309 199003 1 002' tidak wajar (tanggal lahir 19701309 bukan tanggal)")]),
    "NIP bukan 18 angka": (
        _tabel(2024) + _par(4, "CAMAT SUKAMAJU", "BUDI", "NIP. 1970020919900310"),
        (2024, "CAMAT SUKAMAJU", "BUDI", "", "", "", None),
        ["Tidak ditemukan di dokumen, isi di lembar Profil: Kabupaten/Kota, Pangkat/Golongan, NIP, Tempat, "
         "Tanggal Laporan."],
        [("baris 6", "NIP '1970020919900310' bukan 18 angka")]),
    # a signer without NIP (Kepala Desa) is not read: nothing guessed
    "tanpa NIP tidak dibaca": (
        _tabel(2024) + [BarisSumber(("Sukamaju, 2 Januari 2024\nKEPALA DESA SUKAMAJU\n\n\nH. ASEP",), 4)],
        (2024, "", "", "", "", "", None),
        ["Tidak ditemukan di dokumen, isi di lembar Profil: Kabupaten/Kota, Jabatan Kepala, Nama Kepala, "
         "Pangkat/Golongan, NIP, Tempat, Tanggal Laporan."], []),
}


@pytest.mark.parametrize("nama", KASUS)
def test_tanda_tangan(nama):
    baris, profil, catatan, masalah = KASUS[nama]
    assert _profil(baris) == (profil, catatan, masalah)


def test_baris_tanda_tangan_tidak_dilaporkan_sebagai_baris_tabel():
    """Every row of a side-by-side signature table belongs to the block (no 'Baris bertabel' warnings)."""
    baris = KASUS["tabel tanpa garis, dua penanda tangan"][0]
    (t1, t2) = cari_tanda_tangan(baris)
    assert (t1.kolom, t1.peran, t1.nama, t1.nip) == (0, "kedua", "H. AHMAD DAHLAN", "")
    assert (t2.kolom, t2.peran, t2.nama, t2.jabatan) == (1, "pertama", "Drs. BUDI SANTOSO", "CAMAT SUKAMAJU")
    assert t2.baris == t1.baris == (3, 4, 5, 6, 7, 8, 9)


def test_blok_tanpa_tabel_penanda_tangan_sama_digabung():
    """One signer signing twice (same NIP): the blocks merge, the most frequent spelling wins."""
    teks = ["CAMAT SUKAMAJU", "BUDI", NIP, None, "Plt.CAMAT SUKAMAJU", "BUDI", NIP, None,
            "Plt. CAMAT SUKAMAJU", "BUDI", NIP]
    hasil = baca_profil(list(enumerate(teks, 1)))
    assert hasil.profil.jabatan_kepala == "Plt. CAMAT SUKAMAJU"
    assert ("Jabatan Kepala tertulis berbeda di dokumen ('CAMAT SUKAMAJU', 'Plt. CAMAT SUKAMAJU'); dipakai "
            "'Plt. CAMAT SUKAMAJU'.") in hasil.catatan


# ---- ranks -----------------------------------------------------------------------------------

@pytest.mark.parametrize("teks, nama, gol", [
    ("Pembina Tk.I/ IV.b", "Pembina Tingkat I", "IV/b"),
    ("Pembina Tk.1 / IV.b", "Pembina Tingkat I", "IV/b"),
    ("PEMBINA TINGKAT I (IV/b)", "Pembina Tingkat I", "IV/b"),
    ("Pembina Tk. I, IV-b", "Pembina Tingkat I", "IV/b"),
    ("Juru Muda Tingkat I I/b", "Juru Muda Tingkat I", "I/b"),
    ("Juru I/c", "Juru", "I/c"),
    ("Pengatur Muda Tk. I, II/b", "Pengatur Muda Tingkat I", "II/b"),
    ("Penata Muda", "Penata Muda", ""),
    ("Pangkat : Pembina Utama Madya", "Pembina Utama Madya", ""),
    ("Pembina Utama (IV/e)", "Pembina Utama", "IV/e"),
    ("Gol. IV/b", "", "IV/b"),
])
def test_pangkat_dikenal(teks, nama, gol):
    p = baca_pangkat(teks)
    assert p is not None and (p.nama, p.golongan, p.perbaikan, p.catatan) == (nama, gol, (), ())


@pytest.mark.parametrize("teks, tertulis", [
    ("Pembna Tk. I", "Pembina Tk. I"), ("Penta Muda", "Penata Muda"), ("Pmebina Utama Muda", "Pembina Utama Muda"),
    ("PEMBINA UTAMA MDYA / IV.d", "PEMBINA UTAMA MADYA / IV.d"), ("Pengatr Tk.I", "Pengatur Tk.I"),
])
def test_pangkat_satu_salah_ketik_per_kata(teks, tertulis):
    p = baca_pangkat(teks)
    assert p is not None and p.tertulis == tertulis
    assert p.catatan[0] == f"Pangkat '{teks}' dibaca '{tertulis}' (salah ketik diperbaiki)."


@pytest.mark.parametrize("teks", ["Drs. BUDI SANTOSO", "CAMAT SUKAMAJU", "Penata Layanan Operasional",
                                  "Pmbna Tk. I", "Pembina Madya", "Juru Utama", "NIP. 19700209 199003 1 002", ""])
def test_bukan_pangkat(teks):
    assert baca_pangkat(teks) is None


def test_daftar_pangkat_lengkap_dan_terbaca():
    assert len(PANGKAT) == 17 and len(set(GOLONGAN.values())) == 17
    for nama, gol in PANGKAT:
        p = baca_pangkat(f"{nama.replace('Tingkat I', 'Tk. I')} ({gol})")
        assert p is not None and (p.nama, p.golongan, p.catatan) == (nama, gol, ())
    assert golongan("(IV/b)") == golongan("IV.b") == golongan("IV-b") == golongan("IV / b") == "IV/b"


# ---- NIP, date line, roles ------------------------------------------------------------------

_TANGGAL = st.dates(dt.date(1940, 1, 1), dt.date(2005, 12, 31))


@given(lahir=_TANGGAL, tmt=st.integers(0, 29), bulan=st.integers(1, 12), jk=st.sampled_from("12"),
       urut=st.integers(1, 999), pemisah=st.sampled_from(["", " ", ".", " . "]),
       awalan=st.sampled_from(["NIP. ", "NIP : ", "NIP.", "NIP:", "NIP ", "N I P. "]))
def test_nip_format_dan_sahih(lahir, tmt, bulan, jk, urut, pemisah, awalan):
    tahun_tmt = lahir.year + 18 + tmt
    bagian = [f"{lahir:%Y%m%d}", f"{tahun_tmt}{bulan:02d}", jk, f"{urut:03d}"]
    baku = " ".join(bagian)
    tertulis = awalan + pemisah.join(bagian)
    assert format_nip(tertulis) == baku
    assert format_nip(baku) == baku  # idempotent
    assert periksa_nip(baku) is None


@given(st.text(alphabet="0123456789 .", max_size=30))
def test_nip_bukan_18_angka(teks):
    angka = [c for c in teks if c.isdigit()]
    assert (format_nip("NIP. 1" + teks) is None) == (len(angka) + 1 != 18)


@pytest.mark.parametrize("nip, sebab", [
    ("19700230 199003 1 002", "tanggal lahir 19700230 bukan tanggal"),
    ("18700209 199003 1 002", "tahun lahir 1870 tidak wajar"),
    ("19700209 199013 1 002", "TMT 199013 bukan tahun dan bulan"),
    ("19700209 197503 1 002", "TMT 197503 kurang dari 15 tahun setelah lahir"),
    ("19700209 199003 3 002", "kode jenis kelamin 3 bukan 1 atau 2"),
    ("19700209 199003 1 000", "nomor urut 000"),
    ("19700209 199003 1 02", "bukan 18 angka"),
])
def test_nip_tidak_wajar(nip, sebab):
    assert periksa_nip(nip) == sebab


@pytest.mark.parametrize("teks, hasil, tanggal, tahun", [
    ("Sukamaju, 2 Januari 2024", ("Sukamaju", "2 Januari 2024"), JAN2, 2024),
    ("Sukamaju,    Januari 2017", ("Sukamaju", "Januari 2017"), None, 2017),
    ("Sukamaju, ....... Januari 2017", ("Sukamaju", "Januari 2017"), None, 2017),
    ("Kota Contoh, 02-01-2024", ("Kota Contoh", "02-01-2024"), JAN2, 2024),
    ("Ditetapkan di : Sukamaju", ("Sukamaju", ""), None, None),
    ("Pada tanggal : 2 Januari 2024", ("", "2 Januari 2024"), JAN2, 2024),
    ("Meningkatnya pelayanan, kinerja 2024 baik", None, None, None),
])
def test_baris_tanggal(teks, hasil, tanggal, tahun):
    assert tempat_tanggal(teks) == hasil
    if hasil:
        assert (baca_tanggal(hasil[1]), tahun_tanggal(hasil[1])) == (tanggal, tahun)


@pytest.mark.parametrize("teks, hasil", [("PIHAK PERTAMA,", "pertama"), ("Pihak Kedua", "kedua"),
                                         ("Mengetahui,", "atasan"), ("CAMAT SUKAMAJU", None)])
def test_peran(teks, hasil):
    assert peran(teks) == hasil


def test_tahun_tanggal_ganda_tidak_dipakai():
    assert tahun_tanggal("2016 - 2017") is None


# ---- the corpus (tests/korpus): every document in every form that is imported ----------------

from tests.korpus import skor as _skor  # noqa: E402
from tests.korpus.dokumen import DOKUMEN  # noqa: E402

#: "salin" (a copy without columns) is refused: tests/test_korpus.py.
KORPUS = [(d.nama, b) for d in DOKUMEN for b in _skor.bentuk_ada(d.nama) if b != "salin"]


@pytest.mark.parametrize(("nama", "bentuk"), KORPUS, ids=[f"{n}-{b}" for n, b in KORPUS])
def test_korpus_profil_benar(nama, bentuk):
    """Every Profil field a corpus document states is read right, in every form."""
    _, s = _skor.nilai_bentuk(nama, bentuk)
    assert not s.galat
    assert [x for x in s.salah if x.startswith("Profil")] == []
