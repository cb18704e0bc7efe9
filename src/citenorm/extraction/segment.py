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
from dataclasses import dataclass, field
from typing import Literal

from citenorm.text import patterns as P
from citenorm.text import vocab
from citenorm.text.normalize import clean, digits_view, fold_letters, script_of

__all__ = ["Line", "ListBlock", "Segmented", "heading_text", "segment", "split_lines"]

Role = Literal["blank", "body", "list_heading", "sub_heading", "list_line", "terminator"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the input: its number, the raw text and the cleaned text.

    ``text`` (cleaned: ASCII digits, no tatweel or invisible marks) is for patterns and
    decisions; ``raw`` is what records keep, sliced through :func:`printed`.
    """

    number: int
    raw: str
    text: str

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


@dataclass(slots=True)
class ListBlock:
    """A bibliography list: its heading line and the lines under it."""

    heading: Line
    title: str
    script: str
    lines: list[Line] = field(default_factory=list)
    sub_headings: dict[int, str] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)
    kind: Literal["original", "romanized"] = "original"


@dataclass(slots=True)
class Segmented:
    """The input split into body lines (everything outside lists) and list blocks."""

    lines: list[Line]
    body: list[Line]
    lists: list[ListBlock]
    notes_lines: set[int] = field(default_factory=set)  # lines under an endnotes heading


_MARKS = re.compile("[\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff\u0640]")


def split_lines(text: str) -> list[str]:
    """Split on ``\\n`` only (CR LF counts once), keeping empty lines."""
    return text.replace("\r\n", "\n").split("\n")


_ARABIC_HEAD = re.compile(
    r"^(?:قائمه\s+|ثبت\s+)?(?:ال)?(?:مصادر|مراجع)"
    r"(?:\s+و\s*(?:ال)?(?:مصادر|مراجع))?"
    r"(?:\s+(?:البحث|الدراسه|العربيه|الاجنبيه|الانجليزيه|الانكليزيه|المعربه|المترجمه|المرومنه|"
    r"المعتمده|المستخدمه|ومراجعه|ومصادره|باللغه\s+\S+))*$"
)
_LATIN_HEAD = re.compile(
    r"^(?:(?:romani[sz]ed|transliterated|arabic|english|foreign|list\s+of|selected|cited|"
    r"translated)\s+)*"
    r"(?:references|bibliography|bibliographies|sources|works\s+cited|literature\s+cited|"
    r"reference\s+list|sources\s+and\s+references|references\s+and\s+sources|"
    r"bibliographie|r[ée]f[ée]rences(?:\s+bibliographiques)?|sources\s+et\s+r[ée]f[ée]rences|"
    r"liste\s+des\s+r[ée]f[ée]rences)"
    r"(?:\s+(?:in\s+\w+|romani[sz]ed|transliterated|translated))*"
    r"(?:\s*\([^)]{0,40}\))?$",
    re.IGNORECASE,
)
_TERMINATORS = re.compile(
    r"^(?:الملاحق|ملاحق|الملحق|ملحق(?:\s+رقم)?(?:\s*\(?[0-9]+\)?)?|جدول(?:\s+رقم)?(?:\s*\(?[0-9]+\)?)?|"
    r"الجداول|الاشكال|شكل(?:\s+رقم)?(?:\s*\(?[0-9]+\)?)?|نبذه\s+عن\s+\S+|السيره\s+الذاتيه|"
    r"الهوامش|هوامش\s+البحث|الحواشي|appendix(?:\s+\w+)?|appendices|annex(?:es)?|"
    r"table\s*[0-9]+|tables|figures?(?:\s*[0-9]+)?|about\s+the\s+authors?|author\s+biography|"
    r"notes|endnotes|footnotes|acknowledg(?:e)?ments?|شكر\s+وتقدير|الخاتمه|النتائج|التوصيات|"
    r"conclusions?|results|recommendations|abstract|الملخص|المستخلص)$",
    re.IGNORECASE,
)
# endnote section headings (folded): "الهوامش", "هوامش البحث", "الإحالات", "Notes"
_NOTES_HEAD = re.compile(
    r"^(?:ال)?(?:هوامش|حواشي|احالات|الاحالات)(?:\s+(?:البحث|الدراسه|والمراجع|والتعليقات))?$|"
    r"^(?:notes|endnotes|end\s+notes)$",
    re.IGNORECASE,
)
_WORDS = re.compile(r"\S+")


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
    return any(_ARABIC_HEAD.match(_fold(x)) or _LATIN_HEAD.match(x) for x in {h, bare} if x)


def _is_sub_heading(h: str) -> bool:
    if not h or len(h) > 80 or P.URL.search(h) or P.YEAR.search(h):
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
    known = sum(
        1
        for w in rest_words
        if w in vocab.SUB_HEADING_WORDS_FOLDED or w.lower() in vocab.SUB_HEADING_WORDS_LATIN
    )
    if ordinal:
        # "أولاً: الكتب" / "First: periodicals and research": an ordinal then a few words
        return len(rest_words) <= 6 and (("،" not in rest and "," not in rest) or known > 0)
    return known >= max(1, (len(rest_words) + 1) // 2) and len(rest_words) <= 5


def _is_terminator(h: str, text: str) -> bool:
    if text.lstrip().startswith("|"):
        return True
    return bool(h) and len(h) <= 40 and bool(_TERMINATORS.match(_fold(h)))


def _cleaned(raw: str) -> str:
    """The cleaned line, sharing the raw string when cleaning changes nothing (memory)."""
    text = clean(raw)
    return raw if text == raw else text


def segment(text: str) -> Segmented:
    """Split the text into body lines and bibliography list blocks."""
    raw_lines = split_lines(text)
    lines = [Line(i + 1, raw, _cleaned(raw)) for i, raw in enumerate(raw_lines)]
    body: list[Line] = []
    lists: list[ListBlock] = []
    notes_lines: set[int] = set()
    in_notes = False
    current: ListBlock | None = None
    for ln in lines:
        stripped = ln.text.strip()
        if current is not None and P.MD_FOOTNOTE_DEF.match(stripped):
            current = None
        if not stripped:
            (current.lines if current is not None else body).append(ln)
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
        if _is_list_heading(h):
            in_notes = False
            if current is not None and not _has_entries(current):
                # "References" directly followed by "Romanized references": a sub-heading
                current.sub_headings[ln.number] = heading_text(ln.raw.strip())
                current.lines.append(ln)
                continue
            if current is not None and _is_qualified_sub(h, current):
                current.sub_headings[ln.number] = heading_text(ln.raw.strip())
                current.lines.append(ln)
                continue
            current = ListBlock(heading=ln, title=heading_text(ln.raw.strip()), script=script_of(h))
            lists.append(current)
            continue
        if current is None:
            if in_notes and _is_terminator(h, stripped):
                in_notes = False
            elif in_notes:
                notes_lines.add(ln.number)
            body.append(ln)
            continue
        if _is_terminator(h, stripped):
            current = None
            body.append(ln)
            continue
        if _is_sub_heading(h) and not P.LIST_NUMBER.match(stripped):
            current.sub_headings[ln.number] = heading_text(ln.raw.strip())
        current.lines.append(ln)
    for block in lists:
        _trim_trailing_blank(block)
    _decide_list_kinds(lists)
    return Segmented(lines=lines, body=body, lists=lists, notes_lines=notes_lines)


def _has_entries(block: ListBlock) -> bool:
    return any(ln.text.strip() and ln.number not in block.sub_headings for ln in block.lines)


def _is_qualified_sub(h: str, block: ListBlock) -> bool:
    """``المراجع الأجنبية`` inside an Arabic-headed list is a sub-section, not a new list."""
    if script_of(h) != block.script:
        return False
    if P.ORDINAL.match(h):
        return True
    folded = _fold(h).lower()
    return any(
        q in folded
        for q in ("العربيه", "الاجنبيه", "الانجليزيه", "الانكليزيه", "foreign", "english")
    )


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
