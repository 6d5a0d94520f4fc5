"""Output files that appear whole or not at all.

An `AtomicFile` writes to a hidden temporary file beside the final one and
renames it into place on `AtomicFile.commit` (``os.replace``: atomic on POSIX
and Windows within one file system).  A run that dies, or fails to write
(a full disk), leaves no file under the final name, and the temporary one is
removed when Python still can.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from types import TracebackType
from typing import IO, Self

__all__ = ["AtomicFile", "OutputError", "WholeOrNothing"]


class OutputError(OSError):
    """An output file could not be written; nothing was left under its name."""


def output_error(path: str, error: OSError) -> OutputError:
    """The clear error for a failed write of ``path``."""
    if error.errno == errno.ENOSPC:
        reason = "no space left on the device"
    else:
        reason = error.strerror or str(error)
    message = f"cannot write {path}: {reason}; no file was left under that name"
    return OutputError(error.errno or 0, message)


class WholeOrNothing:
    """An output used as a context manager: a ``with`` block that ends normally
    closes it (it appears under its name), one that raises aborts it (nothing
    is left).  Subclasses define `close` and `abort`."""

    def close(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


class AtomicFile(WholeOrNothing):
    """A binary file written under a temporary name, renamed to ``path`` on commit.

    Used as a context manager, it commits when the block ends normally and
    discards otherwise.  Write errors come out as `OutputError`, after the
    temporary file is removed.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        folder, name = os.path.split(os.path.abspath(self.path))
        self.temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.part")
        try:
            # Mode 0o666 less the umask, as open() gives: the file renamed into
            # place has the permissions a plain write would have given it.
            fd = os.open(self.temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as error:
            raise output_error(self.path, error) from None
        self.stream: IO[bytes] = os.fdopen(fd, "wb")
        self.closed = False

    def write(self, data: bytes) -> int:
        """Write ``data``; a failure discards the file and raises `OutputError`."""
        try:
            return self.stream.write(data)
        except OSError as error:
            self.discard()
            raise output_error(self.path, error) from None

    def commit(self) -> None:
        """Flush, sync, and rename the file to its final name."""
        if self.closed:
            return
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.replace(self.temporary, self.path)
        except OSError as error:
            self.discard()
            raise output_error(self.path, error) from None
        self.closed = True

    def discard(self) -> None:
        """Close and remove the temporary file; the final name is left as it was."""
        if self.closed:
            return
        self.closed = True
        # A full disk can fail the flush on close: the file goes all the same.
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temporary)

    # A file-like pair of names, for `WholeOrNothing`.
    close = commit
    abort = discard
