"""From the PATHs a user gives to tasks: one task for each article to read.

A PATH is a file, a directory (searched recursively), a glob pattern, ``-``
for standard input, or an archive, JSON Lines or Parquet file, told by its
name:

============================  =============================================
``*.zip``, ``*.tar``,         each member whose name is an input name below
``*.tar.gz``, ``*.tgz`` ...
``*.jsonl``, ``*.ndjson``     each line: newsdoc JSON (an article or a
(and ``.gz`` of them)         record)
``*.parquet``                 each row: a record (``newsdoc[arrow]``)
``*.gz``                      the one file inside it
a directory                   its input files, in its subdirectories too
a glob pattern                each match: a file as if named, a directory
                              as a directory
``-``                         JSON Lines when its first non-blank line is a
                              JSON object, else one article
anything else                 one article (seed text or newsdoc JSON)
============================  =============================================

In a directory or an archive, the files read are those named like input
(`INPUT_SUFFIXES`): ``.txt``, ``.json``, ``.jsonl``, ``.ndjson`` (each
possibly ``.gz``) and the archives; other files (a README, an image, a bare
``x.gz``, a ``.parquet`` file, which is likely an output of an earlier run)
are passed over.  Named directly or matched by a pattern, any file is read.
Symbolic links to directories are followed, each directory read once (a link
back up the tree is not followed again).  In a directory, a pipe, socket or
device named like input is not opened (it could block the run forever): it
is an ``unreadable`` task.

Every input gives a task or a `Kind.FAILED` one that says why, in its place:
an empty directory, archive, JSON Lines or Parquet file gives one with the
code ``no-input`` (a warning); a directory, archive or member that cannot be
read, one with ``unreadable`` (the members and lines before the damage are
kept).  No exception escapes `tasks_of` or `tasks_of_stream`, whatever the
files hold.  Everything is visited in a fixed order: names sorted, archive
members, lines and rows in their order.  Tasks are made lazily, one
directory or archive at a time, so that a corpus is never held whole in
memory; standard input is held whole only when it is one article.
"""

from __future__ import annotations

import enum
import glob
import gzip
import itertools
import os
import posixpath
import stat
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from tarfile import HeaderError
from typing import IO, NamedTuple, Self

import msgspec

from newsdoc.corpus._records import RecordError, Source, encode_record

__all__ = ["STDIN", "STDIN_NAME", "Kind", "Task", "tasks_of", "tasks_of_stream"]

#: The PATH that means standard input, and its name in sources.
STDIN = "-"
STDIN_NAME = "<stdin>"

_ARCHIVES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
_LINES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_TEXTS = (".txt", ".json", ".txt.gz", ".json.gz")
_PARQUET = (".parquet",)
#: The names a directory's or an archive's files must have to be read.
INPUT_SUFFIXES = _TEXTS + _LINES + _ARCHIVES
#: The names of the files read here, not left whole to a worker.
_OPENED = _ARCHIVES + _LINES + _PARQUET + (".gz",)

_NO_FILES = "no files found"
_NO_LINES = "no lines found"
_NO_ROWS = "no records found"
_NOT_REGULAR = "cannot read: not a regular file (a pipe, a socket or a device)"
_PARQUET_NEEDS = 'reading Parquet needs pip install "newsdoc[arrow]"'
#: The bit of a zip member's flags that says it is encrypted.
_ENCRYPTED = 0x1
#: How much of standard input is read at a time.
_BLOCK = 1 << 16


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
    """A `Kind.FAILED` task."""
    return Task(source, Kind.FAILED, None, RecordError(code, message))


def _unreadable(source: Source, error: BaseException) -> Task:
    """The ``unreadable`` task of an input whose reading raised ``error``."""
    return _failed(source, "unreadable", f"cannot read: {_reason(error)}")


def _reason(error: BaseException) -> str:
    """Why reading failed: the system's words for an `OSError`, the message of
    the errors of damaged data, and the type and message of any other."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    expected = (OSError, EOFError, zlib.error, tarfile.TarError, zipfile.BadZipFile)
    if isinstance(error, expected):
        return str(error) or type(error).__name__
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _suffix_in(name: str, suffixes: tuple[str, ...]) -> bool:
    """Whether ``name`` ends with one of ``suffixes``, whatever its case."""
    return name.lower().endswith(suffixes)


# -- PATHs ------------------------------------------------------------------


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
            yield from _found(Source(path), _directory(path, max_size), _NO_FILES)
        elif os.path.exists(path):
            yield from _file(path, max_size)
        elif glob.has_magic(path):
            yield from _found(Source(path), _matches(path, max_size), _NO_FILES)
        else:
            yield _failed(Source(path), "not-found", "no such file or directory")


def _found(source: Source, tasks: Iterator[Task], empty: str) -> Iterator[Task]:
    """``tasks``, or one `Kind.FAILED` task (code ``no-input``) when there is none."""
    any_task = False
    for task in tasks:
        any_task = True
        yield task
    if not any_task:
        yield _failed(source, "no-input", empty)


def _matches(pattern: str, max_size: int | None) -> Iterator[Task]:
    """The tasks of what a glob pattern matches, sorted: a file as if named (a
    pipe or device apart), a directory as a directory (with no warning of its
    own when it holds no input: the pattern gives one when nothing matched
    holds any).  A match inside a directory matched already (``dir/**``
    matches both) is not read twice."""
    expanded: set[str] = set()
    for match in sorted(glob.glob(pattern, recursive=True)):
        if _inside(match, expanded):
            continue
        mode = _mode(match)
        if mode is not None and stat.S_ISDIR(mode):
            expanded.add(os.path.normpath(match))
            yield from _directory(match, max_size)
        elif _special(mode):
            yield _failed(Source(match), "unreadable", _NOT_REGULAR)
        else:
            yield from _file(match, max_size)


def _inside(path: str, folders: set[str]) -> bool:
    """Whether ``path`` is below one of ``folders`` (normalized paths)."""
    folder = os.path.dirname(os.path.normpath(path))
    while folder:
        if folder in folders:
            return True
        parent = os.path.dirname(folder)
        if parent == folder:
            return False
        folder = parent
    return False


def _mode(path: str) -> int | None:
    """The mode of the file at ``path`` (links followed), or ``None`` when it
    cannot be asked for: its read then says why."""
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


def _special(mode: int | None) -> bool:
    """Whether ``mode`` is a pipe's, a socket's or a device's, which a read
    could wait on forever."""
    return mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


# -- Directories ------------------------------------------------------------


def _directory(top: str, max_size: int | None) -> Iterator[Task]:
    """The tasks of the input files below ``top``: a directory's files by name,
    then each subdirectory by name (as `os.walk` goes, top down).  Symbolic
    links to directories are followed, each directory read once; a directory
    that cannot be listed is an ``unreadable`` task."""
    seen: set[tuple[int, int]] = set()
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            listing = _listing(folder, seen)
        except OSError as error:
            yield _unreadable(Source(folder), error)
            continue
        if listing is None:  # read already, by another link
            continue
        names, special, folders = listing
        for name in names:
            path = os.path.join(folder, name)
            if name in special:  # a pipe, a socket or a device is not opened
                yield _failed(Source(path), "unreadable", _NOT_REGULAR)
            else:
                yield from _file(path, max_size)
        pending.extend(reversed(folders))


def _listing(
    folder: str, seen: set[tuple[int, int]]
) -> tuple[list[str], set[str], list[str]] | None:
    """The names of the input files of ``folder`` and its subdirectories' paths,
    each sorted by name, with the names that are no regular file; ``None`` when
    ``folder`` is in ``seen`` (its device and inode), which it joins.

    Only names are kept, not the `os.DirEntry` objects: a directory of 100,000
    files then costs its names' memory alone while its tasks are made."""
    info = os.stat(folder)
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return None
    seen.add(key)
    names: list[str] = []
    special: set[str] = set()
    folders: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if _is_dir(entry):
                folders.append(entry.path)
            elif _suffix_in(entry.name, INPUT_SUFFIXES):
                names.append(entry.name)
                if not _is_file(entry) and _special(_mode(entry.path)):
                    special.add(entry.name)
    names.sort()
    folders.sort()
    return names, special, folders


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` is a directory, or a link to one."""
    try:
        return entry.is_dir()
    except OSError:  # its read will say why
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` is a regular file, or a link to one."""
    try:
        return entry.is_file()
    except OSError:  # its read will say why
        return True


# -- Files and streams ------------------------------------------------------


def _file(path: str, max_size: int | None) -> Iterator[Task]:
    """The tasks of one file, told by its name: a plain article is left for the
    worker to read; archives, JSON Lines, gzip and Parquet are opened here."""
    if _suffix_in(path, _PARQUET):  # pyarrow reads the file itself, natively
        yield from _found(Source(path), _guarded(path, _parquet(path, path, max_size)), _NO_ROWS)
        return
    if not _suffix_in(path, _OPENED):
        yield Task(Source(path), Kind.ARTICLE)
        return
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed below, once its tasks are made
    except OSError as error:
        yield _unreadable(Source(path), error)
        return
    with stream:
        yield from tasks_of_stream(path, stream, max_size)


def tasks_of_stream(path: str, stream: IO[bytes], max_size: int | None = None) -> Iterator[Task]:
    """The tasks of one input already open (a file on a Dask worker, say), told
    by its name ``path`` as `tasks_of` tells a file.  A zip archive and a
    Parquet file need a stream that can seek; so does a link in a tar archive.

    No exception escapes, whatever the stream holds: reading that breaks off
    ends with an ``unreadable`` task, and an empty archive, JSON Lines or
    Parquet file gives a ``no-input`` one.
    """
    tasks: Iterator[Task]
    if _suffix_in(path, (".zip",)):
        tasks, empty = _zip(path, stream, max_size), _NO_FILES
    elif _suffix_in(path, _ARCHIVES):
        tasks, empty = _tar(path, stream, max_size), _NO_FILES
    elif _suffix_in(path, _LINES):
        tasks, empty = _lines(_unpacked(path, stream), path, None, max_size), _NO_LINES
    elif _suffix_in(path, _PARQUET):
        tasks, empty = _parquet(path, stream, max_size), _NO_ROWS
    else:
        yield from _guarded(path, _one(path, stream, max_size))
        return
    yield from _found(Source(path), _guarded(path, tasks), empty)


def _guarded(path: str, tasks: Iterator[Task]) -> Iterator[Task]:
    """``tasks``, then an ``unreadable`` task if reading the input broke off,
    whatever the exception: one bad input never stops a run."""
    try:
        yield from tasks
    except Exception as error:  # reported in the task, with its type when unforeseen
        yield _unreadable(Source(path), error)


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
        if line.strip():
            yield _line(Source(path, member, number), line, max_size)


def _line(source: Source, line: bytes, max_size: int | None) -> Task:
    """The task of one line of JSON, or a ``too-large`` failure."""
    if max_size is not None and len(line) > max_size:
        return _failed(source, "too-large", f"line of {len(line)} bytes, over max_size")
    return Task(source, Kind.LINE, line)


def _one(path: str, stream: IO[bytes], max_size: int | None) -> Iterator[Task]:
    """The one article of ``stream`` (gunzipped when ``path`` ends in ``.gz``),
    read only when asked for, so that a failure is caught where it is asked."""
    yield _whole(Source(path), _unpacked(path, stream), max_size)


def _whole(source: Source, stream: IO[bytes], max_size: int | None) -> Task:
    """One article read from ``stream``, or a ``too-large`` failure."""
    data = stream.read() if max_size is None else stream.read(max_size + 1)
    if max_size is not None and len(data) > max_size:
        return _failed(source, "too-large", f"over max_size ({max_size} bytes)")
    return Task(source, Kind.ARTICLE, data)


def _parquet(path: str, where: str | IO[bytes], max_size: int | None) -> Iterator[Task]:
    """One `Kind.LINE` task per row of a Parquet file of records (at ``where``, a
    path or an open file): the record as a JSON line, which keeps the source it
    holds; ``path:ROW`` is the source of a row that cannot be read."""
    try:
        from newsdoc.corpus import arrow
    except ImportError:
        yield _failed(Source(path), "unreadable", _PARQUET_NEEDS)
        return
    records = arrow.read_parquet(where)  # type: ignore[arg-type]  # pyarrow takes a file too
    for number, record in enumerate(records, 1):
        yield _line(Source(path, None, number), encode_record(record) + b"\n", max_size)


# -- Archives ---------------------------------------------------------------


def _member_tasks(
    path: str, member: str, size: int, stream: IO[bytes], max_size: int | None
) -> Iterator[Task]:
    """The tasks of one archive member (read here, since the worker cannot)."""
    source = Source(path, member)
    if _suffix_in(member, _LINES):
        lines = _lines(_unpacked(member, stream), path, member, max_size)
        yield from _found(source, lines, _NO_LINES)
    elif max_size is not None and size > max_size:
        yield _failed(source, "too-large", f"{size} bytes, over max_size ({max_size})")
    else:
        yield _whole(source, _unpacked(member, stream), max_size)


def _nested(path: str, member: str) -> Task:
    """The failed task of an archive inside an archive."""
    message = "an archive inside an archive is not read; unpack the outer one"
    return _failed(Source(path, member), "nested-archive", message)


def _zip(path: str, stream: IO[bytes], max_size: int | None) -> Iterator[Task]:
    """The tasks of a zip archive's input members, in its order."""
    with zipfile.ZipFile(stream) as archive:
        for info in archive.infolist():
            if not info.is_dir() and _suffix_in(info.filename, INPUT_SUFFIXES):
                yield from _zip_member(path, archive, info, max_size)


def _zip_member(
    path: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_size: int | None
) -> Iterator[Task]:
    """The tasks of one zip member; a member that cannot be read (encrypted, an
    unknown compression, damaged) is a failed task, and the next are read."""
    source = Source(path, info.filename)
    if _suffix_in(info.filename, _ARCHIVES):
        yield _nested(path, info.filename)
    elif info.flag_bits & _ENCRYPTED:
        yield _failed(source, "unreadable", "cannot read: encrypted (newsdoc reads no passwords)")
    else:
        try:
            with archive.open(info) as member:
                yield from _member_tasks(path, info.filename, info.file_size, member, max_size)
        except Exception as error:  # any member's failure: the others are still read
            yield _unreadable(source, error)


def _tar(path: str, stream: IO[bytes], max_size: int | None) -> Iterator[Task]:
    """The tasks of a tar archive's input members, in its order.

    "r|*": a stream, member after member, never the whole archive in memory.  A
    member that cannot be read is a failed task; when its archive's stream is
    what broke (a `tarfile.TarError`), nothing after it can be read.  An
    archive that ends at a cut or damaged header (which `tarfile` takes for
    its end) ends with an ``unreadable`` task.
    """
    links = _Links(stream)
    with _Archive.open(fileobj=stream, mode="r|*", tarinfo=_Header) as archive:
        for info in archive:
            links.note(info)
            if info.isdir() or not _suffix_in(info.name, INPUT_SUFFIXES):
                continue
            try:
                yield from _tar_member(path, archive, info, links, max_size)
            except tarfile.TarError as error:  # the archive broke off in this member
                yield _unreadable(Source(path, info.name), error)
                return
            except Exception as error:  # this member only (a bad gzip stream, say)
                yield _unreadable(Source(path, info.name), error)
        if archive.end is not None and type(archive.end).__name__ != "EOFHeaderError":
            message = f"cannot read: the archive breaks off ({archive.end})"
            yield _failed(Source(path), "unreadable", message)


class _Archive(tarfile.TarFile):
    """A tar archive that knows why its headers ended (see `_Header`)."""

    #: The error of the header that ended the archive (``EOFHeaderError``: its
    #: end marker, as it should).
    end: tarfile.HeaderError | None = None


class _Header(tarfile.TarInfo):
    """A tar member's header that, when it cannot be read, tells its `_Archive`
    why: `tarfile` ends an archive at a cut or damaged header as at its end
    marker, without a word."""

    @classmethod
    def fromtarfile(cls, tarfile: tarfile.TarFile) -> Self:
        """The header at ``tarfile``'s position, as `tarfile.TarInfo` reads it."""
        try:
            return super().fromtarfile(tarfile)
        except HeaderError as error:
            if isinstance(tarfile, _Archive):
                tarfile.end = error
            raise


def _tar_member(
    path: str,
    archive: tarfile.TarFile,
    info: tarfile.TarInfo,
    links: _Links,
    max_size: int | None,
) -> Iterator[Task]:
    """The tasks of one tar member named like input."""
    source = Source(path, info.name)
    if _suffix_in(info.name, _ARCHIVES):
        yield _nested(path, info.name)
    elif info.islnk() or info.issym():
        yield from links.read(path, info, max_size)
    elif info.ischr() or info.isblk() or info.isfifo():
        yield _failed(source, "unreadable", _NOT_REGULAR)
    else:  # a file, or a type tarfile reads as one
        member = archive.extractfile(info)
        if member is None:  # pragma: no cover - tarfile gives one for these types
            yield _failed(source, "unreadable", "cannot read: no data in the archive")
        else:
            yield from _member_tasks(path, info.name, info.size, member, max_size)


class _Links:
    """The links of a tar archive read as a stream, which `tarfile` cannot follow
    (`tarfile.TarFile.extractfile` refuses them): a link named like input is
    read as the member it leads to, by reading the archive again from its start
    up to that member, when the stream can seek back (an archive of many links
    is slow to read); otherwise it is an ``unreadable`` task that says why."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.start = _position(stream)
        #: Each link's name, and the name it leads to (``None``: out of the archive).
        self.targets: dict[str, str | None] = {}

    def note(self, info: tarfile.TarInfo) -> None:
        """Keep ``info``'s target, when it is a link (a link may lead to a link)."""
        if info.islnk() or info.issym():
            self.targets[posixpath.normpath(info.name)] = _link_target(info)

    def target(self, info: tarfile.TarInfo) -> str | None:
        """The member a link leads to, through links, or ``None`` (out of the
        archive, or round a loop of links)."""
        name: str | None = posixpath.normpath(info.name)
        for _ in range(len(self.targets) + 1):
            if name is None or name not in self.targets:
                return name
            name = self.targets[name]
        return None

    def read(self, path: str, info: tarfile.TarInfo, max_size: int | None) -> Iterator[Task]:
        """The tasks of a link, read as the member it leads to."""
        source = Source(path, info.name)
        target = self.target(info)
        if target is None:
            message = f"cannot read: a link to {info.linkname!r}, which leads out of the archive"
            yield _failed(source, "unreadable", message)
        elif self.start is None:
            message = f"cannot read: a link to {target!r}, in a stream that cannot go back"
            yield _failed(source, "unreadable", message)
        else:
            try:
                yield from self._reread(path, info.name, target, self.start, max_size)
            except Exception as error:  # the reading again failed: this link only
                yield _unreadable(source, error)

    def _reread(
        self, path: str, name: str, target: str, start: int, max_size: int | None
    ) -> Iterator[Task]:
        """The tasks of member ``target`` as member ``name``, read from the archive
        again; the stream goes back where it was after, for the first reading."""
        back = self.stream.tell()
        try:
            self.stream.seek(start)
            with tarfile.open(fileobj=self.stream, mode="r|*") as archive:
                for info in archive:
                    if posixpath.normpath(info.name) == target:
                        yield from _linked(path, name, archive, info, max_size)
                        return
            message = f"cannot read: a link to {target!r}, which is not in the archive"
            yield _failed(Source(path, name), "unreadable", message)
        finally:
            self.stream.seek(back)


def _linked(
    path: str, name: str, archive: tarfile.TarFile, info: tarfile.TarInfo, max_size: int | None
) -> Iterator[Task]:
    """The tasks of member ``info``, a link's target, as member ``name``."""
    member = archive.extractfile(info) if info.isfile() else None
    if member is None:
        message = f"cannot read: a link to {info.name!r}, which is not a file"
        yield _failed(Source(path, name), "unreadable", message)
    else:
        yield from _member_tasks(path, name, info.size, member, max_size)


def _link_target(info: tarfile.TarInfo) -> str | None:
    """The name of the member a link leads to, or ``None`` when it leads out of
    the archive.  A hard link names a member; a symbolic link, a path from its
    own folder."""
    if info.islnk():
        return posixpath.normpath(info.linkname)
    if info.linkname.startswith("/"):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(info.name), info.linkname))
    return None if target == ".." or target.startswith("../") else target


def _position(stream: IO[bytes]) -> int | None:
    """Where ``stream`` is, when it can seek back there; else ``None``."""
    try:
        return stream.tell() if stream.seekable() else None
    except Exception:  # a stream that cannot say: taken as one that cannot seek
        return None


# -- Standard input ---------------------------------------------------------


def _stdin(max_size: int | None) -> Iterator[Task]:
    """Standard input: JSON Lines when its first non-blank line is a JSON object,
    read line by line (``max_size`` for each line, as in a file); else one
    article, read whole."""
    yield from _guarded(STDIN_NAME, _stdin_tasks(max_size))


def _stdin_tasks(max_size: int | None) -> Iterator[Task]:
    """The tasks of standard input (any failure to read it is left to `_guarded`)."""
    buffer = sys.stdin.buffer
    read: Callable[[int], bytes] = getattr(buffer, "read1", buffer.read)
    head, ended = _head(read, max_size)
    if _json_object(head):
        rest: Iterable[bytes] = () if ended else iter(partial(read, _BLOCK), b"")
        yield from _lines(_split(itertools.chain((head,), rest)), STDIN_NAME, None, max_size)
        return
    data = head if ended else head + _rest(buffer.read, len(head), max_size)
    if max_size is not None and len(data) > max_size:
        yield _failed(Source(STDIN_NAME), "too-large", f"over max_size ({max_size} bytes)")
    else:
        yield Task(Source(STDIN_NAME), Kind.ARTICLE, data)


def _rest(read: Callable[..., bytes], have: int, max_size: int | None) -> bytes:
    """The rest of an article, after the ``have`` bytes read: all of it, or enough
    to tell that it is over ``max_size``."""
    if max_size is None:
        return read()
    return read(max_size + 1 - have) if have <= max_size else b""


def _head(read: Callable[[int], bytes], max_size: int | None) -> tuple[bytes, bool]:
    """The start of standard input, up to the end of its first non-blank line (or
    more, or past ``max_size``), and whether that is all of it."""
    blocks: list[bytes] = []
    size, started = 0, False
    while True:
        block = read(_BLOCK)
        if not block:
            return b"".join(blocks), True
        blocks.append(block)
        size += len(block)
        text = block if started else block.lstrip()
        started = started or bool(text)
        if b"\n" in text or (max_size is not None and size > max_size):
            return b"".join(blocks), False


def _json_object(head: bytes) -> bool:
    """Whether the first non-blank line of ``head`` is a JSON object."""
    line = head.lstrip().split(b"\n", 1)[0]
    if not line.startswith(b"{"):
        return False
    try:
        return isinstance(msgspec.json.decode(line), dict)
    except (msgspec.DecodeError, RecursionError):
        return False


def _split(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """The lines (each with its newline) of the bytes of ``blocks``, one line in
    memory at a time."""
    partial_line: list[bytes] = []
    for block in blocks:
        start = 0
        end = block.find(b"\n")
        while end != -1:
            partial_line.append(block[start : end + 1])
            yield b"".join(partial_line)
            partial_line = []
            start = end + 1
            end = block.find(b"\n", start)
        if start < len(block):
            partial_line.append(block[start:])
    if partial_line:
        yield b"".join(partial_line)
