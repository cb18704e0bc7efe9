"""ISBD's statement of responsibility after a title's slash (``Titre/recueillis par X``,
``Title / edited by X``, ``العنوان / تأليف فلان``): the title ends before the slash."""

from __future__ import annotations

import pytest

from citenorm.extraction.reference import parse_reference
from citenorm.extraction.reference.repairs import statement_tail


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Les routes du sel/recueillis par ordre du roi", "Les routes du sel"),
        ("Les routes du sel / par Jean Roc", "Les routes du sel"),
        ("Salt roads / compiled and edited by John Roe", "Salt roads"),
        ("رحلة الموج / تأليف سالم الملاح", "رحلة الموج"),
    ],
)
def test_the_title_ends_at_the_slash_before_a_statement(title: str, expected: str) -> None:
    assert statement_tail(title) == expected


@pytest.mark.parametrize(
    "title",
    ["Salt and/or Sand", "Tables 1/2 of the Harbour", "Sel / Sand: two words for one thing"],
)
def test_other_slashes_stay(title: str) -> None:
    assert statement_tail(title) == title


def test_a_catalogued_title_in_a_list() -> None:
    text = (
        "Traités de la mer et des ports/recueillis par ordre du roi et publiés avec "
        "une introduction, Paris, H. Roc, 1866."
    )
    assert parse_reference(text).title == "Traités de la mer et des ports"
