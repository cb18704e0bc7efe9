"""Footnote kinds and back-references: ``full``, ``ibid``, ``op_cit`` or ``note``, and
the earlier footnote an ibid or op. cit. points back to (``refers_to``).

:func:`resolve_kinds` runs on the footnotes :mod:`citenorm.extraction.footnotes` found,
in text order; a Chicago short form (``Crone, God's Rule, 45.``) is an ``op_cit`` of the
earlier note whose words it repeats. Each look-back is bounded by :data:`LOOKBACK`
notes, so resolution stays linear on hostile input.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise

from rapidfuzz import fuzz, process

from citenorm.extraction.footnotes import RawFootnote
from citenorm.extraction.intext import cites_author_date
from citenorm.text import _rx, vocab
from citenorm.text import patterns as P
from citenorm.text.normalize import fold_any, fold_latin, has_arabic, script_of
from citenorm.text.patterns import lazy
from citenorm.text.skeleton import skeleton

__all__ = ["LOOKBACK", "resolve_kinds"]

#: op. cit., ibid. and short forms look back at most this many footnotes for their target
#: (keeps resolution linear on hostile input; real articles repeat sources far closer)
LOOKBACK = 400

_LEAD_SPLIT = _rx.compile(r"\s*[,،.]\s*")


def _lead(text: str, span_start: int) -> str:
    """The text before an op. cit./ibid. phrase: usually the author, maybe a short title."""
    return P.SEE_PREFIX.sub("", text[:span_start]).strip(" ،,.:;؛-")


def _similar(a: str, b: str, cutoff: float = 0.0) -> float:
    """Partial similarity of two folded keys (0 when either is empty or below ``cutoff``)."""
    if not a or not b:
        return 0.0
    return float(fuzz.partial_ratio(a, b, processor=None, score_cutoff=cutoff))


# an op. cit. lead (usually an author's name) is compared with at least this many
# characters at the start of each earlier full footnote
_START = 40


class _Keys:
    """Each footnote's text and comparison keys, computed once: resolution compares a
    footnote with up to ``LOOKBACK`` earlier ones, so recomputing them per comparison
    costs ``LOOKBACK`` folds per footnote."""

    __slots__ = ("_fold", "_head", "_skeletons", "_start", "_words", "texts")

    def __init__(self, notes: list[RawFootnote]) -> None:
        self.texts = [n.text for n in notes]
        self._fold: dict[int, str] = {}
        self._head: dict[int, str] = {}
        self._start: dict[int, str] = {}
        self._words: dict[int, frozenset[str]] = {}
        self._skeletons: dict[int, frozenset[str]] = {}

    def fold(self, j: int) -> str:
        key = self._fold.get(j)
        if key is None:
            key = self._fold[j] = fold_any(self.texts[j])
        return key

    def start(self, j: int, length: int) -> str:
        """The folded first ``length`` characters (kept for the usual, shortest length)."""
        text = self.texts[j]
        if len(text) <= length:
            return self.fold(j)
        if length != _START:
            return fold_any(text[:length])
        key = self._start.get(j)
        if key is None:
            key = self._start[j] = fold_any(text[:length])
        return key

    def head(self, j: int) -> str:
        """The folded first two comma/period-separated parts (author, title)."""
        key = self._head.get(j)
        if key is None:
            head = _LEAD_SPLIT.split(self.texts[j], maxsplit=2)
            key = self._head[j] = fold_any(" ".join(head[:2]))
        return key

    def script(self, j: int) -> str:
        return script_of(self.texts[j][:300])

    def skeleton_words(self, j: int) -> frozenset[str]:
        """The script-neutral consonant skeletons of footnote ``j``'s words."""
        words = self._skeletons.get(j)
        if words is None:
            words = self._skeletons[j] = frozenset(skeleton(self.texts[j][:2000]).split())
        return words

    def words(self, j: int) -> frozenset[str]:
        """The folded words of footnote ``j``, each by its own script (a note that mixes
        Arabic and romanized text folds both)."""
        words = self._words.get(j)
        if words is None:
            words = self._words[j] = frozenset(_mixed_fold(self.texts[j]).split())
        return words


# "نفسه" / "ذاته" / "Ibid" / "Idem" as the whole note (a page aside): ".171 ،نفسه", "Ibid., 176."
_WORD = lazy(r"[^\W\d_]+(?:['’ʼʻʿ`-][^\W\d_]+)*")
# evidence that a note cites a source (each adds to a score; a note scoring 2 cites)
# "(Paris: Flammarion, 2016)", "بيروت: دار الساقي، 1990": found from its colon (a search
# for a pattern that opens with a literal is fast)
_IMPRINT = _rx.compile(
    r":(?:(?<=[^\s:()]{2}:)|(?<=[^\s:()]{2} :))\s?[^,،:()]{2,80}[,،]\s?"
    r"(?:[0-9]{4}|د\s?\.\s?ت|n\.\s?d)"
)
_QUOTED = _rx.compile(r"[“«\"][^”»\"]{4,200}[”»\"]")
_LOCATOR_END = _rx.compile(r"[,،]\s*[0-9]{1,4}(?:\s*[-–]\s*[0-9]{1,4})?\s*[.;؛]?\s*$")
# words of a source, in two patterns (a note holds one when either matches): the Latin
# ones, searched through their hint (an IGNORECASE alternation has no quick scan: it is
# tried at every position of the note), and the Arabic ones, which have no case (searched
# case-sensitively: the engine goes from one candidate first letter to the next)
_SOURCE_WORDS_LATIN = _rx.compile(
    r"\b(?:press|university|université|universidad|éditions?|editions|publications|verlag|"
    r"thèse|thesis|dissertation|journal|revue|review|vol\.|tome|op\.\s*cit|archives?|"
    r"manuscrit|manuscript)\b",
    re.IGNORECASE,
)
P.HINTS[_SOURCE_WORDS_LATIN] = P.Hint(
    *("press", "universi", "édition", "edition", "publications", "verlag", "thèse", "thesis"),
    *("dissertation", "journal", "revue", "review", "vol.", "tome", "cit", "archive", "manuscri"),
)
_SOURCE_WORDS_ARABIC = _rx.compile(
    r"(?:دار|مطبعة|مطبعه|منشورات|مكتبة|مكتبه|جامعة|جامعه|مجلة|مجله|رسالة|اطروحة|أطروحة|تحقيق|"
    r"ترجمة|مخطوط|الأرشيف|الارشيف)\s"
)


def _citation_score(text: str) -> int:
    """How strongly a note's text reads as a reference (rather than a gloss)."""
    score = 0
    if P.search(P.URL, text) or P.search(P.DOI, text):
        score += 2
    if P.search(P.PAGES, text) or P.search(P.VOLUME, text) or P.search(P.ISSUE, text):
        score += 2
    if _IMPRINT.search(text) or P.SCRIPTURE_VERSE.search(text):
        score += 2  # (a publisher or a place; a sacred text's chapter and verse)
    if P.YEAR.search(text) or P.search(P.NO_DATE, text):
        score += 1
    if _LOCATOR_END.search(text[-30:]):
        score += 1
    if _QUOTED.search(text):
        score += 1
    if _SOURCE_WORDS_ARABIC.search(text) or P.search(_SOURCE_WORDS_LATIN, text):
        score += 1
    see = P.SEE_PREFIX.match(text)
    if see is not None and see.end() > 0:
        score += 1
    if score < 2 and len(text) < 2000 and cites_author_date(text):
        score += 2  # "(حسن، 2015: 45)": an author-date citation inside the note
    return score


def _bare_ibid(text: str) -> bool:
    if len(text) > 40:
        return False
    words = [w.lower() for w in _WORD.findall(text)]
    return bool(words) and len(words) <= 2 and words[0] in vocab.BARE_IBID_WORDS


# (a hash is a signed 64-bit int: shifted to sort as an unsigned one)
_HASH_OFFSET = 1 << 63


class _TitleIndex:
    """Which texts hold the title of a list entry (two or more of its word pairs in a
    row, most of them): a note that glosses and cites at once cites its source."""

    def __init__(self, titles: Sequence[str]) -> None:
        self._titles: Sequence[str] | None = titles  # indexed when a note first asks
        # each title's distinct word pairs as two columns sorted by the pair's hash (then
        # by title): a dict of tuples and lists held ~260 bytes a pair, 4x a 1 MB article
        # of new words while its notes were resolved; these hold 12 (memory: issue 15).
        # Two pairs share a 64-bit hash with odds of ~1e-19 per comparison.
        self._hashes = array("q")
        self._titles_of = array("i")
        self._sizes = array("i")

    def _index(self, titles: Sequence[str]) -> None:
        # (hash, title) packed in one int each, so the sort makes no tuples
        packed: list[int] = []
        for k, title in enumerate(titles):
            pairs = _word_pairs(title[:300])
            self._sizes.append(len(pairs))
            packed.extend(((hash(pair) + _HASH_OFFSET) << 32) | k for pair in set(pairs))
        packed.sort()
        self._hashes = array("q", ((v >> 32) - _HASH_OFFSET for v in packed))
        self._titles_of = array("i", (v & 0xFFFFFFFF for v in packed))

    def _lookup(self, pair: tuple[str, str]) -> array[int]:
        """The titles holding ``pair``, in order (at most 50)."""
        h = hash(pair)
        lo = bisect_left(self._hashes, h)
        hi = bisect_right(self._hashes, h, lo, min(lo + 50, len(self._hashes)))
        return self._titles_of[lo:hi]

    def cites(self, text: str) -> bool:
        if self._titles is not None:
            # (a list with no footnote asking, a list of 100,000 entries: no index)
            titles, self._titles = self._titles, None
            self._index(titles)
        if not self._hashes:
            return False
        hits: dict[int, int] = {}
        for pair in set(_word_pairs(text[:2000])):
            for k in self._lookup(pair):
                hits[k] = hits.get(k, 0) + 1
        return any(n >= 2 and n >= 0.5 * self._sizes[k] for k, n in hits.items())


def _mixed_fold(text: str) -> str:
    """:func:`fold_any` word by word: Arabic words folded as Arabic, the others as Latin
    (``fold_any`` folds a text with any Arabic letter as Arabic only)."""
    if not has_arabic(text):
        return fold_latin(text)
    return " ".join(
        w if has_arabic(w) else fold_latin(w) for w in fold_any(text).split() if w
    ).strip()


def _word_pairs(text: str) -> list[tuple[str, str]]:
    words = [w for w in _mixed_fold(text).split() if len(w) > 2 and not w.isdigit()]
    return list(pairwise(words))


def resolve_kinds(notes: list[RawFootnote], *, titles: Sequence[str] = ()) -> None:
    """Set ``kind`` and ``refers_to`` on every footnote (in place).

    ``ibid`` (``المصدر نفسه``, ``نفسه``, ``Ibid.``) points to the previous citing
    footnote's source; ``op_cit`` (``مصدر سبق ذكره``, ``op. cit.``) to the nearest
    earlier full footnote whose author (or title) matches the text before the phrase; a
    short repeat citation with no such wording (Chicago's short form, ``Crone, God's
    Rule, 45.``) is an ``op_cit`` of the earlier footnote whose words it repeats, and that
    footnote cites a source even when it looked like a gloss. Other footnotes are
    ``full`` when they read as a reference (an imprint, pages, a URL, a quoted title, a
    year with another sign) or hold the title of an entry in ``titles`` (the article's
    list), else ``note``.
    """
    keys = _Keys(notes)
    index = _TitleIndex(titles)
    for i, note in enumerate(notes):
        text = keys.texts[i]
        if (note.number is None and note.marker.startswith("(")) or text.lstrip().startswith("(*)"):
            note.kind = "note"
            continue
        ibid = P.search(P.IBID, text)
        opcit = P.search(P.OP_CIT, text)
        if ibid and (not opcit or ibid.start() <= opcit.start()):
            note.kind = "ibid"
            lead = _lead(text, ibid.start())
            note.refers_to = _resolve_ibid(notes, keys, i, lead)
            continue
        if opcit:
            note.kind = "op_cit"
            note.refers_to = _resolve_op_cit(notes, keys, i, _lead(text, opcit.start()))
            continue
        if _bare_ibid(text):
            note.kind = "ibid"
            note.refers_to = _resolve_ibid(notes, keys, i, "")
            continue
        short = _short_form_target(notes, keys, i)
        if short is not None:
            note.kind = "op_cit"
            note.refers_to = short
            if notes[short].kind == "note":
                notes[short].kind = "full"  # later notes cite it by a short form
            continue
        note.kind = "full" if _citation_score(text) >= 2 or index.cites(text) else "note"


def _target_of(notes: list[RawFootnote], j: int) -> int | None:
    n = notes[j]
    if n.kind == "full":
        return j
    if n.kind in ("op_cit", "ibid"):
        return n.refers_to
    return None


def _resolve_ibid(notes: list[RawFootnote], keys: _Keys, i: int, lead: str) -> int | None:
    for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
        target = _target_of(notes, j)
        if target is None:
            continue
        folded = fold_any(lead) if lead else ""
        if len(folded) >= 4 and _similar(folded, keys.fold(target)) < 70:
            # "X، المصدر نفسه" naming another author than the previous note: search back
            found = _resolve_op_cit(notes, keys, i, lead)
            return found if found is not None else target
        return target
    return None


def _resolve_op_cit(notes: list[RawFootnote], keys: _Keys, i: int, lead: str) -> int | None:
    best: tuple[float, int] | None = None
    folded = fold_any(lead) if lead else ""
    prefix = max(len(lead) * 2, _START)
    for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
        if notes[j].kind != "full":
            continue
        if not lead:
            return j
        score = max(
            _similar(folded, keys.start(j, prefix)),
            _similar(folded, keys.head(j)),
        )
        if best is None or score > best[0] + 0.5:
            best = (score, j)
            if score > 99.5:  # no score (at most 100) can beat it by more than 0.5
                break
    if best is not None and best[0] >= 60:
        return best[1]
    return None


# a short form resolves only to a full footnote it matches this well (0-100)
_SHORT_FORM_MIN = 80.0


# the locator after a short form's last comma: "98-104", "points II-IV", "articles 3-7"
_LOCATOR = lazy(r"[0-9]|\b[IVXLC]{1,6}\b|^\s*(?:pp?|ص|t|vol|fol|f)\b", re.IGNORECASE)


def _short_head(text: str) -> str:
    """A short form without its locator: "Mulīn, Fikrat al-dustūr, 98-104." ->
    "Mulīn, Fikrat al-dustūr"; "Maṭālib al-shaʿb, points II-IV." -> "Maṭālib al-shaʿb"."""
    text = text.strip().rstrip(" .;؛")
    cut = max(text.rfind(","), text.rfind("،"))
    if cut > 0 and _LOCATOR.search(text[cut + 1 :]) and len(text[cut + 1 :].split()) <= 6:
        return text[:cut]
    return text


def _short_form_target(notes: list[RawFootnote], keys: _Keys, i: int) -> int | None:
    """An earlier footnote that this short footnote repeats (no year, no URL): the nearest
    one holding (nearly) every word of its author and title, without the locator.

    The target is a full footnote (or the one an earlier short form points to); a
    footnote that looked like a gloss is a target too (it is then a citation).
    """
    text = P.SEE_PREFIX.sub("", keys.texts[i])
    if P.YEAR.search(text) or P.search(P.URL, text):
        return None
    body = _short_head(P.PAGES.sub("", text)).strip(" ،,.:;؛-")
    if len(body) > 160:
        return None
    folded = _mixed_fold(body)
    words = [w for w in folded.split() if len(w) > 2 and not any(c.isdigit() for c in w)]
    if not words or sum(len(w) for w in words) < 6:
        return None
    script = script_of(body)
    # in the other script (a romanized short form of an Arabic note, or the reverse) the
    # words are compared by their consonant skeletons
    skeleton_words = [w for w in skeleton(body).split() if len(w) > 1 and not w.isdigit()]
    # every significant word of the short form should be in the full note
    best: tuple[float, int] | None = None
    for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
        kind = notes[j].kind
        if kind == "ibid":
            continue
        target = notes[j].refers_to if kind == "op_cit" else j
        if target is None:
            continue
        if keys.script(j) == script:
            mine, full = words, keys.words(j)
        else:
            mine, full = skeleton_words, keys.skeleton_words(j)
        if not mine:
            continue
        misses_allowed = _allowed_misses(len(mine))
        misses = 0
        for k, w in enumerate(mine):
            if w in full or process.extractOne(w, full, scorer=fuzz.ratio, score_cutoff=85):
                continue
            misses += 1
            if k == 0 or misses > misses_allowed:
                misses = misses_allowed + 1  # the author (first word) must be there
                break
        if misses > misses_allowed:
            continue
        score = 100.0 * (len(mine) - misses) / len(mine)
        if best is None or score > best[0]:
            best = (score, target)
            if score >= 100.0:  # nothing farther can beat it
                break
    return best[1] if best is not None else None


def _allowed_misses(n: int) -> int:
    """The most of ``n`` words that may be missing for a word score >= ``_SHORT_FORM_MIN``."""
    k = 0
    while k < n and 100.0 * (n - k - 1) / n >= _SHORT_FORM_MIN:
        k += 1
    return k
