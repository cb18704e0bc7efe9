"""``extraction.compact`` builds records as pydantic's ``model_construct`` builds them.

Its fast path (:func:`citenorm.extraction.compact.build`, ``fields_of``, the shared
names and dates) sets a record's attributes itself, for speed; these tests hold it to
what ``model_construct`` makes: the same values in the same order, the same fields set,
no extra fields, no private values, equal records and equal JSON.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from citenorm.auditing.findings import Finding, Related
from citenorm.extraction.compact import Sharing, _plan, build, fields_of
from citenorm.models import (
    Citation,
    Date,
    Entry,
    Fields,
    Footnote,
    InTextCitation,
    Name,
    Pair,
    Section,
)


def _state(record: BaseModel) -> tuple[Any, ...]:
    return (
        type(record),
        list(record.__dict__.items()),
        record.model_fields_set,
        record.__pydantic_extra__,
        record.__pydantic_private__,
    )


_CASES: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (
        Entry,
        {"id": "e1", "list": "original", "script": "arabic", "section": "s1", "number": 3,
         "text": "t", "line": 4, "raw": "t", "fields": Fields.model_construct(title="T")},
    ),
    (Entry, {"id": "e2", "list": "romanized", "script": "latin", "section": None,
             "number": None, "text": "x", "line": 9, "raw": "x"}),
    (
        Footnote,
        {"id": "fn-1-1", "number": 1, "group": 1, "marker": "1", "text": "t", "kind": "full",
         "refers_to": None, "line": 2, "body_line": 1, "raw": "1 t"},
    ),
    (InTextCitation, {"id": "t1", "text": "(X، 2001)", "line": 1, "column": 4, "author": "X",
                      "year": "2001", "locator": None}),
    (Citation, {"footnote": "fn-1-1", "entry": "e1", "score": 91.5}),
    (Section, {"id": "s1", "title": "المراجع", "line": 3, "list": "original"}),
    (Name, {"family": "Said", "given": "E."}),
    (Fields, {"title": "T", "publisher": "P"}),
    (Entry, {"id": "e3"}),  # required fields left out, as model_construct leaves them
]  # fmt: skip


@pytest.mark.parametrize(("cls", "values"), _CASES)
def test_build_makes_what_model_construct_makes(
    cls: type[BaseModel], values: dict[str, Any]
) -> None:
    made, constructed = build(cls, dict(values)), cls.model_construct(**dict(values))
    assert _state(made) == _state(constructed)
    assert made == constructed
    if len(values) > 1:
        assert made.model_dump_json() == constructed.model_dump_json()


def test_the_records_of_the_extraction_take_the_fast_path() -> None:
    # (a class whose records need model_construct's own loop gets no plan)
    for cls in (Entry, Footnote, InTextCitation, Citation, Section, Fields, Name, Date, Pair):
        assert _plan(cls) is not None, cls
    assert _plan(Related) is not None


@pytest.mark.parametrize(
    ("cls", "values"),
    [(Related, {"id": "e1", "line": 3}), (Finding, {})],
)
def test_the_audit_records_too(cls: type[BaseModel], values: dict[str, Any]) -> None:
    # (Finding has a default no plan copies: model_construct builds it)
    assert _state(build(cls, dict(values))) == _state(cls.model_construct(**dict(values)))


def test_fields_of_makes_what_model_construct_makes() -> None:
    data = {
        "type": "book",
        "author": [{"literal": "مجموعة"}, Name.model_construct(family="Said", given="E.")],
        "container-title": "Journal",
        "issued": {"date-parts": [[1999]], "raw": "1999"},
        "hijri": 1420,
    }
    sharing = Sharing()
    for made in (fields_of(data), fields_of(data, sharing), fields_of(data, sharing)):
        constructed = Fields.model_construct(**data)
        assert list(made.__dict__) == list(constructed.__dict__)
        assert made.model_fields_set == constructed.model_fields_set
        assert (made.__pydantic_extra__, made.__pydantic_private__) == (None, None)
        assert made.to_json() == Fields.model_validate(data).to_json()
        assert made.author is not None and made.issued is not None
        assert [_state(n) for n in made.author] == [
            _state(Name.model_construct(literal="مجموعة")),
            _state(Name.model_construct(family="Said", given="E.")),
        ]
        assert _state(made.issued) == _state(
            Date.model_construct(**{"date-parts": [[1999]], "raw": "1999"})
        )
    # with a document's sharing, equal names and dates are one record
    a, b = fields_of(data, sharing), fields_of(dict(data), sharing)
    assert a.author is not None and b.author is not None
    assert a.author[1] is b.author[1] and a.issued is b.issued
