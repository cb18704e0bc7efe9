"""The public API is deliberate: explicit __all__, keyword-only options, no heavy imports."""

from __future__ import annotations

import inspect
import subprocess
import sys

import citenorm
from citenorm import export

PUBLIC = [
    "Citation",
    "CitenormError",
    "ConfigError",
    "Date",
    "DecodeError",
    "Document",
    "Entry",
    "FailedLine",
    "Fields",
    "Footnote",
    "InTextCitation",
    "InputError",
    "MatchResult",
    "Name",
    "Pair",
    "Section",
    "UsageError",
    "__version__",
    "extract",
    "match",
    "parse_reference",
    "read_text",
]


def test_all_is_sorted_explicit_and_complete() -> None:
    names = [n for n in citenorm.__all__ if n != "audit"]
    assert names == sorted(names)
    assert set(PUBLIC) <= set(citenorm.__all__)
    for name in citenorm.__all__:
        assert getattr(citenorm, name) is not None


def test_functions_take_options_by_keyword_only() -> None:
    for func in (
        citenorm.extract,
        citenorm.match,
        citenorm.read_text,
        citenorm.parse_reference,
        export.to_bibtex,
        export.to_biblatex,
        export.to_csl_json,
        export.to_ris,
        export.render,
    ):
        params = list(inspect.signature(func).parameters.values())
        positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        assert len(positional) == 1, func.__name__
        assert all(p.kind == p.KEYWORD_ONLY for p in params[1:]), func.__name__


def test_every_public_object_is_documented() -> None:
    for name in citenorm.__all__:
        obj = getattr(citenorm, name)
        if callable(obj):
            assert inspect.getdoc(obj), name


def test_errors_subclass_the_builtins_callers_catch() -> None:
    assert issubclass(citenorm.InputError, OSError)
    assert issubclass(citenorm.DecodeError, UnicodeError)
    assert issubclass(citenorm.ConfigError, ValueError)
    assert issubclass(citenorm.UsageError, ValueError)


def test_import_loads_no_heavy_dependency() -> None:
    code = "import sys, citenorm; print(sorted(m for m in ('citeproc', 'bibtexparser', 'scipy', 'pycrfsuite') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_stage_packages_are_importable_beside_the_functions() -> None:
    import citenorm.extraction.fields as fields_module
    import citenorm.matching.skeleton as skeleton_module

    assert callable(citenorm.match)
    assert callable(citenorm.extract)
    assert fields_module.parse_reference is not None
    assert skeleton_module.skeleton("حسين") == skeleton_module.skeleton("Hussein")
