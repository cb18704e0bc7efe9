"""The romanizer's decisions: one ALA-LC word for each Arabic word, with a confidence.

Sources, tried in this order for every Arabic word:

1. the word table learned from catalogue records (``data/words.tsv.gz``): counts of each
   romanization of a word, overall, per field group (names, titles, imprints), after a
   given previous word, and before a given kind of next word (the kinds of neighbours
   counted per field group). The estimate is a chain
   of Dirichlet-smoothed distributions, from the overall counts to the most specific
   context, so that a context seen once nudges and a context seen often decides;
2. optionally the CAMeL word table (Eryani & Habash 2021; ``data/camel-alalc.tsv.gz``,
   BSD-3-Clause, licence beside it) for words the first table lacks;
3. the word split into its proclitics (``و ب ل ال``, and ``ف ك`` before the article) and
   a stem found in a table: ``والتنمية`` -> ``wa-`` + ``al-tanmiyah``, ``للتنمية`` ->
   ``lil-tanmiyah``;
4. the character model (:mod:`._chars`) for words no table knows: its 16-best and the
   candidates of analogy with the known words of the same pattern
   (:meth:`Model.pattern_support`: ``مستخدمين`` is vowelled like ``مستشرقين``) are scored
   by a learned re-ranker (:mod:`._ranker`; without its data, analogy re-ranks the 8-best).

A tāʼ marbūṭah that the table or the character model did not settle by context is
written ``-at`` or ``-ah`` by a small learned rule: the word's article and the kind of
the next word (the construct state, ``Jāmiʻat al-Qāhirah``, against ``al-Jāmiʻah``).
"""

from __future__ import annotations

import gzip
from collections import Counter
from dataclasses import dataclass, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

from citenorm.errors import CitenormError
from citenorm.memo import clear_memos, memo
from citenorm.text import _rx
from citenorm.text.romanize._analogy import aligned as _aligned
from citenorm.text.romanize._analogy import rerank as _rerank
from citenorm.text.romanize._analogy import transfer, word_pattern
from citenorm.text.romanize._chars import CORES, JointModel, normalize_latin
from citenorm.text.romanize._foreign import LatinNames
from citenorm.text.romanize._names import NameLexicon
from citenorm.text.romanize._ranker import NBEST, Candidate, Ranker, candidates
from citenorm.text.romanize._tokens import Token, fold_key
from citenorm.text.vocab import DEFINITE_PREFIXES_AR, PREPOSITIONS_AR, STEM_SUFFIXES_AR

__all__ = [
    "FieldGroup",
    "Model",
    "WordChoice",
    "load_model",
    "name_lexicon",
    "next_class",
    "prev_class",
]

FieldGroup = Literal["name", "title", "imprint"]
Source = Literal["table", "camel", "clitics", "characters", "fixed", "article", "lexicon"]

# how strongly each context's distribution leans on the one below it (pseudo-counts):
# the field group, the kind of next word, the kind of previous word, the next word, the
# previous word. Broad contexts need many observations to overrule the word's own counts.
_BETAS = (10.0, 5.0, 5.0, 2.0, 2.0)
# confidence discounts of the weaker sources, calibrated on the 100 aco-dev records of
# tests/data/aco-sample.jsonl (not on the benchmark's held-out tenth): there the character
# model's words were right 40% of the time, the clitic stems' 86%
_CLITIC_FACTOR = 1.0
_CHARS_FACTOR = 0.5
_CAMEL_FACTOR = 0.95
_CAMEL_WEIGHT = 1.0  # a CAMeL count is a catalogue observation, as ours are
# a known word seen at most _RARE times has its counts smoothed by the character model's
# probabilities, weighted as _RARE_WEIGHT observations (tuning fold: 4 and 1; 2-8 and
# 0.5-2 within 0.05 points)
_RARE = 4
_RARE_WEIGHT = 1.0
# how many observations of a word the general -ah/-at rule weighs as (tuning fold: 2)
_MARBUTA_PRIOR = 2.0


def next_class(tokens: list[Token], i: int, *, group: str = "") -> str:
    """The kind of word after token ``i``: ``E`` none (end, punctuation), ``D`` a
    definite Arabic word, ``P`` a preposition or particle, ``W`` another Arabic word,
    ``O`` a number or Latin word; in a title (``group``), ``C`` a word opening with
    ``و``: mostly the conjunction, before which a title's indefinite tāʼ marbūṭah is
    ``-ah`` (training part: 276 of 315; an imprint's ``Maktabat wa-Maṭbaʻat X``
    shares its genitive: ``-at``)."""
    if i + 1 >= len(tokens):
        return "E"
    nxt = tokens[i + 1]
    if nxt.kind == "punct":
        return "E"
    if nxt.kind != "arabic":
        return "O"
    if nxt.text in PREPOSITIONS_AR:
        return "P"
    if group == "title" and nxt.text.startswith("و"):
        return "C"
    return "D" if nxt.text.startswith(DEFINITE_PREFIXES_AR) else "W"


def prev_class(tokens: list[Token], i: int) -> str:
    """The kind of word before token ``i``: ``S`` none (start, punctuation), ``P`` a
    preposition or particle, ``D`` a definite Arabic word, ``W`` another, ``O`` other."""
    if i == 0 or tokens[i - 1].kind == "punct":
        return "S"
    prev = tokens[i - 1]
    if prev.kind != "arabic":
        return "O"
    if prev.text in PREPOSITIONS_AR:
        return "P"
    return "D" if prev.text.startswith(DEFINITE_PREFIXES_AR) else "W"


@dataclass(frozen=True, slots=True)
class WordChoice:
    """The romanization chosen for one Arabic word."""

    arabic: str
    latin: str  # as it will be printed (case decided by the field)
    confidence: float
    source: Source
    alternatives: tuple[str, ...] = ()


Counts = dict[str, int]


def _add(table: dict[tuple[str, str], Counts], ctx: str, key: str, value: str, n: int) -> None:
    row = table.get((ctx, key))
    if row is None:
        table[ctx, key] = {value: n}
    else:
        row[value] = row.get(value, 0) + n


class Tables:
    """The word table (``data/words.tsv.gz``), parsed once and shared."""

    def __init__(self, text: str) -> None:
        self.uni: dict[str, Counts] = {}
        self.group: dict[tuple[str, str], Counts] = {}
        self.prev: dict[tuple[str, str], Counts] = {}
        self.next: dict[tuple[str, str], Counts] = {}
        self.prev_cls: dict[tuple[str, str], Counts] = {}
        self.next_word: dict[tuple[str, str], Counts] = {}
        self.display: dict[tuple[str, str], str] = {}  # (group, normalized) -> printed
        self.folded: dict[str, str] = {}  # fold_key(key) -> the most frequent key
        self.marbuta: dict[tuple[str, str], Counts] = {}  # (definite, next) -> at/ah
        self.marbuta_word: dict[tuple[str, str], Counts] = {}  # (next, word) -> at/ah
        contexts = {
            "P": self.prev,
            "N": self.next,
            "C": self.prev_cls,
            "X": self.next_word,
            "T": self.marbuta,
            "M": self.marbuta_word,
        }
        for line in text.split("\n"):
            if not line or line[0] == "#":
                continue
            kind, ctx, key, value, count_text = line.split("\t")
            if kind == "U":
                count = int(count_text)
                row = self.uni.get(key)
                if row is None:
                    self.uni[key] = {value: count}
                else:
                    row[value] = row.get(value, 0) + count
                # "title0": a title's first word, whose capital says nothing of the word
                _add(self.group, "title" if ctx == "title0" else ctx, key, value, count)
            elif kind == "D":
                self.display[ctx, key] = value
            else:
                _add(contexts[kind], ctx, key, value, int(count_text))
        folded: dict[str, tuple[int, str]] = {}
        for key, counts in self.uni.items():
            f = fold_key(key)
            total = sum(counts.values())
            if f not in folded or total > folded[f][0]:
                folded[f] = (total, key)
        self.folded = {f: key for f, (_n, key) in folded.items()}


class Model:
    """The learned tables, the character model (loaded on the first unknown word) and,
    optionally, the CAMeL table (see :func:`load_model`)."""

    def __init__(
        self,
        tables: Tables,
        camel: dict[str, tuple[str, int]] | None,
        *,
        chars: JointModel | None = None,
        ranker: Ranker | bool | None = True,
    ) -> None:
        self.tables = tables
        self.display = tables.display
        self.marbuta = tables.marbuta
        self.marbuta_word = tables.marbuta_word
        self.camel = camel or {}
        self._pattern_index: dict[str, list[str]] | None = None
        self._lexicon: dict[str, int] | None = None
        self._chars = chars
        # True: the package's re-ranker (read on first use, if shipped); False: none
        self._ranker = ranker

    @property
    def chars(self) -> JointModel:
        """The character model (read on first use)."""
        return self._chars if self._chars is not None else _chars_model()

    @property
    def ranker(self) -> Ranker | None:
        """The unknown-word re-ranker (:mod:`._ranker`), read on first use; None when the
        package data has none (analogy's plain re-ranking is used then)."""
        if self._ranker is True:
            return _ranker_model()
        return self._ranker or None

    # -- deciding ---------------------------------------------------------------------
    def _lookup(self, key: str) -> str | None:
        uni = self.tables.uni
        if key in uni:
            return key
        found = self.tables.folded.get(fold_key(key))
        if found is None and key.endswith("ه") and key.startswith(DEFINITE_PREFIXES_AR):
            # tāʼ marbūṭah typed as hāʼ (Persian and many Arabic typists: البدايه); only
            # on a definite word, which cannot end in a pronoun (عمله is ʻamaluh)
            found = self.tables.folded.get(fold_key(key[:-1] + "ة"))
        return found

    def knows(self, key: str) -> bool:
        """True when a table (ours, or CAMeL's when loaded) has the word."""
        return self._lookup(key) is not None or key in self.camel

    def seen(self, key: str) -> int:
        """How often the catalogues of the word table wrote a word."""
        found = self._lookup(key)
        return sum(self.tables.uni[found].values()) if found is not None else 0

    def table_choice(
        self,
        key: str,
        *,
        group: FieldGroup,
        prev: str,
        nxt: str,
        prev_cls: str = "",
        next_word: str = "",
    ) -> tuple[str, float, tuple[str, ...]] | None:
        """The table's best romanization (normalized) of a known word, its probability
        and the runners-up; None for a word the table does not know."""
        found = self._lookup(key)
        if found is None:
            return None
        t = self.tables
        uni = t.uni[found]
        extra = self.camel.get(found)
        if extra is not None:
            # a word both tables know: CAMeL's count joins ours, weighted down (its
            # catalogues are larger, but its choice is context-free)
            uni = dict(uni)
            uni[extra[0]] = uni.get(extra[0], 0) + extra[1]
        dists = [
            (t.group.get((group, found)), _BETAS[0]),
            (t.next.get((f"{group}|{nxt}", found)), _BETAS[1]),
            (t.prev_cls.get((f"{group}|{prev_cls}", found)), _BETAS[2]),
            (t.next_word.get((next_word, found)), _BETAS[3]),
            (t.prev.get((prev, found)), _BETAS[4]),
        ]
        weights: dict[str, float] = dict(uni)
        total = sum(weights.values())
        if total <= _RARE:
            # a word seen a few times: its forms' counts tie or nearly, and one
            # cataloguer's slip weighs as much as the rule; the character model's
            # probability of each form joins its count (tuning fold: titles +0.2)
            decoded = dict(self.chars.decode(found, start=group, nbest=8))
            weights = {r: c + _RARE_WEIGHT * decoded.get(r, 0.0) for r, c in weights.items()}
            total = sum(weights.values())
        probs = {r: c / total for r, c in weights.items()}
        for counts, beta in dists:
            if not counts:
                continue
            n = sum(counts.values())
            probs = {r: (counts.get(r, 0) + beta * p) / (n + beta) for r, p in probs.items()}
        if key.endswith("ة"):
            probs = self._marbuta_context(found, probs, nxt=nxt)
        ranked = sorted(probs, key=lambda r: (-probs[r], r))
        # a word seen once is a guess even when it had one romanization
        certainty = total / (total + 0.5)
        return ranked[0], probs[ranked[0]] * certainty, tuple(ranked[1:4])

    def _marbuta_context(self, key: str, probs: dict[str, float], *, nxt: str) -> dict[str, float]:
        """Re-decide ``-ah``/``-at`` of a tāʼ marbūṭah word: the stem's probability times
        the suffix's, from the word's own counts before this kind of next word, smoothed
        towards the general rule (article, next word)."""
        stems: dict[str, float] = {}
        for r, p in probs.items():
            stem = r[:-2] if r.endswith(("ah", "at")) else r
            stems[stem] = stems.get(stem, 0.0) + p
        definite = key.startswith(DEFINITE_PREFIXES_AR)
        suffix, p_rule = self.marbuta_suffix(definite=definite, nxt=nxt)
        p_at = p_rule if suffix == "at" else 1 - p_rule
        if not definite:
            # an indefinite word's own habit in any context (ʻĀʼishah, an adjective:
            # never -at); a definite word is never in construct, whatever a cataloguer did
            seen = self.tables.uni.get(key, {})
            at = sum(c for r, c in seen.items() if r.endswith("at"))
            ah = sum(c for r, c in seen.items() if r.endswith("ah"))
            p_at = (at + _MARBUTA_PRIOR * p_at) / (at + ah + _MARBUTA_PRIOR)
        # the word's habit before this kind of next word
        own = self.marbuta_word.get((nxt, key))
        if own:
            n = own.get("at", 0) + own.get("ah", 0)
            p_at = (own.get("at", 0) + 2 * p_at) / (n + 2)
        out = {r: p for r, p in probs.items() if not r.endswith(("ah", "at"))}
        for stem, p in stems.items():
            if stem + "ah" in probs or stem + "at" in probs:
                out[stem + "at"] = p * p_at
                out[stem + "ah"] = p * (1 - p_at)
        return out

    def printed(self, norm: str, group: str) -> str:
        """The printed (cased) form of a normalized romanization in a field group."""
        return (
            self.display.get((group, norm))
            or self.display.get(("", norm))
            or self.display.get(("title0", norm))
            or norm
        )

    def marbuta_suffix(self, *, definite: bool, nxt: str) -> tuple[str, float]:
        """``at`` or ``ah`` for a word ending in tāʼ marbūṭah, with its probability."""
        counts = self.marbuta.get(("D" if definite else "I", nxt))
        if not counts:
            return ("ah", 0.5)
        total = sum(counts.values())
        best = max(("ah", "at"), key=lambda s: counts.get(s, 0))
        return best, counts.get(best, 0) / total

    def clitic_choice(
        self, key: str, *, group: FieldGroup, nxt: str
    ) -> tuple[str, float, tuple[str, ...]] | None:
        """A known stem behind proclitics: ``والتنمية`` -> ``wa-al-tanmiyah``."""
        best: tuple[str, float, tuple[str, ...]] | None = None
        for prefix_ar, prefix_lat in _CLITICS:
            if not key.startswith(prefix_ar) or len(key) - len(prefix_ar) < 2:
                continue
            if group == "name" and not prefix_lat.endswith("al-"):
                continue  # وليد, بشير, كمال: names begin with these letters
            if prefix_lat.endswith("li-") and key[len(prefix_ar)] == "ل":
                continue  # لل is li- + al- (lil-), tried before
            rest = key[len(prefix_ar) :]
            # the stem keeps its article: والتنمية -> wa- + التنمية (al-tanmiyah)
            article = prefix_ar.endswith(("ال", "لل"))
            stem = "ال" + rest if article else rest
            found = self.table_choice(stem, group=group, prev="", nxt=nxt)
            if found is None and stem in self.camel:
                found = self.camel_choice(stem)
            if found is None:
                continue
            norm, p, alts = found
            if article:
                if not norm.startswith("al-"):
                    continue
                head = prefix_lat[: -len("al-")] if prefix_lat.endswith("al-") else prefix_lat
                latin = head + (norm if prefix_lat.endswith("al-") else norm[3:])
                alts = tuple(
                    head + (a if prefix_lat.endswith("al-") else a[3:])
                    for a in alts
                    if a.startswith("al-")
                )
            else:
                latin = prefix_lat + norm
                alts = tuple(prefix_lat + a for a in alts)
            return latin, p * _CLITIC_FACTOR, alts  # the longest prefix leaving a known stem
        return best

    def chars_choice(
        self, key: str, *, group: FieldGroup, nxt: str
    ) -> tuple[str, float, tuple[str, ...]] | None:
        """The character model's romanization of an unknown word, its candidates and
        analogy's (:meth:`pattern_support`) scored by the re-ranker (:mod:`._ranker`)."""
        return self._decoded(key, group=group, nxt=nxt)

    def pattern_support(self, key: str, *, group: FieldGroup) -> Counter[str]:
        """Romanizations of an unknown word by analogy: every known word with the same
        pattern (its long vowels, tāʼ marbūṭah and hamza seats in the same places, any
        consonants elsewhere) lends its vowels, with its consonants swapped for the
        word's: ``مستخدمين`` after ``مستشرقين`` (mustashriqīn) -> ``mustakhdimīn``. Each
        candidate counts the catalogue observations behind it (twice in the field group).
        A word behind proclitics is also compared without them (``والمستخدمين``: the
        known words like ``المستخدمين``)."""
        support = self._analogies(key, group=group)
        for prefix_ar, prefix_lat in _CLITICS:
            if not key.startswith(prefix_ar) or len(key) - len(prefix_ar) < 3:
                continue
            if group == "name" and not prefix_lat.endswith("al-"):
                continue  # وليد, بشير: names begin with these letters
            if prefix_lat.endswith("li-") and key[len(prefix_ar)] == "ل":
                continue  # لل is li- + al-
            rest = key[len(prefix_ar) :]
            article = prefix_ar.endswith(("ال", "لل"))
            for latin, count in self._analogies(
                "ال" + rest if article else rest, group=group
            ).items():
                if not article:
                    support[prefix_lat + latin] += count
                elif latin.startswith("al-"):
                    # wa-al- keeps the stem's al-; lil- (li- + al-) replaces it
                    head = prefix_lat[:-3] if prefix_lat.endswith("al-") else prefix_lat
                    support[head + (latin if prefix_lat.endswith("al-") else latin[3:])] += count
            break  # the longest proclitics only
        return support

    def _analogies(self, key: str, *, group: FieldGroup) -> Counter[str]:
        support: Counter[str] = Counter()
        t = self.tables
        for known in self._patterns().get(word_pattern(key), ()):
            if known == key:
                continue
            same = t.group.get((group, known), {})
            for form, count in t.uni[known].items():
                chunks = _aligned(known, form)
                if chunks is None:
                    continue
                latin = transfer(key, known, chunks)
                if latin:
                    support[latin] += count + same.get(form, 0)
        return support

    def _patterns(self) -> dict[str, list[str]]:
        if self._pattern_index is None:
            index: dict[str, list[str]] = {}
            for known in sorted(self.tables.uni):
                index.setdefault(word_pattern(known), []).append(known)
            self._pattern_index = index
        return self._pattern_index

    def unknown_candidates(self, key: str, *, group: FieldGroup) -> tuple[list[Candidate], int]:
        """An unknown word's candidates (the character model's n-best and analogy's) and
        how many known words share its pattern: what the re-ranker scores."""
        nbest = self.chars.decode(key, start=group, nbest=NBEST)
        support = self.pattern_support(key, group=group) if nbest else Counter()
        cands = candidates(nbest, support)
        if cands:
            lexicon = self._latin_lexicon()
            stems = self._inner_stems(key)
            marbuta = key.endswith("ة")
            out = []
            for c in cands:
                core = _latin_core(c.latin)
                attested = lexicon.get(core, 0)
                if marbuta and core.endswith(("ah", "at")):
                    other = core[:-2] + ("at" if core.endswith("ah") else "ah")
                    attested += lexicon.get(other, 0)
                agrees = -1
                if stems:
                    agrees = sum(n for form, n in stems if c.latin.startswith(form))
                out.append(replace(c, attested=attested, stem_agrees=agrees))
            cands = out
        return cands, len(self._patterns().get(word_pattern(key), ()))

    def _latin_lexicon(self) -> dict[str, int]:
        """How often the catalogues wrote each romanized word, its proclitics and
        article cut (``wa-al-kitāb`` counts for ``kitāb``)."""
        if self._lexicon is None:
            lexicon: dict[str, int] = {}
            for counts in self.tables.uni.values():
                for form, n in counts.items():
                    core = _latin_core(form)
                    lexicon[core] = lexicon.get(core, 0) + n
            self._lexicon = lexicon
        return self._lexicon

    def _inner_stems(self, key: str) -> list[tuple[str, int]]:
        """A known word inside an unknown one, before a suffix (``كتابهم``: ``كتاب``;
        ``مكتبتنا``: ``مكتبة``): its romanizations as the start of the word's (a tāʼ
        marbūṭah's ``-ah`` as ``-at``), with their counts; also behind proclitics
        (``ومؤلفاته``: ``wa-`` + ``مؤلفات``)."""
        forms = self._suffixed_stems(key)
        if forms:
            return forms
        for prefix_ar, prefix_lat in _CLITICS:
            if not key.startswith(prefix_ar) or len(key) - len(prefix_ar) < 3:
                continue
            if prefix_lat.endswith("li-") and key[len(prefix_ar)] == "ل":
                continue  # لل is li- + al-
            rest = key[len(prefix_ar) :]
            if prefix_ar.endswith(("ال", "لل")):
                head = prefix_lat[:-3] if prefix_lat.endswith("al-") else prefix_lat
                cut = 0 if prefix_lat.endswith("al-") else 3
                return [
                    (head + f[cut:], n)
                    for f, n in self._suffixed_stems("ال" + rest)
                    if f.startswith("al-")
                ]
            return [(prefix_lat + f, n) for f, n in self._suffixed_stems(rest)]
        return []

    def _suffixed_stems(self, key: str) -> list[tuple[str, int]]:
        uni = self.tables.uni
        for suffix in STEM_SUFFIXES_AR:
            if not key.endswith(suffix) or len(key) - len(suffix) < 2:
                continue
            stem = key[: -len(suffix)]
            forms: list[tuple[str, int]] = []
            if stem in uni:
                forms = [(f, n) for f, n in uni[stem].items()]
            elif stem.endswith("ت") and stem[:-1] + "ة" in uni:
                forms = [
                    (f[:-2] + "at" if f.endswith("ah") else f, n)
                    for f, n in uni[stem[:-1] + "ة"].items()
                ]
            if forms:
                return forms
        return []

    def _decoded(
        self, key: str, *, group: FieldGroup, nxt: str
    ) -> tuple[str, float, tuple[str, ...]] | None:
        ranker = self.ranker
        if ranker is not None:
            cands, patterns = self.unknown_candidates(key, group=group)
            nbest = ranker.rank(key, cands, group=group, patterns=patterns)
        else:
            nbest = self.chars.decode(key, start=group, nbest=8)
            if nbest:
                nbest = _rerank(nbest, self.pattern_support(key, group=group))
        if not nbest:
            return None
        if key.endswith("ة"):
            suffix, ps = self.marbuta_suffix(definite=key.startswith(DEFINITE_PREFIXES_AR), nxt=nxt)
            merged: dict[str, float] = {}
            for latin, p in nbest:
                stem = latin[:-2] if latin.endswith(("ah", "at")) else latin
                merged[stem] = merged.get(stem, 0.0) + p
            ranked = sorted(merged.items(), key=lambda kv: -kv[1])
            outs = [(stem + suffix, p * ps) for stem, p in ranked]
        else:
            outs = nbest
        latin, p = outs[0]
        return latin, p * _CHARS_FACTOR, tuple(t for t, _p in outs[1:4])

    def camel_choice(self, key: str) -> tuple[str, float, tuple[str, ...]] | None:
        """The CAMeL table's romanization (normalized) of a word it knows."""
        found = self.camel.get(key)
        if found is None:
            return None
        return found[0], _CAMEL_FACTOR * 0.9, ()

    def choose(
        self, tokens: list[Token], i: int, *, group: FieldGroup, use_camel: bool
    ) -> WordChoice:
        """The romanization of token ``i`` (an Arabic word) in its context."""
        tok = tokens[i]
        key = tok.text
        prev = tokens[i - 1].text if i > 0 and tokens[i - 1].kind == "arabic" else ""
        nxt = next_class(tokens, i, group=group)
        source: Source = "table"
        nw = tokens[i + 1].text if i + 1 < len(tokens) and tokens[i + 1].kind == "arabic" else ""
        found = self.table_choice(
            key, group=group, prev=prev, nxt=nxt, prev_cls=prev_class(tokens, i), next_word=nw
        )
        if found is None and use_camel:
            found, source = self.camel_choice(key), "camel"
        if found is None:
            found, source = self.clitic_choice(key, group=group, nxt=nxt), "clitics"
        if found is None:
            found, source = self.chars_choice(key, group=group, nxt=nxt), "characters"
        if found is None:  # letters the model has never seen: spell them out
            return WordChoice(key, _fallback(key), 0.05, "characters")
        norm, p, alts = found
        return WordChoice(key, norm, round(min(p, 1.0), 3), source, alts)


# proclitic prefixes, longest first, with their ALA-LC forms
_CLITICS: tuple[tuple[str, str], ...] = (
    ("وبال", "wa-bi-al-"),
    ("وكال", "wa-ka-al-"),
    ("فبال", "fa-bi-al-"),
    ("ولل", "wa-lil-"),
    ("فلل", "fa-lil-"),
    ("وال", "wa-al-"),
    ("فال", "fa-al-"),
    ("بال", "bi-al-"),
    ("كال", "ka-al-"),
    ("لل", "lil-"),
    ("وب", "wa-bi-"),
    ("ول", "wa-li-"),
    ("و", "wa-"),
    ("ب", "bi-"),
    ("ل", "li-"),
)
# fa- and ka- before a bare stem are rare in titles (ten each in the training records,
# against 8,355 wa-): a word beginning with ف or ك is far more often a word of its own
# (كلامية, فواصل), so they are only taken with the article (فالعلم, كالسيف)


_LATIN_PREFIX = _rx.compile(r"^(?:(?:wa|fa|bi|li|ka|lil|al)-)+")


def _latin_core(latin: str) -> str:
    """A romanized word without its proclitics and article: ``wa-al-kitāb`` -> ``kitāb``."""
    return _LATIN_PREFIX.sub("", latin)


def _fallback(key: str) -> str:

    return "".join((CORES.get(ch) or ("",))[0] for ch in key) or key


_DATA_DIR: list[Path] = []  # another build's data directory (benchmarks, training)


def use_data(directory: Path | None) -> None:
    """Read the tables from ``directory`` (a ``training/romanize/build.py --out`` build)
    instead of the package data; None: back to the package data. For benchmarks and
    training scripts: the models already loaded are dropped (with every other memo)."""
    _DATA_DIR[:] = [directory] if directory is not None else []
    clear_memos(tables=True)


def _read_resource(name: str) -> str | None:
    path: Path | Traversable = (
        _DATA_DIR[0] / name
        if _DATA_DIR
        else resources.files("citenorm.text.romanize") / "data" / name
    )
    if not path.is_file():
        return None
    data = path.read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8")


def _missing(name: str) -> CitenormError:
    return CitenormError(
        f"the romanizer's table data/{name} is missing from the package: rebuild it with "
        "training/romanize/build.py"
    )


@memo(None)
def _tables() -> Tables:
    text = _read_resource("words.tsv.gz")
    if text is None:
        raise _missing("words.tsv.gz")
    return Tables(text)


@memo(None)
def _chars_model() -> JointModel:
    text = _read_resource("chars.txt.gz")
    if text is None:
        raise _missing("chars.txt.gz")
    return JointModel.load(text)


@memo(None)
def name_lexicon() -> NameLexicon | None:
    """The catalogued headings of the training records (:mod:`._names`), read on first
    use; None when the package data has none."""
    text = _read_resource("names.tsv.gz")
    return NameLexicon(text) if text is not None else None


@memo(None)
def _ranker_model() -> Ranker | None:
    text = _read_resource("ranker.tsv.gz")
    return Ranker.load(text) if text is not None else None


@memo(None)
def _camel() -> dict[str, tuple[str, int]]:
    """CAMeL's word -> (normalized romanization, weighted count)."""
    import csv
    import io

    text = _read_resource("camel-alalc.tsv.gz")
    if text is None:
        raise _missing("camel-alalc.tsv.gz")
    reader = csv.reader(io.StringIO(text), delimiter="\t")
    next(reader, None)
    out: dict[str, tuple[str, int]] = {}
    for row in reader:
        if len(row) >= 3 and row[0] and row[0] not in out:
            out[row[0]] = (normalize_latin(row[1]), max(1, round(int(row[2]) * _CAMEL_WEIGHT)))
    return out


@memo(2)
def load_model(*, camel: bool) -> Model:
    """The shipped model (read on first use, then kept), with or without the CAMeL table."""
    return Model(_tables(), _camel() if camel else None)


@memo(None)
def latin_names() -> LatinNames | None:
    """The Western name words (:mod:`._foreign`), read on first use; None when the
    package data has none."""
    text = _read_resource("western.tsv.gz")
    return LatinNames(text) if text is not None else None
