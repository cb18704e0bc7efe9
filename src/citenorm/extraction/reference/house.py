"""A list's house style decides how its doubtful entries are read.

A list prints its entries one way: ``Author: Title, ...`` (or ``Author، Title، ...``).
The labeler reads most entries with their author; an entry whose name it did not know
(``Jevons: Elementary Lessons``, ``Angus Konstam: Piracy: The Complete History``) comes
out with no author and a title that opens with the name. :class:`HouseVotes` (as
extraction builds the entries; :func:`house_authors` over a document's) takes the
style from the entries read with an author (a vote of the separator printed between
the name and the title), then reads the name off the title of each entry with no author
when the list's style says a name is printed there and the head before the separator
looks like a name: no title, place, journal, publisher or corporate word, no article-led
Arabic word (titles have them, names only in compounds and nisbas), no word another
title of the list uses (a topic: ``Logic: An Introduction``), no web page. In a list
whose names end with a colon, an entry whose name the labeler cut short (``O’Leary, |
De Lacy: Arabic Thought``) is read to the colon as well.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from citenorm.extraction.compact import Sharing, fields_of
from citenorm.extraction.names import looks_like_name
from citenorm.extraction.reference import repairs as R
from citenorm.extraction.reference import tails as T
from citenorm.extraction.reference.spans import tidy
from citenorm.extraction.reference.values import author_names
from citenorm.models import Entry, Fields
from citenorm.text import _rx, lexicon, vocab
from citenorm.text.normalize import clean

__all__ = ["HouseVotes", "house_authors"]

#: the separators a house style prints between the author and the title
_SEPARATORS = frozenset({":", ",", "،"})
#: a style is a list's when this many of its entries read with an author print it...
_MIN_VOTES = 4
#: ... and this share of them (the other entries: another separator, or none)
_MIN_SHARE = 0.75

# a nisba with its article, a name's last word: "الحموي", "القرطبى"
_NISBA = _rx.compile("^ال[\u0621-\u064a]{2,}[يى]$")


def _separator(text: str, fields: Fields) -> tuple[str, bool] | None:
    """The separator ``text`` prints between its author and its title, and whether the
    name before it is inverted (``Family، Given``), for an entry read with both."""
    if not fields.author or not fields.title:
        return None
    text = clean(text)  # (the values are read from the cleaned text)
    at = text.find(fields.title)
    if at <= 0:
        return None
    head = text[:at].rstrip()
    if not head or head[-1] not in _SEPARATORS:
        return None
    name = head[:-1]
    return head[-1], "," in name or "،" in name


def _style(found: Counter[tuple[str, bool]]) -> tuple[str, bool] | None:
    """The separator (and inversion) most of a list's entries read with an author print,
    from the count of what :func:`_separator` found in each."""
    seps: Counter[str] = Counter()
    inverted: Counter[str] = Counter()
    for (sep, inv), n in found.items():
        seps[sep] += n
        inverted[sep] += n if inv else 0
    if not seps:
        return None
    sep, votes = seps.most_common(1)[0]
    if votes < _MIN_VOTES or votes < _MIN_SHARE * sum(seps.values()):
        return None
    return sep, inverted[sep] * 2 > votes


def _arabic_name_words(words: Sequence[str]) -> bool:
    """No article-led word but in a compound (``عبد الرحمن``, ``نور الدين``) or a last
    nisba (``ياقوت الحموي``): titles open their nouns with the article, names do not."""
    for i, w in enumerate(words):
        if not w.startswith(vocab.DEFINITE_PREFIXES_AR):
            continue
        if w in vocab.NAME_TAILS_AR or (i > 0 and words[i - 1] in vocab.NAME_HEADS_AR):
            continue
        if i == len(words) - 1 and i > 0 and _NISBA.match(w):
            continue
        return False
    return True


def _name_like(part: str, *, alone: bool) -> bool:
    """``part`` (one comma part of the head) could be a person's name. ``alone``: the
    whole head, which for Arabic takes two words at least (a one-word Arabic head before
    a colon is as often a title's)."""
    words = part.split()
    if not 1 <= len(words) <= 5 or not looks_like_name(part, max_words=5):
        return False
    if any(ch in part for ch in "()[]«»“”\"'"):
        return False
    if R.ARABIC_LETTER.search(part):
        if alone and len(words) < 2:
            return False
        if not _arabic_name_words(words):
            return False
    elif not all(w[0].isupper() or w.lower() in vocab.NAME_PARTICLES_LATIN for w in words):
        return False
    return not (
        lexicon.is_place(part)
        or any(lexicon.is_place(w) for w in part.replace("-", " ").split() if len(w) > 2)
        or lexicon.has_journal_word(part)
        or lexicon.has_publisher_word(part)
        or lexicon.has_corporate_word(part)
        or R.opens_statement(part)
        or T.collective(part)
    )


def _head(title: str, sep: str, inverted: bool) -> tuple[str, str] | None:
    """(the name, the title after it) when ``title`` opens with a name printed in the
    list's style, else ``None``."""
    if sep == ":":
        name, colon, rest = title.partition(":")
        if not colon:
            return None
        parts = R.COMMA.split(name)
        if len(parts) > 2 or (len(parts) == 2 and not inverted):
            return None
    else:
        pieces = R.comma_pieces(title)
        take = 2 if inverted else 1
        if len(pieces) <= take:
            return None
        name = title[: pieces[take - 1][1]]
        rest = title[pieces[take][0] :]
        parts = R.COMMA.split(name)
    name, rest = tidy(name), tidy(rest)
    if len(rest.split()) < 2 or not any(ch.isalpha() for ch in rest):
        return None
    if not all(_name_like(tidy(p), alone=len(parts) == 1) for p in parts):
        return None
    return name, rest


def _name_end_in_title(text: str, title: str) -> tuple[str | None, str] | None:
    """``O’Leary, | De Lacy: Arabic Thought`` / ``Dodds, Jerrilynn, | ed: Al-Andalus``, in a
    list whose authors end with a colon: an entry read with an author whose title opens
    with the name's last words (or the name's role) and the colon before the colon of
    the text is read again: (the whole name, or None for a role, and the title after
    the colon), else None."""
    at = text.find(title)
    if at <= 0 or ":" in text[:at]:
        return None  # the name already ends with the list's colon
    head, colon, rest = title.partition(":")
    rest = tidy(rest)
    if not colon or len(rest.split()) < 2 or not 1 <= len(head.split()) <= 4:
        return None
    if R.opens_statement(head.strip() + " "):
        return None, rest  # "ed: Title": the name's role (ed, eds, editor, hrsg, trans...)
    if not _name_like(tidy(head), alone=False):
        return None
    return tidy(text[: at + len(head)]), rest


def _topic_words(text: str) -> frozenset[str]:
    """The words of ``text`` long enough to name a topic (four letters or more), folded."""
    return frozenset(w.casefold() for w in _WORD.findall(text) if len(w) >= 4)


_WORD = _rx.compile(r"[^\W\d_]+")


class HouseVotes:
    """What a document's entries tell of their lists' house styles, entry by entry as
    extraction builds them (:meth:`add`), then the entries that a style reads again
    (:meth:`reread`). Holds counts, not records: the separators the entries read with an
    author print, the words of the titles long enough to name a topic (``Logic: An
    Introduction`` in a list of logic books is a title: its head word is a topic;
    ``Jevons: Elementary Lessons`` names no other title), and the rows that may be read
    again (a title, no URL) with their list.

    The title words are counted when a style first asks (:class:`_TitleWords`), from the
    entries of the list read again: a count of every title word held while the entries
    were parsed (~2x a list of 1 MB of distinct titles) was read for few entries, or
    none (an entry with an author is read again without it)."""

    __slots__ = ("_candidates", "_lists", "_of_list", "_of_titled", "_titled", "_votes")

    def __init__(self) -> None:
        self._votes: dict[tuple[str, str], Counter[tuple[str, bool]]] = defaultdict(Counter)
        self._candidates = array("i")
        self._lists: list[tuple[str, str]] = []  # the lists (an index of this, each row)
        self._of_list = bytearray()
        self._titled = array("i")  # the rows with a title, and their list
        self._of_titled = bytearray()

    def add(self, row: int, kind: str, script: str, text: str, fields: Fields) -> None:
        """The entry at ``row`` (of list ``kind`` and ``script``), read as ``fields``."""
        key = (kind, script)
        found = _separator(text, fields)
        if found is not None:
            self._votes[key][found] += 1
        if fields.title:
            if key not in self._lists:
                self._lists.append(key)
            of_list = self._lists.index(key)
            self._titled.append(row)
            self._of_titled.append(of_list)
            if not fields.URL:
                self._candidates.append(row)
                self._of_list.append(of_list)

    def reread(
        self, entries: Sequence[Entry], *, sharing: Sharing | None = None
    ) -> dict[int, Fields]:
        """The entries (``entries``: those added, by row) that their list's house style
        reads again: their fields with the name that opens their title as the author. A
        list whose style no clear majority prints reads nothing again."""
        styles: dict[tuple[str, str], tuple[str, bool]] = {}
        for key, found_seps in self._votes.items():
            style = _style(found_seps)
            if style is not None:
                styles[key] = style
        out: dict[int, Fields] = {}
        counts: dict[int, _TitleWords] = {}
        for i, k in zip(self._candidates, self._of_list, strict=True):
            style = styles.get(self._lists[k])
            if style is None:
                continue
            words = counts.get(k)
            if words is None:
                rows = (r for r, of in zip(self._titled, self._of_titled, strict=True) if of == k)
                words = counts[k] = _TitleWords(entries, rows)
            fields = _reread(entries[i], style, words, sharing)
            if fields is not None:
                out[i] = fields
        return out


class _TitleWords:
    """How many titles of a list hold each word long enough to name a topic
    (:func:`_topic_words`), counted when first asked, from the entries at ``rows``."""

    __slots__ = ("_counts", "_entries", "_rows")

    def __init__(self, entries: Sequence[Entry], rows: Iterable[int]) -> None:
        self._entries: Sequence[Entry] | None = entries
        self._rows: Iterable[int] | None = rows
        self._counts: Counter[str] = Counter()

    def __getitem__(self, word: str) -> int:
        if self._entries is not None and self._rows is not None:
            entries, rows = self._entries, self._rows
            self._entries = self._rows = None
            for r in rows:
                self._counts.update(_topic_words(entries[r].fields.title or ""))
        return self._counts[word]


def _reread(
    entry: Entry,
    style: tuple[str, bool],
    counts: Counter[str] | _TitleWords,
    sharing: Sharing | None,
) -> Fields | None:
    """``entry`` read again under its list's ``style`` (``counts``: its titles' words),
    or ``None`` when the style changes nothing."""
    sep, inverted = style
    text, fields = clean(entry.text), entry.fields  # (the values' text: marks cleaned)
    title = fields.title
    assert title is not None
    if fields.author:
        if sep != ":":
            return None
        named = _name_end_in_title(text, title)
        if named is None:
            return None
        head, rest = named
        names = author_names(head) if head else None
        data = {**dict(fields), "title": rest}
        if names:
            data["author"] = names
        return fields_of(data, sharing)
    if not text.lstrip().startswith(title):
        return None  # the title does not open the entry: no name before it
    topics = frozenset(w for w in _topic_words(title) if counts[w] > 1)
    head_found = _head(title, sep, inverted)
    if head_found is None or _topic_words(head_found[0]) & topics:
        return None  # (a word of the head the list's other titles use: a topic)
    names = author_names(head_found[0])
    if not names:
        return None
    return fields_of({**dict(fields), "author": names, "title": head_found[1]}, sharing)


def house_authors(entries: Sequence[Entry], *, sharing: Sharing | None = None) -> dict[int, Fields]:
    """The entries of a document (in order) that their list's house style reads again,
    by index: their fields with the name that opens their title as the author. Entries
    of one list kind and script are one list; a list whose style no clear majority
    prints reads nothing again. ``sharing``: as
    :func:`~citenorm.extraction.compact.fields_of`. (:class:`HouseVotes` does the same
    as the entries are built.)"""
    votes = HouseVotes()
    for i, e in enumerate(entries):
        votes.add(i, e.list, e.script, e.text, e.fields)
    return votes.reread(entries, sharing=sharing)
