"""``.docx`` -> plain text lines, one per paragraph, with Word's footnotes and endnotes.

What citenorm reads from a WordprocessingML package (a zip file):

* the main document part (found through ``_rels/.rels``), paragraphs in document order,
  tables cell by cell, text boxes (``w:txbxContent``) after the paragraph that anchors
  them;
* what Word displays, as it prints the document with its tracked changes accepted:
  inserted and moved-to text, not deleted or moved-from text, nor a deleted table row; a
  paragraph whose mark is deleted (``w:pPr/w:rPr/w:del`` or ``w:moveFrom``) or hidden
  (its mark ``w:vanish``/``w:specVanish``: Word's style separator) runs on into the next
  one; hidden text (``w:vanish``, ``w:specVanish``, directly or through the run's or the
  paragraph's style) is not read (``w:webHidden`` is: it hides text in Web layout only);
  a field's result (``w:fldSimple``; between ``w:fldCharType`` separate and end), never
  its instruction (``w:instrText``, and whatever a field nested in the instruction
  shows): a citation manager's citations and its bibliography (``ADDIN ZOTERO_ITEM``,
  ``ZOTERO_BIBL``, ``EN.CITE``...) read as the text they display (a field that never
  ends, in a damaged file, would hide the rest: that story is read with its
  instructions); no comment (only the body's text of a commented range);
* a page or column break (``w:br w:type="page"``/``"column"``) is a space inside a
  paragraph, nothing at its start or end (a paragraph holding only one gives no line);
  a line break (``w:br``, ``w:cr``) starts a new line; ``w:tab`` and ``w:ptab`` are a
  tab, ``w:noBreakHyphen`` a hyphen, ``w:softHyphen`` nothing (it shows at a line's end
  only); a ``w:sym`` is its character, or a space when that is a symbol font's glyph
  (``w:char`` F000-F0FF, which has no Unicode meaning);
* Word's automatic list numbers (ECMA-376 part 1, 17.9), which are no part of the
  text: a paragraph numbered through ``w:numPr`` (its own, or its style's, ``w:basedOn``
  followed) gets the number Word displays at the start of its line (see
  :class:`_Numbering`);
* the footnotes and endnotes parts (found through the document's relationships). A
  ``w:footnoteReference`` in the body becomes the Markdown marker ``[^N]`` where it
  stands and the note's text becomes a definition ``[^N]: text`` after the body, so the
  extractor reads them as it reads Markdown footnotes. ``w:id`` is not the displayed
  number: notes are numbered in the order of their first reference in the body;
  endnotes continue after the footnotes when a document has both. A note's paragraphs
  are joined into one line, lists numbered by Word with their numbers; a note referenced
  only from deleted, hidden or field-code text is not read.

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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from citenorm.errors import InputError
from citenorm.io.text import MAX_BYTES
from citenorm.text import _rx
from citenorm.text.vocab import ARABIC_ABJAD_LETTERS, ARABIC_ALPHA_LETTERS

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
        "sdtPr",
        "sdtEndPr",
        "delText",
        "del",
        "moveFrom",
        "instrText",
        "delInstrText",
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
#: tracked changes whose content the document, its changes accepted, does not hold
_REMOVED = frozenset({"del", "moveFrom"})
# a page or column break, until the paragraph is whole: a space between two words,
# nothing at a line's start or end or beside a space
_BREAK = "\x02"
_BREAK_EDGES = _rx.compile("^\x02+|\x02+$|(?<=\\s)\x02+|\x02+(?=\\s)")
#: a symbol font's characters (``w:sym w:char``): F000 + the font's own code
_SYMBOL_FONT = range(0xF000, 0xF100)


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


_LEVELS = 9  # w:ilvl 0..8
_PLACEHOLDER = _rx.compile("%([1-9])")
_TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
#: a letter repeated at most this often (``zzzz...``): a forged ``w:start`` of 10**12 in
#: ``lowerLetter`` would otherwise ask for billions of letters
_MAX_LETTERS = 30
#: what follows the number (``w:suff``): a tab by default
_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}


def _val(el: ET.Element | None, name: str) -> str | None:
    """``w:val`` of the child ``name`` of ``el``."""
    if el is None:
        return None
    child = next((c for c in el if _local(c.tag) == name), None)
    return None if child is None else _attr(child, "val")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def number_text(n: int, fmt: str) -> str:
    """``n`` as Word displays it in the number format ``fmt`` (``w:numFmt``): decimal,
    decimalZero, upper/lowerRoman, upper/lowerLetter (a..z, aa..zz...), arabicAbjad and
    arabicAlpha (28 letters; decimal beyond), hindiNumbers (Arabic-Indic digits); none
    and bullet: no number; any other format, or a number beyond what a format writes
    (letters repeated more than :data:`_MAX_LETTERS` times): decimal."""
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        text = _roman(n)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("upperLetter", "lowerLetter") and 0 < n <= 26 * _MAX_LETTERS:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    letters = {"arabicAbjad": ARABIC_ABJAD_LETTERS, "arabicAlpha": ARABIC_ALPHA_LETTERS}.get(fmt)
    if letters is not None and 0 < n <= len(letters):
        return letters[n - 1]
    if fmt == "hindiNumbers":
        return str(n).translate(_TO_ARABIC_INDIC)
    return str(n)


@dataclass(frozen=True)
class _Level:
    """One level of a list (``w:lvl``)."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: None = after any higher level, 0 = never
    legal: bool = False  # w:isLgl: every level's number shown in decimal
    suffix: str = "\t"


def _level(lvl: ET.Element) -> _Level:
    text_el = next((c for c in lvl if _local(c.tag) == "lvlText"), None)
    restart = _val(lvl, "lvlRestart")
    legal = next((c for c in lvl if _local(c.tag) == "isLgl"), None)
    return _Level(
        start=_int(_val(lvl, "start"), 0),  # 17.9.25: no w:start, the list starts at 0
        fmt=_val(lvl, "numFmt") or "decimal",
        text="" if text_el is None else (_attr(text_el, "val") or ""),
        restart=None if restart is None else _int(restart, 0),
        legal=legal is not None and (_attr(legal, "val") or "1") not in ("0", "false", "off"),
        suffix=_SUFFIX.get(_val(lvl, "suff") or "tab", "\t"),
    )


def _levels(parent: ET.Element) -> dict[int, _Level]:
    return {_int(_attr(lvl, "ilvl"), 0): _level(lvl) for lvl in parent if _local(lvl.tag) == "lvl"}


class _Numbering:
    """Word's automatic numbers (ECMA-376 part 1, 17.9): ``word/numbering.xml`` (lists:
    ``w:num`` -> ``w:abstractNum`` and its levels ``w:lvl``; a ``w:num``'s
    ``w:lvlOverride`` with a ``w:startOverride`` or a ``w:lvl`` of its own) and the
    paragraph styles that number their paragraphs (``word/styles.xml``).

    :meth:`label` gives, paragraph by paragraph in document order, the text Word shows
    before a numbered paragraph: the level's ``w:lvlText`` with each ``%N`` replaced by
    the current number of level N in its format, then the ``w:suff`` (a tab unless it
    says space or nothing). Counters run per list: the ``w:num``s of one abstract list
    without overrides continue one another (as Word numbers them); a ``w:num`` with a
    start override is a list of its own, starting there (Word's "Restart numbering").
    A level restarts after a higher level is used (``w:lvlRestart``: after which, 0:
    never)."""

    def __init__(self, numbering: ET.Element | None, styles: ET.Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}  # abstractNumId -> the numbering style it points to
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        for el in [] if numbering is None else list(numbering):
            name = _local(el.tag)
            if name == "abstractNum":
                ident = _attr(el, "abstractNumId") or ""
                self.abstract[ident] = _levels(el)
                link = _val(el, "numStyleLink")
                if link:
                    links[ident] = link
            elif name == "num":
                starts: dict[int, int] = {}
                own: dict[int, _Level] = {}
                for over in el:
                    if _local(over.tag) != "lvlOverride":
                        continue
                    ilvl = _int(_attr(over, "ilvl"), 0)
                    start = _val(over, "startOverride")
                    if start is not None:
                        starts[ilvl] = _int(start, 1)
                    for lvl in over:
                        if _local(lvl.tag) == "lvl":  # the level redefined for this list
                            own[ilvl] = _level(lvl)
                abstract = _val(el, "abstractNumId") or ""
                self.nums[_attr(el, "numId") or ""] = (abstract, starts, own)
        # paragraph styles: styleId -> (numId, ilvl, basedOn)
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        for style in [] if styles is None else list(styles):
            if _local(style.tag) != "style":
                continue
            ppr = next((c for c in style if _local(c.tag) == "pPr"), None)
            numpr = (
                None if ppr is None else next((c for c in ppr if _local(c.tag) == "numPr"), None)
            )
            self.styles[_attr(style, "styleId") or ""] = (
                _val(numpr, "numId"),
                _val(numpr, "ilvl"),
                _val(style, "basedOn"),
            )
        # an abstract list that only points to a numbering style takes that style's list
        for ident, link in links.items():
            target = self._style_numbering(link)[0]
            if target in self.nums and self.nums[target][0] != ident:
                self.abstract[ident] = self.abstract.get(self.nums[target][0], {})
        self.counters: dict[str, list[int | None]] = {}

    def _style_numbering(self, style: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph style gives, through its ``w:basedOn`` chain."""
        num = ilvl = None
        for _ in range(16):  # a loop of basedOn ends here
            if style is None or style not in self.styles:
                break
            s_num, s_ilvl, style = self.styles[style]
            num = num if num is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        return num, ilvl

    def label(self, p: ET.Element) -> str:
        """The number Word displays before the paragraph ``p`` ("" if it has none);
        counts the paragraph in its list."""
        if not self.nums:
            return ""
        ppr = next((c for c in p if _local(c.tag) == "pPr"), None)
        if ppr is None:
            return ""
        numpr = next((c for c in ppr if _local(c.tag) == "numPr"), None)
        num, ilvl_text = (_val(numpr, "numId"), _val(numpr, "ilvl"))
        if num is None or ilvl_text is None:
            s_num, s_ilvl = self._style_numbering(_val(ppr, "pStyle"))
            num = num if num is not None else s_num
            ilvl_text = ilvl_text if ilvl_text is not None else s_ilvl
        if num is None or num not in self.nums:
            return ""  # numId 0 (or none): not numbered
        abstract, starts, own = self.nums[num]
        levels = {**self.abstract.get(abstract, {}), **own}
        ilvl = min(max(_int(ilvl_text, 0), 0), _LEVELS - 1)
        level = levels.get(ilvl)
        if level is None:
            return ""
        key = f"num {num}" if starts or own else f"abstract {abstract}"

        def start(k: int) -> int:
            return starts.get(k, levels[k].start if k in levels else 1)

        counters = self.counters.setdefault(key, [None] * _LEVELS)
        value = counters[ilvl]
        counters[ilvl] = start(ilvl) if value is None else value + 1
        for deeper in range(ilvl + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart and ilvl < restart):
                counters[deeper] = None

        def number(m: re.Match[str]) -> str:
            k = int(m[1]) - 1
            value = counters[k]
            fmt = levels[k].fmt if k in levels else "decimal"
            if level.legal and fmt != "none":
                fmt = "decimal"
            return number_text(start(k) if value is None else value, fmt)

        if level.fmt == "bullet":
            return ""
        text = _PLACEHOLDER.sub(number, level.text)
        return text + level.suffix if text.strip() else ""


def _on(el: ET.Element) -> bool:
    """A toggle property's value (``w:val`` absent, or not 0/false/off: on)."""
    return (_attr(el, "val") or "1") not in ("0", "false", "off")


def _hidden_by(props: ET.Element | None) -> bool | None:
    """Whether run properties hide the text (``w:vanish``, ``w:specVanish``); ``None``
    when they do not say."""
    if props is None:
        return None
    said: bool | None = None
    for child in props:
        name = _local(child.tag)
        if name == "specVanish" and _on(child):
            return True
        if name == "vanish":
            said = _on(child)
    return said


def _child(el: ET.Element | None, name: str) -> ET.Element | None:
    return None if el is None else next((c for c in el if _local(c.tag) == name), None)


def _removed(props: ET.Element | None) -> bool:
    """Whether properties (of a paragraph mark, a table row) mark it deleted or moved
    away, as a tracked change."""
    return props is not None and any(_local(c.tag) in _REMOVED for c in props)


class _Styles:
    """What the styles of ``word/styles.xml`` say of hidden text: a paragraph or character
    style's ``w:rPr`` ``w:vanish``, through its ``w:basedOn`` chain."""

    def __init__(self, styles: ET.Element | None) -> None:
        self.styles: dict[str, tuple[bool | None, str | None]] = {}
        for style in [] if styles is None else list(styles):
            if _local(style.tag) == "style":
                self.styles[_attr(style, "styleId") or ""] = (
                    _hidden_by(_child(style, "rPr")),
                    _val(style, "basedOn"),
                )

    def hidden(self, style: str | None) -> bool | None:
        """Whether the style (or one it is based on) hides text; ``None``: it does not say."""
        for _ in range(16):  # a loop of basedOn ends here
            if style is None or style not in self.styles:
                return None
            said, style = self.styles[style]
            if said is not None:
                return said
        return None


@dataclass
class _Reader:
    """Walks the body, collecting one text line per paragraph (more for line breaks).

    ``fields``: the fields open at this point (complex fields run across runs and
    paragraphs), each ``True`` while its instruction is being read, ``False`` in its
    result. ``unread``: the note references found in text not read (deleted, hidden, a
    field's instruction)."""

    lines: list[str] = field(default_factory=list)
    paragraphs: list[int | None] = field(default_factory=list)
    count: int = 0
    numbering: _Numbering | None = None
    styles: _Styles | None = None
    fields: list[bool] = field(default_factory=list)
    unread: set[tuple[str, str]] = field(default_factory=set)
    # a paragraph whose mark is deleted or hidden: its number, text and text boxes, which
    # the next paragraph continues
    carry: tuple[int, list[str], list[ET.Element]] | None = None
    paragraph_hidden: bool | None = None
    # read fields' instructions' text as well: for a story whose field never ends
    # (a damaged file), where hiding it would lose the rest of the story
    every_field: bool = False

    def unclosed(self) -> bool:
        """Whether a field whose instruction began was never closed (see ``every_field``)."""
        return any(self.fields) and not self.every_field

    def blocks(self, parent: ET.Element) -> None:
        """Paragraphs and tables under ``parent``, in document order."""
        for child in parent:
            name = _local(child.tag)
            if name == "p":
                self.paragraph(child)
            elif name in _SKIP:
                if name in _REMOVED:
                    self.set_aside(child)
                continue
            elif name == "tr" and _removed(_child(child, "trPr")):
                self.set_aside(child)  # a deleted table row
            elif name in ("tbl", "tc", "txbxContent"):
                self.flush()  # a paragraph runs on within its cell, not out of it
                self.blocks(child)
                self.flush()
            else:  # rows, content controls, custom XML, inserted runs...
                self.blocks(child)

    def set_aside(self, el: ET.Element) -> None:
        """Note references of content that is not read."""
        for ref in el.iter():
            name = _local(ref.tag)
            if name in ("footnoteReference", "endnoteReference"):
                kind = _NOTE_TYPES[name.removesuffix("Reference")]
                self.unread.add((kind, _attr(ref, "id") or ""))

    def paragraph(self, p: ET.Element) -> None:
        self.count += 1
        number = self.count
        pieces: list[str] = []
        boxes: list[ET.Element] = []
        ppr = _child(p, "pPr")
        mark = _child(ppr, "rPr")
        style = _val(ppr, "pStyle")
        self.paragraph_hidden = None if self.styles is None else self.styles.hidden(style)
        deleted = _removed(mark)
        hidden = _hidden_by(mark)
        if hidden is None and mark is not None and self.styles is not None:
            hidden = self.styles.hidden(_val(mark, "rStyle"))
        hidden = self.paragraph_hidden if hidden is None else hidden
        label = ""
        if self.numbering is not None and not deleted:
            label = self.numbering.label(p)
        self.inline(p, pieces, boxes, shown=True)
        if self.carry is not None:
            number, before, before_boxes = self.carry
            pieces = before + pieces
            boxes = before_boxes + boxes
            self.carry = None
        if deleted or hidden:
            self.carry = (number, pieces if not label else [label, *pieces], boxes)
            return
        self.emit(number, [label, *pieces], boxes)

    def emit(self, number: int, pieces: list[str], boxes: list[ET.Element]) -> None:
        text = "".join(pieces)
        if _BREAK in text and not text.replace(_BREAK, "").strip():
            text = ""  # a paragraph holding only a page break: no line of its own
        else:
            for line in text.split("\n"):
                self.lines.append(_BREAK_EDGES.sub("", line).replace(_BREAK, " "))
                self.paragraphs.append(number)
        for box in boxes:
            self.blocks(box)

    def flush(self) -> None:
        """A paragraph left waiting for the next one when none follows."""
        if self.carry is not None:
            carried, self.carry = self.carry, None
            self.emit(*carried)

    def inline(self, el: ET.Element, out: list[str], boxes: list[ET.Element], shown: bool) -> None:
        """Text of a paragraph's runs; text boxes are set aside in ``boxes``; ``shown``:
        whether the text is displayed (not hidden)."""
        for child in el:
            name = _local(child.tag)
            if name == "fldChar":
                kind = _attr(child, "fldCharType")
                if kind == "begin":
                    self.fields.append(True)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = False
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if name in _SKIP:
                if name in _REMOVED:
                    self.set_aside(child)
                continue
            if name == "r":
                self.inline(child, out, boxes, shown and not self.run_hidden(child))
                continue
            read = shown and (self.every_field or not any(self.fields))
            if name in ("footnoteReference", "endnoteReference"):
                kind = _NOTE_TYPES[name.removesuffix("Reference")]
                if read:
                    out.append(f"\x00{kind}{_attr(child, 'id') or ''}\x00")
                else:
                    self.unread.add((kind, _attr(child, "id") or ""))
            elif name == "txbxContent":
                if read:
                    boxes.append(child)
            elif name in _INLINE_ELEMENTS:
                if read:
                    out.append(_inline_text(child, el))
            else:
                self.inline(child, out, boxes, shown)

    def run_hidden(self, run: ET.Element) -> bool:
        props = _child(run, "rPr")
        said = _hidden_by(props)
        if said is None and props is not None and self.styles is not None:
            said = self.styles.hidden(_val(props, "rStyle"))
        return bool(self.paragraph_hidden) if said is None else said


_INLINE_ELEMENTS = frozenset({"t", "tab", "ptab", "br", "cr", "noBreakHyphen", "sym"})


def _inline_text(el: ET.Element, parent: ET.Element) -> str:
    """What a run's element shows (see the module's docstring)."""
    name = _local(el.tag)
    if name == "t":
        return _clean(el.text or "")
    if name in ("tab", "ptab"):  # (a w:tab in a paragraph's properties is a tab stop)
        return "\t" if _local(parent.tag) == "r" else ""
    if name == "br":
        return _BREAK if _attr(el, "type") in ("page", "column") else "\n"
    if name == "cr":
        return "\n"
    if name == "noBreakHyphen":
        return "-"
    code = _int_hex(_attr(el, "char"))  # w:sym
    if code is None or code in _SYMBOL_FONT or not 0x20 <= code <= 0x10FFFF:
        return " "
    if 0xD800 <= code <= 0xDFFF or 0x7F <= code <= 0x9F:
        return " "
    return chr(code)


def _int_hex(text: str | None) -> int | None:
    try:
        return int(text, 16) if text else None
    except ValueError:
        return None


def _clean(text: str) -> str:
    # a text node is inline text: no line breaks, NULs or break marks of its own
    return re.sub("[\x00\x02\r\n\u2028\u2029\x0b\x0c]", " ", text)


def _note_texts(
    root: ET.Element | None, numbering: _Numbering | None, styles: _Styles | None
) -> dict[str, str]:
    """``{w:id: text}`` of the real notes of a footnotes/endnotes part (no separators):
    a note's paragraphs joined, lists numbered (``numbering``: the part's own counters,
    running from note to note)."""
    out: dict[str, str] = {}
    if root is None:
        return out
    for note in root:
        if _local(note.tag) not in ("footnote", "endnote"):
            continue
        if (_attr(note, "type") or "normal") != "normal":
            continue  # separator, continuationSeparator, continuationNotice
        reader = _read(note, lambda: numbering, styles)
        text = " ".join(" ".join(ln.replace("\t", " ").split()) for ln in reader.lines)
        out[_attr(note, "id") or ""] = " ".join(_REF.sub("", text).split())
    return out


def _read(
    story: ET.Element, numbering: Callable[[], _Numbering | None], styles: _Styles | None
) -> _Reader:
    """The reader of a story (the body, a note) once it has read it all. A field left
    open (no ``end``: a damaged file) would hide all that follows its ``begin``: such a
    story is read again, the instructions' text with it."""
    for every_field in (False, True):
        reader = _Reader(numbering=numbering(), styles=styles, every_field=every_field)
        reader.blocks(story)
        reader.flush()
        if not reader.unclosed():
            break
    return reader


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
    styles_xml = pkg.xml(rels["styles"]) if "styles" in rels else None
    styles = _Styles(styles_xml)
    numbering_xml = pkg.xml(rels["numbering"]) if "numbering" in rels else None

    def numbering() -> _Numbering | None:
        # each story (the body, the footnotes, the endnotes) counts its own lists
        return None if numbering_xml is None else _Numbering(numbering_xml, styles_xml)

    notes = {
        kind: _note_texts(pkg.xml(rels[part]), numbering(), styles) if part in rels else {}
        for kind, part in (("F", "footnotes"), ("E", "endnotes"))
    }
    reader = _read(body, numbering, styles)

    refs = [(m[1], m[2]) for line in reader.lines for m in _REF.finditer(line)]
    seen = set(refs)
    labels: dict[tuple[str, str], int] = {}
    for kind in ("F", "E"):
        # endnotes continue after the footnotes, so that every marker stays unique
        ordered = [r for r in _order(refs) if r[0] == kind and r[1] in notes[kind]]
        # a note whose references are all deleted (or hidden) is not read
        unreferenced = [
            (kind, i)
            for i in sorted(notes[kind], key=_id_key)
            if (kind, i) not in reader.unread or (kind, i) in seen
        ]
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
