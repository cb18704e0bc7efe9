"""A book cited with its volume before the imprint (``Title, vol. II, Publisher, Place,
Year``) that the labeler read as a journal's name: the name is the book's title."""

from __future__ import annotations

from citenorm.extraction.reference.tokens import tokenize
from citenorm.extraction.reference.values import build_fields


def _fields(parts: list[tuple[str, str]]) -> dict[str, object]:
    """The fields built from ``parts`` (label, text) labelled as given."""
    text = "".join(piece for _, piece in parts)
    labels: list[str] = []
    at = 0
    tokens = tokenize(text)
    for label, piece in parts:
        end = at + len(piece)
        labels.extend(label for t in tokens if at <= t.start < end)
        at = end
    return build_fields(text, tokens, labels).to_json()


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
