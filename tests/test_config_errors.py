"""Every configuration mistake stops ``citenorm audit`` with exit 2 and one line on stderr
that names the file, the key or table, and what was expected (issue 18): nothing is
ignored while the defaults run."""

from __future__ import annotations

from pathlib import Path

import pytest

from citenorm import cli
from citenorm.config import load_config, read_config
from citenorm.errors import ConfigError

CLEAN = Path(__file__).parent / "fixtures" / "audit" / "clean.txt"


def _audit(
    capfd: pytest.CaptureFixture[bytes], tmp_path: Path, name: str, text: str, *extra: str
) -> tuple[int, str, str]:
    """Audit a clean article beside ``name`` (or with ``--config name`` when ``extra``
    asks for it); return the exit code, stdout and stderr."""
    article = tmp_path / "article.txt"
    article.write_bytes(CLEAN.read_bytes())
    (tmp_path / name).write_text(text, encoding="utf-8")
    argv = ["audit", *[str(tmp_path / name) if a == "{config}" else a for a in extra], str(article)]
    code = cli.main(argv)
    got = capfd.readouterr()
    return code, got.out.decode("utf-8"), got.err.decode("utf-8")


# (file name, contents, --config or not, what the message must hold besides the file)
MISTAKES = [
    # the three: a ci.toml written like pyproject.toml, an unknown top-level
    # table, and the tool.citenorm prefix outside pyproject.toml
    pytest.param(
        "ci.toml",
        '[tool.citenorm.audit]\nselect = ["CN1"]\n',
        True,
        ["[tool.citenorm.audit]", "pyproject.toml", "[audit]"],
        id="explicit-config-with-the-pyproject-prefix",
    ),
    pytest.param(
        "citenorm.toml",
        '[export]\nstyle = "apa"\n',
        False,
        ["unknown table [export]", "expected the table [audit]"],
        id="unknown-top-level-table",
    ),
    pytest.param(
        "citenorm.toml",
        '[tool.citenorm.audit]\nignore = ["CN5"]\n',
        False,
        ["[tool.citenorm.audit]", "pyproject.toml", "[audit]"],
        id="tool-citenorm-prefix-in-citenorm-toml",
    ),
    # unknown keys and tables
    pytest.param(
        "citenorm.toml",
        '[audit]\nselct = ["CN1"]\n',
        False,
        ["unknown key 'selct' in [audit]", "did you mean 'select'?", "spelling-similarity"],
        id="unknown-key-in-audit",
    ),
    pytest.param(
        "pyproject.toml",
        '[tool.citenorm.audit]\nfail_on = "error"\n',
        False,
        ["unknown key 'fail_on' in [tool.citenorm.audit]", "did you mean 'fail-on'?"],
        id="underscore-spelling-in-pyproject",
    ),
    pytest.param(
        "pyproject.toml",
        '[tool.citenorm.export]\nstyle = "apa"\n',
        False,
        ["unknown table [export] in [tool.citenorm]", "[tool.citenorm.audit]"],
        id="unknown-table-in-pyproject",
    ),
    pytest.param(
        "citenorm.toml",
        '[audit.rules]\nCN301 = "error"\n',
        False,
        ["unknown table [audit.rules]", "[audit.severity]"],
        id="unknown-sub-table",
    ),
    pytest.param(
        "citenorm.toml",
        'verbose = true\n[audit]\nignore = ["CN5"]\n',
        False,
        ["unknown key 'verbose'", "[audit]"],
        id="unknown-top-level-key",
    ),
    # misplaced keys and tables
    pytest.param(
        "citenorm.toml",
        'select = ["CN1"]\n',
        False,
        ["key 'select' outside its table", "[audit] select"],
        id="audit-key-at-the-top-level",
    ),
    pytest.param(
        "citenorm.toml",
        '[severity]\nCN301 = "error"\n',
        False,
        ["table [severity] outside its table", "[audit.severity]"],
        id="severity-outside-audit",
    ),
    pytest.param(
        "pyproject.toml",
        '[tool.citenorm]\nignore = ["CN5"]\n',
        False,
        ["key 'ignore' outside its table", "[tool.citenorm.audit] ignore"],
        id="audit-key-directly-under-tool-citenorm",
    ),
    pytest.param(
        "pyproject.toml",
        '[citenorm.audit]\nignore = ["CN5"]\n',
        False,
        ["table [citenorm]", "[tool.citenorm.audit]"],
        id="pyproject-without-the-tool-prefix",
    ),
    pytest.param(
        "citenorm.toml",
        '[citenorm.audit]\nignore = ["CN5"]\n',
        False,
        ["unknown table [citenorm.audit]", "expected [audit]"],
        id="citenorm-prefix-in-citenorm-toml",
    ),
    pytest.param(
        "pyproject.toml",
        '[project]\nname = "x"\n',
        True,
        ["no [tool.citenorm] table", "[tool.citenorm.audit]"],
        id="explicit-pyproject-without-the-table",
    ),
    # values of the wrong kind
    pytest.param(
        "citenorm.toml",
        'audit = "strict"\n',
        False,
        ["'audit' must be the table [audit]", "the string 'strict'"],
        id="audit-not-a-table",
    ),
    pytest.param(
        "citenorm.toml",
        '[audit]\nselect = "CN1"\n',
        False,
        ["[audit] select = the string 'CN1'", "a list of rule codes"],
        id="select-not-a-list",
    ),
    pytest.param(
        "citenorm.toml",
        '[audit]\nfail-on = "fatal"\n',
        False,
        ["[audit] fail-on = 'fatal'", "'info', 'warning' or 'error'"],
        id="fail-on-unknown-severity",
    ),
    pytest.param(
        "citenorm.toml",
        '[audit.severity]\nCN301 = "loud"\n',
        False,
        ["[audit.severity] CN301 = the string 'loud'", "'info', 'warning', 'error'"],
        id="unknown-severity",
    ),
    pytest.param(
        "citenorm.toml",
        '[audit.severity.CN301]\nlevel = "error"\n',
        False,
        ["[audit.severity] CN301 = a table", "'error'"],
        id="severity-as-a-table",
    ),
    pytest.param(
        "citenorm.toml",
        "[audit]\nlow-confidence-score = 140\n",
        False,
        ["[audit] low-confidence-score = 140", "expected less than or equal to 100"],
        id="threshold-out-of-range",
    ),
    pytest.param(
        "citenorm.toml",
        "[audit\n",
        False,
        ["invalid TOML"],
        id="not-toml",
    ),
]


@pytest.mark.parametrize(("name", "text", "explicit", "needles"), MISTAKES)
def test_configuration_mistake_exits_2_with_one_line(
    capfdbinary: pytest.CaptureFixture[bytes],
    tmp_path: Path,
    name: str,
    text: str,
    explicit: bool,
    needles: list[str],
) -> None:
    extra = ("--config", "{config}") if explicit else ()
    code, out, err = _audit(capfdbinary, tmp_path, name, text, *extra)
    assert code == 2
    assert out == ""  # the audit did not run on the defaults
    assert err.count("\n") == 1, err  # one line
    assert err.startswith(f"citenorm: error: {tmp_path / name}: "), err
    for needle in needles:
        assert needle in err, (needle, err)


def test_the_same_files_written_correctly_are_applied(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    # the fixed versions of the mistakes above run and apply (the clean article has no
    # finding, so fail-on / select are checked through load_config)
    code, _, err = _audit(
        capfdbinary, tmp_path, "ci.toml", '[audit]\nselect = ["CN1"]\n', "--config", "{config}"
    )
    assert (code, err) == (0, "")
    assert read_config(tmp_path / "ci.toml").audit.select == ("CN1",)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.ruff]\nline-length = 99\n'
        '[tool.citenorm.audit]\nfail-on = "error"\n[tool.citenorm.audit.severity]\nCN3 = "info"\n',
        encoding="utf-8",
    )
    cfg = load_config(tmp_path / "article.txt")
    assert cfg.audit.fail_on == "error"
    assert cfg.audit.severity == {"CN3": "info"}


def test_other_tools_tables_in_pyproject_are_not_ours(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[audit]\nanything = 1\n[tool.ruff]\nselect = ["E"]\n',
        encoding="utf-8",
    )
    # no [tool.citenorm]: the file is passed over, whatever else it holds
    assert load_config(tmp_path / "a.txt").path is None


def test_missing_config_file_exits_2(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    code = cli.main(["audit", "--config", str(tmp_path / "nope.toml"), str(CLEAN)])
    err = capfdbinary.readouterr().err.decode("utf-8")
    assert code == 2
    assert err == f"citenorm: error: {tmp_path / 'nope.toml'}: configuration file not found\n"


def test_config_with_any_suffix_is_read_as_a_file(
    capfdbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    # "--config ci.cfg" is that file, not a place to search upward from
    (tmp_path / "citenorm.toml").write_text('[audit]\nselect = ["CN5"]\n', encoding="utf-8")
    code, _, err = _audit(capfdbinary, tmp_path, "ci.cfg", "[lint]\n", "--config", "{config}")
    assert code == 2
    assert "ci.cfg: unknown table [lint]" in err


def test_config_error_is_a_value_error_with_the_path(tmp_path: Path) -> None:
    (tmp_path / "citenorm.toml").write_text("[audit]\nnope = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert isinstance(info.value, ValueError)
    assert info.value.path == str(tmp_path / "citenorm.toml")
    assert "nope" in info.value.message
