"""One-to-one assignment of Arabic entries to romanized entries.

The assignment maximises the total log-odds over all pairs above the cutoff
(:func:`scipy.optimize.linear_sum_assignment`), so an entry never takes a partner that a
better overall pairing needs, and nothing below the cutoff is ever forced into a pair.

For long lists, candidate pairs are blocked: a vectorised first pass
(:func:`rapidfuzz.process.cdist` over name and title keys) keeps at most
``MAX_CANDIDATES`` partners per entry on each side, and only those are scored in full.
The number of fully scored pairs is therefore at most ``2 * MAX_CANDIDATES * (n + m)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rapidfuzz import fuzz, process

from citenorm.matching.features import Features

__all__ = [
    "BLOCKING_THRESHOLD",
    "MAX_CANDIDATES",
    "Explainer",
    "Scorer",
    "assign",
    "candidate_pairs",
]

#: lists with more pairs than this are blocked before full scoring
BLOCKING_THRESHOLD = 40_000
#: partners kept per entry by blocking (each side)
MAX_CANDIDATES = 12

#: the 0-100 score of a pair, or ``None`` when it is below the cutoff
Scorer = Callable[[Features, Features], float | None]
#: the score of a pair and its evidence
Explainer = Callable[[Features, Features], tuple[float, dict[str, Any]]]


def candidate_pairs(left: Sequence[Features], right: Sequence[Features]) -> list[tuple[int, int]]:
    """Pairs worth scoring: all of them for short lists, a blocked subset for long ones."""
    n, m = len(left), len(right)
    if n == 0 or m == 0:
        return []
    if n * m <= BLOCKING_THRESHOLD:
        return [(i, j) for i in range(n) for j in range(m)]
    import numpy as np  # numpy is imported when a long list needs it, not at import time

    keys_l = [f"{f.family_key} {f.title_key[:40]}" for f in left]
    keys_r = [f"{f.family_key} {f.title_key[:40]}" for f in right]
    sim = process.cdist(
        keys_l, keys_r, scorer=fuzz.ratio, processor=None, dtype=np.uint8, workers=1
    )
    sim = sim.astype(np.int16)
    years_l = np.array([f.year or -1 for f in left])
    years_r = np.array([f.year or -2 for f in right])
    sim += np.where(years_l[:, None] == years_r[None, :], 25, 0).astype(np.int16)
    k = min(MAX_CANDIDATES, m)
    rows = np.argpartition(-sim, k - 1, axis=1)[:, :k]
    pairs = {(i, int(j)) for i in range(n) for j in rows[i]}
    k = min(MAX_CANDIDATES, n)
    cols = np.argpartition(-sim, k - 1, axis=0)[:k, :]
    pairs.update((int(i), j) for j in range(m) for i in cols[:, j])
    return sorted(pairs)


def assign(
    left: Sequence[Features],
    right: Sequence[Features],
    scorer: Scorer,
    *,
    cutoff: float,
    explain: Explainer,
) -> list[tuple[int, int, float, dict[str, Any]]]:
    """Optimal one-to-one pairs (left index, right index, score, evidence) above ``cutoff``.

    ``scorer`` scores every candidate pair (``None``: below the cutoff, however low);
    ``explain`` gives the evidence of the pairs made, and only of those.
    """
    cands = candidate_pairs(left, right)
    if not cands:
        return []
    import numpy as np

    scored: dict[tuple[int, int], float] = {}
    weight = np.zeros((len(left), len(right)), dtype=np.float64)
    for i, j in cands:
        s = scorer(left[i], right[j])
        if s is not None and s >= cutoff:
            scored[(i, j)] = s
            # log-odds, so that two fair pairs are not traded for one strong one lightly
            p = min(max(s / 100.0, 1e-6), 1 - 1e-6)
            weight[i, j] = np.log(p / (1 - p)) + 10.0
    if not scored:
        return []
    from scipy.optimize import linear_sum_assignment  # heavy: imported on first use

    rows, cols = linear_sum_assignment(weight, maximize=True)
    out = []
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        if (i, j) in scored:
            _, ev = explain(left[i], right[j])
            out.append((i, j, scored[(i, j)], ev))
    out.sort()
    return out
