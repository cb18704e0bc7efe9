"""Progress of the work on one article, told to a callback: the library never prints.

A long article (megabytes of text, a list of a thousand entries, a PDF of many pages)
takes seconds to read, extract and match. :func:`citenorm.extract_file`,
:func:`citenorm.extract` and :func:`citenorm.match` take ``progress=``, a callable
``progress(stage, done, total)`` that they call as the work advances; the command line
draws it on a terminal (``citenorm match --progress``), a program can log it or update
its own display::

    def show(stage: str, done: int, total: int) -> None:
        print(f"{stage}: {done}/{total}")

    doc = citenorm.extract_file("long.pdf", progress=show)
    result = citenorm.match(doc, progress=show)

Stages, in the order they run (:data:`STAGES`): ``read`` (the pages of a PDF),
``extract`` (the references parsed: list entries and footnotes), ``pair`` (the Arabic
entries scored against the romanized list), ``cite`` (the footnotes linked to entries).
Each stage reports ``done == 0`` when it starts and ``done == total`` when it ends, and
at most :data:`STEPS` times in between; ``done`` never goes back within a stage. A stage
with nothing to do is not reported. The callback runs in the caller's thread, between
two units of work: keep it quick, and raise to stop the work (the exception propagates).
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["STAGES", "STEPS", "Progress", "Ticker"]

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: see the module's documentation."""

#: the stages, in the order they run
STAGES = ("read", "extract", "pair", "cite")
#: the most calls a stage makes between its start and its end
STEPS = 200


class Ticker:
    """Counts the units of one stage and tells ``progress``: at the start, at most
    :data:`STEPS` times in between, and at the end. With ``progress=None`` (or nothing
    to do) every call is a no-op, so the work can tick unconditionally."""

    __slots__ = ("_done", "_every", "_next", "_progress", "_stage", "_total")

    def __init__(self, progress: Progress | None, stage: str, total: int) -> None:
        self._progress = progress if total > 0 else None
        self._stage = stage
        self._total = total
        self._done = 0
        self._every = max(1, total // STEPS)
        self._next = self._every
        if self._progress is not None:
            self._progress(stage, 0, total)

    def __call__(self, units: int = 1) -> None:
        """``units`` more are done (the total is never passed)."""
        if self._progress is None:
            return
        self._done = min(self._total, self._done + units)
        if self._done >= self._next and self._done < self._total:
            self._next = self._done + self._every
            self._progress(self._stage, self._done, self._total)

    def finish(self) -> None:
        """The stage is over: report ``total`` (once)."""
        if self._progress is not None:
            progress, self._progress = self._progress, None
            progress(self._stage, self._total, self._total)
