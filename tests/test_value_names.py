"""Co-authors' names in an author statement (extraction/names.py), on invented text."""

from __future__ import annotations

import pytest

from citenorm.extraction.names import parse_names
from citenorm.extraction.reference.tokens import tokenize
from citenorm.extraction.reference.values import build_fields
from conftest import labelled_fields as _labelled_fields


def _names(text: str, *, inverted: bool = False) -> list[tuple[str | None, str | None]]:
    return [(n.family, n.given) for n in parse_names(text, inverted_first=inverted)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the "و" joined to a compound name's head: a second person
        (
            "سالم الملاح وعبد الكريم بن عبد الساحلي",
            [("الملاح", "سالم"), ("الساحلي", "عبد الكريم بن عبد")],
        ),
        ("أبو سعيد بن موج وأبو بكر بن رمل", [("بن موج", "أبو سعيد"), ("بن رمل", "أبو بكر")]),
        # joined to an initial: one word of the first name is enough
        ("مرجان وب. ك. الساحلي", [("مرجان", None), ("الساحلي", "ب. ك.")]),
    ],
)
def test_a_second_author_after_an_attached_waw_is_split_off(
    text: str, names: list[tuple[str | None, str | None]]
) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # one name: no "و" before a compound head or an initial
        ("أبو بكر بن عبد الملاح", [("الملاح", "أبو بكر بن عبد")]),
        # a given name that opens with "و" is no separator
        ("وليد سالم الملاح", [("الملاح", "وليد سالم")]),
        # the compound head last: nothing after it to name a person
        ("سالم الملاح وعبد", [("وعبد", "سالم الملاح")]),
    ],
)
def test_one_name_is_not_split_at_a_waw_word(
    text: str, names: list[tuple[str | None, str | None]]
) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    ("title", "split"),
    [
        ("سالم بن أبي الموج، كتاب الرمل", ("كتاب الرمل", "سالم بن أبي الموج")),
        ("موج بنت سالم الرملي، ديوان البحر", ("ديوان البحر", "موج بنت سالم الرملي")),
        # a title that names a person, a name alone, one comma part, a lineage at the edge
        ("تاريخ سالم بن الموج، دراسة", None),
        ("سالم بن الموج", None),
        ("ابن الموج، كتاب الرمل", None),
    ],
)
def test_a_name_with_a_lineage_at_the_head_of_a_title_is_the_author(
    title: str, split: tuple[str, str] | None
) -> None:
    from citenorm.extraction.reference.repairs import nasab_head

    assert nasab_head(title) == (split if split else (title, None))


def test_given_names_with_a_lineage_cut_off_the_family_name_go_back_to_it() -> None:
    from citenorm.extraction.reference.repairs import given_head

    moved = given_head("الرملي، ", "مرجان بن سلوان الموج، كتاب البحر")
    assert moved == ("الرملي، مرجان بن سلوان الموج", "كتاب البحر", "مرجان بن سلوان الموج")
    assert given_head("الرملي، ", "موج الرمل البعيد، كتاب البحر") is None


@pytest.mark.parametrize(
    ("name", "family", "given"),
    [
        ("Marsh. Tidal, ", "Marsh", "Tidal"),
        ("Saltworth. Brine J., ", "Saltworth", "Brine J"),
    ],
)
def test_a_latin_family_name_with_a_full_stop_for_its_comma_comes_first(
    name: str, family: str, given: str
) -> None:
    text = name + "Brine in the pools, Harbour Press, 1928."
    toks = tokenize(text)
    labels = ["author" if t.start < len(name) else "title" for t in toks]
    f = build_fields(text, toks, labels).to_json()
    assert f["author"] == [{"family": family, "given": given}]


@pytest.mark.parametrize("name", ["Mrs. Saltworth", "Capt. Marsh"])
def test_a_form_of_address_with_a_full_stop_is_no_family_name(name: str) -> None:
    text = name + ", Brine in the pools, Harbour Press, 1928."
    toks = tokenize(text)
    labels = ["author" if t.start < len(name) + 1 else "title" for t in toks]
    f = build_fields(text, toks, labels).to_json()
    assert f["author"][0]["family"] == name.split()[1]


def _chunks(parts: list[tuple[str, str]]) -> dict[str, object]:
    """The fields of ``parts`` ((text, label) each, joined by spaces), hand-labelled."""
    return _labelled_fields([(label, text + " ") for text, label in parts])


def _people(fields: dict[str, object]) -> list[tuple[str | None, str | None]]:
    authors = fields.get("author")
    assert isinstance(authors, list)
    return [(a.get("family"), a.get("given")) for a in authors]


@pytest.mark.parametrize(
    ("parts", "author_given", "title"),
    [
        # the rest of a long name read as a first title span, the dates in brackets, a colon
        (
            [
                ("الرملي، أبو سالم موج بن بحر", "author"),
                ("الساحلي المعروف بابن الرمل", "title"),
                ("(612ه/1215م):", "note"),
                ("كتاب الموج والرمل، دار البحر، 1990م.", "title"),
            ],
            "أبو سالم موج بن بحر الساحلي المعروف بابن الرمل",
            "كتاب الموج والرمل",
        ),
        # no name words between: the title tokens inside the bracket take its label
        (
            [
                ("موج الرملي", "author"),
                ("(عاش في القرن التاسع", "note"),
                ("الهجري):", "title"),
                ("رحلة الرملي في عالم البحر، دار الموج، 1990م.", "title"),
            ],
            None,
            "رحلة الرملي في عالم البحر",
        ),
    ],
)
def test_a_name_runs_on_to_the_dates_before_the_colon(
    parts: list[tuple[str, str]], author_given: str | None, title: str
) -> None:
    fields = _chunks(parts)
    assert fields["title"] == title
    if author_given is not None:
        assert _people(fields)[0][1] == author_given


@pytest.mark.parametrize(
    "parts",
    [
        # a mark ends the author span: the words before the bracket are the title
        [
            ("الرملي، موج،", "author"),
            ("كتاب البحر", "title"),
            ("(1990):", "note"),
            ("دراسة في الرمل، دار الموج.", "title"),
        ],
        # the bracket dates nothing (no year, no lifetime word)
        [
            ("الرملي، موج", "author"),
            ("كتاب البحر", "title"),
            ("(الجزء الأول):", "note"),
            ("دراسة في الرمل، دار الموج.", "title"),
        ],
    ],
)
def test_a_title_before_a_bracket_stays_the_title(parts: list[tuple[str, str]]) -> None:
    assert str(_chunks(parts)["title"]).startswith("كتاب البحر")


def test_the_comma_before_a_joined_coauthor_is_not_the_first_given_name() -> None:
    # "Family، Given، وGiven2 Family2": the list's comma stays out of the first name
    assert _names("الملاح، سالم محمد، وعبد الكريم الرملي", inverted=True) == [
        ("الملاح", "سالم محمد"),
        ("الرملي", "عبد الكريم"),
    ]


def test_several_coauthors_joined_by_waw_before_the_colon_are_names() -> None:
    # the labeler stopped the author span at the first name: three more, each joined by
    # "و", then the colon and the title
    fields = _chunks(
        [
            ("الملاح، سالم محمد،", "author"),
            ("وعبد الكريم الرملي ومنذر نور البحري ورجاء سالم: كتاب الموج،", "title"),
            ("دار البحر،", "publisher"),
            ("1995م.", "date"),
        ]
    )
    assert fields["title"] == "كتاب الموج"
    assert _people(fields) == [
        ("الملاح", "سالم محمد"),
        ("الرملي", "عبد الكريم"),
        ("البحري", "منذر نور"),
        ("سالم", "رجاء"),
    ]


@pytest.mark.parametrize(
    ("parts", "name"),
    [
        # the honorific in the bracket read as a date: the bracket is still the given names
        (
            [("الرملي", "author"), ("(د.", "date"), ("سالم):", "author"), ("كتاب الموج.", "title")],
            ("الرملي", "سالم"),
        ),
        (
            [("الرملي", "author"), ("(أ.", "note"), ("د. موج نور):", "author"), ("كتاب.", "title")],
            ("الرملي", "موج نور"),
        ),
    ],
)
def test_a_bracket_of_given_names_after_the_family_name_is_the_authors(
    parts: list[tuple[str, str]], name: tuple[str, str]
) -> None:
    assert _people(_chunks(parts)) == [name]


def test_a_year_in_the_bracket_after_the_name_stays_the_date() -> None:
    fields = _chunks([("Roe", "author"), ("(1990):", "date"), ("A Salt Road.", "title")])
    assert fields["issued"] == {"date-parts": [[1990]], "raw": "1990"}
    assert _people(fields)[0][0] == "Roe"


@pytest.mark.parametrize(
    ("author", "name", "title"),
    [
        # "Family. Given," then the title read into the author span
        ("Roe. Jane, Salt Roads,", ("Roe", "Jane"), "Salt Roads"),
        ("Quay. Nora B., Salt and Sand,", ("Quay", "Nora B"), "Salt and Sand"),
    ],
)
def test_a_title_after_a_family_stop_given_name_is_the_title(
    author: str, name: tuple[str, str], title: str
) -> None:
    fields = _chunks([(author, "author"), ("Harbour Press,", "publisher"), ("1967.", "date")])
    assert _people(fields) == [name]
    assert fields["title"] == title


def test_a_coauthor_after_a_family_stop_given_name_stays_a_name() -> None:
    fields = _chunks(
        [("Roe. Jane, and Nora Quay,", "author"), ("Salt Roads,", "title"), ("1967.", "date")]
    )
    assert fields["title"] == "Salt Roads"
