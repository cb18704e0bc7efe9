#!/usr/bin/env python3
"""Atheris target: text -> ``extract`` -> ``match`` -> BibTeX / CSL-JSON / RIS.

The input is split in two with :class:`atheris.FuzzedDataProvider`: a choice of list
headings and list styles, then free text, so that most inputs hold two lists (an Arabic
one and a romanized one) for the matcher to pair. Run (see fuzz/README.md)::

    .venv/bin/python fuzz/fuzz_match.py fuzz/corpus -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -workers=1 -jobs=1 -runs=1000000
"""

from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports():
    from citenorm.export import to_biblatex, to_bibtex, to_csl_json, to_ris
    from citenorm.extraction import extract
    from citenorm.matching import match
    from citenorm.output.json import match_json

_HEADS = ("المصادر", "قائمة المصادر والمراجع", "المراجع", "References", "Bibliography", "")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    head_a = _HEADS[fdp.ConsumeIntInRange(0, len(_HEADS) - 1)]
    head_b = _HEADS[fdp.ConsumeIntInRange(0, len(_HEADS) - 1)]
    split = fdp.ConsumeIntInRange(0, 100)
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    cut = len(text) * split // 100
    article = f"{text[:cut]}\n{head_a}\n{text[:cut]}\n{head_b}\n{text[cut:]}\n"
    if fdp.ConsumeBool():
        article = text
    result = match(extract(article, source="fuzz"))
    known = {e.id for e in result.document.entries}
    for p in result.pairs:
        assert p.arabic in known, p
        assert p.latin in known, p
        assert 0 <= p.score <= 100
    json.dumps(match_json(result), ensure_ascii=False)
    to_bibtex(result)
    to_biblatex(result)
    json.dumps(to_csl_json(result), ensure_ascii=False)
    to_ris(result)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
