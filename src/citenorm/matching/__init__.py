"""Cross-script matching: pair Arabic entries with their romanizations, link citations.

:func:`match` is the entry point; the package's modules are its stages:
:mod:`~citenorm.matching.features` (on the script-neutral keys of :mod:`citenorm.text.skeleton`),
:mod:`~citenorm.matching.scoring`, :mod:`~citenorm.matching.assign` (optimal one-to-one) and
:mod:`~citenorm.matching.citations` (footnotes and in-text citations to entries).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any

from citenorm._keyed import inline
from citenorm.matching.assign import BLOCKING_THRESHOLD, Made, assign_pairs
from citenorm.matching.citations import link_footnotes, link_in_text
from citenorm.matching.features import Features, _entry_id, features_of
from citenorm.matching.repeats import find_repeats
from citenorm.matching.scoring import CROSS, names_similarities, pair_score, score_pair
from citenorm.memo import MemoBound
from citenorm.models import Document, MatchResult, Pair
from citenorm.progress import Progress, Ticker

#: the features a pair of entries is expected to be compared on
_EXPECTED = ("names", "title", "year", "place", "publisher")
# a feature of the pair counts as telling it from its rival when its similarity is
# this much higher (or it agrees where the rival's does not)
_APART = 10.0

__all__ = ["DEFAULT_CUTOFF", "match"]

#: pairs scoring below this (0-100) are not made
DEFAULT_CUTOFF = 60.0
#: a long document's memos of compared keys are emptied after this many pairs explained
_RELEASE_EVERY = 256


def _section_ranks(doc: Document) -> dict[str, int]:
    """Rank of each sub-section within its list, when the list has several (a section
    not there: none)."""
    ranks: dict[str, int] = {}
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
    for sec, top in parent.items():
        if len(by_list[top]) >= 2:
            ranks[sec] = by_list[top].index(sec)
    return ranks


def match(
    document: Document, *, cutoff: float = DEFAULT_CUTOFF, progress: Progress | None = None
) -> MatchResult:
    """Pair the document's Arabic entries with their romanized entries; link citations.

    Pairs are one-to-one and optimal over the whole list; an entry with no partner
    scoring at least ``cutoff`` (0-100) stays unpaired. Only Arabic-script entries of
    the original list pair, with entries of a romanized list; foreign works of the
    original list are not expected to pair. ``progress(stage, done, total)`` is told
    how the ``pair`` and ``cite`` stages advance (:mod:`citenorm.progress`). Raises
    :class:`TypeError` when ``document`` is not a :class:`~citenorm.models.Document`
    (``match(extract(text))``).
    """
    if not isinstance(document, Document):
        raise TypeError(
            f"match() takes the Document that extract() returns, not {type(document).__name__}"
        )
    # the per-string memos keep to this document's share (memory: memo.py)
    bound = MemoBound(sum(map(len, document.lines)) + len(document.lines))
    ranks = _section_ranks(document)
    # the entries are read once (each record built as it is read: models.Entries), and
    # no record is held while match runs, only its features, by row
    feats: list[Features] = []
    arabic = array("i")  # rows of the Arabic entries of the original list
    romanized = array("i")
    foreign = array("i")  # of the original list, in Latin script
    # (each entry's features read its title, names and id from the entries when asked,
    # not a copy of them: ~450 bytes a record of a long list; match makes the ids of the
    # entries it returns once the features are gone)
    entries = document.entries
    # (the keys of the features made so far, by value: a key that comes again is held once)
    keys: dict[str, str] = {}
    for row, e in enumerate(entries):
        rank = ranks.get(e.section) if e.section else None
        feats.append(features_of(e, section_rank=rank, entries=entries, row=row, shared=keys))
        if e.list == "romanized":
            romanized.append(row)
        elif e.list == "original":
            (arabic if e.script == "arabic" else foreign).append(row)
        bound()
    del ranks, keys
    # a long document's features are made of strings of its own, which the memos filled
    # with (a skeleton, a fold, a lexicon key of each title and name) and the scoring
    # does not read again: emptied before the candidates are found (~1.8x a 1 MB list
    # at match's peak; a short document's are kept, as extraction's: memo.py)
    bound.release("citenorm.")
    # foreign works of the original list printed again in the romanized list are the same
    # works: kept out of the pairing, and cited together with their original
    repeats = find_repeats([feats[r] for r in foreign], [feats[r] for r in romanized])
    repeated = {r.romanized for r in repeats}
    latin = (
        array("i", (r for r in romanized if feats[r].id not in repeated)) if repeated else romanized
    )
    del foreign, romanized, repeated
    left: list[Features] = [feats[r] for r in arabic]
    right: list[Features] = [feats[r] for r in latin]
    # the features of every entry, by id, for the footnotes to link (none: the features
    # of the entries paired are all match needs; the list of every entry's goes)
    by_id = {f.id: f for f in feats} if len(document.footnotes) else {}
    feats.clear()

    # names compared in one vectorised pass when every pair is scored (no blocking)
    # (keyed by the features themselves, alive while pairs are scored: no id is made)
    sims: dict[tuple[int, int], float] = {}
    if left and right and len(left) * len(right) <= BLOCKING_THRESHOLD:
        matrix = names_similarities(left, right, mode=CROSS)
        sims = {
            (id(a), id(b)): matrix[i][j] for i, a in enumerate(left) for j, b in enumerate(right)
        }

    # the stage advances by Arabic entries: one tick the first time each is scored (the
    # candidates come by Arabic entry, in order: the last one scored is enough, where a
    # set of the ids held ~0.5x a 1 MB list)
    tick = Ticker(progress, "pair", len(left) if right else 0)
    last: list[Features | None] = [None]

    def scorer(a: Features, b: Features) -> float | None:
        if a is not last[0]:
            last[0] = a
            tick()
            bound()
        return pair_score(a, b, mode=CROSS, floor=cutoff, names=sims.get((id(a), id(b))))

    shared = _Shared()

    explained: list[None] = []

    def explain(a: Features, b: Features) -> tuple[float, dict[str, object]]:
        # the items shared at once: every pair made and its rival are explained before
        # the first Pair is built (and equal evidence one dict: each made pair held two
        # of its own, ~1x a 1 MB list at match's peak)
        score, ev = score_pair(a, b, mode=CROSS)
        explained.append(None)
        if len(explained) >= _RELEASE_EVERY:
            # the keys compared for the evidence: each pair's own, rarely again (a long
            # document's memo of them filled up again beside every entry's features: ~1x
            # a 1 MB list at match's peak)
            explained.clear()
            bound.release("citenorm.text.skeleton.")
        return score, shared.evidence({k: shared.item(v) for k, v in ev.items()})

    def scored_all() -> None:
        # the keys the scoring compared, memoized once each (4,096 of them: ~1.1x a 1 MB
        # list, whatever its length) go before the assignment is made; the few the
        # evidence of the pairs made compares again are made again
        bound.release("citenorm.text.skeleton.")

    made = assign_pairs(left, right, scorer, cutoff=cutoff, explain=explain, scored_all=scored_all)
    # the features go once scored and explained (a pair needs its entries' ids only),
    # all of them when no footnote is to be linked (~7x a 1 MB list beside the pairs)
    del left, right, scorer, explain
    sims.clear()
    last.clear()
    # each made pair (its rival's evidence with it) goes as its Pair is built; the ids of
    # its entries made now
    made.reverse()
    pairs: list[Pair] = []

    def ids(row: int) -> str:
        return _entry_id(entries, row)

    while made:
        pairs.append(_pair(made.pop(), arabic, latin, shared, ids))
    tick.finish()
    bound.check()
    # a citation of either copy of a repeated work cites both, as a pair's two entries
    together = [
        *pairs,
        *(Pair(arabic=r.original, latin=r.romanized, score=r.score) for r in repeats),
    ]
    citations, unlisted = link_footnotes(document, by_id, together, progress=progress)
    del by_id
    bound.check()
    citations.extend(link_in_text(document, document.entries, together))
    paired_a = {p.arabic for p in pairs}
    paired_l = {p.latin for p in pairs}
    return MatchResult.model_construct(
        document=document,
        pairs=pairs,
        citations=citations,
        unlisted=unlisted,
        unpaired_arabic=[i for i in map(ids, arabic) if i not in paired_a],
        unpaired_latin=[i for i in map(ids, latin) if i not in paired_l],
        repeats=repeats,
    )


#: the fields a made pair gives (all of them): its records share this set (pydantic's
#: ``model_fields_set``, one per record otherwise: 728 bytes)
_PAIR_FIELDS = {"arabic", "latin", "score", "evidence", "similarity", "rival", "rival_score"}


class _Shared:
    """Equal evidence items shared by the pairs of one :func:`match`.

    A pair's evidence is a dict of small dicts (``{"agree": True}``,
    ``{"similarity": 83.3, "agree": True}``) and two lists of feature names, mostly
    equal from one pair to the next: one object for each distinct value saves about
    2 KB a pair (a list of thousands of entries held ~3.6 KB a pair). Items holding
    anything but scalars and lists of strings are kept as they are."""

    __slots__ = ("_evidence", "_items", "_lists", "_numbers")

    def __init__(self) -> None:
        self._items: dict[tuple[tuple[str, object], ...], dict[str, Any]] = {}
        self._lists: dict[tuple[str, ...], list[str]] = {}
        self._evidence: dict[int, dict[str, Any]] = {}
        self._numbers: dict[float, float] = {}

    def item(self, value: object) -> object:
        if not isinstance(value, dict):
            return value
        # types in the key: 1 == 1.0 == True must not share
        key = []
        for k, v in value.items():
            if isinstance(v, list):
                if not all(isinstance(x, str) for x in v):
                    return value
                key.append((k, (list, tuple(v))))
            elif isinstance(v, dict | set):
                return value
            else:
                key.append((k, (type(v), v)))
        return self._items.setdefault(tuple(key), value)

    def names(self, names: list[str]) -> list[str]:
        return self._lists.setdefault(tuple(names), names)

    def evidence(self, ev: dict[str, Any]) -> dict[str, Any]:
        """``ev``, or an evidence dict given before holding the same items (the same
        objects, in the same order: equal items are one object, :meth:`item`). Told by
        a hash of the items' ids (a key of the ids held ~300 bytes a dict); on a
        collision, ``ev`` itself. ~260 bytes a pair of a long list."""
        h = hash((*ev, *map(id, ev.values())))
        got = self._evidence.setdefault(h, ev)
        if got is ev or (
            len(got) == len(ev)
            and all(
                k == g and v is w for (k, v), (g, w) in zip(ev.items(), got.items(), strict=True)
            )
        ):
            return got
        return ev

    def number(self, x: float) -> float:
        """``x``, or an equal positive float given before (24 bytes a score)."""
        return self._numbers.setdefault(x, x) if x > 0.0 else x


def _pair(
    m: Made, left: array[int], right: array[int], shared: _Shared, ids: Callable[[int], str]
) -> Pair:
    """The :class:`~citenorm.models.Pair` of a made pair (``left``, ``right``: the rows
    of the entries its indices are of, ``ids`` their ids): its confidence as its score, its similarity, its
    rival, and what decided it and what was missing in its evidence (equal evidence
    items, and equal evidence, shared with the other pairs: ``shared``)."""
    ev: dict[str, Any] = dict(m.evidence)  # (its items shared by explain)
    rival_id: str | None = None
    rival_score: float | None = None
    if m.rival is not None:
        ri, rj, rival_score = m.rival
        # the entry that competes: another romanization of the Arabic entry, or another
        # Arabic entry for the romanized one
        rival_id = ids(right[rj]) if ri == m.left else ids(left[ri])
    ev["decided"] = shared.names(_decided(m.evidence, m.rival_evidence))
    ev["missing"] = shared.names(_missing(m.evidence))
    # built from values of the right types: not validated again, with a shared fields
    # set and in the class's shared key table (every field, in the declared order)
    return inline(
        Pair,
        {
            "arabic": ids(left[m.left]),
            "latin": ids(right[m.right]),
            "score": shared.number(round(m.score, 1)),
            "evidence": shared.evidence(ev),
            "similarity": shared.number(round(m.similarity, 1)),
            "rival": rival_id,
            "rival_score": None if rival_score is None else shared.number(round(rival_score, 1)),
        },
        _PAIR_FIELDS,
    )


def _strength(item: object) -> float:
    """How strongly one feature of the evidence speaks for a pair (for comparison)."""
    if not isinstance(item, dict):
        return 0.0
    sim = item.get("similarity")
    if isinstance(sim, int | float):
        return float(sim)
    agree = item.get("agree")
    return 100.0 if agree is True else 0.0 if agree is False else 50.0


def _decided(ev: dict[str, object], rival: dict[str, object] | None) -> list[str]:
    """The features that speak for the pair: against its rival, those that are clearly
    stronger in the pair than in the rival pair (none: nothing told them apart); with no
    rival, those that agree."""
    if rival is None:
        return [k for k, v in ev.items() if isinstance(v, dict) and v.get("agree") is True]
    return [
        k
        for k, v in ev.items()
        if isinstance(v, dict)
        and v.get("agree") is not False
        and _strength(v) >= _strength(rival.get(k)) + _APART
    ]


def _missing(ev: dict[str, object]) -> list[str]:
    """The expected features that could not count: absent on a side, or (a title) not
    alike in sound, as a translated title is."""
    out = []
    for k in _EXPECTED:
        item = ev.get(k)
        absent = not isinstance(item, dict) or "missing" in item
        if absent or (k == "title" and _strength(item) < 45.0):
            out.append(k)
    return out
