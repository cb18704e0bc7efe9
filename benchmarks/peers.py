"""citenorm side by side with refextract on the seed article's two bibliographies.

The input is lines 321–376 of ``fixtures/seed/russian-chinese-relations-2022.txt``: the
Arabic list (المصادر, 19 entries in three sub-sections) and its English translation
(Bibliography, 19 entries). Both tools get the same string in the same process; each is
warmed up once, then timed ``--repeats`` times (median). Reported: time per run, how many
references each returns, how many carry a year (citenorm: ``fields.issued``), and for
citenorm how many entries and years agree with the gold file.

refextract (INSPIRE-HEP's reference extractor) is an optional bench dependency::

    .venv/bin/pip install "citenorm[bench]"      # refextract; needs libmagic (apt: libmagic1)

Without it, its column says why it is missing and citenorm is still measured.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed" / "russian-chinese-relations-2022.txt"
GOLD = ROOT / "fixtures" / "seed" / "russian-chinese-relations-2022.gold.json"
FIRST, LAST = 321, 376  # 1-based, inclusive


def lists_text() -> str:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[FIRST - 1 : LAST]) + "\n"


def _timed(fn: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    result = fn()  # warm-up: imports, knowledge bases, caches
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _gold_years() -> dict[int, int | None]:
    """Gold entry line (in the excerpt) -> Gregorian year, for entries in the excerpt."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    out: dict[int, int | None] = {}
    for e in gold["entries"]:
        if FIRST <= e["line"] <= LAST:
            issued = (e.get("fields") or {}).get("issued")  # the gold prints the year: "2017"
            year = str(issued)[:4] if issued else ""
            out[e["line"] - FIRST + 1] = int(year) if year.isdigit() else None
    return out


def _gold_pairs() -> set[tuple[int, int]]:
    """Gold pairs as (Arabic line, romanized line) in the excerpt."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    line = {e["id"]: e["line"] - FIRST + 1 for e in gold["entries"]}
    return {(line[p["arabic"]], line[p["latin"]]) for p in gold["pairs"]}


def run_citenorm(text: str, repeats: int) -> dict[str, Any]:
    from citenorm import extract, match

    def once() -> Any:
        return match(extract(text, source="seed-lists"))

    seconds, result = _timed(once, repeats)
    entries = result.document.entries
    years = {e.line: (e.fields.issued.year if e.fields.issued else None) for e in entries}
    with_year = sum(1 for y in years.values() if y)
    gold = _gold_years()
    right = sum(1 for line, y in gold.items() if line in years and years[line] == y)
    line = {e.id: e.line for e in entries}
    pairs = {(line[p.arabic], line[p.latin]) for p in result.pairs}
    gold_pairs = _gold_pairs()
    return {
        "tool": "citenorm",
        "gold_pairs": len(gold_pairs),
        "pairs_right": len(pairs & gold_pairs),
        "seconds": seconds,
        "references": len(entries),
        "with_year": with_year,
        "pairs": len(result.pairs),
        "gold_entries": len(gold),
        "entries_found": sum(1 for line in gold if line in years),
        "years_right": right,
        "sample": [
            {"line": e.line, "year": years[e.line], "title": e.fields.title} for e in entries[:2]
        ],
    }


def run_refextract(text: str, repeats: int) -> dict[str, Any]:
    try:
        from refextract import extract_references_from_string
    except Exception as exc:  # ImportError, or OSError when libmagic is missing
        return {"tool": "refextract", "missing": f"{type(exc).__name__}: {exc}"}

    seconds, refs = _timed(lambda: extract_references_from_string(text), repeats)
    return {
        "tool": "refextract",
        "seconds": seconds,
        "references": len(refs),
        "with_year": sum(1 for r in refs if r.get("year")),
        "sample": [
            {"raw": " ".join(r.get("raw_ref", []))[:70], "year": r.get("year")} for r in refs[:2]
        ],
    }


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "not installed"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeats", type=int, default=20, help="timed runs for citenorm")
    p.add_argument("--peer-repeats", type=int, default=5, help="timed runs for refextract")
    args = p.parse_args(argv)
    text = lists_text()
    mine = run_citenorm(text, args.repeats)
    peer = run_refextract(text, args.peer_repeats)

    print(
        f"input: {SEED.relative_to(ROOT)} lines {FIRST}-{LAST} "
        f"({len(text.encode('utf-8'))} bytes; gold: {mine['gold_entries']} entries)"
    )
    print(f"citenorm {_version('citenorm')}, refextract {_version('refextract')}")
    print()
    print(f"{'tool':<11} {'ms/run':>9} {'references':>10} {'with year':>9}  notes")
    print(
        f"{'citenorm':<11} {1000 * mine['seconds']:>9.1f} {mine['references']:>10} "
        f"{mine['with_year']:>9}  extract+match, median of {args.repeats}; "
        f"{mine['entries_found']}/{mine['gold_entries']} gold entries found, "
        f"{mine['years_right']}/{mine['gold_entries']} years right, "
        f"{mine['pairs_right']}/{mine['gold_pairs']} gold pairs ({mine['pairs']} found)"
    )
    if "missing" in peer:
        print(f"{'refextract':<11} {'-':>9} {'-':>10} {'-':>9}  not available: {peer['missing']}")
        return 0
    print(
        f"{'refextract':<11} {1000 * peer['seconds']:>9.1f} {peer['references']:>10} "
        f"{peer['with_year']:>9}  extract_references_from_string, median of {args.peer_repeats}"
    )
    print()
    print(f"speed: citenorm is {peer['seconds'] / mine['seconds']:.0f}x faster than refextract")
    print("first references:")
    for s in mine["sample"]:
        print(f"  citenorm   line {s['line']}, year {s['year']}: {s['title']}")
    for s in peer["sample"]:
        print(f"  refextract year {s['year']}: {s['raw']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
