"""Tests for citenorm.text.lexicon: places, publisher/journal/corporate/site words, given names,
bilingual terms, and their coverage on real catalogue records (tests/data/aco-places.json,
copied from the ACO development sample)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citenorm.text import lexicon as lx
from citenorm.text.lexicon import (
    BILINGUAL_TERMS,
    CORPORATE_WORDS,
    GIVEN_NAMES,
    JOURNAL_WORDS,
    PLACES,
    PUBLISHER_WORDS,
    SITE_WORDS,
    UNKNOWN_PLACE,
    has_corporate_word,
    has_journal_word,
    has_publisher_word,
    has_site_word,
    is_given_name,
    is_place,
    place_key,
    term_keys,
)

ACO = Path(__file__).parent / "data" / "aco-places.json"


@pytest.fixture(scope="module")
def aco() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads(ACO.read_text(encoding="utf-8"))
    return data


# --- places -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (["بغداد", "Baghdād", "Baghdad", "[Baghdād] :", "بغداد،"], "Baghdad"),
        (["القاهرة", "al-Qāhirah", "Cairo", "al-Qahirah", "El-Qahira", "[القاهرة؟] :"], "Cairo"),
        (["مصر", "Miṣr", "Misr", "Egypt", "[مصر] :", "[Miṣr? :"], "Egypt"),
        (["بيروت", "Bayrūt", "Beirut", "Beyrouth", "بيروت، لبنان :"], "Beirut"),
        (["دمشق", "Dimashq", "Damascus", "Damas"], "Damascus"),
        (["النجف الأشرف", "al-Najaf al-Ashraf", "النجف", "نجف", "Najaf"], "Najaf"),
        (["طهران", "تهران", "Ṭihrān", "Tehran", "Teheran"], "Tehran"),
        (["قم", "Qum", "Qom", "قم المشرفة"], "Qom"),
        (["القدس", "al-Quds", "Jerusalem"], "Jerusalem"),
        (["أبو ظبي", "ابوظبي", "Abu Dhabi", "Abū Ẓaby"], "Abu Dhabi"),
        (["الدار البيضاء", "Casablanca", "al-Dār al-Bayḍāʼ"], "Casablanca"),
        (["New York", "نيويورك", "New York, NY"], "New York"),
        (["لبنان", "Lubnān", "Lebanon"], "Lebanon"),
        (["العراق", "al-ʻIrāq", "Iraq"], "Iraq"),
        (["سوريا", "سورية", "Sūriyā", "Sūrīyah", "Syria"], "Syria"),
        (["الأردن", "الاردن", "al-Urdun", "Urdun", "Jordan"], "Jordan"),
        (["الجزائر", "al-Jazāʼir", "Algeria", "Algiers"], "Algeria"),
        (["استانبول", "اسطنبول", "الآستانة", "Istanbul", "Constantinople"], "Istanbul"),
        (["ايران", "إيران", "Īrān", "Iran"], "Iran"),
        (["Leiden", "ليدن", "Leyde"], "Leiden"),
    ],
)
def test_place_variants_share_key(variants: list[str], key: str) -> None:
    assert {place_key(v) for v in variants} == {key}


def test_place_statements_of_several_places() -> None:
    assert place_key("London and New York") == "London"
    assert place_key("Cambridge, MA") == "Cambridge"
    assert place_key("Thousand Oaks, CA") == "Thousand Oaks"
    assert place_key("طهران، الجمهورية الاسلامية في ايران :") == "Tehran"
    assert place_key("Dār al-Khilāfah al-ʻAlīyah [Istanbul] :") == "Istanbul"


def test_sine_loco_markers() -> None:
    for marker in ("[S.l.] :", "[د.م.]", "د. م", "n.p.", "[Place of publication not identified] :"):
        assert place_key(marker) == UNKNOWN_PLACE, marker


@pytest.mark.parametrize(
    "text",
    [
        "عمر الخيام",
        "خليل",  # a given name, though الخليل is Hebron
        "رياض",
        "Khalil",
        "فارس",
        "",
        "مكتبة بيروت",
        "تاريخ بغداد",
        "Baghdad University Press",
        "دار المعارف",
    ],
)
def test_not_places(text: str) -> None:
    assert not is_place(text)


def test_places_size() -> None:
    assert len(set(PLACES.values())) >= 250


# --- words ------------------------------------------------------------------------------


def test_publisher_words() -> None:
    assert not has_publisher_word("مدارس")
    assert has_publisher_word("Jāmiʻat Baghdād")
    for text in (
        "مطبعة المعارف",
        "المطبعة الحيدرية",
        "Maṭbaʻat al-Maʻārif",
        "Matbaat al-Maarif",
        "al-Maṭbaʻah al-Ḥaydarīyah",
        "Matbaah al-Haydariyah",
        "دار الفكر",
        "Dār al-Fikr",
        "Dar al-Fikr",
        "Oxford University Press",
        "انتشارات ناصر خسرو",
        "Intishārāt-i Nāṣir Khusraw",
        "[د.ن]",
        "[s.n.]",
    ):
        assert has_publisher_word(text), text
    for text in ("الطبعة الأولى", "مدارس النجف", "Jones, S. N.", "تاريخ العراق"):
        assert not has_publisher_word(text), text


def test_journal_corporate_site_words() -> None:
    assert has_journal_word("مجلة المستقبل العربي")
    assert has_journal_word("Majallat al-Mustaqbal al-ʻArabī")
    assert has_journal_word("Journal of Arabic Literature")
    assert not has_journal_word("كتاب الأغاني")
    assert has_corporate_word("وحدة الدراسات")
    assert has_corporate_word("Ministry of Planning")
    assert not has_corporate_word("محمد علي")
    assert has_site_word("موقع الجزيرة نت")
    # "location of" is a machine translation of موقع in one article, not vocabulary
    assert not has_site_word("location of Al Jazeera Net")
    assert has_site_word("web site of the ministry")
    assert not has_site_word("الموقعة")


def test_whole_word_only() -> None:
    assert "دار" in " ".join(PUBLISHER_WORDS)
    assert not has_publisher_word("مدارس")
    assert not has_publisher_word("Darwin")
    assert not has_journal_word("مجلس")


# --- given names ------------------------------------------------------------------------


def test_given_names() -> None:
    for name in (
        "محمد",
        "وليد",
        "وائل",
        "وفاء",
        "وحيد",
        "وهبة",
        "عبد الله",
        "عبدالله",
        "عبد الحسين",
    ):
        assert is_given_name(name), name
    assert not is_given_name("ومحمد")
    assert not is_given_name("بسيوني")
    assert len(GIVEN_NAMES) >= 400


# --- bilingual terms --------------------------------------------------------------------


def test_term_keys_across_scripts() -> None:
    ar = term_keys("مركز الإمارات للدراسات")
    en = term_keys("Emirates Center for studies")
    assert {"center", "studies"} <= ar & en
    assert term_keys("Markaz al-Imārāt lil-Dirāsāt") == ar
    pol = term_keys("مجلة العلوم السياسية")
    assert (
        pol
        == term_keys("Journal of Political Science")
        == term_keys("Majallat al-Ulum al-Siyasiyah")
    )
    assert {"journal", "science", "political"} == pol
    assert "Middle East" in term_keys("مركز دراسات الشرق الأوسط")
    assert "Middle East" in term_keys("Center for Middle East Studies")
    assert term_keys("جامعة بغداد") >= {"university"}
    assert term_keys("مطبعة") == term_keys("Maṭbaʻat") == term_keys("Press") == {"press"}
    assert term_keys("للبحوث والدراسات الاستراتيجية") == {"research", "studies", "strategic"}
    assert term_keys("") == frozenset()


def test_term_table_size() -> None:
    assert len(set(BILINGUAL_TERMS.values())) >= 150
    assert len(JOURNAL_WORDS) > 20
    assert len(CORPORATE_WORDS) > 50
    assert len(SITE_WORDS) > 5


def test_all_exports_exist() -> None:
    for name in lx.__all__:
        assert hasattr(lx, name), name


# --- coverage on real catalogue records ---------------------------------------------------


@pytest.mark.parametrize("field", ["place_arabic", "place_romanized"])
def test_place_coverage(aco: dict[str, list[str]], field: str) -> None:
    values = aco[field]
    hits = sum(is_place(v) for v in values)
    assert hits / len(values) >= 0.95


@pytest.mark.parametrize("field", ["publisher_arabic", "publisher_romanized"])
def test_publisher_coverage(aco: dict[str, list[str]], field: str) -> None:
    values = aco[field]
    hits = sum(has_publisher_word(v) for v in values)
    assert hits / len(values) >= 0.80


@pytest.mark.parametrize("field", ["title_arabic", "title_romanized"])
def test_titles_are_not_places(aco: dict[str, list[str]], field: str) -> None:
    values = aco[field]
    false_positives = [v for v in values if is_place(v)]
    assert len(false_positives) / len(values) < 0.01, false_positives


# --- the data: package data in one format ----------------------------------------------


def test_every_table_is_read_from_the_installed_package() -> None:
    from importlib import resources

    data = resources.files("citenorm.text.lexicon") / "data"
    shipped = sorted(p.name for p in data.iterdir() if p.name.endswith(".tsv"))
    assert shipped == sorted(f"{name}.tsv" for name in lx.TABLES)  # no table left out
    for name, columns in lx.TABLES.items():
        rows = lx.read_table(name)
        assert len(rows) >= 10, name
        assert all(len(row) == len(columns) for row in rows)


def test_a_key_is_a_form_of_its_own() -> None:
    # "Cairo" is a form of Cairo although the file lists it as the key only
    assert place_key("Cairo") == "Cairo"
    assert lx._build._keyed("places")["Cairo"][0] == "Cairo"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("# comment\nkey\tform\nCairo\tالقاهرة\nCairo\t\n", "t.tsv:4: expected 2 non-empty cells"),
        ("key\tform\nCairo\tالقاهرة\tal-Qāhirah\n", "t.tsv:2: expected 2 non-empty cells"),
        ("key\tform\nCairo\t القاهرة\n", "t.tsv:2: expected 2 non-empty cells"),
        ("form\nCairo\n", "t.tsv:1: columns ('form',), expected ('key', 'form')"),
    ],
)
def test_a_malformed_table_names_its_file_and_line(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        lx.parse_table(text, ("key", "form"), name="t.tsv")


def test_comments_and_blank_lines_are_no_rows() -> None:
    text = "# what it holds\n#\nform\n\nمطبعة\n# a note\nPress\n"
    assert lx.parse_table(text, ("form",), name="t.tsv") == [("مطبعة",), ("Press",)]


def test_first_words_belong_to_the_lexicon_asked_about() -> None:
    # the first-word table was cached by id(): a new lexicon at a freed one's address
    # was answered with the old table and found nothing
    from citenorm.text import lexicon as L

    for _ in range(200):
        # (lexicon keys are folded: no article, ة as ه)
        old = frozenset({"دار فكر عربي"})
        assert L.ngram_hits("نشر دار الفكر العربي", old) == ["دار فكر عربي"]
        del old
        new = frozenset({"مكتبه نهضه"})
        assert L.ngram_hits("مكتبة النهضة المصرية", new) == ["مكتبه نهضه"]


# --- the precomputed folded tables (data/folded.json) -------------------------------------


def test_the_shipped_folded_tables_are_a_fresh_build() -> None:
    """data/folded.json holds what the .tsv files and today's folds give, in the same
    order; after a change to either, `python -m citenorm.text.lexicon --build`."""
    shipped = lx._read_folded()
    assert shipped is not None, (
        "data/folded.json is missing: python -m citenorm.text.lexicon --build"
    )
    built = lx.build_folded()
    assert shipped["checksum"] == built["checksum"] == lx._checksum()
    for name, table in built.items():
        assert shipped[name] == table, f"folded.json's {name!r} is stale: rebuild it"
        if isinstance(table, dict):
            assert list(shipped[name].items()) == list(table.items()), name
    assert lx._places() == built["places"] and lx._terms() == built["terms"]
    assert lx._given_names() == frozenset(built["given-names"])
    assert len(lx._places()) >= 1500 and len(lx._terms()) >= 1000


def test_folded_tables_of_other_tsv_files_are_built_from_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shipped = lx._read_folded()
    assert shipped is not None
    tampered = {**shipped, "places": {"بغداد": "Nowhere"}}
    monkeypatch.setattr(lx, "_read_folded", lambda: tampered)
    assert lx._folded.__wrapped__()["places"] == {"بغداد": "Nowhere"}  # read when current
    monkeypatch.setattr(lx, "_read_folded", lambda: {**tampered, "checksum": "00000000"})
    rebuilt = lx._folded.__wrapped__()
    assert rebuilt["places"] == lx.build_folded()["places"]  # stale: built from the .tsv
    monkeypatch.setattr(lx, "_read_folded", lambda: None)
    assert lx._folded.__wrapped__()["terms"] == lx.build_folded()["terms"]  # missing


def test_the_lexicon_module_runs() -> None:
    import subprocess
    import sys

    run = [sys.executable, "-m", "citenorm.text.lexicon"]
    out = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert f"PLACES (places): {len(set(lx._places().values()))}\n" in out
    bad = subprocess.run([*run, "--nonsense"], capture_output=True, text=True, check=False)
    assert bad.returncode == 1 and "usage: python -m citenorm.text.lexicon" in bad.stderr
