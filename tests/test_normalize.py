"""Text folds: what they fold, and that they are idempotent (hypothesis)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from citenorm.text.normalize import (
    clean,
    digits_view,
    fold_arabic,
    fold_latin,
    script_of,
    to_western_digits,
)

TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


def test_digits_and_marks() -> None:
    assert to_western_digits("٢٠١٧ ۱۹۹۰") == "2017 1990"
    assert clean("المـــراجـــع") == "المراجع"
    assert clean("a\u200eb\u200fc\u061cd") == "abcd"
    assert clean("ﻣﺼﺮ") == "مصر"  # presentation forms from PDF extraction
    assert clean("ی ک") == "ي ك"


def test_fold_arabic() -> None:
    assert fold_arabic("أحمد") == fold_arabic("احمد")
    assert fold_arabic("مدرسة") == fold_arabic("مدرسه")
    assert fold_arabic("مصطفى") == fold_arabic("مصطفي")
    assert fold_arabic("عبد الله") == fold_arabic("عبدالله")
    assert fold_arabic("مُحَمَّد") == fold_arabic("محمد")


def test_fold_latin() -> None:
    assert fold_latin("Ḥusayn, ʻAbd al-Raḥmān") == "husayn abd al rahman"
    assert fold_latin("Maṭbaʻat") == fold_latin("Matbaat")


def test_nfc_and_nfd_fold_alike() -> None:
    s = "al-Qāhirah Ḥusayn"
    assert fold_latin(unicodedata.normalize("NFD", s)) == fold_latin(
        unicodedata.normalize("NFC", s)
    )


def test_script_of() -> None:
    assert script_of("الأنباري، احمد") == "arabic"
    assert script_of("al-Anbari, Ahmed 2017") == "latin"


@given(TEXTS)
def test_folds_are_idempotent(text: str) -> None:
    for fold in (clean, fold_arabic, fold_latin, to_western_digits):
        once = fold(text)
        assert fold(once) == once


@given(TEXTS)
def test_digits_view_keeps_length(text: str) -> None:
    assert len(digits_view(text)) == len(text)
