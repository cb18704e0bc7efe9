"""citenorm's exports in the programs researchers use: biber + XeLaTeX, citeproc-js,
pandoc, and a browser for the HTML bibliography.

Marked ``consumers``: ``.ci/run`` installs the tools (Debian packages, citeproc-js from
npm with its lockfile in ``tests/consumers``) and runs these tests in their own step. On a
developer's machine a missing tool skips the test with the command that installs it;
with ``CI=true`` a missing tool fails it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

import pytest

import citenorm
from citenorm import export
from citenorm.export.csl import csl_names, record_to_csl
from citenorm.export.records import ExportRecord, records
from citenorm.export.render import sort_key
from citenorm.models import MatchResult
from conftest import CHROMIUM, DEV, DEV_NAMES, SEED, chromium_command
from export_cases import dates_result

pytestmark = pytest.mark.consumers

ROOT = Path(__file__).resolve().parent.parent
CONSUMERS = Path(__file__).resolve().parent / "consumers"
STYLES = ROOT / "src" / "citenorm" / "export" / "styles"
LOCALES = ROOT / "src" / "citenorm" / "export" / "locales"
# the seed, every dev fixture, and hand-made dates the fixtures lack (Hijri-only, ranges)
DOCUMENTS: dict[str, Path | None] = {
    "seed": SEED,
    **{name: DEV / f"{name}.txt" for name in DEV_NAMES},
    "dates": None,
}
IN_CI = os.environ.get("CI") == "true"


def need(tool: str, install: str) -> str:
    """The path of ``tool``; skip (fail in CI) when it is not installed."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is not installed ({install})"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


def need_font(family: str, install: str) -> None:
    """Skip (fail in CI) when fontconfig does not know ``family``."""
    fc_list = need("fc-list", "apt-get install fontconfig")
    found = subprocess.run(
        [fc_list, f":family={family}", "family"], capture_output=True, text=True, check=False
    )
    if not found.stdout.strip():
        message = f"the font {family} is not installed ({install})"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@cache
def matched(name: str) -> MatchResult:
    path = DOCUMENTS[name]
    if path is None:
        return dates_result()
    return citenorm.match(citenorm.extract(path.read_text("utf-8"), source=str(path)))


# Typesetting turns straight quotes into curly ones (TeX ligatures, csquotes, citeproc's
# smart quotes): every quote-like character is dropped from both sides.
_QUOTES = re.compile("[\"'`\u00ab\u00bb\u00b4\u2018-\u201f\u2039\u203a]")


def _normalise(text: str) -> str:
    """Both sides of a "title in the output" check, made comparable.

    NFKC; bidi and other format characters (Cf), tatweel (Amiri's lam-kaf ligature comes
    back from the PDF with one), quotes, hyphens and whitespace removed, and a word
    hyphenated at a line end joined. A combining mark left over after NFKC has no
    precomposed form with its letter: the PDF draws it as a glyph of its own and pdftotext
    places it by position, not in reading order, so it is dropped as well.
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("Cf", "Mn") and ch != "\u0640"
    )
    text = re.sub(r"-\s*\n\s*", "", text)  # a word hyphenated at a line end
    text = _QUOTES.sub("", text)
    return re.sub(r"[\s\-\u2010\u2011]+", "", text)


# --- biber + XeLaTeX ------------------------------------------------------------------

LATEX = r"""\documentclass{article}
\usepackage{fontspec}
\usepackage{polyglossia}
\setmainlanguage{english}
\setotherlanguage{arabic}
% Latin text in a font with the whole ALA-LC repertoire (modifier letters such as U+02B9,
% combining marks such as U+0324), Arabic in Amiri
\setmainfont{Noto Serif}
\newfontfamily\arabicfont[Script=Arabic]{Amiri}
\usepackage{csquotes}
% other* (not other): polyglossia's otherlanguage environment writes the language to the
% .aux file, and the next run would start the whole bibliography right-to-left
\usepackage[backend=biber,style=authoryear,autolang=other*]{biblatex}
% biblatex has no Arabic localisation: its English strings serve Arabic entries
\DeclareLanguageMapping{arabic}{english}
% polyglossia before its 2023 fix (issue 603) redefines \normalfont globally in an Arabic
% entry: the next heading and bibliography come out in the Arabic font, right to left
\providecommand\resetfontlatin{}
\renewbibmacro*{finentry}{\finentry\resetfontlatin}
% no page numbers: pdftotext would put them inside titles that cross a page break
\pagestyle{empty}
@RESOURCES@
\begin{document}
@SECTIONS@
\end{document}
"""


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def latex_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    need("xelatex", "apt-get install texlive-xetex texlive-lang-arabic texlive-latex-extra")
    need("biber", "apt-get install biber texlive-bibtex-extra")
    need("pdftotext", "apt-get install poppler-utils")
    need_font("Noto Serif", "apt-get install fonts-noto-core")
    need_font("Amiri", "apt-get install fonts-hosny-amiri")
    work = tmp_path_factory.mktemp("latex")
    resources, sections = [], []
    for name in DOCUMENTS:
        (work / f"{name}.bib").write_text(export.to_biblatex(matched(name)), "utf-8")
        resources.append(rf"\addbibresource{{{name}.bib}}")
        sections.append(
            rf"\begin{{refsection}}[{name}.bib]\nocite{{*}}"
            rf"\printbibliography[title={{{name}}}]\end{{refsection}}"
        )
    tex = LATEX.replace("@RESOURCES@", "\n".join(resources))
    tex = tex.replace("@SECTIONS@", "\n".join(sections))
    (work / "doc.tex").write_text(tex, "utf-8")
    xelatex = ["xelatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    first = _run(xelatex, work)
    assert first.returncode == 0, first.stdout[-3000:]
    strict = _run(["biber", "--validate-datamodel", "doc"], work)
    plain = _run(["biber", "doc"], work)
    runs = [_run(xelatex, work) for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[-1].stdout[-3000:]
    text = _run(["pdftotext", "-enc", "UTF-8", "doc.pdf", "-"], work).stdout
    return {
        "strict": strict.stdout + strict.stderr,
        "plain": plain,
        "log": (work / "doc.log").read_text("utf-8", errors="replace"),
        "pdf_text": text,
    }


def _warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"(WARN|ERROR)\b", line)]


def test_biber_reads_every_export_without_a_warning(latex_build: dict[str, object]) -> None:
    plain = latex_build["plain"]
    assert isinstance(plain, subprocess.CompletedProcess)
    assert plain.returncode == 0, plain.stdout[-3000:]
    assert _warnings(plain.stdout + plain.stderr) == []


def _lacks(rec: ExportRecord, what: str) -> bool:
    if what == "author":
        return not rec.fields.author
    if what == "title":
        return not rec.fields.title
    return not (rec.date.years or rec.date.approximate)


def test_biber_data_model_warns_only_about_data_the_source_lacks(
    latex_build: dict[str, object],
) -> None:
    """``biber --validate-datamodel``: no invalid field; a "missing mandatory field" only
    where the record has no author, title or date (docs/exports.md): the source prints
    none, or the parser found none (its misses are measured by benchmarks/accuracy.py)."""
    by_key = {r.key: r for name in DOCUMENTS for r in records(matched(name))}
    strict = str(latex_build["strict"])
    unexplained = []
    for line in _warnings(strict):
        m = re.search(
            r"Entry '([^']+)'.*Missing mandatory field (?:'(author|title)'|- one of 'date)", line
        )
        if m and any(_lacks(r, m[2] or "date") for k, r in by_key.items() if k == m[1]):
            continue
        unexplained.append(line)
    assert unexplained == []


def test_xelatex_log_has_no_missing_glyph_or_warning(latex_build: dict[str, object]) -> None:
    """No glyph missing from the fonts, no font shape substituted (an italic title in an
    upright font), no biblatex, polyglossia or LaTeX warning, no error."""
    log = str(latex_build["log"])
    assert re.findall(r"Missing character: .*", log) == []
    warned = re.findall(r"(?:(?:Package|Class) \S+|LaTeX(?: Font)?) Warning: .*", log)
    assert warned == []
    assert "LaTeX Error" not in log


# punctuation that splits an Arabic title into the runs pdftotext gives in visual order
_RTL_BREAKS = re.compile(r"[.:;,،؛]")


def _title_pieces(title: str) -> list[str]:
    """What to look for in the PDF's text: a Latin title whole; an Arabic title piece by
    piece between its punctuation, since pdftotext gives the runs of a right-to-left line
    in visual order (``كتاب الأدب. القاهرة: ناشر`` comes back as ``ناشر :القاهرة .كتاب
    الأدب``)."""
    if not re.search("[\u0600-\u06ff]", title):
        return [_normalise(title)]
    return [p for p in (_normalise(piece) for piece in _RTL_BREAKS.split(title)) if p]


def test_title_pieces() -> None:
    assert _title_pieces("Kitāb al-adab. al-Qāhirah: Maṭbaʻah") == [
        _normalise("Kitāb al-adab. al-Qāhirah: Maṭbaʻah")
    ]
    assert _title_pieces("كتاب الأدب. القاهرة: ناشر") == ["كتابالأدب", "القاهرة", "ناشر"]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_pdf_contains_every_title(latex_build: dict[str, object], name: str) -> None:
    pdf = _normalise(str(latex_build["pdf_text"]))
    missing = []
    for rec in records(matched(name)):
        title = rec.fields.title
        if title and not all(piece in pdf for piece in _title_pieces(title)):
            missing.append(title)
    assert missing == []


# --- citeproc-js ----------------------------------------------------------------------


@cache
def _citeproc_js_ready() -> Path:
    need("node", "apt-get install nodejs npm")
    module = CONSUMERS / "node_modules" / "citeproc"
    if not module.is_dir():
        if IN_CI:
            pytest.fail("citeproc-js is not installed: run `npm ci` in tests/consumers")
        pytest.skip("citeproc-js is not installed: run `npm ci` in tests/consumers")
    return CONSUMERS / "render.js"


def _citeproc_js(items: list[dict[str, object]], style: str, lang: str, tmp: Path) -> list[str]:
    script = _citeproc_js_ready()
    data = tmp / f"items-{lang}.json"
    data.write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    proc = _run(
        ["node", str(script), str(STYLES / f"{style}.csl"), str(LOCALES), lang, str(data)], tmp
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return proc.stdout.splitlines()


def _names(rec: ExportRecord) -> list[str]:
    """The names as both processors must print them: whole for Arabic names."""
    out = []
    for person in csl_names(rec.fields.author, whole=rec.arabic_work):
        out.append(str(person.get("literal") or person.get("family") or ""))
    return [n for n in out if n]


def _fold(text: str) -> str:
    # citeproc-js turns straight quotes inside a title into the style's quotation marks
    # (APA: 'high-tech' -> “high-tech”); citeproc-py leaves them (docs/exports.md)
    return " ".join(_QUOTES.sub("", unicodedata.normalize("NFC", text)).split())


@pytest.mark.parametrize("style", ["apa", "chicago-author-date"])
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_citeproc_js_prints_the_same_names_and_titles(
    name: str, style: str, tmp_path: Path
) -> None:
    result = matched(name)
    ours = export.render(result, style=style).splitlines()
    recs = sorted(records(result), key=sort_key)
    groups = [r for r in recs if r.script != "arabic"], [r for r in recs if r.script == "arabic"]
    theirs: list[str] = []
    for group, lang in zip(groups, ("en-US", "ar"), strict=True):
        if group:
            items = [record_to_csl(r) for r in group]
            theirs += _citeproc_js(items, style, lang, tmp_path)
    assert len(theirs) == len(ours) == len(recs)
    problems = []
    for rec, mine, js in zip(groups[0] + groups[1], ours, theirs, strict=True):
        for person in _names(rec):
            if _fold(person) not in _fold(mine) or _fold(person) not in _fold(js):
                problems.append((rec.key, "name", person, mine, js))
        title = rec.fields.title
        if title:
            # case: both processors title-case English titles (their algorithms differ
            # on small words); romanized and Arabic titles must come out exactly
            exact = rec.language in ("ar", "ar-Latn")
            want = _fold(title) if exact else _fold(title).casefold()
            a, b = (
                (_fold(mine), _fold(js))
                if exact
                else (_fold(mine).casefold(), _fold(js).casefold())
            )
            if want not in a or want not in b:
                problems.append((rec.key, "title", title, mine, js))
    assert problems == []


# --- pandoc ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["seed", "dates"])
@pytest.mark.parametrize("fmt", ["csl-json", "biblatex"])
def test_pandoc_citeproc_reads_the_exports_without_warnings(
    fmt: str, name: str, tmp_path: Path
) -> None:
    need("pandoc", "apt-get install pandoc")
    result = matched(name)
    if fmt == "csl-json":
        bib = tmp_path / f"{name}.json"
        bib.write_text(json.dumps(export.to_csl_json(result), ensure_ascii=False), "utf-8")
    else:
        bib = tmp_path / f"{name}.bib"
        bib.write_text(export.to_biblatex(result), "utf-8")
    doc = '---\nnocite: "@*"\n---\n'
    proc = subprocess.run(
        ["pandoc", "--citeproc", "--bibliography", str(bib), "--csl", str(STYLES / "apa.csl"),
         "-t", "plain", "--verbose"],
        input=doc, capture_output=True, text=True, timeout=300, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert [line for line in proc.stderr.splitlines() if "WARNING" in line.upper()] == []
    out = _normalise(proc.stdout)
    problems = []
    for rec in records(result):
        title = rec.fields.title
        if title:
            # English titles may be recased by the style; romanized and Arabic ones not
            exact = rec.language in ("ar", "ar-Latn")
            want, got = _normalise(title), out
            if not exact:
                want, got = want.casefold(), got.casefold()
            if want not in got:
                problems.append((rec.key, "title", title))
        date = rec.date
        year = (date.years or date.approximate or (None,))[0]
        if year is not None and str(year) not in out:
            problems.append((rec.key, "year", year))
    assert problems == [], proc.stdout


# --- the HTML bibliography in a browser -------------------------------------------------

PROBE = """<script>
window.addEventListener("load", () => {
  const rows = [...document.querySelectorAll(".csl-entry")].map((el) => {
    const css = getComputedStyle(el);
    return [el.lang, css.direction, css.textAlign].join("|");
  });
  document.title = "probe:" + JSON.stringify(rows);
});
</script>"""


@pytest.mark.browser
def test_html_arabic_entries_are_rtl_and_right_aligned_in_a_browser(tmp_path: Path) -> None:
    if CHROMIUM is None:
        need("chromium", "apt-get install chromium")
    assert CHROMIUM is not None
    result = matched("seed")
    body = export.render(result, to="html", script="arabic")
    page = tmp_path / "bib.html"
    # a host page that left-aligns everything: the entries must hold their own
    page.write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<style>body {{ text-align: left; direction: ltr }}</style>{PROBE}</head>"
        f"<body>{body}</body></html>",
        "utf-8",
    )
    proc = subprocess.run(
        [*chromium_command(tmp_path / "profile"), "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    m = re.search(r"<title>probe:(.*?)</title>", proc.stdout)
    assert m, proc.stderr[-2000:]
    rows = [r.split("|") for r in json.loads(m[1].replace("&quot;", '"'))]
    recs = sorted(records(result, script="arabic"), key=sort_key)
    ordered = [r for r in recs if r.script != "arabic"] + [r for r in recs if r.script == "arabic"]
    assert len(rows) == len(ordered)
    for rec, (lang, direction, align) in zip(ordered, rows, strict=True):
        if rec.script == "arabic":
            assert (lang, direction, align) == ("ar", "rtl", "right"), rec.key
        else:
            assert (direction, align) == ("ltr", "left"), rec.key
    assert sum(r.script == "arabic" for r in ordered) >= 10
