#!/usr/bin/env python3
"""Atheris target: bytes -> encoding detection -> ``citenorm.extract`` -> JSON.

Run (see fuzz/README.md)::

    .venv/bin/python fuzz/fuzz_extract.py fuzz/corpus -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -workers=1 -jobs=1 -runs=1000000

Any exception other than :class:`citenorm.errors.InputError` (an input the contract
rejects: binary, undecodable) is a bug, and so is a document that loses a list line or
points outside the text.
"""

from __future__ import annotations

import json
import sys

try:
    import atheris
except ImportError:  # the checks below also run in the test suite, without atheris
    atheris = None

if atheris is not None:
    with atheris.instrument_imports():
        from citenorm.errors import InputError
        from citenorm.extraction import extract
        from citenorm.io.text import decode
        from citenorm.extraction.segment import split_lines
        from citenorm.output.json import document_json
else:
    from citenorm.errors import InputError
    from citenorm.extraction import extract
    from citenorm.io.text import decode
    from citenorm.extraction.segment import split_lines
    from citenorm.output.json import document_json


def _check(text: str) -> None:
    doc = extract(text, source="fuzz")
    lines = split_lines(text)
    n_lines = len(lines)
    for rec in (*doc.footnotes, *doc.entries, *doc.sections, *doc.failed, *doc.in_text):
        assert 1 <= rec.line <= n_lines, (rec, n_lines)
    # each entry's raw text is its lines of the text, as printed
    covered: set[int] = set()
    for e in doc.entries:
        for k, part in enumerate(e.raw.split("\n")):
            assert e.line + k <= n_lines, (e, n_lines)
            assert lines[e.line + k - 1].strip() == part.strip(), (e, k)
            covered.add(e.line + k)
    heads = {s.line for s in doc.sections}
    failed = {f.line for f in doc.failed}
    notes: set[int] = set()
    for f in doc.footnotes:
        notes.update(range(f.line, f.line + f.raw.count("\n") + 1))
    # nothing lost inside a list: from a section's first entry to its last, every
    # non-blank line is an entry's, a heading, a failed line or a footnote's (1.1)
    by_section: dict[str | None, list[int]] = {}
    for e in doc.entries:
        span = by_section.setdefault(e.section, [e.line, e.line])
        span[0] = min(span[0], e.line)
        span[1] = max(span[1], e.line + e.raw.count("\n"))
    for section, (first, last) in by_section.items():
        for ln in range(first, last + 1):
            if lines[ln - 1].strip():
                assert ln in covered | heads | failed | notes, (section, ln, lines[ln - 1])
    ids = [x.id for x in (*doc.footnotes, *doc.entries, *doc.sections, *doc.in_text)]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for e in doc.entries:
        assert e.line not in heads, e
    assert not (heads & failed)
    json.dumps(document_json(doc), ensure_ascii=False)


def test_one_input(data: bytes) -> None:
    try:
        text, _ = decode(data)
    except InputError:
        # not text: still run the extractor on a lossy decoding
        text = data.decode("utf-8", "replace")
    _check(text)


def main() -> None:
    if atheris is None:
        raise SystemExit("atheris is not installed: pip install atheris (see fuzz/README.md)")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
