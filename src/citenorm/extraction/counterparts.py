"""Fields a record takes from its counterpart in the other script: the same web page cited
in Arabic and listed again in English.

A romanized list translates the Arabic sources, so a web page's English entry has the
shape of its Arabic citation: ``موقع أخبار البحر، عودة البحارة بعد العاصفة، <URL>`` and
``The site of the sea news, the sailors come back after the storm, <URL>``. The parser
reads the Arabic site's name by its word (``موقع``); the English entry, where a
translation may not say "website" and the site's name may be as long as the page's
title, reads as one title. The same address names the same page in both: when the
Arabic record has the site's name before the page's title and the English title has
the same number of comma parts, the English parts are cut where the Arabic ones are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from citenorm.extraction.entries import entry_script
from citenorm.extraction.reference import repairs as R
from citenorm.extraction.reference.spans import tidy
from citenorm.models import Entry, Fields, Footnote
from citenorm.text.normalize import clean, url_key

__all__ = ["sites_from_counterparts"]


def _shape(record: Entry | Footnote) -> tuple[int, int] | None:
    """(comma parts of the site's name, of the page's title) of an Arabic web record that
    prints its site's name first; ``None`` for any other web record."""
    site, title = record.fields.container_title, record.fields.title
    if not site or not title:
        return None
    # (the values are built on the cleaned text: tatweel, presentation forms, marks)
    for text in (record.text, clean(record.text)):
        at_site, at_title = text.find(site), text.find(title)
        if at_site >= 0 and at_title >= 0:
            break
    if at_site < 0 or at_title < 0 or at_site > at_title:
        return None
    return len(R.comma_pieces(site)), len(R.comma_pieces(title))


def _arabic_shapes(records: Iterable[Entry | Footnote]) -> dict[str, tuple[int, int] | None]:
    """The shape of each address's Arabic web records; ``None`` where they disagree."""
    shapes: dict[str, tuple[int, int] | None] = {}
    for r in records:
        url = r.fields.URL
        if not url or r.fields.type != "webpage":
            continue
        shape = _shape(r)
        key = url_key(url)
        if key in shapes and shapes[key] != shape:
            shapes[key] = None
        else:
            shapes[key] = shape
    return shapes


def _split(entry: Entry, shape: tuple[int, int]) -> Fields | None:
    """A Latin web entry's fields with its site's name cut off the title, or ``None``."""
    f = entry.fields
    title = f.title
    if not title or f.author:
        return None
    pieces = R.comma_pieces(title)
    n_site, n_title = shape
    if len(pieces) != n_site + n_title or len(pieces) < 2:
        return None
    # the title is the entry's first part: nothing (an author, a publisher) before it
    head = title[: pieces[0][1]].strip()
    if not any(text.lstrip().startswith(head) for text in (entry.text, clean(entry.text))):
        return None
    site = tidy(title[: pieces[n_site - 1][1]])
    page = tidy(title[pieces[n_site][0] :])
    if not site or not page:
        return None
    return f.model_copy(update={"title": page, "container_title": site})


def sites_from_counterparts(
    entries: Sequence[Entry], footnotes: Sequence[Footnote]
) -> dict[int, Entry]:
    """The Latin-script web entries of ``entries`` whose Arabic counterpart (an entry or
    a footnote citing the same address) names the site before the page, by index, given
    the site's name as their ``container-title`` (see the module's text)."""
    latin = [
        i
        for i, e in enumerate(entries)
        if e.script == "latin"
        and e.fields.URL
        and e.fields.type == "webpage"
        and not e.fields.container_title
    ]
    out: dict[int, Entry] = {}
    if not latin:
        return out
    arabic: list[Entry | Footnote] = [e for e in entries if e.script == "arabic"]
    arabic.extend(n for n in footnotes if n.kind != "note" and entry_script(n.text) == "arabic")
    shapes = _arabic_shapes(arabic)
    if not shapes:
        return out
    for i in latin:
        e = entries[i]
        url = e.fields.URL
        shape = shapes.get(url_key(url)) if url else None
        if shape is None:
            continue
        fields = _split(e, shape)
        if fields is not None:
            out[i] = e.model_copy(update={"fields": fields})
    return out
