"""Export records as CSL-JSON, valid against the official ``csl-data.json`` schema.

The counterpart of a pair rides along in ``original-title``, ``original-author``,
``original-publisher`` and ``original-publisher-place`` (and whole in ``custom``);
``language`` is ``ar``, ``ar-Latn`` or ``en`` (see :mod:`citenorm.export.language`).
citenorm's own data (entry ids, pair score, source lines, the Hijri year, pages cited by
footnotes, ``proposed`` and ``confidence`` for a romanization citenorm proposed) goes in
``custom``. ``issued`` holds Gregorian years only: the Hijri year is in
``note`` (``1344 AH``) and ``custom``; a Hijri-only work gets the Gregorian years its
Hijri year overlaps, marked ``circa``. ``original-date`` is not used for the Hijri year:
styles print it as the date of an earlier edition ("Original work published 1344").
"""

from __future__ import annotations

from typing import Any

from citenorm.export.dates import ExportDate
from citenorm.export.language import arabic_name, name_literal
from citenorm.export.records import ExportRecord, ExportScript, records
from citenorm.models import Date, Fields, MatchResult, Name

__all__ = ["CSL_TYPES", "csl_issued", "csl_names", "record_to_csl", "to_csl_json"]

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


def csl_names(names: list[Name] | None, *, whole: bool) -> list[dict[str, Any]]:
    """CSL name objects; Arabic names (all names when ``whole``) printed whole.

    An Arabic personal name keeps ``family`` and ``given`` for the tools that edit them
    (Zotero, pandoc's YAML) and adds a ``literal`` ``Family, Given``, which every CSL
    processor renders as it is: a compound given name such as ``ʻAbd al-Raḥmān`` or
    ``Umayyah ibn ʻAbd al-ʻAzīz`` is never cut into initials, in any style.
    """
    out: list[dict[str, Any]] = []
    for name in names or ():
        if name.literal or not (name.family or name.given):
            if name.literal:
                out.append({"literal": name.literal})
            continue
        item = name.model_dump(exclude_none=True)
        if whole or arabic_name(name):
            item["literal"] = name_literal(name)
        out.append(item)
    return out


def csl_issued(date: ExportDate, issued: Date | None) -> dict[str, Any] | None:
    """``issued``: Gregorian year(s); a Hijri-only year as its Gregorian span with
    ``circa``; a printed non-year (``n.d.``) as a literal; else ``None``."""
    if date.years:
        return {"date-parts": [[y] for y in date.years]}
    if date.approximate:
        return {"date-parts": [[y] for y in date.approximate], "circa": True}
    if issued is not None and issued.literal and date.hijri is None:
        return {"literal": issued.literal}
    return None


def _fields_json(fields: Fields, *, whole: bool) -> dict[str, Any]:
    data = fields.to_json()
    for name in ("hijri", "type", "issued", "accessed", "author"):
        data.pop(name, None)
    authors = csl_names(fields.author, whole=whole)
    if authors:
        data["author"] = authors
    accessed = fields.accessed
    if accessed is not None and accessed.date_parts and accessed.date_parts[0]:
        data["accessed"] = {"date-parts": accessed.date_parts[:1]}
    return data


def record_to_csl(rec: ExportRecord) -> dict[str, Any]:
    """One CSL-JSON item for ``rec``.

    The counterpart in the other script rides along in ``original-title``,
    ``original-author``, ``original-publisher``, ``original-publisher-place`` and, whole,
    in ``custom.citenorm.original`` (CSL has no ``original-container-title``).
    """
    item: dict[str, Any] = {
        "id": rec.key,
        "type": rec.fields.type if rec.fields.type in CSL_TYPES else "document",
    }
    item.update(_fields_json(rec.fields, whole=rec.arabic_work))
    date = rec.date
    issued = csl_issued(date, rec.fields.issued)
    if issued is not None:
        item["issued"] = issued
    orig = rec.original
    if orig is not None:
        if orig.title:
            item["original-title"] = orig.title
        if orig.author:
            names = csl_names(orig.author, whole=True)
            if names:
                item["original-author"] = names
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
        ("hijri", date.hijri),
    ):
        if value is not None:
            custom[name] = value
    if orig is not None:
        custom["original"] = _fields_json(orig, whole=True)
    if rec.unlisted:
        custom["unlisted"] = True
        custom["footnotes"] = rec.footnotes
    if rec.cited_pages:
        custom["cited_pages"] = rec.cited_pages
    if rec.proposed:
        custom["proposed"] = True
        custom["confidence"] = rec.confidence
    item["custom"] = {"citenorm": custom}
    return item


def to_csl_json(
    result: MatchResult, *, script: ExportScript = "latin", propose: bool = False
) -> list[dict[str, Any]]:
    """The sources of ``result`` as a list of CSL-JSON items (``json.dumps``-ready).

    ``propose``: Arabic entries without a romanized counterpart are exported from
    citenorm's proposed romanization, marked in ``note``, ``keyword`` and
    ``custom.citenorm.proposed`` (see :func:`~citenorm.export.records`)."""
    return [record_to_csl(r) for r in records(result, script=script, propose=propose)]
