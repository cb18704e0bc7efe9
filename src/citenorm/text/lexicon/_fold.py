"""The lexicon's keys and its look-up engine: how a text is folded into words
(:func:`fold_key`), and which entries of a table it holds as whole words or word
sequences (:func:`ngram_hits`). The tables themselves are in :mod:`citenorm.text.lexicon`.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from citenorm.memo import memo
from citenorm.text import _rx
from citenorm.text.normalize import (
    fold_arabic,
    fold_latin,
    has_arabic,
    is_latin_article,
    strip_article,
)

__all__ = ["MAX_NGRAM", "fold_key", "latin_word_forms", "ngram_hits", "word_sequences"]

_DOUBLE = _rx.compile(r"([a-z])\1+")
# Clitics written attached to a word: conjunction و/ف, preposition ب/ك (+ article ال),
# preposition ل (ل + ال is written لل).
_AR_PREFIXES = tuple(
    sorted(
        {
            conj + rest
            for conj in ("", "و", "ف")
            for rest in ("", "ب", "ك", "بال", "كال", "ال", "ل", "لل")
        }
        - {""},
        key=len,
        reverse=True,
    )
)


def _group1(m: re.Match[str]) -> str:
    """A match's first group: the replacement ``\\1`` without ``re``'s template expansion
    (a Python call on every ``sub`` with a template, matched or not)."""
    return m[1]


# (a document's Latin words come back in many strings: ~300 distinct of ~1,000 in the seed)
@memo(2048)
def _latin_word_key(word: str) -> str:
    word = word.replace("ou", "u").replace("ee", "i")
    word = _DOUBLE.sub(_group1, word)
    if (word.endswith("ah") and len(word) > 3) or (word.endswith("at") and len(word) > 4):
        word = word[:-1]  # -ah/-at (ta marbuta) -> -a
    return word


def _latin_words(text: str, *, articles: bool = False) -> list[str]:
    """Folded, skeletonised Latin words of ``text`` (Arabic letters dropped).

    The article (al-, el-, ul-, and ad-, ar-, ash- ... before the matching consonant)
    is dropped, or written ``al`` when ``articles`` is true.
    """
    raw = fold_latin(text.replace("ı", "i")).split()
    out: list[str] = []
    for i, tok in enumerate(raw):
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        if is_latin_article(tok, nxt):
            if articles:
                out.append("al")
            continue
        out.append(_latin_word_key(tok))
    return out


def latin_word_forms(text: str) -> tuple[list[str], list[str]]:
    """``(_latin_words(text), _latin_words(text, articles=True))`` from one fold."""
    raw = fold_latin(text.replace("ı", "i")).split()
    plain: list[str] = []
    with_articles: list[str] = []
    for i, tok in enumerate(raw):
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        if is_latin_article(tok, nxt):
            with_articles.append("al")
            continue
        key = _latin_word_key(tok)
        plain.append(key)
        with_articles.append(key)
    return plain, with_articles


def _arabic_words(text: str, *, articles: bool = False) -> list[str]:
    """Folded Arabic words of ``text`` (Latin words left out), article ال dropped unless
    ``articles`` is true."""
    words = [w for w in fold_arabic(text).split() if has_arabic(w)]
    return words if articles else [strip_article(w) for w in words]


# a folded key is ~400 bytes with its entry; the lookups that use it are memoized too
@memo(2048)
def fold_key(text: str, *, articles: bool = False) -> str:
    """The key under which the lexicons store ``text``.

    Arabic words come first (folded by ``fold_arabic``), then Latin words (folded by
    ``fold_latin``, skeletonised).  The article is dropped from every word, or, with
    ``articles=True`` (the form used for :data:`PLACES`), kept (Latin al-/el-/ad- ... all
    written ``al``).
    """
    arabic = _arabic_words(text, articles=articles) if has_arabic(text) else []
    if _NO_LATIN.fullmatch(text):
        return " ".join(arabic)
    return " ".join(arabic + _latin_words(text, articles=articles))


# Arabic letters and marks, spaces and punctuation, no digit: no Latin word folds out of
# it (the Latin fold is skipped: half the cost of an Arabic word's lookups)
_NO_LATIN = _rx.compile(
    "[\u0600-\u065f\u066a-\u06ef\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
    r"\s.,:;()\[\]«»\"'!?*/\u2013\u2014-]*"
)


# the prefixes by their first letter, each list in the order of _AR_PREFIXES
_AR_PREFIXES_BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(p for p in _AR_PREFIXES if p[0] == first) for first in {p[0] for p in _AR_PREFIXES}
}


def _arabic_candidates(word: str) -> tuple[str, ...]:
    """Lookup forms of one folded Arabic word: the word without its article first, then
    its stems without attached و/ف, ب/ل/ك and ال/لل (stems of three letters or more)."""
    out = [strip_article(word)]
    for prefix in _AR_PREFIXES_BY_FIRST.get(word[:1], ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            stem = word[len(prefix) :]
            if stem not in out:
                out.append(stem)
    return tuple(out)


MAX_NGRAM = 4


# ~1 KB a text: kept for the few lookups of one segment in a row (the lookups' own memos
# answer repeats), so a small memo does; 16,384 of them held 16 MB on unrepeated text
@memo(1024)
def word_sequences(text: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Word sequences of ``text``; each word is a tuple of lookup forms, the plain
    (article-free) form first.  Arabic words also give their stems without clitic
    prefixes; Arabic and Latin words form separate sequences."""
    # memoized: the same segment is looked up in several lexicons (publisher, journal,
    # place, corporate...), and folding it is most of the cost of a lookup
    seqs: list[tuple[tuple[str, ...], ...]] = []
    arabic = [w for w in fold_arabic(text).split() if has_arabic(w)] if has_arabic(text) else []
    if arabic:
        seqs.append(tuple(_arabic_candidates(w) for w in arabic))
    latin = [] if _NO_LATIN.fullmatch(text) else _latin_words(text)
    if latin:
        seqs.append(tuple((w,) for w in latin))
    return tuple(seqs)


# id of a lexicon -> (the lexicon, its first words). The lexicon itself is kept beside its
# id, and compared by identity on each look-up: a rebuilt table (clear_memos) can never be
# answered with the first words of a freed one that had the same id.
_FIRST_WORDS: dict[int, tuple[Collection[str], dict[str, int]]] = {}
_FIRST_WORDS_MAX = 32  # a few lexicons; more means tables were rebuilt: start again


def _first_words(index: Collection[str]) -> dict[str, int]:
    """First word of every entry -> the longest entry (in words) starting with it.

    Built once per lexicon object."""
    known = _FIRST_WORDS.get(id(index))
    if known is not None and known[0] is index:
        return known[1]
    firsts: dict[str, int] = {}
    for entry in index:
        words = entry.split()
        if words:
            firsts[words[0]] = max(firsts.get(words[0], 0), len(words))
    if len(_FIRST_WORDS) >= _FIRST_WORDS_MAX:
        _FIRST_WORDS.clear()
    _FIRST_WORDS[id(index)] = (index, firsts)
    return firsts


def ngram_hits(text: str, index: Collection[str]) -> list[str]:
    """Entries of ``index`` found in ``text`` as whole words or word sequences (up to
    four words), longest match first, left to right."""
    firsts = _first_words(index)
    hits: list[str] = []
    for seq in word_sequences(text):
        i = 0
        while i < len(seq):
            step = 1
            # only forms that begin some entry are worth joining with what follows
            forms = [(f, firsts[f]) for f in seq[i] if f in firsts]
            if forms:
                longest = min(MAX_NGRAM, len(seq) - i, max(n for _, n in forms))
                found = None
                for n in range(longest, 0, -1):
                    tail = " ".join(seq[j][0] for j in range(i + 1, i + n))
                    for f, max_n in forms:
                        if n > max_n:
                            continue
                        phrase = f"{f} {tail}" if tail else f
                        if phrase in index:
                            found = phrase
                            break
                    if found is not None:
                        hits.append(found)
                        step = n
                        break
            i += step
    return hits
