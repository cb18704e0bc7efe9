"""Footnotes: find them among body lines, group them, classify and resolve them.

Two forms are read:

* paren markers at the start of a line, numbering restarting on each page:
  ``(1) زيدون سلمان محمد ، روسيا والصين ...`` (also ``(١)``, ``^(١)``, ``⁽¹⁾``, ``(*)``);
* Markdown definitions ``[^12]: ...`` with ``[^12]`` markers in the body.

A footnote wrapped onto following lines (PDF conversions put a blank line between) is
joined when its text so far ends open (a word, a comma, a colon, an opening bracket) or
the next line starts with punctuation, and that next line is not a long body paragraph.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice, pairwise

from rapidfuzz import fuzz, process

from citenorm.extraction.intext import cites_author_date
from citenorm.extraction.markers import glued_markers, line_markers
from citenorm.extraction.pages import (
    PAGE_NOTE,
    RULE,
    Pages,
    glued_note_form,
    page_note_start,
)
from citenorm.extraction.segment import Line
from citenorm.models import Markers
from citenorm.text import patterns as P
from citenorm.text import vocab
from citenorm.text.normalize import digits_view, fold_any, fold_latin, has_arabic, script_of
from citenorm.text.skeleton import skeleton

__all__ = ["RawFootnote", "find_footnotes", "resolve_kinds"]

# op. cit., ibid. and short forms look back at most this many footnotes for their target
# (keeps resolution linear on hostile input; real articles repeat sources far closer)
LOOKBACK = 400
# a continuation line of a wrapped footnote is rarely longer than this (a body paragraph is)
_MAX_CONTINUATION = 220
_PUNCT_START = re.compile(r"^[,،:;؛)\]/.\-–]|^<?https?://|^www\.")
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass(slots=True)
class RawFootnote:
    """A footnote as found, before classification."""

    number: int | None
    marker: str
    group: int
    line: int
    parts: list[str]  # cleaned text, for decisions
    raw_parts: list[str]  # whole printed lines
    print_parts: list[str] = field(default_factory=list)  # printed text without the marker
    body_line: int | None = None
    kind: str = "full"
    refers_to: int | None = None  # index into the footnote list
    markdown: bool = False
    key: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    page: int | None = None  # a note printed at the bottom of a page: that page's index

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
    if not t or P.URL.search(t.split()[-1] if t.split() else ""):
        return False
    return bool(P.OPEN_END.match(t, len(t) - 1))


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
    # the lines between two page notes of a page belong to the first of them
    inside: set[int] = set()
    if page_notes:
        starts = sorted(page_notes)
        for a, b in pairwise(starts):
            if pages is not None and pages.page_index(a) == pages.page_index(b):
                inside.update(range(a + 1, b))
    previous = 0  # the number of the body line before this one
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
            last_number = page_num
            current = RawFootnote(
                number=page_num,
                marker=marker,
                group=max(group, 1),
                line=ln.number,
                parts=[note_text],
                raw_parts=[ln.raw],
                print_parts=[_printed_note(ln.raw, marker)],
                page=pages.page_index(ln.number) if pages is not None else None,
            )
            # its marker: the last one with its number in the body of its page
            current.body_line = page_markers.get((current.page, page_num))
            notes.append(current)
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
            current.extra["label"] = label
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
        if fm and _substantive(fm.group("text")):
            label = fm.group("num") or fm.groupdict().get("bnum") or ""
            num = int(label) if label.isdigit() else None
            if num is not None:
                if group == 0 or num <= last_number:
                    group += 1
                    available = {}
                    _add_markers(available, pool)
                else:
                    _add_markers(available, pool)
                pool = []
                last_number = num
            elif group == 0:
                group = 1
            current = RawFootnote(
                number=num,
                marker=_marker_text(ln, pattern, label),
                group=max(group, 1),
                line=ln.number,
                parts=[fm.group("text")],
                raw_parts=[ln.raw],
                print_parts=[ln.printed(pattern, "text")],
            )
            if num is not None:
                lines = available.get(num)
                if lines:
                    current.body_line = lines.popleft()
            notes.append(current)
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        if current is not None and _continues(current, text, blank_run):
            current.parts.append(text)
            current.raw_parts.append(ln.raw)
            current.print_parts.append(ln.printed())
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        current = None
        blank_run = 0
        rest.append(ln)
        for mk in line_markers(ln) if markers is None else markers.on_line(ln.number):
            if mk.kind == "markdown":
                md_markers.setdefault(mk.label, ln.number)
            else:
                pool.append((int(mk.label), ln.number))
        if page_notes and pages is not None:
            page = pages.page_index(ln.number)
            for n in glued_markers(ln):
                page_markers[(page, n)] = ln.number
    for note in notes:
        if note.markdown:
            note.body_line = md_markers.get(note.extra.get("label", ""))
    return notes, rest, fn_lines


def _continues_numbering(fm: re.Match[str], group: int, last_number: int) -> bool:
    """A footnote number of four digits (1000 and above) only where it follows the
    previous footnote's (999 -> 1000); shorter ones always."""
    label = fm.group("num") or fm.groupdict().get("bnum") or ""
    if not label.isdigit() or int(label) < P.LONG_NUMBER:
        return True
    return group > 0 and int(label) == last_number + 1


def _wrap_widths(body: list[Line]) -> dict[str, int]:
    """The width of a full printed line, per script (Arabic glyphs are narrower): the
    length most long lines reach (the 90th percentile)."""
    lengths: dict[str, list[int]] = {}
    for ln in body:
        text = ln.text.strip()
        if len(text) >= 20:
            lengths.setdefault(script_of(text[:60]), []).append(len(text))
    out: dict[str, int] = {}
    for script, values in lengths.items():
        values.sort()
        out[script] = values[int(0.9 * (len(values) - 1))]
    return out


def _note_goes_on(note: RawFootnote, text: str, widths: dict[str, int]) -> bool:
    """After the last note of a page: is ``text`` more of it (rather than a footer)? When
    the note's last line ran to the full width, ends open, or the line opens in lower
    case or with punctuation."""
    last = next((p for p in reversed(note.parts) if p.strip()), "")
    width = widths.get(script_of(last[:60]), 0)
    if width and len(last.strip()) >= 0.8 * width:
        return True
    return _open_ended(last) or bool(_PUNCT_START.match(text)) or text[:1].islower()


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


def _continues(note: RawFootnote, text: str, blank_run: int) -> bool:
    if P.FOOTNOTE_LINE.match(text) or P.MD_FOOTNOTE_DEF.match(text):
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
    return _open_ended(last) or bool(_PUNCT_START.match(text))


# --- kinds and back-references ---------------------------------------------------------

_LEAD_SPLIT = re.compile(r"\s*[,،.]\s*")


def _lead(text: str, span_start: int) -> str:
    """The text before an op. cit./ibid. phrase: usually the author, maybe a short title."""
    return P.SEE_PREFIX.sub("", text[:span_start]).strip(" ،,.:;؛-")


def _has_biblio(text: str) -> bool:
    return bool(
        P.YEAR.search(text)
        or P.URL.search(text)
        or P.NO_DATE.search(text)
        or P.PAGES.search(text)
        or P.VOLUME.search(text)
        or P.ISSUE.search(text)
    )


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
_WORD = re.compile(r"[^\W\d_]+(?:['’ʼʻʿ`-][^\W\d_]+)*")
# evidence that a note cites a source (each adds to a score; a note scoring 2 cites)
# "(Paris: Flammarion, 2016)", "بيروت: دار الساقي، 1990": found from its colon (a search
# for a pattern that opens with a literal is fast)
_IMPRINT = re.compile(
    r":(?:(?<=[^\s:()]{2}:)|(?<=[^\s:()]{2} :))\s?[^,،:()]{2,80}[,،]\s?"
    r"(?:[0-9]{4}|د\s?\.\s?ت|n\.\s?d)"
)
_QUOTED = re.compile(r"[“«\"][^”»\"]{4,200}[”»\"]")
_LOCATOR_END = re.compile(r"[,،]\s*[0-9]{1,4}(?:\s*[-–]\s*[0-9]{1,4})?\s*[.;؛]?\s*$")
_SOURCE_WORDS = re.compile(
    r"\b(?:press|university|université|universidad|éditions?|editions|publications|verlag|"
    r"thèse|thesis|dissertation|journal|revue|review|vol\.|tome|op\.\s*cit|archives?|"
    r"manuscrit|manuscript)\b|"
    r"(?:دار|مطبعة|مطبعه|منشورات|مكتبة|مكتبه|جامعة|جامعه|مجلة|مجله|رسالة|اطروحة|أطروحة|تحقيق|"
    r"ترجمة|مخطوط|الأرشيف|الارشيف)\s",
    re.IGNORECASE,
)


def _citation_score(text: str) -> int:
    """How strongly a note's text reads as a reference (rather than a gloss)."""
    score = 0
    if P.search(P.URL, text) or P.search(P.DOI, text):
        score += 2
    if P.search(P.PAGES, text) or P.search(P.VOLUME, text) or P.search(P.ISSUE, text):
        score += 2
    if _IMPRINT.search(text):
        score += 2
    if P.YEAR.search(text) or P.search(P.NO_DATE, text):
        score += 1
    if _LOCATOR_END.search(text[-30:]):
        score += 1
    if _QUOTED.search(text):
        score += 1
    if _SOURCE_WORDS.search(text):
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


class _TitleIndex:
    """Which texts hold the title of a list entry (two or more of its word pairs in a
    row, most of them): a note that glosses and cites at once cites its source."""

    def __init__(self, titles: Sequence[str]) -> None:
        self._pairs: dict[tuple[str, str], list[int]] = {}
        self._sizes: list[int] = []
        for k, title in enumerate(titles):
            pairs = _word_pairs(title[:300])
            self._sizes.append(len(pairs))
            for pair in set(pairs):
                self._pairs.setdefault(pair, []).append(k)

    def cites(self, text: str) -> bool:
        if not self._pairs:
            return False
        hits: dict[int, int] = {}
        for pair in set(_word_pairs(text[:2000])):
            for k in self._pairs.get(pair, ())[:50]:
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
_LOCATOR = re.compile(r"[0-9]|\b[IVXLC]{1,6}\b|^\s*(?:pp?|ص|t|vol|fol|f)\b", re.IGNORECASE)


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
    if P.YEAR.search(text) or P.URL.search(text):
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
