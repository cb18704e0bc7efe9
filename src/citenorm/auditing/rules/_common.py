"""Helpers shared by the rule families: where records stand, folded values, locations."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from citenorm._plain import Frozen
from citenorm.text.normalize import fold_any as fold
from citenorm.text.normalize import to_western_digits

if TYPE_CHECKING:
    from citenorm.models import Document, Entry, Fields, Footnote, MatchResult

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


class CitationMap(Frozen):
    """Who cites what: entries per footnote/in-text citation and citers per entry."""

    __slots__ = ("by_citer", "by_entry", "partner")

    by_citer: dict[str, list[str]]
    by_entry: dict[str, list[str]]
    partner: dict[str, str]

    def __init__(
        self,
        by_citer: dict[str, list[str]],
        by_entry: dict[str, list[str]],
        partner: dict[str, str],
    ) -> None:
        _set = object.__setattr__
        _set(self, "by_citer", by_citer)
        _set(self, "by_entry", by_entry)
        _set(self, "partner", partner)

    def has_citations(self, doc: Document) -> bool:
        """The document cites something: a footnote that is not a plain note, or in-text."""
        return bool(doc.in_text) or any(f.kind != "note" for f in doc.footnotes)


def citation_map(result: MatchResult) -> CitationMap:
    """Index the result's citations and pairs."""
    # ordered sets (dicts): an entry cited by many footnotes costs no list scans
    citers: dict[str, dict[str, None]] = {}
    entries: dict[str, dict[str, None]] = {}
    for c in result.citations:
        citer = c.footnote if c.footnote is not None else c.in_text
        if citer is None:
            continue
        citers.setdefault(citer, {})[c.entry] = None
        entries.setdefault(c.entry, {})[citer] = None
    by_citer = {k: list(v) for k, v in citers.items()}
    by_entry = {k: list(v) for k, v in entries.items()}
    partner: dict[str, str] = {}
    for p in result.pairs:
        partner[p.arabic] = p.latin
        partner[p.latin] = p.arabic
    for r in result.repeats:  # the two copies of a foreign work are one work
        partner[r.original] = r.romanized
        partner[r.romanized] = r.original
    return CitationMap(by_citer=by_citer, by_entry=by_entry, partner=partner)


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
