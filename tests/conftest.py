"""Shared test fixtures: paths to the bundled articles, the golden-file switch."""

from __future__ import annotations

import json
import os
import shutil
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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files should be rewritten (--update-golden or CITENORM_UPDATE_GOLDEN=1)."""
    return (
        bool(request.config.getoption("--update-golden"))
        or os.environ.get("CITENORM_UPDATE_GOLDEN") == "1"
    )


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
