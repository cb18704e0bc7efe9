"""Exporters: the sources of a :class:`~citenorm.models.MatchResult` in other formats.

One record per source (:func:`records`): a pair of an Arabic entry and its romanization
is one record, unpaired entries and footnote-only (``unlisted``) sources are records of
their own. Every function returns a value; nothing writes files.

- :func:`to_bibtex`, :func:`to_biblatex`: BibTeX text (bibtexparser v2)
- :func:`to_csl_json`: CSL-JSON items
- :func:`to_ris`: RIS text
- :func:`render`: a bibliography formatted by a CSL style (citeproc-py)

``script="latin"`` (default) exports the romanized entry with its Arabic original riding
along; ``script="arabic"`` the reverse.
"""

from __future__ import annotations

from citenorm.export.bibtex import to_biblatex, to_bibtex
from citenorm.export.csl import to_csl_json
from citenorm.export.records import ExportRecord, ExportScript, records
from citenorm.export.render import STYLES, render
from citenorm.export.ris import to_ris

__all__ = [
    "STYLES",
    "ExportRecord",
    "ExportScript",
    "records",
    "render",
    "to_biblatex",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]
