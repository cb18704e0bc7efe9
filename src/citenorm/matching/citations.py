"""Footnotes and in-text citations -> the list entries they cite.

A full footnote is parsed with the same field parser as entries and compared with the
entries of its own script (same-script scoring), then, when it finds none, with the
entries of the other script (cross-script scoring, as for pairs). A cited entry that has
a pair brings its partner along, so a footnote cites the work in both lists.
``op_cit``/``ibid`` footnotes cite what their target cites. A footnote that finds no entry
is ``unlisted``. Footnotes citing several works (``؛``) are split first.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import fuzz, process

from citenorm.extraction.compact import build
from citenorm.extraction.intext import find_in_text
from citenorm.extraction.pages import number_last, reading_text
from citenorm.extraction.reference import parse_reference
from citenorm.extraction.segment import Line
from citenorm.matching.blocking import nearest_rows
from citenorm.matching.features import KEY_CHARS, Features, features_of
from citenorm.matching.scoring import CROSS, SAME, pair_score
from citenorm.memo import MemoBound
from citenorm.models import (
    Citation,
    Document,
    Entry,
    Fields,
    Footnote,
    Footnotes,
    InTextCitation,
    Pair,
)
from citenorm.progress import Progress, Ticker
from citenorm.text import _rx, vocab
from citenorm.text.normalize import clean, fold_any, has_arabic, script_of, to_western_digits
from citenorm.text.patterns import lazy, split_cites
from citenorm.text.skeleton import skeleton

_LATIN = _rx.compile(r"[A-Za-z]")

__all__ = ["link_footnotes", "link_in_text"]

_FOOTNOTE_CUTOFF = 62.0


#: a footnote is fully scored against at most this many entries of a list (blocking)
MAX_FOOTNOTE_CANDIDATES = 6


def _block_key(f: Features, mode: str) -> str:
    if mode == SAME:
        return f"{f.family_fold} {f.title_fold[:60]}"
    return f"{f.family_key} {f.title_key[:40]}"


def _sorted(key: str) -> str:
    """``key`` with its words sorted: :func:`rapidfuzz.fuzz.ratio` of two such keys is
    their ``token_sort_ratio``, without sorting them again for every pair."""
    return " ".join(sorted(key.split()))


class _Queries:
    """What blocking reads of the footnote parts of one script, as columns: each part's
    blocking key (words sorted, :func:`_sorted`) in each mode whose pool is long enough
    to be blocked, its URL key and year. A part's :class:`Features` are made again when
    it is scored (memory: every part's features were held until the last note was
    scored, ~840 bytes a note; an object a part, ~70 more)."""

    __slots__ = ("cross", "same", "url", "year")

    def __init__(self) -> None:
        self.same: list[str] = []
        self.cross: list[str] = []
        self.url: list[str | None] = []
        self.year: list[int | None] = []

    def __len__(self) -> int:
        return len(self.year)

    def add(self, f: Features, *, same: bool, cross: bool) -> None:
        """The part of features ``f``, its key made for the modes asked."""
        self.same.append(_sorted(_block_key(f, SAME)) if same else "")
        self.cross.append(_sorted(_block_key(f, CROSS)) if cross else "")
        self.url.append(f.url)
        self.year.append(f.year)


class _Shortlists:
    """The entries worth scoring of each query of one pool, as one flat array of entry
    indices (row ``i`` is ``flat[ends[i - 1]:ends[i]]``): a list of records per query
    held ~150 bytes a note, these columns 4 bytes an index. ``None``: every entry (a
    short pool)."""

    __slots__ = ("ends", "flat")

    def __init__(self) -> None:
        self.flat = array("i")
        self.ends = array("q")

    def add(self, row: Iterable[int]) -> None:
        self.flat.extend(row)
        self.ends.append(len(self.flat))

    def row(self, i: int) -> array[int]:
        return self.flat[self.ends[i - 1] if i else 0 : self.ends[i]]


class _Pool:
    """The entries of one script, with their blocking keys (built once per mode)."""

    def __init__(self) -> None:
        self.feats: list[Features] = []
        self._by_year: dict[int, list[int]] | None = None
        self._urls: tuple[list[int], list[str]] | tuple[()] | None = None

    def keys(self, mode: str, bound: MemoBound | None = None) -> list[str]:
        """The blocking keys of the entries, their words sorted (see :func:`_sorted`);
        made for each blocking, not kept (memory: ~100 bytes an entry while the notes
        are scored). ``bound``: a checkpoint per entry (its folds are made here)."""
        out: list[str] = []
        for e in self.feats:
            if bound is not None:
                bound()
            out.append(_sorted(_block_key(e, mode)))
        return out

    def shortlists(
        self, queries: _Queries, mode: str, bound: MemoBound | None = None
    ) -> _Shortlists | None:
        """For each query, the entries worth scoring: all of them for short lists
        (``None``); for long ones, those closest by name and title keys (a vectorised
        pass in chunks, :func:`~citenorm.matching.blocking.nearest_rows`), entries sharing a
        URL (one typo allowed), and entries of the same year up to twice the cap."""
        feats = self.feats
        if len(feats) <= MAX_FOOTNOTE_CANDIDATES or not len(queries):
            return None
        # (one flat array of indices: a list of ints per query held ~270 bytes a note)
        flat, ends = nearest_rows(
            queries.same if mode == SAME else queries.cross,
            self.keys(mode, bound),
            k=MAX_FOOTNOTE_CANDIDATES,
            scorer=fuzz.ratio,
        )
        by_year = self.by_year()
        urls = self.urls()
        out = _Shortlists()
        start = 0
        for url, year, end in zip(queries.url, queries.year, ends, strict=True):
            chosen = set(flat[start:end])
            start = end
            if url and urls:
                # a URL names the work whatever the title's language
                hits = process.extract(
                    url, urls[1], scorer=fuzz.ratio, processor=None, score_cutoff=90, limit=None
                )
                chosen.update(urls[0][k] for _, _, k in hits)
            if year is not None:
                for j in by_year.get(year, ()):
                    if len(chosen) >= 2 * MAX_FOOTNOTE_CANDIDATES:
                        break
                    chosen.add(j)
            out.add(sorted(chosen))
        return out

    def candidates(self, lists: _Shortlists | None, i: int) -> Sequence[Features]:
        """The entries of query ``i`` of ``lists`` (:meth:`shortlists`)."""
        if lists is None:
            return self.feats
        feats = self.feats
        return [feats[j] for j in lists.row(i)]

    def by_year(self) -> dict[int, list[int]]:
        """Year -> the indices of the entries of that year, in list order."""
        if self._by_year is None:
            self._by_year = {}
            for i, e in enumerate(self.feats):
                if e.year is not None:
                    self._by_year.setdefault(e.year, []).append(i)
        return self._by_year

    def urls(self) -> tuple[list[int], list[str]] | None:
        """The indices of the entries with a URL, and their URL keys; ``None`` if none."""
        if self._urls is None:
            pairs = [(i, e.url) for i, e in enumerate(self.feats) if e.url]
            self._urls = ([i for i, _ in pairs], [u for _, u in pairs]) if pairs else ()
        return self._urls or None


def _best(f: Features, candidates: Sequence[Features], mode: str) -> tuple[str, float] | None:
    best: tuple[str, float] | None = None
    for e in candidates:
        # a candidate must beat the best so far (and the cutoff) to matter
        s = pair_score(f, e, mode=mode, floor=_FOOTNOTE_CUTOFF if best is None else best[1])
        if s is not None and (best is None or s > best[1]):
            best = (e.id, s)
    if best is not None and best[1] >= _FOOTNOTE_CUTOFF:
        return best
    return None


# "أ) ... ب) ... ج) ...", "a) ... b) ...": lettered items of a note that cites several works
_LETTERED = _rx.compile(r"(?:^|\s)(?:[أابتثجحخدذ]|[a-h])\)\s", re.IGNORECASE)
# a sentence end: where a note that cites two works may switch script (a French
# reference, then an Arabic one)
_SENTENCE_END = _rx.compile(r"(?<=[.)])\s+(?=\S)")
# the 2021-font ligature fault of some Arabic PDFs: lam + jim/ha/kha/mim printed as the
# letter + lam ("اجلزء" for "الجزء", "املغرب" for "المغرب"), lam + alef maqsura as
# alef maqsura + lam ("عىل" for "على")
_LAM_FAULT = _rx.compile(r"(?<![\u0621-\u064a])ا([جحخم])ل")
_LAM_RIGHT = _rx.compile(r"(?<![\u0621-\u064a])ال[جحخم]")
_YA_LAM_FAULT = lazy(r"ىل")


def _ligature_fault(texts: Iterable[str]) -> bool:
    """Do the document's Arabic footnotes show the ligature fault (more faulty words
    than sound ones, and at least three)? Only then is repairing them safe."""
    faulty = sound = 0
    for t in texts:
        faulty += len(_LAM_FAULT.findall(t))
        sound += len(_LAM_RIGHT.findall(t))
    return faulty >= 3 and faulty > sound


def _full_rows(notes: Sequence[Footnote]) -> array[int]:
    """The indices of the full notes (of :class:`~citenorm.models.Footnotes`: no record
    built)."""
    if isinstance(notes, Footnotes):
        return array("q", (k for k in range(len(notes)) if notes.kind_of(k) == "full"))
    return array("q", (k for k, note in enumerate(notes) if note.kind == "full"))


def _repair(text: str) -> str:
    # (the replacement a function: a template costs re a Python call on every sub)
    return _YA_LAM_FAULT.sub("لى", _LAM_FAULT.sub(lambda m: "ال" + m[1], text))


def _pieces(text: str) -> list[str]:
    """A note's citations: split at "؛"/";", at lettered items, at a switch of script
    between two sentences."""
    pieces = split_cites(text)
    out: list[str] = []
    for piece in pieces:
        items = [p for p in _LETTERED.split(piece) if p.strip()] if ")" in piece else [piece]
        for item in items if len(items) > 2 else [piece]:
            out.extend(_script_halves(item))
    return [p for p in out if p]


def _script_halves(text: str) -> list[str]:
    """A note in two scripts, one sentence after the other, is two citations."""
    if len(text) > 60 and has_arabic(text) and _LATIN.search(text):
        for m in _SENTENCE_END.finditer(text):
            before, after = text[: m.start()].strip(), text[m.end() :].strip()
            if len(before) >= 25 and len(after) >= 25 and script_of(before) != script_of(after):
                return [before, after]
    return [text.strip()]


def _parts(note: Footnote, *, repair: bool = False, reading: str | None = None) -> list[Footnote]:
    """The citations of a note, read from ``reading`` when given (its text in reading
    order, :func:`~citenorm.extraction.pages.reading_text`) rather than as printed."""
    text = note.text if reading is None else reading
    text = _repair(text) if repair else text
    pieces = _pieces(text)
    if len(pieces) <= 1:
        if text == note.text:
            return [note]
        return [
            note.model_copy(
                update={"text": text, "fields": parse_reference(text, context="footnote")}
            )
        ]
    out = []
    for k, piece in enumerate(pieces):
        out.append(
            note.model_copy(
                update={
                    "id": f"{note.id}#{k}",
                    "text": piece,
                    "fields": parse_reference(piece, context="footnote"),
                }
            )
        )
    return out


# an Arabic note as a PDF reader gives it in visual order: its closing punctuation or a
# mirrored bracket first (".85 ،. فلان", ")فاس: مطبعة، 1998("), or brackets closed
# before they open
_VISUAL_START = lazy(r"^\s*(?:[.:،,]|\)[^()]*\()")


def _visual_order(text: str) -> bool:
    return has_arabic(text) and (
        _VISUAL_START.match(text) is not None or text.find(")") < text.find("(")
    )


def _by_words(text: str, entries_feats: dict[str, Features]) -> tuple[str, float] | None:
    """The entry whose author and title words (script-neutral skeletons, in any order) the
    note holds (each word found, or one letter off); ``None`` unless one stands out."""
    key = set(skeleton(text).split())
    if len(key) < 3:
        return None
    scored: list[tuple[float, str]] = []
    for entry_id, f in entries_feats.items():
        words = f"{f.family_key} {f.title_key}".split()
        if len(words) < 3 or not key.intersection(words):
            continue
        held = sum(
            1
            for w in words
            if w in key or process.extractOne(w, key, scorer=fuzz.ratio, score_cutoff=80)
        )
        scored.append((100.0 * held / len(words), entry_id))
    if not scored:
        return None
    scored.sort(reverse=True)
    best, entry_id = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    if best >= 80.0 and best - second >= 25.0:
        return entry_id, best
    return None


def _author_date_hits(note: Footnote, index: Callable[[], _NameIndex]) -> list[tuple[str, float]]:
    """The entries that author-date citations inside a footnote cite:
    ``(حسن، 2015: 45)``, ``Hasan et al. (2015)``."""
    if "(" not in note.text:
        return []
    hits: list[tuple[str, float]] = []
    for k, item in enumerate(find_in_text([Line(note.line, note.text, clean(note.text))])):
        cited = InTextCitation(
            id=f"{note.id}@{k}",
            text=item.text,
            line=note.line,
            column=item.column,
            author=item.author,
            year=item.year,
        )
        hit = index().best(cited)
        if hit is not None:
            hits.append(hit)
    return hits


def _bound(doc: Document) -> MemoBound:
    """The memos' bound of ``doc`` (:class:`~citenorm.memo.MemoBound`), as ``match``
    makes it: the per-string memos keep to the document's share while it is linked."""
    return MemoBound(sum(map(len, doc.lines)) + len(doc.lines))


def _partners(pairs: Sequence[Pair]) -> dict[str, str]:
    """Entry id -> the id of its pair's other entry (both directions)."""
    partner: dict[str, str] = {}
    for p in pairs:
        partner[p.arabic] = p.latin
        partner[p.latin] = p.arabic
    return partner


def link_footnotes(
    doc: Document,
    entries_feats: dict[str, Features],
    pairs: Sequence[Pair],
    *,
    progress: Progress | None = None,
) -> tuple[list[Citation], list[str]]:
    """Citations from footnotes to entries, and the ids of unlisted footnotes
    (``progress``: the ``cite`` stage, one tick per full footnote). ``entries_feats`` is
    emptied once the last note has read it (the in-text citations, linked next, read the
    entries' names, not their features: the match's peak held every entry's features)."""
    partner = _partners(pairs)
    # the per-string memos keep to the document's share while the notes' features are
    # made (memory: filled to their own bounds, they held ~3x a 1 MB article of notes)
    bound = _bound(doc)
    by_script = {"arabic": _Pool(), "latin": _Pool()}
    for f in entries_feats.values():
        by_script[f.script].feats.append(f)
    notes = doc.footnotes
    # the full notes by row, each read when needed (:class:`~citenorm.models.Footnotes`
    # builds a record on each read: a list of them held every note at once)
    full = _full_rows(notes)
    repair = _ligature_fault(notes[row].text for row in full)
    # notes printed in visual order (a PDF reader's right-to-left lines) are read in
    # reading order: split at "؛" as printed, their pieces would be out of order
    visual = any(number_last(note.raw, note.marker) for note in notes)
    # the parts of the notes that are not their own one part (split, or repaired)
    split: dict[int, list[Footnote]] = {}
    # each part's blocking keys (its features made, read and let go), by script
    queries = {"arabic": _Queries(), "latin": _Queries()}
    long = {k: len(pool.feats) > MAX_FOOTNOTE_CANDIDATES for k, pool in by_script.items()}
    for n, row in enumerate(full):
        note = notes[row]
        parts = _parts(
            note, repair=repair, reading=reading_text(note.raw, note.marker) if visual else None
        )
        if len(parts) != 1 or parts[0] is not note:
            split[n] = parts
        for part in parts:
            bound()
            f = features_of(part)
            other = "latin" if f.script == "arabic" else "arabic"
            queries[f.script].add(f, same=long[f.script], cross=long[other])
    # candidates of every part, in its own script and in the other, blocked in one pass
    shortlists: dict[tuple[str, str], _Shortlists | None] = {}
    for script, other in (("arabic", "latin"), ("latin", "arabic")):
        for mode, name in ((SAME, script), (CROSS, other)):
            # (no name kept for a pool: it would hold it, and its entries' features, past
            # the notes' loop)
            shortlists[(script, mode)] = by_script[name].shortlists(queries[script], mode, bound)
    del queries
    # what each full note cites, by its place in ``full``: the entries' ids and scores in
    # columns, from starts[n] to starts[n + 1] (a dict by note id of lists of pairs held
    # ~300 bytes a note: ~1.3x a 1 MB article of notes at match's peak)
    starts = array("q", [0])
    hit_ids: list[str] = []
    hit_scores = array("d")
    unlisted: list[str] = []
    tick = Ticker(progress, "cite", len(full))
    names: list[_NameIndex] = []

    def name_index() -> _NameIndex:
        """The entries' name index, built the first time a note needs it."""
        if not names:
            names.append(_NameIndex(doc.entries, bound))
        return names[0]

    rank = {"arabic": 0, "latin": 0}  # the next query of each script
    for n, row in enumerate(full):
        note = notes[row]
        tick()
        found: list[tuple[str, float]] = []
        for part in split.pop(n, None) or (note,):
            bound()
            pf = features_of(part)  # (as blocking made them: the same part)
            script, other = pf.script, "latin" if pf.script == "arabic" else "arabic"
            i = rank[script]
            rank[script] += 1
            same = _best(pf, by_script[script].candidates(shortlists[(script, SAME)], i), SAME)
            # a near-certain entry in the footnote's own script settles it; the other
            # script is searched only when it might hold a better (or the only) match
            cross = (
                None
                if same is not None and same[1] >= 95.0
                else _best(pf, by_script[other].candidates(shortlists[(script, CROSS)], i), CROSS)
            )
            hit = max((h for h in (same, cross) if h is not None), key=lambda h: h[1], default=None)
            if hit is None:
                continue
            found.append(hit)
            if hit[0] in partner:
                found.append((partner[hit[0]], hit[1]))
        if not found and _visual_order(note.text):
            # a note printed in visual order: its parts are out of order, its fields
            # unreliable; its words still name the work
            hit = _by_words(note.text, entries_feats)
            if hit is not None:
                found.append(hit)
                if hit[0] in partner:
                    found.append((partner[hit[0]], hit[1]))
        # a note that found no work by its fields may cite author-date: "انظر: (حسن، 2015: 45)"
        for hit in _author_date_hits(note, name_index) if not found else []:
            found.append(hit)
            if hit[0] in partner:
                found.append((partner[hit[0]], hit[1]))
        if found:
            for entry_id, score in _dedupe(found):
                hit_ids.append(entry_id)
                hit_scores.append(score)
        else:
            unlisted.append(note.id)
        starts.append(len(hit_ids))
    tick.finish()
    # the blocking (the entries' keys, the shortlists) and the name index go before the
    # short forms are read (memory: an article's notes peaked here)
    names.clear()
    del shortlists, by_script
    # of the entries' features, the short forms read those of the works of notes that
    # cite several (to tell which one they name): the others go before the citations are
    # made (~1.2x a 1 MB article of notes at match's peak), and so do the memos the
    # notes' features filled, of a long document (memo.MemoBound.release)
    narrowing = {
        hit_ids[k]: entries_feats[hit_ids[k]]
        for n in range(len(full))
        if starts[n + 1] - starts[n] > 1
        for k in range(starts[n], starts[n + 1])
        if hit_ids[k] in entries_feats
    }
    entries_feats.clear()
    bound.release("citenorm.")

    def cites(row: int | None) -> list[tuple[str, float]]:
        """What the note at ``row`` cites, if it is a full note."""
        n = len(full) if row is None else bisect_left(full, row)
        if n == len(full) or full[n] != row:
            return []
        return [(hit_ids[k], hit_scores[k]) for k in range(starts[n], starts[n + 1])]

    def row_of(note_id: str) -> int | None:
        return notes.row_of(note_id) if isinstance(notes, Footnotes) else _row_in(notes, note_id)

    out: list[Citation] = []
    previous: Footnote | None = None  # the last footnote that cites
    previous_found: list[tuple[str, float]] = []  # what it cites (a dict of every
    # citing note's held an entry a note, ~0.3x a 1 MB article of notes; ibid reads this)
    for row, note in enumerate(notes):
        found_for: list[tuple[str, float]] = []
        if note.kind == "full":
            found_for = cites(row)
        elif note.kind == "op_cit" and note.refers_to:
            # a short form of a note that cites several works cites the one it names
            found_for = _narrow(note, cites(row_of(note.refers_to)), narrowing, partner)
        elif note.kind == "ibid" and note.refers_to:
            # the work of the note just before (itself maybe a short form of one of them)
            same_work = previous is not None and note.refers_to in (previous.id, previous.refers_to)
            found_for = (
                previous_found
                if same_work and previous is not None
                else cites(row_of(note.refers_to))
            )
        if found_for:
            previous, previous_found = note, found_for
        for entry_id, score in found_for:
            out.append(
                build(Citation, {"footnote": note.id, "entry": entry_id, "score": float(score)})
            )
    return out, unlisted


def _row_in(notes: Sequence[Footnote], note_id: str) -> int | None:
    """The row of the (first) note of ``notes`` with this id, or ``None``."""
    return next((k for k, note in enumerate(notes) if note.id == note_id), None)


def _narrow(
    note: Footnote,
    cited: list[tuple[str, float]],
    entries_feats: dict[str, Features],
    partner: dict[str, str],
) -> list[tuple[str, float]]:
    """Of the works a full note cites, the ones a short form of it names (by its author
    and title words); all of them when it names none better than the others."""
    if len(cited) <= 1:
        return cited
    short = features_of(note)
    scored: list[tuple[float, str, float]] = []
    for entry_id, score in cited:
        feats = entries_feats.get(entry_id)
        if feats is None:
            continue
        mode = SAME if feats.script == short.script else CROSS
        scored.append((pair_score(short, feats, mode=mode) or 0.0, entry_id, score))
    if not scored:
        return cited
    best = max(s for s, _e, _c in scored)
    if best < 40.0:
        return cited
    keep = {e for s, e, _c in scored if s >= best - 5.0}
    keep |= {partner[e] for e in list(keep) if e in partner}
    return [(e, c) for e, c in cited if e in keep]


def _dedupe(found: list[tuple[str, float]]) -> list[tuple[str, float]]:
    seen: dict[str, float] = {}
    for eid, s in found:
        seen[eid] = max(s, seen.get(eid, 0.0))
    return list(seen.items())


def link_in_text(doc: Document, entries: Sequence[Entry], pairs: Sequence[Pair]) -> list[Citation]:
    """Citations from author-date citations to entries: author family and year agree."""
    if not doc.in_text:
        return []
    partner = _partners(pairs)
    bound = _bound(doc)
    index = _NameIndex(entries, bound)
    # an article cites the same source many times: look each author and year up once
    # (the last _SEEN of them: a key of every citation of distinct authors, its strings
    # with it, held ~150 bytes each at match's peak)
    seen: dict[tuple[str | None, str | None], tuple[str, float] | None] = {}
    longer: dict[tuple[str, str | None], str | None] = {}
    out: list[Citation] = []
    for c in doc.in_text:
        key = (c.author, c.year)
        if key not in seen:
            bound()
            if len(seen) >= _SEEN:
                seen.clear()
            seen[key] = index.best(c)
        hit = seen[key]
        for name in _names_before(doc, c):
            # "ويرى بصمه جي (2012)": the narrative's author was read as its last word
            # ("جي"); a longer name before it that an entry prints exactly is the one cited
            if (name, c.year) not in longer:
                if len(longer) >= _SEEN:
                    longer.clear()
                longer[(name, c.year)] = index.named(name, c.year)
            named = longer[(name, c.year)]
            if named is not None:
                hit = (named, 100.0)
                break
        if hit is None:
            continue
        out.append(build(Citation, {"in_text": c.id, "entry": hit[0], "score": float(hit[1])}))
        if hit[0] in partner:
            out.append(
                build(Citation, {"in_text": c.id, "entry": partner[hit[0]], "score": float(hit[1])})
            )
    return out


# the in-text citations' (author, year) looked up that :func:`link_in_text` remembers
_SEEN = 1024
# how many words before a narrative citation's author may belong to the name cited
_NAME_BEFORE = 4
# where the words before a narrative citation stop: punctuation, a bracket, a digit
_NAME_STOP = lazy(r"[.،,؛;:!?؟()\[\]\"«»0-9٠-٩]")


def _names_before(doc: Document, c: InTextCitation) -> list[str]:
    """A narrative citation's author with the words printed before it on its line,
    longest first (up to :data:`_NAME_BEFORE` words, "ابن نور الدين الحداد" before
    "الشامي"; not past a verb or preposition of :data:`vocab.IN_TEXT_LEAD_WORDS` or
    punctuation): "وقد عرض بصمه جي (2012)" -> "عرض بصمه جي", "بصمه جي". Empty for a
    parenthetical citation."""
    author = c.author or ""
    # (the author is read from the cleaned text: bidi marks, tatweel... are not in it)
    if not author or not c.text.endswith(")") or not clean(c.text).startswith(author):
        return []
    if not 1 <= c.line <= len(doc.lines):
        return []
    before = _NAME_STOP.split(doc.lines[c.line - 1][: max(c.column - 1, 0)])[-1].split()
    words: list[str] = []
    for w in reversed(before[-_NAME_BEFORE:]):
        if w in vocab.IN_TEXT_LEAD_WORDS or w.lower() in vocab.AND_WORDS:
            break
        words.insert(0, w)
    out: list[str] = []
    for k in range(len(words)):
        out.append(" ".join([*words[k:], author]))
        # "ووفقا لمحمد علي (1985)": the preposition "ل" glued to the name's first word
        # (its article's alif dropped: "للغروي" -> "الغروي")
        if len(words[k]) > 2 and words[k].startswith("ل"):
            bare = "ال" + words[k][2:] if words[k].startswith("لل") else words[k][1:]
            out.append(" ".join([bare, *words[k + 1 :], author]))
    return out


#: the least name similarity (0-100) that links an in-text citation to an entry
_IN_TEXT_CUTOFF = 80.0
# the first author of a printed citation: "العتيبي والشمري" / "Smith & Jones" /
# "Smith, Jones, and Lee" / "حسن وعلي" (the conjunction glued to the second name)
_FIRST_AUTHOR = lazy(r"\s*(?:&|\band\b|[،,]|\sو\s*(?=ال)|\sو\s)\s*")
# "2015a", "2015أ": a year with the letter that tells two works of one author apart
_YEAR_LETTER = lazy(r"([0-9]{4})\s?([a-z\u0621-\u064a])(?![\w])")
# the era letters printed after a year ("1997م", "1405ه", "1407ق", "1363ش"): no year
# letter, though a year letter pattern reads them as one
_ERA_LETTERS = frozenset(w for w in vocab.ERA_WORDS if len(w) == 1 and not w.isascii())
# a year letter moves a score by at most this much (+5 for the right letter): a label
# this far below the cutoff can still reach it
_LETTER_BONUS = 5.0


def _labels(f: Fields) -> list[str]:
    """An entry's name labels, folded (:class:`_NameIndex`): the first author's family
    name and whole name ("عياض بن موسى"), or the title of a work without author."""
    first = f.author[0] if f.author else None
    labels = [first.family or "", first.display()] if first else [f.title or ""]
    return [k for k in dict.fromkeys(fold_any(lb[:KEY_CHARS]) for lb in labels) if k]


def _cited_names(author: str) -> set[str]:
    """The folded names a citation's printed author is looked up by: its first author
    ("العتيبي والشمري", "Smith & Jones", "حسن وعلي" -> the first) and the whole."""
    printed = author.replace("وآخرون", "").replace("et al.", "").strip()
    first_author = _FIRST_AUTHOR.split(printed, maxsplit=1)[0]
    names = {fold_any(first_author).strip().strip('"'), fold_any(printed).strip().strip('"')}
    if " و" in first_author:
        names.add(fold_any(first_author.split(" و", 1)[0]).strip())
    names.discard("")
    return names


def _year_letter(year: str) -> re.Match[str] | None:
    """The year and its letter of a citation's year (``2009ب``, ``2015a``), or ``None``
    (no letter, or an era letter: ``1997م``, ``1405ه``)."""
    m = _YEAR_LETTER.match(to_western_digits(year.strip()))
    return None if m is None or m.group(2) in _ERA_LETTERS else m


def _years(f: Fields) -> set[str]:
    """An entry's years as a citation may print them: Gregorian and Hijri (an entry
    dated by its Hijri year alone is of that year, not undated)."""
    out = {str(f.issued.year)} if f.issued and f.issued.year else set()
    if f.hijri:
        out.add(str(f.hijri))
    return out


class _NameIndex:
    """The entries' name labels, folded once, indexed by year.

    A citation is compared with an entry through its labels: the first author's family
    name and whole name, or the title of a work without author (also as a partial
    match). A year that disagrees costs 40 points, more than any label can lose and
    still reach the cutoff, so only entries of the citation's year (Gregorian or Hijri)
    or without a year are compared: the lists of labels are per year, searched in C
    (:func:`rapidfuzz.process.extract`) with the cutoff, and only the entries found are
    scored in full (:meth:`score`: the year letter of ``2009ب``).
    """

    def __init__(self, entries: Sequence[Entry], bound: MemoBound | None = None) -> None:
        self.entries = entries
        # year key -> (entry indices, labels), full-ratio labels and partial-ratio ones
        self.full: dict[str | None, tuple[array[int], list[str]]] = {}
        self.partial: dict[str | None, tuple[array[int], list[str]]] = {}
        # year key -> label -> the first entry with that label: an exact name is found
        # without comparing the citation with the year's every label (a dict a year
        # holds the labels' own strings: a (year, label) key each held ~70 bytes more)
        self.exact: dict[str | None, dict[str, int]] = {}
        for i, e in enumerate(entries):
            if bound is not None:
                bound()
            f = e.fields
            first = f.author[0] if f.author else None
            keys = _labels(f)
            years: set[str | None] = set(_years(f)) or {None}
            for y in years:
                for key in keys:
                    ids, texts = self.full.setdefault(y, (array("i"), []))
                    ids.append(i)
                    texts.append(key)
                    self.exact.setdefault(y, {}).setdefault(key, i)
                    if not first:
                        ids, texts = self.partial.setdefault(y, (array("i"), []))
                        ids.append(i)
                        texts.append(key)

    def score(self, i: int, names: set[str], lettered: re.Match[str] | None) -> float:
        """The name similarity of entry ``i`` to the citation's ``names``, moved by the
        year letter (the entry is of the citation's year, or has none)."""
        e = self.entries[i]
        authorless = not e.fields.author
        s = 0.0
        # (its labels made again: a list of them an entry held ~150 bytes)
        for key in _labels(e.fields):
            for author in names:
                s = max(s, float(fuzz.ratio(author, key, processor=None)))
                if authorless:
                    s = max(s, float(fuzz.partial_ratio(author, key, processor=None)))
        if lettered is not None:
            # "2009ب" cites the entry printed "(2009ب)", not its sibling "(2009أ)"
            letters = {
                m.group(2)
                for m in _YEAR_LETTER.finditer(to_western_digits(e.text))
                if m.group(1) == lettered.group(1) and m.group(2) not in _ERA_LETTERS
            }
            if lettered.group(2) in letters:
                s += _LETTER_BONUS
            elif letters:
                s -= 20
        return s

    def named(self, author: str, year_text: str | None) -> str | None:
        """The entry whose first author's name (or family name) is ``author``'s first
        author exactly (folded), of the citation's year or undated, or ``None``."""
        names = _cited_names(author)
        year = re.sub(r"[^0-9]", "", year_text or "")[:4]
        groups = (None, year) if year else tuple(self.full)
        tiers = ((year,), (None,)) if year else ((None,), tuple(y for y in groups if y))
        exact = self.exact
        for tier in tiers:
            same = [exact[y][n] for y in tier if y in exact for n in names if n in exact[y]]
            same = [i for i in same if self.entries[i].fields.author]
            if same:
                return self.entries[min(same)].id
        return None

    def best(self, c: InTextCitation) -> tuple[str, float] | None:
        """The entry ``c`` cites (id and name similarity), or ``None``."""
        names = _cited_names(c.author or "")
        if not names:
            return None
        year = re.sub(r"[^0-9]", "", c.year or "")[:4]
        lettered = _year_letter(c.year or "")
        # with a year, entries of another year lose 40 points: out of reach of the
        # cutoff, so only entries of that year and entries without one are compared
        groups = (None, year) if year else tuple(self.full)
        # of two entries scoring alike, the one whose date agrees with the citation's
        # wins: of that year (for "د.ت": undated) over one without (with) a year
        tiers = ((year,), (None,)) if year else ((None,), tuple(y for y in groups if y))
        if lettered is None:
            exact = self.exact
            for tier in tiers:
                same = [exact[y][n] for y in tier if y in exact for n in names if n in exact[y]]
                # a label equal to a name scores 100, the most there is: the first entry
                # scoring 100 wins, which may be an authorless title holding the name
                for y in tier:
                    if y in self.partial:
                        ids, texts = self.partial[y]
                        for n in names:
                            hit = process.extractOne(
                                n,
                                texts,
                                scorer=fuzz.partial_ratio,
                                processor=None,
                                score_cutoff=100,
                            )
                            if hit is not None:
                                same.append(ids[hit[2]])
                if same:
                    return self.entries[min(same)].id, 100.0
        floor = _IN_TEXT_CUTOFF - (_LETTER_BONUS if lettered is not None else 0.0)
        found: set[int] = set()
        for y in groups:
            for table, scorer in ((self.full, fuzz.ratio), (self.partial, fuzz.partial_ratio)):
                if y not in table:
                    continue
                ids, texts = table[y]
                for n in names:
                    hits = process.extract(
                        n, texts, scorer=scorer, processor=None, score_cutoff=floor, limit=None
                    )
                    found.update(ids[k] for _, _, k in hits)
        # (score, date agrees, entry index): the first best
        best: tuple[float, bool, int] | None = None
        for i in sorted(found):
            s = self.score(i, names, lettered)
            e_years = _years(self.entries[i].fields)
            agrees = year in e_years if year else not e_years
            if best is None or (s, agrees) > best[:2]:
                best = (s, agrees, i)
        if best is None or best[0] < _IN_TEXT_CUTOFF:
            return None
        return self.entries[best[2]].id, min(best[0], 100.0)
