"""CN4xx: a footnote against the list entries it cites.

Only full footnotes that cite one work are compared (a footnote citing several works
with ``؛`` cannot say which of its values belongs to which entry). Numbers are compared
with the entries of both scripts; spellings only with entries of the footnote's script,
after folding (hamza seats, ة/ه, ى/ي, عبد/أبو spacing, digits, diacritics), so only
what still differs after folding is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from citenorm.auditing.registry import Hit, rule
from citenorm.auditing.rules._common import (
    citation_map,
    entries_by_id,
    fold,
    locate,
    record_lines,
    related,
)
from citenorm.auditing.rules.pairs import FIELD_CHECKS, describe
from citenorm.text import _rx
from citenorm.text.normalize import script_of

if TYPE_CHECKING:
    from citenorm.config import AuditConfig
    from citenorm.models import Entry, Fields, Footnote, MatchResult, Name

FAMILY = "consistency"

_COMPONENT_SPLIT = _rx.compile(r"\s*[,،:؛;()]\s*")


def _cited(result: MatchResult) -> Iterator[tuple[Footnote, list[Entry]]]:
    """Full single-work footnotes with the entries they cite."""
    from citenorm.text.patterns import split_cites  # compiles its patterns: on first use

    cmap = citation_map(result)
    entries = entries_by_id(result.document)
    for f in result.document.footnotes:
        if f.kind != "full" or len(split_cites(f.text)) > 1:
            continue
        cited = [entries[i] for i in cmap.cites(f.id) if i in entries]
        if cited:
            yield f, cited


@rule(
    code="CN401",
    name="footnote-entry-field-mismatch",
    severity="warning",
    family=FAMILY,
    summary="A footnote and the entry it cites disagree on year, volume, issue, edition, URL or DOI (pages are not compared: a footnote cites a page of the work). Digits are compared in one system, ranges in either order.",
    why="One of the two is wrong: a mistyped URL leads nowhere, another year or issue sends the reader to another publication.",
    example="(1) نورهان ابو الفتوح، روسيا والصين ودبلوماسية القمم… ٢٠٢٤)، <https://zu.pw/4jMJ8gcZ>\nNurhan Abu al-Futuh, Russia, China and the diplomacy of summits… <https://2u.pw/4jMJ8gcZ>\n# zu.pw vs 2u.pw",
)
def footnote_field_mismatch(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    for f, cited in _cited(result):
        lines = record_lines(doc, f.line, f.raw)
        for label, key, printed in FIELD_CHECKS:
            if label == "pages":
                continue
            kf = key(f.fields)
            if kf is None:
                continue
            differing = [e for e in cited if key(e.fields) not in (None, kf)]
            if not differing:
                continue
            vf = printed(f.fields) or kf
            first = differing[0]
            ve = printed(first.fields) or key(first.fields) or ""
            names = ", ".join(e.id for e in differing)
            entry_name = f"entries {names}" if len(differing) > 1 else f"entry {names}"
            where = locate(doc, lines, [vf, kf])
            yield Hit(
                describe(label, vf, ve, f"footnote {f.marker}", entry_name),
                line=where.line if where else f.line,
                column=where.column if where else None,
                length=where.length if where else None,
                related=related(f, *differing),
            )


def _name_key(n: Name) -> str:
    text = n.literal or " ".join(p for p in (n.given, n.family) if p)
    return " ".join(sorted(fold(text).split()))


def _components(fields: Fields) -> list[str]:
    out: list[str] = []
    for value in (fields.publisher, fields.publisher_place, fields.container_title):
        if value:
            out.extend(p.strip() for p in _COMPONENT_SPLIT.split(value) if p.strip())
    return out


def _variant(a: str, b: str, threshold: float) -> bool:
    """Two folded values that differ only in the spelling of some words."""
    if a == b or a.replace(" ", "") == b.replace(" ", ""):
        return False
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or fuzz.ratio(a, b, processor=None) < threshold:
        return False
    differ = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
    return all(
        fuzz.ratio(x, y, processor=None) >= 60 and min(len(x), len(y)) >= 3 for x, y in differ
    )


@rule(
    code="CN402",
    name="footnote-entry-spelling-variant",
    severity="warning",
    family=FAMILY,
    summary="A footnote spells an author, publisher, university, place or journal of the entry it cites differently, after folding hamza forms, ة/ه, ى/ي, عبد/أبو spacing, digits and diacritics.",
    why="One of the spellings is a typo; it makes the work harder to find and splits one author or institution into two in indexes.",
    example="(2) سداد نوري جاسم ،العلاقات الروسية _الصينية … جامعة النهريين، ٢٠١٤ ، ص ٨\n2. جاسم ، سداد نوري ،العلاقات الروسية _الصينية … جامعة النهدين، بغداد، ٢٠١٤ .\n# النهريين vs النهدين",
)
def footnote_spelling_variant(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    threshold = cfg.spelling_similarity
    for f, cited in _cited(result):
        script = script_of(f.text)
        lines = record_lines(doc, f.line, f.raw)
        reported: set[tuple[str, str]] = set()
        for e in cited:
            if e.script != script:
                continue
            pairs: list[tuple[str, str, str]] = []
            for na in f.fields.author or []:
                ka = _name_key(na)
                keys = [(_name_key(nb), nb) for nb in e.fields.author or []]
                if not ka or not keys or any(kb == ka for kb, _ in keys):
                    continue
                kb, nb = max(keys, key=lambda k: fuzz.ratio(ka, k[0], processor=None))
                if _variant(ka, kb, threshold):
                    pairs.append(("author", na.display(), nb.display()))
            mine, theirs = _components(f.fields), _components(e.fields)
            folded = {fold(t): t for t in theirs}
            for c in mine:
                kc = fold(c)
                if (
                    not kc
                    or kc in folded
                    or kc.replace(" ", "") in {k.replace(" ", "") for k in folded}
                ):
                    continue
                best = max(folded, key=lambda k: fuzz.ratio(kc, k, processor=None), default=None)
                if best is not None and _variant(kc, best, threshold):
                    pairs.append(("name", c, folded[best]))
            for what, mine_v, theirs_v in pairs:
                if (mine_v, theirs_v) in reported:
                    continue
                reported.add((mine_v, theirs_v))
                where = locate(doc, lines, [_diff_word(mine_v, theirs_v), mine_v])
                label = "author" if what == "author" else "name"
                yield Hit(
                    f"{label} spelled differently: footnote {f.marker} has '{mine_v}', "
                    f"entry {e.id} has '{theirs_v}'",
                    line=where.line if where else f.line,
                    column=where.column if where else None,
                    length=where.length if where else None,
                    related=related(f, e),
                )


def _diff_word(a: str, b: str) -> str | None:
    """The first word of ``a`` whose folded form is not in ``b`` (for the caret)."""
    theirs = set(fold(b).split())
    for word in a.split():
        if fold(word) and fold(word) not in theirs:
            return word
    return None
