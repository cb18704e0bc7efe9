"""Repairs of values that ran on past their end: a date after a publisher or a place,
... Each takes a value (or the fields) and gives back what belongs to the field;
:func:`~.values.build_fields` applies them after the spans became values.
"""

from __future__ import annotations

import re

from citenorm.extraction.reference.spans import tidy
from citenorm.text import vocab

__all__ = ["date_tail"]

# a year (3 or 4 digits, or a range) after a comma or a space, then words only: the date
# (?<!\s): a run of spaces is tried from its first space only (linear on hostile text)
_YEAR_AFTER = re.compile(
    r"(?<!\s)(?:\s*[,،]\s*|\s+)\(?\s*[0-9]{3,4}(?:\s*[-–/]\s*[0-9]{1,4})?(?![0-9])(?P<words>[^0-9]*)$"
)


def date_tail(value: str) -> str:
    """``الشريف الرضى، 1363 هجرى شمسى`` / ``قم 1412ق`` / ``Harbour Press, 1990 AD``:
    a publisher's or a place's value that runs on into the year of publication (and
    its era words) ends before the year."""
    m = _YEAR_AFTER.search(value)
    if m is None or not value[: m.start()].strip():
        return value
    words = m.group("words").replace(")", " ").replace(".", ". ").split()
    if any(
        w.strip(".").lower() not in vocab.ERA_WORDS and w.lower() not in vocab.ERA_WORDS
        for w in words
    ):
        return value
    return tidy(value[: m.start()]) or value
