"""``.docx`` -> plain text lines, one per paragraph, with Word's footnotes and endnotes.

What citenorm reads from a WordprocessingML package (a zip file):

* the main document part (found through ``_rels/.rels``), paragraphs in document order,
  tables cell by cell, text boxes (``w:txbxContent``) after the paragraph that anchors
  them, inserted text of tracked changes but not deleted text or field codes;
* the footnotes and endnotes parts (found through the document's relationships). A
  ``w:footnoteReference`` in the body becomes the Markdown marker ``[^N]`` where it
  stands and the note's text becomes a definition ``[^N]: text`` after the body, so the
  extractor reads them as it reads Markdown footnotes. ``w:id`` is not the displayed
  number: notes are numbered in the order of their first reference in the body;
  endnotes continue after the footnotes when a document has both.

The XML is parsed without entity expansion: a part that declares a DOCTYPE or an entity
is refused (the "billion laughs" attack needs one), and the standard library's parser
resolves no external entity.
"""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from citenorm.errors import InputError
from citenorm.io.text import MAX_BYTES
from citenorm.text import _rx

__all__ = ["MAX_PART_BYTES", "DocxText", "read_docx"]

#: Largest uncompressed XML part accepted (a zip bomb guard); real articles use < 5 MB.
#: XML nesting refused beyond this depth (real documents nest tables a few levels deep)
MAX_DEPTH = 256
MAX_PART_BYTES = 64 * 1024 * 1024
#: XML elements a part may hold per byte of ``max_bytes`` (the cap on the text): a parsed
#: element costs about 100 bytes, so the default 64 MiB allows 4 Mi elements (some 400
#: MB, less than the later stages need for 64 MiB of text); a real article's main part
#: holds one element per 3-5 characters of text, a few hundred thousand in all
ELEMENTS_PER_BYTE = 1 / 16

# "<!DOCTYPE lolz [<!ENTITY lol "lol">...]>": DTDs are what entity expansion needs
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_TEXT = _rx.compile(r"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# a placeholder left in the body for a note reference, numbered once the body is read
_REF = _rx.compile("\x00([FE])([^\x00]*)\x00")
_SKIP = frozenset(
    {
        "pPr",
        "rPr",
        "tblPr",
        "tblGrid",
        "trPr",
        "tcPr",
        "sectPr",
        "delText",
        "del",
        "moveFrom",
        "instrText",
        "fldData",
        "footnoteRef",
        "endnoteRef",
        "commentReference",
        "annotationRef",
        "Fallback",  # mc:AlternateContent repeats a text box in VML for old readers
        "bookmarkStart",
        "bookmarkEnd",
        "proofErr",
        "lastRenderedPageBreak",
    }
)
_NOTE_TYPES = {"footnote": "F", "endnote": "E"}


@dataclass(frozen=True)
class DocxText:
    """The text of a ``.docx``: ``lines`` and, for each line, its 1-based paragraph
    number in the document body (``None`` for lines citenorm adds: the blank line before
    the notes and the notes themselves)."""

    lines: list[str]
    paragraphs: list[int | None]


def _local(tag: object) -> str:
    # "{namespace}name" -> "name"; comments and processing instructions have no str tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(el: ET.Element, name: str) -> str | None:
    for key, value in el.attrib.items():
        if _local(key) == name:
            return value
    return None


def parse_xml(
    data: bytes, *, part: str, path: str | None, max_bytes: int | None = None
) -> ET.Element:
    """Parse one XML part, refusing DTDs (no entity expansion, ever).

    With ``max_bytes``, a part whose text (its ``w:t`` elements) would exceed it, or
    that holds more than ``max_bytes * ELEMENTS_PER_BYTE`` elements, is refused as soon
    as parsing gets there (a zip bomb: a few hundred KB that unpack to millions of
    paragraphs): what the later stages would need is never built."""
    max_elements = None if max_bytes is None else max(1, int(max_bytes * ELEMENTS_PER_BYTE))
    elements = text = 0
    if _DTD.search(data) or (
        data[:2] in (b"\xff\xfe", b"\xfe\xff") and _DTD_TEXT.search(data.decode("utf-16", "ignore"))
    ):
        raise InputError(
            f"{part} declares a DOCTYPE or ENTITY (refused: entity expansion is unsafe)",
            path=path,
        )
    try:
        # built event by event, so that a part nested deeper than any real document is
        # refused before the walks below (one Python frame per level) could overflow
        depth = 0
        root: ET.Element | None = None
        for event, el in ET.iterparse(io.BytesIO(data), events=("start", "end")):
            if event == "start":
                depth += 1
                elements += 1
                if depth > MAX_DEPTH:
                    raise InputError(
                        f"{part} is nested more than {MAX_DEPTH} elements deep", path=path
                    )
                if max_elements is not None and elements > max_elements:
                    raise InputError(
                        f"{part} holds more than {max_elements} XML elements, more than "
                        f"--max-bytes {max_bytes} allows (one per 16 bytes)",
                        path=path,
                    )
                root = root if root is not None else el
            else:
                depth -= 1
                if max_bytes is not None and el.text and el.tag.endswith("}t"):
                    text += len(el.text.encode("utf-8", "replace"))
                    if text > max_bytes:
                        raise InputError(
                            f"the text of {part} is longer than --max-bytes ({max_bytes})",
                            path=path,
                        )
    except ET.ParseError as exc:
        raise InputError(f"{part} is not well-formed XML: {exc}", path=path) from None
    if root is None:
        raise InputError(f"{part} is not well-formed XML: no element", path=path)
    return root


class _Package:
    """Read access to the parts of the zip, with size limits and one-line errors."""

    def __init__(self, data: bytes, path: str | None, max_bytes: int = MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.names = set(self.zip.namelist())
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise InputError(f"not a .docx (corrupt zip: {exc})", path=path) from None

    def read(self, part: str) -> bytes | None:
        if part not in self.names:
            return None
        info = self.zip.getinfo(part)
        if info.file_size > MAX_PART_BYTES:
            raise InputError(f"{part} is too large ({info.file_size} bytes)", path=self.path)
        try:
            return self.zip.read(part)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            raise InputError(f"cannot read {part} from the .docx: {exc}", path=self.path) from None

    def xml(self, part: str) -> ET.Element | None:
        data = self.read(part)
        if data is None:
            return None
        return parse_xml(data, part=part, path=self.path, max_bytes=self.max_bytes)

    def relationships(self, source: str) -> dict[str, str]:
        """``{type suffix: part name}`` of the relationships of ``source`` ("" = package)."""
        folder, name = posixpath.split(source)
        root = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        out: dict[str, str] = {}
        if root is None:
            return out
        for rel in root:
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if not kind or not target or rel.get("TargetMode") == "External":
                continue
            part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            out.setdefault(kind, posixpath.normpath(part))
        return out


@dataclass
class _Reader:
    """Walks the body, collecting one text line per paragraph (more for line breaks)."""

    lines: list[str] = field(default_factory=list)
    paragraphs: list[int | None] = field(default_factory=list)
    count: int = 0

    def blocks(self, parent: ET.Element) -> None:
        """Paragraphs and tables under ``parent``, in document order."""
        for child in parent:
            name = _local(child.tag)
            if name == "p":
                self.paragraph(child)
            elif name in _SKIP:
                continue
            else:  # tables, rows, cells, content controls, custom XML, inserted runs...
                self.blocks(child)

    def paragraph(self, p: ET.Element) -> None:
        self.count += 1
        number = self.count
        pieces: list[str] = []
        boxes: list[ET.Element] = []
        _inline(p, pieces, boxes)
        for line in "".join(pieces).split("\n"):
            self.lines.append(line)
            self.paragraphs.append(number)
        for box in boxes:
            self.blocks(box)


def _inline(el: ET.Element, out: list[str], boxes: list[ET.Element]) -> None:
    """Text of a paragraph's runs; text boxes are set aside in ``boxes``."""
    for child in el:
        name = _local(child.tag)
        if name in _SKIP:
            continue
        if name == "t":
            out.append(_clean(child.text or ""))
        elif name == "tab" and _local(el.tag) == "r":
            out.append("\t")
        elif name in ("br", "cr"):
            out.append("\n")
        elif name == "noBreakHyphen":
            out.append("-")
        elif name in ("footnoteReference", "endnoteReference"):
            kind = _NOTE_TYPES[name.removesuffix("Reference")]
            out.append(f"\x00{kind}{_attr(child, 'id') or ''}\x00")
        elif name == "txbxContent":
            boxes.append(child)
        else:
            _inline(child, out, boxes)


def _clean(text: str) -> str:
    # a text node is inline text: no line breaks or NULs of its own
    return re.sub("[\x00\r\n\u2028\u2029\x0b\x0c]", " ", text)


def _note_texts(root: ET.Element | None) -> dict[str, str]:
    """``{w:id: text}`` of the real notes of a footnotes/endnotes part (no separators)."""
    out: dict[str, str] = {}
    if root is None:
        return out
    for note in root:
        if _local(note.tag) not in ("footnote", "endnote"):
            continue
        if (_attr(note, "type") or "normal") != "normal":
            continue  # separator, continuationSeparator, continuationNotice
        reader = _Reader()
        reader.blocks(note)
        text = " ".join(" ".join(ln.replace("\t", " ").split()) for ln in reader.lines)
        out[_attr(note, "id") or ""] = " ".join(_REF.sub("", text).split())
    return out


def _order(refs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    for ref in refs:
        if ref not in seen:
            seen.add(ref)
            yield ref


def read_docx(data: bytes, *, path: str | None = None, max_bytes: int = MAX_BYTES) -> DocxText:
    """The body lines of a ``.docx`` and its notes as Markdown definitions.

    Raises :class:`~citenorm.errors.InputError` for a file that is not a readable
    WordprocessingML package, or whose text would be longer than ``max_bytes`` (default
    64 MiB, as for a text file; each part is checked while it is parsed, see
    :func:`parse_xml`, and the text in all).
    """
    pkg = _Package(data, path, max_bytes)
    main = pkg.relationships("").get("officeDocument", "word/document.xml")
    root = pkg.xml(main)
    if root is None:
        raise InputError("not a .docx (no word/document.xml in the zip)", path=path)
    body = next((el for el in root if _local(el.tag) == "body"), None)
    if body is None:
        raise InputError(f"{main} has no w:body", path=path)
    rels = pkg.relationships(main)
    notes = {
        "F": _note_texts(pkg.xml(rels["footnotes"])) if "footnotes" in rels else {},
        "E": _note_texts(pkg.xml(rels["endnotes"])) if "endnotes" in rels else {},
    }
    reader = _Reader()
    reader.blocks(body)

    refs = [(m[1], m[2]) for line in reader.lines for m in _REF.finditer(line)]
    labels: dict[tuple[str, str], int] = {}
    for kind in ("F", "E"):
        # endnotes continue after the footnotes, so that every marker stays unique
        ordered = [r for r in _order(refs) if r[0] == kind and r[1] in notes[kind]]
        unreferenced = [(kind, i) for i in sorted(notes[kind], key=_id_key)]
        for ref in [*ordered, *(r for r in unreferenced if r not in ordered)]:
            labels[ref] = len(labels) + 1

    def marker(m: re.Match[str]) -> str:
        label = labels.get((m[1], m[2]))
        return f"[^{label}]" if label is not None else ""

    lines = [_REF.sub(marker, line) for line in reader.lines]
    paragraphs = list(reader.paragraphs)
    if labels:
        lines.append("")
        paragraphs.append(None)
        for (kind, ident), label in labels.items():
            lines.append(f"[^{label}]: {notes[kind][ident]}")
            paragraphs.append(None)
    if sum(len(line.encode("utf-8", "replace")) + 1 for line in lines) > max_bytes:
        raise InputError(
            f"the text of the .docx is longer than --max-bytes ({max_bytes})", path=path
        )
    return DocxText(lines=lines, paragraphs=paragraphs)


def _id_key(ident: str) -> tuple[int, str]:
    return (int(ident), "") if ident.lstrip("-").isdigit() else (1 << 30, ident)
