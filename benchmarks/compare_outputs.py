"""Compare citenorm's command outputs of a base revision with the working tree's.

A refactoring must not change a result. This script runs the same commands on the same
articles with two versions of the code and reports every difference:

* the articles: the seed (``fixtures/seed/*.txt``), the dev fixtures
  (``fixtures/dev/*.txt``) and, when ``../shared/dev-real/`` exists, its ``*.txt`` and
  ``*.pdf`` (skipped with a note when it is absent);
* the commands, per article: ``match --format json``, ``match --format text``,
  ``export --to X`` for every format, ``audit --output-format json`` and ``text``,
  ``report --no-audit`` and ``report``; for each, stdout, stderr and the exit code;
* the base: ``git archive BASE src`` unpacked into a temporary directory and imported
  with ``PYTHONPATH`` (this venv's dependencies, the base's code). Its outputs are
  cached per commit and input (``--cache``, default ``$TMPDIR/citenorm-compare/<commit>``)
  and reused while the input is the same; ``--refresh`` recomputes them.

Outputs are compared byte for byte, except the value of ``"citenorm_version"`` in JSON.
Both sides run every command in one process (``citenorm.cli.main``, which exists at that
path before and after the layout change), with the working directory at the project
root, so ``source`` paths and configuration lookup are the same.

Run from the project root (exit status 1 when an output differs)::

    .venv/bin/python benchmarks/compare_outputs.py [BASE] [--refresh] [--only NAME]
        [--no-pdf] [--lines N] [--cache DIR]

``BASE`` defaults to ``6b13155`` (``main`` when issue 12 started).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_REAL = ROOT.parent / "shared" / "dev-real"
DEFAULT_BASE = "6b13155"

EXPORTS = ("bibtex", "biblatex", "csl-json", "ris", "text", "html")
COMMANDS: dict[str, list[str]] = {
    "match.json": ["match", "{file}", "--format", "json"],
    "match.txt": ["match", "{file}", "--format", "text"],
    **{f"export-{to}": ["export", "{file}", "--to", to] for to in EXPORTS},
    "audit.json": ["audit", "{file}", "--output-format", "json"],
    "audit.txt": ["audit", "{file}", "--output-format", "text"],
    "report-no-audit.html": ["report", "{file}", "--no-audit"],
    "report.html": ["report", "{file}"],
}

# Runs inside the interpreter whose citenorm is under test: argv = outdir, then
# (name, path) pairs. One process for every command: start-up is paid once.
RUNNER = r"""
import io, json, sys, time
from pathlib import Path
from citenorm.cli import main

out = Path(sys.argv[1])
commands = json.loads(sys.argv[2])
items = sys.argv[3:]
for name, path in zip(items[::2], items[1::2]):
    started = time.perf_counter()
    for label, argv in commands.items():
        so, se = io.BytesIO(), io.BytesIO()
        real = sys.stdout, sys.stderr
        sys.stdout = io.TextIOWrapper(so, encoding="utf-8", errors="surrogateescape")
        sys.stderr = io.TextIOWrapper(se, encoding="utf-8", errors="surrogateescape")
        try:
            rc = main([a.replace("{file}", path) for a in argv])
        except SystemExit as exc:
            rc = exc.code
        finally:
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
                stream.detach()  # keep the BytesIO open when the wrapper goes
            sys.stdout, sys.stderr = real
        d = out / name
        d.mkdir(parents=True, exist_ok=True)
        (d / (label + ".out")).write_bytes(so.getvalue())
        (d / (label + ".err")).write_bytes(se.getvalue())
        (d / (label + ".rc")).write_text(f"{rc}\n")
    print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
"""

_VERSION = re.compile(rb'("citenorm_version":\s*)"[^"]*"')


def inputs() -> list[tuple[str, str]]:
    """(name, path relative to the project root) of every article compared."""
    found: list[tuple[str, str]] = []
    for group in ("seed", "dev"):
        for p in sorted((ROOT / "fixtures" / group).glob("*.txt")):
            found.append((f"{group}/{p.name}", os.path.relpath(p, ROOT)))
    if DEV_REAL.is_dir():
        for p in sorted([*DEV_REAL.glob("*.txt"), *DEV_REAL.glob("*.pdf")]):
            found.append((f"dev-real/{p.name}", os.path.relpath(p, ROOT)))
    else:
        print(f"note: {DEV_REAL} is absent: seed and dev fixtures only", file=sys.stderr)
    return found


def _digest(path: str) -> str:
    return hashlib.sha256((ROOT / path).read_bytes()).hexdigest()


def run_outputs(src: Path, out: Path, items: list[tuple[str, str]]) -> None:
    """Run every command on every input with the citenorm found in ``src``."""
    for name, _ in items:
        shutil.rmtree(out / name, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    argv = [sys.executable, "-c", RUNNER, str(out), json.dumps(COMMANDS)]
    argv += [x for item in items for x in item]
    subprocess.run(argv, cwd=ROOT, env=env, check=True)


def base_outputs(rev: str, cache: Path, items: list[tuple[str, str]], *, refresh: bool) -> Path:
    """The base revision's outputs; each input's are computed once per commit and content."""
    out = cache / "base"
    stamp = cache / "manifest.json"
    done: dict[str, str] = {}
    if not refresh and stamp.is_file():
        saved = json.loads(stamp.read_text())
        # (a --cache folder given again for another base: nothing of it is the base's)
        if saved.get("commands") == COMMANDS and saved.get("commit") == rev:
            done = saved.get("inputs", {})
    todo = [(n, p) for n, p in items if done.get(n) != _digest(p) or not (out / n).is_dir()]
    print(
        f"base {rev[:12]}: {len(items) - len(todo)} inputs cached in {out}, {len(todo)} to run",
        file=sys.stderr,
    )
    if todo:
        with tempfile.TemporaryDirectory(prefix="citenorm-base-") as tmp:
            archive = subprocess.run(
                ["git", "archive", rev, "src"], cwd=ROOT, check=True, capture_output=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            run_outputs(Path(tmp) / "src", out, todo)
        done.update({n: _digest(p) for n, p in todo})
        stamp.write_text(
            json.dumps({"commit": rev, "commands": COMMANDS, "inputs": done}, indent=1)
        )
    return out


def _masked(data: bytes) -> bytes:
    return _VERSION.sub(rb'\1"*"', data)


def _files(root: Path, items: list[tuple[str, str]]) -> set[Path]:
    return {p.relative_to(root) for n, _ in items for p in (root / n).glob("*") if p.is_file()}


def compare(base: Path, work: Path, items: list[tuple[str, str]], *, lines: int) -> list[str]:
    """Names of the outputs that differ; prints a short diff of each."""
    differ: list[str] = []
    names = sorted(_files(base, items))
    names_work = sorted(_files(work, items))
    for missing in sorted(set(names) ^ set(names_work)):
        differ.append(str(missing))
        print(f"only on one side: {missing}")
    for rel in names:
        if not (work / rel).is_file():
            continue
        a, b = _masked((base / rel).read_bytes()), _masked((work / rel).read_bytes())
        if a == b:
            continue
        differ.append(str(rel))
        print(f"--- differs: {rel}")
        diff = difflib.unified_diff(
            a.decode("utf-8", "replace").splitlines(),
            b.decode("utf-8", "replace").splitlines(),
            "base",
            "work",
            n=1,
            lineterm="",
        )
        for k, line in enumerate(diff):
            if k >= lines:
                print("    ...")
                break
            print("    " + line[:200])
    return differ


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base", nargs="?", default=DEFAULT_BASE, help="base revision (6b13155)")
    ap.add_argument("--cache", type=Path, help="where base and working-tree outputs go")
    ap.add_argument("--refresh", action="store_true", help="recompute the base outputs")
    ap.add_argument("--only", action="append", help="inputs whose name contains this")
    ap.add_argument("--no-pdf", action="store_true", help="leave the PDF inputs out (faster)")
    ap.add_argument("--lines", type=int, default=12, help="diff lines shown per output")
    args = ap.parse_args()

    commit = subprocess.run(
        ["git", "rev-parse", "--verify", args.base + "^{commit}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    cache = args.cache or Path(tempfile.gettempdir()) / "citenorm-compare" / commit[:12]
    cache.mkdir(parents=True, exist_ok=True)
    items = inputs()
    if args.only:
        items = [it for it in items if any(s in it[0] for s in args.only)]
    if args.no_pdf:
        items = [it for it in items if not it[0].endswith(".pdf")]
    if not items:
        print("no inputs", file=sys.stderr)
        return 2
    started = time.perf_counter()
    base = base_outputs(commit, cache, items, refresh=args.refresh)
    print("working tree: running the commands", file=sys.stderr)
    work = cache / "work"
    shutil.rmtree(work, ignore_errors=True)
    run_outputs(ROOT / "src", work, items)
    differ = compare(base, work, items, lines=args.lines)
    total = len(_files(base, items))
    print(
        f"{len(items)} inputs x {len(COMMANDS)} commands (stdout, stderr, exit code: {total} "
        f"files): {len(differ)} differ from {args.base} ({commit[:12]}); "
        f"{time.perf_counter() - started:.0f} s"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
