"""Per-record features for matching, computed once per entry or footnote.

Everything the scorer compares is precomputed here: script-neutral name and title keys,
numbers (year, Hijri year, issue, volume, edition, pages), URL, place key and the
concept keys of publisher and journal names (through :mod:`citenorm.text.lexicon`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from citenorm.memo import memo
from citenorm.models import Entries, Entry, Fields, Footnote, Name
from citenorm.text import _rx, lexicon
from citenorm.text.normalize import clean, fold_any, has_arabic, url_key
from citenorm.text.skeleton import skeleton

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["KEY_CHARS", "Features", "features_of"]

#: the characters of a value that its comparison keys are made of
KEY_CHARS = 1_000

_NUMBER = _rx.compile(r"[0-9](?<![0-9][0-9])[0-9]{0,3}(?![0-9])")
# the empty set of every record that has none (a new empty frozenset is 216 bytes: two
# a record, for every entry of the document while match runs)
_NONE: frozenset[str] = frozenset()


def _family(name: Name) -> str:
    return name.family or name.literal or ""


#: the fields most records leave empty (their positions among :class:`Features`' arguments):
#: a record with all of them empty holds none of them (:class:`Features` reads the class's)
_RARE = {
    "corporate": 8,
    "name_terms": 9,
    "title_numbers": 13,
    "container_key": 14,
    "hijri": 16,
    "issue": 17,
    "volume": 18,
    "edition": 19,
    "page": 20,
    "url": 21,
    "place": 22,
    "publisher": 23,
    "publisher_key": 24,
    "terms": 25,
    "section_rank": 27,
}


#: the fields in the order of :class:`Features`' arguments (as its repr gives them)
_FIELDS = (
    *("id", "script", "family", "family_key", "names_key", "_names_fold", "_family_fold"),
    *("n_authors", "corporate", "name_terms", "title", "title_key", "_title_fold"),
    *("title_numbers", "container_key", "year", "hijri", "issue", "volume", "edition"),
    *("page", "url", "place", "publisher", "publisher_key", "terms", "type", "section_rank"),
    *("has_author", "_name"),
)


def _empty(value: object) -> bool:
    """Whether ``value`` is what a record without the field holds: ``None``, ``False``,
    ``""`` or an empty set (equal to the class's own)."""
    return value is None or value is False or (type(value) in (str, frozenset) and not value)


def _rich(args: tuple[object, ...], kwargs: dict[str, object]) -> bool:
    """Whether the arguments of :class:`Features` give any of the rare fields a value."""
    for name, k in _RARE.items():
        if k < len(args):
            if not _empty(args[k]):
                return True
        elif name in kwargs and not _empty(kwargs[name]):
            return True
    return False


def _given(args: tuple[object, ...], kwargs: dict[str, object], name: str) -> object:
    """The value the arguments of :class:`Features` give the rare field ``name``."""
    k = _RARE[name]
    return args[k] if k < len(args) else kwargs.get(name, getattr(Features, name))


def _held(args: tuple[object, ...], kwargs: dict[str, object]) -> tuple[str, ...]:
    """The rare fields a :class:`_RichFeatures` holds: those given another value than
    the one the class reads (or an equal one of another type: ``""`` for ``None``)."""
    out = []
    for name in _RARE:
        value, default = _given(args, kwargs, name), getattr(Features, name)
        if not (value == default and type(value) is type(default)):
            out.append(name)
    return tuple(out)


@memo(256)
def _rich_class(held: tuple[str, ...], read: bool) -> type[Features]:
    """The :class:`_RichFeatures` holding the rare fields ``held`` (the others read from
    the class, as empty), reading the values it does not hold from the entries when
    ``read``."""
    slots = (*held, "_entries", "_row") if read else held
    name = f"_RichFeatures[{','.join(held)}]"
    return type(name, (_RichFeatures,), {"__slots__": slots, "__module__": __name__})


class Features:
    """What the scorer needs of one record (read-only by convention: a frozen class
    costs three times as much to build, and one is built per record and footnote).

    The same-script folds (:attr:`names_fold`, :attr:`family_fold`, :attr:`title_fold`)
    are made the first time they are read, from the family name, the first author and
    the title the record holds: a list paired across scripts never reads them (~180
    bytes a record of a long list: ~2.7x the input).

    A record whose rare fields (place, publisher, volume, URL, ...: ``_RARE``) are all
    empty holds only the others (15 slots, 152 bytes, where 30 took 272: ~1.8x of a
    1 MB list of bare entries) and reads the empty ones from the class; one with any of
    them is a :class:`_RichFeatures`, holding those it gives (:func:`_rich_class`).

    The features of an entry read from a document's entries (``features_of(entry,
    entries=..., row=...)``: match's) hold no copy of what the entry gives again: its
    title, family name and only author are read from ``entries[row]`` when asked (an
    entry's values are made when read, :class:`~citenorm.models.Entries`: each held a
    copy, ~300 bytes a record of a long list), and so is its id (made when asked, as the
    entries make it: ~54 bytes a string a record, which match needs only for the pairs
    it returns). Whether it has a title (read for every pair scored) is
    :attr:`has_title`, held."""

    __slots__ = (
        "_family",
        "_family_fold",
        "_id",
        "_name",
        "_names_fold",
        "_title",
        "_title_fold",
        "family_key",
        "has_author",
        "n_authors",
        "names_key",
        "script",
        "title_key",
        "type",
        "year",
    )

    _id: str | None  # (None: read from the entries when asked)
    script: str
    _family: str | None  # first author's family name (or literal), as printed (None: read)
    family_key: str  # its skeleton
    names_key: str  # all authors' names, skeleton, reading order
    _names_fold: str | None  # (None: made from _name when read)
    _family_fold: str | None
    n_authors: int
    _title: str | None  # (None: read from the entry when asked)
    title_key: str
    _title_fold: str | None
    year: int | None
    type: str | None
    has_author: bool  # a family name (or a body's name) is known
    _name: Name | None  # the only author, whose name the names' fold is made of
    # the entries (and the row) the values not held are read from (None: all held; held
    # by a _ReadFeatures or a reading _RichFeatures only)
    _entries: Sequence[Entry] | None = None
    _row: int = 0
    # the rare fields, as a record without them reads them
    corporate: bool = False  # the first author is a body (literal), not a person
    name_terms: frozenset[str] = _NONE  # concept keys of a corporate author
    title_numbers: frozenset[str] = _NONE
    container_key: str = ""
    hijri: int | None = None
    issue: str | None = None
    volume: str | None = None
    edition: str | None = None
    page: str | None = None
    url: str | None = None
    place: str | None = None
    publisher: str = ""
    publisher_key: str = ""
    terms: frozenset[str] = _NONE
    section_rank: int | None = None

    def __new__(cls, *args: object, **kwargs: object) -> Features:
        """A :class:`_RichFeatures` when any rare field is given a value; given the
        entries to read values from, a :class:`_ReadFeatures` (a
        :class:`_RichFeatures` that reads them)."""
        if cls is Features and (args or kwargs):
            read = kwargs.get("entries") is not None
            if _rich(args, kwargs):
                cls = _rich_class(_held(args, kwargs), read)
            elif read:
                cls = _ReadFeatures
        return object.__new__(cls)

    def __init__(
        self,
        id: str,
        script: str,
        family: str,
        family_key: str,
        names_key: str,
        names_fold: str | None,
        family_fold: str | None,
        n_authors: int,
        corporate: bool,
        name_terms: frozenset[str],
        title: str,
        title_key: str,
        title_fold: str | None,
        title_numbers: frozenset[str],
        container_key: str,
        year: int | None,
        hijri: int | None,
        issue: str | None,
        volume: str | None,
        edition: str | None,
        page: str | None,
        url: str | None,
        place: str | None,
        publisher: str,
        publisher_key: str,
        terms: frozenset[str],
        type: str | None,
        section_rank: int | None,
        has_author: bool,
        *,
        name: Name | None = None,
        entries: Sequence[Entry] | None = None,
        row: int = 0,
    ) -> None:
        """A record's features; a fold given as ``None`` is made when read (the names'
        fold from ``name``, the only author: none, ``""``). Given ``entries`` (and the
        ``row`` of the record in them), the title, the family name and ``name`` are not
        held but read from ``entries[row]`` when asked (the same values: none is a copy
        of what the entry gives again)."""
        self._id = None if entries is not None else id
        self.script = script
        if entries is not None:  # (a _ReadFeatures or a reading _RichFeatures: their slots)
            self._entries = entries  # type: ignore[misc]
            self._row = row  # type: ignore[misc]
        # (an empty one held: whether a record has a title is read for every pair)
        read = entries is not None
        self._family = None if read and family else family
        self._name = None if read else name
        self.family_key = family_key
        self.names_key = names_key
        self._names_fold = names_fold
        self._family_fold = family_fold
        self.n_authors = n_authors
        self._title = None if read and title else title
        self.title_key = title_key
        self._title_fold = title_fold
        self.year = year
        self.type = type
        self.has_author = has_author
        if isinstance(self, _RichFeatures):
            rare = {
                "corporate": corporate,
                "name_terms": name_terms,
                "title_numbers": title_numbers,
                "container_key": container_key,
                "hijri": hijri,
                "issue": issue,
                "volume": volume,
                "edition": edition,
                "page": page,
                "url": url,
                "place": place,
                "publisher": publisher,
                "publisher_key": publisher_key,
                "terms": terms,
                "section_rank": section_rank,
            }
            for name in self.__class__.__slots__:
                if name in rare:
                    setattr(self, name, rare[name])

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS)
        return f"Features({fields})"

    @property
    def id(self) -> str:
        """The record's id."""
        got = self._id
        if got is None:
            assert self._entries is not None
            got = _entry_id(self._entries, self._row)
        return got

    @id.setter
    def id(self, value: str) -> None:
        self._id = value

    def _fields(self) -> Fields:
        assert self._entries is not None
        return self._entries[self._row].fields

    @property
    def family(self) -> str:
        """The first author's family name (or literal), as printed."""
        got = self._family
        if got is None:
            got = _family_value(self._fields().author or [])
        return got

    @property
    def title(self) -> str:
        """The title, as printed."""
        got = self._title
        if got is None:
            got = _title_value(self._fields())
        return got

    @property
    def has_title(self) -> bool:
        """Whether the record has a title (read without it)."""
        return self._title is None or bool(self._title)

    @property
    def names_fold(self) -> str:
        """All authors' names, same-script fold."""
        got = self._names_fold
        if got is None:
            name = self._name
            if name is None and self._entries is not None and self.n_authors == 1:
                authors = self._fields().author
                name = authors[0] if authors else None
            got = self._names_fold = fold_any(name.display()[:KEY_CHARS]) if name else ""
        return got

    @property
    def family_fold(self) -> str:
        """The first author's family name, same-script fold."""
        got = self._family_fold
        if got is None:
            family = self.family
            got = self._family_fold = _same(fold_any(family), family)
        return got

    @property
    def title_fold(self) -> str:
        """The title, same-script fold."""
        got = self._title_fold
        if got is None:
            title = self.title
            got = self._title_fold = _same(fold_any(title), title)
        return got


class _RichFeatures(Features):
    """:class:`Features` of a record with any of the rare fields: the classes made by
    :func:`_rich_class` (one for each set of rare fields held, reading the values they do
    not hold from the entries or not) hold those fields only (a class of all 15 held
    every one: 120 bytes more, ~0.5x a 1 MB list whose records give a publisher)."""

    __slots__ = ()


class _ReadFeatures(Features):
    """:class:`Features` of an entry that read the values they do not hold from the
    entries (two slots more than a :class:`Features`, which a footnote's are: 16 bytes)."""

    __slots__ = ("_entries", "_row")


def _entry_id(entries: Sequence[Entry], row: int) -> str:
    """The id of ``entries[row]``, without building the entry when the entries are a
    document's (:class:`~citenorm.models.Entries`, which make it from the row)."""
    if isinstance(entries, Entries):
        return entries._id_of(row)
    return entries[row].id


def _same(folded: str, value: str) -> str:
    """``folded``, or ``value`` itself when they are equal (a fold that changed nothing:
    one string held, not two; ~80 bytes a record of an Arabic list). For the record's own
    values only: a string built for the call would be held instead of the memo's fold."""
    return value if folded == value else folded


def _names_text(names: list[Name] | None) -> str:
    if not names:
        return ""
    return " ".join(n.display() for n in names)


def _family_value(names: Sequence[Name]) -> str:
    """The first author's family name (or literal) as the features hold it."""
    return _family(names[0])[:KEY_CHARS] if names else ""


def _title_value(fields: Fields) -> str:
    """The title as the features hold it."""
    return (fields.title or "")[:KEY_CHARS]


def features_of(
    record: Entry | Footnote,
    *,
    section_rank: int | None = None,
    entries: Sequence[Entry] | None = None,
    row: int = 0,
    shared: dict[str, str] | None = None,
) -> Features:
    """Features of an entry or a (parsed) footnote. Given the ``entries`` the record is
    read from (``entries[row]``), the features hold no copy of the values it gives again
    (its title, family name, only author: read from it when asked). Given ``shared``
    (the keys of the records whose features were made before, by value), a key equal
    to one of theirs is that string, not a copy (a list's authors, titles and publishers
    come again: ~1x a 1 MB list of them), and a new one is added to it."""
    f: Fields = record.fields
    names = f.author or []
    # keys are made of the first KEY_CHARS characters of each value: no real name or
    # title is longer, and a line of megabytes parsed as one title costs no more
    family = _family_value(names)
    title = _title_value(f)
    publisher = (f.publisher or "")[:KEY_CHARS]
    container = (f.container_title or "")[:KEY_CHARS]
    place = lexicon.place_key(f.publisher_place[:KEY_CHARS]) if f.publisher_place else None
    terms = lexicon.term_keys(" ".join((publisher, container)))
    year = f.issued.year if f.issued else None
    script = "arabic" if has_arabic(record.text) else "latin"
    names_text = _names_text(names)[:KEY_CHARS]

    def share(key: str) -> str:
        return key if shared is None else shared.setdefault(key, key)

    return Features(
        id=record.id,
        script=script,
        family=family,
        family_key=share(skeleton(family)) if family else "",
        names_key=share(skeleton(names_text)),
        # (one author: the fold made when read, from the name; several: made now)
        names_fold=fold_any(names_text) if len(names) > 1 else None,
        family_fold=None,
        n_authors=len(names),
        corporate=bool(names and names[0].literal),
        name_terms=lexicon.term_keys(names[0].literal[:KEY_CHARS]) or _NONE
        if names and names[0].literal
        else _NONE,
        title=title,
        title_key=share(skeleton(title)) if title else "",
        title_fold=None,
        title_numbers=frozenset(_NUMBER.findall(clean(title))) or _NONE,
        container_key=skeleton(container) if container else "",
        year=year,
        hijri=f.hijri,
        issue=f.issue,
        volume=f.volume,
        edition=f.edition if f.edition and f.edition.isdigit() else None,
        page=f.page,
        url=url_key(f.URL[:KEY_CHARS]) or None if f.URL else None,
        place=place,
        publisher=share(publisher) if publisher else "",
        publisher_key=share(skeleton(publisher)) if publisher else "",
        terms=terms or _NONE,
        type=f.type,
        section_rank=section_rank,
        has_author=bool(family),
        name=names[0] if len(names) == 1 else None,
        entries=entries,
        row=row,
    )
