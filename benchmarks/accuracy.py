"""Accuracy on real documents: every gold document of ``../shared/dev-real`` and the fixtures.

Each document is read as ``citenorm match`` reads it (``load`` -> ``extract`` ->
``match`` -> the contract's JSON) and scored by the evaluator
(``../shared/tools/evaluate.py``; the project's vendored copy ``tests/tools/evaluate.py``
is identical and is used when ``../shared`` is absent). The 15 ``.txt`` documents of
dev-real and the 2 ``.pdf`` files read directly are scored against the same gold; the
fixtures (``fixtures/seed``, ``fixtures/dev``) are scored as well, so that a change that
helps real articles and breaks the fixtures shows.

Each group's row pools its documents by counts, as the scorer's ``n_*`` keys weigh them
(``footnotes_f1`` by ``n_footnotes``, ``entries_arabic_f1`` by ``n_entries_arabic``, ...):
a long list weighs more than a short one.

Run from the project root::

    .venv/bin/python benchmarks/accuracy.py [--only SUBSTRING] [--no-pdf] [--cli]
        [--show DOC] [--json] [--variants] [--variant LABEL] [--form LABEL]

``--cli`` runs the installed ``citenorm match FILE --format json`` in a subprocess
instead of the library (slower; the exact command users run). ``--show DOC`` prints,
for the documents whose name contains DOC, the gold items that found no prediction and
the predictions that found no gold item (entries and footnotes), and wrong footnote
kinds: what to read when a row is below target. ``--variants`` scores the dev-real
``.txt`` documents once more in forms other tools and presses would give them
(:data:`VARIANTS`: no blank lines, paragraph lines wrapped at 80 (or 60) characters with
no hanging indent, no form feeds, trailing spaces stripped; CRLF line ends, a BOM,
UTF-16; Arabic-Indic or Western digits, Arabic or Latin commas, a space before
punctuation; list numbers in other styles, none, or on every entry; ``[1]`` for ``(1)``;
bidi marks, tatweel, NBSP, vowel marks), each written to a file and read as ``citenorm
match FILE`` reads it, pooled per variant: how much the rules lean on the exact shape of
the development texts (``--variant LABEL``: only the variants whose label holds LABEL).
Left out because they cannot keep the gold: Windows-1256 (characters of the texts that
it cannot encode would change), superscript note markers in the body (which bracketed
numbers are markers and which are series or issue numbers only a per-line gold says).
``--form LABEL`` scores every text document (dev-real
and the fixtures) in one of those forms instead of as printed, in the rows above: with
``--show``, the misses of that form. Exit status 1 when a pooled dev-real row misses a target
of issue 14.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_REAL = SHARED / "dev-real"
EVALUATORS = (SHARED / "tools" / "evaluate.py", ROOT / "tests" / "tools" / "evaluate.py")
FIXTURE_DIRS = (
    ROOT / "fixtures" / "seed",
    ROOT / "fixtures" / "dev",
    ROOT / "fixtures" / "patterns",
)

# metric -> the count that weighs it when documents are pooled
METRICS: dict[str, str] = {
    "footnotes_f1": "n_footnotes",
    "footnote_kind_acc": "n_footnote_kind",
    "backref_acc": "n_backref",
    "entries_arabic_f1": "n_entries_arabic",
    "entries_latin_f1": "n_entries_latin",
    "fields_acc": "n_fields",
    "pairs_f1": "n_pairs",
    "citations_f1": "n_citations",
    "in_text_f1": "n_in_text",
}
COLUMNS = [
    ("footnotes_f1", "fn F1"),
    ("footnote_kind_acc", "kinds"),
    ("backref_acc", "backref"),
    ("entries_arabic_f1", "ent ar"),
    ("entries_latin_f1", "ent lat"),
    ("fields_acc", "fields"),
    ("pairs_f1", "pairs"),
    ("citations_f1", "cit F1"),
    ("in_text_f1", "in-text"),
]
# issue 14's targets on dev-real (the .txt rows and the .pdf rows alike)
TARGETS = {
    "entries_arabic_f1": 0.99,
    "entries_latin_f1": 0.99,
    "footnotes_f1": 0.97,
    "footnote_kind_acc": 0.95,
    "citations_f1": 0.90,
}


def _wrap(text: str, width: int = 80) -> str:
    """Paragraph lines (longer than ``width`` + 20 characters) wrapped at ``width`` with no
    hanging indent, as a PDF of the same text would print them; lines already wrapped are
    left alone."""
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_on_hyphens=False))
        if len(line) > width + 20
        else line
        for line in text.split("\n")
    )


#: a variant: the text as printed and its gold -> the file another tool would give
#: (a str is written as UTF-8; bytes as they are)
Variant = Callable[[str, dict[str, Any]], str | bytes]

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_WESTERN_TO_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_ARABIC_TO_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# a web address, an e-mail or a DOI: printed in Western digits by every press
_ADDRESS = re.compile(r"://|www\.|@|\bdoi\b|\.(?:com|org|net)\b", re.IGNORECASE)
# a list line's number as printed: (1) [1] 1. 1- 1) and the same in Arabic-Indic digits,
# a space after it (not "5.1955" or "250-1." of a visual-order PDF line: a year, a range)
_LIST_NUMBER = re.compile(
    r"^([ \t]*)(?:\(([0-9٠-٩]{1,3})\)|\[([0-9٠-٩]{1,3})\]|([0-9٠-٩]{1,3})[.)\-])[ \t]+"
)
# letters that join the next one (a tatweel or a vowel mark may follow them in a word)
_JOINING = re.compile("([بتثجحخسشصضطظعغفقكلمنهيئ])(?=[\u0621-\u064a])")


def _arabic_line(line: str) -> bool:
    """An Arabic-script line: more Arabic letters than Latin ones."""
    return len(_ARABIC_LETTER.findall(line)) > len(_LATIN_LETTER.findall(line))


def _arabic_lines(change: Callable[[str], str]) -> Callable[[str], str]:
    """``change`` applied to the Arabic-script lines only."""
    return lambda t: "\n".join(change(ln) if _arabic_line(ln) else ln for ln in t.split("\n"))


def _arabic_digits(line: str) -> str:
    """Western digits printed Arabic-Indic (as Arabic presses and Word's "Arabic" digit
    setting give them), except in words with Latin letters and in web addresses."""
    return re.sub(
        r"\S+",
        lambda m: (
            m[0]
            if _LATIN_LETTER.search(m[0]) or _ADDRESS.search(m[0])
            else m[0].translate(_WESTERN_TO_ARABIC)
        ),
        line,
    )


def _marks(line: str) -> str:
    """Bidi marks as Word and PDF exports leave them in a right-to-left line: RLM after
    Arabic punctuation and before digits, LRM around Latin runs, ALM before parentheses."""
    line = re.sub("(?<=[\u0621-\u064a])([،؛:.])", "\\1\u200f", line)
    line = re.sub(r"(?<= )(?=[0-9٠-٩])", "\u200f", line)
    line = re.sub(r"([A-Za-z][A-Za-z .'-]*[A-Za-z])", "\u200e\\1\u200e", line)
    return re.sub(r"(?<= )(?=[(\[])", "\u061c", line)


def _every_third_word(change: Callable[[str], str]) -> Callable[[str], str]:
    """``change`` applied to every third Arabic word of four letters or more."""

    def apply(line: str) -> str:
        count = 0

        def one(m: re.Match[str]) -> str:
            nonlocal count
            count += 1
            return change(m[0]) if count % 3 == 0 else m[0]

        return re.sub("[\u0621-\u064a]{4,}", one, line)

    return apply


def _starts(text: str, gold: dict[str, Any], key: str) -> set[int]:
    """Lines that begin a gold item of ``key`` (``entries``, ``footnotes``): the item's
    first words (normalized as the evaluator does) after the line's number."""
    ev = load_evaluator()
    heads = {
        ev.norm(item.get(field) or "")[:25]
        for item in gold.get(key, [])
        for field in ("text", "logical")
        if item.get(field)
    }
    heads.discard("")
    out = set()
    for i, line in enumerate(text.split("\n")):
        m = _LIST_NUMBER.match(line)
        head = ev.norm(line[m.end() :] if m else line)[:25]
        if head and head in heads:
            out.add(i)
    return out


def _renumber(style: Callable[[int, str], str]) -> Variant:
    """Every numbered line (``(1)``, ``[1]``, ``1.``, ``1-``...) but the notes' numbered in
    another ``style`` (given the number and the line; an empty style: no numbers, the
    entries told apart by their lines only). A note keeps its number (what ties it to
    its marker); an entry's number is not part of its gold text."""

    def apply(text: str, gold: dict[str, Any]) -> str:
        notes = _starts(text, gold, "footnotes")
        out = []
        for i, line in enumerate(text.split("\n")):
            m = _LIST_NUMBER.match(line)
            if m and i not in notes:
                digits = next(g for g in m.groups()[1:] if g)
                number = int(digits.translate(_ARABIC_TO_WESTERN))
                line = m[1] + style(number, line) + line[m.end() :]
            out.append(line)
        return "\n".join(out)

    return apply


def _numbered(text: str, gold: dict[str, Any]) -> str:
    """The entries of unnumbered lists numbered ``1.``, ``2.``... (a number to each line
    that begins a gold entry and has none; notes untouched)."""
    entries = _starts(text, gold, "entries") - _starts(text, gold, "footnotes")
    out, count = [], 0
    for i, line in enumerate(text.split("\n")):
        if i in entries and not _LIST_NUMBER.match(line):
            count += 1
            line = f"{count}. {line}"
        out.append(line)
    return "\n".join(out)


def _bilingual(brackets: bool) -> Variant:
    """The romanized list printed entry by entry under its Arabic list, as some journals
    print it: each gold pair's Latin entry (its gold text) moved under its Arabic entry
    (``brackets``: at the end of the Arabic entry's last line, in square brackets), its
    lines taken out of the romanized list. An entry runs from the line it begins on to
    the next line beginning an entry or a note, or a blank line. The gold holds: the
    evaluator aligns entries by their texts and pairs by their ids."""

    def apply(text: str, gold: dict[str, Any]) -> str:
        ev = load_evaluator()
        lines = text.split("\n")
        heads: dict[str, str | None] = {}
        for e in gold.get("entries", []):
            head = ev.norm(e.get("text") or "")[:25]
            if head:
                heads[head] = None if head in heads else e["id"]  # (twice: not placed)
        start_of: dict[str, int] = {}
        for i, line in enumerate(lines):
            m = _LIST_NUMBER.match(line)
            ident = heads.get(ev.norm(line[m.end() :] if m else line)[:25])
            if ident:
                start_of[ident] = i  # (the last line: a note may print the entry first)
        bounds = sorted(
            {*start_of.values(), *_starts(text, gold, "footnotes"), len(lines)}
            | {i for i, line in enumerate(lines) if not line.strip()}
        )

        def last_line(i: int) -> int:
            return next(b for b in bounds if b > i) - 1

        texts = {e["id"]: e.get("text") or "" for e in gold.get("entries", [])}
        moves = [
            (start_of[p["arabic"]], start_of[p["latin"]], texts[p["latin"]])
            for p in gold.get("pairs", [])
            if p["arabic"] in start_of and p["latin"] in start_of
        ]
        if len(moves) < 2:
            return text
        dropped: set[int] = set()
        after: dict[int, list[str]] = {}
        for a, lat, latin in moves:
            dropped.update(range(lat, last_line(lat) + 1))
            after.setdefault(last_line(a), []).append(latin)
        out: list[str] = []
        for i, line in enumerate(lines):
            if i in dropped:
                continue
            added = after.get(i, [])
            if brackets and added:
                out.append(line.rstrip() + "".join(f" [{t}]" for t in added))
            else:
                out.extend([line, *added])
        return "\n".join(out)

    return apply


def _plain(change: Callable[[str], str | bytes]) -> Variant:
    return lambda text, _gold: change(text)


#: the dev-real texts as other tools would give them. Every variant keeps the gold: it
#: changes only what the evaluator normalizes away (digits are folded; vowel marks,
#: tatweel, bidi marks and punctuation are dropped from texts and names; NBSP is a
#: space under NFKC) or what the gold does not hold (an entry's number, a line end).
VARIANTS: dict[str, Variant] = {
    "no blank lines": _plain(lambda t: re.sub(r"\n[ \t]*\n", "\n", t)),
    "wrapped at 80": _plain(_wrap),
    "wrapped at 60": _plain(lambda t: _wrap(t, 60)),
    "no form feeds": _plain(lambda t: t.replace("\f", "")),
    "no trailing spaces": _plain(lambda t: "\n".join(ln.rstrip() for ln in t.split("\n"))),
    # Word and Windows exports
    "CRLF line ends": _plain(lambda t: t.replace("\n", "\r\n")),
    "UTF-8 with BOM": _plain(lambda t: "\ufeff" + t),
    "UTF-16 with BOM, CRLF": _plain(lambda t: t.replace("\n", "\r\n").encode("utf-16")),
    # digits and punctuation of other presses
    "Arabic-Indic digits": _plain(_arabic_lines(_arabic_digits)),
    "Western digits": _plain(lambda t: t.translate(_ARABIC_TO_WESTERN)),
    "Arabic comma, semicolon": _plain(
        _arabic_lines(lambda ln: re.sub("(?<=[\u0621-\u064a]),", "،", ln).replace(";", "؛"))
    ),
    "Latin comma, semicolon": _plain(lambda t: t.replace("،", ",").replace("؛", ";")),
    "space before punctuation": _plain(
        _arabic_lines(lambda ln: re.sub("(?<=[\u0621-\u064a])([،؛:])", " \\1", ln))
    ),
    # list numbers in other styles
    "numbers 1.": _renumber(lambda n, _ln: f"{n}. "),
    "numbers 1-": _renumber(lambda n, _ln: f"{n}- "),
    "numbers (1)": _renumber(lambda n, _ln: f"({n}) "),
    "numbers [1]": _renumber(lambda n, _ln: f"[{n}] "),
    "numbers ١-": _renumber(
        lambda n, ln: f"{n}- ".translate(_WESTERN_TO_ARABIC) if _arabic_line(ln) else f"{n}- "
    ),
    "no list numbers": _renumber(lambda _n, _ln: ""),
    "every entry numbered": _numbered,
    "markers [1] for (1)": _plain(lambda t: re.sub(r"\(([0-9٠-٩]{1,3})\)", "[\\1]", t)),
    # what Word and PDF exports sprinkle in
    "bidi marks": _plain(_arabic_lines(_marks)),
    "tatweel": _plain(
        _arabic_lines(_every_third_word(lambda w: _JOINING.sub("\\1\u0640", w, count=1)))
    ),
    "NBSP after short words": _plain(lambda t: re.sub(r"(?<!\w)(\w{1,3}) (?=\S)", "\\1\u00a0", t)),
    "vowel marks": _plain(_arabic_lines(_every_third_word(lambda w: _JOINING.sub("\\1\u064e", w)))),
    # the romanized list printed entry by entry under the Arabic one
    "romanized under each entry": _bilingual(brackets=False),
    "romanized in brackets after each entry": _bilingual(brackets=True),
}


def predict_variant(path: Path, gold: Path, label: str) -> dict[str, Any]:
    """``citenorm match`` on the file ``VARIANTS[label]`` makes of the text at ``path``."""
    made = VARIANTS[label](
        path.read_text(encoding="utf-8"), json.loads(gold.read_text(encoding="utf-8"))
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / path.name
        out.write_bytes(made if isinstance(made, bytes) else made.encode("utf-8"))
        return predict_library(out)


def load_evaluator() -> ModuleType:
    """The scorer as a module (shared copy first, else the vendored one)."""
    for path in EVALUATORS:
        if path.exists():
            spec = importlib.util.spec_from_file_location("citenorm_evaluate", path)
            assert spec is not None
            assert spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise SystemExit("no evaluator found (../shared/tools/evaluate.py, tests/tools/evaluate.py)")


def documents(*, pdf: bool) -> list[tuple[str, str, Path, Path]]:
    """(group, name, input, gold) for every gold document found."""
    out: list[tuple[str, str, Path, Path]] = []
    if DEV_REAL.is_dir():
        for gold in sorted(DEV_REAL.glob("*.gold.json")):
            stem = gold.name[: -len(".gold.json")]
            txt = DEV_REAL / f"{stem}.txt"
            if txt.exists():
                out.append(("txt", stem, txt, gold))
            if pdf and (DEV_REAL / f"{stem}.pdf").exists():
                out.append(("pdf", f"{stem}.pdf", DEV_REAL / f"{stem}.pdf", gold))
    for folder in FIXTURE_DIRS:
        for gold in sorted(folder.glob("*.gold.json")):
            stem = gold.name[: -len(".gold.json")]
            text = next(
                (
                    folder / f"{stem}{ext}"
                    for ext in (".txt", ".md")
                    if (folder / f"{stem}{ext}").exists()
                ),
                None,
            )
            if text is not None:
                out.append(("fixtures", stem, text, gold))
    return out


def predict_library(path: Path) -> dict[str, Any]:
    """``citenorm match PATH --format json``, in-process."""
    import citenorm
    from citenorm.output.json import match_json
    from citenorm.pipeline import load_document

    return match_json(citenorm.match(load_document(path)))


def predict_cli(path: Path) -> dict[str, Any]:
    """``citenorm match PATH --format json`` in a subprocess."""
    exe = Path(sys.executable).parent / "citenorm"
    proc = subprocess.run(
        [str(exe), "match", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _of_script(doc: dict[str, Any], script: str) -> list[dict[str, Any]]:
    return [e for e in doc.get("entries", []) if e.get("script") == script]


def entry_map(ev: ModuleType, gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, str]:
    """Gold entry id -> predicted entry id, aligned script by script as the evaluator does."""
    emap: dict[str, str] = {}
    for script in ("arabic", "latin"):
        emap.update(ev.align(_of_script(gold, script), _of_script(pred, script)))
    return emap


def in_text_scores(ev: ModuleType, gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, float]:
    """In-text citations -> entries, pooled like the evaluator's footnote citations: the
    gold's own ``in_text`` key (fixtures/patterns: each citation as printed, its line and
    the entries it cites), aligned to the predicted ones by line and text."""
    emap = entry_map(ev, gold, pred)
    einv = {v: k for k, v in emap.items()}
    items = [{"id": f"g{k}", **g} for k, g in enumerate(gold["in_text"])]
    tmap = ev.align(items, pred.get("in_text", []))
    tinv = {v: k for k, v in tmap.items()}
    gc = {(g["id"], c) for g in items for c in g.get("cites", [])}
    pred_cit = [c for c in pred.get("citations", []) if c.get("in_text") is not None]
    pc = {(tinv.get(c["in_text"]), einv.get(c["entry"])) for c in pred_cit}
    p, r, f = ev.prf(len(gc & pc), len(pred_cit), len(gc))
    return {
        "in_text_p": p,
        "in_text_r": r,
        "in_text_f1": f,
        "n_in_text": max(len(gc), len(pred_cit)),
    }


def score(ev: ModuleType, gold: Path, pred: dict[str, Any]) -> dict[str, float]:
    """The evaluator's metrics (its ``--json`` output) for one prediction; for a gold
    with an ``in_text`` key, the in-text citations' scores too."""
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.json"
        pred_path.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
        argv = sys.argv
        out = io.StringIO()
        sys.argv = ["evaluate.py", str(gold), str(pred_path), "--json"]
        try:
            with contextlib.redirect_stdout(out):
                ev.main()
        finally:
            sys.argv = argv
    result: dict[str, float] = json.loads(out.getvalue())
    gold_doc = json.loads(gold.read_text(encoding="utf-8"))
    if "in_text" in gold_doc:
        result.update(in_text_scores(ev, gold_doc, pred))
    else:
        result.update({"in_text_f1": 0.0, "n_in_text": 0})
    return result


def pooled(rows: list[dict[str, float]]) -> dict[str, float]:
    """Metrics of several documents pooled by their ``n_*`` counts (None: no items)."""
    out: dict[str, Any] = {}
    for metric, count in METRICS.items():
        weight = sum(r[count] for r in rows)
        out[metric] = sum(r[metric] * r[count] for r in rows) / weight if weight else None
        out[count] = weight
    return out


def _cell(row: dict[str, Any], metric: str) -> str:
    value = row.get(metric)
    n = row.get(METRICS[metric], 0)
    if value is None or not n:
        return "—"
    return f"{value:.3f} ({n})"


def table(rows: list[tuple[str, str, dict[str, Any], float]]) -> str:
    """A Markdown table: one row per document, then the pooled rows (bold)."""
    head = "| document | " + " | ".join(label for _, label in COLUMNS) + " | s |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + 2)]
    for name, _group, row, seconds in rows:
        cells = " | ".join(_cell(row, m) for m, _ in COLUMNS)
        lines.append(f"| {name} | {cells} | {seconds:.1f} |")
    return "\n".join(lines)


def show(ev: ModuleType, gold_path: Path, pred: dict[str, Any]) -> str:
    """The misses of one document: unmatched gold and predicted entries and footnotes."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    out: list[str] = []

    def brief(item: dict[str, Any]) -> str:
        text = " ".join(str(item.get("text", "")).split())
        return f"{item.get('id')} l{item.get('line')} {text[:150]}"

    def report(label: str, gs: list[dict[str, Any]], ps: list[dict[str, Any]]) -> dict[str, str]:
        m: dict[str, str] = ev.align(gs, ps)
        used = set(m.values())
        missing = [g for g in gs if g["id"] not in m]
        extra = [p for p in ps if p["id"] not in used]
        out.append(f"  {label}: gold {len(gs)}, predicted {len(ps)}, aligned {len(m)}")
        out.extend(f"    - missed    {brief(g)}" for g in missing)
        out.extend(f"    + spurious  {brief(p)}" for p in extra)
        return m

    emap: dict[str, str] = {}
    for script in ("arabic", "latin"):
        gs, ps = _of_script(gold, script), _of_script(pred, script)
        emap.update(report(f"entries {script}", gs, ps))
    gf, pf = gold.get("footnotes", []), pred.get("footnotes", [])
    fmap = report("footnotes", gf, pf)
    by_id = {p["id"]: p for p in pf}
    for g in gf:
        p = by_id.get(fmap.get(g["id"], ""))
        if p is None:
            continue
        ref_ok = True
        if g.get("refers_to"):
            ref_ok = p.get("refers_to") == fmap.get(g["refers_to"])
        if p.get("kind") != g["kind"] or not ref_ok:
            out.append(
                f"    ~ kind      {g['id']} gold {g['kind']}->{g.get('refers_to')} "
                f"pred {p.get('kind')}->{p.get('refers_to')}: {brief(g)}"
            )
    # citations: gold (footnote, entry) pairs against predicted ones (entries as aligned above)
    einv = {v: k for k, v in emap.items()}
    finv = {v: k for k, v in fmap.items()}
    gc = {(f["id"], c) for f in gf for c in f.get("cites", [])}
    pc = {
        (finv.get(c.get("footnote")), einv.get(c.get("entry")))
        for c in pred.get("citations", [])
        if c.get("footnote") is not None
    }
    for f_id, e_id in sorted(gc - pc, key=str):
        out.append(f"    - citation  {f_id} -> {e_id}")
    for f_id, e_id in sorted(pc - gc, key=str):
        out.append(f"    + citation  {f_id} -> {e_id}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="score only documents whose name contains this")
    parser.add_argument("--no-pdf", action="store_true", help="skip the .pdf documents")
    parser.add_argument("--cli", action="store_true", help="run the citenorm command")
    parser.add_argument("--show", metavar="DOC", help="print the misses of matching documents")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--variants", action="store_true", help="also score dev-real texts in other forms"
    )
    parser.add_argument(
        "--variant",
        metavar="LABEL",
        help="with --variants: only the variants whose label contains this",
    )
    parser.add_argument(
        "--form",
        choices=sorted(VARIANTS),
        help="score every text document (dev-real and fixtures) in this form instead"
        " (with --show: the misses of that form)",
    )
    args = parser.parse_args(argv)
    ev = load_evaluator()
    predict: Callable[[Path], dict[str, Any]] = predict_cli if args.cli else predict_library
    if not DEV_REAL.is_dir():
        print(f"note: {DEV_REAL} is absent: fixtures only", file=sys.stderr)
    rows: list[tuple[str, str, dict[str, Any], float]] = []
    shown: list[str] = []
    for group, name, path, gold in documents(pdf=not args.no_pdf):
        if args.only and args.only not in name:
            continue
        start = time.perf_counter()
        try:
            if args.form and group != "pdf":
                pred = predict_variant(path, gold, args.form)
            else:
                pred = predict(path)
        except Exception as exc:  # a document that breaks is a row of zeros, not a crash
            print(f"error: {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            pred = {"footnotes": [], "entries": [], "pairs": [], "citations": []}
        seconds = time.perf_counter() - start
        rows.append((name, group, score(ev, gold, pred), seconds))
        if args.show and args.show in name:
            shown.append(f"## {name}\n{show(ev, gold, pred)}")
    groups = {
        "**dev-real .txt**": "txt",
        "**dev-real .pdf**": "pdf",
        "**fixtures**": "fixtures",
    }
    pooled_rows: list[tuple[str, str, dict[str, Any], float]] = []
    for label, group in groups.items():
        members = [r for r in rows if r[1] == group]
        if members:
            pooled_rows.append(
                (label, group, pooled([m[2] for m in members]), sum(m[3] for m in members))
            )
    if args.json:
        print(
            json.dumps(
                {name: row for name, _g, row, _s in (*rows, *pooled_rows)},
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        print(table(rows + pooled_rows))
        print(
            "\ncells: score (count that weighs it when pooled); pooled rows weigh each"
            " document by the scorer's n_* counts; s: seconds (extract + match)"
        )
        for block in shown:
            print()
            print(block)
    if args.variants and not args.json:
        print("\nthe dev-real .txt documents in other forms (pooled like the rows above):\n")
        variant_rows: list[tuple[str, str, dict[str, Any], float]] = []
        for label in VARIANTS:
            if args.variant and args.variant not in label:
                continue
            scored = []
            start = time.perf_counter()
            for group, name, path, gold in documents(pdf=False):
                if group != "txt" or (args.only and args.only not in name):
                    continue
                scored.append(score(ev, gold, predict_variant(path, gold, label)))
            if scored:
                variant_rows.append((label, "variant", pooled(scored), time.perf_counter() - start))
        print(table(variant_rows))
    failing = []
    for label, group, row, _s in pooled_rows:
        if group not in ("txt", "pdf"):
            continue
        for metric, target in TARGETS.items():
            value = row.get(metric)
            if value is not None and value < target:
                failing.append(f"{label.strip('*')} {metric} {value:.3f} < {target}")
    if failing and not args.json:
        print("\nbelow the issue-14 targets: " + "; ".join(failing))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
