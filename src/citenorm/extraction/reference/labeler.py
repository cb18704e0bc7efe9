"""The linear-chain CRF that labels a reference's tokens (python-crfsuite).

The model is package data (``data/model.crfsuite``), opened on first use and kept for
the life of the process; ``training/parser/build.py`` rebuilds it. Labels:
``author editor title container collection edition volume issue pages publisher place
date url accessed genre note other``.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from citenorm._data import data_file
from citenorm.extraction.reference.features import sequence_attributes
from citenorm.extraction.reference.tokens import Token

if TYPE_CHECKING:
    import pycrfsuite

__all__ = ["LABELS", "label_many", "label_tokens", "model_path"]

LABELS = (
    "author",
    "editor",
    "title",
    "container",
    "collection",
    "edition",
    "volume",
    "issue",
    "pages",
    "publisher",
    "place",
    "date",
    "url",
    "accessed",
    "genre",
    "note",
    "other",
)

_lock = threading.Lock()
_tagger: pycrfsuite.Tagger | None = None


def model_path() -> str:
    """The shipped model file."""
    return data_file("citenorm.extraction.reference", "data", "model.crfsuite")


def _get_tagger() -> pycrfsuite.Tagger:
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                import pycrfsuite

                tagger = pycrfsuite.Tagger()
                tagger.open(model_path())
                _tagger = tagger
    return _tagger


def label_tokens(tokens: list[Token]) -> list[str]:
    """The most likely label of every token (Viterbi decoding)."""
    if not tokens:
        return []
    tagger = _get_tagger()
    with _lock:  # a crfsuite tagger is not safe to share between threads
        labels: list[str] = tagger.tag(sequence_attributes(tokens))
    return labels


def label_many(sequences: list[list[Token]]) -> list[list[str]]:
    """:func:`label_tokens` of several references, one after the other (the model's
    tables stay in the processor's caches from one reference to the next, as they do
    not while other work, the fields of the references, runs in between)."""
    tagger = _get_tagger()
    # each reference's features go to the tagger as soon as they are computed, as the
    # lists it reads: held for the whole batch (as crfsuite ItemSequences, ~2 MB of C++
    # strings for 64 references, which the tagger copies again and reads back from
    # memory; or as lists, which add collections of the young generation) they cost more
    out: list[list[str]] = []
    for tokens in sequences:
        if not tokens:
            out.append([])
            continue
        attributes = sequence_attributes(tokens)
        with _lock:  # (a crfsuite tagger is not safe to share between threads)
            out.append(tagger.tag(attributes))
    return out
