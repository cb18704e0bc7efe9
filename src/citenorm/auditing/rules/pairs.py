"""CN3xx: Arabic entries of the original list against their romanized counterparts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from citenorm.auditing.registry import Hit, rule
from citenorm.auditing.rules._common import (
    entries_by_id,
    locate,
    number_key,
    range_key,
    record_lines,
    related,
    year_key,
)
from citenorm.text.normalize import url_key

if TYPE_CHECKING:
    from citenorm.config import AuditConfig
    from citenorm.models import Document, Entry, Fields, MatchResult

    #: (label, key of the fields, printed value of the fields) for the compared fields
    FieldCheck = tuple[str, Callable[[Fields], str | None], Callable[[Fields], str | None]]

FAMILY = "pairs"


def _year_raw(f: Fields) -> str | None:
    if f.issued is None:
        return None
    y = f.issued.year
    return str(y) if y is not None else None


FIELD_CHECKS: tuple[FieldCheck, ...] = (
    ("year", year_key, _year_raw),
    ("volume", lambda f: number_key(f.volume), lambda f: f.volume),
    ("issue", lambda f: range_key(f.issue), lambda f: f.issue),
    ("edition", lambda f: number_key(f.edition), lambda f: f.edition),
    ("pages", lambda f: range_key(f.page), lambda f: f.page),
    ("URL", lambda f: url_key(f.URL) or None if f.URL else None, lambda f: f.URL),
    ("DOI", lambda f: (f.DOI or "").lower() or None, lambda f: f.DOI),
)


def _one_apart(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    return sum(1 for x, y in zip(a, b, strict=True) if x != y) == 1


def describe(label: str, left: str, right: str, left_name: str, right_name: str) -> str:
    """``URL differs: X in footnote (3), Y in entry e6 (one character apart)``."""
    near = " (one character apart)" if label == "URL" and _one_apart(left, right) else ""
    return f"{label} differs: {left} in {left_name}, {right} in {right_name}{near}"


def _has_romanized(doc: Document) -> bool:
    return any(e.list == "romanized" for e in doc.entries)


def _start(doc: Document, e: Entry) -> int:
    raw = doc.lines[e.line - 1] if 1 <= e.line <= len(doc.lines) else ""
    return len(raw) - len(raw.lstrip()) + 1


@rule(
    code="CN301",
    name="arabic-entry-without-romanization",
    severity="warning",
    family=FAMILY,
    summary="An Arabic entry of the original list with no counterpart in the romanized list (checked when the article has a romanized list). Foreign (Latin-script) works of the original list are exempt.",
    why="The romanized list must render every Arabic entry, or the work is invisible to indexes that read only Latin script.",
    example='المصادر:\n1. الأنباري، احمد عبد الامير ، التقارب الروسي - الصيني … ٢٠١٧ .\nBibliography:\n# no "al-Anbari, Ahmed Abdul Amir …"',
)
def arabic_without_romanization(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    if not _has_romanized(doc):
        return
    entries = entries_by_id(doc)
    for eid in result.unpaired_arabic:
        e = entries.get(eid)
        if e is None or e.script != "arabic" or e.list != "original":
            continue
        yield Hit(
            f"Arabic entry {e.id} has no counterpart in the romanized list",
            line=e.line,
            column=_start(doc, e),
            related=related(e),
        )


@rule(
    code="CN302",
    name="romanization-without-arabic-entry",
    severity="warning",
    family=FAMILY,
    summary="An entry of the romanized list that renders no Arabic entry of the original list.",
    why="A romanized entry must translate an entry of the original list; one without a counterpart means the original list is missing a work (or the romanized list adds one).",
    example="Bibliography:\n• Third: The internet\n1. Ahmed Dahshan, Russia and China in the Middle East … <https://2u.pw/E8E1XNUA>\n# المصادر has no web section: no Arabic entry for it",
)
def romanization_without_arabic(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    if not any(e.list == "original" and e.script == "arabic" for e in doc.entries):
        return
    entries = entries_by_id(doc)
    for eid in result.unpaired_latin:
        e = entries.get(eid)
        if e is None:
            continue
        yield Hit(
            f"romanized entry {e.id} has no Arabic counterpart in the original list",
            line=e.line,
            column=_start(doc, e),
            related=related(e),
        )


@rule(
    code="CN303",
    name="pair-field-mismatch",
    severity="warning",
    family=FAMILY,
    summary="An Arabic entry and its romanization disagree on year, volume, issue, edition, pages, URL or DOI. Digits are compared in one system and ranges in either order, so `٢٠٢٣-٢٠١٤` equals `2014-2023`.",
    why="The two entries describe one work; a different number in one of them is a typo that sends readers to the wrong issue or year.",
    example="12. عبد المجيد ،يزيد عادل ، … العدد ٣٨،( … برلين، ٢٠٢٣).\n2. Abdulmajid ,Yazid Adel, … No. 83, … Berlin, 2023.\n# issue 38 vs 83",
)
def pair_field_mismatch(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    entries = entries_by_id(doc)
    for p in result.pairs:
        a, b = entries.get(p.arabic), entries.get(p.latin)
        if a is None or b is None:
            continue
        for label, key, printed in FIELD_CHECKS:
            ka, kb = key(a.fields), key(b.fields)
            if ka is None or kb is None or ka == kb:
                continue
            va, vb = printed(a.fields) or ka, printed(b.fields) or kb
            where = locate(doc, record_lines(doc, a.line, a.raw), [va, ka])
            yield Hit(
                describe(label, va, vb, f"Arabic entry {a.id}", f"romanized entry {b.id}"),
                line=where.line if where else a.line,
                column=where.column if where else _start(doc, a),
                length=where.length if where else None,
                related=related(a, b),
            )


@rule(
    code="CN304",
    name="low-confidence-pair",
    severity="info",
    family=FAMILY,
    summary="An Arabic entry paired with a romanized entry on weak evidence, or with another candidate (nearly) as good: the pair's score, its similarity lowered by how little it beats the best alternative, is below `low-confidence-score` (default 70). The message names both candidates, what decided the pair and what was missing.",
    why="A weak pair may be wrong, and so may a strong one that another entry matches as well: four books by one author, year and publisher, with translated titles, look alike on every feature but the title. Check that the romanized entry really renders the Arabic one (translated corporate names and titles often score low).",
    example="1. السامرائي، خليل، نقد العقل السياسي، (بيروت: دار الطليعة، 1998).\n2. السامرائي، خليل، بنية الخطاب التراثي، (بيروت: دار الطليعة، 1998).\n1. Al-Samarrai, Khalil, A Critique of Political Reason, (Beirut: Dar al-Taliah, 1998).\n2. Al-Samarrai, Khalil, The Structure of Heritage Discourse, (Beirut: Dar al-Taliah, 1998).\n# each Arabic entry matches both romanized ones (similarity 99.9): score 57",
)
def low_confidence_pair(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    entries = entries_by_id(doc)
    for p in result.pairs:
        if p.score >= cfg.low_confidence_score:
            continue
        a, b = entries.get(p.arabic), entries.get(p.latin)
        if a is None or b is None:
            continue
        rival = entries.get(p.rival) if p.rival else None
        decided = p.evidence.get("decided")
        missing = p.evidence.get("missing")
        notes = []
        if isinstance(decided, list):
            told = ", ".join(str(k) for k in decided) if decided else "nothing told them apart"
            notes.append(f"decided by: {told}" if decided else told)
        if isinstance(missing, list) and missing:
            notes.append(f"missing: {', '.join(str(k) for k in missing)}")
        disagree = sorted(
            k for k, v in p.evidence.items() if isinstance(v, dict) and v.get("agree") is False
        )
        if disagree:
            notes.append(f"disagreeing: {', '.join(disagree)}")
        why = f"; {'; '.join(notes)}" if notes else ""
        similar = p.similarity if p.similarity is not None else p.score
        if rival is not None and p.rival_score is not None and similar >= cfg.low_confidence_score:
            # strong on its own, weak against the alternative: name both candidates
            other = "Arabic entry" if rival.list == "original" else "romanized entry"
            yield Hit(
                f"entry {a.id} is paired with {b.id}, but {other} {rival.id} is (nearly) as"
                f" good a candidate (score {p.score:g} < {cfg.low_confidence_score:g}:"
                f" similarity {similar:g}, {rival.id} {p.rival_score:g}{why})",
                line=a.line,
                column=_start(doc, a),
                related=related(a, b, rival),
            )
            continue
        yield Hit(
            f"entry {a.id} is paired with {b.id} on weak evidence "
            f"(score {p.score:g} < {cfg.low_confidence_score:g}{why})",
            line=a.line,
            column=_start(doc, a),
            related=related(a, b),
        )
