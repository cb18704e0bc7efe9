"""Helpers shared by the rule families: where records stand, folded values, locations."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from citenorm._plain import Frozen
from citenorm.text.normalize import fold_any as fold
from citenorm.text.normalize import to_western_digits

if TYPE_CHECKING:
    from citenorm.models import Citation, Document, Entry, Fields, Footnote, MatchResult

__all__ = [
    "CitationMap",
    "Location",
    "citation_map",
    "entries_by_id",
    "fold",
    "footnote_lines",
    "is_markdown",
    "list_lines",
    "locate",
    "number_key",
    "range_key",
    "record_lines",
    "related",
    "western",
    "year_key",
]

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾", "0123456789()")


def western(text: str) -> str:
    """Digits of any system (Arabic-Indic, Persian, superscript) as ASCII digits."""
    return to_western_digits(text).translate(_SUPERSCRIPT)


def number_key(value: str | None) -> str | None:
    """A volume, issue or edition as its digits (``None`` when it holds none)."""
    if not value:
        return None
    digits = re.findall(r"[0-9]+", western(value))
    return "-".join(str(int(d)) for d in digits) if digits else None


def range_key(value: str | None) -> str | None:
    """A page or number range in a layout-independent order: ``٢٠٢٣-٢٠١٤`` == ``2014-2023``."""
    if not value:
        return None
    digits = sorted(int(d) for d in re.findall(r"[0-9]+", western(value)))
    return "-".join(str(d) for d in digits) if digits else None


def year_key(fields: Fields) -> str | None:
    """The Gregorian year(s) of ``issued``, in ascending order (ranges may print reversed)."""
    issued = fields.issued
    if issued is None or not issued.date_parts:
        return None
    years = sorted({part[0] for part in issued.date_parts if part})
    return "-".join(str(y) for y in years) if years else None


def record_lines(doc: Document, line: int, raw: str) -> list[int]:
    """The line numbers that hold a record's raw text (wrapped parts may skip blanks)."""
    parts = raw.split("\n")
    found: list[int] = []
    index = line - 1
    for part in parts:
        probe = index
        while probe < len(doc.lines) and doc.lines[probe].rstrip("\r") != part.rstrip("\r"):
            if probe - index > 4:
                break
            probe += 1
        if probe < len(doc.lines) and doc.lines[probe].rstrip("\r") == part.rstrip("\r"):
            found.append(probe + 1)
            index = probe + 1
        else:
            found.append(index + 1)
            index += 1
    return found or [line]


class Location(Frozen):
    """A place in the raw text: 1-based line and column, and the length underlined."""

    __slots__ = ("column", "length", "line")

    line: int
    column: int
    length: int

    def __init__(self, line: int, column: int, length: int) -> None:
        _set = object.__setattr__
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "length", length)


def locate(doc: Document, lines: Iterable[int], needles: Iterable[str | None]) -> Location | None:
    """The first place where one of ``needles`` is printed on ``lines``.

    Needles are tried as given, then with digits in either system, then
    case-insensitively, so ``2021`` finds ``٢٠٢١``.
    """
    wanted = [n for n in needles if n]
    line_list = [ln for ln in lines if 1 <= ln <= len(doc.lines)]
    for needle in wanted:
        variants = [needle, western(needle), needle.translate(_TO_INDIC)]
        for ln in line_list:
            raw = doc.lines[ln - 1]
            for v in variants:
                pos = raw.find(v)
                if pos >= 0:
                    return Location(ln, pos + 1, len(v))
            pos = western(raw).lower().find(western(needle).lower())
            if pos >= 0:
                return Location(ln, pos + 1, len(needle))
    return None


_TO_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


class CitationMap:
    """Who cites what: the entries a footnote or in-text citation cites, whether an entry
    is cited, an entry's counterpart in the other list.

    Held as rows of the match's citations, pairs and repeats in arrays, sorted by the id
    they are looked up by, and found by bisection: a long article's citations held a
    dict and a list a citer and an entry (~450 bytes a citation, ~3.8x the input at the
    audit's peak on 1 MB of citations); the rows cost 4 bytes each."""

    __slots__ = ("_by_citer", "_by_entry", "_citations", "_links", "_pairs", "_repeats")

    def __init__(self, result: MatchResult) -> None:
        cites = self._citations = result.citations
        rows = [k for k, c in enumerate(cites) if c.footnote is not None or c.in_text is not None]
        self._by_citer = array("i", sorted(rows, key=lambda k: _citer(cites[k])))
        self._by_entry = array("i", sorted(rows, key=lambda k: cites[k].entry))
        del rows
        self._pairs, self._repeats = result.pairs, result.repeats
        # a link 2k / 2k + 1: pair k's arabic -> latin / latin -> arabic; then the repeats'
        # (original -> romanized / romanized -> original) after them: the last one wins
        links = range(2 * (len(self._pairs) + len(self._repeats)))
        self._links = array("i", sorted(links, key=self._link_source))

    def _link(self, k: int) -> tuple[str, str]:
        n = len(self._pairs)
        if k < 2 * n:
            p = self._pairs[k >> 1]
            return (p.arabic, p.latin) if k & 1 == 0 else (p.latin, p.arabic)
        r = self._repeats[(k - 2 * n) >> 1]
        return (r.original, r.romanized) if k & 1 == 0 else (r.romanized, r.original)

    def _link_source(self, k: int) -> str:
        return self._link(k)[0]

    def cites(self, citer: str) -> list[str]:
        """The ids of the entries a footnote or in-text citation cites, in the order of
        the match's citations, each once (empty: it cites none)."""
        cites, rows = self._citations, self._by_citer
        at = bisect_left(rows, citer, key=lambda k: _citer(cites[k]))
        out: dict[str, None] = {}
        while at < len(rows) and _citer(cites[rows[at]]) == citer:
            out[cites[rows[at]].entry] = None
            at += 1
        return list(out)

    def is_cited(self, entry: str) -> bool:
        """Whether a footnote or an in-text citation cites the entry."""
        cites, rows = self._citations, self._by_entry
        at = bisect_left(rows, entry, key=lambda k: cites[k].entry)
        return at < len(rows) and cites[rows[at]].entry == entry

    def partner(self, entry: str) -> str | None:
        """The entry's counterpart: its pair's other entry, or the other copy of a
        repeated foreign work (``None``: it has none)."""
        links = self._links
        at = bisect_right(links, entry, key=self._link_source)
        if at == 0:
            return None
        source, target = self._link(links[at - 1])
        return target if source == entry else None

    def has_citations(self, doc: Document) -> bool:
        """The document cites something: a footnote that is not a plain note, or in-text."""
        return bool(doc.in_text) or any(f.kind != "note" for f in doc.footnotes)


def _citer(c: Citation) -> str:
    """The id of the footnote or in-text citation that makes the citation (of one that
    has either)."""
    return c.footnote if c.footnote is not None else c.in_text or ""


def citation_map(result: MatchResult) -> CitationMap:
    """Index the result's citations and pairs."""
    return CitationMap(result)


def entries_by_id(doc: Document) -> Mapping[str, Entry]:
    """The document's entries by id (each built when read: models.entries_by_id)."""
    from citenorm.models import entries_by_id as by_id

    return by_id(doc.entries)


def footnote_lines(doc: Document) -> dict[str, list[int]]:
    """The lines of each footnote's text."""
    return {f.id: record_lines(doc, f.line, f.raw) for f in doc.footnotes}


def list_lines(doc: Document) -> set[int]:
    """Lines that belong to a bibliography list: headings, entries, unreadable lines."""
    out: set[int] = {s.line for s in doc.sections}
    for e in doc.entries:
        out.update(record_lines(doc, e.line, e.raw))
    out.update(f.line for f in doc.failed)
    return out


def is_markdown(note: Footnote) -> bool:
    """A Markdown footnote (``[^n]: ...``) rather than a ``(n)`` footnote."""
    return note.marker.startswith("[^")


def related(*records: Footnote | Entry) -> Sequence[tuple[str, int | None]]:
    """``related`` items for records."""
    return tuple((r.id, r.line) for r in records)
