"""Build the reference labeler's training data and train its CRF model.

    python training/parser/build.py            # writes src/citenorm/extraction/reference/data/model.crfsuite

Reads ``../shared/data`` (or ``--shared DIR``): ``aco-train.jsonl`` rendered into
synthetic references (``synth.py``) and AnyStyle's ``core``, ``good``, ``bad`` and
``ugly`` XML (never ``gold.xml``, the evaluation set). Everything is seeded: two runs
give the same model file, byte for byte (``--check`` builds twice and compares).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pycrfsuite

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from synth import (  # noqa: E402
    English,
    ForeignRecord,
    Vocab,
    english,
    hard_cases,
    load_records,
    render,
    render_record,
    set_era_stream,
)

from citenorm.extraction.reference.features import CUES, fold_word, sequence_features  # noqa: E402
from citenorm.extraction.reference.tokens import tokenize  # noqa: E402
from citenorm.text.normalize import clean  # noqa: E402

MODEL = ROOT / "src" / "citenorm" / "extraction" / "reference" / "data" / "model.crfsuite"
ANYSTYLE_FILES = ("core.xml", "good.xml", "bad.xml", "ugly.xml")  # never gold.xml
ANYSTYLE_LABELS = {
    "author": "author",
    "editor": "editor",
    "translator": "editor",
    "director": "editor",
    "producer": "editor",
    "title": "title",
    "journal": "container",
    "container-title": "container",
    "collection-title": "collection",
    "edition": "edition",
    "volume": "volume",
    "pages": "pages",
    "publisher": "publisher",
    "location": "place",
    "date": "date",
    "url": "url",
    "doi": "url",
    "genre": "genre",
    "note": "note",
    "medium": "note",
    "isbn": "note",
    "source": "note",
    "citation-number": "other",
}
SEED = 20261206
# the share of the synthetic Arabic-script years printed with an era word ("سنة 1392 هـ",
# "1392 للهجرة", "1990 ميلادية"; synth.set_era_stream): none in the shipped model (0.06
# with the era words as cues was tried and lost, see benchmarks/README.md `fields.py`)
ERA_RATE = 0.0

Sequence = tuple[list[list[str]], list[str]]


def labelled(chunks: list[tuple[str, str]]) -> tuple[str, list[str]] | None:
    """Join chunks into one text and label its tokens by the chunk they start in."""
    text = ""
    spans: list[tuple[int, int, str]] = []
    for label, part in chunks:
        part = clean(part)
        if not part:
            continue
        start = len(text)
        text += part
        spans.append((start, len(text), label))
    if not text.strip():
        return None
    tokens = tokenize(text)
    labels: list[str] = []
    k = 0
    for t in tokens:
        while k < len(spans) - 1 and t.start >= spans[k][1]:
            k += 1
        labels.append(spans[k][2])
    return text, labels


def _split_volume(words: list[str], labels: list[str]) -> list[str]:
    """AnyStyle's ``volume`` segments hold the issue too: ``12(3)``, ``Vol. 9, No. 2``."""
    out = list(labels)
    i = 0
    while i < len(words):
        if labels[i] != "volume":
            i += 1
            continue
        j = i
        while j < len(words) and labels[j] == "volume":
            j += 1
        seen_number = False
        for k in range(i, j):
            w = words[k]
            if w[:1].isdigit():
                seen_number = True
            cue = CUES.get(fold_word(w)) if w[:1].isalpha() else None
            if (seen_number and w == "(" and k + 1 < j and words[k + 1][:1].isdigit()) or (
                cue == "ISS" and k > i
            ):
                for m in range(k, j):
                    out[m] = "issue"
                break
        i = j
    return out


_FIELD_STRIP = " ,.;:()[]"


def anystyle_records(shared: Path) -> list[ForeignRecord]:
    """The field values of AnyStyle's training references (not gold.xml), to render in
    the Latin-script styles of Arabic lists."""
    out: list[ForeignRecord] = []
    for name in ANYSTYLE_FILES:
        root = ET.parse(shared / "data" / "anystyle" / name).getroot()
        for seq in root.iter("sequence"):
            fields: dict[str, str] = {}
            for el in seq:
                v = " ".join((el.text or "").split()).strip(_FIELD_STRIP)
                key = {"journal": "container", "container-title": "container"}.get(el.tag, el.tag)
                if v and key not in fields:
                    fields[key] = v.strip('"“”')
                    if key == "container":
                        fields["container_kind"] = (
                            "book" if el.tag == "container-title" else "journal"
                        )
            if fields.get("title") and fields.get("author"):
                out.append(ForeignRecord(fields))
    return out


def anystyle(shared: Path) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for name in ANYSTYLE_FILES:
        root = ET.parse(shared / "data" / "anystyle" / name).getroot()
        for seq in root.iter("sequence"):
            chunks = []
            for el in seq:
                label = ANYSTYLE_LABELS.get(el.tag, "note")
                chunks.append((label, " ".join((el.text or "").split()) + " "))
            item = labelled(chunks)
            if item is None:
                continue
            text, labels = item
            words = [t.text for t in tokenize(text)]
            out.append((text, _split_volume(words, labels)))
    return out


def synthetic(
    shared: Path,
    n_arabic: int,
    n_latin: int,
    n_foreign: int = 0,
    n_english: int = 0,
    n_hard: int = 0,
    hard_latin: float = 1.0,
    era_rate: float = ERA_RATE,
) -> list[tuple[str, list[str]]]:
    rng = random.Random(SEED)
    # the era words after years (synth._year_text) on a stream of their own
    set_era_stream(random.Random(SEED + 2), era_rate)
    records = load_records(shared / "data" / "aco-train.jsonl")
    vocab = Vocab(records, rng)
    out: list[tuple[str, list[str]]] = []
    for script, n in (("arabic", n_arabic), ("latin", n_latin)):
        made = 0
        while made < n:
            raw = rng.choice(records)
            chunks = render(rng, vocab, raw, script)
            item = labelled(chunks) if chunks else None
            if item is None:
                continue
            out.append(item)
            made += 1
    foreign = anystyle_records(shared)
    vocab.publishers_foreign = sorted({r.publisher for r in foreign if r.publisher})
    made = 0
    while made < n_foreign and foreign:
        chunks = render_record(rng, vocab, rng.choice(foreign), "latin")
        item = labelled(chunks) if chunks else None
        if item is not None:
            out.append(item)
            made += 1
    en = English(vocab, foreign)
    for _ in range(n_english):
        item = labelled(english(rng, en))
        if item is not None:
            out.append(item)
    # the harder cases draw on a stream of their own, so the sets above stay as they were
    vocab.rng = hard_rng = random.Random(SEED + 1)
    for chunks in hard_cases(hard_rng, vocab, records, foreign, n_hard, hard_latin):
        item = labelled(chunks)
        if item is not None:
            out.append(item)
    return out


def build_data(
    shared: Path,
    n_arabic: int,
    n_latin: int,
    n_foreign: int,
    n_english: int,
    n_hard: int,
    hard_latin: float,
    era_rate: float = ERA_RATE,
) -> list[tuple[str, list[str]]]:
    data = synthetic(shared, n_arabic, n_latin, n_foreign, n_english, n_hard, hard_latin, era_rate)
    data += anystyle(shared)
    random.Random(SEED).shuffle(data)
    return data


def train(
    data: list[tuple[str, list[str]]], out: Path, *, iterations: int, c1: float, c2: float
) -> None:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for text, labels in data:
        feats = sequence_features(tokenize(text))
        trainer.append(feats, labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 2,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--arabic", type=int, default=18000, help="synthetic Arabic-script references")
    ap.add_argument("--latin", type=int, default=4000, help="synthetic romanized references")
    ap.add_argument("--foreign", type=int, default=6000, help="AnyStyle's references re-rendered")
    ap.add_argument(
        "--english", type=int, default=2000, help="English translations of Arabic references"
    )
    ap.add_argument(
        "--hard",
        type=int,
        default=0,
        help="harder cases of real lists (synth.hard_cases); the shipped model has none",
    )
    ap.add_argument(
        "--hard-latin", type=float, default=1.0, help="scale of the Latin-script hard cases"
    )
    ap.add_argument(
        "--era-rate",
        type=float,
        default=ERA_RATE,
        help="share of the Arabic-script years printed with an era word; the shipped model has none",
    )
    ap.add_argument("--iterations", type=int, default=120)
    ap.add_argument("--c1", type=float, default=0.2)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--dump", type=Path, help="also write the training data (JSON lines)")
    ap.add_argument("--check", action="store_true", help="build twice and compare the hashes")
    args = ap.parse_args()
    t0 = time.time()

    def data_of_args() -> list[tuple[str, list[str]]]:
        return build_data(
            args.shared,
            args.arabic,
            args.latin,
            args.foreign,
            args.english,
            args.hard,
            args.hard_latin,
            args.era_rate,
        )

    data = data_of_args()
    print(
        f"{len(data)} sequences, {sum(len(lab) for _, lab in data)} tokens ({time.time() - t0:.0f}s)",
        file=sys.stderr,
    )
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for text, labels in data:
                fh.write(json.dumps({"text": text, "labels": labels}, ensure_ascii=False) + "\n")
    train(data, args.out, iterations=args.iterations, c1=args.c1, c2=args.c2)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(
        f"model {args.out} {args.out.stat().st_size} bytes sha256 {digest} ({time.time() - t0:.0f}s)",
        file=sys.stderr,
    )
    if args.check:
        again = args.out.with_suffix(".check")
        train(data_of_args(), again, iterations=args.iterations, c1=args.c1, c2=args.c2)
        other = hashlib.sha256(again.read_bytes()).hexdigest()
        again.unlink()
        print("bit for bit: " + ("yes" if other == digest else f"NO ({other})"), file=sys.stderr)
        if other != digest:
            sys.exit(1)


if __name__ == "__main__":
    main()
