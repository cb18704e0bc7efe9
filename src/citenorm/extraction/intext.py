"""Author-date citations in the body: ``(العتيبي، 2015)``, ``(Smith, 2019, p. 4)``,
``(العتيبي وآخرون، ٢٠١٥، ص ٤)``, ``(العتيبي، د.ت)`` and narrative ``العتيبي (2015)``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from citenorm.normalize import clean
from citenorm.segment import Line

__all__ = ["RawInText", "find_in_text"]

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})[a-z\u0623-\u064a]?(?:\s*(?:هـ|ه))?(?:\s*/\s*(?:1[0-9]{3}|20[0-9]{2})\s*(?:م)?)?|د\s*\.\s*ت\s*\.?|n\.\s*d\.?"
_PAGE = r"(?:ص\s*ص|صص|ص|pp?|pages?)\s*\.?\s*[0-9]{1,5}(?:\s*[-–]\s*[0-9]{1,5})?"
# one item of a parenthetical citation: "الحجري، ١٩٤٢، ص ٣٣٧" / "Smith & Lee, 2019, p. 4"
_ITEM = re.compile(
    rf"^(?P<author>[^()0-9]{{1,120}}?)\s*[,،]\s*(?P<year>{_YEAR})(?:\s*[,،:]\s*(?P<page>{_PAGE}))?\s*$",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\(([^()]{3,300})\)")
# "الكليدار (١٩٦٧)" / "Smith (2019, p. 4)"
_NARRATIVE = re.compile(
    rf"\(\s*(?P<year>{_YEAR})(?:\s*[,،]\s*(?P<page>{_PAGE}))?\s*\)", re.IGNORECASE
)
_STOP = {
    "و",
    "يشير",
    "ويشير",
    "يرى",
    "ويرى",
    "أشار",
    "اشار",
    "وأشار",
    "واشار",
    "ذكر",
    "وذكر",
    "يذكر",
    "ويذكر",
    "أكد",
    "وأكد",
    "يؤكد",
    "ويؤكد",
    "بين",
    "وبين",
    "يبين",
    "ويبين",
    "أوضح",
    "واوضح",
    "وأوضح",
    "حسب",
    "وحسب",
    "بحسب",
    "وفق",
    "وفقا",
    "وفقاً",
    "لدى",
    "عند",
    "عام",
    "سنة",
    "العام",
    "منذ",
    "حتى",
    "الى",
    "إلى",
    "من",
    "في",
    "على",
    "عن",
    "مع",
    "أن",
    "ان",
    "إن",
    "قال",
    "وقال",
    "يقول",
    "ويقول",
    "دراسة",
    "ودراسة",
    "according",
    "to",
    "as",
    "by",
    "in",
    "since",
    "year",
    "see",
    "and",
    "the",
    "of",
    "argues",
    "notes",
    "states",
    "wrote",
    "reported",
    "cf",
    "e.g",
    "هذا",
    "هذه",
    "ذلك",
    "وهو",
    "وهي",
    "كما",
    "تناول",
    "وتناول",
    "قدم",
    "وقدم",
    "الباحث",
    "كتاب",
}
# how far before "(2015)" a narrative citation's author may start
_LOOKBACK = 160
_CUT = re.compile(r"[.،,؛;:!?؟()\"«»]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class RawInText:
    """An in-text citation as found: printed text, position, and its parts."""

    text: str
    line: int
    column: int
    author: str
    year: str
    page: str | None


def _author_ok(author: str) -> bool:
    words = author.split()
    if not words or len(words) > 8 or not _LETTER.search(author):
        return False
    return not all(w.strip("\"'«»“”") in _STOP for w in words)


def _cleaned_view(raw: str) -> tuple[str, list[int]]:
    """The line cleaned character by character (digits ASCII; bidi marks, tatweel and
    harakat dropped; presentation forms folded), with each character's offset in the
    printed line, so matches map back to printed columns."""
    if raw.isascii():
        return raw, list(range(len(raw) + 1))
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(raw):
        folded = ch if ch.isascii() else clean(ch)
        chars.append(folded)
        offsets.extend([i] * len(folded))
    offsets.append(len(raw))
    return "".join(chars), offsets


def find_in_text(lines: list[Line]) -> list[RawInText]:
    """All author-date citations in the given body lines, in reading order."""
    found: list[RawInText] = []
    for ln in lines:
        text, at = _cleaned_view(ln.raw)

        def printed(start: int, end: int, raw: str = ln.raw, at: list[int] = at) -> tuple[int, str]:
            """(printed column, printed text) of the view's span [start, end)."""
            lo, hi = at[start], at[end - 1] + 1 if end > start else at[start]
            return lo + 1, raw[lo:hi].strip()

        taken: list[tuple[int, int]] = []
        for m in _PAREN.finditer(text):
            inner = m.group(1)
            offset = m.start(1)
            pos = 0
            for part in re.split(r"[;؛]", inner):
                stripped = part.strip()
                begin = inner.find(stripped, pos) if stripped else pos
                pos = begin + len(stripped)
                item = _ITEM.match(stripped)
                if not item or not _author_ok(item.group("author")):
                    continue
                column, printed_text = printed(offset + begin, offset + begin + len(stripped))
                found.append(
                    RawInText(
                        text=printed_text,
                        line=ln.number,
                        column=column,
                        author=item.group("author").strip(),
                        year=item.group("year").strip(),
                        page=item.group("page"),
                    )
                )
                taken.append((m.start(), m.end()))
        for m in _NARRATIVE.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            # the author stands just before the bracket: look back a bounded window
            window_start = max(0, m.start() - _LOOKBACK)
            before = _CUT.split(text[window_start : m.start()])[-1].split()
            words = before[-3:]
            while words and words[0] in _STOP:
                words = words[1:]
            author = " ".join(words)
            if not words or not _author_ok(author):
                continue
            start = text.rfind(words[0], window_start, m.start())
            column, printed_text = printed(start, m.end())
            found.append(
                RawInText(
                    text=printed_text,
                    line=ln.number,
                    column=column,
                    author=author,
                    year=m.group("year").strip(),
                    page=m.group("page"),
                )
            )
    found.sort(key=lambda c: (c.line, c.column))
    return found
