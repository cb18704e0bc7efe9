"""File loading: the only part of citenorm (with the CLI) that reads the file system."""

from __future__ import annotations

from citenorm.io.text import decode, read_text

__all__ = ["decode", "read_text"]
