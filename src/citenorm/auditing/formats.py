"""Findings -> text, JSON (CONTRACT.md "JSON of audit"), GitHub annotations, SARIF 2.1.0.

Every function is pure: findings (and the documents' raw lines, for the text view) in,
a ``str`` out.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from citenorm._version import __version__
from citenorm.auditing.registry import RULES

if TYPE_CHECKING:  # FORMATS loads without pydantic (the command line's options)
    from citenorm.auditing.findings import Finding

__all__ = ["FORMATS", "render", "to_github", "to_json", "to_sarif", "to_text"]

FORMATS = ("text", "json", "github", "sarif")
SCHEMA_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://example.invalid/citenorm"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _summary(findings: Sequence[Finding], files: int) -> dict[str, Any]:
    by_code = Counter(f.code for f in findings)
    return {"files": files, "findings": len(findings), "by_code": dict(sorted(by_code.items()))}


# --- text -------------------------------------------------------------------------------


# what a line number means for a .docx/.pdf: said beside the paragraph/page
_LINE_NOTE = "(line numbers count in the text 'citenorm extract --show-text' prints)"


def _caret_line(source: str, column: int, length: int | None) -> str:
    # keep tabs so the caret stands under the same character in a terminal
    pad = "".join(ch if ch == "\t" else " " for ch in source[: column - 1])
    width = max(1, min(length or 1, max(1, len(source) - column + 1)))
    return pad + "^" + "~" * (width - 1)


def to_text(
    findings: Sequence[Finding],
    lines: Mapping[str | None, Sequence[str]] | None = None,
    *,
    files: int = 1,
) -> str:
    """Compiler-style text: ``file:line:col: CODE message``, the line, a caret under it.

    ``lines`` maps each file to its raw lines (``Document.lines``), for the source view.
    """
    out: list[str] = []
    for f in findings:
        where = f.file or "<unknown>"
        if f.line is not None:
            where += f":{f.line}"
            if f.column is not None:
                where += f":{f.column}"
        out.append(f"{where}: {f.code} [{f.severity}] {f.message}")
        source_lines = (lines or {}).get(f.file)
        if f.line is not None and source_lines and 1 <= f.line <= len(source_lines):
            src = source_lines[f.line - 1].rstrip("\r\n")
            gutter = f"{f.line} | "
            out.append(gutter + src)
            if f.column is not None:
                out.append(" " * (len(gutter) - 2) + "| " + _caret_line(src, f.column, f.length))
        if f.related:
            out.append(
                "  = related: "
                + ", ".join(f"{r.id} (line {r.line})" if r.line else r.id for r in f.related)
            )
        if f.location():
            out.append(f"  = in the document: {f.location()} {_LINE_NOTE}")
        out.append("")
    counts = Counter(f.severity for f in findings)
    if findings:
        from citenorm.config import SEVERITIES

        parts = [
            f"{counts[s]} {s}{'s' if counts[s] > 1 and s != 'info' else ''}"
            for s in reversed(SEVERITIES)
            if counts[s]
        ]
        plural = "s" if files != 1 else ""
        out.append(f"Found {len(findings)} finding(s) in {files} file{plural}: {', '.join(parts)}.")
    else:
        out.append("All checks passed!")
    return "\n".join(out) + "\n"


# --- JSON -------------------------------------------------------------------------------


def json_payload(findings: Sequence[Finding], *, files: int = 1) -> dict[str, Any]:
    """The audit JSON object of CONTRACT.md."""
    return {
        "schema": SCHEMA_VERSION,
        "citenorm_version": __version__,
        "findings": [f.to_json() for f in findings],
        "summary": _summary(findings, files),
    }


def to_json(findings: Sequence[Finding], *, files: int = 1) -> str:
    """The audit JSON (one object for all files; each finding names its file)."""
    return json.dumps(json_payload(findings, files=files), ensure_ascii=False, indent=2) + "\n"


# --- GitHub -----------------------------------------------------------------------------


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: Sequence[Finding]) -> str:
    """GitHub Actions workflow commands: ``::warning file=F,line=L,col=C,title=CODE::msg``."""
    out: list[str] = []
    for f in findings:
        props: list[str] = []
        if f.file:
            props.append(f"file={_gh_property(f.file)}")
        if f.line is not None:
            props.append(f"line={f.line}")
            if f.column is not None:
                props.append(f"col={f.column}")
        props.append(f"title={_gh_property(f.code)}")
        where = f"; {f.location()}" if f.location() else ""
        message = f"{f.message} ({f.name}{where})"
        out.append(f"::{_GITHUB_COMMAND[f.severity]} {','.join(props)}::{_gh_data(message)}")
    return "\n".join(out) + ("\n" if out else "")


# --- SARIF ------------------------------------------------------------------------------


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix(), safe="/:._-~")


def _sarif_rules() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in RULES.values():
        out.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": f"{r.summary} {r.why}"},
                "help": {"text": r.doc(), "markdown": _rule_markdown(r.code)},
                "defaultConfiguration": {
                    "level": _SARIF_LEVEL[r.severity],
                    "enabled": not r.opt_in,
                },
                "properties": {"family": r.family, "tags": [r.family]},
            }
        )
    return out


def _rule_markdown(code: str) -> str:
    r = RULES[code]
    example = "\n".join(f"    {ln}" for ln in r.example.splitlines())
    return (
        f"**{r.code} {r.name}**\n\n{r.summary}\n\n**Why it matters.** {r.why}\n\n"
        f"**Example**\n\n{example}\n"
    )


def _sarif_result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {}
    if f.file:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(f.file)}}
        if f.line is not None:
            region: dict[str, Any] = {"startLine": f.line}
            if f.column is not None:
                region["startColumn"] = f.column
                if f.length:
                    region["endColumn"] = f.column + f.length
            if f.location():
                # a .docx/.pdf: the line counts in the flattened text; the region's
                # property bag says where that is in the document
                region["properties"] = {
                    k: v for k in ("paragraph", "page") if (v := getattr(f, k)) is not None
                }
            physical["region"] = region
        location["physicalLocation"] = physical
        if f.location():
            location["message"] = {"text": f"{f.location()} {_LINE_NOTE}"}
    if f.related:
        location["logicalLocations"] = [
            {"name": r.id, "fullyQualifiedName": f"{f.file or ''}#{r.id}", "kind": "element"}
            for r in f.related
        ]
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [location] if location else [],
    }
    related = [
        {
            "id": k,
            "message": {"text": r.id},
            "physicalLocation": {
                "artifactLocation": {"uri": _uri(f.file)},
                "region": {"startLine": r.line},
            },
        }
        for k, r in enumerate(f.related)
        if f.file and r.line is not None
    ]
    if related:
        result["relatedLocations"] = related
    return result


def to_sarif(findings: Sequence[Finding], *, files: Sequence[str] = ()) -> str:
    """A SARIF 2.1.0 log: one run, every rule in ``tool.driver.rules``, one result per finding.

    Findings with a known line get a physical location (``region.startLine``,
    ``startColumn``); the records involved are logical locations (their ids), so a finding
    about the article as a whole still says what it concerns.
    """
    index = {code: i for i, code in enumerate(RULES)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "citenorm",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": _sarif_rules(),
            }
        },
        "artifacts": [{"location": {"uri": _uri(p)}} for p in files],
        "results": [_sarif_result(f, index) for f in findings],
        "columnKind": "unicodeCodePoints",
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def render(
    fmt: str,
    findings: Sequence[Finding],
    *,
    files: Sequence[str],
    lines: Mapping[str | None, Sequence[str]] | None = None,
) -> str:
    """The findings in one of :data:`FORMATS`."""
    if fmt == "json":
        return to_json(findings, files=len(files))
    if fmt == "github":
        return to_github(findings)
    if fmt == "sarif":
        return to_sarif(findings, files=files)
    return to_text(findings, lines, files=len(files))
