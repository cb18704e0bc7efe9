"""Pair confidence (issue 17 part 1): a pair's score says how well it beats the
alternatives, not only how alike its two entries are.

The fixture ``tests/fixtures/pairs/four-books-one-author.txt`` (made up for this test)
has four books by one author, of one year and one publisher, with translated English
titles: every Arabic entry matches every romanized one on names, year, place and
publisher, and the titles do not sound alike. Before, three of four pairs were wrong,
scored 99.7-99.9, and the audit passed."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest

import citenorm
from citenorm.auditing import audit
from citenorm.matching.assign import Assignment, confidence, pair_weight, solve
from citenorm.output.json import match_json
from conftest import SEED

FOUR = Path(__file__).parent / "fixtures" / "pairs" / "four-books-one-author.txt"

# the same books with transliterated titles: now the titles tell them apart
_TRANSLITERATED = {
    "A Critique of Political Reason": "Naqd al-ʻaql al-siyasi",
    "The Structure of Heritage Discourse": "Binyat al-khitab al-turathi",
    "On the Foundations of Civil Society": "Fi usul al-ijtimaʻ al-madani",
    "State and Society in the Levant": "al-Dawlah wa-al-mujtamaʻ fi al-Mashriq",
}


def _four(transliterated: bool = False) -> citenorm.MatchResult:
    text = FOUR.read_text(encoding="utf-8")
    if transliterated:
        for english, roman in _TRANSLITERATED.items():
            text = text.replace(english, roman)
    return citenorm.match(citenorm.extract(text, source=FOUR.name))


def test_four_books_pairs_are_not_confident() -> None:
    result = _four()
    assert len(result.pairs) == 4
    for p in result.pairs:
        # alike on every feature but the title: the entries alone look certain...
        assert p.similarity is not None and p.similarity >= 95
        # ...but another candidate is as good: the pair's score drops below the audit's
        # threshold, and the rival is named
        assert p.score < 70
        assert p.rival is not None and p.rival_score is not None and p.rival_score >= 95
        assert p.evidence["decided"] == []  # nothing told them apart


def test_four_books_audit_no_longer_passes() -> None:
    result = _four()
    findings = [f for f in audit(result) if f.code == "CN304"]
    assert len(findings) == 4
    by_id = {e.id: e for e in result.document.entries}
    for f, p in zip(findings, result.pairs, strict=True):
        # the message names both candidates and says nothing told them apart
        assert f"entry {p.arabic} is paired with {p.latin}" in f.message
        assert f"{p.rival} is (nearly) as good a candidate" in f.message
        assert "nothing told them apart" in f.message
        assert {r.id for r in f.related} == {p.arabic, p.latin, p.rival}
        assert f.line == by_id[p.arabic].line


def test_transliterated_titles_give_right_and_confident_pairs() -> None:
    result = _four(transliterated=True)
    by_id = {e.id: e for e in result.document.entries}
    assert len(result.pairs) == 4
    for p in result.pairs:
        assert by_id[p.arabic].number == by_id[p.latin].number  # the right pairs
        assert p.score >= 90  # the title decides: no near tie
        assert "title" in p.evidence["decided"]
    assert [f for f in audit(result) if f.code == "CN304"] == []


def test_match_json_keeps_the_contract_and_adds_optional_keys() -> None:
    import jsonschema

    out = match_json(_four())
    schema = Path(citenorm.__file__).parent / "schemas" / "match.schema.json"
    jsonschema.validate(out, json.loads(schema.read_text(encoding="utf-8")))
    for item in out["pairs"]:
        assert list(item)[:4] == ["arabic", "latin", "score", "evidence"]
        assert set(item) <= {"arabic", "latin", "score", "evidence", "similarity"} | {
            "rival",
            "rival_score",
        }
        assert item["score"] < item["similarity"]


def test_report_shows_both_candidates() -> None:
    from citenorm.report import render_report

    result = _four()
    html = render_report(result, findings=audit(result))
    by_id = {e.id: e for e in result.document.entries}
    for p in result.pairs:
        assert p.rival is not None
        assert f'href="#rec-{p.rival}"' in html
        assert by_id[p.rival].text[:40] in html  # the other candidate's text, inline
    assert "decided by: nothing" in html


# --- the solver's margin ------------------------------------------------------------------


def test_a_tie_has_no_margin_and_half_the_confidence() -> None:
    w = pair_weight(99.7)
    result = solve({(0, 0): w, (0, 1): w, (1, 0): w, (1, 1): w})
    for pair in result.pairs:
        assert result.margin(pair) == pytest.approx(0.0, abs=1e-9)
        assert result.local_margin(pair) == pytest.approx(0.0, abs=1e-9)
    assert confidence(99.7, 0.0) == pytest.approx(49.85)


def test_a_pair_nothing_competes_with_keeps_its_similarity() -> None:
    result = solve({(0, 0): pair_weight(80.0), (1, 1): pair_weight(99.0)})
    for pair, s in (((0, 0), 80.0), ((1, 1), 99.0)):
        m = result.margin(pair)
        assert m == pytest.approx(pair_weight(s))  # the whole weight: left unpaired
        assert confidence(s, m) == pytest.approx(s, abs=1e-3)


def test_a_weaker_rival_lowers_confidence_by_the_odds() -> None:
    # a takes b (99) or b' (90), b' free: the margin is the log-odds between them
    result = solve({(0, 0): pair_weight(99.0), (0, 1): pair_weight(90.0)})
    m = result.margin((0, 0))
    assert m == pytest.approx(math.log(99 / 1) - math.log(90 / 10))
    assert 90 < confidence(99.0, m) < 99.0
    assert result.rival((0, 0)) == (0, 1)


@pytest.mark.parametrize("seed", range(30))
def test_local_margin_bounds_the_exact_one(seed: int) -> None:
    rng = random.Random(seed)
    n, m = rng.randint(2, 6), rng.randint(2, 6)
    weights = {
        (i, j): pair_weight(rng.choice([60.0, 75.0, 90.0, 99.0, 99.7]))
        for i in range(n)
        for j in range(m)
        if rng.random() < 0.6
    }
    if not weights:
        return
    result = Assignment(weights)
    for pair in result.pairs:
        exact = result.margin(pair)
        local = result.local_margin(pair)
        assert exact <= local + 1e-9  # the exchanges are feasible: never below the best
        assert 0.0 <= exact <= weights[pair] + 1e-9


def test_large_components_use_the_exchanges_and_still_see_the_tie(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from citenorm.matching import assign as assign_module

    exact = {(p.arabic, p.latin): p.score for p in _four().pairs}
    # every component "large": the margin comes from the exchanges around each pair
    monkeypatch.setattr(assign_module, "EXACT_MARGIN_EDGES", 0)
    local = _four()
    for p in local.pairs:
        assert p.score < 70
        assert p.score >= exact[(p.arabic, p.latin)] - 1e-6  # an upper bound of the margin


def test_match_text_names_the_other_candidate() -> None:
    from citenorm.output.text import match_text

    result = _four()
    text = match_text(result)
    assert text.count("other candidate: ") == 4
    seed = citenorm.match(citenorm.extract_file(SEED))
    assert "other candidate" not in match_text(seed)  # no near tie there
