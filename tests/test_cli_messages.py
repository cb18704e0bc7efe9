"""The command line's messages (issue 18): each says what went wrong and what to do,
in one line, and points at the right help."""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

import pytest

from citenorm import cli
from conftest import DEV, ROOT, SEED


def _run(capfd: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as exc:  # argparse's own errors leave through SystemExit(2)
        code = int(exc.code or 0)
    got = capfd.readouterr()
    return code, got.out.decode("utf-8"), got.err.decode("utf-8")


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- rule ----------------------------------------------------------------------------


def test_rule_dash_points_at_the_rule_help(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, err = _run(capfdbinary, "rule", "-")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "'rule' reads no file" in err
    assert "'citenorm rule --help'" in err
    assert "'citenorm --help'" not in err


def test_unknown_option_points_at_the_command_help(
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    code, _, err = _run(capfdbinary, "rule", "CN101", "--encoding", "utf-8")
    assert code == 2
    assert err.splitlines() == [
        "citenorm rule: error: unrecognized arguments: --encoding utf-8",
        "try 'citenorm rule --help'",
    ]
    code, _, err = _run(capfdbinary, "export", str(SEED), str(SEED), "--to", "ris")
    assert code == 2
    assert err.splitlines()[-1] == "try 'citenorm export --help'"


def test_rule_writes_to_output_file(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    out_file = tmp_path / "rule.txt"
    code, out, _ = _run(capfdbinary, "rule", "CN402", "-o", str(out_file))
    assert (code, out) == (0, "")
    assert out_file.read_text(encoding="utf-8").startswith(
        "CN402 footnote-entry-spelling-variant\n"
    )


# --- help texts and the README's promise ------------------------------------------------


def _options(command: str) -> tuple[set[str], argparse.ArgumentParser]:
    sub = cli._build_parser(command).get_default("command_parser")
    strings = {s for a in sub._actions for s in a.option_strings}
    return strings, sub


def test_export_help_says_one_article() -> None:
    _, export = _options("export")
    help_text = export.format_help()
    assert "the article:" in help_text
    assert "article(s)" not in help_text
    _, extract = _options("extract")
    assert "articles:" in extract.format_help()


def test_readme_says_which_commands_take_which_options() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"The commands that read articles \(([^)]*)\)", readme.replace("\n", " "))
    assert m is not None, "README: the sentence on the commands' common options is gone"
    readers = set(re.findall(r"`([a-z]+)`", m.group(1)))
    # every command is either one that reads articles, or one of the two the README
    # describes apart
    assert readers | {"rule", "batch"} == set(cli.COMMANDS)
    for command in readers:
        options, _ = _options(command)
        assert {"-o", "--encoding", "--debug"} <= options, command
    rule, _ = _options("rule")
    assert {"-o", "--debug"} <= rule
    assert "--encoding" not in rule
    batch, _ = _options("batch")
    assert {"--out", "--debug"} <= batch
    assert "--encoding" not in batch


def test_every_reading_command_takes_dash_for_stdin(
    capfdbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (DEV / "apa-popular.txt").read_bytes()
    for argv in (
        ["extract", "-"],
        ["match", "-"],
        ["audit", "--isolated", "--exit-zero", "-"],
        ["export", "-", "--to", "ris"],
        ["report", "--no-audit", "-"],
        ["romanize", "-"],
        ["parse", "-"],
    ):
        _stdin(monkeypatch, text)
        code, out, err = _run(capfdbinary, *argv)
        assert code == 0, (argv, err)
        assert out, argv


# --- export --style ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (None, "CSL style file not found"),
        ("<style><unclosed", "not a CSL style: XML syntax error"),
        ("<html><body/></html>", "not a CSL style: the root element is <html>"),
        (
            '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl"/>\n',
            "has no <bibliography> element",
        ),
    ],
    ids=["missing", "not-xml", "not-csl", "no-bibliography"],
)
def test_style_file_problems_are_one_line_naming_the_file(
    capfdbinary: pytest.CaptureFixture[bytes],
    tmp_path: Path,
    content: str | None,
    needle: str,
) -> None:
    style = tmp_path / "house.csl"
    if content is not None:
        style.write_text(content, encoding="utf-8")
    code, out, err = _run(capfdbinary, "export", str(SEED), "--to", "text", "--style", str(style))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1, err
    assert err.startswith(f"citenorm: error: {style}: "), err
    assert needle in err
    assert "internal error" not in err


def test_unknown_style_name_lists_the_names(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    code, _, err = _run(capfdbinary, "export", str(SEED), "--to", "text", "--style", "chicago")
    assert code == 2
    assert "unknown style 'chicago'" in err
    assert "chicago-author-date" in err


# --- batch ------------------------------------------------------------------------------


def test_jobs_below_zero_says_zero_is_allowed(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    code, _, err = _run(
        capfdbinary, "batch", str(SEED), "--out", str(tmp_path / "o.jsonl"), "-j", "-1"
    )
    assert code == 2
    assert "must be 0 (one worker per CPU) or more, not -1" in err
    assert "at least 1" not in err
    assert err.splitlines()[-1] == "try 'citenorm batch --help'"
    assert not (tmp_path / "o.jsonl").exists()


def test_jobs_zero_runs(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 1)  # one per CPU: here, in-process
    out = tmp_path / "o.jsonl"
    code, _, _ = _run(capfdbinary, "batch", str(SEED), "--out", str(out), "--jobs", "0")
    assert code == 0
    assert out.read_bytes().count(b"\n") == 1


def test_batch_dash_with_nothing_on_stdin_says_batch_reads_paths(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"")
    code, _, err = _run(capfdbinary, "batch", "-", "--out", str(tmp_path / "x.jsonl"))
    assert code == 2
    assert err.count("\n") == 1
    assert "no paths on stdin" in err
    assert "batch reads article paths, not an article" in err
    assert "no articles found" not in err


def test_batch_dash_with_an_article_on_stdin_says_batch_reads_paths(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, SEED.read_bytes())
    code, _, err = _run(capfdbinary, "batch", "-", "--out", str(tmp_path / "x.jsonl"))
    assert code == 2
    assert err.count("\n") == 1
    assert "stdin line 5 is not an existing path" in err  # the seed's first words
    assert "batch reads article paths, not an article" in err


def test_batch_dash_reads_a_list_of_paths(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = [DEV / "apa-popular.txt", SEED]
    _stdin(monkeypatch, "".join(f"{p}\n\n" for p in listed).encode("utf-8"))
    out = tmp_path / "x.jsonl"
    code, _, _ = _run(capfdbinary, "batch", "-", "--out", str(out), "--no-progress")
    assert code == 0
    import json

    sources = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sources == [str(p) for p in listed]
