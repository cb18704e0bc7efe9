"""CN6xx: the romanized list against itself and against the Arabic it renders.

Editors build the romanized list by hand, and the same name or term drifts: ``محمد`` is
``Mohammed`` in one entry and ``Mohamed`` in the next, ``كلية`` is a ``College`` here and
a ``Faculty`` there. These rules read the article's pairs (an Arabic entry and its
romanized entry), align their words (:mod:`citenorm.text.romanize._consistency`) and
report what one list does two ways. The reference spelling is the one the list uses most
(on a tie, the one it uses first); every other occurrence is a finding at its line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from citenorm.auditing.registry import Hit, rule
from citenorm.auditing.rules._common import entries_by_id, locate, record_lines
from citenorm.text import _rx
from citenorm.text.normalize import fold_arabic

if TYPE_CHECKING:
    from citenorm.config import AuditConfig
    from citenorm.models import Document, Entry, MatchResult
    from citenorm.text.romanize._consistency import Occurrence

FAMILY = "romanization"

# below this consonant fit (0-100) a romanized name is not a rendering of its Arabic
_NAME_MISFIT = 45.0


def _where(doc: Document, entry: Entry, needle: str) -> tuple[int, int | None]:
    found = locate(doc, record_lines(doc, entry.line, entry.raw), [needle])
    return (found.line, found.column) if found else (entry.line, None)


# ʻayn and hamza typed as any quote: a typographic slip, not another spelling
_QUOTES = str.maketrans(dict.fromkeys("‘ʿ’ʾ'ʼ", "ʻ"))


def _spelling_key(latin: str, arabic_key: str) -> str:
    """What two spellings must share to be the same: case and the shape of ʻ ʼ do not
    count, nor -ah/-at of a tāʼ marbūṭah (construct state is grammar, not spelling)."""
    key = latin.casefold().translate(_QUOTES)
    if arabic_key.endswith("ه") and key.endswith("at"):  # fold_arabic writes ة as ه
        key = key[:-2] + "ah"
    return key


def _reference(spellings: dict[str, list[int]]) -> str:
    """The spelling a list uses most; on a tie, the one it uses first."""
    return min(spellings, key=lambda s: (-len(spellings[s]), min(spellings[s])))


def _others(items: Sequence[tuple[str, str, int]], ref: str) -> str:
    """The entries (spelling, id, line) that print ``ref``: the first three."""
    seen: list[str] = []
    for spelling, entry_id, line in items:
        if spelling == ref:
            text = f"{entry_id} (line {line})"
            if text not in seen:
                seen.append(text)
    return ", ".join(seen[:3]) + (" …" if len(seen) > 3 else "")


def _spelt_twice(result: MatchResult) -> set[int]:
    """The hashes of the Arabic units (folded) that the pairs' occurrences romanize in two
    spellings or more (:func:`_spelling_key`), found reading the occurrences once and
    holding one spelling a unit."""
    from citenorm.text.romanize._consistency import occurrences

    first: dict[int, str] = {}
    twice: set[int] = set()
    for occ in occurrences(result):
        key = fold_arabic(occ.unit)
        h = hash(key)
        if h in twice:
            continue
        spelling = _spelling_key(occ.latin, key)
        if first.setdefault(h, spelling) != spelling:
            twice.add(h)
    return twice


@rule(
    code="CN601",
    name="inconsistent-romanization",
    severity="warning",
    family=FAMILY,
    summary="The same Arabic name or word romanized two ways in one romanized list (`محمد` as `Mohammed` and `Mohamed`, `المستنصرية` as `al-Mustansiriya` and `Mustansiriya`). Names are compared unit by unit with their Arabic; publishers, places and journals where their words fit the Arabic. Case alone is not a difference.",
    why="Indexes and citation databases treat two spellings as two people or two institutions: the author's works split, and readers cannot tell whether `Mohamed Ali` and `Mohammed Ali` are one person.",
    example="2. Jassim, Haider, …, Faculty of Law, Mustansiriya University, 2015.\n5. Kazem, Ali, …, al-Mustansiriya University, 2017.\n# المستنصرية: al-Mustansiriya here, Mustansiriya in entry 2",
)
def inconsistent_romanization(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    from citenorm.text.romanize._consistency import occurrences

    doc = result.document
    # the units romanized two ways: the occurrences read once to find them, holding the
    # first spelling of each unit (by the hash of its fold: units whose hashes meet are
    # read again together and told apart then), then read again only when some unit
    # has two, keeping those units' (every occurrence of a long list held at once was
    # ~6.7x a 1 MB list at the audit's peak; an entry is read again for a finding only)
    twice = _spelt_twice(result)
    if not twice:
        return
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occurrences(result):
        key = fold_arabic(occ.unit)
        if hash(key) in twice:
            groups[key].append(occ)
    by_id = entries_by_id(doc)
    for key, items in groups.items():
        spellings: dict[str, list[int]] = defaultdict(list)
        keys = [_spelling_key(occ.latin, key) for occ in items]
        for k, occ in zip(keys, items, strict=True):
            spellings[k].append(occ.latin_line)
        if len(spellings) < 2:
            continue
        ref = _reference(spellings)
        printed_ref = next(occ.latin for k, occ in zip(keys, items, strict=True) if k == ref)
        # the same for every finding of the group: made once (a group of thousands of
        # items made it once per finding, quadratic in a long list)
        others = _others(
            [(k, occ.latin_id, occ.latin_line) for k, occ in zip(keys, items, strict=True)], ref
        )
        reported: set[tuple[str, str]] = set()
        for k, occ in zip(keys, items, strict=True):
            latin = occ.latin
            if k == ref or (occ.latin_id, latin) in reported:
                continue
            reported.add((occ.latin_id, latin))
            line, column = _where(doc, by_id[occ.latin_id], latin)
            yield Hit(
                f"'{occ.unit}' is romanized '{latin}' here but '{printed_ref}' in {others}",
                line=line,
                column=column,
                length=len(latin) if column else None,
                related=[(occ.latin_id, occ.latin_line), (occ.arabic_id, occ.arabic_line)],
            )


@rule(
    code="CN602",
    name="inconsistent-term-translation",
    severity="warning",
    family=FAMILY,
    summary="The same Arabic institutional or bibliographic term translated two ways in one romanized list (`كلية` as `College` and `Faculty`, `مركز` as `Center` and `Centre`), from a documented list of terms and their translations (`citenorm/text/romanize/data/terms.tsv`). Journal titles are left out: a journal's English name is its own.",
    why="A list that renders one term two ways reads as careless and names one institution two ways; journals' style sheets fix one translation.",
    example="1. …, College of Political Science, University of Baghdad, 2021.\n2. …, Faculty of Political Science, University of Baghdad, 2024.\n# كلية: College here, Faculty in entry 2",
)
def inconsistent_term_translation(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    from citenorm.text.romanize._consistency import term_uses

    doc = result.document
    groups: dict[str, list[tuple[str, Entry, Entry]]] = defaultdict(list)
    for use in term_uses(result):
        groups[use.term].append((use.english, use.arabic_entry, use.latin_entry))
    for term, items in groups.items():
        term = term.replace("ه", "ة") if term.endswith("ه") else term
        spellings: dict[str, list[int]] = defaultdict(list)
        for english, _ar, la in items:
            spellings[english.casefold()].append(la.line)
        if len(spellings) < 2:
            continue
        ref = _reference(spellings)
        printed_ref = next(e for e, _a, _l in items if e.casefold() == ref)
        others = _others([(e.casefold(), lat.id, lat.line) for e, _a, lat in items], ref)  # (once)
        for english, ar, la in items:
            if english.casefold() == ref:
                continue
            line, column = _where(doc, la, english)
            yield Hit(
                f"'{term}' is translated '{english}' here but '{printed_ref}' in {others}",
                line=line,
                column=column,
                length=len(english) if column else None,
                related=[(la.id, la.line), (ar.id, ar.line)],
            )


_ALALC_MARK = _rx.compile("[āīūḥṣḍṭẓʻʼĀĪŪḤṢḌṬẒ]")
_WORD = _rx.compile(r"[^\W\d_][\w'ʻʼ‘’\-]*")
_ABD = _rx.compile(r"^Abd(?:ul|el|ol)(?:[A-Z]|$)|^Abd(?:ul|el|ol)[a-z]+$")


def _popular_forms() -> frozenset[str]:
    """Common English spellings of names whose ALA-LC form carries marks."""
    from citenorm.text.romanize._popular import NAMES

    return frozenset(v.casefold() for k, v in NAMES.items() if _ALALC_MARK.search(k))


@rule(
    code="CN603",
    name="mixed-romanization-systems",
    severity="warning",
    family=FAMILY,
    summary="A romanized entry that mixes systems (ALA-LC marks such as `ā ḥ ʻ` in some words, popular spellings such as `Mohammed`, `Abdul` in others), or that does not follow the system its list mostly uses (popular spellings in an ALA-LC list, ALA-LC in a popular one).",
    why="A list follows one system (ALA-LC, or the journal's popular spellings); an entry in another is an unedited paste, and its names will not match the other entries' in indexes.",
    example="3. Ḥusayn, Mohammed ʻAlī, Tārīkh al-ʻIrāq, Baghdād, 1990.\n# ALA-LC (Ḥusayn, ʻAlī) and a popular spelling (Mohammed) in one entry",
)
def mixed_romanization_systems(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    from citenorm.text.romanize import detect_style

    doc = result.document
    style = detect_style(result)
    if style is None:
        return
    popular_forms = _popular_forms()
    for e in doc.entries:
        if e.list != "romanized" or e.script != "latin":
            continue
        words = _WORD.findall(e.text)
        marked = [w for w in words if _ALALC_MARK.search(w)]
        popular = [w for w in words if w.casefold() in popular_forms or _ABD.match(w)]
        if marked and popular:
            message = (
                f"entry mixes ALA-LC ({', '.join(marked[:3])}) and popular spellings "
                f"({', '.join(popular[:3])})"
            )
            needle = popular[0]
        elif style == "alalc" and popular:
            message = f"popular spellings ({', '.join(popular[:3])}) in a list that uses ALA-LC"
            needle = popular[0]
        elif style == "popular" and len(marked) >= 2:
            message = (
                f"ALA-LC forms ({', '.join(marked[:3])}) in a list that uses popular spellings"
            )
            needle = marked[0]
        else:
            continue
        line, column = _where(doc, e, needle)
        yield Hit(
            message,
            line=line,
            column=column,
            length=len(needle) if column else None,
            related=[(e.id, e.line)],
        )


@rule(
    code="CN604",
    name="romanized-name-mismatch",
    severity="warning",
    family=FAMILY,
    summary="A paired romanized entry whose author's name does not fit the Arabic name in consonants (`Karim` for `خالد`): a typo, or another person. Names are compared part by part in any order, consonants only, so `Hussein`, `Husain` and `Ḥusayn` all fit `حسين`; corporate names and translations are not checked.",
    why="The pair was made on the title, year and publisher; a name that does not render its Arabic is a typing error that sends readers and indexes to another author.",
    example="1. الزبيدي، خالد حسن، …\n1. al-Zubaidi, Karim Hassan, …\n# خالد is not Karim",
)
def romanized_name_mismatch(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    from citenorm.text.lexicon import has_corporate_word
    from citenorm.text.romanize._consistency import name_fit

    doc = result.document
    by_id = entries_by_id(doc)
    for pair in result.pairs:
        ar, la = by_id.get(pair.arabic), by_id.get(pair.latin)
        if ar is None or la is None:
            continue
        a_names, l_names = ar.fields.author or [], la.fields.author or []
        if len(a_names) != len(l_names):
            continue
        for a, b in zip(a_names, l_names, strict=True):
            if a.literal or b.literal or not (a.family or a.given) or not (b.family or b.given):
                continue
            if has_corporate_word(a.display()):
                continue
            fit = name_fit(a, b)
            if fit >= _NAME_MISFIT:
                continue
            shown = b.display()
            line, column = _where(doc, la, b.family or shown)
            yield Hit(
                f"name '{shown}' does not fit '{a.display()}' of entry {ar.id} (line {ar.line}): "
                f"consonants {fit:.0f}% alike (pair score {pair.score:.0f})",
                line=line,
                column=column,
                related=[(la.id, la.line), (ar.id, ar.line)],
            )
