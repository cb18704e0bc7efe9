"""Author-date citations on real lists: a body citing each document's own gold entries.

dev-real has no author-date article, and the one fixture (``fixtures/patterns/
author-date.txt``) holds twelve citations. This benchmark writes, for every gold document
of ``../shared/dev-real`` and of the fixtures whose gold entries give an author and a year,
an article body of neutral invented prose that cites a seeded sample of those entries in
the forms real Arabic articles print (:data:`FORMS`), puts it before the document's text
(its lists as they are), reads the result as ``citenorm match`` does and scores:

- detection: each gold citation (its line and the span of its printed text) against the
  ``in_text`` records (the same line, overlapping spans, one-to-one): P/R/F1;
- linking: of the detected citations of a listed work, those linked to the gold entry
  (through the evaluator's alignment of gold entries to citenorm's, as
  ``accuracy.py`` aligns them) and to nothing else but its pair partner;
- "missing": citations of invented authors absent from the lists must come out
  unlinked (the audit reports them) and never linked to a neighbour.

The family name cited is the first author as the list prints it (the part before the
comma of an inverted name, the whole name of an uninverted one), never a table.

Run from the project root::

    .venv/bin/python benchmarks/intext.py [--form FORM] [--only SUBSTRING] [--show DOC]
        [--per N] [--seed N] [--json]

``--form FORM`` writes only citations of that form; ``--only`` keeps the documents whose
name holds SUBSTRING; ``--show DOC`` prints the misses (undetected citations, wrong or
missing links) of the documents whose name holds DOC; ``--per N`` citations of each form
per document (default 6). Skips (exit 0) when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # (the documents, the evaluator, the prediction: one copy of them)

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TO_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_ARABIC = re.compile("[\u0621-\u064a]")
# a Hijri year as an entry prints it: "1368ه", "1416 هـ", "1405 هجرى"
_HIJRI = re.compile(r"(?<![0-9])([0-9]{3,4})\s*(?:هـ|ه(?![\u0621-\u064a])|هجر|A\.\s?H\.)")
# a list number and a title before the first author: "(12) ", "3. ", "د. ", "Dr. "
_LEAD = re.compile(r"^\s*(?:[\(\[]?[0-9]{1,4}[\)\].\-]\s*)?(?:(?:د|أ\.\s?د|Dr|Prof)\s*[./]\s*)?")

#: the forms written, each measured apart and pooled
FORMS = (
    "paren",  # (Family، 2015) / (Family, 2015)
    "page-sad",  # (Family، 2015، ص 12) / (Family, 2015, p. 12)
    "page-colon",  # (Family، 2015: 12)
    "page-range",  # (Family، 2015، ص ص 4-6) / (Family, 2015, pp. 4-6)
    "narrative",  # Family (2015)
    "narrative-lead",  # ويرى Family (2015) / وبحسب Family (2015)
    "two-paren",  # (A و B، 2015) / (A & B, 2015)
    "two-narrative",  # A و B (2015) / A and B (2015)
    "et-al",  # (A وآخرون، 2015) / (A et al., 2015), A et al. (2015)
    "several",  # (A، 2015؛ B، 2016) / (A, 2015; B, 2016)
    "years",  # one author's two works: (A، 2015، 2016) / (A, 2015, 2016)
    "clitic",  # the preposition glued to a narrative author: ووفقا للعتيبي (2015)
    "suffix",  # (Family، 2015أ) / (Family, 2015a)
    "digits-arabic",  # (Family، ٢٠١٥، ص ١٢)
    "digits-persian",  # (Family، ۲۰۱۵)
    "nd",  # (Family، د.ت) / (Family, n.d.)
    "hijri",  # (Family، 1368هـ)
    "spelling",  # the name with its hamza and ta marbuta folded, as bodies often print it
    "missing",  # an invented author absent from the lists: must stay unlinked
)

# neutral invented prose (Arabic), "{c}" a parenthetical citation, "{n}" a narrative one
_PAREN_SENTENCES = (
    "وقد تناولت دراسات سابقة هذه المسألة من زوايا متعددة {c}.",
    "ويتصل ذلك بطبيعة المصادر المتاحة للباحثين في هذا المجال {c}.",
    "وهي نتيجة تؤيدها قراءات أخرى للموضوع نفسه {c}، مع اختلاف في التفاصيل.",
    "ولا يخلو هذا الرأي من اعتراضات وجيهة {c}.",
    "ويظهر ذلك بوضوح عند مقارنة النصوص المختلفة {c}.",
)
_NARRATIVE_SENTENCES = (
    "{n} أن هذه المسألة تحتاج إلى مزيد من البحث.",
    "وقد عرض {n} جوانب مهمة من هذا الموضوع.",
    "كما ناقش {n} الأسس التي يقوم عليها هذا الرأي.",
)
# the words before a narrative citation (a verb, a preposition): the "narrative-lead" form
_LEADS = ("ويرى", "وبحسب", "ويذكر", "ووفقا لما ذكره", "ويشير", "وقد بين")
# invented family names for the "missing" form (kept only when the document holds none)
_ABSENT = (
    ("القحطاني", "ar"),
    ("الزهراني", "ar"),
    ("المطيري", "ar"),
    ("الدوسري", "ar"),
    ("بوزيان", "ar"),
    ("Whitcombe", "lat"),
    ("Okonkwo", "lat"),
    ("Lindqvist", "lat"),
)


def _fold(s: str) -> str:
    s = s.translate(str.maketrans("أإآٱىةؤئ", "اااايهوي"))
    return re.sub(r"[\u064b-\u065f\u0670\u0640]", "", s).lower()


def _printed_family(entry: dict[str, Any], author: str) -> tuple[str, str] | None:
    """(family name as the list prints it, name kind) of ``author`` in ``entry``, or
    ``None`` when the list does not print it recognisably."""
    name = re.sub(r"\s*\([^)]*\)", "", author).strip()
    text = entry["text"]
    if name and name in text:
        # "Family, Given", "Family، Given" and "Family. Given" (a period for the comma)
        parts = re.split(r"\s*[،,]\s*|(?<=[a-z]{2})\.\s+(?=[A-Z])", name, maxsplit=1)
        if len(parts) == 2 and parts[0]:
            family, kind = parts[0], "inverted"
        else:
            if len(name.split()) > 4:
                return None
            family, kind = name, "uninverted"
    else:
        # the gold gives the name in another order: the list's first words before a comma
        head = re.split(r"\s*[،,:.(]", _LEAD.sub("", text), maxsplit=1)[0].strip()
        words = set(_fold(name).replace("،", " ").replace(",", " ").split())
        if not head or not set(_fold(head).split()) <= words:
            return None
        family, kind = head, "inverted"
    family = family.strip(" ،,.:")
    if not family or re.search(r"[0-9()\[\]«»\"“”*]", family):
        return None
    first = family.split()[0].lower().strip(".")
    if first in {"ابن", "بن", "أبو", "ابو", "أبي", "ابي", "آل", "بنت", "عبد"}:
        kind += "+compound"
    elif first in {"al", "el", "de", "van", "von", "ibn", "abu", "le", "la"} or re.match(
        r"(?i)^(?:al|el)-", family
    ):
        kind += "+particle"
    return family, kind


class Source:
    """One gold entry that can be cited: its family names, year, script."""

    def __init__(
        self,
        gold_id: str | None,
        script: str,
        families: list[str],
        kind: str,
        year: str | None,
        hijri: str | None,
        n_authors: int,
    ) -> None:
        self.gold_id = gold_id
        self.script = script
        self.families = families
        self.kind = kind
        self.year = year
        self.hijri = hijri
        self.n_authors = n_authors


def sources(gold: dict[str, Any]) -> list[Source]:
    """The gold entries with a printed first author (and a year, or none printed)."""
    out: list[Source] = []
    for e in gold.get("entries", []):
        if "text" not in e:
            continue
        fields = e.get("fields") or {}
        authors = fields.get("author")
        if not authors:
            continue
        authors = authors if isinstance(authors, list) else [authors]
        fams = []
        kind = ""
        for k, a in enumerate(authors[:2]):
            got = _printed_family(e, str(a))
            if got is None:
                break
            if k == 0:
                kind = got[1]
                fams.append(got[0])
            else:
                # a second author printed uninverted ("... وسلوى الخماش"): cited by the
                # last word of the name, as APA cites every author after the first
                fams.append(got[0] if got[1].startswith("inverted") else got[0].split()[-1])
        if not fams:
            continue
        text = e["text"].translate(_DIGITS)
        year = None
        if "issued" in fields:
            m = re.search(r"[0-9]{4}", str(fields["issued"]).translate(_DIGITS))
            year = m.group(0) if m and m.group(0) in text else None
            if year is None:
                continue
        elif re.search(r"[0-9]{3,4}", text):
            continue  # a year the annotator did not give: not cited without one
        # a Hijri year the entry prints as its date: the gold's year itself, or printed
        # beside it ("1368ه/1949م"), not a death date ("ت 1158ه")
        hijri = None
        for h in _HIJRI.finditer(text):
            near = text[h.end() : h.end() + 12]
            if h.group(1) == year or (year is not None and year in near):
                hijri = h.group(1)
        if e["script"] == "latin":
            kind = "latin-" + kind
        out.append(Source(e["id"], e["script"], fams, kind, year, hijri, len(authors)))
    # two works of one family name and year (or neither with a year) are told apart by a
    # letter the lists here do not print: such citations are ambiguous, and not written
    seen: dict[tuple[str, str | None], int] = {}
    for s in out:
        key = (_fold(s.families[0]), s.year)
        seen[key] = seen.get(key, 0) + 1
    return [s for s in out if seen[(_fold(s.families[0]), s.year)] == 1]


def _eligible(form: str, s: Source) -> bool:
    if form == "nd":
        return s.year is None
    if s.year is None:
        return False
    if form == "hijri":
        return s.hijri is not None
    if form in ("two-paren", "two-narrative"):
        return s.n_authors == 2 and len(s.families) == 2
    if form == "et-al":
        return s.n_authors >= 3
    if form == "spelling":
        return _fold(s.families[0]) != s.families[0].lower() and s.script == "arabic"
    if form in ("digits-arabic", "digits-persian", "clitic"):
        return s.script == "arabic"
    return True


class Cite:
    """A gold citation: where it is printed and what it cites."""

    def __init__(self, form: str, kind: str, gold_id: str | None, text: str) -> None:
        self.form = form
        self.kind = kind
        self.gold_id = gold_id
        self.text = text
        self.line = 0
        self.start = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "form": self.form,
            "kind": self.kind,
            "entry": self.gold_id,
            "line": self.line,
            "start": self.start,
            "text": self.text,
        }


def _item(form: str, s: Source, rng: random.Random) -> str:
    """A parenthetical item citing ``s`` (no brackets)."""
    ar = s.script == "arabic"
    comma = "، " if ar else ", "
    fam = s.families[0]
    if form == "spelling":
        fam = fam.translate(str.maketrans("أإآ", "ااا"))
        fam = re.sub("ة$", "ه", fam)
    if form in ("two-paren", "two-narrative"):
        author = f"{fam} و{s.families[1]}" if ar else f"{fam} & {s.families[1]}"
    elif form == "et-al":
        author = f"{fam} وآخرون" if ar else f"{fam} et al."
    else:
        author = fam
    if form == "nd":
        return f"{author}{comma}{'د.ت' if ar else 'n.d.'}"
    year = s.hijri + "هـ" if form == "hijri" and s.hijri else (s.year or "")
    if form == "suffix":
        year += rng.choice("أب") if ar else rng.choice("ab")
    page = str(rng.randint(3, 250))
    tail = ""
    if form == "page-sad":
        tail = f"{comma}ص {page}" if ar else f"{comma}p. {page}"
    elif form == "page-colon":
        tail = f": {page}"
    elif form == "page-range":
        end = str(int(page) + rng.randint(1, 9))
        tail = f"{comma}ص ص {page}-{end}" if ar else f"{comma}pp. {page}-{end}"
    out = f"{author}{comma}{year}{tail}"
    if form == "digits-arabic":
        out = out.translate(_TO_ARABIC)
    elif form == "digits-persian":
        out = out.translate(_TO_PERSIAN)
    return out


def _narrative(form: str, s: Source, rng: random.Random) -> str:
    ar = s.script == "arabic"
    fam = s.families[0]
    if form == "two-narrative":
        author = f"{fam} و{s.families[1]}" if ar else f"{fam} and {s.families[1]}"
    elif form == "et-al":
        author = f"{fam} وآخرون" if ar else f"{fam} et al."
    else:
        author = fam
    return f"{author} ({s.year})"


def _sentence(form: str, group: list[Source], rng: random.Random) -> tuple[str, list[Cite]]:
    """One sentence citing ``group`` in ``form``; the citations' offsets in it."""
    if form == "years":
        a, b = group
        comma = "، " if a.script == "arabic" else ", "
        first = f"{a.families[0]}{comma}{a.year}"
        sentence = rng.choice(_PAREN_SENTENCES).replace("{c}", f"({first}{comma}{b.year})")
        c1 = Cite(form, a.kind, a.gold_id, first)
        c1.start = sentence.index(first)
        c2 = Cite(form, b.kind, b.gold_id, b.year or "")
        c2.start = c1.start + len(first) + len(comma)
        return sentence, [c1, c2]
    if form == "clitic":
        s = group[0]
        fam = s.families[0]
        glued = "ل" + fam[1:] if fam.startswith("ال") else "ل" + fam
        piece = f"{glued} ({s.year})"
        sentence = f"ووفقا {piece} فإن هذه المسألة تحتاج إلى مزيد من البحث."
        c = Cite(form, s.kind, s.gold_id, piece)
        c.start = sentence.index(piece)
        return sentence, [c]
    narrative = form in ("narrative", "narrative-lead", "two-narrative") or (
        form == "et-al" and rng.random() < 0.5
    )
    cites: list[Cite] = []
    if narrative:
        s = group[0]
        piece = _narrative(form, s, rng)
        lead = rng.choice(_LEADS) + " " if form == "narrative-lead" else ""
        template = rng.choice(_NARRATIVE_SENTENCES)
        if lead:
            template = "{n} أن هذه المسألة تحتاج إلى مزيد من البحث."
        sentence = template.replace("{n}", lead + piece)
        c = Cite(form, s.kind, s.gold_id, piece)
        c.start = sentence.index(lead + piece) + len(lead)
        return sentence, [c]
    items = [(s, _item(form, s, rng)) for s in group]
    sep = "؛ " if group[0].script == "arabic" else "; "
    inner = sep.join(text for _, text in items)
    template = rng.choice(_PAREN_SENTENCES)
    sentence = template.replace("{c}", f"({inner})")
    at = sentence.index(f"({inner})") + 1
    for s, text in items:
        c = Cite(form, s.kind, s.gold_id, text)
        c.start = at
        cites.append(c)
        at += len(text) + len(sep)
    return sentence, cites


def build(
    text: str, gold: dict[str, Any], *, forms: Iterable[str], per: int, seed: int, name: str
) -> tuple[str, list[Cite], int]:
    """The article (body, then ``text``), its gold citations and the body's line count."""
    rng = random.Random(f"{seed}:{name}")
    pool = sources(gold)
    folded_text = _fold(text)
    sentences: list[tuple[str, list[Cite]]] = []
    for form in forms:
        if form == "missing":
            absent = [(f, sc) for f, sc in _ABSENT if _fold(f) not in folded_text]
            for fam, sc in rng.sample(absent, min(per, len(absent))):
                s = Source(
                    None,
                    "arabic" if sc == "ar" else "latin",
                    [fam],
                    "absent",
                    str(rng.randint(1985, 2020)),
                    None,
                    1,
                )
                sentences.append(_sentence("paren", [s], rng))
                for c in sentences[-1][1]:
                    c.form = "missing"
            continue
        fit = [s for s in pool if _eligible(form, s)]
        if not fit:
            continue
        if form == "years":
            by_family: dict[str, list[Source]] = {}
            for s in fit:
                by_family.setdefault(_fold(s.families[0]), []).append(s)
            pairs = [sorted(v, key=lambda s: s.year or "")[:2] for v in by_family.values()]
            pairs = [p for p in pairs if len(p) == 2 and p[0].year != p[1].year]
            for pair in rng.sample(pairs, min(per, len(pairs))):
                sentences.append(_sentence(form, pair, rng))
            continue
        chosen = rng.sample(fit, min(per * (2 if form == "several" else 1), len(fit)))
        if form == "several":
            by_script: dict[str, list[Source]] = {}
            for s in chosen:
                by_script.setdefault(s.script, []).append(s)
            for group in by_script.values():
                for k in range(0, len(group), 2):
                    sentences.append(_sentence(form, group[k : k + 2], rng))
        else:
            for s in chosen:
                sentences.append(_sentence(form, [s], rng))
    rng.shuffle(sentences)
    lines = ["مقدمة"]
    cites: list[Cite] = []
    for k in range(0, len(sentences), 3):
        line = ""
        for sentence, cs in sentences[k : k + 3]:
            if line:
                line += " "
            for c in cs:
                c.line = len(lines) + 1
                c.start += len(line)
                cites.append(c)
            line += sentence
        lines.append(line)
    lines.append("")
    return "\n".join(lines) + "\n" + text, cites, len(lines)


def _shifted(gold: dict[str, Any], by: int) -> dict[str, Any]:
    """The gold with its line numbers moved down ``by`` lines (the body above)."""
    out = dict(gold)
    for key in ("entries", "footnotes"):
        out[key] = [
            {**item, "line": item["line"] + by} if isinstance(item.get("line"), int) else item
            for item in gold.get(key, [])
        ]
    return out


def score_document(
    text: str, gold: dict[str, Any], cites: list[Cite], shift: int
) -> dict[str, Any]:
    """Match the article and score its in-text citations against ``cites``."""
    ev = accuracy.load_evaluator()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8")
        pred = accuracy.predict_library(path)
    gold = _shifted(gold, shift)
    emap = accuracy.entry_map(ev, gold, pred)
    partner: dict[str, str] = {}
    for p in pred.get("pairs", []):
        partner[p["arabic"]] = p["latin"]
        partner[p["latin"]] = p["arabic"]
    links: dict[str, set[str]] = {}
    for c in pred.get("citations", []):
        if c.get("in_text") is not None:
            links.setdefault(c["in_text"], set()).add(c["entry"])
    # the document's own text may cite too (an APA fixture's body): only the body written
    # here is scored
    preds = [p for p in pred.get("in_text", []) if p["line"] <= shift]
    by_line: dict[int, list[dict[str, Any]]] = {}
    for p in preds:
        by_line.setdefault(p["line"], []).append(p)
    used: set[str] = set()
    entries_by_id = {e["id"]: e for e in pred.get("entries", [])}
    gold_entries = {e["id"]: e for e in gold.get("entries", [])}
    rows = []
    for c in cites:
        g0, g1 = c.start, c.start + len(c.text)
        best = None
        for p in by_line.get(c.line, []):
            if p["id"] in used:
                continue
            p0 = p["column"] - 1
            p1 = p0 + len(p["text"])
            overlap = min(g1, p1) - max(g0, p0)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, p)
        row = c.as_dict()
        row["detected"] = best is not None
        row["predicted"] = best[1]["text"] if best else None
        linked = sorted(links.get(best[1]["id"], set())) if best else []
        if best:
            used.add(best[1]["id"])
        row["linked"] = [entries_by_id[e]["text"][:80] for e in linked if e in entries_by_id]
        want = emap.get(c.gold_id) if c.gold_id else None
        row["aligned"] = c.gold_id is None or want is not None
        row["want"] = gold_entries[c.gold_id]["text"][:80] if c.gold_id else None
        if c.gold_id is None:
            row["right"] = best is not None and not linked
        else:
            ok_set = {want, partner.get(want or "")} - {None}
            row["right"] = best is not None and want in linked and set(linked) <= ok_set
        rows.append(row)
    return {"rows": rows, "n_pred": len(preds), "n_tp": len(used)}


def summary(rows: list[dict[str, Any]], n_pred: int, n_tp: int) -> dict[str, Any]:
    """Detection P/R/F1, link accuracy (of the detected, aligned citations of listed
    works), end to end (detected and rightly linked / all), missing kept unlinked."""
    n = len(rows)
    det = sum(r["detected"] for r in rows)
    p = n_tp / n_pred if n_pred else 1.0
    r = det / n if n else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    listed = [x for x in rows if x["entry"] is not None and x["detected"] and x["aligned"]]
    missing = [x for x in rows if x["entry"] is None and x["detected"]]
    return {
        "n": n,
        "p": p,
        "r": r,
        "f1": f,
        "link": sum(x["right"] for x in listed) / len(listed) if listed else None,
        "n_link": len(listed),
        "e2e": sum(x["right"] for x in rows) / n if n else None,
        "unlinked_missing": sum(x["right"] for x in missing) / len(missing) if missing else None,
        "n_missing": len(missing),
    }


def _cell(v: Any) -> str:
    return "–" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def _table(title: str, rows: list[tuple[str, dict[str, Any]]], *, with_p: bool) -> str:
    head = ["| " + title + " | n | " + ("P | " if with_p else "") + "R | F1 | link | e2e |"]
    head.append("|---|---:|" + ("---:|" if with_p else "") + "---:|---:|---:|---:|")
    for name, s in rows:
        cells = [name, _cell(s["n"])]
        if with_p:
            cells.append(_cell(s["p"]))
        link = s["link"] if name != "missing" else s["unlinked_missing"]
        cells += [_cell(s["r"]), _cell(s["f1"]), _cell(link), _cell(s["e2e"])]
        head.append("| " + " | ".join(cells) + " |")
    return "\n".join(head)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--form", action="append", choices=FORMS, help="only this form (repeatable)")
    ap.add_argument("--only", help="documents whose name holds this")
    ap.add_argument("--show", metavar="DOC", help="print the misses of these documents")
    ap.add_argument("--per", type=int, default=6, help="citations of each form per document")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not accuracy.SHARED.is_dir():
        print(f"skipped: {accuracy.SHARED} is absent")
        return 0
    forms = tuple(args.form) if args.form else FORMS
    docs = [
        (group, name, path, gold)
        for group, name, path, gold in accuracy.documents(pdf=False)
        if (not args.only or args.only in name)
    ]
    per_doc: list[tuple[str, str, dict[str, Any]]] = []
    all_rows: list[dict[str, Any]] = []
    totals = {"txt": [0, 0], "fixtures": [0, 0]}
    shows: list[str] = []
    for group, name, path, gold_path in docs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        article, cites, shift = build(
            text, gold, forms=forms, per=args.per, seed=args.seed, name=name
        )
        if not cites:
            continue
        result = score_document(article, gold, cites, shift)
        rows = result["rows"]
        for row in rows:
            row["doc"] = name
            row["group"] = group
        all_rows.extend(rows)
        totals[group][0] += result["n_pred"]
        totals[group][1] += result["n_tp"]
        per_doc.append((group, name, summary(rows, result["n_pred"], result["n_tp"])))
        if args.show and args.show in name:
            lines = article.split("\n")
            for row in rows:
                if row["right"]:
                    continue
                what = "MISSED" if not row["detected"] else "LINK"
                shows.append(
                    f"{name}:{row['line']} [{row['form']}/{row['kind']}] {what} "
                    f"{row['text']!r} -> {row['predicted']!r} linked={row['linked']} "
                    f"want={row['want']!r}"
                    + ("" if row["detected"] else f"\n    line: {lines[row['line'] - 1][:200]}")
                )
    pooled = {
        g: summary([r for r in all_rows if r["group"] == g], *totals[g])
        for g in totals
        if any(r["group"] == g for r in all_rows)
    }
    all_pred = sum(v[0] for v in totals.values())
    all_tp = sum(v[1] for v in totals.values())
    pooled["all"] = summary(all_rows, all_pred, all_tp)

    def by(key: str) -> list[tuple[str, dict[str, Any]]]:
        names = sorted({r[key] for r in all_rows}, key=lambda k: (*FORMS, k).index(k))
        out = []
        for k in names:
            rows = [r for r in all_rows if r[key] == k]
            out.append((k, summary(rows, len(rows), sum(r["detected"] for r in rows))))
        return out

    if args.json:
        print(
            json.dumps(
                {
                    "documents": {name: s for _, name, s in per_doc},
                    "pooled": pooled,
                    "forms": dict(by("form")),
                    "kinds": dict(by("kind")),
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    doc_rows = [(f"{name} ({group})", s) for group, name, s in per_doc]
    doc_rows += [(f"**pooled {g}**", s) for g, s in pooled.items()]
    print(_table("document", doc_rows, with_p=True))
    print()
    print(_table("form", by("form"), with_p=False))
    print()
    print(_table("name as printed", by("kind"), with_p=False))
    print(
        "\nR: citations found (same line, overlapping span); link: of those found citing a"
        " listed work, linked to it alone (for `missing`: left unlinked); e2e: found and"
        " rightly linked / all"
    )
    if shows:
        print("\n" + "\n".join(shows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
