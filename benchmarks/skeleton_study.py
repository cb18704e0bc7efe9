"""Cross-script retrieval study for :mod:`citenorm.text.skeleton`.

For the author, title, publisher and place fields of ``aco-dev.jsonl``: score each
record's Arabic value against every record's romanization of the same field and report

* ``top-1``: share of records whose own romanization ranks first (no other record's
  romanization scores higher; a tie counts as first);
* ``sole``: share of records whose own romanization scores strictly higher than every
  other record's (any tie is a miss, even with a repeat of the same place or publisher
  or another spelling of it, e.g. ``Bayrūt``/``Beirut``);
* mean own score and mean best score among the other records.

Variants: (a) ALA-LC as catalogued, (b) ALA-LC folded to plain ASCII (diacritics and
ʻ ʼ marks stripped, as popular spellings do).

Run from the project root: ``.venv/bin/python benchmarks/skeleton_study.py [path]``.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

try:
    from citenorm.text.skeleton import skeleton, skeleton_similarity
except ModuleNotFoundError:  # not installed: run from a source checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from citenorm.text.skeleton import skeleton, skeleton_similarity

DEFAULT = Path("/work/shared/data/aco-dev.jsonl")
FIELDS = ("author", "title", "publisher", "place")
_MARKS = re.compile("[\u02b9-\u02bf\u2018\u2019`'\u00b4]")


def ascii_fold(text: str) -> str:
    """ALA-LC -> plain ASCII: diacritics and ʻ ʼ marks removed."""
    text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def score_matrix(keys_a: list[str], keys_b: list[str]) -> np.ndarray:
    """All-pairs :func:`skeleton_similarity`."""
    scores = np.empty((len(keys_a), len(keys_b)))
    for i, key_a in enumerate(keys_a):
        scores[i] = [skeleton_similarity(key_a, key_b) for key_b in keys_b]
    return scores


def study(records: list[dict[str, str | None]], field: str, fold: bool) -> dict[str, float]:
    """Retrieval figures for one field and variant."""
    pairs = [
        (r[f"{field}_arabic"], r[f"{field}_romanized"])
        for r in records
        if r.get(f"{field}_arabic") and r.get(f"{field}_romanized")
    ]
    arabic = [skeleton(a or "") for a, _ in pairs]
    latin = [skeleton(ascii_fold(b or "") if fold else (b or "")) for _, b in pairs]
    scores = score_matrix(arabic, latin)
    n = len(pairs)
    own = np.diag(scores).copy()
    others = scores.copy()
    np.fill_diagonal(others, -1.0)
    best_other = others.max(axis=1)
    return {
        "n": n,
        "top1": float(np.mean(own >= best_other)),
        "sole": float(np.mean(own > best_other)),
        "own": float(own.mean()),
        "best_other": float(best_other.mean()),
    }


def main(argv: list[str]) -> None:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    print(f"{path} ({len(records)} records)")
    header = f"{'field':<10} {'variant':<8} {'n':>4} {'top-1':>6} {'sole':>6}"
    print(f"{header} {'own':>6} {'best-other':>10}")
    start = time.perf_counter()
    for field in FIELDS:
        for fold in (False, True):
            r = study(records, field, fold)
            name = "ascii" if fold else "ala-lc"
            print(
                f"{field:<10} {name:<8} {r['n']:>4} {r['top1']:>6.3f} {r['sole']:>6.3f}"
                f" {r['own']:>6.1f} {r['best_other']:>10.1f}"
            )
    print(f"({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main(sys.argv)
