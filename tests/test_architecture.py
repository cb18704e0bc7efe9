"""The house rules of the layout (docs/architecture.md): layers, no cycles, a quiet library.

Every import of every module under ``src/citenorm`` is read with :mod:`ast` (top-level,
inside functions and under ``TYPE_CHECKING`` alike) and resolved to the module it loads.
A module may import from its own layer or the layers below it, never from a layer above,
and no chain of imports may lead back to where it started.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "citenorm"

# lowest first; a module belongs to the layer of its longest listed prefix
LAYERS: list[tuple[str, ...]] = [
    (
        "citenorm._version",
        "citenorm._plain",
        "citenorm._keyed",
        "citenorm._data",
        "citenorm.memo",
        "citenorm.progress",
        "citenorm.text",
        "citenorm.models",
        "citenorm.errors",
        "citenorm.config",
    ),
    ("citenorm.io", "citenorm.extraction"),
    ("citenorm.matching",),
    ("citenorm.export", "citenorm.auditing", "citenorm.report", "citenorm.output"),
    ("citenorm.batch", "citenorm.pipeline", "citenorm"),  # "citenorm": the public face
    ("citenorm.cli", "citenorm.__main__"),
]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    best: tuple[int, int] | None = None  # (prefix length, layer)
    for level, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            matches = module == prefix or module.startswith(prefix + ".")
            if matches and (best is None or len(prefix) > best[0]):
                best = (len(prefix), level)
    if best is None:
        raise LookupError(f"{module} is in no layer: add it to LAYERS (and docs/architecture.md)")
    return best[1]


def _resolve(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The citenorm modules an import statement loads (a name imported from a package
    that is not a submodule is the package itself)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.split(".")[0] == "citenorm":
                yield alias.name
        return
    if node.level:  # relative: from .x import y
        base = module.split(".")
        is_package = MODULES[module].name == "__init__.py"
        base = base[: len(base) - node.level + (1 if is_package else 0)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    if target.split(".")[0] != "citenorm":
        return
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        yield sub if sub in MODULES else target


def imports_of(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.update(t for t in _resolve(module, node) if t != module)
    return found


GRAPH = {m: imports_of(m) for m in MODULES}


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


def test_imports_resolve_to_real_modules() -> None:
    for module, targets in GRAPH.items():
        for t in targets:
            assert t in MODULES, f"{module} imports {t}, which is not a citenorm module"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_import_from_a_layer_above(module: str) -> None:
    own = layer_of(module)
    above = sorted(t for t in GRAPH[module] if layer_of(t) > own)
    assert not above, f"{module} (layer {own}) imports from a layer above: {above}"


def _cycle() -> list[str] | None:
    """One import cycle, if there is any (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for t in sorted(GRAPH.get(m, ())):
            if state.get(t) == 1:
                return [*path[path.index(t) :], t]
            if t not in state and (found := visit(t)):
                return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(GRAPH):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_no_import_cycle() -> None:
    cycle = _cycle()
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_checks_catch_what_they_are_for() -> None:
    # the resolver and the cycle search on known shapes, so a silent pass means something
    assert layer_of("citenorm.cli.batch") > layer_of("citenorm.batch._run")
    assert layer_of("citenorm") == layer_of("citenorm.pipeline")
    assert "citenorm.text.patterns" in GRAPH["citenorm.extraction.entries"]
    assert "citenorm.pipeline" in GRAPH["citenorm.batch._article"]
    saved = dict(GRAPH)
    try:
        GRAPH["citenorm.text.normalize"] = {"citenorm.extraction.segment"}
        assert _cycle() is not None
    finally:
        GRAPH.clear()
        GRAPH.update(saved)


def _is_main_block(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) == "__name__ == '__main__'"


def test_only_the_command_line_writes_to_the_console() -> None:
    # the library returns what it has to say (Document.warnings, findings, the batch's
    # progress callback); cli/_console.py is the one writer
    writes = ("print", "sys.stdout", "sys.stderr")
    for module, path in MODULES.items():
        if layer_of(module) == len(LAYERS) - 1:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # a module's own `if __name__ == "__main__":` block is a developer's script
        tree.body = [n for n in tree.body if not _is_main_block(n)]
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "print":
                pytest.fail(f"{module}:{node.lineno} calls print()")
            if isinstance(node, ast.Attribute) and ast.unparse(node) in writes[1:]:
                # reading stdin is input; sys.stdout/sys.stderr are the console
                pytest.fail(f"{module}:{node.lineno} uses {ast.unparse(node)}")
