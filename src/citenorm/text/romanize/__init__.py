"""Romanize Arabic bibliographic text (ALA-LC or popular ASCII), word by word, with a
confidence for every word; propose the romanized entries an article's list lacks.

::

    from citenorm.text.romanize import romanize
    r = romanize("مطبعة جامعة القاهرة", field="publisher")
    r.latin                  # 'Maṭbaʻat Jāmiʻat al-Qāhirah'
    [(w.latin, w.confidence) for w in r.words]

    proposals = romanize(citenorm.match(doc))   # one Proposal per unpaired Arabic entry

Every proposal is a suggestion for an editor to review (``review`` is always true): a
word the model has not seen in a catalogue gets a low confidence. How the words are
decided is in :mod:`._model`; the popular style in :mod:`._popular`; what an article's
own list teaches in :mod:`._article`. The tables are package data, read on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

if TYPE_CHECKING:
    from citenorm.models import Document, MatchResult
    from citenorm.text.romanize._article import ArticleSpellings
    from citenorm.text.romanize._records import (
        Proposal,
        Romanization,
        RomanizedField,
        RomanizedWord,
        Style,
    )

__all__ = [
    "FieldKind",
    "Proposal",
    "Romanization",
    "RomanizedField",
    "RomanizedWord",
    "Style",
    "detect_style",
    "romanize",
]

FieldKind = Literal["title", "name", "place", "publisher", "text"]

#: the record classes, imported on first use (``audit`` reads the style and the spellings
#: of an article without building the romanizer's pydantic models)
_RECORDS = frozenset({"Proposal", "Romanization", "RomanizedField", "RomanizedWord", "Style"})


def __getattr__(name: str) -> Any:
    if name in _RECORDS:
        from citenorm.text.romanize import _records

        value = getattr(_records, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@overload
def romanize(
    text: str,
    *,
    field: FieldKind = "title",
    style: Style = "alalc",
    heading: bool = False,
    camel: bool = True,
    spellings: ArticleSpellings | None = None,
) -> Romanization: ...


@overload
def romanize(
    text: Document | MatchResult,
    *,
    style: Style | None = None,
    entries: Literal["unpaired", "all"] = "unpaired",
    camel: bool = True,
) -> list[Proposal]: ...


def romanize(
    text: str | Document | MatchResult,
    *,
    field: FieldKind = "title",
    style: Style | None = None,
    heading: bool = False,
    camel: bool = True,
    spellings: ArticleSpellings | None = None,
    entries: Literal["unpaired", "all"] = "unpaired",
) -> Romanization | list[Proposal]:
    """Romanize one Arabic string, or propose romanized entries for an article.

    With a string: its romanization (:class:`Romanization`: the text and every word with
    its confidence and source). ``field`` chooses casing and context (``name``: every
    word capitalized but particles; ``title``: the first word and proper nouns;
    ``place``/``publisher``); ``heading`` drops the article of the first word, as
    catalogue headings do (``al-Bīh, ʻAbd`` -> ``Bīh, ʻAbd``); ``style`` is ``alalc``
    (default) or ``popular`` (ASCII, common name spellings).

    With a :class:`~citenorm.models.MatchResult` (``citenorm.match(doc)``): one
    :class:`Proposal` for every Arabic entry of the original list that has no romanized
    counterpart (``entries="all"``: every Arabic entry), in the style of the article's
    romanized list (:func:`detect_style`; ALA-LC when it has none) unless ``style`` says
    otherwise, with the spellings its pairs show. A :class:`~citenorm.models.Document`
    that was not matched has no pairs: every Arabic entry of its original list gets a
    proposal, in the style of its romanized list.

    ``camel``: also use the CAMeL word table (Eryani & Habash 2021, BSD-3-Clause) for
    words the project's own table lacks.
    """
    if isinstance(text, str):
        from citenorm.text.romanize._build import romanize_string

        return romanize_string(
            text,
            field=field,
            style=style or "alalc",
            heading=heading,
            camel=camel,
            spellings=spellings,
        )
    from citenorm.text.romanize._build import propose

    return propose(text, style=style, entries=entries, camel=camel)


def detect_style(result: Document | MatchResult) -> Style | None:
    """The style of an article's romanized list: ``alalc`` when most of its entries
    carry ALA-LC marks (ā ī ū ḥ ṣ ḍ ṭ ẓ ʻ ʼ), ``popular`` when they do not; None when the
    article has no romanized list."""
    from citenorm.text.romanize._style import detect_style as _detect

    return _detect(result)
