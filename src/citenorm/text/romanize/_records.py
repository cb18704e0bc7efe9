"""The romanizer's records: a romanized string with its words, and a proposed entry."""

# (no "from __future__ import annotations": pydantic reads the annotations as types)

from typing import Literal

from pydantic import Field

from citenorm.models import Fields, _Record

__all__ = ["Proposal", "Romanization", "RomanizedField", "RomanizedWord", "Style"]

Style = Literal["alalc", "popular"]
WordSource = Literal["table", "camel", "clitics", "characters", "fixed", "article", "lexicon"]


class RomanizedWord(_Record):
    """One word (or sign) of the input and its romanization.

    ``source``: ``table`` (the word table learned from catalogue records), ``camel`` (the
    CAMeL table), ``clitics`` (a known stem behind و ب ل ك ف ال), ``characters`` (the
    character model: a word no table knows), ``article`` (the spelling the article's own
    list uses), ``lexicon`` (a place's English name), ``fixed`` (punctuation, digits,
    Latin words). ``confidence`` (0-1) is the model's probability that the word is right;
    ``alternatives`` the runners-up (ALA-LC).
    """

    arabic: str
    latin: str
    confidence: float
    source: WordSource
    alternatives: list[str] = Field(default_factory=list)


class Romanization(_Record):
    """An Arabic string and its romanization, word by word."""

    arabic: str
    latin: str
    style: Style
    confidence: float  # the lowest confidence of its words (1.0 when it has none)
    words: list[RomanizedWord]
    review: Literal[True] = True  # a proposal: never publish it unread

    def __str__(self) -> str:
        return self.latin


class RomanizedField(_Record):
    """One romanized field of a proposal: ``field`` is a CSL variable, or
    ``author[0]`` for the first author."""

    field: str
    arabic: str
    latin: str
    confidence: float
    words: list[RomanizedWord]


class Proposal(_Record):
    """A proposed romanized entry for an Arabic entry that has none.

    ``fields`` are the Arabic entry's fields with names, titles, place and publisher
    romanized (a drop-in :class:`~citenorm.models.Fields` for exports); ``parts`` hold
    every romanized field word by word with its confidence; ``text`` is a plain
    ``Family, Given. Title. Place: Publisher, Year.`` rendering.
    """

    entry: str  # the Arabic entry's id
    line: int
    arabic: str  # the Arabic entry's text
    style: Style
    text: str
    fields: Fields
    parts: list[RomanizedField]
    confidence: float  # the lowest confidence of its fields
    review: Literal[True] = True
