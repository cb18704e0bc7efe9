"""``citenorm match FILE...``: the records plus pairs, citations, unlisted and unpaired."""

from __future__ import annotations

import argparse

from citenorm.cli._common import (
    add_file_arguments,
    dump_json,
    load_all,
    progress_for,
    progress_view,
    report_problems,
)
from citenorm.cli._console import emit

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``citenorm match``."""
    add_file_arguments(p)
    p.add_argument(
        "--format", choices=("json", "text"), default="text", help="output format (default: text)"
    )


def run(args: argparse.Namespace) -> int:
    """Write the match result of each file; return the exit code."""
    from citenorm.matching import match
    from citenorm.output.json import match_json
    from citenorm.output.text import match_text

    view = progress_view(args)
    docs, problems = load_all(
        args.files, encoding=args.encoding, debug=args.debug, max_bytes=args.max_bytes, view=view
    )
    results = [match(d, progress=progress_for(view, d.source)) for d in docs]
    if results:
        if args.format == "json":
            emit(dump_json([match_json(r) for r in results], many=len(args.files) > 1), args.output)
        else:
            emit("\n".join(match_text(r) for r in results), args.output, terminal=True)
    return report_problems(problems)
