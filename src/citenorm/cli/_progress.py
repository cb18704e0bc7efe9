"""The progress of long work on one article, drawn on stderr (the library only reports
it: :mod:`citenorm.progress`).

On a terminal, a status line redrawn in place (carriage return), at most ten times a
second and only once the work has run for :data:`DELAY` seconds, so that a quick command
draws nothing; it is erased before any message or output. Elsewhere (a pipe, a CI log)
nothing, unless ``--progress`` asks for it: then plain lines, one per tenth of each
stage. ``--no-progress`` turns it off everywhere.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from typing import Literal

from citenorm.cli._console import clear_status, status, write_err
from citenorm.progress import Progress

__all__ = ["DELAY", "ProgressView", "add_progress_arguments", "progress_view"]

#: seconds of work before a terminal shows the status line
DELAY = 0.5
#: the least time between two redraws of the status line
_REDRAW = 0.1
_LABELS = {
    "read": "reading pages",
    "extract": "parsing references",
    "pair": "pairing entries",
    "cite": "linking footnotes",
}


def add_progress_arguments(p: argparse.ArgumentParser) -> None:
    """``--progress`` / ``--no-progress`` (default: on a terminal only)."""
    p.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show the progress of long work on stderr even when it is not a terminal "
        "(default: on a terminal only)",
    )
    p.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        default=None,
        help="never show progress",
    )


def _stderr_is_terminal() -> bool:
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(callable(isatty) and isatty())


class ProgressView:
    """Draws the progress the library reports, for one run of a command."""

    def __init__(self, mode: Literal["bar", "lines"], *, delay: float) -> None:
        self.mode = mode
        self.delay = delay

    def for_file(self, name: str) -> Progress:
        """The callback for the work on one article (``name`` as given)."""
        started = time.perf_counter()
        last = [0.0]  # when the bar was last drawn
        tenth: dict[str, int] = {}  # per stage, the last tenth written as a line
        shown = "<stdin>" if name == "-" else name

        def progress(stage: str, done: int, total: int) -> None:
            label = _LABELS.get(stage, stage)
            if self.mode == "lines":
                step = 10 * done // total if total else 10
                if tenth.get(stage) != step:
                    tenth[stage] = step
                    write_err(f"citenorm: progress: {shown}: {label} {done}/{total}\n")
                return
            now = time.perf_counter()
            if now - started < self.delay or (now - last[0] < _REDRAW and done < total):
                return
            last[0] = now
            status(_bar(shown, label, done, total))

        return progress

    def close(self) -> None:
        """Erase the status line (before the command's own output)."""
        clear_status()


def _bar(name: str, label: str, done: int, total: int) -> str:
    width = max(40, shutil.get_terminal_size((80, 24)).columns - 1)
    percent = 100 * done // total if total else 100
    filled = "#" * (20 * done // total if total else 20)
    tail = f" {label} [{filled:<20}] {done}/{total} {percent:3d}%"
    room = width - len(tail) - len("citenorm: ") - 1
    if room < 8:
        return ("citenorm:" + tail)[:width]
    if len(name) > room:
        name = "…" + name[-(room - 1) :]
    return f"citenorm: {name}:{tail}"


def progress_view(args: argparse.Namespace) -> ProgressView | None:
    """The view the options ask for: ``None`` for no progress."""
    choice = getattr(args, "progress", None)
    if choice is False:
        return None
    terminal = _stderr_is_terminal()
    if choice is None and not terminal:
        return None
    # asked for with --progress: drawn from the start; on a terminal by default: after DELAY
    return ProgressView("bar" if terminal else "lines", delay=0.0 if choice else DELAY)
