"""Which language a record is in, and whether its names are Arabic names.

Every exporter needs the same two answers:

- the record's language tag: ``ar`` for Arabic script, ``ar-Latn`` for a romanized Arabic
  title (ALA-LC ``Kitāb al-nawādir`` or popular ``Kitab al-nawadir``), ``en`` for an English
  rendering of an Arabic work (the translated lists of Iraqi journals), ``None`` when
  unknown. CSL processors title-case only English items, so the tag is what keeps
  ``Mawsūʻat al-mustashriqīn`` from becoming ``Mawsūʻat Al-mustashriqīn``;
- whether a name is an Arabic name, which is printed whole: a compound given name
  (``ʻAbd al-Raḥmān``, ``Umayyah ibn ʻAbd al-ʻAzīz``) is one name, not a list of given
  names to initialise (see ``docs/exports.md``).

The vocabulary below is general Arabic and English function words, not taken from any
fixture.
"""

from __future__ import annotations

import re
from itertools import pairwise

from citenorm.models import Name
from citenorm.text import _rx
from citenorm.text.normalize import fold_latin, has_arabic, is_latin_article
from citenorm.text.vocab import ENGLISH_CUE_WORDS, NAME_HEADS_LATIN

__all__ = ["arabic_name", "language_of", "name_literal", "romanized_arabic"]

# ALA-LC marks: ʻayn and hamzah (several code points in the wild), macrons and underdots.
_ALALC_MARKS = frozenset("ʻʼʿʾāīūĀĪŪḥḤṣṢḍḌṭṬẓẒḏḎṯṮġĠ")
# The heads a name glues to the next word (``Abdulreda``), of the heads of text/vocab.py.
_GLUED_HEADS = tuple(sorted(h for h in NAME_HEADS_LATIN if h.startswith("abd") and h != "abd"))
# Romanized Arabic function words and clitics (``wa-``, ``li-``, ``fī``).
_ROMANIZED_WORD = _rx.compile(
    r"^(?:(?:al|wa|bi|li|lil|fa|ka)-\w+|fi|fī|min|ilá|ila|ʻalá|ala|an|ʻan|wa|aw|bayna|maʻa"
    r"|kitab|kitāb|risalat|risālat|tarikh|tārīkh)$",
    re.IGNORECASE,
)
_WORD = _rx.compile(r"[^\W\d_][\w'’ʻʼʿʾ-]*")


def romanized_arabic(text: str) -> bool:
    """True when a Latin-script title reads as romanized Arabic rather than English.

    ALA-LC marks decide at once; otherwise romanized function words and clitics
    (``al-``, ``wa-``, ``fi``, ``min``) are weighed against common English words.
    """
    if not text or has_arabic(text):
        return False
    if any(ch in _ALALC_MARKS for ch in text):
        return True
    words = _WORD.findall(text)
    arabic = sum(1 for w in words if _ROMANIZED_WORD.match(w))
    english = sum(1 for w in words if w.lower() in ENGLISH_CUE_WORDS)
    return arabic > english


def language_of(title: str | None, *, arabic_script: bool, arabic_work: bool) -> str | None:
    """The BCP 47 tag of a record: ``ar``, ``ar-Latn``, ``en`` or ``None`` (unknown).

    ``arabic_work`` says that the record renders an Arabic work (it has an Arabic
    counterpart or comes from a romanized list): its Latin title is then a romanization
    (``ar-Latn``) or an English translation (``en``).
    """
    if arabic_script:
        return "ar"
    if title and romanized_arabic(title):
        return "ar-Latn"
    if arabic_work:
        return "en"
    return None


def arabic_name(name: Name) -> bool:
    """True for a personal name written in Arabic script or shaped like an Arabic name.

    Corporate names (``literal``) are not personal names and return False.
    """
    if name.literal:
        return False
    text = " ".join(p for p in (name.family, name.given) if p)
    if has_arabic(text):
        return True
    if any(ch in _ALALC_MARKS for ch in text):
        return True
    # a head or particle (``al-Anbari``, ``El Sayed``, ``ibn Khaldun``, ``Abu Raad``,
    # ``Abdul Hussein``), or the article assimilated (``ad-Din``, ``ash-Shams``)
    words = fold_latin(text).split()
    if any(w in NAME_HEADS_LATIN for w in words):
        return True
    if any(is_latin_article(w, nxt) for w, nxt in pairwise(words)):
        return True
    first = fold_latin(name.family or text).split()[:1]
    return any(w.startswith(_GLUED_HEADS) and w not in _GLUED_HEADS for w in first)


def name_literal(name: Name) -> str:
    """``Family, Given`` as one string (``Family، Given`` in Arabic script)."""
    if name.literal:
        return name.literal
    family, given = name.family or "", name.given or ""
    comma = "، " if has_arabic(family + given) else ", "
    return comma.join(p for p in (family, given) if p)
