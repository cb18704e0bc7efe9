"""Author-date citations in the body: ``(العتيبي، 2015)``, ``(Smith, 2019, p. 4)``,
``(العتيبي وآخرون، ٢٠١٥، ص ٤)``, ``(العتيبي، د.ت)``, ``(الطبري، 310هـ)``, one author's
several years ``(العتيبي، 2015، 2016)`` and narrative ``العتيبي (2015)`` (``ووفقا
للعتيبي (2015)``); a citation a line wraps is read with the next line's head."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable

from citenorm._plain import Frozen
from citenorm.extraction.segment import Line
from citenorm.memo import memo
from citenorm.text import _rx, vocab
from citenorm.text.normalize import SparseTable, _clean, clean
from citenorm.text.patterns import lazy

__all__ = ["RawInText", "cites_author_date", "find_in_lines", "find_in_text"]

# "2015", "2009أ", "1365هـ", "1365 هـ/1946 م", "2021 م" (the era letter apart), "د.ت", "n.d."
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})[a-z\u0623-\u064a]?(?:\s*(?:هـ|ه))?(?:\s*/\s*(?:1[0-9]{3}|20[0-9]{2})\s*(?:م)?)?(?:\s+م(?![\u0621-\u064a]))?|د\s*\.\s*ت\s*\.?|n\.\s*d\.?"
# a Hijri year of three digits, its era mark printed: "(الطبري، 310هـ)" (a parenthetical
# item only: a narrative "الطبري (310هـ)" is the death date many texts print)
_HIJRI_3 = r"[1-9][0-9]{2}\s*(?:هـ|ه)(?![\u0621-\u064a])"
_PAGE = r"(?:ص\s*ص|صص|ص|pp?|pages?)\s*\.?\s*[0-9]{1,5}(?:\s*[-–]\s*[0-9]{1,5})?"
# a bare page after a colon: "(حسن، 2015: 45)", "(Hasan, 2015: 45-47)"
_BARE_PAGE = r"[0-9]{1,5}(?:\s*[-–]\s*[0-9]{1,5})?"
# one item of a parenthetical citation: "الحجري، ١٩٤٢، ص ٣٣٧" / "Smith & Lee, 2019, p. 4" /
# "حسن، 2015: 45"; a leading "see"/"e.g." ("انظر:", "e.g.,") comes off the author after
_ITEM = _rx.compile(
    rf"^(?P<author>[^()0-9]{{1,120}}?)\s*[,،]\s*(?P<year>{_YEAR}|{_HIJRI_3})"
    rf"(?:\s*[,،:]\s*(?P<page>{_PAGE})|\s*:\s*(?P<bare>{_BARE_PAGE}))?\s*$",
    re.IGNORECASE,
)
# "(الغامدي وآخرون 2020)": no comma before the year, which only an et-al word allows
# (a month or a word before a year, "(مايو 2020)", is no citation)
_ITEM_ET_AL = _rx.compile(
    rf"^(?P<author>[^()0-9]{{1,120}}?\s(?:{'|'.join(sorted(vocab.ET_AL_WORDS))}|et\s+al\.?))"
    rf"\s+(?P<year>{_YEAR})(?:\s*[,،:]\s*(?P<page>{_PAGE})|\s*:\s*(?P<bare>{_BARE_PAGE}))?\s*$",
    re.IGNORECASE,
)
# "(العتيبي، 2015، 2016)", "(Smith, 2015a, 2015b)": one author's works of several years,
# and "(العتيبي، 2015؛ 2017)": a year alone after an item, of that item's author
_ITEM_YEARS = _rx.compile(
    rf"^(?P<author>[^()0-9]{{1,120}}?)\s*[,،]\s*(?P<years>(?:{_YEAR})(?:\s*[,،]\s*(?:{_YEAR}))+)\s*$",
    re.IGNORECASE,
)
_YEAR_ALONE = _rx.compile(
    rf"^(?P<year>{_YEAR})(?:\s*[,،:]\s*(?P<page>{_PAGE})|\s*:\s*(?P<bare>{_BARE_PAGE}))?\s*$",
    re.IGNORECASE,
)
_ONE_YEAR = _rx.compile(_YEAR, re.IGNORECASE)
_PAREN = _rx.compile(r"\(([^()]{3,300})\)")
# "انظر: حسن، 2015", "e.g., Hasan, 2015", "see also Hasan, 2015": the lead-in of an item
# "انظر مثلا:", "ينظر أيضاً،", "see for example": a lead-in word, then a qualifier
_SEE = lazy(
    r"^(?:(?:انظر|ينظر|راجع|قارن)(?:\s+(?:مثلا|مثلاً|أيضا|أيضاً|كذلك|على\s+سبيل\s+المثال))?"
    r"|see(?:\s+also|\s+for\s+example|\s+e\.\s?g\.)?|e\.\s?g\.|cf\.)\s?[:,،]?\s?",
    re.IGNORECASE,
)
# "الكليدار (١٩٦٧)" / "Smith (2019, p. 4)"
_NARRATIVE = _rx.compile(
    rf"\(\s*(?P<year>{_YEAR})(?:\s*[,،]\s*(?P<page>{_PAGE})|\s*:\s*(?P<bare>{_BARE_PAGE}))?\s*\)",
    re.IGNORECASE,
)
# "et al." before a year: its period does not end the author's words
_ET_AL = lazy(r"\bet\s+al\.", re.IGNORECASE)
# "Smith, J. (2019). Title" / "العتيبي، محمد. (2015). العنوان": a reference entry (a list
# the article did not head), not a narrative citation
_ENTRY_DATE = lazy(r"\)\s*\.\s*\S")
# how far before "(2015)" a narrative citation's author may start
_LOOKBACK = 160
_CUT = lazy(r"[.،,؛;:!?؟()\"«»]")
_LETTER = lazy(r"[^\W\d_]")


class RawInText(Frozen):
    """An in-text citation as found: printed text, position, and its parts."""

    __slots__ = ("author", "column", "line", "page", "text", "year")

    text: str
    line: int
    column: int
    author: str
    year: str
    page: str | None

    def __init__(
        self, text: str, line: int, column: int, author: str, year: str, page: str | None
    ) -> None:
        _set = object.__setattr__
        _set(self, "text", text)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "author", author)
        _set(self, "year", year)
        _set(self, "page", page)


# words that belong to the name after them: "ابن خلدون", "عبد الله", "de Gaulle", "van Dijk"
# (and the head with "ل" glued to it: "وفقا لابن خلدون (1984)")
def _name_head(word: str) -> bool:
    if word.startswith("ل") and word[1:] in vocab.NAME_HEADS_AR:
        return True
    return word in vocab.NAME_HEADS_AR or word in vocab.NAME_PARTICLES_LATIN


def _narrative_author(words: list[str]) -> list[str]:
    """The author's words at the end of the text before a narrative "(2015)": the family
    name, the particles before it ("ابن خلدون", "de Gaulle"), a second author joined by
    "و"/"&"/"and" ("حسن وعلي", "Hasan & Ali"), and "et al."/"وآخرون"; the verbs and
    words before are left out ("ويرى حسن" -> "حسن", "يؤكده العلوي وآخرون" -> "العلوي
    وآخرون")."""
    out: list[str] = []
    i = len(words) - 1
    if i >= 1 and words[i - 1 : i + 1] == ["et", "al"]:
        out, i = ["et", "al."], i - 2
    elif i >= 0 and words[i] in vocab.ET_AL_WORDS:
        out, i = [words[i]], i - 1
    if i < 0:
        return []
    out.insert(0, words[i])
    i -= 1
    # a second name: "حسن وعلي" (the conjunction glued), "Hasan & Ali", "Hasan and Ali"
    if (
        out[0].startswith("و")
        and len(out[0]) > 2
        and i >= 0
        and words[i] not in vocab.IN_TEXT_LEAD_WORDS
    ):
        out.insert(0, words[i])
        i -= 1
    elif i >= 1 and words[i].lower() in vocab.AND_WORDS:
        out[0:0] = [words[i - 1], words[i]]
        i -= 2
    while i >= 0 and _name_head(words[i].lower()):
        out.insert(0, words[i])
        i -= 1
    while out and out[0] in vocab.IN_TEXT_LEAD_WORDS:
        out = out[1:]
    return out


def _unglued(author: str) -> str:
    """A narrative author with the preposition "ل" glued to it taken off: "للعتيبي"
    ("ل" + "العتيبي", the article's alif dropped) -> "العتيبي", "لابن خلدون" -> "ابن
    خلدون" (no name begins "لل", nor "ل" before a name's head)."""
    first, _, rest = author.partition(" ")
    if first.startswith("لل") and len(first) > 4:
        first = "ال" + first[2:]
    elif first.startswith("ل") and first[1:] in vocab.NAME_HEADS_AR:
        first = first[1:]
    else:
        return author
    return f"{first} {rest}" if rest else first


def _author_ok(author: str) -> bool:
    words = author.split()
    if not words or len(words) > 8 or not _LETTER.search(author) or ":" in author:
        return False  # ("Paris: Flammarion, 2016": an imprint, not an author)
    return not all(w.strip("\"'«»“”") in vocab.IN_TEXT_LEAD_WORDS for w in words)


# the blocks Arabic and romanized text draw on (Latin-1 to Arabic, Arabic supplements,
# punctuation and symbols, presentation forms and half/full-width forms)
_BLOCKS = (
    (0x00A0, 0x0700),  # Latin-1, Latin Extended, spacing and combining marks, Arabic
    (0x0750, 0x0780),  # Arabic Supplement
    (0x08A0, 0x0900),  # Arabic Extended-A
    (0x2000, 0x2100),  # general punctuation, super/subscripts
    (0xFB00, 0xFFF0),  # presentation forms, half/full-width forms
)


def _block_folds() -> tuple[tuple[str, str], ...]:
    """Every character of the blocks and what :func:`clean` makes of it (without filling
    ``clean``'s memo with single characters). Not kept: the two tables read from it are
    (:func:`_fold_tables`, :func:`_prefilters`, each built once), and these pairs held
    ~0.6 MB to the end of the process.

    The characters are cleaned in one call, a line feed between each two: a line feed is
    a starter that composes with nothing (NFKC never crosses it), no character of the
    blocks folds to one, and ``clean``'s space runs cannot span one, so the pieces are
    the characters' own folds (one call instead of ~3,000; checked against the
    character-by-character fold in the tests)."""
    chars = [chr(cp) for lo, hi in _BLOCKS for cp in range(lo, hi)]
    folds = _clean("\n".join(chars)).split("\n")
    if len(folds) != len(chars):  # pragma: no cover - a Unicode version where one breaks
        folds = [_clean(ch) for ch in chars]
    return tuple(zip(chars, folds, strict=True))


@memo(None)
def _fold_tables() -> tuple[SparseTable, re.Pattern[str]]:
    """What :func:`clean` does to single characters: the one-to-one changes as a
    translate table, and a class of the characters it deletes or expands."""
    table: dict[int, str] = {}
    uneven: list[str] = []
    for ch, folded in _block_folds():
        if len(folded) != 1:
            uneven.append(re.escape(ch))
        elif folded != ch:
            table[ord(ch)] = folded
    return SparseTable(table), _rx.compile("[" + "".join(uneven) + "]")


@memo(None)
def _prefilters() -> tuple[re.Pattern[str], ...]:
    """Patterns on the printed line that every line holding a citation matches: a
    bracket, and a year (four digits) or "د.ت"/"n.d.", allowing for every character
    that the cleaned view turns into one of these or deletes. A line that fails them
    is not viewed at all (most lines of a footnote-style article)."""
    # each class: its plain characters, then every character of the blocks (in block
    # order, its plain ones left out) whose fold passes the class's test; the folds are
    # read once for all the classes
    tests: dict[str, tuple[tuple[str, ...], Callable[[str], bool]]] = {
        # every character the view turns into digits turns into one digit and no more
        "digit": (tuple("0123456789"), lambda f: any(c in "0123456789" for c in f)),
        "gone": ((), lambda f: f == ""),
        "space": ((), lambda f: f.isspace()),
        "dot": ((".",), lambda f: "." in f),
        "paren": (("(",), lambda f: "(" in f),
        "dal": (("د",), lambda f: f == "د"),
        "ha": (("ه",), lambda f: f == "ه"),
        "ta": (("ت",), lambda f: f == "ت"),
        "n": (("n", "N"), lambda f: f in ("n", "N")),
        "d": (("d", "D"), lambda f: f in ("d", "D")),
    }
    members = {k: [re.escape(c) for c in plain] for k, (plain, _) in tests.items()}
    checks = [(members[k], plain, test) for k, (plain, test) in tests.items()]
    passing: dict[str, list[tuple[list[str], tuple[str, ...]]]] = {}  # per distinct fold
    for ch, folded in _block_folds():
        if folded == ch and not ch.isspace():
            # a character clean() leaves alone (most of them) passes no test but the
            # space one: it is no ASCII digit, dot, bracket or letter, and not empty
            # (the Arabic letters it could be are their classes' plain characters)
            continue
        passed = passing.get(folded)
        if passed is None:  # (the tests of each fold once: many characters share one)
            passed = passing[folded] = [(out, plain) for out, plain, test in checks if test(folded)]
        for out, plain in passed:
            if ch not in plain:
                out.append(re.escape(ch))
    c = {k: "[" + "".join(v) + "]" for k, v in members.items()}
    digit, dot = c["digit"], c["dot"]
    gone = c["gone"] + "*"
    space = "(?:\\s|" + c["space"] + "|" + gone[:-1] + ")*"
    return (
        _rx.compile(c["paren"]),
        # four digits, or three and a Hijri era mark ("310هـ")
        _rx.compile(f"{digit}(?:{gone}{digit}){{2}}(?:{gone}{digit}|{space}{c['ha']})"),
        _rx.compile(f"{c['dal']}{space}{dot}{space}{c['ta']}"),
        _rx.compile(f"{c['n']}{space}{dot}{space}{c['d']}"),
    )


def _may_cite(raw: str) -> bool:
    """False when the line cannot hold a parenthetical or narrative citation."""
    paren, year, nd_ar, nd_la = _prefilters()
    if paren.search(raw) is None:
        return False
    return bool(year.search(raw) or nd_ar.search(raw) or nd_la.search(raw))


def _cleaned_view(raw: str) -> tuple[str, list[int] | None]:
    """The line cleaned (digits ASCII; bidi marks, tatweel and harakat dropped;
    presentation forms folded), with each character's offset in the printed line so
    that matches map back to printed columns; ``None`` offsets mean one-to-one."""
    if raw.isascii():
        return raw, None
    table, uneven = _fold_tables()
    if uneven.search(raw) is None:
        return table(raw), None
    # runs that fold one-to-one go through translate; the uneven characters one by one
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in uneven.finditer(raw):
        i = m.start()
        if i > pos:
            chars.append(table(raw[pos:i]))
            offsets.extend(range(pos, i))
        folded = clean(raw[i])
        chars.append(folded)
        offsets.extend([i] * len(folded))
        pos = i + 1
    if pos < len(raw):
        chars.append(table(raw[pos:]))
        offsets.extend(range(pos, len(raw)))
    offsets.append(len(raw))
    return "".join(chars), offsets


def _wrapped(line: str, following: str) -> bool:
    """Does a citation run from ``line`` on to ``following``: a bracket left open at the
    line's end, or the next line opening with the bracket of a year ("(1987)") whose
    author ends the line? (``following`` closes a bracket.)"""
    if ")" not in following:
        return False
    return line.rfind("(") > line.rfind(")") or following.lstrip().startswith("(")


def cites_author_date(text: str) -> bool:
    """Does ``text`` (a footnote, say) hold an author-date citation: ``(حسن، 2015: 45)``,
    ``Hasan et al. (2015)``?"""
    return bool(find_in_text([Line(1, text, clean(text))]))


def find_in_text(lines: Iterable[Line]) -> list[RawInText]:
    """All author-date citations in the given body lines, in reading order (equal
    texts, authors, years and pages: one string, as the records keep them; an article
    cites the same works again and again, and a year is some 50 bytes)."""
    return find_in_lines((ln.number, ln.raw) for ln in lines)


def find_in_lines(lines: Iterable[tuple[int, str]]) -> list[RawInText]:
    """:func:`find_in_text` of lines given as (number, printed line): the extraction
    reads the body's lines from the document's, no :class:`Line` held for each."""
    found: list[RawInText] = []
    shared: dict[str, str] = {}
    one = shared.setdefault
    rows = iter(lines)
    ahead = next(rows, None)
    while ahead is not None:
        number, own_line = ahead
        ahead = next(rows, None)
        # a citation a line wraps ("(التازي،" / "1998)", "Berthier et al." / "(1987)"):
        # the line is read with the next one's head, to its first closing bracket
        raw_line = own_line
        if ahead is not None and ahead[0] == number + 1 and _wrapped(own_line, ahead[1]):
            raw_line = own_line + " " + ahead[1][: ahead[1].find(")") + 1]
        if not _may_cite(raw_line):
            continue
        text, at = _cleaned_view(raw_line)
        # a citation belongs to the line its bracket (a parenthetical) or its author (a
        # narrative) starts on: the next line's are read with that line
        cut = len(own_line) if at is None else bisect_left(at, len(own_line))

        def printed(
            start: int, end: int, raw: str = raw_line, at: list[int] | None = at
        ) -> tuple[int, str]:
            """(printed column, printed text) of the view's span [start, end)."""
            if at is None:
                return start + 1, raw[start:end].strip()
            lo, hi = at[start], at[end - 1] + 1 if end > start else at[start]
            return lo + 1, raw[lo:hi].strip()

        def add(
            start: int,
            end: int,
            author: str,
            year: str,
            page: str | None,
            line: int = number,
            width: int = len(own_line),
        ) -> None:
            """A citation printed at the view's span [start, end)."""
            column, printed_text = printed(start, end)
            if column > width + 1:  # (an item of the bracket printed on the next line)
                line, column = line + 1, column - width - 1
            year = year.strip()
            found.append(
                RawInText(
                    text=one(printed_text, printed_text),
                    line=line,
                    column=column,
                    author=one(author, author),
                    year=one(year, year),
                    page=one(page, page) if page else page,
                )
            )

        taken: list[tuple[int, int]] = []
        for m in _PAREN.finditer(text):
            if m.start() >= cut:
                break
            inner = m.group(1)
            offset = m.start(1)
            pos = 0
            last_author: str | None = None  # the bracket's last author: "(حسن، 2015؛ 2017)"
            for part in re.split(r"[;؛]", inner):
                stripped = part.strip()
                begin = inner.find(stripped, pos) if stripped else pos
                pos = begin + len(stripped)
                alone = _YEAR_ALONE.match(stripped) if last_author else None
                if alone and last_author:
                    page = alone.group("page") or alone.group("bare")
                    here = offset + begin
                    add(here, here + len(stripped), last_author, alone.group("year"), page)
                    continue
                several = _ITEM_YEARS.match(stripped)
                item = several or _ITEM.match(stripped) or _ITEM_ET_AL.match(stripped)
                if not item:
                    continue
                author = _SEE.sub("", item.group("author").strip(), count=1)
                if not _author_ok(author):
                    continue
                # "(انظر: الغامدي وآخرون، ٢٠٢٠)": the citation starts at its author, after
                # the lead-in
                lead = _SEE.match(stripped)
                skip = lead.end() if lead else 0
                start = offset + begin + skip
                author = author.strip()
                last_author = author
                taken.append((m.start(), m.end()))
                if several:
                    # one citation a year: the first with the author, the others the year
                    years_at = offset + begin + several.start("years")
                    for k, y in enumerate(_ONE_YEAR.finditer(several.group("years"))):
                        lo = start if k == 0 else years_at + y.start()
                        add(lo, years_at + y.end(), author, y.group(), None)
                    continue
                page = item.group("page") or item.group("bare")
                add(start, offset + begin + len(stripped), author, item.group("year"), page)
        for m in _NARRATIVE.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            if _ENTRY_DATE.match(text, m.end() - 1) and m.start() < 80:
                continue  # "Smith, J. (2019). Title": an entry printed outside any list
            # the author stands just before the bracket: look back a bounded window
            window_start = max(0, m.start() - _LOOKBACK)
            window = _ET_AL.sub("et al", text[window_start : m.start()])
            before = _CUT.split(window)[-1].split()
            words = _narrative_author(before)
            author = " ".join(words)
            if not words or not _author_ok(author):
                continue
            start = text.rfind(words[0].rstrip("."), window_start, m.start())
            if start >= cut:
                break
            page = m.group("page") or m.group("bare")
            add(start, m.end(), _unglued(author), m.group("year"), page)
    found.sort(key=lambda c: (c.line, c.column))
    return found
