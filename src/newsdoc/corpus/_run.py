"""Running a corpus: tasks in, batches of records out, in one process or many.

A `Batch` is what one chunk of tasks gives back: its records encoded for
where they go (a JSON Lines blob, an Arrow batch, the records themselves), and
what the caller reports (the errors, each diagnostic's located line, the count
of each code).  Workers encode, so the main process only writes: that is
what lets two workers run close to twice as fast as one.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, NamedTuple, TypeVar

from newsdoc._model import argument_error, is_int
from newsdoc.corpus._jsonl import encode_lines
from newsdoc.corpus._pool import chunked, ordered_map
from newsdoc.corpus._records import Record, Source, decode_record
from newsdoc.corpus._sources import Task, tasks_of
from newsdoc.corpus._work import Options, read_chunk
from newsdoc.extraction import Extractor, check_extractor

__all__ = ["Batch", "batches", "read_records"]

P = TypeVar("P")

#: Tasks a worker takes at once: large enough that sending them costs little
#: beside reading them (a few milliseconds each), small enough to spread well.
CHUNK_SIZE = 32


class Batch(NamedTuple, Generic[P]):
    """The records of one chunk of tasks, as the caller wants them."""

    payload: P
    size: int
    #: ``(code, located line)`` of each record without an article.
    failures: list[tuple[str, str]]
    #: Every diagnostic of the articles, located (``SOURCE:LINE:COL: CODE: MESSAGE``).
    diagnostics: list[str]
    #: How many times each code (diagnostic or error) came up.
    codes: Counter[str]


def make_batch(records: list[Record], encode: Callable[[list[Record]], P]) -> Batch[P]:
    """A batch of records, their payload made by ``encode``."""
    failures: list[tuple[str, str]] = []
    diagnostics: list[str] = []
    codes: Counter[str] = Counter()
    for record in records:
        if record.error is not None:
            failures.append((record.error.code, record.located()[0]))
            codes[record.error.code] += 1
        elif record.diagnostics:
            diagnostics += record.located()
            codes.update(d.code for d in record.diagnostics)
    return Batch(encode(records), len(records), failures, diagnostics, codes)


def batches(
    tasks: Iterable[Task],
    encode: Callable[[list[Record]], P],
    options: Options,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Batch[P]]:
    """The batches of the tasks, in input order; ``encode`` runs where the records
    are made (in the workers when ``workers > 1``: it must then be picklable)."""
    fn = functools.partial(
        read_chunk, options=options, encode=functools.partial(make_batch, encode=encode)
    )
    chunks = chunked(tasks, chunk_size)
    if workers <= 1:
        return map(fn, chunks)
    return ordered_map(fn, chunks, workers)


def _same(records: list[Record]) -> list[Record]:
    return records


def read_records(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    workers: int = 1,
    strict: bool = False,
    max_size: int | None = None,
    extract: bool | Extractor = True,
) -> Iterator[Record]:
    """Every record of the PATHs (files, directories, glob patterns, archives,
    JSON Lines, ``-``), in a fixed order; see `newsdoc.corpus`.

    With ``workers > 1`` the articles are read in that many processes (``0``:
    one per core; an ``extract`` extractor must then be picklable); the order
    stays the same.  Arguments of the wrong type or value raise `TypeError` or
    `ValueError` here, before anything is read.
    """
    names = _paths(paths)
    workers = _worker_count(workers)
    options = _options(strict, max_size, extract)
    return _records(tasks_of(names, max_size=max_size), options, workers)


def _paths(paths: object) -> list[str]:
    """The PATHs as strings: one path, or an iterable of paths."""
    if isinstance(paths, str | os.PathLike):
        return [os.fspath(paths)]
    expected = "a path (str or os.PathLike) or an iterable of paths"
    if isinstance(paths, bytes | bytearray) or not isinstance(paths, Iterable):
        raise argument_error("read_records", "paths", expected, paths) from None
    names: list[str] = []
    for path in paths:
        if not isinstance(path, str | os.PathLike):
            raise argument_error("read_records", "paths", expected, path) from None
        names.append(os.fspath(path))
    return names


def _worker_count(workers: object) -> int:
    if not is_int(workers):
        raise argument_error("read_records", "workers", "an int", workers) from None
    assert isinstance(workers, int)
    if workers < 0:
        raise ValueError(f"read_records(): workers must be 0 or more, not {workers}")
    return workers or os.cpu_count() or 1


def _options(strict: object, max_size: object, extract: object) -> Options:
    """The reading options, checked as `newsdoc.loads` checks its own."""
    if strict is not True and strict is not False:
        raise argument_error("read_records", "strict", "True or False", strict) from None
    if max_size is not None:
        if not is_int(max_size):
            raise argument_error("read_records", "max_size", "an int or None", max_size) from None
        assert isinstance(max_size, int)
        if max_size < 0:
            raise ValueError(f"read_records(): max_size must be 0 or more, not {max_size}")
    if extract is not True and extract is not False:
        expected = "True, False or an Extractor (a function of an Article)"
        check_extractor(extract, "read_records", "extract", expected)
    return Options(strict, max_size, extract)  # type: ignore[arg-type]


def _records(tasks: Iterator[Task], options: Options, workers: int) -> Iterator[Record]:
    if workers <= 1:
        for batch in batches(tasks, _same, options):
            yield from batch.payload
        return
    # Records come back from the workers as JSON Lines: a third of the cost of
    # pickling the same objects.
    for lines in batches(tasks, encode_lines, options, workers):
        for line in lines.payload.split(b"\n")[:-1]:
            yield decode_record(line, Source("<worker>"))
