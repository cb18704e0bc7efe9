"""Labelled tokens -> :class:`~citenorm.models.Fields`.

The labeler says which tokens hold which field; this module turns each field's span of
the printed text into its value: punctuation trimmed, cue words (``العدد``, ``vol.``,
``ص``, ``تحقيق``, ``In:``) taken off, digits Western, names split by the name parser,
dates per the contract (``issued`` the Gregorian year, a printed Hijri year in
``hijri``; a Hijri year alone gives ``issued = {"literal": printed}``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citenorm.extraction.names import parse_names
from citenorm.extraction.reference.tokens import Token
from citenorm.models import Date, Fields
from citenorm.text import lexicon
from citenorm.text import patterns as P
from citenorm.text.vocab import ROLE_CUES_OPENING_TITLES_AR

__all__ = ["build_fields", "spans"]

_STRIP = " \t،,.:;؛-–—*\"'«»“”/"
_OPENERS = "([{"
_CLOSERS = ")]}"

# --- spans --------------------------------------------------------------------------


def spans(tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """Maximal runs of one label: ``(label, first token, last token + 1)``."""
    out: list[tuple[str, int, int]] = []
    start = 0
    for i in range(1, len(labels) + 1):
        if i == len(labels) or labels[i] != labels[start]:
            out.append((labels[start], start, i))
            start = i
    return out


def _balance(text: str) -> str:
    """Drop brackets left unpaired at either end by the trim."""
    for o, c in (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”")):
        while text.endswith(o):  # "Title (" before a bracketed imprint
            text = text[:-1].rstrip(_STRIP)
        while text.endswith(c) and text.count(o) < text.count(c):
            text = text[:-1].rstrip(_STRIP)
        while text.startswith(o) and text.count(o) > text.count(c):
            text = text[1:].lstrip(_STRIP)
        if text.startswith(o) and text.endswith(c) and text.count(o) == 1 and text.count(c) == 1:
            text = text[1:-1].strip(_STRIP)
    return text


def tidy(text: str) -> str:
    """A value as printed, without the separators and brackets around it."""
    text = " ".join(text.split()).strip(_STRIP)
    return _balance(text)


# --- numbers and cues ----------------------------------------------------------------

_NUMBER = re.compile(r"[0-9]+(?:\s*[-–/]\s*[0-9]+)?")
_VOLUME_CUE = re.compile(
    r"^(?:المجلد|مجلد|مج|م|المجلدات|الجزء|جزء|ج|السنة|vols?|volume|v|bd|band|tome|t|al-mujallad|mujallad|al-juzʼ|juzʼ|al-juz|juz)\s*\.?\s*:?\s*",
    re.IGNORECASE,
)
_ISSUE_CUE = re.compile(
    r"^(?:العدد|عدد|ع|الأعداد|الجزء|ج|nos?|number|issue|n°|nº|nr|heft|fasc|al-ʻadad|al-ʿadad|al-adad|ʻadad)\s*\.?\s*:?\s*",
    re.IGNORECASE,
)
_ISSUE_ONLY = re.compile(
    r"^(?:n\s*[°º]|nos?\.|no\b|issue|number|nr\.?|heft|العدد|عدد|ع(?=\s*[0-9]))", re.IGNORECASE
)
_PAGE_CUE = re.compile(
    r"^(?:ص\s*ص|صص|ص|الصفحات|الصفحة|pp|p|pages?|s|ss)\s*\.?\s*:?\s*", re.IGNORECASE
)
_EDITION_WORDS = {
    "الأولى": "1",
    "الاولى": "1",
    "الأولي": "1",
    "الثانية": "2",
    "الثانيه": "2",
    "الثالثة": "3",
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
_ORDINAL_SUFFIX = re.compile(r"^([0-9]+)\s*(?:st|nd|rd|th|e|er|ème|eme|\.)?$", re.IGNORECASE)


def _number_value(text: str, cue: re.Pattern[str]) -> str | None:
    value = tidy(text)
    value = cue.sub("", value, count=1).strip(_STRIP)
    value = tidy(value)
    if not value:
        return None
    m = _NUMBER.search(value)
    if m:
        return re.sub(r"\s+", "", m.group())
    # word ordinals stay words ("المجلد الأول" -> "الأول")
    return value if len(value.split()) <= 3 else None


def _pages(text: str) -> str | None:
    value = _PAGE_CUE.sub("", tidy(text), count=1)
    m = re.search(
        r"[0-9]+(?:\s*[-–]\s*[0-9]+)?(?:\s*(?:،|,|و|and|&)\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?)*", value
    )
    if not m:
        return None
    v = re.sub(r"\s*[-–]\s*", "-", m.group())
    return re.sub(r"\s*(?:و|،|,|and|&)\s*", ",", v)


def _edition(text: str) -> str | None:
    value = tidy(text)
    m = P.EDITION.search(value)
    if m:
        for key in ("ar", "en1", "en2", "rom", "fa", "fr"):
            v = m.group(key)
            if v:
                v = v.strip()
                return _EDITION_WORDS.get(v.lower(), _EDITION_WORDS.get(v, v))
    digits = re.search(r"[0-9]+", value)
    if digits:
        return digits.group()
    for w in value.split():
        if w.lower() in _EDITION_WORDS or w in _EDITION_WORDS:
            return _EDITION_WORDS.get(w.lower(), _EDITION_WORDS.get(w))
    return value or None


# --- dates ---------------------------------------------------------------------------

_DEATH_CUE = re.compile(
    r"^\(?\s*(?:ت|توفي|المتوفى|المتوفي|d|died|b|born)\s*[.:]?\s*(?:بعد|سنة|قبل)?\s*[0-9]",
    re.IGNORECASE,
)
_GREG = re.compile(r"(?<![0-9])(1[5-9][0-9]{2}|20[0-9]{2})(?![0-9])")
_YEAR_RANGE = re.compile(r"(?<![0-9])[12][0-9]{3}\s*[-–]\s*[12][0-9]{3}(?![0-9])")


def _date(text: str) -> tuple[Date | None, int | None]:
    raw = tidy(text)
    if not raw or not re.search(r"[0-9]", raw):
        return None, None
    pair = P.HIJRI_PAIR.search(raw)
    if pair:
        return Date.model_validate({"date-parts": [[int(pair.group("g"))]], "raw": raw}), int(
            pair.group("h")
        )
    hijri = P.HIJRI_ONLY.search(raw)
    greg = [
        m for m in _GREG.finditer(raw) if not (hijri and hijri.start() <= m.start() < hijri.end())
    ]
    if hijri and not greg:
        return Date(literal=raw, raw=raw), int(hijri.group("h"))
    if _YEAR_RANGE.search(raw) and len(greg) >= 2:
        return None, None  # a range of years: no single year
    if greg:
        year = int(greg[-1].group(1)) if len(greg) > 1 and hijri else int(greg[0].group(1))
        return Date.model_validate({"date-parts": [[year]], "raw": raw}), (
            int(hijri.group("h")) if hijri else None
        )
    # a Hijri year printed without its mark ("1373") in a date slot
    m = re.search(r"(?<![0-9])(1[0-4][0-9]{2})(?![0-9])", raw)
    if m:
        return Date(literal=raw, raw=raw), int(m.group(1))
    return None, None


def _accessed(text: str) -> Date | None:
    raw = tidy(text)
    m = P.DMY.search(raw) or P.ISO_DATE.search(raw)
    if m:
        y = int(m.group("y"))
        if y < 100:
            y += 2000
        d, mo = int(m.group("d")), int(m.group("m"))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return Date.model_validate({"date-parts": [[y, mo, d]], "raw": raw})
    g = _GREG.search(raw)
    if g:
        return Date.model_validate({"date-parts": [[int(g.group(1))]], "raw": raw})
    return Date(raw=raw) if raw else None


_NOT_A_DATE = frozenset(
    {
        "pages",
        "volume",
        "issue",
        "url",
        "accessed",
        "title",
        "container",
        "author",
        "editor",
        "collection",
    }
)
_HIJRI_MARKS = ("ه", "هـ", "هجري", "هجرية", "هجرى", "ق", "ش", "H", "AH", "SH", "S", "A")


def _fallback_year(
    tokens: Sequence[Token], labels: Sequence[str]
) -> tuple[Date | None, int | None]:
    """No date span gave a year: the last standalone year printed outside the title,
    names, pages, volume and issue (a range of years, a life date "(ت 808ه)" and a year
    inside an address are not the date of the work)."""
    n = len(tokens)
    for i in range(n - 1, -1, -1):
        t = tokens[i].text
        if len(t) != 4 or not t.isdigit() or not 1000 <= int(t) <= 2099 or labels[i] in _NOT_A_DATE:
            continue
        before = tokens[i - 1].text if i else ""
        after = tokens[i + 1].text if i + 1 < n else ""
        if before in "-–/" and i >= 2 and tokens[i - 2].text.isdigit():
            continue  # "1979-2000", "12/1988" is a full date: its year still counts below
        if after in "-–" and i + 2 < n and tokens[i + 2].text.isdigit():
            continue
        j = i - 1
        while j >= 0 and tokens[j].text not in "()":
            j -= 1
        if (
            j >= 0
            and tokens[j].text == "("
            and j + 1 < i
            and tokens[j + 1].text in ("ت", "d", "توفي", "المتوفى")
        ):
            continue
        year = int(t)
        glued = i + 1 < n and tokens[i + 1].start == tokens[i].end
        if after.startswith(_HIJRI_MARKS) and (glued or after in _HIJRI_MARKS) and year < 1500:
            raw = t + (after if glued else " " + after)
            return Date(literal=raw, raw=raw), year
        if year >= 1500:
            return Date.model_validate({"date-parts": [[year]], "raw": t}), None
    return None, None


# --- names ---------------------------------------------------------------------------

_HONORIFIC = re.compile(
    r"^(?:(?:أ\.\s*د|أ\s*\.\s*د|د|م|أ)\s*[./]\s*|الدكتور\s+|الأستاذ\s+|الشيخ\s+|Dr\.?\s+|Prof\.?\s+)+"
)
_DEATH = re.compile(r"\((?:[^()]*[0-9][^()]*|[^()]*(?:دكتور|القرن)[^()]*)\)")
_ROLE_CUE = re.compile(
    r"^(?:ترجمة|تعريب|تحقيق|إعداد|اعداد|مراجعة|تقديم|تعليق|شرح|تصحيح|ضبط|جمع|إشراف|تنسيق|تحرير|نقله|حققه|تح|اعتنى|"
    r"edited|ed|eds|trans|translated|tr|transl|by|hrsg|taḥqīq|tarjamat)\b[\s.:]*(?:(?:و|and)\s*\S+\s*)?(?:by\s+|إلى العربية\s*)?:?\s*",
    re.IGNORECASE,
)


def _author(text: str) -> list[object] | None:
    value = tidy(text)
    if not any(ch.isalpha() for ch in value):
        return None  # "______.", "---:": the same author as the entry above (not named here)
    value = _HONORIFIC.sub("", value)
    value = _DEATH.sub(" ", value)
    value = tidy(value)
    if not value:
        return None
    # "Family (Given)": the parenthesised given name
    m = re.match(r"^(?P<f>[^()]+?)\s*\((?P<g>[^()]+)\)\s*(?P<rest>.*)$", value)
    if m and not m.group("rest").strip(_STRIP):
        value = f"{m.group('f')}، {m.group('g')}"
    inverted = bool(re.search(r"^[^,،]+[,،]", value)) and not lexicon.has_corporate_word(value)
    names = parse_names(value, inverted_first=inverted)
    return list(names) or None


# --- assembly ------------------------------------------------------------------------

_COMMA = re.compile(r"(?<!\s)\s*[,،]\s*")  # (?<!\s): linear on long runs of spaces


def _publisher_tail(title: str) -> tuple[str, str | None]:
    """``تكوين العقل العربي، المركز الثقافي العربي``: a title span whose later comma
    segment opens with a publisher's word (دار، مكتبة، مركز، Press...) ran on into the
    imprint. Returns (title, publisher or None)."""
    cuts = list(_COMMA.finditer(title))
    for m in cuts:
        rest = title[m.end() :]
        words = rest.split()
        if len(words) < 2 or len(title[: m.start()].split()) < 2:
            continue
        head = " ".join(words[:2])
        if lexicon.has_publisher_word(words[0]) or (
            lexicon.has_publisher_word(head) and not lexicon.has_publisher_word(words[1])
        ):
            if lexicon.has_journal_word(head):
                continue
            return title[: m.start()], rest
    return title, None


_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“"}


def _quoted_head(title: str) -> tuple[str, str | None]:
    """``«اعيان الشيعه»، دارالتعارف``: a title span that opens with a quotation mark
    ends at its closing mark; what the span holds after it is returned apart
    (title, rest or None)."""
    head = title.lstrip()
    opener = head[:1]
    close = _QUOTE_PAIRS.get(opener)
    if close is None:
        return title, None
    k = _closing(head, 0, opener, close)
    while k >= 0:
        rest = head[k + 1 :]
        # «عظة الملوك» أو «الطبيعة والزمن»: an alternative title in quotes goes on
        alt = _ALTERNATIVE.match(rest)
        if alt is None or not rest[alt.end() :].startswith(opener):
            break
        k = _closing(head, k + 1 + alt.end(), opener, close)
    if k < 0:
        return title, None
    rest = head[k + 1 :]
    if not rest.strip(_STRIP) or rest[:1].isalnum():
        return title, None
    return head[: k + 1], rest


# (?<!\s): a run of spaces is tried from its first space only (linear on hostile text)
_ALTERNATIVE = re.compile(r"(?<!\s)\s*(?:[،,]\s*)?(?:أو|or|ou)\s*(?:[،,]\s*)?")


def _closing(text: str, start: int, opener: str, close: str) -> int:
    """Index of the mark that closes the quotation opened at ``start`` (nested pairs
    of distinct marks counted), or -1."""
    if opener == close:
        return text.find(close, start + 1)
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == opener:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return i
    return -1


# cue classes that open a statement after the title, never a title's own comma part
_TAIL_CUES = frozenset({"TRANS", "EDITOR", "VOL", "ED"})


def _opens_statement(text: str) -> bool:
    """True when ``text`` opens with a translator's, editor's, volume or edition cue."""
    from citenorm.extraction.reference.features import CUES, fold_word

    words = text.split()
    return bool(words) and CUES.get(fold_word(words[0].strip(".:()"))) in _TAIL_CUES


def _statement_tail(title: str) -> str:
    """``لماذا؟ اسأل البحر، ترجمة: فلان`` / ``The Salt Roads, translated by X`` /
    ``معجم البحارة، المجلد التاسع عشر``: a title span that runs on into a comma part
    opening with a translator's, editor's, volume or edition cue ends before it."""
    from citenorm.extraction.reference.features import CUES, fold_word

    before = ""
    for m in _COMMA.finditer(title):
        head, before = before, title[: m.start()]
        words = title[m.end() :].split()
        if not words:
            break
        if fold_word(before[len(head) :].strip(" ،,")) in ("او", "or", "aw", "ou"):
            continue  # "Title، أو، ترجمة الشاعر": an alternative title
        first = fold_word(words[0].strip(".:()"))
        cue = CUES.get(first)
        if cue is None and len(first) > 3 and first[0] in "وب":
            cue = CUES.get(first[1:])
        if (
            cue in ("EDITOR", "TRANS")
            and first in ROLE_CUES_OPENING_TITLES_AR
            and ":" not in words[0]
        ):
            continue  # "شرح القصيدة", "جمع الجوامع": a title's own word
        if cue in _TAIL_CUES and (len(words) > 1 or cue in ("VOL", "ED")):
            return title[: m.start()]
    return title


def _corporate_head(title: str) -> tuple[str, str | None]:
    """``وحدة دراسات الصين، التقارب ...`` / ``China Studies Unit, Sino-Russian ...``: a
    title span that opens with a short corporate body before a comma holds the author.
    Returns (title, author or None)."""
    m = re.match(r"^\s*([^,،:()]{3,60}?)\s*[,،]\s*(\S.*)$", title, re.DOTALL)
    if not m:
        return title, None
    head, rest = m.group(1), m.group(2)
    if (
        len(head.split()) <= 5
        and len(tidy(rest).split()) >= 3
        and lexicon.has_corporate_word(head)
        and not lexicon.has_journal_word(head)
        and not lexicon.is_place(head)
    ):
        return rest, head
    return title, None


_PART_BREAK = re.compile(r"(?<!\s)\s*[,،]\s*|\s+[-–]\s+")


def _journal_tail(title: str) -> tuple[str, str | None]:
    """``Title، مجلة الفكر`` / ``Title, Journal of X`` / ``Title - عالم الفكر``: a
    title span whose later part opens with a periodical's word (مجلة، حولية، Journal,
    Revue ...) ran on into the journal's name. Returns (title, journal or None)."""
    for m in _PART_BREAK.finditer(title):
        before, rest = title[: m.start()], title[m.end() :]
        words = rest.split()
        if len(words) < 2 or len(before.split()) < 2:
            continue
        lead = words[0] if words[0].lower() not in ("the", "la", "le", "al-") else words[1]
        if lexicon.has_journal_word(lead.strip('.:()«»“”"')):
            return before, rest
    return title, None


def _given_head(author: str, title: str) -> tuple[str, str, str] | None:
    """``Roe, | Jane Anne, the salt roads ...``: an author span of a family name
    alone and a title span whose first comma part (of two or more) is a short run of
    given names (capitalised words, or Arabic given names of the lexicon) that the
    labeler cut off the name. Returns (author, title, the names moved) or None."""
    a = author.strip()
    if not a.endswith((",", "،")) or len(_COMMA.split(a.strip(_STRIP))) != 1:
        return None
    if len(a.strip(_STRIP).split()) > (3 if _ARABIC_LETTER.search(a) else 1):
        return None
    m = _COMMA.search(title)
    if m is None or not title[m.end() :].strip(_STRIP):
        return None
    head = title[: m.start()].strip()
    words = head.split()
    if not 2 <= len(words) <= 10 or any(ch.isdigit() for ch in head):
        return None
    names = [w for w in words if not _has_cue(w, ("AND",))]
    if not names or len(names) > 8:
        return None
    rest = title[m.end() :].strip()
    if all(w[:1].isupper() for w in names):
        if not rest[:1].islower():
            return None  # a capitalised title part may be a title's own: only before lower case
    elif not (_ARABIC_LETTER.match(names[0]) and lexicon.is_given_name(names[0])):
        return None
    return a + " " + head, title[m.end() :], head


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _imprint_tail(
    title: str, runs: list[tuple[str, int, int]], first: dict[str, tuple[int, int]]
) -> tuple[str, str | None]:
    """``Title, Stone and Hill, | New York, 1980``: an entry with no publisher span
    whose title span of two comma parts or more runs right into the place: its last
    part is the publisher (before a bare year it may be the title's own part). Returns
    (title, publisher or None)."""
    if "title" not in first:
        return title, None
    k = next(i for i, run in enumerate(runs) if run[0] == "title")
    if k + 1 >= len(runs) or runs[k + 1][0] != "place":
        return title, None
    cuts = list(_COMMA.finditer(title.rstrip(_STRIP)))
    if not cuts:
        return title, None
    last = cuts[-1]
    head, tail = title[: last.start()], title[last.end() :]
    if len(tidy(head).split()) < 1 or not (1 <= len(tidy(tail).split()) <= 6):
        return title, None
    if _opens_statement(tidy(tail)) or any(ch.isdigit() for ch in tail):
        return title, None
    return head, tail


def _has_cue(text: str, classes: tuple[str, ...]) -> bool:
    from citenorm.extraction.reference.features import CUES, fold_word

    return any(CUES.get(fold_word(w.strip(".,:;()"))) in classes for w in text.split())


# a sentence end inside a span: a period after a word of two letters or more (not after
# an initial "J." or an abbreviation "ed.")
_SENTENCE = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=\S)")


def _title_from_neighbours(
    author: str | None,
    publisher: str | None,
    container: str | None,
    runs: list[tuple[str, int, int]],
    first: dict[str, tuple[int, int]],
) -> tuple[str | None, str | None, str | None, str | None]:
    """An entry the labeler gave no title: the title is in a neighbouring span.
    ``Family, Given, Title, Journal, Vol. 3``: an author span of three comma parts or
    more (no "and" after the name) holds the title (and, before a volume, the
    journal); ``Title, Publisher``: a publisher span of two parts or more opens with
    it; ``مجلة X، Title``: a two-part container holds it beside the journal's name.
    Returns (title, author, container, publisher) taken from those spans."""
    if author:
        # "Family, Given. Title. Place: Publisher": whole sentences in a name span
        sentences = [p for p in _SENTENCE.split(tidy(author)) if p.strip(_STRIP)]
        if (
            len(sentences) >= 3
            and re.search(r"^[^,،]+[,،][^,،]+$", sentences[0])
            and len(sentences[0].split()) <= 5
        ):
            rest = ". ".join(sentences[2:])
            return sentences[1], sentences[0], None, rest.split(":", 1)[1] if ":" in rest else None
        parts = [p for p in _COMMA.split(tidy(author)) if p.strip(_STRIP)]
        if (
            len(parts) >= 3
            and len(parts[0].split()) <= 4
            and not any(ch.isdigit() for ch in author)
            and not _has_cue(parts[1], ("AND", "ETAL"))
            and not any(_has_cue(p.split()[0], ("AND", "ETAL")) for p in parts[2:])
            and not _has_cue(author, ("ETAL",))
        ):
            tail = parts[2:]
            sep = ", " if "," in author else "، "
            journal = None
            if (
                len(tail) >= 2
                and ("volume" in first or "issue" in first)
                and "container" not in first
            ):
                journal = tail.pop()
            return sep.join(tail), sep.join(parts[:2]), journal, None
    if publisher:
        parts = [p for p in _COMMA.split(tidy(publisher)) if p.strip(_STRIP)]
        if len(parts) >= 2:
            sep = ", " if "," in publisher else "، "
            return parts[0], author, None, sep.join(parts[1:])
    if container:
        parts = [p for p in _COMMA.split(tidy(container)) if p.strip(_STRIP)]
        if len(parts) == 2:
            a, b = parts
            if lexicon.has_journal_word(a.split()[0]) and not lexicon.has_journal_word(b):
                return b, author, a, None
    return None, author, None, None


def _title_after_colon(author: str, has_publisher: bool) -> tuple[str | None, str, str | None]:
    """``Roe: Salt, Harbour Books`` / ``حسن، علي: ملح الأرض``: an entry
    without a title span whose name span runs past ``Name:`` holds the title after the
    colon (and, with no publisher span, the publisher after the title's comma). Returns
    (title or None, author, publisher or None)."""
    m = re.search(r":\s+(?=\S)", author)
    if m is None:
        return None, author, None
    head, rest = author[: m.start()], tidy(author[m.end() :])
    if not head.strip(_STRIP) or not rest or any(ch.isdigit() for ch in rest):
        return None, author, None
    if len(head.split()) > 8 or _SENTENCE.search(head):
        return None, author, None  # "Family, Given. Title. Place: Publisher": sentences
    parts = [p for p in _COMMA.split(rest) if p.strip(_STRIP)]
    publisher = None
    if len(parts) >= 2 and not has_publisher:
        sep = ", " if "," in rest else "، "
        publisher = sep.join(parts[1:])
        rest = parts[0]
    return rest, head, publisher


def _journal_before_volume(
    title: str, runs: list[tuple[str, int, int]], first: dict[str, tuple[int, int]]
) -> tuple[str, str | None]:
    """``Salt and Sea, Nautica, Vol. 19``: a title span of two comma parts or more
    right before the volume or issue holds the journal's name in its last part."""
    if "title" not in first:
        return title, None
    k = next(i for i, run in enumerate(runs) if run[0] == "title")
    if k + 1 >= len(runs) or runs[k + 1][0] not in ("volume", "issue"):
        return title, None
    cuts = list(_COMMA.finditer(title.rstrip(_STRIP)))
    if not cuts:
        return title, None
    last = cuts[-1]
    head, tail = title[: last.start()], title[last.end() :]
    if not head.strip(_STRIP) or not (1 <= len(tidy(tail).split()) <= 8):
        return title, None
    return head, tail


_AUTHOR_BEFORE_COLON = re.compile(r"^\s*([^:()\[\]“”«»\"0-9]{2,60}?)\s*:\s+(?=\S)")


def _author_before_colon(title: str) -> tuple[str, str | None]:
    """``حسن، علي: Title`` / ``Roe, Jane Anne: Title``: an entry's first
    span, read as the title, that opens with an inverted name (one comma, a few words)
    or an Arabic given name and a colon holds the author (a title-first entry's own
    "Title: Subtitle" has neither). Returns (title, author or None)."""
    m = _AUTHOR_BEFORE_COLON.match(title)
    if not m:
        return title, None
    head = m.group(1).strip()
    words = head.split()
    if not 1 <= len(words) <= 6 or lexicon.has_journal_word(head) or _opens_statement(head):
        return title, None
    inverted = len(_COMMA.split(head)) == 2 and all(p.strip() for p in _COMMA.split(head))
    given = bool(_ARABIC_LETTER.match(words[0])) and lexicon.is_given_name(words[0])
    if not (inverted or (given and len(words) >= 2)):
        return title, None
    return title[m.end() :], head


_AUTHOR_BEFORE_QUOTE = re.compile(r"^\s*([^,،:;()\[\]“”«»\"0-9]{3,80}?)\s*[,،]\s*(?=[“«\"])")


def _author_before_quote(title: str) -> tuple[str, str | None]:
    """``Aḥmad al-Fāsī, “Risāla fī al-milḥ,” Journal`` / ``فرقة المسرح، «ليالي
    الصيف»``: a title span that opens with a few words and a comma before a quoted
    title holds its author (a note's "Given Family, “Title,”"). Returns (title, author
    or None)."""
    m = _AUTHOR_BEFORE_QUOTE.match(title)
    if not m or len(m.group(1).split()) > 7:
        return title, None
    head = m.group(1)
    if lexicon.has_journal_word(head) or _opens_statement(head):
        return title, None
    return title[m.end() :], head


_NO_DATE = re.compile(
    r"^(?:ب?دون\s+تاريخ|د\s*\.?\s*ت\b|n\.?\s*d\b|s\.?\s*d\b|sans\s+date|no\s+date)", re.IGNORECASE
)


def _settle_imprint(fields: dict[str, object]) -> None:
    """A known place at the end of a publisher span (``مطبعة الساحل، بومباي``) is the
    place; a body with a publisher word at the head of a place span (``Alexandria
    University, Egypt``) is the publisher. Lexicon checks on spans the model drew."""
    pub = fields.get("publisher")
    place = fields.get("publisher-place")
    if isinstance(pub, str) and ("،" in pub or "," in pub):
        parts = _COMMA.split(pub)
        k = len(parts)
        while k > 1 and lexicon.is_place(parts[k - 1]):
            k -= 1
        if 0 < k < len(parts):
            fields["publisher"] = tidy(", ".join(parts[:k]) if "," in pub else "، ".join(parts[:k]))
            if place is None:
                sep = ", " if "," in pub else "، "
                fields["publisher-place"] = tidy(sep.join(parts[k:]))
    elif isinstance(place, str) and pub is None and ("،" in place or "," in place):
        parts = _COMMA.split(place)
        k = 0
        while (
            k < len(parts) - 1
            and not lexicon.is_place(parts[k])
            and lexicon.has_publisher_word(parts[k])
        ):
            k += 1
        sep = ", " if "," in place else "، "
        if k:
            fields["publisher"] = tidy(sep.join(parts[:k]))
            fields["publisher-place"] = tidy(sep.join(parts[k:]))
        elif (
            len(parts) == 2
            and lexicon.is_place(parts[1])
            and not lexicon.is_place(parts[0])
            and len(tidy(parts[1])) > 3  # "Springfield, IL" is one place
        ):
            # "Stone-Hill, Madrid": a name the lexicon does not know before a place
            fields["publisher"], fields["publisher-place"] = tidy(parts[0]), tidy(parts[1])
        elif (
            len(parts) == 2
            and lexicon.is_place(parts[0])
            and not lexicon.is_place(parts[1])
            and len(tidy(parts[1])) > 3  # not a state's or country's code ("Cambridge, MA")
        ):
            # "London, Stonehill": the place first
            fields["publisher-place"], fields["publisher"] = tidy(parts[0]), tidy(parts[1])
    if isinstance(fields.get("publisher-place"), str):
        # "حلب، دون تاريخ", "New York, n. d", "عمان، صيف": no date, a season after the place
        place = str(fields["publisher-place"])
        parts = _COMMA.split(place)
        while len(parts) > 1 and (
            _NO_DATE.match(tidy(parts[-1])) or _has_cue(parts[-1], ("NODATE", "MONTH"))
        ):
            parts.pop()
        if len(parts) < len(_COMMA.split(place)):
            fields["publisher-place"] = tidy(("، " if "،" in place else ", ").join(parts))


# "In:", "في:", "ضمن كتاب", "بحث نشر بمجلة ..." (the ب is attached: "بمجلة" -> "مجلة")
_IN_CUE = re.compile(
    r"^(?:(?:in|dans|im|en|published\s+in|"
    r"(?:(?:بحث|مقال|مقالة|دراسة)\s+)?(?:(?:منشور[ةه]?|نشر[ته]?)\s+)?(?:في|ضمن|من)(?:\s+كتاب)?|"
    r"مستل\s+من(?:\s+كتاب)?|فصلة\s+من|extrait\s+d(?:u|e|es|e\s+la)|offprint\s+from)"
    r"(?:\s*:\s*|\s+)"
    r"|(?:(?:بحث|مقال|مقالة|دراسة)\s+)?(?:منشور[ةه]?|نشر[ته]?)\s+ب(?=\S)"
    r"|(?:بحث|مقال|مقالة|دراسة)\s+ب(?=(?:ال)?(?:مجلة|صحيفة|جريدة|حولية|دورية)))",
    re.IGNORECASE,
)


def _container(text: str) -> str | None:
    value = tidy(text)
    for _ in range(2):
        value = tidy(_IN_CUE.sub("", value, count=1))
    value = tidy(_container_tail(value))
    words = value.split()
    while (
        len(words) > 1 and _ARABIC_LETTER.match(words[-1]) and _has_cue(words[-1], ("VOL", "ISS"))
    ):
        words.pop()  # "مجلة البحر الأعداد": the issues' cue before their numbers
    return tidy(" ".join(words)) or None


_PUBLISHER_TAIL_CUES = frozenset({"TRANS", "EDITOR", "ED", "VOL", "ISS"})
_ON_BEHALF = re.compile(r"(?<!\s)\s+(?:on\s+behalf\s+of|an\s+imprint\s+of)\s", re.IGNORECASE)


def _publisher_cut(value: str) -> str:
    """``The Harbour Press on behalf of The Society of Salt Studies``,
    ``دار الهادي، ترجمة فلان``, ``The Free Press, 4th printing``: the publisher's name
    ends before the body it acts for and before a translator's, edition or volume
    statement after a comma."""
    from citenorm.extraction.reference.features import CUES, fold_word

    m = _ON_BEHALF.search(value)
    if m:
        value = value[: m.start()]
    for c in _COMMA.finditer(value):
        words = value[c.end() :].split()
        if not words:
            break
        cue = CUES.get(fold_word(words[0].strip(".:()")))
        ordinal = re.match(r"^[0-9]+(?:st|nd|rd|th|e|eme|ème)?$", words[0], re.IGNORECASE)
        if cue in _PUBLISHER_TAIL_CUES or (
            ordinal and len(words) > 1 and CUES.get(fold_word(words[1].strip(".,:;()"))) == "ED"
        ):
            return value[: c.start()]
    return value


_CONTAINER_TAIL_CUES = frozenset({"VOL", "ISS", "ED", "PP", "MONTH", "PUBVERB"})
_CONTAINER_TAIL_WORDS = frozenset({"السنه", "تصدر", "تصدرها", "يصدرها", "الصادره", "مجله"})


def _container_tail(value: str) -> str:
    """``مجلة الكلمة، مجلة فكرية ثقافية تصدر عن ...`` / ``مجلة البحر، السنة الثامنة``: a
    journal's name that runs on into a description, a year of publication or a number
    ends at that comma."""
    from citenorm.extraction.reference.features import CUES, fold_word

    for m in _COMMA.finditer(value):
        words = value[m.end() :].split()
        if not words:
            break
        first = fold_word(words[0].strip(".:()"))
        if (
            CUES.get(first) in _CONTAINER_TAIL_CUES
            or first in _CONTAINER_TAIL_WORDS
            or lexicon.is_place(value[m.end() :])
            or _NEW_SERIES.match(value[m.end() :])
        ):
            return value[: m.start()]
    # "مجلة البحر مجلة فصلية محكمة": a description opening with the journal's word again
    words = value.split()
    if len(words) >= 4 and fold_word(words[0]) in _JOURNAL_HEADS:
        for k in range(2, len(words) - 1):
            if fold_word(words[k]) == fold_word(words[0]):
                return " ".join(words[:k])
    return value


def _to_closing_mark(text: str, container: str, start: int) -> str:
    """``ضمن كتاب «أوراق لقاء التجارة والمجتمع»``: a container span that opens a
    quotation (after its cue) and stops before the closing mark runs on to that mark
    when the mark follows within the reference."""
    head = _IN_CUE.sub("", container.lstrip(), count=1).lstrip()
    opener = head[:1]
    close = _QUOTE_PAIRS.get(opener)
    if close is None or close == opener or close in head:
        return container
    end = text.find(close, start + len(container))
    if end < 0 or end - start > 300:
        return container
    return text[start : end + 1]


_NEW_SERIES = re.compile(r"(?:new\s+series|nouvelle\s+s[ée]rie|n\.\s?s\.)", re.IGNORECASE)
_JOURNAL_HEADS = frozenset(
    {"مجله", "حوليه", "دوريه"}
)  # Arabic: "Journal of X: official journal of Y" is one name


def _place(text: str) -> str | None:
    value = tidy(text)
    return value or None


def build_fields(
    text: str, tokens: Sequence[Token], labels: Sequence[str], *, entry: bool = True
) -> Fields:
    """The fields of one reference from its tokens' labels (``text`` is what the
    tokens index). ``entry``: a list entry, which always cites a work (a footnote may
    be a comment)."""
    runs = spans(tokens, labels)
    first: dict[str, tuple[int, int]] = {}
    for label, a, b in runs:
        if label not in first:
            first[label] = (a, b)

    def value(label: str) -> str | None:
        span = first.get(label)
        if span is None:
            return None
        a, b = span
        return text[tokens[a].start : tokens[b - 1].end]

    fields: dict[str, object] = {}
    author = value("author")
    title = value("title")
    container_from_title: str | None = None
    publisher_from_title: str | None = None
    publisher_rest: str | None = None
    if not author and "editor" in first and first["editor"][0] == 0:
        head_name = value("editor") or ""
        if not _ROLE_CUE.search(head_name) and not _has_cue(head_name, ("EDITOR", "TRANS")):
            author = head_name  # "Doe, John: Title": a name first is the author
    if entry and not title and author:
        title, author, publisher_rest = _title_after_colon(author, "publisher" in first)
    if entry and not title:
        title, author, container_from_title, publisher_rest = _title_from_neighbours(
            author, value("publisher"), value("container"), runs, first
        )
    place_from_author: str | None = None
    if (
        author
        and title
        and "author" in first
        and "title" in first
        and first["author"][0] > first["title"][0]
        and lexicon.is_place(tidy(author))
    ):
        # "Title، (ابو ظبي، 2021)": a place after the title is not its author
        place_from_author, author = tidy(author), None
    if (
        title
        and author
        and "author" in first
        and "title" in first
        and first["author"][1] == first["title"][0]  # the title span right after the name
    ):
        moved = _given_head(author, title)
        if moved is not None:
            author, title, _ = moved
    if title and not author and first.get("title", (1, 1))[0] == 0:
        title, author = _author_before_colon(title)
    if title and not author:
        title, author = _author_before_quote(title)
    if title and not author:
        title, author = _corporate_head(title)
    if author:
        names = _author(author)
        if names:
            fields["author"] = names
    if title:
        title, after_quote = _quoted_head(title)
        if (
            after_quote
            and "publisher" not in first
            and not _ROLE_CUE.match(tidy(after_quote))
            and not _opens_statement(tidy(after_quote))
            and not re.search(r"[0-9]", after_quote)
            and len(_COMMA.split(tidy(after_quote))) == 1
        ):
            publisher_from_title = after_quote
    if title and "container" not in first and container_from_title is None:
        title, container_from_title = _journal_tail(title)
    if title and "container" not in first and container_from_title is None:
        title, container_from_title = _journal_before_volume(title, runs, first)
    if title and "publisher" not in first and publisher_from_title is None:
        title, publisher_from_title = _publisher_tail(title)
    if title and "publisher" not in first and publisher_from_title is None:
        title, publisher_from_title = _imprint_tail(title, runs, first)
    if title:
        t = tidy(_statement_tail(title))
        if t:
            fields["title"] = t
    container = container_from_title or value("container")
    if (
        container
        and container_from_title is None
        and not _IN_CUE.sub("", tidy(container) + " ", count=1).strip(_STRIP)
    ):
        # "ضمن كتاب «الحضارة العربية»": a cue alone, the quoted name after it taken for a
        # second title: that title is the container's name
        k = next(i for i, run in enumerate(runs) if run[0] == "container")
        if (
            k + 1 < len(runs)
            and runs[k + 1][0] == "title"
            and "title" in first
            and first["title"][0] < runs[k][1]
        ):
            a, b = runs[k + 1][1], runs[k + 1][2]
            container = text[tokens[a].start : tokens[b - 1].end]
    if container and container_from_title is None and "container" in first:
        container = _to_closing_mark(text, container, tokens[first["container"][0]].start)
    if container:
        c = _container(container)
        if c:
            fields["container-title"] = c
    for label, key in (("publisher", "publisher"), ("place", "publisher-place")):
        v = publisher_rest if label == "publisher" and publisher_rest else value(label)
        if v:
            tv = tidy(_publisher_cut(v) if label == "publisher" else v)
            if tv:
                fields[key] = tv
    if publisher_from_title and "publisher" not in fields:
        fields["publisher"] = tidy(publisher_from_title)
    if place_from_author and "publisher-place" not in fields:
        fields["publisher-place"] = place_from_author
    if "title" not in fields and "container-title" in fields:
        # a work is cited by its title: a lone "container" is the title itself
        fields["title"] = fields.pop("container-title")
    if entry and "title" not in fields and "author" not in fields:
        # an entry the labeler read as a note only ("Archives X, File 1944-1955, Box
        # 73."): a list entry names a work, and its text is the best title there is
        note = value("note")
        t = tidy(note) if note else ""
        if len(t.split()) >= 2 and any(ch.isalpha() for ch in t):
            fields["title"] = t
    _settle_imprint(fields)
    vol = value("volume")
    if vol and _ISSUE_ONLY.match(tidy(vol)) and not value("issue"):
        # "n° 59", "No. 3", "العدد 12" in a volume span: the number of an issue
        n = _number_value(vol, _ISSUE_CUE)
        if n:
            fields["issue"] = n
    elif vol:
        n = _number_value(vol, _VOLUME_CUE)
        if n:
            fields["volume"] = n
    iss = value("issue")
    if iss:
        n = _number_value(iss, _ISSUE_CUE)
        if n:
            fields["issue"] = n
    pages = value("pages")
    if pages:
        pv = _pages(pages)
        if pv:
            fields["page"] = pv
    ed = value("edition")
    if ed:
        ev = _edition(ed)
        if ev:
            fields["edition"] = ev
    for label, a, b in runs:
        if label != "date":
            continue
        printed = text[tokens[a].start : tokens[b - 1].end]
        if _DEATH_CUE.match(printed):
            continue  # a life date after a name: "(ت 620هـ)", "(d. 1350)"
        issued, hijri = _date(printed)
        if issued is not None:
            fields["issued"] = issued
            if hijri:
                fields["hijri"] = hijri
            break
    if "issued" not in fields:
        issued, hijri = _fallback_year(tokens, labels)
        if issued is not None:
            fields["issued"] = issued
            if hijri:
                fields["hijri"] = hijri
    # a web address or DOI is unmistakable whatever its label: the first one printed
    for tok in tokens:
        t = tok.text
        if t.startswith(("http", "www", "HTTP", "WWW")):
            doi = P.DOI.search(t)
            if doi and "doi.org" in t.lower():
                fields.setdefault("DOI", doi.group("doi"))
            else:
                fields.setdefault("URL", t)
        elif t.startswith("10.") and "/" in t:
            fields.setdefault("DOI", t)
    acc = value("accessed")
    if acc:
        d = _accessed(acc)
        if d is not None:
            fields["accessed"] = d
    genre = value("genre")
    if genre:
        g = tidy(genre)
        thesis = P.THESIS.search(g) if g else None
        if thesis:
            fields["genre"] = " ".join(thesis.group().split())
            st = P.STATUS.search(g)
            if st:
                fields["status"] = " ".join(st.group().split())
    fields["type"] = _type(fields, genre)
    return Fields.model_validate(fields)


_CONFERENCE = re.compile(
    r"مؤتمر|ندوة|ملتقى|conference|symposium|congress|colloque|proceedings|ورقة|presented",
    re.IGNORECASE,
)


def _type(fields: dict[str, object], genre: str | None) -> str:
    if fields.get("genre"):
        return "thesis"
    if genre and _CONFERENCE.search(genre):
        return "paper-conference"
    ct = fields.get("container-title")
    if ct:
        if fields.get("URL") and not (fields.get("volume") or fields.get("issue")):
            return "webpage"
        if fields.get("volume") or fields.get("issue") or lexicon.has_journal_word(str(ct)):
            return "article-journal"
        if _CONFERENCE.search(str(ct)):
            return "paper-conference"
        return "chapter"
    if fields.get("URL"):
        return "webpage"
    return "book"
