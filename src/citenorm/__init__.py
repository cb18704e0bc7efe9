"""citenorm: normalize, pair and audit citations in Arabic scholarly articles.

Typical use::

    import citenorm
    doc = citenorm.extract(text)            # footnotes, in-text citations, list entries
    result = citenorm.match(doc)            # Arabic <-> romanized pairs, citation links
    fields = citenorm.parse_reference(text)  # one reference -> Fields

Importing citenorm does no I/O and loads no heavy dependency (citeproc-py, bibtexparser
and scipy are imported by the functions that need them).

The pipeline's stages live in packages named for what they hold:
``citenorm.extraction``, ``citenorm.matching``, ``citenorm.export``; the verbs
``citenorm.extract`` and ``citenorm.match`` are the functions.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from citenorm._version import __version__

if TYPE_CHECKING:
    from citenorm.errors import CitenormError, ConfigError, DecodeError, InputError, UsageError
    from citenorm.extraction import extract
    from citenorm.extraction.reference import parse_reference
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

# public name -> the module that defines it; imported on first access (PEP 562), so that
# `import citenorm` and `citenorm --help` stay fast
_WHERE = {
    "CitenormError": "citenorm.errors",
    "ConfigError": "citenorm.errors",
    "DecodeError": "citenorm.errors",
    "InputError": "citenorm.errors",
    "UsageError": "citenorm.errors",
    "extract": "citenorm.extraction",
    "read_text": "citenorm.io",
    "match": "citenorm.matching",
    "parse_reference": "citenorm.extraction.reference",
    "Citation": "citenorm.models",
    "Date": "citenorm.models",
    "Document": "citenorm.models",
    "Entry": "citenorm.models",
    "FailedLine": "citenorm.models",
    "Fields": "citenorm.models",
    "Footnote": "citenorm.models",
    "InTextCitation": "citenorm.models",
    "MatchResult": "citenorm.models",
    "Name": "citenorm.models",
    "Pair": "citenorm.models",
    "Section": "citenorm.models",
}

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
    "parse_reference",
    "read_text",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'citenorm' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
