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
registry when the audit runs.

Every mistake is a :class:`ConfigError` with a one-line message naming the file, the key
or table, and what was expected: an unknown key or table (``[export]``, ``selct``), a
key in the wrong place (``select`` outside ``[audit]``, ``[severity]`` for
``[audit.severity]``), the ``tool.citenorm`` prefix in a file other than
``pyproject.toml`` (or its absence in one), a value of the wrong type or out of range.
Nothing is ignored: a configuration that citenorm would not apply as written stops the
run rather than letting the defaults run unnoticed.
"""

# no ``from __future__ import annotations``: pydantic reads the models' annotations as
# types (strings would each be evaluated when the classes are built)
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from citenorm.errors import ConfigError

__all__ = [
    "CONFIG_FILES",
    "SEVERITIES",
    "SEVERITY_RANK",
    "TABLES",
    "AuditConfig",
    "Config",
    "Severity",
    "default_config",
    "find_config",
    "load_config",
    "parse_config",
    "read_config",
]

Severity = Literal["info", "warning", "error"]
#: every severity, mildest first (the ``--fail-on`` choices)
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
#: the order of severities (``info`` 0 .. ``error`` 2), for ``--fail-on`` and sorting
SEVERITY_RANK: dict[str, int] = {s: rank for rank, s in enumerate(SEVERITIES)}

#: file names looked for in each directory, in this order
CONFIG_FILES = ("citenorm.toml", "pyproject.toml")


# default factories of plain functions: pydantic reads a factory's signature, and that of
# ``dict`` or of a model class is parsed from text (a cold start pays it)
def _no_severities() -> dict[str, Severity]:
    return {}


def _default_audit() -> "AuditConfig":
    return AuditConfig.model_construct()  # the defaults: nothing to validate


def default_config() -> "Config":
    """The configuration when there is no file: the defaults, made without building the
    models' validators (a cold ``citenorm audit`` without a configuration file builds
    none; equal to ``Config()``)."""
    return Config.model_construct()


class AuditConfig(BaseModel):
    """The ``audit`` table: rule selection, severities, ``fail-on`` and thresholds."""

    # defer_build: the validator is built when a file's table is first validated
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)

    select: tuple[str, ...] | None = None
    """Rules to run (codes, prefixes, names); ``None``: every rule that is on by default."""
    extend_select: tuple[str, ...] = Field(default=(), alias="extend-select")
    """Rules to run in addition to ``select`` (e.g. opt-in rules)."""
    ignore: tuple[str, ...] = ()
    """Rules not to run."""
    severity: dict[str, Severity] = Field(default_factory=_no_severities)
    """Severity per rule selector, overriding the rule's default."""
    fail_on: Severity | None = Field(default=None, alias="fail-on")
    """The lowest severity that makes ``citenorm audit`` exit 1 (default ``warning``)."""
    low_confidence_score: float = Field(default=70.0, alias="low-confidence-score", ge=0, le=100)
    """Pairs scoring below this (0-100) are reported by ``low-confidence-pair``."""
    spelling_similarity: float = Field(default=80.0, alias="spelling-similarity", ge=0, le=100)
    """Two folded values this similar (0-100), yet not equal, are spelling variants."""


class Config(BaseModel):
    """citenorm's configuration; ``path`` is the file it was read from, if any."""

    # defer_build: the validator is built when a file's table is first validated
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)

    audit: AuditConfig = Field(default_factory=_default_audit)
    path: str | None = None


#: the tables of a configuration file (without the ``tool.citenorm`` prefix)
TABLES: tuple[str, ...] = ("audit",)
#: the keys of ``[audit]`` as the file spells them; ``severity`` is a table
_AUDIT_KEYS: dict[str, str] = {
    (field.alias or name): name
    for name, field in AuditConfig.model_fields.items()
    if name != "severity"
}
_LISTS = ("select", "extend-select", "ignore")
_PREFIX = ("tool", "citenorm")


def _table_name(keys: tuple[str, ...], *, pyproject: bool) -> str:
    """A table as this file spells it: ``[tool.citenorm.audit]`` in pyproject.toml,
    ``[audit]`` elsewhere."""
    return "[" + ".".join((*_PREFIX, *keys) if pyproject else keys) + "]"


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"the string {value!r}"
    return f"{type(value).__name__} {value!r}"


def _guess(word: str, choices: Sequence[str]) -> str:
    """`` (did you mean 'select'?)`` for a near miss, else nothing."""
    folded = {c.replace("-", "_"): c for c in choices}
    if word.replace("-", "_") in folded and word not in choices:
        return f" (did you mean {folded[word.replace('-', '_')]!r}?)"
    import difflib  # only for a message: not loaded by a run without mistakes

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_layout(table: dict[str, Any], *, pyproject: bool) -> None:
    """Raise a one-line :class:`ConfigError` message (without the file) for the first
    unknown or misplaced key or table of a citenorm table; values of known keys are
    checked by the models."""
    audit_name = _table_name(("audit",), pyproject=pyproject)
    for key, value in table.items():
        if key == "audit":
            if not isinstance(value, dict):
                raise ConfigError(f"'audit' must be the table {audit_name}, not {_kind(value)}")
            _check_audit(value, pyproject=pyproject)
            continue
        if key == "tool" and not pyproject:
            tool = value.get("citenorm") if isinstance(value, dict) else None
            inner = ".".join(("tool", "citenorm", *tool)) if isinstance(tool, dict) else ""
            where = f"[{inner or 'tool.citenorm'}]" if tool is not None else "[tool]"
            raise ConfigError(
                f"{where}: the tool.citenorm prefix belongs in pyproject.toml; in this file "
                f"write the tables without it ([audit], [audit.severity])"
                if tool is not None
                else f"unknown table [tool]: expected {audit_name}"
            )
        if key == "citenorm" and isinstance(value, dict):
            inner = next(iter(value), "audit")
            shown = _table_name(("citenorm", inner), pyproject=pyproject)
            raise ConfigError(
                f"unknown table {shown}: the citenorm tables are named without a second "
                f"'citenorm': expected {_table_name((inner,), pyproject=pyproject)}"
                if pyproject
                else f"unknown table {shown}: this file holds the tables without a prefix: "
                f"expected {_table_name((inner,), pyproject=False)}"
            )
        if key in _AUDIT_KEYS or key == "severity":
            shown = f"table [{key}]" if isinstance(value, dict) else f"key {key!r}"
            expected = (
                _table_name(("audit", "severity"), pyproject=pyproject)
                if key == "severity"
                else f"{audit_name} {key} = ..."
            )
            raise ConfigError(f"{shown} outside its table: expected {expected}")
        shown = f"table [{key}]" if isinstance(value, dict) else f"key {key!r}"
        where = " in [tool.citenorm]" if pyproject else ""
        raise ConfigError(
            f"unknown {shown}{where}{_guess(key, TABLES)}: expected the table {audit_name}"
        )


def _check_audit(table: dict[str, Any], *, pyproject: bool) -> None:
    audit_name = _table_name(("audit",), pyproject=pyproject)
    severity_name = _table_name(("audit", "severity"), pyproject=pyproject)
    for key, value in table.items():
        if key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(
                    f"{audit_name} severity must be the table {severity_name}, not {_kind(value)}"
                )
            for selector, level in value.items():
                if not isinstance(level, str) or level not in SEVERITIES:
                    raise ConfigError(
                        f"{severity_name} {selector} = {_kind(level)}: expected one of "
                        + ", ".join(repr(s) for s in SEVERITIES)
                    )
            continue
        if key not in _AUDIT_KEYS:
            what = (
                f"table {_table_name(('audit', key), pyproject=pyproject)}"
                if isinstance(value, dict)
                else f"key {key!r} in {audit_name}"
            )
            raise ConfigError(
                f"unknown {what}{_guess(key, [*_AUDIT_KEYS, 'severity'])}: expected one of "
                + ", ".join(_AUDIT_KEYS)
                + f" or the table {severity_name}"
            )
        if key in _LISTS and not (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            raise ConfigError(
                f"{audit_name} {key} = {_kind(value)}: expected a list of rule codes, "
                f'prefixes or names, e.g. {key} = ["CN1", "uncited-entry"]'
            )


def _value_problems(exc: ValidationError, *, pyproject: bool) -> str:
    """The models' complaints about values, as ``[audit] fail-on = 'fatal': ...``."""
    problems = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        table, key = tuple(loc[:-1]), loc[-1] if loc else "?"
        where = _table_name(table, pyproject=pyproject) if table else "the top level"
        msg = err["msg"].replace("Input should be ", "expected ")
        problems.append(f"{where} {key} = {err.get('input')!r}: {msg}")
    return "; ".join(problems)


def _table_of(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    """The citenorm table of a parsed file (``None``: a pyproject without one)."""
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("citenorm") if isinstance(tool, dict) else None
        if table is None:
            if isinstance(data.get("citenorm"), dict):
                # "[citenorm.audit]" in a pyproject.toml: meant for us, in the wrong place
                raise ConfigError(
                    "table [citenorm]: in pyproject.toml the tables are [tool.citenorm.audit] "
                    "and [tool.citenorm.audit.severity]",
                    path=str(path),
                )
            return None
        if not isinstance(table, dict):
            raise ConfigError("[tool.citenorm] must be a table", path=str(path))
        return table
    return data


def parse_config(
    table: dict[str, Any], *, path: str | None = None, pyproject: bool | None = None
) -> Config:
    """A :class:`Config` from an already parsed citenorm table (the contents of
    ``[tool.citenorm]``, or of a ``citenorm.toml``).

    ``pyproject`` says how the table was spelled, for messages (default: whether
    ``path`` names a ``pyproject.toml``). Raises :class:`ConfigError` for an unknown or
    misplaced key or table, or a bad value.
    """
    if pyproject is None:
        pyproject = path is not None and Path(path).name == "pyproject.toml"
    try:
        _check_layout(table, pyproject=pyproject)
        return Config.model_validate({**table, "path": path})
    except ConfigError as exc:
        raise ConfigError(exc.message, path=path) from None
    except ValidationError as exc:
        raise ConfigError(_value_problems(exc, pyproject=pyproject), path=path) from None


def _read(path: Path) -> dict[str, Any] | None:
    import tomllib  # only when there is a file to read (~4 ms of a cold start)

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text (TOML is UTF-8): {exc}", path=str(path)) from None
    except RecursionError:
        raise ConfigError("invalid TOML: nested too deeply", path=str(path)) from None
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


def read_config(path: str | Path) -> Config:
    """Read one configuration file, whatever its name (``citenorm audit --config FILE``).

    A file named ``pyproject.toml`` holds ``[tool.citenorm.audit]`` (and must hold
    ``[tool.citenorm]``); any other file holds the tables without the prefix
    (``[audit]``), as ``citenorm.toml`` does. Raises :class:`ConfigError` when the file
    is missing, is not TOML, or holds an unknown or misplaced key or table.
    """
    found = Path(path)
    if not found.exists():
        raise ConfigError("configuration file not found", path=str(found))
    if found.is_dir():
        raise ConfigError(
            "is a directory: expected a configuration file (citenorm.toml, pyproject.toml)",
            path=str(found),
        )
    table = _read(found)
    if table is None:  # a pyproject.toml without [tool.citenorm]
        raise ConfigError(
            "no [tool.citenorm] table: expected [tool.citenorm.audit]", path=str(found)
        )
    return parse_config(table, path=str(found))


def load_config(path: str | Path | None = None) -> Config:
    """Load the configuration that applies to ``path``.

    ``path`` may be a configuration file (``citenorm.toml``, ``pyproject.toml`` or any
    ``.toml`` file with the ``citenorm.toml`` layout; see :func:`read_config`), or an
    input file or directory, in which case the nearest configuration file upward is
    used. ``None`` starts from the current directory. With no configuration file, the
    defaults. Raises :class:`~citenorm.errors.ConfigError` for a file that is not valid
    TOML or holds an unknown or misplaced key or table, or a bad value.
    """
    start = Path(path) if path is not None else Path.cwd()
    if start.suffix == ".toml" and not start.is_dir():
        return read_config(start)
    found = find_config(start)
    if found is None:
        return default_config()
    table = _read(found)
    if table is None:  # pragma: no cover - find_config passes these over
        return Config(path=str(found))
    return parse_config(table, path=str(found))
