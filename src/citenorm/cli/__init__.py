"""The ``citenorm`` command: ``extract``, ``match``, ``audit``, ``rule``, ``report``,
``export``, ``romanize``, ``batch``, ``parse``.

One module per command (``citenorm.cli.<command>``, each with ``add_arguments(parser)``
and ``run(args) -> exit code``), imported only when that command runs, so that
``citenorm --help`` stays fast; :mod:`~citenorm.cli._console` holds the exit codes and
the only writers to stdout and stderr. The library below never prints.

Exit codes (CONTRACT.md): 0 done; 1 ``audit`` findings at or above ``--fail-on``, or
``batch`` articles that failed;
2 usage error or an input that cannot be used (missing, a directory, unreadable,
binary, undecodable). stdout carries only the requested output, always UTF-8;
messages go to stderr; ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any

from citenorm._version import __version__
from citenorm.cli._console import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, print_traceback, say
from citenorm.errors import CitenormError, UsageError

__all__ = ["entry_point", "main"]

# command -> its one-line help, in the order `citenorm --help` lists them
COMMANDS: dict[str, str] = {
    "extract": "footnotes, in-text citations and list entries as records",
    "match": "extract, then pair Arabic and romanized entries and link citations",
    "audit": "check footnotes, in-text citations and both lists against each other",
    "rule": "print the documentation of an audit rule (or --all)",
    "report": "a self-contained HTML page: lists side by side, citations, findings",
    "export": "BibTeX, biblatex, CSL-JSON, RIS or a formatted bibliography",
    "romanize": "propose romanized entries for the Arabic entries that have none",
    "batch": "a corpus (files, directories) -> one match JSON line per article",
    "parse": "one reference per line -> its fields (JSON lines, BibTeX or CSL-JSON)",
}


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors on stderr and exit code 2."""

    def error(self, message: str) -> Any:  # pragma: no cover - exercised through main()
        say(f"{self.prog}: error: {message}")
        say(f"try '{self.prog} --help'")
        raise SystemExit(EXIT_ERROR)


def _build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; only ``command``'s own options are loaded (with its module), and its
    parser is kept as the parser's ``command_parser`` (for messages). When ``command``
    is one of :data:`COMMANDS`, the other commands get no parser: nothing shows them
    (the top-level help and the unknown-command error build them all)."""
    parser = _Parser(
        prog="citenorm",
        description="Normalize, pair and audit citations in Arabic scholarly articles.",
        epilog="Exit codes: 0 done, 1 audit findings at or above --fail-on, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"citenorm {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, help_text in COMMANDS.items():
        if command in COMMANDS and name != command:
            continue
        p = sub.add_parser(name, help=help_text)
        if name == command:
            module = import_module(f"citenorm.cli.{name}")
            module.add_arguments(p)
            p.set_defaults(run=module.run)
            parser.set_defaults(command_parser=p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = _build_parser(command)
    args, extra = parser.parse_known_args(argv)
    if extra:
        # said by the command's own parser, so that the hint is 'citenorm rule --help'
        where: argparse.ArgumentParser = getattr(args, "command_parser", None) or parser
        where.error(f"unrecognized arguments: {' '.join(extra)}")
    debug = bool(getattr(args, "debug", False))
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return run(args)
    except (CitenormError, UsageError) as exc:
        if debug:
            print_traceback()
        say(f"citenorm: error: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:  # pragma: no cover
        say("citenorm: interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # pragma: no cover - e.g. `citenorm ... | head`
        return EXIT_OK
    except Exception as exc:
        if debug:
            print_traceback()
        say(
            f"citenorm: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)"
        )
        return EXIT_ERROR


#: the cyclic garbage collector's first threshold in a ``citenorm`` process (Python's
#: default is 700): a run allocates a few hundred thousand objects (modules, compiled
#: patterns, records) and frees nearly all of them by reference counting, and at 700 the
#: collector walks the growing heap ~90 times in a cold ``audit`` (15-20 ms); cyclic
#: garbage is still collected, every 100,000 net allocations
GC_THRESHOLD = 100_000


def entry_point() -> None:
    """Console-script wrapper: exit with :func:`main`'s code. The process's garbage
    collector runs less often (:data:`GC_THRESHOLD`), and not over the run's objects at
    exit; :func:`main` leaves it as it is (tests and library users call it).

    At exit Python collects garbage over every object still alive (four full passes, 4%
    of a cold audit's instructions and 10-40 ms of its time: the heap is large and the
    walk memory-bound) to run the finalizers of objects in reference cycles. Once
    :func:`main` has returned, its outputs are written and closed (every file is written
    in a ``with`` block; standard output and error are flushed at exit, and ``atexit``
    handlers run, as before), so the objects are moved out of the collector's reach
    (``gc.freeze``) and left to the operating system, as ``os._exit`` would leave them."""
    import gc

    _, older, oldest = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, older, oldest)
    code = main()
    gc.freeze()
    raise SystemExit(code)


if __name__ == "__main__":  # pragma: no cover
    entry_point()
