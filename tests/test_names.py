"""Co-authors' names: the separators real lists print between an inverted first name
and the names after it."""

from __future__ import annotations

import pytest

from citenorm.extraction.names import parse_names


def _pairs(text: str) -> list[tuple[str | None, str | None]]:
    return [(n.family, n.given) for n in parse_names(text, inverted_first=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second name inverted after an attached "و"
        ("الراشد، كريم وهاشمي، سعيد", [("الراشد", "كريم"), ("هاشمي", "سعيد")]),
        ("الراشد، ن. وبلقاسمي، ع", [("الراشد", "ن."), ("بلقاسمي", "ع")]),
        # a one-word given name, then a known given name after the "و"
        ("الراشد، كريم ونادية العمري", [("الراشد", "كريم"), ("العمري", "نادية")]),
        # the last of comma-separated pairs joined by an attached "و"
        ("الراشد، كريم، وبلقاسمي، سعيد", [("الراشد", "كريم"), ("بلقاسمي", "سعيد")]),
        # "&" printed without a space before it, and inverted names on both sides
        ("Doe, Jane& Roe, Alan", [("Doe", "Jane"), ("Roe", "Alan")]),
        ("Doe, Jane & Roe, Alan & Poe, Ed", [("Doe", "Jane"), ("Roe", "Alan"), ("Poe", "Ed")]),
    ],
)
def test_coauthors_after_an_inverted_first_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name that begins with "و" is not a separator
        ("الراشد، وليد", [("الراشد", "وليد")]),
        ("الراشد، محمد وليد", [("الراشد", "محمد وليد")]),
        ("الراشد، كريم، وهبة، سعيد", [("الراشد", "كريم"), ("وهبة", "سعيد")]),
        ("Smith, J., & Jones, K.", [("Smith", "J."), ("Jones", "K")]),
    ],
)
def test_one_name_is_not_split(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected
