"""Bounded memory on floods of lines that cannot be entries (issue 15 item 5).

A list of ``-`` lines held a pydantic ``FailedLine`` (~400 bytes) and a ``Line`` (~100
bytes) per 2-byte line: 352x the input. Failed lines are now columns
(:class:`citenorm.models.FailedLines`) and the inside of a run of separator lines is left
out of the list's lines; these tests hold both, and that leaving them out changes no
record. The figures per input and command are ``benchmarks/linear.py``'s.
"""

from __future__ import annotations

import pickle
import random
import sys
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest

import citenorm
from citenorm.errors import InputError
from citenorm.extraction import segment as segment_module
from citenorm.io.load import load
from citenorm.models import Document, Entries, Entry, FailedLine, FailedLines, InTextCitations


def _peak(text: str) -> float:
    """Peak traced memory of ``extract(text)`` as a multiple of the input's UTF-8 size."""
    citenorm.extract("المصادر\n1- فلان، كتاب، 2001\n-\n-\n-\n")  # warm: imports, memos
    tracemalloc.start()
    try:
        doc = citenorm.extract(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert doc.failed
    return peak / len(text.encode("utf-8"))


@pytest.mark.slow  # (a measurement over a large input: ~2-4 s; the slow step runs it)
def test_a_flood_of_dash_lines_stays_under_20x() -> None:
    # 100,000 lines of "-" (200 KB): 329x the input before (traced), about 16x after
    text = "المصادر\n" + "-\n" * 100_000
    ratio = _peak(text)
    assert ratio < 20, f"{ratio:.1f}x the input"


def test_the_flood_is_still_accounted_for_line_by_line() -> None:
    text = "المصادر\n1- فلان، كتاب، 2001.\n" + "-\n" * 5_000 + "2- علان، كتاب آخر، 2002.\n"
    doc = citenorm.extract(text)
    assert [e.line for e in doc.entries] == [2, 5_003]
    assert [f.line for f in doc.failed] == list(range(3, 5_003))
    assert {(f.text, f.reason) for f in doc.failed} == {("-", "separator")}


# --- leaving separator runs out changes nothing --------------------------------------------

_SEPARATORS = ["-", "---", "* * *", "====", "—", "~~~", "•", "#", "--.", "_____"]
_ENTRIES = [
    "العتيبي، محمد، كتاب الأمن، بغداد، 2015.",
    "Smith, John. The Book. London: Penguin, 1999.",
    "الشمري، علي: تاريخ بغداد الحديث، دار الكتب",
    "بيروت، 1999م.",
    "Lee, A. (2001). Title of a paper. Journal, 3(2), 1-9.",
    "أولاً: الكتب",
    "(12)",
    "١٩٥٥.",
    "فلان، كتاب",
    "",
]


def _list_text(rng: random.Random) -> str:
    lines = [rng.choice(["المصادر", "المراجع", "References"])]
    k = 1
    for _ in range(rng.randint(5, 60)):
        r = rng.random()
        if r < 0.45:
            run = rng.choice([1, 2, 3, 4, 7])
            sep = rng.choice(_SEPARATORS)
            lines.extend(sep if rng.random() < 0.8 else rng.choice(_SEPARATORS) for _ in range(run))
        elif r < 0.55:
            lines.append("")
        else:
            entry = rng.choice(_ENTRIES)
            numbered = rng.random() < 0.6
            lines.append(f"{k}. {entry}" if numbered and entry else entry)
            k += numbered
    if rng.random() < 0.3:
        lines.append("Bibliography")
        lines.extend(f"{i}. al-Falani, Kitab {i}, 1990." for i in range(1, 4))
        lines.append("-\n-\n-\n-")
    return "\n".join(lines) + "\n"


def _records(doc: Document) -> tuple[object, ...]:
    return (
        [(e.id, e.line, e.number, e.text, e.raw, e.section, e.fields) for e in doc.entries],
        [(s.id, s.line, s.title, s.level) for s in doc.sections],
        list(doc.failed),
        [(f.id, f.line, f.text) for f in doc.footnotes],
    )


@pytest.mark.parametrize("seed", range(40))
def test_separator_runs_left_out_change_no_record(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    text = _list_text(random.Random(seed))
    compact = citenorm.extract(text)
    monkeypatch.setattr(segment_module, "_in_separator_run", lambda block, ln: False)
    whole = citenorm.extract(text)
    assert _records(compact) == _records(whole)


def test_some_generated_lists_leave_runs_out() -> None:
    # the equivalence above is tested on lists where runs are left out
    left_out = 0
    for seed in range(40):
        seg = segment_module.segment(_list_text(random.Random(seed)))
        left_out += sum(block.dropped() for block in seg.lists)
    assert left_out > 100


# --- FailedLines reads like the list of records it replaced -------------------------------


def test_failed_lines_read_like_a_list_of_records() -> None:
    records = [
        FailedLine(line=3, text="-", reason="separator"),
        FailedLine(line=7, text="| a |", reason="table"),
        FailedLine(line=9, text="--", reason="separator"),
    ]
    failed = FailedLines(records)
    assert len(failed) == 3
    assert failed == records and list(failed) == records
    assert failed[1] == records[1] and failed[-1] == records[-1]
    assert failed[1:] == records[1:]
    assert failed != records[:2]
    assert pickle.loads(pickle.dumps(failed)) == records
    doc = Document(failed=[*records[:2], {"line": 9, "text": "--", "reason": "separator"}])
    assert isinstance(doc.failed, FailedLines) and doc.failed == records
    assert Document().failed == []
    dumped = doc.model_dump_json()
    assert Document.model_validate_json(dumped).failed == records
    assert doc.model_dump()["failed"][2] == {"line": 9, "text": "--", "reason": "separator"}
    with pytest.raises(ValueError, match="line"):
        Document(failed=[{"line": "x", "text": "-", "reason": "separator"}])


# --- .docx parts are capped by what the later stages would need ---------------------------

_CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)


def _docx(tmp_path: Path, body: bytes) -> Path:
    xml = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body>' + body + b"</w:body></w:document>"
    )
    path = tmp_path / "article.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("word/document.xml", xml)
    return path


def test_a_docx_bomb_is_refused_before_its_tree_is_built(tmp_path: Path) -> None:
    # 200,000 paragraphs (600,000 elements, 7 MB of XML) in a 20 KB file: parsed whole
    # before (some 60 MB of elements), now refused at 1 element per 16 bytes of the cap
    path = _docx(tmp_path, b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 200_000)
    assert path.stat().st_size < 100_000
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"word/document\.xml holds more than 62500 XML"):
            load(path, max_bytes=1_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 25_000_000, f"{peak / 1e6:.0f} MB"  # the 7 MB part and 62,500 elements


def test_a_docx_whose_text_is_over_max_bytes_is_refused(tmp_path: Path, run: Any) -> None:
    text = ("المصادر " * 5_000).encode()  # 75 KB of text in one paragraph
    path = _docx(tmp_path, b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>")
    assert load(path, max_bytes=100_000).text.startswith("المصادر")
    with pytest.raises(InputError, match="longer than --max-bytes"):
        load(path, max_bytes=50_000)
    result = run("extract", "--max-bytes", "50000", str(path))
    assert result.returncode == 2
    assert result.stdout == b""
    assert len(result.stderr.decode().strip().splitlines()) == 1
    assert "longer than --max-bytes" in result.stderr.decode()


# --- documents of many small records --------------------------------------------------------


def _paired_lists(n: int) -> str:
    """An Arabic list of ``n`` entries and its romanized list: ``n`` pairs."""
    rng = random.Random(3)
    years = [1900 + rng.randrange(120) for _ in range(n)]
    ar = "".join(
        f"{k}- الفلاني{k}، محمد، كتاب رقم {k}، دار النشر، بغداد، {years[k - 1]}.\n"
        for k in range(1, n + 1)
    )
    la = "".join(
        f"{k}. al-Falani{k}, Muhammad, Kitab raqm {k}, Dar al-Nashr, Baghdad, {years[k - 1]}.\n"
        for k in range(1, n + 1)
    )
    return "المصادر\n" + ar + "References\n" + la


@pytest.mark.slow  # (a measurement over a large input: ~2-4 s; the slow step runs it)
def test_a_pair_holds_under_1100_bytes_of_its_own() -> None:
    # a Pair with its evidence (a dict of small dicts, two lists of feature names) and its
    # own fields set held ~2.8 KB here (3.6 KB a pair on benchmarks/linear.py's lists):
    # equal evidence items and the fields set are shared now (~1.05 KB), and its values
    # in a dict sharing its class's keys (~0.93 KB); its two ids are its own since the
    # document makes them when read (models.Entries: ~100 bytes, no longer the document's)
    citenorm.match(citenorm.extract(_paired_lists(20)))  # warm: imports, memos
    doc = citenorm.extract(_paired_lists(400))
    tracemalloc.start()  # traces what match allocates
    try:
        result = citenorm.match(doc)
        pairs = result.pairs
        assert len(pairs) == 400
        first = pairs[0].model_dump()
        held = tracemalloc.get_traced_memory()[0]
        pairs.clear()  # what the pairs alone hold (their entries belong to the document)
        per_pair = (held - tracemalloc.get_traced_memory()[0]) / 400
    finally:
        tracemalloc.stop()
    assert per_pair < 1100, f"{per_pair:.0f} bytes a pair"
    assert first["evidence"]["names"] == {"similarity": 100.0, "agree": True}


def test_shared_evidence_items_read_as_each_pairs_own() -> None:
    result = citenorm.match(citenorm.extract(_paired_lists(30)))
    assert len(result.pairs) == 30
    for p in result.pairs:
        dumped = p.model_dump()
        assert dumped["evidence"] == p.evidence and isinstance(p.evidence, dict)
        assert dumped["evidence"]["year"]["agree"] is True
        assert p.model_fields_set == {
            "arabic",
            "latin",
            "score",
            "evidence",
            "similarity",
            "rival",
            "rival_score",
        }
        # a copy with an update is its own record, the others keep their fields set
        c = p.model_copy(update={"score": 1.0})
        assert c.score == 1.0 and p.score != 1.0
    assert result.pairs[0].model_fields_set == result.pairs[1].model_fields_set


@pytest.mark.slow  # (a measurement over a large input: ~2-4 s; the slow step runs it)
def test_entries_and_citations_share_their_fields_sets() -> None:
    # an entry (with its Fields, Names and Date) held ~4.2 KB here and an in-text citation
    # ~1.4 KB, a third of it pydantic's per-record set of the fields given; records of the
    # same shape share one now (~2.4 KB and ~0.7 KB), and an entry the date and the names
    # equal to another's (~2.1 KB: 120 years among 800 entries, one given name); their
    # dicts sharing their class's keys, ~1.4 KB and ~0.55 KB (citenorm._keyed); the
    # entries in columns (models.Entries), ~0.66 KB an entry
    body = "".join(f"وقد ذكر ذلك (العتيبي، {1900 + k % 100}) في دراسته.\n" for k in range(400))
    citenorm.extract(_paired_lists(20))  # warm
    tracemalloc.start()
    try:
        doc = citenorm.extract(body + _paired_lists(400))
        held = tracemalloc.get_traced_memory()[0]
        entries, in_text = len(doc.entries), len(doc.in_text)
        doc.__dict__["entries"] = Entries()
        after_entries = tracemalloc.get_traced_memory()[0]
        doc.__dict__["in_text"] = InTextCitations()
        after_citations = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert (entries, in_text) == (800, 400)
    per_entry = (held - after_entries) / entries
    per_citation = (after_entries - after_citations) / in_text
    assert per_entry < 900, f"{per_entry:.0f} bytes an entry"
    assert per_citation < 600, f"{per_citation:.0f} bytes an in-text citation"


def test_records_sharing_a_fields_set_read_and_copy_as_their_own() -> None:
    doc = citenorm.extract(_paired_lists(3))
    a, b = doc.entries[0], doc.entries[1]
    assert (
        a.model_fields_set
        == b.model_fields_set
        == {"id", "list", "script", "section", "number", "text", "line", "raw", "fields"}
    )
    assert (
        a.fields.author
        and a.fields.issued
        and a.fields.issued.year == 1900 + random.Random(3).randrange(120)
    )
    # as validated records: equal, the same JSON, the same fields given
    again = type(a).model_validate(a.model_dump(exclude_unset=True))
    assert again == a and again.model_dump() == a.model_dump()
    assert again.fields.model_fields_set == a.fields.model_fields_set
    assert again.fields.author[0].model_fields_set == a.fields.author[0].model_fields_set
    # an update makes a record with its own set; the others keep theirs
    c = a.model_copy(update={"page": 3})
    assert "page" in c.model_fields_set and "page" not in b.model_fields_set


def test_a_finding_holds_under_700_bytes() -> None:
    # a Finding with its Related records held ~1.7 KB here, ~0.7 KB of it pydantic's
    # per-record set of the fields given; findings share it now (~1.0 KB), and keep
    # their values in dicts sharing their class's keys (~0.56 KB)
    from citenorm.auditing import audit
    from test_linear_match import _half_unnumbered

    result = _half_unnumbered(2000)
    audit(result, select=["CN502"])  # warm
    tracemalloc.start()
    try:
        findings = audit(result, select=["CN502"])
        held = tracemalloc.get_traced_memory()[0]
        count = len(findings)
        findings.clear()
        per_finding = (held - tracemalloc.get_traced_memory()[0]) / count
    finally:
        tracemalloc.stop()
    assert count == 999
    assert per_finding < 700, f"{per_finding:.0f} bytes a finding"


def test_findings_sharing_a_fields_set_dump_as_before() -> None:
    from citenorm.auditing import Finding, audit
    from test_linear_match import _half_unnumbered

    findings = audit(_half_unnumbered(8), select=["CN502"])
    assert len(findings) == 3
    for f in findings:
        again = Finding.model_validate(f.model_dump())
        assert again == f and again.to_json() == f.to_json()
        assert f.related and f.related[0].model_fields_set == {"id", "line"}
    moved = findings[0].model_copy(update={"page": 2})
    assert moved.page == 2 and "page" not in findings[1].model_fields_set


@pytest.mark.slow  # (a measurement over a large input: ~2-4 s; the slow step runs it)
def test_a_citation_holds_under_260_bytes() -> None:
    # a Citation held ~490 bytes here, 216 of them its own set of the fields given
    # (~270 shared), ~150 with its values beside its class's key table; since the
    # document's notes are columns (models.Footnotes derives a note's id when read, the
    # document holds no id string), the citation's `footnote` id string (~55 bytes) is
    # its own: ~205 bytes in all
    from test_linear_match import _hostile

    doc = citenorm.extract(_hostile(800))
    citenorm.match(doc)  # warm
    tracemalloc.start()
    try:
        result = citenorm.match(doc)
        held = tracemalloc.get_traced_memory()[0]
        count = len(result.citations)
        first = result.citations[0].model_dump()
        result.citations.clear()
        per_citation = (held - tracemalloc.get_traced_memory()[0]) / count
    finally:
        tracemalloc.stop()
    assert count > 500
    assert per_citation < 260, f"{per_citation:.0f} bytes a citation"
    assert isinstance(first["score"], float) and first["entry"].startswith("e")


def _shares_keys(record: Any) -> bool:
    """Whether a record's ``__dict__`` is a key-sharing one (its values only: smaller
    than a dict of its own with the same items)."""
    return sys.getsizeof(record.__dict__) < sys.getsizeof(dict(record.__dict__))


def _made_records() -> list[Any]:
    """One record of each kind citenorm's stages make: entry, fields, date, name,
    footnote, in-text citation, pair, citation, finding and its related record."""
    from citenorm.auditing import audit
    from test_linear_match import _half_unnumbered

    year = 1900 + random.Random(3).randrange(120)  # the first entry's (_paired_lists)
    text = (
        f"وقد ذكر ذلك في دراسته (1).\n"
        f"(1) الفلاني1، محمد، كتاب رقم 1، دار النشر، بغداد، {year}، ص 3.\n" + _paired_lists(3)
    )
    result = citenorm.match(citenorm.extract(text))
    doc = result.document
    e = doc.entries[0]
    cited = citenorm.extract("وقد ذكر ذلك (العتيبي، 1900) في دراسته.\n" + _paired_lists(3))
    finding = audit(_half_unnumbered(8), select=["CN502"])[0]
    assert e.fields.issued and e.fields.author and result.citations and finding.related
    return [
        e,
        e.fields,
        e.fields.issued,
        e.fields.author[0],
        doc.footnotes[0],
        cited.in_text[0],
        result.pairs[0],
        result.citations[0],
        finding,
        finding.related[0],
    ]


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's key-sharing dicts")
def test_made_records_keep_their_values_beside_a_shared_key_table() -> None:
    # pydantic gives each record a dict of its own (464 bytes for eleven fields); the
    # records citenorm's stages make have dicts sharing their class's keys (or no dict
    # until one is read; citenorm._keyed): an entry ~2.1 KB -> ~1.4 KB, a finding ~1.0 KB
    # -> ~0.56 KB.
    # Records pydantic made first (validated, copied) must not take that away.
    from citenorm.models import Entry

    for r in _made_records():
        for _ in range(40):  # more than the ~30 that close a class's table unfilled
            type(r).model_validate(r.model_dump(exclude_unset=True))
            r.model_copy()
    for r in _made_records():
        assert _shares_keys(r), type(r).__name__
    validated = Entry.model_validate(_made_records()[0].model_dump())
    assert not _shares_keys(validated)  # (pydantic's own: the check tells them apart)


def test_records_beside_a_shared_key_table_read_as_pydantics_own() -> None:
    import copy

    for r in _made_records():
        cls = type(r)
        own = cls.model_validate(r.model_dump(exclude_unset=True))
        assert own == r and r == own
        assert repr(own) == repr(r) and str(own) == str(r)
        assert own.model_dump() == r.model_dump()
        assert own.model_dump_json() == r.model_dump_json()
        assert own.model_dump(by_alias=True) == r.model_dump(by_alias=True)
        assert own.model_fields_set == r.model_fields_set
        assert list(own.__dict__) == list(r.__dict__) == list(cls.model_fields)
        for name in cls.model_fields:
            assert getattr(own, name) == getattr(r, name)
        for again in (copy.copy(r), copy.deepcopy(r), pickle.loads(pickle.dumps(r))):
            assert again == r and again.model_dump_json() == r.model_dump_json()
            assert again.model_fields_set == r.model_fields_set
        moved = r.model_copy(update={next(iter(cls.model_fields)): None})
        assert getattr(moved, next(iter(cls.model_fields))) is None
        assert r == own  # the copy changed nothing of the record's
        with pytest.raises(Exception, match="frozen"):
            setattr(r, next(iter(cls.model_fields)), None)
        try:
            hashed = hash(r)
        except TypeError:  # (a record holding a list)
            continue
        assert hashed == hash(own)


def test_equal_dates_and_names_are_one_record_in_a_document() -> None:
    text = "المصادر\n" + "".join(
        f"{k}- الفلاني، محمد، كتاب رقم {k}، بغداد، 1999.\n" for k in range(1, 4)
    )
    doc = citenorm.extract(text)
    a, b, c = (e.fields for e in doc.entries)
    assert a.issued is b.issued is c.issued and a.issued is not None
    assert a.issued.year == 1999 and a.issued.raw == "1999"
    # (an entry's names are spans of its raw text, built when read: equal, not one record)
    assert a.author and b.author and a.author[0] == b.author[0]
    assert a.author[0].model_dump() == {"family": "الفلاني", "given": "محمد", "literal": None}
    # another document has its own
    again = citenorm.extract(text)
    assert again.entries[0].fields.issued is not a.issued
    assert again.model_dump() == doc.model_dump()


def test_match_features_share_the_empty_sets() -> None:
    # every record's features held two new empty frozensets (216 bytes each) while match
    # ran: ~730 bytes a record here, ~410 now
    from citenorm.matching.features import features_of

    doc = citenorm.extract(_paired_lists(1000))
    [features_of(e) for e in doc.entries]  # warm: the memos
    # (the entries read first: their values, which the features hold, are theirs)
    entries = list(doc.entries)
    tracemalloc.start()
    try:
        feats = [features_of(e) for e in entries]
        per_record = tracemalloc.get_traced_memory()[0] / len(feats)
    finally:
        tracemalloc.stop()
    assert per_record < 550, f"{per_record:.0f} bytes a record's features"
    # (the titles carry their number, "كتاب رقم 1"; no record has name terms) the empty
    # sets are one object
    empties = [s for f in feats for s in (f.title_numbers, f.name_terms) if not s]
    assert len(empties) >= len(feats) and all(s is empties[0] for s in empties)


# --- the per-string memos keep to a document's share (issue 15) ---------------------------


def _new_words_list(n: int, seed: int = 15) -> str:
    """An Arabic list and its romanized list of ``n`` entries each whose words are new."""
    rng = random.Random(seed)
    ar_letters, la_syllables = "بتسمرلكنحدجفقوي", ["ba", "ta", "sa", "ma", "ra", "la", "ka"]

    def word() -> tuple[str, str]:
        ks = [rng.randrange(len(la_syllables)) for _ in range(rng.randint(2, 4))]
        return "".join(ar_letters[k] for k in ks), "".join(la_syllables[k] for k in ks)

    ar, la = [], []
    for k in range(1, n + 1):
        fam, given, title, city = word(), word(), [word() for _ in range(3)], word()
        year = 1900 + rng.randrange(120)
        ar.append(
            f"{k}. ال{fam[0]}، {given[0]}، {' '.join(w[0] for w in title)}، {city[0]}، {year}."
        )
        la.append(
            f"{k}. al-{fam[1].capitalize()}, {given[1].capitalize()}, "
            f"{' '.join(w[1] for w in title).capitalize()}, {city[1].capitalize()}, {year}."
        )
    return "المصادر\n" + "\n".join(ar) + "\n\nBibliography\n" + "\n".join(la) + "\n"


def _memo_entries() -> int:
    from citenorm.memo import memos

    return sum(m.entries for m in memos() if m.size is not None)


@pytest.mark.slow  # (a measurement over a large input: ~2-4 s; the slow step runs it)
def test_the_memos_keep_to_a_documents_share() -> None:
    # a 150 KB list of new words filled the per-string memos to ~35,000 entries in
    # extract and ~54,000 by the audit (~350 bytes each: ~120x the input); a document
    # keeps max(MEMO_FLOOR, characters / CHARS_PER_ENTRY) entries
    from citenorm.auditing import audit
    from citenorm.memo import clear_memos

    text = _new_words_list(1000)
    allowance = 8192  # memo.MEMO_FLOOR: the text is under 64 (CHARS_PER_ENTRY) x 8192
    assert len(text) < 64 * allowance
    clear_memos()
    doc = citenorm.extract(text)
    assert len(doc.entries) == 2000
    assert 0 < _memo_entries() <= allowance
    result = citenorm.match(doc)
    assert len(result.pairs) > 900
    assert 0 < _memo_entries() <= allowance
    audit(result)
    assert 0 < _memo_entries() <= allowance


def test_a_short_document_keeps_its_memos() -> None:
    # the seed fills ~3,800 memo entries: under the floor, nothing is emptied, and the
    # same article again finds every string in the memos
    from citenorm.memo import clear_memos, memos

    text = (
        Path(__file__).parent.parent / "fixtures/seed/russian-chinese-relations-2022.txt"
    ).read_text(encoding="utf-8")
    clear_memos()
    first = citenorm.match(citenorm.extract(text))
    before = {m.name: m for m in memos() if m.size is not None}
    again = citenorm.match(citenorm.extract(text))
    after = {m.name: m for m in memos() if m.size is not None}
    assert again.model_dump() == first.model_dump()
    assert sum(m.entries for m in before.values()) > 1000
    for name, m in after.items():
        assert m.misses == before[name].misses if name in before else m.misses == 0, name
        assert m.entries == (before[name].entries if name in before else 0), name


def test_a_memo_bound_empties_the_fullest_memos_past_its_allowance() -> None:
    from citenorm.memo import CHECK_EVERY, MEMO_FLOOR, MemoBound, clear_memos
    from citenorm.text.lexicon import place_key
    from citenorm.text.skeleton import skeleton

    def fill() -> None:
        for k in range(MEMO_FLOOR):
            skeleton(f"كلمة{k}")
        for k in range(1000):
            place_key(f"مدينة{k}")

    clear_memos()
    bound = MemoBound(0)  # the floor
    fill()
    full = _memo_entries()
    assert full > MEMO_FLOOR
    for _ in range(CHECK_EVERY - 1):
        bound()
    assert _memo_entries() == full  # not looked at yet
    bound()
    assert _memo_entries() <= MEMO_FLOOR // 2
    # a document whose share is above every memo's bound is never trimmed
    fill()
    full = _memo_entries()
    MemoBound(1 << 40).check()
    assert _memo_entries() == full


def test_a_list_without_footnotes_indexes_no_titles(monkeypatch: pytest.MonkeyPatch) -> None:
    # the entries' titles were indexed (word pairs) for the footnotes to look up even when
    # there was none: 12x the input at the end of extract on a 0.5 MB list
    from citenorm.extraction import note_kinds

    calls: list[str] = []
    real = note_kinds._word_pairs

    def counting(text: str) -> list[tuple[str, str]]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(note_kinds, "_word_pairs", counting)
    doc = citenorm.extract(_new_words_list(50))
    assert len(doc.entries) == 100 and not doc.footnotes
    assert calls == []
    # a footnote that might cite an entry still looks its title up
    text = "نص البحث (1).\n\n(1) انظر الدراسة المذكورة أعلاه.\n\n" + _new_words_list(3)
    doc = citenorm.extract(text)
    assert doc.footnotes and len(calls) >= 3


def test_a_memo_bound_keeps_what_earlier_documents_left() -> None:
    # a batch worker's memos hold earlier articles' strings (within the registry's
    # bounds): a new article does not empty them unless it grows them further
    from citenorm.memo import CHECK_EVERY, MEMO_FLOOR, MemoBound, clear_memos
    from citenorm.text.lexicon import place_key
    from citenorm.text.skeleton import skeleton

    clear_memos()
    for k in range(MEMO_FLOOR):
        skeleton(f"كلمة{k}")
    for k in range(1000):
        place_key(f"مدينة{k}")
    held = _memo_entries()
    bound = MemoBound(0)
    for _ in range(CHECK_EVERY):
        bound()
    assert _memo_entries() == held
    for k in range(2000):
        place_key(f"قرية{k}")
    bound.check()
    assert _memo_entries() <= held // 2


# --- blocking's rows and the assignment (round 7) -------------------------------------------


def test_sparse_blockings_rows_are_one_flat_array() -> None:
    # 4,000 queries: a numpy array per query held ~150 bytes of the query's own; the rows
    # are now one array of 4-byte indices (at most k a query) beside one end per query
    import numpy as np
    from rapidfuzz import fuzz

    from citenorm.matching import blocking as B

    rng = random.Random(3)
    words = [f"w{n}" for n in range(300)]
    queries = [" ".join(rng.sample(words, 3)) for _ in range(4000)]
    choices = [" ".join(rng.sample(words, 3)) for _ in range(4000)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        rows = B._sparse(queries, choices, k=3, scorer=fuzz.ratio, dtype=np.uint8)
        per_query = (tracemalloc.get_traced_memory()[0] - before) / len(queries)
    finally:
        tracemalloc.stop()
    assert per_query < 30, f"{per_query:.0f} bytes a query"
    assert len(rows) == len(queries)
    assert sum(len(r) for r in rows) == len(rows.flat) <= 3 * len(queries)
    # each row is its query's own: ascending indices of choices sharing a word with it
    for i in (0, 1, 1999, 3999):
        got = rows[i].tolist()
        assert got == sorted(got)
        assert all(set(queries[i].split()) & set(choices[j].split()) for j in got)
    with pytest.raises(IndexError):
        rows[len(queries)]


def test_assign_pairs_keeps_no_copy_of_the_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    # the assignment held its own copies of the weights and of the scores (two more dicts
    # of every candidate pair); assign_pairs now hands it the ones it made
    from citenorm.matching import assign as A

    scored = {(0, 0): 90.0, (0, 1): 70.0, (1, 1): 80.0, (2, 2): 60.0}
    monkeypatch.setattr(A, "score_candidates", lambda *a, **k: scored)
    seen: list[A.Assignment] = []
    margin_of = A.Assignment.margin_of

    def spy(self: A.Assignment, pair: tuple[int, int]) -> float:
        seen.append(self)
        return margin_of(self, pair)

    monkeypatch.setattr(A.Assignment, "margin_of", spy)
    three: Any = [None] * 3  # read by the explainer only
    made = A.assign_pairs(
        three, three, lambda a, b: None, cutoff=0.0, explain=lambda a, b: (0.0, {})
    )
    assert [(m.left, m.right) for m in made] == [(0, 0), (1, 1), (2, 2)]
    assert seen and all(a.scores is scored for a in seen)
    assert seen[0].weights == {p: A.pair_weight(s) for p, s in scored.items()}
    # the public constructor still copies what it is given
    weights = {(0, 0): 1.0}
    assert A.Assignment(weights).weights is not weights


def test_an_assignment_holds_no_list_per_entry() -> None:
    # 7,501 candidate pairs of 5,001 entries: lists of candidates per entry (two dicts) held
    # ~160 bytes a pair (~440 in all, components included; ~280 now): two sorted lists of
    # the pairs instead, made when first asked
    from citenorm.matching import assign as A

    n = 5000
    weights = {(i, i): 1.0 + i % 7 for i in range(n)} | {(i, i + 1): 0.5 for i in range(0, n, 2)}
    weights[(n, n)] = 1.0  # a pair nothing competes with
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = A.Assignment(weights)
        rivals = [result.rival(p) for p in result.pairs]
        per_pair = (tracemalloc.get_traced_memory()[0] - before) / len(weights)
    finally:
        tracemalloc.stop()
    assert per_pair < 350, f"{per_pair:.0f} bytes a candidate pair"
    # rivals and runners-up read as before: the other candidate of either entry
    assert rivals[:4] == [(0, 1), (0, 1), (2, 3), (2, 3)] and rivals[-1] is None
    assert result.runner_up((0, 0)) == 0.5 and result.runner_up((5, 5)) == 0.5
    assert result.runner_up((n, n)) is None
    with pytest.raises(KeyError):
        result.component((0, 2))


# --- the footnotes' index of the entries' titles (round 8) ---------------------------------


def _dict_index(titles: list[str]) -> Any:
    """The title index as it was (a dict of word pairs): what the columns must answer."""
    from citenorm.extraction import note_kinds

    pairs: dict[tuple[str, str], list[int]] = {}
    sizes = []
    for k, title in enumerate(titles):
        mine = note_kinds._word_pairs(title[:300])
        sizes.append(len(mine))
        for pair in set(mine):
            pairs.setdefault(pair, []).append(k)

    def cites(text: str) -> bool:
        hits: dict[int, int] = {}
        for pair in set(note_kinds._word_pairs(text[:2000])):
            for k in pairs.get(pair, ())[:50]:
                hits[k] = hits.get(k, 0) + 1
        return any(n >= 2 and n >= 0.5 * sizes[k] for k, n in hits.items())

    return cites


def test_the_title_index_holds_columns_not_a_dict_of_word_pairs() -> None:
    # resolving the footnotes of a 1 MB article of new words indexed every entry's title as
    # a dict of word pairs (a tuple, its words and a list per pair: ~260 bytes a pair),
    # +4x the input at extract's peak; two columns hold 12 bytes a pair
    from citenorm.extraction import note_kinds

    rng = random.Random(8)
    letters = "ابتثجحخدذرسشصضطظعغفقكلمنهوي"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(3, 8)))

    titles = [" ".join(word() for _ in range(rng.randint(3, 12))) for _ in range(3000)]
    pairs = sum(len(set(note_kinds._word_pairs(t[:300]))) for t in titles)  # (memos warm)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        index = note_kinds._TitleIndex(titles)
        index.cites("نص")  # the index is built when a note first asks
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held / pairs < 40, f"{held / pairs:.0f} bytes a word pair"
    # it answers as the dict did: notes holding a title, part of one, words of several
    # titles, shared pairs past the 50 titles a pair is looked up in
    common = "كتاب التاريخ"
    titles += [f"{common} {word()} {word()}" for _ in range(60)]
    index = note_kinds._TitleIndex(titles)
    notes = [titles[5], titles[3001], " ".join(titles[7].split()[:2]), "نص قصير"]
    notes += [f"{titles[k]} ثم {titles[k + 1]}" for k in range(10, 20)]
    notes += [f"{common} {titles[3055].split()[-2]} {titles[3055].split()[-1]}"]
    notes += [" ".join(rng.sample(titles[k].split(), len(titles[k].split()))) for k in range(30)]
    answers = [index.cites(n) for n in notes]
    cites = _dict_index(titles)
    assert answers == [cites(n) for n in notes]
    assert any(answers) and not all(answers)


def test_the_raw_entries_go_as_their_records_are_built(monkeypatch: pytest.MonkeyPatch) -> None:
    # the last list's raw entries (their lines' parts, ~3.5x a 1 MB list) stayed alive
    # through the parsing of every entry, held by the loop's variable beside `pending`
    import gc

    import citenorm.extraction as X
    from citenorm.extraction.entries import RawEntry
    from citenorm.models import Entry

    built: list[int] = []
    alive: list[int] = []
    real = X.build

    def spy(cls: Any, values: dict[str, Any]) -> Any:
        if cls is Entry:
            built.append(1)
            if len(built) == 150:
                alive.append(sum(isinstance(o, RawEntry) for o in gc.get_objects()))
        return real(cls, values)

    monkeypatch.setattr(X, "build", spy)
    doc = citenorm.extract(_new_words_list(100))  # an Arabic list and its romanized list
    assert len(doc.entries) == 200
    # the 50 entries of the last list still to be built, and the one being built
    assert alive and alive[0] <= 51, alive


def test_a_labelling_batch_holds_a_bounded_number_of_tokens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a batch's tokens, and the labels of them, are held until its fields are built: a
    # batch is cut at BATCH_TOKENS tokens (its last reference may pass it), whatever the
    # number of references
    import citenorm.extraction.reference as R
    from citenorm.extraction.compact import Sharing

    texts = [
        f"الفلاني{k}، محمد بن أحمد، كتاب التاريخ الكبير في أخبار البلدان رقم {k}، "
        f"تحقيق فلان الفلاني، دار النشر العربية، بيروت، الطبعة الثانية، {1900 + k}، ص {k}."
        for k in range(150)
    ]
    batches: list[list[int]] = []
    real = R.label_many

    def counting(sequences: list[list[Any]]) -> list[list[str]]:
        batches.append([len(s) for s in sequences])
        return real(sequences)

    monkeypatch.setattr(R, "label_many", counting)
    monkeypatch.setattr(R, "BATCH_TOKENS", 1024)  # (binds before BATCH on these texts)
    got = list(R.parse_all(texts, sharing=Sharing()))
    assert sum(map(len, batches)) == len(texts)
    assert len(batches) > 3
    for sizes in batches:
        assert len(sizes) <= R.BATCH
        assert sum(sizes[:-1]) < R.BATCH_TOKENS  # only the last reference takes it past
    one = Sharing()
    expected = [R.parse_in_document(t, sharing=one) for t in texts]
    assert [f.model_dump() for f in got] == [f.model_dump() for f in expected]


# --- round 10: blocking's codes computed in place -----------------------------------------


def _blocking_records(n: int, seed: int) -> list[Any]:
    from citenorm.matching.features import _NONE, Features

    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice("bdfghklmnqrstwyz") for _ in range(rng.randint(2, 5)))

    out = []
    for i in range(n):
        family, title = word(), " ".join(word() for _ in range(4))
        out.append(
            Features(
                *(f"e{i}", "latin", family, family, family, family, family, 1, False, _NONE),
                *(title, title, title, _NONE, "", rng.choice([None, 1990, 2001])),
                *(None, None, None, None, None, None, None, "", "", _NONE, None, None, True),
            )
        )
    return out


def test_blocking_combines_its_two_passes_in_one_array(monkeypatch: pytest.MonkeyPatch) -> None:
    # 5,000 x 5,000 (the sparse path): each side's codes, their parts, their concatenation
    # and np.unique's sorted copy were held at once (~6.7x the codes' bytes); the codes of
    # both passes now go into one array, each computed in place, sorted in place (~4x)
    import numpy as np

    from citenorm.matching import blocking as B

    left, right = _blocking_records(5000, 15), _blocking_records(5000, 16)
    assert not B._dense(len(left), len(right))
    passes: list[Any] = []
    sparse = B._sparse

    def record(*args: Any, **kwargs: Any) -> Any:
        passes.append(sparse(*args, **kwargs))
        return passes[-1]

    monkeypatch.setattr(B, "_sparse", record)
    want = B.candidate_pairs(left, right)
    # the passes' own work (its index of words) is left out: the same rows again
    replay = iter(passes)
    monkeypatch.setattr(B, "_sparse", lambda *a, **k: next(replay))
    tracemalloc.start()
    try:
        codes = B.candidate_codes(left, right)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(codes, np.ndarray)
    assert [divmod(int(c), len(right)) for c in codes] == want
    assert peak < 5 * codes.nbytes, f"{peak / codes.nbytes:.1f}x the codes"


def test_unique_codes_equal_numpys_unique() -> None:
    import numpy as np

    from citenorm.matching import blocking as B

    rng = np.random.default_rng(4)
    for size in (0, 1, 2, 17, 1000):
        codes = rng.integers(0, 50, size=size, dtype=np.int64)
        assert B._unique(codes.copy()).tolist() == np.unique(codes).tolist()


@pytest.mark.slow  # (a measurement over a large input: ~2-4 s; the slow step runs it)
def test_the_assignment_goes_before_the_evidence_and_each_made_pair_with_its_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the assignment (its weights, scores and components) was held while every made pair
    # and its rival were explained, and every Made (its rival's evidence) until the last
    # Pair was built: ~2x a 1 MB list of traced peak in match
    import gc
    import weakref

    import citenorm.matching as M
    from citenorm.matching import assign as A

    doc = citenorm.extract(_paired_lists(30))
    assignments: list[weakref.ref[A.Assignment]] = []
    owned = A.Assignment._owned.__func__  # type: ignore[attr-defined]

    def spy_owned(cls: type[A.Assignment], *args: Any) -> A.Assignment:
        made = owned(cls, *args)
        assignments.append(weakref.ref(made))
        return made

    monkeypatch.setattr(A.Assignment, "_owned", classmethod(spy_owned))
    explained: list[bool] = []
    score_pair = M.score_pair

    def spy_explain(a: Any, b: Any, **kwargs: Any) -> Any:
        explained.append(all(ref() is None for ref in assignments))
        return score_pair(a, b, **kwargs)

    monkeypatch.setattr(M, "score_pair", spy_explain)
    live: list[int] = []
    make_pair = M._pair

    def spy_pair(m: Any, *args: Any) -> Any:
        live.append(sum(isinstance(o, A.Made) for o in gc.get_objects()))
        return make_pair(m, *args)

    monkeypatch.setattr(M, "_pair", spy_pair)
    result = M.match(doc)
    assert len(result.pairs) == 30 and assignments
    assert explained and all(explained)
    # the k-th Pair is built while the made pairs after it (and its own) are held
    assert live == list(range(30, 0, -1))


def test_no_raw_entry_is_held_while_the_references_are_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # every list's raw entries (their lines' cleaned parts, three lists each: ~430 bytes
    # an entry) were held until their records were built; each block's are now read into
    # what the records take (printed text, number, line, raw lines) as it is grouped
    import gc

    import citenorm.extraction as X
    from citenorm.extraction.entries import RawEntry

    alive: list[int] = []
    real = X.parse_all

    def spy(texts: list[str], **kwargs: Any) -> Any:
        alive.append(sum(isinstance(o, RawEntry) for o in gc.get_objects()))
        return real(texts, **kwargs)

    monkeypatch.setattr(X, "parse_all", spy)
    doc = citenorm.extract(_new_words_list(100))  # an Arabic list and its romanized list
    assert len(doc.entries) == 200
    assert alive and alive[0] == 0, alive


def test_match_features_hold_a_fold_that_changed_nothing_once() -> None:
    # an Arabic family name or title that folding leaves as it is was held twice (the
    # value and an equal new string: ~80 bytes a record of an Arabic list)
    from citenorm.matching.features import features_of

    doc = citenorm.extract("المصادر\n1- البحتري، محمد، كتاب السلم والحرب، بغداد، 2015.\n")
    f = features_of(doc.entries[0])
    assert f.family == f.family_fold == "البحتري"
    assert f.family_fold is f.family
    assert f.title == f.title_fold and f.title_fold is f.title


# --- the entries are columns, each Entry built when read (models.Entries) ----------------


def _multi_line_lists() -> str:
    """Entries on one line, on two lines, with a number on its own line, in two lists."""
    return (
        "المصادر\n"
        "1- العتيبي، محمد، كتاب الأمن، بغداد، 2015.\n"
        "2- الفلاني، علي، كتاب طويل العنوان جدا\n"
        "   يمتد إلى سطر ثان، دمشق، 1999.\n"
        "3.\n"
        "الكاتب، سعيد، عنوان آخر، القاهرة، 2001.\n"
        "References\n"
        "1. al-Utaybi, Muhammad, Kitab al-amn, Baghdad, 2015.\n"
        "2. al-Fulani, Ali, Kitab tawil al-unwan jiddan\n"
        "   yamtadd ila satr thani, Dimashq, 1999.\n"
    )


def test_entries_read_like_the_list_of_records_they_replaced() -> None:
    import copy

    from citenorm.models import Entries, Entry, entries_by_id

    doc = citenorm.extract(_multi_line_lists() + _paired_lists(5))
    entries = doc.entries
    assert isinstance(entries, Entries)
    records = [Entry.model_validate(e.model_dump(exclude_unset=True)) for e in entries]
    assert len(entries) == len(records) > 10
    assert entries == records and list(entries) == records and records == list(entries)
    assert entries[3] == records[3] and entries[-1] == records[-1]
    assert entries[2:5] == records[2:5] and entries[::-2] == records[::-2]
    assert entries != records[:-1]
    assert entries.index(records[4]) == 4 and records[4] in entries
    with pytest.raises(IndexError):
        entries[len(records)]
    for e, r in zip(entries, records, strict=True):
        # equal by value, and as pydantic's own records read, dump and copy
        assert e == r and e.model_dump() == r.model_dump()
        assert e.model_dump_json() == r.model_dump_json()
        assert e.model_fields_set == r.model_fields_set
        assert e.fields.model_fields_set == r.fields.model_fields_set
        assert repr(e) == repr(r)
        assert doc.entry(e.id) == r
    assert entries_by_id(entries)[records[6].id] == records[6]
    assert records[6].id in entries_by_id(entries) and "nope" not in entries_by_id(entries)
    with pytest.raises(KeyError):
        doc.entry("nope")
    for again in (copy.deepcopy(doc), pickle.loads(pickle.dumps(doc))):
        assert again == doc and again.entries == records
    # a document made of a list (records or their JSON) stores it so, validated
    made = Document(entries=[*records[:2], records[2].model_dump(exclude_unset=True)])
    assert isinstance(made.entries, Entries) and made.entries == records[:3]
    assert Document.model_validate_json(doc.model_dump_json()) == doc
    assert Document.model_validate(doc.model_dump(by_alias=True)).entries == records
    assert doc.model_dump()["entries"] == [r.model_dump() for r in records]
    assert Document().entries == []
    with pytest.raises(ValueError, match="line"):
        Document(entries=[{**records[0].model_dump(), "line": "x"}])
    with pytest.raises(ValueError, match="duplicate id"):
        Document(entries=[records[0], records[0]])


def test_an_entry_put_in_place_reads_back_as_given() -> None:
    from citenorm.models import Entries

    doc = citenorm.extract(_multi_line_lists())
    entries = Entries(doc.entries, lines=doc.lines)
    moved = entries[1].model_copy(
        update={"text": "another text", "raw": "x\ny", "page": 7, "section": None, "id": "q"}
    )
    entries[1] = moved
    assert entries[1] == moved and entries[0] == doc.entries[0] and entries[2] == doc.entries[2]
    assert entries[0].page is None and entries.by_id("q") == moved
    with pytest.raises(KeyError):
        entries.by_id(doc.entries[1].id)


class _MyEntry(Entry):
    pass


def test_an_entry_of_a_subclass_reads_back_as_given() -> None:
    # the columns rebuilt every entry as an Entry: a subclass's record (appended or put
    # in place) lost its class; it is kept whole, as the notes' and citations' are
    from citenorm.models import Entries, entries_by_id

    doc = citenorm.extract(_multi_line_lists())
    mine = _MyEntry.model_validate(dict(doc.entries[1]))
    entries = Entries([doc.entries[0], mine, doc.entries[2]], lines=doc.lines)
    assert type(entries[1]) is _MyEntry and entries[1] == mine
    assert type(entries[0]) is Entry and entries == [doc.entries[0], mine, doc.entries[2]]
    assert type(entries_by_id(entries)[mine.id]) is _MyEntry
    entries[2] = _MyEntry.model_validate(dict(doc.entries[2]))
    entries[1] = doc.entries[1]
    assert [type(e) for e in entries] == [Entry, Entry, _MyEntry]
    assert list(entries.ids()) == [e.id for e in doc.entries[:3]]


def test_an_entrys_raw_and_text_are_held_once() -> None:
    # a list's entry held its printed line three times: the document's line, its raw
    # text and its text (the line less its number); the columns keep the line, and the
    # raw and the text as pointers into it (read back as the strings they were)
    doc = citenorm.extract(_multi_line_lists() + _paired_lists(5))
    entries = doc.entries
    raws = entries._raws
    assert all(isinstance(r, int) for r in raws), raws
    # (the text of an entry of several lines joins them with spaces: kept as it is)
    assert (
        set(entries._texts) == {k for k, e in enumerate(entries) if e.text not in e.raw} == {1, 4}
    )
    for e in entries:
        assert e.raw == "\n".join(doc.lines[e.line - 1 : e.line - 1 + e.raw.count("\n") + 1])
    assert any("\n" in e.raw for e in entries)


@pytest.mark.slow  # (a measurement over a large input: ~2-4 s; the slow step runs it)
def test_a_list_entry_holds_under_1900_bytes_in_the_document() -> None:
    # an entry of a list (its record, its Fields, Names and Date, its raw text and text,
    # its line of the document, the memos' share) held ~2,280 bytes; in columns, ~1,620
    citenorm.extract(_paired_lists(20))  # warm
    text = _paired_lists(2000)
    tracemalloc.start()
    try:
        doc = citenorm.extract(text)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    per_entry = held / len(doc.entries)
    assert per_entry < 1900, f"{per_entry:.0f} bytes an entry"


@pytest.mark.slow  # (a measurement over a large input: ~2-4 s; the slow step runs it)
def test_match_holds_no_entry_record_while_it_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    # match listed the entries of each side as records: every entry built and held
    # (~700 bytes each) while the pairs were assigned; it keeps their ids now
    import citenorm.matching as matching
    from citenorm.models import Entry

    doc = citenorm.extract(_paired_lists(300))
    real = matching.assign_pairs
    alive: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        import gc

        alive.append(sum(1 for o in gc.get_objects() if type(o) is Entry))
        return real(*args, **kwargs)

    monkeypatch.setattr(matching, "assign_pairs", counting)
    citenorm.match(doc)
    assert alive and alive[0] < 20, alive


def test_the_list_rules_group_entries_without_holding_their_records() -> None:
    # CN502/CN503/CN506 grouped the entries of each (sub-)list as records: every entry
    # built and held while they ran (~700 bytes each); the groups hold indexes now and
    # read each entry as it is needed, the same entries in the same order
    import gc

    from citenorm.auditing.rules.lists import _by_section
    from citenorm.models import Entry

    doc = citenorm.extract(_multi_line_lists() + _paired_lists(50))
    groups = _by_section(doc)
    alive = sum(1 for o in gc.get_objects() if type(o) is Entry)
    assert alive < 5, alive
    assert [e for g in groups.values() for e in g] == sorted(
        doc.entries, key=lambda e: [*groups].index((e.section, e.list))
    )
    assert all(g[-1] == list(g)[-1] and g[:2] == list(g)[:2] for g in groups.values())


def test_the_romanization_rules_read_the_pairs_entries_one_pair_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # CN601/CN602 listed both entries of every pair before reading the first (the whole
    # list built and held, ~16x a 1 MB list at CN602's peak); they are read pair by pair
    from citenorm.models import Entries
    from citenorm.text.romanize import _consistency

    result = citenorm.match(citenorm.extract(_paired_lists(40)))
    built = 0
    real = Entries._record

    def counting(self: Entries, row: int) -> Any:
        nonlocal built
        built += 1
        return real(self, row)

    monkeypatch.setattr(Entries, "_record", counting)
    pairs = _consistency._pairs(result)
    first = next(iter(pairs))
    assert built == 2 and first[0].id == result.pairs[0].arabic
    assert len([first, *pairs]) == len(result.pairs) == 40


# --- issue 15, lists (memlists2): the holders of extract, match and the audit -------------

_AR_LETTERS = "بتسمرلكنحدجفقوي"
_SYLLABLES = [
    "ba",
    "ta",
    "sa",
    "ma",
    "ra",
    "la",
    "ka",
    "na",
    "ha",
    "da",
    "ja",
    "fa",
    "qa",
    "wa",
    "ya",
]


def _word_pair(rng: random.Random) -> tuple[str, str]:
    """A random word in Arabic letters and its romanization, syllable by syllable."""
    ks = [rng.randrange(len(_SYLLABLES)) for _ in range(rng.randint(2, 4))]
    return "".join(_AR_LETTERS[k] for k in ks), "".join(_SYLLABLES[k] for k in ks)


def _two_lists(n: int, seed: int = 15) -> str:
    """An Arabic list of ``n`` distinct works and its romanized list (shuffled): the shape
    of benchmarks/linear.py's ``lists``; its last entry repeats the romanized list's first
    (so that CN501 reports at the end, its indexes full)."""
    rng = random.Random(seed)
    ar, la = [], []
    for _ in range(n):
        fam, given, city = _word_pair(rng), _word_pair(rng), _word_pair(rng)
        title = [_word_pair(rng) for _ in range(rng.randint(2, 5))]
        year = 1900 + rng.randrange(124)
        ar.append(f"ال{fam[0]}، {given[0]}، {' '.join(w[0] for w in title)}، {city[0]}، {year}.")
        la.append(
            f"al-{fam[1].capitalize()}, {given[1].capitalize()}, "
            f"{' '.join(w[1] for w in title).capitalize()}, {city[1].capitalize()}, {year}."
        )
    rng.shuffle(la)
    la.append(la[0])
    return (
        "المصادر\n"
        + "".join(f"{k}. {e}\n" for k, e in enumerate(ar, 1))
        + "\nBibliography\n"
        + "".join(f"{k}. {e}\n" for k, e in enumerate(la, 1))
    )


_MATCHED: dict[int, Any] = {}


def _held_by_rule(code: str) -> float:
    """Traced bytes an entry that a rule holds at its last finding (its generator then
    holds all it has gathered), on 3,000 pairs, its memos warm (a first run)."""
    from citenorm.auditing.rules import lists, romanization
    from citenorm.config import AuditConfig

    if not _MATCHED:
        _MATCHED[0] = citenorm.match(citenorm.extract(_two_lists(3000)))
    result = _MATCHED[0]
    rule = {"CN501": lists.duplicate_entry, "CN601": romanization.inconsistent_romanization}[code]
    cfg = AuditConfig()
    assert list(rule(result, cfg))
    tracemalloc.start()
    try:
        held = 0
        for _hit in rule(result, cfg):
            held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return held / len(result.document.entries)


@pytest.mark.slow  # (extract and match of 6,000 entries: ~5 s; the slow step runs it)
def test_the_duplicate_rule_holds_a_hash_and_a_row_per_work() -> None:
    # CN501 held each entry's folded text and title keys in tuples, two lists and two
    # dicts: ~950 bytes an entry here (12x a 1 MB list); now ~530, most of it the memos'
    per_entry = _held_by_rule("CN501")
    assert per_entry < 700, f"{per_entry:.0f} bytes an entry"


@pytest.mark.slow  # (extract and match of 6,000 entries: ~5 s; the slow step runs it)
def test_the_romanization_rule_holds_ids_not_entries() -> None:
    # CN601's occurrences held both entries of their pair, built: every paired entry at
    # once (~990 bytes an entry here, 16x a 1 MB list); now their ids and lines (~310)
    per_entry = _held_by_rule("CN601")
    assert per_entry < 600, f"{per_entry:.0f} bytes an entry"


def _works_text(rng: random.Random, n: int) -> str:
    families = ["العتيبي", "العتيبى", "الشمري", "Smith", "Smyth", "Lee"]
    titles = ["تاريخ بغداد", "تاريخ بغداد الحديث", "History of Baghdad", "كتاب الأمن"]
    lines = ["المصادر"]
    for k in range(n):
        year = rng.choice(["2001", "2002", "1420", ""])
        tail = f"، بغداد، {year}." if year else "، بغداد."
        who = "" if rng.random() < 0.2 else f"{rng.choice(families)}، محمد، "
        lines.append(f"{k + 1}. {who}{rng.choice(titles)}{tail}")
        if rng.random() < 0.2:
            lines.append(f"{k + 1}. " + lines[-1].split(". ", 1)[1].replace("الحديث", "الحديثة"))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(6))
def test_the_duplicate_rule_finds_the_same_when_every_key_collides(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    # CN501 holds keys' hashes: keys of one hash (here all of them) are told apart
    from citenorm.auditing.rules import lists as rules
    from citenorm.config import AuditConfig

    result = citenorm.match(citenorm.extract(_works_text(random.Random(seed), 40)))
    cfg = AuditConfig()
    want = [(h.message, h.line) for h in rules.duplicate_entry(result, cfg)]
    monkeypatch.setattr(rules, "_hash", lambda key: 7)
    got = [(h.message, h.line) for h in rules.duplicate_entry(result, cfg)]
    assert got == want and len(want) >= 3


def test_sharing_holds_no_set_of_fields_per_name() -> None:
    # the key of each distinct name held a frozenset of its fields (216 bytes): ~440
    # bytes a name of a list of distinct authors; ~220 now (the name's record and key)
    from citenorm.extraction.compact import Sharing
    from citenorm.models import Name

    names = [Name.model_construct(family=f"Family{k}", given=f"Given{k}") for k in range(3000)]
    sharing = Sharing()
    sharing.name(names[0])
    tracemalloc.start()
    try:
        shared = [sharing.name(n) for n in names]
        per_name = tracemalloc.get_traced_memory()[0] / len(names)
    finally:
        tracemalloc.stop()
    assert per_name < 320, f"{per_name:.0f} bytes a name"
    assert shared == names and sharing.name(names[5]) is shared[5]
    literal = Name.model_construct(literal="Family5")
    assert sharing.name(literal) is not shared[5] and sharing.name(literal) == literal


def test_components_hold_ints_not_tuples_per_node() -> None:
    # the union-find held a dict of a (side, index) tuple per node: ~510 bytes an edge
    # of a sparse graph at the peak; ~340 with int nodes. Not an array as long as the
    # largest index: the margins solve small parts of a long list (quadratic: a 16 MB
    # list's match took 11.6 s/MB against 3 at 1 MB)
    from citenorm.matching.assign import _components

    edges = [(i, i) for i in range(20_000)] + [(i, i + 1) for i in range(0, 20_000, 7)]
    _components(edges[:10])
    tracemalloc.start()
    try:
        comps = _components(edges)
        peak = tracemalloc.get_traced_memory()[1] / len(edges)
        tracemalloc.reset_peak()
        held = tracemalloc.get_traced_memory()[0]
        far = _components([(5_000_000, 4_000_000), (5_000_000, 4_000_001)])
        far_peak = tracemalloc.get_traced_memory()[1] - held
    finally:
        tracemalloc.stop()
    assert peak < 400, f"{peak:.0f} bytes an edge"
    assert far_peak < 100_000, f"{far_peak} bytes for two edges"
    assert comps[0].left == (0, 1) and comps[0].right == (0, 1)
    assert comps[0].edges == ((0, 0), (0, 1), (1, 1))
    assert far[0].right == (4_000_000, 4_000_001)


def test_the_word_index_of_blocking_is_one_array() -> None:
    # the inverted index of _sparse was a dict of a list of ints (then of an array) per
    # word: ~570 bytes a choice at its peak; ~425 with the postings in one flat array
    import numpy as np
    from rapidfuzz import fuzz

    from citenorm.matching.blocking import _sparse

    rng = random.Random(3)

    def key() -> str:
        words = (
            "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(5)
        )
        return " ".join(words)

    choices = [key() for _ in range(20_000)]
    queries = [key() for _ in range(200)]
    _sparse(queries[:5], choices[:50], k=12, scorer=fuzz.ratio, dtype=np.uint8)
    tracemalloc.start()
    try:
        rows = _sparse(queries, choices, k=12, scorer=fuzz.ratio, dtype=np.uint8)
        peak = tracemalloc.get_traced_memory()[1] / len(choices)
    finally:
        tracemalloc.stop()
    assert peak < 500, f"{peak:.0f} bytes a choice"
    assert len(rows) == len(queries) and all(len(r) <= 12 for r in rows)


@pytest.mark.slow  # heavy: a long list traced (CI's slow step)
def test_features_make_their_same_script_folds_when_read() -> None:
    # a record's folds (its names, family name and title) were made with its features:
    # ~630 bytes a record of a list of distinct works, ~180 of them folds that pairing
    # across scripts never reads; made when read now (~455 bytes a record)
    from citenorm.matching.features import features_of
    from citenorm.memo import clear_memos

    doc = citenorm.extract(_two_lists(1500))
    entries = list(doc.entries)
    clear_memos()  # (the folds' memos would hold them too)
    tracemalloc.start()
    try:
        feats = [features_of(e) for e in entries]
        clear_memos()
        per_record = tracemalloc.get_traced_memory()[0] / len(entries)
    finally:
        tracemalloc.stop()
    assert per_record < 540, f"{per_record:.0f} bytes a record"
    assert len(feats) == len(entries)


@pytest.mark.parametrize(
    "text",
    [
        "المصادر\n1. العتيبي، محمد، كتاب الأمن، بغداد، 2015.\n",
        "References\n1. Smith, John and Mary Lee. The Long Title of a Book. London, 1999.\n",
        "References\n1. Ministry of Culture. Annual Report. Baghdad, 2001.\n",
        "المصادر\n1. كتاب بلا مؤلف، بغداد، 2001.\n",
    ],
)
def test_features_folds_made_when_read_equal_those_made_at_once(text: str) -> None:
    from citenorm.matching.features import KEY_CHARS, features_of
    from citenorm.text.normalize import fold_any

    entry = citenorm.extract(text).entries[0]
    f = features_of(entry)
    names = entry.fields.author or []
    names_text = " ".join(n.display() for n in names)[:KEY_CHARS]
    assert f.names_fold == fold_any(names_text)
    assert f.family_fold == fold_any(f.family) and f.title_fold == fold_any(f.title)
    assert f.names_fold is f.names_fold  # (made once)


def test_entries_keep_their_values_as_spans_of_their_raw_text() -> None:
    # an entry's values (title, place, a name's parts...) were strings of their own
    # (~90 bytes for ~20 Arabic letters) and its names a record each (~60 bytes): the
    # columns ~390 bytes an entry of a list of distinct authors; those its raw text
    # holds are spans of it now (4 bytes each), read back as the strings they were
    from citenorm.models import Entries

    doc = citenorm.extract(_two_lists(300))
    entries = list(doc.entries)
    columns = Entries(entries, lines=doc.lines)
    assert columns == entries and list(columns.ids()) == [e.id for e in entries]
    single = [k for k, e in enumerate(entries) if len(e.fields.author or []) == 1]
    assert len(single) > len(entries) // 2
    # (what is kept beside the spans: shared values, a type and a date, never a name)
    for e, rest in zip(entries, columns._rests, strict=True):
        assert isinstance(rest, tuple)
        assert all(v is e.fields.issued or v in (e.fields.type, e.fields.hijri) for v in rest)
    works = {(e.fields.type, e.fields.issued and e.fields.issued.raw) for e in entries}
    assert len({id(r) for r in columns._rests}) <= len(works) < len(entries) // 4
    assert len(columns._spans) >= 3 * len(entries)  # (family, given, title...)
    read = columns[single[0]].fields.author
    assert read is not None and len(read) == 1
    read.append(read[0])  # (a list of its own at each read)
    assert len(columns[single[0]].fields.author or []) == 1
    assert columns[single[0]].fields.author == entries[single[0]].fields.author


def test_entries_keep_values_their_raw_text_does_not_hold() -> None:
    # a value that is not a substring of the raw text (its spaces joined, a word
    # mended), of a name of a subclass, or a record of extra values reads back as given
    from citenorm.models import Date, Entries, Entry, Fields, Name

    class _MyName(Name):
        pass

    raw = "Smith,  John.  The  Title.\nLondon, 1999."
    text = "Smith,  John.  The  Title. London, 1999."
    date = Date.model_construct(date_parts=[[1999]], raw="1999")
    values = [
        {"author": [Name(family="Smith", given="John")], "title": "The Title", "issued": date},
        {"author": [Name(family="Smith", given="J.")], "title": "Title. London", "type": "book"},
        {"author": [Name(literal="Smith,  John")], "publisher-place": "London", "hijri": 1419},
        {"author": [_MyName(family="Smith")], "title": "The  Title"},
        {"author": [], "title": ""},
    ]
    rows = [
        Entry(
            id=f"e{k}",
            list="romanized",
            script="latin",
            section=None,
            number=k,
            text=text,
            line=k,
            raw=raw,
            fields=Fields.model_validate(v),
        )
        for k, v in enumerate(values)
    ]
    columns = Entries(rows)
    assert list(columns) == rows
    assert [e.fields.model_fields_set for e in columns] == [e.fields.model_fields_set for e in rows]
    assert [e.fields.model_dump_json() for e in columns] == [
        e.fields.model_dump_json() for e in rows
    ]
    assert type((columns[3].fields.author or [None])[0]) is _MyName
    assert columns[0].fields.issued is date
    columns[1] = rows[0]
    assert columns[1] == rows[0] and columns[0] == rows[0] and columns[2] == rows[2]
    # (a span holds a start and a length under 65,536: a value beyond is kept as it is)
    far = "x" * 70_000 + " Far Title. " + "y" * 70_000
    row = rows[0].model_copy(
        update={
            "raw": far,
            "text": far,
            "fields": Fields(title="Far Title", publisher="y" * 70_000, page="x" * 5),
        }
    )
    columns.append(row)
    assert columns[-1] == row


def test_entries_make_extractions_ids_when_read() -> None:
    # each entry held its id, "e<row + 1>" (~54 bytes a string); those ids are made when
    # read now, and only another id is held
    from citenorm.models import Entries

    doc = citenorm.extract(_two_lists(50))
    entries = doc.entries
    assert isinstance(entries, Entries) and not entries._odd_ids
    assert [e.id for e in entries] == [f"e{k + 1}" for k in range(len(entries))]
    moved = Entries([*list(entries)[1:], entries[0]], lines=doc.lines)
    assert len(moved._odd_ids) == len(entries)
    assert [e.id for e in moved] == [*(f"e{k + 2}" for k in range(len(entries) - 1)), "e1"]
    assert moved.row_of("e1") == len(entries) - 1 and moved.by_id("e2") == entries[1]
    moved[0] = entries[0]  # (its id is its row's again: none held for it)
    assert 0 not in moved._odd_ids and moved.by_id("e1") == entries[0]


@pytest.mark.slow  # (extract of 6,000 entries under tracemalloc: ~10 s; the slow step runs it)
def test_a_list_of_distinct_works_holds_under_650_bytes_an_entry_after_extract() -> None:
    # the document of a list of distinct authors and titles held ~1,010 bytes an entry
    # (its values as strings, a Name record each, ids) and extract's peak was ~1,630
    # (the names shared till its end, the title words counted, the waiting entries'
    # texts); ~535 and ~1,000 now (the values spans of the raw text: models.Entries)
    citenorm.extract(_two_lists(20))  # warm
    text = _two_lists(3000)
    tracemalloc.start()
    try:
        doc = citenorm.extract(text)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    n = len(doc.entries)
    assert held / n < 650, f"{held / n:.0f} bytes an entry held"
    assert peak / n < 1150, f"{peak / n:.0f} bytes an entry at extract's peak"


def test_the_house_style_counts_no_title_word_while_entries_are_parsed() -> None:
    # HouseVotes counted every title word as the entries were parsed (a Counter of
    # ~100 bytes a word: ~2x a list of 1 MB of distinct titles), for the few entries a
    # style reads again without an author; it counts them when first asked now
    from citenorm.extraction.reference.house import HouseVotes

    doc = citenorm.extract(_two_lists(400))
    entries = list(doc.entries)
    votes = HouseVotes()
    tracemalloc.start()
    try:
        for k, e in enumerate(entries):
            votes.add(k, e.list, e.script, e.text, e.fields)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert held / len(entries) < 30, f"{held / len(entries):.0f} bytes an entry"
    assert votes.reread(entries) == {}  # (every entry has its author)


def test_a_long_documents_extraction_empties_its_memos_at_its_end() -> None:
    # a long list's extraction left its parser's memos full (~2.5x a 1 MB list: a word's
    # features ~300 bytes), held under match and the audit, whose strings are others; a
    # document beyond the floor's share (memo.MEMO_FLOOR x CHARS_PER_ENTRY characters)
    # empties the extraction's memos at its end, a shorter one keeps them
    from citenorm.memo import CHARS_PER_ENTRY, MEMO_FLOOR, clear_memos, memos

    def extraction_memos() -> int:
        return sum(
            m.entries
            for m in memos()
            if m.size is not None and m.name.startswith("citenorm.extraction.")
        )

    short = _new_words_list(50)
    clear_memos()
    citenorm.extract(short)
    assert extraction_memos() > 0
    # (the same words, and then padding lines past the floor: a long document)
    padding = "\n" * (MEMO_FLOOR * CHARS_PER_ENTRY)
    doc = citenorm.extract(short + padding)
    assert len(doc.entries) == 100
    assert extraction_memos() == 0
    assert sum(m.entries for m in memos() if m.size is not None) > 0  # (the others kept)
