"""``match`` and ``audit`` in linear time (issue 15 item 4): in-text citations and CN501
use indexes instead of comparing every pair, with the same results as the quadratic
versions they replace (kept here as slow, obviously correct oracles)."""

from __future__ import annotations

import importlib
import random
import re
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence

import pytest
from rapidfuzz import fuzz

import citenorm
from citenorm.auditing import audit
from citenorm.auditing.registry import Hit
from citenorm.auditing.rules import lists
from citenorm.auditing.rules._common import fold
from citenorm.config import AuditConfig
from citenorm.matching.citations import _NameIndex
from citenorm.models import (
    Date,
    Document,
    Entry,
    Fields,
    Footnote,
    InTextCitation,
    MatchResult,
    Name,
)
from citenorm.text.normalize import fold_any, to_western_digits

# --- oracles: the quadratic implementations as they were ----------------------------------


# "2015a", "2015أ" (as in matching/citations)
_YEAR_LETTER = re.compile(r"([0-9]{4})\s?([a-z\u0621-\u064a])(?![\w])")
_ERA = {"م", "ه", "ق", "ش"}


def _old_match_in_text(c: InTextCitation, entries: Sequence[Entry]) -> tuple[str, float] | None:
    printed = (c.author or "").replace("وآخرون", "").replace("et al.", "").strip()
    # the first author: "العتيبي والشمري" / "Smith & Jones" / "Smith, Jones, and Lee" /
    # "حسن وعلي" (the conjunction glued to the second name); the whole printed name too
    first_author = re.split(r"\s*(?:&|\band\b|[،,]|\sو\s*(?=ال)|\sو\s)\s*", printed, maxsplit=1)[0]
    names = {fold_any(first_author).strip().strip('"'), fold_any(printed).strip().strip('"')}
    if " و" in first_author:
        names.add(fold_any(first_author.split(" و", 1)[0]).strip())
    names.discard("")
    year = re.sub(r"[^0-9]", "", c.year or "")[:4]
    lettered = _YEAR_LETTER.match(to_western_digits((c.year or "").strip()))
    if lettered is not None and lettered.group(2) in _ERA:
        lettered = None  # "1997م": an era letter, no year letter
    best: tuple[str, float, bool] | None = None
    for e in entries:
        f = e.fields
        first = f.author[0] if f.author else None
        # the family name, the whole name ("عياض بن موسى") or the title for no-author works
        labels = [first.family or "", first.display()] if first else [f.title or ""]
        s = 0.0
        for label in labels:
            key = fold_any(label)
            if not key:
                continue
            for author in names:
                s = max(s, float(fuzz.ratio(author, key, processor=None)))
                if not first:
                    s = max(s, float(fuzz.partial_ratio(author, key, processor=None)))
        if s == 0.0:
            continue
        # an entry's years: Gregorian and Hijri (a Hijri year alone dates it too)
        e_years = {str(f.issued.year)} if f.issued and f.issued.year else set()
        if f.hijri:
            e_years.add(str(f.hijri))
        if year and e_years and year not in e_years:
            s -= 40
        if lettered is not None:
            # "2009ب" cites the entry printed "(2009ب)", not its sibling "(2009أ)"
            letters = {
                m.group(2)
                for m in _YEAR_LETTER.finditer(to_western_digits(e.text))
                if m.group(1) == lettered.group(1) and m.group(2) not in _ERA
            }
            if lettered.group(2) in letters:
                s += 5
            elif letters:
                s -= 20
        # of equal scores, the entry whose date agrees with the citation's (its year; for
        # "د.ت", none) wins
        agrees = year in e_years if year else not e_years
        if best is None or (s, agrees) > best[1:]:
            best = (e.id, s, agrees)
    if best and best[1] >= 80:
        return best[0], min(best[1], 100.0)
    return None


def _old_duplicates(result: MatchResult) -> Iterator[tuple[str, str]]:
    doc = result.document
    seen: list[Entry] = []
    for e in doc.entries:
        text_key = fold(e.text)
        for other in seen:
            if other.list != e.list:
                continue
            same_text = text_key == fold(other.text)
            year_e = e.fields.issued.year if e.fields.issued else None
            year_o = other.fields.issued.year if other.fields.issued else None
            same_work = (
                bool(lists._title_key(e))
                and lists._authors_key(e) == lists._authors_key(other)
                and year_e == year_o
                and fuzz.ratio(lists._title_key(e), lists._title_key(other), processor=None) >= 95
            )
            if same_text or same_work:
                yield e.id, other.id
                break
        seen.append(e)


# --- a generator of look-alike names, years and titles --------------------------------------

_FAMILIES = ["العتيبي", "العتيبى", "الشمري", "الشمّري", "Smith", "Smyth", "Lee", "الحسيني"]
_TITLES = ["تاريخ بغداد", "تاريخ بغداد الحديث", "History of Baghdad", "كتاب الأمن", "كتاب الامن"]


def _article(rng: random.Random, n: int) -> str:
    years = ["2001", "2002", "1420", "2015", ""]
    lettered = ["2015أ", "2015ب", "2001a", "2001b"]
    entries = []
    # entries also print an era ("2001م", "1420 هـ": a Hijri year alone)
    entry_years = [*years, "2001م", "1420 هـ"]
    for k in range(n):
        year = rng.choice(entry_years) if rng.random() < 0.8 else rng.choice(lettered)
        tail = f"، بغداد، {year}." if year else "، بغداد."
        if rng.random() < 0.2:  # no author: the title is the label
            entries.append(f"{k + 1}. {rng.choice(_TITLES)}{tail}")
        else:
            entries.append(f"{k + 1}. {rng.choice(_FAMILIES)}، محمد، {rng.choice(_TITLES)}{tail}")
        if rng.random() < 0.15 and entries:  # a repeat, exact or nearly
            entries.append(
                f"{k + 1}. " + entries[-1].split(". ", 1)[1].replace("الحديث", "الحديثة")
            )
    body = []
    for _ in range(n):
        who = rng.choice([*_FAMILIES, "تاريخ بغداد", "History", "Smith & Lee", "العتيبي وآخرون"])
        year = rng.choice(years) if rng.random() < 0.8 else rng.choice(lettered)
        body.append(f"كما يرى ({who}، {year or 'د.ت'}) في ذلك.")
    return "\n".join(body) + "\n\nالمصادر\n" + "\n".join(entries) + "\n"


@pytest.mark.parametrize("seed", range(12))
def test_in_text_index_equals_comparing_every_entry(seed: int) -> None:
    doc = citenorm.extract(_article(random.Random(seed), 40))
    assert doc.in_text and doc.entries
    index = _NameIndex(doc.entries)
    linked = 0
    for c in doc.in_text:
        want = _old_match_in_text(c, doc.entries)
        assert index.best(c) == want, c
        linked += want is not None
    assert linked  # the generator does make links
    assert any(_YEAR_LETTER.match(to_western_digits(c.year or "")) for c in doc.in_text)


@pytest.mark.parametrize("seed", range(12))
def test_duplicate_index_equals_comparing_every_pair(seed: int) -> None:
    result = citenorm.match(citenorm.extract(_article(random.Random(100 + seed), 40)))
    cfg = AuditConfig()
    got = [(h, ids) for h, ids in _hits(lists.duplicate_entry(result, cfg))]
    want = list(_old_duplicates(result))
    assert [ids for _, ids in got] == want
    assert want  # the generator does make repeats


def _works(n: int, *, authors: bool) -> MatchResult:
    """``n`` entries of one list and one year with distinct titles: by one author, or by
    none (the parser found none): CN501 groups them by list, authors and year."""
    rng = random.Random(7)
    letters = "ابتثجحخدذرسشصضطظعغفقكلمنهوي"

    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(4, 7)))

    entries = []
    for k in range(1, n + 1):
        title = f"{word()} {word()} {word()}"
        entries.append(
            Entry(
                id=f"e{k}",
                list="original",
                script="arabic",
                section="s1",
                number=k,
                text=f"{title}، بغداد، 2001.",
                line=k + 1,
                raw=f"{k}. {title}، بغداد، 2001.",
                fields=Fields(
                    title=title,
                    author=[Name(family="العتيبي", given="محمد")] if authors else None,
                    issued=Date.model_validate({"date-parts": [[2001]]}),
                ),
            )
        )
    return MatchResult(document=Document(entries=entries))


class _Counting:
    """rapidfuzz's ``fuzz`` whose ``ratio`` counts its calls (also those of extractOne)."""

    def __init__(self) -> None:
        self.calls = 0

    def ratio(self, a: str, b: str, **options: object) -> float:
        self.calls += 1
        return fuzz.ratio(a, b, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("authors", [True, False], ids=["one-author", "no-author"])
def test_duplicate_rule_compares_a_bounded_number_of_entries(
    monkeypatch: pytest.MonkeyPatch, authors: bool
) -> None:
    # 600 works of one year: CN501 scanned every earlier entry of the group (n^2/2 =
    # 180,000 title comparisons); now a window of the group's last GROUP_WINDOW entries,
    # and without authors a title word splits the year's group
    counting = _Counting()
    monkeypatch.setattr(lists, "fuzz", counting)
    monkeypatch.setattr(lists, "GROUP_WINDOW", 32, raising=False)
    n = 600
    assert not list(lists.duplicate_entry(_works(n, authors=authors), AuditConfig()))
    bound = (32 + 1) * n if authors else 4 * n
    assert counting.calls <= bound, (counting.calls, bound)


def _hits(hits: Iterator[Hit]) -> Iterator[tuple[Hit, tuple[str, str]]]:
    for h in hits:
        ids = re.findall(r"entry (\S+)", h.message)
        yield h, (ids[0], ids[1])


# --- linear time ------------------------------------------------------------------------------

_GROWTH = 8.0  # 4x the input: at most 8x the time (quadratic: 16x)


def _hostile(n: int, seed: int = 3) -> str:
    """``n`` entries with distinct authors, ``n`` footnotes citing them and ``n`` in-text
    citations: every old path compared each citation with every entry."""
    rng = random.Random(seed)
    letters = "ابتثجحخدذرسشصضطظعغفقكلمنهوي"

    def name() -> str:
        return "ال" + "".join(rng.choice(letters) for _ in range(rng.randint(4, 7)))

    families = [name() for _ in range(n)]
    years = [1950 + rng.randrange(70) for _ in range(n)]
    body = [
        f"وقد ذكر ({families[rng.randrange(n)]}، {years[k]}) ذلك ({k % 50 + 1})." for k in range(n)
    ]
    notes = [
        f"({k % 50 + 1}) {families[k]}، محمد، كتاب {name()}، {years[k]}، ص {k}." for k in range(n)
    ]
    entries = [
        f"{k + 1}. {families[k]}، محمد، كتاب {name()} {name()}، {years[k]}." for k in range(n)
    ]
    return "\n".join(body + notes + ["المصادر", *entries]) + "\n"


def _growth(run: Callable[[MatchResult], object], n: int) -> float:
    small = citenorm.match(citenorm.extract(_hostile(n)))
    big = citenorm.match(citenorm.extract(_hostile(4 * n)))
    run(small)  # warm-up: lazy imports and memos are not the input's cost

    def timed(result: MatchResult) -> float:
        start = time.process_time()
        run(result)
        return time.process_time() - start

    # CPU time, best of three: other jobs on a shared machine add wall time, and noise
    # only ever adds time
    t1 = min(timed(small) for _ in range(3))
    t4 = min(timed(big) for _ in range(3))
    return t4 / max(t1, 0.02)


@pytest.mark.slow  # timing: a loaded machine makes it noisy (.ci/run: own step)
def test_match_time_grows_linearly_with_citations_and_entries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # blocking compares every pair up to DENSE_WIDTH per record (a cost that grows with
    # the lists until then, bounded after): a small width puts both sizes past it
    monkeypatch.setattr(importlib.import_module("citenorm.matching.blocking"), "DENSE_WIDTH", 64)
    ratio = _growth(lambda r: citenorm.match(r.document), 150)
    assert ratio <= _GROWTH, f"x4 input -> x{ratio:.1f} time"


@pytest.mark.slow  # timing: a loaded machine makes it noisy (.ci/run: own step)
def test_duplicate_rule_time_grows_linearly() -> None:
    ratio = _growth(lambda r: audit(r, select=["CN501"]), 300)
    assert ratio <= _GROWTH, f"x4 input -> x{ratio:.1f} time"


def test_match_memory_on_one_huge_entry() -> None:
    # one list line of 400 KB parsed as one entry: its keys were made of the whole title
    # (skeleton and folds, 32x the line in match); now of its first KEY_CHARS characters
    words = "العتيبي، محمد، كتاب الأمن في بغداد والبصرة والموصل "
    line = "1- " + words * (400_000 // len(words.encode()))
    doc = citenorm.extract("مقدمة (العتيبي، 2015)\nالمصادر\n" + line + "\n")
    size = len(line.encode())
    tracemalloc.start()
    try:
        citenorm.match(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2 * size, f"{peak / size:.1f}x the line"


def _romanized_lists(n: int) -> str:
    """``n`` pairs whose given name محمد is romanized two ways and whose كلية is
    translated two ways, in turn: one CN601 group and one CN602 group of ``n`` items."""
    rng = random.Random(5)
    letters = "بتسمرلكنحدجفقوي"
    syllables = ["ba", "ta", "sa", "ma", "ra", "la", "ka", "na", "ha", "da", "ja", "fa", "qa"]
    arabic, latin = [], []
    for k in range(n):
        ks = [rng.randrange(len(syllables)) for _ in range(3)]
        fam_a = "ال" + "".join(letters[i] for i in ks)
        fam_l = "al-" + "".join(syllables[i] for i in ks).capitalize()
        given = "Muhammad" if k % 2 else "Mohammed"
        faculty = "College" if k % 2 else "Faculty"
        year = 1900 + k % 120
        arabic.append(f"{k + 1}. {fam_a}، محمد، كتاب {fam_a}، كلية الآداب، بغداد، {year}.")
        latin.append(
            f"{k + 1}. {fam_l}, {given}, Kitab {fam_l}, {faculty} of Arts, Baghdad, {year}."
        )
    return "المصادر\n" + "\n".join(arabic) + "\n\nBibliography\n" + "\n".join(latin) + "\n"


def test_romanization_rules_describe_a_group_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # CN601/CN602 named the entries of the preferred spelling in each finding, going
    # through the whole group every time: a group of n items cost n^2 / 2 (a 16 MB list
    # took 32 s/MB to audit against 16 at 4 MB); now once per group
    from citenorm.auditing.rules import romanization

    n = 300
    result = citenorm.match(citenorm.extract(_romanized_lists(n)))
    scanned: dict[str, int] = {"items": 0, "calls": 0}
    real = romanization._others

    def counting(items: Sequence[tuple[str, Entry]], ref: str) -> str:
        scanned["items"] += len(items)
        scanned["calls"] += 1
        return real(items, ref)

    monkeypatch.setattr(romanization, "_others", counting)
    findings = audit(result, select=["CN601", "CN602"])
    assert {f.code for f in findings} == {"CN601", "CN602"}
    assert len(findings) >= n // 2  # a finding for every other entry of each group
    assert scanned["items"] <= 4 * n, scanned  # each group's items once (n^2/2 before)


def _half_unnumbered(n: int) -> MatchResult:
    """A list of ``n`` entries, numbered in its first half only (list numbers past the
    parser's reach, as in a list of 100,000 entries), and ``n`` notes: one full note,
    ``n / 2`` plain notes, then ibid. notes."""
    entries = [
        Entry(
            id=f"e{k}",
            list="original",
            script="arabic",
            section="s1",
            number=k if k <= n // 2 + 1 else None,
            text=f"كتاب {k}، بغداد، 2001.",
            line=k + 1,
            raw=f"{k}. كتاب {k}، بغداد، 2001.",
        )
        for k in range(1, n + 1)
    ]
    kinds = ["full"] + ["note"] * (n // 2) + ["ibid"] * (n - n // 2 - 1)
    notes = [
        Footnote(
            id=f"fn-1-{k}",
            number=k,
            group=1,
            marker=f"({k})",
            text="المصدر نفسه" if kind == "ibid" else "نص",
            kind=kind,  # type: ignore[arg-type]
            refers_to="fn-1-1" if kind == "ibid" else None,
            line=n + k + 2,
            raw=f"({k}) نص",
        )
        for k, kind in enumerate(kinds, 1)
    ]
    return MatchResult(document=Document(entries=entries, footnotes=notes))


def test_look_backs_of_cn502_and_cn106_give_the_same_findings() -> None:
    result = _half_unnumbered(8)
    cn502 = [f.message for f in audit(result, select=["CN502"])]
    assert cn502 == [
        f"entry e{k} has no number while the entries around it are numbered (expected 6)"
        for k in (6, 7, 8)
    ]
    # ibid. notes refer to the full note: the note before each is a plain note (no
    # finding) as it is for the first; a full note of another work between them is one
    doc = result.document
    other = doc.footnotes[4].model_copy(update={"kind": "full", "text": "كتاب آخر"})
    notes = [*doc.footnotes[:4], other, *doc.footnotes[5:]]
    swapped = MatchResult(document=Document(entries=doc.entries, footnotes=notes))
    cn106 = audit(swapped, select=["CN106"])
    assert [f.message for f in cn106] == [
        "ibid. footnote (6) cites the source of fn-1-1, but the previous footnote fn-1-5 "
        "cites fn-1-5"
    ]


@pytest.mark.slow  # timing: a loaded machine makes it noisy (.ci/run: own step)
@pytest.mark.parametrize(("code", "n"), [("CN502", 1500), ("CN106", 4000)])
def test_look_back_rules_time_grows_linearly(code: str, n: int) -> None:
    # CN502 looked back from each unnumbered entry for the last number (copying the list
    # before it), CN106 from each ibid. for the last note that is not a plain note: a
    # 16 MB list of 125,000 entries (numbers of up to five digits: 25,000 unnumbered)
    # took 36 s/MB to audit, 18 at 4 and 8 MB (every entry numbered)
    small, big = _half_unnumbered(n), _half_unnumbered(4 * n)
    audit(small, select=[code])

    def timed(result: MatchResult) -> float:
        start = time.process_time()
        audit(result, select=[code])
        return time.process_time() - start

    t1 = min(timed(small) for _ in range(3))
    t4 = min(timed(big) for _ in range(3))
    ratio = t4 / max(t1, 0.02)
    assert ratio <= _GROWTH, f"x4 input -> x{ratio:.1f} time"
