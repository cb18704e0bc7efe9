"""``citenorm batch``: order, byte-identical serial/parallel output, failures, resume, dask."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from citenorm import batch
from citenorm.batch import _article
from citenorm.cli import batch as batch_command
from conftest import DEV, SEED

BROKEN = b"\x00\x01\x02 not text \xff\xfe\x00"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The seed and four dev articles (two in a sub-directory) and one binary file."""
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SEED, root / SEED.name)
    for name in ("iraqi-alalc", "iraqi-popular"):
        shutil.copy(DEV / f"{name}.txt", root / f"{name}.txt")
    for name in ("apa-alalc", "acrps-popular"):
        shutil.copy(DEV / f"{name}.txt", root / "sub" / f"{name}.txt")
    (root / "broken.txt").write_bytes(BROKEN)
    (root / "notes.json").write_text("{}", encoding="utf-8")  # not an article suffix
    (root / ".hidden.txt").write_text("ignored", encoding="utf-8")
    return root


def _args(*argv: str) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="citenorm batch")
    batch_command.add_arguments(p)
    return p.parse_args(list(argv))


def _lines(path: Path) -> list[dict[str, Any]]:
    data = path.read_bytes()
    assert data.endswith(b"\n")
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_discover_walks_sorted_and_skips_other_files(corpus: Path) -> None:
    found = batch.discover([str(corpus)])
    names = [Path(p).relative_to(corpus).as_posix() for p in found]
    assert names == [
        "broken.txt",
        "iraqi-alalc.txt",
        "iraqi-popular.txt",
        "russian-chinese-relations-2022.txt",
        "sub/acrps-popular.txt",
        "sub/apa-alalc.txt",
    ]
    # an explicit file is taken whatever its suffix, and each article only once
    extra = str(corpus / "notes.json")
    assert batch.discover([extra, str(corpus / "sub")])[0] == extra
    assert batch.discover([found[1], str(corpus)]).count(found[1]) == 1


def test_serial_and_parallel_write_the_same_bytes(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert batch_command.run(_args(str(corpus), "--out", str(one), "--audit", "--bibtex")) == 1
    assert (
        batch_command.run(_args(str(corpus), "-o", str(two), "-j", "2", "--audit", "--bibtex")) == 1
    )
    assert one.read_bytes() == two.read_bytes()
    records = _lines(one)
    assert [r["source"] for r in records] == batch.discover([str(corpus)])
    ok = [r for r in records if "error" not in r]
    assert len(ok) == 5
    for r in ok:
        assert list(r)[:4] == ["schema", "citenorm_version", "source", "sha256"]
        assert {"entries", "pairs", "citations", "findings", "bibtex"} <= set(r)
        assert not {"seconds", "elapsed", "time"} & set(r)
    seed = next(r for r in ok if r["source"].endswith(SEED.name))
    assert len(seed["pairs"]) > 10
    assert "@" in seed["bibtex"]
    err = capsys.readouterr().err
    assert "6 articles (6 processed, 0 reused)" in err
    assert "1 failed:" in err
    assert "broken.txt" in err


def test_failure_line_shape(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    summary = batch.run_batch([str(corpus)], out=out)
    bad = [r for r in _lines(out) if "error" in r]
    assert len(bad) == 1
    assert set(bad[0]) == {"schema", "citenorm_version", "source", "sha256", "error"}
    assert bad[0]["source"] == str(corpus / "broken.txt")
    assert "\n" not in bad[0]["error"]
    assert "binary" in bad[0]["error"]
    assert summary.failures == [(str(corpus / "broken.txt"), bad[0]["error"])]


def test_exception_inside_processing_is_a_failure_line(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import citenorm.matching

    def boom(doc: object) -> object:
        raise RuntimeError("matching exploded\non two lines")

    monkeypatch.setattr(citenorm.matching, "match", boom)
    rec = batch.process_article(str(corpus / "iraqi-alalc.txt"))
    assert rec["error"].endswith("RuntimeError: matching exploded on two lines")
    assert len(rec["sha256"]) == 64


def test_resume_reuses_done_lines_and_retries_failures(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    first = batch.run_batch([str(corpus)], out=out)
    assert (first.processed, first.reused) == (6, 0)
    before = out.read_bytes()

    calls: list[str] = []
    real = _article.process_article

    def counting(path: str, **kw: Any) -> dict[str, Any]:
        calls.append(path)
        return real(path, **kw)

    monkeypatch.setattr(_article, "process_article", counting)
    second = batch.run_batch([str(corpus)], out=out)
    assert calls == [str(corpus / "broken.txt")]  # only the failed one is retried
    assert (second.processed, second.reused) == (1, 5)
    assert out.read_bytes() == before

    # repair the broken file and change one article: both are redone, order kept
    shutil.copy(DEV / "apa-popular.txt", corpus / "broken.txt")
    changed = corpus / "iraqi-popular.txt"
    changed.write_bytes(changed.read_bytes() + b"\n")
    calls.clear()
    third = batch.run_batch([str(corpus)], out=out)
    assert sorted(calls) == sorted([str(corpus / "broken.txt"), str(changed)])
    assert third.failures == []
    assert (third.processed, third.reused) == (2, 4)
    fresh = tmp_path / "fresh.jsonl"
    monkeypatch.setattr(_article, "process_article", real)
    batch.run_batch([str(corpus)], out=fresh)
    assert out.read_bytes() == fresh.read_bytes()  # a resumed file = a fresh one

    # other options need other lines: --bibtex redoes everything
    calls.clear()
    monkeypatch.setattr(_article, "process_article", counting)
    assert batch.run_batch([str(corpus)], out=out, bibtex=True).processed == 6
    assert len(calls) == 6
    assert not list(tmp_path.glob("*.partial-*"))


def test_resume_after_interruption_uses_the_partial_file(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    real = _article.process_article
    seen: list[str] = []

    def dies_on_third(path: str, **kw: Any) -> dict[str, Any]:
        seen.append(path)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(path, **kw)

    monkeypatch.setattr(_article, "process_article", dies_on_third)
    with pytest.raises(KeyboardInterrupt):
        batch.run_batch([str(corpus)], out=out)
    assert not out.exists()
    partials = list(tmp_path.glob("out.jsonl.partial-*"))
    assert len(partials) == 1
    # a line cut in half by the interruption is ignored
    with partials[0].open("ab") as fh:
        fh.write(b'{"schema":1,"source":"cut')

    seen.clear()

    def counting(path: str, **kw: Any) -> dict[str, Any]:
        seen.append(path)
        return real(path, **kw)

    monkeypatch.setattr(_article, "process_article", counting)
    summary = batch.run_batch([str(corpus)], out=out)
    assert summary.reused == 1  # broken.txt failed and is retried; iraqi-alalc.txt is reused
    assert str(corpus / "iraqi-alalc.txt") not in seen
    assert not list(tmp_path.glob("out.jsonl.partial-*"))
    assert [r["source"] for r in _lines(out)] == batch.discover([str(corpus)])


def test_exit_codes(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(DEV / "iraqi-alalc.txt", good / "a.txt")
    assert batch_command.run(_args(str(good), "--out", str(tmp_path / "a.jsonl"))) == 0
    assert batch_command.run(_args(str(corpus), "--out", str(tmp_path / "b.jsonl"))) == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    assert batch_command.run(_args(str(empty), "--out", str(tmp_path / "c.jsonl"))) == 2
    assert "no articles found" in capsys.readouterr().err
    assert (
        batch_command.run(_args(str(tmp_path / "missing"), "--out", str(tmp_path / "d.jsonl"))) == 2
    )
    with pytest.raises(SystemExit) as stopped:  # argparse: the option's own error
        _args(str(good), "--out", str(tmp_path / "d.jsonl"), "--jobs", "-1")
    assert stopped.value.code == 2
    assert batch_command.run(_args(str(good), "--out", str(good))) == 2
    assert not (tmp_path / "c.jsonl").exists()


def test_dash_reads_a_list_of_paths_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(DEV / "iraqi-alalc.txt", good / "a.txt")
    shutil.copy(DEV / "apa-popular.txt", good / "b.txt")
    listing = f"{good / 'b.txt'}\n\n{good / 'a.txt'}\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(listing))
    out = tmp_path / "s.jsonl"
    assert batch_command.run(_args("-", "--out", str(out))) == 0
    assert [x["source"] for x in _lines(out)] == [str(good / "b.txt"), str(good / "a.txt")]


def test_a_directory_walk_reads_word_and_pdf_articles(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx", reason="python-docx writes the test .docx")
    canvas = pytest.importorskip("reportlab.pdfgen.canvas", reason="reportlab draws the PDF")
    pytest.importorskip("pdfplumber", reason="the citenorm[pdf] extra reads the PDF")
    root = tmp_path / "corpus"
    root.mkdir()
    lines = ["Body text.", "", "References", "1. Smith, John. A Book. London: Press, 2001."]
    lines.append("2. Jones, Mary. Another Book. Paris: Maison, 1999.")
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(root / "word.docx"))
    c = canvas.Canvas(str(root / "printed.pdf"), pagesize=(595, 842))
    c.setFont("Helvetica", 12)
    for k, line in enumerate(lines):
        c.drawString(72, 770 - 18 * k, line)
    c.showPage()
    c.save()
    (root / "plain.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    assert {".docx", ".pdf"} <= set(batch.SUFFIXES)
    out = tmp_path / "out.jsonl"
    summary = batch.run_batch([str(root)], out=out)
    records = _lines(out)
    assert [Path(r["source"]).name for r in records] == ["plain.txt", "printed.pdf", "word.docx"]
    assert not summary.failures
    for r in records:
        assert [e["fields"].get("title") for e in r["entries"]] == ["A Book", "Another Book"]


def test_cli_wiring(corpus: Path, tmp_path: Path) -> None:
    from citenorm import cli

    parser = cli._build_parser("batch")
    parser.parse_args(["batch", str(corpus), "--out", "x.jsonl"])
    out = tmp_path / "cli.jsonl"
    assert cli.main(["batch", str(corpus), "--out", str(out), "--no-progress"]) == 1
    assert len(_lines(out)) == 6
    assert cli.main(["batch", str(tmp_path / "nothing-here"), "--out", str(out)]) == 2


def test_progress_callback_in_input_order(corpus: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str, bool]] = []
    batch.run_batch([str(corpus)], out=tmp_path / "p.jsonl", progress=lambda *a: calls.append(a))
    assert [c[0] for c in calls] == list(range(1, 7))
    assert {c[1] for c in calls} == {6}
    assert [c[2] for c in calls] == batch.discover([str(corpus)])
    assert [c[3] for c in calls] == [c[2].endswith("broken.txt") for c in calls]


def test_dask_bag_matches_run_batch(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'citenorm[dask]')")
    out = tmp_path / "out.jsonl"
    batch.run_batch([str(corpus)], out=out, audit=True)
    paths = batch.discover([str(corpus)])
    bag = batch.dask_bag(paths, audit=True, npartitions=3)
    lines = bag.compute(scheduler="synchronous")
    assert ("\n".join(lines) + "\n").encode("utf-8") == out.read_bytes()


# A batch worker lives for the whole corpus, so every per-string memo must be bounded,
# and small: on a corpus whose strings are all new they all fill up (docs/batch.md,
# "Memory": about 225 bytes per entry). Every memo goes through citenorm.memo, which
# enforces the bounds; these tests hold that nothing escapes it.


def _import_everything() -> None:
    import importlib
    import pkgutil

    import citenorm

    for info in pkgutil.walk_packages(citenorm.__path__, "citenorm."):
        if info.name.endswith("__main__"):  # runs the command line
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue


def test_per_string_memos_are_bounded() -> None:
    from citenorm.memo import MEMO_BUDGET, MEMO_MAX, memos

    _import_everything()
    found = {m.name: m.size for m in memos()}
    assert found["citenorm.text.normalize._clean_short"] == 8192
    assert "citenorm.text.lexicon._places" in found  # a table
    assert all(size is None or 0 < size <= MEMO_MAX for size in found.values())
    total = sum(size for size in found.values() if size is not None)
    assert total <= MEMO_BUDGET, f"memos hold up to {total} entries in all"


def test_every_memo_is_in_the_registry() -> None:
    """No ``functools.lru_cache``/``cache`` of citenorm outside :mod:`citenorm.memo`."""
    import sys

    from citenorm.memo import memos

    _import_everything()
    registered = {m.name for m in memos()}
    strays = [
        f"{name}.{attr}"
        for name, module in list(sys.modules.items())
        if name.startswith("citenorm") and module is not None
        for attr, value in vars(module).items()
        if callable(getattr(value, "cache_info", None))
        and getattr(value, "__module__", None) == name
        and f"{name}.{getattr(value, '__qualname__', attr)}" not in registered
    ]
    assert not strays, f"memos outside citenorm.memo: {strays}"


def test_the_registry_refuses_what_would_grow_without_bound() -> None:
    from citenorm.memo import MEMO_MAX, clear_memos, memo, memos

    with pytest.raises(TypeError, match="unbounded memo must take no arguments"):
        memo(None)(lambda text: text)
    with pytest.raises(ValueError, match="memo size"):
        memo(MEMO_MAX + 1)
    from citenorm.text.normalize import fold_any

    fold_any("كتاب التاريخ")
    entries = {m.name: m.entries for m in memos()}
    assert entries["citenorm.text.normalize._fold_any_short"] >= 1
    clear_memos()
    entries = {m.name: m.entries for m in memos()}
    assert entries["citenorm.text.normalize._fold_any_short"] == 0
