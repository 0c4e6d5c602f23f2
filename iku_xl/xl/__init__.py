"""The Excel front ends: cell functions for classic xlwings and xlwings Server.

:mod:`iku_xl.xl.fungsi` defines the functions once (no xlwings import);
:mod:`iku_xl.xl.udfs` decorates them for classic xlwings (desktop Excel),
:mod:`iku_xl.xl.server_fungsi` for xlwings Server (Office.js add-in), and
:mod:`iku_xl.xl.vba_udf` writes the VBA wrapper module ``macros/IkuFungsi.bas``.
"""
