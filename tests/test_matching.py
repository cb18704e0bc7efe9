"""Cross-script pairing and citation links: one small fixture per hard case, and an
oracle test of the assignment against brute force."""

from __future__ import annotations

import itertools
import math
import random
from typing import Any, cast

import pytest

import citenorm
from citenorm.matching.assign import assign
from citenorm.matching.features import Features


def _article(arabic: list[str], latin: list[str], body: str = "") -> citenorm.MatchResult:
    text = body + "\n\nالمصادر\n" + "".join(f"{i}. {e}\n" for i, e in enumerate(arabic, 1))
    text += "\nBibliography\n" + "".join(f"{i}. {e}\n" for i, e in enumerate(latin, 1))
    return citenorm.match(citenorm.extract(text))


def _pairs(result: citenorm.MatchResult) -> set[tuple[int, int]]:
    """Pairs as (index in the Arabic list, index in the Latin list), 0-based."""
    doc = result.document
    ar = [e.id for e in doc.entries if e.list == "original"]
    la = [e.id for e in doc.entries if e.list == "romanized"]
    return {(ar.index(p.arabic), la.index(p.latin)) for p in result.pairs}


AR_HUSAYN = "حسين، عبد الرحمن، تاريخ الصحافة العربية، مطبعة المعارف، بغداد، ١٩٥٦."
AR_SHAMS = "الشمس، محمد علي، ديوان الشعر الحديث، دار الآداب، بيروت، ١٩٦٢."
AR_ABDULLAH = "عبد الله، فاضل، الادارة الاسلامية، مكتبة النهضة، القاهرة، ١٩٤٨."


@pytest.mark.parametrize(
    "latin",
    [
        # ALA-LC with diacritics
        [
            "Ḥusayn, ʻAbd al-Raḥmān, Tārīkh al-ṣiḥāfah al-ʻArabīyah, Maṭbaʻat al-Maʻārif, Baghdād, 1956.",
            "al-Shams, Muḥammad ʻAlī, Dīwān al-shiʻr al-ḥadīth, Dār al-Ādāb, Bayrūt, 1962.",
            "ʻAbd Allāh, Fāḍil, al-Idārah al-Islāmīyah, Maktabat al-Nahḍah, al-Qāhirah, 1948.",
        ],
        # popular ASCII, sun-letter assimilation, compound written as one word
        [
            "Hussein, Abdul Rahman, Tarikh al-sahafa al-arabiya, Matbaat al-Maarif, Baghdad, 1956.",
            "ash-Shams, Mohammed Ali, Diwan ash-shiar al-hadith, Dar al-Adab, Beirut, 1962.",
            "Abdullah, Fadel, al-Idara al-islamiya, Maktabat al-Nahda, Cairo, 1948.",
        ],
        # El- prefix, curly marks, U+200E inside words
        [
            "Husain, ‘Abd al-Rahman, Tarikh al-\u200esahafah al-‘Arabiyah, Matba‘at al-Ma‘arif, Baghdad, 1956.",
            "El-Shams, Mohamed Aly, Diwan al-shi’r al-hadith, Dar al-Adab, Bayrut, 1962.",
            "Abd Allah, Fadil, al-Idarah al-Islamiyah, Maktabat al-Nahdah, al-Qahirah, 1948.",
        ],
    ],
    ids=["ala-lc", "popular", "marks"],
)
def test_romanizations_pair_in_any_order(latin: list[str]) -> None:
    result = _article([AR_HUSAYN, AR_SHAMS, AR_ABDULLAH], list(reversed(latin)))
    assert _pairs(result) == {(0, 2), (1, 1), (2, 0)}
    assert all(p.score >= 60 for p in result.pairs)
    assert all("names" in p.evidence for p in result.pairs)


def test_typos_on_either_side_still_pair() -> None:
    result = _article(
        ["حسين، عبد الرحمن، تاريخ الصحافه العربيه، مطبعة المعارف، بغداد، ١٩٥٦.", AR_SHAMS],
        [
            "al-Shams, Muhamad Ali, Diwan al-shir al-hadit, Dar al-Adab, Bayrut, 1962.",
            "Husayn, Abd al-Rahmn, Tarikh al-sahafa al-Arabiya, Matbaat al-Maarif, Baghdad, 1956.",
        ],
    )
    assert _pairs(result) == {(0, 1), (1, 0)}


def test_translated_titles_pair_on_names_numbers_and_publishers() -> None:
    arabic = [
        "باكير، علي حسين، العلاقات الاستراتيجية الصينية-الروسية، مجلة الدفاع الوطني اللبناني، العدد ٥٦، (لبنان، ٢٠٠٦).",
        "محمود، غزلان، التقارب العسكري الروسي الصيني، المجلة العلمية لكلية الدراسات الاقتصادية، المجلد ٨، العدد ١٥، (جامعة الإسكندرية، مصر، ٢٠٢٣).",
    ]
    latin = [
        "Mahmoud, Ghazlan, Russian-Chinese military rapprochement, the scientific journal of the Faculty of Economic Studies, Vol. 8, No. 15, Alexandria University, Egypt, 2023.",
        "Bakir, Ali Hussein, China-Russia strategic relations, Lebanese National Defense Magazine, No. 56, Lebanon, 2006.",
    ]
    result = _article(arabic, latin)
    assert _pairs(result) == {(0, 1), (1, 0)}
    ev = {p.arabic: p.evidence for p in result.pairs}
    assert any(e.get("issue", {}).get("agree") for e in ev.values())


def test_no_forced_pairs_and_lists_of_different_lengths() -> None:
    result = _article(
        [AR_HUSAYN, AR_SHAMS, "الكاتب، سعيد، كتاب آخر لا ترجمة له، دار الساقي، لندن، ١٩٩٩."],
        [
            "Husayn, Abd al-Rahman, Tarikh al-sahafah al-Arabiyah, Matbaat al-Maarif, Baghdad, 1956.",
            "Mearsheimer, John, The Tragedy of Great Power Politics, Norton, New York, 2001.",
            "Waltz, Kenneth, Theory of International Politics, Addison-Wesley, Reading, 1979.",
        ],
    )
    assert _pairs(result) == {(0, 0)}
    assert len(result.unpaired_arabic) == 2
    assert len(result.unpaired_latin) == 2


def test_foreign_works_of_the_original_list_do_not_pair() -> None:
    text = (
        "المراجع\nأولا: المراجع العربية\n1. " + AR_HUSAYN + "\nثانيا: المراجع الأجنبية\n"
        "1. Waltz, Kenneth, Theory of International Politics, Addison-Wesley, Reading, 1979.\n\n"
        "References\n1. Husayn, Abd al-Rahman, Tarikh al-sahafah, Matbaat al-Maarif, Baghdad, 1956.\n"
    )
    result = citenorm.match(citenorm.extract(text))
    assert len(result.pairs) == 1
    foreign = [
        e.id for e in result.document.entries if e.list == "original" and e.script == "latin"
    ]
    assert foreign
    assert foreign[0] not in result.unpaired_arabic
    assert foreign[0] not in {p.arabic for p in result.pairs}


BODY = (
    "نص البحث الأول يتناول الموضوع (1) ونص آخر (2) ونص ثالث (3) ونص رابع (4) .\n\n"
    "(1) عبد الرحمن حسين ، تاريخ الصحافة العربية ، (بغداد : مطبعة المعارف ، ١٩٥٦) ، ص ١٢\n\n"
    "(2) حسين ، مصدر سبق ذكره ، ص ١٤\n\n"
    "(3) المصدر نفسه ، ص ١٥\n\n"
    '(4) Reuters: "Russia, China agree 30-year gas deal", 2022, <https://example.org/x>\n'
)


def test_footnotes_cite_both_lists_and_op_cit_ibid_follow_their_target() -> None:
    result = _article(
        [AR_HUSAYN, AR_SHAMS],
        [
            "al-Shams, Muhammad Ali, Diwan al-shir al-hadith, Dar al-Adab, Bayrut, 1962.",
            "Husayn, Abd al-Rahman, Tarikh al-sahafah al-Arabiyah, Matbaat al-Maarif, Baghdad, 1956.",
        ],
        body=BODY,
    )
    doc = result.document
    cited: dict[str, set[str]] = {}
    for c in result.citations:
        cited.setdefault(c.footnote or "", set()).add(c.entry)
    husayn = {doc.entries[0].id, doc.entries[3].id}
    assert cited["fn-1-1"] == husayn
    assert cited["fn-1-2"] == husayn
    assert cited["fn-1-3"] == husayn
    assert result.unlisted == ["fn-1-4"]


def test_in_text_citations_link_by_author_and_year() -> None:
    body = "كما يرى الباحث (حسين، ١٩٥٦، ص ٤) وكذلك (الشمس، ١٩٦٢) وأيضا (مجهول، ٢٠٠٠).\n"
    result = _article([AR_HUSAYN, AR_SHAMS], [], body=body)
    doc = result.document
    by_cite = {c.in_text: c.entry for c in result.citations}
    assert by_cite == {doc.in_text[0].id: doc.entries[0].id, doc.in_text[1].id: doc.entries[1].id}


# --- the assignment against brute force ------------------------------------------------


def _logodds(s: float) -> float:
    p = min(max(s / 100.0, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p)) + 10.0


def _brute_force(scores: list[list[float]], cutoff: float) -> float:
    n, m = len(scores), len(scores[0])
    best = 0.0
    for k in range(min(n, m) + 1):
        for rows in itertools.combinations(range(n), k):
            for cols in itertools.permutations(range(m), k):
                if all(scores[i][j] >= cutoff for i, j in zip(rows, cols, strict=True)):
                    total = sum(_logodds(scores[i][j]) for i, j in zip(rows, cols, strict=True))
                    best = max(best, total)
    return best


@pytest.mark.parametrize("seed", range(40))
def test_assignment_is_optimal_and_respects_the_cutoff(seed: int) -> None:
    rng = random.Random(seed)
    n, m = rng.randint(1, 5), rng.randint(1, 5)
    scores = [
        [rng.choice([rng.uniform(0, 100), rng.uniform(55, 99.9)]) for _ in range(m)]
        for _ in range(n)
    ]
    left = cast(list[Features], list(range(n)))
    right = cast(list[Features], list(range(m)))

    def scorer(a: Any, b: Any) -> float | None:
        # like pair_score: a pair below the cutoff may come back as None
        return None if scores[a][b] < 60.0 and (a + b) % 2 else scores[a][b]

    explained = []

    def explain(a: Any, b: Any) -> tuple[float, dict[str, Any]]:
        explained.append((a, b))
        return scores[a][b], {"pair": [a, b]}

    got = assign(left, right, scorer, cutoff=60.0, explain=explain)
    # evidence is computed for the pairs made, and only for them
    assert sorted(explained) == sorted((i, j) for i, j, *_ in got)
    assert all(ev == {"pair": [i, j]} for i, j, _, ev in got)
    assert len({i for i, *_ in got}) == len(got)
    assert len({j for _, j, *_ in got}) == len(got)
    assert all(s >= 60.0 for *_, s, _ in got)
    total = sum(_logodds(s) for *_, s, _ in got)
    assert total == pytest.approx(_brute_force(scores, 60.0))


# --- the cheap rejection agrees with the full score -----------------------------------


@pytest.mark.parametrize("floor", [0.0, 30.0, 60.0, 62.0, 85.0, 99.0])
def test_pair_score_is_score_pair_or_a_proven_rejection(floor: float) -> None:
    from pathlib import Path

    from citenorm.matching.features import features_of
    from citenorm.matching.scoring import CROSS, SAME, pair_score, score_pair

    root = Path(__file__).resolve().parent.parent / "fixtures"
    rejected = 0
    for path in [
        root / "seed" / "russian-chinese-relations-2022.txt",
        *sorted((root / "dev").glob("*.txt")),
    ]:
        doc = citenorm.extract(path.read_text(encoding="utf-8"))
        feats = [features_of(e) for e in doc.entries]
        for a, b in itertools.product(feats[:25], feats[-25:]):
            for mode in (CROSS, SAME):
                full, _ = score_pair(a, b, mode=mode)
                fast = pair_score(a, b, mode=mode, floor=floor)
                if fast is None:
                    rejected += 1
                    assert full < floor, (a.id, b.id, mode, full)
                else:
                    assert fast == full
    # the bound does reject pairs (else the fast path would be no faster)
    assert rejected > 0 or floor == 0.0


def test_names_similarities_give_the_scores_of_single_pairs() -> None:
    # the vectorised names comparison must not change a single score
    from pathlib import Path

    from citenorm.matching.features import features_of
    from citenorm.matching.scoring import CROSS, SAME, names_similarities, pair_score

    root = Path(__file__).resolve().parent.parent / "fixtures"
    compared = 0
    for path in [
        root / "seed" / "russian-chinese-relations-2022.txt",
        *sorted((root / "dev").glob("*.txt")),
    ]:
        doc = citenorm.extract(path.read_text(encoding="utf-8"))
        left = [features_of(e) for e in doc.entries[:30]] + [
            features_of(n) for n in doc.footnotes[:20]
        ]
        right = [features_of(e) for e in doc.entries[-30:]]
        for mode in (CROSS, SAME):
            matrix = names_similarities(left, right, mode=mode)
            for i, a in enumerate(left):
                for j, b in enumerate(right):
                    want = pair_score(a, b, mode=mode)
                    assert pair_score(a, b, mode=mode, names=matrix[i][j]) == want
                    compared += 1
    assert compared > 1000


_FAMILIES = ["الكبيسي", "الراوي", "العاني", "الجبوري", "الدليمي", "السامرائي", "التكريتي"]
_FAMILIES += ["البياتي", "الحسني", "الموسوي", "الخفاجي", "الربيعي", "الزبيدي", "الشمري"]
_FAMILIES += ["العبيدي", "الجنابي", "الكعبي", "الطائي", "الاعظمي", "النعيمي"]
_TITLES = ["تاريخ العراق الحديث", "الفكر السياسي المعاصر", "الاقتصاد الزراعي", "شعر الحداثة"]
_TITLES += ["النظم الدولية", "الادارة العامة", "علم الاجتماع الريفي", "الجغرافيا السياسية"]


def test_footnotes_in_a_long_list_find_their_entry_past_blocking() -> None:
    # 20 entries (over the footnote blocking cap), all of the same year, and footnotes
    # that give the name in reading order and a shortened title: each finds its entry
    entries = [
        f"{fam}، محمد، {_TITLES[k % len(_TITLES)]} {k + 1}: دراسة في الاصول والتطور، "
        f"دار الشؤون الثقافية، بغداد، 1998."
        for k, fam in enumerate(_FAMILIES)
    ]
    notes = "".join(
        f"({k % 9 + 1}) محمد {_FAMILIES[k]}، {_TITLES[k % len(_TITLES)]} {k + 1}، ص {k + 3}.\n"
        for k in (0, 7, 13, 19)
    )
    text = (
        "مقدمة (1)\n"
        + notes
        + "\nالمصادر\n"
        + "".join(f"{i}. {e}\n" for i, e in enumerate(entries, 1))
    )
    result = citenorm.match(citenorm.extract(text))
    doc = result.document
    cited = {c.footnote: c.entry for c in result.citations if c.footnote}
    want = [doc.entries[k].id for k in (0, 7, 13, 19)]
    assert [cited.get(n.id) for n in doc.footnotes] == want
