"""citenorm's records: frozen pydantic models that every stage passes along.

Field names follow CSL-JSON (``container-title``, ``publisher-place``, ``issued``...), so
records, the JSON output and the CSL export speak one vocabulary. Every record keeps its
provenance: the 1-based ``line`` where it starts and its ``raw`` text as printed.
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, SkipValidation

__all__ = [
    "Citation",
    "Date",
    "Document",
    "Entry",
    "FailedLine",
    "Fields",
    "Footnote",
    "InTextCitation",
    "ListKind",
    "Marker",
    "MarkerKind",
    "MatchResult",
    "Name",
    "Pair",
    "Script",
    "Section",
]

Script = Literal["arabic", "latin"]
ListKind = Literal["original", "romanized"]
FootnoteKind = Literal["full", "op_cit", "ibid", "note"]
MarkerKind = Literal["paren", "bracket", "superscript", "markdown"]


class _Record(BaseModel):
    # defer_build: validators are built on first use, which keeps `import citenorm` fast
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


class Name(_Record):
    """A person (``family``/``given``) or a corporate body (``literal``), as printed."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None

    def display(self) -> str:
        """The name in reading order (given first), or the literal."""
        if self.literal:
            return self.literal
        return " ".join(p for p in (self.given, self.family) if p)


class Date(_Record):
    """A CSL date: ``date-parts`` holds the Gregorian year; ``raw`` what was printed."""

    date_parts: list[list[int]] | None = Field(default=None, alias="date-parts")
    literal: str | None = None
    raw: str | None = None

    @property
    def year(self) -> int | None:
        """The first Gregorian year, if any."""
        if self.date_parts and self.date_parts[0]:
            return self.date_parts[0][0]
        return None


class Fields(_Record):
    """Parsed bibliographic fields, named as CSL-JSON variables.

    ``hijri`` (not a CSL variable) holds a printed Hijri year, so that ``issued`` stays a
    valid CSL date holding the Gregorian year only.
    """

    type: str | None = None
    author: list[Name] | None = None
    title: str | None = None
    container_title: str | None = Field(default=None, alias="container-title")
    volume: str | None = None
    issue: str | None = None
    edition: str | None = None
    page: str | None = None
    publisher: str | None = None
    publisher_place: str | None = Field(default=None, alias="publisher-place")
    issued: Date | None = None
    hijri: int | None = None
    accessed: Date | None = None
    URL: str | None = None
    DOI: str | None = None
    genre: str | None = None
    status: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The fields as CSL-JSON variables, empty ones left out."""
        return self.model_dump(by_alias=True, exclude_none=True, mode="json")


class Footnote(_Record):
    """One footnote (or endnote), without its marker.

    ``group`` is the page group: a new group starts where numbering restarts.
    ``refers_to`` is the id of the earlier full footnote an ``op_cit``/``ibid`` points to.
    ``body_line`` is where the marker stands in the body, when found.
    """

    id: str
    number: int | None
    group: int
    marker: str
    text: str
    kind: FootnoteKind
    refers_to: str | None = None
    line: int
    body_line: int | None = None
    raw: str
    fields: Fields = Field(default_factory=Fields)
    paragraph: int | None = None  # DOCX/PDF input: paragraph of the line
    page: int | None = None  # PDF input: page of the line


class InTextCitation(_Record):
    """An author-date citation in the body, e.g. ``(العتيبي، 2015)``."""

    id: str
    text: str
    line: int
    column: int
    author: str | None = None
    year: str | None = None
    locator: str | None = None  # the cited page(s), as printed: "ص 4", "p. 4"
    paragraph: int | None = None  # DOCX/PDF input: paragraph of the line
    page: int | None = None  # PDF input: page of the line


class Section(_Record):
    """A recognised heading of a bibliography list or of one of its sub-sections."""

    id: str
    title: str
    line: int
    list: ListKind
    level: int = 1
    paragraph: int | None = None  # DOCX/PDF input: paragraph of the line
    page: int | None = None  # PDF input: page of the line


class Entry(_Record):
    """One entry of a bibliography list, without its list number."""

    id: str
    list: ListKind
    script: Script
    section: str | None
    number: int | None
    text: str
    line: int
    raw: str
    fields: Fields = Field(default_factory=Fields)
    paragraph: int | None = None  # DOCX/PDF input: paragraph of the line
    page: int | None = None  # PDF input: page of the line


class Marker(NamedTuple):
    """A footnote marker in the body, as extraction found it: ``(3)``, ``[3]``, ``³``,
    ``[^3]``.

    ``label`` is the number in ASCII digits (or a Markdown footnote's label); ``column``
    (1-based) and ``length`` count code points of the printed line. Not part of the
    JSON output: the audit reads it. A named tuple, not a pydantic record: an article
    may hold a marker every few words (about 100 bytes each, not 1 KB).
    """

    label: str
    kind: MarkerKind
    line: int
    column: int
    length: int


class FailedLine(_Record):
    """A line of a bibliography that is neither an entry nor a heading, with the reason."""

    line: int
    text: str
    reason: str


class Document(_Record):
    """Everything extracted from one article."""

    source: str | None = None
    footnotes: list[Footnote] = Field(default_factory=list)
    in_text: list[InTextCitation] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    entries: list[Entry] = Field(default_factory=list)
    failed: list[FailedLine] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    lines: list[str] = Field(default_factory=list, repr=False)
    markers: SkipValidation[list[Marker]] = Field(default_factory=list, repr=False)
    """The footnote markers of the body (not in the JSON output; the audit reads them).
    Built by extraction, so not validated again (a marker every few words is common)."""

    def entry(self, entry_id: str) -> Entry:
        """The entry with this id (``KeyError`` if none)."""
        for e in self.entries:
            if e.id == entry_id:
                return e
        raise KeyError(entry_id)

    def footnote(self, footnote_id: str) -> Footnote:
        """The footnote with this id (``KeyError`` if none)."""
        for f in self.footnotes:
            if f.id == footnote_id:
                return f
        raise KeyError(footnote_id)


class Pair(_Record):
    """An Arabic entry of the original list and the romanized entry that renders it."""

    arabic: str
    latin: str
    score: float
    evidence: dict[str, Any] = Field(default_factory=dict)


class Citation(_Record):
    """A link from a footnote or an in-text citation to a list entry it cites."""

    footnote: str | None = None
    in_text: str | None = None
    entry: str
    score: float


class MatchResult(_Record):
    """The output of :func:`citenorm.match`: the document, its pairs and citations."""

    document: Document
    pairs: list[Pair] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    unlisted: list[str] = Field(default_factory=list)
    unpaired_arabic: list[str] = Field(default_factory=list)
    unpaired_latin: list[str] = Field(default_factory=list)
