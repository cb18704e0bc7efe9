"""How an article's romanized list renders its Arabic words, pair by pair: the facts the
CN6xx audit rules compare.

Every pair (an Arabic entry and its romanized entry) yields *occurrences*: an Arabic unit
(a word, or a compound such as ``عبد الحسين``) and the Latin words that render it. Names
are aligned unit by unit (family with family, given with given); the publisher, place and
journal are aligned where their words fit (a translated word such as ``University`` fits
no Arabic word and is left out). Fitting compares consonants only
(:func:`arabic_consonant_key` against :func:`~._article.consonant_key`), so no model
is needed: the audit stays fast.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from citenorm._data import read_text
from citenorm._plain import Frozen
from citenorm.memo import memo
from citenorm.models import Entry, MatchResult, Name, entries_by_id
from citenorm.text import _rx
from citenorm.text.normalize import fold_letters, strip_article
from citenorm.text.romanize._article import arabic_units, consonant_key
from citenorm.text.romanize._tokens import tokenize
from citenorm.text.vocab import CLITIC_PREFIXES_AR

__all__ = [
    "Occurrence",
    "TermUse",
    "arabic_consonant_key",
    "name_fit",
    "occurrences",
    "term_uses",
    "terms",
]

# Arabic letters -> the consonant classes of consonant_key (vowel letters, ʻayn and hamza
# carry nothing: romanizations disagree on them)
_AR_CONSONANTS = str.maketrans(
    {
        "ب": "b",
        "ت": "t",
        "ث": "t",
        "ج": "g",
        "ح": "h",
        "خ": "k",
        "د": "d",
        "ذ": "d",
        "ر": "r",
        "ز": "s",
        "س": "s",
        "ش": "s",
        "ص": "s",
        "ض": "d",
        "ط": "t",
        "ظ": "s",
        "غ": "g",
        "ف": "f",
        "ق": "k",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
        "پ": "b",
        "چ": "s",
        "ژ": "s",
        "گ": "g",
        "ڤ": "f",
        **dict.fromkeys("اأإآءؤئىيوعة", ""),
    }
)
_DOUBLE = _rx.compile(r"(.)\1+")


def arabic_consonant_key(text: str) -> str:
    """The consonants of an Arabic unit in the classes of ``consonant_key``: the article
    of each word dropped, ``عبد الحسين`` -> ``bdhsn``, ``محمد`` -> ``mhmd``."""
    words = [t.text for t in tokenize(text) if t.kind == "arabic"]
    out = []
    for w in words:
        out.append(strip_article(w).translate(_AR_CONSONANTS))
    return _DOUBLE.sub(lambda m: m[1], "".join(out))  # (no template: see normalize._group1)


def _sim(a: str, b: str) -> float:
    if not a or not b:
        return 100.0 if a == b else 0.0
    return fuzz.ratio(a, b)


class Occurrence(Frozen):
    """An Arabic unit of a paired entry and the Latin words that render it, with the ids
    and lines of the pair's two entries (not the entries: a long list's occurrences held
    every entry of its pairs, built, at once)."""

    __slots__ = ("arabic_id", "arabic_line", "field", "latin", "latin_id", "latin_line", "unit")

    unit: str  # Arabic, as printed
    latin: str  # as printed in the romanized entry
    field: str  # author, publisher, publisher-place, container-title
    arabic_id: str
    arabic_line: int
    latin_id: str
    latin_line: int

    def __init__(
        self, unit: str, latin: str, field: str, arabic_entry: Entry, latin_entry: Entry
    ) -> None:
        _set = object.__setattr__
        _set(self, "unit", unit)
        _set(self, "latin", latin)
        _set(self, "field", field)
        _set(self, "arabic_id", arabic_entry.id)
        _set(self, "arabic_line", arabic_entry.line)
        _set(self, "latin_id", latin_entry.id)
        _set(self, "latin_line", latin_entry.line)


# English-looking words: a translation, not a romanization
_ENGLISH = _rx.compile(
    r"(?i)(?:ic|ical|ian|ism|ist|ity|tion|sion|ment|ese|ish|ern|ance|ence|ies|ness|ship|ogy|"
    r"ary|ory|ive|ous|ing|ed|ly)$"
)
_LATIN_WORD = _rx.compile(r"[^\W\d_][\w'ʻʼ‘’\-]*", re.UNICODE)
_NAME_FIT = 60.0  # a name unit and its rendering: consonant similarity at least this
_FIELD_FIT = 85.0  # a word of a publisher, place or journal: stricter (no context)


def _romanized_looking(word: str) -> bool:
    """A word that may be a romanization: capitalized or with an article, and not an
    English derivation (``Strategic``, ``Russian``)."""
    bare = re.sub(r"^(?:al|el|Al|El)-", "", word)
    if not bare[:1].isupper() and not word.lower().startswith(("al-", "el-")):
        return False
    return not _ENGLISH.search(bare)


def _align_name(arabic: str, latin: str) -> list[tuple[str, str]]:
    units = arabic_units(arabic)
    words = _LATIN_WORD.findall(latin)
    if not units or not words:
        return []
    keys = [arabic_consonant_key(u) for u in units]
    best: dict[tuple[int, int], tuple[float, list[tuple[str, str]]]] = {(0, 0): (0.0, [])}
    for i in range(len(units)):
        for j in range(len(words) + 1):
            cur = best.get((i, j))
            if cur is None:
                continue
            for take in (1, 2):
                if j + take > len(words):
                    continue
                lat = " ".join(words[j : j + take])
                sim = _sim(keys[i], consonant_key(lat))
                if sim < _NAME_FIT:
                    continue
                score = cur[0] + sim - (5 if take == 2 else 0)
                k = (i + 1, j + take)
                if k not in best or score > best[k][0]:
                    best[k] = (score, [*cur[1], (units[i], lat)])
    found = best.get((len(units), len(words)))
    return found[1] if found else []


def _align_partial(arabic: str, latin: str) -> list[tuple[str, str]]:
    """Arabic units matched to Latin words that fit them well (translated words are not)."""
    units = [u for u in arabic_units(arabic) if len(arabic_consonant_key(u)) >= 3]
    words = [w for w in _LATIN_WORD.findall(latin) if _romanized_looking(w)]
    pairs: list[tuple[float, str, str]] = []
    for u in units:
        ku = arabic_consonant_key(u)
        for w in words:
            sim = _sim(ku, consonant_key(w))
            if sim >= _FIELD_FIT:
                pairs.append((sim, u, w))
    used_u: set[str] = set()
    used_w: set[str] = set()
    out: list[tuple[str, str]] = []
    for _sim_value, u, w in sorted(pairs, key=lambda p: -p[0]):
        if u in used_u or w in used_w:
            continue
        used_u.add(u)
        used_w.add(w)
        out.append((u, w))
    return out


def _pairs(result: MatchResult) -> Iterator[tuple[Entry, Entry]]:
    """The entries of each pair, read one pair at a time (not all held at once)."""
    by_id = entries_by_id(result.document.entries)
    for p in result.pairs:
        ar, la = by_id.get(p.arabic), by_id.get(p.latin)
        if ar is not None and la is not None:
            yield ar, la


def _person(name: Name) -> bool:
    return not name.literal and bool(name.family or name.given)


def occurrences(result: MatchResult) -> Iterator[Occurrence]:
    """Every Arabic unit of the article's pairs with the Latin words that render it, pair
    by pair."""
    for ar, la in _pairs(result):
        a_names, l_names = ar.fields.author or [], la.fields.author or []
        if len(a_names) == len(l_names):
            for a, b in zip(a_names, l_names, strict=True):
                if not (_person(a) and _person(b)):
                    continue
                for attr in ("family", "given"):
                    av, bv = getattr(a, attr), getattr(b, attr)
                    if av and bv:
                        for unit, lat in _align_name(av, bv):
                            yield Occurrence(unit, lat, "author", ar, la)
        for attr, csl in (
            ("publisher", "publisher"),
            ("publisher_place", "publisher-place"),
            ("container_title", "container-title"),
        ):
            av, bv = getattr(ar.fields, attr), getattr(la.fields, attr)
            if av and bv:
                for unit, lat in _align_partial(av, bv):
                    yield Occurrence(unit, lat, csl, ar, la)


def name_fit(arabic: Name, latin: Name) -> float:
    """How well a romanized name's consonants fit its Arabic counterpart (0-100): the
    fit of its worst-fitting Arabic part (a word, or a compound such as ``عبد العظيم``)
    with the Latin word or two words that fit it best, in any order (``Family, Given``
    against ``Given Family``). Parts of one consonant are not judged."""
    a_text = " ".join(p for p in (arabic.given, arabic.family) if p)
    l_text = " ".join(p for p in (latin.given, latin.family) if p)
    words = _LATIN_WORD.findall(l_text)
    if latin.given and all(len(w.strip(".")) <= 1 for w in latin.given.split()):
        # initials ("A. Bayet"): the family name against the best-fitting Arabic part
        family = consonant_key(latin.family or "")
        parts = [arabic_consonant_key(u) for u in arabic_units(a_text)]
        return max((_sim(family, p) for p in parts if p), default=100.0)
    windows = [consonant_key(w) for w in words]
    windows += [consonant_key(f"{a} {b}") for a, b in itertools.pairwise(words)]
    windows = [w for w in windows if w]
    worst = 100.0
    for unit in arabic_units(a_text):
        key = arabic_consonant_key(unit)
        if len(key) < 2 or not windows:
            continue
        worst = min(worst, max(_sim(key, w) for w in windows))
    return worst


# -- terms ---------------------------------------------------------------------------------
@memo(None)
def terms() -> dict[str, tuple[str, ...]]:
    """The bilingual term list (``data/terms.tsv``): Arabic term -> English translations."""
    out: dict[str, tuple[str, ...]] = {}
    for line in read_text("citenorm.text.romanize", "data", "terms.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        arabic, english = line.split("\t")
        out[arabic] = tuple(e.strip() for e in english.split("|") if e.strip())
    return out


class TermUse(Frozen):
    """An Arabic term of a paired entry and the one translation its romanized entry uses."""

    __slots__ = ("arabic_entry", "english", "latin_entry", "term")

    term: str
    english: str  # as printed
    arabic_entry: Entry
    latin_entry: Entry

    def __init__(self, term: str, english: str, arabic_entry: Entry, latin_entry: Entry) -> None:
        _set = object.__setattr__
        _set(self, "term", term)
        _set(self, "english", english)
        _set(self, "arabic_entry", arabic_entry)
        _set(self, "latin_entry", latin_entry)


def _stems(text: str) -> set[str]:
    out = set()
    for tok in tokenize(text):
        if tok.kind != "arabic":
            continue
        word = tok.text
        out.add(fold_letters(word))
        for prefix in CLITIC_PREFIXES_AR:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                out.add(fold_letters(word[len(prefix) :]))
    return out


@memo(None)
def _term_patterns() -> dict[str, tuple[str, ...]]:
    """Each term (folded) and its English translations; their patterns are compiled by
    :func:`_variant_patterns` when an entry holds the term (most terms never occur)."""
    return {fold_letters(term): tuple(english) for term, english in terms().items()}


@memo(64)
def _variant_patterns(english: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    return [(e, re.compile(rf"(?<![\w-]){re.escape(e)}(?![\w-])", re.IGNORECASE)) for e in english]


def term_uses(result: MatchResult) -> list[TermUse]:
    """For every pair: each Arabic term of the Arabic entry whose romanized entry uses
    exactly one of the term's translations."""
    patterns = _term_patterns()
    out: list[TermUse] = []
    for ar, la in _pairs(result):
        ar_text, la_text = ar.text, la.text
        a_journal, l_journal = ar.fields.container_title, la.fields.container_title
        if a_journal and l_journal:
            # a journal's English name is its own title, not the list's translation
            ar_text, la_text = ar_text.replace(a_journal, " "), la_text.replace(l_journal, " ")
        stems = _stems(ar_text)
        for term, english in patterns.items():
            if term not in stems:
                continue
            variants = _variant_patterns(english)
            found = {e.lower(): m.group() for e, rx in variants for m in [rx.search(la_text)] if m}
            # a longer translation holds a shorter one ("Printing Press" holds "Press")
            keys = [k for k in found if not any(k != o and k in o for o in found)]
            if len(keys) == 1:
                out.append(TermUse(term, found[keys[0]], ar, la))
    return out
