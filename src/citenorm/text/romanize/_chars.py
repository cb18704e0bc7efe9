"""The character-level back-off: a joint-sequence ("graphone") n-gram model.

Every Arabic letter of a word writes one *chunk* of Latin: its consonant (or long vowel)
followed by the short vowel that unvowelled script does not show, e.g.
``كتاب`` -> ``ki|t|ā|b``, ``المكتبة`` -> ``a|l-|m|a|k|t|a|b|ah``. Training aligns each
catalogued word with its romanization under that grammar (:func:`align`), and counts
n-grams of (letter, chunk) pairs; decoding (:meth:`JointModel.decode`) finds the most
probable chunk sequence for a new word with a beam search. Probabilities are
interpolated Kneser-Ney, so that a long context the training never saw falls back
smoothly to shorter ones.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from citenorm.text import _rx

__all__ = ["CORES", "JointModel", "align", "normalize_latin"]

# What each letter may write before its short vowel (lowercase ALA-LC). A geminate
# (shaddah) writes its consonant twice. The empty core is allowed where a letter may be
# silent or its sound written by a neighbour (the alif of ``al-`` after ``wa-``...).
CORES: dict[str, tuple[str, ...]] = {
    "ب": ("b",),
    "ت": ("t",),
    "ث": ("th",),
    "ج": ("j",),
    "ح": ("ḥ",),
    "خ": ("kh",),
    "د": ("d",),
    "ذ": ("dh",),
    "ر": ("r",),
    "ز": ("z",),
    "س": ("s",),
    "ش": ("sh",),
    "ص": ("ṣ",),
    "ض": ("ḍ",),
    "ط": ("ṭ",),
    "ظ": ("ẓ",),
    "ع": ("ʻ",),
    "غ": ("gh",),
    "ف": ("f",),
    "ق": ("q",),
    "ك": ("k",),
    "ل": ("l",),
    "م": ("m",),
    "ن": ("n",),
    "ه": ("h",),
    "ا": ("ā", "a", "i", "u", "", "á", "n"),
    "أ": ("ʼ", "a", "u", "ā", "i", "", "ʼā"),
    "إ": ("i", "ʼi", "ī", ""),
    "آ": ("ā", "ʼā", "a"),
    "ء": ("ʼ", ""),
    "ؤ": ("ʼ", "w", "ʼu", "ū", "ʼū"),
    "ئ": ("ʼ", "y", "ʼi", "ī", "ʼī", "ʼy", "yy"),
    "و": ("w", "ū", "u", "ūw", "", "aw"),
    "ي": ("y", "ī", "īy", "iy", "á", "i", "", "ay"),
    "ى": ("á", "ā", "ī", "y", "a", "i", "īy"),
    "ة": ("ah", "at", "h", "t", "a", ""),
    "پ": ("p",),
    "چ": ("ch",),
    "ژ": ("zh",),
    "گ": ("g",),
    "ڤ": ("v",),
}
_VOWELS = ("", "a", "i", "u", "ā")  # ā: the "dagger" alif unvowelled script omits (ذلك dhālika)
_EMPTY_COST = 1  # prefer alignments where every letter writes something


# ligature ties (t︠h︡ for a t and h that are two letters) and invisible marks
_TIES = _rx.compile("[\ufe20-\ufe2f\u0361\u035c\u200e\u200f]")


def normalize_latin(word: str) -> str:
    """A romanized word in the model's alphabet: lowercase, ‘ ’ ' unified to ʻ ʼ."""
    word = unicodedata.normalize("NFC", _TIES.sub("", word))
    return (
        word.lower()
        .replace("‘", "ʻ")
        .replace("ʿ", "ʻ")
        .replace("’", "ʼ")
        .replace("ʾ", "ʼ")
        .replace("'", "ʼ")
    )


def _chunks(letter: str) -> list[str]:
    out: list[str] = []
    for core in CORES.get(letter, ()):
        doubled = (core, core + core) if core and core[-1] not in "āīūáʼʻ" else (core,)
        for c in doubled:
            for v in _VOWELS:
                out.extend((c + v, c + v + "-"))
    return sorted(set(out), key=lambda s: (-len(s), s))


_CHUNKS: dict[str, list[str]] = {letter: _chunks(letter) for letter in CORES}


def align(arabic: str, latin: str) -> list[str] | None:
    """The chunk each letter of ``arabic`` writes in ``latin`` (normalized), or None when
    the pair does not fit the grammar (a cataloguer's variant, a typo, a loanword)."""
    n, m = len(arabic), len(latin)
    # best[i][j]: cheapest cost of writing latin[:j] with arabic[:i]
    inf = 1 << 30
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, str] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0
    for i in range(n):
        chunks = _CHUNKS.get(arabic[i])
        if chunks is None:
            return None
        row, nxt, nback = best[i], best[i + 1], back[i + 1]
        for j in range(m + 1):
            cost = row[j]
            if cost >= inf:
                continue
            for chunk in chunks:
                if latin.startswith(chunk, j):
                    k = j + len(chunk)
                    c = cost + (_EMPTY_COST if not chunk.strip("-aiu") else 0)
                    c += (
                        _EMPTY_COST
                        if chunk.endswith(("ā", "ā-")) and arabic[i] not in "اآأى"
                        else 0
                    )
                    if c < nxt[k]:
                        nxt[k] = c
                        nback[k] = (j, chunk)
    if best[n][m] >= inf:
        return None
    out: list[str] = []
    j = m
    for i in range(n, 0, -1):
        step = back[i][j]
        assert step is not None
        j, chunk = step
        out.append(chunk)
    out.reverse()
    return out


_DISCOUNT = 0.8  # Kneser-Ney's absolute discount (0.6-1.0 measured on the tuning fold)
_BOS = ("<s>", "")
_EOS = ("</s>", "")
Graphone = tuple[str, str]


class JointModel:
    """An n-gram model over (letter, chunk) pairs, Kneser-Ney interpolated.

    ``counts[h]`` maps a history (a tuple of at most ``order - 1`` graphone ids) to the
    counts that score what follows it: raw counts for the longest histories, continuation
    counts (in how many longer contexts a graphone was seen) for the shorter ones. A
    loaded model parses a history's row on first use.
    """

    def __init__(self, order: int, graphones: list[Graphone]) -> None:
        self.order = order
        self.graphones = graphones
        self.ids = {g: i for i, g in enumerate(graphones)}
        self.counts: dict[tuple[int, ...], dict[int, int]] = {}
        self._rows: dict[str, str] = {}  # a loaded model's unparsed rows, by history
        self._kn: dict[tuple[int, ...], tuple[int, int, dict[int, int]] | None] = {}
        self._by_letter: dict[str, list[int]] = {}
        self._memo: dict[tuple[tuple[int, ...], int], float] = {}
        self._ends_vowel: list[bool] = []
        self._starts_vowel: list[bool] = []

    # -- training ---------------------------------------------------------------------
    @classmethod
    def train(
        cls, words: Iterable[tuple[str, list[str], int, str]], *, order: int, min_count: int = 1
    ) -> JointModel:
        """A model from ``(arabic, chunks, weight, start)`` tuples; ``start`` names the
        kind of text (``name``, ``title``...), so that a word's start is learned per kind
        (a name seldom begins with ``wa-``). Histories of length >= 2 seen fewer than
        ``min_count`` times are pruned (they fall back to shorter ones)."""
        seqs: list[tuple[list[Graphone], int, Graphone]] = []
        vocab: Counter[Graphone] = Counter()
        starts: set[Graphone] = set()
        for arabic, chunks, weight, start in words:
            seq = list(zip(arabic, chunks, strict=True))
            seqs.append((seq, weight, (f"<{start}>", "")))
            starts.add((f"<{start}>", ""))
            vocab.update(seq)
        graphones = [_BOS, _EOS, *sorted(starts), *sorted(vocab, key=lambda g: (-vocab[g], g))]
        model = cls(order, graphones)
        ids = model.ids
        raw: dict[tuple[int, ...], Counter[int]] = defaultdict(Counter)
        for seq, weight, begin in seqs:
            path = [0] * (order - 2) + [ids[begin]] + [ids[g] for g in seq] + [1]
            for pos in range(order - 1, len(path)):
                g = path[pos]
                for k in range(order):  # history lengths 0 .. order-1
                    raw[tuple(path[pos - k : pos])][g] += weight
        kept = {h: dict(c) for h, c in raw.items() if len(h) < 2 or sum(c.values()) >= min_count}
        # Kneser-Ney: a history shorter than the longest is scored by continuation counts
        cont: dict[tuple[int, ...], dict[int, int]] = defaultdict(dict)
        for h, c in kept.items():
            if h:
                row = cont[h[1:]]
                for g in c:
                    row[g] = row.get(g, 0) + 1
        longest = order - 1
        model.counts = {
            h: c if len(h) == longest or h not in cont else cont[h] for h, c in kept.items()
        }
        model._index()
        return model

    def _row(self, history: tuple[int, ...]) -> tuple[int, int, dict[int, int]] | None:
        """(total, types, counts) of a history, parsed on first use; None if unseen."""
        if history in self._kn:
            return self._kn[history]
        counts = self.counts.get(history)
        if counts is None:
            body = self._rows.pop(",".join(map(str, history)), None)
            if body is not None:
                counts = {int(g): int(c) for g, c in (x.split(":") for x in body.split(" "))}
                self.counts[history] = counts
        row = (sum(counts.values()), len(counts), counts) if counts else None
        self._kn[history] = row
        return row

    def _index(self) -> None:
        by_letter: dict[str, list[int]] = defaultdict(list)
        unigram_row = self._row(())
        unigram = unigram_row[2] if unigram_row else {}
        for i, (letter, _chunk) in enumerate(self.graphones):
            if i > 1 and not letter.startswith("<"):
                by_letter[letter].append(i)
        for ids in by_letter.values():
            ids.sort(key=lambda i: -unigram.get(i, 0))
        self._by_letter = dict(by_letter)
        self._memo = {}
        vowels = "aiuāīūáé"
        self._ends_vowel = [c[-1:] in tuple(vowels) for _a, c in self.graphones]
        self._starts_vowel = [c[:1] in tuple(vowels) for _a, c in self.graphones]

    # -- storage ----------------------------------------------------------------------
    def dump(self) -> str:
        """The model as text: a header, the graphones, then one history per line."""
        lines = [f"order\t{self.order}", f"graphones\t{len(self.graphones)}"]
        lines.extend(f"{a}\t{c}" for a, c in self.graphones[2:])
        for h in sorted(self.counts, key=lambda h: (len(h), h)):
            c = self.counts[h]
            body = " ".join(f"{g}:{n}" for g, n in sorted(c.items()))
            lines.append(f"{','.join(map(str, h))}\t{body}")
        return "\n".join(lines) + "\n"

    @classmethod
    def load(cls, text: str) -> JointModel:
        """Read what :meth:`dump` wrote (each history's counts are read on first use)."""
        lines = text.split("\n")
        order = int(lines[0].split("\t")[1])
        n = int(lines[1].split("\t")[1])
        graphones: list[Graphone] = [_BOS, _EOS]
        for line in lines[2:n]:
            a, c = line.split("\t")
            graphones.append((a, c))
        model = cls(order, graphones)
        model._rows = dict(line.split("\t", 1) for line in lines[n:] if line)
        model._index()
        return model

    # -- scoring ----------------------------------------------------------------------
    def prob(self, history: tuple[int, ...], g: int) -> float:
        """P(g | history), interpolated Kneser-Ney down to a uniform floor: the longest
        history by its counts, the shorter ones by how many contexts a graphone follows."""
        key = (history, g)
        p = self._memo.get(key)
        if p is not None:
            return p
        lower = self.prob(history[1:], g) if history else 1.0 / len(self.graphones)
        row = self._row(history)
        if row is None:
            p = lower
        else:
            total, types, counts = row
            p = (max(counts.get(g, 0) - _DISCOUNT, 0.0) + _DISCOUNT * types * lower) / total
        if len(self._memo) < 200_000:
            self._memo[key] = p
        return p

    def decode(
        self,
        arabic: str,
        *,
        start: str = "",
        beam: int = 24,
        nbest: int = 5,
    ) -> list[tuple[str, float]]:
        """The ``nbest`` most probable romanizations of an unvowelled word of a kind of
        text (``start``), each with its share of the probability of all the hypotheses
        that survived the beam."""
        k = self.order - 1
        first = self.ids.get((f"<{start}>", ""), 0)
        start_hist = (*(0,) * (k - 1), first)
        hyps: dict[tuple[int, ...], tuple[float, tuple[int, ...]]] = {start_hist: (0.0, ())}
        for letter in arabic:
            options = self._by_letter.get(letter)
            if not options:
                return []
            grown: dict[tuple[int, ...], tuple[float, tuple[int, ...]]] = {}
            for hist, (score, path) in hyps.items():
                after_vowel = bool(path) and self._ends_vowel[path[-1]]
                for g in options[:40]:
                    if after_vowel and self._starts_vowel[g]:
                        continue  # two vowels in a row: not Arabic
                    s = score + math.log(self.prob(hist, g))
                    nh = (*hist[1:], g) if k else ()
                    old = grown.get(nh)
                    if old is None or s > old[0]:
                        grown[nh] = (s, (*path, g))
            hyps = dict(sorted(grown.items(), key=lambda kv: -kv[1][0])[:beam])
        finals: dict[str, float] = {}
        for hist, (score, path) in hyps.items():
            s = score + math.log(self.prob(hist, 1))
            text = "".join(self.graphones[g][1] for g in path)
            finals[text] = max(finals.get(text, -math.inf), s)
        if not finals:
            return []
        top = max(finals.values())
        mass = {t: math.exp(s - top) for t, s in finals.items()}
        total = sum(mass.values())
        ranked = sorted(mass.items(), key=lambda kv: -kv[1])[:nbest]
        return [(t, m / total) for t, m in ranked]
