"""``citenorm batch``: a corpus of articles -> one ``match`` JSON line per article.

The pipeline per article is :func:`process_article`, a pure function of one path (it
reads the file, extracts, matches, optionally audits and exports BibTeX, and never
raises: a failure becomes a failure record). Everything else here only schedules it:

- :func:`run_batch` walks the inputs, skips articles already done in an earlier run,
  maps :func:`process_article` over the rest in-process (``jobs=1``) or over a
  :class:`concurrent.futures.ProcessPoolExecutor` (``executor.map`` keeps input order),
  streams the lines to a partial file and finally replaces ``out`` atomically;
- :func:`dask_bag` maps the same function over a :mod:`dask.bag` (the ``citenorm[dask]``
  extra), so a dask cluster runs it unchanged;
- :func:`add_arguments` / :func:`run` are the command-line hooks.

Output (one JSON object per line, UTF-8, in input order, no timings, so a serial and a
parallel run write the same bytes)::

    {"schema": 1, "citenorm_version": ..., "source": "corpus/a.txt", "sha256": "…",
     "footnotes": [...], ..., "unpaired": {...},          # the `match` JSON
     "findings": [...],                                   # with --audit
     "bibtex": "@book{...}\\n"}                           # with --bibtex
    {"schema": 1, "citenorm_version": ..., "source": "corpus/b.txt", "sha256": "…",
     "error": "one-line message"}                          # a failed article

Resume: a line is reused when its ``source`` (the path as walked), ``sha256`` (of the
file's bytes), ``citenorm_version`` and options (``findings`` present iff ``--audit``,
``bibtex`` iff ``--bibtex``) match and it is not a failure line. Lines are read from
``out`` and from the partial files ``out.partial-*`` that an interrupted run leaves.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import json
import os
import secrets
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from citenorm._version import __version__
from citenorm.errors import CitenormError, UsageError
from citenorm.io.load import SUFFIXES as _LOADER_SUFFIXES

if TYPE_CHECKING:
    import dask.bag  # type: ignore[import-not-found, unused-ignore]  # the citenorm[dask] extra

    from citenorm.config import Config

__all__ = [
    "SUFFIXES",
    "BatchSummary",
    "Progress",
    "add_arguments",
    "dask_bag",
    "discover",
    "process_article",
    "run",
    "run_batch",
]

SCHEMA_VERSION = 1


SUFFIXES: tuple[str, ...] = _LOADER_SUFFIXES
"""File name endings picked up when a directory is walked (explicit files are always taken)."""

Progress = Callable[[int, int, str, bool], None]
"""``progress(done, total, source, failed)``: called once per article, in input order."""


# --- one article ------------------------------------------------------------------------


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "unknown error"


def _sha256(path: str) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(functools.partial(fh.read, 1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


@functools.lru_cache(maxsize=256)
def _config_for_dir(directory: str) -> Config:
    from citenorm.config import load_config

    return load_config(Path(directory))


def _findings(result: Any, source: str) -> list[dict[str, Any]]:
    try:
        from citenorm.auditing import audit
    except ImportError as exc:  # pragma: no cover - auditing ships with citenorm now
        raise UsageError("--audit needs citenorm.auditing, which is not installed") from exc
    config = _config_for_dir(str(Path(source).resolve().parent))
    out: list[dict[str, Any]] = []
    for f in audit(result, config=config):
        to_json = getattr(f, "to_json", None)
        out.append(dict(to_json()) if callable(to_json) else f.model_dump(mode="json"))
    return out


def _failure(source: str, sha256: str | None, message: str) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "citenorm_version": __version__,
        "source": source,
        "sha256": sha256,
        "error": _one_line(message),
    }


def process_article(path: str, *, audit: bool = False, bibtex: bool = False) -> dict[str, Any]:
    """One article -> its batch record: the ``match`` JSON plus ``sha256`` (and extras).

    With ``audit`` the record has ``"findings"`` (CONTRACT.md's finding objects, under
    the nearest ``citenorm.toml``/``pyproject.toml`` of the article); with ``bibtex`` a
    ``"bibtex"`` string. Never raises for a bad article: an unreadable file or an
    exception inside the pipeline gives ``{"schema", "citenorm_version", "source",
    "sha256", "error"}``. Module-level and argument-only, so it pickles for process
    pools and dask workers.
    """
    sha256 = _sha256(path)
    try:
        from citenorm.matching import match
        from citenorm.output.json import match_json
        from citenorm.pipeline import load_document

        try:
            doc = load_document(path)
        except CitenormError as exc:
            return _failure(path, sha256, str(exc))
        result = match(doc)
        body = match_json(result)
        record: dict[str, Any] = {
            "schema": body.pop("schema"),
            "citenorm_version": body.pop("citenorm_version"),
            "source": body.pop("source"),
            "sha256": sha256,
        }
        record.update(body)
        if audit:
            record["findings"] = _findings(result, path)
        if bibtex:
            from citenorm.export import to_bibtex

            record["bibtex"] = to_bibtex(result)
    except Exception as exc:  # one bad article never costs the rest of the corpus
        return _failure(path, sha256, f"{path}: {type(exc).__name__}: {exc}")
    return record


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class _Stats:
    """What the summary needs from one line, so lines need not be parsed twice."""

    entries: int = 0
    pairs: int = 0
    codes: tuple[str, ...] = ()
    error: str | None = None


def _stats(record: dict[str, Any]) -> _Stats:
    if "error" in record:
        return _Stats(error=str(record["error"]))
    return _Stats(
        entries=len(record.get("entries", ())),
        pairs=len(record.get("pairs", ())),
        codes=tuple(str(f.get("code")) for f in record.get("findings", ())),
    )


def _line_and_stats(path: str, *, audit: bool, bibtex: bool) -> tuple[str, _Stats]:
    # serialize in the worker: the parent only writes bytes
    record = process_article(path, audit=audit, bibtex=bibtex)
    return _dumps(record), _stats(record)


def _line(path: str, *, audit: bool = False, bibtex: bool = False) -> str:
    return _dumps(process_article(path, audit=audit, bibtex=bibtex))


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


# --- resume -----------------------------------------------------------------------------

_Key = tuple[str, str, bool, bool]  # source, sha256, audit, bibtex
_Ref = tuple[int, int, int, _Stats]  # file index, offset, length (with newline), stats


def _partials(out: Path) -> list[Path]:
    return sorted(out.parent.glob(out.name + ".partial-*"))


def _new_partial(out: Path) -> Path:
    # open(..., "x") rather than mkstemp: the file gets the umask's mode like any output
    while True:
        tmp = out.with_name(f"{out.name}.partial-{secrets.token_hex(4)}")
        if not tmp.exists():
            return tmp


def _index(files: Sequence[Path], handles: list[BinaryIO]) -> dict[_Key, _Ref]:
    """Reusable lines of earlier runs: key -> where the line's bytes are."""
    index: dict[_Key, _Ref] = {}
    for path in files:
        try:
            fh = open(path, "rb")  # noqa: SIM115 - kept open to copy lines, closed by caller
        except OSError:
            continue
        handles.append(fh)
        offset = 0
        for raw in fh:
            start, offset = offset, offset + len(raw)
            if not raw.endswith(b"\n"):  # a line cut short by an interruption
                continue
            try:
                rec = json.loads(raw)
            except ValueError:
                continue
            if not isinstance(rec, dict) or "error" in rec:
                continue
            if rec.get("citenorm_version") != __version__ or rec.get("schema") != SCHEMA_VERSION:
                continue
            src, sha = rec.get("source"), rec.get("sha256")
            if not isinstance(src, str) or not isinstance(sha, str):
                continue
            key = (src, sha, "findings" in rec, "bibtex" in rec)
            index[key] = (len(handles) - 1, start, len(raw), _stats(rec))
    return index


# --- running ----------------------------------------------------------------------------


@dataclass
class BatchSummary:
    """What a batch run did (also written to stderr by the command)."""

    out: str
    articles: int = 0
    processed: int = 0
    reused: int = 0
    entries: int = 0
    pairs: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 when every article was done, 1 when some failed (CONTRACT.md)."""
        return 1 if self.failures else 0

    def text(self) -> str:
        """The summary as message lines."""
        lines = [
            f"citenorm: batch: {self.articles} articles ({self.processed} processed, "
            f"{self.reused} reused) -> {self.out} in {self.seconds:.1f} s",
            f"citenorm: batch: {self.entries} entries, {self.pairs} pairs",
        ]
        if self.findings:
            total = sum(self.findings.values())
            by_code = ", ".join(f"{c} {n}" for c, n in sorted(self.findings.items()))
            lines.append(f"citenorm: batch: {total} findings: {by_code}")
        if self.failures:
            lines.append(f"citenorm: batch: {len(self.failures)} failed:")
            lines.extend(
                f"  {msg}" if msg.startswith(src + ":") else f"  {src}: {msg}"
                for src, msg in self.failures
            )
        return "\n".join(lines)


def _pooled(
    paths: Sequence[str], *, jobs: int, audit: bool, bibtex: bool
) -> Iterator[tuple[str, _Stats]]:
    work = functools.partial(_line_and_stats, audit=audit, bibtex=bibtex)
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
                rec = _failure(path, _sha256(path), f"{path}: worker process died: {exc}")
                yield _dumps(rec), _stats(rec)


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
    atomically at the end. Raises :class:`UsageError` when there is nothing to do.
    """
    started = time.perf_counter()
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    target = Path(out)
    if target.is_dir():
        raise UsageError(f"{target}: --out is a directory")
    paths = discover(inputs)
    if not paths:
        raise UsageError("no articles found (looked for " + ", ".join(SUFFIXES) + ")")
    target.parent.mkdir(parents=True, exist_ok=True)

    summary = BatchSummary(out=str(target), articles=len(paths))
    codes: Counter[str] = Counter()
    old_files = [target, *_partials(target)]
    handles: list[BinaryIO] = []
    with contextlib.ExitStack() as stack:
        index = _index([p for p in old_files if p.is_file()], handles)
        for fh in handles:
            stack.callback(fh.close)
        plan: list[_Ref | None] = []
        for p in paths:
            ref = None
            if index:
                sha = _sha256(p)
                ref = index.get((p, sha, audit, bibtex)) if sha else None
            plan.append(ref)
        todo = [p for p, ref in zip(paths, plan, strict=True) if ref is None]

        tmp = _new_partial(target)
        with open(tmp, "xb") as sink:
            fresh = _pooled(todo, jobs=jobs, audit=audit, bibtex=bibtex)
            for n, (path, ref) in enumerate(zip(paths, plan, strict=True), 1):
                if ref is not None:
                    src, offset, length, stats = ref
                    handles[src].seek(offset)
                    data = handles[src].read(length)
                    summary.reused += 1
                else:
                    line, stats = next(fresh)
                    data = line.encode("utf-8") + b"\n"
                    summary.processed += 1
                sink.write(data)
                sink.flush()
                summary.entries += stats.entries
                summary.pairs += stats.pairs
                codes.update(stats.codes)
                if stats.error is not None:
                    summary.failures.append((path, stats.error))
                if progress is not None:
                    progress(n, len(paths), path, stats.error is not None)
            with contextlib.suppress(StopIteration):  # let the pool shut down cleanly
                next(fresh)
            os.fsync(sink.fileno())
    os.replace(tmp, target)
    for old in old_files[1:]:
        with contextlib.suppress(OSError):
            old.unlink()
    summary.findings = dict(sorted(codes.items()))
    summary.seconds = time.perf_counter() - started
    return summary


# --- dask -------------------------------------------------------------------------------


def dask_bag(
    paths: Sequence[str],
    *,
    audit: bool = False,
    bibtex: bool = False,
    npartitions: int | None = None,
) -> dask.bag.Bag:
    """A :class:`dask.bag.Bag` of batch lines (JSON strings, no newline), one per path.

    The same per-article function as :func:`run_batch`, so ``"\\n".join(bag.compute())``
    equals a fresh ``run_batch`` output less its final newline. Needs the
    ``citenorm[dask]`` extra; the workers need citenorm installed and the paths readable.
    """
    try:
        import dask.bag as db  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:
        raise UsageError("dask is not installed: pip install 'citenorm[dask]'") from exc
    items = list(paths)
    parts = npartitions or max(1, min(len(items), 100))
    bag: dask.bag.Bag = db.from_sequence(  # type: ignore[no-untyped-call, unused-ignore]
        items, npartitions=parts
    ).map(_line, audit=audit, bibtex=bibtex)
    return bag


# --- command line -----------------------------------------------------------------------


def _write_err(text: str) -> None:
    err = getattr(sys.stderr, "buffer", None)
    if err is not None:
        sys.stderr.flush()
        err.write(text.encode("utf-8", "backslashreplace"))
        err.flush()
    else:
        sys.stderr.write(text)
        sys.stderr.flush()


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
            _write_err(f"citenorm: batch: failed: {source}\n")
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = shutil.get_terminal_size((80, 24)).columns
        rate = done / max(now - self.start, 1e-9)
        bar = "#" * (20 * done // total)
        head = f"[{bar:<20}] {done}/{total} {100 * done // total:3d}% {rate:6.1f}/s "
        room = max(0, width - len(head) - 1)
        tail = source if len(source) <= room else "…" + source[-(room - 1) :] if room > 1 else ""
        _write_err("\r" + head + tail.ljust(room))
        self.drawn = True
        if done == total:
            _write_err("\n")
            self.drawn = False

    def clear(self) -> None:
        if self.drawn:
            width = shutil.get_terminal_size((80, 24)).columns
            _write_err("\r" + " " * (width - 1) + "\r")
            self.drawn = False


class _Lines:
    """Plain progress lines (logs, CI): each failure, and every whole percent at most."""

    def __init__(self) -> None:
        self.percent = -1

    def __call__(self, done: int, total: int, source: str, failed: bool) -> None:
        percent = 100 * done // total
        if failed:
            _write_err(f"citenorm: batch: [{done}/{total}] failed: {source}\n")
        elif percent != self.percent or done == total:
            _write_err(f"citenorm: batch: [{done}/{total}] {source}\n")
        self.percent = percent


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Add ``citenorm batch``'s arguments to a (sub)parser."""
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="DIR|FILE",
        help="articles, or directories walked recursively for " + ", ".join(SUFFIXES),
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
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1: in-process; 0: one per CPU)",
    )
    p.add_argument("--audit", action="store_true", help="add each article's audit findings")
    p.add_argument("--bibtex", action="store_true", help="add each article's BibTeX export")
    p.add_argument("--no-progress", action="store_true", help="no progress bar or progress lines")
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def run(args: argparse.Namespace) -> int:
    """Run ``citenorm batch`` from parsed arguments; return the exit code (0, 1 or 2)."""
    jobs = args.jobs if args.jobs != 0 else (os.cpu_count() or 1)
    progress: Progress | None = None
    if not getattr(args, "no_progress", False):
        isatty = getattr(sys.stderr, "isatty", None)
        progress = _Bar() if callable(isatty) and isatty() else _Lines()
    try:
        summary = run_batch(
            args.inputs,
            out=args.out,
            jobs=jobs,
            audit=args.audit,
            bibtex=args.bibtex,
            progress=progress,
        )
    except UsageError as exc:
        _write_err(f"citenorm: error: {exc}\n")
        return 2
    _write_err(summary.text() + "\n")
    return summary.exit_code
