"""An article's romanization style (ALA-LC or popular), read from its romanized list.

Apart from :mod:`._build` so that ``audit`` (the ``mixed-romanization-systems`` rule)
tells the style without loading the romanizer's model and tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citenorm.text import _rx

if TYPE_CHECKING:
    from collections.abc import Iterator

    from citenorm.models import Document, Entry, MatchResult
    from citenorm.text.romanize._records import Style

__all__ = ["detect_style"]

_ALALC_MARKS = _rx.compile("[āīūḥṣḍṭẓʻʼĀĪŪḤṢḌṬẒ]")


def _latin_entries(doc: Document) -> Iterator[Entry]:
    return (e for e in doc.entries if e.list == "romanized" and e.script == "latin")


def detect_style(result: Document | MatchResult) -> Style | None:
    """See :func:`citenorm.text.romanize.detect_style`."""
    from citenorm.models import MatchResult

    doc = result.document if isinstance(result, MatchResult) else result
    # the entries read one at a time (each record is built when read: a list of them
    # held ~6x a 1 MB list at the audit's peak)
    n = marked = 0
    for e in _latin_entries(doc):
        n += 1
        marked += len(_ALALC_MARKS.findall(e.text)) >= 2
    if not n:
        return None
    return "alalc" if marked * 2 >= n else "popular"
