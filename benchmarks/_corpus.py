"""Shared generator helpers for the benchmarks: catalogue records -> bibliography entries.

``aco-dev.jsonl`` holds real catalogue records, each field in Arabic script and in ALA-LC
romanization, with library (ISBD) punctuation. :func:`clean_record` turns one record
into the parts a journal author would print (family and given name, title, edition,
place, publisher, Gregorian and Hijri year) for each script; :func:`format_entry` prints
them in one of two house styles:

* ``iraqi``: comma style, numbered:
  ``1. Family، Given، Title، Publisher، Place، Year.`` (Arabic side optionally with the
  imprint in parentheses, as Iraqi journals often do);
* ``acrps``: ACRPS/Chicago period style, unnumbered:
  ``Family، Given. Title. Place: Publisher، Year.``

Variants of the romanized side: ``alalc`` (as catalogued), ``ascii`` (diacritics and
ʻ ʼ marks folded away, like popular spellings) and ``notitle`` (title left out; kept only
when the record has no author, so that every entry still has a head).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (ROOT / ".." / "shared" / "data" / "aco-dev.jsonl").resolve()

VARIANTS = ("alalc", "ascii", "notitle")
STYLES = ("iraqi", "acrps")

_ARABIC = re.compile("[\u0600-\u06ff]")
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MARKS = re.compile("[\u02b9-\u02bf\u2018\u2019`'\u00b4]")
_TRAIL = re.compile(r"[\s/:;,.،؛=]+$")
_YEAR = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")
_AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_TO_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NO_PUBLISHER = re.compile(r"s\.\s*n\.|publisher not identified|\bn\.p\.", re.IGNORECASE)


@dataclass(frozen=True)
class Parts:
    """One side (Arabic or romanized) of a record, as a journal author would print it."""

    family: str | None  # person: family name; corporate body: the whole name
    given: str | None
    corporate: bool
    title: str
    edition: str | None
    place: str | None
    publisher: str | None
    year: int | None  # Gregorian
    hijri: int | None


@dataclass(frozen=True)
class Record:
    """A catalogue record cleaned for printing: the Arabic side and the romanized side."""

    rid: str
    arabic: Parts
    latin: Parts


def load_records(path: Path = DEFAULT_DATA) -> list[dict[str, str | None]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ascii_fold(text: str) -> str:
    """ALA-LC -> plain ASCII: combining marks and ʻ ʼ ‘ ’ marks removed."""
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def _clean(value: str | None) -> str:
    """ISBD punctuation off: bidi marks, brackets, trailing ` /`, ` :`, `,`, `.`."""
    if not value:
        return ""
    v = _BIDI.sub("", value)
    v = v.replace("[", "").replace("]", "").replace("?", "").replace("؟", "")
    v = re.sub(r"\s+", " ", v).strip()
    return _TRAIL.sub("", v).strip()


def _author(value: str | None, arabic: bool) -> tuple[str | None, str | None, bool]:
    v = _BIDI.sub("", value or "").strip()
    if not v:
        return None, None, False
    sep = "[،,]" if arabic else ","
    head = re.split(sep, v)[0]
    if re.search(r"\S\. \S", head):  # "Iraq. Mudīrīyat al-Baladīyāt" : a corporate body
        name = _clean(re.split(r"\s*[،,]\s*(?=[0-9])", v)[0])
        if arabic:  # keep only the Arabic-script part of a mixed heading
            name = _clean(" ".join(w for w in name.split() if _ARABIC.search(w)))
        return (name or None), None, True
    parts = []
    for p in re.split(sep, v):
        p = _clean(p)
        if not p or re.search(r"[0-9]|approximately|حوالي", p):
            continue
        if arabic and not _ARABIC.search(p):
            continue
        if not arabic and re.fullmatch(r"(comte|editor|author|translator|compiler|Sir|Jr)", p):
            continue
        parts.append(p)
    if not parts:
        return None, None, False
    return parts[0], (parts[1] if len(parts) > 1 else None), False


def _title(value: str | None) -> str:
    v = _BIDI.sub("", value or "")
    v = v.split(" = ")[0]  # parallel title
    v = re.sub(r"\s+:\s+", ": ", v)
    v = re.sub(r"\s+([;؛])\s+", r"\1 ", v)
    return re.sub(r"\s*\.\s+(?=\S)", ", ", _clean(v))  # ISBD part separators


def _place(value: str | None) -> str | None:
    v = _BIDI.sub("", value or "").replace("[", "").replace("]", "").strip()
    v = _clean(re.split(r"\s*[,;،؛:]\s*", v)[0])
    return v or None


def _publisher(value: str | None) -> str | None:
    v = _BIDI.sub("", value or "")
    v = v.split(" ; ")[0].split(" ؛ ")[0]
    v = _clean(v)
    if not v or _NO_PUBLISHER.search(v) or v in {"ن", "د.ن"}:
        return None
    return v


def _edition(value: str | None) -> str | None:
    v = _clean(value)
    return v or None


def _dates(value: str | None) -> tuple[int | None, int | None]:
    """(Gregorian, Hijri) years of a catalogue date such as ``1365 H. = 1946 M.``."""
    v = (value or "").translate(_TO_WESTERN)
    years = [int(y) for y in _YEAR.findall(v)]
    greg = next((y for y in years if 1500 <= y <= 2030), None)
    hijri = next((y for y in years if 1200 <= y < 1500), None)
    return greg, hijri


def clean_record(r: dict[str, str | None]) -> Record:
    sides = {}
    for side, arabic in (("arabic", True), ("romanized", False)):
        family, given, corporate = _author(r.get(f"author_{side}"), arabic)
        year, hijri = _dates(r.get(f"date_{side}"))
        sides[side] = Parts(
            family=family,
            given=given,
            corporate=corporate,
            title=_title(r.get(f"title_{side}")),
            edition=_edition(r.get(f"edition_{side}")),
            place=_place(r.get(f"place_{side}")),
            publisher=_publisher(r.get(f"publisher_{side}")),
            year=year,
            hijri=hijri,
        )
    return Record(rid=str(r.get("record_id")), arabic=sides["arabic"], latin=sides["romanized"])


def vary(parts: Parts, variant: str) -> Parts:
    """The romanized side in a benchmark variant."""
    if variant == "ascii":
        f = lambda s: ascii_fold(s) if s else s  # noqa: E731
        return replace(
            parts,
            family=f(parts.family),
            given=f(parts.given),
            title=f(parts.title),
            edition=f(parts.edition),
            place=f(parts.place),
            publisher=f(parts.publisher),
        )
    if variant == "notitle" and parts.family:
        return replace(parts, title="", edition=None)
    return parts


# ---------------------------------------------------------------- formatting


@dataclass(frozen=True)
class Look:
    """Per-article typographic choices."""

    style: str  # iraqi | acrps
    arabic_digits: bool = True  # Arabic-Indic digits in the Arabic list
    parens: bool = False  # iraqi: Arabic imprint in parentheses
    italics: bool = False  # acrps: *Title* on the romanized side
    in_arabic: bool = False  # acrps: "[in Arabic]" after romanized entries


def _date_text(p: Parts, arabic: bool, look: Look) -> str | None:
    if arabic:
        if p.hijri and p.year:
            s = f"{p.hijri} هـ / {p.year} م"
        elif p.hijri:
            s = f"{p.hijri} هـ"
        elif p.year:
            s = str(p.year)
        else:
            return None
        return s.translate(_AR_DIGITS) if look.arabic_digits else s
    if p.hijri and p.year:
        return f"{p.hijri}/{p.year}"
    if p.year:
        return str(p.year)
    if p.hijri:
        return f"{p.hijri} AH"
    return None


def format_entry(p: Parts, *, arabic: bool, look: Look) -> str:
    """One entry's text (without list number) in the article's house style."""
    comma = "، " if arabic else ", "
    date = _date_text(p, arabic, look)
    title = p.title
    if title and look.style == "acrps" and look.italics and not arabic:
        title = f"*{title}*"
    if look.style == "iraqi":
        head = [x for x in (p.family, p.given) if x]
        imprint = [x for x in (p.publisher, p.place, date) if x]
        body = [x for x in (title, p.edition) if x]
        if arabic and look.parens and imprint:
            text = comma.join([*head, *body]) + comma + "(" + comma.join(imprint) + ")"
        else:
            text = comma.join([*head, *body, *imprint])
        return text.rstrip(".") + "."
    # acrps / Chicago
    blocks = []
    if p.family:
        blocks.append(comma.join(x for x in (p.family, p.given) if x))
    if title:
        blocks.append(title)
    if p.edition:
        blocks.append(p.edition)
    imprint = ""
    if p.place and p.publisher:
        imprint = f"{p.place}: {p.publisher}"
    else:
        imprint = p.place or p.publisher or ""
    if date:
        imprint = f"{imprint}{comma}{date}" if imprint else date
    if imprint:
        blocks.append(imprint)
    text = ". ".join(b.rstrip(".") for b in blocks) + "."
    if not arabic and look.in_arabic:
        text += " [in Arabic]"
    return text


def random_look(rng: Random, style: str) -> Look:
    return Look(
        style=style,
        arabic_digits=rng.random() < 0.7,
        parens=rng.random() < 0.5,
        italics=rng.random() < 0.5,
        in_arabic=rng.random() < 0.4,
    )


def _sort_key(p: Parts) -> str:
    return (p.family or p.title).lstrip("*")


_FILLER = (
    "تتناول هذه الدراسة تاريخ الطباعة العربية وأثرها في حركة التأليف والنشر في المشرق.",
    "ويعرض البحث أهم المصادر التي اعتمد عليها الباحثون في دراسة هذا الموضوع.",
    "وقد اعتمد الباحث على المنهج التاريخي الوصفي في عرض المادة وتحليلها.",
)


@dataclass(frozen=True)
class Task:
    """One synthetic article and its truth: (Arabic entry line, romanized entry line)."""

    text: str
    truth: frozenset[tuple[int, int]]
    arabic_lines: dict[int, tuple[str, Parts]]  # line -> (record id, parts printed)
    latin_lines: dict[int, tuple[str, Parts]]
    style: str
    variant: str


def build_task(
    records: list[Record],
    rng: Random,
    *,
    variant: str,
    style: str,
    drop_arabic: float = 0.1,
    drop_latin: float = 0.1,
    look: Look | None = None,
) -> Task:
    """An article with an Arabic list (sorted, as journals do) and a shuffled romanized one.

    Each record is printed on both sides, except a share ``drop_latin`` with no
    romanization (Arabic only) and a share ``drop_arabic`` with no Arabic entry
    (romanized only). Numbers restart on each side, so neither order nor numbering tells
    which entries pair.
    """
    look = look or random_look(rng, style)
    fate = {}
    for rec in records:
        x = rng.random()
        fate[rec.rid] = "ar" if x < drop_latin else "la" if x < drop_latin + drop_arabic else "both"
    ar = [r for r in records if fate[r.rid] != "la" and (r.arabic.family or r.arabic.title)]
    la = [r for r in records if fate[r.rid] != "ar"]
    ar.sort(key=lambda r: _sort_key(r.arabic))
    rng.shuffle(la)

    lines = ["دراسة في تاريخ الطباعة العربية", ""]
    lines += [rng.choice(_FILLER) for _ in range(rng.randint(1, 3))]
    lines += ["", rng.choice(["المصادر", "المصادر:", "المصادر :"])]
    ar_lines: dict[int, tuple[str, Parts]] = {}
    for k, rec in enumerate(ar, 1):
        text = format_entry(rec.arabic, arabic=True, look=look)
        if style == "iraqi":
            num = str(k).translate(_AR_DIGITS) if look.arabic_digits and k % 7 == 0 else str(k)
            text = f"{num}. {text}"
        lines.append(text)
        ar_lines[len(lines)] = (rec.rid, rec.arabic)
    lines += ["", rng.choice(["Bibliography", "Bibliography:", "Bibliography :"])]
    la_lines: dict[int, tuple[str, Parts]] = {}
    for k, rec in enumerate(la, 1):
        parts = vary(rec.latin, variant)
        text = format_entry(parts, arabic=False, look=look)
        if style == "iraqi":
            text = f"{k}. {text}"
        lines.append(text)
        la_lines[len(lines)] = (rec.rid, parts)
    lines.append("")
    line_of_latin = {rid: ln for ln, (rid, _) in la_lines.items()}
    truth = frozenset(
        (ln, line_of_latin[rid]) for ln, (rid, _) in ar_lines.items() if rid in line_of_latin
    )
    return Task(
        text="\n".join(lines),
        truth=truth,
        arabic_lines=ar_lines,
        latin_lines=la_lines,
        style=style,
        variant=variant,
    )
