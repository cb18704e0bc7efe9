"""The footnote lead-in's prefilter (``_LEAD_IN_CUE_ARABIC`` / ``_LEAD_IN_CUE_LATIN`` in
``extraction/reference/__init__.py``) must hold a word of every cue ``_LEAD_IN`` knows:
a cue added to the pattern alone would never be tried. The cues are read from the
pattern's parse tree, so the check follows the pattern as it changes."""

from __future__ import annotations

import re
import re._parser as sre_parse  # (the standard library's own regex parser)
from typing import Any

import citenorm.extraction.reference as R
from citenorm.text import patterns as P


def _heads(seq: Any) -> list[str]:
    """The literal text each alternative of ``seq`` must open with (optional parts at the
    start skipped, a branch opened into its alternatives)."""
    out = [""]
    for op, av in seq:
        if op is sre_parse.LITERAL:
            out = [h + chr(av) for h in out]
        elif op is sre_parse.BRANCH and out == [""]:
            return [w for alt in av[1] for w in _heads(alt)]
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and av[0] == 0 and out == [""]:
            continue
        else:
            break
    return out


def _cues(pattern: re.Pattern[str]) -> list[str]:
    """The cue words of a lead-in pattern: its first mandatory alternation after the
    name and the separator (``voir|see|…|انظر|…``)."""
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    branches = [av for op, av in items if op is sre_parse.BRANCH]
    assert len(branches) >= 2, "the lead-in's shape changed: read it again"
    return [w for alt in branches[1][1] for w in _heads(alt)]


def _missed(pattern: re.Pattern[str]) -> list[str]:
    return [
        w
        for w in _cues(pattern)
        if not (R._LEAD_IN_CUE_ARABIC.search(w) or P.search(R._LEAD_IN_CUE_LATIN, w))
        or not (
            R._LEAD_IN_CUE_ARABIC.search(w.upper()) or P.search(R._LEAD_IN_CUE_LATIN, w.upper())
        )
    ]


def test_every_lead_in_cue_has_a_word_in_the_prefilter() -> None:
    cues = _cues(R._LEAD_IN)
    assert {"voir", "see", "انظر", "راجع", "الرجوع", "يرجع"} <= set(cues)
    assert _missed(R._LEAD_IN) == []


def test_the_check_sees_a_cue_the_prefilter_lacks() -> None:
    grown = re.compile(R._LEAD_IN.pattern.replace("(?:voir|", "(?:siehe|voir|", 1), re.IGNORECASE)
    assert "siehe" in _cues(grown)
    assert _missed(grown) == ["siehe"]


def test_a_lead_in_is_cut_from_a_note() -> None:
    note = "للمزيد حول هذا الموضوع، انظر: سمير حداد، موانئ البحر، دار البحر، بيروت، 1990."
    got = R.parse_reference(note, context="footnote")
    assert got.author is not None and got.author[0].family == "حداد"
    assert got.title == "موانئ البحر"
