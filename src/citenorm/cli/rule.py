"""``citenorm rule CODE`` / ``citenorm rule --all``: the documentation of the audit rules."""

from __future__ import annotations

import argparse
import json

from citenorm.auditing import RULES
from citenorm.auditing.registry import Rule
from citenorm.cli._console import EXIT_OK, emit
from citenorm.errors import UsageError

__all__ = ["add_arguments", "run"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``citenorm rule``."""
    p.add_argument("code", nargs="?", metavar="CODE", help="a rule code (CN301) or name")
    p.add_argument("--all", action="store_true", help="list every rule")
    p.add_argument(
        "--output-format",
        "--format",
        dest="output_format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the documentation to FILE instead of stdout"
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def _rule_json(r: Rule) -> dict[str, object]:
    return {
        "code": r.code,
        "name": r.name,
        "severity": r.severity,
        "family": r.family,
        "opt_in": r.opt_in,
        "summary": r.summary,
        "why": r.why,
        "example": r.example,
    }


def _find_rule(code: str) -> Rule:
    wanted = code.strip()
    if wanted == "-":
        raise UsageError(
            "'rule' reads no file: give a rule code or name (citenorm rule CN101) or --all; "
            "see 'citenorm rule --help'"
        )
    for r in RULES.values():
        if r.code == wanted.upper() or r.name == wanted.lower():
            return r
    raise UsageError(f"unknown rule {code!r}; 'citenorm rule --all' lists the rules")


def run(args: argparse.Namespace) -> int:
    """Print one rule's documentation, or the list of rules."""
    if args.all and args.code:
        raise UsageError("give a rule code or --all, not both")
    if args.all:
        if args.output_format == "json":
            text = json.dumps([_rule_json(r) for r in RULES.values()], ensure_ascii=False, indent=2)
            emit(text + "\n", args.output)
            return EXIT_OK
        width = max(len(r.name) for r in RULES.values())
        rows = [
            f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {'opt-in' if r.opt_in else 'on':<6}  {r.summary}"
            for r in RULES.values()
        ]
        emit("\n".join(rows) + "\n", args.output)
        return EXIT_OK
    if not args.code:
        raise UsageError(
            "give a rule code (e.g. 'citenorm rule CN101') or --all; see 'citenorm rule --help'"
        )
    r = _find_rule(args.code)
    if args.output_format == "json":
        emit(json.dumps(_rule_json(r), ensure_ascii=False, indent=2) + "\n", args.output)
    else:
        emit(r.doc(), args.output)
    return EXIT_OK
