"""The core stays pure: no adapter, file or Excel library is imported from iku_xl/core."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import iku_xl

CORE = Path(iku_xl.__file__).parent / "core"
#: What core modules may import: the standard library's pure parts, Babel, and the core itself.
BOLEH = {"__future__", "collections", "dataclasses", "datetime", "decimal", "functools", "itertools", "math",
         "re", "typing", "babel", "iku_xl.core", "difflib", "unicodedata", "string", "enum", "bisect",
         "operator", "statistics", "textwrap", "fractions"}


def _impor(path: Path) -> set[str]:
    nama = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            nama |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            nama.add(node.module)
    return nama


def test_core_hanya_mengimpor_yang_murni():
    salah = {}
    for path in sorted(CORE.rglob("*.py")):
        asing = {n for n in _impor(path)
                 if n not in BOLEH and n.split(".")[0] not in BOLEH and not n.startswith("iku_xl.core")}
        if asing:
            salah[str(path.relative_to(CORE))] = sorted(asing)
    assert salah == {}


def test_impor_iku_xl_ringan():
    """`import iku_xl` (what a UDF call pays) loads neither openpyxl, pandas nor xlwings."""
    kode = ("import sys, iku_xl; iku_xl.hitung_capaian(90, 92); "
            "print(sorted(m for m in ('openpyxl', 'pandas', 'xlwings', 'numpy') if m in sys.modules))")
    keluar = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert keluar.stdout.strip() == "[]"
