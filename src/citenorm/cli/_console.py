"""What the command line says, and how it ends: the exit codes and the two writers.

stdout carries only the requested output (:func:`emit`), always UTF-8; every message goes
to stderr through :func:`say` (a line) or :func:`write_err` (raw text, e.g. a progress
bar redrawn with a carriage return). Exit codes are CONTRACT.md's.
"""

from __future__ import annotations

import sys
from typing import BinaryIO

__all__ = [
    "EXIT_ERROR",
    "EXIT_FAILED",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "clear_status",
    "emit",
    "say",
    "status",
    "write_err",
]

EXIT_OK = 0
"""Done (``extract``/``match``/``export`` also when some lines landed in ``failed``)."""
EXIT_FINDINGS = 1
"""``audit``: a finding at or above ``--fail-on``."""
EXIT_FAILED = 1
"""``batch``: some articles failed (listed in the summary)."""
EXIT_ERROR = 2
"""A usage error, or an input that cannot be used."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C), as shells report SIGINT."""


def _encode(text: str) -> bytes:
    try:
        # surrogateescape: a file name that was not valid UTF-8 (PEP 383) prints as its bytes
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no byte stands for
        return text.encode("utf-8", "backslashreplace")


def write_err(text: str) -> None:
    """Write ``text`` to stderr as UTF-8, whatever the console's encoding, and flush."""
    err: BinaryIO | None = getattr(sys.stderr, "buffer", None)
    if err is not None:
        sys.stderr.flush()
        err.write(_encode(text))
        err.flush()
    else:  # a text-only stream (tests, IDEs)
        sys.stderr.write(_encode(text).decode("utf-8", "replace"))
        sys.stderr.flush()


# the width of the status line now drawn on stderr (0: none)
_status_width = 0


def status(text: str) -> None:
    """Draw, or redraw in place, a one-line status on stderr (a terminal's: the caller
    checks). The next :func:`say` or :func:`emit` clears it first."""
    global _status_width
    pad = " " * max(0, _status_width - len(text))
    write_err("\r" + text + pad + "\r" + text)
    _status_width = len(text)


def clear_status() -> None:
    """Erase the status line, if one is drawn."""
    global _status_width
    if _status_width:
        write_err("\r" + " " * _status_width + "\r")
        _status_width = 0


def say(message: str) -> None:
    """Write one message line to stderr."""
    clear_status()
    write_err(message.rstrip("\n") + "\n")


def emit(text: str, output: str | None) -> None:
    """Write the requested output (UTF-8) to the file ``output``, or to stdout."""
    clear_status()
    data = _encode(text)
    if output and output != "-":
        with open(output, "wb") as fh:
            fh.write(data)
        return
    out: BinaryIO | None = getattr(sys.stdout, "buffer", None)
    if out is not None:
        sys.stdout.flush()
        out.write(data)
        out.flush()
    else:
        sys.stdout.write(text)
