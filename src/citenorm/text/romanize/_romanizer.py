"""One Arabic string -> its romanization, word by word (ALA-LC, then the chosen style)."""

from __future__ import annotations

import re

from citenorm.text import _rx
from citenorm.text.romanize._model import FieldGroup, WordChoice, load_model
from citenorm.text.romanize._tokens import Token, detokenize, tokenize, unglue
from citenorm.text.vocab import NAME_PARTICLES_ALALC

__all__ = ["capitalize", "romanize_words"]

# the proclitics and article in front of a word: "wa-al-", "lil-", "bi-al-"
_PREFIXES = _rx.compile(r"^(?:(?:wa|fa|bi|li|ka|lil|al)-)*")


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


def _date_range(number: str) -> str:
    """A heading's life dates in order: ``1973-1889`` (typed in right-to-left order) is
    catalogued ``1889-1973``."""
    m = re.fullmatch(r"(\d{3,4})-(\d{3,4})", number)
    if m and int(m.group(1)) > int(m.group(2)):
        return f"{m.group(2)}-{m.group(1)}"
    return number


_ACTIVE = ("اشتهر", "إشتهر")
# a heading's one year with no range before this is a death year (catalogued "-1013");
# later ones are as often birth years ("1890-") as death years (training part: 12 of 14
# before 1800 are "-Y", 7 "Y-" and 8 "-Y" after), so they are left as typed
_DEATH_BEFORE = 1800


def _lone_death_year(tokens: list[Token]) -> set[int]:
    """The token of a heading's only date when it is one early year after a comma
    (``باقلاني، محمد بن الطيب، 1013.``), catalogued as a death date (``-1013``)."""
    numbers = [i for i, t in enumerate(tokens) if t.kind == "number"]
    if len(numbers) != 1:
        return set()
    i = numbers[0]
    text = tokens[i].text
    if not (text.isdigit() and 3 <= len(text) <= 4 and int(text) < _DEATH_BEFORE):
        return set()
    before = tokens[i - 1].text if i > 0 else ""
    after = [t.text for t in tokens[i + 1 :]]
    if before not in (",", "،") or any(t not in (".", "?", "؟", ",", "،") for t in after):
        return set()
    return {i}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _heading_dates(tokens: list[Token]) -> dict[int, str]:
    """The catalogue's English for the Arabic words of a heading's dates, by token: "او"
    between years is "or", "حوالي" before one "approximately", "ت." (died) "-",
    "اشتهر في القرن 10" "active 10th century" ("" drops a token)."""
    out: dict[int, str] = {}
    n = len(tokens)

    def kind(i: int) -> str:
        return tokens[i].kind if 0 <= i < n else ""

    for i, tok in enumerate(tokens):
        text = tok.text
        if text in ("او", "أو") and kind(i - 1) == kind(i + 1) == "number":
            out[i] = "or"  # "1334 او 1335" is catalogued "1334 or 1335"
        elif text in ("حوالي", "حوالى") and kind(i + 1) == "number":
            out[i] = "approximately"
        # (a Latin "d." typed in the Arabic heading stays: the training part keeps it 37
        # times, writes "-" 22 times; the cataloguer who typed it wrote it in both)
        elif text == "ت" and i + 2 < n and tokens[i + 1].text == ".":
            if kind(i + 2) == "number":
                out[i], out[i + 1] = "-", ""  # "ت. 1037" (tuwuffiya): catalogued "-1037"
        elif text in _ACTIVE:
            j = i + 1
            words = {"في", "العام", "سنة", "القرن"}
            while j < n and tokens[j].text in words:
                j += 1
            if kind(j) != "number":
                continue
            out[i] = "active"
            century = any(tokens[k].text == "القرن" for k in range(i + 1, j))
            for k in range(i + 1, j):
                out[k] = ""
            if century and tokens[j].text.isdigit():
                out[j] = f"{_ordinal(int(tokens[j].text))} century"
    return out


def romanize_words(
    text: str, *, group: FieldGroup, use_camel: bool, heading: bool = False
) -> tuple[str, list[tuple[WordChoice, bool]]]:
    """The ALA-LC romanization of ``text`` and, for each token, its choice and whether a
    space preceded it. ``heading``: a catalogue heading (``Family, Given``), whose first
    word drops its article (``al-Bīh`` -> ``Bīh``)."""
    model = load_model(camel=use_camel)
    tokens = unglue(tokenize(text, join_wa=group != "imprint"), model.knows, model.seen)
    out: list[tuple[WordChoice, bool]] = []
    first_word = True
    dates = _heading_dates(tokens) if heading else {}
    lone_death = _lone_death_year(tokens) if heading else set()
    glue_next = False  # the next token joins the previous one (the "-" of a death date)
    for i, tok in enumerate(tokens):
        space = tok.space_before and not glue_next
        date_word = dates.get(i)
        if date_word == "":
            continue  # a word the catalogue's English leaves out
        glue_next = date_word == "-"
        if date_word is not None:
            out.append((WordChoice(tok.text, date_word, 0.9, "fixed"), space))
            continue
        if tok.kind != "arabic":
            text = _date_range(tok.text) if heading and tok.kind == "number" else tok.text
            if heading and i in lone_death:
                text = "-" + text
            out.append((WordChoice(tok.text, text, 1.0, "fixed"), space))
            if tok.kind != "punct":
                first_word = False
            continue
        choice = model.choose(tokens, i, group=group, use_camel=use_camel)
        latin = model.printed(choice.latin, group)
        # no catalogued casing: names and imprints are proper nouns
        uncased = choice.source in ("characters", "clitics") or latin == choice.latin
        if uncased and group != "title" and latin not in NAME_PARTICLES_ALALC:
            latin = capitalize(latin)
        if group == "name" and latin.lower() in NAME_PARTICLES_ALALC and not first_word:
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
                space,
            )
        )
    return detokenize([(c.latin, space) for c, space in out]), out
