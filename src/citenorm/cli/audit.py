"""``citenorm audit FILE...``: the findings of each article, in the format asked for.

Exit codes (CONTRACT.md): 0 when no finding reaches ``--fail-on``; 1 when one does;
2 for a usage error or an input that cannot be used. With several files, the usable ones
are audited and reported, and the exit code is still 2 if any file was unusable.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from citenorm.auditing.formats import FORMATS
from citenorm.auditing.registry import resolve_selector
from citenorm.cli._common import add_file_arguments, load_all, progress_for, progress_view
from citenorm.cli._console import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, emit, say

if TYPE_CHECKING:  # the records, the configuration and pydantic load when the audit runs
    from citenorm.auditing import Finding
    from citenorm.config import Config

__all__ = ["add_arguments", "run"]

#: ``--fail-on``'s choices: :data:`citenorm.config.SEVERITIES`, written out so that the
#: options (``citenorm audit --help``) load without pydantic; a test holds them equal
FAIL_ON = ("info", "warning", "error")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``citenorm audit``."""
    add_file_arguments(p)
    p.add_argument(
        "--output-format",
        "--format",
        dest="output_format",
        choices=FORMATS,
        default="text",
        help="output format (default: text)",
    )
    p.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="run only these rules: codes, prefixes or names, comma-separated (repeatable; "
        "'ALL' for every rule)",
    )
    p.add_argument(
        "--extend-select",
        action="append",
        metavar="RULES",
        help="run these rules in addition to the selection (e.g. opt-in rules)",
    )
    p.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="do not run these rules: codes, prefixes or names, comma-separated (repeatable)",
    )
    p.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help="exit 1 when a finding is at least this severe (default: warning, or the "
        "configuration's fail-on)",
    )
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument(
        "--config",
        metavar="FILE",
        help="use this configuration file instead of the nearest citenorm.toml/pyproject.toml",
    )
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")


def _selectors(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    out = [s.strip() for v in values for s in v.split(",") if s.strip()]
    for s in out:
        resolve_selector(s)  # unknown selectors are usage errors, before any work
    return out


def _config_for(name: str, args: argparse.Namespace, cache: dict[str, Config]) -> Config:
    from citenorm.config import default_config, load_config, read_config

    if args.isolated:
        return default_config()
    if args.config:
        key = f"explicit:{args.config}"
        if key not in cache:
            cache[key] = read_config(args.config)
        return cache[key]
    start = Path.cwd() if name == "-" else Path(name)
    key = str(start.resolve().parent if name != "-" else start.resolve())
    if key not in cache:
        cache[key] = load_config(start)
    return cache[key]


def run(args: argparse.Namespace) -> int:
    """Audit the files; write the findings; return the exit code."""
    from citenorm.auditing import audit
    from citenorm.auditing.formats import render
    from citenorm.config import SEVERITY_RANK
    from citenorm.matching import match

    select = _selectors(args.select)
    extend = _selectors(args.extend_select)
    ignore = _selectors(args.ignore)
    cache: dict[str, Config] = {}
    if args.config and not args.isolated:
        _config_for("-", args, cache)  # a bad --config stops the run before any work

    view = progress_view(args)
    docs, problems = load_all(
        args.files, encoding=args.encoding, debug=args.debug, max_bytes=args.max_bytes, view=view
    )
    findings: list[Finding] = []
    failing = False
    sources: list[str] = []
    lines: dict[str | None, list[str]] = {}
    for doc in docs:
        name = "-" if doc.source in (None, "<stdin>") else str(doc.source)
        cfg = _config_for(name, args, cache)
        result = match(doc, progress=progress_for(view, doc.source))
        found = audit(result, config=cfg, select=select, ignore=ignore, extend_select=extend)
        fail_on = args.fail_on or cfg.audit.fail_on or "warning"
        if any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in found):
            failing = True
        findings.extend(found)
        sources.append(doc.source or name)
        lines[doc.source] = doc.lines
    if docs:
        text = render(args.output_format, findings, files=sources, lines=lines)
        emit(text, args.output, terminal=args.output_format == "text")
    for msg in problems:
        say(f"citenorm: error: {msg}")
    if problems:
        return EXIT_ERROR
    if failing and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK
