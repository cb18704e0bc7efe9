"""Records that share what is equal between them: built once, held many times.

pydantic gives every record its own ``model_fields_set`` (a set of the fields given:
216 bytes for up to four names, 728 for more), a third of what a small record holds:
an entry with its :class:`~citenorm.models.Fields`, a :class:`~citenorm.models.Name`
or two and a :class:`~citenorm.models.Date` carried ~1.8 KB of them. Records built
here share one set per distinct set of fields, through pydantic's public
``model_construct(_fields_set=...)``; the values are those of validated records (or
of the types they declare), so nothing is validated twice. A copy with an update
(``model_copy(update=...)``) gets its own set, as always.

Within one document, equal dates and equal names are one record (:class:`Sharing`):
a list of thousands of entries prints a few hundred years, and an article cites the
same authors again and again (a :class:`~citenorm.models.Date` holds ~450 bytes, a
:class:`~citenorm.models.Name` ~300). Records are frozen, so sharing one changes no
value; their lists (``date-parts``) are to be read, not changed, as everywhere.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from citenorm.models import Date, Fields, Name

__all__ = ["Sharing", "build", "compact_fields", "fields_of"]

_R = TypeVar("_R", bound=BaseModel)

# one set per distinct set of fields given (a handful: the records' shapes)
_SETS: dict[frozenset[str], set[str]] = {}


def _shared(names: frozenset[str]) -> set[str]:
    got = _SETS.get(names)
    if got is None:
        got = _SETS[names] = set(names)
    return got


def build(cls: type[_R], values: dict[str, Any]) -> _R:
    """A ``cls`` record of ``values`` (field names, values of the declared types), its
    fields set shared with the other records given the same fields."""
    return cls.model_construct(_shared(frozenset(values)), **values)


def _rebuilt(record: _R) -> _R:
    return type(record).model_construct(_shared(frozenset(record.model_fields_set)), **dict(record))


class Sharing:
    """The dates and names of one document, one record for each distinct value."""

    __slots__ = ("_dates", "_names")

    def __init__(self) -> None:
        self._dates: dict[tuple[object, ...], Date] = {}
        self._names: dict[tuple[object, ...], Name] = {}

    def date(self, date: Date) -> Date:
        parts = date.date_parts
        key = (
            None if parts is None else tuple(tuple(p) for p in parts),
            date.literal,
            date.raw,
            frozenset(date.model_fields_set),
        )
        got = self._dates.get(key)
        if got is None:
            got = self._dates[key] = _rebuilt(date)
        return got

    def name(self, name: Name) -> Name:
        key = (name.family, name.given, name.literal, frozenset(name.model_fields_set))
        got = self._names.get(key)
        if got is None:
            got = self._names[key] = _rebuilt(name)
        return got


def compact_fields(fields: Fields, sharing: Sharing | None = None) -> Fields:
    """``fields`` (a validated :class:`~citenorm.models.Fields`) with itself, its
    names and its dates sharing their fields sets, and with ``sharing``, the names and
    dates equal to those of other records of the document; equal to it."""
    values = dict(fields)
    if fields.author:
        values["author"] = [
            n if not isinstance(n, Name) else sharing.name(n) if sharing else _rebuilt(n)
            for n in fields.author
        ]
    for key in ("issued", "accessed"):
        d = values[key]
        if isinstance(d, Date):
            values[key] = sharing.date(d) if sharing else _rebuilt(d)
    return Fields.model_construct(_shared(frozenset(fields.model_fields_set)), **values)


def fields_of(data: dict[str, Any]) -> Fields:
    """The :class:`~citenorm.models.Fields` of ``data`` (CSL-JSON names or field names,
    values of the declared types; a name or a date as a record or as its JSON form),
    built as validation builds it, without a validator (none is built on the
    extraction's path: ~30 ms of a cold process)."""
    values = dict(data)
    author = values.get("author")
    if author is not None:
        values["author"] = [n if isinstance(n, Name) else Name.model_construct(**n) for n in author]
    for key in ("issued", "accessed"):
        d = values.get(key)
        if d is not None and not isinstance(d, Date):
            values[key] = Date.model_construct(**d)
    return Fields.model_construct(**values)
