"""Footnote markers in the body: the one place that decides what a marker is.

Extraction pairs each footnote with its marker (``Footnote.body_line``) and records
every marker it saw in ``Document.markers``; the audit (CN101, CN102) reads those
records, so the two can never disagree about where the markers are.

Kinds, as printed:

* ``paren``: ``(3)``, ``^(3)``, ``( 12 )``, ``(٣)``, ``（3）``, ``⁽³⁾``;
* ``bracket``: ``[3]`` (not a definition ``[3]:``);
* ``superscript``: ``³``, ``¹²`` standing after a word or a punctuation mark;
* ``markdown``: ``[^3]``, ``[^note]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from citenorm.extraction.segment import Line
from citenorm.models import Marker, MarkerKind, Markers
from citenorm.text import _rx
from citenorm.text import patterns as P
from citenorm.text.normalize import DELETED_MARKS, digits_view
from citenorm.text.patterns import lazy

__all__ = ["body_markers", "glued_markers", "line_markers", "split_marker"]


def body_markers(lines: Iterable[Line]) -> Markers:
    """The footnote markers of body lines, in text order (:func:`line_markers` of each,
    and a paren or bracket marker that a line break split: :func:`split_marker`)."""
    return Markers(_body_markers(lines))


def _body_markers(lines: Iterable[Line]) -> Iterator[Marker]:
    previous: Line | None = None
    for line in lines:
        if previous is not None and previous.number + 1 == line.number:
            split = split_marker(previous, line)
            if split is not None:
                yield split  # (the last of the line above: it ends that line)
        yield from line_markers(line)
        previous = line


# a marker broken by a line break ("... كما بينه ( 1" / ") الباحثون"): the bracket and
# perhaps some digits end one line, the digits (if any left) and the closing bracket
# open the next
_SPLIT_OPEN = lazy(r"(?P<open>[(（\[])\s*(?P<a>[0-9]{0,5})\s*$")
_SPLIT_CLOSE = lazy(r"^\s*(?P<b>[0-9]{0,5})\s*(?P<close>[)）\]])(?!:)")
_PAIRS = {"(": ")", "（": "）", "[": "]"}


def split_marker(line: Line, below: Line) -> Marker | None:
    """A paren or bracket marker that the break between ``line`` and the line ``below``
    split (``( 1`` / ``)``, ``(`` / ``12)``), recorded on ``line``: from its bracket to
    the end of the line."""
    raw = line.raw.rstrip()
    tail = raw[-14:]
    if not any(ch in tail for ch in "(（["):
        return None
    m = _SPLIT_OPEN.search(digits_view(tail))
    if m is None:
        return None
    n = _SPLIT_CLOSE.match(digits_view(below.raw[:14]))
    if n is None or _PAIRS[m["open"]] != n["close"]:
        return None
    digits = m["a"] + n["b"]
    if not digits or (m["a"] and n["b"]) or len(digits) > 5:
        return None  # "(1\n2)": two numbers, not one broken by the line's end
    start = len(raw) - len(tail) + m.start()
    if start and raw[start - 1] == "^":
        start -= 1
    kind: MarkerKind = "bracket" if m["open"] == "[" else "paren"
    return Marker(str(int(digits)), kind, line.number, start + 1, len(raw) - start)


def line_markers(line: Line) -> Iterator[Marker]:
    """The footnote markers on one body line, left to right (generated one at a time:
    a line may hold thousands).

    Columns and lengths count code points of the printed line; a ``^`` before a paren
    marker is part of it. Numbers are given in ASCII digits (``label``).
    """
    raw = line.raw
    number = line.number
    brackets = "(" in raw or "[" in raw or "（" in raw or "⁽" in raw
    # (cleaning turns superscript digits into digits: a line it left as it was, the same
    # object, holds none)
    superscripts = line.text is not raw and P.SUPERSCRIPT_MARKER.search(raw) is not None
    markdown = brackets and "[^" in raw
    if not brackets and not superscripts:
        return iter(())
    found = _bracketed(raw, number, markdown=markdown) if brackets else iter(())
    if not superscripts and not markdown:
        return found  # in text order already
    bracketed = list(found)
    covered = {i for mk in bracketed for i in range(mk.column - 1, mk.column - 1 + mk.length)}
    extra = [
        Marker(str(int(digits_view(m["sup"]))), "superscript", number, m.start() + 1, len(m[0]))
        for m in P.SUPERSCRIPT_MARKER.finditer(raw)
        if m.start() not in covered  # (the digits of a "⁽³⁾" marker)
    ]
    return iter(sorted([*bracketed, *extra], key=lambda mk: mk.column))


def _compact(raw: str) -> tuple[str, list[int] | None]:
    """The digits view of the printed line with the marks :func:`clean` deletes taken out
    (``(1\u200f1)`` is marker 11, as on the cleaned line), and the printed offset of each
    of its characters (``None``: nothing taken out, offsets are the printed line's)."""
    view = digits_view(raw)
    if not _DELETED.search(raw):
        return view, None
    # the runs between deleted marks, kept whole (the view is as long as the line)
    keep: list[int] = []
    parts: list[str] = []
    pos = 0
    for m in _DELETED_RUNS.finditer(raw):
        keep.extend(range(pos, m.start()))
        parts.append(view[pos : m.start()])
        pos = m.end()
    keep.extend(range(pos, len(raw)))
    parts.append(view[pos:])
    return "".join(parts), keep


_DELETED_CLASS = "[" + "".join(re.escape(chr(cp)) for cp in sorted(DELETED_MARKS)) + "]"
_DELETED = _rx.compile(_DELETED_CLASS)
_DELETED_RUNS = _rx.compile(_DELETED_CLASS + "+")


def _bracketed(raw: str, number: int, *, markdown: bool) -> Iterator[Marker]:
    view, where = _compact(raw)
    for m in P.BODY_MARKER.finditer(view):
        start, end = m.span()
        if where is not None:  # back to the printed line's columns
            start, end = where[start], where[end - 1] + 1
        if start and raw[start - 1] == "^":
            start -= 1
        digits = m.group("num")
        if digits:
            yield Marker(str(int(digits)), "paren", number, start + 1, end - start)
        else:
            yield Marker(str(int(m.group("bnum"))), "bracket", number, start + 1, end - start)
    if markdown:
        for m in P.MD_MARKER.finditer(view):
            start, end = m.span()
            if where is not None:
                start, end = where[start], where[end - 1] + 1
            yield Marker(m.group("num"), "markdown", number, start + 1, end - start)


# --- the markers of notes printed at the foot of PDF pages ---------------------------------
# body markers of such notes: digits glued to the word or punctuation before them
# ("politiques.1 Mais", "national4", "”32"), or, in visual-order Arabic, to the letter
# after them ("8تتخذ", "1.إال")
_GLUED_AFTER = lazy(r"[^\s\d](?P<n>[0-9]{1,3})(?![0-9])")
_GLUED_BEFORE = lazy(r"(?:^|\s)(?P<n>[0-9]{1,3})(?:\.?(?=[\u0621-\u064a])|(?=[)\]؟?!،,:;”\"]))")


_SUPERSCRIPT_RUN = lazy("[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}")


def glued_markers(ln: Line) -> list[int]:
    """The note numbers a line of text from a PDF may carry: digits glued to a word, to
    punctuation or to a year ("politiques.1", "national4", "19123"), superscript digits."""
    found = _glued_markers(ln.text)
    if ln.raw is not ln.text:
        found += [int(digits_view(m.group())) for m in _SUPERSCRIPT_RUN.finditer(ln.raw)]
    return found


# a marker glued to a year: "en 19123" (1912, note 3), "سنة 19444" (1944, note 4)
_GLUED_TO_YEAR = lazy(r"[12](?<![0-9][12])[0-9]{3}(?P<n>[0-9]{1,3})(?![0-9])")


def _glued_markers(text: str) -> list[int]:
    found = [int(m.group("n")) for m in _GLUED_AFTER.finditer(text)]
    found += [int(m.group("n")) for m in _GLUED_TO_YEAR.finditer(text)]
    found += [int(m.group("n")) for m in _GLUED_BEFORE.finditer(text)]
    return found
