"""Pure ``str -> str`` folds for parsing and comparing Arabic and romanized text.

None of these functions is used on the text that records keep as printed (``raw``,
``text``); they feed the parsers and the matcher. Each fold is idempotent.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

__all__ = [
    "ARABIC_LETTER",
    "SparseTable",
    "clean",
    "digits_view",
    "fold_any",
    "fold_arabic",
    "fold_latin",
    "has_arabic",
    "script_of",
    "to_western_digits",
]

# Arabic-Indic (U+0660..) and Extended/Persian (U+06F0..) digits -> ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_TATWEEL = "\u0640"
# Arabic letters, including the presentation forms PDF extraction leaves (U+FB50–U+FDFF,
# U+FE70–U+FEFF), so that a record's script is decided on its printed text
ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06d5\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")

# Persian/Urdu letters that appear in Arabic text, and Arabic letter variants.
_PERSIAN = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ة", "ە": "ه", "ھ": "ه", "ے": "ي", "ٮ": "ب"})
# Letter folding for comparison: hamza seats, alef variants, ta marbuta, alef maqsura.
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ء": "",
        "گ": "ك",
        "پ": "ب",
        "چ": "ج",
        "ڤ": "ف",
        "ژ": "ز",
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

    __slots__ = ("_runs", "table")

    def __init__(self, table: Mapping[int, int | str | None]) -> None:
        self.table = table
        chars = "".join(re.escape(chr(cp)) for cp in sorted(table))
        # one group: split() returns the text between runs and the runs, alternately
        self._runs = re.compile(f"([{chars}]+)") if chars else re.compile(r"((?!))")

    def __call__(self, text: str) -> str:
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
    return text.translate(_DIGITS)


_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]{2,}|\t")
# everything clean() does after NFKC, as one table: invisible marks and tatweel deleted,
# Persian letters made Arabic, digits made ASCII
_CLEAN = {**_PERSIAN, **_DIGITS, ord(_TATWEEL): None}
# harakat and Quranic marks: parsing reads the letters (المَصْدَرُ نَفْسُهُ = المصدر نفسه)
_CLEAN.update(
    dict.fromkeys((*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)))
)
# invisible marks that PDF extraction and word processors leave inside words: ZWSP,
# ZWNJ/ZWJ, LRM/RLM, ALM, embeddings and overrides, isolates, BOM, soft hyphen
_CLEAN.update(
    dict.fromkeys(
        (
            *range(0x200B, 0x2010),
            0x061C,
            *range(0x202A, 0x202F),
            *range(0x2066, 0x206A),
            0xFEFF,
            0x00AD,
        )
    )
)
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


@functools.lru_cache(maxsize=8192)
def _clean_short(text: str) -> str:
    return _clean(text)


def _clean(text: str) -> str:
    if not text.isascii():
        # NFKC composes, so its output is NFC: no second normalization needed
        out = _CLEAN_SPARSE(unicodedata.normalize("NFKC", text))
        text = text if out == text else out  # unchanged: no second copy (memory)
    # runs of spaces become one: patterns with \s* then stay linear on hostile input
    return _SPACE_RUN.sub(" ", text) if "  " in text or "\t" in text else text


_PUNCT = re.compile(r"[^\w\s]|_")
_JOINED_HEADS = re.compile(r"\b(عبد|ابو|ابي|ابن|بن|ال)\s+")


def fold_arabic(text: str) -> str:
    """A comparison key for Arabic text: cleaned, unvowelled, letters folded, spaced.

    ``عبد الله`` and ``عبدالله`` give the same key (spaces after ``عبد``/``ابو`` removed).
    """
    # clean() has dropped the harakat and Quranic marks already
    text = _PUNCT.sub(" ", clean(text).translate(_FOLD))
    text = _JOINED_HEADS.sub(r"\1", text)
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
_NOT_ALNUM = re.compile(r"[^a-z0-9\s]")


def fold_latin(text: str) -> str:
    """A comparison key for romanized text: ASCII, lowercase, marks and ʿ ʾ dropped."""
    text = clean(text).translate(_LATIN_FOLD).lower()
    if not text.isascii():
        # letters outside the table (rare): decompose and drop the marks
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )
    return " ".join(_NOT_ALNUM.sub(" ", text).split())


def fold_any(text: str) -> str:
    """A same-script comparison key: :func:`fold_arabic` for text with Arabic letters,
    else :func:`fold_latin`."""
    if len(text) <= 80:
        return _fold_any_short(text)  # names and short titles recur: memoized
    return fold_arabic(text) if has_arabic(text) else fold_latin(text)


@functools.lru_cache(maxsize=8192)
def _fold_any_short(text: str) -> str:
    return fold_arabic(text) if has_arabic(text) else fold_latin(text)


def has_arabic(text: str) -> bool:
    """True when the text holds at least one Arabic letter."""
    return ARABIC_LETTER.search(text) is not None


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
