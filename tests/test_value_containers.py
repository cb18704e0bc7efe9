"""A title span that runs on into the work it is part of (reference/containers.py), on
invented text."""

from __future__ import annotations

import pytest

from citenorm import parse_reference
from citenorm.extraction.reference.containers import (
    container_after_cue,
    container_in_publisher,
    name_before_journal,
)
from citenorm.extraction.reference.repairs import container, publisher_tail
from conftest import labelled_fields as _fields


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Tides of the marsh, in Salt Roads", ("Tides of the marsh", "Salt Roads")),
        ("Tides of the marsh.” In Salt Roads", ("Tides of the marsh", "Salt Roads")),
        (
            "Les marées du sel, Dans un livre “Le sel et la mer”",
            ("Les marées du sel", "Le sel et la mer"),
        ),
        ("Las mareas del sel, En: La sal y el mar", ("Las mareas del sel", "La sal y el mar")),
        ("أخبار الموج، ضمن كتاب «دراسات البحر»", ("أخبار الموج", "دراسات البحر")),
        ("أخبار الموج، من الكتاب التذكاري للملاح", ("أخبار الموج", "الكتاب التذكاري للملاح")),
        ("أخبار الموج، فصلة من مجلة البحر", ("أخبار الموج", "مجلة البحر")),
        # a title's own words: no cue, a lower-case word after "in", a series, a bare "من"
        ("Law, in theory and practice", None),
        ("أخبار الموج، ضمن سلسلة عالم البحر", None),
        ("أخبار الموج، من الثورة إلى الدولة", None),
        ("Salt in Roads of the Sea", None),
    ],
)
def test_the_work_a_title_is_part_of_after_its_cue(
    title: str, expected: tuple[str, str] | None
) -> None:
    head, container = container_after_cue(title)
    if expected is None:
        assert (head, container) == (title, None)
    else:
        assert (head.strip(" ,،.”"), container) == expected


def test_a_title_span_run_on_into_its_book_gives_the_container() -> None:
    f = _fields(
        [
            ("author", "Quay, Nora: "),
            ("title", "Tides of the marsh, in Salt Roads of the North, "),
            ("editor", "edited by Tom Hill, "),
            ("place", "Tangier, "),
            ("publisher", "Harbour Press, "),
            ("date", "1990."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("Tides of the marsh", "Salt Roads of the North")
    # a container span of its own: the title span is left alone
    f = _fields(
        [
            ("author", "Quay, Nora: "),
            ("title", "Tides of the marsh, in theory, "),
            ("container", "Salt Roads, "),
            ("date", "1990."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("Tides of the marsh, in theory", "Salt Roads")


@pytest.mark.parametrize(
    ("publisher", "before", "expected"),
    [
        ("In Salt Roads of the North", None, (None, "Salt Roads of the North")),
        ("ضمن كتاب دراسات البحر", None, (None, "دراسات البحر")),
        (
            "Harbour University Press, Salt Review",
            "issue",
            ("Harbour University Press", "Salt Review"),
        ),
        ("Salt Review, Année", "date", (None, "Salt Review")),
        ("أخبار البحر", "issue", (None, "أخبار البحر")),
        # a body's name before a number is the imprint of a book series; no number after
        ("دار البحر", "issue", ("دار البحر", None)),
        ("Harbour Press", "issue", ("Harbour Press", None)),
        ("Salt Review", None, ("Salt Review", None)),
    ],
)
def test_a_publisher_span_that_names_the_container(
    publisher: str, before: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert container_in_publisher(publisher, before) == expected


def test_a_journal_read_as_a_publisher_before_its_issue() -> None:
    f = _fields(
        [
            ("author", "Quay, Nora, "),
            ("title", "Tides of the marsh, "),
            ("publisher", "Harbour University Press, Salt Review, "),
            ("volume", "Vol. 3, "),
            ("issue", "No. 2 "),
            ("date", "(1990)."),
        ]
    )
    assert (f["container-title"], f["publisher"]) == ("Salt Review", "Harbour University Press")
    # a book: no issue after the publisher
    f = _fields(
        [
            ("author", "Quay, Nora, "),
            ("title", "Tides of the marsh, "),
            ("publisher", "Salt Review Books, "),
            ("volume", "Vol. 3, "),
            ("date", "1990."),
        ]
    )
    assert "container-title" not in f and f["publisher"] == "Salt Review Books"


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("بحث نشر بالكتاب التذكاري للملاح الذي يصدره مجمع البحر", "الكتاب التذكاري للملاح"),
        ("مجلة البحر التي تصدرها جامعة طنجة", "مجلة البحر"),
        ("Salt Studies, published by the Harbour Society", "Salt Studies"),
        ("Salt Studies in the Marsh, Third Annual Volume", "Salt Studies in the Marsh"),
        # a longer part that ends with a volume word is the name's; no verb after the pronoun
        (
            "Salt Studies, The Tides of the Fourth Volume",
            "Salt Studies, The Tides of the Fourth Volume",
        ),
        ("مجلة الذين صدروا", "مجلة الذين صدروا"),
        # a volume in Roman numerals, alone or before the date in brackets
        ("Salt Business Review, XLV (May-June", "Salt Business Review"),
        ("Salt Review, XII", "Salt Review"),
        ("Salt Review, IV(2)", "Salt Review"),
        # a name's own Roman numeral, or a word
        ("Salt Review, XIV Century Studies", "Salt Review, XIV Century Studies"),
        ("Tides, Vi", "Tides, Vi"),
    ],
)
def test_a_container_ends_before_who_issues_it_or_a_volume_description(
    span: str, name: str
) -> None:
    assert container(span) == name


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Tides of the Marsh, Roe's Sons", ("Tides of the Marsh", "Roe's Sons")),
        ("Salt Roads, Hill & Co.", ("Salt Roads", "Hill & Co.")),
        ("Die Salzwege, Salz Verlag", ("Die Salzwege", "Salz Verlag")),
        # a title's own last part: no firm's word at its end, or a lower-case head
        ("Salt Roads, Tides and the Marsh", ("Salt Roads, Tides and the Marsh", None)),
        ("Fathers, and their sons", ("Fathers, and their sons", None)),
    ],
)
def test_a_title_span_that_runs_on_into_a_firm(
    title: str, expected: tuple[str, str | None]
) -> None:
    assert publisher_tail(title) == expected


def test_a_journal_set_apart_by_spaced_dashes_before_the_volume() -> None:
    f = _fields(
        [
            ("author", "سالم الملاح: "),
            ("title", "أخبار الموج - عالم البحر - "),
            ("volume", "مج 18 - "),
            ("issue", "عدد 3 - "),
            ("date", "1987م."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("أخبار الموج", "عالم البحر")
    # a dash inside a title that does not end the span with one: left alone
    f = _fields(
        [
            ("author", "سالم الملاح: "),
            ("title", "أخبار الموج - عالم البحر، "),
            ("publisher", "دار الملح، "),
            ("date", "1987م."),
        ]
    )
    assert f["title"] == "أخبار الموج - عالم البحر" and "container-title" not in f


def test_the_end_of_the_title_read_into_the_container_span_before_the_journal() -> None:
    f = _fields(
        [
            ("author", "Quay, N. (2006). "),
            ("title", "Tides in the marsh: a theory of the "),
            ("container", "salt and the sea. Journal of Salt Studies, "),
            ("volume", "61 "),
            ("issue", "(3), "),
            ("pages", "192-203."),
        ]
    )
    assert (f["title"], f["container-title"]) == (
        "Tides in the marsh: a theory of the salt and the sea",
        "Journal of Salt Studies",
    )


@pytest.mark.parametrize(
    ("text", "container", "expected"),
    [
        (
            "A. Doe and U. K. Roe, Salt Rev. Lett. 77, 250 (2000)",
            "Roe, Salt Rev. Lett",
            "Salt Rev. Lett",
        ),
        ("B. Moe, J.-P. Lark, J. Tide Sci. 3, 4", "Lark, J. Tide Sci", "J. Tide Sci"),
        # no initials before it, or a first part of more than one word: kept
        ("Doe, Tides. Salt Review, Marsh Section, 4", "Salt Review, Marsh Section", None),
        ("A. Doe, Tides. In K. Salt Review, Marsh Section", "Salt Review, Marsh Section", None),
        ("Doe A. Tides. Roe, Salt Review 4", "Roe, Salt Review", None),
    ],
)
def test_a_container_span_that_opens_with_the_last_authors_family_name(
    text: str, container: str, expected: str | None
) -> None:
    start = text.index(container)
    assert name_before_journal(text, container, start) == (expected or container)


def test_a_lone_container_of_a_title_and_a_journal_before_the_volume() -> None:
    f = _fields(
        [
            ("author", "Roe, Jane, "),
            ("container", "Tides, the Salt Naturalist, "),
            ("volume", "Vol. 12, "),
            ("issue", "No. 3 "),
            ("date", "(1878), "),
            ("publisher", "Harbour Press."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("Tides", "the Salt Naturalist")
    # one part, three parts, or no number after it: the container is the title itself
    for chunks in (
        [
            ("container", "Tides of the Salt Naturalist, "),
            ("volume", "Vol. 12, "),
            ("publisher", "X."),
        ],
        [("container", "Tides, Sands, Salt Roads, "), ("volume", "Vol. 12, "), ("publisher", "X.")],
        [("container", "Tides, Salt Roads, "), ("publisher", "Harbour Press, "), ("date", "1990.")],
    ):
        f = _fields([("author", "Roe, Jane, "), *chunks])
        assert "container-title" not in f


def test_a_container_name_in_quotation_marks_keeps_its_commas() -> None:
    assert container("ضمن كتاب «أخبار البحر، المجلد الرابع: الموج»") == (
        "أخبار البحر، المجلد الرابع: الموج"
    )
    assert container("In “Salt Roads, Volume 4: Tides”") == "Salt Roads, Volume 4: Tides"
    # unquoted, or quoted in part: the name ends before its volume
    assert container("ضمن كتاب أخبار البحر، المجلد الرابع") == "أخبار البحر"
    assert "المجلد" not in str(container("«أخبار البحر» الجديدة، المجلد الرابع"))


def test_a_later_container_span_naming_a_periodical_wins_over_a_word_alone() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "أخبار الموج، "),
            ("container", "ملف "),
            ("issue", "العدد 8، "),
            ("container", "من مجلة البحر العالمية، "),
            ("place", "الكويت، "),
            ("date", "1983."),
        ]
    )
    assert f["container-title"] == "مجلة البحر العالمية"
    # a first container of two words or more is the container
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "أخبار الموج، "),
            ("container", "ملف الساحل "),
            ("issue", "العدد 8، "),
            ("container", "من مجلة البحر العالمية، "),
            ("date", "1983."),
        ]
    )
    assert f["container-title"] == "ملف الساحل"


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Majallat al-Baḥr, Ramaḍān-Shawwāl", "Majallat al-Baḥr"),
        ("Majallat al-Baḥr, Rabīʿ al-awwal", "Majallat al-Baḥr"),
        ("Majallat al-Baḥr, Dhū al-Ḥijja", "Majallat al-Baḥr"),
        # a part that only starts like a month's name is the name's own
        ("Majallat al-Baḥr, Rajabian Studies", "Majallat al-Baḥr, Rajabian Studies"),
    ],
)
def test_a_container_ends_before_a_romanized_hijri_month(printed: str, name: str) -> None:
    assert container(printed) == name


def test_a_question_ends_a_title_span_before_the_volume() -> None:
    f = _fields(
        [
            ("author", "Roe, Jane, "),
            ("title", "What is Salt? Salt Encyclopedia, "),
            ("volume", "Vol. 3, "),
            ("publisher", "Harbour Press, "),
            ("date", "1985."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("What is Salt?", "Salt Encyclopedia")
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "ما هو الملح؟ موسوعة البحر، "),
            ("volume", "مجلد 3، "),
            ("date", "1985م."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("ما هو الملح؟", "موسوعة البحر")
    # a question at the end of the title, or no question: the title is whole
    for title in ("Is Salt Sweet? ", "Salt and the Sea "):
        f = _fields(
            [("author", "Roe, Jane, "), ("title", title), ("volume", "Vol. 3, "), ("date", "1985.")]
        )
        assert (f["title"], "container-title" in f) == (title.strip(), False)


def test_a_lone_container_opening_with_the_journal_gives_the_article_after_it() -> None:
    f = _fields(
        [
            ("container", "مجلة البحر الكبير، أخبار الموج والملح، "),
            ("issue", "ع12، "),
            ("date", "1986م."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("أخبار الموج والملح", "مجلة البحر الكبير")
    # a name that opens with no periodical's word is the title itself
    for head in ("مجلة البحر الكبير", "دار البحر الكبير"):
        f = _fields(
            [
                ("container", head + "، أخبار الموج، "),
                ("note", "السنة الثالثة، "),
                ("date", "1986م."),
            ]
        )
        if head.startswith("مجلة"):
            assert (f["title"], f["container-title"]) == ("أخبار الموج", head)
        else:
            assert (f["title"], "container-title" in f) == (head + "، أخبار الموج", False)


def test_a_short_capitalised_name_after_the_title_s_last_colon_before_volume_and_issue() -> None:
    chunks = [("volume", "Vol. 12, "), ("issue", "No. 1, "), ("date", "1937.")]
    f = _fields(
        [("author", "Roe, Jane: "), ("title", "The Salt Trade of Tangier: Tides, "), *chunks]
    )
    assert (f["title"], f["container-title"]) == ("The Salt Trade of Tangier", "Tides")
    # a lower-case subtitle, or a volume alone after it: the title is whole
    for title, after in (
        ("The Salt Trade: a history, ", chunks),
        ("The Salt Trade of Tangier: Tides, ", chunks[:1] + chunks[2:]),
    ):
        f = _fields([("author", "Roe, Jane: "), ("title", title), *after])
        assert (f["title"], "container-title" in f) == (title.rstrip(", "), False)


def test_a_web_entry_that_opens_with_the_site_s_name() -> None:
    url = ("url", "<https://example.org/tides>")
    f = _fields([("title", "Harbour News website, Tides rise over the old port, "), url])
    assert (f["title"], f["container-title"]) == (
        "Tides rise over the old port",
        "Harbour News website",
    )
    f = _fields([("title", "موقع أخبار البحر، المد يرتفع في الميناء القديم، "), url])
    assert (f["title"], f["container-title"]) == (
        "المد يرتفع في الميناء القديم",
        "موقع أخبار البحر",
    )
    # no web address: the title is whole
    f = _fields(
        [("title", "Harbour News website, Tides rise over the old port, "), ("date", "2020.")]
    )
    assert "container-title" not in f
    # no site's word in the first part: in an entry of the span and the address alone, a
    # first part half as long as the second at most is the site's name (value-builder
    # round 10); longer, the title is whole
    f = _fields([("title", "Harbour News, Tides rise over the old port, "), url])
    assert (f["title"], f["container-title"]) == ("Tides rise over the old port", "Harbour News")
    f = _fields([("title", "The Harbour News Online, Tides rise over the port, "), url])
    assert (f["title"], "container-title" in f) == (
        "The Harbour News Online, Tides rise over the port",
        False,
    )


def test_a_title_runs_on_past_a_spaced_dash_into_the_publisher() -> None:
    assert publisher_tail("أخبار الموج والملح - دار البحر - 1998م") == (
        "أخبار الموج والملح",
        "دار البحر - 1998م",
    )
    # a hyphen inside a word, or a dash before no body: the title is whole
    assert publisher_tail("أخبار الموج-دار البحر") == ("أخبار الموج-دار البحر", None)
    assert publisher_tail("Salt Roads - Tides and Sands") == ("Salt Roads - Tides and Sands", None)


@pytest.mark.parametrize(
    ("imprint", "journal", "volume", "issue", "page"),
    [
        ("Salt Review 12, 3-9.", "Salt Review", "12", None, "3-9"),
        ("Marsh and Tide Letters, 43:7: 661.", "Marsh and Tide Letters", "43", "7", "661"),
        ("Brine 127 (2): 16-19.", "Brine", "127", "2", "16-19"),
    ],
)
def test_a_journal_with_its_volume_and_pages_read_as_a_publisher_is_the_journal(
    imprint: str, journal: str, volume: str, issue: str | None, page: str
) -> None:
    f = _fields(
        [
            ("author", "Roe, J. "),
            ("date", "(2010). "),
            ("title", "Brine in the pools. "),
            ("publisher", imprint),
        ]
    )
    assert f["container-title"] == journal
    assert "publisher" not in f
    assert f["volume"] == volume
    assert f.get("issue") == issue
    assert f["page"] == page


def test_a_journal_before_its_year_and_volume_read_as_a_publisher_is_the_journal() -> None:
    f = _fields(
        [
            ("author", "Roe J: "),
            ("title", "Brine in the pools. "),
            ("publisher", "Salt Review "),
            ("date", "1956; "),
            ("volume", "1: "),
            ("pages", "25-34."),
        ]
    )
    assert f["container-title"] == "Salt Review"
    assert "publisher" not in f


@pytest.mark.parametrize(
    "chunks",
    [
        # a press (a publisher's word), a place in the entry, words after the number
        [("publisher", "Harbour Press 12, 3-9.")],
        [
            ("publisher", "Salt Review "),
            ("date", "1956; "),
            ("place", "Tangier, "),
            ("volume", "1."),
        ],
        [("publisher", "Salt Review 12 plates, 3 maps.")],
        [("publisher", "salt review 12, 3-9.")],
    ],
)
def test_a_publisher_that_is_no_journal_before_numbers_stays(chunks: list[tuple[str, str]]) -> None:
    f = _fields([("author", "Roe, J. "), ("title", "Brine in the pools. "), *chunks])
    assert "container-title" not in f
    assert "publisher" in f


@pytest.mark.parametrize(
    ("text", "title", "journal"),
    [
        (
            "Haddad, Samir, the quiet harbour towns of the north, scientific journal of sea "
            "studies, Vol. 7, No. 2, Harbour University, Kuwait, 2019.",
            "the quiet harbour towns of the north",
            "scientific journal of sea studies",
        ),
        (
            # a cue ends the title: it does not open the journal
            "Haddad, Samir, the quiet harbour towns of the north, in Journal of Sea Studies, "
            "Vol. 7, No. 2, 2019.",
            "the quiet harbour towns of the north",
            "Journal of Sea Studies",
        ),
    ],
)
def test_a_journals_first_word_left_in_the_title_goes_to_the_journal(
    text: str, title: str, journal: str
) -> None:
    got = parse_reference(text)
    assert (got.title, got.container_title) == (title, journal)


def test_a_statement_span_opening_with_in_and_naming_no_role_is_the_work() -> None:
    f = _fields(
        [
            ("author", "Roe, Jane. "),
            ("title", "The Salt Road. "),
            ("editor", "In Tales of the Coast, "),
            ("volume", "2 vols., "),
            ("editor", "edited by John Doe, "),
            ("place", "Tangier: "),
            ("publisher", "Harbour Press, "),
            ("date", "1989."),
        ]
    )
    assert f["container-title"] == "Tales of the Coast"
    assert f["title"] == "The Salt Road"
    # "In: J. Doe (eds) | Book Title.": the editors' statement, then the book's title
    f = _fields(
        [
            ("author", "Roe, Jane 2008. "),
            ("title", "The Salt Road. "),
            ("editor", "In: John Doe (eds) "),
            ("title", "Tales of the Coast. "),
            ("place", "Tangier: "),
            ("publisher", "Harbour Press, "),
            ("date", "2008."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("The Salt Road", "Tales of the Coast")
    # a statement with no "in" cue stays a statement
    f = _fields(
        [
            ("author", "Roe, Jane, "),
            ("title", "The Salt Road, "),
            ("editor", "Tales of the Coast, "),
            ("place", "Berlin, "),
            ("date", "1991."),
        ]
    )
    assert "container-title" not in f


def test_a_work_after_in_at_the_end_of_the_title_before_its_editor_is_the_container() -> None:
    chunks = [
        ("author", "J. Roe: "),
        ("title", "The Salt Road, in Tales of the Coast, "),
        ("editor", "edited by John Doe, "),
        ("container", "The "),
        ("title", "Harbour Press, "),
        ("date", "1963."),
    ]
    f = _fields(chunks)
    assert f["title"] == "The Salt Road"
    assert f["container-title"] == "Tales of the Coast"
    # the editors' names after "in", their statement closing on "(eds.)": no work named
    chunks[1] = ("title", "The Salt Road, in John Doe and ")
    chunks[2] = ("editor", "Mary Poe (eds.), ")
    assert _fields(chunks)["title"] == "The Salt Road, in John Doe and"


@pytest.mark.parametrize(
    ("chunks", "volume", "page"),
    [
        # ACS: "Journal Year, Volume, Pages", the volume read into the pages span
        (
            [
                ("author", "Roe, J. "),
                ("title", "“Salt in the sea.” "),
                ("container", "J. Salt Stud. "),
                ("date", "1995, "),
                ("pages", "267, 90–93."),
            ],
            "267",
            "90-93",
        ),
        (
            [
                ("author", "Roe, J. "),
                ("title", "“Salt in the sea.” "),
                ("container", "J. Salt Stud. "),
                ("date", "2010, "),
                ("pages", "132, 12811–12813."),
            ],
            "132",
            "12811-12813",
        ),
        # "Journal Volume, Pages": the volume read into the journal's span
        (
            [
                ("author", "Roe, J. (2003). "),
                ("title", "Salt in the sea. "),
                ("container", "Salt 114, "),
                ("pages", "61–73."),
            ],
            "114",
            "61-73",
        ),
    ],
)
def test_a_bare_volume_beside_the_pages_is_the_volume(
    chunks: list[tuple[str, str]], volume: str, page: str
) -> None:
    fields = _fields(chunks)
    assert fields["volume"] == volume
    assert fields["page"] == page
    assert fields["container-title"] in ("J. Salt Stud", "Salt")


def test_a_year_before_the_pages_is_no_volume() -> None:
    fields = _fields(
        [
            ("author", "Roe, J. "),
            ("title", "Salt in the sea. "),
            ("container", "Salt Review 1990, "),
            ("pages", "61–73."),
        ]
    )
    assert "volume" not in fields


@pytest.mark.parametrize(
    ("chunks", "page"),
    [
        # the pages after the issue's closing bracket, read into the issue's span
        (
            [
                ("title", "Salt in the sea. "),
                ("container", "Salt Review, "),
                ("volume", "33"),
                ("issue", "(1) 57-95, "),
                ("date", "1987."),
            ],
            "57-95",
        ),
        # after the volume's colon, read into the volume's span
        (
            [
                ("title", "Salt in the sea. "),
                ("container", "J. Salt. "),
                ("volume", "129: 413, "),
                ("date", "1979."),
            ],
            "413",
        ),
    ],
)
def test_the_pages_read_into_the_volume_or_issue_span_are_the_pages(
    chunks: list[tuple[str, str]], page: str
) -> None:
    fields = _fields(chunks)
    assert fields["page"] == page
    assert fields["volume"] in ("33", "129")


def test_an_issue_after_the_volume_in_its_span_is_no_page() -> None:
    # "33 (1)": the issue in brackets, nothing after it
    fields = _fields(
        [
            ("title", "Salt in the sea. "),
            ("container", "Salt Review, "),
            ("volume", "33 (1), 1987."),
        ]
    )
    assert "page" not in fields


def test_the_article_and_its_journal_read_as_a_note_before_the_date_and_numbers() -> None:
    fields = _fields(
        [
            ("author", "ROE, J. "),
            ("note", "Des routes du sel. Revue du sel, "),
            ("date", "septembre 2014, "),
            ("issue", "n°121, "),
            ("pages", "pp. 36-37."),
        ]
    )
    assert fields["title"] == "Des routes du sel"
    assert fields["container-title"] == "Revue du sel"
    assert fields["issue"] == "121"


def test_a_name_span_after_the_title_before_the_numbers_is_the_journal() -> None:
    fields = _fields(
        [
            ("author", "ROE, J. "),
            ("title", "Le sel de la mer (dossier). "),
            ("author", "Sels, "),
            ("date", "avril 2011, "),
            ("issue", "n°754. "),
            ("pages", "p. 31-57."),
        ]
    )
    assert fields["container-title"] == "Sels"
    assert [n["family"] for n in fields["author"]] == ["ROE"]  # type: ignore[index,union-attr]


def test_a_second_name_span_without_numbers_after_it_stays_a_name() -> None:
    # "Title. Translated Name, 2011.": no volume, issue or pages: not a journal
    fields = _fields(
        [("author", "ROE, J. "), ("title", "Le sel. "), ("author", "Sam Quay, "), ("date", "2011.")]
    )
    assert "container-title" not in fields


def test_the_year_that_closes_the_journal_span_is_the_date() -> None:
    # ACS: "Journal Year, Volume, Pages", the year read into the journal's name
    fields = _fields(
        [
            ("author", "Roe, J. "),
            ("title", "“Salt in the sea.” "),
            ("container", "Salt Zeitschrift 1913, "),
            ("volume", "49, "),
            ("pages", "333–369."),
        ]
    )
    assert fields["container-title"] == "Salt Zeitschrift"
    assert fields["issued"] == {"date-parts": [[1913]], "raw": "1913"}


def test_a_journal_named_with_its_year_and_no_numbers_after_it_keeps_it() -> None:
    fields = _fields(
        [
            ("author", "Roe, J. "),
            ("title", "Salt in the sea. "),
            ("container", "Proceedings of Salt 1913, "),
            ("date", "1914."),
        ]
    )
    assert fields["issued"] == {"date-parts": [[1914]], "raw": "1914"}


def test_a_chapter_in_a_book_with_its_editor_after_the_title_span() -> None:
    fields = _fields(
        [
            ("author", "Roe, Jane: "),
            ("title", "Salt and Sea in A History of the Harbours, "),
            ("editor", "edited by John Doe, "),
            ("publisher", "Harbour Press, "),
            ("date", "1963."),
        ]
    )
    assert fields["title"] == "Salt and Sea"
    assert fields["container-title"] == "A History of the Harbours"


def test_a_title_with_in_before_a_translator_statement_stays_whole() -> None:
    fields = _fields(
        [
            ("author", "Roe, Jane: "),
            ("title", "The Revolution in Physics, "),
            ("editor", "trans. by John Doe, "),
            ("publisher", "Harbour Press, "),
            ("date", "1963."),
        ]
    )
    assert fields["title"] == "The Revolution in Physics"
    assert "container-title" not in fields


def test_the_year_that_opens_the_volume_span_before_a_comma_is_the_date() -> None:
    fields = _fields(
        [
            ("author", "Roe, J. "),
            ("title", "Salt in the sea. "),
            ("container", "Salt Letters "),
            ("volume", "2000, 85, "),
            ("issue", "(24), "),
            ("pages", "5186-5189."),
        ]
    )
    assert fields["volume"] == "85"
    assert fields["issued"] == {"date-parts": [[2000]], "raw": "2000"}


def test_a_date_span_that_runs_on_into_the_volume_and_pages_is_split() -> None:
    fields = _fields(
        [("author", "E. Roe, P. Quay, "), ("container", "Salt Lett. "), ("date", "2010, 10, 1082.")]
    )
    assert fields["issued"] == {"date-parts": [[2010]], "raw": "2010"}
    assert (fields["volume"], fields["page"]) == ("10", "1082")


def test_a_year_month_and_day_in_the_date_span_stay_a_date() -> None:
    fields = _fields([("author", "E. Roe. "), ("title", "Salt Roads. "), ("date", "2010, 10, 12.")])
    assert "volume" not in fields
    assert "page" not in fields
