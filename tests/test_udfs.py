"""The cell functions (iku_xl.xl.fungsi) called as plain Python, with what Excel hands them.

Through xlwings (ndim=2) an argument is a scalar (float, str, bool, datetime, None for an
empty cell) or a range as a list of rows; error cells arrive as "#N/A"-like text (or as
None from an engine that drops them). Every number must equal the core's on the same values.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from iku_xl import hitung_capaian, predikat, realisasi_rasio, realisasi_tahunan
from iku_xl.core.capaian import rinci_capaian
from iku_xl.core.formulasi import periksa_formulasi
from iku_xl.core.model import NilaiHuruf
from iku_xl.xl.fungsi import (
    FUNGSI,
    IKU_CAPAIAN,
    IKU_PREDIKAT,
    IKU_RASIO,
    IKU_REALISASI,
    IKU_VALIDASI,
    KOSONG,
    MARKA,
    PANJANG_PESAN,
    salinan,
)


def sel(x):
    """What the cell shows for a core result: None is an empty cell, a grade its letters."""
    if x is None:
        return KOSONG
    return str(x) if isinstance(x, NilaiHuruf) else x


# ---- equal to the core ----------------------------------------------------------------

CAPAIAN = [
    (90, 92, None, None), (90.0, 85.5, "positif", None), ("83,5", "83,5", None, None),
    ("90 %", "45%", None, None), (4, 3, "negatif", None), (4, 3, "Negatif", "T/R"),
    (4, 9, "negatif", "2T-R"), ("80-90", 92, None, None), ("80-90", 70, None, None),
    ("7 - 8", 6.5, "negatif", None), ("7 s.d. 8", 7, "turun", None), ("B", "BB", None, None),
    ("BB", "B", None, None), ("B", 65.3, None, None), ("WTP", "WDP", None, None),
    (0, 0, "negatif", None), (0, 2, "negatif", None), (1234.5, "1.234,5", None, None),
    (90, None, None, None), (None, None, None, None), (90, "", None, None), (90, "-", "negatif", None),
]


@pytest.mark.parametrize(("target", "realisasi", "polaritas", "metode"), CAPAIAN)
def test_capaian_sama_dengan_inti(target, realisasi, polaritas, metode):
    inti = hitung_capaian(target, realisasi, polaritas or "positif", metode or "2T-R")
    assert IKU_CAPAIAN(target, realisasi, polaritas, metode) == sel(inti)
    if polaritas is None and metode is None:
        assert IKU_CAPAIAN(target, realisasi) == sel(inti)


def test_capaian_angka_persis():
    assert IKU_CAPAIAN(90, 92) == 102.22222222222221 == hitung_capaian(90, 92)
    assert IKU_CAPAIAN(3, 1, "negatif", "T/R") == hitung_capaian(3, 1, "negatif", "T/R") == 300.0


@pytest.mark.parametrize(("capaian", "skala"), [
    (95, None), (90.5, None), (100, "permenpanrb8"), (100.5, "permenpanrb8"), ("95,5", None),
    (88.31, "ikm"), (90, "akip"), (90.01, " AKIP "), (None, None), ("", "permenpanrb8"), (-10, None),
])
def test_predikat_sama_dengan_inti(capaian, skala):
    inti = predikat(capaian) if skala is None else predikat(capaian, skala.strip().lower())
    assert IKU_PREDIKAT(capaian, skala) == sel(inti)


@pytest.mark.parametrize(("nilai_tw", "jenis"), [
    ([10, 12, None, 8], "jumlah"), ([80, 85, 90, None], "nilai terakhir"), ([80, 85, None, None], "rata-rata"),
    ([80, 85, None, None], None), ([10, 20, 15, 30], "kumulatif"), (["83,5", "84", None, None], "Rata-Rata"),
    (["B", "BB", None, "A"], None), ([None, None, None, None], "jumlah"), (["", "-", 5.0, None], "total"),
])
def test_realisasi_sama_dengan_inti(nilai_tw, jenis):
    inti = realisasi_tahunan(nilai_tw, jenis).nilai
    assert IKU_REALISASI(nilai_tw, jenis) == sel(inti)  # a flat row: one answer
    assert IKU_REALISASI([nilai_tw], jenis) == [[sel(inti)]]  # a 1 x 4 range: a 1 x 1 range


@pytest.mark.parametrize(("pembilang", "penyebut"), [
    (45, 50), (45.0, "50"), ("1.234", "2.468"), ("12,5", 50), (None, 50), (45, None), (0, 7),
])
def test_rasio_sama_dengan_inti(pembilang, penyebut):
    assert IKU_RASIO(pembilang, penyebut) == sel(realisasi_rasio(pembilang, penyebut))


# ---- messages instead of tracebacks ---------------------------------------------------------

@pytest.mark.parametrize(("panggilan", "pesan"), [
    (lambda: IKU_CAPAIAN(90, "abc"), "#IKU! realisasi: 'abc' bukan angka yang jelas"),
    (lambda: IKU_CAPAIAN("abc", 90), "#IKU! target: 'abc' bukan angka yang jelas"),
    (lambda: IKU_CAPAIAN(90, "#N/A"), "#IKU! realisasi: berisi galat Excel #N/A"),
    (lambda: IKU_CAPAIAN("#DIV/0!", 5), "#IKU! target: berisi galat Excel #DIV/0!"),
    (lambda: IKU_CAPAIAN(90, True), "#IKU! realisasi: bernilai TRUE, bukan angka"),
    (lambda: IKU_CAPAIAN(90, dt.datetime(2025, 1, 5)),
     "#IKU! realisasi: berisi tanggal/waktu 2025-01-05 00:00:00, bukan angka"),
    (lambda: IKU_CAPAIAN(90, "80-90"), "#IKU! realisasi: realisasi '80-90' berupa rentang"),
    (lambda: IKU_CAPAIAN(90, 92, "naik turun"), "#IKU! Polaritas 'naik turun' tidak dikenal"),
    (lambda: IKU_CAPAIAN(4, 3, "negatif", "R/T"), "#IKU! Metode polaritas negatif 'R/T' tidak dikenal"),
    (lambda: IKU_CAPAIAN(0, 5), "#IKU! target 0"),  # the core gives no capaian: say why
    (lambda: IKU_CAPAIAN(4, 0, "negatif", "T/R"), "#IKU! realisasi 0: rumus T/R tidak dapat dihitung"),
    (lambda: IKU_CAPAIAN("WTP", 92), "#IKU! realisasi 92 berupa angka, sedangkan target 'WTP' berupa predikat"),
    (lambda: IKU_PREDIKAT("sangat baik"), "#IKU! capaian: 'sangat baik' bukan angka yang jelas"),
    (lambda: IKU_PREDIKAT(95, "bappenas"), "#IKU! skala predikat 'bappenas' tidak dikenal"),
    (lambda: IKU_REALISASI([10, "abc", None, 8]), "#IKU! TW II: 'abc' bukan angka yang jelas"),
    (lambda: IKU_REALISASI([10, 12, 8]), "#IKU! nilai_tw: tiap baris harus 4 sel, bukan 3"),
    (lambda: IKU_REALISASI(10), "#IKU! nilai_tw: tiap baris harus 4 sel, bukan 1"),
    (lambda: IKU_REALISASI(["B", "BB", None, None], "jumlah"), "#IKU! predikat per triwulan tidak dapat di-jumlah"),
    (lambda: IKU_RASIO(5, 0), "#IKU! penyebut 0: realisasi tidak dapat dihitung"),
    (lambda: IKU_RASIO("lima", 10), "#IKU! pembilang: 'lima' bukan angka yang jelas"),
    (lambda: IKU_CAPAIAN([[90], [80]], [[92, 1]]), "#IKU! ukuran rentang berbeda: target 2x1, realisasi 1x2"),
    (lambda: IKU_CAPAIAN([[90], 80], 92), "#IKU! target: rentang bercampur sel dan baris"),
])
def test_pesan_singkat(panggilan, pesan):
    assert panggilan() == pesan


def test_pesan_panjang_dipotong():
    pesan = IKU_CAPAIAN(90, "angka " * 30)
    assert pesan.startswith(f"{MARKA} realisasi: 'angka angka") and pesan.endswith("…")
    assert len(pesan) <= PANJANG_PESAN


def test_pesan_diteruskan_seperti_galat_excel():
    """A message fed into another function comes out unchanged, as #N/A does in Excel."""
    pesan = IKU_CAPAIAN(0, 5)
    assert IKU_PREDIKAT(pesan) == pesan
    assert IKU_PREDIKAT([[95], [pesan]]) == [["Sangat Tinggi"], [pesan]]
    assert IKU_REALISASI([10, pesan, None, 8]) == pesan


def test_galat_sebagai_none_seperti_sel_kosong():
    """An engine without err_to_str hands an error cell over as None: it reads as empty."""
    assert IKU_CAPAIAN(90, None) == KOSONG
    assert IKU_CAPAIAN(90, [[None, 92]]) == [[KOSONG, hitung_capaian(90, 92)]]


# ---- shapes ----------------------------------------------------------------------------

def test_bentuk_1x1():
    assert IKU_CAPAIAN([[90]], [[92]]) == [[hitung_capaian(90, 92)]]
    assert IKU_CAPAIAN([[90]], 92) == [[hitung_capaian(90, 92)]]
    assert IKU_CAPAIAN([[90]], [[None]], [["negatif"]], [[None]]) == [[KOSONG]]


def test_bentuk_1xn_dan_nx1():
    target, realisasi = [90, 80, "80-90"], [92, None, 70]
    inti = [sel(hitung_capaian(t, r)) for t, r in zip(target, realisasi)]
    assert IKU_CAPAIAN([target], [realisasi]) == [inti]
    assert IKU_CAPAIAN([[t] for t in target], [[r] for r in realisasi]) == [[x] for x in inti]
    assert IKU_CAPAIAN(target, realisasi) == [inti]  # a flat list is one row


def test_bentuk_nxm_dengan_sel_salah():
    target = [[90, 80, 4], ["80-90", "B", 0]]
    realisasi = [[92, "x", 3], [70, "BB", None]]
    polaritas = [["positif", "positif", "negatif"], ["positif", "positif", "negatif"]]
    hasil = IKU_CAPAIAN(target, realisasi, polaritas)
    assert hasil == [
        [hitung_capaian(90, 92), "#IKU! realisasi: 'x' bukan angka yang jelas", hitung_capaian(4, 3, "negatif")],
        [hitung_capaian("80-90", 70), hitung_capaian("B", "BB"), KOSONG],
    ]


def test_skalar_disebar():
    target = [[90], [80], [4]]
    assert IKU_CAPAIAN(target, 88) == [[sel(hitung_capaian(t[0], 88))] for t in target]
    assert IKU_CAPAIAN(target, [[3]], "negatif", "T/R") == \
        [[sel(hitung_capaian(t[0], 3, "negatif", "T/R"))] for t in target]
    assert IKU_PREDIKAT([[95, 70], [None, 101]], "permenpanrb8") == \
        [[sel(predikat(x, "permenpanrb8")) for x in baris] for baris in [[95, 70], [None, 101]]]


def test_realisasi_rentang_n_x_4():
    baris = [[10, 12, None, 8], [80, 85, 90, None], [None, None, None, None], ["B", "BB", None, None],
             [10, 20, 15, 30]]
    jenis = [["jumlah"], ["nilai terakhir"], ["jumlah"], [None], ["kumulatif"]]
    assert IKU_REALISASI(baris, jenis) == [[sel(realisasi_tahunan(b, j[0]).nilai)] for b, j in zip(baris, jenis)]
    assert IKU_REALISASI(baris[:2], "rata-rata") == [[sel(realisasi_tahunan(b, "rata-rata").nilai)] for b in baris[:2]]
    assert IKU_REALISASI([[1, 2, 3]], "jumlah") == "#IKU! nilai_tw: tiap baris harus 4 sel, bukan 3"
    assert IKU_REALISASI(baris, [["jumlah"], ["jumlah"]]) == \
        "#IKU! ukuran rentang berbeda: nilai_tw 5x1, jenis_konsolidasi 2x1"


def test_rasio_rentang():
    assert IKU_RASIO([[45], [30], [1]], [[50], [0], [None]]) == \
        [[realisasi_rasio(45, 50)], ["#IKU! penyebut 0: realisasi tidak dapat dihitung"], [KOSONG]]


# ---- IKU_VALIDASI ----------------------------------------------------------------------

def test_validasi_indikator_seperti_seed():
    nama = "Persentase pengaduan masyarakat tentang layanan publik yang ditindaklanjuti"
    hasil = IKU_VALIDASI(nama, "Kgt", "Cukup jelas")
    assert hasil == "; ".join(m.pesan for m in periksa_formulasi(nama, "Kgt", "Cukup jelas"))
    assert hasil == ("Indikator 'Persentase pengaduan masyarakat tentang layanan publik…' bernama "
                     "persentase/rasio, tetapi satuannya 'Kgt'; Formulasi indikator 'Persentase pengaduan "
                     "masyarakat tentang layanan publik…' hanya 'Cukup jelas'")


def test_validasi_ok():
    assert IKU_VALIDASI("Persentase pengaduan yang ditindaklanjuti", "%",
                        "Jumlah pengaduan yang ditindaklanjuti / Jumlah seluruh pengaduan x 100 %",
                        [[90, 92, 95]], [[91, None, None]]) == [["OK"]]
    assert IKU_VALIDASI("Persentase desa maju", "Persen (%)", "Realisasi desa maju/Jumlah Desa*100") == "OK"


def test_validasi_skala_saudara():
    hasil = IKU_VALIDASI("Jumlah kegiatan sosialisasi", "Kegiatan", "Jumlah kegiatan yang dilaksanakan",
                         [[5, 6, 600]], [[5, None, None]])
    assert hasil == [["Nilai 'target ke-3' (600) 120 kali lebih besar dari nilai lain indikator ini "
                      "(sekitar 5)"]]
    persen = IKU_VALIDASI("Persentase desa maju", "%", "Realisasi desa maju/Jumlah Desa*100",
                          [[80, 85, 90]], [[0.82, None, None]])
    assert persen[0][0].startswith("Nilai 'realisasi ke-1' (0,82) jauh lebih kecil")


def test_validasi_per_baris_dan_kosong():
    hasil = IKU_VALIDASI([["Jumlah kegiatan"], [None], ["Persentase desa maju"]],
                         [["Kegiatan"], [None], ["%"]],
                         [["Jumlah kegiatan yang dilaksanakan"], [None], ["Realisasi desa maju/Jumlah Desa*100"]],
                         [[5, 6], [None, None], [80, "x"]])
    assert hasil == [["OK"], [KOSONG], ["#IKU! target ke-2: 'x' bukan angka yang jelas"]]


# ---- no traceback, whatever the cell holds ------------------------------------------------

ANEH = [None, "", " ", 0, 0.0, -1, 1e308, float("nan"), True, False, "abc", "83,5", "1.234,5", "80-90",
        "9-8", "BB", "wtp", "#N/A", "#DIV/0!", "#IKU! x", dt.datetime(2025, 1, 1), dt.date(2025, 1, 1),
        "positif", "negatif", "T/R", "jumlah", "kumulatif", "akip", "Cukup jelas", "%", "A/B x 100"]


def test_tidak_ada_traceback():
    for a, b in itertools.product(ANEH, repeat=2):
        for hasil in (IKU_CAPAIAN(a, b), IKU_CAPAIAN(a, 90, b), IKU_CAPAIAN(4, a, "negatif", b),
                      IKU_PREDIKAT(a, b), IKU_RASIO(a, b), IKU_REALISASI([a, b, a, b], b),
                      IKU_VALIDASI(a, b, a, [a, b], [b])):
            assert isinstance(hasil, float | str), (a, b, hasil)


# ---- the metadata --------------------------------------------------------------------------

def test_metadata():
    assert [(f.nama, [(a.nama, a.opsional) for a in f.argumen]) for f in FUNGSI] == [
        ("IKU_CAPAIAN", [("target", False), ("realisasi", False), ("polaritas", True), ("metode_negatif", True)]),
        ("IKU_PREDIKAT", [("capaian", False), ("skala", True)]),
        ("IKU_REALISASI", [("nilai_tw", False), ("jenis_konsolidasi", True)]),
        ("IKU_RASIO", [("pembilang", False), ("penyebut", False)]),
        ("IKU_VALIDASI", [("indikator", False), ("satuan", False), ("formulasi", False), ("target", True),
                          ("realisasi", True)]),
        ("IKU_IKM", [("jawaban", False)]),
        ("IKU_MUTU", [("ikm", False)]),
    ]
    assert FUNGSI[0].keterangan.startswith("Capaian (%) dari realisasi terhadap target, sesuai PermenPANRB 8/2021.")
    for f in FUNGSI:
        assert f.kategori == "iku-xl"
        teks = [f.keterangan, *(a.keterangan for a in f.argumen)]
        assert all(t.isascii() and 0 < len(t) <= 255 for t in teks), f.nama  # VBA and MacroOptions limits
        assert all(a.keterangan.startswith("Opsional") for a in f.argumen if a.opsional)


def test_salinan_sama_hasilnya_dan_terpisah():
    for f in FUNGSI:
        s = salinan(f)
        assert s is not f.fungsi and s.__name__ == f.nama and s.__doc__ == f.keterangan
        assert s.__annotations__ == {}
    s = salinan(FUNGSI[0])
    assert s(90, 92) == IKU_CAPAIAN(90, 92) and s([[90]], [["x"]]) == IKU_CAPAIAN([[90]], [["x"]])
    assert rinci_capaian(90, 92).nilai == s(90, 92, None, None)


def test_nama_fungsi_sama_dengan_glosarium():
    """The formula check knows exactly the functions fungsi.py defines."""
    from iku_xl.core.skema import FUNGSI_SEL

    assert [f.nama for f in FUNGSI] == list(FUNGSI_SEL)


def test_rentang_jalur_cepat_menjaga_pesan_per_sel():
    """A range goes through the core's one-pass path; the cells it leaves keep their own message."""
    target = [[90.0, "80-90", 0.0], [None, "abc", 4.0], ["83,5", "#N/A", 1e-300]]
    realisasi = [[92.0, 85.0, 5.0], [70.0, 80.0, None], ["83,5", 1.0, 1e300]]
    assert IKU_CAPAIAN(target, realisasi) == [
        [102.22222222222221, 100.0, "#IKU! target 0"],
        [KOSONG, "#IKU! target: 'abc' bukan angka yang jelas", KOSONG],
        [100.0, "#IKU! target: berisi galat Excel #N/A", "#IKU! capaian terlalu besar untuk dihitung"],
    ]
    assert IKU_CAPAIAN(target, realisasi, [["negatif"] * 3] * 3, "T/R")[0] == \
        [90 / 92 * 100, 100.0, 0.0]
    assert IKU_PREDIKAT([[100.0, 100.5], [None, "#IKU! target 0"]], "permenpanrb8") == \
        [["Baik", "Sangat Baik"], [KOSONG, "#IKU! target 0"]]
    assert IKU_RASIO([[45.0], [1.0], ["45"]], [[50.0], [0.0], [None]]) == \
        [[90.0], ["#IKU! penyebut 0: realisasi tidak dapat dihitung"], [KOSONG]]


def test_hasil_tak_hingga_menjadi_pesan_di_semua_jalur():
    """A result no cell can hold is the core's message, in classic Excel as on the server (one rule,
    core.konsolidasi.terhingga), for one cell and inside a range."""
    from iku_xl.xl import fungsi

    pesan = "#IKU! hasil terlalu besar untuk dihitung"
    assert fungsi.IKU_RASIO(1e300, 1e-300) == pesan
    assert fungsi.IKU_RASIO([[1e300], [2.0]], [[1e-300], [4.0]]) == [[pesan], [50.0]]
    assert fungsi.IKU_REALISASI([[1e308, 1e308, None, None]], "jumlah") == [[pesan]]
    assert fungsi.IKU_CAPAIAN(1e-300, 1e300) == "#IKU! capaian terlalu besar untuk dihitung"
