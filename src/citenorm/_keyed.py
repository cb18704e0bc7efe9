"""Records that keep their values beside a key table their class shares.

CPython keeps the attributes of an instance beside a table of keys its class shares
(key-sharing dicts, PEP 412); pydantic gives each record a dict of its own instead, a
table of keys, hashes and values (464 bytes for eleven fields). A record made by
:func:`inline` has a key-sharing ``__dict__``, its values only (160 bytes for eleven
fields, 208 for the seventeen of :class:`~citenorm.models.Fields`): ~290 bytes less a
record of eleven fields. On documents of many small records (a list of thousands of
entries, an audit of thousands of findings) that is a third of what they hold.

Nothing a user reads changes: the values and their order, attribute access,
``model_dump``/``model_dump_json``, ``==``, ``repr``, ``copy``/``deepcopy`` and
pickling are those of the record pydantic makes (tests/test_memory.py). Records made by
pydantic (validation, ``model_copy``) keep their own dicts, as before.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["inline", "inline_given", "keyed"]

_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__

# per class, the ``__dict__`` of a throwaway record with every field set (to None): a
# key-sharing dict whose copies share its keys
_TABLES: dict[type[BaseModel], dict[str, Any]] = {}
# records of at most this many fields have them set one by one (see inline); CPython
# 3.13 gives such a record a dict of its own (~400 bytes for three fields), so none there
_ONE_BY_ONE = 4 if sys.version_info < (3, 13) else 0


def keyed(cls: type[BaseModel]) -> None:
    """Fill ``cls``'s shared key table with its fields, in the declared order, and keep
    a dict of them that :func:`inline` copies.

    The table takes the names set on a class's first instances: CPython 3.11 narrows
    the room it keeps with each new instance, and after ~30 instances made without a
    name set (as pydantic makes them) it takes no more, so every record would have a
    dict of its own again. Call it as the class is made: it sets every field on one
    throwaway instance."""
    record = cls.__new__(cls)
    for name in cls.model_fields:
        _set(record, name, None)
    _TABLES[cls] = record.__dict__


def inline(cls: type[_M], values: dict[str, Any], fields_set: set[str]) -> _M:
    """The record ``cls.model_construct(fields_set, **values)`` makes, for ``values``
    holding every field by name in the declared order (values of the declared types:
    not validated again), its ``__dict__`` a copy of ``cls``'s key-sharing one
    (:func:`keyed`) with ``values`` in it (~1 us more than a dict of its own; setting
    the attributes one by one would cost ~6 us more for the seventeen of a ``Fields``),
    or for a record of at most four fields its attributes set one by one into the
    class's table (no dict object until one is read; CPython 3.11 and 3.12).
    ``values`` not holding every field, or a class not :func:`keyed`, get a dict of
    their own, as pydantic makes them."""
    table = _TABLES.get(cls)
    record = cls.__new__(cls)
    if table is None or len(values) != len(table):
        _set(record, "__dict__", values)
    elif len(values) <= _ONE_BY_ONE:
        # a few fields: set one by one, kept beside the class's table with no dict
        # object until one is read (48 bytes less; ~0.35 us a field)
        for name, value in values.items():
            _set(record, name, value)
    else:
        own = table.copy()  # (a key-sharing dict: its copy shares the keys)
        own.update(values)  # (the keys are there: the values replaced in place)
        _set(record, "__dict__", own)
    _set(record, "__pydantic_fields_set__", fields_set)
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record


def inline_given(cls: type[_M], given: Iterable[tuple[str, Any]], fields_set: set[str]) -> _M:
    """:func:`inline` of a record whose fields are ``None`` but those ``given`` (names
    and values, not validated again), for a :func:`keyed` class of more than four
    fields: its key-sharing dict filled in place, no dict of the values built first."""
    own = _TABLES[cls].copy()  # (every field None)
    own.update(given)
    record = cls.__new__(cls)
    _set(record, "__dict__", own)
    _set(record, "__pydantic_fields_set__", fields_set)
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record
