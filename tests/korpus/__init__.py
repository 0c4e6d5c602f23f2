"""A corpus of realistic IKU documents (as data), the script that renders them in the forms units
keep them (Word, PDF printed by LibreOffice, pdftotext text, Excel, a scan) and a scorer that
measures :func:`iku_xl.workbook.impor.impor` on them.

- :mod:`tests.korpus.dokumen`: the documents and, derived from the same data, what an import
  must give (:func:`~tests.korpus.dokumen.harapan`).
- :mod:`tests.korpus.buat`: ``python -m tests.korpus.buat`` regenerates ``tests/fixtures/dokumen/``.
- :mod:`tests.korpus.skor`: ``python -m tests.korpus.skor`` prints right/total, lost and invented
  per document and form.
"""
