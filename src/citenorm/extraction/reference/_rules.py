"""One reference (a list entry or a footnote) -> CSL-JSON fields.

The parser works on three shapes that cover the house styles citenorm reads:

* **APA**: ``Author. (Year). Title (Edition). Place: Publisher.``
* **period style** (ACRPS/Chicago lists): ``Family، Given. Title. Edition. Place: Publisher، Year.``
* **comma style** (Iraqi lists and footnotes, Chicago footnotes):
  ``Family، Given، Title، Journal، العدد N، (Publisher، Place، Year)، ص N``

First the unambiguous parts are taken out (URL, DOI, access date, pages, volume, issue,
edition, thesis genre and status, the publication year); what remains is cut into
segments, and each segment is given a role by its position and its vocabulary (places,
publisher and journal words from :mod:`citenorm.lexicon`). Removed parts are blanked
with spaces of the same length, so segment offsets stay valid and values are sliced
from the text as printed (with ASCII digits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from citenorm.extraction.names import is_given, looks_like_name, name_shape, parse_names
from citenorm.models import Date, Fields
from citenorm.text import lexicon
from citenorm.text import patterns as P
from citenorm.text.normalize import clean

__all__ = ["parse_reference"]

Context = Literal["entry", "footnote"]

_STRIP = " \t،,.:;؛-–*\"'«»“”"
# a sentence end: a period after two letters (not an initial "A."), or after "1936 م",
# or a question/exclamation mark
# (written to start with its first character, [\s.], so that the engine searches for
# that class; every look-behind includes the character matched: the plain form
# r"(?<=[^\s.]{2})\s*\.(?=\s)|(?<=[0-9]\sم)\.(?=\s)|(?<=[0-9]م)\.(?=\s)|(?<=[?!؟])\s" finds the
# same matches three times slower)
_SENTENCE = re.compile(
    r"[\s.](?:(?<=[^\s.]{2}\s)\s*\.(?=\s)|(?<=[^\s.]{2}\.)(?=\s)"
    r"|(?<=[0-9]\sم\.)(?=\s)|(?<=[0-9]م\.)(?=\s)|(?<=[?!؟]\s))"
)
_EMPTY_PARENS = re.compile(r"\(\s*\)|\[\s*\]")
_QUOTES = re.compile(r"[“”«»]")
_YEAR_RANGE = re.compile(r"^\s*[0-9]{3,4}\s*[-–]\s*[0-9]{3,4}\s*(?:م)?\s*$")
_COLON = re.compile(r"\s*:\s*")
_LETTER = re.compile(r"[^\W\d_]")
_WORD_DIGITS = {
    "الأولى": "1",
    "الاولى": "1",
    "الأولي": "1",
    "الثانية": "2",
    "الثانيه": "2",
    "الثالثة": "3",
    "الثالثه": "3",
    "الرابعة": "4",
    "الخامسة": "5",
    "السادسة": "6",
    "السابعة": "7",
    "الثامنة": "8",
    "التاسعة": "9",
    "العاشرة": "10",
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
    "sixth": "6",
    "seventh": "7",
    "eighth": "8",
    "ninth": "9",
    "tenth": "10",
}


@dataclass(slots=True)
class _Seg:
    start: int
    end: int
    text: str


class _Text:
    """The reference text with blanking of parts already taken out."""

    def __init__(self, text: str) -> None:
        self.s = text
        # blanking only removes text: a keyword absent from the text as first given is
        # absent for good, so the hints read this lowercased copy, made once
        self.low = text.lower()

    def take_all(self, pattern: re.Pattern[str]) -> None:
        """Blank every match of ``pattern`` in one pass."""
        spans = [(m.start(), m.end()) for m in P.finditer(pattern, self.s, self.low)]
        if spans:
            chars = list(self.s)
            for start, end in spans:
                chars[start:end] = " " * (end - start)
            self.s = "".join(chars)

    def blank(self, start: int, end: int) -> None:
        self.s = self.s[:start] + " " * (end - start) + self.s[end:]

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """Take (blank) the first match of ``pattern`` and return it."""
        m = P.search(pattern, self.s, self.low)  # skipped when its keyword is absent
        if m is None:
            return None
        self.blank(m.start(), m.end())
        return m


def _has_letters(text: str) -> bool:
    return _LETTER.search(text) is not None


_SPACES = re.compile(r"\s+")


def _squash(text: str, step: int = 1 << 14) -> str:
    """``" ".join(text.split())``, a long text slice by slice (cut after a run of spaces):
    the list of the words of a whole long line is 10x its size."""
    if len(text) <= step:
        return " ".join(text.split())
    parts: list[str] = []
    start = 0
    while start < len(text):
        cut = _SPACES.search(text, start + step)
        end = cut.end() if cut else len(text)
        part = " ".join(text[start:end].split())
        if part:
            parts.append(part)
        start = end
    return " ".join(parts)


def _tidy(text: str) -> str:
    text = _EMPTY_PARENS.sub(" ", text)
    text = _squash(text)
    # unbalanced brackets left by removals
    if text.count("(") != text.count(")"):
        text = (
            text.replace("(", " ").replace(")", " ")
            if text.count("(") + text.count(")") == 1
            else text
        )
    return _squash(text).strip(_STRIP)


_SEP_OR_BRACKET = re.compile(r"[()\[\],،;؛]")


def _segments(text: str, start: int, end: int) -> list[_Seg]:
    """Split ``text[start:end]`` at separators (``,`` ``،`` ``;`` ``؛``) outside brackets;
    drop empty segments."""
    segs: list[_Seg] = []
    depth = 0
    seg_start = start
    for m in _SEP_OR_BRACKET.finditer(text, start, end):
        ch = m.group()
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            segs.append(_Seg(seg_start, i, text[seg_start:i]))
            seg_start = i + 1
    segs.append(_Seg(seg_start, end, text[seg_start:end]))
    # a segment with no letters is dropped, except a range of years ending a title
    return [s for s in segs if _has_letters(s.text) or _YEAR_RANGE.match(s.text)]


def _slice(printed: str, segs: list[_Seg]) -> str:
    if not segs:
        return ""
    return _tidy(printed[segs[0].start : segs[-1].end])


_GREGORIAN_MARK = re.compile(r"\s*م(?![\w])")
_RANGE_BEFORE = re.compile(r"[0-9]\s*[-–]\s*$")
_RANGE_AFTER = re.compile(r"^\s*[-–]\s*[0-9]")


def _year_candidates(text: str) -> list[re.Match[str]]:
    """Standalone years: not a part of a range ``2000-2012``/``٢٠٢٣-٢٠١٤``."""
    out = []
    for m in P.YEAR.finditer(text):
        # a few characters either side decide (a window keeps this linear)
        before = text[max(0, m.start() - 12) : m.start()]
        after = text[m.end() : m.end() + 12]
        if _RANGE_BEFORE.search(before):
            continue
        if _RANGE_AFTER.match(after):
            continue
        out.append(m)
    return out


def _date(
    t: _Text, printed: str, *, apa_span: tuple[int, int] | None
) -> tuple[Date | None, int | None]:
    """Take the publication date out of ``t``; return (issued, hijri)."""
    lo, hi = apa_span if apa_span else (0, len(t.s))
    region = t.s[lo:hi]
    # (the Hijri patterns run only when their marks are there: "/" or "=", "هـ" or "H.")
    pair = P.finditer(P.HIJRI_PAIR, region)
    if pair:
        m = pair[0] if apa_span else pair[-1]
        t.blank(lo + m.start(), lo + m.end())
        raw = _tidy(printed[lo + m.start() : lo + m.end()])
        return Date.model_validate({"date-parts": [[int(m.group("g"))]], "raw": raw}), int(
            m.group("h")
        )
    years = _year_candidates(region)
    hijri_only = P.finditer(P.HIJRI_ONLY, region)
    if hijri_only and (not years or hijri_only[-1].start() >= years[-1].start()):
        m = hijri_only[0] if apa_span else hijri_only[-1]
        t.blank(lo + m.start(), lo + m.end())
        raw = _tidy(printed[lo + m.start() : lo + m.end()])
        return Date(literal=raw, raw=raw), int(m.group("h"))
    if years:
        m = years[0] if apa_span else years[-1]
        t.blank(lo + m.start(), lo + m.end())
        # a trailing "م" (Gregorian) belongs to the year
        after = _GREGORIAN_MARK.match(t.s, lo + m.end())
        if after:
            t.blank(after.start(), after.end())
        return Date.model_validate({"date-parts": [[int(m.group("y"))]], "raw": m.group("y")}), None
    return None, None


def _edition_value(m: re.Match[str]) -> str:
    for key in ("ar", "en1", "en2", "rom", "fa", "fr"):
        v = m.group(key)
        if v:
            v = v.strip()
            return _WORD_DIGITS.get(v.lower(), _WORD_DIGITS.get(v, v))
    return m.group(0).strip()


def _accessed(t: _Text, url_end: int | None) -> Date | None:
    m = None
    aw = P.search(P.ACCESS_WORDS, t.s)
    if aw:
        m = P.DMY.search(t.s, aw.end()) or P.ISO_DATE.search(t.s, aw.end())
        t.blank(aw.start(), aw.end())
    if m is None and url_end is not None:
        m = P.DMY.search(t.s, max(0, url_end - 1))
    if m is None:
        return None
    y = int(m.group("y"))
    if y < 100:
        y += 2000
    d, mo = int(m.group("d")), int(m.group("m"))
    t.blank(m.start(), m.end())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return Date(raw=m.group(0))
    return Date.model_validate({"date-parts": [[y, mo, d]], "raw": " ".join(m.group(0).split())})


def _is_place(text: str) -> bool:
    return lexicon.is_place(text.strip(_STRIP + "[]()"))


def _imprint_role(text: str) -> str:
    s = text.strip(_STRIP + "[]()")
    if not s:
        return "empty"
    if lexicon.is_place(s):
        return "place"
    return "publisher"


def _split_place_publisher(seg: str) -> tuple[str | None, str | None]:
    """``مصر: المطبعة العامرة`` -> (place, publisher); a lone place or publisher also."""
    parts = _COLON.split(seg.strip(_STRIP), maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and len(parts[0].split()) <= 5:
        place, pub = parts[0].strip(_STRIP + "[]"), parts[1].strip(_STRIP)
        return (place or None), (pub or None)
    s = seg.strip(_STRIP)
    if not s:
        return None, None
    if _is_place(s):
        return s, None
    return None, s


def _segment_role(text: str) -> str:
    s = text.strip(_STRIP)
    words = s.split()
    if lexicon.has_journal_word(s):
        # "Maṭbaʻat Majallat al-Manār": the press of a journal is a publisher
        lead = " ".join(re.sub(r"^(?:ṭubiʻ|tubi|طبع)\s+(?:bi-|ب)?", "", s).split()[:1])
        if lead and lexicon.has_publisher_word(lead):
            return "publisher"
        return "journal"
    if _is_place(s):
        return "place"
    if lexicon.has_publisher_word(s):
        # a long segment that only mentions an institution late is a title (a missing
        # comma before the publisher), not a publisher
        if len(words) > 8 and not lexicon.has_publisher_word(" ".join(words[:3])):
            return "unknown"
        return "publisher"
    return "unknown"


def _units(text: str) -> int:
    words = text.split()
    n = 0
    skip = False
    for i, w in enumerate(words):
        if skip:
            skip = False
            continue
        lw = w.lower().rstrip("-")
        if i + 1 < len(words) and (
            lw
            in {
                "عبد",
                "ابو",
                "أبو",
                "ابن",
                "بن",
                "abd",
                "abdul",
                "abdel",
                "abu",
                "ibn",
                "al",
                "el",
                "bin",
            }
        ):
            skip = True
        elif lw.startswith(("al-", "el-")) and n > 0:
            continue  # "Sharaf al-Din": al-X after a word belongs to it
        n += 1
    return n


_COMPOUND_HEAD = {"عبد", "ابو", "أبو", "abd", "ʻabd", "abdul", "abdel", "abu", "abū", "abou", "ibn"}


def _first_name(words: list[str]) -> str:
    """The first given name: one word, or a compound (``عبد الحسين``, ``Abd al-Husayn``)."""
    if words[0].lower() in _COMPOUND_HEAD and len(words) > 1:
        return " ".join(words[:2])
    return words[0]


def _direct_order(s0: str, s1: str) -> bool:
    """``عبد الله العروي، مفهوم الدولة``: the first segment is a whole name in reading
    order (it opens with a known given name) and the second does not open with one."""
    w0, w1 = s0.split(), s1.split()
    if len(w0) < 2 or not w1:
        return False
    return is_given(_first_name(w0)) and not is_given(_first_name(w1))


def _inverted_by_given_name(s0: str, s1: str) -> bool:
    """``آغا بزرگ الطهراني، محمد محسن``: the second segment opens with a given name and
    the first does not, however many words the family name has."""
    w0, w1 = s0.split(), s1.split()
    if not w0 or not w1 or len(w0) > 4 or len(w1) > 5:
        return False
    return is_given(_first_name(w1)) and not is_given(_first_name(w0))


# prepositions that titles have and publishers' names rarely do
_TITLE_FUNCTION_WORDS = frozenset(
    [
        "في",
        "من",
        "على",
        "الى",
        "إلى",
        "عن",
        "حول",
        "بين",
        "fi",
        "fī",
        "min",
        "ala",
        "ʻala",
        "ʻalá",
        "ila",
        "ilá",
        "an",
        "ʻan",
        "fil",
        "of",
        "on",
        "in",
        "the",
    ]
)


def _opens_with_publisher(text: str) -> bool:
    words = text.strip(_STRIP).split()
    if not 0 < len(words) <= 7 or any(w.lower() in _TITLE_FUNCTION_WORDS for w in words):
        return False
    return lexicon.has_publisher_word(words[0]) or lexicon.has_publisher_word(" ".join(words[:2]))


def _title_like(text: str) -> bool:
    s = text.strip(_STRIP)
    return _segment_role(s) == "unknown" and len(s.split()) >= 3 and not looks_like_name(s)


def _author_and_rest(segs: list[_Seg], context: Context) -> tuple[list[_Seg], bool, list[_Seg]]:
    """Split leading segments into (author segments, inverted?, rest)."""
    if not segs:
        return [], False, segs
    s0 = segs[0].text.strip(_STRIP)
    if lexicon.has_site_word(s0):
        return [], False, segs
    s1 = segs[1].text.strip(_STRIP) if len(segs) > 1 else ""
    shape0 = name_shape(s0) if len(segs) >= 2 else None  # read once, tested for 4 and 6 words
    if (
        len(segs) >= 3
        and s1
        and shape0 is not None
        and shape0 <= 4
        and looks_like_name(s1, max_words=8)
    ):
        max_units = 2 if context == "entry" else 1
        if _segment_role(s1) == "unknown" and (
            (_units(s0) <= max_units and not _direct_order(s0, s1))
            or _inverted_by_given_name(s0, s1)
        ):
            return segs[:2], True, segs[2:]
    if len(segs) >= 2 and shape0 is not None and shape0 <= 6:
        # "Title, Publisher, Place, Year" has no author: the segment after a name must be
        # able to start a title (or be followed by one: "Name, Russia, China and ...")
        imprint_next = _segment_role(s1) in ("place", "publisher", "journal")
        strong = _NAME_PARTICLE.search(s0) is not None or lexicon.is_given_name(s0.split()[0])
        if imprint_next and not strong and not any(_title_like(s.text) for s in segs[2:3]):
            return [], False, segs
        if lexicon.has_corporate_word(s0) or _segment_role(s0) == "unknown":
            return segs[:1], False, segs[1:]
    return [], False, segs


def _assign_head(
    printed: str, segs: list[_Seg], fields: dict[str, object], context: Context
) -> None:
    """Author, title, container, publisher and place from comma-style segments."""
    author_segs, inverted, rest = _author_and_rest(segs, context)
    if author_segs:
        names = parse_names(
            printed[author_segs[0].start : author_segs[-1].end], inverted_first=inverted
        )
        if names:
            fields["author"] = names
    if not author_segs and rest and lexicon.has_site_word(rest[0].text) and len(rest) > 1:
        fields["container-title"] = _tidy(rest[0].text)
        rest = rest[1:]
    title: list[_Seg] = []
    publisher: list[_Seg] = []
    closed = False
    state = "title"
    for seg in rest:
        role = _segment_role(seg.text)
        if (title or state == "after") and ":" in seg.text:
            # "القاهرة: دار المعارف" inside a comma-style entry: place and publisher
            place, pub = _split_place_publisher(seg.text)
            if place and pub and lexicon.is_place(place):
                fields.setdefault("publisher-place", place)
                publisher.append(_Seg(seg.start + seg.text.index(":") + 1, seg.end, pub))
                state = "after"
                continue
        if (
            state == "title"
            and not title
            and role == "publisher"
            and _opens_with_publisher(seg.text)
        ):
            # "Family, Given, Maktabat al-Nahḍah, Baghdād, 1938": no title, the imprint follows
            state = "after"
        if state == "title":
            if not title or role == "unknown" or (role == "place" and not _is_place(seg.text)):
                title.append(seg)
                continue
            state = "after"
        if role == "journal" and "container-title" not in fields:
            fields["container-title"] = _tidy(seg.text)
            continue
        if role == "place":
            if "publisher-place" not in fields:
                fields["publisher-place"] = _tidy(seg.text)
            if publisher:
                closed = True  # the publisher's name ended where the place began
            continue
        if closed:
            continue
        if role in ("publisher", "unknown"):
            publisher.append(seg)
    if title:
        fields["title"] = _slice(printed, title)
    if publisher and "publisher" not in fields:
        fields["publisher"] = _slice(printed, publisher)


def _assign_imprint(printed: str, start: int, end: int, fields: dict[str, object]) -> None:
    """``Place: Publisher, Place2`` or ``Publisher، Place`` inside brackets or at the end."""
    text = printed[start:end]
    place: str | None = None
    pubs: list[str] = []
    colon = re.search(r":", text)
    if colon and len(text[: colon.start()].split()) <= 5 and _has_letters(text[: colon.start()]):
        place = _tidy(text[: colon.start()]) or None
        segs = _segments(printed, start + colon.end(), end)
    else:
        segs = _segments(printed, start, end)
    pub_segs: list[_Seg] = []
    for seg in segs:
        role = _imprint_role(seg.text)
        if role == "place" and (place is None or pub_segs):
            if place is None:
                place = _tidy(seg.text)
            continue
        if role == "place":
            continue
        if role == "publisher":
            pub_segs.append(seg)
    if pub_segs:
        pubs.append(_slice(printed, pub_segs))
    if place and "publisher-place" not in fields:
        fields["publisher-place"] = place
    if pubs and pubs[0] and "publisher" not in fields:
        fields["publisher"] = pubs[0]


def _find_paren_imprint(t: _Text) -> tuple[int, int] | None:
    """The last bracketed group that still holds letters (a publisher or a place)."""
    best = None
    for m in re.finditer(r"\(([^()]*)\)", t.s):
        inner = m.group(1)
        if not _has_letters(inner) or m.start() < len(t.s) * 0.3:
            continue
        segs = [s.strip(_STRIP) for s in re.split(r"[,،:;؛]", inner)]
        roles = [_imprint_role(s) for s in segs if s]
        if (
            any(lexicon.is_place(s) or lexicon.has_publisher_word(s) for s in segs if s)
            or ":" in inner
        ):
            best = (m.start(1), m.end(1)) if roles else best
    return best


def _type(fields: dict[str, object]) -> str:
    if fields.get("genre"):
        return "thesis"
    if fields.get("container-title") or fields.get("issue"):
        ct = str(fields.get("container-title") or "")
        if lexicon.has_journal_word(ct) or fields.get("issue") or fields.get("volume"):
            return "article-journal"
        if fields.get("URL"):
            return "webpage"
    if fields.get("URL"):
        return "webpage"
    return "book"


_RARE_PARTS = P.any_hint(
    P.DOI,
    P.URL,
    P.ACCESS_WORDS,
    P.AVAILABLE_AT,
    P.LANGUAGE_NOTE,
    P.THESIS,
    P.UNPUBLISHED,
    P.NO_DATE,
)


def parse_reference(text: str, *, context: Context = "entry") -> Fields:
    """Parse one reference into :class:`~citenorm.models.Fields` (never raises)."""
    printed = clean(text).replace("\t", " ")
    # Markdown italics mark the title (Chicago/APA lists): remember where, then blank them
    italic = _ITALIC.search(printed)
    printed = printed.replace("*", " ")
    if "“" in printed or "”" in printed or "«" in printed or "»" in printed:
        printed = _QUOTES.sub('"', printed)
    if context == "footnote":
        m = P.SEE_PREFIX.match(printed)
        if m:
            printed = " " * m.end() + printed[m.end() :]
    t = _Text(printed)
    fields: dict[str, object] = {}
    # most references hold none of the rarer parts (web address, thesis, "n.d."...): one
    # check for all of them, and their takes are skipped (each would find nothing)
    rare = _RARE_PARTS(t.s, t.low)

    url_end: int | None = None
    doi = t.take(P.DOI) if rare else None
    if doi:
        fields["DOI"] = doi.group("doi").rstrip(".,;)>")
    url = t.take(P.URL) if rare else None
    if url:
        fields["URL"] = url.group("url").rstrip(".,;،)")
        url_end = url.end()
    accessed = _accessed(t, url_end) if rare else None
    if accessed:
        fields["accessed"] = accessed
    if rare:
        t.take_all(P.AVAILABLE_AT)
        t.take_all(P.LANGUAGE_NOTE)
    page = t.take(P.PAGES)
    if page:
        value = re.sub(r"\s*[-–]\s*", "-", page.group("page"))
        value = re.sub(r"\s*(?:و|،|,|and|&)\s*", ",", value)
        fields["page"] = value.strip()
    journal_tail = t.take(P.APA_JOURNAL)
    if journal_tail:
        fields["volume"] = journal_tail.group("vol")
        fields["issue"] = re.sub(r"\s+", "", journal_tail.group("iss"))
        if journal_tail.group("page") and "page" not in fields:
            fields["page"] = re.sub(r"\s*[-–]\s*", "-", journal_tail.group("page"))
    vol = None if journal_tail else t.take(P.VOLUME)
    if vol:
        fields["volume"] = vol.group("num")
    issue = None if journal_tail else t.take(P.ISSUE)
    if issue:
        fields["issue"] = re.sub(r"\s+", "", issue.group("num"))
    ed = t.take(P.EDITION)
    if ed:
        fields["edition"] = _edition_value(ed)
    thesis = t.take(P.THESIS) if rare else None
    if thesis:
        fields["genre"] = " ".join(thesis.group(0).split())
    status = t.take(P.STATUS) if thesis or (rare and P.search(P.UNPUBLISHED, t.s)) else None
    if status:
        fields["status"] = " ".join(status.group(0).split())
    if rare:
        t.take_all(P.NO_DATE)  # "د.ت" / "n.d.": no year, and not a part of the publisher
    # brackets emptied by the removals above would hide sentence ends: "Title (). Place"
    t.s = _EMPTY_PARENS.sub(lambda m: " " * len(m.group(0)), t.s)
    apa = P.APA_DATE.search(t.s)
    if (
        apa
        and apa.start() < 220
        and _has_letters(t.s[apa.end() :])
        and not re.match(r"^\s*[,،]", t.s[apa.end() :])
    ):
        _parse_apa(t, printed, apa, fields)
    else:
        issued, hijri = _date(t, printed, apa_span=None)
        if issued:
            fields["issued"] = issued
        if hijri:
            fields["hijri"] = hijri
        _parse_general(
            t, fields, context, italic=(italic.start("i"), italic.end("i")) if italic else None
        )
    if "title" in fields:
        fields["title"] = str(fields["title"]).strip(_STRIP) or None
        if fields["title"] is None:
            del fields["title"]
    fields["type"] = _type(fields)
    return Fields.model_validate(fields)


def _parse_apa(t: _Text, printed: str, m: re.Match[str], fields: dict[str, object]) -> None:
    issued, hijri = _date(t, printed, apa_span=(m.start(), m.end()))
    if issued:
        fields["issued"] = issued
    if hijri:
        fields["hijri"] = hijri
    t.blank(m.start(), m.end())
    pre = (0, m.start())
    post_start = m.end()
    post = t.s[post_start:]
    # the imprint: "Place: Publisher." after the last sentence end
    title_end = len(t.s)
    imprint: tuple[int, int] | None = None
    bounds = [post_start] + [post_start + b.end() for b in _SENTENCE.finditer(post)]
    for b in reversed(bounds):
        seg = t.s[b:].strip(_STRIP)
        if not seg:
            continue
        place, pub = _split_place_publisher(t.s[b:])
        colon_ok = ":" in t.s[b:] and len(t.s[b:].split(":")[0].split()) <= 5
        if (
            colon_ok
            or (place and not pub)
            or (pub and lexicon.has_publisher_word(pub) and b > post_start)
        ):
            imprint = (b, len(t.s))
            title_end = b
        break
    if imprint is None and len(bounds) >= 2:
        # "Title. Journal of Education, 12(2), 45–67.": the last sentence names the journal
        # the last sentence start that still has a letter after it (without copying tails)
        tail = next((i for i in range(len(t.s) - 1, -1, -1) if _LETTER.match(t.s[i])), -1)
        last = max((b for b in bounds if b <= tail), default=post_start)
        if last > post_start and lexicon.has_journal_word(t.s[last:]):
            fields["container-title"] = _tidy(t.s[last:])
            title_end = last
    title = _tidy(t.s[post_start:title_end]) if title_end > post_start else ""
    pre_text = _tidy(t.s[pre[0] : pre[1]])
    if imprint:
        _assign_imprint(t.s, imprint[0], imprint[1], fields)
    if title:
        fields["title"] = title
        if pre_text:
            names = parse_names(pre_text, inverted_first=True)
            if names:
                fields["author"] = names
    elif pre_text:
        fields["title"] = pre_text


def _known_place_colon(text: str) -> bool:
    head = text.split(":", 1)[0].strip(_STRIP) if ":" in text else ""
    return bool(head) and lexicon.is_place(head)


def _imprint_like(text: str) -> bool:
    """``Place: Publisher``, a publisher, or a lone place."""
    place, pub = _split_place_publisher(text)
    if ":" in text and len(text.split(":")[0].split()) <= 5:
        return True
    return (pub is not None and lexicon.has_publisher_word(pub)) or (
        place is not None and pub is None
    )


def _sentence_is_author(first: str, n_sentences: int) -> bool:
    """The first sentence of a period-style entry is an author statement."""
    if re.search(r"[,،]", first):
        parts = [p for p in re.split(r"\s*[,،]\s*", first) if p]
        return all(
            looks_like_name(p, max_words=10) for p in parts
        ) and not lexicon.has_publisher_word(first)
    return (
        n_sentences >= 3
        and looks_like_name(first, max_words=4)
        and not lexicon.has_publisher_word(first)
        and not lexicon.is_place(first)
    )


_ITALIC = re.compile(r"(?<!\*)\*(?!\*)(?P<i>[^*\n]{3,400}?)\*(?!\*)")
# "Lefèvre, Luc J. Title" / "لوفافر، لوك ج. سارتر": a name ending in an initial
_INITIAL_END = re.compile(r"[,،][^.,،]{1,40}?\s(?:[A-ZÀ-Þ]|[\u0621-\u064a])\.(?=\s+\S+\s+\S)")
_NAME_PARTICLE = re.compile(
    r"(?:^|\s)(?:ibn|bin|bint|ab[uū]|ʻ?abd|بن|ابن|بنت|ابو|أبو|عبد)(?:\s|$)", re.IGNORECASE
)
_QUOTED = re.compile(r'"(?P<q>[^"]{6,300}?)(?:"|(?=\s*(?:https?://|www\.|$)))')


def _take_quoted_title(t: _Text, fields: dict[str, object]) -> bool:
    """``Author, "Article title," Journal ...``: a quoted title settles the structure."""
    m = _QUOTED.search(t.s)
    if not m or len(m.group("q").split()) < 2:
        return False
    lead = t.s[: m.start()].rstrip()
    # the quote must open a segment ("Author, "Title"" / "Reuters: "Title""), not end a
    # title that quotes a phrase ("Kitāb al-masāʼil: "masʼalat rubba"")
    if lead and lead[-1] not in ",،.;؛" and not (lead.endswith(":") and len(lead.split()) <= 2):
        return False
    fields["title"] = _tidy(m.group("q"))
    before = t.s[: m.start()].strip(_STRIP)
    t.blank(m.start(), m.end())
    if before:
        if looks_like_name(before.replace("،", " ").replace(",", " "), max_words=10):
            inverted = bool(re.search(r"[,،]", before))
            names = parse_names(before, inverted_first=inverted)
            if names:
                fields["author"] = names
        else:
            fields["container-title"] = _tidy(before)
    for seg in _segments(t.s, m.end(), len(t.s)):
        role = _segment_role(seg.text)
        value = _tidy(seg.text)
        if not value:
            continue
        if role == "place":
            fields.setdefault("publisher-place", value)
        elif role == "publisher" or (role == "unknown" and "container-title" in fields):
            fields.setdefault("publisher", value)
        else:
            fields.setdefault("container-title", value)
    return True


def _parse_general(
    t: _Text, fields: dict[str, object], context: Context, *, italic: tuple[int, int] | None = None
) -> None:
    # 1. a bracketed imprint "(Place: Publisher، Year)" near the end
    paren = _find_paren_imprint(t)
    head_end = len(t.s)
    if paren:
        _assign_imprint(t.s, paren[0], paren[1], fields)
        t.blank(paren[0] - 1, paren[1] + 1)
        head_end = paren[0] - 1
    # 2. a quoted title settles the structure: 'Author, "Title," Journal ...'
    if _take_quoted_title(t, fields):
        return
    if paren:
        _assign_head(t.s, _segments(t.s, 0, head_end), fields, context)
        return
    # 3. period style: "Author. Title. [Edition.] [Place: Publisher,] Year."
    bounds = [0] + [b.end() for b in _SENTENCE.finditer(t.s)] + [len(t.s)]
    if italic:
        # the italic title is a sentence of its own: "Family, Given. *Title*. Place: ..."
        bounds += [italic[0], italic[1]]
    first_end = next((b for b in sorted(bounds) if b > 0), len(t.s))
    initial = _INITIAL_END.search(t.s, 0, first_end)
    if initial and not italic:
        bounds.append(initial.end())
    bounds = sorted(set(bounds))
    sentences = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    sentences = [s for s in sentences if _has_letters(t.s[s[0] : s[1]])]
    if len(sentences) >= 2:
        first = t.s[sentences[0][0] : sentences[0][1]].strip(_STRIP)
        has_author = _sentence_is_author(first, len(sentences))
        rest = sentences[1:] if has_author else sentences
        if has_author or (len(rest) >= 2 and _imprint_like(t.s[rest[-1][0] : rest[-1][1]])):
            if has_author:
                names = parse_names(first, inverted_first=True)
                if names:
                    fields["author"] = names
            last_text = t.s[rest[-1][0] : rest[-1][1]] if rest else ""
            lone = len(rest) == 1 and has_author and _known_place_colon(last_text)
            if (len(rest) >= 2 or lone) and _imprint_like(last_text):
                _assign_imprint(t.s, rest[-1][0], rest[-1][1], fields)
                rest = rest[:-1]
            if rest:
                # the title is one sentence; later ones are leftovers (edition words, series)
                fields["title"] = _tidy(t.s[rest[0][0] : rest[0][1]])
            return
    # 4. comma style
    segs = _segments(t.s, 0, len(t.s))
    _assign_head(t.s, segs, fields, context)
