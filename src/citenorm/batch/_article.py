"""One article -> its batch record: :func:`process_article`, and the JSON line of it.

A pure function of one path (it reads the file, extracts, matches, optionally audits and
exports BibTeX) that never raises: a failure becomes a failure record. Module-level and
argument-only, so that it pickles for process pools and dask workers.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citenorm._version import __version__
from citenorm.errors import CitenormError, UsageError
from citenorm.memo import memo

if TYPE_CHECKING:
    from citenorm.config import Config

__all__ = [
    "SCHEMA_VERSION",
    "LineStats",
    "dumps",
    "failure",
    "line_and_stats",
    "line_of",
    "line_stats",
    "process_article",
    "sha256_of",
]

SCHEMA_VERSION = 1


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "unknown error"


def sha256_of(path: str) -> str | None:
    """The SHA-256 of the file's bytes, or ``None`` when it cannot be read."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(functools.partial(fh.read, 1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


@memo(256)
def _config_for_dir(directory: str) -> Config:
    from citenorm.config import load_config

    return load_config(Path(directory))


def _findings(result: Any, source: str) -> list[dict[str, Any]]:
    try:
        from citenorm.auditing import audit
    except ImportError as exc:  # pragma: no cover - auditing ships with citenorm now
        raise UsageError("--audit needs citenorm.auditing, which is not installed") from exc
    config = _config_for_dir(str(Path(source).resolve().parent))
    out: list[dict[str, Any]] = []
    for f in audit(result, config=config):
        to_json = getattr(f, "to_json", None)
        out.append(dict(to_json()) if callable(to_json) else f.model_dump(mode="json"))
    return out


def failure(source: str, sha256: str | None, message: str) -> dict[str, Any]:
    """The record of an article that failed: the message on one line."""
    return {
        "schema": SCHEMA_VERSION,
        "citenorm_version": __version__,
        "source": source,
        "sha256": sha256,
        "error": _one_line(message),
    }


def process_article(path: str, *, audit: bool = False, bibtex: bool = False) -> dict[str, Any]:
    """One article -> its batch record: the ``match`` JSON plus ``sha256`` (and extras).

    With ``audit`` the record has ``"findings"`` (CONTRACT.md's finding objects, under
    the nearest ``citenorm.toml``/``pyproject.toml`` of the article); with ``bibtex`` a
    ``"bibtex"`` string. Never raises for a bad article: an unreadable file or an
    exception inside the pipeline gives ``{"schema", "citenorm_version", "source",
    "sha256", "error"}``. Module-level and argument-only, so it pickles for process
    pools and dask workers.
    """
    sha256 = sha256_of(path)
    try:
        from citenorm.matching import match
        from citenorm.output.json import match_json
        from citenorm.pipeline import load_document

        try:
            doc = load_document(path)
        except CitenormError as exc:
            return failure(path, sha256, str(exc))
        result = match(doc)
        body = match_json(result)
        record: dict[str, Any] = {
            "schema": body.pop("schema"),
            "citenorm_version": body.pop("citenorm_version"),
            "source": body.pop("source"),
            "sha256": sha256,
        }
        record.update(body)
        if audit:
            record["findings"] = _findings(result, path)
        if bibtex:
            from citenorm.export import to_bibtex

            record["bibtex"] = to_bibtex(result)
    except Exception as exc:  # one bad article never costs the rest of the corpus
        return failure(path, sha256, f"{path}: {type(exc).__name__}: {exc}")
    return record


def dumps(record: dict[str, Any]) -> str:
    """A record as one compact JSON line (no newline)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class LineStats:
    """What the summary needs from one line, so lines need not be parsed twice."""

    entries: int = 0
    pairs: int = 0
    codes: tuple[str, ...] = ()
    error: str | None = None


def line_stats(record: dict[str, Any]) -> LineStats:
    """The summary's numbers of one record."""
    if "error" in record:
        return LineStats(error=str(record["error"]))
    return LineStats(
        entries=len(record.get("entries", ())),
        pairs=len(record.get("pairs", ())),
        codes=tuple(str(f.get("code")) for f in record.get("findings", ())),
    )


def line_and_stats(path: str, *, audit: bool, bibtex: bool) -> tuple[str, LineStats]:
    """The JSON line of one article and its numbers (serialized in the worker: the
    parent only writes bytes)."""
    record = process_article(path, audit=audit, bibtex=bibtex)
    return dumps(record), line_stats(record)


def line_of(path: str, *, audit: bool = False, bibtex: bool = False) -> str:
    """The JSON line of :func:`process_article` (no newline)."""
    return dumps(process_article(path, audit=audit, bibtex=bibtex))
