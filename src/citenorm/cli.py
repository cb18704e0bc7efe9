"""The ``citenorm`` command: ``extract``, ``match``, ``audit``, ``rule``, ``export``,
``report``, ``romanize``, ``batch``.

Exit codes (CONTRACT.md): 0 done; 1 ``audit`` findings at or above ``--fail-on``, or
``batch`` articles that failed;
2 usage error or an input that cannot be used (missing, a directory, unreadable,
binary, undecodable). stdout carries only the requested output, always UTF-8;
messages go to stderr; ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from citenorm._version import __version__
from citenorm.errors import CitenormError, UsageError

if TYPE_CHECKING:  # the records (and pydantic) load only when a command runs
    from citenorm.models import Document, MatchResult

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors on stderr and exit code 2."""

    def error(self, message: str) -> Any:  # pragma: no cover - exercised through main()
        _say(f"{self.prog}: error: {message}")
        _say(f"try '{self.prog} --help'")
        raise SystemExit(EXIT_ERROR)


def _say(message: str) -> None:
    """Write a message line to stderr as UTF-8, whatever the console's encoding."""
    # surrogateescape: a file name that was not valid UTF-8 (PEP 383) prints as its bytes
    data = (message.rstrip("\n") + "\n").encode("utf-8", "surrogateescape")
    err = getattr(sys.stderr, "buffer", None)
    if err is not None:
        sys.stderr.flush()
        err.write(data)
        err.flush()
    else:  # a text-only stream (tests, IDEs)
        sys.stderr.write(data.decode("utf-8"))


def _emit(text: str, output: str | None) -> None:
    """Write the requested output (UTF-8) to ``output`` or stdout."""
    data = text.encode("utf-8", "surrogateescape")
    if output and output != "-":
        with open(output, "wb") as fh:
            fh.write(data)
        return
    out: BinaryIO | None = getattr(sys.stdout, "buffer", None)
    if out is not None:
        sys.stdout.flush()
        out.write(data)
        out.flush()
    else:
        sys.stdout.write(text)


def _common(p: argparse.ArgumentParser, *, many: bool = True) -> None:
    p.add_argument(
        "files",
        nargs="+" if many else None,
        metavar="FILE",
        help="article(s): .txt, .md, .docx or .pdf; '-' reads stdin",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write the output to FILE instead of stdout"
    )
    p.add_argument("--encoding", metavar="NAME", help="input encoding (default: detected)")
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def _build_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="citenorm",
        description="Normalize, pair and audit citations in Arabic scholarly articles.",
        epilog="Exit codes: 0 done, 1 audit findings at or above --fail-on, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"citenorm {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("extract", help="footnotes, in-text citations and list entries as records")
    _common(p)
    p.add_argument(
        "--format", choices=("json", "text"), default="text", help="output format (default: text)"
    )
    p.set_defaults(run=_run_extract)

    p = sub.add_parser(
        "match", help="extract, then pair Arabic and romanized entries and link citations"
    )
    _common(p)
    p.add_argument(
        "--format", choices=("json", "text"), default="text", help="output format (default: text)"
    )
    p.set_defaults(run=_run_match)

    # the audit's options need its rule registry: load it only for `audit`/`rule`
    p_audit = sub.add_parser(
        "audit", help="check footnotes, in-text citations and both lists against each other"
    )
    p_rule = sub.add_parser("rule", help="print the documentation of an audit rule (or --all)")
    if command in ("audit", "rule"):
        from citenorm.auditing import command as audit_command

        _common(p_audit)
        audit_command.add_audit_arguments(p_audit)
        p_audit.set_defaults(run=audit_command.run_audit)
        audit_command.add_rule_arguments(p_rule)
        p_rule.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
        p_rule.set_defaults(run=audit_command.run_rule)

    p = sub.add_parser(
        "report", help="a self-contained HTML page: lists side by side, citations, findings"
    )
    if command == "report":
        from citenorm.report.command import add_arguments as report_arguments

        report_arguments(p)

    p = sub.add_parser("export", help="BibTeX, biblatex, CSL-JSON, RIS or a formatted bibliography")
    _common(p, many=False)
    p.add_argument(
        "--to",
        required=True,
        choices=_EXPORT_FORMATS,
        metavar="FORMAT",
        help="one of: " + ", ".join(_EXPORT_FORMATS),
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
    p.set_defaults(run=_run_export)

    p = sub.add_parser(
        "romanize", help="propose romanized entries for the Arabic entries that have none"
    )
    if command == "romanize":
        from citenorm.text.romanize import command as romanize_command

        romanize_command.add_arguments(p)
        p.set_defaults(run=romanize_command.run)

    p = sub.add_parser(
        "batch", help="a corpus (files, directories) -> one match JSON line per article"
    )
    if command == "batch":
        from citenorm import batch

        batch.add_arguments(p)
        p.set_defaults(run=batch.run)
    return parser


def load_documents(
    files: Sequence[str], *, encoding: str | None
) -> tuple[list[Document], list[str]]:
    """Read and extract each file; return the documents and one message per unusable file."""
    from citenorm.extraction import extract
    from citenorm.io.load import load, with_locations

    docs: list[Document] = []
    problems: list[str] = []
    for name in files:
        try:
            loaded = load(name, encoding=encoding)
        except CitenormError as exc:
            problems.append(str(exc))
            continue
        source = "<stdin>" if name == "-" else name
        doc = with_locations(extract(loaded.text, source=source), loaded)
        for w in doc.warnings:
            _say(f"citenorm: warning: {source}: {w}")
        docs.append(doc)
    return docs, problems


def _report_problems(problems: Sequence[str]) -> int:
    for msg in problems:
        _say(f"citenorm: error: {msg}")
    return EXIT_ERROR if problems else EXIT_OK


def _dump(objs: list[dict[str, Any]], many: bool) -> str:
    payload: Any = objs if many else objs[0]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _run_extract(args: argparse.Namespace) -> int:
    from citenorm.serialize import document_json
    from citenorm.textview import document_text

    docs, problems = load_documents(args.files, encoding=args.encoding)
    if docs:
        if args.format == "json":
            _emit(_dump([document_json(d) for d in docs], len(args.files) > 1), args.output)
        else:
            _emit("\n".join(document_text(d) for d in docs), args.output)
    return _report_problems(problems)


def _run_match(args: argparse.Namespace) -> int:
    from citenorm.matching import match
    from citenorm.serialize import match_json
    from citenorm.textview import match_text

    docs, problems = load_documents(args.files, encoding=args.encoding)
    results: list[MatchResult] = [match(d) for d in docs]
    if results:
        if args.format == "json":
            _emit(_dump([match_json(r) for r in results], len(args.files) > 1), args.output)
        else:
            _emit("\n".join(match_text(r) for r in results), args.output)
    return _report_problems(problems)


_EXPORT_FORMATS = ("bibtex", "biblatex", "csl-json", "ris", "text", "html")


def _run_export(args: argparse.Namespace) -> int:
    from citenorm import export
    from citenorm.matching import match

    docs, problems = load_documents([args.files], encoding=args.encoding)
    if problems:
        return _report_problems(problems)
    result = match(docs[0])
    script = args.script
    if args.to == "bibtex":
        out = export.to_bibtex(result, script=script)
    elif args.to == "biblatex":
        out = export.to_biblatex(result, script=script)
    elif args.to == "csl-json":
        out = (
            json.dumps(export.to_csl_json(result, script=script), ensure_ascii=False, indent=2)
            + "\n"
        )
    elif args.to == "ris":
        out = export.to_ris(result, script=script)
    else:
        out = export.render(result, style=args.style, fmt=args.to, script=script)
        out = out if out.endswith("\n") else out + "\n"
    _emit(out, args.output)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = _build_parser(command)
    args = parser.parse_args(argv)
    debug = bool(getattr(args, "debug", False))
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return run(args)
    except (CitenormError, UsageError) as exc:
        if debug:
            traceback.print_exc()
        _say(f"citenorm: error: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:  # pragma: no cover
        _say("citenorm: interrupted")
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. `citenorm ... | head`
        return EXIT_OK
    except Exception as exc:
        if debug:
            traceback.print_exc()
        _say(
            f"citenorm: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)"
        )
        return EXIT_ERROR


def entry_point() -> None:
    """Console-script wrapper: exit with :func:`main`'s code."""
    raise SystemExit(main())


if __name__ == "__main__":  # pragma: no cover
    entry_point()
