"""Analogy for unknown words: a word the tables lack is romanized like a known word of the
same pattern (:func:`word_pattern`), its root's consonants swapped (:func:`transfer`),
and the candidates found so are weighed against the character model's (:func:`rerank`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from citenorm.memo import memo
from citenorm.text.romanize._chars import CORES, align

__all__ = ["aligned", "rerank", "transfer", "word_pattern"]


# the letters that make a word's pattern (long vowels, tāʼ marbūṭah, hamza seats); the
# others are the root's consonants, which analogy swaps
_PATTERN_LETTERS = frozenset("اويةىأإآءئؤ")
# how much the analogy counts against the character model (a power of its share of the
# candidates' support; measured on the tuning fold: 0.5-0.7 best, 49% -> 52% of the
# unknown words right)
_PATTERN_WEIGHT = 0.7
_PATTERN_FLOOR = 1e-3  # the character model's share of a candidate only analogy found


def word_pattern(key: str) -> str:
    """A word's pattern: ``مستشرقين`` -> ``CCCCCCيC``, ``كتاب`` -> ``CCاC``."""
    return "".join(ch if ch in _PATTERN_LETTERS else "C" for ch in key)


@memo(8192)
def aligned(arabic: str, latin: str) -> tuple[str, ...] | None:
    chunks = align(arabic, latin)
    return tuple(chunks) if chunks is not None else None


def _core(letter: str, chunk: str) -> tuple[str, str] | None:
    """A chunk cut into the letter's consonant (doubled when geminate) and the rest."""
    for core in sorted(CORES.get(letter, ()), key=len, reverse=True):
        if core and chunk.startswith(core + core):
            return core + core, chunk[2 * len(core) :]
        if core and chunk.startswith(core):
            return core, chunk[len(core) :]
    return None


def transfer(word: str, known: str, chunks: Sequence[str]) -> str | None:
    """``word`` romanized with the vowels of ``known`` (same pattern) whose letters
    wrote ``chunks``: where the letters differ, the consonant is swapped."""
    out: list[str] = []
    for mine, theirs, chunk in zip(word, known, chunks, strict=True):
        if mine == theirs:
            out.append(chunk)
            continue
        cut = _core(theirs, chunk)
        mine_cores = CORES.get(mine, ())
        if cut is None or "-" in chunk or not mine_cores or not mine_cores[0]:
            return None  # a proclitic's letter (lil-) is no root consonant
        consonant, rest = cut
        new = mine_cores[0] * (2 if len(consonant) > len(CORES[theirs][0]) else 1)
        out.append(new + rest)
    return "".join(out)


def rerank(nbest: list[tuple[str, float]], support: Counter[str]) -> list[tuple[str, float]]:
    """The character model's candidates and analogy's, scored together:
    ``p_chars * (support share) ** _PATTERN_WEIGHT``, normalized."""
    if not support:
        return nbest
    total = sum(support.values()) + 1.0
    scores = dict(nbest)
    for latin in support:
        scores.setdefault(latin, _PATTERN_FLOOR)
    combined = {
        latin: p * ((support.get(latin, 0) + 0.5) / total) ** _PATTERN_WEIGHT
        for latin, p in scores.items()
    }
    norm = sum(combined.values())
    return sorted(((t, c / norm) for t, c in combined.items()), key=lambda kv: -kv[1])
