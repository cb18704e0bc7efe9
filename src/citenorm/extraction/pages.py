"""Page furniture in text that came from a PDF: page breaks, page numbers, running heads.

A PDF reader (``pdftotext``, PyMuPDF) gives each page's text in turn: a form feed (or
nothing) between pages, the page number and the running head (the journal's or the
article's short title, the author's name) at the top or the bottom of each page. They
are not part of the article: inside a list they would join the entry above, inside the
notes the note above. Three signals find them, none alone:

* a form feed line: where a page ends (``pdftotext`` and PyMuPDF write one);
* a page number: a line holding only a number (``148``, ``- 12 -``), next to a form feed,
  or one of a run of such lines whose numbers go up by one or two through the text;
* a running head: a short line printed next to page breaks at least twice (digits aside:
  ``Le Parti du Califat: Première organisation islamiste marocaine``, ``Nabil Mouline``).

The pages found this way let the footnote finder look for notes where they are printed:
at the bottom of each page, before its break.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from citenorm._plain import Plain
from citenorm.text import _rx
from citenorm.text import patterns as P
from citenorm.text.normalize import clean, script_of
from citenorm.text.patterns import lazy
from citenorm.text.vocab import ROMANIZED_OPENING_SIGNS

__all__ = [
    "PAGE_NOTE",
    "RULE",
    "Pages",
    "find_pages",
    "glued_note_form",
    "logical_line",
    "number_last",
    "page_note_start",
    "reading_lines",
    "reading_text",
]

# "148", "- 12 -", "— 7 —", "١٤٨": a page number alone on its line
_PAGE_NUMBER = _rx.compile(r"^[\s\-–—|]*(?P<n>[0-9]{1,4})[\s\-–—|]*$")
# lines a running head can be compared by: digits and spacing aside
_DIGITS = lazy(r"[0-9]+")
# "12. Ibid.", "3 Voir ...", "... .12": a page note, not a running head
_NOTE_LIKE = lazy(r"^[0-9]{1,3}\.?\s|\s\.[0-9]{1,3}\s*$|^[\s_─━—–-]+$")
# how close (in non-blank lines) furniture stands to the page break it belongs to
_NEAR = 3
# a running head is short
_HEAD_MAX = 110


class Pages(Plain):
    """Where the pages of a text break, and which lines are page furniture.

    ``furniture``: line number -> ``page-break`` (a form feed), ``page-number`` or
    ``page-head`` (a running head). ``breaks``: the line numbers at which a new page's
    furniture starts, in order (a page ends just before).
    """

    __slots__ = ("breaks", "furniture")

    furniture: dict[int, str]
    breaks: list[int]

    def __init__(
        self, furniture: dict[int, str] | None = None, breaks: list[int] | None = None
    ) -> None:
        self.furniture = {} if furniture is None else furniture
        self.breaks = [] if breaks is None else breaks

    def page_index(self, number: int) -> int:
        """0-based index of the page holding line ``number``."""
        lo, hi = 0, len(self.breaks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.breaks[mid] <= number:
                lo = mid + 1
            else:
                hi = mid
        return lo


def _near(numbers: Sequence[int], i: int, targets: set[int]) -> bool:
    """Is one of ``targets`` (indexes into ``numbers``) within ``_NEAR`` of index ``i``?"""
    return any(j in targets for j in range(i - _NEAR, i + _NEAR + 1))


def find_pages(raw: list[str], text: list[str]) -> Pages:
    """Page breaks and furniture of a text given as its raw and cleaned lines."""
    # (an array: a list of ints costs 40 bytes a line, more than a short line itself)
    nonblank = array("i", (i for i, t in enumerate(text) if t.strip() or "\f" in raw[i]))
    feeds = {k for k, i in enumerate(nonblank) if "\f" in raw[i]}
    if len(nonblank) < 8:
        return Pages()
    candidates: list[tuple[int, int]] = []  # (index in nonblank, page number)
    for k, i in enumerate(nonblank):
        m = _PAGE_NUMBER.match(text[i])
        if m is not None:
            candidates.append((k, int(m.group("n"))))
    numbers: set[int] = set()
    for pos, (k, n) in enumerate(candidates):
        if _near(nonblank, k, feeds):
            numbers.add(k)
            continue
        # a run: a neighbouring candidate one or two pages on, some lines away
        for k2, n2 in candidates[max(0, pos - 2) : pos + 3]:
            if k2 != k and 5 <= abs(k2 - k) <= 400 and 1 <= (n2 - n) * (1 if k2 > k else -1) <= 2:
                numbers.add(k)
                break
    anchors = feeds | numbers
    if not anchors:
        return Pages()
    # running heads: short lines printed right after a page break (or right before it,
    # a footer), the same text (digits aside) at least twice; a line numbered like a note
    # ("10. Nizām al-dawla, 35-7.") is a note, however often its short form comes back
    seen: dict[str, list[int]] = {}
    for k, i in enumerate(nonblank):
        if k in anchors:
            continue
        line = text[i].strip()
        if not line or len(line) > _HEAD_MAX or _NOTE_LIKE.search(line):
            continue
        after = any(k - d in anchors for d in (1, 2))
        before = any(k + d in feeds for d in (1, 2))
        if not (after or before):
            continue
        key = " ".join(_DIGITS.sub(" ", line).split()).lower()
        if len(key) >= 3:
            seen.setdefault(key, []).append(k)
    heads = {k for ks in seen.values() if len(ks) >= 2 for k in ks}
    pages = Pages()
    for k in sorted(anchors | heads):
        number = nonblank[k] + 1
        if k in feeds:
            pages.furniture[number] = "page-break"
        elif k in numbers:
            pages.furniture[number] = "page-number"
        else:
            pages.furniture[number] = "page-head"
    # a page starts at the first furniture line of each cluster of furniture
    last = -10
    for k in sorted(anchors | heads):
        if k - last > _NEAR:
            pages.breaks.append(nonblank[k] + 1)
        last = k
    return pages


# --- notes printed at the bottom of PDF pages ------------------------------------------
# "12. Ibid., 45." / "8.Tsourikoff, ..." / "3 Voir ..." : a plain number opens the note
PAGE_NOTE = lazy(r"^\s*(?P<num>[0-9]{1,3})(?:\.\s*|\s+)(?=\S)(?P<text>.*)$")
# an Arabic note in visual order: its number came out at the end, after its period
# ("... عبد الحق المريني .3"); the text before is the note
_PAGE_NOTE_RTL = lazy(r"^(?P<text>.*\S)\s+\.(?P<num>[0-9]{1,3})\s*$")
# the same with the number glued to the last word and the note's closing period moved to
# the front: ".85 ،. فلان، عنوان الكتاب4" (note 4: "فلان، عنوان الكتاب، 85.")
_PAGE_NOTE_GLUED = lazy(r"^\s*\.(?P<text>.*[\u0621-\u064a])(?P<num>[0-9]{1,3})\s*$")

# "__________", "──────────": a printed rule (above the footnotes of a page)
RULE = _rx.compile(r"^\s*(?:_{5,}|[─━—–-]{8,})\s*$")


_LETTERS = lazy(r"[^\W\d_]")


def page_note_start(text: str) -> tuple[int, str, str] | None:
    """(number, marker as printed, note text) when the line may open a page note."""
    m = PAGE_NOTE.match(text)
    if m is not None:
        rest = m.group("text")
        sep = text[len(m.group("num")) : m.start("text")].strip() if text[:1].isdigit() else "?"
        first = rest[:1]
        # "Ḥasan", "Éditions", "Lettre"; "ʿAbd al-Ḥayy" (the capital after an ʿayn sign)
        latin_capital = first.isupper() or (
            first in ROMANIZED_OPENING_SIGNS and rest[1:2].isupper()
        )
        arabic = "\u0621" <= first <= "\u064a"
        if sep == "." and text[m.start("text") - 1] == ".":
            # "8.Tsourikoff, ..." opens a note; "26.باستقالل", "12.1947 العلم" are glued
            # markers at the visual start of a body line
            ok = latin_capital
        elif sep == ".":
            ok = True  # "1. Amina ...", "3. انظر ..."
        else:
            ok = latin_capital or arabic  # "12 Ibid., 45."; not "19 (al-Ribāṭ ..."
        if ok and _LETTERS.search(rest):
            return int(m.group("num")), text[: m.start("text")].strip(), rest
        return None
    m = _PAGE_NOTE_RTL.match(text)
    if m is not None and P.search(P.URL, text) is None and not text.rstrip().endswith("..."):
        rest = m.group("text").strip()
        if _LETTERS.search(rest) and any("\u0621" <= c <= "\u064a" for c in rest):
            return int(m.group("num")), "." + m.group("num"), rest
    m = _PAGE_NOTE_GLUED.match(text)
    if m is not None and not text.lstrip().startswith(".."):
        rest = m.group("text").strip(" .")
        if len(_LETTERS.findall(rest[:40])) >= 4:
            return int(m.group("num")), m.group("num"), rest
    return None


def glued_note_form(text: str) -> bool:
    """The visual-order form whose number is glued to the last word (see
    :data:`_PAGE_NOTE_GLUED`): it may only continue the article's numbering."""
    return PAGE_NOTE.match(text) is None and _PAGE_NOTE_RTL.match(text) is None


# a run of Arabic words as such a reader keeps it in reading order: Arabic letters (and
# their marks), with the spaces and colons between them
_ARABIC_RUN = lazy(
    r"[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]"
    r"(?:[ :\u0621-\u065f\u0670-\u06d3\u06d5\u06fa-\u06ff]*"
    r"[\u0621-\u065f\u0670-\u06d3\u06d5\u06fa-\u06ff])?"
)


def logical_line(text: str) -> str:
    """A right-to-left line of text from a PDF reader that gives the line's pieces in
    visual order (left to right) but each run of Arabic words in reading order, back in
    reading order: ``.171 ،نفسه`` -> ``نفسه، 171.``, ``... ،انظر سعاد زبيطة`` -> ``انظر
    سعاد زبيطة، ...``. Each Arabic run is one unit of the line, the other characters one
    each, and the units are put in reading order as a PDF's glyphs are
    (:func:`citenorm.io._bidi.visual_to_logical`: numbers and Latin keep their order,
    brackets are mirrored back)."""
    from citenorm.io._bidi import visual_to_logical  # (the PDF reader's, not its module)

    units: list[str] = []
    pos = 0
    for m in _ARABIC_RUN.finditer(text):
        units.extend(text[pos : m.start()])
        units.append(m.group())  # (no bracket inside: mirroring leaves it as it is)
        pos = m.end()
    units.extend(text[pos:])
    return visual_to_logical(units, rtl=True)


# a page note's marker: its number, with the period it was printed with ("12.", ".12")
_PAGE_MARKER = lazy(r"^\.?[0-9]{1,3}\.?$")


def number_last(raw: str, marker: str) -> bool:
    """Was a note printed with its number at the end of its first line (an Arabic note
    whose line a PDF reader gave in visual order: ``... انظر سعاد زبيطة .9``)? ``raw``: its
    printed lines; ``marker``: its marker as found (``.9``, or ``9`` glued to a word)."""
    if _PAGE_MARKER.match(marker) is None:
        return False  # ("(3)", "[^3]": no page note)
    first = clean(raw.split("\n", 1)[0]).strip()
    return first.endswith(marker) and PAGE_NOTE.match(first) is None


def reading_text(raw: str, marker: str) -> str | None:
    """A page note's text in reading order, in a text whose right-to-left lines a PDF
    reader gave in visual order (where some note has :func:`number_last`): its printed
    lines (``raw``) without the marker, each Arabic one put back in reading order
    (:func:`logical_line`), the lines in their order; the pieces of a first line cut by a
    re-wrap (its number on the last piece) are one line again. What the footnote finder reads the
    note's fields from; ``None`` for a note that is no page note (``(3)``, ``[^3]``)."""
    if _PAGE_MARKER.match(marker) is None:
        return None
    lines = [clean(line).strip() for line in raw.split("\n")]
    # the line that ends with the number: the first, or the last piece of a first line
    # that a re-wrap cut (the pieces above it: one printed line again)
    at = next(
        (k for k, line in enumerate(lines) if line.endswith(marker) and not PAGE_NOTE.match(line)),
        None,
    )
    if at is not None:
        head = " ".join([*lines[:at], lines[at][: len(lines[at]) - len(marker)].rstrip()])
        lines[: at + 1] = [head]
    else:
        m = PAGE_NOTE.match(lines[0])
        if m is not None:
            lines[0] = lines[0][m.start("text") :]
    return " ".join(reading_lines([line for line in lines if line]))


# a line of a note this much shorter than its longest was not a full printed line
_SHORT_PIECE = 0.85


def reading_lines(lines: list[str]) -> list[str]:
    """The lines of a note whose right-to-left lines came in visual order, in reading
    order: each Arabic line put back in reading order (:func:`logical_line`). A short
    Arabic line that is not the note's last, under a full one, is the last piece of a
    printed line that a re-wrap cut (only a note's last printed line is short): the two
    pieces are one line again before they are read (read apart, the second piece's
    words would come after the first's)."""
    out: list[str] = []
    # (the full width told by the lines between the first and the last: the first may
    # be the pieces above its number put together (see reading_text), the last is short
    # or as long as the printed lines, cut or not)
    longest = max((len(line) for line in lines[1:-1]), default=0)
    i = 0
    while i < len(lines):
        line = lines[i]
        tail = lines[i + 1] if i + 2 < len(lines) else ""
        if (
            tail
            and len(tail) < _SHORT_PIECE * longest <= len(line)
            and script_of(line) == "arabic"
            and script_of(tail) == "arabic"
        ):
            line = f"{line} {tail}"
            i += 1
        out.append(logical_line(line) if script_of(line) == "arabic" else line)
        i += 1
    return out
