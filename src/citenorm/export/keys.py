"""Citation keys: ASCII, stable across runs, unique case-insensitively.

A key is the first author's family name, the year and the first significant word of the
title, folded to lowercase ASCII letters: ``jabiri2001takwin`` for al-Jābirī, *Takwīn
al-ʻaql al-ʻArabī* (2001). Parts:

- **name**: the family name of the first author (the article ``al-``/``el-`` dropped,
  particles kept: ``Abū Raʻd`` -> ``aburad``); a corporate author gives its first
  significant word; with no author, the first significant word of the title takes the
  name's place and the title part is the title's next significant word
  (``nile2001people``, not ``nile2001nile``); with no title either, the site of its URL
  (``bbcnd``) or the first words of the entry as printed; with nothing at all, ``anon``;
- **year**: the Gregorian year (the earlier end of a range); a Hijri-only year is kept as
  such with an ``h`` (``tabari1382htarikh``: never a Gregorian-looking year); else ``nd``;
- **title word**: the first word of the title that is not a function word (``the``,
  ``al-``, ``wa-``, ``fī``, ``le``...), letters only.

The romanized side of a source comes first (``[latin, arabic]``), so a pair's key uses
the article's own spelling (``al-Anbari`` -> ``anbari``). Arabic-script names and titles
are romanized by the project's romanizer (:mod:`citenorm.text.romanize`, ALA-LC, then
folded): ``الأنباري`` -> ``al-Anbārī`` -> ``anbari``. The romanizer's tables are read on the
first Arabic-only source (about 0.2 s of CPU, 0.3 s when a word needs its character
model: ``benchmarks/keys.py``); a source with a romanized side never loads them.

A key depends on its source's fields only (not on ``--script``, ``--propose``, the other
sources or the order of a dict), so it is the same on every run; only a collision adds a
suffix: ``anbari2017russian``, ``anbari2017russiana``, ``anbari2017russianb``...
citeproc-py lowercases ids, so keys are lowercase from the start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from citenorm.memo import memo
from citenorm.models import Fields, Name
from citenorm.text import _rx
from citenorm.text.normalize import clean, fold_latin, has_arabic, strip_article
from citenorm.text.vocab import KEY_HOST_LABELS, KEY_STOP_WORDS

if TYPE_CHECKING:
    from citenorm.text.romanize import FieldKind

__all__ = ["assign_keys", "key_base", "key_words"]

# the longest name and title word kept in a key
_NAME_MAX = 24
_WORD_MAX = 20
# the romanizer's CAMeL word table (benchmarks/keys.py measures without it too)
_CAMEL = True

# Latin letters that NFKD does not take apart (fold_latin would drop them)
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
     "Œ": "Oe", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i"}
)  # fmt: skip
# an elided French/Italian article or preposition: ``l'histoire``, ``d'Alembert``
_ELISION = _rx.compile(r"(?<!\w)(?:[ldjmnstc]|qu)['’](?=\w)", re.IGNORECASE)
# an English possessive: ``China's Position`` -> ``China Position``
_POSSESSIVE = _rx.compile(r"(?<=\w)['’]s\b")


def _fold(text: str) -> str:
    """Lowercase ASCII words separated by spaces (see :func:`fold_latin`)."""
    text = _POSSESSIVE.sub("", _ELISION.sub(" ", text.translate(_UNDECOMPOSED)))
    return fold_latin(text)


def _letters(word: str) -> str:
    return re.sub(r"[^a-z]", "", word)


def _arabic_title_words(title: str, count: int, field: FieldKind) -> tuple[str, ...]:
    """The first ``count`` significant words of an Arabic title (or corporate name, with
    ``field="publisher"``), romanized and folded.

    Only the first words are romanized (a key needs no more, and a word no table knows
    costs the character model some milliseconds): the wanted words and one more, whose
    romanization is not used, since the word before it depends on it (``Jāmiʻat
    al-Qāhirah`` but ``al-Jāmiʻah``); when the prefix holds too few significant words (a
    title opening with ``في``), a longer one, then the whole title.
    """
    from citenorm.text.romanize import romanize

    words = title.split()
    for size in (count + 1, count + 3):
        if len(words) <= size:
            break
        r = romanize(" ".join(words[:size]), field=field, style="alalc", camel=_CAMEL)
        found = _significant(" ".join(w.latin for w in r.words[:-1]))
        if len(found) >= count:
            return tuple(found[:count])
    r = romanize(title, field=field, style="alalc", camel=_CAMEL)
    return tuple(_significant(r.latin)[:count])


def _significant(latin: str) -> tuple[str, ...]:
    """The words of a Latin-script text that are not function words, folded to letters."""
    out = []
    for word in _fold(latin).split():
        part = _letters(word)
        if len(part) >= 2 and part not in KEY_STOP_WORDS:
            out.append(part)
    return tuple(out)


def key_words(text: str, *, count: int = 1, field: FieldKind = "title") -> list[str]:
    """The first ``count`` significant words of a title or corporate name, as key parts:
    lowercase ASCII letters, function words skipped, Arabic script romanized (as a
    ``field`` of the romanizer: ``title``, or ``publisher`` for a corporate body).

    >>> key_words("The Nile and its people", count=2)
    ['nile', 'people']
    """
    return list(_key_words(text, count, field))


# every export computes the keys again, and a batch worker meets the same names and
# titles in many articles: the two key parts are memoized
@memo(1024)
def _key_words(text: str, count: int, field: FieldKind) -> tuple[str, ...]:
    text = clean(text)
    if has_arabic(text):
        return _arabic_title_words(text, count, field)
    return _significant(text)[:count]


@memo(1024)
def _name_part(text: str) -> str:
    """The key part of one family (or given) name: its words joined, article dropped."""
    text = " ".join(clean(text).split()).strip(" \"'“”‘’«»()[]")
    if has_arabic(text):
        from citenorm.text.romanize import romanize

        text = romanize(text, field="name", style="alalc", camel=_CAMEL).latin
    # the article is no part of the key: ``al-Anbārī``, ``El Sayed``, ``AlHosani``
    text = strip_article(text.translate(_UNDECOMPOSED))
    return _letters(_fold(text))


def _author_part(names: Sequence[Name] | None) -> str:
    for name in names or ():
        if name.family:
            part = _name_part(name.family)
        elif name.literal:
            words = key_words(name.literal, field="publisher")
            part = words[0] if words else ""
        else:
            part = _name_part(name.given or "")
        if part:
            return part
    return ""


def _year_part(candidates: Sequence[Fields]) -> str:
    """The Gregorian year (the earlier end of a range), else the Hijri year + ``h``."""
    for f in candidates:
        if f.issued is not None and f.issued.date_parts:
            years = [parts[0] for parts in f.issued.date_parts[:2] if parts]
            if years:
                return str(min(years))
    for f in candidates:
        if f.hijri is not None:
            return f"{f.hijri}h"
    return "nd"


# a host name in a URL: ``https://www.bbc.co.uk/news`` -> ``www.bbc.co.uk``
_HOST = _rx.compile(r"(?:[a-z][a-z0-9+.-]*://)?((?:[a-z0-9-]+\.)+[a-z]{2,})", re.IGNORECASE)


def _host_word(url: str) -> str:
    """The site's name in a URL: ``www.bbc.co.uk`` -> ``bbc``, ``ar.wikipedia.org`` ->
    ``wikipedia``, ``earthobservatory.nasa.gov`` -> ``nasa``."""
    m = _HOST.search(url)
    if m is None:
        return ""
    labels = [w for w in m[1].lower().split(".")[:-1] if w not in KEY_HOST_LABELS]
    return _letters(labels[-1]) if labels else ""


def key_base(fields: Iterable[Fields], *, text: str | None = None) -> str:
    """The key without its suffix, from the first of ``fields`` that gives each part.

    Pass the romanized fields first: ``[latin, arabic]``. See the module docstring for
    the parts: ``jabiri2001takwin``, ``nile2001people`` (no author). A source with neither
    author nor title is named after its URL's site (``bbcnd``), else after the first
    significant words of ``text`` (the entry as printed, when its fields were not
    parsed), else ``anon``.
    """
    candidates = list(fields)
    name = ""
    for f in candidates:
        name = _author_part(f.author)
        if name:
            break
    title_words: list[str] = []
    for f in candidates:
        title = f.title or f.container_title
        if title:
            title_words = key_words(title, count=1 if name else 2)
            if title_words:
                break
    if not name and not title_words:
        url = next((f.URL for f in candidates if f.URL), None)
        name = _host_word(url) if url else ""
        if not name and text:
            title_words = key_words(text, count=2)
    if not name and title_words:
        name, title_words = title_words[0], title_words[1:]
    word = title_words[0][:_WORD_MAX] if title_words else ""
    return f"{name[:_NAME_MAX] or 'anon'}{_year_part(candidates)}{word}"


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
