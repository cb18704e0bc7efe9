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
from collections.abc import Container, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Annotated, Any, Literal, NamedTuple, TypeVar, overload

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    SkipValidation,
    field_serializer,
    field_validator,
    model_validator,
)

from citenorm._keyed import inline, inline_given, keyed

__all__ = [
    "Citation",
    "Date",
    "Document",
    "Entries",
    "Entry",
    "FailedLine",
    "FailedLines",
    "Fields",
    "Footnote",
    "Footnotes",
    "InTextCitation",
    "InTextCitations",
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


# --- records in columns ---------------------------------------------------------------
_R = TypeVar("_R", bound=_Record)


class _Rows(Sequence[_R]):
    """Records of one class stored in columns, each built when read (:meth:`_record`),
    equal to the record stored: a sequence of them (``len``, index, slice, iteration,
    ``==`` with a list of records), found by id (:meth:`by_id`, :meth:`row_of`) without
    a scan. Records read are new objects each time: compare them by value or by id,
    never by identity. Subclasses keep the columns and make a row's id
    (:meth:`_id_of`) and record."""

    __slots__ = ("_index", "_known", "_set_names", "_sets", "_whole")

    def __init__(self) -> None:
        self._sets = bytearray()  # index of the record's fields set in _set_names
        self._set_names: list[set[str]] = []
        self._known: dict[Hashable, int] = {}  # interned values -> their index
        # rows kept as given (a subclass's record), made when the first comes
        self._whole: dict[int, _R] | None = None
        self._index: dict[str, int] | None = None  # id -> (first) row, made when asked

    def __len__(self) -> int:
        return len(self._sets)

    def _record(self, row: int) -> _R:
        raise NotImplementedError

    def _id_of(self, row: int) -> str:
        raise NotImplementedError

    def _put_row(self, row: int, record: _R, kind: type[_R]) -> None:
        """Write ``record``'s fields set (interned: a handful per document) at ``row``
        (``len(self)``: appended), and keep ``record`` itself when it is of a subclass
        of ``kind`` (read back as given). The subclass writes the columns."""
        key = frozenset(record.model_fields_set)
        code = self._known.get(key)
        if code is None:
            code = self._known[key] = len(self._set_names)
            if code > 255:
                raise ValueError("more than 256 distinct sets of fields given")
            self._set_names.append(set(key))
        if row == len(self._sets):
            self._sets.append(code)
        else:
            self._sets[row] = code
        if type(record) is not kind:
            if self._whole is None:
                self._whole = {}
            self._whole[row] = record
        elif self._whole:
            self._whole.pop(row, None)

    @overload
    def __getitem__(self, index: int) -> _R: ...

    @overload
    def __getitem__(self, index: slice) -> list[_R]: ...

    def __getitem__(self, index: int | slice) -> _R | list[_R]:
        if isinstance(index, slice):
            return [self._read(k) for k in range(*index.indices(len(self)))]
        n = len(self)
        if not -n <= index < n:
            raise IndexError("record index out of range")
        return self._read(index % n)

    def __iter__(self) -> Iterator[_R]:
        for k in range(len(self)):
            yield self._read(k)

    def _read(self, row: int) -> _R:
        whole = self._whole.get(row) if self._whole else None
        return whole if whole is not None else self._record(row)

    def ids(self) -> Iterator[str]:
        """The records' ids, in order (no record built)."""
        for k in range(len(self)):
            whole = self._whole.get(k) if self._whole else None
            yield whole.id if whole is not None else self._id_of(k)  # type: ignore[attr-defined]

    def row_of(self, record_id: str) -> int | None:
        """The index of the record with this id, or ``None``."""
        if self._index is None:
            index: dict[str, int] = {}
            for row, ident in enumerate(self.ids()):
                index.setdefault(ident, row)
            self._index = index
        return self._index.get(record_id)

    def by_id(self, record_id: str) -> _R:
        """The record with this id (``KeyError`` if none). Ids are unique in a document."""
        row = self.row_of(record_id)
        if row is None:
            raise KeyError(record_id)
        return self._read(row)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"


class _RowIndex(Mapping[str, _R]):
    """Records by id, read from their columns (:meth:`_Rows.row_of`): no record held."""

    __slots__ = ("_rows",)

    def __init__(self, rows: _Rows[_R]) -> None:
        self._rows = rows

    def __getitem__(self, record_id: str) -> _R:
        return self._rows.by_id(record_id)

    def __contains__(self, record_id: object) -> bool:
        return isinstance(record_id, str) and self._rows.row_of(record_id) is not None

    def __iter__(self) -> Iterator[str]:
        return self._rows.ids()

    def __len__(self) -> int:
        return len(self._rows)


_C = TypeVar("_C", bound=Sequence[Any])


def _as_columns(columns: type[_C], record: type[_Record], value: Any) -> _C:
    """A document's records given (``value``) as ``columns``: kept if they already are;
    a list's items validated as ``record`` (the records already of it kept as given)."""
    if isinstance(value, columns):
        return value
    return columns(r if isinstance(r, record) else record.model_validate(r) for r in value)  # type: ignore[call-arg]


def _find(records: Sequence[_R], record_id: str) -> _R:
    """The record of ``records`` with this id (``KeyError`` if none): found by
    :meth:`_Rows.by_id` in columns, by a scan in a list."""
    if isinstance(records, _Rows):
        found: _R = records.by_id(record_id)
        return found
    for r in records:
        if r.id == record_id:  # type: ignore[attr-defined]
            return r
    raise KeyError(record_id)


def _by_id(records: Sequence[_R]) -> Mapping[str, _R]:
    """``records`` by id (the first of an id): a view of columns (:class:`_RowIndex`),
    a dict of a list."""
    if isinstance(records, _Rows):
        return _RowIndex(records)
    out: dict[str, _R] = {}
    for r in records:
        out.setdefault(r.id, r)  # type: ignore[attr-defined]
    return out


_NO_INT = -(1 << 63)  # (an integer column's None)
# an entry's text up to this long is kept as a slice of its raw text, a raw text of
# several lines up to this long as the lines it joins: read, each is copied out
_SLICED = 2_000
_LISTS: tuple[ListKind, ...] = ("original", "romanized")
_SCRIPTS: tuple[Script, ...] = ("arabic", "latin")


# how :class:`Entries` keeps a value of an entry's fields: a span of its raw text, a span
# of its text, in the row's tuple of the other values; (of a name) none; the author list
_IN_RAW, _IN_TEXT, _KEPT, _NONE, _AUTHORS = 0, 1, 2, 3, 4  # (the span kinds first: < _KEPT)
_SPAN_MAX = 0xFFFF  # (a span is start << 16 | length: one item of an array("I"))
_WHOLE_FIELDS = 0xFFFFFFFF  # (a row's shape: its Fields record kept whole)


def _cut(source: str, span: int) -> str:
    """The piece of ``source`` a span (``start << 16 | length``) names."""
    start = span >> 16
    return source[start : start + (span & _SPAN_MAX)]


# a row's shape: the names of the values given, their fields set, how each is kept, and
# the author list's names (each name's fields set and how its three parts are kept)
_FieldShape = tuple[
    tuple[str, ...], set[str], tuple[int, ...], tuple[tuple[set[str], tuple[int, ...]], ...]
]
_SHAPE_SETS: dict[frozenset[str], set[str]] = {}  # (one set per distinct set of fields)


def _value_kind(value: Any, raw: str, text: str, spans: list[int], rest: list[Any]) -> int:
    """How :class:`Entries` keeps ``value`` (a span added to ``spans``, or the value to
    ``rest``)."""
    if value is None:
        return _NONE
    if type(value) is str and len(value) <= _SPAN_MAX:
        at = raw.find(value)
        if 0 <= at <= _SPAN_MAX:
            spans.append(at << 16 | len(value))
            return _IN_RAW
        if text is not raw:
            at = text.find(value)
            if 0 <= at <= _SPAN_MAX:
                spans.append(at << 16 | len(value))
                return _IN_TEXT
    rest.append(value)
    return _KEPT


def _field_shape(
    fields: Fields, raw: str, text: str, spans: list[int], rest: list[Any]
) -> tuple[Any, ...] | None:
    """The shape of ``fields`` as a key (frozensets for the fields sets), its spans and
    other values added to ``spans`` and ``rest``; ``None`` when the record holds more
    than its declared fields."""
    values = fields.__dict__
    if type(fields) is not Fields or len(values) != len(Fields.model_fields):
        return None
    names: list[str] = []
    kinds: list[int] = []
    authors: tuple[tuple[frozenset[str], tuple[int, ...]], ...] = ()
    for name, value in values.items():
        if value is None:
            continue
        names.append(name)
        if name != "author":
            kinds.append(_value_kind(value, raw, text, spans, rest))
            continue
        if type(value) is not list:
            return None
        people: list[tuple[frozenset[str], tuple[int, ...]]] = []
        for person in value:
            if type(person) is not Name:
                return None
            parts = (person.family, person.given, person.literal)
            people.append(
                (
                    frozenset(person.model_fields_set),
                    tuple(_value_kind(p, raw, text, spans, rest) for p in parts),
                )
            )
        authors = tuple(people)
        kinds.append(_AUTHORS)
    return ("fields", tuple(names), frozenset(fields.model_fields_set), tuple(kinds), authors)


def _shape_set(names: frozenset[str]) -> set[str]:
    got = _SHAPE_SETS.get(names)
    if got is None:
        got = _SHAPE_SETS[names] = set(names)
    return got


def _shape_record(key: tuple[Any, ...]) -> _FieldShape:
    """A shape (:func:`_field_shape`) as :class:`Entries` reads it: sets for frozensets."""
    _, names, fields_set, kinds, authors = key
    return (
        names,
        _shape_set(fields_set),
        kinds,
        tuple((_shape_set(name_set), parts) for name_set, parts in authors),
    )


class Entries(_Rows[Entry]):
    """The entries of a document, in order, stored in columns; each :class:`Entry` built
    when read, equal to the record stored.

    A list of thousands of entries held a record each (the :class:`Entry` and its value
    dict, ~420 bytes) and its printed text twice (``raw``, and ``text`` inside it): the
    columns keep an entry's scalars in arrays, its ``raw`` as the document's lines it
    spans (when it is exactly them joined) and its ``text`` as a slice of ``raw`` (when
    it is one). Reads like a sequence of :class:`Entry` (:class:`_Rows`); an entry may
    also be put in place (``entries[k] = entry``). ``lines`` are the document's lines,
    which the raw texts are read from (extraction gives them).
    """

    __slots__ = (
        "_codes",
        "_field_shapes",
        "_lines",
        "_numbers",
        "_odd_ids",
        "_pages",
        "_paragraphs",
        "_raws",
        "_rest_known",
        "_rests",
        "_section_names",
        "_sections",
        "_shape_of",
        "_source",
        "_span_from",
        "_spans",
        "_text_ends",
        "_text_starts",
        "_texts",
    )

    def __init__(self, entries: Iterable[Entry] = (), *, lines: list[str] | None = None) -> None:
        super().__init__()
        self._source = lines  # the document's lines
        # ids other than extraction's "e<row + 1>" (those are made when read: ~54 bytes
        # a string an entry)
        self._odd_ids: dict[int, str] = {}
        self._codes = bytearray()  # list * 2 + script
        self._sections = array("i")  # index in _section_names
        self._section_names: list[str | None] = []
        self._numbers = array("q")
        self._lines = array("q")
        self._raws: list[str | int] = []  # int k: the k source lines from ``line``
        self._text_starts = array("i")  # text = raw[start:end]; start -1: in _texts
        self._text_ends = array("i")
        self._texts: dict[int, str] = {}
        # each entry's Fields (_pack): its string values that its raw text (or its text)
        # holds as spans (start << 16 | length) in _spans, from _span_from[row]; its other values in
        # a tuple (_rests[row]) shared by the entries holding the same ones; which is
        # which, and the names, as the row's shape (_field_shapes[_shape_of[row]])
        self._shape_of = array("I")
        self._span_from = array("I")
        self._spans = array("I")
        self._rests: list[tuple[Any, ...] | Fields] = []
        self._rest_known: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._field_shapes: list[_FieldShape] = []
        self._paragraphs: array[int] | None = None  # None: no entry has one
        self._pages: array[int] | None = None
        for e in entries:
            self.append(e)

    def append(self, entry: Entry) -> None:
        """Add ``entry`` (a record of the declared types: not validated again)."""
        self._store(len(self), entry)

    def __setitem__(self, index: int, entry: Entry) -> None:
        """Put ``entry`` in place of the entry at ``index``."""
        n = len(self)
        if not -n <= index < n:
            raise IndexError("entry index out of range")
        self._store(index % n, entry)

    def _store(self, row: int, entry: Entry) -> None:
        """Write ``entry``'s columns at ``row`` (the end: appended)."""
        size = len(self)
        new = row == size
        ident = entry.id
        if not new and self._id_of(row) != ident:
            self._index = None
        if ident != f"e{row + 1}":
            self._odd_ids[row] = ident
        elif self._odd_ids:
            self._odd_ids.pop(row, None)
        self._put_row(row, entry, Entry)
        section = self._known.get(("section", entry.section))
        if section is None:
            section = self._known[("section", entry.section)] = len(self._section_names)
            self._section_names.append(entry.section)
        raw = entry.raw
        # (a long text is kept whole: each read would copy it out of raw)
        start = raw.find(entry.text) if len(entry.text) <= _SLICED else -1
        if start < 0:
            self._texts[row] = entry.text
        else:
            self._texts.pop(row, None)
        values: tuple[tuple[Any, Any], ...] = (
            (self._codes, _LISTS.index(entry.list) * 2 + _SCRIPTS.index(entry.script)),
            (self._sections, section),
            (self._numbers, _NO_INT if entry.number is None else entry.number),
            (self._lines, entry.line),
            (self._raws, self._spanned(entry.line, raw)),
            (self._text_starts, start),
            (self._text_ends, start + len(entry.text)),
        )
        for column, value in values:
            if new:
                column.append(value)
            else:
                column[row] = value
        # (a text that raw holds holds no value that raw does not)
        self._pack(row, entry.fields, raw, raw if start >= 0 else entry.text)
        self._paragraphs = _put(self._paragraphs, row, entry.paragraph, size)
        self._pages = _put(self._pages, row, entry.page, size)
        if self._index is not None and new:
            self._index.setdefault(ident, row)

    def _pack(self, row: int, fields: Fields, raw: str, text: str) -> None:
        """Write ``fields`` at ``row`` (``len(self._shape_of)``: appended): its strings
        that ``raw`` (or else ``text``) holds as spans of it (a string of ~20 Arabic
        letters holds ~90 bytes, its span 4), its other values in a tuple shared by the
        rows holding the same ones. A record that holds more than its declared fields
        (a subclass, extra values, a name of a subclass) is kept whole."""
        spans: list[int] = []
        rest: list[Any] = []
        shape = _field_shape(fields, raw, text, spans, rest)
        kept: tuple[Any, ...] | Fields
        if shape is None:
            code, kept = _WHOLE_FIELDS, fields
        else:
            known = self._known.get(shape)
            if known is None:
                known = self._known[shape] = len(self._field_shapes)
                self._field_shapes.append(_shape_record(shape))
            code = known
            key = tuple(v if type(v) is str or type(v) is int else (id(v),) for v in rest)
            shared = self._rest_known.get(key)  # (the values a key names are held here)
            if shared is None:
                shared = self._rest_known[key] = key if key == tuple(rest) else tuple(rest)
            kept = shared
        if row == len(self._shape_of):
            self._shape_of.append(code)
            self._span_from.append(len(self._spans))
            self._rests.append(kept)
        else:  # (put in place: its spans appended, those it had left unread)
            self._shape_of[row] = code
            self._span_from[row] = len(self._spans)
            self._rests[row] = kept
        self._spans.extend(spans)

    def _fields_at(self, row: int, raw: str, text: str) -> Fields:
        """The :class:`Fields` written at ``row`` (:meth:`_pack`), of its ``raw`` text
        and ``text``."""
        code = self._shape_of[row]
        rest = self._rests[row]
        if isinstance(rest, Fields):  # (code _WHOLE_FIELDS)
            return rest
        names, fields_set, kinds, authors = self._field_shapes[code]
        spans = self._spans
        at = self._span_from[row]
        r = 0
        values: list[Any] = []
        sources = (raw, text)  # (indexed by _IN_RAW, _IN_TEXT)
        for kind in kinds:
            if kind <= _IN_TEXT:
                values.append(_cut(sources[kind], spans[at]))
                at += 1
            elif kind == _KEPT:
                values.append(rest[r])
                r += 1
            else:  # (the author list)
                people: list[Name] = []
                for name_set, parts in authors:
                    part_values: list[str | None] = []
                    for part in parts:
                        if part <= _IN_TEXT:
                            part_values.append(_cut(sources[part], spans[at]))
                            at += 1
                        elif part == _KEPT:
                            part_values.append(rest[r])
                            r += 1
                        else:
                            part_values.append(None)
                    family, given, literal = part_values
                    people.append(
                        inline(
                            Name, {"family": family, "given": given, "literal": literal}, name_set
                        )
                    )
                values.append(people)
        return inline_given(Fields, zip(names, values, strict=True), fields_set)

    def _spanned(self, line: int, raw: str) -> str | int:
        """``raw`` as the number of source lines from ``line`` it joins, or itself."""
        lines = self._source
        if lines is None or not 1 <= line <= len(lines):
            return raw
        count = raw.count("\n") + 1
        if count == 1:
            # (the line itself: nothing is copied when read)
            return 1 if lines[line - 1] == raw else raw
        if len(raw) > _SLICED:
            return raw  # (kept whole: each read would join it again)
        return count if "\n".join(lines[line - 1 : line - 1 + count]) == raw else raw

    def _id_of(self, row: int) -> str:
        odd = self._odd_ids.get(row) if self._odd_ids else None
        return odd if odd is not None else f"e{row + 1}"

    def _record(self, row: int) -> Entry:
        line = self._lines[row]
        raw = self._raws[row]
        if isinstance(raw, int):
            lines = self._source
            assert lines is not None
            raw = lines[line - 1] if raw == 1 else "\n".join(lines[line - 1 : line - 1 + raw])
        start = self._text_starts[row]
        number = self._numbers[row]
        code = self._codes[row]
        text = self._texts[row] if start < 0 else raw[start : self._text_ends[row]]
        return inline(
            Entry,
            {
                "id": self._id_of(row),
                "list": _LISTS[code >> 1],
                "script": _SCRIPTS[code & 1],
                "section": self._section_names[self._sections[row]],
                "number": None if number == _NO_INT else number,
                "text": text,
                "line": line,
                "raw": raw,
                "fields": self._fields_at(row, raw, text),
                "paragraph": _at(self._paragraphs, row),
                "page": _at(self._pages, row),
            },
            self._set_names[self._sets[row]],
        )

    def row_of(self, record_id: str) -> int | None:
        """The index of the entry with this id, or ``None``."""
        digits = record_id[1:]
        if record_id[:1] == "e" and digits.isascii() and digits.isdigit() and len(digits) < 10:
            # extraction's ids: "e<row + 1>", unless another record had it
            row = int(digits) - 1
            if row < len(self) and self._id_of(row) == record_id:
                return row
        return super().row_of(record_id)


def entries_by_id(entries: Sequence[Entry]) -> Mapping[str, Entry]:
    """``entries`` by id (the first of an id): for :class:`Entries`, a view that builds
    an entry when it is read (none held); for a list, a dict."""
    return _by_id(entries)


def _authors(author: list[Name] | None) -> tuple[Name, ...] | Name:
    """An author list as :class:`Entries` packs it: its only name, or a tuple."""
    if author is not None and len(author) == 1 and type(author[0]) is Name:
        return author[0]
    return tuple(author or ())


def _put(
    column: "array[int] | None", row: int, value: int | None, size: int
) -> "array[int] | None":
    """``column`` (of ``size`` rows) with ``value`` at ``row`` (appended when ``row`` is
    ``size``), made when its first value comes."""
    if column is None:
        if value is None:
            return None
        column = array("q", [_NO_INT]) * size
    if row == size:
        column.append(_NO_INT if value is None else value)
    else:
        column[row] = _NO_INT if value is None else value
    return column


def _at(column: "array[int] | None", row: int) -> int | None:
    if column is None:
        return None
    value = column[row]
    return None if value == _NO_INT else value


class Document(_Record):
    """Everything extracted from one article."""

    source: str | None = None
    footnotes: "_FootnoteField" = Field(default_factory=lambda: Footnotes())
    """The footnotes (:class:`Footnotes`: a list given is stored so, its items validated
    as :class:`Footnote`)."""
    in_text: "_InTextField" = Field(default_factory=lambda: InTextCitations())
    """The in-text citations (:class:`InTextCitations`: a list given is stored so, its
    items validated as :class:`InTextCitation`)."""
    sections: list[Section] = Field(default_factory=_new_list)
    entries: SkipValidation[Sequence[Entry]] = Field(default_factory=Entries)
    """The entries of the lists (:class:`Entries`: a list given is stored so, its items
    validated as :class:`Entry`)."""
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
        return _as_columns(FailedLines, FailedLine, value)

    @field_validator("entries", mode="before")
    @classmethod
    def _entry_columns(cls, value: Any) -> Entries:
        return _as_columns(Entries, Entry, value)

    @field_serializer("entries")
    def _entry_list(self, entries: Sequence[Entry]) -> list[Entry]:
        return list(entries)

    @field_serializer("failed")
    def _failed_list(self, failed: Sequence[FailedLine]) -> list[FailedLine]:
        return list(failed)

    @model_validator(mode="after")
    def _unique_ids(self) -> "Document":
        return with_unique_ids(self)

    def entry(self, entry_id: str) -> Entry:
        """The entry with this id (``KeyError`` if none)."""
        return _find(self.entries, entry_id)

    def footnote(self, footnote_id: str) -> Footnote:
        """The footnote with this id (``KeyError`` if none)."""
        return _find(self.footnotes, footnote_id)


def with_unique_ids(doc: Document) -> Document:
    """``doc``, whose ids are unique in the whole document (footnotes, in-text
    citations, sections and entries alike): every reference holds one, and must name
    one record (``ValueError`` otherwise). Validation checks it; extraction, which
    builds the document without a validator, calls it."""
    seen: set[str] = set()
    for records in (doc.footnotes, doc.in_text, doc.sections, doc.entries):
        # (the notes' and citations' ids read from their columns: no record built)
        ids = records.ids() if isinstance(records, _Rows) else (r.id for r in records)
        for ident in ids:
            if ident in seen:
                raise ValueError(f"duplicate id {ident!r}: ids must be unique in a document")
            seen.add(ident)
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


# --- footnotes and in-text citations in columns ------------------------------------------
_KINDS: tuple[FootnoteKind, ...] = ("full", "op_cit", "ibid", "note")


class Footnotes(_Rows[Footnote]):
    """The footnotes of a document, in order, stored in columns (:class:`_Rows`).

    An article of thousands of notes held a :class:`Footnote` each (~250 bytes with its
    value dict), its id (``fn-1-7``: derived from its group and number, so not held) and
    its text beside its raw text (kept as a slice of it). ``lines`` are the document's
    lines, which the raw texts are read from (extraction gives them).
    """

    __slots__ = (
        "_body_lines",
        "_fields",
        "_groups",
        "_lines",
        "_marker_of",
        "_markers",
        "_numbers",
        "_odd_ids",
        "_packs",
        "_pages",
        "_paragraphs",
        "_raws",
        "_refers",
        "_shape_of",
        "_shapes",
        "_source",
        "_span_at",
        "_spans",
        "_text_ends",
        "_text_starts",
        "_texts",
    )

    def __init__(self, notes: Iterable[Footnote] = (), *, lines: list[str] | None = None) -> None:
        super().__init__()
        self._source = lines
        self._odd_ids: dict[int, str] = {}  # ids not derived from group and number
        self._numbers = array("q")
        self._groups = array("q")  # group * 4 + kind
        self._markers: list[str] = []
        self._marker_of: dict[str, str] = {}  # (equal markers: one string)
        self._lines = array("q")
        self._body_lines = array("q")
        self._raws: list[str | int] = []  # int: the line itself
        self._text_starts = array("q")  # text = raw[start:end]; start -1: in _texts
        self._text_ends = array("q")
        self._texts: dict[int, str] = {}
        self._refers: dict[int, str] = {}
        # each note's Fields as (shape, its values given...), as :class:`Entries` keeps
        # them (a record and its value dict each held ~290 bytes, an author list 64);
        # a value that the note's text holds is kept as its place in it (start, length
        # in _spans from _span_at[row]; the shape says which: a title, a page, a place
        # of its own each held 50-90 bytes)
        self._fields: list[tuple[Any, ...] | Fields] = []
        # (an author list's item: each name's fields set and which parts the text holds)
        self._shapes: list[tuple[tuple[str, ...], set[str], tuple[Any, ...]]] = []
        self._shape_of: dict[Hashable, int] = {}
        self._packs: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._spans = array("i")
        self._span_at = array("q")
        self._paragraphs: array[int] | None = None
        self._pages: array[int] | None = None
        for note in notes:
            self.append(note)

    def append(self, note: Footnote) -> None:
        """Add ``note`` (a record of the declared types: not validated again)."""
        row = len(self)
        self._put_row(row, note, Footnote)
        number = note.number
        self._numbers.append(_NO_INT if number is None else number)
        self._groups.append(note.group * 4 + _KINDS.index(note.kind))
        if note.id != self._derived_id(row):
            self._odd_ids[row] = note.id
        self._markers.append(self._marker_of.setdefault(note.marker, note.marker))
        self._lines.append(note.line)
        self._body_lines.append(_NO_INT if note.body_line is None else note.body_line)
        raw = note.raw
        lines = self._source
        one = lines is not None and 1 <= note.line <= len(lines) and lines[note.line - 1] == raw
        self._raws.append(1 if one else raw)
        start = raw.find(note.text) if len(note.text) <= _SLICED else -1
        if start < 0:
            self._texts[row] = note.text
        self._text_starts.append(start)
        self._text_ends.append(start + len(note.text))
        if note.refers_to is not None:
            self._refers[row] = note.refers_to
        self._span_at.append(len(self._spans))
        self._fields.append(self._packed(note.fields, note.text))
        self._paragraphs = _put(self._paragraphs, row, note.paragraph, row)
        self._pages = _put(self._pages, row, note.page, row)
        if self._index is not None:
            self._index.setdefault(note.id, row)

    def _derived_id(self, row: int) -> str:
        number = self._numbers[row]
        label = f"x{row + 1}" if number == _NO_INT else str(number)
        return f"fn-{self._groups[row] >> 2}-{label}"

    def _id_of(self, row: int) -> str:
        odd = self._odd_ids.get(row) if self._odd_ids else None
        return odd if odd is not None else self._derived_id(row)

    def row_of(self, record_id: str) -> int | None:
        """The index of the note with this id, or ``None``: an id of extraction's
        (``fn-<group>-<number>``) is looked for by bisection, the notes ascending by
        group and number, one of a note without a number (``fn-<group>-x<row + 1>``)
        read at its row (no index of every id made)."""
        _, group, number = [*record_id.split("-"), "", ""][:3]
        row_label = number[1:]
        if (
            number[:1] == "x"
            and row_label.isascii()
            and row_label.isdigit()
            and len(row_label) < 10
            and 0 < int(row_label) <= len(self)
            and self._id_of(int(row_label) - 1) == record_id
        ):
            return int(row_label) - 1
        if (
            f"fn-{group}-{number}" == record_id
            and (group + number).isascii()
            and group.isdigit()
            and number.isdigit()
        ):
            at = (int(group), int(number))
            row = bisect_left(range(len(self)), at, key=self._group_number)
            if row < len(self) and self._id_of(row) == record_id:
                return row
        return super().row_of(record_id)

    def _group_number(self, row: int) -> tuple[int, int]:
        return self._groups[row] >> 2, self._numbers[row]

    def _record(self, row: int) -> Footnote:
        line = self._lines[row]
        raw = self._raws[row]
        if isinstance(raw, int):
            assert self._source is not None
            raw = self._source[line - 1]
        start = self._text_starts[row]
        number = self._numbers[row]
        body_line = self._body_lines[row]
        code = self._groups[row]
        text = self._texts[row] if start < 0 else raw[start : self._text_ends[row]]
        return inline(
            Footnote,
            {
                "id": self._id_of(row),
                "number": None if number == _NO_INT else number,
                "group": code >> 2,
                "marker": self._markers[row],
                "text": text,
                "kind": _KINDS[code & 3],
                "refers_to": self._refers.get(row) if self._refers else None,
                "line": line,
                "body_line": None if body_line == _NO_INT else body_line,
                "raw": raw,
                "fields": self._fields_of(row, text),
                "paragraph": _at(self._paragraphs, row),
                "page": _at(self._pages, row),
            },
            self._set_names[self._sets[row]],
        )

    def _packed(self, fields: Fields, text: str) -> tuple[Any, ...] | Fields:
        """``fields`` as (its shape, its values that are not ``None`` and not found in
        ``text``), the others' places in ``text`` appended to the spans; or itself when
        it holds more than its declared fields (as :meth:`Entries._packed`)."""
        values = fields.__dict__
        author = values.get("author")
        if (
            type(fields) is not Fields
            or len(values) != len(Fields.model_fields)
            or not (author is None or type(author) is list)
        ):
            return fields
        names = tuple(name for name, value in values.items() if value is not None)
        kept: list[Any] = []
        sliced: list[bool | tuple[tuple[frozenset[str], tuple[bool | None, ...]], ...]] = []
        spans = self._spans
        for name in names:
            value = values[name]
            if name == "author":
                # the names whose parts the text prints: their places in it (a name
                # record and its strings held ~290 bytes a note of distinct authors)
                people = _people_spans(value, text)
                if people is not None:
                    sliced.append(people[0])
                    spans.extend(people[1])
                else:
                    sliced.append(False)
                    kept.append(_authors(author))
                continue
            at = text.find(value) if type(value) is str and value else -1
            sliced.append(at >= 0)
            if at >= 0:
                spans.append(at)
                spans.append(len(value))
            else:
                kept.append(value)
        fields_set = fields.model_fields_set
        key = (names, frozenset(fields_set), tuple(sliced))
        shape = self._shape_of.get(key)
        if shape is None:
            shape = self._shape_of[key] = len(self._shapes)
            readable = tuple(
                tuple((_shape_set(s), parts) for s, parts in cut) if type(cut) is tuple else cut
                for cut in sliced
            )
            self._shapes.append((names, set(fields_set), readable))
        if any(type(v) is str and len(v) > _SHORT for v in kept):
            return (shape, *kept)  # (a long string the text does not hold: its own)
        # the notes holding the same values (a type, a shared date): one tuple (one each
        # held ~64 bytes a note); a record keyed by its id, which the tuple keeps alive
        pack_key = (shape, *(v if type(v) is str or type(v) is int else id(v) for v in kept))
        got = self._packs.get(pack_key)
        if got is None:
            got = self._packs[pack_key] = (shape, *kept)
        return got

    def _fields_of(self, row: int, text: str) -> Fields:
        packed = self._fields[row]
        if isinstance(packed, Fields):
            return packed
        names, fields_set, sliced = self._shapes[packed[0]]
        spans = self._spans
        at = self._span_at[row]
        kept = iter(packed[1:])
        values: list[Any] = []
        for cut in sliced:
            if type(cut) is tuple:  # (the author list, its names' parts in the text)
                people: list[Name] = []
                for name_set, parts in cut:
                    part_values: list[str | None] = []
                    for part in parts:
                        if part:
                            start = spans[at]
                            part_values.append(text[start : start + spans[at + 1]])
                            at += 2
                        else:
                            part_values.append(None)
                    family, given, literal = part_values
                    people.append(
                        inline(
                            Name, {"family": family, "given": given, "literal": literal}, name_set
                        )
                    )
                values.append(people)
            elif cut:
                start = spans[at]
                values.append(text[start : start + spans[at + 1]])
                at += 2
            else:
                values.append(next(kept))
        fields = inline_given(Fields, zip(names, values, strict=True), fields_set)
        author = fields.__dict__["author"]
        if author is not None and type(author) is not list:
            fields.__dict__["author"] = [author] if type(author) is Name else list(author)
        return fields

    def kind_of(self, row: int) -> FootnoteKind:
        """The kind of the note at ``row`` (no record built)."""
        return _KINDS[self._groups[row] & 3]


def _people_spans(
    people: list[Name], text: str
) -> tuple[tuple[tuple[frozenset[str], tuple[bool, ...]], ...], list[int]] | None:
    """An author list as :class:`Footnotes` keeps it when ``text`` prints every part of
    its names: each name's fields set and which parts it has, and the parts' places in
    ``text`` (start, length); ``None`` when a name is not a plain :class:`Name` or a
    part is not found."""
    shape: list[tuple[frozenset[str], tuple[bool, ...]]] = []
    spans: list[int] = []
    for person in people:
        if type(person) is not Name or len(person.__dict__) != 3:
            return None
        has: list[bool] = []
        for part in (person.family, person.given, person.literal):
            if part is None:
                has.append(False)
                continue
            at = text.find(part) if type(part) is str and part else -1
            if at < 0:
                return None
            spans.append(at)
            spans.append(len(part))
            has.append(True)
        shape.append((frozenset(person.model_fields_set), tuple(has)))
    return tuple(shape), spans


# a string value this long at most may be another note's too (a type, "book")
_SHORT = 20


class InTextCitations(_Rows[InTextCitation]):
    """The in-text citations of a document, in order, stored in columns (:class:`_Rows`).

    An article of thousands of author-date citations held an :class:`InTextCitation`
    each (~230 bytes with its value dict) and its id (``t12``: derived from its row, so
    not held); its author, when its printed text holds it, is kept as a slice of it.
    ``lines`` are the document's lines: a citation's text printed on its line (from its
    column on) is kept as its place there (a string of its own held ~100 bytes).
    """

    __slots__ = (
        "_author_ends",
        "_author_starts",
        "_authors",
        "_columns",
        "_lines",
        "_locators",
        "_odd_ids",
        "_pages",
        "_paragraphs",
        "_source",
        "_text_spans",
        "_texts",
        "_years",
    )

    def __init__(
        self, citations: Iterable[InTextCitation] = (), *, lines: list[str] | None = None
    ) -> None:
        super().__init__()
        self._source = lines
        self._odd_ids: dict[int, str] = {}  # ids other than "t<row + 1>"
        # text = lines[line - 1][start:start + length], the span start << 32 | length,
        # where _texts has None (the spans made with the first one)
        self._text_spans: array[int] | None = None
        self._texts: list[str | None] = []
        self._lines = array("q")
        self._columns = array("q")
        self._author_starts = array("q")  # author = text[start:end]; start -1: _authors
        self._author_ends = array("q")
        self._authors: dict[int, str | None] = {}
        self._years: list[str | None] = []
        self._locators: dict[int, str] = {}
        self._paragraphs: array[int] | None = None
        self._pages: array[int] | None = None
        for c in citations:
            self.append(c)

    def append(self, citation: InTextCitation) -> None:
        """Add ``citation`` (a record of the declared types: not validated again)."""
        row = len(self)
        self._put_row(row, citation, InTextCitation)
        if citation.id != f"t{row + 1}":
            self._odd_ids[row] = citation.id
        text, author = citation.text, citation.author
        line, lines = citation.line, self._source
        start = -1
        if lines is not None and 1 <= line <= len(lines) and text:
            start = lines[line - 1].find(text, max(citation.column - 1, 0))
        span = start << 32 | len(text) if start >= 0 and len(text) < 1 << 32 else None
        self._texts.append(text if span is None else None)
        self._text_spans = _put(self._text_spans, row, span, row)
        self._lines.append(line)
        self._columns.append(citation.column)
        start = text.find(author) if author else -1
        if start < 0:
            self._authors[row] = author
        self._author_starts.append(start)
        self._author_ends.append(start + len(author or ""))
        self._years.append(citation.year)
        if citation.locator is not None:
            self._locators[row] = citation.locator
        self._paragraphs = _put(self._paragraphs, row, citation.paragraph, row)
        self._pages = _put(self._pages, row, citation.page, row)
        if self._index is not None:
            self._index.setdefault(citation.id, row)

    def _id_of(self, row: int) -> str:
        odd = self._odd_ids.get(row) if self._odd_ids else None
        return odd if odd is not None else f"t{row + 1}"

    def _record(self, row: int) -> InTextCitation:
        line = self._lines[row]
        kept = self._texts[row]
        if kept is not None:
            text = kept
        else:
            assert self._source is not None
            assert self._text_spans is not None
            span = self._text_spans[row]
            at = span >> 32
            text = self._source[line - 1][at : at + (span & 0xFFFFFFFF)]
        start = self._author_starts[row]
        return inline(
            InTextCitation,
            {
                "id": self._id_of(row),
                "text": text,
                "line": line,
                "column": self._columns[row],
                "author": self._authors[row] if start < 0 else text[start : self._author_ends[row]],
                "year": self._years[row],
                "locator": self._locators.get(row) if self._locators else None,
                "paragraph": _at(self._paragraphs, row),
                "page": _at(self._pages, row),
            },
            self._set_names[self._sets[row]],
        )


def footnotes_by_id(notes: Sequence[Footnote]) -> Mapping[str, Footnote]:
    """``notes`` by id (the first of an id): for :class:`Footnotes`, a view that builds
    a note when it is read (none held); for a list, a dict."""
    return _by_id(notes)


def _footnote_columns(value: Any) -> Footnotes:
    """Document's ``footnotes`` given: a list's items validated as :class:`Footnote`."""
    return _as_columns(Footnotes, Footnote, value)


def _in_text_columns(value: Any) -> InTextCitations:
    """Document's ``in_text`` given: a list's items validated as :class:`InTextCitation`."""
    return _as_columns(InTextCitations, InTextCitation, value)


def _footnote_list(notes: Sequence[Footnote]) -> list[Footnote]:
    return list(notes)


def _in_text_list(citations: Sequence[InTextCitation]) -> list[InTextCitation]:
    return list(citations)


# Document's fields (resolved when its validator is first built: defer_build)
_FootnoteField = Annotated[
    SkipValidation[Sequence[Footnote]],
    BeforeValidator(_footnote_columns),
    PlainSerializer(_footnote_list),
]
_InTextField = Annotated[
    SkipValidation[Sequence[InTextCitation]],
    BeforeValidator(_in_text_columns),
    PlainSerializer(_in_text_list),
]
