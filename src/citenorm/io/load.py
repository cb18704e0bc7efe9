"""One entry point for every input: text files, ``.docx`` and ``.pdf``.

:func:`load` turns a file into the plain text citenorm processes (line numbers in that
text are the contract's ``line``), and remembers where each line came from: the
paragraph of a ``.docx``, the page of a ``.pdf``. :func:`with_locations` copies those
onto the records of a document extracted from that text.
"""

from __future__ import annotations

import os
from typing import Any, Literal

from citenorm._plain import Frozen
from citenorm.errors import InputError
from citenorm.io.text import MAX_BYTES, decode_text, read_bytes
from citenorm.models import Document, Entries
from citenorm.progress import Progress

__all__ = ["SUFFIXES", "Kind", "Loaded", "load", "sniff", "with_locations"]

Kind = Literal["text", "docx", "pdf"]

_DOCX_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")

SUFFIXES: tuple[str, ...] = (".txt", ".md", ".docx", ".pdf")
"""The file name endings of articles: what ``citenorm batch`` picks up in a directory.

:func:`load` reads any file given to it by name, whatever its ending (``.pdf`` needs the
``citenorm[pdf]`` extra)."""
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 files and encrypted .docx


class Loaded(Frozen):
    """An input as citenorm reads it.

    ``text``: one line per paragraph (``.docx``) or printed line (``.pdf``); notes as
    Markdown definitions ``[^N]: text`` after the body. ``encoding``: the detected text
    encoding, or ``"docx"``/``"pdf"``. ``paragraphs``/``pages``: for each line of
    ``text`` (index ``line - 1``), its 1-based paragraph or page number, ``None`` for a
    line citenorm added; ``None`` when the input has no such notion. ``warnings``: what
    reading worked around (invalid UTF-8 replaced), one line each.
    """

    __slots__ = ("encoding", "kind", "pages", "paragraphs", "text", "warnings")

    text: str
    encoding: str
    kind: Kind
    paragraphs: list[int | None] | None
    pages: list[int | None] | None
    warnings: list[str]

    def __init__(
        self,
        text: str,
        encoding: str,
        kind: Kind,
        paragraphs: list[int | None] | None = None,
        pages: list[int | None] | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        _set = object.__setattr__
        _set(self, "text", text)
        _set(self, "encoding", encoding)
        _set(self, "kind", kind)
        _set(self, "paragraphs", paragraphs)
        _set(self, "pages", pages)
        _set(self, "warnings", [] if warnings is None else warnings)


def sniff(data: bytes, name: str = "") -> Kind:
    """What an input is, by its first bytes (and its name for a zip file)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") or name.lower().endswith(_DOCX_SUFFIXES):
        return "docx"
    return "text"


def load(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    progress: Progress | None = None,
) -> Loaded:
    """Read ``path`` (``-`` for stdin): a text file, a ``.docx`` or a ``.pdf``.

    The input is read exactly once, at most ``max_bytes`` (so a pipe, ``/dev/stdin`` or
    a process substitution loses nothing; see :func:`~citenorm.io.text.read_bytes`),
    then told apart by its first bytes. Text goes through
    :func:`~citenorm.io.text.decode_text` (its encoding detection; ``encoding``
    overrides it; its warnings land in ``Loaded.warnings``). A ``.pdf`` needs the
    ``pdf`` extra (``pip install "citenorm[pdf]"``); ``progress`` is told of its pages
    (the ``read`` stage of :mod:`citenorm.progress`). Raises
    :class:`~citenorm.errors.InputError` (one-line message) for an input that cannot be
    used.
    """
    name = os.fspath(path)
    shown = "<stdin>" if name == "-" else name
    data = read_bytes(name, max_bytes=max_bytes)
    if data.startswith(_OLE):
        raise InputError(
            "a Word 97-2003 (.doc) or password-protected file: save it as an unprotected .docx",
            path=shown,
        )
    kind = sniff(data, name)
    if kind == "docx":
        from citenorm.io.docx import read_docx

        if not data.startswith(b"PK"):
            raise InputError("not a .docx (not a zip file)", path=shown)
        doc = read_docx(data, path=shown, max_bytes=max_bytes)
        return Loaded(
            text=_join(doc.lines), encoding="docx", kind="docx", paragraphs=doc.paragraphs
        )
    if kind == "pdf":
        from citenorm.io.pdf import read_pdf

        pdf = read_pdf(data, path=shown, progress=progress)
        return Loaded(text=_join(pdf.lines), encoding="pdf", kind="pdf", pages=pdf.pages)
    if name.lower().endswith(".pdf"):
        raise InputError("not a PDF (no %PDF- header)", path=shown)
    decoded = decode_text(data, encoding=encoding, path=shown)
    return Loaded(
        text=decoded.text, encoding=decoded.encoding, kind="text", warnings=decoded.warnings
    )


def _join(lines: list[str]) -> str:
    return "\n".join(lines) + "\n" if lines else ""


def _at(table: list[int | None] | None, line: int | None) -> int | None:
    if table is None or line is None or not 1 <= line <= len(table):
        return None
    return table[line - 1]


def with_locations(doc: Document, loaded: Loaded) -> Document:
    """A copy of ``doc`` whose records carry ``paragraph``/``page`` for their ``line``
    (and which keeps the paragraph/page of every line, for the audit's findings).

    A footnote's paragraph is that of its marker in the body (``body_line``) when known:
    the note itself stands after the body, on a line citenorm added. For a text input,
    or while the records have no such fields, ``doc`` is returned unchanged.
    """
    if loaded.paragraphs is None and loaded.pages is None:
        return doc

    def locate(record: Any, line: int | None, body_line: int | None = None) -> Any:
        fields = type(record).model_fields
        update: dict[str, int | None] = {}
        if "paragraph" in fields:
            update["paragraph"] = _at(loaded.paragraphs, body_line) or _at(loaded.paragraphs, line)
        if "page" in fields:
            update["page"] = _at(loaded.pages, line)
        return record.model_copy(update=update) if update else record

    return doc.model_copy(
        update={
            "paragraphs": loaded.paragraphs,
            "pages": loaded.pages,
            "footnotes": [locate(f, f.line, f.body_line) for f in doc.footnotes],
            "in_text": [locate(c, c.line) for c in doc.in_text],
            "sections": [locate(s, s.line) for s in doc.sections],
            "entries": Entries((locate(e, e.line) for e in doc.entries), lines=doc.lines),
        }
    )
