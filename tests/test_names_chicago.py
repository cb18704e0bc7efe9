"""Chicago's list of authors: the first inverted (``Family, Given``), the others in
reading order after commas and ``and`` (``Harbour, Samuel T., Mary Stone, and Peter
Marsh``)."""

from __future__ import annotations

import pytest

from citenorm.extraction.names import parse_names


def _pairs(text: str) -> list[tuple[str | None, str | None]]:
    return [(n.family, n.given) for n in parse_names(text, inverted_first=True)]


@pytest.mark.parametrize(
    "text",
    [
        "Harbour, Samuel T., Mary Stone and Peter Q. Marsh",
        "Harbour, Samuel T., Mary Stone, and Peter Q. Marsh",
    ],
)
def test_names_after_the_inverted_first_are_each_an_author(text: str) -> None:
    names = _pairs(text)
    assert len(names) == 3
    assert names[0][0] == "Harbour" and names[0][1] is not None
    assert names[0][1].rstrip(".") == "Samuel T"
    assert names[1] == ("Stone", "Mary")
    assert names[2][0] == "Marsh"


def test_four_authors() -> None:
    names = _pairs("Harbour, Samuel, Mary Stone, Peter Marsh and John Quay")
    assert [f for f, _ in names] == ["Harbour", "Stone", "Marsh", "Quay"]


@pytest.mark.parametrize(
    ("text", "family", "given"),
    [
        ("Smith, John, Jr.", "Smith", "John, Jr"),  # a suffix is no author
        ("العتيبي، محمد، سالم", "العتيبي", "محمد، سالم"),  # Arabic given names stay
    ],
)
def test_a_part_that_is_no_name_stays_with_the_given_names(
    text: str, family: str, given: str
) -> None:
    assert _pairs(text)[0] == (family, given)


def test_inverted_pairs_still_read() -> None:
    assert _pairs("Smith, J., and Jones, K.") == [("Smith", "J."), ("Jones", "K")]


def test_without_a_closing_and_the_comma_parts_stay_one_name() -> None:
    # "Family, Kunya, Nisba": one author's name in several comma parts, no list
    assert len(_pairs("Ibn Salim, Abul Qasim Bahri, Yusuf Marjani")) == 1
