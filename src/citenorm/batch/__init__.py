"""A corpus of articles -> one ``match`` JSON line per article (the library behind
``citenorm batch``; it prints nothing).

The pipeline per article is :func:`process_article`, a pure function of one path (it
reads the file, extracts, matches, optionally audits and exports BibTeX, and never
raises: a failure becomes a failure record; ``_article.py``). Everything else only
schedules it:

- :func:`run_batch` (``_run.py``) walks the inputs (:func:`discover`), skips articles
  already done in an earlier run, maps :func:`process_article` over the rest in-process
  (``jobs=1``) or over a :class:`concurrent.futures.ProcessPoolExecutor`
  (``executor.map`` keeps input order) and reports each article to a ``progress``
  callback;
- :class:`Output` (``_output.py``) owns the output file: the index of earlier runs'
  lines, the partial file the lines stream into, and replacing ``out`` with it;
- :func:`dask_bag` (``_dask.py``) maps the same function over a :mod:`dask.bag` (the
  ``citenorm[dask]`` extra), so a dask cluster runs it unchanged.

The command (options, progress bar, summary, exit code) is :mod:`citenorm.cli.batch`.

Output (one JSON object per line, UTF-8, in input order, no timings, so a serial and a
parallel run write the same bytes)::

    {"schema": 1, "citenorm_version": ..., "source": "corpus/a.txt", "sha256": "…",
     "footnotes": [...], ..., "unpaired": {...},          # the `match` JSON
     "findings": [...],                                   # with --audit
     "bibtex": "@book{...}\\n"}                           # with --bibtex
    {"schema": 1, "citenorm_version": ..., "source": "corpus/b.txt", "sha256": "…",
     "error": "one-line message"}                          # a failed article

Resume: a line is reused when its ``source`` (the path as walked), ``sha256`` (of the
file's bytes), ``citenorm_version`` and options (``findings`` present iff ``--audit``,
``bibtex`` iff ``--bibtex``) match and it is not a failure line. Lines are read from
``out`` and from the partial files ``out.partial-*`` that an interrupted run leaves.
"""

from __future__ import annotations

from citenorm.batch._article import SCHEMA_VERSION, process_article
from citenorm.batch._dask import dask_bag
from citenorm.batch._output import Output
from citenorm.batch._run import (
    DEFAULT_TIMEOUT,
    SUFFIXES,
    BatchSummary,
    Progress,
    discover,
    run_batch,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "SCHEMA_VERSION",
    "SUFFIXES",
    "BatchSummary",
    "Output",
    "Progress",
    "dask_bag",
    "discover",
    "process_article",
    "run_batch",
]
