"""A self-contained HTML page for people: the two lists side by side, the footnotes and
in-text citations with the entries they cite, and the audit findings beside the records
they concern.

One file, no network: inline CSS, no script, no external asset; every piece of text from
the article is escaped. Typical use::

    from citenorm import extract, match
    from citenorm.report import render_report

    html = render_report(match(extract(text, source="article.txt")), findings=findings)

``findings`` are any objects (or mappings) with ``code``, ``name``, ``severity``,
``message``, ``line`` and ``related`` (items with ``id`` and ``line``), such as the
findings of :func:`citenorm.auditing.audit`.

An Arabic entry with no romanized counterpart shows, in the romanized column, the
romanization citenorm proposes for it (:func:`citenorm.romanize`), marked as a proposal to
review, with the words the romanizer is unsure of (confidence below 0.5) highlighted and
their confidence and alternatives in a tooltip.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from citenorm._version import __version__
from citenorm.config import SEVERITIES, SEVERITY_RANK
from citenorm.models import Entry, Footnote, InTextCitation, MatchResult, Pair, Section
from citenorm.text.normalize import script_of

if TYPE_CHECKING:
    from citenorm.text.romanize import Proposal, RomanizedWord

__all__ = ["UNSURE", "render_report"]

#: A proposed word below this confidence is highlighted (as ``citenorm romanize`` lists it).
UNSURE = 0.5
_STYLE_NAMES = {"alalc": "ALA-LC", "popular": "popular spelling"}

_CSS = """
:root { --ink:#1d2330; --muted:#5d6577; --line:#d9dde5; --bg:#f6f7f9;
  --unpaired:#fff1c2; --unlisted:#fde0dc; --error:#b42318; --warning:#9a6700; --info:#175cd3; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; color: var(--ink); background: #fff;
  font: 15px/1.5 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
[lang="ar"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans",
  "Segoe UI", Tahoma, sans-serif; font-size: 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.meta, .muted { color: var(--muted); font-size: 13px; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; padding: 0; list-style: none; }
.summary li { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; }
.summary b { font-size: 17px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: start;
  overflow-wrap: anywhere; }
th { background: var(--bg); font-weight: 600; }
col.side { width: 42%; } col.mid { width: 16%; }
col.num { width: 7%; } col.kind { width: 8%; } col.cites { width: 22%; } col.find { width: 22%; }
tr.section td { background: #eef1f6; font-weight: 600; }
td.unpaired { background: var(--unpaired); }
tr.unlisted td { background: var(--unlisted); }
td.empty { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 6px, #f1f1f1 6px, #f1f1f1 12px); }
.tag { display: inline-block; border-radius: 4px; padding: 0 6px; margin: 0 2px 2px 0; font-size: 12px;
  border: 1px solid var(--line); background: #fff; direction: ltr; unicode-bidi: isolate; }
.tag.unpaired { background: var(--unpaired); border-color: #e5c44c; }
.tag.unlisted { background: var(--unlisted); border-color: #e0857a; }
.tag.yes { color: #067647; } .tag.no { color: var(--error); }
.score { font-size: 20px; font-weight: 700; }
.loc { color: var(--muted); font-size: 12px; direction: ltr; unicode-bidi: isolate; }
.finding { margin: 4px 0 0; padding: 2px 6px; border-inline-start: 4px solid var(--line);
  background: var(--bg); font-size: 13px; direction: ltr; text-align: left; unicode-bidi: isolate; }
.finding.error { border-color: var(--error); } .finding.warning { border-color: var(--warning); }
.finding.info { border-color: var(--info); }
.sev { font-weight: 700; text-transform: uppercase; font-size: 11px; }
.finding.error .sev { color: var(--error); } .finding.warning .sev { color: var(--warning); }
.finding.info .sev { color: var(--info); }
a { color: #1f4fbf; text-decoration: none; } a:hover { text-decoration: underline; }
:target { outline: 3px solid #8fb3ff; }
.legend span { margin-inline-end: 12px; }
td.proposal { background: #eef5ff; border: 2px dashed #7aa7e8; }
.tag.proposal { background: #dbe8ff; border-color: #7aa7e8; font-weight: 600; }
mark.unsure { background: #ffd6a5; color: inherit; border-bottom: 2px dotted #b45309; padding: 0 1px; }
"""


def _get(obj: Any, name: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _anchor(record_id: str) -> str:
    return "rec-" + record_id


def _dir(text: str) -> str:
    return ' dir="rtl" lang="ar"' if script_of(text) == "arabic" else ' dir="ltr"'


class _Page:
    """Indexes over one match result, and the HTML pieces built from them."""

    def __init__(
        self, result: MatchResult, findings: Sequence[Any], proposals: Sequence[Proposal]
    ) -> None:
        self.result = result
        self.proposals: dict[str, Proposal] = {p.entry: p for p in proposals}
        self.doc = result.document
        self.ids: set[str] = {f.id for f in self.doc.footnotes}
        self.ids |= {e.id for e in self.doc.entries}
        self.ids |= {c.id for c in self.doc.in_text}
        self.ids |= {s.id for s in self.doc.sections}
        self.entries = {e.id: e for e in self.doc.entries}
        self.sections = {s.id: s for s in self.doc.sections}
        self.cites: dict[str, list[tuple[str, float]]] = defaultdict(list)
        self.cited_by: dict[str, list[str]] = defaultdict(list)
        for c in result.citations:
            source = c.footnote if c.footnote is not None else c.in_text
            if source is None:
                continue
            self.cites[source].append((c.entry, c.score))
            self.cited_by[c.entry].append(source)
        self.unlisted = set(result.unlisted)
        self.unpaired = set(result.unpaired_arabic) | set(result.unpaired_latin)
        self.findings = sorted(
            findings,
            # most severe first; an unknown severity last
            key=lambda f: (-SEVERITY_RANK.get(str(_get(f, "severity")), -1), _get(f, "line") or 0),
        )
        self.by_record: dict[str, list[Any]] = defaultdict(list)
        self.loose: list[Any] = []
        by_line: dict[int, str] = {}
        located: list[tuple[int, str]] = [(e.line, e.id) for e in self.doc.entries]
        located += [(c.line, c.id) for c in self.doc.in_text]
        located += [(f.line, f.id) for f in self.doc.footnotes]
        for line, ident in located:
            by_line.setdefault(line, ident)
        for f in self.findings:
            related = [str(_get(r, "id")) for r in (_get(f, "related") or ())]
            targets = [i for i in dict.fromkeys(related) if i in self.ids]
            if not targets and _get(f, "line") in by_line:
                targets = [by_line[_get(f, "line")]]
            for t in targets:
                self.by_record[t].append(f)
            if not targets:
                self.loose.append(f)

    # --- pieces --------------------------------------------------------------------

    def link(self, record_id: str, label: str | None = None) -> str:
        title = ""
        entry = self.entries.get(record_id)
        if entry is not None:
            title = f' title="{_e(entry.text)}"'
        text = label if label is not None else record_id
        return f'<a class="tag" href="#{_e(_anchor(record_id))}"{title}>{_e(text)}</a>'

    def location(self, record: Footnote | Entry | InTextCitation | Section) -> str:
        parts = [f"line {record.line}"]
        paragraph = getattr(record, "paragraph", None)
        page = getattr(record, "page", None)
        if paragraph is not None:
            parts.append(f"¶ {paragraph}")
        if page is not None:
            parts.append(f"p. {page}")
        return f'<span class="loc">{_e(record.id)} · {_e(" · ".join(parts))}</span>'

    def finding(self, f: Any) -> str:
        severity = str(_get(f, "severity") or "info")
        related = [
            self.link(str(_get(r, "id")))
            for r in (_get(f, "related") or ())
            if str(_get(r, "id")) in self.ids
        ]
        line = _get(f, "line")
        where = f' <span class="loc">line {_e(line)}</span>' if line is not None else ""
        return (
            f'<div class="finding {_e(severity)}"><span class="sev">{_e(severity)}</span> '
            f'<b>{_e(_get(f, "code"))}</b> <span class="muted">{_e(_get(f, "name"))}</span>'
            f"{where}<br>{_e(_get(f, 'message'))}"
            f"{' ' + ''.join(related) if related else ''}</div>"
        )

    def findings_of(self, record_id: str) -> str:
        return "".join(self.finding(f) for f in self.by_record.get(record_id, ()))

    def entry_cell(self, entry: Entry | None, *, empty_note: str) -> str:
        if entry is None:
            return f'<td class="empty"><span class="muted">{_e(empty_note)}</span></td>'
        classes = ["entry"]
        tags: list[str] = []
        if entry.id in self.unpaired:
            classes.append("unpaired")
            tags.append('<span class="tag unpaired">unpaired</span>')
        if entry.id in self.cited_by:
            tags.append(
                '<span class="muted">cited by</span> '
                + "".join(self.link(s) for s in dict.fromkeys(self.cited_by[entry.id]))
            )
        number = f"{entry.number}. " if entry.number is not None else ""
        attrs = _dir(entry.text) if entry.script == "arabic" else ' dir="ltr"'
        return (
            f'<td class="{" ".join(classes)}" id="{_e(_anchor(entry.id))}"{attrs}>'
            f"<div>{_e(number)}{_e(entry.text)}</div>"
            f"<div>{self.location(entry)} {''.join(tags)}</div>"
            f"{self.findings_of(entry.id)}</td>"
        )

    def proposal_cell(self, proposal: Proposal) -> str:
        """The romanization citenorm proposes for an unpaired Arabic entry, to review."""
        style = _STYLE_NAMES.get(proposal.style, proposal.style)
        unsure = sum(
            1
            for part in proposal.parts
            for w in part.words
            if w.source != "fixed" and w.confidence < UNSURE
        )
        note = f"confidence {proposal.confidence:.2f} · {style}"
        if unsure:
            note += f" · {unsure} unsure word{'s' if unsure > 1 else ''} highlighted"
        return (
            f'<td class="proposal" id="{_e(_anchor("proposal-" + proposal.entry))}" dir="ltr"'
            ' lang="ar-Latn"><div><span class="tag proposal">proposed romanization · to review'
            f'</span> <span class="muted">{_e(note)}</span></div>'
            f'<div class="proposed">{_highlighted(proposal)}</div></td>'
        )

    def pair_cell(self, pair: Pair | None) -> str:
        if pair is None:
            return '<td class="mid"></td>'
        chips: list[str] = []
        for name, ev in pair.evidence.items():
            if not isinstance(ev, Mapping):
                continue  # "decided" and "missing": shown below
            agree = _get(ev, "agree") if isinstance(ev, Mapping) else None
            sim = _get(ev, "similarity") if isinstance(ev, Mapping) else None
            mark = "✓" if agree else "✗" if agree is False else "·"
            cls = "yes" if agree else "no" if agree is False else ""
            value = f" {float(sim):.0f}" if isinstance(sim, int | float) else ""
            chips.append(f'<span class="tag {cls}">{mark} {_e(name)}{_e(value)}</span>')
        notes: list[str] = []
        if pair.similarity is not None and round(pair.similarity) != round(pair.score):
            notes.append(f'<div class="muted">similarity {pair.similarity:.0f}</div>')
        if pair.rival is not None:
            # the other candidate, as close to the pair as the assignment found it
            rival_score = f" {pair.rival_score:.0f}" if pair.rival_score is not None else ""
            rival = self.entries.get(pair.rival)
            text = rival.text if rival is not None else ""
            short = text if len(text) <= 90 else text[:89] + "…"
            notes.append(
                f'<div class="rival"><span class="muted">other candidate</span> '
                f'{self.link(pair.rival)}{_e(rival_score)} <span dir="auto">{_e(short)}</span></div>'
            )
        for key, label in (("decided", "decided by"), ("missing", "missing")):
            items = pair.evidence.get(key)
            if isinstance(items, list) and (items or key == "decided"):
                shown = ", ".join(str(v) for v in items) if items else "nothing"
                notes.append(f'<div class="muted">{_e(label)}: {_e(shown)}</div>')
        return (
            f'<td class="mid"><div class="score">{pair.score:.0f}</div>'
            f"<div>{''.join(chips)}</div>{''.join(notes)}</td>"
        )

    # --- sections ------------------------------------------------------------------

    def lists(self) -> str:
        doc = self.doc
        partner: dict[str, Pair] = {p.arabic: p for p in self.result.pairs}
        partner_of_latin = {p.latin: p for p in self.result.pairs}
        originals = [e for e in doc.entries if e.list == "original"]
        others = [e for e in doc.entries if e.list != "original" and e.id not in partner_of_latin]
        # an entry of the original list paired as the "latin" side stays on its own row
        shown: set[str] = set()
        rows: list[str] = []
        section: str | None = None
        for e in originals:
            if e.id in shown:
                continue
            if e.section != section:
                section = e.section
                rows.append(self.section_row(section))
            pair = partner.get(e.id)
            latin = self.entries.get(pair.latin) if pair is not None else None
            shown.add(e.id)
            if latin is not None:
                shown.add(latin.id)
            proposal = self.proposals.get(e.id) if latin is None else None
            right = (
                self.proposal_cell(proposal)
                if proposal is not None
                else self.entry_cell(latin, empty_note="no romanized entry")
            )
            rows.append(
                f"<tr>{self.entry_cell(e, empty_note='')}{self.pair_cell(pair)}{right}</tr>"
            )
        for e in others:
            if e.id in shown:
                continue
            rows.append(
                f"<tr>{self.entry_cell(None, empty_note='no Arabic entry')}"
                f"{self.pair_cell(None)}{self.entry_cell(e, empty_note='')}</tr>"
            )
        if not rows:
            return '<p class="muted">No bibliography list found.</p>'
        return (
            '<table class="lists"><colgroup><col class="side"><col class="mid"><col class="side">'
            '</colgroup><thead><tr><th dir="rtl" lang="ar">القائمة الأصلية · original list</th>'
            "<th>pair score · evidence</th><th>romanized list</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table>"
        )

    def section_row(self, section_id: str | None) -> str:
        sec = self.sections.get(section_id or "")
        if sec is None:
            return ""
        return (
            f'<tr class="section"><td id="{_e(_anchor(sec.id))}"{_dir(sec.title)}>'
            f"{_e(sec.title)} {self.location(sec)}</td><td></td><td></td></tr>"
        )

    def citing_rows(self, records: Iterable[Footnote | InTextCitation]) -> list[str]:
        rows: list[str] = []
        for r in records:
            cites = self.cites.get(r.id, [])
            links = "".join(self.link(entry, f"{entry} · {score:.0f}") for entry, score in cites)
            extra = ""
            kind: str
            if isinstance(r, Footnote):
                label, kind = r.marker, r.kind
                if r.refers_to:
                    extra = '<span class="muted">refers to</span> ' + self.link(r.refers_to)
            else:
                label, kind = "", "in-text"
            unlisted = r.id in self.unlisted
            if unlisted:
                extra += '<span class="tag unlisted">unlisted: cites no entry</span>'
            rows.append(
                f'<tr class="{"unlisted" if unlisted else ""}" id="{_e(_anchor(r.id))}">'
                f'<td dir="ltr">{_e(label)}</td><td>{_e(kind)}</td>'
                f"<td{_dir(r.text)}>{_e(r.text)}<div>{self.location(r)}</div></td>"
                f"<td>{links}{extra}</td><td>{self.findings_of(r.id)}</td></tr>"
            )
        return rows

    def citing(self, records: Sequence[Footnote | InTextCitation], empty: str) -> str:
        if not records:
            return f'<p class="muted">{_e(empty)}</p>'
        return (
            '<table class="citing"><colgroup><col class="num"><col class="kind"><col>'
            '<col class="cites"><col class="find"></colgroup><thead><tr><th>marker</th>'
            "<th>kind</th><th>text</th><th>cites</th><th>findings</th></tr></thead><tbody>"
            + "".join(self.citing_rows(records))
            + "</tbody></table>"
        )

    def all_findings(self) -> str:
        if not self.findings:
            return '<p class="muted">No findings (or the audit was not run).</p>'
        loose = ""
        if self.loose:
            loose = "<h3>About the whole article</h3>" + "".join(
                self.finding(f) for f in self.loose
            )
        return (
            loose + '<div class="all">' + "".join(self.finding(f) for f in self.findings) + "</div>"
        )

    def failed(self) -> str:
        if not self.doc.failed:
            return ""
        items = "".join(
            f'<li><span class="loc">line {f.line}</span> <span{_dir(f.text)}>{_e(f.text)}</span>'
            f' <span class="muted">({_e(f.reason)})</span></li>'
            for f in self.doc.failed
        )
        return f"<h2>Lines not read</h2><ul>{items}</ul>"

    def summary(self) -> str:
        doc, result = self.doc, self.result
        counts: dict[str, int] = defaultdict(int)
        for f in self.findings:
            counts[str(_get(f, "severity"))] += 1
        items = [
            ("entries", len(doc.entries)),
            ("pairs", len(result.pairs)),
            ("unpaired", len(self.unpaired)),
            ("footnotes", len(doc.footnotes)),
            ("in-text citations", len(doc.in_text)),
            ("unlisted", len(self.unlisted)),
            ("proposed romanizations", len(self.proposals)),
            ("findings", len(self.findings)),
        ]
        items += [(sev, counts[sev]) for sev in reversed(SEVERITIES) if counts[sev]]
        return (
            '<ul class="summary">'
            + "".join(f"<li><b>{n}</b> {_e(label)}</li>" for label, n in items)
            + "</ul>"
        )


def _word_title(word: RomanizedWord) -> str:
    title = f"confidence {word.confidence:.2f} ({word.source})"
    if word.alternatives:
        title += "; or: " + ", ".join(word.alternatives)
    return title


def _highlighted(proposal: Proposal) -> str:
    """The proposal's text, escaped, with every unsure word in a ``<mark>``.

    Each romanized field is found in the text (fields do not overlap), then each of its
    words in turn inside the field; a word that cannot be placed is simply not marked.
    """
    text = proposal.text
    taken = [False] * len(text)
    marks: list[tuple[int, int, RomanizedWord]] = []
    for part in proposal.parts:
        value = part.latin.strip()
        if not value:
            continue
        pattern = re.compile(re.escape(value), re.IGNORECASE)
        found = next(
            (m for m in pattern.finditer(text) if not any(taken[m.start() : m.end()])), None
        )
        if found is None:
            continue
        start, end = found.span()
        taken[start:end] = [True] * (end - start)
        pos = start
        for word in part.words:
            if not word.latin:
                continue
            m = re.compile(re.escape(word.latin), re.IGNORECASE).search(text, pos, end)
            if m is None:
                continue
            pos = m.end()
            if word.source != "fixed" and word.confidence < UNSURE:
                marks.append((m.start(), m.end(), word))
    out: list[str] = []
    pos = 0
    for start, end, word in sorted(marks, key=lambda m: m[0]):
        if start < pos:
            continue
        out.append(_e(text[pos:start]))
        out.append(
            f'<mark class="unsure" title="{_e(_word_title(word))}">{_e(text[start:end])}</mark>'
        )
        pos = end
    out.append(_e(text[pos:]))
    return "".join(out)


def render_report(
    result: MatchResult,
    *,
    findings: Sequence[Any] = (),
    title: str | None = None,
    proposals: Sequence[Proposal] | None = None,
) -> str:
    """One self-contained HTML page for a match result (and its audit findings).

    ``proposals``: the romanizations to show beside the Arabic entries that have no
    romanized counterpart; by default those of :func:`citenorm.romanize` (which reads the
    romanizer's tables); ``()`` shows none.
    """
    if proposals is None:
        from citenorm.text.romanize import romanize

        proposals = romanize(result)
    page = _Page(result, findings, proposals)
    doc = result.document
    heading = title if title is not None else f"citenorm report: {doc.source or 'article'}"
    warnings = "".join(f'<p class="muted">warning: {_e(w)}</p>' for w in doc.warnings)
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="citenorm ' + _e(__version__) + '">'
        f"<title>{_e(heading)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{_e(heading)}</h1>"
        f'<div class="meta">source: {_e(doc.source or "—")} · citenorm {_e(__version__)}</div>'
        f"{page.summary()}"
        '<div class="legend muted"><span><span class="tag unpaired">unpaired</span> entry without a'
        ' partner in the other list</span><span><span class="tag unlisted">unlisted</span>'
        ' citation whose source is in no list</span><span><span class="tag proposal">proposed'
        " romanization · to review</span> citenorm's romanization of an Arabic entry that has"
        ' none; <mark class="unsure">word</mark> a word it is unsure of</span></div>'
        f"{warnings}</header>"
        '<section id="lists"><h2>Lists side by side</h2>'
        f"{page.lists()}</section>"
        '<section id="footnotes"><h2>Footnotes</h2>'
        f"{page.citing(doc.footnotes, 'No footnotes.')}</section>"
        '<section id="in-text"><h2>In-text citations</h2>'
        f"{page.citing(doc.in_text, 'No in-text citations.')}</section>"
        f'<section id="findings"><h2>Findings</h2>{page.all_findings()}</section>'
        f"{page.failed()}"
        "</body></html>\n"
    )
