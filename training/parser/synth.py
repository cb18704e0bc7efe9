"""Synthetic labelled references rendered from real catalogue records.

Each record of ``aco-train.jsonl`` (Arabic Collections Online: every field in Arabic
script and in ALA-LC) is rendered as a reference in one of many house styles, in Arabic
script or romanized: the comma style of Iraqi and Gulf journals with a bracketed imprint,
the period style of ACRPS/Chicago lists, APA author-date with plain or quoted titles,
the ``Author: Title`` style of Egyptian and Saudi books and journals, ``Surname
(Given)``, title-first classical editions with ``تحقيق`` and Hijri/Gregorian dates,
Chicago notes; and as every type that real lists hold: books, journal articles,
chapters, theses, conference papers, translations, reports, laws, newspapers and web
pages. Records give the real vocabulary (names, titles, places, publishers, series);
journal, conference and site names are composed from the same records' words and the
institution names they hold. Noise follows real printing: missing slots, doubled or
missing separators, Arabic-Indic digits, ``،``/``,`` spacing, honorifics, death dates
after names.

A reference is a list of ``(label, text)`` chunks; separators are chunks of the label
before them (AnyStyle's convention), opening brackets and quotes belong to what follows.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

Chunk = tuple[str, str]

_BIDI = re.compile("[\u200e\u200f\u202a-\u202e]")
_TRAIL = " /:;,.=،؛"
_DATES_IN_NAME = re.compile(r"[،,]\s*[^،,]*[0-9٠-٩][^،,]*$")
_AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    v = _BIDI.sub("", value)
    v = " ".join(v.split())
    v = v.strip(_TRAIL + " []")
    v = re.sub(r"\s+:\s+", ": ", v)
    v = re.sub(r"\s*/\s*$", "", v)
    if not v or "s.n" in v or "s.l" in v or "publisher" in v.lower() or "place" in v.lower():
        return None
    if "[" in v or "]" in v:
        v = v.replace("[", "").replace("]", "").strip()
    return v or None


class Record:
    """One catalogue record's fields in one script, cleaned of catalogue punctuation."""

    def __init__(self, raw: dict[str, str | None], script: str) -> None:
        key = "arabic" if script == "arabic" else "romanized"
        self.script = script
        author = _clean(raw.get(f"author_{key}"))
        if author:
            while _DATES_IN_NAME.search(author):
                author = _DATES_IN_NAME.sub("", author).strip(_TRAIL)
        self.author = author or None
        sor = _clean(raw.get(f"statement_of_responsibility_{key}")) or ""
        if self.author and script == "arabic" and "،" in self.author:
            fam, rest = self.author.split("،", 1)
            fam = fam.strip()
            for w in sor.split():
                w = w.strip(_TRAIL)
                if w.startswith("ال") and w[2:] == fam and len(fam) > 2:
                    self.author = f"{w}،{rest}"
                    break
        self.title = _clean(raw.get(f"title_{key}"))
        self.place = _clean(raw.get(f"place_{key}"))
        if self.place and (":" in self.place or len(self.place.split()) > 4):
            self.place = self.place.split(":")[0].strip() or None
        self.publisher = _clean(raw.get(f"publisher_{key}"))
        self.edition = _clean(raw.get(f"edition_{key}"))
        self.series = _clean(raw.get(f"series_{key}"))
        self.container: str | None = None
        date = raw.get("date_romanized") or ""
        years = re.findall(r"(?<![0-9])(1[0-9]{3}|20[0-2][0-9])(?![0-9])", date)
        self.hijri: int | None = None
        self.year: int | None = None
        for y in years:
            n = int(y)
            if ("H" in date or "هـ" in date) and 1200 <= n <= 1450 and self.hijri is None:
                self.hijri = n
            elif 1500 <= n <= 2030 and self.year is None:
                self.year = n
        if self.year is None and self.hijri is None and years:
            n = int(years[0])
            if 1500 <= n <= 2030:
                self.year = n

    def family_given(self) -> tuple[str, str | None] | None:
        """(family, given) of a personal author; None for none; (literal, None) corporate."""
        if not self.author:
            return None
        parts = re.split(r"\s*[,،]\s*", self.author, maxsplit=1)
        if len(parts) == 2 and parts[1]:
            return parts[0], parts[1]
        return self.author, None


def load_records(path: Path) -> list[dict[str, str | None]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


# --- vocabulary composed from the records --------------------------------------------

_AR_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون_الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين_الأول",
    "تشرين_الثاني",
    "كانون_الأول",
]
_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_AR_ORD = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة"]
_AR_ORD_M = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن"]
_EN_ORD = ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th"]
_FACULTIES_AR = [
    "كلية الآداب",
    "كلية التربية",
    "كلية العلوم السياسية",
    "كلية الشريعة",
    "كلية الحقوق",
    "كلية العلوم الإنسانية والاجتماعية",
    "كلية الاقتصاد",
    "كلية الدراسات العليا",
    "معهد البحوث والدراسات العربية",
    "قسم التاريخ",
    "قسم اللغة العربية",
]
_FACULTIES_LA = [
    "Kullīyat al-Ādāb",
    "Kullīyat al-Tarbiyah",
    "Faculty of Arts",
    "Department of History",
    "College of Education",
    "Kulliyat al-Shariah",
]
_AR_ROLE_TRANS = [
    "ترجمة",
    "ترجمة:",
    "تعريب",
    "نقله إلى العربية",
    "ترجمة وتقديم",
    "ترجمه إلى العربية",
    "ترجم بإشراف:",
    "ترجمة د.",
    "ترجمه عن الإنجليزية",
    "ترجمة عن الفرنسية:",
    "مترجم:",
    "نقله إلى العربية وعلق عليه:",
    "تعريب:",
    "ترجمة وتعليق:",
]
_AR_ROLE_ED = [
    "تحقيق",
    "تحقيق:",
    "تحقيق وتعليق",
    "تحقيق وشرح",
    "إعداد",
    "تقديم",
    "مراجعة",
    "ضبط وتصحيح",
    "اعتنى به",
    "حققه",
    "تح:",
    "نشر",
    "نشر وتحقيق",
    "تحرير",
    "نقحه وقدم له",
    "بتصحيح",
    "عني بنشره",
    "اعتنى بتصحيحه",
    "جمع ونشر",
    "تحقيق د.",
    "بعناية",
    "شرح وتعليق",
    "تقديم وتحقيق",
    "قرأه وعلق عليه:",
    "صححه وضبطه",
    "شرح وتحقيق",
    "دراسة وتحقيق:",
    "تعليق:",
    "جمع:",
    "وضع حواشيه:",
    "مراجعة:",
    "تقديم:",
    "قدم له وعلق عليه:",
    "استخرجه وصححه",
    "المحقق:",
    "بإشراف:",
    "تخريج ودراسة:",
    "ضبط وتحقيق وتعليق",
    "مقابلة وتصحيح",
    "نشر وتعليق:",
    "أكمله:",
    "عرض وتلخيص",
    "راجعه",
    "تلخيص",
    "توثيق",
    "تحرير:",
    "إعداد:",
]
_LA_ROLE_TRANS = [
    "trans.",
    "translated by",
    "tr.",
    "tarjamat",
    "Translated by",
    "tr. from French by",
    "translated from the French by",
    "trans. & edited by",
    "Translated from Arabic by",
]
_LA_ROLE_ED = [
    "ed.",
    "edited by",
    "taḥqīq",
    "Edited by",
    "ed. by",
    "edited and introduced by",
    "edited with an introduction by",
    "Illustrated by",
    "with an introduction by",
    "taḥqīq wa-taʻlīq",
]


class Vocab:
    """Names of journals, newspapers, conferences, sites, universities and people,
    composed from the records."""

    def __init__(self, records: list[dict[str, str | None]], rng: random.Random) -> None:
        self.ar = [Record(r, "arabic") for r in records]
        self.la = [Record(r, "latin") for r in records]
        self.rng = rng
        inst_words_ar = (
            "جامعة",
            "كلية",
            "معهد",
            "مركز",
            "المجمع",
            "مجمع",
            "الجمعية",
            "جمعية",
            "وزارة",
            "المعهد",
            "المركز",
        )
        inst_words_la = (
            "Jāmiʻat",
            "Kullīyat",
            "Maʻhad",
            "Markaz",
            "Majmaʻ",
            "Jamʻīyat",
            "Wizārat",
            "University",
            "Institute",
        )
        self.inst_ar = sorted(
            {
                r.publisher
                for r in self.ar
                if r.publisher and r.publisher.split()[0] in inst_words_ar
            }
        )
        self.inst_la = sorted(
            {
                r.publisher
                for r in self.la
                if r.publisher and r.publisher.split()[0] in inst_words_la
            }
        )
        self.titles_ar = [r.title for r in self.ar if r.title]
        self.titles_la = [r.title for r in self.la if r.title]
        self.persons_ar = [r.family_given() for r in self.ar if r.author and "،" in r.author]
        self.persons_la = [r.family_given() for r in self.la if r.author and "," in r.author]
        self.places_ar = sorted({r.place for r in self.ar if r.place})
        self.places_la = sorted({r.place for r in self.la if r.place})
        self.publishers_foreign: list[str] = []  # AnyStyle's, set by build.py

    def fragment(self, script: str, lo: int = 1, hi: int = 3) -> str:
        titles = self.titles_ar if script == "arabic" else self.titles_la
        words = self.rng.choice(titles).replace(":", " ").split()
        n = self.rng.randint(lo, hi)
        start = self.rng.randint(0, max(0, len(words) - n))
        return " ".join(words[start : start + n]).strip(_TRAIL)

    def journal(self, script: str) -> str:
        r = self.rng.random()
        if script == "arabic":
            if r < 0.35 and self.inst_ar:
                return "مجلة " + self.rng.choice(self.inst_ar)
            if r < 0.75:
                return self.rng.choice(
                    ["مجلة ", "مجلة ", "المجلة ", "حولية ", "دورية ", "مجلة دراسات "]
                ) + self.fragment(script, 1, 3)
            if r < 0.87:
                return self.rng.choice(
                    ["المجلة العربية ل", "المجلة المصرية ل", "مجلة العلوم "]
                ) + self.fragment(script, 1, 2)
            return self.fragment(script, 2, 3)
        if r < 0.35 and self.inst_la:
            return "Majallat " + self.rng.choice(self.inst_la)
        if r < 0.75:
            return self.rng.choice(
                ["Majallat ", "al-Majallah ", "Ḥawlīyat ", "Majallat Dirāsāt "]
            ) + self.fragment(script, 1, 3)
        if r < 0.87:
            return self.rng.choice(["Journal of ", "Review of ", "Studies in "]) + self.fragment(
                script, 1, 2
            )
        return self.fragment(script, 2, 3)

    def publisher(self, script: str) -> str:
        """A publisher's name of the kinds modern lists print: a house, a centre, a
        network, a council, an institute ("المركز الثقافي العربي", "دار الساقي")."""
        r = self.rng.random()
        if script == "arabic":
            head = self.rng.choice(
                [
                    "دار",
                    "دار",
                    "مكتبة",
                    "مؤسسة",
                    "المؤسسة العربية",
                    "مركز",
                    "المركز",
                    "منشورات",
                    "الهيئة المصرية العامة",
                    "الهيئة العامة",
                    "المجلس الوطني",
                    "المعهد",
                    "الشبكة العربية",
                    "المنظمة العربية",
                    "شركة",
                    "الدار",
                    "بيت",
                    "وكالة",
                    "الأهلية",
                    "مطابع",
                ]
            )
            tail = self.rng.choice(
                [
                    "للنشر والتوزيع",
                    "للطباعة والنشر",
                    "للدراسات والنشر",
                    "للأبحاث والنشر",
                    "للكتاب",
                    "للترجمة",
                    "للثقافة والفنون",
                    "",
                ]
            )
            body = self.fragment(script, 1, 2)
            if r < 0.4:
                return f"{head} {body}"
            if r < 0.7:
                return f"{head} {tail}".strip() if tail else f"{head} {body}"
            return f"{head} {body} {tail}".strip()
        head = self.rng.choice(
            ["Dār", "Maktabat", "Muʼassasat", "Markaz", "Manshūrāt", "al-Hayʼah al-ʻĀmmah"]
        )
        return f"{head} {self.fragment(script, 1, 2)}"

    def newspaper(self, script: str) -> str:
        if script == "arabic":
            return self.rng.choice(["جريدة ", "صحيفة ", ""]) + self.fragment(script, 1, 2)
        return self.rng.choice(["Jarīdat ", "Ṣaḥīfat ", ""]) + self.fragment(script, 1, 2)

    def conference(self, script: str) -> str:
        if script == "arabic":
            head = self.rng.choice(
                [
                    "مؤتمر ",
                    "المؤتمر العلمي الدولي ",
                    "ندوة ",
                    "الندوة الدولية ",
                    "الملتقى الوطني ",
                    "المؤتمر السنوي الثالث ل",
                ]
            )
        else:
            head = self.rng.choice(
                [
                    "Muʼtamar ",
                    "Nadwat ",
                    "International Conference on ",
                    "Proceedings of the Conference on ",
                ]
            )
        return head + self.fragment(script, 1, 4)

    def university(self, script: str) -> str:
        insts = self.inst_ar if script == "arabic" else self.inst_la
        uni = [i for i in insts if i.split()[0] in ("جامعة", "Jāmiʻat", "University")]
        return self.rng.choice(uni or insts)

    def person(self, script: str, *, inverted: bool) -> str:
        persons = self.persons_ar if script == "arabic" else self.persons_la
        fam_given = self.rng.choice(persons)
        assert fam_given is not None
        fam, given = fam_given
        if inverted or not given:
            sep = "، " if script == "arabic" else ", "
            return f"{fam}{sep}{given}" if given else fam
        return direct_name(fam, given, script)

    def site(self, script: str) -> str:
        if script == "arabic":
            return self.rng.choice(["موقع ", "موقع ", "شبكة ", "بوابة "]) + self.fragment(
                script, 1, 2
            )
        return self.rng.choice(["", "Mawqiʻ ", "Website of "]) + self.fragment(script, 1, 2)

    def url(self) -> str:
        letters = "abcdefghijklmnopqrstuvwxyz"
        host = "".join(self.rng.choice(letters) for _ in range(self.rng.randint(4, 10)))
        tld = self.rng.choice([".com", ".org", ".net", ".gov.iq", ".edu.sa", ".ac.uk", ".info"])
        path = "/".join(
            "".join(self.rng.choice(letters + "0123456789") for _ in range(self.rng.randint(3, 9)))
            for _ in range(self.rng.randint(0, 3))
        )
        scheme = self.rng.choice(["https://", "http://", "https://www.", "www."])
        return scheme + host + tld + ("/" + path if path else "")


def direct_name(family: str, given: str, script: str) -> str:
    """``Family، Given`` as printed in reading order: ``Given alFamily``."""
    return f"{given} {family}"


# --- rendering helpers ---------------------------------------------------------------


class Builder:
    """Chunks of one reference; separators take the label of the chunk before them."""

    def __init__(self, rng: random.Random, script: str) -> None:
        self.rng = rng
        self.script = script
        self.chunks: list[Chunk] = []
        self.comma = "، " if script == "arabic" else ", "

    def add(self, label: str, text: str | None) -> None:
        if text:
            self.chunks.append((label, text))

    def sep(self, text: str) -> None:
        if self.chunks:
            label = self.chunks[-1][0]
            self.chunks.append((label, text))

    def c(self) -> None:
        self.sep(self.comma)

    def p(self) -> None:
        self.sep(". ")


def _num(rng: random.Random, lo: int, hi: int) -> str:
    return str(rng.randint(lo, hi))


def _pages(rng: random.Random) -> str:
    a = rng.randint(1, 600)
    if rng.random() < 0.25:
        return str(a)
    b = a + rng.randint(1, 60)
    return f"{a}{rng.choice(['-', '-', ' - ', '–', '- '])}{b}"


# the era words real Arabic lists print around a year ("سنة 1392 هـ", "1392 للهجرة",
# "1380 هجرى قمرى", "1990 ميلادية"): a year given one of these forms is drawn on a stream
# of its own (set_era_stream), so every other reference stays as it was, byte for byte
_era_stream: random.Random | None = None
_era_rate = 0.0


def set_era_stream(rng: random.Random | None, rate: float) -> None:
    """Give ``rate`` of the Arabic-script years an era word, drawn on ``rng`` (``None``
    or a rate of 0: none, the training data of the model before them)."""
    global _era_stream, _era_rate
    _era_stream, _era_rate = rng, rate


def _era_form(g: int | None, h: int | None, era: random.Random) -> str:
    forms: list[str] = []
    if h:
        forms += [
            f"سنة {h} هـ",
            f"سنة {h}هـ",
            f"{h} للهجرة",
            f"سنة {h} للهجرة",
            f"{h} هجرية",
            f"{h} هجري",
            f"{h} هجرى قمرى",
            f"{h} هـ.ق",
            f"{h - 40} هجرى شمسى",
            f"{h - 40} هـ.ش",
            f"{h} الهجرية",
        ]
    if g:
        forms += [f"{g} ميلادية", f"{g} ميلادي", f"سنة {g}", f"سنة {g}م", f"{g} للميلاد"]
    if h and g:
        forms += [f"{h} للهجرة - {g} للميلاد", f"سنة {h}هـ/{g}م", f"{h} هجرية / {g} ميلادية"]
    return era.choice(forms)


def _year_text(rec: Record, rng: random.Random, script: str) -> str | None:
    text = _year_text_plain(rec, rng, script)
    era = _era_stream
    if (
        text is not None
        and era is not None
        and script == "arabic"
        and (rec.year or rec.hijri)
        and era.random() < _era_rate
    ):
        return _era_form(rec.year, rec.hijri, era)
    return text


def _year_text_plain(rec: Record, rng: random.Random, script: str) -> str | None:
    g, h = rec.year, rec.hijri
    if g is None and h is None:
        return (
            rng.choice(["د.ت", "د. ت", "(د.ت)", "بدون تاريخ"])
            if script == "arabic" and rng.random() < 0.4
            else None
        )
    if script != "arabic":
        if h and g and rng.random() < 0.4:
            return f"{h}/{g}"
        if h and not g:
            return rng.choice([f"{h} H.", f"{h} A.H.", f"{h} AH"])
        return str(g) if g else None
    r = rng.random()
    if h and g and r < 0.5:
        return rng.choice(
            [
                f"{h}هـ/{g}م",
                f"{h} هـ - {g} م",
                f"{h}ه/{g}م",
                f"{h} هـ / {g} م",
                f"{h}ه - {g}م",
                f"{h}/{g}",
            ]
        )
    if h and not g:
        return rng.choice(
            [
                f"{h}هـ",
                f"{h} هـ",
                f"{h}ه",
                f"{h} ه",
                f"{h}ق",
                f"{h} هجري قمري",
                f"{h} هـ.ق",
                f"{h - 40}ش",
                f"{h - 40} هجري شمسي",
            ]
        )
    if g:
        return rng.choice([str(g), str(g), f"{g}م", f"{g} م", f"{g}م"])
    return f"{h}هـ"


def _edition_text(rec: Record, rng: random.Random, script: str) -> str | None:
    if rng.random() < 0.55 and not rec.edition:
        return None
    n = rng.randint(1, 7)
    if script == "arabic":
        if rec.edition and rng.random() < 0.4:
            return rec.edition
        return rng.choice(
            [
                f"ط{n}",
                f"ط {n}",
                f"ط.{n}",
                f"الطبعة {_AR_ORD[n - 1]}",
                f"طبعة {_AR_ORD[n - 1]}",
                "طبعة جديدة",
                "طبعة مصورة",
                "طبعة منقحة",
                f"ط. {n}",
                f"الطبعة {n}",
                f"ط {_AR_ORD[n - 1]}",
            ]
        )
    if rec.edition and rng.random() < 0.4:
        return rec.edition
    words = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh"]
    return rng.choice(
        [
            f"{_EN_ORD[n - 1]} ed.",
            f"{_EN_ORD[n - 1]} edition",
            f"al-Ṭabʻah {n}",
            f"al-Ṭabʻah al-{['ūlá', 'thāniyah', 'thālithah', 'rābiʻah', 'khāmisah', 'sādisah', 'sābiʻah'][n - 1]}",
            f"Ṭabʻah {['ūlá', 'thāniyah', 'thālithah', 'rābiʻah', 'khāmisah', 'sādisah', 'sābiʻah'][n - 1]}",
            "Ṭabʻah jadīdah",
            f"ed. {n}",
            f"{words[n - 1]} Edition",
            f"{words[n - 1].lower()} edition",
            f"{_EN_ORD[n - 1]} printing",
            f"{words[n - 1].lower()} impression",
            f"Ed. {n}",
            f"{n}ed",
        ]
    )


def _honorific(rng: random.Random, script: str) -> str:
    if script == "arabic" and rng.random() < 0.07:
        return rng.choice(["د. ", "د.", "أ.د. ", "الدكتور ", "د/ "])
    if script != "arabic" and rng.random() < 0.03:
        return "Dr. "
    return ""


def _authors(b: Builder, v: Vocab, rec: Record, *, inverted: bool, allow_many: bool = True) -> bool:
    """Add the author chunk(s); False when the record has no author."""
    rng = b.rng
    fg = rec.family_given()
    if fg is None:
        return False
    fam, given = fg
    h = _honorific(rng, b.script)
    if h:
        b.add("other", h)
    single = 0.16 if b.script == "arabic" else 0.08
    if given is None or rng.random() < single:
        b.add("author", fam)
    elif inverted:
        if b.script == "arabic" and rng.random() < 0.06:
            given = rng.choice(["السيد ", "الشيخ ", "الإمام ", "الأب "]) + given
        b.add("author", f"{fam}{b.comma}{given}")
    else:
        b.add("author", direct_name(fam, given, b.script))
    if allow_many and rng.random() < 0.15:
        other = v.person(b.script, inverted=inverted and rng.random() < 0.5)
        if b.script == "arabic":
            joiner = rng.choice([" و", "، و", " و ", "؛ ", "، "])
        else:
            joiner = rng.choice([" and ", ", and ", " & ", "; ", ", "])
        b.add("author", joiner + other)
        if rng.random() < 0.1:
            b.add(
                "author",
                rng.choice([" وآخرون", " وآخرين", " [وآخرون]"])
                if b.script == "arabic"
                else " et al.",
            )
    if rng.random() < 0.05:
        b.add(
            "author" if rng.random() < 0.5 else "note",
            rng.choice([" (محرر)", " (مترجم)", " (إعداد)", " (تحرير)"])
            if b.script == "arabic"
            else rng.choice([" (ed.)", " (eds.)", " (tr.)", " (editor)", " (editors)"]),
        )
    elif rng.random() < 0.12:
        h = rng.randint(100, 1350)
        g = h + 579 + h // 33  # roughly the Gregorian year
        if b.script == "arabic":
            form = rng.choice(
                [
                    f" (ت {h}هـ)",
                    f" (ت{h}ه)",
                    f" (المتوفى {h}هـ)",
                    f" (ت{h}ه/{g}م)",
                    f" ({h}ه/{g}م)",
                    f" (ت. بعد {h}ه)",
                    f" (ت {h} هـ / {g} م)",
                    f" ({h}-{h + 40}هـ)",
                    f" (ت{h}ق)",
                    f" (عاش في القرن {_AR_ORD_M[h % 8]} الهجري)",
                    f" (من علماء ق{h // 100 + 1}ه)",
                    f" (كان حيا سنة {h}ه/{g}م)",
                    f" (توفي في النصف الأول من ق{h // 100 + 1}ه/{g // 100 + 1}م)",
                    f" (ت.ق{h // 100 + 1}ه)",
                    f" (القرن {_AR_ORD_M[h % 8]} الهجري)",
                    f" (المتوفى بعد سنة {h}ه)",
                    f" (عاش في ق{h // 100 + 1}ه/{g // 100 + 1}م)",
                    f" (من كتاب القرن {_AR_ORD_M[h % 8]} الهجري)",
                ]
            )
        else:
            form = rng.choice(
                [f" (d. {h} A.H.)", f" (d. {g})", f" ({g}-{g + 50})", f" (d. {h}/{g})"]
            )
        b.add("note", form)
    elif b.script == "arabic" and rng.random() < 0.03:
        b.add("note", rng.choice([" (دكتور)", " (الدكتور)"]))
    return True


def _title(b: Builder, rec: Record, *, quoted: bool = False, italic: bool = False) -> None:
    t = rec.title or ""
    words = t.split()
    if len(words) > 3 and b.rng.random() < 0.06:
        # one- and two-word titles ("الحيوان", "Spinoza"): the title is not always the
        # longest segment of the entry
        t = " ".join(words[: b.rng.randint(1, 2)]).strip(_TRAIL)
    if ": " in t and b.rng.random() < 0.25:
        t = t.replace(": ", b.comma, 1)
    if quoted:
        q = b.rng.choice(['"', '"', "«", "“"]) if b.script == "arabic" else b.rng.choice(['"', "“"])
        close = {"«": "»", "“": "”"}.get(q, '"')
        b.add("title", f"{q}{t}{close}")
    elif italic:
        b.add("title", f"*{t}*")
    else:
        b.add("title", t)


def _imprint_paren(b: Builder, rec: Record, year: str | None) -> None:
    """``(Publisher، Place، Year)`` in any order the Iraqi/Gulf styles use."""
    rng = b.rng
    b.add("other", " (" if b.chunks else "(")
    order = rng.choice(
        [
            ["publisher", "place", "date"],
            ["place", "publisher", "date"],
            ["place:publisher", "date"],
        ]
    )
    parts: list[Chunk] = []
    for slot in order:
        if slot == "publisher" and rec.publisher:
            parts.append(("publisher", rec.publisher))
        elif slot == "place" and rec.place:
            parts.append(("place", rec.place))
        elif slot == "date" and year:
            parts.append(("date", year.strip("()")))
        elif slot == "place:publisher":
            if rec.place:
                parts.append(("place", rec.place + ": "))
            if rec.publisher:
                parts.append(("publisher", rec.publisher))
    for i, (label, text) in enumerate(parts):
        b.add(label, text)
        if i < len(parts) - 1 and not text.endswith(": "):
            b.c()
    b.sep(")")


def _imprint_plain(
    b: Builder, rec: Record, year: str | None, *, order: str, ed: str | None = None
) -> None:
    parts: list[Chunk] = []
    for slot in order.split(","):
        if slot == "edition" and ed:
            parts.append(("edition", ed))
        elif slot == "publisher" and rec.publisher:
            parts.append(("publisher", rec.publisher))
        elif slot == "place" and rec.place:
            parts.append(("place", rec.place))
        elif slot == "date" and year:
            parts.append(("date", year))
    for i, (label, text) in enumerate(parts):
        b.add(label, text)
        if i < len(parts) - 1:
            if b.rng.random() < 0.06:
                b.sep(" ")  # a separator left out
            else:
                b.c()


_ORDERS = [
    "publisher,place,date",
    "place,publisher,date",
    "publisher,place,edition,date",
    "publisher,edition,date",
    "edition,publisher,place,date",
    "place,publisher,edition,date",
    "publisher,date",
    "publisher,place,date,edition",
    "place,date",
    "edition,place,publisher,date",
]


# --- templates ---------------------------------------------------------------------


def book(b: Builder, v: Vocab, rec: Record) -> None:
    rng = b.rng
    s = b.script
    year = _year_text(rec, rng, s)
    ed = _edition_text(rec, rng, s)
    style = rng.choice(
        [
            "comma_paren",
            "comma",
            "period",
            "apa",
            "colon",
            "colon",
            "surname_paren",
            "title_first",
            "note",
        ]
    )
    if s == "arabic" and rec.publisher and rng.random() < 0.3:
        rec.publisher = v.publisher(s)
    if style == "surname_paren" and s != "arabic":
        style = "comma"
    if style in ("apa", "period") and rng.random() < 0.1 and not isinstance(rec, ForeignRecord):
        rec.author = None  # an anonymous work, a law, a dictionary: the title comes first
    translator = rng.random() < 0.22
    editor = not translator and rng.random() < 0.2

    def role(table: list[str]) -> None:
        b.c()
        cue = rng.choice(table)
        b.add("editor", cue + ("" if cue.endswith(" ") else " ") + v.person(s, inverted=False))
        if rng.random() < 0.1:  # two people in one statement
            b.add("editor", rng.choice(["، ", " و"] if s == "arabic" else [", ", " and "]))
            b.add("editor", v.person(s, inverted=False))

    def roles() -> None:
        if translator:
            role(_AR_ROLE_TRANS if s == "arabic" else _LA_ROLE_TRANS)
        elif editor:
            role(_AR_ROLE_ED if s == "arabic" else _LA_ROLE_ED)
        if (translator or editor) and rng.random() < 0.15:  # a second statement
            role(_AR_ROLE_ED if s == "arabic" else _LA_ROLE_ED)

    def part() -> None:
        if rng.random() < 0.2:
            b.c()
            n = rng.randint(1, 8)
            b.add(
                "volume",
                rng.choice(
                    [
                        f"ج{n}",
                        f"الجزء {_AR_ORD_M[n - 1]}",
                        f"ج {n}",
                        f"مج {n}",
                        f"المجلد {_AR_ORD_M[n - 1]}",
                        f"{n} ج",
                        "جزآن",
                        "جزءان",
                        f"{n + 2} أجزاء",
                        f"{n + 2} مجلدات",
                        f"مجلد {n}، ج{n + 1}",
                        f"المجلد {_AR_ORD_M[n - 1]} عشر",
                        f"القسم {_AR_ORD_M[n - 1]}",
                        f"قسم {n}",
                    ]
                )
                if s == "arabic"
                else rng.choice(
                    [
                        f"vol. {n}",
                        f"Vol. {n}",
                        f"v. {n}",
                        f"{n} vols",
                        f"{n + 1} Vols.",
                        f"Vol. {'I' * min(n, 3)}",
                        f"Vol. I - {'I' * min(n + 1, 3)}",
                        f"Band {n}",
                        f"Volume {n}",
                        f"al-Juzʼ {n}",
                    ]
                ),
            )

    def series() -> None:
        if rng.random() < 0.04:
            b.c()
            b.add("collection", v.fragment(s, 2, 3))  # a series named without a cue word
            return
        name = rec.series
        if not name and rng.random() < 0.08:
            name = v.fragment(s, 1, 3)
        if name and rng.random() < 0.35:
            b.c()
            r = rng.random()
            num = f" {rng.randint(1, 400)}" if rng.random() < 0.3 else ""
            if r < 0.4:
                b.add("collection", f"({name}{num})")
            elif r < 0.55 and s == "arabic":
                b.add("collection", f"سلسلة {name}، رقم {rng.randint(1, 400)}")
            else:
                b.add(
                    "collection",
                    rng.choice(
                        ["سلسلة ", "سلسلة ", "من سلسلة "]
                        if s == "arabic"
                        else ["Silsilat ", "Series ", "Collection "]
                    )
                    + name
                    + num,
                )

    if style == "comma_paren":
        _authors(b, v, rec, inverted=rng.random() < 0.6)
        b.c()
        _title(b, rec, quoted=rng.random() < 0.1)
        roles()
        if ed:
            b.c()
            b.add("edition", ed)
        series()
        _imprint_paren(b, rec, year)
        if rng.random() < 0.3:
            b.c()
            b.add("pages", ("ص " if s == "arabic" else "p. ") + _pages(rng))
        b.sep(".")
    elif style == "comma":
        has_a = _authors(b, v, rec, inverted=rng.random() < 0.6)
        if has_a:
            b.c()
        _title(b, rec)
        roles()
        part()
        if ed and rng.random() < 0.3:
            b.c()
            b.add("edition", ed)
            ed = None
        series()
        b.c()
        _imprint_plain(b, rec, year, order=rng.choice(_ORDERS), ed=ed)
        b.sep(rng.choice([".", ".", ""]))
    elif style == "period":
        if _authors(b, v, rec, inverted=True):
            b.p()
        _title(b, rec, italic=rng.random() < 0.2)
        if translator or editor:
            b.p()
            b.add(
                "editor",
                (
                    rng.choice(_AR_ROLE_TRANS if translator else _AR_ROLE_ED)
                    if s == "arabic"
                    else rng.choice(_LA_ROLE_TRANS if translator else _LA_ROLE_ED)
                )
                + " "
                + v.person(s, inverted=False),
            )
        if ed:
            b.p()
            if rng.random() < 0.3:
                ed += rng.choice(
                    ["، منقحة ومزيدة", " مزيدة ومنقحة", " جديدة منقحة", "، مصححة"]
                    if s == "arabic"
                    else [
                        ", munaqqaḥah wa-mazīdah",
                        " mukammalah",
                        ", revised and enlarged",
                        " jadīdah munaqqaḥah",
                    ]
                )
            b.add("edition", ed)
        b.p()
        if rec.place:
            b.add("place", rec.place)
            b.sep(": ")
        if rec.publisher:
            b.add("publisher", rec.publisher)
            b.c()
        if year:
            b.add("date", year)
        b.sep(".")
    elif style == "apa":
        if _authors(b, v, rec, inverted=True):
            if year:
                b.add("date", f" ({year.strip('()')})")
            b.sep(". ")
            _title(b, rec, italic=rng.random() < 0.3, quoted=rng.random() < 0.1)
        else:  # "Title. (Year)." - APA's form for a work without an author
            _title(b, rec, italic=rng.random() < 0.3)
            if year:
                b.sep(". ")
                b.add("date", f"({year.strip('()')})")
        if ed and rng.random() < 0.4:
            b.p()
            b.add("edition", ed)
        elif ed:
            b.add("edition", f" ({ed})")
        roles()
        b.p()
        if rec.place:
            b.add("place", rec.place)
            b.sep(": ")
        if rec.publisher:
            b.add("publisher", rec.publisher)
        b.sep(".")
    elif style == "colon":
        if not _authors(b, v, rec, inverted=rng.random() < 0.5, allow_many=True):
            pass
        else:
            b.sep(rng.choice([": ", ": ", " : ", ":"]))
        _title(b, rec)
        part()
        roles()
        if ed and rng.random() < 0.2:
            b.c()
            b.add("edition", ed)
            ed = None
        series()
        b.c()
        _imprint_plain(b, rec, year, order=rng.choice(_ORDERS), ed=ed)
        b.sep(rng.choice([".", ""]))
    elif style == "surname_paren":
        fg = rec.family_given()
        if fg and fg[1]:
            b.add("author", f"{fg[0]} ({fg[1]})")
            b.sep(rng.choice([": ", ": ", " "]))
        elif fg:
            b.add("author", fg[0])
            b.sep(": ")
        _title(b, rec)
        roles()
        b.c()
        _imprint_plain(b, rec, year, order=rng.choice(_ORDERS), ed=ed)
        b.sep(".")
    elif style == "title_first":
        _title(b, rec)
        fg = rec.family_given()
        if fg and rng.random() < 0.3:
            b.c()
            b.add("author", direct_name(fg[0], fg[1], s) if fg[1] else fg[0])
        if rng.random() < 0.6:
            b.c()
            b.add(
                "editor",
                (rng.choice(_AR_ROLE_ED) if s == "arabic" else rng.choice(_LA_ROLE_ED))
                + " "
                + v.person(s, inverted=False),
            )
        if rng.random() < 0.3:
            b.c()
            n = rng.randint(1, 8)
            b.add(
                "volume",
                rng.choice([f"ج{n}", f"الجزء {_AR_ORD_M[n - 1]}", f"{n} أجزاء", f"ج {n}"])
                if s == "arabic"
                else f"vol. {n}",
            )
        b.c()
        _imprint_plain(b, rec, year, order=rng.choice(_ORDERS), ed=ed)
        b.sep(".")
    else:  # note: "Given Family, Title (Place: Publisher, Year), p. N."
        if _authors(b, v, rec, inverted=False):
            b.c()
        _title(b, rec, italic=rng.random() < 0.2)
        roles()
        if ed:
            b.c()
            b.add("edition", ed)
        b.add("other", " (")
        if rec.place:
            b.add("place", rec.place)
            b.sep(": ")
        if rec.publisher:
            b.add("publisher", rec.publisher)
            b.c()
        if year:
            b.add("date", year)
        b.sep(")")
        if rng.random() < 0.7:
            b.c()
            b.add(
                "pages",
                (rng.choice(["ص ", "ص", "ص. "]) if s == "arabic" else rng.choice(["p. ", "pp. "]))
                + _pages(rng),
            )
        b.sep(".")


def _vol_issue(b: Builder, style: str) -> None:
    rng = b.rng
    s = b.script
    v_, i_ = _num(rng, 1, 60), _num(rng, 1, 120)
    has_v = rng.random() < 0.7
    has_i = rng.random() < 0.9
    if style == "apa":
        if has_v:
            b.add("volume", v_)
        if has_i:
            b.add("issue", f"({i_})")
        return
    if s == "arabic":
        vt = rng.choice(
            [
                f"المجلد {v_}",
                f"مج {v_}",
                f"مج{v_}",
                f"المجلد ({v_})",
                f"م {v_}",
                f"السنة {v_}",
                f"المجلد {_AR_ORD_M[min(int(v_), 8) - 1]}",
            ]
        )
        it = rng.choice(
            [
                f"العدد {i_}",
                f"ع {i_}",
                f"ع{i_}",
                f"العدد ({i_})",
                f"عدد {i_}",
                f"العدد {i_}",
                f"الجزء {i_}",
            ]
        )
    else:
        vt = rng.choice([f"vol. {v_}", f"Vol. {v_}", f"v. {v_}", f"al-Mujallad {v_}", v_])
        it = rng.choice([f"no. {i_}", f"No. {i_}", f"issue {i_}", f"al-ʻAdad {i_}", f"({i_})"])
    if has_v:
        b.add("volume", vt)
        if has_i:
            b.c() if rng.random() < 0.8 else b.sep(rng.choice([" - ", " "]))
    if has_i:
        b.add("issue", it)
    if s == "arabic" and rng.random() < 0.12:
        b.c()
        b.add(
            "note",
            rng.choice(["السنة ", "السنة "]) + rng.choice([*_AR_ORD_M, str(rng.randint(1, 40))]),
        )


def article(b: Builder, v: Vocab, rec: Record) -> None:
    rng = b.rng
    s = b.script
    journal = rec.container or v.journal(s)
    year = (
        _year_text(rec, rng, s) if rec.year or rng.random() < 0.3 else str(rng.randint(1960, 2024))
    )
    if year and not any(ch.isdigit() for ch in year):
        year = str(rng.randint(1960, 2024))
    style = rng.choice(["comma", "comma", "apa", "colon", "egypt", "period"])
    if style in ("colon", "egypt") and s != "arabic":
        style = "comma"
    pages = _pages(rng) if rng.random() < 0.8 else None
    if style == "apa":
        _authors(b, v, rec, inverted=True)
        b.add("date", f" ({year})")
        b.sep(". ")
        _title(b, rec, quoted=rng.random() < 0.2)
        b.p()
        b.add("container", journal)
        b.c()
        _vol_issue(b, "apa")
        if pages:
            b.c()
            b.add("pages", pages)
        b.sep(".")
        return
    if style == "period":
        if _authors(b, v, rec, inverted=True):
            b.p()
        _title(b, rec, quoted=True)
        b.sep(" ")
        b.add("container", journal)
        b.c()
        _vol_issue(b, "plain")
        b.add("date", f" ({year})")
        if pages:
            b.sep(": " if rng.random() < 0.5 else ", ")
            b.add("pages", pages)
        b.sep(".")
        return
    if style == "egypt":
        # "Name: Title، مجلة X، العدد (33)، 169- 226" / "- ع ٥٦ - عام ١٩٩٦م"
        _authors(b, v, rec, inverted=rng.random() < 0.3)
        b.sep(rng.choice([": ", ": ", "، "]))
        _title(b, rec)
        dash = rng.random() < 0.3
        b.sep(" - " if dash else "، ")
        b.add(
            "container",
            rng.choice(["بحث منشور في ", "منشور في ", "بحث نشر ب", "نشر في "]) + journal
            if rng.random() < 0.2
            else journal,
        )
        b.sep(" - " if dash else "، ")
        _vol_issue(b, "plain")
        b.sep(" - " if dash else "، ")
        b.add(
            "date",
            rng.choice(["", "", "عام ", "سنة ", f"{rng.choice(_AR_MONTHS).replace('_', ' ')} "])
            + (year or ""),
        )
        if pages:
            b.c()
            b.add("pages", rng.choice(["ص ", "ص ص ", "ص", "ص. ", ""]) + pages)
        b.sep(".")
        return
    # comma (Iraqi / Gulf)
    if rng.random() < 0.06:
        # "مجلة X، Title، العدد 44، ...": the journal first
        b.add("container", journal)
        b.c()
        _title(b, rec, quoted=rng.random() < 0.3)
        b.c()
        _vol_issue(b, "plain")
        b.c()
        if rng.random() < 0.4:
            b.add("publisher", v.publisher(s))
            b.c()
        b.add("date", year)
        b.sep(".")
        return
    has_a = _authors(b, v, rec, inverted=rng.random() < 0.6)
    if has_a:
        b.c()
    _title(b, rec, quoted=rng.random() < 0.4)
    b.c()
    if s == "arabic" and rng.random() < 0.2:
        b.add(
            "container",
            rng.choice(
                ["في ", "منشور في ", "في: ", "بحث نشر ب", "بحث منشور في ", "نشر في ", "بحث نشر في "]
            ),
        )
    b.add("container", journal)
    if rng.random() < 0.2 and v.inst_ar:
        b.c()
        b.add("publisher", v.university(s))
    elif s == "arabic" and rng.random() < 0.1:
        b.c()
        b.add("other", rng.choice(["تصدر عن ", "تصدرها ", "يصدرها ", "الصادرة عن "]))
        b.add("publisher", v.publisher(s) if rng.random() < 0.5 else v.university(s))
    b.c()
    if s == "arabic" and rng.random() < 0.1:
        b.add(
            "note",
            "السنة " + rng.choice([*_AR_ORD_M, "التاسعة", "السادسة", "الثانية", "التاسعة عشرة"]),
        )
        b.c()
    _vol_issue(b, "plain")
    b.c()
    if s != "arabic" and rng.random() < 0.35:
        b.chunks[-1] = (b.chunks[-1][0], " ")
        mon = rng.choice(_EN_MONTHS)[:3]
        b.add(
            "date",
            rng.choice(
                [
                    f"({mon}., {year})",
                    f"({mon}. {year})",
                    f"({mon}. {rng.randint(1, 28)}, {year})",
                    f"({rng.choice(['Spring', 'Summer', 'Autumn', 'Winter'])}, {year})",
                    f"({year})",
                ]
            ),
        )
        if v.publishers_foreign and rng.random() < 0.4:
            b.c()
            b.add("publisher", rng.choice(v.publishers_foreign))
    elif rng.random() < 0.5:
        b.add(
            "date",
            (
                f"{rng.choice(_AR_MONTHS).replace('_', ' ')} "
                if s == "arabic"
                else f"{rng.choice(_EN_MONTHS)} "
            )
            + (year or ""),
        )
    else:
        b.add("date", f"({year})" if rng.random() < 0.3 else year)
    if pages:
        b.c()
        b.add(
            "pages",
            (
                rng.choice(["ص ", "ص ص ", "ص", "ص. ", "ص ص. "])
                if s == "arabic"
                else rng.choice(["pp. ", "p. ", ""])
            )
            + pages,
        )
    b.sep(".")


def chapter(b: Builder, v: Vocab, rec: Record) -> None:
    rng = b.rng
    s = b.script
    year = _year_text(rec, rng, s)
    has_a = _authors(b, v, rec, inverted=rng.random() < 0.6)
    if has_a:
        b.c()
    _title(b, rec, quoted=rng.random() < 0.6)
    b.c()
    container = v.fragment(s, 2, 6)
    if s == "arabic":
        b.add(
            "container",
            rng.choice(
                [
                    "في: ",
                    "في ",
                    "ضمن كتاب ",
                    "ضمن: ",
                    "في كتاب ",
                    "ضمن ",
                    "بحث ضمن ",
                    "بحث نشر ب",
                    "من ",
                    "مستل من كتاب ",
                    "ضمن مجموعة ",
                ]
            ),
        )
    else:
        b.add("container", rng.choice(["in ", "In: ", "in: ", "In "]))
    if rng.random() < 0.5:
        ed = v.person(s, inverted=False)
        b.add(
            "editor",
            ed
            + (
                rng.choice([" (محرر)", " (تحرير)", " (إعداد)"])
                if s == "arabic"
                else rng.choice([" (ed.)", " (eds.)", ", ed."])
            ),
        )
        b.c()
    r = rng.random()
    if r < 0.1:
        b.add("container", f"({container})")
    elif r < 0.35:
        q = rng.choice(["«", '"', "“"] if s == "arabic" else ['"', "“", "«"])
        b.add("container", q + container + {"«": "»", "“": "”"}.get(q, '"'))
    else:
        b.add("container", container)
    if rng.random() < 0.4:
        b.c()
        b.add("volume", ("ج" if s == "arabic" else "vol. ") + _num(rng, 1, 6))
    if rng.random() < 0.15:
        b.sep(".")
        return
    b.c()
    if rng.random() < 0.5:
        _imprint_paren(b, rec, year)
    else:
        _imprint_plain(b, rec, year, order="publisher,place,date")
    if rng.random() < 0.7:
        b.c()
        b.add("pages", (rng.choice(["ص ", "ص ص "]) if s == "arabic" else "pp. ") + _pages(rng))
    b.sep(".")


def thesis(b: Builder, v: Vocab, rec: Record) -> None:
    rng = b.rng
    s = b.script
    year = str(rec.year or rng.randint(1970, 2024))
    if s == "arabic":
        year = rng.choice([year, year + "م", year + " م"])
    _authors(b, v, rec, inverted=rng.random() < 0.6, allow_many=False)
    if rng.random() < 0.3:
        b.add("date", f" ({year})")
        b.sep(". ")
        year_done = True
    else:
        b.c()
        year_done = False
    _title(b, rec, quoted=rng.random() < 0.2)
    b.c()
    if s == "arabic":
        genre = rng.choice(
            [
                "رسالة ماجستير",
                "أطروحة دكتوراه",
                "رسالة دكتوراه",
                "رسالة ماجستير غير منشورة",
                "أطروحة دكتوراه غير منشورة",
                "رسالة ماجستير (غير منشورة)",
            ]
        )
        faculty = rng.choice(_FACULTIES_AR)
    else:
        genre = rng.choice(
            [
                "MA thesis",
                "PhD dissertation",
                "Unpublished PhD thesis",
                "Master's thesis",
                "Risālat mājistīr",
                "PhD thesis",
            ]
        )
        faculty = rng.choice(_FACULTIES_LA)
    b.add("genre", genre)
    b.c()
    if rng.random() < 0.6:
        b.add("publisher", faculty)
        b.c()
    b.add("publisher", v.university(s))
    if rng.random() < 0.3 and rec.place:
        b.c()
        b.add("place", rec.place)
    if not year_done:
        b.c()
        b.add("date", year)
    b.sep(".")


def conference(b: Builder, v: Vocab, rec: Record) -> None:
    rng = b.rng
    s = b.script
    year = str(rec.year or rng.randint(1980, 2024))
    _authors(b, v, rec, inverted=rng.random() < 0.6)
    b.sep(rng.choice(["، ", ": "]) if s == "arabic" else ", ")
    _title(b, rec, quoted=rng.random() < 0.4)
    b.c()
    if s == "arabic":
        b.add(
            "genre",
            rng.choice(
                [
                    "بحث مقدم إلى ",
                    "ورقة عمل مقدمة إلى ",
                    "بحث مقدم في ",
                    "ورقة بحثية مقدمة لـ",
                    "بحث منشور في أعمال ",
                ]
            ),
        )
    else:
        b.add(
            "genre",
            rng.choice(["Paper presented at ", "paper presented to the ", "Baḥth muqaddam ilá "]),
        )
    b.add("container", v.conference(s))
    if rng.random() < 0.5:
        b.c()
        b.add("publisher", v.university(s))
    if rec.place and rng.random() < 0.6:
        b.c()
        b.add("place", rec.place)
    b.c()
    if rng.random() < 0.4:
        d = rng.randint(1, 28)
        m = rng.randint(1, 12)
        b.add(
            "date",
            rng.choice(
                [
                    f"{d}-{d + 2} {(_AR_MONTHS if s == 'arabic' else _EN_MONTHS)[m - 1].replace('_', ' ')} {year}",
                    f"{d}/{m}/{year}",
                ]
            ),
        )
    else:
        b.add("date", year)
    if rng.random() < 0.3:
        b.c()
        b.add("pages", ("ص " if s == "arabic" else "pp. ") + _pages(rng))
    b.sep(".")


def newspaper(b: Builder, v: Vocab, rec: Record) -> None:
    rng = b.rng
    s = b.script
    year = str(rec.year or rng.randint(1950, 2024))
    if rng.random() < 0.8:
        _authors(b, v, rec, inverted=rng.random() < 0.5, allow_many=False)
        b.c()
    _title(b, rec, quoted=rng.random() < 0.6)
    b.c()
    b.add("container", v.newspaper(s))
    if rng.random() < 0.4:
        b.c()
        b.add("issue", ("العدد " if s == "arabic" else "no. ") + _num(rng, 100, 20000))
    b.c()
    d = rng.randint(1, 28)
    m = rng.randint(1, 12)
    b.add(
        "date",
        rng.choice(
            [
                f"{d} {(_AR_MONTHS if s == 'arabic' else _EN_MONTHS)[m - 1].replace('_', ' ')} {year}",
                f"{d}/{m}/{year}",
                year,
            ]
        ),
    )
    if rng.random() < 0.3:
        b.c()
        b.add("pages", ("ص " if s == "arabic" else "p. ") + _num(rng, 1, 30))
    b.sep(".")


def web(b: Builder, v: Vocab, rec: Record) -> None:
    rng = b.rng
    s = b.script
    year = str(rec.year or rng.randint(1998, 2024))
    site_first = rng.random() < 0.25
    if site_first:
        b.add("container", v.site(s))
        b.c()
    elif rng.random() < 0.7:
        _authors(b, v, rec, inverted=rng.random() < 0.5)
        b.c()
    _title(b, rec, quoted=rng.random() < 0.4)
    b.c()
    if not site_first and rng.random() < 0.7:
        b.add("container", v.site(s))
        b.c()
    if rng.random() < 0.6:
        b.add("date", year)
        b.c()
    if s == "arabic":
        b.add(
            "other",
            rng.choice(
                [
                    "متاح على: ",
                    "متاح على الرابط: ",
                    "على الرابط: ",
                    "الرابط: ",
                    "",
                    "متاح على الرابط الآتي: ",
                ]
            ),
        )
    else:
        b.add(
            "other",
            rng.choice(["available at: ", "Available at: ", "", "URL: ", "Retrieved from "]),
        )
    b.add("url", v.url())
    if rng.random() < 0.7:
        b.c()
        d, m = rng.randint(1, 28), rng.randint(1, 12)
        y = rng.randint(2010, 2025)
        cue = (
            rng.choice(
                ["تاريخ الاطلاع: ", "تاريخ الزيارة: ", "تم الاطلاع عليه في ", "تاريخ الدخول "]
            )
            if s == "arabic"
            else rng.choice(["accessed ", "Accessed on ", "accessed: ", "viewed "])
        )
        when = rng.choice(
            [
                f"{d}/{m}/{y}",
                f"{d}-{m}-{y}",
                f"{y}-{m:02d}-{d:02d}",
                f"{d} {(_AR_MONTHS if s == 'arabic' else _EN_MONTHS)[m - 1].replace('_', ' ')} {y}",
            ]
        )
        b.add("accessed", cue + when)
    b.sep(rng.choice([".", ""]))


def report(b: Builder, v: Vocab, rec: Record) -> None:
    """Corporate author (a ministry, a university), title, place, year; or a law."""
    rng = b.rng
    s = b.script
    year = str(rec.year or rng.randint(1950, 2024))
    if rng.random() < 0.3 and s == "arabic":
        b.add(
            "title",
            rng.choice(["قانون", "القانون", "نظام", "مرسوم"])
            + f" رقم {_num(rng, 1, 200)} لسنة {year}"
            + (f" {v.fragment(s, 1, 3)}" if rng.random() < 0.5 else ""),
        )
        b.c()
        b.add("container", rng.choice(["الجريدة الرسمية", "الوقائع العراقية", "الجريدة الرسمية"]))
        if rng.random() < 0.5:
            b.c()
            b.add("issue", "العدد " + _num(rng, 100, 5000))
        b.c()
        b.add("date", year)
        b.sep(".")
        return
    corp = v.university(s)
    if s == "arabic" and rng.random() < 0.5:
        corp = rng.choice(
            ["وزارة ", "الهيئة العامة ل", "المركز الوطني ل", "الجهاز المركزي ل"]
        ) + v.fragment(s, 1, 2)
    b.add("author", corp)
    b.sep(rng.choice([". ", "، "]) if s == "arabic" else ". ")
    _title(b, rec)
    b.c()
    if rng.random() < 0.4:
        b.add(
            "genre",
            rng.choice(["تقرير", "التقرير السنوي", "دراسة"])
            if s == "arabic"
            else rng.choice(["Report", "Annual report"]),
        )
        b.c()
    if rec.place:
        b.add("place", rec.place)
        b.c()
    b.add("date", year)
    b.sep(".")


TEMPLATES: list[tuple[Callable[[Builder, Vocab, Record], None], float]] = [
    (book, 0.42),
    (article, 0.22),
    (chapter, 0.08),
    (thesis, 0.07),
    (conference, 0.06),
    (newspaper, 0.04),
    (web, 0.06),
    (report, 0.05),
]


# --- noise --------------------------------------------------------------------------


def noise(chunks: list[Chunk], rng: random.Random, script: str) -> list[Chunk]:
    """Real-list noise, label-preserving."""
    out = list(chunks)
    if script == "arabic" and rng.random() < 0.2:
        out = [(lab, t.translate(_AR_DIGITS)) for lab, t in out]
    if rng.random() < 0.15:
        # comma spacing: "، " -> " ،" / " ، " / "،"
        form = rng.choice([" ،", " ، ", "،", ", ", " , "])
        out = [
            (
                lab,
                t.replace("، ", form)
                if script == "arabic"
                else t.replace(", ", form.replace("،", ",")),
            )
            for lab, t in out
        ]
    if rng.random() < 0.1:
        # a separator dropped or doubled
        idx = [i for i, (_, t) in enumerate(out) if t.strip() in ("،", ",", ".", ":")]
        if idx:
            i = rng.choice(idx)
            lab, t = out[i]
            out[i] = (lab, " " if rng.random() < 0.6 else t + t.strip())
    if script == "arabic" and rng.random() < 0.03:
        out = [(lab, t.replace("ا", "ـا", 1)) for lab, t in out]
    return out


def lead_in(chunks: list[Chunk], rng: random.Random, vocab: Vocab, script: str) -> list[Chunk]:
    """A footnote's words before the reference it cites ("Sur X, voir par exemple",
    "حول كذا انظر:"), labelled ``other``, on a few references."""
    if not chunks or rng.random() >= 0.03:
        return chunks
    frag = vocab.fragment(script, 1, 3)
    if script == "arabic":
        lead = rng.choice(
            [
                "انظر مثلا: ",
                "راجع: ",
                "ينظر: ",
                "للمزيد انظر: ",
                f"حول {frag}، انظر: ",
                f"عن {frag} انظر ",
                "انظر على سبيل المثال: ",
                "نقلا عن: ",
                "انظر أيضا ",
                f"للتوسع في {frag} يراجع: ",
            ]
        )
    else:
        lead = rng.choice(
            [
                "See, for example, ",
                "Cf. ",
                f"On {frag}, see ",
                f"Sur {frag}, voir par exemple ",
                "Voir ",
                "Sur cette question, voir ",
                f"For more on {frag}, see ",
                "See also ",
                "Quoted in ",
            ]
        )
    return [("other", lead), *chunks]


_ED_HEAD = re.compile(r"^(?:in:?\s+|edited\s+by\s+|ed\.\s+by\s+|hrsg\.?\s+v(?:on|\.)\s+)+", re.I)
_ED_TAIL = re.compile(r"[\s,.(]*(?:eds?|editors?|hrsg|dir|éds?)[.)]*[\s,.]*$", re.I)


def _bare_editor(value: str | None) -> str | None:
    """AnyStyle's editor segment ("In J. Smith and K. Lee (Eds.),") -> the names."""
    if not value:
        return None
    v = _ED_TAIL.sub("", _ED_HEAD.sub("", value.strip(" ,.;:"))).strip(" ,.;:()")
    return v if v and len(v.split()) <= 12 else None


class ForeignRecord(Record):
    """The fields of one of AnyStyle's labelled references, to render in the Latin-script
    styles of Arabic lists ("Family, Given, Title, Journal, Vol. 4, No. 3 (Apr., 1922)")."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.script = "latin"
        self.author = fields.get("author")
        self.title = fields.get("title")
        self.place = fields.get("location")
        self.publisher = fields.get("publisher")
        self.edition = None
        self.series = None
        self.container = fields.get("container")
        self.editor = _bare_editor(fields.get("editor"))
        # a book's name ("container-title") or a journal's ("journal")
        self.in_book = fields.get("container_kind") == "book"
        self.hijri = None
        m = re.search(r"(?<![0-9])(1[5-9][0-9]{2}|20[0-2][0-9])(?![0-9])", fields.get("date", ""))
        self.year = int(m.group(1)) if m else None

    def family_given(self) -> tuple[str, str | None] | None:
        if not self.author:
            return None
        # one inverted name ("Cohen, I. Bernard"): family and given, so the styles can
        # print it either way; several names stay as printed
        m = re.fullmatch(r"([^,;&]+?),\s*([^,;&]+)", self.author)
        if m and " and " not in self.author and len(m.group(1).split()) <= 3:
            return m.group(1), m.group(2)
        return self.author, None


def render_record(rng: random.Random, vocab: Vocab, rec: Record, script: str) -> list[Chunk]:
    if not rec.title:
        return []
    funcs, weights = zip(*TEMPLATES, strict=True)
    if isinstance(rec, ForeignRecord):
        func = article if rec.container and rng.random() < 0.8 else book
    else:
        func = rng.choices(funcs, weights=weights)[0]
    b = Builder(rng, script)
    func(b, vocab, rec)
    return noise(lead_in(b.chunks, rng, vocab, script), rng, script)


def render(
    rng: random.Random, vocab: Vocab, raw: dict[str, str | None], script: str
) -> list[Chunk]:
    rec = Record(raw, script)
    if not rec.title:
        return []
    funcs, weights = zip(*TEMPLATES, strict=True)
    func = rng.choices(funcs, weights=weights)[0]
    b = Builder(rng, script)
    func(b, vocab, rec)
    return noise(lead_in(b.chunks, rng, vocab, script), rng, script)


# --- English translations of Arabic references -----------------------------------------
#
# Arabic journals print a translated list next to the original: the Arabic house styles
# with English words ("Family, Given, title, Journal of X, No. 12, College of Y,
# University of Z, Place, Year."). Names are the catalogue's romanizations without their
# diacritics (popular spelling), titles the English titles of AnyStyle's references,
# places the lexicon's English place names, institutions composed from its English terms.

_ASCII = str.maketrans({"ʻ": "", "ʼ": "", "’": "", "‘": "", "ʿ": "", "ʾ": ""})


def popular(text: str) -> str:
    """ALA-LC -> popular spelling: diacritics and ayn/hamza signs dropped."""
    import unicodedata

    s = unicodedata.normalize("NFD", text.translate(_ASCII))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


class English:
    """English vocabulary for translated lists."""

    def __init__(self, vocab: Vocab, foreign: list[ForeignRecord]) -> None:
        from citenorm.text import lexicon

        self.v = vocab
        self.rng = vocab.rng
        self.places = sorted({p for p in lexicon.PLACES.values() if p and p[0].isupper()})
        terms = sorted(set(lexicon.BILINGUAL_TERMS.values()))
        self.fields = [t for t in terms if t[0].islower() and len(t) > 4]
        self.adjs = [t for t in terms if t[0].isupper()]
        self.titles = [
            r.title
            for r in foreign
            if r.title and r.title.isascii() and 3 <= len(r.title.split()) <= 18
        ]

    def place(self) -> str:
        return self.rng.choice(self.places)

    def topic(self) -> str:
        f = self.rng.sample(self.fields, 2)
        return self.rng.choice(
            [f"{f[0]}", f"{f[0]} and {f[1]}", f"{self.rng.choice(self.adjs)} {f[0]}"]
        )

    def university(self) -> str:
        p = self.place()
        return self.rng.choice(
            [
                f"University of {p}",
                f"{p} University",
                f"University of {p}",
                f"{self.rng.choice(self.adjs)} University",
            ]
        )

    def college(self) -> str:
        return (
            self.rng.choice(
                ["College of ", "Faculty of ", "faculty of ", "college of ", "Institute of "]
            )
            + self.topic()
        )

    def journal(self) -> str:
        t = self.topic()
        return self.rng.choice(
            [
                f"Journal of {t}",
                f"journal of {t}",
                f"{self.rng.choice(self.adjs)} Journal of {t}",
                f"the scientific journal of {t}",
                f"{t} Magazine",
                f"{self.rng.choice(self.adjs)} {t} Review",
                f"Journal of {t} Studies",
            ]
        )

    def center(self) -> str:
        return (
            self.rng.choice(
                ["Center for ", "Centre for ", "the Arab Center for ", "Institute for "]
            )
            + self.topic()
            + self.rng.choice(["", " studies", " research and studies"])
        )

    def title(self) -> str:
        t = self.rng.choice(self.titles).rstrip(".")
        return t[0].lower() + t[1:] if self.rng.random() < 0.5 else t

    def name(self, *, inverted: bool) -> str | None:
        fg = self.rng.choice(self.v.persons_la)
        if fg is None or fg[1] is None:
            return None
        fam, given = popular(fg[0]), popular(fg[1])
        return f"{fam}, {given}" if inverted else f"{given} {fam}"


def english(rng: random.Random, en: English) -> list[Chunk]:
    b = Builder(rng, "latin")
    year = str(rng.randint(1960, 2025))
    kind = rng.choice(["article", "article", "book", "thesis", "web"])
    name = en.name(inverted=kind != "web" and rng.random() < 0.8)
    if name:
        sep = rng.choice([", ", " ,", ","])
        b.add("author", name.replace(", ", sep, 1))
        if rng.random() < 0.2:
            b.add("author", " and " + (en.name(inverted=False) or "Ahmed Ali"))
        if rng.random() < 0.25:
            b.sep(rng.choice([": ", ": ", " : "]))
        else:
            b.c()
    b.add("title", en.title())
    b.c()
    if kind == "article":
        b.add("container", en.journal())
        b.c()
        if rng.random() < 0.4:
            b.add("volume", f"Vol. {rng.randint(1, 60)}")
            b.c()
        b.add("issue", f"No. {rng.randint(1, 120)}")
        b.c()
        if rng.random() < 0.5:
            b.add("publisher", en.college())
            b.c()
        b.add("publisher", en.university())
        b.c()
        if rng.random() < 0.5:
            b.add("place", en.place())
            b.c()
    elif kind == "thesis":
        b.add(
            "genre",
            rng.choice(
                [
                    "master thesis",
                    "published master thesis",
                    "unpublished PhD thesis",
                    "PhD dissertation",
                ]
            ),
        )
        b.c()
        b.add("publisher", en.college())
        b.c()
        b.add("publisher", en.university())
        b.c()
        if rng.random() < 0.6:
            b.add("place", en.place())
            b.c()
    elif kind == "book":
        if rng.random() < 0.4:
            b.add("edition", f"Edition {rng.randint(1, 5)}")
            b.c()
        r = rng.random()
        if r < 0.35 and en.v.publishers_foreign:
            b.add("publisher", rng.choice(en.v.publishers_foreign))
        else:
            b.add("publisher", en.center() if r < 0.7 else en.university() + " Press")
        b.c()
        b.add("place", en.place())
        b.c()
        if rng.random() < 0.2:
            b.add("edition", _edition_text(Record({}, "latin"), rng, "latin") or "2nd ed.")
            b.c()
    else:
        if rng.random() < 0.6:
            b.add("publisher", en.center())
            b.c()
        if rng.random() < 0.4:
            b.add("place", en.place())
            b.c()
    b.add("date", year)
    if kind == "web" or rng.random() < 0.1:
        b.sep(", ")
        b.add("url", f"<{en.v.url()}>")
        d, m = rng.randint(1, 28), rng.randint(1, 12)
        b.add(
            "accessed",
            rng.choice(
                [
                    f" {d}/{m}/{rng.randint(2015, 2025)}",
                    f" , {d}/ {m}/ {rng.randint(2015, 2025)}",
                    f" {d}/{m}/{rng.randint(15, 25)}",
                ]
            ),
        )
    else:
        b.sep(".")
    return noise(b.chunks, rng, "latin")


# --- harder cases of real lists (a separate set, its own random stream) -----------------
#
# Kinds that real Arabic, Maghreb and Levant lists print and the house styles above
# rarely render: chapters and articles whose container follows a cue word ("ضمن كتاب",
# "فصلة من", "Dans un livre", "En:", "Extrait du") or no cue at all; collected volumes
# with their editors after the book's name ("، إشراف فلان", "[edited by X]", "X (éds)");
# a journal's name followed by what the journal is ("مجلة فكرية تصدر عن ..."); the
# French, Spanish and German words of Latin-script entries ("Année 1997, Volume 16,
# Numéro 33", "N. 2"); the lines of a JSTOR cover page ("Published by: X Stable URL: ...");
# manuscripts with the library that keeps them; a thesis's supervisor; bracketed notes
# after titles; entries with no author.

_AR_IN_CUES = [
    "في: ",
    "في ",
    "ضمن كتاب ",
    "ضمن: ",
    "في كتاب ",
    "في كتاب: ",
    "ضمن ",
    "بحث ضمن ",
    "بحث نشر ب",
    "بحث نشر في ",
    "بحث منشور في ",
    "بحث نشر ضمن ",
    "من ",
    "مستل من كتاب ",
    "ضمن مجموعة ",
    "فصلة من ",
    "منشور ضمن ",
    "ضمن أعمال ",
]
_AR_JOURNAL_CUES = [
    "في ",
    "منشور في ",
    "في: ",
    "بحث نشر ب",
    "بحث منشور في ",
    "نشر في ",
    "بحث نشر في ",
    "من ",
    "مقال في ",
    "مقال منشور ب",
    "نشر ب",
    "فصلة من ",
]
# cues the value builder strips ("in", "Dans", "Extrait du"): part of the container
_LA_IN_CUES = ["in ", "In: ", "in: ", "In ", "Dans ", "dans ", "En: ", "En ", "Extrait du ", "Im "]
# longer cues ("in book", "Dans un livre"): printed before the container, not part of it
_LA_IN_OTHER = ["in book ", "In the book ", "Dans un livre ", "Dans l'ouvrage ", "En el libro "]
_AR_ED_AFTER = [
    "إشراف ",
    "إشراف: ",
    "بإشراف ",
    "بعناية ",
    "بعناية: ",
    "نشر ",
    "تحرير ",
    "تحرير: ",
    "إعداد ",
    "إعداد: ",
    "جمع وتحقيق ",
    "تنسيق ",
    "حرره ",
]
_LA_ED_AFTER = [
    "edited by ",
    "ed. by ",
    "Edited by ",
    "ed. ",
    "éd. par ",
    "sous la direction de ",
    "dir. ",
    "hrsg. von ",
    "edición de ",
    "coord. ",
]
_AR_TITLE_NOTES = [
    "(مخطوط)",
    "[مخطوط]",
    "(رواية)",
    "(ديوان شعر)",
    "(بالفرنسية)",
    "(بالإنجليزية)",
    "[باللغة الإنجليزية]",
    "(مترجم)",
    "(نسخة مصورة)",
    "(طبعة حجرية)",
    "(مسرحية)",
    "(مجموعة قصصية)",
    "[كذا]",
]
_LA_TITLE_NOTES = [
    "(in Arabic)",
    "[in Arabic]",
    "(en arabe)",
    "(en français)",
    "[Arabic text]",
    "(reprint)",
    "(manuscript)",
    "(roman)",
    "(novel)",
    "[translated from Arabic]",
    "(in Persian)",
    "[sic]",
]


def _editor_after(b: Builder, v: Vocab, rec: Record) -> None:
    """An editor statement after a collected volume's name: ``, edited by X``,
    ``[edited by X and Y]``, ``, X (éds)``, ``، إشراف فلان``, ``، بعناية فلان``."""
    rng = b.rng
    s = b.script
    name = (
        rec.editor
        if isinstance(rec, ForeignRecord) and rec.editor and rng.random() < 0.7
        else v.person(s, inverted=False)
    )
    if rng.random() < 0.15:
        name += (" و" if s == "arabic" else rng.choice([" and ", " & ", ", "])) + v.person(
            s, inverted=False
        )
    r = rng.random()
    if s != "arabic" and r < 0.2:
        b.sep(" ")
        b.add("editor", f"[{rng.choice(_LA_ED_AFTER)}{name}]")
        return
    b.c()
    if r < 0.35:
        b.add(
            "editor",
            name
            + (
                rng.choice([" (محرر)", " (تحرير)", " (إعداد)", " (محررون)", " (مشرف)"])
                if s == "arabic"
                else rng.choice([" (éds)", " (éd.)", " (ed.)", " (eds.)", " (eds)", " (Hrsg.)"])
            ),
        )
        return
    b.add("editor", rng.choice(_AR_ED_AFTER if s == "arabic" else _LA_ED_AFTER) + name)


def _title_note(b: Builder) -> None:
    b.add("note", " " + b.rng.choice(_AR_TITLE_NOTES if b.script == "arabic" else _LA_TITLE_NOTES))


def _book_name(v: Vocab, rec: Record, s: str) -> str:
    if isinstance(rec, ForeignRecord) and rec.container:
        return re.sub(r"^(?:in|dans|im|en)\b[:\s]*", "", rec.container, flags=re.I) or rec.container
    if v.rng.random() < 0.6:
        titles = v.titles_ar if s == "arabic" else v.titles_la
        return " ".join(v.rng.choice(titles).split()[:12]).strip(_TRAIL)
    return v.fragment(s, 2, 6)


def hard_chapter(b: Builder, v: Vocab, rec: Record) -> None:
    rng = b.rng
    s = b.script
    year = _year_text(rec, rng, s)
    if _authors(b, v, rec, inverted=rng.random() < 0.5):
        b.sep(rng.choice([": ", ": ", ". "]) if rng.random() < 0.35 else b.comma)
    _title(b, rec, quoted=rng.random() < 0.5)
    container = _book_name(v, rec, s)
    r = rng.random()
    if r < 0.08:
        # "Title (ضمن مجموعة بعنوان X)، Publisher" / "Title (in X)"
        cue = rng.choice(
            ["ضمن ", "ضمن مجموعة ", "ضمن كتاب ", "في "]
            if s == "arabic"
            else ["in ", "In: ", "dans "]
        )
        b.add("container", f" ({cue}{container})")
        b.c()
        _imprint_plain(
            b, rec, year, order=rng.choice(["publisher,place,date", "place,publisher,date"])
        )
        b.sep(".")
        return
    if r < 0.2:
        b.c()  # no cue: "Title، Book، إشراف فلان، Publisher" / "Title, Book, ed. X"
    elif r < 0.32 and s != "arabic":
        b.sep(rng.choice([", ", " ", ". "]))
        b.add("other", rng.choice(_LA_IN_OTHER))
    else:
        b.sep(rng.choice([b.comma, b.comma, " "]) if s != "arabic" else b.comma)
        b.add("container", rng.choice(_AR_IN_CUES if s == "arabic" else _LA_IN_CUES))
    r = rng.random()
    if r < 0.1:
        b.add("container", f"({container})")
    elif r < 0.4:
        q = rng.choice(["«", '"', "“"] if s == "arabic" else ['"', "“", "«"])
        b.add("container", q + container + {"«": "»", "“": "”"}.get(q, '"'))
    else:
        b.add("container", container)
    if rng.random() < 0.65:
        _editor_after(b, v, rec)
    if rng.random() < 0.3:
        b.c()
        b.add(
            "volume",
            ("ج" if s == "arabic" else rng.choice(["vol. ", "Vol. ", "t. "])) + _num(rng, 1, 6),
        )
    if rng.random() < 0.1:
        b.sep(".")
        return
    b.c()
    if rng.random() < 0.3:
        _imprint_paren(b, rec, year)
    else:
        _imprint_plain(
            b,
            rec,
            year,
            order=rng.choice(["publisher,place,date", "place,publisher,date", "place,date"]),
        )
    if rng.random() < 0.5:
        b.c()
        b.add(
            "pages",
            (rng.choice(["ص ", "ص ص "]) if s == "arabic" else rng.choice(["pp. ", "p. ", ""]))
            + _pages(rng),
        )
    b.sep(".")


def _jstor(b: Builder, v: Vocab, rec: Record, publishers: list[str]) -> None:
    """The lines of a JSTOR cover page pasted into a list: ``Published by: X``,
    ``Stable URL: http://www.jstor.org/stable/N``, or ``Stable`` left alone."""
    rng = b.rng
    pub = rng.choice(publishers) if publishers and rng.random() < 0.7 else v.university(b.script)
    b.add(
        "other", rng.choice(["Published by: ", "Published by ", "Publié par ", "Publicado por: "])
    )
    b.add("publisher", pub)
    r = rng.random()
    if r < 0.4:
        b.sep(rng.choice([" ", ". ", ", "]))
        b.add("other", "Stable URL: ")
        b.add("url", f"http://www.jstor.org/stable/{rng.randint(1000, 999999)}")
    elif r < 0.6:
        b.sep(" ")
        b.add("other", "Stable")


def _journal_description(b: Builder, v: Vocab, publishers: list[str]) -> None:
    """What a journal is, printed after its name: ``مجلة فكرية تصدر عن ...``,
    ``a quarterly review published by ...``, ``revue trimestrielle``; or its editor."""
    rng = b.rng
    s = b.script
    b.c()
    if s == "arabic":
        kind = rng.choice(["مجلة", "مجلة", "دورية", "حولية", "نشرة"])
        adj = rng.choice(
            [
                "علمية محكمة",
                "فصلية محكمة",
                "فكرية ثقافية",
                "شهرية",
                "ثقافية شهرية",
                "فكرية سياسية",
                "متخصصة",
                "أكاديمية محكمة",
                "نصف سنوية",
                "دولية محكمة",
            ]
        )
        r = rng.random()
        if r < 0.4:
            b.add("note", f"{kind} {adj} ")
            b.add("other", rng.choice(["تصدر عن ", "يصدرها ", "تصدرها "]))
            b.add("publisher", v.publisher(s) if rng.random() < 0.5 else v.university(s))
        elif r < 0.65:
            b.add("note", f"{kind} {adj} تعنى ب{v.fragment(s, 1, 3)}")
        elif r < 0.85:
            when = rng.choice(["مرة كل شهر", "كل ثلاثة أشهر", "مرتين في السنة", "سنويا"])
            b.add("note", f"{kind} {adj} تصدر {when}")
        else:
            b.add(
                "editor",
                rng.choice(["رئيس التحرير ", "تحرير ", "إشراف "]) + v.person(s, inverted=False),
            )
        return
    r = rng.random()
    if r < 0.4:
        adj = rng.choice(["quarterly", "peer-reviewed", "monthly", "biannual", "international"])
        b.add("note", f"a {adj} journal ")
        b.add("other", "published by ")
        b.add("publisher", rng.choice(publishers) if publishers else v.university(s))
    elif r < 0.7:
        b.add(
            "note",
            rng.choice(
                [
                    "revue trimestrielle",
                    "revue semestrielle",
                    "revista cuatrimestral",
                    "a quarterly review",
                ]
            ),
        )
    else:
        b.add("editor", rng.choice(["ed. ", "edited by ", "dir. "]) + v.person(s, inverted=False))


_LA_VOL = [
    "Volume {}",
    "Vol. {}",
    "vol. {}",
    "t. {}",
    "T. {}",
    "Vol {}",
    "Bd. {}",
    "Tome {}",
    "v. {}",
]
_LA_ISS = [
    "Numéro {}",
    "N. {}",
    "N° {}",
    "n° {}",
    "n. {}",
    "Núm. {}",
    "fasc. {}",
    "Heft {}",
    "Nr. {}",
    "No. {}",
    "no. {}",
    "No {}",
]


def hard_article(b: Builder, v: Vocab, rec: Record, publishers: list[str]) -> None:
    rng = b.rng
    s = b.script
    journal = (
        re.sub(r"^(?:in|dans|im|en)\b[:\s]*", "", rec.container, flags=re.I) or rec.container
        if rec.container
        else v.journal(s)
    )
    year = str(rec.year or rng.randint(1900, 2024))
    if _authors(b, v, rec, inverted=rng.random() < 0.5):
        b.sep(rng.choice([": ", b.comma, b.comma]))
    _title(b, rec, quoted=rng.random() < 0.4)
    if s == "arabic":
        b.sep(rng.choice([b.comma, b.comma, " - ", ": "]))
        if rng.random() < 0.4:
            b.add("container", rng.choice(_AR_JOURNAL_CUES))
    else:
        # "Title: Journal, N. 2" / "Title. Journal" / "Title - Journal"
        b.sep(rng.choice([", ", ", ", ", ", ". ", ". ", ": ", " - "]))
        if rng.random() < 0.06:
            _jstor(b, v, rec, publishers)
            b.sep(" ")
        if rng.random() < 0.25:
            b.add("container", rng.choice([*_LA_IN_CUES, "published in ", "Source: "]))
    b.add("container", journal)
    if rng.random() < 0.3:
        _journal_description(b, v, publishers)
    b.c()
    vn, isn = _num(rng, 1, 60), _num(rng, 1, 120)
    if s == "arabic":
        _vol_issue(b, "plain")
        b.c()
        b.add(
            "date",
            rng.choice(["", "", "سنة ", "عام ", f"{rng.choice(_AR_MONTHS).replace('_', ' ')} "])
            + year,
        )
    elif rng.random() < 0.3:
        # "Médiévales, Année 1997, Volume 16, Numéro 33" (Persée), "Jahrgang 1997, Heft 3"
        b.add("date", rng.choice(["Année ", "Année ", "Jahrgang ", "Año ", "Year "]) + year)
        b.c()
        if rng.random() < 0.8:
            b.add("volume", rng.choice(_LA_VOL).format(vn))
            b.c()
        b.add("issue", rng.choice(_LA_ISS).format(isn))
    else:
        if rng.random() < 0.8:
            b.add("volume", rng.choice(_LA_VOL).format(vn))
            b.c()
        b.add("issue", rng.choice(_LA_ISS).format(isn))
        mon = rng.choice(_EN_MONTHS)[:3]
        r = rng.random()
        if r < 0.4:
            b.sep(" ")
            b.add("date", rng.choice([f"({mon}., {year})", f"({year})", f"({mon}. {year})"]))
        else:
            b.c()
            b.add("date", rng.choice([year, f"{mon}., {year}", f"{rng.choice(_EN_MONTHS)} {year}"]))
    if rng.random() < 0.6:
        b.c()
        b.add(
            "pages",
            (rng.choice(["ص ", "ص ص ", "ص"]) if s == "arabic" else rng.choice(["pp. ", "p. ", ""]))
            + _pages(rng),
        )
    if s != "arabic" and rng.random() < 0.12:
        b.sep(rng.choice([", ", ". ", " "]))
        _jstor(b, v, rec, publishers)
    b.sep(".")


def hard_manuscript(b: Builder, v: Vocab, rec: Record) -> None:
    """A manuscript: author, title, then where it is kept (``مخطوطة في مكتبة X، رقم
    (123)``, ``MS Arabe 2478, Bibliothèque nationale``), which is a note, not an imprint."""
    rng = b.rng
    s = b.script
    if _authors(b, v, rec, inverted=rng.random() < 0.6, allow_many=False):
        b.c()
    if s == "arabic" and rng.random() < 0.15:
        b.add("note", rng.choice(["مخطوطة ", "مخطوط "]))
    _title(b, rec, quoted=rng.random() < 0.3)
    if rng.random() < 0.3:
        b.c()
        n = rng.randint(1, 8)
        b.add("volume", f"ج{n}" if s == "arabic" else f"vol. {n}")
    b.c()
    num = rng.choice(
        [
            str(rng.randint(1, 9999)),
            f"{rng.randint(1, 999)}/{rng.randint(1, 99)}",
            f"{rng.randint(10, 999)} {v.fragment(s, 1, 1)}",
        ]
    )
    if s == "arabic":
        lib = rng.choice(
            ["مكتبة ", "المكتبة ", "خزانة ", "دار الكتب ", "المكتبة الوطنية ب", "مكتبة جامعة "]
        ) + v.fragment(s, 1, 2)
        place = rng.choice(v.places_ar)
        if rng.random() < 0.2:
            b.add("note", rng.choice(["مخطوطة", "مخطوط", "(مخطوط)"]))
        else:
            head = rng.choice(
                [
                    "مخطوطة في ",
                    "مخطوط محفوظ في ",
                    "نسخة مخطوطة في ",
                    "مخطوطة ",
                    "مخطوطة موجودة في ",
                    "نسخة مصورة في ",
                    "مخطوط ب",
                ]
            )
            tail = rng.choice(
                [
                    f"، رقم ({num})",
                    f"، رقم {num}",
                    f"، تحت رقم {num}",
                    f"، {place}، رقم ({num})",
                    "",
                ]
            )
            b.add("note", head + lib + tail)
    else:
        lib = rng.choice(
            ["Bibliothèque ", "Library of ", "Biblioteca ", "Maktabat ", "Dār al-Kutub "]
        ) + v.fragment(s, 1, 2)
        b.add(
            "note",
            rng.choice(
                [
                    f"MS {lib} {num}",
                    f"manuscript, {lib}, no. {num}",
                    f"Ms. {num}, {lib}",
                    "unpublished manuscript",
                    f"Makhṭūṭ, {lib}, raqm {num}",
                ]
            ),
        )
    if rng.random() < 0.15:
        b.c()
        b.add("date", _year_text(rec, rng, s) or str(rng.randint(1200, 1900)))
    b.sep(".")


def hard_thesis(b: Builder, v: Vocab, rec: Record) -> None:
    """A thesis with its supervisor: ``رسالة ماجستير غير منشورة، إشراف د. فلان، جامعة ...``."""
    rng = b.rng
    s = b.script
    year = str(rec.year or rng.randint(1950, 2024))
    _authors(b, v, rec, inverted=rng.random() < 0.5, allow_many=False)
    b.sep(rng.choice([b.comma, ": "]))
    _title(b, rec, quoted=rng.random() < 0.2)
    b.c()
    if s == "arabic":
        b.add(
            "genre",
            rng.choice(
                [
                    "رسالة ماجستير غير منشورة",
                    "رسالة دكتوراه غير منشورة",
                    "رسالة ماجستير",
                    "أطروحة دكتوراه",
                    "رسالة دكتوراه",
                    "رسالة ماجيستير غير منشورة",
                ]
            ),
        )
        sup = rng.choice(["إشراف ", "إشراف: ", "بإشراف ", "إشراف د. ", "إشراف الدكتور "])
        faculty = rng.choice(_FACULTIES_AR)
    else:
        b.add(
            "genre",
            rng.choice(
                [
                    "Thèse de doctorat",
                    "PhD thesis",
                    "Mémoire de master",
                    "Tesis doctoral",
                    "PhD dissertation",
                ]
            ),
        )
        sup = rng.choice(["supervised by ", "sous la direction de ", "dir. ", "Supervisor: "])
        faculty = rng.choice(_FACULTIES_LA)
    b.c()
    b.add("editor", sup + v.person(s, inverted=False))
    b.c()
    if rng.random() < 0.5:
        b.add("publisher", faculty)
        b.c()
    b.add("publisher", v.university(s))
    if rng.random() < 0.4:
        b.c()
        b.add("publisher", rng.choice(_FACULTIES_AR if s == "arabic" else _FACULTIES_LA))
    b.c()
    b.add("date", year + ("م" if s == "arabic" and rng.random() < 0.5 else ""))
    b.sep(".")


def hard_book(b: Builder, v: Vocab, rec: Record, publishers: list[str]) -> None:
    """Books of the shapes above with what real lists add: no author (the title first,
    its subtitle after a comma), a bracketed note after the title, a co-author after
    it ("بالاشتراك مع فلان"), a publisher introduced by "Published by" / "نشرته"."""
    rng = b.rng
    s = b.script
    year = _year_text(rec, rng, s)
    if rng.random() < 0.2 and not isinstance(rec, ForeignRecord):
        rec.author = None
    if _authors(b, v, rec, inverted=rng.random() < 0.6):
        b.sep(rng.choice([b.comma, ": "]))
    _title(b, rec)
    if rng.random() < 0.35:
        _title_note(b)
    if rng.random() < 0.1 and rec.author:
        b.c()
        b.add(
            "author",
            (
                rng.choice(["بالاشتراك مع ", "مع "])
                if s == "arabic"
                else rng.choice(["with ", "avec "])
            )
            + v.person(s, inverted=False),
        )
    if rng.random() < 0.3:
        b.c()
        role = rng.choice(
            (_AR_ROLE_TRANS + _AR_ED_AFTER) if s == "arabic" else (_LA_ROLE_TRANS + _LA_ED_AFTER)
        )
        b.add("editor", role + ("" if role.endswith(" ") else " ") + v.person(s, inverted=False))
    ed = _edition_text(rec, rng, s)
    if ed and rng.random() < 0.5:
        b.c()
        b.add("edition", ed)
        ed = None
    b.c()
    if rng.random() < 0.4:
        b.add(
            "other",
            rng.choice(["نشرته ", "طبعته ", "الناشر: "])
            if s == "arabic"
            else rng.choice(["Published by ", "Published by: ", "Publié par ", "Publisher: "]),
        )
    if s != "arabic" and publishers and rng.random() < 0.5:
        rec.publisher = rng.choice(publishers)
    _imprint_plain(
        b,
        rec,
        year,
        order=rng.choice([*_ORDERS[:3], "publisher,date", "publisher,place,edition,date"]),
        ed=ed,
    )
    b.sep(rng.choice([".", ""]))


def hard_cases(
    rng: random.Random,
    vocab: Vocab,
    records: list[dict[str, str | None]],
    foreign: list[ForeignRecord],
    n: int,
    latin: float = 1.0,
) -> list[list[Chunk]]:
    """``n`` references of the harder kinds above (Arabic script, romanized, and
    AnyStyle's records re-rendered), with the usual noise; ``latin`` scales the share of
    the Latin-script ones."""
    publishers = sorted(
        {
            r.publisher
            for r in foreign
            if r.publisher
            and not any(ch.isdigit() or ch == ":" for ch in r.publisher)
            and len(r.publisher.split()) <= 6
        }
    )
    in_book = [r for r in foreign if r.container and r.in_book]
    in_journal = [r for r in foreign if r.container and not r.in_book]
    kinds = [
        ("chapter", "arabic", 0.2),
        ("chapter", "latin", 0.04),
        ("chapter", "foreign", 0.14),
        ("article", "arabic", 0.12),
        ("article", "foreign", 0.16),
        ("manuscript", "arabic", 0.05),
        ("manuscript", "latin", 0.01),
        ("thesis", "arabic", 0.05),
        ("thesis", "latin", 0.01),
        ("book", "arabic", 0.12),
        ("book", "foreign", 0.1),
    ]
    kinds = [(k, sc, w * (1.0 if sc == "arabic" else latin)) for k, sc, w in kinds]
    kinds = [kind for kind in kinds if kind[2] > 0]
    funcs = {
        "chapter": lambda b, v, r: hard_chapter(b, v, r),
        "article": lambda b, v, r: hard_article(b, v, r, publishers),
        "manuscript": hard_manuscript,
        "thesis": hard_thesis,
        "book": lambda b, v, r: hard_book(b, v, r, publishers),
    }
    out: list[list[Chunk]] = []
    while len(out) < n:
        kind, script, _ = rng.choices(kinds, weights=[w for *_, w in kinds])[0]
        if script == "foreign":
            pool = in_book if kind == "chapter" else in_journal if kind == "article" else foreign
            rec: Record = ForeignRecord.__new__(ForeignRecord)
            rec.__dict__.update(rng.choice(pool).__dict__)  # a copy: the styles edit it
            script = "latin"
        else:
            rec = Record(rng.choice(records), script)
        if not rec.title:
            continue
        b = Builder(rng, script)
        funcs[kind](b, vocab, rec)
        if not b.chunks:
            continue
        chunks = b.chunks
        if script == "arabic" and rng.random() < 0.1:
            # final ya printed as alef maqsura (Egyptian and Persian typesetting)
            chunks = [(lab, re.sub("ي\\b", "ى", t)) for lab, t in chunks]
        out.append(noise(chunks, rng, script))
    return out
