"""The swapped lam ligatures of some PDF readers ("احلرکة" for "الحرکة"), on invented text:
found in a whole document by forms no Arabic word has, and repaired in what is read."""

from __future__ import annotations

from pathlib import Path

import pytest

import citenorm
from citenorm.text.normalize import lam_ligature_fault, repair_lam_ligatures

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    ("faulty", "repaired"),
    [
        ("احلركة", "الحركة"),  # the article's lam after the letter of its ligature
        ("باملغرب", "بالمغرب"),  # after a clitic
        ("االستقالل", "الاستقالل"),  # lam-alef
        ("األمرية", "الأمرية"),
        ("عىل", "على"),  # a final "ىل"
        ("إىل الرباط", "إلى الرباط"),
        ("ال احلرص", "لا الحرص"),  # "لا" alone
        # forms a word may have stay: "الحركة" already right, "علم", "اقل" (no ligature)
        ("الحركة علم اقل", "الحركة علم اقل"),
    ],
)
def test_the_swapped_letters_are_put_back(faulty: str, repaired: str) -> None:
    assert repair_lam_ligatures(faulty) == repaired


_FAULTY = (
    "احلركة الوطنية باملغرب عىل سبيل املثال ال احلرص، ودور االستقالل يف املجتمع، "
    "وما ورد إىل اجلرائد عن األمرية "
)


def test_a_document_has_the_fault_when_its_forms_are_many() -> None:
    assert lam_ligature_fault(_FAULTY * 3)
    # one slip in a long clean text is no fault
    clean = (HERE.parent / "fixtures" / "seed" / "russian-chinese-relations-2022.txt").read_text(
        encoding="utf-8"
    )
    assert not lam_ligature_fault(clean)
    assert not lam_ligature_fault(clean + " عىل ")


def test_the_notes_and_entries_of_a_faulty_document_are_read_repaired() -> None:
    body = "نص المقال " + _FAULTY * 2 + "(1).\n\n"
    note = (
        "(1) عبد احلق املريني، تاريخ احلركة الوطنية باملغرب، الرباط، دار املعارف، 2009، ص 12.\n\n"
    )
    entries = "املصادر\n1. املريني، عبد احلق، تاريخ احلركة الوطنية، الرباط، دار املعارف، 2009.\n"
    doc = citenorm.extract(body + note + entries)
    fn = doc.footnotes[0]
    assert fn.fields.title == "تاريخ الحركة الوطنية بالمغرب"
    assert "احلركة" in fn.text  # the printed text stays as printed
    (entry,) = doc.entries
    assert entry.fields.author is not None and entry.fields.author[0].family == "المريني"
    assert entry.text.startswith("املريني")
    # the same note in a clean document is read as printed
    clean = citenorm.extract("نص المقال (1).\n\n" + note)
    assert clean.footnotes[0].fields.title == "تاريخ احلركة الوطنية باملغرب"
