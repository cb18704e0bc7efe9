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
value; their lists (``date-parts``) are to be read, not changed, as everywhere. The
parser builds each :class:`~citenorm.models.Fields` once, through :func:`fields_of` with
the document's :class:`Sharing`, as the document keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from citenorm._keyed import inline
from citenorm.memo import memo
from citenorm.models import Date, Fields, Name

__all__ = ["Sharing", "build", "fields_of"]

_R = TypeVar("_R", bound=BaseModel)

# one set per distinct set of fields given (a handful: the records' shapes)
_SETS: dict[frozenset[str], set[str]] = {}


def _shared(names: frozenset[str]) -> set[str]:
    got = _SETS.get(names)
    if got is None:
        got = _SETS[names] = set(names)
    return got


_REQUIRED = object()  # (a field without a default: left out when not given)


class _Plan:
    """How ``model_construct`` fills a record of one class: its fields in the declared
    order with their defaults (or default factories)."""

    __slots__ = ("fields", "names")

    def __init__(self, fields: tuple[tuple[str, Any, Callable[[], Any] | None], ...]) -> None:
        self.fields = fields
        self.names = frozenset(name for name, _, _ in fields)


_PLANS: dict[type[BaseModel], _Plan | None] = {}


def _plan(cls: type[BaseModel]) -> _Plan | None:
    """The class's plan, or ``None`` when its records need pydantic's own
    ``model_construct`` (a post-init hook, private attributes, extra fields kept, a
    root model, a default that is not an immutable constant, a factory reading data)."""
    if cls in _PLANS:
        return _PLANS[cls]
    plan: _Plan | None = None
    if (
        cls.__pydantic_post_init__ is None
        and not cls.__pydantic_root_model__
        and not cls.__private_attributes__
        and cls.model_config.get("extra") != "allow"
    ):
        fields: list[tuple[str, Any, Callable[[], Any] | None]] = []
        for name, f in cls.model_fields.items():
            if f.default_factory is not None:
                if getattr(f, "default_factory_takes_validated_data", True):
                    break
                fields.append((name, None, cast(Callable[[], Any], f.default_factory)))
            elif f.is_required():
                fields.append((name, _REQUIRED, None))
            elif f.default is None or isinstance(f.default, (bool, int, float, str)):
                fields.append((name, f.default, None))  # (get_default copies nothing)
            else:
                break
        else:
            plan = _Plan(tuple(fields))
    _PLANS[cls] = plan
    return plan


def _made(cls: type[_R], values: dict[str, Any], fields_set: set[str]) -> _R:
    """The record ``cls.model_construct(fields_set, **values)`` makes, for ``values``
    holding every field (by name, in the declared order) or those of a plan: what it
    sets, without its loop over the fields (~5 us a record), its values in the class's
    shared key table (memory: :mod:`citenorm._keyed`)."""
    return inline(cls, values, fields_set)


def build(cls: type[_R], values: dict[str, Any]) -> _R:
    """A ``cls`` record of ``values`` (field names, values of the declared types), its
    fields set shared with the other records given the same fields."""
    plan = _plan(cls)
    if plan is None or not values.keys() <= plan.names:
        return cls.model_construct(_shared(frozenset(values)), **values)
    full: dict[str, Any] = {}
    for name, default, factory in plan.fields:
        if name in values:
            full[name] = values[name]
        elif factory is not None:
            full[name] = factory()
        elif default is not _REQUIRED:
            full[name] = default
    return _made(cls, full, _shared(frozenset(values)))


def _rebuilt(record: _R) -> _R:
    cls = type(record)
    values = dict(record)
    fields_set = _shared(frozenset(record.model_fields_set))
    if _plan(cls) is None or len(values) != len(cls.model_fields):
        return cls.model_construct(fields_set, **values)
    return _made(cls, values, fields_set)


class Sharing:
    """The dates and names of one document, one record for each distinct value.

    ``names``: whether names are shared (set it as the work goes on). The entries of a
    list keep their names as spans of their raw text (:class:`~citenorm.models.Entries`),
    built when read: a name shared while they are parsed would only be held (a record, its
    strings and its key: ~300 bytes a name of a list of distinct authors, till the end of
    the extraction)."""

    __slots__ = ("_dates", "_names", "names")

    def __init__(self, *, names: bool = True) -> None:
        self._dates: dict[tuple[object, ...], Date] = {}
        self._names: dict[tuple[object, ...], Name] = {}
        self.names = names

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
        if not self.names:
            return name
        # the fields given as a small number (a frozenset of them per key held ~216 bytes
        # a name: ~3x the input of a list of thousands of distinct names)
        given = name.model_fields_set
        code = ("family" in given) + 2 * ("given" in given) + 4 * ("literal" in given)
        key = (
            name.family,
            name.given,
            name.literal,
            code if len(given) == code.bit_count() else frozenset(given),
        )
        got = self._names.get(key)
        if got is None:
            got = self._names[key] = _rebuilt(name)
        return got


@memo(None)
def _field_table() -> tuple[tuple[tuple[str, str | None], ...], dict[str, Any]]:
    """Fields' (name, alias) pairs in the declared order, as model_construct reads them,
    and each field's default (none is a factory: the record is built without a call)."""
    fields = Fields.model_fields
    if any(f.default_factory is not None for f in fields.values()):
        raise TypeError("a field of Fields has a default factory: fields_of cannot skip it")
    return (
        tuple((name, f.alias) for name, f in fields.items()),
        {name: f.default for name, f in fields.items()},
    )


def fields_of(data: dict[str, Any], sharing: Sharing | None = None) -> Fields:
    """The :class:`~citenorm.models.Fields` of ``data`` (CSL-JSON names or field names,
    values of the declared types; a name or a date as a record or as its JSON form),
    built as validation builds it, without a validator (none is built on the
    extraction's path: ~30 ms of a cold process), its fields set shared with the other
    records given the same fields. With ``sharing``, its names and dates are those of
    the document's other records equal to them (one record each): the record is built
    once, as it is kept."""
    keys, defaults = _field_table()
    values = dict(defaults)  # every field given: model_construct calls no default
    given: list[str] = []
    for name, alias in keys:
        if alias is not None and alias in data:
            values[name] = data[alias]
        elif name in data:
            values[name] = data[name]
        else:
            continue
        given.append(name)
    author = values["author"]
    if author is not None:
        names = [n if isinstance(n, Name) else Name.model_construct(**n) for n in author]
        values["author"] = [sharing.name(n) for n in names] if sharing is not None else names
    for key in ("issued", "accessed"):
        d = values[key]
        if d is not None:
            if not isinstance(d, Date):
                d = Date.model_construct(**d)
            values[key] = sharing.date(d) if sharing is not None else d
    if _plan(Fields) is None:
        return Fields.model_construct(_shared(frozenset(given)), **values)
    return _made(Fields, values, _shared(frozenset(given)))  # (every field, in order)
