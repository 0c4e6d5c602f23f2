"""The documents of the SAKIP year, each planned as data (a :class:`~iku_xl.core.tata_letak.LayoutLembar`)
and drawn by the same renderers (openpyxl file, xlwings Book).

One module per document: :mod:`.laporan` (Laporan Capaian and its chart), :mod:`.triwulan`
(Capaian Triwulan N), :mod:`.capaian` (the Capaian working sheet), :mod:`.anggaran` (Anggaran).
The parts they share — title block, signature block and its date rule, the sasaran grouping,
the capaian cell — live once in :mod:`.bagian`.
"""
