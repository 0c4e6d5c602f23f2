"""pytest: modules that are not collected as doctest modules (they hold no doctests).

The xlwings Server modules need ``XLWINGS_LICENSE_KEY`` and put the server project on
``sys.path``; ``udfs.py`` needs xlwings, an optional dependency. The tests run them in
subprocesses instead: tests/test_server_fungsi.py, tests/test_udf_metadata.py.
"""

collect_ignore = ["server_fungsi.py", "server_proyek", "udfs.py"]
