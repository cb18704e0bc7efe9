"""Pure ``str -> str`` folds for parsing and comparing Arabic and romanized text.

None of these functions is used on the text that records keep as printed (``raw``,
``text``); they feed the parsers and the matcher. Each fold is idempotent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from citenorm.memo import memo
from citenorm.text import _rx
from citenorm.text.patterns import lazy
from citenorm.text.vocab import LATIN_ARTICLES, NOT_ARTICLE_AR, SUN_CONSONANTS

__all__ = [
    "ALEF_FORMS",
    "ARABIC_LETTER",
    "BORROWED_LETTERS",
    "DELETED_MARKS",
    "DIGITS",
    "HAMZA_SEAT_FOLD",
    "LATIN_ARTICLE_IN_TEXT",
    "LATIN_CLITIC_ARTICLE_IN_TEXT",
    "LATIN_SUN_ARTICLE_IN_TEXT",
    "PERSIAN_LETTERS",
    "WORD_FEATURE_FOLD",
    "WORD_KEY",
    "SparseTable",
    "clean",
    "digits_view",
    "drop_combining",
    "fold_any",
    "fold_arabic",
    "fold_latin",
    "fold_letters",
    "has_arabic",
    "is_latin_article",
    "lam_ligature_fault",
    "repair_lam_ligatures",
    "script_of",
    "split_article",
    "strip_article",
    "to_western_digits",
    "url_key",
]

#: Arabic-Indic (U+0660..) and Extended/Persian (U+06F0..) digits -> ASCII
DIGITS: dict[int, int] = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_TATWEEL = "\u0640"
# Arabic letters, including the presentation forms PDF extraction leaves (U+FB50–U+FDFF,
# U+FE70–U+FEFF), so that a record's script is decided on its printed text
ARABIC_LETTER = _rx.compile("[\u0621-\u064a\u0671-\u06d3\u06d5\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_LETTER = _rx.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")

# --- Arabic letter tables: every fold of Arabic letters is defined here -----------------

#: Persian, Urdu and Pashto letter forms that appear in Arabic text -> the Arabic letter
#: (:func:`clean` makes them Arabic: ``ی`` is ``ي`` as printed in Iran)
PERSIAN_LETTERS: dict[int, str] = str.maketrans(
    {
        "ی": "ي",
        "ې": "ي",
        "ے": "ي",
        "ک": "ك",
        "ۀ": "ة",
        "ە": "ه",
        "ھ": "ه",
        "ہ": "ه",
        "ٮ": "ب",
    }
)
#: letters other Arabic-script languages add -> the nearest Arabic letter (comparison)
BORROWED_LETTERS: dict[int, str] = str.maketrans({"گ": "ك", "پ": "ب", "چ": "ج", "ڤ": "ف", "ژ": "ز"})
#: alef wasla and the alefs with a wavy hamza (Quranic and Persian printing) -> ``ا``
ALEF_FORMS: dict[int, str] = str.maketrans({"ٱ": "ا", "ٲ": "ا", "ٳ": "ا"})
#: alef with hamza or madda made ``ا``, alef maqsura made ``ي``: the romanizer's looser
#: look-up key (``إسلام`` = ``اسلام``; ta marbuta kept, it decides ``-ah``/``-at``)
HAMZA_SEAT_FOLD: dict[int, str] = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"})
# the light fold (:func:`fold_letters`): the above and ta marbuta
_LIGHT_FOLD = {**HAMZA_SEAT_FOLD, **str.maketrans({"ة": "ه"})}
# the comparison fold (:func:`fold_arabic`): every alef and hamza seat, ta marbuta, alef
# maqsura, hamza dropped, borrowed letters
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ء": "",
    }
)
_FOLD.update(ALEF_FORMS)
_FOLD.update(BORROWED_LETTERS)


#: the reference parser's word fold (:func:`citenorm.extraction.reference.features.fold_word`):
#: alef and hamza seats, ta marbuta, alef maqsura, Persian yeh and kaf folded, the ayn and
#: hamza signs of romanizations dropped (``Ṭabʻah`` -> ``Ṭabah``). Its model was trained on
#: words folded so: a change here needs the model rebuilt (training/parser/build.py).
WORD_FEATURE_FOLD: dict[int, str] = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",
        "ک": "ك",
        "ʻ": "",
        "ʿ": "",
        "ʼ": "",
        "ʾ": "",
        "’": "",
        "'": "",
        "‘": "",
    }
)


class SparseTable:
    """``str.translate`` for tables that touch few characters of a typical text.

    ``str.translate`` looks every character of a non-ASCII string up in the table
    (about 50 ns a character); Arabic text mostly holds characters no table changes.
    This finds the runs of characters the table changes with one regular-expression
    scan and translates only those runs: the same result, several times faster on
    article text.
    """

    __slots__ = ("_any", "_runs", "table")

    def __init__(self, table: Mapping[int, int | str | None]) -> None:
        self.table = table
        chars = "".join(re.escape(chr(cp)) for cp in sorted(table))
        # one group: split() returns the text between runs and the runs, alternately
        self._runs = _rx.compile(f"([{chars}]+)") if chars else _rx.compile(r"((?!))")
        # one character of the table: a pattern that opens with a class is searched by
        # re's quick scan for that class (~20x faster than the group's match tried at
        # every position): most lines hold no character the table changes
        self._any = _rx.compile(f"[{chars}]") if chars else _rx.compile(r"(?!)")

    def __call__(self, text: str) -> str:
        if self._any.search(text) is None:
            return text
        parts = self._runs.split(text)
        if len(parts) == 1:
            return text  # nothing to change (one scan; no second pass)
        table = self.table
        parts[1::2] = [run.translate(table) for run in parts[1::2]]
        return "".join(parts)


# one character -> one character: offsets in the view are offsets in the printed text
_VIEW = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾（）\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u0640",
    "012345678901234567890123456789()()" + " " * 17,
)


_VIEW_SPARSE = SparseTable(_VIEW)


def digits_view(text: str) -> str:
    """The text with digits, superscript digits and brackets made ASCII, invisible marks
    and tatweel made spaces: the same length.

    Patterns run on the view; their match offsets slice the printed text unchanged.
    """
    return _VIEW_SPARSE(text)


def to_western_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits with ASCII digits."""
    return text.translate(DIGITS)


_SPACE_RUN = lazy(r"[ \t\u00a0\u2000-\u200a\u3000]{2,}|\t")
#: the characters :func:`clean` deletes: harakat and Quranic marks (parsing reads the
#: letters: المَصْدَرُ نَفْسُهُ = المصدر نفسه), tatweel, and the invisible marks that PDF
#: extraction and word processors leave inside words (ZWSP, ZWNJ/ZWJ, LRM/RLM, ALM,
#: embeddings and overrides, isolates, BOM, soft hyphen)
DELETED_MARKS: dict[int, None] = dict.fromkeys(
    (
        *range(0x0610, 0x061B),
        *range(0x064B, 0x0660),
        0x0670,
        *range(0x06D6, 0x06EE),
        ord(_TATWEEL),
        *range(0x200B, 0x2010),
        0x061C,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0xFEFF,
        0x00AD,
    )
)
# everything clean() does after NFKC, as one table: marks deleted, Persian letters made
# Arabic, digits made ASCII
#: the key of an Arabic word for the romanizer's tables: marks deleted, Persian letters and
#: alef forms made Arabic (applied after NFKC)
WORD_KEY: dict[int, int | str | None] = {**DELETED_MARKS, **PERSIAN_LETTERS, **ALEF_FORMS}
_CLEAN: dict[int, int | str | None] = {**PERSIAN_LETTERS, **DIGITS, **DELETED_MARKS}
_CLEAN_SPARSE = SparseTable(_CLEAN)


def clean(text: str) -> str:
    """The text as printed, made parseable without changing its letters.

    NFKC folds Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) and superscript
    digits; invisible marks and tatweel are removed; Persian letters become their
    Arabic equivalents; digits become ASCII. Letters, hamza forms and spacing are kept.
    """
    if len(text) <= 80:
        return _clean_short(text)  # words and segments repeat: memoized
    return _clean(text)  # long lines are not kept in a memo (memory)


@memo(8192)
def _clean_short(text: str) -> str:
    return _clean(text)


def _clean(text: str) -> str:
    if not text.isascii():
        # NFKC composes, so its output is NFC: no second normalization needed
        out = _CLEAN_SPARSE(unicodedata.normalize("NFKC", text))
        text = text if out == text else out  # unchanged: no second copy (memory)
    # runs of spaces become one: patterns with \s* then stay linear on hostile input
    return _SPACE_RUN.sub(" ", text) if "  " in text or "\t" in text else text


_PUNCT = _rx.compile(r"[^\w\s]")  # (and "_": fold_arabic replaces it first)
_JOINED_HEADS = _rx.compile(r"\b(عبد|ابو|ابي|ابن|بن|ال)\s+")


_LIGHT_FOLD_SPARSE = SparseTable(_LIGHT_FOLD)


def fold_letters(text: str) -> str:
    """Alef with hamza or madda made ``ا``, ``ة`` made ``ه``, ``ى`` made ``ي``; nothing else.

    The light fold for testing cleaned words against word lists written plainly
    (``المراجع العربية`` -> ``المراجع العربيه``): spacing, hamza and punctuation stay.
    """
    return _LIGHT_FOLD_SPARSE(text)


def _group1(m: re.Match[str]) -> str:
    """A match's first group: the replacement ``\\1`` without ``re``'s template expansion
    (a Python call on every ``sub`` with a template, matched or not)."""
    return m[1]


def fold_arabic(text: str) -> str:
    """A comparison key for Arabic text: cleaned, unvowelled, letters folded, spaced.

    ``عبد الله`` and ``عبدالله`` give the same key (spaces after ``عبد``/``ابو`` removed).
    """
    # clean() has dropped the harakat and Quranic marks already
    text = clean(text).translate(_FOLD)
    if text.isalnum():
        return text  # one word, no punctuation (isalnum is \w less "_"): no scan
    # (a pattern that opens with its class is scanned by re's quick loop; "_" apart)
    text = _PUNCT.sub(" ", text.replace("_", " ") if "_" in text else text)
    if text.isalnum():
        return text  # one word (\w only, as _PUNCT leaves it): no head to join, no space
    text = _JOINED_HEADS.sub(_group1, text)
    return " ".join(text.split())


def _latin_fold_table() -> dict[int, str]:
    """Precomposed Latin letters with marks -> their base letters; combining marks, ʻ ʼ
    and apostrophes -> nothing. One ``str.translate`` instead of a per-character loop."""
    table: dict[int, str] = {}
    for start, end in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for cp in range(start, end):
            decomposed = unicodedata.normalize("NFKD", chr(cp))
            base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
            if base != chr(cp):
                table[cp] = base
    for cp in range(0x0300, 0x0370):  # combining diacritical marks
        table[cp] = ""
    for ch in "\u02bb\u02bc\u02be\u02bf\u2018\u2019`'\u00b4\u0331\u0332":
        table[ord(ch)] = ""
    return table


_LATIN_FOLD = _latin_fold_table()
_NOT_ALNUM = _rx.compile(r"[^a-z0-9\s]")


# the combining marks of the Latin and Arabic blocks (those unicodedata.combining() says
# are): deleted by one pattern, and text that is then ASCII and Arabic letters only
# holds no other; any other text is read character by character
_COMBINING_MARKS = _rx.compile(
    "["
    + "".join(
        re.escape(chr(cp))
        for lo, hi in ((0x0300, 0x0370), (0x0610, 0x061B), (0x064B, 0x0660), (0x0670, 0x0671))
        for cp in range(lo, hi)
        if unicodedata.combining(chr(cp))
    )
    + "]"
)
_NO_COMBINING = _rx.compile("[\\x00-\\x7f\\u0621-\\u064a]*")


def drop_combining(text: str) -> str:
    """``text`` without its combining characters (those ``unicodedata.combining`` gives a
    class): what decomposed text keeps of its base letters."""
    text = _COMBINING_MARKS.sub("", text)
    if _NO_COMBINING.fullmatch(text):
        return text
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def fold_latin(text: str) -> str:
    """A comparison key for romanized text: ASCII, lowercase, marks and ʿ ʾ dropped."""
    text = clean(text).translate(_LATIN_FOLD).lower()
    if not text.isascii():
        # letters outside the table (rare): decompose and drop the marks
        text = drop_combining(unicodedata.normalize("NFKD", text))
    return " ".join(_NOT_ALNUM.sub(" ", text).split())


def fold_any(text: str) -> str:
    """A same-script comparison key: :func:`fold_arabic` for text with Arabic letters,
    else :func:`fold_latin`."""
    if len(text) <= 80:
        return _fold_any_short(text)  # names and short titles recur: memoized
    return fold_arabic(text) if has_arabic(text) else fold_latin(text)


@memo(8192)
def _fold_any_short(text: str) -> str:
    return fold_arabic(text) if has_arabic(text) else fold_latin(text)


def has_arabic(text: str) -> bool:
    """True when the text holds at least one Arabic letter."""
    # ASCII text holds none (isascii reads a flag; the scan reads every character)
    return not text.isascii() and ARABIC_LETTER.search(text) is not None


def script_of(text: str) -> str:
    """``arabic`` or ``latin``: whichever script holds more letters of the text."""
    ar = _count(ARABIC_LETTER, text)
    la = _count(_LATIN_LETTER, text)
    return "arabic" if ar >= la and ar > 0 else "latin"


def _count(letter: re.Pattern[str], text: str, step: int = 1 << 16) -> int:
    """Matches of a one-character pattern, counted slice by slice: ``findall`` on a whole
    long line builds a list of one string per letter (20x the line's size)."""
    # the characters a substitution removes, slice by slice (no list of matches; a text
    # shorter than a slice is not copied)
    total = 0
    for pos in range(0, len(text), step):
        chunk = text[pos : pos + step]
        total += len(chunk) - len(letter.sub("", chunk))
    return total


_SCHEME = _rx.compile(r"^https?://", re.IGNORECASE)
_WWW = _rx.compile(r"^www\.", re.IGNORECASE)


def url_key(url: str) -> str:
    """A URL for comparison: cleaned, without angle brackets, scheme, ``www.`` and
    trailing slash or punctuation; the host lowercased, the path as printed.

    The path keeps its case: paths are case-sensitive, and short links
    (``2u.pw/KANDBGbg``) differ by case alone.
    """
    u = clean(url).strip().strip("<>")
    u = _WWW.sub("", _SCHEME.sub("", u)).rstrip("/.,،")
    host, sep, rest = u.partition("/")
    return host.lower() + sep + rest


# --- the article --------------------------------------------------------------------------

# the article that opens a text: ``ال`` before two letters or more (``ال`` alone and
# ``الم`` keep theirs), ``al-``/``el-``/``al ``/``al'``, and ``Al`` glued to a capitalised
# name (``AlHosani``)
_LEADING_ARTICLE = _rx.compile(
    r"^(?:(?:al|el)(?:[-\s'’]+|(?=(?-i:[A-Z][a-z])))|ال(?=\w\w))", re.IGNORECASE
)


def strip_article(text: str) -> str:
    """``text`` without the article that opens it, in either script.

    ``الأنباري`` -> ``أنباري``, ``al-Anbari``/``El Sayed``/``AlHosani`` -> ``Anbari``/
    ``Sayed``/``Hosani``; ``آل جندي`` (a family, not an article) and ``Alexandria`` keep
    their letters. For sorting and keys; the text is otherwise unchanged.
    """
    if text[:1] not in "aAeEا":
        return text  # (every article the pattern strips opens with one of these)
    return _LEADING_ARTICLE.sub("", text, count=1)


# an Arabic word that carries the article, after a clitic و ف ب ك: "والكتاب", "بالعراق"
_ARTICLE_IN_WORD = _rx.compile(r"^([وفبك]?)ال(\w\w+)$")


def split_article(word: str) -> tuple[str, str] | None:
    """(clitic, word) when one Arabic word carries the article: ``والكتاب`` ->
    ``("و", "كتاب")``, ``العراق`` -> ``("", "عراق")``; ``None`` when it carries none
    (``كتاب``, and ``الله``, ``الذي``... which begin with ``ال`` but hold no article).
    """
    if word in NOT_ARTICLE_AR:
        return None
    m = _ARTICLE_IN_WORD.match(word)
    return (m.group(1), m.group(2)) if m else None


_SUN_ARTICLES = {"a" + c: c for c in SUN_CONSONANTS}
_SUN = "|".join(SUN_CONSONANTS)  # digraphs first

# The article in lower-case romanized text (hyphens kept), as the skeleton reads it:
# "al-", "el-", "l-" after a vowel or mark ("Abu l-Faraj"), "al " before a word
LATIN_ARTICLE_IN_TEXT = _rx.compile(r"\b(?:[ae]l-|(?<=[^a-z])l-|[ae]l\s+(?=[a-z]{2}))")
# the assimilated article: "ash-Shams", "ad-Din", "an-Nahar"
LATIN_SUN_ARTICLE_IN_TEXT = _rx.compile(rf"\b[ae]({_SUN})-(?=\1)")
# a clitic glued to the article: "wal-", "bil-", "fil-", "lil-", "kal-"
LATIN_CLITIC_ARTICLE_IN_TEXT = _rx.compile(r"\b([wfblk])[aeiu]l-(?=[a-z])")


def is_latin_article(word: str, following: str) -> bool:
    """A folded romanized word is the article of the word that follows it: ``al``,
    ``el``, ``ul``, ``l`` before any word, an assimilated article (``ad``, ``ash``,
    ``an``...) before a word opening with its consonant (``ad din``, ``ash shams``)."""
    if not following:
        return False
    if word in LATIN_ARTICLES:
        return True
    cons = _SUN_ARTICLES.get(word)
    return cons is not None and following.startswith(cons) and len(following) > len(cons) + 1


# --- the lam ligatures of a PDF font, extracted with their letters swapped -------------
# Some PDF readers (PyMuPDF, pdftotext on some fonts) give a lam ligature's two letters in
# the wrong order: "احلرکة" for "الحرکة", "االستعامر" for "الاستعمار", "عىل" for "على".
# Two forms no Arabic word has tell a text that has the fault: a word that opens with two
# alefs (or an alef and a hamza seat), and an alef maqsura before another letter.
_LIGATURE_TELL = _rx.compile(r"(?<![\u0621-\u064a])[وبفك]?ا[اأإآ]|ى(?=[\u0621-\u064a])")
_ARABIC_WORD = _rx.compile(r"[\u0621-\u064a]+")
# the article's lam after the letter it joins in the ligature (word-initial, after the
# clitics و ب ف ك), and a final "ىل"
_SWAPPED_ARTICLE = _rx.compile(r"(?<![\u0621-\u064a])([وبفك]?)ا([اأإآمجحخ])ل")
_SWAPPED_FINAL = _rx.compile(r"ىل(?![\u0621-\u064a])")
# "ال" alone (the article never stands alone): the word "لا"
_SWAPPED_LA = _rx.compile(r"(?<![\u0621-\u064a])ال(?![\u0621-\u064a])")


def lam_ligature_fault(text: str) -> bool:
    """Does ``text`` (a whole document) carry the swapped lam ligatures of some PDF
    readers (:func:`repair_lam_ligatures`)? At least 5 of the forms no Arabic word has,
    and at least one in a hundred Arabic words."""
    tells = sum(1 for _ in _LIGATURE_TELL.finditer(text))
    if tells < 5:
        return False
    words = sum(1 for _ in _ARABIC_WORD.finditer(text))
    return tells * 100 >= words


def repair_lam_ligatures(text: str) -> str:
    """``text`` with the swapped lam ligatures of a faulty PDF reader put back, where the
    order cannot be a word's own: the article's lam after the letter its ligature joins
    (``احلرکة`` -> ``الحرکة``, ``باملغرب`` -> ``بالمغرب``, ``االستعامر`` ->
    ``الاستعامر``), a final ``ىل`` (``عىل`` -> ``على``) and ``ال`` alone (``لا``). For a document where
    :func:`lam_ligature_fault` holds: in a text without the fault, an unhamzated word such
    as ``اجل`` would be changed."""
    if "ا" not in text and "ى" not in text:
        return text
    text = _SWAPPED_LA.sub("لا", text)  # (first: the article's repair makes no lone "ال")
    return _SWAPPED_FINAL.sub("لى", _SWAPPED_ARTICLE.sub(r"\1ال\2", text))
