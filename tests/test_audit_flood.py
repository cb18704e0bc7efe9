"""A hostile or broken article cannot make the audit hold a finding per line (issue 15
item 5): one rule lists at most ``MAX_FINDINGS_PER_RULE`` findings in a file, and one
more finding says how many it did not list."""

from __future__ import annotations

import tracemalloc

import pytest

import citenorm
from citenorm import auditing
from citenorm.auditing import audit


def _dashes(n: int) -> citenorm.MatchResult:
    return citenorm.match(citenorm.extract("المصادر\n" + "-\n" * n))


def test_a_flood_of_one_finding_is_capped_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auditing, "MAX_FINDINGS_PER_RULE", 50)
    result = _dashes(300)
    everything = [f for f in audit(result) if f.code == "CN509"]
    assert len(everything) == 51
    last = everything[-1]
    assert last.message.startswith("250 more CN509 findings from here on are not listed")
    assert "at most 50 a rule in one file" in last.message
    # it stands at the first finding left out: line 2 is the heading's next line, so the
    # 51st dash line
    assert last.line == 2 + 50
    assert [f.line for f in everything[:50]] == list(range(2, 52))


def test_below_the_cap_nothing_changes() -> None:
    result = _dashes(40)
    found = [f for f in audit(result) if f.code == "CN509"]
    assert len(found) == 40
    assert not any("more CN509" in f.message for f in found)


def test_the_audit_of_a_flood_holds_no_finding_per_line() -> None:
    result = _dashes(20_000)
    tracemalloc.start()
    try:
        found = audit(result)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(found) <= auditing.MAX_FINDINGS_PER_RULE + 1
    # 20,000 findings of ~1.5 KB would be ~30 MB; the cap keeps the audit's own memory
    # near that of 1,000
    assert peak < 8 * 2**20, f"{peak / 2**20:.1f} MB"
