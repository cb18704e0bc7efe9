"""Visual order back to logical order: a reduced Unicode bidi algorithm run backwards.

A PDF gives the characters of a line in visual order, left to right. A line whose letters
are mostly Arabic is right-to-left; runs of Latin letters and numbers keep their order
inside it; numbers after Arabic letters are Arabic numbers (so ``٢٠٢٣-٢٠١٤`` printed right
to left reads ``٢٠١٤-٢٠٢٣`` again); brackets are mirrored back (:func:`visual_to_logical`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from citenorm.text import _rx

__all__ = ["ARABIC_LETTER", "base_letters", "kind", "visual_to_logical"]

ARABIC_LETTER = _rx.compile(
    "[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]"
)
_PRESENTATION = _rx.compile("[\ufb00-\ufdff\ufe70-\ufefc]")
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_EN = frozenset("0123456789⁰¹²³⁴⁵⁶⁷⁸⁹")
_AN = frozenset("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬")
_CS = frozenset(",.:/\u00a0\u060c")  # a single one joins two numbers: 3.5, 12/4, ١٢،٥
_ES = frozenset("+-\u2212")  # joins two European numbers only: 2014-2023 after Latin


def kind(ch: str) -> str:
    """A reduced bidi class: L, AL, EN, AN, CS, ES or N (neutral)."""
    if ch in _EN:
        return "EN"
    if ch in _AN:
        return "AN"
    if ch in _CS:
        return "CS"
    if ch in _ES:
        return "ES"
    if ARABIC_LETTER.match(ch):
        return "AL"
    cat = unicodedata.category(ch[:1]) if ch else "Zs"
    if cat.startswith(("L", "M")):
        bidi = unicodedata.bidirectional(ch[:1])
        return "AL" if bidi in ("AL", "R", "NSM") and cat.startswith("L") else "L"
    return "N"


def _ltr_runs(chars: Sequence[str], kinds: Sequence[str], *, start: str = "R") -> list[bool]:
    """For each character of a right-to-left line (visual order), whether it belongs to
    a left-to-right run (Latin letters, numbers and what joins them). ``start``: the
    strong letter before the line in reading order (``AL`` on a line that goes on with a
    paragraph whose last letter above is Arabic)."""
    n = len(chars)
    ltr = [k in ("L", "EN", "AN") for k in kinds]
    # numbers after Arabic letters are Arabic numbers (W2): the nearest strong letter
    # before them in reading order stands to their right on a right-to-left line
    context = ["R"] * n
    last = start
    for i in range(n - 1, -1, -1):
        if kinds[i] == "AL":
            last = "AL"
        elif kinds[i] == "L":
            last = "L"
        context[i] = last
    i = 0
    while i < n:
        if not ltr[i]:
            j = i
            while j < n and not ltr[j]:
                j += 1
            if i > 0 and j < n:
                gap = kinds[i:j]
                left, right = kinds[i - 1], kinds[j]
                joins = (left == "L" and right == "L" and "AL" not in gap) or (
                    len(gap) == 1
                    and left in ("EN", "AN")
                    and right in ("EN", "AN")
                    and (
                        gap[0] == "CS"
                        or (gap[0] == "ES" and left == right == "EN" and context[j] != "AL")
                    )
                )
                if joins:
                    for k in range(i, j):
                        ltr[k] = True
            i = j
        else:
            i += 1
    return ltr


def visual_to_logical(
    chars: Sequence[str], *, rtl: bool | None = None, after_arabic: bool = False
) -> str:
    """One printed line, given as its glyph texts from left to right, in reading order.

    ``rtl``: the line's direction when known (from its alignment); by default the line
    is right-to-left when it has at least as many Arabic letters as Latin ones.
    ``after_arabic``: the line goes on with a paragraph whose last letter above is
    Arabic (its numbers before any letter of its own are Arabic numbers, as the
    renderer took them: ``45-67`` printed ``67-45``).
    """
    if not chars:
        return ""
    kinds = [kind(c) for c in chars]
    arabic = kinds.count("AL")
    latin = kinds.count("L")
    if rtl is None:
        rtl = arabic >= latin and arabic > 0
    if arabic == 0 and not rtl:
        return "".join(chars)
    if not rtl:
        # a left-to-right line with Arabic inside: each Arabic stretch is a right-to-left
        # island (from its first to its last Arabic letter)
        out: list[str] = []
        i, n = 0, len(chars)
        while i < n:
            if kinds[i] != "AL":
                out.append(chars[i])
                i += 1
                continue
            j = i
            end = i
            while j < n and kinds[j] != "L":
                if kinds[j] == "AL":
                    end = j
                j += 1
            out.append(visual_to_logical(chars[i : end + 1]))
            i = end + 1
        return "".join(out)
    ltr = _ltr_runs(chars, kinds, start="AL" if after_arabic else "R")
    pieces: list[str] = []
    i, n = 0, len(chars)
    while i < n:
        j = i
        while j < n and ltr[j] == ltr[i]:
            j += 1
        run = chars[i:j]
        pieces.append(
            "".join(run) if ltr[i] else "".join(c.translate(_MIRROR) for c in reversed(run))
        )
        i = j
    return "".join(reversed(pieces))


# "2u.pw/E8E1XNUA//:https": a URL whose host starts with a digit, printed on a
# right-to-left line, shows its scheme after the rest (the "://" between a Latin letter
# and a number resolves to right-to-left); put the scheme back in front


def base_letters(text: str) -> str:
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m[0]), text)
