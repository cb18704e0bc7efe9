"""Script-neutral consonant skeletons for comparing Arabic script with its romanization.

Both an Arabic string (``حسين``) and any romanization of it (``Ḥusayn``, ``Hussein``,
``Husain``) are mapped to the same small alphabet of consonant classes (``hsn``), and
the keys are compared with rapidfuzz. The rules are general letter and digraph mappings
plus a handful of function words; nothing is keyed to particular records.

How a key is built (both scripts go through one pipeline, the letter sets are disjoint):

* clean-up: ʻ ʼ ʾ ʿ ʹ ' ` ‘ ’ and similar marks deleted, NFKC (presentation forms),
  bidi/zero-width marks, tatweel and tashkeel deleted, Persian ی ک → ي ك, Arabic-Indic
  digits → ASCII, lower case, Latin diacritics stripped (``ṣ`` → ``s``);
* the article is dropped: ``ال`` (also after the clitics و ف ب ك, and ``لل``),
  ``al-``/``el-``/``al ``, sun-letter forms ``ash-Shams``/``as-Sayyid``; ``عبدال…``,
  ``Abdul…``, ``Abdel …``, ``Abu l-…``, ``Abdurrahman`` are split into ``abd`` + name, and
  ``الله``/``Allah``/``-ullah`` are kept as a word; ``wa-``/``bi-``/``li-``/``lil-`` are
  joined to their word as in Arabic script;
* vowels are dropped (a e i o u, ا ى, and و ي / w y except at the start of a word, where
  they are consonants in both scripts); ع ء and the hamza seats are dropped;
* ة and a final ``-ah``/``-eh`` are dropped, so are the ``t`` of a final ``-at``/``ات``
  and the ``h`` of a final ``اه`` (construct state, feminine plural, ``Shurakāh``);
* Arabic letters are written as their Latin digraphs (ث th, خ kh, ذ dh, ش sh, غ gh), so
  an ASCII ``Ishaq`` (إسحاق) and ``Adham`` (أدهم) agree without guessing digraphs; then
  one fold applies to both sides: emphatics are merged (ص/س, ط/ت, ض/د, ظ/ذ/ز/د), ``th`` →
  ``t``, ``dh``/``z`` → ``d``, ق/ك/q/c → ``k``, g → j (``gh`` kept), p → b, v → f,
  ``ch`` → ``sh``, ``dj`` → ``j``; runs of one letter are collapsed (shadda, ``Hussein``).

Measured with ``.venv/bin/python benchmarks/skeleton_study.py`` (run from the project
root) on the 641 records of ``/work/shared/data/aco-dev.jsonl``: each record's Arabic
value against every record's romanization of the same field. ``top-1``: own
romanization ranks first (ties allowed: places and publishers repeat); ``sole``: it
scores strictly above every other record's; mean own score and mean best other score.
``ascii`` is ALA-LC folded to plain ASCII (diacritics, ʻ ʼ marks stripped)::

    field      variant     n  top-1   sole    own best-other
    author     ala-lc    601  0.973  0.770   98.0       79.6
    author     ascii     601  0.973  0.770   98.0       79.6
    title      ala-lc    641  0.991  0.952   98.9       68.1
    title      ascii     641  0.991  0.952   98.9       68.1
    publisher  ala-lc    596  0.970  0.443   98.5       90.3
    publisher  ascii     596  0.970  0.443   98.5       90.3
    place      ala-lc    610  0.979  0.056   98.8       97.9
    place      ascii     610  0.979  0.056   98.8       97.9

The two variants agree because the key ignores diacritics and ʻ ʼ by construction. The
author misses are mostly headings catalogued in English (``League of Nations``,
``Avicenna``, ``Egypt``). Known collisions, by design: ``حسين``/``حسن`` and
``محمد``/``محمود`` share a key (long vowels are not recoverable from ASCII).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz, process

from citenorm.memo import memo
from citenorm.text import _rx
from citenorm.text.normalize import (
    ALEF_FORMS,
    BORROWED_LETTERS,
    DELETED_MARKS,
    DIGITS,
    LATIN_ARTICLE_IN_TEXT,
    LATIN_CLITIC_ARTICLE_IN_TEXT,
    LATIN_SUN_ARTICLE_IN_TEXT,
    PERSIAN_LETTERS,
    drop_combining,
    split_article,
    strip_article,
)
from citenorm.text.patterns import lazy
from citenorm.text.vocab import PLACE_EXONYMS, SUN_CONSONANTS

__all__ = [
    "cross_similarity",
    "name_similarity",
    "skeleton",
    "skeleton_similarity",
]

# --- clean-up ---------------------------------------------------------------------------

# Marks of ʿayn/hamza, apostrophes and primes: deleted before NFKC (NFKC turns ´ into a
# space plus a combining accent).
_MARKS = dict.fromkeys(
    map(ord, "\u02b9\u02ba\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u2018\u2019\u201b\u2032'`\u00b4"),
    None,
)
_TABLE: dict[int, int | str | None] = {**_MARKS, **DELETED_MARKS, **DIGITS}
_TABLE.update(PERSIAN_LETTERS)
_TABLE.update(BORROWED_LETTERS)
_TABLE.update(ALEF_FORMS)
_TABLE.update(
    {
        ord(k): v
        for k, v in {
            "ı": "i",
            "ł": "l",
            "đ": "d",
            "ø": "o",
            "æ": "ae",
            "œ": "oe",
            "ß": "ss",
            "þ": "th",
            "ð": "dh",
            # DIN 31635 / ISO 233 / Turkish letters for ش خ غ ث ذ ج
            "š": "sh",
            "Š": "sh",
            "ş": "sh",
            "Ş": "sh",
            "ḫ": "kh",
            "Ḫ": "kh",
            "ẖ": "kh",
            "ġ": "gh",
            "Ġ": "gh",
            "ṯ": "th",
            "Ṯ": "th",
            "ḏ": "dh",
            "Ḏ": "dh",
            "ǧ": "j",
            "Ǧ": "j",
        }.items()
    }
)
_TASHKEEL_AFTER_NFKC = _rx.compile("[\u064b-\u065f\u0670]")

# --- Latin rules (lower-case, diacritics already stripped) -------------------------------

# Catalogue-heading date qualifiers (d. 767 or 8, approximately 820, 10th cent.).
_LA_DATE_QUALIFIER = _rx.compile(
    r"\b(?:approximately|approx|circa|ca|fl|active|died|born|d|b|or)\.?\s*(?=[0-9])"
    r"|(?<=[0-9])(?:st|nd|rd|th)\s+cent(?:ury)?\b"
)
# "allah" as a word or glued to a name (Abdullah, Nasrallah, Fadlullah) -> separate word.
_LA_ALLAH = _rx.compile(r"(?<=[a-z])(?:[aeiou]|[aeiou]l-)?llah\b")
# Abd/Abu heads glued to the article: Abdul-, Abdel, Abdulmajid, Abul-Faraj, Abdurrahman.
_SUN = "|".join(SUN_CONSONANTS)  # digraphs first
_LA_HEAD_SUN = _rx.compile(rf"\b(abd|ab[uo]u?)[aeiou]?({_SUN})-?(?=\2[aeiou])")
_LA_HEAD = _rx.compile(
    r"\b(abd|ab[uo]u?|dh[uo]|th[uo])(?:[aeiou]?l-|[aeiou]?l\b|[aeiou]l(?=[a-z]{3}))"
)
# Clitics written with a hyphen in romanization and joined in Arabic script (the article
# and the clitics glued to it: text.normalize).
_LA_CLITIC = _rx.compile(r"\b(wa|fa|bi|li|ka|la|wa-l|bi-l|li-l)-(?=[a-z])")

# literal rewrites (str.replace: the same as a pattern of the literal), then g not
# before h
_LA_SPELL = (("ch", "sh"), ("ph", "f"), ("dj", "j"))
_LA_G = _rx.compile("g(?!h)")
_LA_MAP = str.maketrans({"q": "k", "c": "k", "p": "b", "v": "f", "x": "ks"})
_VOWELS = frozenset("aeiou")

# --- Arabic rules (hamza seats already folded by NFKD) ----------------------------------

_AR_MAP = {
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "غ": "gh",
    "ف": "f",
    "ق": "k",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
}
_AR_HEAD = _rx.compile(r"^(عبد|ابو|ابي|ابا)(ال\w\w+)$")
_AR_LIL = _rx.compile(r"^([وف]?)لل(\w\w+)$")

# --- shared fold -------------------------------------------------------------------------

# literal rewrites, in this order (str.replace: the same as a pattern of the literal)
_FOLD = (("dj", "j"), ("th", "t"), ("dh", "d"), ("z", "d"))
_RUNS = _rx.compile(r"([a-z])\1+")
_NUMBER = _rx.compile("[0-9]")
_ARABIC_LETTER = lazy("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")
_TOKENS = _rx.compile(r"[a-z]+|[0-9]+|[\u0621-\u064a]+")


def _prepare(text: str) -> str:
    """Clean-up shared by both scripts; returns lower-case text with Latin diacritics gone."""
    text = unicodedata.normalize("NFKC", text.translate(_MARKS)).translate(_TABLE)
    text = _TASHKEEL_AFTER_NFKC.sub("", text)
    # آ at the start of a word is never the article (آل "family of", آلام): mark it off
    # before NFKD folds it into ا.
    text = text.lower()
    if "آ" in text:
        text = _MADDA_AT_START.sub("ء", text)
    return drop_combining(unicodedata.normalize("NFKD", text))


_MADDA_AT_START = _rx.compile(r"(?<!\w)آ")
# every Latin rule below matches ASCII letters: text without one is left as it is
_ASCII_LETTER = _rx.compile("[a-z]")


# replacements as functions: a template (``r"\\1 "``) costs a Python call on every
# ``sub``, matched or not
def _group1(m: re.Match[str]) -> str:
    return m[1]


def _group1_space(m: re.Match[str]) -> str:
    return m[1] + " "


def _latin_rules(text: str) -> str:
    if not _ASCII_LETTER.search(text):
        return text
    if _NUMBER.search(text):
        # (every match of the date qualifiers is next to a digit)
        text = _LA_DATE_QUALIFIER.sub(" ", text)
    # (each rule below skipped when the text lacks a string every match of it holds)
    if "llah" in text:
        text = _LA_ALLAH.sub(" allah", text)
    if "ab" in text:
        text = _LA_HEAD_SUN.sub(_group1_space, text)
    if "ab" in text or "dh" in text or "th" in text:
        text = _LA_HEAD.sub(_group1_space, text)
    if "-" in text:
        text = LATIN_SUN_ARTICLE_IN_TEXT.sub("", text)
    if "l-" in text or "al" in text or "el" in text:
        text = LATIN_ARTICLE_IN_TEXT.sub("", text)
    if "l-" in text:
        text = LATIN_CLITIC_ARTICLE_IN_TEXT.sub(lambda m: m[1] + "a", text)
    return _LA_CLITIC.sub(lambda m: m.group(1)[0] + "a", text) if "-" in text else text


def _latin_consonants(word: str) -> str:
    for literal, repl in _LA_SPELL:
        word = word.replace(literal, repl)
    if "g" in word:
        word = _LA_G.sub("j", word)
    out: list[str] = []
    for i, ch in enumerate(word):
        if ch in _VOWELS or (i and ch in "wy"):
            continue
        out.append(ch)
    return "".join(out).translate(_LA_MAP)


def _latin_word(word: str) -> str:
    if word.endswith("llah"):
        return _latin_consonants(word)
    if len(word) > 2 and word[-1] == "h" and word[-2] in "ae":
        return _latin_consonants(word[:-1])
    if len(word) > 2 and word.endswith("at"):
        stem = _latin_consonants(word[:-2])
        if len(stem) >= 2:
            return stem
    return _latin_consonants(word)


def _arabic_consonants(word: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(word):
        if ch in "وي":
            if i == 0:
                out.append("w" if ch == "و" else "y")
            continue
        out.append(_AR_MAP.get(ch, ""))
    return "".join(out)


def _arabic_words(word: str) -> list[str]:
    """Split a head glued to the article (عبدالله) and drop the article."""
    m = _AR_HEAD.match(word)
    if m:
        return [m.group(1), *_arabic_words(m.group(2))]
    parts = split_article(word)
    if parts is not None:
        return [parts[0] + parts[1]]
    m = _AR_LIL.match(word)
    if m:
        return [m.group(1) + "ل" + m.group(2)]
    return [word]


def _arabic_word(word: str) -> str:
    if word.endswith("ة"):
        return _arabic_consonants(word[:-1])
    if len(word) > 2 and word[-2] == "ا" and word[-1] in "ته":
        stem = _arabic_consonants(word[:-2])
        if len(stem) >= 2:
            return stem
    return _arabic_consonants(word)


def _fold(key: str) -> str:
    for literal, repl in _FOLD:
        key = key.replace(literal, repl)
    return _RUNS.sub(_group1, key)


_EXONYM_KEYS = {
    name: " ".join(_fold(_arabic_word(w)) for w in _arabic_words(strip_article(arabic)))
    for name, arabic in PLACE_EXONYMS.items()
}


@memo(8192)
def skeleton(text: str) -> str:
    """Script-neutral consonant key of ``text``: space-separated word keys.

    Arabic words go through the Arabic rules and Latin words through the romanization
    rules (the two letter sets are disjoint, so mixed text is handled word by word);
    digits are kept as words. ``skeleton("حسين") == skeleton("Hussein") == "hsn"``.
    Never raises; text without letters or digits gives ``""``.
    """
    prepared = _latin_rules(_prepare(text))
    keys: list[str] = []
    for token in _TOKENS.findall(prepared):
        if token[0].isdigit():
            keys.append(token)
        else:
            keys.extend(_word_keys(token))
    return " ".join(keys)


@memo(2048)
def _word_keys(token: str) -> tuple[str, ...]:
    """The keys of one prepared word (the words of a document's names and titles come
    again and again)."""
    if "a" <= token[0] <= "z":
        key = _EXONYM_KEYS.get(token) or _fold(_latin_word(token))
        return (key,) if key else ()
    return tuple(key for key in (_fold(_arabic_word(w)) for w in _arabic_words(token)) if key)


def _without_numbers(key: str) -> str:
    return " ".join(t for t in key.split() if not t.isdigit())


@memo(4096)
def _comparable(key: str) -> tuple[str, str, bool, str, str]:
    """A key ready for comparison, computed once per key (each is compared with many):
    (key, key without spaces, holds a number?, key without numbers, that without spaces).
    """
    has_number = _NUMBER.search(key) is not None
    bare = _without_numbers(key) if has_number else key
    return key, key.replace(" ", ""), has_number, bare, bare.replace(" ", "")


def skeleton_similarity(key_a: str, key_b: str) -> float:
    """0–100 similarity of two precomputed :func:`skeleton` keys, tolerant of word order.

    The better of the ratio of the keys with spaces removed (word splits may differ:
    ``Nureddine`` / ``نور الدين``) and the token-sort ratio (order may differ). Numbers
    count only when both keys hold some (a catalogue heading's dates are often missing
    on one side). An empty key scores 0.
    """
    if key_a == key_b:
        return 100.0 if key_a else 0.0
    a, a_joined, a_number, a_bare, a_bare_joined = _comparable(key_a)
    b, b_joined, b_number, b_bare, b_bare_joined = _comparable(key_b)
    if not (a_number and b_number):
        # numbers count only with numbers on both sides: compare both without them
        a, a_joined, b, b_joined = a_bare, a_bare_joined, b_bare, b_bare_joined
    if not a or not b:
        return 0.0
    # Keys are already normalized: processor=None keeps rapidfuzz from re-processing them.
    joined = fuzz.ratio(a_joined, b_joined, processor=None)
    by_token = fuzz.token_sort_ratio(a, b, processor=None)
    return max(joined, by_token)


#: up to this many pairs, and while numpy is not imported yet, :func:`similarity_matrix`
#: compares the pairs one by one: importing numpy costs a cold process 40-80 ms, a pair
#: 2-4 us (an article's lists are a few hundred pairs)
PLAIN_PAIRS = 1024


def _numpy_pays(pairs: int) -> bool:
    return pairs > PLAIN_PAIRS or "numpy" in sys.modules


def similarity_matrix(keys_a: Sequence[str], keys_b: Sequence[str]) -> list[list[float]]:
    """:func:`skeleton_similarity` of every pair of keys, computed in a few vectorised
    passes (``rapidfuzz.process.cdist``) instead of one call per pair; the same values.
    A few pairs in a process without numpy yet (:data:`PLAIN_PAIRS`) are compared one
    by one, with the same values."""
    if not keys_a or not keys_b:
        return [[] for _ in keys_a]
    if not _numpy_pays(len(keys_a) * len(keys_b)):
        return [[skeleton_similarity(a, b) for b in keys_b] for a in keys_a]
    import numpy as np  # imported when lists are compared, not at import time

    a = [_comparable(k) for k in keys_a]
    b = [_comparable(k) for k in keys_b]

    def best(ka: list[str], ja: list[str], kb: list[str], jb: list[str]) -> Any:
        joined = process.cdist(ja, jb, scorer=fuzz.ratio, processor=None, dtype=np.float64)
        by_token = process.cdist(
            ka, kb, scorer=fuzz.token_sort_ratio, processor=None, dtype=np.float64
        )
        out = np.maximum(joined, by_token)
        # an empty key scores 0
        empty = np.array([not k for k in ka])[:, None] | np.array([not k for k in kb])[None, :]
        out[empty] = 0.0
        return out

    bare = best([x[3] for x in a], [x[4] for x in a], [x[3] for x in b], [x[4] for x in b])
    num_a = np.array([x[2] for x in a])
    num_b = np.array([x[2] for x in b])
    both = num_a[:, None] & num_b[None, :]
    if both.any():
        # numbers count where both keys hold some
        raw = best([x[0] for x in a], [x[1] for x in a], [x[0] for x in b], [x[1] for x in b])
        bare = np.where(both, raw, bare)
    result: list[list[float]] = bare.tolist()
    return result


def cross_similarity(a: str, b: str) -> float:
    """0–100 similarity of two strings in either script (titles, publishers, places).

    ``cross_similarity("القاهرة", "al-Qāhirah") == 100``. Word order does not matter.
    """
    return skeleton_similarity(skeleton(a), skeleton(b))


_DIGITS = lazy(r"[0-9٠-٩۰-۹]+")
_NAME_LINKS = frozenset({"bn", "bnt"})  # ibn/bin/b./ابن/بن, bint/بنت
_INITIAL = lazy(r"^\W*[^\W\d_](?:h(?=\W*$))?\W*$", re.IGNORECASE)


def _split_name(name: str) -> tuple[str, str]:
    """(part before the first comma, the rest); the rest is empty without a comma."""
    for comma in (",", "،"):
        if comma in name:
            family, _, given = name.partition(comma)
            return family, given
    return name, ""


def _initial_of(word: str) -> str:
    """Skeleton letter of the initial of ``word``: "" for a vowel, "-" for ibn/bint."""
    key = skeleton(word)
    if key in _NAME_LINKS:
        return "-"
    # a vowel-initial word (Aḥmad, ʻUmar, إسماعيل) is written A./U./I.: no consonant
    first = re.sub(r"[\W\d_]+", "", _prepare(word))[:1]
    if not key or first in _VOWELS or first in "اعء":
        return ""
    return key[0]


@memo(4096)
def _name_keys(name: str) -> tuple[str, str, str, tuple[str, ...] | None]:
    """Keys of a name: printed order, comma-inverted order, family part, initials.

    ``initials`` is the tuple of initial letters when every given-name word is an
    initial (``Ibn Kathīr, I. U.``), else ``None``.
    """
    name = _DIGITS.sub(" ", name)
    key = skeleton(name)
    family, given = _split_name(name)
    if not given:
        return key, key, key, None
    inverted = skeleton(f"{given} {family}")
    words = given.replace(".", ". ").split()
    initials: tuple[str, ...] | None = None
    if words and all(_INITIAL.match(w) for w in words):
        initials = tuple(_initial_of(w.strip(".")) for w in words)
    return key, inverted, skeleton(family), initials


def _initials(part: str) -> tuple[str, ...]:
    out: list[str] = []
    for token in part.replace(".", " ").split():
        words = _arabic_words(_prepare(token)) if _is_arabic(token) else [token]
        for word in words:
            initial = _initial_of(word)
            if initial != "-":
                out.append(initial)
    return tuple(out)


def _initials_score(family_a: str, initials: tuple[str, ...], other: str) -> float:
    """Name with initials vs. a full name: family name counts 3/4, initials 1/4.

    The full name's parts are tried both ways round (its comma may sit elsewhere).
    """
    family, given = _split_name(_DIGITS.sub(" ", other))
    mine = tuple(i for i in initials if i != "-")
    best = 0.0
    for fam, giv in ((family, given), (given, family)):
        theirs = _initials(giv)
        agree = 0.0
        if theirs and mine:
            same = sum(1 for x, y in zip(mine, theirs, strict=False) if x == y)
            agree = same / max(len(mine), len(theirs))
        best = max(best, 0.75 * skeleton_similarity(family_a, skeleton(fam)) + 25.0 * agree)
    return best


def _directed(tokens_a: list[str], tokens_b: list[str]) -> float:
    """Length-weighted mean over ``tokens_a`` of the best match in ``tokens_b``.

    A token ratio is rescaled so that 50 (what unrelated skeletons share by chance)
    counts 0 and 100 counts 100.
    """
    total = 0.0
    weight = 0
    for a in tokens_a:
        best = max(fuzz.ratio(a, b, processor=None) for b in tokens_b)
        total += len(a) * max(0.0, 2.0 * best - 100.0)
        weight += len(a)
    return total / weight


def _aligned(key_a: str, key_b: str) -> float:
    """Word-by-word agreement of two name keys (mean of both directions), 0–100."""
    tokens_a = [t for t in key_a.split() if not t.isdigit()]
    tokens_b = [t for t in key_b.split() if not t.isdigit()]
    if not tokens_a or not tokens_b:
        return 0.0
    return (_directed(tokens_a, tokens_b) + _directed(tokens_b, tokens_a)) / 2.0


def name_similarity(a: str, b: str) -> float:
    """0–100 similarity of two personal names in either script.

    Order-tolerant (``Family, Given`` vs. ``Given Family``), compounds may be joined or
    split (``Abdulhussein`` / ``Abdul Hussein`` / ``عبد الحسين``), dates are ignored;
    given names reduced to initials (``Ibn Kathīr, I. U.``) are compared by initial.
    """
    a1, a2, a_family, a_initials = _name_keys(a)
    b1, b2, b_family, b_initials = _name_keys(b)
    if not (a1 and b1):
        return 0.0
    best = max(
        skeleton_similarity(a1, b1),
        skeleton_similarity(a2, b2),
        skeleton_similarity(a1, b2),
        skeleton_similarity(a2, b1),
    )
    joined = fuzz.ratio(a1.replace(" ", ""), b1.replace(" ", ""), processor=None)
    if best < 100.0 and joined < 90.0:
        # the character-level scores reward letters shared by chance between unrelated
        # names (Zeidun Salman Mohammed / Ghazlan Mahmoud): cap by word agreement
        best = min(best, _aligned(a1, b1))
    if a_initials is not None and b_initials is None:
        best = max(best, _initials_score(a_family, a_initials, b))
    elif b_initials is not None and a_initials is None:
        best = max(best, _initials_score(b_family, b_initials, a))
    return best


def _is_arabic(text: str) -> bool:
    """True when ``text`` holds an Arabic letter."""
    return _ARABIC_LETTER.search(text) is not None
