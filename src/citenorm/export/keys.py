"""Citation keys: ASCII, stable across runs, unique case-insensitively.

A key is the romanized family name of the first author (``al-`` / ``el-`` dropped,
diacritics and ʿ ʾ removed) followed by the year: ``anbari2017``; a second source with the
same base becomes ``anbari2017a``, then ``anbari2017b``. Arabic-only sources use a simple,
deterministic letter-by-letter transliteration of the Arabic family name. citeproc-py
lowercases ids, so keys are lowercase from the start.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from citenorm.models import Fields, Name
from citenorm.text.normalize import clean, has_arabic, strip_article
from citenorm.text.vocab import KEY_STOP_WORDS

__all__ = ["assign_keys", "key_base", "transliterate"]

# One ASCII spelling per Arabic letter: deterministic, not a scholarly romanization.
_ARABIC_TO_ASCII = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "u", "ئ": "i",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a",
}  # fmt: skip


def transliterate(text: str) -> str:
    """A lowercase ASCII rendering of Arabic letters by a fixed table (others kept)."""
    out = []
    for ch in clean(text):
        if ch in _ARABIC_TO_ASCII:
            out.append(_ARABIC_TO_ASCII[ch])
        elif "\u0600" <= ch <= "\u06ff":
            continue  # harakat, punctuation
        else:
            out.append(ch)
    return "".join(out)


def _ascii(text: str) -> str:
    """Lowercase ``[a-z0-9]`` only: marks, ʿ ʾ, apostrophes, spaces and hyphens dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _name_word(text: str) -> str:
    """The ASCII key part of one family name (or word), article dropped."""
    text = " ".join(clean(text).split())
    # the article is no part of the key: ``الأنباري``, ``al-Anbari``, ``El Sayed``
    if has_arabic(text):
        text = strip_article(text)
        text = transliterate(text)
    text = strip_article(text.strip(" \"'“”‘’«»()[]"))
    return _ascii(text)


def _first_word(text: str) -> str:
    """The first significant word of a title or corporate name, as key part."""
    words = re.split(r"[\s\-–—:،,.;؛\"'“”()]+", clean(text))
    for word in words:
        part = _name_word(word)
        if part and part not in KEY_STOP_WORDS and not part.isdigit():
            return part
    return ""


def _author_part(names: Sequence[Name] | None) -> str:
    for name in names or ():
        if name.family:
            part = _name_word(name.family)
        elif name.literal:
            part = _first_word(name.literal)
        else:
            part = _name_word(name.given or "")
        if part:
            return part
    return ""


def key_base(fields: Iterable[Fields]) -> str:
    """The key without its suffix, from the first of ``fields`` that gives a name.

    Pass the romanized fields first: ``[latin, arabic]``. The name is the first author's
    family name, else the first word of a corporate author or of the title, else
    ``anon``; the year is the Gregorian year, else ``nd``.
    """
    candidates = list(fields)
    name = ""
    for f in candidates:
        name = _author_part(f.author)
        if name:
            break
    if not name:
        for f in candidates:
            name = _first_word(f.title or f.container_title or "")
            if name:
                break
    year: int | None = None
    for f in candidates:
        if f.issued is not None and f.issued.year is not None:
            year = f.issued.year
            break
    return f"{name[:24] or 'anon'}{year if year is not None else 'nd'}"


def _suffix(n: int) -> str:
    """``''``, ``a`` ... ``z``, ``aa``, ``ab`` ... for the n-th use of a base (0-based)."""
    if n == 0:
        return ""
    letters = ""
    n -= 1
    while True:
        letters = chr(ord("a") + n % 26) + letters
        n = n // 26 - 1
        if n < 0:
            return letters


def assign_keys(bases: Sequence[str]) -> list[str]:
    """Unique keys for ``bases`` in order: repeats get ``a``, ``b``... appended.

    Uniqueness is case-insensitive, and a suffixed key never collides with another base
    (``smith2020a`` as a base and as a suffixed ``smith2020``).
    """
    taken = {b.lower() for b in bases}
    used: set[str] = set()
    counts: dict[str, int] = {}
    keys = []
    for base in bases:
        low = base.lower()
        n = counts.get(low, 0)
        while True:
            key = low + _suffix(n)
            n += 1
            if key not in used and (key == low or key not in taken):
                break
        counts[low] = n
        used.add(key)
        keys.append(key)
    return keys
