"""Cross-script matching: pair Arabic entries with their romanizations, link citations.

:func:`match` is the entry point; the package's modules are its stages:
:mod:`~citenorm.matching.features` (on the script-neutral keys of :mod:`citenorm.text.skeleton`),
:mod:`~citenorm.matching.scoring`, :mod:`~citenorm.matching.assign` (optimal one-to-one) and
:mod:`~citenorm.matching.citations` (footnotes and in-text citations to entries).
"""

from __future__ import annotations

from citenorm.matching.assign import BLOCKING_THRESHOLD, assign
from citenorm.matching.citations import link_footnotes, link_in_text
from citenorm.matching.features import Features, features_of
from citenorm.matching.repeats import find_repeats
from citenorm.matching.scoring import CROSS, names_similarities, pair_score, score_pair
from citenorm.models import Document, Entry, MatchResult, Pair
from citenorm.progress import Progress, Ticker

__all__ = ["DEFAULT_CUTOFF", "match"]

#: pairs scoring below this (0-100) are not made
DEFAULT_CUTOFF = 60.0


def _section_ranks(doc: Document) -> dict[str, int | None]:
    """Rank of each entry's sub-section within its list, when the list has several."""
    ranks: dict[str, int | None] = {}
    by_list: dict[str, list[str]] = {}
    parent: dict[str, str] = {}
    top: str | None = None
    for s in doc.sections:
        if s.level == 1:
            top = s.id
            by_list[top] = []
        elif top is not None:
            by_list[top].append(s.id)
            parent[s.id] = top
    for e in doc.entries:
        sec = e.section
        if sec and sec in parent and len(by_list[parent[sec]]) >= 2:
            ranks[e.id] = by_list[parent[sec]].index(sec)
        else:
            ranks[e.id] = None
    return ranks


def match(
    document: Document, *, cutoff: float = DEFAULT_CUTOFF, progress: Progress | None = None
) -> MatchResult:
    """Pair the document's Arabic entries with their romanized entries; link citations.

    Pairs are one-to-one and optimal over the whole list; an entry with no partner
    scoring at least ``cutoff`` (0-100) stays unpaired. Only Arabic-script entries of
    the original list pair, with entries of a romanized list; foreign works of the
    original list are not expected to pair. ``progress(stage, done, total)`` is told
    how the ``pair`` and ``cite`` stages advance (:mod:`citenorm.progress`).
    """
    ranks = _section_ranks(document)
    arabic: list[Entry] = [
        e for e in document.entries if e.list == "original" and e.script == "arabic"
    ]
    feats = {e.id: features_of(e, section_rank=ranks.get(e.id)) for e in document.entries}
    # foreign works of the original list printed again in the romanized list are the same
    # works: kept out of the pairing, and cited together with their original
    romanized = [e for e in document.entries if e.list == "romanized"]
    foreign = [e for e in document.entries if e.list == "original" and e.script == "latin"]
    repeats = find_repeats([feats[e.id] for e in foreign], [feats[e.id] for e in romanized])
    repeated = {r.romanized for r in repeats}
    latin: list[Entry] = [e for e in romanized if e.id not in repeated]
    left: list[Features] = [feats[e.id] for e in arabic]
    right: list[Features] = [feats[e.id] for e in latin]

    # names compared in one vectorised pass when every pair is scored (no blocking)
    sims: dict[tuple[str, str], float] = {}
    if left and right and len(left) * len(right) <= BLOCKING_THRESHOLD:
        matrix = names_similarities(left, right, mode=CROSS)
        sims = {(a.id, b.id): matrix[i][j] for i, a in enumerate(left) for j, b in enumerate(right)}

    # the stage advances by Arabic entries: one tick the first time each is scored
    tick = Ticker(progress, "pair", len(left) if right else 0)
    scored: set[str] = set()

    def scorer(a: Features, b: Features) -> float | None:
        if a.id not in scored:
            scored.add(a.id)
            tick()
        return pair_score(a, b, mode=CROSS, floor=cutoff, names=sims.get((a.id, b.id)))

    def explain(a: Features, b: Features) -> tuple[float, dict[str, object]]:
        return score_pair(a, b, mode=CROSS)

    pairs = [
        Pair(arabic=left[i].id, latin=right[j].id, score=round(s, 1), evidence=ev)
        for i, j, s, ev in assign(left, right, scorer, cutoff=cutoff, explain=explain)
    ]
    tick.finish()
    # a citation of either copy of a repeated work cites both, as a pair's two entries
    together = [
        *pairs,
        *(Pair(arabic=r.original, latin=r.romanized, score=r.score) for r in repeats),
    ]
    citations, unlisted = link_footnotes(document, feats, together, progress=progress)
    citations.extend(link_in_text(document, document.entries, together))
    paired_a = {p.arabic for p in pairs}
    paired_l = {p.latin for p in pairs}
    return MatchResult(
        document=document,
        pairs=pairs,
        citations=citations,
        unlisted=unlisted,
        unpaired_arabic=[e.id for e in arabic if e.id not in paired_a],
        unpaired_latin=[e.id for e in latin if e.id not in paired_l],
        repeats=repeats,
    )
