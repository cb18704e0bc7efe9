"""Western names written in Arabic script, given back their own spelling.

A catalogue heading of a non-Arab person keeps the person's own spelling (``هاردي، توماس``
-> ``Hardy, Thomas``), where a word-by-word romanizer prints an ALA-LC reading
(``Hāridī``). ``data/western.tsv.gz`` lists Latin-script name words with how often
they were seen: the name words of the training records' headings written in a Western
spelling, and the author and editor names of AnyStyle's labelled references (BSD-2-Clause,
``data/anystyle-LICENSE.txt``). Each is indexed under its consonant skeleton, the letters
an Arabic transcription writes (``Hardy`` -> ``RD``, ``Schumann`` -> ``SMN``), with
the sound classes that transcriptions confuse merged (``p``/``b``, ``v``/``f``, ``g`` as
``ج``, ``غ`` or ``ك``); an Arabic word is looked up under its own skeleton, and among the
names found the one whose vowels agree best with the word's long-vowel letters wins, if it
is clearly the best.
"""

from __future__ import annotations

import math
import unicodedata
from itertools import product

from citenorm.text import _rx

__all__ = ["LatinNames", "arabic_sounds", "latin_sounds"]

# Latin spellings -> sound class (upper case) or vowel class (lower case: a, i, u); ``|``
# separates what a transcription may write for one spelling
_LATIN_UNITS: tuple[tuple[str, str], ...] = (
    ("tsch", "TS"),
    ("sch", "S"),
    ("tch", "TS"),
    ("ch", "S|K|TS"),
    ("sh", "S"),
    ("th", "T"),
    ("ph", "F"),
    ("gh", "J"),
    ("gn", "N|JN"),
    ("kh", "K"),
    ("ck", "K"),
    ("qu", "K"),
    ("dj", "J"),
    ("zh", "J"),
    ("ce", "Si"),
    ("ci", "Si"),
    ("cy", "Si"),
    ("ou", "u"),
    ("oo", "u"),
    ("au", "u"),
    ("ee", "i"),
    ("ea", "i"),
    ("ie", "i"),
    ("ai", "i"),
    ("ay", "i"),
    ("ei", "i"),
    ("ey", "i"),
    ("x", "KS"),
    ("j", "J"),
    ("b", "B"),
    ("p", "B"),
    ("t", "T"),
    ("d", "D"),
    ("g", "J|K"),
    ("k", "K"),
    ("c", "K"),
    ("q", "K"),
    ("s", "S"),
    ("z", "S"),
    ("f", "F"),
    ("v", "F"),
    ("l", "L"),
    ("m", "M"),
    ("n", "N"),
    ("r", "R"),
    ("h", "h"),
    ("w", "u"),
    ("a", "a"),
    ("o", "u"),
    ("u", "u"),
    ("e", "i"),
    ("i", "i"),
    ("y", "i"),
)
_LATIN_UNIT = _rx.compile("|".join(unit for unit, _ in _LATIN_UNITS))
_LATIN_CLASS = dict(_LATIN_UNITS)
_MAX_VARIANTS = 8
# how much a name's frequency counts beside the fit of its vowels (per unit of log count)
_FREQUENCY = 0.01

# Arabic letters -> sound class; long-vowel letters -> vowel class; others (ع, hamza) none
_ARABIC_CLASS = {
    "ب": "B",
    "پ": "B",
    "ت": "T",
    "ث": "T",
    "ط": "T",
    "ج": "J",
    "چ": "TS",
    "غ": "J",
    "گ": "J",
    "ژ": "J",
    "د": "D",
    "ذ": "D",
    "ض": "D",
    "ظ": "D",
    "ز": "S",
    "س": "S",
    "ص": "S",
    "ش": "S",
    "ف": "F",
    "ڤ": "F",
    "ق": "K",
    "ك": "K",
    "خ": "K",
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ر": "R",
    "ه": "h",
    "ح": "h",
    "ة": "a",
    "ا": "a",
    "آ": "a",
    "أ": "a",
    "إ": "a",
    "و": "u",
    "ي": "i",
    "ى": "i",
}


def _squeeze(fine: str) -> str:
    out: list[str] = []
    for ch in fine:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _coarse(fine: str) -> str:
    """The consonant skeleton of a fine key: the sound classes, doubled ones once."""
    return _squeeze("".join(ch for ch in fine if ch.isupper()))


def _plain(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word.lower()) if "a" <= ch <= "z")


def latin_fine(word: str) -> list[str]:
    """A Latin name word's sound-and-vowel keys (one per way a transcription may write
    it, at most ``_MAX_VARIANTS``): ``Hardy`` -> ``haRDi``; a final silent ``e`` after
    a consonant is dropped (``Dale`` -> ``DaL``)."""
    plain = _plain(word)
    if len(plain) > 2 and plain.endswith("ce"):
        plain = plain[:-2] + "s"
    elif len(plain) > 2 and plain.endswith("e") and plain[-2] not in "aeiouy":
        plain = plain[:-1]
    options = [_LATIN_CLASS[m].split("|") for m in _LATIN_UNIT.findall(plain)]
    keys: list[str] = []
    for combo in product(*options):
        keys.append(_squeeze("".join(combo)))
        if len(keys) >= _MAX_VARIANTS:
            break
    return keys


def latin_sounds(word: str) -> set[str]:
    """The consonant skeletons an Arabic transcription of ``word`` may have."""
    return {_coarse(k) for k in latin_fine(word)}


def arabic_fine(word: str) -> str:
    """An Arabic word's sound-and-vowel key: ``هاردي`` -> ``haRDi``."""
    return _squeeze("".join(_ARABIC_CLASS.get(ch, "") for ch in word))


def arabic_sounds(word: str) -> str:
    """An Arabic word's consonant skeleton: ``هاردي`` -> ``RD``."""
    return _coarse(arabic_fine(word))


def word_grams(word: str) -> list[str]:
    """The character n-grams (1-3, with the word's ends marked) of an Arabic name word,
    article dropped and letters folded (:func:`._names._loose`)."""
    from citenorm.text.romanize._names import _loose

    s = f"<{_loose(word)}>"
    return [s[i : i + k] for k in (1, 2, 3) for i in range(len(s) - k + 1)]


class LatinNames:
    """``data/western.tsv.gz`` parsed: the names indexed by consonant skeleton, and the
    n-gram counts of the Arabic name words of Western and ALA-LC headings."""

    def __init__(self, text: str) -> None:
        self.index: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}
        self.grams: dict[str, tuple[int, int]] = {}
        totals = [0, 0]
        for line in text.split("\n"):
            if not line or line[0] == "#":
                continue
            row = line.split("\t")
            if row[0] == "G":
                w, a = int(row[2]), int(row[3])
                self.grams[row[1]] = (w, a)
                totals[0] += w
                totals[1] += a
                continue
            name, count = row[1], row[2]
            fine = tuple(latin_fine(name))
            for skeleton in {_coarse(k) for k in fine}:
                if skeleton:
                    self.index.setdefault(skeleton, []).append((name, int(count), fine))

        size = len(self.grams) or 1
        self._denominators = (math.log(totals[0] + size), math.log(totals[1] + size))

    def western_odds(self, arabic: str) -> float:
        """Log-odds (naive Bayes over character n-grams, add-one) that an Arabic name word
        transcribes a Western name rather than an Arabic one, per n-gram."""
        grams = word_grams(arabic)
        dw, da = self._denominators
        total = 0.0
        for g in grams:
            w, a = self.grams.get(g, (0, 0))
            total += math.log(w + 1) - dw - math.log(a + 1) + da
        return total / len(grams)

    def candidates(self, arabic: str) -> list[tuple[float, str]]:
        """The Latin names whose skeleton is the Arabic word's, best first, each with its
        score: how well its vowels agree with the word's long-vowel letters (0-1), plus a
        little for how often it was seen."""
        from rapidfuzz.distance import Indel

        fine = arabic_fine(arabic)
        skeleton = _coarse(fine)
        if len(skeleton) < 2:
            return []
        scored: list[tuple[float, str]] = []
        for name, count, keys in self.index.get(skeleton, ()):
            sim = max(Indel.normalized_similarity(fine, k) for k in keys)
            scored.append((sim + _FREQUENCY * math.log(count), name))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return scored

    def find(self, arabic: str, *, fit: float) -> tuple[str, float] | None:
        """The Latin name an Arabic word transcribes and a confidence (0.5-0.9, by its
        lead over the next name): the best of :meth:`candidates` when it scores at least
        ``fit`` and no other name scores more; else None."""
        scored = self.candidates(arabic)
        if not scored or scored[0][0] < fit:
            return None
        best, name = scored[0]
        rival = next((s for s, n in scored[1:] if n.lower() != name.lower()), 0.0)
        return name, round(0.5 + min(0.4, best - rival), 3)
