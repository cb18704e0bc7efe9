"""match's working set on a long Arabic list and its romanized list (issue 15, the
``lists`` row of benchmarks/linear.py): what the features, the blocking and the scoring
hold, measured with tracemalloc on invented lists."""

from __future__ import annotations

import gc
import random
import tracemalloc
from typing import Any

import pytest

import citenorm
from citenorm.matching import assign as A
from citenorm.matching import blocking as B
from citenorm.matching.features import Features, features_of
from citenorm.memo import clear_memos
from test_memory_match import _lists


def _sides(n: int, seed: int = 15) -> tuple[int, list[Features], list[Features]]:
    """The number of entries and the Arabic and romanized entries' features of a list
    of ``n`` entries each side."""
    doc = citenorm.extract(_lists(n, seed))
    entries = doc.entries
    feats = [features_of(e, entries=entries, row=k) for k, e in enumerate(entries)]
    left = [f for f in feats if f.script == "arabic"]
    right = [f for f in feats if f.script != "arabic"]
    return len(entries), left, right


def test_the_keys_a_list_gives_again_are_one_string() -> None:
    # every record's features held their own skeleton keys: a list's authors (and
    # titles, publishers) come again, each copy ~50-60 bytes (~1x a 1 MB list)
    text = (
        "المصادر\n"
        "1. الجبوري، سعد، كتاب الأمن، بغداد: دار الحكمة، 2001.\n"
        "2. الجبوري، سعد، كتاب الحرب، بغداد: دار الحكمة، 2003.\n"
        "3. الجبوري، سعد، كتاب الأمن، بغداد: دار الحكمة، 2005.\n"
    )
    entries = citenorm.extract(text).entries
    shared: dict[str, str] = {}
    feats, alone = [], []
    for k, e in enumerate(entries):
        # (each record's keys made anew, as a long list's are once the memos let go)
        clear_memos()
        feats.append(features_of(e, entries=entries, row=k, shared=shared))
        clear_memos()
        alone.append(features_of(e, entries=entries, row=k))
    first, second, third = feats
    assert first.family_key and first.family_key is second.family_key is third.family_key
    assert first.names_key is second.names_key
    assert first.title_key is third.title_key and first.title_key != second.title_key
    assert first.publisher_key and first.publisher_key is second.publisher_key
    # the same values as features made one by one
    assert [repr(f) for f in feats] == [repr(f) for f in alone]
    assert alone[0].family_key is not alone[1].family_key


_SLOW = pytest.mark.slow  # (extract of 5,000 or 9,000 entries: ~5-10 s)


@pytest.mark.parametrize(
    ("n", "seed"),
    [(40, 1), (300, 2), pytest.param(2500, 3, marks=_SLOW), pytest.param(4500, 4, marks=_SLOW)],
)
def test_the_candidates_row_by_row_are_the_candidate_pairs(n: int, seed: int) -> None:
    # short (every pair), dense (the similarity matrix) and sparse (shared words) lists
    _, left, right = _sides(n, seed)
    m = len(right)
    codes = B.candidate_codes(left, right)
    want = list(codes) if isinstance(codes, range) else codes.tolist()
    rows = list(B.candidate_rows(left, right))
    assert [i for i, _ in rows] == sorted({c // m for c in want})
    assert [i * m + j for i, row in rows for j in row] == want


@pytest.mark.slow  # (extract of 9,000 entries: ~5-10 s)
def test_the_candidates_of_rows_with_none_of_their_own() -> None:
    # an entry whose candidates all come from the other side's pass (and one with none)
    _, left, right = _sides(4500, 5)
    m = len(right)
    got = dict(B.candidate_rows(left, right))
    codes = B.candidate_codes(left, right).tolist()
    want: dict[int, list[int]] = {}
    for c in codes:
        want.setdefault(c // m, []).append(c % m)
    assert got == want


@pytest.mark.slow  # (extract of 9,000 entries and their features: ~5-10 s)
def test_the_blocking_rows_peak_beside_the_features_per_record() -> None:
    # the pairs' codes of both passes (8 bytes a pair) were held while the pairs were
    # scored, and made unique beside a sorted copy (16 more): ~179 bytes a record at the
    # blocking's peak, the codes ~70 of them while scoring; the rows of each pass as they
    # come (4 bytes a pair each)
    n, left, right = _sides(4500)
    assert not B._dense(len(left), len(right))
    list(B.candidate_rows(left[:3000], right[:3000]))  # warm
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        rows = B.candidate_rows(left, right)
        first = next(rows)
        held = tracemalloc.get_traced_memory()[0] - base
        peak = tracemalloc.get_traced_memory()[1] - base
        count = len(first[1]) + sum(len(r) for _, r in rows)
    finally:
        tracemalloc.stop()
    assert count > len(left)
    # (the codes: ~179 bytes a record; the rows: ~155; the word index's hashes sorted in
    # place and each pass's rows shortened in place: ~143)
    assert peak / n < 150, f"{peak / n:.0f} bytes a record at the peak"
    assert held / count < 12, f"{held / count:.1f} bytes a pair held while scoring"


def test_the_scoring_lets_go_before_the_assignment() -> None:
    calls: list[str] = []

    def scorer(a: Features, b: Features) -> float | None:
        calls.append("score")
        return 90.0 if a is left[0] and b is right[0] else None

    def explain(a: Features, b: Features) -> tuple[float, dict[str, Any]]:
        calls.append("explain")
        return 90.0, {}

    _, left, right = _sides(6, 7)
    made = A.assign_pairs(
        left, right, scorer, cutoff=60.0, explain=explain, scored_all=lambda: calls.append("all")
    )
    assert [(m.left, m.right) for m in made] == [(0, 0)]
    assert calls.count("all") == 1
    at = calls.index("all")
    assert set(calls[:at]) == {"score"} and set(calls[at + 1 :]) == {"explain"}


def test_a_long_documents_compared_keys_go_before_the_assignment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the skeleton keys the scoring compared (memoized, 4,096 of them: ~1.1x a 1 MB list
    # whatever its length) stayed while the assignment was made and explained
    import citenorm.matching as M
    from citenorm import memo
    from citenorm.text import skeleton

    held: list[int] = []
    owned = A.Assignment._owned

    def spy(weights: Any, scores: Any) -> A.Assignment:
        held.append(skeleton._comparable.cache_info().currsize)  # type: ignore[attr-defined]
        return owned(weights, scores)

    monkeypatch.setattr(A.Assignment, "_owned", spy)
    text = _lists(300)
    M.match(citenorm.extract(text))  # a short document: its memos kept
    assert held[-1] > 0
    monkeypatch.setattr(memo, "MEMO_FLOOR", 10)  # the same counted long
    memo.clear_memos()
    result = M.match(citenorm.extract(text))
    assert held[-1] == 0
    monkeypatch.undo()
    memo.clear_memos()
    again = M.match(citenorm.extract(text))
    assert result.model_dump() == again.model_dump()


def test_match_of_a_list_with_its_keys_shared_pairs_as_before() -> None:
    rng = random.Random(3)
    text = _lists(120, seed=rng.randrange(1000))
    result = citenorm.match(citenorm.extract(text))
    assert len(result.pairs) > 100
    assert all(p.score >= 60 for p in result.pairs)


def test_a_long_documents_keys_compared_for_the_evidence_are_let_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the evidence of every pair made and of its rival filled the memo of compared keys
    # again (4,096 of them) beside every entry's features, at match's peak
    import citenorm.matching as M
    from citenorm import memo
    from citenorm.text import skeleton

    sizes: list[int] = []
    score_pair = M.score_pair

    def spy(*args: Any, **kwargs: Any) -> Any:
        sizes.append(skeleton._comparable.cache_info().currsize)  # type: ignore[attr-defined]
        return score_pair(*args, **kwargs)

    monkeypatch.setattr(M, "score_pair", spy)
    monkeypatch.setattr(M, "_RELEASE_EVERY", 16)
    monkeypatch.setattr(memo, "MEMO_FLOOR", 10)  # a document counted long
    memo.clear_memos()
    result = M.match(citenorm.extract(_lists(300)))
    assert len(result.pairs) > 250 and len(sizes) > 250
    # (each pair compares at most its two records' five keys)
    assert max(sizes) <= 16 * 10, max(sizes)


def _shifted(parts: list[A.Component | A.Pair], by: int) -> list[A.Component | A.Pair]:
    out: list[A.Component | A.Pair] = []
    for c in parts:
        if isinstance(c, A.Component):
            out.append(
                A.Component(
                    left=tuple(i - by for i in c.left),
                    right=tuple(j - by for j in c.right),
                    edges=tuple((i - by, j - by) for i, j in c.edges),
                )
            )
        else:
            out.append((c[0] - by, c[1] - by))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_the_components_of_dense_indices_are_those_of_the_dict(seed: int) -> None:
    # (indices far apart go through the dict of the nodes; the same indices close by,
    # through the array)
    rng = random.Random(seed)
    for _ in range(40):
        n, m = rng.randrange(1, 300), rng.randrange(1, 300)
        weights = {(rng.randrange(n), rng.randrange(m)): 1.0 for _ in range(rng.randrange(64, 700))}
        far = {(i + 10**7, j + 10**7): w for (i, j), w in weights.items()}
        assert A._parts(weights) == _shifted(A._parts(far), 10**7)


def test_the_components_of_a_long_list_are_found_in_arrays() -> None:
    # a dict of every node and a dict of a list per component: ~190 bytes a pair at the
    # assignment's peak; arrays of the nodes and the pairs ~80
    rng = random.Random(2)
    n = 20_000
    weights: dict[tuple[int, int], float] = {}
    for i in range(n):
        weights[(i, rng.randrange(n))] = 1.0
        if i % 5 == 0:
            weights[(i, rng.randrange(n))] = 2.0
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        parts = A._parts(weights)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert sum(1 if isinstance(c, tuple) else len(c.edges) for c in parts) == len(weights)
    assert peak / len(weights) < 110, f"{peak / len(weights):.0f} bytes a pair"
