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

import atheris

with atheris.instrument_imports():
    from citenorm.errors import InputError
    from citenorm.extraction import extract
    from citenorm.io.text import decode
    from citenorm.extraction.segment import split_lines
    from citenorm.output.json import document_json


def _check(text: str) -> None:
    doc = extract(text, source="fuzz")
    n_lines = len(split_lines(text))
    for rec in (*doc.footnotes, *doc.entries, *doc.sections, *doc.failed, *doc.in_text):
        assert 1 <= rec.line <= n_lines, (rec, n_lines)
    # every non-blank line of a list is an entry line, a heading or a failed line
    covered: dict[int, str] = {}
    for e in doc.entries:
        for k, part in enumerate(e.raw.split("\n")):
            covered[e.line + k] = part
    heads = {s.line for s in doc.sections}
    failed = {f.line for f in doc.failed}
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
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
