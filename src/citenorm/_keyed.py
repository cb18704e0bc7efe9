"""Records that keep their values beside a key table their class shares.

CPython keeps the attributes of an instance set one by one in a values array beside a
table of keys its class shares (key-sharing dicts, PEP 412); pydantic gives each record
a dict of its own instead, a table of keys, hashes and values (464 bytes for eleven
fields). A record made by :func:`inline` holds its values only (~200 bytes for eleven
fields with the object, ~260 once its ``__dict__`` is read): ~290 bytes less a record of
eleven fields, ~350 for the seventeen of :class:`~citenorm.models.Fields`. On documents
of many small records (a list of thousands of entries, an audit of thousands of
findings) that is a third of what they hold.

Nothing a user reads changes: the values and their order, attribute access,
``model_dump``/``model_dump_json``, ``==``, ``repr``, ``copy``/``deepcopy`` and
pickling are those of the record pydantic makes (tests/test_memory.py). Records made by
pydantic (validation, ``model_copy``) keep their own dicts, as before.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["inline", "keyed"]

_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__


def keyed(cls: type[BaseModel]) -> None:
    """Fill ``cls``'s shared key table with its fields, in the declared order.

    The table takes the names set on a class's first instances: CPython 3.11 narrows
    the room it keeps with each new instance, and after ~30 instances made without a
    name set (as pydantic makes them) it takes no more, so every record would have a
    dict of its own again. Call it as the class is made: it sets every field on one
    throwaway instance."""
    record = cls.__new__(cls)
    for name in cls.model_fields:
        _set(record, name, None)


def inline(cls: type[_M], values: dict[str, Any], fields_set: set[str]) -> _M:
    """The record ``cls.model_construct(fields_set, **values)`` makes, for ``values``
    holding every field by name in the declared order (values of the declared types:
    not validated again), its attributes set one by one into ``cls``'s shared key
    table (``cls`` filled by :func:`keyed`)."""
    record = cls.__new__(cls)
    for name, value in values.items():
        _set(record, name, value)
    _set(record, "__pydantic_fields_set__", fields_set)
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record
