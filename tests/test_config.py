"""Configuration: ``citenorm.toml`` / ``[tool.citenorm]``, discovery upward, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from citenorm.config import AuditConfig, Config, find_config, load_config, parse_config
from citenorm.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    cfg = load_config(tmp_path)
    assert cfg == Config()
    assert cfg.audit.select is None
    assert cfg.audit.fail_on is None
    assert cfg.audit.low_confidence_score == 70.0


def test_citenorm_toml_has_no_prefix(tmp_path: Path) -> None:
    write(
        tmp_path / "citenorm.toml",
        '[audit]\nselect = ["CN1", "uncited-entry"]\nignore = ["CN104"]\n'
        'extend-select = ["CN506"]\nfail-on = "error"\nlow-confidence-score = 75\n'
        'spelling-similarity = 85\n[audit.severity]\nCN301 = "error"\n',
    )
    cfg = load_config(tmp_path / "article.txt")
    assert cfg.path == str(tmp_path / "citenorm.toml")
    assert cfg.audit.select == ("CN1", "uncited-entry")
    assert cfg.audit.ignore == ("CN104",)
    assert cfg.audit.extend_select == ("CN506",)
    assert cfg.audit.fail_on == "error"
    assert cfg.audit.low_confidence_score == 75
    assert cfg.audit.spelling_similarity == 85
    assert cfg.audit.severity == {"CN301": "error"}


def test_pyproject_uses_tool_citenorm(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.citenorm.audit]\nignore = ["CN5"]\n')
    assert load_config(tmp_path / "a.txt").audit.ignore == ("CN5",)


def test_nearest_file_upward_wins_and_citenorm_toml_first(tmp_path: Path) -> None:
    write(tmp_path / "citenorm.toml", '[audit]\nignore = ["CN1"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[tool.citenorm.audit]\nignore = ["CN2"]\n')
    article = write(tmp_path / "sub" / "deep" / "a.txt", "x")
    assert load_config(article).audit.ignore == ("CN2",)
    write(tmp_path / "sub" / "citenorm.toml", '[audit]\nignore = ["CN3"]\n')
    assert load_config(article).audit.ignore == ("CN3",)
    assert find_config(article) == tmp_path / "sub" / "citenorm.toml"


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "citenorm.toml", '[audit]\nignore = ["CN1"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(tmp_path / "sub" / "a.txt").audit.ignore == ("CN1",)


def test_explicit_file(tmp_path: Path) -> None:
    path = write(tmp_path / "ci.toml", '[audit]\nfail-on = "info"\n')
    assert load_config(path).audit.fail_on == "info"
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.toml")


def test_a_table_no_command_reads_is_an_error(tmp_path: Path) -> None:
    # issue 18: an unknown table used to be kept silently while the defaults ran
    write(tmp_path / "citenorm.toml", '[export]\nstyle = "apa"\n[audit]\nignore = []\n')
    with pytest.raises(ConfigError, match=r"unknown table \[export\]"):
        load_config(tmp_path)
    write(tmp_path / "citenorm.toml", "[audit]\nignore = []\n")
    assert load_config(tmp_path).audit == AuditConfig()


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[audit\n", "invalid TOML"),
        ('[audit]\nselct = ["CN1"]\n', "selct"),
        ('[audit]\nfail-on = "fatal"\n', "fail-on"),
        ('[audit.severity]\nCN301 = "loud"\n', "CN301"),
        ("[audit]\nlow-confidence-score = 140\n", "low-confidence-score"),
        ('[audit]\nselect = "CN1"\n', "select"),
        ('path = "x"\n', "path"),
    ],
)
def test_bad_config_raises_config_error(tmp_path: Path, text: str, match: str) -> None:
    write(tmp_path / "citenorm.toml", text)
    with pytest.raises(ConfigError, match=match) as info:
        load_config(tmp_path)
    assert isinstance(info.value, ValueError)
    assert str(tmp_path / "citenorm.toml") in str(info.value)


def test_bad_tool_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool]\ncitenorm = 3\n")
    with pytest.raises(ConfigError, match=r"\[tool.citenorm\] must be a table"):
        load_config(tmp_path)


def test_config_is_frozen() -> None:
    cfg = parse_config({"audit": {"ignore": ["CN1"]}})
    with pytest.raises(ValidationError):
        cfg.audit.ignore = ()  # type: ignore[misc]
