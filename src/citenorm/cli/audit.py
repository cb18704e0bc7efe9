"""``citenorm audit FILE...`` and ``citenorm rule CODE|--all`` (hooks called by :mod:`citenorm.cli`).

Exit codes (CONTRACT.md): 0 when no finding reaches ``--fail-on``; 1 when one does;
2 for a usage error or an input that cannot be used. With several files, the usable ones
are audited and reported, and the exit code is still 2 if any file was unusable.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from citenorm.auditing import RULES, Finding, audit
from citenorm.auditing.formats import FORMATS, render
from citenorm.auditing.registry import SEVERITY_RANK, Rule, resolve_selector
from citenorm.config import Config, load_config
from citenorm.errors import UsageError

__all__ = ["add_audit_arguments", "add_rule_arguments", "run_audit", "run_rule"]

_SEVERITIES = ("info", "warning", "error")


def add_audit_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``citenorm audit`` (``files``, ``-o``, ``--encoding``, ``--debug`` exist)."""
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
        choices=_SEVERITIES,
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
    if args.isolated:
        return Config()
    if args.config:
        key = f"explicit:{args.config}"
        if key not in cache:
            cache[key] = load_config(Path(args.config))
        return cache[key]
    start = Path.cwd() if name == "-" else Path(name)
    key = str(start.resolve().parent if name != "-" else start.resolve())
    if key not in cache:
        cache[key] = load_config(start)
    return cache[key]


def run_audit(args: argparse.Namespace) -> int:
    """Audit the files; write the findings; return the exit code."""
    from citenorm.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, _emit, _say, load_documents
    from citenorm.matching import match

    select = _selectors(args.select)
    extend = _selectors(args.extend_select)
    ignore = _selectors(args.ignore)
    if args.config and not Path(args.config).is_file():
        raise UsageError(f"configuration file not found: {args.config}")

    docs, problems = load_documents(args.files, encoding=args.encoding)
    cache: dict[str, Config] = {}
    findings: list[Finding] = []
    failing = False
    sources: list[str] = []
    lines: dict[str | None, list[str]] = {}
    for doc in docs:
        name = "-" if doc.source in (None, "<stdin>") else str(doc.source)
        cfg = _config_for(name, args, cache)
        found = audit(match(doc), config=cfg, select=select, ignore=ignore, extend_select=extend)
        fail_on = args.fail_on or cfg.audit.fail_on or "warning"
        if any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in found):
            failing = True
        findings.extend(found)
        sources.append(doc.source or name)
        lines[doc.source] = doc.lines
    if docs:
        _emit(render(args.output_format, findings, files=sources, lines=lines), args.output)
    for msg in problems:
        _say(f"citenorm: error: {msg}")
    if problems:
        return EXIT_ERROR
    if failing and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


# --- citenorm rule ----------------------------------------------------------------------


def add_rule_arguments(p: argparse.ArgumentParser) -> None:
    """Options of ``citenorm rule``."""
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
    for r in RULES.values():
        if r.code == wanted.upper() or r.name == wanted.lower():
            return r
    raise UsageError(f"unknown rule {code!r}; 'citenorm rule --all' lists the rules")


def run_rule(args: argparse.Namespace) -> int:
    """Print one rule's documentation, or the list of rules."""
    from citenorm.cli import EXIT_OK, _emit

    if args.all and args.code:
        raise UsageError("give a rule code or --all, not both")
    if args.all:
        if args.output_format == "json":
            text = json.dumps([_rule_json(r) for r in RULES.values()], ensure_ascii=False, indent=2)
            _emit(text + "\n", None)
            return EXIT_OK
        width = max(len(r.name) for r in RULES.values())
        rows = [
            f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {'opt-in' if r.opt_in else 'on':<6}  {r.summary}"
            for r in RULES.values()
        ]
        _emit("\n".join(rows) + "\n", None)
        return EXIT_OK
    if not args.code:
        raise UsageError("give a rule code (e.g. 'citenorm rule CN101') or --all")
    r = _find_rule(args.code)
    if args.output_format == "json":
        _emit(json.dumps(_rule_json(r), ensure_ascii=False, indent=2) + "\n", None)
    else:
        _emit(r.doc(), None)
    return EXIT_OK
