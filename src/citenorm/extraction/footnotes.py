"""Footnotes: find them among body lines, group them, classify and resolve them.

Two forms are read:

* paren markers at the start of a line, numbering restarting on each page:
  ``(1) زيدون سلمان محمد ، روسيا والصين ...`` (also ``(١)``, ``^(١)``, ``⁽¹⁾``, ``(*)``);
* Markdown definitions ``[^12]: ...`` with ``[^12]`` markers in the body.

A footnote wrapped onto following lines (PDF conversions put a blank line between) is
joined when its text so far ends open (a word, a comma, a colon, an opening bracket) or
the next line starts with punctuation, and that next line is not a long body paragraph.

A line that opens with a marker starts a note only where a note can start (text wrapped
at a narrow width breaks lines anywhere): not when the marker is followed by the rest of
a sentence (``(1) ، وكذلك ...``: a body line wrapped before the marker), not right after
an open body line when no marker of that number waits in the body, and not inside a note
when its number does not go on from the note's (``(12) من الكتاب``: a wrapped note's next
line), unless a marker of that number waits in the body.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Mapping
from functools import partial
from itertools import islice, pairwise
from types import MappingProxyType

from citenorm._plain import Plain
from citenorm.extraction.markers import glued_markers, line_markers
from citenorm.extraction.pages import (
    PAGE_NOTE,
    RULE,
    Pages,
    glued_note_form,
    page_note_start,
    reading_lines,
)
from citenorm.extraction.segment import Line
from citenorm.extraction.wraps import rewrapped_heads
from citenorm.models import Markers
from citenorm.text import _rx
from citenorm.text import patterns as P
from citenorm.text.normalize import digits_view, has_arabic, script_of

__all__ = ["RawFootnote", "find_footnotes"]

# a continuation line of a wrapped footnote is rarely longer than this (a body paragraph is)
_MAX_CONTINUATION = 220
_PUNCT_START = _rx.compile(r"^[,،:;؛)\]/.\-–]|^<?https?://|^www\.")
_LETTERS = _rx.compile(r"[^\W\d_]")
# "(Paris: Éditions du Nord, 1998)": a line that opens with a bracket goes on with the note
# above when that note has not ended with its period
_BRACKET_START = _rx.compile(r"^[(\[]")
# a note's text does not open with the punctuation that goes on a sentence: after a marker
# at the start of a line, "، وكذلك" is the rest of a wrapped body line
_GOES_ON = _rx.compile(r"^[,،;؛)\]}]")
# a text whose full lines are this long at most was wrapped for print (a paragraph
# given on one line is longer)
_PRINTED_WIDTH = 130
_PRINTED_LINES = 12  # (lines of 20 characters or more, to tell a width by)
# a body line this long that ends open was wrapped: the next line goes on with it
_BODY_WRAP = 40


# the extras of a note that has none (an empty dict each held 64 bytes a note)
_NO_EXTRA: Mapping[str, str] = MappingProxyType({})


class RawFootnote(Plain):
    """A footnote as found, before classification."""

    __slots__ = (
        "body_line",
        "extra",
        "group",
        "key",
        "kind",
        "line",
        "markdown",
        "marker",
        "number",
        "page",
        "parts",
        "print_parts",
        "raw_parts",
        "refers_to",
    )

    number: int | None
    marker: str
    group: int
    line: int
    parts: list[str]  # cleaned text, for decisions
    raw_parts: list[str]  # whole printed lines
    print_parts: list[str]  # printed text without the marker
    body_line: int | None
    kind: str
    refers_to: int | None  # index into the footnote list
    markdown: bool
    key: str
    extra: Mapping[str, str]
    page: int | None  # a note printed at the bottom of a page: that page's index

    def __init__(
        self,
        number: int | None,
        marker: str,
        group: int,
        line: int,
        parts: list[str],
        raw_parts: list[str],
        print_parts: list[str] | None = None,
        body_line: int | None = None,
        kind: str = "full",
        refers_to: int | None = None,
        markdown: bool = False,
        key: str = "",
        extra: Mapping[str, str] | None = None,
        page: int | None = None,
    ) -> None:
        self.number = number
        self.marker = marker
        self.group = group
        self.line = line
        self.parts = parts
        self.raw_parts = raw_parts
        self.print_parts = [] if print_parts is None else print_parts
        self.body_line = body_line
        self.kind = kind
        self.refers_to = refers_to
        self.markdown = markdown
        self.key = key
        self.extra = _NO_EXTRA if extra is None else extra
        self.page = page

    @property
    def text(self) -> str:
        return " ".join(p.strip() for p in self.parts if p.strip())

    @property
    def raw(self) -> str:
        return "\n".join(self.raw_parts)

    @property
    def printed(self) -> str:
        return " ".join(p.strip() for p in self.print_parts if p.strip())


def _substantive(text: str) -> bool:
    return sum(1 for _ in islice(_LETTERS.finditer(text), 3)) == 3


def _open_ended(text: str) -> bool:
    t = text.rstrip()
    if not t or P.search(P.URL, t.split()[-1] if t.split() else ""):
        return False
    return bool(P.OPEN_END.match(t, len(t) - 1)) or _bracket_open(t)


def _bracket_open(text: str) -> bool:
    """A left-to-right line that leaves a bracket open (``… World War II (London: I.B.``)
    has not ended its note, whatever its last character. (Not read on lines with Arabic
    letters: a right-to-left line a PDF reader gives in visual order has its brackets
    mirrored.)"""
    return text.count("(") > text.count(")") and not has_arabic(text)


# --- notes printed at the bottom of PDF pages ------------------------------------------
def find_page_notes(
    body: list[Line], pages: Pages | None, *, strict: frozenset[int] = frozenset()
) -> tuple[dict[int, tuple[int, str, str]], set[int] | None]:
    """The lines that open a note printed at the bottom of a page (text from a PDF).

    Notes are numbered through the article (or from 1 again on each page or chapter)
    and printed below the body of their page, so a line opens one when it starts with
    the number expected next (``12. Ibid., 45.``; in visual-order Arabic the number comes
    last: ``... المرجع نفسه .12``), the body above it on the page carries that number as a
    marker glued to a word (``politiques.12``), and the lines after it up to the page's end
    hold the next notes in order. Returns line -> (number, marker, text), and, when the
    pages mark their footnote blocks with a rule, the lines below the rules (where any
    footnote must be), else ``None``.
    """
    ruled = any(RULE.match(ln.text) for ln in body)
    if pages is None or not (pages.breaks or ruled):
        return {}, None  # neither page breaks nor a rule above the notes
    by_page: dict[int, list[Line]] = {}
    if pages.breaks:
        for ln in body:
            if ln.text.strip():
                by_page.setdefault(pages.page_index(ln.number), []).append(ln)
    else:
        # no page breaks: each rule opens the foot of a page (up to the next rule)
        page = 0
        for ln in body:
            if RULE.match(ln.text):
                page += 1
            if ln.text.strip():
                by_page.setdefault(page, []).append(ln)
    found: dict[int, tuple[int, str, str]] = {}
    # a printed rule above the notes (a PDF reader marks the block it tells by its small
    # print the same way): where a page has one, its notes are below it; with page
    # breaks, no footnote of any form is printed elsewhere
    zone: set[int] | None = set() if ruled and pages.breaks else None
    expected = 1
    for _page, lines in sorted(by_page.items()):
        first_note = 0
        if ruled:
            last_rule = max((i for i, ln in enumerate(lines) if RULE.match(ln.text)), default=-1)
            if last_rule < 0:
                continue
            first_note = last_rule + 1
            if zone is not None:
                zone.update(ln.number for ln in lines[first_note:])
            if not pages.breaks:
                # (the body above the rule is the previous segment's: its markers count)
                lines = by_page.get(_page - 1, []) + lines
                first_note += len(by_page.get(_page - 1, []))
        starts = [(i, page_note_start(ln.text.strip())) for i, ln in enumerate(lines)]
        cands = [(i, c) for i, c in starts[first_note:] if c is not None]
        if not cands:
            continue
        markers: list[set[int]] = []
        seen: set[int] = set()
        for ln in lines:
            markers.append(set(seen))
            seen.update(glued_markers(ln))
        chosen: list[tuple[int, tuple[int, str, str]]] = []
        # the expected number (or 1: numbering restarts on the page) confirmed by its
        # marker in the body above; else the expected number opening a run of two or
        # more notes in order (the marker may be lost in extraction)
        for first, need_marker in ((expected, True), (1, True), (expected, False)):
            for k, (i, c) in enumerate(cands):
                if c[0] != first or (need_marker and first not in markers[i]):
                    continue
                if not need_marker and lines[i].number in strict:
                    continue  # a line of a list: a note only with its marker above
                if glued_note_form(lines[i].text.strip()) and (
                    first != expected or not need_marker
                ):
                    continue  # the glued form: the expected number, its marker above
                run = [(i, c)]
                for j, d in cands[k + 1 :]:
                    if d[0] == run[-1][1][0] + 1:
                        run.append((j, d))
                if need_marker or len(run) >= 2:
                    chosen = run
                    break
            if chosen:
                break
        for i, c in chosen:
            found[lines[i].number] = c
        if chosen:
            expected = chosen[-1][1][0] + 1
    return found, zone


def find_footnotes(
    body: list[Line],
    *,
    notes_lines: set[int] | frozenset[int] = frozenset(),
    pages: Pages | None = None,
    strict: frozenset[int] = frozenset(),
    markers: Markers | None = None,
) -> tuple[list[RawFootnote], list[Line], set[int]]:
    """Find footnotes among the body lines.

    Lines in ``notes_lines`` (under an endnotes heading such as ``الهوامش``) may also be
    numbered ``1-`` or ``1.``. Lines in ``strict`` (printed at a page's foot inside a
    list) are page notes only when a marker in the body above confirms them.
    ``markers``: the markers of the body lines, when the caller has found them
    (:func:`~citenorm.extraction.markers.body_markers`).
    Returns the footnotes, the lines that remain body text (for markers and in-text
    citations), and the line numbers that hold footnote text.
    """
    notes: list[RawFootnote] = []
    rest: list[Line] = []
    fn_lines: set[int] = set()
    current: RawFootnote | None = None
    blank_run = 0
    group = 0
    last_number = 0
    pool: list[tuple[int, int]] = []  # body markers (number, line) since the last footnote
    # markers a footnote of the current page group may claim: number -> lines, in order
    available: dict[int, deque[int]] = {}
    md_markers: dict[str, int] = {}
    page_notes, zone = find_page_notes(body, pages, strict=strict)
    page_markers: dict[tuple[int | None, int], int] = {}  # (page, number) -> marker line
    widths = _wrap_widths(body) if page_notes else {}
    measured: list[dict[str, int]] = []

    def full_line(text: str) -> bool:
        """Does a line reach the width of the full lines of a text wrapped for print?"""
        if not measured:
            measured.append(_wrap_widths(body, printed=True))  # (when first needed)
        width = measured[0].get(script_of(text[:60]), 0)
        return width > 0 and len(text.strip()) >= 0.9 * width

    # the lines between two page notes of a page belong to the first of them
    inside: set[int] = set()
    # an inside line that opens a visual-order note whose number came out further down
    # (line -> the note's line): a re-wrapped visual-order line put it above
    wrapped_above: dict[int, int] = {}
    visual: set[int] = set()  # the page notes printed in visual order (number last)
    if page_notes:
        starts = sorted(page_notes)
        visual = {
            ln.number
            for ln in body
            if ln.number in page_notes and PAGE_NOTE.match(ln.text.strip()) is None
        }
        for a, b in pairwise(starts):
            if pages is not None and pages.page_index(a) == pages.page_index(b):
                inside.update(range(a + 1, b))
                if b in visual:
                    wrapped_above.update(dict.fromkeys(range(a + 1, b), b))
    # a piece of a visual-order note's first line that a re-wrap put above its number
    heads = (
        rewrapped_heads(body, page_notes, visual=visual, inside=inside, widths=widths)
        if visual
        else {}
    )
    pending: list[Line] = []  # lines that open the next (visual-order) note
    # equal printed markers, "(7)" of every chapter: one string (the notes keep them)
    marker_of: dict[str, str] = {}

    def waits(number: int) -> bool:
        """Does a marker of this number wait in the body for its note?"""
        return bool(available.get(number)) or number in pooled

    marked: list[bool] = []

    def body_marked() -> bool:
        if not marked:
            marked.append(_marked(body, markers))
        return marked[0]

    previous = 0  # the number of the body line before this one
    last_body: tuple[int, str] = (0, "")  # the last body line: number, text
    pooled: set[int] = set()  # the numbers of the markers in ``pool``

    def after_open_body(number: int) -> bool:
        """Does line ``number`` follow a body line that ended open (a wrapped one)?"""
        line, text = last_body
        return line == number - 1 and len(text) >= _BODY_WRAP and _open_ended(text)

    for ln in body:
        if ln.number > previous + 1:
            current = None  # a list, a heading or a page break stood between
            blank_run = 0
        previous = ln.number
        text = ln.text.strip()
        if not text:
            blank_run += 1
            continue
        page_note = page_notes.get(ln.number)
        if page_note is not None:
            page_num, marker, note_text = page_note
            if group == 0 or page_num <= last_number:
                group += 1
                available = {}
            _add_markers(available, pool)
            pool = []
            pooled.clear()
            last_number = page_num
            current = RawFootnote(
                number=page_num,
                marker=marker,
                group=max(group, 1),
                line=pending[0].number if pending else ln.number,
                # (the pieces of a visual-order line cut by a re-wrap: one line again, put
                # in reading order as one below)
                parts=[" ".join([*(p.text.strip() for p in pending), note_text])],
                raw_parts=[*(p.raw for p in pending), ln.raw],
                print_parts=[*(p.printed() for p in pending), _printed_note(ln.raw, marker)],
                page=pages.page_index(ln.number) if pages is not None else None,
            )
            pending = []
            # its marker: the last one with its number in the body of its page
            current.body_line = page_markers.get((current.page, page_num))
            notes.append(current)
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        if ln.number in heads:
            pending.append(ln)  # the next note's (see wraps.rewrapped_heads)
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        if (
            current is not None
            and current.page is not None
            and pages is not None
            and (
                pages.page_index(ln.number) != current.page
                or not (ln.number in inside or _note_goes_on(current, text, widths))
            )
        ):
            current = None  # a page note ends at its page's end, or before a footer
        if current is not None and current.page is not None:
            if wrapped_above.get(ln.number) and (pending or _script_turns(current, text)):
                pending.append(ln)  # the next note's (see _script_turns)
                fn_lines.add(ln.number)
                blank_run = 0
                continue
            current.parts.append(text)
            current.raw_parts.append(ln.raw)
            current.print_parts.append(ln.printed())
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        md = P.MD_FOOTNOTE_DEF.match(text)
        if md:
            label = md.group("num")
            num = int(label) if label.isdigit() else None
            current = RawFootnote(
                number=num,
                marker=f"[^{label}]",
                group=1,
                line=ln.number,
                parts=[md.group("text")],
                raw_parts=[ln.raw],
                markdown=True,
                print_parts=[ln.printed(P.MD_FOOTNOTE_DEF, "text")],
            )
            current.extra = {**current.extra, "label": label}
            notes.append(current)
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        # ruled pages: a footnote is printed below its page's rule
        in_zone = zone is None or ln.number in zone
        fm = P.FOOTNOTE_LINE.match(text) if in_zone else None
        pattern = P.FOOTNOTE_LINE
        if fm is None and in_zone:
            fm = P.FOOTNOTE_LINE_LONG.match(text)
            pattern = P.FOOTNOTE_LINE_LONG
        if fm is None and in_zone and P.SUPERSCRIPT_LINE.match(ln.raw):
            # "¹ text": the printed line has the superscript; the cleaned one reads "1 text"
            fm = re.match(r"^\s*(?P<num>[0-9]{1,5})\s*(?P<text>\S.*)$", text)
            pattern = P.SUPERSCRIPT_LINE
        if fm is None and ln.number in notes_lines:
            fm = P.ENDNOTE_LINE.match(text)
            pattern = P.ENDNOTE_LINE
        if fm is not None and not _continues_numbering(fm, group, last_number):
            fm = None  # "(2015) ...": a year, not footnote 2015
        goes_on = False  # a line that opens with a marker and starts no note
        if fm is not None and _substantive(fm.group("text")):
            goes_on = _no_note_start(
                fm,
                current,
                text,
                blank_run,
                waits=waits,
                after_open_body=partial(after_open_body, ln.number),
                marked=body_marked,
                group=group,
                last_number=last_number,
            )
            if goes_on:
                fm = None
        if fm and _substantive(fm.group("text")):
            label = _label(fm)
            num = int(label) if label.isdigit() else None
            if num is not None:
                if group == 0 or num <= last_number:
                    group += 1
                    available = {}
                    _add_markers(available, pool)
                else:
                    _add_markers(available, pool)
                pool = []
                pooled.clear()
                last_number = num
            elif group == 0:
                group = 1
            printed_marker = _marker_text(ln, pattern, label)
            cleaned, printed = fm.group("text"), ln.printed(pattern, "text")
            current = RawFootnote(
                number=num,
                marker=marker_of.setdefault(printed_marker, printed_marker),
                group=max(group, 1),
                line=ln.number,
                parts=[cleaned],
                raw_parts=[ln.raw],
                # (a note printed as it reads: one string, not two, until its record)
                print_parts=[cleaned if printed == cleaned else printed],
            )
            if num is not None:
                lines = available.get(num)
                if lines:
                    current.body_line = lines.popleft()
            notes.append(current)
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        if current is not None and _continues(
            current, text, blank_run, numbered=goes_on, full=full_line
        ):
            current.parts.append(text)
            current.raw_parts.append(ln.raw)
            current.print_parts.append(ln.printed())
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        current = None
        blank_run = 0
        rest.append(ln)
        last_body = (ln.number, text)
        for mk in line_markers(ln) if markers is None else markers.on_line(ln.number):
            if mk.kind == "markdown":
                md_markers.setdefault(mk.label, ln.number)
            else:
                pool.append((int(mk.label), ln.number))
                pooled.add(int(mk.label))
        if page_notes and pages is not None:
            page = pages.page_index(ln.number)
            for n in glued_markers(ln):
                page_markers[(page, n)] = ln.number
    for note in notes:
        if note.markdown:
            note.body_line = md_markers.get(note.extra.get("label", ""))
    if visual:
        # the reader gave right-to-left lines in visual order: the notes' Arabic lines are
        # read (kinds, fields, citations) in reading order; their printed text stays
        for note in notes:
            if note.page is not None:
                note.parts = reading_lines(note.parts)
    return notes, rest, fn_lines


def _script_turns(note: RawFootnote, text: str) -> bool:
    """Does an Arabic line below a left-to-right page note that has ended (its last line
    closed) begin the visual-order note below it rather than go on with this one? A
    visual-order line re-wrapped at a narrow width puts its note's number (printed at
    its end) on its last piece, below the others."""
    last = next((p for p in reversed(note.parts) if p.strip()), "")
    return has_arabic(text) and not any(has_arabic(p) for p in note.parts) and not _open_ended(last)


def _continues_numbering(fm: re.Match[str], group: int, last_number: int) -> bool:
    """A footnote number of four digits (1000 and above) only where it follows the
    previous footnote's (999 -> 1000); shorter ones always."""
    label = _label(fm)
    if not label.isdigit() or int(label) < P.LONG_NUMBER:
        return True
    return group > 0 and int(label) == last_number + 1


def _label(fm: re.Match[str]) -> str:
    """The number (or label) of a footnote line's marker: ``(12)`` -> ``12``."""
    return fm.group("num") or fm.groupdict().get("bnum") or ""


def _wrap_widths(body: list[Line], *, printed: bool = False) -> dict[str, int]:
    """The width of a full printed line, per script (Arabic glyphs are narrower): the
    length most long lines reach (the 90th percentile). ``printed``: only for a script
    whose lines show a text wrapped for print: enough of them, most as long as that
    width or nearly, which is no longer than a printed line (a text that gives each
    paragraph on one line has lines of every length)."""
    lengths: dict[str, list[int]] = {}
    for ln in body:
        text = ln.text.strip()
        if len(text) >= 20:
            lengths.setdefault(script_of(text[:60]), []).append(len(text))
    out: dict[str, int] = {}
    for script, values in lengths.items():
        values.sort()
        width = values[int(0.9 * (len(values) - 1))]
        if printed and not (
            len(values) >= _PRINTED_LINES
            and width <= _PRINTED_WIDTH
            and sum(1 for v in values if v >= 0.85 * width) >= 0.5 * len(values)
        ):
            continue
        out[script] = width
    return out


def _note_goes_on(note: RawFootnote, text: str, widths: dict[str, int]) -> bool:
    """After the last note of a page: is ``text`` more of it (rather than a footer)? When
    the note's last line ran to the full width, ends open, or the line opens in lower
    case or with punctuation."""
    last = next((p for p in reversed(note.parts) if p.strip()), "")
    width = widths.get(script_of(last[:60]), 0)
    if width and len(last.strip()) >= 0.8 * width:
        return True
    return (
        _open_ended(last)
        or bool(_PUNCT_START.match(text))
        or text[:1].islower()
        or _bracket_goes_on(last, text)
    )


def _bracket_goes_on(last: str, text: str) -> bool:
    """Does ``text``, which may open with a bracket, go on with a note whose last line is
    ``last`` (the line a narrow width broke before the imprint: ``… (1830-1912)`` /
    ``(Casablanca: …``)? When it opens with one and ``last`` has not ended with a period."""
    return bool(_BRACKET_START.match(text)) and not last.rstrip().endswith((".", "!", "?"))


def _printed_note(raw: str, marker: str) -> str:
    """The printed line without its page-note number: "12. Ibid." -> "Ibid."; the visual-
    order "... المرجع نفسه .12" -> "... المرجع نفسه", ".85 ،. فلان، عنوان4" -> ".85 ،. فلان، عنوان"."""
    line = raw.strip()
    view = digits_view(line)
    if (marker.startswith(".") or marker.isdigit()) and view.rstrip().endswith(marker):
        return line[: len(view.rstrip()) - len(marker)].rstrip()
    m = PAGE_NOTE.match(view)
    return line[m.start("text") :] if m is not None else line


def _marker_text(ln: Line, pattern: re.Pattern[str], label: str) -> str:
    """The marker as printed: ``(1)``, ``[1]``, ``¹``, ``1-``."""
    raw = ln.raw.strip()
    view = raw if pattern is P.SUPERSCRIPT_LINE else digits_view(raw)
    m = pattern.match(view)
    if m is None:
        return f"({label})"
    return raw[: m.start("text")].strip() or f"({label})"


def _add_markers(available: dict[int, deque[int]], pool: list[tuple[int, int]]) -> None:
    for num, line in pool:
        available.setdefault(num, deque()).append(line)


def _no_note_start(
    fm: re.Match[str],
    current: RawFootnote | None,
    text: str,
    blank_run: int,
    *,
    waits: Callable[[int], bool],
    after_open_body: Callable[[], bool],
    marked: Callable[[], bool],
    group: int,
    last_number: int,
) -> bool:
    """Does a line that opens with a marker (``fm``) start no note, though it reads like
    one? When the marker is followed by the punctuation that goes on a sentence; else,
    for a numbered marker no marker of which waits in the body (``waits``): inside a note
    that the line would continue, when the number is neither the next one nor 1 (a new
    page's); right after a body line that ended open (``after_open_body``), in a text
    whose body marks its notes (``marked``)."""
    if _GOES_ON.match(fm.group("text")):
        return True
    label = _label(fm)
    if not label.isdigit() or waits(int(label)):
        return False
    num = int(label)
    if current is not None:
        return (
            group > 0
            and num not in (last_number + 1, 1)
            and _continues(current, text, blank_run, numbered=True)
        )
    return after_open_body() and marked()


def _marked(body: list[Line], markers: Markers | None) -> bool:
    """Does the body mark notes in its running text (a marker after a line's start)?"""
    found = markers if markers is not None else (mk for ln in body for mk in line_markers(ln))
    return any(mk.column > 3 for mk in found)


def _continues(
    note: RawFootnote,
    text: str,
    blank_run: int,
    *,
    numbered: bool = False,
    full: Callable[[str], bool] | None = None,
) -> bool:
    """Is ``text`` more of ``note``? (``numbered``: the line opens with a marker that
    starts no note; ``full``: does a line run to the full width of a text wrapped for
    print; the line after a full one goes on.)"""
    if not numbered and (P.FOOTNOTE_LINE.match(text) or P.MD_FOOTNOTE_DEF.match(text)):
        return False
    if note.markdown:
        # lazy continuation: the next line with no blank line between
        return blank_run == 0
    if len(text) > _MAX_CONTINUATION:
        return False
    if blank_run > 1 and not _PUNCT_START.match(text):
        return False
    # the last line decides whether the note ends open (joining them all is quadratic)
    last = next((p for p in reversed(note.parts) if p.strip()), "")
    return (
        _open_ended(last)
        or bool(_PUNCT_START.match(text))
        or (blank_run == 0 and _bracket_goes_on(last, text))
        or (blank_run == 0 and full is not None and full(last))
    )
