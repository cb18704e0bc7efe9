"""Spans of labelled tokens, and a span's text tidied into a value."""

from __future__ import annotations

from collections.abc import Sequence

from citenorm.extraction.reference.tokens import Token

__all__ = ["STRIP", "spans", "tidy"]

STRIP = " \t،,.:;؛-–—*\"'«»“”/"
_OPENERS = "([{"
_CLOSERS = ")]}"
_ENDS_OPEN = frozenset("([«“<")  # the openers _balance reads at a value's start
_ENDS = frozenset("([«“<)]»”>")  # and the brackets it reads at its end


def spans(tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """Maximal runs of one label: ``(label, first token, last token + 1)``."""
    out: list[tuple[str, int, int]] = []
    if not labels:
        return out
    start = 0
    prev = labels[0]
    for i, label in enumerate(labels):
        if label != prev:
            out.append((prev, start, i))
            start = i
            prev = label
    out.append((prev, start, len(labels)))
    return out


def _balance(text: str) -> str:
    """Drop brackets left unpaired at either end by the trim."""
    if not text or (text[0] not in _ENDS_OPEN and text[-1] not in _ENDS):
        return text  # (no bracket at either end: nothing below applies)
    for o, c in (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"), ("<", ">")):
        while text.endswith(o):  # "Title (" before a bracketed imprint
            text = text[:-1].rstrip(STRIP)
        while text.endswith(c) and text.count(o) < text.count(c):
            text = text[:-1].rstrip(STRIP)
        while text.startswith(o) and text.count(o) > text.count(c):
            text = text[1:].lstrip(STRIP)
        if text.startswith(o) and text.endswith(c) and text.count(o) == 1 and text.count(c) == 1:
            text = text[1:-1].strip(STRIP)
    return text


def tidy(text: str) -> str:
    """A value as printed, without the separators and brackets around it."""
    text = " ".join(text.split()).strip(STRIP)
    return _balance(text)
