"""Reading real workbook files: percent-formatted cells, merged cells, formula results."""

from __future__ import annotations

import openpyxl
import pytest

from iku_xl.core.baca import baca_buku
from iku_xl.workbook.baca import buka, lembaran


def _ubah_dan_baca(path, fungsi):
    wb = openpyxl.load_workbook(path)
    fungsi(wb)
    wb.save(path)
    return baca_buku(lembaran(buka(path)))


def test_sel_berformat_persen_dibaca_sebagai_persen(salin):
    def ubah(wb):
        ws = wb["Target"]  # 3.1 (%): 40, 50, 60 -> typed as 0.4 etc. in percent-formatted cells
        for r in range(4, 13):
            if ws.cell(r, 1).value == "3.1":
                ws.cell(r, 3).value = ws.cell(r, 3).value / 100
                ws.cell(r, 3).number_format = "0%"
    buku, masalah = _ubah_dan_baca(salin("contoh_bantargebah_2024-2026.xlsx"), ubah)
    assert masalah == []
    assert [t.nilai for t in buku.target if t.kode == "3.1"] == [pytest.approx(40), pytest.approx(50),
                                                                 pytest.approx(60)]


def test_sasaran_digabung_berlaku_untuk_semua_barisnya(salin):
    def ubah(wb):
        ws = wb["Indikator"]  # staff merge B8:B10 over the three indicators of sasaran 2
        for r in (9, 10):
            ws.cell(r, 2).value = None
        ws.merge_cells("B8:B10")
    buku, masalah = _ubah_dan_baca(salin("contoh_legok_2020.xlsx"), ubah)
    assert masalah == []
    assert len({i.sasaran for i in buku.indikator if i.kode.startswith("2.")}) == 1


def test_berkas_dengan_sandi_atau_bukan_excel(tmp_path):
    from iku_xl.core.errors import BerkasTidakValid

    p = tmp_path / "IKU.xlsx"
    p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)  # an OLE file: what Excel writes for a protected book
    with pytest.raises(BerkasTidakValid) as e:
        buka(p)
    assert str(e.value).startswith("berkas 'IKU.xlsx' tidak dapat dibuka")
