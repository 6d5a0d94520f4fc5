"""Where a run's records go: a JSON Lines file, a Parquet file, or a stream.

`open_output` picks the writer by the file's name and pairs it with the
function that encodes records for it.  That function runs in the workers, so
it is a module-level function (picklable) in every case.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any, Protocol

from newsdoc.corpus._jsonl import JsonlWriter, encode_lines
from newsdoc.corpus._records import Record, encode_record

__all__ = ["OUTPUT_SUFFIXES", "Output", "encode_article_lines", "open_output"]

#: The output names `open_output` knows.
OUTPUT_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".parquet")


class Output(Protocol):
    """A writer of encoded records."""

    @property
    def count(self) -> int:
        """How many records were written."""

    def write_payload(self, payload: Any, count: int) -> None:
        """Write ``count`` records encoded by the output's encoder."""

    def close(self) -> None:
        """Finish the output and give it its final name."""

    def abort(self) -> None:
        """Leave nothing under the final name."""


class _Lines:
    """JSON Lines to a file or a stream."""

    def __init__(self, target: str | IO[bytes]) -> None:
        self._writer = JsonlWriter(target)

    @property
    def count(self) -> int:
        return self._writer.count

    def write_payload(self, payload: Any, count: int) -> None:
        self._writer.write_lines(payload, count)

    def close(self) -> None:
        self._writer.close()

    def abort(self) -> None:
        self._writer.abort()


class _Parquet:
    """Record batches to a Parquet file (the extra ``arrow``)."""

    def __init__(self, path: str) -> None:
        from newsdoc.corpus.arrow import ParquetWriter

        self._writer = ParquetWriter(path)

    @property
    def count(self) -> int:
        count: int = self._writer.count
        return count

    def write_payload(self, payload: Any, count: int) -> None:
        self._writer.write_batch(payload)

    def close(self) -> None:
        self._writer.close()

    def abort(self) -> None:
        self._writer.abort()


def encode_article_lines(records: list[Record]) -> bytes:
    """The lines of the records that hold an article (for a stream of articles,
    where every line must read as one)."""
    return b"".join([encode_record(r) + b"\n" for r in records if r.article is not None])


def open_output(
    path: str | None, stream: IO[bytes] | None = None
) -> tuple[Callable[[list[Record]], Any], Output]:
    """The encoder and the writer for ``path`` (by its suffix), or for ``stream``
    when ``path`` is ``None`` (articles only: error records are reported, not
    written).  Raises `ValueError` for a name of no known output."""
    if path is None:
        assert stream is not None  # the caller gives one or the other
        return encode_article_lines, _Lines(stream)
    name = path.lower()
    if name.endswith(".parquet"):
        from newsdoc.corpus.arrow import records_to_batch

        return records_to_batch, _Parquet(path)
    if name.endswith(OUTPUT_SUFFIXES):
        return encode_lines, _Lines(path)
    known = ", ".join(OUTPUT_SUFFIXES)
    raise ValueError(f"cannot tell the output format of {path!r}: name it {known}")
