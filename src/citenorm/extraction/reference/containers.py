"""Repairs of a container span that holds no journal's name while the title span does,
of a title span that runs on into the work it is part of, and of a note's name span that
holds the title."""

from __future__ import annotations

from collections.abc import Sequence

from citenorm.extraction.reference import repairs as R
from citenorm.extraction.reference.features import CUES, fold_word
from citenorm.extraction.reference.spans import tidy
from citenorm.extraction.reference.tokens import Token
from citenorm.text import _rx, lexicon, vocab
from citenorm.text import patterns as P
from citenorm.text.patterns import lazy

__all__ = [
    "container_after_bare_in",
    "container_after_cue",
    "container_in_publisher",
    "editors_closing_container",
    "journal_after_colon",
    "journal_at_head",
    "journal_before_description",
    "journal_head_in_title",
    "later_journal",
    "name_before_journal",
    "note_name_and_title",
    "site_at_head",
    "thesis_as_container",
    "title_and_journal",
]


def editors_closing_container(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``In Salt Roads: Studies: Papers n° 4, Jane Roe (éds), 197-231``: a book's span
    (opened with ``In``) run on into its editors' names, their role in brackets read as
    the statement after it: the names after the last comma go with the role (editor);
    a last colon part of the book's name that ends with a number after its cue (``Papers
    n° 4``, ``Series vol. 2``) is the series it is in (no part of the name)."""
    a = labels.index("container")
    b = a
    while b < len(labels) and labels[b] == "container":
        b += 1
    if b >= len(labels) or labels[b] != "editor" or tokens[a].text.lower() not in vocab.IN_WORDS:
        return labels
    c = b
    while c < len(labels) and labels[c] == "editor":
        c += 1
    role = [t.text for t in tokens[b:c] if t.text[:1].isalpha()]
    if len(role) != 1 or CUES.get(fold_word(role[0])) not in ("EDITOR", "ED"):
        return labels
    end = b - 1 if tokens[b - 1].text in "([" else b
    comma = next((i for i in range(end - 1, a, -1) if tokens[i].text in ",،"), None)
    if comma is None:
        return labels
    name = [t.text for t in tokens[comma + 1 : end]]
    if not 2 <= len(name) <= 4 or not all(w[:1].isupper() and w.isalpha() for w in name):
        return labels
    out = list(labels)
    out[comma + 1 : b] = ["editor"] * (b - comma - 1)
    colon = next((i for i in range(comma - 1, a, -1) if tokens[i].text == ":"), None)
    if colon is not None and tokens[comma - 1].text.isdigit():
        cue = comma - 2
        if tokens[cue].text in "°º.":
            cue -= 1  # "n ° 4", "vol . 2"
        if cue - colon >= 2 and CUES.get(fold_word(tokens[cue].text)) in ("ISS", "VOL"):
            out[colon:comma] = ["collection"] * (comma - colon)
    return out


def thesis_as_container(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``“Title.” Thèse de Doctorat, Université de Paris, Faculté de Droit, 1935``: a
    container span that opens with a thesis's description names no work it is part of:
    its words to the first comma are the genre, the rest the body that granted it (the
    publisher), in an entry with no publisher span before it."""
    a = labels.index("container")
    b = a
    while b < len(labels) and labels[b] == "container":
        b += 1
    if "publisher" in labels[:a] or "genre" in labels:
        return labels
    start = tokens[a].start
    m = P.THESIS.match(text, start, tokens[b - 1].end)
    if m is None:
        return labels
    comma = next((i for i in range(a, b) if tokens[i].text in ",،"), None)
    if (
        comma is None
        or comma + 1 >= b
        or not any(t.text[:1].isalpha() for t in tokens[comma + 1 : b])
    ):
        return labels
    out = list(labels)
    out[a : comma + 1] = ["genre"] * (comma + 1 - a)
    out[comma + 1 : b] = ["publisher"] * (b - comma - 1)
    return out


# "Title: مجلة X" / "Title، مجلة X" / "Title - مجلة X": the journal's name after the title
_JOURNAL_PART = _rx.compile(r"(?<!\s)\s*[:،,]\s*|(?<!\s)\s+[-–]\s+")


def journal_before_description(title: str, container: str) -> tuple[str, str | None]:
    """``Title، مجلة البحر`` + ``مجلة فكرية تصدر عن ...``: a container span that
    describes the journal (it opens with the journal's word again, a few words on)
    after a title span whose last part names the journal: the journal is that part.
    Returns (title, journal or None)."""
    words = tidy(container).split()
    if len(words) < 3 or fold_word(words[0]) not in vocab.JOURNAL_HEADS_FOLDED:
        return title, None
    cuts = list(_JOURNAL_PART.finditer(title.rstrip(" ،,")))
    for m in reversed(cuts):
        part = tidy(title[m.end() :])
        head = part.split()[:1]
        if head and fold_word(head[0]) in vocab.JOURNAL_HEADS_FOLDED and len(part.split()) >= 2:
            before = title[: m.start()]
            if tidy(before) and not R.COMMA.search(part):
                return before, part
    return title, None


_ARABIC_LETTER = lazy("[\u0621-\u064a]")


def note_name_and_title(author: str) -> tuple[str, str | None]:
    """``Jane Roe, Salt Roads, t. 2 (...)`` in a footnote with no title span: a note
    cites "Given Family, Title": a first comma part that is a name in its natural order
    (two to four capitalised words, or an Arabic given name first) is the author and the
    next part the title. Returns (author, title or None)."""
    parts = [p for p in R.COMMA.split(author) if tidy(p)]
    if len(parts) < 2:
        return author, None
    name, title = tidy(parts[0]), tidy(parts[1])
    words = name.split()
    if not 2 <= len(words) <= 4 or len(title.split()) < 2 or any(ch.isdigit() for ch in name):
        return author, None
    if _ARABIC_LETTER.match(name):
        natural = lexicon.is_given_name(words[0]) and words[0] not in vocab.NAME_HEADS_AR
    else:
        natural = all(w[:1].isupper() and len(w.rstrip(".")) > 1 for w in words)
    if not natural or R.has_cue(title.split()[0], ("AND", "ETAL", "EDITOR", "TRANS")):
        return author, None
    return name, title


# "Title, in Book" / "Title.” In Book" / "Title, Dans un livre “Book”" / "Title، ضمن
# كتاب Book": after a separator, the cue of the work the title is part of. A Latin cue
# wants a capitalised word or a quote after it ("Law, in theory" is a title's own words);
# an Arabic one is no bare "في"/"من" (a subtitle may open with them) and no series
# ("ضمن سلسلة").
_CUE = (
    r"((?i:in|dans|im|published\s+in|offprint\s+from|extrait\s+d(?:u|e|es|e\s+la))"
    r"(?:\s*:)?\s+(?i:(?:the\s+)?book\s+|un\s+livre\s+|l['’]ouvrage\s+)?(?=[A-Z“\"«‘'À-Þ])"
    r"|En\s*:\s*"
    r"|(?:(?:بحث|مقال|مقالة|دراسة)\s+)?(?:(?:منشور[ةه]?|نشر[ته]?)\s+)?"
    r"(?:ضمن(?!\s+(?:سلسلة|منشورات))(?:\s+كتاب)?|(?:في|من)\s+كتاب|مستل\s+من"
    r"(?:\s+كتاب)?|فصلة\s+من)\s+"
    r"|(?:في|من)\s+(?=الكتاب\s))"
)
_CUE_IN_TITLE = _rx.compile(r"[,،;.”»\"]\s+" + _CUE)
_CUE_AT_HEAD = _rx.compile(r"^\s*" + _CUE)


def container_after_cue(title: str) -> tuple[str, str | None]:
    """``Title, in Salt Roads`` / ``Title، ضمن كتاب «Salt Roads»``: a title span with no
    container span after it that runs on, past a separator, into the cue of the work
    it is part of: the work after the cue is the container. Returns (title, container
    or None)."""
    for m in _CUE_IN_TITLE.finditer(title):
        before, after = tidy(title[: m.start() + 1]), tidy(title[m.end() :])
        if len(before.split()) >= 2 and after and not any(ch.isdigit() for ch in after[:1]):
            return title[: m.start() + 1], after
    return title, None


# " in A History of Salt": a bare "in" (no separator) before a capitalised word
_BARE_IN = _rx.compile(r"(?<=[^\W\d_])\s+in\s+(?=[A-Z])")


def container_after_bare_in(title: str) -> tuple[str, str | None]:
    """``Chapter Title in The Book of Salt`` (an editor's statement after the span): the
    work after the last bare "in" before a capitalised word is the container, when
    a few words precede it and it has a few words itself. Returns (title, container or
    None)."""
    found = list(_BARE_IN.finditer(title))
    if not found:
        return title, None
    m = found[-1]
    before, after = tidy(title[: m.start()]), tidy(title[m.end() :])
    if len(before.split()) < 2 or len(after.split()) < 2:
        return title, None
    return before, after


def container_in_publisher(publisher: str, before: str | None) -> tuple[str | None, str | None]:
    """A publisher span that names the work the title is part of, when no container
    span does: ``In Salt Roads. Tangier, 1990`` (the cue of a book at its head), or
    ``Harbour Press, Salt Review, Vol. 3, No. 2`` / ``أخبار البحر، العدد 6`` (a journal
    that names no body right before its issue: ``before`` is "issue" then, or "date" when the year comes
    between the two and a word of the date was read into the span: ``Salt Review,
    Année | 1997, Volume 16, Numéro 33``). Returns (publisher or None, container or None)."""
    head = _CUE_AT_HEAD.match(publisher)
    if head:
        rest = tidy(publisher[head.end() :])
        return (None, rest) if rest else (publisher, None)
    if before not in ("issue", "date"):
        return publisher, None
    printed = tidy(publisher)
    pieces = [(b, e) for b, e in R.comma_pieces(printed) if tidy(printed[b:e])]
    parts = [tidy(printed[b:e]) for b, e in pieces]
    if before == "date" and len(parts) > 1 and len(parts[-1].split()) == 1:
        parts.pop()  # "Année", "Year", "السنة": the date's own word
    if not parts or any(ch.isdigit() for ch in parts[-1]) or lexicon.has_publisher_word(parts[-1]):
        return publisher, None  # (a body's name before a number is a book series' imprint)
    return (tidy(printed[: pieces[len(parts) - 1][0]]) or None), parts[-1]


# "... and U. K. " / "J.-P. ": a personal name's initials right before a span
_INITIALS_END = _rx.compile(r"(?:^|[\s,;(])(?:[A-Z]\.-?){1,3}(?:\s?[A-Z]\.){0,2}\s+$")
_SURNAME = lazy(r"^[A-Z][a-z'’-]+$")


def name_before_journal(text: str, container: str, start: int) -> str:
    """``... and U. K. Roe, Salt Rev. Lett. 77, 250``: a container span that opens with
    the last author's family name (a single capitalised word right after that author's
    initials, then a comma) starts after that comma."""
    if not _INITIALS_END.search(text[max(0, start - 12) : start]):
        return container
    parts = R.COMMA.split(container, maxsplit=1)
    if len(parts) < 2 or not _SURNAME.match(parts[0].strip()) or not tidy(parts[1]):
        return container
    return parts[1]


_NUMBERS = frozenset({"volume", "issue"})


def title_and_journal(container: str, runs: list[tuple[str, int, int]]) -> tuple[str, str | None]:
    """``Physiography, the Salt Naturalist`` + ``Vol. 12``: an entry with no title span
    whose container span of exactly two comma parts comes right before the volume or
    the issue (the date between at most) holds the article's title, then the journal.
    Returns (title, journal or None)."""
    labels = [run[0] for run in runs]
    k = labels.index("container") if "container" in labels else -1
    after = [label for label in labels[k + 1 : k + 3] if label != "date"][:1]
    if k < 0 or not after or after[0] not in _NUMBERS:
        return container, None
    pieces = R.comma_pieces(container)
    if len(pieces) != 2 or any(ch.isdigit() for ch in container):
        return container, None
    title, journal = (tidy(container[b:e]) for b, e in pieces)
    if not title or not journal or R.opens_statement(journal) or R.IN_CUE.match(journal):
        return container, None
    return title, journal


def later_journal(
    text: str, tokens: Sequence[Token], runs: list[tuple[str, int, int]]
) -> tuple[int, int] | None:
    """``ملف | العدد 8، | من مجلة البحر``: the first container span holds one word at
    most while a later one names a periodical (its cue, then the periodical's word):
    the later span is the container's (None: the first is)."""
    found = [(a, b) for label, a, b in runs if label == "container"]
    if len(found) < 2:
        return None
    a, b = found[0]
    if len(tidy(R.IN_CUE.sub("", tidy(text[tokens[a].start : tokens[b - 1].end]))).split()) > 1:
        return None
    for a, b in found[1:]:
        words = R.IN_CUE.sub("", tidy(text[tokens[a].start : tokens[b - 1].end]), count=1).split()
        if len(words) >= 2 and fold_word(words[0]) in vocab.JOURNAL_HEADS_FOLDED:
            return a, b
    return None


def journal_at_head(title: str) -> tuple[str, str | None]:
    """``مجلة البحر، أخبار الموج، العدد 3``: a lone container span (the entry has no
    title span) whose first comma part opens with a periodical's word names the
    journal, and the parts after it the article. Returns (title, journal or None)."""
    pieces = R.comma_pieces(title)
    if len(pieces) < 2:
        return title, None
    head = tidy(title[slice(*pieces[0])])
    words = head.split()
    if len(words) < 2 or fold_word(words[0]) not in vocab.JOURNAL_HEADS_FOLDED:
        return title, None
    rest = title[pieces[1][0] :]
    if len(tidy(rest).split()) < 2:
        return title, None
    return rest, head


def journal_after_colon(
    title: str, runs: list[tuple[str, int, int]], first: dict[str, tuple[int, int]]
) -> tuple[str, str | None]:
    """``Title of the Article: Speculum`` + ``Vol. 12, No. 1``: a title span with no
    comma part right before a volume span and then an issue span, whose last colon
    part is a short capitalised name, ran on into the journal. Returns (title, journal
    or None)."""
    bare = title.rstrip(" ,،.;")
    if "title" not in first or "," in bare or "،" in bare:
        return title, None  # (COMMA finds a match exactly where the text holds a comma)
    k = next(i for i, run in enumerate(runs) if run[0] == "title")
    if [run[0] for run in runs[k + 1 : k + 3]] != ["volume", "issue"]:
        return title, None
    cut = title.rfind(": ")
    if cut <= 0:
        return title, None
    journal = tidy(title[cut + 2 :])
    words = journal.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return title, None
    return title[:cut], journal


def site_at_head(title: str, *, bare: bool = False) -> tuple[str, str | None]:
    """``Harbour News website, Title of the page, <https://...>`` / ``موقع أخبار
    البحر، Title``: a web entry's title-first span whose first comma part (five words
    at most) names a website names the container, and the parts after it the page.
    ``bare``: the entry holds nothing but the span, dates and the address (no author,
    publisher, journal or numbers): then a first part with no website's word names the
    site too when the span has exactly two parts and the second, the page's title, is
    at least twice as long (``Harbour Daily, sailors of the north cross the bay again
    after the storm, <https://...>``). Returns (title, site or None)."""
    pieces = R.comma_pieces(title)
    if len(pieces) < 2:
        return title, None
    head = tidy(title[slice(*pieces[0])])
    words = head.split()
    rest = title[pieces[1][0] :]
    if not any(CUES.get(fold_word(w)) == "WEB" for w in words):
        if not (
            bare
            and len(pieces) == 2
            and 2 <= len(words) <= 6
            and len(tidy(rest).split()) >= 2 * len(words)
            and not any(ch.isdigit() for ch in head)
        ):
            return title, None
    elif not 2 <= len(words) <= 5:
        return title, None
    if len(tidy(rest).split()) < 2:
        return title, None
    return rest, head


def journal_head_in_title(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title, scientific`` | ``journal of sea studies, Vol. 7``: a container span that
    opens inside a comma part (a word, not a separator, right before it) was cut inside
    the journal's name: the last comma part of the title before it (three Latin words
    at most, words only, no cue such as ``in``) opens the journal. (An Arabic journal's
    name opens with its word, ``مجلة``: a word before it is a cue, ``مقال بمجلة``.)"""
    out: list[str] | None = None
    for i in range(1, len(labels)):
        if labels[i] != "container" or labels[i - 1] != "title":
            continue
        if not tokens[i].text[:1].isalpha() or not tokens[i - 1].text[:1].isalpha():
            continue
        k = i - 1
        while k >= 0 and labels[k] == "title" and tokens[k].text[:1].isalpha():
            k -= 1
        if k < 1 or labels[k] != "title" or tokens[k].text not in (",", "،"):
            continue  # (the part is not the title's last comma part, after some title)
        if labels[k - 1] != "title" or not 1 <= i - 1 - k <= 3:
            continue
        words = tokens[k + 1 : i]
        if not all(
            w.text.isalpha()
            and not _ARABIC_LETTER.search(w.text)
            and CUES.get(fold_word(w.text)) is None
            for w in words
        ):
            continue  # (an Arabic journal's name opens with its word: before it, a cue)
        if out is None:
            out = list(labels)
        out[k + 1 : i] = ["container"] * (i - 1 - k)
    return labels if out is None else out
