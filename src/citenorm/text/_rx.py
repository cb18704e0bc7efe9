"""``re.compile`` for the package's own patterns, with a cache of the compiled programs.

A cold ``citenorm`` process compiles some 260 regular expressions, about 35 ms of CPU in
``re._parser`` and ``re._compiler`` (pure Python). Their result is a list of integers (the
program of the C regular-expression engine, ``_sre``) with the group names, which
:func:`compile` keeps in a file, as Python keeps the modules' bytecode: a later process
rebuilds each pattern with ``_sre.compile`` from the stored program (~2 ms for all of them)
instead of compiling it again. How it stays safe (see also docs/performance.md):

* an entry is only written after the pattern rebuilt from it compared equal to the one
  ``re.compile`` returned (``re.Pattern`` equality compares the pattern text, the flags and
  the whole program), so the cache holds nothing ``re.compile`` would not have produced;
* the file is keyed by the Python version (``sys.hexversion``, the bytecode tag), the
  engine's ``_sre.MAGIC`` and code size and ``sys.maxunicode``, and carries a checksum
  of its entries: a file of another Python, a truncated or damaged one is ignored (and
  replaced at exit); it is written to a temporary file and renamed (atomic);
* any error (no ``_sre.compile`` or ``re._compiler`` of the expected shape, e.g. another
  Python implementation; an entry the engine rejects; an unwritable directory) falls back
  to ``re.compile``: the cache can make a process faster, never change what it matches;
* where: ``$CITENORM_PATTERN_CACHE`` (a directory), else ``$XDG_CACHE_HOME/citenorm``,
  else ``~/.cache/citenorm``; ``CITENORM_PATTERN_CACHE=off`` (or ``0``, ``no``,
  ``false``) turns it off. Nothing is written when no new
  pattern was compiled; a file that grows past :data:`MAX_ENTRIES` (old patterns of
  earlier versions) is rewritten with the patterns of the writing process only.

Only the package's module-level (and other fixed) patterns go through :func:`compile`;
patterns built from data at run time keep ``re.compile`` (and its own memory cache).
"""

from __future__ import annotations

import atexit
import binascii
import contextlib
import importlib
import json
import os
import re
import sys
from array import array
from typing import Any

__all__ = ["MAX_ENTRIES", "cache_path", "compile"]

#: entries kept in the file before it is rewritten with one process's patterns only
MAX_ENTRIES = 2000
_ENV = "CITENORM_PATTERN_CACHE"
_OFF = frozenset({"0", "off", "no", "false", "none"})
_FORMAT = 1

# one entry: (flags, code, groups, groupindex, indexgroup): ``_sre.compile``'s arguments
# after the pattern text
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _engine() -> tuple[Any, Any, Any] | None:
    """``(_sre, re._parser, re._compiler)`` when they have the shape this module relies on
    (CPython 3.11 to 3.13 at least), else None (the cache is off)."""
    try:
        if sys.implementation.name != "cpython":
            return None
        sre = importlib.import_module("_sre")
        parser = getattr(re, "_parser", None)
        compiler = getattr(re, "_compiler", None)
        if not (
            callable(getattr(sre, "compile", None))
            and callable(getattr(parser, "parse", None))
            and callable(getattr(compiler, "_code", None))
            and isinstance(getattr(sre, "MAGIC", None), int)
        ):
            return None
        return sre, parser, compiler
    except Exception:
        return None


def cache_path() -> str | None:
    """The cache file of this Python, or None when the cache is off."""
    engine = _engine()
    if engine is None:
        return None
    sre = engine[0]
    where = os.environ.get(_ENV, "")
    if where.strip().lower() in _OFF:
        return None
    if not where:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
            base = os.path.join(os.path.expanduser("~"), ".cache")
        where = os.path.join(base, "citenorm")
    name = f"patterns-{sys.implementation.cache_tag}-{sys.hexversion:x}-{sre.MAGIC}.bin"
    return os.path.join(where, name)


def _key() -> tuple[Any, ...]:
    """What a cache file must have been written by: this module's format, this Python and
    its regular-expression engine."""
    sre = importlib.import_module("_sre")
    return (
        _FORMAT,
        sys.hexversion,
        sys.version,
        sre.MAGIC,
        sre.CODESIZE,
        sys.maxunicode,
        array("I").itemsize,
        sys.byteorder,
    )


class _State:
    """The process's cache: loaded on the first :func:`compile`."""

    def __init__(self) -> None:
        self.ready = False
        self.path: str | None = None
        self.sre: Any = None
        self.parser: Any = None
        self.compiler: Any = None
        self.entries: dict[tuple[str, int], _Entry] = {}
        self.used: set[tuple[str, int]] = set()
        self.new = False

    def load(self) -> None:
        self.ready = True
        engine = _engine()
        path = cache_path()
        if engine is None or path is None:
            return
        self.sre, self.parser, self.compiler = engine
        self.path = path
        atexit.register(_save)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return
        self.entries = _read(data)


_state = _State()


def _read(data: bytes) -> dict[tuple[str, int], _Entry]:
    """The entries of a cache file's bytes; empty when the file is not this Python's, is
    damaged or has any other shape.

    The file is plain data: a first line of JSON (the key, a CRC-32 of the rest, the
    length of the entries' JSON), the entries as JSON (the pattern, its flags, the
    engine's flags, groups, group names, and where its program lies in the code), then
    every program's code words packed (``array("I")``, native order)."""
    try:
        end = data.index(b"\n")
        head = json.loads(data[:end])
        rest = memoryview(data)[end + 1 :]
        if head["key"] != list(_key()) or binascii.crc32(rest) != head["crc"]:
            return {}
        size = head["json"]
        code = array("I")
        code.frombytes(rest[size:])
        entries: dict[tuple[str, int], _Entry] = {}
        for pattern, flags, sre_flags, groups, groupindex, start, length in json.loads(
            bytes(rest[:size])
        ):
            indexgroup: list[str | None] = [None] * (groups + 1)
            for name, index in groupindex.items():
                indexgroup[index] = name
            program = code[start : start + length].tolist()
            entries[(pattern, flags)] = (sre_flags, program, groups, groupindex, tuple(indexgroup))
    except Exception:
        return {}
    return entries


def _dump(entries: dict[tuple[str, int], _Entry]) -> bytes:
    """The bytes of a cache file holding ``entries`` (read by :func:`_read`)."""
    code = array("I")
    rows = []
    for (pattern, flags), (sre_flags, program, groups, groupindex, _) in entries.items():
        rows.append([pattern, flags, sre_flags, groups, groupindex, len(code), len(program)])
        code.extend(program)
    body = json.dumps(rows, separators=(",", ":")).encode("ascii")  # (lone surrogates too)
    rest = body + code.tobytes()
    head = {"key": list(_key()), "crc": binascii.crc32(rest), "json": len(body)}
    return json.dumps(head).encode("ascii") + b"\n" + rest


def _entry_of(pattern: str, flags: int) -> _Entry:
    """``_sre.compile``'s arguments for ``pattern``, as ``re._compiler.compile`` makes them."""
    parsed = _state.parser.parse(pattern, flags)
    code = [int(c) for c in _state.compiler._code(parsed, flags)]
    groupindex = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        code,
        int(parsed.state.groups - 1),
        groupindex,
        tuple(indexgroup),
    )


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, rebuilt from the cache when it holds the pattern
    (an equal ``re.Pattern``: the same text, flags and program)."""
    if not _state.ready:
        _state.load()
    if _state.path is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    entry = _state.entries.get(key)
    if entry is not None:
        try:
            compiled: re.Pattern[str] = _state.sre.compile(pattern, *entry)
        except Exception:
            del _state.entries[key]
        else:
            _state.used.add(key)
            return compiled
    compiled = re.compile(pattern, flags)
    try:
        entry = _entry_of(pattern, int(flags))
        if _state.sre.compile(pattern, *entry) == compiled:
            _state.entries[key] = entry
            _state.used.add(key)
            _state.new = True
    except Exception:
        pass
    return compiled


def _save() -> None:
    """Write the cache when this process compiled a pattern it did not hold (at exit)."""
    path = _state.path
    if not _state.new or path is None:
        return
    _state.new = False
    entries = _state.entries
    if len(entries) > MAX_ENTRIES:
        entries = {k: v for k, v in entries.items() if k in _state.used}
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        data = _dump(entries)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except Exception:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
