"""One fixture article per audit rule (``tests/fixtures/audit/cnNNN-name.txt``).

Each fixture is ``clean.txt`` with one defect; the rule must report it at the exact line
(and nowhere else), and must report nothing on ``clean.txt``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from citenorm.auditing import RULES, Finding, audit
from citenorm.config import AuditConfig, Config
from citenorm.extraction import extract
from citenorm.matching import match
from citenorm.models import MatchResult

FIXTURES = Path(__file__).parent / "fixtures" / "audit"

#: rule code -> the lines where its fixture must report it
EXPECTED: dict[str, list[int | None]] = {
    "CN101": [11],
    "CN102": [9],
    "CN103": [9],
    "CN104": [11],
    "CN105": [13],
    "CN106": [13],
    "CN201": [11, 13],
    "CN202": [11],
    "CN203": [9],
    "CN204": [19, 25],
    "CN301": [19],
    "CN302": [24],
    "CN303": [17],
    "CN304": [21],
    "CN401": [11],
    "CN402": [11],
    "CN501": [19],
    "CN502": [25],
    "CN503": [18],
    "CN504": [22],
    "CN505": [17],
    "CN506": [28],
    "CN507": [None],
    "CN508": [None],
    "CN509": [18],
    "CN601": [15],
    "CN602": [15],
    "CN603": [15],
    "CN604": [12],
}


def fixture_path(code: str) -> Path:
    rule = RULES[code]
    return FIXTURES / f"{code.lower()}-{rule.name}.txt"


@cache
def matched(name: str) -> MatchResult:
    path = FIXTURES / name
    return match(extract(path.read_text(encoding="utf-8"), source=path.name))


def findings_of(name: str, code: str, config: Config | None = None) -> list[Finding]:
    return audit(matched(name), config=config, select=[code])


def test_every_rule_has_a_fixture_and_an_expectation() -> None:
    assert sorted(EXPECTED) == sorted(RULES)
    for code in RULES:
        assert fixture_path(code).is_file(), code


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_rule_reports_its_fixture_at_the_exact_line(code: str) -> None:
    config = None
    if code == "CN304":
        # the fixture's pair scores about 70; a margin keeps the test off the boundary
        config = Config(audit=AuditConfig(low_confidence_score=85))
    found = findings_of(fixture_path(code).name, code, config)
    assert [f.line for f in found] == EXPECTED[code]
    rule = RULES[code]
    for f in found:
        assert f.code == code
        assert f.name == rule.name
        assert f.severity == rule.severity
        assert f.file == fixture_path(code).name
        assert f.message


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_rule_is_silent_on_the_clean_article(code: str) -> None:
    assert findings_of("clean.txt", code) == []


def test_clean_article_has_no_finding_at_all() -> None:
    assert audit(matched("clean.txt"), select=["ALL"]) == []


def test_opt_in_rule_does_not_run_by_default() -> None:
    name = fixture_path("CN506").name
    assert not [f for f in audit(matched(name)) if f.code == "CN506"]
    assert [f.line for f in audit(matched(name), config=None, select=["CN5"])] == [28]


def test_low_confidence_threshold_comes_from_the_config() -> None:
    name = fixture_path("CN304").name
    low = Config(audit=AuditConfig(low_confidence_score=50))
    assert findings_of(name, "CN304", low) == []


def test_findings_carry_columns_and_related_records() -> None:
    (url,) = findings_of(fixture_path("CN401").name, "CN401")
    assert "zu.pw" in url.message
    assert "2u.pw" in url.message
    assert "one character apart" in url.message
    assert url.line is not None
    assert url.column is not None
    line = matched(fixture_path("CN401").name).document.lines[url.line - 1]
    assert line[url.column - 1 :].startswith("https://zu.pw/4jMJ8gcZ")
    assert [r.id for r in url.related] == ["fn-1-3", "e3", "e6"]

    (variant,) = findings_of(fixture_path("CN402").name, "CN402")
    assert variant.line is not None
    assert variant.column is not None
    line = matched(fixture_path("CN402").name).document.lines[variant.line - 1]
    assert line[variant.column - 1 :].startswith("النهريين")
    assert "النهدين" in variant.message


def test_marker_column_points_at_the_marker() -> None:
    (f,) = findings_of(fixture_path("CN101").name, "CN101")
    line = matched(fixture_path("CN101").name).document.lines[10]
    assert f.column is not None
    assert line[f.column - 1 : f.column + 2] == "(2)"


def test_mixed_digits_points_at_the_odd_digits() -> None:
    (f,) = findings_of(fixture_path("CN505").name, "CN505")
    line = matched(fixture_path("CN505").name).document.lines[16]
    assert f.column is not None
    assert line[f.column - 1 : f.column + 1] == "56"


def test_same_number_in_another_digit_system_elsewhere_is_no_finding() -> None:
    # clean.txt prints ٥٦ in the footnote and the Arabic entry, 56 in the romanized one
    assert findings_of("clean.txt", "CN3") == []
    assert findings_of("clean.txt", "CN4") == []


def test_severity_override_from_config() -> None:
    cfg = Config(audit=AuditConfig(severity={"CN3": "info", "CN301": "error"}))
    found = audit(matched(fixture_path("CN203").name), config=cfg, select=["CN203", "CN301"])
    assert {(f.code, f.severity) for f in found} == {("CN203", "warning"), ("CN301", "error")}


def test_select_and_ignore_by_name_and_prefix() -> None:
    name = fixture_path("CN203").name
    assert {f.code for f in audit(matched(name), select=["CN3"])} == {"CN301"}
    assert {
        f.code for f in audit(matched(name), select=["source-missing-from-romanized-list"])
    } == {"CN203"}
    assert {f.code for f in audit(matched(name), ignore=["CN2"])} == {"CN301"}


MARKDOWN = """# مقال

تطورت العلاقات بين البلدين[^1] واتفق الطرفان[^3].

[^1]: زيدون سلمان محمد ، روسيا والصين :محفزات وقيود التعاون في جنوب شرق اسيا ، مجلة العلوم السياسية، العدد ٦٨ ، (جامعة بغداد ،٢٠٢٤)، ص ٢٦٨
[^2]: علي حسين باكير ،العلاقات الاستراتيجية الصينية-الروسية، مجلة الدفاع الوطني اللبناني، العدد ٥٦ ، (لبنان، ٢٠٠٦) ، ص ٣
"""


def test_markdown_footnote_markers() -> None:
    result = match(extract(MARKDOWN, source="notes.md"))
    found = [(f.code, f.line, f.column) for f in audit(result, select=["CN1", "CN5"])]
    assert found == [("CN507", None, None), ("CN101", 3, 45), ("CN102", 6, 1)]
