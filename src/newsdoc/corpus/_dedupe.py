"""Duplicate articles in a corpus: the same text, or nearly the same.

Exact duplicates share a `content_hash` (headline and paragraphs, byte for
byte).  `ExactDuplicates` keeps one `Source` per article, grouped by hash.

Near duplicates are found with MinHash and locality-sensitive hashing
(datasketch, extra ``dedupe``).  An article's text (headline and paragraphs,
case-folded, split into words of letters, digits and underscores) is read
as the set of its *shingles*, the runs of ``shingle`` consecutive words;
two articles are near duplicates when the Jaccard similarity of their shingle
sets (shared shingles over all shingles of the two) is at least ``threshold``.
A wire story republished with a sentence or two changed keeps most of its
shingles; two different stories share almost none.

Each article gets a MinHash signature of ``num_perm`` values (each shingle
hashed with CRC-32), seeded so that runs agree.  The LSH index cuts
signatures into bands and offers as candidates the earlier articles that
share a band whole; the bands are chosen so that a pair at the threshold is
a candidate with probability at least `CANDIDATE_RECALL` (0.985 at the
defaults, and 0.999 for a pair 0.05 above).
Each candidate is then kept only when the signatures agree in at least
``threshold`` of their values: the estimate of the Jaccard similarity, whose
standard error is ``sqrt(J(1-J)/num_perm)`` (0.035 at J = 0.8 with 128
values).  So a pair right at the threshold is kept about half the time, and a
pair 0.1 above it all but always.  Clusters are the connected components of
the kept pairs, so a chain of edits links its first and last versions.

Memory: `NearDuplicates` holds, per article with words, its `Source`, its
signature (``num_perm`` 32-bit values with datasketch 2, 64-bit before) and
its place in the index (a bucket entry in each of 18 bands at the defaults):
about 6 KB per article at the defaults (measured over 2,000 BBC articles), so
6 GB for a million.  Nothing else of an article is kept.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newsdoc._model import Article
from newsdoc.corpus._records import Record, Source, content_hash

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "ExactDuplicates",
    "NearDuplicates",
    "exact_duplicates",
    "near_duplicates",
    "shingles",
]

#: The least probability that the index offers a pair whose similarity is the
#: threshold as a candidate (a pair above it is offered more surely still).
CANDIDATE_RECALL = 0.95

#: The MinHash seed: the same text gets the same signature in every run.
SEED = 1

#: A word: letters, digits and underscores (punctuation and spacing are not words).
_WORD = re.compile(r"\w+")


# -- exact ------------------------------------------------------------------


class ExactDuplicates:
    """Articles with the same headline and paragraphs; `add` records one at a
    time, `clusters` at the end.  Holds one `Source` per article."""

    def __init__(self) -> None:
        self._groups: dict[str, list[Source]] = {}

    def add(self, record: Record) -> None:
        """Note one record (a record without an article is left out)."""
        if record.article is None:
            return
        hashed = record.content_hash or content_hash(record.article)
        self._groups.setdefault(hashed, []).append(record.source)

    def clusters(self) -> list[list[Source]]:
        """The groups of two or more sources with the same text, in the order their
        first members came, each in the order its members came."""
        return [sources for sources in self._groups.values() if len(sources) > 1]


def exact_duplicates(records: Iterable[Record]) -> list[list[Source]]:
    """The sources of the articles whose headline and paragraphs are the same
    (the same `content_hash`), in clusters of two or more, in first-seen order."""
    finder = ExactDuplicates()
    for record in records:
        finder.add(record)
    return finder.clusters()


# -- near -------------------------------------------------------------------


def shingles(article: Article, size: int = 5) -> set[bytes]:
    """The runs of ``size`` consecutive words of the headline and paragraphs,
    case-folded, each as UTF-8 bytes of the words joined by spaces; a text of
    fewer words gives one shingle of them all, a text of none gives none."""
    text = "\n".join([article.headline, *article.paragraphs]).casefold()
    words = [word.encode("utf-8", "surrogatepass") for word in _WORD.findall(text)]
    if len(words) <= size:
        return {b" ".join(words)} if words else set()
    join = b" ".join
    return {join(words[i : i + size]) for i in range(len(words) - size + 1)}


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` for the LSH index: the most rows per band (the fewest
    chance candidates) with which a pair at ``threshold`` still shares a band
    with probability `CANDIDATE_RECALL` or more."""
    for rows in range(num_perm // 2, 1, -1):
        bands = num_perm // rows
        if 1 - (1 - threshold**rows) ** bands >= CANDIDATE_RECALL:
            return bands, rows
    return num_perm, 1


def _datasketch() -> Any:
    """The datasketch module, or an ImportError that says how to install it."""
    try:
        import datasketch  # type: ignore[import-untyped]
    except ImportError as error:
        raise ImportError(
            'near-duplicate detection needs datasketch: pip install "newsdoc[dedupe]"'
        ) from error
    return datasketch


class NearDuplicates:
    """Articles whose texts are nearly the same (see the module); `add` records
    one at a time, `clusters` at the end.  Articles without a word are left out.

    Raises ValueError for a ``threshold`` outside (0, 1], fewer than 2
    ``num_perm`` or a ``shingle`` below 1, and ImportError without datasketch.
    """

    def __init__(self, *, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5) -> None:
        _check(threshold, num_perm, shingle)
        datasketch = _datasketch()
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        # CRC-32 hashes a shingle in C, several times faster than datasketch's
        # default SHA-1 in Python; MinHash's own permutations do the mixing.
        self._empty = datasketch.MinHash(num_perm=num_perm, seed=SEED, hashfunc=zlib.crc32)
        bands, rows = lsh_bands(threshold, num_perm)
        self._index = datasketch.MinHashLSH(
            threshold=threshold, num_perm=num_perm, params=(bands, rows)
        )
        self._sources: list[Source] = []
        self._signatures: list[NDArray[Any]] = []
        # Union-find over article numbers: each root is its set's first article.
        self._parent: list[int] = []

    def add(self, record: Record) -> None:
        """Note one record (a record without an article, or an article without a
        word, is left out)."""
        if record.article is None:
            return
        words = shingles(record.article, self.shingle)
        if not words:
            return
        minhash = self._empty.copy()
        minhash.update_batch(words)
        number = len(self._sources)
        self._sources.append(record.source)
        self._signatures.append(minhash.hashvalues)
        self._parent.append(number)
        for other in self._index.query(minhash):
            if self.similarity(number, other) >= self.threshold:
                self._union(number, other)
        self._index.insert(number, minhash, check_duplication=False)

    def similarity(self, first: int, second: int) -> float:
        """The estimated Jaccard similarity of two articles, by their numbers
        (the order they were added in, from 0)."""
        same = self._signatures[first] == self._signatures[second]
        return int(same.sum()) / self.num_perm

    def _find(self, number: int) -> int:
        """The first article of the cluster of article ``number``."""
        parent = self._parent
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number

    def _union(self, first: int, second: int) -> None:
        """Join the clusters of two articles."""
        one, two = self._find(first), self._find(second)
        if one != two:
            self._parent[max(one, two)] = min(one, two)

    def clusters(self) -> list[list[Source]]:
        """The groups of two or more near-duplicate sources, in the order their
        first members came, each in the order its members came."""
        groups: dict[int, list[Source]] = {}
        for number, source in enumerate(self._sources):
            groups.setdefault(self._find(number), []).append(source)
        return [sources for sources in groups.values() if len(sources) > 1]


def _check(threshold: float, num_perm: int, shingle: int) -> None:
    """Raise ValueError for parameters `NearDuplicates` cannot use."""
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold: expected a number in (0, 1], got {threshold!r}")
    if num_perm < 2:
        raise ValueError(f"num_perm: expected 2 or more, got {num_perm!r}")
    if shingle < 1:
        raise ValueError(f"shingle: expected 1 or more, got {shingle!r}")


def near_duplicates(
    records: Iterable[Record], *, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5
) -> list[list[Source]]:
    """The sources of the articles whose texts are nearly the same: clusters of
    two or more (connected components of the pairs whose estimated Jaccard
    similarity of ``shingle``-word shingles is at least ``threshold``), in
    first-seen order.  See `NearDuplicates` for the errors and the memory."""
    finder = NearDuplicates(threshold=threshold, num_perm=num_perm, shingle=shingle)
    for record in records:
        finder.add(record)
    return finder.clusters()
