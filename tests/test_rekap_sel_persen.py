"""The recap's look-up of percent-formatted cells (:meth:`rekap._Zip.sel_persen`) finds the
candidate cells' tags by their address: the same answer as reading every cell's tag in order
(the way it was done before, kept here as the oracle), on generated sheets with decoys (another
attribute ending in r, the address in text, a prefix, attributes in any order, duplicates)."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iku_xl.workbook import rekap as R

_GAYA = ('<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="5">'
         '<xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="2"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs>'
         "</styleSheet>")


def _semua_sel(z: R._Zip, kandidat: dict[str, set[tuple[int, int]]]) -> dict[str, frozenset[tuple[int, int]]]:
    """The oracle: every cell tag read in order, the percent styles from styles.xml."""
    gaya = z.zip.read("xl/styles.xml").decode()
    format_ = {int(a.get("numFmtId", "-1")): a.get("formatCode", "")
               for a in map(R._atribut, re.findall(r"<(?:\w+:)?numFmt\b[^>]*>", gaya))}
    xfs = re.search(r"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", gaya, re.DOTALL)
    xf = [int(R._atribut(t).get("numFmtId", "0")) for t in re.findall(r"<(?:\w+:)?xf\b[^>]*>", xfs.group(0))]
    persen = {i for i, f in enumerate(xf) if f in (9, 10) or "%" in format_.get(f, "")}
    hasil = {}
    for nama, sel in kandidat.items():
        xml = (z.lembar(nama) or b"").decode("utf-8", "replace")
        alamat = {f"{R.huruf_kolom(j)}{i + 1}": (i, j) for i, j in sel}
        hasil[nama] = frozenset(alamat[a["r"]] for a in map(R._atribut, R._SEL.findall(xml))
                                if a.get("r") in alamat and int(a.get("s", "0")) in persen)
    return hasil


_POS = st.tuples(st.integers(0, 6), st.integers(0, 4))


@st.composite
def _sel(draw: st.DrawFn) -> str:
    i, j = draw(_POS)
    ref = f"{R.huruf_kolom(j)}{i + 1}"
    s = draw(st.integers(0, 4))
    bentuk = draw(st.sampled_from(["rs", "sr", "tanpa_s", "xr", "teks", "awalan", "tutup", "rx"]))
    return {
        "rs": f'<c r="{ref}" s="{s}"><v>0.5</v></c>',
        "sr": f'<c t="n" s="{s}" r="{ref}"/>',
        "tanpa_s": f'<c r="{ref}"><v>1</v></c>',
        "xr": f'<c xr="{ref}" s="{s}"/>',
        "teks": f'<c r="Z9" s="{s}" t="inlineStr"><is><t>lihat r="{ref}" s="1"</t></is></c>',
        "awalan": f'<x:c r="{ref}" s="{s}"/>',
        "tutup": f'<c r="{ref}" s="{s}"></c>',
        "rx": f'<c r="{ref}x" s="{s}"/>',
    }[bentuk]


def _buku(sel: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="Target" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/styles.xml", _GAYA)
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet><sheetData><row r="1">{"".join(sel)}</row></sheetData>'
                                               "</worksheet>")
    return buf.getvalue()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_sel(), max_size=25), st.sets(_POS, max_size=12))
def test_sel_persen_sama_dengan_membaca_semua_sel(sel, kandidat):
    data = _buku(sel)
    k = {"Target": set(kandidat)}
    assert R._Zip(data).sel_persen(k) == _semua_sel(R._Zip(data), k)


def test_sel_persen_contoh():
    data = _buku(['<c r="C2" s="1"/>', '<c s="3" r="A1"/>', '<c xr="B1" s="1"/>', '<c r="B1" s="2"/>'])
    assert R._Zip(data).sel_persen({"Target": {(1, 2), (0, 0), (0, 1)}}) == {"Target": frozenset({(1, 2), (0, 0)})}


def test_sel_persen_mencari_alamat_kandidat():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Target"
    for r in range(1, 30):
        for c in range(1, 12):
            ws.cell(r, c, (r * c % 7) / 10 if c > 2 else f"r=\"{R.huruf_kolom(c - 1)}{r}\"")  # text like an attribute
            if (r + c) % 3 == 0:
                ws.cell(r, c).number_format = "0%" if c % 2 else "0.0%"
            elif (r + c) % 3 == 1:
                ws.cell(r, c).number_format = "#,##0.00"
    ws["Z40"] = 0.5
    ws["Z40"].number_format = "0%"
    buf = io.BytesIO()
    wb.save(buf)
    kandidat = {"Target": {(i, j) for i in range(0, 41, 2) for j in range(0, 26, 3)} | {(39, 25), (0, 0), (5, 2)}}
    z = R._Zip(buf.getvalue())
    hasil = z.sel_persen(kandidat)
    assert hasil == _semua_sel(z, kandidat)
    assert (39, 25) in hasil["Target"] and len(hasil["Target"]) > 20
    with zipfile.ZipFile(buf) as arsip:  # the cell tags openpyxl wrote carry r before s: the search does not care
        assert '<c r="Z40" s=' in arsip.read("xl/worksheets/sheet1.xml").decode()
