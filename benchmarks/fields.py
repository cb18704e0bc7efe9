"""Per-field accuracy of the reference parser, scored by the project's evaluator.

Sets:

* ``dev-real``: the 15 real documents of ``../shared/dev-real`` (their ``.txt``);
* ``fixtures``: the six dev fixtures and the seed (bundled in ``fixtures/``);
* ``gold.xml``: AnyStyle's evaluation set (``../shared/data/anystyle/gold.xml``, 1,669
  references, never trained on), read as one numbered list under a ``References``
  heading; ``journal`` counts as ``container-title``, ``location`` as
  ``publisher-place``, ``date`` as the year; its authors are not scored (AnyStyle
  gives one string for all of them).

Modes:

* ``end-to-end``: ``citenorm.match`` on the whole text, then the evaluator (so list and
  entry segmentation errors count too);
* ``parser``: every gold entry's own text through ``citenorm.parse_reference``, the
  evaluator's field comparisons on the result (segmentation cannot hide parser
  quality).

Accuracy is the evaluator's field comparisons pooled over all field values of a set.
Third-party data stay in ``../shared``; a missing set is skipped.

Run from the project root::

    .venv/bin/python benchmarks/fields.py [--mode both|end-to-end|parser] [--set NAME]
        [--shared ../shared] [--errors FIELD] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "tools"))

import evaluate as EV  # noqa: E402 - the vendored evaluator (tests/tools), on the path above

import citenorm  # noqa: E402
from citenorm.extraction.reference import parse_reference  # noqa: E402
from citenorm.output.json import match_json  # noqa: E402

FIELDS = (
    "title",
    "author",
    "container-title",
    "issued",
    "publisher",
    "publisher-place",
    "volume",
    "issue",
    "page",
    "URL",
)


def _ok(key: str, gv: Any, pv: Any) -> bool:
    """The evaluator's comparison of one field value (tests/tools/evaluate.py)."""
    if key == "issued":
        return bool(EV.year_of(gv) == EV.year_of(pv))
    if key == "title":
        return pv is not None and EV.fuzz.ratio(EV.fold(str(gv)), EV.fold(str(pv))) >= 90
    if key == "author":
        return bool(EV.authors_match(gv, pv))
    if key in ("container-title", "publisher", "publisher-place"):
        return (
            pv is not None
            and EV.fuzz.token_sort_ratio(EV.fold(EV.flat(gv)), EV.fold(EV.flat(pv))) >= 85
        )
    return bool(EV.simple(gv) == EV.simple(pv))


class Tally:
    def __init__(self) -> None:
        self.per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.errors: list[tuple[str, str, Any, Any]] = []

    def add(self, key: str, ok: bool) -> None:
        self.per[key][0] += ok
        self.per[key][1] += 1

    def overall(self) -> tuple[int, int]:
        c = sum(v[0] for k, v in self.per.items() if k != "type")
        n = sum(v[1] for k, v in self.per.items() if k != "type")
        return c, n


def _score_entries(
    gold_entries: list[dict[str, Any]], pred_fields: dict[str, dict[str, Any]], tally: Tally
) -> None:
    for g in gold_entries:
        if g["id"] not in pred_fields:
            continue
        pf = pred_fields[g["id"]]
        for key in FIELDS:
            if key not in g.get("fields", {}):
                continue
            gv, pv = g["fields"][key], pf.get(key)
            ok = _ok(key, gv, pv)
            tally.add(key, ok)
            if not ok:
                tally.errors.append((key, g["text"], gv, pv))


def _end_to_end(text: str, gold: dict[str, Any], tally: Tally) -> None:
    """The whole pipeline, aligned to the gold as the evaluator aligns it."""
    pred = match_json(citenorm.match(citenorm.extract(text)))
    emap: dict[str, str] = {}
    for script in ("arabic", "latin"):
        gs = [e for e in gold.get("entries", []) if e["script"] == script]
        ps = [e for e in pred.get("entries", []) if e.get("script") == script]
        emap.update(EV.align(gs, ps))
    by_id = {p["id"]: p for p in pred.get("entries", [])}
    fields = {gid: by_id[pid].get("fields", {}) or {} for gid, pid in emap.items()}
    # as the evaluator does: entries the pipeline lost are not scored (entries F1 is)
    _score_entries(gold.get("entries", []), fields, tally)


def _parser_only(gold: dict[str, Any], tally: Tally) -> None:
    fields: dict[str, dict[str, Any]] = {}
    for g in gold.get("entries", []):
        if g.get("fields"):
            fields[g["id"]] = parse_reference(g["text"]).to_json()
    _score_entries(gold.get("entries", []), fields, tally)


# --- AnyStyle gold.xml as a gold file ----------------------------------------------

_NUM = re.compile(r"[0-9]+")


def _anystyle_gold(path: Path) -> dict[str, Any]:
    root = ET.parse(path).getroot()
    entries = []
    for i, seq in enumerate(root.iter("sequence"), 1):
        parts: list[str] = []
        fields: dict[str, Any] = {}
        for el in seq:
            t = " ".join((el.text or "").split())
            parts.append(t)
            v = t.strip(" ,.;:()[]")
            if not v:
                continue
            if el.tag == "title" and "title" not in fields:
                fields["title"] = v.strip("\"“”'‘’")
            elif el.tag in ("journal", "container-title") and "container-title" not in fields:
                fields["container-title"] = re.sub(r"^(?:in|In)\s*:?\s+", "", v)
            elif el.tag == "location" and "publisher-place" not in fields:
                fields["publisher-place"] = v
            elif el.tag == "publisher" and "publisher" not in fields:
                fields["publisher"] = v
            elif el.tag == "date" and "issued" not in fields:
                m = re.search(r"(?<![0-9])(1[5-9][0-9]{2}|20[0-9]{2})(?![0-9])", v)
                if m:
                    fields["issued"] = m.group(1)
            elif el.tag == "volume" and "volume" not in fields:
                m = _NUM.search(v)
                # AnyStyle's volume segments also hold issues alone ("n°59", "No. 3")
                if m and not re.match(r"(?:n\s*[°º]|nos?\b|No\b|Nr\b|issue|number)", v, re.I):
                    fields["volume"] = m.group()
                iss = re.search(
                    r"\(\s*([0-9]+(?:[-/][0-9]+)?)\s*\)|(?:no|No|Nr|n°)\.?\s*([0-9]+)", v
                )
                if iss:
                    fields["issue"] = iss.group(1) or iss.group(2)
            elif el.tag == "pages" and "page" not in fields:
                m = re.search(r"[0-9]+(?:\s*[-–]+\s*[0-9]+)?", v)
                if m:
                    fields["page"] = re.sub(r"\s*[-–]+\s*", "-", m.group())
        text = " ".join(p for p in parts if p)
        script = "arabic" if re.search("[\u0600-\u06ff]", text) else "latin"
        entries.append(
            {"id": f"g{i}", "script": script, "number": i, "text": text, "fields": fields}
        )
    return {"entries": entries}


def _gold_xml_text(gold: dict[str, Any]) -> str:
    return "References\n\n" + "\n".join(f"{e['number']}. {e['text']}" for e in gold["entries"])


# --- sets -----------------------------------------------------------------------------


def _sets(shared: Path) -> dict[str, list[tuple[str, str | None, dict[str, Any]]]]:
    """Set name -> [(document name, text, gold)]."""
    out: dict[str, list[tuple[str, str | None, dict[str, Any]]]] = {}
    real = shared / "dev-real"
    if real.is_dir():
        out["dev-real"] = [
            (p.stem, p.read_text(encoding="utf-8"), EV_load(p.with_suffix(".gold.json")))
            for p in sorted(real.glob("*.txt"))
        ]
    fx = ROOT / "fixtures"
    docs = [fx / "seed" / "russian-chinese-relations-2022.txt", *sorted((fx / "dev").glob("*.txt"))]
    out["fixtures"] = [
        (p.stem, p.read_text(encoding="utf-8"), EV_load(p.with_suffix(".gold.json")))
        for p in docs
        if p.exists()
    ]
    gx = shared / "data" / "anystyle" / "gold.xml"
    if gx.exists():
        gold = _anystyle_gold(gx)
        out["gold.xml"] = [("gold.xml", _gold_xml_text(gold), gold)]
    return out


def EV_load(path: Path) -> dict[str, Any]:  # noqa: N802
    return json.loads(path.read_text(encoding="utf-8"))


def _row(name: str, tally: Tally) -> dict[str, Any]:
    c, n = tally.overall()
    row: dict[str, Any] = {"set": name, "n": n, "overall": c / n if n else None}
    for key in FIELDS:
        cc, nn = tally.per.get(key, [0, 0])
        row[key] = (cc / nn, nn) if nn else None
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mode", choices=("both", "end-to-end", "parser"), default="both")
    ap.add_argument("--set", action="append", help="dev-real, fixtures, gold.xml (default: all)")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--errors", help="print the misses of this field (or 'all')")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    modes = ("end-to-end", "parser") if args.mode == "both" else (args.mode,)
    rows = []
    for set_name, docs in _sets(args.shared).items():
        if args.set and set_name not in args.set:
            continue
        for mode in modes:
            tally = Tally()
            for _doc, text, gold in docs:
                if mode == "parser":
                    _parser_only(gold, tally)
                elif text is not None:
                    _end_to_end(text, gold, tally)
            rows.append(_row(f"{set_name} ({mode})", tally))
            if args.errors:
                for key, text, gv, pv in tally.errors:
                    if args.errors in ("all", key):
                        print(f"[{set_name} {mode}] {key}: gold={gv!r} pred={pv!r}\n    {text}")
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    head = ["set", "fields", "overall", *FIELDS]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        cells = [r["set"], str(r["n"]), f"{r['overall']:.3f}" if r["overall"] is not None else "—"]
        for key in FIELDS:
            v = r[key]
            cells.append(f"{v[0]:.3f} ({v[1]})" if v else "—")
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
