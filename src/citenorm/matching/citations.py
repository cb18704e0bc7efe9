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
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from citenorm.extraction.reference import parse_reference
from citenorm.matching.blocking import nearest
from citenorm.matching.features import KEY_CHARS, Features, features_of
from citenorm.matching.scoring import CROSS, SAME, pair_score
from citenorm.models import Citation, Document, Entry, Footnote, InTextCitation, Pair
from citenorm.text.normalize import fold_any
from citenorm.text.patterns import split_cites

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


class _Pool:
    """The entries of one script, with their blocking keys (built once per mode)."""

    def __init__(self) -> None:
        self.feats: list[Features] = []
        self._keys: dict[str, list[str]] = {}
        self._by_year: dict[int, list[int]] | None = None
        self._urls: tuple[list[int], list[str]] | tuple[()] | None = None

    def keys(self, mode: str) -> list[str]:
        """The blocking keys of the entries, their words sorted (see :func:`_sorted`)."""
        if mode not in self._keys:
            self._keys[mode] = [_sorted(_block_key(e, mode)) for e in self.feats]
        return self._keys[mode]

    def shortlists(self, queries: Sequence[Features], mode: str) -> list[Sequence[Features]]:
        """For each query, the entries worth scoring: all of them for short lists; for
        long ones, those closest by name and title keys (a vectorised pass in chunks,
        :func:`~citenorm.matching.blocking.nearest`), entries sharing a URL (one typo
        allowed), and entries of the same year up to twice the cap."""
        feats = self.feats
        if len(feats) <= MAX_FOOTNOTE_CANDIDATES or not queries:
            return [feats for _ in queries]
        nearby = nearest(
            [_sorted(_block_key(f, mode)) for f in queries],
            self.keys(mode),
            k=MAX_FOOTNOTE_CANDIDATES,
            scorer=fuzz.ratio,
        )
        by_year = self.by_year()
        urls = self.urls()
        out: list[Sequence[Features]] = []
        for f, top in zip(queries, nearby, strict=True):
            chosen = set(top)
            if f.url and urls:
                # a URL names the work whatever the title's language
                hits = process.extract(
                    f.url, urls[1], scorer=fuzz.ratio, processor=None, score_cutoff=90, limit=None
                )
                chosen.update(urls[0][k] for _, _, k in hits)
            if f.year is not None:
                for i in by_year.get(f.year, ()):
                    if len(chosen) >= 2 * MAX_FOOTNOTE_CANDIDATES:
                        break
                    chosen.add(i)
            out.append([feats[i] for i in sorted(chosen)])
        return out

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


def _parts(note: Footnote) -> list[Footnote]:
    pieces = split_cites(note.text)
    if len(pieces) <= 1:
        return [note]
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
) -> tuple[list[Citation], list[str]]:
    """Citations from footnotes to entries, and the ids of unlisted footnotes."""
    partner = _partners(pairs)
    by_script = {"arabic": _Pool(), "latin": _Pool()}
    for f in entries_feats.values():
        by_script[f.script].feats.append(f)
    full = [note for note in doc.footnotes if note.kind == "full"]
    parts = [[features_of(part) for part in _parts(note)] for note in full]
    # candidates of every part, in its own script and in the other, blocked in one pass
    shortlist: dict[tuple[str, str], Sequence[Features]] = {}
    for script, other in (("arabic", "latin"), ("latin", "arabic")):
        queries = [pf for pfs in parts for pf in pfs if pf.script == script]
        for mode, pool in ((SAME, by_script[script]), (CROSS, by_script[other])):
            for pf, cands in zip(queries, pool.shortlists(queries, mode), strict=True):
                shortlist[(pf.id, mode)] = cands
    cites: dict[str, list[tuple[str, float]]] = {}
    unlisted: list[str] = []
    for note, pfs in zip(full, parts, strict=True):
        found: list[tuple[str, float]] = []
        for pf in pfs:
            same = _best(pf, shortlist[(pf.id, SAME)], SAME)
            # a near-certain entry in the footnote's own script settles it; the other
            # script is searched only when it might hold a better (or the only) match
            cross = (
                None
                if same is not None and same[1] >= 95.0
                else _best(pf, shortlist[(pf.id, CROSS)], CROSS)
            )
            hit = max((h for h in (same, cross) if h is not None), key=lambda h: h[1], default=None)
            if hit is None:
                continue
            found.append(hit)
            if hit[0] in partner:
                found.append((partner[hit[0]], hit[1]))
        if found:
            cites[note.id] = _dedupe(found)
        else:
            unlisted.append(note.id)
    out: list[Citation] = []
    for note in doc.footnotes:
        target = note.id if note.kind == "full" else note.refers_to
        if note.kind in ("op_cit", "ibid") and target and target in cites:
            for entry_id, score in cites[target]:
                out.append(Citation(footnote=note.id, entry=entry_id, score=score))
        elif note.kind == "full" and note.id in cites:
            for entry_id, score in cites[note.id]:
                out.append(Citation(footnote=note.id, entry=entry_id, score=score))
    return out, unlisted


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
    index = _NameIndex(entries)
    # an article cites the same source many times: look each author and year up once
    seen: dict[tuple[str | None, str | None], tuple[str, float] | None] = {}
    out: list[Citation] = []
    for c in doc.in_text:
        key = (c.author, c.year)
        if key not in seen:
            seen[key] = index.best(c)
        hit = seen[key]
        if hit is None:
            continue
        out.append(Citation(in_text=c.id, entry=hit[0], score=hit[1]))
        if hit[0] in partner:
            out.append(Citation(in_text=c.id, entry=partner[hit[0]], score=hit[1]))
    return out


#: the least name similarity (0-100) that links an in-text citation to an entry
_IN_TEXT_CUTOFF = 80.0
# the first author of a printed citation: "العتيبي والشمري" / "Smith & Jones" / "Smith, Jones, and Lee"
_FIRST_AUTHOR = re.compile(r"\s*(?:&|\band\b|[،,]|\sو\s*(?=ال)|\sو\s)\s*")


class _NameIndex:
    """The entries' name labels, folded once, indexed by year.

    A citation is compared with an entry through its labels: the first author's family
    name and whole name, or the title of a work without author (also as a partial
    match). A year that disagrees costs 40 points, more than any label can lose and
    still reach the cutoff, so only entries of the citation's year (Gregorian or Hijri)
    or without a year are compared: the lists of labels are per year, searched in
    C (:func:`rapidfuzz.process.extractOne`) with the cutoff.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.ids = [e.id for e in entries]
        # year key -> (entry indices, labels), full-ratio labels and partial-ratio ones
        self.full: dict[str | None, tuple[list[int], list[str]]] = {}
        self.partial: dict[str | None, tuple[list[int], list[str]]] = {}
        # (year key, label) -> the first entry with that label: an exact name is found
        # without comparing the citation with the year's every label
        self.exact: dict[tuple[str | None, str], int] = {}
        for i, e in enumerate(entries):
            f = e.fields
            first = f.author[0] if f.author else None
            e_year = str(f.issued.year) if f.issued and f.issued.year else None
            hijri = str(f.hijri) if f.hijri else None
            # the family name, the whole name ("عياض بن موسى") or the title for no-author works
            labels = [first.family or "", first.display()] if first else [f.title or ""]
            keys = [k for k in dict.fromkeys(fold_any(lb[:KEY_CHARS]) for lb in labels) if k]
            years = {e_year, hijri} - {None} if e_year is not None else {None}
            for y in years:
                for key in keys:
                    ids, texts = self.full.setdefault(y, ([], []))
                    ids.append(i)
                    texts.append(key)
                    self.exact.setdefault((y, key), i)
                    if not first:
                        ids, texts = self.partial.setdefault(y, ([], []))
                        ids.append(i)
                        texts.append(key)

    def best(self, c: InTextCitation) -> tuple[str, float] | None:
        """The entry ``c`` cites (id and name similarity), or ``None``."""
        printed = (c.author or "").replace("وآخرون", "").replace("et al.", "").strip()
        first_author = _FIRST_AUTHOR.split(printed, maxsplit=1)[0]
        author = fold_any(first_author).strip().strip('"')
        year = re.sub(r"[^0-9]", "", c.year or "")[:4]
        # with a year, entries of another year lose 40 points: out of reach of the
        # cutoff, so only entries of that year and entries without one are compared
        groups = (None, year) if year else tuple(self.full)
        if not author:
            return None
        same = [self.exact[(y, author)] for y in groups if (y, author) in self.exact]
        if same:
            # a label equal to the name scores 100, the most there is: the first entry
            # scoring 100 wins, which may be an authorless title holding the name
            first = min(same)
            for y in groups:
                if y in self.partial:
                    ids, texts = self.partial[y]
                    hit = process.extractOne(
                        author, texts, scorer=fuzz.partial_ratio, processor=None, score_cutoff=100
                    )
                    if hit is not None:
                        first = min(first, ids[hit[2]])
            return self.ids[first], 100.0
        best: tuple[float, int] | None = None  # (score, entry index)
        for y in groups:
            for table, scorer in ((self.full, fuzz.ratio), (self.partial, fuzz.partial_ratio)):
                if y not in table:
                    continue
                ids, texts = table[y]
                # the best label of the group; on a tie, the first (the earlier entry)
                hit = process.extractOne(
                    author, texts, scorer=scorer, processor=None, score_cutoff=_IN_TEXT_CUTOFF
                )
                if hit is None:
                    continue
                s, i = float(hit[1]), ids[hit[2]]
                if best is None or s > best[0] or (s == best[0] and i < best[1]):
                    best = (s, i)
        return None if best is None else (self.ids[best[1]], best[0])
