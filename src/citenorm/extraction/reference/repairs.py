"""Repairs of span boundaries the labeler gets systematically wrong: a publisher run into
the title, a journal's name into its article's title, an author before a colon or a
quote, a title found in a neighbouring span... Each takes the printed text of the spans
and gives them back with the boundary moved; :func:`~.values.build_fields` applies them.
"""

from __future__ import annotations

import re

from citenorm.extraction.reference.features import CUES, fold_word
from citenorm.extraction.reference.imprint import place_run
from citenorm.extraction.reference.spans import STRIP as _STRIP
from citenorm.extraction.reference.spans import tidy
from citenorm.text import _rx, lexicon, vocab
from citenorm.text.patterns import lazy
from citenorm.text.vocab import ROLE_CUES_OPENING_TITLES_AR

__all__ = [
    "ARABIC_LETTER",
    "COMMA",
    "IN_CUE",
    "author_before_colon",
    "author_before_quote",
    "container",
    "corporate_head",
    "given_head",
    "has_cue",
    "imprint_tail",
    "journal_before_volume",
    "journal_tail",
    "opens_statement",
    "publisher_cut",
    "publisher_tail",
    "quoted_head",
    "statement_tail",
    "title_after_colon",
    "title_from_neighbours",
    "to_closing_mark",
]


# A comma with the spaces around it, the spaces before it only from the start of their run
# (linear on long runs of spaces): the same matches as ``(?<!\s)\s*[,،]\s*``
# (tests/test_properties.py checks it), written to open with a character class so the
# engine skips ahead to the next space or comma instead of trying a lookbehind at every
# position (~2x faster). The lookbehind after the first character, ``(?<!\s[\s,،])``, is
# the original's ``(?<!\s)`` before it; then either that character was the comma or the
# spaces run on to one.
COMMA = _rx.compile(r"[\s,،](?<!\s[\s,،])(?:(?<=[,،])|\s*[,،])\s*")


def comma_pieces(value: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the non-empty comma-separated parts of ``value``, so
    that a repair cuts the printed text instead of joining parts with a separator of its
    own (``a,b`` stays ``a,b``)."""
    if "," not in value and "،" not in value:
        return [(0, len(value))] if value.strip(_STRIP) else []  # (no comma: one part)
    starts = [0]
    ends = []
    for m in COMMA.finditer(value):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(value))
    return [(b, e) for b, e in zip(starts, ends, strict=True) if value[b:e].strip(_STRIP)]


def publisher_tail(title: str) -> tuple[str, str | None]:
    """``تكوين العقل العربي، المركز الثقافي العربي``: a title span whose later comma
    segment opens with a publisher's word (دار، مكتبة، مركز، Press...) ran on into the
    imprint (or past a spaced dash: ``Title - دار البحر - 1998``). Returns (title,
    publisher or None)."""
    cuts = list(_PART_BREAK.finditer(title))
    for m in cuts:
        rest = title[m.end() :]
        words = rest.split()
        if len(words) < 2 or len(title[: m.start()].split()) < 2:
            continue
        head = " ".join(words[:2])
        if lexicon.has_publisher_word(words[0]) or (
            lexicon.has_publisher_word(head) and not lexicon.has_publisher_word(words[1])
        ):
            if lexicon.has_journal_word(head):
                continue
            return title[: m.start()], rest
    ends = list(COMMA.finditer(title.rstrip(" ,،;")))
    if ends:
        # "General Logic, Roe's Sons" / "Salt Roads, Hill & Co.": a last part of a few
        # words that ends with a firm's last word
        m = ends[-1]
        words = title[m.end() :].split()
        if (
            1 <= len(words) <= 5
            and len(title[: m.start()].split()) >= 2
            and words[-1].strip(".,").lower() in vocab.FIRM_TAIL_WORDS
            and words[0][:1].isupper()
        ):
            return title[: m.start()], title[m.end() :]
    return title, None


_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"', "„": "“"}


def quoted_head(title: str) -> tuple[str, str | None]:
    """``«اعيان الشيعه»، دارالتعارف``: a title span that opens with a quotation mark
    ends at its closing mark; what the span holds after it is returned apart
    (title, rest or None)."""
    head = title.lstrip()
    opener = head[:1]
    close = _QUOTE_PAIRS.get(opener)
    if close is None:
        return title, None
    k = _closing(head, 0, opener, close)
    while k >= 0:
        rest = head[k + 1 :]
        # «عظة الملوك» أو «الطبيعة والزمن»: an alternative title in quotes goes on
        alt = _ALTERNATIVE.match(rest)
        if alt is None or not rest[alt.end() :].startswith(opener):
            break
        k = _closing(head, k + 1 + alt.end(), opener, close)
    if k < 0:
        return title, None
    rest = head[k + 1 :]
    if not rest.strip(_STRIP) or rest[:1].isalnum():
        return title, None
    return head[: k + 1], rest


# (?<!\s): a run of spaces is tried from its first space only (linear on hostile text)
_ALTERNATIVE = _rx.compile(r"(?<!\s)\s*(?:[،,]\s*)?(?:أو|or|ou)\s*(?:[،,]\s*)?")


def _closing(text: str, start: int, opener: str, close: str) -> int:
    """Index of the mark that closes the quotation opened at ``start`` (nested pairs
    of distinct marks counted), or -1."""
    if opener == close:
        return text.find(close, start + 1)
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch == opener:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return i
    return -1


# cue classes that open a statement after the title, never a title's own comma part
_TAIL_CUES = frozenset({"TRANS", "EDITOR", "VOL", "ED"})
_SLASH = _rx.compile(r"(?<![0-9])\s*/\s*(?![0-9])")


def opens_statement(text: str) -> bool:
    """True when ``text`` opens with a translator's, editor's, volume or edition cue."""
    words = text.split()
    return bool(words) and CUES.get(fold_word(words[0].strip(".:()"))) in _TAIL_CUES


def statement_tail(title: str) -> str:
    """``لماذا؟ اسأل البحر، ترجمة: فلان`` / ``The Salt Roads, translated by X`` /
    ``معجم البحارة، المجلد التاسع عشر``: a title span that runs on into a comma part
    opening with a translator's, editor's, volume or edition cue ends before it; so
    does one that runs on past a colon into an edition's cue (``Title: طبعة X``)."""
    before = ""
    for m in COMMA.finditer(title):
        head, before = before, title[: m.start()]
        words = title[m.end() :].split()
        if not words:
            break
        if fold_word(before[len(head) :].strip(" ،,")) in ("او", "or", "aw", "ou"):
            continue  # "Title، أو، ترجمة الشاعر": an alternative title
        first = fold_word(words[0].strip(".:()"))
        cue = CUES.get(first)
        if cue is None and len(first) > 3 and first[0] in "وب":
            cue = CUES.get(first[1:])
        if (
            cue in ("EDITOR", "TRANS")
            and first in ROLE_CUES_OPENING_TITLES_AR
            and ":" not in words[0]
        ):
            continue  # "شرح القصيدة", "جمع الجوامع": a title's own word
        if cue in _TAIL_CUES and (len(words) > 1 or cue in ("VOL", "ED")):
            return title[: m.start()]
    colon = _EDITION_AFTER_COLON.search(title)
    if colon and tidy(title[: colon.start()]):
        return title[: colon.start()]  # "الملل والنحل: طبعة البابي الحلبي"
    if "/" in title:
        return _slash_statement(title)
    return title


def _slash_statement(title: str) -> str:
    """``Titre/recueillis par X``, ``Title / edited by X``, ``العنوان / تأليف فلان``: a
    title span that runs on past a slash into a statement of responsibility (ISBD's
    form, as catalogues print it: a role cue or the word "by" among its first three
    words) ends before the slash. A slash between digits (``1/2``) is no such mark."""
    for m in _SLASH.finditer(title):
        head = tidy(title[: m.start()])
        words = [fold_word(w.strip(".,:;()")) for w in title[m.end() :].split()[:3]]
        if head and any(
            w in vocab.STATEMENT_BY_WORDS_FOLDED or CUES.get(w) in ("EDITOR", "TRANS")
            for w in words
        ):
            return title[: m.start()].rstrip()
    return title


# "Title: طبعة البابي الحلبي": an Arabic edition's cue after a colon (no subtitle opens so)
_EDITION_AFTER_COLON = _rx.compile(r"\s*:\s*(?=(?:ال)?طبع[ةه]\s+\S)")


def corporate_head(title: str) -> tuple[str, str | None]:
    """``وحدة دراسات الصين، التقارب ...`` / ``China Studies Unit, Sino-Russian ...``: a
    title span that opens with a short corporate body before a comma holds the author.
    Returns (title, author or None)."""
    m = re.match(r"^\s*([^,،:()]{3,60}?)\s*[,،]\s*(\S.*)$", title, re.DOTALL)
    if not m:
        return title, None
    head, rest = m.group(1), m.group(2)
    if (
        len(head.split()) <= 5
        and len(tidy(rest).split()) >= 3
        and lexicon.has_corporate_word(head)
        and not lexicon.has_journal_word(head)
        and not lexicon.is_place(head)
    ):
        return rest, head
    return title, None


# (both alternatives start at a run's first space: tried from every space, a dash's
# \s+ was quadratic on a run of spaces)
_PART_BREAK = _rx.compile(r"(?<!\s)\s*[,،]\s*|(?<!\s)\s+[-–]\s+")


def journal_tail(title: str) -> tuple[str, str | None]:
    """``Title، مجلة الفكر`` / ``Title, Journal of X`` / ``Title - عالم الفكر``: a
    title span whose later part opens with a periodical's word (مجلة، حولية، Journal,
    Revue ...) ran on into the journal's name. Returns (title, journal or None)."""
    for m in _PART_BREAK.finditer(title):
        before, rest = title[: m.start()], title[m.end() :]
        words = rest.split()
        if len(words) < 2 or len(before.split()) < 2:
            continue
        lead = words[0] if words[0].lower() not in ("the", "la", "le", "al-") else words[1]
        if lexicon.has_journal_word(lead.strip('.:()«»“”"')):
            return before, rest
    return title, None


def given_head(author: str, title: str) -> tuple[str, str, str] | None:
    """``Roe, | Jane Anne, the salt roads ...``: an author span of a family name
    alone and a title span whose first comma part (of two or more) is a short run of
    given names (capitalised words, or Arabic given names of the lexicon) that the
    labeler cut off the name. Returns (author, title, the names moved) or None."""
    a = author.strip()
    if not a.endswith((",", "،")) or len(COMMA.split(a.strip(_STRIP))) != 1:
        return None
    if len(a.strip(_STRIP).split()) > (3 if ARABIC_LETTER.search(a) else 1):
        return None
    m = COMMA.search(title)
    if m is None or not title[m.end() :].strip(_STRIP):
        return None
    head = title[: m.start()].strip()
    words = head.split()
    if not 2 <= len(words) <= 10 or any(ch.isdigit() for ch in head):
        return None
    names = [w for w in words if not has_cue(w, ("AND",))]
    if not names or len(names) > 8:
        return None
    rest = title[m.end() :].strip()
    if all(w[:1].isupper() for w in names):
        if not rest[:1].islower():
            return None  # a capitalised title part may be a title's own: only before lower case
    elif not (
        ARABIC_LETTER.match(names[0])
        and (
            lexicon.is_given_name(names[0])
            or names[0] in vocab.NAME_HEADS_AR  # "ابن ابي الجمهور"
            or (names[0] in vocab.NAME_TITLES_AR and len(names) > 1)  # "السيد علي بن موسى"
            or _nasab(names)  # "بشارة بن سلوان": a given name the lexicon does not know
        )
    ):
        return None
    return a + " " + head, title[m.end() :], head


def _nasab(words: list[str]) -> bool:
    """``X بن Y``: "son of" (``بن``, ``بنت``) between two words of a run: a person's
    name (its lineage), whatever its given name."""
    return any(w in vocab.NAME_LINEAGE_WORDS_AR for w in words[1:-1]) and not any(
        w in vocab.TITLE_WORDS_AR for w in words
    )


def nasab_head(title: str) -> tuple[str, str | None]:
    """``سالم بن أبي الموج، كتاب الرمل، …``: an entry's first span, read as the title,
    whose first comma part (of two or more) is a short name with a lineage (``بن``
    between its words; no title word, no digit) holds the author. Returns (title,
    author or None)."""
    m = COMMA.search(title)
    if m is None:
        return title, None
    head = title[: m.start()].strip()
    words = head.split()
    rest = title[m.end() :]
    if (
        not 3 <= len(words) <= 7
        or not ARABIC_LETTER.match(words[0])
        or any(ch.isdigit() for ch in head)
        or not _nasab(words)
        or not any(ch.isalpha() for ch in rest)
    ):
        return title, None
    return rest, head


#: a letter of the Arabic alphabet proper (not the Persian or presentation forms)
ARABIC_LETTER = _rx.compile("[\u0621-\u064a]")


_SPACED_DASH = lazy(r"(?<!\s)\s+[-–]\s+")  # (?<!\s): linear on runs of spaces


def title_last_part(
    title: str,
    runs: list[tuple[str, int, int]],
    first: dict[str, tuple[int, int]],
    followers: tuple[str, ...],
) -> tuple[str, str] | None:
    """The title span cut before its last comma part (or its last part set apart by
    spaced dashes: ``Title - Journal - Vol. 18``), when the span right after the title
    is one of ``followers``; None when it is not or the title has no such part."""
    if "title" not in first:
        return None
    k = next(i for i, run in enumerate(runs) if run[0] == "title")
    if k + 1 >= len(runs) or runs[k + 1][0] not in followers:
        return None
    cuts = list(COMMA.finditer(title.rstrip(_STRIP)))
    if not cuts and title.rstrip()[-1:] in ("-", "–"):
        cuts = list(_SPACED_DASH.finditer(title.rstrip(" -–")))
    if not cuts:
        # "What is Salt? Salt Encyclopedia": a question ends the title
        asked = max(title.rstrip(_STRIP).rfind("? "), title.rstrip(_STRIP).rfind("؟ "))
        return (title[: asked + 1], title[asked + 2 :]) if asked > 0 else None
    return title[: cuts[-1].start()], title[cuts[-1].end() :]


def imprint_tail(
    title: str, runs: list[tuple[str, int, int]], first: dict[str, tuple[int, int]]
) -> tuple[str, str | None]:
    """``Title, Stone and Hill, | New York, 1980`` / ``Title، عالم الكتب، | ط1``: an entry
    with no publisher span whose title span of two comma parts or more runs right into
    the place or the edition: its last part is the publisher, unless it is a town
    (before a bare year it may be the title's own part). Returns (title, publisher or
    None)."""
    cut = title_last_part(title, runs, first, ("place", "edition"))
    if cut is None:
        return title, None
    head, tail = cut
    if len(tidy(head).split()) < 1 or not (1 <= len(tidy(tail).split()) <= 6):
        return title, None
    if opens_statement(tidy(tail)) or any(ch.isdigit() for ch in tail):
        return title, None
    if lexicon.is_place(tidy(tail)):
        return title, None  # "Title، حيدر أباد، | ط2": the town before the edition
    return head, tail


def has_cue(text: str, classes: tuple[str, ...]) -> bool:
    return any(CUES.get(fold_word(w.strip(".,:;()"))) in classes for w in text.split())


# a sentence end inside a span: a period after a word of two letters or more (not after
# an initial "J." or an abbreviation "ed.")
_SENTENCE = lazy(r"(?<=[^\W\d_]{3})\.\s+(?=\S)")


def title_from_neighbours(
    author: str | None,
    publisher: str | None,
    container: str | None,
    runs: list[tuple[str, int, int]],
    first: dict[str, tuple[int, int]],
) -> tuple[str | None, str | None, str | None, str | None]:
    """An entry the labeler gave no title: the title is in a neighbouring span.
    ``Family, Given, Title, Journal, Vol. 3``: an author span of three comma parts or
    more (no "and" after the name) holds the title (and, before a volume, the
    journal); ``Title, Publisher``: a publisher span of two parts or more opens with
    it; ``مجلة X، Title``: a two-part container holds it beside the journal's name.
    Returns (title, author, container, publisher) taken from those spans."""
    if author:
        # "Family, Given. Title. Place: Publisher": whole sentences in a name span
        sentences = [p for p in _SENTENCE.split(tidy(author)) if p.strip(_STRIP)]
        if (
            len(sentences) >= 3
            and re.search(r"^[^,،]+[,،][^,،]+$", sentences[0])
            and len(sentences[0].split()) <= 5
        ):
            rest = ". ".join(sentences[2:])
            return sentences[1], sentences[0], None, rest.split(":", 1)[1] if ":" in rest else None
        printed = tidy(author)
        pieces = comma_pieces(printed)
        parts = [printed[b:e] for b, e in pieces]
        if (
            len(parts) >= 3
            and len(parts[0].split()) <= 4
            and not any(ch.isdigit() for ch in author)
            and not has_cue(parts[1], ("AND", "ETAL"))
            and not any(has_cue(p.split()[0], ("AND", "ETAL")) for p in parts[2:])
            and not has_cue(author, ("ETAL",))
        ):
            end = len(printed)
            journal = None
            if (
                len(parts) >= 4
                and ("volume" in first or "issue" in first)
                and "container" not in first
            ):
                journal = parts[-1]
                end = pieces[-2][1]
            return printed[pieces[2][0] : end], printed[: pieces[1][1]], journal, None
    if publisher:
        printed = tidy(publisher)
        pieces = comma_pieces(printed)
        if len(pieces) >= 2:
            return printed[slice(*pieces[0])], author, None, printed[pieces[1][0] :]
    if container:
        parts = [p for p in COMMA.split(tidy(container)) if p.strip(_STRIP)]
        if len(parts) == 2:
            a, b = parts
            if lexicon.has_journal_word(a.split()[0]) and not lexicon.has_journal_word(b):
                return b, author, a, None
    return None, author, None, None


def title_after_colon(author: str, has_publisher: bool) -> tuple[str | None, str, str | None]:
    """``Roe: Salt, Harbour Books`` / ``حسن، علي: ملح الأرض``: an entry
    without a title span whose name span runs past ``Name:`` holds the title after the
    colon (and, with no publisher span, the publisher after the title's comma). Returns
    (title or None, author, publisher or None)."""
    m = re.search(r":\s+(?=\S)", author)
    if m is None:
        return None, author, None
    head, rest = author[: m.start()], tidy(author[m.end() :])
    if not head.strip(_STRIP) or not rest or any(ch.isdigit() for ch in rest):
        return None, author, None
    if len(head.split()) > 8 or _SENTENCE.search(head):
        return None, author, None  # "Family, Given. Title. Place: Publisher": sentences
    parts = [p for p in COMMA.split(rest) if p.strip(_STRIP)]
    publisher = None
    if len(parts) >= 2 and not has_publisher:
        sep = ", " if "," in rest else "، "
        publisher = sep.join(parts[1:])
        rest = parts[0]
    return rest, head, publisher


def journal_before_volume(
    title: str, runs: list[tuple[str, int, int]], first: dict[str, tuple[int, int]]
) -> tuple[str, str | None]:
    """``Salt and Sea, Nautica, Vol. 19``: a title span of two comma parts or more
    right before the volume or issue holds the journal's name in its last part."""
    cut = title_last_part(title, runs, first, ("volume", "issue"))
    if cut is None:
        return title, None
    head, tail = cut
    if not head.strip(_STRIP) or not (1 <= len(tidy(tail).split()) <= 8):
        return title, None
    return head, tail


_AUTHOR_BEFORE_COLON = _rx.compile(r"^\s*([^:()\[\]“”«»\"0-9]{2,60}?)\s*:\s+(?=\S)")


def author_before_colon(title: str) -> tuple[str, str | None]:
    """``حسن، علي: Title`` / ``Roe, Jane Anne: Title``: an entry's first
    span, read as the title, that opens with an inverted name (one comma, a few words)
    or an Arabic given name and a colon holds the author (a title-first entry's own
    "Title: Subtitle" has neither). Returns (title, author or None)."""
    m = _AUTHOR_BEFORE_COLON.match(title)
    if not m:
        return title, None
    head = m.group(1).strip()
    words = head.split()
    if not 1 <= len(words) <= 6 or lexicon.has_journal_word(head) or opens_statement(head):
        return title, None
    inverted = len(COMMA.split(head)) == 2 and all(p.strip() for p in COMMA.split(head))
    given = bool(ARABIC_LETTER.match(words[0])) and lexicon.is_given_name(words[0])
    # "الأصفهاني: Title", "الثعلبي النيسابوري: Title": a name by its nisbas alone
    nisbas = len(words) <= 2 and all(_NISBA.match(w) for w in words)
    if not (inverted or (given and len(words) >= 2) or nisbas):
        return title, None
    return title[m.end() :], head


# an Arabic nisba with its article: "الأصفهاني", "النيسابوري", "القرطبى"
_NISBA = _rx.compile("^ال[\u0621-\u064a]{2,}[يى]$")


_ONE_WORD_BEFORE_COMMA = _rx.compile(r"^\s*([\u0621-\u064a\u0670-\u06d3]{3,})\s*،\s*(?=\S)")


def author_before_comma(title: str) -> tuple[str, str | None]:
    """``سقراط، الجمهورية``: an entry's first span, read as the title, that opens with
    one Arabic word and an Arabic comma holds a one-word author (a classical or
    foreign name printed alone); a heading word, a place, a journal or publisher word
    or a statement cue is not one. Returns (title, author or None)."""
    m = _ONE_WORD_BEFORE_COMMA.match(title)
    if not m:
        return title, None
    head = m.group(1)
    rest = title[m.end() :]
    if (
        head in vocab.TITLE_WORDS_AR
        or lexicon.is_place(head)
        or lexicon.has_journal_word(head)
        or lexicon.has_publisher_word(head)
        or opens_statement(head)
        or not any(ch.isalpha() for ch in rest)
    ):
        return title, None
    return rest, head


_AUTHOR_BEFORE_QUOTE = _rx.compile(r"^\s*([^,،:;()\[\]“”«»\"0-9]{3,80}?)\s*[,،]\s*(?=[“«\"])")


def author_before_quote(title: str) -> tuple[str, str | None]:
    """``Aḥmad al-Fāsī, “Risāla fī al-milḥ,” Journal`` / ``فرقة المسرح، «ليالي
    الصيف»``: a title span that opens with a few words and a comma before a quoted
    title holds its author (a note's "Given Family, “Title,”"). Returns (title, author
    or None)."""
    m = _AUTHOR_BEFORE_QUOTE.match(title)
    if not m or len(m.group(1).split()) > 7:
        return title, None
    head = m.group(1)
    if lexicon.has_journal_word(head) or opens_statement(head):
        return title, None
    return title[m.end() :], head


# "In:", "في:", "ضمن كتاب", "بحث نشر بمجلة ..." (the ب is attached: "بمجلة" -> "مجلة")
IN_CUE = _rx.compile(
    r"^(?:(?:in|dans|im|en|published\s+in|"
    r"(?:(?:بحث|مقال|مقالة|دراسة)\s+)?(?:(?:منشور[ةه]?|نشر[ته]?)\s+)?(?:في|ضمن|من)(?:\s+كتاب)?|"
    r"مستل\s+من(?:\s+كتاب)?|فصلة\s+من|extrait\s+d(?:u|e|es|e\s+la)|offprint\s+from)"
    r"(?:\s*:\s*|\s+)"
    r"|(?:(?:بحث|مقال|مقالة|دراسة)\s+)?(?:منشور[ةه]?|نشر[ته]?)\s+ب(?=\S)"
    r"|(?:بحث|مقال|مقالة|دراسة)\s+ب(?=(?:ال)?(?:مجلة|صحيفة|جريدة|حولية|دورية)))",
    re.IGNORECASE,
)


def container(text: str) -> str | None:
    value = tidy(text)
    for _ in range(2):
        value = tidy(IN_CUE.sub("", value, count=1))
    if not _quoted_whole(text):
        # (a name in quotation marks is whole: «Salt Roads, Volume 4: Tides»)
        value = tidy(_container_tail(value))
    words = value.split()
    if words and words[0][:1] in "بل" and fold_word(words[0][1:]) in vocab.JOURNAL_HEADS_FOLDED:
        words[0] = words[0][1:]  # "مقال بمجلة البحر": the preposition glued to the head
    while len(words) > 1 and ARABIC_LETTER.match(words[-1]) and has_cue(words[-1], ("VOL", "ISS")):
        words.pop()  # "مجلة البحر الأعداد": the issues' cue before their numbers
    return tidy(" ".join(words)) or None


def _quoted_whole(text: str) -> bool:
    """``ضمن كتاب «Salt Roads، المجلد 4»``: the name after the cue is in quotation
    marks, closed at its end."""
    head = IN_CUE.sub("", text.strip(" ،,.;:"), count=1).strip(" ،,.;:")
    close = _QUOTE_PAIRS.get(head[:1])
    return (
        close is not None and len(head) > 2 and _closing(head, 0, head[0], close) == len(head) - 1
    )


_PUBLISHER_TAIL_CUES = frozenset({"TRANS", "EDITOR", "ED", "VOL", "ISS"})
_ON_BEHALF = _rx.compile(r"(?<!\s)\s+(?:on\s+behalf\s+of|an\s+imprint\s+of)\s", re.IGNORECASE)


def publisher_cut(value: str) -> str:
    """``The Harbour Press on behalf of The Society of Salt Studies``,
    ``دار الهادي، ترجمة فلان``, ``The Free Press, 4th printing``, ``Roe, Impression,``:
    the publisher's name ends before the body it acts for, before a translator's, edition
    or volume statement after a comma, and before its role (``William Roe,
    Publisher``)."""
    m = _ON_BEHALF.search(value)
    if m:
        value = value[: m.start()]
    for c in COMMA.finditer(value):
        words = value[c.end() :].split()
        if not words:
            break
        first = words[0].strip(".,،:;()")
        cue = CUES.get(fold_word(first))
        ordinal = re.match(r"^[0-9]+(?:st|nd|rd|th|e|eme|ème)?$", words[0], re.IGNORECASE)
        if (
            cue in _PUBLISHER_TAIL_CUES
            or (
                ordinal and len(words) > 1 and CUES.get(fold_word(words[1].strip(".,:;()"))) == "ED"
            )
            # "William Roe, Publisher": the role alone in the last comma part
            or (len(words) == 1 and first.lower() in vocab.PUBLISHER_ROLE_WORDS)
        ):
            return value[: c.start()]
    return value


_CONTAINER_TAIL_CUES = frozenset({"VOL", "ISS", "ED", "PP", "MONTH", "PUBVERB"})


# a relative clause or a participle naming who issues the work: the name ends before it
_PUBLISHED_BY = _rx.compile(
    r"(?<!\s)\s+(?:(?:الذي|التي)\s+(?:[يت]?صدر|[يت]?نشر)\S*|(?:published|issued)\s+by|publi[ée]e?\s+par)\s",
    re.IGNORECASE,
)


def _container_tail(value: str) -> str:
    """``مجلة الكلمة، مجلة فكرية ثقافية تصدر عن ...`` / ``مجلة البحر، السنة الثامنة``: a
    journal's name that runs on into a description, a year of publication or a number
    ends at that comma."""
    clause = _PUBLISHED_BY.search(value)
    if clause and tidy(value[: clause.start()]):
        value = value[: clause.start()]  # "... الذي يصدره X", "..., published by X"
    for m in COMMA.finditer(value):
        words = value[m.end() :].split()
        if not words:
            break
        first = fold_word(words[0].strip(".:()"))
        part = COMMA.split(value[m.end() :], maxsplit=1)[0].split()
        if (
            CUES.get(first) in _CONTAINER_TAIL_CUES
            or first.split("-")[0] in vocab.HIJRI_MONTHS_LATIN_FOLDED  # "Ramaḍān-Shawwāl"
            or (0 < len(part) <= 3 and CUES.get(fold_word(part[-1].strip(".:()"))) == "VOL")
            or first in vocab.CONTAINER_TAIL_WORDS_FOLDED
            or lexicon.is_place(value[m.end() :])
            or place_run(COMMA.split(value[m.end() :], maxsplit=1)[0])  # "مجلة X، مدريد، …"
            or _NEW_SERIES.match(value[m.end() :])
            or _ROMAN_VOLUME.match(value[m.end() :])
            or _corporate_part(COMMA.split(value[m.end() :], maxsplit=1)[0])
        ):
            return value[: m.start()]
    # "مجلة البحر مجلة فصلية محكمة": a description opening with the journal's word again
    words = value.split()
    if len(words) >= 4 and fold_word(words[0]) in vocab.JOURNAL_HEADS_FOLDED:
        for k in range(2, len(words) - 1):
            if fold_word(words[k]) == fold_word(words[0]):
                return " ".join(words[:k])
    return value


def _corporate_part(part: str) -> bool:
    """A comma part that names a body (two words or more: "Culture, Society, and X" is
    one title): the publisher or the society after a journal's name."""
    return len(part.split()) >= 2 and lexicon.has_corporate_word(part)


def to_closing_mark(text: str, container: str, start: int) -> str:
    """``ضمن كتاب «أوراق لقاء التجارة والمجتمع»``: a container span that opens a
    quotation (after its cue) and stops before the closing mark runs on to that mark
    when the mark follows within the reference."""
    head = IN_CUE.sub("", container.lstrip(), count=1).lstrip()
    opener = head[:1]
    close = _QUOTE_PAIRS.get(opener)
    if close is None or close == opener or close in head:
        return container
    end = text.find(close, start + len(container))
    if end < 0 or end - start > 300:
        return container
    return text[start : end + 1]


# "Salt Review, XLV (July, 1967)" / "Salt Review, XII": a volume in Roman numerals,
# alone in its comma part or before the date in brackets
_ROMAN_VOLUME = lazy(r"(?=[IVXLC]{2})C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?:\s*\(|$)")
_NEW_SERIES = lazy(r"(?:new\s+series|nouvelle\s+s[ée]rie|n\.\s?s\.)", re.IGNORECASE)


def _place(text: str) -> str | None:
    value = tidy(text)
    return value or None
