"""The rule registry: :class:`Rule`, :class:`Finding`, :data:`RULES` and rule selection.

A rule module registers its checks with :func:`rule`::

    @rule(code="CN101", name="marker-without-footnote", severity="warning",
          summary="...", why="...", example="...")
    def _check(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
        yield Hit("message", line=12, column=5)

A check yields :class:`Hit` objects (what and where); :meth:`Rule.check` turns them into
:class:`Finding` records carrying the rule's code, name, default severity and the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from citenorm._plain import Frozen
from citenorm.errors import UsageError

if TYPE_CHECKING:  # the records, the configuration and pydantic load when a rule runs
    from citenorm.auditing.findings import Finding, Related
    from citenorm.config import AuditConfig, Config, Severity
    from citenorm.models import MatchResult

    CheckFunction = Callable[[MatchResult, AuditConfig], Iterable["Hit"]]

__all__ = [
    "RULES",
    "Finding",
    "Hit",
    "Related",
    "Rule",
    "resolve_selector",
    "rule",
    "select_rules",
]


class Hit(Frozen):
    """What a check found and where; the rule adds code, name, severity and file."""

    __slots__ = ("column", "length", "line", "message", "related")

    message: str
    line: int | None
    column: int | None
    length: int | None
    related: Sequence[tuple[str, int | None]]

    def __init__(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        length: int | None = None,
        related: Sequence[tuple[str, int | None]] = (),
    ) -> None:
        _set = object.__setattr__
        _set(self, "message", message)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "length", length)
        _set(self, "related", related)


class Rule(Frozen):
    """An audit rule: its documentation and its check.

    ``name`` reads as "allow <name>" (ruff's convention). ``opt_in`` rules run only when
    selected explicitly (``select``/``extend-select``).

    (A plain immutable record, as the frozen dataclass it was: ``function`` is left out
    of its repr, equality and hash.)
    """

    __slots__ = (
        "code",
        "example",
        "family",
        "function",
        "name",
        "opt_in",
        "severity",
        "summary",
        "why",
    )

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    example: str
    family: str
    function: CheckFunction
    opt_in: bool

    def __init__(
        self,
        code: str,
        name: str,
        severity: Severity,
        summary: str,
        why: str,
        example: str,
        family: str,
        function: CheckFunction,
        opt_in: bool = False,
    ) -> None:
        _set = object.__setattr__
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "severity", severity)
        _set(self, "summary", summary)
        _set(self, "why", why)
        _set(self, "example", example)
        _set(self, "family", family)
        _set(self, "function", function)
        _set(self, "opt_in", opt_in)

    _SHOWN = ("code", "name", "severity", "summary", "why", "example", "family", "opt_in")

    def _values(self) -> tuple[Any, ...]:  # compared, hashed and shown: not `function`
        return tuple(getattr(self, name) for name in self._SHOWN)

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._SHOWN)
        return f"Rule({inner})"

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in type(self).__annotations__)

    def check(
        self, result: MatchResult, cfg: Config | AuditConfig | None = None
    ) -> Iterator[Finding]:
        """Run the rule on a match result; findings carry the rule's default severity."""
        from citenorm._keyed import inline
        from citenorm.auditing.findings import Finding, Related
        from citenorm.config import AuditConfig, Config

        audit_cfg = cfg.audit if isinstance(cfg, Config) else (cfg or AuditConfig())
        source = result.document.source
        # findings of the values a Hit declares: not validated again, sharing their
        # fields sets (~0.7 KB a finding saved: an article may have thousands) and
        # their class's key table (~0.3 KB more)
        for hit in self.function(result, audit_cfg):
            related = tuple(
                inline(Related, {"id": i, "line": ln}, _RELATED_SET) for i, ln in hit.related
            )
            yield inline(
                Finding,
                {
                    "code": self.code,
                    "name": self.name,
                    "severity": self.severity,
                    "message": hit.message,
                    "file": source,
                    "line": hit.line,
                    "column": hit.column,
                    "length": hit.length,
                    "related": related,
                    "paragraph": None,
                    "page": None,
                },
                _FINDING_SET,
            )

    def doc(self) -> str:
        """The rule's documentation as plain text (what ``citenorm rule CODE`` prints)."""
        opt = " (opt-in: runs only when selected)" if self.opt_in else ""
        return (
            f"{self.code} {self.name}\n\n"
            f"Default severity: {self.severity}{opt}\n"
            f"Family: {self.family}\n\n"
            f"What it checks\n  {self.summary}\n\n"
            f"Why it matters\n  {self.why}\n\n"
            f"Example\n" + "\n".join(f"  {ln}" for ln in self.example.splitlines()) + "\n"
        )


# the fields a rule gives its findings and their related records (pydantic's
# ``model_fields_set``, shared)
_FINDING_SET = {
    "code",
    "name",
    "severity",
    "message",
    "file",
    "line",
    "column",
    "length",
    "related",
}
_RELATED_SET = {"id", "line"}

#: every rule, by code, in code order once :mod:`citenorm.auditing.rules` is imported
RULES: dict[str, Rule] = {}


def __getattr__(name: str) -> Any:
    # Finding and Related live in citenorm.auditing.findings (pydantic), loaded on use
    if name in ("Finding", "Related"):
        from citenorm.auditing import findings

        return getattr(findings, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def rule(
    *,
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    why: str,
    example: str,
    family: str,
    opt_in: bool = False,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function as a rule (a decorator)."""

    def register(function: CheckFunction) -> CheckFunction:
        if code in RULES or any(r.name == name for r in RULES.values()):
            raise ValueError(f"rule {code} {name} registered twice")
        RULES[code] = Rule(
            code=code,
            name=name,
            severity=severity,
            summary=summary,
            why=why,
            example=example,
            family=family,
            function=function,
            opt_in=opt_in,
        )
        ordered = sorted(RULES.items())
        RULES.clear()
        RULES.update(ordered)
        return function

    return register


def resolve_selector(selector: str) -> list[Rule]:
    """The rules a selector names: ``ALL``, a code, a code prefix or a rule name.

    Raises :class:`~citenorm.errors.UsageError` for a selector that names no rule.
    """
    sel = selector.strip()
    if sel.upper() == "ALL":
        return list(RULES.values())
    by_name = [r for r in RULES.values() if r.name == sel.lower()]
    if by_name:
        return by_name
    hits = [r for r in RULES.values() if r.code.startswith(sel.upper())]
    if not hits or not sel:
        raise UsageError(f"unknown rule selector {selector!r} (a code, a prefix or a rule name)")
    return hits


def select_rules(*layers: tuple[Sequence[str] | None, Sequence[str], Sequence[str]]) -> list[Rule]:
    """The rules to run, after applying each layer of ``(select, extend_select, ignore)``.

    Layers apply in order (configuration first, then the command line): a ``select`` that
    is not ``None`` replaces the selection, ``extend_select`` adds, ``ignore`` removes.
    The starting selection is every rule that is not ``opt_in``.
    """
    chosen = {r.code for r in RULES.values() if not r.opt_in}
    for select, extend, ignore in layers:
        if select is not None:
            chosen = {r.code for s in select for r in resolve_selector(s)}
        chosen |= {r.code for s in extend for r in resolve_selector(s)}
        chosen -= {r.code for s in ignore for r in resolve_selector(s)}
    return [r for code, r in RULES.items() if code in chosen]
