"""A translator's or an editor's statement that the labeler ran on into the publisher's
name after it (``tr. Juan Roca, Editorial Mar, Cádiz``): the comma part that opens with
a publisher's word is the publisher."""

from __future__ import annotations

from conftest import labelled_fields as _fields


def test_a_publisher_after_the_translator() -> None:
    f = _fields(
        [
            ("title", "Las Noches del Mar, "),
            ("editor", "tr. Juan Roca, Editorial "),
            ("place", "Mar, Cádiz, "),
            ("date", "1999."),
        ]
    )
    assert f["publisher"] == "Editorial Mar"
    assert f["publisher-place"] == "Cádiz"


def test_an_arabic_publisher_after_the_translator() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "رحلة الموج، "),
            ("editor", "ترجمة سعيد الرمل، دار الموج، "),
            ("place", "بيروت، "),
            ("date", "1999م."),
        ]
    )
    assert f["publisher"] == "دار الموج"


def test_a_second_translator_stays_a_name() -> None:
    f = _fields(
        [
            ("title", "Las Noches del Mar, "),
            ("editor", "tr. Juan Roca, Pedro Sal, "),
            ("publisher", "Quay Books, "),
            ("date", "1999."),
        ]
    )
    assert f["publisher"] == "Quay Books"
