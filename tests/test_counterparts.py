"""A web page listed in English takes its site's name from its Arabic citation
(extraction/counterparts.py), on invented articles."""

from __future__ import annotations

import citenorm

URL = "https://harbour.example/a7Kq"
NOTE = f"موقع أخبار الموانئ العربية ، عودة البحارة إلى الخليج بعد العاصفة، ٢٠٢٤ ، <{URL}>"


def _article(note: str, english: str) -> str:
    return (
        "عنوان المقال\n\n"
        "نص يذكر مصدرا على الشبكة (1).\n\n"
        f"(1) {note}\n\n"
        "المصادر\n\n"
        "1. حداد، سمير، مدن الموانئ، دار البحر، بيروت، 2010.\n\n"
        "References\n\n"
        "1. Haddad, Samir, Harbour towns, Dar al-Bahr, Beirut, 2010.\n"
        f"2. {english}\n"
    )


def _english_entry(doc: citenorm.Document) -> citenorm.Entry:
    return next(e for e in doc.entries if e.fields.URL and e.script == "latin")


def test_the_english_entry_is_cut_where_its_arabic_citation_names_the_site() -> None:
    # the translated site's name is long and has no "website" in it: alone, the
    # entry reads as one title
    english = (
        "The place of the news of the sea and its ports, sailors come back "
        f"to the bay after the storm, 2024, <{URL}> , 25/ 12/ 2024"
    )
    alone = citenorm.parse_reference(english)
    assert alone.container_title is None
    doc = citenorm.extract(_article(NOTE, english))
    e = _english_entry(doc)
    assert e.fields.container_title == "The place of the news of the sea and its ports"
    assert e.fields.title == "sailors come back to the bay after the storm"
    assert e.fields.URL == URL
    # the record keeps its printed text and line
    assert e.text == english


def test_no_cut_where_the_parts_do_not_correspond() -> None:
    # the English title has three comma parts, the Arabic citation two: no cut
    english = (
        "The place of the news of the sea, its ports and its boats, sailors come back "
        f"to the bay after the storm, 2024, <{URL}>"
    )
    assert citenorm.parse_reference(english).container_title is None
    doc = citenorm.extract(_article(NOTE, english))
    assert _english_entry(doc).fields.container_title is None


def test_no_cut_for_another_address() -> None:
    english = (
        "The place of the news of the sea and its ports, sailors come back "
        f"to the bay after the storm, 2024, <{URL}b>"
    )
    doc = citenorm.extract(_article(NOTE, english))
    assert _english_entry(doc).fields.container_title is None
