"""Repairs of values that run past their end (reference/tails.py), on invented text."""

from __future__ import annotations

import pytest

from citenorm.extraction.reference.tails import date_tail
from citenorm.extraction.reference.tokens import tokenize
from citenorm.extraction.reference.values import build_fields
from conftest import labelled_fields as _fields


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("دار الملح، 1402 هجرى قمرى", "دار الملح"),
        ("منشورات البحر، 1371 هجرى شمسى", "منشورات البحر"),
        ("طنجة 1409ق", "طنجة"),
        ("Harbour Press, 1322 A.H.", "Harbour Press"),
        ("Stone & Hill, 1990", "Stone & Hill"),
        # not a year, or words that are no era: the value stays whole
        ("Studio 54", "Studio 54"),
        ("Salt Press, 1990 reprint", "Salt Press, 1990 reprint"),
        ("1990", "1990"),
    ],
)
def test_a_date_after_a_publisher_or_a_place_is_not_part_of_it(value: str, kept: str) -> None:
    assert date_tail(value) == kept


def test_a_publisher_span_run_into_a_hijri_date_keeps_the_year_as_the_date() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "كتاب الموج، "),
            ("place", "طنجة، "),
            ("publisher", "دار الملح، 1402 هجرى قمرى"),
        ]
    )
    assert f["publisher"] == "دار الملح"
    assert f["publisher-place"] == "طنجة"
    assert f["hijri"] == 1402


def test_an_inverted_name_and_a_sentence_period_end_the_author_chicago_style() -> None:
    f = _fields(
        [
            ("author", "Marlowe, Tobias. Salt Roads, "),
            ("title", "a History of the Coast. "),
            ("place", "Tangier: "),
            ("publisher", "Harbour Books, "),
            ("date", "2004."),
        ]
    )
    assert f["author"] == [{"family": "Marlowe", "given": "Tobias"}]
    assert f["title"] == "Salt Roads, a History of the Coast"
    # the whole title in the name span, no title span
    f = _fields(
        [("author", "Marlowe, Tobias. Salt Roads, "), ("place", "Tangier: "), ("date", "2004.")]
    )
    assert f["title"] == "Salt Roads"
    # a second inverted name is no title; an initial's period ends no sentence
    f = _fields(
        [
            ("author", "MARLOWE, Tobias. QUAY, Nora. "),
            ("title", "Salt Roads. "),
            ("date", "2004."),
        ]
    )
    assert f["title"] == "Salt Roads"
    f = _fields([("author", "Marlowe, T. "), ("title", "Salt Roads. "), ("date", "2004.")])
    assert f["title"] == "Salt Roads"


def test_a_name_span_of_three_arabic_comma_parts_holds_the_head_of_the_title() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم، أبو الموج "),
            ("title", "وأخبار البحر، "),
            ("publisher", "دار الساحل، "),
            ("date", "1999م."),
        ]
    )
    assert f["author"] == [{"family": "الملاح", "given": "سالم"}]
    assert f["title"] == "أبو الموج وأخبار البحر"
    # two inverted names joined by a glued "و" are two authors, not a title
    f = _fields(
        [
            ("author", "الملاح، سالم وقطران، نادر، "),
            ("title", "كتاب الموج، "),
            ("date", "1999م."),
        ]
    )
    assert f["title"] == "كتاب الموج"
    assert len(f["author"]) == 2  # type: ignore[arg-type]


def test_the_end_of_a_name_at_the_head_of_the_title_span_goes_back_to_the_name() -> None:
    f = _fields(
        [
            ("author", "Marlowe, "),
            ("title", "Tobias. Salt Roads of the Coast. "),
            ("place", "Tangier: "),
            ("date", "2004."),
        ]
    )
    assert f["author"] == [{"family": "Marlowe", "given": "Tobias"}]
    assert f["title"] == "Salt Roads of the Coast"
    # a family name and an initial are a whole name: a title with a period stays whole
    f = _fields(
        [
            ("author", "MARLOWE T., "),
            ("title", "La Mer inachevée. Histoire du sel, "),
            ("date", "2004."),
        ]
    )
    assert f["title"] == "La Mer inachevée. Histoire du sel"


def test_a_place_colon_publisher_imprint_gives_both() -> None:
    f = _fields(
        [
            ("author", "Marlowe, Tobias. "),
            ("title", "Salt Roads of the Coast. Tangier: Éditions de la Mer, "),
            ("date", "2004."),
        ]
    )
    assert f["title"] == "Salt Roads of the Coast"
    assert f["publisher-place"] == "Tangier"
    assert f["publisher"] == "Éditions de la Mer"
    f = _fields(
        [
            ("author", "Marlowe, Tobias. "),
            ("title", "Salt Roads of the Coast. "),
            ("place", "Tangier: Éditions de la Mer, "),
            ("date", "2004."),
        ]
    )
    assert (f["publisher-place"], f["publisher"]) == ("Tangier", "Éditions de la Mer")
    # a title's own "Sentence. Subtitle: more" is no imprint
    f = _fields(
        [
            ("author", "Marlowe, Tobias. "),
            ("title", "Salt Roads. a survey of the coast: notes, "),
            ("publisher", "Harbour Books, "),
            ("date", "2004."),
        ]
    )
    assert f["title"] == "Salt Roads. a survey of the coast: notes"


def test_a_journal_name_in_the_last_sentence_of_the_title_before_its_volume() -> None:
    f = _fields(
        [
            ("author", "Quay, N. (2011). "),
            ("title", "Salt in the coastal marsh: a survey. Journal of Salt Studies "),
            ("volume", "12, "),
            ("pages", "3-40."),
        ]
    )
    assert f["title"] == "Salt in the coastal marsh: a survey"
    assert f["container-title"] == "Journal of Salt Studies"
    # a sentence in lower case is the title's own; no volume after it: a book's subtitle
    f = _fields(
        [
            ("title", "Salt in the marsh. the long survey of tides "),
            ("volume", "12."),
        ]
    )
    assert f["title"] == "Salt in the marsh. the long survey of tides"
    f = _fields([("title", "Salt in the Marsh. A Survey of Tides, "), ("date", "2011.")])
    assert f["title"] == "Salt in the Marsh. A Survey of Tides"


@pytest.mark.parametrize(
    ("container", "name"),
    [
        ("Salt Letters 2010, ", "Salt Letters"),
        ("Salt Studies, 14(S-2):S", "Salt Studies"),
        ("Salt Monographs No. 3, ", "Salt Monographs"),
        ("Salt Review B 54, R172–R", "Salt Review B"),
    ],
)
def test_a_journal_name_ends_before_its_numbers(container: str, name: str) -> None:
    f = _fields([("title", "Tides of the marsh. "), ("container", container)])
    assert f["container-title"] == name


def test_a_lone_container_keeps_its_years_as_the_title() -> None:
    f = _fields([("author", "Quay, Nora, "), ("container", "Salt and the Sea, 1900–1947")])
    assert f["title"] == "Salt and the Sea, 1900–1947"


def test_the_last_part_of_a_title_read_as_the_head_of_the_publisher_goes_back() -> None:
    f = _fields(
        [
            ("author", "Quay, Nora, "),
            ("title", "Salt Roads, "),
            ("publisher", "Tides and Marshes, Harbour Press, "),
            ("date", "1998."),
        ]
    )
    assert f["title"] == "Salt Roads, Tides and Marshes"
    assert f["publisher"] == "Harbour Press"
    # a company's name with a comma, a publisher and its place: left as they are
    for publisher, kept in (
        ("Harbour Associates, Inc., ", "Harbour Associates, Inc"),
        ("Gulls, Terns and Company, ", "Gulls, Terns and Company"),
    ):
        f = _fields([("title", "Salt Roads, "), ("publisher", publisher), ("date", "1998.")])
        assert (f["title"], f["publisher"]) == ("Salt Roads", kept)


def test_a_description_of_the_copy_cited_is_not_the_title() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "رسالة في الموج، مخطوطة مكتبة الساحل، رقم "),
            ("date", "(12)."),
        ]
    )
    assert f["title"] == "رسالة في الموج"
    f = _fields(
        [("title", "Risala fi al-milh, manuscript in the Harbour Library, "), ("date", "1900")]
    )
    assert f["title"] == "Risala fi al-milh"


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("بحر الملح، بالاشتراك مع سالم الموج، ", "بحر الملح"),
        ("رسالة الموج، بقلم سالم الملاح، ", "رسالة الموج"),
        ("كتاب المد والجزر، صححه الشيخ سالم، ", "كتاب المد والجزر"),
        ("نوادر الساحل، خرجه جماعة من البحارة، ", "نوادر الساحل"),
        ("أطلس البحر، إعادة طبعة قديمة، ", "أطلس البحر"),
        ("صفة الساحل، مأخوذة من كتاب المراسي، ", "صفة الساحل"),
        ("ذكر الجزر، وهو جزء من كتاب الموانئ، ", "ذكر الجزر"),
        ("Salt and Tides, tran. By: Nora Quay, ", "Salt and Tides"),
    ],
)
def test_a_statement_after_the_title_is_not_the_title(title: str, kept: str) -> None:
    f = _fields(
        [
            ("author", "Roe, Jane: "),
            ("title", title),
            ("publisher", "دار البحر، "),
            ("date", "1990."),
        ]
    )
    assert f["title"] == kept
    # the words alone, or as a title's own first words, stay in the title
    f = _fields([("title", "كتاب البحر، بقلم، "), ("date", "1990.")])
    assert f["title"] == "كتاب البحر، بقلم"
    f = _fields([("title", "بقلم الرصاص: سيرة، "), ("date", "1990.")])
    assert f["title"] == "بقلم الرصاص: سيرة"


def test_a_printing_named_by_its_place_gives_the_place() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "كتاب الموج، "),
            ("edition", "طبعة حجرية القاهرة، "),
            ("date", "1303ه."),
        ]
    )
    assert f["publisher-place"] == "القاهرة"
    f = _fields([("author", "الملاح: "), ("title", "كتاب الموج، طبعة لندن، "), ("date", "1932م.")])
    assert (f["title"], f["publisher-place"]) == ("كتاب الموج", "لندن")
    # an edition by its number names no place
    f = _fields([("title", "كتاب الموج، "), ("edition", "الطبعة الثانية، "), ("date", "1932م.")])
    assert "publisher-place" not in f


def test_a_name_with_a_blessing_or_a_collective_author_at_the_head_of_the_title() -> None:
    f = _fields(
        [
            ("title", "الإمام سالم عليه السلام، كتاب الموج، "),
            ("place", "طنجة، "),
            ("date", "1400 هجرى"),
        ]
    )
    assert f["title"] == "كتاب الموج"
    assert f["author"] == [{"literal": "سالم"}] or f["author"] == [{"family": "سالم"}]
    f = _fields([("title", "مجموعة من الباحثين، أخبار البحر، "), ("date", "1983.")])
    assert f["title"] == "أخبار البحر"
    assert "مجموعة من الباحثين" in str(f["author"])
    # a title's own comma part is no author
    f = _fields([("title", "البحر والملح، دراسة في الموج، "), ("date", "1983.")])
    assert f["title"] == "البحر والملح، دراسة في الموج"
    assert "author" not in f


def test_a_name_in_natural_order_ends_at_its_comma() -> None:
    f = _fields(
        [
            ("other", "د. "),
            ("author", "سالم الملاح، الموج، "),
            ("publisher", "دار الساحل، "),
            ("date", "1969."),
        ]
    )
    assert f["title"] == "الموج"
    assert f["author"] == [{"family": "الملاح", "given": "سالم"}]
    f = _fields([("author", "سالم الملاح، بين الموج "), ("title", "والرمل، "), ("date", "1969.")])
    assert f["title"] == "بين الموج والرمل"
    # an inverted name, a second author: left whole
    f = _fields([("author", "الملاح، سالم، "), ("title", "الموج، "), ("date", "1969.")])
    assert (f["title"], f["author"]) == ("الموج", [{"family": "الملاح", "given": "سالم"}])
    f = _fields([("author", "سالم الملاح، وعلي البحري، "), ("title", "الموج، "), ("date", "1969.")])
    assert f["title"] == "الموج"


def test_the_end_of_an_arabic_name_before_the_colon_goes_back_to_the_name() -> None:
    f = _fields(
        [
            ("author", "الملاح، أبو عبد الله سالم بن علي "),
            ("title", "الساحلي الطنجي: كتاب الموج، "),
            ("date", "1969."),
        ]
    )
    assert f["title"] == "كتاب الموج"
    assert "الطنجي" in str(f["author"])
    # a whole name before a title with a colon of its own
    f = _fields(
        [("author", "الملاح، سالم: "), ("title", "الموج: دراسة في البحر، "), ("date", "1969.")]
    )
    assert f["title"] == "الموج: دراسة في البحر"


def test_an_arabic_family_alone_takes_the_given_names_after_a_rank() -> None:
    f = _fields(
        [
            ("author", "الملاح، "),
            ("title", "السيد سالم بن علي، كتاب الموج، "),
            ("date", "1400 هجرى"),
        ]
    )
    assert f["title"] == "كتاب الموج"
    assert "سالم" in str(f["author"])


def test_values_keep_the_persian_letters_the_reference_prints() -> None:
    from citenorm.extraction.reference import parse_reference
    from citenorm.extraction.reference.letters import printed_words

    text = "ملاحی، سالم، «کتاب دریا»، نشر ساحل، تبریز، 1381ش"
    f = parse_reference(text).to_json()
    for key in ("title", "publisher-place"):
        if key in f:
            assert str(f[key]) in text  # a piece of the printed text, letters and all
    assert "ی" in str(f) and "ي" not in str(f)
    # the cleaned words map back to the printed ones; no Persian letter, no map
    words = printed_words("کتاب  دریا\tو", "كتاب دريا و")
    assert words == {"كتاب": "کتاب", "دريا": "دریا"}
    assert printed_words("كتاب دريا", "كتاب دريا") == {}


def test_a_persian_undated_mark_after_the_place_is_not_the_place() -> None:
    f = _fields([("title", "«کتاب دریا»، "), ("place", "قم، (بیتا)")])
    assert f["publisher-place"] == "قم"


def test_an_alternative_quoted_title_read_as_a_container_is_part_of_the_title() -> None:
    f = _fields(
        [
            ("author", "سالم الملاح، "),
            ("title", "«مأساة البحر» "),
            ("container", "أو «الموج الأحمر»، مخطوطة."),
        ]
    )
    assert f["title"] == "مأساة البحر» أو «الموج الأحمر"  # the outer marks dropped
    assert "container-title" not in f
    f = _fields([("title", "“Salt” "), ("container", "or “The Red Tide”, Harbour Review")])
    assert f["title"] == "Salt” or “The Red Tide"
    # a container that opens with no "or" stays the container
    f = _fields([("title", "«مأساة البحر»، "), ("container", "مجلة الموج، ")])
    assert (f["title"], f["container-title"]) == ("مأساة البحر", "مجلة الموج")


def test_apa_title_read_as_a_publisher_or_a_name() -> None:
    # two publisher spans around the place, no title: the first is the title
    f = _fields(
        [
            ("author", "Quay, N. "),
            ("date", "(1951). "),
            ("publisher", "Salt roads. "),
            ("place", "Tangier: "),
            ("publisher", "Harbour Press."),
        ]
    )
    assert (f["title"], f["publisher"]) == ("Salt roads", "Harbour Press")
    # a title-first entry whose title was read as a name
    f = _fields(
        [
            ("author", "كتاب الموج. "),
            ("date", "(1883). "),
            ("place", "طنجة: "),
            ("publisher", "المطبعة الساحلية."),
        ]
    )
    assert f["title"] == "كتاب الموج"
    assert "author" not in f
    # an inverted name with no title stays a name
    f = _fields([("author", "الملاح، سالم. "), ("date", "(1883).")])
    assert "author" in f


def test_the_last_name_of_a_list_at_the_head_of_the_title_goes_back_to_the_names() -> None:
    f = _fields(
        [
            ("author", "Jane Roe, Nora Quay, "),
            ("title", "and Tom Salt. Tides of the northern coast. "),
            ("date", "2012."),
        ]
    )
    assert f["title"] == "Tides of the northern coast"
    assert "Salt" in str(f["author"])
    f = _fields(
        [
            ("author", "Roe, Jane. "),
            ("title", "and others. Tides of the coast. "),
            ("date", "2012."),
        ]
    )
    assert f["title"] == "Tides of the coast"
    # a title that opens with "and" and lower-case words is the title's own
    f = _fields(
        [("author", "Roe, Jane. "), ("title", "and then the tide. A study. "), ("date", "2012.")]
    )
    assert f["title"] == "and then the tide. A study"


def test_an_imprint_read_into_a_statement_or_a_series_is_the_publisher() -> None:
    f = _fields(
        [
            ("title", "كتاب الموج، "),
            ("editor", "ترجمة: سالم الملاح، أمواج، "),
            ("place", "طنجة، "),
            ("date", "1993م."),
        ]
    )
    assert (f["publisher"], f["publisher-place"]) == ("أمواج", "طنجة")
    f = _fields(
        [
            ("title", "كتاب الموج، "),
            ("editor", "تحقيق: سالم الملاح دار الساحل، "),
            ("place", "طنجة، "),
            ("date", "1993م."),
        ]
    )
    assert f["publisher"] == "دار الساحل"
    f = _fields(
        [("title", "كتاب الموج، "), ("collection", "المجمع البحري، طنجة، "), ("date", "1993م.")]
    )
    assert (f["publisher"], f["publisher-place"]) == ("المجمع البحري", "طنجة")
    # a series named as one, a second translator: no publisher
    f = _fields([("title", "كتاب الموج، "), ("collection", "سلسلة البحر، "), ("place", "طنجة، ")])
    assert "publisher" not in f
    f = _fields(
        [
            ("title", "كتاب الموج، "),
            ("editor", "ترجمة: سالم الملاح، مراجعة علي البحري، "),
            ("place", "طنجة، "),
        ]
    )
    assert "publisher" not in f


def test_a_title_first_entry_read_as_a_translators_statement_keeps_its_title() -> None:
    f = _fields(
        [
            ("editor", "Salt Roads of the Coast, tr. Jane Roe, Harbour Books, "),
            ("place", "Tangier, "),
            ("date", "1987."),
        ]
    )
    assert f["title"] == "Salt Roads of the Coast"
    assert f["publisher"] == "Harbour Books"
    # a statement that opens with its cue names no title
    f = _fields([("editor", "tr. Jane Roe, Harbour Books, "), ("place", "Tangier, ")])
    assert "title" not in f


def test_an_article_cited_by_its_journal_alone_keeps_a_container_and_no_title() -> None:
    f = _fields(
        [
            ("author", "Quay, N., & Roe, J. "),
            ("date", "1997, "),
            ("container", "Salt J., "),
            ("volume", "475, "),
            ("pages", "163"),
        ]
    )
    assert f["container-title"] == "Salt J"
    assert "title" not in f
    # "Title. Journal" in that span: both
    f = _fields(
        [
            ("author", "Quay, N. "),
            ("container", "Tides of the northern marsh. Salt Letters "),
            ("volume", "12, "),
            ("pages", "3-4."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("Tides of the northern marsh", "Salt Letters")
    # a book in volumes (an imprint) read as a container: its title
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("container", "كتاب الموج، "),
            ("volume", "ج1، "),
            ("publisher", "دار الساحل."),
        ]
    )
    assert f["title"] == "كتاب الموج"


def test_a_vancouver_journal_before_the_date_and_the_volume() -> None:
    f = _fields(
        [
            ("author", "Quay N, Roe J. "),
            ("title", "Salt in the tidal marsh. Salt Letters. "),
            ("date", "2010 Mar 18;"),
            ("volume", "29"),
            ("issue", "(11):"),
            ("pages", "1611-21."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("Salt in the tidal marsh", "Salt Letters")


def test_a_short_journal_name_after_the_title_when_no_other_journal_is_named() -> None:
    f = _fields(
        [
            ("author", "Quay, N., "),
            ("title", "Disturbances of the tidal marsh. Coastal notes, "),
            ("date", "1943. "),
            ("volume", "2"),
            ("issue", "(3): "),
            ("pages", "p. 217-250."),
        ]
    )
    assert (f["title"], f["container-title"]) == (
        "Disturbances of the tidal marsh",
        "Coastal notes",
    )
    # "Title. Journal" read as a container before the date and the issue
    f = _fields(
        [
            ("author", "QUAY, Nora. "),
            ("container", "Les marées ciblées. Objectif Sel, "),
            ("date", "décembre 2010, "),
            ("volume", "n°191. "),
            ("pages", "p. 29-31."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("Les marées ciblées", "Objectif Sel")


def test_a_journal_name_cut_between_the_title_span_and_the_container_span() -> None:
    f = _fields(
        [
            ("author", "Quay, N. (1948). "),
            ("title", "A theory of the tides. The Salt Marsh Technical "),
            ("container", "Journal , "),
            ("volume", "27 , "),
            ("pages", "379-423."),
        ]
    )
    assert (f["title"], f["container-title"]) == (
        "A theory of the tides",
        "The Salt Marsh Technical Journal",
    )


def test_a_container_span_that_describes_the_journal_named_in_the_title_span() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "أخبار الموج، مجلة البحر، "),
            ("container", "مجلة فكرية تصدر كل شهر، "),
            ("issue", "ع6، "),
            ("date", "1997م."),
        ]
    )
    assert (f["title"], f["container-title"]) == ("أخبار الموج", "مجلة البحر")
    f = _fields(
        [
            ("title", "أخبار الموج: مجلة البحر، "),
            ("container", "مجلة متخصصة تعنى بالملح، "),
            ("issue", "العدد 8، "),
        ]
    )
    assert (f["title"], f["container-title"]) == ("أخبار الموج", "مجلة البحر")
    # a container that names a journal stays
    f = _fields([("title", "أخبار الموج، "), ("container", "مجلة البحر، "), ("issue", "ع6.")])
    assert f["container-title"] == "مجلة البحر"


def test_an_arabic_family_alone_takes_the_given_name_before_the_colon() -> None:
    f = _fields([("author", "الملاح، "), ("title", "سالم: أخبار الموج، "), ("date", "2011م.")])
    assert (f["title"], f["author"]) == ("أخبار الموج", [{"family": "الملاح", "given": "سالم"}])
    # an inverted name glued to its comma is whole: the title keeps its colon
    f = _fields(
        [("author", "الملاح،سالم، "), ("title", "الموج: أخبار البحر، "), ("date", "2011م.")]
    )
    assert f["title"] == "الموج: أخبار البحر"


def test_a_note_cites_given_family_then_the_title() -> None:
    chunks = [
        ("author", "Tobias Marlowe, Salt Roads of the Coast, t. 2 "),
        ("place", "(Tangier: "),
        ("publisher", "Harbour Books, "),
        ("date", "2008), "),
        ("pages", "37-9"),
    ]
    text = "".join(part for _, part in chunks)
    toks = tokenize(text)
    bounds, start = [], 0
    for label, part in chunks:
        bounds.append((start, start + len(part), label))
        start += len(part)
    labels = [next(lab for a, b, lab in bounds if a <= t.start < b) for t in toks]
    f = build_fields(text, toks, labels, entry=False).to_json()
    assert f["author"] == [{"family": "Marlowe", "given": "Tobias"}]
    assert f["title"] == "Salt Roads of the Coast"
    # a note whose name span holds an inverted name alone: no title made up
    chunks[0] = ("author", "Marlowe, Tobias, ")
    text = "".join(part for _, part in chunks)
    toks = tokenize(text)
    bounds, start = [], 0
    for label, part in chunks:
        bounds.append((start, start + len(part), label))
        start += len(part)
    labels = [next(lab for a, b, lab in bounds if a <= t.start < b) for t in toks]
    assert "title" not in build_fields(text, toks, labels, entry=False).to_json()


@pytest.mark.parametrize(
    ("volume", "number", "issue"),
    [
        ("Volume 87, Numéro 1.", "87", "1"),
        ("vol. 12, no. 3-4, ", "12", "3-4"),
        ("المجلد 5، العدد 2، ", "5", "2"),
    ],
)
def test_an_issue_printed_after_the_volume_in_one_span(
    volume: str, number: str, issue: str
) -> None:
    f = _fields(
        [("title", "Tides of the marsh, "), ("container", "Salt Review, "), ("volume", volume)]
    )
    assert (f["volume"], f["issue"]) == (number, issue)


def test_the_year_of_an_edition_read_into_a_series_span_is_the_date() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "أخبار الموج، "),
            ("collection", "دراسة وتحليل، الطبعة الأولى 2000، "),
            ("publisher", "دار الساحل."),
        ]
    )
    assert f["issued"] == {"date-parts": [[2000]], "raw": "2000"}
    # a series number is no date
    f = _fields([("title", "أخبار الموج، "), ("collection", "سلسلة البحر 2000، ")])
    assert "issued" not in f


def test_a_name_span_of_three_parts_cut_inside_a_word_run_gives_its_third_part_to_the_title() -> (
    None
):
    # the third part opens with a given name, but no mark ends it: the title's head
    f = _fields(
        [
            ("author", "الساحلي، سالم عبد الله، إبراهيم بن"),
            ("title", " رشيد البحار وآراؤه، "),
            ("place", "القاهرة، "),
            ("date", "1946م."),
        ]
    )
    assert f["title"] == "إبراهيم بن رشيد البحار وآراؤه"
    assert f["author"] == [{"family": "الساحلي", "given": "سالم عبد الله"}]
    # a Latin name with initials: the same
    f = _fields(
        [("author", "Roe, E. S., Sir Jack"), ("title", " Salter's Roads, "), ("date", "1952.")]
    )
    assert f["title"] == "Sir Jack Salter's Roads"
    assert f["author"] == [{"family": "Roe", "given": "E. S"}]
    # a mark after the third part: a name of its own, left to the name
    f = _fields(
        [
            ("author", "الساحلي، سالم، إبراهيم البحار، "),
            ("title", "كتاب الموج، "),
            ("date", "1946م."),
        ]
    )
    assert f["title"] == "كتاب الموج"


def test_a_name_span_run_on_past_bracketed_given_names_ends_at_the_bracket() -> None:
    f = _fields(
        [
            ("author", "البحار (سالم محمود) رحلة ابن"),
            ("title", " ماجد، "),
            ("place", "بيروت، "),
            ("date", "1967م."),
        ]
    )
    assert f["title"] == "رحلة ابن ماجد"
    assert f["author"] == [{"family": "البحار", "given": "سالم محمود"}]
    # a mark ends the name span: nothing moves
    f = _fields(
        [("author", "البحار (سالم محمود) "), ("title", "رحلة ابن ماجد، "), ("date", "1967")]
    )
    assert f["title"] == "رحلة ابن ماجد"


def test_a_title_ending_with_a_roman_number_then_place_and_publisher_gives_the_imprint() -> None:
    f = _fields([("author", "Roe, Jane. "), ("title", "Salt under Henri V. Paris: Éditions Mer, ")])
    assert (f["title"], f["publisher-place"], f["publisher"]) == (
        "Salt under Henri V",
        "Paris",
        "Éditions Mer",
    )
    # an initial is no sentence's end
    f = _fields([("author", "Roe, Jane. "), ("title", "Salt under J. Paris: Mer and Sea, ")])
    assert f["title"] == "Salt under J. Paris: Mer and Sea"


def test_a_title_that_runs_on_into_a_by_sentence_ends_before_it() -> None:
    f = _fields(
        [
            ("author", "Roe, Jane, "),
            ("title", "Salt upon Sails. By Captain Jack Roe, F. R. S., "),
            ("container", "Harbour Transactions, "),
            ("date", "1792."),
        ]
    )
    assert f["title"] == "Salt upon Sails"
    # "by" in the title's own words, or after an initial: left as it is
    for title in (
        "Salt by Sea. Sailing Home",
        "Salt and the Sea, by and large",
        "Salt of J. By Hill",
    ):
        f = _fields([("title", title + ", "), ("date", "1990")])
        assert f["title"] == title


def test_a_note_that_opens_with_the_imprint_s_cue_holds_the_publisher() -> None:
    for cue in ("Published by ", "Published by: ", "publié par ", "الناشر: "):
        f = _fields(
            [
                ("title", "Salt Roads, "),
                ("note", cue + "Harbour Books, Tangier, "),
                ("date", "2013."),
            ]
        )
        assert f["publisher"] == "Harbour Books", cue
        assert f["publisher-place"] == "Tangier", cue
    # a note with no such cue, or an entry with a publisher span: left as read
    f = _fields([("title", "Salt Roads, "), ("note", "Harbour Books reprint, "), ("date", "2013.")])
    assert "publisher" not in f
    f = _fields(
        [
            ("title", "Salt Roads, "),
            ("publisher", "Tide Press, "),
            ("note", "Published by Harbour Books. "),
            ("date", "2013."),
        ]
    )
    assert f["publisher"] == "Tide Press"


@pytest.mark.parametrize(
    ("printed", "publisher"),
    [
        ("By Harbour Books, ", "Harbour Books"),
        ("Published by: Harbour Books, ", "Harbour Books"),
        ("by Tide Consulting, Inc., ", "Tide Consulting, Inc"),
        ("Byblos Press, ", "Byblos Press"),  # a name that opens with the letters
        ("by the sea press, ", "by the sea press"),  # no capitalised name after "by"
    ],
)
def test_a_publisher_s_value_drops_the_imprint_s_by(printed: str, publisher: str) -> None:
    f = _fields([("title", "Salt Roads, "), ("publisher", printed), ("date", "2013.")])
    assert f["publisher"] == publisher


@pytest.mark.parametrize(
    ("volume", "split"),
    [
        ("المجلد الثالث، الجزء الثاني", ("المجلد الثالث", "الثاني")),
        ("المجلد 29، الجزء 1", ("المجلد 29", "1")),
        ("مجلد 26، الجزء الأول والثاني", ("مجلد 26", "الأول والثاني")),
        # a part alone, a volume alone, a part before the volume
        ("الجزء الثاني", ("الجزء الثاني", None)),
        ("المجلد الثالث", ("المجلد الثالث", None)),
        ("الجزء الثاني، المجلد الثالث", ("الجزء الثاني، المجلد الثالث", None)),
    ],
)
def test_a_journals_part_after_its_volume_is_the_issue(
    volume: str, split: tuple[str, str | None]
) -> None:
    from citenorm.extraction.reference.numbers import part_after_volume

    assert part_after_volume(volume) == split


def test_the_part_after_the_volume_is_read_as_the_issue_of_a_journal_only() -> None:
    journal = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "الموج والرمل، "),
            ("container", "مجلة الساحل، "),
            ("volume", "المجلد الثاني عشر، الجزء الثاني، "),
            ("date", "1970م."),
        ]
    )
    assert journal["volume"] == "الثاني عشر"
    assert journal["issue"] == "الثاني"
    book = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "الموج والرمل، "),
            ("volume", "المجلد الثاني، الجزء الثالث، "),
            ("publisher", "دار الموج، "),
            ("date", "1970م."),
        ]
    )
    assert "issue" not in book


@pytest.mark.parametrize(
    ("end", "title", "journal"),
    [
        ("SALT. Marsh", "Brine in the pools of SALT", "Marsh"),
        ("Tidal Pools of SLT/BRN. Shore", "Brine in the pools of Tidal Pools of SLT/BRN", "Shore"),
        ("the dunes. Journal of Sand", "Brine in the pools of the dunes", "Journal of Sand"),
    ],
)
def test_the_title_s_last_words_before_a_full_stop_in_the_journal_span_go_back(
    end: str, title: str, journal: str
) -> None:
    f = _fields(
        [
            ("author", "Roe, J. "),
            ("title", "Brine in the pools of "),
            ("container", end + " "),
            ("volume", "12, "),
            ("pages", "3-9."),
        ]
    )
    assert f["title"] == title
    assert f["container-title"] == journal


@pytest.mark.parametrize("name", ["J. Salt. Marsh", "J. Brine Studi. Shore", "Ann. Tidal Pools"])
def test_a_full_stop_after_a_capitalised_word_abbreviates_the_journal_s_name(name: str) -> None:
    f = _fields(
        [
            ("author", "Roe, J. "),
            ("title", "Brine in the pools. "),
            ("container", name + " "),
            ("volume", "12, "),
            ("pages", "3-9."),
        ]
    )
    assert f["container-title"] == name


@pytest.mark.parametrize(
    ("journal_span", "title", "journal"),
    [
        (
            "Brine in the pools of the marsh. Salt Review ",
            "Brine in the pools of the marsh",
            "Salt Review",
        ),
        ("Brine in the Pools of SLT. Shore ", "Brine in the Pools of SLT", "Shore"),
    ],
)
def test_a_journal_span_that_opens_with_the_title_s_sentence_gives_the_title(
    journal_span: str, title: str, journal: str
) -> None:
    f = _fields(
        [
            ("author", "Roe, Jane; Doe, John. "),
            ("date", "2005. "),
            ("container", journal_span),
            ("volume", "5, "),
            ("pages", "155-177."),
        ]
    )
    assert f["title"] == title
    assert f["container-title"] == journal
    assert f["author"] == [{"family": "Roe", "given": "Jane"}, {"family": "Doe", "given": "John"}]


@pytest.mark.parametrize(
    ("printed", "volume"),
    [
        ("volume X", "X"),  # "volume" is no "vol" and "ume X"
        ("Volume XC", "XC"),
        ("vol. II", "II"),
        ("Volumes 3-4", "3-4"),
        ("tome IV", "IV"),
        ("المجلد الأول", "الأول"),
        ("مج 3", "3"),
    ],
)
def test_a_volume_cue_ends_where_its_word_ends(printed: str, volume: str) -> None:
    f = _fields(
        [
            ("author", "Roe, Jane, "),
            ("title", "Salt and Stone, "),
            ("container", "Harbour Review, "),
            ("volume", printed + ", "),
            ("date", "1931."),
        ]
    )
    assert f["volume"] == volume


def test_a_range_the_labeler_cut_after_its_dash_is_the_issues_whole() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "الموج والرمل، "),
            ("container", "مجلة الساحل، "),
            ("issue", "العدد 12-"),
            ("publisher", "13، ربيع "),
            ("date", "2003م."),
        ]
    )
    assert f["issue"] == "12-13"
    assert f["publisher"] == "ربيع"  # (the second number no longer opens the publisher)
    # a year after the issue's dash is no second number of the issue
    f = _fields(
        [
            ("title", "الموج والرمل، "),
            ("container", "مجلة الساحل، "),
            ("issue", "العدد 12-"),
            ("date", "1990م."),
        ]
    )
    assert f["issue"] == "12"
    assert f["issued"]["date-parts"] == [[1990]]


def test_an_issue_cue_and_number_opening_another_span_are_the_issue() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم، "),
            ("title", "الموج والرمل، "),
            ("container", "مجلة الساحل، "),
            ("volume", "السنة 12، "),
            ("container", "العددان 3-4، الرباط، "),
            ("date", "2013م."),
        ]
    )
    assert f["volume"] == "12"
    assert f["issue"] == "3-4"
    assert f["container-title"] == "مجلة الساحل"
    # a title that opens with the word is left alone
    f = _fields(
        [("title", "Number 5 and the Sea, "), ("publisher", "Harbour, "), ("date", "1990.")]
    )
    assert "issue" not in f


def test_a_volume_or_issue_statement_ending_a_title_or_container_span_is_its_number() -> None:
    f = _fields(
        [
            ("author", "الملاح، سالم: "),
            ("title", "الموج والرمل، "),
            ("container", "ضمن كتاب أعمال ندوة الساحل، الجزء الثاني، "),
            ("publisher", "دار الموج، "),
            ("date", "1989م."),
        ]
    )
    assert f["volume"] == "الثاني"
    assert f["container-title"] == "أعمال ندوة الساحل"
    f = _fields(
        [("title", "Salt Roads, Vol. 3, "), ("publisher", "Harbour Press, "), ("date", "1990.")]
    )
    assert f["volume"] == "3"
    assert f["title"] == "Salt Roads"
    # an issue's statement at the end of the journal's span, the volume after it
    f = _fields(
        [
            ("title", "الموج والرمل، "),
            ("container", "مجلة الساحل، العدد الثاني عشر، "),
            ("volume", "المجلد 1، "),
            ("date", "2004م."),
        ]
    )
    assert (f["issue"], f["volume"], f["container-title"]) == ("الثاني عشر", "1", "مجلة الساحل")
    # the volume's own title after it: the statement stays in the title
    f = _fields(
        [
            ("title", "كتاب الموج، الجزء الثالث، في الرمل، "),
            ("publisher", "دار الموج، "),
            ("date", "1989م."),
        ]
    )
    assert "volume" not in f
    # a word that is no ordinal after the cue
    f = _fields([("title", "كتاب الموج، الجزء الذهبي والفضي والنحاسي، "), ("date", "1989م.")])
    assert "volume" not in f


@pytest.mark.parametrize(
    "title",
    ["البحر والملح - دار الموج - 1998م.", "Salt Roads, Harbour Press, 1998."],
)
def test_a_title_span_that_runs_on_to_the_last_segment_gives_its_year(title: str) -> None:
    fields = _fields([("author", "سالم الملاح: "), ("title", title)])
    assert fields["issued"] == {"date-parts": [[1998]], "raw": "1998"}


@pytest.mark.parametrize(
    "title",
    [
        "Salt Roads 1998 and After, Harbour Press.",  # a year inside the title
        "Salt Roads 1998.",  # no separator before it: the title's own year
    ],
)
def test_a_year_inside_the_title_is_not_its_date(title: str) -> None:
    assert "issued" not in _fields([("author", "Roe, Jane. "), ("title", title)])


def test_a_list_of_names_that_runs_on_into_the_title_span_ends_at_its_last_name() -> None:
    fields = _fields(
        [
            ("author", "Jane Roe, Nora Salt, "),
            ("title", "Sam Quay, Ann Sea, and Omar Reef. Tides of the salt sea. "),
            ("container", "Salt Review, "),
            ("date", "2011."),
        ]
    )
    assert fields["title"] == "Tides of the salt sea"


def test_a_title_that_opens_with_capitalised_words_and_and_stays_whole() -> None:
    # no comma-separated names before "and": a title's own words
    fields = _fields(
        [
            ("author", "Roe, Jane. "),
            ("title", "War in Salt, Peace and the Sea of Words. A history. "),
            ("date", "2011."),
        ]
    )
    assert str(fields["title"]).startswith("War in Salt")
