"""Render the corpus (:mod:`tests.korpus.dokumen`) to ``tests/fixtures/dokumen/`` in every form.

Run from the repository root::

    python -m tests.korpus.buat            # every document
    python -m tests.korpus.buat NAMA ...   # some documents

Needs python-docx, openpyxl, Pillow, LibreOffice Writer AND Math (``soffice``; Debian/Ubuntu
packages ``libreoffice-writer-nogui`` and ``libreoffice-math-nogui``: without Math, Writer prints
Word equations as blank space and the script stops) and poppler (``pdftotext``, ``pdftoppm``). For each document it writes

- ``NAMA.docx``: python-docx for the skeleton plus raw OOXML where python-docx has no API
  (``w:br`` Shift+Enter lines, ``w:tab``, OMML fractions ``m:f``, content controls ``w:sdt``,
  ``vMerge``/``gridSpan`` merges, repeated header rows ``w:tblHeader``, nested tables, page
  header/footer with PAGE/NUMPAGES fields);
- ``NAMA.pdf``: that file printed by LibreOffice Writer (``soffice --headless --convert-to pdf``
  with a throw-away profile);
- ``NAMA-layout.txt``: ``pdftotext -layout`` of the PDF (columns as runs of spaces);
- ``NAMA-salin.txt``: ``pdftotext`` without ``-layout``, close to what a PDF viewer's select-all
  copy gives (cell texts one after another, wrapped);

plus ``NAMA.xlsx`` for the documents in :data:`XLSX` (the table as a unit types it into Excel) and
``pindaian.pdf``: page 2 (the lampiran table) of the first document as an image only (a scan, no text layer).

The committed files are small (a few KB to a few tens of KB). Regenerating changes the bytes
(timestamps inside PDF/zip), not the text.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

from tests.korpus.dokumen import DOKUMEN, Dokumen, Ind, Kolom, Paket, Pecahan, Tabel, TandaTangan

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "dokumen"
#: Documents that also get an Excel form.
XLSX = ("sk_camat_sukamaju_2017", "iku_kecamatan_cibodas_2024")
#: The document whose first page becomes the scanned PDF.
PINDAIAN = "sk_camat_sukamaju_2017"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
NS = f'xmlns:w="{W}" xmlns:m="{M}"'


# ---- raw OOXML pieces ---------------------------------------------------------------------------

def _rpr(tebal: bool, ukuran: float | None) -> str:
    isi = ("<w:b/>" if tebal else "") + (f'<w:sz w:val="{int(ukuran * 2)}"/><w:szCs w:val="{int(ukuran * 2)}"/>'
                                        if ukuran else "")
    return f"<w:rPr>{isi}</w:rPr>" if isi else ""


def _runs(teks: str, tebal: bool = False, ukuran: float | None = None) -> str:
    """Runs for text whose "\\n" are Shift+Enter breaks and "\\t" tabs."""
    rpr = _rpr(tebal, ukuran)
    keluar = []
    for i, baris in enumerate(teks.split("\n")):
        if i:
            keluar.append(f"<w:r>{rpr}<w:br/></w:r>")
        for j, bagian in enumerate(baris.split("\t")):
            if j:
                keluar.append(f"<w:r>{rpr}<w:tab/></w:r>")
            if bagian:
                keluar.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(bagian)}</w:t></w:r>')
    return "".join(keluar)


def _pecahan(p: Pecahan, ukuran: float | None) -> str:
    rpr = _rpr(False, ukuran)

    def mr(t: str) -> str:
        return f'<m:r>{rpr}<m:t xml:space="preserve">{escape(t)}</m:t></m:r>'

    return (f"{_runs(p.sebelum + ' ', ukuran=ukuran) if p.sebelum else ''}"
            f"<m:oMath><m:f><m:num>{mr(p.pembilang)}</m:num><m:den>{mr(p.penyebut)}</m:den></m:f></m:oMath>"
            f"{_runs(' ' + p.setelah, ukuran=ukuran) if p.setelah else ''}")


def _p(isi: str | Pecahan, tebal: bool = False, jajar: str | None = None, ukuran: float | None = None,
       kiri_cm: float | None = None, gantung_cm: float | None = None, tab_cm: tuple[float, ...] = ()) -> str:
    ppr = ""
    if tab_cm:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="left" w:pos="{int(c * 567)}"/>' for c in tab_cm) + "</w:tabs>"
    ppr += '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    if kiri_cm is not None or gantung_cm is not None:
        ppr += (f'<w:ind w:left="{int((kiri_cm or 0) * 567)}"'
                + (f' w:hanging="{int(gantung_cm * 567)}"' if gantung_cm else "") + "/>")
    if jajar:
        ppr += f'<w:jc w:val="{jajar}"/>'
    badan = _pecahan(isi, ukuran) if isinstance(isi, Pecahan) else _runs(isi, tebal, ukuran)
    return f"<w:p {NS}><w:pPr>{ppr}</w:pPr>{badan}</w:p>"


def _el(xml: str):  # noqa: ANN202 - an lxml element
    from docx.oxml import parse_xml

    return parse_xml(xml)


def _sdt(isi_xml: str, alias: str) -> str:
    """A content control (as Word's "Plain Text"/"Rich Text" controls) around block content."""
    return (f'<w:sdt {NS}><w:sdtPr><w:alias w:val="{escape(alias)}"/><w:tag w:val="{escape(alias)}"/>'
            f'<w:id w:val="{zlib.crc32(alias.encode()) % 100000}"/></w:sdtPr><w:sdtContent>{isi_xml}</w:sdtContent></w:sdt>')


def _tabel_bersarang(item: list[str], ukuran: float) -> str:
    garis = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    baris = "".join(f'<w:tr><w:tc><w:tcPr><w:tcW w:w="1400" w:type="dxa"/></w:tcPr>{_p(t, ukuran=ukuran)}</w:tc></w:tr>'
                    for t in item)
    return (f'<w:tbl {NS}><w:tblPr><w:tblW w:w="1400" w:type="dxa"/><w:tblBorders>{garis}</w:tblBorders>'
            f'</w:tblPr><w:tblGrid><w:gridCol w:w="1400"/></w:tblGrid>{baris}</w:tbl>')


# ---- the document ------------------------------------------------------------------------------

UKURAN_TABEL = 8.0


def _isi_sel(cell, isi: str | Pecahan, tebal: bool = False, jajar: str | None = None,  # noqa: ANN001
             sdt: str | None = None, ekor: str = "") -> None:
    """Replace a cell's paragraphs; "¶" in the text starts a new paragraph."""
    from docx.oxml.ns import qn

    tc = cell._tc
    for p in tc.findall(qn("w:p")):
        tc.remove(p)
    bagian = [isi] if isinstance(isi, Pecahan) else isi.split("¶")
    xml = "".join(_p(b, tebal, jajar, UKURAN_TABEL, kiri_cm=0.5, gantung_cm=0.5, tab_cm=(0.5,))
                  if isinstance(b, str) and b[:3].rstrip("\t").rstrip(".").isdigit() and ".\t" in b[:4]
                  else _p(b, tebal, jajar, UKURAN_TABEL) for b in bagian)
    if sdt:
        xml = _sdt(xml, sdt)
    wadah = _el(f"<w:body {NS}>{xml}{ekor}</w:body>")
    for anak in list(wadah):
        tc.append(anak)
    if ekor and tc[-1].tag != qn("w:p"):
        tc.append(_el(_p("")))


def _kolom_grid(t: Tabel) -> list[tuple[Kolom, int | None]]:
    """Grid columns: every column once, the target column once per year."""
    grid: list[tuple[Kolom, int | None]] = []
    for k in t.kolom:
        if k.kunci == "target":
            grid += [(k, y) for y in t.tahun]
        else:
            grid.append((k, None))
    return grid


def _teks_kolom(k: Kolom, tahun_idx: int | None, ind: Ind) -> str | Pecahan:
    if k.kunci == "target":
        return ind.target[tahun_idx or 0]
    if k.kunci == "indikator":
        return ind.nama
    return getattr(ind, k.kunci)


def _teks_paket(k: Kolom, tahun_idx: int | None, p: Paket) -> str:
    isi = [_teks_kolom(k, tahun_idx, i) for i in p.indikator]
    isi = [x.teks() if isinstance(x, Pecahan) else x for x in isi]
    if k.kunci in ("indikator", "formulasi", "alasan") or (k.kunci == "penanggung_jawab" and len(set(isi)) > 1):
        return p.pemisah.join(f"{n}.\t{x}" for n, x in enumerate(isi, start=1))
    if k.kunci == "sumber_data" and p.gabung_sumber:
        return p.gabung_sumber
    if k.kunci in ("sumber_data", "penanggung_jawab") and len(set(isi)) == 1:
        return isi[0]
    return "\n".join(isi)


def _tabel(doc, t: Tabel, halaman_cm: float) -> None:  # noqa: ANN001, C901
    from docx.oxml.ns import qn
    from docx.shared import Cm

    grid = _kolom_grid(t)
    ada_target = any(k.kunci == "target" for k in t.kolom)
    dua = t.target_dua_baris and ada_target
    n_judul = 2 if dua else 1
    baris_data: list[tuple[int, int, Ind | Paket]] = []  # sasaran idx, row within sasaran, row
    for si, s in enumerate(t.sasaran):
        for bi, b in enumerate(s.baris):
            baris_data.append((si, bi, b))
    n_atas = n_judul + (1 if t.penomoran else 0)
    tabel = doc.add_table(rows=n_atas + len(baris_data), cols=len(grid))
    if t.garis:
        tabel.style = doc.styles["Table Grid"]
    tabel.autofit = False
    total = sum(k.lebar for k, _ in grid)
    skala = min(1.0, halaman_cm / total)
    for j, (k, _) in enumerate(grid):
        for r in range(len(tabel.rows)):
            tabel.cell(r, j).width = Cm(k.lebar * skala)
    for gc, (k, _) in zip(tabel._tbl.tblGrid.findall(qn("w:gridCol")), grid, strict=True):
        gc.set(qn("w:w"), str(int(k.lebar * skala * 567)))
    tblpr = tabel._tbl.tblPr
    for lama in tblpr.findall(qn("w:tblW")):
        tblpr.remove(lama)
    tblpr.append(_el(f'<w:tblW {NS} w:w="{int(total * skala * 567)}" w:type="dxa"/>'))
    tblpr.append(_el(f'<w:tblLayout {NS} w:type="fixed"/>'))
    # header
    j = 0
    while j < len(grid):
        k, y = grid[j]
        if k.kunci == "target" and dua:
            akhir = j + len(t.tahun) - 1
            c = tabel.cell(0, j).merge(tabel.cell(0, akhir)) if akhir > j else tabel.cell(0, j)
            _isi_sel(c, k.judul, tebal=True, jajar="center")
            for n, th in enumerate(t.tahun):
                _isi_sel(tabel.cell(1, j + n), str(th), tebal=True, jajar="center")
            j = akhir + 1
            continue
        judul = k.judul
        if k.kunci == "target" and not dua and not t.target_tanpa_tahun:
            judul = f"{k.judul} {y}"
        c = tabel.cell(0, j).merge(tabel.cell(1, j)) if dua else tabel.cell(0, j)
        _isi_sel(c, judul, tebal=True, jajar="center")
        j += 1
    if t.penomoran:
        for j in range(len(grid)):
            _isi_sel(tabel.cell(n_judul, j), f"({j + 1})", jajar="center")
    for r in range(n_atas):
        trpr = tabel.rows[r]._tr.get_or_add_trPr()
        trpr.append(_el(f"<w:tblHeader {NS}/>"))
    # data: merge the sasaran's No/Sasaran cells first, then fill
    kolom_sas = [j for j, (k, _) in enumerate(grid) if k.kunci in ("no", "sasaran")]
    awal = n_atas
    for si, s in enumerate(t.sasaran):
        n = len(s.baris)
        for j in kolom_sas:
            c = tabel.cell(awal, j)
            if t.gabung_sasaran and n > 1:
                c = c.merge(tabel.cell(awal + n - 1, j))
            teks = f"{si + 1}." if grid[j][0].kunci == "no" else s.teks
            _isi_sel(c, teks, jajar="center" if grid[j][0].kunci == "no" else None)
            if t.ulang_sasaran and grid[j][0].kunci == "sasaran":
                for r in range(awal + 1, awal + n):
                    _isi_sel(tabel.cell(r, j), s.teks)
        awal += n
    for r, (si, bi, b) in enumerate(baris_data, start=n_atas):
        tahun_idx = 0
        for j, (k, y) in enumerate(grid):
            if k.kunci in ("no", "sasaran"):
                continue
            ti = t.tahun.index(y) if y is not None else None
            if isinstance(b, Paket):
                isi: str | Pecahan = _teks_paket(k, ti, b)
            else:
                isi = _teks_kolom(k, ti, b)
            jajar = "center" if k.kunci in ("target", "satuan", "polaritas") else None
            sdt = None
            if t.sdt and k.kunci in ("satuan", "target") and (r + j) % 2 == 0:
                sdt = f"{k.kunci} {r}"
            ekor = ""
            if k.kunci == "penanggung_jawab" and isinstance(b, Ind) and b.pj_bersarang:
                ekor = _tabel_bersarang(b.penanggung_jawab.split("; "), UKURAN_TABEL)
                isi = "Dikoordinasikan oleh:"
            _isi_sel(tabel.cell(r, j), isi, jajar=jajar, sdt=sdt, ekor=ekor)
            tahun_idx += 1
    if t.sdt:  # one whole data row inside a content control (a repeating-section control)
        tr = tabel.rows[n_atas + 1]._tr
        induk = tr.getparent()
        pos = induk.index(tr)
        sdt = _el(_sdt("", "Baris IKU"))
        induk.insert(pos, sdt)
        sdt.find(qn("w:sdtContent")).append(tr)


def _ttd(doc, ttd: TandaTangan, kiri_cm: float) -> None:  # noqa: ANN001
    from docx.oxml.ns import qn

    body = doc.element.body
    sect = body.find(qn("w:sectPr"))

    def tambah(xml: str) -> None:
        el = _el(xml)
        if sect is not None:
            sect.addprevious(el)
        else:
            body.append(el)

    baris = ttd.baris()
    tambah(_p(""))
    if ttd.gaya == "tabel":
        lebar = int(kiri_cm * 567)
        isi = "".join(_p(b, tebal=(b == ttd.nama), jajar="center") for b in baris)
        tambah(f'<w:tbl {NS}><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
               f'<w:tblGrid><w:gridCol w:w="{lebar}"/><w:gridCol w:w="5000"/></w:tblGrid>'
               f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{lebar}" w:type="dxa"/></w:tcPr>{_p("")}</w:tc>'
               f'<w:tc><w:tcPr><w:tcW w:w="5000" w:type="dxa"/></w:tcPr>{isi}</w:tc></w:tr></w:tbl>')
        tambah(_p(""))
        return
    if ttd.tab:
        baris = ["\t" * 9 + b if b else "" for b in baris]
        kiri = None
    else:
        kiri = kiri_cm
    if ttd.gaya == "br":
        tambah(_p("\n".join(baris), kiri_cm=kiri, tab_cm=(2.5,) if ttd.gaya_tanggal == "ditetapkan" else ()))
    else:
        for b in baris:
            tebal = b.strip() == ttd.nama
            xml = _p(b, tebal=tebal, kiri_cm=kiri, tab_cm=(2.5,) if ttd.gaya_tanggal == "ditetapkan" else ())
            if tebal and ttd.sdt_nama:
                xml = _sdt(xml, "Nama Pejabat")
            tambah(xml)


def _paragraf(doc, teks: str, **kw) -> None:  # noqa: ANN001, ANN003
    from docx.oxml.ns import qn

    body = doc.element.body
    body.find(qn("w:sectPr")).addprevious(_el(_p(teks, **kw)))


def _halaman_baru(doc) -> None:  # noqa: ANN001
    from docx.oxml.ns import qn

    doc.element.body.find(qn("w:sectPr")).addprevious(
        _el(f'<w:p {NS}><w:r><w:br w:type="page"/></w:r></w:p>'))


def _judul(teks: str) -> bool:
    huruf = [c for c in teks if c.isalpha()]
    return bool(huruf) and sum(c.isupper() for c in huruf) >= 0.8 * len(huruf) and len(teks) < 120


def buat_docx(d: Dokumen, tujuan: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = docx.Document()
    gaya = doc.styles["Normal"]
    gaya.font.name = "Arial"
    gaya.font.size = Pt(10)
    gaya.paragraph_format.space_after = Pt(0)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    if d.landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for a in ("left_margin", "right_margin"):
        setattr(sec, a, Cm(2.0))
    sec.top_margin, sec.bottom_margin = Cm(2.2), Cm(1.8)
    lebar = (29.7 if d.landscape else 21.0) - 4.0
    if d.kop:
        h = sec.header
        hp = h.paragraphs[0]._p
        hp.addnext(_el(_p("\n".join(d.kop), tebal=True, jajar="center", ukuran=9)))
        hp.getparent().remove(hp)
    if d.kaki:
        f = sec.footer
        fp = f.paragraphs[0]._p
        fp.addnext(_el(
            f'<w:p {NS}><w:pPr><w:jc w:val="right"/></w:pPr>{_runs("Halaman ", ukuran=8)}'
            f'<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>{_runs(" dari ", ukuran=8)}'
            f'<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'))
        fp.getparent().remove(fp)
    # python-docx's template starts with no paragraph; everything goes before sectPr
    for teks in d.pembuka:
        judul = "\t" not in teks and _judul(teks)
        _paragraf(doc, teks, tebal=judul, jajar="center" if judul else "both",
                  kiri_cm=None if judul else 3.0, gantung_cm=None if judul else 3.0,
                  tab_cm=() if judul else (2.6, 3.0, 3.6))
    if d.ttd_pembuka:
        _ttd(doc, d.ttd_pembuka, lebar * 0.55)
    if d.ttd_pembuka:
        _halaman_baru(doc)
    for teks in d.sela:
        _paragraf(doc, teks, kiri_cm=lebar * 0.55, tab_cm=(lebar * 0.55 + 2.2,))
    for n, t in enumerate(d.tabel):
        if n:
            _halaman_baru(doc)
        _paragraf(doc, "")
        for teks in t.judul:
            _paragraf(doc, teks, tebal=True, jajar="center")
        _paragraf(doc, "")
        _tabel(doc, t, lebar)
        for ttd in t.ttd:
            _ttd(doc, ttd, lebar * 0.6)
    doc.save(str(tujuan))


# ---- the other forms ---------------------------------------------------------------------------

def ke_pdf(docx_path: Path, folder: Path) -> Path:
    """Print with LibreOffice Writer, in a throw-away profile."""
    with tempfile.TemporaryDirectory(prefix="korpus-lo-") as profil:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profil}", "--headless", "--norestore",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(folder), str(docx_path)],
                       check=True, capture_output=True, timeout=180)
    return folder / f"{docx_path.stem}.pdf"


def ke_teks(pdf: Path, folder: Path) -> None:
    for akhiran, opsi in (("layout", ["-layout"]), ("salin", [])):
        subprocess.run(["pdftotext", *opsi, "-enc", "UTF-8", str(pdf), str(folder / f"{pdf.stem}-{akhiran}.txt")],
                       check=True, timeout=60)


def buat_pindaian(pdf: Path, tujuan: Path) -> None:
    """Page 2 as a bilevel image in a PDF: what a scanner gives, no text layer."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "110", "-f", "2", "-l", "2", "-gray", "-png", str(pdf), f"{tmp}/hal"],
                       check=True, timeout=60)
        png = next(Path(tmp).glob("hal*.png"))
        with Image.open(png) as im:
            im.convert("1").save(tujuan, "PDF", resolution=110.0)


def buat_xlsx(d: Dokumen, tujuan: Path) -> None:
    """The table as a unit types it into Excel: titles, a header (years under "Target"), the
    rows (Sasaran merged down), the signature under the table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "IKU"
    r = 1
    for t in d.tabel:
        grid = _kolom_grid(t)
        for teks in t.judul:
            ws.cell(r, 1, teks).font = Font(bold=True)
            r += 1
        r += 1
        j = 1
        for k, y in grid:
            judul = k.judul.replace("\n", " ")
            if k.kunci == "target":
                ws.cell(r, j, "Target" if y == t.tahun[0] else None)
                ws.cell(r + 1, j, y)
            else:
                ws.cell(r, j, judul)
            j += 1
        if len(t.tahun) > 1:
            j0 = next(i for i, (k, _) in enumerate(grid, start=1) if k.kunci == "target")
            ws.merge_cells(start_row=r, start_column=j0, end_row=r, end_column=j0 + len(t.tahun) - 1)
        r += 2
        for si, s in enumerate(t.sasaran):
            awal = r
            for b in s.baris:
                for j, (k, y) in enumerate(grid, start=1):
                    ti = t.tahun.index(y) if y is not None else None
                    if k.kunci == "no":
                        isi: object = si + 1 if r == awal else None
                    elif k.kunci == "sasaran":
                        isi = s.teks if r == awal else None
                    elif isinstance(b, Paket):  # items on their own lines, as Alt+Enter types them
                        isi = _teks_paket(k, ti, b).replace("\t", " ").replace("¶", "\n")
                    else:
                        v = _teks_kolom(k, ti, b)
                        isi = v.teks() if isinstance(v, Pecahan) else v
                        if k.kunci == "target":
                            isi = _angka_excel(str(isi))
                        elif isinstance(isi, str):
                            isi = isi.replace("¶", "\n")
                    c = ws.cell(r, j, isi)
                    c.alignment = Alignment(wrap_text=True, vertical="top")
                r += 1
            if len(s.baris) > 1:
                for j, (k, _) in enumerate(grid, start=1):
                    if k.kunci in ("no", "sasaran"):
                        ws.merge_cells(start_row=awal, start_column=j, end_row=r - 1, end_column=j)
        r += 1
        for ttd in t.ttd:
            for b in ttd.baris():
                ws.cell(r, max(2, len(grid) - 2), b.replace("\t", " ") or None)
                r += 1
        r += 2
    wb.save(tujuan)


def _angka_excel(teks: str) -> object:
    """A typed target: numbers as numbers (Excel turns "83,5" typed in an Indonesian locale into
    83.5), ranges and grades as text."""
    t = teks.strip()
    try:
        x = float(t.replace(",", "."))
    except ValueError:
        return t
    return int(x) if x.is_integer() else x


def _periksa_persamaan(d: Dokumen, salin: Path) -> None:
    teks = "".join(salin.read_text(encoding="utf-8").split())
    for t in d.tabel:
        for s in t.sasaran:
            for b in s.baris:
                for ind in (b.indikator if isinstance(b, Paket) else (b,)):
                    if isinstance(ind.formulasi, Pecahan) and "".join(ind.formulasi.pembilang.split()) not in teks:
                        raise SystemExit(f"{salin.name}: persamaan '{ind.formulasi.pembilang}' tidak tercetak; "
                                         "pasang libreoffice-math(-nogui)")


def buat(d: Dokumen, folder: Path = FOLDER) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="korpus-") as tmp:
        sementara = Path(tmp) / f"{d.nama}.docx"
        buat_docx(d, sementara)
        shutil.copy(sementara, folder / sementara.name)
        pdf = ke_pdf(sementara, Path(tmp))
        shutil.copy(pdf, folder / pdf.name)
    ke_teks(folder / f"{d.nama}.pdf", folder)
    _periksa_persamaan(d, folder / f"{d.nama}-salin.txt")
    if d.nama in XLSX:
        buat_xlsx(d, folder / f"{d.nama}.xlsx")
    if d.nama == PINDAIAN:
        buat_pindaian(folder / f"{d.nama}.pdf", folder / "pindaian.pdf")


def main(argv: list[str]) -> int:
    pilih = set(argv)
    for d in DOKUMEN:
        if not pilih or d.nama in pilih:
            buat(d)
            ukuran = {p.name: p.stat().st_size for p in FOLDER.glob(f"{d.nama}*")}
            print(d.nama, ", ".join(f"{n} {s // 1024} KB" for n, s in sorted(ukuran.items())))
    return 0


if __name__ == "__main__":
    io.TextIOWrapper  # noqa: B018 - keep the import list honest for tools
    sys.exit(main(sys.argv[1:]))
