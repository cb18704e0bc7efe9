"""Small internal records as plain classes with ``__slots__``, in place of dataclasses.

A ``@dataclass`` generates its ``__init__``, ``__repr__``, ``__eq__`` (and, frozen, its
``__setattr__``, ``__delattr__`` and ``__hash__``) as source text and compiles it when
its module is imported: ~0.5 ms a class, paid by every cold process. These classes write
their ``__init__`` out (compiled once, into the module's bytecode) and take the rest
from :class:`Plain` or :class:`Frozen`, which read the fields from ``__slots__``: the
same equality, hash, repr and immutability as the dataclass they replace. The fields
are the class's annotations, in their order (``__slots__`` holds the same names).
"""

from __future__ import annotations

from typing import Any

__all__ = ["Frozen", "Plain"]


class Plain:
    """A record whose fields are its class's annotations, in order: equal to another of
    the same class with equal fields (compared as tuples, as a dataclass does),
    unhashable, shown as ``Name(field=value, ...)``."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in type(self).__annotations__)

    def __repr__(self) -> str:
        names = type(self).__annotations__
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({inner})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class Frozen(Plain):
    """A :class:`Plain` record that cannot be changed once made (``__init__`` sets its
    fields with ``object.__setattr__``), hashed by its fields."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        from dataclasses import FrozenInstanceError  # (an AttributeError)

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())

    # copy and pickle (which would set the fields with setattr), as a frozen dataclass
    def __getstate__(self) -> tuple[Any, ...]:
        return self._values()

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(type(self).__annotations__, state, strict=True):
            object.__setattr__(self, name, value)
