"""Rules for formula cells (iku_xl.core.rumus_excel), one formula at a time.

Tokens come from openpyxl's Tokenizer, copied into core Tokens, exactly as the
workbook adapter does it.
"""

from __future__ import annotations

import pytest
from openpyxl.formula.tokenizer import Tokenizer
from openpyxl.utils import FORMULAE

from iku_xl.core.errors import Masalah
from iku_xl.core.rumus_excel import (
    FUNGSI_BERAWALAN,
    Token,
    kode_galat,
    periksa_nilai_galat,
    periksa_rumus,
    ringkas_rumus,
)

LEMBAR = ["Profil", "Indikator", "Sheet With Space", "It's"]
NAMA = ["Target_Total", "TabelIKU", "Profil!Lokal"]
FUNGSI = FORMULAE | {"IKU_CAPAIAN"}


def cek(rumus: str, lembar: str = "Indikator") -> list[Masalah]:
    try:
        token = [Token(t.value, t.type, t.subtype) for t in Tokenizer(rumus).items]
        galat = None
    except Exception as e:
        token, galat = None, str(e)
    return periksa_rumus(lembar, "B2", rumus, token, nama_lembar=LEMBAR, nama_terdefinisi=NAMA,
                         fungsi_dikenal=FUNGSI, galat_urai=galat)


BAIK = [
    "=SUM(Profil!B1:B2)",
    "=1+2*3%",
    '="teks ("&TRUE',
    "=$A$1+A:A+1:1+XFD1048576",
    "='Sheet With Space'!A1",
    "='It''s'!A1",
    "=profil!a1",  # sheet names are case-insensitive
    "=Profil!A1:Profil!B2",
    "=SUM(Profil:Indikator!A1)",
    "=Target_Total*2",
    "=target_total*2",
    "=Profil!Target_Total",  # a workbook name reached through a sheet
    "=Profil!Lokal",
    "=SUM(TabelIKU[Nilai])+TabelIKU[[#This Row],[Nilai]]+tabeliku[@Nilai]",
    "=[@Nilai]*2",
    "=IKU_CAPAIAN(90,92)",
    "=_xludf.iku_capaian(90,92)",
    "=_xlfn.IFS(A1>1,1,TRUE,0)",
    "=_xlfn._xlws.SORT(A1:A3)",
    "=_xlfn.LET(_xlpm.x,1,_xlpm.x+1)",
    "=_xlfn.GROUPBY(A1:A3,B1:B3,_xleta.SUM)",  # newer than our list, but Excel wrote the prefix
    "=_xlfn.BYROW(A1:B3,_xleta.IKU_CAPAIAN)",
    "=A1:INDEX(B:B,2)",
    "={1,2;3,4}",
    "=@A1",
]


@pytest.mark.parametrize("rumus", BAIK)
def test_rumus_baik_tanpa_masalah(rumus: str) -> None:
    assert cek(rumus) == []


BURUK = [  # formula, sheet, [(tingkat, start of pesan)]
    ("=SUM(Data!A1:A5)", "Indikator", [("galat", "rumus '=SUM(Data!A1:A5)' merujuk lembar 'Data'")]),
    ("=Sheet1:Sheet3!A1", "Indikator", [("galat", "rumus '=Sheet1:Sheet3!A1' merujuk lembar 'Sheet1'"),
                                        ("galat", "rumus '=Sheet1:Sheet3!A1' merujuk lembar 'Sheet3'")]),
    ("=Profil!A1:Hilang!B2", "Indikator", [("galat", "rumus '=Profil!A1:Hilang!B2' merujuk lembar 'Hilang'")]),
    ("=#REF!+1", "Indikator", [("galat", "rumus '=#REF!+1' berisi galat #REF!")]),
    ("=SUM(#REF!A1)", "Indikator", [("galat", "rumus '=SUM(#REF!A1)' berisi galat #REF!")]),
    ("=Profil!#REF!", "Indikator", [("galat", "rumus '=Profil!#REF!' berisi galat #REF!")]),
    ("=IF(A1=0,#N/A,A1)", "Indikator", [("galat", "rumus '=IF(A1=0,#N/A,A1)' berisi galat #N/A")]),
    ("=FOO(1)", "Indikator", [("galat", "rumus '=FOO(1)' memakai fungsi 'FOO'")]),
    ("=_xludf.FOO(1)", "Indikator", [("galat", "rumus '=_xludf.FOO(1)' memakai fungsi 'FOO'")]),
    ("=_xlfn.MAP(A1:A3,_xleta.NOSUCH)", "Indikator", [("galat", "rumus '=_xlfn.MAP(A1:A3,_xleta.NOSUCH)' memakai fungsi 'NOSUCH'")]),
    ("=IFS(A1>1,1)", "Indikator", [("galat", "rumus '=IFS(A1>1,1)' menulis fungsi IFS tanpa awalan")]),
    ("=Nama_Tidak_Ada*2", "Indikator", [("galat", "rumus '=Nama_Tidak_Ada*2' memakai nama 'Nama_Tidak_Ada'")]),
    ("=Tercapai", "Indikator", [("galat", "rumus '=Tercapai' memakai nama 'Tercapai'")]),
    ("=XFE1", "Indikator", [("galat", "rumus '=XFE1' memakai nama 'XFE1'")]),  # past column XFD
    ("=Lokal", "Indikator", [("galat", "rumus '=Lokal' memakai nama 'Lokal'")]),
    ("=Indikator!Lokal", "Profil", [("galat", "rumus '=Indikator!Lokal' memakai nama 'Lokal'")]),
    ("=SUM(TabelX[Nilai])", "Indikator", [("galat", "rumus '=SUM(TabelX[Nilai])' merujuk tabel 'TabelX'")]),
    ("=[1]Data!A1", "Indikator", [("peringatan", "rumus '=[1]Data!A1' merujuk berkas lain ([1]Data)")]),
    ("='C:\\x\\[Buku.xlsx]Data'!A1", "Indikator", [("peringatan", "rumus '='C:\\x\\[Buku.xlsx]Data'!A1' merujuk berkas lain")]),
    ("=SUM(A1", "Indikator", [("galat", "rumus '=SUM(A1' kurang 1 tanda kurung tutup")]),
    ("=SUM(1))", "Indikator", [("galat", "rumus '=SUM(1))' memiliki tanda kurung tutup ')' berlebih")]),
    ("=A1#", "Indikator", [("galat", "rumus '=A1#' tidak dapat dibaca")]),
    ("=Data!A1+Data!B1+FOO(Data!C1)", "Indikator", [("galat", "rumus '=Data!A1+Data!B1+FOO(Data!C1)' memakai fungsi 'FOO'"),
                                                     ("galat", "rumus '=Data!A1+Data!B1+FOO(Data!C1)' merujuk lembar 'Data'")]),
]


@pytest.mark.parametrize(("rumus", "lembar", "harapan"), BURUK)
def test_rumus_buruk(rumus: str, lembar: str, harapan: list[tuple[str, str]]) -> None:
    hasil = cek(rumus, lembar)
    assert len(hasil) == len(harapan), [m.pesan for m in hasil]
    for m, (tingkat, awal) in zip(hasil, harapan):
        assert (m.tingkat, m.lembar, m.sel) == (tingkat, lembar, "B2")
        assert m.pesan.startswith(awal), m.pesan
        assert m.saran


def test_pesan_lembar_hilang_persis() -> None:
    [m] = cek("=SUM(Profl!A1:A5)")
    assert m.pesan == "rumus '=SUM(Profl!A1:A5)' merujuk lembar 'Profl' yang tidak ada"
    assert m.saran == ("Perbaiki nama lembar di rumus atau kembalikan lembar 'Profl'. Lembar yang "
                       "ada: Profil, Indikator, Sheet With Space, It's. Maksudnya 'Profil'?")
    assert str(m).startswith("Lembar 'Indikator' sel B2: rumus '=SUM(Profl!A1:A5)'")


def test_pesan_fungsi_dan_nama_persis() -> None:
    [m] = cek("=SUMM(A1:A3)")
    assert m.pesan == "rumus '=SUMM(A1:A3)' memakai fungsi 'SUMM' yang tidak dikenal (hasilnya #NAME?)"
    assert m.saran.endswith("Maksudnya 'SUM'?")
    [m] = cek("=Target_Totl*2")
    assert m.pesan == ("rumus '=Target_Totl*2' memakai nama 'Target_Totl' yang tidak terdefinisi "
                       "(hasilnya #NAME?)")
    assert m.saran.endswith("Maksudnya 'Target_Total'?")
    [m] = cek("=Lokal")
    assert m.saran == "Nama 'Lokal' hanya berlaku di lembar Profil: tulis 'Profil'!Lokal."


def test_pesan_awalan_dan_galat_persis() -> None:
    [m] = cek("=XLOOKUP(A1,B:B,C:C)")
    assert m.pesan == ("rumus '=XLOOKUP(A1,B:B,C:C)' menulis fungsi XLOOKUP tanpa awalan _xlfn. "
                       "sehingga Excel menampilkan #NAME?")
    assert m.saran == ("Ketik ulang rumus ini di Excel, atau bila rumus dibuat program, tulis "
                       "'_xlfn.XLOOKUP('.")
    [m] = cek("=#REF!+1")
    assert m.saran == "Sel, baris atau lembar yang dirujuk sudah dihapus: tulis ulang rujukannya."


def test_tanpa_token_dan_tanpa_galat_urai_hanya_cek_kurung() -> None:
    kw = dict(nama_lembar=LEMBAR, nama_terdefinisi=NAMA, fungsi_dikenal=FUNGSI)
    assert periksa_rumus("A", "B2", "=FOO(Data!A1)", None, **kw) == []
    [m] = periksa_rumus("A", "B2", "=(1", None, **kw)
    assert "kurang 1 tanda kurung tutup" in m.pesan


def test_kurung_dalam_teks_dan_nama_lembar_tidak_dihitung() -> None:
    assert cek('=IF(A1="(",1,2)') == []
    assert cek("=TabelIKU[Nilai]") == []


def test_fungsi_berawalan_lengkap() -> None:
    assert FUNGSI_BERAWALAN["FILTER"] == "_xlfn._xlws."
    assert FUNGSI_BERAWALAN["IFS"] == "_xlfn."
    assert not set(FUNGSI_BERAWALAN) & FORMULAE  # openpyxl lists only the old ones


def test_rumus_panjang_diringkas() -> None:
    rumus = "=" + "+".join(f"Profil!A{i}" for i in range(1, 40)) + "+FOO(1)"
    [m] = cek(rumus)
    assert m.pesan.startswith("rumus '=Profil!A1+Profil!A2+") and "...'" in m.pesan
    assert len(ringkas_rumus(rumus)) == 62


@pytest.mark.parametrize(("nilai", "kode"), [
    ("#DIV/0!", "#DIV/0!"), (" #n/a ", "#N/A"), ("#REF!", "#REF!"), ("#NAME?", "#NAME?"),
    ("#VALUE!", "#VALUE!"), ("", None), (None, None), (0, None), (True, None), ("REF", None),
])
def test_kode_galat(nilai: object, kode: str | None) -> None:
    assert kode_galat(nilai) == kode


def test_periksa_nilai_galat() -> None:
    m = periksa_nilai_galat("Indikator", "F7", "#DIV/0!", "=D7/C7")
    assert m == Masalah("galat", "rumus '=D7/C7' menghasilkan galat #DIV/0!",
                        "Pembaginya nol atau kosong: isi sel pembagi, atau bungkus rumus dengan "
                        "IFERROR.", "Indikator", "F7")
    m = periksa_nilai_galat("Data", "B3", "#N/A", None)
    assert m is not None and m.pesan == "sel berisi galat #N/A sebagai nilai, bukan rumus"
    assert periksa_nilai_galat("Data", "B3", "", "=A1") is None
