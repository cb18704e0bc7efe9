"""List blocks -> entries: where each entry starts, its number, its section.

Numbered lists (``1.``, ``١-``, ``3)``) start an entry at each number; an unnumbered line
continues the previous entry unless it is a complete entry of its own (the previous one
is closed and this one has its own year or URL: an unnumbered item in a numbered list).
Unnumbered lists start an entry at each line unless the line continues the previous one:
the previous line ends open (a word, comma, colon), or this line starts with
punctuation, or it is the ``Place: Publisher`` tail of an entry that lacks one.
Two entries run together on one line are split at the next expected number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citenorm.extraction.segment import Line, ListBlock
from citenorm.text import lexicon
from citenorm.text import patterns as P
from citenorm.text.normalize import digits_view

__all__ = ["RawEntry", "group_entries"]

# a line opening with punctuation continues the entry above ("و"/"and" do only when the
# entry above is still open: وائلي, واحدي are family names)
_CONT_START = re.compile(r"^[,،:;؛)\]/.\-–]")
_PLACE_START = re.compile(r"^[^\s,،.:;]+(?:\s[^\s,،.:;]+){0,2}\s*:\s*\S")
_LETTERS = re.compile(r"[^\W\d_]")
_SEPARATOR_LINE = re.compile(r"^[\s\-–—_=*#~.•]+$")
# "Family, Given." / "Family، Given (" / "Family, A. B. (": how entries with authors begin
_ENTRY_START = re.compile(r"^[^,،.:()]{1,40}[,،]\s*[^,،.:()]{1,50}(?:\.|\s\()")


@dataclass(slots=True)
class RawEntry:
    """An entry's lines before field parsing."""

    line: int
    number: int | None
    section_line: int | None
    parts: list[str] = field(default_factory=list)  # cleaned, for decisions
    raw_parts: list[str] = field(default_factory=list)  # whole printed lines
    print_parts: list[str] = field(default_factory=list)  # printed, without list numbers
    has_year: bool = False
    has_url: bool = False

    @property
    def text(self) -> str:
        return " ".join(p.strip() for p in self.parts if p.strip())

    @property
    def printed(self) -> str:
        return " ".join(p.strip() for p in self.print_parts if p.strip())

    @property
    def last(self) -> str:
        """The last line's (cleaned) text: what decides whether the entry ends open."""
        return next((p for p in reversed(self.parts) if p.strip()), "")

    def add(self, clean_text: str, line: Line, printed: str | None = None) -> None:
        # flags kept as lines come, so that deciding on the next line never re-reads them all
        self.has_year = self.has_year or _has_year(clean_text)
        self.has_url = self.has_url or P.search(P.URL, clean_text) is not None
        self.parts.append(clean_text)
        self.raw_parts.append(line.raw)
        self.print_parts.append(line.printed() if printed is None else printed)


def _number(text: str) -> tuple[int | None, str]:
    m = P.LIST_NUMBER.match(text)
    if not m:
        return None, text
    n = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4")
    return int(n), text[m.end() :]


def _has_year(text: str) -> bool:
    return P.YEAR.search(text) is not None or P.search(P.NO_DATE, text) is not None


def _closed(text: str) -> bool:
    t = text.rstrip()
    if not t:
        return True
    last_word = t.split()[-1]
    if P.URL.search(last_word):
        return True
    return not P.OPEN_END.match(t, len(t) - 1)


def _continues(entry: RawEntry, line: str, *, numbered: bool) -> bool:
    """Does ``line`` continue ``entry`` (rather than start a new entry)?"""
    last = entry.last
    if _CONT_START.match(line):
        return True
    if not _closed(last):
        return True
    if numbered:
        own = _has_year(line) or P.URL.search(line) is not None
        return not own
    if _PLACE_START.match(line) and _lone_imprint(line):
        head = line.split(":", 1)[0]
        if lexicon.is_place(head) or not _has_imprint(entry.text):
            return True
    if P.EDITION.match(line) and not _ENTRY_START.match(line):
        return True
    # Chicago lists print the year last: a line holding the year of an entry that has none
    # (and no imprint of its own: "Title. Qum: Maṭbaʻat Muhr." is complete without a year)
    return (
        not entry.has_year
        and not entry.has_url
        and not _ends_with_imprint(last)
        and _has_year(line)
        and not _ENTRY_START.match(line)
        # a title-first entry with its own "Place: Publisher, Year" is an entry of its own
        and not (_ends_with_imprint(line) and re.search(r"[^\s.]{2}\.\s", line) is not None)
    )


def _lone_imprint(line: str) -> bool:
    """``Bayrut: Dar al-Makshuf, 1945.``: one sentence, one colon, no date in brackets."""
    if P.APA_DATE.search(line[:120]) or line.count(":") != 1:
        return False
    body = line.rstrip(" .")
    return re.search(r"[^\s.]{2}\.\s", body) is None


def _ends_with_imprint(text: str) -> bool:
    """The entry ends ``. Place: Publisher[, Year].``"""
    last = re.split(r"(?<=[^\s.]{2})\.\s+", text.rstrip(" ."))[-1]
    if ":" not in last:
        return lexicon.is_place(last)  # "... مدارك العروة. نجف."
    head = last.split(":", 1)[0].strip()
    return 0 < len(head.split()) <= 3 and (lexicon.is_place(head) or len(head.split()) == 1)


def _has_imprint(text: str) -> bool:
    """The entry already holds a ``Place: Publisher`` part after its date/title."""
    return (
        bool(re.search(r"[.)]\s*[^.:]{1,40}:\s*\S[^.]*[.]?\s*$", text))
        and text.count(":") >= 1
        and (bool(re.search(r"\(\s*[0-9]{4}", text)) and text.rfind(":") > text.find(")"))
    )


def _split_run_together(text: str, expected: int) -> list[tuple[int | None, str]]:
    """``... ٢٠١٧. 5. الجاسم ...`` -> two entries when 5 is the next expected number
    (and so on: 6., 7. ... on the same line)."""
    out: list[tuple[int | None, str]] = []
    number: int | None = None
    start = pos = 0
    if str(expected) not in text:
        return [(None, text)]  # the next number is not on the line (the usual case)
    while True:
        # the character before the number is matched first (a pattern led by a look-behind
        # would be tried at every position); the cut is the group after it
        m = re.compile(rf"[.)\]0-9](\s+{expected}\s*[-.]\s+)(?=\S)").search(text, pos)
        if m is None:
            out.append((number, text[start:]))
            return out
        out.append((number, text[start : m.start(1)]))
        number, start, pos = expected, m.end(), m.end()
        expected += 1


def group_entries(block: ListBlock) -> tuple[list[RawEntry], dict[int, str]]:
    """Entries of a list block, and the lines that failed (line -> reason)."""
    lines = [ln for ln in block.lines if ln.text.strip()]
    content = [ln for ln in lines if ln.number not in block.sub_headings]
    numbered_count = sum(1 for ln in content if P.LIST_NUMBER.match(ln.text.strip()))
    numbered = numbered_count >= 2 and numbered_count >= 0.4 * max(1, len(content))
    entries: list[RawEntry] = []
    failed: dict[int, str] = {}
    section: int | None = None
    current: RawEntry | None = None
    for ln in lines:
        text = ln.text.strip()
        if ln.number in block.sub_headings:
            section = ln.number
            current = None
            continue
        if _SEPARATOR_LINE.match(text):
            failed[ln.number] = "separator line"
            current = None
            continue
        if not _LETTERS.search(text):
            # "١٩٥٥." finishing a wrapped entry; otherwise a stray number
            if current is not None and (not _closed(current.last) or not current.has_year):
                current.add(text, ln)
                continue
            failed[ln.number] = "no letters: not an entry"
            continue
        num, rest = _number(text)
        bullet = P.BULLET.match(rest if num is None else "") if num is None else None
        if bullet and num is None:
            rest = rest[bullet.end() :]
        starts = num is not None or bullet is not None or current is None
        if not starts and current is not None and _continues(current, text, numbered=numbered):
            current.add(text, ln)
            continue
        expected = (num or 0) + 1
        printed = ln.printed(P.LIST_NUMBER) if num is not None else ln.printed()
        if bullet is not None:
            printed = ln.printed(P.BULLET)
        if num is not None:
            pieces = _split_run_together(rest, expected)
            view = digits_view(printed)
            printed_pieces = [t for _, t in _split_run_together(view, expected)]
            # the view has the same length as the printed text: cut the printed text alike
            cuts: list[str] = []
            pos = 0
            for piece in printed_pieces:
                at = view.find(piece, pos)
                cuts.append(printed[at : at + len(piece)] if at >= 0 else piece)
                pos = at + len(piece) if at >= 0 else pos
        else:
            pieces, cuts = [(None, rest)], [printed]
        for i, (pnum, ptext) in enumerate(pieces):
            current = RawEntry(line=ln.number, number=num if i == 0 else pnum, section_line=section)
            current.add(ptext, ln, cuts[i] if i < len(cuts) else ptext)
            entries.append(current)
    return entries, failed
