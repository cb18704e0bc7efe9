"""Notes printed under a rule at the foot of a list, on a page without a page break (a
one-page PDF, a text whose pages are told by their rules): read as notes, not entries."""

from __future__ import annotations

import citenorm
from citenorm.extraction.pages import page_note_start

BODY = (
    "# تجارة الكتب في مدينة قديمة\n"
    "\n"
    "عرفت المدينة سوقا للكتب منذ قرون.¹ وقد وصف الرحالة هذا السوق وصفا دقيقا،² "
    "وذكروا أن النساخ كانوا يعملون بأجر.³\n"
    "\n"
    "## المصادر\n"
    "\n"
    "السالمي، خالد. أسواق الورق. بغداد: دار الرافدين، 1987.\n"
    "الهاشمي، سعاد. النساخ والوراقون. القاهرة: مكتبة النهضة، 1979.\n"
    "Rashīd, ʿUmar. Al-Kutub wa-al-aswāq. Dimashq: Dār al-Fikr, 1990.\n"
)
NOTES = (
    "¹ خالد السالمي، أسواق الورق (بغداد: دار الرافدين، 1987)، ص 12.\n"
    "² ʿUmar Rashīd, Al-Kutub wa-al-aswāq (Dimashq: Dār al-Fikr, 1990), 33.\n"
    "³ سعاد الهاشمي، النساخ والوراقون، ص 40.\n"
)


def test_notes_under_a_rule_after_a_list_on_one_page_are_notes() -> None:
    doc = citenorm.extract(BODY + "\n__________\n" + NOTES)
    assert [f.number for f in doc.footnotes] == [1, 2, 3]
    assert len(doc.entries) == 3  # the notes are not entries of the list
    assert "Umar Rashīd" in doc.footnotes[1].raw  # the note opening with an ʿayn sign
    # every line is accounted for: the rule goes with the notes below it
    assert not doc.failed


def test_numbered_lines_at_a_lists_end_without_a_rule_stay_entries() -> None:
    numbered = "".join(
        f"{n}. {line}\n"
        for n, line in enumerate(BODY.split("## المصادر\n\n", 1)[1].splitlines(), 1)
    )
    doc = citenorm.extract(BODY.split("## المصادر", 1)[0] + "## المصادر\n\n" + numbered)
    assert len(doc.entries) == 3
    assert not doc.footnotes


def test_a_page_note_may_open_with_a_romanized_names_ayn_sign() -> None:
    for sign in "ʿʻ'":
        start = page_note_start(f"7 {sign}Abd al-Ḥayy al-Kattānī, Fihris al-fahāris, 1: 112.")
        assert start is not None and start[0] == 7
    # a sign before a lowercase word opens no note ("19 (al-Ribāṭ", "3 ʿan ...")
    assert page_note_start("3 ʿan al-kitāb wa-al-kuttāb, 45.") is None
