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
from collections.abc import Callable, Mapping
from typing import Any
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = {
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    "comments": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
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


def _paragraph_xml(
    text: str, kind: str, first: bool, runs: Callable[[str], str] | None = None
) -> str:
    mark = ""
    if first:  # the note's own number, as Word writes it
        ref = "footnoteRef" if kind == "footnote" else "endnoteRef"
        mark = f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{ref}/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>'
    inner = runs(text) if runs is not None else run(text)
    return f'<w:p><w:pPr><w:pStyle w:val="FootnoteText"/><w:bidi/></w:pPr>{mark}{inner}</w:p>'


def notes_xml(
    notes: Mapping[int, str | list[str]],
    kind: str = "footnote",
    runs: Callable[[str], str] | None = None,
) -> bytes:
    """``footnotes.xml`` (or ``endnotes.xml``) holding ``{w:id: text or paragraphs}``;
    ``runs`` writes a paragraph's text (one run by default)."""
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s xmlns:w="{W_NS}">',
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>',
    ]
    for ident, text in notes.items():
        paras = [text] if isinstance(text, str) else text
        body = "".join(_paragraph_xml(t, kind, i == 0, runs) for i, t in enumerate(paras))
        parts.append(f'<w:{kind} w:id="{ident}">{body}</w:{kind}>')
    parts.append(f"</w:{kind}s>")
    return "".join(parts).encode("utf-8")


def comments_xml(comments: Mapping[int, str]) -> bytes:
    """``comments.xml`` holding ``{w:id: text}``, as a reviewer leaves them."""
    parts = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W_NS}">'
    ]
    for ident, text in comments.items():
        parts.append(
            f'<w:comment w:id="{ident}" w:author="Editor" w:initials="E"><w:p><w:r>'
            f'<w:annotationRef/></w:r><w:r><w:t xml:space="preserve">{escape(text)}</w:t>'
            "</w:r></w:p></w:comment>"
        )
    parts.append("</w:comments>")
    return "".join(parts).encode("utf-8")


def field(instruction: str, result: str = "") -> str:
    """A complex field (``w:fldChar`` begin, ``w:instrText``, separate, end) whose
    result is the runs ``result``; the instruction cut into runs of at most 255
    characters, as Word writes a long one."""
    code = "".join(
        f'<w:r><w:instrText xml:space="preserve">{escape(instruction[k : k + 255])}</w:instrText></w:r>'
        for k in range(0, len(instruction), 255)
    )
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{code}'
        f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{result}'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def run(text: str, props: str = "") -> str:
    """A ``w:r`` of ``text`` with the run properties ``props`` (``<w:vanish/>``...)."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


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
    comments: bytes | None = None,
    replace: Mapping[str, bytes] | None = None,
) -> bytes:
    """A copy of the package with notes (or comments) parts added (and any part replaced)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    added = {"footnotes": footnotes, "endnotes": endnotes, "comments": comments}
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


def package(
    body: str,
    *,
    numbering: str | None = None,
    styles: str = "",
    relationships: str = "",
) -> bytes:
    """A package whose body is the XML ``body`` (``w:p`` and ``w:tbl`` elements, the
    prefixes of python-docx's document: ``w:``, ``r:``...), on python-docx's default
    template: ``numbering`` (the children of ``w:numbering``) replaces its
    ``word/numbering.xml``, ``styles`` (``w:style`` elements) is added to its styles
    and ``relationships`` (``Relationship`` elements) to the document's."""
    import docx

    base = save(docx.Document())
    parts = zipfile.ZipFile(io.BytesIO(base))
    document = parts.read("word/document.xml").replace(b"<w:body>", b"<w:body>" + body.encode())
    replace = {
        "word/document.xml": document,
        "word/styles.xml": parts.read("word/styles.xml").replace(
            b"</w:styles>", styles.encode() + b"</w:styles>"
        ),
        "word/_rels/document.xml.rels": parts.read("word/_rels/document.xml.rels").replace(
            b"</Relationships>", relationships.encode() + b"</Relationships>"
        ),
    }
    if numbering is not None:
        replace["word/numbering.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>'
        ).encode()
    return with_parts(base, replace=replace)


def abstract_num(ident: int, *levels: str) -> str:
    """A ``w:abstractNum`` of ``levels`` (each from :func:`level`)."""
    return f'<w:abstractNum w:abstractNumId="{ident}">{"".join(levels)}</w:abstractNum>'


def level(ilvl: int, fmt: str, text: str, *, start: int = 1, extra: str = "") -> str:
    """A ``w:lvl``: its number format, ``w:lvlText`` and ``w:start``."""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/>{extra}</w:lvl>'
    )


def num(ident: int, abstract: int, *, start_override: dict[int, int] | None = None) -> str:
    """A ``w:num`` of the abstract list, with Word's "restart numbering" overrides."""
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{k}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
        for k, v in (start_override or {}).items()
    )
    return f'<w:num w:numId="{ident}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>'


def para(
    text: str,
    *,
    num_id: int | None = None,
    ilvl: int | None = None,
    style: str = "",
    bidi: bool = False,
) -> str:
    """A ``w:p`` of one run, numbered by ``num_id``/``ilvl`` and/or its ``style``."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None or ilvl is not None:
        inner = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
        inner += "" if num_id is None else f'<w:numId w:val="{num_id}"/>'
        ppr += f"<w:numPr>{inner}</w:numPr>"
    ppr += "<w:bidi/>" if bidi else ""
    props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
