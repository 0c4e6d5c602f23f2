"""Rows, fragments, packed cells, header words and the import summary (iku_xl.core.impor, issue 10).

Every table here is built in the test; the expected values are read off the table, not taken
from the importer's output.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iku_xl.cli import main
from iku_xl.core.impor import BarisSumber, impor_baris
from iku_xl.core.impor.catatan import perlu_diperiksa, ringkasan_akhir
from iku_xl.core.impor.kolom import peran_judul
from iku_xl.core.impor.paket import butir, pecah_paket
from iku_xl.core.model import NilaiHuruf
from iku_xl.core.parse import parse_target


def _impor(*baris: tuple[str, ...]):
    return impor_baris([BarisSumber(tuple(b), n) for n, b in enumerate(baris, start=1)])


def _ind(hasil):
    return [(i.kode, i.sasaran, i.nama, i.satuan, i.formulasi) for i in hasil.buku.indikator]


def _target(hasil):
    return [(t.kode, t.tahun, t.nilai) for t in hasil.buku.target]


JUDUL = ("No", "Sasaran Strategis", "Indikator Kinerja", "Formulasi", "Satuan", "Target 2024")
PAKET_DIPECAH = "Baris 2: sel 'Indikator Kinerja' berisi 2 indikator bernomor; diimpor sebagai 2 indikator."


# ---- lines inside a cell ---------------------------------------------------------------------------

def test_baris_di_dalam_sel_disambung_sebagai_kalimat():
    hasil = _impor(JUDUL, ("1", "Meningkatnya kualitas\npelayanan publik", "Persentase pengaduan\nyang "
                           "ditindaklanjuti", "Jumlah ditindaklanjuti /\njumlah pengaduan x 100 %", "%", "90\n%"))
    assert _ind(hasil) == [("1.1", "Meningkatnya kualitas pelayanan publik",
                            "Persentase pengaduan yang ditindaklanjuti", "%",
                            "Jumlah ditindaklanjuti / jumlah pengaduan x 100 %")]
    assert _target(hasil) == [("1.1", 2024, 90.0)]
    assert hasil.tidak_terbaca == ()


# ---- packed cells ----------------------------------------------------------------------------------

def test_sel_berisi_dua_indikator_bernomor_dipecah_dengan_target_predikat():
    hasil = _impor(JUDUL, ("1", "Meningkatnya akuntabilitas kinerja",
                           "1. Nilai AKIP\n2. Persentase rekomendasi hasil\npengawasan yang ditindaklanjuti",
                           "1. Hasil evaluasi SAKIP\n2. Rekomendasi ditindaklanjuti / seluruh rekomendasi x 100 %",
                           "Predikat\n%", "B\n75"))
    sas = "Meningkatnya akuntabilitas kinerja"
    assert _ind(hasil) == [
        ("1.1", sas, "Nilai AKIP", "Predikat", "Hasil evaluasi SAKIP"),
        ("1.2", sas, "Persentase rekomendasi hasil pengawasan yang ditindaklanjuti", "%",
         "Rekomendasi ditindaklanjuti / seluruh rekomendasi x 100 %")]
    assert _target(hasil) == [("1.1", 2024, NilaiHuruf("B", "akip")), ("1.2", 2024, 75.0)]
    assert hasil.tidak_terbaca == ()
    assert PAKET_DIPECAH in hasil.catatan


@pytest.mark.parametrize("nama, target", [
    ("a) Nilai AKIP\nb) Opini BPK", "1. BB\n2. WTP"),
    ("- Nilai AKIP\n- Opini BPK", "- BB\n- WTP"),
    ("1) Nilai AKIP\n2) Opini BPK", "BB\nWTP"),
])
def test_tanda_butir_lain(nama, target):
    hasil = _impor(JUDUL, ("1", "Meningkatnya tata kelola", nama, "", "Predikat\nOpini", target))
    assert [(i.nama, i.satuan) for i in hasil.buku.indikator] == [("Nilai AKIP", "Predikat"), ("Opini BPK", "Opini")]
    assert _target(hasil) == [("1.1", 2024, NilaiHuruf("BB", "akip")), ("1.2", 2024, NilaiHuruf("WTP", "opini"))]


def test_sel_bernomor_tidak_cocok_dengan_target_dibiarkan_utuh_dan_dicatat():
    hasil = _impor(JUDUL, ("1", "Meningkatnya kualitas", "1. Indeks A\n2. Indeks B", "", "Indeks\nIndeks",
                           "80\n81\n82"))
    assert [i.nama for i in hasil.buku.indikator] == ["Indeks A 2. Indeks B"]
    assert ("Baris 2: sel 'Indikator Kinerja' berisi 2 indikator bernomor, tetapi kolom 'Target 2024' tidak berisi "
            "2 butir; baris diimpor utuh sebagai satu indikator. Periksa dan pisahkan di lembar Indikator dan "
            "Target.") in hasil.catatan
    assert [m.pesan for m in hasil.tidak_terbaca] == [
        "Target tahun 2024 tidak terbaca ('80 81 82' bukan angka yang jelas): '80 81 82'"]


def test_satu_satuan_untuk_dua_butir_tidak_dibagi_diam_diam():
    hasil = _impor(JUDUL, ("1", "Meningkatnya kualitas", "1. Indeks A\n2. Indeks B", "", "Indeks", "80\n81"))
    assert hasil.jumlah_indikator == 1
    assert any("kolom 'Satuan' tidak berisi 2 butir" in c for c in hasil.catatan)


def test_butir_dan_pecah_paket():
    assert butir("1. Persentase A\n2. Indeks\nB") == ["Persentase A", "Indeks B"]
    assert butir("2. Persentase A\n3. Indeks B") is None  # a list counts from 1
    assert butir("Persentase A\n1. Indeks B") is None
    assert butir("1.Persentase A\n2.Indeks B") is None  # "1.5" or "1.Persentase": no space, no mark
    peran = ("no", "nama", "alasan", 2024, 2025)
    assert pecah_paket(["1", "1. A\n2. B", "sama", "10\n20", ""], peran) == (
        [["1", "A", "sama", "10", ""], ["", "B", "sama", "20", ""]], None)
    assert pecah_paket(["1\n2", "1. A\n2. B", "1. x\n2. y", "10\n20", "11\n21"], peran) == (
        [["1", "A", "x", "10", "11"], ["2", "B", "y", "20", "21"]], None)
    assert pecah_paket(["1", "1. A\n2. B", "", "10\n20", "11"], peran) == (
        [["1", "1. A\n2. B", "", "10\n20", "11"]], (2, 4))


# ---- grade targets ---------------------------------------------------------------------------------

@pytest.mark.parametrize("teks, nilai", [("B", NilaiHuruf("B", "akip")), ("BB", NilaiHuruf("BB", "akip")),
                                         ("WTP", NilaiHuruf("WTP", "opini")), ("A", NilaiHuruf("A", "akip"))])
def test_target_predikat(teks, nilai):
    hasil = _impor(JUDUL, ("1", "Meningkatnya akuntabilitas", "Nilai evaluasi", "", "Predikat", teks))
    assert _target(hasil) == [("1.1", 2024, nilai)] == [("1.1", 2024, parse_target(teks))]
    assert hasil.tidak_terbaca == ()


# ---- fragments never become indicators -------------------------------------------------------------

PDF_TERBUNGKUS = [
    ("INDIKATOR KINERJA UTAMA KECAMATAN SUKAMAJU TAHUN 2024",),
    ("NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", "TARGET"),
    ("1", "Meningkatnya kualitas", "Persentase pengaduan masyarakat", "%", "90"),
    ("", "pelayanan publik", "yang ditindaklanjuti tepat", "", ""),
    ("", "", "Waktu", "", ""),
    ("", "", "Indeks Kepuasan Masyarakat", "Indeks", "83,5"),
    ("", "", "(IKM) Kecamatan", "", ""),
    ("2", "Meningkatnya Ketenteraman", "Jumlah Konflik Sosial yang", "Kasus", "0"),
    ("", "Dan Ketertiban Umum", "Diselesaikan", "", ""),
    ("", "", "Nilai Evaluasi Akuntabilitas", "Predikat", "BB"),
    ("", "", "kinerja instansi", "", ""),
]


def test_potongan_teks_pdf_tidak_menjadi_indikator():
    """Text pasted from a PDF: the wrapped lines of longer names are rows of their own with
    nothing but text; on main they made 5 extra indicators and 2 extra sasaran."""
    hasil = _impor(*PDF_TERBUNGKUS)
    s1, s2 = "Meningkatnya kualitas pelayanan publik", "Meningkatnya Ketenteraman Dan Ketertiban Umum"
    assert [(i.kode, i.sasaran, i.nama, i.satuan) for i in hasil.buku.indikator] == [
        ("1.1", s1, "Persentase pengaduan masyarakat yang ditindaklanjuti tepat Waktu", "%"),
        ("1.2", s1, "Indeks Kepuasan Masyarakat (IKM) Kecamatan", "Indeks"),
        ("2.1", s2, "Jumlah Konflik Sosial yang Diselesaikan", "Kasus"),
        ("2.2", s2, "Nilai Evaluasi Akuntabilitas kinerja instansi", "Predikat")]
    assert _target(hasil) == [("1.1", 2024, 90.0), ("1.2", 2024, 83.5), ("2.1", 2024, 0.0),
                              ("2.2", 2024, NilaiHuruf("BB", "akip"))]
    assert hasil.tidak_terbaca == ()
    assert ("Baris 4-5: teks tanpa nomor, satuan dan target disambung ke nama indikator 1.1 di atasnya "
            "('Persentase pengaduan masyarakat yang ditindaklanjuti tepat Waktu'); periksa.") in hasil.catatan
    assert sum(c.startswith("Baris ") and "disambung" in c for c in hasil.catatan) == 4


def test_potongan_tanpa_indikator_di_atasnya_ke_catatan():
    hasil = _impor(JUDUL, ("", "", "yang ditindaklanjuti", "", "", ""),
                   ("1", "Meningkatnya kualitas", "Indeks Kepuasan Masyarakat", "", "Indeks", "83,5"))
    assert [i.nama for i in hasil.buku.indikator] == ["Indeks Kepuasan Masyarakat"]
    assert [m.pesan for m in hasil.tidak_terbaca] == [
        "Teks lanjutan tanpa indikator di atasnya tidak diimpor: 'yang ditindaklanjuti'"]


def test_tabel_tanpa_target_dan_satuan_tetap_berindikator():
    """Names with a capital and no number, unit or target are indicators when no row of the table
    gives any (a list of indicators without targets)."""
    hasil = _impor(("Sasaran", "Indikator Kinerja", "Target 2024"),
                   ("Meningkatnya kualitas", "Indeks Kepuasan Masyarakat", ""),
                   ("", "Persentase pengaduan yang ditindaklanjuti", ""))
    assert [i.nama for i in hasil.buku.indikator] == ["Indeks Kepuasan Masyarakat",
                                                      "Persentase pengaduan yang ditindaklanjuti"]


# ---- header words ----------------------------------------------------------------------------------

@pytest.mark.parametrize("judul, peran", [
    ("Penjelasan/Alasan/Formulasi", "formulasi"), ("ALASAN / FORMULASI", "formulasi"),
    ("Formulasi Perhitungan Indikator", "formulasi"), ("Rumus", "formulasi"),
    ("Cara Pengukuran", "formulasi"), ("Cara Perhitungan/Penghitungan", "formulasi"),
    ("Definisi Operasional", "formulasi"), ("Penjelasan", "formulasi"), ("Metode Penghitungan", "formulasi"),
    ("Alasan Pemilihan Indikator", "alasan"), ("Alasan", "alasan"),
    ("Indikator Kinerja Utama (IKU)", "nama"), ("Indikator Sasaran", "nama"), ("IKU", "nama"),
    ("Sasaran Strategis", "sasaran"), ("Tujuan/Sasaran", "sasaran"),
    ("Satuan", "satuan"), ("Satuan Ukuran", "satuan"),
    ("Target 2024", 2024), ("TARGET TAHUN 2025", 2025), ("2026", 2026), ("Target (%) 2024", 2024),
    ("Target", "target"), ("Target Kinerja", "target"),
    ("Sumber Data", "sumber_data"), ("Penanggung Jawab", "penanggung_jawab"), ("PIC", "penanggung_jawab"),
    ("Polaritas", "polaritas"), ("Realisasi 2023", "realisasi"), ("Capaian (%)", "capaian"),
    ("Indikator Program", "program"), ("Sub Kegiatan", "kegiatan"), ("Pagu Anggaran", "anggaran"),
    ("Ket.", "keterangan"), ("No.", "no"), ("NOMOR", "no"),
    ("Persentase pengaduan yang ditindaklanjuti", None), ("Realisasi / Target x 100 %", None),
    ("Jumlah indikator yang tercapai dalam 1 tahun", None), ("Tujuan", None),
])
def test_kata_judul_kolom(judul, peran):
    assert peran_judul(judul) == peran


def test_kolom_penjelasan_alasan_formulasi_diimpor_ke_formulasi():
    hasil = _impor(("No", "Sasaran", "Indikator", "Penjelasan/Alasan/Formulasi", "Satuan", "Target 2024"),
                   ("1", "Meningkatnya kualitas", "Indeks Kepuasan Masyarakat", "Hasil survei IKM", "Indeks", "83"))
    assert [(i.formulasi, i.alasan) for i in hasil.buku.indikator] == [("Hasil survei IKM", "")]
    assert not any(c.startswith("Kolom yang tidak diimpor") for c in hasil.catatan)
    assert ("Kolom 'Penjelasan/Alasan/Formulasi' (tabel di baris 1) menyebut Formulasi dan Alasan; isinya "
            "diimpor ke Formulasi.") in hasil.catatan


# ---- summary ---------------------------------------------------------------------------------------

def test_ringkasan_akhir():
    hasil = _impor(*PDF_TERBUNGKUS)
    # to check: the year taken from the title, 4 joined fragments, the Profil fields not found;
    # not counted: the notes on how codes and default polarities are made
    assert perlu_diperiksa(hasil) == 6
    assert ringkasan_akhir(hasil) == ("2 sasaran, 4 indikator, 4 target (tahun 2024); 6 hal perlu diperiksa — "
                                      "lihat lembar Catatan Impor")
    kosong = _impor(("Sasaran", "Indikator", "Satuan"), ("Meningkatnya X", "Indeks Y", "Indeks"))
    assert ringkasan_akhir(kosong).startswith("1 sasaran, 1 indikator, 0 target; ")


def test_konsol_diakhiri_ringkasan(tmp_path, capsys):
    sumber = tmp_path / "iku.txt"
    sumber.write_text("\n".join("\t".join(b) for b in PDF_TERBUNGKUS), encoding="utf-8")
    assert main(["impor", str(sumber), "-o", str(tmp_path / "iku.xlsx")]) == 0
    akhir = capsys.readouterr().out.splitlines()[-1]
    assert akhir == ("2 sasaran, 4 indikator, 4 target (tahun 2024); 6 hal perlu diperiksa — lihat lembar "
                     "Catatan Impor")


# ---- property: nothing invented ---------------------------------------------------------------------

_KATA = st.sampled_from(["pelayanan", "publik", "masyarakat", "desa", "kelurahan", "pengaduan", "layanan",
                         "yang", "ditindaklanjuti", "tepat", "waktu", "kinerja", "instansi", "aparatur",
                         "keuangan", "daerah", "sosial", "ketertiban", "umum", "lingkungan", "sampah",
                         "terangkut", "usulan", "musyawarah", "perencanaan", "pembangunan", "dokumen"])
_AWAL = st.sampled_from(["Persentase", "Indeks", "Jumlah", "Nilai", "Rasio", "Tingkat", "Cakupan"])
_TARGET = st.sampled_from(["90", "83,5", "100 %", "75", "0", "B", "BB", "A", "WTP", "12", "3,25"])
_SATUAN = st.sampled_from(["%", "Indeks", "Nilai", "Kasus", "Dokumen", "Predikat", "Orang"])
_JUDUL_FORMULASI = st.sampled_from(["Formulasi", "Rumus", "Cara Pengukuran", "Penjelasan/Alasan/Formulasi",
                                    "Definisi Operasional"])


@st.composite
def _nama(draw, awal):
    kata = draw(st.lists(_KATA, min_size=1, max_size=6))
    if draw(st.booleans()):  # title case, as many documents write names
        kata = [k.capitalize() for k in kata]
    return " ".join([draw(awal), *kata])


def _bungkus(draw, teks: str) -> str:
    """The text wrapped into lines at random spaces."""
    kata = teks.split(" ")
    putus = draw(st.lists(st.booleans(), min_size=len(kata) - 1, max_size=len(kata) - 1))
    return "".join(k + ("\n" if p else " ") for k, p in zip(kata, putus + [False])).rstrip()


def _potong(draw, teks: str) -> tuple[str, str]:
    """A cell split by a row break at a random space: (first part, rest)."""
    kata = teks.split(" ")
    if len(kata) < 3 or not draw(st.booleans()):
        return teks, ""
    j = draw(st.integers(2, len(kata) - 1))
    return " ".join(kata[:j]), " ".join(kata[j:])


_SASARAN = ("Meningkatnya kualitas pelayanan publik", "Terwujudnya tata kelola pemerintahan yang baik",
            "Menurunnya gangguan ketenteraman dan ketertiban")


@st.composite
def _tabel(draw):
    nama = draw(st.lists(_nama(_AWAL), min_size=1, max_size=7, unique_by=lambda n: n.casefold()))
    awal = sorted({0, *draw(st.lists(st.integers(1, len(nama) - 1), max_size=2))} if len(nama) > 1 else {0})
    sasaran = [s.title() if draw(st.booleans()) else s for s in _SASARAN[:len(awal)]]
    tahun = draw(st.sampled_from([(2024,), (2024, 2025)]))
    judul = ("No", "Sasaran Strategis", "Indikator Kinerja", draw(_JUDUL_FORMULASI), "Satuan",
             *(f"Target {t}" for t in tahun))
    baris: list[tuple[str, ...]] = [judul]
    harap: dict[str, tuple[str, list[str]]] = {}
    for k, n in enumerate(nama):
        s = sum(a <= k for a in awal) - 1
        harap[n] = (sasaran[s], target := [draw(_TARGET) for _ in tahun])
        formulasi = " ".join(draw(st.lists(_KATA, min_size=0, max_size=8)))
        nama_1, nama_2 = _potong(draw, n)
        sas_1, sas_2 = _potong(draw, sasaran[s] if k in awal else "")
        f_1, f_2 = _potong(draw, formulasi)
        baris.append((str(s + 1) if k in awal else "", _bungkus(draw, sas_1), _bungkus(draw, nama_1),
                      _bungkus(draw, f_1), draw(_SATUAN), *target))
        if nama_2 or sas_2 or f_2:  # the row's wrapped rest, split off by a page or a paste
            baris.append(("", _bungkus(draw, sas_2), _bungkus(draw, nama_2), _bungkus(draw, f_2), "",
                          *("" for _ in tahun)))
    return baris, harap, tahun


def _rapat(teks: str) -> str:
    return re.sub(r"\s+", "", teks)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tabel())
def test_tidak_ada_yang_dikarang(data):
    baris, harap, tahun = data
    hasil = _impor(*baris)
    sumber = _rapat(" ".join(c for b in baris for c in b))
    nama = {_rapat(n): n for n in harap}
    assert [_rapat(i.nama) for i in hasil.buku.indikator] == [_rapat(n) for n in _urut(harap)]
    for i in hasil.buku.indikator:
        n = nama[_rapat(i.nama)]
        assert _rapat(i.sasaran) == _rapat(harap[n][0])
        assert _rapat(i.sasaran) in sumber or i.sasaran in {s for s, _ in harap.values()}
        got = [(t.tahun, t.nilai) for t in hasil.buku.target if t.kode == i.kode]
        assert got == [(th, parse_target(v)) for th, v in zip(tahun, harap[n][1])]
    assert hasil.tidak_terbaca == ()


def _urut(harap):
    """The indicators in the order of their codes: the rows' order."""
    return list(harap)


_SEL = st.one_of(st.sampled_from(["", "1", "1.", "Indikator Kinerja", "Sasaran", "Target 2024", "Satuan", "%",
                                  "90", "B", "1. Persentase A\n2. Indeks B", "a) x\nb) y", "- 1\n- 2", "yang\ndi",
                                  "Penjelasan/Alasan/Formulasi", "Rumus"]),
                 st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=25))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_SEL, min_size=1, max_size=7), max_size=20))
def test_baris_sembarang_tidak_mengarang_kata(data):
    """On any rows the import never raises, and every word of an imported name, sasaran or
    target occurs in the source."""
    hasil = impor_baris([BarisSumber(tuple(b), n) for n, b in enumerate(data, start=1)])
    kata = set(re.findall(r"\w+", " ".join(c for b in data for c in b).casefold()))
    for i in hasil.buku.indikator:
        assert set(re.findall(r"\w+", f"{i.nama} {i.sasaran}".casefold())) <= kata


def test_nama_terbungkus_di_tabel_tahun_kedua_tetap_indikator_yang_sama():
    """A name wrapped over two rows in the second year's table is matched as a whole: the row
    waits for its fragments before it is read (on main: a third indicator 'Persentase pengaduan')."""
    judul = ("No", "Sasaran", "Indikator Kinerja", "Satuan", "Target")
    hasil = _impor(("IKU TAHUN 2024",), judul,
                   ("1", "Meningkatnya kualitas pelayanan", "Persentase pengaduan yang ditindaklanjuti", "%", "90"),
                   ("", "", "Indeks Kepuasan Masyarakat", "Indeks", "83"),
                   ("",), ("IKU TAHUN 2025",), judul,
                   ("1", "Meningkatnya kualitas pelayanan", "Persentase pengaduan", "%", "95"),
                   ("", "", "yang ditindaklanjuti", "", ""),
                   ("", "", "Indeks Kepuasan Masyarakat", "Indeks", "84"))
    assert [i.nama for i in hasil.buku.indikator] == ["Persentase pengaduan yang ditindaklanjuti",
                                                      "Indeks Kepuasan Masyarakat"]
    assert _target(hasil) == [("1.1", 2024, 90.0), ("1.1", 2025, 95.0), ("1.2", 2024, 83.0), ("1.2", 2025, 84.0)]
    assert hasil.tidak_terbaca == ()


def test_butir_bernomor_di_kolom_nomor():
    """The items numbered in the No column ("1.\\n2."), one name per line in the indicator cell."""
    hasil = _impor(JUDUL, ("1.\n2.", "Meningkatnya tata kelola", "Nilai AKIP\nOpini BPK", "", "Predikat\nOpini",
                           "BB\nWTP"))
    assert [(i.kode, i.nama, i.satuan) for i in hasil.buku.indikator] == [("1.1", "Nilai AKIP", "Predikat"),
                                                                        ("1.2", "Opini BPK", "Opini")]
    assert _target(hasil) == [("1.1", 2024, NilaiHuruf("BB", "akip")), ("1.2", 2024, NilaiHuruf("WTP", "opini"))]
    assert hasil.tidak_terbaca == ()


def test_lembar_catatan_menyebut_jumlah_yang_perlu_diperiksa():
    import datetime as dt

    from iku_xl.core.impor.catatan import susun_catatan_impor

    lembar = susun_catatan_impor(_impor(*PDF_TERBUNGKUS), "iku.txt", dt.datetime(2025, 1, 2, 3, 4))
    assert [s.nilai for s in lembar.sel if s.baris == 4] == [
        "6 hal perlu diperiksa: catatan yang menyebut baris atau isian dokumen ini, isian yang diduga, dan bagian "
        "yang tidak terbaca (di bawah)."]
