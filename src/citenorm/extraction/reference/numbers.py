"""Numbers and dates of a reference: volume, issue, pages and edition values without
their cues, and ``issued`` per the contract (the Gregorian year, a printed Hijri year in
``hijri``; a Hijri year alone gives ``issued = {"literal": printed}``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from citenorm.extraction.reference.spans import STRIP as _STRIP
from citenorm.extraction.reference.spans import tidy
from citenorm.extraction.reference.tokens import Token
from citenorm.models import Date
from citenorm.text import _rx, vocab
from citenorm.text import patterns as P
from citenorm.text.patterns import lazy

__all__ = [
    "DEATH_CUE",
    "ISSUE_CUE",
    "ISSUE_ONLY",
    "VOLUME_CUE",
    "accessed",
    "date",
    "edition",
    "era_year_tail",
    "fallback_year",
    "imprint_date_order",
    "issue_after_volume",
    "number_runs",
    "number_value",
    "numbers_in_date_span",
    "pages",
    "pages_in_number_span",
    "part_after_volume",
    "roman_volume_closing_journal",
    "volume_beside_pages",
    "year_closing_journal",
]

# --- numbers and cues ----------------------------------------------------------------

_NUMBER = _rx.compile(r"[0-9]+(?:\s*[-–/]\s*[0-9]+)?")
# (a cue ends where its word does: "volume X" is not "vol" and "ume X")
VOLUME_CUE = _rx.compile(
    r"^(?:المجلد|مجلد|مج|م|المجلدات|الجزء|جزء|ج|السنة|vols?|volumes?|v|bd|band|tome|t|al-mujallad|mujallad|al-juzʼ|juzʼ|al-juz|juz)(?![^\W\d_])\s*\.?\s*:?\s*",
    re.IGNORECASE,
)
ISSUE_CUE = _rx.compile(
    r"^(?:العدد|عدد|ع|الأعداد|العددان|العددين|الجزء|ج|nos?|number|numéro|numero|issue|n°|nº|nr|heft|fasc|al-ʻadad|al-ʿadad|al-adad|ʻadad)(?![^\W\d_])\s*\.?\s*:?\s*",
    re.IGNORECASE,
)
ISSUE_ONLY = _rx.compile(
    r"^(?:n\s*[°º]|nos?\.|no\b|issue|number|numéro|numero|nr\.?|heft|العدد|عدد|ع(?=\s*[0-9]))",
    re.IGNORECASE,
)
_PAGE_CUE = _rx.compile(
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
_ORDINAL_SUFFIX = lazy(r"^([0-9]+)\s*(?:st|nd|rd|th|e|er|ème|eme|\.)?$", re.IGNORECASE)


def number_value(text: str, cue: re.Pattern[str]) -> str | None:
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


def pages(text: str) -> str | None:
    value = _PAGE_CUE.sub("", tidy(text), count=1)
    m = re.search(
        r"[0-9]+(?:\s*[-–]\s*[0-9]+)?(?:\s*(?:،|,|و|and|&)\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?)*", value
    )
    if not m:
        return None
    v = re.sub(r"\s*[-–]\s*", "-", m.group())
    return re.sub(r"\s*(?:و|،|,|and|&)\s*", ",", v)


def edition(text: str) -> str | None:
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

DEATH_CUE = _rx.compile(
    r"^\(?\s*(?:ت|توفي|المتوفى|المتوفي|d|died|b|born)\s*[.:]?\s*(?:بعد|سنة|قبل)?\s*[0-9]",
    re.IGNORECASE,
)
_GREG = _rx.compile(r"(?<![0-9])(1[5-9][0-9]{2}|20[0-9]{2})(?![0-9])")
_YEAR_RANGE = _rx.compile(r"(?<![0-9])[12][0-9]{3}\s*[-–]\s*[12][0-9]{3}(?![0-9])")


def date(text: str) -> tuple[Date | None, int | None]:
    raw = tidy(text)
    if not raw or not re.search(r"[0-9]", raw):
        return None, None
    pair = P.HIJRI_PAIR.search(raw)
    if pair:
        return Date.model_construct(date_parts=[[int(pair.group("g"))]], raw=raw), int(
            pair.group("h")
        )
    hijri = P.HIJRI_ONLY.search(raw)
    greg = [
        m for m in _GREG.finditer(raw) if not (hijri and hijri.start() <= m.start() < hijri.end())
    ]
    if hijri and not greg:
        return Date.model_construct(literal=raw, raw=raw), int(hijri.group("h"))
    span = _YEAR_RANGE.search(raw)
    if span and len(greg) >= 2:
        # a range of years (a work in volumes, a series): both, in their printed order, as
        # CSL writes a range (the contract; the exports carry it)
        first, last = (int(y) for y in re.findall(r"[12][0-9]{3}", span.group()))
        if first >= 1500 and last >= 1500:
            parts = [[first], [last]]
            return Date.model_construct(date_parts=parts, raw=raw), (
                int(hijri.group("h")) if hijri else None
            )
        return None, None
    if greg:
        year = int(greg[-1].group(1)) if len(greg) > 1 and hijri else int(greg[0].group(1))
        return Date.model_construct(date_parts=[[year]], raw=raw), (
            int(hijri.group("h")) if hijri else None
        )
    # a Hijri year printed without its mark ("1373") in a date slot
    m = re.search(r"(?<![0-9])(1[0-4][0-9]{2})(?![0-9])", raw)
    if m:
        return Date.model_construct(literal=raw, raw=raw), int(m.group(1))
    return None, None


def accessed(text: str) -> Date | None:
    raw = tidy(text)
    m = P.DMY.search(raw) or P.ISO_DATE.search(raw)
    if m:
        y = int(m.group("y"))
        if y < 100:
            y += 2000
        d, mo = int(m.group("d")), int(m.group("m"))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return Date.model_construct(date_parts=[[y, mo, d]], raw=raw)
    g = _GREG.search(raw)
    if g:
        return Date.model_construct(date_parts=[[int(g.group(1))]], raw=raw)
    return Date.model_construct(raw=raw) if raw else None


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


def _bracketed(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """The date span ``[a, b)`` is printed in round brackets: ``Title (1938)``."""
    inner = text[tokens[a].start : tokens[b - 1].end].rstrip(" ,،.;؛:")
    opened = inner.startswith("(") or text[: tokens[a].start].rstrip().endswith("(")
    return opened and (inner.endswith(")") or text[tokens[b - 1].end :].lstrip().startswith(")"))


def imprint_date_order(
    text: str, tokens: Sequence[Token], runs: Sequence[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """The date spans in the order they are tried for ``issued``: as printed, unless the
    first is a year in brackets beside the title (``Title (1938)``, a reprint's ``عن
    طبعة برسلاو (1837م)``) and the imprint after it, a publisher or a place, ends with a
    year of its own out of brackets (``…، دار المعارف، القاهرة، 1993``): the edition
    cited is the imprint's, so its year comes first. A year in brackets after the names
    (APA's ``Roe, J. (1990). Title``) keeps its place."""
    dates = [r for r in runs if r[0] == "date"]
    if len(dates) < 2 or not _bracketed(text, tokens, dates[0][1], dates[0][2]):
        return dates
    k0 = runs.index(dates[0])
    if k0 == 0 or runs[k0 - 1][0] in ("author", "editor"):
        return dates  # APA's "Roe, J. (1990). Title": the year after the names is the date
    first_end = dates[0][2]
    for k, (_, a, b) in enumerate(dates[1:], 1):
        if _bracketed(text, tokens, a, b):
            continue
        if any(
            label in ("publisher", "place") and first_end <= ra and rb <= a
            for label, ra, rb in runs
        ):
            return [dates[k], *dates[:k], *dates[k + 1 :]]
    return dates


def _closes_the_reference(tokens: Sequence[Token], i: int) -> bool:
    """``Title - دار البحر - 1998م.`` / ``Title، بيروت، 1990``: the year at ``i`` is the
    reference's last segment (a spaced dash or a comma before it, at most its era mark
    and a full stop after it): a title span that ran on to the end holds the date."""
    if i == 0 or tokens[i - 1].text not in ("-", "–", ",", "،"):
        return False
    rest = [t.text for t in tokens[i + 1 :]]
    return all(t in ".)" or t.lower() in vocab.ERA_WORDS for t in rest) and len(rest) <= 3


def fallback_year(tokens: Sequence[Token], labels: Sequence[str]) -> tuple[Date | None, int | None]:
    """No date span gave a year: the last standalone year printed outside the title,
    names, pages, volume and issue (a range of years, a life date "(ت 808ه)" and a year
    inside an address are not the date of the work)."""
    n = len(tokens)
    for i in range(n - 1, -1, -1):
        t = tokens[i].text
        if len(t) != 4 or not t.isdigit() or not 1000 <= int(t) <= 2099:
            continue
        if (
            labels[i] in _NOT_A_DATE
            and not (i and tokens[i - 1].text.lower() in _EDITION_WORDS)  # "الطبعة الأولى 2000"
            and not (labels[i] == "title" and _closes_the_reference(tokens, i))
        ):
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
        if (
            after.startswith(vocab.HIJRI_YEAR_MARKS)
            and (glued or after in vocab.HIJRI_YEAR_MARKS)
            and year < 1500
        ):
            raw = t + (after if glued else " " + after)
            return Date.model_construct(literal=raw, raw=raw), year
        if year >= 1500:
            return Date.model_construct(date_parts=[[year]], raw=t), None
    return None, None


# "Volume 87, Numéro 1", "vol. 12, no. 3", "المجلد 5، العدد 2": an issue after the volume
_ISSUE_AFTER = _rx.compile(
    r"[0-9](?:[^0-9]{0,3}?)(?:[,،]\s*|\s+)(?:n\s*[°º]|nos?\.?|numéro|numero|number|issue|heft|العدد|عدد)\s*\.?\s*:?\s*(?P<n>[0-9]+(?:\s*[-–/]\s*[0-9]+)?)",
    re.IGNORECASE,
)


def issue_after_volume(text: str) -> str | None:
    """The issue printed after the volume in one span (``Volume 87, Numéro 1``)."""
    m = _ISSUE_AFTER.search(text)
    return re.sub(r"\s+", "", m.group("n")) if m else None


# "المجلد الثالث، الجزء الثاني": a journal's volume, then its part (the issue), in one span
_PART_AFTER_VOLUME = _rx.compile(
    r"^(?P<vol>(?:المجلد|مجلد|مج)\b[^,،]*)[,،]\s*(?P<part>(?:الجزء|جزء)\b[^,،]*)$"
)


def part_after_volume(text: str) -> tuple[str, str | None]:
    """``المجلد الثالث، الجزء الثاني`` in a journal's volume span: the volume, then the
    part of it, which journals number as their issue. Returns (the volume's text, the
    part's number or ordinal words, or None)."""
    if "الجزء" not in text and "جزء" not in text:
        return text, None
    m = _PART_AFTER_VOLUME.match(tidy(text))
    if not m:
        return text, None
    return m.group("vol"), number_value(m.group("part"), ISSUE_CUE)


# --- a number span cut by the labeler ------------------------------------------------

_RANGE_DASHES = frozenset("-–")
_NUMBER_SPANS = frozenset({"volume", "issue"})


def _digits(text: str) -> bool:
    return text.isdigit() and len(text) <= 4


# a volume in Roman numerals, upper case, two letters or more ("XII", "LIV")
_ROMAN_UPPER = lazy(r"^(?=[IVXLC]{2})C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")


def roman_volume_closing_journal(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``“Title.” Salt Review LIV, 1 (2019): 305-66``: a journal's name read to a volume
    in Roman numerals, then a bare number read as the volume before the year in
    brackets. The Roman numeral is the volume and the number the issue (an entry with
    no issue span only)."""
    if "issue" in labels:
        return labels
    n = len(labels)
    for i in range(1, n - 3):
        if labels[i] != "container" or labels[i + 1] == "container":
            continue
        # the journal's last word, then its comma: "Review LIV ,"
        k = i - 1 if tokens[i].text in ",،" else i
        if k < 1 or labels[k - 1] != "container" or not _ROMAN_UPPER.match(tokens[k].text):
            return labels
        j = i + 1
        if labels[j] != "volume" or not _digits(tokens[j].text):
            return labels
        end = j + 1
        if end < n and labels[end] == "volume":
            return labels  # "LIV, 1-2 …": more than one number
        if end >= n or tokens[end].text != "(":
            return labels
        out = list(labels)
        out[k : i + 1] = ["volume"] * (i + 1 - k)
        out[j] = "issue"
        return out
    return labels


def number_runs(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """The numbers of a volume or an issue that the labeler read into the next span:
    ``العدد 33- | 34، صيف 2003`` (the second number of a range after the span's dash), and
    an issue's cue word and number opening a span of another label in an entry with no
    issue span (``مجلة X، السنة 43، | العددان 9-10، الخفجي``). They are relabelled."""
    n = len(labels)
    out: list[str] | None = None
    for i in range(1, n - 1):
        label = labels[i]
        if label not in _NUMBER_SPANS or labels[i + 1] == label:
            continue
        t = tokens[i].text
        if t in _RANGE_DASHES and _digits(tokens[i - 1].text) and labels[i - 1] == label:
            k = i + 1  # "33 - | 34"
        elif (
            _digits(t)
            and i + 2 < n
            and tokens[i + 1].text in _RANGE_DASHES
            and labels[i + 2] == labels[i + 1]
        ):
            k = i + 2  # "33 | - 34"
        else:
            continue
        first, second = (tokens[i - 1] if k == i + 1 else tokens[i]).text, tokens[k].text
        if not _digits(second) or len(second) > len(first) + 1 or int(second) <= int(first):
            continue  # ("12 - 1990": an issue, then a year)
        out = out or list(labels)
        out[i + 1 : k + 1] = [label] * (k - i)
    if "issue" not in labels:
        for i in range(n - 1):
            if (
                (i == 0 or labels[i - 1] != labels[i])
                and labels[i] not in ("title", "author", "editor", "volume", "pages")
                and tokens[i].text.lower() in vocab.ISSUE_CUE_WORDS
            ):
                k = i + 1
                if k < n and tokens[k].text == ".":
                    k += 1
                if k >= n or not _digits(tokens[k].text) or labels[k] != labels[i]:
                    continue
                if (
                    k + 2 < n
                    and tokens[k + 1].text in _RANGE_DASHES
                    and _digits(tokens[k + 2].text)
                ):
                    k += 2
                out = out or list(labels)
                out[i : k + 1] = ["issue"] * (k + 1 - i)
                break
    return labels if out is None else out


def _year_like(text: str) -> bool:
    return len(text) == 4 and 1500 <= int(text) <= 2099


def volume_beside_pages(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """A journal's volume printed bare, in an entry with no volume span: the number that
    opens a pages span before a comma and the pages (``Science 1995, | 267, 90–93``,
    ACS), or the number that closes the journal's span before the pages or the date
    (``Cell | 114, | 61–73``; ``Salt Review 12, 1990``). It is relabelled volume (a
    year, four digits from 1500, is not one)."""
    n = len(labels)
    for i in range(n - 2):
        t = tokens[i].text
        if not _digits(t) or _year_like(t) or tokens[i + 1].text != ",":
            continue
        if (
            labels[i] == "pages"
            and (i == 0 or labels[i - 1] != "pages")
            and labels[i + 1] == "pages"
            and i + 2 < n
            and labels[i + 2] == "pages"
            and tokens[i + 2].text.isdigit()  # (a page may have five digits)
        ):
            return [*labels[:i], "volume", "volume", *labels[i + 2 :]]
        if (
            labels[i] == "container"
            and i > 0
            and labels[i - 1] == "container"
            and tokens[i - 1].text.isalpha()
            and labels[i + 1] in ("container", "pages", "date")
            and labels[i + 2] in ("pages", "date")
        ):
            k = i + 2 if labels[i + 1] == "container" else i + 1
            return [*labels[:i], *(["volume"] * (k - i)), *labels[k:]]
    return labels


def pages_in_number_span(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """The pages read into the volume's or the issue's span, in an entry with no pages
    span: the number (or range) after the issue's closing bracket (``33(1) 57-95``) or
    after the colon that follows the volume (``129: 413``). They are relabelled pages."""
    n = len(labels)
    for j in range(2, n):
        label = labels[j]
        if label not in _NUMBER_SPANS or labels[j - 1] != label:
            continue
        mark = tokens[j - 1].text
        if (
            not tokens[j].text.isdigit()
            or mark not in (")", ":")
            or not tokens[j - 2].text.isdigit()
        ):
            continue
        if mark == ")" and (j < 4 or tokens[j - 3].text != "("):
            continue
        k = j + 1
        if k + 1 < n and tokens[k].text in _RANGE_DASHES and tokens[k + 1].text.isdigit():
            k += 2
        if k < n and labels[k] == label and tokens[k].text not in (",", "."):
            continue  # the span goes on with more than the pages
        e = k + 1 if k < n and labels[k] == label else k
        return [*labels[:j], *(["pages"] * (e - j)), *labels[e:]]
    return labels


def year_closing_journal(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Biochemische Zeitschrift 1913, | 49, 333–369`` (ACS), in an entry with no date
    span: the year that closes the journal's span, after its name and before a comma
    and the volume or the pages, or that opens the volume's span before a comma and the
    volume (``Physical Review Letters | 2000, 85, (24)``), is the date; it is relabelled
    date (with its comma). (Vancouver's ``2010;20(5)`` is left to the labeler.)"""
    n = len(labels)
    for i in range(1, n - 2):
        if not _digits(tokens[i].text) or not _year_like(tokens[i].text):
            continue
        if (
            labels[i] == "volume"
            and labels[i - 1] != "volume"
            and tokens[i + 1].text == ","
            and labels[i + 1] == labels[i + 2] == "volume"
            and _digits(tokens[i + 2].text)
            and not _year_like(tokens[i + 2].text)
        ):
            # "Physical Review Letters | 2000, 85, | (24)": the year opens the volume span
            return [*labels[:i], "date", "date", *labels[i + 2 :]]
        if labels[i] != "container":
            continue
        if labels[i - 1] != "container" or not tokens[i - 1].text.isalpha():
            continue
        if tokens[i + 1].text not in (",", ";") or labels[i + 2] not in _NUMBER_SPANS | {"pages"}:
            continue
        e = i + 2 if labels[i + 1] == "container" else i + 1
        return [*labels[:i], *(["date"] * (e - i)), *labels[e:]]
    return labels


def numbers_in_date_span(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Nano Lett. | 2010, 10, 1082.``: a date span that runs on past its year into two
    more numbers (ACS), in an entry with no volume and no pages span: the volume and the
    pages (a range or one page); they are relabelled so."""
    n = len(labels)
    for i in range(n - 4):
        if labels[i] != "date" or not _digits(tokens[i].text) or not _year_like(tokens[i].text):
            continue
        if tokens[i + 1].text != "," or tokens[i + 3].text != ",":
            continue
        v, p = i + 2, i + 4
        if labels[v] != "date" or labels[p] != "date" or not _digits(tokens[v].text):
            continue
        if _year_like(tokens[v].text) or not tokens[p].text.isdigit():
            continue
        if int(tokens[v].text) <= 12 and int(tokens[p].text) <= 31:
            continue  # "2010, 10, 12": a year, a month and a day as well
        e = p + 1
        if e + 1 < n and tokens[e].text in _RANGE_DASHES and tokens[e + 1].text.isdigit():
            e += 2
        if e < n and labels[e] == "date" and tokens[e].text not in (".", ","):
            continue  # the span goes on: not the pages' end
        end = e + 1 if e < n and labels[e] == "date" else e
        return [*labels[:v], "volume", "volume", *(["pages"] * (end - p)), *labels[end:]]
    return labels


def era_year_tail(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``طهران، بين الحرمين، | 1380 هجرى قمرى`` read into the span before it: a year and
    its era words (``هجرى قمرى``, ``هـ``, ``A.H.``) that end the reference inside a span
    of another label, in an entry with no date span, are the date; relabelled date."""
    n = len(labels)
    k = n
    while k > 0 and (tokens[k - 1].text in ".)" or tokens[k - 1].text.lower() in vocab.ERA_WORDS):
        k -= 1
    if k == n or k == 0 or not _digits(tokens[k - 1].text) or len(tokens[k - 1].text) < 3:
        return labels
    i = k - 1
    if i == 0 or tokens[i - 1].text not in (",", "،") or labels[i] in ("date", "pages"):
        return labels
    return [*labels[:i], *(["date"] * (n - i)), *labels[n:]]
