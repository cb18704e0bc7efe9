"""Romanizations and proposals assembled from the word decisions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from citenorm.text.romanize._article import ArticleSpellings, arabic_units
from citenorm.text.romanize._model import FieldGroup, WordChoice
from citenorm.text.romanize._popular import popular_word
from citenorm.text.romanize._records import (
    Proposal,
    Romanization,
    RomanizedField,
    RomanizedWord,
    Style,
)
from citenorm.text.romanize._romanizer import capitalize, romanize_words
from citenorm.text.romanize._style import detect_style
from citenorm.text.romanize._tokens import detokenize

if TYPE_CHECKING:
    from citenorm.models import Document, Entry, MatchResult, Name

__all__ = ["detect_style", "propose", "romanize_string"]

_GROUPS: dict[str, FieldGroup] = {
    "title": "title",
    "text": "title",
    "name": "name",
    "place": "imprint",
    "publisher": "imprint",
}


def _word(choice: WordChoice, latin: str | None = None) -> RomanizedWord:
    return RomanizedWord(
        arabic=choice.arabic,
        latin=choice.latin if latin is None else latin,
        confidence=choice.confidence,
        source=choice.source,
        alternatives=list(choice.alternatives),
    )


def romanize_string(
    text: str,
    *,
    field: str,
    style: Style,
    heading: bool,
    camel: bool,
    spellings: ArticleSpellings | None,
) -> Romanization:
    """One Arabic string romanized (see :func:`citenorm.text.romanize.romanize`)."""
    group = _GROUPS.get(field, "title")
    latin, choices = romanize_words(text, group=group, use_camel=camel, heading=heading)
    if style == "popular" or spellings is not None:
        latin, words = _restyle(
            text, choices, group=group, field=field, style=style, spellings=spellings
        )
    else:
        words = [_word(c) for c, _space in choices]
    scored = [w.confidence for w in words if w.source != "fixed"]
    return Romanization(
        arabic=text,
        latin=latin,
        style=style,
        confidence=round(min(scored), 3) if scored else 1.0,
        words=words,
    )


def _restyle(
    text: str,
    choices: list[tuple[WordChoice, bool]],
    *,
    group: FieldGroup,
    field: str,
    style: Style,
    spellings: ArticleSpellings | None,
) -> tuple[str, list[RomanizedWord]]:
    """The popular style, and the article's own spellings, applied to ALA-LC choices."""
    if style == "popular" and field == "place":
        from citenorm.text.lexicon import UNKNOWN_PLACE, place_key

        key = place_key(text)
        if key and key != UNKNOWN_PLACE:
            scored = [c for c, _s in choices if c.source != "fixed"]
            conf = min((c.confidence for c in scored), default=1.0)
            word = RomanizedWord(arabic=text, latin=key, confidence=conf, source="lexicon")
            return key, [word]
    parts: list[tuple[str, bool]] = []
    words: list[RomanizedWord] = []
    abd = spellings.abd_style() if spellings else None
    i = 0
    while i < len(choices):
        choice, space = choices[i]
        if choice.source == "fixed":
            parts.append((choice.latin, space))
            words.append(_word(choice))
            i += 1
            continue
        # a compound unit (عبد الحسين) spelled by the article, then a single word
        nxt = choices[i + 1][0] if i + 1 < len(choices) else None
        pair = (
            f"{choice.arabic} {nxt.arabic}" if nxt is not None and nxt.source != "fixed" else None
        )
        units = arabic_units(pair) if pair else []
        if spellings is not None and pair and len(units) == 1:
            known = spellings.spelling(pair)
            if known is not None and nxt is not None:
                conf = min(choice.confidence, nxt.confidence)
                parts.append((known, space))
                words.append(
                    RomanizedWord(arabic=pair, latin=known, confidence=conf, source="article")
                )
                i += 2
                continue
        if spellings is not None:
            default = (
                popular_word(choice.latin, group=group) if style == "popular" else choice.latin
            )
            known = spellings.spelling(choice.arabic, default=default)
            if known is not None:
                parts.append((known, space))
                words.append(_word(choice, known).model_copy(update={"source": "article"}))
                i += 1
                continue
        if style == "popular" and group != "title" and nxt is not None and pair and len(units) == 1:
            head = choice.latin.lstrip("ʻ").lower()
            if head == "abd" and nxt.latin.lower().startswith("al-"):
                rest = popular_word(nxt.latin[3:], group=group)
                if nxt.latin.lower() == "allāh" or nxt.latin[3:].lower() == "lāh":
                    latin = "Abdullah"
                else:
                    form = abd or "abdul "
                    latin = form.capitalize() + (rest if form.endswith(" ") else rest.lower())
                conf = min(choice.confidence, nxt.confidence)
                parts.append((latin, space))
                words.append(
                    RomanizedWord(arabic=pair, latin=latin, confidence=conf, source=choice.source)
                )
                i += 2
                continue
            if head == "abd" and nxt.latin.lower() == "allāh":
                conf = min(choice.confidence, nxt.confidence)
                parts.append(("Abdullah", space))
                words.append(
                    RomanizedWord(
                        arabic=pair, latin="Abdullah", confidence=conf, source=choice.source
                    )
                )
                i += 2
                continue
        latin = choice.latin
        if style == "popular":
            # a catalogued heading taken whole (``Mūsá, Muḥammad Yūsuf``): word by word
            latin = " ".join(
                popular_word(w.rstrip(","), group=group) + "," * w.endswith(",")
                for w in latin.split(" ")
            )
        parts.append((latin, space))
        words.append(_word(choice, latin))
        i += 1
    return detokenize(parts), words


# -- proposals ---------------------------------------------------------------------------
def _name_text(name: Name) -> str:
    return name.literal or " ".join(p for p in (name.given, name.family) if p)


def learn_spellings(result: MatchResult, *, camel: bool) -> ArticleSpellings:
    """The spellings an article's pairs show for names, places and publishers."""
    doc = result.document
    from citenorm.models import entries_by_id

    by_id = entries_by_id(doc.entries)
    texts: list[tuple[str, str]] = []
    for pair in result.pairs:
        ar, la = by_id.get(pair.arabic), by_id.get(pair.latin)
        if ar is None or la is None:
            continue
        ar_names, la_names = ar.fields.author or [], la.fields.author or []
        if len(ar_names) == len(la_names):
            texts.extend(
                (_name_text(a), _name_text(b))
                for a, b in zip(ar_names, la_names, strict=True)
                if not a.literal and not b.literal
            )
        for attr in ("publisher", "publisher_place"):
            a_val, l_val = getattr(ar.fields, attr), getattr(la.fields, attr)
            if a_val and l_val:
                texts.append((a_val, l_val))
    return ArticleSpellings.learn(texts, camel=camel)


def _field(
    name: str,
    arabic: str,
    *,
    kind: str,
    style: Style,
    camel: bool,
    spellings: ArticleSpellings | None,
) -> RomanizedField:
    r = romanize_string(
        arabic, field=kind, style=style, heading=False, camel=camel, spellings=spellings
    )
    return RomanizedField(
        field=name, arabic=arabic, latin=r.latin, confidence=r.confidence, words=r.words
    )


def _romanize_name(
    index: int, name: Name, *, style: Style, camel: bool, spellings: ArticleSpellings | None
) -> tuple[Name, list[RomanizedField]]:
    from citenorm.models import Name as NameRecord

    parts: list[RomanizedField] = []
    values: dict[str, str] = {}
    for attr in ("family", "given", "literal"):
        value = getattr(name, attr)
        if not value:
            continue
        kind = "publisher" if attr == "literal" else "name"
        f = _field(
            f"author[{index}].{attr}",
            value,
            kind=kind,
            style=style,
            camel=camel,
            spellings=spellings,
        )
        parts.append(f)
        values[attr] = f.latin
    return NameRecord(**values), parts


def _proposal(
    entry: Entry, *, style: Style, camel: bool, spellings: ArticleSpellings | None
) -> Proposal:
    fields = entry.fields
    update: dict[str, object] = {}
    parts: list[RomanizedField] = []
    if fields.author:
        names = []
        for i, name in enumerate(fields.author):
            new, name_parts = _romanize_name(i, name, style=style, camel=camel, spellings=spellings)
            names.append(new)
            parts.extend(name_parts)
        update["author"] = names
    for attr, csl, kind in (
        ("title", "title", "title"),
        ("container_title", "container-title", "title"),
        ("publisher", "publisher", "publisher"),
        ("publisher_place", "publisher-place", "place"),
    ):
        value = getattr(fields, attr)
        if value:
            f = _field(csl, value, kind=kind, style=style, camel=camel, spellings=spellings)
            if kind == "title":
                f = f.model_copy(update={"latin": capitalize(f.latin)})
            parts.append(f)
            update[attr] = f.latin
    new_fields = fields.model_copy(update=update)
    text = render(new_fields)
    if not parts:  # no fields parsed: the whole entry, as one title-like string
        f = _field("text", entry.text, kind="text", style=style, camel=camel, spellings=spellings)
        parts.append(f)
        text = f.latin
    confidence = min(p.confidence for p in parts)
    return Proposal(
        entry=entry.id,
        line=entry.line,
        arabic=entry.text,
        style=style,
        text=text,
        fields=new_fields,
        parts=parts,
        confidence=confidence,
    )


def render(fields: object) -> str:
    """``Family, Given. Title. Container. Place: Publisher, Year.`` from romanized fields."""
    from citenorm.models import Fields

    assert isinstance(fields, Fields)
    out: list[str] = []
    if fields.author:
        names = []
        for i, n in enumerate(fields.author):
            if n.literal:
                names.append(n.literal)
            elif i == 0 and n.family and n.given:
                names.append(f"{n.family}, {n.given}")
            else:
                names.append(" ".join(p for p in (n.given, n.family) if p))
        out.append(", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1])
    if fields.title:
        out.append(fields.title)
    if fields.container_title:
        bits = [fields.container_title]
        if fields.volume:
            bits.append(f"vol. {fields.volume}")
        if fields.issue:
            bits.append(f"no. {fields.issue}")
        out.append(", ".join(bits))
    imprint = ": ".join(p for p in (fields.publisher_place, fields.publisher) if p)
    year = fields.issued.year if fields.issued else None
    tail = ", ".join(p for p in (imprint, str(year) if year else "") if p)
    if tail:
        out.append(tail)
    return ". ".join(s.rstrip(".") for s in out) + ("." if out else "")


def propose(
    result: Document | MatchResult,
    *,
    style: Style | None,
    entries: Literal["unpaired", "all"],
    camel: bool,
) -> list[Proposal]:
    """See :func:`citenorm.text.romanize.romanize` (a Document or MatchResult)."""
    from citenorm.models import MatchResult

    matched = result if isinstance(result, MatchResult) else None
    doc = matched.document if matched is not None else result
    assert not isinstance(doc, MatchResult)
    style = style or detect_style(doc) or "alalc"
    spellings = learn_spellings(matched, camel=camel) if matched and matched.pairs else None
    arabic = [e for e in doc.entries if e.script == "arabic" and e.list == "original"]
    if entries == "all" or matched is None:
        wanted = arabic  # a Document has no pairs: every Arabic entry
    else:
        unpaired = set(matched.unpaired_arabic)
        wanted = [e for e in arabic if e.id in unpaired]
    return [_proposal(e, style=style, camel=camel, spellings=spellings) for e in wanted]
