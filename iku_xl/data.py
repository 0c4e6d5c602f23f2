"""The IKU data as pandas DataFrames, for analysts (Bappeda, Inspektorat): the recap and one workbook.

A front end like the CLI: it holds no rule. Each workbook is read by the recap's reader
(:func:`iku_xl.workbook.rekap.baca_unit`, python-calamine) and computed by the core
(:func:`iku_xl.core.tugas.hitung_tahun`, the job of the recap and of the Laporan Capaian);
the recap table's rows are those :func:`iku_xl.workbook.rekap.proses_berkas` gives the
recap workbook, under the Rekap sheet's own headers (:data:`iku_xl.core.rekap.KOLOM_REKAP`).

pandas is an optional extra (``data``: ``pip install ".[data]"`` from the source folder, or just
``pip install pandas``) imported only when these functions run: ``import iku_xl`` never loads it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from iku_xl.core.errors import BerkasTidakValid, IkuError, Masalah
from iku_xl.core.ikm import UNSUR
from iku_xl.core.model import BukuIKU, nilai_sel
from iku_xl.core.rekap import KOLOM_REKAP, HasilUnit

if TYPE_CHECKING:
    import pandas as pd

#: The Rekap sheet's column headers, from the layout the recap workbook is written with.
KOLOM = tuple(judul for judul, _, _ in KOLOM_REKAP)
#: Where :func:`rekap_data` lists the files it could not recap: ``tabel.attrs[BERMASALAH]``.
BERMASALAH = "Berkas Bermasalah"
#: ``tabel.attrs[DIREKAP]``: how many units :func:`rekap_data` recapped (as the Ringkasan Unit sheet counts them).
DIREKAP = "Unit Direkap"


def pandas() -> Any:
    """pandas, or an :class:`IkuError` telling how to install it (the CLI's exit 2)."""
    try:
        import pandas as pd
    except ImportError:
        raise IkuError("pandas belum terpasang; data rekap (--csv, baca_buku, rekap_data) membutuhkannya",
                       saran='Pasang dengan: pip install pandas (atau dari folder sumber iku-xl: pip install ".[data]")') from None
    return pd


@dataclass(frozen=True)
class DataBuku:
    """One IKU workbook as tidy DataFrames, one row per observation; every frame starts with
    ``unit`` (Nama Instansi in Profil, else the file name) and ``kode`` where it has one.

    * ``indikator``: one row per indicator (sasaran, indikator, satuan, polaritas, konsolidasi...);
    * ``target``: one row per indicator and year (``target``, ``target_tw1`` .. ``target_tw4``);
    * ``realisasi``: one row per indicator and year as typed (``realisasi_tw1`` .. ``_tw4``,
      ``realisasi_tahunan``, ``pembilang``, ``penyebut``, ``sumber``);
    * ``capaian``: one row per indicator and year that has a target and is not blocked by a galat:
      the numbers of that year's Laporan Capaian (``target``, ``realisasi``, ``capaian``,
      ``status``, ``predikat``, ``alasan`` when there is no capaian);
    * ``survei``: one row per respondent of the Survei IKM sheet (``u1`` .. ``u9``), None without one;
    * ``masalah``: what the reading and the computation found (``tingkat`` galat/peringatan).

    Targets and realisasi are numbers; a range ("80-90") or a grade ("BB") stays text, as in the
    workbook's cells.
    """

    indikator: pd.DataFrame
    target: pd.DataFrame
    realisasi: pd.DataFrame
    capaian: pd.DataFrame
    survei: pd.DataFrame | None
    masalah: pd.DataFrame


def baca_buku(path: str | os.PathLike[str]) -> DataBuku:
    """Read one IKU workbook into tidy DataFrames (:class:`DataBuku`).

    >>> from tests.conftest import WORKBOOKS
    >>> buku = baca_buku(WORKBOOKS / "contoh_legok_2020.xlsx")
    >>> buku.capaian[["unit", "kode", "tahun", "capaian", "predikat"]].iloc[1].to_dict()
    {'unit': 'KECAMATAN LEGOK', 'kode': '1.2', 'tahun': 2020, 'capaian': 90.0, 'predikat': 'Tinggi'}
    """
    from iku_xl.core.tugas import hitung_tahun
    from iku_xl.workbook.rekap import baca_unit

    pd = pandas()
    path = Path(path)
    lembaran, dibaca = baca_unit(path)
    buku, masalah = dibaca
    unit = buku.profil.instansi or path.name
    ind = {i.kode: i for i in buku.indikator}

    def kunci(kode: str) -> dict[str, object]:
        i = ind.get(kode)
        return {"unit": unit, "kode": kode, "satuan": i.satuan if i else None, "polaritas": i.polaritas if i else None}

    capaian: list[dict[str, object]] = []
    semua = list(masalah)
    for tahun in sorted({t.tahun for t in buku.target if t.nilai is not None}):
        hasil = hitung_tahun(lembaran, tahun, dibaca, pembanding=False)  # as the recap computes the year
        semua += hasil.masalah
        capaian += [{**kunci(b.indikator.kode), "tahun": b.tahun, "target": nilai_sel(b.target),
                     "realisasi": nilai_sel(b.realisasi), "capaian": b.capaian.nilai, "status": b.capaian.status,
                     "predikat": b.predikat, "alasan": b.capaian.alasan or None} for b in hasil.baris]
    return DataBuku(
        indikator=_frame(pd, ["unit", "kode", "sasaran", "indikator", "satuan", "polaritas", "konsolidasi",
                              "metode_negatif", "formulasi", "sumber_data", "penanggung_jawab"],
                         [{"unit": unit, "kode": i.kode, "sasaran": i.sasaran, "indikator": i.nama,
                           "satuan": i.satuan, "polaritas": i.polaritas, "konsolidasi": i.konsolidasi,
                           "metode_negatif": i.metode_negatif or buku.profil.metode_negatif,
                           "formulasi": i.formulasi, "sumber_data": i.sumber_data,
                           "penanggung_jawab": i.penanggung_jawab} for i in buku.indikator]),
        target=_frame(pd, ["unit", "kode", "satuan", "polaritas", "tahun", "target",
                           *(f"target_tw{k}" for k in range(1, 5))],
                      [{**kunci(t.kode), "tahun": t.tahun, "target": nilai_sel(t.nilai),
                        **{f"target_tw{k}": nilai_sel(v) for k, v in enumerate(t.tw, 1)}} for t in buku.target]),
        realisasi=_frame(pd, ["unit", "kode", "satuan", "polaritas", "tahun",
                              *(f"realisasi_tw{k}" for k in range(1, 5)), "realisasi_tahunan", "pembilang",
                              "penyebut", "sumber"],
                         [{**kunci(r.kode), "tahun": r.tahun,
                           **{f"realisasi_tw{k}": nilai_sel(v) for k, v in enumerate(r.tw, 1)},
                           "realisasi_tahunan": nilai_sel(r.tahunan), "pembilang": r.pembilang,
                           "penyebut": r.penyebut, "sumber": str(r.sumber) if r.sumber else None}
                          for r in buku.realisasi]),
        capaian=_frame(pd, ["unit", "kode", "satuan", "polaritas", "tahun", "target", "realisasi", "capaian",
                            "status", "predikat", "alasan"], capaian),
        survei=_survei(pd, unit, buku) if buku.survei else None,
        masalah=_frame(pd, ["unit", "tingkat", "pesan", "saran", "lembar", "sel", "kode"],
                       [{"unit": unit, "tingkat": m.tingkat, "pesan": m.pesan, "saran": m.saran, "lembar": m.lembar,
                         "sel": m.sel, "kode": m.kode} for m in _unik(semua)]),
    )


def _survei(pd: Any, unit: str, buku: BukuIKU) -> Any:
    unsur = [f"u{u.nomor}" for u in UNSUR]
    survei = _frame(pd, ["unit", "periode", "layanan", "tanggal", *unsur, "jenis_kelamin", "umur", "pendidikan",
                       "pekerjaan", "saran"],
                  [{"unit": unit, "periode": r.periode, "layanan": r.layanan, "tanggal": r.tanggal,
                    **dict(zip(unsur, r.nilai)), "jenis_kelamin": r.jenis_kelamin, "umur": r.umur,
                    "pendidikan": r.pendidikan, "pekerjaan": r.pekerjaan, "saran": r.saran} for r in buku.survei])
    survei[unsur] = survei[unsur].astype("Int64")  # scores 1-4, <NA> where left empty
    return survei


def _unik(masalah: Iterable[Masalah]) -> list[Masalah]:
    """Each problem once: the reading's problems come again with every year computed."""
    return list(dict.fromkeys(masalah))


def _frame(pd: Any, kolom: list[str], baris: list[dict[str, object]]) -> Any:
    return pd.DataFrame.from_records(baris, columns=kolom)


def tabel_rekap(hasil: Iterable[HasilUnit]) -> pd.DataFrame:
    """The recap table of per-file results (:func:`iku_xl.workbook.rekap.proses_berkas`, whoever ran
    them: the recap's own workers, a Dask bag...), with the files that could not be recapped in
    ``attrs["Berkas Bermasalah"]`` as ``(berkas, alasan)`` pairs and the number of units recapped in
    ``attrs["Unit Direkap"]``."""
    pd = pandas()
    baris: list[tuple[object, ...]] = []
    bermasalah: list[tuple[str, str]] = []
    unit = 0
    for h in hasil:
        baris += h.baris
        unit += h.ringkasan is not None
        if h.galat:
            bermasalah.append((h.berkas, "; ".join(h.galat)))  # as the Berkas Bermasalah sheet lists it
    tabel = pd.DataFrame.from_records(baris, columns=list(KOLOM))
    tabel.attrs[BERMASALAH] = tuple(bermasalah)
    tabel.attrs[DIREKAP] = unit
    return tabel


def rekap_data(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], tahun: int, *,
               proses: int | None = None, kemajuan: TextIO | None = None) -> pd.DataFrame:
    """The recap of ``tahun`` as one DataFrame: a row per unit and indicator, the same rows and values
    as the Rekap sheet of ``iku-xl rekap``, under its headers (:data:`KOLOM`: Unit, Kabupaten/Kota,
    Kode, ..., Capaian (%), Predikat, Berkas). ``paths``: workbooks or folders (walked as the recap
    walks them), any iterable. The files that could not be recapped, with the reason, are in
    ``tabel.attrs["Berkas Bermasalah"]``. ``proses``: worker processes (default: one per core);
    ``kemajuan``: the stream for the recap's progress bar.

    >>> from tests.conftest import WORKBOOKS
    >>> tabel = rekap_data([WORKBOOKS / "contoh_legok_2020.xlsx"], 2020)
    >>> list(tabel.columns[:3]), len(tabel), tabel.attrs["Berkas Bermasalah"]
    (['Unit', 'Kabupaten/Kota', 'Kode'], 10, ())
    """
    from iku_xl.workbook.rekap import _Kemajuan, hasil_berurutan, kumpulkan

    pandas()  # before any file is read
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    berkas = kumpulkan([Path(p) for p in paths])
    if not berkas:  # as iku-xl rekap says it
        raise BerkasTidakValid("tidak ada buku kerja .xlsx/.xlsm untuk direkap",
                               saran="Sebutkan berkas atau folder yang berisi buku kerja IKU.")
    bar = _Kemajuan(len(berkas), kemajuan)  # the recap's own progress bar (a terminal only)

    def maju(hasil: Iterable[HasilUnit]) -> Iterator[HasilUnit]:
        for h in hasil:
            bar.maju()
            yield h

    with hasil_berurutan(berkas, tahun, proses) as hasil:
        return tabel_rekap(maju(hasil))


#: How :func:`tulis_csv` writes: comma-separated, decimal point, UTF-8 without BOM (RFC 4180, what
#: R, pandas, databases and BI tools read by default); staff who want Excel open the recap workbook.
OPSI_CSV: dict[str, Any] = {"sep": ",", "decimal": ".", "encoding": "utf-8", "index": False, "lineterminator": "\n"}


def tulis_csv(tabel: pd.DataFrame, tujuan: str | os.PathLike[str]) -> None:
    """Write the recap table as CSV (:data:`OPSI_CSV`), headers as on the Rekap sheet."""
    tabel.to_csv(tujuan, **OPSI_CSV)
