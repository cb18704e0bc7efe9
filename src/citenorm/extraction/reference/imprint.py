"""The imprint's places as real lists print them: several places joined by a hyphen or a
space (``صيدا-بيروت``, ``أبو ظبي - بيروت``, ``بيروت لبنان``, ``Qum- I.R.Iran``), and a
town printed right after the publisher's name with no comma (``دار الاجتهاد بيروت``,
``دار المعارف بالقاهرة``, ``المطبعة المرتضوية- ايران``).

Lexicon checks on values the labeler drew; each starts with a cheap test of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citenorm.extraction.reference.features import CUES, fold_word
from citenorm.extraction.reference.spans import spans, tidy
from citenorm.extraction.reference.tokens import Token
from citenorm.text import _rx, lexicon, vocab
from citenorm.text.normalize import split_article
from citenorm.text.patterns import lazy

__all__ = [
    "ampersand_in_place",
    "firm_end",
    "firm_head_in_place",
    "glued_place",
    "head_word_alone",
    "imprint_cue",
    "issuer",
    "place_in_container",
    "place_part",
    "place_run",
    "printer_after_publisher",
    "publisher_after_statement",
    "publisher_read_as_series",
    "statement_before_publisher",
    "town_of_firm",
]

_MOST_WORDS = 6  # a run of places is short: "حيدر أباد الدكن بالهند"
_PIECE = 3  # the most words of one place's name ("حيدر أباد الدكن", "New York")
# a hyphen, dash or slash between places (spaces around it or not)
_JOIN = _rx.compile(r"(?<!\s)\s*[-–/]\s*")  # (?<!\s): linear on runs of spaces
# a state's initials before its name: "I.R.Iran", "U.S.A" (kept with the name)
_INITIALS = _rx.compile(r"^(?:[A-Z]\.){1,3}\s*")


def _piece(word: str) -> str:
    """One word of a run: initials before a name dropped (``I.R.Iran`` -> ``Iran``)."""
    m = _INITIALS.match(word)
    return word[m.end() :] if m and m.end() < len(word) else word


def _places(words: list[str]) -> bool:
    """``words`` are all known places, one to three words each (read left to right, the
    longest name first)."""
    k = 0
    while k < len(words):
        for n in range(min(_PIECE, len(words) - k), 0, -1):
            if lexicon.is_place(" ".join(words[k : k + n])):
                k += n
                break
        else:
            return False
    return True


def place_run(text: str) -> bool:
    """``text`` is a run of two or more known places joined by hyphens, slashes or
    spaces (``صيدا-بيروت``, ``بيروت لبنان``, ``Sevilla - Madrid``, ``Qum- I.R.Iran``), or
    one known place. No digit, six words at most."""
    t = tidy(text)
    if not t or any(ch.isdigit() for ch in t):
        return False
    if lexicon.is_place(t):
        return True
    words = [_piece(w) for w in _JOIN.sub(" ", t).split()]
    if not 2 <= len(words) <= _MOST_WORDS:
        return False
    return _places(words)


def glued_place(publisher: str) -> tuple[str, str | None]:
    """``دار الاجتهاد بيروت``, ``المطبعة المرتضوية- ايران``: a publisher's value whose
    last comma part ends with its town (or towns), printed with no comma, after a hyphen
    or after a word with the article that ends the name -> (publisher, place). A town
    that is the name's own complement (``جامعة دمشق``, ``مطبعة جامعة القاهرة``,
    ``University of London``) follows a word without the article and stays; so does one
    glued to ``بـ`` (``دار المعارف بمصر``: lists print it as the firm's name). Returns
    (publisher, None) when nothing is cut."""
    t = publisher.rstrip(" .،,")
    cut = max(t.rfind("،"), t.rfind(","))
    head, last = t[: cut + 1], t[cut + 1 :]
    words = last.split()
    if len(words) < 2 or any(ch.isdigit() for ch in last):
        return publisher, None
    for n in range(min(_MOST_WORDS - 1, len(words) - 1), 0, -1):
        name = words[:-n]
        # (the cheap test first: the word before the town ends the name)
        before = name[-1].rstrip("-–")
        hyphen = name[-1][-1:] in "-–" or words[-n][:1] in "-–"
        if not (hyphen or (before.startswith(vocab.DEFINITE_PREFIXES_AR) and len(before) > 3)):
            continue
        place_words = [w.strip("-–") for w in words[-n:]]
        place_words = [w for w in place_words if w]
        if not place_words or not place_run(" ".join(place_words)):
            continue
        name_text = " ".join(name).rstrip(" -–")
        if not name_text or not any(ch.isalpha() for ch in name_text) or place_run(name_text):
            continue
        return tidy(head + " " + name_text) if head else tidy(name_text), tidy(
            " ".join(place_words)
        )
    return publisher, None


def town_of_firm(publisher: str) -> str | None:
    """``مطبعة البصير بالإسكندرية``, ``دار المعارف بمصر``: the known town (or country)
    glued to ``بـ`` as the last word of a firm's name of three words or more (the name
    keeps it: lists print it so), or None."""
    words = publisher.split()
    if len(words) < 3 or any(ch in publisher for ch in ",،"):
        return None  # (two bodies, or a name and its place after a comma)
    last = words[-1].rstrip(".")
    if len(last) < 4 or last[0] != "ب":
        return None
    return last[1:] if lexicon.is_place(last[1:]) else None


# the imprint's own cue before the publisher's name: "نشر دار X", "نشرته الدار X" (the verb
# "published", its object the body that did), "المطبعة: X", "الناشر: X" (a label)
_CUE = lazy(
    r"^(?:(?P<verb>نشر(?:ته|ها|تها)?)\s+(?=[^\sو])|(?:المطبعة|الناشر|ناشر|الطابع|publisher|printer)\s*:\s*(?=\S))",
    re.IGNORECASE,
)


def imprint_cue(publisher: str) -> str:
    """``نشر دار العلوم``, ``نشرته الدار المتحدة``, ``المطبعة: الساحل``, ``Printer: X``:
    the publisher's name after the imprint's cue. The verb is dropped only before a
    body's name (a publisher's or an institution's word: ``نشر حاذق`` is a press's own
    name, ``نشر وتحقيق`` an editor's statement); a label with its colon always. An
    institution's word glued to ``بـ`` (``رسالة غير منشورة بكلية الآداب``) loses it."""
    m = _CUE.match(publisher)  # (anchored: tried at the first character only)
    if not m:
        return _glued_ba(publisher)
    rest = tidy(publisher[m.end() :])
    if not rest or (
        m.group("verb")
        and not (lexicon.has_publisher_word(rest) or lexicon.has_corporate_word(rest))
    ):
        return publisher
    return rest


def _glued_ba(publisher: str) -> str:
    """``بكلية الآداب، جامعة X`` -> ``كلية الآداب، جامعة X``: the preposition ``بـ``
    ("at") glued to the first word of an institution's name (a thesis's faculty or
    university), when that word alone names one; ``بيت الحكمة`` stays, and so does
    ``بالمطبعة X`` (lists keep a printer's ``بـ``: the fixtures' golds do)."""
    if publisher[:1] != "ب":
        return publisher
    first = publisher.split(maxsplit=1)[0].rstrip("،,")
    word = first[1:]
    if len(word) < 3 or not lexicon.has_corporate_word(word):
        return publisher
    return publisher[1:]


# "تصدر عن X", "تصدرها X", "الصادرة عن X", "published by X": the body that issues a
# journal, named in the description printed after the journal's name
_ISSUER = lazy(
    r"(?:(?<![^\s،,])(?:ال)?(?:[تي]صدر(?:ها|ه)?|صادرة|صادر)(?:\s+عن)?|(?:published|issued)\s+by)\s+"
    r"(?P<body>[^\s،,:;()0-9][^،,:;()0-9]{2,80})",
    re.IGNORECASE,
)


def issuer(container: str) -> str | None:
    """``مجلة الموج، مجلة فكرية تصدر عن منتدى البحر``, ``مجلة الرمل مجلة فصلية تصدرها
    وزارة الملح``, ``Salt Review, published by the Harbour Society``: the body named as
    the journal's issuer (a publisher's or an institution's word in it), else ``None``."""
    if "صدر" not in container and "صادر" not in container and "by" not in container.lower():
        return None
    m = _ISSUER.search(container)
    if not m:
        return None
    body = tidy(m.group("body"))
    if len(body.split()) < 2 or not (
        lexicon.has_publisher_word(body) or lexicon.has_corporate_word(body)
    ):
        return None
    return body


_COMMAS = frozenset({",", "،"})
_COMMA = _rx.compile("[,،]")
# the labels a place's other words take when the labeler cuts a run of places
_IN_PLACE_RUN = frozenset({"place", "publisher", "other", "note"})


def ampersand_in_place(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Stone | & Hill, London``: a place span that opens with ``&`` right after a
    publisher span goes on with the firm's name (two names joined by ``&``) up to its
    comma, unless that part is itself a known place; it is relabelled publisher."""
    n = len(labels)
    for p in range(1, n - 1):
        if tokens[p].text != "&" or labels[p] != "place" or labels[p - 1] != "publisher":
            continue
        b = p + 1
        while b < n and labels[b] == "place" and tokens[b].text not in _COMMAS:
            b += 1
        if b == p + 1 or place_run(text[tokens[p + 1].start : tokens[b - 1].end]):
            return labels
        return [*labels[:p], *(["publisher"] * (b - p)), *labels[b:]]
    return labels


def firm_head_in_place(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``القاهرة، القدس | للإعلان والنشر``: a publisher span that opens inside a comma
    part with a word that names what a firm does (``للنشر``, ``للطباعة``: ``لل`` and a
    noun: no place's name opens so) after place words of that part: those words are the
    firm's name (``القدس للإعلان``); relabelled publisher. ``ناشر: | X``: the imprint's
    own label before the publisher, read as a place, is the publisher's (its cue)."""
    n = len(labels)
    for p in range(1, n):
        if labels[p] != "publisher" or labels[p - 1] != "place":
            continue
        head = tokens[p - 1].text
        if head == ":" and p >= 2 and tokens[p - 2].text.lower() in vocab.PUBLISHER_LABELS:
            a = p - 2
            if a == 0 or tokens[a - 1].text in _COMMAS or labels[a - 1] != "place":
                return [*labels[:a], "publisher", "publisher", *labels[p:]]
            return labels
        if not (tokens[p].text.startswith("لل") and len(tokens[p].text) > 4):
            return labels
        if head in _COMMAS or not head[-1:].isalpha():
            return labels
        a = p - 1
        while a > 0 and labels[a - 1] == "place" and tokens[a - 1].text not in _COMMAS:
            a -= 1
        return [*labels[:a], *(["publisher"] * (p - a)), *labels[p:]]
    return labels


def place_part(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``أبو ظبي - | بيروت``, ``Qum - | I.R. | Iran``: a comma part that holds a place
    span and is, as printed, a run of known places (:func:`place_run`) is all place (the
    labeler gave its other words to the publisher)."""
    out: list[str] | None = None
    n = len(labels)
    k = 0
    while k < n:
        if labels[k] != "place":
            k += 1
            continue
        a = k
        while a > 0 and tokens[a - 1].text not in _COMMAS:
            a -= 1
        b = k
        while b < n and tokens[b].text not in _COMMAS:
            b += 1
        part = labels[a:b]
        if (
            any(lab != "place" for lab in part)
            and all(lab in _IN_PLACE_RUN for lab in part)
            and place_run(text[tokens[a].start : tokens[b - 1].end])
        ):
            if out is None:
                out = list(labels)
            out[a:b] = ["place"] * (b - a)
        k = b + 1
    return labels if out is None else out


def _role(text: str) -> bool:
    """``text`` holds a translator's or an editor's cue (``ترجمة``, ``تحقيق``, ``ed.``)."""
    for w in text.split():
        word = w.strip(".,:;()")
        bare = split_article(word)  # "الترجمة" -> "ترجمة"
        if CUES.get(fold_word(bare[1] if bare else word)) in ("TRANS", "EDITOR"):
            return True
    return False


def statement_before_publisher(publisher: str) -> str:
    """``لجنة الترجمة: سالم الملاح وآخرون، دار الموج``, ``عرب عباراته: سالم الملاح، دار
    الرمل``: a publisher's value that opens with statements of responsibility (a role
    and a colon, then names) before the body's name: the name after them. A place or a
    body before the colon (``بيروت: دار الموج``) is no statement."""
    if ":" not in publisher or ("،" not in publisher and "," not in publisher):
        return publisher
    cuts = list(_COMMA.finditer(publisher))
    k = 0
    while k < len(cuts):
        part = (
            publisher[: cuts[k].start()]
            if k == 0
            else publisher[cuts[k - 1].end() : cuts[k].start()]
        )
        head, colon, names = part.partition(":")
        if (
            not colon
            or not tidy(head)
            or not tidy(names)
            or place_run(head)
            or (lexicon.has_publisher_word(head) and not _role(head))
            or lexicon.has_corporate_word(names)
            or lexicon.has_publisher_word(names)
        ):
            break
        k += 1
    if not k:
        return publisher
    rest = tidy(publisher[cuts[k - 1].end() :])
    return rest if rest and lexicon.has_publisher_word(rest) else publisher


# the labels a publisher's name takes when a statement of responsibility runs on into it
_AFTER_STATEMENT = frozenset({"editor", "place", "publisher"})


def publisher_after_statement(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``tr. Juan Roca, | Editorial Mar, Cádiz``, ``ترجمة سالم الملاح، | دار الموج``: a
    translator's or an editor's span that runs on past the comma after the names into
    a comma part opening with a publisher's word (``Editorial``, ``Éditions``,
    ``Verlag``, ``دار``) and holding more than that word: that part is the publisher's
    name (the place's words the labeler gave its tail, too)."""
    n = len(labels)
    out: list[str] | None = None
    for c in range(1, n - 1):
        if tokens[c].text not in _COMMAS or labels[c - 1] != "editor":
            continue
        a = c + 1
        if labels[a] != "editor" or not lexicon.has_publisher_word(tokens[a].text):
            continue
        b = a
        while b < n and tokens[b].text not in _COMMAS:
            b += 1
        if b - a < 2 or not all(lab in _AFTER_STATEMENT for lab in labels[a:b]):
            continue  # (a publisher's word alone is half a name: "tr. X, Editorial,")
        if out is None:
            out = list(labels)
        out[a:b] = ["publisher"] * (b - a)
        if b < n and out[b] == "editor":
            out[b] = "publisher"  # (its comma)
    return labels if out is None else out


def publisher_read_as_series(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``Title، قم، | سيد الشهداء (ع)، | 1405``: an entry with no publisher span whose
    series span is one comma part right after the place and right before the date (the
    imprint's order: place, publisher, year) names the publisher; relabelled. A series
    with its cue (``سلسلة``, ``Series``) or in brackets stays one."""
    runs = spans(tokens, labels)
    for k in range(1, len(runs) - 1):
        label, a, b = runs[k]
        if label != "collection" or runs[k - 1][0] != "place" or runs[k + 1][0] != "date":
            continue
        if tokens[a].text in "([" or any(t.text in _COMMAS for t in tokens[a : b - 1]):
            return labels
        if any(CUES.get(fold_word(t.text)) == "SERIES" for t in tokens[a:b]):
            return labels
        return [*labels[:a], *(["publisher"] * (b - a)), *labels[b:]]
    return labels


def head_word_alone(tokens: Sequence[Token], labels: Sequence[str]) -> Sequence[str]:
    """``دار | دمشق``, ``دار | المغربية، الدار البيضاء``: a publisher span of one word,
    a publisher's word alone (``دار``, ``مكتبة``: the head of a name, never all of it),
    right before a place span: the place's words up to its first comma are the rest of
    the publisher's name."""
    out: list[str] | None = None
    n = len(labels)
    for k in range(n - 1):
        if (
            labels[k] != "publisher"
            or labels[k + 1] != "place"
            or (k and labels[k - 1] == "publisher")
            or not tokens[k + 1].text[:1].isalpha()
            or not lexicon.has_publisher_word(tokens[k].text)
        ):
            continue
        b = k + 1
        while b < n and labels[b] == "place" and tokens[b].text not in _COMMAS:
            b += 1
        if out is None:
            out = list(labels)
        out[k + 1 : b] = ["publisher"] * (b - k - 1)
    return labels if out is None else out


def place_in_container(container: str) -> str | None:
    """``مجلة البحر، بيروت، السنة الثامنة``, ``Salt Review, London, 12``: a comma part
    after the journal's name that is a known place (or a run of places) is the place the
    journal is issued in; the first such part, else ``None``."""
    if "،" not in container and "," not in container:
        return None
    for part in _COMMA.split(container)[1:]:
        if any(ch.isdigit() for ch in part):
            continue
        if place_run(part):
            return tidy(part)
    return None


# a firm's legal form, which ends its name ("Harbour & Co.", "Salt Books, Inc.", "LTD.")
_FIRM_END = lazy(r"(?<![^\s,])(?:inc|ltd|l\.\s?t\.\s?d|co|llc|plc|gmbh)\.(?=\s|$)", re.IGNORECASE)


def firm_end(publisher: str) -> tuple[str, str | None]:
    """``Harbour Books, Inc. Mineola``, ``Stone & Co. Peterson``, ``Salt LTD. Ruskin
    House, 40, Museum Street``: a firm's legal form with its period ends the publisher's
    name; what follows is its town (returned when it is a run of known places or one or
    two capitalised words) or its street address (dropped). Returns (publisher, town or
    None); the publisher unchanged when no legal form is followed by more words."""
    if "." not in publisher:
        return publisher, None
    for m in _FIRM_END.finditer(publisher):
        rest = publisher[m.end() :].strip()
        if (
            not rest
            or not rest[:1].isalpha()
            or _FIRM_END.match(rest)
            or not any(ch.isalpha() for ch in publisher[: m.start()])
        ):
            continue
        name = publisher[: m.end()].strip()
        rest = tidy(rest)
        words = rest.split()
        town = (
            rest
            if place_run(rest)
            or (
                1 <= len(words) <= 2
                and all(w[:1].isupper() for w in words)
                and not any(ch.isdigit() for ch in rest)
            )
            else None
        )
        return name, town
    return publisher, None


def place_once(place: str) -> str:
    """``Algeria, Algeria`` / ``الكويت، الكويت``: a town printed again as its country
    (a city and a state of one one-word name) is the place once. Any other place as it
    is, ``New York, New York`` too: a city and a state of a longer name are printed so
    on purpose, and reference lists keep them (AnyStyle's ``gold.xml`` does). An edition's
    cue word alone after the place (``بغداد، طبعة``) opens the imprint after it: cut."""
    if "," not in place and "،" not in place:
        return place
    parts = [tidy(p) for p in _COMMA.split(place)]
    if len(parts) >= 2 and len(parts[-1].split()) == 1 and CUES.get(fold_word(parts[-1])) == "ED":
        # "بغداد، طبعة | وزارة الإعلام": the cue of the imprint that follows
        return place_once(tidy(place[: list(_COMMA.finditer(place))[-1].start()]))
    if (
        len(parts) >= 2
        and all(parts)
        and len(parts[0].split()) == 1
        and len({fold_word(p) for p in parts}) == 1
    ):
        return parts[0]
    return place


_COMMA_SPLIT = _rx.compile(r"\s*,\s*")


def printer_after_publisher(publisher: str) -> str:
    """``Harbour Publications, Quay Press``: a Latin publisher's value whose second comma
    part is a printing house (a few words ending with ``Press``) after a publishing
    house (a name ending with ``Publications``, ``Publishers``, ``Books``...) is the
    publisher alone: the printer is not the publisher. (Arabic imprints join the two as
    often as not: ``منشورات X، مطبعة Y`` is left whole.)"""
    if "," not in publisher or not publisher.isascii():
        return publisher
    parts = _COMMA_SPLIT.split(publisher.strip())
    if len(parts) < 2:
        return publisher
    head, printer = parts[0], parts[1].split()
    if not 2 <= len(printer) <= 3 or printer[-1].strip(".").lower() not in vocab.PRINTER_TAILS:
        return publisher
    words = head.split()
    if not words or words[-1].strip(".").lower() not in vocab.PUBLISHING_HOUSE_TAILS:
        return publisher  # ("Salt University, Quay Institution Press": the body's press)
    return head
