"""A bilingual list: each Arabic source followed at once by its romanization (one list,
one heading), as some journals print it instead of a second, romanized list."""

from __future__ import annotations

import citenorm
from citenorm.auditing import audit

BILINGUAL = """\
عنوان المقال

يشير النص إلى مصدر (1) ثم إلى مصدر آخر (2).

الهوامش
(1) الحسني، سالم، تاريخ المدن الساحلية، ص 14.
(2) الشريف، هدى، فنون الخط في القرن التاسع عشر، ص 70.

المصادر والمراجع
1- الحسني، سالم. تاريخ المدن الساحلية. عمان: دار الفجر، 1996.
Al-Hasani, Salim. A History of the Coastal Towns. Amman: Dar al-Fajr, 1996. (In Arabic)
2- الشريف، هدى. فنون الخط في القرن التاسع عشر. القاهرة: مكتبة النيل، 2004.
Al-Sharif, Huda. The Arts of Calligraphy in the Nineteenth Century. Cairo: Maktabat al-Nil, 2004. (In Arabic)
3- يوسف، كمال. الموانئ والتجارة. بغداد: دار الرافدين، 1988.
Yusuf, Kamal. Ports and Trade. Baghdad: Dar al-Rafidayn, 1988. (In Arabic)
"""


def _entry_lists(text: str) -> list[tuple[str, str, str]]:
    doc = citenorm.extract(text)
    return [(e.id, e.list, e.script) for e in doc.entries]


def test_the_romanization_under_each_arabic_entry_is_its_rendering() -> None:
    assert _entry_lists(BILINGUAL) == [
        ("e1", "original", "arabic"),
        ("e2", "romanized", "latin"),
        ("e3", "original", "arabic"),
        ("e4", "romanized", "latin"),
        ("e5", "original", "arabic"),
        ("e6", "romanized", "latin"),
    ]
    result = citenorm.match(citenorm.extract(BILINGUAL))
    assert sorted((p.arabic, p.latin) for p in result.pairs) == [
        ("e1", "e2"),
        ("e3", "e4"),
        ("e5", "e6"),
    ]
    assert not result.unpaired_arabic and not result.unpaired_latin


def test_a_bilingual_lists_renderings_are_no_unnumbered_entries() -> None:
    codes = [f.code for f in audit(citenorm.match(citenorm.extract(BILINGUAL)))]
    assert "CN502" not in codes and "CN503" not in codes


def test_foreign_works_after_the_arabic_ones_stay_in_the_original_list() -> None:
    text = """\
المراجع
1- الحسني، سالم. تاريخ المدن الساحلية. عمان: دار الفجر، 1996.
2- الشريف، هدى. فنون الخط في القرن التاسع عشر. القاهرة: مكتبة النيل، 2004.
3- Miller, Anne. Coastal Towns of the Levant. London: Routledge, 1996.
4- Stone, Peter. Calligraphy and Print. Leiden: Brill, 2004.
"""
    assert {lst for _, lst, _ in _entry_lists(text)} == {"original"}


def test_alternating_entries_of_other_works_stay_in_the_original_list() -> None:
    # an Arabic work and a foreign one in turn, each with a number (and years) of its own
    text = """\
المراجع
1- الحسني، سالم. تاريخ المدن الساحلية. عمان: دار الفجر، 1996.
2- Miller, Anne. Coastal Towns of the Levant. London: Routledge, 2011.
3- الشريف، هدى. فنون الخط في القرن التاسع عشر. القاهرة: مكتبة النيل، 2004.
4- Stone, Peter. Calligraphy and Print. Leiden: Brill, 1979.
"""
    assert {lst for _, lst, _ in _entry_lists(text)} == {"original"}
    unnumbered = text.replace("2- ", "").replace("4- ", "")
    assert {lst for _, lst, _ in _entry_lists(unnumbered)} == {"original"}


SAME_LINE = """\
المصادر والمراجع
1- الحسني، سالم. تاريخ المدن الساحلية. عمان: دار الفجر، 1996. [Al-Hasani, Salim. A History of the Coastal Towns. Amman: Dar al-Fajr, 1996.]
2- الشريف، هدى. فنون الخط في القرن التاسع عشر. القاهرة: مكتبة النيل، 2004. [Al-Sharif, Huda. The Arts of Calligraphy in the Nineteenth Century. Cairo: Maktabat al-Nil, 2004.]
3- يوسف، كمال. الموانئ والتجارة. بغداد: دار الرافدين، 1988. (Yusuf, Kamal. Ports and Trade. Baghdad: Dar al-Rafidayn, 1988.)
"""


def test_a_rendering_in_brackets_after_its_arabic_entry_is_an_entry_of_its_own() -> None:
    doc = citenorm.extract(SAME_LINE)
    got = [(e.id, e.list, e.script, e.line, e.number) for e in doc.entries]
    assert got == [
        ("e1", "original", "arabic", 2, 1),
        ("e2", "romanized", "latin", 2, None),
        ("e3", "original", "arabic", 3, 2),
        ("e4", "romanized", "latin", 3, None),
        ("e5", "original", "arabic", 4, 3),
        ("e6", "romanized", "latin", 4, None),
    ]
    first, rendering = doc.entries[0], doc.entries[1]
    assert first.text.endswith("1996.") and "Al-Hasani" not in first.text
    assert rendering.text.startswith("Al-Hasani, Salim.") and rendering.text.endswith("1996.")
    assert rendering.fields.title == "A History of the Coastal Towns"
    assert first.fields.publisher == "دار الفجر"
    result = citenorm.match(doc)
    assert sorted((p.arabic, p.latin) for p in result.pairs) == [
        ("e1", "e2"),
        ("e3", "e4"),
        ("e5", "e6"),
    ]
    assert not doc.failed


def test_a_bracketed_original_title_stays_in_its_entry() -> None:
    # a translation's original title, in brackets, is part of the entry (no year, few words)
    text = """\
المراجع
1- هاردي، توماس. بعيدا عن صخب الجماهير [Far from the Madding Crowd]. ترجمة سالم الحسني. عمان: دار الفجر، 1996.
2- ديكنز، تشارلز. قصة مدينتين. ترجمة هدى الشريف. القاهرة: مكتبة النيل، 2004. [A Tale of Two Cities]
3- ستون، بيتر. الخط والطباعة. بغداد: دار الرافدين، 1988.
"""
    doc = citenorm.extract(text)
    assert [(e.list, e.script) for e in doc.entries] == [("original", "arabic")] * 3


def test_a_rendering_after_an_entry_whose_year_is_in_brackets_is_no_wrapped_line() -> None:
    # numbered, the imprint in brackets "(لبنان، ٢٠٠٦)"; unnumbered APA, the date "(١٩٤٤)."
    numbered = """\
المصادر
1- الحسني، سالم، تاريخ المدن الساحلية، مجلة الدراسات، العدد ٥٦، (لبنان ، ٢٠٠٦) .
Al-Hasani, Salim, A History of the Coastal Towns, Journal of Studies, No. 56, Lebanon, 2006.
2- الشريف، هدى، فنون الخط، مجلة الفنون، العدد ٢٩، (مصر ، ٢٠١٥) .
Al-Sharif, Huda, The Arts of Calligraphy, Journal of Arts, No. 29, Egypt, 2015.
"""
    apa = """\
المراجع
الحسني، سالم. (١٩٩٦). تاريخ المدن الساحلية. عمان: دار الفجر.
Al-Hasani, S. (1996). Tarikh al-mudun al-sahiliyah. Amman: Dar al-Fajr.
الشريف، هدى. (٢٠٠٤). فنون الخط في القرن التاسع عشر. القاهرة: مكتبة النيل.
Al-Sharif, H. (2004). Funun al-khatt fi al-qarn al-tasi ashar. Cairo: Maktabat al-Nil.
"""
    for text in (numbered, apa):
        doc = citenorm.extract(text)
        assert [(e.list, e.script) for e in doc.entries] == [
            ("original", "arabic"),
            ("romanized", "latin"),
        ] * 2, text
        assert len(citenorm.match(doc).pairs) == 2


def test_a_short_arabic_entry_is_cut_from_the_longer_rendering_after_it() -> None:
    # the rendering holds more letters than the Arabic entry before it
    text = (
        SAME_LINE + "4- مدن الساحل. دار الفجر، 1996. [Mudun al-sahil. Dar al-Fajr, Amman, 1996.]\n"
    )
    doc = citenorm.extract(text)
    assert [(e.list, e.script) for e in doc.entries][-2:] == [
        ("original", "arabic"),
        ("romanized", "latin"),
    ]
    assert doc.entries[-2].text == "مدن الساحل. دار الفجر، 1996."


def test_a_bracketed_rendering_on_the_entrys_next_line_is_given_that_line() -> None:
    text = """\
المصادر والمراجع
1- الحسني، سالم. تاريخ المدن الساحلية. عمان: دار الفجر، 1996. [Al-Hasani, Salim. A History of
the Coastal Towns. Amman: Dar al-Fajr, 1996.]
2- الشريف، هدى. فنون الخط في القرن التاسع عشر. القاهرة: مكتبة النيل،
2004. [Al-Sharif, Huda. The Arts of Calligraphy in the Nineteenth Century. Cairo: Maktabat al-Nil, 2004.]
"""
    doc = citenorm.extract(text)
    assert [(e.list, e.line) for e in doc.entries] == [
        ("original", 2),
        ("romanized", 2),
        ("original", 4),
        ("romanized", 5),
    ]
    assert doc.entries[3].text.startswith("Al-Sharif, Huda.")
