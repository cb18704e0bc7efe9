"""``citenorm batch`` against hostile and careless use (issue 15 items 1 and 6, and the
per-article time limit of item 4): FIFOs and devices in a walked folder, an ``--out``
that is a symlink or a FIFO, two runs on one ``--out``, a worker that dies, a parent
that dies, an article that never ends."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from citenorm.batch import _run, run_batch
from citenorm.batch._article import line_and_stats
from citenorm.errors import UsageError
from conftest import SEED

posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs, signals and flock are POSIX")
forked = pytest.mark.skipif(
    multiprocessing.get_start_method(allow_none=False) != "fork",
    reason="the workers see the test's stand-in only when they are forked",
)


def _corpus(root: Path, n: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        shutil.copy(SEED, root / f"a{k}.txt")
    return root


def _cli(*argv: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citenorm", "batch", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,  # a batch that hangs on a FIFO fails here instead of hanging
    )


@posix
def test_a_fifo_in_a_walked_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus", 2)
    os.mkfifo(root / "pipe.txt")  # nobody writes: reading it would hang
    out = tmp_path / "out.jsonl"
    done = _cli(str(root), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert f"warning: {root / 'pipe.txt'}: a FIFO, not an article: skipped" in done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


@posix
def test_a_device_given_as_an_article_is_skipped(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus", 1)
    skipped: list[tuple[str, str]] = []
    found = _run.discover([str(root), "/dev/zero"], skipped=skipped)
    assert found == [str(root / "a0.txt")]
    assert skipped == [("/dev/zero", "a device, not an article: skipped")]


@posix
def test_out_that_is_a_symlink_is_refused_and_left_alone(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus", 1)
    target = tmp_path / "target.jsonl"
    target.write_text("keep\n", encoding="utf-8")
    link = tmp_path / "out.jsonl"
    link.symlink_to(target)
    done = _cli(str(root), "--out", str(link))
    assert done.returncode == 2
    assert "--out is a symbolic link" in done.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "keep\n"


@posix
def test_out_that_is_a_fifo_is_refused_not_replaced(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "corpus", 1)
    out = tmp_path / "out.jsonl"
    os.mkfifo(out)
    done = _cli(str(root), "--out", str(out))
    assert done.returncode == 2
    assert "--out is not a regular file" in done.stderr
    assert out.is_fifo()


@posix
def test_a_second_run_on_the_same_out_exits_2(tmp_path: Path) -> None:
    import fcntl

    root = _corpus(tmp_path / "corpus", 1)
    out = tmp_path / "out.jsonl"
    # a first run holds the lock (as run_batch does while it lasts)
    with open(tmp_path / "out.jsonl.lock", "ab") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        partial = tmp_path / "out.jsonl.partial-0000abcd"
        partial.write_text("", encoding="utf-8")  # the first run's lines so far
        with pytest.raises(UsageError, match="another citenorm batch is writing"):
            run_batch([str(root)], out=out)
        done = _cli(str(root), "--out", str(out))
        assert done.returncode == 2
        assert "another citenorm batch is writing" in done.stderr
        assert partial.exists()  # the second run deleted nothing of the first's
        assert not out.exists()
    # the first run over, the next one runs
    summary = run_batch([str(root)], out=out)
    assert summary.processed == 1 and out.exists()


# --- workers --------------------------------------------------------------------------


def _killer(path: str, **kw: Any) -> Any:
    """The work of one article, except that an article named "killer" kills its worker."""
    if "killer" in Path(path).name:
        os.kill(os.getpid(), signal.SIGKILL)
    return line_and_stats(path, **kw)


@posix
@forked
def test_a_dead_worker_costs_only_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _corpus(tmp_path / "corpus", 8)
    shutil.copy(SEED, root / "a3-killer.txt")
    monkeypatch.setattr(_run, "line_and_stats", _killer)
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(root)], out=out, jobs=2)
    assert summary.articles == 9
    # the article that kills its worker fails (it was tried again, alone); the others,
    # in flight with it or not, are done (they used to fail with it: 67 of 199)
    assert [src for src, _ in summary.failures] == [str(root / "a3-killer.txt")]
    assert "worker process died" in summary.failures[0][1]
    assert summary.restarts == 2
    assert summary.pairs == 8 * 15  # the seed's 15 pairs in each good article


def _slow(path: str, **kw: Any) -> Any:
    """The work of one article, except that an article named "slow" never ends."""
    if "slow" in Path(path).name:
        while True:
            time.sleep(0.05)
    return line_and_stats(path, **kw)


@posix
@pytest.mark.parametrize("jobs", [1, pytest.param(2, marks=forked)])
def test_an_article_past_the_timeout_fails_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    root = _corpus(tmp_path / "corpus", 2)
    shutil.copy(SEED, root / "a1-slow.txt")
    monkeypatch.setattr(_run, "line_and_stats", _slow)
    start = time.perf_counter()
    summary = run_batch([str(root)], out=tmp_path / "out.jsonl", jobs=jobs, timeout=1.0)
    assert time.perf_counter() - start < 30
    assert [src for src, _ in summary.failures] == [str(root / "a1-slow.txt")]
    assert "timed out after 1 s (--timeout)" in summary.failures[0][1]
    assert summary.processed == 3 and summary.pairs == 2 * 15


def test_timeout_option() -> None:
    import argparse

    from citenorm.cli import batch as batch_command

    p = argparse.ArgumentParser()
    batch_command.add_arguments(p)
    assert p.parse_args(["x", "--out", "o"]).timeout == 300
    assert p.parse_args(["x", "--out", "o", "--timeout", "2.5"]).timeout == 2.5
    with pytest.raises(SystemExit):
        p.parse_args(["x", "--out", "o", "--timeout", "-1"])


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is gone
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if ppid == pid:
                out.append(int(entry))
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@forked
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_the_batch_process_dies(tmp_path: Path, sig: int) -> None:
    root = _corpus(tmp_path / "corpus", 0)
    for k in range(4):
        shutil.copy(SEED, root / f"slow{k}.txt")
    script = tmp_path / "run.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import time
            import citenorm.batch._run as R

            def slow(path, **kw):
                while True:
                    time.sleep(0.05)

            R.line_and_stats = slow
            R.run_batch([{str(root)!r}], out={str(tmp_path / "out.jsonl")!r}, jobs=2, timeout=None)
            """
        ),
        encoding="utf-8",
    )
    parent = subprocess.Popen([sys.executable, str(script)])
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = _children(parent.pid)
        assert len(workers) >= 2, "the pool did not start"
        parent.send_signal(sig)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "workers outlived the batch"
    finally:
        if parent.poll() is None:
            parent.kill()
        for w in _children(parent.pid):
            os.kill(w, signal.SIGKILL)
