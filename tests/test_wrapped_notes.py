"""Footnotes of text wrapped at a narrow width (a PDF reader's lines, a re-wrapped text).

A wrapped body line may begin with a marker (``(1) ، وكذلك ...``), a wrapped note's next
line may begin with a number in brackets, and a left-to-right note printed above a
visual-order Arabic one must not take the Arabic line that belongs below it. Invented text.
"""

from __future__ import annotations

import textwrap

from citenorm import extract, match
from citenorm.extraction.markers import body_markers
from citenorm.extraction.segment import Line

NOTE_1 = "(1) زيدون سلمان محمد، روسيا والصين، مجلة العلوم السياسية، العدد 68، بغداد، 2024، ص 268.\n"
NOTE_2 = (
    "(2) علي حسين باكير، العلاقات الاستراتيجية، مجلة الدفاع الوطني، العدد 56، لبنان، 2006، ص 3.\n"
)


def test_a_body_line_wrapped_after_a_marker_is_body() -> None:
    # the marker of note 1 opens a wrapped body line; the sentence goes on after a comma
    text = (
        "وقد تناولت الدراسة موضوع العلاقات الدولية في ظل التحولات الراهنة\n"
        "(1) ، وكذلك موضوع الاقتصاد الدولي في العقد الأخير من القرن الماضي (2) .\n"
        "\n" + NOTE_1 + NOTE_2
    )
    doc = extract(text)
    assert [(f.number, f.line, f.body_line) for f in doc.footnotes] == [(1, 4, 2), (2, 5, 2)]


def test_a_body_line_wrapped_before_a_marker_with_words_after_it_is_body() -> None:
    # no punctuation after the marker: the line above ends open, and no marker (1) in
    # the body waits for a note; the note (1) below has its marker on the wrapped line
    text = (
        "وقد تناولت الدراسة موضوع العلاقات الدولية في ظل التحولات الراهنة كما بينه الباحثون\n"
        "(1) وكذلك موضوع الاقتصاد الدولي في العقد الأخير من القرن الماضي (2) .\n"
        "\n" + NOTE_1 + NOTE_2
    )
    doc = extract(text)
    assert [(f.number, f.line, f.body_line) for f in doc.footnotes] == [(1, 4, 2), (2, 5, 2)]


def test_notes_right_after_an_open_body_line_are_still_notes() -> None:
    # the page's body breaks off mid-sentence, its notes follow at once: their markers
    # wait in the body above, so they are notes
    text = (
        "وقد تناولت الدراسة موضوع العلاقات الدولية (1) في ظل التحولات الراهنة (2) كما بينه\n"
        + NOTE_1
        + NOTE_2
    )
    doc = extract(text)
    assert [(f.number, f.body_line) for f in doc.footnotes] == [(1, 1), (2, 1)]


def test_a_note_line_opening_with_a_bracketed_number_out_of_sequence_goes_on() -> None:
    # note 1 wrapped before "(12)" (a chapter number): not note 12, since the numbering
    # goes 1, 2 and no marker (12) stands in the body
    text = (
        "وقد تناولت الدراسة موضوع العلاقات الدولية (1) وموضوع الاقتصاد (2) .\n\n"
        "(1) أحمد علي، تاريخ الأندلس، وقد ذكر ذلك في الفصل\n"
        "(12) من الكتاب نفسه، القاهرة، 1990، ص 45.\n" + NOTE_2
    )
    doc = extract(text)
    assert [(f.number, f.group, f.body_line) for f in doc.footnotes] == [(1, 1, 1), (2, 1, 1)]
    assert doc.footnotes[0].text.endswith("(12) من الكتاب نفسه، القاهرة، 1990، ص 45.")


def test_a_note_out_of_sequence_with_its_marker_in_the_body_is_a_note() -> None:
    # note 2 lost (or never printed): note 3 follows note 1 and its marker stands above
    text = (
        "وقد تناولت الدراسة موضوع العلاقات الدولية (1) وموضوع الاقتصاد (3) .\n\n"
        "(1) أحمد علي، تاريخ الأندلس، وقد ذكر ذلك في الفصل\n"
        "(3) محمد حسن، الدولة والمجتمع، بيروت، 2001، ص 12.\n"
    )
    doc = extract(text)
    assert [(f.number, f.body_line) for f in doc.footnotes] == [(1, 1), (3, 1)]


def test_a_closed_left_to_right_page_note_does_not_take_an_arabic_line_below() -> None:
    # a visual-order Arabic note re-wrapped: its number came out on its second line; the
    # Arabic line above it is not more of the French note that ended with its period
    page = (
        "Le mouvement national a pris une forme nouvelle après la guerre, comme le montre "
        "Durand.1 Les femmes y ont pris part dans les villes du pays.2\n"
        "1. Paul Durand, Le mouvement national (Paris: Éditions du Nord, 1950), 163.\n"
        " :(الدار البيضاء، تاريخ النساء في المدينة ،انظر على سبيل\n"
        "المثال: محمد العلوي .2\n"
        "\f\n"
        "Suite du texte de la page suivante, sans note, qui parle de la ville.\n"
        "12\n"
        "Le mouvement national\n"
        "\f\n"
        "Encore une page de texte qui parle de la ville et de ses quartiers.\n"
        "13\n"
        "Le mouvement national\n"
    )
    doc = extract(page)
    first = doc.footnotes[0]
    assert first.number == 1
    assert first.text == "Paul Durand, Le mouvement national (Paris: Éditions du Nord, 1950), 163."
    assert [f.number for f in doc.footnotes] == [1, 2]
    assert "الدار البيضاء" in doc.footnotes[1].text


def test_a_marker_split_across_a_line_break_is_the_marker_of_its_note() -> None:
    # "( 1 )" printed with spaces inside: a narrow line broke it after its bracket
    text = (
        "وقد تناولت الدراسة موضوع العلاقات الدولية في ظل التحولات الراهنة كما بينه ( 1\n"
        ") الباحثون في العقد الأخير، وكذلك موضوع الاقتصاد (\n"
        "2 ) في القرن الماضي.\n\n" + NOTE_1 + NOTE_2
    )
    doc = extract(text)
    assert [(f.number, f.body_line) for f in doc.footnotes] == [(1, 1), (2, 2)]
    assert [(m.label, m.line) for m in doc.markers] == [("1", 1), ("2", 2)]
    # the marker is recorded where it opens: its bracket on the first line, to that line's end
    first = doc.markers[0]
    line = text.split("\n")[0]
    assert line[first.column - 1 : first.column - 1 + first.length] == "( 1"


def test_a_year_split_across_a_line_break_is_claimed_by_no_note() -> None:
    text = "وقد صدر الكتاب في القاهرة (\n1990) عن دار المعارف.\n\n" + NOTE_1
    doc = extract(text)
    # read like "(1990)" on one line: a year, which no note of that number claims
    lines = [Line(k + 1, raw, raw) for k, raw in enumerate(text.split("\n")[:2])]
    assert [(m.label, m.line, m.column) for m in body_markers(lines)] == [("1990", 1, 27)]
    assert list(doc.markers) == []
    assert doc.footnotes[0].body_line is None


def _page(body: str, notes: str, number: int) -> str:
    return f"{body}\n{notes}\n\f\n{number}\nLe mouvement national\n"


def test_the_last_note_of_a_page_goes_on_with_a_line_that_opens_with_a_bracket() -> None:
    # a narrow line broke the last note of the page before its imprint; the note's last
    # line ends with a bracket, not a period
    text = (
        _page(
            "Le mouvement national a pris une forme nouvelle après la guerre, comme\n"
            "le montre Durand.1 Les femmes y ont pris part dans les villes.2",
            "1. Paul Durand, Le mouvement national (Paris: Nord, 1950), 163.\n"
            "2. Voir Marie Petit, Les villes (1830-1912)\n"
            "(Casablanca: Centre Culturel, 2009); Jean Roux, Le pays.",
            12,
        )
        + _page(
            "Suite du texte de la page suivante, sans note, qui parle de la ville.",
            "",
            13,
        )
        + "Encore une page de texte qui parle de la ville et de ses quartiers.\n"
    )
    doc = extract(text)
    assert [f.number for f in doc.footnotes] == [1, 2]
    assert doc.footnotes[1].text.endswith(
        "(Casablanca: Centre Culturel, 2009); Jean Roux, Le pays."
    )


def test_a_note_line_that_runs_to_the_full_width_goes_on() -> None:
    # text wrapped for print at about 60 characters: a note line as long as the full lines
    # has not ended, though it ends with a bracket ("ب)": an item's letter)
    paragraph = (
        "وقد تناولت الدراسة موضوع العلاقات الدولية في ظل التحولات\n"
        "الراهنة التي يشهدها العالم، وكذلك موضوع الاقتصاد الدولي\n"
        "في العقد الأخير من القرن الماضي كما بينه الباحثون، وعرضت\n"
        "وتناولت أيضا موضوع الطاقة والتجارة بين الدول الكبرى في\n"
    )
    body = (
        paragraph * 3
        + "في العقد الأخير من القرن الماضي كما بينه الباحثون (1) .\n"
        + "آسيا وأوروبا وأفريقيا، ودور المنظمات الدولية في ذلك (2) .\n"
    )
    notes = (
        "(1) انظر المراجع التالية: أ) سليمان علي: الدعوة والنشر. ب)\n"
        "أيمن حسن: النشر الإلكتروني.\n"
        "(2) محمد حسن، الدولة والمجتمع، بيروت، 2001، ص 12.\n"
    )
    doc = extract(body + "_________\n" + notes)
    assert [f.number for f in doc.footnotes] == [1, 2]
    assert doc.footnotes[0].text.endswith("ب) أيمن حسن: النشر الإلكتروني.")


def test_a_short_note_line_does_not_take_the_next_line() -> None:
    # the same note with a short first line that ends with a bracket: the line below is
    # body text
    body = (
        "وقد تناولت الدراسة موضوع العلاقات الدولية في ظل التحولات\n"
        "الراهنة التي يشهدها العالم، وكذلك موضوع الاقتصاد الدولي\n"
        "في العقد الأخير من القرن الماضي كما بينه الباحثون (1) .\n"
    )
    doc = extract(body + "\n(1) انظر: سليمان علي (الدعوة)\nأيمن حسن يكتب عن النشر الإلكتروني.\n")
    assert doc.footnotes[0].text == "انظر: سليمان علي (الدعوة)"


def test_logical_line_puts_a_visual_order_line_back_in_reading_order() -> None:
    from citenorm.extraction.pages import logical_line

    assert logical_line(".171 ،نفسه") == "نفسه، 171."
    assert logical_line("”،تاريخ المدينة“ ،انظر محمد العلوي") == (
        "انظر محمد العلوي، “تاريخ المدينة،”"
    )
    # a line with no Arabic run: numbers and Latin keep their order
    assert logical_line("(2009) 45") == "45 (2009)"


def test_visual_order_page_notes_are_read_in_reading_order() -> None:
    # the reader gave the notes' Arabic lines in visual order (number last, the pieces
    # from left to right): the note's fields are read in reading order, its text as printed
    page = (
        "Le mouvement national a pris une forme nouvelle après la guerre, comme le montre "
        "Alaoui.1 Les femmes y ont pris part dans les villes du pays.2\n"
        ".45 ،)1990 ،الرباط: دار النشر( ،”تاريخ المدينة“ ،محمد العلوي .1\n"
        ".46 ،نفسه .2\n"
        "\f\n"
        "Suite du texte de la page suivante, sans note, qui parle de la ville.\n"
        "12\n"
        "Le mouvement national\n"
        "\f\n"
        "Encore une page de texte qui parle de la ville et de ses quartiers.\n"
        "13\n"
        "Le mouvement national\n"
    )
    doc = extract(page)
    first, second = doc.footnotes
    assert first.text == ".45 ،)1990 ،الرباط: دار النشر( ،”تاريخ المدينة“ ،محمد العلوي"
    assert first.fields.author is not None
    assert first.fields.author[0].family == "العلوي"
    assert first.fields.title == "تاريخ المدينة"
    assert (second.kind, second.refers_to) == ("ibid", first.id)


# an Arabic page in visual order (as a PDF reader gives it): body lines, then the notes
# of the page, the number of each at the end of its first line (".1")
_VISUAL_BODY = (
    " نسبة مهمة من اليد العاملة، خاصة في مجال الأعمال المنزلية ومعامل التصبير والغزل\n"
    "  على تأطير الاحتجاجات التي”،اتحاد نساء المدينة“ ، وقد عمل التنظيم.1والحبوب\n"
    " ، كرد1944 هزت المدينة قبل أن تنتقل إلى معظم المدن الأخرى في شهر نوفمبر من سنة\n"
    " فعل على تزايد الضغوط الاجتماعية والاقتصادية التي عانى منها المجتمع كله. وإذا\n"
    "  ستشكل تحولا1944 كان الانجذاب نحو العمل النقابي ضعيفا من قبل المرأة، فإن سنة\n"
    "   وقد كانت ظروف2. وبعدها1944  نوفمبر10 هاما قبيل انطلاق مظاهرات المدينة في\n"
    " العمل والتمييز في الأجور إضافة للنقص في التموين بسبب ظروف الحرب العالمية، سببا\n"
)
_VISUAL_FOOT = "\f\n64\nالحركة النسائية\n" + (
    " ألجل تحقيق العديد1944 العنصر النسوي الأوروبي والمحلي الذي احتج طيلة شهر نوفمبر\n"
    " من المطالب. فما هي أشكال ونتائج هذه الحركة الاحتجاجية في المدن الكبرى؟\n"
    "\f\n65\nالحركة النسائية\n"
    " إذا كانت هذه المقالة تأخذ بعين الاعتبار مثل هذا النوع من التساؤلات، فإنها تهدف\n"
)


def test_a_rewrapped_visual_order_note_keeps_the_piece_above_its_number() -> None:
    # the first note of the page was one printed line; a re-wrap cut it in two and its
    # number, printed at its end, came out on the short second piece: the first piece,
    # above it, is the note's, not the body's
    notes = (
        " ، (رسالة جامعية لنيل درجة الدكتوراه”،المرأة في المدن زمن الحماية: الموروث\n"
        "والمتغير“ ،انظر سعاد الزهراوي .1\n"
        ".403 ؛171 ،)، تحت إشراف محمد الكبير2018 ،جامعة ابن رشد\n"
        ".171 ،نفسه .2\n"
    )
    doc = extract(_VISUAL_BODY + notes + _VISUAL_FOOT)
    first, second = doc.footnotes
    assert first.number == 1
    assert "رسالة جامعية" in first.text
    assert "سعاد الزهراوي" in first.text
    assert "جامعة ابن رشد" in first.text
    assert second.kind == "ibid"
    assert second.refers_to == first.id


def test_a_full_first_line_of_a_visual_order_note_takes_no_body_line() -> None:
    # the note's numbered line runs to the full width: it is its first printed line, and
    # the body line above stays body
    notes = (
        " ، (رسالة جامعية لنيل درجة الدكتوراه”،المرأة في المدن زمن الحماية: الموروث والمتغير“ ،انظر سعاد الزهراوي .1\n"
        ".403 ؛171 ،)، تحت إشراف محمد الكبير2018 ،جامعة ابن رشد\n"
        ".171 ،نفسه .2\n"
    )
    doc = extract(_VISUAL_BODY + notes + _VISUAL_FOOT)
    first = doc.footnotes[0]
    assert first.number == 1
    assert "التموين" not in first.text
    assert first.text.startswith("، (رسالة جامعية")


def test_a_visual_order_note_citing_two_works_cites_both() -> None:
    # the note's two works, separated by "؛", over two lines given in visual order: read
    # in reading order, each piece is one work of the list
    notes = (
        "؛)1990 ،الرباط: دار النشر( تاريخ المدينة القديمة ،انظر: محمد العلوي .1\n"
        ".)2005 ،فاس: مطبعة النور( المرأة والمدينة الحديثة ،سعاد الزهراوي\n"
        ".171 ،نفسه .2\n"
    )
    works = (
        "\nالمصادر والمراجع\n\n"
        "الزهراوي، سعاد: المرأة والمدينة الحديثة، مطبعة النور، فاس، 2005.\n"
        "الشامي، أحمد: الأسواق والحرف في المغرب، دار الأمان، الرباط، 1987.\n"
        "العلوي، محمد: تاريخ المدينة القديمة، دار النشر، الرباط، 1990.\n"
        "الفاسي، علال: النقد الذاتي، المطبعة العالمية، القاهرة، 1952.\n"
    )
    doc = extract(_VISUAL_BODY + notes + _VISUAL_FOOT + works)
    result = match(doc)
    first = doc.footnotes[0]
    cited = {c.entry for c in result.citations if c.footnote == first.id}
    by_text = {e.id: e.text for e in doc.entries}
    assert {by_text[i].split("،")[0] for i in cited} == {"الزهراوي", "العلوي"}


def test_the_pieces_of_a_rewrapped_visual_order_line_are_read_as_one_line() -> None:
    # each printed line of the note (visual order) cut at 80 characters by a re-wrap: the
    # pieces of a line are read together, so the title they share stays in one piece
    printed = [
        "انظر في ذلك ما كتبه الباحثون عن تاريخ المدن المغربية في العصر الحديث وفي العصر الوسيط .1",
        ".45 ص ،)1990 ،الرباط: دار النشر العربي( تاريخ المدينة القديمة في المغرب والأندلس"
        " في العصر الوسيط ،محمد العلوي",
        ".)2005 ،فاس: مطبعة النور( المرأة والمدينة ،وكذلك سعاد الزهراوي",
    ]
    notes = "".join(piece + "\n" for line in printed for piece in textwrap.wrap(line, 80))
    doc = extract(_VISUAL_BODY + notes + ".171 ،نفسه .2\n" + _VISUAL_FOOT)
    first = doc.footnotes[0]
    assert first.number == 1
    assert "تاريخ المدينة القديمة في المغرب والأندلس في العصر الوسيط" in (first.fields.title or "")


def test_a_short_arabic_note_line_before_a_french_reference_takes_no_body_line() -> None:
    # the note's Arabic line is short because the note goes on in French below; the body
    # line above it ends its paragraph (its first character, in visual order, a period)
    body = _VISUAL_BODY + " .، أي بعد محطات سابقة قادته إلى المدن الأخرى1944 ديسمبر\n"
    notes = (
        ":للمقارنة بين الوضع في المدن والقرى، انظر .1\n"
        "Paul Durand, “La famine (XVIIe-XXe siècles),” Annales, ESC (1969): 1589-1601.\n"
        ".171 ،نفسه .2\n"
    )
    doc = extract(body + notes + _VISUAL_FOOT)
    first = doc.footnotes[0]
    assert first.number == 1
    assert first.text.startswith(":للمقارنة")
    assert "محطات" not in first.text
