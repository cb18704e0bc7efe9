"""Audit: citation consistency checks over a :class:`~citenorm.models.MatchResult`.

Typical use::

    from citenorm import extract, match
    from citenorm.auditing import audit

    findings = audit(match(extract(text, source="article.txt")), select=["CN4"])

Rules have ruff-style codes (``CN101``) and names that read as "allow <name>"
(``marker-without-footnote``); :data:`RULES` holds them by code. ``citenorm audit``
(:mod:`citenorm.cli.audit`) runs them on files and writes the findings as text,
JSON, GitHub annotations or SARIF (:mod:`citenorm.auditing.formats`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

# the rules and their documentation load without pydantic (citenorm rule, the command
# line's options); the records, the configuration and the findings load when they run
from citenorm.auditing import rules as _rules  # noqa: F401 - registers the rules
from citenorm.auditing.registry import RULES, Rule, resolve_selector, select_rules

if TYPE_CHECKING:
    from citenorm.auditing.findings import Finding, Related
    from citenorm.config import Config, Severity
    from citenorm.models import Document, MatchResult

__all__ = [
    "MAX_FINDINGS_PER_RULE",
    "RULES",
    "Finding",
    "Related",
    "Rule",
    "audit",
    "rules_table_markdown",
    "severities",
]


#: one rule lists at most this many findings in one article; the rest are counted in one
#: more finding (a hostile or broken article, 100,000 unreadable list lines, would
#: otherwise hold a finding each: about 1.5 KB a line)
MAX_FINDINGS_PER_RULE = 1000


def __getattr__(name: str) -> Any:
    # Finding and Related (pydantic) load on first use
    if name in ("Finding", "Related"):
        from citenorm.auditing import findings

        return getattr(findings, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _specificity(selector: str) -> int:
    s = selector.strip()
    if s.upper() == "ALL":
        return 0
    if any(r.name == s.lower() or r.code == s.upper() for r in RULES.values()):
        return 100
    return len(s)


def severities(config: Config | None = None) -> dict[str, Severity]:
    """The severity of every rule: its default, overridden by ``[audit.severity]``.

    A more specific selector wins (a code or name over a prefix, a longer prefix over a
    shorter one).
    """
    from citenorm.config import Config

    out: dict[str, Severity] = {code: r.severity for code, r in RULES.items()}
    overrides = (config or Config()).audit.severity
    for selector in sorted(overrides, key=_specificity):
        for r in resolve_selector(selector):
            out[r.code] = overrides[selector]
    return out


def audit(
    result: MatchResult,
    *,
    config: Config | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    extend_select: Sequence[str] | None = None,
) -> list[Finding]:
    """Run the selected rules on a match result; return the findings in text order.

    Rule selection starts from every rule that is not opt-in, then applies the
    configuration's ``select``/``extend-select``/``ignore``, then ``select``,
    ``extend_select`` and ``ignore`` given here (codes, prefixes such as ``"CN3"``, rule
    names or ``"ALL"``).
    Severities follow ``config.audit.severity``. One rule lists at most
    :data:`MAX_FINDINGS_PER_RULE` findings; past it, one more finding (at the first one
    left out) says how many are not listed. Raises
    :class:`~citenorm.errors.UsageError` for a selector that names no rule.
    """
    from citenorm.config import SEVERITY_RANK, Config
    from citenorm.memo import MemoBound

    cfg = config or Config()
    chosen = select_rules(
        (cfg.audit.select, cfg.audit.extend_select, cfg.audit.ignore),
        (select, extend_select or (), ignore or ()),
    )
    levels = severities(cfg)
    findings: list[Finding] = []
    # the per-string memos keep to this document's share (memory: memo.py)
    lines = result.document.lines
    bound = MemoBound(sum(map(len, lines)) + len(lines))
    for r in chosen:
        level = levels[r.code]
        listed = 0
        beyond: Finding | None = None  # the first finding not listed
        more = 0
        for f in r.check(result, cfg):
            bound()
            if listed >= MAX_FINDINGS_PER_RULE:
                beyond = beyond or f
                more += 1
                continue
            listed += 1
            findings.append(f if f.severity == level else f.model_copy(update={"severity": level}))
        if beyond is not None:
            findings.append(
                beyond.model_copy(
                    update={
                        "severity": level,
                        "message": f"{more} more {r.code} findings from here on are not listed"
                        f" (at most {MAX_FINDINGS_PER_RULE} a rule in one file); the first:"
                        f" {beyond.message}",
                    }
                )
            )
        bound.check()
    findings = _located(findings, result.document)
    findings.sort(
        key=lambda f: (
            f.line if f.line is not None else 0,
            f.column if f.column is not None else 0,
            f.code,
            -SEVERITY_RANK[f.severity],
            f.message,
        )
    )
    return findings


def _located(findings: list[Finding], doc: Document) -> list[Finding]:
    """The findings of a DOCX/PDF document with the ``paragraph``/``page`` of their line.

    A line of the flattened text that citenorm added (a note appended as ``[^N]: text``)
    has no paragraph of its own: the record that starts there lends its own (a note's is
    that of its marker in the body)."""
    if doc.paragraphs is None and doc.pages is None:
        return findings
    lent: dict[int, tuple[int | None, int | None]] = {}
    records: list[Any] = [*doc.footnotes, *doc.in_text, *doc.sections, *doc.entries]
    for rec in records:
        if rec.paragraph is not None or rec.page is not None:
            lent.setdefault(rec.line, (rec.paragraph, rec.page))

    def at(table: list[int | None] | None, line: int) -> int | None:
        return table[line - 1] if table is not None and 1 <= line <= len(table) else None

    out: list[Finding] = []
    for f in findings:
        if f.line is None:
            out.append(f)
            continue
        paragraph, page = at(doc.paragraphs, f.line), at(doc.pages, f.line)
        if paragraph is None and page is None:
            paragraph, page = lent.get(f.line, (None, None))
        if paragraph is None and page is None:
            out.append(f)
            continue
        out.append(f.model_copy(update={"paragraph": paragraph, "page": page}))
    return out


def rules_table_markdown() -> str:
    """The rules as a Markdown table (for the README and ``docs/rules.md``)."""
    rows = [
        "| Code | Name | Severity | What it checks |",
        "|---|---|---|---|",
    ]
    for r in RULES.values():
        summary = r.summary.replace("|", "\\|")
        opt = " *(opt-in)*" if r.opt_in else ""
        rows.append(f"| `{r.code}` | `{r.name}` | {r.severity}{opt} | {summary} |")
    return "\n".join(rows) + "\n"
