"""citenorm: normalize, pair and audit citations in Arabic scholarly articles.

Typical use::

    import citenorm
    doc = citenorm.extract(text)            # footnotes, in-text citations, list entries
    result = citenorm.match(doc)            # Arabic <-> romanized pairs, citation links

Importing citenorm does no I/O and loads no heavy dependency (citeproc-py and
bibtexparser are imported by the functions that need them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citenorm._version import __version__
from citenorm.errors import CitenormError, ConfigError, DecodeError, InputError, UsageError
from citenorm.extract import extract
from citenorm.io import read_text
from citenorm.models import (
    Citation,
    Date,
    Document,
    Entry,
    FailedLine,
    Fields,
    Footnote,
    InTextCitation,
    MatchResult,
    Name,
    Pair,
    Section,
)

if TYPE_CHECKING:
    from citenorm.match import match as match

__all__ = [
    "Citation",
    "CitenormError",
    "ConfigError",
    "Date",
    "DecodeError",
    "Document",
    "Entry",
    "FailedLine",
    "Fields",
    "Footnote",
    "InTextCitation",
    "InputError",
    "MatchResult",
    "Name",
    "Pair",
    "Section",
    "UsageError",
    "__version__",
    "extract",
    "match",
    "read_text",
]


def __getattr__(name: str) -> Any:
    if name == "match":
        from citenorm.match import match

        return match
    raise AttributeError(f"module 'citenorm' has no attribute {name!r}")
