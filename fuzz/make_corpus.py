"""Cut the committed seed corpus (``fuzz/corpus/``) from the fixture articles.

Run from the repository root: ``.venv/bin/python fuzz/make_corpus.py``. The files are
small (a few lines each): list headings with the first entries below them, footnote
lines, in-text citations and single list entries of every house style, so that the
fuzzers start from input that reaches deep into the parsers.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
FIXTURES = sorted([*ROOT.glob("fixtures/dev/*.txt"), *ROOT.glob("fixtures/seed/*.txt")])
HEADING = re.compile(
    r"^\s*(?:#+\s*)?\**\s*(?:قائمة\s+)?(?:ال)?(?:مصادر|مراجع|المـ+ر)|^\s*(?:#+\s*)?\**\s*"
    r"(?:References|Bibliography|Sources)",
    re.IGNORECASE,
)
FOOTNOTE = re.compile(r"^\s*(?:\^?[(（][0-9٠-٩*]{1,3}[)）]|\[\^[^\]]+\]:)")
INTEXT = re.compile(r"\([^()]{3,80}[,،]\s*(?:1[0-9]{3}|20[0-9]{2}|[١٢][٠-٩]{3})[^()]{0,30}\)")
MAX_BYTES = 4096


def _write(name: str, text: str) -> None:
    data = text.encode("utf-8")[:MAX_BYTES]
    digest = hashlib.sha1(data).hexdigest()[:10]
    (CORPUS / f"{name}-{digest}").write_bytes(data)


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    for old in CORPUS.iterdir():
        old.unlink()
    for path in FIXTURES:
        stem = path.stem.split("-")[0] if path.parent.name == "seed" else path.stem
        lines = path.read_text(encoding="utf-8").split("\n")
        headings = [i for i, ln in enumerate(lines) if HEADING.match(ln)]
        for k, i in enumerate(headings):
            # the heading and a few entries (sub-headings included)
            _write(f"{stem}-list{k}", "\n".join(lines[i : i + 8]) + "\n")
            # single entries of this list
            for j in (i + 1, i + 2, i + 4):
                if j < len(lines) and lines[j].strip():
                    _write(f"{stem}-entry{j}", lines[i] + "\n" + lines[j] + "\n")
        notes = [i for i, ln in enumerate(lines) if FOOTNOTE.match(ln)]
        for i in notes[:: max(1, len(notes) // 6)][:6]:
            _write(f"{stem}-note{i}", "\n".join(lines[max(0, i - 2) : i + 3]) + "\n")
        cites = [ln for ln in lines if INTEXT.search(ln)]
        for n, ln in enumerate(cites[:3]):
            _write(f"{stem}-intext{n}", ln + "\n")
    # a few hand-made shapes: CR LF, a BOM, UTF-16, a legacy code page
    _write("crlf", "المصادر:\r\n1- العتيبي، محمد، كتاب، بغداد، ٢٠١٥.\r\n")
    (CORPUS / "bom-utf8").write_bytes(
        "\ufeffReferences\nSmith, J. (2019). Title. Oxford: OUP.\n".encode()
    )
    (CORPUS / "utf16le").write_bytes("المراجع\n1. كتاب، ١٩٩٠\n".encode("utf-16-le"))
    (CORPUS / "cp1256").write_bytes("المصادر\n1- الجاسم، علي، تاريخ، 1990.\n".encode("cp1256"))


if __name__ == "__main__":
    main()
