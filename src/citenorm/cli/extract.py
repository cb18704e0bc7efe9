"""``citenorm extract FILE...``: footnotes, in-text citations, sections, entries, failed lines."""

from __future__ import annotations

import argparse

from citenorm.cli._common import (
    add_file_arguments,
    dump_json,
    load_all,
    progress_view,
    report_problems,
)
from citenorm.cli._console import emit

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``citenorm extract``."""
    add_file_arguments(p)
    p.add_argument(
        "--format", choices=("json", "text"), default="text", help="output format (default: text)"
    )
    p.add_argument(
        "--show-text",
        action="store_true",
        help="print the text citenorm reads instead of the records: for a .docx/.pdf the "
        "flattened text whose lines the records' 'line' (and the audit's findings) count",
    )


def _show_text(args: argparse.Namespace) -> int:
    """Write each file's text as citenorm reads it (``line`` N is its line N)."""
    from citenorm.errors import CitenormError
    from citenorm.io.load import load

    texts: list[str] = []
    problems: list[str] = []
    for name in args.files:
        try:
            text = load(name, encoding=args.encoding).text
        except CitenormError as exc:
            problems.append(str(exc))
            continue
        # several files: a header before each, as head(1) writes it
        texts.append(f"==> {name} <==\n{text}" if len(args.files) > 1 else text)
    if texts:
        emit("\n".join(texts), args.output)
    return report_problems(problems)


def run(args: argparse.Namespace) -> int:
    """Write the records of each file; return the exit code."""
    if args.show_text:
        return _show_text(args)
    from citenorm.output.json import document_json
    from citenorm.output.text import document_text

    docs, problems = load_all(
        args.files,
        encoding=args.encoding,
        debug=args.debug,
        max_bytes=args.max_bytes,
        view=progress_view(args),
    )
    if docs:
        if args.format == "json":
            emit(dump_json([document_json(d) for d in docs], many=len(args.files) > 1), args.output)
        else:
            emit("\n".join(document_text(d) for d in docs), args.output, terminal=True)
    return report_problems(problems)
