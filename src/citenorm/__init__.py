"""citenorm: normalize, pair and audit citations in Arabic scholarly articles.

Typical use::

    import citenorm
    doc = citenorm.extract_file("article.docx")   # or citenorm.extract(text)
    result = citenorm.match(doc)                  # Arabic <-> romanized pairs, citation links
    findings = citenorm.audit(result)             # rule codes CN101...CN604
    proposals = citenorm.romanize(result)         # romanized entries the list lacks
    print(citenorm.to_bibtex(result))             # also to_biblatex, to_csl_json, to_ris, render

Everything a caller needs is here, in ``__all__``; the packages under ``citenorm`` are
the implementation (``text``, ``io``, ``extraction``, ``matching``, ``export``,
``auditing``, ``report``, ``batch``, ``cli``; see docs/architecture.md). Options are
keyword-only and named as the command line names them (``encoding``, ``script``,
``style``, ``select``, ``ignore``...).

Importing citenorm does no I/O and loads no dependency: each public name is imported on
first use (PEP 562), so that ``import citenorm`` and ``citenorm --help`` stay fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from citenorm._version import __version__

if TYPE_CHECKING:
    from citenorm.auditing import Finding, audit
    from citenorm.batch import run_batch
    from citenorm.errors import CitenormError, ConfigError, DecodeError, InputError, UsageError
    from citenorm.export import render, to_biblatex, to_bibtex, to_csl_json, to_ris
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
    from citenorm.pipeline import load_document as extract_file
    from citenorm.report import render_report
    from citenorm.text.romanize import Proposal, Romanization, detect_style, romanize

# public name -> (module, name there); imported on first access
_WHERE: dict[str, tuple[str, str]] = {
    **{
        name: ("citenorm.errors", name)
        for name in ("CitenormError", "ConfigError", "DecodeError", "InputError", "UsageError")
    },
    **{
        name: ("citenorm.models", name)
        for name in (
            "Citation",
            "Date",
            "Document",
            "Entry",
            "FailedLine",
            "Fields",
            "Footnote",
            "InTextCitation",
            "MatchResult",
            "Name",
            "Pair",
            "Section",
        )
    },
    **{
        name: ("citenorm.export", name)
        for name in ("render", "to_biblatex", "to_bibtex", "to_csl_json", "to_ris")
    },
    "Finding": ("citenorm.auditing", "Finding"),
    "audit": ("citenorm.auditing", "audit"),
    "extract": ("citenorm.extraction", "extract"),
    "extract_file": ("citenorm.pipeline", "load_document"),
    "match": ("citenorm.matching", "match"),
    "parse_reference": ("citenorm.extraction.reference", "parse_reference"),
    "read_text": ("citenorm.io", "read_text"),
    "render_report": ("citenorm.report", "render_report"),
    "run_batch": ("citenorm.batch", "run_batch"),
    **{
        name: ("citenorm.text.romanize", name)
        for name in ("Proposal", "Romanization", "detect_style", "romanize")
    },
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
    "Finding",
    "Footnote",
    "InTextCitation",
    "InputError",
    "MatchResult",
    "Name",
    "Pair",
    "Proposal",
    "Romanization",
    "Section",
    "UsageError",
    "__version__",
    "audit",
    "detect_style",
    "extract",
    "extract_file",
    "match",
    "parse_reference",
    "read_text",
    "render",
    "render_report",
    "romanize",
    "run_batch",
    "to_biblatex",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'citenorm' has no attribute {name!r}")
    value = getattr(import_module(where[0]), where[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
