"""Bytes -> text with the encoding detection of CONTRACT.md ("Reading files").

Order: a BOM wins; then UTF-16 without BOM (NUL-byte pattern: Arabic UTF-16 may pass for
ASCII); then strict UTF-8; then UTF-8 with a few invalid bytes (at most one invalid
sequence per 1,000 bytes, one in any shorter file, and at most 100), each replaced by
U+FFFD with a warning naming its line and byte offset; then Windows-1256 or ISO-8859-6,
whichever gives plausible Arabic text (share of Arabic letters, no C1 controls);
otherwise :class:`~citenorm.errors.DecodeError`. A text whose only line ends are lone CR
(old Mac files) gets LF line ends, so that ``line`` counts them.

Every input is read exactly once (:func:`read_bytes`: a pipe, ``/dev/stdin`` or a process
substitution has no second reading), and never beyond ``max_bytes`` (``--max-bytes``,
default :data:`MAX_BYTES`): a FIFO or ``/dev/zero`` that does not end is cut there, with
an :class:`~citenorm.errors.InputError`.
"""

from __future__ import annotations

import codecs
import os
import sys
import warnings
from typing import BinaryIO

from citenorm._plain import Frozen
from citenorm.errors import CitenormWarning, DecodeError, InputError
from citenorm.text import _rx

__all__ = ["MAX_BYTES", "Decoded", "decode", "decode_text", "read_bytes", "read_text"]

#: the most bytes citenorm reads from one input (``--max-bytes``): 64 MiB
MAX_BYTES = 64 << 20
#: invalid UTF-8 sequences tolerated: one per this many bytes (one in a shorter file)...
_BAD_UTF8_PER = 1_000
#: ... and this many at most
_BAD_UTF8_MAX = 100
_READ_CHUNK = 1 << 20

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ARABIC = _rx.compile("[\u0621-\u064a]")
_LETTER = _rx.compile(r"[^\W\d_]")
_C1 = _rx.compile("[\x80-\x9f]")
_CONTROL = _rx.compile("[\x00-\x08\x0e-\x1f\x7f]")


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


class Decoded(Frozen):
    """A decoded input: its ``text``, the ``encoding`` that gave it, and ``warnings``
    (one line each, without the file's name: invalid UTF-8 sequences replaced, with
    their line and byte offset). (A plain immutable record, as the frozen dataclass it
    was.)"""

    __slots__ = ("encoding", "text", "warnings")

    text: str
    encoding: str
    warnings: list[str]

    def __init__(self, text: str, encoding: str, warnings: list[str] | None = None) -> None:
        _set = object.__setattr__
        _set(self, "text", text)
        _set(self, "encoding", encoding)
        _set(self, "warnings", [] if warnings is None else warnings)


def _line_ends(text: str) -> str:
    """Lone CR line ends (no LF anywhere) as LF: old Mac files count their lines."""
    if "\r" in text and "\n" not in text:
        return text.replace("\r", "\n")
    return text


def _lenient_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid sequences, each replaced by U+FFFD (as
    ``data.decode("utf-8", "replace")`` does) with a warning; ``None`` when there are
    more than the contract allows. Linear: each pass decodes from the last error on."""
    limit = min(_BAD_UTF8_MAX, max(1, len(data) // _BAD_UTF8_PER))
    view = memoryview(data)
    parts: list[str] = []
    bad: list[tuple[int, int]] = []
    pos = 0
    while True:
        try:
            parts.append(codecs.utf_8_decode(view[pos:], "strict", True)[0])
            break
        except UnicodeDecodeError as exc:
            if len(bad) == limit:
                return None
            start, end = pos + exc.start, pos + exc.end
            parts.append(codecs.utf_8_decode(view[pos:start], "strict", True)[0])
            parts.append("\ufffd")
            bad.append((start, end))
            pos = end
    text = "".join(parts)
    # line numbers as the records count them: LF, or CR in a file without LF
    eol = b"\n" if b"\n" in data or b"\r" not in data else b"\r"
    notes = []
    line, counted = 1, 0
    for start, end in bad:
        line += data.count(eol, counted, start)
        counted = start
        shown = " ".join(f"0x{b:02X}" for b in data[start:end])
        notes.append(
            f"line {line}, byte offset {start}: invalid UTF-8 ({shown}) replaced by U+FFFD"
        )
    return Decoded(_line_ends(text), "utf-8", notes)


def decode_text(data: bytes, *, encoding: str | None = None, path: str | None = None) -> Decoded:
    """Decode ``data`` (see the module's docstring for the order); return the text, the
    encoding and the warnings. ``encoding`` overrides detection. Raises
    :class:`DecodeError` when nothing gives plausible text and :class:`InputError` for
    binary data."""
    if encoding:
        try:
            return Decoded(_line_ends(data.decode(encoding)), encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise DecodeError(f"cannot decode as {encoding}: {exc}", path=path) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_line_ends(data[len(bom) :].decode(name)), name)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"invalid {name} after its byte-order mark: {exc}", path=path
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(_line_ends(utf16[0]), utf16[1])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:
            raise InputError("binary file (NUL bytes), not text", path=path)
        return Decoded(_line_ends(text), "utf-8")
    sample = data[:4096]
    if b"\x00" in sample:
        raise InputError("binary file (NUL bytes), not text", path=path)
    lenient = _lenient_utf8(data)
    if lenient is not None:
        if "\x00" in lenient.text:
            raise InputError("binary file (NUL bytes), not text", path=path)
        return lenient
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
    return Decoded(_line_ends(best[1]), best[2])


def decode(data: bytes, *, encoding: str | None = None, path: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding_name)``.

    ``encoding`` overrides detection. Raises :class:`DecodeError` when nothing gives
    plausible text and :class:`InputError` for binary data. Invalid UTF-8 sequences that
    were replaced are reported as :class:`~citenorm.errors.CitenormWarning`
    (:func:`decode_text` returns them instead).
    """
    out = decode_text(data, encoding=encoding, path=path)
    for note in out.warnings:
        warnings.warn(f"{path}: {note}" if path else note, CitenormWarning, stacklevel=2)
    return out.text, out.encoding


def read_bytes(source: str | os.PathLike[str] | BinaryIO, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file (``-`` for stdin, or an open binary stream), read once.

    Pipes, ``/dev/stdin`` and process substitutions can be read only once, so nothing
    reads an input twice. At most ``max_bytes`` are read: a larger input, or one that
    does not end (a FIFO whose writer never closes, ``/dev/zero``), raises
    :class:`InputError` without reading further. Raises :class:`InputError` for a
    missing, unreadable or empty input and for a directory.
    """
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        if name == "-":
            return read_bytes(sys.stdin.buffer, max_bytes=max_bytes)
        if os.path.isdir(name):
            raise InputError("is a directory, not a file", path=name)
        try:
            with open(name, "rb", buffering=0) as fh:
                return _read_capped(fh, max_bytes, name)
        except InputError:
            raise
        except FileNotFoundError:
            raise InputError("no such file", path=name) from None
        except PermissionError:
            raise InputError("permission denied", path=name) from None
        except IsADirectoryError:
            raise InputError("is a directory, not a file", path=name) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=name) from None
    return _read_capped(source, max_bytes, "<stdin>")


def _read_capped(fh: BinaryIO, max_bytes: int, name: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = fh.read(min(_READ_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise InputError(
            f"larger than {max_bytes:,} bytes (--max-bytes); not read further", path=name
        )
    data = b"".join(chunks)
    if not data.strip():
        raise InputError("empty input" if name == "<stdin>" else "empty file", path=name)
    return data


def read_text(
    path: str | os.PathLike[str], *, encoding: str | None = None, max_bytes: int = MAX_BYTES
) -> tuple[str, str]:
    """Read a text file (``-`` for stdin) once, at most ``max_bytes``; return
    ``(text, encoding_name)`` (see :func:`decode`)."""
    name = os.fspath(path)
    shown = "<stdin>" if name == "-" else name
    out = decode_text(read_bytes(name, max_bytes=max_bytes), encoding=encoding, path=shown)
    for note in out.warnings:
        warnings.warn(f"{shown}: {note}", CitenormWarning, stacklevel=2)
    return out.text, out.encoding
