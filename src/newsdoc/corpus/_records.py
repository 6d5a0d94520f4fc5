"""A record: one article of a corpus, where it came from, and what reading it found.

A record line of JSON Lines is the article's own JSON document (`newsdoc.to_json`)
with four more keys: ``source``, ``content_hash``, ``diagnostics`` and ``error``.
So `newsdoc.from_json` reads a record line as the article it holds (it ignores
keys it does not know), and a tool that knows articles reads records.  A record
whose input gave no article holds ``source`` and ``error`` only.
"""

from __future__ import annotations

import hashlib
from typing import Any, Final

import attrs
import msgspec

from newsdoc._json import JSONError, from_dict, to_json
from newsdoc._model import Article, Diagnostic, ParseInfo
from newsdoc._unchecked import set_parse_info

__all__ = [
    "Record",
    "RecordError",
    "Source",
    "content_hash",
    "decode_record",
    "encode_record",
    "safe_source",
]


@attrs.frozen(slots=True)
class Source:
    """Where a record came from: a path (or URL, or ``<stdin>``), and within it an
    archive member or a line of a JSON Lines file, when there is one."""

    path: str
    member: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        """``path``, ``path[member]``, ``path:line`` or ``path[member]:line``."""
        where = self.path if self.member is None else f"{self.path}[{self.member}]"
        return where if self.line is None else f"{where}:{self.line}"


@attrs.frozen(slots=True)
class RecordError:
    """Why an input gave no article: a code (``unreadable``, ``too-large``,
    ``invalid-json``, ``worker-died`` ..., or the code of the error diagnostic
    that failed a strict read), a message, and a position in the input when
    there is one."""

    code: str
    message: str
    lineno: int | None = None
    colno: int | None = None

    def __str__(self) -> str:
        where = "" if self.lineno is None else f"{self.lineno}:{self.colno or 1}: "
        return f"{where}{self.code}: {self.message}"


@attrs.frozen(slots=True)
class Record:
    """One input of a corpus: its `Source`, and either the `Article` read from it
    (with the diagnostics of that reading) or the `RecordError` that says why
    there is none.  ``content_hash`` is `content_hash` of the article."""

    source: Source
    article: Article | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    error: RecordError | None = None
    content_hash: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the record holds an article."""
        return self.article is not None

    def located(self) -> list[str]:
        """Every diagnostic, or the error, as the command line prints them:
        ``SOURCE:LINE:COL: CODE: MESSAGE``, or ``SOURCE: error: MESSAGE`` for an
        error with no place in the input (``SOURCE: warning: ...`` for
        ``no-input``)."""
        error = self.error
        if error is None:
            return [f"{self.source}:{d}" for d in self.diagnostics]
        if error.lineno is not None:
            where = f"{self.source}:{error.lineno}:{error.colno or 1}"
            return [f"{where}: {error.code}: {error.message}"]
        severity = "warning" if error.code == "no-input" else "error"
        return [f"{self.source}: {severity}: {error.message}"]


def article_record(source: Source, article: Article) -> Record:
    """The record of an article read from ``source``."""
    return Record(source, article, article.diagnostics, None, content_hash(article))


def content_hash(article: Article) -> str:
    """A hash of what the article says: its headline and paragraphs (not its id, date,
    captions or metadata), so that the same story saved twice has the same hash.

    32 hex digits of BLAKE2b: collisions between different texts are not a
    practical concern at any corpus size.
    """
    # One join and one encode: half the time of hashing the parts one by one.
    text = "\n".join((article.headline, *article.paragraphs))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


# -- JSON -------------------------------------------------------------------

_ENCODER: Final = msgspec.json.Encoder()


def _diagnostic_dict(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "message": d.message,
        "severity": d.severity,
        "lineno": d.lineno,
        "colno": d.colno,
        "pos": d.pos,
    }


def _source_dict(source: Source) -> dict[str, Any]:
    source = safe_source(source)
    return {"path": source.path, "member": source.member, "line": source.line}


def safe_source(source: Source) -> Source:
    """``source`` with names UTF-8 can hold: a file name that is not UTF-8 on disk
    comes from Python with lone surrogates (``caf\\udce9.txt``) and is written
    ``caf\\xe9.txt``, so that its record can still be written (JSON, Arrow)."""
    if source.path.isascii() and (source.member is None or source.member.isascii()):
        return source  # the usual case, at the cost of two checks
    return Source(
        _safe(source.path), None if source.member is None else _safe(source.member), source.line
    )


def _safe(name: str) -> str:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def encode_record(record: Record) -> bytes:
    """One record as one line of JSON (without the newline)."""
    source = _source_dict(record.source)
    if record.article is None:
        error = record.error
        assert error is not None  # a record holds an article or an error
        fields: dict[str, Any] = {"code": error.code, "message": error.message}
        fields |= {"lineno": error.lineno, "colno": error.colno}
        return _ENCODER.encode({"source": source, "error": fields})
    extra = {
        "source": source,
        "content_hash": record.content_hash,
        "diagnostics": [_diagnostic_dict(d) for d in record.diagnostics],
        "error": None,
    }
    # Splicing the two objects' bytes (the article's closing brace off, the
    # extra keys' opening brace off) costs a copy, where building one dict
    # would cost a decode and an encode of the whole article.
    return to_json(record.article)[:-1] + b"," + _ENCODER.encode(extra)[1:]


def decode_record(line: bytes | str, fallback: Source) -> Record:
    """A record from one JSON line: a record line keeps the source it names; an
    article document without one (plain newsdoc JSON) gets ``fallback``.

    Raises `JSONError` when the line is not JSON, not an object, or not a valid
    article or record.
    """
    try:
        document = msgspec.json.decode(line)
    except msgspec.DecodeError as error:
        raise JSONError([("", f"not JSON: {error}")]) from None
    if not isinstance(document, dict):
        raise JSONError([("", f"expected a JSON object, got {type(document).__name__}")])
    source = _source(document.get("source"), fallback)
    failure = document.get("error")
    if failure is not None:
        return Record(source, error=_error(failure))
    article = from_dict(document)
    diagnostics = _diagnostics(document.get("diagnostics", []))
    if diagnostics:
        # The article just decoded is this function's own: it takes the diagnostics
        # of its reading back, so that ``article.diagnostics`` and ``article.errors``
        # say what they said where it was read (a worker, an earlier run).  Its
        # source map, which needs the input text, does not travel.
        set_parse_info(article, ParseInfo(diagnostics))
    hashed = document.get("content_hash")
    if not isinstance(hashed, str):
        hashed = content_hash(article)
    return Record(source, article, diagnostics, None, hashed)


def _source(data: object, fallback: Source) -> Source:
    if data is None:
        return fallback
    if not isinstance(data, dict) or not isinstance(data.get("path"), str):
        raise JSONError([("source", "expected an object with a path (str)")])
    member, line = data.get("member"), data.get("line")
    if not (member is None or isinstance(member, str)):
        raise JSONError([("source.member", "expected str or null")])
    if not (line is None or (type(line) is int and line >= 1)):
        raise JSONError([("source.line", "expected an int of 1 or more, or null")])
    return Source(data["path"], member, line)


def _error(data: object) -> RecordError:
    if not isinstance(data, dict):
        raise JSONError([("error", "expected an object or null")])
    code, message = data.get("code"), data.get("message")
    if not isinstance(code, str) or not isinstance(message, str):
        raise JSONError([("error", "expected a code and a message (str)")])
    lineno, colno = data.get("lineno"), data.get("colno")
    for name, value in (("lineno", lineno), ("colno", colno)):
        if not (value is None or type(value) is int):
            raise JSONError([(f"error.{name}", "expected int or null")])
    return RecordError(code, message, lineno, colno)


def _diagnostics(data: object) -> tuple[Diagnostic, ...]:
    if not isinstance(data, list):
        raise JSONError([("diagnostics", "expected a list")])
    found = []
    for index, item in enumerate(data):
        try:
            found.append(Diagnostic(**item))
        except (TypeError, ValueError) as error:
            raise JSONError([(f"diagnostics[{index}]", str(error))]) from None
    return tuple(found)
