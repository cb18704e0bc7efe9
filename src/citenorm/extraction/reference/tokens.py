"""Reference text -> tokens with offsets into the printed text.

A token is a word (letters, with Arabic vowel marks and inner hyphens or apostrophes:
``al-Ṭabʻah``, ``O'Brien``), a run of digits, a web address or DOI (one token), or one
punctuation character. Letters and digits are separate tokens (``ط2`` -> ``ط``, ``2``;
``1988م`` -> ``1988``, ``م``), so a cue and its number can take different labels.
"""

from __future__ import annotations

from typing import NamedTuple

from citenorm.text import _rx

__all__ = ["Token", "tokenize"]


class Token(NamedTuple):
    """One token: its text and its ``[start, end)`` offsets in the tokenized string."""

    text: str
    start: int
    end: int


_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
# runs of letters and runs of marks (one repeat per run, not an alternation per character)
_LETTER = rf"(?:[^\W\d_]+|[{_MARKS}]+)"
# "https://doi.org/10.1/x", "www.site.org/a?b=c", "10.1093/acprof:oso/978.001.0001"
_TOKEN = _rx.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"«»“”]+[^\s<>\"«»“”.,،;؛:)\]]"
    r"|10\.[0-9]{4,9}/[^\s<>\"،,]+[^\s<>\"،,.;)\]])"
    rf"|(?P<word>{_LETTER}+(?:[-'’ʼ]{_LETTER}+)*)"
    r"|(?P<num>\d+)"
    r"|(?P<other>\S)"
)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; offsets index ``text`` itself.

    >>> [t.text for t in tokenize("العدد ٣، ص12-14")]
    ['العدد', '٣', '،', 'ص', '12', '-', '14']
    """
    # (tuple.__new__: a NamedTuple's own __new__ is a Python call per token)
    return [_new(Token, (m[0], m.start(), m.end())) for m in _TOKEN.finditer(text)]


_new = tuple.__new__
