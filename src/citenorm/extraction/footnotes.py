"""Footnotes: find them among body lines, group them, classify and resolve them.

Two forms are read:

* paren markers at the start of a line, numbering restarting on each page:
  ``(1) زيدون سلمان محمد ، روسيا والصين ...`` (also ``(١)``, ``^(١)``, ``⁽¹⁾``, ``(*)``);
* Markdown definitions ``[^12]: ...`` with ``[^12]`` markers in the body.

A footnote wrapped onto following lines (PDF conversions put a blank line between) is
joined when its text so far ends open (a word, a comma, a colon, an opening bracket) or
the next line starts with punctuation, and that next line is not a long body paragraph.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from itertools import islice

from rapidfuzz import fuzz, process

from citenorm.extraction.markers import line_markers
from citenorm.extraction.segment import Line
from citenorm.models import Markers
from citenorm.text import patterns as P
from citenorm.text.normalize import digits_view, fold_any

__all__ = ["RawFootnote", "find_footnotes", "resolve_kinds"]

# op. cit., ibid. and short forms look back at most this many footnotes for their target
# (keeps resolution linear on hostile input; real articles repeat sources far closer)
LOOKBACK = 400
# a continuation line of a wrapped footnote is rarely longer than this (a body paragraph is)
_MAX_CONTINUATION = 220
_PUNCT_START = re.compile(r"^[,،:;؛)\]/.\-–]|^<?https?://|^www\.")
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass(slots=True)
class RawFootnote:
    """A footnote as found, before classification."""

    number: int | None
    marker: str
    group: int
    line: int
    parts: list[str]  # cleaned text, for decisions
    raw_parts: list[str]  # whole printed lines
    print_parts: list[str] = field(default_factory=list)  # printed text without the marker
    body_line: int | None = None
    kind: str = "full"
    refers_to: int | None = None  # index into the footnote list
    markdown: bool = False
    key: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(p.strip() for p in self.parts if p.strip())

    @property
    def raw(self) -> str:
        return "\n".join(self.raw_parts)

    @property
    def printed(self) -> str:
        return " ".join(p.strip() for p in self.print_parts if p.strip())


def _substantive(text: str) -> bool:
    return sum(1 for _ in islice(_LETTERS.finditer(text), 3)) == 3


def _open_ended(text: str) -> bool:
    t = text.rstrip()
    if not t or P.URL.search(t.split()[-1] if t.split() else ""):
        return False
    return bool(P.OPEN_END.match(t, len(t) - 1))


def find_footnotes(
    body: list[Line],
    *,
    notes_lines: set[int] | frozenset[int] = frozenset(),
    markers: Markers | None = None,
) -> tuple[list[RawFootnote], list[Line], set[int]]:
    """Find footnotes among the body lines.

    Lines in ``notes_lines`` (under an endnotes heading such as ``الهوامش``) may also be
    numbered ``1-`` or ``1.``. ``markers``: the markers of the body lines, when the
    caller has found them (:func:`~citenorm.extraction.markers.body_markers`).
    Returns the footnotes, the lines that remain body text (for markers and in-text
    citations), and the line numbers that hold footnote text.
    """
    notes: list[RawFootnote] = []
    rest: list[Line] = []
    fn_lines: set[int] = set()
    current: RawFootnote | None = None
    blank_run = 0
    group = 0
    last_number = 0
    pool: list[tuple[int, int]] = []  # body markers (number, line) since the last footnote
    # markers a footnote of the current page group may claim: number -> lines, in order
    available: dict[int, deque[int]] = {}
    md_markers: dict[str, int] = {}
    for ln in body:
        text = ln.text.strip()
        if not text:
            blank_run += 1
            continue
        md = P.MD_FOOTNOTE_DEF.match(text)
        if md:
            label = md.group("num")
            num = int(label) if label.isdigit() else None
            current = RawFootnote(
                number=num,
                marker=f"[^{label}]",
                group=1,
                line=ln.number,
                parts=[md.group("text")],
                raw_parts=[ln.raw],
                markdown=True,
                print_parts=[ln.printed(P.MD_FOOTNOTE_DEF, "text")],
            )
            current.extra["label"] = label
            notes.append(current)
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        fm = P.FOOTNOTE_LINE.match(text)
        pattern = P.FOOTNOTE_LINE
        if fm is None and P.SUPERSCRIPT_LINE.match(ln.raw):
            # "¹ text": the printed line has the superscript; the cleaned one reads "1 text"
            fm = re.match(r"^\s*(?P<num>[0-9]{1,3})\s*(?P<text>\S.*)$", text)
            pattern = P.SUPERSCRIPT_LINE
        if fm is None and ln.number in notes_lines:
            fm = P.ENDNOTE_LINE.match(text)
            pattern = P.ENDNOTE_LINE
        if fm and _substantive(fm.group("text")):
            label = fm.group("num") or fm.groupdict().get("bnum") or ""
            num = int(label) if label.isdigit() else None
            if num is not None:
                if group == 0 or num <= last_number:
                    group += 1
                    available = {}
                    _add_markers(available, pool)
                else:
                    _add_markers(available, pool)
                pool = []
                last_number = num
            elif group == 0:
                group = 1
            current = RawFootnote(
                number=num,
                marker=_marker_text(ln, pattern, label),
                group=max(group, 1),
                line=ln.number,
                parts=[fm.group("text")],
                raw_parts=[ln.raw],
                print_parts=[ln.printed(pattern, "text")],
            )
            if num is not None:
                lines = available.get(num)
                if lines:
                    current.body_line = lines.popleft()
            notes.append(current)
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        if current is not None and _continues(current, text, blank_run):
            current.parts.append(text)
            current.raw_parts.append(ln.raw)
            current.print_parts.append(ln.printed())
            fn_lines.add(ln.number)
            blank_run = 0
            continue
        current = None
        blank_run = 0
        rest.append(ln)
        for mk in line_markers(ln) if markers is None else markers.on_line(ln.number):
            if mk.kind == "markdown":
                md_markers.setdefault(mk.label, ln.number)
            else:
                pool.append((int(mk.label), ln.number))
    for note in notes:
        if note.markdown:
            note.body_line = md_markers.get(note.extra.get("label", ""))
    return notes, rest, fn_lines


def _marker_text(ln: Line, pattern: re.Pattern[str], label: str) -> str:
    """The marker as printed: ``(1)``, ``[1]``, ``¹``, ``1-``."""
    raw = ln.raw.strip()
    view = raw if pattern is P.SUPERSCRIPT_LINE else digits_view(raw)
    m = pattern.match(view)
    if m is None:
        return f"({label})"
    return raw[: m.start("text")].strip() or f"({label})"


def _add_markers(available: dict[int, deque[int]], pool: list[tuple[int, int]]) -> None:
    for num, line in pool:
        available.setdefault(num, deque()).append(line)


def _continues(note: RawFootnote, text: str, blank_run: int) -> bool:
    if P.FOOTNOTE_LINE.match(text) or P.MD_FOOTNOTE_DEF.match(text):
        return False
    if note.markdown:
        # lazy continuation: the next line with no blank line between
        return blank_run == 0
    if len(text) > _MAX_CONTINUATION:
        return False
    if blank_run > 1 and not _PUNCT_START.match(text):
        return False
    # the last line decides whether the note ends open (joining them all is quadratic)
    last = next((p for p in reversed(note.parts) if p.strip()), "")
    return _open_ended(last) or bool(_PUNCT_START.match(text))


# --- kinds and back-references ---------------------------------------------------------

_LEAD_SPLIT = re.compile(r"\s*[,،.]\s*")


def _lead(text: str, span_start: int) -> str:
    """The text before an op. cit./ibid. phrase: usually the author, maybe a short title."""
    return P.SEE_PREFIX.sub("", text[:span_start]).strip(" ،,.:;؛-")


def _has_biblio(text: str) -> bool:
    return bool(
        P.YEAR.search(text)
        or P.URL.search(text)
        or P.NO_DATE.search(text)
        or P.PAGES.search(text)
        or P.VOLUME.search(text)
        or P.ISSUE.search(text)
    )


def _similar(a: str, b: str, cutoff: float = 0.0) -> float:
    """Partial similarity of two folded keys (0 when either is empty or below ``cutoff``)."""
    if not a or not b:
        return 0.0
    return float(fuzz.partial_ratio(a, b, processor=None, score_cutoff=cutoff))


# an op. cit. lead (usually an author's name) is compared with at least this many
# characters at the start of each earlier full footnote
_START = 40


class _Keys:
    """Each footnote's text and comparison keys, computed once: resolution compares a
    footnote with up to ``LOOKBACK`` earlier ones, so recomputing them per comparison
    costs ``LOOKBACK`` folds per footnote."""

    __slots__ = ("_fold", "_head", "_start", "_words", "texts")

    def __init__(self, notes: list[RawFootnote]) -> None:
        self.texts = [n.text for n in notes]
        self._fold: dict[int, str] = {}
        self._head: dict[int, str] = {}
        self._start: dict[int, str] = {}
        self._words: dict[int, frozenset[str]] = {}

    def fold(self, j: int) -> str:
        key = self._fold.get(j)
        if key is None:
            key = self._fold[j] = fold_any(self.texts[j])
        return key

    def start(self, j: int, length: int) -> str:
        """The folded first ``length`` characters (kept for the usual, shortest length)."""
        text = self.texts[j]
        if len(text) <= length:
            return self.fold(j)
        if length != _START:
            return fold_any(text[:length])
        key = self._start.get(j)
        if key is None:
            key = self._start[j] = fold_any(text[:length])
        return key

    def head(self, j: int) -> str:
        """The folded first two comma/period-separated parts (author, title)."""
        key = self._head.get(j)
        if key is None:
            head = _LEAD_SPLIT.split(self.texts[j], maxsplit=2)
            key = self._head[j] = fold_any(" ".join(head[:2]))
        return key

    def words(self, j: int) -> frozenset[str]:
        words = self._words.get(j)
        if words is None:
            words = self._words[j] = frozenset(self.fold(j).split())
        return words


def resolve_kinds(notes: list[RawFootnote]) -> None:
    """Set ``kind`` and ``refers_to`` on every footnote (in place).

    ``ibid`` points to the previous citing footnote's source; ``op_cit`` to the nearest
    earlier full footnote whose author (or title) matches the text before the phrase; a
    short repeat citation with no op. cit. wording (Chicago's shortened form) is an
    ``op_cit`` too when it matches an earlier full footnote.
    """
    keys = _Keys(notes)
    for i, note in enumerate(notes):
        text = keys.texts[i]
        if (note.number is None and note.marker.startswith("(")) or text.lstrip().startswith("(*)"):
            note.kind = "note"
            continue
        ibid = P.search(P.IBID, text)
        opcit = P.search(P.OP_CIT, text)
        if ibid and (not opcit or ibid.start() <= opcit.start()):
            note.kind = "ibid"
            lead = _lead(text, ibid.start())
            note.refers_to = _resolve_ibid(notes, keys, i, lead)
            continue
        if opcit:
            note.kind = "op_cit"
            note.refers_to = _resolve_op_cit(notes, keys, i, _lead(text, opcit.start()))
            continue
        short = _short_form_target(notes, keys, i)
        if short is not None:
            note.kind = "op_cit"
            note.refers_to = short
            continue
        note.kind = "full" if _has_biblio(text) else "note"


def _target_of(notes: list[RawFootnote], j: int) -> int | None:
    n = notes[j]
    if n.kind == "full":
        return j
    if n.kind in ("op_cit", "ibid"):
        return n.refers_to
    return None


def _resolve_ibid(notes: list[RawFootnote], keys: _Keys, i: int, lead: str) -> int | None:
    for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
        target = _target_of(notes, j)
        if target is None:
            continue
        folded = fold_any(lead) if lead else ""
        if len(folded) >= 4 and _similar(folded, keys.fold(target)) < 70:
            # "X، المصدر نفسه" naming another author than the previous note: search back
            found = _resolve_op_cit(notes, keys, i, lead)
            return found if found is not None else target
        return target
    return None


def _resolve_op_cit(notes: list[RawFootnote], keys: _Keys, i: int, lead: str) -> int | None:
    best: tuple[float, int] | None = None
    folded = fold_any(lead) if lead else ""
    prefix = max(len(lead) * 2, _START)
    for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
        if notes[j].kind != "full":
            continue
        if not lead:
            return j
        score = max(
            _similar(folded, keys.start(j, prefix)),
            _similar(folded, keys.head(j)),
        )
        if best is None or score > best[0] + 0.5:
            best = (score, j)
            if score > 99.5:  # no score (at most 100) can beat it by more than 0.5
                break
    if best is not None and best[0] >= 60:
        return best[1]
    return None


# a short form resolves only to a full footnote it matches this well (0-100)
_SHORT_FORM_MIN = 80.0


def _short_form_target(notes: list[RawFootnote], keys: _Keys, i: int) -> int | None:
    """An earlier full footnote that this short footnote repeats (no year, no URL).

    The nearest best-scoring one wins; a candidate below ``_SHORT_FORM_MIN`` can never
    be the answer, so it is dropped as soon as one of its two scores falls below (the
    word test first: it rejects most candidates, and sooner than the partial ratio).
    """
    text = P.SEE_PREFIX.sub("", keys.texts[i])
    if P.YEAR.search(text) or P.URL.search(text):
        return None
    body = P.PAGES.sub("", text).strip(" ،,.:;؛-")
    if len(body) > 160:
        return None
    folded = fold_any(body)
    if len(folded) < 4:
        return None
    # every significant word of the short form should be in the full note
    words = [w for w in folded.split() if len(w) > 2]
    # the most words that may be missing with the word score still >= _SHORT_FORM_MIN
    misses_allowed = _allowed_misses(len(words))
    best: tuple[float, int] | None = None
    for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
        if notes[j].kind != "full":
            continue
        score = 100.0
        if words:
            full = keys.words(j)
            misses = 0
            for w in words:
                if w in full or process.extractOne(w, full, scorer=fuzz.ratio, score_cutoff=85):
                    continue
                misses += 1
                if misses > misses_allowed:
                    break
            if misses > misses_allowed:
                continue
            score = 100.0 * (len(words) - misses) / len(words)
        score = min(score, _similar(folded, keys.fold(j), _SHORT_FORM_MIN))
        if score < _SHORT_FORM_MIN:
            continue
        if best is None or score > best[0]:
            best = (score, j)
            if score >= 100.0:  # nothing farther can beat it
                break
    return best[1] if best is not None else None


def _allowed_misses(n: int) -> int:
    """The most of ``n`` words that may be missing for a word score >= ``_SHORT_FORM_MIN``."""
    k = 0
    while k < n and 100.0 * (n - k - 1) / n >= _SHORT_FORM_MIN:
        k += 1
    return k
