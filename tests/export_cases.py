"""Hand-made sources for the export tests (tests/test_export.py, tests/test_consumers.py):
the dates the fixtures lack — a Hijri-only year, a Hijri year beside a Gregorian one, a
range of years, and a range printed in reverse — and a Hijri-only work in a pair."""

from __future__ import annotations

from citenorm.export.dates import ExportDate
from citenorm.models import Date, Document, Entry, Fields, MatchResult, Name, Pair


def entry(eid: str, script: str, line: int, fields: Fields, lst: str = "original") -> Entry:
    """An entry holding ``fields``, its text its title."""
    return Entry(
        id=eid,
        list=lst,  # type: ignore[arg-type]
        script=script,  # type: ignore[arg-type]
        section=None,
        number=None,
        text=fields.title or "",
        line=line,
        raw=fields.title or "",
        fields=fields,
    )


#: name -> (script, the entry's fields, the date every format must keep)
DATE_CASES: dict[str, tuple[str, Fields, ExportDate]] = {
    # printed ``1334هـ``: no Gregorian year is printed
    "hijri-only": (
        "arabic",
        Fields(
            type="book",
            author=[Name(family="الحلبي", given="محمد")],
            title="رسالة في التقويم",
            issued=Date(literal="1334هـ"),
            hijri=1334,
        ),
        ExportDate(hijri=1334, approximate=(1915, 1916)),
    ),
    # printed ``1344هـ/1925م``
    "hijri-and-gregorian": (
        "arabic",
        Fields(
            type="book",
            author=[Name(family="البصري", given="علي")],
            title="كتاب التقويمين",
            issued=Date(date_parts=[[1925]]),
            hijri=1344,
        ),
        ExportDate(years=(1925,), hijri=1344),
    ),
    # printed ``2014-2023``
    "range": (
        "latin",
        Fields(
            type="article-journal",
            author=[Name(family="Haddad", given="Rana")],
            title="Ten years of a journal",
            container_title="Journal of Arabic Letters",
            issued=Date(date_parts=[[2014], [2023]]),
        ),
        ExportDate(years=(2014, 2023)),
    ),
    # printed ``٢٠٢٣-٢٠١٤``, as the text of an Arabic PDF gives a range: the same range
    "range-reversed": (
        "arabic",
        Fields(
            type="book",
            author=[Name(family="الموصلي", given="سعاد")],
            title="عشر سنوات من الكتابة",
            issued=Date(date_parts=[[2023], [2014]]),
        ),
        ExportDate(years=(2014, 2023)),
    ),
}

#: The Hijri-only work as a pair: the romanized record takes its Arabic original's year.
PAIRED_HIJRI_ONLY = ExportDate(hijri=1334, approximate=(1915, 1916))


def dates_result() -> MatchResult:
    """The :data:`DATE_CASES` entries, then a pair whose Arabic side has a Hijri-only year."""
    entries = [
        entry(f"e{i}", script, i + 1, fields)
        for i, (script, fields, _) in enumerate(DATE_CASES.values())
    ]
    arabic = entry(
        "pa",
        "arabic",
        20,
        Fields(
            type="book",
            author=[Name(family="الحلبي", given="محمد")],
            title="تاريخ حلب",
            issued=Date(literal="1334 هـ"),
            hijri=1334,
        ),
    )
    latin = entry(
        "pl",
        "latin",
        30,
        Fields(
            type="book", author=[Name(family="al-Ḥalabī", given="Muḥammad")], title="Tārīkh Ḥalab"
        ),
        "romanized",
    )
    return MatchResult(
        document=Document(entries=[*entries, arabic, latin]),
        pairs=[Pair(arabic="pa", latin="pl", score=90)],
    )
