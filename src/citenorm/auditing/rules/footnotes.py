"""CN1xx: footnotes against their markers, their numbering and their back-references."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from citenorm.auditing.registry import Hit, rule
from citenorm.auditing.rules._common import is_markdown, related

if TYPE_CHECKING:
    from citenorm.config import AuditConfig
    from citenorm.models import Document, Footnote, Marker, MatchResult

FAMILY = "footnotes"


@rule(
    code="CN101",
    name="marker-without-footnote",
    severity="warning",
    family=FAMILY,
    summary="A footnote marker in the body — `(3)`, `^(٣)`, `⁽³⁾`, `[^3]` — that no footnote answers.",
    why="The reader finds no source for the claim; usually the footnote was lost when the article was converted or the marker was mistyped.",
    example="…في مختلف المجالات (3) ، ووفقاً لما سبق…\n\n(1) زيدون سلمان محمد ، روسيا والصين …\n(2) سداد نوري جاسم …\n# no footnote (3) on this page",
)
def marker_without_footnote(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    doc = result.document
    answered = {(f.number, f.body_line) for f in doc.footnotes if not is_markdown(f)}
    md_labels = {f.marker[2:-1] for f in doc.footnotes if is_markdown(f)}
    # "[3]" and "³" are markers only where the footnotes are printed so: elsewhere they
    # are numbered citations and exponents
    styles = {_style(f.marker) for f in doc.footnotes}
    for m in doc.markers:
        if m.kind == "markdown":
            if m.label in md_labels:
                continue
            shown = f"[^{m.label}]"
        else:
            if m.kind not in ("paren", *styles) or (int(m.label), m.line) in answered:
                continue
            shown = f"({m.label})" if m.kind == "paren" else _printed(doc, m)
        yield Hit(
            f"footnote marker {shown} has no footnote",
            line=m.line,
            column=m.column,
            length=m.length,
        )


def _style(marker: str) -> str:
    """How a footnote's own marker is printed: ``bracket``, ``superscript``, or other."""
    if marker.startswith("[") and not marker.startswith("[^"):
        return "bracket"
    if marker and all(ch in "⁰¹²³⁴⁵⁶⁷⁸⁹" for ch in marker):
        return "superscript"
    return "other"


def _printed(doc: Document, m: Marker) -> str:
    raw = doc.lines[m.line - 1] if 1 <= m.line <= len(doc.lines) else ""
    return raw[m.column - 1 : m.column - 1 + m.length] or m.label


@rule(
    code="CN102",
    name="footnote-without-marker",
    severity="warning",
    family=FAMILY,
    summary="A numbered footnote whose marker appears nowhere in the body text above it.",
    why="A footnote that no sentence points to cannot be checked against the claim it supports; the marker was probably dropped in editing or conversion.",
    example="…بين الدولتين ١٩٩١.\n\n(1) محمد عبدالله الهميسات ، أثر العلاقات … ص ١٤-١٧\n# no (1) in the paragraph above",
)
def footnote_without_marker(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    for f in result.document.footnotes:
        if f.number is None and not is_markdown(f):
            continue  # "(*)" author notes hang on the title, not on a body marker
        if f.body_line is None:
            yield Hit(
                f"footnote {f.marker} has no marker in the body",
                line=f.line,
                column=_marker_column(result, f),
                length=len(f.marker),
                related=related(f),
            )


def _marker_column(result: MatchResult, f: Footnote) -> int | None:
    lines = result.document.lines
    if not 1 <= f.line <= len(lines):
        return None
    raw = lines[f.line - 1]
    return len(raw) - len(raw.lstrip()) + 1


def _groups(notes: Sequence[Footnote]) -> dict[int, tuple[array[int], array[int]]]:
    """The numbered ``(n)`` notes of each page group: their rows and their numbers.

    Rows and numbers in arrays (a long article's notes are not held as records: the
    rules read the few they report with ``notes[row]``).
    """
    groups: dict[int, tuple[array[int], array[int]]] = {}
    for row, f in enumerate(notes):
        if f.number is not None and not is_markdown(f):
            rows, numbers = groups.setdefault(f.group, (array("q"), array("q")))
            rows.append(row)
            numbers.append(f.number)
    return groups


@rule(
    code="CN103",
    name="footnote-numbering-gap",
    severity="warning",
    family=FAMILY,
    summary="Footnote numbers of a page group skip a number: (1), (2), (4).",
    why="A missing number means a missing footnote or a mistyped marker; either way one claim has lost its source.",
    example="(1) زيدون سلمان محمد ، …\n(2) سداد نوري جاسم ، …\n(4) حيدر زهير جاسم ، …   # (3) is missing",
)
def footnote_numbering_gap(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    notes = result.document.footnotes
    previous_last: int | None = None
    for _group, (rows, numbers) in sorted(_groups(notes).items()):
        first_no = numbers[0]
        if first_no not in (1, previous_last):
            first = notes[rows[0]]
            yield Hit(
                f"footnote numbering of this page starts at {first_no}, not 1",
                line=first.line,
                column=_marker_column(result, first),
                length=len(first.marker),
                related=related(first),
            )
        expected = first_no
        for no, row in zip(numbers, rows, strict=True):
            if no > expected:
                f = notes[row]
                missing = ", ".join(str(n) for n in range(expected, no))
                yield Hit(
                    f"footnote ({no}) follows ({expected - 1}): missing {missing}",
                    line=f.line,
                    column=_marker_column(result, f),
                    length=len(f.marker),
                    related=related(f),
                )
            expected = no + 1
        previous_last = numbers[-1]


@rule(
    code="CN104",
    name="repeated-footnote-number",
    severity="warning",
    family=FAMILY,
    summary="The same footnote number twice in a row (or a Markdown label defined twice).",
    why="Two footnotes with one number make every marker after it point at the wrong source.",
    example="(1) زيدون سلمان محمد ، …\n(2) سداد نوري جاسم ، …\n(2) محمد عبدالله الهميسات ، …   # second (2)",
)
def repeated_footnote_number(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    notes = result.document.footnotes
    previous: tuple[int, int] | None = None  # the last number of the group before, its row
    for _group, (rows, numbers) in sorted(_groups(notes).items()):
        # numbering restarts where a number does not grow, so "(2) (2)" opens a new group
        if previous is not None and numbers[0] == previous[0] and numbers[0] != 1:
            first = notes[rows[0]]
            yield Hit(
                f"footnote number ({first.number}) repeats the previous footnote's",
                line=first.line,
                column=_marker_column(result, first),
                length=len(first.marker),
                related=related(notes[previous[1]], first),
            )
        previous = (numbers[-1], rows[-1])
    seen: dict[str, int] = {}
    for row, f in enumerate(notes):
        if not is_markdown(f):
            continue
        if f.marker in seen:
            yield Hit(
                f"footnote {f.marker} is defined twice",
                line=f.line,
                column=_marker_column(result, f),
                length=len(f.marker),
                related=related(notes[seen[f.marker]], f),
            )
        else:
            seen[f.marker] = row


@rule(
    code="CN105",
    name="unresolved-back-reference",
    severity="warning",
    family=FAMILY,
    summary="An op. cit. (`مصدر سبق ذكره`) or ibid. (`المصدر نفسه`) footnote with no earlier footnote it can point to.",
    why="`Op. cit.` only works if the work was cited in full before; otherwise the reader cannot tell which source is meant.",
    example="(1) يزيد عادل عبد المجيد ، مصدر سبق ذكره، ص ٢٠٣\n# no earlier footnote cites عبد المجيد in full",
)
def unresolved_back_reference(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    for f in result.document.footnotes:
        if f.kind in ("op_cit", "ibid") and f.refers_to is None:
            what = "op. cit." if f.kind == "op_cit" else "ibid."
            yield Hit(
                f"{what} footnote {f.marker} refers to no earlier full footnote",
                line=f.line,
                column=_marker_column(result, f),
                length=len(f.marker),
                related=related(f),
            )


@rule(
    code="CN106",
    name="ibid-after-other-source",
    severity="warning",
    family=FAMILY,
    summary="An ibid. footnote (`المصدر نفسه`) whose previous footnote cites another source.",
    why='Ibid. means "the source of the previous note"; when the note just before cites another work, the reader attributes the claim to the wrong source.',
    example="(1) مشاور صيفي ، مستقبل الشراكة … ص ١٢٦\n(2) يزيد عادل عبد المجيد ، المصدر نفسه ، ص ٢٠٤\n# ibid. after صيفي, but it means عبد المجيد",
)
def ibid_after_other_source(result: MatchResult, cfg: AuditConfig) -> Iterator[Hit]:
    from citenorm.models import footnotes_by_id

    notes = result.document.footnotes
    # (the cited notes found by id when needed: a dict of every note held them all)
    by_id = footnotes_by_id(notes)
    # the last note before each that is not a plain note, carried along (looking back
    # from each ibid. was quadratic in a long run of notes)
    last: Footnote | None = None
    for f in notes:
        prev, last = last, (f if f.kind != "note" else last)
        if f.kind != "ibid" or f.refers_to is None or prev is None:
            continue
        prev_target = prev.id if prev.kind == "full" else prev.refers_to
        if prev_target is None or prev_target == f.refers_to:
            continue
        target = by_id.get(f.refers_to)
        yield Hit(
            f"ibid. footnote {f.marker} cites the source of {f.refers_to}, "
            f"but the previous footnote {prev.id} cites {prev_target}",
            line=f.line,
            column=_marker_column(result, f),
            length=len(f.marker),
            related=related(prev, *(t for t in (target,) if t is not None), f),
        )
