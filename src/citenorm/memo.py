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

Those bounds are the process's; a document is also held to its own share
(:class:`MemoBound`): while ``extract`` and ``match`` work on one, the per-string memos
keep at most :data:`MEMO_FLOOR` entries, or one per :data:`CHARS_PER_ENTRY` characters
of the document when that is more (an entry holds 100-900 bytes, about 350 on
average: the memos of a 1 MB article of new strings would otherwise hold ~19 MB).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

from citenorm._plain import Frozen

__all__ = [
    "CHARS_PER_ENTRY",
    "MEMO_BUDGET",
    "MEMO_FLOOR",
    "MEMO_MAX",
    "MemoBound",
    "MemoInfo",
    "clear_memos",
    "memo",
    "memos",
]

P = ParamSpec("P")
R = TypeVar("R")

#: entries one memo may hold
MEMO_MAX = 8192
#: entries all the per-string memos together may hold
MEMO_BUDGET = 100_000

#: per-string memo entries any document may keep (a short article's all fit: the seed
#: fills ~3,800)
MEMO_FLOOR = 8192
#: and one more entry per this many characters of the document (about 3x the input's
#: UTF-8 bytes in the memos of an Arabic article)
CHARS_PER_ENTRY = 64
#: checkpoints of a :class:`MemoBound` between two looks at the memos
CHECK_EVERY = 32

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


class MemoBound:
    """Holds the per-string memos to one document's share while it is worked on.

    ``MemoBound(nchars)`` for a document of ``nchars`` characters allows
    ``max(MEMO_FLOOR, nchars // CHARS_PER_ENTRY)`` entries in all, or what the memos
    held when it was made if that is more (earlier documents' entries, within the
    registry's bounds: a batch worker keeps its memos from article to article); calling
    it is a checkpoint (one per record: cheap, it looks at the memos every
    :data:`CHECK_EVERY` calls). Past the allowance, the memos that hold the most are
    emptied until half of it is left. A short document never reaches its allowance, and
    one whose allowance is above the registry's bounds is never looked at.
    """

    __slots__ = ("_allowance", "_count", "_known", "_long", "_memos")

    def __init__(self, nchars: int) -> None:
        held = sum(w.cache_info().currsize for w in _REGISTRY.values())
        self._allowance = max(MEMO_FLOOR, nchars // CHARS_PER_ENTRY, held)
        self._long = nchars // CHARS_PER_ENTRY > MEMO_FLOOR
        self._count = 0
        self._known = -1  # registry size when the memos were listed
        self._memos: list[Any] = []

    def __call__(self) -> None:
        """A checkpoint: between two records of the document."""
        self._count += 1
        if self._count % CHECK_EVERY == 0:
            self.check()

    def release(self, prefix: str) -> None:
        """At the end of a stage: empty the per-string memos of the modules under
        ``prefix`` (``"citenorm.extraction."``) if the document is long (beyond
        :data:`MEMO_FLOOR` entries' worth of characters). A long document fills them
        with strings of its own, which the stages after it do not read but would hold
        under their own memory (a word's features in the parser: ~300 bytes); a short
        one leaves them (a batch's next article reads many of the same words)."""
        if not self._long:
            return
        for name, wrapped in _REGISTRY.items():
            if name.startswith(prefix) and wrapped.cache_parameters()["maxsize"] is not None:
                wrapped.cache_clear()

    def check(self) -> None:
        """Look at the memos now (between two stages of the work on the document)."""
        if self._known != len(_REGISTRY):  # memos register as their modules load
            self._known = len(_REGISTRY)
            bounded = [w for w in _REGISTRY.values() if w.cache_parameters()["maxsize"]]
            within = sum(w.cache_parameters()["maxsize"] for w in bounded) <= self._allowance
            self._memos = [] if within else bounded
        if not self._memos:
            return
        sizes = [(w.cache_info().currsize, i) for i, w in enumerate(self._memos)]
        total = sum(n for n, _ in sizes)
        if total <= self._allowance:
            return
        for n, i in sorted(sizes, reverse=True):
            self._memos[i].cache_clear()
            total -= n
            if total <= self._allowance // 2:
                break
