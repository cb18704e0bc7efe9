"""Output formats of the audit: text (compiler style), JSON (schema), GitHub, SARIF 2.1.0."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from citenorm.auditing import RULES, Finding, Related, audit
from citenorm.auditing.formats import render, to_github, to_json, to_sarif, to_text
from citenorm.extraction import extract
from citenorm.matching import match
from conftest import SEED

HERE = Path(__file__).parent
SARIF_SCHEMA = HERE / "data" / "sarif-2.1.0.schema.json"
AUDIT_SCHEMA = HERE.parent / "src" / "citenorm" / "auditing" / "schema" / "audit.schema.json"


@cache
def seed() -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    doc = extract(SEED.read_text(encoding="utf-8"), source="articles/seed.txt")
    return tuple(audit(match(doc), select=["ALL"])), tuple(doc.lines)


def _schema(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


WHOLE = Finding(
    code="CN508",
    name="no-bibliography",
    severity="warning",
    message="the article has no bibliography list and cites nothing",
    file="a b/notes.txt",
)


def test_json_validates_against_the_audit_schema() -> None:
    findings, _ = seed()
    payload = json.loads(to_json(findings, files=1))
    jsonschema.Draft202012Validator.check_schema(_schema(AUDIT_SCHEMA))
    jsonschema.validate(payload, _schema(AUDIT_SCHEMA), cls=jsonschema.Draft202012Validator)
    assert payload["schema"] == 1
    assert payload["summary"]["findings"] == len(findings)
    assert sum(payload["summary"]["by_code"].values()) == len(findings)
    assert set(payload["findings"][0]) == {
        "code",
        "name",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "related",
    }


def test_json_of_a_finding_without_a_line_validates() -> None:
    payload = json.loads(to_json([WHOLE]))
    jsonschema.validate(payload, _schema(AUDIT_SCHEMA), cls=jsonschema.Draft202012Validator)
    assert payload["findings"][0]["line"] is None


def test_sarif_validates_against_the_schema() -> None:
    findings, _ = seed()
    log = json.loads(to_sarif([*findings, WHOLE], files=["articles/seed.txt"]))
    jsonschema.validate(log, _schema(SARIF_SCHEMA))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    url = next(r for r in run["results"] if r["ruleId"] == "CN401")
    physical = url["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "articles/seed.txt"
    assert physical["region"]["startLine"] == 193
    assert physical["region"]["startColumn"] == 47
    assert [loc["name"] for loc in url["locations"][0]["logicalLocations"]] == ["fn-7-1", "e38"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["CN505"] == "note"
    assert levels["CN401"] == "warning"


def test_sarif_finding_without_a_line_has_no_region() -> None:
    log = json.loads(to_sarif([WHOLE]))
    jsonschema.validate(log, _schema(SARIF_SCHEMA))
    (result,) = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a%20b/notes.txt"}
    }


def test_sarif_uses_logical_locations_when_no_line_is_known() -> None:
    finding = WHOLE.model_copy(update={"related": (Related(id="e3", line=None),)})
    log = json.loads(to_sarif([finding]))
    jsonschema.validate(log, _schema(SARIF_SCHEMA))
    (loc,) = log["runs"][0]["results"][0]["locations"]
    assert loc["logicalLocations"][0]["name"] == "e3"


def test_text_shows_the_line_with_a_caret() -> None:
    findings, lines = seed()
    url = next(f for f in findings if f.code == "CN401")
    text = to_text([url], {url.file: list(lines)})
    head, source, caret, related, *_ = text.splitlines()
    assert head.startswith("articles/seed.txt:193:47: CN401 [warning] URL differs")
    assert source == "193 | " + lines[192]
    prefix = "    | "
    assert caret.startswith(prefix)
    marks = caret[len(prefix) :]
    assert marks.index("^") == 46
    assert marks.strip() == "^" + "~" * (len("https://zu.pw/4jMJ8gcZ") - 1)
    assert related == "  = related: fn-7-1 (line 191), e38 (line 376)"
    assert text.rstrip().endswith("Found 1 finding(s) in 1 file: 1 warning.")


def test_text_of_a_clean_run() -> None:
    assert to_text([]) == "All checks passed!\n"


def test_text_without_a_line() -> None:
    assert to_text([WHOLE]).splitlines()[0] == (
        "a b/notes.txt: CN508 [warning] the article has no bibliography list and cites nothing"
    )


def test_github_annotations() -> None:
    findings, _ = seed()
    out = to_github(findings).splitlines()
    assert len(out) == len(findings)
    url = next(ln for ln in out if "title=CN401" in ln)
    assert url.startswith("::warning file=articles/seed.txt,line=193,col=47,title=CN401::")
    assert any(ln.startswith("::notice ") for ln in out)  # info -> notice
    assert to_github([WHOLE]) == (
        "::warning file=a b/notes.txt,title=CN508::the article has no bibliography list "
        "and cites nothing (no-bibliography)\n"
    )


def test_github_escapes_properties_and_data() -> None:
    odd = WHOLE.model_copy(update={"file": "x,y:z.txt", "message": "50% done\nnext"})
    assert to_github([odd]) == (
        "::warning file=x%2Cy%3Az.txt,title=CN508::50%25 done%0Anext (no-bibliography)\n"
    )


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_render_dispatches(fmt: str) -> None:
    out = render(fmt, [WHOLE], files=["a b/notes.txt"])
    assert out.endswith("\n")
    if fmt in ("json", "sarif"):
        json.loads(out)
