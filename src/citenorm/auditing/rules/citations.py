"""CN2xx: footnotes and in-text citations against the lists they should cite."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from heapq import merge
from typing import TYPE_CHECKING

from citenorm.auditing.registry import Hit, rule
from citenorm.auditing.rules._common import citation_map, entries_by_id, related

if TYPE_CHECKING:
    from citenorm.config import AuditConfig
    from citenorm.models import Document, Footnote, InTextCitation, MatchResult

FAMILY = "citations"


def _citers(doc: Document) -> Iterator[Footnote | InTextCitation]:
    """Footnotes that cite a work in full, and in-text citations, in text order (by
    line, footnotes first), each read when its turn comes: the document builds a record
    on each read (models.Footnotes), and a list of them held every citer at once."""
    notes, cites = doc.footnotes, doc.in_text
    rows = array("q")  # the full notes' rows, then the in-text citations'
    lines = array("q")
    for k, f in enumerate(notes):
        if f.kind == "full":
            rows.append(k)
            lines.append(f.line)
    first_cite = len(rows)
    for k, c in enumerate(cites):
        rows.append(k)
        lines.append(c.line)
    n = len(rows)
    if _ascending(lines, 0, first_cite) and _ascending(lines, first_cite, n):
        # (as a stable sort orders them, the notes first on a line: no list of every row)
        order: Iterable[int] = merge(range(first_cite), range(first_cite, n), key=lines.__getitem__)
    else:
        order = sorted(range(n), key=lines.__getitem__)
    for i in order:
        yield notes[rows[i]] if i < first_cite else cites[rows[i]]


def _ascending(values: array[int], start: int, stop: int) -> bool:
    return all(values[k] <= values[k + 1] for k in range(start, stop - 1))


def _where(doc: Document, c: Footnote | InTextCitation) -> tuple[int, int | None, int | None]:
    from citenorm.models import InTextCitation

    if isinstance(c, InTextCitation):
        return c.line, c.column, len(c.text)
    raw = doc.lines[c.line - 1] if 1 <= c.line <= len(doc.lines) else ""
    return c.line, len(raw) - len(raw.lstrip()) + 1, len(c.marker)


def _label(c: Footnote | InTextCitation) -> str:
    from citenorm.models import Footnote

    return f"footnote {c.marker}" if isinstance(c, Footnote) else f"citation {c.text}"


def _has_list(doc: Document, kind: str, *, arabic_only: bool = False) -> bool:
    return any(e.list == kind and (e.script == "arabic" or not arabic_only) for e in doc.entries)


@rule(
    code="CN201",
    name="unlisted-source",
    severity="warning",
    family=FAMILY,
    summary="A footnote or in-text citation whose source is in no list of the article.",
    why="Every work cited should be in the bibliography, so that readers and indexers can find it; an unlisted source is usually a forgotten entry.",
    example="(2) China's Position on Russia's Invasion of Ukraine، U.S.China Economic And Security Review Commission, 2024 <https://goo.su/KS8kQo>\n# neither المصادر nor Bibliography lists it",
)
def unlisted_source(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    from citenorm.models import InTextCitation

    doc = result.document
    if not doc.entries:
        return  # citations-without-list reports the article once
    cmap = citation_map(result)
    unlisted = set(result.unlisted)
    for c in _citers(doc):
        if c.id in unlisted or (isinstance(c, InTextCitation) and not cmap.cites(c.id)):
            line, col, length = _where(doc, c)
            yield Hit(
                f"the source of {_label(c)} is in no list",
                line=line,
                column=col,
                length=length,
                related=((c.id, c.line),),
            )


@rule(
    code="CN202",
    name="source-missing-from-original-list",
    severity="warning",
    family=FAMILY,
    summary="A footnote or in-text citation whose source is in the romanized list only, not in the article's own (Arabic) list.",
    why="The romanized list renders the original list; a work found only there was left out of the list that the article's readers use.",
    example='(1) احمد دهشان ، روسيا والصين في الشرق الاوسط … <https://2u.pw/E8E1XNUA>\n# only "Ahmed Dahshan, Russia and China in the Middle East …" in Bibliography',
)
def missing_from_original(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    if not _has_list(doc, "original") or not _has_list(doc, "romanized"):
        return
    cmap = citation_map(result)
    entries = entries_by_id(doc)
    for c in _citers(doc):
        cited = [entries[i] for i in cmap.cites(c.id) if i in entries]
        if cited and all(e.list == "romanized" for e in cited):
            line, col, length = _where(doc, c)
            yield Hit(
                f"the source of {_label(c)} is in the romanized list only"
                f" ({', '.join(e.id for e in cited)}), not in the original list",
                line=line,
                column=col,
                length=length,
                related=((c.id, c.line), *related(*cited)),
            )


@rule(
    code="CN203",
    name="source-missing-from-romanized-list",
    severity="warning",
    family=FAMILY,
    summary="A footnote or in-text citation whose Arabic source is in the original list but has no counterpart in the romanized list.",
    why="Journals that print a romanized list expect every Arabic work in it, so that indexes that read Latin script only see all the sources.",
    example='(1) زيدون سلمان محمد ، روسيا والصين … ٢٠٢٤\n# in المصادر, but no "Mohammed, Zeidun Salman …" in Bibliography',
)
def missing_from_romanized(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    if not _has_list(doc, "romanized") or not _has_list(doc, "original", arabic_only=True):
        return
    cmap = citation_map(result)
    entries = entries_by_id(doc)
    for c in _citers(doc):
        cited = [entries[i] for i in cmap.cites(c.id) if i in entries]
        if not cited or any(e.list == "romanized" for e in cited):
            continue
        if not any(e.script == "arabic" for e in cited):
            continue  # foreign works of the original list are not romanized
        line, col, length = _where(doc, c)
        yield Hit(
            f"the source of {_label(c)} ({', '.join(e.id for e in cited)}) "
            "has no counterpart in the romanized list",
            line=line,
            column=col,
            length=length,
            related=((c.id, c.line), *related(*cited)),
        )


@rule(
    code="CN204",
    name="uncited-entry",
    severity="info",
    family=FAMILY,
    summary="A list entry that no footnote or in-text citation cites (checked only when the article cites at all).",
    why="A bibliography lists the works cited; an uncited entry is padding, or the footnote that cites it was lost or cites it too differently to be recognised.",
    example="3. الهميسات، محمد عبدالله ،أثر العلاقات الروسية _الصينية … ٢٠١٩ .\n# no footnote cites الهميسات",
)
def uncited_entry(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    cmap = citation_map(result)
    if not cmap.has_citations(doc):
        return
    for e in doc.entries:
        if cmap.is_cited(e.id):
            continue
        partner = cmap.partner(e.id)
        if partner is not None and cmap.is_cited(partner):
            continue
        raw = doc.lines[e.line - 1] if 1 <= e.line <= len(doc.lines) else ""
        start = len(raw) - len(raw.lstrip()) + 1
        yield Hit(
            f"entry {e.id} is never cited",
            line=e.line,
            column=start,
            length=None,
            related=related(e),
        )
