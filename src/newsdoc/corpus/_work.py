"""From a task to a record: what each worker does, and what one process does alone.

Every failure of one input becomes a record with an error, located where it
can be; nothing here raises for bad input, so one bad file never stops a run.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeVar

from newsdoc._errors import ParseError
from newsdoc._json import JSONError
from newsdoc._reader import id_from_filename, loads, read_at_most
from newsdoc.corpus._records import (
    Record,
    RecordError,
    Source,
    article_record,
    decode_record,
)
from newsdoc.corpus._sources import Kind, Task
from newsdoc.extraction import Extractor

__all__ = ["Options", "read_chunk", "read_task"]

T = TypeVar("T")


class Options(NamedTuple):
    """How to read each article (as `newsdoc.loads` takes them)."""

    strict: bool = False
    max_size: int | None = None
    extract: bool | Extractor = True


def read_task(task: Task, options: Options) -> Record:
    """The record of one task."""
    source = task.source
    if task.kind is Kind.FAILED:
        assert task.error is not None  # a failed task always says why
        return Record(source, error=task.error)
    if task.kind is Kind.LINE:
        assert task.data is not None  # lines are read where they are found
        return _line(task.data, source)
    try:
        data = task.data
        if data is None:
            data = _read_file(task.location or source.path, options.max_size)
        name = source.member if source.member is not None else source.path
        article = loads(
            data,
            strict=options.strict,
            id=id_from_filename(name),
            max_size=options.max_size,
            extract=options.extract,
        )
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        return Record(source, error=RecordError("unreadable", f"cannot read: {reason}"))
    except ParseError as error:  # too-large; with strict=True, the first error
        located = RecordError(error.code, error.msg, error.lineno, error.colno)
        return Record(source, error=located)
    return article_record(source, article)


#: The first read of a file: most articles fit in it whole.
_FIRST_READ = 1 << 16


def _read_file(path: str, max_size: int | None) -> bytes:
    """The bytes of the file at ``path``; `ParseError` (``too-large``) over ``max_size``.

    One `os.read` takes a whole article in four system calls (open, stat, read,
    close), where ``open().read()`` builds two file objects and asks the file's
    size twice: it saves some 10 microseconds an article, a percent of reading
    one.  A read shorter than asked for is the whole of a regular file; a larger
    file, or a pipe named as a file (``<(zcat a.gz)``), is read on through
    `read_at_most`, which knows the ``max_size`` rules.  (A directory's pipes
    and devices never come here: its listing reports them.)
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            first = os.read(descriptor, _FIRST_READ)
            if len(first) < _FIRST_READ and (max_size is None or len(first) <= max_size):
                return first
            os.lseek(descriptor, 0, os.SEEK_SET)
        with open(descriptor, "rb", closefd=False) as stream:
            return read_at_most(stream, max_size)
    finally:
        os.close(descriptor)


def _line(line: bytes, source: Source) -> Record:
    try:
        return decode_record(line, source)
    except JSONError as error:
        problems = "; ".join(f"{p}: {m}" if p else m for p, m in error.errors[:3])
        more = f" (and {len(error.errors) - 3} more)" if len(error.errors) > 3 else ""
        return Record(source, error=RecordError("invalid-json", problems + more))


def read_chunk(tasks: Sequence[Task], options: Options, encode: Callable[[list[Record]], T]) -> T:
    """The records of some tasks, encoded for their way back to the caller."""
    return encode([_guarded(task, options) for task in tasks])


def _guarded(task: Task, options: Options) -> Record:
    """`read_task`, with any failure it did not foresee (a user's extractor that
    raises, say) made the task's error: one input never stops a run."""
    try:
        return read_task(task, options)
    except Exception as error:  # reported in the record, with its type
        message = f"{type(error).__name__}: {error}"
        return Record(task.source, error=RecordError("failed", message))
