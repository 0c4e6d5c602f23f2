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


def _perintah_pip_install(teks: str) -> list[list[str]]:
    """The arguments of every ``pip install`` in the text (code spans, code blocks, prose)."""
    import shlex

    hasil = []
    for m in re.finditer(r"pip\s+install\b([^`\n#]*)", teks):
        try:
            hasil.append(shlex.split(m.group(1).split("&&")[0]))
        except ValueError:  # an unbalanced quote: take the words as they are
            hasil.append(m.group(1).split())
    return hasil


def _nama_yang_tidak_terpasang(argumen: list[str]) -> list[str]:
    """Requirements naming iku-xl by its (unpublished) name, unless from a folder of wheels."""
    dari_folder = "--no-index" in argumen and any(a.startswith(("--find-links", "-f")) for a in argumen)
    nama = [a for a in argumen if not a.startswith("-")
            and re.match(r"iku[-_.]xl\b", a, re.I)]
    return [] if dari_folder else nama


def test_readme_tidak_memasang_nama_yang_belum_terbit():
    perintah = _perintah_pip_install(README)
    assert len(perintah) >= 4  # the two first commands, the staff step, the Excel step, the server
    salah = [a for p in perintah for a in _nama_yang_tidak_terpasang(p)]
    assert salah == []
    # the staff sections point to the bundle and to a path that installs
    assert "pasang.bat" in README and "iku-xl-windows-VERSI.zip" in README
    assert '`pip install ".[xl]"`' in README and "`pip install .`" in README


def test_pemeriksa_pip_install_menangkap_nama():
    assert _nama_yang_tidak_terpasang(shlex_split('"iku-xl[xl]"')) == ["iku-xl[xl]"]
    assert _nama_yang_tidak_terpasang(["-U", "iku_xl"]) == ["iku_xl"]
    assert _nama_yang_tidak_terpasang(shlex_split('--no-index --find-links wheels "iku-xl[xl]==0.1.0"')) == []
    assert _nama_yang_tidak_terpasang(shlex_split('-e ".[test]"')) == []
    assert _perintah_pip_install("Lalu `pip install iku-xl` (atau `pip install .`)") == [["iku-xl"], ["."]]


def shlex_split(s: str) -> list[str]:
    import shlex

    return shlex.split(s)


def test_readme_langkah_keamanan_office_dan_asr():
    for teks in ("Unblock / Buka blokir", "Lokasi Tepercaya", "Tools > Digital Signature", "SelfCert.exe",
                 "92e97fa1-2edf-4476-bdd6-9dd0b4dddc7b", "d4f940ab-401b-4efc-aadc-ad5f3c50688a",
                 "Block Win32 API calls from Office macros",
                 "Block Office\napplications from creating child processes",
                 "%LOCALAPPDATA%\\iku-xl\\venv\\Scripts\\pythonw.exe"):
        assert teks in README, teks
    assert "klik **Enable Content / Aktifkan Konten** agar makro boleh berjalan" not in README
