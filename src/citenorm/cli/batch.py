"""``citenorm batch DIR|FILE... --out FILE.jsonl``: the command over :mod:`citenorm.batch`.

The library does the work and prints nothing; this module draws the progress (a bar on
a terminal; plain lines elsewhere only with ``--progress``), writes the summary and
chooses the exit code.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time

from citenorm.batch import DEFAULT_TIMEOUT, SUFFIXES, BatchSummary, Progress, run_batch
from citenorm.cli._console import EXIT_ERROR, EXIT_FAILED, EXIT_OK, say, write_err
from citenorm.cli._progress import add_progress_arguments
from citenorm.errors import UsageError

__all__ = ["add_arguments", "run", "summary_text"]


def summary_text(summary: BatchSummary) -> str:
    """What a run did, as message lines."""
    lines = [f"citenorm: batch: warning: {src}: {why}" for src, why in summary.skipped]
    if summary.restarts:
        lines.append(
            f"citenorm: batch: warning: a worker process died; the pool was restarted"
            f" {summary.restarts} time(s) and the articles in flight tried again"
        )
    lines += [
        f"citenorm: batch: {summary.articles} articles ({summary.processed} processed, "
        f"{summary.reused} reused) -> {summary.out} in {summary.seconds:.1f} s",
        f"citenorm: batch: {summary.entries} entries, {summary.pairs} pairs",
    ]
    if summary.findings:
        total = sum(summary.findings.values())
        by_code = ", ".join(f"{c} {n}" for c, n in sorted(summary.findings.items()))
        lines.append(f"citenorm: batch: {total} findings: {by_code}")
    if summary.failures:
        lines.append(f"citenorm: batch: {len(summary.failures)} failed:")
        lines.extend(
            f"  {msg}" if msg.startswith(src + ":") else f"  {src}: {msg}"
            for src, msg in summary.failures
        )
    return "\n".join(lines)


class _Bar:
    """A one-line progress bar on a terminal: carriage return, redrawn at most 10 times/s."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.last = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int, source: str, failed: bool) -> None:
        now = time.perf_counter()
        if failed:
            self.clear()
            write_err(f"citenorm: batch: failed: {source}\n")
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = shutil.get_terminal_size((80, 24)).columns
        rate = done / max(now - self.start, 1e-9)
        bar = "#" * (20 * done // total)
        head = f"[{bar:<20}] {done}/{total} {100 * done // total:3d}% {rate:6.1f}/s "
        room = max(0, width - len(head) - 1)
        tail = source if len(source) <= room else "…" + source[-(room - 1) :] if room > 1 else ""
        write_err("\r" + head + tail.ljust(room))
        self.drawn = True
        if done == total:
            write_err("\n")
            self.drawn = False

    def clear(self) -> None:
        if self.drawn:
            width = shutil.get_terminal_size((80, 24)).columns
            write_err("\r" + " " * (width - 1) + "\r")
            self.drawn = False


class _Lines:
    """Plain progress lines (logs, CI): each failure, and every whole percent at most."""

    def __init__(self) -> None:
        self.percent = -1

    def __call__(self, done: int, total: int, source: str, failed: bool) -> None:
        percent = 100 * done // total
        if failed:
            write_err(f"citenorm: batch: [{done}/{total}] failed: {source}\n")
        elif percent != self.percent or done == total:
            write_err(f"citenorm: batch: [{done}/{total}] {source}\n")
        self.percent = percent


def _jobs(value: str) -> int:
    """``--jobs``: 0 (one worker per CPU) or more."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number of worker processes (0: one per CPU), not {value!r}"
        ) from None
    if n < 0:
        raise argparse.ArgumentTypeError(
            f"must be 0 (one worker per CPU) or more, not {n} (1, the default, runs in-process)"
        )
    return n


def _seconds(value: str) -> float:
    """``--timeout``: a number of seconds, 0 for none."""
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {value!r}") from None
    if not n >= 0 or n == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more seconds, not {value}")
    return n


def _paths_from_stdin(inputs: list[str]) -> list[str]:
    """The inputs with ``-`` replaced by the paths read from stdin, one per line.

    ``batch`` reads article paths, never an article: stdin with no paths, or with a line
    that names no file or directory (an article's text piped in), is a usage error that
    says so."""
    if "-" not in inputs:
        return inputs
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    lines = [ln.strip() for ln in data.decode("utf-8", "surrogateescape").split("\n")]
    listed = [(n, ln) for n, ln in enumerate(lines, 1) if ln]
    hint = (
        "batch reads article paths, not an article: give files or directories, or pipe "
        "a list of paths, one per line (find corpus -name '*.txt' | citenorm batch - --out r.jsonl)"
    )
    if not listed:
        raise UsageError(f"'-': no paths on stdin; {hint}")
    for n, line in listed:
        if not os.path.exists(line):
            shown = line if len(line) <= 60 else line[:59] + "…"
            raise UsageError(f"'-': stdin line {n} is not an existing path ({shown!r}); {hint}")
    out: list[str] = []
    for name in inputs:
        out.extend([ln for _, ln in listed] if name == "-" else [name])
    return out


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Add ``citenorm batch``'s arguments to a (sub)parser."""
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="DIR|FILE",
        help="articles, or directories walked recursively for "
        + ", ".join(SUFFIXES)
        + "; '-' reads a list of paths from stdin, one per line (not an article)",
    )
    p.add_argument(
        "-o",
        "--out",
        "--output",
        dest="out",
        required=True,
        metavar="FILE.jsonl",
        help="JSON-lines output, one line per article in input order; re-running resumes",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (default 1: in-process; 0: one per CPU)",
    )
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=f"seconds one article may take; past it, it fails with 'timed out' and the "
        f"batch goes on (default {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )
    p.add_argument("--audit", action="store_true", help="add each article's audit findings")
    p.add_argument("--bibtex", action="store_true", help="add each article's BibTeX export")
    add_progress_arguments(p)
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def run(args: argparse.Namespace) -> int:
    """Run ``citenorm batch`` from parsed arguments; return the exit code (0, 1 or 2)."""
    jobs = args.jobs if args.jobs != 0 else (os.cpu_count() or 1)
    # a bar on a terminal; elsewhere (logs, CI) plain lines only when --progress asks
    progress: Progress | None = None
    choice = getattr(args, "progress", None)
    isatty = getattr(sys.stderr, "isatty", None)
    terminal = callable(isatty) and isatty()
    if choice is not False and (choice or terminal):
        progress = _Bar() if terminal else _Lines()
    try:
        inputs = _paths_from_stdin(list(args.inputs))
        summary = run_batch(
            inputs,
            out=args.out,
            jobs=jobs,
            audit=args.audit,
            bibtex=args.bibtex,
            progress=progress,
            timeout=args.timeout or None,
        )
    except UsageError as exc:
        say(f"citenorm: error: {exc}")
        return EXIT_ERROR
    say(summary_text(summary))
    return EXIT_FAILED if summary.failures else EXIT_OK
