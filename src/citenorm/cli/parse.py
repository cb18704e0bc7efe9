"""``citenorm parse FILE``: one reference per input line -> its fields.

Each non-blank line is parsed by :func:`citenorm.parse_reference`; the output is one JSON
object per line, ``{"text", "script", "fields"}`` (fields as in entries, CONTRACT.md
1.1), or, with ``--to bibtex|csl-json``, the references as one BibTeX file or one
CSL-JSON list, in input order.
"""

from __future__ import annotations

import argparse
import json

from citenorm.cli._common import (
    add_file_arguments,
    progress_for,
    progress_view,
    report_problems,
)
from citenorm.cli._console import EXIT_OK, emit

__all__ = ["FORMATS", "add_arguments", "run"]

FORMATS = ("jsonl", "bibtex", "csl-json")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``citenorm parse``."""
    add_file_arguments(p, many=False)
    p.add_argument(
        "--to",
        default="jsonl",
        choices=FORMATS,
        metavar="FORMAT",
        help="jsonl (default: one JSON object a line), bibtex or csl-json",
    )


def run(args: argparse.Namespace) -> int:
    """Parse every line of the file; write the output; return the exit code."""
    from citenorm.errors import CitenormError
    from citenorm.extraction.reference import parse_reference
    from citenorm.io.load import load
    from citenorm.models import Document, Entry, MatchResult, Script
    from citenorm.progress import Ticker
    from citenorm.text.normalize import script_of

    view = progress_view(args)
    try:
        loaded = load(args.files, encoding=args.encoding, progress=progress_for(view, args.files))
    except CitenormError as exc:
        return report_problems([str(exc)])
    lines = loaded.text.split("\n")
    # one reference a line: the extract stage, one tick per reference parsed
    tick = Ticker(progress_for(view, args.files), "extract", sum(1 for ln in lines if ln.strip()))
    entries: list[Entry] = []
    for number, line in enumerate(lines, 1):
        text = " ".join(line.split())
        if not text:
            continue
        tick()
        script: Script = "arabic" if script_of(text) == "arabic" else "latin"
        entries.append(
            Entry(
                id=f"r{len(entries) + 1}",
                list="original",
                script=script,
                section=None,
                number=None,
                text=text,
                line=number,
                raw=line,
                fields=parse_reference(text, script=script),
            )
        )
    tick.finish()
    if args.to == "jsonl":
        out = "".join(
            json.dumps(
                {"text": e.text, "script": e.script, "fields": e.fields.to_json()},
                ensure_ascii=False,
            )
            + "\n"
            for e in entries
        )
    else:
        from citenorm import export

        doc = Document(source=getattr(args, "files", None), entries=entries)
        result = MatchResult(document=doc)
        if args.to == "bibtex":
            out = export.to_bibtex(result, script="arabic")
        else:
            items = export.to_csl_json(result, script="arabic")
            out = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    emit(out, args.output)
    return EXIT_OK
