"""The lexicon's data: the ``.tsv`` tables read (one format, :func:`parse_table`) and
folded into the look-up tables, and the build of ``data/folded.json``, which holds them
folded once, ahead of time.

Folding some 5,000 forms took most of a cold process's first extraction; the build
writes them folded, with a checksum of the ``.tsv`` files they came from, and the
lexicon uses the shipped file only while that checksum holds
(``python -m citenorm.text.lexicon --build`` writes it; a test holds it equal to a fresh
build).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from typing import Any

from citenorm._data import read_text
from citenorm.text.lexicon._fold import fold_key
from citenorm.text.normalize import fold_arabic, has_arabic

__all__ = [
    "FOLDED_FILE",
    "TABLES",
    "UNKNOWN_PLACE",
    "build_folded",
    "checksum",
    "parse_table",
    "read_table",
    "write_folded",
]


UNKNOWN_PLACE = "s.l."
"""Key that :func:`place_key` gives for sine-loco markers such as ``[S.l.]`` and ``د.م``."""

#: the tables of ``data/``: name -> columns
TABLES: dict[str, tuple[str, ...]] = {
    "places": ("key", "form"),
    "terms": ("key", "form"),
    "given-names": ("form",),
    "publisher-words": ("form",),
    "journal-words": ("form",),
    "corporate-words": ("form",),
    "site-words": ("form",),
    "sine-loco": ("form",),
    "sine-nomine": ("form",),
}


def _table_text(name: str) -> str:
    return read_text("citenorm.text.lexicon", "data", f"{name}.tsv")


def read_table(name: str) -> list[tuple[str, ...]]:
    """The rows of ``data/<name>.tsv`` (a name of :data:`TABLES`), read from the package."""
    return parse_table(_table_text(name), TABLES[name], name=f"{name}.tsv")


def parse_table(text: str, columns: tuple[str, ...], *, name: str) -> list[tuple[str, ...]]:
    """The rows of a table in the one format of the lexicon's data.

    UTF-8 text; lines opening with ``#`` are comments (what the table holds, its
    sources); the first other line names the columns, tab-separated (``form``, or
    ``key`` and ``form``); then one row a line, one form a row, cells separated by one
    tab and never empty. A ``key`` groups the forms of one place or concept and is
    itself a form. A malformed row raises ``ValueError`` naming the file and line.
    """
    rows: list[tuple[str, ...]] = []
    header: tuple[str, ...] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        cells = tuple(line.split("\t"))
        if header is None:
            header = cells
            if header != columns:
                raise ValueError(f"{name}:{number}: columns {header}, expected {columns}")
            continue
        if len(cells) != len(columns) or not all(c and c == c.strip() for c in cells):
            raise ValueError(f"{name}:{number}: expected {len(columns)} non-empty cells")
        rows.append(cells)
    return rows


def _forms(name: str) -> list[str]:
    return [row[-1] for row in read_table(name)]


def _keyed(name: str) -> dict[str, tuple[str, ...]]:
    """Key -> (the key, its forms...), keys in the order of the file."""
    out: dict[str, tuple[str, ...]] = {}
    for key, form in read_table(name):
        out[key] = (*out.get(key, (key,)), form)
    return out


def _build_given_names() -> frozenset[str]:
    return frozenset(fold_arabic(n) for n in _forms("given-names"))


def _build_places(given_names: frozenset[str]) -> dict[str, str]:
    """Variants with their article, plus article-less forms (نجف, Najaf, بصرة) unless one of
    the place's article-less Arabic forms is a given name (الخليل/خليل, الرياض/رياض).
    Arabic variants that are themselves given names are left out."""
    out: dict[str, str] = {}
    bare: dict[str, str] = {}
    for key, variants in _keyed("places").items():
        names_clash = any(fold_key(v) in given_names for v in variants if has_arabic(v))
        for variant in variants:
            folded = fold_key(variant, articles=True)
            if has_arabic(variant) and folded in given_names:
                continue  # a bare given name (فارس، هالة) is not taken for a place
            if folded:
                out.setdefault(folded, key)
            if not names_clash and (stripped := fold_key(variant)):
                bare.setdefault(stripped, key)
    for stripped, key in bare.items():
        out.setdefault(stripped, key)
    for marker in _forms("sine-loco"):
        folded = fold_key(marker, articles=True)
        if folded:
            out.setdefault(folded, UNKNOWN_PLACE)
    return out


def _folded_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(f for f in (fold_key(w) for w in words) if f)


def _build_terms() -> dict[str, str]:
    out: dict[str, str] = {}
    for key, variants in _keyed("terms").items():
        for variant in variants:
            folded = fold_key(variant)
            if folded:
                out.setdefault(folded, key)
    return out


FOLDED_FILE = "folded.json"


def checksum() -> str:
    """CRC-32 of the ``.tsv`` files, by name (what ``folded.json`` was built from)."""
    crc = 0
    for name in TABLES:
        crc = zlib.crc32(f"{name}\n{_table_text(name)}\n".encode(), crc)
    return f"{crc:08x}"


def build_folded() -> dict[str, Any]:
    """The folded tables built from the ``.tsv`` files, as ``data/folded.json`` holds them:
    ``places`` and ``terms`` map a folded form to its key (in the order the build met
    them); the word lists are sorted lists of folded forms."""
    given = _build_given_names()
    return {
        "checksum": checksum(),
        "given-names": sorted(given),
        "places": _build_places(given),
        "publisher-words": sorted(_folded_set(_forms("publisher-words"))),
        "journal-words": sorted(_folded_set(_forms("journal-words"))),
        "corporate-words": sorted(_folded_set(_forms("corporate-words"))),
        "site-words": sorted(_folded_set(_forms("site-words"))),
        "sine-nomine": sorted(_folded_set(_forms("sine-nomine"))),
        "terms": _build_terms(),
    }


def write_folded() -> str:
    """Write ``data/folded.json`` beside this module (a source checkout); return its path."""
    from pathlib import Path

    path = Path(__file__).with_name("data") / FOLDED_FILE
    text = json.dumps(build_folded(), ensure_ascii=False, indent=0, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)
