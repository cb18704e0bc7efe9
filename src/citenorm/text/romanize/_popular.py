"""The popular style: ALA-LC folded to ASCII, with the common spellings of names.

Journals' English lists rarely use ALA-LC: they write ``Mohammed``, ``Hussein``,
``Abdul Amir``, ``Cairo``. This style starts from the ALA-LC word (so that it shares the
romanizer's decisions) and then

* uses the common English spelling of frequent given names (:data:`NAMES`, general
  usage in English-language Arab scholarship, not any one article's spellings);
* writes ``ʻAbd al-X`` as ``Abdul X`` and ``ʻAbd Allāh`` as ``Abdullah``;
* folds the rest: macrons and dots dropped, ʻ ʼ dropped, ``ay`` before a consonant
  ``ai`` in names (``Zuhayr`` -> ``Zuhair``), ``aʻ`` before a consonant ``aa``
  (``Raʻd`` -> ``Raad``), final ``-ah`` of a name ``-a``, ``-īyah``
  ``-iya``;
* writes a known place by its English name (``al-Qāhirah`` -> ``Cairo``), from the place
  lexicon.

An article's own list overrides all of this where it shows how it spells a word
(:mod:`._article`).
"""

from __future__ import annotations

import re
import unicodedata

from citenorm.text import _rx

__all__ = ["NAMES", "fold_ascii", "popular_word"]

# ALA-LC (lowercase) -> the usual English spelling of the name
NAMES: dict[str, str] = {
    "muḥammad": "Mohammed",
    "aḥmad": "Ahmed",
    "maḥmūd": "Mahmoud",
    "muṣṭafá": "Mustafa",
    "ḥusayn": "Hussein",
    "ḥasan": "Hassan",
    "ḥusnī": "Hosni",
    "ʻalī": "Ali",
    "ʻumar": "Omar",
    "ʻuthmān": "Othman",
    "yūsuf": "Youssef",
    "ibrāhīm": "Ibrahim",
    "ismāʻīl": "Ismail",
    "isḥāq": "Ishaq",
    "yaʻqūb": "Yaqub",
    "mūsá": "Musa",
    "ʻīsá": "Issa",
    "yaḥyá": "Yahya",
    "khālid": "Khalid",
    "saʻīd": "Saeed",
    "saʻd": "Saad",
    "saʻūd": "Saud",
    "sulaymān": "Suleiman",
    "salmān": "Salman",
    "ʻabbās": "Abbas",
    "jaʻfar": "Jafar",
    "kāẓim": "Kadhim",
    "riḍā": "Rida",
    "mahdī": "Mahdi",
    "hādī": "Hadi",
    "qāsim": "Qasim",
    "jāsim": "Jassim",
    "karīm": "Karim",
    "ḥamīd": "Hamid",
    "majīd": "Majid",
    "rashīd": "Rashid",
    "fāḍil": "Fadel",
    "fayṣal": "Faisal",
    "fuʼād": "Fouad",
    "fahd": "Fahd",
    "nāṣir": "Nasser",
    "hāshim": "Hashim",
    "hishām": "Hisham",
    "haytham": "Haitham",
    "maytham": "Maitham",
    "hānī": "Hani",
    "wāʼil": "Wael",
    "walīd": "Walid",
    "yāsir": "Yasser",
    "akram": "Akram",
    "amīn": "Amin",
    "anwar": "Anwar",
    "usāmah": "Osama",
    "ashraf": "Ashraf",
    "ayman": "Ayman",
    "bashīr": "Bashir",
    "jamāl": "Jamal",
    "jamīl": "Jamil",
    "ḥaydar": "Haidar",
    "ḥāmid": "Hamid",
    "ḥusām": "Hussam",
    "khalīl": "Khalil",
    "rāʼid": "Raed",
    "riyāḍ": "Riyad",
    "ziyād": "Ziad",
    "zayd": "Zaid",
    "zuhayr": "Zuhair",
    "sālim": "Salem",
    "sāmī": "Sami",
    "samīr": "Samir",
    "ṣalāḥ": "Salah",
    "ṭāriq": "Tariq",
    "ʻādil": "Adel",
    "ʻāṣim": "Asim",
    "ʻāmir": "Amer",
    "ʻadnān": "Adnan",
    "ʻiṣām": "Issam",
    "ʻimād": "Imad",
    "ʻammār": "Ammar",
    "ghassān": "Ghassan",
    "qays": "Qais",
    "kamāl": "Kamal",
    "maʼmūn": "Mamoun",
    "māzin": "Mazen",
    "mājid": "Majid",
    "murād": "Murad",
    "marwān": "Marwan",
    "manṣūr": "Mansour",
    "munīr": "Munir",
    "nabīl": "Nabil",
    "najīb": "Najib",
    "nizār": "Nizar",
    "nūrī": "Nouri",
    "nūr": "Nour",
    "fāṭimah": "Fatima",
    "ʻāʼishah": "Aisha",
    "khadījah": "Khadija",
    "zaynab": "Zainab",
    "maryam": "Maryam",
    "laylá": "Layla",
    "suʻād": "Suad",
    "hudá": "Huda",
    "ímān": "Iman",
    "īmān": "Iman",
    "abū": "Abu",
    "bint": "bint",
}

_PLAIN = str.maketrans({"ʻ": "", "ʼ": "", "'": "", "‘": "", "’": ""})
_ABD_ALLAH = _rx.compile(r"^ʻ?abd[- ]?(?:al-?)?l?lāh$|^ʻ?abdullāh$")
_AY = _rx.compile(r"ay(?=[bcdfghjklmnpqrstvwxz])")
# ʻayn after a short a and before a consonant is written as a second a: Raʻd -> Raad,
# Jaʻfar -> Jaafar, Kaʻbī -> Kaabi
_A_AYN = _rx.compile(r"aʻ(?=[bcdfghjklmnpqrstvwxzḍḥṣṭẓ])")


def fold_ascii(word: str) -> str:
    """ALA-LC without its marks: macrons and dots dropped, ʻ ʼ dropped, ``á`` -> ``a``."""
    word = word.translate(_PLAIN)
    out = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", out)


def popular_word(alalc: str, *, group: str) -> str:
    """One ALA-LC word in the popular style (names get their common spelling)."""
    lower = alalc.lower()
    prefix = ""
    m = re.match(r"^((?:wa|fa|bi|li|ka|lil)-)?(al-)?", lower)
    if m and m.end():
        prefix = m.group(0)
        lower = lower[m.end() :]
    if _ABD_ALLAH.match(lower):
        return "Abdullah"
    known = NAMES.get(lower)
    if known is not None and group != "title":
        stem = known
    else:
        stem = lower
        if group in ("name", "imprint"):
            stem = _A_AYN.sub("aa", _AY.sub("ai", stem))
            if stem.endswith(("īyah", "iyah")):
                stem = stem[:-4] + "iya"
            elif stem.endswith("ah") and group == "name":
                stem = stem[:-1]
        stem = fold_ascii(stem)
        if alalc[len(prefix) :].lstrip("ʻʼ")[:1].isupper():
            stem = stem[:1].upper() + stem[1:]
    return fold_ascii(prefix) + stem
