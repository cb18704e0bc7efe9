"""Entries of a list wrapped at a narrow width (a PDF column, a text re-flowed at 60
characters): every entry is one entry, however its lines were cut."""

from __future__ import annotations

import citenorm


def _entries(lines: list[str]) -> list[str]:
    doc = citenorm.extract("\n".join(["المصادر والمراجع", "", *lines]))
    return [e.text for e in doc.entries]


def test_numbered_list_of_three_line_entries_stays_numbered() -> None:
    # most lines carry no number: an entry is cut in three; the first line, a short
    # title that ends with a preposition, is no sub-heading
    lines: list[str] = []
    for n in range(1, 7):
        lines += [
            f"({n}) كتاب الفوائد والزوائد على ما في الأصول من",
            "الفروع، تحقيق: سالم بن عمر الهاشمي، دار النهضة العربية،",
            f"القاهرة، {1990 + n}م.",
        ]
    got = _entries(lines)
    assert len(got) == 6
    assert all(t.startswith("كتاب الفوائد") and t.endswith("م.") for t in got)


def test_a_line_cut_after_a_count_goes_on() -> None:
    got = _entries(
        [
            "سعيد، خالد: تاريخ المدن القديمة، الطبعة الثانية، 3",
            "أجزاء، مكتبة النور، بيروت، 2004م.",
            "Brown, Peter: Tales of the East: 100",
            "Stories, Harbor Press, London, 1999.",
        ]
    )
    assert len(got) == 2
    assert "3 أجزاء" in got[0]
    assert "100 Stories" in got[1]


def test_a_series_number_carried_to_the_next_line_is_no_list_number() -> None:
    got = _entries(
        [
            "(1) حسن، علي: مدخل إلى علم اللغة، سلسلة دراسات لغوية",
            "(3)، دار الفكر، دمشق، ط2، 1998م.",
            "(2) كريم، سعاد: الشعر والمدينة، دار الآداب، بيروت، 2005م.",
        ]
    )
    assert len(got) == 2
    assert got[0].endswith("(3)، دار الفكر، دمشق، ط2، 1998م.")


def test_a_wrapped_line_ending_with_an_article_is_no_sub_heading() -> None:
    doc = citenorm.extract(
        "\n".join(
            [
                "Bibliography",
                "",
                "Adams, John. Rivers and Trade in the Ancient World. Oxford: Clarendon, 1990.",
                "Baker, Ann. The Making of Modern Coastal Politics in",
                "Portugal: The Rise of the",
                "Fishing Guilds after 1850. London: Harbor Press, 2004.",
                "Carter, Lee. Salt Roads. Leiden: Brill, 2011.",
            ]
        )
    )
    assert [s.level for s in doc.sections] == [1]
    assert len(doc.entries) == 3
    assert "Portugal: The Rise of the Fishing Guilds" in doc.entries[1].text


def test_a_number_carried_to_the_next_line_of_an_unnumbered_list_is_no_list_number() -> None:
    # the entries carry no numbers; a narrow width cut one after "عدد", its number opens
    # the next line before a dash
    got = _entries(
        [
            "حسن، علي: مدخل إلى علم اللغة، دار الفكر، دمشق، 1998م.",
            "كريم، سعاد: اللغة والحاسوب - مجلة الفكر - مج ١٨ - عدد",
            "٣ - أكتوبر، نوفمبر، ديسمبر ١٩٨٧م.",
            "نجيب، سالم: الشعر والمدينة، دار الآداب، بيروت، 2005م.",
        ]
    )
    assert len(got) == 3
    assert got[1].endswith("عدد ٣ - أكتوبر، نوفمبر، ديسمبر ١٩٨٧م.")


def test_a_numbered_entry_cut_after_an_initial_goes_on() -> None:
    # the entry has its year; a narrow width cut it after an editor's initial ("ب."), and
    # the next line, with a year of its own (a second volume's), has no number
    got = _entries(
        [
            "(1) ابن حوقل، أبو القاسم: صورة الأرض، دار صادر، بيروت، (د.ت).",
            "(2) ابن حيان، أبو مروان: المقتبس في أخبار بلد الأندلس، دار",
            "الثقافة، بيروت، 1965م. والجزء الخامس، اعتنى بنشره: ب.",
            "شالميتا وآخرون، المعهد الإسباني للثقافة، مدريد، 1979م.",
            "(3) ابن خرداذبة، أبو القاسم: المسالك والممالك، ليدن، 1889م.",
        ]
    )
    assert len(got) == 3
    assert got[1].endswith("ب. شالميتا وآخرون، المعهد الإسباني للثقافة، مدريد، 1979م.")


def test_a_dash_carried_to_the_next_line_of_an_unnumbered_list_is_no_bullet() -> None:
    # the entries carry no numbers nor bullets; a wrap cut one before its " - ", which
    # opens the next line: that line goes on with the entry (a bullet only in a list
    # whose entries have them)
    got = _entries(
        [
            "سالم، أحمد: تاريخ المدن القديمة، دار الفكر، بيروت، ١٩٩٠م.",
            "منصور، خالد: الطباعة في المشرق، ورقة عمل مقدمة لندوة النشر المصاحب لمعرض الكتاب",
            "- المنعقد في مركز الدراسات الإسلامية - ١٤٢٠هـ.",
            "يوسف، سعيد: الورق والكتاب، مكتبة النهضة، القاهرة، ١٩٨٥م.",
        ]
    )
    assert len(got) == 3
    assert got[1].endswith("لمعرض الكتاب - المنعقد في مركز الدراسات الإسلامية - ١٤٢٠هـ.")


def test_dashes_of_a_bulleted_list_open_entries() -> None:
    # every entry opens with a dash and ends without a period: each dash is an entry's
    got = _entries(
        [
            "- سالم، أحمد: تاريخ المدن القديمة، دار الفكر، بيروت، ١٩٩٠م",
            "- منصور، خالد: الطباعة في المشرق، دار النهضة، القاهرة، ١٩٨٨م",
            "- يوسف، سعيد: الورق والكتاب، مكتبة النهضة، القاهرة، ١٩٨٥م",
        ]
    )
    assert len(got) == 3


def test_an_era_letter_carried_to_the_next_line_goes_on() -> None:
    # a wrap cut the date "1322 هـ / 1904 م." after its Hijri year: the line that opens
    # with the era letter ends that entry, it is no entry of its own
    got = _entries(
        [
            "الحلبي، سالم. كتاب الفوائد. الطبعة الأولى. مصر: المطبعة الكبرى، 1322",
            "هـ / 1904 م.",
            "الدمشقي، يوسف. رسائل الأدب. بيروت: دار المعارف، 1955.",
        ]
    )
    assert len(got) == 2
    assert got[0].endswith("1322 هـ / 1904 م.")


def test_an_imprint_cut_by_a_wrap_still_ends_its_entry() -> None:
    # APA entries wrapped at a narrow width: the imprint of the first is cut, its last
    # word alone on a line; the next entry (its author with no comma) is another
    doc = citenorm.extract(
        "\n".join(
            [
                "References",
                "",
                "Haddad, A. (1950). Tarikh al-mudun al-qadima.",
                "al-Qahirah: Matbaat Lajnat al-Talif wa-al-Tarjamah wa-al-",
                "Nashr.",
                "Ibn al-Warraq (1944). al-Kutub wa-al-qurra: dirasa fi al-",
                "nasikhin. Misr: Matbaat al-Maarif.",
                "Mansur, K. (1961). al-Tibaa fi al-Mashriq. Bayrut: Dar al-Ilm.",
            ]
        )
    )
    got = [e.text for e in doc.entries]
    assert len(got) == 3
    assert got[1].startswith("Ibn al-Warraq (1944).")


def test_a_line_cut_after_an_opening_quote_goes_on() -> None:
    # a column's wrap left a quotation's opening mark at the end of a line: the title
    # on the next line is the same entry's
    doc = citenorm.extract(
        "\n".join(
            [
                "References",
                "",
                'Haddad, Leila and Omar Tazi, 1995, "Lending Books',
                'in Moroccan Towns", Rabat, Aman Press.',
                'Kettani, Souad and Youssef Omrani, 2004, "',
                'The Book Markets of Old Fez", 2nd ed, Casablanca.',
                'Marini, Abdelhak, 1987, "The Libraries of the Qarawiyyin", Fez.',
            ]
        )
    )
    got = [e.text for e in doc.entries]
    assert len(got) == 3
    assert got[1].endswith("Casablanca.")


def test_a_line_cut_after_a_titles_question_mark_goes_on() -> None:
    # an APA entry's title ends with "؟" at a column's edge: the entry's imprint is on
    # the next line, which opens no entry
    got = _entries(
        [
            "سالم، عادل. (١٩٥٥). رحلة في البحر الأحمر. القاهرة: دار الشروق.",
            "منصور، ليلى. (١٩٦١). أسئلة الطريق: من أين نبدأ؟",
            "وإلى أين نمضي؟ بيروت: دار الآفاق الجديدة.",
            "يوسف، كمال. (١٩٧٠). تاريخ الموانئ. دمشق: مكتبة النوري.",
        ]
    )
    assert len(got) == 3
    assert "نبدأ؟ وإلى أين نمضي؟ بيروت" in got[1]
    assert got[2].startswith("يوسف، كمال")


def test_a_dash_under_an_issue_number_goes_on() -> None:
    # "- عدد ٢" ends the line, "- مارس ١٩٩٠م." opens the next: the issue's month, not a
    # bullet (the entry has no year yet)
    got = _entries(
        [
            "حامد صبري: أدب الرحلة - مجلة الآداب - مج ٧ - عدد ٢",
            "- مارس، أبريل ١٩٩٠م.",
            "هدى سليم: المدن والذاكرة - دار الجيل - ١٩٩٥م.",
            "رامي فؤاد: الخرائط القديمة - مكتبة الرواد - ٢٠٠١م.",
        ]
    )
    assert len(got) == 3
    assert got[0].endswith("عدد ٢ - مارس، أبريل ١٩٩٠م.")


def test_a_title_first_entry_cut_after_its_colon_is_no_author_group() -> None:
    # a long title-first entry whose first line ends at its title's colon, the next line
    # going on in lower case: one entry, not the heading of an author's works
    doc = citenorm.extract(
        "\n".join(
            [
                "المصادر والمراجع",
                "",
                "Haddad, S. (1971). Kitab al-mudun. Bayrut: Dar al-Nur.",
                "al-Rasail al-mansubah ila mualim al-Sham:",
                "dirasah bi-munasabat dhikra madinat Dimashq wa-al-",
                "Ghutah. (1966). Dimashq: Matbaat al-Taraqqi.",
                "Karam, N. (1980). Tarikh al-sahil. Bayrut: Dar al-Sharq.",
                "al-Kutub al-mansubah ila al-Sharif:",
                "risalah fi tarikh al-",
                "khatt. (1972). Halab: Matbaat al-Ilm.",
            ]
        )
    )
    got = [e.text for e in doc.entries]
    assert len(got) == 4
    assert got[1].startswith("al-Rasail al-mansubah ila mualim al-Sham: dirasah")
    assert got[3].startswith("al-Kutub al-mansubah ila al-Sharif: risalah")
    assert all(s.level != 2 for s in doc.sections)


def test_an_author_alone_on_a_line_goes_on_with_the_title_below() -> None:
    # a narrow column cut the entry right after its author's name: a name alone is no
    # entry; the anonymous work that follows (its title first) is one
    got = _entries(
        [
            "References",
            "Qasimi, Yusuf ibn Salim.",
            "*Kitab al-anhar wa-al-sawaqi*. Dimashq: Dar al-Nur,",
            "1921.",
            "Hadrami, Layla Nasir. *Ashjar al-wadi*. Bayrut: Dar",
            "al-Shuruq, 1960.",
            "*Dalil al-mawani al-sharqiyah*. Adan: Matbaat al-Bahr,",
            "1948.",
        ]
    )
    assert len(got) == 3
    assert got[0].startswith("Qasimi, Yusuf ibn Salim. *Kitab al-anhar")
    assert got[2].startswith("*Dalil al-mawani")


def test_a_bracketed_note_alone_on_a_line_ends_its_entry() -> None:
    # "[in Arabic]" that the wrap carried under an entry's year belongs to that entry
    got = _entries(
        [
            "References",
            "Qasimi, Yusuf. *Kitab al-anhar*. Dimashq: Dar al-Nur, 1921.",
            "[in Arabic]",
            "Hadrami, Layla. *Ashjar al-wadi*. Bayrut: Dar al-Shuruq, 1960.",
            "[in Arabic]",
        ]
    )
    assert len(got) == 2
    assert all(t.endswith("[in Arabic]") for t in got)


def test_an_unnumbered_entry_under_a_numbered_one_that_ends_with_its_url() -> None:
    # "7. Site, title, <url>" / "Name Family, title, ...": the numbered entry is complete
    # with its URL; a capital under it opens an unnumbered entry (an access date does not)
    got = _entries(
        [
            "Internet sources",
            "1. Harbour news website, ships return to the northern port in spring,",
            "<https://example.org/a1b2>",
            "Salma Idris, the river trade and its towns in the old days, Journal of",
            "regional history, 2021, <https://example.org/c3d4>",
            "2. Desert studies website, the old wells of the south,",
            "<https://example.org/e5f6>",
            "Accessed 3 May 2022.",
        ]
    )
    assert len(got) == 3
    assert got[1].startswith("Salma Idris")
    assert got[2].endswith("Accessed 3 May 2022.")


def test_a_wrapped_line_of_heading_words_is_no_sub_heading() -> None:
    # "... master's" / "thesis, unpublished, Faculty of political" / "science, ...": a
    # line that goes on in lower case from an open line is the entry's, whatever its words
    got = _entries(
        [
            "Bibliography",
            "1. Karim, Nadia, trade routes of the eastern coast (1990-2000) master's",
            "thesis, unpublished, Faculty of political",
            "science, University of the Coast, Basra, 2015.",
            "2. Salim, Omar, ports and their towns, published master thesis, Coast",
            "University, Basra, 2018.",
        ]
    )
    assert len(got) == 2
    assert "master's thesis, unpublished, Faculty of political science" in got[0]


def test_a_bracketed_note_that_a_wrap_cut_is_no_entry() -> None:
    # the list's own note in brackets, over three lines, then the entries
    got = _entries(
        [
            "(جمعت في هذه القائمة الكتب التي رجعت إليها في",
            "دراسة الرحلة والجغرافيا، وتركت المقالات القصيرة",
            "والنصوص الأدبية.)",
            "سالم، هدى: رحلات المغاربة، دار الساحل، تونس، 1991م.",
            "نصار، يوسف: الطرق والمسالك، دار الغد، بيروت، 1985م.",
        ]
    )
    assert len(got) == 2
    assert got[0].startswith("سالم، هدى")


def test_no_date_cut_in_two_by_a_wrap_ends_its_entry() -> None:
    # "... القاهرة، د." / "ت.": the "د. ت." of an entry without a date, cut by the wrap;
    # the entry is complete, the next line opens another
    got = _entries(
        [
            "سالم، هدى: رحلات المغاربة في المشرق، دار الساحل، القاهرة، د.",
            "ت.",
            "نصار، يوسف: الطرق والمسالك، دار الغد، بيروت،",
            "1985م.",
        ]
    )
    assert len(got) == 2
    assert got[1].startswith("نصار، يوسف")


def test_a_lead_in_wrapped_before_its_colon_stays_a_heading() -> None:
    # "... from the following" / "reference books:": the lead-in's last line ends with its
    # colon: a heading line (the list's sub-heading), no entry's text
    got = _entries(
        [
            "The material of this book has been taken from the following",
            "reference books:",
            "",
            "Salim, Huda: Travels in the East, First Edition 1991, Coast Press, Tunis.",
            "",
            "Nassar, Yusuf: Roads and Realms, Second Edition 1985, Dar al-Ghad, Beirut.",
        ]
    )
    assert not any("reference books" in t for t in got)
    assert [t.split(":")[0] for t in got[-2:]] == ["Salim, Huda", "Nassar, Yusuf"]
