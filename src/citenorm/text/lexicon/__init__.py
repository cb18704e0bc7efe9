"""Lexicons of places, publisher, journal, corporate and web-site words, given names and
bilingual bibliographic terms, with whole-word lookup helpers.

What it is for
--------------
Bibliography entries in Arabic scholarly articles (Iraqi, ACRPS/Chicago and APA house
styles) are comma- or period-separated segments.  The extractor asks which segment is a
place of publication (:func:`is_place`), a publisher (:func:`has_publisher_word`), a
journal (:func:`has_journal_word`), a corporate author (:func:`has_corporate_word`), a
web site (:func:`has_site_word`), and whether a short word is a given name
(:func:`is_given_name`).  The matcher pairs an Arabic entry with its ALA-LC romanization,
popular ASCII romanization or English translation, and asks whether two place names are
the same place (:func:`place_key`) and which bibliographic concepts two publisher or
journal names share (:func:`term_keys`).

Data, sources, scope and size
-----------------------------
The vocabulary is package data, ``data/*.tsv`` beside this module, in one format (see
:func:`read_table`), read on first use. Everything in it is general vocabulary written
by hand, not strings copied from a corpus. The tables the look-ups use hold the forms
folded by :func:`fold_key`; folding some 5,000 forms took most of a cold process's
first extraction, so the folded tables ship precomputed in ``data/folded.json``
(:func:`build_folded`; ``python -m citenorm.text.lexicon --build`` writes it, a test
holds it equal to a fresh build). It records a checksum of the ``.tsv`` files it was
built from: when they have changed since, the tables are built from them instead.

* places: the Arab states, their capitals and main cities and the towns that appear on
  imprints (Būlāq, al-Fajjālah, Ḥarīṣā, Jūniyah, al-Najaf al-Ashraf, Qum al-Musharrafah,
  Ḥaydarābād al-Dakkan ...), Iran, Turkey, South Asia and the usual Western publishing
  places, each in Arabic script, ALA-LC (Library of Congress romanization tables for
  Arabic and Persian), popular ASCII romanization, English and, for the Maghreb and the
  Levant, French.  Sine-loco markers ("[S.l.]", "[د.م.]", "n.p.") map to the key
  ``"s.l."`` so that the place slot of an entry is recognised even when it is empty;
* publisher, journal, corporate and site words: the words that head institution and
  periodical names in Arabic, their ALA-LC and popular romanizations, the Persian words
  found on Iranian imprints (انتشارات، چاپخانه، کتابفروشی، دانشگاه، بنیاد) and English;
  sine-nomine markers ("[s.n.]", "[د.ن.]", "[publisher not identified]") count as
  publisher words when they are the whole segment;
* given names: common male and female Arabic given names in Arabic script, compounds
  (عبد الله، عبد الحسين، نور الدين ...) as single entries;
* bilingual terms: about 150 concepts that make up institution, publisher and journal
  names (university, press, studies, research, political, Arab ...).

Sizes (``python -m citenorm.text.lexicon`` prints them; the tables of words fold a few
variants together): 385 places under 1,678 folded
variants; 234 publisher words; 49 journal words; 112 corporate words; 21 site words;
547 given names; 182 concepts under about 1,370 folded terms.

Ambiguous names get one key: الجزائر is ``Algeria`` (country and city, so Algiers too),
طرابلس is ``Tripoli`` (Lebanon or Libya), bare عمان is ``Amman`` (the Sultanate is
سلطنة عمان / ʻUmān / Oman).  A bare given name is never a place (خليل, رياض are not
Hebron and Riyadh; الخليل and الرياض are).  Measured on the
641 catalogue records of ``aco-dev.jsonl`` (see ``tests/test_lexicon.py``) the place
lexicon recognises over 95% of distinct place statements in both scripts and the
publisher words over 80% of distinct publisher statements; most of the rest are personal
names of booksellers and printers.

Folding
-------
Keys are made by :func:`fold_key`: Arabic text is folded by
:func:`citenorm.text.normalize.fold_arabic` (hamza seats, ta marbuta, alef maqsura, tashkeel)
and the article ال is dropped from each word; Latin text is folded by
:func:`citenorm.text.normalize.fold_latin` (diacritics, ʻ ʼ marks and case dropped), the
articles al-/el-/ul- and assimilated ones (ad-, ar-, as-, ash- ... before the matching
consonant) are dropped, and each word is reduced to a skeleton (doubled letters single,
final -ah/-at -> -a), so ``Maṭbaʻat``, ``Matbaat``, ``Matbaah`` and ``al-Maṭbaʻah`` are
one key.  Word lookups are by whole word after folding (``دار`` never hits inside
``مدارس``); Arabic words are also tried without attached و/ف, ب/ل/ك and ال/لل prefixes
(``للدراسات`` -> ``دراسات``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from citenorm._data import read_text
from citenorm.memo import memo
from citenorm.text import _rx
from citenorm.text.lexicon import _build
from citenorm.text.lexicon._build import (
    TABLES,
    UNKNOWN_PLACE,
    build_folded,
    parse_table,
    read_table,
    write_folded,
)
from citenorm.text.lexicon._fold import (
    _NO_LATIN,
    MAX_NGRAM,
    _arabic_candidates,
    fold_key,
    latin_word_forms,
    ngram_hits,
    word_sequences,
)
from citenorm.text.normalize import fold_arabic, has_arabic

__all__ = [
    "BILINGUAL_TERMS",
    "CORPORATE_WORDS",
    "GIVEN_NAMES",
    "JOURNAL_WORDS",
    "MAX_NGRAM",
    "PLACES",
    "PUBLISHER_WORDS",
    "SITE_WORDS",
    "TABLES",
    "UNKNOWN_PLACE",
    "build_folded",
    "fold_key",
    "has_corporate_word",
    "has_journal_word",
    "has_publisher_word",
    "has_site_word",
    "is_given_name",
    "is_place",
    "ngram_hits",
    "parse_table",
    "place_key",
    "read_table",
    "term_keys",
    "word_lookups",
    "word_sequences",
    "write_folded",
]

# The tables are built on first use (module __getattr__ below), so that importing
# citenorm stays fast: building them folds some 5,000 strings.
_LAZY = {
    "PLACES": "_places",
    "PUBLISHER_WORDS": "_publisher_words",
    "JOURNAL_WORDS": "_journal_words",
    "CORPORATE_WORDS": "_corporate_words",
    "SITE_WORDS": "_site_words",
    "GIVEN_NAMES": "_given_names",
    "BILINGUAL_TERMS": "_terms",
}

if TYPE_CHECKING:
    PLACES: Mapping[str, str]
    """Folded place variant -> canonical (English) key."""
    PUBLISHER_WORDS: frozenset[str]
    JOURNAL_WORDS: frozenset[str]
    CORPORATE_WORDS: frozenset[str]
    SITE_WORDS: frozenset[str]
    GIVEN_NAMES: frozenset[str]
    BILINGUAL_TERMS: Mapping[str, str]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return globals()[_LAZY[name]]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------------------------------
# Given names
# ---------------------------------------------------------------------------------------


@memo(None)
def _given_names() -> frozenset[str]:
    """Common Arabic given names in Arabic script, folded by ``fold_arabic`` (article kept)."""
    return frozenset(_folded()["given-names"])


@memo(4096)
def is_given_name(word: str) -> bool:
    """True when ``word`` (one name; compounds such as ``عبد الله`` count as one) is a
    common Arabic given name.  ``ومحمد`` is not, ``وليد`` is: callers that meet a word
    beginning with و should first test the word whole, then without the و.
    """
    return fold_arabic(word) in _given_names()


# ---------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------


@memo(None)
def _places() -> dict[str, str]:
    """Folded place-name variants -> canonical (English) key (see :func:`_build_places`)."""
    places: dict[str, str] = _folded()["places"]
    return places


"""Folded place-name variant (``fold_key(v, articles=True)``, and the article-less form
``fold_key(v)``) -> canonical (English) place key."""

_PLACE_SPLIT = _rx.compile(r"[,،;؛:=\[\]()/&]|\s+(?:and|et|und)\s+")
_UNCERTAIN = _rx.compile(r"[?؟]")
# either of the two: one scan
_UNCERTAIN_OR_SPLIT = _rx.compile(r"[?؟,،;؛:=\[\]()/&]|\s+(?:and|et|und)\s+")


@memo(4096)
def place_key(text: str) -> str | None:
    """Canonical key of the place named by the whole of ``text``, else ``None``.

    Brackets, ISBD punctuation and uncertainty marks are ignored (``[مصر؟] :`` ->
    ``Egypt``).  A place statement of several places ("بيروت، لبنان", "Cambridge, MA",
    "London and New York", "Dār al-Khilāfah [Istanbul]") is a place when every part is;
    its key is that of the first part.
    """
    if "?" in text or "؟" in text:
        text = _UNCERTAIN.sub(" ", text)
    whole = fold_key(text, articles=True)
    if not whole:
        return None
    hit = _places().get(whole)
    if hit is not None:
        return hit
    keys: list[str] = []
    for part in _PLACE_SPLIT.split(text):
        folded = fold_key(part, articles=True)
        if not folded:
            continue
        key = _places().get(folded)
        if key is None:
            return None
        keys.append(key)
    return keys[0] if keys else None


def is_place(text: str) -> bool:
    """True when the whole of ``text`` is a known place statement (see :func:`place_key`)."""
    return place_key(text) is not None  # place_key's memo answers (a second one cost memory)


def word_lookups(
    word: str,
) -> tuple[tuple[tuple[tuple[str, ...], ...], ...], bool, str | None, bool]:
    """One word's look-ups, its folds shared: ``(word_sequences(word), is_place(word),
    fold_key(word, articles=True), is_given_name(word))``; the third is ``None`` when
    it was not needed (``word`` holds a separator or an uncertainty mark: the look-ups
    are then the functions' own).

    The reference parser's features read these three of every word; each function folds
    the word again (Arabic three times, Latin twice), this folds it once.
    """
    if _UNCERTAIN_OR_SPLIT.search(word):
        return word_sequences(word), is_place(word), None, is_given_name(word)
    folded = fold_arabic(word)
    # as word_sequences and fold_key read them
    arabic = [w for w in folded.split() if has_arabic(w)] if has_arabic(word) else []
    if _NO_LATIN.fullmatch(word):
        latin: list[str] = []
        key = " ".join(arabic)
    else:
        latin, with_articles = latin_word_forms(word)
        key = " ".join(arabic + with_articles)
    seqs: list[tuple[tuple[str, ...], ...]] = []
    if arabic:
        seqs.append(tuple(_arabic_candidates(w) for w in arabic))
    if latin:
        seqs.append(tuple((w,) for w in latin))
    # place_key: the whole key, or (no separator to split at) nothing
    place = bool(key) and _places().get(key) is not None
    return tuple(seqs), place, key, folded in _given_names()


# ---------------------------------------------------------------------------------------
# Word lexicons
# ---------------------------------------------------------------------------------------


@memo(None)
def _publisher_words() -> frozenset[str]:
    """Folded words (and a few word pairs) that mark a publisher, printer or institution."""
    return frozenset(_folded()["publisher-words"])


@memo(None)
def _journal_words() -> frozenset[str]:
    return frozenset(_folded()["journal-words"])


"""Folded words that mark a periodical title."""


@memo(None)
def _corporate_words() -> frozenset[str]:
    return frozenset(_folded()["corporate-words"])


"""Folded words that make an author a corporate body (unit, ministry, council ...)."""


@memo(None)
def _site_words() -> frozenset[str]:
    return frozenset(_folded()["site-words"])


"""Folded words that mark a web source."""


# ---------------------------------------------------------------------------------------
# Bilingual bibliographic terms
# ---------------------------------------------------------------------------------------


@memo(None)
def _terms() -> dict[str, str]:
    terms: dict[str, str] = _folded()["terms"]
    return terms


"""Folded term (any script or romanization) -> canonical English concept key."""


def _has(text: str, words: frozenset[str]) -> bool:
    return bool(ngram_hits(text, words))


def _sine_nomine(text: str) -> bool:
    stripped = _UNCERTAIN.sub(" ", text)
    return fold_key(stripped) in _sine_nomine_keys()


@memo(None)
def _sine_nomine_keys() -> frozenset[str]:
    return frozenset(_folded()["sine-nomine"])


# ---------------------------------------------------------------------------------------
# The folded tables, precomputed (built by ._build)
# ---------------------------------------------------------------------------------------


def _read_folded() -> dict[str, Any] | None:
    """``data/folded.json``, or ``None`` when it is missing."""
    try:
        text = read_text(__name__, "data", "folded.json")
    except FileNotFoundError:
        return None
    data: dict[str, Any] = json.loads(text)
    return data


@memo(None)
def _folded() -> dict[str, Any]:
    """The folded tables (:mod:`._build`): the shipped ``data/folded.json`` when it was built from the
    ``.tsv`` files as they are (its checksum), else a build from them."""
    shipped = _read_folded()
    if shipped is not None and shipped.get("checksum") == _build.checksum():
        return shipped
    return _build.build_folded()


@memo(4096)
def has_publisher_word(text: str) -> bool:
    """True when ``text`` holds a word that marks a publisher, printer or institution
    (``مطبعة``, ``Maṭbaʻat``, ``Press``, ``Jāmiʻat`` ...), or is a sine-nomine marker."""
    return _has(text, _publisher_words()) or _sine_nomine(text)


@memo(4096)
def has_journal_word(text: str) -> bool:
    """True when ``text`` holds a word that marks a periodical (``مجلة``, ``Journal`` ...)."""
    return _has(text, _journal_words())


@memo(4096)
def has_corporate_word(text: str) -> bool:
    """True when ``text`` holds a word that makes an author a corporate body."""
    return _has(text, _corporate_words())


@memo(4096)
def has_site_word(text: str) -> bool:
    """True when ``text`` holds a word that marks a web source (``موقع``, ``website`` ...)."""
    return _has(text, _site_words())


@memo(4096)
def term_keys(text: str) -> frozenset[str]:
    """Concept keys of :data:`BILINGUAL_TERMS` found in ``text`` (any script).

    ``term_keys("مركز الإمارات للدراسات")`` and ``term_keys("Emirates Center for Studies")``
    both give ``{"center", "Emirates", "studies"}``.
    """
    terms = _terms()
    return frozenset(terms[h] for h in ngram_hits(text, terms))


def _sizes() -> dict[str, int]:
    PLACES, PUBLISHER_WORDS, JOURNAL_WORDS = _places(), _publisher_words(), _journal_words()  # noqa: N806
    CORPORATE_WORDS, SITE_WORDS, GIVEN_NAMES = _corporate_words(), _site_words(), _given_names()  # noqa: N806
    BILINGUAL_TERMS = _terms()  # noqa: N806
    return {
        "PLACES (variants)": len(PLACES),
        "PLACES (places)": len(set(PLACES.values())),
        "PUBLISHER_WORDS": len(PUBLISHER_WORDS),
        "JOURNAL_WORDS": len(JOURNAL_WORDS),
        "CORPORATE_WORDS": len(CORPORATE_WORDS),
        "SITE_WORDS": len(SITE_WORDS),
        "GIVEN_NAMES": len(GIVEN_NAMES),
        "BILINGUAL_TERMS (terms)": len(BILINGUAL_TERMS),
        "BILINGUAL_TERMS (concepts)": len(set(BILINGUAL_TERMS.values())),
    }


_checksum = _build.checksum  # (the name the CI check and tests use)
