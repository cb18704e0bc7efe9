"""Records that share what is equal between them: built once, held many times.

pydantic gives every record its own ``model_fields_set`` (a set of the fields given:
216 bytes for up to four names, 728 for more), a third of what a small record holds:
an entry with its :class:`~citenorm.models.Fields`, a :class:`~citenorm.models.Name`
or two and a :class:`~citenorm.models.Date` carried ~1.8 KB of them. Records built
here share one set per distinct set of fields, through pydantic's public
``model_construct(_fields_set=...)``; the values are those of validated records (or
of the types they declare), so nothing is validated twice. A copy with an update
(``model_copy(update=...)``) gets its own set, as always.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from citenorm.models import Date, Fields, Name

__all__ = ["build", "compact_fields"]

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


def compact_fields(fields: Fields) -> Fields:
    """``fields`` (a validated :class:`~citenorm.models.Fields`) with itself, its
    names and its dates sharing their fields sets; equal to it."""
    values = dict(fields)
    if fields.author:
        values["author"] = [_rebuilt(n) if isinstance(n, Name) else n for n in fields.author]
    for key in ("issued", "accessed"):
        if isinstance(values[key], Date):
            values[key] = _rebuilt(values[key])
    return Fields.model_construct(_shared(frozenset(fields.model_fields_set)), **values)
