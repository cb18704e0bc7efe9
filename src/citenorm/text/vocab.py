"""Every word list of citenorm: closed-class words the code tests words against.

One module, so that a word is added in one place and a reviewer sees every list at
once. The open-class vocabulary (places, publisher, journal, corporate and site words,
given names, bilingual terms) is data of :mod:`citenorm.text.lexicon`
(``lexicon/data/*.tsv``); the words inside regular expressions live with their patterns
in :mod:`citenorm.text.patterns`. Every list here is general bibliographic or
grammatical vocabulary: none may be keyed to a document.

Conventions: Arabic words as printed unless the name says ``FOLDED`` (hamza seats,
ta marbuta and alef maqsura folded as :func:`citenorm.text.normalize.fold_letters`
does); Latin words lower-case.
"""

from __future__ import annotations

__all__ = [
    "AND_WORDS",
    "ANONYMOUS_AUTHORS",
    "ARABIC_ABJAD_LETTERS",
    "ARABIC_ALPHA_LETTERS",
    "BARE_IBID_WORDS",
    "BLESSING_MARKS_AR",
    "CLITIC_PREFIXES_AR",
    "COLLECTIVE_AUTHOR_HEADS",
    "COMPANY_SUFFIXES",
    "CONTAINER_TAIL_WORDS_FOLDED",
    "DANGLING_WORDS_FOLDED",
    "DEFINITE_PREFIXES_AR",
    "DESCRIPTION_HEADS_FOLDED",
    "ENGLISH_CUE_WORDS",
    "ERA_WORDS",
    "ET_AL_WORDS",
    "FIRM_TAIL_WORDS",
    "GENRE_WORDS_FOLDED",
    "HIJRI_MONTHS_LATIN_FOLDED",
    "HIJRI_YEAR_MARKS",
    "IN_TEXT_LEAD_WORDS",
    "IN_WORDS",
    "ISSUE_CUE_WORDS",
    "JOURNAL_HEADS_FOLDED",
    "KEY_HOST_LABELS",
    "KEY_STOP_WORDS",
    "LATIN_ARTICLES",
    "LIFETIME_WORDS_FOLDED",
    "LIST_HEADING_CORE_FOLDED",
    "LIST_HEADING_CORE_LATIN",
    "LIST_HEADING_CORE_LATIN_PAIRS",
    "LIST_HEADING_FILLER_FOLDED",
    "LIST_HEADING_FILLER_LATIN",
    "LIST_QUALIFIERS",
    "NAME_HEADS_AR",
    "NAME_HEADS_AR_IN_NAMES",
    "NAME_HEADS_LATIN",
    "NAME_HONORIFIC_TAILS_AR",
    "NAME_LINEAGE_WORDS_AR",
    "NAME_PARTICLES_ALALC",
    "NAME_PARTICLES_LATIN",
    "NAME_TAILS_AR",
    "NAME_TITLES_AR",
    "NAME_TITLES_LATIN",
    "NOT_ARTICLE_AR",
    "ORDINAL_TEENS_AR",
    "PLACE_EXONYMS",
    "PREPOSITIONS_AR",
    "PRINTER_TAILS",
    "PUBLISHER_LABELS",
    "PUBLISHER_ROLE_WORDS",
    "PUBLISHING_HOUSE_TAILS",
    "ROLE_CUES_OPENING_TITLES_AR",
    "ROMANIZED_OPENING_SIGNS",
    "SEASON_WORDS_FOLDED",
    "SOURCE_NOTE_HEADS_FOLDED",
    "STATEMENT_BY_WORDS_FOLDED",
    "STATE_FORM_WORDS_FOLDED",
    "SUB_HEADING_WORDS_FOLDED",
    "SUB_HEADING_WORDS_LATIN",
    "SUN_CONSONANTS",
    "TITLE_STATEMENT_HEADS_FOLDED",
    "TITLE_WORDS_AR",
    "TITLE_WORDS_LATIN",
]

# --- the article ------------------------------------------------------------------------

#: romanized forms of the article ``ال`` written as a word of their own (``al``, ``el``,
#: ``ul``; ``l`` after a vowel: ``Abu l-Faraj``)
LATIN_ARTICLES = frozenset(
    {
        "al",
        "el",
        "ul",
        "l",
    }
)

#: consonants the article assimilates to in popular romanization: ``ash-Shams``,
#: ``ad-Din``, ``an-Nahar`` (the sun letters, as romanized; digraphs first)
SUN_CONSONANTS: tuple[str, ...] = ("th", "dh", "sh", "t", "d", "r", "z", "s", "n")

#: words that begin with ``ال`` but carry no article (God, relative pronouns, ``إلى``)
NOT_ARTICLE_AR = frozenset(
    {
        "الله",
        "اللهم",
        "الذي",
        "التي",
        "الذين",
        "اللذين",
        "اللذان",
        "اللتان",
        "اللتين",
        "اللاتي",
        "اللواتي",
        "اللائي",
        "الى",
        "الا",
        "الي",
    }
)

# --- names ------------------------------------------------------------------------------

#: first words of compound Arabic names, kept with the word that follows (``عبد الحسين``,
#: ``أبو رعد``, ``آل جندي``, ``بن علي``)
NAME_HEADS_AR = frozenset(
    {
        "عبد",
        "ابو",
        "أبو",
        "ابي",
        "أبي",
        "ابن",
        "إبن",
        "بن",
        "بنت",
        "آل",
        "ال",
        "ذو",
        "ذي",
    }
)

#: the heads of compound names inside a personal name, for the romanizer's name units:
#: the above and ``أم`` (``أم كلثوم``), which elsewhere in a text is the conjunction "or"
NAME_HEADS_AR_IN_NAMES = NAME_HEADS_AR | {"ام", "أم"}

#: "son of", "daughter of" between two words of a name (``سالم بن أبي الموج``): a lineage
#: (nasab) marks a person's name whatever its given name
NAME_LINEAGE_WORDS_AR = frozenset({"بن", "ابن", "إبن", "بنت", "ابنة"})

#: second words that close a compound name whatever the first: ``نور الدين``, ``عبد الله``
NAME_TAILS_AR = frozenset({"الدين", "الله", "الاسلام", "الإسلام"})

#: the signs a romanized Arabic word may open with: ʿayn and hamza as ALA-LC and others
#: print them (``ʿAbd``, ``ʻAlī``, ``ʾIbrāhīm``, ``'Umar``); the capital follows the sign
ROMANIZED_OPENING_SIGNS = frozenset("ʻʿʼʾ‘’'`")

#: name particles ALA-LC writes in lowercase inside a romanized name
NAME_PARTICLES_ALALC = frozenset({"ibn", "bin", "bint", "wa", "fī", "min", "ʻalá", "ilá"})

#: the same heads romanized (``Abdul Hussein``, ``Abu al-Futuh``, ``Al Hosani``)
NAME_HEADS_LATIN = frozenset(
    {
        "abd",
        "abdul",
        "abdel",
        "abdal",
        "abu",
        "abou",
        "abi",
        "ibn",
        "bin",
        "ben",
        "bint",
        "al",
        "el",
        "ul",
        "umm",
        "um",
        "dhu",
        "zu",
        "abo",
        "abdoul",
    }
)

#: lower-case particles inside Latin-script names (``ibn``, ``al``, ``de``, ``van``...):
#: a name word that is one of these is no title word
NAME_PARTICLES_LATIN = frozenset(
    {
        "al",
        "el",
        "ibn",
        "bin",
        "bint",
        "abu",
        "abd",
        "abdul",
        "abdel",
        "de",
        "van",
        "von",
        "der",
        "la",
        "le",
        "du",
        "da",
        "di",
        "bani",
        "ul",
        "and",
        "&",
        "ben",
        "abi",
        "dhu",
    }
)

#: function words and title nouns that occur in titles but not in names
TITLE_WORDS_AR = frozenset(
    {
        "في",
        "من",
        "إلى",
        "الى",
        "عن",
        "مع",
        "حول",
        "بين",
        "لل",
        "هل",
        "ما",
        "ماذا",
        "كيف",
        "دراسة",
        "تاريخ",
        "كتاب",
        "مجلة",
        "المجلة",
        "السياسة",
        "نحو",
        "او",
        "أو",
        "عند",
        "ضوء",
        "خلال",
        "منذ",
        "حتى",
        "لدى",
        "قبل",
        "بعد",
        "ذكر",
        "شرح",
        "ديوان",
        "رسالة",
        "أثر",
        "اثر",
        "دور",
        "مستقبل",
        "تأثير",
    }
)

#: the same for Latin-script titles (English and romanized Arabic)
TITLE_WORDS_LATIN = frozenset(
    {
        "the",
        "of",
        "in",
        "on",
        "for",
        "to",
        "a",
        "an",
        "with",
        "from",
        "at",
        "by",
        "is",
        "are",
        "its",
        "their",
        "his",
        "her",
        "into",
        "towards",
        "toward",
        "between",
        "during",
        "since",
        "fi",
        "min",
        "ala",
        "ila",
        "wa",
        "li",
        "bi",
        "kitab",
        "tarikh",
        "sharh",
        "study",
        "journal",
        "magazine",
        "history",
        "new",
    }
)

# --- lists ------------------------------------------------------------------------------

#: words of the sub-section headings of a bibliography (``الكتب العربية``,
#: ``الرسائل والأطاريح``), folded
SUB_HEADING_WORDS_FOLDED = frozenset(
    {
        "الكتب",
        "كتب",
        "العربيه",
        "المترجمه",
        "الدوريات",
        "الدوريه",
        "المجلات",
        "البحوث",
        "الابحاث",
        "الرسائل",
        "الاطاريح",
        "الاطروحات",
        "الجامعيه",
        "المواقع",
        "الالكترونيه",
        "الانترنت",
        "الانترنيت",
        "شبكه",
        "الوثائق",
        "المقابلات",
        "الصحف",
        "التقارير",
        "المراجع",
        "المصادر",
        "الاجنبيه",
        "الانكليزيه",
        "الانجليزيه",
        "الفرنسيه",
        "و",
        "والبحوث",
        "والاطاريح",
        "والدوريات",
        "والمجلات",
        "والابحاث",
        "والرسائل",
        "والتقارير",
        "والوثائق",
        "والمقالات",
        "المقالات",
        "الموسوعات",
        "والموسوعات",
        "القواميس",
        "المعاجم",
        "الرسميه",
        "الاجنبيه:",
        "باللغه",
        "العربيه:",
        "المنشوره",
        "غير",
        "والصحف",
        "الالكترونيه:",
        "مواقع",
        "الدراسات",
        "والدراسات",
        "الندوات",
        "والمؤتمرات",
        "المؤتمرات",
        "الاحصائيات",
        "الاخرى",
    }
)

#: the same in English (``Arabic books``, ``Theses and dissertations``)
SUB_HEADING_WORDS_LATIN = frozenset(
    {
        "books",
        "arabic",
        "english",
        "foreign",
        "translated",
        "periodicals",
        "journals",
        "articles",
        "research",
        "papers",
        "theses",
        "thesis",
        "dissertations",
        "messages",
        "the",
        "internet",
        "websites",
        "web",
        "sites",
        "sources",
        "references",
        "reports",
        "documents",
        "interviews",
        "newspapers",
        "and",
        "electronic",
        "online",
        "romanized",
        "romanised",
        "official",
        "other",
        "studies",
        "encyclopedias",
        "dictionaries",
        "conferences",
        "university",
        "letters",
        "magazines",
        "in",
        "language",
        "&",
        "of",
        "unpublished",
        "published",
    }
)

# --- body text --------------------------------------------------------------------------

#: words that lead into an author-date citation or stand around it but are no author
#: (``يشير``, ``وفقاً``, ``according to``, ``see``)
#: the word that opens the book a chapter is in (``In Salt Roads``, ``Dans``, ``ضمن``),
#: lower-case
IN_WORDS = frozenset({"in", "dans", "en", "im", "في", "ضمن"})

IN_TEXT_LEAD_WORDS = frozenset(
    {
        "و",
        "يشير",
        "ويشير",
        "يرى",
        "ويرى",
        "أشار",
        "اشار",
        "وأشار",
        "واشار",
        "ذكر",
        "وذكر",
        "يذكر",
        "ويذكر",
        "أكد",
        "وأكد",
        "يؤكد",
        "ويؤكد",
        "بين",
        "وبين",
        "يبين",
        "ويبين",
        "أوضح",
        "واوضح",
        "وأوضح",
        "حسب",
        "وحسب",
        "بحسب",
        "وفق",
        "وفقا",
        "وفقاً",
        "لدى",
        "عند",
        "عام",
        "سنة",
        "العام",
        "منذ",
        "حتى",
        "الى",
        "إلى",
        "من",
        "في",
        "على",
        "عن",
        "مع",
        "أن",
        "ان",
        "إن",
        "قال",
        "وقال",
        "يقول",
        "ويقول",
        "دراسة",
        "ودراسة",
        "according",
        "to",
        "as",
        "by",
        "in",
        "since",
        "year",
        "see",
        "and",
        "the",
        "of",
        "argues",
        "notes",
        "states",
        "wrote",
        "reported",
        "cf",
        "e.g",
        "هذا",
        "هذه",
        "ذلك",
        "وهو",
        "وهي",
        "كما",
        "تناول",
        "وتناول",
        "قدم",
        "وقدم",
        "الباحث",
        "كتاب",
    }
)

# --- exports ----------------------------------------------------------------------------

#: common English words of translated titles: weighed against romanized Arabic function
#: words to tell an English rendering of an Arabic title from a romanization
ENGLISH_CUE_WORDS = frozenset(
    ["the", "of", "and", "in", "on", "for", "to", "with", "a", "an", "its", "their", "from",
     "by", "between", "at", "as", "into", "towards", "toward", "study", "analysis", "role",
     "impact", "policy", "relations", "international"]
)  # fmt: skip

#: function words that begin titles and corporate names and make poor citation keys:
#: English, French, German, Spanish/Italian articles and prepositions, and romanized
#: Arabic ones as a key folds them (the article, proclitics, prepositions: ``fī`` -> ``fi``)
KEY_STOP_WORDS = frozenset(
    # English
    ["a", "an", "the", "of", "on", "in", "and", "for", "to", "with", "from", "by", "at", "as",
     "into", "about", "its", "their", "this", "that",
     # French
     "le", "la", "les", "un", "une", "des", "du", "de", "et", "en", "au", "aux", "sur", "pour",
     "par", "dans",
     # German
     "der", "die", "das", "ein", "eine", "und", "zur", "zum", "von", "im",
     # Spanish, Italian
     "el", "los", "las", "lo", "il", "gli", "y",
     # romanized Arabic: the article, proclitics, prepositions, ``aw`` (or)
     "al", "wa", "fa", "bi", "li", "lil", "ka", "fi", "min", "ala", "ila", "aw"]
)  # fmt: skip

#: labels of a URL's host that name no site (``www``; ``co`` in ``bbc.co.uk``): a key
#: named after a site skips them
KEY_HOST_LABELS = frozenset(
    ["www", "com", "org", "net", "edu", "gov", "ac", "co", "info", "int", "mil"]
)  # fmt: skip

# --- places -----------------------------------------------------------------------------

#: English exonyms of places common in Arabic imprints -> the Arabic name, so that an
#: English word sounds like the Arabic one (Cairo = al-Qāhirah = القاهرة)
PLACE_EXONYMS: dict[str, str] = {
    "aleppo": "حلب",
    "alexandria": "الإسكندرية",
    "algeria": "الجزائر",
    "algiers": "الجزائر",
    "cairo": "القاهرة",
    "constantinople": "القسطنطينية",
    "damascus": "دمشق",
    "egypt": "مصر",
    "hejaz": "الحجاز",
    "india": "الهند",
    "jerusalem": "القدس",
    "jordan": "الأردن",
    "mecca": "مكة",
    "medina": "المدينة",
    "morocco": "المغرب",
    "palestine": "فلسطين",
    "persia": "فارس",
    "sidon": "صيدا",
    "tangier": "طنجة",
    "tripoli": "طرابلس",
    "turkey": "تركيا",
    "tyre": "صور",
}


# --- list headings (citenorm.extraction.segment) -----------------------------------------
# A list heading is made of heading words only, one of them a core word: "قائمة المصادر
# والمراجع", "لائحة المصادر والمراجع", "ثبت المراجع", "المراجع المستخدمة في الكتاب", "من
# مراجع الكتاب ومصادره", "فهرست منابع و مآخذ", "References and further reading", "Works
# Cited", "Références bibliographiques". Arabic words folded, without و and ال.

#: the words that name a list of sources (Arabic and Persian, folded)
LIST_HEADING_CORE_FOLDED = frozenset(
    {
        "مصادر",
        "مراجع",
        "ماخذ",
        "منابع",
        "مصادره",
        "مراجعه",
        "مصادرها",
        "مراجعها",
        "مصادرنا",
        "مراجعنا",
        "ببليوغرافيا",
        "بيبليوغرافيا",
        "ببليوغرافيه",
        "بيبليوغرافيه",
        "بيبلوغرافيا",
        "ببلوغرافيا",
        "ببليوجرافيا",
        "بيبليوجرافيا",
        "ببليوجرافيه",
    }
)

#: the other words of such a heading (list, register, used, in the book, foreign...)
LIST_HEADING_FILLER_FOLDED = frozenset(
    {
        "قائمه",
        "قايمه",
        "ثبت",
        "لائحه",
        "لايحه",
        "فهرس",
        "فهرست",
        "من",
        "في",
        "و",
        "اهم",
        "بعض",
        "مختارات",
        "مختاره",
        "عربيه",
        "اجنبيه",
        "انجليزيه",
        "انكليزيه",
        "فرنسيه",
        "معربه",
        "مترجمه",
        "مرومنه",
        "معتمده",
        "مستخدمه",
        "مستعمله",
        "مستعان",
        "اساسيه",
        "رئيسيه",
        "رييسيه",
        "اخرى",
        "اخري",
        "بحث",
        "دراسه",
        "كتاب",
        "مقال",
        "مقاله",
        "رساله",
        "اطروحه",
        "فصل",
        "لغه",
        "باللغه",
        "بالعربيه",
        "بالانجليزيه",
        "بالانكليزيه",
        "بالفرنسيه",
        "بالاجنبيه",
        "اوليه",
        "ثانويه",
        "مخطوطه",
        "مطبوعه",
        "منشوره",
        "عامه",
        "مرتبه",
        "هجائيا",
        "اعتمد",
        "اعتمدت",
        "عليها",
        "ذات",
        "صله",
        "موضوع",
    }
)

#: the Latin-script words that name a list of sources
LIST_HEADING_CORE_LATIN = frozenset(
    {
        "references",
        "bibliography",
        "bibliographies",
        "bibliographie",
        "bibliografia",
        "bibliografía",
        "sources",
        "références",
        "referencias",
        "fuentes",
        "riferimenti",
        "literaturverzeichnis",
        "quellen",
    }
)

#: two-word names of a list: "Works cited", "Further reading"
LIST_HEADING_CORE_LATIN_PAIRS = frozenset(
    {
        ("works", "cited"),
        ("literature", "cited"),
        ("further", "reading"),
        ("suggested", "reading"),
        ("suggested", "readings"),
        ("further", "readings"),
        ("works", "consulted"),
        ("reference", "list"),
        ("ouvrages", "cités"),
        ("ouvrages", "cites"),
    }
)

#: the other words of a Latin-script list heading
LIST_HEADING_FILLER_LATIN = frozenset(
    {
        "list",
        "of",
        "the",
        "and",
        "&",
        "selected",
        "select",
        "selective",
        "cited",
        "consulted",
        "further",
        "reading",
        "readings",
        "used",
        "quoted",
        "arabic",
        "english",
        "french",
        "foreign",
        "romanized",
        "romanised",
        "transliterated",
        "translated",
        "primary",
        "secondary",
        "other",
        "general",
        "in",
        "works",
        "bibliographical",
        "annotated",
        "principal",
        "main",
        "printed",
        "published",
        "unpublished",
        "archival",
        "reference",
        "de",
        "des",
        "la",
        "les",
        "et",
        "liste",
        "ouvrages",
        "cités",
        "cites",
        "consultés",
        "consultes",
        "bibliographiques",
        "sélective",
        "indicative",
        "générale",
        "generale",
        "principales",
        "arabes",
        "en",
        "langue",
        "langues",
        "arabe",
        "française",
        "francaise",
        "étrangères",
        "etrangeres",
        "y",
        "und",
    }
)

#: words that make a list heading a sub-section of the list above ("المراجع الأجنبية")
LIST_QUALIFIERS = frozenset(
    {
        "عربيه",
        "اجنبيه",
        "انجليزيه",
        "انكليزيه",
        "فرنسيه",
        "مترجمه",
        "معربه",
        "foreign",
        "english",
        "arabic",
        "french",
        "translated",
        "arabes",
        "étrangères",
        "etrangeres",
        "primary",
        "secondary",
    }
)


# --- footnotes and citations -----------------------------------------------------------

#: a footnote that is only this word (a page aside) is ibid: ".171 ،نفسه", "Ibid., 176."
BARE_IBID_WORDS = frozenset({"نفسه", "ذاته", "عينه", "ibid", "ibidem", "idem", "id"})

#: "et al." in Arabic, after an author-date citation's author ("العلوي وآخرون (2004)")
ET_AL_WORDS = frozenset({"وآخرون", "واخرون", "وآخرين", "واخرين"})

#: words that join two authors of an author-date citation ("حسن و علي", "Hasan & Ali")
AND_WORDS = frozenset({"و", "&", "and", "et"})

#: an issue's cue words, whole (``العددان 9-10``, ``No. 4``; the letters ``ع``, ``n`` alone
#: open names and words as well)
ISSUE_CUE_WORDS = frozenset(
    {"العدد", "عدد", "العددان", "العددين", "الأعداد", "no", "nos", "issue", "number", "numéro"}
)

#: the second word of an Arabic compound ordinal from 11 to 19 (``الثاني عشر``)
ORDINAL_TEENS_AR = frozenset({"عشر", "عشرة"})


# --- Arabic function words -------------------------------------------------------------

#: the article with the proclitics that go before it (``ال``, ``وال``, ``بال``, ``لل``...):
#: an Arabic word that starts with one of these is definite
DEFINITE_PREFIXES_AR: tuple[str, ...] = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل")

#: the proclitics and article that can be taken off a word to find its stem, longest
#: first (``والجامعة`` -> ``جامعة``)
CLITIC_PREFIXES_AR: tuple[str, ...] = ("وال", "بال", "لل", "ال", "و", "ب", "ل")

#: suffixes after which a known word may stand inside an unknown one (``كتابهم``:
#: ``كتاب``), longest first: pronouns, the sound plurals and dual, the nisba
STEM_SUFFIXES_AR: tuple[str, ...] = (
    "هما", "كما", "هم", "هن", "كم", "نا", "ها", "ات", "ين", "ون", "ان", "ية", "ه", "ي"
)  # fmt: skip

#: prepositions and particles: a word before one of them is not in construct
#: (``hadiyah min``, not ``hadiyat min``)
PREPOSITIONS_AR = frozenset(
    {
        "من",
        "في",
        "فى",
        "على",
        "علي",
        "الى",
        "إلى",
        "عن",
        "مع",
        "او",
        "أو",
        "ثم",
        "حتى",
        "منذ",
        "لدى",
        "عند",
        "بين",
        "بعد",
        "قبل",
        "حول",
        "ضد",
        "دون",
        "نحو",
        "عبر",
        "خلال",
    }
)

#: editor's cue words that also open Arabic titles ("شرح القصيدة", "جمع الجوامع",
#: "تعليق على ..."): the reference parser reads them as a cue only before ":"
ROLE_CUES_OPENING_TITLES_AR = frozenset({"شرح", "جمع", "تعليق", "نشر"})


# --- the reference parser's value builder ----------------------------------------------

#: what a list prints in the author's place for a work of unknown author ("مجهول: Title",
#: "Anon., Title"): no author (CSL leaves it out); Latin words lower-case, no final period
ANONYMOUS_AUTHORS = frozenset(
    {
        "مجهول",
        "مؤلف مجهول",
        "مجهول المؤلف",
        "لمؤلف مجهول",
        "anonymous",
        "anon",
        "anonyme",
        "anonym",
        "anónimo",
        "anonimo",
    }
)

#: what follows a Hijri year (``1410 هـ``, ``1965 ق``, ``1385 ش``, ``1410 AH``): the era
#: marks a year's value is read with (Persian solar and lunar years too)
HIJRI_YEAR_MARKS: tuple[str, ...] = (
    "ه",
    "هـ",
    "هجري",
    "هجرية",
    "هجرى",
    "ق",
    "ش",
    "H",
    "AH",
    "SH",
    "S",
    "A",
)

#: words printed after a year to name its era or calendar (``1404 هجرى قمرى``, ``1363
#: هجرى شمسى``, ``1985م``, ``1322 A.H.``, ``1990 AD``), lower-case: a year and these
#: words are a date, never part of a publisher's or a place's name
ERA_WORDS = frozenset(
    {m.lower() for m in HIJRI_YEAR_MARKS}
    | {"م", "قمري", "قمرى", "شمسي", "شمسى", "ميلادي", "ميلادى", "ميلادية", "هـش", "هـق"}
    | {"a.h", "a.h.", "ah.", "h.", "ad", "a.d", "a.d.", "ce", "c.e.", "bc", "b.c."}
)

#: what a company's name may end with after a comma (``Harbour Books, Inc.``,
#: ``Stone, Ltd``, ``Jane Roe, Publisher``), lower-case without periods: the comma is
#: inside the name
COMPANY_SUFFIXES = frozenset(
    {"inc", "ltd", "l t d", "co", "llc", "plc", "gmbh", "sa", "s a", "publisher", "publishers"}
)
# the last word of a firm's name ("Roe and Sons", "Hill & Co.", "Salz Verlag"): a title's
# last comma part ending with one is the imprint
FIRM_TAIL_WORDS = COMPANY_SUFFIXES | {"sons", "son", "söhne", "verlag", "brothers", "bros"}

#: the last word of a printing house's name after the publisher's (``Harbour
#: Publications, Quay Press``), lower-case
PRINTER_TAILS = frozenset({"press", "printers", "printing", "printery"})

#: the last word of a publishing house's own name (``Harbour Publications``, ``Salt
#: Books``), lower-case: a press named after it is its printer
PUBLISHING_HOUSE_TAILS = frozenset(
    {"publications", "publishers", "publishing", "books", "editions", "verlag"}
)

#: folded words that open a description of the copy cited, never a title's own comma
#: part: ``Title، مخطوطة المكتبة الوطنية، رقم 12``, ``Title، نسخة مصورة في ...``,
#: ``Title, manuscript in ...``
DESCRIPTION_HEADS_FOLDED = frozenset({"مخطوط", "مخطوطه", "نسخه", "manuscript", "ms", "mss"})

#: the Hijri months as romanized (folded: no diacritics, no ayn/hamza signs), the first
#: word of each: ``Ramaḍān-Shawwāl 1381`` after a journal's name is its issue's date
HIJRI_MONTHS_LATIN_FOLDED = frozenset(
    {
        "muharram",
        "safar",
        "rabi",
        "rabia",
        "jumada",
        "jumadi",
        "rajab",
        "shaban",
        "ramadan",
        "ramadhan",
        "ramazan",
        "shawwal",
        "dhu",
        "dhul",
        "dhi",
        "zilhijja",
        "zulhijja",
        "zilqada",
    }
)

#: folded words of a genre printed in brackets after a title (``Title (رواية)``,
#: ``Title (a novel)`` is left: one word only): no part of the title
GENRE_WORDS_FOLDED = frozenset(
    {"روايه", "قصه", "قصص", "مسرحيه", "شعر", "ديوان", "novel", "roman", "play", "poems"}
)

#: folded words that open a bracketed note of where a text was taken from after a
#: title (``Title (عن برنامج X)``, ``(from the X edition)``)
SOURCE_NOTE_HEADS_FOLDED = frozenset({"عن", "نقلا", "from"})

#: folded words a title's or a journal's name never ends with (prepositions, articles,
#: conjunctions): a span that stops right after one (``Revue française de`` |
#: ``sociologie``, ``مجموعة رسائل من`` | ``كتب البحر``) was cut inside the name
DANGLING_WORDS_FOLDED = frozenset(
    {
        "of",
        "the",
        "and",
        "for",
        "to",
        "in",
        "on",
        "from",
        "with",
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "et",
        "der",
        "die",
        "das",
        "und",
        "von",
        "del",
        "della",
        "من",
        "في",
        "عن",
        "الي",
        "علي",
        "مع",
        "بين",
        "و",
    }
)

#: folded words that open a statement after a title's comma, never a title's own comma
#: part: a co-author (``بالاشتراك مع``), the hand that wrote, corrected or compiled the
#: text (``بقلم``, ``صححه``, ``خرجه``, ``ضبطه``, ``راجعه``), a foreword (``تصدير``), a
#: reprint (``إعادة طبع``), the work an extract is taken from (``مأخوذة من``, ``وهو جزء
#: من``), a translator's cue misspelled (``tran. by``)
TITLE_STATEMENT_HEADS_FOLDED = frozenset(
    {
        "بالاشتراك",
        "بقلم",
        "صححه",
        "خرجه",
        "ضبطه",
        "راجعه",
        "تصدير",
        "اعاده",
        "ماخوذ",
        "ماخوذه",
        "وهو",
        "وهي",
        "tran",
    }
)

#: abbreviated forms of address and ranks printed before a Latin name with a full stop
#: (``Mrs. Smith``, ``Capt. Cook``): no family name before a given name
NAME_TITLES_LATIN = frozenset(
    {"mrs", "mme", "mlle", "messrs", "rev", "revd", "capt", "col", "gen", "lieut", "sgt"}
    | {"hon", "sen", "gov", "pres", "fr", "sr", "jr", "mgr", "dott", "sig", "ing", "esq"}
)

#: words printed before an Arabic name that are no part of it (a rank, a religious
#: title): ``الإمام جعفر``, ``السيد علي``, ``الشيخ محمد``
NAME_TITLES_AR = frozenset(
    {"الإمام", "الامام", "السيد", "السيّد", "السيدة", "الشيخ", "الأستاذ", "الدكتور", "العلامة"}
)

#: blessings printed after a name, no part of it: ``جعفر عليه السلام``, ``علي (ع)``
NAME_HONORIFIC_TAILS_AR: tuple[str, ...] = (
    "عليه السلام",
    "عليها السلام",
    "عليهم السلام",
    "رضي الله عنه",
    "رضي الله عنها",
    "رحمه الله",
    "(ع)",
)

#: the word "by" of a statement of responsibility after a title's slash (ISBD's
#: ``Title / by X``, ``Titre / recueillis par X``, ``العنوان / تأليف فلان``), folded
STATEMENT_BY_WORDS_FOLDED = frozenset({"by", "par", "von", "por", "تاليف", "بقلم"})

#: a blessing's abbreviation printed in brackets after a holy name (``الحسين (ع)``,
#: ``مؤسسة آل البيت (ع)``, ``النبي (ص)``, ``عمر (رض)``): part of the name it follows
BLESSING_MARKS_AR = frozenset({"ع", "ص", "رض", "عج"})

#: what opens a collective author printed in the name's place: ``مجموعة من الباحثين``,
#: ``جماعة من المؤلفين``, ``Group of authors``
COLLECTIVE_AUTHOR_HEADS: tuple[str, ...] = (
    "مجموعة من",
    "جماعة من",
    "نخبة من",
    "فريق من",
    "group of",
    "collectif",
)

#: folded words after which a journal's name has ended (a description, a year of
#: publication): ``مجلة البحر، السنة الثامنة``, ``مجلة فكرية تصدر عن ...``
CONTAINER_TAIL_WORDS_FOLDED = frozenset({"السنه", "تصدر", "تصدرها", "يصدرها", "الصادره", "مجله"})

#: folded names of the seasons, which journals print as an issue's date (``صيف 2013``,
#: ``Spring 1990``, ``automne 1987``): a season after a place is no part of it
SEASON_WORDS_FOLDED = frozenset(
    {
        # Arabic: summer, winter, autumn (خريف), spring (ربيع is also a month's name)
        "صيف",
        "الصيف",
        "شتاء",
        "الشتاء",
        "خريف",
        "الخريف",
        "ربيع",
        "الربيع",
        # English, French, German
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "printemps",
        "ete",
        "automne",
        "hiver",
        "fruhling",
        "fruhjahr",
        "sommer",
        "herbst",
    }
)

#: folded words that open an Arabic periodical's name; "Journal of X: official journal of
#: Y" is one name
JOURNAL_HEADS_FOLDED = frozenset({"مجله", "حوليه", "دوريه"})

#: the imprint's labels printed before the publisher's name (``الناشر: X``, Persian
#: ``ناشر: X``, ``Publisher: X``), lower-case
PUBLISHER_LABELS = frozenset({"الناشر", "ناشر", "publisher", "printer"})

#: the publisher's role printed after its name as a comma part of its own (``William
#: Roe, Publisher``, ``Harbour, éditeur``), lower-case: no part of the name
PUBLISHER_ROLE_WORDS = frozenset(
    {"publisher", "publishers", "éditeur", "éditeurs", "editeur", "editeurs", "الناشر", "ناشر"}
)

#: folded words that date a person in the brackets after the name (``(ت 808هـ)``,
#: ``(المتوفى سنة 463هـ)``, ``(عاش في القرن التاسع الهجري)``, ``(d. 1406)``, ``(fl. 1200)``)
LIFETIME_WORDS_FOLDED = frozenset(
    {"ت", "توفي", "المتوفي", "عاش", "القرن", "ق", "الهجري", "الميلادي"}
    | {"d", "died", "b", "born", "fl", "flourished", "century"}
)

#: folded words (their article off: ``الجمهورية`` -> ``جمهوريه``, ``al-Mamlakah`` ->
#: ``mamlakah``) that name a form of state: a country's formal name (``الجمهورية
#: العراقية``, ``al-Mamlakah al-Maghribiyah``, ``Republic of Kenya``, ``Royaume du
#: Maroc``) printed as the place of an imprint
STATE_FORM_WORDS_FOLDED = frozenset(
    {
        # Arabic: republic, kingdom, emirate(s), state, sultanate
        "جمهوريه",
        "مملكه",
        "اماره",
        "امارات",
        "دوله",
        "سلطنه",
        # their ALA-LC romanizations (construct and free forms)
        "jumhuriyah",
        "jumhuriyat",
        "mamlakah",
        "mamlakat",
        "imarah",
        "imarat",
        "dawlah",
        "dawlat",
        "saltanah",
        "saltanat",
        # English, French, German
        "republic",
        "kingdom",
        "emirate",
        "emirates",
        "sultanate",
        "state",
        "republique",
        "royaume",
        "etat",
        "republik",
        "konigreich",
    }
)

#: the letters that number a Word list in the ``arabicAbjad`` format (ECMA-376 part 1,
#: 17.18.59: أ ب ج د in the abjad order, 1 to 28)
ARABIC_ABJAD_LETTERS = (
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن",
    "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
)  # fmt: skip

#: the letters that number a Word list in the ``arabicAlpha`` format (the alphabetical
#: order: أ ب ت ث, 1 to 28)
ARABIC_ALPHA_LETTERS = (
    "أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص",
    "ض", "ط", "ظ", "ع", "غ", "ف", "ق", "ك", "ل", "م", "ن", "هـ", "و", "ي",
)  # fmt: skip
