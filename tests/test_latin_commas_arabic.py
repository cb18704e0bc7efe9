"""An Arabic reference typed with Latin commas and semicolons (an Arabic keyboard's Latin
layout, many web pages) reads as the same reference with Arabic ones."""

from __future__ import annotations

from citenorm.extraction.reference import parse_reference

ARABIC = (
    "الحداد، سمير خليل: رسائل في فن الخط، ضمن أعمال ندوة الخط العربي، "
    "دار الأفق للنشر، الجزء الثاني، عمان، 1992م."
)


def test_latin_commas_in_an_arabic_reference_read_as_arabic_ones() -> None:
    given = parse_reference(ARABIC)
    typed = parse_reference(ARABIC.replace("،", ","))
    assert given.volume  # (the invented entry has every field the test compares)
    for field in ("author", "title", "volume", "publisher", "publisher_place", "issued"):
        assert getattr(typed, field) == getattr(given, field), field


def test_latin_commas_between_latin_words_stay() -> None:
    text = "Hadad, Samir: Letters on Calligraphy, Ufuq Press, Amman, 1992."
    fields = parse_reference(text)
    assert fields.title is not None and "،" not in fields.title
    assert fields.publisher is not None and "،" not in fields.publisher
