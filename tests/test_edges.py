"""Smaller robustness promises (issue 15 item 9): numbers from 1000 on, entries that never
span a failed line, environment problems named as such (never "internal error"), clear
TypeErrors from the library, documents with unique ids, and a fuzz target that checks
what it builds."""

from __future__ import annotations

import errno
import runpy
import subprocess
from pathlib import Path
from typing import Any

import pytest

import citenorm
from citenorm.auditing import audit
from citenorm.models import Document, Entry, Fields, Section
from conftest import ROOT, SEED, Run


def _one_line_error(out: subprocess.CompletedProcess[bytes], *words: str) -> str:
    assert out.returncode == 2, out
    err = out.stderr.decode("utf-8")
    assert err.count("\n") == 1, err
    assert "internal error" not in err
    for w in words:
        assert w in err, err
    return err


# --- numbers from 1000 on -----------------------------------------------------------------


def _long_article(notes: int, entries: int) -> str:
    body = "".join(f"نص الفقرة ({k}) في عام (2015) هنا.\n" for k in range(1, notes + 1))
    foot = "".join(f"({k}) الكاتب، محمد، كتاب، بغداد، 2001، ص {k}.\n" for k in range(1, notes + 1))
    ents = "".join(f"{k}. الكاتب، محمد، كتاب، بغداد، 2001.\n" for k in range(1, entries + 1))
    return body + foot + "المصادر\n" + ents


def test_entries_and_footnotes_numbered_1000_and_above() -> None:
    doc = citenorm.extract(_long_article(1010, 1005))
    # before: entries 1000-1005 kept their numbers in their text and lost their author;
    # footnotes 1000-1010 were body text
    assert [e.number for e in doc.entries] == list(range(1, 1006))
    assert doc.entries[-1].text == "الكاتب، محمد، كتاب، بغداد، 2001."
    assert doc.entries[-1].fields.author is not None
    assert [f.number for f in doc.footnotes] == list(range(1, 1011))
    assert doc.footnotes[-1].body_line == 1010
    found = audit(citenorm.match(doc), select=["CN101", "CN102", "CN103", "CN503"])
    assert found == []  # "(2015)" in the body is a year, not a marker with no footnote


def test_list_numbers_of_five_digits_continue_the_numbering() -> None:
    from citenorm.extraction.entries import _numbered as _number

    assert _number("10000. الكاتب، محمد", 10_000)[:2] == (10_000, "الكاتب، محمد")
    assert _number("[10001] الكاتب", 10_001)[:2] == (10_001, "الكاتب")
    assert _number("2015. عنوان", 7)[:2] == (None, "2015. عنوان")  # a year
    assert _number("12. عنوان", 7)[:2] == (12, "عنوان")  # short numbers as before


def test_a_year_alone_is_not_a_number() -> None:
    text = "في عام (2015) قيل\n(1) فلان، كتاب، 2001.\nالمصادر\n1. فلان، كتاب، 2001.\n2015. عنوان بلا رقم، 2015.\n"
    doc = citenorm.extract(text)
    assert [f.number for f in doc.footnotes] == [1]
    assert [(e.number, e.text) for e in doc.entries] == [
        (1, "فلان، كتاب، 2001."),
        (None, "2015. عنوان بلا رقم، 2015."),
    ]
    assert audit(citenorm.match(doc), select=["CN101"]) == []


def test_an_entry_never_spans_a_failed_line() -> None:
    text = "المصادر\n1. فلان، كتاب، 2001\n45\n، بغداد.\n2. علان، كتاب آخر، 2002.\n"
    doc = citenorm.extract(text)
    failed = {f.line for f in doc.failed}
    assert 3 in failed
    for e in doc.entries:
        lines = set(range(e.line, e.line + e.raw.count("\n") + 1))
        assert not lines & failed, e
    # the line after the failed one is still accounted for
    accounted = failed | {e.line + k for e in doc.entries for k in range(e.raw.count("\n") + 1)}
    assert {2, 3, 4, 5} <= accounted


# --- environment problems are named, never "internal error" ------------------------------


def test_non_utf8_config(tmp_path: Path, run: Run) -> None:
    (tmp_path / "citenorm.toml").write_bytes("[audit]\nignore = ['CN204'] # é\n".encode("cp1252"))
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    _one_line_error(run("audit", str(tmp_path / "a.txt")), "citenorm.toml", "UTF-8")


def test_deeply_nested_config(tmp_path: Path, run: Run) -> None:
    (tmp_path / "citenorm.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    _one_line_error(run("audit", str(tmp_path / "a.txt")), "citenorm.toml", "nested")


@pytest.mark.parametrize(
    "csl",
    [
        b"not xml at all <<<",
        b'<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl"/>',
        b'<?xml version="1.0"?><html><body>a web page saved as .csl</body></html>',
    ],
    ids=["not-xml", "empty-style", "not-csl"],
)
def test_broken_csl_style(tmp_path: Path, run: Run, csl: bytes) -> None:
    style = tmp_path / "broken.csl"
    style.write_bytes(csl)
    out = run("export", str(SEED), "--to", "text", "--style", str(style))
    _one_line_error(out, "broken.csl")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_no_space_left_on_the_output(run: Run) -> None:
    _one_line_error(run("extract", str(SEED), "-o", "/dev/full"), "/dev/full", "No space left")


@pytest.mark.parametrize("code", [errno.EROFS, errno.EPERM, errno.EACCES, errno.ENOSPC])
def test_output_errors_are_one_line(
    code: int, tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    real_open = open

    def refuse(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(target) and "w" in mode:
            raise OSError(code, __import__("os").strerror(code), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refuse)
    out = run("match", str(SEED), "--format", "json", "-o", str(target))
    _one_line_error(out, str(target), __import__("os").strerror(code))


def test_output_to_a_directory(tmp_path: Path, run: Run) -> None:
    _one_line_error(run("extract", str(SEED), "-o", str(tmp_path)), str(tmp_path))


def test_deeply_nested_docx(tmp_path: Path, run: Run) -> None:
    docx = pytest.importorskip("docx")
    from ooxml import save, with_parts

    d = docx.Document()
    d.add_paragraph("المصادر")
    base = save(d)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    deep = (
        f"<w:document {w}><w:body>"
        + "<w:sdt><w:sdtContent>" * 50_000
        + "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
        + "</w:sdtContent></w:sdt>" * 50_000
        + "</w:body></w:document>"
    ).encode()
    path = tmp_path / "deep.docx"
    path.write_bytes(with_parts(base, replace={"word/document.xml": deep}))
    _one_line_error(run("extract", str(path)), "deep.docx", "nested")


# --- the library's types -----------------------------------------------------------------


def test_extract_and_match_say_what_they_take() -> None:
    with pytest.raises(TypeError, match="str, not NoneType"):
        citenorm.extract(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not bytes: decode it first"):
        citenorm.extract("المصادر".encode())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Document that extract\\(\\) returns, not NoneType"):
        citenorm.match(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not str"):
        citenorm.match("المصادر")  # type: ignore[arg-type]


def _entry(ident: str, line: int) -> Entry:
    return Entry(
        id=ident,
        list="original",
        script="arabic",
        section=None,
        number=None,
        text="فلان، كتاب",
        line=line,
        raw="فلان، كتاب",
        fields=Fields(),
    )


def test_a_document_with_duplicate_ids_is_rejected() -> None:
    with pytest.raises(ValueError, match="duplicate id 'e1'"):
        Document(entries=[_entry("e1", 1), _entry("e1", 2)])
    with pytest.raises(ValueError, match="duplicate id 's1'"):
        Document(
            sections=[Section(id="s1", title="المصادر", line=1, list="original")],
            entries=[_entry("s1", 2)],
        )
    assert len(Document(entries=[_entry("e1", 1), _entry("e2", 2)]).entries) == 2


# --- the fuzz target checks what it builds ------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_extract() -> dict[str, Any]:
    return runpy.run_path(str(ROOT / "fuzz" / "fuzz_extract.py"))


def test_fuzz_target_passes_its_seed_corpus(fuzz_extract: dict[str, Any]) -> None:
    corpus = sorted((ROOT / "fuzz" / "corpus").iterdir())
    assert len(corpus) >= 50
    for path in corpus:
        fuzz_extract["test_one_input"](path.read_bytes())


def test_fuzz_target_fails_on_a_lost_list_line(fuzz_extract: dict[str, Any]) -> None:
    text = "المصادر\n1. فلان، كتاب، 2001.\n2. علان، كتاب، 2002.\n3. فلتان، كتاب، 2003.\n"
    real = fuzz_extract["extract"]

    def losing(text: str, **kw: Any) -> Document:
        doc = real(text, **kw)
        return doc.model_copy(update={"entries": [doc.entries[0], doc.entries[2]]})

    fuzz_extract["_check"].__globals__["extract"] = losing
    try:
        with pytest.raises(AssertionError):
            fuzz_extract["_check"](text)
    finally:
        fuzz_extract["_check"].__globals__["extract"] = real
    fuzz_extract["_check"](text)
