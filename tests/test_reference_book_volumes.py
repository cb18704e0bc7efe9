"""A book cited with its volume before the imprint (``Title, vol. II, Publisher, Place,
Year``) that the labeler read as a journal's name: the name is the book's title."""

from __future__ import annotations

from conftest import labelled_fields as _fields


def test_a_book_in_volumes_read_as_a_container_keeps_its_title() -> None:
    f = _fields(
        [
            ("author", "Harbour, Samuel. "),
            ("container", "The Salt Roads of the North, "),
            ("volume", "vol. II, "),
            ("publisher", "Quay & Co., Ltd., "),
            ("place", "London, "),
            ("date", "1890."),
        ]
    )
    assert f["title"] == "The Salt Roads of the North"
    assert "container-title" not in f
    assert f["volume"] == "II"
    assert f["publisher-place"] == "London"
