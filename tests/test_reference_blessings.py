"""Shia and Persian imprints: a blessing's abbreviation after a holy name (``مؤسسة آل
البحر (ع)``) is part of the name, never the issue's cue ``ع``; and the imprint printed
place, publisher, year (``قم، دار الموج، 1405``) with the publisher read as a series."""

from __future__ import annotations

from conftest import labelled_fields as _fields


def test_a_blessing_read_as_an_issue_stays_with_the_publisher() -> None:
    f = _fields(
        [
            ("author", "الموجي، سالم، "),
            ("title", "الأمالي، "),
            ("place", "قم، "),
            ("publisher", "مؤسسة آل البحر "),
            ("issue", "(ع)، "),
            ("date", "1414 هجري قمري"),
        ]
    )
    assert f["publisher"] == "مؤسسة آل البحر (ع)"
    assert "issue" not in f


def test_an_issue_with_its_number_stays_an_issue() -> None:
    f = _fields(
        [
            ("title", "رحلة الموج، "),
            ("container", "مجلة البحر، "),
            ("issue", "ع 12، "),
            ("date", "1990."),
        ]
    )
    assert f["issue"] == "12"


def test_a_publisher_between_place_and_year_read_as_a_series() -> None:
    f = _fields(
        [
            ("author", "الموجي، سالم، "),
            ("title", "الأمالي، "),
            ("place", "قم، "),
            ("collection", "دار الموج، "),
            ("date", "1405 هجري قمري"),
        ]
    )
    assert f["publisher"] == "دار الموج"
    assert f["publisher-place"] == "قم"


def test_a_series_with_its_cue_stays_a_series() -> None:
    f = _fields(
        [
            ("title", "الأمالي، "),
            ("place", "قم، "),
            ("collection", "سلسلة الموج، "),
            ("date", "1990."),
        ]
    )
    assert "publisher" not in f
