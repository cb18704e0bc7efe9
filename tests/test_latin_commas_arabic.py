"""An Arabic reference typed with Latin commas and semicolons (an Arabic keyboard's Latin
layout, many web pages) is segmented as the same reference with Arabic ones, and each
value is still a piece of the text as printed (its Latin commas kept)."""

from __future__ import annotations

from citenorm.extraction.reference import parse_all, parse_reference

ARABIC = (
    "الحداد، سمير خليل: رسائل في فن الخط، ضمن أعمال ندوة الخط العربي، "
    "دار الأفق للنشر، الجزء الثاني، عمان، 1992م."
)
# a body of two comma parts as the author and as the publisher
BODY = "كلية الفنون، جامعة الواحة: دليل الخطاطين، كلية الفنون، جامعة الواحة، الرمادي، 1988م."


def _plain(value: object) -> object:
    return value.replace("،", ",") if isinstance(value, str) else value


def test_latin_commas_in_an_arabic_reference_read_as_arabic_ones() -> None:
    given = parse_reference(ARABIC)
    typed = parse_reference(ARABIC.replace("،", ","))
    assert given.volume  # (the invented entry has every field the test compares)
    for field in ("author", "title", "volume", "publisher", "publisher_place", "issued"):
        assert getattr(typed, field) == getattr(given, field), field


def test_values_keep_the_latin_commas_printed() -> None:
    given = parse_reference(BODY)
    text = BODY.replace("،", ",")
    typed = parse_reference(text)
    assert given.publisher is not None and "،" in given.publisher
    for field in ("title", "publisher", "publisher_place"):
        value = getattr(typed, field)
        assert value == _plain(getattr(given, field)), field
        assert value is None or ("،" not in value and value in text), field


def test_a_mixed_text_gives_each_value_as_printed() -> None:
    # an Arabic comma in one place, a Latin one in another: each value as printed
    text = "كلية الفنون، جامعة الواحة: دليل الخطاطين, كلية الفنون, جامعة الواحة، الرمادي، 1988م."
    fields = parse_reference(text)
    for value in (fields.title, fields.publisher, fields.publisher_place):
        assert value is None or value in text


def test_parsed_in_a_batch_as_one_by_one() -> None:
    texts = [BODY.replace("،", ","), ARABIC.replace("،", ","), ARABIC]
    assert list(parse_all(texts)) == [parse_reference(t) for t in texts]


def test_latin_commas_between_latin_words_stay() -> None:
    text = "Hadad, Samir: Letters on Calligraphy, Ufuq Press, Amman, 1992."
    fields = parse_reference(text)
    assert fields.title is not None and "،" not in fields.title
    assert fields.publisher is not None and "،" not in fields.publisher
