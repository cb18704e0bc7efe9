"""Person and corporate names: order detection, compounds, co-authors.

Lists usually print the first author ``Family، Given`` and footnotes ``Given Family``;
both orders occur in Latin lists too (the seed's web entries print ``Ahmed Dahshan``), so
the order is decided per entry by the caller and passed in. Compound names (``عبد
الحسين``, ``أبو رعد``, ``Abdul Hussein``, ``Abu al-Futuh``, ``Al Hosani``) are one unit.
"""

from __future__ import annotations

import re

from citenorm.memo import memo
from citenorm.models import Name
from citenorm.text import _rx, lexicon, vocab
from citenorm.text import patterns as P
from citenorm.text.normalize import has_arabic
from citenorm.text.skeleton import skeleton

__all__ = ["is_given", "looks_like_name", "parse_names", "split_direct", "two_direct_names"]

_INITIAL = _rx.compile(r"^[A-Z\u00c0-\u024f\u1e00-\u1eff]\.$")
_LETTERS = _rx.compile(r"[^\W\d_]")
_DIGIT = _rx.compile(r"[0-9]")
_EMPTY_BRACKETS = _rx.compile(r"\(\s*\)|\[\s*\]")
_AND_SPLIT = _rx.compile(r"\s*(?:؛\s*و|؛|;|&|\sand\s|\sو\s)\s*", re.IGNORECASE)


@memo(None)
def _given_skeletons() -> frozenset[str]:
    """Consonant skeletons of the lexicon's Arabic given names, to recognise their
    romanizations (Muḥammad, Mohammed -> mhmd); short skeletons are too ambiguous."""
    keys = (skeleton(n).replace(" ", "") for n in lexicon.GIVEN_NAMES)
    return frozenset(k for k in keys if len(k) >= 3)


def is_given(word: str) -> bool:
    """A common Arabic given name, in Arabic script or romanized."""
    if not word:
        return False
    if has_arabic(word):
        return lexicon.is_given_name(word)
    key = skeleton(word).replace(" ", "")
    return len(key) >= 3 and key in _given_skeletons() and not lexicon.is_place(word)


_WORD_PUNCT = "()[]{}\"'«»“”.,،:;؛*"


def looks_like_name(text: str, *, max_words: int = 6) -> bool:
    """True when ``text`` could be a person's name, or co-authors' names joined by
    ``و``/``and``/``&``: each name short, no title words, romanized words capitalised."""
    shape = name_shape(text)
    return shape is not None and shape <= max_words


def name_shape(text: str) -> int | None:
    """How many words the longest name of ``text`` has, when ``text`` could be a
    person's name or co-authors' names (else ``None``): ``looks_like_name(text,
    max_words=k)`` is ``name_shape(text) <= k``, for every ``k`` from one reading."""
    text = _drop_et_al(text)
    if _DIGIT.search(text) or not _LETTERS.search(text):
        return None
    names = _split_coauthors(text)
    if not names or len(names) > 6:
        return None
    longest = 0
    for n in names:
        words = _name_words(n)
        if words is None:
            return None
        longest = max(longest, words)
    return longest


def _name_words(text: str) -> int | None:
    """The number of words of one name, or ``None`` when it cannot be one (no words, a
    title word, a lowercase romanized word)."""
    printed = text.split()
    words = [w.strip(_WORD_PUNCT) for w in printed]
    words = [w for w in words if w]
    if not words:
        return None
    for raw, w in zip(printed, words, strict=False):
        if len(raw) == 2 and _INITIAL.match(raw):  # an initial is two characters: "J."
            continue
        lw = w.lower()
        if w in vocab.TITLE_WORDS_AR or (
            lw in vocab.TITLE_WORDS_LATIN and lw not in vocab.NAME_PARTICLES_LATIN
        ):
            return None
        if w.startswith("لل") and len(w) > 4:
            return None
        if w[0].isascii() and w[0].isalpha() and w[0].islower():
            # romanized names are capitalised, except particles and "al-X"
            base = lw.split("-")[0]
            if base not in vocab.NAME_PARTICLES_LATIN and not (len(w) == 2 and _INITIAL.match(w)):
                return None
    return len(words)


def _units(words: list[str]) -> list[str]:
    """Group words into name units: ``عبد الحسين``, ``Abu al-Futuh``, ``Al Hosani``."""
    units: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        lw = w.lower().rstrip("-")
        if i + 1 < len(words) and (w in vocab.NAME_HEADS_AR or lw in vocab.NAME_HEADS_LATIN):
            nxt = [w, words[i + 1]]
            i += 2
            # "Abu al-Futuh", "عبد ال رحمن" is rare; "Abd al-Rahman" already two words
            units.append(" ".join(nxt))
            continue
        units.append(w)
        i += 1
    return units


def split_direct(name: str) -> Name:
    """A name printed in reading order (``Given Family``) -> :class:`Name`."""
    words = [w for w in name.split() if w]
    if not words:
        return Name.model_construct(literal=name.strip())
    if len(words) == 1:
        return Name.model_construct(family=words[0])
    units = _units(words)
    if len(units) == 1:
        return Name.model_construct(family=units[0])
    return Name.model_construct(family=units[-1], given=" ".join(units[:-1]))


def _drop_et_al(text: str) -> str:
    """``text`` with "et al." / "وآخرون" made a space (every form holds "خر" or "et")."""
    if "خر" in text or "et" in text.lower():
        return P.ET_AL.sub(" ", text)
    return text


def _split_coauthors(text: str, *, given_first: bool = False) -> list[str]:
    """Co-authors' names joined by ``و``, ``and``, ``&`` or ``;``. ``given_first``: the
    text follows an inverted first name's comma, so its first part is that name's given
    name (one word may be all of it)."""
    # every separator holds one of these characters (or "and"): skip the split without
    if "و" in text or ";" in text or "؛" in text or "&" in text or "and" in text.lower():
        parts = [p.strip(" ،,.") for p in _AND_SPLIT.split(text)]
    else:
        parts = [text.strip(" ،,.")]
    out: list[str] = []
    for part in parts:
        if not part:
            continue
        first = given_first and not out
        out.extend(_split_attached_waw(part, min_left=1 if first else 2, after_comma=first))
    return out


def _split_attached_waw(text: str, *, min_left: int = 2, after_comma: bool = False) -> list[str]:
    """``دريه شفيق بسيوني ومحمد عبيد`` -> two names, when ``محمد`` is a known given name;
    ``جميل وسعيد، كريم`` -> two names, a name inverted after the ``و`` (its family name
    ends at a comma, a name follows it); ``محمد سبيلا وعبد السلام …``, ``… وأبو بكر …``,
    ``فوريس وأ. ج. …`` -> two names, the ``و`` joined to a compound name's head or to an
    initial; ``غريغوار، منصور مرشو وخوان أنطونيو باتشيكو`` (``after_comma``: the given
    names of an inverted first name) -> two names, a word joined to ``و`` after two given
    names with two words or more after it (no given name of its own: ``وليد`` is one).
    ``min_left``: the fewest words of the name before the ``و``."""
    words = text.split()
    for k in range(1, len(words)):
        w = words[k]
        if not w.startswith("و") or len(w) <= 2 or k + 1 >= len(words):
            continue
        # a compound name's head or an initial never ends a name: one word may be before
        opens = w[1:] in vocab.NAME_HEADS_AR or (len(w) == 3 and w[2] == "." and w[1] != "و")
        if k < min_left and not opens:
            continue
        bare = w.rstrip("،,")
        inverted = bare != w and len(bare) > 3 and not lexicon.is_given_name(bare)
        # a second full name after an inverted name's given names
        full = (
            after_comma
            and k >= 2
            and len(words) - k >= 3
            and len(w) > 3
            and w[1:] not in vocab.NAME_HEADS_AR
            and not lexicon.is_given_name(w)
        )
        if (
            inverted
            or opens
            or full
            or (not lexicon.is_given_name(w) and lexicon.is_given_name(w[1:]))
        ):
            # (the comma before the "و" of a list is the list's: "محمد، وسالم …")
            left, right = " ".join(words[:k]).rstrip(" ،,"), " ".join([w[1:], *words[k + 1 :]])
            return [left, *_split_attached_waw(right)]
    return [text]


def _direct_arabic_name(part: str) -> bool:
    """``إبراهيم بيومي مدكور``: an Arabic name in reading order, two to four words, the
    first a known given name, none with the article or a compound's head (an inverted
    family name has them: ``الجزائري``, ``عبد اللطيف``, ``ابن سيده``)."""
    words = part.split()
    return (
        2 <= len(words) <= 4
        and has_arabic(part)
        and lexicon.is_given_name(words[0])
        and not any(
            w in vocab.NAME_HEADS_AR or w.startswith(("ال", "وال")) or not w.isalpha()
            for w in words
        )
    )


def two_direct_names(text: str) -> list[Name] | None:
    """``إبراهيم بيومي مدكور، يوسف كرم``: two names in reading order joined by a comma
    (each a full name opening with a given name, not ``Family، Given``), or None."""
    if "،" not in text and "," not in text:
        return None
    parts = [p.strip() for p in re.split(r"\s*[,،]\s*", text.strip(" ،,.:"))]
    if len(parts) != 2 or not all(_direct_arabic_name(p) for p in parts):
        return None
    return [split_direct(p) for p in parts]


def parse_names(text: str, *, inverted_first: bool) -> list[Name]:
    """Parse an author statement into names.

    ``inverted_first``: the first name is printed ``Family، Given`` (list style); the
    others, if any, are in reading order. Corporate bodies become ``literal``.
    """
    # brackets emptied by taking the date out: "العتيبي، محمد (2015)" -> "العتيبي، محمد ( )"
    text = _drop_et_al(text)
    if "(" in text or "[" in text:
        text = _EMPTY_BRACKETS.sub(" ", text)
    text = " ".join(text.split()).strip(" ،,.;؛:")
    if not text:
        return []
    if lexicon.has_corporate_word(text) or lexicon.is_place(text):
        return [Name.model_construct(literal=" ".join(text.split()))]
    names: list[Name] = []
    if inverted_first:
        pairs = _inverted_pairs(text)
        if pairs:
            return pairs
        m = re.match(r"^(?P<family>[^,،]+?)\s*[,،]\s*(?P<rest>.+)$", text)
        if m:
            rest_names = _split_coauthors(m.group("rest"), given_first=True)
            if len(rest_names) >= 2:
                # (a list closed by "and": "Harbour, Samuel, Mary Stone and Peter Marsh")
                rest_names[:1] = _given_then_names(rest_names[0])
            family = " ".join(m.group("family").split())
            names.append(
                Name.model_construct(family=family, given=" ".join(rest_names[0].split()))
                if rest_names
                else Name.model_construct(family=family)
            )
            for other in rest_names[1:]:
                names.append(_one_more(other))
            return names
    for part in _split_coauthors(text):
        names.append(_one_more(part))
    return names


_LEAD_AND = _rx.compile(r"^(?:&|and|و(?=ال)|و\s+)\s*", re.IGNORECASE)


def _given_then_names(text: str) -> list[str]:
    """``Samuel T., Mary Stone`` (Chicago's ``Harbour, Samuel T., Mary Stone, and Peter
    Marsh``, a list its last "and" closes): an inverted first name's given names end at
    the next comma; each Latin name after it is another author's, printed in reading order (two to four words, the
    first capitalised, no digit). ``text`` whole when a part after a comma is not such a
    name (``J., Jr.``, ``C., Russo, F.``)."""
    if "," not in text or has_arabic(text):
        return [text]
    parts = [p.strip() for p in text.split(",")]
    given, others = parts[0], parts[1:]
    if not given or not others:
        return [text]
    for other in others:
        words = other.split()
        if not 2 <= len(words) <= 4 or not words[0][:1].isupper() or _DIGIT.search(other):
            return [text]
    return [given, *others]


def _inverted_pairs(text: str) -> list[Name]:
    """``Smith, J., & Jones, K.`` / ``العتيبي، محمد، والشمري، خالد``: several names, each
    ``Family, Given``; the list has an even number of comma-separated parts, none holding
    a separator inside (``Rossi, C. & Russo, F.`` is read by the caller)."""
    parts = [p.strip() for p in re.split(r"\s*[,،]\s*", text) if p.strip()]
    if len(parts) < 4 or len(parts) % 2:
        return []
    out: list[Name] = []
    pairs = list(zip(parts[0::2], parts[1::2], strict=True))
    for i, (family, given) in enumerate(pairs):
        family = _LEAD_AND.sub("", family).strip()
        given = given.strip()
        if not family or not given or len(family.split()) > 4 or len(given.split()) > 5:
            return []
        if _AND_SPLIT.search(family) or _AND_SPLIT.search(given) or _LEAD_AND.match(given):
            return []  # ("Harbour, Samuel, Mary Stone, and Peter Marsh": Chicago's list)
        if (
            i == len(pairs) - 1
            and i
            and family.startswith("و")
            and len(family) > 3
            and " " not in family
            and not lexicon.is_given_name(family)
        ):
            family = family[1:]  # "، وبكري، سعيد": the last name joined by an attached "و"
        out.append(Name.model_construct(family=family, given=given))
    return out


def _one_more(text: str) -> Name:
    m = re.match(r"^(?P<family>[^,،]+?)\s*[,،]\s*(?P<given>[^,،]+)$", text)
    if m:
        return Name.model_construct(
            family=" ".join(m.group("family").split()), given=" ".join(m.group("given").split())
        )
    if lexicon.has_corporate_word(text):
        return Name.model_construct(literal=" ".join(text.split()))
    return split_direct(text)
