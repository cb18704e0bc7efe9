"""Memory of the citation records and of their linking (issue 15: ``benchmarks/linear.py
--kind citations``): footnote markers, footnotes, in-text citations and the candidates
of the links to entries."""

from __future__ import annotations

import random
import tracemalloc
from array import array
from typing import Any

import pytest

import citenorm
from citenorm.models import (
    Document,
    Fields,
    Footnote,
    Footnotes,
    InTextCitation,
    InTextCitations,
    Marker,
    Markers,
    Name,
)


def test_markers_of_many_lines_hold_no_entry_per_line() -> None:
    # a marker on each of 20,000 body lines: the columns alone, no (start, end) per line
    body = "".join(f"نص الفقرة ({k % 99 + 1}) هنا.\n" for k in range(20_000))
    rows = list(citenorm.extract(body).markers)
    assert len(rows) == 20_000
    tracemalloc.start()
    markers = Markers(rows)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert held / len(markers) < 40
    assert list(markers.on_line(7)) == [rows[6]] and list(markers.on_line(20_001)) == []


def test_markers_on_line_read_the_same_in_any_line_order() -> None:
    rows = [
        Marker("1", "paren", 2, 5, 3),
        Marker("2", "bracket", 2, 9, 3),
        Marker("3", "paren", 5, 1, 3),
        Marker("4", "paren", 5, 7, 3),
        Marker("5", "paren", 9, 1, 3),
    ]
    for order in (rows, [*rows[2:4], *rows[:2], rows[4]], [rows[4], *rows[:4]]):
        markers = Markers(order)
        for line in (1, 2, 3, 5, 9, 10):
            assert list(markers.on_line(line)) == [m for m in order if m.line == line]
    with pytest.raises(ValueError, match="not together"):
        Markers([rows[0], rows[2], rows[1]])


def _citing(n: int) -> str:
    """``n`` footnotes and ``n`` list entries of distinct invented authors."""
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    m = len(letters)
    fams = [
        "ال" + letters[k % m] + letters[k // m % m] + letters[k // m // m % m] for k in range(n)
    ]
    body = "".join(f"ذكر ذلك في الدراسة ({k % 50 + 1}).\n" for k in range(n))
    notes = "".join(
        f"({k % 50 + 1}) {f}، محمد، كتاب {f[2:]} الأول، بغداد، {1950 + k % 60}، ص {k}.\n"
        for k, f in enumerate(fams)
    )
    entries = "".join(
        f"{k + 1}. {f}، محمد، كتاب {f[2:]} الأول، دار النشر، بغداد، {1950 + k % 60}.\n"
        for k, f in enumerate(fams)
    )
    return body + notes + "المصادر\n" + entries


def test_linking_footnotes_holds_no_features_of_every_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # while the notes are blocked against the entries, the entries' features are held,
    # the notes' own are made, read for their keys, and let go (made again when scored)
    import gc

    from citenorm.matching import citations
    from citenorm.matching.features import Features

    doc = citenorm.extract(_citing(300))
    assert len(doc.footnotes) == len(doc.entries) == 300
    live: list[int] = []
    real = citations.nearest_rows

    def counting(*args: object, **kwargs: object) -> Any:
        gc.collect()
        live.append(sum(1 for o in gc.get_objects() if isinstance(o, Features)))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(citations, "nearest_rows", counting)
    result = citenorm.match(doc)
    assert live and max(live) <= len(doc.entries) + 5
    cited = {c.footnote for c in result.citations if c.footnote}
    assert len(cited) == 300 and not result.unlisted


def test_in_text_citations_share_their_equal_values() -> None:
    # an article cites the same works again and again: one string for each value
    body = "".join(
        f"كما ذكر (الحسني، {2000 + k % 3}، ص 5) وأكد ذلك (Smith, {2000 + k % 3}).\n"
        for k in range(300)
    )
    doc = citenorm.extract(body)
    assert len(doc.in_text) == 600
    assert {c.year for c in doc.in_text} == {"2000", "2001", "2002"}
    assert len({id(c.year) for c in doc.in_text}) == 3
    # the authors are read out of their printed texts, held by none
    assert {c.author for c in doc.in_text} == {"الحسني", "Smith"}
    records = list(doc.in_text)
    tracemalloc.start()
    columns = InTextCitations(records)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert list(columns) == records
    assert held / len(records) < 80  # (a record each held ~230 bytes)
    # the texts are read from the document's lines (none held: a string each held ~100
    # bytes), each as printed from its column
    assert len({c.text for c in doc.in_text}) == 6
    assert not any(doc.in_text._texts)  # type: ignore[attr-defined]
    for c in doc.in_text:
        assert doc.lines[c.line - 1][c.column - 1 :].startswith(c.text)
    assert len({id(c.locator) for c in doc.in_text if c.locator}) == 1


def test_footnotes_share_their_equal_printed_markers() -> None:
    # notes numbered from 1 again in each chapter print the same markers again
    body = "".join(f"نص الفقرة ({k % 20 + 1}).\n" for k in range(200))
    notes = "".join(f"({k % 20 + 1}) تعليق رقم {k} على النص.\n" for k in range(200))
    doc = citenorm.extract(body + notes)
    assert len(doc.footnotes) == 200
    assert len({f.marker for f in doc.footnotes}) == 20
    assert len({id(f.marker) for f in doc.footnotes}) == 20


def test_short_forms_are_read_without_the_blocking_and_the_name_index(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # once the full notes are scored, the entries' blocking keys and the name index of
    # author-date notes go: the short forms (op. cit.) read only the cited works
    import gc

    from citenorm.matching import citations

    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهو"
    m = len(letters)
    fams = [f"ال{letters[k % m]}{letters[k * 7 % m]}{letters[(k * 3 + 1) % m]}" for k in range(41)]
    entries = "".join(
        f"{k + 1}. {f}، محمد، كتاب {f[2:]} الأول، دار النشر، بغداد، {1950 + k}.\n"
        for k, f in enumerate(fams)
    )
    notes = (
        f"(1) {fams[0]}، محمد، كتاب {fams[0][2:]} الأول، بغداد، 1950؛ "
        f"{fams[1]}، محمد، كتاب {fams[1][2:]} الأول، بغداد، 1951.\n"
        f"(2) {fams[0]}، المرجع السابق، ص 5.\n"
        f"(3) انظر في ذلك ما كتبه ({fams[5]}، 1955: 45) في دراسته المعروفة.\n"
    )
    doc = citenorm.extract("نص (1). نص (2). نص (3).\n" + notes + "المصادر\n" + entries)
    assert [f.kind for f in doc.footnotes] == ["full", "op_cit", "full"]
    from citenorm.matching.features import features_of
    from citenorm.matching.scoring import SAME

    blocking_keys = [
        citations._sorted(citations._block_key(features_of(e), SAME)) for e in doc.entries
    ]
    built: list[int] = []
    seen: list[tuple[int, int]] = []
    index, narrow = citations._NameIndex, citations._narrow

    class Counted(index):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object) -> None:
            built.append(1)
            super().__init__(*args)  # type: ignore[arg-type]

    def watched(*args: object) -> object:
        gc.collect()
        objects = gc.get_objects()
        indexes = sum(1 for o in objects if isinstance(o, index))
        keys = sum(
            1 for o in objects if type(o) is list and o is not blocking_keys and o == blocking_keys
        )
        seen.append((indexes, keys))
        return narrow(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(citations, "_NameIndex", Counted)
    monkeypatch.setattr(citations, "_narrow", watched)
    result = citenorm.match(doc)
    assert built and seen == [(0, 0)]
    assert {(c.footnote, c.entry) for c in result.citations} >= {
        ("fn-1-1", "e1"),
        ("fn-1-1", "e2"),
        ("fn-1-2", "e1"),
        ("fn-1-3", "e6"),
    }


def test_a_note_printed_as_it_reads_holds_its_text_once() -> None:
    from citenorm.extraction.footnotes import find_footnotes
    from citenorm.extraction.segment import Line

    raw = [f"({k}) الحسني، محمد، كتاب التاريخ {k}، بغداد، 2001." for k in range(1, 4)]
    body = [Line(1, "نص (1) و(2) و(3).", "نص (1) و(2) و(3).")]
    body += [Line(k + 2, r, r) for k, r in enumerate(raw)]
    notes, _rest, _lines = find_footnotes(body)
    assert [n.printed for n in notes] == [r[4:] for r in raw]
    assert all(n.parts[0] is n.print_parts[0] for n in notes)


def test_notes_without_extras_share_one_empty_mapping() -> None:
    from citenorm.extraction.footnotes import find_footnotes
    from citenorm.extraction.segment import Line

    body = [Line(1, "نص (1) و(2).", "نص (1) و(2).")]
    body += [
        Line(k + 2, f"({k + 1}) تعليق على النص.", f"({k + 1}) تعليق على النص.") for k in range(2)
    ]
    notes, _rest, _lines = find_footnotes(body)
    assert len(notes) == 2 and notes[0].extra is notes[1].extra and not notes[0].extra
    md = [Line(1, "نص[^a].", "نص[^a]."), Line(2, "[^a]: تعليق.", "[^a]: تعليق.")]
    (note,), _rest, _lines = find_footnotes(md)
    assert note.extra == {"label": "a"} and note.body_line == 1


def test_the_notes_are_blocked_from_columns_not_an_object_a_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from citenorm.matching import citations

    doc = citenorm.extract(_citing(200))
    per_part: list[int] = []
    real = citations.nearest_rows

    def counting(*args: object, **kwargs: object) -> Any:
        gc.collect()
        mine = [o for o in gc.get_objects() if type(o).__module__ == citations.__name__]
        per_part.append(len(mine))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(citations, "nearest_rows", counting)
    citenorm.match(doc)
    assert per_part and max(per_part) < 10


def _note(k: int, **values: object) -> Footnote:
    given: dict[str, object] = {
        "id": f"fn-1-{k}",
        "number": k,
        "group": 1,
        "marker": f"({k})",
        "text": f"فلان، كتاب {k}، 2001.",
        "kind": "full",
        "line": 10 + k,
        "raw": f"({k}) فلان، كتاب {k}، 2001.",
        "fields": Fields(title=f"كتاب {k}", author=[Name(family="فلان")]),
    }
    given.update(values)
    return Footnote.model_validate(given)


class _MyNote(Footnote):
    pass


def test_footnote_columns_read_back_the_records_given() -> None:
    lines = [f"سطر {k}" for k in range(40)]
    lines[11] = "(1) فلان، كتاب 1، 2001."
    notes = [
        _note(1),  # its raw text the document's line, its text a slice of it
        _note(2, id="fn-1-2-2", kind="ibid", refers_to="fn-1-1", body_line=3),
        _note(3, number=None, marker="(*)", text="تعليق غير مرقم", kind="note"),
        _note(4, raw="(4) فلان،\nكتاب 4، 2001.", text="فلان، كتاب 4، 2001."),
        _note(5, group=2, paragraph=7, page=2, fields=Fields()),
        _note(6, id="fn-1-x6", number=None, kind="op_cit", refers_to="fn-1-2-2"),
        _MyNote.model_validate(dict(_note(7))),
        Footnote.model_construct(**{k: v for k, v in dict(_note(8)).items() if k != "page"}),
    ]
    columns = Footnotes(notes, lines=lines)
    assert len(columns) == len(notes) and list(columns) == notes == columns
    assert columns[-1] == notes[-1] and columns[2:5] == notes[2:5]
    for given, read in zip(notes, columns, strict=True):
        assert read.model_fields_set == given.model_fields_set
        assert read.model_dump_json() == given.model_dump_json()
    assert type(columns[6]) is _MyNote
    assert [columns.kind_of(k) for k in range(len(notes))] == [n.kind for n in notes]
    assert list(columns.ids()) == [n.id for n in notes]
    assert columns.by_id("fn-1-x6") == notes[5] and columns.row_of("fn-1-2-2") == 1
    assert columns.row_of("fn-9-9") is None
    with pytest.raises(IndexError):
        columns[len(notes)]


def test_in_text_columns_read_back_the_records_given() -> None:
    cites = [
        InTextCitation(id="t1", text="حسن، 2015", line=2, column=4, author="حسن", year="2015"),
        InTextCitation(
            id="t2",
            text="Smith, 2019, p. 4",
            line=2,
            column=20,
            author="Smith",
            year="2019",
            locator="p. 4",
        ),
        InTextCitation(
            id="t3-2",
            text="(2015)",
            line=3,
            column=1,
            author="Lee",
            year="2015",
            page=3,
            paragraph=9,
        ),
        InTextCitation(id="t4", text="x", line=4, column=1),
    ]
    columns = InTextCitations(cites)
    assert list(columns) == cites and columns == cites and columns[1:] == cites[1:]
    for given, read in zip(cites, columns, strict=True):
        assert read.model_fields_set == given.model_fields_set
    assert columns.by_id("t3-2") == cites[2] and columns.row_of("t4") == 3


def test_document_reads_and_writes_its_notes_and_citations_as_before() -> None:
    notes = [_note(1), _note(2, kind="ibid", refers_to="fn-1-1")]
    cite = InTextCitation(id="t1", text="حسن، 2015", line=2, column=4, author="حسن", year="2015")
    doc = Document(footnotes=[n.model_dump() for n in notes], in_text=[cite])
    assert isinstance(doc.footnotes, Footnotes) and isinstance(doc.in_text, InTextCitations)
    assert doc.footnotes == notes and doc.in_text == [cite]
    dumped = doc.model_dump(by_alias=True)
    assert dumped["footnotes"] == [n.model_dump(by_alias=True) for n in notes]
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc and again.model_dump_json() == doc.model_dump_json()
    assert doc.footnote("fn-1-1") == notes[0]
    with pytest.raises(ValueError, match="validation error"):
        Document(footnotes=[{"id": "fn-1-1"}])
    with pytest.raises(ValueError, match="duplicate id"):
        Document(footnotes=notes, in_text=[cite.model_copy(update={"id": "fn-1-1"})])


def test_matching_holds_no_record_of_every_note(monkeypatch: pytest.MonkeyPatch) -> None:
    # the full notes are read by row as they are blocked and scored, not listed first
    import gc

    from citenorm.matching import citations

    doc = citenorm.extract(_citing(300))
    live: list[int] = []
    real = citations.nearest_rows

    def counting(*args: object, **kwargs: object) -> Any:
        gc.collect()
        live.append(sum(1 for o in gc.get_objects() if isinstance(o, Footnote)))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(citations, "nearest_rows", counting)
    result = citenorm.match(doc)
    assert live and max(live) < 10
    assert len({c.footnote for c in result.citations}) == 300


@pytest.mark.slow
def test_an_article_of_many_notes_holds_no_record_a_note() -> None:
    # a footnote in columns: its id derived, its text a slice of its raw text (the
    # document's line), its Fields as (shape, values), no record object (each held
    # ~1,160 bytes with its text and id; ~700 with its Fields record)
    text = _citing(2_000)
    tracemalloc.start()
    doc = citenorm.extract(text)
    with_notes = tracemalloc.get_traced_memory()[0]
    n = len(doc.footnotes)
    object.__setattr__(doc, "footnotes", Footnotes())
    held = (with_notes - tracemalloc.get_traced_memory()[0]) / n
    tracemalloc.stop()
    assert n == 2_000 and held < 600


def test_footnotes_are_found_by_id_without_an_index_of_every_id() -> None:
    notes = [_note(k, group=1 + k // 5) for k in range(1, 40)]
    notes = [n.model_copy(update={"id": f"fn-{n.group}-{n.number}"}) for n in notes]
    notes.append(_note(50, id="fn-1-3-2"))  # (not in order, not of the derived form)
    columns = Footnotes(notes)
    for k, n in enumerate(notes[:-1]):
        assert columns.row_of(n.id) == k and columns.by_id(n.id) == n
    assert columns._index is None  # (found by bisection)
    assert columns.row_of("fn-1-3-2") == len(notes) - 1
    assert columns.row_of("fn-1-99") is None and columns.row_of("fn-x-1") is None
    from citenorm.models import footnotes_by_id

    view = footnotes_by_id(columns)
    assert view.get("fn-2-7") == notes[6] and view.get("nope") is None
    assert "fn-1-3-2" in view and list(view) == [n.id for n in notes]


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_the_citation_audit_holds_no_record_of_every_note() -> None:
    # the citers (full notes and in-text citations) are read one at a time, in text
    # order, not listed first
    import gc

    from citenorm.auditing.rules import citations as cite_rules

    body = "".join(f"كما ذكر (الحسني، {2000 + k})\n" for k in range(100))
    doc = citenorm.extract(body + _citing(300))
    expected = sorted(
        [*(f for f in doc.footnotes if f.kind == "full"), *doc.in_text], key=lambda c: c.line
    )
    assert [c.id for c in cite_rules._citers(doc)] == [c.id for c in expected]
    del expected
    seen = []
    for k, _c in enumerate(cite_rules._citers(doc)):
        if k % 25 == 0:  # (a count every 25 citers: a full collection over a long test
            # session's objects took ~0.5 s each)
            gc.collect()
            seen.append(sum(1 for o in gc.get_objects() if isinstance(o, Footnote)))
    assert k == 399 and len(seen) == 16 and max(seen) < 10


def test_linking_keeps_the_memos_to_the_documents_share(monkeypatch: pytest.MonkeyPatch) -> None:
    # the notes' features, the entries' folds and the name index fill the per-string
    # memos: while the notes and citations are linked they keep to the document's
    # allowance (memo.MemoBound), as extraction and pairing do, not to their own bounds
    from citenorm import memo
    from citenorm.matching import citations

    monkeypatch.setattr(memo, "MEMO_FLOOR", 1000)
    n = 600
    doc = citenorm.extract(_citing(n))
    allowance = max(1000, (sum(map(len, doc.lines)) + len(doc.lines)) // memo.CHARS_PER_ENTRY)
    held: list[int] = []

    def watched(real: Any) -> Any:
        def watching(*args: object, **kwargs: object) -> object:
            held.append(sum(m.entries for m in memo.memos() if m.size))
            return real(*args, **kwargs)

        return watching

    memo.clear_memos()
    monkeypatch.setattr(citations, "features_of", watched(citations.features_of))
    monkeypatch.setattr(citations, "fold_any", watched(citations.fold_any))
    result = citenorm.match(doc)
    assert len(held) >= 2 * n
    # (a checkpoint looks every CHECK_EVERY records: a few hundred entries above it)
    assert max(held) <= allowance + 40 * memo.CHECK_EVERY
    assert len({c.footnote for c in result.citations if c.footnote}) == n


def test_the_name_index_holds_no_list_or_key_object_an_entry() -> None:
    # the index of the entries' name labels by year: a label list per entry (made again
    # when an entry is scored) and a (year, label) tuple per label held ~240 bytes more
    from citenorm.matching.citations import _NameIndex

    doc = citenorm.extract(_citing(1000))
    entries = list(doc.entries)
    _NameIndex(entries)  # (the labels' folds memoized: their strings are not counted)
    tracemalloc.start()
    index = _NameIndex(entries)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert held / len(entries) < 200
    # each entry is still found by its author and year, exactly
    for e in entries[:50]:
        author = e.fields.author[0].family if e.fields.author else None
        year = str(e.fields.issued.year) if e.fields.issued else None
        cited = InTextCitation(id="t1", text="(x)", line=1, column=0, author=author, year=year)
        assert index.best(cited) == (e.id, 100.0)


@pytest.mark.parametrize("n", [1500, 4500])  # every pair compared; by shared words
def test_the_notes_nearest_entries_are_one_flat_array(n: int) -> None:
    # the blocking hands the notes' shortlists over as one array of indices (4 bytes
    # each), not a list of Python ints per note; the rows are nearest()'s
    from rapidfuzz import fuzz

    from citenorm.matching import blocking

    rng = random.Random(n)
    words = ["".join(rng.choice("بتثجحخدذرز") for _ in range(4)) for _ in range(n)]
    choices = [f"{w} {words[(k * 7) % n]} {words[(k * 13) % n]}" for k, w in enumerate(words)]
    queries = [f"{words[(k * 7) % n]} {w}" for k, w in enumerate(words)]
    k = 6
    tracemalloc.start()
    flat, ends = blocking.nearest_rows(queries, choices, k=k, scorer=fuzz.ratio)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(ends) == n and held / n < 16 + 5 * k
    rows = [flat[ends[i - 1] if i else 0 : ends[i]].tolist() for i in range(n)]
    assert rows == blocking.nearest(queries, choices, k=k, scorer=fuzz.ratio)
    assert all(r == sorted(r) and len(r) <= k for r in rows)
    assert blocking.nearest_rows(queries[:3], choices[:5], k=k) == (
        array("i", [0, 1, 2, 3, 4] * 3),
        array("q", [5, 10, 15]),
    )


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_a_notes_values_printed_in_its_text_are_held_as_places_in_it() -> None:
    # a note's title, page and place are read out of its text: a string each (50-90
    # bytes) was held beside the text they are printed in
    import gc
    import sys

    from citenorm.memo import clear_memos

    notes = "".join(
        f"({k % 50 + 1}) الفلان{k}، محمد، كتاب العنوان {k}، بغداد، {1950 + k % 60}، ص {k}.\n"
        for k in range(2000)
    )
    text = "نص (1).\n" + notes
    citenorm.extract(text)  # (the tables and patterns made once)
    clear_memos()
    gc.collect()
    tracemalloc.start()
    doc = citenorm.extract(text)
    footnotes, lines = doc.footnotes, doc.lines
    del doc
    clear_memos()
    gc.collect()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    held -= sys.getsizeof(lines) + sum(map(sys.getsizeof, lines))
    assert held / len(footnotes) < 600  # (~730 before)
    note = footnotes[7]
    assert (note.fields.title, note.fields.page, note.fields.publisher_place) == (
        "كتاب العنوان 7",
        "7",
        "بغداد",
    )
    assert note.fields.author and note.fields.author[0].family == "الفلان7"
    assert Footnotes(list(footnotes), lines=lines) == list(footnotes)


def test_the_word_index_of_nearest_is_built_in_few_arrays() -> None:
    # the notes' blocking indexes the entries' words by hash: at its peak ~28 bytes a
    # posting (int32 choices, the hashes sorted once; numpy's unique sorted again: ~72)
    from citenorm.matching import blocking

    rng = random.Random(5)
    letters = "بتثجحخدذرز"
    choices = [
        " ".join("".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(5))
        for _ in range(20_000)
    ]
    blocking._word_index(choices[:10])
    tracemalloc.start()
    hashes, starts, postings = blocking._word_index(choices)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak / len(postings) < 40
    # each word's postings are the choices holding it, ascending
    holders: dict[int, list[int]] = {}
    for j, key in enumerate(choices):
        for t in blocking._tokens(key):
            holders.setdefault(hash(t), []).append(j)
    assert hashes.tolist() == sorted(holders) and len(starts) == len(hashes) + 1
    for w, h in enumerate(hashes.tolist()):
        assert postings[starts[w] : starts[w + 1]].tolist() == holders[h]


def test_the_short_forms_are_read_without_a_dict_of_every_citing_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # ibid. cites what the note just before it cites: only that note's works are kept
    # while the citations are made, not a dict of every citing note's
    import gc

    from citenorm.matching import citations

    n = 300
    doc = citenorm.extract(_citing(n))
    made: list[int] = []
    real = citations.build

    def building(*args: Any, **kwargs: Any) -> Any:
        if len(made) == n - 1:  # (the last note's citation)
            gc.collect()
            made.append(
                sum(
                    1
                    for o in gc.get_objects()
                    if type(o) is dict
                    and len(o) >= n
                    and all(type(k) is str for k in o)
                    and all(k.startswith("fn-") for k in o)
                )
            )
        else:
            made.append(0)
        return real(*args, **kwargs)

    monkeypatch.setattr(citations, "build", building)
    result = citenorm.match(doc)
    assert len(made) >= n and made[n - 1] == 0  # (the full notes' links: in columns)
    assert len({c.footnote for c in result.citations if c.footnote}) == n


def test_in_text_citations_hold_no_text_their_lines_print() -> None:
    # thousands of distinct author-date citations: each text a span of its line, read
    # when its record is built (as the entries' and the notes' raw texts)
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    m = len(letters)
    body = "".join(
        f"وقد ذكر ذلك (ال{letters[k % m]}{letters[k // m % m]}{letters[k // m // m % m]}ي، "
        f"{1950 + k % 70}) في دراسته.\n"
        for k in range(3_000)
    )
    doc = citenorm.extract(body)
    records = list(doc.in_text)
    assert len(records) == 3_000 and len({c.text for c in records}) == 3_000
    lines = doc.lines
    tracemalloc.start()
    columns = InTextCitations(lines=lines)
    for c in records:  # (each given a text of its own, which only it holds)
        columns.append(c.model_copy(update={"text": c.text[:1] + c.text[1:]}))
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert list(columns) == records
    assert held / len(records) < 75  # (~120 bytes with each text kept)
    # and what a reader gives without the lines: the texts as given
    assert list(InTextCitations(records)) == records


def test_the_in_text_prefilters_keep_no_fold_of_every_character() -> None:
    # the prefilters and the cleaned view's tables are built from every character's
    # fold: those (character, fold) pairs go once the tables are made (they held ~0.6 MB
    # to the end of the process, ~0.6x a 1 MB article)
    import gc

    from citenorm.extraction import intext
    from citenorm.memo import clear_memos

    clear_memos(tables=True)
    gc.collect()
    tracemalloc.start()
    intext._prefilters()
    intext._fold_tables()
    gc.collect()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert held < 300_000


def test_the_body_s_lines_go_before_the_entries_are_grouped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the lines left to the body (for the in-text citations) are read again from the
    # document's lines: no Line object of the body is held while the entries are grouped
    # and parsed (~90 bytes a body line)
    import gc

    import citenorm.extraction as extraction
    from citenorm.extraction.segment import Line

    live: list[int] = []
    real = extraction.group_entries

    def counting(block: Any) -> Any:
        gc.collect()
        live.append(sum(1 for o in gc.get_objects() if type(o) is Line))
        return real(block)

    monkeypatch.setattr(extraction, "group_entries", counting)
    body = "".join(f"نص الفقرة ({k % 50 + 1}) كما ذكر (الحسني، 2001).\n" for k in range(2_000))
    notes = "".join(f"({k + 1}) الحسني، كتاب التاريخ، بغداد، 2001.\n" for k in range(50))
    entries = "".join(f"{k + 1}. الحسني، محمد، كتاب {k}، بغداد، 2001.\n" for k in range(100))
    doc = citenorm.extract(body + notes + "المصادر\n" + entries)
    assert len(doc.in_text) == 2_000 and len(doc.entries) == 100
    assert live and max(live) <= 110  # (the list's own lines and its heading)


def _author_date(n: int) -> str:
    """``n`` author-date citations and ``n`` list entries of distinct invented authors."""
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    m = len(letters)
    fams = [
        "ال" + letters[k % m] + letters[k // m % m] + letters[k // m // m % m] for k in range(n)
    ]
    body = "".join(f"وقد ذكر ذلك ({f}، {1950 + k % 60}) في دراسته.\n" for k, f in enumerate(fams))
    entries = "".join(
        f"{k + 1}. {f}، محمد، كتاب {f[2:]} الأول، دار النشر، بغداد، {1950 + k % 60}.\n"
        for k, f in enumerate(fams)
    )
    return body + "المصادر\n" + entries


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_linking_in_text_citations_remembers_a_bounded_number_of_look_ups() -> None:
    # each (author, year) is looked up once while the citations repeat it; a key of every
    # citation of distinct authors (with its strings) held ~150 bytes each at match's peak
    import gc

    from citenorm.matching.citations import link_in_text

    n = 4_000
    doc = citenorm.extract(_author_date(n))
    assert len(doc.in_text) == len(doc.entries) == n
    entries = list(doc.entries)
    link_in_text(doc, entries, [])  # (the memos warm)
    gc.collect()
    tracemalloc.start()
    out = link_in_text(doc, entries, [])
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(out) == n and len({c.entry for c in out}) > 0.99 * n
    assert (peak - held) / n < 490  # (~560 with a key of each)


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_footnotes_hold_no_name_their_texts_print() -> None:
    # a note's author names printed in its text are kept as their places in it (a name
    # record and its strings held ~290 bytes a note of distinct authors), made when read
    import gc

    doc = citenorm.extract(_citing(2_000))
    assert len(doc.footnotes) == 2_000
    assert all(f.fields.author for f in doc.footnotes)
    notes = list(doc.footnotes)
    gc.collect()
    tracemalloc.start()
    columns = Footnotes(lines=doc.lines)
    for note in notes:  # (each given names of its own, which only it holds)
        names = [
            a.model_copy(update={"family": (a.family or "")[:1] + (a.family or "")[1:]})
            for a in note.fields.author or []
        ]
        fields = note.fields.model_copy(update={"author": names})
        columns.append(note.model_copy(update={"fields": fields}))
    gc.collect()
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert list(columns) == notes
    assert held / len(columns) < 400  # (~730 with the names kept)


def test_the_entries_features_go_before_the_in_text_citations_are_linked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the notes read the entries' features to their last one; the in-text citations read
    # the entries' names, not their features (~2.4x a 1 MB article held at match's peak)
    import gc

    import citenorm.matching as matching
    from citenorm.matching.features import Features

    doc = citenorm.extract(_citing(300))
    live: list[int] = []
    real = matching.link_in_text

    def counting(*args: Any, **kwargs: Any) -> Any:
        gc.collect()
        live.append(sum(1 for o in gc.get_objects() if isinstance(o, Features)))
        return real(*args, **kwargs)

    monkeypatch.setattr(matching, "link_in_text", counting)
    result = citenorm.match(doc)
    assert live and max(live) <= 5
    assert len({c.footnote for c in result.citations if c.footnote}) == 300


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_notes_keeping_the_same_values_share_one_tuple() -> None:
    # a note's values its text does not print (its type, a shared date) are kept in a
    # tuple: notes of the same ones share it (one each held ~64 bytes a note)
    doc = citenorm.extract(_citing(2_000))
    notes = doc.footnotes
    assert len(notes) == 2_000
    packed = {id(p) for p in notes._fields}  # type: ignore[attr-defined]
    years = {n.fields.issued.year for n in notes if n.fields.issued}
    assert len(years) == 60 and len(packed) <= 4 * len(years)  # (2,000 before)
    fresh = Footnotes(list(notes), lines=doc.lines)
    assert list(fresh) == list(notes)


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_the_numbering_rules_hold_no_record_of_every_note() -> None:
    # CN103 and CN104 group the numbered notes by page: rows and numbers in arrays, the
    # records read again only for what they report (a list of every Footnote record was
    # ~6x the input at the audit's peak on 1 MB of citations)
    from citenorm.auditing.rules.footnotes import footnote_numbering_gap, repeated_footnote_number
    from citenorm.config import AuditConfig

    text = _citing(3_000).replace("(17) ", "(18) ", 1)  # one gap, one repeat, in group 1
    result = citenorm.match(citenorm.extract(text))
    notes = result.document.footnotes
    assert len(notes) == 3_000
    cfg = AuditConfig()
    for check in (footnote_numbering_gap, repeated_footnote_number):
        list(check(result, cfg))  # warm: lazy imports and memos are not the rule's
        tracemalloc.start()
        hits = list(check(result, cfg))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert peak / len(notes) < 120, (check.__name__, peak / len(notes))
        assert hits, check.__name__
        assert all(h.line is not None and 1 <= h.line <= len(result.document.lines) for h in hits)


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_the_citation_rules_hold_no_dict_of_every_citer() -> None:
    # CN201, CN204, CN401 and CN402 read who cites what (auditing's citation map): rows
    # of the match's citations in arrays, sorted by citer and by entry, looked up by
    # bisection; a dict and a list a citer and an entry held ~450 bytes a citation at
    # the audit's peak (~3.8x the input on 1 MB of citations)
    from citenorm.auditing.rules.citations import uncited_entry, unlisted_source
    from citenorm.auditing.rules.consistency import (
        footnote_field_mismatch,
        footnote_spelling_variant,
    )
    from citenorm.config import AuditConfig

    n = 2_000
    text = _author_date(n).split("المصادر\n")[0] + _citing(n)  # (each entry cited twice)
    result = citenorm.match(citenorm.extract(text))
    doc = result.document
    assert len(doc.footnotes) == n and len(doc.in_text) >= n
    citations = len(result.citations)
    assert citations > 1.9 * n
    cfg = AuditConfig()
    for check in (unlisted_source, uncited_entry, footnote_field_mismatch):
        list(check(result, cfg))  # warm: lazy imports and memos are not the rule's
        tracemalloc.start()
        list(check(result, cfg))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert peak / citations < 100, (check.__name__, peak / citations)  # (~460 before)
    list(footnote_spelling_variant(result, cfg))
    tracemalloc.start()
    list(footnote_spelling_variant(result, cfg))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak / citations < 100, peak / citations


def test_the_citation_map_answers_as_the_dicts_it_replaces() -> None:
    # who cites what, looked up by bisection, as dicts in the citations' order read it:
    # each citer's entries in order and once, a counterpart the last pair or repeat sets
    from citenorm.auditing.rules._common import citation_map
    from citenorm.models import Citation, MatchResult, Pair, Repeat

    rng = random.Random(5)
    ids = [f"e{k}" for k in range(1, 30)]
    cites = []
    for _ in range(200):
        citer = rng.choice([f"fn-1-{k}" for k in range(1, 40)] + [f"t{k}" for k in range(9)])
        key = "in_text" if citer.startswith("t") else "footnote"
        cites.append(Citation(**{key: citer}, entry=rng.choice(ids), score=50.0))
    cites.append(Citation(entry="e1", score=1.0))  # (cited by no one: not counted)
    pairs = [Pair(arabic=f"e{k}", latin=f"e{k + 10}", score=1.0) for k in range(1, 9)]
    pairs.append(Pair(arabic="e3", latin="e28", score=1.0))  # (e3's counterpart: e28)
    repeats = [Repeat(original="e5", romanized="e29", score=1.0)]
    result = MatchResult.model_construct(
        document=Document(), citations=cites, pairs=pairs, repeats=repeats
    )
    by_citer: dict[str, dict[str, None]] = {}
    cited: set[str] = set()
    for c in cites[:-1]:
        by_citer.setdefault(c.footnote or c.in_text or "", {})[c.entry] = None
        cited.add(c.entry)
    partner: dict[str, str] = {}
    for a, b in [(p.arabic, p.latin) for p in pairs] + [(r.original, r.romanized) for r in repeats]:
        partner[a], partner[b] = b, a
    cmap = citation_map(result)
    for citer in [*by_citer, "fn-9-9", "t99", ""]:
        assert cmap.cites(citer) == list(by_citer.get(citer, {})), citer
    for e in [*ids, "e99", "x"]:
        assert cmap.is_cited(e) == (e in cited)
        assert cmap.partner(e) == partner.get(e), e


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_the_notes_citations_are_made_with_no_features_or_dict_of_every_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # when the footnotes' citations are made, what each full note cites is kept in
    # columns (a dict by note id of lists of pairs held ~300 bytes a note), and the
    # entries' features are gone (the pools, held by a name left from the blocking loop,
    # kept them to the end: ~290 bytes an entry), but for the works of notes that cite
    # several, which their short forms read
    import gc

    from citenorm.matching import citations
    from citenorm.matching.features import Features

    n = 2_000
    doc = citenorm.extract(_citing(n))
    citenorm.match(doc)  # warm: lazy imports done
    seen: list[tuple[int, tracemalloc.Snapshot]] = []
    real = citations.build

    def first(*args: Any, **kwargs: Any) -> Any:
        if not seen:
            gc.collect()
            live = sum(1 for o in gc.get_objects() if isinstance(o, Features))
            seen.append((live, tracemalloc.take_snapshot()))
        return real(*args, **kwargs)

    monkeypatch.setattr(citations, "build", first)
    gc.collect()
    tracemalloc.start()
    start = tracemalloc.take_snapshot()
    result = citenorm.match(doc)
    tracemalloc.stop()
    live, snap = seen[0]
    # (the per-string memos, which the match's bound keeps to the document's share, are
    # not counted: text/ fills them)
    mine = [tracemalloc.Filter(False, "*/citenorm/text/*"), tracemalloc.Filter(False, __file__)]
    held = sum(d.size_diff for d in snap.filter_traces(mine).compare_to(start, "filename"))
    print("LIVE", live, held / n)
    assert live < 10, live
    assert held / n < 300, held / n  # (~1,000 before: ~175 now, ~50 of them the ids cited)
    assert len({c.footnote for c in result.citations if c.footnote}) == n


def test_notes_without_a_number_are_found_by_id_without_an_index_of_every_id() -> None:
    # a note without a number has the id fn-<group>-x<row + 1>: read at its row (the short
    # forms' targets are looked up by id while the citations are made)
    notes = [_note(k, number=None, id=f"fn-1-x{k}") for k in range(1, 30)]
    columns = Footnotes(notes)
    for k, n in enumerate(notes):
        assert columns.row_of(n.id) == k
    assert columns._index is None
    assert columns.row_of("fn-1-x30") is None and columns.row_of("fn-2-x3") is None
    assert columns.row_of("fn-1-x0") is None and columns.row_of("fn-1-x03") is None
