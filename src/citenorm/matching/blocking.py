"""Candidate blocking: which pairs of records are worth scoring in full.

Long lists are compared in a vectorised first pass (:func:`rapidfuzz.process.cdist` over
short keys), one chunk of rows at a time, keeping only a running top-k per row (and, for
:func:`candidate_pairs`, per column). Memory is bounded by :data:`CHUNK_CELLS` cells of
the similarity matrix whatever the lengths of the lists; time is the cdist pass (linear
in each list's length for the other) plus a partition per chunk.

Ties are broken towards the earlier record, so the candidates do not depend on the chunk
size or on numpy's partition algorithm.

numpy is imported when a long list needs it, never at import time.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

from rapidfuzz import fuzz, process

from citenorm.matching.features import Features

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "BLOCKING_THRESHOLD",
    "CHUNK_CELLS",
    "DENSE_WIDTH",
    "MAX_CANDIDATES",
    "PLAIN_CELLS",
    "candidate_codes",
    "candidate_pairs",
    "candidate_rows",
    "nearest",
    "nearest_rows",
]

#: lists with more pairs than this are blocked before full scoring
BLOCKING_THRESHOLD = 40_000
#: partners kept per entry by blocking (each side)
MAX_CANDIDATES = 12
#: the most similarity cells held at once (one chunk of rows)
CHUNK_CELLS = 1 << 18
#: ... and at most this many per record of the two lists (memory in proportion)
CHUNK_PER_RECORD = 16
#: every pair is compared while there are at most this many per record (on average over
#: both sides); beyond, only records sharing a word (:func:`_sparse`): linear time
DENSE_WIDTH = 2048
#: words held by more records than this are not used to find candidates (when rarer ones are)
COMMON_WORD = 512
#: the rarest words of a query used to find its candidates
RARE_WORDS = 8
#: of the choices sharing those words, how many (the most words shared) are compared
SHORTLIST = 256
#: up to this many pairs, :func:`nearest` scores them one by one without numpy
PLAIN_CELLS = 4096
#: what a shared year adds to a 0-100 key similarity in :func:`candidate_pairs`
YEAR_BONUS = 25

#: a similarity function of two strings, as rapidfuzz's scorers (``processor=None``)
KeyScorer = Callable[..., float]


def _rank(scores: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], int]:
    """Scores as non-negative integer ranks in the same order (floats by their bits),
    and how many bits the ranks of that dtype may take."""
    import numpy as np

    if scores.dtype.kind == "f":
        # the bit patterns of non-negative IEEE floats sort as the floats do
        bits = np.maximum(scores, 0).astype(np.float32).view(np.int32)
        return bits, 31
    width = 8 * scores.dtype.itemsize - (1 if scores.dtype.kind == "i" else 0)
    return np.maximum(scores, 0), width


def _top(keys: npt.NDArray[Any], k: int) -> npt.NDArray[Any]:
    """The ``k`` largest keys of each row (in no particular order)."""
    import numpy as np

    width = keys.shape[1]
    if width <= k:
        return keys
    top: npt.NDArray[Any] = np.partition(keys, width - k, axis=1)[:, width - k :]
    return top


def _scan(
    queries: Sequence[str],
    choices: Sequence[str],
    *,
    scorer: KeyScorer,
    dtype: Any,
    k_rows: int,
    k_cols: int = 0,
    adjust: Callable[[int, int, npt.NDArray[Any]], npt.NDArray[Any]] | None = None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The ``k_rows`` best choices of each query (an ``n x min(k_rows, m)`` array of
    indices, in no order within a row) and the ``k_cols`` best queries of each choice
    (``m x min(k_cols, n)``): best by similarity, ties to the lower index. One chunk of
    rows of the similarity matrix is held at a time. ``adjust(start, stop, sim)`` may
    return an adjusted copy of the rows ``start:stop``."""
    import numpy as np

    n, m = len(queries), len(choices)
    bits = max(n, m, 1).bit_length()
    mask = (1 << bits) - 1
    # a chunk of at most CHUNK_CELLS, and of no more than CHUNK_PER_RECORD cells per
    # record: short lists hold a few rows at a time, in proportion to their size
    step = max(1, min(CHUNK_CELLS, CHUNK_PER_RECORD * (n + m)) // max(m, 1))
    rows_out = np.empty((n, min(k_rows, m)), dtype=np.int64)
    running: npt.NDArray[Any] | None = None
    for start in range(0, n, step):
        stop = min(n, start + step)
        sim = process.cdist(
            queries[start:stop], choices, scorer=scorer, processor=None, dtype=dtype, workers=1
        )
        if adjust is not None:
            sim = adjust(start, stop, sim)
        ranks, rank_bits = _rank(sim)
        # key = rank, then the reversed index: the largest keys are the best, ties
        # going to the lower index; int32 keys (faster to partition) when they fit
        kind = np.int32 if rank_bits + bits <= 31 else np.int64
        rank: npt.NDArray[Any] = np.left_shift(ranks.astype(kind), bits, dtype=kind)
        del sim, ranks
        if k_rows:
            cols_rev = (mask - np.arange(m)).astype(kind)
            rows_out[start:stop] = mask - (_top(rank | cols_rev[None, :], k_rows) & mask)
        if k_cols:
            rows_rev = (mask - np.arange(start, stop)).astype(kind)
            chunk = _top(rank.T | rows_rev[None, :], k_cols)
            if running is None:
                running = np.empty((m, 0), dtype=kind)
            running = _top(np.concatenate((running, chunk), axis=1), k_cols)
        del rank
    if running is None:
        return rows_out, np.empty((m, 0), dtype=np.int64)
    cols_out: npt.NDArray[np.int64] = (mask - (running & mask)).astype(np.int64)
    return rows_out, cols_out


def _dense(n: int, m: int) -> bool:
    """Whether to compare all ``n x m`` pairs: at most :data:`DENSE_WIDTH` per record."""
    return n * m <= DENSE_WIDTH * (n + m)


def _tokens(key: str) -> set[str]:
    """The words of a blocking key (two letters or more) and the first three letters of
    its longer words (a word with another ending still meets its partner)."""
    words = [w for w in key.split() if len(w) >= 2]
    return {*words, *(w[:3] for w in words if len(w) >= 5)}


class _Rows:
    """Rows of indices of different lengths held as one flat array: row ``i`` is
    ``flat[ends[i - 1]:ends[i]]``."""

    __slots__ = ("ends", "flat")

    def __init__(self, flat: npt.NDArray[Any], ends: npt.NDArray[np.int64]) -> None:
        self.flat = flat
        self.ends = ends

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> npt.NDArray[Any]:
        if not 0 <= i < len(self.ends):
            raise IndexError(i)
        return self.flat[(self.ends[i - 1] if i else 0) : self.ends[i]]

    def __iter__(self) -> Iterator[npt.NDArray[Any]]:
        return (self[i] for i in range(len(self.ends)))

    def rows(self) -> npt.NDArray[np.int64]:
        """The row of every index of :attr:`flat`."""
        import numpy as np

        out = np.empty(len(self.flat), dtype=np.int64)
        self.rows_into(out)
        return out

    def rows_into(self, out: npt.NDArray[np.int64]) -> None:
        """:meth:`rows` written in ``out`` (as long as :attr:`flat`), no array of them
        made beside it (8 bytes an index more at the blocking's peak)."""
        import numpy as np

        out[:] = 0
        # a row begins where the one before ends: +1 there, summed up (empty rows: +1
        # each at the same place)
        starts = self.ends[:-1]
        np.add.at(out, starts[starts < len(out)], 1)
        np.cumsum(out, out=out)


def _put_nearest(
    flat: npt.NDArray[Any],
    end: int,
    query: str,
    cands: npt.NDArray[Any] | None,
    texts: npt.NDArray[Any],
    *,
    k: int,
    bits: int,
    scorer: KeyScorer,
    dtype: Any,
    year: tuple[npt.NDArray[np.int64], int] | None = None,
) -> int:
    """The ``k`` choices of ``cands`` (:func:`_shortlist`) nearest to ``query`` by
    ``scorer`` (a choice of the query's ``year`` group gains :data:`YEAR_BONUS`: ``year``
    is the choices' groups and the query's) written in ``flat`` from ``end``, ascending
    (ties: the earlier choice; ``bits`` holds any choice's index); all of them when they
    are at most ``k``. The new end."""
    import numpy as np

    if cands is None:
        return end
    if len(cands) <= k:
        flat[end : end + len(cands)] = cands
        return end + len(cands)
    sim = process.cdist(
        [query], texts[cands], scorer=scorer, processor=None, dtype=dtype, workers=1
    )
    if year is not None:
        groups, group = year
        sim = sim.astype(np.int16) + np.int16(YEAR_BONUS) * (groups[cands] == group)
    mask = (1 << bits) - 1
    ranks, _ = _rank(sim[0])
    # key = rank, then the reversed index (ties: the earlier choice)
    keys = (ranks.astype(np.int64) << bits) | (mask - cands)
    top = np.partition(keys, len(keys) - k)[len(keys) - k :]
    flat[end : end + k] = np.sort(mask - (top & mask))
    return end + k


def _shortlist(
    shared: Sequence[tuple[int, Any, int]], postings: npt.NDArray[Any], starts: Any
) -> npt.NDArray[Any] | None:
    """The choices a query shares words with (``shared``: (the word's count of choices,
    the word, its index) ascending), for the full comparison: those of its rarest words
    (a common word's only when nothing rarer is shared, and its first ``COMMON_WORD``);
    of more than ``SHORTLIST``, those sharing the most words. ``None``: no word shared."""
    import numpy as np

    parts: list[npt.NDArray[Any]] = []
    for used, (size, _t, w) in enumerate(shared):
        hits = postings[starts[w] : starts[w + 1]]
        if size > COMMON_WORD or used >= RARE_WORDS:
            if parts:
                break  # common words only when nothing rarer is shared
            hits = hits[:COMMON_WORD]
        parts.append(hits)
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    cands, shared_words = np.unique(np.concatenate(parts), return_counts=True)
    if len(cands) > SHORTLIST:
        # the choices sharing the most rare words go on to the full comparison
        order = np.argsort(-shared_words, kind="stable")[:SHORTLIST]
        cands = np.sort(cands[order])
    return cands


def _sparse(
    queries: Sequence[str],
    choices: Sequence[str],
    *,
    k: int,
    scorer: KeyScorer,
    dtype: Any,
    groups: tuple[Sequence[int], Sequence[int]] | None = None,
) -> _Rows:
    """The ``k`` best choices of each query (ascending indices) among those sharing a word with it (an
    inverted index): linear time for any number of choices. Words held by more than
    :data:`COMMON_WORD` choices are used only when the query has no rarer word, and then
    only their first :data:`COMMON_WORD` choices. The rows are one flat array
    (:class:`_Rows`: at most ``k`` indices a query, 4 bytes each, where an array per query
    held some 120 bytes more). The queries are read one at a time, in order."""
    import numpy as np

    # the inverted index of the words' hashes (:func:`_word_index`): a dict of the words
    # and two arrays of 8 bytes a posting held ~1.5x a 1 MB list beside the features
    hashes, starts, postings = _word_index(choices)
    n_words = len(hashes)
    last = max(n_words - 1, 0)
    texts = np.array(choices, dtype=object)
    bits = max(len(choices), 1).bit_length()
    group_c = np.asarray(groups[1], dtype=np.int64) if groups is not None else None
    flat = np.empty(len(queries) * k, dtype=np.int32 if len(choices) < 2**31 else np.int64)
    ends = np.zeros(len(queries), dtype=np.int64)
    end = 0
    for i, query in enumerate(queries):
        tokens = list(_tokens(query))
        shared: list[tuple[int, str, int]] = []
        if tokens and n_words:
            asked = np.fromiter(map(hash, tokens), dtype=np.int64, count=len(tokens))
            at = np.minimum(np.searchsorted(hashes, asked), last)
            known = (hashes[at] == asked).tolist()
            shared = sorted(
                (starts[w + 1] - starts[w], t, w)
                for t, w, ok in zip(tokens, at.tolist(), known, strict=True)
                if ok
            )
        cands = _shortlist(shared, postings, starts)
        year = None if group_c is None or groups is None else (group_c, groups[0][i])
        end = ends[i] = _put_nearest(
            flat, end, query, cands, texts, k=k, bits=bits, scorer=scorer, dtype=dtype, year=year
        )
    # (shortened where it is: a copy of the rows beside them held 4 bytes a pair more)
    flat.resize(end, refcheck=False)
    return _Rows(flat, ends)


def _word_index(
    choices: Sequence[str],
) -> tuple[npt.NDArray[np.int64], array[int], npt.NDArray[Any]]:
    """The words of the choices (:func:`_tokens`) as an inverted index of arrays: the
    words' hashes, ascending (word ``w`` is ``hashes[w]``), where each word's choices
    start in the flat postings (``starts[w]:starts[w + 1]``, one more than the words),
    and the postings (the choices of each word, ascending). The words themselves are not
    held: a dict of every word of a list of notes' entries held ~3x the input."""
    import numpy as np

    word_hashes = array("q")
    owners = array("i" if len(choices) < 2**31 else "q")
    for j, key in enumerate(choices):
        for t in _tokens(key):
            word_hashes.append(hash(t))
            owners.append(j)
    by_hash = np.frombuffer(word_hashes, dtype=np.int64)
    order = np.argsort(by_hash, kind="stable")  # (by word, then ascending choice)
    postings: npt.NDArray[Any] = np.frombuffer(
        owners, dtype=np.int32 if owners.itemsize == 4 else np.int64
    )[order]
    del owners, order
    # the hashes sorted where they are (the same values as taken in that order, where a
    # sorted copy beside the order held 8 bytes a posting more at the index's peak)
    ordered = by_hash
    ordered.sort()
    del by_hash
    # each word's first posting: where the sorted hashes change (numpy's unique would
    # sort them again: ~72 bytes a posting at the peak, ~28 so)
    new_word = np.empty(len(ordered), dtype=bool)
    new_word[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new_word[1:])
    first = np.flatnonzero(new_word)
    del new_word
    hashes: npt.NDArray[np.int64] = ordered[first]
    del ordered
    starts = array("q")
    starts.frombytes(first.astype(np.int64).tobytes())
    starts.append(len(postings))
    return hashes, starts, postings


def nearest(
    queries: Sequence[str],
    choices: Sequence[str],
    *,
    k: int,
    scorer: KeyScorer = fuzz.token_sort_ratio,
) -> list[list[int]]:
    """For each query, the indices (ascending) of the ``k`` most similar choices by
    ``scorer`` (ties: the earlier choice), or of every choice when there are at most
    ``k``. Up to :data:`DENSE_WIDTH` pairs per record, every pair is compared (one
    chunk of :data:`CHUNK_CELLS` similarities at a time); beyond, only the choices
    sharing a word with the query (:func:`_sparse`). The same rows as one flat array:
    :func:`nearest_rows`."""
    flat, ends = nearest_rows(queries, choices, k=k, scorer=scorer)
    return [flat[ends[i - 1] if i else 0 : ends[i]].tolist() for i in range(len(ends))]


def nearest_rows(
    queries: Sequence[str],
    choices: Sequence[str],
    *,
    k: int,
    scorer: KeyScorer = fuzz.token_sort_ratio,
) -> tuple[array[int], array[int]]:
    """:func:`nearest`'s rows as one flat array of choice indices and the end of each
    row in it (row ``i`` is ``flat[ends[i - 1]:ends[i]]``): 4 bytes an index, where a
    list of Python ints per query held ~270 bytes a query of six."""
    flat: array[int] = array("i" if len(choices) < 2**31 else "q")
    ends: array[int] = array("q")
    if len(choices) <= k:
        row = range(len(choices))
        for _ in queries:
            flat.extend(row)
            ends.append(len(flat))
        return flat, ends
    if not queries:
        return flat, ends
    if len(queries) * len(choices) <= PLAIN_CELLS:
        for r in _nearest_plain(queries, choices, k=k, scorer=scorer):
            flat.extend(r)
            ends.append(len(flat))
        return flat, ends
    import numpy as np

    kind = np.int32 if flat.itemsize == 4 else np.int64
    if not _dense(len(queries), len(choices)):
        # the inverted index of the words' hashes (:func:`_word_index`): no string of a
        # word held
        found = _sparse(queries, choices, k=k, scorer=scorer, dtype=np.float32)
        flat.frombytes(found.flat.astype(kind).tobytes())
        ends.frombytes(found.ends.astype(np.int64).tobytes())
        return flat, ends
    top, _ = _scan(queries, choices, scorer=scorer, dtype=np.float32, k_rows=k)
    top.sort(axis=1)
    flat.frombytes(top.astype(kind).tobytes())
    width = top.shape[1]
    del top
    ends.extend(range(width, width * len(queries) + 1, width))
    return flat, ends


def _nearest_plain(
    queries: Sequence[str], choices: Sequence[str], *, k: int, scorer: KeyScorer
) -> list[list[int]]:
    """:func:`nearest` pair by pair, for short lists (no numpy to import: a cold
    ``citenorm audit`` of one article pays ~120 ms for it). Scores are rounded to float32,
    as the vectorised pass holds them, so that ties fall the same way."""
    out: list[list[int]] = []
    order = range(len(choices))
    for q in queries:
        sims = array("f", [scorer(q, c, processor=None) for c in choices])
        out.append(sorted(sorted(order, key=lambda j: (-sims[j], j))[:k]))
    return out


def _key(f: Features) -> str:
    return f"{f.family_key} {f.title_key[:40]}"


class _Keys(Sequence[str]):
    """The blocking keys of records (:func:`_key`), each made when read: a pass of
    :func:`_sparse` reads its queries once, in order (the keys of both sides held at
    once took ~1x a 1 MB list)."""

    __slots__ = ("_records",)

    def __init__(self, records: Sequence[Features]) -> None:
        self._records = records

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [_key(f) for f in self._records[index]]
        return _key(self._records[index])

    def __iter__(self) -> Iterator[str]:
        return map(_key, self._records)


def candidate_pairs(
    left: Sequence[Features], right: Sequence[Features], *, k: int = MAX_CANDIDATES
) -> list[tuple[int, int]]:
    """Pairs worth scoring (sorted): all of them for short lists (at most
    :data:`BLOCKING_THRESHOLD` pairs); for long ones, each record's ``k`` nearest
    records of the other side by name and title keys (skeletons), a shared year adding
    :data:`YEAR_BONUS`: among all records up to :data:`DENSE_WIDTH` pairs per record,
    among those sharing a word beyond. At most ``k * (n + m)`` pairs."""
    m = len(right)
    codes = candidate_codes(left, right, k=k)
    return [divmod(c, m) for c in (codes if isinstance(codes, range) else codes.tolist())]


def _both_passes(
    left: Sequence[Features], right: Sequence[Features], *, k: int
) -> tuple[_Rows, _Rows]:
    """The sparse blocking's two passes: each left record's top ``k`` right ones (a
    year in common scoring higher), then each right record's top ``k`` left ones. Each
    pass's queries are made one at a time, its choices' keys held only while it runs."""
    import numpy as np

    years_l = array("q", [f.year or -1 for f in left])
    years_r = array("q", [f.year or -2 for f in right])
    keys_r = [_key(f) for f in right]
    by_left = _sparse(
        _Keys(left), keys_r, k=k, scorer=fuzz.ratio, dtype=np.uint8, groups=(years_l, years_r)
    )
    del keys_r
    keys_l = [_key(f) for f in left]
    by_right = _sparse(
        _Keys(right), keys_l, k=k, scorer=fuzz.ratio, dtype=np.uint8, groups=(years_r, years_l)
    )
    return by_left, by_right


def candidate_rows(
    left: Sequence[Features], right: Sequence[Features], *, k: int = MAX_CANDIDATES
) -> Iterator[tuple[int, list[int]]]:
    """:func:`candidate_pairs` row by row: each left index with candidates (ascending)
    and their right indices (ascending). For long lists compared only where they share
    words (beyond :data:`DENSE_WIDTH` pairs per record), each pass's rows are kept as
    they come (4 bytes a pair each, the second pass's turned into rows of left indices),
    never as the codes of :func:`candidate_codes` (8 bytes a pair, and 16 while they are
    made unique: ~1.2x a 1 MB list at the blocking's peak, held while the pairs are
    scored)."""
    n, m = len(left), len(right)
    if n * m <= BLOCKING_THRESHOLD or _dense(n, m):
        yield from _grouped(candidate_codes(left, right, k=k), m)
        return
    import numpy as np

    by_left, by_right = _both_passes(left, right, k=k)
    # the second pass's rows (left indices of each right one) as rows of right indices of
    # each left one, ascending (a counting sort: 4 bytes a pair, no array of 8 beside)
    starts = array("q", [0])
    starts.frombytes(np.cumsum(np.bincount(by_right.flat, minlength=n), dtype=np.int64).tobytes())
    at = array("q", starts)
    cols = array("i", bytes(4 * len(by_right.flat)))
    for j, row in enumerate(by_right):
        for i in row.tolist():
            cols[at[i]] = j
            at[i] += 1
    del at, by_right
    ends = array("q")
    ends.frombytes(by_left.ends.astype(np.int64).tobytes())
    flat = by_left.flat
    begin = 0
    for i in range(n):
        end = ends[i]
        mine, theirs = flat[begin:end].tolist(), cols[starts[i] : starts[i + 1]]
        begin = end
        if theirs:
            mine = sorted({*mine, *theirs})
        if mine:
            yield i, mine


def _grouped(codes: range | npt.NDArray[np.int64], m: int) -> Iterator[tuple[int, list[int]]]:
    """Sorted pair codes ``i * m + j`` as rows: each ``i`` with its ``j``s."""
    row: list[int] = []
    last = -1
    for start in range(0, len(codes), 1 << 12):
        # a batch of codes at a time: a list of every pair would cost more than the array
        batch = codes[start : start + (1 << 12)]
        for c in batch if isinstance(batch, range) else batch.tolist():
            i, j = divmod(c, m)
            if i != last:
                if row:
                    yield last, row
                row, last = [], i
            row.append(j)
    if row:
        yield last, row


def candidate_codes(
    left: Sequence[Features], right: Sequence[Features], *, k: int = MAX_CANDIDATES
) -> range | npt.NDArray[np.int64]:
    """:func:`candidate_pairs` as sorted codes ``i * len(right) + j``: a numpy array for
    long lists (8 bytes a pair, where a list of tuples takes some 70)."""
    n, m = len(left), len(right)
    if n * m <= BLOCKING_THRESHOLD:
        return range(n * m)
    import numpy as np

    if not _dense(n, m):
        # each pass's rows (4 bytes a pair) until both are done, then the codes of both
        # in one array, each computed in place (a pass's codes, their sum and the pair's
        # parts as separate arrays held ~4x a 1 MB list)
        by_left, by_right = _both_passes(left, right, k=k)
        split = len(by_left.flat)
        codes = np.empty(split + len(by_right.flat), dtype=np.int64)
        part = codes[:split]
        by_left.rows_into(part)
        part *= m
        part += by_left.flat
        del by_left
        part = codes[split:]
        part[:] = by_right.flat
        part *= m
        rows = np.empty(len(part), dtype=np.int64)
        by_right.rows_into(rows)
        part += rows
        del rows
        del by_right, part
        return _unique(codes)
    keys_l = [_key(f) for f in left]
    keys_r = [_key(f) for f in right]
    y_l = np.array([f.year or -1 for f in left], dtype=np.int64)
    y_r = np.array([f.year or -2 for f in right], dtype=np.int64)

    def with_years(start: int, stop: int, sim: npt.NDArray[Any]) -> npt.NDArray[Any]:
        same = y_l[start:stop, None] == y_r[None, :]
        bonus: npt.NDArray[np.int16] = sim.astype(np.int16) + np.int16(YEAR_BONUS) * same
        return bonus

    rows, cols = _scan(
        keys_l, keys_r, scorer=fuzz.ratio, dtype=np.uint8, k_rows=k, k_cols=k, adjust=with_years
    )
    by_row = np.arange(n, dtype=np.int64)[:, None] * m + rows
    by_col = cols * m + np.arange(m, dtype=np.int64)[:, None]
    del rows, cols
    codes = np.concatenate((by_row.ravel(), by_col.ravel()))
    del by_row, by_col
    return _unique(codes)


def _unique(codes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """``np.unique(codes)``, sorting ``codes`` in place (``np.unique`` sorts a copy)."""
    import numpy as np

    if len(codes) == 0:
        return codes
    codes.sort()
    keep = np.empty(len(codes), dtype=np.bool_)
    keep[0] = True
    np.not_equal(codes[1:], codes[:-1], out=keep[1:])
    out: npt.NDArray[np.int64] = codes[keep]
    return out
