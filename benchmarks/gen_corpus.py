"""Generate a synthetic corpus of Iraqi-style articles for the batch benchmarks.

Each article draws 15–40 real catalogue records from ``aco-dev.jsonl`` (Arabic script and
ALA-LC romanization) and prints them the way Iraqi journals do (the shape of
``fixtures/dev/iraqi-alalc.txt``):

- body paragraphs on "pages", with footnote markers ``(1)``, ``(2)``… and a footnote block
  after each page, numbering restarting on every page; a source cited again is an
  ``المصدر السابق`` footnote;
- ``المصادر:`` with the Arabic entries, numbered, sorted, comma style;
- ``Bibliography :`` with the romanized entries, numbered, sorted, comma style.

The same ``--seed`` gives the same bytes. Usage::

    .venv/bin/python benchmarks/gen_corpus.py --out /tmp/citenorm-bench/corpus -n 1000

The records repeat across articles (1,000 articles draw from 641 records), so most
strings an article holds were seen before. ``--respell`` changes one inner letter in
about half the words of every article (headings kept), so that names, titles and
imprints are new in every article, as in a real corpus: the worst case for the
per-string memos (``benchmarks/corpus.py --memory --respell``).

Files are written as ``DIR/NNN/article-NNNN.txt`` (100 per sub-directory), so
``citenorm batch DIR`` also exercises the recursive walk.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path
from random import Random

sys.path.insert(0, str(Path(__file__).resolve().parent))

# the shared benchmark helpers live beside this file
from _corpus import (
    DEFAULT_DATA,
    Look,
    Parts,
    Record,
    clean_record,
    format_entry,
    load_records,
)

DEFAULT_OUT = Path(tempfile.gettempdir()) / "citenorm-bench" / "corpus"
RESPELLED_OUT = DEFAULT_OUT.with_name("corpus-respelled")
DEFAULT_SEED = 20240607

_AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

_TITLES = (
    "دراسة في تاريخ الطباعة العربية",
    "حركة التأليف والنشر في المشرق العربي",
    "المطبوعات العربية في القرن العشرين",
    "أثر المطابع الأهلية في الحياة الثقافية",
    "الكتاب العربي بين المخطوط والمطبوع",
)
_HEADINGS = (
    "المقدمة:",
    "المبحث الأول : نشأة الطباعة",
    "المبحث الثاني : المطابع الأهلية",
    "المطلب الأول : حركة الترجمة",
    "المطلب الثاني : الدوريات",
    "المبحث الثالث : أثر الطباعة في التأليف",
    "الخاتمة:",
)
_SENTENCES = (
    "تتناول هذه الدراسة تاريخ الطباعة العربية وأثرها في حركة التأليف والنشر",
    "ويعرض البحث أهم المصادر التي اعتمد عليها الباحثون في دراسة هذا الموضوع",
    "وقد اعتمد الباحث على المنهج التاريخي الوصفي في عرض المادة وتحليلها",
    "ومن أبرز ما يمكن الإشارة إليه دور المطابع الأهلية في نشر الكتب المدرسية",
    "وعلى الرغم من ذلك ظل موضوع الكتاب المطبوع بعيداً عن اهتمام الدارسين",
    "ويرتبط ذلك بما يعرف بحركة الإحياء الأدبي في مصر والشام والعراق",
    "ولا يمكن فهم ذلك بمعزل عن الظروف الاقتصادية والاجتماعية في تلك المدة",
)


def _footnote(rec: Parts, rng: Random, look: Look) -> str:
    """A first citation: ``Given Family، Title، Publisher، Place، Year، ص N``."""
    name = " ".join(x for x in (rec.given, rec.family) if x) if not rec.corporate else rec.family
    date = None
    if rec.hijri and rec.year:
        date = f"{rec.hijri} هـ / {rec.year} م"
    elif rec.year or rec.hijri:
        date = str(rec.year or rec.hijri)
    parts = [x for x in (name, rec.title, rec.edition, rec.publisher, rec.place, date) if x]
    page = f"ص {rng.randint(3, 400)}"
    text = "، ".join([*parts, page])
    return text.translate(_AR_DIGITS) if look.arabic_digits else text


def _op_cit(rec: Parts, rng: Random, look: Look) -> str:
    head = rec.family if rec.corporate or not rec.given else f"{rec.given} {rec.family}"
    text = f"{head or rec.title}، المصدر السابق، ص {rng.randint(3, 400)}"
    return text.translate(_AR_DIGITS) if look.arabic_digits else text


def _sort_key(p: Parts) -> str:
    return p.family or p.title


def article(records: list[Record], rng: Random) -> str:
    """One article's text (ends with a newline)."""
    look = Look(style="iraqi", arabic_digits=rng.random() < 0.6, parens=rng.random() < 0.5)
    lines = [rng.choice(_TITLES), ""]
    # footnotes: every record is cited at least once, some twice (op. cit.)
    cites = list(records) + rng.sample(records, k=len(records) // 3)
    rng.shuffle(cites)
    seen: set[str] = set()
    headings = iter(_HEADINGS)
    while cites:
        heading = next(headings, None)
        if heading:
            lines += [heading, ""]
        page = cites[: rng.randint(2, 5)]
        cites = cites[len(page) :]
        body: list[str] = []
        for n, _rec in enumerate(page, 1):
            sentence = rng.choice(_SENTENCES)
            marker = str(n).translate(_AR_DIGITS) if look.arabic_digits else str(n)
            body.append(f"{sentence} ({marker}).")
        lines += [" ".join(body), ""]
        for n, rec in enumerate(page, 1):
            marker = str(n).translate(_AR_DIGITS) if look.arabic_digits else str(n)
            text = (
                _op_cit(rec.arabic, rng, look)
                if rec.rid in seen
                else _footnote(rec.arabic, rng, look)
            )
            seen.add(rec.rid)
            lines += [f"({marker}) {text}", ""]
    lines += ["المصادر:", ""]
    for k, rec in enumerate(sorted(records, key=lambda r: _sort_key(r.arabic)), 1):
        lines.append(f"{k}. {format_entry(rec.arabic, arabic=True, look=look)}")
    lines += ["", "Bibliography :", ""]
    for k, rec in enumerate(sorted(records, key=lambda r: _sort_key(r.latin).lower()), 1):
        lines.append(f"{k}. {format_entry(rec.latin, arabic=False, look=look)}")
    return "\n".join(lines) + "\n"


_WORD = re.compile(r"[^\W\d_]{4,}")
_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def respell(text: str, rng: Random) -> str:
    """``text`` with one inner letter changed in about half its words of 4+ letters
    (Arabic letters in Arabic words, Latin in the others); the title line and the
    headings (lines ending in ``:``, ``المبحث``/``المطلب`` lines) are kept."""

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if rng.random() < 0.5:
            return w
        j = rng.randrange(1, len(w) - 1)
        arabic = any("\u0600" <= c <= "\u06ff" for c in w)
        return w[:j] + rng.choice(_ARABIC_LETTERS if arabic else _LATIN_LETTERS) + w[j + 1 :]

    lines = text.split("\n")
    for n, line in enumerate(lines):
        s = line.strip()
        if n and not s.endswith(":") and not s.startswith(("المبحث", "المطلب")):
            lines[n] = _WORD.sub(word, line)
    return "\n".join(lines)


def usable(records: list[Record]) -> list[Record]:
    """Records that print a head (author or title) on both sides."""
    return [
        r
        for r in records
        if (r.arabic.family or r.arabic.title) and (r.latin.family or r.latin.title)
    ]


def generate(
    out: Path = DEFAULT_OUT,
    *,
    n: int = 1000,
    seed: int = DEFAULT_SEED,
    data: Path = DEFAULT_DATA,
    respelled: bool = False,
) -> list[Path]:
    """Write ``n`` articles under ``out``; return their paths in order.

    With ``respelled`` every article goes through :func:`respell` (its own random
    stream, so the articles are otherwise those of the plain corpus)."""
    pool = usable([clean_record(r) for r in load_records(data)])
    rng = Random(seed)
    spell = Random(seed + 1)
    paths: list[Path] = []
    for i in range(1, n + 1):
        chosen = rng.sample(pool, k=rng.randint(15, 40))
        path = out / f"{(i - 1) // 100:03d}" / f"article-{i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = article(chosen, rng)
        if respelled:
            text = respell(text, spell)
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, default=None, help=f"directory ({DEFAULT_OUT})")
    p.add_argument("-n", type=int, default=1000, help="number of articles (1000)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="aco-dev.jsonl")
    p.add_argument(
        "--respell",
        action="store_true",
        help=f"new words in every article (default --out {RESPELLED_OUT})",
    )
    args = p.parse_args(argv)
    out = args.out or (RESPELLED_OUT if args.respell else DEFAULT_OUT)
    paths = generate(out, n=args.n, seed=args.seed, data=args.data, respelled=args.respell)
    size = sum(q.stat().st_size for q in paths)
    print(f"{len(paths)} articles, {size / 1e6:.2f} MB in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
