"""Citation keys: name + year + title word, Arabic script through the romanizer, unique
case-insensitively, the same on every run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

import citenorm
from citenorm.export import records
from citenorm.export.keys import assign_keys, key_base, key_words
from citenorm.models import Date, Fields, MatchResult, Name
from citenorm.text.normalize import fold_latin
from citenorm.text.romanize import romanize
from conftest import DEV, DEV_NAMES, SEED
from export_cases import DATE_CASES, dates_result

ACO_SAMPLE = Path(__file__).parent / "data" / "aco-sample.jsonl"
KEY = re.compile(r"[a-z]+(?:[0-9]+h?|nd)[a-z]*")


@cache
def _result(path: Path) -> MatchResult:
    return citenorm.match(citenorm.extract(path.read_text(encoding="utf-8")))


def _year(y: int) -> Date:
    return Date(date_parts=[[y]])


def test_seed_keys_are_name_year_and_title_word() -> None:
    keys = [r.key for r in records(_result(SEED))]
    assert all(KEY.fullmatch(k) for k in keys), keys
    assert len({k.lower() for k in keys}) == len(keys)
    # the romanized side of a pair gives the article's own spelling and title
    assert "anbari2017russian" in keys  # al-Anbari, "Russian - Chinese rapprochement"
    assert "abdulhussein2021study" in keys  # "a study in the new polarity"
    assert "aburaad2022impact" in keys  # "the impact of strategic rapprochement"
    assert "china2021sino" in keys  # corporate author "China Studies Unit"
    assert "chinas2024position" not in keys and "china2024position" in keys  # possessive
    assert "reutersndputin" in keys  # no year


def test_key_parts() -> None:
    anbari = Fields(
        author=[Name(family="al-Anbari", given="Ahmed")],
        title="Russian - Chinese rapprochement",
        issued=_year(2017),
    )
    arabic = Fields(
        author=[Name(family="الأنباري", given="احمد")],
        title="التقارب الروسي الصيني",
        issued=_year(2017),
    )
    assert key_base([anbari, arabic]) == "anbari2017russian"  # romanized side first
    # Arabic alone: the romanizer's ALA-LC, folded (al-Anbārī; al-Taqārub, the first word)
    first = romanize("التقارب الروسي الصيني", field="title").latin.split()[0]
    word = re.sub("[^a-z]", "", fold_latin(first.removeprefix("al-")))
    assert word.startswith("taq")
    assert key_base([arabic]) == f"anbari2017{word}"
    assert key_base([Fields(author=[Name(family="El-Sayed")], title="On Cairo")]) == (
        "sayedndcairo"
    )
    assert key_base([Fields(author=[Name(family="Al Hosani")])]) == "hosanind"
    assert key_base([Fields(author=[Name(family="Alaoui")])]) == "alaouind"
    assert key_base([Fields(author=[Name(family="Ḥusayn ʿAlī")])]) == "husaynalind"
    assert key_base([Fields(author=[Name(family="Łukasiewicz")], title="Straße")]) == (
        "lukasiewiczndstrasse"
    )
    assert key_base([Fields(author=[Name(given="Plato")], title="The Republic")]) == (
        "platondrepublic"
    )
    # title words skip function words in several languages and romanized clitics
    assert key_words("L'histoire de la Tunisie") == ["histoire"]
    assert key_words("Fī al-adab wa-al-naqd", count=2) == ["adab", "naqd"]
    assert key_words("The Nile and its people", count=2) == ["nile", "people"]
    assert key_words("2014 – 2023: of the") == []


def test_keys_without_author_or_year() -> None:
    # no author: the title's first significant word is the name, its next the title word
    assert key_base([Fields(title="The Nile and its people", issued=_year(2001))]) == (
        "nile2001people"
    )
    assert key_base([Fields(title="The Nile")]) == "nilend"
    # a corporate author gives its first significant word
    body = Fields(author=[Name(literal="Ministry of Culture")], title="Annual report")
    assert key_base([body]) == "ministryndannual"
    arabic_body = Fields(author=[Name(literal="وزارة الثقافة")], title="التقرير السنوي")
    name = fold_latin(romanize("وزارة الثقافة", field="publisher").latin).split()[0]
    assert name.startswith("wizar")  # Wizārat al-Thaqāfah
    assert key_base([arabic_body]).startswith(name + "nd")
    # no author, no title: the site of the URL, else the entry as printed
    assert key_base([Fields(URL="https://www.bbc.co.uk/news/1")]) == "bbcnd"
    assert key_base([Fields(URL="ar.wikipedia.org/wiki", issued=_year(2020))]) == "wikipedia2020"
    printed = "إخوان الصفا، رسائل إخوان الصفا وخلان الوفا، دار صادر، بيروت، (د.ت)."
    words = key_words(printed, count=2)
    assert len(words) == 2 and words[0].startswith("ikhw")  # Ikhwān al-Ṣafā
    assert key_base([Fields(publisher="دار صادر")], text=printed) == f"{words[0]}nd{words[1]}"
    assert key_base([Fields()]) == "anonnd"
    assert key_base([Fields(title="of the")], text="") == "anonnd"


def test_key_years() -> None:
    hijri_only = DATE_CASES["hijri-only"][1]  # 1334 AH, no Gregorian year printed
    base = key_base([hijri_only])
    assert re.fullmatch(r"[a-z]+1334h[a-z]+", base), base
    assert "1915" not in base and "1916" not in base  # never a Gregorian-looking year
    both = DATE_CASES["hijri-and-gregorian"][1]  # 1344 AH / 1925
    assert re.fullmatch(r"[a-z]+1925[a-z]+", key_base([both]))
    reversed_range = DATE_CASES["range-reversed"][1]  # printed 2023-2014
    assert re.fullmatch(r"[a-z]+2014[a-z]+", key_base([reversed_range]))
    # the romanized side's year first, then the Arabic side's
    assert key_base([Fields(title="Kitab"), Fields(title="كتاب", issued=_year(1990))]) == (
        "kitab1990"
    )


def test_arabic_key_parts_are_the_romanizers() -> None:
    """One owner of transliteration: an Arabic family name's key part is the romanizer's
    ALA-LC form, article dropped, folded to ASCII letters (catalogue names of aco-dev)."""
    checked = 0
    for line in ACO_SAMPLE.read_text(encoding="utf-8").splitlines()[:40]:
        rec = json.loads(line)
        family = (rec.get("author_arabic") or "").split("،")[0].strip(" .,/:")
        if not family or re.search("[0-9]", family):
            continue
        latin = romanize(family, field="name").latin
        expected = re.sub(r"[^a-z]", "", fold_latin(re.sub(r"^al-", "", latin)))
        assert key_base([Fields(author=[Name(family=family)])]) == (expected or "anon") + "nd"
        checked += 1
    assert checked >= 20


def test_assign_keys_suffixes() -> None:
    assert assign_keys(["anbari2017", "Anbari2017", "anbari2017a", "x"]) == [
        "anbari2017",
        "anbari2017b",
        "anbari2017a",
        "x",
    ]
    assert assign_keys(["a"] * 28)[-2:] == ["az", "aaa"]


@pytest.mark.parametrize("name", DEV_NAMES)
def test_fixture_keys_are_ascii_unique_and_independent_of_the_options(name: str) -> None:
    result = _result(DEV / f"{name}.txt")
    latin = [r.key for r in records(result)]
    assert all(KEY.fullmatch(k) for k in latin), latin
    assert len({k.lower() for k in latin}) == len(latin)
    assert latin == [r.key for r in records(result, script="arabic")]
    assert latin == [r.key for r in records(result, propose=True)]


def test_arabic_only_sources_get_romanized_keys() -> None:
    result = dates_result()
    recs = {r.fields.title: r for r in records(result)}
    rec = recs["رسالة في التقويم"]  # محمد الحلبي, 1334 AH, alone in Arabic script
    latin = romanize("الحلبي", field="name").latin  # al-Ḥalabī
    family = re.sub(r"[^a-z]", "", fold_latin(re.sub(r"^al-", "", latin)))
    assert family and rec.key.startswith(family + "1334h")
    # the pair by the same author in the same year is told apart by its title word
    pair = recs["Tārīkh Ḥalab"]
    assert pair.key.startswith(family + "1334h") and pair.key != rec.key


_KEYS_SCRIPT = """
import json, sys
import citenorm
from citenorm.export import records
for path in sys.argv[1:]:
    result = citenorm.match(citenorm.extract(open(path, encoding="utf-8").read()))
    print(json.dumps([r.key for r in records(result)]))
"""


def test_keys_do_not_depend_on_the_hash_seed() -> None:
    """Stable across runs: the same keys in two interpreters with different string hashes
    (set and dict orders differ between them)."""
    paths = [str(SEED), str(DEV / "iraqi-alalc.txt"), str(DEV / "apa-alalc.txt")]
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _KEYS_SCRIPT, *paths],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outs.append(run.stdout)
    assert outs[0] == outs[1]
    assert len(outs[0].splitlines()) == 3


def test_a_romanized_source_never_loads_the_romanizer() -> None:
    """The cold path: keys of sources with a romanized side do not read the romanizer's
    tables (the seed pairs every Arabic entry)."""
    code = (
        "import citenorm\n"
        "from citenorm.export import to_bibtex\n"
        "from citenorm.text.romanize import _model\n"
        f"r = citenorm.match(citenorm.extract(open({str(SEED)!r}, encoding='utf-8').read()))\n"
        "assert not r.unpaired_arabic, r.unpaired_arabic\n"
        "to_bibtex(r)\n"
        "print(_model._tables.cache_info().currsize)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "0"
