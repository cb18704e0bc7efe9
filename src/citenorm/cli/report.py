"""``citenorm report FILE -o report.html``: extract, match, audit, render one HTML page."""

from __future__ import annotations

import argparse
from typing import Any

from citenorm.cli._common import (
    add_max_bytes,
    add_progress_arguments,
    load_all,
    progress_for,
    progress_view,
    report_problems,
)
from citenorm.cli._console import EXIT_OK, emit

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``citenorm report``."""
    p.add_argument(
        "file", metavar="FILE", help="article: .txt, .md, .docx or .pdf; '-' reads stdin"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the HTML page to FILE instead of stdout"
    )
    p.add_argument("--encoding", metavar="NAME", help="input encoding (default: detected)")
    add_max_bytes(p)
    p.add_argument("--title", metavar="TEXT", help="the page title (default: the file name)")
    p.add_argument(
        "--no-audit", action="store_true", help="leave the audit findings out of the page"
    )
    add_progress_arguments(p)
    p.add_argument(
        "--no-proposals",
        action="store_true",
        help="leave out the romanizations citenorm proposes for Arabic entries that have no "
        "romanized counterpart",
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def _findings(result: Any, source: str) -> list[Any]:
    try:
        from citenorm.auditing import audit
    except ImportError:  # an install without the audit rules: the page shows no findings
        return []
    try:
        from pathlib import Path

        from citenorm.config import load_config

        config = load_config(None if source == "-" else Path(source))
    except ImportError:
        return list(audit(result))
    return list(audit(result, config=config))


def run(args: argparse.Namespace) -> int:
    """Write the report of ``args.file``; return the exit code (2 for an unusable input)."""
    from citenorm.matching import match
    from citenorm.report import render_report

    view = progress_view(args)
    docs, problems = load_all(
        [args.file], encoding=args.encoding, debug=args.debug, max_bytes=args.max_bytes, view=view
    )
    if problems:
        return report_problems(problems)
    result = match(docs[0], progress=progress_for(view, docs[0].source))
    findings = [] if args.no_audit else _findings(result, args.file)
    proposals = () if args.no_proposals else None  # None: the romanizer's proposals
    emit(
        render_report(result, findings=findings, title=args.title, proposals=proposals),
        args.output,
    )
    return EXIT_OK
