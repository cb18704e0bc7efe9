"""The rule registry's invariants, ``docs/rules.md`` and ``.pre-commit-hooks.yaml``.

``pytest --update-golden tests/test_audit_docs.py`` rewrites the rules table of
``docs/rules.md`` from the registry.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import citenorm.auditing
from citenorm.auditing import RULES, rules_table_markdown
from citenorm.auditing.registry import resolve_selector, select_rules
from citenorm.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules.md"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
START, END = "<!-- rules-table:start -->\n", "<!-- rules-table:end -->"


def test_public_api() -> None:
    assert set(citenorm.auditing.__all__) == {
        "MAX_FINDINGS_PER_RULE",
        "RULES",
        "Finding",
        "Related",
        "Rule",
        "audit",
        "rules_table_markdown",
        "severities",
    }
    for name in citenorm.auditing.__all__:
        assert getattr(citenorm.auditing, name) is not None


def test_codes_and_names_follow_the_conventions() -> None:
    assert list(RULES) == sorted(RULES)
    names = [r.name for r in RULES.values()]
    assert len(set(names)) == len(names)
    for code, rule in RULES.items():
        assert rule.code == code
        assert re.fullmatch(r"CN[1-9][0-9]{2}", code)
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", rule.name)
        assert rule.severity in ("info", "warning", "error")
        assert rule.summary
        assert rule.why
        assert rule.example
        assert rule.doc().startswith(f"{code} {rule.name}\n")


def test_selectors() -> None:
    assert [r.code for r in resolve_selector("CN10")] == [c for c in RULES if c.startswith("CN10")]
    assert [r.code for r in resolve_selector("uncited-entry")] == ["CN204"]
    assert [r.code for r in resolve_selector("cn204")] == ["CN204"]
    assert len(resolve_selector("ALL")) == len(RULES)
    for bad in ("CN9", "XX", "no-such-rule", ""):
        with pytest.raises(UsageError):
            resolve_selector(bad)
    default = {r.code for r in select_rules()}
    assert "CN506" not in default
    assert default == {c for c, r in RULES.items() if not r.opt_in}
    layered = select_rules((["CN5"], [], ["CN505"]), (None, ["CN101"], ["CN509"]))
    assert [r.code for r in layered] == [
        "CN101",
        *[c for c in RULES if c.startswith("CN5")][:4],
        "CN506",
        "CN507",
        "CN508",
    ]


def test_docs_rules_table_is_up_to_date(update_golden: bool) -> None:
    text = DOCS.read_text(encoding="utf-8")
    start = text.index(START) + len(START)
    end = text.index(END)
    table = rules_table_markdown()
    if update_golden and text[start:end] != table:
        DOCS.write_text(text[:start] + table + text[end:], encoding="utf-8")
        return
    assert text[start:end] == table


def test_docs_hold_a_github_actions_example() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert "--output-format github" in text
    assert "upload-sarif" in text
    assert "[tool.citenorm.audit.severity]" in text


def test_pre_commit_hook() -> None:
    text = HOOKS.read_text(encoding="utf-8")
    assert re.search(r"^- id: citenorm-audit$", text, re.MULTILINE)
    assert re.search(r"^  entry: citenorm audit$", text, re.MULTILINE)
    (files,) = re.findall(r"^  files: (.+)$", text, re.MULTILINE)
    pattern = re.compile(files)
    assert pattern.search("articles/a.txt")
    assert pattern.search("notes.md")
    assert not pattern.search("paper.docx")
