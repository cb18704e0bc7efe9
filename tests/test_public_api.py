"""The public API is deliberate: explicit __all__, keyword-only options, no heavy imports."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import citenorm
from citenorm import export

# The public face. A name joins it (or leaves it) on purpose: here, in __all__, in the
# README and in the changelog.
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
    "Finding",
    "Footnote",
    "InTextCitation",
    "InputError",
    "MatchResult",
    "Name",
    "Pair",
    "Proposal",
    "Romanization",
    "Section",
    "UsageError",
    "__version__",
    "audit",
    "detect_style",
    "extract",
    "extract_file",
    "match",
    "parse_reference",
    "read_text",
    "render",
    "render_report",
    "romanize",
    "run_batch",
    "to_biblatex",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]
FUNCTIONS = [n for n in PUBLIC if n[0].islower() and not n.startswith("_")]


def test_all_is_sorted_explicit_and_complete() -> None:
    assert citenorm.__all__ == sorted(citenorm.__all__)
    assert citenorm.__all__ == PUBLIC
    assert set(PUBLIC) <= set(dir(citenorm))
    for name in citenorm.__all__:
        assert getattr(citenorm, name) is not None


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        _ = citenorm.nonesuch


def test_the_face_is_the_implementation() -> None:
    from citenorm import auditing, batch, extraction, matching, pipeline, report
    from citenorm.extraction import reference

    assert citenorm.extract is extraction.extract
    assert citenorm.extract_file is pipeline.load_document
    assert citenorm.match is matching.match
    assert citenorm.parse_reference is reference.parse_reference
    assert citenorm.audit is auditing.audit
    assert citenorm.render_report is report.render_report
    assert citenorm.run_batch is batch.run_batch
    assert citenorm.to_bibtex is export.to_bibtex
    from citenorm.text import romanize

    assert citenorm.romanize is romanize.romanize


def test_extract_file_reads_a_file_like_extract_reads_its_text() -> None:
    from conftest import SEED

    doc = citenorm.extract_file(SEED)
    text, _ = citenorm.read_text(SEED)
    assert doc == citenorm.extract(text, source=str(SEED))
    assert doc.entries and doc.footnotes


def test_functions_take_options_by_keyword_only() -> None:
    for func in [getattr(citenorm, n) for n in FUNCTIONS]:
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


def test_import_loads_no_implementation_module() -> None:
    code = (
        "import sys, citenorm; print(sorted(m for m in sys.modules if m.startswith('citenorm.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['citenorm._version']"


def test_stage_packages_are_importable_beside_the_functions() -> None:
    import citenorm.extraction.reference as fields_module
    import citenorm.text.skeleton as skeleton_module

    assert callable(citenorm.match)
    assert callable(citenorm.extract)
    assert fields_module.parse_reference is not None
    assert skeleton_module.skeleton("حسين") == skeleton_module.skeleton("Hussein")
