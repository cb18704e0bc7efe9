"""Named, commented regular expressions used by the extractors.

All patterns run on text passed through :func:`citenorm.text.normalize.clean` (ASCII digits,
no tatweel or bidi marks). Every pattern is linear: no nested quantifiers over the same
characters, so that hostile input cannot make them backtrack catastrophically.
"""

from __future__ import annotations

import re
from typing import Any, cast

from citenorm.text import _rx


class _Lazy:
    """A pattern compiled on first use: its attributes are those of ``re.compile(pattern,
    flags)``, each read once through :meth:`__getattr__` and then kept on the instance (a
    later ``p.search`` is a plain attribute read). Hashed and compared by identity, as a
    module's pattern constants are (``HINTS`` is keyed by them)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.__dict__["_args"] = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        value = getattr(_rx.compile(*self.__dict__["_args"]), name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return repr(_rx.compile(*self.__dict__["_args"]))


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used: for a module's patterns
    that most articles never reach, so that a cold process does not compile them (the
    same matching; the object is not an ``re.Pattern`` instance: pass it to no ``re``
    function, and test it with nothing but its methods and attributes)."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))


# Numbers of four or five digits (1000 to 99999) are list or footnote numbers only where they
# continue the numbering (999, then 1000): alone, "(2015)" or "2015." is a year. The
# *_LONG patterns below find them; the extractors check the sequence.
LONG_NUMBER = 1000

# --- footnotes -------------------------------------------------------------------------

# "(1) زيدون سلمان محمد ، روسيا..."  "^(١) محمد..."  "(*) باحث في..."  "⁽¹⁾ text" (after NFKC: "(1) text")
FOOTNOTE_LINE = _rx.compile(
    r"^\s*\^?\s*(?:[(（]\s*(?P<num>[0-9]{1,3}|\*{1,3})\s*[)）]|\[\s*(?P<bnum>[0-9]{1,3})\s*\])"
    r"\s*(?:[-–—:.](?![0-9])\s*)?(?P<text>.*)$"
)
# "(1000) ..." : a footnote numbered from 1000 on (see LONG_NUMBER)
FOOTNOTE_LINE_LONG = _rx.compile(
    r"^\s*\^?\s*(?:[(（]\s*(?P<num>[0-9]{4,5})\s*[)）]|\[\s*(?P<bnum>[0-9]{4,5})\s*\])"
    r"\s*(?:[-–—:.](?![0-9])\s*)?(?P<text>.*)$"
)
# "¹ زيدون سلمان محمد ..." (a superscript number, no brackets: runs on the printed line)
SUPERSCRIPT_LINE = _rx.compile(r"^\s*(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,5})\s*(?P<text>\S.*)$")
# body markers "¹", "²³" standing after a word (printed line)
# (the first digit is matched before the look-behind: a pattern that starts with a
# character class is searched for that class, one that starts with a look-behind tries
# every position)
SUPERSCRIPT_MARKER = _rx.compile(r"(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹](?<=\S[⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]{0,4})")
# "1- أحمد زكي، الاقتصاد المصري ..." (an endnote under "الهوامش", numbered like a list;
# four digits: see LONG_NUMBER)
ENDNOTE_LINE = lazy(r"^\s*(?P<num>[0-9]{1,5})\s*[-.)–]\s*(?P<text>\S.*)$")
# "[^12]: ينظر: ..."  (Markdown footnote definition)
MD_FOOTNOTE_DEF = _rx.compile(r"^\s*\[\^(?P<num>[^\]\s]{1,12})\]:\s?(?P<text>.*)$")
# body marker "[^12]" (not a definition "[^12]:")
MD_MARKER = lazy(r"\[\^(?P<num>[^\]\s]{1,12})\](?!:)")
# the last character of a text that ends open (a word, a comma, a colon, an opening
# bracket): a wrapped line continues; match at ``len(text) - 1``, not search (which
# would try every position)
OPEN_END = _rx.compile(r"(?:[^\W\d_]|[,،:;؛(\[/\-–&])$")
# body markers "(1)", "^(1)", "( 12 )", "[3]", "(1000)": 1-4 digits in brackets (a leading
# "^" is left out of the match; the opening bracket comes first so that the scan looks for
# it); a year "(2015)" matches too, but only a footnote of that number claims a marker
BODY_MARKER = _rx.compile(
    r"[(（\[](?:(?<=[(（])\s*(?P<num>[0-9]{1,5})\s*[)）]|(?<=\[)\s*(?P<bnum>[0-9]{1,5})\s*\](?!:))"
)

# op. cit.: "مصدر سبق ذكره"، "المصدر السابق"، "م.س"، "op. cit."
OP_CIT = _rx.compile(
    r"(?:مصدر|مرجع|المصدر|المرجع)\s+(?:سبق|سابق|السابق)(?:\s+ذكره)?|سبق\s+ذكره|"
    r"(?<!\w)م\s*\.\s*س(?:\s*\.)?(?!\w)|\bop\.?\s*cit\b|\bloc\.?\s*cit\b",
    re.IGNORECASE,
)
# ibid.: "المصدر نفسه"، "المرجع نفسه"، "نفس المصدر"، "ibid."
IBID = _rx.compile(
    r"(?:المصدر|المرجع|مصدر|مرجع)\s+(?:نفسه|ذاته|عينه)|نفس\s+(?:المصدر|المرجع)|"
    r"(?<!\w)م\s*\.\s*ن(?:\s*\.)?(?!\w)|\bibid(?:em)?\b",
    re.IGNORECASE,
)
# several works cited in one footnote: "...، ص 3؛ نفسه، ص 5" / "... p. 3; ..." (a
# separator with something after it; the spaces around it are stripped from the parts,
# not matched: a pattern opening with \s* is retried at every space of a run)
CITES_SEPARATOR = lazy(r"[؛;](?=\s*\S)")


def split_cites(text: str) -> list[str]:
    """The works a footnote cites, when it separates several with ``؛``/``;``."""
    if "؛" not in text and ";" not in text:
        return [text] if text.strip() else []
    parts = CITES_SEPARATOR.split(text)
    last = len(parts) - 1
    parts = (
        [
            p.lstrip() if k and k == last else p.rstrip() if not k else p.strip()
            for k, p in enumerate(parts)
        ]
        if last
        else parts
    )
    return [p for p in parts if p.strip()]


# "ينظر:" / "انظر:" / "See" / "Cf." at the start of a footnote
SEE_PREFIX = _rx.compile(
    r"^\s*(?:ينظر|يُنظر|انظر|أنظر|راجع|للمزيد\s+ينظر|see\s+also|see|cf\.?|voir\s+aussi|voir|vgl\.?)"
    r"\s*[:：]?\s*",
    re.IGNORECASE,
)

# "Sourate 46, versets 31 et 32." / "سورة يوسف، الآية 4": a sacred text's chapter and
# verse, which a note cites as it cites a work (no imprint, year or page to tell it by)
SCRIPTURE_VERSE = _rx.compile(
    r"(?:\b(?:sourate|s[uū]rah?)\b|(?<![\u0621-\u064a])سورة)\s*[^\s,،.:;]+[\s,،.:;]+.{0,30}?"
    r"(?:\b(?:versets?|verses?|[aā]y[aā][ht])\b|(?:ال)?[آا]ي(?:ة|ات))\s*[0-9\u0660-\u0669]",
    re.IGNORECASE,
)

# --- lists -----------------------------------------------------------------------------

# "12. ", "١٢- ", "3) ", "[4] " at the start of an entry (digits already ASCII); a number
# glued by "-", "." or "–" to another number is a range or a decimal, not a list number
# ("58-59، 1989م" on a wrapped entry's next line), and one followed by a comma is a
# series number that a wrapped entry carried over ("(3)، دار النشر، 2001م.")
LIST_NUMBER = _rx.compile(
    r"^\s*(?:\[(?P<n1>[0-9]{1,3})\]|\((?P<n4>[0-9]{1,3})\)|"
    r"(?P<n2>[0-9]{1,3})\s*(?:[-.–](?![0-9])|\))|"
    r"(?P<n3>[0-9]{1,3})\s*\.\s*-)\s*(?=[^\s,،;؛])"
)
# "1000. " ...: a list number from 1000 on (see LONG_NUMBER)
LIST_NUMBER_LONG = _rx.compile(
    r"^\s*(?:\[(?P<n1>[0-9]{4,5})\]|\((?P<n4>[0-9]{4,5})\)|"
    r"(?P<n2>[0-9]{4,5})\s*(?:[-.–](?![0-9])|\))|"
    r"(?P<n3>[0-9]{4,5})\s*\.\s*-)\s*(?=[^\s,،;؛])"
)
# "• ", "- ", "* ", "▪ " bullets (a "- " followed by a digit is a negative number, not a bullet;
# a "*" glued to a word opens Markdown emphasis: "*Title*" on a wrapped entry's next line)
BULLET = _rx.compile(r"^\s*(?:[•●▪◦·\-–]\s*|\*(?:\s+|$))(?![0-9])")
# Markdown heading marks, bold/italic marks
MD_DECOR = _rx.compile(r"^\s*#{1,6}\s*|\*\*|__")
# ordinal openers of sub-sections: "أولاً :"، "ثانياً-"، "First:"، "A."
ORDINAL = _rx.compile(
    r"^\s*(?:(?:أولا|اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)[ًٌ]?|"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:ly)?|"
    r"[A-H]|[IVX]{1,4})\s*[:.\-–)]\s*",
    re.IGNORECASE,
)

# --- fields ----------------------------------------------------------------------------

# "<https://2u.pw/E8E1XNUA>", "www.site.org/x"
URL = _rx.compile(r"<?(?P<url>(?:https?://|www\.)[^\s<>\"]+)>?", re.IGNORECASE)
# "10.1000/xyz123", "doi:10.1000/xyz"
DOI = _rx.compile(
    r"(?:doi\s*:\s*|https?://(?:dx\.)?doi\.org/)?(?P<doi>10\.[0-9]{4,9}/[^\s<>\"،,]+)",
    re.IGNORECASE,
)
# access date after a URL: "22/12/2024", "23/12 /2024", "25/ 12/ 2024", "2024-12-22"
DMY = _rx.compile(
    r"(?P<d>[0-9](?<![0-9][0-9])[0-9]?)\s*[/.\-]\s*(?P<m>[0-9]{1,2})\s*[/.\-]\s*(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])"
)
ISO_DATE = lazy(r"(?P<y>[0-9](?<![0-9][0-9])[0-9]{3})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})(?![0-9])")
# "تاريخ الزيارة: ..."، "accessed ..."، "retrieved ..."
ACCESS_WORDS = lazy(
    r"(?:تاريخ\s+(?:الزيارة|الدخول|الاطلاع|الاسترجاع)|تمت\s+الزيارة|accessed(?:\s+on)?|retrieved(?:\s+on)?|visited(?:\s+on)?)\s*(?:في|:|on)?\s*",
    re.IGNORECASE,
)
# "متاح على الرابط الاتي :" / "available at:" (dropped)
AVAILABLE_AT = lazy(
    r"(?:متاح|متوفر)\s+(?:على|عبر|في)(?:\s+(?:الرابط|الموقع))?(?:\s+(?:الاتي|الآتي|التالي))?\s*:?|"
    r"(?:available\s+(?:at|from|online)|online\s+at)\s*:?",
    re.IGNORECASE,
)
# pages: "ص ٢٦٨-٢٦٩", "ص ص 12-14", "صص.12", "p. 4", "pp. 10-12", "ص ١١٨ و ١٧٥"
PAGES = _rx.compile(
    r"(?<![\w])(?:ص\s*ص|صص|ص|pp|p|pages?)\s*(?:\.\s*)?(?::\s*)?"
    r"(?P<page>[0-9]{1,5}(?:\s*[-–]\s*[0-9]{1,5})?(?:\s*(?:و|،|,|and|&)\s*[0-9]{1,5}(?:\s*[-–]\s*[0-9]{1,5})?)*)(?![0-9])",
    re.IGNORECASE,
)
# APA journal tail: "Journal of Education, 12(2), 45–67" / "مجلة العلوم، 27(3)، 115-140"
APA_JOURNAL = lazy(
    r"(?P<vol>[0-9](?<![0-9][0-9])[0-9]{0,3})\s*\(\s*(?P<iss>[0-9]{1,4}(?:\s*[-–/]\s*[0-9]{1,4})?)\s*\)"
    r"(?:\s*[,،]\s*(?P<page>[0-9]{1,5}(?:\s*[-–]\s*[0-9]{1,5})?))?(?![0-9])"
)
# volume: "المجلد ٣٨", "مج 2", "Vol. 20", "al-Mujallad 3"
VOLUME = lazy(
    r"(?<![\w])(?:المجلد|مجلد|مج|vol|volume|al-mujallad|mujallad)\s*(?:\.\s*)?(?::\s*)?(?P<num>[0-9]{1,4})(?![0-9])",
    re.IGNORECASE,
)
# issue: "العدد ٥٨", "ع 3", "No. 85", "Issue 2", "al-ʿAdad 3"
ISSUE = _rx.compile(
    r"(?<![\w])(?:العدد|عدد|ع|no|issue|number|n°|al-adad|al-ʻadad|al-ʿadad)\s*(?:\.\s*)?(?::\s*)?(?P<num>[0-9]{1,5}(?:\s*[-/]\s*[0-9]{1,5})?)(?![0-9])",
    re.IGNORECASE,
)
_ORD_AR = (
    r"(?:(?:ال)?(?:أولى|اولى|أولي|ثانية|ثانيه|ثالثة|ثالثه|رابعة|خامسة|سادسة|سابعة|ثامنة|تاسعة|عاشرة)"
    r"|جديدة|مزيدة|منقحة)"
    r"(?:\s*[،,]?\s*و?(?:ال)?(?:منقحة|مزيدة|مكملة|جديدة|كاملة|مصححة|موسعة))*"
)
_ORD_EN = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|new|revised|[0-9]{1,2}(?:st|nd|rd|th))"
# al-Ṭabʻah / Ṭabʻa / Tabʼah (the ending is required: "Sharikat Ṭabʻ al-Kutub" is a name)
_TAB = r"(?:al-)?(?:ṭ|t)ab(?:[ʻʿ'‘’ʼ`])?(?:ah|a)"
# edition: "ط ١"، "ط.2"، "الطبعة الثانية"، "الطبعة 2"، "Edition 1"، "2nd ed."، "al-Ṭabʻah al-thāniyah"، "Chāp-i 1"
EDITION = _rx.compile(
    r"(?<![\w])(?:"
    r"(?:الطبعة|طبعة|ط)\s*(?:\.\s*)?(?P<ar>[0-9]{1,2}|" + _ORD_AR + r")"
    r"|(?:edition|ed)\s*(?:\.\s*)?(?P<en1>[0-9]{1,2})(?![0-9])"
    r"|(?P<fr>[0-9]{1,2})\s*(?:e|ème|eme|re|ère|er)\s+[ée]d(?:ition|\.)?"
    r"|(?P<en2>" + _ORD_EN + r")\s+ed(?:ition|\.)?"
    r"|" + _TAB + r"\s+(?P<rom>[0-9]{1,2}|(?:al-)?[\w‘ʻʿ'’ʼá]+"
    r"(?:[\s,،]+(?:wa-)?(?:al-)?(?:munaqqa[hḥ]ah|jad[iī]dah|k[aā]milah|maz[iī]dah|mukammalah|mu[sṣ]a[hḥ]{1,2}a[hḥ]ah)){0,3})"
    r"|(?:ch[aā]p-i|چاپ)\s+(?P<fa>[0-9]{1,2})"
    r")(?![\w])",
    re.IGNORECASE,
)
# "[in Arabic]", "(in Arabic)", "[بالعربية]": language notes, dropped
LANGUAGE_NOTE = lazy(r"[\[(]\s*(?:in\s+[A-Z][a-z]+|بالل?غ?ة?\s*\S+|بال\S+ية)\s*[\])]")
# Patterns that must not start inside a number check the character before their first
# digit after matching it ("[0-9](?<![0-9][0-9])" rather than "(?<![0-9])[0-9]"): a
# pattern that starts with a character class is searched for that class, while one that
# starts with a look-behind is tried at every position (three times slower on articles).

# a year: 1000-2099 standing alone
YEAR = _rx.compile(r"(?P<y>[12](?<![0-9][12])(?:(?<=1)[0-9]{3}|(?<=2)0[0-9]{2}))(?![0-9])")
# Hijri/Gregorian pairs: "1322 هـ / 1904 م", "1302/1884", "1365 H. = 1946 M."
HIJRI_PAIR = _rx.compile(
    r"(?P<h>1(?<![0-9]1)[0-4][0-9]{2})\s*(?:(?:هـ|ه|ھ|H\.?|AH|A\.H\.)\s*)?(?:\.\s*)?[/=]\s*(?P<g>1[5-9][0-9]{2}|20[0-9]{2})(?![0-9])\s*(?:م|M\.?|AD|CE|A\.D\.)?(?![\w])",
)
# "1365 هـ" alone
HIJRI_ONLY = _rx.compile(r"(?P<h>1(?<![0-9]1)[0-4][0-9]{2})\s*(?:هـ|ه|H\.|AH|A\.H\.)(?![\w])")
# "no date": "د.ت", "د. ت.", "بدون تاريخ", "دون تاريخ طبع", "بلا تاريخ", "n.d."
NO_DATE = lazy(r"(?<!\w)(?:د\s*\.\s*ت|(?:ب?دون|بلا)\s+تاريخ|n\.\s*d)\s*\.?", re.IGNORECASE)
# theses: "رسالة ماجستير"، "أطروحة دكتوراه"، "master's thesis", "PhD dissertation", "Thèse de
# Doctorat"
THESIS = _rx.compile(
    r"(?<!\w)(?:(?:رسالة|رساله)\s+(?:ماجستير|دكتوراه|دكتوراة|جامعية|دبلوم)|"
    r"(?:أطروحة|اطروحة|اطروحه|أطروحه)(?:\s+(?:دكتوراه|دكتوراة|ماجستير|جامعية))?)(?!\w)|"
    r"(?:(?:unpublished|published)\s+)?(?:master'?s?|ma|m\.a\.|phd|ph\.d\.|doctoral|doctorate)\s*(?:'s)?\s*(?:thesis|dissertation)|"
    r"\b(?:thesis|dissertation)\b|"
    # "Thèse de Doctorat", "Thèse de 3ème Cycle", "Tesis doctoral"
    r"\bthèse(?:\s+de\s+(?:doctorat|3[èe]me\s+cycle))?(?!\w)|\btesis(?:\s+doctoral)?\b",
    re.IGNORECASE,
)
# publication status: "(غير منشورة)"، "منشورة"، "unpublished", "published"
STATUS = _rx.compile(r"(?:غير\s+منشور[ةه]?|منشور[ةه]|\bunpublished\b|\bpublished\b)", re.IGNORECASE)
# "et al." / "وآخرون" / "[وآخرون]"
ET_AL = lazy(r"\[?\s*(?:و\s*آخرون|وآخرون|واخرون|وآخرين|واخرين|et\s+al\.?)\s*\]?", re.IGNORECASE)
# APA date after the author: "... (1950). Title" / "(1357 هـ / 1938 م)." / "(د.ت)."
APA_DATE = lazy(
    r"\(\s*(?P<date>(?:1[0-9]{3}|20[0-9]{2})(?:\s*(?:هـ|ه|H\.?))?(?:\s*[/=]\s*(?:1[0-9]{3}|20[0-9]{2})\s*(?:م|M\.?)?)?[a-z]?|د\s*\.\s*ت\s*\.?|n\.\s*d\.?)\s*\)\s*\.?"
)


# --- hints: cheap necessary conditions for the costlier patterns ------------------------


class Hint:
    """A cheap necessary condition for a costlier pattern: one of ``words`` is in the
    lowercased text, or one of the patterns ``rx`` (each starting with a literal or a
    character class, which the regular-expression engine searches for quickly) matches.

    The field patterns open with a look-behind and an alternation of keywords, which
    the engine tries at every position; most references hold none of the keywords.
    """

    __slots__ = ("rx", "words")

    def __init__(self, *words: str, rx: tuple[str, ...] = ()) -> None:
        self.words = words
        self.rx = tuple(_rx.compile(r) for r in rx)

    def __call__(self, text: str, low: str | None = None) -> bool:
        """Could ``pattern`` match ``text``? ``low``: a lowercased text holding at least
        the words of ``text`` (the text before blanking will do)."""
        if self.words:
            if low is None:
                low = text.lower()
            for w in self.words:
                if w in low:
                    return True
        for rx in self.rx:  # noqa: SIM110 (a loop: any() with a generator is slower here)
            if rx.search(text) is not None:
                return True
        return False


UNPUBLISHED = lazy(r"غير\s+منشور|unpublished", re.IGNORECASE)
# a hint may accept text its pattern rejects, never the reverse (tests/test_properties.py)
HINTS: dict[re.Pattern[str], Hint] = {
    DOI: Hint("10."),
    URL: Hint("http", "www."),
    # "ص ١٢"، "صص ١٢"، "p. 4"، "pp. 10-12"، "pages 3"
    PAGES: Hint("pp", "page", rx=(r"ص[\sص.:]*[0-9]", r"[pP][\s.:]*[0-9]")),
    # "مج 2" (the lone letters only before a number: مجلة is a common word)
    VOLUME: Hint("مجلد", "vol", "mujallad", rx=(r"مج[\s.:]*[0-9]",)),
    # "ع ٣", "No. 5" (the lone letter ع, and "no", only before a number)
    ISSUE: Hint(
        "عدد",
        "issue",
        "number",
        "adad",
        rx=(r"ع[\s.:]*[0-9]", r"[nN](?<!\w[nN])[oO°][\s.:]*[0-9]"),
    ),
    # "الطبعة"، "ط ٢"، "ط. الثانية"، "2nd ed."، "Edition 3"، "2e éd."، "al-Ṭabʻah"، "Chāp-i 2"
    EDITION: Hint(
        "طبع",
        "ṭab",
        "tab",
        "چاپ",
        "chap",
        "chāp",
        rx=(
            r"ط[\s.]*(?:[0-9]|ال|[أا]ول|ثان|ثال|راب|خام|ساد|ساب|ثام|تاس|عاش|جديد|مزيد|منقح)",
            r"[eEéÉ](?<!\w[eEéÉ])[dD]",
        ),
    ),
    THESIS: Hint("رسال", "طروح", "thes", "thè", "tesis", "diss"),
    STATUS: Hint("منشور", "published"),
    APA_JOURNAL: Hint(rx=(r"[0-9]\s*\(",)),
    LANGUAGE_NOTE: Hint(rx=(r"[\[(]\s*(?:in\s|بال)",)),
    AVAILABLE_AT: Hint("متاح", "متوفر", "available", "online"),
    NO_DATE: Hint("تاريخ", "n.", rx=(r"د\s*\.",)),
    UNPUBLISHED: Hint("منشور", "unpublished"),
    # "مصدر سبق ذكره"، "المصدر السابق"، "م.س"، "op. cit."، "loc. cit."
    OP_CIT: Hint("سبق", "سابق", "cit", rx=(r"م\s*\.\s*س",)),
    # "المصدر نفسه"، "نفس المرجع"، "المصدر ذاته"، "م.ن"، "ibid."
    IBID: Hint("نفس", "ذات", "عين", "ibid", rx=(r"م\s*\.\s*ن",)),
    # "1322 هـ / 1904 م", "1302/1884", "1365 H. = 1946 M."
    HIJRI_PAIR: Hint("/", "="),
    # "1365 هـ", "1365 H.", "1365 AH"
    HIJRI_ONLY: Hint("ه", rx=(r"H\.", r"AH", r"A\.H\.")),
    ACCESS_WORDS: Hint("تاريخ", "الزيارة", "accessed", "retrieved", "visited"),
}


def search(pattern: re.Pattern[str], text: str, low: str | None = None) -> re.Match[str] | None:
    """``pattern.search(text)``, skipped when the pattern's hint rules a match out.
    ``low``: a lowercased copy of ``text`` (or of the text it was blanked from)."""
    hint = HINTS.get(pattern)  # (inline, not a shared helper: this is the hot path)
    if hint is not None and not hint(text, low):
        return None
    return pattern.search(text)


def finditer(pattern: re.Pattern[str], text: str, low: str | None = None) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``, skipped as :func:`search` is."""
    hint = HINTS.get(pattern)
    if hint is not None and not hint(text, low):
        return []
    return list(pattern.finditer(text))
