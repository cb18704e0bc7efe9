"""Golden snapshots of whole documents: the seed's and one dev article's `match` JSON.

Any change in extraction or matching shows in the diff of these files; rewrite them with
`pytest --update-golden` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import citenorm
from citenorm.output.json import match_json
from conftest import DEV, SEED, Snapshot

CASES = {"seed.match.json": SEED, "acrps-alalc.match.json": DEV / "acrps-alalc.txt"}


def _snapshot(path: Path) -> dict[str, Any]:
    out = match_json(
        citenorm.match(citenorm.extract(path.read_text(encoding="utf-8"), source=path.name))
    )
    out["citenorm_version"] = "<version>"
    return out


@pytest.mark.parametrize("name", sorted(CASES))
def test_match_output_is_the_reviewed_snapshot(name: str, snapshot: Snapshot) -> None:
    current = _snapshot(CASES[name])
    snapshot(name, json.dumps(current, ensure_ascii=False, indent=1) + "\n")
