"""The command line through main(): outputs, exit codes, stdin, -o, encodings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from citenorm.cli import main
from conftest import DEV, SEED

SCHEMAS = Path(__file__).resolve().parent.parent / "src" / "citenorm" / "schemas"


def _schema(name: str) -> dict[str, object]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_extract_json_validates_against_the_schema(
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert main(["extract", str(SEED), "--format", "json"]) == 0
    out = json.loads(capfdbinary.readouterr().out.decode("utf-8"))
    jsonschema.validate(out, _schema("extract"))
    assert out["schema"] == 1
    assert len(out["footnotes"]) == 29


def test_match_json_of_several_files_is_a_list_in_order(
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    files = [str(DEV / "apa-popular.txt"), str(SEED)]
    assert main(["match", *files, "--format", "json"]) == 0
    out = json.loads(capfdbinary.readouterr().out.decode("utf-8"))
    assert [o["source"] for o in out] == files
    for o in out:
        jsonschema.validate(o, _schema("match"))
    ids = [x["id"] for x in out[1]["footnotes"] + out[1]["entries"] + out[1]["sections"]]
    assert len(ids) == len(set(ids))


def test_match_text_shows_pairs(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["match", str(SEED)]) == 0
    out = capfdbinary.readouterr().out.decode("utf-8")
    assert "pairs: 15" in out
    assert "unlisted" in out


def test_stdin_and_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = SEED.read_bytes()

    class _In:
        buffer = __import__("io").BytesIO(data)

    monkeypatch.setattr(sys, "stdin", _In())
    target = tmp_path / "out.json"
    assert main(["extract", "-", "--format", "json", "-o", str(target)]) == 0
    out = json.loads(target.read_text(encoding="utf-8"))
    assert out["source"] == "<stdin>"
    assert len(out["entries"]) == 38


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such file"),
        ("directory", "is a directory"),
        ("binary", "binary file"),
        ("empty", "empty"),
        ("undecodable", "not UTF-8"),
    ],
)
def test_unusable_inputs_exit_2_with_one_line(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], setup: str, message: str
) -> None:
    path = tmp_path / "input.txt"
    if setup == "directory":
        path.mkdir()
    elif setup == "binary":
        path.write_bytes(b"\x7fELF\x00\x01\x02\x00" * 20)
    elif setup == "empty":
        path.write_bytes(b"")
    elif setup == "undecodable":
        path.write_bytes(bytes(range(0x80, 0xA0)) * 10)
    assert main(["extract", str(path)]) == 2
    err = capfdbinary.readouterr().err.decode("utf-8")
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_several_files_report_the_usable_ones_and_exit_2(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["extract", str(SEED), str(tmp_path / "nope.txt"), "--format", "json"]) == 2
    captured = capfdbinary.readouterr()
    out = json.loads(captured.out.decode("utf-8"))
    assert len(out) == 1
    assert "nope.txt" in captured.err.decode("utf-8")


def test_usage_error_exits_2(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(SEED), "--format", "yaml"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def test_no_bibliography_warns_and_exits_0(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("نص بلا مصادر.\n", encoding="utf-8")
    assert main(["extract", str(path), "--format", "json"]) == 0
    captured = capfdbinary.readouterr()
    assert json.loads(captured.out)["entries"] == []
    assert "no bibliography" in captured.err.decode("utf-8")


def test_export_formats(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["export", str(SEED), "--to", "csl-json"]) == 0
    items = json.loads(capfdbinary.readouterr().out)
    assert len(items) == 26
    assert main(["export", str(SEED), "--to", "bibtex"]) == 0
    assert capfdbinary.readouterr().out.decode("utf-8").count("@") == 26
    assert main(["export", str(SEED), "--to", "text", "--style", "nope"]) == 2


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("citenorm ")


def test_arabic_output_on_a_non_utf8_console(tmp_path: Path) -> None:
    """stdout is UTF-8 whatever the console's encoding, and printing never raises."""
    env = dict(os.environ, PYTHONIOENCODING="latin-1", LC_ALL="C")
    proc = subprocess.run(
        [sys.executable, "-m", "citenorm", "match", str(SEED)],
        capture_output=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert "الأنباري".encode() in proc.stdout


def test_entry_point_collects_garbage_less_often_and_main_leaves_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the console script raises the collector's first threshold for its process (a cold
    # audit otherwise walks the heap ~90 times) and, once main() has returned, moves the
    # run's objects out of the collector's final passes at exit (gc.freeze); main(),
    # which tests and library users call in their own process, leaves the collector alone
    import gc

    from citenorm import cli

    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    seen: list[tuple[tuple[int, int, int], int]] = []
    try:
        assert main(["rule", "CN101"]) == 0
        assert gc.get_threshold() == before and gc.get_freeze_count() == frozen
        monkeypatch.setattr(
            cli, "main", lambda: seen.append((gc.get_threshold(), gc.get_freeze_count())) or 3
        )
        with pytest.raises(SystemExit) as done:
            cli.entry_point()
        assert done.value.code == 3  # main's code
        assert seen == [((cli.GC_THRESHOLD, before[1], before[2]), frozen)]  # frozen after
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_the_console_script_s_exit_keeps_outputs_and_exit_handlers(tmp_path: Path) -> None:
    # the run's objects are left out of the collector's passes at exit: the output file
    # is whole, standard output flushed and the atexit handlers (the pattern cache's
    # writer) run, as before
    out = tmp_path / "findings.json"
    env = {**os.environ, "CITENORM_PATTERN_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "citenorm", "audit", str(SEED), "--output-format", "json"]
    proc = subprocess.run([*command, "-o", str(out)], env=env, capture_output=True, check=False)
    assert proc.returncode in (0, 1), proc.stderr
    printed = subprocess.run(command, env=env, capture_output=True, check=False)
    assert json.loads(out.read_bytes()) == json.loads(printed.stdout) != []
    assert list((tmp_path / "cache").glob("patterns-*.bin"))
