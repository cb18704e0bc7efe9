"""The imprint's places and cues as real lists print them (reference/imprint.py and the
repairs that call it), on invented text."""

from __future__ import annotations

import pytest

from citenorm import parse_reference
from citenorm.extraction.reference.imprint import (
    glued_place,
    imprint_cue,
    issuer,
    place_once,
    place_run,
)
from citenorm.extraction.reference.spans import tidy
from citenorm.extraction.reference.tails import settle_imprint
from conftest import labelled_fields as _fields


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("صيدا-بيروت", True),
        ("أبو ظبي - بيروت", True),
        ("بيروت لبنان", True),
        ("Qum- I.R.Iran", True),
        ("Sevilla / Madrid", True),
        ("بيروت", True),
        # a word that is no place, a digit, a publisher's name: not a run of places
        ("بيروت الجديدة للنشر", False),
        ("دار الموج - بيروت", False),
        ("بيروت 1990", False),
        ("", False),
    ],
)
def test_a_run_of_places_joined_by_hyphens_or_spaces_is_a_place(text: str, run: bool) -> None:
    assert place_run(text) is run


@pytest.mark.parametrize(
    ("publisher", "split"),
    [
        ("دار الموج بيروت", ("دار الموج", "بيروت")),
        (
            "منشورات البحر الأحمر، المكتبة الساحلية دمشق",
            ("منشورات البحر الأحمر، المكتبة الساحلية", "دمشق"),
        ),
        ("المطبعة الرملية- ايران", ("المطبعة الرملية", "ايران")),
        (
            "مركز الموج للدراسات الساحلية بيروت لبنان",
            ("مركز الموج للدراسات الساحلية", "بيروت لبنان"),
        ),
        ("Harbour Press - London", ("Harbour Press", "London")),
        # the town is the name's own complement, or glued to "بـ" (the firm's name)
        ("جامعة دمشق", None),
        ("مطبعة جامعة القاهرة", None),
        ("دار الموج بمصر", None),
        ("University of London", None),
        ("Presses de Paris", None),
        # places only, or nothing before the place
        ("بيروت لبنان", None),
    ],
)
def test_a_town_after_the_publishers_name_with_no_comma_is_the_place(
    publisher: str, split: tuple[str, str] | None
) -> None:
    assert glued_place(publisher) == (split if split else (publisher, None))


def test_settle_imprint_cuts_glued_and_joined_places_and_a_season() -> None:
    fields: dict[str, object] = {"publisher": "دار الموج بيروت"}
    settle_imprint(fields)
    assert fields == {"publisher": "دار الموج", "publisher-place": "بيروت"}
    fields = {"publisher": "منشورات الموج، صيدا-بيروت"}
    settle_imprint(fields)
    assert fields == {"publisher": "منشورات الموج", "publisher-place": "صيدا-بيروت"}
    # a place already read: the publisher's own words stay
    fields = {"publisher": "دار الموج بيروت", "publisher-place": "دمشق"}
    settle_imprint(fields)
    assert fields == {"publisher": "دار الموج بيروت", "publisher-place": "دمشق"}
    for season in ("صيف", "شتاء وربيع", "Autumn"):
        fields = {"publisher-place": f"عمان، {season}"}
        settle_imprint(fields)
        assert fields == {"publisher-place": "عمان"}
    fields = {"publisher": "Harbour Books", "publisher-place": "London, Spring"}
    settle_imprint(fields)
    assert fields == {"publisher": "Harbour Books", "publisher-place": "London"}
    # a season's word inside a name is no season
    fields = {"publisher": "Harbour Books", "publisher-place": "London, Spring Valley"}
    settle_imprint(fields)
    assert fields["publisher-place"] == "London, Spring Valley"


@pytest.mark.parametrize(
    ("publisher", "name"),
    [
        ("نشر دار الموج", "دار الموج"),
        ("نشرته الدار الساحلية", "الدار الساحلية"),
        ("المطبعة: الرمل", "الرمل"),
        ("Printer: Harbour Works", "Harbour Works"),
        # a press's own name, an editor's statement, a publisher word of the name
        ("نشر الموج", "نشر الموج"),
        ("نشر وتحقيق سالم الملاح", "نشر وتحقيق سالم الملاح"),
        ("المطبعة الساحلية", "المطبعة الساحلية"),
        ("الناشر", "الناشر"),
    ],
)
def test_the_imprints_cue_before_the_publisher_is_dropped(publisher: str, name: str) -> None:
    assert imprint_cue(publisher) == name


@pytest.mark.parametrize(
    ("container", "body"),
    [
        ("مجلة الموج، مجلة فكرية تصدر عن منتدى البحر للدراسات", "منتدى البحر للدراسات"),
        ("مجلة الرمل مجلة فصلية تصدرها وزارة الملح", "وزارة الملح"),
        ("Salt Review, published by the Harbour Society", "the Harbour Society"),
        # no body named: a place, a time, one word
        ("مجلة الموج تصدر في بيروت", None),
        ("مجلة الموج تصدر شهريا", None),
        ("مجلة الموج", None),
    ],
)
def test_a_journals_issuer_in_its_description_is_the_publisher(
    container: str, body: str | None
) -> None:
    assert issuer(container) == body


def test_the_issuer_is_read_when_no_publisher_span_is_labelled() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "الموج والرمل، "),
            ("container", "مجلة الساحل، مجلة فكرية تصدر عن منتدى الساحل للدراسات، "),
            ("issue", "ع25، "),
            ("date", "1999م."),
        ]
    )
    assert f["container-title"] == "مجلة الساحل"
    assert f["publisher"] == "منتدى الساحل للدراسات"


def test_a_comma_part_that_is_a_run_of_places_is_all_place() -> None:
    f = _fields(
        [
            ("author", "Roe, Jane: "),
            ("title", "Salt Roads, "),
            ("publisher", "Harbour Books, Abu "),
            ("publisher", "Dhabi - "),
            ("place", "Beirut, "),
            ("date", "2009."),
        ]
    )
    assert f["publisher"] == "Harbour Books"
    assert f["publisher-place"] == "Abu Dhabi - Beirut"


@pytest.mark.parametrize(
    ("publisher", "name"),
    [
        ("لجنة الترجمة: سالم الملاح وآخرون، دار الموج", "دار الموج"),
        ("عرب عباراته: سالم الملاح، دار الرمل العلمية", "دار الرمل العلمية"),
        ("Translated by: Jane Roe, Harbour Books", "Harbour Books"),
        # a place or a state before the colon, a body after it, no body after the names
        ("بيروت: دار الموج، مكتبة الرمل", "بيروت: دار الموج، مكتبة الرمل"),
        ("لجنة الترجمة: دار الموج، مكتبة الرمل", "لجنة الترجمة: دار الموج، مكتبة الرمل"),
        ("ترجمة: سالم الملاح، الموج", "ترجمة: سالم الملاح، الموج"),
        ("دار الموج، مكتبة الرمل", "دار الموج، مكتبة الرمل"),
    ],
)
def test_statements_of_responsibility_before_the_publisher_are_dropped(
    publisher: str, name: str
) -> None:
    from citenorm.extraction.reference.imprint import statement_before_publisher

    assert statement_before_publisher(publisher) == name


def test_a_publishers_word_alone_takes_the_place_words_after_it() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "الموج والرمل، "),
            ("publisher", "دار "),
            ("place", "الساحلية، الدار البيضاء، "),
            ("date", "1986م."),
        ]
    )
    assert f["publisher"] == "دار الساحلية"
    assert f["publisher-place"] == "الدار البيضاء"
    # a publisher's full name before its place: nothing moves
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "الموج والرمل، "),
            ("publisher", "دار الموج "),
            ("place", "دمشق، "),
            ("date", "1986م."),
        ]
    )
    assert f["publisher"] == "دار الموج"
    assert f["publisher-place"] == "دمشق"


@pytest.mark.parametrize(
    ("container", "town"),
    [
        ("مجلة الموج، بيروت، السنة الثامنة", "بيروت"),
        ("Salt Review, London", "London"),
        ("مجلة الموج، صيدا-بيروت", "صيدا-بيروت"),
        # no place part: a description, a number, the name alone
        ("مجلة الموج، مجلة فكرية", None),
        ("مجلة الموج، 12", None),
        ("مجلة بيروت", None),
    ],
)
def test_a_place_after_a_journals_name_is_its_place(container: str, town: str | None) -> None:
    from citenorm.extraction.reference.imprint import place_in_container

    assert place_in_container(container) == town


def test_the_journals_town_ends_its_name_and_is_the_place() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "الموج والرمل، "),
            ("container", "مجلة الساحل، مدريد، السنة الأولى، "),
            ("issue", "العدد 1، "),
            ("date", "1953م."),
        ]
    )
    assert f["container-title"] == "مجلة الساحل"
    assert f["publisher-place"] == "مدريد"


@pytest.mark.parametrize(
    ("publisher", "cut"),
    [
        ("Harbour Books, Inc. Tangier", ("Harbour Books, Inc.", "Tangier")),
        ("Stone & Co. Saltville", ("Stone & Co.", "Saltville")),
        ("Salt LTD. Ruskin House, 40, Harbour Street", ("Salt LTD.", None)),
        ("Harbour Books, Inc. Abu Dhabi - Beirut", ("Harbour Books, Inc.", "Abu Dhabi - Beirut")),
        # the legal form last, two in a row, a number after it, no name before it
        ("Harbour & Co.", ("Harbour & Co.", None)),
        ("Stone, Hill and Co. Ltd.", ("Stone, Hill and Co. Ltd.", None)),
        ("Stone Co. 1990", ("Stone Co. 1990", None)),
        ("Co. Tangier", ("Co. Tangier", None)),
    ],
)
def test_a_firms_legal_form_ends_the_publishers_name(
    publisher: str, cut: tuple[str, str | None]
) -> None:
    from citenorm.extraction.reference.imprint import firm_end

    assert firm_end(publisher) == cut


@pytest.mark.parametrize(
    ("place", "once"),
    [
        ("Kuwait, Kuwait", "Kuwait"),
        ("الكويت، الكويت", "الكويت"),
        ("الكويت ، الكويت", "الكويت"),
        ("Tunis, Tunisia", "Tunis, Tunisia"),  # two places: both kept
        ("New York, New York", "New York, New York"),  # a city and state, as printed
        ("Kuwait", "Kuwait"),
    ],
)
def test_a_place_printed_twice_is_the_place_once(place: str, once: str) -> None:
    assert place_once(place) == once


def test_a_journal_articles_place_printed_as_town_and_state_is_one_place() -> None:
    got = parse_reference(
        "Haddad, Samir, the quiet harbour towns of the north: a study of their trade, "
        "Sea Review, Vol. 7, No. 2, Kuwait, Kuwait, 2019."
    )
    assert got.publisher_place == "Kuwait"
    assert got.container_title == "Sea Review"


@pytest.mark.parametrize(
    "text",
    [
        "خالد سعيد، موقع الأخبار البحرية: قلق في الموانئ.. ما وراء التعاون البحري بين البلدين "
        "في الشمال ، <https://n9.cl/ab12x>",
        "سمير حداد، الموانئ العربية وتحولات التجارة البحرية مركز دراسات البحر، ٢٠٢١، بيروت ، "
        "<https://goo.su/b7KQ>",
    ],
)
def test_a_web_address_is_never_the_publisher(text: str) -> None:
    got = parse_reference(text)
    assert got.publisher is None
    assert got.URL is not None and got.URL in text


def test_an_angle_bracket_left_open_is_trimmed_from_a_value() -> None:
    assert tidy("Sailors of the north cross the bay again <") == (
        "Sailors of the north cross the bay again"
    )
    assert tidy("<Harbour Daily>") == "Harbour Daily"
    assert tidy("a <b> c") == "a <b> c"


def test_a_town_glued_to_a_firms_name_is_its_place_and_stays_in_the_name() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "الموج والرمل، "),
            ("publisher", "مطبعة الساحل الكبرى بالقاهرة، "),
            ("date", "1901م."),
        ]
    )
    assert f["publisher"] == "مطبعة الساحل الكبرى بالقاهرة"
    assert f["publisher-place"] == "القاهرة"
    # a place printed apart wins; a word that is no town is no place; two words are a name
    f = _fields(
        [
            ("title", "الموج والرمل، "),
            ("publisher", "دار الساحل بمصر، "),
            ("place", "القاهرة، "),
            ("date", "1969م."),
        ]
    )
    assert (f["publisher"], f["publisher-place"]) == ("دار الساحل بمصر", "القاهرة")
    for firm in ("مطبعة الساحل بالملح", "مطبعة بالقاهرة"):
        f = _fields([("title", "الموج والرمل، "), ("publisher", firm + "، "), ("date", "1901م.")])
        assert "publisher-place" not in f, firm


def test_a_place_span_opening_with_an_ampersand_goes_on_with_the_firms_name() -> None:
    f = _fields(
        [
            ("author", "Roe, Jane, "),
            ("title", "Salt Roads, "),
            ("publisher", "Stone "),
            ("place", "& Hill, London, "),
            ("date", "1945."),
        ]
    )
    assert (f["publisher"], f["publisher-place"]) == ("Stone & Hill", "London")
    # "& Tangier" after a place-like name: the run of places stays the place
    f = _fields(
        [("title", "Salt Roads, "), ("publisher", "Harbour Press, "), ("place", "& London, ")]
    )
    assert f["publisher"] == "Harbour Press"


def test_a_titles_last_part_right_before_the_edition_is_the_publisher_unless_a_town() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "الموج والرمل، عالم الملح، "),
            ("edition", "ط1، "),
            ("place", "طنجة، "),
            ("date", "1985م."),
        ]
    )
    assert (f["title"], f["publisher"]) == ("الموج والرمل", "عالم الملح")
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "الموج والرمل، القاهرة، "),
            ("edition", "ط2، "),
            ("date", "1985م."),
        ]
    )
    assert "publisher" not in f  # (the town is the place: TT.place_tail)
    assert (f["title"], f["publisher-place"]) == ("الموج والرمل", "القاهرة")


def test_a_firm_named_after_a_town_is_the_publisher_not_a_second_place() -> None:
    # "للنشر" opens no place's name: the town before it, in its comma part, is the firm's
    f = _fields(
        [
            ("title", "كتاب الموج، "),
            ("place", "القاهرة، القدس "),
            ("publisher", "للإعلان والنشر، "),
            ("date", "2001م."),
        ]
    )
    assert f["publisher"] == "القدس للإعلان والنشر"
    assert f["publisher-place"] == "القاهرة"


def test_two_places_stay_places_before_a_publisher() -> None:
    f = _fields(
        [
            ("title", "كتاب الموج، "),
            ("place", "القاهرة، بيروت، "),
            ("publisher", "دار الرمل، "),
            ("date", "2001م."),
        ]
    )
    assert f["publisher"] == "دار الرمل"
    assert f["publisher-place"] == "القاهرة، بيروت"


def test_the_persian_publisher_label_is_the_publishers_cue() -> None:
    f = _fields(
        [
            ("title", "كتاب الموج، "),
            ("place", "ناشر: "),
            ("publisher", "مؤسسه البحر، "),
            ("place", "قم، "),
            ("date", "1416 ق"),
        ]
    )
    assert f["publisher"] == "مؤسسه البحر"
    assert f["publisher-place"] == "قم"


@pytest.mark.parametrize(
    "chunks",
    [
        # a name span after the title, right after "Place:": the publisher
        [
            ("author", "Roe, J. (1957). "),
            ("title", "Salt Roads. "),
            ("place", "Berlin: "),
            ("author", "Mouton de Gruyter."),
        ],
        [
            ("author", "سالم الملاح، "),
            ("title", "البحر والملح، "),
            ("place", "بيروت: "),
            ("author", "عادل الموج، 1990."),
        ],
    ],
)
def test_a_name_after_the_place_and_its_colon_is_the_publisher(
    chunks: list[tuple[str, str]],
) -> None:
    fields = _fields(chunks)
    assert fields["publisher"] == chunks[3][1].split("،")[0].rstrip(".")
    assert fields["publisher-place"] == chunks[2][1].rstrip(": ")
    assert len(fields["author"]) == 1  # type: ignore[arg-type]


def test_a_name_after_a_place_without_a_colon_or_before_the_title_stays_a_name() -> None:
    # no colon after the place: the imprint's order is not printed
    fields = _fields(
        [
            ("author", "Roe, J. "),
            ("title", "Salt Roads, "),
            ("place", "Berlin, "),
            ("author", "Mouton de Gruyter."),
        ]
    )
    assert "publisher" not in fields


def test_a_publisher_span_that_holds_the_place_and_its_colon_is_split() -> None:
    fields = _fields(
        [
            ("author", "Roe, J. (1986). "),
            ("title", "Salt Roads. "),
            ("publisher", "New York, NY: Harbour-Verlag."),
        ]
    )
    assert fields["publisher"] == "Harbour-Verlag"
    assert fields["publisher-place"] == "New York, NY"


def test_a_publisher_with_a_colon_and_no_place_before_it_stays_whole() -> None:
    fields = _fields(
        [("author", "Roe, J. "), ("title", "Salt Roads. "), ("publisher", "Salt: The Press.")]
    )
    assert fields["publisher"] == "Salt: The Press"
    assert "publisher-place" not in fields


@pytest.mark.parametrize(
    ("chunks", "publisher", "place", "title"),
    [
        # no known place in the place span: the publisher
        (
            [
                ("author", "ROE, Jane, "),
                ("title", "Les routes du sel, "),
                ("place", "Qorvane, "),
                ("date", "2006"),
            ],
            "Qorvane",
            None,
            "Les routes du sel",
        ),
        # and the title's last comma part a known place: the place
        (
            [
                ("author", "Jane Roe: "),
                ("title", "Rutas de la sal, Sevilla, "),
                ("place", "Qorvane, "),
                ("date", "2007."),
            ],
            "Qorvane",
            "Sevilla",
            "Rutas de la sal",
        ),
    ],
)
def test_an_unknown_place_after_the_title_and_no_publisher_is_the_publisher(
    chunks: list[tuple[str, str]], publisher: str, place: str | None, title: str
) -> None:
    fields = _fields(chunks)
    assert fields["publisher"] == publisher
    assert fields.get("publisher-place") == place
    assert fields["title"] == title


def test_a_known_place_after_the_title_stays_the_place() -> None:
    fields = _fields(
        [
            ("author", "Roe, Jane, "),
            ("title", "Salt Roads, "),
            ("place", "London, "),
            ("date", "2006"),
        ]
    )
    assert fields["publisher-place"] == "London"
    assert "publisher" not in fields


@pytest.mark.parametrize(
    ("value", "publisher"),
    [
        # a publishing house, then its printer
        ("Harbour Publications, Quay Press", "Harbour Publications"),
        ("Salt Books, Reef Printers", "Salt Books"),
        # a body and its own press; a press alone; an Arabic imprint: left whole
        ("Salt University, Quay Institution Press", "Salt University, Quay Institution Press"),
        ("Harbour Press, Quay Press", "Harbour Press, Quay Press"),
        ("منشورات البحر، مطبعة الموج", "منشورات البحر، مطبعة الموج"),
    ],
)
def test_the_printer_after_a_publishing_house_is_not_the_publisher(
    value: str, publisher: str
) -> None:
    fields = _fields([("title", "Salt Roads, "), ("publisher", value + ", "), ("date", "2002.")])
    assert fields["publisher"] == publisher


def test_a_year_and_its_era_words_read_into_the_imprint_span_and_the_publisher() -> None:
    fields = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "آداب البحر، "),
            ("place", "طهران، "),
            ("container", "بين الموجين، 1380 هجرى قمرى"),
        ]
    )
    assert fields["publisher"] == "بين الموجين"
    assert "container-title" not in fields
    assert fields["hijri"] == 1380
    assert fields["issued"] == {"literal": "1380 هجرى قمرى", "raw": "1380 هجرى قمرى"}


def test_a_journal_before_the_year_stays_the_container() -> None:
    fields = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "آداب البحر، "),
            ("place", "طهران، "),
            ("container", "مجلة الموج، 1380 هجرى قمرى"),
        ]
    )
    assert fields["container-title"] == "مجلة الموج"
    assert "publisher" not in fields
