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
from citenorm.matching.features import Features, features_of
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


class _Pool:
    """The entries of one script, with their blocking keys (built once per mode)."""

    def __init__(self) -> None:
        self.feats: list[Features] = []
        self._keys: dict[str, list[str]] = {}

    def keys(self, mode: str) -> list[str]:
        if mode not in self._keys:
            self._keys[mode] = [_block_key(e, mode) for e in self.feats]
        return self._keys[mode]

    def shortlists(self, queries: Sequence[Features], mode: str) -> list[Sequence[Features]]:
        """For each query, the entries worth scoring: all of them for short lists; for
        long ones, those closest by name and title keys (one vectorised pass for all
        queries), entries sharing a URL (one typo allowed), and entries of the same
        year up to twice the cap."""
        feats = self.feats
        if len(feats) <= MAX_FOOTNOTE_CANDIDATES or not queries:
            return [feats for _ in queries]
        import numpy as np  # as in assign: imported when a list needs it

        sim = process.cdist(
            [_block_key(f, mode) for f in queries],
            self.keys(mode),
            scorer=fuzz.token_sort_ratio,
            processor=None,
            workers=1,
        )
        # best first; a tie goes to the earlier entry
        order = np.argsort(-sim, axis=1, kind="stable")[:, :MAX_FOOTNOTE_CANDIDATES]
        out: list[Sequence[Features]] = []
        for f, top in zip(queries, order.tolist(), strict=True):
            chosen = set(top)
            if f.url:
                # a URL names the work whatever the title's language
                chosen.update(
                    i
                    for i, e in enumerate(feats)
                    if e.url and fuzz.ratio(e.url, f.url, processor=None) >= 90
                )
            if f.year is not None:
                chosen.update(
                    i
                    for i, e in enumerate(feats)
                    if e.year == f.year and len(chosen) < 2 * MAX_FOOTNOTE_CANDIDATES
                )
            out.append([feats[i] for i in sorted(chosen)])
        return out


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
    partner = _partners(pairs)
    out: list[Citation] = []
    for c in doc.in_text:
        hit = _match_in_text(c, entries)
        if hit is None:
            continue
        out.append(Citation(in_text=c.id, entry=hit[0], score=hit[1]))
        if hit[0] in partner:
            out.append(Citation(in_text=c.id, entry=partner[hit[0]], score=hit[1]))
    return out


def _match_in_text(c: InTextCitation, entries: Sequence[Entry]) -> tuple[str, float] | None:
    printed = (c.author or "").replace("وآخرون", "").replace("et al.", "").strip()
    # the first author: "العتيبي والشمري" / "Smith & Jones" / "Smith, Jones, and Lee"
    first_author = re.split(r"\s*(?:&|\band\b|[،,]|\sو\s*(?=ال)|\sو\s)\s*", printed, maxsplit=1)[0]
    author = fold_any(first_author).strip().strip('"')
    year = re.sub(r"[^0-9]", "", c.year or "")[:4]
    best: tuple[str, float] | None = None
    for e in entries:
        f = e.fields
        first = f.author[0] if f.author else None
        # the family name, the whole name ("عياض بن موسى") or the title for no-author works
        labels = [first.family or "", first.display()] if first else [f.title or ""]
        s = 0.0
        for label in labels:
            key = fold_any(label)
            if not key:
                continue
            s = max(s, float(fuzz.ratio(author, key, processor=None)))
            if not first:
                s = max(s, float(fuzz.partial_ratio(author, key, processor=None)))
        if s == 0.0:
            continue
        e_year = f.issued.year if f.issued and f.issued.year else None
        if year and e_year is not None and str(e_year) != year and str(f.hijri or "") != year:
            s -= 40
        if best is None or s > best[1]:
            best = (e.id, s)
    if best and best[1] >= 80:
        return best
    return None
