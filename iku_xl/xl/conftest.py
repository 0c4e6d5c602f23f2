"""pytest: the xlwings Server modules are not collected as doctest modules.

Importing them needs ``XLWINGS_LICENSE_KEY`` and puts the server project on
``sys.path``; tests/test_server_fungsi.py runs them in a subprocess instead.
"""

collect_ignore = ["server_fungsi.py", "server_proyek"]
