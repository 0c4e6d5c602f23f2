"""Run iku-xl on xlwings Server for many units: ``python -m iku_xl.xl.server``.

xlwings Server (the ``server`` extra: ``pip install "iku-xl[server]"``) is PolyForm
Noncommercial 1.0.0 or a paid xlwings licence; use by a government institution is
permitted use under PolyForm Noncommercial. It needs ``XLWINGS_LICENSE_KEY`` (the
value ``noncommercial`` for that licence) in the environment. The server imports
the cell functions and buttons from ``server_proyek/`` in this package.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PROYEK = Path(__file__).resolve().parent / "server_proyek"


def siapkan_lingkungan() -> None:
    """Point xlwings Server at iku-xl's project folder (before it is imported)."""
    os.environ.setdefault("XLWINGS_PROJECT_DIR", str(PROYEK))
    os.environ.setdefault("XLWINGS_ON_SERVER", "true")
    # Office.js custom functions live in a namespace: in Excel on the web they are =IKU.IKU_CAPAIAN(...)
    os.environ.setdefault("XLWINGS_FUNCTIONS_NAMESPACE", "IKU")
    if str(PROYEK) not in sys.path:
        sys.path.insert(0, str(PROYEK))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not os.environ.get("XLWINGS_LICENSE_KEY"):
        print("Galat: XLWINGS_LICENSE_KEY belum diisi. Untuk instansi pemerintah (PolyForm Noncommercial) "
              "isi: XLWINGS_LICENSE_KEY=noncommercial", file=sys.stderr)
        return 2
    siapkan_lingkungan()
    import uvicorn

    host = argv[0] if argv else "127.0.0.1"
    port = int(argv[1]) if len(argv) > 1 else 8000
    uvicorn.run("xlwings_server.main:main_app", host=host, port=port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
