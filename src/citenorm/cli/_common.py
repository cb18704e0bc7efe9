"""What the commands that read articles share: their file options, reading the files, and
reporting the ones that cannot be used."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from citenorm.cli._console import EXIT_ERROR, EXIT_OK, print_traceback, say
from citenorm.cli._progress import ProgressView, add_progress_arguments, progress_view
from citenorm.errors import CitenormError

if TYPE_CHECKING:  # the records (and pydantic) load only when a command runs
    from citenorm.models import Document
    from citenorm.progress import Progress

__all__ = [
    "add_file_arguments",
    "add_max_bytes",
    "add_progress_arguments",
    "dump_json",
    "load_all",
    "progress_for",
    "progress_view",
    "report_problems",
]


def add_file_arguments(p: argparse.ArgumentParser, *, many: bool = True) -> None:
    """``FILE...`` (or one ``FILE``), ``-o/--output``, ``--encoding``,
    ``--progress``/``--no-progress`` and ``--debug``."""
    p.add_argument(
        "files",
        nargs="+" if many else None,
        metavar="FILE",
        help=f"{'articles' if many else 'the article'}: .txt, .md, .docx or .pdf; '-' reads stdin",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the output to FILE instead of stdout"
    )
    p.add_argument("--encoding", metavar="NAME", help="input encoding (default: detected)")
    add_max_bytes(p)
    add_progress_arguments(p)
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def add_max_bytes(p: argparse.ArgumentParser) -> None:
    """``--max-bytes N``: the most bytes read from one input (default 64 MiB)."""
    from citenorm.io.text import MAX_BYTES

    p.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=MAX_BYTES,
        metavar="N",
        help=f"read at most N bytes of each input; a larger one is an error (default {MAX_BYTES})",
    )


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {value}")
    return n


def progress_for(view: ProgressView | None, name: str | None) -> Progress | None:
    """The progress callback for the work on one article (``None``: no progress)."""
    return view.for_file(name or "-") if view is not None else None


def load_all(
    files: Sequence[str],
    *,
    encoding: str | None,
    debug: bool = False,
    max_bytes: int | None = None,
    view: ProgressView | None = None,
) -> tuple[list[Document], list[str]]:
    """Read and extract each file (at most ``max_bytes`` of it, default 64 MiB), saying
    its warnings; return the documents and one message per file that cannot be used
    (with ``debug``, its traceback is written). ``view`` draws the progress of each file
    (:func:`~citenorm.cli._progress.progress_view`)."""
    from citenorm.io.text import MAX_BYTES
    from citenorm.pipeline import load_document

    docs: list[Document] = []
    problems: list[str] = []
    for name in files:
        try:
            doc = load_document(
                name,
                encoding=encoding,
                max_bytes=max_bytes or MAX_BYTES,
                progress=progress_for(view, name),
            )
        except CitenormError as exc:
            if debug:
                print_traceback()
            problems.append(str(exc))
            continue
        for w in doc.warnings:
            say(f"citenorm: warning: {doc.source}: {w}")
        docs.append(doc)
    return docs, problems


def report_problems(problems: Sequence[str]) -> int:
    """Say each unusable file; the exit code: 2 if there was one, else 0."""
    for msg in problems:
        say(f"citenorm: error: {msg}")
    return EXIT_ERROR if problems else EXIT_OK


def dump_json(objs: list[dict[str, Any]], *, many: bool) -> str:
    """The JSON output: a list of per-file objects with several files, else the object."""
    payload: Any = objs if many else objs[0]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
