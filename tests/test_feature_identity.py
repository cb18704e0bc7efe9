"""The reference labeler's features are exactly those its model was trained on.

``extraction/reference/features.py`` is tuned for speed (issue 18); the model
(``data/model.crfsuite``) was trained on the features the code gave when it was built
(``training/parser/build.py``), so a faster feature function must give the same attribute
strings, in the same order, for every token of every reference. This test hashes the
feature sequences of a fixed corpus: every line of the bundled articles (as printed and
cleaned), the catalogue sample's fields, hand-written references with unusual
characters, and seeded random strings drawn from the characters references hold. The
digest was taken with the features the shipped model was trained on.

A change of the digest means the features changed: either a bug (a speed-up that is not
exact), or a deliberate change of the features or of the tables they read (the
lexicons, the cue words, the folds), which needs the model retrained
(``training/parser/build.py``) and this digest taken again (run this file with
``CITENORM_PRINT_FEATURE_DIGEST=1`` and ``-s`` to print the new values).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
from collections.abc import Iterator

import pytest

from citenorm.extraction.reference.features import sequence_features, word_features
from citenorm.extraction.reference.tokens import tokenize
from citenorm.memo import clear_memos
from citenorm.text.normalize import clean
from conftest import FIXTURES, ROOT

# hand-written references: scripts mixed, marks, presentation forms, digits of three
# kinds, superscripts, brackets and quotes of every kind, addresses, identifiers
INVENTED = [
    "الطبري، محمد بن جرير. تاريخ الرسل والملوك. تحقيق محمد أبو الفضل إبراهيم، ط2، القاهرة: دار المعارف، 1387هـ/1967م، ج3، ص ص 45-67.",
    "ابن خلدون، عبد الرحمن، المقدمة، (بيروت: دار الكتب العلمية، د.ت)، مج١، ع٣، ص٢٣٤.",
    "وآخرون، «العنوان بين قوسين»، مجلة الدراسات الفلسطينية، العدد ۱۲۳ (صيف ۲۰۱۹): ۴۵–۶۷.",
    "الـمَـقْـدِسِـيُّ، أحسن التقاسيم في معرفة الأقاليم، ليدن: بريل، ١٩٠٦.",
    "ﺍﻟﻘﺎﻫﺮﺓ ﻣﻜﺘﺒﺔ ﺍﻟﺨﺎﻧﺠﻲ ١٤٠٢ ﻫـ",
    "Ṭabarī, Muḥammad ibn Jarīr al-. Tārīkh al-rusul wa-al-mulūk. Ed. M. J. de Goeje. Leiden: Brill, 1879–1901.",
    "Ibn Khaldūn, ʻAbd al-Raḥmān. al-Muqaddimah. Bayrūt: Dār al-Kutub al-ʻIlmīyah, n.d.",
    "O'Brien, J.-P., & Müller, K. (2015). “A title in quotes”: subtitle. Journal of Things, 12(3), 45–67. https://doi.org/10.1093/acprof:oso/978.001.0001",
    "Smith, John, et al. The Book. 3rd edn. New York and London: Routledge, 2001. pp. ix + 345.",
    "Dupont, J. « Le titre ». Revue des études, vol. 4, no 2, 1998, p. 12-15. URL: www.example.org/a?b=c (consulté le 3 mars 2020).",
    "“Report on X,” The New York Times, January 5, 2021, accessed May 2, 2022, http://nyt.com/x.",
    "Müller-Lüdenscheidt, H. Über die Sache. Bd. 2. Aufl. 3. Frankfurt a. M.: Suhrkamp, 1970, S. 12 ff.",
    "مجلة كلية الآداب، جامعة بغداد، ع ٢٥، ١٤٢٠هـ، صص ١١-٢٢. [رسالة ماجستير غير منشورة]",
    "Al-Ghamdi, A. [The title in English] (in Arabic). Riyadh: King Saud University Press; 2010.",
    "x² + y³ ¹²³ ⁴⁵ ١٢ ٣٤ ۵۶ (a) [b] {c} ⟨d⟩ «e» ‹f› „g“ 'h' ‘i’ ’j",
    "al-Duktūr Maḥmūd; tarjamat ʿAlī — Bayrūt ـ لبنان – 2ط — 1988م – ص١٢",
    "10.1000/xyz123 www.site.org http://a.b/c?d=e&f=g HTTPS://X.Y WWW.Z.COM",
    "ed. eds. vol. vols. no. nos. pp. p. s. ss. ibid. op. cit. et al. n.d. s.d. ca. c.",
    "  \t  ,،;؛.:  ()[]  ",
    "Ｆｕｌｌｗｉｄｔｈ １２３ ﬁ ﬂ ǅ Ǆ ǆ ß ẞ İ ı ŉ",
]

# characters references are made of, for the random strings
_ALPHABET = (
    "ابتثجحخدذرسشصضطظعغفقكلمنهوية ءآأؤإئى ًٌٍَُِّْ ـ ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳ پچژگکی "
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ āīūḥṣṭḍẓʿʾʻʼ’'éèüöçñ "
    '0123456789 ,.;:()[]«»“”"-–—/&?!؟،؛* ²³¹ ﺍﻟ\u200f\u200e\u00ad'
)
_WORD_TEXT = (
    "القاهرة بيروت دار مكتبة مجلة العدد ط ج ص تحقيق ترجمة الطبعة جامعة وزارة محمد عبد الله "
    "Cairo Beirut London New York Oxford University Press Journal vol no pp ed trans "
    "al-Qāhirah Bayrūt Dār Maktabat Majallat Jāmiʻat Leiden Brill http://x.org 1988 ١٩٨٨ "
    "1405هـ 2020م (2001) [1999] «مقال» “title” et al. وآخرون د.ت n.d."
)
_WORDS = _WORD_TEXT.split()


def _random_references(n: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(n):
        parts: list[str] = []
        for _ in range(rng.randint(1, 30)):
            if rng.random() < 0.6:
                parts.append(rng.choice(_WORDS))
            else:
                parts.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 8))))
        yield rng.choice((" ", " ", "، ", ", ", " - ")).join(parts)


def _fixture_lines() -> Iterator[str]:
    for path in sorted(FIXTURES.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield line


def _catalogue_fields() -> Iterator[str]:
    with (ROOT / "tests" / "data" / "aco-sample.jsonl").open(encoding="utf-8") as f:
        for row in f:
            record = json.loads(row)
            for value in record.values():
                if isinstance(value, str) and value.strip():
                    yield value


CORPORA = {
    "fixtures": lambda: _fixture_lines(),
    "catalogue": lambda: _catalogue_fields(),
    "invented": lambda: iter(INVENTED),
    "random": lambda: _random_references(1000, seed=18),
}

# sha256 of the feature sequences of each corpus (each text as printed, then cleaned)
DIGESTS = {
    "fixtures": "8167ec5cb8ae3ea4d8433ce427e0949beb1cc15502136c0c74e036db3b32b9a0",
    "catalogue": "59ba8b64ec7aab076af3610f245d59320ff480da86178017e8c478db4f33372b",
    "invented": "47d292689ac0cd724650d983554ca5aec96ca5d3074e75accd2f213cc51557bb",
    "random": "51d7b30e9523eb24b2bb0e4d3dc964f67fad50f3a8201a466bb27802a6e46426",
}


def _digest(texts: Iterator[str]) -> tuple[str, int]:
    h = hashlib.sha256()
    tokens = 0
    for text in texts:
        for form in (text, clean(text)):
            toks = tokenize(form)
            tokens += len(toks)
            try:
                feats = json.dumps(sequence_features(toks), ensure_ascii=False)
            except ValueError as exc:
                # a digit int() cannot read ("¹" in uncleaned text; parse_reference
                # cleans first): kept as it was, the model never saw such a token
                feats = f"{type(exc).__name__}: {exc}"
            h.update(feats.encode())
            h.update(b"\n")
    return h.hexdigest(), tokens


@pytest.mark.parametrize("corpus", list(CORPORA))
def test_the_features_are_those_the_model_was_trained_on(corpus: str) -> None:
    clear_memos()  # the features of words never seen, then of words seen (memos warm)
    digest, tokens = _digest(CORPORA[corpus]())
    again, _ = _digest(CORPORA[corpus]())
    if os.environ.get("CITENORM_PRINT_FEATURE_DIGEST"):
        print(f'\n    "{corpus}": "{digest}",  # {tokens} tokens')
    assert tokens > 500
    assert again == digest, "the features of a word differ between a cold and a warm memo"
    assert digest == DIGESTS[corpus], (
        f"the features of the {corpus!r} corpus changed: a bug, or a change that needs "
        "the model retrained (see this file's docstring)"
    )


def test_word_features_of_every_kind_of_token() -> None:
    """A few tokens read by eye: what each kind of token gives."""
    assert word_features("1988")[:3] == ("num", "shape=d", "digits=4")
    assert "yearG" in word_features("1988")
    assert word_features("http://x.org") == ("url", "shape=url")
    assert word_features("10.1000/x") == ("doi", "shape=doi")
    assert word_features("،") == ("p=،", "punct")
    ar = word_features("والقاهرة")
    assert ar[:3] == ("w=والقاهره", "shape=a", "ar") and "pre=وال" in ar
    lat = word_features("Cairo")
    assert lat[:3] == ("w=cairo", "shape=Xx", "lat") and "cap" in lat and "lex=place" in lat


def test_word_lookups_are_the_lexicon_s_own() -> None:
    """``lexicon.word_lookups`` (one fold of a word for its three look-ups) gives what
    ``word_sequences``, ``is_place``, ``fold_key(articles=True)`` and ``is_given_name``
    give, on every token of the fixtures and of the random references, and on strings
    that take the functions' own path (separators, uncertainty marks)."""
    from citenorm.text import lexicon

    words = {t.text for text in _fixture_lines() for t in tokenize(clean(text))}
    words |= {t.text for text in _random_references(300, seed=7) for t in tokenize(text)}
    words |= {"القاهرة؟", "Beirut?", "London/New York", "بيروت، لبنان", "al-Qāhirah", "ıstanbul"}
    assert len(words) > 3000
    clear_memos()
    for word in sorted(words):
        sequences, place, key, given = lexicon.word_lookups(word)
        assert sequences == lexicon.word_sequences(word), word
        assert place == lexicon.is_place(word), word
        assert key is None or key == lexicon.fold_key(word, articles=True), word
        assert given == lexicon.is_given_name(word), word
