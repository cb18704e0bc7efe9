"""MatchResult -> one :class:`ExportRecord` per source, the common input of every format.

A pair (an Arabic entry and its romanization) is one source; an entry without a
counterpart is a source of its own, exported in its own script; a footnote whose source
is in no list (``MatchResult.unlisted``) is a source too, marked ``unlisted``. Footnotes
that cite the same unlisted work (same folded title) become one record.

With ``propose=True``, an Arabic entry that has no romanized counterpart gets the
romanizer's proposal (:func:`citenorm.text.romanize.romanize`) as its romanized side,
marked ``proposed`` (a note and a keyword in every format): the main record with
``script="latin"``, the ride-along with ``script="arabic"``. Without it, nothing is
proposed and such an entry is exported in Arabic script.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from citenorm.export.dates import ExportDate, export_date
from citenorm.export.keys import assign_keys, key_base
from citenorm.export.language import language_of
from citenorm.models import Entry, Fields, Footnote, MatchResult, Script
from citenorm.text.normalize import fold_any, has_arabic, script_of

if TYPE_CHECKING:
    from citenorm.text.romanize import Proposal

__all__ = ["PROPOSAL_KEYWORD", "PROPOSAL_NOTE", "ExportRecord", "ExportScript", "records"]

ExportScript = Literal["latin", "arabic"]

#: The note that marks a romanization proposed by citenorm (``propose=True``).
PROPOSAL_NOTE = "Romanization proposed by citenorm, to review"
#: The keyword of such a record (``keywords``, BibTeX ``keywords``, CSL ``keyword``, RIS ``KW``).
PROPOSAL_KEYWORD = "proposed-romanization"


class ExportRecord(BaseModel):
    """One source, ready to be written in any format.

    ``fields`` is the main record (in ``script``); ``original`` the counterpart in the
    other script when the source is a pair, else ``None``. ``arabic``/``latin`` are the
    entry ids, ``footnotes`` the ids of the footnotes an unlisted record comes from.
    ``language`` is the BCP 47 tag of the main record (``ar``, ``ar-Latn`` for a
    romanization, ``en`` for an English rendering of an Arabic work, else ``None``);
    ``arabic_work`` is True for an Arabic work in either script, whose personal names are
    printed whole. ``proposed``: the romanized side (``fields`` with ``script="latin"``,
    else ``original``) is citenorm's proposal for an Arabic entry the article's romanized
    list lacks, to be reviewed; ``confidence`` is the proposal's (0-1, its least sure
    word).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    script: Script
    fields: Fields
    original: Fields | None = None
    language: str | None = None
    arabic_work: bool = False
    arabic: str | None = None
    latin: str | None = None
    footnotes: list[str] = Field(default_factory=list)
    unlisted: bool = False
    score: float | None = None
    lines: list[int] = Field(default_factory=list)
    cited_pages: list[str] = Field(default_factory=list)
    proposed: bool = False
    confidence: float | None = None

    @property
    def keywords(self) -> list[str]:
        """Keywords every format writes: ``unlisted`` for footnote-only sources,
        ``proposed-romanization`` for a romanization citenorm proposed."""
        words = ["unlisted"] if self.unlisted else []
        return words + ([PROPOSAL_KEYWORD] if self.proposed else [])

    @property
    def date(self) -> ExportDate:
        """The Gregorian year(s), the Hijri year and the approximate range of the record."""
        return export_date(self.fields, self.original)

    @property
    def note(self) -> str | None:
        """A human note: a proposed romanization, the Hijri year, and where an unlisted
        source is cited."""
        parts = []
        if self.proposed:
            sure = f" (confidence {self.confidence:.2f})" if self.confidence is not None else ""
            parts.append(f"{PROPOSAL_NOTE}{sure}")
        hijri = self.date.hijri_note
        if hijri is not None:
            parts.append(hijri)
        if self.unlisted:
            where = ", ".join(str(n) for n in self.lines)
            parts.append(f"Cited in footnotes only (not in the bibliography); line {where}")
        return "; ".join(parts) or None


class _Source(BaseModel):
    """A source before keys and script choice."""

    model_config = ConfigDict(frozen=True)

    arabic: Entry | None = None
    latin: Entry | None = None
    footnotes: list[Footnote] = Field(default_factory=list)
    score: float | None = None


# Arabic punctuation in Latin-script text (``Ukraine، U.S``, as Arabic articles type it):
# the Latin fonts of a typeset bibliography lack these glyphs
_LATIN_PUNCTUATION = str.maketrans({"،": ",", "؛": ";", "؟": "?"})


def _latin(fields: Fields) -> Fields:
    """A Latin-script record's fields with Arabic commas, semicolons and question marks
    made Latin wherever a value holds no Arabic letter."""

    def fix(value: str | None) -> str | None:
        if value is None or has_arabic(value) or value == value.translate(_LATIN_PUNCTUATION):
            return value
        return value.translate(_LATIN_PUNCTUATION)

    update: dict[str, object] = {}
    for name, value in fields:
        if isinstance(value, str) and fix(value) != value:
            update[name] = fix(value)
    if fields.author and any(
        fix(v) != v for n in fields.author for v in (n.family, n.given, n.literal)
    ):
        update["author"] = [
            n.model_copy(update={"family": fix(n.family), "given": fix(n.given),
                                 "literal": fix(n.literal)})
            for n in fields.author
        ]  # fmt: skip
    return fields.model_copy(update=update) if update else fields


def _root(fn: Footnote, by_id: dict[str, Footnote]) -> Footnote:
    """The full footnote an ``op_cit``/``ibid`` chain points back to."""
    seen = {fn.id}
    while fn.kind in ("op_cit", "ibid") and fn.refers_to and fn.refers_to in by_id:
        if fn.refers_to in seen:
            break
        fn = by_id[fn.refers_to]
        seen.add(fn.id)
    return fn


def _sources(result: MatchResult) -> list[_Source]:
    """Sources in document order: pairs and lone entries, then unlisted footnotes."""
    doc = result.document
    by_entry = {e.id: e for e in doc.entries}
    partner: dict[str, tuple[str, str, float]] = {}
    for pair in result.pairs:
        if pair.arabic in by_entry and pair.latin in by_entry:
            partner[pair.arabic] = (pair.arabic, pair.latin, pair.score)
            partner[pair.latin] = (pair.arabic, pair.latin, pair.score)
    out: list[_Source] = []
    # a foreign work printed again in the romanized list is exported once, from the
    # original list's entry
    done: set[str] = {r.romanized for r in result.repeats if r.original in by_entry}
    for entry in doc.entries:
        if entry.id in done:
            continue
        if entry.id in partner:
            ar, la, score = partner[entry.id]
            out.append(_Source(arabic=by_entry[ar], latin=by_entry[la], score=score))
            done.update((ar, la))
        else:
            lone = {"arabic": entry} if entry.script == "arabic" else {"latin": entry}
            out.append(_Source(**lone))
            done.add(entry.id)
    by_fn = {f.id: f for f in doc.footnotes}
    groups: dict[str, list[Footnote]] = {}
    for fid in result.unlisted:
        if fid not in by_fn:
            continue
        fn = by_fn[fid]
        root = _root(fn, by_fn)
        ident = fold_any(root.fields.title or root.text) or root.id
        members = groups.setdefault(ident, [])
        for f in (root, fn):
            if f not in members:
                members.append(f)
    for members in groups.values():
        members.sort(key=lambda f: f.line)
        out.append(_Source(footnotes=members))
    return out


def _proposed_record(
    src: _Source, key: str, script: ExportScript, proposal: Proposal
) -> ExportRecord:
    """A lone Arabic entry with the romanizer's proposal as its romanized side."""
    assert src.arabic is not None
    arabic, latin = src.arabic.fields, proposal.fields
    main, other = (latin, arabic) if script == "latin" else (arabic, latin)
    return ExportRecord(
        key=key,
        script=script,
        fields=main,
        original=other,
        language="ar-Latn" if script == "latin" else "ar",
        arabic_work=True,
        arabic=src.arabic.id,
        lines=[src.arabic.line],
        proposed=True,
        confidence=proposal.confidence,
    )


def _record(src: _Source, key: str, script: ExportScript) -> ExportRecord:
    ids = {"arabic": src.arabic.id if src.arabic else None,
           "latin": src.latin.id if src.latin else None}  # fmt: skip
    if src.footnotes:
        main_fn = src.footnotes[0]
        fields = main_fn.fields
        pages = [f.fields.page for f in src.footnotes if f.fields.page]
        # a footnote's page is where it cites, not the work's extent: keep it aside
        fields = fields.model_copy(update={"page": None})
        fn_script: Script = "arabic" if script_of(main_fn.text) == "arabic" else "latin"
        if fn_script == "latin":
            fields = _latin(fields)
        fn_language = language_of(
            fields.title, arabic_script=fn_script == "arabic", arabic_work=False
        )
        return ExportRecord(
            key=key,
            script=fn_script,
            fields=fields,
            language=fn_language,
            arabic_work=fn_language in ("ar", "ar-Latn"),
            footnotes=[f.id for f in src.footnotes],
            unlisted=True,
            lines=[f.line for f in src.footnotes],
            cited_pages=pages,
        )
    main, other = (src.latin, src.arabic) if script == "latin" else (src.arabic, src.latin)
    if main is None:
        main, other = other, None
    assert main is not None  # a source without footnotes has at least one entry
    lines = sorted(e.line for e in (src.arabic, src.latin) if e is not None)
    arabic_work = src.arabic is not None or main.list == "romanized"
    language = language_of(
        main.fields.title or main.fields.container_title,
        arabic_script=main.script == "arabic",
        arabic_work=arabic_work,
    )
    return ExportRecord(
        key=key,
        script=main.script,
        fields=_latin(main.fields) if main.script == "latin" else main.fields,
        original=(
            None
            if other is None
            else _latin(other.fields)
            if other.script == "latin"
            else other.fields
        ),
        language=language,
        arabic_work=arabic_work or language in ("ar", "ar-Latn"),
        arabic=ids["arabic"],
        latin=ids["latin"],
        score=src.score,
        lines=lines,
    )


def _key_fields(src: _Source) -> list[Fields]:
    found = [e.fields for e in (src.latin, src.arabic) if e is not None]
    return found + [f.fields for f in src.footnotes]


def _key_text(src: _Source) -> str:
    """The source as printed, for a key when no name or title was parsed."""
    for e in (src.latin, src.arabic):
        if e is not None:
            return e.text
    return src.footnotes[0].text if src.footnotes else ""


def _proposals(result: MatchResult) -> dict[str, Proposal]:
    """The romanizer's proposals for the Arabic entries without a romanized counterpart."""
    from citenorm.text.romanize import romanize

    return {p.entry: p for p in romanize(result)}


def records(
    result: MatchResult, *, script: ExportScript = "latin", propose: bool = False
) -> list[ExportRecord]:
    """One :class:`ExportRecord` per source of ``result``, in document order.

    ``script="latin"`` makes the romanized entry of a pair the main record and the Arabic
    original its ``original``; ``script="arabic"`` the reverse. ``propose``: an Arabic
    entry with no romanized counterpart takes the romanizer's proposal as its romanized
    side, marked ``proposed`` (see the module docstring); never without it. Keys depend
    on neither option: they come from the romanized side whenever the article has one,
    else from the romanizer's ALA-LC reading of the Arabic.
    """
    sources = _sources(result)
    keys = assign_keys([key_base(_key_fields(s), text=_key_text(s)) for s in sources])
    proposals = _proposals(result) if propose else {}
    out = []
    for src, key in zip(sources, keys, strict=True):
        proposal = proposals.get(src.arabic.id) if src.arabic and not src.latin else None
        if proposal is not None:
            out.append(_proposed_record(src, key, script, proposal))
        else:
            out.append(_record(src, key, script))
    return out
