"""Corpus throughput of ``citenorm batch``: serial and ``--jobs 2``, time and peak memory.

For each corpus size (the first N articles of the :mod:`gen_corpus` corpus, generated if
missing) and each ``jobs`` value, every measurement runs in a fresh Python process: it
imports citenorm, warms up on a few articles (imports, lexicons, caches), then times one
fresh :func:`citenorm.batch.run_batch` into an empty output file and reports the peak
resident memory of itself (``ru_maxrss``, RUSAGE_SELF) and of its pool workers
(RUSAGE_CHILDREN: the largest worker). The table shows the median of ``--repeats`` runs.
Time that grows linearly with the size (constant articles/s) and memory that stays flat
show that the batch streams.

    .venv/bin/python benchmarks/corpus.py                       # 250/500/1000, jobs 1 and 2
    .venv/bin/python benchmarks/corpus.py --sizes 100 --repeats 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_corpus  # noqa: E402 - a sibling script, not a package


def _articles(corpus: Path) -> list[str]:
    from citenorm.batch import discover

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


def _spawn(corpus: Path, size: int, jobs: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--one", str(size), str(jobs), "--corpus", str(corpus)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=gen_corpus.DEFAULT_OUT)
    p.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000])
    p.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    p.add_argument("--repeats", type=int, default=3, help="timed runs per cell (median)")
    p.add_argument("--one", type=int, nargs=2, metavar=("SIZE", "JOBS"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.one:
        print(json.dumps(measure_once(args.corpus, args.one[0], args.one[1])))
        return 0

    need = max(args.sizes)
    if len(_articles(args.corpus)) < need:
        gen_corpus.generate(args.corpus, n=max(need, 1000))
    total_mb = sum(os.path.getsize(q) for q in _articles(args.corpus)) / 1e6
    print(
        f"corpus: {len(_articles(args.corpus))} synthetic articles, {total_mb:.2f} MB "
        f"(gen_corpus.py, seed {gen_corpus.DEFAULT_SEED}); median of {args.repeats} "
        f"run(s), each in a fresh process after a warm-up"
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}"
    )
    print()
    header = (
        f"{'articles':>8} {'jobs':>4} {'seconds':>8} {'articles/s':>10} {'MB/s':>6} "
        f"{'ms/article':>10} {'out MB':>7} {'peak RSS MB':>11} {'worker RSS MB':>13}"
    )
    print(header)
    print("-" * len(header))
    for jobs in args.jobs:
        for size in args.sizes:
            runs = [_spawn(args.corpus, size, jobs) for _ in range(args.repeats)]
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
