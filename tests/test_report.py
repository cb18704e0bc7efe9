"""The HTML report: structure, escaping, self-containment, a golden page, the command,
and a real browser (headless Chromium) rendering the seed's report."""

from __future__ import annotations

import argparse
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import citenorm
from citenorm._version import __version__
from citenorm.cli.report import add_arguments, run
from citenorm.models import (
    Citation,
    Date,
    Document,
    Entry,
    Fields,
    Footnote,
    InTextCitation,
    MatchResult,
    Name,
    Pair,
    Section,
)
from citenorm.report import render_report
from citenorm.text.romanize import Proposal, RomanizedField, RomanizedWord
from conftest import CHROMIUM, ROOT, SEED, Snapshot, chromium_command

ARTIFACTS = ROOT / "build" / "artifacts"
HOSTILE = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>']


def _entry(
    ident: str, text: str, line: int, *, lst: str = "original", section: str = "s1"
) -> Entry:
    script = "arabic" if re.search("[\u0600-\u06ff]", text) else "latin"
    return Entry(
        id=ident,
        list=lst,  # type: ignore[arg-type]
        script=script,  # type: ignore[arg-type]
        section=section,
        number=None,
        text=text,
        line=line,
        raw=text,
    )


def _small_result(*, hostile: bool = False) -> MatchResult:
    """A hand-made match result: one pair, one unpaired entry on each side, a cited
    footnote, an unlisted one and an in-text citation."""
    bad = HOSTILE if hostile else ["", ""]
    entries = [
        _entry("e1", "الأنباري، احمد. التقارب الروسي الصيني. بغداد، ٢٠١٧." + bad[0], 10),
        _entry("e2", "جاسم، حيدر. الإستراتيجية والسياسة الخارجية، ٢٠١٥." + bad[1], 11),
        _entry(
            "e3",
            "Al-Anbari, Ahmed. Russian-Chinese rapprochement. Baghdad, 2017.",
            14,
            lst="romanized",
            section="s2",
        ),
        _entry(
            "e4",
            "Smith, John. A book nobody cites. London, 2001.",
            15,
            lst="romanized",
            section="s2",
        ),
    ]
    doc = Document(
        source="small.txt",
        footnotes=[
            Footnote(
                id="fn-1-1",
                number=1,
                group=1,
                marker="(1)",
                text="الأنباري، التقارب، ص ٣.",
                kind="full",
                line=5,
                body_line=2,
                raw="(1) ...",
            ),
            Footnote(
                id="fn-1-2",
                number=2,
                group=1,
                marker="(2)",
                text="مصدر مجهول" + bad[0],
                kind="full",
                line=6,
                body_line=3,
                raw="(2) ...",
            ),
        ],
        in_text=[InTextCitation(id="t1", text="(جاسم، ٢٠١٥)", line=3, column=4)],
        sections=[
            Section(id="s1", title="المصادر", line=9, list="original"),
            Section(id="s2", title="Bibliography", line=13, list="romanized"),
        ],
        entries=entries,
    )
    return MatchResult(
        document=doc,
        pairs=[
            Pair(
                arabic="e1",
                latin="e3",
                score=97.4,
                evidence={
                    "names": {"similarity": 100.0, "agree": True},
                    "year": {"agree": True, "value": 2017},
                    "title": {"similarity": 41.0, "agree": False},
                },
            )
        ],
        citations=[
            Citation(footnote="fn-1-1", entry="e1", score=99.0),
            Citation(footnote="fn-1-1", entry="e3", score=99.0),
            Citation(in_text="t1", entry="e2", score=88.0),
        ],
        unlisted=["fn-1-2"],
        unpaired_arabic=["e2"],
        unpaired_latin=["e4"],
    )


def _word(arabic: str, latin: str, confidence: float, *alternatives: str) -> RomanizedWord:
    source = "characters" if confidence < 0.5 else "table"
    return RomanizedWord(
        arabic=arabic,
        latin=latin,
        confidence=confidence,
        source=source,  # type: ignore[arg-type]
        alternatives=list(alternatives),
    )


def _proposal(entry: str = "e2", *, hostile: bool = False) -> Proposal:
    """A hand-made proposal for the unpaired Arabic entry e2 (جاسم، حيدر. الإستراتيجية
    والسياسة الخارجية، ٢٠١٥): one unsure word in the title, the others sure."""
    unsure = HOSTILE[0] if hostile else "al-Istirātījīyah"
    title = f"{unsure} wa-al-siyāsah al-khārijīyah"
    parts = [
        RomanizedField(
            field="author[0].family",
            arabic="جاسم",
            latin="Jāsim",
            confidence=0.93,
            words=[_word("جاسم", "Jāsim", 0.93)],
        ),
        RomanizedField(
            field="author[0].given",
            arabic="حيدر",
            latin="Ḥaydar",
            confidence=0.88,
            words=[_word("حيدر", "Ḥaydar", 0.88)],
        ),
        RomanizedField(
            field="title",
            arabic="الإستراتيجية والسياسة الخارجية",
            latin=title,
            confidence=0.31,
            words=[
                _word("الإستراتيجية", unsure, 0.31, "al-Istirātījiyah", "al-Istrātījīyah"),
                _word("والسياسة", "wa-al-siyāsah", 0.97),
                _word("الخارجية", "al-khārijīyah", 0.95),
            ],
        ),
    ]
    return Proposal(
        entry=entry,
        line=11,
        arabic="جاسم، حيدر. الإستراتيجية والسياسة الخارجية، ٢٠١٥.",
        style="alalc",
        text=f"Jāsim, Ḥaydar. {title}. 2015.",
        fields=Fields(
            author=[Name(family="Jāsim", given="Ḥaydar")],
            title=title,
            issued=Date(date_parts=[[2015]]),
        ),
        parts=parts,
        confidence=0.31,
    )


class _Finding:
    """Any object with the audit attributes will do (here not the pydantic model)."""

    def __init__(
        self,
        code: str,
        severity: str,
        message: str,
        line: int | None,
        related: list[dict[str, Any]],
    ) -> None:
        self.code, self.name, self.severity, self.message = (
            code,
            f"rule-{code.lower()}",
            severity,
            message,
        )
        self.line, self.related = line, related


FINDINGS = [
    _Finding(
        "CN201",
        "warning",
        "the source of footnote (2) is in no list",
        6,
        [{"id": "fn-1-2", "line": 6}],
    ),
    _Finding("CN101", "error", "entry e2 has no romanized partner", 11, [{"id": "e2", "line": 11}]),
    _Finding("CN900", "info", "document-level note", None, []),
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def _seed_report() -> str:
    result = citenorm.match(citenorm.extract(SEED.read_text(encoding="utf-8"), source=SEED.name))
    try:
        from citenorm.auditing import audit
    except ImportError:  # pragma: no cover - the audit package is built elsewhere
        findings: list[Any] = []
    else:
        findings = list(audit(result))
    return render_report(result, findings=findings)


# --- structure -----------------------------------------------------------------------


def test_pairs_sit_on_one_row_and_unpaired_entries_are_marked() -> None:
    html = render_report(_small_result(), findings=FINDINGS)
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    pair_row = next(r for r in rows if 'id="rec-e1"' in r)
    assert 'id="rec-e3"' in pair_row
    assert '<div class="score">97</div>' in pair_row
    assert "✓ names 100" in pair_row and "✗ title 41" in pair_row
    assert re.search(r'<td class="entry unpaired" id="rec-e2" dir="rtl" lang="ar">', html)
    assert re.search(r'<td class="entry unpaired" id="rec-e4" dir="ltr">', html)
    assert 'id="rec-e3" dir="ltr"' in html and 'class="entry" id="rec-e3"' in html


def test_proposal_sits_beside_its_unpaired_arabic_entry() -> None:
    html = render_report(_small_result(), findings=FINDINGS, proposals=[_proposal()])
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", html, re.S) if 'id="rec-e2"' in r)
    cell = re.search(
        r'<td class="proposal" id="rec-proposal-e2" dir="ltr" lang="ar-Latn">.*?</td>', row, re.S
    )
    assert cell, row
    assert "proposed romanization · to review" in cell[0]
    assert "confidence 0.31 · ALA-LC · 1 unsure word highlighted" in cell[0]
    # the unsure word is marked, with its confidence and alternatives; sure words are not
    assert (
        '<mark class="unsure" title="confidence 0.31 (characters); or: al-Istirātījiyah, '
        'al-Istrātījīyah">al-Istirātījīyah</mark> wa-al-siyāsah al-khārijīyah' in cell[0]
    )
    assert cell[0].count("<mark") == 1
    assert "Jāsim, Ḥaydar." in cell[0]
    assert "no romanized entry" not in row
    assert "<b>1</b> proposed romanizations" in html


def test_proposals_only_for_entries_without_a_romanized_counterpart() -> None:
    # a proposal for the paired e1 is not shown: e1 has its romanized entry
    html = render_report(_small_result(), proposals=[_proposal("e1")])
    assert 'class="proposal"' not in html
    assert html.count("no romanized entry") == 1  # e2's row


def test_default_proposals_are_the_romanizers() -> None:
    result = _small_result()
    proposals = citenorm.romanize(result)
    assert [p.entry for p in proposals] == ["e2"]
    html = render_report(result)
    assert 'id="rec-proposal-e2"' in html
    text = re.sub(r"<[^>]+>", "", re.search(r'<div class="proposed">(.*?)</div>', html)[1])  # type: ignore[index]
    from html import unescape

    assert unescape(text) == proposals[0].text
    assert html == render_report(result, proposals=proposals)
    none = render_report(result, proposals=())
    assert 'class="proposal"' not in none and "no romanized entry" in none


def test_citations_link_to_entries_and_unlisted_are_highlighted() -> None:
    html = render_report(_small_result(), findings=FINDINGS)
    fn1 = re.search(r'<tr class="" id="rec-fn-1-1">.*?</tr>', html, re.S)
    assert fn1 and 'href="#rec-e1"' in fn1[0] and 'href="#rec-e3"' in fn1[0]
    fn2 = re.search(r'<tr class="unlisted" id="rec-fn-1-2">.*?</tr>', html, re.S)
    assert fn2 and "unlisted: cites no entry" in fn2[0]
    assert "CN201" in fn2[0]  # the finding stands beside its footnote
    t1 = re.search(r'<tr class="" id="rec-t1">.*?</tr>', html, re.S)
    assert t1 and 'href="#rec-e2"' in t1[0]
    e2 = re.search(r'<td class="entry unpaired" id="rec-e2".*?</td>', html, re.S)
    assert e2 and "CN101" in e2[0] and 'href="#rec-t1"' in e2[0]  # cited by t1
    assert "About the whole article" in html and "document-level note" in html


def test_works_without_findings_and_with_an_empty_document() -> None:
    html = render_report(MatchResult(document=Document(source="empty.txt")))
    assert "No bibliography list found." in html
    assert "No findings" in html
    assert html.startswith("<!DOCTYPE html>")


def test_findings_may_be_mappings_or_pydantic_models() -> None:
    mapping = {
        "code": "CN1",
        "name": "n",
        "severity": "error",
        "message": "m<1>",
        "line": 10,
        "related": [{"id": "e1", "line": 10}],
    }
    html = render_report(_small_result(), findings=[mapping])
    assert "m&lt;1&gt;" in html
    audit = pytest.importorskip("citenorm.auditing", reason="the audit package is not installed")
    result = citenorm.match(citenorm.extract(SEED.read_text(encoding="utf-8")))
    findings = audit.audit(result)
    html = render_report(result, findings=findings)
    assert all(html.count(f.code) >= 1 for f in findings)


# --- safety --------------------------------------------------------------------------


def test_hostile_text_is_escaped() -> None:
    hostile_finding = _Finding("CN1", "warning", "<b>bold</b>", 10, [{"id": "e1", "line": 10}])
    html = render_report(
        _small_result(hostile=True),
        findings=[hostile_finding],
        title="<script>t</script>",
        proposals=[_proposal(hostile=True)],
    )
    assert '<mark class="unsure" title="confidence 0.31 (characters); or: ' in html
    assert "<script" not in html.lower()
    assert "<img" not in html.lower() and "<b>bold" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert not any(tag in ("script", "img", "iframe", "object") for tag, _ in _tags(html))
    assert not any(k.startswith("on") for _, attrs in _tags(html) for k in attrs)


def test_the_page_is_self_contained() -> None:
    html = _seed_report()
    tags = _tags(html)
    assert not any(tag in ("script", "link", "img", "iframe") for tag, _ in tags)
    assert all((a.get("href") or "#").startswith("#") for _, a in tags)
    assert not any("src" in a for _, a in tags)
    assert "@import" not in html and "url(" not in html


# --- golden --------------------------------------------------------------------------


def test_golden_small_report(snapshot: Snapshot) -> None:
    html = render_report(
        _small_result(), findings=FINDINGS, title="golden", proposals=[_proposal()]
    ).replace(__version__, "VERSION")
    snapshot("report/small.html", html)


# --- command -------------------------------------------------------------------------


def test_report_command_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    out = tmp_path / "report.html"
    args = parser.parse_args([str(SEED), "-o", str(out), "--title", "Seed"])
    assert run(args) == 0
    html = out.read_text(encoding="utf-8")
    assert "<title>Seed</title>" in html and 'dir="rtl" lang="ar"' in html
    assert capsys.readouterr().out == ""
    args = parser.parse_args([str(tmp_path / "missing.txt")])
    assert run(args) == 2
    assert "no such file" in capsys.readouterr().err


def test_report_command_shows_proposals_unless_told_not_to(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    article = ROOT / "fixtures" / "dev" / "acrps-alalc.txt"  # two unpaired Arabic entries
    out = tmp_path / "report.html"
    assert run(parser.parse_args([str(article), "-o", str(out), "--no-audit"])) == 0
    assert out.read_text(encoding="utf-8").count('<td class="proposal"') == 2
    assert run(parser.parse_args([str(article), "-o", str(out), "--no-proposals"])) == 0
    assert 'class="proposal"' not in out.read_text(encoding="utf-8")


# --- a real browser ------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_seed_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = tmp_path / "report.html"
    page.write_text(_seed_report(), encoding="utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / "report.png"
    screenshot.unlink(missing_ok=True)
    base = chromium_command(tmp_path / "profile")
    dom = subprocess.run(
        [*base, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    tags = _tags(dom)
    heads = [a for t, a in tags if t == "th" and a.get("dir") == "rtl"]
    assert heads and heads[0].get("lang") == "ar"
    rtl_cells = [
        a for t, a in tags if t == "td" and a.get("dir") == "rtl" and a.get("lang") == "ar"
    ]
    assert len(rtl_cells) >= 15
    assert "Lists side by side" in dom
    if "CN" in _seed_report():
        assert any("finding" in (a.get("class") or "") for _, a in tags)
    subprocess.run(
        [*base, f"--screenshot={screenshot}", "--window-size=1400,2000", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1400, 2000)
    assert len(data) > 50_000  # a page with text, not a blank image
