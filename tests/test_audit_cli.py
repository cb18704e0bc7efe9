"""``citenorm audit`` and ``citenorm rule`` through ``citenorm.cli.main``: outputs and exit codes."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import jsonschema
import pytest

from citenorm import cli
from conftest import SEED

FIXTURES = Path(__file__).parent / "fixtures" / "audit"
CLEAN = FIXTURES / "clean.txt"
SCHEMA = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "citenorm"
    / "auditing"
    / "schema"
    / "audit.schema.json"
)


def main(argv: Sequence[str]) -> int:
    return cli.main(list(argv))


def test_cli_main_has_the_audit_commands() -> None:
    parser = cli._build_parser()
    choices = next(a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert {"audit", "rule"} <= set(choices)


def _out(cap: pytest.CaptureFixture[bytes]) -> tuple[str, str]:
    got = cap.readouterr()
    return got.out.decode("utf-8"), got.err.decode("utf-8")


def test_exit_0_on_a_clean_article(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["audit", "--isolated", str(CLEAN)]) == 0
    out, _ = _out(capfdbinary)
    assert out.strip() == "All checks passed!"


def test_exit_1_when_findings_reach_fail_on(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["audit", "--isolated", str(SEED)]) == 1
    out, err = _out(capfdbinary)
    assert f"{SEED}:193:47: CN401 [warning] URL differs" in out
    assert "Found " in out
    assert err == ""


def test_fail_on_and_exit_zero(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    # the seed has warnings and infos, no errors
    assert main(["audit", "--isolated", "--fail-on", "error", str(SEED)]) == 0
    assert main(["audit", "--isolated", "--exit-zero", str(SEED)]) == 0
    assert main(["audit", "--isolated", "--fail-on", "info", "--select", "CN505", str(SEED)]) == 1
    assert main(["audit", "--isolated", "--select", "CN505", str(SEED)]) == 0  # info only
    _out(capfdbinary)


def test_several_files_with_an_unusable_one_report_the_usable_and_exit_2(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    code = main(["audit", "--isolated", "--format", "json", str(CLEAN), str(missing), str(SEED)])
    assert code == 2
    out, err = _out(capfdbinary)
    payload = json.loads(out)
    assert payload["summary"]["files"] == 2
    assert {f["file"] for f in payload["findings"]} == {str(SEED)}
    assert "missing.txt" in err


def test_exit_zero_does_not_hide_input_errors(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    assert main(["audit", "--isolated", "--exit-zero", str(tmp_path / "nope.txt")]) == 2
    out, err = _out(capfdbinary)
    assert out == ""
    assert "nope.txt" in err


def test_unknown_selector_is_a_usage_error(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["audit", "--isolated", "--select", "CN999", str(CLEAN)]) == 2
    out, err = _out(capfdbinary)
    assert out == ""
    assert "CN999" in err


def test_select_and_ignore_are_comma_separated_and_repeatable(
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    argv = ["audit", "--isolated", "--format", "json", str(SEED)]
    assert main([*argv, "--select", "CN2,CN401", "--select", "unnumbered-entry"]) == 1
    codes = {f["code"] for f in json.loads(_out(capfdbinary)[0])["findings"]}
    assert codes == {"CN201", "CN202", "CN401", "CN502"}
    assert main([*argv, "--ignore", "CN2,CN3", "--ignore", "CN4", "--ignore", "CN5,CN6"]) == 0
    assert json.loads(_out(capfdbinary)[0])["findings"] == []


def test_json_output_validates_and_goes_to_a_file(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    target = tmp_path / "audit.json"
    assert (
        main(["audit", "--isolated", "--output-format", "json", "-o", str(target), str(SEED)]) == 1
    )
    out, _ = _out(capfdbinary)
    assert out == ""
    payload = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(payload, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_github_output(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert (
        main(["audit", "--isolated", "--format", "github", "--select", "CN401,CN505", str(SEED)])
        == 1
    )
    out, _ = _out(capfdbinary)
    lines = out.splitlines()
    assert lines[0].startswith(f"::warning file={SEED},line=193,col=47,title=CN401::URL differs")
    assert lines[1].startswith(f"::notice file={SEED},line=334,col=139,title=CN505::")


def test_config_file_next_to_the_input_applies(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(SEED.read_bytes())
    (tmp_path / "citenorm.toml").write_text(
        '[audit]\nselect = ["CN5"]\nfail-on = "error"\n[audit.severity]\nCN502 = "error"\n',
        encoding="utf-8",
    )
    assert main(["audit", "--format", "json", str(article)]) == 1
    found = json.loads(_out(capfdbinary)[0])["findings"]
    assert {(f["code"], f["severity"]) for f in found} == {
        ("CN502", "error"),
        ("CN504", "warning"),
        ("CN505", "info"),
    }
    # the command line overrides the file
    assert main(["audit", "--fail-on", "warning", "--ignore", "CN502", str(article)]) == 1
    assert main(["audit", "--ignore", "CN502", str(article)]) == 0
    assert main(["audit", "--isolated", "--select", "CN505", str(article)]) == 0
    _out(capfdbinary)


def test_bad_config_exits_2(capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(CLEAN.read_bytes())
    (tmp_path / "citenorm.toml").write_text('[audit]\nfail-on = "fatal"\n', encoding="utf-8")
    assert main(["audit", str(article)]) == 2
    out, err = _out(capfdbinary)
    assert out == ""
    assert "citenorm.toml" in err


def test_stdin(capfdbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    fake = io.TextIOWrapper(io.BytesIO(SEED.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert main(["audit", "--isolated", "--format", "json", "--select", "CN401", "-"]) == 1
    (finding,) = json.loads(_out(capfdbinary)[0])["findings"]
    assert finding["file"] == "<stdin>"


def test_rule_prints_the_documentation(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["rule", "CN402"]) == 0
    out, _ = _out(capfdbinary)
    assert out.startswith("CN402 footnote-entry-spelling-variant\n")
    assert "Why it matters" in out
    assert "النهريين" in out
    assert main(["rule", "marker-without-footnote"]) == 0
    assert _out(capfdbinary)[0].startswith("CN101 ")


def test_rule_all_lists_every_rule(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    from citenorm.auditing import RULES

    assert main(["rule", "--all"]) == 0
    out, _ = _out(capfdbinary)
    assert [ln.split()[0] for ln in out.splitlines()] == list(RULES)
    assert main(["rule", "--all", "--format", "json"]) == 0
    assert [r["code"] for r in json.loads(_out(capfdbinary)[0])] == list(RULES)


def test_rule_usage_errors(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["rule", "CN999"]) == 2
    assert main(["rule"]) == 2
    assert main(["rule", "CN101", "--all"]) == 2
    _, err = _out(capfdbinary)
    assert "CN999" in err
