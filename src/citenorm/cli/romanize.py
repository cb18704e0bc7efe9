"""``citenorm romanize FILE...``: proposals for the Arabic entries that have no romanized
counterpart, or (``--lines``) one romanization per input line."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from citenorm.cli._common import (
    add_progress_arguments,
    dump_json,
    load_all,
    progress_for,
    progress_view,
    report_problems,
)
from citenorm.cli._console import emit

if TYPE_CHECKING:
    from citenorm.text.romanize._records import Proposal, Romanization

__all__ = ["add_arguments", "proposals_json", "romanization_json", "run"]

SCHEMA_VERSION = 1
_UNSURE = 0.5  # words below this confidence are listed in the text output


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The ``romanize`` subcommand's options."""
    p.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="article(s), or with --lines a text file; '-' reads stdin",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the output to FILE instead of stdout"
    )
    p.add_argument("--encoding", metavar="NAME", help="read the input in this encoding")
    p.add_argument(
        "--format", choices=("json", "text"), default="text", help="output format (default: text)"
    )
    p.add_argument(
        "--style",
        choices=("alalc", "popular"),
        help="ALA-LC with diacritics, or popular ASCII; default: the style of the article's romanized list, else alalc",
    )
    p.add_argument(
        "--lines",
        action="store_true",
        help="read one Arabic string per line, write one romanization per line (JSON: one object per line)",
    )
    p.add_argument(
        "--field",
        choices=("title", "name", "place", "publisher"),
        default="title",
        help="with --lines: what the strings are (casing and context; default: title)",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="propose for every Arabic entry, not only those without a romanized counterpart",
    )
    p.add_argument(
        "--no-camel",
        action="store_true",
        help="do not use the CAMeL word table (only the project's own tables)",
    )
    add_progress_arguments(p)
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def romanization_json(r: Romanization) -> dict[str, Any]:
    """One romanized string as JSON (``--lines --format json``)."""
    return r.model_dump(mode="json")


def proposals_json(
    source: str | None, style: str, detected: str | None, proposals: list[Proposal]
) -> dict[str, Any]:
    """The JSON object of one article's proposals (``romanize.schema.json``)."""
    from citenorm._version import __version__

    return {
        "schema": SCHEMA_VERSION,
        "citenorm_version": __version__,
        "source": source,
        "style": style,
        "detected_style": detected,
        "proposals": [
            {
                "entry": p.entry,
                "line": p.line,
                "arabic": p.arabic,
                "style": p.style,
                "text": p.text,
                "confidence": p.confidence,
                "review": p.review,
                "fields": p.fields.to_json(),
                "parts": [part.model_dump(mode="json") for part in p.parts],
            }
            for p in proposals
        ],
    }


def _proposals_text(
    source: str | None, style: str, detected: str | None, proposals: list[Proposal]
) -> str:
    how = (
        "detected in its romanized list"
        if detected == style
        else "as asked"
        if detected
        else "no romanized list: ALA-LC"
    )
    lines = [
        f"{source or '<text>'}: {len(proposals)} proposal(s), style {style} ({how}); every proposal needs review"
    ]
    for p in proposals:
        lines.append("")
        lines.append(f"{p.entry} (line {p.line}): {p.arabic}")
        lines.append(f"  proposed: {p.text}")
        unsure = [
            f"{w.latin} ({w.confidence:.2f})"
            for part in p.parts
            for w in part.words
            if w.source != "fixed" and w.confidence < _UNSURE
        ]
        tail = f"; unsure: {', '.join(unsure)}" if unsure else ""
        lines.append(f"  confidence {p.confidence:.2f}{tail}")
    return "\n".join(lines) + "\n"


def _run_lines(args: argparse.Namespace) -> int:
    from citenorm.errors import CitenormError
    from citenorm.io.load import load
    from citenorm.text.romanize import romanize

    out: list[str] = []
    problems: list[str] = []
    for name in args.files:
        try:
            loaded = load(name, encoding=args.encoding)
        except CitenormError as exc:
            problems.append(str(exc))
            continue
        text = loaded.text
        rows = text.split("\n")
        if rows and rows[-1] == "":
            rows.pop()  # the last line's end is not one more line
        for row in rows:
            row = row.rstrip("\r")
            if not row.strip():
                out.append("{}" if args.format == "json" else "")
                continue
            r = romanize(
                row, field=args.field, style=args.style or "alalc", camel=not args.no_camel
            )
            if args.format == "json":
                out.append(json.dumps(romanization_json(r), ensure_ascii=False))
            else:
                out.append(r.latin)
    if out:
        emit("\n".join(out) + "\n", args.output)
    return report_problems(problems)


def run(args: argparse.Namespace) -> int:
    """Run ``citenorm romanize``; return the exit code."""
    if args.lines:
        return _run_lines(args)
    from citenorm.matching import match
    from citenorm.text.romanize import detect_style, romanize

    view = progress_view(args)
    docs, problems = load_all(args.files, encoding=args.encoding, debug=args.debug, view=view)
    objs: list[dict[str, Any]] = []
    texts: list[str] = []
    for doc in docs:
        result = match(doc, progress=progress_for(view, doc.source))
        detected = detect_style(result)
        style = args.style or detected or "alalc"
        proposals = romanize(
            result, style=style, entries="all" if args.all else "unpaired", camel=not args.no_camel
        )
        objs.append(proposals_json(doc.source, style, detected, proposals))
        texts.append(_proposals_text(doc.source, style, detected, proposals))
    if docs:
        if args.format == "json":
            emit(dump_json(objs, many=len(args.files) > 1), args.output)
        else:
            emit("\n".join(texts), args.output)
    return report_problems(problems)
