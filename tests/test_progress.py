"""Progress of long work on one article (issue 18): the library reports it to a callback
and prints nothing; the command line draws it on a terminal, writes it to a pipe only
with ``--progress``, and never with ``--no-progress``."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import citenorm
from citenorm import cli
from citenorm.cli import _progress
from citenorm.progress import STAGES, STEPS, Ticker
from conftest import DEV, ROOT

ACRPS = DEV / "acrps-alalc.txt"  # footnotes, an Arabic list and its romanized list


def _long_article(entries: int) -> str:
    """An article with ``entries`` entries in each list and a footnote citing each."""
    body, notes, arabic, latin = [], [], [], []
    for k in range(1, entries + 1):
        body.append(f"فقرة {k} من النص تستشهد بمصدر.[^{k}]")
        notes.append(
            f"[^{k}]: علي حسن{k}، تاريخ المدينة رقم {k} (بيروت: دار العلم، {1900 + k % 120})، ص {k}."
        )
        arabic.append(f"حسن{k}، علي. تاريخ المدينة رقم {k}. بيروت: دار العلم، {1900 + k % 120}.")
        latin.append(
            f"Hasan{k}, Ali. Tarikh al-madinah raqm {k}. Bayrut: Dar al-Ilm, {1900 + k % 120}."
        )
    return (
        "\n\n".join(
            [
                "عنوان المقال",
                "\n\n".join(body),
                "المراجع",
                "\n".join(arabic),
                "References",
                "\n".join(latin),
                "\n".join(notes),
            ]
        )
        + "\n"
    )


# --- the library ------------------------------------------------------------------------


def test_the_library_reports_each_stage_and_prints_nothing(
    capfd: pytest.CaptureFixture[str],
) -> None:
    calls: list[tuple[str, int, int]] = []
    doc = citenorm.extract_file(ACRPS, progress=lambda *a: calls.append(a))
    result = citenorm.match(doc, progress=lambda *a: calls.append(a))
    assert capfd.readouterr() == ("", "")  # the library never prints
    stages = [s for s, _, _ in calls]
    # each stage once, in order, with its own total; a text file has no pages to read
    order = list(dict.fromkeys(stages))
    assert order == ["extract", "pair", "cite"]
    assert order == [s for s in STAGES if s in order]
    for stage in order:
        seen = [(d, t) for s, d, t in calls if s == stage]
        (total,) = {t for _, t in seen}
        dones = [d for d, _ in seen]
        assert dones[0] == 0 and dones[-1] == total
        assert dones == sorted(dones)  # never goes back
        assert dones.count(total) == 1
        assert len(dones) <= STEPS + 2
    totals = {s: t for s, _, t in calls}
    assert totals["extract"] == len(doc.entries) + len(doc.footnotes)
    assert totals["pair"] == sum(
        1 for e in doc.entries if e.list == "original" and e.script == "arabic"
    )
    assert totals["cite"] == sum(1 for f in doc.footnotes if f.kind == "full")
    # the same records as without a callback
    assert result == citenorm.match(citenorm.extract_file(ACRPS))


def test_a_callback_that_raises_stops_the_work() -> None:
    class StopError(Exception):
        pass

    def stop(stage: str, done: int, total: int) -> None:
        if done > 3:
            raise StopError(stage)

    with pytest.raises(StopError, match="extract"):
        citenorm.extract(ACRPS.read_text(encoding="utf-8"), progress=stop)


def test_the_ticker_reports_at_most_steps_calls() -> None:
    calls: list[int] = []
    tick = Ticker(lambda _s, d, _t: calls.append(d), "extract", 10_000)
    for _ in range(10_000):
        tick()
    tick.finish()
    tick.finish()  # once only
    assert calls[0] == 0 and calls[-1] == 10_000
    assert calls.count(10_000) == 1
    assert len(calls) <= STEPS + 2
    # nothing to do, or nobody to tell: no call at all
    nothing: list[int] = []
    empty = Ticker(lambda _s, d, _t: nothing.append(d), "cite", 0)
    empty()
    empty.finish()
    assert nothing == []


def test_pdf_pages_are_the_read_stage(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas", reason="reportlab draws the PDF")
    pytest.importorskip("pdfplumber", reason="the citenorm[pdf] extra reads the PDF")
    path = tmp_path / "three.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page in (1, 2, 3):
        c.setFont("Helvetica", 12)
        c.drawString(72, 770, f"Page {page} of a short article.")
        c.showPage()
    c.save()
    calls: list[tuple[str, int, int]] = []
    citenorm.extract_file(path, progress=lambda *a: calls.append(a))
    assert [c for c in calls if c[0] == "read"] == [
        ("read", 0, 3),
        ("read", 1, 3),
        ("read", 2, 3),
        ("read", 3, 3),
    ]


# --- the command line: a pipe -----------------------------------------------------------


def _run(capfd: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    got = capfd.readouterr()
    return code, got.out.decode("utf-8"), got.err.decode("utf-8")


def test_a_pipe_gets_no_progress_unless_asked(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    code, plain, err = _run(capfdbinary, "match", str(ACRPS), "--format", "json")
    assert (code, err) == (0, "")
    code, out, err = _run(capfdbinary, "match", str(ACRPS), "--format", "json", "--progress")
    assert code == 0
    assert out == plain  # stdout carries only the output
    lines = err.splitlines()
    assert (
        lines[0]
        == f"citenorm: progress: {ACRPS}: parsing references 0/{lines[0].rsplit('/', 1)[1]}"
    )
    assert all(ln.startswith(f"citenorm: progress: {ACRPS}: ") for ln in lines)
    for label in ("parsing references", "pairing entries", "linking footnotes"):
        steps = [ln for ln in lines if label in ln]
        assert 2 <= len(steps) <= 11, (label, steps)  # start, each tenth, end
        done, total = steps[-1].rsplit(" ", 1)[1].split("/")
        assert done == total
    assert "\r" not in err  # plain lines in a log, no carriage returns
    code, _, err = _run(capfdbinary, "match", str(ACRPS), "--progress", "--no-progress")
    assert (code, err) == (0, "")


def test_every_article_command_takes_the_progress_options(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    for argv in (
        ["extract", str(ACRPS)],
        ["audit", "--isolated", "--exit-zero", str(ACRPS)],
        ["export", str(ACRPS), "--to", "ris"],
        ["report", str(ACRPS), "-o", str(tmp_path / "r.html")],
        ["romanize", str(ACRPS)],
        ["parse", str(ACRPS)],  # one reference a line: each line parsed
    ):
        code, _, err = _run(capfdbinary, *argv, "--progress")
        assert code == 0, argv
        assert "citenorm: progress: " in err and "parsing references" in err, argv
        code, _, err = _run(capfdbinary, *argv, "--no-progress")
        assert (code, err) == (0, ""), argv


def test_batch_writes_no_progress_lines_to_a_log_unless_asked(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    out = tmp_path / "b.jsonl"
    code, _, err = _run(capfdbinary, "batch", str(ACRPS), "--out", str(out))
    assert code == 0
    assert "[1/1]" not in err and err.startswith("citenorm: batch: 1 articles")
    out.unlink()
    code, _, err = _run(capfdbinary, "batch", str(ACRPS), "--out", str(out), "--progress")
    assert f"citenorm: batch: [1/1] {ACRPS}" in err


# --- the command line: a terminal -------------------------------------------------------


class _Terminal:
    """A pseudo-terminal standing in for stderr, and what was written to it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.master, slave = pty.openpty()
        self.stream = io.TextIOWrapper(os.fdopen(slave, "wb", buffering=0), encoding="utf-8")
        self.monkeypatch = monkeypatch
        # a terminal's buffer is small: read it while the command writes, or it blocks
        self.chunks: list[bytes] = []
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # closed
                return
            if not chunk:
                return
            self.chunks.append(chunk)

    def attach(self) -> None:
        """Make it stderr (in the test's body: pytest's capture swaps sys.stderr in
        after the fixtures are set up), 200 columns wide."""
        self.monkeypatch.setattr(sys, "stderr", self.stream)
        self.monkeypatch.setenv("COLUMNS", "200")
        assert sys.stderr.isatty()

    def read(self) -> str:
        """What was written so far (once the reader has caught up)."""
        self.stream.flush()
        for _ in range(50):
            before = len(self.chunks)
            time.sleep(0.02)
            if len(self.chunks) == before:
                break
        data, self.chunks[:] = b"".join(self.chunks), []
        return data.decode("utf-8")

    def close(self) -> None:
        self.stream.close()
        os.close(self.master)
        self.reader.join(timeout=5)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Terminal]:
    term = _Terminal(monkeypatch)
    yield term
    term.close()


def test_a_terminal_gets_a_status_line_erased_before_the_output(
    capfdbinary: pytest.CaptureFixture[bytes],
    terminal: _Terminal,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terminal.attach()
    monkeypatch.setattr(_progress, "DELAY", 0.0)  # a long job, as far as the view knows
    monkeypatch.setattr(_progress, "_REDRAW", 0.0)  # every report drawn
    code = cli.main(["match", str(ACRPS), "--format", "json"])
    drawn = terminal.read()
    assert code == 0
    assert json.loads(capfdbinary.readouterr().out.decode("utf-8"))["pairs"]
    assert drawn.startswith("\r")
    assert "\n" not in drawn  # redrawn in place, never a new line
    for label in ("parsing references", "pairing entries", "linking footnotes"):
        assert f"citenorm: {ACRPS}: {label} [" in drawn
    assert "[####################]" in drawn and "100%" in drawn
    # erased at the end: the last thing written blanks the line and returns
    last = drawn.rsplit("\r", 2)
    assert last[-1] == "" and last[-2].strip() == ""


def test_a_quick_job_draws_nothing_on_a_terminal(
    capfdbinary: pytest.CaptureFixture[bytes], terminal: _Terminal
) -> None:
    terminal.attach()
    # the default delay: the acrps article takes far less than DELAY
    assert cli.main(["match", str(ACRPS)]) == 0
    assert terminal.read() == ""


def test_no_progress_on_a_terminal(
    capfdbinary: pytest.CaptureFixture[bytes], terminal: _Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal.attach()
    monkeypatch.setattr(_progress, "DELAY", 0.0)
    assert cli.main(["match", str(ACRPS), "--no-progress"]) == 0
    assert terminal.read() == ""


def test_a_warning_clears_the_status_line_first(
    capfdbinary: pytest.CaptureFixture[bytes],
    terminal: _Terminal,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    terminal.attach()
    monkeypatch.setattr(_progress, "DELAY", 0.0)
    monkeypatch.setattr(_progress, "_REDRAW", 0.0)
    no_list = tmp_path / "no-list.txt"
    no_list.write_text(
        "نص بلا قائمة مصادر.[^1]\n\n[^1]: علي حسن، كتاب (بيروت: دار، 2001)، ص 3.\n",
        encoding="utf-8",
    )
    assert cli.main(["extract", str(no_list)]) == 0
    drawn = terminal.read()
    before, warning = drawn.split("citenorm: warning:", 1)
    # what stood on the line before the warning was erased: it ends with a blank run
    assert before.endswith("\r") and before.rsplit("\r", 2)[-2].strip() == ""
    assert warning.endswith("no bibliography list found\r\n")


@pytest.mark.slow  # a fresh interpreter and an article of 1,500 entries a side
def test_a_long_job_in_a_real_terminal(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text(_long_article(1500), encoding="utf-8")
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        # read the terminal while the child runs: a terminal holds a few KB, and a child
        # whose redraws fill it would block on its next write (a slow, loaded machine
        # draws more often) until the test's timeout
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end is closed (EIO once the child is gone)
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "citenorm", "match", str(article), "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=slave,
            cwd=ROOT,
            timeout=600,
            check=False,
        )
    finally:
        os.close(slave)
    reader.join(timeout=30)
    os.close(master)
    drawn = b"".join(chunks).decode("utf-8")
    assert done.returncode == 0
    assert len(json.loads(done.stdout)["entries"]) == 3000
    assert "parsing references [" in drawn and "\n" not in drawn.replace("\r\n", "")
    last = drawn.rsplit("\r", 2)  # erased at the end
    assert last[-1] == "" and last[-2].strip() == ""
    # the same run into a pipe: nothing on stderr
    piped = subprocess.run(
        [sys.executable, "-m", "citenorm", "match", str(article), "--format", "json"],
        capture_output=True,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    assert piped.returncode == 0
    assert piped.stderr == b""
    assert piped.stdout == done.stdout
