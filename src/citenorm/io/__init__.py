"""File loading: the only part of citenorm (with the CLI) that reads the file system."""

from __future__ import annotations

from citenorm.io.text import MAX_BYTES, Decoded, decode, decode_text, read_bytes, read_text

__all__ = ["MAX_BYTES", "Decoded", "decode", "decode_text", "read_bytes", "read_text"]
