"""Common patterns that used to give false findings (issue 18), each a fixture in
``tests/fixtures/audit/no-finding/`` that yields no finding at all: the causes are fixed
in extraction and matching, so the records say why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import citenorm
from citenorm.auditing import audit
from citenorm.text.normalize import fold_any

NO_FINDING = Path(__file__).parent / "fixtures" / "audit" / "no-finding"
FIXTURES = sorted(NO_FINDING.iterdir())


def _result(name: str) -> citenorm.MatchResult:
    return citenorm.match(citenorm.extract_file(NO_FINDING / name))


def test_there_are_fixtures() -> None:
    assert {p.name for p in FIXTURES} >= {
        "narrative-et-al.txt",
        "see-et-al.txt",
        "acrps-repeated-foreign-works.md",
    }


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_no_finding(path: Path) -> None:
    result = citenorm.match(citenorm.extract_file(path))
    assert audit(result) == []
    assert audit(result, select=["ALL"]) == []  # the opt-in rules too


@pytest.mark.parametrize("name", ["narrative-et-al.txt", "see-et-al.txt"])
def test_author_date_citations_with_et_al_link_to_their_entry(name: str) -> None:
    # "دراسة عبد الله وآخرين (٢٠٢١)", "(انظر: الغامدي وآخرون، ٢٠٢٠)": the compound name
    # and the lead-in word stay apart from the author, the plural "وآخرين" is et al.
    result = _result(name)
    doc = result.document
    assert len(doc.in_text) == 3
    linked = {c.in_text: c.entry for c in result.citations}
    assert set(linked) == {c.id for c in doc.in_text}
    for c in doc.in_text:
        entry = doc.entry(linked[c.id])
        family = entry.fields.author[0].family
        assert family and fold_any(family) in fold_any(c.text), (c.text, entry.text)
        assert entry.fields.issued is not None
        assert c.year[:4] == str(entry.fields.issued.year)  # "2019 م": the year as printed


def test_compound_name_and_et_al_in_a_narrative_citation() -> None:
    doc = _result("narrative-et-al.txt").document
    assert [(c.text, c.author) for c in doc.in_text] == [
        ("عبد الله وآخرين (٢٠٢١)", "عبد الله وآخرين"),
        ("أبو زيد وآخرين (٢٠١٩ م)", "أبو زيد وآخرين"),
        ("الحربي (٢٠١٨)", "الحربي"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "وقد أحصت الوزارة المدارس (مايو 2020) ثم أعادت الإحصاء (عام 2021).",
        "وذلك في القرن التاسع عشر (1850 تقريبا) وما بعده (حتى 1900).",
    ],
)
def test_a_word_before_a_year_without_comma_is_no_citation(body: str) -> None:
    # only an et-al word may stand before the year without a comma
    doc = citenorm.extract(f"عنوان\n\n{body}\n")
    assert doc.in_text == []


def test_see_lead_in_is_not_part_of_the_citation() -> None:
    doc = _result("see-et-al.txt").document
    assert [c.author for c in doc.in_text] == ["الغامدي وآخرون", "العمري وآخرون", "القرني"]
    # the printed citation (and its column, where the audit points) starts at the author
    # "انظر:", "ينظر مثلاً:" and "راجع،" lead in; "وآخرون ٢٠١٩" needs no comma; "٢٠١٧ م"
    # prints the era apart
    assert [c.text for c in doc.in_text] == [
        "الغامدي وآخرون، ٢٠٢٠",
        "العمري وآخرون ٢٠١٩، ص ١٢",
        "القرني، ٢٠١٧ م",
    ]
    for c in doc.in_text:
        assert doc.lines[c.line - 1][c.column - 1 :].startswith(c.text)


def test_foreign_works_repeated_in_the_romanized_list_are_one_work_each() -> None:
    result = _result("acrps-repeated-foreign-works.md")
    doc = result.document
    by_id = {e.id: e for e in doc.entries}
    # the References list repeats the two works of the الأجنبية section
    assert len(result.repeats) == 2
    for r in result.repeats:
        original, copy = by_id[r.original], by_id[r.romanized]
        assert (original.list, original.script) == ("original", "latin")
        assert copy.list == "romanized"
        assert copy.text == original.text
    # not romanizations without an Arabic entry; the Arabic works still pair
    assert result.unpaired_latin == []
    assert result.unpaired_arabic == []
    assert len(result.pairs) == 2
    # a footnote citing a foreign work (in full or short form) cites both copies
    repeated = {r.original: r.romanized for r in result.repeats}
    cited: dict[str, set[str]] = {}
    for c in result.citations:
        cited.setdefault(c.footnote or "", set()).add(c.entry)
    foreign_notes = [
        f for f in doc.footnotes if not any("\u0600" <= ch <= "\u06ff" for ch in f.text)
    ]
    assert len(foreign_notes) == 3
    for note in foreign_notes:
        (original,) = cited[note.id] & set(repeated)
        assert cited[note.id] == {original, repeated[original]}
    # exported once each: two Arabic works and two foreign works
    assert citenorm.to_bibtex(result).count("\n@") + 1 == 4
    assert len(citenorm.to_csl_json(result)) == 4


def test_repeats_are_in_the_match_json() -> None:
    from citenorm.output.json import match_json

    result = _result("acrps-repeated-foreign-works.md")
    out = match_json(result)
    assert out["repeats"] == [
        {"original": r.original, "romanized": r.romanized, "score": r.score} for r in result.repeats
    ]
    schema = Path(citenorm.__file__).parent / "schemas" / "match.schema.json"
    import jsonschema

    jsonschema.validate(out, json.loads(schema.read_text(encoding="utf-8")))
    # an article without repeats has no such key (an optional key of contract 1.1)
    assert "repeats" not in match_json(_result("see-et-al.txt"))


def test_one_authors_two_books_of_one_year_are_not_repeats() -> None:
    text = (NO_FINDING / "acrps-repeated-foreign-works.md").read_text(encoding="utf-8")
    other = "Nye, Joseph S. The Paradox of American Power. New York: Oxford University Press, 2004."
    # the References list prints another book of Nye's, of the same year, instead of the
    # one in the الأجنبية section: it is no repeat, and is reported
    changed = text.replace(
        "\nNye, Joseph S. Soft Power: The Means to Success in World Politics. New York: "
        "PublicAffairs, 2004.\nal-Shammarī",
        f"\n{other}\nal-Shammarī",
    )
    assert changed != text
    result = citenorm.match(citenorm.extract(changed))
    assert [result.document.entry(r.original).text[:4] for r in result.repeats] == ["Kurl"]
    codes = {f.code for f in audit(result)}
    assert "CN302" in codes
