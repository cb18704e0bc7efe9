"""Repairs of a container span that holds no journal's name while the title span does."""

from __future__ import annotations

import re

from citenorm.extraction.reference import repairs as R
from citenorm.extraction.reference.spans import tidy
from citenorm.text import vocab

__all__ = ["journal_before_description"]

# "Title: مجلة X" / "Title، مجلة X" / "Title - مجلة X": the journal's name after the title
_JOURNAL_PART = re.compile(r"(?<!\s)\s*[:،,]\s*|(?<!\s)\s+[-–]\s+")


def journal_before_description(title: str, container: str) -> tuple[str, str | None]:
    """``Title، مجلة البحر`` + ``مجلة فكرية تصدر عن ...``: a container span that
    describes the journal (it opens with the journal's word again, a few words on)
    after a title span whose last part names the journal: the journal is that part.
    Returns (title, journal or None)."""
    from citenorm.extraction.reference.features import fold_word

    words = tidy(container).split()
    if len(words) < 3 or fold_word(words[0]) not in vocab.JOURNAL_HEADS_FOLDED:
        return title, None
    cuts = list(_JOURNAL_PART.finditer(title.rstrip(" ،,")))
    for m in reversed(cuts):
        part = tidy(title[m.end() :])
        head = part.split()[:1]
        if head and fold_word(head[0]) in vocab.JOURNAL_HEADS_FOLDED and len(part.split()) >= 2:
            before = title[: m.start()]
            if tidy(before) and not R.COMMA.search(part):
                return before, part
    return title, None
