"""Export records as RIS for reference managers (Zotero, EndNote, Mendeley).

One tag per line (``TY  - JOUR``), values on one line with whitespace collapsed, one
``AU`` per author (``Family, Given`` or the corporate name), ``ER`` closing each record.
The counterpart of a pair goes in ``N1`` notes (``Original title: ...``). ``PY`` holds a
Gregorian year only: a Hijri year goes in ``N1`` (``1344 AH``), and a Hijri-only work has
no ``PY`` (RIS cannot mark a year as approximate); a range keeps its first year in ``PY``
and both ends in ``N1`` (``Published 2014-2023``).
"""

from __future__ import annotations

import re

from citenorm.export.records import ExportRecord, ExportScript, records
from citenorm.models import MatchResult, Name
from citenorm.text import _rx

__all__ = ["RIS_TYPES", "record_to_ris", "to_ris"]

#: CSL type -> RIS type; anything else is ``GEN``.
RIS_TYPES = {
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "article": "JOUR",
    "book": "BOOK",
    "chapter": "CHAP",
    "thesis": "THES",
    "report": "RPRT",
    "paper-conference": "CPAPER",
    "webpage": "ELEC",
    "post": "ELEC",
    "post-weblog": "BLOG",
}

_CONTROL_RE = _rx.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    return " ".join(_CONTROL_RE.sub(" ", text).split())


def _name(name: Name) -> str:
    if name.literal:
        return name.literal
    return ", ".join(p for p in (name.family, name.given) if p)


def record_to_ris(rec: ExportRecord) -> str:
    """One RIS record for ``rec``, ending with ``ER  - `` and a newline."""
    f = rec.fields
    tags: list[tuple[str, str | None]] = [
        ("TY", RIS_TYPES.get(f.type or "", "GEN")),
        ("ID", rec.key),
    ]
    tags += [("AU", _name(n)) for n in f.author or ()]
    tags += [("TI", f.title), ("T2", f.container_title)]
    date = rec.date
    if date.years:
        # RIS has one publication year: a range keeps its first year in PY, both in N1
        tags.append(("PY", str(date.years[0])))
    elif f.issued is not None and f.issued.literal and date.hijri is None:
        tags.append(("N1", f"Date as printed: {f.issued.literal}"))
    tags += [("VL", f.volume), ("IS", f.issue)]
    if f.page:
        # ``268-269`` -> SP 268, EP 269; ``118,175`` or ``8`` -> SP only
        span = re.fullmatch(r"\s*(\S.*?)\s*[-–—]+\s*(\S.*?)\s*", f.page)
        tags += [("SP", span[1]), ("EP", span[2])] if span else [("SP", f.page)]
    tags += [("PB", f.publisher), ("CY", f.publisher_place), ("UR", f.URL), ("DO", f.DOI)]
    tags += [("ET", f.edition), ("M3", f.genre)]
    if rec.language:
        tags.append(("LA", rec.language))
    tags += [("KW", k) for k in rec.keywords]
    orig = rec.original
    if orig is not None:
        if orig.title:
            tags.append(("N1", f"Original title: {orig.title}"))
        if orig.author:
            tags.append(("N1", "Original author: " + "; ".join(_name(n) for n in orig.author)))
        if orig.publisher:
            tags.append(("N1", f"Original publisher: {orig.publisher}"))
        if orig.publisher_place:
            tags.append(("N1", f"Original place: {orig.publisher_place}"))
        if orig.container_title:
            tags.append(("N1", f"Original journal: {orig.container_title}"))
    if len(date.years) > 1:
        tags.append(("N1", f"Published {date.years[0]}-{date.years[-1]}"))
    if rec.note:
        tags.append(("N1", rec.note))
    lines = []
    for tag, value in tags:
        value = _one_line(value or "")
        if value:
            lines.append(f"{tag}  - {value}")
    lines.append("ER  - ")
    return "\n".join(lines) + "\n"


def to_ris(result: MatchResult, *, script: ExportScript = "latin", propose: bool = False) -> str:
    """The sources of ``result`` as RIS records separated by blank lines (``propose``:
    Arabic entries without a romanized counterpart from citenorm's proposal, marked in
    ``N1`` and ``KW``; see :func:`~citenorm.export.records`)."""
    return "\n".join(record_to_ris(r) for r in records(result, script=script, propose=propose))
