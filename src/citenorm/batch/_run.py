"""Running a batch: the articles named by the inputs (:func:`discover`), each processed
or reused (:func:`run_batch`), in input order, in-process or over a process pool.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from citenorm.batch._article import LineStats, dumps, failure, line_and_stats, line_stats, sha256_of
from citenorm.batch._output import Output, Reusable
from citenorm.errors import UsageError
from citenorm.io.load import SUFFIXES

__all__ = ["SUFFIXES", "BatchSummary", "Progress", "discover", "run_batch"]

Progress = Callable[[int, int, str, bool], None]
"""``progress(done, total, source, failed)``: called once per article, in input order."""


# --- inputs -----------------------------------------------------------------------------


def discover(inputs: Iterable[str], *, suffixes: Sequence[str] | None = None) -> list[str]:
    """The articles named by ``inputs``, in order, each once.

    A directory is walked recursively (hidden files and directories skipped) for files
    ending in one of ``suffixes`` (default :data:`SUFFIXES`), sorted by path; a file is
    taken as given; ``-`` reads a list of paths from standard input, one per line (as
    ``find ... | citenorm batch - --out r.jsonl``). Raises :class:`UsageError` for a path
    that does not exist.
    """
    ends = tuple(s.lower() for s in (suffixes or SUFFIXES))
    seen: set[str] = set()
    out: list[str] = []

    def add(p: str) -> None:
        if p not in seen:
            seen.add(p)
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
    seconds: float = 0.0


def _pooled(
    paths: Sequence[str], *, jobs: int, audit: bool, bibtex: bool
) -> Iterator[tuple[str, LineStats]]:
    work = functools.partial(line_and_stats, audit=audit, bibtex=bibtex)
    if jobs <= 1 or len(paths) <= 1:
        yield from map(work, paths)
        return
    # imported here so that `citenorm --help` does not load multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunksize = max(1, min(16, len(paths) // (jobs * 8)))
    done = 0
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        try:
            for item in pool.map(work, paths, chunksize=chunksize):
                done += 1
                yield item
        except BrokenProcessPool as exc:  # a worker died (killed, out of memory)
            for path in paths[done:]:
                rec = failure(path, sha256_of(path), f"{path}: worker process died: {exc}")
                yield dumps(rec), line_stats(rec)


def run_batch(
    inputs: Iterable[str],
    *,
    out: str | os.PathLike[str],
    jobs: int = 1,
    audit: bool = False,
    bibtex: bool = False,
    progress: Progress | None = None,
) -> BatchSummary:
    """Process a corpus into ``out`` (JSON lines, input order); return what happened.

    ``inputs`` are files and directories (see :func:`discover`). Articles whose line in
    ``out`` (or in a partial file of an interrupted run) is still valid are reused, the
    others, failed ones included, are processed. ``jobs`` > 1 uses a process pool.
    Lines stream into ``out.partial-XXXX`` (flushed per line), which replaces ``out``
    atomically at the end. Prints nothing: ``progress`` is called once per article.
    Raises :class:`UsageError` when there is nothing to do.
    """
    started = time.perf_counter()
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    output = Output(out)
    paths = discover(inputs)
    if not paths:
        raise UsageError("no articles found (looked for " + ", ".join(SUFFIXES) + ")")

    summary = BatchSummary(out=str(output.path), articles=len(paths))
    codes: Counter[str] = Counter()
    with output:
        plan: list[Reusable | None] = [
            output.reusable(p, audit=audit, bibtex=bibtex) for p in paths
        ]
        todo = [p for p, ref in zip(paths, plan, strict=True) if ref is None]
        fresh = _pooled(todo, jobs=jobs, audit=audit, bibtex=bibtex)
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
