"""citenorm's records: frozen pydantic models that every stage passes along.

Field names follow CSL-JSON (``container-title``, ``publisher-place``, ``issued``...), so
records, the JSON output and the CSL export speak one vocabulary. Every record keeps its
provenance: the 1-based ``line`` where it starts and its ``raw`` text as printed.
"""

# no ``from __future__ import annotations``: pydantic reads these classes' annotations
# as types, where strings would each be evaluated when the class is built (~3 ms of a
# cold start for the records)
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Iterator, Sequence
from typing import Any, Literal, NamedTuple, overload

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SkipValidation,
    field_serializer,
    field_validator,
    model_validator,
)

from citenorm._keyed import keyed

__all__ = [
    "Citation",
    "Date",
    "Document",
    "Entry",
    "FailedLine",
    "FailedLines",
    "Fields",
    "Footnote",
    "InTextCitation",
    "ListKind",
    "Marker",
    "MarkerKind",
    "Markers",
    "MatchResult",
    "Name",
    "Pair",
    "Repeat",
    "Script",
    "Section",
]

Script = Literal["arabic", "latin"]
ListKind = Literal["original", "romanized"]
FootnoteKind = Literal["full", "op_cit", "ibid", "note"]
MarkerKind = Literal["paren", "bracket", "superscript", "markdown"]


# default factories of plain functions: pydantic reads a factory's signature when it builds
# a validator, and that of a builtin (``list``, ``dict``) or of a model class is parsed
# from its text (~2-3 ms of a cold start for the records)
def _new_list() -> list[Any]:
    return []


def _new_dict() -> dict[str, Any]:
    return {}


def _new_fields() -> "Fields":
    return Fields.model_construct()


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
    fields: Fields = Field(default_factory=_new_fields)
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
    fields: Fields = Field(default_factory=_new_fields)
    paragraph: int | None = None  # DOCX/PDF input: paragraph of the line
    page: int | None = None  # PDF input: page of the line


class Marker(NamedTuple):
    """A footnote marker in the body, as extraction found it: ``(3)``, ``[3]``, ``³``,
    ``[^3]``.

    ``label`` is the number in ASCII digits (or a Markdown footnote's label); ``column``
    (1-based) and ``length`` count code points of the printed line. Not part of the
    JSON output: the audit reads it.
    """

    label: str
    kind: MarkerKind
    line: int
    column: int
    length: int


_MARKER_KINDS: tuple[MarkerKind, ...] = ("paren", "bracket", "superscript", "markdown")


class Markers(Sequence[Marker]):
    """The footnote markers of a document, in text order, stored in columns.

    An article may hold a marker every few words: a :class:`Marker` object each would
    cost about 110 bytes, a row of these columns about 21 (labels are shared). Reads
    like a sequence of :class:`Marker`; :meth:`on_line` gives one line's.
    """

    __slots__ = ("_columns", "_kinds", "_labels", "_lengths", "_lines", "_rows")

    def __init__(self, markers: Iterable[Marker] = ()) -> None:
        self._labels: list[str] = []
        self._kinds = bytearray()
        self._lines = array("i")
        self._columns = array("i")
        self._lengths = array("i")
        # line -> its rows (start, end), only when the lines do not ascend (in text
        # order they do, and a line's rows are found by bisection: a dict entry and a
        # tuple per line held ~150 bytes a marker of an article with one a line)
        self._rows: dict[int, tuple[int, int]] | None = None
        shared: dict[str, str] = {}
        for m in markers:
            row = len(self._labels)
            if self._rows is None and row and m.line < self._lines[-1]:
                self._rows = self._line_rows()
            if self._rows is not None:
                start, _ = self._rows.get(m.line, (row, row))
                if m.line in self._rows and self._lines[-1] != m.line:
                    raise ValueError(f"markers of line {m.line} are not together")
                self._rows[m.line] = (start, row + 1)
            self._labels.append(shared.setdefault(m.label, m.label))
            self._kinds.append(_MARKER_KINDS.index(m.kind))
            self._lines.append(m.line)
            self._columns.append(m.column)
            self._lengths.append(m.length)

    def __len__(self) -> int:
        return len(self._labels)

    @overload
    def __getitem__(self, index: int) -> Marker: ...

    @overload
    def __getitem__(self, index: slice) -> list[Marker]: ...

    def __getitem__(self, index: int | slice) -> Marker | list[Marker]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        kind = _MARKER_KINDS[self._kinds[index]]
        return Marker(
            self._labels[index],
            kind,
            self._lines[index],
            self._columns[index],
            self._lengths[index],
        )

    def _line_rows(self) -> dict[int, tuple[int, int]]:
        """Line -> its rows (start, end), of the ascending lines so far."""
        rows: dict[int, tuple[int, int]] = {}
        for row, line in enumerate(self._lines):
            rows[line] = (rows.get(line, (row, row))[0], row + 1)
        return rows

    def on_line(self, line: int) -> Iterator[Marker]:
        """The markers of one line, left to right."""
        if self._rows is not None:
            start, end = self._rows.get(line, (0, 0))
        else:
            start = bisect_left(self._lines, line)
            end = bisect_right(self._lines, line, start)
        return (self[k] for k in range(start, end))

    def without(self, lines: Container[int]) -> "Markers":
        """These markers, less those on ``lines``."""
        return Markers(m for m in self if m.line not in lines)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Markers):
            return self._labels == other._labels and list(self) == list(other)
        return isinstance(other, Sequence) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Markers({list(self)!r})"


class FailedLine(_Record):
    """A line of a bibliography that is neither an entry nor a heading, with the reason."""

    line: int
    text: str
    reason: str


class FailedLines(Sequence[FailedLine]):
    """The failed lines of a document, in line order, stored in columns.

    A list of unreadable lines (a flood of ``-``) has a failed line per line: a
    :class:`FailedLine` each would cost about 400 bytes, a row of these columns about 13
    (reasons and texts are shared). Reads like a sequence of :class:`FailedLine`, each
    built when read.
    """

    __slots__ = ("_lines", "_reason_names", "_reasons", "_texts")

    def __init__(self, failed: Iterable[FailedLine | tuple[int, str, str]] = ()) -> None:
        self._lines = array("i")
        self._reasons = bytearray()
        self._texts: list[str] = []
        self._reason_names: list[str] = []
        for f in failed:
            self.append(*(f if isinstance(f, tuple) else (f.line, f.text, f.reason)))

    def append(self, line: int, text: str, reason: str) -> None:
        """Add a failed line (``line``, its printed ``text``, the ``reason``)."""
        try:
            code = self._reason_names.index(reason)
        except ValueError:
            code = len(self._reason_names)
            if code > 255:
                raise ValueError("more than 256 distinct reasons") from None
            self._reason_names.append(reason)
        self._lines.append(line)
        self._reasons.append(code)
        self._texts.append(text)

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> FailedLine: ...

    @overload
    def __getitem__(self, index: slice) -> list[FailedLine]: ...

    def __getitem__(self, index: int | slice) -> FailedLine | list[FailedLine]:
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        return FailedLine.model_construct(
            line=self._lines[index],
            text=self._texts[index],
            reason=self._reason_names[self._reasons[index]],
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"FailedLines({list(self)!r})"


class Document(_Record):
    """Everything extracted from one article."""

    source: str | None = None
    footnotes: list[Footnote] = Field(default_factory=_new_list)
    in_text: list[InTextCitation] = Field(default_factory=_new_list)
    sections: list[Section] = Field(default_factory=_new_list)
    entries: list[Entry] = Field(default_factory=_new_list)
    failed: SkipValidation[Sequence[FailedLine]] = Field(default_factory=FailedLines)
    """The lines of the lists that are neither entries nor headings (:class:`FailedLines`:
    a list given is stored so, its items validated as :class:`FailedLine`)."""
    warnings: list[str] = Field(default_factory=_new_list)
    lines: SkipValidation[list[str]] = Field(default_factory=_new_list, repr=False)
    paragraphs: list[int | None] | None = Field(default=None, repr=False)
    """DOCX input: the paragraph of each line (index ``line - 1``; ``None`` for a line
    citenorm added). Not in the JSON output: the records carry their own."""
    pages: list[int | None] | None = Field(default=None, repr=False)
    """PDF input: the page of each line, as :attr:`paragraphs`."""
    markers: SkipValidation[Sequence[Marker]] = Field(
        default_factory=Markers, repr=False, exclude=True
    )
    """The footnote markers of the body (not in the JSON output; the audit reads them).
    Built by extraction (:class:`Markers`), so not validated again."""

    @field_validator("failed", mode="before")
    @classmethod
    def _failed_columns(cls, value: Any) -> FailedLines:
        if isinstance(value, FailedLines):
            return value
        return FailedLines(
            f if isinstance(f, FailedLine) else FailedLine.model_validate(f) for f in value
        )

    @field_serializer("failed")
    def _failed_list(self, failed: Sequence[FailedLine]) -> list[FailedLine]:
        return list(failed)

    @model_validator(mode="after")
    def _unique_ids(self) -> "Document":
        return with_unique_ids(self)

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


def with_unique_ids(doc: Document) -> Document:
    """``doc``, whose ids are unique in the whole document (footnotes, in-text
    citations, sections and entries alike): every reference holds one, and must name
    one record (``ValueError`` otherwise). Validation checks it; extraction, which
    builds the document without a validator, calls it."""
    seen: set[str] = set()
    for records in (doc.footnotes, doc.in_text, doc.sections, doc.entries):
        for r in records:
            if r.id in seen:
                raise ValueError(f"duplicate id {r.id!r}: ids must be unique in a document")
            seen.add(r.id)
    return doc


class Pair(_Record):
    """An Arabic entry of the original list and the romanized entry that renders it.

    ``score`` (0-100) is the pair's confidence: its ``similarity`` lowered when another
    candidate is (nearly) as good. ``rival`` is the entry that competes with one of the
    pair's (another romanization of the Arabic entry, or another Arabic entry for the
    romanized one) and ``rival_score`` the similarity of that other pair. ``evidence``
    gives each compared feature, ``decided`` (the features that told the pair from its
    rival, or that agree when it has none) and ``missing`` (the features that could not
    count)."""

    arabic: str
    latin: str
    score: float
    evidence: dict[str, Any] = Field(default_factory=_new_dict)
    similarity: float | None = None
    rival: str | None = None
    rival_score: float | None = None


class Repeat(_Record):
    """A foreign (Latin-script) work of the original list printed again in the romanized
    list: ACRPS journals, for one, end their References with the foreign works of the
    Arabic list's الأجنبية section. The two entries are one work: the romanized copy is
    not a romanization without an Arabic entry, a citation of either cites both, and the
    work is exported once."""

    original: str
    romanized: str
    score: float


class Citation(_Record):
    """A link from a footnote or an in-text citation to a list entry it cites."""

    footnote: str | None = None
    in_text: str | None = None
    entry: str
    score: float


class MatchResult(_Record):
    """The output of :func:`citenorm.match`: the document, its pairs and citations."""

    document: Document
    pairs: list[Pair] = Field(default_factory=_new_list)
    citations: list[Citation] = Field(default_factory=_new_list)
    unlisted: list[str] = Field(default_factory=_new_list)
    unpaired_arabic: list[str] = Field(default_factory=_new_list)
    unpaired_latin: list[str] = Field(default_factory=_new_list)
    repeats: list[Repeat] = Field(default_factory=_new_list)
    """Romanized-list entries that repeat a foreign work of the original list (not in
    ``unpaired_latin``: they render an entry of the original list)."""


# every record class keeps the values of the records made by citenorm's stages in a key
# table it shares (memory: citenorm._keyed)
for _cls in _Record.__subclasses__():
    keyed(_cls)
del _cls
