"""Values in the letters and separators the reference prints.

:func:`~citenorm.text.normalize.clean` makes Persian letter forms Arabic (``ی`` ->
``ي``, ``ک`` -> ``ك``) so that features and word lists see one spelling; the values of
the fields are then given back in the printed letters (``بیروت`` stays ``بیروت``), so
that every value is a piece of the entry's own text. So are Latin commas typed in
Arabic text, which the labeler reads as Arabic ones (:func:`printed_separators`).
"""

from __future__ import annotations

import unicodedata

from citenorm.extraction.compact import Sharing, fields_of
from citenorm.models import Fields
from citenorm.text.normalize import PERSIAN_LETTERS, clean
from citenorm.text.patterns import lazy

__all__ = ["printed_separators", "printed_words", "restore_letters"]

_PERSIAN = frozenset(chr(k) for k in PERSIAN_LETTERS)
_WORD = lazy(r"\w+")


def printed_words(original: str, cleaned: str) -> dict[str, str]:
    """Cleaned word -> the word as ``original`` prints it, for the words whose letters
    :func:`clean` changed (empty when none did, or when the two cannot be aligned)."""
    if _PERSIAN.isdisjoint(original):
        return {}
    shown = list(cleaned)
    j = 0
    for ch in original:
        piece = clean(unicodedata.normalize("NFKC", ch)) if not ch.isascii() else ch
        if ch == "\t":
            piece = " "
        for c in piece:
            if j < len(cleaned) and cleaned[j] == c:
                if ch in _PERSIAN and len(piece) == 1:
                    shown[j] = ch
                j += 1
            elif c.isspace() and j > 0 and cleaned[j - 1].isspace():
                continue  # a run of spaces printed as one
            else:
                return {}
    text = "".join(shown)
    out: dict[str, str] = {}
    for m in _WORD.finditer(cleaned):
        printed = text[m.start() : m.end()]
        if printed != m.group():
            out.setdefault(m.group(), printed)
    return out


def _restore(value: object, words: dict[str, str]) -> object:
    if isinstance(value, str):
        return _WORD.sub(lambda m: words.get(m.group(), m.group()), value)
    if isinstance(value, list):
        return [_restore(v, words) for v in value]
    if isinstance(value, dict):
        return {k: _restore(v, words) for k, v in value.items()}
    return value


def restore_letters(
    fields: Fields, words: dict[str, str], sharing: Sharing | None = None
) -> Fields:
    """``fields`` with each word of its values in the letters the reference prints
    (``sharing``: as :func:`~citenorm.extraction.compact.fields_of`)."""
    if not words:
        return fields if sharing is None else fields_of(dict(fields), sharing)
    data = fields.to_json()
    return fields_of({k: _restore(v, words) for k, v in data.items()}, sharing)


_ARABIC_SEPARATORS = frozenset("،؛")


def _collapsed(text: str) -> tuple[str, list[int]]:
    """``text`` with each run of white space as one space, and for each of its
    characters the offset in ``text`` it comes from."""
    out: list[str] = []
    at: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        at.append(i)
    return "".join(out), at


def _as_printed(value: str, read: str, printed: str) -> str:
    """``value``, a piece of ``read``, as ``printed`` has it (the two of one length,
    differing in separators only); ``value`` itself when it is not found there."""
    k = read.find(value)
    if k >= 0:
        return printed[k : k + len(value)]
    flat, at = _collapsed(read)
    k = flat.find(" ".join(value.split()))
    if k < 0 or not value.strip():
        return value
    end = at[k + len(" ".join(value.split())) - 1] + 1
    return " ".join(printed[at[k] : end].split())


def _separators(value: object, read: str, printed: str) -> object:
    if isinstance(value, str):
        if _ARABIC_SEPARATORS.isdisjoint(value):
            return value
        return _as_printed(value, read, printed)
    if isinstance(value, list):
        return [_separators(v, read, printed) for v in value]
    if isinstance(value, dict):
        return {k: _separators(v, read, printed) for k, v in value.items()}
    return value


def printed_separators(fields: Fields, read: str, printed: str) -> Fields:
    """``fields`` built from ``read`` (``printed`` with the Latin commas and semicolons
    of its Arabic text read as Arabic ones, character for character) with each value
    that holds an Arabic separator given as ``printed`` has it (``ابن نبي, مالك`` read
    as ``ابن نبي، مالك`` gives back the Latin comma)."""
    data = fields.to_json()
    return fields_of({k: _separators(v, read, printed) for k, v in data.items()})
