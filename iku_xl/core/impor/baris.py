"""Rows and fragments: the reading of IKU tables out of a document's rows (see the package doc)."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from iku_xl.core.errors import IkuError, Masalah, singkat
from iku_xl.core.formulasi import normal_satuan
from iku_xl.core.impor.kolom import (DIABAIKAN, LANJUTAN, NAMA_ISIAN, NOMOR, PetaKolom, adalah_anak_judul,
                                     adalah_judul, adalah_penomoran, bidang_judul, peta_kolom, sejajarkan)
from iku_xl.core.impor.profil import (KUTIPAN, baca_profil, bersih, cari_tanda_tangan,
                                      peringatan, tahun_judul)
from iku_xl.core.impor.model import BarisSumber, HasilImpor
from iku_xl.core.impor.paket import pecah_paket
from iku_xl.core.impor.susun import susun_hasil
from iku_xl.core.model import Target
from iku_xl.core.parse import adalah_kosong, parse_polaritas, parse_target


_NOMOR_AWAL = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2})*[.)]\s+(?=\S)")
#: A page number between two pages of a table ("2", "- 2 -", "Halaman 2 dari 5"); the PDF and text
#: adapters drop page headers/footers by the same rule.
HALAMAN = re.compile(r"[-–—\s]*(?:(?:halaman|hal\.?|page)\s*)?\d{1,3}(?:\s*(?:dari|/|of)\s*\d{1,3})?[-–—\s]*",
                      re.IGNORECASE)
_SARAN_BARIS = ("Periksa baris ini di dokumen sumber; bila berisi indikator atau target, isi lembar "
                "Indikator atau Target secara manual.")


def _tanpa_nomor(teks: str) -> str:
    return _NOMOR_AWAL.sub("", teks).strip()


def _kunci(teks: str) -> str:
    t = re.sub(r"\b(?:pro|pre)sentase\b|\bpersentasi\b", "persentase", _tanpa_nomor(teks).casefold())
    return " ".join(re.sub(r"[\W_]+", " ", t).split())


def _mirip(a: str, b: str, batas: float) -> int:
    """3: same key; 2: nearly the same; 1: one contains the other (of 3 words or more); 0."""
    if a == b:
        return 3 if a else 0
    if a and b and difflib.SequenceMatcher(None, a, b).ratio() >= batas:
        return 2
    pendek, panjang = sorted((a, b), key=len)
    return 1 if len(pendek.split()) >= 3 and f" {pendek} " in f" {panjang} " else 0


@dataclass
class _Ind:
    kode: str
    sasaran: int
    nama: str
    tabel: int
    teks: dict[str, str] = field(default_factory=dict)


class _Impor:
    """The state of one import: sasaran, indicators, targets and what could not be read."""

    def __init__(self) -> None:
        self.sasaran: list[str] = []
        self.ind: list[_Ind] = []
        self.target: dict[tuple[int, int], tuple[Target | None, int, str]] = {}  # value, row, text
        self.kosong: list[tuple[int, int, int, str]] = []  # indicator, year, row, name in that row
        self.masalah: list[Masalah] = []
        self.catatan: list[str] = []
        self.abaikan: dict[str, str] = {}
        self.luar: list[int] = []
        self.tabel: list[list[int]] = []  # per table: header row, new indicators, matched ones
        self.kolom: PetaKolom | None = None
        self.sas: str | None = None  # the current sasaran text ...
        self.sas_idx: int | None = None  # ... and its index once an indicator uses it
        self.akhir: tuple[int, set[str]] | None = None  # last indicator and the fields its row set
        self.putus = False  # an empty row or a header since the last data row
        self.berisi = False  # an indicator row of this table gave a number, unit or target
        self.sas_atas = self.sas_tadi = False  # the row above / this row holds sasaran text
        self.sambung: dict[int, list[int]] = {}  # indicator -> rows of fragments joined to its name
        #: the last indicator row, kept until the next row shows it is complete: row, name, texts,
        #: targets, rows of fragments joined to it
        self.tunda: tuple[int, list[str], dict[str, str], dict[str | int, str], list[int]] | None = None

    def tolak(self, nomor: int, alasan: str, teks: str, saran: str = _SARAN_BARIS,
              kode: str | None = None) -> None:
        self.masalah.append(peringatan(nomor, f"{alasan}: '{singkat(teks, KUTIPAN)}'", saran, kode))

    def simpan(self) -> None:
        """The pending indicator row, complete now, read as an indicator."""
        if self.tunda is None:
            return
        nomor, nama, teks, target, sambung = self.tunda
        self.tunda = None
        self.indikator(nomor, " ".join(nama), teks, target)
        if sambung and self.akhir is not None:
            self.sambung.setdefault(self.akhir[0], []).extend(sambung)

    def tabel_baru(self, nomor: int) -> None:
        self.simpan()
        self.tabel.append([nomor, 0, 0])
        self.sas = self.sas_idx = self.akhir = None
        self.berisi = self.sas_tadi = False

    def judul_ganda(self) -> None:
        """A note for each header cell naming several text fields ("Penjelasan/Alasan/Formulasi")."""
        assert self.kolom is not None
        for judul, peran in dict(zip(self.kolom.judul, self.kolom.peran)).items():
            ganda = [NAMA_ISIAN[b] for b in bidang_judul(judul) if b in NAMA_ISIAN]
            if len(ganda) > 1 and peran in NAMA_ISIAN:
                self.catatan.append(f"Kolom '{judul}' (tabel di baris {self.kolom.nomor}) menyebut "
                                    f"{' dan '.join(ganda)}; isinya diimpor ke {NAMA_ISIAN[str(peran)]}.")

    def sasaran_baru(self, teks: str) -> None:
        if self.sas is None or _mirip(_kunci(self.sas), _kunci(teks), 0.85) < 2:
            self.sas, self.sas_idx = teks, None

    def data(self, sel: list[str], nomor: int, asli: Sequence[str] | None = None) -> None:
        """A table row; ``asli`` its cell texts with their line breaks (packed cells)."""
        kolom = self.kolom
        assert kolom is not None
        sel, lewat, (mentah,) = sejajarkan(sel, kolom, list(asli if asli is not None else sel))
        if lewat:
            self.luar.append(nomor)
        self.sas_atas, self.sas_tadi = self.sas_tadi, any(c for c, p in zip(sel, kolom.peran) if p == "sasaran")
        bagian, utuh = pecah_paket([str(c or "") for c in mentah], kolom.peran)
        judul = dict(zip(kolom.peran, kolom.judul))
        if utuh:
            n, j = utuh
            self.catatan.append(f"Baris {nomor}: sel '{judul['nama']}' berisi {n} indikator bernomor, tetapi "
                                f"kolom '{kolom.judul[j]}' tidak berisi {n} butir; baris diimpor utuh sebagai "
                                "satu indikator. Periksa dan pisahkan di lembar Indikator dan Target.")
        elif len(bagian) > 1:
            self.catatan.append(f"Baris {nomor}: sel '{judul['nama']}' berisi {len(bagian)} indikator bernomor; "
                                f"diimpor sebagai {len(bagian)} indikator.")
        for b in bagian:
            self.data_satu([bersih(c) for c in b] if len(bagian) > 1 else sel, nomor, len(bagian) > 1)

    def data_satu(self, sel: list[str], nomor: int, paket: bool = False) -> None:
        """One indicator's row (``paket``: one item of a packed row, never a fragment)."""
        kolom = self.kolom
        assert kolom is not None
        isi: dict[str | int, list[str]] = {}
        target: dict[str | int, str] = {}
        for j, p in enumerate(kolom.peran):
            c = sel[j] if j < len(sel) else ""
            if isinstance(p, int) or p == "target":  # empty target cells count too
                tahun = (kolom.tahun or p) if p == "target" else p
                target[tahun] = f"{target.get(tahun, '')} {c}".strip()
            elif c and (p is None or p in DIABAIKAN):
                self.abaikan.setdefault(kolom.judul[j].casefold(), kolom.judul[j] or "(tanpa judul)")
            elif c:
                isi.setdefault(p, []).append(c)
        teks = {f: " ".join(isi.get(f, [])) for f in ("no", "satuan", "polaritas", *LANJUTAN)}
        bagian = isi.get("nama", [])
        while bagian and NOMOR.fullmatch(bagian[0]):
            bagian = bagian[1:]
        nama, sasaran = _tanpa_nomor(" ".join(bagian)), _tanpa_nomor(" ".join(isi.get("sasaran", [])))
        lanjut = {f: teks[f] for f in LANJUTAN if teks[f]}
        no, satuan = teks["no"], teks["satuan"]
        ada_target = any(not adalah_kosong(v) for v in target.values())
        isi_baris = " | ".join(c for c in sel if c)
        judul = dict(zip(kolom.peran, kolom.judul))
        if not all(NOMOR.fullmatch(n) for n in isi.get("no", [])):
            return self.tolak(nomor, f"Kolom '{judul['no']}' berisi teks, bukan nomor: baris tidak sejajar "
                                     "dengan judul kolom dan tidak diimpor", isi_baris)
        if nama and not re.search(r"[^\W\d_]{2}", nama):
            return self.tolak(nomor, "Nama indikator tidak berisi huruf; baris tidak diimpor", isi_baris)
        if len(satuan) > 40:
            return self.tolak(nomor, f"Kolom '{judul['satuan']}' berisi teks panjang: baris tidak sejajar "
                                     "dengan judul kolom dan tidak diimpor", isi_baris)
        if not nama:
            if ada_target or satuan or (no and lanjut):
                return self.tolak(nomor, "Baris tanpa nama indikator tidak diimpor", isi_baris)
            # the rest of a sasaran cell: in lower case, or right under a row holding sasaran text
            sambung = bool(sasaran and not no and self.sas and (sasaran[:1].islower() or self.sas_atas))
            if sambung and not sasaran[:1].islower():
                self.catatan.append(f"Baris {nomor}: teks '{singkat(sasaran, 60)}' (tanpa nomor dan indikator) "
                                    "disambung ke sasaran di atasnya; periksa.")
            if lanjut and (not sasaran or sambung):
                return self.lanjutan(nomor, isi_baris, sasaran, lanjut)
            if lanjut:
                return self.tolak(nomor, "Baris tanpa nama indikator tidak diimpor", isi_baris)
            if sambung:
                return self.lanjutan(nomor, isi_baris, sasaran, {})
            if sasaran:
                self.simpan()
                self.sasaran_baru(sasaran)
            return
        if not (no or satuan or ada_target or paket) and (
                nama[:1].islower() and not sasaran[:1].isupper()
                or (self.akhir is not None or self.tunda is not None) and self.berisi):
            # a fragment: a wrapped line of the cells above, never an indicator of its own
            if not (self.putus and nama[:1].islower() and not sasaran):
                if self.tunda is not None:
                    self.tunda[4].append(nomor)
                elif self.akhir is not None:
                    self.sambung.setdefault(self.akhir[0], []).append(nomor)
            return self.lanjutan(nomor, isi_baris, sasaran, {"nama": nama, **lanjut})
        polaritas = ""
        try:
            polaritas = parse_polaritas(teks["polaritas"], bawaan="") if teks["polaritas"] else ""
        except IkuError as e:
            self.tolak(nomor, f"Polaritas tidak terbaca ({e.pesan})", teks["polaritas"], e.saran)
        self.simpan()
        if sasaran:
            self.sasaran_baru(sasaran)
        self.tunda = (nomor, [nama], {"satuan": satuan, "polaritas": polaritas, **lanjut}, target, [])
        self.putus = False
        self.berisi = self.berisi or bool(no or satuan or ada_target)

    def lanjutan(self, nomor: int, isi_baris: str, sasaran: str, lanjut: dict[str, str]) -> None:
        """A row holding only the rest of texts split by a page break."""
        self.putus = False
        if sasaran and self.sas is not None:
            self.sas = f"{self.sas} {sasaran}"
            if self.sas_idx is not None:
                self.sasaran[self.sas_idx] = self.sas
        if not lanjut:
            return
        if self.tunda is not None:
            for f, v in lanjut.items():
                if f == "nama":
                    self.tunda[1].append(v)
                else:
                    self.tunda[2][f] = f"{self.tunda[2].get(f, '')} {v}".strip()
            return
        if self.akhir is None:
            return self.tolak(nomor, "Teks lanjutan tanpa indikator di atasnya tidak diimpor", isi_baris,
                              "Salin teks ini ke kolom yang sesuai di lembar Indikator.")
        k, milik = self.akhir
        ind = self.ind[k]
        if "nama" in lanjut and "nama" not in milik:
            return self.tolak(nomor, f"Teks lanjutan nama indikator {ind.kode} (indikator dari tabel sebelumnya) "
                                     "tidak diimpor", isi_baris, "Periksa nama indikator di lembar Indikator.",
                              ind.kode)
        for f, v in lanjut.items():
            if f == "nama":
                ind.nama = f"{ind.nama} {v}"
            elif f in milik or not ind.teks.get(f):
                ind.teks[f] = f"{ind.teks.get(f, '')} {v}".strip()
                milik.add(f)

    def cocokkan(self, nama: str) -> tuple[int, int] | None:
        """(indicator, score) the row names: by name within the sasaran; across sasaran only
        for an indicator from another table, and only when one fits best."""
        kunci, calon = _kunci(nama), []
        for k, ind in enumerate(self.ind):
            skor = _mirip(kunci, _kunci(ind.nama), 0.9)
            if skor == 3 or (skor and ind.tabel != len(self.tabel)):
                sama = self.sas is not None and _mirip(_kunci(self.sas), _kunci(self.sasaran[ind.sasaran]),
                                                       0.85) > 0
                calon.append((sama, skor, -k))
        sama = [c for c in calon if c[0]]
        lain = [c for c in calon if self.ind[-c[2]].tabel != len(self.tabel)]
        if sama or lain:
            terbaik = max(sama or lain)
            if sama or [c[1] for c in lain].count(terbaik[1]) == 1:
                return -terbaik[2], terbaik[1]
        return None

    def indikator(self, nomor: int, nama: str, teks: dict[str, str], target: dict[str | int, str]) -> None:
        hitung = self.tabel[-1]
        cocok = self.cocokkan(nama)
        if cocok is None:
            if self.sas_idx is None:
                s = self.sas or ""
                self.sas_idx = next((i for i, t in enumerate(self.sasaran)
                                     if _mirip(_kunci(t), _kunci(s), 0.85) >= 2), None)
                if self.sas_idx is None:
                    self.sasaran.append(s)
                    self.sas_idx = len(self.sasaran) - 1
            urut = sum(i.sasaran == self.sas_idx for i in self.ind) + 1
            self.ind.append(_Ind(f"{self.sas_idx + 1}.{urut}", self.sas_idx, nama, len(self.tabel)))
            k, milik = len(self.ind) - 1, {"nama"}
            hitung[1] += 1
        else:
            k, milik = cocok[0], set()
            hitung[2] += 1
            ind = self.ind[k]
            sas_lama = self.sasaran[ind.sasaran]
            beda_sas = self.sas is not None and _mirip(_kunci(self.sas), _kunci(sas_lama), 0.85) == 0
            if cocok[1] < 3 or beda_sas:
                sas = f" di bawah sasaran '{singkat(self.sas or '', 50)}'" if beda_sas else ""
                self.catatan.append(f"Baris {nomor}: '{singkat(nama, 60)}'{sas} dianggap sama dengan indikator "
                                    f"{ind.kode} '{singkat(ind.nama, 60)}'.")
        ind = self.ind[k]
        for f, v in teks.items():
            lama = ind.teks.get(f, "")
            if v and not lama:
                ind.teks[f] = v
                milik.add(f)
            elif v and f == "satuan" and normal_satuan(v) != normal_satuan(lama):
                self.catatan.append(f"Baris {nomor}: satuan '{v}' berbeda dengan '{lama}' untuk indikator "
                                    f"{ind.kode}; dipakai '{lama}'.")
        self.akhir = (k, milik)
        for tahun, v in target.items():
            self.isi_target(nomor, k, tahun, v, nama)

    def isi_target(self, nomor: int, k: int, tahun: str | int, v: str, nama: str) -> None:
        kode = self.ind[k].kode
        if not isinstance(tahun, int):
            if not adalah_kosong(v):
                judul = dict(zip(self.kolom.peran, self.kolom.judul)).get("target", "Target") \
                    if self.kolom else "Target"
                self.tolak(nomor, f"Kolom '{judul}' tidak menyebut tahun; target tidak diimpor", v,
                           "Tulis tahun di judul kolom (mis. 'Target 2024') atau di judul tabel (mis. "
                           "'TAHUN 2024') lalu impor ulang, atau isi lembar Target.", kode)
            return
        if adalah_kosong(v):
            self.kosong.append((k, tahun, nomor, nama))
            return
        try:
            nilai = parse_target(v)
        except (IkuError, ValueError, ArithmeticError) as e:
            pesan, saran = getattr(e, "pesan", str(e)), getattr(e, "saran", "")
            return self.tolak(nomor, f"Target tahun {tahun} tidak terbaca ({pesan})", v,
                              saran or "Tulis target sebagai angka (90 atau 83,5), rentang atau predikat.", kode)
        if nilai is None or (isinstance(nilai, float) and not math.isfinite(nilai)):
            return self.tolak(nomor, f"Target tahun {tahun} tidak terbaca", v,
                              "Tulis target sebagai angka (90 atau 83,5), rentang atau predikat.", kode)
        lama = self.target.get((k, tahun))
        if lama is None:
            self.target[(k, tahun)] = (nilai, nomor, v)
        elif lama[0] != nilai:
            self.tolak(nomor, f"Target tahun {tahun} berbeda dengan baris {lama[1]} ('{lama[2]}'); dipakai "
                              "yang pertama", v, "Periksa target yang benar, lalu perbaiki di lembar Target.", kode)


def _teks_lepas(sel: Sequence[str], kolom: PetaKolom | None) -> bool:
    """A line of text, not a table row: one cell, or one filled cell under no text column."""
    isi = [j for j, c in enumerate(sel) if c]
    if len(sel) == 1:
        return True
    peran = kolom.peran[0] if kolom and kolom.peran else None
    return isi == [0] and peran in ("no", "lain", None) and not NOMOR.fullmatch(sel[0])


def impor_baris(baris: Sequence[BarisSumber]) -> HasilImpor:
    """Read the IKU tables, the Profil titles and the signature out of a document's rows.

    Never raises on odd input: what cannot be read ends up in ``tidak_terbaca``.
    """
    im = _Impor()
    sel = [tuple(bersih(c) for c in b.sel) for b in baris]
    tunggal = [next((c for c in s if c), "") if sum(bool(c) for c in s) <= 1 else None for s in sel]
    tanda_tangan = cari_tanda_tangan(baris)  # raw rows: lines inside a cell and side-by-side signers
    ttd = {j for t in tanda_tangan for j in t.baris}
    tahun_dok = {y for t in tunggal if t and (y := tahun_judul(t))}
    luar: list[tuple[int, str | None]] = []
    judul_sejak: list[str] = []
    sumber: int | None = None
    i = 0
    while i < len(baris):
        b, s, j = baris[i], sel[i], i
        i += 1
        if not any(s) or (im.kolom and HALAMAN.fullmatch(tunggal[j] or "")):  # page break
            im.putus = True
            luar.append((b.nomor, "" if not any(s) else None))
            continue
        if j not in ttd and adalah_judul(s):
            anak = sel[i] if i < len(sel) and adalah_anak_judul(sel[i]) else ()
            ulang = im.kolom is not None and b.tabel == sumber  # a header repeated after a page break
            if im.kolom is not None and ulang:
                tahun = im.kolom.tahun
            else:
                im.tabel_baru(b.nomor)
                tahun = next((y for t in reversed(judul_sejak) if (y := tahun_judul(t))), None)
                tahun = tahun or (min(tahun_dok) if len(tahun_dok) == 1 else None)
            im.kolom = peta_kolom(s, anak, b.nomor, tahun)
            if "target" in im.kolom.peran and tahun and not ulang:
                im.catatan.append(f"Tahun kolom '{im.kolom.judul[im.kolom.peran.index('target')]}' (tabel di "
                                  f"baris {b.nomor}) diambil dari judul dokumen: {tahun}.")
            if not ulang:
                im.judul_ganda()
            sumber, judul_sejak, im.putus = b.tabel, [], True
            luar.append((b.nomor, None))
            if anak:
                luar.append((baris[i].nomor, None))
                i += 1
            continue
        if im.kolom is not None and j not in ttd and b.tabel == sumber and not _teks_lepas(s, im.kolom):
            luar.append((b.nomor, None))
            if not adalah_penomoran(s):
                im.data(list(s), b.nomor, b.sel)
            continue
        im.simpan()
        im.kolom = None
        luar.append((b.nomor, tunggal[j]))
        if tunggal[j]:
            judul_sejak.append(tunggal[j] or "")
        elif im.tabel and j not in ttd:
            im.tolak(b.nomor, "Baris bertabel di luar tabel IKU (tanpa baris judul kolom di atasnya) tidak "
                              "diimpor", " | ".join(c for c in s if c),
                     "Bila baris ini bagian dari tabel IKU, salin baris judul kolom tabel itu tepat di atasnya "
                     "lalu impor ulang, atau isi lembar Indikator/Target secara manual.")
    im.simpan()
    return susun_hasil(im, baca_profil(luar, tanda_tangan))
