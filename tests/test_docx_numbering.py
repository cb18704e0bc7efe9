"""Word's automatic list numbers (ECMA-376 part 1, 17.9) in a ``.docx``: the number Word
displays before a numbered paragraph is no part of its text; citenorm reads it from
``word/numbering.xml`` (and the paragraph styles) as Word renders it. Every package is
invented here (tests/ooxml.py on python-docx's template)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("docx", reason="python-docx (the `test` extra) builds the fixtures")

import citenorm
import ooxml
from citenorm.io.docx import number_text, read_docx
from citenorm.output.json import match_json
from ooxml import abstract_num, level, num, para


def _lines(body: str, numbering: str, styles: str = "") -> list[str]:
    return read_docx(ooxml.package(body, numbering=numbering, styles=styles)).lines


def test_a_decimal_list_gets_its_numbers_before_each_paragraph() -> None:
    numbering = abstract_num(1, level(0, "decimal", "%1.")) + num(7, 1)
    body = para("Ibn Khaldun, al-Muqaddima.", num_id=7) + para("al-Jahiz, al-Bayan.", num_id=7)
    assert _lines(body, numbering) == ["1.\tIbn Khaldun, al-Muqaddima.", "2.\tal-Jahiz, al-Bayan."]


def test_paragraphs_without_numbering_between_the_items_do_not_stop_the_count() -> None:
    numbering = abstract_num(1, level(0, "decimal", "%1-")) + num(1, 1)
    body = para("أ", num_id=1) + para("heading") + para("ب", num_id=1) + para("off", num_id=0)
    assert _lines(body, numbering) == ["1-\tأ", "heading", "2-\tب", "off"]


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("hindiNumbers", "%1-", ["١-", "٢-", "٣-"]),
        ("arabicAbjad", "%1)", ["أ)", "ب)", "ج)"]),
        ("arabicAlpha", "(%1)", ["(أ)", "(ب)", "(ت)"]),
        ("lowerRoman", "%1.", ["i.", "ii.", "iii."]),
        ("upperLetter", "[%1]", ["[A]", "[B]", "[C]"]),
        ("decimalZero", "%1.", ["01.", "02.", "03."]),
    ],
)
def test_the_number_formats(fmt: str, text: str, expected: list[str]) -> None:
    numbering = abstract_num(1, level(0, fmt, text)) + num(1, 1)
    body = "".join(para(f"item {k}", num_id=1, bidi=True) for k in range(3))
    assert [ln.split("\t")[0] for ln in _lines(body, numbering)] == expected


def test_number_text_beyond_the_letters_and_unknown_formats() -> None:
    assert number_text(27, "lowerLetter") == "aa"
    assert number_text(10**12, "lowerLetter") == str(10**12)  # no billions of letters
    assert number_text(29, "arabicAlpha") == "29"  # 28 letters, decimal beyond
    assert number_text(1994, "upperRoman") == "MCMXCIV"
    assert number_text(4, "ordinalText") == "4"
    assert number_text(3, "bullet") == number_text(3, "none") == ""


def test_the_start_value_and_a_restart_by_start_override() -> None:
    numbering = (
        abstract_num(1, level(0, "decimal", "%1.", start=5))
        + num(1, 1)
        + num(2, 1)  # the same list, no override: Word continues it
        + num(3, 1, start_override={0: 1})  # "Restart numbering"
    )
    body = para("a", num_id=1) + para("b", num_id=1) + para("c", num_id=2) + para("d", num_id=3)
    body += para("e", num_id=3)
    assert [ln.split("\t")[0] for ln in _lines(body, numbering)] == ["5.", "6.", "7.", "1.", "2."]


def test_several_levels_and_their_restarts() -> None:
    numbering = abstract_num(
        1,
        level(0, "decimal", "%1."),
        level(1, "decimal", "%1.%2."),
        level(2, "lowerLetter", "%3)", extra='<w:lvlRestart w:val="0"/>'),
    ) + num(1, 1)
    body = "".join(
        para(t, num_id=1, ilvl=k)
        for t, k in [("a", 0), ("b", 1), ("c", 1), ("d", 2), ("e", 0), ("f", 1), ("g", 2)]
    )
    labels = [ln.split("\t")[0] for ln in _lines(body, numbering)]
    # level 2 never restarts (lvlRestart 0): "b)" after "a)" across the new level-0 item
    assert labels == ["1.", "1.1.", "1.2.", "a)", "2.", "2.1.", "b)"]


def test_a_level_without_a_start_value_starts_at_zero() -> None:
    lvl = '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    numbering = abstract_num(1, lvl) + num(1, 1)
    assert _lines(para("a", num_id=1) + para("b", num_id=1), numbering) == ["0.\ta", "1.\tb"]


def test_a_legal_level_shows_every_number_in_decimal() -> None:
    numbering = abstract_num(
        1,
        level(0, "upperRoman", "%1."),
        level(1, "decimal", "%1.%2", extra="<w:isLgl/>"),
    ) + num(1, 1)
    body = para("a", num_id=1, ilvl=0) + para("b", num_id=1, ilvl=1)
    assert [ln.split("\t")[0] for ln in _lines(body, numbering)] == ["I.", "1.1"]


def test_numbering_through_the_paragraph_style_and_its_base() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="RefList"><w:name w:val="Ref List"/>'
        '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="RefListAr"><w:name w:val="Ref List Ar"/>'
        '<w:basedOn w:val="RefList"/><w:pPr><w:bidi/></w:pPr></w:style>'
    )
    numbering = abstract_num(1, level(0, "hindiNumbers", "%1.")) + num(4, 1)
    body = para("أ", style="RefList") + para("ب", style="RefListAr")
    body += para("ج", style="RefListAr", num_id=0)  # the paragraph turns it off
    assert _lines(body, numbering, styles) == ["١.\tأ", "٢.\tب", "ج"]


def test_the_suffix_after_the_number() -> None:
    numbering = (
        abstract_num(1, level(0, "decimal", "%1.", extra='<w:suff w:val="space"/>'))
        + abstract_num(2, level(0, "decimal", "[%1]", extra='<w:suff w:val="nothing"/>'))
        + num(1, 1)
        + num(2, 2)
    )
    assert _lines(para("a", num_id=1) + para("b", num_id=2), numbering) == ["1. a", "[1]b"]


def test_bullets_and_dangling_lists_give_no_number() -> None:
    numbering = abstract_num(1, level(0, "bullet", "\uf0b7")) + num(1, 1)
    body = para("a", num_id=1) + para("b", num_id=9)  # no w:num 9
    assert _lines(body, numbering) == ["a", "b"]


def _records(data: bytes) -> dict[str, Any]:
    from pathlib import Path
    from tempfile import TemporaryDirectory

    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.docx"
        path.write_bytes(data)
        return match_json(citenorm.match(citenorm.extract_file(path)))


_ENTRIES = [
    "الجاحظ، عمرو بن بحر: البيان والتبيين، دار الكتب العلمية، بيروت، 1998م.",
    "ابن خلدون، عبد الرحمن: المقدمة، دار الفكر، بيروت، 1981م.",
    "المقريزي، أحمد بن علي: الخطط، مكتبة مدبولي، القاهرة، 1998م.",
]


def test_an_auto_numbered_bibliography_reads_as_the_typed_one() -> None:
    """The entries of a list numbered by Word carry their numbers, as when typed."""
    head = para("المصادر والمراجع", bidi=True)
    typed = ooxml.package(
        head + "".join(para(f"{k}- {e}", bidi=True) for k, e in enumerate(_ENTRIES, 1))
    )
    numbering = abstract_num(1, level(0, "decimal", "%1-")) + num(1, 1)
    auto = ooxml.package(
        head + "".join(para(e, num_id=1, bidi=True) for e in _ENTRIES), numbering=numbering
    )
    typed_entries = _records(typed)["entries"]
    auto_entries = _records(auto)["entries"]
    assert [e.get("number") for e in typed_entries] == [1, 2, 3]
    assert [e.get("number") for e in auto_entries] == [1, 2, 3]
    assert [e["text"] for e in auto_entries] == [e["text"] for e in typed_entries]


def test_a_paragraph_as_word_saves_an_edited_one_reads_as_its_text() -> None:
    """Runs split inside words, proofing and bookmark marks between them, right-to-left
    runs, a web address in a hyperlink and in a HYPERLINK field, a tab after a typed
    number: the line is the text as typed (the tab kept)."""
    link = '<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>https://example.org/a</w:t></w:r>'
    body = (
        "<w:p><w:pPr><w:bidi/></w:pPr>"
        "<w:r><w:t>3-</w:t></w:r><w:r><w:tab/></w:r>"
        '<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">الج</w:t></w:r>'
        '<w:proofErr w:type="spellStart"/>'
        '<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">احظ، البيان </w:t></w:r>'
        '<w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="_Ref12"/>'
        '<w:r><w:t xml:space="preserve">متاح على: </w:t></w:r><w:bookmarkEnd w:id="0"/>'
        f'<w:hyperlink r:id="rIdLink1" w:history="1">{link}</w:hyperlink>'
        '<w:r><w:t xml:space="preserve"> و</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/b" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>https://example.org/b</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:lastRenderedPageBreak/></w:r></w:p>'
    )
    rel = (
        '<Relationship Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/hyperlink" Target="https://example.org/a" TargetMode="External"/>'
    )
    lines = read_docx(ooxml.package(body, relationships=rel)).lines
    assert lines == ["3-\tالجاحظ، البيان متاح على: https://example.org/a وhttps://example.org/b"]


def test_a_list_that_redefines_a_level_and_one_that_links_a_list_style() -> None:
    own_level = level(0, "arabicAbjad", "%1-", start=2)
    numbering = (
        abstract_num(1, level(0, "decimal", "%1."))
        # a w:num redefining level 0 for itself (w:lvlOverride with a w:lvl)
        + f'<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">{own_level}'
        "</w:lvlOverride></w:num>"
        # an abstract list that only points to the list style "RefListStyle" (numId 1)
        + '<w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="RefListStyle"/></w:abstractNum>'
        + num(1, 1)
        + num(3, 3)
    )
    styles = (
        '<w:style w:type="numbering" w:styleId="RefListStyle"><w:name w:val="Ref List Style"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = para("a", num_id=2) + para("b", num_id=2) + para("c", num_id=3) + para("d", num_id=3)
    assert [ln.split("\t")[0] for ln in _lines(body, numbering, styles)] == ["ب-", "ج-", "1.", "2."]
