"""The compiled-pattern cache (``citenorm.text._rx``, issue 18): the package's fixed
patterns are rebuilt from the programs an earlier process compiled, and match exactly as
``re.compile``'s; a damaged, foreign or rejected cache is ignored."""

from __future__ import annotations

import _sre
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from citenorm.text import _rx
from conftest import SEED


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory and a process state that has not loaded any cache (the
    module's own state is put back afterwards)."""
    monkeypatch.setenv("CITENORM_PATTERN_CACHE", str(tmp_path))
    monkeypatch.setattr(_rx, "_state", _rx._State())
    return tmp_path


def _cache_file(directory: Path) -> Path:
    (path,) = directory.glob("patterns-*.bin")
    return path


SAMPLES = [
    "Abc  def (1) [2] ص 12-14، ط2، 2015م/1436هـ",
    "al-Ṭabʻah al-ūlá; vol. 3, no. 4, pp. 10–12",
    "",
]


def test_a_cached_pattern_is_rebuilt_equal_and_matches_alike(fresh: Path) -> None:
    source, flags = r"(?P<word>[^\W\d_]+)\s*(?:\((?P<num>[0-9]{1,3})\))?", re.IGNORECASE
    first = _rx.compile(source, flags)
    assert first == re.compile(source, flags) and not list(fresh.iterdir())  # written at exit
    _rx._save()
    path = _cache_file(fresh)
    assert path.name.endswith(f"-{sys.hexversion:x}-{_rx._state.sre.MAGIC}.bin")

    mtime = path.stat().st_mtime_ns

    def no_compile(*args: object) -> None:
        raise AssertionError(f"compiled anew: {args}")

    _rx._state = _rx._State()  # a new process: reads the file
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(re, "compile", no_compile)
        again = _rx.compile(source, flags)  # from the file's program, not re.compile
    assert isinstance(again, re.Pattern) and again == re.compile(source, flags)
    assert (again.groupindex, again.groups, again.flags) == (
        first.groupindex,
        first.groups,
        first.flags,
    )
    for text in SAMPLES:
        assert [m.groupdict() for m in again.finditer(text)] == [
            m.groupdict() for m in first.finditer(text)
        ]
    assert not _rx._state.new  # nothing new: the file is not rewritten
    _rx._save()
    assert path.stat().st_mtime_ns == mtime


def _rewrite_head(path: Path, change: str) -> None:
    data = path.read_bytes()
    end = data.index(b"\n")
    head = json.loads(data[:end])
    if change == "crc":
        head["crc"] ^= 1
    else:
        head["key"][1] += 1  # sys.hexversion: another Python
    path.write_bytes(json.dumps(head).encode() + data[end:])


@pytest.mark.parametrize("damage", ["garbage", "truncated", "checksum", "other-python", "code"])
def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(fresh: Path, damage: str) -> None:
    source = r"\b(?:vol|no)\.?\s*(?P<n>[0-9]+)"
    _rx.compile(source)
    _rx._save()
    path = _cache_file(fresh)
    good = path.read_bytes()
    assert _rx._read(good)[(source, 0)][0] == re.compile(source).flags
    if damage == "garbage":
        path.write_bytes(b"\x00not a cache")
    elif damage == "truncated":
        path.write_bytes(good[: len(good) - 3])
    elif damage == "checksum":
        _rewrite_head(path, "crc")
    elif damage == "other-python":
        _rewrite_head(path, "key")
    else:  # a well-formed file whose program the engine rejects
        entries = _rx._read(good)
        flags, code, *rest = entries[(source, 0)]
        entries[(source, 0)] = (flags, [99999, *code[1:]], *rest)  # type: ignore[assignment]
        path.write_bytes(_rx._dump(entries))

    _rx._state = _rx._State()
    compiled = _rx.compile(source)
    assert compiled == re.compile(source)
    assert compiled.search("see vol. 12").group("n") == "12"  # type: ignore[union-attr]
    assert _rx._state.new  # compiled anew ...
    _rx._save()
    assert _rx._read(path.read_bytes()) == _rx._read(good) != {}  # ... and the file is whole


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_rx, "_state", _rx._State())
    monkeypatch.setenv("CITENORM_PATTERN_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert _rx.cache_path() is None
    assert _rx.compile("a+") == re.compile("a+")
    _rx._save()
    assert not list(tmp_path.rglob("*"))
    monkeypatch.setenv("CITENORM_PATTERN_CACHE", "")  # empty: the default place
    assert _rx.cache_path() == str(tmp_path / "citenorm" / Path(str(_rx.cache_path())).name)


def test_an_unwritable_cache_costs_nothing_but_time(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = fresh / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("CITENORM_PATTERN_CACHE", str(blocker / "sub"))
    _rx._state = _rx._State()
    assert _rx.compile("b+") == re.compile("b+")
    _rx._save()  # no error
    assert not (blocker / "sub").exists() and [p.name for p in fresh.iterdir()] == ["file"]


def test_a_cache_that_grows_too_big_keeps_the_writing_process_s_patterns(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_rx, "MAX_ENTRIES", 3)
    for n in range(5):
        _rx.compile(f"x{n}+")
    _rx._save()
    assert len(_rx._read(_cache_file(fresh).read_bytes())) == 5  # over: kept until rewritten
    _rx._state = _rx._State()
    _rx.compile("x1+")
    _rx.compile("y+")  # new: the file is rewritten, with this process's patterns only
    _rx._save()
    assert sorted(p for p, _ in _rx._read(_cache_file(fresh).read_bytes())) == ["x1+", "y+"]


def test_every_pattern_a_cold_audit_caches_matches_as_re_compile_s(tmp_path: Path) -> None:
    """A cold audit of the seed fills the cache; a second one compiles none of the
    package's patterns; every cached program rebuilds a pattern equal to ``re.compile``'s
    (the same text, flags and program) that finds the same matches in the seed."""
    env = {**os.environ, "CITENORM_PATTERN_CACHE": str(tmp_path)}
    probe = (
        "import contextlib, io, json, sys\nfrom citenorm.cli import main\n"
        "from citenorm.text import _rx\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    assert main(['audit', {str(SEED)!r}]) in (0, 1)\n"
        "print(json.dumps([out.getvalue(), len(_rx._state.used), _rx._state.new]), "
        "file=sys.stderr)\n"
    )

    def audit() -> tuple[str, int, bool]:
        done = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        out, used, new = json.loads(done.stderr.strip().splitlines()[-1])
        return out, used, new

    first, used_first, new_first = audit()
    assert new_first and used_first > 150
    second, used_second, new_second = audit()
    assert second == first and used_second == used_first and not new_second

    entries = _rx._read(_cache_file(tmp_path).read_bytes())
    assert len(entries) == used_first
    text = SEED.read_text(encoding="utf-8")
    for (source, flags), entry in entries.items():
        rebuilt, compiled = _sre.compile(source, *entry), re.compile(source, flags)
        assert rebuilt == compiled, source
        assert [m.span() for m in rebuilt.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ], source


def test_any_pattern_text_is_stored_lone_surrogates_and_arabic_group_names_too(
    fresh: Path,
) -> None:
    source = "[\ud800-\udbff]x|عربي(?P<حرف>\u0628)"
    first = _rx.compile(source)
    _rx._save()
    _rx._state = _rx._State()
    again = _rx.compile(source)
    assert _rx._state.used == {(source, 0)} and not _rx._state.new  # read from the file
    assert again == first and again.groupindex == {"حرف": 1}
    assert again.search("xx عربيب").group("حرف") == "ب"  # type: ignore[union-attr]


def test_every_module_level_pattern_of_the_package_goes_through_the_cache() -> None:
    """A module-level ``re.compile`` of a text pattern would be compiled anew by every
    cold process (~0.15 ms each): write ``_rx.compile`` (the same pattern; see
    docs/performance.md). Patterns compiled inside functions from data are not counted."""
    import ast

    src = Path(_rx.__file__).resolve().parents[1]
    found = []
    for path in sorted(src.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        ]
        inside = {id(n) for f in functions for n in ast.walk(f)}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and id(node) not in inside
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "compile"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and not (
                    node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, bytes)
                )
            ):
                found.append(f"{path.relative_to(src)}:{node.lineno}")
    assert not found, f"module-level re.compile (use _rx.compile): {found}"
