"""Score an import against what the corpus says it must give.

``skor(hasil, harapan, bentuk)`` counts the checked fields right out of the total and lists what
was LOST (expected, missing or wrong) and INVENTED (imported, not expected). Checked fields:

- the number of sasaran and the number of indicators;
- per expected indicator: its name (found with exactly this name, whitespace aside), satuan
  (compared by :func:`iku_xl.core.formulasi.normal_satuan`, so "Persen" is "%"), formulasi
  (whitespace aside; a Word equation printed to PDF loses its fraction bar, so for the PDF and
  text forms such a formulasi is compared by its words), and its target for every year;
- every Profil field the document states (instansi, kabupaten, tahun, jabatan, nama, pangkat,
  NIP, tempat, tanggal), by letters and digits ("IV/b" = "IV.b"); a date line without a day must
  leave Tanggal empty; a rank printed with a typo may be kept as printed or corrected; a jabatan
  printed on two lines ("KEPALA DINAS X" / "KABUPATEN Y") may be the two lines or the first.

``python -m tests.korpus.skor [NAMA ...]`` imports every form of every corpus document with
:func:`iku_xl.workbook.impor.impor` (a crash counts as 0 right) and prints the table
"dokumen | bentuk | benar/total | hilang | karangan".
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from iku_xl.core.formulasi import normal_satuan
from iku_xl.core.impor.model import HasilImpor
from iku_xl.core.model import NilaiHuruf, Rentang, Target
from tests.korpus.dokumen import DOKUMEN, Harapan, harapan

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "dokumen"
#: Forms of a document: name -> file name suffix.
BENTUK = {"docx": ".docx", "pdf": ".pdf", "layout": "-layout.txt", "salin": "-salin.txt", "xlsx": ".xlsx"}
PROFIL = ("instansi", "kabupaten", "tahun", "jabatan_kepala", "nama_kepala", "pangkat", "nip", "tempat", "tanggal")


@dataclass
class Skor:
    benar: int = 0
    total: int = 0
    hilang: list[str] = field(default_factory=list)  # expected, missing or wrong
    karangan: list[str] = field(default_factory=list)  # imported, not expected
    salah: list[str] = field(default_factory=list)  # every failed check, with what was found
    galat: str = ""  # the import crashed

    def cek(self, ok: bool, apa: str, ditemukan: object = None, hilang: bool = True, catat: bool = True) -> bool:
        self.total += 1
        if ok:
            self.benar += 1
        else:
            if catat:
                self.salah.append(f"{apa}: ditemukan {ditemukan!r}")
            if hilang:
                self.hilang.append(apa)
        return ok


def kunci_nama(teks: str) -> str:
    """An indicator name as compared: no leading "1." numbering, case and whitespace aside."""
    t = re.sub(r"^\s*\(?\d{1,2}[.)]\s*", "", teks or "")
    return " ".join(t.casefold().split()).rstrip(" .;,")


def kunci_teks(teks: object) -> str:
    """Free text as compared: letters and digits only, case aside."""
    return re.sub(r"[\W_]+", "", str(teks or "").casefold())


def kunci_formulasi(teks: str, longgar: bool) -> str:
    """Whitespace aside; ``longgar``: only the letters, digits and "%", in any order.

    A Word equation printed to PDF loses its fraction bar, puts "x 100 %" between numerator and
    denominator and may lose the spaces inside them ("kematianibu"); all the PDF keeps is its
    characters.

    >>> kunci_formulasi("Jumlah kematian ibu / Jumlah  lahir x 100 %", True) == kunci_formulasi(
    ...     "Jumlah kematianibu x 100 % Jumlah lahir", True)
    True
    """
    t = " ".join((teks or "").casefold().split())
    t = re.sub(r"\s*/\s*", " / ", t)
    if longgar:
        return "".join(sorted(re.sub(r"[^\w%]+", "", t)))
    return t


def sama_target(a: Target | None, b: Target | None) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    if isinstance(a, Rentang) and isinstance(b, Rentang):
        return math.isclose(a.bawah, b.bawah) and math.isclose(a.atas, b.atas)
    if isinstance(a, NilaiHuruf) and isinstance(b, NilaiHuruf):
        return a.huruf == b.huruf
    return False


def skor(hasil: HasilImpor, h: Harapan, bentuk: str = "docx") -> Skor:
    """Right/total, lost and invented for one import."""
    s = Skor()
    buku = hasil.buku
    s.cek(hasil.jumlah_sasaran == len(h.sasaran), f"jumlah sasaran {len(h.sasaran)}", hasil.jumlah_sasaran,
          hilang=hasil.jumlah_sasaran < len(h.sasaran))
    s.cek(hasil.jumlah_indikator == len(h.indikator), f"jumlah indikator {len(h.indikator)}",
          hasil.jumlah_indikator, hilang=hasil.jumlah_indikator < len(h.indikator))
    impor = {}
    for ind in buku.indikator:
        impor.setdefault(kunci_nama(ind.nama), ind)
    dipakai: set[str] = set()
    for e in h.indikator:
        ind = impor.get(kunci_nama(e.nama))
        label = f"indikator '{e.nama[:60]}'"
        if not s.cek(ind is not None, label, None):
            for th in e.target:
                s.cek(False, f"target {th} {label}", None, hilang=False, catat=False)
            s.cek(False, f"satuan {label}", None, hilang=False, catat=False)
            if e.formulasi:
                s.cek(False, f"formulasi {label}", None, hilang=False, catat=False)
            continue
        assert ind is not None
        dipakai.add(ind.kode)
        s.cek(normal_satuan(ind.satuan) == normal_satuan(e.satuan), f"satuan '{e.satuan}' {label}", ind.satuan)
        if e.formulasi:
            longgar = e.persamaan and bentuk not in ("docx", "xlsx")
            s.cek(kunci_formulasi(ind.formulasi, longgar) == kunci_formulasi(e.formulasi, longgar),
                  f"formulasi {label}", ind.formulasi)
        for th, nilai in e.target.items():
            t = buku.target_dari(ind.kode, th)
            s.cek(t is not None and sama_target(t.nilai, nilai), f"target {th} = {nilai} {label}",
                  t.nilai if t else None)
        for t in buku.target:
            if t.kode == ind.kode and t.tahun not in e.target and t.nilai is not None:
                s.karangan.append(f"target {t.tahun} = {t.nilai} {label}")
    for ind in buku.indikator:
        if ind.kode not in dipakai:
            s.karangan.append(f"indikator {ind.kode} '{ind.nama[:60]}'")
    p = buku.profil
    for f in PROFIL:
        if f not in h.profil:
            continue
        harap, isi = h.profil[f], getattr(p, f)
        if f == "nip":
            ok = re.sub(r"\D", "", str(isi)) == re.sub(r"\D", "", str(harap))
        elif f == "pangkat":
            ok = kunci_teks(isi) in {kunci_teks(x) for x in (harap, *h.pangkat_lain)}
        elif f == "jabatan_kepala":
            ok = kunci_teks(isi) in {kunci_teks(x) for x in (harap, *h.jabatan_lain)}
        elif f in ("tahun", "tanggal"):
            ok = isi == harap
        else:
            ok = kunci_teks(isi) == kunci_teks(harap)
        s.cek(ok, f"Profil {f} = {harap!r}", isi, hilang=not (harap is None and isi))
        if not ok and harap is None and isi:
            s.karangan.append(f"Profil {f} = {isi!r}")
    return s


def nilai_bentuk(nama: str, bentuk: str) -> tuple[Path, Skor]:
    """Import one form of one corpus document and score it (a crash scores 0)."""
    from iku_xl.workbook.impor import impor

    d = next(x for x in DOKUMEN if x.nama == nama)
    h = harapan(d)
    path = FOLDER / f"{nama}{BENTUK[bentuk]}"
    try:
        hasil = impor(path)
    except Exception as e:  # noqa: BLE001 - a crash is a score of 0
        s = Skor(galat=f"{type(e).__name__}: {str(e)[:70]}")
        kosong = skor(_hasil_kosong(), h, bentuk)
        s.total = kosong.total
        s.hilang = ["(semua)"]
        return path, s
    return path, skor(hasil, h, bentuk)


def _hasil_kosong() -> HasilImpor:
    from iku_xl.core.model import BukuIKU, Profil

    return HasilImpor(BukuIKU(Profil(), ()), (), (), ())


def bentuk_ada(nama: str) -> list[str]:
    return [b for b, akhiran in BENTUK.items() if (FOLDER / f"{nama}{akhiran}").exists()]


def main(argv: list[str]) -> int:
    pilih = set(argv)
    rinci = "-v" in pilih
    pilih.discard("-v")
    print(f"{'dokumen':37} | {'bentuk':6} | {'benar/total':>11} | {'hilang':>6} | {'karangan':>8} | catatan")
    print("-" * 100)
    benar = total = 0
    for d in DOKUMEN:
        if pilih and d.nama not in pilih:
            continue
        for b in bentuk_ada(d.nama):
            _, s = nilai_bentuk(d.nama, b)
            benar, total = benar + s.benar, total + s.total
            hilang = "semua" if s.galat else str(len(s.hilang))
            print(f"{d.nama:37} | {b:6} | {s.benar:>5}/{s.total:<5} | {hilang:>6} | {len(s.karangan):>8} | {s.galat}")
            if rinci:
                for x in s.salah:
                    print(f"      salah: {x}")
                for x in s.karangan:
                    print(f"      karangan: {x}")
    print("-" * 100)
    print(f"{'JUMLAH':37} | {'':6} | {benar:>5}/{total:<5} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
