"""Repairs of a container span that holds no journal's name while the title span does,
and of a note's name span that holds the title."""

from __future__ import annotations

import re

from citenorm.extraction.reference import repairs as R
from citenorm.extraction.reference.spans import tidy
from citenorm.text import lexicon, vocab

__all__ = ["journal_before_description", "note_name_and_title"]

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


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def note_name_and_title(author: str) -> tuple[str, str | None]:
    """``Jane Roe, Salt Roads, t. 2 (...)`` in a footnote with no title span: a note
    cites "Given Family, Title": a first comma part that is a name in its natural order
    (two to four capitalised words, or an Arabic given name first) is the author and the
    next part the title. Returns (author, title or None)."""
    parts = [p for p in R.COMMA.split(author) if tidy(p)]
    if len(parts) < 2:
        return author, None
    name, title = tidy(parts[0]), tidy(parts[1])
    words = name.split()
    if not 2 <= len(words) <= 4 or len(title.split()) < 2 or any(ch.isdigit() for ch in name):
        return author, None
    if _ARABIC_LETTER.match(name):
        natural = lexicon.is_given_name(words[0]) and words[0] not in vocab.NAME_HEADS_AR
    else:
        natural = all(w[:1].isupper() and len(w.rstrip(".")) > 1 for w in words)
    if not natural or R.has_cue(title.split()[0], ("AND", "ETAL", "EDITOR", "TRANS")):
        return author, None
    return name, title
