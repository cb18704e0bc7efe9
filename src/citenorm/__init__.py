"""citenorm: normalize, pair and audit citations in Arabic scholarly articles.

Typical use::

    import citenorm
    doc = citenorm.extract(text)            # footnotes, in-text citations, list entries
    result = citenorm.match(doc)            # Arabic <-> romanized pairs, citation links

Importing citenorm does no I/O and loads no heavy dependency (citeproc-py, bibtexparser
and scipy are imported by the functions that need them).

The pipeline's stages live in packages named for what they hold:
``citenorm.extraction``, ``citenorm.matching``, ``citenorm.export``; the verbs
``citenorm.extract`` and ``citenorm.match`` are the functions.
"""

from __future__ import annotations

from citenorm._version import __version__
from citenorm.errors import CitenormError, ConfigError, DecodeError, InputError, UsageError
from citenorm.extraction import extract
from citenorm.io import read_text
from citenorm.matching import match
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
