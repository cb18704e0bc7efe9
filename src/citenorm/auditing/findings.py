"""The records of an audit: :class:`Finding` and :class:`Related` (pydantic models).

Apart from :mod:`~citenorm.auditing.registry` so that the rules' documentation
(``citenorm rule``) and the command line's options load without pydantic;
``citenorm.auditing`` and its registry still give both names.
"""

# no ``from __future__ import annotations``: pydantic reads the annotations as types
from pydantic import BaseModel, ConfigDict

from citenorm._keyed import keyed
from citenorm.config import Severity

__all__ = ["Finding", "Related"]


class Related(BaseModel):
    """A record involved in a finding: its id and the line where it starts."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str
    line: int | None = None


class Finding(BaseModel):
    """One audit result: which rule, how severe, what, and where.

    ``line`` and ``column`` are 1-based (``column`` counts code points of the raw line);
    either is ``None`` when not known. ``length`` (code points under the caret) is not
    part of the JSON output. ``related`` lists the records on both sides of a mismatch.
    For DOCX/PDF input ``line`` counts in the flattened text (``citenorm extract
    --show-text``), and ``paragraph`` (DOCX) or ``page`` (PDF) say where that is in the
    document.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    code: str
    name: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    length: int | None = None
    related: tuple[Related, ...] = ()
    paragraph: int | None = None
    page: int | None = None

    def location(self) -> str:
        """``paragraph 41``, ``page 3``, both, or ``""`` (a text input)."""
        parts = [f"{k} {v}" for k, v in (("paragraph", self.paragraph), ("page", self.page)) if v]
        return ", ".join(parts)

    def to_json(self) -> dict[str, object]:
        """The finding as in CONTRACT.md ("JSON of audit"); ``paragraph``/``page`` only
        when known (DOCX/PDF input), as on the records."""
        out: dict[str, object] = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "related": [{"id": r.id, "line": r.line} for r in self.related],
        }
        out.update({k: v for k in ("paragraph", "page") if (v := getattr(self, k)) is not None})
        return out


# findings keep their values in their class's shared key table (memory:
# citenorm._keyed; an article may hold thousands)
keyed(Finding)
keyed(Related)
