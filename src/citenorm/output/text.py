"""Human-readable views of records for ``--format text``."""

from __future__ import annotations

from citenorm.models import Document, Entry, Fields, MatchResult, entries_by_id

__all__ = ["document_text", "match_text"]


def _fields_line(f: Fields) -> str:
    parts: list[str] = []
    if f.author:
        parts.append("; ".join(n.display() for n in f.author))
    if f.issued:
        parts.append(str(f.issued.year or f.issued.literal or ""))
    if f.title:
        parts.append(f.title)
    for label, value in (
        ("in", f.container_title),
        ("vol.", f.volume),
        ("no.", f.issue),
        ("ed.", f.edition),
        ("", f.publisher_place),
        ("", f.publisher),
        ("", f.URL),
    ):
        if value:
            parts.append(f"{label} {value}".strip())
    return " | ".join(parts)


def document_text(doc: Document) -> str:
    """Footnotes, sections, entries and failed lines, one per line."""
    out: list[str] = [f"# {doc.source or '<text>'}"]
    out.append(f"footnotes: {len(doc.footnotes)}")
    for fn in doc.footnotes:
        ref = f" -> {fn.refers_to}" if fn.refers_to else ""
        out.append(f"  {fn.id:<10} line {fn.line:<5} {fn.kind:<6}{ref}  {fn.text}")
    if doc.in_text:
        out.append(f"in-text citations: {len(doc.in_text)}")
        for c in doc.in_text:
            out.append(f"  {c.id:<10} line {c.line}:{c.column}  {c.text}")
    out.append(f"entries: {len(doc.entries)}")
    titles = {s.id: s.title for s in doc.sections}
    section: str | None = None
    for e in doc.entries:
        if e.section != section:
            section = e.section
            out.append(f"  [{titles.get(section or '', '')}]")
        num = f"{e.number}." if e.number is not None else "-"
        out.append(f"  {e.id:<6} line {e.line:<5} {e.script:<6} {num:<4} {_fields_line(e.fields)}")
    if doc.failed:
        out.append(f"failed: {len(doc.failed)}")
        for f in doc.failed:
            out.append(f"  line {f.line}: {f.reason}: {f.text}")
    return "\n".join(out) + "\n"


def _short(e: Entry, width: int = 60) -> str:
    text = e.text if len(e.text) <= width else e.text[: width - 1] + "…"
    return f"{e.id} (line {e.line}) {text}"


def match_text(result: MatchResult) -> str:
    """Pairs side by side, then unpaired entries, citations and unlisted footnotes."""
    doc = result.document
    by_id = entries_by_id(doc.entries)
    out: list[str] = [f"# {doc.source or '<text>'}", f"pairs: {len(result.pairs)}"]
    for p in result.pairs:
        out.append(f"  {p.score:5.1f}  {_short(by_id[p.arabic])}")
        out.append(f"         {_short(by_id[p.latin])}")
        rival = by_id.get(p.rival) if p.rival else None
        if rival is not None and p.similarity is not None and p.similarity - p.score >= 5:
            # a near tie: the other candidate, and the similarity both pairs have
            out.append(
                f"         other candidate: {_short(rival)}"
                f" (similarity {p.similarity:g}, other pair {p.rival_score or 0:g})"
            )
    for label, ids in (
        ("unpaired arabic", result.unpaired_arabic),
        ("unpaired latin", result.unpaired_latin),
    ):
        if ids:
            out.append(f"{label}: {len(ids)}")
            out.extend(f"  {_short(by_id[i])}" for i in ids)
    if result.repeats:
        out.append(f"repeated foreign works: {len(result.repeats)}")
        for r in result.repeats:
            out.append(f"  {r.score:5.1f}  {_short(by_id[r.original])}")
            out.append(f"         {_short(by_id[r.romanized])}")
    cites: dict[str, list[str]] = {}
    for c in result.citations:
        cites.setdefault(c.footnote or c.in_text or "", []).append(c.entry)
    out.append(f"citations: {len(cites)} footnotes/in-text citations linked")
    for src, entries in cites.items():
        out.append(f"  {src:<10} -> {', '.join(entries)}")
    if result.unlisted:
        out.append(f"unlisted (cited, in no list): {', '.join(result.unlisted)}")
    return "\n".join(out) + "\n"
