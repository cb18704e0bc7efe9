"""Bytes -> text with the encoding detection of CONTRACT.md ("Reading files").

Order: a BOM wins; then strict UTF-8; then UTF-16 without BOM (NUL-byte pattern); then
Windows-1256 or ISO-8859-6, whichever gives plausible Arabic text (share of Arabic
letters, no C1 controls); otherwise :class:`~citenorm.errors.DecodeError`.
"""

from __future__ import annotations

import codecs
import os
import re
import sys

from citenorm.errors import DecodeError, InputError

__all__ = ["decode", "read_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ARABIC = re.compile("[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
_C1 = re.compile("[\x80-\x9f]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _plausible(text: str) -> float:
    """Share of Arabic letters among letters; -1 when the text holds C1/C0 controls."""
    if _C1.search(text) or _CONTROL.search(text):
        return -1.0
    letters = len(_LETTER.findall(text))
    if not letters:
        return 0.0
    return len(_ARABIC.findall(text)) / letters


# high bytes of UTF-16 code units in Arabic and Latin text: ASCII, Latin-1 and Latin
# Extended, Arabic (and its supplements and presentation forms), general punctuation
_UTF16_HIGH = frozenset(
    {0x00, 0x01, 0x02, 0x03, 0x06, 0x07, 0x08, 0x1E, 0x20, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF}
)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with no byte-order mark: one byte of every pair (the high byte) takes very
    few values (0x00 for ASCII, 0x06 for Arabic...), and the text decodes cleanly.

    Arabic UTF-16 has few NUL bytes (its letters are 0x06xx), and may even be valid
    UTF-8 (all its bytes can be below 0x80), so this is tried before UTF-8."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    for name, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if sum(1 for b in high if b in _UTF16_HIGH) < 0.97 * len(high):
            continue
        # the low bytes must vary, or this is just ASCII/Latin text with a pattern
        if len(set(sample[0::2] if name == "utf-16-le" else sample[1::2])) < 8:
            continue
        if not any(b in (0x00, 0x06) for b in high):
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text) is None and "\x00" not in text and _plausible(text) >= 0.0:
            return text, name
    return None


def decode(data: bytes, *, encoding: str | None = None, path: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding_name)``.

    ``encoding`` overrides detection. Raises :class:`DecodeError` when nothing gives
    plausible text and :class:`InputError` for binary data.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise DecodeError(f"cannot decode as {encoding}: {exc}", path=path) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"invalid {name} after its byte-order mark: {exc}", path=path
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:
            raise InputError("binary file (NUL bytes), not text", path=path)
        return text, "utf-8"
    sample = data[:4096]
    if b"\x00" in sample:
        raise InputError("binary file (NUL bytes), not text", path=path)
    best: tuple[float, str, str] | None = None
    for name in ("cp1256", "iso8859-6"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _plausible(text)
        if score >= 0.3 and (best is None or score > best[0]):
            best = (score, text, name)
    if best is None:
        raise DecodeError(
            "not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 text (use --encoding)", path=path
        )
    return best[1], best[2]


def read_text(path: str | os.PathLike[str], *, encoding: str | None = None) -> tuple[str, str]:
    """Read a text file (``-`` for stdin); return ``(text, encoding_name)``."""
    name = os.fspath(path)
    if name == "-":
        data = sys.stdin.buffer.read()
        if not data.strip():
            raise InputError("empty input", path="<stdin>")
        return decode(data, encoding=encoding, path="<stdin>")
    if os.path.isdir(name):
        raise InputError("is a directory, not a file", path=name)
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError("no such file", path=name) from None
    except PermissionError:
        raise InputError("permission denied", path=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=name) from None
    if not data.strip():
        raise InputError("empty file", path=name)
    return decode(data, encoding=encoding, path=name)
