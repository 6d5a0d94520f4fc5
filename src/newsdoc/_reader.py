"""The reading API: `loads`, `load` and `read`."""

from __future__ import annotations

import os
import re
from typing import BinaryIO

from newsdoc._decode import decode, decode_str
from newsdoc._errors import ParseError
from newsdoc._model import Article
from newsdoc._parser import parse_text, raise_first_error
from newsdoc.extract import Extractor, RuleExtractor

__all__ = ["id_from_filename", "load", "loads", "read"]

_RULES = RuleExtractor()

# "000_5034f051d719ed27.txt": a sequence number, "_", and 16 hex digits.
_SEED_NAME = re.compile(r"\d+_([0-9a-f]{16})\.txt\Z")


def id_from_filename(name: str | os.PathLike[str]) -> str | None:
    """The 16-hex-digit id in a seed-style file name, or ``None``."""
    match = _SEED_NAME.match(os.path.basename(os.fspath(name)))
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
    ``str``) refuses larger input with a `ParseError` of code ``too-large``,
    strict or not, before any work is done.

    The entities, quotes and dates are extracted by the built-in
    `newsdoc.extract.RuleExtractor`; ``extract=False`` leaves them empty (the
    structure alone, some fifty times faster), and an `Extractor` given as
    ``extract`` runs in its place.
    """
    if isinstance(data, str):
        unit = "characters"
    elif isinstance(data, (bytes, bytearray)):  # a tuple: faster than bytes | bytearray
        unit = "bytes"
    else:
        raise TypeError(f"loads() argument must be str or bytes, not {type(data).__name__}")
    if id is not None and not isinstance(id, str):
        raise TypeError(f"id must be str or None, not {type(id).__name__}")
    extractor = _RULES if extract is True else None if extract is False else _checked(extract)
    if max_size is not None and len(data) > max_size:
        message = f"The input is over max_size ({len(data)} {unit}, at most {max_size})"
        raise ParseError(message, "", 0, "too-large")
    if isinstance(data, str):
        text, notes = decode_str(data)
    else:
        text, notes = decode(data if type(data) is bytes else bytes(data))
    article = parse_text(text, id=id, notes=notes)
    if strict:
        raise_first_error(article, text)
    return article if extractor is None else extractor(article)


def _checked(extract: object) -> Extractor:
    """``extract=`` when it is neither True nor False: it must be an `Extractor`."""
    if isinstance(extract, int) or not callable(extract):
        raise TypeError(
            f"extract must be True, False or an Extractor, not {type(extract).__name__}"
        )
    return extract


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
    """
    data = fp.read() if max_size is None else fp.read(max_size + 1)
    if isinstance(data, str):
        raise TypeError("load() needs a file opened in binary mode ('rb')")
    if id is None:
        name = getattr(fp, "name", None)
        if isinstance(name, str):
            id = id_from_filename(name)
    return loads(data, strict=strict, id=id, max_size=max_size, extract=extract)


def read(
    path: str | os.PathLike[str],
    /,
    *,
    strict: bool = False,
    max_size: int | None = None,
    extract: bool | Extractor = True,
) -> Article:
    """Parse the article in the file at ``path`` (its id from a seed-style name)."""
    with open(path, "rb") as fp:
        data = fp.read() if max_size is None else fp.read(max_size + 1)
    return loads(data, strict=strict, id=id_from_filename(path), max_size=max_size, extract=extract)
