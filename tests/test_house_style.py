"""A list's house style reads its doubtful entries (extraction/reference/house.py), on
invented lists."""

from __future__ import annotations

import pytest

from citenorm import extract
from citenorm.extraction.compact import fields_of
from citenorm.extraction.reference.house import house_authors
from citenorm.models import Entry, Fields

_LATIN = [
    "Alfred Marlowe: The Salt Roads of the North, Harbour Press, London, 1931.",
    "Bertrand Okafor: Tides and Harbours, Allen & Unwin, London, 1932.",
    "C. Ferrandi: The Lighthouse Keepers, Macmillan, London, 1940.",
    "Dora Lindqvist: Maps of the Coast, Methuen, London, 1950.",
]
_ARABIC = [
    "سالم الملاح: البحر والملح، دار الموج، بيروت، 1990م.",
    "عبد الكريم الساحلي: تاريخ الموانئ، دار الرمل، القاهرة، 1985م.",
    "نجاح موسى أحمد: فكرة الموج عند البحارة، دار النورس، دمشق، 1984م.",
    "يحيى هويدي: منطق البحر، مكتبة القاهرة الحديثة، القاهرة، 1979م.",
]


def _last(heading: str, lines: list[str]) -> Entry:
    text = heading + "\n\n" + "\n".join(f"({k}) {line}" for k, line in enumerate(lines, 1))
    return extract(text + "\n").entries[-1]


def _authors(entry: Entry) -> list[tuple[str | None, str | None]]:
    return [(n.family, n.given) for n in entry.fields.author or []]


@pytest.mark.parametrize(
    ("heading", "lines", "author", "title"),
    [
        # a name the labeler does not know, before a title with its own colon
        (
            "Bibliography",
            [*_LATIN, "Ruaridh Calloway: Smuggling: The Whole Story, Osprey Publishing, 2008."],
            [("Calloway", "Ruaridh")],
            "Smuggling: The Whole Story",
        ),
        (
            "المراجع",
            [*_ARABIC, "كوارفيث مارتيلو: الملاحة في البحر المتوسط، دار الشراع، بيروت، 2007م."],
            [("مارتيلو", "كوارفيث")],
            "الملاحة في البحر المتوسط",
        ),
    ],
)
def test_a_list_of_author_colon_title_reads_the_name_of_its_doubtful_entry(
    heading: str, lines: list[str], author: list[tuple[str, str]], title: str
) -> None:
    entry = _last(heading, lines)
    assert _authors(entry) == author
    assert entry.fields.title == title


@pytest.mark.parametrize(
    "line",
    [
        # a title-first entry's own "Title: Subtitle" (article-led Arabic words)
        "الفكر البحري: قراءة نقدية، دار الشراع، بيروت، 1987م.",
        "السفن والموانئ: دراسة تحليلية، دار الشراع، بيروت، 1987م.",
    ],
)
def test_a_title_first_entry_gains_no_author_in_an_author_first_list(line: str) -> None:
    entry = _last("المراجع", [*_ARABIC, line])
    assert entry.fields.author is None
    assert entry.fields.title is not None and entry.fields.title.startswith(line.split(":")[0])


def _fields(author: str | None, title: str, **more: str) -> Fields:
    data: dict[str, object] = {"title": title, **more}
    if author:
        data["author"] = [{"family": author}]
    return fields_of(data)


def _entry(k: int, text: str, fields: Fields) -> Entry:
    return Entry(
        id=f"e{k}",
        list="original",
        script="latin",
        section=None,
        number=k,
        text=text,
        line=k + 3,
        raw=text,
        fields=fields,
    )


def _records(doubtful: str, title: str, **more: str) -> list[Entry]:
    confident = [
        _entry(
            k, f"Roe{k}: Salt Book {k}, Harbour Press, 1990.", _fields(f"Roe{k}", f"Salt Book {k}")
        )
        for k in range(5)
    ]
    return [*confident, _entry(5, doubtful, _fields(None, title, **more))]


@pytest.mark.parametrize(
    ("doubtful", "title", "more"),
    [
        # a journal, a publisher, a place, a corporate body before the colon
        ("Salt Review: Annual Papers, 1990.", "Salt Review: Annual Papers", {}),
        ("Harbour Press: Catalogue of Books, 1990.", "Harbour Press: Catalogue of Books", {}),
        ("London: A Guide to the City, 1990.", "London: A Guide to the City", {}),
        ("Ministry of Salt: Annual Report, 1990.", "Ministry of Salt: Annual Report", {}),
        # a web page: its site's name
        (
            "Saltwiki: Salt Roads, https://saltwiki.org/roads",
            "Saltwiki: Salt Roads",
            {"URL": "https://saltwiki.org/roads"},
        ),
    ],
)
def test_no_bogus_author_for_a_journal_publisher_place_body_or_web_page(
    doubtful: str, title: str, more: dict[str, str]
) -> None:
    assert house_authors(_records(doubtful, title, **more)) == {}


def test_a_name_is_read_under_the_style_and_not_without_a_majority() -> None:
    records = _records("Quorvath: Lessons in Salt, 1990.", "Quorvath: Lessons in Salt")
    out = house_authors(records)
    assert list(out) == [5]
    assert [n.family for n in out[5].author or []] == ["Quorvath"]
    assert out[5].title == "Lessons in Salt"
    # the same entry in a list that prints its authors no one way: nothing is read again
    mixed = [
        _entry(k, e.text.replace(":", "," if k % 2 else ":", 1), e.fields)
        for k, e in enumerate(records[:5])
    ]
    assert house_authors([*mixed, records[5]]) == {}


def _with_author(k: int, text: str, family: str, title: str) -> Entry:
    return _entry(k, text, fields_of({"author": [{"family": family}], "title": title}))


@pytest.mark.parametrize(
    ("text", "title", "family", "given", "expected"),
    [
        # the name cut short: its last words read as the title's head
        (
            "Roe, Jane Anne: Tides of the Sea, 1990.",
            "Jane Anne: Tides of the Sea",
            "Roe",
            "Jane Anne",
            "Tides of the Sea",
        ),
        # the name's role before the list's colon: the title after it, the name kept
        (
            "Roe, Jane, ed: Tides of the Sea, 1990.",
            "ed: Tides of the Sea",
            "Roe",
            None,
            "Tides of the Sea",
        ),
        # the name already ends with the colon: the title's own colon is the title's
        (
            "Roe: Salt: A History of Tides, 1990.",
            "Salt: A History of Tides",
            "Roe",
            None,
            "Salt: A History of Tides",
        ),
    ],
)
def test_a_name_cut_short_in_an_author_colon_list_is_read_to_the_colon(
    text: str, title: str, family: str, given: str | None, expected: str
) -> None:
    records = _records("Quay0: Salt Book, 1990.", "Salt Book")[:5]
    records.append(_with_author(5, text, "Roe", title))
    out = house_authors(records)
    fields = out.get(5, records[5].fields)
    assert fields.title == expected
    assert [(n.family, n.given) for n in fields.author or []] == [(family, given)]


def test_a_head_whose_word_the_list_s_other_titles_use_is_a_topic_not_a_name() -> None:
    records = [
        _entry(k, f"Roe{k}: Salt Logic Book {k}, 1990.", _fields(f"Roe{k}", f"Salt Logic Book {k}"))
        for k in range(5)
    ]
    records.append(
        _entry(5, "Logic: An Introduction, 1990.", _fields(None, "Logic: An Introduction"))
    )
    records.append(
        _entry(6, "Quorvath: Lessons in Salt, 1990.", _fields(None, "Quorvath: Lessons in Salt"))
    )
    out = house_authors(records)
    assert 5 not in out  # "Logic": a word of the other titles
    assert [n.family for n in out[6].author or []] == ["Quorvath"]
