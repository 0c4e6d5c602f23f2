"""The README stays true: its glossary names every header, and CI runs its test command."""

from __future__ import annotations

import re

from iku_xl.core.skema import LEMBAR_DATA, PROFIL
from tests.conftest import AKAR

README = (AKAR / "README.md").read_text(encoding="utf-8")


def test_glosarium_memuat_setiap_judul_kolom():
    hilang = [f"{d.nama} / {k.judul}" for d in LEMBAR_DATA for k in d.kolom
              if k.judul not in README and not re.match(r"(Target )?Triwulan I+V?$", k.judul)]
    hilang += [i.label for i in PROFIL if i.label.split(" ")[0] not in README]
    assert hilang == []


def test_dua_perintah_readme_dan_ci():
    blok = re.search(r"```bash\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(blok) == 2
    assert "iku-xl laporan workbooks/contoh_legok_2020.xlsx" in blok[0]
    uji = blok[1].split("&&")[-1].strip()
    assert uji == "python -m pytest -q"
    assert re.search(rf"^{re.escape(uji)}\b", (AKAR / ".ci" / "run").read_text(), re.M)
