"""Shared test fixtures: paths to the bundled articles, the reviewed snapshots and their
one update switch (``pytest --update-golden``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "seed" / "russian-chinese-relations-2022.txt"
SEED_GOLD = FIXTURES / "seed" / "russian-chinese-relations-2022.gold.json"
DEV = FIXTURES / "dev"
DEV_NAMES = [
    "iraqi-popular",
    "iraqi-alalc",
    "acrps-popular",
    "acrps-alalc",
    "apa-popular",
    "apa-alalc",
]
GOLDEN = Path(__file__).resolve().parent / "golden"

# Property tests: random examples on a developer's machine (they find new bugs there);
# a fixed sequence of examples under CI (CI=true), so a gate does not pass or fail by luck
try:
    from hypothesis import settings as _hyp_settings

    _hyp_settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        _hyp_settings.load_profile("ci")
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the reviewed snapshots (tests/golden/, the rules table of docs/rules.md) "
        "from the current output; review the diff!",
    )


def pytest_configure(config: pytest.Config) -> None:
    # the one switch; test modules that read the environment at import follow it too
    if config.getoption("--update-golden"):
        os.environ["CITENORM_UPDATE_GOLDEN"] = "1"


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True under ``pytest --update-golden``: reviewed snapshots are rewritten."""
    return bool(request.config.getoption("--update-golden"))


Snapshot = Callable[[str, str], None]


@pytest.fixture
def snapshot(update_golden: bool) -> Snapshot:
    """``snapshot(name, text)``: ``text`` must equal the reviewed file ``tests/golden/<name>``.

    Under ``pytest --update-golden`` the file is (re)written instead; review the diff
    before committing it. A missing file fails, naming the switch.
    """

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update_golden:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        if not path.is_file():
            pytest.fail(f"no snapshot {path}: run pytest --update-golden and review it")
        assert text == path.read_text(encoding="utf-8"), f"{name} differs from its snapshot"

    return check


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> Any:
    return load_json(SEED_GOLD)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium_command(profile: Path) -> list[str]:
    """Headless Chromium as root on a machine with no network: no sandbox, no GPU, no
    background connections, a fresh profile."""
    assert CHROMIUM is not None
    return [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]


def print_pdf(page: str, out: Path, *, profile: Path) -> Path:
    """The HTML page ``page`` printed to the PDF ``out`` by headless Chromium (no header
    or footer of its own: a page's running head and number come from its CSS). Shared by
    tests/test_pdf.py and benchmarks/typeset.py."""
    source = out.with_suffix(".html")
    source.write_text(page, encoding="utf-8")
    subprocess.run(
        [
            *chromium_command(profile),
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            source.as_uri(),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    return out


Run = Callable[..., subprocess.CompletedProcess[bytes]]


@pytest.fixture
def run(capfdbinary: pytest.CaptureFixture[bytes]) -> Run:
    """The command line in-process: a CompletedProcess with the code and both streams."""
    from citenorm.cli import main

    def go(*args: str) -> subprocess.CompletedProcess[bytes]:
        rc = main(list(args))
        out, err = capfdbinary.readouterr()
        return subprocess.CompletedProcess(list(args), rc, out, err)

    return go


def labelled_fields(chunks: list[tuple[str, str]]) -> dict[str, object]:
    """The fields the value builder makes of hand-labelled chunks ``(label, text)`` (no
    model): each token takes the label of the chunk it starts in."""
    from citenorm.extraction.reference.tokens import tokenize
    from citenorm.extraction.reference.values import build_fields

    text, bounds = "", []
    for label, part in chunks:
        bounds.append((len(text), len(text) + len(part), label))
        text += part
    toks = tokenize(text)
    labels = [next(lab for a, b, lab in bounds if a <= t.start < b) for t in toks]
    return build_fields(text, toks, labels).to_json()
