"""Real articles as journals print them (issue 14, issue 15 item 7): one test per pattern.

The fixtures in ``fixtures/patterns/`` were written for citenorm (no text copied from the
development documents); each shows the patterns named in its test. Four of them have a
hand-made gold (``*.gold.json``, the seed's format) that ``benchmarks/accuracy.py`` scores
too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import citenorm
from citenorm import Document, MatchResult
from citenorm.extraction.segment import split_lines
from conftest import FIXTURES, load_json

PATTERNS = FIXTURES / "patterns"


def _doc(name: str) -> Document:
    return citenorm.extract((PATTERNS / name).read_text(encoding="utf-8"), source=name)


def _match(name: str) -> MatchResult:
    return citenorm.match(_doc(name))


def _line_of(name: str, needle: str) -> int:
    """The 1-based line of the fixture that holds ``needle``."""
    lines = split_lines((PATTERNS / name).read_text(encoding="utf-8"))
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def _cites(result: MatchResult, source: str) -> set[str]:
    return {c.entry for c in result.citations if source in (c.footnote, c.in_text)}


# --- lists it did not find -----------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "### References and further reading",
        "Bibliographie",
        "Works Cited",
        "Références bibliographiques",
        "البيبليوغرافيا",
        "الببليوغرافيا",
        "ثبت المراجع",
        "قائمة المصادر والمراجع",
        "لائحة المصادر والمراجع",
        "المراجع المستخدمة في الكتاب",
        "من مراجع الكتاب ومصادره",
        "فهرست منابع و مآخذ",
        "المـــراجـــع",
        "**قائمة المراجع:**",
        "خامساً: المصادر والمراجع",
    ],
)
def test_list_headings_in_three_languages(heading: str) -> None:
    text = f"نص البحث.\n\n{heading}\nالعتيبي، محمد. كتاب الأمن. بغداد: دار الشؤون، 2015.\n"
    doc = citenorm.extract(text)
    assert [s.line for s in doc.sections] == [3]
    assert [e.line for e in doc.entries] == [4]


@pytest.mark.parametrize(
    "line",
    [
        "مصادر الطاقة المتجددة في العراق",  # a body heading about sources of energy
        "Data sources and methods",
        "References to the Qur'an are to the Cairo edition.",
        "المراجع المعتمدة في هذا البحث كثيرة ومتنوعة، منها ما هو عربي ومنها ما هو أجنبي.",
    ],
)
def test_lines_that_only_mention_sources_are_no_list_headings(line: str) -> None:
    doc = citenorm.extract(f"{line}\nوقد تناولت الدراسة موضوع الطاقة في العراق.\n")
    assert doc.sections == [] and doc.entries == []


def test_markdown_list_with_bullets_tables_and_a_definition_inside() -> None:
    name = "list-markdown.md"
    doc = _doc(name)
    assert [(s.title, s.line) for s in doc.sections] == [
        ("References and further reading", _line_of(name, "### References"))
    ]
    starts = ["Bennani, K.", "Haddad, L.", "Wazzānī, Ḥ.", "Alaoui, M."]
    assert len(doc.entries) == len(starts)
    assert all(e.text.startswith(s) for e, s in zip(doc.entries, starts, strict=True))
    # a wrapped entry (an indented line, a "Retrieved from" line) is one entry
    assert doc.entries[0].text.endswith("Rabat: Éditions du Patrimoine.")
    assert doc.entries[1].text.endswith("Retrieved from https://example.org/studia/8/haddad")
    # issue 15 item 7: a table row and a [^2]: definition do not end the list; the
    # entry after them is an entry, the rows are failed with their reason
    table = _line_of(name, "| Archive |")
    assert [(f.line, f.reason) for f in doc.failed] == [(table, "table"), (table + 1, "table")]
    assert [f.marker for f in doc.footnotes] == ["[^2]", "[^1]"]
    assert doc.footnotes[0].line == _line_of(name, "[^2]:")
    # the list ends at the next heading of its level
    assert all(e.line < _line_of(name, "## About the author") for e in doc.entries)
    # the body's author-date citation, not the table, is an in-text citation
    assert [c.text for c in doc.in_text] == ["Bennani, 2019"]


def test_sub_headings_with_no_parent_and_a_foreign_heading_over_arabic_entries() -> None:
    doc = _doc("list-sub-headings.txt")
    assert [(s.title, s.level) for s in doc.sections] == [
        ("المـــراجـــع العربيـــة", 1),
        ("المراجع الأجنبية", 2),
    ]
    # entries separated by blank lines; under "foreign", the letters decide the script
    assert [(e.script, e.section) for e in doc.entries] == [
        ("arabic", "s1"),
        ("arabic", "s1"),
        ("arabic", "s2"),
        ("latin", "s2"),
    ]


def test_one_heading_over_an_arabic_block_and_a_latin_block() -> None:
    doc = _doc("list-two-scripts.txt")
    assert [s.title for s in doc.sections] == ["الببليوغرافيا"]
    assert [e.script for e in doc.entries] == ["arabic", "arabic", "latin", "latin"]


def test_no_list_no_in_text_citations_from_its_entries() -> None:
    doc = _doc("no-list-apa.txt")
    assert doc.entries == [] and doc.in_text == []
    assert doc.warnings == ["no bibliography list found"]


# --- entries it split wrongly ----------------------------------------------------------


def test_numbers_on_their_own_lines_dittos_author_groups_and_page_heads() -> None:
    name = "list-numbers-and-dittos.txt"
    doc = _doc(name)
    by_line = {e.line: e for e in doc.entries}
    # "(1)" alone: the number of the entry on the next line
    first = by_line[_line_of(name, "(1)")]
    assert (first.number, first.text[:9]) == (1, "الإدريسي،")
    # an author line with a colon, then the works under it: each work is an entry
    works = [e for e in doc.entries if e.text.startswith(("تاريخ خزائن", "رحلة الكتب"))]
    assert [e.number for e in works] == [None, None]
    # "same author" dashes keep their entry
    dittos = [e.text[:6] for e in doc.entries if e.text.startswith(("______", "---"))]
    assert dittos == ["______", "---: ا"]
    # a wrapped year, then a page number and a running head between two entries
    wrapped = next(e for e in doc.entries if e.number == 5)
    assert wrapped.text.endswith("الرباط، 2009.")
    assert [n for n in (e.number for e in doc.entries) if n is not None] == list(range(1, 15))
    heads = [(f.line, f.reason) for f in doc.failed]
    assert heads == [
        (_line_of(name, "173"), "page-head"),
        (_line_of(name, "173") + 1, "page-head"),
        (_line_of(name, "174"), "page-head"),
        (_line_of(name, "174") + 1, "page-head"),
    ]


def test_hanging_indent_lost_in_pdf_text_and_a_page_break_inside_the_list() -> None:
    name = "pdf-text-latin.txt"
    doc = _doc(name)
    assert [e.text.split(".")[0] for e in doc.entries] == [
        "Alaoui, Mohamed",
        "Berthier, Jacques",
        "______",
        "Haddad, Leila",
        "Wazzānī, Ḥasan al-",
    ]
    # "Paris: Presses ..." and "2011." continue the entry above (no indent to tell)
    assert doc.entries[1].text.endswith("Paris: Presses de l'Institut, 1987.")
    assert doc.entries[4].text.endswith("Dār al-Amān, 2011.")
    assert [(f.text, f.reason) for f in doc.failed] == [
        ("44", "page-head"),
        ("Karima Bennani", "page-head"),
    ]


# --- footnotes in text that came from a PDF ---------------------------------------------


def test_plain_number_notes_at_page_bottoms_numbered_through_the_article() -> None:
    name = "pdf-text-latin.txt"
    doc = _doc(name)
    assert [(f.number, f.group) for f in doc.footnotes] == [(n, 1) for n in range(1, 8)]
    assert [f.kind for f in doc.footnotes] == [
        "full",
        "full",
        "op_cit",
        "ibid",
        "full",
        "op_cit",
        "op_cit",
    ]
    ids = [f.id for f in doc.footnotes]
    assert [f.refers_to for f in doc.footnotes] == [
        None,
        None,
        ids[0],
        ids[0],
        None,
        ids[0],
        ids[1],
    ]
    # a note wrapped over lines is one note; the journal's footer is not part of it
    assert doc.footnotes[0].text.endswith("(Paris: Presses de l'Institut, 1987), 45.")
    # the markers are digits glued to the words of the body ("volume.3")
    assert doc.footnotes[2].body_line == _line_of(name, "volume.3")
    # no body line, running head or page number became a note
    assert all(f.line > _line_of(name, "que les savants") for f in doc.footnotes)


def test_notes_without_page_breaks_still_found_by_page_numbers() -> None:
    text = (PATTERNS / "pdf-text-latin.txt").read_text(encoding="utf-8").replace("\f", "")
    doc = citenorm.extract(text)
    assert [f.number for f in doc.footnotes] == list(range(1, 8))


def test_arabic_notes_in_visual_order() -> None:
    name = "pdf-text-arabic.txt"
    result = _match(name)
    doc = result.document
    assert [f.number for f in doc.footnotes] == [1, 2, 3, 4, 5, 6]
    # the number moved to the end: " .2"; glued to the last word, the closing period
    # moved to the front: ".85 ،. التازي، تاريخ خزائن الكتب3"
    assert doc.footnotes[1].line == _line_of(name, "عبد الله التازي .2")
    assert doc.footnotes[2].text == ".85 ،. التازي، تاريخ خزائن الكتب"
    # mirrored parentheses, a ligature fault (اجلزء), presentation forms (ﺍﻟﻮﺯاﻧﻲ):
    # the text is kept as printed
    assert "اجلزء" in doc.footnotes[1].text and "ﺍﻟﻮﺯاﻧﻲ" in doc.footnotes[4].text
    # kinds: a short form, "نفسه" (ibid), a short form of the presentation-form note
    ids = [f.id for f in doc.footnotes]
    assert [(f.kind, f.refers_to) for f in doc.footnotes] == [
        ("full", None),
        ("full", None),
        ("op_cit", ids[1]),
        ("ibid", ids[1]),
        ("full", None),
        ("op_cit", ids[4]),
    ]
    # the romanized list is cited by the Arabic notes (in any order of their parts)
    tazi, wazzani = (e.id for e in doc.entries)
    assert [_cites(result, f) for f in ids] == [
        {wazzani},
        {tazi},
        {tazi},
        {tazi},
        {wazzani},
        {wazzani},
    ]
    # the body's reversed range is body text, and the abstract after the list is no entry
    assert len(doc.entries) == 2
    assert doc.in_text == []


# --- Chicago short notes, ibid, names ----------------------------------------------------


def test_chicago_short_notes_ibid_and_names_in_both_scripts() -> None:
    result = _match("notes-chicago.md")
    doc = result.document
    fn = {f.number: f for f in doc.footnotes}
    assert (fn[2].kind, fn[2].refers_to) == ("op_cit", fn[1].id)  # المنوني، تاريخ الوراقة
    assert (fn[3].kind, fn[3].refers_to) == ("ibid", fn[1].id)  # المرجع نفسه
    assert (fn[4].kind, fn[4].refers_to) == ("ibid", fn[1].id)  # نفسه
    assert fn[5].kind == "full"  # a gloss that names its source cites it
    assert fn[6].kind == "note"
    # a romanized short form of an Arabic full note
    assert (fn[10].kind, fn[10].refers_to) == ("op_cit", fn[1].id)
    entries = {e.text.split(".")[0]: e.id for e in doc.entries}
    manuni = {entries["المنوني، محمد"], entries["Mannūnī, Muḥammad al-"]}
    kattani = {entries["الكتاني، عبد الحي"], entries["Kattānī, ʿAbd al-Ḥayy al-"]}
    jahiz = {entries["الجاحظ"], entries["Jāḥiẓ, al-"]}
    assert _cites(result, fn[1].id) == manuni  # direct order in the note, inverted in the list
    assert _cites(result, fn[5].id) == kattani
    assert _cites(result, fn[7].id) == kattani  # ʿAbd al-Ḥayy al-Kattānī (ʿ, direct order)
    assert _cites(result, fn[8].id) == jahiz  # a single-name author
    assert _cites(result, fn[10].id) == manuni


# --- author-date citations ---------------------------------------------------------------


def test_author_date_forms_and_their_entries() -> None:
    name = "author-date.txt"
    gold = load_json(PATTERNS / "author-date.gold.json")
    result = _match(name)
    doc = result.document
    assert [c.text for c in doc.in_text] == [g["text"] for g in gold["in_text"]]
    assert [c.line for c in doc.in_text] == [g["line"] for g in gold["in_text"]]
    gold_text = {e["id"]: e["text"] for e in gold["entries"]}
    for c, g in zip(doc.in_text, gold["in_text"], strict=True):
        cited = {doc.entry(e).text for e in _cites(result, c.id)}
        assert cited == {gold_text[e] for e in g["cites"]}, c.text
    # "(حسن، 2015: 45)": the page after a colon is the locator
    assert [c.locator for c in doc.in_text[:3]] == [None, "140", "ص 152"]


def test_author_date_citation_inside_a_footnote() -> None:
    result = _match("author-date.txt")
    note = result.document.footnotes[0]
    assert note.kind == "full"
    assert {result.document.entry(e).text[:6] for e in _cites(result, note.id)} == {"التازي"}


@pytest.mark.parametrize(
    ("sentence", "author", "year"),
    [
        ("كما ورد (انظر: حسن، 2015) في الدراسة.", "حسن", "2015"),
        ("As noted (e.g., Hasan, 2015, pp. 4-5).", "Hasan", "2015"),
        ("ويرى ابن خلدون (1967) أن العصبية أساس الملك.", "ابن خلدون", "1967"),
        ("ويرى حسن وعلي (2015) أن النتائج صحيحة.", "حسن وعلي", "2015"),
        ("As Hasan and Ali (2015) show, it holds.", "Hasan and Ali", "2015"),
        ("As de Gaulle (1954) wrote, it holds.", "de Gaulle", "1954"),
    ],
)
def test_more_author_date_forms(sentence: str, author: str, year: str) -> None:
    [c] = citenorm.extract(sentence).in_text
    assert (c.author, c.year) == (author, year)


@pytest.mark.parametrize(
    "sentence",
    [
        "انظر الوزاني، فهرسة الكتب (الرباط: دار الأمان، 2011)، ص 140.",
        "Smith, J. (2019). A book. London: Press.",
    ],
)
def test_imprints_and_entries_are_not_author_date_citations(sentence: str) -> None:
    assert citenorm.extract(sentence).in_text == []


# --- the gold of the fixtures, as benchmarks/accuracy.py scores it -------------------------


@pytest.mark.parametrize(
    "name", ["notes-chicago.md", "pdf-text-latin.txt", "pdf-text-arabic.txt", "author-date.txt"]
)
def test_pattern_fixtures_meet_their_gold(name: str, tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from citenorm.output.json import match_json

    gold = PATTERNS / (name.rsplit(".", 1)[0] + ".gold.json")
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(match_json(_match(name)), ensure_ascii=False), encoding="utf-8")
    evaluate = Path(__file__).resolve().parent / "tools" / "evaluate.py"
    proc = subprocess.run(
        [sys.executable, str(evaluate), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(proc.stdout)
    for key in (
        "footnotes_f1",
        "footnote_kind_acc",
        "backref_acc",
        "entries_arabic_f1",
        "entries_latin_f1",
        "citations_f1",
    ):
        assert scores[key] == 1.0, key
