"""Render the sources as a formatted bibliography with citeproc-py (its only importer).

citeproc-py's known problems are handled here and nowhere else:

- it breaks Arabic given names into initials: Arabic personal names (either script) are
  passed as one ``literal`` (``Family, Given``), which no style initialises;
- it sorts by code point: the bibliography is sorted here (:func:`sort_key`) and handed to
  citeproc-py in that order. Latin-script entries come first, then Arabic-script ones, each
  group alphabetical by its first author (the ``al-``/``ال`` article and Latin diacritics
  ignored), then year and title;
- it does not escape HTML: text values are escaped before rendering when ``to="html"``;
- it prints ``original-title`` as "Originally published as": only the variables of the
  main record are passed, never the ``original-*`` ride-alongs, ``custom`` or ``note``;
- it repeats substituted titles and prints APA's ``(Publication)`` for a thesis with no
  number: two CSL rules it gets wrong are put right in :mod:`citenorm.export._citeproc`;
- it warns (unsupported variables, schema validation): warnings are silenced inside the
  calls, so that callers running with warnings as errors are not disturbed.

Arabic-script entries render with the CSL Arabic locale (``locales/locales-ar.xml``:
``و`` for "and", ``الطبعة``, ``د.ت``), Latin-script entries with ``en-US``; in HTML an
Arabic entry is ``<div class="csl-entry" dir="rtl" lang="ar">`` aligned right. A romanized
Arabic title (``language`` ``ar-Latn``) is never title-cased. A Hijri year is shown beside
the Gregorian one, ``1344/1925`` (``1344هـ/1925م`` in Arabic), or alone (``1334 AH``).

Styles: ``harvard-cite-them-right`` (a copy of citeproc-py's without its ``[Preprint]``
label), ``chicago-author-date`` and ``apa``, all shipped in ``citenorm/export/styles``, or
a path to any ``.csl`` file.
"""

from __future__ import annotations

import html
import warnings
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from xml.etree import ElementTree

from citenorm.errors import InputError, UsageError
from citenorm.export import _citeproc
from citenorm.export.csl import record_to_csl
from citenorm.export.records import PROPOSAL_NOTE, ExportRecord, ExportScript, records
from citenorm.memo import memo
from citenorm.models import MatchResult
from citenorm.text import _rx
from citenorm.text.normalize import fold_arabic, fold_latin, has_arabic, strip_article

__all__ = ["STYLES", "render", "sort_key"]

#: Style names ``render`` knows, besides a path to a ``.csl`` file.
STYLES = ("apa", "chicago-author-date", "harvard-cite-them-right")
_SHIPPED = {
    "apa": "apa.csl",
    "chicago-author-date": "chicago-author-date.csl",
    "harvard-cite-them-right": "harvard-cite-them-right.csl",
}
#: The CSL locale of each script's entries.
LOCALES = {"latin": "en-US", "arabic": "ar"}

# CSL variables passed to citeproc-py; ``original-*``, ``custom``, ``note``, ``keyword``
# and ``language`` stay out (see the module docstring).
_RENDERED = frozenset(
    {
        "id", "type", "author", "title", "container-title", "volume", "issue", "edition",
        "page", "publisher", "publisher-place", "issued", "accessed", "URL", "DOI", "genre",
        "status", "language",
    }
)  # fmt: skip
_TEXT_VARIABLES = _RENDERED - {"id", "type", "author", "issued", "accessed", "language"}


def _fold(text: str) -> tuple[int, str]:
    text = strip_article(text.strip())
    if has_arabic(text):
        return (1, fold_arabic(strip_article(fold_arabic(text))))
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


def _shown_date(rec: ExportRecord) -> dict[str, Any] | None:
    """``issued`` as citenorm shows it: the Hijri year beside or instead of the Gregorian."""
    date = rec.date
    arabic = rec.script == "arabic"
    if date.hijri is not None and date.years:
        gregorian = "–".join(str(y) for y in date.years)
        text = f"{date.hijri}هـ/{gregorian}م" if arabic else f"{date.hijri}/{gregorian}"
        return {"literal": text}
    if date.hijri is not None:
        return {"literal": f"{date.hijri}هـ" if arabic else f"{date.hijri} AH"}
    if date.years:
        return {"date-parts": [[y] for y in date.years]}
    issued = rec.fields.issued
    return {"literal": issued.literal} if issued is not None and issued.literal else None


_CSL_NS = "{http://purl.org/net/xbiblio/csl}"


@memo(4)  # one per vendored locale file
def _locale_root(name: str) -> ElementTree.Element:
    path = resources.files("citenorm.export").joinpath("locales", f"locales-{name}.xml")
    return ElementTree.fromstring(path.read_bytes())


def _punctuation_in_quote(name: str) -> bool:
    """The locale's ``punctuation-in-quote`` option (``true`` in ``en-US``)."""
    options = _locale_root(name).find(f"{_CSL_NS}style-options")
    return options is not None and options.get("punctuation-in-quote") == "true"


# a period or comma right after a closing quotation mark: ``“Title”.``
_AFTER_QUOTE = _rx.compile("(\u201d)([.,])")


@memo(4)
def _locale_terms(name: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    """``(term, form, gender-form) -> (single, gender)`` of a vendored locale file."""
    terms: dict[tuple[str, str, str], tuple[str, str]] = {}
    for term in _locale_root(name).iter(f"{_CSL_NS}term"):
        single = term.find(f"{_CSL_NS}single")
        text = (single.text if single is not None else term.text) or ""
        key = (term.get("name", ""), term.get("form", "long"), term.get("gender-form", ""))
        terms.setdefault(key, (text.strip(), term.get("gender", "")))
    return terms


def _edition_words(edition: str, locale: str) -> str:
    """A numeric edition in the words of ``locale``: ``2`` -> ``الطبعة الثانية``.

    The locale's ``edition`` term followed by the long ordinal of the term's gender
    (``الطبعة`` is feminine); past the tenth, or when the locale lacks the words, the
    term and the number (``الطبعة 12``). Arabic puts the term first, which CSL's
    ``<number form="ordinal"/> <label/>`` pattern cannot do (``12 ط``).
    """
    terms = _locale_terms(locale)
    word, gender = terms.get(("edition", "long", ""), ("", ""))
    if not word or not edition.isdigit():
        return edition
    number = int(edition)
    ordinal = ""
    if 1 <= number <= 10:
        ordinal = terms.get((f"long-ordinal-{number:02}", "long", gender), ("", ""))[0]
    return f"{word} {ordinal or number}"


def _citeproc_item(rec: ExportRecord, fmt: str) -> dict[str, Any]:
    item = {k: v for k, v in record_to_csl(rec).items() if k in _RENDERED}
    if rec.script == "arabic" and isinstance(item.get("edition"), str):
        item["edition"] = _edition_words(item["edition"], LOCALES["arabic"])
    for name in _TEXT_VARIABLES & item.keys():
        item[name] = _escape(str(item[name]), fmt)
    names: list[dict[str, str]] = []
    for person in item.pop("author", []):
        # a literal (corporate body, or an Arabic name printed whole) is never initialised
        if "literal" in person:
            names.append({"literal": _escape(person["literal"], fmt)})
        else:
            names.append({k: _escape(v, fmt) for k, v in person.items() if v})
    if names:
        item["author"] = names
    issued = _shown_date(rec)
    if issued is not None:
        item["issued"] = {
            k: _escape(v, fmt) if isinstance(v, str) else v for k, v in issued.items()
        }
    else:
        item.pop("issued", None)
    return item


def _load_locale(name: str) -> Any:
    from citeproc.frontend import CitationStylesXML

    path = resources.files("citenorm.export").joinpath("locales", f"locales-{name}.xml")
    return CitationStylesXML(str(path), validate=False).root


def _style(style: str, script: str) -> Any:
    """The style with citenorm's locale files for ``script`` (the style's own
    ``cs:locale`` overrides are kept; citeproc-py's locale files are not used)."""
    from citeproc import CitationStylesStyle

    locale = LOCALES[script]
    csl_style = CitationStylesStyle(_style_source(style), locale=locale, validate=False)
    root = csl_style.root
    in_style = [loc for loc in root.locales if loc.getparent() is not None]
    files = [_load_locale(locale)] + ([_load_locale("en-US")] if locale != "en-US" else [])
    root.locales = in_style + files
    for loc in root.locales:
        loc.style = root
    return csl_style


def _render_group(recs: list[ExportRecord], style: str, script: str, fmt: str) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    if not recs:
        return []
    items = [_citeproc_item(r, fmt) for r in recs]
    csl_style = _style(style, script)
    source = CiteProcJSON(items)
    bib = CitationStylesBibliography(
        csl_style, source, formatter.html if fmt == "html" else formatter.plain
    )
    # registered in our order and never ``bib.sort()``-ed: citeproc-py keeps it
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    entries = [str(entry) for entry in bib.bibliography()]
    if _punctuation_in_quote(LOCALES[script]):
        # CSL: the locale puts a following period or comma inside the quotation marks
        # (American usage, ``“Title.”``); citeproc-py leaves it outside
        entries = [_AFTER_QUOTE.sub(r"\2\1", entry) for entry in entries]
    return entries


def _style_source(style: str) -> str:
    if style in _SHIPPED:
        path = resources.files("citenorm.export").joinpath("styles", _SHIPPED[style])
        return str(path)
    if style == "harvard-cite-them-right":
        return style
    path = Path(style)
    if style.lower().endswith(".csl") or len(path.parts) > 1:  # a file, not a name
        if not path.exists():
            raise InputError("CSL style file not found", path=style)
        if not path.is_file():
            raise InputError("not a file: expected a CSL style (.csl)", path=style)
        _check_style_file(path)
        return style
    raise UsageError(f"unknown style {style!r}: use one of {', '.join(STYLES)} or a .csl file")


_CSL = "{http://purl.org/net/xbiblio/csl}"


def _check_style_file(path: Path) -> None:
    """Raise :class:`InputError` (one line, naming the file) for a ``.csl`` file that
    is not a CSL style with a bibliography, before any work."""
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as exc:
        raise InputError(f"not a CSL style: XML syntax error: {exc}", path=str(path)) from None
    except (OSError, UnicodeError) as exc:
        raise InputError(f"cannot read the CSL style: {exc}", path=str(path)) from None
    if root.tag != f"{_CSL}style":
        raise InputError(
            f"not a CSL style: the root element is <{root.tag}>, expected <style "
            f'xmlns="{_CSL[1:-1]}">',
            path=str(path),
        )
    if root.find(f"{_CSL}bibliography") is None:
        raise InputError(
            "the CSL style has no <bibliography> element: citenorm renders bibliographies",
            path=str(path),
        )


def render(
    result: MatchResult,
    *,
    style: str = "harvard-cite-them-right",
    to: Literal["text", "html"] = "text",
    script: ExportScript = "latin",
    propose: bool = False,
    fmt: Literal["text", "html"] | None = None,
) -> str:
    """The sources of ``result`` as a bibliography in ``style``, one entry per line.

    Latin-script entries come first, then Arabic-script entries, each group sorted by
    :func:`sort_key` and rendered with its own locale (``en-US``, ``ar``). ``to="html"``
    (as ``citenorm export --to html``) gives a ``<div class="csl-bib-body">`` of ``csl-entry`` divs with every text value
    escaped; Arabic entries carry ``dir="rtl" lang="ar"`` and are aligned right. Raises
    :class:`~citenorm.errors.InputError` naming the file when a ``.csl`` file cannot be
    used (not XML, not a CSL style).

    ``fmt`` is the former name of ``to``, deprecated (a ``DeprecationWarning``).

    ``propose`` (with ``script="latin"``): an Arabic entry without a romanized
    counterpart is rendered from citenorm's proposed romanization, followed by
    ``[Romanization proposed by citenorm, to review]`` (in HTML also
    ``data-citenorm="proposed"`` on its ``div``), so that it is not published unread.
    """
    if fmt is not None:  # the 1.0 name of ``to``
        warnings.warn(
            "render(fmt=...) is deprecated; use to=... (the name of the --to option)",
            DeprecationWarning,
            stacklevel=2,
        )
        to = fmt
    if to not in ("text", "html"):
        raise ValueError(f"render(to={to!r}): expected 'text' or 'html'")
    fmt = to
    _citeproc.apply()
    source = _style_source(style)  # an unknown style fails before any work
    del source
    recs = sorted(records(result, script=script, propose=propose), key=sort_key)
    latin = [r for r in recs if r.script != "arabic"]
    arabic = [r for r in recs if r.script == "arabic"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            rendered = _render_group(latin, style, "latin", fmt)
            rendered += _render_group(arabic, style, "arabic", fmt)
        except Exception as exc:
            if style in _SHIPPED or style == "harvard-cite-them-right":
                raise
            # a user's .csl file: whatever fails in it is that file's problem, said so
            raise InputError(
                f"cannot use this CSL style: {type(exc).__name__}: {exc}", path=style
            ) from None
    shown = latin + arabic
    if fmt == "html":
        body = "\n".join(
            f"  <div {_html_attributes(rec)}>{entry}{_mark(rec, fmt)}</div>"
            for rec, entry in zip(shown, rendered, strict=True)
        )
        return f'<div class="csl-bib-body">\n{body}\n</div>\n'
    return "".join(f"{e}{_mark(rec, fmt)}\n" for rec, e in zip(shown, rendered, strict=True))


def _mark(rec: ExportRecord, fmt: str) -> str:
    """The review mark after an entry rendered from a proposed romanization."""
    if not rec.proposed or rec.script != "latin":
        return ""
    if fmt == "html":
        return f' <span class="citenorm-proposal">[{PROPOSAL_NOTE}]</span>'
    return f" [{PROPOSAL_NOTE}]"


def _html_attributes(rec: ExportRecord) -> str:
    if rec.script == "arabic":
        return 'class="csl-entry" dir="rtl" lang="ar" style="text-align: right"'
    lang = f' lang="{rec.language}"' if rec.language else ""
    proposed = ' data-citenorm="proposed"' if rec.proposed else ""
    return f'class="csl-entry" dir="ltr"{lang}{proposed} style="text-align: left"'
