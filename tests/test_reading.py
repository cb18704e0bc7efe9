"""Reading inputs (issue 15 items 2 and 3, CONTRACT.md "Reading files" 1.1): every input
read exactly once (pipes, /dev/stdin, process substitution), never beyond --max-bytes;
UTF-8 with a few invalid bytes is UTF-8; lone-CR files count their lines."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

import citenorm
from citenorm.errors import CitenormWarning, DecodeError, InputError
from citenorm.io import MAX_BYTES, decode, decode_text, read_bytes, read_text
from citenorm.io.load import load
from conftest import DEV, SEED

CLI = [sys.executable, "-m", "citenorm"]
SEED_BYTES = SEED.read_bytes()
# the longest fixture: more than one pipe buffer (64 KB on Linux)
BIG = max((*DEV.glob("*.txt"), SEED), key=lambda p: p.stat().st_size)


def _run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], capture_output=True, timeout=120, check=False, **kwargs)


def _records(out: bytes) -> list[tuple[int, str]]:
    doc = json.loads(out)
    return [(e["line"], e["text"]) for e in doc["entries"]] + [
        (f["line"], f["text"]) for f in doc["footnotes"]
    ]


@pytest.fixture(scope="module")
def from_file() -> list[tuple[int, str]]:
    doc = citenorm.extract(BIG.read_text(encoding="utf-8"))
    return [(e.line, e.text) for e in doc.entries] + [(f.line, f.text) for f in doc.footnotes]


# --- read exactly once -------------------------------------------------------------------


def test_dev_stdin_from_a_pipe_loses_nothing(from_file: list[tuple[int, str]]) -> None:
    # `cat article.txt | citenorm extract /dev/stdin` lost its first 4-8 KB: load() opened
    # the file to sniff its first bytes, closed it and opened it again
    out = _run(["extract", "/dev/stdin", "--format", "json"], input=BIG.read_bytes())
    assert out.returncode == 0, out.stderr
    assert _records(out.stdout) == from_file


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_process_substitution_loses_nothing(from_file: list[tuple[int, str]]) -> None:
    cmd = " ".join(f"'{a}'" for a in CLI) + f" extract <(cat '{BIG}') --format json"
    out = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert _records(out.stdout) == from_file


def test_stdin_dash_loses_nothing(from_file: list[tuple[int, str]]) -> None:
    out = _run(["extract", "-", "--format", "json"], input=BIG.read_bytes())
    assert out.returncode == 0, out.stderr
    assert _records(out.stdout) == from_file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_load_reads_a_fifo_once(tmp_path: Path) -> None:
    fifo = tmp_path / "article.fifo"
    os.mkfifo(fifo)
    data = BIG.read_bytes()

    def writer() -> None:
        with open(fifo, "wb") as fh:
            fh.write(data)

    t = threading.Thread(target=writer)
    t.start()
    loaded = load(fifo)
    t.join(timeout=30)
    assert loaded.text == data.decode("utf-8").replace("\r\n", "\r\n")
    assert loaded.kind == "text" and loaded.warnings == []


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_dev_zero_is_cut_at_the_cap_with_exit_2() -> None:
    out = _run(["extract", "/dev/zero", "--max-bytes", "100000"])
    assert out.returncode == 2
    assert out.stderr.count(b"\n") == 1
    assert b"/dev/zero" in out.stderr and b"--max-bytes" in out.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_that_never_ends_is_cut_at_the_cap(tmp_path: Path) -> None:
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)
    stop = threading.Event()

    def writer() -> None:
        try:
            with open(fifo, "wb") as fh:
                while not stop.is_set():
                    fh.write(b"1- \xd9\x81\xd9\x84\xd8\xa7\xd9\x86 2001\n" * 1000)
        except (BrokenPipeError, OSError):
            pass

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    try:
        with pytest.raises(InputError, match="max-bytes"):
            load(fifo, max_bytes=200_000)
    finally:
        stop.set()
    t.join(timeout=10)


def test_read_bytes_stops_reading_at_the_cap() -> None:
    class Endless:
        """A stream that never ends and counts what was asked of it."""

        asked = 0

        def read(self, n: int = -1) -> bytes:
            assert n > 0, "an unbounded read would never return"
            Endless.asked += n
            return b"x" * n

    with pytest.raises(InputError, match="larger than 1,000 bytes"):
        read_bytes(Endless(), max_bytes=1000)  # type: ignore[arg-type]
    assert Endless.asked == 1001


def test_a_regular_file_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(SEED_BYTES)
    with pytest.raises(InputError, match="max-bytes"):
        read_text(path, max_bytes=len(SEED_BYTES) - 1)
    assert read_text(path, max_bytes=len(SEED_BYTES))[1] == "utf-8"
    out = _run(["extract", str(path), "--max-bytes", "1000"])
    assert out.returncode == 2 and b"--max-bytes" in out.stderr
    assert _run(["extract", str(path), "--max-bytes", "0"]).returncode == 2
    assert MAX_BYTES == 64 * 2**20


# --- UTF-8 with a few invalid bytes ------------------------------------------------------


def _damage(data: bytes, offsets: list[int]) -> bytes:
    out = bytearray(data)
    for k in offsets:
        out[k : k + 1] = b"\xff"
    return bytes(out)


def _on_ascii(data: bytes, near: int) -> int:
    """An offset at or after ``near`` holding an ASCII byte (replacing it breaks nothing
    else)."""
    while data[near] >= 0x80:
        near += 1
    return near


def test_a_few_invalid_bytes_keep_a_file_utf8() -> None:
    offsets = [_on_ascii(SEED_BYTES, k) for k in (500, 5000, 15000)]
    data = _damage(SEED_BYTES, offsets)
    out = decode_text(data, path="a.txt")
    # before: the file was read as Windows-1256 (UTF-8 lead bytes pass for Arabic letters)
    assert out.encoding == "utf-8"
    assert out.text == data.decode("utf-8", "replace")
    assert out.text.count("\ufffd") == 3
    assert len(out.warnings) == 3
    for note, k in zip(out.warnings, offsets, strict=True):
        line = SEED_BYTES.count(b"\n", 0, k) + 1
        assert note.startswith(f"line {line}, byte offset {k}:"), note
        assert "0xFF" in note
    # the records are those of the undamaged file
    clean = citenorm.extract(SEED_BYTES.decode("utf-8"))
    damaged = citenorm.extract(out.text)
    assert [e.line for e in damaged.entries] == [e.line for e in clean.entries]


def test_invalid_sequences_are_reported_as_warnings_by_the_library(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(_damage(SEED_BYTES, [_on_ascii(SEED_BYTES, 800)]))
    with pytest.warns(CitenormWarning, match=r"a\.txt: line [0-9]+, byte offset"):
        text, enc = read_text(path)
    assert enc == "utf-8" and text.count("\ufffd") == 1
    with pytest.warns(CitenormWarning):
        decode(path.read_bytes())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load(path).warnings  # load() returns them instead


def test_the_cli_warns_once_per_bad_sequence_with_line_and_offset(tmp_path: Path) -> None:
    k = _on_ascii(SEED_BYTES, 2000)
    path = tmp_path / "a.txt"
    path.write_bytes(_damage(SEED_BYTES, [k, _on_ascii(SEED_BYTES, 9000)]))
    out = _run(["extract", str(path), "--format", "json"])
    assert out.returncode == 0
    lines = [ln for ln in out.stderr.decode().splitlines() if "invalid UTF-8" in ln]
    assert len(lines) == 2
    line = SEED_BYTES.count(b"\n", 0, k) + 1
    assert lines[0] == (
        f"citenorm: warning: {path}: line {line}, byte offset {k}:"
        " invalid UTF-8 (0xFF) replaced by U+FFFD"
    )
    assert json.loads(out.stdout)["entries"]


def test_more_invalid_bytes_than_allowed_are_not_utf8() -> None:
    # one per 1,000 bytes at most: 2 in 1,500 bytes is too many
    ascii_text = b"References\n" + b"Smith, J. (2019). A title. Place: Publisher.\n" * 33
    assert decode_text(_damage(ascii_text, [100]), path="x").encoding == "utf-8"
    with pytest.raises(DecodeError):
        decode_text(_damage(ascii_text[:1500], [100, 700]))
    # and never more than 100, however long the file
    long = ascii_text * 300
    over = [k * 1000 + 7 for k in range(101)]
    with pytest.raises(DecodeError):
        decode_text(_damage(long, over))
    assert len(decode_text(_damage(long, over[:100])).warnings) == 100


def test_utf8_arabic_with_many_errors_still_reads_as_cp1256() -> None:
    # a real Windows-1256 file is full of invalid UTF-8: the legacy path still takes it
    text = "المصادر\n1- العتيبي، محمد، كتاب الأمن، بغداد، 2015.\n" * 20
    assert decode_text(text.encode("cp1256")).encoding == "cp1256"


def test_binary_with_one_bad_byte_is_still_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_text(b"abc\x00def " * 600 + b"\xff")


# --- lone CR line ends -------------------------------------------------------------------


def test_lone_cr_line_ends_count_as_lines() -> None:
    lf = SEED_BYTES.decode("utf-8").replace("\r\n", "\n")
    cr = lf.replace("\n", "\r").encode("utf-8")
    text, enc = decode(cr)
    assert enc == "utf-8" and text == lf
    # before: 0 entries (the whole file was one line)
    a, b = citenorm.extract(lf), citenorm.extract(text)
    assert [(e.line, e.text) for e in b.entries] == [(e.line, e.text) for e in a.entries]
    assert len(b.entries) >= 30


def test_cr_inside_lf_text_is_left_alone() -> None:
    assert decode(b"a\rb\nc\r\n")[0] == "a\rb\nc\r\n"


def test_lone_cr_line_numbers_in_invalid_utf8_warnings() -> None:
    data = "المصادر\r1- فلان، كتاب، 2001\r2- X".encode() + b"\xff\r"
    out = decode_text(data, path="mac.txt")
    assert out.warnings[0].startswith("line 3,")
    assert out.text.count("\n") == 3
