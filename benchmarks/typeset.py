"""The text documents typeset as presses print them, read back from the PDF, scored.

Every gold text document (the ``.txt`` of ``../shared/dev-real`` and the fixtures; not
the texts that a PDF reader gave of a PDF at hand, measured on that PDF) is
laid out as an HTML page in one of :data:`LAYOUTS`, printed to PDF by headless Chromium
(``tests/conftest.py``'s ``print_pdf``, the helper tests/test_pdf.py prints with), read
back as ``citenorm match FILE.pdf`` reads it (``load_document``: the PDF reader, page
furniture, wrapped lines) and scored against the same gold by ``accuracy.py``'s scoring
(the evaluator's metrics, pooled by its ``n_*`` counts). Beside each layout, the same
documents read as text: what the PDF path loses.

Notes are set at the foot of the page whose body cites them, under a short rule, in
smaller type (in the documents that have notes; their text's form feeds are the pages).
Every line of the text is a paragraph of its own (``dir="auto"``: an Arabic line right
to left, a Latin one left to right), justified; a blank line is a gap; a form feed is a
page break. A text that a PDF reader gave (its lines wrapped at one width) is typeset
again as paragraphs: a full line goes on in the next, unless that one begins a gold
entry or note. The gold stays valid: a wrap joins a paragraph's printed lines, which the
evaluator compares with spaces folded; digits are printed as they are; what the layout
adds (a running head, a page number, a rule above the notes) is no item of the gold.

Run from the project root::

    .venv/bin/python benchmarks/typeset.py [--layout LABEL] [--only SUBSTRING]
        [--show DOC] [--json]

The PDFs are cached outside the repository (they are derived from third-party texts):
``$XDG_CACHE_HOME/citenorm-typeset/<sha of the page>.pdf`` (``~/.cache`` by default).
Without Chromium or ``../shared`` the benchmark says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import importlib.util
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # (the scoring, the documents: one copy of them)

ROOT = accuracy.ROOT
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "citenorm-typeset"

_ARABIC = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
# a printed rule above a page's notes in a plain text ("_________", "──────────")
_RULE = re.compile(r"^\s*(?:_{5,}|[─━—–-]{8,})\s*$")

# a text whose lines are this share of full ones was wrapped (a PDF reader's text)
_WRAPPED = 0.6

_FONTS = '"Noto Naskh Arabic", "Noto Serif", "DejaVu Serif", serif'


def _conftest() -> ModuleType:
    """tests/conftest.py as a module: its ``print_pdf`` and ``CHROMIUM``."""
    spec = importlib.util.spec_from_file_location(
        "citenorm_conftest", ROOT / "tests" / "conftest.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rtl(text: str) -> bool:
    return len(_ARABIC.findall(text)) > len(_LATIN.findall(text))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _running_head(text: str) -> str:
    """The document's first line, cut at a word before 60 characters: the short title a
    press prints at the top of every page."""
    first = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    if len(first) > 60:
        first = first[:60].rsplit(" ", 1)[0] + " …"
    return first


# the notes of a page of the text stay at the foot of its first printed page: the body's
# paragraphs that do not fit above them go on over the next pages (as a press sets a
# page: the notes on the page that calls them); each page is then made a printed page
# tall, its notes at its foot. (The page is laid out at the print width: the body's
# width is fixed; a printed page holds a little less than its height, a line that does
# not fit going to the next page: ``slack`` is kept for that.)
_FOOT_SCRIPT = """
const cap = %s - %s;
for (let el of [...document.querySelectorAll('.page')]) {
  while (el.getBoundingClientRect().height > cap) {
    const body = el.querySelector('.body');
    if (body.children.length < 2) break;
    const next = document.createElement('div');
    next.className = 'page';
    const rest = document.createElement('div');
    rest.className = 'body';
    next.appendChild(rest);
    el.after(next);
    while (el.getBoundingClientRect().height > cap && body.children.length > 1) {
      rest.prepend(body.lastElementChild);
    }
    el = next;
  }
}
for (const el of document.querySelectorAll('.page')) {
  if (el.getBoundingClientRect().height < cap) el.style.minHeight = cap + 'px';
}
"""


def _page(
    text: str,
    body: str,
    *,
    size: tuple[float, float],
    margin: tuple[float, float],
    font: float,
    fonts: str = _FONTS,
    columns: int = 1,
    extra: str = "",
) -> str:
    """A whole HTML page of ``size`` mm with ``margin`` mm (top and bottom, sides): the
    running head and the page number in the page's margin (Arabic-Indic digits in a
    right-to-left document), the body in ``font`` points of ``fonts``, notes in four
    fifths of it; ``columns``: the body set in that many columns 8 mm apart (the notes
    across the page's foot); ``extra``: more CSS."""
    rtl = _rtl(text)
    digits = "arabic-indic" if rtl else "decimal"
    width, height = size
    vertical, sides = margin
    page_px = (height - 2 * vertical) * 96 / 25.4
    if columns > 1:
        extra = f".cols, .page .body {{ column-count: {columns}; column-gap: 8mm; }}\n{extra}"
    css = f"""
@page {{ size: {width}mm {height}mm; margin: {vertical}mm {sides}mm;
  @top-center {{ content: {_css_string(_running_head(text))}; font: 9pt {fonts}; }}
  @bottom-center {{ content: counter(page, {digits}); font: 10pt {fonts}; }} }}
body {{ margin: 0; width: {width - 2 * sides}mm; font-family: {fonts}; font-size: {font}pt;
  line-height: 1.45; }}
{extra}
p {{ margin: 0 0 2pt; text-align: justify; }}
p.gap {{ height: 0.7em; margin: 0; }}
.break {{ break-after: page; }}
.page {{ break-after: page; display: flex; flex-direction: column; }}
.page:last-child {{ break-after: auto; }}
.notes {{ margin-top: auto; font-size: 0.8em; line-height: 1.35; padding-top: 6pt; }}
.notes:empty {{ display: none; }}
.notes::before {{ content: ""; display: block; width: 35%; border-top: 0.6pt solid #000;
  margin-bottom: 4pt; }}
"""
    direction = "rtl" if rtl else "ltr"
    lang = "ar" if rtl else "en"
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f"<style>{css}</style></head><body>{body}"
        f"<script>{_FOOT_SCRIPT % (round(page_px, 2), round(font * 1.45 * 96 / 72 * 1.5, 2))}"
        "</script></body></html>"
    )


def _para(line: str, marks: Callable[[str], str] | None = None) -> str:
    if not line.strip():
        return '<p class="gap"></p>'
    inner = html.escape(line.strip())
    return f'<p dir="auto">{marks(inner) if marks else inner}</p>'


def _numbered_pages(text: str) -> list[list[tuple[int, str]]]:
    """The text's pages (a form feed, alone or at a line's start, is a page break), each
    as its lines with their numbers in the text (0-based)."""
    pages: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(text.split("\n")):
        if "\f" in line:
            pages.append([])
            line = line.replace("\f", "")
            if not line.strip():
                continue
        pages[-1].append((number, line))
    return pages


def _wrap_width(text: str) -> int | None:
    """The width a text was wrapped at, if it was (a PDF reader's text: most lines about
    as long as the longest ones), else None (a line per paragraph)."""
    lengths = sorted(len(ln.strip()) for ln in text.split("\n") if ln.strip())
    if not lengths:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    full = sum(1 for n in lengths if 0.8 * width <= n <= 1.1 * width)
    return width if full >= _WRAPPED * len(lengths) else None


def _paragraphs(
    lines: list[tuple[int, str]],
    width: int | None,
    starts: set[int],
    marks: Callable[[str], str] | None = None,
) -> str:
    """The lines as paragraphs. In a text wrapped at ``width``, a line that runs to about
    the width goes on in the next one (the press wraps the paragraph again), unless the
    next one begins a gold item or is blank: one paragraph, its lines joined by a space."""
    paras: list[str] = []
    prev_full = False
    for number, line in lines:
        if width and prev_full and line.strip() and number not in starts and paras:
            paras[-1] = f"{paras[-1].rstrip()} {line.strip()}"
        else:
            paras.append(line)
        prev_full = bool(width) and len(line.strip()) >= 0.8 * (width or 0)
    return "".join(_para(p, marks) for p in paras)


def _starts(text: str, gold: dict[str, Any]) -> set[int]:
    return accuracy._starts(text, gold, "entries") | accuracy._starts(text, gold, "footnotes")


_BRACKETED = re.compile(r"^\s*[(\[][0-9٠-٩]{1,3}[)\]]")
_BARE_NUMBER = re.compile(r"^\s*[0-9٠-٩]{1,3}\s+")


def _bare_number_notes(text: str, gold: dict[str, Any]) -> set[int]:
    """The lines that open a gold note after a bare number (``3 Alaoui, ...``), which
    ``accuracy._starts`` does not take for a list number."""
    norm = accuracy.load_evaluator().norm
    heads = {norm(f.get("text") or "")[:25] for f in gold.get("footnotes", [])} - {""}
    out = set()
    for number, line in enumerate(text.split("\n")):
        m = _BARE_NUMBER.match(line)
        if m is not None and norm(line[m.end() :])[:25] in heads:
            out.add(number)
    return out


def _inside_notes(text: str, gold: dict[str, Any]) -> set[int]:
    """The lines whose words are part of a gold note's (a note's line after a blank)."""
    norm = accuracy.load_evaluator().norm
    notes = [norm(f.get("text") or "") for f in gold.get("footnotes", [])]
    out = set()
    for number, line in enumerate(text.split("\n")):
        words = norm(line)
        if len(words) >= 12 and any(words in n for n in notes):
            out.add(number)
    return out


def _flow(text: str, gold: dict[str, Any], *, columns: int = 1) -> str:
    width, starts = _wrap_width(text), _starts(text, gold)
    pages = [_paragraphs(lines, width, starts) for lines in _numbered_pages(text)]
    if columns > 1:  # (each page of the text flows in columns of its own)
        return '<div class="break"></div>'.join(f'<div class="cols">{p}</div>' for p in pages)
    return '<div class="break"></div>'.join(pages)


_Lines = list[tuple[int, str]]


# a note's number where the text prints it: "[^3]" (its head "[^3]: "), "(3)"
_NOTE_HEAD = re.compile(r"^(?:\[\^([0-9]{1,3})\]:|\(([0-9]{1,3})\))\s*")
_BODY_MARKER = re.compile(r"\[\^([0-9]{1,3})\]|\s?\(([0-9]{1,3})\)")


def _superscripts(
    body: _Lines, notes: _Lines, *, restart: bool, every: set[str]
) -> tuple[_Lines, _Lines]:
    """The markers of a page (``[^3]``, ``(3)`` of the text) as Word prints them: a
    superscript number glued to the body's word and at the head of the note
    (``<sup>3</sup>``; placeholders here, made HTML by :func:`_sup_html`); ``restart``:
    the notes of the page numbered from 1 (Word's "restart each page"), the body's
    markers renumbered with them. ``every``: the numbers of all the document's notes (a
    marker of a note set elsewhere, an endnote, keeps its number); a number that no
    note has stays as printed."""
    numbers: dict[str, str] = {k: k for k in every}
    mine: dict[str, str] = {}
    for _n, line in notes:
        m = _NOTE_HEAD.match(line)
        if m is not None:
            old = m.group(1) or m.group(2)
            mine.setdefault(old, str(len(mine) + 1) if restart else old)
    numbers.update(mine)

    def head(line: str) -> str:
        m = _NOTE_HEAD.match(line)
        if m is None or (m.group(1) or m.group(2)) not in numbers:
            return line
        return f"\x01{numbers[m.group(1) or m.group(2)]}\x02 " + line[m.end() :]

    def body_line(line: str) -> str:
        if line.startswith("[^"):  # (an endnote, set where the text has it)
            return head(line)

        def sub(m: re.Match[str]) -> str:
            old = m.group(1) or m.group(2)
            return f"\x01{numbers[old]}\x02" if old in numbers else m.group()

        return _BODY_MARKER.sub(sub, line)

    # endnotes ("[^3]: ...", a line each) are set as Word sets them: under a short rule
    # at the foot, in the notes' type
    ends = [(n, t) for n, t in body if t.startswith("[^")]
    body, notes = [(n, t) for n, t in body if not t.startswith("[^")], ends + notes
    return [(n, body_line(t)) for n, t in body], [(n, head(t)) for n, t in notes]


def _sup_html(inner: str) -> str:
    return inner.replace("\x01", "<sup>").replace("\x02", "</sup>")


def _with_notes(text: str, gold: dict[str, Any], *, sup: str = "") -> str:
    """The body of a document with notes: each page of the text (its form feeds) a page
    whose notes are set at its foot, under a short rule, in smaller type. In a page, the
    notes are the lines after a printed rule (up to a blank line that no note or line of
    a note follows, after which a new page begins) or, without a rule, the lines from the page's first gold note on. A page
    whose text does not fit goes on over the next, its notes after its body."""
    # (a line that opens both a note and an entry, a work cited in full, opens notes where
    # notes are already set or where it opens with a bracketed number, "(1)": else it is
    # the entry's)
    lines_of = text.split("\n")
    note_lines = accuracy._starts(text, gold, "footnotes") | _bare_number_notes(text, gold)
    notes_at = {
        n
        for n in note_lines
        if n not in accuracy._starts(text, gold, "entries") or _BRACKETED.match(lines_of[n])
    }
    width, starts = _wrap_width(text), _starts(text, gold)
    inside = _inside_notes(text, gold)
    pages: list[tuple[_Lines, _Lines]] = []
    for lines in _numbered_pages(text):
        body: _Lines = []
        notes: _Lines = []
        in_notes = gap = False
        for here, line in lines:
            if _RULE.match(line):
                in_notes = bool(body or notes)
                continue
            if in_notes and not line.strip():
                gap = True  # (the notes go on if a note comes next)
                continue
            if in_notes and gap and here not in note_lines and here not in inside:
                pages.append((body, notes))
                body, notes, in_notes = [], [], False
            gap = False
            if here in notes_at and not in_notes:
                in_notes = True
            (notes if in_notes else body).append((here, line))
        pages.append((body, notes))
    out = []
    marks = _sup_html if sup else None
    every = {
        m.group(1) or m.group(2)
        for body, notes in pages
        for _n, line in body + notes
        if (m := _NOTE_HEAD.match(line)) is not None
    }
    for body, notes in pages:
        if sup:
            body, notes = _superscripts(body, notes, restart=sup == "restart", every=every)
        b = _paragraphs(body, width, starts, marks)
        n = _paragraphs(notes, width, starts, marks)
        out.append(
            f'<div class="page"><div class="body">{b}</div><div class="notes">{n}</div></div>'
        )
    return "".join(out)


def _body(text: str, gold: dict[str, Any], *, columns: int = 1, sup: str = "") -> str:
    if gold.get("footnotes"):
        return _with_notes(text, gold, sup=sup)
    return _flow(text, gold, columns=columns)


def _one_column(text: str, gold: dict[str, Any]) -> str | None:
    """A4, one column of 166 mm, 12.5pt (notes 10pt)."""
    return _page(text, _body(text, gold), size=(210, 297), margin=(25, 22), font=12.5)


def _narrow(text: str, gold: dict[str, Any]) -> str | None:
    """A book page: A5, a column of 108 mm, 11pt (notes 8.8pt): lines wrap inside
    entries and notes."""
    return _page(text, _body(text, gold), size=(148, 210), margin=(20, 20), font=11)


def _amiri(text: str, gold: dict[str, Any]) -> str | None:
    """The A4 page of :func:`_one_column` in Amiri (its Latin letters too): a Naskh of
    other ligatures, marks and spacing (lam-alef, the marks set off their letters, word
    spaces narrower than Noto Naskh's)."""
    fonts = '"Amiri", "DejaVu Serif", serif'
    body = _body(text, gold)
    return _page(text, body, size=(210, 297), margin=(25, 22), font=12.5, fonts=fonts)


def _word_notes(text: str, gold: dict[str, Any]) -> str | None:
    """The A4 page of :func:`_one_column` as Word prints notes: superscript numbers in
    the body and at each note's head, numbered from 1 again on each page (a document
    without notes: not set)."""
    if not gold.get("footnotes"):
        return None
    body = _body(text, gold, sup="restart")
    # (Word sets a superscript at two thirds of the size, raised by a third)
    sup = "sup { font-size: 0.65em; vertical-align: 0.5em; line-height: 0; }"
    return _page(text, body, size=(210, 297), margin=(25, 22), font=12.5, extra=sup)


def _two_columns(text: str, gold: dict[str, Any]) -> str | None:
    """A journal's A4 page: two columns of 81 mm, 8 mm apart, 10.5pt (notes 8.4pt across
    the page's foot, under both columns); in a right-to-left document the right column
    is read first."""
    body = _body(text, gold, columns=2)
    return _page(text, body, size=(210, 297), margin=(22, 20), font=10.5, columns=2)


def _hanging(text: str, gold: dict[str, Any]) -> str | None:
    """A press's reference pages: A4, one column, 9pt (notes 7.2pt), each paragraph set
    with a hanging indent of 2em (its first line out at the margin, the lines a wrap
    makes indented: on the right in a right-to-left paragraph)."""
    hang = "p { padding-inline-start: 2em; text-indent: -2em; }"
    body = _body(text, gold)
    return _page(text, body, size=(210, 297), margin=(25, 22), font=9, extra=hang)


#: a layout: the text and its gold -> the HTML page to print (None: the layout does not
#: apply to that document)
Layout = Callable[[str, dict[str, Any]], str | None]

LAYOUTS: dict[str, Layout] = {
    "A4 12.5pt": _one_column,
    "A5 11pt": _narrow,
    "A4 2 columns 10.5pt": _two_columns,
    "A4 Amiri 12.5pt": _amiri,
    "A4 superscript notes, restart each page": _word_notes,
    "A4 hanging indent 9pt": _hanging,
}


def typeset(path: Path, gold: Path, label: str, conftest: ModuleType, profile: Path) -> Path | None:
    """The cached PDF of the document at ``path`` in layout ``label`` (None: the layout
    does not apply)."""
    page = LAYOUTS[label](
        path.read_text(encoding="utf-8"), json.loads(gold.read_text(encoding="utf-8"))
    )
    if page is None:
        return None
    out = CACHE / f"{hashlib.sha256(page.encode('utf-8')).hexdigest()[:24]}.pdf"
    if not out.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            made = conftest.print_pdf(page, Path(tmp) / "page.pdf", profile=profile)
            made.replace(out)
    return out


Row = tuple[str, str, dict[str, Any], float]


def text_documents(only: str | None) -> list[tuple[str, str, Path, Path]]:
    """accuracy.py's text documents (group, name, text, gold) whose name contains ``only``,
    but those that came from a PDF at hand: such a text is measured on its PDF
    (accuracy.py's .pdf rows; its right-to-left lines are in visual order)."""
    return [
        d
        for d in accuracy.documents(pdf=False)
        if (not only or only in d[1]) and not d[2].with_suffix(".pdf").exists()
    ]


def score_file(
    path: Path, name: str, group: str, gold: dict[str, Any], ev: ModuleType, *, label: str
) -> tuple[Row, dict[str, Any]]:
    """``(name, group, scores, seconds)`` of the document at ``path`` (a PDF, a .docx) read
    by citenorm's own reader and matched, and what it predicted (a document that breaks is
    a row of zeros, said on stderr)."""
    start = time.perf_counter()
    try:
        pred = accuracy.predict_library(path)
    except Exception as exc:  # a document that breaks is a row of zeros
        print(f"error: {label}: {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
        pred = {"footnotes": [], "entries": [], "pairs": [], "citations": []}
    seconds = time.perf_counter() - start
    return (name, group, accuracy.score(ev, gold, pred), seconds), pred


def pool_rows(
    rows: list[Row],
    label: str,
    as_text: dict[str, dict[str, Any]],
    seen: list[tuple[str, list[str]]],
    summary: list[Row],
) -> None:
    """Append to ``rows`` and ``summary`` the pooled rows of one layout (or variant)
    ``label``, dev-real's and the fixtures', and to ``summary`` once the same documents
    read as text (``seen``: the sets of documents already given such a row)."""
    for group, what in (("txt", "dev-real"), ("fixtures", "fixtures")):
        members = [r for r in rows if r[1] == group]
        if not members:
            continue
        names = sorted(m[0] for m in members)
        text_row = f"{what}, the same {len(names)} read as text"
        if (text_row, names) not in seen:
            seen.append((text_row, names))
            summary.append((text_row, group, accuracy.pooled([as_text[n] for n in names]), 0.0))
        pooled = accuracy.pooled([m[2] for m in members])
        seconds = sum(m[3] for m in members)
        summary.append((f"**{what}, {label}**", group, pooled, seconds))
        rows.append((f"**{what}, {label}**", group, pooled, seconds))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layout", help="only the layouts whose label contains this")
    parser.add_argument("--only", help="only the documents whose name contains this")
    parser.add_argument("--show", metavar="DOC", help="print the misses of matching documents")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    conftest = _conftest()
    if conftest.CHROMIUM is None:
        print("typeset: no chromium (apt-get install chromium): nothing to print", file=sys.stderr)
        return 0
    if not accuracy.DEV_REAL.is_dir():
        print(f"typeset: {accuracy.DEV_REAL} is absent: nothing to score", file=sys.stderr)
        return 0
    ev = accuracy.load_evaluator()
    docs = text_documents(args.only)
    as_text = {
        name: accuracy.score(ev, gold, accuracy.predict_library(path))
        for _g, name, path, gold in docs
    }
    results: dict[str, Any] = {}
    summary: list[tuple[str, str, dict[str, Any], float]] = []
    shown: list[str] = []
    seen: list[tuple[str, list[str]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        for label in LAYOUTS:
            if args.layout and args.layout not in label:
                continue
            rows: list[Row] = []
            for group, name, path, gold in docs:
                pdf = typeset(path, gold, label, conftest, profile)
                if pdf is None:
                    continue
                row, pred = score_file(pdf, name, group, gold, ev, label=label)
                rows.append(row)
                if args.show and args.show in name:
                    shown.append(f"## {label}: {name} ({pdf})\n{accuracy.show(ev, gold, pred)}")
            pool_rows(rows, label, as_text, seen, summary)
            results[label] = {name: row for name, _g, row, _s in rows}
            if not args.json:
                print(f"\n### {label}\n")
                print(accuracy.table(rows))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    print("\n### pooled: each layout against the same documents read as text\n")
    print(accuracy.table(summary))
    print(
        "\ncells: score (count that weighs it when pooled); s: seconds to read the PDF and"
        f" match; PDFs cached in {CACHE}"
    )
    for block in shown:
        print()
        print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
