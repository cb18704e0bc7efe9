"""Author-date citations in the body: ``(العتيبي، 2015)``, ``(Smith, 2019, p. 4)``,
``(العتيبي وآخرون، ٢٠١٥، ص ٤)``, ``(العتيبي، د.ت)`` and narrative ``العتيبي (2015)``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from citenorm.normalize import digits_view
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


def find_in_text(lines: list[Line]) -> list[RawInText]:
    """All author-date citations in the given body lines, in reading order."""
    found: list[RawInText] = []
    for ln in lines:
        # the digits view has the printed text's length: columns count in the printed line
        text = digits_view(ln.raw)
        taken: list[tuple[int, int]] = []
        for m in _PAREN.finditer(text):
            inner = m.group(1)
            offset = m.start(1)
            for part in re.split(r"[;؛]", inner):
                item = _ITEM.match(part.strip())
                if not item or not _author_ok(item.group("author")):
                    continue
                start = offset + inner.find(part.strip()) if part.strip() else offset
                found.append(
                    RawInText(
                        text=ln.raw[start : start + len(part.strip())],
                        line=ln.number,
                        column=start + 1,
                        author=item.group("author").strip(),
                        year=item.group("year").strip(),
                        page=item.group("page"),
                    )
                )
                taken.append((m.start(), m.end()))
        for m in _NARRATIVE.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            before = _CUT.split(text[: m.start()])[-1].split()
            words = before[-3:]
            while words and words[0] in _STOP:
                words = words[1:]
            author = " ".join(words)
            if not words or not _author_ok(author):
                continue
            start = text.rfind(words[0], 0, m.start())
            found.append(
                RawInText(
                    text=ln.raw[start : m.end()].strip(),
                    line=ln.number,
                    column=start + 1,
                    author=author,
                    year=m.group("year").strip(),
                    page=m.group("page"),
                )
            )
    found.sort(key=lambda c: (c.line, c.column))
    return found
