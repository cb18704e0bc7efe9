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
import unicodedata

from citenorm.models import Name
from citenorm.text.normalize import has_arabic

__all__ = ["arabic_name", "language_of", "name_literal", "romanized_arabic"]

# ALA-LC marks: ʻayn and hamzah (several code points in the wild), macrons and underdots.
_ALALC_MARKS = frozenset("ʻʼʿʾāīūĀĪŪḥḤṣṢḍḌṭṬẓẒḏḎṯṮġĠ")
# Particles that begin or join the parts of an Arabic name, in any romanization:
# ``al-Anbari``, ``El Sayed``, ``ibn Khaldun``, ``Abu Raad``, ``Abdul Hussein``.
_NAME_PARTICLE = re.compile(
    r"(?:^|[\s'’ʻʿ-])(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|bint|ben|abu|abū|abi|abī|umm"
    r"|abd|ʻabd|ʿabd|abdul|abdel|abdal)(?=[-\s]|$)|^(?:abdul|abdel|abdal)\w",
    re.IGNORECASE,
)
# Romanized Arabic function words and clitics (``wa-``, ``li-``, ``fī``).
_ROMANIZED_WORD = re.compile(
    r"^(?:(?:al|wa|bi|li|lil|fa|ka)-\w+|fi|fī|min|ilá|ila|ʻalá|ala|an|ʻan|wa|aw|bayna|maʻa"
    r"|kitab|kitāb|risalat|risālat|tarikh|tārīkh)$",
    re.IGNORECASE,
)
_ENGLISH_WORD = frozenset(
    [
        "the",
        "of",
        "and",
        "in",
        "on",
        "for",
        "to",
        "with",
        "a",
        "an",
        "its",
        "their",
        "from",
        "by",
        "between",
        "at",
        "as",
        "into",
        "towards",
        "toward",
        "study",
        "analysis",
        "role",
        "impact",
        "policy",
        "relations",
        "international",
    ]
)
_WORD = re.compile(r"[^\W\d_][\w'’ʻʼʿʾ-]*")


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
    english = sum(1 for w in words if w.lower() in _ENGLISH_WORD)
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
    folded = unicodedata.normalize("NFC", text)
    return any(_NAME_PARTICLE.search(part) for part in (name.family or "", folded))


def name_literal(name: Name) -> str:
    """``Family, Given`` as one string (``Family، Given`` in Arabic script)."""
    if name.literal:
        return name.literal
    family, given = name.family or "", name.given or ""
    comma = "، " if has_arabic(family + given) else ", "
    return comma.join(p for p in (family, given) if p)
