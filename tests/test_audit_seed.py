"""The seed article's audit: a reviewed golden snapshot and the findings it must hold.

Refresh the snapshot with ``pytest --update-golden tests/test_audit_seed.py`` and review
the diff.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from citenorm.auditing import Finding, audit
from citenorm.auditing.formats import json_payload
from citenorm.extraction import extract
from citenorm.matching import match
from conftest import SEED, Snapshot


@cache
def seed_findings() -> tuple[Finding, ...]:
    text = SEED.read_text(encoding="utf-8")
    return tuple(audit(match(extract(text, source="seed.txt")), select=["ALL"]))


def of(code: str) -> list[Finding]:
    return [f for f in seed_findings() if f.code == code]


def test_golden_snapshot(snapshot: Snapshot) -> None:
    payload: dict[str, Any] = json_payload(list(seed_findings()))
    payload.pop("citenorm_version")  # the snapshot outlives version bumps
    snapshot("audit/seed.json", json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def test_footnote_url_differs_from_the_english_list() -> None:
    (url,) = of("CN401")
    assert url.line == 193
    assert "https://zu.pw/4jMJ8gcZ" in url.message
    assert "https://2u.pw/4jMJ8gcZ" in url.message
    assert [(r.id, r.line) for r in url.related] == [("fn-7-1", 191), ("e38", 376)]


def test_three_unlisted_footnote_sources() -> None:
    assert [(f.line, f.related[0].id) for f in of("CN201")] == [
        (195, "fn-7-2"),
        (211, "fn-8-3"),
        (223, "fn-9-2"),
    ]


def test_eight_internet_entries_without_arabic_counterpart() -> None:
    assert [f.line for f in of("CN302")] == list(range(369, 377))


def test_unnumbered_english_item() -> None:
    (f,) = of("CN502")
    assert f.line == 376
    assert f.related[0].id == "e38"


def test_university_spelled_two_ways() -> None:
    variants = [f for f in of("CN402") if "النهريين" in f.message]
    assert len(variants) == 1
    (f,) = variants
    assert f.line == 107
    assert "النهدين" in f.message
    assert [r.id for r in f.related] == ["fn-1-2", "e14"]


def test_repeated_place_and_mixed_digits() -> None:
    assert [(f.line, "Algeria" in f.message) for f in of("CN504")] == [(358, True)]
    assert [(f.line, f.severity) for f in of("CN505")] == [(334, "info")]


def test_nothing_for_the_reversed_year_range() -> None:
    # ٢٠٢٣-٢٠١٤ (footnote line 135, Arabic entry 337) vs 2014-2023 (English entry 348)
    lines = {135, 337, 348}
    ids = {"fn-3-1", "e12", "e17"}
    for f in seed_findings():
        assert f.line not in lines, f
        assert not ids & {r.id for r in f.related}, f
        assert "2014" not in f.message, f


def test_romanized_list_spells_a_name_and_a_university_two_ways() -> None:
    found = [(f.line, f.message) for f in of("CN601")]
    assert [line for line, _m in found] == [353, 355]
    assert "'Mohamed'" in found[0][1] and "'Mohammed'" in found[0][1]
    assert "'Mustansiriya'" in found[1][1] and "'al-Mustansiriya'" in found[1][1]


def test_college_and_faculty_for_one_arabic_term() -> None:
    found = of("CN602")
    assert [f.line for f in found] == [347, 364]
    assert all("'College'" in f.message and "كلية" in f.message for f in found)
    assert [r.id for r in found[0].related] == ["e16", "e7"]
