"""The sparse assignment solver and candidate blocking (issue 15 item 4).

The solver is checked against scipy's dense ``linear_sum_assignment`` (the previous
implementation) on random sparse graphs, on both of its paths (pure Python, scipy's sparse
matching); blocking against brute-force top-k with ties; memory against the n x m
temporaries it replaced.
"""

from __future__ import annotations

import copy
import importlib
import math
import random
import subprocess
import sys
import tracemalloc
from typing import Any

import numpy as np
import pytest
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from citenorm.matching.features import Features

# the package re-exports the function `assign`, which hides the module of that name
A = importlib.import_module("citenorm.matching.assign")
B = importlib.import_module("citenorm.matching.blocking")

Weights = dict[tuple[int, int], float]


def _dense_best(w: Weights) -> tuple[float, set[tuple[int, int]]]:
    """The previous solver: a dense matrix, zeros for absent pairs, maximised."""
    if not w:
        return 0.0, set()
    n = 1 + max(i for i, _ in w)
    m = 1 + max(j for _, j in w)
    matrix = np.zeros((n, m))
    for (i, j), x in w.items():
        matrix[i, j] = x
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    made = {(i, j) for i, j in zip(rows.tolist(), cols.tolist(), strict=True) if (i, j) in w}
    return sum(w[p] for p in made), made


def _random_weights(rng: random.Random, n: int, m: int, density: float) -> Weights:
    return {
        (i, j): A.pair_weight(rng.uniform(60, 99.9))
        for i in range(n)
        for j in range(m)
        if rng.random() < density
    }


@pytest.fixture(params=["python", "scipy"])
def solver_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test on the pure-Python path and again with every component sent to scipy."""
    if request.param == "scipy":
        monkeypatch.setattr(A, "SMALL_COMPONENT", 0)
    return str(request.param)


@pytest.mark.parametrize("seed", range(60))
def test_solver_equals_the_dense_assignment(seed: int, solver_path: str) -> None:
    rng = random.Random(seed)
    n, m = rng.randint(1, 14), rng.randint(1, 14)
    w = _random_weights(rng, n, m, rng.choice([0.1, 0.3, 0.7, 1.0]))
    result = A.solve(w)
    best, made = _dense_best(w)
    assert math.isclose(result.total(), best, rel_tol=1e-12)
    # random weights have no ties: the very same pairs
    assert set(result.pairs) == made
    assert result.pairs == sorted(result.pairs)
    assert len({i for i, _ in result.pairs}) == len(result.pairs)
    assert len({j for _, j in result.pairs}) == len(result.pairs)


@pytest.mark.parametrize("seed", range(25))
def test_margin_is_what_forbidding_the_pair_costs(seed: int, solver_path: str) -> None:
    rng = random.Random(100 + seed)
    w = _random_weights(rng, rng.randint(1, 8), rng.randint(1, 8), 0.5)
    result = A.solve(w)
    best = result.total()
    for p in result.pairs:
        without = {q: x for q, x in w.items() if q != p}
        comp = result.component(p)
        outside = sum(w[q] for q in result.pairs if q not in comp.edges)
        expected = best - _dense_best(without)[0]
        assert math.isclose(result.margin(p), expected, rel_tol=1e-9, abs_tol=1e-9)
        assert math.isclose(result.best_without(p) + outside, _dense_best(without)[0])
        others = [x for q, x in w.items() if q != p and (q[0] == p[0] or q[1] == p[1])]
        assert result.runner_up(p) == (max(others) if others else None)


def test_margin_of_a_pair_alone_is_its_weight_and_a_tie_costs_nothing() -> None:
    alone = A.solve({(0, 0): 12.0})
    assert alone.margin((0, 0)) == 12.0 and alone.runner_up((0, 0)) is None
    # two equal partners for one entry: either assignment is as good
    tie = A.solve({(0, 0): 12.0, (0, 1): 12.0})
    (made,) = tie.pairs
    assert tie.margin(made) == 0.0 and tie.runner_up(made) == 12.0
    # a chain: (0,0) lets (1,1) and (0,0)... forbidding (0,0) gives (0,1) only
    chain = A.solve({(0, 0): 15.0, (0, 1): 14.0, (1, 1): 13.0})
    assert chain.pairs == [(0, 0), (1, 1)]
    assert math.isclose(chain.margin((0, 0)), 15.0 + 13.0 - 14.0)


def test_components_partition_the_candidate_graph() -> None:
    rng = random.Random(7)
    w = _random_weights(rng, 40, 40, 0.03)
    result = A.solve(w)
    seen: set[tuple[int, int]] = set()
    lefts: set[int] = set()
    rights: set[int] = set()
    for comp in result.components:
        assert not set(comp.edges) & seen
        assert not set(comp.left) & lefts and not set(comp.right) & rights
        assert {i for i, _ in comp.edges} == set(comp.left)
        assert {j for _, j in comp.edges} == set(comp.right)
        seen.update(comp.edges)
        lefts.update(comp.left)
        rights.update(comp.right)
    assert seen == set(w)


@pytest.mark.parametrize("bad", [0.0, -1.0, math.inf, math.nan])
def test_weights_must_be_positive_and_finite(bad: float) -> None:
    with pytest.raises(ValueError, match="positive"):
        A.solve({(0, 0): 1.0, (1, 1): bad})


def test_empty_graph() -> None:
    result = A.solve({})
    assert result.pairs == [] and result.components == [] and result.total() == 0.0


def test_a_large_component_goes_to_scipy_and_matches_the_python_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(3)
    w = {(i, j): A.pair_weight(rng.uniform(60, 99.9)) for i in range(60) for j in range(60)}
    python = A.solve(w)  # 60 rows x 3,600 pairs: under SMALL_COMPONENT
    monkeypatch.setattr(A, "SMALL_COMPONENT", 0)
    assert A.solve(w).pairs == python.pairs
    assert math.isclose(python.total(), _dense_best(w)[0])


def test_matching_the_seed_does_not_import_scipy_or_numpy() -> None:
    # issue 18: `import scipy.optimize` alone costs 400-800 ms of a cold `citenorm audit`,
    # numpy ~120 ms: an article's lists are short enough to do without them
    code = (
        "import sys, citenorm\n"
        "from pathlib import Path\n"
        "text = Path('fixtures/seed/russian-chinese-relations-2022.txt').read_text('utf-8')\n"
        "r = citenorm.match(citenorm.extract(text))\n"
        "assert len(r.pairs) >= 10, r.pairs\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('scipy', 'numpy')))\n"
    )
    root = __import__("pathlib").Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


# --- blocking ---------------------------------------------------------------------------


def _brute_top(queries: list[str], choices: list[str], k: int, scorer: Any) -> list[list[int]]:
    out = []
    for q in queries:
        scores = [scorer(q, c, processor=None) for c in choices]
        order = sorted(range(len(choices)), key=lambda j: (-scores[j], j))
        out.append(sorted(order[:k]))
    return out


def _words(rng: random.Random, n: int, alphabet: str = "abcd ") -> list[str]:
    # a tiny alphabet: many equal similarities, so ties are exercised
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("chunk", [1, 7, 1 << 20])
@pytest.mark.parametrize("plain", [0, 1 << 20], ids=["vectorised", "pair-by-pair"])
def test_dense_top_k_equals_brute_force_with_ties(
    seed: int, chunk: int, plain: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(B, "CHUNK_CELLS", chunk)
    monkeypatch.setattr(B, "PLAIN_CELLS", plain)
    rng = random.Random(seed)
    queries, choices = _words(rng, rng.randint(1, 30)), _words(rng, rng.randint(6, 30))
    k = rng.randint(1, 5)
    got = B.nearest(queries, choices, k=k, scorer=fuzz.token_sort_ratio)
    assert got == _brute_top(queries, choices, k, fuzz.token_sort_ratio)
    rows, cols = B._scan(queries, choices, scorer=fuzz.ratio, dtype=np.uint8, k_rows=k, k_cols=k)
    want_rows = _brute_top(queries, choices, k, lambda a, b, **_: round(fuzz.ratio(a, b)))
    want_cols = _brute_top(choices, queries, k, lambda a, b, **_: round(fuzz.ratio(b, a)))
    assert [sorted(r) for r in rows.tolist()] == want_rows
    assert [sorted(c) for c in cols.tolist()] == want_cols


def _features(i: int, family: str, title: str, year: int | None) -> Features:
    return Features(
        id=f"e{i}",
        script="latin",
        family=family,
        family_key=family,
        names_key=family,
        names_fold=family,
        family_fold=family,
        n_authors=1,
        corporate=False,
        name_terms=frozenset(),
        title=title,
        title_key=title,
        title_fold=title,
        title_numbers=frozenset(),
        container_key="",
        year=year,
        hijri=None,
        issue=None,
        volume=None,
        edition=None,
        page=None,
        url=None,
        place=None,
        publisher="",
        publisher_key="",
        terms=frozenset(),
        type=None,
        section_rank=None,
        has_author=True,
    )


def _records(rng: random.Random, n: int) -> list[Features]:
    consonants = "bdfghklmnqrstwyz"

    def word() -> str:
        return "".join(rng.choice(consonants) for _ in range(rng.randint(2, 5)))

    return [
        _features(i, word(), " ".join(word() for _ in range(4)), rng.choice([None, 1990, 2001]))
        for i in range(n)
    ]


@pytest.mark.parametrize("seed", range(4))
def test_candidate_pairs_are_each_sides_top_k_with_the_year_bonus(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(B, "BLOCKING_THRESHOLD", 0)
    monkeypatch.setattr(B, "CHUNK_CELLS", 97)
    rng = random.Random(seed)
    left, right = _records(rng, 40), _records(rng, 50)
    k = 4

    def sim(a: Features, b: Features) -> int:
        same = a.year is not None and a.year == b.year
        return round(fuzz.ratio(B._key(a), B._key(b))) + (B.YEAR_BONUS if same else 0)

    want = set()
    for i, a in enumerate(left):
        order = sorted(range(len(right)), key=lambda j: (-sim(a, right[j]), j))
        want.update((i, j) for j in order[:k])
    for j, b in enumerate(right):
        order = sorted(range(len(left)), key=lambda i: (-sim(left[i], b), i))
        want.update((i, j) for i in order[:k])
    assert B.candidate_pairs(left, right, k=k) == sorted(want)


@pytest.mark.parametrize("seed", range(6))
def test_sparse_top_k_is_the_dense_top_k_among_records_sharing_a_word(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(B, "RARE_WORDS", 1000)
    monkeypatch.setattr(B, "COMMON_WORD", 10_000)
    rng = random.Random(seed)
    queries = [B._key(f) for f in _records(rng, 30)]
    choices = [B._key(f) for f in _records(rng, 80)]
    years_q = [rng.choice([1990, 2001]) for _ in queries]
    years_c = [rng.choice([1990, 2001]) for _ in choices]
    k = 3
    got = B._sparse(
        queries, choices, k=k, scorer=fuzz.ratio, dtype=np.uint8, groups=(years_q, years_c)
    )
    for i, q in enumerate(queries):
        sharing = [j for j, c in enumerate(choices) if B._tokens(q) & B._tokens(c)]
        score = {
            j: round(fuzz.ratio(q, choices[j])) + B.YEAR_BONUS * (years_q[i] == years_c[j])
            for j in sharing
        }
        assert got[i].tolist() == sorted(sorted(sharing, key=lambda j: (-score[j], j))[:k])


def test_sparse_blocking_bounds_the_work_of_common_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(B, "COMMON_WORD", 10)
    choices = [f"common w{j}" for j in range(100)]
    got = B._sparse(["common"], choices, k=3, scorer=fuzz.ratio, dtype=np.uint8)
    assert len(got[0]) == 3 and set(got[0].tolist()) <= set(range(10))
    # a rarer shared word wins over the common one
    got = B._sparse(["common w42"], choices, k=3, scorer=fuzz.ratio, dtype=np.uint8)
    assert [g.tolist() for g in got] == [[42]]


def _renamed(f: Features, new_id: str) -> Features:
    """A copy of ``f`` with another id (its folds made when read, as ``f``'s)."""
    out = copy.copy(f)
    out.id = new_id
    return out


def test_sparse_blocking_finds_an_exact_copy_among_many(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(B, "DENSE_WIDTH", 0)
    rng = random.Random(5)
    right = _records(rng, 3000)
    left = [_renamed(right[j], f"q{j}") for j in range(0, 3000, 7)]
    got = set(B.candidate_pairs(left, right))
    assert all((i, 7 * i) in got for i in range(len(left)))


def test_blocking_holds_one_chunk_not_the_matrix() -> None:
    # 3,000 x 3,000: the old int16 matrix alone was 18 MB, its argpartition indices 72 MB
    rng = random.Random(9)
    left, right = _records(rng, 3000), _records(rng, 3000)
    tracemalloc.start()
    try:
        B.candidate_pairs(left, right)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * 2**20, f"{peak / 2**20:.0f} MB"
