"""Footnote markers: extraction records them once (``Document.markers``) and the audit
reads that record, so CN101/CN102 and ``body_line`` always agree."""

from __future__ import annotations

import citenorm
from citenorm.auditing import audit


def _codes(text: str, code: str) -> list[tuple[int | None, int | None, str]]:
    found = audit(citenorm.match(citenorm.extract(text)), select=[code])
    return [(f.line, f.column, f.message) for f in found]


def test_every_kind_is_recorded_with_its_printed_column() -> None:
    text = "نص أول ^(1) ثم [2] ثم كلمة³ ثم [^n4] و(٥)\n\n(1) مصدر.\n"
    doc = citenorm.extract(text)
    got = [(m.kind, m.label, m.line, m.column, m.length) for m in doc.markers]
    line = text.split("\n")[0]
    assert got == [
        ("paren", "1", 1, line.index("^(1)") + 1, 4),
        ("bracket", "2", 1, line.index("[2]") + 1, 3),
        ("superscript", "3", 1, line.index("³") + 1, 1),
        ("markdown", "n4", 1, line.index("[^n4]") + 1, 5),
        ("paren", "5", 1, line.index("(٥)") + 1, 3),
    ]


def test_the_digits_of_a_superscript_paren_marker_are_one_marker() -> None:
    doc = citenorm.extract("جملة ⁽¹⁾ أخرى\n\n(1) مصدر.\n")
    assert [(m.kind, m.label) for m in doc.markers] == [("paren", "1")]


def test_footnote_and_list_lines_hold_no_markers() -> None:
    text = "جملة (1)\n\n(1) مصدر (2) داخل الحاشية.\n\nالمصادر:\n1. كتاب (3) في القائمة\n"
    doc = citenorm.extract(text)
    assert [(m.label, m.line) for m in doc.markers] == [("1", 1)]


def test_the_audit_reads_the_recorded_markers() -> None:
    text = "جملة (1) وجملة (2).\n\n(1) مصدر أول، ص 3.\n"
    doc = citenorm.extract(text)
    # the audit finds what extraction recorded, and nothing else: drop the records and
    # the unanswered marker is gone from the findings
    assert _codes(text, "CN101") == [
        (1, text.index("(2)") + 1, "footnote marker (2) has no footnote")
    ]
    bare = doc.model_copy(update={"markers": []})
    assert not audit(citenorm.match(bare), select=["CN101"])


def test_bracket_and_superscript_markers_count_where_footnotes_are_printed_so() -> None:
    # "[2]" in an article whose footnotes are "(n)" is a numbered citation, not a marker
    assert _codes("جملة (1) ومرجع [2].\n\n(1) مصدر أول.\n", "CN101") == []
    # in an article whose footnotes are "[n]", an unanswered "[2]" is a lost footnote
    found = _codes("جملة [1] وجملة [2].\n\n[1] مصدر أول.\n", "CN101")
    assert [m for _, _, m in found] == ["footnote marker [2] has no footnote"]
    assert _codes("مساحة 10 م² فقط (1).\n\n(1) مصدر أول.\n", "CN101") == []


def test_a_marker_answered_by_its_footnote_is_no_finding_either_way() -> None:
    text = "جملة (1) وجملة (2).\n\n(1) مصدر أول.\n(2) مصدر ثان.\n"
    doc = citenorm.extract(text)
    assert [f.body_line for f in doc.footnotes] == [1, 1]
    assert _codes(text, "CN101") == []
    assert _codes(text, "CN102") == []


def test_markers_read_as_a_sequence_of_records() -> None:
    from citenorm.models import Marker, Markers

    rows = [
        Marker("1", "paren", 2, 5, 3),
        Marker("2", "bracket", 2, 9, 3),
        Marker("n", "markdown", 7, 1, 5),
    ]
    markers = Markers(rows)
    assert list(markers) == rows and len(markers) == 3 and markers[-1] == rows[2]
    assert markers[1:] == rows[1:]
    assert list(markers.on_line(2)) == rows[:2] and list(markers.on_line(3)) == []
    assert list(markers.without({2})) == rows[2:]
    assert markers == Markers(rows) and markers != Markers(rows[:2])
    assert hash(markers) == hash(Markers(rows))


def test_a_document_keeps_its_markers_compact() -> None:
    import tracemalloc

    body = "".join(f"نص ({k % 99 + 1}) " for k in range(20_000))
    tracemalloc.start()
    doc = citenorm.extract(body + "\n")
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(doc.markers) == 20_000
    # columns: about 21 bytes a marker; a record each would be 110 (a pydantic one, 1,000)
    assert held / len(doc.markers) < 60
