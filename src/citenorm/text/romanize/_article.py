"""What an article's own romanized list teaches: how it spells its Arabic words.

For every pair (an Arabic entry and its romanized entry) the words of the names, and of
the titles, places and publishers when the list romanizes rather than translates them,
are aligned: each Arabic unit (a word, or a compound such as ``عبد الحسين``) with one or
two Latin words whose consonants fit it (:func:`consonant_key`). The spellings learned
override the romanizer's own where it proposes a missing entry, so that a proposal reads
like its neighbours (``Abdul Hussein``, not ``Abd al-Husayn``).

The same alignment serves the audit: an Arabic unit spelled two ways in one list, or a
romanized name whose consonants do not fit its Arabic.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from citenorm.text import _rx
from citenorm.text.romanize._tokens import fold_key, tokenize
from citenorm.text.vocab import NAME_HEADS_AR_IN_NAMES, NAME_TAILS_AR

__all__ = ["ArticleSpellings", "align_units", "arabic_units", "consonant_key", "fits"]


def arabic_units(text: str) -> list[str]:
    """The name units of an Arabic string (tokens; compounds joined by one space)."""
    words = [t.text for t in tokenize(text) if t.kind == "arabic"]
    units: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if i + 1 < len(words) and (w in NAME_HEADS_AR_IN_NAMES or words[i + 1] in NAME_TAILS_AR):
            units.append(f"{w} {words[i + 1]}")
            i += 2
            continue
        units.append(w)
        i += 1
    return units


# Latin letters folded to the consonant classes that romanization systems keep apart
_CONSONANTS = [
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("kh", "k"),
    ("gh", "g"),
    ("sh", "s"),
    ("ch", "s"),
    ("q", "k"),
    ("c", "k"),
    ("j", "g"),
    ("z", "s"),
    ("v", "f"),
    ("p", "b"),
    ("x", "ks"),
    ("e", ""),
    ("o", ""),
]
_NOT_CONSONANT = _rx.compile(r"[aeiouyw'ʻʼ‘’`\-\s]")
_DOUBLE = _rx.compile(r"(.)\1+")


def consonant_key(latin: str) -> str:
    """The consonants of a romanized word, in classes that both systems agree on:
    ``Ḥusayn``, ``Hussein`` and ``Husain`` are ``hsn``; ``Muḥammad`` and ``Mohamed``
    are ``mhmd``. The article ``al-``/``el-`` is dropped."""
    text = "".join(
        ch for ch in unicodedata.normalize("NFKD", latin.lower()) if not unicodedata.combining(ch)
    )
    text = re.sub(r"\b(?:al|el|ul|l)-", "", text)
    for a, b in _CONSONANTS:
        text = text.replace(a, b)
    text = _NOT_CONSONANT.sub("", text)
    return _DOUBLE.sub(lambda m: m[1], text)  # (no template: see normalize._group1)


def fits(alalc: str, latin: str, *, threshold: float = 70.0) -> bool:
    """True when a romanized word (any system) has the consonants of an ALA-LC one."""
    a, b = consonant_key(alalc), consonant_key(latin)
    if not a or not b:
        return a == b
    return fuzz.ratio(a, b) >= threshold


def align_units(
    units: list[str], latin_words: list[str], alalc: list[str]
) -> list[tuple[str, str]] | None:
    """Arabic units (with their ALA-LC forms) matched to Latin words, in order: a unit
    takes one Latin word or two (``عبد الحسين`` -> ``Abdul Hussein``). None when the
    consonants do not fit throughout."""
    n, m = len(units), len(latin_words)
    best: dict[tuple[int, int], tuple[float, list[tuple[str, str]]]] = {(0, 0): (0.0, [])}
    for i in range(n):
        for j in range(m + 1):
            cur = best.get((i, j))
            if cur is None:
                continue
            for take in (1, 2):
                if j + take > m:
                    continue
                latin = " ".join(latin_words[j : j + take])
                a, b = consonant_key(alalc[i]), consonant_key(latin)
                sim = fuzz.ratio(a, b) if a and b else (100.0 if a == b else 0.0)
                if sim < 60:
                    continue
                score = cur[0] + sim - (5 if take == 2 else 0)
                key = (i + 1, j + take)
                if key not in best or score > best[key][0]:
                    best[key] = (score, [*cur[1], (units[i], latin)])
    found = best.get((n, m))
    return found[1] if found else None


@dataclass
class ArticleSpellings:
    """Spellings of Arabic units in an article's romanized list, learned from its pairs."""

    units: dict[str, Counter[str]] = field(default_factory=dict)
    abd: Counter[str] = field(default_factory=Counter)  # how ʻAbd al- is written: "Abdul "...

    @classmethod
    def learn(cls, pairs: list[tuple[str, str]], *, camel: bool = False) -> ArticleSpellings:
        """From (Arabic text, its romanized text) pairs, e.g. one author's two names."""
        from citenorm.text.romanize._romanizer import romanize_words

        spellings = cls()
        for arabic, latin in pairs:
            units = arabic_units(arabic)
            if not units:
                continue
            alalc = [romanize_words(u, group="name", use_camel=camel)[0] for u in units]
            words = [w for w in re.split(r"[\s,]+", latin) if w.strip("-")]
            aligned = align_units(units, words, alalc)
            if aligned is None:
                continue
            for unit, lat in aligned:
                spellings.add(unit, lat)
        return spellings

    def add(self, unit: str, latin: str) -> None:
        """Record one spelling of an Arabic unit."""
        key = fold_key(unit)
        self.units.setdefault(key, Counter())[latin] += 1
        head = unit.split(" ")[0]
        if head == "عبد" and " " in unit:
            m = re.match(r"(?i)^(abd(?:ul|el|al|-al|ol)?)([\s-]?)", latin)
            if m:
                sep = m.group(2)
                style = m.group(1).lower() + ("" if sep == "" else " ")
                self.abd[style] += 1

    def spelling(self, unit: str, *, default: str | None = None) -> str | None:
        """The article's most frequent spelling of a unit, if it has one; on a tie the
        ``default`` (the romanizer's own spelling) wins when it is among them."""
        counts = self.units.get(fold_key(unit))
        if not counts:
            return None
        top = max(counts.values())
        best = sorted(s for s, c in counts.items() if c == top)
        if default is not None and default in best:
            return default
        return best[0]

    def abd_style(self) -> str | None:
        """How the article writes ``ʻAbd al-``: ``abdul ``, ``abdel ``, ``abdul`` (joined)...
        None unless one way holds two thirds of at least two cases."""
        total = sum(self.abd.values())
        if total < 2:
            return None
        style, count = max(sorted(self.abd.items()), key=lambda kv: kv[1])
        return style if count * 3 >= total * 2 else None
