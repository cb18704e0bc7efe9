"""Co-authors' names in an author statement (extraction/names.py), on invented text."""

from __future__ import annotations

import pytest

from citenorm.extraction.names import parse_names


def _names(text: str, *, inverted: bool = False) -> list[tuple[str | None, str | None]]:
    return [(n.family, n.given) for n in parse_names(text, inverted_first=inverted)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the "و" joined to a compound name's head: a second person
        (
            "سالم الملاح وعبد الكريم بن عبد الساحلي",
            [("الملاح", "سالم"), ("الساحلي", "عبد الكريم بن عبد")],
        ),
        ("أبو سعيد بن موج وأبو بكر بن رمل", [("بن موج", "أبو سعيد"), ("بن رمل", "أبو بكر")]),
        # joined to an initial: one word of the first name is enough
        ("مرجان وب. ك. الساحلي", [("مرجان", None), ("الساحلي", "ب. ك.")]),
    ],
)
def test_a_second_author_after_an_attached_waw_is_split_off(
    text: str, names: list[tuple[str | None, str | None]]
) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # one name: no "و" before a compound head or an initial
        ("أبو بكر بن عبد الملاح", [("الملاح", "أبو بكر بن عبد")]),
        # a given name that opens with "و" is no separator
        ("وليد سالم الملاح", [("الملاح", "وليد سالم")]),
        # the compound head last: nothing after it to name a person
        ("سالم الملاح وعبد", [("وعبد", "سالم الملاح")]),
    ],
)
def test_one_name_is_not_split_at_a_waw_word(
    text: str, names: list[tuple[str | None, str | None]]
) -> None:
    assert _names(text) == names
