"""Render the sources as a formatted bibliography with citeproc-py (its only importer).

citeproc-py's known problems are handled here and nowhere else:

- it breaks Arabic given names into initials: Arabic personal names are passed as one
  ``literal`` (``Family، Given``), which no style initialises;
- it sorts by code point: the bibliography is sorted here, by a folded key (Latin
  diacritics and the ``al-``/``ال`` article ignored, Latin before Arabic), and handed to
  citeproc-py in that order;
- it does not escape HTML: text values are escaped before rendering when ``fmt="html"``;
- it prints ``original-title`` as "Originally published as": only the variables of the
  main record are passed, never the ``original-*`` ride-alongs, ``custom`` or ``note``;
- it warns (unsupported variables, schema validation): warnings are silenced inside the
  calls, so that callers running with warnings as errors are not disturbed.

Styles: ``harvard-cite-them-right`` (bundled with citeproc-py), ``chicago-author-date``
and ``apa`` (shipped in ``citenorm/export/styles``), or a path to any ``.csl`` file.
"""

from __future__ import annotations

import html
import re
import warnings
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from citenorm.errors import UsageError
from citenorm.export.csl import record_to_csl
from citenorm.export.records import ExportRecord, ExportScript, records
from citenorm.models import MatchResult
from citenorm.text.normalize import fold_arabic, fold_latin, has_arabic

__all__ = ["STYLES", "render", "sort_key"]

#: Style names ``render`` knows, besides a path to a ``.csl`` file.
STYLES = ("apa", "chicago-author-date", "harvard-cite-them-right")
_SHIPPED = {"apa": "apa.csl", "chicago-author-date": "chicago-author-date.csl"}

# CSL variables passed to citeproc-py; ``original-*``, ``custom``, ``note``, ``keyword``
# and ``language`` stay out (see the module docstring).
_RENDERED = frozenset(
    {
        "id", "type", "author", "title", "container-title", "volume", "issue", "edition",
        "page", "publisher", "publisher-place", "issued", "accessed", "URL", "DOI", "genre",
        "status",
    }
)  # fmt: skip
_TEXT_VARIABLES = _RENDERED - {"id", "type", "author", "issued", "accessed"}
_ARTICLE = re.compile(r"^(?:(?:al|el)[-\s]+|ال(?=\w\w))", re.IGNORECASE)


def _fold(text: str) -> tuple[int, str]:
    text = _ARTICLE.sub("", text.strip())
    if has_arabic(text):
        return (1, fold_arabic(_ARTICLE.sub("", fold_arabic(text))))
    return (0, fold_latin(text))


def sort_key(rec: ExportRecord) -> tuple[tuple[int, str], int, tuple[int, str], str]:
    """Bibliography order: folded first author (family, given) or title, year, title, key."""
    f = rec.fields
    first = ""
    if f.author:
        name = f.author[0]
        first = name.literal or " ".join(p for p in (name.family, name.given) if p)
    title = f.title or f.container_title or ""
    year = f.issued.year if f.issued is not None and f.issued.year is not None else 9999
    return (_fold(first or title), year, _fold(title), rec.key)


def _escape(value: str, fmt: str) -> str:
    return html.escape(value, quote=False) if fmt == "html" else value


def _citeproc_item(rec: ExportRecord, fmt: str) -> dict[str, Any]:
    item = {k: v for k, v in record_to_csl(rec).items() if k in _RENDERED}
    for name in _TEXT_VARIABLES & item.keys():
        item[name] = _escape(str(item[name]), fmt)
    names: list[dict[str, str]] = []
    for person in rec.fields.author or ():
        family, given = person.family or "", person.given or ""
        if person.literal or not (family or given):
            names.append({"literal": _escape(person.literal or "", fmt)})
        elif has_arabic(family + given):
            # a literal is never initialised: ``الأنباري، احمد عبد الامير``
            text = "، ".join(p for p in (family, given) if p)
            names.append({"literal": _escape(text, fmt)})
        else:
            parts = {"family": family, "given": given}
            names.append({k: _escape(v, fmt) for k, v in parts.items() if v})
    if names:
        item["author"] = names
    for name in ("issued", "accessed"):
        date = item.get(name)
        if isinstance(date, dict) and "date-parts" not in date and "literal" not in date:
            del item[name]  # citeproc-py cannot use a ``raw``-only date
    return item


def _style_source(style: str) -> str:
    if style in _SHIPPED:
        path = resources.files("citenorm.export").joinpath("styles", _SHIPPED[style])
        return str(path)
    if style == "harvard-cite-them-right":
        return style
    if style.endswith(".csl") and Path(style).is_file():
        return style
    raise UsageError(f"unknown style {style!r}: use one of {', '.join(STYLES)} or a .csl file")


def render(
    result: MatchResult,
    *,
    style: str = "harvard-cite-them-right",
    fmt: Literal["text", "html"] = "text",
    script: ExportScript = "latin",
) -> str:
    """The sources of ``result`` as a bibliography in ``style``, one entry per line.

    ``fmt="html"`` gives a ``<div class="csl-bib-body">`` of ``csl-entry`` divs with every
    text value escaped.
    """
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    recs = sorted(records(result, script=script), key=sort_key)
    items = [_citeproc_item(r, fmt) for r in recs]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        csl_style = CitationStylesStyle(_style_source(style), validate=False)
        source = CiteProcJSON(items)
        bib = CitationStylesBibliography(
            csl_style, source, formatter.html if fmt == "html" else formatter.plain
        )
        # registered in our order and never ``bib.sort()``-ed: citeproc-py keeps it
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        rendered = [str(entry) for entry in bib.bibliography()]
    if fmt == "html":
        body = "\n".join(f'  <div class="csl-entry">{e}</div>' for e in rendered)
        return f'<div class="csl-bib-body">\n{body}\n</div>\n'
    return "".join(f"{e}\n" for e in rendered)
