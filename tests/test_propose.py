"""``export --propose``: an Arabic entry with no romanized counterpart is exported from the
romanizer's proposal only when asked, and marked for review in every format."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
import pytest

import citenorm
from citenorm.cli import main
from citenorm.export import (
    records,
    render,
    to_biblatex,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from citenorm.export.records import PROPOSAL_KEYWORD, PROPOSAL_NOTE
from citenorm.models import MatchResult
from citenorm.text.romanize import Proposal
from conftest import DEV

ARTICLE = DEV / "acrps-alalc.txt"  # two Arabic entries have no romanized counterpart
SCHEMA = Path(__file__).parent / "data" / "csl-data.schema.json"
MARK = f"[{PROPOSAL_NOTE}]"


@cache
def _result() -> MatchResult:
    return citenorm.match(citenorm.extract(ARTICLE.read_text(encoding="utf-8")))


@cache
def _proposals() -> dict[str, Proposal]:
    return {p.entry: p for p in citenorm.romanize(_result())}


def test_the_article_has_unpaired_arabic_entries_with_proposals() -> None:
    result = _result()
    assert len(result.unpaired_arabic) >= 2
    assert set(_proposals()) == set(result.unpaired_arabic)


def test_without_propose_nothing_is_proposed() -> None:
    result = _result()
    lone = [r for r in records(result) if r.arabic in result.unpaired_arabic]
    assert lone and all(r.script == "arabic" and r.original is None for r in lone)
    assert not any(r.proposed for r in records(result))
    for text in (to_bibtex(result), to_biblatex(result), to_ris(result), render(result)):
        assert PROPOSAL_NOTE not in text and PROPOSAL_KEYWORD not in text
    assert not any("proposed" in i["custom"]["citenorm"] for i in to_csl_json(result))


def test_propose_exports_the_proposal_and_changes_nothing_else() -> None:
    result = _result()
    plain = records(result)
    proposed = records(result, propose=True)
    assert [r.key for r in plain] == [r.key for r in proposed]
    for before, after in zip(plain, proposed, strict=True):
        proposal = _proposals().get(before.arabic or "") if not before.latin else None
        if proposal is None:
            assert after == before
            continue
        assert after.proposed and after.script == "latin"
        assert after.fields == proposal.fields  # the romanized record is the proposal
        assert after.original == before.fields  # with its Arabic original riding along
        assert after.language == "ar-Latn" and after.arabic_work
        assert after.confidence == proposal.confidence
        assert after.note is not None and after.note.startswith(PROPOSAL_NOTE)
        assert PROPOSAL_KEYWORD in after.keywords


def _value(entry: Any, name: str) -> str:
    field = entry.get(name)
    return "" if field is None else str(field.value)


def test_every_format_marks_the_proposal() -> None:
    result = _result()
    proposals = _proposals()
    titles = {p.fields.title for p in proposals.values()}
    keys = {r.key for r in records(result, propose=True) if r.proposed}
    assert len(keys) == len(proposals)

    for dialect, text in (
        ("bibtex", to_bibtex(result, propose=True)),
        ("biblatex", to_biblatex(result, propose=True)),
    ):
        library = bibtexparser.parse_string(text)
        marked = {e.key: e for e in library.entries if PROPOSAL_NOTE in _value(e, "note")}
        assert set(marked) == keys, dialect
        for entry in marked.values():
            assert PROPOSAL_KEYWORD in _value(entry, "keywords")
            assert _value(entry, "title").strip("{}") in titles
            assert re.search("[\u0600-\u06ff]", _value(entry, "origtitle"))

    items = to_csl_json(result, propose=True)
    jsonschema.validate(items, json.loads(SCHEMA.read_text(encoding="utf-8")))
    flagged = [i for i in items if i["custom"]["citenorm"].get("proposed")]
    assert {i["id"] for i in flagged} == keys
    for item in flagged:
        assert item["note"].startswith(PROPOSAL_NOTE) and item["keyword"] == PROPOSAL_KEYWORD
        assert item["language"] == "ar-Latn" and item["title"] in titles
        assert 0 <= item["custom"]["citenorm"]["confidence"] <= 1

    ris = to_ris(result, propose=True).split("ER  - ")
    marked_ris = [r for r in ris if f"KW  - {PROPOSAL_KEYWORD}" in r]
    assert len(marked_ris) == len(keys)
    assert all(f"N1  - {PROPOSAL_NOTE}" in r for r in marked_ris)

    text = render(result, propose=True)
    lines = [line for line in text.splitlines() if MARK in line]
    assert len(lines) == len(keys) and all(line.endswith(MARK) for line in lines)
    html = render(result, to="html", propose=True)
    assert html.count('data-citenorm="proposed"') == len(keys)
    assert html.count(f'<span class="citenorm-proposal">{MARK}</span>') == len(keys)


def test_propose_with_the_arabic_script_rides_the_proposal_along() -> None:
    result = _result()
    proposals = _proposals()
    for rec in records(result, script="arabic", propose=True):
        if not rec.proposed:
            continue
        assert rec.script == "arabic" and rec.arabic in proposals
        assert rec.original == proposals[rec.arabic].fields
        assert rec.language == "ar"
    text = to_biblatex(result, script="arabic", propose=True)
    assert PROPOSAL_NOTE in text
    # the Arabic entry is rendered in Arabic: no proposal shows, so no mark either
    assert MARK not in render(result, script="arabic", propose=True)


def _cli(capfdbinary: pytest.CaptureFixture[bytes], *args: str) -> str:
    assert main(["export", str(ARTICLE), *args]) == 0
    out: bytes = capfdbinary.readouterr().out
    return out.decode("utf-8")


def test_cli_propose(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    plain = _cli(capfdbinary, "--to", "ris")
    proposed = _cli(capfdbinary, "--to", "ris", "--propose")
    assert f"KW  - {PROPOSAL_KEYWORD}" not in plain
    assert proposed.count(f"KW  - {PROPOSAL_KEYWORD}") == len(_proposals())
    csl: list[dict[str, Any]] = json.loads(_cli(capfdbinary, "--to", "csl-json", "--propose"))
    assert sum(1 for i in csl if i["custom"]["citenorm"].get("proposed")) == len(_proposals())
    assert MARK in _cli(capfdbinary, "--to", "text", "--propose")


def test_cli_help_names_propose(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    assert "--propose" in out and "to review" in out
