"""The catalogued headings of persons and bodies the training records name.

Authors recur across catalogues: of the tuning fold's personal headings, 59% name a
person whose heading the rest of the training part holds. ``data/names.tsv.gz`` keeps,
for each heading's name part (the words before its dates, keyed unvowelled and folded:
:func:`name_key`), the romanization catalogued most often: ``حسين، طه`` ->
``Ḥusayn, Ṭāhā``. The catalogue's choices that no word-by-word model can make come with
it: the order (``محمد يوسف موسى`` -> ``Mūsá, Muḥammad Yūsuf``), a person's own spelling
of a Western name (``Nelson, Alfred``) and the vowels of a rare family name.
"""

from __future__ import annotations

from citenorm.text.normalize import split_article
from citenorm.text.romanize._tokens import Token, fold_key

__all__ = ["NameLexicon", "latin_name_part", "name_key", "name_span"]

_COMMAS = (",", "،")


def name_span(tokens: list[Token], stops: set[int]) -> int:
    """How many tokens of a heading make its name part: Arabic words and the commas
    between them, up to a number, a Latin word, other punctuation or a token of the
    heading's dates (``stops``); a comma before what ends it is left out. 0 when an
    Arabic word outside the dates follows (``مصر. وزارة المعارف``: a body and its
    part, not one name)."""
    end = 0
    for i, tok in enumerate(tokens):
        if i in stops:
            break
        if tok.kind == "arabic":
            end = i + 1
        elif not (tok.kind == "punct" and tok.text in _COMMAS):
            break
    if any(t.kind == "arabic" and i not in stops for i, t in enumerate(tokens[end:], end)):
        return 0
    return end


def name_key(tokens: list[Token]) -> str:
    """The lookup key of a name part: its Arabic words folded (hamza seats, alif forms,
    ى/ي, ة/ه), in order, commas left out (a heading typed in natural order is found
    under the key of the same words)."""
    return " ".join(_loose(t.text) for t in tokens if t.kind == "arabic")


def _loose(word: str) -> str:
    """A name word's key: folded, tāʼ marbūṭah as hāʼ, its article dropped (a heading
    drops it, a name typed in a list keeps it)."""
    word = fold_key(word).replace("ة", "ه")
    cut = split_article(word)
    return cut[1] if cut is not None and not cut[0] and len(cut[1]) > 1 else word


def latin_name_part(heading: str) -> str:
    """A catalogued heading's name part: its comma parts before the first one that holds
    a digit, ISBD punctuation at the end removed (``Ḥarb, Muḥammad Ṭalʻat, 1876-1941.``
    -> ``Ḥarb, Muḥammad Ṭalʻat``)."""
    parts: list[str] = []
    for part in heading.split(","):
        if any(ch.isdigit() for ch in part):
            break
        parts.append(part.strip())
    return ", ".join(p for p in parts if p).rstrip(" .,:;/").strip()


class NameLexicon:
    """``data/names.tsv.gz`` parsed: name key -> (catalogued name part, how often)."""

    def __init__(self, text: str) -> None:
        self.forms: dict[str, tuple[str, int]] = {}
        self.unordered: dict[str, tuple[str, int]] = {}
        for line in text.split("\n"):
            if not line or line[0] == "#":
                continue
            key, form, count = line.split("\t")
            self.forms[key] = (form, int(count))
            loose = " ".join(sorted(key.split()))
            seen = self.unordered.get(loose)
            if seen is None or int(count) > seen[1]:
                self.unordered[loose] = (form, int(count))

    def get(self, key: str, *, any_order: bool = False) -> tuple[str, int] | None:
        """The catalogued name part for a key and its count; None when unknown.
        ``any_order``: else the heading of the same words in another order (a name typed
        in natural order, ``محمد يوسف موسى``, catalogued ``Mūsá, Muḥammad Yūsuf``)."""
        found = self.forms.get(key)
        if found is None and any_order:
            found = self.unordered.get(" ".join(sorted(key.split())))
        return found
