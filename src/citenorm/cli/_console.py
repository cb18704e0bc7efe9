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
    "emit",
    "say",
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


def say(message: str) -> None:
    """Write one message line to stderr."""
    write_err(message.rstrip("\n") + "\n")


def emit(text: str, output: str | None) -> None:
    """Write the requested output (UTF-8) to the file ``output``, or to stdout."""
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
