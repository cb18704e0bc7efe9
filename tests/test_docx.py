"""``.docx`` input: body paragraphs, real Word footnotes and endnotes, tables, text boxes,
hostile packages. Every package is built here from text (python-docx + tests/ooxml.py)."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

docx = pytest.importorskip("docx", reason="python-docx (the `test` extra) builds the fixtures")

import citenorm  # noqa: E402
import ooxml  # noqa: E402
from citenorm.errors import InputError  # noqa: E402
from citenorm.io.docx import read_docx  # noqa: E402
from citenorm.io.load import load, with_locations  # noqa: E402
from citenorm.models import Entry  # noqa: E402
from citenorm.output.json import match_json  # noqa: E402
from conftest import DEV, SEED  # noqa: E402

HAS_LOCATIONS = "paragraph" in Entry.model_fields
needs_locations = pytest.mark.skipif(
    not HAS_LOCATIONS, reason="models have no `paragraph`/`page` fields yet (issue 8 wiring)"
)
_POSITIONS = {"line", "body_line", "column", "source", "paragraph", "page"}


def _records(text: str) -> dict[str, Any]:
    return match_json(citenorm.match(citenorm.extract(text)))


def _strip(obj: Any) -> Any:
    """The records without positions (line numbers differ when blank lines are dropped)."""
    if isinstance(obj, dict):
        return {k: _strip(v) for k, v in obj.items() if k not in _POSITIONS}
    if isinstance(obj, list):
        return [_strip(v) for v in obj]
    return obj


def _write(tmp_path: Path, data: bytes, name: str = "article.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _split_markdown_notes(text: str) -> tuple[list[str], dict[int, str]]:
    """Body lines and ``{n: text}`` of a Markdown-footnoted fixture."""
    body: list[str] = []
    notes: dict[int, str] = {}
    for line in text.split("\n"):
        m = ooxml.MARKER.match(line)
        if m and line[m.end() : m.end() + 1] == ":":
            notes[int(m[1])] = line[m.end() + 1 :].strip()
        else:
            body.append(line)
    return body, notes


def _acrps_docx() -> tuple[bytes, str]:
    """acrps-popular as Word writes it: real footnotes whose ids are not their numbers,
    stored in footnotes.xml in id order (the reverse of their reading order)."""
    text = (DEV / "acrps-popular.txt").read_text(encoding="utf-8")
    body, notes = _split_markdown_notes(text)
    ids = {n: 2 + len(notes) - n for n in notes}  # note 1 has the highest id
    document = docx.Document()
    for line in body:
        if line.strip():
            ooxml.add_text_with_markers(document.add_paragraph(), line, ids)
    xml = ooxml.notes_xml({ids[n]: notes[n] for n in sorted(notes, key=ids.__getitem__)})
    return ooxml.with_parts(ooxml.save(document), footnotes=xml), text


# --- the acceptance checks ---------------------------------------------------


def test_seed_saved_as_docx_gives_the_same_records(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    loaded = load(_write(tmp_path, ooxml.save(document)))
    assert loaded.kind == "docx"
    assert loaded.encoding == "docx"
    assert loaded.pages is None
    assert loaded.paragraphs == list(range(1, text.count("\n") + 2))
    got, want = _records(loaded.text), _records(text)
    assert got["footnotes"] and got["entries"] and got["pairs"]
    assert got == want  # same texts, kinds, groups, pairs and (one paragraph a line) lines


def test_acrps_docx_with_real_footnotes(tmp_path: Path) -> None:
    data, text = _acrps_docx()
    loaded = load(_write(tmp_path, data))
    got, want = _records(loaded.text), _records(text)
    assert len(got["footnotes"]) == 28
    assert _strip(got) == _strip(want)
    # every footnote is linked to its place in the body
    assert all(f["body_line"] is not None for f in got["footnotes"])
    lines = loaded.text.split("\n")
    first = got["footnotes"][0]
    assert "[^1]" in lines[first["body_line"] - 1]
    assert lines[first["line"] - 1].startswith("[^1]: ")
    assert loaded.paragraphs is not None
    assert loaded.paragraphs[first["line"] - 1] is None  # the definitions are added lines
    assert loaded.paragraphs[first["body_line"] - 1] == 1  # the title paragraph


def test_apa_docx_with_arabic_and_foreign_lists(tmp_path: Path) -> None:
    text = (DEV / "apa-popular.txt").read_text(encoding="utf-8")
    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            p = document.add_paragraph(line)
            if not line.isascii():  # Arabic paragraphs are right-to-left in Word
                p._p.get_or_add_pPr().append(ooxml.OxmlElement("w:bidi"))
    loaded = load(_write(tmp_path, ooxml.save(document)))
    got, want = _records(loaded.text), _records(text)
    assert {e["script"] for e in got["entries"]} == {"arabic", "latin"}
    assert {e["list"] for e in got["entries"]} == {"original", "romanized"}
    assert len(got["pairs"]) >= 20
    assert _strip(got) == _strip(want)


# --- the reader ----------------------------------------------------------------------


def test_footnote_numbers_follow_the_references_not_the_ids() -> None:
    document = docx.Document()
    p = document.add_paragraph("أولًا")
    ooxml.add_note_reference(p, 7)
    p.add_run(" ثم ثانيًا")
    ooxml.add_note_reference(p, 3)
    xml = ooxml.notes_xml({3: "الثانية", 7: "الأولى"})
    got = read_docx(ooxml.with_parts(ooxml.save(document), footnotes=xml))
    assert got.lines == ["أولًا[^1] ثم ثانيًا[^2]", "", "[^1]: الأولى", "[^2]: الثانية"]
    assert got.paragraphs == [1, None, None, None]


def test_endnotes_continue_after_footnotes_and_notes_join_paragraphs() -> None:
    document = docx.Document()
    p = document.add_paragraph("نص")
    ooxml.add_note_reference(p, 2, kind="endnote")
    ooxml.add_note_reference(p, 5)
    feet = ooxml.notes_xml({5: ["حاشية في", "فقرتين"]})
    ends = ooxml.notes_xml({2: "تعليقة ختامية"}, kind="endnote")
    got = read_docx(ooxml.with_parts(ooxml.save(document), footnotes=feet, endnotes=ends))
    assert got.lines == ["نص[^2][^1]", "", "[^1]: حاشية في فقرتين", "[^2]: تعليقة ختامية"]


def test_unreferenced_notes_are_kept_after_the_referenced_ones() -> None:
    document = docx.Document()
    ooxml.add_note_reference(document.add_paragraph("نص"), 4)
    xml = ooxml.notes_xml({2: "يتيمة", 4: "مرجع"})
    got = read_docx(ooxml.with_parts(ooxml.save(document), footnotes=xml))
    assert got.lines[-2:] == ["[^1]: مرجع", "[^2]: يتيمة"]


_TEXT_BOX = (
    f'<w:r xmlns:w="{ooxml.W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
    "<w:p><w:r><w:t>في الإطار</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    "<w:p><w:r><w:t>في الإطار</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def test_tables_text_boxes_breaks_and_tracked_changes() -> None:
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("قبل الجدول")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"خلية {r}{c}"
    p = document.add_paragraph("مرساة")
    p._p.append(parse_xml(_TEXT_BOX))
    p = document.add_paragraph("سطر")
    p.add_run().add_break()
    p.add_run("ثان")
    deleted = parse_xml(
        f'<w:del xmlns:w="{ooxml.W_NS}" w:id="1" w:author="x"><w:r><w:delText>محذوف</w:delText></w:r></w:del>'
    )
    field = parse_xml(
        f'<w:r xmlns:w="{ooxml.W_NS}"><w:instrText> PAGEREF _Toc1 </w:instrText></w:r>'
    )
    p._p.append(deleted)
    p._p.append(field)
    got = read_docx(ooxml.save(document))
    assert got.lines == [
        "قبل الجدول",
        "خلية 00",
        "خلية 01",
        "خلية 10",
        "خلية 11",
        "مرساة",
        "في الإطار",
        "سطر",
        "ثان",
    ]
    assert got.paragraphs == [1, 2, 3, 4, 5, 6, 7, 8, 8]


# --- unusable and hostile inputs -----------------------------------------------------


def test_billion_laughs_footnotes_are_refused_without_expansion(tmp_path: Path) -> None:
    document = docx.Document()
    ooxml.add_note_reference(document.add_paragraph("نص"), 1)
    data = ooxml.with_parts(ooxml.save(document), footnotes=ooxml.billion_laughs())
    start = time.monotonic()
    with pytest.raises(InputError, match=r"footnotes\.xml declares a DOCTYPE or ENTITY") as info:
        load(_write(tmp_path, data))
    assert time.monotonic() - start < 2
    assert "\n" not in str(info.value)


def test_external_entity_is_refused() -> None:
    document = docx.Document()
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + f'<w:document xmlns:w="{ooxml.W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'.encode()
    )
    data = ooxml.with_parts(ooxml.save(document), replace={"word/document.xml": xxe})
    with pytest.raises(InputError, match="DOCTYPE"):
        read_docx(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 this is not really a zip", "corrupt zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Word 97-2003"),
        (b"plain text, not a zip", "not a zip"),
    ],
)
def test_unusable_docx_raise_input_error(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        load(_write(tmp_path, data))
    assert str(info.value).startswith(str(tmp_path))
    assert "\n" not in str(info.value)


def test_zip_without_a_document_part(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match=r"no word/document\.xml"):
        load(path)


def test_malformed_document_xml() -> None:
    data = ooxml.with_parts(
        ooxml.save(docx.Document()), replace={"word/document.xml": b"<w:document>"}
    )
    with pytest.raises(InputError, match="not well-formed XML"):
        read_docx(data)


def test_docx_is_recognised_by_content_whatever_its_name(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("المصادر")
    loaded = load(_write(tmp_path, ooxml.save(document), name="article.txt"))
    assert loaded.kind == "docx"
    assert loaded.text == "المصادر\n"


def test_text_files_still_go_through_read_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "المصادر\n".encode("cp1256"), name="a.txt")
    loaded = load(path)
    assert (loaded.kind, loaded.encoding, loaded.text) == ("text", "cp1256", "المصادر\n")
    assert loaded.paragraphs is None
    doc = citenorm.extract(loaded.text)
    assert with_locations(doc, loaded) is doc
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "missing.txt")


# --- locations -----------------------------------------------------------------------


@needs_locations
def test_with_locations_adds_paragraphs(tmp_path: Path) -> None:
    data, _text = _acrps_docx()
    loaded = load(_write(tmp_path, data))
    doc = with_locations(citenorm.extract(loaded.text), loaded)
    assert loaded.paragraphs is not None
    for f in doc.footnotes:
        assert f.body_line is not None
        assert f.paragraph == loaded.paragraphs[f.body_line - 1]
        assert f.page is None
    for e in doc.entries:
        assert e.paragraph == loaded.paragraphs[e.line - 1]
    assert doc.footnotes[0].paragraph == 1
