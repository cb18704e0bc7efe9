"""The romanizer's training and held-out data: catalogue records cut into aligned words.

``aco-train.jsonl`` (``../shared/data``) is split by record with a fixed seed: a record
whose ``sha256("2026:" + record_id)`` is 0 modulo 10 is held out (972 of 10,006 records),
the others train. The split depends on nothing but the record id, so the training script
and ``benchmarks/romanize.py`` agree without sharing a file. The held-out tenth is never
read by the training script.

Choices of the model (features, smoothing, rules) are made on a *tuning fold* of the
training part (``sha256("2026:tune:" + record_id)`` 0 modulo 9, about a ninth):
``build.py --tune`` trains on the rest, ``benchmarks/romanize.py --tune`` measures on it.
The shipped model trains on the whole training part, and only its figures on the
held-out tenth are reported.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from citenorm.text.romanize._chars import align  # noqa: E402
from citenorm.text.romanize._tokens import Token, tokenize  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
TRAIN = DATA / "aco-train.jsonl"
CAMEL = DATA / "camel-alalc-mle-size1.0.tsv"
CAMEL_LICENSE = DATA / "camel-alalc-LICENSE.txt"
SEED = 2026

# catalogue field -> the romanizer's field group (casing and context)
FIELDS = {
    "author": "name",
    "title": "title",
    "statement_of_responsibility": "title",
    "edition": "title",
    "series": "title",
    "place": "imprint",
    "publisher": "imprint",
}
_STRIP = '.,:;/=[]()?!"«»،؛؟\u200e\u200f'


def heldout(record_id: str) -> bool:
    """True for the tenth of the records kept for measuring."""
    digest = hashlib.sha256(f"{SEED}:{record_id}".encode()).hexdigest()
    return int(digest, 16) % 10 == 0


def tuning(record_id: str) -> bool:
    """True for the tuning fold of the training part (never true of a held-out record)."""
    if heldout(record_id):
        return False
    digest = hashlib.sha256(f"{SEED}:tune:{record_id}".encode()).hexdigest()
    return int(digest, 16) % 9 == 0


def records(
    path: Path = TRAIN, *, held: bool, tune: bool | None = None
) -> Iterator[dict[str, str | None]]:
    """The training records (``held=False``) or the held-out tenth (``held=True``).
    ``tune``: of the training records, only the tuning fold (True) or all but it (False)."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if heldout(rec["record_id"]) != held:
                continue
            if tune is not None and tuning(rec["record_id"]) != tune:
                continue
            yield rec


def latin_words(text: str) -> list[str]:
    """A romanized catalogue value cut into words, ISBD punctuation stripped."""
    out = []
    for word in text.split():
        word = word.strip(_STRIP)
        if word and word.strip("-–—_"):
            out.append(word)
    return out


@dataclass(frozen=True)
class Aligned:
    """One field whose Arabic and romanized forms have the same number of words; or,
    ``partial``, the words of a field that do not that could be matched one to one."""

    field: str
    group: str
    tokens: list[Token]  # the Arabic side without punctuation
    latin: list[str]
    partial: bool = False


def aligned_fields(
    rec: dict[str, str | None],
    *,
    partial: Callable[[str, str], bool] | None = None,
) -> Iterator[Aligned]:
    """The word-aligned fields of a record (the others are skipped, as in CAMeL; with
    ``partial``, a test that an Arabic word and a Latin one may be the same word, their
    words that match in order are yielded as well: :func:`match_words`)."""
    for field, group in FIELDS.items():
        arabic, latin = rec.get(f"{field}_arabic"), rec.get(f"{field}_romanized")
        if not arabic or not latin:
            continue
        # as the romanizer reads them: imprints keep a و typed apart
        tokens = [t for t in tokenize(arabic, join_wa=group != "imprint") if t.kind != "punct"]
        words = latin_words(latin)
        if len(tokens) == len(words):
            yield Aligned(field, group, tokens, words)
        elif partial is not None:
            matched = match_words(tokens, words, partial)
            if matched:
                toks, lats = zip(*matched, strict=True)
                yield Aligned(field, group, list(toks), list(lats), partial=True)


def strict_fit(key: str, norm: str) -> bool:
    """May an Arabic word (key) be this romanized word (normalized) in a field that does
    not align? Only when every letter writes its part of it (:func:`align`), the first
    not silent: a looser fit would take two words typed together (محمدعلى) for the first
    (Muḥammad), or ``والشمس`` for the ``al-shams`` of a cataloguer's ``wa al-shams``."""
    chunks = align(key, norm)
    return chunks is not None and chunks[0] != ""


def match_words(
    tokens: list[Token], words: list[str], same: Callable[[str, str], bool], *, band: int = 3
) -> list[tuple[Token, str]]:
    """The longest in-order one-to-one matching of Arabic words and Latin words (``same``
    decides whether two may match; positions at most ``band`` apart beyond the length
    difference): the words of a field whose cataloguer split, joined, added or dropped a
    few."""
    n, m = len(tokens), len(words)
    reach = band + abs(n - m)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = max(best[i + 1][j], best[i][j + 1])
            if (
                abs(i - j) <= reach
                and tokens[i].kind == "arabic"
                and same(tokens[i].text, words[j])
            ):
                score = max(score, best[i + 1][j + 1] + 1)
            best[i][j] = score
    out: list[tuple[Token, str]] = []
    i = j = 0
    while i < n and j < m:
        if (
            abs(i - j) <= reach
            and tokens[i].kind == "arabic"
            and best[i][j] == best[i + 1][j + 1] + 1
            and same(tokens[i].text, words[j])
        ):
            out.append((tokens[i], words[j]))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return out
