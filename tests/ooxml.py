"""A small OOXML writer for the tests: Word footnotes and endnotes, which python-docx
cannot create, and hostile parts.

python-docx writes the body (paragraphs, tables); :func:`add_note_reference` puts a
``w:footnoteReference`` run into one of its paragraphs, and :func:`with_notes` adds
``word/footnotes.xml`` / ``word/endnotes.xml`` to the saved package, with their
relationships and content types, the way Word lays them out (separator notes first).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = {
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
}

MARKER = re.compile(r"\[\^([0-9]+)\]")


def add_note_reference(paragraph: Any, note_id: int, kind: str = "footnote") -> None:
    """Append a run holding a footnote (or endnote) reference to a python-docx paragraph."""
    run = paragraph.add_run()
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "FootnoteReference" if kind == "footnote" else "EndnoteReference")
    rpr.append(style)
    run._r.append(rpr)
    ref = OxmlElement(f"w:{kind}Reference")
    ref.set(qn("w:id"), str(note_id))
    run._r.append(ref)


def add_text_with_markers(paragraph: Any, text: str, ids: Mapping[int, int]) -> None:
    """Write ``text`` into ``paragraph``, each ``[^n]`` as a reference to note ``ids[n]``."""
    pos = 0
    for m in MARKER.finditer(text):
        if m.start() > pos:
            paragraph.add_run(text[pos : m.start()])
        add_note_reference(paragraph, ids[int(m[1])])
        pos = m.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _paragraph_xml(text: str, kind: str, first: bool) -> str:
    mark = ""
    if first:  # the note's own number, as Word writes it
        ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
        mark = f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{ref}/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
    return f'<w:p><w:pPr><w:pStyle w:val="FootnoteText"/><w:bidi/></w:pPr>{mark}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def notes_xml(notes: Mapping[int, str | list[str]], kind: str = "footnote") -> bytes:
    """``footnotes.xml`` (or ``endnotes.xml``) holding ``{w:id: text or paragraphs}``."""
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s xmlns:w="{W_NS}">',
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>',
    ]
    for ident, text in notes.items():
        paras = [text] if isinstance(text, str) else text
        body = "".join(_paragraph_xml(t, kind, i == 0) for i, t in enumerate(paras))
        parts.append(f'<w:{kind} w:id="{ident}">{body}</w:{kind}>')
    parts.append(f"</w:{kind}s>")
    return "".join(parts).encode("utf-8")


def billion_laughs(root: str = "w:footnotes") -> bytes:
    """The classic entity-expansion bomb (10**9 "lol"s if expanded)."""
    ents = ['<!ENTITY lol "lol">']
    ents += [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    ]
    decl = "\n".join(ents)
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n{decl}\n]>\n'
        f'<{root} xmlns:w="{W_NS}"><w:footnote w:id="1"><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:footnote></{root}>'
    ).encode()


def with_parts(
    docx: bytes,
    *,
    footnotes: bytes | None = None,
    endnotes: bytes | None = None,
    replace: Mapping[str, bytes] | None = None,
) -> bytes:
    """A copy of the package with notes parts added (and any part replaced)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    added = {"footnotes": footnotes, "endnotes": endnotes}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if replace and item.filename in replace:
                data = replace[item.filename]
            elif item.filename == "[Content_Types].xml":
                for kind, part in added.items():
                    if part is not None:
                        data = data.replace(
                            b"</Types>",
                            f'<Override PartName="/word/{kind}.xml" ContentType="{_CT[kind]}"/></Types>'.encode(),
                        )
            elif item.filename == "word/_rels/document.xml.rels":
                for kind, part in added.items():
                    if part is not None:
                        data = data.replace(
                            b"</Relationships>",
                            f'<Relationship Id="rIdCitenorm{kind}" Type="{_REL_NS}/{kind}" Target="{kind}.xml"/></Relationships>'.encode(),
                        )
            dst.writestr(item, data)
        for kind, part in added.items():
            if part is not None:
                dst.writestr(f"word/{kind}.xml", part)
    return out.getvalue()


def save(document: Any) -> bytes:
    """A python-docx document as bytes."""
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
