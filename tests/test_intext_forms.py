"""Author-date citation forms of Arabic APA articles that the body prints (found by
extraction/intext.py; benchmarks/intext.py measures them on real lists)."""

from __future__ import annotations

import citenorm
from citenorm.extraction.intext import find_in_lines


def _found(line: str) -> list[tuple[str, str, str]]:
    return [(c.text, c.author, c.year) for c in find_in_lines([(1, line)])]


def test_a_three_digit_hijri_year_in_a_parenthetical_citation() -> None:
    got = _found("وقد روى ذلك المؤرخون (الدينوري، 282هـ) وغيرهم (البلخي، ٣٢٢ هـ).")
    assert [(a, y[:3] if y[:3].isdigit() else y) for _, a, y in got] == [
        ("الدينوري", "282"),
        ("البلخي", "322"),
    ]
    # a narrative "(282هـ)" after a name is the death date many texts print
    assert _found("ويذكر الدينوري (282هـ) في كتابه أن") == []
    # three digits without the era mark are no year
    assert _found("وقد روى ذلك المؤرخون (الدينوري، 282) وغيرهم.") == []


def test_one_author_of_several_years_in_one_bracket() -> None:
    got = _found(
        "وتكررت النتيجة (السالمي، 2015، 2016) وفي دراسة ثالثة (Hale, 2001a, 2001b; Orr, 1999)."
    )
    assert [(a, y) for _, a, y in got] == [
        ("السالمي", "2015"),
        ("السالمي", "2016"),
        ("Hale", "2001a"),
        ("Hale", "2001b"),
        ("Orr", "1999"),
    ]
    # each year its own citation: the first with the author, the others the year alone
    assert [t for t, _, _ in got][:2] == ["السالمي، 2015", "2016"]


def test_a_year_alone_after_a_semicolon_is_the_previous_author_s() -> None:
    got = _found("كما في الدراسات السابقة (السالمي، 2015؛ 2017: 45).")
    assert [(a, y) for _, a, y in got] == [("السالمي", "2015"), ("السالمي", "2017")]


def test_a_narrative_author_with_the_preposition_lam_glued_to_it() -> None:
    assert [(a, y) for _, a, y in _found("ووفقا للسالمي (2015) فإن المسألة قديمة.")] == [
        ("السالمي", "2015")
    ]
    assert [(a, y) for _, a, y in _found("وفقا لابن رشدان (1984) فإن المسألة قديمة.")] == [
        ("ابن رشدان", "1984")
    ]
    # a name that begins with "ل" keeps it
    assert [(a, y) for _, a, y in _found("ويرى لطفي (2015) أن المسألة قديمة.")] == [
        ("لطفي", "2015")
    ]


def test_several_years_of_one_author_link_to_each_work() -> None:
    text = (
        "مقدمة\n"
        "وتكررت النتيجة في أكثر من دراسة (السالمي، 2015، 2016) ووفقا للسالمي (2016) فإنها عامة.\n"
        "\n"
        "المصادر\n"
        "السالمي، خالد، تاريخ المدن، بيروت، دار الفكر، 2015.\n"
        "السالمي، خالد، أسواق المدن، بيروت، دار الفكر، 2016.\n"
    )
    result = citenorm.match(citenorm.extract(text))
    doc = result.document
    year_of = {e.id: e.text[-5:-1] for e in doc.entries}
    linked = [(c.in_text, year_of[c.entry]) for c in result.citations if c.in_text]
    cited = {c.id: c.year for c in doc.in_text}
    assert len(linked) == 3
    assert all(cited[t] == y for t, y in linked)


def test_a_citation_a_line_wraps_is_found_on_the_line_it_starts() -> None:
    # a narrow column (a PDF's, a hard-wrapped text's) breaks citations across lines
    lines = [
        "تناولت الدراسات خزائن الكتب (السالمي،",
        "1998)، وتوقف بعضها عند الأثمان (الحداد، 2011، ص",
        "152). Earlier surveys (Hale, 2019;",
        "Orr & Lane, 2001) relied on catalogues, as did Marsh et al.",
        "(1987) and Marsh (1991a).",
    ]
    got = find_in_lines(enumerate(lines, 1))
    assert [(c.author, c.year) for c in got] == [
        ("السالمي", "1998"),
        ("الحداد", "2011"),
        ("Hale", "2019"),
        ("Orr & Lane", "2001"),
        ("Marsh et al.", "1987"),
        ("Marsh", "1991a"),
    ]
    # each where its text starts: its line, and its column there
    for c in got:
        assert lines[c.line - 1][c.column - 1 :].startswith(c.text.split()[0])
    assert [c.page for c in got][1] == "ص 152"
    # lines that are not consecutive are not read together
    apart = find_in_lines([(1, lines[0]), (3, lines[1])])
    assert [(c.author, c.year) for c in apart] == []
