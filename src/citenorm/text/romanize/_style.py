"""An article's romanization style (ALA-LC or popular), read from its romanized list.

Apart from :mod:`._build` so that ``audit`` (the ``mixed-romanization-systems`` rule)
tells the style without loading the romanizer's model and tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citenorm.text import _rx

if TYPE_CHECKING:
    from citenorm.models import Document, Entry, MatchResult
    from citenorm.text.romanize._records import Style

__all__ = ["detect_style"]

_ALALC_MARKS = _rx.compile("[āīūḥṣḍṭẓʻʼĀĪŪḤṢḌṬẒ]")


def _latin_entries(doc: Document) -> list[Entry]:
    return [e for e in doc.entries if e.list == "romanized" and e.script == "latin"]


def detect_style(result: Document | MatchResult) -> Style | None:
    """See :func:`citenorm.text.romanize.detect_style`."""
    from citenorm.models import MatchResult

    doc = result.document if isinstance(result, MatchResult) else result
    entries = _latin_entries(doc)
    if not entries:
        return None
    marked = sum(1 for e in entries if len(_ALALC_MARKS.findall(e.text)) >= 2)
    return "alalc" if marked * 2 >= len(entries) else "popular"
