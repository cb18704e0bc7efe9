"""Lists printed in the forms other presses give them: no numbers (the entries told apart
by their lines), ``Family (Given): Title`` beside ``Family: Title``."""

from __future__ import annotations

import citenorm


def _entries(lines: list[str]) -> list[str]:
    doc = citenorm.extract("\n".join(["المصادر والمراجع", "", *lines]))
    return [e.text for e in doc.entries]


def test_an_unnumbered_entry_with_the_given_name_in_brackets_starts_an_entry() -> None:
    # the list prints "Family: Title" and "Family (Given): Title": both open an entry,
    # even after an entry that has no year
    got = _entries(
        [
            "الراشدي: ديوان الشعر القديم، دار الفجر، بغداد، 1971م.",
            "ابن سلمان: رسائل في الأدب، المطبعة الكبرى.",
            "ابن سلمان (نجيب الدين): أخبار البلدان، دار الأفق، عمان، 1992م.",
            "الكرمي: فنون الخط، دار النخيل، بيروت، 1981م.",
            "الحداد (د. سمير خليل): تاريخ المدن، مكتبة الريف، القاهرة، 1975م.",
        ]
    )
    assert len(got) == 5
    assert got[2].startswith("ابن سلمان (نجيب الدين)")
    assert got[4].startswith("الحداد (د. سمير خليل)")
