"""The file behind a .docx: a zip holding a Word document, checked before it is parsed.

Checked the way workbooks are (:mod:`iku_xl.workbook.pemeriksaan`, whose limits are reused): a
regular file, not empty, not too big, a zip (an OLE file is a password-locked document or an old
.doc; a PDF, RTF or XML file is named as such), a sane zip directory, the main document part
(named by ``_rels/.rels``) not inflating past :data:`MAKS_ISI_DOKUMEN` nor by a bomb's ratio,
and no DOCTYPE (the only way to declare entities; Word never writes one). What is refused is
:class:`~iku_xl.core.errors.BerkasTidakValid` saying what the file is and what to do.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path
from posixpath import normpath

from iku_xl.core.errors import BerkasTidakValid
from iku_xl.sumber.ooxml import R_DOK

#: The main document part inflated: a 300-page Word report is a few MB of XML.
MAKS_ISI_DOKUMEN = 128 << 20

_SARAN_SIMPAN = "Buka berkas itu di Word lalu simpan sebagai Dokumen Word (.docx) dan coba lagi; atau pakai " \
                "salinan aslinya."


_SARAN_SANDI = "Buka di Word dengan sandinya, hapus sandi (File > Info > Lindungi Dokumen > Enkripsi dengan " \
               "Kata Sandi, kosongkan), simpan, lalu coba lagi."


def tolak(nama: str, pesan: str, saran: str = _SARAN_SIMPAN) -> BerkasTidakValid:
    return BerkasTidakValid(f"berkas '{nama}' tidak dapat dibaca sebagai dokumen Word: {pesan}", saran=saran)


#: A Word document's message and advice for each kind of file that is not one (pemeriksaan.jenis_isi).
_BUKAN_DOKUMEN = {
    "terenkripsi": ("dokumen terkunci sandi (terenkripsi)", _SARAN_SANDI),
    "ole": ("berformat Word 97-2003 (.doc) lama, bukan .docx",
            "Buka di Word lalu simpan sebagai Dokumen Word (.docx) (File > Simpan Sebagai), lalu coba lagi."),
    "pdf": ("isinya dokumen PDF yang diberi akhiran .docx", "Ganti akhiran namanya menjadi .pdf lalu impor berkas .pdf itu."),
    "rtf": ("berformat RTF, bukan .docx", _SARAN_SIMPAN),
    "xml": ("berformat XML/HTML (mis. \"Dokumen XML Word\" atau halaman web), bukan .docx", _SARAN_SIMPAN),
}


def _jenis_lain(kepala: bytes, data: bytes) -> tuple[str, str]:
    """What a file that is not a zip is, and what to do."""
    from iku_xl.workbook.pemeriksaan import jenis_isi

    return _BUKAN_DOKUMEN.get(jenis_isi(kepala, data) or "", ("isinya bukan dokumen Word .docx (bukan arsip zip)",
                                                               _SARAN_SIMPAN))


def bagian_dokumen(p: Path) -> bytes:
    """The bytes of the main document part, after checking the file the way workbooks are
    checked (:mod:`iku_xl.workbook.pemeriksaan`: regular file, size, zip directory, ratio)."""
    from iku_xl.workbook.pemeriksaan import BACA_JENIS, MAKS_UKURAN_BERKAS, MIB, _buka_biasa

    nama = p.name
    with _buka_biasa(p) as f:
        ukuran = os.fstat(f.fileno()).st_size
        if ukuran == 0:
            raise tolak(nama, "berkas kosong (0 byte)", "Pakai salinan lain dari berkas itu (mis. cadangan atau "
                        "lampiran aslinya); berkas kosong sering akibat penyimpanan atau unduhan yang terputus.")
        if ukuran > MAKS_UKURAN_BERKAS:
            raise tolak(nama, f"terlalu besar ({ukuran // MIB} MB; paling besar {MAKS_UKURAN_BERKAS // MIB} MB)",
                        "Simpan tabel IKU-nya saja di dokumen Word tersendiri, lalu impor dokumen itu.")
        kepala = f.read(64)
        if not kepala.startswith(b"PK"):
            raise tolak(nama, *_jenis_lain(kepala, kepala + f.read(BACA_JENIS)))
        f.seek(0)
        try:
            with zipfile.ZipFile(f) as z:
                return _dokumen_dari_zip(nama, z)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as e:
            if isinstance(e, BerkasTidakValid):
                raise
            raise tolak(nama, "rusak atau tidak lengkap (arsip zip tidak utuh, mis. unduhan atau penyimpanan yang "
                        "terputus)") from None


def _dokumen_dari_zip(nama: str, z: zipfile.ZipFile) -> bytes:
    from iku_xl.workbook.pemeriksaan import MAKS_ENTRI, MAKS_RASIO, MIB, RASIO_MULAI

    entri = z.infolist()
    if len(entri) > MAKS_ENTRI:
        raise tolak(nama, f"berisi {len(entri)} bagian; ini bukan dokumen Word biasa")
    nama_dok = _nama_bagian_dokumen(z)
    if nama_dok is None or not nama_dok.startswith("word/"):
        bukan_word(nama, {e.filename.split("/")[0] for e in entri})
    e = z.getinfo(nama_dok)
    if e.flag_bits & 0x1:
        raise tolak(nama, "bagian dokumennya terenkripsi", _SARAN_SANDI)
    if e.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise tolak(nama, f"memakai kompresi yang tidak dipakai Word (bagian {e.filename})")
    if e.file_size > MAKS_ISI_DOKUMEN or (e.file_size > RASIO_MULAI
                                           and e.file_size > MAKS_RASIO * max(e.compress_size, 1)):
        raise tolak(nama, f"bagian {e.filename} mengembang jauh melampaui batas saat dibuka ("
                    f"{e.file_size // MIB} MB dari {e.compress_size // 1024 + 1} KB; paling banyak "
                    f"{MAKS_ISI_DOKUMEN // MIB} MB): mungkin bom zip",
                    "Jangan buka berkas ini; minta unit pengirim menyimpan ulang dokumennya dari Word "
                    "lalu mengirimkannya lagi.")
    # zipfile never gives more than the stated size (checked above) and checks the CRC
    xml = z.read(e)
    if _ada_doctype(xml):
        raise tolak(nama, "bagian dokumennya memuat deklarasi DOCTYPE/ENTITY, yang tidak pernah ditulis Word "
                    "(berkas ini dibuat atau diubah oleh program lain)",
                    "Jangan buka berkas ini; minta unit pengirim menyimpan ulang dokumennya dari Word.")
    return xml


def bukan_word(nama: str, tanda: set[str]) -> None:
    """Refuse a zip that holds no Word document, naming what it holds when it is Office's."""
    if tanda & {"xl", "workbook"}:
        raise tolak(nama, "isinya buku kerja Excel yang diberi akhiran .docx",
                    "Ganti akhiran namanya menjadi .xlsx lalu impor berkas .xlsx itu.")
    if tanda & {"ppt", "presentation"}:
        raise tolak(nama, "isinya presentasi PowerPoint, bukan dokumen Word",
                    "Salin tabel IKU-nya ke dokumen Word (.docx) lalu impor dokumen itu.")
    if "META-INF" in tanda or "mimetype" in tanda:
        raise tolak(nama, "isinya dokumen OpenDocument (.odt), bukan .docx",
                    "Buka di LibreOffice/Word lalu simpan sebagai Dokumen Word (.docx), lalu coba lagi.")
    raise tolak(nama, "arsip zip ini tidak berisi dokumen Word (word/document.xml tidak ada)")


def _nama_bagian_dokumen(z: zipfile.ZipFile) -> str | None:
    """The main document part named by ``_rels/.rels`` (normally word/document.xml)."""
    ada = set(z.namelist())
    if "_rels/.rels" in ada:
        info = z.getinfo("_rels/.rels")
        if info.file_size <= 1 << 20:
            rels = z.read(info)
            if not _ada_doctype(rels):
                for m in re.finditer(rb"<(?:\w+:)?Relationship\b[^>]*>", rels):
                    tag = m.group(0)
                    jenis = re.search(rb'Type\s*=\s*"([^"]*)"', tag)
                    target = re.search(rb'Target\s*=\s*"([^"]*)"', tag)
                    if jenis and target and jenis.group(1).decode("utf-8", "replace") in R_DOK:
                        t = target.group(1).decode("utf-8", "replace")
                        t = normpath(t.lstrip("/"))  # relative to the package's root
                        if t in ada:
                            return t
    return "word/document.xml" if "word/document.xml" in ada else None


_DEKLARASI = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _ada_doctype(xml: bytes) -> bool:
    """Does the XML declare a DOCTYPE or an ENTITY anywhere (no copy of the part is made)?
    UTF-16 parts are looked at too. The parser resolves no entity in any case.

    >>> _ada_doctype(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'), _ada_doctype(b"<w:document/>")
    (True, False)
    """
    if xml[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            xml = xml.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return True
    return _DEKLARASI.search(xml) is not None
