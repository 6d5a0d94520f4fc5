"""``newsdoc convert``: newsdoc JSON back to seed text.

One article goes to standard output or to the file ``-o`` names; several go
into the directory ``-o`` names, one file each, named as seed files are
(``000001_<id>.txt`` when the id is 16 hex digits, ``000001.txt`` otherwise).
Every file is written whole or not at all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from typing import TextIO

from newsdoc._model import Article
from newsdoc._writer import dumps
from newsdoc.corpus._atomic import AtomicFile, OutputError
from newsdoc.corpus._records import Record
from newsdoc.corpus._run import read_records

__all__ = ["convert", "file_name"]

_SEED_ID = re.compile(r"[0-9a-f]{16}\Z")


def file_name(number: int, article: Article) -> str:
    """The name of the ``number``-th article's file in a directory."""
    if article.id is not None and _SEED_ID.match(article.id):
        return f"{number:06d}_{article.id}.txt"
    return f"{number:06d}.txt"


def _articles(paths: Sequence[str], err: TextIO, failed: list[int]) -> Iterator[Record]:
    """The records that hold an article; the others are reported and counted."""
    for record in read_records(paths, extract=False):
        if record.error is None:
            yield record
            continue
        for line in record.located():
            print(line, file=err)
        failed[0] += record.error.code != "no-input"


def convert(paths: Sequence[str], output: str | None, out: TextIO, err: TextIO) -> int:
    """Run the command; the exit status."""
    failed = [0]
    records = _articles(paths, err, failed)
    to_directory = output is not None and (output.endswith(os.sep) or os.path.isdir(output))
    try:
        if to_directory:
            assert output is not None
            written = _to_directory(records, output, err, failed)
        else:
            written = _to_one(records, output, out, err, failed)
    except OutputError as error:
        print(f"newsdoc convert: error: {error.strerror}", file=err)
        return 1
    if written == 0 and not failed[0]:
        print("newsdoc convert: error: no articles to convert", file=err)
        return 1
    return 1 if failed[0] or written < 0 else 0


def _text(record: Record, err: TextIO, failed: list[int]) -> str | None:
    assert record.article is not None  # only records with an article come here
    try:
        return dumps(record.article)
    except ValueError as error:
        print(f"{record.source}: error: cannot be written: {error}", file=err)
        failed[0] += 1
        return None


def _to_one(
    records: Iterator[Record], output: str | None, out: TextIO, err: TextIO, failed: list[int]
) -> int:
    """One article to standard output or a file; -1 when there are more."""
    first = next(records, None)
    if first is None:
        return 0
    if next(records, None) is not None:
        where = "a directory" if output is None else f"a directory, not {output!r}"
        print(f"newsdoc convert: error: several articles: give -o {where}", file=err)
        return -1
    text = _text(first, err, failed)
    if text is None:
        return 0
    if output is None:
        out.write(text)
    else:
        with AtomicFile(output) as file:
            file.write(text.encode("utf-8", "surrogateescape"))
    return 1


def _to_directory(records: Iterator[Record], folder: str, err: TextIO, failed: list[int]) -> int:
    """Each article to its own file in ``folder`` (made if need be)."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise OutputError(error.errno or 0, f"cannot make {folder}: {error.strerror}") from None
    written = 0
    for number, record in enumerate(records, 1):
        text = _text(record, err, failed)
        if text is None:
            continue
        assert record.article is not None
        with AtomicFile(os.path.join(folder, file_name(number, record.article))) as file:
            file.write(text.encode("utf-8", "surrogateescape"))
        written += 1
    return written
