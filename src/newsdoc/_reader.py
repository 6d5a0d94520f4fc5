"""The reading API: `loads`, `load` and `read`."""

from __future__ import annotations

import os
import re
import stat
from typing import Any, BinaryIO

import attrs

from newsdoc._decode import decode, decode_str
from newsdoc._errors import ParseError
from newsdoc._json import JSONError, from_dict
from newsdoc._model import Article, argument_error, check_binary_file, describe, is_int
from newsdoc._parser import parse_text, raise_first_error
from newsdoc._sniff import decoded_kind, sniff
from newsdoc.extraction import Extractor, RuleExtractor, check_extractor, run_extractor

__all__ = ["id_from_filename", "load", "loads", "read", "read_at_most"]

_RULES = RuleExtractor()

# "000_5034f051d719ed27.txt": a sequence number, "_", and 16 hex digits.
_SEED_NAME = re.compile(r"\d+_([0-9a-f]{16})\.txt\Z")


def id_from_filename(name: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str | None:
    """The 16-hex-digit id in a seed-style file name (``str``, ``bytes`` or path), or ``None``."""
    match = _SEED_NAME.match(os.fsdecode(os.path.basename(os.fspath(name))))
    return match.group(1) if match else None


def loads(
    data: str | bytes | bytearray,
    /,
    *,
    strict: bool = False,
    id: str | None = None,
    max_size: int | None = None,
    extract: bool | Extractor = True,
) -> Article:
    """Parse one seed-format article from ``str`` or ``bytes``.

    Lenient by default: always returns an `Article`, with what had to be
    guessed or could not be read in ``article.diagnostics``.  With
    ``strict=True``, the first error diagnostic raises `ParseError` instead.
    ``id`` sets the article id.  ``max_size`` (bytes, or characters for a
    ``str``; an int, 0 or more: 0 lets only empty input through) refuses
    larger input with a `ParseError` of code ``too-large``, strict or not,
    before any work is done.

    The entities, quotes and dates are extracted by the built-in
    `newsdoc.extraction.RuleExtractor`; ``extract=False`` leaves them empty (the
    structure alone, some fifty times faster), and an `Extractor` given as
    ``extract`` runs in its place.

    An argument of the wrong type raises `TypeError` (a negative ``max_size``,
    `ValueError`) before anything is read.
    """
    if isinstance(data, str):
        unit = "characters"
    elif isinstance(data, (bytes, bytearray)):  # a tuple: faster than bytes | bytearray
        unit = "bytes"
    else:
        raise argument_error("loads", "", "str or bytes", data, _hint(data)) from None
    if strict is not False or id is not None or max_size is not None:
        _check_options("loads", strict, id, max_size)
    extractor = _RULES if extract is True else None if extract is False else _checked(extract)
    if max_size is not None and len(data) > max_size:
        raise _too_large(f"{len(data)} {unit}", max_size)
    given: str | bytes = bytes(data) if isinstance(data, bytearray) else data
    document, kind, may_be_json = sniff(given)
    if document is not None:
        kind, article = _from_newsdoc_json(document, id)
        if article is not None:
            return article
    if isinstance(given, str):
        text, notes = decode_str(given)
        kind = kind or decoded_kind(text, may_be_json)
    else:
        text, notes = decode(given)
        # ``in`` on bytes is a memchr: far cheaper than counting NUL in the text.
        if kind is None and (may_be_json or b"\x00" in given):
            kind = decoded_kind(text, may_be_json)
    if kind is not None:
        # Read as text all the same, so that nothing is lost; nothing is extracted.
        message = f"Not a seed-format article: {kind}; read as lines of text, nothing extracted"
        notes = [("not-seed-format", message, 0), *notes]  # first: it says the most
        extractor = None
    article = parse_text(text, id=id, notes=notes)
    if strict:
        raise_first_error(article, text)
    return article if extractor is None else run_extractor(extractor, article)


def _from_newsdoc_json(document: dict[str, Any], id: str | None) -> tuple[str, Article | None]:
    """The article newsdoc's JSON ``document`` holds (its id replaced by ``id``
    when given), or what is wrong with it."""
    try:
        article = from_dict(document)
    except JSONError as error:
        path, problem = error.errors[0]
        where = f"{path}: " if path else ""
        more = f" (and {len(error.errors) - 1} more)" if len(error.errors) > 1 else ""
        return f"newsdoc JSON that does not validate ({where}{problem}{more})", None
    if id is not None and id != article.id:
        article = attrs.evolve(article, id=id)
    return "", article


def _hint(data: object) -> str:
    """What to call instead of `loads` for ``data``, if anything."""
    if isinstance(data, os.PathLike):
        return "to read the file at a path, use read()"
    if callable(getattr(data, "read", None)):
        return "to read an open file, use load()"
    return ""


def _check_options(function: str, strict: object, id: object, max_size: object) -> None:
    """The keyword arguments shared by `loads`, `load` and `read`."""
    if strict is not True and strict is not False:
        raise argument_error(function, "strict", "True or False", strict) from None
    if id is not None and not isinstance(id, str):
        raise argument_error(function, "id", "str or None", id) from None
    if max_size is not None:
        if not is_int(max_size):
            raise argument_error(function, "max_size", "an int or None", max_size) from None
        if max_size < 0:
            message = f"{function}(): max_size must be 0 or more, not {max_size}"
            raise ValueError(message) from None


def _checked(extract: object, function: str = "loads") -> Extractor:
    """``extract=`` when it is neither True nor False: it must be an `Extractor`."""
    expected = "True, False or an Extractor (a function of an Article)"
    return check_extractor(extract, function, "extract", expected)


def _too_large(size: str, max_size: int) -> ParseError:
    message = f"The input is over max_size ({size}, at most {max_size})"
    return ParseError(message, "", 0, "too-large")


def read_at_most(fp: BinaryIO, max_size: int | None) -> bytes:
    """All of ``fp``, or `ParseError` (``too-large``) when it holds over ``max_size`` bytes.

    No more than ``max_size + 1`` bytes are read; the error gives the file's
    real size when the file is a regular one.
    """
    data = fp.read() if max_size is None else _read_up_to(fp, max_size + 1)
    if not isinstance(data, bytes | bytearray):
        expected = "a binary file object (opened with 'rb')"
        hint = f"its read() gave {describe(data)}"
        raise argument_error("load", "", expected, fp, hint) from None
    if max_size is not None and len(data) > max_size:
        raise _too_large(_size_of(fp, len(data), max_size), max_size)
    return data


def _read_up_to(fp: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes of ``fp``: a pipe or an unbuffered file may give
    fewer at a time than asked for, so read on until there are enough or none."""
    data = fp.read(size)
    if not isinstance(data, bytes | bytearray) or len(data) == size or not data:
        return data
    chunks, got = [data], len(data)
    while got < size:
        more = fp.read(size - got)
        if not more:
            break
        chunks.append(more)
        got += len(more)
    return b"".join(chunks)


def _size_of(fp: BinaryIO, taken: int, max_size: int) -> str:
    """The size of the input ``fp`` holds, ``taken`` bytes of which were read."""
    try:
        status = os.fstat(fp.fileno())
        if stat.S_ISREG(status.st_mode):
            return f"{taken + max(status.st_size - fp.tell(), 0)} bytes"
    except (OSError, ValueError, AttributeError):  # no file descriptor: a BytesIO, a socket
        pass
    return f"more than {max_size} bytes"


def load(
    fp: BinaryIO,
    /,
    *,
    strict: bool = False,
    id: str | None = None,
    max_size: int | None = None,
    extract: bool | Extractor = True,
) -> Article:
    """Parse one article from a binary file object (opened with ``"rb"``).

    The id is taken from the file's name when it is seed-style and ``id`` is
    not given.  With ``max_size``, no more than ``max_size + 1`` bytes are read.
    A path, a text file or another object raises `TypeError` before anything
    is read.
    """
    check_binary_file("load", "", fp, "rb")
    _check_options("load", strict, id, max_size)
    if extract is not True and extract is not False:
        _checked(extract, "load")
    data = read_at_most(fp, max_size)
    if id is None:
        name = getattr(fp, "name", None)
        if isinstance(name, str | bytes):
            id = id_from_filename(name)
    return loads(data, strict=strict, id=id, max_size=max_size, extract=extract)


def read(
    path: str | bytes | os.PathLike[str] | os.PathLike[bytes],
    /,
    *,
    strict: bool = False,
    max_size: int | None = None,
    extract: bool | Extractor = True,
) -> Article:
    """Parse the article in the file at ``path`` (its id from a seed-style name).

    ``path`` is a ``str``, ``bytes`` or `os.PathLike`; anything else (a file
    descriptor, an open file) raises `TypeError` before any file is opened.
    """
    _check_path(path)
    _check_options("read", strict, None, max_size)
    if extract is not True and extract is not False:
        _checked(extract, "read")
    with open(path, "rb") as fp:
        data = read_at_most(fp, max_size)
    return loads(data, strict=strict, id=id_from_filename(path), max_size=max_size, extract=extract)


def _check_path(path: object) -> None:
    # An int would be taken by open() as a file descriptor (0 is stdin), and closed.
    if type(path) is not str and not isinstance(path, str | bytes | os.PathLike):
        hint = "to read an open file, use load()" if callable(getattr(path, "read", None)) else ""
        expected = "a path (str, bytes or os.PathLike)"
        raise argument_error("read", "", expected, path, hint) from None
