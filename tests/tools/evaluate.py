# Vendored from the project's shared tools (shared/tools/evaluate.py), unchanged below this header,
# so that the accuracy tests run from a clean clone. It is how accuracy is judged.
"""Score citenorm's JSON output against a gold file (format: ../seed/README.md).

usage: evaluate.py GOLD.json PRED.json [--json]
Prints one line per metric; with --json prints a dict.
Entries and footnotes are aligned to gold by text similarity (one-to-one),
so the project's ids and exact text trimming do not matter.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata

from rapidfuzz import fuzz

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").translate(DIGITS).lower()
    s = re.sub(r"[\u064b-\u065f\u0670\u0640\u200c-\u200f\u061c]", "", s)
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def align(gold: list[dict], pred: list[dict], cutoff: float = 80.0) -> dict[str, str]:
    """Greedy one-to-one alignment gold id -> pred id by text similarity.

    Equal texts (e.g. several identical "ibid." footnotes) are told apart by their
    relative position in the document (line when both sides give one, else order)."""
    cands = []
    gn = [
        (g["id"], norm(g["text"]), g.get("line"), i / max(1, len(gold))) for i, g in enumerate(gold)
    ]
    pn = [
        (p["id"], norm(p.get("text", "")), p.get("line"), i / max(1, len(pred)))
        for i, p in enumerate(pred)
    ]
    for gi, gt, gl, gpos in gn:
        for pi, pt, pl, ppos in pn:
            if not gt or not pt:
                continue
            s = fuzz.ratio(gt, pt)
            if s < cutoff:
                # allow a predicted text that contains the gold text plus a little more
                s = max(
                    s,
                    fuzz.partial_ratio(gt, pt) - 10
                    if min(len(gt), len(pt)) / max(len(gt), len(pt)) > 0.7
                    else 0,
                )
            if s >= cutoff:
                if isinstance(gl, int) and isinstance(pl, int):
                    dist = abs(gl - pl) / 1000.0
                else:
                    dist = abs(gpos - ppos)
                cands.append((round(s, 6), -dist, gi, pi))
    cands.sort(reverse=True)
    used_g, used_p, m = set(), set(), {}
    for s, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        m[gi] = pi
    return m


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def year_of(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, dict):
        dp = v.get("date-parts") or [[None]]
        v = dp[0][0] if dp and dp[0] else v.get("literal") or v.get("raw")
    m = re.search(r"[0-9]{4}", str(v).translate(DIGITS))
    return m.group(0) if m else None


def simple(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, list):
        v = " ".join(str(x) for x in v)
    s = str(v).translate(DIGITS).strip().lower()
    s = s.strip("<>. ")
    s = re.sub(r"\s+", "", s).replace("–", "-").replace("—", "-")
    return s or None


TYPES = {
    "article": "article-journal",
    "web": "webpage",
    "article-magazine": "article-journal",
    "article-newspaper": "article-journal",
    "post-weblog": "webpage",
    "post": "webpage",
}


def fold(s: str) -> str:
    """norm() plus Arabic letter folding (hamza forms, ta marbuta, alef maqsura)."""
    s = norm(s)
    return s.translate(str.maketrans("أإآٱىةؤئ", "اااايهوي"))


def flat(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dict):
        return " ".join(str(x) for x in v.values() if isinstance(x, str))
    if isinstance(v, list):
        return " ".join(flat(x) for x in v)
    return str(v)


def authors_match(gv, pv) -> bool:
    """Same people: the folded name tokens of gold and prediction agree (order-free)."""
    if not pv:
        return False
    g = gv if isinstance(gv, list) else [gv]
    p = pv if isinstance(pv, list) else [pv]
    if len(g) != len(p):
        return False
    return (
        fuzz.token_set_ratio(fold(flat(g)), fold(flat(p))) >= 85
        and fuzz.token_sort_ratio(fold(flat(g)), fold(flat(p))) >= 70
    )


def main() -> None:
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    pred = json.load(open(sys.argv[2], encoding="utf-8"))
    as_json = "--json" in sys.argv
    out: dict[str, float | int] = {}

    # footnotes
    gf = gold.get("footnotes", [])
    pf = pred.get("footnotes", [])
    fmap = align(gf, pf)
    out["footnotes_p"], out["footnotes_r"], out["footnotes_f1"] = prf(len(fmap), len(pf), len(gf))
    out["n_footnotes"] = max(len(gf), len(pf))
    pf_by = {p["id"]: p for p in pf}
    kinds_ok = sum(
        1 for g in gf if g["id"] in fmap and pf_by[fmap[g["id"]]].get("kind") == g["kind"]
    )
    out["footnote_kind_acc"] = kinds_ok / len(gf) if gf else 1.0
    out["n_footnote_kind"] = len(gf)
    backrefs = [g for g in gf if g.get("refers_to")]
    br_ok = sum(
        1
        for g in backrefs
        if g["id"] in fmap
        and fmap.get(g["refers_to"]) is not None
        and pf_by[fmap[g["id"]]].get("refers_to") == fmap[g["refers_to"]]
    )
    out["backref_acc"] = br_ok / len(backrefs) if backrefs else 1.0
    out["n_backref"] = len(backrefs)

    # entries, per script
    ge = gold.get("entries", [])
    pe = pred.get("entries", [])
    emap: dict[str, str] = {}
    for script in ("arabic", "latin"):
        gs = [e for e in ge if e["script"] == script]
        ps = [e for e in pe if e.get("script") == script]
        m = align(gs, ps)
        emap.update(m)
        p, r, f = prf(len(m), len(ps), len(gs))
        out[f"entries_{script}_p"], out[f"entries_{script}_r"], out[f"entries_{script}_f1"] = (
            p,
            r,
            f,
        )
        out[f"n_entries_{script}"] = max(len(gs), len(ps))
    pe_by = {p["id"]: p for p in pe}

    # fields on aligned entries
    checked = correct = 0
    per_field: dict[str, list[int]] = {}
    for g in ge:
        if g["id"] not in emap:
            continue
        pfields = pe_by[emap[g["id"]]].get("fields", {}) or {}
        for key in (
            "issued",
            "issue",
            "volume",
            "page",
            "URL",
            "title",
            "author",
            "container-title",
            "publisher",
            "publisher-place",
            "type",
        ):
            if key not in g.get("fields", {}):
                continue
            gv = g["fields"][key]
            pv = pfields.get(key)
            if key == "issued":
                ok = year_of(gv) == year_of(pv)
            elif key == "title":
                ok = pv is not None and fuzz.ratio(fold(str(gv)), fold(str(pv))) >= 90
            elif key == "author":
                ok = authors_match(gv, pv)
            elif key in ("container-title", "publisher", "publisher-place"):
                ok = pv is not None and fuzz.token_set_ratio(fold(flat(gv)), fold(flat(pv))) >= 85
            elif key == "type":
                ok = TYPES.get(str(gv), str(gv)) == TYPES.get(str(pv), str(pv))
            else:
                ok = simple(gv) == simple(pv)
            per_field.setdefault(key, [0, 0])
            per_field[key][0] += ok
            per_field[key][1] += 1
            if key == "type":  # reported, not counted: CSL types are partly a judgement
                continue
            checked += 1
            correct += ok
    out["fields_acc"] = correct / checked if checked else 1.0
    out["n_fields"] = checked
    for k, (c, n) in per_field.items():
        out[f"field_{k}_acc"] = c / n
        out[f"n_field_{k}"] = n

    # pairs
    gp = {(p["arabic"], p["latin"]) for p in gold.get("pairs", [])}
    inv = {v: k for k, v in emap.items()}
    pp = set()
    for p in pred.get("pairs", []):
        a = inv.get(p.get("arabic"))
        l_ = inv.get(p.get("latin"))
        pp.add((a, l_))
    tp = len(gp & pp)
    out["pairs_p"], out["pairs_r"], out["pairs_f1"] = prf(tp, len(pred.get("pairs", [])), len(gp))
    out["n_pairs"] = max(len(gp), len(pred.get("pairs", [])))

    # citations footnote -> entry
    gc = {(f["id"], c) for f in gf for c in f.get("cites", [])}
    finv = {v: k for k, v in fmap.items()}
    pc = set()
    pred_cit = [c for c in pred.get("citations", []) if c.get("footnote") is not None]
    for c in pred_cit:
        pc.add((finv.get(c.get("footnote")), inv.get(c.get("entry"))))
    tp = len(gc & pc)
    out["citations_p"], out["citations_r"], out["citations_f1"] = prf(tp, len(pred_cit), len(gc))
    out["n_citations"] = max(len(gc), len(pred_cit))

    if as_json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k}\t{v:.3f}" if isinstance(v, float) else f"{k}\t{v}")


if __name__ == "__main__":
    main()
