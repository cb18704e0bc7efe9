"""Build the romanizer's package data from ``../shared/data``, bit for bit.

    .venv/bin/python training/romanize/build.py [--check]
    .venv/bin/python training/romanize/build.py --tune --out DIR   # without the tuning fold

Writes, in ``src/citenorm/text/romanize/data/``:

* ``words.tsv.gz``: the word table learned from the training part of
  ``aco-train.jsonl`` (see ``corpus.py`` for the split): romanization counts per word
  and field group (``U``), after a previous word (``P``), before a kind of previous or
  next word (``C``, ``N``, per field group), before a next word (``X``), the tāʼ
  marbūṭah rule (``T``, ``M``) and printed forms (``D``). Words come from the fields
  whose Arabic and romanized forms have as many words, and (counts only, no context)
  from the words of the other fields that match in order (``corpus.match_words``);
  forms with stray marks are dropped;
* ``names.tsv.gz``: the headings lexicon (``_names.py``): each author heading's name part
  (its words before the dates, keyed unvowelled and folded) with the romanization the
  training part catalogued most often;
* ``western.tsv.gz``: the Western names (``_foreign.py``): the name words of the training
  part's headings written in a Western spelling and the author and editor names of
  AnyStyle's four training files (never ``gold.xml``), with their counts; and the
  character n-gram counts of the Arabic name words of headings spelled the Western way
  and the ALA-LC way; ``anystyle-LICENSE.txt``, AnyStyle's BSD-2-Clause licence beside it;
* ``chars.txt.gz``: the character-level joint-sequence model (Kneser-Ney), trained on
  the distinct aligned (word, romanization) pairs;
* ``ranker.tsv.gz``: the unknown-word re-ranker's weights (``_ranker.py``), learned on
  words simulated unknown: the training records are cut in ``FOLDS`` folds by record id,
  and each fold's words that the tables learned from the other folds lack are decoded
  with those tables (never the tuning fold or the held-out tenth);
* ``camel-alalc.tsv.gz`` and ``camel-alalc-LICENSE.txt``: the CAMeL word table and its
  BSD-3-Clause licence, copied (compressed) from ``../shared/data``.

Everything is sorted and gzip-compressed with a zero timestamp, so that two runs give the
same bytes; ``--check`` rebuilds in memory and fails if a shipped file differs.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import (
    CAMEL,
    CAMEL_LICENSE,
    DATA,
    ROOT,
    SEED,
    Aligned,
    aligned_fields,
    records,
    strict_fit,
)

from citenorm.text.romanize._chars import JointModel, align, normalize_latin
from citenorm.text.romanize._foreign import word_grams
from citenorm.text.romanize._model import Model, Tables, next_class, prev_class
from citenorm.text.romanize._names import latin_name_part, name_key, name_span
from citenorm.text.romanize._ranker import Candidate, Case, Ranker, features
from citenorm.text.romanize._ranker import train as fit
from citenorm.text.romanize._romanizer import heading_stops
from citenorm.text.romanize._tokens import Token, tokenize
from citenorm.text.vocab import NAME_PARTICLES_LATIN

OUT = ROOT / "src" / "citenorm" / "text" / "romanize" / "data"
ORDER = 5  # graphone n-gram order
MIN_HISTORY = 1  # 2 would prune histories seen once: 40% faster to load, 0.3 points worse on titles
# a context row is kept when it was seen this often and its best romanization differs
# from the word's overall best (other rows would only repeat the overall counts)
MIN_CONTEXT = 2
# the unknown-word re-ranker learns from words simulated unknown: the training records
# cut in this many folds by record id, each fold decoded with the tables of the others
FOLDS = 4
_QUOTES = str.maketrans({"‘": "ʻ", "ʿ": "ʻ", "’": "ʼ", "ʾ": "ʼ", "'": "ʼ"})


def _printed(word: str) -> str:
    from citenorm.text.romanize._chars import _TIES

    return unicodedata.normalize("NFC", _TIES.sub("", word)).translate(_QUOTES)


def build(*, tune: bool = False) -> dict[str, bytes]:
    """The package data's bytes; ``tune``: trained without the tuning fold."""
    recs = list(records(held=False, tune=False if tune else None))
    words_tsv, aligned = learn(recs)
    chars = JointModel.train(aligned, order=ORDER, min_count=MIN_HISTORY).dump()
    ranker = train_ranker(recs).dump()
    return {
        "words.tsv.gz": _gz(words_tsv.encode()),
        "names.tsv.gz": _gz(learn_names(recs).encode()),
        "western.tsv.gz": _gz(learn_western(recs).encode()),
        "anystyle-LICENSE.txt": ANYSTYLE_LICENSE.read_bytes(),
        "chars.txt.gz": _gz(chars.encode()),
        "ranker.tsv.gz": _gz(ranker.encode()),
        "camel-alalc.tsv.gz": _gz(CAMEL.read_bytes()),
        "camel-alalc-LICENSE.txt": CAMEL_LICENSE.read_bytes(),
    }


Pair = tuple[str, list[str], int, str]


def _arabic_words(
    rec: dict[str, str | None], *, partial: Callable[[str, str], bool] | None = None
) -> Iterator[tuple[Aligned, int, Token, str]]:
    """The Arabic words of ``rec``'s aligned fields (``partial``: see ``aligned_fields``)
    with their catalogued forms, as (field, place in it, token, form): forms with a stray
    mark or sign (Riḍā̄, D⁻ar: a typo, not a spelling) left out, and a heading's first
    word given back the article the heading drops."""
    for item in aligned_fields(rec, partial=partial):
        for i, (tok, word) in enumerate(zip(item.tokens, item.latin, strict=True)):
            if tok.kind != "arabic":
                continue
            form = _printed(word)
            if not well_formed(form):
                continue
            if (
                item.field == "author"
                and i == 0
                and tok.text.startswith("ال")
                and not form.lower().startswith("al-")
            ):
                form = "al-" + form  # a heading drops the article: the word has it
            yield item, i, tok, form


def learn(recs: list[dict[str, str | None]]) -> tuple[str, list[Pair]]:
    """The word table's text and the character model's aligned pairs, from records."""
    uni: Counter[tuple[str, str, str]] = Counter()
    prev: Counter[tuple[str, str, str]] = Counter()
    nxt: Counter[tuple[str, str, str]] = Counter()
    marbuta: Counter[tuple[str, str, str]] = Counter()
    prev_cls: Counter[tuple[str, str, str]] = Counter()
    next_word: Counter[tuple[str, str, str]] = Counter()
    marbuta_word: Counter[tuple[str, str, str]] = Counter()
    pairs: set[tuple[str, str, str]] = set()
    fits: dict[tuple[str, str], bool] = {}

    strict: dict[tuple[str, str], bool] = {}

    def same(key: str, word: str) -> bool:
        """May an Arabic word of a field that does not align be this Latin word?"""
        form = _printed(word)
        if not well_formed(form):
            return False
        norm = normalize_latin(form)
        if (key, norm) not in strict:
            strict[key, norm] = strict_fit(key, norm)
        return strict[key, norm]

    for rec in recs:
        # fields whose word counts differ lend the words that match in order (11% of the
        # training words are in such fields)
        for item, i, tok, form in _arabic_words(rec, partial=same):
            toks = item.tokens
            norm = normalize_latin(form)
            key = tok.text
            if (key, norm) not in fits:
                fits[key, norm] = align(key, norm) is not None or consonants_fit(key, norm)
            if not fits[key, norm]:
                continue  # a translation ("Prince" for الأمير) or a typo, not a romanization
            # a title's first word is capitalized whatever it is: its case says nothing
            group = "title0" if item.group == "title" and i == 0 else item.group
            uni[group, key, form] += 1
            pairs.add((key, norm, item.group))
            if item.partial:
                continue  # its neighbours are not known: no context counts
            p = toks[i - 1].text if i > 0 and toks[i - 1].kind == "arabic" else ""
            if p:
                prev[p, key, norm] += 1
            n = next_class(toks, i, group=item.group)
            # the kinds of neighbours are counted per field group: a name heading's
            # first word (al-Iraq, a jurisdiction) is not a title's (al-ʻIrāq)
            nxt[f"{item.group}|{n}", key, norm] += 1
            prev_cls[f"{item.group}|{prev_class(toks, i)}", key, norm] += 1
            if i + 1 < len(toks) and toks[i + 1].kind == "arabic":
                next_word[toks[i + 1].text, key, norm] += 1
            if key.endswith("ة") and norm.endswith(("ah", "at")):
                definite = "D" if key.startswith(("ال", "وال", "بال", "لل", "فال")) else "I"
                marbuta[definite, n, norm[-2:]] += 1
                marbuta_word[n, key, norm[-2:]] += 1
    best: dict[str, str] = {}
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for (_g, key, form), c in uni.items():
        totals[key][normalize_latin(form)] += c
    for key, counts in totals.items():
        best[key] = max(sorted(counts), key=counts.__getitem__)

    lines = ["# citenorm romanizer word table: kind, context, word, romanization, count"]
    # U: counts per field group of each normalized romanization; D: the printed (cased)
    # form of a normalized romanization in a field group, when it is not the normalized one
    grouped: Counter[tuple[str, str, str]] = Counter()
    display: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (g, k, f), c in uni.items():
        norm = normalize_latin(f)
        grouped[g, k, norm] += c
        display[g, norm][f] += c
        if g != "title0":
            display["", norm][f] += c
    lines += [f"U\t{g}\t{k}\t{n}\t{c}" for (g, k, n), c in sorted(grouped.items())]
    tops = {gn: max(sorted(forms), key=forms.__getitem__) for gn, forms in display.items()}
    for (g, norm), top in sorted(tops.items()):
        # a group's form is written when it is not the normalized one, or when the
        # fallback (any group, then a title's first word) would give another
        fallback = ("title0", norm) if not g else ("", norm)  # what the loader tries next
        if top != norm or (g != "title0" and tops.get(fallback, norm) != norm):
            lines.append(f"D\t{g}\t{norm}\t{top}\t{display[g, norm][top]}")
    for kind, table in (("P", prev), ("N", nxt), ("C", prev_cls), ("X", next_word)):
        by_ctx: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for (ctx, key, norm), c in table.items():
            by_ctx[ctx, key][norm] += c
        for (ctx, key), counts in sorted(by_ctx.items()):
            top = max(sorted(counts), key=counts.__getitem__)
            if sum(counts.values()) >= MIN_CONTEXT and top != best[key]:
                lines += [f"{kind}\t{ctx}\t{key}\t{r}\t{c}" for r, c in sorted(counts.items())]
    lines += [f"T\t{d}\t{n}\t{s}\t{c}" for (d, n, s), c in sorted(marbuta.items())]
    lines += [f"M\t{n}\t{k}\t{s}\t{c}" for (n, k, s), c in sorted(marbuta_word.items())]
    words_tsv = "\n".join(lines) + "\n"

    aligned: list[Pair] = []
    for key, norm, group in sorted(pairs):
        chunks = align(key, norm)
        if chunks is not None:
            aligned.append((key, chunks, 1, group))
    print(
        f"words: {len(uni)} rows, {len(totals)} words; chars: {len(aligned)} of "
        f"{len(pairs)} pairs aligned",
        file=sys.stderr,
    )
    return words_tsv, aligned


def learn_names(recs: list[dict[str, str | None]]) -> str:
    """The headings lexicon's text (``_names.py``): each author heading's name part, keyed
    by its Arabic words, with the romanization catalogued most often (ties: the first in
    sorted order) and its count."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for rec in recs:
        arabic, latin = rec.get("author_arabic"), rec.get("author_romanized")
        if not arabic or not latin:
            continue
        tokens = tokenize(arabic)
        end = name_span(tokens, heading_stops(tokens))
        form = _printed_heading(latin_name_part(latin))
        if end and form:
            forms[name_key(tokens[:end])][form] += 1
    lines = ["# citenorm romanizer headings: name key, catalogued name part, count"]
    for key, counts in sorted(forms.items()):
        best = max(sorted(counts), key=counts.__getitem__)
        lines.append(f"{key}\t{best}\t{counts[best]}")
    print(f"names: {len(lines) - 1} headings", file=sys.stderr)
    return "\n".join(lines) + "\n"


# AnyStyle's labelled references (BSD-2-Clause): the training files, never gold.xml
ANYSTYLE = ("core.xml", "good.xml", "bad.xml", "ugly.xml")
ANYSTYLE_LICENSE = DATA / "anystyle" / "LICENSE"
_NAME_FIELD = re.compile(r"<(author|editor)>(.*?)</\1>", re.S)
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# words of an author string that are no name: particles, roles, "et al."
_NOT_NAMES = NAME_PARTICLES_LATIN | {
    "ed",
    "eds",
    "edd",
    "edited",
    "editor",
    "editors",
    "hrsg",
    "hg",
    "trans",
    "tr",
    "comp",
    "et",
    "in",
    "inc",
    "jr",
    "sr",
    "the",
    "by",
    "with",
    "und",
    "y",
    "dir",
    "coord",
}
# ALA-LC's own marks (a heading that has them is romanized, not a Western spelling):
# macron, dot and bar below, breve, ʻayn and hamza, and the acute of á (not é: Lévi)
_ALALC_MARKS = re.compile("[\u0304\u0323\u0331\u0324\u0306ʻʼ]|a\u0301")
# letters ALA-LC romanization of Arabic never writes
_WESTERN = re.compile(r"[ceopvx]")


def _western_words(text: str) -> list[str]:
    """The name words of a Latin author string: capitalized words of two letters or
    more, not all upper case (initials, ``ED``), not a particle or a role (``and``,
    ``von``, ``Ed``)."""
    return [
        w
        for w in _LATIN_WORD.findall(text)
        if len(w) > 1 and w[0].isupper() and not w.isupper() and w.lower() not in _NOT_NAMES
    ]


def heading_spelling(latin: str) -> str | None:
    """How a catalogued heading's name part is spelled: ``A`` ALA-LC (it has ALA-LC
    marks), ``W`` a Western spelling (no ALA-LC mark, a letter ALA-LC never writes),
    None when it does not tell (``Badr, Shams``)."""
    part = unicodedata.normalize("NFD", latin_name_part(latin))
    if _ALALC_MARKS.search(part):
        return "A"
    words = _western_words(unicodedata.normalize("NFC", part))
    return "W" if any(_WESTERN.search(w.lower()) for w in words) else None


def learn_western(recs: list[dict[str, str | None]]) -> str:
    """The Western names' text (``_foreign.py``): ``N`` rows, the name words of the
    training records' headings written in a Western spelling and the author and editor
    names of AnyStyle's training files, with how often each was seen; ``G`` rows, the
    character n-grams of the Arabic name words of the training headings spelled the
    Western way and the ALA-LC way, with their counts in each."""
    counts: Counter[str] = Counter()
    grams: dict[str, Counter[str]] = {"W": Counter(), "A": Counter()}
    for rec in recs:
        latin, arabic = rec.get("author_romanized"), rec.get("author_arabic")
        if not latin or not arabic:
            continue
        spelling = heading_spelling(latin)
        if spelling is None:
            continue
        if spelling == "W":
            counts.update(_western_words(unicodedata.normalize("NFC", latin_name_part(latin))))
        tokens = tokenize(arabic)
        end = name_span(tokens, heading_stops(tokens))
        for tok in tokens[:end]:
            if tok.kind == "arabic":
                grams[spelling].update(word_grams(tok.text))
    for name in ANYSTYLE:
        text = (DATA / "anystyle" / name).read_text(encoding="utf-8")
        for m in _NAME_FIELD.finditer(text):
            counts.update(_western_words(html.unescape(m.group(2))))
    lines = ["# citenorm romanizer Western names: N name count / G n-gram western alalc"]
    lines += [f"N\t{w}\t{n}" for w, n in sorted(counts.items())]
    for g in sorted(set(grams["W"]) | set(grams["A"])):
        lines.append(f"G\t{g}\t{grams['W'][g]}\t{grams['A'][g]}")
    print(f"western: {len(counts)} names, {len(lines) - len(counts) - 1} n-grams", file=sys.stderr)
    return "\n".join(lines) + "\n"


def _printed_heading(text: str) -> str:
    """A heading as printed: bidi marks dropped, quotes and ties as the word table's."""
    text = "".join(ch for ch in text if ch not in "\u200e\u200f\u202a\u202b\u202c")
    return " ".join(_printed(w) for w in text.split())


def _fold(record_id: str) -> int:
    digest = hashlib.sha256(f"{SEED}:rank:{record_id}".encode()).hexdigest()
    return int(digest, 16) % FOLDS


def _stem(norm: str, key: str) -> str:
    """A tāʼ marbūṭah word's romanization without -ah/-at (the rule decides it later)."""
    return norm[:-2] if key.endswith("ة") and norm.endswith(("ah", "at")) else norm


def unknown_cases(
    model: Model, recs: list[dict[str, str | None]]
) -> Iterator[tuple[str, str, list[Candidate], int, str]]:
    """The words of ``recs``' aligned fields that ``model``'s tables lack (they reach
    the character model), as (word, field group, candidates, pattern count, the
    catalogued romanization normalized)."""
    for rec in recs:
        for item, i, tok, form in _arabic_words(rec):
            toks = item.tokens
            key = tok.text
            if model.knows(key):
                continue
            group = item.group
            if (
                model.clitic_choice(key, group=group, nxt=next_class(toks, i, group=group))
                is not None
            ):  # type: ignore[arg-type]
                continue
            cands, patterns = model.unknown_candidates(key, group=group)  # type: ignore[arg-type]
            if cands:
                yield key, group, cands, patterns, normalize_latin(form)


def train_ranker(recs: list[dict[str, str | None]]) -> Ranker:
    """The unknown-word re-ranker, learned on unknown words simulated in ``recs``: each
    fold's words that the tables learned from the other folds lack."""
    cases: list[Case] = []
    reach = right = 0
    for k in range(FOLDS):
        rest = [r for r in recs if _fold(str(r["record_id"])) != k]
        held = [r for r in recs if _fold(str(r["record_id"])) == k]
        words_tsv, aligned = learn(rest)
        model = Model(
            Tables(words_tsv),
            None,
            chars=JointModel.train(aligned, order=ORDER, min_count=MIN_HISTORY),
            ranker=False,
        )
        for key, group, cands, patterns, gold in unknown_cases(model, held):
            total = sum(c.support for c in cands)
            gold_stem = _stem(gold, key)
            labels = [_stem(c.latin, key) == gold_stem for c in cands]
            reach += any(labels)
            right += 1
            feats = [
                features(key, c, group=group, total_support=total, patterns=patterns) for c in cands
            ]
            cases.append((feats, labels))
    print(
        f"ranker: {right} unknown words in {FOLDS} folds, {reach} with the right candidate",
        file=sys.stderr,
    )
    return fit(cases)


# marks that ALA-LC tables use beyond the precomposed letters: z̤ (Persian ض), s̲ z̲ (ث ذ)
_EXTRA_MARKS = frozenset("\u0324\u0332")


def well_formed(form: str) -> bool:
    """A printed romanization made of letters, ʻ ʼ ʹ and hyphens, with no mark left over
    after NFC composition but those of the Persian table."""
    return all(ch.isalpha() or ch in "-ʻʼʹ" or ch in _EXTRA_MARKS for ch in form) and not any(
        unicodedata.combining(ch) and ch not in _EXTRA_MARKS for ch in form
    )


def consonants_fit(key: str, norm: str) -> bool:
    """A pair outside the alignment grammar (``بن`` -> ``ibn``) whose consonants still
    fit the Arabic letters: kept in the word table."""
    from citenorm.text.romanize._article import fits
    from citenorm.text.romanize._model import _fallback

    return fits(_fallback(key), norm, threshold=75.0)


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--check", action="store_true", help="fail if a shipped file differs")
    ap.add_argument(
        "--tune",
        action="store_true",
        help="train without the tuning fold (for benchmarks/romanize.py --tune --data OUT)",
    )
    ap.add_argument("--out", type=Path, help="write here instead of the package data")
    args = ap.parse_args()
    if args.tune and not args.out:
        ap.error("--tune writes elsewhere than the package data: give --out DIR")
    out: Path = args.out or OUT
    files = build(tune=args.tune)
    if args.check:
        bad = [
            n for n, b in files.items() if not (out / n).is_file() or (out / n).read_bytes() != b
        ]
        for name in bad:
            print(f"differs: {name}", file=sys.stderr)
        return 1 if bad else 0
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
