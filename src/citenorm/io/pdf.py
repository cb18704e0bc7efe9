"""``.pdf`` -> plain text lines in logical order, page by page, footnotes after the body.

Needs the ``pdf`` extra (``pip install "citenorm[pdf]"``: pdfplumber). What it does:

* groups the characters of each page into printed lines by their vertical extent (a
  digit or a Latin word set in another font on an Arabic line sits a little higher or
  lower, but overlaps the line), in visual order (left to right), inserting a space where
  the PDF has a gap but no space glyph;
* puts raised small characters (superscripts) into the line they belong to: a footnote
  marker becomes a superscript digit glued to its word (``politiques.¹``), the letters of
  ``XVIIIᵉ`` are glued as printed (``XVIIIème``);
* turns each line into logical order with a reduced Unicode bidi algorithm run
  backwards (:func:`visual_to_logical`): a line whose letters are mostly Arabic is
  right-to-left; runs of Latin letters and numbers keep their order inside it; numbers
  after Arabic letters are Arabic numbers (so ``٢٠٢٣-٢٠١٤`` printed right to left reads
  ``٢٠١٤-٢٠٢٣`` again); brackets are mirrored back; presentation forms (U+FB50–U+FEFF)
  become base letters; on a left-to-right line, brackets that the PDF maps mirrored
  (``)Paris: Flammarion, 2016(``) are put right;
* recognises the footnote block of a page: the lines at the bottom of the page printed
  smaller than the body text (when the PDF gives font sizes), and puts it after the
  page's body, after a blank line, as a plain-text article has it;
* drops the page furniture: page numbers and running heads (a line at the top or the
  bottom of the page that is a number, or whose text comes back on other pages, digits
  aside); pages are separated by a form-feed line, as ``pdftotext`` separates them.
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from citenorm.errors import InputError
from citenorm.io._bidi import ARABIC_LETTER as _ARABIC_LETTER
from citenorm.io._bidi import base_letters as _base_letters
from citenorm.io._bidi import kind as _kind
from citenorm.io._bidi import visual_to_logical
from citenorm.progress import Progress, Ticker
from citenorm.text import _rx

__all__ = ["NOTES_RULE", "PdfText", "read_pdf", "visual_to_logical"]

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# "- 5 -" or "5" alone: a page number
_PAGE_NUMBER = _rx.compile(r"^[\s\-–—]*[0-9٠-٩]{1,4}[\s\-–—]*$")


_SPLIT_URL = _rx.compile(r"(?<![\w/])([0-9][^\s<>()]*?)//:(https?|ftp)\b")


def _fix_urls(text: str) -> str:
    return _SPLIT_URL.sub(lambda m: f"{m[2]}://{m[1]}", text)


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
    x0: float = 0.0
    x1: float = 0.0
    side: str = "across"  # the column of a two-column page: "left", "right"
    rtl: bool = False  # the direction it was read in


# a superscript is printed at most this share of its line's font size (markers are
# 45-65%; digits of a Latin font inside an Arabic line are about 80%)
_SUP_RATIO = 0.72


def _box(c: dict[str, Any]) -> tuple[float, float, float]:
    top, bottom = float(c["top"]), float(c["bottom"])
    size = float(c.get("size") or (bottom - top) or 10.0)
    return top, bottom, size


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _cluster(chars: list[dict[str, Any]]) -> list[_Line]:
    """Characters -> lines: a character joins the line its box overlaps by half (of the
    smaller height); a line's box is that of its largest characters."""
    lines: list[_Line] = []
    for c in sorted(chars, key=lambda c: (float(c["top"]) + float(c["bottom"])) / 2):
        top, bottom, size = _box(c)
        height = max(bottom - top, 0.1)
        for line in reversed(lines[-6:]):
            lh = max(line.bottom - line.top, 0.1)
            if _overlap(top, bottom, line.top, line.bottom) >= 0.5 * min(height, lh):
                line.chars.append(c)
                if size > line.size * 1.05:  # the line's box follows its body font
                    line.top, line.bottom, line.size = top, bottom, size
                break
        else:
            lines.append(_Line(top=top, bottom=bottom, size=size, chars=[c]))
    lines.sort(key=lambda ln: ln.top)
    return lines


def _attach_marks(lines: list[_Line]) -> list[_Line]:
    """A line of vowel marks alone (a shadda or a kasra that the font set off its letter,
    out of the line's box) goes into the line it lies closest to: the marks belong to
    the letters under or over them, which :func:`_with_marks` finds."""
    out = [ln for ln in lines if not all(_is_mark(str(c["text"])) for c in ln.chars)]
    if len(out) == len(lines) or not out:
        return lines
    for line in lines:
        if not all(_is_mark(str(c["text"])) for c in line.chars):
            continue
        middle = (line.top + line.bottom) / 2
        host = min(out, key=lambda o: abs((o.top + o.bottom) / 2 - middle))
        host.chars.extend(line.chars)
    return out


def _attach_superscripts(lines: list[_Line]) -> list[_Line]:
    """Lines of small raised characters (footnote markers, ``ème``) go into the line below
    whose box holds their baseline; their characters are marked as superscripts."""
    out: list[_Line] = []
    for i, line in enumerate(lines):
        small = max(_box(c)[2] for c in line.chars)
        host = None
        for other in lines[max(0, i - 2) : i + 3]:
            if other is line or other.size * _SUP_RATIO < small:
                continue
            if other.top - 0.1 * other.size <= line.bottom <= other.bottom:
                host = other
                break
        if host is None:
            out.append(line)
            continue
        for c in line.chars:
            c["_sup"] = float(c["bottom"]) < host.bottom - 0.2 * host.size
        host.chars.extend(line.chars)
    return out


def _with_marks(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The line's characters with each combining mark (shadda, a haraka) joined to the
    glyph it sits on (the one whose box holds its centre), so that reordering keeps it
    after its letter and no space separates them."""
    bases = [c for c in chars if not _is_mark(str(c["text"]))]
    if len(bases) == len(chars) or not bases:
        return chars
    out = [dict(c) for c in bases]
    for c in chars:
        if not _is_mark(str(c["text"])):
            continue
        centre = (float(c["x0"]) + float(c["x1"])) / 2
        k = min(
            range(len(out)),
            key=lambda k: abs((float(out[k]["x0"]) + float(out[k]["x1"])) / 2 - centre),
        )
        out[k]["text"] = str(out[k]["text"]) + str(c["text"])
    return out


def _is_mark(text: str) -> bool:
    return bool(text) and all(unicodedata.combining(ch) for ch in text)


def _glyph(c: dict[str, Any]) -> str:
    text = str(c["text"])
    if c.get("_sup") and text.isdigit():
        return text.translate(_SUPERSCRIPT)
    return text


# a bracket the PDF maps mirrored on a left-to-right line: ")Paris: Press, 2016(." — an
# opening bracket stands after a space (or first) and before a letter or digit, a
# closing one after a letter, digit or punctuation and before a space, punctuation or
# the end
_OPENS_WRONG = _rx.compile(r"(?:(?<=\s)|^)\)(?=[^\W_])")
_CLOSES_WRONG = _rx.compile(r"(?<=[^\s(])\((?=[\s.,;:]|$)")


# the same for curly double quotes, which a right-to-left layout draws mirrored on its
# left-to-right lines: ``”La presse marocaine,“ 160``. A ”“ pair is wrong in every
# convention (English “…”, German „…“, Swedish ”…”, Polish „…”): an opening ” stands
# after a space, a bracket or the start and before a letter or digit; a closing “ after a
# letter, digit or punctuation and before a space, punctuation, a superscript note
# marker or the end. A line that uses „ keeps its “ (German closes with it).
_QUOTE_OPENS_WRONG = _rx.compile(r"(?:(?<=[\s(\[])|^)\u201d(?=[^\W_])")
_QUOTE_CLOSES_WRONG = _rx.compile(r"(?<=[^\s(\[\u201c\u201d])\u201c(?=[\s.,;:)\]⁰¹²³⁴-⁹]|$)")


# the same for guillemets on a right-to-left line: a font that mirrors them itself
# (Amiri's ``rtlm`` glyphs) maps each glyph to the character it stands for, which the
# reordering then mirrors once more: ``»دنيا تجنن«``. Arabic opens with « and closes
# with »: a » after a space, a bracket or the start and before a letter opens, a «
# after a letter or punctuation and before a space, punctuation or the end closes
_GUILLEMET_OPENS_WRONG = _rx.compile(r"(?:(?<=[\s(\[])|^)»(?=[^\W_])")
_GUILLEMET_CLOSES_WRONG = _rx.compile(r"(?<=[^\s(\[«»])«(?=[\s.,;:،؛)\]⁰¹²³⁴-⁹]|$)")


def _unmirror_guillemets(text: str) -> str:
    """Put right the guillemets of a right-to-left line that came out mirrored."""
    if "»" not in text or "«" not in text:
        return text
    return _GUILLEMET_CLOSES_WRONG.sub("»", _GUILLEMET_OPENS_WRONG.sub("«", text))


def _unmirror(text: str) -> str:
    """Put right the brackets and curly double quotes of a left-to-right line that the
    PDF maps mirrored."""
    if "\u201d" in text or "\u201c" in text:
        text = _QUOTE_OPENS_WRONG.sub("\u201c", text)
        if "\u201e" not in text:
            text = _QUOTE_CLOSES_WRONG.sub("\u201d", text)
    if "(" not in text and ")" not in text:
        return text
    text = _OPENS_WRONG.sub("(", text)
    return _CLOSES_WRONG.sub(")", text)


def _split_gaps(lines: list[_Line]) -> list[_Line]:
    """A line with a wide blank stretch inside is two pieces of text that only share a
    height (the last line of a paragraph and a heading beside it, two table cells); but
    a justified line stretched by a word too long for the next one (a URL in a narrow
    column: ``international      politics,      2024,``) is one line: its wide blanks
    are its word spaces, two or more of one width."""
    out: list[_Line] = []
    for line in lines:
        chars = sorted(line.chars, key=lambda c: float(c["x0"]))
        pieces = [[chars[0]]]
        gaps: list[float] = []
        for c in chars[1:]:
            gap = float(c["x0"]) - max(float(p["x1"]) for p in pieces[-1][-3:])
            if gap > 3 * line.size:
                pieces.append([])
                gaps.append(gap)
            pieces[-1].append(c)
        if _justified(gaps, line.size):
            out.append(line)
            continue
        out.extend(_piece(piece, line) for piece in pieces)
    out.sort(key=lambda ln: (ln.top + ln.bottom) / 2)
    return out


def _justified(gaps: list[float], size: float) -> bool:
    """Are the wide blanks of a line the equal word spaces of a justified line? Two or
    more, within a tenth of the font size of each other (the cells of a table, a heading
    beside a paragraph's last line, leave blanks of their own widths)."""
    return len(gaps) >= 2 and max(gaps) - min(gaps) <= 0.1 * size


def _piece(chars: list[dict[str, Any]], line: _Line) -> _Line:
    if len(chars) == len(line.chars):
        return line
    big = max(chars, key=lambda c: _box(c)[2])
    top, bottom, size = _box(big)
    return _Line(top=top, bottom=bottom, size=size, chars=chars)


def _gutter(lines: list[_Line], width: float) -> float | None:
    """The x of the blank strip between two columns of text, if the page has two: a
    strip in the middle third that (almost) no line crosses, with text on both sides."""
    if len(lines) < 8:
        return None
    bins = int(width) + 1
    cover = [0] * bins
    for line in lines:
        seen = set()
        for c in line.chars:
            for x in range(max(0, int(float(c["x0"]))), min(bins, int(float(c["x1"])) + 1)):
                seen.add(x)
        for x in seen:
            cover[x] += 1
    n = len(lines)
    lo, hi = int(width * 0.3), int(width * 0.7)
    best: tuple[int, int] | None = None
    start = None
    for x in range(lo, hi + 1):
        if cover[x] <= 0.1 * n:
            start = x if start is None else start
            continue
        if start is not None and x - start >= 6 and (best is None or x - start > best[1] - best[0]):
            best = (start, x)
        start = None
    if best is None:
        return None
    left = max(cover[: best[0]] or [0])
    right = max(cover[best[1] :] or [0])
    if left < 0.4 * n or right < 0.4 * n:
        return None
    return (best[0] + best[1]) / 2


def _in_columns(lines: list[_Line], rtl: bool) -> list[_Line]:
    """Lines of a two-column page in reading order: a line across both columns (a
    title, a full-width note) stands where it is; the lines between two such lines
    are read column by column (the right one first on a right-to-left page)."""
    out: list[_Line] = []
    run: list[_Line] = []

    def flush() -> None:
        first = [ln for ln in run if ln.side == "left"]
        second = [ln for ln in run if ln.side == "right"]
        if rtl:
            first, second = second, first
        out.extend(first + second)
        run.clear()

    for line in lines:
        if line.side == "across":
            flush()
            out.append(line)
        else:
            run.append(line)
    flush()
    return out


def _by_column(
    chars: list[dict[str, Any]], rows: list[_Line], gutter: float
) -> list[list[dict[str, Any]]]:
    """The characters of a two-column page in three groups, each clustered into lines
    apart: the left column's, the right column's, and those of the rows that cross the
    gutter (a title, a note across the page's foot). The columns' lines need not share
    their heights (a heading, a gap moves one column's lines against the other's), so
    lines found over the whole width mix the two. A row crosses the gutter where a
    character does or where the blank around it is no wider than a word space."""
    left: list[dict[str, Any]] = []
    right: list[dict[str, Any]] = []
    across: list[dict[str, Any]] = []
    for row in rows:
        first = [c for c in row.chars if float(c["x1"]) <= gutter]
        second = [c for c in row.chars if float(c["x0"]) >= gutter]
        if first and second and len(first) + len(second) == len(row.chars):
            blank = min(float(c["x0"]) for c in second) - max(float(c["x1"]) for c in first)
            if blank < _COLUMN_BLANK * row.size:
                across.extend(row.chars)
                continue
        elif len(first) + len(second) < len(row.chars):
            across.extend(row.chars)
            continue
        left.extend(first)
        right.extend(second)
    return [group for group in (across, left, right) if group]


# the blank between the two lines of a row of a two-column page, in the line's font
# size, at the least (a word space is about a third; a justified line's, under one)
_COLUMN_BLANK = 1.5


def _side(line: _Line, gutter: float | None) -> str:
    """The column of a line: ``left``, ``right``, or ``across`` (one column, a title
    over both)."""
    if gutter is None:
        return "across"
    if max(float(c["x1"]) for c in line.chars) <= gutter + 2:
        return "left"
    if min(float(c["x0"]) for c in line.chars) >= gutter - 2:
        return "right"
    return "across"


def _lines_of(chars: list[dict[str, Any]], width: float) -> list[_Line]:
    """Characters -> printed lines in reading order, each in logical order."""
    # (a glyph the font maps to no character, ``\x00``: a piece of a ligature, a
    # connecting stroke, holds no text)
    upright = [c for c in chars if c.get("upright", True) and str(c.get("text", "")).strip("\x00")]
    rows = _cluster(upright)
    # a page in two columns (its body's lines tell it: notes across the page's foot
    # cross the gutter): each column's lines found apart, each with its margins
    weights: Counter[float] = Counter()
    for row in rows:
        weights[round(row.size, 1)] += len(row.chars)
    main = weights.most_common(1)[0][0] if weights else 0.0
    gutter = _gutter([row for row in rows if row.size >= 0.92 * main], width)
    groups = [rows] if gutter is None else [_cluster(g) for g in _by_column(upright, rows, gutter)]
    lines = sorted(
        (ln for g in groups for ln in _split_gaps(_attach_superscripts(_attach_marks(g)))),
        key=lambda ln: (ln.top + ln.bottom) / 2,
    )
    left = min((float(c["x0"]) for c in upright), default=0.0)
    right = max((float(c["x1"]) for c in upright), default=width)
    for ln in lines:
        ln.side = _side(ln, gutter)
    margins = {"across": (left, right)}
    if gutter is not None:
        for side in ("left", "right"):
            column = [ln for ln in lines if ln.side == side]
            if column:
                margins[side] = (
                    min(float(c["x0"]) for ln in column for c in ln.chars),
                    max(float(c["x1"]) for ln in column for c in ln.chars),
                )
    kinds = Counter(_kind(str(c["text"])) for c in upright)
    page_rtl = kinds["AL"] >= kinds["L"] and kinds["AL"] > 0
    above: dict[str, _Line] = {}  # the line above in each column
    for line in lines:
        side = line.side
        left, right = margins.get(side, margins["across"])
        prev = above.get(side)
        line.chars.sort(key=lambda c: float(c["x0"]))
        for c in line.chars:
            # a raised small character: a superscript (a footnote marker, "ème")
            _top, bottom, size = _box(c)
            # (a digit of a Latin font on an Arabic line is smaller, about four fifths,
            # and sits higher: Arabic fonts have deep descenders)
            if size >= _SUP_RATIO * line.size:
                continue
            if bottom < line.bottom - 0.2 * line.size or _raised(c, line):
                c["_sup"] = True
        sizes = Counter(
            round(float(c.get("size") or line.size), 1) for c in line.chars if not c.get("_sup")
        )
        if sizes:
            line.size = sizes.most_common(1)[0][0]
        line.top = min(float(c["top"]) for c in line.chars)
        glyphs: list[str] = []
        before: dict[str, Any] | None = None
        for c in _with_marks(line.chars):
            text = _glyph(c)
            if before is not None and text != " " and glyphs and glyphs[-1] != " ":
                gap = float(c["x0"]) - float(before["x1"])
                if gap > 0.2 * line.size and not (c.get("_sup") and gap < 0.6 * line.size):
                    glyphs.append(" ")
            glyphs.append(text)
            before = c
        line.x0, line.x1 = float(line.chars[0]["x0"]), float(line.chars[-1]["x1"])
        letters = Counter(_kind(g[:1]) for g in glyphs if g.strip())
        ar, la = letters["AL"], letters["L"]
        rtl: bool | None = None
        if ar >= 2 * la and ar:
            rtl = True
        elif la >= 2 * ar and la:
            rtl = False
        else:
            # a mixed line (or one without letters: "٢٦٩-٢٦٨") reads in its paragraph's
            # direction: right to left when flush right but not flush left; a line
            # without letters that goes on from the line above (``1977.``, the year a
            # Latin entry's wrap left alone) in that line's; else the page's direction
            tolerance = 2 * line.size
            flush_right = right - line.x1 < tolerance and line.x0 - left > tolerance
            rtl = True if flush_right else page_rtl
            goes_on = prev is not None and 0 <= line.top - prev.bottom < prev.size
            if not flush_right and not ar and not la and prev is not None and goes_on:
                rtl = prev.rtl
        after_arabic = prev is not None and _goes_on(prev, line, left, right)
        logical = _fix_urls(
            _unstretched(
                _base_letters(visual_to_logical(glyphs, rtl=rtl, after_arabic=after_arabic))
            )
        )
        if rtl is False or (rtl is None and la > ar):
            logical = _unmirror(logical)
        elif rtl:
            logical = _unmirror_guillemets(logical)
        line.text = " ".join(logical.split())
        line.rtl = rtl if rtl is not None else ar > la
        if line.text:
            if side == "across":
                above.clear()
            above[side] = line
    return [ln for ln in lines if ln.text]


# a tatweel between two letters of a word (``الـكتاب``, ``المـــراجـــع``): the stretch of a
# justified line or of a font's ligature (Amiri's lam-kaf), no letter; one after a word's
# last letter (``هـ``, the Hijri era; ``بـ``) is kept
_KASHIDA = _rx.compile("([\u0621-\u064a][\u064b-\u065f\u0670]*)\u0640+(?=[\u0621-\u064a])")


def _unstretched(text: str) -> str:
    """The line without the tatweels that stretch its words."""
    return _KASHIDA.sub(r"\1", text) if "\u0640" in text else text


def _raised(c: dict[str, Any], line: _Line) -> bool:
    """Is the small character ``c`` raised above the full-size character beside it?
    (The line's box is that of one of its characters: in a line of two fonts, a Latin
    digit's box stands higher than an Arabic letter's, so a marker printed beside an
    Arabic word, at a note's head, may not clear it.)"""
    centre = (float(c["x0"]) + float(c["x1"])) / 2
    full = [
        o for o in line.chars if _box(o)[2] >= _SUP_RATIO * line.size and str(o["text"]).strip()
    ]
    if not full:
        return False
    near = min(full, key=lambda o: abs((float(o["x0"]) + float(o["x1"])) / 2 - centre))
    return float(c["bottom"]) < float(near["bottom"]) - 0.2 * line.size


def _goes_on(above: _Line, line: _Line, left: float, right: float) -> bool:
    """Does ``line`` go on with the paragraph of the line ``above``, whose last letter
    (in reading order) is Arabic? The line above runs from margin to margin (a justified
    line that is not its paragraph's last) and the gap between them is a line's."""
    tolerance = 2 * above.size
    last = next((_kind(ch) for ch in reversed(above.text) if _kind(ch) in ("AL", "L")), None)
    return (
        last == "AL"
        and above.x0 - left < tolerance
        and right - above.x1 < tolerance
        and 0 <= line.top - above.bottom < above.size
    )


#: the line put before a page's footnote block (as a printed rule separates it)
NOTES_RULE = "_" * 10
_HEAD_DIGITS = _rx.compile(r"[0-9٠-٩]+")


# "42    Karima Bennani", "Le Parti du Califat    43": a running head with its page number
_NUMBERED_HEAD = _rx.compile(r"^(?P<a>[0-9]{1,4})\s+\S.{0,100}$|^.{0,100}\S\s+(?P<b>[0-9]{1,4})$")


def _numbered_heads(pages: list[tuple[int, float, float, list[_Line]]]) -> set[str]:
    """Running heads that carry the page number: short lines at the top (or the bottom)
    of consecutive pages, whose numbers go up by one from page to page."""
    found: list[tuple[int, int, str]] = []  # (page, printed number, text)
    for number, height, _w, lines in pages:
        for ln in lines:
            if ln.top < height * 0.1 or ln.bottom > height * 0.9:
                m = _NUMBERED_HEAD.match(ln.text)
                if m is not None:
                    found.append((number, int(m.group("a") or m.group("b")), ln.text))
    heads: set[str] = set()
    for (p1, n1, t1), (p2, n2, t2) in pairwise(found):
        if p2 == p1 + 1 and n2 == n1 + 1:
            heads.update((t1, t2))
    return heads


def _places(tops: Counter[int]) -> tuple[int, ...]:
    """The heights a running head stands at: those it comes back at, or its most common."""
    again = tuple(top for top, n in tops.items() if n >= 2)
    return again or (max(tops.items(), key=lambda item: (item[1], -item[0]))[0],)


def _furniture_keys(
    pages: list[tuple[int, float, float, list[_Line]]],
) -> dict[str, tuple[float, tuple[int, ...]]]:
    """Running heads: the texts (digits aside) that come back at the top or the bottom of
    two or more pages, and the heads numbered like consecutive pages; each with the size
    it is printed in (the most common, the smaller on a tie) and the height it stands at
    (the most common): a heading of the same text printed in another size, or lower on
    the page (a chapter's title on its first page, that the running heads of its other
    pages repeat, under the first page's own head), is no running head."""
    seen: Counter[str] = Counter()
    sizes: dict[str, Counter[float]] = {}
    tops: dict[str, Counter[int]] = {}
    for _n, height, _w, lines in pages:
        keys = set()
        for ln in lines:
            if ln.top < height * 0.1 or ln.bottom > height * 0.9:
                key = _furniture_key(ln.text)
                if any(ch.isalpha() for ch in key):  # (a year at a column's foot: none)
                    keys.add(key)
                    sizes.setdefault(key, Counter())[ln.size] += 1
                    tops.setdefault(key, Counter())[round(ln.top)] += 1
        seen.update(keys)
    # (two pages may share a line of text by chance: the repeated text needs three)
    repeated = {k for k, n in seen.items() if n >= 2} if len(pages) > 2 else set()
    keys = repeated | {_furniture_key(t) for t in _numbered_heads(pages)}
    return {
        k: (
            min(sizes[k].items(), key=lambda item: (-item[1], item[0]))[0],
            _places(tops[k]),
        )
        for k in keys
        if k in sizes
    }


def _is_head(line: _Line, heads: dict[str, tuple[float, tuple[int, ...]]]) -> bool:
    """Is the line one of the running heads, printed in its size where it stands?"""
    head = heads.get(_furniture_key(line.text))
    if head is None:
        return False
    size, tops = head
    return abs(line.size - size) <= 0.08 * size and any(abs(line.top - t) <= size for t in tops)


def _stray_at_foot(lines: list[_Line], k: int, height: float) -> bool:
    """Is line ``k`` glyphs alone, no word (``أ أ``, ``ً``), that a font (Amiri) leaves
    below a page's last line, apart from the letters they came from? At the page's foot,
    more than a line's gap under the line above; each piece of it one letter (its marks
    aside) or marks alone, no digit nor punctuation (``، ص ٨``, a note's wrapped end, is
    text)."""
    line = lines[k]
    j = k - 1  # the line above (the pieces of the same row aside)
    while j >= 0 and abs(lines[j].top - line.top) < 0.5 * line.size:
        j -= 1
    if line.bottom <= height * 0.9 or j < 0 or line.top - lines[j].bottom <= line.size:
        return False
    return all(
        all(ch.isalpha() or unicodedata.combining(ch) for ch in word)
        and sum(1 for ch in word if not unicodedata.combining(ch)) <= 1
        for word in line.text.split()
    )


def _furniture_key(text: str) -> str:
    return " ".join(_HEAD_DIGITS.sub(" ", text).split()).lower()


def _page_lines(
    height: float,
    width: float,
    lines: list[_Line],
    body_size: float,
    heads: dict[str, tuple[float, tuple[int, ...]]],
    *,
    rtl: bool,
) -> list[str]:
    lines = [
        ln
        for ln in lines
        if not (
            (ln.top < height * 0.1 or ln.bottom > height * 0.9)
            and (_PAGE_NUMBER.match(ln.text) or _is_head(ln, heads))
        )
    ]
    lines = [ln for k, ln in enumerate(lines) if not _stray_at_foot(lines, k, height)]
    # the footnote block: the run of smaller lines at the bottom of the page
    split = len(lines)
    while split > 0 and lines[split - 1].size < body_size * 0.92:
        split -= 1
    if split == 0:  # a page printed small throughout is body text
        split = len(lines)
    body, notes = lines[:split], lines[split:]
    # a page in two columns: its body is read column by column (the notes below too),
    # in the document's direction (``rtl``: an English abstract's page of an Arabic
    # journal is set in the journal's order)
    for block in (body, notes):
        if all(ln.side == "across" for ln in block):
            # (the columns the page's lines did not tell: a page of notes, a block
            # whose lines cross the gutter)
            gutter = _gutter(block, width)
            if gutter is None:
                continue
            for ln in block:
                ln.side = _side(ln, gutter)
        block[:] = _in_columns(block, rtl)
    out: list[str] = []
    for block in (body, notes):
        if not block:
            continue
        if out:
            out.append("")
        if block is notes:
            out.append(NOTES_RULE)  # the footnote block, told by its smaller print
        prev: _Line | None = None
        for ln in block:
            if prev is not None and ln.top - prev.bottom > 1.0 * max(prev.size, ln.size):
                out.append("")  # a paragraph gap
            out.append(ln.text)
            prev = ln
    return out


def read_pdf(data: bytes, *, path: str | None = None, progress: Progress | None = None) -> PdfText:
    """The lines of a PDF, page by page, body then footnotes, in logical order.

    Raises :class:`~citenorm.errors.InputError` for an encrypted or unreadable PDF, and
    when the ``pdf`` extra is not installed. ``progress``: the ``read`` stage, one tick
    per page (:mod:`citenorm.progress`); what the callback raises propagates.
    """
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:
        raise InputError(
            'reading .pdf needs the pdf extra: pip install "citenorm[pdf]"', path=path
        ) from None
    pages: list[tuple[int, float, float, list[_Line]]] = []
    told: list[BaseException] = []  # what the progress callback raised: the caller's own

    def tell(tick: Ticker) -> None:
        try:
            tick()
        except BaseException as exc:
            told.append(exc)
            raise

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            tick = Ticker(progress, "read", len(pdf.pages))
            for number, page in enumerate(pdf.pages, start=1):
                width = float(page.width)
                page_lines = _lines_of(list(page.chars), width)
                pages.append((number, float(page.height), width, page_lines))
                tell(tick)
            tick.finish()
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("encrypted PDF (remove the password first)", path=path) from None
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        if told:
            raise
        causes = (exc, *exc.args, exc.__context__)
        if any(isinstance(c, PDFPasswordIncorrect | PDFEncryptionError) for c in causes):
            raise InputError("encrypted PDF (remove the password first)", path=path) from None
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        message = " ".join(str(inner).split())[:200] or type(inner).__name__
        raise InputError(f"unreadable PDF: {message}", path=path) from None
    sizes: Counter[float] = Counter()
    upper: Counter[float] = Counter()
    for _n, height, _w, lines in pages:
        for ln in lines:
            sizes[ln.size] += len(ln.text)
            if ln.bottom < height * 0.7:  # the body's size: notes print at the bottom
                upper[ln.size] += len(ln.text)
    if not sizes:
        raise InputError("the PDF has no text layer (scanned? run OCR first)", path=path)
    body_size = (upper or sizes).most_common(1)[0][0]
    heads = _furniture_keys(pages)
    every = [ln for _n, _h, _w, lines in pages for ln in lines]
    rtl = sum(1 for ln in every if _ARABIC_LETTER.search(ln.text)) > len(every) / 2
    out: list[str] = []
    where: list[int | None] = []
    for number, height, width, lines in pages:
        text = _page_lines(height, width, lines, body_size, heads, rtl=rtl)
        if not text:
            continue
        if out:
            out.append("\f")  # a page break, as pdftotext marks it
            where.append(None)
        out.extend(text)
        where.extend(number if t and t != NOTES_RULE else None for t in text)
    return PdfText(lines=out, pages=where)
