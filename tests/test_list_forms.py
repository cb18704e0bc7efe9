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


def test_an_entry_without_a_date_is_complete_in_an_unnumbered_list() -> None:
    # "دون تاريخ طبع" (no date of printing) ends an entry as "د.ت" does: the next line,
    # with its year, is another entry, not the year the entry above lacks
    got = _entries(
        [
            "الراشدي: ديوان الشعر القديم، دار الفجر، بغداد، 1971م.",
            "ابن سلمان: رسائل في الأدب، تحقيق سالم الكرمي، القاهرة، دون تاريخ طبع.",
            "ابن ماجد، شهاب الدين أحمد: أخبار البلدان، دار الأفق، عمان، 1992م.",
            "الكرمي: فنون الخط، دار النخيل، بيروت، 1981م.",
        ]
    )
    assert len(got) == 4
    assert got[1].endswith("دون تاريخ طبع.")


def test_another_volume_on_its_own_line_stays_with_its_work_in_an_unnumbered_list() -> None:
    # the list prints "Name، Title": a volume line "الجزء الثاني، Publisher" has that
    # shape, but it is the work above's second volume
    got = _entries(
        [
            "سالم الكرمي، فنون الخط العربي، دار النخيل، بيروت، 1981.",
            "نجيب الراشدي، تاريخ المدن القديمة، ترجمة د. سمير الحداد.",
            "الجزء الأول، دار الفجر، بغداد، ط2، 1971.",
            "الجزء الثاني، دار الأفق، عمان، ط1، 1975.",
            "منى العطار، رسائل في الأدب، مكتبة الريف، القاهرة، 1992.",
        ]
    )
    assert len(got) == 3
    assert "الجزء الثاني" in got[1]


def test_the_date_after_a_volume_number_is_the_entry_s_year() -> None:
    # "Vol. 12 (1956)": the year in brackets after a volume (or issue) number is the
    # article's year, so the next line (with a year of its own) starts another entry
    got = _entries(
        [
            "Bibliography",
            "Hale, Robert T., Early Steam Engines, Annals of Craft, Vol. 7 (1931), p. 45.",
            "Notes on the Measure of Heat, Carter and Sons, Leeds, Vol. 2, 1862.",
            "Moss, Ada, Tide Tables of the North, Sea Review, No. 14 (June 3, 1888), Harbor Press.",
            "Ives, C. D., The Lamp and the Wick, Riverside, Boston, 1901.",
        ]
    )
    assert len(got) == 4
    assert got[1].startswith("Notes on the Measure")
    assert got[3].startswith("Ives")


def test_a_sub_heading_right_after_a_short_numbered_entry_heads_the_next_entries() -> None:
    # no blank line around "دواوين الشعراء": the entry above ("(3) الموسوعة") is too short
    # to have been cut by a wrap, and the next line has the next number
    doc = citenorm.extract(
        "\n".join(
            [
                "المصادر والمراجع",
                "",
                "المعاجم",
                "(1) لسان العرب",
                "(2) تاج العروس",
                "(3) الموسوعة",
                "دواوين الشعراء",
                "(4) الراشدي: ديوان الشعر القديم، دار الفجر، بغداد، ط2، 1971م.",
                "(5) ابن سلمان: رسائل في الأدب، تحقيق سالم الكرمي، دار الأفق، عمان، 1982م.",
                "(6) الكرمي: فنون الخط العربي، دار النخيل، بيروت، ط1، 1981م.",
            ]
        )
    )
    texts = [e.text for e in doc.entries]
    assert "الموسوعة" in texts
    assert not any("دواوين الشعراء" in t for t in texts)
    assert len(texts) == 6
