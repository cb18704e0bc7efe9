"""The romanizer's training and held-out data: catalogue records cut into aligned words.

``aco-train.jsonl`` (``../shared/data``) is split by record with a fixed seed: a record
whose ``sha256("2026:" + record_id)`` is 0 modulo 10 is held out (972 of 10,006 records),
the others train. The split depends on nothing but the record id, so the training script
and ``benchmarks/romanize.py`` agree without sharing a file. The held-out tenth is never
read by the training script.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

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


def records(path: Path = TRAIN, *, held: bool) -> Iterator[dict[str, str | None]]:
    """The training records (``held=False``) or the held-out tenth (``held=True``)."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if heldout(rec["record_id"]) == held:
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
    """One field whose Arabic and romanized forms have the same number of words."""

    field: str
    group: str
    tokens: list[Token]  # the Arabic side without punctuation
    latin: list[str]


def aligned_fields(rec: dict[str, str | None]) -> Iterator[Aligned]:
    """The word-aligned fields of a record (the others are skipped, as in CAMeL)."""
    for field, group in FIELDS.items():
        arabic, latin = rec.get(f"{field}_arabic"), rec.get(f"{field}_romanized")
        if not arabic or not latin:
            continue
        tokens = [t for t in tokenize(arabic) if t.kind != "punct"]
        words = latin_words(latin)
        if len(tokens) == len(words):
            yield Aligned(field, group, tokens, words)
