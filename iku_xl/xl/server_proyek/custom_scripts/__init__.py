"""The buttons for xlwings Server: it imports a top-level ``custom_scripts`` package from
its project directory (XLWINGS_PROJECT_DIR, set by ``python -m iku_xl.xl.server``)."""

from iku_xl.xl.server_skrip import *  # noqa: F401,F403
