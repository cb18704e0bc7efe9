"""Unknown words: a discriminative re-ranker over the candidates of the character model
and of analogy.

A word that no table knows gets candidates from two sources: the character model's
16-best (:meth:`JointModel.decode`) and analogy with the known words of its pattern
(:meth:`Model.pattern_support`). Each candidate is described by features (:func:`features`):
each source's log-score and rank, analogy's support, how many known words share the
pattern, the chunk each letter writes (at the word's start and end, alone and after the
letter before: ``-iyah``, ``-āt``, ``-ī``, ``al-``, long or short vowels) and the field
group; a log-linear model scores them (``p ∝ exp(w · f)``). Its weights (``data/ranker.tsv.gz``)
are learned by ``training/romanize/build.py`` on unknown words *simulated* inside the
training part: the training records are cut in folds, and each fold's words that the
tables of the other folds lack are decoded with those tables (:func:`train`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from citenorm.text.romanize._chars import align
from citenorm.text.vocab import DEFINITE_PREFIXES_AR

__all__ = ["Candidate", "Ranker", "candidates", "features", "train"]

NBEST = 16  # the character model's candidates
ANALOGIES = 16  # analogy's candidates (by support)
_FLOOR = math.log(1e-5)
_OFF: set[str] = set()  # a candidate's log-score from a source that did not propose it


@dataclass(frozen=True, slots=True)
class Candidate:
    """One romanization proposed for an unknown word, with what each source said."""

    latin: str
    chars_logp: float  # the character model's log share (_FLOOR if not in its n-best)
    chars_rank: int  # 0-based; -1 when not proposed
    support: int  # analogy's catalogue observations behind it
    support_rank: int  # 0-based; -1 when not proposed
    attested: int = 0  # how often the catalogues wrote it (clitics aside) for any word
    stem_agrees: int = -1  # a known word inside the word writes its start so (-1: none)


def candidates(nbest: Sequence[tuple[str, float]], support: Counter[str]) -> list[Candidate]:
    """The character model's n-best and analogy's best-supported, merged."""
    chars = {latin: (math.log(max(p, 1e-12)), i) for i, (latin, p) in enumerate(nbest[:NBEST])}
    ranked = sorted(support.items(), key=lambda kv: (-kv[1], kv[0]))[:ANALOGIES]
    analog = {latin: (n, i) for i, (latin, n) in enumerate(ranked)}
    out = []
    for latin in sorted(chars.keys() | analog.keys()):
        lp, cr = chars.get(latin, (_FLOOR, -1))
        n, ar = analog.get(latin, (0, -1))
        out.append(Candidate(latin, lp, cr, n, ar))
    return out


def _rank_bucket(rank: int) -> str:
    if rank < 0:
        return "x"
    return str(rank) if rank < 3 else ("3" if rank < 6 else "6")


def _log_bucket(n: int) -> str:
    return str(min(int(math.log2(n + 1)), 8))


def features(
    key: str, cand: Candidate, *, group: str, total_support: int, patterns: int
) -> dict[str, float]:
    """The features of one candidate of an unknown word (``key``): ``total_support`` is
    analogy's support of all its candidates, ``patterns`` how many known words share the
    word's pattern."""
    f: dict[str, float] = {}
    share = (cand.support + 0.5) / (total_support + 1.0)
    f["lp"] = cand.chars_logp
    f[f"lp|{group}"] = cand.chars_logp
    f[f"cr={_rank_bucket(cand.chars_rank)}"] = 1.0
    f["att"] = math.log1p(cand.attested)
    f[f"att|{group}"] = math.log1p(cand.attested)
    f["att0"] = 1.0 if not cand.attested else 0.0
    if cand.stem_agrees >= 0:
        f["stem"] = math.log1p(cand.stem_agrees)
        f["stem0"] = 1.0 if not cand.stem_agrees else 0.0
    if total_support:
        ls = math.log(share)
        sb = _log_bucket(total_support)
        f["ls"] = ls
        f[f"ls|{group}"] = ls
        f[f"ls|t={sb}"] = ls
        f[f"ls|p={_log_bucket(patterns)}"] = ls
        f[f"ar={_rank_bucket(cand.support_rank)}"] = 1.0
        f[f"ar={_rank_bucket(cand.support_rank)}|t={sb}"] = 1.0
    else:
        f["nosupport|lp"] = cand.chars_logp
    chunks = align(key, cand.latin)
    if chunks is None:
        f["noalign"] = 1.0
        return f
    # the chunk each letter writes (tuning fold: the same with the letter before, or with
    # the letter's place in the word, learned too much from too little: 51.7 -> 51.1%)
    for letter, chunk in zip(key, chunks, strict=True):
        g = f"g:{letter}:{chunk}"
        f[g] = f.get(g, 0.0) + 1.0
    n = len(key)
    if n >= 2:  # the ending: -iyah, -āt, -ī, -ayn...
        f[f"end:{key[-2:]}:{chunks[-2]}|{chunks[-1]}"] = 1.0
    if n >= 3 and key.startswith(DEFINITE_PREFIXES_AR[0]):  # al- before a sun or moon letter
        f[f"art:{chunks[0]}{chunks[1]}|{key[2]}"] = 1.0
    return f


class Ranker:
    """The log-linear model's weights (``data/ranker.tsv.gz``)."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights

    def score(self, feats: dict[str, float]) -> float:
        w = self.weights
        return sum(w.get(name, 0.0) * v for name, v in feats.items())

    def rank(
        self, key: str, cands: Sequence[Candidate], *, group: str, patterns: int
    ) -> list[tuple[str, float]]:
        """The candidates with their probabilities, best first."""
        total = sum(c.support for c in cands)
        scores = [
            self.score(features(key, c, group=group, total_support=total, patterns=patterns))
            for c in cands
        ]
        if not scores:
            return []
        top = max(scores)
        mass = [math.exp(s - top) for s in scores]
        z = sum(mass)
        return sorted(
            ((c.latin, m / z) for c, m in zip(cands, mass, strict=True)),
            key=lambda kv: (-kv[1], kv[0]),
        )

    def dump(self) -> str:
        lines = ["# citenorm romanizer: unknown-word re-ranker weights (feature, weight)"]
        lines += [
            f"{name}\t{w:.4f}" for name, w in sorted(self.weights.items()) if round(w, 4) != 0.0
        ]
        return "\n".join(lines) + "\n"

    @classmethod
    def load(cls, text: str) -> Ranker:
        weights = {}
        for line in text.split("\n"):
            if line and line[0] != "#":
                name, w = line.rsplit("\t", 1)
                weights[name] = float(w)
        return cls(weights)


Case = tuple[list[dict[str, float]], list[bool]]  # each candidate's features; right or not


def train(cases: Iterable[Case], *, epochs: int = 3, rate: float = 0.1, l2: float = 1e-4) -> Ranker:
    """Weights maximizing the log-probability of the right candidates (softmax over each
    word's candidates; AdaGrad, a fixed order: the same cases give the same weights).
    Cases without a right candidate teach nothing and are skipped."""
    data = [c for c in cases if any(c[1]) and not all(c[1])]
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    for _epoch in range(epochs):
        for feats, right in data:
            scores = [sum(w.get(k, 0.0) * v for k, v in f.items()) for f in feats]
            top = max(scores)
            mass = [math.exp(s - top) for s in scores]
            z = sum(mass)
            zr = sum(m for m, r in zip(mass, right, strict=True) if r)
            grad: dict[str, float] = {}
            for f, m, r in zip(feats, mass, right, strict=True):
                # d log(sum_right p) / d w = E_right[f] - E_all[f]
                coef = (m / zr if r else 0.0) - m / z
                if coef == 0.0:
                    continue
                for k, v in f.items():
                    grad[k] = grad.get(k, 0.0) + coef * v
            for k, gk in grad.items():
                wk = w.get(k, 0.0)
                gk -= l2 * wk
                acc = g2.get(k, 0.0) + gk * gk
                g2[k] = acc
                w[k] = wk + rate * gk / math.sqrt(acc + 1e-8)
    return Ranker(w)
