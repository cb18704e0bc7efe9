"""``.pdf`` -> plain text lines in logical order, page by page, footnotes after the body.

Needs the ``pdf`` extra (``pip install "citenorm[pdf]"``: pdfplumber). What it does:

* groups the characters of each page into printed lines by their baseline, in visual
  order (left to right), inserting a space where the PDF has a gap but no space glyph;
* turns each line into logical order with a reduced Unicode bidi algorithm run
  backwards (:func:`visual_to_logical`): a line with mostly Arabic letters is
  right-to-left; runs of Latin letters and numbers keep their order inside it; numbers
  after Arabic letters are Arabic numbers (so ``٢٠٢٣-٢٠١٤`` printed right to left reads
  ``٢٠١٤-٢٠٢٣`` again); brackets are mirrored back; presentation forms (U+FB50–U+FEFF)
  become base letters;
* recognises the footnote block of a page: the lines at the bottom of the page printed
  smaller than the body text (when the PDF gives font sizes), and puts it after the
  page's body, after a blank line, as a plain-text article has it. Lines that hold only
  a page number at the top or bottom of a page are dropped.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from citenorm.errors import InputError

__all__ = ["PdfText", "read_pdf", "visual_to_logical"]

_ARABIC_LETTER = re.compile(
    "[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]"
)
_PRESENTATION = re.compile("[\ufb00-\ufdff\ufe70-\ufefc]")
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_EN = frozenset("0123456789")
_AN = frozenset("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬")
_CS = frozenset(",.:/\u00a0\u060c")  # a single one joins two numbers: 3.5, 12/4, ١٢،٥
_ES = frozenset("+-\u2212")  # joins two European numbers only: 2014-2023 after Latin
# "- 5 -" or "5" alone: a page number
_PAGE_NUMBER = re.compile(r"^[\s\-–—]*[0-9٠-٩]{1,4}[\s\-–—]*$")


def _kind(ch: str) -> str:
    """A reduced bidi class: L, AL, EN, AN, CS, ES or N (neutral)."""
    if ch in _EN:
        return "EN"
    if ch in _AN:
        return "AN"
    if ch in _CS:
        return "CS"
    if ch in _ES:
        return "ES"
    if _ARABIC_LETTER.match(ch):
        return "AL"
    cat = unicodedata.category(ch[:1]) if ch else "Zs"
    if cat.startswith(("L", "M")):
        bidi = unicodedata.bidirectional(ch[:1])
        return "AL" if bidi in ("AL", "R", "NSM") and cat.startswith("L") else "L"
    return "N"


def _ltr_runs(chars: Sequence[str], kinds: Sequence[str]) -> list[bool]:
    """For each character of a right-to-left line (visual order), whether it belongs to
    a left-to-right run (Latin letters, numbers and what joins them)."""
    n = len(chars)
    ltr = [k in ("L", "EN", "AN") for k in kinds]
    # numbers after Arabic letters are Arabic numbers (W2): the nearest strong letter
    # before them in reading order stands to their right on a right-to-left line
    context = ["R"] * n
    last = "R"
    for i in range(n - 1, -1, -1):
        if kinds[i] == "AL":
            last = "AL"
        elif kinds[i] == "L":
            last = "L"
        context[i] = last
    i = 0
    while i < n:
        if not ltr[i]:
            j = i
            while j < n and not ltr[j]:
                j += 1
            if i > 0 and j < n:
                gap = kinds[i:j]
                left, right = kinds[i - 1], kinds[j]
                joins = (left == "L" and right == "L" and "AL" not in gap) or (
                    len(gap) == 1
                    and left in ("EN", "AN")
                    and right in ("EN", "AN")
                    and (
                        gap[0] == "CS"
                        or (gap[0] == "ES" and left == right == "EN" and context[j] != "AL")
                    )
                )
                if joins:
                    for k in range(i, j):
                        ltr[k] = True
            i = j
        else:
            i += 1
    return ltr


def visual_to_logical(chars: Sequence[str], *, rtl: bool | None = None) -> str:
    """One printed line, given as its glyph texts from left to right, in reading order.

    ``rtl``: the line's direction when known (from its alignment); by default the line
    is right-to-left when it has at least as many Arabic letters as Latin ones.
    """
    if not chars:
        return ""
    kinds = [_kind(c) for c in chars]
    arabic = kinds.count("AL")
    latin = kinds.count("L")
    if rtl is None:
        rtl = arabic >= latin and arabic > 0
    if arabic == 0 and not rtl:
        return "".join(chars)
    if not rtl:
        # a left-to-right line with Arabic inside: each Arabic stretch is a right-to-left
        # island (from its first to its last Arabic letter)
        out: list[str] = []
        i, n = 0, len(chars)
        while i < n:
            if kinds[i] != "AL":
                out.append(chars[i])
                i += 1
                continue
            j = i
            end = i
            while j < n and kinds[j] != "L":
                if kinds[j] == "AL":
                    end = j
                j += 1
            out.append(visual_to_logical(chars[i : end + 1]))
            i = end + 1
        return "".join(out)
    ltr = _ltr_runs(chars, kinds)
    pieces: list[str] = []
    i, n = 0, len(chars)
    while i < n:
        j = i
        while j < n and ltr[j] == ltr[i]:
            j += 1
        run = chars[i:j]
        pieces.append(
            "".join(run) if ltr[i] else "".join(c.translate(_MIRROR) for c in reversed(run))
        )
        i = j
    return "".join(reversed(pieces))


# "2u.pw/E8E1XNUA//:https": a URL whose host starts with a digit, printed on a
# right-to-left line, shows its scheme after the rest (the "://" between a Latin letter
# and a number resolves to right-to-left); put the scheme back in front
_SPLIT_URL = re.compile(r"(?<![\w/])([0-9][^\s<>()]*?)//:(https?|ftp)\b")


def _fix_urls(text: str) -> str:
    return _SPLIT_URL.sub(lambda m: f"{m[2]}://{m[1]}", text)


def _base_letters(text: str) -> str:
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)


@dataclass(frozen=True)
class PdfText:
    """The text of a ``.pdf``: ``lines`` and, for each line, its 1-based page number
    (``None`` for the blank lines citenorm adds between blocks)."""

    lines: list[str]
    pages: list[int | None]


@dataclass
class _Line:
    top: float
    bottom: float
    size: float
    chars: list[dict[str, Any]]
    text: str = ""


def _lines_of(chars: list[dict[str, Any]], width: float) -> list[_Line]:
    """Characters -> printed lines (top to bottom), each in visual order."""
    upright = [c for c in chars if c.get("upright", True) and str(c.get("text", ""))]
    upright.sort(key=lambda c: (round(float(c["bottom"]), 1), float(c["x0"])))
    lines: list[_Line] = []
    for c in sorted(upright, key=lambda c: float(c["bottom"])):
        size = float(c.get("size") or (float(c["bottom"]) - float(c["top"])) or 10.0)
        bottom = float(c["bottom"])
        if lines and abs(lines[-1].bottom - bottom) <= max(lines[-1].size, size) * 0.35:
            lines[-1].chars.append(c)
            continue
        lines.append(_Line(top=float(c["top"]), bottom=bottom, size=size, chars=[c]))
    left = min((float(c["x0"]) for c in upright), default=0.0)
    right = max((float(c["x1"]) for c in upright), default=width)
    kinds = Counter(_kind(str(c["text"])) for c in upright)
    page_rtl = kinds["AL"] >= kinds["L"] and kinds["AL"] > 0
    for line in lines:
        line.chars.sort(key=lambda c: float(c["x0"]))
        sizes = Counter(round(float(c.get("size") or line.size), 1) for c in line.chars)
        line.size = sizes.most_common(1)[0][0]
        line.top = min(float(c["top"]) for c in line.chars)
        glyphs: list[str] = []
        prev: dict[str, Any] | None = None
        for c in line.chars:
            text = str(c["text"])
            if prev is not None and text != " " and glyphs and glyphs[-1] != " ":
                gap = float(c["x0"]) - float(prev["x1"])
                if gap > 0.2 * line.size:
                    glyphs.append(" ")
            glyphs.append(text)
            prev = c
        # a line flush right but not flush left is right-to-left, whatever its letters
        x0, x1 = float(line.chars[0]["x0"]), float(line.chars[-1]["x1"])
        tolerance = 2 * line.size
        rtl: bool | None = None
        if right - x1 < tolerance and x0 - left > tolerance:
            rtl = True
        elif not any(_kind(g) in ("L", "AL") for g in glyphs):
            rtl = page_rtl  # "٢٦٩-٢٦٨" alone on a line of an Arabic page
        logical = _fix_urls(_base_letters(visual_to_logical(glyphs, rtl=rtl)))
        line.text = " ".join(logical.split())
    return [ln for ln in lines if ln.text]


def _page_lines(page_number: int, height: float, lines: list[_Line], body_size: float) -> list[str]:
    lines = [
        ln
        for ln in lines
        if not (
            _PAGE_NUMBER.match(ln.text) and (ln.top < height * 0.08 or ln.bottom > height * 0.92)
        )
    ]
    # the footnote block: the run of smaller lines at the bottom of the page
    split = len(lines)
    while split > 0 and lines[split - 1].size < body_size * 0.92:
        split -= 1
    if split == 0:  # a page printed small throughout is body text
        split = len(lines)
    body, notes = lines[:split], lines[split:]
    out: list[str] = []
    for block in (body, notes):
        if not block:
            continue
        if out:
            out.append("")
        prev: _Line | None = None
        for ln in block:
            if prev is not None and ln.top - prev.bottom > 1.0 * max(prev.size, ln.size):
                out.append("")  # a paragraph gap
            out.append(ln.text)
            prev = ln
    return out


def read_pdf(data: bytes, *, path: str | None = None) -> PdfText:
    """The lines of a PDF, page by page, body then footnotes, in logical order.

    Raises :class:`~citenorm.errors.InputError` for an encrypted or unreadable PDF, and
    when the ``pdf`` extra is not installed.
    """
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:
        raise InputError(
            'reading .pdf needs the pdf extra: pip install "citenorm[pdf]"', path=path
        ) from None
    pages: list[tuple[int, float, list[_Line]]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(
                    (number, float(page.height), _lines_of(list(page.chars), float(page.width)))
                )
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("encrypted PDF (remove the password first)", path=path) from None
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        causes = (exc, *exc.args, exc.__context__)
        if any(isinstance(c, PDFPasswordIncorrect | PDFEncryptionError) for c in causes):
            raise InputError("encrypted PDF (remove the password first)", path=path) from None
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        message = " ".join(str(inner).split())[:200] or type(inner).__name__
        raise InputError(f"unreadable PDF: {message}", path=path) from None
    sizes: Counter[float] = Counter()
    for _n, _h, lines in pages:
        for ln in lines:
            sizes[ln.size] += len(ln.text)
    if not sizes:
        raise InputError("the PDF has no text layer (scanned? run OCR first)", path=path)
    body_size = sizes.most_common(1)[0][0]
    out: list[str] = []
    where: list[int | None] = []
    for number, height, lines in pages:
        text = _page_lines(number, height, lines, body_size)
        if not text:
            continue
        if out:
            out.append("")
            where.append(None)
        out.extend(text)
        where.extend(number if t else None for t in text)
    return PdfText(lines=out, pages=where)
