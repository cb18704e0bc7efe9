"""One reference (a list entry or a footnote) -> CSL-JSON fields, by a learned labeler.

The reference is cut into tokens with offsets into the printed text
(:mod:`~citenorm.extraction.reference.tokens`), each token is described by plain
features of itself and its neighbours (:mod:`~citenorm.extraction.reference.features`),
a linear-chain CRF labels the tokens with field roles
(:mod:`~citenorm.extraction.reference.labeler`), and the labelled spans become the
values of :class:`~citenorm.models.Fields` (:mod:`~citenorm.extraction.reference.values`).
The model is trained by ``training/parser/build.py`` on references rendered from real
catalogue records in many house styles and on AnyStyle's labelled references.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Literal

from citenorm.extraction.compact import Sharing
from citenorm.extraction.reference.labeler import label_many, label_tokens
from citenorm.extraction.reference.letters import (
    printed_separators,
    printed_words,
    restore_letters,
)
from citenorm.extraction.reference.tokens import Token, tokenize
from citenorm.extraction.reference.values import build_fields
from citenorm.models import Fields
from citenorm.text import _rx
from citenorm.text import patterns as P
from citenorm.text.normalize import ARABIC_LETTER, clean

__all__ = ["BATCH", "BATCH_TOKENS", "parse_all", "parse_in_document", "parse_reference"]

Context = Literal["entry", "footnote"]
Script = Literal["arabic", "latin"]

_MAX_CHARS = 2000  # a "reference" longer than this is a paragraph: its head is parsed

# a footnote's lead-in before the work it cites: "Sur cette question, voir par exemple
# X", "On this, see X", "حول هذا الموضوع انظر: X" (a few words, a comma or a space,
# then the "see" cue)
_LEAD_IN = _rx.compile(
    r"^[^()\[\]«»“”\"0-9]{2,100}?(?:[,،:;]\s*|\s+(?=انظر|ينظر|راجع|يراجع|يمكن|الرجوع|يرجع))"
    r"(?:voir|see|cf\.|vgl\.|refer\s+to|انظر|ينظر|يُنظر|راجع|يراجع|"
    r"(?:يمكن\s+)?(?:الرجوع|يرجع)\s+(?:إلى|الى))"
    r"(?:\s*,?\s*(?:also|aussi|par\s+exemple|notamment|for\s+example|e\.\s?g\.|مثلا|مثلاً|أيضا|أيضاً|"
    r"على\s+سبيل\s+المثال))?"
    r"(?:\s+(?:مقال|كتاب|بحث|دراسة|the\s+article|the\s+book)(?=\s))?(?=[\s:：,،])[\s:：,،]*",
    re.IGNORECASE,
)
# a word each of _LEAD_IN's cues holds (its lazy head is tried at up to 100 lengths: a note
# with none of them is not tried); the Arabic words have no case (searched case-sensitively:
# the engine goes from one candidate first letter to the next), the Latin ones through
# their hint (an IGNORECASE alternation has no quick scan: it is tried at every position)
_LEAD_IN_CUE_ARABIC = _rx.compile(r"انظر|ينظر|يُنظر|راجع|الرجوع|يرجع")
_LEAD_IN_CUE_LATIN = _rx.compile(r"voir|see|cf\.|vgl\.|refer", re.IGNORECASE)
P.HINTS[_LEAD_IN_CUE_LATIN] = P.Hint("voir", "see", "cf.", "vgl.", "refer")

# a Latin-script reference closed by its year and a full stop, then a sentence in Arabic
# script: "Title, Press, 1945. (لهذا الكتاب ترجمة عربية…)" (the first Arabic letter
# is searched for; this reads the text before it)
_LATIN = _rx.compile(r"[A-Za-z]")
# a Latin comma or semicolon typed in Arabic text ("ابن نبي, مالك"; an Arabic keyboard's
# Latin layout, many web pages): after an Arabic letter or a digit, before an Arabic word
_LATIN_SEPARATOR_AR = _rx.compile(r"(?<=[\u0621-\u064a0-9])\s?[,;](?=\s*[\u0621-\u064a])")
_ARABIC_SEPARATOR = str.maketrans(",;", "،؛")


def parse_reference(
    text: str, *, script: Script | None = None, context: Context = "entry"
) -> Fields:
    """Parse one reference into :class:`~citenorm.models.Fields` (never raises).

    ``script`` is accepted for callers that know it; the labeler reads the script of
    the reference from its letters. ``context="footnote"`` drops a leading "see"
    (``انظر:``, ``See``) and a short lead-in before one (``On this, see``, ``حول هذا
    انظر:``) before parsing.
    """
    if script is not None and script not in ("arabic", "latin"):
        raise ValueError(f"script must be 'arabic', 'latin' or None, not {script!r}")
    return parse_in_document(text, context=context)


def parse_in_document(
    text: str, *, context: Context = "entry", sharing: Sharing | None = None
) -> Fields:
    """:func:`parse_reference` for the extraction: with ``sharing`` (the document's), the
    names and dates of the fields are those of its other records equal to them, so each
    record is built once, as the document keeps it."""
    ready = _prepare(text, context)
    return _finish(ready, label_tokens(ready[3]), sharing)


#: references read together by :func:`parse_all`
BATCH = 64
#: and at most this many tokens (the batch's last reference may take it past): a batch's
#: tokens and labels are held until its fields are built. (When the batch's features
#: were held too, as crfsuite's own sequences, ~1.3 KB a token, 1,024 kept `article`'s
#: audit at 1 MB under 20x; since each reference's features go to the tagger as they
#: are computed, 4,096 measures the same, 19.7-19.8x, and leaves the seed's batches of
#: 64 references whole.)
BATCH_TOKENS = 4096


def parse_all(
    texts: Iterable[str], *, context: Context = "entry", sharing: Sharing | None = None
) -> Iterator[Fields]:
    """:func:`parse_in_document` of each text, in order (a generator): read :data:`BATCH`
    at a time (or fewer, up to :data:`BATCH_TOKENS` tokens), their tokens labelled one
    after the other (:func:`label_many`), then their fields built. The same fields, built in the same order; the model's tables are read
    while they are in the processor's caches (a reference's labelling between two
    references' value building found them evicted: ~1/3 slower)."""
    it = iter(texts)
    while True:
        batch: list[_Ready] = []
        tokens = 0
        for text in it:
            batch.append(_prepare(text, context))
            tokens += len(batch[-1][3])
            if len(batch) >= BATCH or tokens >= BATCH_TOKENS:
                break
        if not batch:
            return
        labels = label_many([ready[3] for ready in batch])
        batch.reverse()
        labels.reverse()
        while batch:
            yield _finish(batch.pop(), labels.pop(), sharing)


# (the text's head, cleaned, as printed with a lead-in blanked, its tokens, its context,
# and the printed text as read when its Latin separators were read as Arabic ones, else "")
_Ready = tuple[str, str, str, list[Token], Context, str]


def _prepare(text: str, context: Context) -> _Ready:
    head = text[:_MAX_CHARS]
    cleaned = clean(head)
    printed = cleaned.replace("\t", " ")
    if context == "footnote":
        m = P.SEE_PREFIX.match(printed) or (
            _LEAD_IN.match(printed)
            if _LEAD_IN_CUE_ARABIC.search(printed) or P.search(_LEAD_IN_CUE_LATIN, printed)
            else None
        )
        if m:
            printed = " " * m.end() + printed[m.end() :]
    printed = _drop_other_script_note(printed)
    read = _arabic_separators(printed)
    if read == printed:
        return head, cleaned, printed, tokenize(printed), context, ""
    return head, cleaned, printed, tokenize(read), context, read


def _arabic_separators(printed: str) -> str:
    """``printed`` with the Latin commas and semicolons typed in its Arabic text (after
    an Arabic letter or a digit, before an Arabic word) read as the Arabic ones the
    labeler and the rules know (same length: the offsets stay those of the printed
    text)."""
    if ("," not in printed and ";" not in printed) or not ARABIC_LETTER.search(printed):
        return printed
    return _LATIN_SEPARATOR_AR.sub(lambda m: m[0].translate(_ARABIC_SEPARATOR), printed)


def _drop_other_script_note(printed: str) -> str:
    """A Latin-script reference that ends with its year and a full stop, followed by a
    note in Arabic script (a comment on the work, a translation's title: no Latin letter
    in it), is labelled without the note: read with it, the Arabic sentence took the
    title's place. The note is blanked (the offsets stay those of the printed text)."""
    first = ARABIC_LETTER.search(printed)
    if first is None or not _closed_by_year(printed[: first.start()]):
        return printed
    if _LATIN.search(printed, first.start()):
        return printed
    cut = printed.rindex(".", 0, first.start()) + 1
    return printed[:cut] + " " * (len(printed) - cut)


def _closed_by_year(head: str) -> bool:
    """``head`` holds Latin letters and ends with a year and a full stop (``…, 1945.``,
    ``… (1945).``, an opening bracket after it: ``1945. (``), read from its end."""
    h = head.rstrip()
    if h.endswith("("):
        h = h[:-1].rstrip()
    if not h.endswith("."):
        return False
    h = h[:-1].rstrip()
    if h.endswith(")"):
        h = h[:-1]
    return len(h) >= 4 and h[-4:].isdigit() and _LATIN.search(h) is not None


def _finish(ready: _Ready, labels: list[str], sharing: Sharing | None) -> Fields:
    head, cleaned, printed, tokens, context, read = ready
    if not tokens:
        return Fields.model_construct()
    # the values in the letters printed (clean() made Persian letter forms Arabic) and
    # with the separators printed (a Latin comma read as an Arabic one is given back):
    # the records are shared once those are restored
    words = printed_words(head, cleaned)
    if not words and not read:
        return build_fields(printed, tokens, labels, entry=context == "entry", sharing=sharing)
    fields = build_fields(read or printed, tokens, labels, entry=context == "entry")
    if read:
        fields = printed_separators(fields, read, printed)
    return restore_letters(fields, words, sharing)
