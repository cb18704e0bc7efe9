"""Security (issue 6): hostile text never becomes live LaTeX or HTML, no network, no eval.

An article is input from strangers: its titles, authors and publishers may hold LaTeX
commands (``\\input{/etc/passwd}``, ``\\write18{...}``), unbalanced braces, TeX specials
and HTML. Exports must carry them as text.
"""

from __future__ import annotations

import re
import socket
from pathlib import Path
from typing import Any

import bibtexparser
import pytest

import citenorm
from citenorm import export

SRC = Path(__file__).resolve().parent.parent / "src" / "citenorm"

HOSTILE = [
    r"\input{/etc/passwd}",
    r"\write18{rm -rf /}",
    r"\immediate\write18{id}",
    r"\def\x{y}",
    r"\catcode`\^^@=11",
    "}{",
    "}",
    "{",
    "% comment",
    "#1",
    "~",
    "^",
    "\\",
    "$x^2$",
    "@string{x}",
    "<script>alert(1)</script>",
    "&amp; <b>bold</b>",
]


def _article(payload: str) -> str:
    return (
        "مقدمة البحث (1).\n"
        f"(1) فلان الفلاني، {payload} كتاب الأمن، بغداد، ٢٠١٥، ص ٣.\n"
        "المصادر:\n"
        f"1- الفلاني، فلان، {payload} كتاب الأمن، دار {payload} للنشر، بغداد، ٢٠١٥.\n"
        f"2- العتيبي، محمد، تاريخ {payload}، مطبعة المعارف، القاهرة، ١٩٩٠.\n"
        "References\n"
        f"1. al-Fulani, Fulan, {payload} Kitab al-amn, Dar {payload} lil-Nashr, Baghdad, 2015.\n"
        f"2. {payload} Smith, John, History {payload}, Oxford: {payload} Press, 1990.\n"
    )


_CMD = re.compile(r"\\(input|write18|immediate|def|catcode|include|openout|read)\b")


def _balanced(value: str) -> bool:
    depth, i = 0, 0
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            i += 2  # an escaped character is text
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    return depth == 0


def _live_commands(value: str) -> list[str]:
    """Backslash commands that TeX would execute: not preceded by an escaping command."""
    out = []
    for m in _CMD.finditer(value):
        before = value[: m.start()]
        # "\textbackslash{}input" / "\textbackslash input": the backslash is text
        if before.endswith(("\\textbackslash{}", "\\textbackslash ", "\\textbackslash")):
            continue
        out.append(m.group(0))
    return out


@pytest.mark.parametrize("payload", HOSTILE)
@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
@pytest.mark.parametrize("script", ["latin", "arabic"])
def test_no_input_reaches_latex_as_a_command(payload: str, dialect: str, script: Any) -> None:
    result = citenorm.match(citenorm.extract(_article(payload)))
    writer = export.to_bibtex if dialect == "bibtex" else export.to_biblatex
    bib = writer(result, script=script)
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks, bib
    assert len(library.entries) == len(export.records(result, script=script))
    assert not library.strings and not library.preambles
    for entry in library.entries:
        for field in entry.fields:
            value = str(field.value)
            assert _balanced(value), (field.key, value)
            assert not _live_commands(value), (field.key, value)
            # TeX specials from the input are escaped: no bare % # ~ ^ $ &
            if field.key.lower() not in ("url", "doi"):
                assert not re.search(r"(?<!\\)[%#$&]", value), (field.key, value)


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'])
def test_html_render_escapes_markup(payload: str) -> None:
    result = citenorm.match(citenorm.extract(_article(payload)))
    html = export.render(result, to="html")
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;" in html


def test_ris_and_csl_keep_one_record_per_line_structure() -> None:
    result = citenorm.match(citenorm.extract(_article("x\nER  - \nTY  - JOUR")))
    ris = export.to_ris(result)
    assert ris.count("ER  -") == len(export.records(result))


def test_no_network_connection(monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("citenorm opened a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = citenorm.match(citenorm.extract(seed_text))
    export.to_bibtex(result)
    export.to_biblatex(result)
    export.to_csl_json(result)
    export.to_ris(result)
    export.render(result, to="text")
    export.render(result, to="html")


_EVAL = re.compile(
    r"\b(?:eval|exec)\s*\(|\bpickle\.loads?\b|\bmarshal\.loads?\b|\byaml\.(?:unsafe_)?load\s*\(|"
    r"\bshelve\b|\b__import__\s*\(|\bos\.system\b|\bsubprocess\b|shell\s*=\s*True"
)


def test_source_never_evaluates_input() -> None:
    hits = []
    for path in sorted(SRC.rglob("*.py")):
        for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            code = text.split("#", 1)[0]
            if _EVAL.search(code) and "re.compile" not in code:
                hits.append(f"{path.relative_to(SRC)}:{n}: {text.strip()}")
    assert not hits, hits
