"""Export records as classic BibTeX or biblatex, written with bibtexparser v2.

Every text value is escaped so that no input text becomes a LaTeX command and braces
always balance: the specials ``# $ % & _`` get a backslash, and ``{ } \\ ~ ^`` become
``\\textbraceleft{}`` and friends (BibTeX counts braces even after a backslash, so ``\\{``
would not do). Names are written ``Family, Given`` with multi-word family names braced
(``{Abd al-Hussein}, Fadel Ali``) and corporate names double-braced. URL and DOI stay
verbatim; only characters that would break the field (braces, backslash, spaces) are
percent-encoded.
"""

from __future__ import annotations

import re
from typing import Literal

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry as BibEntry
from bibtexparser.model import Field as BibField

from citenorm.export.records import ExportRecord, ExportScript, records
from citenorm.models import Date, Fields, MatchResult, Name
from citenorm.text import _rx

__all__ = [
    "Dialect",
    "bib_entry",
    "escape_latex",
    "format_names",
    "to_biblatex",
    "to_bibtex",
    "verbatim",
]

Dialect = Literal["bibtex", "biblatex"]

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "#": r"\#",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
}
_SPECIAL_RE = _rx.compile(r"[\\{}~^#$%&_]")
# C0/C1 controls and other invisible format breakers (tab and newline become spaces).
_CONTROL_RE = _rx.compile(r"[\x00-\x1f\x7f-\x9f]")
_UNSAFE_URL = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20", '"': "%22"}


def _collapse(text: str) -> str:
    return " ".join(_CONTROL_RE.sub(" ", text).split())


def escape_latex(text: str) -> str:
    """``text`` with whitespace collapsed and every LaTeX special escaped."""
    return _SPECIAL_RE.sub(lambda m: _LATEX_SPECIALS[m.group()], _collapse(text))


def verbatim(text: str) -> str:
    """A URL or DOI as printed, with only field-breaking characters percent-encoded."""
    return "".join(_UNSAFE_URL.get(ch, ch) for ch in _collapse(text))


def _needs_braces(part: str) -> bool:
    return (
        " " in part
        or "," in part
        or re.search(r"\band\b", part, flags=re.IGNORECASE) is not None
        or part[:1].islower()  # ``al-Anbari`` would be read as a von part
    )


def _format_name(name: Name) -> str:
    """One name, or ``""`` when nothing printable is left."""
    if name.literal or not (name.family or name.given):
        literal = escape_latex(name.literal or "")
        return "{{" + literal + "}}" if literal else ""
    family = escape_latex(name.family or "")
    given = escape_latex(name.given or "")
    if not family:
        return "{" + given + "}" if given else ""
    if _needs_braces(family):
        family = "{" + family + "}"
    if "," in given or re.search(r"\band\b", given, flags=re.IGNORECASE):
        given = "{" + given + "}"
    return f"{family}, {given}" if given else family


def format_names(names: list[Name]) -> str:
    """BibTeX name list: ``Family, Given and {{Corporate Body}}``."""
    return " and ".join(filter(None, (_format_name(n) for n in names)))


def _iso(date: Date | None) -> str | None:
    """An ISO 8601 date (``2024-12-22``) from date-parts, for biblatex ``urldate``."""
    if date is None or not date.date_parts or not date.date_parts[0]:
        return None
    parts = date.date_parts[0]
    return "-".join([str(parts[0]).zfill(4), *(str(p).zfill(2) for p in parts[1:3])])


def _pages(page: str) -> str:
    return re.sub(r"\s*[-–—]+\s*", "--", page)


def _thesis_kind(fields: Fields) -> str:
    genre = (fields.genre or "").lower()
    if any(w in genre for w in ("دكتوراه", "doctor", "phd", "ph.d")):
        return "phdthesis"
    return "mastersthesis" if any(w in genre for w in ("ماجستير", "master")) else ""


def _entry_type(fields: Fields, dialect: Dialect) -> str:
    csl = fields.type or ""
    if csl.startswith("article"):
        return "article"
    if csl in ("book", "chapter", "report", "paper-conference"):
        biblatex = {"chapter": "incollection", "paper-conference": "inproceedings"}
        bibtex = {**biblatex, "report": "techreport"}
        return (biblatex if dialect == "biblatex" else bibtex).get(csl, csl)
    if csl == "thesis":
        return "thesis" if dialect == "biblatex" else (_thesis_kind(fields) or "phdthesis")
    if csl in ("webpage", "post", "post-weblog") and dialect == "biblatex":
        return "online"
    return "misc"


# Fields the biblatex data model allows per entry type (biblatex's ``blx-dm.def``),
# besides those every type allows (``_BIBLATEX_ANY``). A field a type does not allow goes
# to ``addendum``, so biber's data-model check stays quiet and nothing is lost.
_BIBLATEX_ANY = frozenset(
    [
        "author",
        "title",
        "date",
        "url",
        "doi",
        "urldate",
        "note",
        "addendum",
        "language",
        "langid",
        "keywords",
        "origtitle",
        "origlocation",
        "origpublisher",
        "namea",
        "nameatype",
        "usera",
        "pubstate",
    ]
)
_BIBLATEX_FIELDS: dict[str, frozenset[str]] = {
    "article": frozenset(["journaltitle", "volume", "number", "issue", "pages", "origlanguage"]),
    "book": frozenset(
        ["edition", "location", "publisher", "pages", "volume", "number", "origlanguage"]
    ),
    "incollection": frozenset(
        [
            "booktitle",
            "edition",
            "location",
            "publisher",
            "pages",
            "volume",
            "number",
            "origlanguage",
        ]
    ),
    "inproceedings": frozenset(
        ["booktitle", "location", "organization", "publisher", "pages", "volume", "number"]
    ),
    "report": frozenset(["institution", "location", "number", "pages", "type"]),
    "thesis": frozenset(["institution", "location", "pages", "type"]),
    "online": frozenset(["organization"]),
    "misc": frozenset(["howpublished", "location", "organization", "type"]),
}
# Fields that mean nothing in ``addendum``: left out where the type does not allow them.
_DROPPED = frozenset({"origlanguage"})
# How a moved field reads in ``addendum``.
_ADDENDUM_LABEL = {"edition": "ed. {}", "number": "no. {}", "volume": "vol. {}"}


def _bib_date(rec: ExportRecord, dialect: Dialect) -> tuple[str, str] | None:
    """``year`` (BibTeX) or ``date`` (biblatex, EDTF) from the Gregorian year(s).

    A Hijri-only work gets no BibTeX ``year`` (a reader would take it for a CE year) and
    a biblatex ``date`` with the Gregorian years of its Hijri year marked approximate
    (``1915~/1916~``).
    """
    date = rec.date
    if date.years:
        if dialect == "bibtex":
            return ("year", "--".join(str(y) for y in date.years))
        return ("date", "/".join(str(y) for y in date.years))
    if date.approximate and dialect == "biblatex":
        return ("date", "/".join(f"{y}~" for y in date.approximate))
    return None


def _main_fields(rec: ExportRecord, dialect: Dialect, entry_type: str) -> list[tuple[str, str]]:
    f = rec.fields
    out: list[tuple[str, str]] = []
    if f.author:
        names = format_names(f.author)
        if names:
            out.append(("author", names))
    if f.title:
        title = escape_latex(f.title)
        # a romanized title keeps its case: BibTeX styles and pandoc lower the case of
        # titles they take for English (``Tārīkh ḥalab``) unless braced
        out.append(("title", "{" + title + "}" if rec.language == "ar-Latn" else title))
    if f.container_title:
        if entry_type == "article":
            out.append(("journaltitle" if dialect == "biblatex" else "journal", f.container_title))
        elif entry_type in ("incollection", "inproceedings"):
            out.append(("booktitle", f.container_title))
        elif dialect == "biblatex" and entry_type == "online":
            out.append(("organization", f.container_title))
        else:
            out.append(("howpublished", f.container_title))
    date = _bib_date(rec, dialect)
    if date:
        out.append(date)
    for name, value in (("volume", f.volume), ("number", f.issue), ("edition", f.edition)):
        if value:
            out.append((name, value))
    if f.page:
        out.append(("pages", _pages(f.page)))
    if f.publisher:
        if entry_type in ("thesis", "mastersthesis", "phdthesis"):
            out.append(("institution" if dialect == "biblatex" else "school", f.publisher))
        elif entry_type in ("techreport", "report"):
            out.append(("institution", f.publisher))
        else:
            out.append(("publisher", f.publisher))
    if f.publisher_place:
        out.append(("location" if dialect == "biblatex" else "address", f.publisher_place))
    if entry_type == "thesis":
        kind = _thesis_kind(f)
        out.append(("type", {"mastersthesis": "mathesis"}.get(kind, kind) or f.genre or "Thesis"))
    elif f.genre:
        out.append(("type", f.genre))
    if f.status and dialect == "biblatex":
        out.append(("pubstate", f.status))
    # names and title are escaped above; dates are generated (EDTF ``1915~`` must stay)
    raw = ("author", "title", "date", "year")
    return [(k, v if k in raw else escape_latex(v)) for k, v in out if v]


def _fit_data_model(fields: list[tuple[str, str]], entry_type: str) -> list[tuple[str, str]]:
    """Move the fields ``entry_type`` does not allow into ``addendum``, in print order:
    ``Beirut: Dar al-Ilm, ed. 2`` (values are already escaped)."""
    allowed = _BIBLATEX_ANY | _BIBLATEX_FIELDS.get(entry_type, frozenset())
    kept = [(k, v) for k, v in fields if k in allowed]
    moved = {k: v for k, v in fields if k not in allowed and k not in _DROPPED}
    parts = []
    place, publisher = moved.pop("location", None), moved.pop("publisher", None)
    if place and publisher:
        parts.append(f"{place}: {publisher}")
    elif place or publisher:
        parts.append(place or publisher or "")
    for key, value in moved.items():
        parts.append(_ADDENDUM_LABEL.get(key, "{}").format(value))
    if parts:
        kept.append(("addendum", ", ".join(parts)))
    return kept


def _extra_fields(rec: ExportRecord, dialect: Dialect) -> list[tuple[str, str]]:
    f = rec.fields
    out: list[tuple[str, str]] = []
    if f.URL:
        out.append(("url", verbatim(f.URL)))
    if f.DOI:
        out.append(("doi", verbatim(f.DOI)))
    accessed = _iso(f.accessed)
    if accessed and dialect == "biblatex":
        out.append(("urldate", accessed))
    orig = rec.original
    if orig is not None:
        # the counterpart in the other script: title, place and publisher have orig*
        # fields; its authors go in the name list ``namea`` and its journal in ``usera``
        for name, value in (
            ("origtitle", orig.title),
            ("origlocation", orig.publisher_place),
            ("origpublisher", orig.publisher),
        ):
            if value:
                out.append((name, escape_latex(value)))
        names = format_names(orig.author or [])
        if names:
            out += [("namea", names), ("nameatype", "author")]
        if orig.container_title:
            out.append(("usera", escape_latex(orig.container_title)))
    if rec.script == "arabic":
        out.append(("langid", "arabic"))
    elif rec.arabic_work:
        out.append(("origlanguage", "arabic"))
    if rec.keywords:
        out.append(("keywords", ", ".join(rec.keywords)))
    if rec.note:
        out.append(("note", escape_latex(rec.note)))
    return out


def bib_entry(rec: ExportRecord, *, dialect: Dialect = "biblatex") -> BibEntry:
    """One bibtexparser entry for ``rec``; field values are escaped, without enclosing."""
    entry_type = _entry_type(rec.fields, dialect)
    pairs = _main_fields(rec, dialect, entry_type) + _extra_fields(rec, dialect)
    if dialect == "biblatex":
        pairs = _fit_data_model(pairs, entry_type)
    return BibEntry(entry_type, rec.key, [BibField(k, v) for k, v in pairs])


def _write(result: MatchResult, script: ExportScript, dialect: Dialect, propose: bool) -> str:
    library = Library()
    for rec in records(result, script=script, propose=propose):
        library.add(bib_entry(rec, dialect=dialect))
    text: str = write_string(library)
    return text


def to_bibtex(result: MatchResult, *, script: ExportScript = "latin", propose: bool = False) -> str:
    """Classic BibTeX (``@article``, ``@book``, ``@mastersthesis``, ``@misc``...).

    ``propose``: Arabic entries without a romanized counterpart are exported from
    citenorm's proposed romanization, with a ``note`` and a keyword saying so (see
    :func:`~citenorm.export.records`)."""
    return _write(result, script, "bibtex", propose)


def to_biblatex(
    result: MatchResult, *, script: ExportScript = "latin", propose: bool = False
) -> str:
    """biblatex, with the counterpart in ``origtitle``/``origlocation``/``origpublisher``
    (``propose`` as in :func:`to_bibtex`)."""
    return _write(result, script, "biblatex", propose)
