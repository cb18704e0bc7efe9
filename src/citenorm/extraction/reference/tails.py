"""Repairs of values that ran on past their end: a date after a publisher or a place,
... Each takes a value (or the fields) and gives back what belongs to the field;
:func:`~.values.build_fields` applies them after the spans became values.
"""

from __future__ import annotations

import re

from citenorm.extraction.names import looks_like_name
from citenorm.extraction.reference import repairs as R
from citenorm.extraction.reference.features import CUES, fold_word
from citenorm.extraction.reference.imprint import firm_end, glued_place, place_run, town_of_firm
from citenorm.extraction.reference.spans import STRIP, tidy
from citenorm.text import _rx, lexicon, vocab
from citenorm.text.patterns import lazy

__all__ = [
    "alternative_title",
    "collective",
    "container_number_tail",
    "date_tail",
    "description_tail",
    "imprint_in_run",
    "journal_cited_alone",
    "journal_sentence",
    "name_overflow",
    "named_head",
    "natural_order_name",
    "place_of_printing",
    "settle_imprint",
    "title_before_statement",
    "title_part_in_publisher",
]

# a year (3 or 4 digits, or a range) after a comma or a space, then words only: the date
# (?<!\s): a run of spaces is tried from its first space only (linear on hostile text)
_YEAR_AFTER = _rx.compile(
    r"(?<!\s)(?:\s*[,،]\s*|\s+)(?:\(\s*)?[0-9]{3,4}(?:\s*[-–/]\s*[0-9]{1,4})?(?![0-9])(?P<words>[^0-9]*)$"
)


def date_tail(value: str) -> str:
    """``الشريف الرضى، 1363 هجرى شمسى`` / ``قم 1412ق`` / ``Harbour Press, 1990 AD``:
    a publisher's or a place's value that runs on into the year of publication (and
    its era words) ends before the year."""
    m = _YEAR_AFTER.search(value)
    if m is None or not value[: m.start()].strip():
        return value
    words = m.group("words").replace(")", " ").replace(".", ". ").split()
    if any(
        w.strip(".").lower() not in vocab.ERA_WORDS and w.lower() not in vocab.ERA_WORDS
        for w in words
    ):
        return value
    return tidy(value[: m.start()]) or value


# "Family, Given. Rest": an inverted name (a few words, a comma, a few words whose last
# has two letters or more: not an initial) and a sentence's period
_NAME_SENTENCE = _rx.compile(
    r"^\s*(?P<name>[^,،.:;()\[\]0-9]{2,60}?[,،]\s*[^,،.:;()\[\]0-9]{1,60}?[^\W\d_]{2})\.\s+(?=[^\W\d_])"
)
# "CARA, Chantal." / "CARA, Chantal. Title": a second inverted name after the first
_ANOTHER_NAME = lazy(r"^\s*[^,،.:;()\[\]0-9]{2,40}?[,،]\s*[^,،.:;()\[\]0-9]{1,40}?(?:\.\s|\.?\s*$)")
# "and Nora Salt. Title", "& N. Quay. Title", "and others. Title": the end of a list of
# names (capitalised words, initials, "others") before a sentence's period
_END_OF_NAMES = _rx.compile(
    r"^\s*(?P<names>(?:and|&)\s+(?:others|(?:[A-Z][\w’'-]*\.?\s+)*[A-Z][\w’'-]*[^\W\d_]))\.\s+(?=\S)"
)
# "Sam Quay, Ann Sea, and Nora Salt. Title": more names (capitalised words, initials) and
# commas, then the last name after "and" and a sentence's period
_MORE_NAMES = _rx.compile(
    r"^\s*(?P<names>(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]*"
    r"(?:,\s+(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]*){0,8},?\s+(?:and|&)\s+"
    r"(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]*[^\W\d_])\.\s+(?=\S)"
)
# "Name: Title" at the head of a title span: a few words, a colon
_HEAD_BEFORE_COLON = _rx.compile(r"^\s*(?P<head>[^:«»“”\"]{2,80}?)\s*(?P<colon>:)\s+(?=\S)")
# "Given. Rest" at the head of a title span: a few words, not an initial, a period
_HEAD_SENTENCE = _rx.compile(
    r"^\s*(?P<head>[^,،.:;()\[\]0-9]{2,60}?[^\W\d_]{2}|[^,،.:;()\[\]0-9]{1,60}?al-)\.\s+(?=\S)"
)


_ARABIC_LETTER = _rx.compile("[\u0621-\u064a]")


# "E. S.", "J.-P.", "A. B. C.": a given name printed as initials alone
_INITIALS = _rx.compile(r"^(?:[A-Z](?:\.-[A-Z])?\.(?: |$)){1,3}$")


# "العقاد (سالم محمود) ": a family name and the given names in brackets after it
_BRACKETED_GIVEN = _rx.compile(
    r"^\s*[^\s()،,0-9]+(?:\s+[^\s()،,0-9]+)?\s*\([^()0-9]{2,40}\)\s*(?=\S)"
)


def _a_few_words(text: str, most: int) -> bool:
    return 1 <= len(text.split()) <= most


def _opens_list_of_names(part: str) -> bool:
    """``and Jane Roe``, ``وسالم الملاح``, ``& J. Roe``: a comma part that adds a name
    (an Arabic part opening with a word glued to ``و``)."""
    words = part.split()
    if not words:
        return False
    if R.has_cue(words[0], ("AND", "ETAL")):
        return True
    return words[0].startswith("و") and len(words[0]) > 3


def _joins_names(part: str) -> bool:
    """``جوزيف وماكدرموت``: a word glued to ``و`` (not a name of its own, ``وليد``)
    joins a second name to the first."""
    return any(
        w.startswith("و") and len(w) > 3 and not lexicon.is_given_name(w) for w in part.split()
    )


def _joined_names(part: str) -> int:
    """How many words of ``part`` join a name to the one before it (:func:`_joins_names`)."""
    return sum(_joins_names(w) for w in part.split())


def name_overflow(author: str, title: str | None, gap: str | None) -> tuple[str, str | None]:
    """An author span that runs on into the title, or stops inside the name:

    - ``Roe, Jane. Salt Roads,`` + ``a history``: an inverted name and a sentence's
      period: the name ends at the period (Chicago style), what follows opens the title;
    - ``الملاح، سالم، كتاب`` + ``الموج``: a name span of exactly three comma parts right
      before the title: the third part opens the title (Arabic comma style);
    - ``Roe,`` + ``Jane. Salt Roads``: a family name alone (or a name span that ends on
      a letter) before a title span that opens with a few words and a period: those
      words end the name.

    ``gap`` is the text between the two spans when the title span follows the name
    span at once (else None). Returns (author, title)."""
    m = _NAME_SENTENCE.match(author) if "." in author else None  # (its period)
    if m:
        name, rest = m.group("name"), author[m.end() :]
        family, given = R.COMMA.split(name, maxsplit=1)
        if (
            _a_few_words(family, 4)
            and _a_few_words(given, 4)
            and rest.strip(STRIP)
            and not R.opens_statement(rest.strip())
            and not _opens_list_of_names(rest)
            and not _ANOTHER_NAME.match(rest)
        ):
            if title is None:
                return name, rest
            if gap is not None:
                return name, rest + gap + title
    if title is None or gap is None:
        return author, title
    tight = author.rstrip()[-1:].isalpha() and not gap.strip()
    arabic = bool(_ARABIC_LETTER.match(author.strip()))
    b = _BRACKETED_GIVEN.match(author)
    if b and tight and arabic and not R.COMMA.search(author[b.end() :]):
        # "العقاد (سالم محمود) كتاب | الموج": the name ends at its bracketed given names
        return author[: b.end()].rstrip(), author[b.end() :] + gap + title
    parts = R.COMMA.split(author.strip().rstrip(STRIP))
    # the name span cut inside a word run (no mark before the title span): its third
    # part opens the title even when that part opens with a name ("إبراهيم بن | سيار")
    if (
        len(parts) == 3
        and (arabic or (tight and _INITIALS.match(parts[1].strip())))
        # (initials are no "and": "E." is Italian's)
        and not R.has_cue(author if arabic else parts[0] + " " + parts[2], ("AND",))
        and _a_few_words(parts[0], 4)
        and _a_few_words(parts[1], 5)
        and parts[2].strip()
        and not any(ch.isdigit() for ch in author)
        and not _joins_names(parts[1])
        and not _joins_names(parts[2])
        and not R.has_cue(author, ("ETAL",))
        and (tight or not lexicon.is_given_name(parts[2].split()[0]))
    ):
        cut = list(R.COMMA.finditer(author))[1]
        return author[: cut.start()], author[cut.end() :] + gap + title
    n = _END_OF_NAMES.match(title)
    if n and _a_few_words(n.group("names"), 7):
        # "Roe, J., Quay, N., | and Nora Salt. Title": the last name of a list
        return author + gap + n.group("names"), title[n.end() :]
    n = _MORE_NAMES.match(title) if gap.strip() in (",", "") else None
    if n and all(
        _a_few_words(p, 4) and looks_like_name(p) for p in R.COMMA.split(n.group("names"))[:-1]
    ):
        # "Jane Roe, Nora Salt, | Sam Quay, and Ann Sea. Title": the list of names goes on
        # into the title span, each name a few capitalised words, to its "and Name."
        return author + gap + n.group("names"), title[n.end() :]
    c = _HEAD_BEFORE_COLON.match(title)
    if c and _ARABIC_LETTER.match(author.strip()):
        head = c.group("head")
        joined = head.split()[0].startswith("و") and _joins_names(head)  # "وسالم الملاح"
        # (more co-authors, each joined by "و": "وسالم الملاح وموج الرملي ونور البحر")
        most = 12 if joined and _joined_names(head) >= 2 else 6
        cut_inside = author.rstrip()[-1:].isalpha()
        if _a_few_words(head, most) and (
            (cut_inside and "(" not in head and not any(ch.isdigit() for ch in head))
            or head.count(")") > head.count("(")  # "(ت 808ه" ended inside the span
            or joined
        ):
            return author + gap + title[: c.start("colon")], title[c.end() :]
    stripped = author.rstrip()
    family = stripped.rstrip(",،")
    lone_family = (
        stripped.endswith((",", "،")) and len(family.split()) == 1 and not R.COMMA.search(family)
    )
    if c and lone_family and _ARABIC_LETTER.match(author.strip()):
        # "الملاح، | سالم: Title": a family name alone takes the given names before the
        # colon (Arabic: a Latin "Roe, | Salt: A History" is as often a title's own)
        given = c.group("head")
        if len(given.split()) <= 3 and not any(ch.isdigit() or ch in ",،" for ch in given):
            return author + gap + title[: c.start("colon")], title[c.end() :]
    if lone_family or stripped[-1:].isalpha():
        h = _HEAD_SENTENCE.match(title)
        if (
            h
            and _a_few_words(h.group("head"), 3 if lone_family else 4)
            and len(title[h.end() :].split()) >= 2
            and not R.opens_statement(h.group("head").strip())
        ):
            return author + gap + title[: h.end()].rstrip().rstrip("."), title[h.end() :]
    return author, title


# a sentence's end inside a span: a period (or ? !) after a word of two letters or more,
# then a capital letter
_SENTENCE_BREAK = _rx.compile(r"(?<=[^\W\d_]{2}[.?!])\s+(?=[^\W\d_])")
_NEXT_NUMBERS = frozenset({"volume", "issue", "pages"})


def _title_case_name(text: str) -> bool:
    """``Journal of Salt Studies``, ``Discrete Contin. Dyn``: up to ten words, each
    capitalised or a small word (of, and, de ...): how a periodical's name is printed."""
    words = text.split()
    if not 1 <= len(words) <= 10 or not words[0][:1].isupper():
        return False
    return all(
        w[:1].isupper() or w.lower() in vocab.KEY_STOP_WORDS or w == "&" for w in words
    ) and not text.rstrip().endswith(("?", "!"))


def _short_name(text: str) -> bool:
    """``Nervous child``, ``Vivre ensemble``: a capitalised run of up to six words."""
    words = text.split()
    return 1 <= len(words) <= 6 and words[0][:1].isupper() and not text.rstrip().endswith("?")


def journal_sentence(
    title: str, next_label: str | None, *, loose: bool = False
) -> tuple[str, str | None]:
    """``Salt in the sea. Journal of Salt Studies`` + ``12, 3-4``: a title span right
    before a volume, issue or pages span whose last sentence is a periodical's name in
    title case holds the journal (APA, Vancouver). ``loose``: the entry has no other
    journal, so a short capitalised sentence will do (``Nervous child``). Returns
    (title, journal or None)."""
    if next_label not in _NEXT_NUMBERS:
        return title, None
    for m in _SENTENCE_BREAK.finditer(title):
        head, rest = title[: m.start()], title[m.end() :]
        latin = [w for w in head.split() if w[:1].isascii() and w[:1].isalpha()]
        if latin and not any(w[:1].islower() and len(w) > 2 for w in latin):
            continue  # "J. Appl. Phys": abbreviations of a name, no sentence of a title
        name = tidy(rest)
        if len(head.split()) >= 2 and (_title_case_name(name) or (loose and _short_name(name))):
            return head, rest
    return title, None


# "sporadic", "ALS", "ALS/FTD": a word in lower case or an acronym in capitals before a
# full stop ends a title's sentence ("Appl.", "Approx.", "Differ.": a capitalised word
# before a full stop abbreviates a journal's name)
_SENTENCE_END_WORD = _rx.compile(r"[a-z][^\W\d_]{2,}|[A-Z][A-Z0-9/-]*[A-Z0-9]")


def title_end_in_journal(container: str, next_label: str | None) -> tuple[str, str | None]:
    """``sporadic | ALS. Neurology`` + ``65, 586-590``: a journal span right after the
    title span that opens with the title's last words, a full stop after them, and then
    a periodical's name in title case before a volume, issue or pages span. The full
    stop is a sentence's end when the word before it is in lower case or an acronym in
    capitals, no abbreviation of a name (``Appl. Phys``). Returns (the title's last words, journal), or (container, None)."""
    if next_label not in _NEXT_NUMBERS:
        return container, None
    cut: tuple[int, int] | None = None
    for m in _SENTENCE_BREAK.finditer(container):
        head = container[: m.start()].split()
        if not head or not _SENTENCE_END_WORD.fullmatch(head[-1].rstrip(".?!")):
            continue
        if _title_case_name(tidy(container[m.end() :])):
            cut = (m.start(), m.end())
    if cut is None or not tidy(container[: cut[0]]):
        return container, None
    return container[: cut[0]], container[cut[1] :]


# a number (a year, a volume) and what may follow it to the end: numbers, cue words,
# single letters and punctuation only ("2010", "54, R17292–R", "No. 3", "14(S-10):S")
_NUMBER_TAIL = _rx.compile(
    r"(?<!\s)(?:\s*[,،]\s*|\s+)(?:(?:vol|no|nos|n°|issue|number)\.?\s*)?[0-9]{1,4}(?:[^\w]|[0-9]|(?<![^\W\d_])[^\W\d_](?![^\W\d_]))*$",
    re.IGNORECASE,
)


def container_number_tail(container: str) -> str:
    """``Salt Studies 2010`` / ``Salt Studies, 14(2):S`` / ``Salt Monographs No. 3``: a
    periodical's name that runs on into its year, volume or issue ends before them."""
    m = _NUMBER_TAIL.search(container)
    if m is None or len(container[: m.start()].split()) < 1:
        return container
    return tidy(container[: m.start()]) or container


def title_part_in_publisher(publisher: str, title: str) -> tuple[str, str]:
    """``Salt Roads, | Tides and Marshes, Harbour Press``: a publisher span right after
    the title span whose first of two comma parts (two words or more) names no body and
    no place is the title's last part (``Harbour Books, Inc.`` is one name). Returns
    (publisher, title)."""
    parts = R.COMMA.split(publisher)
    if len(parts) != 2:
        return publisher, title
    head, body = tidy(parts[0]), tidy(parts[1])
    if (
        not head
        or not body
        or any(ch.isdigit() for ch in head)
        or lexicon.has_publisher_word(head)
        or lexicon.has_corporate_word(head)
        or lexicon.is_place(head)
        or lexicon.is_place(body)
        or R.opens_statement(head)
        or R.opens_statement(body)
        or len(head.split()) < 2
        or any(ch.isdigit() for ch in body)
        or " ".join(body.lower().replace(".", " ").split()) in vocab.COMPANY_SUFFIXES
    ):
        return publisher, title
    sep = "، " if "،" in publisher else ", "
    return body, title + sep + head


# "Title. By Sir John Roe": a sentence that opens with "By" and a name (the author's
# statement printed after the title)
_BY_SENTENCE = lazy(r"(?<=[^\W\d_]{2})\. By\s+(?=[A-Z])")


# "مخطوطة مفاتيح الرحمة": an Arabic manuscript's word before the work's title
_DESCRIBED_COPY = _rx.compile(r"^\s*مخطوط[ةه]?\s+")
# "(ed in chief) Title", "(eds.) Title": the role of the name before, in brackets
_ROLE_IN_BRACKETS = _rx.compile(
    r"^\s*\((?:eds?\.?|editors?|hrsg\.?)(?:\s+in\s+chief)?\)\s*", re.IGNORECASE
)


def description_tail(title: str) -> str:
    """``Title، مخطوطة المكتبة الوطنية، رقم 12`` / ``Title، نسخة مصورة في ...``: a title
    that runs on into a description of the copy cited (a manuscript, a photocopy) ends
    before it; so does one that runs on into a statement no title part opens with
    (``Title، بالاشتراك مع فلان``, ``Title، بقلم فلان``, ``Title، مأخوذة من كتاب ...``,
    ``Title, tran. By: X``, ``Title. By Sir John Roe``). A manuscript's word that opens
    the title (``مخطوطة Title``) and a bracketed role of the name before it (``(ed in
    chief) Title``) are no part of it either."""
    copy = _DESCRIBED_COPY.match(title)
    if copy and len(title[copy.end() :].split()) >= 2:
        title = title[copy.end() :]  # "مخطوطة مفاتيح الرحمة": the manuscript of the work
    role = _ROLE_IN_BRACKETS.match(title)
    if role and len(title[role.end() :].split()) >= 2:
        title = title[role.end() :]  # "(ed in chief) Encyclopedia": the name's role
    by = _BY_SENTENCE.search(title) if " By " in title else None
    if by and tidy(title[: by.start()]):
        return title[: by.start()]
    for m in R.COMMA.finditer(title):
        words = title[m.end() :].split()
        if not words or not title[: m.start()].strip():
            continue
        head = fold_word(words[0].strip(".:()"))
        if head in vocab.DESCRIPTION_HEADS_FOLDED or (
            head in vocab.TITLE_STATEMENT_HEADS_FOLDED and len(words) >= 2
        ):
            return title[: m.start()]
    return title


# "طبعة لندن", "ط. طهران", "طبعة حجرية تونس": the cue of a printing and where it was done
_PRINTING = _rx.compile(r"^(?:ط|طبعة|طبعه|الطبعة|الطبعه)\s*\.?\s+(?P<rest>[^0-9،,:;()]+)$")


def place_of_printing(text: str) -> str | None:
    """``Title، طبعة لندن، 1932`` / ``ط طهران``: the place in a comma part that names a
    printing by where it was done (its last words, when they are a known place)."""
    if "ط" not in text:
        return None  # (every cue of _PRINTING holds it: most values, no split)
    for part in R.COMMA.split(text):
        m = _PRINTING.match(tidy(part))
        if m is None:
            continue
        words = m.group("rest").split()
        for k in range(len(words)):
            place = " ".join(words[k:])
            if lexicon.is_place(place):
                return place
    return None


def _honoured_name(part: str) -> str | None:
    """``الإمام جعفر عليه السلام`` -> ``جعفر``: a name between a rank and a blessing
    (both dropped), or None when ``part`` ends with no blessing."""
    name = part.strip()
    for tail in vocab.NAME_HONORIFIC_TAILS_AR:
        if name.endswith(tail):
            name = name[: -len(tail)].strip()
            break
    else:
        return None
    words = name.split()
    while len(words) > 1 and words[0] in vocab.NAME_TITLES_AR:
        words.pop(0)
    return " ".join(words) or None


def collective(author: str) -> bool:
    """``مجموعة من الباحثين``, ``Group of authors``: a collective printed as the author."""
    return tidy(author).lower().startswith(vocab.COLLECTIVE_AUTHOR_HEADS)


def named_head(title: str) -> tuple[str, str | None]:
    """``الإمام جعفر عليه السلام، مصباح البحر`` / ``مجموعة من الباحثين، كتاب الموج``:
    a title span that opens with a name and a blessing, or a collective author, before a
    comma holds the author. Returns (title, author or None)."""
    parts = R.COMMA.split(title, maxsplit=1)
    if len(parts) != 2 or not tidy(parts[1]) or len(parts[0].split()) > 8:
        return title, None
    head = parts[0].strip()
    name = _honoured_name(head)
    if name is None and collective(head):
        name = head
    if name is None:
        return title, None
    return parts[1], name


def natural_order_name(author: str, title: str | None, gap: str | None) -> tuple[str, str | None]:
    """``سالم الملاح، كتاب الموج``: a name span of two comma parts whose first is a
    name in its natural order (a given name first, two words or more) ends at the comma;
    the second part is the title (or opens it, when the title span follows at once).
    ``الملاح، سالم`` (inverted) and ``عبد الله، سالم`` are left whole."""
    parts = R.COMMA.split(author.strip().rstrip(STRIP))
    if len(parts) != 2 or not _ARABIC_LETTER.match(author.strip()):
        return author, title
    name, rest = parts[0].strip(), parts[1].strip()
    words = [w for w in name.split() if w not in vocab.NAME_TITLES_AR and w.strip(".") != "د"]
    if (
        len(words) < 2
        or not rest
        or words[0] in vocab.NAME_HEADS_AR
        or not lexicon.is_given_name(words[0])
        or lexicon.is_given_name(rest.split()[0])
        or rest.split()[0] in vocab.NAME_HEADS_AR
        or (rest.startswith("و") and lexicon.is_given_name(rest.split()[0][1:]))
        or R.has_cue(rest.split()[0], ("AND", "ETAL"))
        or any(ch.isdigit() for ch in author)
    ):
        return author, title
    cut = R.COMMA.search(author)
    assert cut is not None
    if title is None:
        return author[: cut.start()], author[cut.end() :]
    if gap is not None:
        return author[: cut.start()], author[cut.end() :] + gap + title
    return author, title


# "أو «Y»", "or “Y”": an alternative title after the first, in the same marks
_ALTERNATIVE = _rx.compile(r"^\s*[,،]?\s*(?:أو|او|or|ou)\s*[,،]?\s*(?P<open>[«“\"])")
_CLOSE = {"«": "»", "“": "”", '"': '"'}


def alternative_title(title: str, gap: str, container: str) -> tuple[str, bool]:
    """``«مأساة البحر»`` + ``أو «الموج الأحمر»، مخطوطة``: a quoted title whose next
    span (read as a container) opens with "or" and a second quoted title: the
    alternative is part of the title, and what follows it is no container. Returns
    (title, whether the container span was taken)."""
    head = title.rstrip()
    m = _ALTERNATIVE.match(container)
    if m is None or not head.endswith(tuple(_CLOSE.values())):
        return title, False
    close = container.find(_CLOSE[m.group("open")], m.end())
    if close < 0:
        return title, False
    return title + gap + container[: close + 1], True


def _series(text: str) -> bool:
    words = text.split()
    return bool(words) and CUES.get(fold_word(words[0].strip(".:()"))) in ("SERIES", "COLL")


def _imprint_after_series(parts: list[str]) -> tuple[str | None, str | None]:
    """The comma parts after a series' own (``المجمع البحري``, ``طنجة``) -> (publisher,
    place): one body's name, then a known place or nothing."""
    place = tidy(parts[-1]) if len(parts) >= 2 and lexicon.is_place(tidy(parts[-1])) else None
    body = parts[:-1] if place else parts
    if len(body) != 1 or any(ch.isdigit() for ch in body[0]):
        return None, None
    name = tidy(body[0])
    if not (lexicon.has_publisher_word(name) or lexicon.has_corporate_word(name)):
        return None, None
    return name, place


def imprint_in_run(text: str, label: str, after: str | None) -> tuple[str | None, str | None]:
    """The imprint of an entry with no publisher span, read into a neighbour's span:

    - ``ترجمة: سالم الملاح، دار البحر`` + place, ``tr. Jane Roe, Tide Books`` + place:
      the last comma part of a translator's or editor's statement (ended by its
      comma), right before the place, that opens no statement of its own;
    - ``تحقيق: سالم الملاح دار البحر``: a publisher's head word (دار، مكتبة ...) after
      the names of a statement, without a comma;
    - ``المجمع البحري، طنجة`` / ``Harbour Society`` + place, read as a series: a series
      span with no series word, right before a place or ending with one;
    - ``سلسلة البحر، المجمع البحري، طنجة``: a series span run on into the imprint, a
      body's name (a publisher's or an institution's word) after the series' part, then
      a known place or nothing.

    Returns (publisher or None, place or None)."""
    parts = [p for p in R.COMMA.split(text) if tidy(p)]
    if label == "collection":
        if parts and _series(parts[0]):
            return _imprint_after_series(parts[1:])
        if not parts:
            return None, None
        place = tidy(parts[-1]) if len(parts) >= 2 and lexicon.is_place(tidy(parts[-1])) else None
        body = parts[:-1] if place else parts
        if (
            len(body) == 1
            and (place or after == "place")
            and not any(ch.isdigit() for ch in body[0])
        ):
            return tidy(body[0]), place
        return None, None
    if len(parts) >= 2 and after == "place" and text.rstrip()[-1:] in ",،.;":
        last = tidy(parts[-1])
        if (
            last
            and " ".join(last.lower().replace(".", " ").split()) not in vocab.COMPANY_SUFFIXES
            and not R.opens_statement(last)
            and not R.has_cue(last.split()[0], ("EDITOR", "TRANS", "AND"))
            and not lexicon.is_place(last)
            and not any(ch.isdigit() for ch in last)
        ):
            return last, None
    for part in parts:
        words = tidy(part).split()
        for i in range(2, len(words) - 1):
            if (
                _ARABIC_LETTER.match(words[i])
                and lexicon.has_publisher_word(words[i])
                and not R.has_cue(words[i], ("EDITOR", "TRANS"))
            ):
                return " ".join(words[i:]), None
    return None, None


_NO_DATE = _rx.compile(
    # (بی‌تا: Persian "undated", its ZWNJ or soft hyphen dropped by clean())
    r"^(?:ب?دون\s+تاريخ|د\s*\.?\s*ت\b|n\.?\s*d\b|s\.?\s*d\b|sans\s+date|no\s+date|ب[يی]\s*تا\b)",
    re.IGNORECASE,
)


def _season(part: str) -> bool:
    """``صيف``, ``صيف وخريف``, ``Spring``: a comma part that names seasons only."""
    words = [fold_word(w.strip(STRIP)) for w in part.split()]
    words = [w[1:] if w[:1] == "و" and w[1:] in vocab.SEASON_WORDS_FOLDED else w for w in words]
    return (
        bool(words)
        and all(
            w in vocab.SEASON_WORDS_FOLDED or w in ("و", "and", "et", "und") for w in words if w
        )
        and any(w in vocab.SEASON_WORDS_FOLDED for w in words)
    )


def settle_imprint(fields: dict[str, object]) -> None:
    """A known place at the end of a publisher span (``مطبعة الساحل، بومباي``) is the
    place; a body with a publisher word at the head of a place span (``Alexandria
    University, Egypt``) is the publisher. Lexicon checks on spans the model drew."""
    pub = fields.get("publisher")
    place = fields.get("publisher-place")
    if isinstance(pub, str) and ("،" in pub or "," in pub):
        parts = R.COMMA.split(pub)
        k = len(parts)
        while k > 1 and place_run(parts[k - 1]):
            k -= 1
        if 0 < k < len(parts):
            cut = list(R.COMMA.finditer(pub))[k - 1]
            fields["publisher"] = tidy(pub[: cut.start()])
            if place is None:
                fields["publisher-place"] = tidy(pub[cut.end() :])
    elif isinstance(place, str) and pub is None and ("،" in place or "," in place):
        parts = R.COMMA.split(place)
        k = 0
        while (
            k < len(parts) - 1
            and not lexicon.is_place(parts[k])
            and lexicon.has_publisher_word(parts[k])
        ):
            k += 1
        if k:
            cut = list(R.COMMA.finditer(place))[k - 1]
            fields["publisher"] = tidy(place[: cut.start()])
            fields["publisher-place"] = tidy(place[cut.end() :])
        elif (
            len(parts) == 2
            and lexicon.is_place(parts[1])
            and not lexicon.is_place(parts[0])
            and len(tidy(parts[1])) > 3  # "Springfield, IL" is one place
        ):
            # "Stone-Hill, Madrid": a name the lexicon does not know before a place
            fields["publisher"], fields["publisher-place"] = tidy(parts[0]), tidy(parts[1])
        elif (
            len(parts) == 2
            and lexicon.is_place(parts[0])
            and not lexicon.is_place(parts[1])
            and len(tidy(parts[1])) > 3  # not a state's or country's code ("Cambridge, MA")
            and not _season(parts[1])  # "عمان، شتاء وربيع": the season
        ):
            # "London, Stonehill": the place first
            fields["publisher-place"], fields["publisher"] = tidy(parts[0]), tidy(parts[1])
    pub = fields.get("publisher")
    if isinstance(pub, str) and "." in pub:
        # "Harbour Books, Inc. Mineola": the firm's legal form ends its name
        name, town = firm_end(pub)
        if name != pub:
            fields["publisher"] = name
            if town and "publisher-place" not in fields:
                fields["publisher-place"] = town
        pub = fields["publisher"]
    if isinstance(pub, str) and "publisher-place" not in fields:
        # "دار الاجتهاد بيروت", "المطبعة المرتضوية- ايران": the town after the name
        name, town = glued_place(pub)
        if town:
            fields["publisher"], fields["publisher-place"] = name, town
        elif " ب" in pub:
            # "مطبعة البصير بالإسكندرية": the town glued to "بـ" stays in the firm's name
            # as printed, and is the place it published in
            town = town_of_firm(pub)
            if town:
                fields["publisher-place"] = town
    if isinstance(fields.get("publisher-place"), str):
        # "حلب، دون تاريخ", "New York, n. d", "عمان، صيف": no date, a season after the place
        place = str(fields["publisher-place"])
        parts = R.COMMA.split(place)
        while len(parts) > 1 and (
            _NO_DATE.match(tidy(parts[-1]))
            or R.has_cue(parts[-1], ("NODATE", "MONTH"))
            or _season(parts[-1])
        ):
            parts.pop()
        if len(parts) < len(R.COMMA.split(place)):
            fields["publisher-place"] = tidy(
                place[: list(R.COMMA.finditer(place))[len(parts) - 1].start()]
            )


def title_before_statement(statement: str) -> str | None:
    """``Salt Roads, tr. Jane Roe, Harbour Books`` read as one statement at the head of
    an entry with no title: the comma parts before the one that opens with a
    translator's or editor's cue are the title (a title-first entry)."""
    parts = R.COMMA.split(statement)
    for k in range(1, len(parts)):
        words = parts[k].split()
        if words and R.has_cue(words[0], ("TRANS", "EDITOR")):
            head = tidy(statement[: list(R.COMMA.finditer(statement))[k - 1].start()])
            if head and not R.has_cue(head, ("TRANS", "EDITOR")):
                return head
            return None
    return None


def journal_cited_alone(runs: list[tuple[str, int, int]]) -> bool:
    """``Roe, J. 1997, Salt J., 475, 163``: a journal's name right before its volume,
    issue or pages, with no title span: an article cited by its journal alone (the
    physical sciences' style), whose container is no title."""
    labels = [run[0] for run in runs]
    if (
        any(label in labels for label in ("title", "publisher", "place"))
        or "container" not in labels
    ):
        return False  # (a book in volumes has an imprint)
    k = labels.index("container")
    after = [*labels[k + 1 : k + 3], "", ""]
    # (the numbers at once, or after the date: "Salt J., March 2010, n°12")
    return after[0] in _NEXT_NUMBERS or (after[0] == "date" and after[1] in _NEXT_NUMBERS)
