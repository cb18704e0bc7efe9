"""One small fixture per construct the extractor must read (issue 2's list)."""

from __future__ import annotations

import pytest

from citenorm import Document, extract


def _doc(text: str) -> Document:
    return extract(text)


BODY = "وقد تناولت الدراسة موضوع العلاقات الدولية في ظل التحولات الراهنة (1) ، وكذلك موضوع الاقتصاد (2) .\n\n"
FN1 = "(1) زيدون سلمان محمد ، روسيا والصين ، مجلة العلوم السياسية، العدد ٦٨ ، (جامعة بغداد ،٢٠٢٤)، ص ٢٦٨\n\n"
FN2 = "(2) علي حسين باكير ،العلاقات الاستراتيجية، مجلة الدفاع الوطني، العدد ٥٦ ، (لبنان، ٢٠٠٦) ، ص ٣\n\n"


# --- footnotes -------------------------------------------------------------------------


def test_numbering_restart_starts_a_new_page_group() -> None:
    text = BODY + FN1 + FN2 + "ونص الصفحة التالية يشير الى الموضوع ذاته (1) .\n\n" + FN1
    doc = _doc(text)
    assert [(f.group, f.number) for f in doc.footnotes] == [(1, 1), (1, 2), (2, 1)]
    assert [f.id for f in doc.footnotes] == ["fn-1-1", "fn-1-2", "fn-2-1"]


@pytest.mark.parametrize(
    ("marker", "body_marker"),
    [("(1)", "(1)"), ("(١)", "(١)"), ("^(١)", "^(١)"), ("⁽¹⁾", "⁽¹⁾")],
)
def test_paren_marker_forms(marker: str, body_marker: str) -> None:
    text = f"نص البحث يشير الى المصدر {body_marker} .\n\n{marker} احمد دهشان ، روسيا والصين ، القاهرة، ٢٠٢٤ ، ص ٤\n"
    doc = _doc(text)
    assert len(doc.footnotes) == 1
    fn = doc.footnotes[0]
    assert fn.number == 1
    assert fn.text.startswith("احمد دهشان")
    assert fn.body_line == 1
    assert fn.line == 3


def test_markdown_footnotes_with_definitions() -> None:
    text = (
        "عنوان البحث[^1]\n\nنص البحث[^2] ونص آخر[^3].\n\n"
        "[^1]: (*) باحث في المركز العربي للأبحاث.\n"
        "[^2]: حكمت إبوزيد، التكيف الاجتماعى (القاهره: مكتبة الانجلو المصرية، ١٩٦١)، ص ٢٨٧.\n"
        "[^3]: المرجع نفسه، ص ٢٥٢.\n"
    )
    doc = _doc(text)
    assert [f.marker for f in doc.footnotes] == ["[^1]", "[^2]", "[^3]"]
    assert [f.kind for f in doc.footnotes] == ["note", "full", "ibid"]
    assert doc.footnotes[2].refers_to == doc.footnotes[1].id
    assert [f.body_line for f in doc.footnotes] == [1, 3, 3]
    assert {f.group for f in doc.footnotes} == {1}


def test_footnote_wrapped_over_a_blank_line() -> None:
    text = BODY + (
        "(1) محمد عبدالله الهميسات ، أثر العلاقات الروسية على بنية النظام الدولي ، رسالة ماجستير،\n\n"
        "(منشورة)، كلية العلوم السياسية، جامعة آل البيت ،الاردن ، ٢٠١٩ ، ص ١٤-١٧\n\n"
        "عام ١٩٥٣ عملوا على تحسين علاقتهم مع الصين نظراً لدور وصعود الصين المتزايد عالمياً خاصة بعد مشاركتها في مؤتمرات دولية مثل مؤتمر جنيف ومؤتمر باندونغ بالمقابل قد استفادت الصين من الخبرة\n"
    )
    doc = _doc(text)
    assert len(doc.footnotes) == 1
    assert doc.footnotes[0].text.endswith("ص ١٤-١٧")
    assert "(منشورة)" in doc.footnotes[0].text
    assert "عام ١٩٥٣" not in doc.footnotes[0].text


@pytest.mark.parametrize(
    ("last", "goes_on"),
    [
        # a short wrapped line of a Latin note that leaves a bracket open (here after an
        # abbreviation's period) has not ended its note
        ("Paul Durand, Le sel et les routes du sel (London: J.R.", True),
        ("(Paris: Presses de la Ville, 1990); Paul Durand, Le sel (London: J.R.", True),
        # brackets closed, a period at the end: the note may end here
        ("Paul Durand, Le sel et les routes du sel (London: J.R. Smith, 2010).", False),
        # a line with Arabic letters is not read so: a PDF reader's visual order mirrors them
        ("انظر: محمد علي، تاريخ المغرب (الرباط: دار النشر.", False),
    ],
)
def test_a_note_line_that_leaves_a_bracket_open_goes_on(last: str, goes_on: bool) -> None:
    from citenorm.extraction.footnotes import RawFootnote, _continues, _note_goes_on

    note = RawFootnote(number=4, marker="4.", group=1, line=10, parts=[last], raw_parts=[last])
    nxt = "Smith & Co Ltd, 2010); Marie Petit, Les marchés de Fès (Rabat: Nord, 2001)."
    assert _continues(note, nxt, 0) is goes_on
    assert _note_goes_on(note, nxt, {}) is goes_on


def test_lone_marker_line_is_body_not_a_footnote() -> None:
    text = "يشهدها النظام الدولي ، وهذا يشكل عائق امام التكامل الصيني\n(1) .\n\n" + FN1.replace(
        "(1)", "(1)"
    )
    doc = _doc(text)
    assert len(doc.footnotes) == 1
    assert doc.footnotes[0].line == 4
    assert doc.footnotes[0].body_line == 2


def test_author_note_is_kind_note() -> None:
    text = "عنوان البحث (*)\n\n(*) باحث في جامعة بغداد / كلية العلوم السياسية\n\n" + BODY + FN1
    doc = _doc(text)
    assert doc.footnotes[0].kind == "note"
    assert doc.footnotes[0].number is None
    assert doc.footnotes[1].kind == "full"


@pytest.mark.parametrize(
    "phrase", ["مصدر سبق ذكره", "المصدر السابق", "م.س", "op. cit.", "مرجع سابق"]
)
def test_op_cit_resolves_to_the_full_footnote_of_the_same_author(phrase: str) -> None:
    text = BODY + FN1 + FN2 + f"(3) زيدون سلمان محمد ، {phrase} ، ص ٢٦٩\n"
    doc = _doc(text)
    assert doc.footnotes[2].kind == "op_cit"
    assert doc.footnotes[2].refers_to == doc.footnotes[0].id


@pytest.mark.parametrize("phrase", ["المصدر نفسه", "المرجع نفسه", "نفس المصدر", "ibid.", "Ibid"])
def test_ibid_resolves_through_an_op_cit_to_the_full_footnote(phrase: str) -> None:
    text = (
        BODY + FN1 + FN2 + f"(3) زيدون سلمان محمد ، مصدر سبق ذكره ، ص ٢٦٩\n\n(4) {phrase} ، ص ٢٧٠\n"
    )
    doc = _doc(text)
    assert doc.footnotes[3].kind == "ibid"
    assert doc.footnotes[3].refers_to == doc.footnotes[0].id


def test_explanatory_footnote_is_a_note() -> None:
    text = (
        BODY
        + "(1) يقصد بمصطلح البرج العاجي في هذا البحث الإطار العام الذي تندرج ضمنه الظاهرة المدروسة.\n"
    )
    assert _doc(text).footnotes[0].kind == "note"


@pytest.mark.parametrize(
    "ref",
    [
        "Sourate 12, versets 4 et 5.",
        "سورة يوسف، الآية 4.",
        "Surah 2, verse 255.",
        "سورة النور: الآيات 3-5",
    ],
)
def test_a_scripture_chapter_and_verse_note_is_a_citation(ref: str) -> None:
    # a reference to a sacred text's chapter and verse cites a source, though it has no
    # imprint, year or page
    assert _doc(BODY + f"(1) {ref}\n").footnotes[0].kind == "full"


def test_a_gloss_that_names_a_chapter_is_a_note() -> None:
    text = BODY + "(1) يقصد بالسورة في هذا البحث وحدة النص كما يراها المفسرون.\n"
    assert _doc(text).footnotes[0].kind == "note"


def test_chicago_short_form_is_op_cit() -> None:
    text = (
        "نص[^1] ونص[^2] ونص[^3].\n\n"
        "[^1]: خليل يحيى نامى، اصل الخط العربى وتاريخ تطوره (القاهرة: مطبعة بول باربيه، ١٩٣٥)، ص ٤٠٣.\n"
        "[^2]: محمد كردعلي، الإدارة الإسلامية في عز العرب (القاهرة: مطبعة مصر، ١٩٣٤)، ص ١٦١.\n"
        "[^3]: نامى، اصل الخط العربى، ص ٨-١٤.\n"
    )
    doc = _doc(text)
    assert doc.footnotes[2].kind == "op_cit"
    assert doc.footnotes[2].refers_to == doc.footnotes[0].id


# --- in-text citations -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "author", "year"),
    [
        ("كما بينت الدراسات (العتيبي، 2015) ذلك.", "العتيبي", "2015"),
        ("كما بينت الدراسات (العتيبي وآخرون، ٢٠١٥، ص ٤) ذلك.", "العتيبي وآخرون", "2015"),
        ("as shown before (Smith, 2019, p. 4) in detail.", "Smith", "2019"),
        ("كما ورد في (العتيبي، د.ت) سابقاً.", "العتيبي", "د.ت"),
        ("كما ذكر (الزيات، ١٣٦١ هـ) في كتابه.", "الزيات", "1361 ه"),
        ("ويشير الكليدار (١٩٦٧) إلى أن الموضوع مهم.", "الكليدار", "1967"),
    ],
)
def test_in_text_citation_forms(sentence: str, author: str, year: str) -> None:
    doc = _doc(sentence + "\n")
    assert len(doc.in_text) == 1
    c = doc.in_text[0]
    assert (c.author, c.year, c.line) == (author, year, 1)
    assert sentence[c.column - 1 :].startswith(c.text[:3]) or c.column >= 1


def test_parenthesised_years_and_words_are_not_citations() -> None:
    doc = _doc("في المدة الممتدة (١٩٤٩-١٩٩١) وتسمى (مرحلة الخلاف) منذ عام (2022) ونظام (5G).\n")
    assert doc.in_text == []


# --- lists -----------------------------------------------------------------------------

ENTRY_AR = "الأنباري، احمد عبد الامير، التقارب الروسي، مجلة المستنصرية، العدد ٥٨، (بغداد، ٢٠١٧)."
ENTRY_AR2 = "جاسم، حيدر زهير، الإستراتيجية والسياسة الخارجية، المجلة السياسية والدولية، العدد ٢٩، (بغداد، ٢٠١٥)."
ENTRY_LA = "al-Anbari, Ahmed Abdul Amir, Russian-Chinese rapprochement, al-Mustansiriya Journal, No. 58, Baghdad, 2017."


@pytest.mark.parametrize(
    "heading",
    [
        "المصادر",
        "المصادر:",
        "المراجع",
        "قائمة المصادر والمراجع",
        "المـــراجـــع",
        "**المصادر**",
        "## قائمة المراجع",
    ],
)
def test_arabic_list_headings(heading: str) -> None:
    doc = _doc(f"نص.\n\n{heading}\n\n1. {ENTRY_AR}\n2. {ENTRY_AR2}\n")
    assert len(doc.entries) == 2
    assert doc.sections[0].line == 3
    assert doc.entries[0].list == "original"


@pytest.mark.parametrize(
    "heading", ["Bibliography", "Bibliography :", "References", "Romanized references"]
)
def test_latin_list_after_an_arabic_list_is_romanized(heading: str) -> None:
    doc = _doc(f"المصادر\n1. {ENTRY_AR}\n\n{heading}\n1. {ENTRY_LA}\n")
    assert [e.list for e in doc.entries] == ["original", "romanized"]
    assert [e.script for e in doc.entries] == ["arabic", "latin"]


def test_lone_latin_list_is_original() -> None:
    doc = _doc(f"References\n1. {ENTRY_LA}\n")
    assert doc.entries[0].list == "original"


def test_sub_sections_with_bullets_and_ordinals() -> None:
    text = (
        "المصادر:\n\nأولاً : الدوريات و البحوث\n\n1. "
        + ENTRY_AR
        + "\n- ثانياً : الرسائل\n1. "
        + ENTRY_AR2
        + "\n\nBibliography :\n\n•First: periodicals and research\n\n1. "
        + ENTRY_LA
        + "\n\n• **Third: The internet**\n\n1. Ahmed Dahshan, Russia and China, Center for Arab-European Studies, 2024, <https://2u.pw/E8E1XNUA> 22/12/2024\n"
    )
    doc = _doc(text)
    titles = [s.title for s in doc.sections]
    assert titles == [
        "المصادر",
        "أولاً : الدوريات و البحوث",
        "ثانياً : الرسائل",
        "Bibliography",
        "First: periodicals and research",
        "Third: The internet",
    ]
    sec = {s.id: s.title for s in doc.sections}
    assert [sec[e.section or ""] for e in doc.entries] == [
        titles[1],
        titles[2],
        titles[4],
        titles[5],
    ]


def test_heading_that_lies_script_follows_the_letters() -> None:
    doc = _doc(
        f"المراجع\nأولا: المراجع العربية\n1. {ENTRY_AR}\nثانيا: المراجع الأجنبية\n1. {ENTRY_AR2}\n2. {ENTRY_LA}\n"
    )
    assert [e.script for e in doc.entries] == ["arabic", "arabic", "latin"]
    assert {e.list for e in doc.entries} == {"original"}


@pytest.mark.parametrize(
    ("prefix1", "prefix2"), [("1. ", "2. "), ("١- ", "٢- "), ("• ", "• "), ("", "")]
)
def test_numbering_forms(prefix1: str, prefix2: str) -> None:
    doc = _doc(f"المصادر\n{prefix1}{ENTRY_AR}\n{prefix2}{ENTRY_AR2}\n")
    assert len(doc.entries) == 2
    assert doc.entries[1].text.startswith("جاسم")
    if prefix1[:1].strip("•"):
        assert [e.number for e in doc.entries] == [1, 2]


def test_wrapped_entry_without_indentation() -> None:
    text = (
        "المصادر:\n1- الذهب المسبوك ، مكتبة الخانجى ، مصر ، ١٩٥٥.\n2- باركلي، روبرت ، كتاب محاماة باركلي\n"
        "عن الحقائق المسيحية ، المطبعة الأميركانية ، بيروت ، ١٩٢٤ .\n"
    )
    doc = _doc(text)
    assert len(doc.entries) == 2
    assert (
        doc.entries[1].text
        == "باركلي، روبرت ، كتاب محاماة باركلي عن الحقائق المسيحية ، المطبعة الأميركانية ، بيروت ، ١٩٢٤ ."
    )
    assert doc.entries[1].line == 3


def test_a_wrapped_line_that_opens_with_a_range_or_emphasis_goes_on() -> None:
    """A wrapped entry's next line that opens with a page or issue range ("58-59،") is no
    list number 58, and one that opens with Markdown emphasis ("*Title*") is no bullet:
    both continue the entry above."""
    text = (
        "المصادر\n"
        "(7) حسن، سامي: الدولة والمجتمع، مجلة الفكر المعاصر، العدد\n"
        "58-59، 1989م، منشورات دار النهضة.\n"
        "(8) علي، كريم: تاريخ المدن، دار الشروق، القاهرة، 2001م.\n"
        "\nReferences\n"
        "[1] Ibn Hasan, Samir Muhammad bin Ali (d. 588 A.H.),\n"
        "*Kitab al-Mudun*, Dar al-Shuruq Publishers, Cairo (1379 A.H.).\n"
        "\n"
        "[2] Ali, Karim, *Tarikh al-Mudun*, Dar al-Nahda, Beirut (1401 A.H.).\n"
    )
    doc = _doc(text)
    assert [e.number for e in doc.entries] == [7, 8, 1, 2]
    assert doc.entries[0].text.endswith("العدد 58-59، 1989م، منشورات دار النهضة.")
    assert doc.entries[2].text.endswith(
        "*Kitab al-Mudun*, Dar al-Shuruq Publishers, Cairo (1379 A.H.)."
    )
    assert not doc.failed


def test_a_line_cut_after_an_abbreviation_goes_on() -> None:
    """A wrapped line that ends in an abbreviation that needs what follows ("Vol.", "No.",
    "Impr.", "St.", "ود.") does not end its entry, numbered or not, even when the next line
    looks like an entry of its own ("Kingsley Press, Leeds, 1971.")."""
    text = (
        "المصادر\n"
        "(3) سالم، هاني: رسائل التجار، ترجمة د. كمال نور، ود.\n"
        "سعاد منير، دار الأفق، عمان، 1984.\n"
        "(4) Trading Towns of the Inland Sea, Harbour Review, Vol.\n"
        "14, No. 2, Mar., 1951.\n"
        "(5) Pérez, Luis: Cartas de los cónsules, Sevilla, Impr.\n"
        "de J. Ortega, 1922.\n"
        "\nReferences\n"
        "Dunmore, Alan: Harbours of the North, St.\n"
        "Kingsley Press, Leeds, 1971.\n"
        "Fenwick, Rose: Salt and Sail, Marlow Press, Hull, 1980.\n"
    )
    doc = _doc(text)
    assert len(doc.entries) == 5
    assert doc.entries[0].text.endswith("ود. سعاد منير، دار الأفق، عمان، 1984.")
    assert doc.entries[1].text.endswith("Vol. 14, No. 2, Mar., 1951.")
    assert doc.entries[2].text.endswith("Impr. de J. Ortega, 1922.")
    assert doc.entries[3].text.endswith("St. Kingsley Press, Leeds, 1971.")
    assert doc.entries[4].text.startswith("Fenwick")


def test_a_numbered_entry_cut_before_its_year_or_at_a_dash_goes_on() -> None:
    """In a numbered list, an unnumbered line holding the year that the entry above still
    lacks continues it (the line was cut after a quote, a closing guillemet or a title's
    period); so does a line opening with a dash right under an open line (a wrapped
    "X - Y", not a bullet). An author's heading line ("(9) Name، Given:") keeps its works."""
    text = (
        "المصادر\n"
        "(7) نصر، وليد: قراءة في «ديوان البحر»\n"
        "للشاعر سعيد المالح، دار الينابيع، دمشق، 1993م.\n"
        "(8) عادل، مروان، رحلة الحبوب، دار السنابل\n"
        "- دار القمح، حلب - حماة، (د.ت).\n"
        "(9) Hale, Nora & Pike, Owen, Early Mariners’\n"
        "Instruments, Tidewater Press, Bristol, 1962.\n"
        "(10) Charts of the Outer Shoals (c. 1600-1650).\n"
        "Plymouth, 1975.\n"
        "(11) Quill, Amos, Lanterns, Cove Press, Hull, 1966.\n"
    )
    doc = _doc(text)
    assert [e.number for e in doc.entries] == [7, 8, 9, 10, 11]
    assert doc.entries[0].text.endswith(
        "«ديوان البحر» للشاعر سعيد المالح، دار الينابيع، دمشق، 1993م."
    )
    assert doc.entries[1].text.endswith("دار السنابل - دار القمح، حلب - حماة، (د.ت).")
    assert doc.entries[2].text.endswith("Mariners’ Instruments, Tidewater Press, Bristol, 1962.")
    assert doc.entries[3].text.endswith("(c. 1600-1650). Plymouth, 1975.")


def test_wrapped_works_under_an_authors_heading_in_a_numbered_list() -> None:
    """Under a numbered author's heading (``(5) Name، Given:``) the works are unnumbered;
    when they are wrapped, a work that ends with its year ends there and the next line
    opens the author's next work."""
    text = (
        "المصادر\n"
        "(4) فارس، سليم: دفاتر الساحل، دار المرافئ، صيدا، 1988م.\n"
        "(5) الهاشمي، نادر:\n"
        "أسواق الملح في المدن القديمة، دراسة في تجارة القوافل، دار الرمال،\n"
        "بيروت، ط2، 1979م.\n"
        "مواسم الحصاد: قراءة في أغاني الريف، تقديم سمير الخال، سلسلة\n"
        "التراث الشعبي (4)، ط1، 1983م.\n"
        "(6) زيدان، رامي: ذاكرة الموانئ، دار النوارس، طرابلس، 1991م.\n"
    )
    doc = _doc(text)
    assert [e.text[:12] for e in doc.entries] == [
        "فارس، سليم: ",
        "أسواق الملح ",
        "مواسم الحصاد",
        "زيدان، رامي:",
    ]
    assert doc.entries[1].text.endswith("دار الرمال، بيروت، ط2، 1979م.")
    assert doc.entries[2].text.endswith("(4)، ط1، 1983م.")


def test_wrapped_unnumbered_entries_apa_and_chicago() -> None:
    text = (
        "Romanized references\nBayet, A. (1950). Tarikh Ilan huquq al-insan.\nal-Qahirah: Matbat Lajnat al-Talif.\n"
        "Bint al-Shati (1944). al-Hayah al-insaniyah. Misr: Matbaat al-Maarif.\n"
        "Al-Hajj, Luwis. *al-Jaysh al-Faransi*. First edition.\nBayrut: Dar al-Makshuf, 1945.\n"
    )
    doc = _doc(text)
    assert len(doc.entries) == 3
    assert doc.entries[0].fields.publisher_place == "al-Qahirah"
    assert doc.entries[2].fields.issued is not None
    assert doc.entries[2].fields.issued.year == 1945


def test_two_entries_run_together_on_one_line() -> None:
    doc = _doc(f"المصادر\n1. {ENTRY_AR} 2. {ENTRY_AR2}\n3. {ENTRY_AR}\n")
    assert [e.number for e in doc.entries] == [1, 2, 3]
    assert doc.entries[1].text.startswith("جاسم")


def test_blank_and_tab_only_lines_are_skipped() -> None:
    doc = _doc(f"المصادر\n\n1. {ENTRY_AR}\n\t\n   \n2. {ENTRY_AR2}\n")
    assert len(doc.entries) == 2
    assert doc.failed == []


def test_trailing_matter_ends_the_list() -> None:
    doc = _doc(
        f"المصادر\n1. {ENTRY_AR}\n\nالملاحق\n\nملحق رقم 1 يبين تطور التجارة بين البلدين عبر السنوات.\n| السنة | القيمة |\n"
    )
    assert len(doc.entries) == 1


def test_every_list_line_is_accounted_for() -> None:
    text = f"المصادر\n1. {ENTRY_AR}\n-----\n١٢٣\n2. {ENTRY_AR2}\n"
    doc = _doc(text)
    entry_lines = {e.line for e in doc.entries}
    failed_lines = {f.line for f in doc.failed}
    heading_lines = {s.line for s in doc.sections}
    assert entry_lines == {2, 5}
    assert failed_lines == {3, 4}
    assert heading_lines == {1}
    assert all(f.reason for f in doc.failed)


def test_no_bibliography_is_a_warning_not_an_error() -> None:
    doc = _doc("نص بلا مصادر.\n")
    assert doc.entries == []
    assert doc.sections == []
    assert doc.warnings == ["no bibliography list found"]


def test_endnotes_under_a_notes_heading() -> None:
    text = (
        "تناولت الدراسات موضوع الإصلاح (1)، وأشار آخرون إلى الزراعة (2).\n\nالهوامش:\n"
        "1- أحمد زكي، الاقتصاد المصري، القاهرة: دار المعارف، 1990، ص 12.\n"
        "2- المرجع السابق، ص 15.\n\nقائمة المراجع:\n1- زكي، أحمد، الاقتصاد المصري، القاهرة: دار المعارف، 1990.\n"
    )
    doc = _doc(text)
    assert [(f.number, f.kind, f.marker) for f in doc.footnotes] == [
        (1, "full", "1-"),
        (2, "op_cit", "2-"),
    ]
    assert doc.footnotes[1].refers_to == doc.footnotes[0].id
    assert [f.body_line for f in doc.footnotes] == [1, 1]
    assert len(doc.entries) == 1


def test_numbered_body_lines_outside_notes_are_not_footnotes() -> None:
    doc = _doc(
        "1. ومن أبرز ما يمكن الإشارة إليه علم النفس.\n2. وفي هذا السياق تبرز أهمية الدروس.\n"
    )
    assert doc.footnotes == []


def test_place_colon_publisher_inside_a_comma_style_entry() -> None:
    doc = _doc("المراجع\n1- زكي، أحمد، الاقتصاد المصري، القاهرة: دار المعارف، 1990.\n")
    f = doc.entries[0].fields
    assert (f.publisher_place, f.publisher, f.title) == (
        "القاهرة",
        "دار المعارف",
        "الاقتصاد المصري",
    )


def test_direct_order_names_in_a_list_and_french_headings() -> None:
    text = (
        "قائمة المصادر والمراجع\nأ- الكتب\n- عبد الله العروي، مفهوم الدولة، ط 8، المركز الثقافي العربي، الدار البيضاء، 2006.\n"
        "- محمود، غزلان، التقارب العسكري، جامعة الإسكندرية، مصر، 2023.\n\n"
        "Bibliographie\n- Laroui, Abdallah, Mafhum al-dawla, 8e éd., al-Markaz al-Thaqafi al-Arabi, Casablanca, 2006.\n"
    )
    doc = _doc(text)
    a, b, c = (e.fields for e in doc.entries)
    assert a.author is not None and (a.author[0].family, a.author[0].given) == (
        "العروي",
        "عبد الله",
    )
    assert a.title == "مفهوم الدولة"
    assert a.edition == "8"
    assert b.author is not None and (b.author[0].family, b.author[0].given) == ("محمود", "غزلان")
    assert doc.entries[2].list == "romanized"
    assert c.edition == "8"
    assert c.title == "Mafhum al-dawla"


def test_apa_journal_articles_and_co_authors() -> None:
    text = (
        "أشارت الدراسات (العتيبي والشمري، 2015، ص 120) إلى ذلك (Smith & Jones, 2018).\n\nالمراجع العربية\n"
        "العتيبي، محمد سعد، والشمري، خالد. (2015). أثر التعلم الإلكتروني. مجلة العلوم التربوية، 27(3)، 115-140.\n\n"
        "References\nAl-Otaibi, M. S., & Al-Shammari, K. (2015). The effect of e-learning. Journal of Educational Sciences, 27(3), 115-140.\n"
    )
    result = __import__("citenorm").match(_doc(text))
    ar, la = (e.fields for e in result.document.entries)
    for f in (ar, la):
        assert f.author is not None and len(f.author) == 2
        assert (f.volume, f.issue, f.page) == ("27", "3", "115-140")
        assert f.type == "article-journal"
    assert ar.container_title == "مجلة العلوم التربوية"
    assert ar.author is not None and ar.author[1].family == "الشمري"
    assert la.title == "The effect of e-learning"
    assert len(result.pairs) == 1
    linked = {c.in_text for c in result.citations}
    assert result.document.in_text[0].id in linked


def test_superscript_and_bracket_markers_and_parenthesised_list_numbers() -> None:
    text = (
        "نص البحث يشير الى المصدر¹ ونص آخر² .\n\n¹ احمد دهشان ، روسيا والصين ، القاهرة، ٢٠٢٤ ، ص ٤\n"
        "² محمد علي، كتاب، بغداد، 2001، ص 5\n\nنص [1] ونص.\n\n[1] علي حسن، كتاب آخر، بيروت، 1999، ص 3\n\n"
        "مصادر البحث ومراجعه\n(1) علي، حسن، كتاب آخر، بيروت، 1999.\n(2) علي، محمد، كتاب، بغداد، 2001.\n"
    )
    doc = _doc(text)
    assert [(f.marker, f.body_line, f.group) for f in doc.footnotes] == [
        ("¹", 1, 1),
        ("²", 1, 1),
        ("[1]", 6, 2),
    ]
    assert doc.footnotes[0].text.startswith("احمد دهشان")
    assert [e.number for e in doc.entries] == [1, 2]
    assert doc.entries[0].text.startswith("علي، حسن")


def test_entry_without_a_title_and_long_family_names() -> None:
    doc = _doc(
        "المصادر\n1. آغا بزرگ الطهراني، محمد محسن، تبويب الذريعة الى تصانيف الشيعة، المكتبة الاسلامية، طهران، ١٩٧٣.\n\n"
        "Bibliography\n1. Āghā Buzurg al-Ṭihrānī, Muḥammad Muḥsin, al-Maktabah al-Islāmīyah, Ṭihrān, 1973.\n"
        "2. Sharaf al-Din, Abd al-Husayn, Kalimah hawla al-ruyah, Dar al-Numan, al-Najaf, 1967.\n"
    )
    ar, la, sharaf = (e.fields for e in doc.entries)
    assert ar.author is not None and ar.author[0].family == "آغا بزرگ الطهراني"
    assert ar.title == "تبويب الذريعة الى تصانيف الشيعة"
    assert la.author is not None and la.author[0].family == "Āghā Buzurg al-Ṭihrānī"
    assert la.title is None
    assert (la.publisher, la.publisher_place) == ("al-Maktabah al-Islāmīyah", "Ṭihrān")
    assert sharaf.author is not None and sharaf.author[0].family == "Sharaf al-Din"


def test_romanized_given_names_are_recognised() -> None:
    from citenorm.extraction.names import is_given

    assert is_given("Muḥammad") and is_given("Mohammed") and is_given("محمد")
    assert not is_given("Maktabat") and not is_given("Tarikh") and not is_given("al-Qahirah")


@pytest.mark.parametrize(
    "heading", ["خامساً: المصادر والمراجع", "7. References", "VI. Bibliography"]
)
def test_numbered_section_headings_start_a_list(heading: str) -> None:
    doc = _doc(f"نص البحث.\n\n{heading}\n1. {ENTRY_AR}\n2. {ENTRY_AR2}\n")
    assert len(doc.entries) == 2
    assert doc.sections[0].title == heading


def test_dash_after_marker_and_no_date_markers() -> None:
    doc = _doc(
        "نص (1).\n\n(1)- ينظر: حسن علي الذنون، فلسفة القانون، (بغداد: مطبعة العاني، د.ت)، ص 45.\n\n"
        "المصادر\n1- الذنون، حسن علي، فلسفة القانون، مطبعة العاني، بغداد، د.ت.\n"
    )
    assert doc.footnotes[0].text.startswith("ينظر:")
    f = doc.entries[0].fields
    assert (f.publisher, f.publisher_place, f.issued) == ("مطبعة العاني", "بغداد", None)


def test_year_in_brackets_after_the_author_in_comma_style() -> None:
    doc = _doc("المصادر\n1- العتيبي، محمد (2015)، أثر التعلم الإلكتروني، دار الزهراء، الرياض.\n")
    f = doc.entries[0].fields
    assert f.author is not None and (f.author[0].family, f.author[0].given) == ("العتيبي", "محمد")
    assert f.issued is not None and f.issued.year == 2015
    assert (f.title, f.publisher, f.publisher_place) == (
        "أثر التعلم الإلكتروني",
        "دار الزهراء",
        "الرياض",
    )
