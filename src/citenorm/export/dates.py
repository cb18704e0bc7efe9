"""Publication dates for export: the Gregorian year(s), the Hijri year, and the range of
Gregorian years a Hijri year falls in.

A record's ``issued`` holds the Gregorian year (or a range of years), ``hijri`` a printed
Hijri year. Each format keeps both where it can (``docs/exports.md`` has the table); a
Hijri-only work gets the Gregorian years its Hijri year overlaps only where the format
can mark a date as approximate (CSL ``circa``, biblatex EDTF ``~``), never as a plain
year that a reference manager would read as a certain CE year.

The conversion uses the tabular (arithmetical) Islamic calendar, which can differ from
an observed calendar by a day or two: at year granularity this only matters for a Hijri
year that starts or ends within two days of 1 January, and the result is marked
approximate anyway.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from citenorm.models import Fields

__all__ = ["ExportDate", "export_date", "hijri_year_span"]

# Julian day of 1 Muharram 1 AH (16 July 622, Julian calendar), civil epoch.
_ISLAMIC_EPOCH = 1948439.5
# Julian day at the start of 1 January 1 CE (proleptic Gregorian), ordinal 1.
_ORDINAL_EPOCH = 1721424.5


def _first_day(hijri: int) -> datetime.date:
    """1 Muharram of ``hijri`` in the proleptic Gregorian calendar (tabular calendar)."""
    jd = 1 + (hijri - 1) * 354 + math.floor((3 + 11 * hijri) / 30) + _ISLAMIC_EPOCH - 1
    return datetime.date.fromordinal(int(jd - _ORDINAL_EPOCH))


def hijri_year_span(hijri: int) -> tuple[int, int]:
    """The first and last Gregorian years that Hijri year ``hijri`` overlaps.

    >>> hijri_year_span(1334)
    (1915, 1916)
    >>> hijri_year_span(1429)
    (2008, 2008)
    """
    if not 1 <= hijri <= 9000:
        raise ValueError(f"Hijri year out of range: {hijri}")
    start = _first_day(hijri)
    end = _first_day(hijri + 1) - datetime.timedelta(days=1)
    return start.year, end.year


@dataclass(frozen=True)
class ExportDate:
    """What every format needs to know about a record's date.

    ``years``: the Gregorian year, or the two ends of a printed range in ascending order;
    empty when no Gregorian year is printed. ``hijri``: the printed Hijri year.
    ``approximate``: for a Hijri-only work, the Gregorian years its Hijri year overlaps.
    """

    years: tuple[int, ...] = ()
    hijri: int | None = None
    approximate: tuple[int, ...] = ()

    @property
    def hijri_note(self) -> str | None:
        """``1334 AH``: how the Hijri year is written in notes."""
        return f"{self.hijri} AH" if self.hijri is not None else None


def export_date(fields: Fields, original: Fields | None = None) -> ExportDate:
    """The :class:`ExportDate` of a record (the counterpart fills in a missing year)."""
    years: tuple[int, ...] = ()
    for source in (fields, original):
        if source is None or source.issued is None or not source.issued.date_parts:
            continue
        found = sorted({parts[0] for parts in source.issued.date_parts[:2] if parts})
        if found:
            years = tuple(found)
            break
    hijri = fields.hijri if fields.hijri is not None else (original.hijri if original else None)
    approximate: tuple[int, ...] = ()
    if not years and hijri is not None and 1 <= hijri <= 9000:
        first, last = hijri_year_span(hijri)
        approximate = (first,) if first == last else (first, last)
    return ExportDate(years=years, hijri=hijri, approximate=approximate)
