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
import re
import zlib
from collections.abc import Collection, Iterable, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from citenorm.memo import memo
from citenorm.text.normalize import (
    fold_arabic,
    fold_latin,
    has_arabic,
    is_latin_article,
    strip_article,
)

__all__ = [
    "BILINGUAL_TERMS",
    "CORPORATE_WORDS",
    "GIVEN_NAMES",
    "JOURNAL_WORDS",
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
    "parse_table",
    "place_key",
    "read_table",
    "term_keys",
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


UNKNOWN_PLACE = "s.l."
"""Key that :func:`place_key` gives for sine-loco markers such as ``[S.l.]`` and ``د.م``."""

# ---------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------

#: the tables of ``data/``: name -> columns
TABLES: dict[str, tuple[str, ...]] = {
    "places": ("key", "form"),
    "terms": ("key", "form"),
    "given-names": ("form",),
    "publisher-words": ("form",),
    "journal-words": ("form",),
    "corporate-words": ("form",),
    "site-words": ("form",),
    "sine-loco": ("form",),
    "sine-nomine": ("form",),
}


def _table_text(name: str) -> str:
    return (resources.files(__name__) / "data" / f"{name}.tsv").read_text(encoding="utf-8")


def read_table(name: str) -> list[tuple[str, ...]]:
    """The rows of ``data/<name>.tsv`` (a name of :data:`TABLES`), read from the package."""
    return parse_table(_table_text(name), TABLES[name], name=f"{name}.tsv")


def parse_table(text: str, columns: tuple[str, ...], *, name: str) -> list[tuple[str, ...]]:
    """The rows of a table in the one format of the lexicon's data.

    UTF-8 text; lines opening with ``#`` are comments (what the table holds, its
    sources); the first other line names the columns, tab-separated (``form``, or
    ``key`` and ``form``); then one row a line, one form a row, cells separated by one
    tab and never empty. A ``key`` groups the forms of one place or concept and is
    itself a form. A malformed row raises ``ValueError`` naming the file and line.
    """
    rows: list[tuple[str, ...]] = []
    header: tuple[str, ...] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        cells = tuple(line.split("\t"))
        if header is None:
            header = cells
            if header != columns:
                raise ValueError(f"{name}:{number}: columns {header}, expected {columns}")
            continue
        if len(cells) != len(columns) or not all(c and c == c.strip() for c in cells):
            raise ValueError(f"{name}:{number}: expected {len(columns)} non-empty cells")
        rows.append(cells)
    return rows


def _forms(name: str) -> list[str]:
    return [row[-1] for row in read_table(name)]


def _keyed(name: str) -> dict[str, tuple[str, ...]]:
    """Key -> (the key, its forms...), keys in the order of the file."""
    out: dict[str, tuple[str, ...]] = {}
    for key, form in read_table(name):
        out[key] = (*out.get(key, (key,)), form)
    return out


# ---------------------------------------------------------------------------------------
# Folding
# ---------------------------------------------------------------------------------------

_DOUBLE = re.compile(r"([a-z])\1+")
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


def _latin_word_key(word: str) -> str:
    word = word.replace("ou", "u").replace("ee", "i")
    word = _DOUBLE.sub(r"\1", word)
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
_NO_LATIN = re.compile(
    "[\u0600-\u065f\u066a-\u06ef\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
    r"\s.,:;()\[\]«»\"'!?*/\u2013\u2014-]*"
)


def _arabic_candidates(word: str) -> tuple[str, ...]:
    """Lookup forms of one folded Arabic word: the word without its article first, then
    its stems without attached و/ف, ب/ل/ك and ال/لل (stems of three letters or more)."""
    out = [strip_article(word)]
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            stem = word[len(prefix) :]
            if stem not in out:
                out.append(stem)
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Given names
# ---------------------------------------------------------------------------------------


@memo(None)
def _given_names() -> frozenset[str]:
    """Common Arabic given names in Arabic script, folded by ``fold_arabic`` (article kept)."""
    return frozenset(_folded()["given-names"])


def _build_given_names() -> frozenset[str]:
    return frozenset(fold_arabic(n) for n in _forms("given-names"))


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


def _build_places(given_names: frozenset[str]) -> dict[str, str]:
    """Variants with their article, plus article-less forms (نجف, Najaf, بصرة) unless one of
    the place's article-less Arabic forms is a given name (الخليل/خليل, الرياض/رياض).
    Arabic variants that are themselves given names are left out."""
    out: dict[str, str] = {}
    bare: dict[str, str] = {}
    for key, variants in _keyed("places").items():
        names_clash = any(fold_key(v) in given_names for v in variants if has_arabic(v))
        for variant in variants:
            folded = fold_key(variant, articles=True)
            if has_arabic(variant) and folded in given_names:
                continue  # a bare given name (فارس، هالة) is not taken for a place
            if folded:
                out.setdefault(folded, key)
            if not names_clash and (stripped := fold_key(variant)):
                bare.setdefault(stripped, key)
    for stripped, key in bare.items():
        out.setdefault(stripped, key)
    for marker in _forms("sine-loco"):
        folded = fold_key(marker, articles=True)
        if folded:
            out.setdefault(folded, UNKNOWN_PLACE)
    return out


"""Folded place-name variant (``fold_key(v, articles=True)``, and the article-less form
``fold_key(v)``) -> canonical (English) place key."""

_PLACE_SPLIT = re.compile(r"[,،;؛:=\[\]()/&]|\s+and\s+|\s+et\s+|\s+und\s+")
_UNCERTAIN = re.compile(r"[?؟]")


@memo(4096)
def place_key(text: str) -> str | None:
    """Canonical key of the place named by the whole of ``text``, else ``None``.

    Brackets, ISBD punctuation and uncertainty marks are ignored (``[مصر؟] :`` ->
    ``Egypt``).  A place statement of several places ("بيروت، لبنان", "Cambridge, MA",
    "London and New York", "Dār al-Khilāfah [Istanbul]") is a place when every part is;
    its key is that of the first part.
    """
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


# ---------------------------------------------------------------------------------------
# Word lexicons
# ---------------------------------------------------------------------------------------


def _folded_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(f for f in (fold_key(w) for w in words) if f)


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


def _build_terms() -> dict[str, str]:
    out: dict[str, str] = {}
    for key, variants in _keyed("terms").items():
        for variant in variants:
            folded = fold_key(variant)
            if folded:
                out.setdefault(folded, key)
    return out


"""Folded term (any script or romanization) -> canonical English concept key."""

_MAX_NGRAM = 4


# ~1 KB a text: kept for the few lookups of one segment in a row (the lookups' own memos
# answer repeats), so a small memo does; 16,384 of them held 16 MB on unrepeated text
@memo(1024)
def _word_sequences(text: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
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


def _ngram_hits(text: str, index: Collection[str]) -> list[str]:
    """Entries of ``index`` found in ``text`` as whole words or word sequences (up to
    four words), longest match first, left to right."""
    firsts = _first_words(index)
    hits: list[str] = []
    for seq in _word_sequences(text):
        i = 0
        while i < len(seq):
            step = 1
            # only forms that begin some entry are worth joining with what follows
            forms = [(f, firsts[f]) for f in seq[i] if f in firsts]
            if forms:
                longest = min(_MAX_NGRAM, len(seq) - i, max(n for _, n in forms))
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


def _has(text: str, words: frozenset[str]) -> bool:
    return bool(_ngram_hits(text, words))


def _sine_nomine(text: str) -> bool:
    stripped = _UNCERTAIN.sub(" ", text)
    return fold_key(stripped) in _sine_nomine_keys()


@memo(None)
def _sine_nomine_keys() -> frozenset[str]:
    return frozenset(_folded()["sine-nomine"])


# ---------------------------------------------------------------------------------------
# The folded tables, precomputed
# ---------------------------------------------------------------------------------------

FOLDED_FILE = "folded.json"


def _checksum() -> str:
    """CRC-32 of the ``.tsv`` files, by name (what ``folded.json`` was built from)."""
    crc = 0
    for name in TABLES:
        crc = zlib.crc32(f"{name}\n{_table_text(name)}\n".encode(), crc)
    return f"{crc:08x}"


def build_folded() -> dict[str, Any]:
    """The folded tables built from the ``.tsv`` files, as ``data/folded.json`` holds them:
    ``places`` and ``terms`` map a folded form to its key (in the order the build met
    them); the word lists are sorted lists of folded forms."""
    given = _build_given_names()
    return {
        "checksum": _checksum(),
        "given-names": sorted(given),
        "places": _build_places(given),
        "publisher-words": sorted(_folded_set(_forms("publisher-words"))),
        "journal-words": sorted(_folded_set(_forms("journal-words"))),
        "corporate-words": sorted(_folded_set(_forms("corporate-words"))),
        "site-words": sorted(_folded_set(_forms("site-words"))),
        "sine-nomine": sorted(_folded_set(_forms("sine-nomine"))),
        "terms": _build_terms(),
    }


def _read_folded() -> dict[str, Any] | None:
    """``data/folded.json``, or ``None`` when it is missing."""
    try:
        text = (resources.files(__name__) / "data" / FOLDED_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    data: dict[str, Any] = json.loads(text)
    return data


@memo(None)
def _folded() -> dict[str, Any]:
    """The folded tables: the shipped ``data/folded.json`` when it was built from the
    ``.tsv`` files as they are (its checksum), else a build from them."""
    shipped = _read_folded()
    if shipped is not None and shipped.get("checksum") == _checksum():
        return shipped
    return build_folded()


def write_folded() -> str:
    """Write ``data/folded.json`` beside this module (a source checkout); return its path."""
    from pathlib import Path

    path = Path(__file__).with_name("data") / FOLDED_FILE
    text = json.dumps(build_folded(), ensure_ascii=False, indent=0, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


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
    return frozenset(terms[h] for h in _ngram_hits(text, terms))


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
