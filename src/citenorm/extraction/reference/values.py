"""Labelled tokens -> :class:`~citenorm.models.Fields`.

The labeler says which tokens hold which field; this module turns each field's span of
the printed text into its value: punctuation trimmed, cue words (``العدد``, ``vol.``,
``ص``, ``تحقيق``, ``In:``) taken off, digits Western, names split by the name parser,
dates per the contract (``issued`` the Gregorian year, a printed Hijri year in
``hijri``; a Hijri year alone gives ``issued = {"literal": printed}``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citenorm.extraction.compact import Sharing, fields_of
from citenorm.extraction.names import parse_names, two_direct_names
from citenorm.extraction.reference import containers as C
from citenorm.extraction.reference import imprint as I
from citenorm.extraction.reference import numbers as N
from citenorm.extraction.reference import repairs as R
from citenorm.extraction.reference import tails as T
from citenorm.extraction.reference import titles as TT
from citenorm.extraction.reference.features import CUES, fold_word
from citenorm.extraction.reference.spans import STRIP as _STRIP
from citenorm.extraction.reference.spans import spans, tidy
from citenorm.extraction.reference.tokens import Token
from citenorm.models import Fields
from citenorm.text import _rx, lexicon, vocab
from citenorm.text import patterns as P
from citenorm.text.patterns import lazy

__all__ = ["build_fields", "spans"]

# --- names ---------------------------------------------------------------------------

_HONORIFIC = _rx.compile(
    r"^(?:(?:أ\.\s*د|أ\s*\.\s*د|د|م|أ)\s*[./]\s*|الدكتور\s+|الأستاذ\s+|الشيخ\s+|Dr\.?\s+|Prof\.?\s+)+"
)
_DEATH = _rx.compile(r"\((?:[^()]*[0-9][^()]*|[^()]*(?:دكتور|القرن)[^()]*)\)")
_ROLE_CUE = lazy(
    r"^(?:ترجمة|تعريب|تحقيق|إعداد|اعداد|مراجعة|تقديم|تعليق|شرح|تصحيح|ضبط|جمع|إشراف|تنسيق|تحرير|نقله|حققه|تح|اعتنى|"
    r"edited|ed|eds|trans|translated|tr|transl|by|hrsg|taḥqīq|tarjamat)\b[\s.:]*(?:(?:و|and)\s*\S+\s*)?(?:by\s+|إلى العربية\s*)?:?\s*",
    re.IGNORECASE,
)


# "Bailey. Cyril", "Hook. Sidney J.": a Latin family name, a full stop where lists print a
# comma, and one given name (an initial may follow it)
_FAMILY_STOP_GIVEN = lazy(r"^([A-Z][a-z'’-]{2,})\.\s+([A-Z][a-z'’-]{2,}(?:\s+[A-Z]\.?)?)$")


def author_names(text: str) -> list[object] | None:
    value = tidy(text)
    if not any(ch.isalpha() for ch in value):
        return None  # "______.", "---:": the same author as the entry above (not named here)
    value = _HONORIFIC.sub("", value)
    value = _DEATH.sub(" ", value)
    value = tidy(value)
    if not value:
        return None
    # "Family (Given)": the parenthesised given name
    m = (
        re.match(r"^(?P<f>[^()]+?)\s*\((?P<g>[^()]+)\)\s*(?P<rest>.*)$", value)
        if "(" in value
        else None  # (the pattern tried at every character to the end: no bracket, no match)
    )
    if m and not m.group("rest").strip(_STRIP):
        # (the given names' own honorific out: "حسين (د. طه)")
        value = f"{m.group('f')}، {_HONORIFIC.sub('', m.group('g').strip())}"
    if "." in value:
        m = _FAMILY_STOP_GIVEN.match(value)
        if m and m.group(1).lower() not in vocab.NAME_TITLES_LATIN:
            value = f"{m.group(1)}, {m.group(2)}"  # "Bailey. Cyril": a full stop for the comma
    inverted = bool(re.search(r"^[^,،]+[,،]", value)) and not lexicon.has_corporate_word(value)
    names = (inverted and two_direct_names(value)) or parse_names(value, inverted_first=inverted)
    return list(names) or None


# (one \s* before the optional period: two around it were retried against each other,
# quadratic on a run of spaces)
_ANONYMOUS_HEAD = _rx.compile(r"^\s*([^\W\d_]+(?:\s+[^\W\d_]+)?)\s*(?:\.\s*)?[:،,.]\s*")


def _anonymous(text: str) -> bool:
    """``text`` is what lists print for a work of unknown author ("مجهول", "Anon.")."""
    return " ".join(tidy(text).rstrip(".").lower().split()) in vocab.ANONYMOUS_AUTHORS


def _bare_place(text: str) -> str | None:
    """``text`` names a place, bare or after a glued ``ب`` (``ببيروت``, ``بالقاهرة``), or
    a town and its country glued to ``ب`` (``حيدر أباد الدكن بالهند``, returned whole)."""
    t = tidy(text)
    if not t or any(ch.isdigit() for ch in t):
        return None
    if lexicon.is_place(t):
        return t
    if t.startswith("ب") and len(t) > 3 and lexicon.is_place(t[1:]):
        return t[1:]
    # "حيدر أباد الدكن بالهند": a town, then its country glued to "بـ" (printed whole)
    words = t.split()
    last = words[-1]
    if (
        len(words) >= 2
        and last.startswith("ب")
        and len(last) > 3
        and lexicon.is_place(last[1:])
        and I.place_run(" ".join(words[:-1]))
    ):
        return t
    return None


def _place_tail(publisher: str) -> tuple[str, str | None]:
    """``دار الفكر، ببيروت`` / ``المجلس الوطني، الكويت، أكتوبر``: a publisher's value
    that runs on past a comma into its place ends before it (the place is returned).
    The first comma part is the publisher's own; a place glued to its name (``دار
    المعارف بمصر``) is part of the name."""
    if "," not in publisher and "،" not in publisher:
        return publisher, None  # (one comma part: no place after it)
    parts = R.COMMA.split(publisher)
    for k in range(1, len(parts)):
        place = _bare_place(parts[k])
        if place:
            end = list(R.COMMA.finditer(publisher))[k - 1].start()
            return publisher[:end], place
    return publisher, None


# "Poulin Jr. Saint Paul, Minn.: Graywolf Press": the last sentence before a colon
_PLACE_COLON = lazy(r"(?:^|(?<=[.;]\s))(?P<place>[^.;:]+(?:\.[^.;:\s]{0,4}\.?)?)\s*:\s+(?=\S)")


def _place_head(publisher: str) -> tuple[str, str | None]:
    """``New York, NY: Springer-Verlag`` / ``Poulin Jr. Saint Paul, Minn.: Graywolf
    Press``: a publisher's value that holds the imprint's place and its colon (the last
    sentence before the colon, its first comma part a known place) is the name after
    the colon (the place is returned)."""
    if ":" not in publisher:
        return publisher, None
    for m in _PLACE_COLON.finditer(publisher):
        place = tidy(m.group("place"))
        if place and lexicon.is_place(tidy(R.COMMA.split(place)[0])):
            rest = tidy(publisher[m.end() :])
            return (rest, place) if rest else (publisher, None)
    return publisher, None


def _place_follows(label: str, runs: list[tuple[str, int, int]]) -> bool:
    """The first span of ``label`` is followed right away by the first place span."""
    k = next((i for i, run in enumerate(runs) if run[0] == label), None)
    p = next((i for i, run in enumerate(runs) if run[0] == "place"), None)
    return k is not None and p == k + 1


def _unknown_place_as_publisher(
    fields: dict[str, object],
    runs: list[tuple[str, int, int]],
    place: str,
) -> None:
    """``Title, Macula, 2006`` / ``Title, Sevilla, Renacimiento, 2007``: the one word
    run read as the place, right after the title and before the date or the end, in an
    entry with no publisher, that names no known place is the publisher; the title's
    last comma part, when it is a known place, is the place."""
    k = next(i for i, run in enumerate(runs) if run[0] == "place")
    if k == 0 or runs[k - 1][0] != "title" or (k + 1 < len(runs) and runs[k + 1][0] != "date"):
        return
    name = tidy(place)
    if (
        not name
        or len(R.COMMA.split(name)) > 1
        or any(ch.isdigit() or ch in ":؛;" for ch in name)
        or lexicon.is_place(name)
        or I.place_run(name)
        or _bare_place(name)
    ):
        return
    fields["publisher"] = name
    fields.pop("publisher-place", None)
    title = str(fields["title"])
    parts = list(R.COMMA.finditer(title))
    if parts and lexicon.is_place(tidy(title[parts[-1].end() :])):
        fields["publisher-place"] = tidy(title[parts[-1].end() :])
        fields["title"] = tidy(title[: parts[-1].start()])


def _imprint_in_statement(statements: list[str]) -> tuple[str | None, str | None]:
    """``tr. Jane Roe, Harbour Books, London``: a translator's or editor's statement run
    on past its names into the imprint: the first comma part after the names with a
    publisher's word is the publisher (and a place right after it, its place)."""
    for statement in statements:
        parts = [p for p in R.COMMA.split(statement) if p.strip(_STRIP)]
        for k in range(1, len(parts)):
            part = tidy(parts[k])
            if (
                len(part.split()) >= 2  # a publisher's word alone is half a name
                and lexicon.has_publisher_word(part)
                and not lexicon.is_place(part)
            ):
                place = _bare_place(parts[k + 1]) if k + 1 < len(parts) else None
                return part, place
    return None, None


def _place_before_publisher(
    text: str, tokens: Sequence[Token], runs: list[tuple[str, int, int]]
) -> str | None:
    """``اعتنى بتصحيحه: رينورد، والبارون X، | باريس، | دار الطباعة``: a statement or
    series span right before the publisher's whose last comma part is a known place (the
    imprint's, read into the span before it): that place, or None."""
    k = next(i for i, run in enumerate(runs) if run[0] == "publisher")
    if k == 0 or runs[k - 1][0] not in ("editor", "collection"):
        return None
    a, b = runs[k - 1][1], runs[k - 1][2]
    parts = [p for p in R.COMMA.split(text[tokens[a].start : tokens[b - 1].end]) if tidy(p)]
    if len(parts) < 2:
        return None
    last = tidy(parts[-1])
    return last if lexicon.is_place(last) else None


def _name_tail_cut(
    text: str, tokens: Sequence[Token], runs: list[tuple[str, int, int]]
) -> str | None:
    """``tr. Denys | Roe-Smith, Harbour Books``: a statement span that stops inside its
    name (no punctuation at its end) right before the publisher's: the publisher's first
    comma part ends that name (unless it holds a publisher's word or is a place)."""
    k = next(i for i, run in enumerate(runs) if run[0] == "publisher")
    if k == 0 or runs[k - 1][0] != "editor" or not tokens[runs[k - 1][2] - 1].text[-1].isalnum():
        return None
    a, b = runs[k][1], runs[k][2]
    value = text[tokens[a].start : tokens[b - 1].end]
    parts = R.COMMA.split(value, maxsplit=1)
    if len(parts) < 2 or lexicon.has_publisher_word(parts[0]) or lexicon.is_place(parts[0]):
        return None
    rest = tidy(parts[1])
    return rest if rest and not lexicon.is_place(rest) else None


def _cueless_statements(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title: Subtitle Words, Nautica, Vol. 3``: an editor/translator span without a
    role cue right after the first title span, which ends at a colon or stops inside a
    sentence (on a word: ``ديوان الشاب الظريف شمس الدين | محمد بن عفيف الدين``), is the
    rest of the title read as names; it is relabelled title."""
    runs = spans(tokens, labels)
    k = next((i for i, run in enumerate(runs) if run[0] == "title"), None)
    if k is None or k + 1 >= len(runs):
        return labels
    last = tokens[runs[k][2] - 1].text
    if runs[k + 1][0] == "author":
        # a second name span straight after a title that stops on a word, the work's
        # author named before it (``Author. Title of the Sharḥ of | Name Name.``)
        if not last[-1:].isalnum() or not any(run[0] == "author" for run in runs[:k]):
            return labels
    elif runs[k + 1][0] != "editor":
        return labels
    elif last != ":" and not last[-1:].isalnum():
        return labels  # a statement after a whole title often has a cue no list holds
    a, b = runs[k + 1][1], runs[k + 1][2]
    statement = text[tokens[a].start : tokens[b - 1].end]
    if _ROLE_CUE.search(statement) or R.has_cue(statement, ("EDITOR", "TRANS", "ED")):
        return labels
    return [*labels[:a], *(["title"] * (b - a)), *labels[b:]]


_IMPRINT_LABELS = frozenset({"place", "publisher", "date"})


def _title_read_as_note_or_place(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Roe, Jane. | Salt Roads. | New York: Harbour Press, 2004.``: an entry with no
    title span whose second span, a sentence between the name and the imprint, was read
    as a note, or as a place before the imprint's own place (``Fin-de-Siècle Vienna. |
    New York:``), holds the title; it is relabelled title."""
    runs = spans(tokens, labels)
    if len(runs) < 3 or runs[0][0] != "author":
        return labels
    if tokens[runs[0][2] - 1].text != ".":
        return labels  # the name ends with a full stop before a sentence
    label, a, b = runs[1]
    if label == "place" and tokens[b - 1].text == ":":
        # "Fin-de-Siècle Vienna. New York:": one place span, a sentence before the place
        stop = next((m for m in range(a + 2, b - 2) if tokens[m].text == "."), None)
        if stop is None or lexicon.is_place(" ".join(t.text for t in tokens[a:stop])):
            return labels
        return [*labels[:a], *(["title"] * (stop + 1 - a)), *labels[stop + 1 :]]
    if (
        label == "note"
        and tokens[b - 1].text in (",", "،")
        and "container" not in labels
        and any(run[0] in _ISSUE_LABELS for run in runs[2:])
    ):
        # "Title of the article. Journal, | septembre 2014, n°121, pp. 36-37.": the
        # article's sentence and the journal's name before its date and numbers
        stop = next((m for m in range(b - 3, a + 1, -1) if tokens[m].text == "."), None)
        if stop is None or (tokens[stop - 1].text.isupper() and len(tokens[stop - 1].text) == 1):
            return labels
        k = stop + 1
        return [*labels[:a], *(["title"] * (k - a)), *(["container"] * (b - k)), *labels[b:]]
    if label not in ("note", "place") or tokens[b - 1].text != "." or b - a < 2:
        return labels
    if runs[2][0] not in (("place",) if label == "place" else _IMPRINT_LABELS):
        return labels
    return [*labels[:a], *(["title"] * (b - a)), *labels[b:]]


_ISSUE_LABELS = frozenset({"volume", "issue", "pages"})
_NAME_LABELS = frozenset({"author", "editor"})


def _journal_read_as_name(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title (dossier). | Soins, | avril 2011, n°754. p. 31-57.``: a name span after
    the title, right before the date or the numbers of an entry with no container span
    (and a volume, issue or pages span after it), is the journal's name; it is
    relabelled container."""
    runs = spans(tokens, labels)
    for k in range(2, len(runs) - 1):
        label, a, b = runs[k]
        if label != "author" or runs[k - 1][0] != "title":
            continue
        if runs[k + 1][0] not in ("date", *_ISSUE_LABELS):
            return labels
        if not any(run[0] in _ISSUE_LABELS for run in runs[k + 1 :]):
            return labels
        if any(ch.isdigit() for t in tokens[a:b] for ch in t.text):
            return labels
        return [*labels[:a], *(["container"] * (b - a)), *labels[b:]]
    return labels


def _blessing_in_span(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``مؤسسة آل البيت | (ع)،``, ``حياة الحسين | (ع)``: a blessing's abbreviation in
    brackets after a holy name (``ع`` is also the issue's cue: never alone, with no
    number) is part of the span it follows; relabelled so (its comma too)."""
    out: list[str] | None = None
    n = len(labels)
    for i in range(2, n - 1):
        if (
            tokens[i].text not in vocab.BLESSING_MARKS_AR
            or tokens[i - 1].text != "("
            or tokens[i + 1].text != ")"
            or not tokens[i - 2].text[:1].isalpha()
        ):
            continue
        before = labels[i - 2]
        if labels[i - 1 : i + 2] == [before] * 3:
            continue
        if out is None:
            out = list(labels)
        wrong = out[i]
        out[i - 1 : i + 2] = [before] * 3
        if i + 2 < n and tokens[i + 2].text in ("،", ",") and out[i + 2] == wrong:
            out[i + 2] = before
    return labels if out is None else out


def _book_read_as_container(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``James, W. The Principles of Psychology, vol. II, Macmillan, London, 1890.``: an
    entry with no title span whose first span after the names is a container followed
    by its volume, then the imprint (a publisher or place span, no issue or pages) is a
    book in volumes: the container span, one comma part, is its title. A name with a
    periodical's word (``Journal``, ``مجلة``) stays a container."""
    runs = spans(tokens, labels)
    k = next((i for i, run in enumerate(runs) if run[0] not in _NAME_LABELS), None)
    if k is None or runs[k][0] != "container" or k + 2 >= len(runs):
        return labels
    if runs[k + 1][0] != "volume" or runs[k + 2][0] not in ("publisher", "place"):
        return labels
    if any(run[0] in ("issue", "pages", "container") for run in runs[k + 1 :]):
        return labels
    a, b = runs[k][1], runs[k][2]
    if any(t.text in (",", "،") for t in tokens[a : b - 1]):
        return labels  # (comma parts: a title and its journal, read by the container rules)
    if lexicon.has_journal_word(" ".join(t.text for t in tokens[a:b])):
        return labels
    return [*labels[:a], *(["title"] * (b - a)), *labels[b:]]


def _imprint_read_as_container(
    text: str, tokens: Sequence[Token], labels: Sequence[str]
) -> Sequence[str]:
    """``Title، قم، | بين الحرمين، | 1380 هجرى قمرى``: an Arabic entry's span read as a
    container, one short comma part with no journal's word, right before the date that
    ends the reference, in an entry with no publisher and no volume, issue or pages: the
    publisher (the imprint's order, not a journal's); relabelled publisher."""
    runs = spans(tokens, labels)
    if len(runs) < 3 or runs[-1][0] != "date" or runs[-2][0] != "container":
        return labels
    if any(run[0] in _ISSUE_LABELS or run[0] == "container" for run in runs[:-2]):
        return labels
    if runs[-3][0] not in ("place", "title"):
        return labels
    a, b = runs[-2][1], runs[-2][2]
    name = tidy(text[tokens[a].start : tokens[b - 1].end])
    if (
        not name
        or not R.ARABIC_LETTER.match(name)
        or len(R.COMMA.split(name)) > 1
        or not 1 <= len(name.split()) <= 4
        or lexicon.has_journal_word(name)
        or lexicon.is_place(name)
        or R.IN_CUE.match(name)
    ):
        return labels
    return [*labels[:a], *(["publisher"] * (b - a)), *labels[b:]]


def _name_after_place(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title. Place: Given Family, 1984.`` / ``Title. Berlin: Mouton de Gruyter.``: an
    editor/translator span with no role cue, or a name span after the title, right after
    a place span that ends with a colon, in an entry with no publisher span, is the
    publisher (a person's or a body's name printed where the imprint's publisher
    stands); it is relabelled publisher."""
    runs = spans(tokens, labels)
    for k in range(1, len(runs)):
        label, a, b = runs[k]
        if runs[k - 1][0] != "place":
            continue
        if label != "editor" and not (
            label == "author" and any(run[0] == "title" for run in runs[: k - 1])
        ):
            continue
        if tokens[runs[k - 1][2] - 1].text != ":":
            return labels
        if any(run[0] == "publisher" for run in runs):
            return labels
        statement = text[tokens[a].start : tokens[b - 1].end]
        if _ROLE_CUE.search(statement) or R.has_cue(statement, ("EDITOR", "TRANS", "ED")):
            return labels
        return [*labels[:a], *(["publisher"] * (b - a)), *labels[b:]]
    return labels


def _cued_work_as_editor(
    text: str, tokens: Sequence[Token], labels: Sequence[str]
) -> Sequence[str]:
    """``Title. | In Salt Roads, | 2 vols., edited by Jane Roe``: a statement span after
    the title that opens with the cue of the work the title is part of (``In``, ``in:``,
    ``ضمن``) and names no role (``ed.``, ``Hg.``, ``تحقيق``) is that work, in an entry
    with no container span: it is relabelled container."""
    runs = spans(tokens, labels)
    for k in range(1, len(runs)):
        label, a, b = runs[k]
        if label != "editor" or runs[k - 1][0] != "title":
            continue
        statement = text[tokens[a].start : tokens[b - 1].end]
        cue = R.IN_CUE.match(statement)
        if not cue or not tidy(statement[cue.end() :]):
            return labels
        if _ROLE_CUE.search(statement) or R.has_cue(statement, ("EDITOR", "TRANS", "ED")):
            if k + 1 < len(runs) and runs[k + 1][0] == "title":
                # "Title. In: J. Roe (eds) | Book Title. Place": the editors of the book,
                # then its title (APA, Harvard): that second title is the container
                c, d = runs[k + 1][1], runs[k + 1][2]
                return [*labels[:c], *(["container"] * (d - c)), *labels[d:]]
            return labels
        return [*labels[:a], *(["container"] * (b - a)), *labels[b:]]
    return labels


def _closing(tokens: Sequence[Token], i: int, end: int | None = None) -> int | None:
    """The token that closes the bracket ``tokens[i]`` opens (``(`` ... ``)``, nested ones
    counted), looked for before ``end``; None when it does not close there."""
    depth = 0
    for k in range(i, len(tokens) if end is None else end):
        depth += (tokens[k].text == "(") - (tokens[k].text == ")")
        if depth == 0:
            return k
    return None


def _lifetime(words: Sequence[Token]) -> bool:
    """The words inside a bracket date a person: a year, or a word of
    :data:`~citenorm.text.vocab.LIFETIME_WORDS_FOLDED`."""
    return any(
        any(ch.isdigit() for ch in tok.text)
        or fold_word(tok.text).strip(".").lower() in vocab.LIFETIME_WORDS_FOLDED
        for tok in words
    )


def _name_before_dates(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``التادلي، أبو يعقوب يوسف بن يحيى المعروف بابن الزيات (617ه/1220م): Title``: a
    name's dates in brackets, then a colon, then the title. The words between the author
    span and the bracket, in the same comma part as the name (no mark between them),
    read as a first title span, are the rest of the name (relabelled author); title
    tokens inside the bracket take the bracket's own label. Only when the title span
    goes on after the colon."""
    n = len(tokens)
    if n < 4 or labels[0] != "author" or "title" not in labels:
        return labels
    i = next((k for k, tok in enumerate(tokens) if tok.text == "("), None)
    if i is None or i == 0 or labels[i] == "title":
        return labels
    j = _closing(tokens, i)
    if j is None or j + 2 >= n or tokens[j + 1].text != ":" or labels[j + 2] != "title":
        return labels
    if not _lifetime(tokens[i + 1 : j]):
        return labels
    a = 0
    while a < i and labels[a] == "author":
        a += 1
    between = range(a, i)
    if any(labels[k] != "title" or not tokens[k].text[-1:].isalnum() for k in between):
        return labels
    if a < i and not tokens[a - 1].text[-1:].isalnum():
        return labels  # (a mark ends the author span: the title starts there)
    inside = [k for k in range(i, j + 2) if labels[k] == "title"]
    if a == i and not inside:
        return labels
    out = list(labels)
    for k in between:
        out[k] = "author"
    for k in inside:
        out[k] = labels[i]
    return out


def _bracketed_given(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``حسين (د. طه): Title``: the bracket right after the author span that opens the
    reference, holding no digit and ending in author tokens (the given names, after an
    honorific read as a date or a note), is the author's: it is relabelled author."""
    n = len(tokens)
    a = 0
    while a < n and labels[a] == "author":
        a += 1
    if a == 0 or a >= n or tokens[a].text != "(" or labels[a] == "author":
        return labels
    k = _closing(tokens, a)
    if k is None or labels[k - 1] != "author" or k - a < 2:
        return labels
    if any(ch.isdigit() for tok in tokens[a:k] for ch in tok.text):
        return labels
    return [*labels[:a], *(["author"] * (k + 1 - a)), *labels[k + 1 :]]


_CAPITALISED = _rx.compile(r"[A-Z][a-z'’-]+")
_INITIAL = _rx.compile(r"[A-Z]")


def _stop_name_runs_on(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Weiss. Paul, | Man's Freedom, Press, 1967``: a name printed ``Family. Given``
    (a full stop for the comma), then a comma, and the author span going on past it:
    what follows the comma is the title (the span's rest relabelled title)."""
    n = len(tokens)
    if n < 6 or labels[0] != "author" or tokens[1].text != ".":
        return labels
    if not (_CAPITALISED.fullmatch(tokens[0].text) and _CAPITALISED.fullmatch(tokens[2].text)):
        return labels
    k = 3
    if k < n and _INITIAL.fullmatch(tokens[k].text):  # "Cohen. Marris R."
        k += 1
        if k < n and tokens[k].text == ".":
            k += 1
    if k + 1 >= n or tokens[k].text != "," or labels[k] != "author" or labels[k + 1] != "author":
        return labels
    if R.has_cue(tokens[k + 1].text, ("AND",)) or tokens[k + 1].text == "&":
        return labels  # (more names)
    end = k + 1
    while end < n and labels[end] == "author":
        end += 1
    if end < n and labels[end] not in ("title", "publisher", "place", "date", "container"):
        return labels
    return [*labels[: k + 1], *(["title"] * (end - k - 1)), *labels[end:]]


_BRACKET_AFTER_COLON_LABELS = frozenset({"collection", "note", "container", "other", "editor"})


def _bracket_after_colon(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title: (a description of it), Publisher``: a bracket that opens right after the
    first title span's closing colon and closes before the next comma part (read as a
    series, a note or a statement) is the rest of the title; it is relabelled title."""
    if "title" not in labels:
        return labels
    a, n = labels.index("title"), len(labels)
    while a < n and labels[a] == "title":
        a += 1
    if a >= n or tokens[a - 1].text != ":" or tokens[a].text != "(":
        return labels
    label, b = labels[a], a
    if label not in _BRACKET_AFTER_COLON_LABELS:
        return labels
    while b < n and labels[b] == label:
        b += 1
    i = _closing(tokens, a, b)
    # the bracket closes inside the span: only separators may follow it there
    if i is None or any(tok.text not in ",،.;" for tok in tokens[i + 1 : b]):
        return labels
    return [*labels[:a], *(["title"] * (i + 1 - a)), *labels[i + 1 :]]


def _volume_cue(tok: Token) -> bool:
    return CUES.get(fold_word(tok.text)) == "VOL"


_ROMAN = lazy(r"^[IVXLCivxlc]{1,6}$")


def _volume_number(words: Sequence[Token]) -> bool:
    """``3``, ``3-4``, ``II``, ``الثاني``, ``الثاني عشر``: a volume's number or ordinal."""
    texts = [t.text for t in words]
    if not texts or len(texts) > 3:
        return False
    if texts[0].isdigit():
        return len(texts) == 1 or (len(texts) == 3 and texts[1] in "-–/" and texts[2].isdigit())
    if len(texts) == 1 and _ROMAN.match(texts[0]):
        return True
    # "الثاني", "الثاني عشر", "الحادي والعشرون"
    return (
        texts[0].startswith(vocab.DEFINITE_PREFIXES_AR)
        and len(texts) <= 2
        and all(t.isalpha() for t in texts)
        and (
            len(texts) == 1
            or texts[1] in vocab.ORDINAL_TEENS_AR
            or (texts[1][:1] == "و" and texts[1][1:].startswith(vocab.DEFINITE_PREFIXES_AR))
        )
    )


_NUMBER_CUES = {"VOL": "volume", "ISS": "issue"}


def _number_at_span_end(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``ضمن كتاب «Salt Roads»، | الجزء الثاني، | Publisher`` / ``مجلة البحر، العدد
    الثاني عشر، | المجلد 1``: a volume or issue statement (a cue word, then a number or
    an ordinal) that is the last comma part of a title or container span, in an entry
    with no span of its kind, is the volume or the issue; it is relabelled so."""
    n = len(labels)
    out: list[str] | None = None
    for i in range(1, n):
        label = labels[i]
        if label not in ("title", "container") or tokens[i - 1].text not in (",", "،"):
            continue
        kind = _NUMBER_CUES.get(CUES.get(fold_word(tokens[i].text), ""))
        if kind is None or kind in labels or len(tokens[i].text) < 3:
            continue  # (the letters "ج", "t", "n" alone open names and words as well)
        a = i + 1
        if a < n and tokens[a].text in (".", ":"):
            a += 1
        b = a
        while b < n and labels[b] == label and tokens[b].text not in (",", "،", "."):
            b += 1
        if not _volume_number(tokens[a:b]):
            continue
        e = b + 1 if b < n and labels[b] == label else b  # (with its comma)
        if e < n and labels[e] == label:
            continue  # the span goes on: a part's own title after it
        out = out or list(labels)
        out[i:e] = [kind] * (e - i)
        break
    return labels if out is None else out


def _volume_part_title(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title. الجزء الثالث، Part Title (الطبعة الثالثة).`` / ``Title. Vol. 3, Part
    Title (2nd ed.).``: a series or container span right after the first title span and
    right before the edition, that opens with a volume statement or follows the title's
    own closing volume statement, is the title of that volume: the rest of the title
    (relabelled title)."""
    a, n = labels.index("title"), len(labels)
    e = a
    while e < n and labels[e] == "title":
        e += 1
    if e >= n or labels[e] not in ("collection", "container"):
        return labels
    label, b = labels[e], e
    while b < n and labels[b] == label:
        b += 1
    if b >= n or labels[b] != "edition":
        return labels
    if _volume_cue(tokens[e]):
        # "Vol. 3, | Part Title": the volume's title after the statement's comma (none:
        # "Vol. 3 (2nd ed.)" is a statement with no title of its own)
        comma = next((i for i in range(e, b) if tokens[i].text in (",", "،")), b)
        rest = tokens[comma + 1 : b]
    elif any(
        _volume_cue(tokens[j]) and tokens[j - 1].text in (".", ",", "،")
        for j in range(max(a + 1, e - 4), e)
    ):
        rest = tokens[e:b]  # "Title. Vol. 3, | Part Title"
    else:
        return labels
    if any(t.text.isdigit() for t in rest) or not any(t.text[0].isalpha() for t in rest):
        return labels
    return [*labels[:e], *(["title"] * (b - e)), *labels[b:]]


def _place_glued_to_publisher(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Press of the Salt Works at Portsmouth Harbour | Harbour, Harbour, 1890``: a place
    span whose first comma part is printed again as its next part, right after a
    publisher span that ends on a word (no separator between them), opens with the end
    of the publisher's name (the press named with its town), not a doubled place; that
    first part is relabelled publisher. (A ``New York, New York`` after a comma is left.)"""
    p = labels.index("place")
    if p == 0 or labels[p - 1] != "publisher" or not tokens[p - 1].text[-1:].isalnum():
        return labels
    n = len(labels)
    c = p
    while c < n and labels[c] == "place" and tokens[c].text not in (",", "،"):
        c += 1
    d = c + 1
    while d < n and labels[d] == "place" and tokens[d].text not in (",", "،"):
        d += 1
    if c >= n or labels[c] != "place" or d == c + 1 or d > n:
        return labels
    first = [fold_word(t.text) for t in tokens[p:c]]
    second = [fold_word(t.text) for t in tokens[c + 1 : d]]
    if first != second:
        return labels
    return [*labels[:p], *(["publisher"] * (c - p)), *labels[c:]]


def _latin_name_word(text: str) -> bool:
    """A word of a periodical's name in title case: capitalised Latin, or a small word."""
    return (
        (text[:1].isascii() and text[:1].isupper() and text.isalpha())
        or text.lower() in vocab.KEY_STOP_WORDS
        or text == "&"
    )


def _journal_as_publisher(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title. | Salt Review 12, 3-9.`` / ``Title. | Salt Review | 1990; | 12: | 3-9``: a
    publisher span right after the title span, in an entry with no container span, that
    is a name in title case (Latin, no publisher's word) followed in the span by a volume
    and its pages (numbers, single letters and marks only), or followed by a year and a
    volume span in an entry with no place, is the journal (APA, Vancouver): the name is
    relabelled container, the volume volume, ``(2)`` / ``:2:`` after it issue, the rest
    pages."""
    n = len(labels)
    p = next((i for i in range(1, n) if labels[i] == "publisher"), n)
    if p >= n or labels[p - 1] != "title":
        return labels
    q = p
    while q < n and labels[q] == "publisher":
        q += 1
    d = p
    while d < q and not tokens[d].text[:1].isdigit():
        d += 1
    name = [t.text for t in tokens[p:d] if t.text not in (",", ".")]
    if (
        not name
        or not all(_latin_name_word(w) for w in name)
        or not name[0][:1].isupper()
        or lexicon.has_publisher_word(" ".join(name))
    ):
        return labels
    out = list(labels)
    if d == q:
        # "Title. Salt Review 1990; 12: 3-9": the year, then the volume span
        e = q
        while e < n and labels[e] == "date":
            e += 1
        if e == q or e >= n or labels[e] != "volume" or "place" in labels:
            return labels
        if any(t.text in (",", "،") for t in tokens[p:q]):
            return labels  # (a comma in the span: "Salt Review, Année | 1997": see containers)
        out[p:q] = ["container"] * (q - p)
        return out
    tail = tokens[d + 1 : q]
    if (
        len(tokens[d].text) > 4
        or not tokens[d].text.isdigit()
        or not any(t.text[:1].isdigit() for t in tail)
        or any(t.text[:1].isalpha() and len(t.text) > 1 for t in tail)
    ):
        return labels
    out[p:d] = ["container"] * (d - p)
    out[d] = "volume"
    c = d + 1
    if (
        c + 2 < q
        and tokens[c].text in ("(", ":")
        and tokens[c + 1].text.isdigit()
        and tokens[c + 2].text in (")", ":")
    ):
        out[c : c + 3] = ["issue"] * 3
        c += 3
    out[c:q] = ["pages"] * (q - c)
    return out


def _note_before_address(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title of the page that stops on a | word in lower case, <https://...>``: a note
    span right after the first title span, which ends on a word (no punctuation), and
    right before the web address, that opens with a word in lower case, goes on with the
    title's sentence; it is relabelled title."""
    a, n = labels.index("title"), len(labels)
    while a < n and labels[a] == "title":
        a += 1
    if a >= n or labels[a] != "note" or not tokens[a - 1].text[-1:].isalnum():
        return labels
    b = a
    while b < n and labels[b] == "note":
        b += 1
    if b >= n or labels[b] != "url" or not tokens[a].text[:1].islower():
        return labels
    return [*labels[:a], *(["title"] * (b - a)), *labels[b:]]


# the imprint's own cue before the publisher's name ("Published by:", "الناشر:")
_PUBLISHED_BY = lazy(
    r"(?:published\s+by|publi[ée]e?s?\s+par|herausgegeben\s+von|verlegt\s+bei|الناشر)\s*(?::\s*)?",
    re.IGNORECASE,
)


_PUBLISHED_BY_HEAD = lazy(r"(?:published\s+)?by\b\s*(?::\s*)?(?=\S)", re.IGNORECASE)


# spans a web entry of a site's name, a page's title, dates and the address has none of
_NOT_BARE_WEB = frozenset(
    {"author", "editor", "publisher", "container", "volume", "issue", "pages", "place"}
)


# a colon inside a span, words on both sides ("Salt Society: Towards a New Harbour"): a
# title and its subtitle; no publisher's name prints one
_SUBTITLE = lazy(r"[^\W\d_]{2}\s*:\s+[^\W\d_]")


def build_fields(
    text: str,
    tokens: Sequence[Token],
    labels: Sequence[str],
    *,
    entry: bool = True,
    sharing: Sharing | None = None,
) -> Fields:
    """The fields of one reference from its tokens' labels (``text`` is what the
    tokens index). ``entry``: a list entry, which always cites a work (a footnote may
    be a comment). ``sharing``: as :func:`~citenorm.extraction.compact.fields_of`."""
    labels = _cueless_statements(text, tokens, labels)
    if labels and labels[0] == "author" and "title" in labels:
        labels = TT.title_read_as_name(tokens, labels)
    if entry and "title" not in labels and labels and labels[0] == "author":
        labels = _title_read_as_note_or_place(tokens, labels)
    if "container" not in labels and labels and labels[0] == "author" and "title" in labels:
        labels = _journal_read_as_name(tokens, labels)
    if "." in text and labels and labels[0] == "author":
        labels = _stop_name_runs_on(tokens, labels)
    if ("editor" in labels or "author" in labels) and "place" in labels:
        labels = _name_after_place(text, tokens, labels)
    if "editor" in labels and "title" in labels and "container" not in labels:
        labels = _cued_work_as_editor(text, tokens, labels)
    if "editor" in labels:
        labels = I.publisher_after_statement(tokens, labels)
    labels = _bracket_after_colon(tokens, labels)
    if "(" in text:
        labels = _blessing_in_span(tokens, labels)
    if "(" in text and "author" in labels:
        labels = _name_before_dates(tokens, _bracketed_given(tokens, labels))
    if "edition" in labels and "title" in labels:
        labels = _volume_part_title(tokens, labels)
    if "place" in labels and "publisher" in labels:
        labels = _place_glued_to_publisher(tokens, labels)
    if "publisher" in labels and "title" in labels and "container" not in labels:
        labels = _journal_as_publisher(tokens, labels)
    if "place" in labels and "collection" in labels and "publisher" not in labels:
        labels = I.publisher_read_as_series(tokens, labels)
    if "place" in labels:
        if "publisher" in labels:
            labels = I.head_word_alone(tokens, labels)
            labels = I.firm_head_in_place(tokens, labels)
            if "&" in text:
                labels = I.ampersand_in_place(text, tokens, labels)
        labels = I.place_part(text, tokens, labels)
    if "note" in labels and "url" in labels and "title" in labels:
        labels = _note_before_address(tokens, labels)
    if "author" in labels and "title" not in labels:
        labels = TT.title_after_dash(text, tokens, labels)
    if "date" not in labels and labels and labels[-1] == "title":
        labels = TT.place_between_dashes(tokens, labels)
    if "issue" in labels or "volume" in labels or "container" in labels:
        labels = N.number_runs(tokens, labels)
    if "volume" in labels and "container" in labels:
        labels = N.roman_volume_closing_journal(tokens, labels)
    if "volume" not in labels or "issue" not in labels:
        labels = _number_at_span_end(tokens, labels)
    if "date" not in labels and labels:
        labels = N.era_year_tail(tokens, labels)
    if "date" not in labels and "container" in labels:
        labels = N.year_closing_journal(tokens, labels)
    if "container" in labels and "publisher" not in labels:
        labels = _imprint_read_as_container(text, tokens, labels)
    if entry and "title" not in labels and "container" in labels and "volume" in labels:
        labels = _book_read_as_container(tokens, labels)
    if "container" in labels:
        labels = C.thesis_as_container(text, tokens, labels)
    if "container" in labels and "editor" in labels:
        labels = C.editors_closing_container(tokens, labels)
    if "date" in labels and "volume" not in labels and "pages" not in labels:
        labels = N.numbers_in_date_span(tokens, labels)
    if "volume" not in labels and ("pages" in labels or "container" in labels):
        labels = N.volume_beside_pages(tokens, labels)
    if "pages" not in labels and ("volume" in labels or "issue" in labels):
        labels = N.pages_in_number_span(tokens, labels)
    labels = TT.join_dangling(tokens, labels)
    if "container" in labels and "title" in labels:
        labels = C.journal_head_in_title(tokens, labels)
    labels = TT.period_in_title(text, tokens, labels)
    labels = TT.body_before_publisher(text, tokens, labels)
    labels = TT.letters_in_title(tokens, labels)
    if entry:
        labels = TT.collection_as_title(text, tokens, labels)
    runs = spans(tokens, labels)
    first: dict[str, tuple[int, int]] = {}
    for label, a, b in runs:
        if label not in first:
            first[label] = (a, b)

    later = C.later_journal(text, tokens, runs)
    if later is not None:
        first["container"] = later

    def value(label: str) -> str | None:
        span = first.get(label)
        if span is None:
            return None
        a, b = span
        return text[tokens[a].start : tokens[b - 1].end]

    fields: dict[str, object] = {}
    author = value("author")
    title = value("title")
    container_from_title: str | None = None
    publisher_from_title: str | None = None
    publisher_rest: str | None = None
    if author and _anonymous(author):
        author = None  # "مجهول:", "Anon.,": printed in the author's place, no one named
        first.pop("author", None)
    if title and first.get("title", (1, 1))[0] == 0:
        # "مجهول: Title" read as one title span
        head = _ANONYMOUS_HEAD.match(title)
        if head and _anonymous(head.group(1)) and tidy(title[head.end() :]):
            title = title[head.end() :]
    if not author and "editor" in first and first["editor"][0] == 0:
        head_name = value("editor") or ""
        if not _ROLE_CUE.search(head_name) and not R.has_cue(head_name, ("EDITOR", "TRANS")):
            author = head_name  # "Doe, John: Title": a name first is the author
        elif entry and not title:
            title = T.title_before_statement(head_name)
    if author and "author" in first and len(text[: tokens[first["author"][0]].start].strip()) <= 4:
        # (the name opens the reference, after a rank at most: "د. سالم الملاح، ...")
        adjacent = "title" in first and first["author"][1] == first["title"][0]
        gap = (
            text[tokens[first["author"][1] - 1].end : tokens[first["title"][0]].start]
            if adjacent
            else None
        )
        author, title = T.name_overflow(author, title, gap)
        author, title = T.natural_order_name(author, title, gap)
    if entry and not title:
        pubs = [(a, b) for label, a, b in runs if label == "publisher"]
        lead = text[tokens[pubs[0][0]].start : tokens[pubs[0][1] - 1].end] if pubs else ""
        if (
            len(pubs) >= 2
            and "place" in first
            and pubs[0][1] <= first["place"][0] < pubs[1][0]
            and (not lexicon.has_publisher_word(lead) or _SUBTITLE.search(lead) is not None)
        ):
            # "Roe, J. (1951). Salt Roads. Tangier: Harbour Press.": two publisher spans
            # around the place, no title, the first naming no body (or a title and its
            # subtitle: "Salt Society: Towards a New Harbour"): it is the title (APA)
            title = lead
            first["publisher"] = pubs[1]
    if not entry and not title and author:
        author, title = C.note_name_and_title(author)
    if entry and not title and author:
        title, author, publisher_rest = R.title_after_colon(author, "publisher" in first)
    if entry and not title and author and "author" in first and first["author"][0] == 0:
        title, author = TT.title_in_name(author)
    if entry and not title and "container" in first:
        # "Family, G. 2005. | Title of the article. Salt Review | 12, 3-9": no title
        # span, the journal span opens with the title's sentence
        k = next(i for i, run in enumerate(runs) if run[0] == "container")
        after = runs[k + 1][0] if k + 1 < len(runs) else None
        whole = value("container") or ""
        article, journal = T.journal_sentence(whole, after)
        if journal is None:
            article, journal = T.title_end_in_journal(whole, after)
        if journal and len(article.split()) >= 2 and not R.IN_CUE.match(article.lstrip()):
            title, container_from_title = article, journal
    if entry and not title:
        title, author, container_from_title, publisher_rest = R.title_from_neighbours(
            author, value("publisher"), value("container"), runs, first
        )
    place_from_author: str | None = None
    if (
        author
        and title
        and "author" in first
        and "title" in first
        and first["author"][0] > first["title"][0]
        and lexicon.is_place(tidy(author))
    ):
        # "Title، (ابو ظبي، 2021)": a place after the title is not its author
        place_from_author, author = tidy(author), None
    if (
        title
        and author
        and "author" in first
        and "title" in first
        and first["author"][1] == first["title"][0]  # the title span right after the name
    ):
        moved = R.given_head(author, title)
        if moved is not None:
            author, title, _ = moved
    if title and not author and first.get("title", (1, 1))[0] == 0:
        title, author = R.author_before_colon(title)
    if title and not author and entry and first.get("title", (1, 1))[0] == 0:
        title, author = R.author_before_comma(title)
    if title and not author:
        title, author = R.author_before_quote(title)
    if title and not author:
        title, author = R.corporate_head(title)
    if title and not author and first.get("title", (1, 1))[0] == 0:
        title, author = T.named_head(title)
    if title and not author and entry and first.get("title", (1, 1))[0] == 0 and " ب" in title:
        title, author = R.nasab_head(title)  # "سالم بن أبي الموج، Title"
    if author and T.collective(author):
        fields["author"] = [{"literal": tidy(author)}]  # "مجموعة من الباحثين": no person
    elif author:
        names = author_names(author)
        if names:
            fields["author"] = names
    alternative = False
    if title and "container" in first and "title" in first:
        k = next(i for i, run in enumerate(runs) if run[0] == "title")
        if k + 1 < len(runs) and runs[k + 1][0] == "container":
            gap = text[tokens[runs[k][2] - 1].end : tokens[runs[k + 1][1]].start]
            title, alternative = T.alternative_title(title, gap, value("container") or "")
    if title and container_from_title is None and "title" in first:
        k = next(i for i, run in enumerate(runs) if run[0] == "title")
        if "container" not in first or (
            # "Title, in Salt Roads, | edited by Jane Roe": the work's editor right after
            # the title (a container span after that one is the imprint misread)
            k + 1 < len(runs)
            and runs[k + 1][0] == "editor"
            and first["container"][0] > runs[k + 1][1]
            and _ROLE_CUE.match(tidy(value("editor") or "")) is not None  # (opens with it)
        ):
            title, container_from_title = C.container_after_cue(title)
            if (
                container_from_title is None
                and k + 1 < len(runs)
                and runs[k + 1][0] == "editor"
                and CUES.get(fold_word((value("editor") or "").split()[0].strip(".:,")))
                in ("EDITOR", "ED")
            ):
                # "Chapter in The Book of Salt, | edited by Jane Roe": the bare "in"
                # before a capitalised work, an editor's statement after it (a
                # translator's is a whole book's as often: "The Revolution in Physics")
                title, container_from_title = C.container_after_bare_in(title)
    if title:
        title, after_quote = R.quoted_head(title)
        if (
            after_quote
            and "publisher" not in first
            and not _ROLE_CUE.match(tidy(after_quote))
            and not R.opens_statement(tidy(after_quote))
            and not re.search(r"[0-9]", after_quote)
            and len(R.COMMA.split(tidy(after_quote))) == 1
        ):
            publisher_from_title = after_quote
    if (
        title
        and not author
        and "container" not in first
        and first.get("title", (1, 1))[0] == 0
        and any(tok.text.startswith(("http", "www", "<http")) for tok in tokens)
    ):
        # "X website, Title, URL"; "Site, Title of the page, URL" in a bare web entry
        bare = not any(label in _NOT_BARE_WEB for label, _, _ in runs)
        title, container_from_title = C.site_at_head(title, bare=bare)
    if title and "container" not in first and container_from_title is None:
        title, container_from_title = R.journal_tail(title)
    if title and "container" not in first and container_from_title is None:
        title, container_from_title = R.journal_before_volume(title, runs, first)
    if title and "container" not in first and container_from_title is None:
        title, container_from_title = C.journal_after_colon(title, runs, first)
    if title and "container" not in first and container_from_title is None and "title" in first:
        k = next(i for i, run in enumerate(runs) if run[0] == "title")
        after = runs[k + 1][0] if k + 1 < len(runs) else None
        if after == "date" and any(run[0] in ("volume", "issue", "pages") for run in runs[k + 2 :]):
            after = "volume"  # "Title. Journal. 2010 Mar 18;29(11):1611-21" (Vancouver)
        title, container_from_title = T.journal_sentence(
            title, after, loose="container" not in first
        )
    if title and "container" in first and container_from_title is None:
        title, container_from_title = C.journal_before_description(title, value("container") or "")
    if title and "container" in first and container_from_title is None and "title" in first:
        k = next(i for i, run in enumerate(runs) if run[0] == "title")
        if (
            k + 1 < len(runs)
            and runs[k + 1][0] == "container"
            and runs[k + 1][1] == first["container"][0]
        ):
            journal_end = value("container") or ""
            after = runs[k + 2][0] if k + 2 < len(runs) else None
            # the printed text between the title span and the container span
            gap = text[tokens[runs[k][2] - 1].end : tokens[runs[k + 1][1]].start]
            if len(tidy(journal_end).split()) <= 2:
                # "Title. The Salt Studies | Journal, 27": the journal's name cut in two
                article, journal = T.journal_sentence(title, "volume")
                if journal:
                    title, container_from_title = article, journal + gap + journal_end
            else:
                # "Title of the | end of it. Salt Review | 12, 3-4": the title's last
                # sentence read into the container span before the journal's name
                article, journal = T.journal_sentence(journal_end, after)
                if journal and not R.IN_CUE.match(article.lstrip()):
                    title, container_from_title = title + gap + article, journal
            if container_from_title is None:
                # "Title of the | last words. Salt Review | 12": the title's end before a
                # full stop that no abbreviation of a name ends ("ALS. Neurology")
                article, journal = T.title_end_in_journal(journal_end, after)
                if journal and not R.IN_CUE.match(article.lstrip()):
                    title, container_from_title = title + gap + article, journal
    if title and "container" not in first and container_from_title is None:
        title, container_from_title = TT.bracket_tail(title)
    if title and "publisher" not in first and publisher_from_title is None:
        title, publisher_from_title = R.publisher_tail(title)
    if title and "publisher" not in first and publisher_from_title is None:
        title, publisher_from_title = R.imprint_tail(title, runs, first)
    if title and place_from_author is None:
        title, place_from_author = TT.place_tail(title, runs, first)
    if title:
        t = tidy(TT.series_tail(T.description_tail(R.statement_tail(title))))
        if t:
            fields["title"] = t
    container = container_from_title or (None if alternative else value("container"))
    if (
        container
        and container_from_title is None
        and not R.IN_CUE.sub("", tidy(container) + " ", count=1).strip(_STRIP)
    ):
        # "ضمن كتاب «الحضارة العربية»": a cue alone, the quoted name after it taken for a
        # second title: that title is the container's name
        k = next(i for i, run in enumerate(runs) if run[0] == "container")
        if (
            k + 1 < len(runs)
            and runs[k + 1][0] == "title"
            and "title" in first
            and first["title"][0] < runs[k][1]
        ):
            a, b = runs[k + 1][1], runs[k + 1][2]
            container = text[tokens[a].start : tokens[b - 1].end]
    if container and container_from_title is None and "container" in first:
        at = tokens[first["container"][0]].start
        container = C.name_before_journal(text, R.to_closing_mark(text, container, at), at)
    if container:
        c = R.container(container)
        if c and "title" in fields:  # (a lone container becomes the title: kept whole)
            c = T.container_number_tail(c)
        if c:
            fields["container-title"] = c
    if "publisher" not in first and not publisher_rest and not publisher_from_title:
        publisher_rest, place_after = _imprint_in_statement(
            [text[tokens[a].start : tokens[b - 1].end] for label, a, b in runs if label == "editor"]
        )
        if place_after and not value("place"):
            place_from_author = place_from_author or place_after
        for k, (label, a, b) in enumerate(runs):
            if publisher_rest or label not in ("editor", "collection"):
                continue
            after = runs[k + 1][0] if k + 1 < len(runs) else None
            publisher_rest, place_after = T.imprint_in_run(
                text[tokens[a].start : tokens[b - 1].end], label, after
            )
            if place_after and not value("place"):
                place_from_author = place_from_author or place_after
    if "publisher" not in first and not publisher_rest and not publisher_from_title:
        for label, a, b in runs:
            if label == "note":
                # "Title, Published by Harbour Books, Tangier, 2013": the imprint in a note
                cued = text[tokens[a].start : tokens[b - 1].end]
                m = _PUBLISHED_BY.match(cued)
                if m and tidy(cued[m.end() :]):
                    publisher_rest = tidy(cued[m.end() :])
                    break
    if "publisher" in first and not publisher_rest:
        publisher_rest = _name_tail_cut(text, tokens, runs)
    if "publisher" in first and not value("place"):
        place_from_author = place_from_author or _place_before_publisher(text, tokens, runs)
    place_head: str | None = None
    for label, key in (("publisher", "publisher"), ("place", "publisher-place")):
        v = publisher_rest if label == "publisher" and publisher_rest else value(label)
        if v:
            tv = tidy(I.printer_after_publisher(R.publisher_cut(v)) if label == "publisher" else v)
            if label == "publisher" and (tv[:2].lower() == "by" or tv[:9].lower() == "published"):
                # "Published | By Frank Cass": the imprint's cue read into the name
                cue = _PUBLISHED_BY_HEAD.match(tv)
                if cue and tidy(tv[cue.end() :])[:1].isupper():
                    tv = tidy(tv[cue.end() :])
            if label == "publisher" and tv:
                tv = I.imprint_cue(I.statement_before_publisher(tv))  # "نشرته الدار X"
            if label == "publisher" and tv and not publisher_rest and "title" in fields:
                k = next(i for i, run in enumerate(runs) if run[0] == "publisher")
                if k and runs[k - 1][0] == "title" and runs[k - 1][1] == first["title"][0]:
                    tv, fields["title"] = T.title_part_in_publisher(tv, str(fields["title"]))
            if label == "publisher" and tv:
                tv, place_from_publisher = _place_head(tv) if not value("place") else (tv, None)
                if place_from_publisher is None:
                    tv, place_from_publisher = _place_tail(tv)
                if place_from_publisher and not value("place"):
                    place_from_author = place_from_author or place_from_publisher
                elif (
                    place_from_publisher
                    and _place_follows("publisher", runs)
                    and len(R.COMMA.split(tidy(value("place") or ""))) > 1
                ):
                    # "Greenwood Press, Westport, | Connecticut, London": the publisher
                    # span ran into the run of places the place span goes on with (one
                    # place there is the imprint's: "دار الكتاب، بيروت، | حلب" is حلب)
                    place_head = place_from_publisher
            if label == "place" and tv and place_head:
                tv = (
                    f"{place_head}, {tv}"
                    if R.ARABIC_LETTER.search(tv) is None
                    else f"{place_head}، {tv}"
                )
            if tv:
                fields[key] = tv
    if (
        "container-title" not in fields
        and "title" in fields
        and "publisher" in fields
        and "publisher" in first
    ):
        k = next(i for i, run in enumerate(runs) if run[0] == "publisher")
        nxt = [run[0] for run in runs[k + 1 :] if run[0] != "date"][:1]
        issue = value("issue") or N.issue_after_volume(value("volume") or "")
        before = "issue" if nxt == ["issue"] or (nxt == ["volume"] and issue) else None
        if before and runs[k + 1][0] == "date":
            before = "date" if nxt == ["volume"] else "issue"
        pub, journal = C.container_in_publisher(str(fields["publisher"]), before)
        if journal:
            fields["container-title"] = journal
            if pub:
                fields["publisher"] = pub
            else:
                del fields["publisher"]
    if publisher_from_title and "publisher" not in fields:
        fields["publisher"] = tidy(publisher_from_title)
    if "publisher" not in fields and "container" in first:
        # "مجلة الموج، مجلة فكرية تصدر عن منتدى البحر": the journal's issuer
        body = I.issuer(value("container") or "")
        if body:
            fields["publisher"] = body
    if "publisher-place" not in fields and not value("place") and "container" in first:
        # "مجلة البحر، بيروت، السنة الثامنة": the town the journal is issued in
        town = I.place_in_container(value("container") or "")
        if town:
            place_from_author = place_from_author or town
    if place_from_author and "publisher-place" not in fields:
        fields["publisher-place"] = place_from_author
    if (
        "publisher" not in fields
        and not publisher_from_title
        and not publisher_rest
        and "place" in first
        and "title" in fields
    ):
        _unknown_place_as_publisher(fields, runs, value("place") or "")
    if "title" not in fields and "container-title" in fields:
        lone = str(fields["container-title"])
        if T.journal_cited_alone(runs):
            # "Roe, J. 1997, Salt J., 475": an article cited by its journal alone, unless
            # the span holds "Title. Journal"
            article, journal = T.journal_sentence(lone, "volume")
            if not journal:
                article, journal = C.journal_at_head(lone)  # "مجلة البحر، Title"
            if journal:
                fields["title"], fields["container-title"] = tidy(article), tidy(journal)
        else:
            article, journal = C.title_and_journal(lone, runs)
            if not journal:
                article, journal = C.journal_at_head(lone)  # "مجلة البحر، Title"
                article = tidy(article)
            if journal:
                # "Title, Journal, Vol. 12": the two parts of a lone container
                fields["title"], fields["container-title"] = article, journal
            else:
                # a work is cited by its title: a lone "container" is the title itself
                fields["title"] = tidy(TT.series_tail(str(fields.pop("container-title"))))
    if (
        entry
        and "title" not in fields
        and "author" in fields
        and author
        and first.get("author", (1, 1))[0] == 0
        and len(R.COMMA.split(tidy(author))) == 1
        and any(k in fields for k in ("issued", "publisher", "publisher-place"))
    ):
        # "الدستور. (1883). بيروت: المطبعة الأدبية": a title-first entry read as a name
        # (a name alone, no comma, before the imprint of a work that has no title)
        fields["title"] = tidy(author)
        del fields["author"]
    if entry and "title" not in fields and "author" not in fields:
        # an entry the labeler read as a note only ("Archives X, File 1944-1955, Box
        # 73."): a list entry names a work, and its text is the best title there is
        note = value("note")
        t = tidy(note) if note else ""
        if len(t.split()) >= 2 and any(ch.isalpha() for ch in t):
            fields["title"] = t
    for key in ("publisher", "publisher-place"):
        imprint = fields.get(key)
        if isinstance(imprint, str):
            fields[key] = T.date_tail(imprint)
    if isinstance(fields.get("publisher-place"), str):
        fields["publisher-place"] = I.place_once(str(fields["publisher-place"]))
    if "publisher-place" not in fields:
        printed_at = T.place_of_printing(value("edition") or "") or T.place_of_printing(
            value("title") or ""
        )
        if printed_at:
            fields["publisher-place"] = printed_at
    TT.imprint_after_colon(fields)
    T.settle_imprint(fields)
    vol = value("volume")
    if (
        vol
        and "container-title" in fields
        and not N.number_value(value("issue") or "", N.ISSUE_CUE)
    ):
        # "مجلة X، المجلد الثالث، الجزء الثاني": the journal's part is its issue
        vol, part = N.part_after_volume(vol)
        if part:
            fields["issue"] = part
    if vol and N.ISSUE_ONLY.match(tidy(vol)) and not value("issue"):
        # "n° 59", "No. 3", "العدد 12" in a volume span: the number of an issue
        n = N.number_value(vol, N.ISSUE_CUE)
        if n:
            fields["issue"] = n
    elif vol:
        n = N.number_value(vol, N.VOLUME_CUE)
        if n:
            fields["volume"] = n
        after = N.issue_after_volume(vol) if not value("issue") else None
        if after:
            fields["issue"] = after
    iss = value("issue")
    if iss:
        n = N.number_value(iss, N.ISSUE_CUE)
        if n:
            fields["issue"] = n
    pages = value("pages")
    if pages:
        pv = N.pages(pages)
        if pv:
            fields["page"] = pv
    ed = value("edition")
    if ed:
        ev = N.edition(ed)
        if ev:
            fields["edition"] = ev
    for _, a, b in N.imprint_date_order(text, tokens, runs):
        printed = text[tokens[a].start : tokens[b - 1].end]
        if N.DEATH_CUE.match(printed):
            continue  # a life date after a name: "(ت 620هـ)", "(d. 1350)"
        issued, hijri = N.date(printed)
        if issued is not None:
            fields["issued"] = issued
            if hijri:
                fields["hijri"] = hijri
            break
    if "issued" not in fields:
        issued, hijri = N.fallback_year(tokens, labels)
        if issued is not None:
            fields["issued"] = issued
            if hijri:
                fields["hijri"] = hijri
    # a web address or DOI is unmistakable whatever its label: the first one printed
    for tok in tokens:
        t = tok.text
        if t[:1] not in _URL_OR_DOI_FIRST:
            continue  # (most tokens: one set lookup instead of two prefix tests)
        if t.startswith(("http", "www", "HTTP", "WWW")):
            doi = P.DOI.search(t)
            if doi and "doi.org" in t.lower():
                fields.setdefault("DOI", doi.group("doi"))
            else:
                fields.setdefault("URL", t)
        elif t.startswith("10.") and "/" in t:
            fields.setdefault("DOI", t)
    acc = value("accessed")
    if acc:
        d = N.accessed(acc)
        if d is not None:
            fields["accessed"] = d
    genre = value("genre")
    if genre:
        g = tidy(genre)
        thesis = P.THESIS.search(g) if g else None
        if thesis:
            fields["genre"] = " ".join(thesis.group().split())
            st = P.STATUS.search(g)
            if st:
                fields["status"] = " ".join(st.group().split())
    for key in ("publisher", "publisher-place", "container-title"):
        imprint_value = fields.get(key)
        if isinstance(imprint_value, str) and _address_only(imprint_value):
            del fields[key]  # "، <https://...>" read into the imprint: the URL has it
    fields["type"] = _type(fields, genre)
    return fields_of(fields, sharing)


def _address_only(value: str) -> bool:
    """True when ``value`` is a web address and nothing else (``<https://x.y/z>``)."""
    bare = value.strip("<> ")
    return " " not in bare and bare.lower().startswith(("http://", "https://", "www."))


_URL_OR_DOI_FIRST = frozenset("hwHW1")  # the first letters of "http", "www", "10."

_CONFERENCE = lazy(
    r"مؤتمر|ندوة|ملتقى|conference|symposium|congress|colloque|proceedings|ورقة|presented",
    re.IGNORECASE,
)


def _type(fields: dict[str, object], genre: str | None) -> str:
    if fields.get("genre"):
        return "thesis"
    if genre and _CONFERENCE.search(genre):
        return "paper-conference"
    ct = fields.get("container-title")
    if ct:
        if fields.get("URL") and not (fields.get("volume") or fields.get("issue")):
            return "webpage"
        if fields.get("volume") or fields.get("issue") or lexicon.has_journal_word(str(ct)):
            return "article-journal"
        if _CONFERENCE.search(str(ct)):
            return "paper-conference"
        return "chapter"
    if fields.get("URL"):
        return "webpage"
    return "book"
