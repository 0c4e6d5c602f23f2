"""The custom functions xlwings Server offers to Excel: iku-xl's cell functions.

xlwings Server imports a top-level ``custom_functions`` package from its project
folder (``XLWINGS_PROJECT_DIR`` = ``iku_xl/xl/server_proyek``, which it puts on
``sys.path``); it falls back to its own examples when there is none. A
``custom_scripts`` package for the task-pane buttons belongs beside this one.
"""

from iku_xl.xl.server_fungsi import *  # noqa: F401,F403
