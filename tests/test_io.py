"""Encoding detection (CONTRACT.md, "Reading files"): every encoding gives the same records."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import citenorm
from citenorm.errors import DecodeError, InputError
from citenorm.io import decode, read_text
from citenorm.output.json import document_json
from conftest import SEED

TEXT = SEED.read_text(encoding="utf-8")


def _records(text: str) -> dict[str, object]:
    out = document_json(citenorm.extract(text))
    out.pop("source")
    return out


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
)
def test_unicode_encodings_give_identical_records(data: bytes, name: str) -> None:
    text, enc = decode(data)
    assert enc == name
    assert _records(text) == _records(TEXT)


def _repertoire(text: str, codec: str) -> str:
    """The text restricted to what the code page holds (digits made ASCII: neither holds
    Arabic-Indic digits)."""
    text = citenorm.text.normalize.to_western_digits(text)
    return text.encode(codec, "ignore").decode(codec)


@pytest.mark.parametrize("codec", ["cp1256", "iso8859-6"])
def test_legacy_code_pages_give_the_same_records(codec: str) -> None:
    plain = _repertoire(TEXT, codec)
    text, enc = decode(plain.encode(codec))
    assert enc == codec
    assert _records(text) == _records(plain)


def test_encoding_override() -> None:
    data = "المصادر".encode("cp1256")
    assert decode(data, encoding="cp1256")[0] == "المصادر"
    with pytest.raises(DecodeError):
        decode(b"\xff\xfe\xfd", encoding="ascii")


def test_undecodable_and_binary_inputs() -> None:
    with pytest.raises(DecodeError):
        decode(bytes(range(0x80, 0xA0)) * 8)
    with pytest.raises(InputError):
        decode(b"abc\x00\x00\x00\x01\x02" * 50 + b"\xff")


def test_read_text_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty"):
        read_text(empty)
    err = InputError("x", path="p")
    assert isinstance(err, OSError)
    assert str(err) == "p: x"


def test_line_numbers_count_newlines_only() -> None:
    """Form feeds and U+2028 do not start lines; CR LF counts once."""
    text = "مقدمة\f نص\u2028 آخر\r\nالمصادر\r\n1. باكير، علي حسين، العلاقات، مجلة الدفاع، العدد ٥٦، (لبنان، ٢٠٠٦).\n"
    doc = citenorm.extract(text)
    assert doc.sections[0].line == 2
    assert doc.entries[0].line == 3
