"""Repairs of values that run past their end (reference/tails.py), on invented text."""

from __future__ import annotations

import pytest

from citenorm.extraction.reference.tails import date_tail
from citenorm.extraction.reference.tokens import tokenize
from citenorm.extraction.reference.values import build_fields


def _fields(chunks: list[tuple[str, str]]) -> dict[str, object]:
    """The fields built from hand-labelled chunks (no model)."""
    text, labels = "", []
    bounds = []
    for label, part in chunks:
        bounds.append((len(text), len(text) + len(part), label))
        text += part
    toks = tokenize(text)
    for t in toks:
        labels.append(next(lab for a, b, lab in bounds if a <= t.start < b))
    return build_fields(text, toks, labels).to_json()


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("دار الملح، 1402 هجرى قمرى", "دار الملح"),
        ("منشورات البحر، 1371 هجرى شمسى", "منشورات البحر"),
        ("طنجة 1409ق", "طنجة"),
        ("Harbour Press, 1322 A.H.", "Harbour Press"),
        ("Stone & Hill, 1990", "Stone & Hill"),
        # not a year, or words that are no era: the value stays whole
        ("Studio 54", "Studio 54"),
        ("Salt Press, 1990 reprint", "Salt Press, 1990 reprint"),
        ("1990", "1990"),
    ],
)
def test_a_date_after_a_publisher_or_a_place_is_not_part_of_it(value: str, kept: str) -> None:
    assert date_tail(value) == kept


def test_a_publisher_span_run_into_a_hijri_date_keeps_the_year_as_the_date() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "كتاب الموج، "),
            ("place", "طنجة، "),
            ("publisher", "دار الملح، 1402 هجرى قمرى"),
        ]
    )
    assert f["publisher"] == "دار الملح"
    assert f["publisher-place"] == "طنجة"
    assert f["hijri"] == 1402
