"""CN5xx: the hygiene of the lists themselves, and articles without a list."""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, overload

from rapidfuzz import fuzz, process

from citenorm.auditing.registry import Hit, rule
from citenorm.auditing.rules._common import citation_map, fold, locate, record_lines, related
from citenorm.text import _rx
from citenorm.text.normalize import strip_article
from citenorm.text.patterns import lazy

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from citenorm.config import AuditConfig
    from citenorm.models import Document, Entry, MatchResult

FAMILY = "lists"


def _start(doc: Document, e: Entry) -> int:
    raw = doc.lines[e.line - 1] if 1 <= e.line <= len(doc.lines) else ""
    return len(raw) - len(raw.lstrip()) + 1


class _Picked(Sequence["Entry"]):
    """Some of a document's entries (by index), each read when it is needed: a list of
    thousands of entries built each of them (models.Entries) and held them all."""

    __slots__ = ("_entries", "_rows")

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._entries = entries
        self._rows: list[int] = []

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> list[Entry]: ...

    def __getitem__(self, index: int | slice) -> Entry | list[Entry]:
        if isinstance(index, slice):
            return [self._entries[k] for k in self._rows[index]]
        return self._entries[self._rows[index]]


def _by_section(doc: Document) -> dict[tuple[str | None, str], _Picked]:
    """The entries of each (sub-)list, in order; in a bilingual list (each Arabic entry
    followed by its romanization, ``extract``'s ``list: romanized`` inside an original
    list's section) the renderings apart from the list's own entries."""
    out: dict[tuple[str | None, str], _Picked] = {}
    for k, e in enumerate(doc.entries):
        key = (e.section, e.list)
        picked = out.get(key)
        if picked is None:
            picked = out[key] = _Picked(doc.entries)
        picked._rows.append(k)
    return out


def _title_key(e: Entry) -> str:
    return fold(e.fields.title or "")


def _authors_key(e: Entry) -> str:
    names = e.fields.author or []
    return " ".join(sorted(fold(n.display()) for n in names))


_SCAN = 16  # CN501: groups up to this size are scanned in Python directly
GROUP_WINDOW = 256
"""CN501: an entry is compared with at most this many earlier entries of each of its
groups, the latest (a repeat is printed near its copy in a sorted list): a hostile list of
one author and year costs ``GROUP_WINDOW`` comparisons (in C) per entry, not the list."""


def _work_keys(e: Entry, title: str) -> list[tuple[str, str, int | None, str]]:
    """The groups in which CN501 looks for an earlier copy of ``e``: its list, authors and
    year; without authors (or when the parser found none) also the first or the last word
    of the folded title, so that the entries of one year do not make one group. Two
    titles at least 95% alike share one of these words unless both differ."""
    year = e.fields.issued.year if e.fields.issued else None
    authors = _authors_key(e)
    if authors:
        return [(e.list, authors, year, "")]
    words = title.split() or [title]
    return [(e.list, "", year, w) for w in dict.fromkeys((words[0], words[-1]))]


@rule(
    code="CN501",
    name="duplicate-entry",
    severity="warning",
    family=FAMILY,
    summary="The same work twice in one list: the same text after folding, or the same authors, year and (nearly) the same title.",
    why="A duplicate inflates the list and often hides a real difference (another edition, a typo in one copy) that should be resolved.",
    example="4. محمد،زيدون سلمان ، روسيا والصين :محفزات وقيود التعاون … ٢٠٢٤)\n9. محمد، زيدون سلمان، روسيا والصين: محفزات وقيود التعاون … ٢٠٢٤)",
)
def duplicate_entry(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    entries = doc.entries
    # each entry is compared only with the earlier entries that can repeat it: the same
    # folded text, or the same list, authors and year (without authors: and a word of
    # the title), a group whose last GROUP_WINDOW entries are scanned for a near title;
    # the first such earlier entry in the document is reported. Both indexes hold keys'
    # hashes, not keys (_Index): a long list held its every folded text and title twice
    first_text = _Index(lambda k: [_text_key(entries[k])], lambda k: "")
    works = _Index(
        lambda k: _work_keys(entries[k], _title_key(entries[k])),
        lambda k: _title_key(entries[k]),
    )
    for k in _sharing_rows(entries):
        e = entries[k]
        text_key = _text_key(e)
        title = _title_key(e)
        keys = _work_keys(e, title) if title else []
        found = first_text.first(text_key)
        for work in keys:
            group = works.group(work)
            if group is None:
                continue
            ids, titles = group
            # the earliest earlier entry of the window with a near title (and earlier
            # than the one found so far, if any); a window of more than _SCAN entries is
            # scanned in C, so a large group of other works costs no Python loop
            stop = bisect.bisect_left(ids, found) if found is not None else len(ids)
            start = max(0, stop - GROUP_WINDOW)
            if stop - start <= _SCAN:
                for j in range(start, stop):
                    if fuzz.ratio(title, titles(j), processor=None, score_cutoff=95):
                        found = ids[j]
                        break
            else:  # every near title of the window at once, in C; the earliest wins
                near = process.extract(
                    title,
                    [titles(j) for j in range(start, stop)],
                    scorer=fuzz.ratio,
                    processor=None,
                    score_cutoff=95,
                    limit=None,
                )
                if near:
                    found = ids[start + min(k for _choice, _score, k in near)]
        if found is not None:
            other = entries[found]
            yield Hit(
                f"entry {e.id} repeats entry {other.id} (line {other.line})",
                line=e.line,
                column=_start(doc, e),
                related=related(other, e),
            )
        first_text.add(text_key, k, title=None, first_only=True)
        for work in keys:
            works.add(work, k, title=title)


_SHARING_FROM = 1024
"""CN501: from this many entries, the rows an entry can repeat or be repeated by are
found first (:func:`_sharing_rows`), and only those are indexed."""


def _sharing_rows(entries: Sequence[Entry]) -> Iterable[int]:
    """The rows of the entries that share a key's hash with another (their folded text,
    or one of their groups, :func:`_work_keys`), ascending: only they can repeat or be
    repeated (an entry whose every hash is its own finds no earlier row in CN501's
    indexes, and no later one finds it). Every row of a list of fewer than
    :data:`_SHARING_FROM` entries; beyond, the hashes read once into arrays (8 bytes a
    key, where the indexes of every entry held two ints and two dict items an entry:
    ~5x a 1 MB list of distinct works at the audit's peak)."""
    n = len(entries)
    if n < _SHARING_FROM:
        return range(n)
    import numpy as np

    texts = array("q")
    works = array("q")
    owners = array("q")
    for k, e in enumerate(entries):
        texts.append(_hash(_text_key(e)))
        title = _title_key(e)
        for work in _work_keys(e, title) if title else ():
            works.append(_hash(work))
            owners.append(k)
    shared = np.zeros(n, dtype=np.bool_)
    shared[_repeated(np.frombuffer(texts, dtype=np.int64))] = True
    del texts
    shared[
        np.frombuffer(owners, dtype=np.int64)[_repeated(np.frombuffer(works, dtype=np.int64))]
    ] = True
    rows: list[int] = np.flatnonzero(shared).tolist()
    return rows


def _repeated(hashes: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Whether each of ``hashes`` is another's too."""
    import numpy as np

    order = np.argsort(hashes, kind="stable")
    ordered = hashes[order]
    equal = ordered[1:] == ordered[:-1]
    del ordered
    twice = np.zeros(len(hashes), dtype=np.bool_)
    twice[1:] |= equal
    twice[:-1] |= equal
    out = np.empty(len(hashes), dtype=np.bool_)
    out[order] = twice
    return out


def _text_key(e: Entry) -> tuple[str, str]:
    return (e.list, fold(e.text))


_Key = tuple[object, ...]
_hash = hash  # (a test makes every key collide)


class _Group:
    """The rows of one key (ascending) and their titles (``None``: not read yet)."""

    __slots__ = ("key", "rows", "titles")

    def __init__(self, key: _Key) -> None:
        self.key = key
        self.rows: list[int] = []
        self.titles: list[str | None] = []


class _Index:
    """CN501's rows by key. A key's hash and its one row are held while it has one row
    (the row's key and title read again from its entry when another entry's key has the
    same hash: ``keys_of`` and ``title_of``), its :class:`_Group` from its second row
    on: a list of distinct works holds an int or two an entry, not its folded text and
    title in a tuple and two lists (~12x the input of a long list)."""

    __slots__ = ("_keys_of", "_slots", "_title_of")

    def __init__(
        self, keys_of: Callable[[int], Sequence[_Key]], title_of: Callable[[int], str]
    ) -> None:
        self._keys_of = keys_of
        self._title_of = title_of
        # hash -> the one row of the one key of that hash, or the groups of its keys
        self._slots: dict[int, int | list[_Group]] = {}

    def _groups(self, key: _Key) -> list[_Group] | None:
        """The groups of the keys of ``key``'s hash (a single row made one), or None."""
        h = _hash(key)
        slot = self._slots.get(h)
        if slot is None or not isinstance(slot, int):
            return slot
        # the row's key of this hash: its first (a second one of the same hash made
        # a group of the slot as it was added)
        group = _Group(next(k for k in self._keys_of(slot) if _hash(k) == h))
        group.rows.append(slot)
        group.titles.append(None)
        groups = self._slots[h] = [group]
        return groups

    def first(self, key: _Key) -> int | None:
        """The first row of ``key``, or None."""
        found = self.group(key)
        return found[0][0] if found is not None else None

    def group(self, key: _Key) -> tuple[list[int], Callable[[int], str]] | None:
        """The rows of ``key`` and a reader of their titles (by index in the rows)."""
        for group in self._groups(key) or ():
            if group.key == key:
                return group.rows, self._reader(group)
        return None

    def _reader(self, group: _Group) -> Callable[[int], str]:
        def title(j: int) -> str:
            got = group.titles[j]
            if got is None:
                got = group.titles[j] = self._title_of(group.rows[j])
            return got

        return title

    def add(self, key: _Key, row: int, *, title: str | None, first_only: bool = False) -> None:
        """``row`` (after the rows added) under ``key``; with ``first_only``, only when
        ``key`` has no row yet."""
        h = _hash(key)
        if h not in self._slots:
            self._slots[h] = row
            return
        groups = self._groups(key)
        assert groups is not None
        for group in groups:
            if group.key == key:
                break
        else:
            group = _Group(key)
            groups.append(group)
        if first_only and group.rows:
            return
        group.rows.append(row)
        group.titles.append(title)


@rule(
    code="CN502",
    name="unnumbered-entry",
    severity="warning",
    family=FAMILY,
    summary="An entry without a number in a (sub-)list whose other entries are numbered.",
    why="A missing number usually means the entry was pasted in later or lost its line break; the list's count and order are then wrong.",
    example='7. Moncarlo international website, China sends troops … <https://n9.cl/aidw5>\nNurhan Abu al-Futuh, Russia, China and the diplomacy of summits … <https://2u.pw/4jMJ8gcZ>\n# no "8."',
)
def unnumbered_entry(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    for _section, entries in _by_section(doc).items():
        numbered = sum(1 for e in entries if e.number is not None)
        if numbered < 2 or numbered * 2 < len(entries):
            continue
        # the last number before each entry, carried along (looking back from each
        # unnumbered entry was quadratic in a list of thousands of them)
        prev: int | None = None
        for e in entries:
            if e.number is not None:
                prev = e.number
                continue
            hint = f" (expected {prev + 1})" if prev is not None else ""
            yield Hit(
                f"entry {e.id} has no number while the entries around it are numbered{hint}",
                line=e.line,
                column=_start(doc, e),
                related=related(e),
            )


@rule(
    code="CN503",
    name="entry-numbering-gap",
    severity="warning",
    family=FAMILY,
    summary="List numbers that skip, repeat or go back within a (sub-)list: 1, 2, 4 or 1, 2, 2.",
    why="A gap usually means an entry was deleted or lost in conversion; a repeat, that one was inserted without renumbering.",
    example="1. الأنباري، احمد عبد الامير ، …\n2. جاسم ،حيدر زهير ، …\n4. محمد،زيدون سلمان ، …   # 3 is missing",
)
def entry_numbering_gap(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    last_of_list: dict[str, int] = {}
    for _section, entries in _by_section(doc).items():
        # (number, index in the section): each entry read again when it is reported
        numbered = [(e.number, k) for k, e in enumerate(entries) if e.number is not None]
        if not numbered:
            continue
        first_no, first_at = numbered[0]
        first = entries[first_at]
        carried = last_of_list.get(first.list)
        if first_no != 1 and (carried is None or first_no != carried + 1):
            yield Hit(
                f"list numbering starts at {first_no}, not 1",
                line=first.line,
                column=_start(doc, first),
                related=related(first),
            )
        prev_no, prev_at = numbered[0]
        for no, at in numbered[1:]:
            if no != prev_no + 1:
                prev, e = entries[prev_at], entries[at]
                what = f"repeats {no}" if no == prev_no else f"goes from {prev_no} to {no}"
                yield Hit(
                    f"list numbering {what}",
                    line=e.line,
                    column=_start(doc, e),
                    related=related(prev, e),
                )
            prev_no, prev_at = no, at
        last_of_list[first.list] = prev_no


# the parts of an entry between commas: "Vol. 20, No. 4, Algeria, Algeria, 2021"
_COMPONENT = _rx.compile(r"[^,،]+")
# a lowercase Latin word doubled within a part: "the the", "of of" (capitalised or Arabic
# doubles are often names: "محمد محمد حسين", "Karam Karam")
_DOUBLED_WORD = _rx.compile(r"(?<![^\W\d_])(?P<word>[a-z]{2,})\s+(?P=word)(?![^\W\d_])")


def _repeats(e: Entry) -> Iterator[tuple[str, str]]:
    """(the repeated word or part, the printed repetition) in an entry's text."""
    parts = [(m.group(0).strip(), m.start()) for m in _COMPONENT.finditer(e.text)]
    names = e.fields.author or []
    for (prev, _), (part, _) in itertools.pairwise(parts):
        key = fold(part)
        if not key or not re.search(r"[^\W\d_]", key) or key != fold(prev):
            continue
        # "حسن، حسن إبراهيم": a family name that is also the given name is no repetition
        if any(fold(n.family or "") == key for n in names):
            continue
        sep = re.search(re.escape(prev) + r"\s*[,،]\s*" + re.escape(part), e.text)
        yield part, sep.group(0) if sep else part
    for m in _DOUBLED_WORD.finditer(e.text):
        yield m.group("word"), m.group(0)


@rule(
    code="CN504",
    name="repeated-word",
    severity="warning",
    family=FAMILY,
    summary="The same place or part printed twice in a row in an entry (`Algeria, Algeria`), or a doubled lowercase word (`the the`).",
    why="A doubled word is a copy-editing slip; in a place or publisher it also confuses parsers and exports.",
    example="12. Sayfey, Moshavar, the future of the Russian-Chinese strategic partnership … Vol. 20, No. 4, Algeria, Algeria, 2021.",
)
def repeated_word(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    for e in doc.entries:
        for word, printed in _repeats(e):
            where = locate(doc, record_lines(doc, e.line, e.raw), [printed, word])
            yield Hit(
                f"'{word}' is printed twice in a row in entry {e.id}",
                line=where.line if where else e.line,
                column=where.column if where else None,
                length=where.length if where else None,
                related=related(e),
            )


_WESTERN = _rx.compile(r"[0-9]+")
_INDIC = _rx.compile(r"[٠-٩۰-۹]+")


@rule(
    code="CN505",
    name="mixed-digits",
    severity="info",
    family=FAMILY,
    summary="Western (0-9) and Arabic-Indic (٠-٩) digits inside one entry.",
    why="A list should print numbers one way; mixed digits betray copied fragments and look careless. (The same number in different digit systems in *different* records is fine.)",
    example="9. صيفي، مشاور ، مستقبل الشراكة … مجلة الحقيقة ، المجلد 20، العدد 4،(الجزائر ، ٢٠٢١).",
)
def mixed_digits(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    found: list[
        tuple[Entry, list[int], list[tuple[int, re.Match[str]]], list[tuple[int, re.Match[str]]]]
    ] = []
    per_list: dict[str, list[int]] = {}
    for e in doc.entries:
        lines = [ln for ln in record_lines(doc, e.line, e.raw) if 1 <= ln <= len(doc.lines)]
        if not lines:
            continue
        # the list number ("12.") is layout, and URL/DOI digits are not numbers of the entry;
        # blanking them keeps every other character at its place
        masked = [_URLISH.sub(_blank, doc.lines[ln - 1]) for ln in lines]
        number = _LIST_NO_LONG if e.number is not None and e.number >= 1000 else _LIST_NO
        masked[0] = number.sub(_blank, masked[0])
        western = [(i, m) for i, t in enumerate(masked) for m in _WESTERN.finditer(t)]
        indic = [(i, m) for i, t in enumerate(masked) for m in _INDIC.finditer(t)]
        counts = per_list.setdefault(e.list, [0, 0])
        counts[0] += len(western)
        counts[1] += len(indic)
        if western and indic:
            found.append((e, lines, western, indic))
    for e, lines, western, indic in found:
        # point at the digits that differ from the list's usual system
        list_western, list_indic = per_list[e.list]
        i, m = western[0] if list_western <= list_indic else indic[0]
        yield Hit(
            f"entry {e.id} mixes Western and Arabic-Indic digits",
            line=lines[i],
            column=m.start() + 1,
            length=m.end() - m.start(),
            related=related(e),
        )


_URLISH = _rx.compile(r"(?:https?://|www\.|10\.[0-9]{4,}/)\S+")
_LIST_NO = _rx.compile(r"^\s*[0-9٠-٩]{1,3}\s*[.)\-–]")
_LIST_NO_LONG = lazy(r"^\s*[0-9٠-٩]{4,5}\s*[.)\-–]")  # entries 1000 and on


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _sort_key(e: Entry) -> str:
    # lists sort by their printed first word, ignoring the article: "al-Anbari" under A,
    # "الأنباري" under ن... of انباري; but "آل جندي" (a family, not an article) under ا
    return fold(strip_article(e.text.lstrip()))


@rule(
    code="CN506",
    name="entry-out-of-order",
    severity="info",
    family=FAMILY,
    opt_in=True,
    summary="An entry out of alphabetical order in a (sub-)list that is otherwise alphabetical (by first author, ignoring al-/ال). Opt-in: select CN506 to run it.",
    why="Readers look works up by author; one misplaced entry is hard to find. Lists ordered otherwise (by date, by importance) are left alone.",
    example="1. Abdul Hussein, Fadel Ali, …\n2. Jassim, Haider Zuhair, …\n3. Bakir , Ali Hussein, …   # B after J\n4. Mahmoud, Ghazlan, …",
)
def entry_out_of_order(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    for _section, entries in _by_section(doc).items():
        if len(entries) < 4:
            continue
        keys = [_sort_key(e) for e in entries]
        descents = [i for i in range(1, len(keys)) if keys[i] < keys[i - 1]]
        if not descents or len(descents) > max(1, len(keys) // 5):
            continue
        for i in descents:
            e, prev = entries[i], entries[i - 1]
            # blame the previous entry when it is the one that stands too high
            too_high = i + 1 < len(keys) and keys[i - 1] > keys[i + 1]
            culprit = prev if too_high and (i < 2 or keys[i - 2] <= keys[i]) else e
            yield Hit(
                f"entry {culprit.id} is out of alphabetical order",
                line=culprit.line,
                column=_start(doc, culprit),
                related=related(prev, e),
            )


@rule(
    code="CN507",
    name="citations-without-list",
    severity="warning",
    family=FAMILY,
    summary="An article that cites sources (footnotes or in-text citations) but has no bibliography list, or a list heading with no entries.",
    why="Scholarly journals require a list of sources; without one the citations cannot be checked or indexed.",
    example="…في مختلف المجالات (1) …\n(1) زيدون سلمان محمد ، روسيا والصين … ٢٠٢٤\n# no المصادر / References section",
)
def citations_without_list(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    if doc.entries or not citation_map(result).has_citations(doc):
        return
    line = doc.sections[0].line if doc.sections else None
    what = "its list has no entries" if doc.sections else "it has no bibliography list"
    yield Hit(f"the article cites sources but {what}", line=line, column=1 if line else None)


@rule(
    code="CN508",
    name="no-bibliography",
    severity="warning",
    family=FAMILY,
    summary="An article with no bibliography list and no citations at all.",
    why="A scholarly article without sources is unusual; often the list has a heading citenorm does not recognise, or was lost in conversion.",
    example="المقدمة: …\nالخاتمة: …\n# no المصادر, no footnotes",
)
def no_bibliography(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    if doc.entries or doc.sections or citation_map(result).has_citations(doc):
        return
    yield Hit("the article has no bibliography list and cites nothing")


@rule(
    code="CN509",
    name="unreadable-list-line",
    severity="warning",
    family=FAMILY,
    summary="A non-blank line of a bibliography list that is neither an entry nor a heading.",
    why="The line is lost to pairing, citation links and exports; it is often a broken entry or stray text.",
    example="المصادر:\n1. الأنباري، احمد عبد الامير ، …\n*** ***",
)
def unreadable_list_line(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    for failed in doc.failed:
        raw = doc.lines[failed.line - 1] if 1 <= failed.line <= len(doc.lines) else ""
        yield Hit(
            f"list line not read as an entry: {failed.reason}",
            line=failed.line,
            column=len(raw) - len(raw.lstrip()) + 1,
        )
