"""Token features for the reference labeler: plain functions of a token and its neighbours.

As in AnyStyle and GROBID, each token is described by what it is (its folded form,
affixes, shape, script, digits), by what stands around it (neighbouring words and
shapes, the punctuation, brackets and quotes it sits in, its place in the reference
and among the separators) and by dictionary hits (bibliographic cue words, and the
lexicons of places, publisher, journal and corporate words and given names). The
lexicons are features here, not decisions: the model weighs them.

The word-level part of a token's features depends on its text only and is memoized.
The tagger is given the features as UTF-8 bytes (:func:`sequence_attributes`), the form
crfsuite reads; :func:`sequence_features` gives the same strings as ``str``.
"""

from __future__ import annotations

import re
import unicodedata  # (imported by text.normalize already: no start-up cost)

from citenorm.extraction.reference.tokens import Token
from citenorm.memo import memo
from citenorm.text import _rx, lexicon
from citenorm.text.normalize import WORD_FEATURE_FOLD
from citenorm.text.patterns import lazy

__all__ = ["CUES", "fold_word", "sequence_attributes", "sequence_features", "word_features"]

_MARKS = _rx.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LATIN_BASE = _rx.compile(r"[\u0300-\u036f]")


def fold_word(word: str) -> str:
    """A comparison form: lowercased, vowel marks and diacritics removed, Arabic letter
    variants folded (``أ إ آ`` -> ``ا``, ``ة`` -> ``ه``, ``ى`` -> ``ي``), ayn/hamza
    signs of romanizations dropped (``Ṭabʻah`` -> ``tabah``)."""
    w = word.lower()
    if not w.isascii():
        w = _MARKS.sub("", w)  # (every mark of the pattern is outside ASCII)
    w = w.translate(WORD_FEATURE_FOLD)
    if not w.isascii() and not _ARABIC.search(w):
        w = _LATIN_BASE.sub("", unicodedata.normalize("NFD", w))
    return w


_ARABIC = _rx.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN = lazy("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _cue_table() -> dict[str, str]:
    # general bibliographic vocabulary (folded with fold_word) -> cue class
    groups = {
        "ED": "ط طبعه الطبعه طبعة ed edn edition editions auflage aufl ed. edicion edizione printing impression "
        "الطبعه_الاولي tabah al-tabah tab",
        "VOL": "مج مجلد المجلد ج جزء الجزء الاجزاء اجزاء vol vols volume volumes bd band tome t "
        "al-mujallad mujallad al-juz juz",
        "ISS": "ع عدد العدد الاعداد no nos issue number nr num heft fasc al-adad adad n",
        "PP": "ص صص صفحه الصفحه pp p pages page s ss seiten",
        "TRANS": "ترجمه تعريب نقله ترجم مترجم translated trans tr transl traduit traduction "
        "ubersetzt tarjamat tarjamah",
        "EDITOR": "تحقيق حققه تح تحق اعداد اعده مراجعه تقديم تعليق شرح تصحيح ضبط جمع اشراف تنسيق "
        "تحرير محرر محررون edited editor editors eds hrsg herausgegeben dir "
        "tahqiq ed. compiled",
        "THESIS": "رساله اطروحه ماجستير دكتوراه دكتوراة ماجيستير thesis dissertation phd "
        "ma msc mphil doctoral master masters these",
        "UNPUB": "منشوره منشور unpublished",
        "CONF": "مؤتمر موتمر ندوه الندوه الموتمر ملتقي الملتقي ورشه conference symposium "
        "proceedings congress colloque colloquium workshop meeting",
        "PRESENTED": "مقدم مقدمه قدم presented paper بحث ورقه",
        "IN": "في ضمن in dans im en",
        "ACCESS": "الاطلاع الزياره الدخول الاسترجاع accessed retrieved visited consulte",
        "AVAIL": "متاح متوفر available online الرابط الموقع link url",
        "NODATE": "د.ت دت بدون nd s.d sd",
        "HIJRI": "هـ ه h ah",
        "GREG": "م m ad ce",
        "MONTH": "يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر "
        "كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين محرم صفر ربيع جمادي رجب "
        "شعبان رمضان شوال القعده الحجه january february march april may june july "
        "august september october november december jan feb mar apr jun jul aug sep "
        "sept oct nov dec janvier fevrier mars avril mai juin juillet aout septembre "
        "octobre novembre decembre",
        "AND": "و and et und y e &",
        "ETAL": "واخرون وآخرون al et_al",
        "SERIES": "سلسله series serie collection reihe silsilat silsilah",
        "NEWS": "جريده صحيفه newspaper",
        "LAW": "قانون مرسوم قرار نظام law decree act",
        "REPORT": "تقرير report",
        "WEB": "موقع website web site",
        "PUBVERB": "نشر طبع منشورات published publishing press",
    }
    table: dict[str, str] = {}
    for cls, words in groups.items():
        for w in words.split():
            table.setdefault(fold_word(w), cls)
    return table


CUES: dict[str, str] = _cue_table()
"""Folded bibliographic cue words -> cue class (``ED``, ``VOL``, ``ISS``, ``PP``...)."""


_ARABIC_WORD = _rx.compile("[\u0621-\u064a\u0671-\u06d3]+")
_ASCII_CASE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "X" * 26 + "x" * 26
)
_CASE_RUNS = _rx.compile(r"(X|x)\1+")


def _group1(m: re.Match[str]) -> str:
    return m[1]  # (a function: a template costs re a Python call on every sub)


def _shape(word: str) -> str:
    # the two common words, without a pattern per character: all Arabic letters ("a"),
    # all ASCII letters (runs of "X" and "x")
    if _ARABIC_WORD.fullmatch(word):
        return "a"
    if word.isascii() and word.isalpha():
        # the common cases without the pattern: "x", "X", "Xx"
        if word.islower():
            return "x"
        if word.isupper():
            return "X"
        if word.istitle():
            return "Xx"
        return _CASE_RUNS.sub(_group1, word.translate(_ASCII_CASE))[:6]
    out: list[str] = []
    for ch in word:
        if ch.isdigit():
            c = "d"
        elif _ARABIC.match(ch):
            c = "a"
        elif ch.isalpha():
            c = "X" if ch.isupper() else "x"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def _number_features(word: str) -> list[str]:
    n = int(word)
    f = [f"digits={min(len(word), 5)}"]
    if len(word) == 4:
        if 1800 <= n <= 2030:
            f.append("yearG")
        elif 1000 <= n <= 1799:
            f.append("yearOld")
        if 1250 <= n <= 1450:
            f.append("yearH")
    elif len(word) <= 3:
        f.append("small" if n <= 60 else "mid")
    return f


def word_features(word: str) -> tuple[str, ...]:
    """Features of a token that depend on its text alone."""
    return tuple(a.decode() for a in _word_info(word)[0])


_Analysis = tuple[tuple[str, ...], str | None, str, str, tuple[str, ...]]


def _analyse(word: str) -> _Analysis:
    """:func:`word_features`; the word's place key (``lexicon.fold_key(word,
    articles=True)``) when its look-ups computed it (else ``None``); its shape and cue
    class (as in the features: ``shape=`` and ``cue=``, ``?`` and ``""`` without one);
    and the features its segment reads of it (``sh:`` + its cue, lexicon hits, ``num``
    or ``url``, in the features' order)."""
    if word.startswith(("http", "www.", "WWW.", "HTTP")):
        return ("url", "shape=url"), None, "url", "", ("sh:url",)
    if word.startswith("10.") and "/" in word:
        return ("doi", "shape=doi"), None, "doi", "", ()
    first = word[0]
    if first.isdigit():
        return ("num", "shape=d", *_number_features(word)), None, "d", "", ("sh:num",)
    if not (first.isalpha() or _MARKS.match(first)):
        return (f"p={word}", "punct"), None, "?", "", ()
    w = fold_word(word)
    arabic = bool(_ARABIC.search(word))
    shape = _shape(word)
    f = [f"w={w}", f"shape={shape}", "ar" if arabic else "lat"]
    n = len(w)
    f.append(f"len={min(n, 6)}")
    if n > 3:
        f.append(f"s3={w[-3:]}")
        f.append(f"p3={w[:3]}")
        f.append(f"s2={w[-2:]}")
    if arabic:
        # clitics and the article: "وال", "بال", "لل", "ال"; a bare stem
        for pre in _AR_PREFIXES.get(w[:1], ()):
            if w.startswith(pre) and n > len(pre) + 2:
                f.append(f"pre={pre}")
                stem = w[len(pre) :]
                f.append(f"stem={stem}")
                break
    else:
        if first.isupper():
            f.append("cap")
            if n == 1:
                f.append("initial")
            elif word.isupper():
                f.append("allcaps")
        if w.startswith(("al-", "el-", "al ", "ad-", "ar-", "as-", "ash-", "at-", "an-")):
            f.append("pre=al")
    cue = CUES.get(w)
    if cue is None and arabic and w.startswith(("و", "ب", "ل")) and n > 3:
        cue = CUES.get(w[1:])
    head: list[str] = []
    if cue:
        f.append(f"cue={cue}")
        head.append(f"sh:cue={cue}")
    hits, key = _lexicon_hits(word)
    f.extend(hits)
    head.extend(["sh:" + h for h in hits])
    return tuple(f), key, shape, cue or "", tuple(head)


# clitics and the article by their first letter, in the order they are tried: "وال",
# "بال", "لل", "ال", "و", "ب", "ل"
_AR_PREFIXES = {"و": ("وال", "و"), "ب": ("بال", "ب"), "ل": ("لل", "ل"), "ا": ("ال",)}


@memo(None)
def _word_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The lexicon's publisher, journal and corporate words (read through the module's
    lazy attributes once, not three times per word)."""
    return lexicon.PUBLISHER_WORDS, lexicon.JOURNAL_WORDS, lexicon.CORPORATE_WORDS


def _lexicon_hits(word: str) -> tuple[list[str], str | None]:
    """Which lexicons know the word (its lookup forms: without the article, without
    attached clitics), read the way the lexicons' own lookups read one word; and its
    place key, when the look-ups computed it (:func:`lexicon.word_lookups`: the word
    folded once for all of them)."""
    sequences, place, key, given = lexicon.word_lookups(word)
    forms = {form for seq in sequences for w in seq for form in w}
    publisher, journal, corporate = _word_lists()
    out = []
    if place:
        out.append("lex=place")
    if not forms.isdisjoint(publisher):
        out.append("lex=pub")
    if not forms.isdisjoint(journal):
        out.append("lex=journal")
    if not forms.isdisjoint(corporate):
        out.append("lex=corp")
    if given:
        out.append("lex=given")
    return out, key


@memo(None)
def _place_heads() -> frozenset[str]:
    """First words of the lexicon's places of several words (folded as the lexicon does)."""
    return frozenset(key.split()[0] for key in lexicon.PLACES if " " in key)


@memo(4096)
def _place_head(word: str) -> bool:
    """Does a place of several words start with ``word``?"""
    return _starts_place(lexicon.fold_key(word, articles=True))


def _starts_place(key: str) -> bool:
    """Does a place of several words start with the first word of this place key?"""
    return bool(key) and key.split()[0] in _place_heads()


@memo(2048)
def _segment_place(words: tuple[str, ...]) -> bool:
    if len(words) == 1:
        return b"lex=place" in _word_info(words[0])[0]
    return lexicon.is_place(" ".join(words))


_SEPARATORS = frozenset(",،;؛.:")
_POS = tuple(f"pos={k}".encode() for k in range(10))
_SEG = tuple(f"seg={k}".encode() for k in range(9))
_SEGR = tuple(f"segr={k}".encode() for k in range(9))
_OPEN = {"(": ")", "[": "]", "«": "»", "“": "”"}
_CLOSE = frozenset(")]»”")
_QUOTE = frozenset('"')
_BOUNDARY = _SEPARATORS | frozenset(_OPEN) | _CLOSE  # what segments end at
_SEP_OR_OPEN = _SEPARATORS | frozenset(_OPEN)
_SEP_OR_CLOSE = _SEPARATORS | _CLOSE
_BRACKETS_AND_QUOTES = frozenset('()[]"«“»”')
# a segment's length in words (4 and more: "segw=4-6" or "segw=7+")
_SEGW = (b"segw=0", b"segw=1", b"segw=2", b"segw=3", b"segw=4-6")
# the separator or bracket before and after a token
_PREVSEP = {w: b"prevsep=" + w.encode() for w in ("BOS", *_SEP_OR_OPEN)}
_NEXTSEP = {w: b"nextsep=" + w.encode() for w in ("EOS", *_SEP_OR_CLOSE)}


def _key(word: str, wf: tuple[str, ...]) -> str:
    """The neighbour form of a token (``wf``: its features): its folded word, or a class
    for numbers."""
    head = wf[0]
    if head == "num":
        return "NUM4" if len(word) == 4 else "NUM"
    if head.startswith("w="):
        return head[2:]
    return head


@memo(8192)
def _word_info(
    word: str,
) -> tuple[
    tuple[bytes, ...],
    bytes,
    bytes,
    bytes,
    tuple[bytes, ...],
    bool,
    bool,
    tuple[bytes, ...],
    tuple[bytes, ...],
    bytes,
    bytes,
    bytes,
]:
    """A token's features and what its neighbours and its segment read of them: its
    key, shape, cue class, segment-head features, whether it is a word, and whether a
    place of several words starts with it; then the features it gives the token after
    it (``-1:k=``, ``-1:sh=``, ``-1:cue=``) and before it (``1:k=`` ...), two tokens
    after and before it (``-2:k=``, ``2:k=``) and the head of the pair feature of the
    token after it (``-1:k=KEY|k=``); the strings as crfsuite reads them (UTF-8: the
    tagger encodes every ``str`` attribute again), built once per word, not per token."""
    wf, place_key, shape, cue, head = _analyse(word)
    key = _key(word, wf).encode()
    sh = shape.encode()
    cu = cue.encode()
    before = b"-1:k=" + key
    return (
        tuple([f.encode() for f in wf]),
        key,
        sh,
        cu,
        tuple([h.encode() for h in head]),
        len(wf) > 2 and wf[2] in ("ar", "lat"),
        _starts_place(place_key) if place_key is not None else _place_head(word),
        (before, b"-1:sh=" + sh, b"-1:cue=" + cu) if cu else (before, b"-1:sh=" + sh),
        (b"1:k=" + key, b"1:sh=" + sh, b"1:cue=" + cu) if cu else (b"1:k=" + key, b"1:sh=" + sh),
        b"-2:k=" + key,
        b"2:k=" + key,
        before + b"|k=",
    )


def sequence_features(tokens: list[Token]) -> list[list[str]]:
    """Feature lists (crfsuite attribute names) for every token of one reference."""
    return [[a.decode() for a in f] for f in sequence_attributes(tokens)]


def sequence_attributes(tokens: list[Token]) -> list[list[bytes]]:
    """:func:`sequence_features` as the tagger reads them: UTF-8 bytes, which crfsuite
    takes as they are (a ``str`` is encoded on every call: ~18% of the tagging)."""
    n = len(tokens)
    if n == 0:
        return []
    words = [t.text for t in tokens]
    infos = [_word_info(w) for w in words]
    wfs = [i[0] for i in infos]
    keys = [i[1] for i in infos]
    is_word = [i[5] for i in infos]
    # two-word places ("New York", "الدار البيضاء"), each pair of neighbours read once
    # (most words start no place of two words: one set lookup instead of a place parse)
    pair = [
        (is_word[i] or is_word[i + 1])
        and infos[i][6]
        and lexicon.is_place(f"{words[i]} {words[i + 1]}")
        for i in range(n - 1)
    ]

    # separators before each token; the last separator (or opening bracket) before it;
    # whether it sits in brackets (1) or quotes (2)
    seps_before = [0] * n
    prevsep = [_PREVSEP["BOS"]] * n
    segstart = [False] * n
    inside = [0] * n
    count = 0
    last_sep = -1
    last_word = "BOS"
    depth = 0
    quote = False
    guillemet = 0
    has_quote = False
    for i, w in enumerate(words):
        seps_before[i] = count
        prevsep[i] = _PREVSEP[last_word]
        segstart[i] = last_sep >= 0 and i - last_sep <= 2
        if w in _SEP_OR_OPEN:
            if w in _SEPARATORS:
                count += 1
            last_sep = i
            last_word = w
        if w in _BRACKETS_AND_QUOTES:
            if w in ("(", "["):
                depth += 1
                inside[i] = 1 | (2 if quote or guillemet else 0)
            elif w in (")", "]"):
                inside[i] = (1 if depth else 0) | (2 if quote or guillemet else 0)
                depth = max(0, depth - 1)
            elif w in _QUOTE:
                quote = not quote
                has_quote = True
                inside[i] = (1 if depth else 0) | 2
            elif w in ("«", "“"):
                guillemet += 1
                has_quote = True
                inside[i] = (1 if depth else 0) | 2
            else:  # "»", "”"
                inside[i] = (1 if depth else 0) | (2 if quote or guillemet else 0)
                guillemet = max(0, guillemet - 1)
        elif depth or quote or guillemet:
            inside[i] = (1 if depth else 0) | (2 if quote or guillemet else 0)
    total_seps = count
    nextsep = [_NEXTSEP["EOS"]] * n
    next_word = "EOS"
    for i in range(n - 1, -1, -1):
        nextsep[i] = _NEXTSEP[next_word]
        w = words[i]
        if w in _SEP_OR_CLOSE:
            next_word = w
    has_paren = "(" in words
    first_colon = words.index(":") if ":" in words else -1
    first_period = words.index(".") if "." in words else -1
    # (a word's script is its third feature; no other feature reads "ar" or "lat")
    scripts = [wf[2] for wf, word in zip(wfs, is_word, strict=True) if word]
    n_ar = scripts.count(b"ar")
    n_lat = scripts.count(b"lat")
    ref = b"ref=ar" if n_ar * 2 >= n_ar + n_lat else b"ref=lat"
    # segments between separators and brackets: what their first word is, their length,
    # whether the whole segment names a place ("دار النهضة، القاهرة، ط2")
    seg_feats: list[list[bytes]] = [[]] * n  # (read, never changed)
    start = 0
    for i in [*(i for i, w in enumerate(words) if w in _BOUNDARY), n]:
        if i > start:
            # every token of the segment counts, punctuation too: the model was trained
            # with a test that kept the tokens whose first feature is "punct" out, and no
            # token's is (a punctuation mark's first feature is "p=" and the mark)
            feats = list(infos[start][4])
            nw = i - start
            if nw <= 4:
                feats.append(_SEGW[nw])
                if _segment_place(tuple(words[start:i])):
                    feats.append(b"segplace")
            else:
                feats.append(b"segw=4-6" if nw <= 6 else b"segw=7+")
            seg_feats[start:i] = [feats] * nw
        start = i + 1
    # the features of each token, in the order the model was trained with (each one
    # string per token, or a constant string list added as a whole)
    common = [ref]
    if has_quote:
        common.append(b"refquote")
    if has_paren:
        common.append(b"refparen")
    # "beforecolon"/"aftercolon", "beforeperiod"/"afterperiod" (none without one)
    colon = (
        [b"beforecolon"] * first_colon + [b"aftercolon"] * (n - first_colon)
        if first_colon >= 0
        else None
    )
    period = (
        [b"beforeperiod"] * first_period + [b"afterperiod"] * (n - first_period)
        if first_period >= 0
        else None
    )

    out: list[list[bytes]] = []
    for i in range(n):
        f = [*wfs[i], *common, *seg_feats[i], _POS[i * 10 // n]]
        if i == 0:
            f.append(b"first")
        elif i == n - 1:
            f.append(b"last")
        sb = seps_before[i]
        f.append(_SEG[sb if sb < 8 else 8])
        after = total_seps - sb
        f.append(_SEGR[after if after < 8 else 8])
        where = inside[i]
        if where:
            if where & 1:
                f.append(b"inparen")
            if where & 2:
                f.append(b"inquote")
        if colon is not None:
            f.append(colon[i])
        if period is not None:
            f.append(period[i])
        # neighbours
        if i >= 2:
            f.append(infos[i - 2][9])  # "-2:k="
        if i >= 1:
            before = infos[i - 1]
            f += before[7]  # "-1:k=", "-1:sh=", "-1:cue="
            f.append(before[11] + keys[i])  # "-1:k=A|k=B"
            if tokens[i - 1].end == tokens[i].start:
                f.append(b"glued")  # "ط2", "ع5", "1988م"
        else:
            f += (b"-1:edge", b"-1:k=BOS|k=" + keys[0])
        if i + 1 < n:
            f += infos[i + 1][8]  # "1:k=", "1:sh=", "1:cue="
            if i + 2 < n:
                f.append(infos[i + 2][10])  # "2:k="
        else:
            f.append(b"1:edge")
        f.append(prevsep[i])
        if segstart[i]:
            f.append(b"segstart")
        f.append(nextsep[i])
        # two-word places ("New York", "الدار البيضاء")
        if is_word[i] and ((i + 1 < n and pair[i]) or (i > 0 and pair[i - 1])):
            f.append(b"lex=place2")
        out.append(f)
    return out
