"""Institutional and bibliographic terms: what marks a corporate name."""

from __future__ import annotations

__all__ = ["is_corporate"]


def is_corporate(name: str) -> bool:
    """True when a name holds a corporate word (unit, centre, ministry, university...)."""
    from citenorm.text.lexicon import has_corporate_word

    return has_corporate_word(name)
