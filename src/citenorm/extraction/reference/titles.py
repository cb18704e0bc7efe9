"""Repairs of a title span that runs on past its end into the series the work belongs
to or its imprint, of a title or container span that stops inside the name, and of
an entry whose title the labeler read as a series;
:func:`~.values.build_fields` applies them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from citenorm.extraction.reference import repairs as R
from citenorm.extraction.reference.features import CUES, fold_word
from citenorm.extraction.reference.imprint import place_run
from citenorm.extraction.reference.spans import STRIP, spans, tidy
from citenorm.extraction.reference.tokens import Token
from citenorm.text import _rx, lexicon, vocab
from citenorm.text.normalize import split_article

__all__ = [
    "body_before_publisher",
    "bracket_tail",
    "collection_as_title",
    "imprint_after_colon",
    "join_dangling",
    "letters_in_title",
    "period_in_title",
    "place_between_dashes",
    "place_tail",
    "series_tail",
    "title_after_dash",
    "title_in_name",
    "title_read_as_name",
]

# "Salt Studies (5)", "دفاتر بحرية (12)": a short name and its number in brackets, alone
# in the last comma part (no other digit)
_NUMBERED_SERIES = _rx.compile(r"^[^\W\d_][^0-9()]{0,60}\(\s*[0-9]{1,4}\s*\)$")
# "A Harbour Book", "A Tide Paperback Book": a publisher's series of the last century
_A_SERIES_BOOK = _rx.compile(r"^An?\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+Book$")
# "Title: السلسلة الشهرية ...": an Arabic series cue after a colon
_COLON = _rx.compile(r"(?<!\s)\s*:\s*")


# the first three letters of the series cues (and after the article: "السلسلة")
_SERIES_HEADS = frozenset(word[:3] for word, cue in CUES.items() if cue == "SERIES")


def _series_head(part: str) -> bool:
    """A quick test: the first word of ``part`` may be a series cue."""
    words = part.split(maxsplit=1)
    head = words[0].strip(_STRIP_HEAD) if words else ""
    return head[:3].lower() in _SERIES_HEADS or head[2:5] in _SERIES_HEADS


_STRIP_HEAD = STRIP + "()"


def _opens_series(part: str) -> bool:
    """``سلسلة كتب البحر``, ``Series in Salt Studies``: a part that opens with a series
    cue and names it (a Latin cue capitalised: "a series of essays" is a title's own)."""
    words = part.split()
    if len(words) < 2:
        return False
    head = words[0].strip(".:()")
    if not _series_head(head):
        return False  # (most parts: no fold needed)
    bare = split_article(head)  # "السلسلة"
    if CUES.get(fold_word(head)) != "SERIES" and not (
        bare and not bare[0] and CUES.get(fold_word(bare[1])) == "SERIES"
    ):
        return False
    return not head.isascii() or head[:1].isupper()


def series_tail(title: str) -> str:
    """``Title، سلسلة كتب البحر`` / ``Title، دفاتر بحرية (5)`` / ``Title, A Harbour
    Book`` / ``Title: السلسلة الشهرية ...``: a title that runs on past a comma (an
    Arabic series cue: past a colon) into the series it belongs to ends before it."""
    pieces = R.comma_pieces(title)
    for k in range(1, len(pieces)):
        raw = title[pieces[k][0] : pieces[k][1]]
        last = k == len(pieces) - 1
        if not last and not _series_head(raw):
            continue  # (most parts: no tidy, no fold)
        part = tidy(raw)
        if _opens_series(part) or (
            last and (_NUMBERED_SERIES.match(part) or _A_SERIES_BOOK.match(part))
        ):
            return title[: pieces[k - 1][1]]
    if ":" not in title:
        return title
    for m in _COLON.finditer(title):
        part = title[m.end() :]
        if tidy(title[: m.start()]) and not part[:1].isascii() and _opens_series(part):
            return title[: m.start()]
    return title


_NAMED = frozenset({"title", "container"})
_SHORT = max(len(w) for w in vocab.DANGLING_WORDS_FOLDED) + 1  # ("إلى" folds to "الي")
_NOT_NAMES = frozenset({"author", "editor", "date", "pages", "url", "accessed"})


def join_dangling(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Revue française de`` | ``sociologie, 26`` / ``A Journey from Cornhill to`` |
    ``Cairo, London`` / ``مجموعة رسائل من`` | ``كتب البحر،``: a title or container span
    that ends with a word no name ends with (a preposition, an article, a conjunction)
    was cut inside the name: the words that open the next span, up to its first
    punctuation or number, are relabelled to go on with it (so are they after a container
    span of a periodical's word alone: ``صحيفة`` | ``المعهد البحري،``); before a publisher span, the
    title's last comma part is the publisher's head (``Title, The University of`` |
    ``Salt Press``)."""
    out: list[str] | None = None
    runs = spans(tokens, labels)
    for (label, a, b), (after, c, d) in pairwise(runs):
        if label not in _NAMED or after in _NOT_NAMES or (label, after) == ("title", "container"):
            continue  # ("Title, in | Book": the cue ends the title)
        if len(tokens[b - 1].text) > _SHORT and b - a > 1:
            continue  # (no dangling word is longer: no fold needed)
        last = fold_word(tokens[b - 1].text)
        alone = label == "container" and b - a == 1 and _periodical_word(last)
        if last not in vocab.DANGLING_WORDS_FOLDED and not alone:
            continue
        if after == "publisher" and not alone:
            # "Title, The University of | Salt Press": the title's last comma part opens
            # the publisher's name
            comma = next((i for i in range(b - 2, a, -1) if tokens[i].text in ",،"), None)
            if comma is not None:
                if out is None:
                    out = list(labels)
                out[comma + 1 : b] = [after] * (b - comma - 1)
                continue
        k = c
        while k < d and tokens[k].text[:1].isalpha():
            k += 1
        if k == c:
            continue
        if out is None:
            out = list(labels)
        out[c:k] = [label] * (k - c)
    return labels if out is None else out


def place_between_dashes(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title … العربية -الكويت- ١٩٩٠م.``: a title span that runs to the reference's end
    through a known place between dashes and the year: the place and the date."""
    n = len(labels)
    j = n - 1
    if j >= 0 and tokens[j].text == ".":
        j -= 1
    if j >= 0 and tokens[j].text.lower() in vocab.ERA_WORDS:
        j -= 1
    if j < 4 or len(tokens[j].text) != 4 or not tokens[j].text.isdigit():
        return labels
    if tokens[j - 1].text not in _DASHES:
        return labels
    k = j - 2
    while k > 0 and k > j - 6 and tokens[k].text not in _DASHES:
        k -= 1
    if k <= 0 or tokens[k].text not in _DASHES or not tokens[k - 1].text[:1].isalpha():
        return labels
    if any(label != "title" for label in labels[k - 1 :]):
        return labels
    words = [t.text for t in tokens[k + 1 : j - 1]]
    if not words or not all(w.isalpha() for w in words) or not place_run(" ".join(words)):
        return labels
    return [*labels[:k], *(["place"] * (j - k)), *(["date"] * (n - j))]


def title_read_as_name(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Prix et niveaux de`` | ``vie dans les pays…``: a Latin name span at the head that
    holds a lower-case word no name holds (not a particle: ``de``, ``al``) and runs with
    no mark into the title span (its last word is a word, the title's first one too) is
    the title's head: relabelled title. So is a name span of words opening with the
    indefinite article and closed by a colon (``A Mediterranean Society:`` | ``The
    Jewish Communities…``)."""
    n = len(labels)
    b = 0
    while b < n and labels[b] == "author":
        b += 1
    if b == 0 or b >= n or labels[b] != "title":
        return labels
    # "A Mediterranean Society: The Jewish Communities …": a name never opens with the
    # indefinite article (an initial has its full stop: "A. Roe")
    if (
        b >= 3
        and tokens[0].text in ("A", "An")
        and tokens[b - 1].text == ":"
        and all(t.text[:1].isalpha() for t in tokens[: b - 1])
    ):
        return ["title"] * b + list(labels[b:])
    if not (tokens[b - 1].text[:1].isalpha() and tokens[b].text[:1].isalpha()):
        return labels
    if tokens[b].start - tokens[b - 1].end > 1:
        return labels
    lowered = [
        t.text
        for t in tokens[:b]
        if t.text[:1].islower()
        and len(t.text) >= 3
        and t.text.isascii()
        and t.text not in vocab.NAME_PARTICLES_LATIN
    ]
    if not lowered or any(not t.text[:1].isalpha() for t in tokens[:b]):
        return labels
    return ["title"] * b + list(labels[b:])


def _periodical_word(folded: str) -> bool:
    """``مجلة``, ``صحيفة``, ``جريدة``, ``حولية``: the word a periodical's name opens with."""
    bare = split_article(folded)
    word = bare[1] if bare and not bare[0] else folded
    return word in vocab.JOURNAL_HEADS_FOLDED or CUES.get(word) == "NEWS"


# "(541-668ه/1147-1269م)", "(1830-1912)": the years of a period in brackets, era marks
# (no two \s* next to each other: linear on a run of spaces)
_PERIOD = _rx.compile(
    r"^\(\s*[0-9]{3,4}(?:\s*[هـم]+)?\s*(?:/\s*[0-9]{3,4}(?:\s*[هـم]+)?\s*)?[-–]\s*[0-9]{3,4}"
    r"[^()A-Za-z\u0621-\u063a\u0641-\u0644\u0646\u0648-\u064a]*\)$"
)


def period_in_title(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title (541-668ه/1147-1269م)، رسالة ماجستير، ... 2010م``: the years of a period
    in brackets right after the title span, read as a note or a date while a date comes
    later in the entry, end the title (the period it studies)."""
    runs = spans(tokens, labels)
    for k, (label, _a, _b) in enumerate(runs[:-1]):
        if label != "title":
            continue
        after, c, d = runs[k + 1]
        if after not in ("note", "date") or not _PERIOD.match(
            text[tokens[c].start : tokens[d - 1].end].rstrip(" ،,.;:")
        ):
            return labels
        if after == "date" and not any(run[0] == "date" for run in runs[k + 2 :]):
            return labels
        return [*labels[:c], *(["title"] * (d - c)), *labels[d:]]
    return labels


# "مجموعة بعنوان X", "a collection entitled X": the name after "entitled"
_ENTITLED = _rx.compile(r"^[^()]{0,40}?(?:بعنوان|entitled|intitulée?)\s*:?\s+", re.IGNORECASE)


def bracket_tail(title: str) -> tuple[str, str | None]:
    """``Title (ضمن مجموعة بعنوان Book)`` / ``Title (in Book)``: a title that ends with
    a bracket opening with the cue of the work it is part of gives that work as the
    container; one that ends with a bracketed genre (``(رواية)``, ``(novel)``) or source
    note (``(عن برنامج X)``) ends before it. Returns (title, container or None)."""
    end = title.rstrip(" ،,.;:")
    if not end.endswith(")"):
        return title, None
    start = end.rfind("(")
    head = end[:start].rstrip()
    if start <= 0 or not tidy(head) or ")" in end[start:-1]:
        return title, None
    inside = end[start + 1 : -1].strip()
    cue = R.IN_CUE.match(inside)
    if cue and len(inside[cue.end() :].split()) >= 2:  # ("(in Russian)": a language)
        rest = inside[cue.end() :]
        entitled = _ENTITLED.match(rest)
        return head, tidy(rest[entitled.end() :] if entitled else rest)
    words = inside.split()
    if (len(words) == 1 and fold_word(words[0]) in vocab.GENRE_WORDS_FOLDED) or (
        len(words) >= 2 and fold_word(words[0]) in vocab.SOURCE_NOTE_HEADS_FOLDED
    ):
        return head, None
    return title, None


def body_before_publisher(
    text: str, tokens: Sequence[Token], labels: Sequence[str]
) -> Sequence[str]:
    """``Title، الجامعة البحرية، | قسم الخدمة العامة``: a title span right before the
    publisher span whose last comma part opens with a body's word (جامعة, دار,
    University, Press ...) ran on into the head of a publisher named at two levels:
    that part is relabelled publisher."""
    runs = spans(tokens, labels)
    for (label, a, b), (after, _c, _d) in pairwise(runs):
        if label != "title" or after != "publisher":
            continue
        end = b - 1 if tokens[b - 1].text in ",،" else b
        comma = next((i for i in range(end - 1, a, -1) if tokens[i].text in ",،"), None)
        if comma is None or comma - a < 2:
            return labels
        part = text[tokens[comma + 1].start : tokens[end - 1].end]
        words = part.split()
        if (
            len(words) < 2
            or any(ch.isdigit() for ch in part)
            or not lexicon.has_publisher_word(words[0])
            or lexicon.has_journal_word(part)
        ):
            return labels
        return [*labels[: comma + 1], *(["publisher"] * (b - comma - 1)), *labels[b:]]
    return labels


def collection_as_title(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``الفاسي، أبو سالم بن علي، كتاب البحر، مكتبة الموج``: an entry with no title span
    whose name span (opening it, after a rank at most, with no colon: ``Name: Title``
    holds the title) is followed at once by a series span that opens with no series
    cue: a list entry names a work, and that span is its title."""
    if "title" in labels or "container" in labels:
        return labels
    runs = spans(tokens, labels)
    for k, (label, a, b) in enumerate(runs[:-1]):
        if label == "other" and k == 0 and b - a <= 2:
            continue  # ("د." before the name)
        if label != "author":
            return labels
        after, c, d = runs[k + 1]
        if (
            after != "collection"
            or any(":" in tokens[i].text for i in range(a, b))
            or _opens_series(tidy(text[tokens[c].start : tokens[d - 1].end]))
        ):
            return labels
        return [*labels[:c], *(["title"] * (d - c)), *labels[d:]]
    return labels


def _letter(tok: Token) -> bool:
    return len(tok.text) == 1 and tok.text.isalpha()


def letters_in_title(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Trade in the Eleventh Century A | .D. as Seen in | Letters``: a title span cut
    at the periods of letters printed close together (``A.D.``, ``U.S.``) goes on past
    them, and past a short run with no comma between them and the title span after."""
    out: list[str] | None = None
    runs = spans(tokens, labels)
    for k, (label, _a, b) in enumerate(runs[:-1]):
        _after, c, d = runs[k + 1]
        if label != "title" or c + 2 >= len(tokens):
            continue
        # the title's last token a letter, then ". L" (and a last "."), all close together
        joined = [tokens[i] for i in range(b - 1, min(c + 3, len(tokens)))]
        if not (
            _letter(tokens[b - 1])
            and tokens[c].text == "."
            and _letter(tokens[c + 1])
            and all(x.end == y.start for x, y in pairwise(joined))
        ):
            continue
        end = c + 3 if c + 2 < d and tokens[c + 2].text == "." else c + 2
        if out is None:
            out = list(labels)
        out[c:end] = ["title"] * (end - c)
        if (
            end < d
            and k + 2 < len(runs)
            and runs[k + 2][0] == "title"
            and d - end <= 6
            and not any(tokens[i].text in ",،;" for i in range(end, d))
        ):
            out[end:d] = ["title"] * (d - end)
    return labels if out is None else out


def place_tail(
    title: str, runs: list[tuple[str, int, int]], first: dict[str, tuple[int, int]]
) -> tuple[str, str | None]:
    """``كتاب الموج، حيدر آباد، | ط2، 1359ه``: a title span of two comma parts or more
    right before the edition or the date, in an entry with no place span, whose last
    part is a known place ran on into the imprint. Returns (title, place or None)."""
    if "place" in first:
        return title, None
    cut = R.title_last_part(title, runs, first, ("edition", "date"))
    if cut is None or not tidy(cut[0]) or not lexicon.is_place(tidy(cut[1])):
        return title, None
    return cut[0], tidy(cut[1])


# "Title. Place: Publisher": a sentence's end (after a word or a roman number: "Henri
# V."), a short place name, a colon, the publisher
_TITLE_IMPRINT = _rx.compile(
    r"^(?P<title>.*?(?:[^\W\d_]{2}|(?<![^\W\d_])[IVX]{1,4})[.?!])\s+(?P<place>[^\W\d_][^.:;,،()\[\]0-9]{1,40}?)\s*:\s+(?P<pub>[^:]*[^\W\d_][^:]*)$"
)


def _place_like(text: str) -> bool:
    """A short name printed as a place: known, or up to three capitalised words."""
    words = text.split()
    if not 1 <= len(words) <= 3:
        return False
    return lexicon.is_place(text) or all(w[:1].isupper() for w in words)


def _state_name(text: str) -> bool:
    """``الجمهورية العراقية``, ``al-Mamlakah al-Maghribiyah``, ``Islamic Republic of
    Iran``: a short name (six words at most, no digit, no publisher's word) that holds a
    word naming a form of state (``state`` only as ``State of X``)."""
    words = text.split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in text):
        return False
    for k, word in enumerate(words):
        bare = split_article(word)
        folded = fold_word(bare[1] if bare and not bare[0] else word)
        if folded.startswith(("al-", "el-")):
            folded = folded[3:]
        if folded in vocab.STATE_FORM_WORDS_FOLDED and (
            folded != "state" or (k + 1 < len(words) and words[k + 1].lower() == "of")
        ):
            return not lexicon.has_publisher_word(text)
    return False


def imprint_after_colon(fields: dict[str, object]) -> None:
    """``Paris: Éditions de la Mer`` in a place span, ``Salt Roads. Paris: Éditions de
    la Mer`` in a title span (an entry with no publisher): the imprint ``Place:
    Publisher`` (Chicago, MLA) gives the place and the publisher; so does a publisher's
    value that opens with a country's formal name and a colon (``الجمهورية العراقية:
    وزارة الثقافة``, ``Republic of Kenya: Ministry of Health``) when no place is read."""
    publisher = fields.get("publisher")
    if isinstance(publisher, str):
        if "publisher-place" not in fields and ":" in publisher:
            head, _, rest = publisher.partition(":")
            if _state_name(head) and tidy(rest) and any(ch.isalpha() for ch in rest):
                fields["publisher-place"], fields["publisher"] = tidy(head), tidy(rest)
        return
    place = fields.get("publisher-place")
    if isinstance(place, str):
        head, colon, rest = place.partition(":")
        if colon and _place_like(head.strip()) and any(ch.isalpha() for ch in rest):
            fields["publisher-place"], fields["publisher"] = tidy(head), tidy(rest)
        return
    title = fields.get("title")
    if isinstance(title, str):
        m = _TITLE_IMPRINT.match(title) if ":" in title else None  # (its colon)
        if m and _place_like(m.group("place")) and tidy(m.group("title")):
            fields["title"] = tidy(m.group("title"))
            fields["publisher-place"] = tidy(m.group("place"))
            fields["publisher"] = tidy(m.group("pub"))


def title_in_name(author: str) -> tuple[str | None, str]:
    """``الساحلي، البحار المنسية،`` + imprint: the name span of an entry with no title,
    two comma parts whose second opens with a word with the article that is no given
    name (with or without it), nisba or honorific: a family name alone, then the title. Returns (title or
    None, author)."""
    parts = R.COMMA.split(author.strip().rstrip(STRIP))
    if len(parts) != 2 or not parts[1].strip() or len(parts[0].split()) > 3:
        return None, author
    words = parts[1].split()
    head = words[0]
    bare = split_article(head)  # ("", "استبصار")
    if (
        len(words) > 5
        or not bare
        or bare[0]
        or lexicon.is_given_name(head)
        or lexicon.is_given_name(bare[1])  # "الحسن", "العباس"
        or (len(bare[1]) >= 3 and bare[1][-1] in "يى")  # a nisba: "الطوسي"
        or head in vocab.NAME_TITLES_AR
        or any(ch.isdigit() for ch in author)
    ):
        return None, author
    return parts[1], parts[0]


_DASHES = frozenset("-–—")
_COLONS = frozenset(":：")


def title_after_dash(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``حسن أبو خضرة - النشر الإلكتروني - رسالة المكتبة ٢٣`` / ``Haddad, Samir - Harbour
    Towns - Salt Press`` / ``حسين أبو خضرة: النشر الإلكتروني.``: a reference the labeler
    gave no title whose opening author span runs on past a spaced dash or a colon (the
    separators of these styles: no name holds one) holds the title there: the words
    after the first spaced dash, up to the next one or the span's end, or all the words
    after the colon, are the title. A dash inside a name (``Mazzoli-Guintard``, no
    spaces) is not a separator; after a colon, words with a comma among them are left
    to the value builder's own repair, which reads the title and the publisher there."""
    if "title" in labels:
        return labels
    # the opening author span (after an honorific the labeler left out: "د.")
    first = 0
    while first < len(labels) and labels[first] == "other":
        first += 1
    if first == len(labels) or labels[first] != "author":
        return labels
    end = first
    while end < len(labels) and labels[end] == "author":
        end += 1

    def spaced_dash(j: int) -> bool:
        tok = tokens[j]
        return (
            tok.text in _DASHES
            and text[tok.start - 1 : tok.start] == " "
            and text[tok.end : tok.end + 1] == " "
        )

    for k in range(first + 1, end - 1):
        if tokens[k].text in _COLONS:
            # "حسين أبو خضرة: النشر الإلكتروني.": a colon, then words alone to the span's
            # end (with a comma after them, the value builder's own repair reads the
            # title and the publisher there)
            stop = end
            if any(t.text in ",،" for t in tokens[k + 1 : end - 1]):
                return labels
        elif spaced_dash(k):
            stop = next((j for j in range(k + 1, end) if spaced_dash(j)), end)
        else:
            continue
        if not any(t.text[:1].isalpha() for t in tokens[k + 1 : stop]):
            return labels
        out = list(labels)
        out[k + 1 : stop] = ["title"] * (stop - k - 1)
        return out
    return labels
