"""Pair scores: how much the evidence says two records describe the same work.

Each feature adds log-odds (positive when it agrees, negative when it disagrees, zero
when either side lacks it); the sum maps to a 0-100 score through a logistic curve, so
that 50 is "as likely as not". Names, numbers, URLs, places and publishers carry pairs
whose titles are translated rather than transliterated: a title that does not sound
alike costs nothing, one that does adds evidence.

``evidence`` lists, per feature, ``agree``/``differ`` and the compared values, so a
user (and the audit) can see why a pair was made or refused.

Two entry points, one computation (:func:`_log_odds`): :func:`score_pair` is the plain
one, the score with its evidence, for the pairs and citations that are made;
:func:`pair_score` is its fast path for the candidate search, the score alone or
``None`` as soon as a pair provably cannot reach a floor. A property test holds them
equal (``tests/test_matching.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz, process

from citenorm.matching.features import Features
from citenorm.text.skeleton import similarity_matrix, skeleton_similarity

__all__ = ["CROSS", "SAME", "names_similarities", "pair_score", "score_pair"]

CROSS = "cross"  # Arabic original vs romanized/translated
SAME = "same"  # same script (footnote vs entry in its own script)

_BIAS = 3.0  # prior log-odds against an arbitrary pair


def _logistic(x: float) -> float:
    return 100.0 / (1.0 + math.exp(-x))


def _sim(a: str, b: str, mode: str) -> float:
    if not a or not b:
        return 0.0
    if mode == CROSS:
        return skeleton_similarity(a, b)
    return float(fuzz.token_set_ratio(a, b, processor=None))


def _numbers_equal(a: str, b: str) -> bool:
    return a == b or a.replace(" ", "") == b.replace(" ", "")


def _edit1(a: str, b: str) -> bool:
    return fuzz.ratio(a, b, processor=None) >= 100 * (1 - 2 / max(len(a) + len(b), 1))


# what each similarity feature can add at most (the bound that rejects a pair early)
_NAMES_MAX = 4.0
_AS_TITLE = 2.0
_TITLE_MAX = {CROSS: 4.5 + 1.0 + 0.8, SAME: 4.5 + 0.8}  # title, long title, title numbers
_PUBLISHER_MAX = 1.6 + 1.0
_TERMS_MAX = 1.0
_CONTAINER_MAX = 1.5
# evidence keys in the order they are shown
_ORDER = (
    "names",
    "title",
    "title_numbers",
    "year",
    "hijri",
    "issue",
    "volume",
    "edition",
    "URL",
    "place",
    "publisher",
    "type",
    "section",
)


def score_pair(a: Features, b: Features, *, mode: str = CROSS) -> tuple[float, dict[str, Any]]:
    """Score ``a`` against ``b``; return (0-100 score, evidence)."""
    ev: dict[str, Any] = {}
    total = _log_odds(a, b, mode, None, ev)
    assert total is not None  # without a floor, never cut short
    return _logistic(total), {k: ev[k] for k in _ORDER if k in ev}


def names_similarities(
    left: Sequence[Features], right: Sequence[Features], *, mode: str = CROSS
) -> list[list[float]]:
    """The names similarity of every pair (as :func:`pair_score` computes it for
    persons), in a few vectorised passes: for :func:`pair_score`'s ``names``."""
    if mode == CROSS:
        # plain lists: similarity_matrix spares a short list the import of numpy
        families = similarity_matrix([f.family_key for f in left], [f.family_key for f in right])
        names = similarity_matrix([f.names_key for f in left], [f.names_key for f in right])
        return [
            [max(f, 0.85 * w) for f, w in zip(f_row, w_row, strict=True)]
            for f_row, w_row in zip(families, names, strict=True)
        ]
    import numpy as np  # imported when lists are compared, not at import time

    fam = process.cdist(
        [f.family_fold for f in left],
        [f.family_fold for f in right],
        scorer=fuzz.ratio,
        processor=None,
        dtype=np.float64,
    )
    whole = process.cdist(
        [f.names_fold for f in left],
        [f.names_fold for f in right],
        scorer=fuzz.token_sort_ratio,
        processor=None,
        dtype=np.float64,
    )
    same: list[list[float]] = np.maximum(fam * 0.6 + whole * 0.4, whole).tolist()
    return same


def pair_score(
    a: Features,
    b: Features,
    *,
    mode: str = CROSS,
    floor: float = 0.0,
    names: float | None = None,
) -> float | None:
    """The 0-100 score of :func:`score_pair` without its evidence, or ``None`` when the
    pair cannot reach ``floor``: the exact features are summed first, and the
    similarity features (names, title, publisher, journal) are computed only while
    their largest possible weight could still lift the pair to ``floor``. Most pairs
    of a list are rejected before their title is compared. ``names``: the pair's value
    from :func:`names_similarities`, when the caller has it.
    """
    if floor <= 0.0:
        bound = None
    elif floor >= 100.0:
        bound = math.inf
    else:
        bound = math.log(floor / (100.0 - floor)) - 1e-9
    total = _log_odds(a, b, mode, bound, None, names)
    return None if total is None else _logistic(total)


def _log_odds(
    a: Features,
    b: Features,
    mode: str,
    floor: float | None,
    ev: dict[str, Any] | None,
    names: float | None = None,
) -> float | None:
    """The pair's summed log-odds; ``None`` as soon as it provably stays below ``floor``
    (log-odds). Evidence goes to ``ev`` when given."""
    total = -_BIAS
    cross = mode == CROSS

    # exact features first: they are cheap and often settle a pair
    if a.year and b.year:
        if a.year == b.year:
            total += 2.5
            if ev is not None:
                ev["year"] = {"agree": True, "value": a.year}
        else:
            total -= 3.0 if abs(a.year - b.year) > 1 else 1.5
            if ev is not None:
                ev["year"] = {"agree": False, "arabic": a.year, "latin": b.year}
    if a.hijri and b.hijri:
        ok = a.hijri == b.hijri
        # the Hijri year says little more when the Gregorian one already agrees
        total += (0.4 if a.year and a.year == b.year else 1.0) if ok else -1.0
        if ev is not None:
            ev["hijri"] = {"agree": ok}
    if a.issue and b.issue:
        eq = _numbers_equal(a.issue, b.issue)
        total += 2.0 if eq else -2.0
        if ev is not None:
            ev["issue"] = {"agree": eq, "arabic": a.issue, "latin": b.issue}
    if a.volume and b.volume:
        eq = _numbers_equal(a.volume, b.volume)
        total += 1.2 if eq else -1.2
        if ev is not None:
            ev["volume"] = {"agree": eq, "arabic": a.volume, "latin": b.volume}
    if a.edition and b.edition:
        eq = _numbers_equal(a.edition, b.edition)
        total += 0.6 if eq else -0.6
        if ev is not None:
            ev["edition"] = {"agree": eq, "arabic": a.edition, "latin": b.edition}
    if a.url and b.url:
        if a.url == b.url:
            total += 6.0
            if ev is not None:
                ev["URL"] = {"agree": True}
        elif _edit1(a.url, b.url):
            total += 3.5
            if ev is not None:
                ev["URL"] = {"agree": False, "near": True}
        else:
            total -= 1.0
            if ev is not None:
                ev["URL"] = {"agree": False}
    if a.place and b.place:
        ok = a.place == b.place
        total += 1.0 if ok else -0.8
        if ev is not None:
            ev["place"] = {"agree": ok}
    if a.type and b.type:
        ok = a.type == b.type
        total += 0.4 if ok else -0.8
        if ev is not None:
            ev["type"] = {"agree": ok}
    if a.section_rank is not None and b.section_rank is not None:
        ok = a.section_rank == b.section_rank
        total += 0.4 if ok else -0.4
        if ev is not None:
            ev["section"] = {"agree": ok}

    # the similarity features, each while it can still matter
    both_titles = a.has_title and b.has_title
    both_publishers = bool(a.publisher and b.publisher)
    rest = (
        (_TITLE_MAX[mode] if both_titles else 0.0)
        + (_PUBLISHER_MAX if both_publishers else _TERMS_MAX if a.terms and b.terms else 0.0)
        + (_CONTAINER_MAX if a.container_key and b.container_key else 0.0)
    )
    if floor is not None:
        names_max = (
            _NAMES_MAX
            if a.has_author and b.has_author
            else _AS_TITLE
            if a.has_author != b.has_author
            else 0.0
        )
        if total + names_max + rest < floor:
            return None
    swapped = False
    if a.has_author and b.has_author:
        if cross:
            s = (
                max(
                    _sim(a.family_key, b.family_key, mode),
                    0.85 * _sim(a.names_key, b.names_key, mode),
                )
                if names is None
                else names
            )
            w = min(4.0, (s - 62.0) / 7.0)
            if a.corporate or b.corporate:
                # a body's name is translated as often as transliterated: compare concepts
                shared = a.name_terms & b.name_terms
                union = a.name_terms | b.name_terms
                if union and len(shared) >= 2:
                    s = max(s, 100.0 * len(shared) / len(union))
                w = max(-2.0, min(4.0, (s - 62.0) / 7.0))
            elif s < 55.0:
                # clearly other people: a shared publisher and year must not outweigh it
                w = -4.0 - (55.0 - s) / 5.0
        else:
            # same script: the family names must agree, not just a shared given name
            if names is None:
                fam = float(fuzz.ratio(a.family_fold, b.family_fold, processor=None))
                whole = float(fuzz.token_sort_ratio(a.names_fold, b.names_fold, processor=None))
                s = max(fam * 0.6 + whole * 0.4, whole)
            else:
                s = names
            w = max(-4.0, min(4.0, (s - 72.0) / 5.0))
        total += w
        if ev is not None:
            ev["names"] = {"similarity": round(s, 1), "agree": s >= 70}
        if a.n_authors and b.n_authors and a.n_authors != b.n_authors:
            total -= 0.5
    elif a.has_author != b.has_author:
        named, other = (a, b) if a.has_author else (b, a)
        # a parse that took the author for the title: compare the name with the title
        if cross:
            s = _sim(named.names_key, other.title_key, mode)
        else:
            s = _sim(named.names_fold, other.title_fold, mode)
        if other.has_title and s >= 85.0:
            total += _AS_TITLE
            if ev is not None:
                ev["names"] = {"similarity": round(s, 1), "agree": True, "as_title": True}
            swapped = True
        else:
            total -= 0.7
            if ev is not None:
                ev["names"] = {"agree": False, "missing": "arabic" if not a.has_author else "latin"}
    if floor is not None and total + rest < floor:
        return None

    if both_titles:
        if cross:
            s = _sim(a.title_key, b.title_key, mode)
            w = max(0.0, min(4.5, (s - 45.0) / 9.0))
            if s >= 70 and min(len(a.title_key.split()), len(b.title_key.split())) >= 5:
                w += 1.0  # a long title that sounds alike is hard to match by chance
            if a.has_author != b.has_author and not swapped and s < 55.0:
                w -= 2.0  # with one author missing, the title must carry the pair
        else:
            s = float(fuzz.token_sort_ratio(a.title_fold, b.title_fold, processor=None))
            short, long_ = sorted((a.title_fold, b.title_fold), key=len)
            if len(short) >= 12 and len(short) < 0.8 * len(long_):
                # a footnote may shorten a long title (or an entry add its subtitle)
                s = max(s, 0.95 * float(fuzz.partial_ratio(short, long_, processor=None)))
            w = max(-3.5, min(4.5, (s - 65.0) / 6.0))
        total += w
        if ev is not None:
            ev["title"] = {"similarity": round(s, 1), "agree": s >= 60}
        shared = a.title_numbers & b.title_numbers
        if shared:
            total += 0.8
            if ev is not None:
                ev["title_numbers"] = {"agree": True, "values": sorted(shared)}
        elif a.title_numbers and b.title_numbers:
            total -= 0.6
            if ev is not None:
                ev["title_numbers"] = {"agree": False}
        rest -= _TITLE_MAX[mode]
        if floor is not None and total + rest < floor:
            return None

    if both_publishers:
        s = _sim(a.publisher_key, b.publisher_key, mode)
        shared_terms = a.terms & b.terms
        w = max(0.0, min(1.6, (s - 55.0) / 12.0)) + min(1.0, 0.4 * len(shared_terms))
        total += w
        if ev is not None:
            ev["publisher"] = {
                "similarity": round(s, 1),
                "shared_terms": sorted(shared_terms),
                "agree": w >= 1.0,
            }
    elif a.terms and b.terms:
        total += min(1.0, 0.4 * len(a.terms & b.terms))

    if a.container_key and b.container_key:
        s = _sim(a.container_key, b.container_key, mode)
        total += max(0.0, min(1.5, (s - 55.0) / 12.0))
    return total
