"""Findings in a ``.docx``/``.pdf`` say where they are in the document: ``paragraph``
(DOCX) and ``page`` (PDF) in every output format, beside the line of the flattened text
that ``citenorm extract --show-text`` prints (issue 18, contract 1.1)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from citenorm import cli

AUDIT = Path(__file__).parent / "fixtures" / "audit"
SCHEMAS = Path(__file__).resolve().parent.parent / "src" / "citenorm"
SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif-2.1.0.schema.json"


def _run(capfd: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    got = capfd.readouterr()
    return code, got.out.decode("utf-8")


@pytest.fixture
def uncited_docx(tmp_path: Path) -> tuple[Path, list[str]]:
    """The CN204 fixture as a Word file, one paragraph per line (blank ones too); returns
    the path and the paragraphs' texts."""
    docx = pytest.importorskip("docx", reason="python-docx writes the test .docx")
    document = docx.Document()
    lines = (AUDIT / "cn204-uncited-entry.txt").read_text(encoding="utf-8").splitlines()
    # a title paragraph with a line break: two lines of the flattened text, one
    # paragraph, so that line and paragraph numbers differ below it
    title = document.add_paragraph("مجلة العلوم السياسية")
    title.add_run().add_break()
    title.add_run("العدد ٦٨")
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "article.docx"
    document.save(str(path))
    return path, ["مجلة العلوم السياسية\nالعدد ٦٨", *lines]


def _finding(capfd: pytest.CaptureFixture[bytes], path: Path, fmt: str, code: str) -> str:
    argv = ["audit", "--isolated", "--exit-zero", "--select", code, "--format", fmt, str(path)]
    rc, out = _run(capfd, *argv)
    assert rc == 0
    return out


def test_docx_findings_carry_the_paragraph_in_every_format(
    capfdbinary: pytest.CaptureFixture[bytes], uncited_docx: tuple[Path, list[str]]
) -> None:
    path, paragraphs = uncited_docx
    rc, text = _run(capfdbinary, "extract", "--show-text", str(path))
    assert rc == 0
    shown = text.split("\n")
    # json: the key, valid against the shipped schema
    payload = json.loads(_finding(capfdbinary, path, "json", "CN204"))
    schema = json.loads((SCHEMAS / "auditing" / "schema" / "audit.schema.json").read_text())
    jsonschema.validate(payload, schema)
    findings = payload["findings"]
    assert len(findings) == 2  # the uncited work, in both lists
    for finding in findings:
        assert "page" not in finding  # a .docx has no pages
        # the line counts in the text extract --show-text prints; the paragraph is the
        # Word paragraph holding that same text
        assert shown[finding["line"] - 1].startswith("3. ")
        assert paragraphs[finding["paragraph"] - 1] == shown[finding["line"] - 1]
        assert finding["paragraph"] != finding["line"]
    first, second = findings
    # text: the header stays file:line:col (editors read it), the paragraph below
    out = _finding(capfdbinary, path, "text", "CN204")
    assert out.startswith(f"{path}:{first['line']}:1: CN204 [info] ")
    assert f"  = in the document: paragraph {first['paragraph']} (line numbers count" in out
    assert f"  = in the document: paragraph {second['paragraph']} (line numbers count" in out
    assert "'citenorm extract --show-text'" in out
    # github: in the message
    out = _finding(capfdbinary, path, "github", "CN204")
    assert f"(uncited-entry; paragraph {first['paragraph']})" in out.splitlines()[0]
    # sarif: the region's property bag and the location's message
    log = json.loads(_finding(capfdbinary, path, "sarif", "CN204"))
    if SARIF_SCHEMA.exists():
        jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    result = log["runs"][0]["results"][0]
    (location,) = result["locations"]
    region = location["physicalLocation"]["region"]
    assert region["properties"] == {"paragraph": first["paragraph"]}
    assert region["startLine"] == first["line"]
    assert location["message"]["text"].startswith(f"paragraph {first['paragraph']} ")


def test_a_note_line_takes_the_paragraph_of_its_marker(tmp_path: Path) -> None:
    # Word footnotes are appended to the flattened text as "[^N]: text", on lines with no
    # paragraph of their own: a finding there is placed at the note's marker
    docx = pytest.importorskip("docx", reason="python-docx writes the test .docx")
    import ooxml
    from citenorm.auditing import audit
    from citenorm.matching import match
    from citenorm.pipeline import load_document

    document = docx.Document()
    document.add_paragraph("عنوان المقال")
    ooxml.add_text_with_markers(document.add_paragraph(), "نص يستشهد بمصدر.[^1]", {1: 2})
    document.add_paragraph("المصادر:")
    document.add_paragraph("1. الشمري، علي. الصين والعالم العربي. بيروت: دار الساقي، ٢٠١٨.")
    notes = ooxml.notes_xml(
        {2: "محمد حسن، كتاب لا يوجد في القائمة (القاهرة: دار المعارف، ١٩٩٩)، ص ٣."}
    )
    path = tmp_path / "notes.docx"
    path.write_bytes(ooxml.with_parts(ooxml.save(document), footnotes=notes))
    doc = load_document(path)
    (note,) = doc.footnotes
    assert doc.paragraphs is not None and doc.paragraphs[note.line - 1] is None
    findings = [f for f in audit(match(doc)) if f.line == note.line]
    assert findings, "the unlisted note gives a finding on its line"
    assert {f.paragraph for f in findings} == {2}  # the body paragraph of its marker


def test_pdf_findings_carry_the_page(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas", reason="reportlab draws the PDF")
    pytest.importorskip("pdfplumber", reason="the citenorm[pdf] extra reads the PDF")
    path = tmp_path / "numbers.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 12)
    c.drawString(72, 770, "A short article about libraries.")
    c.showPage()
    c.setFont("Helvetica", 12)
    rows = [
        "References",
        "1. Smith, John. A Book. London: Press, 2001.",
        "2. Jones, Mary. Another Book. Paris: Maison, 1999.",
        "4. Brown, Anne. A Third Book. Leiden: Brill, 2010.",
    ]
    for k, row in enumerate(rows):
        c.drawString(72, 770 - 18 * k, row)
    c.showPage()
    c.save()
    payload = json.loads(_finding(capfdbinary, path, "json", "CN503"))
    (finding,) = payload["findings"]
    assert finding["page"] == 2
    assert "paragraph" not in finding
    rc, text = _run(capfdbinary, "extract", "--show-text", str(path))
    assert rc == 0
    assert text.split("\n")[finding["line"] - 1].startswith("4. Brown")
    out = _finding(capfdbinary, path, "text", "CN503")
    assert "  = in the document: page 2 " in out
    assert "; page 2)" in _finding(capfdbinary, path, "github", "CN503")
    log = json.loads(_finding(capfdbinary, path, "sarif", "CN503"))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["properties"] == {"page": 2}


def test_text_input_findings_have_no_location_keys(
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    path = AUDIT / "cn204-uncited-entry.txt"
    findings = json.loads(_finding(capfdbinary, path, "json", "CN204"))["findings"]
    assert [f["line"] for f in findings] == [19, 25]
    assert all("paragraph" not in f and "page" not in f for f in findings)
    assert "in the document" not in _finding(capfdbinary, path, "text", "CN204")


def test_show_text_prints_the_text_as_read(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    article = AUDIT / "clean.txt"
    rc, out = _run(capfdbinary, "extract", "--show-text", str(article))
    assert rc == 0
    assert out == article.read_text(encoding="utf-8")
    # a legacy code page comes out as UTF-8; several files get a header each
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(article.read_text(encoding="utf-8").encode("cp1256", "replace"))
    rc, out = _run(capfdbinary, "extract", "--show-text", str(article), str(legacy))
    assert rc == 0
    assert out.startswith(f"==> {article} <==\n")
    assert f"\n==> {legacy} <==\n" in out
    rc, _ = _run(capfdbinary, "extract", "--show-text", str(tmp_path / "missing.txt"))
    assert rc == 2
