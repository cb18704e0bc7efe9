"""Notes of a text re-wrapped at a narrow width (a text tool's lines, not the printer's).

A PDF reader that gives right-to-left lines in visual order prints a note's number at
the end of its first line (``... انظر سعاد زبيطة .9``). When such a text is wrapped again
at a narrower width, the note's first line is cut in pieces and its number comes out on
the last, short piece: the pieces above it belong to the note, though nothing marks them.
This module finds them; :func:`citenorm.extraction.footnotes.find_footnotes` gives them
to their note.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping

from citenorm.extraction.pages import RULE
from citenorm.extraction.segment import Line
from citenorm.text.normalize import script_of

__all__ = ["rewrapped_heads"]

# a note line this much shorter than the full lines did not run to the width
_SHORT = 0.85
# a piece cut by a wrap holds a few words at least (a heading or a paragraph's last word
# does not)
_MIN_HEAD = 20


def rewrapped_heads(
    body: Iterable[Line],
    page_notes: Mapping[int, tuple[int, str, str]],
    *,
    visual: Container[int],
    inside: Container[int],
    widths: Mapping[str, int],
) -> dict[int, int]:
    """Line -> the line of the visual-order page note whose first printed line it began
    (before a re-wrap cut that line).

    A note's first printed line runs to the full width unless the note is one line long.
    So the numbered line of a visual-order note (``visual``) that is short, though its
    note goes on below in Arabic (the next line is ``inside`` its page's notes), and that
    opens mid-sentence (its first character is no period: in visual order a line's first
    character is the end of its sentence) is the last piece of a cut line: the Arabic
    line right above it, of some length, no note of its own, and not ending a sentence
    itself (a paragraph of the body), is the piece before.
    ``widths``: the full width of a line per script (``_wrap_widths``)."""
    lines = {ln.number: ln for ln in body}
    heads: dict[int, int] = {}
    width = widths.get("arabic", 0)
    if not width:
        return heads
    for number in sorted(page_notes):
        if number not in visual:
            continue
        tail = lines[number].text.strip()
        below = lines.get(number + 1)
        if (
            len(tail) >= _SHORT * width
            or tail.startswith(".")
            or below is None
            or number + 1 not in inside
            or script_of(below.text.strip()[:60]) != "arabic"
        ):
            continue  # (a short Arabic line before a French reference is whole)
        above = lines.get(number - 1)
        if above is None or number - 1 in page_notes:
            continue
        head = above.text.strip()
        if (
            len(head) < _MIN_HEAD
            or head.startswith(".")
            or RULE.match(head)
            or script_of(head[:60]) != "arabic"
        ):
            continue  # (".، أي بعد ..." ends a sentence: the body's paragraph above)
        heads[number - 1] = number
    return heads
