"""The catalogue counts behind ``src/citenorm/text/romanize/data/terms.tsv``.

    .venv/bin/python training/romanize/terms.py [N]

Prints the N (default 60) most frequent words of the place, publisher and series
statements of the training records (article and proclitics removed), with their counts,
and which of them the term list covers. The list itself is written by hand from this
output (institutional words only: proper names and places are not terms).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ROOT, records

from citenorm.text.romanize._tokens import tokenize

TERMS = ROOT / "src" / "citenorm" / "text" / "romanize" / "data" / "terms.tsv"


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    terms = {
        line.split("\t")[0]
        for line in TERMS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    counts: Counter[str] = Counter()
    for rec in records(held=False):
        for field in ("publisher", "place", "series"):
            value = rec.get(f"{field}_arabic")
            for tok in tokenize(value or ""):
                if tok.kind != "arabic":
                    continue
                word = tok.text
                for prefix in ("وال", "بال", "لل", "ال", "و"):
                    if word.startswith(prefix) and len(word) > len(prefix) + 2:
                        word = word[len(prefix) :]
                        break
                counts[word] += 1
    for word, c in counts.most_common(n):
        print(f"{c:6d}  {word}{'  (term)' if word in terms else ''}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
