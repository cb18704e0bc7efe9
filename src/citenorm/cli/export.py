"""``citenorm export FILE --to FORMAT``: BibTeX, biblatex, CSL-JSON, RIS or a formatted list."""

from __future__ import annotations

import argparse
import json
import sys

from citenorm.cli._common import (
    add_file_arguments,
    load_all,
    progress_for,
    progress_view,
    report_problems,
)
from citenorm.cli._console import EXIT_OK, emit

__all__ = ["FORMATS", "add_arguments", "run"]

FORMATS = ("bibtex", "biblatex", "csl-json", "ris", "text", "html")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of ``citenorm export``."""
    add_file_arguments(p, many=False)
    p.add_argument(
        "--to",
        required=True,
        choices=FORMATS,
        metavar="FORMAT",
        help="one of: " + ", ".join(FORMATS),
    )
    p.add_argument(
        "--style",
        default="harvard-cite-them-right",
        metavar="NAME|FILE.csl",
        help="CSL style for --to text|html: harvard-cite-them-right (default), chicago-author-date, apa, or a .csl file",
    )
    p.add_argument(
        "--script",
        choices=("latin", "arabic"),
        default="latin",
        help="which form is the main record: the romanized one (default) or the Arabic original",
    )
    p.add_argument(
        "--propose",
        action="store_true",
        help="export an Arabic entry that has no romanized counterpart from citenorm's proposed "
        "romanization (citenorm romanize), marked 'Romanization proposed by citenorm, to review' "
        "in a note and a keyword; without it such entries stay in Arabic script",
    )


def run(args: argparse.Namespace) -> int:
    """Write the export of the file; return the exit code."""
    from citenorm import export
    from citenorm.matching import match

    view = progress_view(args)
    docs, problems = load_all(
        [args.files], encoding=args.encoding, debug=args.debug, max_bytes=args.max_bytes, view=view
    )
    if problems:
        return report_problems(problems)
    result = match(docs[0], progress=progress_for(view, docs[0].source))
    script, propose = args.script, args.propose
    if args.to == "bibtex":
        out = export.to_bibtex(result, script=script, propose=propose)
    elif args.to == "biblatex":
        out = export.to_biblatex(result, script=script, propose=propose)
    elif args.to == "csl-json":
        items = export.to_csl_json(result, script=script, propose=propose)
        out = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    elif args.to == "ris":
        out = export.to_ris(result, script=script, propose=propose)
    else:
        out = export.render(result, style=args.style, to=args.to, script=script, propose=propose)
        out = out if out.endswith("\n") else out + "\n"
    # a formatted bibliography on a terminal is read there; written elsewhere, it is data
    to_terminal = args.to == "text" and args.output in (None, "-") and sys.stdout.isatty()
    emit(out, args.output, terminal=to_terminal)
    return EXIT_OK
