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
    found: list[Marker] = []
    if "(" in raw or "[" in raw or "（" in raw or "⁽" in raw:
        # the view has the printed line's length: its offsets are the printed line's
        view = digits_view(raw)
        for m in P.BODY_MARKER.finditer(view):
            start = m.start()
            if start and raw[start - 1] == "^":
                start -= 1
            kind = "paren" if m.group("num") else "bracket"
            found.append(
                Marker(
                    label=str(int(m.group("num") or m.group("bnum"))),
                    kind=kind,
                    line=line.number,
                    column=start + 1,
                    length=m.end() - start,
                )
            )
        if "[^" in raw:
            for m in P.MD_MARKER.finditer(view):
                found.append(
                    Marker(
                        label=m.group("num"),
                        kind="markdown",
                        line=line.number,
                        column=m.start() + 1,
                        length=m.end() - m.start(),
                    )
                )
    # (cleaning turns superscript digits into digits: a line it left as it was, the same
    # object, holds none)
    if line.text is not raw:
        spans = [(mk.column - 1, mk.column - 1 + mk.length) for mk in found]
        for m in P.SUPERSCRIPT_MARKER.finditer(raw):
            if any(a <= m.start() < b for a, b in spans):
                continue  # the digits of a "⁽³⁾" marker
            found.append(
                Marker(
                    label=str(int(digits_view(m.group("sup")))),
                    kind="superscript",
                    line=line.number,
                    column=m.start() + 1,
                    length=m.end() - m.start(),
                )
            )
    found.sort(key=lambda mk: mk.column)
    return found
