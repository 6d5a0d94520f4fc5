"""JSON Lines out: one record a line, optionally gzip, written atomically."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable
from typing import IO

from newsdoc._model import argument_error
from newsdoc.corpus._atomic import AtomicFile, OutputError, WholeOrNothing
from newsdoc.corpus._records import Record, encode_record

__all__ = ["JsonlWriter", "encode_lines"]


def encode_lines(records: list[Record]) -> bytes:
    """Records as JSON Lines bytes, each line ending in a newline."""
    return b"".join([encode_record(record) + b"\n" for record in records])


class JsonlWriter(WholeOrNothing):
    """Writes records to a JSON Lines file (gzip when its name ends in ``.gz``), or
    to an open binary stream.

    A file is written under a temporary name and appears under its own on
    `close` (or at the end of a ``with`` block); `abort` leaves nothing
    behind.  A failed write raises `OutputError`.
    """

    def __init__(self, target: str | os.PathLike[str] | IO[bytes], *, level: int = 6) -> None:
        self._file: AtomicFile | None = None
        self._gzip: gzip.GzipFile | None = None
        self.count = 0
        if isinstance(target, str | os.PathLike):
            self._file = AtomicFile(target)
            self.path: str | None = self._file.path
            stream: IO[bytes] | gzip.GzipFile = self._file  # type: ignore[assignment]
            if self.path.lower().endswith(".gz"):
                # mtime=0: the same records give the same bytes, run after run.
                self._gzip = gzip.GzipFile(fileobj=stream, mode="wb", compresslevel=level, mtime=0)
                stream = self._gzip
            self._stream = stream
        elif callable(getattr(target, "write", None)):
            self.path = None
            self._stream = target
        else:
            expected = "a path (str or os.PathLike) or a binary stream"
            raise argument_error("JsonlWriter", "target", expected, target) from None

    def write(self, record: Record) -> None:
        """Write one record."""
        self.write_lines(encode_lines([record]), 1)

    def write_all(self, records: Iterable[Record]) -> None:
        """Write every record."""
        for record in records:
            self.write(record)

    def write_lines(self, lines: bytes, count: int) -> None:
        """Write ``count`` records already encoded by `encode_lines`."""
        try:
            self._stream.write(lines)
        except OutputError:
            self.abort()
            raise
        self.count += count

    def close(self) -> None:
        """Finish the file and give it its name (or flush the stream)."""
        try:
            if self._gzip is not None:
                self._gzip.close()
            if self._file is not None:
                self._file.commit()
            else:
                self._stream.flush()
        except OutputError:
            self.abort()
            raise

    def abort(self) -> None:
        """Leave no file behind (what went to a stream stays there)."""
        if self._file is None:
            return
        self._file.discard()
