"""One Arabic string -> its romanization, word by word (ALA-LC, then the chosen style)."""

from __future__ import annotations

import re

from citenorm.text import _rx
from citenorm.text.normalize import split_article
from citenorm.text.romanize._foreign import LatinNames
from citenorm.text.romanize._model import (
    FieldGroup,
    WordChoice,
    latin_names,
    load_model,
    name_lexicon,
)
from citenorm.text.romanize._names import name_key, name_span
from citenorm.text.romanize._terms import is_corporate
from citenorm.text.romanize._tokens import (
    Token,
    WaMode,
    detokenize,
    is_persian,
    tokenize,
    unglue,
)
from citenorm.text.vocab import NAME_PARTICLES_ALALC

__all__ = ["capitalize", "heading_stops", "romanize_words"]

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


def heading_stops(tokens: list[Token]) -> set[int]:
    """The tokens of a heading's dates in words (``ت.``, ``اشتهر في القرن``, ``حوالي``)
    and its lone death year: where its name part ends."""
    return set(_heading_dates(tokens)) | _lone_death_year(tokens)


_LEX_PIECES = _rx.compile(r"[^\s,]+|,")


def _lexicon_words(
    tokens: list[Token], form: str, count: int, *, heading: bool, ordered: bool = True
) -> list[tuple[WordChoice, bool]]:
    """A name part's choices from the catalogued heading ``form`` (:mod:`._names`): word
    by word when its words and commas line up with the Arabic's; as one choice when they
    do not (another order, words dropped), for a heading only. Not a heading: the first
    word keeps the article the heading drops (``al-Bīh``). ``ordered``: the form was
    found under the words in their typed order (else only as one choice)."""
    conf = round(0.95 * count / (count + 0.5), 3)
    pieces = _LEX_PIECES.findall(form)
    shape = ["," if t.kind == "punct" else "w" for t in tokens]
    if ordered and shape == ["," if p == "," else "w" for p in pieces]:
        out: list[tuple[WordChoice, bool]] = []
        for k, (tok, latin) in enumerate(zip(tokens, pieces, strict=True)):
            if tok.kind == "punct":
                out.append((WordChoice(tok.text, latin, 1.0, "fixed"), tok.space_before))
                continue
            cut = split_article(tok.text) if k == 0 and not heading else None
            article = cut is not None and not cut[0]
            if article and not latin.lower().startswith("al-"):
                latin = "al-" + latin
            out.append((WordChoice(tok.text, latin, conf, "lexicon"), tok.space_before))
        return out
    if not heading:
        return []
    arabic = " ".join(t.text for t in tokens if t.kind == "arabic")
    return [(WordChoice(arabic, form, conf, "lexicon"), tokens[0].space_before)]


def romanize_words(
    text: str, *, group: FieldGroup, use_camel: bool, heading: bool = False
) -> tuple[str, list[tuple[WordChoice, bool]]]:
    """The ALA-LC romanization of ``text`` and, for each token, its choice and whether a
    space preceded it. ``heading``: a catalogue heading (``Family, Given``), whose first
    word drops its article (``al-Bīh`` -> ``Bīh``)."""
    raw = text
    model = load_model(camel=use_camel)
    wa: WaMode = "article" if group == "title" else group != "imprint"
    tokens = unglue(tokenize(text, join_wa=wa), model.knows, model.seen)
    out: list[tuple[WordChoice, bool]] = []
    first_word = True
    dates = _heading_dates(tokens) if heading else {}
    lone_death = _lone_death_year(tokens) if heading else set()
    glue_next = False  # the next token joins the previous one (the "-" of a death date)
    start = 0
    lexicon = name_lexicon() if group == "name" else None
    persian = is_persian(raw)
    if lexicon is not None:
        # a person or body the training records catalogued: their heading's name part
        end = name_span(tokens, heading_stops(tokens))
        key = name_key(tokens[:end])
        found = lexicon.get(key) if end else None
        ordered = found is not None
        if found is None and end and heading and not any(t.kind == "punct" for t in tokens[:end]):
            # typed in natural order (``محمد يوسف موسى``): the same words catalogued in
            # another (``Mūsá, Muḥammad Yūsuf``), as one choice
            found = lexicon.get(key, any_order=True)
        if found is not None:
            form, count = found
            # the heading's Latin parts after its name (``Caliph``) are typed in the
            # Arabic too: they are printed from there, not twice
            typed = " ".join(t.text for t in tokens[end:] if t.kind == "latin")
            parts = form.split(", ")
            while len(parts) > 1 and typed and parts[-1] in typed:
                parts.pop()
            form = ", ".join(parts)
            if heading and form.lower().startswith("al-") and len(form) > 3:
                form = capitalize(form[3:])  # a heading drops the article, as below
            placed = _lexicon_words(tokens[:end], form, count, heading=heading, ordered=ordered)
            if placed:
                out.extend(placed)
                start, first_word = end, False
    for i, tok in enumerate(tokens):
        if i < start:
            continue
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
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.text == "و"
            and persian
            and nxt is not None
            and nxt.kind == "arabic"
            and split_article(nxt.text) is None
        ):
            # Persian's detached conjunction: "va" (before the article, as often "wa-")
            out.append((WordChoice(tok.text, "va", 0.9, "fixed"), space))
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
    if group == "name" and not is_corporate(raw):
        western = latin_names()
        if western is not None:
            out = _western(out, western)
    return detokenize([(c.latin, space) for c, space in out]), out


# a Western name's own spelling: ALA-LC never writes these letters, a Western spelling
# has one and none of ALA-LC's marks (``Thomas``, ``François``; not ``Paşa``, ``Jūzīf``)
_WESTERN_LETTERS = _rx.compile(r"[ceopvxCEOPVX]")
_ALALC_MARKS = _rx.compile("[şŞ\u0304\u0323\u0301\u0331\u0324\u0306ʻʼāīūáḥṣḍṭẓĀĪŪḤṢḌṬẒ]")
# a name is taken for a Western one when its words' letters are this Western on average
# (log-odds per n-gram, :meth:`LatinNames.western_odds`); tuning fold, name words without
# CAMeL: 0.4 +6 words, 0.5 and 0.6 +11, 0.7 +11, 0.8 +7
_WESTERN_ODDS = 0.6
# a word takes the Latin name whose vowels fit its letters this well (0.85: 2 words fewer)
_NAME_FIT = 0.8


def _looks_western(latin: str) -> bool:
    return bool(_WESTERN_LETTERS.search(latin)) and not _ALALC_MARKS.search(latin)


def _western(
    out: list[tuple[WordChoice, bool]], names: LatinNames
) -> list[tuple[WordChoice, bool]]:
    """A personal name's words given their Western spelling (:mod:`._foreign`) when the
    name is a Western one: its words outside brackets look like transcriptions (their
    letters' log-odds), or one of them is a Western given name the word table already
    writes so (``John``). Each word whose Arabic letters fit a known Latin name then
    takes the best fitting one (``آدمز`` -> ``Adams``); the catalogued headings
    (:mod:`._names`) and fixed tokens are left as they are."""
    words = [
        k
        for k, (choice, _space) in enumerate(out)
        if choice.source not in ("fixed", "lexicon")
        and choice.arabic
        and choice.latin.lower() not in NAME_PARTICLES_ALALC
    ]
    depth = 0
    outside: list[int] = []  # the name's words outside brackets (not a qualifier)
    for k, (choice, _space) in enumerate(out):
        if choice.latin == "(":
            depth += 1
        elif choice.latin == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and k in words:
            outside.append(k)
    if len(outside) < 2:
        return out  # one word (``فرنسا``): no name to judge
    given = any(
        out[k][0].source != "characters" and _looks_western(out[k][0].latin) for k in outside
    )
    odds = sum(names.western_odds(out[k][0].arabic) for k in outside) / len(outside)
    if not given and odds <= _WESTERN_ODDS:
        return out
    new = list(out)
    for k in words:
        choice, space = out[k]
        if _looks_western(choice.latin):
            continue
        found = names.find(choice.arabic, fit=_NAME_FIT)
        if found is not None:
            new[k] = (WordChoice(choice.arabic, found[0], found[1], "lexicon"), space)
    return new
