"""The ``iku-xl`` command: the workbook jobs on a file, without Excel.

Exit codes: 0 done (warnings allowed); 2 bad input (wrong arguments, a file
that cannot be used, or galat in the workbook); 1 an unexpected internal error
(the traceback goes to a log file, never to the console).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from iku_xl.core.errors import IkuError, Masalah
from iku_xl.pekerjaan import bekukan, pekerjaan

KELUAR_OK, KELUAR_INTERNAL, KELUAR_INPUT = 0, 1, 2

_TERJEMAHAN = (
    (r"the following arguments are required: (.*)", r"argumen wajib belum diberikan: \1"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"\1: pilihan \2 tidak dikenal (pilih: \3)"),
    (r"argument (\S+): invalid int value: (.*)", r"\1: \2 bukan bilangan bulat"),
    (r"argument (\S+): (tahun .*)", r"\1: \2"),
    (r"argument (\S+): (triwulan .*)", r"\1: \2"),
    (r"argument (\S+): expected one argument", r"\1: butuh satu nilai"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with its messages in Bahasa Indonesia."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", _Format)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "argumen"
        self._optionals.title = "pilihan"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> NoReturn:
        for pola, ganti in _TERJEMAHAN:
            message = re.sub(pola, ganti, message)
        self.print_usage(sys.stderr)
        self.exit(KELUAR_INPUT, f"{self.prog}: galat: {message}\nLihat '{self.prog} --help'.\n")


class _Format(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "penggunaan: " if prefix is None else prefix)


def _parser() -> _Parser:
    p = _Parser(prog="iku-xl", description=(
        "Indikator Kinerja Utama (IKU) di Excel: templat, validasi, dan Laporan Capaian.\n"
        "Berkas asli tidak pernah diubah: hasil disimpan sebagai berkas baru di sampingnya,\n"
        "kecuali diminta --timpa (salinan cadangan dibuat lebih dulu)."))
    sub = p.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)
    sub.required = True

    t = sub.add_parser("template", help="buat buku kerja templat IKU yang masih kosong",
                       description="Buat buku kerja templat IKU (Petunjuk, Profil, Indikator, Target, "
                                   "Realisasi, Skala Kustom).")
    t.add_argument("keluaran", metavar="BERKAS.xlsx", help="nama berkas templat yang dibuat")
    t.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada (cadangan dibuat)")

    i = sub.add_parser("impor", help="impor tabel IKU dari dokumen (.docx, .pdf, .xlsx, atau teks .txt) ke buku kerja "
                                     "baru",
                       description="Baca tabel IKU dari SK/Renstra/LKjIP (.docx, PDF yang berteks (bukan hasil pindai), "
                                   ".xlsx, atau teks yang disalin dari Word/PDF dan disimpan sebagai .txt), lalu isi "
                                   "lembar Profil, Indikator dan Target sebuah buku kerja baru. Yang tidak terbaca "
                                   "dicantumkan, tidak dikarang.")
    i.add_argument("sumber", metavar="SUMBER", help="dokumen IKU: .docx, .pdf, .xlsx atau .txt")
    _opsi_keluaran(i, "SUMBER_iku.xlsx; dengan --ke: BUKU_survei.xlsx")
    i.add_argument("--survei", action="store_true",
                   help="SUMBER adalah lembar survei kepuasan masyarakat (.xlsx, satu baris per responden, kolom "
                        "U1-U9): responden ditambahkan ke lembar 'Survei IKM'")
    i.add_argument("--ke", metavar="BUKU.xlsx",
                   help="dengan --survei: buku kerja IKU yang lembar Survei IKM-nya ditambah (bawaan: buku kerja "
                        "baru dari templat)")
    i.add_argument("--periode", metavar="PERIODE",
                   help='dengan --survei: periode survei, mis. "2025 Semester I", untuk baris yang kolom '
                        "Periode-nya kosong atau bila sumber tidak punya kolom Periode")

    v = sub.add_parser("validasi", help="periksa isian dan rumus buku kerja IKU",
                       description="Periksa seluruh isian, formulasi, dan rumus Excel; hasilnya ditulis "
                                   "ke lembar 'Hasil Validasi' dan ditampilkan di layar.")
    v.add_argument("buku", metavar="BUKU.xlsx", help="buku kerja IKU yang diperiksa")
    v.add_argument("--tahun", type=_tahun,
                   help="tahun laporan yang diperiksa kelayakannya (bawaan: Tahun Laporan di Profil)")
    _opsi_keluaran(v, "BUKU_validasi.xlsx")

    _dokumen(sub, "hitung", "hitung capaian dan predikat satu tahun ke lembar 'Capaian TAHUN'",
             "Hitung capaian dan predikat setiap indikator untuk satu tahun, lalu tulis lembar kerja "
             "'Capaian TAHUN' (tanpa format laporan resmi).", "BUKU_capaian-TAHUN.xlsx", "'Capaian TAHUN'")

    r = sub.add_parser("rekap", help="rekap banyak buku kerja IKU (satu per unit) ke satu buku kerja",
                       description="Baca setiap buku kerja IKU di folder/berkas yang disebut, hitung capaian tahun "
                                   "itu, dan tulis satu buku kerja rekap: Rekap (per unit dan indikator), Ringkasan "
                                   "Unit, Peringkat (dengan grafik) dan Berkas Bermasalah, dan/atau tabel Rekap "
                                   "sebagai CSV untuk analisis (R, pandas, basis data). Satu berkas rusak tidak "
                                   "menghentikan rekap.\n\nContoh:\n  iku-xl rekap kecamatan/ --tahun 2024 -o "
                                   "rekap_2024.xlsx --csv\n  iku-xl rekap --daftar daftar_q1.txt --tahun 2024 "
                                   "--csv rekap_2024.csv")
    r.add_argument("sumber", nargs="*", metavar="FOLDER_ATAU_BERKAS", help="folder atau berkas .xlsx/.xlsm")
    r.add_argument("--daftar", action="append", default=[], metavar="DAFTAR.txt",
                   help="berkas teks berisi daftar buku kerja: satu path per baris, relatif terhadap folder "
                        "daftar; baris kosong dan baris berawalan # dilewati (boleh diulang)")
    r.add_argument("--tahun", type=_tahun, required=True, help="tahun yang direkap")
    r.add_argument("-o", "--keluaran", metavar="REKAP.xlsx", help="buku kerja rekap yang dibuat")
    r.add_argument("--csv", nargs="?", const="", metavar="REKAP.csv",
                   help="tulis tabel Rekap sebagai CSV (UTF-8 tanpa BOM, pemisah koma, titik desimal, judul kolom "
                        "seperti lembar Rekap); tanpa nama: di samping -o dengan akhiran .csv. Butuh pandas: "
                        "pip install pandas")
    r.add_argument("--timpa", action="store_true", help="boleh menimpa berkas rekap yang sudah ada (cadangan dibuat)")
    r.add_argument("--quiet", "-q", action="store_true", help="tanpa bilah kemajuan")

    lap = _dokumen(sub, "laporan", "buat lembar Laporan Capaian untuk satu tahun",
                   "Hitung capaian dan predikat, lalu tambahkan lembar 'Laporan Capaian TAHUN' (tabel, grafik, "
                   "tanda tangan).", "BUKU_laporan-TAHUN.xlsx, dengan --triwulan BUKU_triwulan-N-TAHUN.xlsx",
                   "laporan (Laporan Capaian, Anggaran, Grafik; dengan --triwulan lembar triwulannya)",
                   "tahun laporan (bawaan: Tahun Laporan di Profil)")
    lap.add_argument("--triwulan", type=_triwulan, metavar="N",
                     help="buat lembar 'Capaian Triwulan N TAHUN' (pemantauan Rencana Aksi, N = 1-4) "
                          "sebagai ganti laporan tahunan")

    _dokumen(sub, "pk", "buat lembar Perjanjian Kinerja untuk satu tahun",
             "Tambahkan lembar 'Perjanjian Kinerja TAHUN' (bentuk PermenPANRB 53/2014): halaman pernyataan Pihak "
             "Pertama (kepala, dari Profil) dan Pihak Kedua (Nama, Jabatan, Pangkat/NIP Atasan di Profil), lalu "
             "lampiran berisi sasaran, indikator, target tahun itu, program dan anggarannya, dengan tanda tangan.",
             "BUKU_pk-TAHUN.xlsx", "'Perjanjian Kinerja TAHUN'",
             "tahun perjanjian kinerja (bawaan: Tahun Laporan di Profil)")
    _dokumen(sub, "analisis", "buat lembar 'Analisis Capaian TAHUN' (bahan Bab III LKjIP)",
             "Susun kalimat analisis setiap indikator dari data (target, realisasi, tahun sebelumnya, target akhir "
             "Renstra, Program Anggaran) di lembar 'Analisis Capaian TAHUN'. Isian staf di kolom 'Penyebab "
             "keberhasilan / kegagalan' dan 'Upaya / alternatif solusi' dibaca dari lembar lama dan ditulis lagi "
             "menurut Kode; tidak ada yang dibuang.",
             "BUKU_analisis-TAHUN.xlsx; dengan --timpa boleh BUKU sendiri", "'Analisis Capaian TAHUN'")
    ikm = _dokumen(sub, "ikm", "buat lembar 'Laporan IKM TAHUN' dari lembar Survei IKM",
                   "Hitung Indeks Kepuasan Masyarakat (PermenPANRB 14/2017) dari jawaban responden di lembar "
                   "'Survei IKM': NRR dan mutu per unsur, IKM dan mutu pelayanan, prioritas perbaikan, IKM per jenis "
                   "layanan, profil responden, sampel minimum, saran, grafik dan tanda tangan, di lembar 'Laporan "
                   "IKM TAHUN'.", "BUKU_ikm-TAHUN.xlsx", "'Laporan IKM TAHUN' dan grafiknya",
                   "tahun (bawaan: Tahun Laporan di Profil); periode survei yang namanya memuat tahun itu dipakai")
    ikm.add_argument("--periode", nargs="+", action="extend", metavar="P", default=[],
                     help="periode survei yang dipakai, sesuai kolom Periode (mis. --periode \"2024 Semester I\"); "
                          "bawaan: semua periode tahun itu")
    return p


def _dokumen(sub: Any, nama: str, bantuan: str, keterangan: str, keluaran: str, lembar_pdf: str,
             bantuan_tahun: str = "tahun (bawaan: Tahun Laporan di Profil)") -> argparse.ArgumentParser:
    """A command that writes one year's document sheet into a copy of BUKU: BUKU, --tahun, -o/--timpa, --pdf."""
    d = sub.add_parser(nama, help=bantuan, description=keterangan)
    d.add_argument("buku", metavar="BUKU.xlsx", help="buku kerja IKU")
    d.add_argument("--tahun", type=_tahun, help=bantuan_tahun)
    _opsi_keluaran(d, keluaran)
    _opsi_pdf(d, lembar_pdf)
    return d


def _opsi_pdf(p: argparse.ArgumentParser, lembar: str) -> None:
    p.add_argument("--pdf", action="store_true",
                   help=f"juga cetak lembar {lembar} ke NAMA.pdf di samping berkas hasil, tanpa lembar isian "
                        "(perlu LibreOffice)")


def _nilai_argumen(urai: str, pesan: str):  # type: ignore[no-untyped-def]
    """An argparse type reading a value by the core parser named ``urai`` (the same rule as the
    workbook's cells; imported when used, so ``--help`` stays fast)."""
    def baca(teks: str) -> int:
        from iku_xl.core import parse
        from iku_xl.core.errors import DataTidakValid

        try:
            nilai = getattr(parse, urai)(teks)
        except DataTidakValid:
            nilai = None
        if nilai is None:
            raise argparse.ArgumentTypeError(pesan.format(teks))
        return int(nilai)
    return baca


#: --tahun, read like the Tahun cells; --triwulan (1-4 or I-IV), like Triwulan Laporan in Profil.
_tahun = _nilai_argumen("parse_tahun", "tahun '{}' tidak valid: isi empat angka, mis. 2024")
_triwulan = _nilai_argumen("parse_triwulan", "triwulan '{}' tidak valid: isi 1, 2, 3 atau 4")


def _opsi_keluaran(p: argparse.ArgumentParser, bawaan: str) -> None:
    p.add_argument("-o", "--keluaran", metavar="BERKAS", help=f"berkas hasil (bawaan: {bawaan})")
    p.add_argument("--timpa", action="store_true",
                   help="boleh menimpa berkas yang sudah ada, termasuk BUKU sendiri (cadangan dibuat)")


_LABEL = {"galat": "GALAT", "peringatan": "PERINGATAN", "info": "INFO"}


def cetak_masalah(masalah: Sequence[Masalah], out: TextIO, *, ringkasan: bool = True) -> None:
    for m in masalah:
        print(f"{_LABEL[m.tingkat]:<10} {m}", file=out)
    if masalah and ringkasan:
        jumlah = {t: sum(m.tingkat == t for m in masalah) for t in _LABEL}
        print(f"Ringkasan: {jumlah['galat']} galat, {jumlah['peringatan']} peringatan, "
              f"{jumlah['info']} info.", file=out)


def _jalankan(args: argparse.Namespace, satu_proses: bool = False) -> int:
    """Run the command; ``satu_proses``: this process is the command itself, which exits afterwards
    (:func:`iku_xl.pekerjaan.bekukan` once the job's modules are imported)."""
    import datetime as dt

    from iku_xl.workbook import impor_openpyxl_tanpa_numpy

    # The file jobs read and write with openpyxl and never need numpy; the recap may hand its data
    # to pandas, so there openpyxl keeps accepting numpy's numbers.
    if args.perintah != "rekap":
        impor_openpyxl_tanpa_numpy()
    waktu = dt.datetime.now()
    if args.perintah == "template":
        from iku_xl.workbook.simpan import simpan
        from iku_xl.workbook.templat import buat_templat

        tujuan = Path(args.keluaran)
        if tujuan.suffix.lower() != ".xlsx":
            raise IkuError(f"nama berkas templat '{tujuan.name}' harus berakhiran .xlsx",
                           saran="Contoh: iku-xl template IKU_2025.xlsx")
        cadangan = simpan(buat_templat(), tujuan, timpa=args.timpa, waktu=waktu, opsi_nama=None)
        print(f"Templat dibuat: {tujuan}")
        if cadangan:
            print(f"Berkas lama disimpan sebagai: {cadangan}")
        return KELUAR_OK

    if args.perintah == "impor":
        return _impor(args, waktu)
    if args.perintah == "rekap":
        return _rekap(args, waktu)

    from iku_xl.workbook import proses

    if satu_proses:
        bekukan()
    if args.perintah == "validasi":
        hasil = proses.validasi(args.buku, args.keluaran, timpa=args.timpa, waktu=waktu, tahun=args.tahun)
    elif args.perintah == "hitung":
        hasil = proses.hitung(args.buku, args.tahun, args.keluaran, timpa=args.timpa, waktu=waktu)
    elif args.perintah == "pk":
        hasil = proses.buat_pk(args.buku, args.tahun, args.keluaran, timpa=args.timpa, waktu=waktu)
    elif args.perintah == "analisis":
        hasil = proses.buat_analisis(args.buku, args.tahun, args.keluaran, timpa=args.timpa, waktu=waktu)
    elif args.perintah == "ikm":
        hasil = proses.buat_ikm(args.buku, args.tahun, args.periode, args.keluaran, timpa=args.timpa, waktu=waktu)
    elif args.triwulan is not None:
        hasil = proses.buat_laporan_triwulan(args.buku, args.triwulan, args.tahun, args.keluaran, timpa=args.timpa,
                                             waktu=waktu)
    else:
        hasil = proses.buat_laporan(args.buku, args.tahun, args.keluaran, timpa=args.timpa, waktu=waktu)
    cetak_masalah(hasil.masalah, sys.stdout, ringkasan=args.perintah != "validasi")
    if args.perintah == "validasi":
        from iku_xl.core.validasi import kesimpulan

        print(kesimpulan(hasil.masalah, hasil.tahun))
    if hasil.cadangan:
        print(f"Berkas lama disimpan sebagai: {hasil.cadangan}")
    apa = {"validasi": "Hasil validasi", "hitung": "Lembar capaian", "laporan": "Laporan",
           "pk": "Perjanjian Kinerja", "analisis": "Lembar Analisis Capaian", "ikm": "Laporan IKM"}[args.perintah]
    if getattr(args, "triwulan", None) is not None:
        apa = f"Lembar Capaian Triwulan {args.triwulan}"
    if hasil.keluaran is None:
        print(f"{apa} TIDAK dibuat: perbaiki galat di atas lalu jalankan lagi.", file=sys.stderr)
        return KELUAR_INPUT
    print(f"{apa} disimpan di: {hasil.keluaran}")
    if getattr(args, "pdf", False):
        from iku_xl.workbook.pdf import path_pdf, tulis_pdf

        pdf = path_pdf(hasil.keluaran)
        cadangan_pdf = tulis_pdf(hasil.keluaran, hasil.lembar, pdf, timpa=args.timpa, waktu=waktu)
        if cadangan_pdf:
            print(f"PDF lama disimpan sebagai: {cadangan_pdf}")
        print(f"PDF disimpan di: {pdf}")
    if args.perintah == "validasi" and any(m.tingkat == "galat" for m in hasil.masalah):
        return KELUAR_INPUT
    return KELUAR_OK


def _impor_survei(args: argparse.Namespace, waktu: object) -> int:
    from iku_xl.workbook.survei import impor_survei

    hasil = impor_survei(args.sumber, args.ke, args.keluaran, periode=args.periode, timpa=args.timpa,
                         waktu=waktu)  # type: ignore[arg-type]
    baca = hasil.baca
    if baca.kepala is not None:
        print(f"Survei dibaca dari '{Path(args.sumber).name}' lembar '{baca.lembar}' (judul kolom di baris "
              f"{baca.kepala.baris + 1}); kolom yang tidak dipakai: {', '.join(baca.kepala.abaikan) or '-'}.")
    cetak_masalah(baca.masalah + list(hasil.peringatan), sys.stdout)
    if hasil.keluaran is None:
        sel = f"{baca.n_galat} sel" if baca.kepala is not None and baca.n_galat else "galat"
        print(f"Survei TIDAK diimpor: perbaiki {sel} di atas di berkas sumber, lalu jalankan lagi "
              "(tidak ada yang ditulis).", file=sys.stderr)
        return KELUAR_INPUT
    if hasil.cadangan:
        print(f"Berkas lama disimpan sebagai: {hasil.cadangan}")
    per_periode = {}
    for r in baca.responden:
        per_periode[r.periode] = per_periode.get(r.periode, 0) + 1
    rinci = ", ".join(f"{p}: {n}" for p, n in per_periode.items())
    print(f"{len(baca.responden)} responden diimpor ke lembar 'Survei IKM' ({rinci}). Disimpan di: {hasil.keluaran}")
    return KELUAR_OK


def _impor(args: argparse.Namespace, waktu: object) -> int:
    if args.survei:
        return _impor_survei(args, waktu)
    if args.ke or args.periode:
        raise IkuError("--ke dan --periode hanya untuk impor survei", saran="Tambahkan --survei.")
    from iku_xl.core.impor.catatan import ringkasan_akhir, ringkasan_impor
    from iku_xl.workbook.impor import buku_impor, impor
    from iku_xl.workbook.simpan import simpan

    sumber = Path(args.sumber)
    hasil = impor(sumber)
    print(ringkasan_impor(hasil))
    for c in hasil.catatan:
        print(f"CATATAN    {c}")
    for d in hasil.dugaan:
        print(f"DIDUGA     Indikator {d.kode}: {d.field} = {d.nilai} ({d.alasan}); periksa.")
    cetak_masalah(hasil.tidak_terbaca, sys.stdout)
    if not hasil.jumlah_indikator:
        print("Buku kerja TIDAK dibuat: tidak ada tabel IKU yang terbaca dari sumber ini.", file=sys.stderr)
        return KELUAR_INPUT
    tujuan = Path(args.keluaran) if args.keluaran else sumber.with_name(f"{sumber.stem}_iku.xlsx")
    if tujuan.suffix.lower() != ".xlsx":
        raise IkuError(f"nama berkas hasil '{tujuan.name}' harus berakhiran .xlsx", saran="Contoh: -o IKU_2025.xlsx")
    cadangan = simpan(buku_impor(hasil, sumber.name, waktu), tujuan, timpa=args.timpa, waktu=waktu)  # type: ignore[arg-type]
    if cadangan:
        print(f"Berkas lama disimpan sebagai: {cadangan}")
    print(f"Buku kerja IKU disimpan di: {tujuan} (lihat lembar 'Catatan Impor')")
    print(ringkasan_akhir(hasil))
    return KELUAR_OK


def _rekap(args: argparse.Namespace, waktu: object) -> int:
    from iku_xl.workbook.rekap import baca_daftar, rekap, terminal
    from iku_xl.workbook.simpan import tulis_aman

    sumber = [*args.sumber, *(p for d in args.daftar for p in baca_daftar(d))]
    if not args.sumber and not args.daftar:
        raise IkuError("belum ada buku kerja yang direkap", saran="Sebutkan folder/berkas, atau --daftar DAFTAR.txt.")
    tujuan = Path(args.keluaran) if args.keluaran else None
    if tujuan is None and args.csv is None:
        raise IkuError("belum ada berkas hasil", saran="Tambahkan -o REKAP.xlsx, --csv REKAP.csv, atau keduanya.")
    if tujuan is not None and tujuan.suffix.lower() != ".xlsx":
        raise IkuError(f"nama berkas rekap '{tujuan.name}' harus berakhiran .xlsx", saran="Contoh: -o rekap_2024.xlsx")
    kemajuan = None if args.quiet else terminal()
    if args.csv is None:
        assert tujuan is not None
        hitung: list[tuple[int, int, int]] = []
        cadangan = tulis_aman(lambda p: hitung.append(rekap(sumber, args.tahun, p, kemajuan=kemajuan,
                                                            kecuali=[tujuan])),  # the final name: never a unit
                              tujuan, timpa=args.timpa, waktu=waktu)  # type: ignore[arg-type]
        berkas, unit, bermasalah = hitung[0]
        if cadangan:
            print(f"Berkas lama disimpan sebagai: {cadangan}")
        print(f"Rekap {args.tahun}: {berkas} berkas, {unit} unit direkap, {bermasalah} berkas bermasalah "
              f"(lihat lembar 'Berkas Bermasalah'). Disimpan di: {tujuan}")
        return KELUAR_OK if unit else KELUAR_INPUT
    return _rekap_csv(args, sumber, tujuan, kemajuan, waktu)


def _rekap_csv(args: argparse.Namespace, sumber: list[str | Path], tujuan: Path | None, kemajuan: TextIO | None,
               waktu: object) -> int:
    """The recap as CSV (iku_xl.data), with the workbook too when -o names one: the files read once."""
    from iku_xl.data import BERMASALAH, DIREKAP, pandas, rekap_data, tabel_rekap, tulis_csv
    from iku_xl.workbook.rekap import rekap
    from iku_xl.workbook.simpan import tulis_aman

    if not args.csv and tujuan is None:
        raise IkuError("--csv tanpa nama berkas butuh -o REKAP.xlsx (CSV disimpan di sampingnya)",
                       saran="Contoh: --csv rekap_2024.csv")
    csv = Path(args.csv) if args.csv else tujuan.with_suffix(".csv")  # type: ignore[union-attr]
    if csv.suffix.lower() != ".csv":
        raise IkuError(f"nama berkas CSV '{csv.name}' harus berakhiran .csv", saran="Contoh: --csv rekap_2024.csv")
    pandas()  # missing: said before anything is read
    cadangan: list[Path | None] = []
    tabel = []

    def tulis(p: str) -> None:
        if tujuan is None:
            tabel.append(rekap_data(sumber, args.tahun, kemajuan=kemajuan))
        else:
            hasil: list[Any] = []
            cadangan.append(tulis_aman(lambda q: rekap(sumber, args.tahun, q, kemajuan=kemajuan, setiap=hasil.append,
                                                                  kecuali=[tujuan]),
                                       tujuan, timpa=args.timpa, waktu=waktu))  # type: ignore[arg-type]
            tabel.append(tabel_rekap(hasil))
        tulis_csv(tabel[0], p)

    # the CSV's own check (exists, --timpa) comes before the recap is run
    cadangan.append(tulis_aman(tulis, csv, timpa=args.timpa, waktu=waktu, opsi_nama="--csv"))  # type: ignore[arg-type]
    for c in cadangan:
        if c:
            print(f"Berkas lama disimpan sebagai: {c}")
    bermasalah, unit = tabel[0].attrs[BERMASALAH], tabel[0].attrs[DIREKAP]
    print(f"Rekap {args.tahun}: {unit + len(bermasalah)} berkas, {unit} unit direkap, {len(bermasalah)} berkas "
          f"bermasalah." + (f" Disimpan di: {tujuan}" if tujuan else ""))
    if tujuan is None:  # no Berkas Bermasalah sheet: the list goes here
        for berkas, alasan in bermasalah[:20]:
            print(f"  {berkas}: {alasan}")
        if len(bermasalah) > 20:
            print(f"  ... dan {len(bermasalah) - 20} berkas lainnya (tabel.attrs['Berkas Bermasalah'] di rekap_data)")
    print(f"Tabel rekap (CSV) disimpan di: {csv}")
    return KELUAR_OK if unit else KELUAR_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """The ``iku-xl`` command; the exit code. Without ``argv`` (the console script, ``python -m
    iku_xl``) it is the whole process, which ends after the job: the objects alive after the
    imports and after the job are frozen out of the garbage collector (:func:`iku_xl.pekerjaan.bekukan`)."""
    for aliran in (sys.stdout, sys.stderr):  # a Windows console may not know every character
        if hasattr(aliran, "reconfigure"):
            aliran.reconfigure(errors="replace")
    args = _parser().parse_args(argv)
    try:
        if args.perintah == "rekap":  # many workbooks, one after another: the collector as Python sets it
            return _jalankan(args)
        with pekerjaan():  # one workbook: the collector set for one job (iku_xl.pekerjaan)
            kode = _jalankan(args, satu_proses=argv is None)
        if argv is None:  # the process ends now: what the job left is not walked and freed first
            bekukan()
        return kode
    except IkuError as e:
        print(f"Galat: {e}", file=sys.stderr)
        return KELUAR_INPUT
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return KELUAR_INTERNAL
    except Exception:  # a bug: keep the traceback for developers, not on the console
        import traceback

        log = catat_galat(traceback.format_exc())
        tempat = f"Kirim berkas log ini ke pengelola iku-xl: {log}" if log else \
            "Catatan galat tidak dapat disimpan; jalankan lagi dan laporkan pesan ini ke pengelola iku-xl."
        print(f"Terjadi kesalahan internal iku-xl. Berkas Anda tidak diubah. {tempat}", file=sys.stderr)
        return KELUAR_INTERNAL


def catat_galat(teks: str, folder: Path | None = None) -> Path | None:
    """Write a traceback to ``galat.log`` in the user's own cache folder (platformdirs), never
    through a symlink or into a folder somebody else owns; None when it cannot be written."""
    import os
    import stat

    try:
        if folder is None:
            from platformdirs import user_cache_dir

            folder = Path(user_cache_dir("iku-xl", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = os.lstat(folder)
        if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            return None
        path = folder / "galat.log"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(teks)
        return path
    except Exception:  # an unwritable log must not become a second failure
        return None

if __name__ == "__main__":
    sys.exit(main())
