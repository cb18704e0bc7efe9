"""What the command line says, and how it ends: the exit codes and the two writers.

stdout carries only the requested output (:func:`emit`), always UTF-8; every message goes
to stderr through :func:`say` (a line) or :func:`write_err` (raw text, e.g. a progress
bar redrawn with a carriage return). Exit codes are CONTRACT.md's.
"""

from __future__ import annotations

import re
import sys
from typing import BinaryIO

from citenorm.errors import OutputError
from citenorm.text import _rx

__all__ = [
    "EXIT_ERROR",
    "EXIT_FAILED",
    "EXIT_FINDINGS",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "clear_status",
    "emit",
    "print_traceback",
    "say",
    "status",
    "terminal_safe",
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


# what a terminal acts on rather than shows: C0 and C1 controls but tab and newline, DEL,
# and the bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069)
_TERMINAL_UNSAFE = _rx.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with the characters a terminal would act on shown as escapes: ``\\x1b``
    for ESC (``\\x1b]52;...`` sets the clipboard in some terminals, ``\\x1b[2J`` clears
    the screen), ``\\u202e`` for RIGHT-TO-LEFT OVERRIDE. For human-readable output only:
    JSON and export files keep the text as it is (real Arabic data carries bidi marks)."""

    def shown(m: re.Match[str]) -> str:
        c = ord(m[0])
        return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"

    return _TERMINAL_UNSAFE.sub(shown, text)


def say(message: str) -> None:
    """Write one message line to stderr (terminal controls escaped: a message may quote
    a file name or the article). The status line, if drawn, is cleared first."""
    clear_status()
    write_err(terminal_safe(message.rstrip("\n")) + "\n")


def print_traceback() -> None:
    """Write the traceback of the exception being handled to stderr (``--debug``);
    :mod:`traceback` loads only then."""
    import traceback

    traceback.print_exc()


def emit(text: str, output: str | None, *, terminal: bool = False) -> None:
    """Write the requested output (UTF-8) to the file ``output``, or to stdout.

    ``terminal``: the output is human-readable, so the characters a terminal would act
    on are escaped (:func:`terminal_safe`). Raises :class:`~citenorm.errors.OutputError`
    (one line naming the file) when the output cannot be written: no space left, a
    read-only file system, no permission."""
    clear_status()
    if terminal:
        text = terminal_safe(text)
    data = _encode(text)
    try:
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
    except BrokenPipeError:
        raise  # `citenorm ... | head`: not an error
    except OSError as exc:
        # ENOSPC, EROFS, EPERM, EACCES, a directory...: the environment's problem
        where = output if output and output != "-" else "<stdout>"
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=where) from None
