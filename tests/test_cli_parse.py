"""``citenorm parse``: one reference per line -> JSON lines, BibTeX or CSL-JSON."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from citenorm.cli import main

LINES = [
    "Smith, John. The Making of the Modern World. London: Routledge, 2001.",
    "",
    "العلوي، سالم: تاريخ المدن القديمة، دار النهضة، القاهرة، ط2، 1987م.",
]


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "refs.txt"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


def test_one_json_object_per_reference(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["parse", str(_write(tmp_path))]) == 0
    rows = [json.loads(x) for x in capfdbinary.readouterr().out.decode("utf-8").splitlines()]
    assert [r["text"] for r in rows] == [LINES[0], LINES[2]]  # blank lines skipped
    assert [r["script"] for r in rows] == ["latin", "arabic"]
    assert set(rows[0]) == {"text", "script", "fields"}
    assert rows[0]["fields"]["issued"]["date-parts"] == [[2001]]
    assert rows[1]["fields"]["publisher-place"] == "القاهرة"


def test_stdin_to_bibtex_and_csl_json(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = "\n".join(LINES).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", type("In", (), {"buffer": io.BytesIO(data)})())
    assert main(["parse", "-", "--to", "bibtex"]) == 0
    out = capfdbinary.readouterr().out.decode("utf-8")
    assert out.count("@book{") == 2
    assert "publisher = {Routledge}" in out
    out_file = tmp_path / "out.json"
    assert main(["parse", str(_write(tmp_path)), "--to", "csl-json", "-o", str(out_file)]) == 0
    items = json.loads(out_file.read_text(encoding="utf-8"))
    assert [i["issued"]["date-parts"][0][0] for i in items] == [2001, 1987]


def test_missing_file_is_exit_2(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["parse", "/nonexistent/refs.txt"]) == 2
    assert "no such file" in capfdbinary.readouterr().err.decode("utf-8")
