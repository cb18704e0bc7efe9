"""A list's house style reads an entry's name off its title the same way when the
entry's printed text carries marks that the parser cleans away (NBSP, bidi marks,
tatweel, vowel marks: Word and PDF exports add them)."""

from __future__ import annotations

import pytest

import citenorm

_LIST = """Article

References
1. Russell, Bertrand: The Problems of Philosophy. London: Williams and Norgate, 1912.
2. Ayer, Alfred: Language, Truth and Logic. London: Gollancz, 1936.
3. Ryle, Gilbert: The Concept of Mind. London: Hutchinson, 1949.
4. Quine, Willard: Word and Object. Cambridge: MIT Press, 1960.
5. Austin, John: How to Do Things with Words. Oxford: Clarendon Press, 1962.
6. Jevons: Elementary Lessons in Logic. London: Macmillan, 1870.
"""


@pytest.mark.parametrize("mark", ["", "\u00a0", "\u200f ", "\u200e ", "\u061c "])
def test_the_house_style_reads_a_name_through_marks(mark: str) -> None:
    text = _LIST.replace("Elementary Lessons", f"Elementary{mark or ' '}Lessons")
    entry = citenorm.extract(text).entries[5]
    assert entry.fields.author is not None
    assert [n.family for n in entry.fields.author] == ["Jevons"]
    assert entry.fields.title == "Elementary Lessons in Logic"


def test_the_style_is_voted_by_entries_with_marks() -> None:
    # every entry read with its author carries a mark in its title: the votes still
    # count them, so the unknown name is still read off its title
    marked = "\n".join(
        line.replace(": ", ": \u200f", 1) if line[:1] in "12345" else line
        for line in _LIST.split("\n")
    )
    entry = citenorm.extract(marked).entries[5]
    assert entry.fields.author is not None
    assert [n.family for n in entry.fields.author] == ["Jevons"]
