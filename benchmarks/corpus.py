"""Corpus throughput of ``citenorm batch``: serial and ``--jobs 2``, time and peak memory.

For each corpus size (the first N articles of the :mod:`gen_corpus` corpus, generated if
missing) and each ``jobs`` value, every measurement runs in a fresh Python process: it
imports citenorm, warms up on a few articles (imports, lexicons, caches), then times one
fresh :func:`citenorm.batch.run_batch` into an empty output file and reports the peak
resident memory of itself (``ru_maxrss``, RUSAGE_SELF) and of its pool workers
(RUSAGE_CHILDREN: the largest worker). The table shows the median of ``--repeats`` runs.
Time that grows linearly with the size (constant articles/s) and memory that stays flat
show that the batch streams.

``--memory`` samples memory *during* one run instead: a fresh process (no warm-up, as
the command starts) runs :func:`run_batch` over the first max(``--sizes``) articles and,
each time the output reaches one of ``--sizes`` articles, reads the resident set size
(``VmRSS`` in ``/proc``) of itself (``jobs`` 1: the whole pipeline in-process) and of its
pool workers (``jobs`` 2: the largest worker, which has done about half the articles),
and in-process the number of entries held by citenorm's bounded per-string memos
(``functools.lru_cache``). ``--respell`` runs it on the corpus whose words are new in
every article (``gen_corpus.py --respell``), where every memo fills to its bound.

    .venv/bin/python benchmarks/corpus.py                       # 250/500/1000, jobs 1 and 2
    .venv/bin/python benchmarks/corpus.py --sizes 100 --repeats 5
    .venv/bin/python benchmarks/corpus.py --memory [--respell]  # RSS at 250/500/750/1000
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_corpus  # noqa: E402 - a sibling script, not a package


def _articles(corpus: Path) -> list[str]:
    from citenorm.batch import discover

    if not corpus.is_dir():
        return []  # not generated yet: main() writes it
    return discover([str(corpus)])


def measure_once(corpus: Path, size: int, jobs: int) -> dict[str, float]:
    """One timed run in this process (call it in a fresh process)."""
    from citenorm.batch import run_batch

    paths = _articles(corpus)[:size]
    if len(paths) < size:
        raise SystemExit(f"corpus has {len(paths)} articles, fewer than {size}")
    with tempfile.TemporaryDirectory() as tmp:
        run_batch(paths[-3:], out=Path(tmp) / "warm.jsonl")  # warm-up, not timed
        out = Path(tmp) / "out.jsonl"
        start = time.perf_counter()
        summary = run_batch(paths, out=out, jobs=jobs)
        seconds = time.perf_counter() - start
        out_bytes = out.stat().st_size
    in_bytes = sum(os.path.getsize(p) for p in paths)
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "seconds": seconds,
        "in_mb": in_bytes / 1e6,
        "out_mb": out_bytes / 1e6,
        "failed": float(len(summary.failures)),
        "rss_self_mb": self_kb / 1024,
        "rss_worker_mb": child_kb / 1024 if jobs > 1 else 0.0,
    }


def _rss_mb(pid: int | str = "self") -> float:
    """Resident set size of a process now (``VmRSS``), in MB; NaN if unreadable."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return math.nan


def _memo_entries() -> tuple[int, int]:
    """(entries held, sum of bounds) over citenorm's bounded memos (citenorm.memo)."""
    from citenorm.memo import memos

    bounded = [m for m in memos() if m.size is not None]
    return sum(m.entries for m in bounded), sum(m.size or 0 for m in bounded)


def measure_memory(corpus: Path, sizes: list[int], jobs: int) -> list[dict[str, float]]:
    """RSS of this process (and of its pool workers) when the output reaches each size."""
    import multiprocessing

    from citenorm.batch import run_batch

    paths = _articles(corpus)[: max(sizes)]
    if len(paths) < max(sizes):
        raise SystemExit(f"corpus has {len(paths)} articles, fewer than {max(sizes)}")
    rows: list[dict[str, float]] = []

    def sample(done: int, total: int, source: str, failed: bool) -> None:
        if done not in sizes:
            return
        row = {"articles": float(done), "rss_self_mb": _rss_mb()}
        if jobs == 1:
            held, bound = _memo_entries()
            row.update(memo_entries=float(held), memo_bound=float(bound))
        else:
            workers = [_rss_mb(p.pid) for p in multiprocessing.active_children() if p.pid]
            row["rss_worker_mb"] = max(workers, default=math.nan)
        rows.append(row)

    with tempfile.TemporaryDirectory() as tmp:
        run_batch(paths, out=Path(tmp) / "out.jsonl", jobs=jobs, progress=sample)
    return rows


def _spawn(corpus: Path, size: int, jobs: int, *, memory: list[int] | None = None) -> Any:
    cmd = [sys.executable, __file__, "--corpus", str(corpus)]
    if memory:
        cmd += ["--memory-one", str(jobs), *map(str, memory)]
    else:
        cmd += ["--one", str(size), str(jobs)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _corpus_header(corpus: Path, note: str) -> None:
    total_mb = sum(os.path.getsize(q) for q in _articles(corpus)) / 1e6
    print(
        f"corpus: {len(_articles(corpus))} synthetic articles, {total_mb:.2f} MB "
        f"(gen_corpus.py, seed {gen_corpus.DEFAULT_SEED}); {note}"
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}"
    )
    print()


def memory_table(corpus: Path, sizes: list[int], jobs_list: list[int]) -> None:
    """Print RSS at each size: serial process, memo entries, largest pool worker."""
    by_jobs = {jobs: _spawn(corpus, 0, jobs, memory=sizes) for jobs in jobs_list}
    serial = {int(r["articles"]): r for r in by_jobs.get(1, [])}
    pooled = {jobs: {int(r["articles"]): r for r in rows} for jobs, rows in by_jobs.items()}
    cols = [j for j in jobs_list if j > 1]
    header = f"{'articles':>8} {'serial RSS MB':>13} {'memo entries':>14}" + "".join(
        f" {f'jobs {j}: parent MB':>17} {'worker MB':>9}" for j in cols
    )
    print(header)
    print("-" * len(header))
    for size in sizes:
        s = serial.get(size)
        line = f"{size:>8} "
        line += f"{s['rss_self_mb']:>13.0f} " if s else f"{'-':>13} "
        line += f"{int(s['memo_entries']):>14,}" if s else f"{'-':>14}"
        for j in cols:
            r = pooled[j].get(size)
            line += (
                f" {r['rss_self_mb']:>17.0f} {r['rss_worker_mb']:>9.0f}"
                if r
                else f" {'-':>17} {'-':>9}"
            )
        print(line, flush=True)
    if serial:
        bound = int(next(iter(serial.values()))["memo_bound"])
        print(f"memo entries: held by citenorm's bounded memos (their bounds add up to {bound:,})")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=None, help=f"({gen_corpus.DEFAULT_OUT})")
    p.add_argument("--sizes", type=int, nargs="+", default=None, help="(250 500 1000)")
    p.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    p.add_argument("--repeats", type=int, default=3, help="timed runs per cell (median)")
    p.add_argument(
        "--memory", action="store_true", help="RSS during one run (sizes 250 500 750 1000)"
    )
    p.add_argument(
        "--respell", action="store_true", help="the corpus with new words in every article"
    )
    p.add_argument("--one", type=int, nargs=2, metavar=("SIZE", "JOBS"), help=argparse.SUPPRESS)
    p.add_argument("--memory-one", type=int, nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    corpus = args.corpus or (gen_corpus.RESPELLED_OUT if args.respell else gen_corpus.DEFAULT_OUT)

    if args.one:
        print(json.dumps(measure_once(corpus, args.one[0], args.one[1])))
        return 0
    if args.memory_one:
        jobs, *marks = args.memory_one
        print(json.dumps(measure_memory(corpus, marks, jobs)))
        return 0

    sizes = args.sizes or ([250, 500, 750, 1000] if args.memory else [250, 500, 1000])
    need = max(sizes)
    if len(_articles(corpus)) < need:
        gen_corpus.generate(corpus, n=max(need, 1000), respelled=args.respell)
    if args.memory:
        _corpus_header(
            corpus,
            ("respelled: new words in every article; " if args.respell else "")
            + "RSS during one run per jobs value, each in a fresh process, no warm-up",
        )
        memory_table(corpus, sizes, args.jobs)
        return 0
    _corpus_header(
        corpus,
        f"median of {args.repeats} run(s), each in a fresh process after a warm-up",
    )
    header = (
        f"{'articles':>8} {'jobs':>4} {'seconds':>8} {'articles/s':>10} {'MB/s':>6} "
        f"{'ms/article':>10} {'out MB':>7} {'peak RSS MB':>11} {'worker RSS MB':>13}"
    )
    print(header)
    print("-" * len(header))
    for jobs in args.jobs:
        for size in sizes:
            runs = [_spawn(corpus, size, jobs) for _ in range(args.repeats)]
            sec = statistics.median(r["seconds"] for r in runs)
            r0 = runs[0]
            rss = max(r["rss_self_mb"] for r in runs)
            worker = max(r["rss_worker_mb"] for r in runs)
            print(
                f"{size:>8} {jobs:>4} {sec:>8.1f} {size / sec:>10.2f} {r0['in_mb'] / sec:>6.3f} "
                f"{1000 * sec / size:>10.0f} {r0['out_mb']:>7.1f} {rss:>11.0f} "
                f"{(f'{worker:.0f}' if jobs > 1 else '-'):>13}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
