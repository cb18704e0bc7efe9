"""The text documents as Word users type them, saved as ``.docx``, read back, scored.

Every gold text document (the ``.txt`` of ``../shared/dev-real`` and the fixtures; not
the texts that a PDF reader gave of a PDF at hand, whose right-to-left lines are in
visual order: nobody types that into Word) becomes a WordprocessingML package in each
of :data:`VARIANTS`, is read back as ``citenorm match FILE.docx`` reads it
(``load_document``: :mod:`citenorm.io.docx`) and is scored against the same gold by
``accuracy.py``'s scoring (the evaluator's metrics, pooled by its ``n_*`` counts), beside
the same documents read as text: what the ``.docx`` path loses.

* ``typed``: a paragraph per line of the text, numbers typed in it; a note whose
  marker the body holds (``(3)`` or ``[3]`` above the note on its page, ``[^3]``
  anywhere) becomes a real Word footnote referenced from there (the note's line, its
  wrapped lines, the printed rule above a page's notes and the blank line after them
  leave the body); a form feed is a page break; an Arabic paragraph is ``w:bidi``.
* ``auto-numbered``: the same, but every numbered line that is not a note is numbered
  by Word: the number leaves the text, the paragraph gets ``w:numPr`` and
  ``word/numbering.xml`` the list's own format (``%1.``, ``%1-``, ``(%1)``, ``[%1]``,
  ``%1)``; ``hindiNumbers`` where the text used Arabic-Indic digits); a list that does
  not continue the one before restarts as Word restarts it (a new ``w:num`` with a
  ``w:startOverride``).
* ``auto-numbered, by style``: the same lists numbered through their paragraph style
  (``w:pStyle`` -> the style's ``w:numPr``), a restart by the paragraph's own ``w:numPr``.
* ``runs split``: ``typed`` as Word saves a document that was edited: runs split at
  random points (inside words too), ``w:proofErr`` around words, bookmarks,
  ``w:rtl`` on Arabic runs, web addresses inside ``w:hyperlink`` (or a ``HYPERLINK``
  field), a ``w:tab`` between a typed list number and the text.
* ``auto-numbered, runs split``: both.
* ``endnotes``: ``typed`` with the notes as Word's endnotes.
* ``markers raised``: the notes typed where the text has them (no Word notes), each
  marker found for them typed as raised digits (a run in ``w:vertAlign superscript``,
  no brackets), as authors who do not use Word's notes type them.
* ``citation manager fields``: ``typed`` as Zotero or EndNote leave it: every Word
  note's text and every parenthesis holding a year in the body the result of a citation
  field (``ADDIN ZOTERO_ITEM CSL_CITATION {json}``, its JSON holding the text, or
  ``ADDIN EN.CITE <EndNote>...`` with a nested ``EN.CITE.DATA`` field), the lists (from
  the first gold entry's paragraph to the last's) the result of one ``ADDIN
  ZOTERO_BIBL`` field.
* ``edited, changes tracked``: ``runs split`` as an editor returns it, changes tracked
  and not yet accepted: runs inserted (``w:ins``) or moved here (``w:moveTo``), words
  deleted (``w:del``), moved away (``w:moveFrom``) or hidden (``w:vanish``) after a run
  (a copy of its last words: read, they repeat them), comments around runs (their text
  in ``comments.xml``, a copy of the run), soft hyphens inside words, page breaks after
  a space, a paragraph cut in two whose first mark is deleted (Word joins them), a
  deleted paragraph before one, a deleted reference to a note (a copy of the note
  referenced beside it).

The gold stays valid: a variant changes what the evaluator does not compare (an entry's
number is no part of its gold text; a note's number and marker tie it to the body, which
the footnote reference does; a run boundary is no character), and keeps every character
of every gold text: what Word displays, its changes accepted, is the text.

Run from the project root::

    .venv/bin/python benchmarks/wordset.py [--variant LABEL] [--only SUBSTRING]
        [--show DOC] [--text DOC] [--json]

``--text DOC`` prints the text citenorm reads from the package (the ``Loaded`` text).
The packages are cached outside the repository (they hold third-party texts):
``$XDG_CACHE_HOME/citenorm-wordset/<sha>.docx`` (``~/.cache`` by default). Without
python-docx (the ``test`` extra) or ``../shared`` the benchmark says so and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # (the scoring, the documents: one copy of them)
import typeset  # (which lines are notes: one copy of that reading)

ROOT = accuracy.ROOT
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "citenorm-wordset"

_ARABIC = re.compile("[\u0621-\u064a]")
_MD_NOTE = re.compile(r"^\s*\[\^([0-9]+)\]:\s*")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"]+[^\s<>()\".,،;:]")
_TO_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_TO_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# "(Smith 2000: 12)", "(الجابري، 1982)": a parenthesis holding a year, typed as a citation
_CITATION = re.compile(r"\([^()\x00\x01]{0,120}?[12][0-9]{3}[^()\x00\x01]{0,60}\)")


@dataclass
class Para:
    """One body paragraph: its text (a note reference as ``\\x00k\\x00``: note ``k``),
    its typed list number (``number``: the value, ``label``: lvlText, ``hindi``:
    Arabic-Indic digits; ``typed``: the number as typed, ``text`` the rest)."""

    text: str
    page_break: bool = False
    entry: bool = False  # the first line of a gold entry
    bibliography: str = ""  # "begin"/"end": the list's field starts/ends here
    number: int | None = None
    label: str = ""
    hindi: bool = False
    typed: str = ""


@dataclass
class Article:
    paras: list[Para] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)


def _number_of(line: str) -> tuple[int, int] | None:
    """(the number, where the note's text begins) of a note line."""
    m = _MD_NOTE.match(line) or accuracy._LIST_NUMBER.match(line)
    if m is None:
        m = typeset._BARE_NUMBER.match(line)
    if m is None:
        return None
    digits = re.search("[0-9٠-٩]+", m[0])
    assert digits is not None
    return int(digits[0].translate(_TO_WESTERN)), m.end()


def _marker(number: int, markdown: bool) -> re.Pattern[str]:
    if markdown:
        return re.compile(rf"\[\^{number}\]")
    digits = f"(?:{number}|{str(number).translate(_TO_ARABIC)})"
    return re.compile(rf"(?<![0-9٠-٩])(?:\({digits}\)|\[{digits}\])")


def article(text: str, gold: dict[str, Any], *, superscript: bool = False) -> Article:
    """The text as a Word user has it: paragraphs, and the notes whose markers the body
    holds as real notes (see the module's docstring); with ``superscript``, the notes
    stay typed where they are and their markers are typed as raised digits
    (``\x01digits\x01``)."""
    lines = text.split("\n")
    entries = accuracy._starts(text, gold, "entries")
    candidates = accuracy._starts(text, gold, "footnotes") | typeset._bare_number_notes(text, gold)
    note_lines = {
        n
        for n in candidates
        if n not in entries or typeset._BRACKETED.match(lines[n]) or _MD_NOTE.match(lines[n])
    }
    note_lines |= {n for n, ln in enumerate(lines) if _MD_NOTE.match(ln)}
    inside = typeset._inside_notes(text, gold)
    norm = accuracy.load_evaluator().norm
    golds = [norm(f.get("text") or "") for f in gold.get("footnotes", [])]
    body = [i for i in range(len(lines)) if i not in note_lines]
    gone: set[int] = set()
    refs: dict[tuple[int, int], tuple[int, int, str]] = {}  # (line, start) -> (end, note, digits)
    notes: dict[int, str] = {}
    numbered = sorted((i, _number_of(lines[i])) for i in note_lines)
    for i, found in numbered:
        if found is None:
            continue
        number, start = found
        markdown = bool(_MD_NOTE.match(lines[i]))
        # a page's notes are called from the body above them, after the notes before
        block = i
        while block > 0 and (
            block - 1 in note_lines
            or block - 1 in inside
            or not lines[block - 1].strip()
            or typeset._RULE.match(lines[block - 1])
        ):
            block -= 1
        low = 0 if markdown else max((ln for ln in note_lines if ln < block), default=-1) + 1
        pattern = _marker(number, markdown)
        hit: tuple[int, int, int] | None = None
        for j in body if markdown else reversed(body):
            if j < low or (not markdown and j > i) or j in gone:
                continue
            spans = [m.span() for m in pattern.finditer(lines[j].replace("\f", " "))]
            spans = [s for s in spans if (j, s[0]) not in refs]
            if spans:
                pick = spans[0] if markdown else spans[-1]
                hit = (j, *pick)
                break
        if hit is None:
            continue  # no marker: the note stays a typed paragraph
        parts = [lines[i][start:].strip()]
        whole = next((g for g in golds if g.startswith(norm(parts[0]))), None)
        k = i + 1
        while k < len(lines) and k not in note_lines:
            # the note's wrapped lines: those that its gold text goes on with (blank
            # lines between them left out), else those inside a gold note
            nxt = next((n for n in range(k, len(lines)) if lines[n].strip()), len(lines))
            if nxt == len(lines) or nxt in note_lines:
                break
            joined = norm(" ".join([*parts, lines[nxt]]))
            if whole is not None and not (
                whole.startswith(joined) and joined != norm(" ".join(parts))
            ):
                break
            if whole is None and (nxt != k or nxt not in inside):
                break
            parts.append(lines[nxt].strip())
            gone.update(range(k, nxt + 1))
            k = nxt + 1
        ident = len(notes) + 1
        notes[ident] = " ".join(parts)
        digits = re.search("[0-9٠-٩]+", lines[hit[0]][hit[1] : hit[2]])
        assert digits is not None
        refs[(hit[0], hit[1])] = (hit[2], ident, digits[0])
        gone.add(i)
    # the printed rule above converted notes and the blank line after them leave too
    for i, line in enumerate(lines):
        if typeset._RULE.match(line):
            k = i + 1
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k in gone:
                gone.add(i)
        elif not line.strip() and i - 1 in gone and i - 1 in note_lines | inside:
            gone.add(i)
    if superscript:
        gone, notes = set(), {}
    out = Article(notes=notes)
    for i, line in enumerate(lines):
        if i in gone:
            continue
        page_break = "\f" in line
        line = line.replace("\f", "")
        spans = sorted((s, e, n, d) for (j, s), (e, n, d) in refs.items() if j == i)
        for s, e, n, d in reversed(spans):
            mark = f"\x01{d}\x01" if superscript else f"\x00{n}\x00"
            line = f"{line[:s].rstrip()}{mark}{line[e:]}"
        para = Para(text=line, page_break=page_break, entry=i in entries)
        m = accuracy._LIST_NUMBER.match(line)
        if m is not None and i not in note_lines and line[m.end() :].strip():
            digits = next(g for g in m.groups()[1:] if g)
            typed = m[0].strip()
            para.number = int(digits.translate(_TO_WESTERN))
            para.hindi = bool(re.search("[٠-٩]", digits))
            para.label = typed.replace(digits, "%1")
            para.typed = typed
            para.text = line[m.end() :]
        out.paras.append(para)
    return out


# ---------------------------------------------------------------------------- writing


def _rtl(text: str) -> bool:
    return len(_ARABIC.findall(text)) > len(re.findall("[A-Za-z]", text))


class _Writer:
    """document.xml's body, numbering.xml's lists and the hyperlinks' relationships."""

    def __init__(
        self,
        *,
        auto: bool,
        style: bool,
        noisy: bool,
        seed: str,
        note: str = "footnote",
        fields: bool = False,
        edits: bool = False,
        notes: dict[int, str] | None = None,
    ) -> None:
        self.auto, self.style, self.noisy, self.note = auto, style, noisy, note
        self.fields, self.edits = fields, edits
        self.notes = notes or {}
        self.extra_notes: dict[int, str] = {}  # notes whose only reference is deleted
        self.comments: dict[int, str] = {}
        self.changes = 0  # w:id of tracked changes
        self.rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())
        self.formats: dict[tuple[str, bool], int] = {}  # (lvlText, hindi) -> abstractNumId
        self.nums: list[tuple[int, int, int | None]] = []  # (numId, abstractNumId, override)
        self.last: dict[tuple[str, bool], tuple[int, int]] = {}  # format -> (numId, number)
        self.links: list[str] = []
        self.bookmarks = 0

    def num_for(self, para: Para) -> tuple[int, bool]:
        """(numId, whether the paragraph names it itself) of a numbered paragraph."""
        key = (para.label, para.hindi)
        if key not in self.formats:
            self.formats[key] = len(self.formats) + 1
        last = self.last.get(key)
        if last is not None and para.number == last[1] + 1:
            self.last[key] = (last[0], para.number)
            own = self.nums[last[0] - 1][2] is not None
            return last[0], own or not self.style
        first = last is None and para.number == 1
        num = len(self.nums) + 1
        self.nums.append((num, self.formats[key], None if first else para.number))
        self.last[key] = (num, para.number or 1)
        return num, not first or not self.style

    def runs(self, text: str, rtl: bool) -> str:
        """The runs of ``text`` (note references as ``\\x00k\\x00``)."""
        out = []
        for k, piece in enumerate(re.split("([\x00\x01][^\x00\x01]*[\x00\x01])", text)):
            if k % 2 and piece[0] == "\x00":
                out.append(self._reference(piece[1:-1]))
                if self.edits and self.rng.random() < 0.3:
                    # an editor's deleted note: its reference in a w:del, the note kept
                    ident = 1000 + len(self.extra_notes)
                    self.extra_notes[ident] = self.notes.get(int(piece[1:-1]), "")
                    out.append(self._change("del", self._reference(str(ident))))
            elif k % 2:  # a marker typed as raised digits
                out.append(self._run(piece[1:-1], rtl, '<w:vertAlign w:val="superscript"/>'))
            elif piece:
                out.append(self.text_runs(piece, rtl))
        return "".join(out)

    def _reference(self, ident: str) -> str:
        return (
            f'<w:r><w:rPr><w:rStyle w:val="{self.note.title()}Reference"/></w:rPr>'
            f'<w:{self.note}Reference w:id="{ident}"/></w:r>'
        )

    def _change(self, kind: str, inner: str) -> str:
        """``inner`` as a tracked change (``w:ins``, ``w:del``, ``w:moveTo``...)."""
        self.changes += 1
        return (
            f'<w:{kind} w:id="{self.changes}" w:author="Editor" w:date="2024-01-01T00:00:00Z">'
            f"{inner}</w:{kind}>"
        )

    def _cite(self, text: str, rtl: bool) -> str:
        """``text`` as a citation manager's field shows it: Zotero's ``ZOTERO_ITEM``
        (its JSON in the instruction) or EndNote's ``EN.CITE`` (its XML, and a nested
        ``EN.CITE.DATA`` field)."""
        ooxml = _ooxml()
        result = self._run(text, rtl)
        if self.rng.random() < 0.5:
            data = {
                "citationID": f"c{self.rng.randrange(10**8)}",
                "properties": {"formattedCitation": text, "plainCitation": text},
                "citationItems": [{"id": 1, "itemData": {"type": "book", "title": text}}],
                "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json",
            }
            code = f" ADDIN ZOTERO_ITEM CSL_CITATION {json.dumps(data, ensure_ascii=False)} "
            return str(ooxml.field(code, result))
        record = f"<EndNote><Cite><DisplayText>{escape(text)}</DisplayText><record><titles><title>{escape(text)}</title></titles></record></Cite></EndNote>"
        nested = (
            '<w:r><w:fldChar w:fldCharType="begin"><w:fldData xml:space="preserve">'
            "PEVuZE5vdGU+</w:fldData></w:fldChar></w:r>"
            '<w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE.DATA </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
        code = f'<w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE {escape(record)}</w:instrText></w:r>'
        return (
            f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{code}{nested}'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{result}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    def text_runs(self, text: str, rtl: bool) -> str:
        if self.fields:
            out, pos = [], 0
            for m in _CITATION.finditer(text):
                out.append(self._run(text[pos : m.start()], rtl))
                out.append(self._cite(m[0], rtl))
                pos = m.end()
            out.append(self._run(text[pos:], rtl))
            return "".join(out)
        if not self.noisy:
            return self._run(text, rtl)
        out, pos = [], 0
        for m in _URL.finditer(text):
            out.append(self._noisy(text[pos : m.start()], rtl))
            out.append(self._link(m[0]))
            pos = m.end()
        out.append(self._noisy(text[pos:], rtl))
        return "".join(out)

    def _run(self, text: str, rtl: bool, props: str = "") -> str:
        if not text:
            return ""
        if rtl and self.noisy and _ARABIC.search(text):
            props += '<w:rtl/><w:lang w:bidi="ar-SA"/>'
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    def _link(self, url: str) -> str:
        target = url if "://" in url else f"http://{url}"
        run = self._run(url, False, '<w:rStyle w:val="Hyperlink"/>')
        if self.rng.random() < 0.5:
            self.links.append(target)
            return f'<w:hyperlink r:id="rIdLink{len(self.links)}" w:history="1">{run}</w:hyperlink>'
        code = escape(f' HYPERLINK "{target}" ')
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    def _noisy(self, text: str, rtl: bool) -> str:
        """``text`` in runs cut at random points, with Word's marks between some."""
        out, pos = [], 0
        while pos < len(text):
            end = min(len(text), pos + self.rng.randint(3, 24))
            chunk = self._run(text[pos:end], rtl)
            if self.edits:
                chunk = self._edited(chunk, text[pos:end], rtl)
            out.append(chunk)
            if self.edits:
                out.append(self._after(text, end, rtl))
            roll = self.rng.random()
            if roll < 0.12:
                kind = self.rng.choice(("spellStart", "spellEnd", "gramStart", "gramEnd"))
                out.append(f'<w:proofErr w:type="{kind}"/>')
            elif roll < 0.16:
                self.bookmarks += 1
                name = quoteattr(f"_Ref{1000 + self.bookmarks}")
                out.append(
                    f'<w:bookmarkStart w:id="{self.bookmarks}" w:name={name}/>'
                    f'<w:bookmarkEnd w:id="{self.bookmarks}"/>'
                )
            elif roll < 0.17:
                out.append("<w:r><w:lastRenderedPageBreak/></w:r>")
            pos = end
        return "".join(out)

    def _edited(self, chunk: str, text: str, rtl: bool) -> str:
        """A run as an editor leaves it: inserted or moved here (tracked), commented."""
        roll = self.rng.random()
        if roll < 0.05:
            return self._change("ins", chunk)
        if roll < 0.07:
            return self._change("moveTo", chunk)
        if roll < 0.10:
            ident = len(self.comments)
            self.comments[ident] = text  # (read, the comment would repeat the words)
            return (
                f'<w:commentRangeStart w:id="{ident}"/>{chunk}<w:commentRangeEnd w:id="{ident}"/>'
                f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                f'<w:commentReference w:id="{ident}"/></w:r>'
            )
        return chunk

    def _after(self, text: str, end: int, rtl: bool) -> str:
        """What an editor leaves after a run (the text before ``end``): deleted, moved
        away or hidden words (a copy of the run: read, they would repeat it), a soft
        hyphen inside a word, a page break after a space."""
        copy = text[max(0, end - self.rng.randint(3, 12)) : end]
        roll = self.rng.random()
        if roll < 0.04:
            deleted = f'<w:r><w:delText xml:space="preserve">{escape(copy)}</w:delText></w:r>'
            return self._change("del", deleted)
        if roll < 0.06:
            return self._change("moveFrom", self._run(copy, rtl))
        if roll < 0.09:
            return self._run(copy, rtl, "<w:vanish/>")
        inside = 0 < end < len(text) and text[end - 1].isalpha() and text[end].isalpha()
        if roll < 0.14 and inside:
            return "<w:r><w:softHyphen/></w:r>"
        if roll < 0.16 and text[end - 1] == " ":
            return '<w:r><w:br w:type="page"/></w:r>'
        return ""

    def split(self, para: Para) -> str:
        """Two paragraphs an editor joined (the first's mark deleted, tracked), or a
        deleted paragraph before this one; "" when the paragraph stays as it is."""
        text, roll = para.text, self.rng.random()
        rtl = _rtl(text)
        props = "<w:bidi/>" if rtl else ""
        mark = f"<w:rPr>{self._change('del', '')}</w:rPr>"
        if roll < 0.03 and text.strip():
            copy = escape(text[: self.rng.randint(10, 60)])
            deleted = self._change(
                "del", f'<w:r><w:delText xml:space="preserve">{copy}</w:delText></w:r>'
            )
            return f"<w:p><w:pPr>{props}{mark}</w:pPr>{deleted}</w:p>" + self.paragraph(para, False)
        if roll > 0.12 or para.number is not None or len(text) < 40:
            return ""
        spaces = [
            k
            for k, c in enumerate(text)
            if c == " "
            and 10 < k < len(text) - 10
            and not text[:k].count("\x00") % 2
            and not text[:k].count("\x01") % 2
        ]
        if not spaces:
            return ""
        k = self.rng.choice(spaces) + 1
        first = f"<w:p><w:pPr>{props}{mark}</w:pPr>{self.runs(text[:k], rtl)}</w:p>"
        return first + self.paragraph(Para(text=text[k:]), False)

    def paragraph(self, para: Para, edit: bool = True) -> str:
        if edit and self.edits and not para.page_break:
            joined = self.split(para)
            if joined:
                return joined
        rtl = _rtl(para.text)
        ppr = []
        text = para.text
        if para.number is not None and self.auto:
            num, own = self.num_for(para)
            if self.style:
                ppr.append(f'<w:pStyle w:val="CitenormList{self.nums[num - 1][1]}"/>')
            if own:
                ppr.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>')
            lead = ""
        elif para.number is not None:
            lead = para.typed
            if self.noisy:
                lead = self._run(lead, rtl) + "<w:r><w:tab/></w:r>"
            else:
                lead = self._run(lead + " ", rtl)
        else:
            lead = ""
        if rtl:
            ppr.append("<w:bidi/>")
        pbreak = '<w:r><w:br w:type="page"/></w:r>' if para.page_break else ""
        props = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
        begin = end = ""
        if self.fields and "begin" in para.bibliography:
            code = ' ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY '
            begin = (
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            )
        if self.fields and "end" in para.bibliography:
            end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        return f"<w:p>{props}{pbreak}{begin}{lead}{self.runs(text, rtl)}{end}</w:p>"

    def numbering(self, ooxml: ModuleType) -> str:
        """numbering.xml's lists: an abstract list per format, a ``w:num`` per list."""
        abstract = [
            ooxml.abstract_num(
                ident,
                ooxml.level(0, "hindiNumbers" if hindi else "decimal", label),
                ooxml.level(1, "lowerLetter", "%2."),
            )
            for (label, hindi), ident in self.formats.items()
        ]
        nums = [
            ooxml.num(num, ident, start_override=None if over is None else {0: over})
            for num, ident, over in self.nums
        ]
        return "".join(abstract + nums)

    def styles(self) -> str:
        """A list style per list format (numbered through the style)."""
        if not self.style:
            return ""
        return "".join(
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="CitenormList{ident}">'
            f'<w:name w:val="Citenorm List {ident}"/><w:basedOn w:val="Normal"/>'
            f'<w:pPr><w:numPr><w:numId w:val="{self._first_num(ident)}"/></w:numPr></w:pPr></w:style>'
            for ident in self.formats.values()
        )

    def _first_num(self, ident: int) -> int:
        return next(num for num, a, _o in self.nums if a == ident)

    def rels(self) -> str:
        return "".join(
            f'<Relationship Id="rIdLink{k}" Type="{_REL}/hyperlink" '
            f'Target={quoteattr(url)} TargetMode="External"/>'
            for k, url in enumerate(self.links, 1)
        )


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _ooxml() -> ModuleType:
    sys.path.insert(0, str(ROOT / "tests"))
    import ooxml

    return ooxml


def build(text: str, gold: dict[str, Any], label: str, seed: str) -> bytes:
    """The ``.docx`` of ``text`` in the variant ``label``."""
    ooxml = _ooxml()
    variant = VARIANTS[label]
    art = article(text, gold, superscript=variant.superscript)
    note = "endnote" if variant.endnotes else "footnote"
    writer = _Writer(
        auto=variant.auto,
        style=variant.style,
        noisy=variant.noisy,
        seed=seed,
        note=note,
        fields=variant.fields,
        edits=variant.edits,
        notes=art.notes,
    )
    listed = [k for k, p in enumerate(art.paras) if p.entry]
    if listed:  # the lists, from the first entry to the last, are the field's result
        art.paras[listed[0]].bibliography += "begin"
        art.paras[listed[-1]].bibliography += "end"
    body = "".join(writer.paragraph(p) for p in art.paras)
    made: bytes = ooxml.package(
        body, numbering=writer.numbering(ooxml), styles=writer.styles(), relationships=writer.rels()
    )
    notes = {**art.notes, **writer.extra_notes}
    if notes:
        runs = None
        if variant.fields:  # a note is a citation: the field's result is its text
            runs = lambda text: writer._cite(text, _rtl(text))  # noqa: E731
        made = ooxml.with_parts(made, **{f"{note}s": ooxml.notes_xml(notes, note, runs)})
    if writer.comments:
        made = ooxml.with_parts(made, comments=ooxml.comments_xml(writer.comments))
    return made


@dataclass(frozen=True)
class Variant:
    """How a variant types the text (see the module's docstring)."""

    auto: bool = False  # lists numbered by Word
    style: bool = False  # ... through their paragraph style
    noisy: bool = False  # runs split, Word's marks between them
    superscript: bool = False  # notes typed, their markers raised digits
    endnotes: bool = False  # the notes as Word's endnotes
    fields: bool = False  # citations and the lists in a citation manager's fields
    edits: bool = False  # tracked changes, comments, hidden text, breaks of an editor


VARIANTS: dict[str, Variant] = {
    "typed": Variant(),
    "auto-numbered": Variant(auto=True),
    "auto-numbered, by style": Variant(auto=True, style=True),
    "runs split": Variant(noisy=True),
    "auto-numbered, runs split": Variant(auto=True, noisy=True),
    "endnotes": Variant(endnotes=True),
    "markers raised": Variant(superscript=True),
    "citation manager fields": Variant(fields=True),
    "edited, changes tracked": Variant(noisy=True, edits=True),
}


def package(path: Path, gold: Path, label: str) -> Path:
    """The cached ``.docx`` of the document at ``path`` in variant ``label``."""
    text = path.read_text(encoding="utf-8")
    gold_text = gold.read_text(encoding="utf-8")
    own = Path(__file__).read_bytes() + (ROOT / "tests" / "ooxml.py").read_bytes()
    key = hashlib.sha256(
        b"\x00".join([label.encode(), text.encode(), gold_text.encode(), own])
    ).hexdigest()[:24]
    out = CACHE / f"{key}.docx"
    if not out.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        data = build(text, json.loads(gold_text), label, seed=path.name)
        tmp = out.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(out)
    return out


def numbers(ev: ModuleType, gold_path: Path, pred: dict[str, Any]) -> tuple[int, int]:
    """(right, all) of the gold entries printed with a number: right when the entry is
    found and has that number (which the evaluator does not compare: an auto-numbered
    list read without its numbers loses them, and only them, when its lines are told
    apart by other means)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    emap = accuracy.entry_map(ev, gold, pred)
    by_id = {e["id"]: e for e in pred.get("entries", [])}
    numbered = [g for g in gold.get("entries", []) if g.get("number") is not None]
    right = sum(
        1 for g in numbered if g["id"] in emap and by_id[emap[g["id"]]].get("number") == g["number"]
    )
    return right, len(numbered)


def _loaded_text(path: Path) -> str:
    from citenorm.io.load import load

    return load(path).text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variant", help="only the variants whose label contains this")
    parser.add_argument("--only", help="only the documents whose name contains this")
    parser.add_argument("--show", metavar="DOC", help="print the misses of matching documents")
    parser.add_argument("--text", metavar="DOC", help="print the text read from the packages")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    try:
        import docx  # noqa: F401
    except ImportError:
        print(
            "wordset: no python-docx (pip install -e '.[test]'): nothing to build", file=sys.stderr
        )
        return 0
    if not accuracy.DEV_REAL.is_dir():
        print(f"wordset: {accuracy.DEV_REAL} is absent: nothing to score", file=sys.stderr)
        return 0
    ev = accuracy.load_evaluator()
    docs = typeset.text_documents(args.only)
    counted: dict[tuple[str, str], tuple[int, int]] = {}

    def count(key: tuple[str, str], gold: Path, pred: dict[str, Any]) -> None:
        right, of = numbers(ev, gold, pred)
        before = counted.get(key, (0, 0))
        counted[key] = (before[0] + right, before[1] + of)

    as_text = {}
    for group, name, path, gold in docs:
        pred = accuracy.predict_library(path)
        as_text[name] = accuracy.score(ev, gold, pred)
        count(("read as text", group), gold, pred)
    results: dict[str, Any] = {}
    summary: list[tuple[str, str, dict[str, Any], float]] = []
    shown: list[str] = []
    seen: list[tuple[str, list[str]]] = []
    for label in VARIANTS:
        if args.variant and args.variant not in label:
            continue
        rows: list[typeset.Row] = []
        for group, name, path, gold in docs:
            made = package(path, gold, label)
            row, pred = typeset.score_file(made, name, group, gold, ev, label=label)
            rows.append(row)
            count((label, group), gold, pred)
            if args.show and args.show in name:
                shown.append(f"## {label}: {name} ({made})\n{accuracy.show(ev, gold, pred)}")
            if args.text and args.text in name:
                shown.append(f"## {label}: {name} ({made})\n{_loaded_text(made)}")
        typeset.pool_rows(rows, label, as_text, seen, summary)
        results[label] = {name: row for name, _g, row, _s in rows}
        if not args.json:
            print(f"\n### {label}\n")
            print(accuracy.table(rows))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    print("\n### pooled: each variant against the same documents read as text\n")
    print(accuracy.table(summary))
    print("\n### entry numbers: gold entries printed with a number, found with it\n")
    print("| variant | dev-real | fixtures |\n|---|---|---|")
    for label in ["read as text", *VARIANTS]:
        cells = [counted.get((label, g)) for g in ("txt", "fixtures")]
        if any(cells):
            print(
                f"| {label} | " + " | ".join(f"{c[0]} / {c[1]}" if c else "—" for c in cells) + " |"
            )
    print(
        "\ncells: score (count that weighs it when pooled); s: seconds to read the .docx and"
        f" match; packages cached in {CACHE}"
    )
    for block in shown:
        print()
        print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
