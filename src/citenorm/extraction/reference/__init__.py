"""One printed reference (a list entry or a footnote) -> CSL-JSON :class:`~citenorm.models.Fields`.

:func:`parse_reference` is the parser of record. Today it is the rule-based parser of
:mod:`citenorm.extraction.reference._rules`; a learned labeler is to take its place here.
"""

from __future__ import annotations

from citenorm.extraction.reference._rules import parse_reference

__all__ = ["parse_reference"]
