"""What an import gives, put together from the state of the rows' reading (:mod:`.baris`):
the book, the inferred units and polarities, and the notes of the Catatan Impor sheet."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from iku_xl.core.errors import singkat
from iku_xl.core.formulasi import normal_satuan
from iku_xl.core.impor.dugaan import duga_polaritas, duga_satuan
from iku_xl.core.impor.kolom import LANJUTAN
from iku_xl.core.impor.model import Dugaan, HasilImpor
from iku_xl.core.impor.profil import HasilProfil
from iku_xl.core.model import BukuIKU, Indikator, TargetIKU

if TYPE_CHECKING:
    from iku_xl.core.impor.baris import _Impor


def _rentang(nomor: Sequence[int]) -> str:
    """'3, 7-9' from [3, 7, 8, 9]."""
    bagian: list[list[int]] = []
    for n in sorted(set(nomor)):
        if bagian and n == bagian[-1][-1] + 1:
            bagian[-1].append(n)
        else:
            bagian.append([n])
    return ", ".join(f"{b[0]}-{b[-1]}" if len(b) > 1 else str(b[0]) for b in bagian)


def susun_hasil(im: _Impor, profil: HasilProfil) -> HasilImpor:
    """The book, the notes and the inferred values out of the state of one import."""
    for k, tahun, nomor, nama in im.kosong:
        if (k, tahun) not in im.target:
            kode = im.ind[k].kode
            im.target[(k, tahun)] = (None, nomor, "")  # report once
            im.tolak(nomor, f"Target tahun {tahun} kosong, tidak ada target yang diimpor", nama,
                     f"Isi target tahun {tahun} indikator {kode} di lembar Target bila ada.", kode)
    indikator, dugaan, catatan, persen, tanpa_satuan = [], [], [], {}, []
    for ind in im.ind:
        satuan = ind.teks.get("satuan", "")
        if satuan and normal_satuan(satuan) == "%" and satuan != "%":
            persen[satuan] = None
            satuan = "%"
        elif not satuan and (d := duga_satuan(ind.nama)):
            satuan = d[0]
            dugaan.append(Dugaan(ind.kode, "satuan", *d))
        elif not satuan:
            tanpa_satuan.append(ind.kode)
        polaritas = (ind.teks["polaritas"], "") if ind.teks.get("polaritas") else duga_polaritas(ind.nama)
        if polaritas and polaritas[1]:
            dugaan.append(Dugaan(ind.kode, "polaritas", *polaritas))
        indikator.append(Indikator(ind.kode, im.sasaran[ind.sasaran], ind.nama, satuan,
                                   polaritas[0] if polaritas else "positif",
                                   **{f: ind.teks.get(f, "") for f in LANJUTAN}))
    target = tuple(TargetIKU(im.ind[k].kode, tahun, v[0]) for (k, tahun), v in sorted(im.target.items())
                   if v[0] is not None)
    if indikator:
        catatan += ["Kode indikator dibuat dari nomor urut sasaran dan urutan indikator di dalam sasaran "
                    "(mis. 1.2 = sasaran ke-1, indikator ke-2), bukan dari nomor di dokumen.",
                    "Polaritas yang tidak diduga dari nama indikator diisi 'positif'; periksa kolom Polaritas."]
    catatan += [f"Tabel di baris {n}: {baru} indikator baru, {sama} sama dengan tabel sebelumnya (digabung)."
                for n, baru, sama in im.tabel[1:]]
    catatan += im.catatan
    catatan += [f"Baris {_rentang(nomor)}: teks tanpa nomor, satuan dan target disambung ke nama indikator "
                f"{im.ind[k].kode} di atasnya ('{singkat(im.ind[k].nama, 80)}'); periksa."
                for k, nomor in im.sambung.items()]
    catatan += [f"Satuan '{s}' ditulis '%'." for s in persen]
    for label, kode in (("Satuan", tanpa_satuan), ("Sasaran", [i.kode for i in indikator if not i.sasaran])):
        if kode:
            catatan.append(f"{label} kosong, isi di lembar Indikator: {', '.join(kode)}.")
    for tahun in sorted({t.tahun for t in target}):
        tanpa = [i.kode for i in indikator if not any(t.kode == i.kode and t.tahun == tahun for t in target)]
        if tanpa:
            catatan.append(f"Tanpa target tahun {tahun}: {', '.join(tanpa)}.")
    if im.abaikan:
        catatan.append(f"Kolom yang tidak diimpor: {', '.join(im.abaikan.values())}.")
    if im.luar:
        catatan.append(f"Sel di luar kolom judul tidak diimpor (baris {_rentang(im.luar)}).")
    catatan += profil.catatan
    masalah = sorted(im.masalah + list(profil.masalah), key=lambda m: int((m.sel or "baris 0").split()[-1]))
    buku = BukuIKU(profil.profil, tuple(indikator), target)
    return HasilImpor(buku, tuple(masalah), tuple(dugaan), tuple(catatan))
