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

from citenorm.extraction.segment import Line
from citenorm.models import Marker
from citenorm.text import patterns as P
from citenorm.text.normalize import digits_view

__all__ = ["line_markers"]


def line_markers(line: Line) -> list[Marker]:
    """The footnote markers on one body line, left to right.

    Columns and lengths count code points of the printed line; a ``^`` before a paren
    marker is part of it. Numbers are given in ASCII digits (``label``).
    """
    raw = line.raw
    number = line.number
    found: list[Marker] = []
    if "(" in raw or "[" in raw or "（" in raw or "⁽" in raw:
        # the view has the printed line's length: its offsets are the printed line's
        view = digits_view(raw)
        for m in P.BODY_MARKER.finditer(view):
            start, end = m.span()
            if start and raw[start - 1] == "^":
                start -= 1
            digits = m.group("num")
            if digits:
                found.append(Marker(str(int(digits)), "paren", number, start + 1, end - start))
            else:
                digits = m.group("bnum")
                found.append(Marker(str(int(digits)), "bracket", number, start + 1, end - start))
        if "[^" in raw:
            for m in P.MD_MARKER.finditer(view):
                start, end = m.span()
                found.append(Marker(m.group("num"), "markdown", number, start + 1, end - start))
            found.sort(key=lambda mk: mk.column)
    # (cleaning turns superscript digits into digits: a line it left as it was, the same
    # object, holds none)
    if line.text is not raw:
        covered = {i for mk in found for i in range(mk.column - 1, mk.column - 1 + mk.length)}
        extra = [
            Marker(
                str(int(digits_view(m.group("sup")))),
                "superscript",
                number,
                m.start() + 1,
                m.end() - m.start(),
            )
            for m in P.SUPERSCRIPT_MARKER.finditer(raw)
            if m.start() not in covered  # (the digits of a "⁽³⁾" marker)
        ]
        if extra:
            found = sorted([*found, *extra], key=lambda mk: mk.column)
    return found
