"""The batch on a dask cluster: :func:`dask_bag` (the ``citenorm[dask]`` extra)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from citenorm.batch._article import line_of
from citenorm.errors import UsageError

if TYPE_CHECKING:
    import dask.bag  # type: ignore[import-not-found, unused-ignore]  # the citenorm[dask] extra

__all__ = ["dask_bag"]


def dask_bag(
    paths: Sequence[str],
    *,
    audit: bool = False,
    bibtex: bool = False,
    npartitions: int | None = None,
) -> dask.bag.Bag:
    """A :class:`dask.bag.Bag` of batch lines (JSON strings, no newline), one per path.

    The same per-article function as :func:`run_batch`, so ``"\\n".join(bag.compute())``
    equals a fresh ``run_batch`` output less its final newline. Needs the
    ``citenorm[dask]`` extra; the workers need citenorm installed and the paths readable.
    """
    try:
        import dask.bag as db  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:
        raise UsageError("dask is not installed: pip install 'citenorm[dask]'") from exc
    items = list(paths)
    parts = npartitions or max(1, min(len(items), 100))
    bag: dask.bag.Bag = db.from_sequence(  # type: ignore[no-untyped-call, unused-ignore]
        items, npartitions=parts
    ).map(line_of, audit=audit, bibtex=bibtex)
    return bag
