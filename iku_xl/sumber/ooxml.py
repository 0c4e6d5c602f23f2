"""WordprocessingML names (Transitional and Strict) and Word equations (OMML) as text.

An equation reads as its text in order; a fraction ``m:f`` is ``"pembilang / penyebut"``, a side
holding an operator in parentheses, set off by spaces from the text around it:

>>> from lxml import etree
>>> m = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
>>> x = etree.fromstring(f'<m:oMath {m}><m:f><m:num><m:r><m:t>a+b</m:t></m:r></m:num><m:den><m:r><m:t>c</m:t>'
...                      '</m:r></m:den></m:f><m:r><m:t>×100%</m:t></m:r></m:oMath>')
>>> matematika(x)
'(a+b) / c ×100%'
"""

from __future__ import annotations

import re
from typing import Any

_W = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "http://purl.oclc.org/ooxml/wordprocessingml/main")  # Transitional, Strict
_M = ("http://schemas.openxmlformats.org/officeDocument/2006/math",
      "http://purl.oclc.org/ooxml/officeDocument/math")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_DOK = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
         "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
_OPERATOR = re.compile(r"[+\-−–×·*/÷=<>≤≥]|\s[xX]\s")  # "a x b": the x typed for times


def lokal(el: Any) -> tuple[str, str]:
    """(namespace kind, local name) of an element: "w", "m", "mc" or "" for the rest."""
    tag = el.tag
    if not isinstance(tag, str) or tag[0] != "{":
        return "", ""
    ns, _, nama = tag[1:].partition("}")
    if ns in _W:
        return "w", nama
    if ns in _M:
        return "m", nama
    if ns == _MC:
        return "mc", nama
    return "", nama


def atribut(el: Any, nama: str) -> str | None:
    for ns in _W + _M:
        v = el.get(f"{{{ns}}}{nama}")
        if v is not None:
            return v
    return None


def anak(el: Any, jenis: str, nama: str) -> Any:
    for c in el:
        if lokal(c) == (jenis, nama):
            return c
    return None


def matematika(el: Any) -> str:
    """An equation's text (see the module's docstring)."""
    jenis, nama = lokal(el)
    if nama == "oMathPara":
        return "\n".join(matematika(c) for c in el if lokal(c) == ("m", "oMath"))
    return _m(el)


def _m(el: Any) -> str:
    """The text of an OMML element in order; fractions as "a / b"."""
    bagian: list[tuple[str, bool]] = []  # (text, is a fraction)
    for c in el:
        jenis, nama = lokal(c)
        if nama.endswith("Pr") or jenis not in ("m", "w"):
            continue
        if jenis == "w":
            if nama == "r":  # a Word run inside an equation (text typed as "normal text")
                bagian.append(("".join(t.text or "" for t in c.iter() if lokal(t) == ("w", "t")), False))
            continue
        if nama == "r":
            bagian.append(("".join((t.text or "") if lokal(t)[1] == "t" else "\n" if lokal(t)[1] == "br" else ""
                                   for t in c.iter()), False))
        elif nama == "f":
            bagian.append((_pecahan(c), True))
        elif nama == "d":
            bagian.append((_kurung(c), False))
        elif nama in ("sSup", "sSubSup"):
            e, sub, sup = (_m(anak(c, "m", n)) if anak(c, "m", n) is not None else "" for n in ("e", "sub", "sup"))
            bagian.append((e + sub + (f"^{sup}" if sup else ""), False))
        elif nama == "nary":
            pr = anak(c, "m", "naryPr")
            simbol = anak(pr, "m", "chr") if pr is not None else None
            tanda = (atribut(simbol, "val") or "∫") if simbol is not None else "∫"
            sub, sup, e = (_m(anak(c, "m", n)) if anak(c, "m", n) is not None else "" for n in ("sub", "sup", "e"))
            bagian.append((" ".join(x for x in (tanda + sub + sup, e) if x), False))
        elif nama == "rad":
            e = anak(c, "m", "e")
            bagian.append((f"√({_m(e) if e is not None else ''})", False))
        elif nama == "eqArr":
            bagian.append(("\n".join(_m(x) for x in c if lokal(x) == ("m", "e")), False))
        else:  # e, num, den, sSub, func, acc, bar, box, limLow, groupChr, m (matrix)...: text in order
            bagian.append((_m(c), False))
    return _sambung(bagian)


def _sambung(bagian: list[tuple[str, bool]]) -> str:
    """Join an equation's pieces; a fraction is set off by spaces from the text around it except
    next to a bracket or a space.

    >>> _sambung([("Capaian=", False), ("a / b", True), ("×100%", False)])
    'Capaian= a / b ×100%'
    >>> _sambung([("(", False), ("a / b", True), (")", False)])
    '(a / b)'
    """
    keluar = ""
    sebelumnya_pecahan = False
    for teks, pecahan in bagian:
        if not teks:
            continue
        if keluar and (pecahan or sebelumnya_pecahan):
            kiri, kanan = keluar[-1], teks[0]
            if not (kiri.isspace() or kanan.isspace() or kiri in "([{" or kanan in ")]}"):
                keluar += " "
        keluar += teks
        sebelumnya_pecahan = pecahan
    return keluar


def _pecahan(f: Any) -> str:
    """ "pembilang / penyebut", a side holding an operator (or a space between two terms that
    could read as one) in parentheses."""
    sisi = []
    for n in ("num", "den"):
        el = anak(f, "m", n)
        t = " ".join(_m(el).split()) if el is not None else ""
        if _OPERATOR.search(t) and not _berkurung(t):
            t = f"({t})"
        sisi.append(t)
    return f"{sisi[0]} / {sisi[1]}"


def _berkurung(t: str) -> bool:
    """Is the whole text one bracketed group?

    >>> _berkurung("(a + b)"), _berkurung("(a) + (b)"), _berkurung("[R - T]")
    (True, False, True)
    """
    pasangan = {"(": ")", "[": "]", "{": "}"}
    if not t or t[-1] != pasangan.get(t[0]):
        return False
    dalam = 0
    for i, ch in enumerate(t):
        dalam += {t[0]: 1, t[-1]: -1}.get(ch, 0)
        if dalam == 0 and i < len(t) - 1:
            return False
    return True


def _kurung(d: Any) -> str:
    """An ``m:d`` delimiter: its parts between its brackets (default round), separated by its
    separator (default "|")."""
    pr = anak(d, "m", "dPr")

    def nilai(nama: str, baku: str) -> str:
        el = anak(pr, "m", nama) if pr is not None else None
        if el is None:
            return baku
        v = atribut(el, "val")
        return baku if v is None else v

    isi = [_m(e) for e in d if lokal(e) == ("m", "e")]
    return nilai("begChr", "(") + nilai("sepChr", "|").join(isi) + nilai("endChr", ")")
