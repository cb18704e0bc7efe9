"""The records as a library user handles them: pydantic's own dump and load."""

from __future__ import annotations

import citenorm
from conftest import SEED


def test_a_document_and_a_result_dump_to_json_and_back() -> None:
    # pydantic's own JSON of the records is public API: the body markers (a columnar
    # structure the audit reads) are left out of it instead of failing to serialize
    result = citenorm.match(citenorm.extract(SEED.read_text("utf-8")))
    assert len(result.document.markers) > 0
    dumped = result.model_dump_json()
    assert '"markers"' not in dumped
    back = citenorm.MatchResult.model_validate_json(dumped)
    assert back.pairs == result.pairs
    assert back.document.entries == result.document.entries
    assert len(back.document.markers) == 0
    assert result.document.model_dump(mode="json")["entries"][0]["id"]
