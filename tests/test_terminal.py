"""Terminal escapes in an article are shown, not acted on (issue 15 item 8): in
human-readable output (extract/match text, audit text, export --to text on a terminal,
messages) C0/C1 controls other than tab and newline and the bidi override/isolate
controls are escaped; JSON and export files keep the text as it is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from citenorm.cli._console import terminal_safe
from conftest import Run

CLI = [sys.executable, "-m", "citenorm"]
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"  # sets the clipboard in some terminals
CLEAR = "\x1b[2J"
RLO = "\u202e"
ARTICLE = (
    "مقدمة (1)\n"
    f"(1) العتيبي، {RLO}محمد\u2066، كتاب الأمن{CLEAR}، بغداد، 2015، ص 4\u200f.\n"
    "المصادر\n"
    f"1- العتيبي، محمد، كتاب الأمن{OSC52}، بغداد، 2015.\n"
    "2- الشمري، علي، تاريخ الصحافة العربية\u200f، بيروت، 1990.\n"
    f"3- الشمري، علي، تاريخ {RLO}الصحافة\u2066 العربية\u200f، بيروت، 1990.\n"
)
UNSAFE = ("\x1b", "\x07", RLO, "\u2066")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_terminal_safe_escapes_controls_but_tab_newline_and_marks() -> None:
    assert terminal_safe(f"a{CLEAR}b") == "a\\x1b[2Jb"
    assert (
        terminal_safe("\x00\x08\x0b\x0c\r\x7f\x85\x9b")
        == "\\x00\\x08\\x0b\\x0c\\x0d\\x7f\\x85\\x9b"
    )
    assert terminal_safe("\u202a\u202e\u2066\u2069") == "\\u202a\\u202e\\u2066\\u2069"
    kept = "tab\there\nline \u200e\u200f\u061c عربي"
    assert terminal_safe(kept) == kept


@pytest.mark.parametrize("command", ["extract", "match"])
def test_text_output_escapes_what_a_terminal_would_act_on(
    command: str, article: Path, run: Run
) -> None:
    out = run(command, str(article))
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode("utf-8")
    assert not any(c in text for c in UNSAFE)
    assert "\\x1b]52;c;" in text and "\\u202e" in text
    assert "\u200f" in text  # marks real Arabic data carries are left alone


def test_json_output_keeps_the_text(article: Path, run: Run) -> None:
    out = run("extract", str(article), "--format", "json")
    texts = [e["text"] for e in json.loads(out.stdout)["entries"]]
    assert any(OSC52 in t for t in texts)
    assert any(RLO in t and "\u2066" in t for t in texts)


def test_audit_text_escapes_the_source_lines_it_shows(article: Path, run: Run) -> None:
    text = run("audit", str(article), "--select", "CN501,CN402").stdout.decode("utf-8")
    assert "CN501" in text
    assert not any(c in text for c in UNSAFE)
    assert "\\u202e" in text  # the duplicate's source line, shown


def test_export_files_keep_the_text(article: Path, tmp_path: Path, run: Run) -> None:
    out = tmp_path / "refs.txt"
    assert run("export", str(article), "--to", "text", "-o", str(out)).returncode == 0
    assert "\x1b" in out.read_text(encoding="utf-8")
    piped = run("export", str(article), "--to", "text")  # a pipe: data, not a terminal
    assert b"\x1b" in piped.stdout
    csl = run("export", str(article), "--to", "csl-json")
    assert any(OSC52 in r.get("title", "") for r in json.loads(csl.stdout))


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_export_text_on_a_terminal_is_escaped(article: Path) -> None:
    primary, secondary = os.openpty()
    try:
        proc = subprocess.run(
            [*CLI, "export", str(article), "--to", "text"],
            stdout=secondary,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
    assert proc.returncode == 0, proc.stderr
    shown = b"".join(chunks).decode("utf-8")
    assert "\\x1b" in shown
    assert "\x1b" not in shown


def test_messages_escape_file_names(tmp_path: Path, run: Run) -> None:
    out = run("extract", str(tmp_path / f"missing{CLEAR}.txt"))
    assert out.returncode == 2
    assert b"\x1b" not in out.stderr and b"\\x1b[2J" in out.stderr
