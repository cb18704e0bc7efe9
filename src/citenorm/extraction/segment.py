"""Text -> lines classified into body, footnote and bibliography-list regions.

Line numbers are 1-based counts of ``\\n`` (CR LF counts once; form feeds and U+2028 do
not start lines), as CONTRACT.md requires: never ``str.splitlines()``.

A bibliography list starts at a recognised list heading (``المصادر``, ``قائمة المصادر
والمراجع``, ``References``, ``Bibliography``...), holds sub-section headings (``أولاً:
الكتب``, ``•First: periodicals``, ``المراجع الأجنبية``) and ends at the next list heading,
a heading of trailing matter (appendix, tables, notes), a Markdown footnote definition,
or the end of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, overload

from citenorm._plain import Frozen, Plain
from citenorm.extraction.pages import RULE, Pages, find_pages, page_note_start
from citenorm.text import _rx, vocab
from citenorm.text import patterns as P
from citenorm.text.normalize import (
    clean,
    digits_view,
    fold_letters,
    repair_lam_ligatures,
    script_of,
)

__all__ = [
    "SEPARATOR_LINE",
    "Line",
    "ListBlock",
    "Segmented",
    "ends_lists",
    "heading_text",
    "is_sub_heading",
    "segment",
    "split_lines",
]

Role = Literal["blank", "body", "list_heading", "sub_heading", "list_line", "terminator"]


class Line(Frozen):
    """One line of the input: its number, the raw text and the cleaned text.

    ``text`` (cleaned: ASCII digits, no tatweel or invisible marks) is for patterns and
    decisions; ``raw`` is what records keep, sliced through :func:`printed`.
    """

    __slots__ = ("number", "raw", "text")

    number: int
    raw: str
    text: str

    def __init__(self, number: int, raw: str, text: str) -> None:
        _set = object.__setattr__
        _set(self, "number", number)
        _set(self, "raw", raw)
        _set(self, "text", text)

    def printed(self, pattern: re.Pattern[str] | None = None, group: str | None = None) -> str:
        """The printed line (stripped); after ``pattern``'s match (or from ``group``) if given."""
        raw = self.raw.strip()
        if pattern is None:
            return raw
        if _MARKS.search(raw) is None:
            m = pattern.match(digits_view(raw)) or pattern.match(raw)
            if m is None:
                return raw
            return raw[m.start(group) :] if group else raw[m.end() :]
        # invisible marks inside a marker ("2\u202e0- Name"): match without them
        keep = [i for i, ch in enumerate(raw) if not _MARKS.match(ch)]
        bare = "".join(raw[i] for i in keep)
        m = pattern.match(digits_view(bare)) or pattern.match(bare)
        if m is None:
            return raw
        pos = m.start(group) if group else m.end()
        return raw[keep[pos] :] if pos < len(keep) else ""


class ListBlock(Plain):
    """A bibliography list: its heading line and the lines under it."""

    __slots__ = (
        "decor",
        "failed",
        "heading",
        "kind",
        "level",
        "lines",
        "note_candidates",
        "runs",
        "script",
        "sub_headings",
        "title",
    )

    heading: Line
    title: str
    script: str
    lines: list[Line]
    sub_headings: dict[int, str]
    failed: dict[int, str]
    kind: Literal["original", "romanized"]
    level: int  # the heading's Markdown level ("## References": 2), 0 when plain
    decor: set[int]  # the heading's setext underline
    # lines at the foot of a page inside the list that read like page notes (a rule, then
    # "3. Alaoui, Les manuscrits, 88."): the footnote finder decides
    note_candidates: list[Line]
    # separator lines left out of ``lines`` (first, last: inclusive): the inside of a run
    # of three or more ("-" on every line), whose first and last lines stay in ``lines``;
    # each is a failed line ("separator"), and the grouping counts them as it counted them
    # when they were in ``lines``
    runs: list[tuple[int, int]]

    def __init__(
        self,
        heading: Line,
        title: str,
        script: str,
        lines: list[Line] | None = None,
        sub_headings: dict[int, str] | None = None,
        failed: dict[int, str] | None = None,
        kind: Literal["original", "romanized"] = "original",
        level: int = 0,
        decor: set[int] | None = None,
        note_candidates: list[Line] | None = None,
        runs: list[tuple[int, int]] | None = None,
    ) -> None:
        self.heading = heading
        self.title = title
        self.script = script
        self.lines = [] if lines is None else lines
        self.sub_headings = {} if sub_headings is None else sub_headings
        self.failed = {} if failed is None else failed
        self.kind = kind
        self.level = level
        self.decor = set() if decor is None else decor
        self.note_candidates = [] if note_candidates is None else note_candidates
        self.runs = [] if runs is None else runs

    def dropped(self) -> int:
        """How many lines :attr:`runs` left out."""
        return sum(last - first + 1 for first, last in self.runs)


class _Lines(Sequence[Line]):
    """The lines of the input, each :class:`Line` built when read: a :class:`Line` costs
    about 100 bytes, more than a short line itself (a flood of ``-``)."""

    __slots__ = ("_raw", "_text")

    def __init__(self, raw: list[str], text: list[str]) -> None:
        self._raw = raw
        self._text = text

    def __len__(self) -> int:
        return len(self._raw)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._raw)
        return Line(index + 1, self._raw[index], self._text[index])


class Segmented(Plain):
    """The input split into body lines (everything outside lists) and list blocks."""

    __slots__ = ("body", "lines", "lists", "notes_lines", "pages", "raw")

    lines: Sequence[Line]
    body: list[Line]
    lists: list[ListBlock]
    notes_lines: set[int]  # lines under an endnotes heading
    pages: Pages | None  # page breaks and furniture (text from a PDF)
    raw: list[str]  # the raw lines (``Line.raw``)

    def __init__(
        self,
        lines: Sequence[Line],
        body: list[Line],
        lists: list[ListBlock],
        notes_lines: set[int] | None = None,
        pages: Pages | None = None,
        raw: list[str] | None = None,
    ) -> None:
        self.lines = lines
        self.body = body
        self.lists = lists
        self.notes_lines = set() if notes_lines is None else notes_lines
        self.pages = pages
        self.raw = [] if raw is None else raw


_MARKS = _rx.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u0640]")


def split_lines(text: str) -> list[str]:
    """Split on ``\\n`` only (CR LF counts once), keeping empty lines."""
    return text.replace("\r\n", "\n").split("\n")


# --- list headings ---------------------------------------------------------------------
# A list heading is a short line made of heading words only, one of them a "core" word
# (sources, references, bibliography), in Arabic, Persian, English or French:
# "قائمة المصادر والمراجع", "لائحة المصادر والمراجع", "ثبت المراجع", "المراجع المستخدمة في
# الكتاب", "من مراجع الكتاب ومصادره", "فهرست منابع و مآخذ", "الببليوغرافيا",
# "List of References and Sources", "References and further reading", "Works Cited",
# "Bibliographie", "Références bibliographiques". Words are folded (hamza seats, ta
# marbuta, alef maqsura) and the Arabic conjunction و and article ال come off first.
# two-word cores: "Works cited", "Literature cited", "Further reading", "Works consulted"
_HEAD_SPLIT = _rx.compile(r"[\s,،:;؛/\-–—()\[\]]+")


def _head_word(word: str) -> str:
    """An Arabic heading word without its conjunction and article: والمراجع -> مراجع."""
    if word in vocab.LIST_HEADING_CORE_FOLDED or word in vocab.LIST_HEADING_FILLER_FOLDED:
        return word
    for prefix in ("وال", "بال", "لل", "ال", "و"):
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            rest = word[len(prefix) :]
            if rest in vocab.LIST_HEADING_CORE_FOLDED or rest in vocab.LIST_HEADING_FILLER_FOLDED:
                return rest
    return word


def _vocabulary_heading(h: str) -> bool:
    """Every word of ``h`` is a heading word, and one of them names the sources."""
    words = [w for w in _HEAD_SPLIT.split(_fold(h).lower()) if w]
    if not words or len(words) > 9:
        return False
    core = False
    for i, w in enumerate(words):
        if w in vocab.LIST_HEADING_CORE_LATIN or (
            i + 1 < len(words) and (w, words[i + 1]) in vocab.LIST_HEADING_CORE_LATIN_PAIRS
        ):
            core = True
            continue
        if w in vocab.LIST_HEADING_FILLER_LATIN:
            continue
        a = _head_word(w)
        if a in vocab.LIST_HEADING_CORE_FOLDED:
            core = True
        elif a not in vocab.LIST_HEADING_FILLER_FOLDED:
            return False
    return core


_TERMINATORS = _rx.compile(
    r"^(?:الملاحق|ملاحق|الملحق|ملحق(?:\s+رقم)?(?:\s*\(?[0-9]+\)?)?|جدول(?:\s+رقم)?(?:\s*\(?[0-9]+\)?)?|"
    r"الجداول|الاشكال|شكل(?:\s+رقم)?(?:\s*\(?[0-9]+\)?)?|نبذه\s+عن\s+\S+|السيره\s+الذاتيه|"
    r"الهوامش|هوامش\s+البحث|الحواشي|appendix(?:\s+\w+)?|appendices|annex(?:es)?|"
    r"table\s*[0-9]+|tables|figures?(?:\s*[0-9]+)?|about\s+the\s+authors?|author\s+biography|"
    r"notes|endnotes|footnotes|acknowledg(?:e)?ments?|شكر\s+وتقدير|الخاتمه|النتائج|التوصيات|"
    r"conclusions?|results|recommendations|abstract|الملخص|المستخلص)$",
    re.IGNORECASE,
)
# endnote section headings (folded): "الهوامش", "هوامش البحث", "الإحالات", "Notes"
_NOTES_HEAD = _rx.compile(
    r"^(?:ال)?(?:هوامش|حواشي|احالات|الاحالات)(?:\s+(?:البحث|الدراسه|والمراجع|والتعليقات))?$|"
    r"^(?:notes|endnotes|end\s+notes)$",
    re.IGNORECASE,
)
_WORDS = _rx.compile(r"\S+")


def heading_text(text: str) -> str:
    """A cleaned line reduced for heading tests: decorations, bullets, colons removed."""
    t = P.MD_DECOR.sub("", text)
    t = t.replace("*", "").replace("_", " ")
    t = P.BULLET.sub("", t)
    t = t.strip().strip(":：.-–").strip()
    if t.endswith(":"):  # "المصادر :" (a search for r"\s*:\s*$" would try every position)
        t = t[:-1]
    return " ".join(t.split())


def _fold(text: str) -> str:
    """Hamza seats, ta marbuta and alef maqsura folded (on cleaned text: no harakat)."""
    return fold_letters(text)


def _is_list_heading(h: str) -> bool:
    if not h or len(h) > 70 or P.YEAR.search(h):
        return False
    # "خامساً: المصادر", "7. References", "VI. Bibliography": a numbered section heading
    bare = P.LIST_NUMBER.sub("", P.ORDINAL.sub("", h, count=1), count=1).strip(" :.-–")
    if any(_vocabulary_heading(x) for x in {h, bare} if x):
        return True
    # "املصادر": a PDF reader's swapped lam ligature (text/normalize.repair_lam_ligatures;
    # a heading's words take no other form it changes)
    fixed = repair_lam_ligatures(bare)
    return fixed != bare and _vocabulary_heading(fixed)


def _is_sub_heading(h: str) -> bool:
    if not h or len(h) > 80 or P.search(P.URL, h) or P.YEAR.search(h):
        return False
    words = _WORDS.findall(h)
    if len(words) > 8:
        return False
    rest = P.ORDINAL.sub("", h, count=1)
    ordinal = rest != h
    rest_words = [w.strip(":،,.") for w in _fold(rest).split()]
    rest_words = [w for w in rest_words if w]
    if not rest_words:
        return ordinal
    last = rest_words[-1].lower()
    if last in vocab.KEY_STOP_WORDS or last in vocab.PREPOSITIONS_AR:
        # "Morocco: The Rise of the": a heading does not end with an article or a
        # preposition; an entry's line wrapped before its next word does
        return False
    known = sum(
        1
        for w in rest_words
        if w in vocab.SUB_HEADING_WORDS_FOLDED or w.lower() in vocab.SUB_HEADING_WORDS_LATIN
    )
    if ordinal:
        # "أولاً: الكتب" / "First: periodicals and research": an ordinal then a few words
        return len(rest_words) <= 6 and (("،" not in rest and "," not in rest) or known > 0)
    return known >= max(1, (len(rest_words) + 1) // 2) and len(rest_words) <= 5


def is_sub_heading(text: str) -> bool:
    """Is the (cleaned) line a list's sub-section heading: "أولاً: الكتب", "المجلات
    والدوريات", "First: periodicals"?"""
    return _is_sub_heading(heading_text(text))


def _is_terminator(h: str, text: str) -> bool:
    return bool(h) and len(h) <= 40 and bool(_TERMINATORS.match(_fold(h)))


def _cleaned(raw: str) -> str:
    """The cleaned line, sharing the raw string when cleaning changes nothing (memory)."""
    text = clean(raw)
    return raw if text == raw else text


# a setext underline ("=====" under "References"; "-----" too under a list heading)
_SETEXT = _rx.compile(r"^\s*(?:={3,}|-{3,})\s*$")
# "## References": a Markdown heading and its level
_MD_HEADING = _rx.compile(r"^\s*(#{1,6})\s+\S")
# "| العنوان | السنة |", "|---|---|": a table row
_TABLE_ROW = _rx.compile(r"^\s*\|")
# "العنوان: ...", "Abstract:", "Résumé :", "الكلمات المفتاحية:": the labelled front matter
# of another part (an abstract printed after the list); also in visual order, where the
# label comes out at the end of the line ("...:العنوان")
_LABEL = (
    r"(?:العنوان|الملخص|ملخص|المستخلص|مستخلص|الكلمات\s+المفتاحيه|كلمات\s+مفتاحيه|"
    r"abstract|résumé|resume|summary|keywords|key\s+words|mots[- ]cl[ée]s|title)"
)
_LABEL_LINE = _rx.compile(
    rf"^[\s.:،,]*{_LABEL}\s*:|:\s*{_LABEL}(?:\s+\S+){{0,1}}\s*:?\s*$", re.IGNORECASE
)


def _md_level(text: str) -> int:
    m = _MD_HEADING.match(text)
    return len(m.group(1)) if m else 0


def segment(text: str) -> Segmented:
    """Split the text into body lines and bibliography list blocks.

    A list runs from its heading to the next top-level heading (another list's heading,
    a heading of trailing matter, a Markdown heading of the same or a higher level, an
    abstract's label) or the end of the text. Inside it, a Markdown footnote definition
    is a footnote (it goes to the body, where footnotes are read), and table rows and
    page furniture are kept as failed lines with their reason.
    """
    raw_lines = split_lines(text)
    texts = [_cleaned(raw) for raw in raw_lines]
    lines = _Lines(raw_lines, texts)
    pages = find_pages(raw_lines, texts)
    # runs of separator lines are left out of the lists' lines (not near page notes,
    # whose rule the footnote finder looks for)
    compress = not pages.breaks
    furniture = pages.furniture
    body: list[Line] = []
    lists: list[ListBlock] = []
    notes_lines: set[int] = set()
    in_notes = False
    current: ListBlock | None = None
    md_note = False  # a Markdown footnote definition inside a list, and its lazy lines
    for i, ln in enumerate(lines):
        stripped = ln.text.strip()
        if ln.number in furniture:
            md_note = False  # a page break ends a definition
            if current is not None:
                current.lines.append(ln)
                current.failed[ln.number] = "page-head"
            continue
        if not stripped:
            md_note = False
            (current.lines if current is not None else body).append(ln)
            continue
        if current is not None and P.MD_FOOTNOTE_DEF.match(stripped):
            md_note = True
            body.append(ln)
            continue
        if (
            md_note
            and current is not None
            and not _MD_HEADING.match(stripped)
            and not P.FOOTNOTE_LINE.match(stripped)
            and not P.LIST_NUMBER.match(stripped)
            and not P.BULLET.match(stripped)
        ):
            body.append(ln)  # a wrapped line of the definition above
            continue
        md_note = False
        if current is not None and _TABLE_ROW.match(stripped):
            current.lines.append(ln)
            current.failed[ln.number] = "table"
            continue
        # headings are short: a long paragraph is never one (and is costly to test)
        h = heading_text(stripped) if len(stripped) <= 160 else ""
        # (an endnotes heading is a few words: h has single spaces, so 40 characters hold
        # any, and the fold of a long line is not needed)
        if current is None and len(h) <= 40 and _NOTES_HEAD.match(_fold(h)):
            # "الهوامش:" / "Notes": endnotes follow, numbered "1-", "1." or "(1)"
            in_notes = True
            body.append(ln)
            continue
        level = _md_level(stripped)
        if current is not None and ln.number in current.decor:
            current.lines.append(ln)
            continue
        if _is_list_heading(h):
            in_notes = False
            if current is not None and (
                not _has_entries(current)
                or (_is_qualified_sub(h, current) and not (level and level <= current.level))
            ):
                # "References" directly followed by "Romanized references", or
                # "المراجع الأجنبية" inside "المصادر والمراجع": a sub-heading
                current.sub_headings[ln.number] = heading_text(ln.raw.strip())
                current.lines.append(ln)
                continue
            current = ListBlock(
                heading=ln, title=heading_text(ln.raw.strip()), script=script_of(h), level=level
            )
            nxt = _next_nonblank(lines, i)
            if nxt is not None and _SETEXT.match(nxt.text):
                current.decor.add(nxt.number)
            lists.append(current)
            continue
        if current is None:
            if in_notes and _is_terminator(h, stripped):
                in_notes = False
            elif in_notes:
                notes_lines.add(ln.number)
            body.append(ln)
            continue
        if _ends_list(h, stripped, level, current, lines, i):
            current = None
            body.append(ln)
            continue
        if (level and level > current.level and current.level) or (
            _is_sub_heading(h)
            and not P.LIST_NUMBER.match(stripped)
            and not _wrapped_on(lines, i, stripped)
        ):
            current.sub_headings[ln.number] = heading_text(ln.raw.strip())
        elif compress and _in_separator_run(current, ln):
            continue
        current.lines.append(ln)
    for block in lists:
        _trim_trailing_blank(block)
        if pages.breaks or any(RULE.match(ln.text) for ln in block.lines):
            block.note_candidates = _page_foot_notes(block, pages)
    _decide_list_kinds(lists)
    return Segmented(
        lines=lines, body=body, lists=lists, notes_lines=notes_lines, pages=pages, raw=raw_lines
    )


def _wrapped_on(lines: Sequence[Line], i: int, stripped: str) -> bool:
    """Does line ``i`` go on with the line right above it, cut by a wrap (``... for the
    period (2000-2012) master's`` / ``thesis, unpublished, Faculty of political``)? It
    opens with a lower-case letter, does not end with a colon, and the line above ends
    open (a word, a comma): no sub-heading, whatever its words."""
    if i == 0 or not stripped[:1].islower() or stripped.endswith(":"):
        return False  # (a line that ends with a colon heads what follows)
    above = lines[i - 1].text.strip()
    return bool(above) and P.OPEN_END.search(above[-1:]) is not None


# "-----", "* * *", "====": a line of rules and stars, no text (``.`` aside: "--." has the
# shape of an author's dash, which the grouping counts)
SEPARATOR_LINE = _rx.compile(r"^[\s\-–—_=*#~.•]+$")
_BARE_SEPARATOR = _rx.compile(r"^\s*[\-–—_=*#~•][\s\-–—_=*#~•]*$")


def _bare_separator(block: ListBlock, ln: Line) -> bool:
    return (
        _BARE_SEPARATOR.match(ln.text) is not None
        and ln.number not in block.sub_headings
        and ln.number not in block.failed
        and ln.number not in block.decor
    )


def _in_separator_run(block: ListBlock, ln: Line) -> bool:
    """Is ``ln`` the third (or later) separator line of a run in ``block``? Then the
    line before it, the run's last so far, is left out (:attr:`ListBlock.runs`) and
    ``ln`` takes its place: a run keeps its first and last line, its neighbours see
    what they saw."""
    if len(block.lines) < 2 or not _bare_separator(block, ln):
        return False
    before, last = block.lines[-2], block.lines[-1]
    joined = before.number == last.number - 1 or (
        bool(block.runs) and block.runs[-1] == (before.number + 1, last.number - 1)
    )
    if not (
        last.number == ln.number - 1
        and joined
        and _bare_separator(block, last)
        and _bare_separator(block, before)
    ):
        return False
    if block.runs and block.runs[-1][1] == last.number - 1:
        block.runs[-1] = (block.runs[-1][0], last.number)
    else:
        block.runs.append((last.number, last.number))
    block.lines[-1] = ln
    return True


def _page_foot_notes(block: ListBlock, pages: Pages) -> list[Line]:
    """The lines of a list printed at the foot of a page that read like that page's
    notes: from the first of a run of lines numbered in order ("3. ...", "4. ...") to the
    page's end, with the rule above them. Without page breaks (a one-page PDF, a text
    whose pages are told by their rules) only a run under a printed rule is a candidate:
    a list's own numbered entries run to its end too."""
    by_page: dict[int, list[Line]] = {}
    for ln in block.lines:
        if (ln.text.strip() and ln.number not in block.failed) or RULE.match(ln.text):
            by_page.setdefault(pages.page_index(ln.number), []).append(ln)
    out: list[Line] = []
    for lines in by_page.values():
        starts = [(i, page_note_start(ln.text.strip())) for i, ln in enumerate(lines)]
        numbered = [(i, c[0]) for i, c in starts if c is not None]
        if not numbered or numbered[-1][0] < len(lines) - 4:
            continue  # the last numbered line is not near the foot of the page
        first = len(numbered) - 1
        while first > 0 and numbered[first - 1][1] == numbered[first][1] - 1:
            first -= 1
        begin = numbered[first][0]
        if begin > 0 and RULE.match(lines[begin - 1].text):
            begin -= 1
        elif not pages.breaks:
            continue  # no page break and no rule above the run: the list's own numbers
        out.extend(lines[begin:])
    return out


def _next_nonblank(lines: Sequence[Line], i: int) -> Line | None:
    for ln in lines[i + 1 : i + 3]:
        if ln.text.strip():
            return ln
    return None


def ends_lists(text: str) -> bool:
    """Is the (cleaned) line a heading of trailing matter (appendix, notes, an abstract's
    label...), which ends any list above it?"""
    stripped = text.strip()
    h = heading_text(stripped) if len(stripped) <= 160 else ""
    return (
        _is_terminator(h, stripped)
        or _LABEL_LINE.search(stripped[:200]) is not None
        or _LABEL_LINE.search(stripped[-60:]) is not None
    )


def _ends_list(
    h: str, stripped: str, level: int, block: ListBlock, lines: Sequence[Line], i: int
) -> bool:
    """Is this line a top-level heading that ends the list ``block``?"""
    if ends_lists(stripped):
        return True
    if level:
        # "## Appendix" after "## References"; a deeper heading is a sub-section
        return not block.level or level <= block.level or not _is_sub_heading(h)
    nxt = _next_nonblank(lines, i)
    # "Appendix\n========": a setext heading of the top level
    return nxt is not None and nxt.text.strip().startswith("===") and bool(_SETEXT.match(nxt.text))


def _has_entries(block: ListBlock) -> bool:
    return any(ln.text.strip() and ln.number not in block.sub_headings for ln in block.lines)


def _is_qualified_sub(h: str, block: ListBlock) -> bool:
    """``المراجع الأجنبية`` inside an Arabic-headed list is a sub-section, not a new list."""
    if script_of(h) != block.script:
        return False
    if P.ORDINAL.match(h) or P.LIST_NUMBER.match(h):
        return True
    words = [_head_word(w) for w in _HEAD_SPLIT.split(_fold(h).lower()) if w]
    return any(w in vocab.LIST_QUALIFIERS for w in words)


def _trim_trailing_blank(block: ListBlock) -> None:
    while block.lines and not block.lines[-1].text.strip():
        block.lines.pop()


def _decide_list_kinds(lists: list[ListBlock]) -> None:
    """Mark Latin-script lists that render an Arabic list as ``romanized``.

    A Latin-headed list is romanized when its heading says so, or when the document also
    has an Arabic-headed list (the usual "المصادر" + "Bibliography" pair). A lone list,
    or the Arabic list itself, is the ``original``.
    """
    has_arabic_list = any(b.script == "arabic" for b in lists)
    for block in lists:
        title = block.title.lower()
        subs = " ".join(block.sub_headings.values()).lower()
        if block.script == "latin" and (
            "romani" in title or "translit" in title or "romani" in subs or has_arabic_list
        ):
            block.kind = "romanized"
