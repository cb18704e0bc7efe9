"""Text -> :class:`~citenorm.models.Document`: footnotes, in-text citations, list entries.

:func:`extract` is pure: ``str`` in, records out. It never raises on text input; what
it cannot read lands in ``Document.failed`` with the reason.
"""

from __future__ import annotations

import heapq
import itertools
from array import array
from collections.abc import Container, Iterable, Iterator
from itertools import pairwise

from citenorm.extraction.compact import Sharing, build, fields_of
from citenorm.extraction.counterparts import sites_from_counterparts
from citenorm.extraction.entries import RawEntry, entry_script, group_entries
from citenorm.extraction.footnotes import RawFootnote, find_footnotes
from citenorm.extraction.intext import find_in_lines
from citenorm.extraction.markers import body_markers
from citenorm.extraction.note_kinds import resolve_kinds
from citenorm.extraction.reference import parse_all
from citenorm.extraction.reference.house import HouseVotes
from citenorm.extraction.segment import ListBlock, heading_text
from citenorm.extraction.segment import segment as _segment  # the name `segment` is the module
from citenorm.memo import MemoBound
from citenorm.models import (
    Document,
    Entries,
    Entry,
    FailedLine,
    FailedLines,
    Footnote,
    Footnotes,
    InTextCitation,
    InTextCitations,
    ListKind,
    Markers,
    Section,
    with_unique_ids,
)
from citenorm.progress import Progress, Ticker
from citenorm.text import _rx
from citenorm.text import patterns as P
from citenorm.text.normalize import (
    lam_ligature_fault,
    repair_lam_ligatures,
    script_of,
    to_western_digits,
)

__all__ = ["extract"]


def _markers_kept(markers: Markers, fn_lines: Container[int], last: int) -> Markers:
    """The body's markers (those on footnote lines left out). A number of four digits is a
    marker only up to the last footnote's number (``last``): beyond, "(2015)" is a year."""
    return Markers(
        m
        for m in markers
        if m.line not in fn_lines
        and not (m.label.isdigit() and int(m.label) >= P.LONG_NUMBER and int(m.label) > last)
    )


def extract(text: str, *, source: str | None = None, progress: Progress | None = None) -> Document:
    """Extract every footnote, in-text citation and list entry of an article.

    ``text`` is the decoded article (see :func:`citenorm.io.read_text`); ``source`` is
    recorded in the document (a path, for messages). Ids are unique in the document:
    footnotes ``fn-G-N`` (page group, number), sections ``sN``, entries ``eN``, in-text
    citations ``tN``. ``progress(stage, done, total)`` is told how the ``extract``
    stage advances (:mod:`citenorm.progress`). Raises :class:`TypeError` when ``text``
    is not a ``str``.
    """
    if not isinstance(text, str):
        hint = (
            ": decode it first (citenorm.read_text(path) detects the encoding)"
            if isinstance(text, (bytes, bytearray, memoryview))
            else ""
        )
        raise TypeError(
            f"extract() takes the article's text as a str, not {type(text).__name__}{hint}"
        )
    # the per-string memos keep to this document's share (memory: memo.py)
    bound = MemoBound(len(text))
    ligature_fault = lam_ligature_fault(text)
    seg = _segment(text)
    # notes printed at the foot of a page inside a list are looked for with the body's
    candidates = [ln for block in seg.lists for ln in block.note_candidates]
    body = sorted([*seg.body, *candidates], key=lambda ln: ln.number) if candidates else seg.body
    # the markers of the body, found once: footnotes pair with them, the audit reads them
    markers = body_markers(body)
    raw_notes, body_rest, fn_lines = find_footnotes(
        body,
        markers=markers,
        notes_lines=seg.notes_lines,
        pages=seg.pages,
        strict=frozenset(ln.number for ln in candidates),
    )
    if ligature_fault:
        # the notes are read (kinds, fields, citations) with the lam ligatures repaired
        for note in raw_notes:
            note.parts = [repair_lam_ligatures(part) for part in note.parts]
    candidate_lines = {ln.number for ln in candidates}
    if candidates:
        kept = candidate_lines - fn_lines
        body_rest = [ln for ln in body_rest if ln.number not in kept]
        for block in seg.lists:
            _drop_notes(block, fn_lines)
    # the body's markers the document keeps, and the lines left to the body (read again
    # from the document's lines for the in-text citations): found now, so that the
    # body's Line objects, the footnotes' line numbers and every marker go before the
    # entries are grouped and parsed (a Line held ~90 bytes a body line to the end)
    last_note = max((n.number or 0 for n in raw_notes), default=0)
    kept_markers = _markers_kept(markers.without(candidate_lines), fn_lines, last_note)
    rest_lines = array("I", [ln.number for ln in body_rest])
    seg.body = []
    del markers, fn_lines, body_rest, body
    sections: list[Section] = []
    # (list kind, section id, printed text, number, line, raw lines): parsed below,
    # once their number is known; what a raw entry holds beyond these (its lines'
    # cleaned parts and three lists: ~430 bytes an entry) goes as its block is grouped.
    # The printed text is kept as its start and end in the raw lines when it is a slice
    # of them (a string of its own held ~190 bytes an Arabic entry); the id is the
    # entry's "e<k + 1>", made as it is built
    pending: list[_Pending] = []
    failed: list[Iterable[tuple[int, str]]] = []  # (line, reason) in line order, per block
    for block in seg.lists:
        head_id = f"s{len(sections) + 1}"  # (unique: only notes' ids may repeat)
        sections.append(
            Section.model_construct(
                id=head_id, title=block.title, line=block.heading.number, list=block.kind
            )
        )
        # (grouping may find more sub-headings: numbered ones, author groups)
        raw_entries, bad = group_entries(block)
        sub_ids: dict[int, str] = {}
        for line_no, title in sorted(block.sub_headings.items()):
            sid = f"s{len(sections) + 1}"
            sub_ids[line_no] = sid
            sections.append(
                Section.model_construct(
                    id=sid, title=heading_text(title), line=line_no, list=block.kind, level=2
                )
            )
        failed.append(_failed_lines(block, bad))
        first = len(pending)
        for printed, number, line, raw, section_line in _compact(raw_entries):
            section = sub_ids.get(section_line, head_id) if section_line else head_id
            start = raw.find(printed)
            at: str | int = printed if start < 0 else start
            pending.append((block.kind, section, at, start + len(printed), number, line, raw))
        if block.kind == "original":
            _split_renderings(pending, first)
            for k in _renderings(pending, first):
                pending[k] = ("romanized", *pending[k][1:])
    failed_lines = _failed_records(seg.raw, failed)
    # the segmented text is not needed beyond this point: its lines (a Line object each)
    # go before the references are parsed (memory; the raw lines stay, in the document)
    raw_lines, has_lists = seg.raw, bool(seg.lists)
    if has_lists:
        # (the last of the loops above: its block)
        del block, bad
    del seg, failed, candidates
    # parsing the references is the stage's work: one tick per entry and per note
    tick = Ticker(progress, "extract", len(pending) + len(raw_notes))
    bound.check()
    # the entries in columns, their raw texts read from the document's lines (models.Entries)
    entries = Entries(lines=raw_lines)
    # equal dates (and, from the notes on, names): one record in the document; the
    # entries' names are spans of their raw texts (models.Entries), none held here
    sharing = Sharing(names=False)
    # the entries' fields, a batch at a time (parse_all), in order; their texts read as
    # the parser reaches them (a batch ahead), not listed all at once
    # (a PDF reader's swapped lam ligatures, "احلرکة": the references are read repaired;
    # their printed text stays as it is)
    waiting: list[_Pending | None] = [*pending]
    del pending
    entry_fields = parse_all(
        (
            repair_lam_ligatures(_printed(p)) if ligature_fault else _printed(p)
            for p in waiting
            if p is not None
        ),
        context="entry",
        sharing=sharing,
    )
    # each raw entry goes once its record is built (its text kept by the columns: a slice
    # of its raw text, which the document's lines hold)
    titles: list[str] = []  # the entries' titles, in order (each entry read once)
    house = HouseVotes()  # the lists' house styles, voted as the entries are built
    for k, p in enumerate(waiting):
        assert p is not None
        fields = next(entry_fields)  # (the parser has read this entry's text)
        if fields.title and raw_notes:  # (no note: no title looked for)
            titles.append(fields.title)
        waiting[k] = None
        kind, section, _, _, number, line, raw = p
        printed = _printed(p)
        script = entry_script(printed)
        house.add(k, kind, script, printed, fields)
        # (records of many small ones share their fields sets: compact.py)
        entries.append(
            build(
                Entry,
                {
                    "id": f"e{k + 1}",
                    "list": kind,
                    "script": script,
                    "section": section,
                    "number": number,
                    "text": printed,
                    "line": line,
                    "raw": raw,
                    "fields": fields,
                },
            )
        )
        tick()
        bound()
    del waiting
    # a list's house style ("Author: Title") reads the name its doubtful entries open with
    reread = house.reread(entries, sharing=sharing)
    del house
    for i, fields in reread.items():
        entries[i] = build(Entry, {**dict(entries[i]), "fields": fields})
    # (the notes' names are spans of their texts too, models.Footnotes: none shared)
    if reread and raw_notes:  # (their titles lost the name they opened with)
        titles = [t for t in (e.fields.title for e in entries) if t]
    # a note that holds an entry's title cites it, gloss or not
    resolve_kinds(raw_notes, titles=titles)
    del titles
    # the notes' ids: unique in the document (those of sections, entries and in-text
    # citations are, by their prefix and their count)
    note_ids: list[str] = []
    used: set[str] = set()
    for i, n in enumerate(raw_notes):
        label = str(n.number) if n.number is not None else f"x{i + 1}"
        base = ident = f"fn-{n.group}-{label}"
        k = 1
        while ident in used:
            k += 1
            ident = f"{base}-{k}"
        used.add(ident)
        note_ids.append(ident)
    del used
    footnotes = Footnotes(lines=raw_lines)  # (in columns, the raw texts read from the lines)
    # each raw note goes once its record is built (its texts held by the record's
    # columns, or by the document's lines); the parser reads their texts a batch ahead
    notes: list[RawFootnote | None] = [*raw_notes]
    del raw_notes
    note_fields = parse_all(
        (n.text for n in notes if n is not None and n.kind != "note"),
        context="footnote",
        sharing=sharing,
    )
    for i, waiting_note in enumerate(notes):
        assert waiting_note is not None
        n = waiting_note
        footnotes.append(
            build(
                Footnote,
                {
                    "id": note_ids[i],
                    "number": n.number,
                    "group": n.group,
                    "marker": n.marker,
                    "text": n.printed,
                    "kind": n.kind,
                    "refers_to": note_ids[n.refers_to] if n.refers_to is not None else None,
                    "line": n.line,
                    "body_line": n.body_line,
                    "raw": n.raw,
                    "fields": next(note_fields)
                    if n.kind != "note"
                    else fields_of({}),  # (a comment: no fields)
                },
            )
        )
        notes[i] = None
        tick()
        bound()
    tick.finish()
    del notes, note_ids
    # the parser's generators and the document's shared dates and names (a key of each
    # name: ~4x a 1 MB list) go before the in-text citations' records are built
    del entry_fields, note_fields, sharing
    # a web page listed in English takes its site's name where its Arabic citation has it
    for row, entry in sites_from_counterparts(entries, footnotes).items():
        entries[row] = entry
    found = find_in_lines((n, raw_lines[n - 1]) for n in rest_lines)
    del rest_lines
    # (their texts read from the document's lines; each found citation goes as its
    # record is built)
    in_text = InTextCitations(lines=raw_lines)
    found.reverse()
    while found:
        c = found.pop()
        in_text.append(
            build(
                InTextCitation,
                {
                    "id": f"t{len(in_text) + 1}",  # (unique: only notes' ids may repeat)
                    "text": c.text,
                    "line": c.line,
                    "column": c.column,
                    "author": c.author,
                    "year": c.year,
                    "locator": c.page,
                },
            )
        )
    del found
    bound.check()
    bound.release("citenorm.extraction.")  # (a long document's words: match reads others)
    warnings: list[str] = []
    if not has_lists:
        warnings.append("no bibliography list found")
    # (built from typed records whose ids `unique` made: checked as validation would)
    doc = Document.model_construct(
        source=source,
        footnotes=footnotes,
        in_text=in_text,
        sections=sections,
        entries=entries,
        failed=failed_lines,
        warnings=warnings,
        lines=raw_lines,
        markers=kept_markers,
    )
    return with_unique_ids(doc)


# an entry waiting to be parsed: list kind, section id, printed text (or its start in
# the raw lines), its end there, number, line, raw lines
_Pending = tuple[ListKind, str, str | int, int, int | None, int, str]


def _shares_year(arabic: str, latin: str) -> bool:
    """Whether the Latin text prints a year the Arabic one prints (in any digits)."""
    years = {m.group("y") for m in P.YEAR.finditer(to_western_digits(arabic))}
    return any(m.group("y") in years for m in P.YEAR.finditer(latin))


def _renderings(pending: list[_Pending], first: int) -> list[int]:
    """The Latin entries of an original list that render the Arabic entry printed right
    before them (a bilingual list: each Arabic source followed by its romanization or
    translation), as positions in ``pending`` from ``first``.

    A list is read so when most of its Arabic entries (at least two) are followed at once
    by a Latin entry that has no number of its own or the Arabic entry's, and most of these
    two share a year: a list of foreign works after the Arabic ones, or mixed in, does not
    alternate so.
    """
    after: list[int] = []
    arabic = 0
    shared = 0
    for k in range(first, len(pending)):
        text = _printed(pending[k])
        if entry_script(text) != "arabic":
            continue
        arabic += 1
        if k + 1 == len(pending):
            break
        nxt = pending[k + 1]
        rendering = _printed(nxt)
        if entry_script(rendering) == "arabic" or nxt[4] not in (None, pending[k][4]):
            continue
        after.append(k + 1)
        shared += _shares_year(text, rendering)
    if len(after) < 2 or 5 * len(after) < 3 * arabic or 2 * shared < len(after):
        return []
    return after


# an Arabic entry's rendering printed after it on its line, in brackets (which may hold
# one more level: "(in Arabic)"):
# "... 1996. [Al-Hasani, Salim. A History of ... 1996.]"
_BRACKETED_TAIL = _rx.compile(
    r"\s[\[(](?P<latin>[^\[\]()]+(?:[\[(][^\[\]()]*[\])][^\[\]()]*)*)[\])]\s*\.?\s*$"
)
_LATIN_WORD = _rx.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u02BB\u02BC\u2018\u2019'-]{2,}")


def _bracketed_rendering(text: str) -> tuple[int, bool] | None:
    """Where the bracketed Latin rendering at the end of an Arabic entry opens (its
    bracket), when it may be one (five Latin words or more, no Arabic letter), and whether
    it prints a year the Arabic part prints."""
    if not text.rstrip().removesuffix(".").rstrip().endswith(("]", ")")):
        return None  # (most entries: no search for a bracket the end does not close)
    m = _BRACKETED_TAIL.search(text)
    # (the script of the part before it: a short Arabic entry's rendering outweighs it)
    if m is None or entry_script(text[: m.start()]) != "arabic":
        return None
    latin = m.group("latin")
    if script_of(latin) != "latin" or len(_LATIN_WORD.findall(latin)) < 5:
        return None
    if any("\u0600" <= c <= "\u06ff" for c in latin):
        return None
    return m.start() + 1, _shares_year(text[: m.start()], latin)


def _split_renderings(pending: list[_Pending], first: int) -> None:
    """An original list whose Arabic entries (two or more, most of them) each end with
    their romanization in brackets, most of these printing the entry's year: each such
    entry is cut in two, the Arabic entry and, after it on the same line, its rendering
    (``list: romanized``, no number), in place in ``pending`` from ``first``."""
    cuts: dict[int, int] = {}
    arabic = 0
    shared = 0
    for k in range(first, len(pending)):
        text = _printed(pending[k])
        found = _bracketed_rendering(text)
        if found is not None:
            arabic += 1
            cuts[k] = found[0]
            shared += found[1]
        elif entry_script(text) == "arabic":
            arabic += 1
    if len(cuts) < 2 or 2 * len(cuts) < arabic or 2 * shared < len(cuts):
        return
    out: list[_Pending] = []
    for k in range(first, len(pending)):
        p = pending[k]
        at = cuts.get(k)
        if at is None:
            out.append(p)
            continue
        kind, section, _, _, number, line, raw = p
        text = _printed(p)
        arabic_part = text[:at].rstrip()
        latin = text[at + 1 :].rstrip().rstrip(".").rstrip()[:-1].strip()
        # (the rendering's line: the raw line its opening words stand on)
        opening = raw.find(latin[:24])
        for part, part_kind, part_number, part_line in (
            (arabic_part, kind, number, line),
            (latin, "romanized", None, line + (raw.count("\n", 0, opening) if opening > 0 else 0)),
        ):
            start = raw.find(part)
            where: str | int = part if start < 0 else start
            out.append((part_kind, section, where, start + len(part), part_number, part_line, raw))
    pending[first:] = out


def _printed(p: _Pending) -> str:
    """The printed text of a waiting entry."""
    printed, end, raw = p[2], p[3], p[6]
    return raw[printed:end] if isinstance(printed, int) else printed


def _compact(
    raw_entries: list[RawEntry],
) -> Iterator[tuple[str, int | None, int, str, int | None]]:
    """Each raw entry's printed text, number, line, raw lines and section line, the raw
    entry let go as it is read (``raw_entries`` is emptied)."""
    raw_entries.reverse()
    while raw_entries:
        r = raw_entries.pop()
        yield r.printed, r.number, r.line, "\n".join(r.raw_parts), r.section_line


def _drop_notes(block: ListBlock, fn_lines: set[int]) -> None:
    """Take the footnotes found inside a list (and the rule above them) out of it."""
    gone = {ln.number for ln in block.note_candidates if ln.number in fn_lines}
    if not gone:
        return
    # the rule printed just above a run of notes goes with them
    candidates = block.note_candidates
    for before, after in pairwise(candidates):
        if after.number in gone and before.number not in gone and not before.text.strip("_─━—–- "):
            gone.add(before.number)
    block.lines = [ln for ln in block.lines if ln.number not in gone]
    for number in gone:
        block.failed.pop(number, None)


def _failed_lines(block: ListBlock, bad: dict[int, str]) -> Iterator[tuple[int, str]]:
    """A block's failed lines in line order: those grouping found (``bad``) and the
    separator lines the segmenter left out (:attr:`ListBlock.runs`), one at a time."""
    runs = ((n, "separator") for first, last in block.runs for n in range(first, last + 1))
    return heapq.merge(bad.items(), runs)


def _failed_records(raw: list[str], blocks: list[Iterable[tuple[int, str]]]) -> FailedLines:
    """The failed lines of all blocks, in line order, with their printed text."""
    out = FailedLines()
    last = 0
    ordered = True
    for n, reason in itertools.chain.from_iterable(blocks):
        ordered = ordered and n > last
        last = n
        out.append(n, raw[n - 1].strip(), reason)
    if ordered:
        return out
    items: list[FailedLine] = sorted(out, key=_line_of)
    return FailedLines(items)


def _line_of(f: FailedLine) -> int:
    return f.line
