"""The fast scan of a worksheet's extent (:class:`pemeriksaan._PengukurCepat`) against expat's
(:class:`pemeriksaan._Pengukur`): the same rows, columns and cells, the same refusal naming the
same cell, on generated sheet XML with adversarial forms (cells out of order, a far cell in the
middle, 3-letter columns, rows past 1,048,576, a wrong ``<dimension>``), fed in blocks of every
size (a cell split across two blocks); and every sheet the fast scan cannot be sure of goes to expat.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iku_xl.core.errors import BerkasTidakValid
from iku_xl.workbook import pemeriksaan as pm
from tests.test_berkas_rusak import buku_satu_lembar

_DEKAT = st.integers(1, 60)
_KOLOM = st.one_of(_DEKAT, _DEKAT, st.integers(995, 1005), st.sampled_from([26, 27, 702, 703, 16384, 16385, 18278]))
_BARIS = st.one_of(_DEKAT, _DEKAT, st.integers(249_995, 250_005),
                   st.sampled_from([0, 5001, 1_048_576, 1_048_577, 9_999_999, 12_345_678]))
#: Cells and rows as every writer writes them, and the other ways expat reads too.
_SEL_BIASA = ["biasa", "biasa", "biasa", "kosong", "teks", "nol_depan"]
_SEL_LAIN = ["tanpa_r", "atribut_dulu", "rujukan", "awalan", "awalan_panjang", "spasi", "kecil"]
_BARIS_BIASA = ["biasa", "biasa", "spans", "nol_depan"]
_BARIS_LAIN = ["tanpa_r", "atribut_dulu", "awalan"]
_BLOK = st.one_of(st.just(1 << 20), st.sampled_from([1, 2, 3, 5]),
                  st.sampled_from([13, 31, 32, 33, 64, 200, 1000, 4096]))


def _sel(bentuk: str, kolom: int, baris: int) -> str:
    huruf = pm.huruf_kolom(kolom)
    ref = f"{huruf}{baris}"
    return {
        "biasa": f'<c r="{ref}" s="1"><v>1</v></c>',
        "kosong": f'<c r="{ref}"/>',
        "teks": f'<c r="{ref}" t="inlineStr"><is><t>Catatan: &lt;c r="XFD1"&gt; a:b 100%</t></is></c>',
        "nol_depan": f'<c r="{huruf}0{baris}"/>',
        "tanpa_r": "<c><v>2</v></c>",
        "atribut_dulu": f'<c s="1" r="{ref}"/>',
        "rujukan": f'<c r="&#{ord(huruf[0])};{ref[1:]}"/>',
        "awalan": f'<x:c r="{ref}"/>',
        "awalan_panjang": f'<{"p" * 40}:c r="{ref}"/>',  # ":c" far from its "<": split across blocks
        "spasi": f'<c\n r="{ref}"/>',
        "kecil": f'<c r="{ref.lower()}"/>',
    }[bentuk]


def _baris(bentuk: str, r: int, isi: str) -> str:
    buka, tutup = {
        "biasa": (f'<row r="{r}">', "</row>"),
        "spans": (f'<row r="{r}" spans="1:3" x14ac:dyDescent="0.25">', "</row>"),
        "nol_depan": (f'<row r="0{r}">', "</row>"),
        "tanpa_r": ("<row>", "</row>"),
        "atribut_dulu": (f'<row spans="1:2" r="{r}">', "</row>"),
        "awalan": (f'<x:row r="{r}">', "</x:row>"),
    }[bentuk]
    return buka + isi + tutup if isi or bentuk == "awalan" else buka[:-1] + "/>"


@st.composite
def lembar(draw: st.DrawFn, lain: bool = True) -> tuple[bytes, bool]:
    """A sheet's XML, and whether every cell and row in it is written the usual way."""
    nol = draw(st.booleans())  # a leading zero ("B03") is read right, by counting: not in every sheet
    bentuk_sel = st.sampled_from((_SEL_BIASA if nol else _SEL_BIASA[:-1])
                                 + (_SEL_LAIN if lain and draw(st.booleans()) else []))
    bentuk_baris = st.sampled_from((_BARIS_BIASA if nol else _BARIS_BIASA[:-1])
                                   + (_BARIS_LAIN if lain and draw(st.booleans()) else []))
    biasa, semua, baris, jauh = True, [], [], []
    kolom_, baris_ = (_KOLOM, _BARIS) if draw(st.booleans()) else (_DEKAT, _DEKAT)  # a sheet within the limits
    for _ in range(draw(st.integers(0, 6))):
        b, r = draw(bentuk_baris), draw(baris_)
        jauh.append((0, r))
        sel = []
        for _ in range(draw(st.integers(0, 5))):
            s, k = draw(bentuk_sel), draw(kolom_)
            rs = r if draw(st.integers(0, 3)) else draw(baris_)  # now and then a cell far from its row
            sel.append(_sel(s, k, rs))
            semua.append((k, rs))
            biasa &= s in _SEL_BIASA and len(str(rs)) + (s == "nol_depan") <= 7
        baris.append(_baris(b, r, "".join(sel)))
        biasa &= b in _BARIS_BIASA and len(str(r)) + (b == "nol_depan") <= 7
    if draw(st.booleans()):
        baris = draw(st.permutations(baris))  # rows out of order
    dimensi = draw(st.sampled_from(["", "benar", "benar", "benar", "acak", "satu"]))
    if dimensi == "benar" and semua:  # what every writer writes: the farthest row (or cell) and column
        dimensi = f"A1:{pm.huruf_kolom(max(k for k, _ in semua))}{max(r for _, r in semua + jauh)}"
    elif dimensi == "acak":
        dimensi = f"A1:{pm.huruf_kolom(draw(_KOLOM))}{draw(_BARIS)}"
    elif dimensi:
        dimensi = "A1"
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x="m">'
           + (f'<dimension ref="{dimensi}"/>' if dimensi else "")
           + "<sheetData>" + "".join(baris) + "</sheetData></worksheet>")
    return xml.encode(), biasa


def _hasil(ukur) -> tuple[int, int, int] | str:
    try:
        luas = ukur()
    except BerkasTidakValid as e:
        return str(e)
    return luas.baris, luas.kolom, luas.sel


def _umpan(pengukur, xml: bytes, blok: int):
    for i in range(0, len(xml), blok):
        pengukur.umpan(xml[i:i + blok])
    return pengukur.selesai()


def _expat(xml: bytes, blok: int) -> tuple[int, int, int] | str:
    return _hasil(lambda: _umpan(pm._Pengukur("u.xlsx", "Data"), xml, blok))


def _cepat(xml: bytes, blok: int) -> tuple[str, tuple[int, int, int] | str]:
    """As :func:`pemeriksaan._ukur`: the stated extent verified, else the cells counted, else expat."""
    for petunjuk in (True, False):
        try:
            return "cepat", _hasil(lambda: _umpan(pm._PengukurCepat("u.xlsx", "Data", petunjuk), xml, blok))
        except pm._PerluUlang:
            assert petunjuk
        except pm._PerluTeliti:
            break
    return "teliti", _expat(xml, blok)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lembar(), _BLOK, _BLOK)
def test_pindaian_cepat_sama_dengan_expat(contoh, blok, blok_expat):
    xml, biasa = contoh
    cara, hasil = _cepat(xml, blok)
    assert hasil == _expat(xml, blok_expat)
    # sure: expat is never needed; unsure: expat measures it (unless a cell before was already refused)
    assert cara == "cepat" if biasa else (cara == "teliti" or isinstance(hasil, str))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lembar(lain=False), _BLOK)
def test_kedua_cara_cepat_sama(contoh, blok):
    """The stated extent verified and the cells counted one by one give the same (and expat's)."""
    xml, biasa = contoh
    dengan = _hasil(lambda: _umpan(pm._PengukurCepat("u.xlsx", "Data", True), xml, blok)) \
        if biasa and b"<dimension" in xml else None
    tanpa = _hasil(lambda: _umpan(pm._PengukurCepat("u.xlsx", "Data", False), xml, blok)) if biasa else None
    if biasa:
        assert tanpa == _expat(xml, 1 << 20)
    if dengan is not None:
        assert dengan == tanpa


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lembar(), st.sampled_from([16, 100, 1 << 20]), st.booleans())
def test_lewat_berkas_sama_dengan_expat(contoh, blok, simpan):
    """Through the real path (zip, inflated in small blocks; a sheet too large to keep read again)."""
    xml, _ = contoh
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pm, "_BLOK", blok)
        mp.setattr(pm._PengukurCepat, "_SIMPAN", 2 * blok if simpan else 0)
        hasil = _hasil(lambda: pm.periksa_berkas("u.xlsx", buku_satu_lembar(xml)).lembar["Data"])
    assert hasil == _expat(xml, 1 << 20)


def test_dimensi_bohong_dibaca_ulang(monkeypatch):
    """A stated extent larger than the cells', in a sheet too large to keep: read again, counted."""
    monkeypatch.setattr(pm, "_BLOK", 64)
    monkeypatch.setattr(pm._PengukurCepat, "_SIMPAN", 0)
    sel = "".join(f'<row r="{i}"><c r="B{i}"><v>{i}</v></c></row>' for i in range(1, 40))
    xml = f'<worksheet><dimension ref="A1:K500"/><sheetData>{sel}</sheetData></worksheet>'.encode()
    assert pm.periksa_berkas("u.xlsx", buku_satu_lembar(xml)).lembar["Data"] == pm.Luas(39, 2, 39)


@pytest.mark.parametrize("sel, ref", [
    ('<row r="3"><c r="A3"/><c r="B3"/></row>', "A3"),  # the first cell of the farthest row
    ('<row r="300000"/><row r="5"><c r="B5"/><c r="C300000"/><c r="D300000"/></row>', "C300000"),
    ('<row r="1"><c r="A1"/><c r="ALM1"/><c r="ALN1"/></row>', "ALM1"),  # refused at the first one past
])
def test_sel_yang_disebut(sel, ref):
    xml = f'<worksheet><dimension ref="A1"/><sheetData>{sel}</sheetData></worksheet>'.encode()
    cara, hasil = _cepat(xml, 1 << 20)
    assert cara == "cepat" and hasil == _expat(xml, 7)
    if ref != "A3":
        assert f"sel {ref}:" in hasil


@pytest.mark.parametrize("blok", [1, 7, 1 << 20])
@pytest.mark.parametrize("xml, cara", [
    # a prefixed cell before the root <worksheet>: its tag is not skipped as the root's namespaces are
    (b'<?xml version="1.0"?><x:c xmlns:x="m" r="XFD1"><worksheet><sheetData/></worksheet></x:c>', "teliti"),
    # the root's attributes hold no cell, whatever their text
    (b'<worksheet xmlns:x="m" a="x:c "><dimension ref="A1"/><sheetData><row r="1"><c r="A1"/></row></sheetData>'
     b'</worksheet>', "cepat"),
    # a prefix split across two blocks, far from any "<"
    (b'<worksheet><sheetData><row r="1"><' + b"p" * 40 + b':c xmlns:' + b"p" * 40 + b'="m" r="XFD1"/></row>'
     b'</sheetData></worksheet>', "teliti"),
])
def test_awalan_dan_akar(xml, cara, blok):
    hasil = _cepat(xml, blok)
    assert hasil[1] == _expat(xml, 1 << 20)
    if blok == 1 << 20:  # in small blocks the root's tag is not seen whole: expat measures that sheet
        assert hasil[0] == cara
