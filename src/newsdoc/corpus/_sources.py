"""From the PATHs a user gives to tasks: one task for each article to read.

A PATH is a file, a directory (searched recursively), a glob pattern, ``-``
for standard input, or an archive or JSON Lines file, told by its name:

============================  =============================================
``*.zip``, ``*.tar``,         each member whose name is an input name below
``*.tar.gz``, ``*.tgz`` ...
``*.jsonl``, ``*.ndjson``     each line: newsdoc JSON (an article or a
(and ``.gz`` of them)         record)
``*.gz``                      the one file inside it
anything else                 one article (seed text or newsdoc JSON)
============================  =============================================

In a directory or an archive, the files read are those named like input:
``.txt``, ``.json``, ``.jsonl``, ``.ndjson`` (each possibly ``.gz``) and the
archives; other files (a README, an image) are passed over.  Everything is
visited in a fixed order: names sorted, archive members and lines in their
order.  Tasks are made lazily, one directory or archive at a time, so that a
corpus is never held whole in memory.
"""

from __future__ import annotations

import enum
import glob
import gzip
import io
import os
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, NamedTuple

from newsdoc.corpus._records import RecordError, Source

__all__ = ["STDIN", "STDIN_NAME", "Kind", "Task", "tasks_of", "tasks_of_stream"]

#: The PATH that means standard input, and its name in sources.
STDIN = "-"
STDIN_NAME = "<stdin>"

_ARCHIVES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
_LINES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_TEXTS = (".txt", ".json", ".txt.gz", ".json.gz")
#: The names a directory's or an archive's files must have to be read.
INPUT_SUFFIXES = _TEXTS + _LINES + _ARCHIVES


class Kind(enum.IntEnum):
    """What a task's data is."""

    #: One article: seed text or a newsdoc JSON document.
    ARTICLE = 0
    #: One line of JSON Lines: an article document or a record.
    LINE = 1
    #: Nothing to read: the task's ``error`` says why.
    FAILED = 2


class Task(NamedTuple):
    """One article to read: where it is, and its bytes when they were read here
    (``None``: the worker reads ``source.path`` itself, which spreads the
    reading of files over the workers)."""

    source: Source
    kind: Kind
    data: bytes | None = None
    error: RecordError | None = None
    #: Where the worker reads the file, when not at ``source.path`` (a Dask
    #: worker's absolute path for a path the caller gave relative).
    location: str | None = None


def _failed(source: Source, code: str, message: str) -> Task:
    return Task(source, Kind.FAILED, None, RecordError(code, message))


def _suffix_in(name: str, suffixes: tuple[str, ...]) -> bool:
    return name.lower().endswith(suffixes)


def tasks_of(paths: Iterable[str], *, max_size: int | None = None) -> Iterator[Task]:
    """Every task the PATHs give, in order.

    A PATH that does not exist, a directory or pattern with no input, an
    archive that cannot be read: each gives a `Kind.FAILED` task, in its place,
    so that the caller reports it where it belongs.
    """
    for path in paths:
        if path == STDIN:
            yield from _stdin(max_size)
        elif os.path.isdir(path):
            yield from _found(path, _directory(path, max_size), "no files found")
        elif os.path.exists(path):
            yield from _file(path, max_size)
        elif glob.has_magic(path):
            matches = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
            yield from _found(path, _files(matches, max_size), "no files found")
        else:
            yield _failed(Source(path), "not-found", "no such file or directory")


def _found(path: str, tasks: Iterator[Task], empty: str) -> Iterator[Task]:
    """``tasks``, or one `Kind.FAILED` task (code ``no-input``) when there is none."""
    any_task = False
    for task in tasks:
        any_task = True
        yield task
    if not any_task:
        yield _failed(Source(path), "no-input", empty)


def _directory(path: str, max_size: int | None) -> Iterator[Task]:
    for root, dirs, names in os.walk(path):
        dirs.sort()
        inputs = sorted(n for n in names if _suffix_in(n, INPUT_SUFFIXES))
        yield from _files((os.path.join(root, n) for n in inputs), max_size)


def _files(paths: Iterable[str], max_size: int | None) -> Iterator[Task]:
    for path in paths:
        yield from _file(path, max_size)


def _file(path: str, max_size: int | None) -> Iterator[Task]:
    """The tasks of one file, told by its name: a plain article is left for the
    worker to read; archives and JSON Lines are opened here."""
    if not _suffix_in(path, _ARCHIVES + _LINES + (".gz",)):
        yield Task(Source(path), Kind.ARTICLE)
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, once its tasks are made
    except OSError as error:
        yield _failed(Source(path), "unreadable", f"cannot read: {_reason(error)}")
        return
    with stream:
        yield from tasks_of_stream(path, stream, max_size)


def tasks_of_stream(path: str, stream: IO[bytes], max_size: int | None = None) -> Iterator[Task]:
    """The tasks of one input already open (a file on a Dask worker, say), told
    by its name ``path`` as `tasks_of` tells a file.  A zip archive needs a
    stream that can seek."""
    if _suffix_in(path, (".zip",)):
        tasks = _zip(path, stream, max_size)
    elif _suffix_in(path, _ARCHIVES):
        tasks = _tar(path, stream, max_size)
    elif _suffix_in(path, _LINES):
        tasks = _lines(_unpacked(path, stream), path, None, max_size)
    else:
        tasks = iter([_whole(Source(path), _unpacked(path, stream), max_size)])
    yield from _guarded(path, tasks)


def _guarded(path: str, tasks: Iterator[Task]) -> Iterator[Task]:
    """``tasks``, then a `Kind.FAILED` task if reading the input broke off."""
    try:
        yield from tasks
    except (OSError, EOFError, zlib.error, tarfile.TarError, zipfile.BadZipFile) as error:
        yield _failed(Source(path), "unreadable", f"cannot read: {_reason(error)}")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def _unpacked(name: str, stream: IO[bytes]) -> IO[bytes]:
    """``stream``, gunzipped as it is read when ``name`` ends in ``.gz``."""
    if name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    return stream


def _lines(
    stream: Iterable[bytes], path: str, member: str | None, max_size: int | None
) -> Iterator[Task]:
    """One task per non-blank line; a line over ``max_size`` bytes is a failed task."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        source = Source(path, member, number)
        if max_size is not None and len(line) > max_size:
            yield _failed(source, "too-large", f"line of {len(line)} bytes, over max_size")
        else:
            yield Task(source, Kind.LINE, line)


def _whole(source: Source, stream: IO[bytes], max_size: int | None) -> Task:
    """One article read from ``stream``, or a ``too-large`` failure."""
    data = stream.read() if max_size is None else stream.read(max_size + 1)
    if max_size is not None and len(data) > max_size:
        return _failed(source, "too-large", f"over max_size ({max_size} bytes)")
    return Task(source, Kind.ARTICLE, data)


def _member_tasks(
    path: str, member: str, size: int, stream: IO[bytes], max_size: int | None
) -> Iterator[Task]:
    """The tasks of one archive member (read here, since the worker cannot)."""
    source = Source(path, member)
    if _suffix_in(member, _LINES):
        yield from _lines(_unpacked(member, stream), path, member, max_size)
    elif max_size is not None and size > max_size:
        yield _failed(source, "too-large", f"{size} bytes, over max_size ({max_size})")
    else:
        yield _whole(source, _unpacked(member, stream), max_size)


def _zip(path: str, stream: IO[bytes], max_size: int | None) -> Iterator[Task]:
    with zipfile.ZipFile(stream) as archive:
        for info in archive.infolist():
            if info.is_dir() or not _suffix_in(info.filename, INPUT_SUFFIXES):
                continue
            if _suffix_in(info.filename, _ARCHIVES):
                yield _nested(path, info.filename)
                continue
            try:
                with archive.open(info) as member:
                    yield from _member_tasks(path, info.filename, info.file_size, member, max_size)
            except (OSError, EOFError, zlib.error, zipfile.BadZipFile) as error:
                yield _failed(Source(path, info.filename), "unreadable", _reason(error))


def _tar(path: str, stream: IO[bytes], max_size: int | None) -> Iterator[Task]:
    # "r|*": a stream, member after member, never the whole archive in memory.
    with tarfile.open(fileobj=stream, mode="r|*") as archive:
        for info in archive:
            if not info.isfile() or not _suffix_in(info.name, INPUT_SUFFIXES):
                continue
            if _suffix_in(info.name, _ARCHIVES):
                yield _nested(path, info.name)
                continue
            member = archive.extractfile(info)
            if member is None:  # pragma: no cover - isfile() members always have one
                continue
            yield from _member_tasks(path, info.name, info.size, member, max_size)


def _nested(path: str, member: str) -> Task:
    message = "an archive inside an archive is not read; unpack the outer one"
    return _failed(Source(path, member), "nested-archive", message)


def _stdin(max_size: int | None) -> Iterator[Task]:
    """Standard input: JSON Lines when its first line is a JSON object on its own,
    else one article."""
    source = Source(STDIN_NAME)
    try:
        stream = sys.stdin.buffer
        data = stream.read() if max_size is None else stream.read(max_size + 1)
    except OSError as error:
        yield _failed(source, "unreadable", f"cannot read: {_reason(error)}")
        return
    if max_size is not None and len(data) > max_size:
        yield _failed(source, "too-large", f"over max_size ({max_size} bytes)")
        return
    first = data.lstrip()[:1]
    head = data.lstrip().split(b"\n", 1)[0].strip()
    if first == b"{" and head.endswith(b"}") and b"\n" in data.strip():
        yield from _lines(io.BytesIO(data), STDIN_NAME, None, max_size)
    else:
        yield Task(source, Kind.ARTICLE, data)
