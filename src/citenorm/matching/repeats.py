"""Foreign works of the original list printed again in the romanized list.

A journal that asks for a romanized reference list (ACRPS's, for one) has authors end it
with the foreign works of the Arabic list's الأجنبية section, as they are: the romanized
list renders the whole original list, and a work already in Latin script is its own
rendering. Such an entry is a *repeat* of an entry of the original list, not a
romanization that lacks its Arabic entry.

Two Latin-script entries are one work when they compare as the same reference
(same-script scoring, :data:`REPEAT_CUTOFF`) *and* their titles agree
(:data:`TITLE_AGREEMENT`): one author's two books of one year score high on names,
year and place alone, and stay two works.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from citenorm.matching.assign import assign
from citenorm.matching.features import Features
from citenorm.matching.scoring import SAME, pair_score, score_pair
from citenorm.models import Repeat

__all__ = ["REPEAT_CUTOFF", "TITLE_AGREEMENT", "find_repeats"]

#: two entries this similar (0-100, same-script scoring) may be one work
REPEAT_CUTOFF = 90.0
#: ... when their titles are at least this similar (0-100)
TITLE_AGREEMENT = 90.0


def _title_similarity(evidence: dict[str, Any]) -> float:
    title = evidence.get("title")
    if not isinstance(title, dict):
        return 0.0  # a work without a title is never taken for another's repeat
    value = title.get("similarity", 0.0)
    return float(value) if isinstance(value, int | float) else 0.0


def find_repeats(originals: Sequence[Features], romanized: Sequence[Features]) -> list[Repeat]:
    """The entries of ``romanized`` (the romanized list) that repeat one of
    ``originals`` (the Latin-script entries of the original list), one to one."""
    if not originals or not romanized:
        return []

    def scorer(a: Features, b: Features) -> float | None:
        score = pair_score(a, b, mode=SAME, floor=REPEAT_CUTOFF)
        if score is None:
            return None
        _, evidence = score_pair(a, b, mode=SAME)
        return score if _title_similarity(evidence) >= TITLE_AGREEMENT else None

    def explain(a: Features, b: Features) -> tuple[float, dict[str, Any]]:
        return score_pair(a, b, mode=SAME)

    found = assign(originals, romanized, scorer, cutoff=REPEAT_CUTOFF, explain=explain)
    return [
        Repeat(original=originals[i].id, romanized=romanized[j].id, score=round(s, 1))
        for i, j, s, _ in sorted(found, key=lambda m: m[1])
    ]
