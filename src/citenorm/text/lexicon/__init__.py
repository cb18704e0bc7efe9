"""Lexicons of places, publisher, journal, corporate and web-site words, given names and
bilingual bibliographic terms, with whole-word lookup helpers.

What it is for
--------------
Bibliography entries in Arabic scholarly articles (Iraqi, ACRPS/Chicago and APA house
styles) are comma- or period-separated segments.  The extractor asks which segment is a
place of publication (:func:`is_place`), a publisher (:func:`has_publisher_word`), a
journal (:func:`has_journal_word`), a corporate author (:func:`has_corporate_word`), a
web site (:func:`has_site_word`), and whether a short word is a given name
(:func:`is_given_name`).  The matcher pairs an Arabic entry with its ALA-LC romanization,
popular ASCII romanization or English translation, and asks whether two place names are
the same place (:func:`place_key`) and which bibliographic concepts two publisher or
journal names share (:func:`term_keys`).

Sources, scope and size
-----------------------
Everything here is general vocabulary written by hand, not strings copied from a corpus:

* places: the Arab states, their capitals and main cities and the towns that appear on
  imprints (Būlāq, al-Fajjālah, Ḥarīṣā, Jūniyah, al-Najaf al-Ashraf, Qum al-Musharrafah,
  Ḥaydarābād al-Dakkan ...), Iran, Turkey, South Asia and the usual Western publishing
  places, each in Arabic script, ALA-LC (Library of Congress romanization tables for
  Arabic and Persian), popular ASCII romanization, English and, for the Maghreb and the
  Levant, French.  Sine-loco markers ("[S.l.]", "[د.م.]", "n.p.") map to the key
  ``"s.l."`` so that the place slot of an entry is recognised even when it is empty;
* publisher, journal, corporate and site words: the words that head institution and
  periodical names in Arabic, their ALA-LC and popular romanizations, the Persian words
  found on Iranian imprints (انتشارات، چاپخانه، کتابفروشی، دانشگاه، بنیاد) and English;
  sine-nomine markers ("[s.n.]", "[د.ن.]", "[publisher not identified]") count as
  publisher words when they are the whole segment;
* given names: common male and female Arabic given names in Arabic script, compounds
  (عبد الله، عبد الحسين، نور الدين ...) as single entries;
* bilingual terms: about 150 concepts that make up institution, publisher and journal
  names (university, press, studies, research, political, Arab ...).

Sizes (``python -m citenorm.text.lexicon`` prints them): 385 places under 1,678 folded
variants; 234 publisher words; 49 journal words; 112 corporate words; 21 site words;
547 given names; 182 concepts under about 1,370 folded terms.

Ambiguous names get one key: الجزائر is ``Algeria`` (country and city, so Algiers too),
طرابلس is ``Tripoli`` (Lebanon or Libya), bare عمان is ``Amman`` (the Sultanate is
سلطنة عمان / ʻUmān / Oman).  A bare given name is never a place (خليل, رياض are not
Hebron and Riyadh; الخليل and الرياض are).  Measured on the
641 catalogue records of ``aco-dev.jsonl`` (see ``tests/test_lexicon.py``) the place
lexicon recognises over 95% of distinct place statements in both scripts and the
publisher words over 80% of distinct publisher statements; most of the rest are personal
names of booksellers and printers.

Folding
-------
Keys are made by :func:`fold_key`: Arabic text is folded by
:func:`citenorm.text.normalize.fold_arabic` (hamza seats, ta marbuta, alef maqsura, tashkeel)
and the article ال is dropped from each word; Latin text is folded by
:func:`citenorm.text.normalize.fold_latin` (diacritics, ʻ ʼ marks and case dropped), the
articles al-/el-/ul- and assimilated ones (ad-, ar-, as-, ash- ... before the matching
consonant) are dropped, and each word is reduced to a skeleton (doubled letters single,
final -ah/-at -> -a), so ``Maṭbaʻat``, ``Matbaat``, ``Matbaah`` and ``al-Maṭbaʻah`` are
one key.  Word lookups are by whole word after folding (``دار`` never hits inside
``مدارس``); Arabic words are also tried without attached و/ف, ب/ل/ك and ال/لل prefixes
(``للدراسات`` -> ``دراسات``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from citenorm.text.normalize import fold_arabic, fold_latin, has_arabic

__all__ = [
    "BILINGUAL_TERMS",
    "CORPORATE_WORDS",
    "GIVEN_NAMES",
    "JOURNAL_WORDS",
    "PLACES",
    "PUBLISHER_WORDS",
    "SITE_WORDS",
    "UNKNOWN_PLACE",
    "fold_key",
    "has_corporate_word",
    "has_journal_word",
    "has_publisher_word",
    "has_site_word",
    "is_given_name",
    "is_place",
    "place_key",
    "term_keys",
]

# The tables are built on first use (module __getattr__ below), so that importing
# citenorm stays fast: building them folds some 5,000 strings.
_LAZY = {
    "PLACES": "_places",
    "PUBLISHER_WORDS": "_publisher_words",
    "JOURNAL_WORDS": "_journal_words",
    "CORPORATE_WORDS": "_corporate_words",
    "SITE_WORDS": "_site_words",
    "GIVEN_NAMES": "_given_names",
    "BILINGUAL_TERMS": "_terms",
}

if TYPE_CHECKING:
    PLACES: Mapping[str, str]
    """Folded place variant -> canonical (English) key."""
    PUBLISHER_WORDS: frozenset[str]
    JOURNAL_WORDS: frozenset[str]
    CORPORATE_WORDS: frozenset[str]
    SITE_WORDS: frozenset[str]
    GIVEN_NAMES: frozenset[str]
    BILINGUAL_TERMS: Mapping[str, str]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return globals()[_LAZY[name]]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


UNKNOWN_PLACE = "s.l."
"""Key that :func:`place_key` gives for sine-loco markers such as ``[S.l.]`` and ``د.م``."""

# ---------------------------------------------------------------------------------------
# Folding
# ---------------------------------------------------------------------------------------

_LATIN_ARTICLES = frozenset({"al", "el", "ul", "l"})
# Assimilated article (popular romanization: ad-Dirasat, ar-Riyad, ash-Sharq, an-Nahar).
_SUN_ARTICLES = {
    "at": "t",
    "ath": "th",
    "ad": "d",
    "adh": "dh",
    "ar": "r",
    "az": "z",
    "as": "s",
    "ash": "sh",
    "an": "n",
}
_DOUBLE = re.compile(r"([a-z])\1+")
_AR_ARTICLE = "ال"
# Clitics written attached to a word: conjunction و/ف, preposition ب/ك (+ article ال),
# preposition ل (ل + ال is written لل).
_AR_PREFIXES = tuple(
    sorted(
        {
            conj + rest
            for conj in ("", "و", "ف")
            for rest in ("", "ب", "ك", "بال", "كال", "ال", "ل", "لل")
        }
        - {""},
        key=len,
        reverse=True,
    )
)


def _latin_skeleton(word: str) -> str:
    word = word.replace("ou", "u").replace("ee", "i")
    word = _DOUBLE.sub(r"\1", word)
    if (word.endswith("ah") and len(word) > 3) or (word.endswith("at") and len(word) > 4):
        word = word[:-1]  # -ah/-at (ta marbuta) -> -a
    return word


def _latin_words(text: str, *, articles: bool = False) -> list[str]:
    """Folded, skeletonised Latin words of ``text`` (Arabic letters dropped).

    The article (al-, el-, ul-, and ad-, ar-, ash- ... before the matching consonant)
    is dropped, or written ``al`` when ``articles`` is true.
    """
    raw = fold_latin(text.replace("ı", "i")).split()
    out: list[str] = []
    for i, tok in enumerate(raw):
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        cons = _SUN_ARTICLES.get(tok)
        is_article = bool(nxt) and (
            tok in _LATIN_ARTICLES
            or (cons is not None and nxt.startswith(cons) and len(nxt) > len(cons) + 1)
        )
        if is_article:
            if articles:
                out.append("al")
            continue
        out.append(_latin_skeleton(tok))
    return out


def _strip_article(word: str) -> str:
    if word.startswith(_AR_ARTICLE) and len(word) >= 4:
        return word[2:]
    return word


def _arabic_words(text: str, *, articles: bool = False) -> list[str]:
    """Folded Arabic words of ``text`` (Latin words left out), article ال dropped unless
    ``articles`` is true."""
    words = [w for w in fold_arabic(text).split() if has_arabic(w)]
    return words if articles else [_strip_article(w) for w in words]


# a folded key is ~400 bytes with its entry; the lookups that use it are memoized too
@functools.lru_cache(maxsize=2048)
def fold_key(text: str, *, articles: bool = False) -> str:
    """The key under which the lexicons store ``text``.

    Arabic words come first (folded by ``fold_arabic``), then Latin words (folded by
    ``fold_latin``, skeletonised).  The article is dropped from every word, or, with
    ``articles=True`` (the form used for :data:`PLACES`), kept (Latin al-/el-/ad- ... all
    written ``al``).
    """
    return " ".join(_arabic_words(text, articles=articles) + _latin_words(text, articles=articles))


def _arabic_candidates(word: str) -> tuple[str, ...]:
    """Lookup forms of one folded Arabic word: the word without its article first, then
    its stems without attached و/ف, ب/ل/ك and ال/لل (stems of three letters or more)."""
    out = [_strip_article(word)]
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            stem = word[len(prefix) :]
            if stem not in out:
                out.append(stem)
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Given names
# ---------------------------------------------------------------------------------------

_GIVEN_NAMES_RAW = """
محمد، أحمد، محمود، مصطفى، علي، حسن، حسين، عمر، عثمان، أبو بكر، خالد، سعيد، سعد، سعود، سلمان،
سليمان، إبراهيم، إسماعيل، إسحاق، يعقوب، يوسف، موسى، عيسى، يحيى، زكريا، داود، هارون، نوح، آدم،
إدريس، إلياس، يونس، أيوب، صالح، هود، شعيب، لقمان، طه، ياسين، حمزة، عباس، جعفر، جواد، كاظم، رضا،
مهدي، هادي، باقر، صادق، عقيل، مسلم، قاسم، جاسم، كريم، رحيم، حكيم، حليم، حميد، مجيد، رشيد، سعدون،
فاضل، فيصل، غازي، فؤاد، فارس، فراس، فريد، فهد، فهمي، فوزي، فتحي، فكري، شكري، صبري، لطفي، رمزي،
حلمي، حمدي، رشدي، عزمي، مجدي، نبيل، نجيب، نزار، نصر، نصير، نعمان، نوري، ناصر، نادر، ناجي، نايف،
هاشم، هشام، هيثم، هاني، هلال، همام، وائل، وليد، وحيد، وديع، وسام، وصفي، وفيق، وجيه، وهبي، وهيب،
وضاح، وافي، واثق، وجدي، وفاء، وداد، وهبة، وردة، وسن، وجدان، ولاء، وعد، ياسر، يزيد، يعرب، يسري،
أكرم، أمين، أنور، أنيس، أسامة، أسعد، أشرف، أيمن، أمجد، أديب، أدهم، أسد، أسعد، أنس، إياد، إيهاب،
بشير، بشار، بسام، بكر، بهاء، باسم، باسل، بدر، بدري، برهان، بلال، بهجت، تامر، توفيق، تيسير، ثامر،
ثائر، جابر، جاسر، جبار، جبر، جلال، جمال، جميل، جهاد، جودت، جورج، حاتم، حارث، حازم، حافظ، حامد،
حبيب، حسام، حسني، حسان، حكمت، حمد، حميد، خضر، خليل، خلف، خلدون، خيري، خير الدين، داود، دريد،
ذياب، رائد، راشد، راضي، رافع، رامي، رباح، ربيع، رجب، رزاق، رشاد، رعد، رفعت، رفيق، رياض، ريان،
زاهر، زاهد، زياد، زيد، زين، زهير، زكي، سالم، سامي، سامر، ساطع، سعيد، سلام، سلمان، سليم، سمير،
سهيل، سيف، شاكر، شاهر، شريف، شفيق، شوقي، شهاب، صابر، صباح، صبحي، صفاء، صلاح، صهيب، ضياء، طارق،
طالب، طلال، طلعت، ظافر، عادل، عارف، عاصم، عاطف، عامر، عبد الله، عبد الرحمن، عبد الرحيم، عبد الحسين،
عبد الأمير، عبد الزهرة، عبد الرضا، عبد الكريم، عبد العزيز، عبد الحميد، عبد المجيد، عبد الرزاق، عبد اللطيف،
عبد الستار، عبد الجبار، عبد الوهاب، عبد الغني، عبد القادر، عبد الهادي، عبد السلام، عبد الفتاح، عبد الحليم،
عبد الحكيم، عبد الباقي، عبد المنعم، عبد الإله، عبد الخالق، عبد الرؤوف، عبد الصمد، عبد الواحد، عبد الملك،
عبد الناصر، عبد الغفور، عبد الجليل، عبد الحق، عبد الكاظم، عبد العظيم، عبد الباسط، عبد العال، عبد الوهاب،
عبد المحسن، عبد القهار، عبد الرسول، عبد علي، عبد النبي، عبد الحافظ، عبد الودود، عبد المطلب، عبد السميع،
عبد الحي، عبد العليم، عبد الوهاب، عدنان، عدي، عزيز، عزت، عز الدين، عصام، عطية، عقيل، علاء، علاء الدين،
عماد، عماد الدين، عمار، عمران، عوني، عوض، عيد، غالب، غسان، غانم، غياث، فائق، فالح، فاروق، فايز،
فرج، فرحان، فضل، فلاح، قيس، قحطان، كامل، كمال، كنعان، لؤي، لبيب، ليث، مأمون، مازن، ماجد، مالك،
مؤيد، مثنى، محسن، محيي الدين، مختار، مدحت، مراد، مروان، مرتضى، مسعود، مشتاق، معاذ، معن، منذر،
منصور، منير، مهند، موفق، ميثم، ميسر، نائل، نادر، ناظم، نجم، نجم الدين، نشأت، نظمي، نعيم، نهاد،
نور، نور الدين، نوفل، هادي، هاشم، همام، يسار، يمان، صدام، قصي، عدي، سيف الدين، صلاح الدين، شمس الدين،
تقي الدين، جمال الدين، بدر الدين، شرف الدين، كمال الدين، ناصر الدين، زين العابدين، ضياء الدين، فخر الدين،
فاطمة، عائشة، خديجة، زينب، مريم، آمنة، أسماء، حفصة، رقية، سكينة، ليلى، سلمى، سعاد، سميرة، سهام،
سهى، سوسن، سارة، سناء، سلوى، سحر، سمر، شيماء، صفية، صباح، ضحى، عبير، عفاف، علياء، عواطف، غادة،
فاتن، فايزة، فدوى، فريدة، فوزية، لبنى، لمياء، لينا، ماجدة، منى، مها، مي، ميسون، نادية، نازك، نبيلة،
نجلاء، نجاة، نجوى، نسرين، نعمت، نهى، نوال، هالة، هدى، هند، هيفاء، هناء، هبة، ياسمين، يسرى، أمل،
أميرة، أنيسة، إيمان، بشرى، بثينة، بتول، بلقيس، تغريد، ثريا، جميلة، جنان، حنان، حياة، خلود، دعاء،
دلال، رانيا، رباب، رجاء، رحاب، رشا، رنا، روان، ريم، زهراء، زهرة، زكية، سعدية، شذى، شهد، صبا، عالية،
عزة، فرح، قمر، كوثر، لطيفة، ليال، مديحة، مروة، منال، ملك، نورا، نور الهدى، وجيهة، هيام، إسراء، آلاء،
ابتسام، إخلاص، إسراء، إنعام، بسمة، بهية، تماضر، جيهان، حورية، درية، دريه، رقية، ساجدة، سميحة،
صفاء، عفيفة، فضيلة، كريمة، ماري، نزهة، نفيسة، هاجر، يمنى، أنوار، سندس، أروى، لميس، ثامرة، إقبال،
جاسمية، حميدة، خيرية، رسمية، سهيلة، شريفة، صديقة، عدوية، عطيات، فتحية، قدرية، نعيمة، نرجس،
بطرس، ميخائيل، حنا، جرجس، جرجي، إلياس، أنطون، أنطوان، ميشيل، ميشال، إدوارد، إميل، يوحنا،
شارل، فيليب، نقولا، نعوم، لويس، سليم، شبلي، فارس، أمين، ناصيف، جبران، مارون، ريمون، كمال، سركيس
"""


@functools.cache
def _given_names() -> frozenset[str]:
    """Common Arabic given names in Arabic script, folded by ``fold_arabic`` (article kept)."""
    return frozenset(fold_arabic(n) for n in re.split(r"[،\n]", _GIVEN_NAMES_RAW) if n.strip())


@functools.lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """True when ``word`` (one name; compounds such as ``عبد الله`` count as one) is a
    common Arabic given name.  ``ومحمد`` is not, ``وليد`` is: callers that meet a word
    beginning with و should first test the word whole, then without the و.
    """
    return fold_arabic(word) in _given_names()


# ---------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------

# One place a line: ``Canonical key = variant; variant; ...``.  Variants in any script;
# diacritics, hamza seats and the article are folded away, so ALA-LC forms are written as
# in catalogues and popular/ASCII forms are only added when they are spelled differently.
_PLACE_TABLE = """
Iraq = العراق; عراق; al-ʻIrāq; Iraq; Irak; Iraqi Republic; al-Jumhūrīyah al-ʻIrāqīyah; الجمهورية العراقية; جمهورية العراق; Republic of Iraq
Baghdad = بغداد; Baghdād; Bagdad; Baghdad; Bagdād; مدينة السلام; Madīnat al-Salām
Basra = البصرة; بصرة; al-Baṣrah; Basra; Basrah; Bassora
Mosul = الموصل; موصل; al-Mawṣil; Mosul; Mawsil
Najaf = النجف; نجف; النجف الأشرف; al-Najaf; al-Najaf al-Ashraf; Najaf; Najaf Ashraf; An Najaf
Karbala = كربلاء; كربلا; Karbalāʼ; Karbala; Kerbela; كربلاء المقدسة; Karbalāʼ al-Muqaddasah
Erbil = أربيل; اربيل; هولير; Arbīl; Erbil; Irbil; Arbil; Hawler; Hewlêr
Kufa = الكوفة; al-Kūfah; Kufa; Kufah
Hilla = الحلة; al-Ḥillah; Hilla; Hillah
Sulaymaniyah = السليمانية; al-Sulaymānīyah; Sulaymaniyah; Sulaimaniya; Sulaimani; Slemani
Kirkuk = كركوك; Karkūk; Kirkuk
Kadhimiya = الكاظمية; al-Kāẓimīyah; Kadhimiya; Kazimiyah; Kadhimiyah
Samarra = سامراء; سامراء المقدسة; Sāmarrāʼ; Samarra
Ramadi = الرمادي; al-Ramādī; Ramadi
Baqubah = بعقوبة; Baʻqūbah; Baqubah; Baquba
Nasiriyah = الناصرية; al-Nāṣirīyah; Nasiriyah; Nasiriya
Amarah = العمارة; al-ʻAmārah; Amarah; Amara
Diwaniyah = الديوانية; al-Dīwānīyah; Diwaniyah; Diwaniya
Kut = الكوت; al-Kūt; Kut
Duhok = دهوك; Dahūk; Duhok; Dohuk
Tikrit = تكريت; Tikrīt; Tikrit
Fallujah = الفلوجة; al-Fallūjah; Fallujah
Egypt = مصر; Miṣr; Misr; Egypt; Égypte; Egypte; مصر المحروسة; Miṣr al-Maḥrūsah; جمهورية مصر العربية; Jumhūrīyat Miṣr al-ʻArabīyah; Arab Republic of Egypt; ج م ع; الجمهورية العربية المتحدة; al-Jumhūrīyah al-ʻArabīyah al-Muttaḥidah; United Arab Republic; U.A.R.; جمهورية مصر; Jumhūrīyat Miṣr; المملكة المصرية; al-Mamlakah al-Miṣrīyah; الديار المصرية; al-Diyār al-Miṣrīyah
Cairo = القاهرة; القاهره; al-Qāhirah; al-Qahira; Cairo; Le Caire; Kairo; El Cairo; القاهرة المعزية; al-Qāhirah al-Muʻizzīyah; مصر القاهرة; Miṣr al-Qāhirah
Alexandria = الإسكندرية; الاسكندرية; اسكندرية; al-Iskandarīyah; Iskandariya; Alexandria; Alexandrie; Alexandrien; Eskendereyya
Bulaq = بولاق; Būlāq; Bulaq; Boulaq; Boulak; بولاق مصر; Būlāq Miṣr
Fajjalah = الفجالة; al-Fajjālah; al-Fajālah; Fagalla; Faggala
Azbakiyah = الأزبكية; al-Azbakīyah; Ezbekiyya; Azbakiyya; Ezbekieh
Shubra = شبرا; Shubrā; Shibrā; Shubra; Shoubra
Heliopolis = مصر الجديدة; Miṣr al-Jadīdah; Heliopolis
Giza = الجيزة; al-Jīzah; Giza; Gizeh
Helwan = حلوان; Ḥulwān; Helwan; Hulwan
Abbasiya = العباسية; al-ʻAbbāsīyah; Abbasiya
Tanta = طنطا; Ṭanṭā; Tanta
Mansoura = المنصورة; al-Manṣūrah; Mansoura; Mansura; Mansourah
Zagazig = الزقازيق; al-Zaqāzīq; Zagazig
Asyut = أسيوط; Asyūṭ; Asyut; Assiut
Minya = المنيا; al-Minyā; Minya; Minia
Port Said = بورسعيد; بور سعيد; Būr Saʻīd; Port Said
Suez = السويس; al-Suways; Suez
Ismailia = الإسماعيلية; al-Ismāʻīlīyah; Ismailia
Damietta = دمياط; Dimyāṭ; Damietta
Aswan = أسوان; Aswān; Aswan
Luxor = الأقصر; al-Uqṣur; Luxor
Lebanon = لبنان; Lubnān; Lebanon; Liban; Libanon; الجمهورية اللبنانية; al-Jumhūrīyah al-Lubnānīyah; Lebanese Republic
Beirut = بيروت; Bayrūt; Beirut; Beyrouth; Beyrut; بيروت المحروسة; Bayrūt al-Maḥrūsah
Tripoli = طرابلس; Ṭarābulus; Tarabulus; Tripoli; Tripoli, Lebanon; طرابلس الشام; Ṭarābulus al-Shām; طرابلس الغرب; Ṭarābulus al-Gharb; Tripoli, Libya; Tripolis; Tarablus
Sidon = صيدا; Ṣaydā; Saida; Sayda; Sidon; Saïda
Tyre = صور; Ṣūr; Sour; Tyre
Jounieh = جونية; جونيه; Jūniyah; Jounieh; Juniyah
Harissa = حريصا; Ḥarīṣā; Ḥārīṣā; Harissa
Baabda = بعبدا; Baʻabdā; Baabda
Hazmiyeh = الحازمية; al-Ḥāzimīyah; Hazmieh; Hazmiyeh
Bikfaya = بكفيا; Bikfayyā; Bikfaya
Beit Chabab = بيت شباب; Bayt Shabāb; Beit Chabab; Beit Shabab
Zahle = زحلة; Zaḥlah; Zahle; Zahleh
Byblos = جبيل; Jubayl; Jbeil; Byblos
Batroun = البترون; al-Batrūn; Batroun
Beit Mery = بيت مري; Bayt Marī; Beit Mery
Jdeideh = جديدة المتن; Jdaydat al-Matn; Jdeideh
Nabatieh = النبطية; al-Nabaṭīyah; Nabatieh
Syria = سوريا; سورية; سوريه; Sūriyā; Sūrīyah; Suriya; Syria; Syrie; Syrien; الجمهورية العربية السورية; al-Jumhūrīyah al-ʻArabīyah al-Sūrīyah; Syrian Arab Republic; بلاد الشام; الشام; Bilād al-Shām; al-Shām; Sham
Damascus = دمشق; دمشق الشام; Dimashq; Dimashq al-Shām; Damascus; Damas; Damaskus; Dimascus
Aleppo = حلب; حلب الشهباء; Ḥalab; Halab; Aleppo; Alep; Haleb
Homs = حمص; Ḥimṣ; Ḥomṣ; Homs; Hims
Hama = حماة; حماه; Ḥamāh; Hama; Hamah
Latakia = اللاذقية; al-Lādhiqīyah; Latakia; Lattakia; Lattaquié
Tartus = طرطوس; Ṭarṭūs; Tartus
Deir ez-Zor = دير الزور; Dayr al-Zawr; Deir ez-Zor; Deir al-Zour
Raqqa = الرقة; al-Raqqah; Raqqa
Jordan = الأردن; الاردن; اردن; al-Urdun; Urdun; Jordan; Jordanie; المملكة الأردنية الهاشمية; al-Mamlakah al-Urdunīyah al-Hāshimīyah; Hashemite Kingdom of Jordan; شرق الأردن; Sharq al-Urdun; Transjordan
Amman = عمان; عمّان; ʻAmmān; Amman
Irbid = إربد; اربد; Irbid
Zarqa = الزرقاء; al-Zarqāʼ; Zarqa
Palestine = فلسطين; Filasṭīn; Falastin; Palestine; Palästina
Jerusalem = القدس; القدس الشريف; بيت المقدس; al-Quds; al-Quds al-Sharīf; Bayt al-Maqdis; Jerusalem; Jérusalem; Yerushalayim; أورشليم; Ūrshalīm
Jaffa = يافا; Yāfā; Jaffa; Yafa; Yafo
Haifa = حيفا; Ḥayfā; Haifa
Acre = عكا; ʻAkkā; Acre; Akka; Akko
Nazareth = الناصرة; al-Nāṣirah; Nazareth
Nablus = نابلس; Nābulus; Nablus
Gaza = غزة; Ghazzah; Gaza; Ghaza
Ramallah = رام الله; Rām Allāh; Ramallah
Bethlehem = بيت لحم; Bayt Laḥm; Bethlehem
Hebron = الخليل; al-Khalīl; Hebron
Tel Aviv = تل أبيب; Tall Abīb; Tel Aviv
Saudi Arabia = السعودية; المملكة العربية السعودية; al-Saʻūdīyah; al-Mamlakah al-ʻArabīyah al-Saʻūdīyah; Saudi Arabia; Kingdom of Saudi Arabia; KSA; Saudia
Hejaz = الحجاز; al-Ḥijāz; Hejaz; Hijaz
Riyadh = الرياض; al-Riyāḍ; Riyadh
Jeddah = جدة; جده; Jiddah; Jaddah; Juddah; Jeddah; Jidda; Djeddah
Mecca = مكة; مكة المكرمة; Makkah; Makkah al-Mukarramah; Mecca; Mekka; Makka; La Mecque
Medina = المدينة; المدينة المنورة; al-Madīnah; al-Madīnah al-Munawwarah; Medina; Madinah; Médine
Dammam = الدمام; al-Dammām; Dammam
Taif = الطائف; al-Ṭāʼif; Taif
Dhahran = الظهران; al-Ẓahrān; Dhahran
Abha = أبها; Abhā; Abha
Qassim = القصيم; al-Qaṣīm; Qassim
Kuwait = الكويت; al-Kuwayt; Kuwait; Koweït; State of Kuwait; دولة الكويت; Dawlat al-Kuwayt
Qatar = قطر; Qaṭar; Qatar; State of Qatar; دولة قطر
Doha = الدوحة; al-Dawḥah; Doha
Bahrain = البحرين; al-Baḥrayn; Bahrain; Bahrein; Kingdom of Bahrain; مملكة البحرين
Manama = المنامة; al-Manāmah; Manama
Muharraq = المحرق; al-Muḥarraq; Muharraq
United Arab Emirates = الإمارات; الامارات; الإمارات العربية المتحدة; al-Imārāt; al-Imārāt al-ʻArabīyah al-Muttaḥidah; United Arab Emirates; UAE; U.A.E.; Emirates
Abu Dhabi = أبو ظبي; أبوظبي; ابو ظبي; Abū Ẓaby; Abū Ẓabī; Abu Dhabi; Abu Zabi; Abou Dabi
Dubai = دبي; Dubayy; Dubai; Dubay
Sharjah = الشارقة; al-Shāriqah; Sharjah; Sharja
Al Ain = العين; al-ʻAyn; Al Ain; Al-Ain
Ras al-Khaimah = رأس الخيمة; Raʼs al-Khaymah; Ras al-Khaimah
Oman = سلطنة عمان; ʻUmān; Oman; Sultanate of Oman; Saltanat ʻUmān
Muscat = مسقط; Masqaṭ; Muscat; Mascate
Salalah = صلالة; Ṣalālah; Salalah
Nizwa = نزوى; Nizwá; Nizwa
Yemen = اليمن; يمن; al-Yaman; Yemen; Yaman; الجمهورية اليمنية; al-Jumhūrīyah al-Yamanīyah; Republic of Yemen
Sanaa = صنعاء; Ṣanʻāʼ; Sanaa; Sana'a; Sana
Aden = عدن; ʻAdan; Aden
Taiz = تعز; Taʻizz; Taiz
Hadramawt = حضرموت; Ḥaḍramawt; Hadramawt; Hadramaut; Hadhramawt; Hadhramaut
Mukalla = المكلا; al-Mukallā; Mukalla
Sudan = السودان; al-Sūdān; Sudan; Soudan
Khartoum = الخرطوم; al-Kharṭūm; Khartoum; Khartum
Omdurman = أم درمان; Umm Durmān; Omdurman
Libya = ليبيا; ليبية; Lībiyā; Libiya; Libya; Libye; الجماهيرية; al-Jamāhīrīyah
Benghazi = بنغازي; Banghāzī; Benghazi
Misrata = مصراتة; Miṣrātah; Misrata
Tunisia = الجمهورية التونسية; al-Jumhūrīyah al-Tūnisīyah; Tunisia; Tunisie; البلاد التونسية; al-Bilād al-Tūnisīyah
Tunis = تونس; Tūnis; Tunis; تونس العاصمة
Sfax = صفاقس; Ṣafāqis; Sfax
Sousse = سوسة; Sūsah; Sousse
Kairouan = القيروان; al-Qayrawān; Kairouan; Qayrawan
Algeria = الجزائر; al-Jazāʼir; Jazair; Algeria; Algérie; Algerie; Alger; Algiers; Algier; الجمهورية الجزائرية; al-Jumhūrīyah al-Jazāʼirīyah; الجزائر العاصمة
Oran = وهران; Wahrān; Oran
Constantine = قسنطينة; Qusanṭīnah; Constantine
Tlemcen = تلمسان; Tilimsān; Tlemcen
Annaba = عنابة; ʻAnnābah; Annaba
Blida = البليدة; al-Bulaydah; Blida
Batna = باتنة; Bātnah; Batna
Morocco = المغرب; المغرب الأقصى; المملكة المغربية; al-Maghrib; al-Maghrib al-Aqṣá; al-Mamlakah al-Maghribīyah; Morocco; Maroc; Marokko; Kingdom of Morocco
Rabat = الرباط; al-Ribāṭ; al-Rabāṭ; Rabat
Casablanca = الدار البيضاء; al-Dār al-Bayḍāʼ; Dar al-Baida; Dar el Beida; Casablanca
Fez = فاس; Fās; Fes; Fez; Fès
Marrakesh = مراكش; Marrākush; Marrakesh; Marrakech; Marrakush
Tangier = طنجة; Ṭanjah; Tangier; Tangiers; Tanger
Tetouan = تطوان; Tiṭwān; Taṭwān; Tetouan; Tetuan; Tétouan
Meknes = مكناس; Miknās; Meknes; Meknès
Agadir = أكادير; اكادير; Agadir
Oujda = وجدة; Wajdah; Oujda
Mohammedia = المحمدية; al-Muḥammadīyah; Mohammedia
Mauritania = موريتانيا; موريتانية; Mūrītāniyā; Muritaniya; Mauritania; Mauritanie
Nouakchott = نواكشوط; Nuwākshūṭ; Nouakchott
Somalia = الصومال; al-Ṣūmāl; Somalia
Mogadishu = مقديشو; Maqdīshū; Mogadishu
Djibouti = جيبوتي; Jībūtī; Djibouti
Comoros = جزر القمر; Juzur al-Qamar; Comoros
Iran = إيران; ايران; Īrān; Iran; Persia; Perse; فارس; بلاد فارس; Bilād Fāris; الجمهورية الإسلامية في إيران; الجمهورية الإسلامية الإيرانية; al-Jumhūrīyah al-Islāmīyah fī Īrān; Jumhūrī-i Islāmī-i Īrān; Islamic Republic of Iran
Tehran = طهران; تهران; Ṭihrān; Tihrān; Tehran; Teheran; Teherān; Téhéran; Tahran
Qom = قم; قم المشرفة; قم المقدسة; Qum; Qom; Qum al-Musharrafah; Qum al-Muqaddasah; Ghom
Mashhad = مشهد; مشهد المقدسة; Mashhad; Meshed; Mashhad al-Muqaddasah; Mashad
Isfahan = أصفهان; اصفهان; أصبهان; اصبهان; Iṣfahān; Iṣbahān; Isfahan; Esfahan; Ispahan
Tabriz = تبريز; Tabrīz; Tabriz; Tauris
Kashan = كاشان; Kāshān; Kashan
Shiraz = شيراز; Shīrāz; Shiraz
Kerman = كرمان; Kirmān; Karmān; Kerman
Yazd = يزد; Yazd
Hamadan = همدان; Hamadān; Hamadan
Qazvin = قزوين; Qazvīn; Qazvin
Rasht = رشت; Rasht
Ahvaz = الأهواز; أهواز; Ahvāz; al-Ahwāz; Ahvaz; Ahwaz
Turkey = تركيا; تركية; Turkiyā; Turkiya; Türkiye; Turkey; Turquie; الدولة العثمانية; al-Dawlah al-ʻUthmānīyah; Ottoman Empire
Istanbul = إسطنبول; اسطنبول; استانبول; إستانبول; إستنبول; استنبول; الآستانة; الاستانة; الأستانة العلية; الآستانة العلية; القسطنطينية; قسطنطينية; Isṭanbūl; Istanbul; İstanbul; Estambul; Stamboul; al-Āsitānah; al-Āstānah; Āsitānah al-ʻAlīyah; Constantinople; Konstantinopel; al-Qusṭanṭīnīyah; Qusṭanṭīnīyah; دار الخلافة العلية; Dār al-Khilāfah al-ʻAlīyah; Dersaadet; در سعادت
Ankara = أنقرة; انقرة; Anqarah; Ankara; Angora
Izmir = إزمير; ازمير; Izmir; İzmir; Smyrna
Bursa = بورصة; Būrṣah; Bursa
Konya = قونية; Qūnyah; Konya
Diyarbakir = ديار بكر; Diyār Bakr; Diyarbakir; Diyarbakır
Cyprus = قبرص; Qubruṣ; Cyprus; Chypre
Nicosia = نيقوسيا; Nīqūsiyā; Nicosia; Lefkosia
Afghanistan = أفغانستان; افغانستان; Afghānistān; Afghanistan
Kabul = كابل; Kābul; Kabul
Herat = هراة; Harāt; Herat
Pakistan = باكستان; Pākistān; Pakistan
Lahore = لاهور; Lāhūr; Lahore
Karachi = كراتشي; كراچي; Karāchī; Karachi
Islamabad = إسلام آباد; اسلام اباد; Islāmābād; Islamabad
India = الهند; al-Hind; India; Inde; Hindustan
Delhi = دلهي; دهلي; Dihlī; Delhi; New Delhi; نيودلهي; نيو دلهي
Hyderabad = حيدر آباد; حيدرآباد; حيدر آباد الدكن; Ḥaydarābād; Ḥaydarābād al-Dakkan; Hyderabad; Hyderabad Deccan; Haidarabad
Lucknow = لكنو; لكهنؤ; Lakhnaw; Lucknow
Bombay = بومباي; مومباي; Bumbāy; Bombay; Mumbai
Calcutta = كلكتا; كلكته; Kalkatah; Calcutta; Kolkata
Aligarh = عليكرة; علي كره; ʻAlīgarh; Aligarh
Bangladesh = بنغلاديش; Bangladesh
Dhaka = دكا; داكا; Dhaka; Dacca
Malaysia = ماليزيا; Mālīziyā; Malaysia
Kuala Lumpur = كوالالمبور; كوالا لمبور; Kuala Lumpur
Indonesia = إندونيسيا; اندونيسيا; Indonesia
Jakarta = جاكرتا; Jakarta; Djakarta
Singapore = سنغافورة; Singapore
Azerbaijan = أذربيجان; اذربيجان; Azerbaijan
Baku = باكو; Bākū; Baku
Uzbekistan = أوزبكستان; Uzbekistan
Tashkent = طشقند; Ṭashqand; Tashkent
Samarkand = سمرقند; Samarqand; Samarkand
Bukhara = بخارى; Bukhārá; Bukhara
Kazan = قازان; Qāzān; Kazan
Bosnia = البوسنة; al-Būsnah; Bosnia; Bosnia and Herzegovina
Sarajevo = سراييفو; Sarajevo
Russia = روسيا; Rūsiyā; Russia; Russie; Russland; الاتحاد السوفيتي; الاتحاد السوفياتي; Soviet Union; USSR; U.S.S.R.
Moscow = موسكو; Mūskū; Moscow; Moscou; Moskau; Moskva
Saint Petersburg = سانت بطرسبرغ; بطرسبرغ; بطرسبورغ; Saint Petersburg; St. Petersburg; St Petersburg; Leningrad; لينينغراد
China = الصين; al-Ṣīn; China; Chine
Beijing = بكين; Bikīn; Beijing; Peking; Pékin
Shanghai = شنغهاي; Shanghai
Japan = اليابان; al-Yābān; Japan; Japon
Tokyo = طوكيو; Ṭūkiyū; Tokyo
United Kingdom = بريطانيا; المملكة المتحدة; بريطانيا العظمى; انجلترا; إنكلترا; انكلترا; Barīṭāniyā; al-Mamlakah al-Muttaḥidah; Britain; Great Britain; United Kingdom; UK; U.K.; England; Angleterre; Inkiltarā
London = لندن; لندرة; Landan; Lundun; London; Londres
Oxford = أكسفورد; اكسفورد; اوكسفورد; Uksfūrd; Oxford; Oxon
Cambridge = كامبريدج; كمبردج; كامبردج; Kambrij; Cambridge; Cambridge, Mass.; Cambridge, MA
Edinburgh = إدنبرة; ادنبره; Edinburgh; Édimbourg
Manchester = مانشستر; Manchester
Exeter = إكستر; اكستر; Exeter
Durham = درم; درهام; Durham
Glasgow = غلاسكو; جلاسجو; Glasgow
Abingdon = أبينغدون; ابينجدون; Abingdon; Abingdon, Oxon; Milton Park
Basingstoke = بيزنجستوك; Basingstoke; Houndmills
Cheltenham = تشلتنهام; Cheltenham
Reading = ريدنغ; Reading
Birmingham = برمنغهام; برمنجهام; Birmingham
Leeds = ليدز; Leeds
Ireland = إيرلندا; ايرلندا; Ireland; Eire
Dublin = دبلن; Dublin
France = فرنسا; فرنسة; Faransā; France; Frankreich
Paris = باريس; باريز; Bārīs; Bārīz; Paris
Lyon = ليون; Lyon; Lyons
Marseille = مرسيليا; Marsīliyā; Marseille; Marseilles
Aix-en-Provence = إكس أون بروفانس; Aix-en-Provence; Aix
Strasbourg = ستراسبورغ; Strasbourg; Strassburg
Bordeaux = بوردو; Bordeaux
Germany = ألمانيا; المانيا; Almāniyā; Germany; Allemagne; Deutschland
Berlin = برلين; Barlīn; Berlin
Leipzig = لايبزيغ; ليبزيغ; ليبسك; Leipzig; Lipsiae
Munich = ميونخ; ميونيخ; Munich; München; Muenchen
Hamburg = هامبورغ; Hamburg
Frankfurt = فرانكفورت; Frankfurt; Frankfurt am Main; Frankfort
Wiesbaden = فيسبادن; Wiesbaden
Göttingen = غوتنغن; Göttingen; Goettingen; Gottingen
Heidelberg = هايدلبرغ; Heidelberg
Bonn = بون; Bonn
Cologne = كولونيا; Köln; Koeln; Cologne
Stuttgart = شتوتغارت; Stuttgart
Tübingen = توبنغن; Tübingen; Tuebingen
Freiburg = فرايبورغ; Freiburg
Halle = هاله; Halle; Halle an der Saale
Netherlands = هولندا; Hūlandā; Netherlands; The Netherlands; Holland; Pays-Bas; Nederland
Leiden = ليدن; لايدن; ليدن هولندا; Laydin; Līdin; Leiden; Leyden; Leyde; Lugduni Batavorum
Amsterdam = أمستردام; امستردام; Amsterdam
The Hague = لاهاي; Lāhāy; The Hague; Hague; Den Haag; La Haye; 's-Gravenhage
Utrecht = أوترخت; Utrecht
Belgium = بلجيكا; Baljīkā; Belgium; Belgique
Brussels = بروكسل; Bruksil; Brussels; Bruxelles; Brussel
Louvain = لوفان; Louvain; Leuven; Louvain-la-Neuve
Switzerland = سويسرا; Swīsrā; Switzerland; Suisse; Schweiz
Geneva = جنيف; Jinīf; Geneva; Genève; Geneve; Genf
Zurich = زيورخ; Zurich; Zürich
Bern = برن; Bern; Berne
Lausanne = لوزان; Lausanne
Basel = بازل; Basel; Bâle; Basle
Austria = النمسا; al-Namsā; Austria; Autriche; Österreich
Vienna = فيينا; Fiyinnā; Vienna; Vienne; Wien
Italy = إيطاليا; ايطاليا; Īṭāliyā; Italy; Italie; Italia
Rome = روما; رومة; Rūmā; Rome; Roma
Milan = ميلانو; ميلان; Milan; Milano
Naples = نابولي; Naples; Napoli
Venice = البندقية; فينيسيا; Venice; Venezia; Venise
Florence = فلورنسا; Florence; Firenze
Turin = تورينو; Turin; Torino
Spain = إسبانيا; اسبانيا; Isbāniyā; Spain; Espagne; España; Espana; الأندلس; al-Andalus
Madrid = مدريد; Madrīd; Madrid
Barcelona = برشلونة; Barshalūnah; Barcelona; Barcelone
Granada = غرناطة; Gharnāṭah; Granada; Grenade
Cordoba = قرطبة; Qurṭubah; Cordoba; Córdoba; Cordova
Seville = إشبيلية; اشبيلية; Ishbīliyah; Seville; Sevilla
Portugal = البرتغال; al-Burtughāl; Portugal
Lisbon = لشبونة; Lishbūnah; Lisbon; Lisboa; Lisbonne
Greece = اليونان; al-Yūnān; Greece; Grèce
Athens = أثينا; اثينا; Athīnā; Athens; Athènes
Malta = مالطا; مالطة; Māliṭah; Malta; Valletta
Denmark = الدنمارك; Denmark
Copenhagen = كوبنهاغن; كوبنهاجن; Copenhagen; København; Copenhague
Sweden = السويد; Sweden; Suède
Stockholm = ستوكهولم; Stockholm
Uppsala = أوبسالا; Uppsala; Upsala
Norway = النرويج; Norway
Oslo = أوسلو; Oslo
Finland = فنلندا; Finland
Helsinki = هلسنكي; Helsinki
Poland = بولندا; Poland; Pologne
Warsaw = وارسو; Warsaw; Warszawa; Varsovie
Krakow = كراكوف; Krakow; Kraków; Cracow
Czech Republic = التشيك; Czech Republic; Czechia; Czechoslovakia; تشيكوسلوفاكيا
Prague = براغ; Prague; Praha; Prag
Hungary = المجر; هنغاريا; Hungary
Budapest = بودابست; Budapest
Romania = رومانيا; Romania; Roumanie
Bucharest = بوخارست; Bucharest; Bucureşti; Bucuresti
Bulgaria = بلغاريا; Bulgaria
Sofia = صوفيا; Sofia
Serbia = صربيا; Serbia; Yugoslavia; يوغوسلافيا
Belgrade = بلغراد; Belgrade; Beograd
United States = الولايات المتحدة; الولايات المتحدة الأمريكية; الولايات المتحدة الأميركية; أمريكا; امريكا; أميركا; al-Wilāyāt al-Muttaḥidah; al-Wilāyāt al-Muttaḥidah al-Amrīkīyah; Amrīkā; United States; United States of America; USA; U.S.A.; US; U.S.; America; États-Unis
New York = نيويورك; نيو يورك; Nyū Yūrk; New York; New York, NY; NY; N.Y.; New York City; NYC
Washington = واشنطن; واشنطون; Wāshinṭun; Washington; Washington, DC; Washington, D.C.; Washington DC; DC; D.C.
Boston = بوسطن; Busṭun; Boston
Chicago = شيكاغو; Shīkāghū; Chicago
Princeton = برنستون; برينستون; Princeton; Princeton, NJ
New Haven = نيو هيفن; New Haven
Berkeley = بيركلي; Berkeley
Los Angeles = لوس أنجلوس; لوس انجلوس; Los Angeles
San Francisco = سان فرانسيسكو; San Francisco
Stanford = ستانفورد; Stanford; Palo Alto
Ann Arbor = آن آربر; Ann Arbor
Austin = أوستن; Austin
Albany = ألباني; Albany
Bloomington = بلومنغتون; Bloomington
Philadelphia = فيلادلفيا; Philadelphia
Baltimore = بالتيمور; Baltimore
Syracuse = سيراكيوز; Syracuse
Ithaca = إيثاكا; Ithaca
Seattle = سياتل; Seattle
Salt Lake City = سولت ليك سيتي; Salt Lake City
Minneapolis = مينيابوليس; Minneapolis
Santa Monica = سانتا مونيكا; Santa Monica
Thousand Oaks = ثاوزند أوكس; Thousand Oaks
Newbury Park = Newbury Park
Beverly Hills = بيفرلي هيلز; Beverly Hills
Lanham = لانهام; Lanham; Lanham, MD
Boulder = بولدر; Boulder
Westport = ويستبورت; Westport
Chapel Hill = تشابل هيل; Chapel Hill
Detroit = ديترويت; Detroit
Houston = هيوستن; Houston
Miami = ميامي; Miami
Atlanta = أتلانتا; Atlanta
Canada = كندا; Kanadā; Canada
Toronto = تورنتو; تورونتو; Toronto
Montreal = مونتريال; Montreal; Montréal
Ottawa = أوتاوا; Ottawa
Vancouver = فانكوفر; Vancouver
Australia = أستراليا; استراليا; Australia
Sydney = سيدني; Sydney
Melbourne = ملبورن; Melbourne
Canberra = كانبرا; Canberra
Brazil = البرازيل; برازيل; al-Barāzīl; Brāzīl; Brazil; Brasil; Brésil
Sao Paulo = سان باولو; ساو باولو; Sān Bāwlū; São Paulo; Sao Paulo
Rio de Janeiro = ريو دي جانيرو; Rio de Janeiro
Argentina = الأرجنتين; الارجنتين; Argentina
Buenos Aires = بوينس آيرس; Buenos Aires
Mexico = المكسيك; Mexico; México
Nigeria = نيجيريا; Nigeria
Senegal = السنغال; Senegal; Sénégal
Dakar = داكار; Dakar
Ethiopia = إثيوبيا; الحبشة; Ethiopia; Abyssinia
Addis Ababa = أديس أبابا; Addis Ababa
South Africa = جنوب أفريقيا; جنوب افريقيا; South Africa
Kenya = كينيا; Kenya
Nairobi = نيروبي; Nairobi
Zanzibar = زنجبار; Zanjibār; Zanzibar
Israel = إسرائيل; اسرائيل; Israel
Kurdistan = كردستان; كوردستان; Kurdistān; Kurdistan
California = California; CA; Calif.
Massachusetts = Massachusetts; MA; Mass.
New Jersey = New Jersey; NJ; N.J.
Connecticut = Connecticut; CT; Conn.
Illinois = Illinois; IL; Ill.
Maryland = Maryland; MD; Md.
Pennsylvania = Pennsylvania; PA; Pa.
Texas = Texas; TX; Tex.
Michigan = Michigan; MI; Mich.
Colorado = Colorado
Indiana = Indiana
North Carolina = North Carolina; NC; N.C.
Oxfordshire = Oxfordshire; Oxon.
Hampshire = Hampshire; Hants; Hampshire, UK
"""

# Sine loco: "place not known" markers that fill the place slot of an entry.
_SINE_LOCO = (
    "s.l.",
    "s. l.",
    "sine loco",
    "n.p.",
    "n. p.",
    "no place",
    "place of publication not identified",
    "place not identified",
    "lieu de publication non identifié",
    "د.م",
    "د. م",
    "د.م.",
    "د م",
    "ب.م",
    "ب.م.",
    "بلا مكان",
    "بدون مكان",
    "دون مكان",
    "بلا مكان نشر",
    "دون مكان نشر",
    "بدون مكان نشر",
    "مكان النشر غير معروف",
    "مكان النشر غير محدد",
)

# Sine nomine: "publisher not known" markers that fill the publisher slot.
_SINE_NOMINE = (
    "s.n.",
    "s. n.",
    "sine nomine",
    "n.p.",
    "no publisher",
    "publisher not identified",
    "publisher unknown",
    "د.ن",
    "د. ن",
    "د.ن.",
    "د ن",
    "س.ن",
    "بلا ناشر",
    "بدون ناشر",
    "دون ناشر",
    "الناشر غير محدد",
    "الناشر غير معروف",
)


def _parse_table(table: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in table.strip().splitlines():
        key, _, rest = line.partition("=")
        variants = [v.strip() for v in rest.split(";") if v.strip()]
        out[key.strip()] = (key.strip(), *variants)
    return out


@functools.cache
def _places() -> dict[str, str]:
    """Variants with their article, plus article-less forms (نجف, Najaf, بصرة) unless one of
    the place's article-less Arabic forms is a given name (الخليل/خليل, الرياض/رياض).
    Arabic variants that are themselves given names are left out."""
    out: dict[str, str] = {}
    bare: dict[str, str] = {}
    for key, variants in _parse_table(_PLACE_TABLE).items():
        names_clash = any(fold_key(v) in _given_names() for v in variants if has_arabic(v))
        for variant in variants:
            folded = fold_key(variant, articles=True)
            if has_arabic(variant) and folded in _given_names():
                continue  # a bare given name (فارس، هالة) is not taken for a place
            if folded:
                out.setdefault(folded, key)
            if not names_clash and (stripped := fold_key(variant)):
                bare.setdefault(stripped, key)
    for stripped, key in bare.items():
        out.setdefault(stripped, key)
    for marker in _SINE_LOCO:
        folded = fold_key(marker, articles=True)
        if folded:
            out.setdefault(folded, UNKNOWN_PLACE)
    return out


"""Folded place-name variant (``fold_key(v, articles=True)``, and the article-less form
``fold_key(v)``) -> canonical (English) place key."""

_PLACE_SPLIT = re.compile(r"[,،;؛:=\[\]()/&]|\s+and\s+|\s+et\s+|\s+und\s+")
_UNCERTAIN = re.compile(r"[?؟]")


@functools.lru_cache(maxsize=4096)
def place_key(text: str) -> str | None:
    """Canonical key of the place named by the whole of ``text``, else ``None``.

    Brackets, ISBD punctuation and uncertainty marks are ignored (``[مصر؟] :`` ->
    ``Egypt``).  A place statement of several places ("بيروت، لبنان", "Cambridge, MA",
    "London and New York", "Dār al-Khilāfah [Istanbul]") is a place when every part is;
    its key is that of the first part.
    """
    text = _UNCERTAIN.sub(" ", text)
    whole = fold_key(text, articles=True)
    if not whole:
        return None
    hit = _places().get(whole)
    if hit is not None:
        return hit
    keys: list[str] = []
    for part in _PLACE_SPLIT.split(text):
        folded = fold_key(part, articles=True)
        if not folded:
            continue
        key = _places().get(folded)
        if key is None:
            return None
        keys.append(key)
    return keys[0] if keys else None


def is_place(text: str) -> bool:
    """True when the whole of ``text`` is a known place statement (see :func:`place_key`)."""
    return place_key(text) is not None  # place_key's memo answers (a second one cost memory)


# ---------------------------------------------------------------------------------------
# Word lexicons
# ---------------------------------------------------------------------------------------


def _folded_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(f for f in (fold_key(w) for w in words) if f)


_PUBLISHER_RAW = """
مطبعة، المطبعة، مطابع، مطبع، مطبعه، دار، مكتبة، المكتبة، مكتبه، كتبخانه، مكتب، جامعة، كلية،
مركز، معهد، وزارة، شركة، شركت، منشورات، مطبوعات، مؤسسة، مؤسسه، هيئة، مجلس، جمعية، اتحاد، منظمة،
أكاديمية، إدارة، مديرية، مجمع، دائرة، الناشر، ناشر، ناشرون، الناشرون، نشر، طبع،
طباعة، يباع، يطلب، لجنة، ملتزم، ملتزمة، بنفقة، نفقة، بمعرفة، وشركاه، شركاه، وأولاده، اولاده،
أولاده، إخوان، اخوان، وإخوانه، اخوانه، وأخويه، عني، عنيت، مدرسة، أمانة، رئاسة، المكتب،
للنشر، للطباعة، للتوزيع، توزيع، دار النشر، نادي، مطبعة الحكومة، ورشة، انتشارات، انتشارة،
چاپخانه، چاپ، چاپخانۀ، کتابفروشی، کتابفروش، كتابفروشي، کتابخانه، دانشگاه، دانشكده، بنیاد، انجمن،
آستان، سازمان، وزارت، مرکز، پژوهشگاه، پژوهشکده، نشریات
"""

_PUBLISHER_LATIN = """
Maṭbaʻat; Maṭbaʻah; Matbaat; Matbaah; Matbaa; Matba'a; Maṭābiʻ; Matabi; Maṭbaʻ; Matba; Maṭbūʻāt;
Matbuat; Matbaası; Matbaasi; Dār; Dar; Maktabat; Maktabah; Maktaba; Maktab; Kutubkhānah;
Jāmiʻat; Jāmiʻah; Jamiat; Jamiah; Jamia; Kullīyat; Kullīyah; Kulliyat; Kulliyah; Markaz; Maʻhad;
Mahad; Wizārat; Wizarat; Wizārah; Sharikat; Sharikah; Shirkat; Shirkah; Manshūrāt; Manshurat;
Muʼassasat; Muʼassasah; Muassasat; Muassasa; Hayʼat; Hayat; Hayʼah; Majlis; Jamʻīyat; Jamʻīyah;
Jamiyat; Jamiyah; Ittiḥād; Ittihad; Munaẓẓamat; Munazzamat; Munaẓẓamah; Akādīmīyah; Akadimiyah;
Idārat; Idarat; Idārah; Mudīrīyat; Mudiriyat; Mudīrīyah; Majmaʻ; Majma; Dāʼirat; Dairat;
Dāʼirah; Nāshir; Nashir; Nāshirūn; Nashr; Ṭabʻ; Tab; Ṭibāʻah; Tibaah; Yubāʻ; Yuba; Yuṭlab;
Yutlab; Yuṭlabu; Lajnat; Lajnah; Multazim; Multazimat; Nafaqat; bi-nafaqat; Maʻrifat;
bi-maʻrifat; Shurakāh; Shurakah; Awlāduh; Awlādih; Awladuh; Ikhwān; Ikhwan; Ṭubiʻa; Tubia;
Ṭubiʻat; ʻUniya; ʻUniyat; Madrasat; Madrasah; Amānat; Amanat; Riʼāsat; Riasat;
Tawzīʻ; Tawzi; Nādī; Nadi; Intishārāt; Intisharat; Initshārat; Chāpkhānah; Chapkhanah;
Chāpkhānah-ʼi; Jāpkhānah; Chāp; Chap; Kitābfurūshī; Kitabfurushi; Kitābfurūsh; Kitabfurush;
Kitābkhānah; Kitabkhanah; Dānishgāh; Danishgah; Dānishkadah; Bunyād; Bunyad; Anjuman; Āstān;
Astan; Sāzmān; Sazman; Vizārat; Vizarat; Pizhūhishgāh; Pizhūhishkadah; Nashrīyāt;
Press; Presses; University; Université; Universität; Universitat; Universidad; College;
Faculty; Institute; Institut; Instituto; Center; Centre; Publishing; Publisher; Publishers;
Publications; Publication; Ministry; Council; Association; Society; Société; Gesellschaft;
Foundation; Fondation; Stiftung; Academy; Académie; Akademie; Library; Libraries; Librairie;
Bookshop; Bookstore; Booksellers; Department; Dept; Books; Company; Co; Inc; Ltd; LLC; GmbH;
Verlag; Éditions; Editions; Editeur; Éditeur; Editores; Editorial; Printing; Printers;
Printer; Imprimerie; Druckerei; Organization; Organisation; Directorate; Verlagsbuchhandlung;
Brill; Routledge; Harrassowitz; Palgrave; Macmillan; Springer; Longman; Praeger; Elsevier;
Peeters; Luzac; Karthala; Maisonneuve; Larose; Geuthner; Gallimard; Fayard; Harmattan;
L'Harmattan; Ashgate; Bloomsbury; Westview; Gorgias; Saqi; I.B. Tauris
"""


@functools.cache
def _publisher_words() -> frozenset[str]:
    """Folded words (and a few word pairs) that mark a publisher, printer or institution."""
    return _folded_set(
        [w.strip() for w in re.split(r"[،\n]", _PUBLISHER_RAW) if w.strip()]
        + [w.strip() for w in _PUBLISHER_LATIN.split(";") if w.strip()]
    )


_JOURNAL_RAW = (
    "مجلة",
    "المجلة",
    "مجلات",
    "مجله",
    "حولية",
    "حوليات",
    "دورية",
    "دوريات",
    "نشرة",
    "النشرة",
    "صحيفة",
    "جريدة",
    "فصلية",
    "ماهنامه",
    "فصلنامه",
    "دوفصلنامه",
    "نشريه",
    "گاهنامه",
    "Majallat",
    "Majallah",
    "Majalla",
    "Majallāt",
    "Ḥawlīyat",
    "Ḥawlīyāt",
    "Hawliyat",
    "Hawliyyat",
    "Dawrīyah",
    "Dawriyya",
    "Nashrah",
    "Nashrat",
    "Ṣaḥīfat",
    "Ṣaḥīfah",
    "Sahifa",
    "Jarīdat",
    "Jarīdah",
    "Jarida",
    "Faṣlīyah",
    "Faṣlnāmah",
    "Fasl-namah",
    "Māhnāmah",
    "Journal",
    "Journals",
    "Jrnl",
    "Jour",
    "Magazine",
    "Review",
    "Revue",
    "Revista",
    "Rivista",
    "Zeitschrift",
    "Bulletin",
    "Newsletter",
    "Quarterly",
    "Annals",
    "Annales",
    "Annual",
    "Yearbook",
    "Proceedings",
    "Transactions",
    "Gazette",
    "Newspaper",
    "Periodical",
    "Studia",
    "Cahiers",
)


@functools.cache
def _journal_words() -> frozenset[str]:
    return _folded_set(_JOURNAL_RAW)


"""Folded words that mark a periodical title."""

_CORPORATE_RAW = (
    "وحدة",
    "مركز",
    "جامعة",
    "كلية",
    "وزارة",
    "هيئة",
    "مؤسسة",
    "منظمة",
    "لجنة",
    "مجلس",
    "قسم",
    "مديرية",
    "إدارة",
    "دائرة",
    "جمعية",
    "اتحاد",
    "معهد",
    "حكومة",
    "رئاسة",
    "أمانة",
    "الأمانة العامة",
    "وكالة",
    "مفوضية",
    "بنك",
    "مصرف",
    "صندوق",
    "برنامج",
    "مكتب",
    "سفارة",
    "قنصلية",
    "بلدية",
    "محافظة",
    "ديوان",
    "الأمم المتحدة",
    "جامعة الدول العربية",
    "مجمع",
    "أكاديمية",
    "منتدى",
    "شبكة",
    "Waḥdat",
    "Wahdat",
    "Markaz",
    "Jāmiʻat",
    "Jamiat",
    "Kullīyat",
    "Wizārat",
    "Wizarat",
    "Hayʼat",
    "Muʼassasat",
    "Munaẓẓamat",
    "Lajnat",
    "Majlis",
    "Qism",
    "Mudīrīyat",
    "Idārat",
    "Dāʼirat",
    "Jamʻīyat",
    "Ittiḥād",
    "Maʻhad",
    "Ḥukūmat",
    "Hukumat",
    "Riʼāsat",
    "Unit",
    "Center",
    "Centre",
    "Ministry",
    "University",
    "College",
    "Faculty",
    "Organization",
    "Organisation",
    "Committee",
    "Council",
    "Agency",
    "Commission",
    "Department",
    "Government",
    "Institute",
    "Office",
    "Bureau",
    "Directorate",
    "Secretariat",
    "Authority",
    "Association",
    "Society",
    "Union",
    "League",
    "Bank",
    "Fund",
    "Programme",
    "Program",
    "Forum",
    "Network",
    "Embassy",
    "Consulate",
    "Municipality",
    "Nations",
    "United Nations",
    "Academy",
    "Foundation",
    "Board",
    "Administration",
    "Corporation",
    "Company",
    "Group",
    "Initiative",
    "Observatory",
    "Unesco",
    "UNDP",
    "UNHCR",
    "UNICEF",
    "ESCWA",
    "IMF",
    "OECD",
    "NATO",
    "World Bank",
)


@functools.cache
def _corporate_words() -> frozenset[str]:
    return _folded_set(_CORPORATE_RAW)


"""Folded words that make an author a corporate body (unit, ministry, council ...)."""

_SITE_RAW = (
    "موقع",
    "الموقع",
    "موقع إلكتروني",
    "الموقع الإلكتروني",
    "الموقع الرسمي",
    "بوابة",
    "منصة",
    "مدونة",
    "صفحة",
    "Mawqiʻ",
    "Mawqi",
    "website",
    "web site",
    "web-site",
    "site",
    "portal",
    "web portal",
    "webpage",
    "web page",
    "homepage",
    "home page",
    "blog",
    "online",
)


@functools.cache
def _site_words() -> frozenset[str]:
    return _folded_set(_SITE_RAW)


"""Folded words that mark a web source."""


# ---------------------------------------------------------------------------------------
# Bilingual bibliographic terms
# ---------------------------------------------------------------------------------------

# One concept a line: ``key = variants``.  Arabic forms are given once (the article and
# attached prefixes are folded away); ALA-LC forms fold to popular ASCII; English last.
_TERM_TABLE = """
university = جامعة; جامعات; جامعي; جامعية; دانشگاه; Jāmiʻah; Jāmiʻat; Jamia; Jāmiʻāt; Jāmiʻī; Jāmiʻīyah; Dānishgāh; University; Universities; Université; Universität; Universidad; Università
college = كلية; كليات; دانشكده; Kullīyah; Kullīyat; Kullīyāt; Dānishkadah; College; Faculty; Faculté; School
press = مطبعة; مطابع; مطبع; چاپخانه; Maṭbaʻah; Maṭbaʻat; Maṭābiʻ; Matbaa; Maṭbaʻ; Chāpkhānah; Press; Presses; Imprimerie; Druckerei; Printers; Printing house; Printing press
printing = طباعة; طبع; طبعة; چاپ; Ṭibāʻah; Ṭabʻ; Ṭabʻah; Chāp; Printing; Print; Imprint
publishing house = دار; Dār; House; Maison
publishing = نشر; ناشر; ناشرون; منشورات; انتشارات; نشريات; Nashr; Nāshir; Nāshirūn; Manshūrāt; Intishārāt; Publishing; Publisher; Publishers; Publications; Éditions; Editions; Verlag
library = مكتبة; مكتبات; كتبخانه; کتابخانه; کتابفروشی; Maktabah; Maktabat; Maktabāt; Kitābkhānah; Kitābfurūshī; Library; Libraries; Bookshop; Bookstore; Booksellers; Librairie; Bibliothèque; Bibliotheque
office = مكتب; Maktab; Office; Bureau
center = مركز; مراكز; Markaz; Marākiz; Center; Centre; Centers; Centres; Centro; Zentrum
institute = معهد; معاهد; Maʻhad; Maʻāhid; Institute; Institutes; Institut; Instituto; Istituto
ministry = وزارة; وزارت; Wizārah; Wizārat; Vizārat; Ministry; Ministère; Ministerium; Ministerio
journal = مجلة; مجلات; مجله; Majallah; Majallāt; Journal; Journals; Magazine; Review; Revue; Revista; Zeitschrift
annals = حولية; حوليات; سالنامه; Ḥawlīyah; Ḥawlīyāt; Annals; Annales; Yearbook; Annual; Annuaire; Jahrbuch
bulletin = نشرة; Nashrah; Bulletin; Newsletter
newspaper = جريدة; صحيفة; جرائد; صحف; Jarīdah; Ṣaḥīfah; Jarāʼid; Ṣuḥuf; Newspaper; Gazette; Daily
periodical = دورية; دوريات; Dawrīyah; Dawrīyāt; Periodical; Periodicals; Serial
quarterly = فصلية; فصلنامه; Faṣlīyah; Faṣlnāmah; Quarterly; Trimestrielle
monthly = شهرية; ماهنامه; Shahrīyah; Māhnāmah; Monthly; Mensuel
studies = دراسات; دراسة; مطالعات; Dirāsāt; Dirāsah; Derasat; Muṭālaʻāt; Studies; Study; Études; Etudes; Studien; Studi; Studia
research = بحوث; أبحاث; بحث; باحث; باحثون; تحقيقات; پژوهش; Buḥūth; Abḥāth; Baḥth; Bāḥith; Bāḥithūn; Taḥqīqāt; Pizhūhish; Research; Researches; Researcher; Recherche; Recherches; Forschung
political = سياسي; سياسية; سياسة; سياسات; Siyāsī; Siyāsīyah; Siyāsah; Siyāsāt; Political; Politics; Policy; Policies; Politique; Politik
science = علوم; علم; Ulūm; ʻIlm; Science; Sciences; Wissenschaft; Wissenschaften
scientific = علمي; علمية; Ilmī; ʻIlmīyah; Scientific; Scientifique; Wissenschaftlich; Academic
international = دولي; دولية; عالمي; عالمية; Duwalī; Dawlī; Duwalīyah; Dawlīyah; ʻĀlamī; ʻĀlamīyah; International; Internationale; Global; World; Mondial
state = دولة; دول; Dawlah; Duwal; State; States; Staat; État
Arab = عربي; عربية; عرب; عروبة; Arabī; ʻArabīyah; ʻArab; ʻUrūbah; Arab; Arabic; Arabe; Arabian; Arabisch; Arabes
Islamic = إسلامي; إسلامية; إسلام; مسلم; مسلمون; مسلمين; Islāmī; Islāmīyah; Islām; Muslim; Muslimūn; Muslimīn; Islamic; Islam; Muslims; Islamique; Islamisch
national = وطني; وطنية; قومي; قومية; ملي; Waṭanī; Waṭanīyah; Qawmī; Qawmīyah; Millī; National; Nationale; Nationalism
economic = اقتصادي; اقتصادية; اقتصاد; Iqtiṣādī; Iqtiṣādīyah; Iqtiṣād; Economic; Economics; Economy; Économique; Economique; Wirtschaft
strategic = استراتيجي; استراتيجية; إستراتيجية; استراتيجيات; Istirātījī; Istirātījīyah; Istrātījīyah; Strategic; Strategy; Strategies; Stratégique; Strategique
social = اجتماعي; اجتماعية; Ijtimāʻī; Ijtimāʻīyah; Social; Sociale; Sociology; Sociological
culture = ثقافة; ثقافي; ثقافية; فرهنگ; فرهنگي; Thaqāfah; Thaqāfī; Thaqāfīyah; Farhang; Farhangī; Culture; Cultural; Culturel; Kultur
arts = فنون; فن; فني; فنية; Funūn; Fann; Fannī; Fannīyah; Arts; Art; Artistic; Fine Arts
literature = أدب; آداب; أدبي; أدبية; أدباء; Adab; Ādāb; Adabī; Adabīyah; Udabāʼ; Literature; Literary; Letters; Lettres; Literatur
history = تاريخ; تاريخي; تاريخية; Tārīkh; Tārīkhī; Tārīkhīyah; History; Historical; Histoire; Geschichte; Historic
heritage = تراث; Turāth; Heritage; Patrimoine
education = تربية; تعليم; تربوي; تربوية; تعليمي; Tarbiyah; Taʻlīm; Tarbawī; Tarbawīyah; Taʻlīmī; Education; Educational; Teaching; Pedagogy
higher = عالي; عالية; عليا; Ālīyah; ʻUlyā; Higher; High; Advanced
supreme = أعلى; Aʻlá; Supreme; Superior
council = مجلس; مجالس; Majlis; Majālis; Council; Councils; Conseil
committee = لجنة; لجان; Lajnah; Lajnat; Lijān; Committee; Committees; Comité
association = جمعية; جمعيات; انجمن; Jamʻīyah; Jamʻīyat; Jamʻīyāt; Anjuman; Association; Society; Societies; Société; Gesellschaft
union = اتحاد; Ittiḥād; Union; Federation; Fédération
organization = منظمة; منظمات; سازمان; Munaẓẓamah; Munaẓẓamat; Munaẓẓamāt; Sāzmān; Organization; Organisation; Organizations
foundation = مؤسسة; مؤسسات; مؤسسه; بنياد; Muʼassasah; Muʼassasat; Muʼassasāt; Bunyād; Foundation; Institution; Institutions; Establishment; Fondation; Stiftung
authority = هيئة; هيئات; Hayʼah; Hayʼat; Hayʼāt; Authority; Board; Commission; Body; Agency
academy = أكاديمية; أكاديمي; مجمع; مجامع; فرهنگستان; Akādīmīyah; Akādīmī; Majmaʻ; Majāmiʻ; Academy; Académie; Akademie; Academies
administration = إدارة; Idārah; Idārat; Administration; Management; Direction
directorate = مديرية; Mudīrīyah; Mudīrīyat; Directorate; Directorate-General
department = دائرة; قسم; أقسام; Dāʼirah; Dāʼirat; Qism; Aqsām; Department; Departments; Division; Section; Dept
general = عامة; عمومي; عمومية; ʻĀmmah; ʻUmūmī; ʻUmūmīyah; General; Public; Générale; Generale
company = شركة; شركات; شركت; Sharikah; Sharikat; Shirkat; Sharikāt; Company; Companies; Co; Corporation; Inc; Ltd; Société anonyme
government = حكومة; حكومي; حكومية; Ḥukūmah; Ḥukūmī; Ḥukūmīyah; Government; Governmental; Gouvernement
affairs = شؤون; Shuʼūn; Affairs; Affaires
relations = علاقات; Alāqāt; Relations; Relationships
foreign = خارجية; خارجي; Khārijīyah; Khārijī; Foreign; External; Étrangères
interior = داخلية; Dākhilīyah; Interior; Internal; Home Affairs
media = إعلام; إعلامي; إعلامية; Iʻlām; Iʻlāmī; Iʻlāmīyah; Media; Mass media; Communication
guidance = إرشاد; Irshād; Guidance
Egyptian = مصري; مصرية; Miṣrī; Miṣrīyah; Egyptian; Égyptienne; Egyptienne
Iraqi = عراقي; عراقية; عراقيين; ʻIrāqī; ʻIrāqīyah; ʻIrāqīyīn; Iraqi; Iraqis
Lebanese = لبناني; لبنانية; لبنانيين; Lubnānī; Lubnānīyah; Lubnānīyīn; Lebanese; Libanaise
Syrian = سوري; سورية; Sūrī; Sūrīyah; Syrian; Syrienne
Saudi = سعودي; سعودية; Saʻūdī; Saʻūdīyah; Saudi
Jordanian = أردني; أردنية; Urdunī; Urdunīyah; Jordanian
Palestinian = فلسطيني; فلسطينية; Filasṭīnī; Filasṭīnīyah; Palestinian
Kuwaiti = كويتي; كويتية; Kuwaytī; Kuwaytīyah; Kuwaiti
Emirates = إمارات; إماراتي; Imārāt; Imārātī; Emirates; Emirati
Gulf = خليج; خليجي; خليجية; Khalīj; Khalījī; Khalījīyah; Gulf
Moroccan = مغربي; مغربية; Maghribī; Maghribīyah; Moroccan; Maghrebi; Maghreb
Tunisian = تونسي; تونسية; Tūnisī; Tūnisīyah; Tunisian; Tunisienne
Algerian = جزائري; جزائرية; Jazāʼirī; Jazāʼirīyah; Algerian; Algérienne
Iranian = إيراني; إيرانية; Īrānī; Īrānīyah; Iranian; Persian; Fārsī; فارسي
Turkish = تركي; تركية; عثماني; عثمانية; Turkī; Turkīyah; ʻUthmānī; ʻUthmānīyah; Turkish; Ottoman; Turkic
Kurdish = كردي; كردية; Kurdī; Kurdīyah; Kurdish
American = أمريكي; أمريكية; أميركي; أميركية; أميركاني; أميركانية; Amrīkī; Amrīkīyah; Amīrikī; Amīrikīyah; Amīrkānīyah; Amīrikānīyah; American; Américaine
French = فرنسي; فرنسية; Faransī; Faransīyah; French; Française; Francais
British = بريطاني; بريطانية; إنجليزي; إنكليزي; Barīṭānī; Barīṭānīyah; Injilīzī; Inklīzī; British; English
European = أوروبي; أوروبية; Ūrūbbī; Ūrūbbīyah; Urubbi; European; Européenne
African = أفريقي; أفريقية; إفريقي; Afrīqī; Afrīqīyah; African; Africaine
Asian = آسيوي; آسيوية; Āsiyawī; Asian
Russian = روسي; روسية; Rūsī; Rūsīyah; Russian
Chinese = صيني; صينية; Ṣīnī; Ṣīnīyah; Chinese
Middle East = الشرق الأوسط; شرق أوسط; Sharq al-Awsaṭ; Middle East; Middle Eastern; Moyen-Orient
Near East = الشرق الأدنى; Sharq al-Adná; Near East; Near Eastern; Proche-Orient
east = شرق; شرقي; شرقية; مشرق; Sharq; Sharqī; Sharqīyah; Mashriq; East; Eastern; Oriental; Orient; Orientale
west = غرب; غربي; غربية; Gharb; Gharbī; Gharbīyah; West; Western; Occidental
new = جديد; جديدة; Jadīd; Jadīdah; New; Nouveau; Nouvelle; Neue
modern = حديث; حديثة; عصري; عصرية; Ḥadīth; Ḥadīthah; ʻAṣrī; ʻAṣrīyah; Modern; Moderne; Modernity
contemporary = معاصر; معاصرة; Muʻāṣir; Muʻāṣirah; Contemporary; Contemporain; Contemporaine
renaissance = نهضة; Nahḍah; Renaissance; Awakening; Revival
future = مستقبل; مستقبلية; Mustaqbal; Mustaqbalīyah; Future; Futures; Avenir
thought = فكر; فكري; فكرية; Fikr; Fikrī; Fikrīyah; Thought; Intellectual; Pensée
knowledge = معرفة; معارف; Maʻrifah; Maʻārif; Knowledge; Learning
books = كتب; Kutub; Books
book = كتاب; Kitāb; Book; Livre; Buch
law = قانون; قانوني; قانونية; حقوق; تشريع; Qānūn; Qānūnī; Qānūnīyah; Ḥuqūq; Tashrīʻ; Law; Laws; Legal; Juridical; Rights; Droit
human = إنسان; إنساني; إنسانية; Insān; Insānī; Insānīyah; Human; Humanities; Humanitarian; Humanity
development = تنمية; تنموي; تطوير; Tanmiyah; Tanmawī; Taṭwīr; Development; Developmental
planning = تخطيط; Takhṭīṭ; Planning; Plan
security = أمن; أمني; أمنية; Amn; Amnī; Amnīyah; Security; Sécurité
defence = دفاع; Difāʻ; Defence; Defense
military = عسكري; عسكرية; Askarī; ʻAskarīyah; Military; Armed
forces = قوات; جيش; Quwwāt; Jaysh; Forces; Army; Armed Forces
war = حرب; حروب; Ḥarb; Ḥurūb; War; Wars; Guerre
peace = سلام; سلم; Salām; Silm; Peace; Paix
democracy = ديمقراطية; ديموقراطية; Dīmuqrāṭīyah; Dimuqratiya; Democracy; Democratic; Démocratie
energy = طاقة; Ṭāqah; Energy; Énergie
oil = نفط; بترول; نفطي; Nafṭ; Bitrūl; Nafṭī; Oil; Petroleum; Pétrole
environment = بيئة; بيئي; Bīʼah; Bīʼī; Environment; Environmental
agriculture = زراعة; زراعي; زراعية; Zirāʻah; Zirāʻī; Zirāʻīyah; Agriculture; Agricultural
industry = صناعة; صناعي; صناعية; صناعيين; Ṣināʻah; Ṣināʻī; Ṣināʻīyah; Ṣināʻīyīn; Industry; Industrial; Industrie
trade = تجارة; تجاري; تجارية; Tijārah; Tijārī; Tijārīyah; Trade; Commerce; Commercial
finance = مالية; مالي; Mālīyah; Mālī; Finance; Financial; Fiscal
bank = بنك; مصرف; مصارف; Bank; Maṣraf; Maṣārif; Banks; Banque; Banking
health = صحة; صحي; صحية; Ṣiḥḥah; Ṣiḥḥī; Ṣiḥḥīyah; Health; Santé
medicine = طب; طبي; طبية; Ṭibb; Ṭibbī; Ṭibbīyah; Medicine; Medical; Médecine
engineering = هندسة; هندسي; Handasah; Handasī; Engineering
technology = تكنولوجيا; تقنية; تقانة; Tiknūlūjiyā; Taqnīyah; Taqānah; Technology; Technological; Technical; Technique
information = معلومات; Maʻlūmāt; Information; Data
language = لغة; لغات; لغوي; لغوية; Lughah; Lughāt; Lughawī; Language; Languages; Linguistic; Linguistics; Langue
philosophy = فلسفة; فلسفي; فلسفية; Falsafah; Falsafī; Falsafīyah; Philosophy; Philosophical; Philosophie
religion = دين; ديني; دينية; أديان; Dīn; Dīnī; Dīnīyah; Adyān; Religion; Religious; Religions; Theology
Quran = قرآن; قرآني; Qurʼān; Qurʼānī; Quran; Koran; Qurʾanic; Coran
jurisprudence = فقه; فقهي; Fiqh; Fiqhī; Jurisprudence
sharia = شريعة; شرعي; Sharīʻah; Sharʻī; Sharia; Shariah
community = مجتمع; مجتمعات; Mujtamaʻ; Mujtamaʻāt; Community; Communities
unit = وحدة; Waḥdah; Waḥdat; Unit; Unity; Unité
civilization = حضارة; حضاري; Ḥaḍārah; Ḥaḍārī; Civilization; Civilisation; Civilizations
antiquities = آثار; أثري; Āthār; Atharī; Antiquities; Archaeology; Archaeological; Archeology; Monuments
geography = جغرافيا; جغرافية; Jughrāfiyā; Jughrāfīyah; Geography; Geographical
psychology = علم النفس; نفسي; نفسية; ʻIlm al-Nafs; Nafsī; Nafsīyah; Psychology; Psychological
statistics = إحصاء; إحصائي; إحصاءات; Iḥṣāʼ; Iḥṣāʼī; Iḥṣāʼāt; Statistics; Statistical
population = سكان; سكاني; Sukkān; Sukkānī; Population; Demographic
women = مرأة; نساء; نسائي; نسوية; Marʼah; Nisāʼ; Nisāʼī; Niswīyah; Women; Woman; Gender; Feminist
youth = شباب; Shabāb; Youth; Young
children = طفل; أطفال; طفولة; Ṭifl; Aṭfāl; Ṭufūlah; Child; Children; Childhood
family = أسرة; عائلة; Usrah; ʻĀʼilah; Family; Families
journalism = صحافة; صحفي; Ṣiḥāfah; Ṣuḥufī; Journalism; Journalist
translation = ترجمة; ترجمات; Tarjamah; Tarjamāt; Translation; Translations; Traduction
authorship = تأليف; Taʼlīf; Authorship; Writing; Composition
distribution = توزيع; Tawzīʻ; Distribution; Distributors
documents = وثائق; وثيقة; Wathāʼiq; Wathīqah; Documents; Document; Documentation
archives = أرشيف; محفوظات; Arshīf; Maḥfūẓāt; Archives; Archive
encyclopedia = موسوعة; موسوعات; دائرة معارف; Mawsūʻah; Mawsūʻāt; Encyclopedia; Encyclopaedia; Encyclopédie
dictionary = معجم; قاموس; معاجم; Muʻjam; Qāmūs; Maʻājim; Dictionary; Lexicon; Dictionnaire
conference = مؤتمر; مؤتمرات; Muʼtamar; Muʼtamarāt; Conference; Congress; Congrès; Convention
symposium = ندوة; ندوات; Nadwah; Nadwāt; Symposium; Seminar; Colloquium; Colloque
forum = ملتقى; منتدى; Multaqá; Muntadá; Forum
proceedings = وقائع; أعمال المؤتمر; Waqāʼiʻ; Proceedings; Actes
report = تقرير; تقارير; Taqrīr; Taqārīr; Report; Reports; Rapport
thesis = رسالة; أطروحة; رسائل; Risālah; Uṭrūḥah; Rasāʼil; Thesis; Dissertation; Thèse
series = سلسلة; Silsilah; Series; Collection; Reihe
edition = طبعة; Ṭabʻah; Edition; Ed; Auflage
volume = مجلد; مجلدات; Mujallad; Mujalladāt; Volume; Volumes; Vol
issue = عدد; أعداد; ʻAdad; Aʻdād; Issue; Number
part = جزء; أجزاء; Juzʼ; Ajzāʼ; Part; Parts; Tome
kingdom = مملكة; ملكي; ملكية; Mamlakah; Malakī; Malakīyah; Kingdom; Royal; Royaume
republic = جمهورية; Jumhūrīyah; Jumhūrīyat; Republic; République
united = متحدة; Muttaḥidah; United; Unies
nations = أمم; Umam; Nations
cooperation = تعاون; Taʻāwun; Cooperation; Co-operation; Coopération
dialogue = حوار; Ḥiwār; Dialogue; Dialog
reform = إصلاح; Iṣlāḥ; Reform; Reforms; Réforme
revolution = ثورة; ثورات; Thawrah; Thawrāt; Revolution; Revolutions; Revolutionary
freedom = حرية; حريات; Ḥurrīyah; Ḥurrīyāt; Freedom; Freedoms; Liberty; Liberté
justice = عدالة; عدل; ʻAdālah; ʻAdl; Justice
civil = مدني; مدنية; Madanī; Madanīyah; Civil; Civic
citizenship = مواطنة; Muwāṭanah; Citizenship
identity = هوية; Huwīyah; Identity; Identities
minorities = أقليات; أقلية; Aqallīyāt; Aqallīyah; Minorities; Minority
crisis = أزمة; أزمات; Azmah; Azamāt; Crisis; Crises
conflict = صراع; نزاع; Ṣirāʻ; Nizāʻ; Conflict; Conflicts; Struggle
region = منطقة; إقليم; إقليمي; إقليمية; Minṭaqah; Iqlīm; Iqlīmī; Iqlīmīyah; Region; Regional; Regions
local = محلي; محلية; Maḥallī; Maḥallīyah; Local
opinion = رأي; Raʼy; Opinion
labour = عمال; عمالي; عمل; ʻUmmāl; ʻUmmālī; Labour; Labor; Workers
catholic = كاثوليكي; كاثوليكية; Kāthūlīkī; Kāthūlīkīyah; Catholic; Catholique
jesuit = يسوعي; يسوعيين; يسوعية; Yasūʻī; Yasūʻīyīn; Yasūʻīyah; Jesuit; Jesuits; Jésuites
fathers = آباء; Ābāʼ; Fathers; Pères
missionaries = مرسلين; مرسلون; Mursalīn; Missionaries; Missionary; Mission
higher education = تعليم عالي; Taʻlīm ʻĀlī; Higher Education
"""


@functools.cache
def _terms() -> dict[str, str]:
    out: dict[str, str] = {}
    for key, variants in _parse_table(_TERM_TABLE).items():
        for variant in variants:
            folded = fold_key(variant)
            if folded:
                out.setdefault(folded, key)
    return out


"""Folded term (any script or romanization) -> canonical English concept key."""

_MAX_NGRAM = 4


# ~1 KB a text: kept for the few lookups of one segment in a row (the lookups' own memos
# answer repeats), so a small memo does; 16,384 of them held 16 MB on unrepeated text
@functools.lru_cache(maxsize=1024)
def _word_sequences(text: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Word sequences of ``text``; each word is a tuple of lookup forms, the plain
    (article-free) form first.  Arabic words also give their stems without clitic
    prefixes; Arabic and Latin words form separate sequences."""
    # memoized: the same segment is looked up in several lexicons (publisher, journal,
    # place, corporate...), and folding it is most of the cost of a lookup
    seqs: list[tuple[tuple[str, ...], ...]] = []
    arabic = [w for w in fold_arabic(text).split() if has_arabic(w)]
    if arabic:
        seqs.append(tuple(_arabic_candidates(w) for w in arabic))
    latin = _latin_words(text)
    if latin:
        seqs.append(tuple((w,) for w in latin))
    return tuple(seqs)


_FIRST_WORDS: dict[int, dict[str, int]] = {}


def _first_words(index: Collection[str]) -> dict[str, int]:
    """First word of every entry -> the longest entry (in words) starting with it.

    Built once per lexicon (the lexicons are built once, so their ids are stable)."""
    key = id(index)
    firsts = _FIRST_WORDS.get(key)
    if firsts is None:
        firsts = {}
        for entry in index:
            words = entry.split()
            if words:
                firsts[words[0]] = max(firsts.get(words[0], 0), len(words))
        _FIRST_WORDS[key] = firsts
    return firsts


def _ngram_hits(text: str, index: Collection[str]) -> list[str]:
    """Entries of ``index`` found in ``text`` as whole words or word sequences (up to
    four words), longest match first, left to right."""
    firsts = _first_words(index)
    hits: list[str] = []
    for seq in _word_sequences(text):
        i = 0
        while i < len(seq):
            step = 1
            # only forms that begin some entry are worth joining with what follows
            forms = [(f, firsts[f]) for f in seq[i] if f in firsts]
            if forms:
                longest = min(_MAX_NGRAM, len(seq) - i, max(n for _, n in forms))
                found = None
                for n in range(longest, 0, -1):
                    tail = " ".join(seq[j][0] for j in range(i + 1, i + n))
                    for f, max_n in forms:
                        if n > max_n:
                            continue
                        phrase = f"{f} {tail}" if tail else f
                        if phrase in index:
                            found = phrase
                            break
                    if found is not None:
                        hits.append(found)
                        step = n
                        break
            i += step
    return hits


def _has(text: str, words: frozenset[str]) -> bool:
    return bool(_ngram_hits(text, words))


def _sine_nomine(text: str) -> bool:
    stripped = _UNCERTAIN.sub(" ", text)
    return fold_key(stripped) in _sine_nomine_keys()


@functools.cache
def _sine_nomine_keys() -> frozenset[str]:
    return frozenset(f for f in (fold_key(m) for m in _SINE_NOMINE) if f)


@functools.lru_cache(maxsize=4096)
def has_publisher_word(text: str) -> bool:
    """True when ``text`` holds a word that marks a publisher, printer or institution
    (``مطبعة``, ``Maṭbaʻat``, ``Press``, ``Jāmiʻat`` ...), or is a sine-nomine marker."""
    return _has(text, _publisher_words()) or _sine_nomine(text)


@functools.lru_cache(maxsize=4096)
def has_journal_word(text: str) -> bool:
    """True when ``text`` holds a word that marks a periodical (``مجلة``, ``Journal`` ...)."""
    return _has(text, _journal_words())


@functools.lru_cache(maxsize=4096)
def has_corporate_word(text: str) -> bool:
    """True when ``text`` holds a word that makes an author a corporate body."""
    return _has(text, _corporate_words())


@functools.lru_cache(maxsize=4096)
def has_site_word(text: str) -> bool:
    """True when ``text`` holds a word that marks a web source (``موقع``, ``website`` ...)."""
    return _has(text, _site_words())


@functools.lru_cache(maxsize=4096)
def term_keys(text: str) -> frozenset[str]:
    """Concept keys of :data:`BILINGUAL_TERMS` found in ``text`` (any script).

    ``term_keys("مركز الإمارات للدراسات")`` and ``term_keys("Emirates Center for Studies")``
    both give ``{"center", "Emirates", "studies"}``.
    """
    terms = _terms()
    return frozenset(terms[h] for h in _ngram_hits(text, terms))


def _sizes() -> dict[str, int]:
    PLACES, PUBLISHER_WORDS, JOURNAL_WORDS = _places(), _publisher_words(), _journal_words()  # noqa: N806
    CORPORATE_WORDS, SITE_WORDS, GIVEN_NAMES = _corporate_words(), _site_words(), _given_names()  # noqa: N806
    BILINGUAL_TERMS = _terms()  # noqa: N806
    return {
        "PLACES (variants)": len(PLACES),
        "PLACES (places)": len(set(PLACES.values())),
        "PUBLISHER_WORDS": len(PUBLISHER_WORDS),
        "JOURNAL_WORDS": len(JOURNAL_WORDS),
        "CORPORATE_WORDS": len(CORPORATE_WORDS),
        "SITE_WORDS": len(SITE_WORDS),
        "GIVEN_NAMES": len(GIVEN_NAMES),
        "BILINGUAL_TERMS (terms)": len(BILINGUAL_TERMS),
        "BILINGUAL_TERMS (concepts)": len(set(BILINGUAL_TERMS.values())),
    }


if __name__ == "__main__":
    for name, size in _sizes().items():
        print(f"{name}: {size}")
