"""Running a batch: the articles named by the inputs (:func:`discover`), each processed
or reused (:func:`run_batch`), in input order, in-process or over a process pool.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import stat
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from types import FrameType

from citenorm.batch._article import LineStats, dumps, failure, line_and_stats, line_stats, sha256_of
from citenorm.batch._output import Output, Reusable
from citenorm.errors import UsageError
from citenorm.io.load import SUFFIXES

__all__ = ["DEFAULT_TIMEOUT", "SUFFIXES", "BatchSummary", "Progress", "discover", "run_batch"]

#: the seconds one article may take by default (``--timeout``)
DEFAULT_TIMEOUT = 300.0

Progress = Callable[[int, int, str, bool], None]
"""``progress(done, total, source, failed)``: called once per article, in input order."""


# --- inputs -----------------------------------------------------------------------------


def _kind(path: str) -> str | None:
    """``None`` for a regular file; else what it is (reading a FIFO or a device hangs
    or never ends: such a file is no article)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # reading it will say what is wrong
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def discover(
    inputs: Iterable[str],
    *,
    suffixes: Sequence[str] | None = None,
    skipped: list[tuple[str, str]] | None = None,
) -> list[str]:
    """The articles named by ``inputs``, in order, each once.

    A directory is walked recursively (hidden files and directories skipped) for files
    ending in one of ``suffixes`` (default :data:`SUFFIXES`), sorted by path; a file is
    taken as given; ``-`` reads a list of paths from standard input, one per line (as
    ``find ... | citenorm batch - --out r.jsonl``). A FIFO, a device or a socket (found
    or given) is left out, with the reason appended to ``skipped`` when given. Raises
    :class:`UsageError` for a path that does not exist.
    """
    ends = tuple(s.lower() for s in (suffixes or SUFFIXES))
    seen: set[str] = set()
    out: list[str] = []

    def add(p: str) -> None:
        if p in seen:
            return
        seen.add(p)
        kind = _kind(p)
        if kind is not None:
            if skipped is not None:
                skipped.append((p, f"{kind}, not an article: skipped"))
            return
        out.append(p)

    expanded: list[str] = []
    for name in inputs:
        if name == "-":
            expanded.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            expanded.append(name)
    for name in expanded:
        if os.path.isdir(name):
            found: list[str] = []
            for root, dirs, files in os.walk(name):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(
                    os.path.join(root, f)
                    for f in files
                    if not f.startswith(".") and f.lower().endswith(ends)
                )
            for p in sorted(found):
                add(p)
        elif os.path.exists(name):
            add(name)
        else:
            raise UsageError(f"{name}: no such file or directory")
    return out


# --- running ----------------------------------------------------------------------------


@dataclass
class BatchSummary:
    """What a batch run did: counts, findings by code, the failed articles and their messages."""

    out: str
    articles: int = 0
    processed: int = 0
    reused: int = 0
    entries: int = 0
    pairs: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    restarts: int = 0
    seconds: float = 0.0


class _Timeout(BaseException):
    """Raised in the process working on an article when its time is up (a
    ``BaseException``: the pipeline's ``except Exception`` does not catch it)."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def timed_line(
    path: str, *, audit: bool, bibtex: bool, timeout: float | None
) -> tuple[str, LineStats]:
    """:func:`~citenorm.batch._article.line_and_stats` within ``timeout`` seconds: past
    it, the article's line is a failure ("timed out"). The time is kept with
    ``SIGALRM``, in the main thread of a POSIX process (elsewhere it is not kept); it is
    checked between Python steps, so one long call into C finishes first."""
    usable = (
        timeout is not None
        and timeout > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        return line_and_stats(path, audit=audit, bibtex=bibtex)
    assert timeout is not None
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return line_and_stats(path, audit=audit, bibtex=bibtex)
    except _Timeout:
        rec = failure(path, sha256_of(path), f"{path}: timed out after {timeout:g} s (--timeout)")
        return dumps(rec), line_stats(rec)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _watch_parent(parent: int) -> None:
    """A pool worker's initializer: exit as soon as the batch process that started the
    pool is gone (killed with SIGKILL or SIGTERM), instead of working on for nobody."""

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(0.5)

    threading.Thread(target=watch, name="citenorm-parent-watch", daemon=True).start()


def _pooled(
    paths: Sequence[str],
    *,
    jobs: int,
    audit: bool,
    bibtex: bool,
    timeout: float | None = None,
    summary: BatchSummary | None = None,
) -> Iterator[tuple[str, LineStats]]:
    """The line of every article of ``paths``, in order: in-process, or over a pool of
    ``jobs`` processes that is restarted when a worker dies. The articles in flight when
    it died are tried again once, each alone, so the one that kills its worker fails
    and the others go on."""
    work = functools.partial(timed_line, audit=audit, bibtex=bibtex, timeout=timeout)
    if jobs <= 1 or len(paths) <= 1:
        yield from map(work, paths)
        return
    # imported here so that `citenorm --help` does not load multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    workers = min(jobs, len(paths))

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers, initializer=_watch_parent, initargs=(os.getpid(),)
        )

    fresh = deque(range(len(paths)))
    suspects: deque[int] = deque()  # in flight when a worker died: tried again, alone
    tries = [0] * len(paths)
    results: dict[int, tuple[str, LineStats]] = {}
    inflight: dict[Future[tuple[str, LineStats]], int] = {}
    window = 2 * workers  # submitted at once: the workers never wait for work
    pool = new_pool()
    try:
        for k in range(len(paths)):
            while k not in results:
                # a suspect runs alone; fresh articles wait until the suspects are done
                while not suspects and fresh and len(inflight) < window:
                    i = fresh.popleft()
                    inflight[pool.submit(work, paths[i])] = i
                if suspects and not inflight:
                    i = suspects.popleft()
                    inflight[pool.submit(work, paths[i])] = i
                done, _ = wait(inflight, return_when=FIRST_COMPLETED)
                broken = False
                for fut in done:
                    i = inflight.pop(fut)
                    try:
                        results[i] = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        inflight[fut] = i  # settled below with the others in flight
                if not broken:
                    continue
                # a worker died (killed, out of memory): every article in flight failed
                for fut, i in inflight.items():
                    if fut.done() and fut.exception() is None:
                        results[i] = fut.result()
                        continue
                    tries[i] += 1
                    if tries[i] >= 2:
                        path = paths[i]
                        rec = failure(path, sha256_of(path), f"{path}: worker process died (twice)")
                        results[i] = (dumps(rec), line_stats(rec))
                    else:
                        suspects.append(i)
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                if summary is not None:
                    summary.restarts += 1
            yield results.pop(k)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def run_batch(
    inputs: Iterable[str],
    *,
    out: str | os.PathLike[str],
    jobs: int = 1,
    audit: bool = False,
    bibtex: bool = False,
    progress: Progress | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> BatchSummary:
    """Process a corpus into ``out`` (JSON lines, input order); return what happened.

    ``inputs`` are files and directories (see :func:`discover`). Articles whose line in
    ``out`` (or in a partial file of an interrupted run) is still valid are reused, the
    others, failed ones included, are processed. ``jobs`` > 1 uses a process pool,
    restarted when a worker dies (the articles it was working on are tried again once,
    each alone); workers exit when this process dies. An article taking more than
    ``timeout`` seconds (default 300; ``None``: no limit) fails with "timed out".
    FIFOs, devices and sockets among the inputs are skipped (``BatchSummary.skipped``).
    Lines stream into ``out.partial-XXXX`` (flushed per line), which replaces ``out``
    atomically at the end; ``out`` is locked while the run lasts. Prints nothing:
    ``progress`` is called once per article. Raises :class:`UsageError` when there is
    nothing to do, when ``out`` is a symlink or not a regular file, or when another run
    is writing ``out``.
    """
    started = time.perf_counter()
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    if timeout is not None and not timeout > 0:
        raise UsageError(f"--timeout must be positive, not {timeout:g}")
    output = Output(out)
    skipped: list[tuple[str, str]] = []
    paths = discover(inputs, skipped=skipped)
    if not paths:
        raise UsageError("no articles found (looked for " + ", ".join(SUFFIXES) + ")")

    summary = BatchSummary(out=str(output.path), articles=len(paths), skipped=skipped)
    codes: Counter[str] = Counter()
    with output:
        plan: list[Reusable | None] = [
            output.reusable(p, audit=audit, bibtex=bibtex) for p in paths
        ]
        todo = [p for p, ref in zip(paths, plan, strict=True) if ref is None]
        fresh = _pooled(
            todo, jobs=jobs, audit=audit, bibtex=bibtex, timeout=timeout, summary=summary
        )
        for n, (path, ref) in enumerate(zip(paths, plan, strict=True), 1):
            if ref is not None:
                stats = output.copy(ref)
                summary.reused += 1
            else:
                line, stats = next(fresh)
                output.write(line)
                summary.processed += 1
            summary.entries += stats.entries
            summary.pairs += stats.pairs
            codes.update(stats.codes)
            if stats.error is not None:
                summary.failures.append((path, stats.error))
            if progress is not None:
                progress(n, len(paths), path, stats.error is not None)
        with contextlib.suppress(StopIteration):  # let the pool shut down cleanly
            next(fresh)
        output.commit()
    summary.findings = dict(sorted(codes.items()))
    summary.seconds = time.perf_counter() - started
    return summary
