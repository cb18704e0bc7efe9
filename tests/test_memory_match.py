"""match's own working set on long lists (issue 15): what it holds beside the document
while it pairs, measured with tracemalloc on invented lists."""

from __future__ import annotations

import gc
import random
import tracemalloc
from typing import Any

import pytest

import citenorm
from citenorm.matching import assign as A

_AR = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
_LA = ["b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z"]
_LA += ["a", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y"]


def _lists(n: int, seed: int = 15) -> str:
    """An Arabic list of ``n`` entries of invented words and its romanized list, shuffled
    (as benchmarks/linear.py's ``lists``)."""
    rng = random.Random(seed)

    def word() -> tuple[str, str]:
        ks = [rng.randrange(len(_AR)) for _ in range(rng.randint(2, 4))]
        return "".join(_AR[k] for k in ks), "".join(_LA[k] for k in ks)

    ar, la = [], []
    for _ in range(n):
        fam, given, title = word(), word(), [word() for _ in range(rng.randint(2, 5))]
        city, year = word(), 1900 + rng.randrange(124)
        ar.append(f"ال{fam[0]}، {given[0]}، {' '.join(w[0] for w in title)}، {city[0]}، {year}.")
        la.append(
            f"al-{fam[1].capitalize()}, {given[1].capitalize()}, "
            f"{' '.join(w[1] for w in title).capitalize()}, {city[1].capitalize()}, {year}."
        )
    rng.shuffle(la)
    return (
        "المصادر\n"
        + "".join(f"{k}. {e}\n" for k, e in enumerate(ar, 1))
        + "\nBibliography\n"
        + "".join(f"{k}. {e}\n" for k, e in enumerate(la, 1))
    )


def test_the_assignment_holds_a_pair_alone_as_that_pair() -> None:
    # a component of one candidate pair was a Component (three tuples) and its left entry
    # a dict item: ~300 bytes a pair of a long list, whose components are mostly one pair;
    # the pair itself now, and the entries' components by position (4 bytes an entry)
    n = 20_000
    weights = {(i, i): 1.0 + (i % 7) for i in range(n)}
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = A.Assignment._owned(weights, {})
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(result.pairs) == n
    assert held / n < 120, f"{held / n:.0f} bytes a pair"


def test_the_components_read_as_before() -> None:
    rng = random.Random(4)
    weights = {(rng.randrange(60), rng.randrange(60)): rng.uniform(1, 12) for _ in range(90)}
    result = A.solve(weights)
    comps = result.components
    assert comps == A._components(weights)
    assert all(isinstance(c, A.Component) for c in comps)
    assert sorted(p for c in comps for p in c.edges) == sorted(weights)
    for p in weights:
        comp = result.component(p)
        assert p in comp.edges and p[0] in comp.left and p[1] in comp.right
    assert result.total() == pytest.approx(sum(weights[p] for p in result.pairs))
    # indices far apart (a dict of the entries, not an array as long as the largest)
    far = A.solve({(5_000_000, 1): 2.0, (5_000_000, 2): 3.0, (7, 1): 1.0})
    assert far.pairs == [(7, 1), (5_000_000, 2)]
    assert far.component((7, 1)).edges == ((7, 1), (5_000_000, 1), (5_000_000, 2))


def test_pairs_of_equal_evidence_share_one_dict_that_reads_as_their_own() -> None:
    # every pair held its own evidence dict (~260 bytes); pairs whose evidence holds the
    # same items share one, which reads, dumps and copies as each pair's own
    result = citenorm.match(citenorm.extract(_lists(300)))
    pairs = result.pairs
    assert len(pairs) > 250
    assert len({id(p.evidence) for p in pairs}) < len(pairs)
    for p in pairs:
        dumped = p.model_dump()
        assert dumped["evidence"] == p.evidence
        assert dumped["evidence"] is not p.evidence
        assert p.evidence["decided"] is not None and "missing" in p.evidence
    # a copy with an update is its own record
    c = pairs[0].model_copy(update={"evidence": {}})
    assert c.evidence == {} and pairs[0].evidence


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_match_holds_no_features_while_it_builds_the_pairs_of_a_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # every entry's Features (~570 bytes with its keys, ~8x a 1 MB list) was held until
    # match returned, beside the pairs; without footnotes to link they go once the pairs
    # are explained, with footnotes they stay for link_footnotes
    import citenorm.matching as M
    from citenorm.matching.features import Features

    live: list[int] = []
    make_pair = M._pair

    def spy_pair(*args: Any) -> Any:
        gc.collect()
        live.append(sum(isinstance(o, Features) for o in gc.get_objects()))
        return make_pair(*args)

    monkeypatch.setattr(M, "_pair", spy_pair)
    scoring: list[int] = []
    assign_pairs = M.assign_pairs

    def spy_assign(left: Any, right: Any, *args: Any, **kwargs: Any) -> Any:
        gc.collect()
        scoring.append(sum(isinstance(o, Features) for o in gc.get_objects()))
        return assign_pairs(left, right, *args, **kwargs)

    monkeypatch.setattr(M, "assign_pairs", spy_assign)
    # (a foreign work of the Arabic list: its features are not held while pairs are scored)
    text = _lists(40).replace(
        "\n\nBibliography", "\n41. Smith, John, A Book, London, 2001.\n\nBibliography"
    )
    doc = citenorm.extract(text)
    result = M.match(doc)
    assert len(result.pairs) == len(live) > 30
    assert set(live) == {0}
    assert len(doc.entries) == 81 and scoring == [80]

    given: list[int] = []
    link = M.link_footnotes

    def spy_link(doc: Any, feats: Any, *args: Any, **kwargs: Any) -> Any:
        given.append(len(feats))
        return link(doc, feats, *args, **kwargs)

    monkeypatch.setattr(M, "link_footnotes", spy_link)
    text = "نص (1).\n(1) فلان، كتاب، بغداد، 2001.\n" + _lists(10)
    doc = citenorm.extract(text)
    M.match(doc)
    assert len(doc.footnotes) == 1 and given == [len(doc.entries)]


@pytest.mark.slow  # (extract and match of 6,000 entries: ~5-10 s; the slow step runs it)
def test_match_peak_beside_the_document_per_entry() -> None:
    # match's traced peak beside the document on a long pair of lists: the features of
    # every entry, blocking, the scores and the assignment, then the explained pairs
    citenorm.match(citenorm.extract(_lists(50)))  # warm: imports, memos
    import numpy  # noqa: F401  (the libraries match loads: not its working set)
    import scipy.sparse.csgraph  # noqa: F401

    doc = citenorm.extract(_lists(4500))  # (sparse blocking: > DENSE_WIDTH a record)
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        result = citenorm.match(doc)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert len(result.pairs) > 4000
    per_entry = peak / len(doc.entries)
    assert per_entry < PEAK_PER_ENTRY, f"{per_entry:.0f} bytes an entry"


# (b1ad880: ~1,080 bytes an entry; the pairs' own cuts ~990, a bare entry's features
# ~910, measured while the document held every entry's id and values. Since the document
# makes extraction's ids "e<row+1>" and its values when read (memdoc: ~610 bytes an entry
# less held after extract), match's id strings (~54 bytes each) are its own, not the
# document's: ~1,280 before the features read their title and names back from the entries
# (memfeat), ~986 after; ~928 since the features and match make the ids of the entries
# when asked: memlists3)
PEAK_PER_ENTRY = 960


def test_features_of_a_bare_entry_hold_no_room_for_the_fields_it_lacks() -> None:
    # a Features object held 30 slots (272 bytes) whatever the record gave; a record
    # without place, publisher, numbers, URL... holds 15 (152 bytes: ~1.8x a 1 MB list
    # of such entries) and reads the others as empty
    import sys

    from citenorm.matching.features import _RARE, Features, features_of

    doc = citenorm.extract(
        "المصادر\n1. العتيبي، محمد، كتاب الأمن، 2015.\n"
        "2. العتيبي، محمد، كتاب الأمن، بغداد: دار الكتب، 2015، ج 2.\n"
    )
    bare, rich = (features_of(e) for e in doc.entries)
    assert isinstance(bare, Features) and isinstance(rich, Features)
    assert sys.getsizeof(bare) < 200
    # a record giving some rare fields holds those only (all 15 took 120 bytes more:
    # ~0.5x a 1 MB list whose entries give a publisher)
    held = [n for n in _RARE if getattr(rich, n) != getattr(bare, n)]
    assert "place" in held and "publisher" in held and len(held) < len(_RARE)
    assert sys.getsizeof(rich) - sys.getsizeof(bare) == 8 * len(held)
    same_kind = features_of(doc.entries[1])
    assert type(same_kind) is type(rich)  # (one class for each set of fields held)
    assert (bare.place, bare.publisher, bare.volume, bare.terms) == (None, "", None, frozenset())
    assert rich.publisher and rich.place
    # the fields both records give read the same however they are held
    same = ("family", "family_key", "names_key", "title", "title_key", "year", "has_author")
    assert [getattr(bare, n) for n in same] == [getattr(rich, n) for n in same]
    assert [bare.family_fold, bare.title_fold] == [rich.family_fold, rich.title_fold]


@pytest.mark.parametrize("rare", [None, "place", "hijri", "terms", "section_rank", "corporate"])
def test_features_read_back_every_field_given(rare: str | None) -> None:
    from citenorm.matching.features import _FIELDS, _RARE, Features

    given: dict[str, Any] = {
        name.lstrip("_"): None if name.startswith("_") else f"v{k}"
        for k, name in enumerate(_FIELDS)
        if name != "_name"
    }
    for name in _RARE:
        given[name] = False if name == "corporate" else frozenset() if "terms" in name else None
    given.update(title_numbers=frozenset(), container_key="", publisher="", publisher_key="")
    values = {"place": "Baghdad", "hijri": 1420, "terms": frozenset({"x"}), "section_rank": 0}
    if rare is not None:
        given[rare] = values.get(rare, True)
    f = Features(**given)
    assert (type(f) is Features) == (rare is None)
    for name, value in given.items():
        got = getattr(f, "_" + name) if name.endswith("fold") else getattr(f, name)
        assert got == value, name
    # by position as well
    g = Features(*given.values())
    assert type(g) is type(f) and repr(g) == repr(f)


def test_the_romanization_style_is_read_one_entry_at_a_time() -> None:
    # detect_style (the audit's CN603) held every romanized entry's record at once, each
    # built as it was read (~6x a 1 MB list at the audit's peak); it counts as it reads
    from citenorm.text.romanize import detect_style

    doc = citenorm.extract(_lists(1000))
    detect_style(doc)  # warm
    tracemalloc.start()
    try:
        assert detect_style(doc) == "popular"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak / 1000 < 200, f"{peak / 1000:.0f} bytes an entry"


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_the_features_of_a_list_hold_no_copy_of_what_its_entries_give_again() -> None:
    # the entries' values are made when read (models.Entries): each record's features held
    # its own copy of the title, the family name and the only author (~300 bytes a record
    # of a long list); given the entries they read them from the entry when asked
    from citenorm.matching.features import features_of
    from citenorm.memo import clear_memos

    doc = citenorm.extract(_lists(1500))
    entries = doc.entries

    def build() -> list[Any]:
        return [features_of(e, entries=entries, row=k) for k, e in enumerate(entries)]

    build()
    clear_memos()
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        feats = build()
        clear_memos()  # (the keys and values the memos kept: not the features')
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    per_record = held / len(entries)
    assert per_record < 600, f"{per_record:.0f} bytes a record"
    # every value and fold reads as the features holding the values give it
    for f, e in zip(feats[::97], list(entries)[::97], strict=True):
        held_values = features_of(e)
        assert (f.title, f.family, f.id) == (held_values.title, held_values.family, e.id)
        assert f.has_title == bool(held_values.title)
        for fold in ("names_fold", "family_fold", "title_fold"):
            assert getattr(f, fold) == getattr(held_values, fold), fold
        assert _but_name(f) == _but_name(held_values)


def test_features_read_from_the_entries_of_records_without_title_or_several_authors() -> None:
    from citenorm.matching.features import features_of

    doc = citenorm.extract(
        "المصادر\n1. العتيبي، محمد، كتاب الأمن، 2015.\n"
        "2. العتيبي، محمد وسالم الحربي، كتاب الأمن، 2015.\n"
        "3. العتيبي، محمد.\n"
    )
    entries = doc.entries
    for k, e in enumerate(entries):
        f, g = features_of(e, entries=entries, row=k), features_of(e)
        assert (f.has_title, f.names_fold, f.family_fold, f.title_fold) == (
            bool(g.title),
            g.names_fold,
            g.family_fold,
            g.title_fold,
        )
        assert _but_name(f) == _but_name(g)


def _but_name(f: Any) -> str:
    """The repr of features without the author they hold (``None``: read when asked)."""
    return repr(f).rsplit(", _name=", 1)[0]


def test_the_features_of_a_documents_entries_hold_no_id_string() -> None:
    # the features of every entry held its id (~54 bytes a string: "e<row+1>", made
    # when the document is read) while the pairs were scored; they make it when asked,
    # and match makes the ids of the entries it returns once the features are gone
    from citenorm.matching.features import features_of

    text = _lists(40).replace(
        "\n\nBibliography", "\n41. Smith, John, A Book, London, 2001.\n\nBibliography"
    )
    doc = citenorm.extract(text)
    entries = doc.entries
    for k, e in enumerate(entries):
        f = features_of(e, entries=entries, row=k)
        assert f.id == e.id
        assert not any(type(v) is str and v == e.id for v in gc.get_referents(f))
        assert features_of(e).id == e.id  # (held when no entries are given)
    result = citenorm.match(doc)
    ids = [e.id for e in entries]
    made = {i for p in result.pairs for i in (p.arabic, p.latin)}
    assert len(result.pairs) > 30 and made <= set(ids)
    # every entry paired or unpaired once (the foreign work, e41, neither)
    everyone = [*made, *result.unpaired_arabic, *result.unpaired_latin, "e41"]
    assert sorted(everyone) == sorted(ids) and len(set(everyone)) == len(ids)


@pytest.mark.slow  # (extract of 9,000 entries and their features: ~5-10 s)
def test_sparse_blocking_peak_beside_the_features_per_record() -> None:
    # blocking's transient beside every entry's features, at match's peak on long lists:
    # a dict of every word of the keys and two arrays of 8 bytes a posting, the keys of
    # both sides at once and the first pass's codes (8 bytes a pair) during the second
    # held ~340 bytes a record; the words' hashes, each pass's queries' keys made when
    # read, and its rows (4 bytes a pair) until both are done ~210
    from citenorm.matching import blocking as B
    from citenorm.matching.features import features_of

    doc = citenorm.extract(_lists(4500))
    entries = doc.entries
    feats = [features_of(e, entries=entries, row=k) for k, e in enumerate(entries)]
    left = [f for f in feats if f.script == "arabic"]
    right = [f for f in feats if f.script != "arabic"]
    assert not B._dense(len(left), len(right))
    B.candidate_codes(left[:3000], right[:3000])  # warm
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        codes = B.candidate_codes(left, right)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert len(codes) > len(left)
    per_record = peak / len(entries)
    # (the rows of the first pass's pairs were an array beside the codes: ~209; written
    # in the codes themselves ~179)
    assert per_record < 195, f"{per_record:.0f} bytes a record"


def test_the_rows_of_the_blocking_read_as_repeated_row_numbers() -> None:
    import numpy as np

    from citenorm.matching.blocking import _Rows

    rng = random.Random(5)
    for _ in range(50):
        counts = [rng.choice([0, 0, 1, 3, 12]) for _ in range(rng.randrange(0, 9))]
        ends = np.cumsum(np.array(counts, dtype=np.int64))
        rows = _Rows(np.zeros(sum(counts), dtype=np.int32), ends)
        want = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
        assert rows.rows().tolist() == want.tolist()


def test_a_long_documents_memos_are_emptied_once_its_features_are_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the memos filled while every entry's features were made (the skeleton, fold and
    # lexicon key of each title and name of the document) stayed beside the features
    # while the candidates were found and scored: ~1.8x a 1 MB list at match's peak
    import citenorm.matching as M
    from citenorm import memo
    from citenorm.text.skeleton import skeleton

    held: list[int] = []
    assign_pairs = M.assign_pairs

    def spy(*args: Any, **kwargs: Any) -> Any:
        held.append(skeleton.cache_info().currsize)  # type: ignore[attr-defined]
        return assign_pairs(*args, **kwargs)

    monkeypatch.setattr(M, "assign_pairs", spy)
    text = _lists(300)
    M.match(citenorm.extract(text))  # a short document: its memos kept
    assert held[-1] > 0
    # the same document counted long (beyond MEMO_FLOOR entries' worth of characters)
    monkeypatch.setattr(memo, "MEMO_FLOOR", 10)
    memo.clear_memos()
    doc = citenorm.extract(text)
    result = M.match(doc)
    assert held[-1] == 0
    monkeypatch.undo()
    memo.clear_memos()
    again = M.match(citenorm.extract(text))
    assert result.model_dump()["pairs"] == again.model_dump()["pairs"]


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_the_romanization_rule_holds_no_occurrence_of_every_pair() -> None:
    # CN601 grouped every occurrence (an Arabic unit and its romanization, with the ids
    # and lines of its pair) of every pair before looking for a unit spelt two ways
    # (~6.7x a 1 MB list at the audit's peak); it reads them once holding one spelling a
    # unit, and again only for the units spelt two ways
    from citenorm.auditing.rules.romanization import inconsistent_romanization
    from citenorm.config import AuditConfig

    text = _lists(3_000)  # (its invented words meet: some units are spelt two ways)
    result = citenorm.match(citenorm.extract(text))
    assert len(result.pairs) > 2_500
    cfg = AuditConfig()
    list(inconsistent_romanization(result, cfg))  # warm: lazy imports and memos
    tracemalloc.start()
    try:
        hits = list(inconsistent_romanization(result, cfg))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert hits and all(h.message.count("romanized") == 1 for h in hits)
    assert all(h.line is not None and h.related for h in hits)
    assert peak / len(result.pairs) < 300, f"{peak / len(result.pairs):.0f} bytes a pair"


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_the_duplicate_rule_indexes_only_the_entries_sharing_a_key() -> None:
    # CN501 indexed every entry (the hash of its folded text and of its work key, each
    # an int and a dict item, with its row: ~5.6x a 1 MB list of distinct works at the
    # audit's peak); the entries whose hashes are all their own are left out of the
    # indexes, found reading the hashes into arrays first
    from citenorm.auditing.rules.lists import duplicate_entry
    from citenorm.config import AuditConfig

    copied = "\n1. ال" + _lists(2, seed=3).split("\n1. ال")[1].split("\n")[0]
    text = _lists(3_000).replace("\nBibliography\n", copied + copied + "\n\nBibliography\n")
    result = citenorm.match(citenorm.extract(text))
    entries = result.document.entries
    cfg = AuditConfig()
    list(duplicate_entry(result, cfg))  # warm: lazy imports
    gc.collect()
    tracemalloc.start()
    try:
        hits = list(duplicate_entry(result, cfg))
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    peak -= held  # (what stays: the memos the rule filled, as many items at any length)
    # (the copy of the copied entry, at the Arabic list's end)
    assert any(h.message.startswith("entry e3002 repeats entry e3001") for h in hits), hits
    assert peak / len(entries) < 150, f"{peak / len(entries):.0f} bytes an entry"


@pytest.mark.parametrize("seed", range(3))
def test_the_duplicate_rule_finds_the_same_indexing_the_entries_sharing_a_key(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    from citenorm.auditing.rules import lists as rules
    from citenorm.config import AuditConfig

    rng = random.Random(seed)
    lines = _lists(300, seed=seed).split("\n")
    # copies of some entries (the same text, or the same authors and year, another
    # ending), and keys that collide
    for _ in range(12):
        k = rng.randrange(1, 300)
        copy = lines[k].split(". ", 1)[1]
        changed = copy if rng.random() < 0.5 else copy[:-6] + "، 2."
        lines.insert(rng.randrange(k, 302), f"{k}. {changed}")
    result = citenorm.match(citenorm.extract("\n".join(lines)))
    cfg = AuditConfig()
    want = [(h.message, h.line) for h in rules.duplicate_entry(result, cfg)]
    monkeypatch.setattr(rules, "_SHARING_FROM", 0)
    assert [(h.message, h.line) for h in rules.duplicate_entry(result, cfg)] == want
    assert len(want) >= 3
    monkeypatch.setattr(rules, "_hash", lambda key: hash(key) % 97)
    assert [(h.message, h.line) for h in rules.duplicate_entry(result, cfg)] == want
