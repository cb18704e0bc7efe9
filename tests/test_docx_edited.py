"""``.docx`` as real authors and editors leave them: page and section breaks, lists and
several paragraphs in notes, hidden text, tracked changes and comments, fields (citation
managers' among them), symbols and special characters. Every package is invented here
(tests/ooxml.py): the text read must be what Word displays, the changes accepted."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("docx", reason="python-docx (the `test` extra) builds the fixtures")

import ooxml
from citenorm.io.docx import read_docx
from ooxml import abstract_num, field, level, num, para, run

_ENTRY = "الجاحظ، عمرو بن بحر: البيان والتبيين، دار الكتب العلمية، بيروت، 1998م."


def _lines(body: str, **parts: str) -> list[str]:
    return read_docx(ooxml.package(body, **parts)).lines


def _p(*runs: str, props: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{''.join(runs)}</w:p>"


_PAGE = '<w:r><w:br w:type="page"/></w:r>'
_COLUMN = '<w:r><w:br w:type="column"/></w:r>'


# --- 1. page, column and section breaks ----------------------------------------------


def test_a_page_break_inside_a_paragraph_does_not_cut_it() -> None:
    cut = _ENTRY.index(" ", 25) + 1  # the break after a space, as Word users put it
    assert _lines(_p(run(_ENTRY[:cut]), _PAGE, run(_ENTRY[cut:]))) == [_ENTRY]
    # between two words with no space, the break separates them; a column break too
    assert _lines(_p(run("word"), _PAGE, run("next"))) == ["word next"]
    assert _lines(_p(run("word "), _COLUMN, run("next"))) == ["word next"]


def test_a_page_break_between_paragraphs_adds_no_line() -> None:
    body = (
        para("أولا")
        + _p(_PAGE)  # Ctrl+Enter: a paragraph holding only the break
        + _p(_PAGE, run("ثانيا"))  # the break at the start of the next page's paragraph
        + _p(run("ثالثا"), _PAGE)
        + _p(run("رابعا"), props='<w:sectPr><w:type w:val="nextPage"/></w:sectPr>')
        + _p("<w:r><w:lastRenderedPageBreak/><w:t>خامسا</w:t></w:r>")
    )
    assert _lines(body) == ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا"]


def test_a_line_break_still_starts_a_line() -> None:
    assert _lines(_p(run("a"), "<w:r><w:br/></w:r>", run("b"), "<w:r><w:cr/></w:r>", run("c"))) == [
        "a",
        "b",
        "c",
    ]


# --- 2. lists and several paragraphs inside notes --------------------------------------


def test_a_note_with_a_numbered_list_and_several_paragraphs() -> None:
    numbering = abstract_num(1, level(0, "decimal", "%1-")) + num(1, 1)
    notes = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{ooxml.W_NS}">'
        '<w:footnote w:id="1">'
        + para("انظر:")
        + para("الجاحظ، البيان.", num_id=1)
        + para("ابن خلدون، المقدمة.", num_id=1)
        + "</w:footnote>"
        '<w:footnote w:id="2">'
        + para("وأيضا:")
        + para("المقريزي، الخطط.", num_id=1)
        + "</w:footnote>"
        "</w:footnotes>"
    ).encode()
    body = _p(run("نص"), '<w:r><w:footnoteReference w:id="1"/></w:r>')
    body += _p(run("نص آخر"), '<w:r><w:footnoteReference w:id="2"/></w:r>')
    body += para("قائمة", num_id=1)
    data = ooxml.with_parts(ooxml.package(body, numbering=numbering), footnotes=notes)
    lines = read_docx(data).lines
    assert "[^1]: انظر: 1- الجاحظ، البيان. 2- ابن خلدون، المقدمة." in lines
    # the notes count their own list (from note to note), the body its own
    assert "[^2]: وأيضا: 3- المقريزي، الخطط." in lines
    assert "1-\tقائمة" in lines


# --- 3. hidden text --------------------------------------------------------------------


def test_hidden_text_is_not_read() -> None:
    styles = (
        '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
        '<w:style w:type="character" w:styleId="Secret2"><w:name w:val="Secret 2"/>'
        '<w:basedOn w:val="Secret"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="HiddenPara"><w:name w:val="Hidden Para"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"
    )
    body = (
        _p(
            run("shown "),
            run("HIDDEN ", "<w:vanish/>"),
            run("SPECIAL ", "<w:specVanish/>"),
            run("STYLED ", '<w:rStyle w:val="Secret2"/>'),
            run("also shown ", '<w:rStyle w:val="Secret"/><w:vanish w:val="0"/>'),
            run("end", "<w:webHidden/>"),  # hidden in Web layout only: printed, read
        )
        + _p(run("INVISIBLE PARAGRAPH"), props='<w:pStyle w:val="HiddenPara"/>')
        + _p(run("after"))
    )
    assert _lines(body, styles=styles) == ["shown also shown end", "after"]


def test_a_hidden_paragraph_mark_runs_on_into_the_next_paragraph() -> None:
    """Word's style separator: the paragraph mark hidden (``w:specVanish``), the heading
    and the text after it print on one line."""
    mark = "<w:rPr><w:vanish/><w:specVanish/></w:rPr>"
    body = _p(run("Introduction."), props=mark) + _p(run(" The text.")) + para("next")
    assert _lines(body) == ["Introduction. The text.", "next"]


def test_a_note_referenced_from_hidden_text_is_not_read() -> None:
    notes = ooxml.notes_xml({1: "shown note", 2: "HIDDEN NOTE"})
    body = _p(
        run("a"),
        '<w:r><w:footnoteReference w:id="1"/></w:r>',
        '<w:r><w:rPr><w:vanish/></w:rPr><w:footnoteReference w:id="2"/></w:r>',
    )
    lines = read_docx(ooxml.with_parts(ooxml.package(body), footnotes=notes)).lines
    assert lines == ["a[^1]", "", "[^1]: shown note"]


# --- 4. tracked changes and comments ---------------------------------------------------


def _change(kind: str, inner: str, ident: int = 1) -> str:
    return f'<w:{kind} w:id="{ident}" w:author="Editor" w:date="2024-01-01T00:00:00Z">{inner}</w:{kind}>'


def _deleted(text: str) -> str:
    return _change("del", f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>')


def test_a_deleted_paragraph_mark_joins_the_paragraphs() -> None:
    head, tail = _ENTRY[:25], _ENTRY[25:]
    mark = f"<w:rPr>{_change('del', '')}</w:rPr>"
    body = (
        para("قبل")
        + _p(run(head), props=f"<w:bidi/>{mark}")
        + _p(run(tail), props="<w:bidi/>")
        # a paragraph deleted whole (its text and its mark) leaves nothing
        + _p(_deleted("DELETED PARAGRAPH"), props=mark)
        # a moved-away paragraph mark, the same
        + _p(run("moved "), props=f"<w:rPr>{_change('moveFrom', '')}</w:rPr>")
        + para("here")
    )
    assert _lines(body) == ["قبل", _ENTRY, "moved here"]


def test_the_joined_paragraph_takes_the_number_of_the_mark_that_stays() -> None:
    numbering = abstract_num(1, level(0, "decimal", "%1.")) + num(1, 1)
    mark = f"<w:rPr>{_change('del', '')}</w:rPr>"
    numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    body = (
        _p(run("one"), props=numbered)
        + _p(run("two, "), props=numbered + mark)  # an entry cut in two, joined again
        + _p(run("continued"), props=numbered)
        + _p(run("three"), props=numbered)
    )
    assert _lines(body, numbering=numbering) == ["1.\tone", "2.\ttwo, continued", "3.\tthree"]


def test_deleted_and_moved_text_is_not_read_inserted_and_moved_text_is() -> None:
    body = _p(
        run("a"),
        _deleted("OLD"),
        _change("ins", run("new"), 2),
        _change("moveFrom", run("MOVED AWAY"), 3),
        run(" b "),
        '<w:moveToRangeStart w:id="9" w:name="move1"/>',
        _change("moveTo", run("moved here"), 4),
        '<w:moveToRangeEnd w:id="9"/>',
        _change("del", _change("ins", run("INSERTED THEN DELETED"), 6), 5),
    )
    assert _lines(body) == ["anew b moved here"]


def test_a_deleted_table_row_is_not_read() -> None:
    row = "<w:tr>{}<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr>"
    body = (
        "<w:tbl>"
        + row.format("", "kept")
        + row.format(f"<w:trPr>{_change('del', '')}</w:trPr>", "ROW DELETED")
        + "</w:tbl>"
    )
    assert _lines(body) == ["kept"]


def test_comments_leave_only_the_commented_text() -> None:
    body = _p(
        '<w:commentRangeStart w:id="0"/>',
        run("commented"),
        '<w:commentRangeEnd w:id="0"/>',
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>',
        run(" text"),
    )
    data = ooxml.with_parts(
        ooxml.package(body), comments=ooxml.comments_xml({0: "THE EDITOR'S REMARK"})
    )
    assert read_docx(data).lines == ["commented text"]


def test_a_note_whose_reference_is_deleted_is_not_read() -> None:
    notes = ooxml.notes_xml({1: "kept note", 2: "DELETED NOTE", 3: "unreferenced note"})
    ref = '<w:r><w:footnoteReference w:id="{}"/></w:r>'
    body = _p(run("a"), ref.format(1), _change("del", ref.format(2)), run(" b"))
    lines = read_docx(ooxml.with_parts(ooxml.package(body), footnotes=notes)).lines
    # a note referenced nowhere is still kept (an author's unlinked note)
    assert lines == ["a[^1] b", "", "[^1]: kept note", "[^2]: unreferenced note"]


# --- 5. fields -----------------------------------------------------------------------


def test_a_citation_managers_fields_read_as_their_results() -> None:
    """Zotero: every citation a ``ZOTERO_ITEM`` field (its CSL JSON the instruction), the
    bibliography a ``ZOTERO_BIBL`` field whose result is the list's paragraphs."""
    data = {
        "citationID": "abc",
        "citationItems": [{"id": 1, "itemData": {"title": "LEAKED TITLE", "issued": 1998}}],
    }
    cite = field(f" ADDIN ZOTERO_ITEM CSL_CITATION {json.dumps(data)} " * 3, run("(الجاحظ 1998)"))
    bibl = ' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY '
    begin, end = field(bibl).split('<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    body = (
        _p(run("كما قال "), cite, run("."))
        + para("المراجع")
        + _p(begin, '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run(_ENTRY))
        + _p(run("ابن خلدون: المقدمة، 1981م."), end)
        + para("بعد")
    )
    assert _lines(body) == [
        "كما قال (الجاحظ 1998).",
        "المراجع",
        _ENTRY,
        "ابن خلدون: المقدمة، 1981م.",
        "بعد",
    ]


def test_a_field_nested_in_an_instruction_shows_nothing() -> None:
    """EndNote: ``ADDIN EN.CITE`` with its XML, an ``EN.CITE.DATA`` field nested in the
    instruction; a field nested in another's result shows its own result."""
    nested = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> ADDIN EN.CITE.DATA </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("NESTED RESULT")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    endnote = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> ADDIN EN.CITE &lt;EndNote&gt;&lt;Cite&gt;</w:instrText></w:r>"
        + nested
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("(Ali, 1999)")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    inner = field(" PAGE ", run("12"))
    outer = field(' HYPERLINK "https://example.org" ', run("page ") + inner)
    simple = '<w:fldSimple w:instr=" REF _Ref1 \\h "><w:r><w:t>Table 1</w:t></w:r></w:fldSimple>'
    body = _p(endnote, run("; "), outer, run("; "), simple)
    assert _lines(body) == ["(Ali, 1999); page 12; Table 1"]


def test_a_field_without_a_result_shows_nothing() -> None:
    index_entry = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> XE "Jahiz" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    assert _lines(_p(run("al-Jahiz"), index_entry, run(" wrote"))) == ["al-Jahiz wrote"]


# --- 6. symbols and special characters -----------------------------------------------


def test_symbols_hyphens_and_tabs() -> None:
    body = _p(
        run("co"),
        "<w:r><w:softHyphen/></w:r>",  # shown only where a line breaks
        run("operation"),
        "<w:r><w:noBreakHyphen/></w:r>",
        run("x"),
        '<w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/></w:r>',
        run("y"),
        '<w:r><w:sym w:font="Times New Roman" w:char="2014"/></w:r>',  # a Unicode character
        run("z"),
        '<w:r><w:sym w:font="Wingdings" w:char="F0E0"/></w:r>',  # a symbol font's glyph
        run("w"),
    )
    assert _lines(body) == ["cooperation-x\ty—z w"]


def test_a_field_never_closed_does_not_hide_the_rest_of_the_document() -> None:
    """A damaged file: a field begins and never ends. Hiding its instruction would hide
    every paragraph after it: the text is read, the instruction's with it."""
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>NOTE</w:t></w:r>'
    lines = _lines(_p(run("a "), begin) + para(_ENTRY) + para("b"))
    assert lines == ["a NOTE", _ENTRY, "b"]
