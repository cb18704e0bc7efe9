"""A title span that runs on into the series the work belongs to
(reference/titles.py), on invented text."""

from __future__ import annotations

import pytest

from citenorm import parse_reference
from citenorm.extraction.reference.spans import tidy
from citenorm.extraction.reference.titles import bracket_tail, series_tail
from conftest import labelled_fields as _fields


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("كتاب الموج، سلسلة دراسات بحرية", "كتاب الموج"),
        ("كتاب الموج، دفاتر بحرية (12)", "كتاب الموج"),
        ("Salt and Tides, A Harbour Book", "Salt and Tides"),
        ("Salt and Tides, Series in Marine Studies", "Salt and Tides"),
        ("أسرار الموج: السلسلة الشهرية للبحارة", "أسرار الموج"),
        # a title's own parts: a series word in lower case, a number in brackets before the
        # last part, a bracketed number alone, a book's name that is no series
        ("Salt, a series of essays", "Salt, a series of essays"),
        ("Tides (2), and Salt", "Tides (2), and Salt"),
        ("كتاب الموج، (12)", "كتاب الموج، (12)"),
        ("Salt and Tides, The Harbour Book", "Salt and Tides, The Harbour Book"),
        ("Salt: Series of Tides", "Salt: Series of Tides"),
    ],
)
def test_a_title_ends_before_the_series_it_runs_on_into(title: str, kept: str) -> None:
    assert series_tail(title) == kept


def test_the_series_is_cut_from_a_title_span_and_from_a_lone_container() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "كتاب الموج، دفاتر بحرية (5)، "),
            ("publisher", "دار البحر، "),
            ("date", "1998."),
        ]
    )
    assert f["title"] == "كتاب الموج"
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("container", "كتاب الموج، دفاتر بحرية (5)، "),
            ("publisher", "دار البحر، "),
            ("date", "1998."),
        ]
    )
    assert (f["title"], f.get("container-title")) == ("كتاب الموج", None)


def test_a_span_cut_after_a_word_no_name_ends_with_goes_on() -> None:
    # a journal's name cut after "de": its last word read with the volume
    f = _fields(
        [
            ("author", "Roe, J. (1990). "),
            ("title", "Salt in the sea. "),
            ("container", "Revue des études de "),
            ("volume", "sel, 12"),
            ("issue", "(3), "),
            ("pages", "4-9."),
        ]
    )
    assert (f["container-title"], f["volume"]) == ("Revue des études de sel", "12")
    # a title cut after "to", the rest read as the place: up to the comma
    f = _fields(
        [
            ("author", "Roe, J.: "),
            ("title", "A Passage from Tangier to "),
            ("place", "Salé, London, "),
            ("date", "1846."),
        ]
    )
    assert (f["title"], f["publisher-place"]) == ("A Passage from Tangier to Salé", "London")
    # an Arabic container cut after "من", the rest read as a second title
    f = _fields(
        [
            ("author", "الملاح: "),
            ("title", "كتاب الموج، "),
            ("container", "ضمن مجموعة رسائل من "),
            ("title", "أدب البحر، "),
            ("publisher", "دار الساحل، "),
            ("date", "1990."),
        ]
    )
    assert f["container-title"] == "مجموعة رسائل من أدب البحر"
    # before a publisher span, the title's last comma part opens the publisher's name
    f = _fields(
        [
            ("author", "Roe, Jane: "),
            ("title", "Salt Roads, The University of "),
            ("publisher", "Tangier Press, "),
            ("date", "1996."),
        ]
    )
    assert (f["title"], f["publisher"]) == ("Salt Roads", "The University of Tangier Press")
    # a title cut after a cue word before its container: the cue ends the title
    f = _fields(
        [
            ("author", "Roe, Jane: "),
            ("title", "Salt Roads, in "),
            ("container", "Tides and Sands, "),
            ("date", "1996."),
        ]
    )
    assert f["container-title"] == "Tides and Sands"
    # a span ending with a name's own last word is left as it is
    f = _fields(
        [
            ("author", "Roe, Jane: "),
            ("title", "Salt Roads "),
            ("place", "Tangier, "),
            ("date", "1996."),
        ]
    )
    assert (f["title"], f["publisher-place"]) == ("Salt Roads", "Tangier")


@pytest.mark.parametrize(
    ("head", "author"),
    [
        ("الملاحي: ", "الملاحي"),
        ("البحري الساحلى: ", "البحري الساحلى"),
        # no nisba alone: a title's own head before its subtitle
        ("الفكر البحري: ", None),
        ("الموج: ", None),
        ("البحري الساحلي المغربي: ", None),
    ],
)
def test_a_name_by_its_nisbas_before_a_colon_opens_a_title_first_span(
    head: str, author: str | None
) -> None:
    f = _fields([("title", head + "كتاب الموج، "), ("publisher", "دار البحر، "), ("date", "1990.")])
    if author is None:
        assert (f["title"], "author" in f) == (head + "كتاب الموج", False)
    else:
        assert f["title"] == "كتاب الموج"
        names = f["author"]
        assert isinstance(names, list) and len(names) == 1
        assert sorted(" ".join(names[0].values()).split()) == sorted(author.split())


def test_a_container_of_a_periodical_word_alone_goes_on_into_the_next_span() -> None:
    f = _fields(
        [
            ("author", "الملاح: "),
            ("title", "أخبار الموج، "),
            ("container", "صحيفة "),
            ("publisher", "المعهد البحري، دار الساحل، "),
            ("date", "1990."),
        ]
    )
    assert (f["container-title"], f["publisher"]) == ("صحيفة المعهد البحري", "دار الساحل")
    # a one-word container that is no periodical's word stays as it is
    f = _fields(
        [
            ("author", "الملاح: "),
            ("title", "أخبار الموج، "),
            ("container", "الساحل "),
            ("publisher", "المعهد البحري، "),
            ("date", "1990."),
        ]
    )
    assert (f["container-title"], f["publisher"]) == ("الساحل", "المعهد البحري")


@pytest.mark.parametrize(
    ("period", "label"),
    [
        ("(541-668ه/1147-1269م)، ", "note"),
        ("(1830-1912)، ", "date"),
        ("(448ه/1056م-668ه/1269م)، ", "note"),
    ],
)
def test_the_years_of_a_period_right_after_the_title_end_it(period: str, label: str) -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "تجارة الملح في الساحل "),
            (label, period),
            ("genre", "رسالة ماجستير، "),
            ("publisher", "جامعة البحر، "),
            ("date", "2010م."),
        ]
    )
    assert f["title"] == "تجارة الملح في الساحل " + period.rstrip("، ")
    assert f["issued"] == {"date-parts": [[2010]], "raw": "2010م"}


def test_a_year_or_a_lone_period_date_after_the_title_is_no_part_of_it() -> None:
    for chunks in (
        [("date", "(1990)، "), ("publisher", "دار البحر، "), ("date", "2010م.")],
        [("date", "(1830-1912).")],
    ):
        f = _fields([("author", "الملاح، سالم: "), ("title", "تجارة الملح "), *chunks])
        assert f["title"] == "تجارة الملح"


@pytest.mark.parametrize(
    ("title", "kept", "container"),
    [
        ("كتاب الموج (ضمن مجموعة بعنوان رسائل البحر والملح)", "كتاب الموج", "رسائل البحر والملح"),
        ("Salt Roads (in Tides and Sands)", "Salt Roads", "Tides and Sands"),
        ("امرأة من البحر (رواية)", "امرأة من البحر", None),
        ("أخبار الموج (عن برنامج الساحل)", "أخبار الموج", None),
        # a language, a bracket of the title's own
        ("Salt Roads (in Russian)", "Salt Roads (in Russian)", None),
        ("أخبار الموج (الجزيرة والساحل)", "أخبار الموج (الجزيرة والساحل)", None),
        ("(رواية)", "(رواية)", None),
    ],
)
def test_a_bracket_at_the_end_of_a_title(title: str, kept: str, container: str | None) -> None:
    assert bracket_tail(title) == (kept, container)


def test_a_body_at_the_end_of_the_title_heads_the_publisher_after_it() -> None:
    f = _fields(
        [
            ("title", "أخبار الموج، الجامعة البحرية، "),
            ("publisher", "قسم الخدمة العامة، "),
            ("place", "القاهرة، "),
            ("date", "1933."),
        ]
    )
    assert (f["title"], f["publisher"]) == ("أخبار الموج", "الجامعة البحرية، قسم الخدمة العامة")
    # a last part with no body's word, or a title of one part: left as it is
    for title in ("أخبار الموج، الساحل الكبير، ", "الجامعة البحرية والموج، "):
        f = _fields([("title", title), ("publisher", "قسم الخدمة العامة، "), ("date", "1933.")])
        assert (f["title"], f["publisher"]) == (title.rstrip("، "), "قسم الخدمة العامة")


def test_a_series_span_right_after_the_name_of_an_entry_with_no_title_is_its_title() -> None:
    f = _fields(
        [
            ("author", "الساحلي، أبو سالم بن علي، "),
            ("collection", "كتاب الموج، "),
            ("publisher", "مكتبة الرمل، "),
            ("date", "1390"),
        ]
    )
    assert (f["title"], f["publisher"]) == ("كتاب الموج", "مكتبة الرمل")
    assert "collection-title" not in f
    # after a rank: the same
    f = _fields([("other", "د. "), ("author", "سالم الملاح، "), ("collection", "كتاب الموج، ")])
    assert f["title"] == "كتاب الموج"


def test_a_named_series_or_a_name_with_its_title_keeps_the_series_span() -> None:
    # a series cue opens the span, or the name span holds the title after a colon
    for chunks in (
        [("author", "الساحلي، سالم، "), ("collection", "سلسلة كتب البحر، "), ("date", "1990")],
        [("author", "الساحلي، سالم: كتاب الموج، "), ("collection", "مطالعات بحرية، ")],
    ):
        f = _fields(chunks)
        assert f.get("title") != tidy(chunks[1][1])
    # a title span anywhere: nothing moves
    f = _fields(
        [("author", "الساحلي، سالم، "), ("collection", "مطالعات بحرية، "), ("title", "كتاب الموج")]
    )
    assert f["title"] == "كتاب الموج"


def test_a_title_cut_at_the_periods_of_close_letters_goes_on_past_them() -> None:
    f = _fields(
        [
            ("title", "Salt Roads of the Tenth Century A"),
            ("note", ".D. as Told in"),
            ("title", " Sailors' Songs, "),
            ("container", "Harbour Review, "),
            ("date", "2004."),
        ]
    )
    assert f["title"] == "Salt Roads of the Tenth Century A.D. as Told in Sailors' Songs"
    assert f["container-title"] == "Harbour Review"
    # at the end of the title span: the letters alone join it
    f = _fields([("title", "Salt in 300 B"), ("note", ".C. "), ("date", "1990")])
    assert f["title"] == "Salt in 300 B.C"
    # a letter and a period apart ("Salt A. Roe"), or a long run after: left as they are
    f = _fields([("title", "Salt, A"), ("author", ". Roe"), ("date", " 1990")])
    assert f["title"] == "Salt, A"


def test_a_known_place_at_the_end_of_the_title_before_the_edition_is_the_place() -> None:
    f = _fields([("title", "كتاب الموج، بيروت، "), ("edition", "ط2، "), ("date", "1359ه.")])
    assert (f["title"], f["publisher-place"]) == ("كتاب الموج", "بيروت")
    f = _fields([("title", "Salt Roads, Paris, "), ("date", "1990.")])
    assert (f["title"], f["publisher-place"]) == ("Salt Roads", "Paris")
    # a last part that is no place, or a place span later: the title is left whole
    f = _fields([("title", "كتاب الموج، رحلة بحرية، "), ("date", "1990")])
    assert f["title"] == "كتاب الموج، رحلة بحرية"
    f = _fields([("title", "Salt Roads, Paris, "), ("date", "1990, "), ("place", "London")])
    assert (f["title"], f["publisher-place"]) == ("Salt Roads, Paris", "London")


def test_a_two_part_name_span_of_an_entry_with_no_title_holds_the_title_after_a_family_name() -> (
    None
):
    f = _fields(
        [("author", "البحاري، الموج المنسي، "), ("place", "طهران، "), ("publisher", "دار الرمل")]
    )
    assert (f["title"], f["author"]) == ("الموج المنسي", [{"family": "البحاري"}])
    # a given name, a nisba or an honorific after the comma: a name, no title
    for given in ("الحسن", "الأصفهاني", "الشيخ"):
        f = _fields([("author", f"البحاري، {given}، "), ("place", "طهران، "), ("date", "1390")])
        assert "title" not in f or f["title"] != given


def test_names_read_inside_a_title_that_stops_on_a_word_are_the_title() -> None:
    # the title span stops on a word, and the next span, a name with no role cue, goes on
    # with the title's sentence: a work "of" a named person, not its editor or author
    f = _fields(
        [
            ("author", "الملاح، سالم. "),
            ("title", "ديوان الشاعر البحري شمس "),
            ("editor", "الدين سالم بن راشد الموجي. "),
            ("place", "صور: "),
            ("publisher", "دار البحر، "),
            ("date", "1990."),
        ]
    )
    assert f["title"] == "ديوان الشاعر البحري شمس الدين سالم بن راشد الموجي"
    f = _fields(
        [
            ("author", "الملاح، سالم. "),
            ("title", "شرح قصيدة البحر لنجم الدين "),
            ("author", "راشد بن سالم الموجي. "),
            ("date", "1990."),
        ]
    )
    assert f["title"] == "شرح قصيدة البحر لنجم الدين راشد بن سالم الموجي"
    assert f["author"] == [{"family": "الملاح", "given": "سالم"}]
    # a statement with its cue stays the editor's; a title that ends with its period is
    # whole, and a name span after it is no part of it; nor is a second name span when no
    # author comes before the title
    f = _fields(
        [
            ("title", "ديوان الشاعر البحري "),
            ("editor", "تحقيق سالم بن راشد. "),
            ("date", "1990."),
        ]
    )
    assert f["title"] == "ديوان الشاعر البحري"
    f = _fields(
        [
            ("author", "الملاح، سالم. "),
            ("title", "شرح قصيدة البحر. "),
            ("author", "راشد بن سالم الموجي. "),
            ("date", "1990."),
        ]
    )
    assert f["title"] == "شرح قصيدة البحر"
    f = _fields(
        [
            ("title", "شرح قصيدة البحر لنجم الدين "),
            ("author", "راشد بن سالم الموجي. "),
            ("date", "1990."),
        ]
    )
    assert f["title"] == "شرح قصيدة البحر لنجم الدين"


def test_a_name_after_a_place_and_its_colon_is_the_publisher() -> None:
    # "Place: Name, Year.": the imprint's publisher, however much it reads like a person
    f = _fields(
        [
            ("author", "الملاح، سالم. "),
            ("title", "كتاب الموج. "),
            ("place", "صور: "),
            ("editor", "سيد راشد بن سالم الموجي، "),
            ("date", "1950."),
        ]
    )
    assert f["publisher"] == "سيد راشد بن سالم الموجي"
    assert f["publisher-place"] == "صور"
    f = _fields(
        [
            ("author", "Roe, Jane. "),
            ("title", "Salt Roads. "),
            ("place", "Tangier: "),
            ("editor", "Sayyid Rashid ibn Salim al-Mawji, "),
            ("date", "1950."),
        ]
    )
    assert f["publisher"] == "Sayyid Rashid ibn Salim al-Mawji"
    # a statement with its cue, a place with no colon, an entry with a publisher: kept
    f = _fields(
        [
            ("title", "Salt Roads. "),
            ("place", "Tangier: "),
            ("editor", "edited by Rashid Salim, "),
            ("date", "1950."),
        ]
    )
    assert "publisher" not in f
    f = _fields(
        [
            ("title", "Salt Roads, "),
            ("place", "Tangier, "),
            ("editor", "Rashid Salim, "),
            ("date", "1950."),
        ]
    )
    assert "publisher" not in f
    f = _fields(
        [
            ("title", "Salt Roads. "),
            ("place", "Tangier: "),
            ("editor", "Rashid Salim, "),
            ("publisher", "Harbour Press, "),
            ("date", "1950."),
        ]
    )
    assert f["publisher"] == "Harbour Press"


@pytest.mark.parametrize(
    ("printed", "place", "publisher"),
    [
        ("الجمهورية البحرية: وزارة الموانئ", "الجمهورية البحرية", "وزارة الموانئ"),
        ("المملكة الساحلية: هيئة الملح", "المملكة الساحلية", "هيئة الملح"),
        ("al-Jumhūrīyah al-Baḥrīyah: Wizārat al-Mawāniʼ", "al-Jumhūrīyah al-Baḥrīyah", None),
        ("Islamic Republic of Saltland: Ministry of Ports", "Islamic Republic of Saltland", None),
        ("State of Saltland: Ministry of Ports", "State of Saltland", None),
    ],
)
def test_a_country_s_formal_name_before_a_colon_in_the_publisher_is_the_place(
    printed: str, place: str, publisher: str | None
) -> None:
    f = _fields([("title", "كتاب الموج. "), ("date", "(1986). "), ("publisher", printed + ".")])
    assert f["publisher-place"] == place
    assert f["publisher"] == (publisher or printed.split(": ", 1)[1])


@pytest.mark.parametrize(
    "printed",
    [
        "Salt State Press: Annual Report",  # "state" not as "State of X"
        "Republic Books: New Series",  # a publisher's word
        "دار الجمهورية: قسم النشر",
        "Harbour Press: Tangier",  # no form of state
    ],
)
def test_a_publisher_with_a_colon_and_no_formal_state_name_is_kept(printed: str) -> None:
    f = _fields([("title", "Salt Roads. "), ("date", "(1986). "), ("publisher", printed + ".")])
    assert f["publisher"] == printed
    assert "publisher-place" not in f


def test_a_bracket_right_after_the_title_s_colon_is_the_rest_of_the_title() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "كتاب الموج والملح: "),
            ("collection", "(وهو يحتوي على 12 رسما) ، "),
            ("publisher", "المطبعة البحرية، "),
            ("date", "1906"),
        ]
    )
    assert f["title"] == "كتاب الموج والملح: (وهو يحتوي على 12 رسما)"
    assert f["publisher"] == "المطبعة البحرية"
    # no colon before it, or more than the bracket in the span: left as read
    f = _fields(
        [
            ("title", "Salt and Sea, "),
            ("collection", "(Harbour Studies 3), "),
            ("publisher", "Harbour Press, "),
            ("date", "1906"),
        ]
    )
    assert f["title"] == "Salt and Sea"
    f = _fields(
        [
            ("title", "Salt and Sea: "),
            ("collection", "(a study) Harbour Studies, "),
            ("publisher", "Harbour Press, "),
            ("date", "1906"),
        ]
    )
    assert f["title"] == "Salt and Sea"


def test_a_volume_s_own_title_before_the_edition_is_part_of_the_title() -> None:
    # the labeler reads the volume's title as a container after "الجزء الثالث،"
    f = _fields(
        [
            ("author", "الملاح، سالم. "),
            ("title", "كتاب البحر: موجه، ملحه. الجزء الثالث، "),
            ("container", "في المرافئ والسفن "),
            ("edition", "(الطبعة الثالثة). "),
            ("place", "صور: "),
            ("publisher", "دار الموج."),
        ]
    )
    assert f["title"] == "كتاب البحر: موجه، ملحه. الجزء الثالث، في المرافئ والسفن"
    assert "container-title" not in f
    # or as a series that opens with the volume statement
    f = _fields(
        [
            ("author", "Roe, J. "),
            ("title", "Salt Roads: tides, harbours. "),
            ("collection", "Vol. 3, On Ships and Ports ("),
            ("edition", "3rd ed.). "),
            ("place", "Tangier: "),
            ("publisher", "Harbour Press."),
        ]
    )
    assert f["title"] == "Salt Roads: tides, harbours. Vol. 3, On Ships and Ports"
    # a series with no volume statement, or a volume statement alone: left as read
    f = _fields(
        [
            ("title", "Salt Roads. "),
            ("collection", "Harbour Studies "),
            ("edition", "(3rd ed.). "),
            ("publisher", "Harbour Press."),
        ]
    )
    assert f["title"] == "Salt Roads"
    f = _fields(
        [
            ("title", "Salt Roads. "),
            ("collection", "Vol. 3 "),
            ("edition", "(3rd ed.). "),
            ("publisher", "Harbour Press."),
        ]
    )
    assert f["title"] == "Salt Roads"


def test_a_place_printed_twice_after_a_press_named_with_its_town_is_not_doubled() -> None:
    f = _fields(
        [
            ("title", "Kitāb al-milḥ, "),
            ("publisher", "bi-al-Maṭbaʻah al-Baḥrīyah bi-Ṣūr "),
            ("place", "al-Mīnāʼ, al-Mīnāʼ, "),
            ("date", "1890."),
        ]
    )
    assert f["publisher"] == "bi-al-Maṭbaʻah al-Baḥrīyah bi-Ṣūr al-Mīnāʼ"
    assert f["publisher-place"] == "al-Mīnāʼ"
    # a "City, State" place after a separator is the place as printed
    f = _fields(
        [
            ("title", "Salt Roads, "),
            ("publisher", "Harbour Press, "),
            ("place", "New Salt, New Salt, "),
            ("date", "1890."),
        ]
    )
    assert f["publisher-place"] == "New Salt, New Salt"
    assert f["publisher"] == "Harbour Press"


def test_a_bare_web_entry_s_short_first_part_is_the_site() -> None:
    # a web entry of two comma parts, dates and the address: a first part with no
    # website's word, half the length of the second at most, names the site
    f = _fields(
        [
            ("title", "Harbour Daily, sailors of the north cross the bay again after the storm, "),
            ("date", "2024, "),
            ("url", "<https://example.org/a1> "),
            ("accessed", ", 25/ 12/ 2024"),
        ]
    )
    assert f["container-title"] == "Harbour Daily"
    assert f["title"] == "sailors of the north cross the bay again after the storm"
    # parts of like length, three parts, an author or a journal's numbers: one title
    storm = "Harbour Daily, sailors of the north cross the bay again after the storm, "
    for chunks in (
        [("title", "The salt trade of the north, Harbour Museum of the Sea, ")],
        [("title", "Harbour Daily, sailors of the north, cross the bay again after the storm, ")],
        [("author", "Roe, Jane, "), ("title", storm)],
        [("title", storm), ("volume", "Vol. 3, ")],
    ):
        f = _fields([*chunks, ("url", "<https://example.org/a1>")])
        assert "container-title" not in f, chunks
        assert f["title"] == tidy(dict(chunks)["title"]), chunks


def test_a_lower_case_note_between_the_title_and_the_address_goes_on_with_the_title() -> None:
    f = _fields(
        [
            ("title", "Sailors of the north cross the bay "),
            ("note", "in the storm, "),
            ("url", "<https://example.org/a1>"),
        ]
    )
    assert f["title"] == "Sailors of the north cross the bay in the storm"
    # after a title that ends with its period, or a note in capitals: left as read
    f = _fields(
        [
            ("title", "Sailors of the north cross the bay. "),
            ("note", "in the storm, "),
            ("url", "<https://example.org/a1>"),
        ]
    )
    assert f["title"] == "Sailors of the north cross the bay"
    f = _fields(
        [
            ("title", "Sailors of the north cross the bay "),
            ("note", "Online Edition, "),
            ("url", "<https://example.org/a1>"),
        ]
    )
    assert f["title"] == "Sailors of the north cross the bay"


@pytest.mark.parametrize(
    ("text", "author", "title"),
    [
        (
            "سمير حداد - موانئ البحر - دار البحر - بيروت ١٩٩٠م.",
            ("حداد", "سمير"),
            "موانئ البحر",
        ),
        (
            "خالد سعيد - التجارة البحرية - مجلة البحر ١٢ (٣) أيلول ١٩٨٨م ص ٢٤.",
            ("سعيد", "خالد"),
            "التجارة البحرية",
        ),
    ],
)
def test_a_title_after_a_spaced_dash_is_not_part_of_the_name(
    text: str, author: tuple[str, str], title: str
) -> None:
    got = parse_reference(text, context="footnote")
    assert got.author is not None
    assert (got.author[0].family, got.author[0].given) == author
    assert got.title == title


def test_a_dash_inside_a_name_is_not_a_separator() -> None:
    got = parse_reference("Mazzoli-Guintard, Christine: Harbour Towns, Salt Press, 1996.")
    assert got.author is not None and got.author[0].family == "Mazzoli-Guintard"


def test_a_title_after_the_names_colon_is_not_part_of_the_name() -> None:
    # an honorific the labeler leaves out, then "Name: Title." with nothing after it
    got = parse_reference("د. حسين أبو سالم: النشر الإلكتروني.", context="footnote")
    assert got.author is not None
    assert (got.author[0].family, got.author[0].given) == ("أبو سالم", "حسين")
    assert got.title == "النشر الإلكتروني"


def test_two_publisher_spans_around_the_place_the_first_a_title_and_subtitle() -> None:
    # the first span names a body ("Society") but prints a subtitle after a colon: the
    # title (APA: "Author. Year. Title: Subtitle. Place: Publisher.")
    fields = _fields(
        [
            ("author", "Roe, Jane. "),
            ("date", "1992. "),
            ("publisher", "Salt Society: Towards a New Harbour. "),
            ("place", "London: "),
            ("publisher", "Harbour Press."),
        ]
    )
    assert fields["title"] == "Salt Society: Towards a New Harbour"
    assert fields["publisher"] == "Harbour Press"


def test_two_publisher_spans_around_the_place_the_first_a_body_stays_a_publisher() -> None:
    fields = _fields(
        [
            ("author", "Roe, Jane. "),
            ("date", "1992. "),
            ("publisher", "Salt Society. "),
            ("place", "London: "),
            ("publisher", "Harbour Press."),
        ]
    )
    assert fields.get("title") != "Salt Society"


@pytest.mark.parametrize(
    ("chunks", "title", "place"),
    [
        # the title read as a note between the name and the imprint
        (
            [
                ("author", "Roe, Jane. "),
                ("note", "Salt of the Sea. "),
                ("place", "New York: "),
                ("publisher", "Harbour Press, 2004."),
            ],
            "Salt of the Sea",
            "New York",
        ),
        # read as a place before the imprint's place, in one span
        (
            [
                ("author", "Roe, Jane. "),
                ("place", "Salt-de-Mer Harbour. New York: "),
                ("publisher", "Harbour Press, 2004."),
            ],
            "Salt-de-Mer Harbour",
            "New York",
        ),
    ],
)
def test_a_title_read_as_a_note_or_a_place_after_the_name_is_the_title(
    chunks: list[tuple[str, str]], title: str, place: str
) -> None:
    fields = _fields(chunks)
    assert fields["title"] == title
    assert fields["publisher-place"] == place


def test_a_place_with_a_period_in_its_name_stays_the_place() -> None:
    fields = _fields(
        [("author", "Roe, Jane. "), ("place", "St. Louis: "), ("publisher", "Harbour Press.")]
    )
    assert "title" not in fields
    assert fields["publisher-place"] == "St. Louis"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # an edition's cue after a colon
        ("البحر والملح: طبعة دار الموج، ", "البحر والملح"),
        # a manuscript's word before the work's title
        ("مخطوطة أسرار البحر والملح، ", "أسرار البحر والملح"),
        # the bracketed role of the name before it
        ("(ed in chief) Encyclopedia of the Salt Sea, ", "Encyclopedia of the Salt Sea"),
    ],
)
def test_a_statement_around_the_title_is_no_part_of_it(title: str, expected: str) -> None:
    fields = _fields([("author", "Roe, J. "), ("title", title), ("date", "1961.")])
    assert fields["title"] == expected


def test_a_subtitle_after_the_colon_stays_in_the_title() -> None:
    fields = _fields(
        [("author", "Roe, J. "), ("title", "البحر والملح: طبائع البحارة، "), ("date", "1961.")]
    )
    assert fields["title"] == "البحر والملح: طبائع البحارة"
