"""Citation keys from Arabic script: agreement with the catalogue's romanization, cost, and
what real documents get.

1. **Agreement** on the 641 real catalogue records of ``../shared/data/aco-dev.jsonl``
   (each field in Arabic script and in ALA-LC, as a cataloguer romanized it; the
   romanizer's tables were learned from ``aco-train.jsonl``, which shares no record with
   it): the key of the Arabic side alone (what an Arabic-only source gets) against the
   key of the romanized side (what the same source gets when the article's romanized list
   has it), both with the record's Gregorian year. Figures for the name part, the title
   word and the whole key; with the romanizer as keys use it (its word table, the CAMeL
   table, clitics and the character model for unknown words) and without the CAMeL table
   (which was learned from catalogue data that may include these records: the figure
   without it is the unseen-data one).
2. **Cost**: CPU time of the first Arabic-only key in a fresh interpreter (reads the
   romanizer's tables) and of each further key (new strings, warm tables).
3. **Real documents** (``../shared/dev-real``): per document, the sources exported, how
   many keys come from Arabic script alone, how many needed a suffix (a collision), and
   the first keys.

Run from the project root::

    .venv/bin/python benchmarks/keys.py [--limit N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _corpus as C

from citenorm.export import keys
from citenorm.models import Date, Fields, Name

ROOT = Path(__file__).resolve().parents[1]
DEV_REAL = (ROOT / ".." / "shared" / "dev-real").resolve()


def fields_of(parts: C.Parts) -> Fields:
    """One side of a catalogue record as an entry's fields."""
    author = None
    if parts.family:
        author = [
            Name(literal=parts.family)
            if parts.corporate
            else Name(family=parts.family, given=parts.given)
        ]
    issued = Date(date_parts=[[parts.year]]) if parts.year else None
    return Fields(author=author, title=parts.title or None, issued=issued, hijri=parts.hijri)


def split_key(key: str) -> tuple[str, str]:
    """(name part, title word) of a key base: the letters before and after the year."""
    head = key.rstrip("abcdefghijklmnopqrstuvwxyz")
    word = key[len(head) :]
    name = head.rstrip("0123456789h")
    if head.endswith("nd"):
        name = head[:-2]
    return name, word


def clear_memos() -> None:
    """Empty the memos (the keys' hold romanizations made with or without CAMeL)."""
    from citenorm.memo import clear_memos as clear

    clear()


def agreement(records: list[C.Record], *, camel: bool) -> dict[str, tuple[int, int]]:
    """Counts (agreeing, compared) of name part, title word and whole key."""
    keys._CAMEL = camel
    clear_memos()
    out = {"name": [0, 0], "title word": [0, 0], "key": [0, 0]}
    for rec in records:
        ar = fields_of(rec.arabic)
        la = fields_of(rec.latin).model_copy(update={"issued": ar.issued, "hijri": ar.hijri})
        if not (ar.title and la.title):
            continue
        k_ar, k_la = keys.key_base([ar]), keys.key_base([la])
        (n_ar, w_ar), (n_la, w_la) = split_key(k_ar), split_key(k_la)
        if rec.arabic.family and rec.latin.family and rec.arabic.corporate == rec.latin.corporate:
            out["name"][0] += n_ar == n_la
            out["name"][1] += 1
        out["title word"][0] += w_ar == w_la
        out["title word"][1] += 1
        out["key"][0] += k_ar == k_la
        out["key"][1] += 1
    keys._CAMEL = True
    clear_memos()
    return {k: (v[0], v[1]) for k, v in out.items()}


_COLD = """
import time
t = time.process_time()
from citenorm.export.keys import key_base
from citenorm.models import Fields, Name
fields = [Fields(author=[Name(family={family!r})], title={title!r})]
t1 = time.process_time()
key_base(fields)
t2 = time.process_time()
print(t2 - t1)
"""


def cold_cost(records: list[C.Record]) -> tuple[float, float]:
    """CPU seconds of the first Arabic-only key in a fresh interpreter: with words the
    word tables know, and with a name only the character model can romanize."""
    known = next(r.arabic for r in records if r.arabic.family and not r.arabic.corporate)
    out = []
    for family in (known.family, "كزلحصاريم"):
        code = _COLD.format(family=family, title=known.title)
        runs = [
            float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout)
            for _ in range(3)
        ]  # fmt: skip
        out.append(sorted(runs)[1])
    return out[0], out[1]


def warm_cost(records: list[C.Record]) -> float:
    """CPU milliseconds per Arabic-only key once the tables are read (memos emptied)."""
    sides = [fields_of(r.arabic) for r in records if r.arabic.title]
    keys.key_base(sides[:1])
    clear_memos()
    t = time.process_time()
    for f in sides:
        keys.key_base([f])
    return (time.process_time() - t) / len(sides) * 1000


def real_documents() -> list[tuple[str, int, int, int, list[str]]]:
    import citenorm
    from citenorm.export.records import _key_fields, _key_text, _sources, records

    rows = []
    for path in sorted(DEV_REAL.glob("*.txt")):
        result = citenorm.match(citenorm.extract(path.read_text(encoding="utf-8")))
        recs = records(result)
        bases = [keys.key_base(_key_fields(s), text=_key_text(s)).lower() for s in _sources(result)]
        suffixed = sum(1 for r, b in zip(recs, bases, strict=True) if r.key != b)
        arabic_only = sum(1 for r in recs if r.script == "arabic")
        rows.append((path.name, len(recs), arabic_only, suffixed, [r.key for r in recs[:4]]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="use the first N records only")
    args = parser.parse_args()
    if not C.DEFAULT_DATA.exists():
        print(f"skipped: {C.DEFAULT_DATA} is absent", file=sys.stderr)
        return 0
    records = [C.clean_record(r) for r in C.load_records()]
    if args.limit:
        records = records[: args.limit]
    print(f"aco-dev: {len(records)} catalogue records; key of the Arabic side = key of the "
          "ALA-LC side")  # fmt: skip
    print(f"{'part':<12} {'romanizer':>18} {'without CAMeL':>18}")
    full, bare = agreement(records, camel=True), agreement(records, camel=False)
    for part in full:
        a, n = full[part]
        b, m = bare[part]
        print(f"{part:<12} {a:>5}/{n:<5} {a / n:6.1%} {b:>5}/{m:<5} {b / m:6.1%}")
    cold_known, cold_chars = cold_cost(records)
    print(f"\nfirst Arabic-only key in a fresh process: {cold_known:.2f} s CPU (words the "
          f"tables know), {cold_chars:.2f} s (a name for the character model)")  # fmt: skip
    print(f"each further key: {warm_cost(records):.2f} ms CPU (new strings)")
    if DEV_REAL.exists():
        print("\ndev-real: sources, keys from Arabic script alone, keys with a suffix, first keys")
        for name, n, arabic, suffixed, first in real_documents():
            print(f"{name:<34} {n:>4} {arabic:>4} {suffixed:>3}  {' '.join(first)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
