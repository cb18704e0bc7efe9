"""Exact-word accuracy of ``citenorm.romanize`` on catalogue records it never saw.

    .venv/bin/python benchmarks/romanize.py [--show N] [--calibration]
    .venv/bin/python benchmarks/romanize.py --tune --data DIR   # choosing the model

``--tune`` measures on the tuning fold of the training part instead (a model built by
``training/romanize/build.py --tune --out DIR``, which never saw that fold): how the
model's choices are made, so that the held-out tenth is only ever measured.

* **held-out tenth** of ``../shared/data/aco-train.jsonl`` (the records that
  ``training/romanize/corpus.py`` holds out: ``sha256("2026:" + record_id) % 10 == 0``,
  972 records): each record's Arabic title, personal name (an author heading with a
  comma: ``Family, Given``; romanized as a heading, which drops the initial article),
  place and publisher, romanized in ALA-LC and compared with the catalogued
  romanization. Personal names are scored twice: the whole heading, and its name words
  alone (the dates subfield, ``1856-1935`` or ``1857 or 1858-1927``, cut on both sides:
  catalogue dates are not romanization);
* **seed**: the 15 gold pairs of ``fixtures/seed``: the Arabic entry's personal names
  (given first, as printed) romanized in the popular style and compared with the names
  of its English entry; once as is, once adapted to the article (the other 14 pairs
  teach the spellings of the article's list, as ``citenorm romanize FILE`` does).

Exact words: both sides NFC, lowercased, ISBD punctuation and bidi marks removed,
ʻ ʼ ‘ ’ ' unified, split on spaces, compared position by position; the score is the
share of the catalogued words matched at their position. Every figure is given without
and with the CAMeL word table: that table was learned from catalogue data that includes
these records, so only the figure without it is an unseen-data result.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training" / "romanize"))
sys.path.insert(0, str(ROOT / "src"))

from corpus import TRAIN, records  # noqa: E402

from citenorm.text.romanize import romanize  # noqa: E402
from citenorm.text.romanize._tokens import exact_words  # noqa: E402

SEED_GOLD = ROOT / "fixtures" / "seed" / "russian-chinese-relations-2022.gold.json"
FIELDS = {"title": "title", "author": "name", "place": "place", "publisher": "publisher"}
_PARTS = re.compile(r"\s*[,،]\s*")


def name_only(heading: str) -> str:
    """A catalogue heading without its dates subfield (``Ṣadr, Ḥasan ibn Hādī, 1856-1935,``
    -> ``Ṣadr, Ḥasan ibn Hādī``): the parts before the first one that holds a digit."""
    parts = []
    for part in _PARTS.split(heading):
        if any(ch.isdigit() for ch in part):
            break
        parts.append(part)
    return ", ".join(p for p in parts if p)


def score(pred: str, gold: str) -> tuple[int, int]:
    """(words matched at their position, catalogued words)."""
    p, g = exact_words(pred), exact_words(gold)
    return sum(1 for a, b in zip(p, g, strict=False) if a == b), len(g)


def heldout(
    *, camel: bool, show: int, calibration: Counter[tuple[int, bool]], tune: bool = False
) -> dict[str, float]:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    lost: Counter[str] = Counter()  # words no romanizer could get at their position
    for rec in records(held=not tune, tune=True if tune else None):
        for field, kind in FIELDS.items():
            arabic, gold = rec.get(f"{field}_arabic"), rec.get(f"{field}_romanized")
            if not arabic or not gold:
                continue
            if field == "author" and "," not in gold:
                continue  # a corporate heading (MARC 110): not a personal name
            result = romanize(
                arabic, field=kind, style="alalc", heading=field == "author", camel=camel
            )
            ok, n = score(result.latin, gold)
            hits[field] += ok
            totals[field] += n
            lost[field] += unreachable(result.latin, gold)
            if field == "author":  # the name words alone, dates cut on both sides
                bare = romanize(
                    name_only(arabic), field=kind, style="alalc", heading=True, camel=camel
                )
                ok2, n2 = score(bare.latin, name_only(gold))
                hits["name"] += ok2
                totals["name"] += n2
            g = exact_words(gold)
            words = [w for w in result.words if w.source != "fixed"]
            if len(words) == len(g):
                for w, gw in zip(words, g, strict=True):
                    right = exact_words(w.latin)[:1] == [gw]
                    calibration[min(int(w.confidence * 10), 9), right] += 1
            if ok < n and shown[field] < show:
                shown[field] += 1
                print(f"  {field}: {arabic!r}\n    gold {gold!r}\n    got  {result.latin!r}")
    keys = [*FIELDS, "name"]
    return (
        {f: hits[f] / totals[f] for f in keys if totals[f]}
        | {f"{f}_words": totals[f] for f in keys}
        | {f"{f}_ceiling": 1 - lost[f] / totals[f] for f in FIELDS if totals[f]}
    )


def unreachable(pred: str, gold: str) -> int:
    """Catalogued words missed that no romanization of the Arabic would get at their
    position: all the misses of a record whose catalogued romanization has another
    number of words than ours (words added, dropped, split or joined by the cataloguer;
    an upper bound: some of those are ours), and the misses whose consonants do not fit
    ours at all (a translation, another name, other dates)."""
    from citenorm.text.romanize._article import fits

    p, g = exact_words(pred), exact_words(gold)
    if len(p) != len(g):
        return sum(1 for i, w in enumerate(g) if i >= len(p) or p[i] != w)
    return sum(
        1
        for a, b in zip(p, g, strict=True)
        if a != b and (any(ch.isdigit() for ch in a + b) or not fits(a, b, threshold=70.0))
    )


def seed(*, camel: bool, adapt: bool, show: int) -> tuple[float, int]:
    from citenorm.text.romanize._article import ArticleSpellings
    from citenorm.text.romanize._terms import is_corporate

    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    entries = {e["id"]: e for e in gold["entries"]}
    pairs = [
        (
            entries[p["arabic"]]["fields"].get("author") or [],
            entries[p["latin"]]["fields"].get("author") or [],
        )
        for p in gold["pairs"]
    ]
    hits = total = 0
    for i, (ar_names, lat_names) in enumerate(pairs):
        spellings = None
        if adapt:  # the other pairs of the article teach its spellings
            spellings = ArticleSpellings.learn(
                [
                    (a, lat)
                    for j, (ar, la) in enumerate(pairs)
                    if j != i
                    for a, lat in zip(ar, la, strict=False)
                ],
                camel=camel,
            )
        for a, lat in zip(ar_names, lat_names, strict=False):
            if is_corporate(a):
                continue
            got = romanize(a, field="name", style="popular", camel=camel, spellings=spellings).latin
            ok, n = score(got, lat)
            hits += ok
            total += n
            if ok < n and show:
                print(f"  seed: {a!r} gold {lat!r} got {got!r}")
    return hits / total, total


def main() -> int:
    ap = argparse.ArgumentParser(description="romanizer accuracy (exact words)")
    ap.add_argument("--show", type=int, default=0, help="print N errors per field")
    ap.add_argument("--calibration", action="store_true", help="confidence vs accuracy table")
    ap.add_argument(
        "--ceiling", action="store_true", help="what the catalogue's own variation leaves"
    )
    ap.add_argument("--tune", action="store_true", help="measure on the tuning fold (with --data)")
    ap.add_argument("--data", type=Path, help="a model built by build.py --out DIR")
    ap.add_argument(
        "--camel", choices=("both", "without", "with"), default="both", help="which rows"
    )
    args = ap.parse_args()
    if not TRAIN.is_file():
        print(f"skipped: {TRAIN} is absent", file=sys.stderr)
        return 0
    if args.tune and args.data is None:
        ap.error("--tune measures a model that never saw the tuning fold: give --data DIR")
    if args.data is not None:
        from citenorm.text.romanize._model import use_data

        use_data(args.data)
    rows = []
    calib: dict[bool, Counter[tuple[int, bool]]] = {}
    variants = {"both": (False, True), "without": (False,), "with": (True,)}[args.camel]
    for camel in variants:
        t = time.perf_counter()
        calib[camel] = Counter()
        h = heldout(camel=camel, show=args.show, calibration=calib[camel], tune=args.tune)
        s_plain, n_seed = seed(camel=camel, adapt=False, show=args.show)
        s_adapt, _ = seed(camel=camel, adapt=True, show=args.show)
        rows.append((camel, h, s_plain, s_adapt, n_seed, time.perf_counter() - t))
    h0 = rows[0][1]
    print(
        f"{'tuning fold' if args.tune else 'held-out tenth'}: {h0['title_words']:,} title words, {h0['author_words']:,} name words, "
        f"({h0['name_words']:,} without their dates), "
        f"{h0['place_words']:,} place words, {h0['publisher_words']:,} publisher words; "
        f"seed: {rows[0][4]} name words"
    )
    print()
    print(
        "| CAMeL table | titles | personal names (headings) | personal names (name words) "
        "| places | publishers | seed names (popular) | seed names, adapted to the article "
        "| seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for camel, h, s_plain, s_adapt, _n, secs in rows:
        print(
            f"| {'with' if camel else 'without'} | {h['title']:.1%} | {h['author']:.1%} | {h['name']:.1%} | "
            f"{h['place']:.1%} | {h['publisher']:.1%} | {s_plain:.1%} | {s_adapt:.1%} | {secs:.0f} |"
        )
    if args.ceiling:
        print()
        print("| CAMeL table | " + " | ".join(FIELDS) + " |")
        print("|---|" + "---|" * len(FIELDS))
        for camel, h, *_rest in rows:
            cells = [f"{h[f + '_ceiling']:.1%}" for f in FIELDS]
            print(f"| {'with' if camel else 'without'} | " + " | ".join(cells) + " |")
    if args.calibration:
        print()
        print("| confidence | words (without CAMeL) | exact | words (with CAMeL) | exact |")
        print("|---|---|---|---|---|")
        for b in range(10):
            cells = []
            for camel in variants:
                right, wrong = calib[camel][b, True], calib[camel][b, False]
                n = right + wrong
                cells += [f"{n:,}", f"{right / n:.1%}" if n else "–"]
            print(f"| {b / 10:.1f}–{(b + 1) / 10:.1f} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
