"""A title span that runs on into the series the work belongs to
(reference/titles.py), on invented text."""

from __future__ import annotations

import pytest

from citenorm.extraction.reference.titles import series_tail
from citenorm.extraction.reference.tokens import tokenize
from citenorm.extraction.reference.values import build_fields


def _fields(chunks: list[tuple[str, str]]) -> dict[str, object]:
    """The fields built from hand-labelled chunks (no model)."""
    text, labels, bounds = "", [], []
    for label, part in chunks:
        bounds.append((len(text), len(text) + len(part), label))
        text += part
    toks = tokenize(text)
    for t in toks:
        labels.append(next(lab for a, b, lab in bounds if a <= t.start < b))
    return build_fields(text, toks, labels).to_json()


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("كتاب الموج، سلسلة دراسات بحرية", "كتاب الموج"),
        ("كتاب الموج، دفاتر بحرية (12)", "كتاب الموج"),
        ("Salt and Tides, A Harbour Book", "Salt and Tides"),
        ("Salt and Tides, Series in Marine Studies", "Salt and Tides"),
        ("أسرار الموج: السلسلة الشهرية للبحارة", "أسرار الموج"),
        # a title's own parts: a series word in lower case, a number in brackets before the
        # last part, a bracketed number alone, a book's name that is no series
        ("Salt, a series of essays", "Salt, a series of essays"),
        ("Tides (2), and Salt", "Tides (2), and Salt"),
        ("كتاب الموج، (12)", "كتاب الموج، (12)"),
        ("Salt and Tides, The Harbour Book", "Salt and Tides, The Harbour Book"),
        ("Salt: Series of Tides", "Salt: Series of Tides"),
    ],
)
def test_a_title_ends_before_the_series_it_runs_on_into(title: str, kept: str) -> None:
    assert series_tail(title) == kept


def test_the_series_is_cut_from_a_title_span_and_from_a_lone_container() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "كتاب الموج، دفاتر بحرية (5)، "),
            ("publisher", "دار البحر، "),
            ("date", "1998."),
        ]
    )
    assert f["title"] == "كتاب الموج"
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("container", "كتاب الموج، دفاتر بحرية (5)، "),
            ("publisher", "دار البحر، "),
            ("date", "1998."),
        ]
    )
    assert (f["title"], f.get("container-title")) == ("كتاب الموج", None)
