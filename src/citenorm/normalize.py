"""Pure ``str -> str`` folds for parsing and comparing Arabic and romanized text.

None of these functions is used on the text that records keep as printed (``raw``,
``text``); they feed the parsers and the matcher. Each fold is idempotent.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "ARABIC_LETTER",
    "clean",
    "digits_view",
    "fold_arabic",
    "fold_latin",
    "has_arabic",
    "script_of",
    "to_western_digits",
]

# Arabic-Indic (U+0660..) and Extended/Persian (U+06F0..) digits -> ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Invisible marks that PDF extraction and word processors leave inside words:
# bidi controls (LRM, RLM, ALM, embeddings, isolates), ZWNJ/ZWJ, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
_TATWEEL = "\u0640"
# Harakat, Quranic marks and superscript alef: dropped for parsing and matching.
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06d5]")
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


# one character -> one character: offsets in the view are offsets in the printed text
_VIEW = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾（）",
    "012345678901234567890123456789()()",
)


def digits_view(text: str) -> str:
    """The text with digits, superscript digits and brackets made ASCII, same length.

    Patterns run on the view; their match offsets slice the printed text unchanged.
    """
    return text.translate(_VIEW)


def to_western_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits with ASCII digits."""
    return text.translate(_DIGITS)


def clean(text: str) -> str:
    """The text as printed, made parseable without changing its letters.

    NFKC folds Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) and superscript
    digits; invisible marks and tatweel are removed; Persian letters become their
    Arabic equivalents; digits become ASCII. Letters, hamza forms and spacing are kept.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text).replace(_TATWEEL, "")
    text = text.translate(_PERSIAN).translate(_DIGITS)
    # NFKC turns U+FDF2 (Allah ligature) etc. into words; it may leave decomposed marks
    return unicodedata.normalize("NFC", text)


def fold_arabic(text: str) -> str:
    """A comparison key for Arabic text: cleaned, unvowelled, letters folded, spaced.

    ``عبد الله`` and ``عبدالله`` give the same key (spaces after ``عبد``/``ابو`` removed).
    """
    text = _TASHKEEL.sub("", clean(text)).translate(_FOLD)
    text = re.sub(r"[^\w\s]|_", " ", text)
    text = re.sub(r"\b(عبد|ابو|ابي|ابن|بن|ال)\s+", r"\1", text)
    return " ".join(text.split())


def fold_latin(text: str) -> str:
    """A comparison key for romanized text: ASCII, lowercase, marks and ʿ ʾ dropped."""
    text = unicodedata.normalize("NFKD", clean(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub("[\u02bb\u02bc\u02be\u02bf\u2018\u2019`'\u00b4]", "", text)
    text = text.lower()
    text = re.sub(r"[^a-z0-9\s]", " ", text)
    return " ".join(text.split())


def has_arabic(text: str) -> bool:
    """True when the text holds at least one Arabic letter."""
    return ARABIC_LETTER.search(text) is not None


def script_of(text: str) -> str:
    """``arabic`` or ``latin``: whichever script holds more letters of the text."""
    ar = len(ARABIC_LETTER.findall(text))
    la = len(_LATIN_LETTER.findall(text))
    return "arabic" if ar >= la and ar > 0 else "latin"
