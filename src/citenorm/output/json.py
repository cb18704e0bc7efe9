"""Records -> the JSON shapes of CONTRACT.md (``schema`` 1) and the text views.

The JSON keys are exactly the contract's; records carry more (``raw``, footnote fields)
for the Python API.
"""

from __future__ import annotations

from typing import Any

from citenorm._version import __version__
from citenorm.models import Document, MatchResult, Pair

__all__ = ["SCHEMA_VERSION", "document_json", "match_json"]

SCHEMA_VERSION = 1


def _loc(rec: Any) -> dict[str, int]:
    """``paragraph``/``page`` for DOCX/PDF input (CONTRACT.md), only when known."""
    return {k: v for k in ("paragraph", "page") if (v := getattr(rec, k, None)) is not None}


def document_json(doc: Document) -> dict[str, Any]:
    """The ``extract`` JSON object of one document."""
    return {
        "schema": SCHEMA_VERSION,
        "citenorm_version": __version__,
        "source": doc.source,
        "footnotes": [
            {
                "id": f.id,
                "number": f.number,
                "group": f.group,
                "marker": f.marker,
                "text": f.text,
                "kind": f.kind,
                "refers_to": f.refers_to,
                "line": f.line,
                "body_line": f.body_line,
                **_loc(f),
            }
            for f in doc.footnotes
        ],
        "in_text": [
            {"id": c.id, "text": c.text, "line": c.line, "column": c.column, **_loc(c)}
            for c in doc.in_text
        ],
        "sections": [
            {"id": s.id, "title": s.title, "line": s.line, "list": s.list, **_loc(s)}
            for s in doc.sections
        ],
        "entries": [
            {
                "id": e.id,
                "list": e.list,
                "script": e.script,
                "section": e.section,
                "number": e.number,
                "text": e.text,
                "line": e.line,
                "fields": e.fields.to_json(),
                **_loc(e),
            }
            for e in doc.entries
        ],
        "failed": [{"line": f.line, "text": f.text, "reason": f.reason} for f in doc.failed],
    }


def _pair_json(p: Pair) -> dict[str, Any]:
    """A pair: the contract's keys, then the optional ``similarity`` (the score before
    the alternatives are weighed), ``rival`` and ``rival_score`` when known."""
    item: dict[str, Any] = {
        "arabic": p.arabic,
        "latin": p.latin,
        "score": round(p.score, 1),
        "evidence": p.evidence,
    }
    if p.similarity is not None:
        item["similarity"] = round(p.similarity, 1)
    if p.rival is not None:
        item["rival"] = p.rival
        if p.rival_score is not None:
            item["rival_score"] = round(p.rival_score, 1)
    return item


def match_json(result: MatchResult) -> dict[str, Any]:
    """The ``match`` JSON object: the ``extract`` object plus pairs and citations."""
    out = document_json(result.document)
    out["pairs"] = [_pair_json(p) for p in result.pairs]
    citations: list[dict[str, Any]] = []
    for c in result.citations:
        item: dict[str, Any] = (
            {"footnote": c.footnote} if c.footnote is not None else {"in_text": c.in_text}
        )
        item["entry"] = c.entry
        item["score"] = round(c.score, 1)
        citations.append(item)
    out["citations"] = citations
    out["unlisted"] = list(result.unlisted)
    out["unpaired"] = {"arabic": list(result.unpaired_arabic), "latin": list(result.unpaired_latin)}
    if result.repeats:  # an optional key (1.1): absent when there is none
        out["repeats"] = [
            {"original": r.original, "romanized": r.romanized, "score": round(r.score, 1)}
            for r in result.repeats
        ]
    return out
