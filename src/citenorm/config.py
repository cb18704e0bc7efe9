"""Configuration: ``[tool.citenorm]`` in ``pyproject.toml`` or the same tables in ``citenorm.toml``.

The nearest configuration file upward from an input wins; in each directory
``citenorm.toml`` is looked at before ``pyproject.toml``, and a ``pyproject.toml``
without a ``[tool.citenorm]`` table is passed over (as ruff does). ``citenorm.toml``
holds the same tables without the ``tool.citenorm`` prefix::

    # pyproject.toml                        # citenorm.toml
    [tool.citenorm.audit]                   [audit]
    select = ["CN"]                         select = ["CN"]
    ignore = ["CN504", "mixed-digits"]      ignore = ["CN504", "mixed-digits"]
    extend-select = ["CN506"]               extend-select = ["CN506"]
    fail-on = "error"                       fail-on = "error"
    low-confidence-score = 75               low-confidence-score = 75
    spelling-similarity = 80                spelling-similarity = 80

    [tool.citenorm.audit.severity]          [audit.severity]
    CN301 = "error"                         CN301 = "error"
    low-confidence-pair = "warning"         low-confidence-pair = "warning"

Rule selectors (``select``, ``ignore``, ``extend-select`` and the keys of ``severity``)
are rule codes, code prefixes (``CN3``) or rule names; they are checked against the rule
registry when the audit runs. Unknown keys in ``audit`` are errors (:class:`ConfigError`);
tables of other commands are kept for them and not checked here.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from citenorm.errors import ConfigError

__all__ = [
    "CONFIG_FILES",
    "SEVERITIES",
    "SEVERITY_RANK",
    "AuditConfig",
    "Config",
    "Severity",
    "find_config",
    "load_config",
    "parse_config",
]

Severity = Literal["info", "warning", "error"]
#: every severity, mildest first (the ``--fail-on`` choices)
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
#: the order of severities (``info`` 0 .. ``error`` 2), for ``--fail-on`` and sorting
SEVERITY_RANK: dict[str, int] = {s: rank for rank, s in enumerate(SEVERITIES)}

#: file names looked for in each directory, in this order
CONFIG_FILES = ("citenorm.toml", "pyproject.toml")


class AuditConfig(BaseModel):
    """The ``audit`` table: rule selection, severities, ``fail-on`` and thresholds."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    select: tuple[str, ...] | None = None
    """Rules to run (codes, prefixes, names); ``None``: every rule that is on by default."""
    extend_select: tuple[str, ...] = Field(default=(), alias="extend-select")
    """Rules to run in addition to ``select`` (e.g. opt-in rules)."""
    ignore: tuple[str, ...] = ()
    """Rules not to run."""
    severity: dict[str, Severity] = Field(default_factory=dict)
    """Severity per rule selector, overriding the rule's default."""
    fail_on: Severity | None = Field(default=None, alias="fail-on")
    """The lowest severity that makes ``citenorm audit`` exit 1 (default ``warning``)."""
    low_confidence_score: float = Field(default=70.0, alias="low-confidence-score", ge=0, le=100)
    """Pairs scoring below this (0-100) are reported by ``low-confidence-pair``."""
    spelling_similarity: float = Field(default=80.0, alias="spelling-similarity", ge=0, le=100)
    """Two folded values this similar (0-100), yet not equal, are spelling variants."""


class Config(BaseModel):
    """citenorm's configuration; ``path`` is the file it was read from, if any."""

    model_config = ConfigDict(frozen=True, extra="allow", populate_by_name=True)

    audit: AuditConfig = Field(default_factory=AuditConfig)
    path: str | None = None


def _table_of(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    """The citenorm table of a parsed file (``None``: a pyproject without one)."""
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("citenorm") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError("[tool.citenorm] must be a table", path=str(path))
        return table
    return data


def parse_config(table: dict[str, Any], *, path: str | None = None) -> Config:
    """A :class:`Config` from an already parsed ``[tool.citenorm]`` table."""
    if "path" in table:
        raise ConfigError("unknown key 'path'", path=path)
    try:
        return Config.model_validate({**table, "path": path})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'config'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"invalid configuration: {problems}", path=path) from None


def _read(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    return _table_of(path, data)


def find_config(start: str | Path) -> Path | None:
    """The nearest configuration file upward from ``start`` (a file or a directory).

    ``citenorm.toml`` wins over ``pyproject.toml`` in the same directory; a
    ``pyproject.toml`` without ``[tool.citenorm]`` does not count.
    """
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and _read(candidate) is None:
                continue
            return candidate
    return None


def load_config(path: str | Path | None = None) -> Config:
    """Load the configuration that applies to ``path``.

    ``path`` may be a configuration file (``citenorm.toml``, ``pyproject.toml`` or any
    ``.toml`` file with the ``citenorm.toml`` layout), or an input file or directory, in
    which case the nearest configuration file upward is used. ``None`` starts from the
    current directory. With no configuration file, the defaults. Raises
    :class:`~citenorm.errors.ConfigError` for a file that is not valid TOML or holds
    unknown keys or bad values.
    """
    start = Path(path) if path is not None else Path.cwd()
    if start.suffix == ".toml" and start.is_file():
        found: Path | None = start
    elif start.suffix == ".toml" and not start.exists():
        raise ConfigError("configuration file not found", path=str(start))
    else:
        found = find_config(start)
    if found is None:
        return Config()
    table = _read(found)
    if table is None:  # an explicit pyproject.toml without [tool.citenorm]
        return Config(path=str(found))
    return parse_config(table, path=str(found))
