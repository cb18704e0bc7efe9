"""Cutting Arabic strings into the words the romanizer decides on, and back.

A *token* is an Arabic word, a run of digits, a Latin-script word or punctuation. Arabic
words are keyed unvowelled (harakat, tatweel and invisible marks removed, Persian letters
made Arabic); the romanization of punctuation and digits is fixed (``،`` -> ``,``,
``٢٠١٧`` -> ``2017``). A conjunction ``و`` typed as a word of its own (``و الشمس``) is
joined to the next word, as ALA-LC writes it (``wa-al-shams``); a title keeps it apart
before a word without the article (``و انشاء`` -> ``wa inshāʼ``), as its cataloguers
mostly do.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Literal

from citenorm._plain import Frozen
from citenorm.text import _rx
from citenorm.text.normalize import DIGITS, HAMZA_SEAT_FOLD, WORD_KEY, split_article
from citenorm.text.vocab import DEFINITE_PREFIXES_AR

__all__ = ["Token", "WaMode", "arabic_key", "fold_key", "is_persian", "tokenize", "unglue"]

TokenKind = Literal["arabic", "latin", "number", "punct"]

_PUNCT_OUT = str.maketrans({"،": ",", "؛": ";", "؟": "?", "٪": "%", "«": '"', "»": '"'})

# Arabic letters, and the Persian/Ottoman ones catalogues romanize too (پ چ ژ گ ڤ)
_ARABIC = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06af\u06a4"
# one token: an Arabic word (letters only), a number (digits with inner separators), a
# Latin word (letters, marks, apostrophes, inner hyphens) or one punctuation character.
# "الطبعة ٢، ١٩٨٠." -> الطبعة | 2 | , | 1980 | .
_TOKEN = _rx.compile(
    rf"(?P<arabic>[{_ARABIC}]+)"
    r"|(?P<number>[0-9]+(?:[./-][0-9]+)*)"
    r"|(?P<latin>[^\W\d_](?:[\w'ʻʼ‘’-]*[^\W_])?)"
    r"|(?P<punct>\S)"
)


class Token(Frozen):
    """One word or sign of the input, with where it starts in the cleaned text."""

    __slots__ = ("kind", "space_before", "start", "text")

    text: str  # the key: an unvowelled Arabic word, Western digits, or as printed
    kind: TokenKind
    start: int
    space_before: bool

    def __init__(self, text: str, kind: TokenKind, start: int, space_before: bool) -> None:
        _set = object.__setattr__
        _set(self, "text", text)
        _set(self, "kind", kind)
        _set(self, "start", start)
        _set(self, "space_before", space_before)


def arabic_key(word: str) -> str:
    """The lookup key of an Arabic word: NFKC (presentation forms), marks removed,
    Persian letters made Arabic."""
    return unicodedata.normalize("NFKC", word).translate(WORD_KEY)


def fold_key(key: str) -> str:
    """A looser key: hamza seats on alif and alif maqsura folded (``إسلام`` = ``اسلام``)."""
    return key.translate(HAMZA_SEAT_FOLD)


def _pieces(value: str, start: int, space: bool) -> list[tuple[str, int, bool]]:
    """An Arabic run cut after every tāʼ marbūṭah but a final one: ة ends a word, so
    ``الجمهوريةاللبنانية`` is two words typed together."""
    out: list[tuple[str, int, bool]] = []
    while "ة" in value[:-1]:
        cut = value.index("ة") + 1
        out.append((value[:cut], start, space))
        value, start, space = value[cut:], start + cut, True
    out.append((value, start, space))
    return out


WaMode = bool | Literal["article"]


def tokenize(text: str, *, join_wa: WaMode = True) -> list[Token]:
    """The tokens of one string, ``و`` typed apart joined to the next Arabic word
    (``join_wa``; imprints keep it apart, as their catalogue records mostly do).
    ``"article"``: joined only to a word with the article (``و الكتاب`` ->
    ``wa-al-kitāb``), kept apart before one without (``و انشاء`` -> ``wa inshāʼ``), as
    the catalogues mostly write it (training part, titles: apart in 70 of 109 records
    with one before a word without the article, in 38 of 216 with one before the
    article only)."""
    clean = arabic_key(text).translate(DIGITS)
    tokens: list[Token] = []
    pending_wa: Token | None = None
    last_end = 0
    for m in _TOKEN.finditer(clean):
        kind: TokenKind = m.lastgroup  # type: ignore[assignment]
        first_space = m.start() > last_end
        last_end = m.end()
        if kind == "punct":
            pieces = [(m.group().translate(_PUNCT_OUT), m.start(), first_space)]
        elif kind == "arabic":
            pieces = _pieces(m.group(), m.start(), first_space)
        else:
            pieces = [(m.group(), m.start(), first_space)]
        for value, start, space in pieces:
            if kind in ("arabic", "number") and tokens and not space:
                # a number and an Arabic word typed together are two words: "1918الى"
                space = {kind, tokens[-1].kind} == {"arabic", "number"}
            if kind == "arabic" and value == "و" and join_wa:
                pending_wa = Token(value, kind, start, space)
                continue
            if pending_wa is not None:
                if kind == "arabic" and (join_wa is True or split_article(value) is not None):
                    tokens.append(
                        Token("و" + value, kind, pending_wa.start, pending_wa.space_before)
                    )
                    pending_wa = None
                    continue
                tokens.append(pending_wa)
                pending_wa = None
            tokens.append(Token(value, kind, start, space))
    if pending_wa is not None:
        tokens.append(pending_wa)
    return tokens


# letters of the Persian keyboard (a Persian text writes a detached و "va")
_PERSIAN = _rx.compile("[\u067e\u0686\u0698\u06af\u06cc\u06a9\u06c0]")


def is_persian(text: str) -> bool:
    """True when ``text`` has a letter of the Persian keyboard (پ چ ژ گ ی ک ۀ): the
    catalogues write its detached ``و`` before a word without the article as ``va``
    (training part: 43 fields of 53, ``wa`` or ``wa-`` 8)."""
    return bool(_PERSIAN.search(text))


def unglue(
    tokens: list[Token], known: Callable[[str], bool], seen: Callable[[str], int]
) -> list[Token]:
    """Words typed without a space cut apart where the whole is unknown: before an
    article where both halves are known words (``مختارالصحاح`` -> ``مختار``
    ``الصحاح``), elsewhere where both halves are frequent words of at least three
    letters (``seen``: how often the catalogues wrote a word; ``محمدعلى`` -> ``محمد``
    ``على``)."""
    out: list[Token] = []
    for tok in tokens:
        text = tok.text
        cut = None
        if tok.kind == "arabic" and len(text) >= 6 and not known(text):
            for k in range(2, len(text) - 3):
                article = split_article(text[k:])
                if text[:k] in DEFINITE_PREFIXES_AR:
                    continue  # the article typed twice (الالاهيات): not two words
                if article and not article[0] and known(text[:k]) and known(text[k:]):
                    cut = k
                    break
            else:
                best = 0
                for k in range(3, len(text) - 2):
                    both = min(seen(text[:k]), seen(text[k:]))
                    if both >= _FREQUENT and both > best:
                        best, cut = both, k
        if cut is None:
            out.append(tok)
            continue
        out.append(Token(text[:cut], "arabic", tok.start, tok.space_before))
        out.append(Token(text[cut:], "arabic", tok.start + cut, True))
    return out


_FREQUENT = 20  # catalogue observations of each half of two words typed together


def detokenize(parts: list[tuple[str, bool]]) -> str:
    """Words and signs back into one string: ``(text, space_before)`` pairs."""
    out: list[str] = []
    for text, space in parts:
        if out and space and text not in ",.;:)]?!" and not out[-1].endswith(("(", "[")):
            out.append(" ")
        out.append(text)
    return "".join(out)


_ISBD = _rx.compile(r"[.,:;/=\[\]()?!\"«»،؛؟]")
_BIDI = _rx.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_QUOTES = str.maketrans({"ʻ": "'", "ʼ": "'", "‘": "'", "’": "'", "ʿ": "'", "ʾ": "'"})


def exact_words(text: str) -> list[str]:
    """The words that exact-word accuracy compares: NFC, lowercased, ISBD punctuation
    and bidi marks removed, ʻ ʼ ‘ ’ ' unified, split on spaces (lone dashes dropped)."""
    text = _BIDI.sub("", unicodedata.normalize("NFC", text)).lower().translate(_QUOTES)
    words = _ISBD.sub(" ", text).split()
    return [w for w in words if w.strip("-–—_")]
