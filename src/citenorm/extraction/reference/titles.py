"""Repairs of a title span that runs on past its end into the series the work belongs
to; :func:`~.values.build_fields` applies them to the title's value."""

from __future__ import annotations

import re

from citenorm.extraction.reference import repairs as R
from citenorm.extraction.reference.features import CUES, fold_word
from citenorm.extraction.reference.spans import tidy
from citenorm.text.normalize import split_article

__all__ = ["series_tail"]

# "Salt Studies (5)", "دفاتر بحرية (12)": a short name and its number in brackets, alone
# in the last comma part (no other digit)
_NUMBERED_SERIES = re.compile(r"^[^\W\d_][^0-9()]{0,60}\(\s*[0-9]{1,4}\s*\)$")
# "A Harbour Book", "A Tide Paperback Book": a publisher's series of the last century
_A_SERIES_BOOK = re.compile(r"^An?\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+Book$")
# "Title: السلسلة الشهرية ...": an Arabic series cue after a colon
_COLON = re.compile(r"(?<!\s)\s*:\s*")


def _opens_series(part: str) -> bool:
    """``سلسلة كتب البحر``, ``Series in Salt Studies``: a part that opens with a series
    cue and names it (a Latin cue capitalised: "a series of essays" is a title's own)."""
    words = part.split()
    if len(words) < 2:
        return False
    head = words[0].strip(".:()")
    bare = split_article(head)  # "السلسلة"
    if CUES.get(fold_word(head)) != "SERIES" and not (
        bare and not bare[0] and CUES.get(fold_word(bare[1])) == "SERIES"
    ):
        return False
    return not head.isascii() or head[:1].isupper()


def series_tail(title: str) -> str:
    """``Title، سلسلة كتب البحر`` / ``Title، دفاتر بحرية (5)`` / ``Title, A Harbour
    Book`` / ``Title: السلسلة الشهرية ...``: a title that runs on past a comma (an
    Arabic series cue: past a colon) into the series it belongs to ends before it."""
    pieces = R.comma_pieces(title)
    for k in range(1, len(pieces)):
        part = tidy(title[pieces[k][0] : pieces[k][1]])
        last = k == len(pieces) - 1
        if _opens_series(part) or (
            last and (_NUMBERED_SERIES.match(part) or _A_SERIES_BOOK.match(part))
        ):
            return title[: pieces[k - 1][1]]
    for m in _COLON.finditer(title):
        part = title[m.end() :]
        if tidy(title[: m.start()]) and not part[:1].isascii() and _opens_series(part):
            return title[: m.start()]
    return title
