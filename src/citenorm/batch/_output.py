"""The batch's output file: the one place that reads, writes and replaces it.

:class:`Output` holds what earlier runs left (the lines of ``out`` and of the partial
files ``out.partial-*`` of interrupted runs, indexed for reuse), the partial file this
run streams its lines into, and the final step that makes that file ``out``. Hardening
the output belongs here: a symlink, a device or a FIFO is refused (never replaced), and
a lock file ``OUT.lock`` keeps a second run off the same output while one lasts.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from citenorm._version import __version__
from citenorm.batch._article import SCHEMA_VERSION, LineStats, line_stats, sha256_of
from citenorm.errors import UsageError

__all__ = ["Output", "Reusable"]

_Key = tuple[str, str, bool, bool]  # source, sha256, audit, bibtex
Reusable = tuple[int, int, int, LineStats]
"""An earlier run's line: file index, offset, length (with newline), its numbers."""


def _partials(out: Path) -> list[Path]:
    return sorted(out.parent.glob(out.name + ".partial-*"))


def _new_partial(out: Path) -> Path:
    # open(..., "x") rather than mkstemp: the file gets the umask's mode like any output
    while True:
        tmp = out.with_name(f"{out.name}.partial-{secrets.token_hex(4)}")
        if not tmp.exists():
            return tmp


def _locked(out: Path) -> BinaryIO:
    """The lock file ``OUT.lock``, opened and locked (``flock``, released when the
    process ends, however it ends): a second run on the same ``out`` would delete the
    first one's partial file. Raises :class:`UsageError` when another run holds it.
    Where ``fcntl`` is missing (Windows), the file is opened but not locked."""
    lock_path = out.with_name(out.name + ".lock")
    fh = open(lock_path, "ab")  # noqa: SIM115 - held while the run lasts
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return fh
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise UsageError(
            f"{out}: another citenorm batch is writing this file (locked: {lock_path})"
        ) from None
    return fh


def _index(files: Sequence[Path], handles: list[BinaryIO]) -> dict[_Key, Reusable]:
    """Reusable lines of earlier runs: key -> where the line's bytes are."""
    index: dict[_Key, Reusable] = {}
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
            index[key] = (len(handles) - 1, start, len(raw), line_stats(rec))
    return index


class Output:
    """The JSON-lines file ``path`` of a batch run.

    Constructing it checks the path (:class:`UsageError` for a directory); entering it
    (``with``) creates the parent directory, indexes the lines of earlier runs and opens
    a new partial file ``path.partial-XXXX``; :meth:`write` and :meth:`copy` append a
    line to it (flushed per line, so an interrupted run leaves its lines for the next);
    :meth:`commit` syncs it and atomically replaces ``path`` with it, and removes the
    earlier partial files. Leaving the ``with`` without :meth:`commit` (an interruption)
    keeps the partial file for the next run.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if self.path.is_symlink():
            # replacing it would drop the link and leave its target as it was
            raise UsageError(f"{self.path}: --out is a symbolic link; give the file it points to")
        if self.path.is_dir():
            raise UsageError(f"{self.path}: --out is a directory")
        if self.path.exists() and not self.path.is_file():
            # a device or a FIFO: the run's file would replace it (/dev/null as root)
            raise UsageError(f"{self.path}: --out is not a regular file (a device or a FIFO)")
        self._lock: BinaryIO | None = None
        self._old: list[Path] = []
        self._handles: list[BinaryIO] = []
        self._index: dict[_Key, Reusable] = {}
        self._tmp: Path | None = None
        self._sink: BinaryIO | None = None

    def __enter__(self) -> Output:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = _locked(self.path)
        self._old = [self.path, *_partials(self.path)]
        self._index = _index([p for p in self._old if p.is_file()], self._handles)
        self._tmp = _new_partial(self.path)
        self._sink = open(self._tmp, "xb")  # closed by commit() or __exit__
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close()
        self._unlock()

    def _close(self) -> None:
        if self._sink is not None:
            self._sink.close()
            self._sink = None
        for fh in self._handles:
            fh.close()
        self._handles.clear()

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file releases the lock
            self._lock = None

    def reusable(self, source: str, *, audit: bool, bibtex: bool) -> Reusable | None:
        """The line an earlier run wrote for ``source`` with these options, if still valid:
        same path, same file content (SHA-256), same citenorm version, not a failure."""
        if not self._index:
            return None
        sha = sha256_of(source)
        return self._index.get((source, sha, audit, bibtex)) if sha else None

    def copy(self, line: Reusable) -> LineStats:
        """Append an earlier run's line; return its numbers."""
        src, offset, length, stats = line
        self._handles[src].seek(offset)
        self._append(self._handles[src].read(length))
        return stats

    def write(self, line: str) -> None:
        """Append one JSON line (given without its newline)."""
        self._append(line.encode("utf-8") + b"\n")

    def _append(self, data: bytes) -> None:
        if self._sink is None:
            raise ValueError("Output is not open: use it in a with statement")
        self._sink.write(data)
        self._sink.flush()

    def commit(self) -> None:
        """Make the lines written ``path``: synced to disk, replacing ``path`` atomically;
        the partial files of earlier runs are removed."""
        if self._sink is None or self._tmp is None:
            raise ValueError("Output is not open: use it in a with statement")
        os.fsync(self._sink.fileno())
        self._close()
        os.replace(self._tmp, self.path)
        for old in self._old[1:]:
            with contextlib.suppress(OSError):
                old.unlink()
