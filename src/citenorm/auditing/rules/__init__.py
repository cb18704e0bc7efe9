"""The rule families; importing this package registers every rule in ``RULES``.

=========  ==============  =====================================================
codes      module          checks
=========  ==============  =====================================================
CN1xx      footnotes       markers, numbering, op. cit./ibid. back-references
CN2xx      citations       footnotes and in-text citations against the lists
CN3xx      pairs           Arabic entries against their romanizations
CN4xx      consistency     a footnote against the entry it cites
CN5xx      lists           list hygiene; articles without a list
CN6xx      romanization    the romanized list against itself and its Arabic
=========  ==============  =====================================================
"""

from __future__ import annotations

from citenorm.auditing.rules import (
    citations,
    consistency,
    footnotes,
    lists,
    pairs,
    romanization,
)

__all__ = ["citations", "consistency", "footnotes", "lists", "pairs", "romanization"]
