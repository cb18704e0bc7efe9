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


def test_an_arabic_note_after_a_latin_reference_closed_by_its_year_is_not_read() -> None:
    from citenorm.extraction.reference import _drop_other_script_note

    ref = "Roe, J., Tides of the Marsh, Saltmarsh Press, London, 1945."
    for note in (" (لهذا الكتاب ترجمة عربية قديمة).", " وقد ترجم هذا الكتاب إلى العربية."):
        kept = _drop_other_script_note(ref + note)
        assert kept.rstrip() == ref and len(kept) == len(ref + note)
    # not a note: Latin words in it, no year closing the reference, an Arabic reference
    for text in (
        ref + " ترجمة: Tides of the Marsh.",
        "Roe, J., Tides of the Marsh, Saltmarsh Press. ترجمة عربية قديمة",
        "سالم البحري، أخبار الموج، 1945. ترجمة عربية قديمة",
    ):
        assert _drop_other_script_note(text) == text


def test_a_latin_reference_keeps_its_title_before_an_arabic_note() -> None:
    from citenorm import parse_reference

    head = "Roe, Jane, The Idea of the Sea, Saltmarsh Press, Oxford, 1950."
    for note in (
        " (لهذا الكتاب ترجمة عربية، ولكنني كنت أوثر الرجوع إلى النص بلغته الأصلية).",
        " وقد ترجم هذا الكتاب إلى العربية ونشر في بيروت بعنوان فكرة البحر.",
    ):
        fields = parse_reference(head + note).to_json()
        assert fields.get("title") == "The Idea of the Sea"
        assert fields.get("publisher") == "Saltmarsh Press"


def test_a_roman_volume_closing_the_journal_name_then_its_issue() -> None:
    def read(journal: str, number: str) -> dict[str, object]:
        return _fields(
            [
                ("author", "Roe, Jane. "),
                ("title", "“Tides of the marsh.” "),
                ("container", journal),
                ("volume", number),
                ("date", "(2001): "),
                ("pages", "15-40."),
            ]
        )

    fields = read("Salt Review XLV, ", "3 ")
    assert (fields.get("container-title"), fields.get("volume"), fields.get("issue")) == (
        "Salt Review",
        "XLV",
        "3",
    )
    # an Arabic-numeral volume after a plain name; a name ending in a one-letter word
    assert read("Salt Review, ", "3 ").get("volume") == "3"
    fields = read("Salt Review I, ", "3 ")
    assert (fields.get("volume"), fields.get("issue")) == ("3", None)


def test_a_title_head_read_as_a_name_goes_back_to_the_title() -> None:
    fields = _fields(
        [
            ("author", "Tides and salt of "),
            ("title", "the marsh in the south, "),
            ("date", "1990."),
        ]
    )
    assert fields.get("title") == "Tides and salt of the marsh in the south"
    assert "author" not in fields
    # a name: its particles are lower-case, and a mark ends it before the title
    fields = _fields([("author", "Jean de "), ("title", "Tides of the marsh, "), ("date", "1990.")])
    assert fields.get("title") == "Tides of the marsh" and "author" in fields
    fields = _fields(
        [("author", "Roe, jane tide: "), ("title", "Tides of the marsh, "), ("date", "1990.")]
    )
    assert fields.get("title") == "Tides of the marsh" and "author" in fields


def test_the_publishers_role_and_a_printing_after_its_name_are_no_part_of_it() -> None:
    from citenorm.extraction.reference.repairs import publisher_cut

    assert publisher_cut("Saltmarsh & Roe, Publisher,") == "Saltmarsh & Roe"
    assert publisher_cut("Saltmarsh & Roe, Impression,") == "Saltmarsh & Roe"
    assert publisher_cut("Saltmarsh & Roe, éditeurs") == "Saltmarsh & Roe"
    # a name that holds the word: kept
    assert publisher_cut("Roe Publishers, London Publishers Guild") == (
        "Roe Publishers, London Publishers Guild"
    )
    fields = _fields(
        [
            ("title", "Tides of the marsh, "),
            ("publisher", "Jane Roe, Publisher, "),
            ("place", "London, "),
            ("date", "1950."),
        ]
    )
    assert fields.get("publisher") == "Jane Roe"


def test_a_town_and_its_country_glued_to_ba_after_the_publisher_is_the_place() -> None:
    fields = _fields(
        [
            ("title", "أخبار الموج، "),
            ("publisher", "مطبعة دار الساحل، القاهرة بمصر، "),
            ("date", "1950م."),
        ]
    )
    assert fields.get("publisher") == "مطبعة دار الساحل"
    assert fields.get("publisher-place") == "القاهرة بمصر"
    # a name's own last words are no place
    fields = _fields(
        [
            ("title", "أخبار الموج، "),
            ("publisher", "مطبعة الساحل، دار البحر بمصر، "),
            ("date", "1950م."),
        ]
    )
    assert fields.get("publisher-place") != "دار البحر بمصر"


def test_an_editions_cue_after_the_place_is_no_part_of_it() -> None:
    from citenorm.extraction.reference.imprint import place_once

    assert place_once("بغداد، طبعة") == "بغداد"
    assert place_once("London, Impression") == "London"
    assert place_once("New York, New York") == "New York, New York"
    fields = _fields(
        [
            ("title", "أخبار الموج، "),
            ("place", "بغداد، طبعة "),
            ("publisher", "وزارة البحر، "),
            ("date", "1971م."),
        ]
    )
    assert fields.get("publisher-place") == "بغداد"


def test_an_institutions_word_glued_to_ba_at_the_publishers_head_loses_it() -> None:
    from citenorm.extraction.reference.imprint import imprint_cue

    assert imprint_cue("بكلية الآداب، جامعة الساحل") == "كلية الآداب، جامعة الساحل"
    assert imprint_cue("بجامعة الساحل") == "جامعة الساحل"
    # a name that opens with the letter: kept
    assert imprint_cue("بيت الحكمة") == "بيت الحكمة"
    assert imprint_cue("بلاد الشام للنشر") == "بلاد الشام للنشر"
    assert imprint_cue("بالمطبعة الكبرى") == "بالمطبعة الكبرى"  # a printer's: lists keep it


def test_a_town_read_into_the_publisher_goes_on_with_the_place_span_after_it() -> None:
    fields = _fields(
        [
            ("title", "Tides of the marsh, "),
            ("publisher", "Saltmarsh Press, Westport, "),
            ("place", "Connecticut, London, "),
            ("date", "2003."),
        ]
    )
    assert fields.get("publisher") == "Saltmarsh Press"
    assert fields.get("publisher-place") == "Westport, Connecticut, London"
    # the place span elsewhere: the place as printed there
    fields = _fields(
        [
            ("title", "Tides of the marsh, "),
            ("place", "London: "),
            ("publisher", "Saltmarsh Press, Westport, "),
            ("date", "2003."),
        ]
    )
    assert fields.get("publisher-place") == "London"


def test_a_second_full_name_after_the_given_names_of_an_inverted_first_name() -> None:
    from citenorm.extraction.names import parse_names

    names = parse_names("البحري، سالم راشد وخوسيه أنطونيو مارين", inverted_first=True)
    assert [(n.family, n.given) for n in names] == [
        ("البحري", "سالم راشد"),
        ("مارين", "خوسيه أنطونيو"),
    ]
    # given names that hold a و-word: one name
    for text in ("البحري، سالم راشد وليد", "البحري، سالم وداد"):
        assert len(parse_names(text, inverted_first=True)) == 1


def test_two_arabic_names_in_reading_order_joined_by_a_comma() -> None:
    from citenorm.extraction.names import two_direct_names

    names = two_direct_names("إبراهيم سالم مرجان، يوسف راشد")
    assert names is not None
    assert [(n.family, n.given) for n in names] == [("مرجان", "إبراهيم سالم"), ("راشد", "يوسف")]
    # an inverted name: the family with its article or a compound's head, a given name
    # alone; a name with the article is not told from an inverted one
    for text in (
        "البحري، يوسف راشد",
        "عبد الباقي، يوسف راشد",
        "إبراهيم سالم، يوسف",
        "حسن البحري، يوسف راشد",
    ):
        assert two_direct_names(text) is None
    fields = _fields(
        [
            ("author", "إبراهيم سالم مرجان، يوسف راشد، "),
            ("title", "أخبار الموج، "),
            ("date", "1953."),
        ]
    )
    assert len(fields["author"]) == 2  # type: ignore[arg-type]


def test_a_thesis_read_as_a_container_is_the_genre_and_the_body_that_granted_it() -> None:
    fields = _fields(
        [
            ("author", "Roe, Jane. "),
            ("title", "“Tides of the marsh.” "),
            ("container", "Thèse de Doctorat, Université de Saltmarsh, Faculté des Lettres, "),
            ("date", "1935."),
        ]
    )
    assert fields.get("genre") == "Thèse de Doctorat"
    assert fields.get("publisher") == "Université de Saltmarsh, Faculté des Lettres"
    assert "container-title" not in fields and fields.get("type") == "thesis"
    # a work that is no thesis keeps its container
    fields = _fields(
        [
            ("title", "“Tides of the marsh.” "),
            ("container", "Theses on the Sea, Saltmarsh Studies, "),
            ("date", "1935."),
        ]
    )
    assert fields.get("container-title") == "Theses on the Sea, Saltmarsh Studies"


def test_a_books_span_run_into_its_editors_and_its_series() -> None:
    def read(book: str) -> dict[str, object]:
        return _fields(
            [
                ("author", "Roe, Jane. "),
                ("title", "“Tides of the marsh.” "),
                ("container", book),
                ("editor", "éds), "),
                ("pages", "197-231. "),
                ("place", "London: "),
                ("publisher", "Harbour, "),
                ("date", "1999."),
            ]
        )

    fields = read("In Salt Roads: Studies of the Sea: Papers n° 4, Jane Roe (")
    assert fields.get("container-title") == "Salt Roads: Studies of the Sea"
    fields = read("In Salt Roads: Studies of the Sea, Jane Roe (")
    assert fields.get("container-title") == "Salt Roads: Studies of the Sea"
    # no names after the last comma: the book's own words
    fields = read("In Salt Roads, the sea and the marsh (")
    assert fields.get("container-title") == "Salt Roads, the sea and the marsh"


def test_a_name_span_opening_with_the_indefinite_article_is_the_titles_head() -> None:
    fields = _fields(
        [
            ("author", "A Salt Society: "),
            ("title", "The Marsh Communities of the Coast, "),
            ("publisher", "Harbour Press, "),
            ("date", "1967."),
        ]
    )
    assert fields.get("title") == "A Salt Society: The Marsh Communities of the Coast"
    assert "author" not in fields
    # an initial: a name
    fields = _fields(
        [
            ("author", "A. Roe: "),
            ("title", "The Marsh, "),
            ("publisher", "Harbour Press, "),
            ("date", "1967."),
        ]
    )
    assert fields.get("title") == "The Marsh" and "author" in fields


def test_a_series_span_run_on_into_the_imprint() -> None:
    fields = _fields(
        [
            ("title", "أخبار الموج، "),
            ("collection", "سلسلة دراسات البحر، المجمع الثقافي البحري، القاهرة، "),
            ("date", "2000م."),
        ]
    )
    assert fields.get("publisher") == "المجمع الثقافي البحري"
    assert fields.get("publisher-place") == "القاهرة"
    # a second series part, no body: no publisher
    fields = _fields(
        [
            ("title", "أخبار الموج، "),
            ("collection", "سلسلة دراسات البحر، الكتاب الثالث، "),
            ("date", "2000م."),
        ]
    )
    assert "publisher" not in fields


def test_a_known_place_closing_the_statement_before_the_publisher() -> None:
    fields = _fields(
        [
            ("title", "أخبار الموج، "),
            ("editor", "اعتنى بتصحيحه: سالم الملاح، "),
            ("collection", "والبارون راشد مرجان، القاهرة، "),
            ("publisher", "دار الطباعة البحرية، "),
            ("date", "1840م."),
        ]
    )
    assert fields.get("publisher-place") == "القاهرة"
    assert fields.get("publisher") == "دار الطباعة البحرية"


def test_a_known_place_between_dashes_before_the_year_closing_a_title_span() -> None:
    fields = _fields(
        [("publisher", "شركة البحر- "), ("title", "أخبار الموج في المنطقة العربية -الكويت- ١٩٩٠م.")]
    )
    assert fields.get("title") == "أخبار الموج في المنطقة العربية"
    assert fields.get("publisher-place") == "الكويت"
    # no known place between the dashes: the title's own words
    fields = _fields(
        [("publisher", "شركة البحر- "), ("title", "أخبار الموج في المنطقة العربية -الموج- ١٩٩٠م.")]
    )
    assert "publisher-place" not in fields
