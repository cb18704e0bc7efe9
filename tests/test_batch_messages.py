"""The batch documentation works as written: docs/batch.md's dask snippet, run as a
script, writes the same lines as ``citenorm batch`` (issue 18: without its
``if __name__ == "__main__":`` guard it stopped with ``BrokenProcessPool``)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from citenorm import cli
from conftest import DEV, ROOT

DOC = ROOT / "docs" / "batch.md"


def _snippet() -> str:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(r"<!-- dask-script[^>]*-->\n```python\n(.*?)```", text, re.DOTALL)
    assert m is not None, "docs/batch.md: the dask-script block is gone"
    return m.group(1)


def test_the_snippet_has_the_main_guard() -> None:
    code = _snippet()
    assert 'if __name__ == "__main__":' in code
    # the work is inside the guard: nothing but imports, definitions and the guard at
    # the top level
    for line in code.splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            assert line.startswith(("from ", "import ", "def ", 'if __name__ == "__main__":')), line


@pytest.mark.slow  # starts dask's process pool (spawned interpreters): a few seconds
def test_the_documented_dask_snippet_runs_as_a_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'citenorm[dask]')")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("apa-popular", "iraqi-alalc", "acrps-popular"):
        shutil.copy(DEV / f"{name}.txt", corpus / f"{name}.txt")
    script = tmp_path / "run_dask.py"
    script.write_text(_snippet(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "BrokenProcessPool" not in done.stderr
    # the same bytes as the command, run from the same directory on the same paths
    monkeypatch.chdir(tmp_path)
    assert cli.main(["batch", "corpus/", "--out", "cli.jsonl", "--audit", "--no-progress"]) == 0
    assert (tmp_path / "results.jsonl").read_bytes() == (tmp_path / "cli.jsonl").read_bytes()
