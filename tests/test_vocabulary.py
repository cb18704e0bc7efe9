"""No vocabulary keyed to the fixtures.

citenorm is judged on articles it has never seen, so no word list, regex or package data
may carry a phrase of the development articles: a string literal in ``src/`` (docstrings,
audit rules' ``summary``/``why``/``example`` and commands' ``help`` aside: they document,
they do not decide) or a line of package data that holds a phrase
of three or more words found in a fixture fails this test, unless the phrase is on the
reviewed allow-list ``tests/data/vocabulary-allowlist.txt`` (general bibliographic
vocabulary, one phrase a line, each with a comment saying why it is general).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from conftest import FIXTURES, ROOT

SRC = ROOT / "src" / "citenorm"
ALLOW = ROOT / "tests" / "data" / "vocabulary-allowlist.txt"
N = 3

_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_FOLD = str.maketrans("أإآٱىةؤئ", "اااايهوي")
_WORD = re.compile(r"[^\W\d_]+")
# regex escapes (\s, \b, \w...) are not words
_ESCAPE = re.compile(r"\\[A-Za-z]")
# a phrase never runs across punctuation, a line end or a regex alternation
_BREAK = re.compile(r"[^\w\s]|_|\n")


def _words(text: str) -> list[str]:
    text = _MARKS.sub("", text.lower()).translate(_FOLD)
    return _WORD.findall(text)


def _phrases(text: str) -> Iterator[tuple[str, ...]]:
    for piece in _BREAK.split(_ESCAPE.sub(" ", text)):
        words = _words(piece)
        for i in range(len(words) - N + 1):
            yield tuple(words[i : i + N])


def _fixture_phrases() -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for path in sorted(FIXTURES.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            # within a line punctuation does not break a fixture's phrase: stricter
            words = _words(line)
            for i in range(len(words) - N + 1):
                out.add(tuple(words[i : i + N]))
    return out


_DOC_KEYWORDS = frozenset({"summary", "why", "example", "help", "description", "epilog"})


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    for node in ast.walk(tree):
        # bare string expressions (attribute docstrings) document too
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            ids.add(id(node.value))
        # so do a rule's documentation and a command's help, shown to users
        if isinstance(node, ast.keyword) and node.arg in _DOC_KEYWORDS:
            ids.update(id(n) for n in ast.walk(node.value) if isinstance(n, ast.Constant))
    return ids


def _literals() -> Iterator[tuple[str, int, str]]:
    """(file, line, text) of every string literal and package-data line under src/."""
    for path in sorted(SRC.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts:
            continue
        rel = str(path.relative_to(ROOT))
        if path.suffix == ".py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            skip = _docstring_nodes(tree)
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in skip
                ):
                    yield rel, node.lineno, node.value
        elif path.suffix == ".csl":
            # vendored CSL styles (export/styles/README.md names their source and hash): the
            # style authors' prose, not citenorm's vocabulary
            continue
        elif path.suffix in (".tsv", ".txt", ".json", ".csv", ".md"):
            for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                yield rel, k, line


def _allowed() -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for raw in ALLOW.read_text(encoding="utf-8").splitlines():
        phrase = raw.split("#", 1)[0].strip()
        if phrase:
            out.add(tuple(_words(phrase)))
    return out


def test_allowlist_entries_each_have_a_reason() -> None:
    for raw in ALLOW.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        phrase, _, reason = raw.partition("#")
        assert len(_words(phrase)) >= N, f"not a phrase of {N}+ words: {raw!r}"
        assert reason.strip(), f"allow-list entry without a comment: {raw!r}"


def _allowed_hit(hit: tuple[str, ...], allowed: set[tuple[str, ...]]) -> bool:
    return any(
        len(a) >= N and any(a[i : i + N] == hit for i in range(len(a) - N + 1)) for a in allowed
    )


def test_no_fixture_phrase_in_source_vocabulary() -> None:
    fixture = _fixture_phrases()
    allowed = _allowed()
    hits: list[str] = []
    for rel, line, text in _literals():
        for phrase in _phrases(text):
            if phrase in fixture and not _allowed_hit(phrase, allowed):
                hits.append(f"{rel}:{line}: {' '.join(phrase)}")
    assert not hits, "fixture phrases in src/ (remove them or allow-list them):\n" + "\n".join(
        sorted(set(hits))
    )


def test_the_check_catches_a_fixture_phrase() -> None:
    # the oracle: a phrase taken from a fixture is found by the same reading
    fixture = _fixture_phrases()
    seed = (FIXTURES / "seed" / "russian-chinese-relations-2022.txt").read_text(encoding="utf-8")
    line = next(ln for ln in seed.splitlines() if len(_words(ln)) >= 6)
    sample = " ".join(_words(line)[:4])
    assert any(p in fixture for p in _phrases(repr(sample)))
    assert not any(p in fixture for p in _phrases("zzq yyx wwv"))
