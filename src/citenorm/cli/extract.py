"""``citenorm extract FILE...``: footnotes, in-text citations, sections, entries, failed lines."""

from __future__ import annotations

import argparse

from citenorm.cli._common import add_file_arguments, dump_json, load_all, report_problems
from citenorm.cli._console import emit

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``citenorm extract``."""
    add_file_arguments(p)
    p.add_argument(
        "--format", choices=("json", "text"), default="text", help="output format (default: text)"
    )


def run(args: argparse.Namespace) -> int:
    """Write the records of each file; return the exit code."""
    from citenorm.output.json import document_json
    from citenorm.output.text import document_text

    docs, problems = load_all(args.files, encoding=args.encoding, debug=args.debug)
    if docs:
        if args.format == "json":
            emit(dump_json([document_json(d) for d in docs], many=len(args.files) > 1), args.output)
        else:
            emit("\n".join(document_text(d) for d in docs), args.output)
    return report_problems(problems)
