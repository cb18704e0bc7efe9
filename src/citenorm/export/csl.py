"""Export records as CSL-JSON, valid against the official ``csl-data.json`` schema.

The counterpart of a pair rides along in ``original-title``, ``original-author``,
``original-publisher`` and ``original-publisher-place``; ``language`` is ``ar`` for
Arabic works. citenorm's own data (entry ids, pair score, source lines, the Hijri year,
pages cited by footnotes) goes in ``custom``; the Hijri year is also in ``note`` and never
in ``issued`` (a CSL date object allows no extra keys).
"""

from __future__ import annotations

from typing import Any

from citenorm.export.records import ExportRecord, ExportScript, records
from citenorm.models import Fields, MatchResult

__all__ = ["CSL_TYPES", "record_to_csl", "to_csl_json"]

#: The item types of CSL 1.0.2; anything else is exported as ``document``.
CSL_TYPES = frozenset(
    {
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
        "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
        "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
        "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
        "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
        "personal_communication", "post", "post-weblog", "regulation", "report", "review",
        "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
    }
)  # fmt: skip


def _fields_json(fields: Fields) -> dict[str, Any]:
    data = fields.to_json()
    data.pop("hijri", None)
    data.pop("type", None)
    for name in ("issued", "accessed"):
        date = data.get(name)
        if isinstance(date, dict) and not date:
            del data[name]
    return data


def record_to_csl(rec: ExportRecord) -> dict[str, Any]:
    """One CSL-JSON item for ``rec``."""
    item: dict[str, Any] = {
        "id": rec.key,
        "type": rec.fields.type if rec.fields.type in CSL_TYPES else "document",
    }
    item.update(_fields_json(rec.fields))
    orig = rec.original
    if orig is not None:
        if orig.title:
            item["original-title"] = orig.title
        if orig.author:
            item["original-author"] = [n.model_dump(exclude_none=True) for n in orig.author]
        if orig.publisher:
            item["original-publisher"] = orig.publisher
        if orig.publisher_place:
            item["original-publisher-place"] = orig.publisher_place
    if rec.language:
        item["language"] = rec.language
    if rec.keywords:
        item["keyword"] = ", ".join(rec.keywords)
    if rec.note:
        item["note"] = rec.note
    custom: dict[str, Any] = {"script": rec.script, "lines": rec.lines}
    for name, value in (
        ("arabic", rec.arabic),
        ("latin", rec.latin),
        ("score", rec.score),
        ("hijri", rec.fields.hijri or (orig.hijri if orig else None)),
    ):
        if value is not None:
            custom[name] = value
    if rec.unlisted:
        custom["unlisted"] = True
        custom["footnotes"] = rec.footnotes
    if rec.cited_pages:
        custom["cited_pages"] = rec.cited_pages
    item["custom"] = {"citenorm": custom}
    return item


def to_csl_json(result: MatchResult, *, script: ExportScript = "latin") -> list[dict[str, Any]]:
    """The sources of ``result`` as a list of CSL-JSON items (``json.dumps``-ready)."""
    return [record_to_csl(r) for r in records(result, script=script)]
