"""One Arabic string -> its romanization, word by word (ALA-LC, then the chosen style)."""

from __future__ import annotations

import re

from citenorm.text.romanize._model import FieldGroup, WordChoice, load_model
from citenorm.text.romanize._tokens import detokenize, tokenize

__all__ = ["capitalize", "romanize_words"]

# the proclitics and article in front of a word: "wa-al-", "lil-", "bi-al-"
_PREFIXES = re.compile(r"^(?:(?:wa|fa|bi|li|ka|lil|al)-)*")
# name particles that ALA-LC writes in lowercase inside a name
_NAME_PARTICLES = frozenset({"ibn", "bin", "bint", "wa", "fī", "min", "ʻalá", "ilá"})


def capitalize(word: str) -> str:
    """Upper-case the first letter after the proclitics: ``al-qāhirah`` -> ``al-Qāhirah``,
    ``ʻabd`` -> ``ʻAbd``."""
    m = _PREFIXES.match(word)
    start = m.end() if m else 0
    if start >= len(word):
        return word
    i = start
    while i < len(word) and word[i] in "ʻʼ'":
        i += 1
    if i >= len(word):
        return word
    return word[:i] + word[i].upper() + word[i + 1 :]


def romanize_words(
    text: str, *, group: FieldGroup, use_camel: bool, heading: bool = False
) -> tuple[str, list[tuple[WordChoice, bool]]]:
    """The ALA-LC romanization of ``text`` and, for each token, its choice and whether a
    space preceded it. ``heading``: a catalogue heading (``Family, Given``), whose first
    word drops its article (``al-Bīh`` -> ``Bīh``)."""
    model = load_model(camel=use_camel)
    tokens = tokenize(text)
    out: list[tuple[WordChoice, bool]] = []
    first_word = True
    for i, tok in enumerate(tokens):
        if tok.kind != "arabic":
            out.append((WordChoice(tok.text, tok.text, 1.0, "fixed"), tok.space_before))
            if tok.kind != "punct":
                first_word = False
            continue
        if (
            heading
            and tok.text in ("او", "أو")
            and 0 < i < len(tokens) - 1
            and tokens[i - 1].kind == tokens[i + 1].kind == "number"
        ):
            # a heading's uncertain dates: "1334 او 1335" is catalogued "1334 or 1335"
            out.append((WordChoice(tok.text, "or", 0.9, "fixed"), tok.space_before))
            continue
        choice = model.choose(tokens, i, group=group, use_camel=use_camel)
        latin = model.printed(choice.latin, group)
        # no catalogued casing: names and imprints are proper nouns
        uncased = choice.source in ("characters", "clitics") or latin == choice.latin
        if uncased and group != "title" and latin not in _NAME_PARTICLES:
            latin = capitalize(latin)
        if group == "name" and latin.lower() in _NAME_PARTICLES and not first_word:
            latin = latin.lower()
        elif first_word:
            if heading and latin.lower().startswith("al-") and len(latin) > 3:
                latin = latin[3:]
            latin = capitalize(latin)
        first_word = False
        out.append(
            (
                WordChoice(
                    choice.arabic, latin, choice.confidence, choice.source, choice.alternatives
                ),
                tok.space_before,
            )
        )
    return detokenize([(c.latin, space) for c, space in out]), out
