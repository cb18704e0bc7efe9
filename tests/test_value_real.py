"""Value rules found on real articles (reference/values.py, numbers.py, imprint.py),
on invented text and hand-labelled spans (no model)."""

from __future__ import annotations

from conftest import labelled_fields as _fields


def _year(fields: dict[str, object]) -> object:
    issued = fields.get("issued")
    assert isinstance(issued, dict)
    return issued.get("date-parts")


def test_a_bracketed_year_beside_the_title_gives_way_to_the_imprints_year() -> None:
    # the first printing's year after the title; the edition cited is the imprint's
    fields = _fields(
        [
            ("author", "سالم البحري: "),
            ("title", "أخبار الموج "),
            ("date", "(1938)، "),
            ("publisher", "دار الساحل، "),
            ("place", "القاهرة، "),
            ("date", "1993."),
        ]
    )
    assert _year(fields) == [[1993]]
    # a reprint's source named in the edition statement, its year in brackets
    fields = _fields(
        [
            ("title", "أخبار الموج، "),
            ("edition", "طبعة مصورة عن طبعة ليدن ("),
            ("date", "1850م) "),
            ("edition", "الطبعة الثانية، "),
            ("publisher", "مطبعة الساحل، "),
            ("date", "2003م."),
        ]
    )
    assert _year(fields) == [[2003]]


def test_a_bracketed_year_keeps_its_place_after_the_names_or_with_no_imprint() -> None:
    # APA: the year after the names is the date, whatever a reprint line says
    fields = _fields(
        [
            ("author", "Roe, J. "),
            ("date", "(1990). "),
            ("title", "Tides of the marsh. "),
            ("place", "London: "),
            ("publisher", "Saltmarsh, "),
            ("date", "2001."),
        ]
    )
    assert _year(fields) == [[1990]]
    # no publisher or place between the two years: the first one stays
    fields = _fields(
        [
            ("title", "Tides of the marsh "),
            ("date", "(1938), "),
            ("note", "reviewed "),
            ("date", "1993."),
        ]
    )
    assert _year(fields) == [[1938]]
