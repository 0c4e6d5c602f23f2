"""Import an IKU table from a document: text pasted from Word/PDF, a .docx table, a PDF, a sheet.

Adapters hand over the source as rows of cell texts (:class:`BarisSumber`); every reading
rule lives here, the title and signature rules in :mod:`iku_xl.core.impor.profil`.

* A header row is a row whose cells are mostly header words (:data:`JUDUL_KOLOM`) and
  one of them names the indicator column; the row below it is its second row when it
  holds only short header words or years ("ALASAN", "FORMULASI", "2024"). Columns are
  mapped for every header occurrence, so a header repeated after a page break may lay
  its columns out differently; an empty header cell belongs to the merged cell at its
  left. A numbering row "(1) (2) (3) ..." is skipped.
* A header is a repeat (same table) when only empty lines or a page number separate it
  from the rows above; any other text in between (a title, a signature) starts a new
  table, whose "TARGET" column takes its year from the titles above it.
* Lines inside a cell ("\\n") join as prose with one space; an indicator cell of numbered
  items ("1. ... 2. ...") is several indicators when the row's target, formulasi and satuan
  cells hold as many items, else it is kept whole with a note (:mod:`~iku_xl.core.impor.paket`).
* A fragment -- a row with a name but no number, unit or target, starting in lower case or in
  a table whose rows give them -- joins the indicator above it (an indicator row waits for its
  fragments before it is matched or added) or is listed as not read; never an indicator.
  The rest of a sasaran cell (lower case, or right under a row holding sasaran text) joins it.
* A row without indicator name, number, unit or target whose text sits in Alasan,
  Formulasi, Sumber Data or Penanggung Jawab continues the indicator above (a row split
  by a page break). A blank Sasaran or number means "same as above".
* A row matches an indicator already read by its normalised name within the sasaran; a
  row of a later table also by a nearly equal name, or a name containing the other,
  under another sasaran. Kode is "<sasaran ke-n>.<indikator ke-m>" in reading order.

The import never invents data: a row it cannot place is listed in ``tidak_terbaca``, a
unit or polarity inferred from the indicator's name in ``dugaan`` for staff to check.

>>> teks = ("INDIKATOR KINERJA UTAMA KECAMATAN CONTOH TAHUN 2024\\n"
...         "NO\\tSASARAN STRATEGIS\\tINDIKATOR KINERJA\\tSATUAN\\tTARGET\\n"
...         "1\\tMeningkatnya pelayanan\\tPersentase pengaduan yang ditindaklanjuti\\t%\\t90 %\\n"
...         "\\t\\tIndeks Kepuasan Masyarakat\\tIndeks\\t83,5\\n")
>>> hasil = impor_baris([BarisSumber(tuple(b.split("\\t")), i) for i, b in enumerate(teks.splitlines(), 1)])
>>> [(i.kode, i.nama, i.satuan) for i in hasil.buku.indikator]
[('1.1', 'Persentase pengaduan yang ditindaklanjuti', '%'), ('1.2', 'Indeks Kepuasan Masyarakat', 'Indeks')]
>>> [(t.kode, t.tahun, t.nilai) for t in hasil.buku.target]
[('1.1', 2024, 90.0), ('1.2', 2024, 83.5)]
>>> hasil.buku.profil.instansi, hasil.tidak_terbaca
('KECAMATAN CONTOH', ())
"""

from iku_xl.core.impor.baris import impor_baris
from iku_xl.core.impor.model import BarisSumber, Dugaan, HasilImpor

__all__ = ["BarisSumber", "Dugaan", "HasilImpor", "impor_baris"]
