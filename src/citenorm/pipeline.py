"""A file -> its :class:`~citenorm.models.Document`: the one way citenorm reads an article.

Every command (``extract``, ``match``, ``audit``, ``export``, ``report``, ``batch``) and
:func:`citenorm.extract_file` go through :func:`load_document`: :func:`citenorm.io.load.load`
reads the file (text in any supported encoding, ``.docx``, ``.pdf``),
:func:`citenorm.extract` finds the records, and :func:`~citenorm.io.load.with_locations`
adds the paragraph or page of each. Nothing here prints: what a reader should be told
(no bibliography found, ...) is in :attr:`Document.warnings <citenorm.models.Document.warnings>`.
"""

from __future__ import annotations

import os

from citenorm.extraction import extract
from citenorm.io.load import load, with_locations
from citenorm.io.text import MAX_BYTES
from citenorm.models import Document
from citenorm.progress import Progress

__all__ = ["STDIN", "load_document"]

STDIN = "<stdin>"
"""The ``source`` of a document read from standard input (path ``-``)."""


def load_document(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    progress: Progress | None = None,
) -> Document:
    """Read the article at ``path`` and extract its records.

    ``path`` is a text file (``.txt``, ``.md``: encoding detected as CONTRACT.md says,
    unless ``encoding`` names one), a ``.docx``, a ``.pdf`` (the ``citenorm[pdf]`` extra)
    or ``-`` for standard input, read once and at most ``max_bytes`` (default 64 MiB).
    The document's ``source`` is ``path`` as given (``<stdin>`` for ``-``); its
    ``warnings`` say what a reader should know (reading's first: invalid UTF-8 bytes
    replaced, with their line and byte offset). ``progress(stage, done, total)`` is told
    how the ``read`` (PDF pages) and ``extract`` stages advance (:mod:`citenorm.progress`).

    Raises :class:`~citenorm.errors.InputError` (or its subclass
    :class:`~citenorm.errors.DecodeError`) with a one-line message for a file that
    cannot be used: missing, a directory, unreadable, empty, binary, undecodable.
    """
    name = os.fspath(path)
    loaded = load(name, encoding=encoding, max_bytes=max_bytes, progress=progress)
    source = STDIN if name == "-" else name
    doc = with_locations(extract(loaded.text, source=source, progress=progress), loaded)
    if loaded.warnings:
        doc = doc.model_copy(update={"warnings": [*loaded.warnings, *doc.warnings]})
    return doc
