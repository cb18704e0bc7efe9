"""One-to-one assignment of Arabic entries to romanized entries.

The assignment maximises the total weight (log-odds, :func:`pair_weight`) over the pairs
scoring at least the cutoff, so an entry never takes a partner that a better overall
pairing needs, and nothing below the cutoff is ever forced into a pair.

It is solved over the sparse graph of candidate pairs (:mod:`citenorm.matching.blocking`
keeps at most ``2 * MAX_CANDIDATES * (n + m)`` of them on long lists), split into
connected components, each solved exactly and on its own: a component of one pair is
that pair; small ones are solved in pure Python (the Hungarian algorithm); only large
ones load scipy (:func:`scipy.sparse.csgraph.min_weight_full_bipartite_matching`, with
an "unpaired" node per row at the cost of pairing nothing, so that a full matching always
exists). Time and memory follow the number of candidate pairs, never ``n * m``.

:class:`Assignment` keeps the components, so a caller can ask how well a pair beats its
alternatives: :meth:`Assignment.margin` (what the component's best total loses when that
pair is forbidden) and :meth:`Assignment.runner_up` (the best other candidate of either
entry).
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from citenorm.matching.blocking import (
    BLOCKING_THRESHOLD,
    MAX_CANDIDATES,
    candidate_pairs,
    candidate_rows,
)
from citenorm.matching.features import Features

__all__ = [
    "BLOCKING_THRESHOLD",
    "MAX_CANDIDATES",
    "SMALL_COMPONENT",
    "Assignment",
    "Component",
    "Explainer",
    "Made",
    "Scorer",
    "assign",
    "assign_pairs",
    "candidate_pairs",
    "confidence",
    "pair_weight",
    "score_candidates",
    "solve",
]

#: components with at most this many (smaller side) x (pairs) are solved in pure Python
SMALL_COMPONENT = 1_000_000
#: a made pair's margin is found by solving its component again without it when the
#: component has at most this many candidate pairs; beyond, by the exchanges around it
#: (:meth:`Assignment.local_margin`)
EXACT_MARGIN_EDGES = 400

#: the 0-100 score of a pair, or ``None`` when it is below the cutoff
Scorer = Callable[[Features, Features], float | None]
#: the score of a pair and its evidence
Explainer = Callable[[Features, Features], tuple[float, dict[str, Any]]]

Pair = tuple[int, int]


def pair_weight(score: float) -> float:
    """The weight of a pair of 0-100 ``score`` in the assignment: its log-odds, plus 10
    so that every pair above a cutoff weighs more than none (two fair pairs are not
    traded for one strong one lightly). Always positive for scores of 1e-4 and above."""
    p = min(max(score / 100.0, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p)) + 10.0


@dataclass(frozen=True, slots=True)
class Component:
    """A connected component of the candidate graph: its left and right indices
    (ascending) and its candidate pairs (sorted)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    edges: tuple[Pair, ...]


def _shortest_paths(adj: list[list[tuple[int, float]]], m: int, top: float) -> list[int]:
    """The minimum-cost assignment of every row to a real column (``0..m-1``) or to its
    own "unpaired" column (``m + row``, cost ``top``): the column of each row.

    ``adj[r]``: the real columns of row ``r`` with their costs (positive). Successive
    shortest augmenting paths (Dijkstra over the sparse graph, with potentials that keep
    reduced costs non-negative): O(rows * edges * log) time, O(edges) memory."""
    n = len(adj)
    inf = math.inf
    v = [0.0] * (m + n)  # column potentials (never positive)
    u = [0.0] * n  # row potentials
    owner = [-1] * (m + n)
    col_of = [-1] * n
    for s in range(n):
        dist: dict[int, float] = {}
        prev: dict[int, int] = {}
        final: dict[int, float] = {}
        heap: list[tuple[float, int]] = []
        reached: list[tuple[int, float]] = []
        r, base = s, 0.0
        while True:
            reached.append((r, base))
            ur = u[r]
            for j, c in (*adj[r], (m + r, top)):  # relax the row's pairs and "unpaired"
                if j in final:
                    continue
                nd = base + c - ur - v[j]
                if nd < dist.get(j, inf):
                    dist[j] = nd
                    prev[j] = r
                    heapq.heappush(heap, (nd, j))
            while True:  # the nearest column not yet final
                d, j = heapq.heappop(heap)
                if j not in final and d <= dist[j]:
                    break
            final[j] = d
            if owner[j] < 0:
                break  # a free column: the path ends here
            r, base = owner[j], d
        # new potentials: reduced costs stay non-negative, the path found becomes tight
        for k, dk in final.items():
            v[k] -= d - dk
        for r, dr in reached:
            u[r] += d - dr
        while True:  # augment along the path back to s
            r = prev[j]
            old = col_of[r]
            col_of[r] = j
            owner[j] = r
            if r == s:
                break
            j = old
    return col_of


def _solve_component(
    rows: Sequence[int], cols: Sequence[int], weights: Mapping[Pair, float]
) -> list[Pair]:
    """The maximum-weight matching of one component (``weights`` keyed by
    (row, column) and holding only its edges; all weights positive)."""
    if len(weights) == 1:
        return list(weights)
    flip = len(rows) > len(cols)
    if flip:  # the smaller side as rows: fewer "unpaired" columns to add
        rows, cols = cols, rows
        weights = {(j, i): w for (i, j), w in weights.items()}
    r_index = {r: k for k, r in enumerate(rows)}
    c_index = {c: k for k, c in enumerate(cols)}
    n, m = len(rows), len(cols)
    # cost = top - weight for a pair, top for "unpaired": minimising the cost over all
    # rows maximises the weight of the pairs made
    top = max(weights.values()) + 1.0
    made: list[Pair] = []
    if n * len(weights) <= SMALL_COMPONENT:
        adj: list[list[tuple[int, float]]] = [[] for _ in range(n)]
        for (i, j), w in sorted(weights.items()):
            adj[r_index[i]].append((c_index[j], top - w))
        for k, c in enumerate(_shortest_paths(adj, m, top)):
            if c < m:
                made.append((rows[k], cols[c]))
    else:
        import numpy as np  # large components only: scipy costs ~0.5 s to import
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import min_weight_full_bipartite_matching

        keys = list(weights)
        ri = [r_index[i] for i, _ in keys] + list(range(n))
        ci = [c_index[j] for _, j in keys] + [m + k for k in range(n)]
        data = [top - weights[p] for p in keys] + [top] * n
        graph = csr_matrix(
            (np.array(data, dtype=np.float64), (np.array(ri), np.array(ci))), shape=(n, m + n)
        )
        row_ind, col_ind = min_weight_full_bipartite_matching(graph)
        for r, c in zip(row_ind.tolist(), col_ind.tolist(), strict=True):
            if c < m:
                made.append((rows[r], cols[c]))
    if flip:
        made = [(j, i) for i, j in made]
    return sorted(made)


def _components(edges: Iterable[Pair]) -> list[Component]:
    """The connected components of a bipartite graph, in order of their first edge."""
    return [p if isinstance(p, Component) else _single(p) for p in _parts(edges)]


def _single(pair: Pair) -> Component:
    """The component of one candidate pair."""
    return Component(left=(pair[0],), right=(pair[1],), edges=(pair,))


def _parts(edges: Iterable[Pair]) -> list[Component | Pair]:
    """:func:`_components`, a component of one pair given as that pair (the pair
    itself: ~220 bytes less than its :class:`Component`; most components of a long list
    are one pair)."""
    ordered = sorted(edges)
    if ordered and len(ordered) >= 64:
        top_i = max(i for i, _ in ordered)
        top_j = max(j for _, j in ordered)
        low = min(min(i for i, _ in ordered), min(j for _, j in ordered))
        if low >= 0 and top_i + top_j < 4 * len(ordered) + 1024:
            return _dense_parts(ordered, top_i + 1, top_j + 1)
    # nodes as ints, left i as i and right j as -1 - j (a dict of a (side, index) tuple
    # per node held ~3x the input at the peak of a long list's match); a dict, not an
    # array as long as the largest index: the margins solve small parts of a long list
    parent: dict[int, int] = {}

    for i, j in ordered:
        a, b = i, -1 - j
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = _root(parent, a), _root(parent, b)
        if ra != rb:
            parent[rb] = ra
    groups: dict[int, list[Pair]] = {}
    for pair in ordered:  # (the pairs themselves: the weights' keys, not copies)
        groups.setdefault(_root(parent, pair[0]), []).append(pair)
    out: list[Component | Pair] = []
    for group in groups.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        out.append(
            Component(
                left=tuple(sorted({i for i, _ in group})),
                right=tuple(sorted({j for _, j in group})),
                edges=tuple(group),
            )
        )
    return out


def _root(parent: dict[int, int] | array[int], x: int) -> int:
    """The root of ``x`` in a union-find's ``parent`` links, the path to it compressed."""
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:  # path compression
        parent[x], x = root, parent[x]
    return root


def _dense_parts(ordered: list[Pair], n: int, m: int) -> list[Component | Pair]:
    """:func:`_parts` of the sorted ``ordered`` pairs of left indices below ``n`` and
    right ones below ``m``: the same union-find over an array of the nodes (left ``i``
    as ``i``, right ``j`` as ``n + j``), and the pairs grouped by counting (a long list's
    dict of every node and dict of a list per component held ~2x a 1 MB list at the
    assignment's peak)."""
    parent = array("q", range(n + m))

    for i, j in ordered:
        ra, rb = _root(parent, i), _root(parent, n + j)
        if ra != rb:
            parent[rb] = ra
    # each pair's component, numbered in the order of its first pair (as a dict of the
    # roots was filled), then the pairs put in their component's place (stable)
    number = array("q", bytes(8 * (n + m)))  # (a root's number + 1; 0: none yet)
    group = array("q", bytes(8 * len(ordered)))
    sizes = array("q")
    for k, (i, _) in enumerate(ordered):
        r = _root(parent, i)
        g = number[r] - 1
        if g < 0:
            g = len(sizes)
            number[r] = g + 1
            sizes.append(0)
        group[k] = g
        sizes[g] += 1
    del number
    starts = array("q", bytes(8 * (len(sizes) + 1)))
    for g, size in enumerate(sizes):
        starts[g + 1] = starts[g] + size
    at = array("q", starts)
    order = array("q", bytes(8 * len(ordered)))
    for k, g in enumerate(group):
        order[at[g]] = k
        at[g] += 1
    del at, group
    out: list[Component | Pair] = []
    for g in range(len(sizes)):
        begin, end = starts[g], starts[g + 1]
        if end - begin == 1:
            out.append(ordered[order[begin]])
            continue
        edges = tuple(ordered[k] for k in order[begin:end])
        out.append(
            Component(
                left=tuple(sorted({i for i, _ in edges})),
                right=tuple(sorted({j for _, j in edges})),
                edges=edges,
            )
        )
    return out


def _left(pair: Pair) -> int:
    return pair[0]


def _right(pair: Pair) -> int:
    return pair[1]


class Assignment:
    """A maximum-weight one-to-one matching over a sparse candidate graph.

    ``pairs``: the (left, right) pairs made, sorted. ``weights``: the weight of every
    candidate pair. ``scores``: the 0-100 score of every candidate pair, when the
    assignment was made from scores (:func:`score_candidates`), else empty.
    ``components``: the connected components of the candidate graph, each solved on
    its own. :meth:`margin` and :meth:`runner_up` say how well a made pair beats its
    alternatives (for pair confidence).
    """

    def __init__(
        self,
        weights: Mapping[Pair, float],
        *,
        scores: Mapping[Pair, float] | None = None,
    ) -> None:
        self._setup(dict(weights), dict(scores or {}))

    @classmethod
    def _owned(cls, weights: dict[Pair, float], scores: dict[Pair, float]) -> Assignment:
        """An assignment holding ``weights`` and ``scores`` themselves, not copies (for
        callers that made them and change them no more: a long list's pairs then sit in
        two dicts, not four)."""
        self = cls.__new__(cls)
        self._setup(weights, scores)
        return self

    def _setup(self, weights: dict[Pair, float], scores: dict[Pair, float]) -> None:
        bad = [p for p, w in weights.items() if not w > 0.0 or math.isinf(w)]
        if bad:
            raise ValueError(f"pair weights must be positive and finite: {bad[:3]}")
        self.weights: dict[Pair, float] = weights
        self.scores: dict[Pair, float] = scores
        # the components, one of a single pair as that pair (:attr:`components` makes
        # their records when read)
        self._parts: list[Component | Pair] = _parts(self.weights)
        # the component of each left entry (all its candidate pairs are in one): by
        # position while the left entries' indices are dense (4 bytes an entry, where a
        # dict of the entries held ~80), else a dict of the entries
        top = max((i for i, _ in weights), default=-1)
        self._of: dict[int, int] | array[int] = (
            array("i", bytes(4 * (top + 1)))
            if top < 4 * len(weights) + 1024
            and len(self._parts) < 2**31
            and min((i for i, _ in weights), default=0) >= 0
            else {}
        )
        self._best: list[float] = []
        made: list[Pair] = []
        for k, comp in enumerate(self._parts):
            if not isinstance(comp, Component):  # one pair: made, its weight the best
                self._of[comp[0]] = k
                made.append(comp)
                self._best.append(self.weights[comp])
                continue
            for i in comp.left:
                self._of[i] = k
            chosen = _solve_component(comp.left, comp.right, self._edges(comp))
            made.extend(chosen)
            self._best.append(sum(self.weights[p] for p in chosen))
        self.pairs: list[Pair] = sorted(made)
        # the candidate pairs of each entry: two sorted lists (by left, by right entry)
        # searched by bisection, made when first asked (a dict of lists per entry held
        # ~120 bytes an entry for lists of mostly one pair)
        self._sorted: tuple[list[Pair], list[Pair]] | None = None
        self._partner_built = False
        self._right_of: dict[int, int] = {}
        self._left_of: dict[int, int] = {}

    @property
    def components(self) -> list[Component]:
        """The connected components of the candidate graph (a new list of them)."""
        return [self._part(k) for k in range(len(self._parts))]

    def _part(self, k: int) -> Component:
        comp = self._parts[k]
        return comp if isinstance(comp, Component) else _single(comp)

    def _of_entries(self, pair: Pair) -> tuple[list[Pair], list[Pair]]:
        """The candidate pairs of ``pair``'s left entry and those of its right entry
        (``pair`` among them when it is a candidate), each in ascending order."""
        if self._sorted is None:
            by_left = sorted(self.weights)
            self._sorted = (by_left, sorted(by_left, key=_right))  # stable: (j, i) order
        by_left, by_right = self._sorted
        i, j = pair
        lo = bisect.bisect_left(by_left, i, key=_left)
        hi = bisect.bisect_right(by_left, i, lo, key=_left)
        lo_r = bisect.bisect_left(by_right, j, key=_right)
        hi_r = bisect.bisect_right(by_right, j, lo_r, key=_right)
        return by_left[lo:hi], by_right[lo_r:hi_r]

    def _edges(self, comp: Component, *, without: Pair | None = None) -> dict[Pair, float]:
        return {p: self.weights[p] for p in comp.edges if p != without}

    def __len__(self) -> int:
        return len(self.pairs)

    def __iter__(self) -> Iterator[Pair]:
        return iter(self.pairs)

    def total(self) -> float:
        """The summed weight of the pairs made."""
        return sum(self._best)

    def component(self, pair: Pair) -> Component:
        """The component holding candidate ``pair`` (KeyError when it is none)."""
        if pair not in self.weights:
            raise KeyError(pair)
        return self._part(self._of[pair[0]])

    def best_without(self, pair: Pair) -> float:
        """The best total weight of ``pair``'s component when ``pair`` may not be made
        (the component is solved again without it)."""
        comp = self.component(pair)
        edges = self._edges(comp, without=pair)
        if not edges:
            return 0.0
        sub = _components(edges)
        return sum(
            sum(edges[p] for p in _solve_component(c.left, c.right, self._edges_of(c, edges)))
            for c in sub
        )

    @staticmethod
    def _edges_of(comp: Component, edges: Mapping[Pair, float]) -> dict[Pair, float]:
        return {p: edges[p] for p in comp.edges}

    def margin(self, pair: Pair) -> float:
        """How much weight (log-odds) the best assignment of ``pair``'s component loses
        when ``pair`` is forbidden: 0 when another assignment is as good (or ``pair``
        was not made), the pair's whole weight when nothing competes with it."""
        if pair not in self.weights:
            raise KeyError(pair)
        k = self._of[pair[0]]
        return max(0.0, self._best[k] - self.best_without(pair))

    def local_margin(self, pair: Pair) -> float:
        """An upper bound of :meth:`margin` from the exchanges around ``pair`` (a made
        pair): its left entry takes another partner (whose own partner, if any, is left
        without one or takes ``pair``'s right entry in exchange), or its right entry
        another left entry, likewise. Exact when the best assignment without ``pair``
        changes only those pairs; linear in the candidates of the two entries."""
        i, j = pair
        w = self.weights[pair]
        if not self._partner_built:
            self._right_of = dict(self.pairs)
            self._left_of = {b: a for a, b in self.pairs}
            self._partner_built = True
        best_alt = 0.0
        of_left, of_right = self._of_entries(pair)
        for a, b in of_left:
            if b == j:
                continue
            owner = self._left_of.get(b)  # the left entry b is paired with now
            alt = self.weights[(a, b)]
            if owner is not None:
                alt -= self.weights[(owner, b)]
                alt += self.weights.get((owner, j), 0.0)
            best_alt = max(best_alt, alt)
        for a, b in of_right:
            if a == i:
                continue
            owner = self._right_of.get(a)  # the right entry a is paired with now
            alt = self.weights[(a, b)]
            if owner is not None:
                alt -= self.weights[(a, owner)]
                alt += self.weights.get((i, owner), 0.0)
            best_alt = max(best_alt, alt)
        return max(0.0, w - best_alt)

    def margin_of(self, pair: Pair) -> float:
        """The margin of a made ``pair``: :meth:`margin` in a component of at most
        :data:`EXACT_MARGIN_EDGES` candidate pairs, else :meth:`local_margin`."""
        if len(self.component(pair).edges) <= EXACT_MARGIN_EDGES:
            return self.margin(pair)
        return self.local_margin(pair)

    def rival(self, pair: Pair) -> Pair | None:
        """The best other candidate pair sharing an entry with ``pair`` (by weight; on a
        tie, the first), or ``None``."""
        best: tuple[float, Pair] | None = None
        of_left, of_right = self._of_entries(pair)
        for p in sorted((*of_left, *of_right)):
            if p != pair and (best is None or self.weights[p] > best[0]):
                best = (self.weights[p], p)
        return None if best is None else best[1]

    def runner_up(self, pair: Pair) -> float | None:
        """The weight of the best other candidate of either entry of ``pair`` (another
        partner of its left or of its right entry); ``None`` when it has none."""
        of_left, of_right = self._of_entries(pair)
        others = [self.weights[p] for p in (*of_left, *of_right) if p != pair]
        return max(others) if others else None


def solve(
    weights: Mapping[Pair, float], *, scores: Mapping[Pair, float] | None = None
) -> Assignment:
    """The maximum-weight one-to-one matching of the candidate pairs ``weights``
    ((left, right) -> positive weight); see :class:`Assignment`."""
    return Assignment(weights, scores=scores)


def score_candidates(
    left: Sequence[Features], right: Sequence[Features], scorer: Scorer, *, cutoff: float
) -> dict[Pair, float]:
    """The 0-100 score of every candidate pair (:func:`candidate_pairs`) scoring at
    least ``cutoff``; ``scorer`` returns ``None`` for a pair below it."""
    scored: dict[Pair, float] = {}
    # (row by row, in the order of the pairs' codes: no array of every pair's code held)
    for i, row in candidate_rows(left, right):
        a = left[i]
        for j in row:
            s = scorer(a, right[j])
            if s is not None and s >= cutoff:
                scored[(i, j)] = s
    return scored


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
    scored = score_candidates(left, right, scorer, cutoff=cutoff)
    result = Assignment._owned({p: pair_weight(s) for p, s in scored.items()}, scored)
    out = []
    for i, j in result.pairs:
        _, ev = explain(left[i], right[j])
        out.append((i, j, scored[(i, j)], ev))
    return out


def confidence(similarity: float, margin: float) -> float:
    """A made pair's 0-100 score: its ``similarity`` (0-100) times the chance that it,
    rather than the best assignment without it, is right, taking the ``margin`` (the
    log-odds that assignment loses, :meth:`Assignment.margin`) as the log-odds between
    the two. A pair nothing competes with keeps its similarity; one with an equally
    good alternative (margin 0) has half of it."""
    return similarity / (1.0 + math.exp(-margin)) if margin < 50 else similarity


@dataclass(frozen=True, slots=True)
class Made:
    """A pair the assignment made, with how well it beats the alternatives.

    ``similarity``: the 0-100 score of the two entries alone; ``score``: that score
    lowered by the alternatives (:func:`confidence`); ``margin``: the log-odds the best
    assignment of the pair's component loses without it; ``rival``: the best other
    candidate pair sharing one of its entries (left, right index, 0-100 score), if any;
    ``evidence`` and ``rival_evidence``: what the explainer says of each.
    """

    left: int
    right: int
    similarity: float
    score: float
    margin: float
    evidence: dict[str, Any]
    rival: tuple[int, int, float] | None = None
    rival_evidence: dict[str, Any] | None = None


def assign_pairs(
    left: Sequence[Features],
    right: Sequence[Features],
    scorer: Scorer,
    *,
    cutoff: float,
    explain: Explainer,
    scored_all: Callable[[], None] | None = None,
) -> list[Made]:
    """The pairs of :func:`assign`, each with its confidence (:class:`Made`): how much
    the best assignment of its component loses without it, and its best rival.
    ``scored_all()`` is called once every candidate pair is scored, before the
    assignment is made (a caller lets go of what only the scoring needed)."""
    scored = score_candidates(left, right, scorer, cutoff=cutoff)
    if scored_all is not None:
        scored_all()
    result = Assignment._owned({p: pair_weight(s) for p, s in scored.items()}, scored)
    # each made pair's score, margin and rival first; the assignment (its weights,
    # scores and components: ~3x a 1 MB list) goes before the evidence is built
    decided: list[tuple[Pair, float, float, tuple[int, int, float] | None]] = []
    for pair in result.pairs:
        rival = result.rival(pair)
        decided.append(
            (
                pair,
                scored[pair],
                result.margin_of(pair),
                None if rival is None else (rival[0], rival[1], scored[rival]),
            )
        )
    del result, scored
    out: list[Made] = []
    # each decided pair goes as its Made is built (~1x a 1 MB list beside the Mades)
    decided.reverse()
    while decided:
        (i, j), similarity, margin, rival_made = decided.pop()
        _, ev = explain(left[i], right[j])
        rival_ev: dict[str, Any] | None = None
        if rival_made is not None:
            _, rival_ev = explain(left[rival_made[0]], right[rival_made[1]])
        out.append(
            Made(
                left=i,
                right=j,
                similarity=similarity,
                score=confidence(similarity, margin),
                margin=margin,
                evidence=ev,
                rival=rival_made,
                rival_evidence=rival_ev,
            )
        )
    return out
