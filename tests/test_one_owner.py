"""One owner per concept (issue 12): each concept below is defined in exactly one module.

The source of every module under ``src/citenorm`` is searched for the definitions of
concepts that used to live in several places and drift apart (two ``url_key`` that
disagreed about case, body-marker regexes in extraction and again in the audit, four
article strippers, five Arabic letter folds...). A definition outside the owner fails,
with the place to move it to.

"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "citenorm"
EXEMPT: set[str] = set()

SOURCES: dict[str, str] = {
    p.relative_to(PACKAGE).as_posix(): p.read_text(encoding="utf-8")
    for p in sorted(PACKAGE.rglob("*.py"))
    if p.relative_to(PACKAGE).as_posix() not in EXEMPT
}

# Known strays, each with the reason it waits; any other stray fails. None is left: the
# romanizer's folds and word lists and the reference parser's (its feature fold verbatim,
# so the model is unchanged) moved to text/normalize.py and text/vocab.py, with the same
# romanizations, proposals, findings and fields on aco-dev, the fixtures and dev-real.
DEBT: dict[str, dict[str, str]] = {}

# concept -> (the owner modules, a definition of it: a regex on source lines)
OWNERS: dict[str, tuple[set[str], str]] = {
    "severities and their order": (
        {"config.py"},
        r"^\s*(?:_?SEVERIT\w*|Severity)\s*(?::[^=]+)?=",
    ),
    "the URL comparison key": ({"text/normalize.py"}, r"^\s*def _?url_key\b"),
    "several works cited in one footnote": (
        {"text/patterns.py"},
        r"^\s*(?:_?SPLIT_CITES|CITES_SEPARATOR)\s*=|^\s*def _?split_cites\b|\[؛;\]",
    ),
    "the article (ال, al-, el-)": (
        {"text/normalize.py", "text/vocab.py"},
        r"^\s*_?\w*ARTICLE\w*\s*(?::[^=]+)?=|^\s*def _?(?:strip|split|drop|is_\w*)_article\b|"
        r"startswith\(\s*[\"']ال[\"']|[\"']\^\(\?:al\|el\)",
    ),
    "name particles and compound-name heads": (
        {"text/vocab.py"},
        r"^\s*_?\w*(?:PARTICLE|COMPOUND|NAME_HEAD)\w*\s*(?::[^=]+)?=",
    ),
    "title words": ({"text/vocab.py"}, r"^\s*_?\w*TITLE_WORDS\w*\s*(?::[^=]+)?="),
    "footnote markers in the body": (
        {"text/patterns.py", "extraction/markers.py"},
        r"^\s*_?\w*MARKER\w*\s*=\s*re\.compile|^\s*def _?\w*(?:body|line)_markers\b",
    ),
    "the consonant skeleton": ({"text/skeleton.py"}, r"^\s*def _?(?:\w+_)?skeleton\s*\("),
}


def test_one_function_per_key() -> None:
    """``arabic_skeleton`` and ``latin_skeleton`` were ``skeleton`` under two more names."""
    for name in ("arabic_skeleton", "latin_skeleton"):
        assert not _definitions(rf"^\s*def {name}\b"), name


def _definitions(pattern: str) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    regex = re.compile(pattern)
    for name, text in SOURCES.items():
        for number, line in enumerate(text.splitlines(), start=1):
            if regex.search(line):
                found.setdefault(name, []).append(number)
    return found


@pytest.mark.parametrize("concept", sorted(OWNERS))
def test_each_concept_has_one_owner(concept: str) -> None:
    owners, pattern = OWNERS[concept]
    found = _definitions(pattern)
    assert set(found) & owners, f"{concept}: no definition in {sorted(owners)} (test outdated?)"
    debt = DEBT.get(concept, {})
    strays = {n: lines for n, lines in found.items() if n not in owners and n not in debt}
    assert not strays, f"{concept} is defined outside {sorted(owners)}: {strays}"
    paid = sorted(set(debt) - set(found))
    assert not paid, f"{concept}: {paid} no longer define it: remove them from DEBT"


_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06d5\ufb50-\ufdff\ufe70-\ufefc]")


def _is_arabic_letter(node: ast.expr | None) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and len(node.value) == 1
        and _ARABIC_LETTER.fullmatch(node.value) is not None
    )


def _folds(tree: ast.AST) -> list[int]:
    """Lines of dict literals and ``str.maketrans`` calls that map an Arabic letter to
    another Arabic letter: a letter fold."""
    lines: list[int] = []
    for node in ast.walk(tree):
        pairs: list[tuple[ast.expr | None, ast.expr]] = []
        if isinstance(node, ast.Dict):
            pairs = list(zip(node.keys, node.values, strict=True))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "maketrans"
            and len(node.args) >= 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
        ):
            a, b = (str(arg.value) for arg in node.args[:2] if isinstance(arg, ast.Constant))
            pairs = [(ast.Constant(x), ast.Constant(y)) for x, y in zip(a, b, strict=False)]
        for key, value in pairs:
            if _is_arabic_letter(key) and _is_arabic_letter(value):
                lines.append(node.lineno)
                break
    return sorted(lines)


def test_arabic_letter_folds_live_in_normalize() -> None:
    strays = {
        name: lines
        for name, text in SOURCES.items()
        if name != "text/normalize.py"
        and name not in DEBT.get("Arabic letter folds", {})
        and (lines := _folds(ast.parse(text)))
    }
    assert _folds(ast.parse(SOURCES["text/normalize.py"])), "no fold found in normalize (outdated?)"
    assert not strays, f"Arabic letter folds outside text/normalize.py: {strays}"


_WORDLIST_NAME = re.compile(r"WORD|STOP|PARTICLE|COMPOUND|EXONYM|ARTICLE|TITLE|_RAW$")


def _word_lists(tree: ast.Module) -> list[str]:
    """Module-level sets, tuples and lists of words: of three or more strings, one of them
    Arabic, or named as a word list."""
    out: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            target, value = node.targets[0].id, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            target, value = node.target.id, node.value
        else:
            continue
        if isinstance(value, ast.Call) and value.args:  # frozenset({...}), set([...])
            value = value.args[0]
        if not isinstance(value, ast.Set | ast.Tuple | ast.List):
            continue
        words = [e.value for e in value.elts if isinstance(e, ast.Constant)]
        if len(words) < 3 or not all(isinstance(w, str) for w in words):
            continue
        if any(_ARABIC_LETTER.search(w) for w in words) or _WORDLIST_NAME.search(target):
            out.append(f"{target} (line {node.lineno})")
    return out


def test_word_lists_live_in_vocab() -> None:
    """Every word list of the package is in ``text/vocab.py`` (the lexicon's open
    vocabulary is package data, ``text/lexicon/data/*.tsv``)."""
    strays = {
        name: lists
        for name, text in SOURCES.items()
        if name != "text/vocab.py"
        and name not in DEBT.get("word lists", {})
        and (lists := _word_lists(ast.parse(text)))
    }
    assert _word_lists(ast.parse(SOURCES["text/vocab.py"]))
    assert not strays, f"word lists outside text/vocab.py: {strays}"


def test_the_checks_catch_what_they_are_for() -> None:
    fold = ast.parse('T = str.maketrans({"أ": "ا"})\nU = str.maketrans("ة", "ه")\n')
    assert _folds(fold) == [1, 2]
    assert not _folds(ast.parse('T = {"ب": "b"}\nU = str.maketrans("٣", "3")\n'))
    lists = ast.parse('_X = frozenset({"في", "من", "إلى"})\n_STOP = ("a", "an", "the")\n')
    assert _word_lists(lists) == ["_X (line 1)", "_STOP (line 2)"]
    assert not _word_lists(ast.parse('CSL_TYPES = frozenset({"book", "chapter", "thesis"})\n'))
    _, pattern = OWNERS["the article (ال, al-, el-)"]
    assert re.search(pattern, '_ARTICLE = re.compile(r"^(?:al|el)")')
    assert re.search(pattern, '    if head.startswith("ال"):')
