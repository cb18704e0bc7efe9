"""Author-date citations linked to the entry they cite: the citation's year and the
entry's date (benchmarks/intext.py measures the same on real lists)."""

from __future__ import annotations

import citenorm


def _linked(text: str) -> dict[str, list[str]]:
    """Each in-text citation's printed text -> the texts of the entries it is linked to."""
    result = citenorm.match(citenorm.extract(text))
    doc = result.document
    entries = {e.id: e.text for e in doc.entries}
    out: dict[str, list[str]] = {c.text: [] for c in doc.in_text}
    by_id = {c.id: c.text for c in doc.in_text}
    for c in result.citations:
        if c.in_text is not None:
            out[by_id[c.in_text]].append(entries[c.entry])
    return out


def test_a_dated_citation_prefers_the_entry_of_its_year_to_an_undated_one() -> None:
    text = (
        "مقدمة\n"
        "تناولت الدراسات هذه المسألة (السالمي، 1933) ثم عادت إليها (السالمي، د.ت).\n"
        "\n"
        "المصادر\n"
        "السالمي، خالد، أسرار البيوت، مخطوطة.\n"
        "السالمي، خالد، تاريخ المدن القديمة، القاهرة، 1933.\n"
    )
    linked = _linked(text)
    assert len(linked["السالمي، 1933"]) == 1
    assert "1933" in linked["السالمي، 1933"][0]
    # "د.ت" cites the undated work, not the dated one
    assert len(linked["السالمي، د.ت"]) == 1
    assert "مخطوطة" in linked["السالمي، د.ت"][0]


def test_an_entry_dated_by_its_hijri_year_alone_is_of_that_year() -> None:
    text = (
        "مقدمة\n"
        "وقد نقل ذلك عدد من المتقدمين (الطوسي، 1365) كما هو معروف.\n"
        "\n"
        "المصادر\n"
        "الطوسي، محمد، الاستبصار، طهران، دار الكتب، 1390 هـ.\n"
        "الطوسي، محمد، التهذيب، طهران، دار الكتب، 1365 هـ.\n"
    )
    linked = _linked(text)
    assert len(linked["الطوسي، 1365"]) == 1
    assert "التهذيب" in linked["الطوسي، 1365"][0]


def test_an_era_letter_after_the_entrys_year_is_no_year_letter() -> None:
    # "1997م": the Gregorian era, which a year letter ("1997ب") must not take for the
    # letter of a sibling work (and so lose to a near name printed without an era)
    text = (
        "مقدمة\n"
        "وتظهر هذه الصورة في المصادر المتأخرة (العمري، 1997ب) بوضوح.\n"
        "\n"
        "المصادر\n"
        "العمري، خالد، تاريخ المدن، بيروت، دار الفكر، 1997م.\n"
        "العمريني، سالم، كتاب الأسواق، بيروت، دار المعرفة، 1997.\n"
    )
    linked = _linked(text)
    assert len(linked["العمري، 1997ب"]) == 1
    assert "العمري، خالد" in linked["العمري، 1997ب"][0]


def test_a_narrative_citation_of_a_two_word_family_name_links_to_its_entry() -> None:
    # the narrative reads "باغي (2012)" (a name's words cannot be told from the verb's
    # before it); the list prints the family name "قره باغي" whole
    text = (
        "مقدمة\n"
        "وقد عرض قره باغي (2012) جوانب من المسألة، كما يرى Mendes Pinto (2004) أنها قديمة.\n"
        "\n"
        "المصادر\n"
        "قره باغي، سليم، تاريخ الموانئ، بيروت، دار الفكر، 2012.\n"
        "Mendes Pinto, Carla. Ports of the Gulf. London: Routledge, 2004.\n"
    )
    linked = _linked(text)
    assert [v for k, v in linked.items() if k.endswith("(2012)")] == [
        ["قره باغي، سليم، تاريخ الموانئ، بيروت، دار الفكر، 2012."]
    ]
    assert [v for k, v in linked.items() if k.endswith("(2004)")] == [
        ["Mendes Pinto, Carla. Ports of the Gulf. London: Routledge, 2004."]
    ]


def test_the_words_before_a_narrative_citation_do_not_link_it_to_a_near_name() -> None:
    # "عرض" before "حسن": no entry prints "عرض حسن", so the citation keeps its own name
    text = (
        "مقدمة\n"
        "وقد عرض حسن (2015) جوانب من المسألة.\n"
        "\n"
        "المصادر\n"
        "حسن، علي، تاريخ المدن، بيروت، دار الفكر، 2015.\n"
    )
    linked = _linked(text)
    assert list(linked.values()) == [["حسن، علي، تاريخ المدن، بيروت، دار الفكر، 2015."]]


def test_a_narrative_citation_of_a_two_word_name_with_the_preposition_glued() -> None:
    # "لقره باغي" / "للسالمي الحداد": "ل" glued to the first word of a name the list
    # prints whole
    text = (
        "مقدمة\n"
        "ووفقا لقره باغي (2012) فإن المسألة قديمة، ووفقا للسالمي الحداد (2009) فإنها حديثة.\n"
        "\n"
        "المصادر\n"
        "قره باغي، سليم، تاريخ الموانئ، بيروت، دار الفكر، 2012.\n"
        "السالمي الحداد، خالد، أسواق المدن، بيروت، دار الفكر، 2009.\n"
    )
    linked = _linked(text)
    assert sorted(v[0][-5:-1] for v in linked.values() if v) == ["2009", "2012"]
    assert all(len(v) == 1 for v in linked.values())


def test_a_narrative_citation_of_a_long_classical_name_or_a_short_head() -> None:
    # four words before the one read ("ابن نور الدين الحداد الشامي"), and "ل" glued to a
    # head of two letters ("لبا شراحيل": "با شراحيل")
    text = (
        "مقدمة\n"
        "ويرى ابن نور الدين الحداد الشامي (1407) أن المسألة قديمة، ووفقا لبا شراحيل (2010) فإنها حديثة.\n"
        "\n"
        "المصادر\n"
        "ابن نور الدين الحداد الشامي، سالم، الأنوار، قم، 1407 هـ.\n"
        "با شراحيل، خالد، أسواق المدن، عدن، دار الفكر، 2010.\n"
    )
    linked = _linked(text)
    assert sorted(v[0][:6] for v in linked.values() if v) == ["ابن نو", "با شرا"]
    assert all(len(v) == 1 for v in linked.values())
