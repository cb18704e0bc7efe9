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
from itertools import pairwise

from citenorm._plain import Plain
from citenorm.extraction.segment import SEPARATOR_LINE, Line, ListBlock, is_sub_heading
from citenorm.text import _rx, lexicon
from citenorm.text import patterns as P
from citenorm.text.normalize import digits_view, script_of
from citenorm.text.patterns import lazy

__all__ = ["RawEntry", "entry_script", "group_entries"]

# a line opening with punctuation continues the entry above ("و"/"and" do only when the
# entry above is still open: وائلي, واحدي are family names)
_CONT_START = _rx.compile(r"^[,،:;؛)\]/.\-–]")
# "هـ / 1904 م.": an era letter that a wrap carried away from its year opens no entry
_ERA_START = lazy(r"^(?:هـ|ه|م)\s*(?:[/\-–.,،)]|$)")
_PLACE_START = lazy(r"^[^\s,،.:;]+(?:\s[^\s,،.:;]+){0,2}\s*:\s*\S")
_LETTERS = _rx.compile(r"[^\W\d_]")
# a line that ends with a bare number of one to three digits after a comma or a colon
# ("العدوي، 4" / "Sova: 100", then "أجزاء، ..." / "Banned Books, ..." on the next line) was
# cut before the noun the number counts: no entry ends so (a year has four digits, a
# page its "ص"/"p.", a volume its cue)
_COUNT_END = _rx.compile(r"[,،:]\s*[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}$")
# '... Shain, 1989, "': a quotation's opening mark that a wrap left at a line's end
_OPENING_QUOTE_END = _rx.compile(r"(?:^|\s)[\"“«„]$")
# "... - مج ١٨ - عدد ٣" / "Vol. 4, No. 2": a line that ends with the short number of a
# volume or an issue (no year: a year has four digits)
_SHORT_NUMBER_END = _rx.compile(r"(?:^|\s)[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}$")
# "... لما خلقنا؟" / "... Who Reads?": a title's question mark at a line's end
_QUESTION_END = _rx.compile(r"[?؟]$")
_NOT_LETTERS = _rx.compile(r"[\W\d_]+")  # (every character _LETTERS does not match)
# "1990, 2nd ed." / "(1990)." / "pp. 12-30.": what may follow a year on a wrapped line
_ENTRY_TAIL = lazy(r"^(?:\(?[0-9]{4}|pp?\.|ص\s*[0-9])")
# "Family, Given." / "Family، Given (" / "Family, A. B. (": how entries with authors begin
_ENTRY_START = lazy(r"^[^,،.:()]{1,40}[,،]\s*[^,،.:()0-9]{1,50}(?:\.|\s\()")


class RawEntry(Plain):
    """An entry's lines before field parsing."""

    __slots__ = (
        "group_head",
        "has_url",
        "has_year",
        "line",
        "number",
        "parts",
        "print_parts",
        "raw_parts",
        "section_line",
    )

    line: int
    number: int | None
    section_line: int | None
    parts: list[str]  # cleaned, for decisions
    raw_parts: list[str]  # whole printed lines
    print_parts: list[str]  # printed, without list numbers
    has_year: bool
    has_url: bool
    group_head: bool  # "(5) أركون، محمد:": the author of the works below

    def __init__(
        self,
        line: int,
        number: int | None,
        section_line: int | None,
        parts: list[str] | None = None,
        raw_parts: list[str] | None = None,
        print_parts: list[str] | None = None,
        has_year: bool = False,
        has_url: bool = False,
        group_head: bool = False,
    ) -> None:
        self.line = line
        self.number = number
        self.section_line = section_line
        self.parts = [] if parts is None else parts
        self.raw_parts = [] if raw_parts is None else raw_parts
        self.print_parts = [] if print_parts is None else print_parts
        self.has_year = has_year
        self.has_url = has_url
        self.group_head = group_head

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
        self.has_year = (
            self.has_year
            or _has_year(clean_text)
            # ("... القاهرة، د." / "ت.": a wrap cut "د. ت." in two)
            or (bool(self.parts) and _has_year(f"{self.last[-6:]} {clean_text[:6]}"))
        )
        self.has_url = self.has_url or P.search(P.URL, clean_text) is not None
        self.parts.append(clean_text)
        self.raw_parts.append(line.raw)
        self.print_parts.append(line.printed() if printed is None else printed)


def _number(text: str) -> tuple[int | None, str]:
    """The list number (below 1000) a line starts with (or ``None``) and the rest."""
    m = P.LIST_NUMBER.match(text)
    if not m:
        return None, text
    n = m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4")
    return int(n), text[m.end() :]


def _numbered(text: str, expected: int) -> tuple[int | None, str, re.Pattern[str]]:
    """The list number a line starts with (or ``None``), the rest of the line, and the
    pattern that found it. A number of four digits (1000 and above) only where it is the
    ``expected`` one (999 -> 1000): alone, "2015." is a year."""
    pattern = P.LIST_NUMBER
    m = pattern.match(text)
    if not m:
        pattern = P.LIST_NUMBER_LONG
        m = pattern.match(text)
    if not m:
        return None, text, P.LIST_NUMBER
    n = int(m.group("n1") or m.group("n2") or m.group("n3") or m.group("n4"))
    if n >= P.LONG_NUMBER and n != expected:
        return None, text, P.LIST_NUMBER
    return n, text[m.end() :], pattern


def _has_year(text: str) -> bool:
    return P.YEAR.search(text) is not None or P.search(P.NO_DATE, text) is not None


# a year and its era letter at the end of a line: "1416ق", "1999م", "1378 ش"
_ERA_END = lazy(r"[0-9]{4}\s?(?:م|ق|ش|ه|هـ)\s*[.)]?$")


# a line that ends with an initial or a short title's period: "د.", "ود.", "J.", "Dr.", "ed.",
# or with an abbreviation that needs what follows: "Vol.", "No.", "Impr."
_ABBREVIATION_END = _rx.compile(
    r"(?:^|[\s(])و?(?:[^\W\d_]|أ\.\s?د|dr|mr|mrs|ed|eds|tr|trans|st|vol|vols|no|nos|impr|publ)\.$",
    re.IGNORECASE,
)


# a line that ends with a name's initial ("بنشره: ب.", "edited by J."): the name goes on
_INITIAL_END = _rx.compile(r"(?:^|[\s(:])[^\W\d_]\.$")


def _open_abbreviation(entry: RawEntry) -> bool:
    """The entry's last line ends with an initial or a title's period ("مراجعة د.",
    "trans. J.") and the entry has no year yet: it goes on."""
    tail = entry.last.rstrip()[-8:]
    return (
        not entry.has_year
        and _ABBREVIATION_END.search(tail) is not None
        and P.search(P.NO_DATE, tail) is None
    )


def _closed(text: str) -> bool:
    t = text.rstrip()
    if not t:
        return True
    last_word = t.split()[-1]
    if P.search(P.URL, last_word):
        return True
    if _ERA_END.search(t[-12:]):
        return True  # "... قم، 1416ق", "1999م": a year with its era letter ends the entry
    if _COUNT_END.search(t[-8:]):
        return False  # "..., الطبعة الثالثة، 12" / "Sova: 100": a count before its noun
    if _OPENING_QUOTE_END.search(t[-2:]):
        return False  # a quotation opened at the line's end goes on below
    return not P.OPEN_END.match(t, len(t) - 1)


def _rendering(entry: RawEntry, line: str) -> bool:
    """``line`` (which prints a year) may render ``entry`` in the other script, as a
    bilingual list prints each entry's romanization under it: the entry has a year (in
    brackets too) and the line is in the other script."""
    return entry.has_year and entry_script(line) != entry_script(entry.text)


def _continues(entry: RawEntry, line: str, *, numbered: bool) -> bool:
    """Does ``line`` continue ``entry`` (rather than start a new entry)?"""
    last = entry.last
    if _CONT_START.match(line) or _ERA_START.match(line):
        return True
    if not _closed(last) or _open_abbreviation(entry):
        return True
    if (
        not numbered
        and _QUESTION_END.search(last.rstrip()[-1:])
        and not entry.has_url
        and not _ends_with_year(entry.text)
        and not _ends_with_imprint(entry.text)
        and not _ENTRY_START.match(line)
    ):
        # a title's question mark cut the line ("... لما خلقنا؟" / "وكيف نحيا ...؟ مصر:
        # ..."): an entry ends with its imprint, year or URL, and the line below opens none
        return True
    if numbered:
        own = _has_year(line) or P.search(P.URL, line) is not None
        if (
            own
            and not entry.has_url
            and (not entry.has_year or not _has_pub_year(entry.text))
            and not _author_group(entry.text)
            # (a closed Arabic entry with a year, even in brackets, and a Latin line with
            # one: its rendering in a bilingual list, "(لبنان، ٢٠٠٦)." / "Bakir, ..., 2006.")
            and not _rendering(entry, line)
        ):
            # an unnumbered line with the year that the numbered entry above still lacks (a
            # range "(c. 1600-1650)" is no year of publication): its line was cut after
            # "Engineers’", "«...»" or a title's period; the same entry
            return True
        return not own
    if _ends_with_year(entry.text) and _has_year(line) and not _ENTRY_TAIL.match(line):
        # an entry that ends with its year, and a line with a year of its own: another entry
        return False
    if _PLACE_START.match(line) and _lone_imprint(line):
        head = line.split(":", 1)[0]
        # the "Place: Publisher" tail of an entry that has no year yet (or only the APA
        # date after its author); after a complete entry, "Zakir: Title, ..." is another
        if lexicon.is_place(head) or (
            not _has_imprint(entry.text)
            and (not _has_pub_year(entry.text) or P.APA_DATE.search(entry.text[:200]) is not None)
        ):
            return True
    if P.EDITION.match(line) and not _ENTRY_START.match(line):
        return True
    # Chicago lists print the year last: a line holding the year of an entry that has none
    # (and no imprint of its own: "Title. Qum: Maṭbaʻat Muhr." is complete without a year)
    return (
        not _ends_with_year(entry.text)
        and not _has_pub_year(entry.text)
        and not entry.has_url
        # (the entry's last sentence, not its last printed line: "Nashr." that a wrap
        # cut from "al-Qahirah: Matbaat ... wa-al-" ends an imprint too)
        and not _ends_with_imprint(entry.text)
        and _has_year(line)
        and not _ENTRY_START.match(line)
        # (an Arabic entry with its APA date, "(١٩٤٤).", and a Latin line with a year: its
        # rendering in a bilingual list)
        and not _rendering(entry, line)
        # a title-first entry with its own "Place: Publisher, Year" is an entry of its own
        and not (_ends_with_imprint(line) and re.search(r"[^\s.]{2}\.\s", line) is not None)
    )


# the end of a complete entry: its year (not the end of a range such as "(1830-1912)"),
# "د.ت" or "n.d.", maybe a Hijri/Gregorian letter, closing brackets and a period
_YEAR_END = lazy(
    r"(?:[0-9](?<![-–/][0-9])[0-9]{3}[a-z]?|د\s*\.\s*ت|n\.\s*d|بدون\s+تاريخ)"
    r"(?: ?(?:م|هـ|ه|ق|ش)(?!\w))?[\s.)\]]*(?:\[[^\]]{1,30}\][\s.]*)?$",
    re.IGNORECASE,
)


# a span of years, or a year in brackets (a life's "(d. 1923)", a title's "(c. 1600)") but
# the date after a volume or issue number: "Vol. 12 (1956)", "No. 230 (May 26, 1899)"
_RANGE = lazy(r"[0-9]{4}\s*[-–/]\s*[0-9]{2,4}|(?<![0-9] )\([^()]{0,12}[0-9]{4}[^()]{0,12}\)")


def _ends_with_url(text: str) -> bool:
    """The line ends with a web address (``<https://...>``, ``www.x.org/y``)."""
    words = text.split()
    return bool(words) and P.search(P.URL, words[-1]) is not None


def _has_pub_year(text: str) -> bool:
    """A year that is not part of a range or a parenthesised date (a title's span)."""
    return _has_year(_RANGE.sub(" ", text)) if P.YEAR.search(text) else _has_year(text)


def _ends_with_year(text: str) -> bool:
    return _YEAR_END.search(text[-40:]) is not None


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


# the head of an entry up to its first separator: "Family، Given" -> (",", 1),
# "Name Name: Title" -> (":", 2), "Title. Place" -> (".", 1); what most lines of a list
# share is the list's entry shape (a wrapped tail such as "Rabat: Institut ..." differs)
_SHAPE = _rx.compile(r"^(?P<head>[^,،:.;()«»\"“”\[\]]{1,60}?)\s*(?P<sep>[,،:.(«\"“])")
# "(12)", "12.", "12 -", "[12]" alone on a line: the number of the entry below
_LONE_NUMBER = _rx.compile(
    r"^\s*(?:\((?P<p>[0-9]{1,3})\)|\[(?P<b>[0-9]{1,3})\]|(?P<d>[0-9]{1,3})\s*[-.)–])\s*$"
)
# "---: title", "______. Title", "—. Title": the same author as the entry above
_DITTO = _rx.compile(r"^\s*(?:(?:[-_—–‒―]\s*){2,}|\.{3}|…)[.:,،]?\s*(?=\S)")
# "الجزء الثاني، ..." / "Vol. 2, ...": another volume of the work above
_VOLUME_LINE = _rx.compile(
    r"^(?:ال)?(?:جزء|مجلد)\s+(?:[0-9]|ال|[اأ]ول|ثان|ثالث|رابع|خامس)|^(?:مج|ج)\s*(?:\.\s*)?[0-9]|"
    r"^(?:vol|volume|tome|part|t)\.?\s*[0-9ivxlc]+\b",
    re.IGNORECASE,
)
# the works that head many Arabic lists, numbered or not: an entry, never a sub-heading
_SCRIPTURE = lazy(
    r"^(?:ال)?(?:قرآن|قران)\s+(?:ال)?كريم|^(?:ال)?كتاب\s+(?:ال)?مقدس|^the\s+(?:holy\s+)?qur.?an|"
    r"^the\s+(?:holy\s+)?bible|^le\s+(?:saint\s+)?coran",
    re.IGNORECASE,
)
# "Retrieved from https://...", "In: ...", "Available at": tails of the entry above
_TAIL_START = _rx.compile(
    r"^(?:retrieved\s+(?:from|on)|available\s+(?:at|from|online)|accessed|consulted|"
    r"consulté|in:|doi:|https?://|www\.|متاح|تاريخ\s+الزيارة|تم\s+الاطلاع)",
    re.IGNORECASE,
)
# "[in Arabic]", "[بالعربية]": a note in brackets alone on a line
_BRACKET_NOTE = _rx.compile(r"^\[[^\[\]]{1,30}\][\s.]*$")
# "Abū al-Ṣalt, Umayyah ibn ʻAbd al-ʻAzīz.": a family name, a comma, given names, a period
# and nothing more (no title, no year)
_NAME_ALONE = _rx.compile(r"^[^,،.:;()\[\]*«»\"“0-9]{1,40}[,،]\s*[^,،.:;()\[\]*«»\"“0-9]{1,50}\.$")
# "(1) نسخ ألف ليلة وليلة": a few words, no bibliographic punctuation
_SHORT_TITLE = _rx.compile(r"^[^,،.:;؛0-9]{1,60}$")


_SEPARATORS = lazy(r"[,،:;؛.]")


# "د. ", "أ. د. ", "Dr. ", "Prof. " before a name
_HONORIFIC = _rx.compile(r"^(?:(?:أ\s*\.\s*)?د\s*[./]\s*|(?:dr|prof|pr)\.?\s+)", re.IGNORECASE)


# "شلبي (أحمد): ...", "مدكور (د. إبراهيم): ...": the given name in brackets between the
# family name and its colon (the list's "Family: Title" shape)
_GIVEN_IN_BRACKETS = _rx.compile(r"\s*\([^()]{1,40}\)\s*:")


def _shape(text: str) -> tuple[str, int] | None:
    text = _HONORIFIC.sub("", text, count=1)
    m = _SHAPE.match(text)
    if m is None:
        return None
    sep = {"،": ",", "«": "(", '"': "(", "“": "("}.get(m.group("sep"), m.group("sep"))
    if sep == "(" and _GIVEN_IN_BRACKETS.match(text, m.end("head")):
        sep = ":"
    head = m.group("head")
    if any(c.isdigit() for c in head):
        return sep, 9  # "Thèse de 3ème Cycle,": not a name
    # a name is one to four words; what runs longer is a title or a phrase
    return sep, 1 if len(head.split()) <= 4 else 5


def _prose(text: str) -> bool:
    """A lead-in sentence ("The following books were also helpful:"), not an entry: no
    separator before its closing colon."""
    return (
        text.endswith(":")
        and len(text.split()) >= 5
        and _SEPARATORS.search(text[:-1]) is None
        and P.YEAR.search(text) is None
        and P.search(P.URL, text) is None
    )


def _author_group(text: str) -> bool:
    """``أركون، محمد:`` alone on its line: the author of the works listed under it."""
    body = text.rstrip()
    if not body.endswith(":") or P.YEAR.search(body) or not _LETTERS.search(body):
        return False
    head = body[:-1].strip()
    return 0 < len(head.split()) <= 5 and ":" not in head and "." not in head.replace(". ", "")


class _Layout(Plain):
    """What a list's lines share, for deciding where its entries start."""

    __slots__ = ("blank_separated", "numbered", "section", "shapes")

    numbered: bool
    blank_separated: bool
    shapes: dict[int | None, tuple[str, int]]  # sub-section line -> its entries' shape
    section: int | None

    def __init__(
        self,
        numbered: bool,
        blank_separated: bool,
        shapes: dict[int | None, tuple[str, int]],
        section: int | None = None,
    ) -> None:
        self.numbered = numbered
        self.blank_separated = blank_separated
        self.shapes = shapes
        self.section = section

    def entry_like(self, text: str) -> bool:
        shape = self.shapes.get(self.section)
        return shape is not None and _shape(text) == shape


def _numbered_list(block: ListBlock, content: list[Line]) -> bool:
    """Do the list's entries carry numbers? At least two numbered lines, and 40% of the
    lines that could start an entry. A line that goes on from the open line right above
    it (which ends with a word or a comma, or this one opens with punctuation) starts no
    entry and is not counted: a numbered list wrapped at a narrow width (three lines an
    entry) stays numbered. The separator lines left out of the block count as when they
    were in it."""
    numbered_count = 0
    starts = block.dropped()
    prev: Line | None = None
    for ln in content:
        text = ln.text.strip()
        if P.LIST_NUMBER.match(text):
            numbered_count += 1
            starts += 1
        elif not (
            prev is not None
            and ln.number - prev.number == 1
            and (not _closed(prev.text.strip()) or _CONT_START.match(text) is not None)
        ):
            starts += 1
        prev = ln
    return numbered_count >= 2 and numbered_count >= 0.4 * max(1, starts)


def _layout(block: ListBlock, lines: list[Line]) -> _Layout:
    content = [ln for ln in lines if ln.number not in block.sub_headings]
    numbered = _numbered_list(block, content)
    # (the separator lines left out of the block count as when they were in it)
    dropped = block.dropped()
    # blank lines between most neighbouring lines: each paragraph is an entry
    gaps = pairs = 0
    for a, b in pairwise(content):
        pairs += 1
        gaps += b.number - a.number > 1
    # each run left out: its lines' pairs (no gap), less the gap its ends now seem to have
    pairs += dropped
    gaps -= len(block.runs)
    blank_separated = pairs >= 2 and gaps >= 0.6 * pairs
    run_after = {first - 1: last - first + 1 for first, last in block.runs}
    # the shape most lines of each sub-section share
    counts: dict[int | None, dict[tuple[str, int], int]] = {}
    sizes: dict[int | None, int] = {}
    section: int | None = None
    for ln in lines:
        if ln.number in block.sub_headings:
            section = ln.number
            continue
        sizes[section] = sizes.get(section, 0) + 1 + run_after.get(ln.number, 0)
        _num, rest = _number(ln.text.strip())
        sh = _shape(rest)
        if sh is not None:
            per = counts.setdefault(section, {})
            per[sh] = per.get(sh, 0) + 1
    shapes: dict[int | None, tuple[str, int]] = {}
    for sec, per in counts.items():
        best = max(per.items(), key=lambda kv: kv[1])
        if best[1] >= 2 and best[1] >= 0.4 * sizes[sec]:
            shapes[sec] = best[0]
    return _Layout(numbered=numbered, blank_separated=blank_separated, shapes=shapes)


def _starts_entry(entry: RawEntry, text: str, prev: Line, ln: Line, layout: _Layout) -> bool:
    """Does the unnumbered, unbulleted line ``text`` start an entry after ``entry``?"""
    gap = ln.number - prev.number > 1
    if _CONT_START.match(text) or (not gap and _ERA_START.match(text)):
        return False
    if not gap and _BRACKET_NOTE.match(text):
        return False  # "... 1876." / "[in Arabic]": the entry's note, that a wrap carried
    if _TAIL_START.match(text):
        # a URL on its own line ends the entry above, unless that one has its URL
        return entry.has_url and P.URL.match(text) is not None
    if entry.group_head:
        return True  # the works under "(5) أركون، محمد:"
    if layout.blank_separated:
        return gap
    if not gap and _open_abbreviation(entry):
        return False  # "..., St." / "Martin's Press, New York, 1988.": one entry
    if _VOLUME_LINE.match(text):
        return False  # "الجزء الثاني، دار ...": another volume of the work above
    if layout.numbered:
        if entry.number is not None and _ends_with_url(entry.last) and text[:1].isupper():
            # "7. Moncarlo ..., <https://n9.cl/aidw5>" / "Nurhan Abu al-Futuh, Russia, ...":
            # a numbered entry ends with its URL; a line opening with a capital under it
            # (no "Retrieved"/"Accessed" tail: above) is an unnumbered entry of its own
            return True
        if not gap and _INITIAL_END.search(entry.last[-4:]):
            return False  # "... اعتنى بنشره: ب." / "شالميتا، ...": a name's initial ends no entry
        if (
            entry.number is None
            and _ends_with_year(entry.text)
            and not _ENTRY_TAIL.match(text)
            and not _CONT_START.match(text)
        ):
            return True  # the next work under an author's heading ("(44) Name، Given:")
        return not _continues(entry, text, numbered=True)
    if not gap and _NAME_ALONE.match(entry.text) and not _ENTRY_START.match(text):
        # "Abū al-Ṣalt, Umayyah ibn ʻAbd al-ʻAzīz." / "*Dīwān ...*. Bayrūt: ...": an author
        # alone is no entry; a narrow column cut the line after the name
        return False
    if gap and _closed(entry.last) and (entry.has_year or layout.entry_like(text)):
        return True
    if _closed(entry.last) and layout.entry_like(text):
        return True
    return not _continues(entry, text, numbered=False)


def entry_script(text: str) -> str:
    """``arabic`` or ``latin`` by the letters an entry opens with (its author and title):
    a Latin entry with an Arabic note after it (``Collingwood, R. G., The Idea of Nature,
    1945. (لهذا الكتاب ترجمة عربية ...)``) is Latin."""
    # (the letters joined by one substitution: no string per letter); the first 60 of
    # the first 400 characters, from the first 100 when those hold 60 (most entries)
    head = _NOT_LETTERS.sub("", text[:100])
    if len(head) < 60 and len(text) > 100:
        head = _NOT_LETTERS.sub("", text[:400])
    head = head[:60]
    return script_of(head or text)


def _short_entry_before(before: Line, after: Line, full: int) -> bool:
    """``(5) المنجد`` / ``كتب الحديث الشريف`` / ``(6) البخاري``: the line above is a whole
    numbered entry (under half a full line: no wrap cut it) and the one below has the
    next number, so the short line between them starts a sub-section, not the entry's
    next line."""
    num, rest = _number(before.text.strip())
    after_num, _rest = _number(after.text.strip())
    return (
        num is not None
        and after_num == num + 1
        and 2 * len(before.text.strip()) <= full
        and _SHORT_TITLE.match(rest.strip()) is not None
    )


def _title_cut_at_colon(line: Line, after: Line) -> bool:
    """``al-Tasanif al-mansubah ila faylasuf al-Arab:`` / ``bahth bi-munasabat ... wa-al-``:
    a title-first entry that a narrow column cut after its title's colon, not an author's
    group heading. A title of four words or more (no name's comma) ends the line with its
    colon, and the line right under it goes on (a lower-case word opens it, it ends open,
    it has no year) with no entry's opening."""
    head = line.text.strip()
    nxt = after.text.strip()
    return (
        after.number - line.number == 1
        and head.endswith(":")
        and len(head.split()) >= 4
        and "," not in head
        and "،" not in head
        and P.LIST_NUMBER.match(head) is None
        and nxt[:1].islower()
        and not _closed(nxt)
        and not _has_year(nxt)
        and _ENTRY_START.match(nxt) is None
    )


def _sub_heading_lines(block: ListBlock, lines: list[Line]) -> None:
    """Lines that head the entries after them, found by the list's own structure:

    * over unnumbered entries, a numbered line of a few words without bibliographic
      punctuation: "(1) نسخ ألف ليلة وليلة";
    * a numbered line whose words are a sub-heading's: "(1) المجلات والدوريات";
    * over numbered entries, a short unpunctuated line before a numbered one: "مؤلفات",
      "كتب الحديث الشريف", a letter of the alphabet "أ".
    """
    content = [ln for ln in lines if ln.number not in block.sub_headings]
    numbered = _numbered_list(block, content)
    # the length of the list's full lines (the 90th percentile): a line under half of it
    # was not cut by a wrap
    lengths = sorted(len(ln.text.strip()) for ln in lines)
    full = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    for i, ln in enumerate(lines):
        if ln.number in block.sub_headings or ln.number in block.failed:
            continue
        text = ln.text.strip()
        num, rest = _number(text)
        rest = rest.strip()
        if num is not None:
            if (
                _SHORT_TITLE.match(rest)
                and _LETTERS.search(rest)
                and (not numbered or is_sub_heading(rest))
            ):
                block.sub_headings[ln.number] = ln.raw.strip()
            continue
        if not numbered or i + 1 >= len(lines):
            continue
        if not _SHORT_TITLE.match(text) or len(text.split()) > 5 or not _LETTERS.search(text):
            continue
        if _SCRIPTURE.match(text):
            continue
        if not P.LIST_NUMBER.match(lines[i + 1].text.strip()):
            continue
        before = lines[i - 1] if i else None
        opened = (
            before is None
            or before.number in block.sub_headings
            or ln.number - before.number > 1
            or _closed(before.text.strip())
            or _short_entry_before(before, lines[i + 1], full)
        )
        if opened:
            block.sub_headings[ln.number] = ln.raw.strip()


def group_entries(block: ListBlock) -> tuple[list[RawEntry], dict[int, str]]:
    """Entries of a list block, and the lines that failed (line -> reason)."""
    lines = [ln for ln in block.lines if ln.text.strip()]
    _sub_heading_lines(block, lines)
    layout = _layout(block, lines)
    entries: list[RawEntry] = []
    failed: dict[int, str] = {}
    section: int | None = None
    current: RawEntry | None = None
    expected = 1
    prev: Line | None = None
    present = {ln.number for ln in block.lines}
    pending: tuple[int, Line] | None = None  # a list number printed on its own line
    # a list whose entries open with bullets: a third of its lines at least have one
    bulleted = 3 * sum(1 for ln in lines if P.BULLET.match(ln.text)) >= len(lines)
    for idx, ln in enumerate(lines):
        text = ln.text.strip()
        if prev is not None and any(k not in present for k in range(prev.number + 1, ln.number)):
            current = None  # a line that left the list (a footnote) stood between
        if ln.number in block.sub_headings:
            section = layout.section = ln.number
            current = None
            prev = ln
            continue
        if ln.number in block.failed:
            failed[ln.number] = block.failed[ln.number]
            current = None  # no entry runs across a table row or a page head
            continue
        if SEPARATOR_LINE.match(text):
            failed[ln.number] = "separator"
            current = None
            continue
        lone = _LONE_NUMBER.match(text)
        if lone is not None and idx + 1 < len(lines):
            after = lines[idx + 1]
            if (
                after.number not in block.sub_headings
                and after.number not in block.failed  # (a table row: not an entry's text)
                # (no line that left the list, a footnote, between the two)
                and all(k in present for k in range(ln.number + 1, after.number))
                and _LETTERS.search(after.text)
                and not P.LIST_NUMBER.match(after.text.strip())
            ):
                # "(12)" alone, the entry on the next line: the number of that entry
                pending = (int(next(g for g in lone.groups() if g)), ln)
                current = None
                prev = ln
                continue
        if not _LETTERS.search(text):
            # "١٩٥٥." finishing a wrapped entry; otherwise a stray number
            if current is not None and (not _closed(current.last) or not current.has_year):
                current.add(text, ln)
                prev = ln
                continue
            failed[ln.number] = "no-letters"
            current = None  # an entry never spans a failed line
            continue
        num, rest, number_pattern = _numbered(text, expected)
        if (
            num is not None
            and pending is None
            and not layout.numbered
            and current is not None
            and prev is not None
            and ln.number - prev.number == 1
            and not _closed(current.last)
        ):
            # "... - مج ١٨ - عدد" / "٣ - أكتوبر، ...": in a list whose entries carry no
            # numbers, a number opening the line right under an open one is the text's,
            # carried there by a wrap
            num, rest, number_pattern = None, text, P.LIST_NUMBER
        number_line: Line | None = None
        if pending is not None and num is None:
            num, number_line = pending
            rest = text
        pending = None
        ditto = _DITTO.match(text) if num is None else None
        bullet = None
        if num is None and ditto is None:
            bullet = P.BULLET.match(rest)
            if (
                bullet is not None
                and (layout.numbered or not bulleted)
                and current is not None
                and (
                    not _closed(current.last)
                    # "... - مج ١٨ - عدد ٣" / "- أكتوبر ١٩٨٧م.": an entry without its year
                    # that stops at an issue's number goes on
                    or (
                        not current.has_year
                        and not current.has_url
                        and _SHORT_NUMBER_END.search(current.last.rstrip()[-5:]) is not None
                    )
                )
                and prev is not None
                and ln.number - prev.number == 1
            ):
                # "- X" right under an open line of a numbered entry ("دار التقوى" / "- دار
                # الفتح، ...") or of a list whose entries have no bullets: a wrapped
                # dash, not a bullet
                bullet = None
            if bullet:
                rest = rest[bullet.end() :]
        starts = num is not None or bullet is not None or ditto is not None or current is None
        if not starts and current is not None and prev is not None:
            starts = _starts_entry(current, text, prev, ln, layout)
        if not starts and current is not None:
            current.add(text, ln)
            prev = ln
            continue
        cut_title = idx + 1 < len(lines) and _title_cut_at_colon(ln, lines[idx + 1])
        if num is None and bullet is None and _prose(text) and not cut_title:
            failed[ln.number] = "prose"
            current = None
            continue
        if num is None and bullet is None and ditto is None and _bracketed_note(text):
            failed[ln.number] = "note"  # "(ركزت في قائمة المراجع ... في هذا الكتاب.)"
            current = None
            continue
        expected = (num or 0) + 1
        printed = (
            ln.printed(number_pattern) if num is not None and number_line is None else ln.printed()
        )
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
            first = number_line if number_line is not None and i == 0 else ln
            current = RawEntry(
                line=first.number, number=num if i == 0 else pnum, section_line=section
            )
            if first is not ln:
                current.raw_parts.append(first.raw)  # the number's own line
            current.add(ptext, ln, cuts[i] if i < len(cuts) else ptext)
            entries.append(current)
            if i and pnum is not None:
                expected = pnum + 1  # "998. A 999. B" on one line: 1000 comes next
        if len(pieces) == 1 and current is not None and _author_group(rest) and not cut_title:
            current.group_head = True
        prev = ln
    # a note in brackets that a wrap cut over several lines: "(ركزت في قائمة المراجع على
    # الكتب ..." / "... في هذا الكتاب.)"; no entry
    index = {ln.number: i for i, ln in enumerate(lines)}
    kept: list[RawEntry] = []
    for entry in entries:
        text = entry.text
        # (one bracket: "(Title) ... (Press)" has brackets of its own)
        if (
            len(entry.parts) > 1
            and entry.number is None
            and text.count("(") == 1
            and _bracketed_note(text)
        ):
            at = index.get(entry.line, 0)
            for ln in lines[at : at + len(entry.parts)]:
                failed[ln.number] = "note"
            continue
        kept.append(entry)
    return _fold_author_groups(block, kept), failed


def _bracketed_note(text: str) -> bool:
    """``(ركزت في قائمة المراجع ... في هذا الكتاب.)``: a sentence in brackets about the
    list, five words or more and no year: no entry."""
    return (
        text.startswith("(")
        and text.rstrip(" .").endswith(")")
        and len(text.split()) >= 5
        and P.YEAR.search(text) is None
    )


def _fold_author_groups(block: ListBlock, entries: list[RawEntry]) -> list[RawEntry]:
    """An author-group line followed by its works is a heading, not an entry."""
    out: list[RawEntry] = []
    for i, e in enumerate(entries):
        following = entries[i + 1] if i + 1 < len(entries) else None
        if (
            e.group_head
            and len(e.raw_parts) == 1
            and following is not None
            and not following.group_head
        ):
            block.sub_headings[e.line] = block_line_text(block, e.line)
            for f in entries[i + 1 :]:
                if f.number is not None or f.section_line != e.section_line:
                    break
                f.section_line = e.line
            continue
        out.append(e)
    return out


def block_line_text(block: ListBlock, number: int) -> str:
    """The printed text of a line of the block (stripped)."""
    for ln in block.lines:
        if ln.number == number:
            return ln.raw.strip()
    return ""
