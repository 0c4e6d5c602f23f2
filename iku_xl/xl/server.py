"""Run iku-xl on xlwings Server for many units: ``python -m iku_xl.xl.server``.

xlwings Server (the ``server`` extra: ``pip install ".[server]"``) is PolyForm
Noncommercial 1.0.0 or a paid xlwings licence; use by a government institution is
permitted use under PolyForm Noncommercial. It needs ``XLWINGS_LICENSE_KEY`` (the
value ``noncommercial`` for that licence) in the environment.

The add-in is iku-xl's own through xlwings-server's override mechanisms, all in the
project folder ``server_proyek/`` (``XLWINGS_PROJECT_DIR``); nothing in site-packages
is changed:

* ``pyproject.toml`` ``[tool.xlwings_server]``: the name (``project_name``), the
  functions' namespace and iku-xl's add-in IDs (``manifest_id_*``); environment
  variables ``XLWINGS_*`` win over them;
* ``templates/``: ``manifest.xml`` (id, Indonesian names and labels, only iku-xl's
  commands), ``taskpane.html``, and Indonesian copies of ``base.html`` and
  ``xlwings_alert.html`` (:data:`TERJEMAHAN`, checked against the installed package);
* ``static/``: ``js/ribbon.js`` (the ribbon buttons) and ``images/icons/iku-xl-*.png``
  (:func:`ikon_png`);
* ``custom_functions`` / ``custom_scripts``: the cell functions and the buttons.

This module imports nothing of xlwings, so it can be read without the extra.
"""

from __future__ import annotations

import os
import struct
import sys
import zlib
from pathlib import Path

PROYEK = Path(__file__).resolve().parent / "server_proyek"

#: xlwings-server's templates that iku-xl serves in Indonesian: (English, Indonesian) pairs, each
#: found exactly once in the installed package's template. :func:`templat_indonesia` applies them.
TERJEMAHAN: dict[str, tuple[tuple[str, str], ...]] = {
    "base.html": (
        ('<html lang="en">', '<html lang="id">'),
        ("<title>Task pane</title>", "<title>iku-xl</title>"),
        *((f'aria-label="Close"></button>\n      <span></span>\n    </div>\n    <div id="{nxt}',
           f'aria-label="Tutup"></button>\n      <span></span>\n    </div>\n    <div id="{nxt}')
          for nxt in ("global-status", "xlwings-office")),  # the two alerts' close buttons
        ("<div class=\"mb-3\">The add-in didn't load properly.</div>",
         '<div class="mb-3">Add-in iku-xl belum termuat dengan benar. Muat ulang panel ini; bila tetap '
         'gagal, tutup lalu buka lagi buku kerjanya.</div>'),
        ('id="xlwings-taskpane-reload-btn">Reload</button>', 'id="xlwings-taskpane-reload-btn">Muat ulang</button>'),
        ('id="xlwings-taskpane-reload-cancel-btn">Cancel</button>',
         'id="xlwings-taskpane-reload-cancel-btn">Batal</button>'),
    ),
    "xlwings_alert.html": (
        ('btn-xl-alert">Yes</button>', 'btn-xl-alert">Ya</button>'),
        ('btn-xl-alert">No</button>', 'btn-xl-alert">Tidak</button>'),
        ('btn-xl-alert">Cancel</button>', 'btn-xl-alert">Batal</button>'),
    ),
}

_KEPALA_TEMPLAT = ("{# iku-xl: xlwings-server's templates/%s in Indonesian (iku_xl.xl.server.TERJEMAHAN; "
                   "regenerate with templat_indonesia after an xlwings-server upgrade). #}\n")


def templat_indonesia(nama: str, asli: str) -> str:
    """xlwings-server's template ``nama`` (its text ``asli``) with iku-xl's Indonesian strings.

    >>> templat_indonesia("xlwings_alert.html", 'a btn-xl-alert">Yes</button> btn-xl-alert">No</button>'
    ...                   ' btn-xl-alert">Cancel</button>').splitlines()[1]
    'a btn-xl-alert">Ya</button> btn-xl-alert">Tidak</button> btn-xl-alert">Batal</button>'
    """
    for inggris, indonesia in TERJEMAHAN[nama]:
        if asli.count(inggris) != 1:
            raise ValueError(f"templat {nama} xlwings-server berubah: {inggris!r} tidak ditemukan tepat sekali")
        asli = asli.replace(inggris, indonesia)
    return _KEPALA_TEMPLAT % nama + asli


# ---- the icons: small PNGs drawn here, committed in server_proyek/static/images/icons ----------

#: The sizes Office asks for: 16/32/80 for the ribbon, 32 and 64 for the add-in lists.
UKURAN_IKON = (16, 32, 64, 80)
_HIJAU, _PUTIH = (0x1E, 0x6E, 0x50), (0xFF, 0xFF, 0xFF)
_BATANG = ((0.20, 0.34, 0.60), (0.42, 0.56, 0.42), (0.64, 0.78, 0.22))  # x0, x1, top (of 1)


def _warna(x: float, y: float) -> tuple[int, int, int, int]:
    """The icon at (x, y) in [0, 1)^2: a green rounded square, three rising white bars."""
    r = 0.18
    dx, dy = max(r - x, x - (1 - r), 0.0), max(r - y, y - (1 - r), 0.0)
    if dx * dx + dy * dy > r * r:
        return (0, 0, 0, 0)
    if 0.80 >= y and any(x0 <= x < x1 and y >= atas for x0, x1, atas in _BATANG):
        return (*_PUTIH, 255)
    if 0.84 <= y < 0.88 and 0.16 <= x < 0.84:  # the base line
        return (*_PUTIH, 255)
    return (*_HIJAU, 255)


def ikon_png(ukuran: int, sampel: int = 4) -> bytes:
    """iku-xl's icon as an RGBA PNG of ``ukuran`` px (supersampled ``sampel``² per pixel).

    >>> ikon_png(16)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    baris = bytearray()
    for j in range(ukuran):
        baris.append(0)  # filter: none
        for i in range(ukuran):
            titik = [_warna((i + (a + 0.5) / sampel) / ukuran, (j + (b + 0.5) / sampel) / ukuran)
                     for a in range(sampel) for b in range(sampel)]
            alfa = sum(t[3] for t in titik)
            if alfa == 0:
                baris += bytes(4)
                continue
            warna = [round(sum(t[k] * t[3] for t in titik) / alfa) for k in range(3)]
            baris += bytes([*warna, round(alfa / len(titik))])

    def potong(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))

    kepala = struct.pack(">IIBBBBB", ukuran, ukuran, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + potong(b"IHDR", kepala) + potong(b"IDAT", zlib.compress(bytes(baris), 9))
            + potong(b"IEND", b""))


def berkas_ikon(ukuran: int) -> Path:
    return PROYEK / "static" / "images" / "icons" / f"iku-xl-{ukuran}.png"


# ---- the process ---------------------------------------------------------------------------------

def tanpa_pyodide() -> None:
    """Stop xlwings looking for Pyodide once per cell (this process is not Pyodide).

    xlwings 0.37.8's ``utils.is_jsnull`` runs ``from pyodide.ffi import JsNull`` for every
    argument cell of a custom function; outside Pyodide that import fails, and a failed
    import is not cached, so each cell searches sys.path again (15.6 of 20.6 s for
    100,000 cells). Two steps, both only outside Pyodide (``sys.platform`` is
    "emscripten" there, where the import must work):

    * ``sys.modules["pyodide"] = None`` (unless something is there): every later
      ``import pyodide...`` fails at once, without searching the path;
    * ``xlwings.utils.is_jsnull`` becomes a function that resolves ``JsNull`` once (the
      upstream fix; it keeps the same answer: nothing is a JsNull outside Pyodide).
      ``xlwings.pro._xlofficejs`` calls it through the module, so it takes effect.

    Called when the server imports the custom functions and scripts (server_fungsi,
    server_skrip), i.e. in every server worker process before its first request.
    """
    if sys.platform == "emscripten":
        return
    sys.modules.setdefault("pyodide", None)  # type: ignore[arg-type]
    import xlwings.utils as utils

    if getattr(utils.is_jsnull, "iku_xl", False):
        return
    try:
        from pyodide.ffi import JsNull  # type: ignore[import-not-found]
    except ImportError:
        JsNull = None

    def is_jsnull(value: object) -> bool:
        """xlwings' is_jsnull with the import resolved once (iku_xl.xl.server.tanpa_pyodide)."""
        return JsNull is not None and isinstance(value, JsNull)

    is_jsnull.iku_xl = True  # type: ignore[attr-defined]
    is_jsnull.asli = utils.is_jsnull  # type: ignore[attr-defined]  # benchmarks/server.py --tanpa-solusi
    utils.is_jsnull = is_jsnull


def siapkan_lingkungan() -> None:
    """Point xlwings Server at iku-xl's project folder (before it is imported).

    The add-in's name, namespace and IDs come from ``server_proyek/pyproject.toml``.
    """
    os.environ.setdefault("XLWINGS_PROJECT_DIR", str(PROYEK))
    os.environ.setdefault("XLWINGS_ON_SERVER", "true")
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
