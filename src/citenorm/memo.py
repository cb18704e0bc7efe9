"""One registry for citenorm's memos: the speed machinery, beside the logic.

A pure function that is called again and again with the same strings (a fold, a
look-up, a skeleton key) is memoized with :func:`memo`; a table built once on first
use (a lexicon, a translation table) with ``memo(None)``. Every memo is registered
here, so that one place bounds their memory, empties them (:func:`clear_memos`, for a
cold measurement) and reports on them (:func:`memos`)::

    @memo(4096)
    def place_key(text: str) -> str | None: ...

    @memo(None)  # a table: no arguments, built once
    def _places() -> dict[str, str]: ...

A batch worker lives for a whole corpus, so every per-string memo is bounded, and
small: on a corpus whose strings are all new they all fill up (docs/batch.md,
"Memory": about 225 bytes per entry). A memo larger than :data:`MEMO_MAX`, a
registry past :data:`MEMO_BUDGET` entries in all, or an unbounded memo of arguments is
refused when its module is imported.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

from citenorm._plain import Frozen

__all__ = ["MEMO_BUDGET", "MEMO_MAX", "MemoInfo", "clear_memos", "memo", "memos"]

P = ParamSpec("P")
R = TypeVar("R")

#: entries one memo may hold
MEMO_MAX = 8192
#: entries all the per-string memos together may hold
MEMO_BUDGET = 100_000

_REGISTRY: dict[str, Any] = {}  # qualified name -> the functools wrapper


class MemoInfo(Frozen):
    """One registered memo: its bound (``None``: a table built once) and its use."""

    __slots__ = ("entries", "hits", "misses", "name", "size")

    name: str
    size: int | None
    entries: int
    hits: int
    misses: int

    def __init__(self, name: str, size: int | None, entries: int, hits: int, misses: int) -> None:
        _set = object.__setattr__
        _set(self, "name", name)
        _set(self, "size", size)
        _set(self, "entries", entries)
        _set(self, "hits", hits)
        _set(self, "misses", misses)


def memo(size: int | None) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Memoize a pure function in at most ``size`` entries (least recently used go
    first); ``None``: a table built once by a function of no arguments.

    The arguments must be hashable. The function keeps its signature; the registry
    knows it by its qualified name.
    """
    if size is not None and not 0 < size <= MEMO_MAX:
        raise ValueError(f"memo size {size} is not in 1..{MEMO_MAX}")

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        name = f"{fn.__module__}.{fn.__qualname__}"
        if size is None:
            if inspect.signature(fn).parameters:
                raise TypeError(f"{name}: an unbounded memo must take no arguments (a table)")
            wrapped: Any = functools.cache(fn)
        else:
            total = size + sum(w.cache_parameters()["maxsize"] or 0 for w in _REGISTRY.values())
            if total > MEMO_BUDGET:
                raise ValueError(f"{name}: the memos would hold {total} > {MEMO_BUDGET} entries")
            wrapped = functools.lru_cache(maxsize=size)(fn)
        _REGISTRY[name] = wrapped
        return cast(Callable[P, R], wrapped)

    return decorate


def memos() -> list[MemoInfo]:
    """Every memo registered so far (memos register when their module is imported)."""
    out: list[MemoInfo] = []
    for name, wrapped in _REGISTRY.items():
        info = wrapped.cache_info()
        out.append(MemoInfo(name, info.maxsize, info.currsize, info.hits, info.misses))
    return out


def clear_memos(*, tables: bool = False) -> None:
    """Empty every per-string memo (and, with ``tables=True``, the tables built once):
    what a process that has never seen a string pays for it."""
    for wrapped in _REGISTRY.values():
        if tables or wrapped.cache_parameters()["maxsize"] is not None:
            wrapped.cache_clear()
