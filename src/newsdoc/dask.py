"""Corpora on a Dask cluster: a bag of records, a DataFrame, a Parquet dataset.

`read_articles` makes a `dask.bag.Bag` of `newsdoc.corpus.Record`: the same
records, in the same order, as `newsdoc.corpus.read_records` gives for the
same inputs, read on the workers.  The inputs are listed where the graph is
built (with `fsspec`, so ``s3://``, ``gs://`` ... URLs work as local paths
do); each partition then opens its files on a worker.  A bad input becomes a
record with an error, never a failed task.

`to_dataframe` turns a bag of records into a Dask DataFrame with the columns of
`newsdoc.corpus.arrow.SCHEMA`, and `to_parquet` writes one Parquet file per
partition, a dataset that pyarrow, DuckDB and Spark read as one table.

Needs the extra ``dask``: ``pip install "newsdoc[dask]"``.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, NamedTuple

from newsdoc.corpus._records import Record, RecordError, Source
from newsdoc.corpus._sources import (
    INPUT_SUFFIXES,
    Kind,
    Task,
    _failed,
    _reason,
    _unreadable,
    tasks_of_stream,
)
from newsdoc.corpus._work import Options, read_chunk
from newsdoc.extraction import Extractor

try:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    from dask.base import compute
    from dask.delayed import Delayed, delayed
    from fsspec import AbstractFileSystem  # type: ignore[import-untyped, unused-ignore]
    from fsspec.core import url_to_fs  # type: ignore[import-untyped, unused-ignore]
    from fsspec.implementations.local import (  # type: ignore[import-untyped, unused-ignore]
        LocalFileSystem,
    )

    from newsdoc.corpus import arrow
except ImportError as error:  # pragma: no cover - the tests run with the extra
    message = f'newsdoc.dask needs Dask, fsspec and pyarrow: pip install "newsdoc[dask]" ({error})'
    raise ImportError(message) from error

__all__ = ["FILES_PER_PARTITION", "read_articles", "to_dataframe", "to_parquet"]

#: Files a partition reads by default: news articles take about a millisecond
#: each, so a task takes a tenth of a second or more, which keeps the
#: scheduler's overhead small; on the BBC corpus (2,225 files, two workers) 128
#: did best, 64 close behind.
FILES_PER_PARTITION: Final = 128

#: The messages of inputs that give nothing, as `newsdoc.corpus.read_records` says them.
_NOT_FOUND: Final = ("not-found", "no such file or directory")
_NO_INPUT: Final = ("no-input", "no files found")


class _File(NamedTuple):
    """One input file: its name in the records (the path as the caller spelt it,
    so that records say what `newsdoc.corpus.read_records` says) and where it is."""

    name: str
    fs: AbstractFileSystem
    path: str


#: What a partition reads: files, and inputs already known to give an error.
_Input = _File | Task


# -- The bag ----------------------------------------------------------------


def read_articles(
    urlpath: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    files_per_partition: int = FILES_PER_PARTITION,
    strict: bool = False,
    max_size: int | None = None,
    extract: bool | Extractor = True,
    storage_options: Mapping[str, Any] | None = None,
) -> db.Bag:
    """A bag of the records of ``urlpath``: a path or URL, a glob pattern, a
    directory (searched recursively for input names, `newsdoc.corpus.INPUT_SUFFIXES`),
    or a list of those; archives and JSON Lines as `newsdoc.corpus.read_records`
    reads them.

    The inputs are listed now; each partition reads ``files_per_partition`` of
    them on a worker (an archive or a JSON Lines file counts as one file).  The
    records come in the order of `newsdoc.corpus.read_records`: inputs in the
    order given, a directory's and a pattern's files sorted.  A path that does
    not exist gives one record with the error ``not-found``, and a directory or
    a pattern with no input one with ``no-input``, in its place.
    ``storage_options`` go to `fsspec` (credentials of ``s3://`` ...);
    ``strict``, ``max_size`` and ``extract`` to `newsdoc.loads` (an extractor
    must be picklable).
    """
    if isinstance(files_per_partition, bool) or not isinstance(files_per_partition, int):
        raise TypeError(f"files_per_partition: expected an int, got {files_per_partition!r}")
    if files_per_partition < 1:
        raise ValueError(f"files_per_partition: expected 1 or more, got {files_per_partition}")
    inputs = _inputs(urlpath, dict(storage_options or {}))
    options = Options(strict, max_size, extract)
    bag = db.from_sequence(inputs, partition_size=files_per_partition)  # type: ignore[no-untyped-call]
    records: db.Bag = bag.map_partitions(_read_partition, options)
    return records


def _inputs(
    urlpath: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    storage_options: dict[str, Any],
) -> list[_Input]:
    """Every input of ``urlpath``, in order."""
    if isinstance(urlpath, str | os.PathLike):
        urlpath = [urlpath]
    found: list[_Input] = []
    for path in urlpath:
        found += _expand(os.fspath(path), storage_options)
    return found


def _expand(given: str, storage_options: dict[str, Any]) -> list[_Input]:
    """The inputs of one path, directory or pattern, as `newsdoc.corpus.tasks_of`
    tells them; a listing that fails is an ``unreadable`` input."""
    if not given:
        return [_failed(Source(given), *_NOT_FOUND)]
    fs, path = url_to_fs(given, **storage_options)
    try:
        return _listed(fs, given, path)
    except OSError as error:
        return [_unreadable(Source(given), error)]


def _listed(fs: AbstractFileSystem, given: str, path: str) -> list[_Input]:
    """The inputs of ``path``: a directory, a file, a pattern, or nothing."""
    try:
        kind = fs.info(path)["type"]
    except FileNotFoundError:
        kind = None
    if kind == "directory":
        return _directory(fs, given, path) or [_failed(Source(given), *_NO_INPUT)]
    if kind is not None:
        return [_File(given, fs, path)]
    if glob.has_magic(given):
        return _matches(fs, given, path) or [_failed(Source(given), *_NO_INPUT)]
    return [_failed(Source(given), *_NOT_FOUND)]


def _directory(fs: AbstractFileSystem, given: str, root: str) -> list[_Input]:
    """The input files under ``root``, in the order of `os.walk` with sorted names:
    a directory's files, then each of its subdirectories."""
    found = [p for p in fs.find(root) if p.lower().endswith(INPUT_SUFFIXES)]
    found.sort(key=lambda p: _walk_key(p[len(root) :]))
    return [_File(_renamed(given.rstrip("/"), root, p), fs, p) for p in found]


def _walk_key(relative: str) -> tuple[tuple[int, str], ...]:
    """A sort key putting a directory's files (0) before its subdirectories (1)."""
    *folders, name = relative.strip("/").split("/")
    return (*((1, folder) for folder in folders), (0, name))


def _matches(fs: AbstractFileSystem, given: str, pattern: str) -> list[_Input]:
    """The files matching a glob pattern (``**``: any depth), sorted."""
    found = sorted(p for p, info in fs.glob(pattern, detail=True).items() if info["type"] == "file")
    given_base, base = _base(given), _base(pattern)
    if given_base is None or base is None:  # the pattern starts with a wildcard
        return [_File(_relative(fs, p), fs, p) for p in found]
    return [_File(_renamed(given_base, base, p), fs, p) for p in found]


def _base(pattern: str) -> str | None:
    """The folders of ``pattern`` before its first wildcard (``None``: no folder)."""
    parts = pattern.split("/")
    first = next((i for i, part in enumerate(parts) if glob.has_magic(part)), 0)
    return "/".join(parts[:first]) if first else None


def _relative(fs: AbstractFileSystem, path: str) -> str:
    """``path`` relative to the working directory, as `glob.glob` names the
    matches of a relative pattern (a URL pattern always has a base)."""
    return os.path.relpath(path) if isinstance(fs, LocalFileSystem) else path


def _renamed(given: str, root: str, path: str) -> str:
    """``path`` under ``root`` as the caller spelt ``root`` (``given``): a relative
    path stays relative, a URL keeps its protocol."""
    if not path.startswith(root):
        return path
    return given + path[len(root) :]


# -- On the workers ---------------------------------------------------------


def _read_partition(inputs: list[_Input], options: Options) -> list[Record]:
    """The records of a partition's inputs, in order."""
    records: list[Record] = []
    local: list[Task] = []
    for item in inputs:
        task = _local_article(item)
        if task is not None:
            local.append(task)
            continue
        if local:
            records += read_chunk(local, options, list)
            local = []
        records += _records_of(item, options)
    if local:
        records += read_chunk(local, options, list)
    return records


#: The input names that are opened to be read (archives, JSON Lines, gzip).
_OPENED: Final = (*(s for s in INPUT_SUFFIXES if not s.endswith((".txt", ".json"))), ".parquet")


def _local_article(item: _Input) -> Task | None:
    """A task for an article in a file of the local file system, which `read_task`
    reads itself with one `os.read`: some 7% faster than a file object of fsspec
    and a stream of tasks for each file.  ``None`` for any other input."""
    if not isinstance(item, _File) or not isinstance(item.fs, LocalFileSystem):
        return None
    if item.path.lower().endswith(_OPENED):
        return None
    return Task(Source(item.name), Kind.ARTICLE, location=item.path)


def _records_of(item: _Input, options: Options) -> Iterator[Record]:
    """The records of one input: never an exception, whatever the file holds."""
    if isinstance(item, Task):
        yield from read_chunk([item], options, list)
        return
    try:
        stream = item.fs.open(item.path, "rb")
    except Exception as error:  # any file system's failure: a missing file, a network error
        yield _unreadable_record(item.name, error)
        return
    with stream:
        tasks = tasks_of_stream(item.name, stream, options.max_size)
        try:
            # One task at a time: a stream that breaks off keeps every record before.
            for task in tasks:
                yield from read_chunk([task], options, list)
        except Exception as error:  # a remote file broken off, an archive oddity
            yield _unreadable_record(item.name, error)


def _unreadable_record(name: str, error: Exception) -> Record:
    return Record(Source(name), error=RecordError("unreadable", f"cannot read: {_reason(error)}"))


# -- DataFrames and Parquet -------------------------------------------------


def _frame(records: list[Record]) -> pd.DataFrame:
    """Records as a pandas DataFrame of Arrow-backed columns (`arrow.SCHEMA`)."""
    return arrow.records_to_table(records).to_pandas(types_mapper=pd.ArrowDtype)


def to_dataframe(bag: db.Bag) -> dd.DataFrame:
    """A Dask DataFrame of a bag of records: one row per record, the columns of
    `newsdoc.corpus.arrow.SCHEMA` (Arrow-backed, ``pd.ArrowDtype``), one
    partition per partition of the bag.  Nothing is computed here."""
    meta = arrow.SCHEMA.empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    frames = [delayed(_frame)(part) for part in _partitions(bag)]
    frame: dd.DataFrame = dd.from_delayed(frames, meta=meta)
    return frame


def _partitions(bag: db.Bag) -> list[Delayed]:
    """The partitions of a bag (lists of records), each a `Delayed`."""
    parts: list[Delayed] = bag.to_delayed()  # type: ignore[no-untyped-call]
    return parts


def to_parquet(bag: db.Bag, path: str | os.PathLike[str], *, overwrite: bool = False) -> list[str]:
    """Write a bag of records as a Parquet dataset: the directory ``path`` with one
    file per partition (``part-00000.parquet`` ...), each written by a worker and
    appearing whole or not at all.  Returns the files' paths, in order.

    ``path`` must be on storage the workers share with the caller.  Parquet
    files already there (``part-*.parquet``) raise `FileExistsError`, or are
    removed first with ``overwrite=True``: a dataset is never a mix of two runs.
    """
    folder = os.path.abspath(os.fspath(path))
    os.makedirs(folder, exist_ok=True)
    old = sorted(glob.glob(os.path.join(glob.escape(folder), "part-*.parquet")))
    if old and not overwrite:
        raise FileExistsError(f"{folder} already holds Parquet files; pass overwrite=True")
    for stale in old:
        os.remove(stale)
    write = delayed(_write)
    names = [os.path.join(folder, f"part-{n:05d}.parquet") for n in range(bag.npartitions)]
    written = compute(*map(write, _partitions(bag), names))  # type: ignore[no-untyped-call]
    return list(written)


def _write(records: list[Record], path: str) -> str:
    """One partition's records as one Parquet file (`arrow.ParquetWriter`); its path."""
    arrow.write_parquet(records, path)
    return path
