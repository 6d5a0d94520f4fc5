"""Article <-> JSON, through one dedicated cattrs converter.

Decisions, each visible in the JSON (``docs/json.md`` has the full format):

- ``schema_version`` (an int, now ``2``) leads every object; an unknown or
  missing version is an error, never a guess.  Documents of version 1 (spans
  into the body, ``dates``, ``Quote.speaker`` and ``Quote.entity``) still
  read, into the current shape (see `upgrade_v1`).
- Every field is always written (empty lists and ``null`` included), so every
  article has the same keys and tabular tools see one schema.  Reading
  requires the fields without a default (``headline``; a span's ``start``,
  ``end`` and ``text``; an entity's ``kind`` and ``name`` ...) and ignores keys
  it does not know.
- Dates are ISO 8601 strings: ``"2023-07-09"`` for a day,
  ``"2023-07-09T14:30:00+05:00"`` for a moment (the offset is kept, never
  converted).  A 10-character value is a day, a longer one a moment.
- Enums are written as their values (``"person"``, ``"year"``).
- Diagnostics and the source map describe one parse of one file, not the
  article: they are not written.
- Reading is strict about types: every problem is reported at once in one
  `JSONError`, each with its path (``paragraphs[3]: expected str, got
  int``).

Speed: the converter is cattrs' msgspec converter, so the attrs classes are
encoded by msgspec in C.  Decoding takes msgspec's typed C path straight into
the attrs classes; when that path rejects a document (or meets a date-time,
which it cannot tell from a date), the document goes through cattrs, which
either builds the article or lists every problem with its path.  Both paths
accept the same documents; the tests hold them to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Final

import msgspec
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override
from cattrs.preconf.msgspec import make_converter

from newsdoc._model import (
    EMPTY_METADATA,
    Article,
    DatePrecision,
    EntityKind,
    Metadata,
    argument_error,
    line_break_problem,
)

__all__ = [
    "READABLE_VERSIONS",
    "SCHEMA_VERSION",
    "JSONError",
    "from_dict",
    "from_json",
    "to_dict",
    "to_json",
    "upgrade_v1",
]

#: The version of the JSON format this newsdoc writes (it reads this one and 1).
SCHEMA_VERSION: Final = 2
#: The versions `from_json` reads.
READABLE_VERSIONS: Final = (1, 2)

_PREFIX: Final = b'{"schema_version":%d,' % SCHEMA_VERSION
_PREFIX_TEXT: Final = _PREFIX.decode()
# The opening of a document of this version, however it is spaced.
_VERSION_OPENING = re.compile(rb'\s*\{\s*"schema_version"\s*:\s*%d\s*,' % SCHEMA_VERSION)


class JSONError(ValueError):
    """A JSON document is not a valid newsdoc article.

    ``errors`` lists every problem as ``(path, message)``; ``str(err)`` shows
    them one per line, as ``paragraphs[3]: expected str, got int``.
    """

    errors: tuple[tuple[str, str], ...]

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        self.errors = tuple(errors)
        lines = [f"{path}: {message}" if path else message for path, message in errors]
        noun = "problem" if len(lines) == 1 else "problems"
        super().__init__(f"Invalid newsdoc JSON ({len(lines)} {noun}):\n  " + "\n  ".join(lines))

    def __reduce__(self) -> tuple[type[JSONError], tuple[list[tuple[str, str]]]]:
        return (type(self), (list(self.errors),))


class _Invalid(TypeError):
    """A leaf failure raised by our hooks; its message is shown as is."""


def _type_name(value: object) -> str:
    return "null" if value is None else type(value).__name__


def _expect_str(value: object, _: object = None) -> str:
    if type(value) is str:
        return value
    raise _Invalid(f"expected str, got {_type_name(value)}")


def _expect_int(value: object, _: object = None) -> int:
    if type(value) is int:
        return value
    raise _Invalid(f"expected int, got {_type_name(value)}")


def _str_tuple(value: object, _: object = None) -> tuple[str, ...]:
    return _lines_tuple(value, lines=False)


def _paragraphs(value: object, _: object = None) -> tuple[str, ...]:
    return _lines_tuple(value, lines=True)


def _lines_tuple(value: object, lines: bool) -> tuple[str, ...]:
    """A list of str as a tuple; with ``lines``, each must be one line (as paragraphs are)."""
    if type(value) is not list:
        raise _Invalid(f"expected a list of str, got {_type_name(value)}")
    errors: list[Exception] = []
    for index, item in enumerate(value):
        if type(item) is not str:
            problem: str | None = f"expected str, got {_type_name(item)}"
        else:
            problem = line_break_problem(item) if lines else None
        if problem is not None:
            error = _Invalid(problem)
            error.__notes__ = [IterableValidationNote(f"@ index {index}", index, str)]
            errors.append(error)
    if errors:
        raise IterableValidationError("invalid items", errors, tuple)
    return tuple(value)


def _headline(value: object, _: object = None) -> str:
    headline = _expect_str(value)
    problem = line_break_problem(headline)
    if problem is not None:
        raise _Invalid(problem)
    return headline


def _enum_member(value: object, type_: type[EntityKind | DatePrecision]) -> object:
    if type(value) is str:
        try:
            return type_(value)
        except ValueError:
            pass
    # The message the fast path's fallback has always given; docs/json.md lists it.
    raise _Invalid(f"{value!r} is not a valid value")


def _date_value(value: object, _: object = None) -> dt.date | None:
    if value is None:
        return None
    if type(value) is not str:
        raise _Invalid(f"expected an ISO 8601 date string, got {_type_name(value)}")
    # Only the two forms to_json writes: YYYY-MM-DD, and a date-time with a "T".
    try:
        if len(value) == 10 and value[4] == value[7] == "-":
            return dt.date.fromisoformat(value)
        if len(value) > 10 and value[10] == "T" and value[4] == value[7] == "-":
            return dt.datetime.fromisoformat(value)
    except ValueError:
        pass
    raise _Invalid(f"invalid ISO 8601 date {value!r}")


def _metadata(value: object, _: object = None) -> Metadata:
    if type(value) is dict and all(map(str.__instancecheck__, value.values())):
        return Metadata._adopt(value) if value else EMPTY_METADATA
    if type(value) is not dict:
        raise _Invalid(f"expected an object of strings, got {_type_name(value)}")
    for key, item in value.items():
        if type(item) is not str:
            raise _Invalid(f"[{key!r}]: expected str, got {_type_name(item)}")
    return Metadata(value)


def _encode_hook(value: object) -> object:
    if isinstance(value, Metadata):
        return value._data  # read, never changed, by the encoder
    raise NotImplementedError(f"newsdoc cannot encode {type(value).__name__}")


def _decode_hook(type_: type, value: object) -> object:
    if type_ is Metadata:
        return _metadata(value)
    raise NotImplementedError(f"newsdoc cannot decode {type_!r}")


_CONVERTER: Final = make_converter(detailed_validation=True)
_CONVERTER.register_structure_hook(str, _expect_str)
_CONVERTER.register_structure_hook(int, _expect_int)
_CONVERTER.register_structure_hook_func(lambda t: t == tuple[str, ...], _str_tuple)
_CONVERTER.register_structure_hook(Metadata, _metadata)
# The enums are str subclasses: without their own hook, the str hook would take them.
_CONVERTER.register_structure_hook(EntityKind, _enum_member)
_CONVERTER.register_structure_hook(DatePrecision, _enum_member)
_CONVERTER.register_structure_hook_func(lambda t: t == dt.date | None, _date_value)
_CONVERTER.encoder = msgspec.json.Encoder(enc_hook=_encode_hook)
_CONVERTER.register_structure_hook(
    Article,
    make_dict_structure_fn(
        Article,
        _CONVERTER,
        _parse_info=override(omit=True),
        headline=override(struct_hook=_headline),
        paragraphs=override(struct_hook=_paragraphs),
    ),
)
_structure_article: Final = _CONVERTER.get_structure_hook(Article)
_fast_decoder: Final = msgspec.json.Decoder(Article, dec_hook=_decode_hook)


def to_dict(article: Article, /) -> dict[str, Any]:
    """The article as plain JSON data (``dict``, ``list``, ``str``, ``int``, ``None``)."""
    if not isinstance(article, Article):
        raise argument_error("to_dict", "", "an Article", article) from None
    # Exactly what to_json writes, as Python data.
    document: dict[str, Any] = msgspec.json.decode(to_json(article))
    return document


def to_json(article: Article, /) -> bytes:
    """The article as compact UTF-8 JSON bytes (as msgspec and orjson give).

    ``to_json(a).decode()`` is the same document as a ``str``.
    """
    if not isinstance(article, Article):
        raise argument_error("to_json", "", "an Article", article) from None
    # The encoder writes the article's own fields; the version key goes first.
    return _PREFIX + _CONVERTER.encoder.encode(article)[1:]


def from_dict(data: Mapping[str, Any], /) -> Article:
    """An `Article` from data shaped like `to_dict`'s output.

    Raises `JSONError` listing every problem with its path; data that is not
    a JSON object (a list, a number) is one of them.  JSON text (``str`` or
    ``bytes``) raises `TypeError`: `from_json` reads it.
    """
    if isinstance(data, str | bytes | bytearray | memoryview):
        hint = "for JSON text, use from_json()"
        raise argument_error("from_dict", "", "decoded JSON data (a dict)", data, hint) from None
    return _from_document(data)


def _from_document(data: object) -> Article:
    """The article in a decoded JSON document, or `JSONError`."""
    if not isinstance(data, Mapping):
        raise JSONError([("", f"expected a JSON object, got {_type_name(data)}")]) from None
    if _check_version(data) == 1:
        try:
            return _structure(upgrade_v1(data))
        except JSONError as error:
            # Named as the version-1 document names them (its offsets, though, are
            # read from the start of the whole text, as the message says).
            raise JSONError([(_v1_path(path), message) for path, message in error.errors]) from None
    return _structure(data)


def _structure(data: Mapping[str, Any]) -> Article:
    try:
        return _structure_article(data, Article)  # type: ignore[no-any-return]
    except (BaseValidationError, _Invalid) as error:
        raise JSONError(_flatten(error, "")) from None
    except (TypeError, ValueError) as error:
        # A model invariant (a span off the text, say), checked by the model,
        # whose message starts with the path it concerns.
        path, _, message = str(error).partition(": ")
        raise JSONError([(path, message)] if message else [("", path)]) from None


_V1_PATHS: Final = (
    ("date_mentions", "dates"),
    (".speaker_mention", ".speaker"),
    (".speaker_index", ".entity"),
)


def _v1_path(path: str) -> str:
    """A path of the current shape, as a version-1 document spells it."""
    for new, old in _V1_PATHS:
        path = path.replace(new, old)
    return path


def from_json(data: str | bytes, /) -> Article:
    """An `Article` from a JSON document written by `to_json`."""
    if type(data) is bytes:
        fast = data.startswith(_PREFIX) or _VERSION_OPENING.match(data[:64]) is not None
    elif isinstance(data, str):
        fast = (
            data.startswith(_PREFIX_TEXT)
            or _VERSION_OPENING.match(data[:64].encode("utf-8", "replace")) is not None
        )
    elif isinstance(data, bytes | bytearray | memoryview):
        fast = _VERSION_OPENING.match(bytes(data[:64])) is not None
    else:
        hint = "for decoded JSON data, use from_dict()" if isinstance(data, Mapping) else ""
        raise argument_error("from_json", "", "str or bytes (JSON text)", data, hint) from None
    if fast:
        try:
            return _fast_decoder.decode(data)
        except (msgspec.ValidationError, msgspec.DecodeError, TypeError, ValueError):
            pass  # cattrs below either builds the article or says what is wrong
    try:
        document = msgspec.json.decode(data)
    except msgspec.DecodeError as error:
        raise JSONError([("", f"not JSON: {error}")]) from None
    return _from_document(document)


def _check_version(data: Mapping[str, Any]) -> int:
    if "schema_version" not in data:
        raise JSONError([("schema_version", "missing")]) from None
    version = data["schema_version"]
    if type(version) is not int or version not in READABLE_VERSIONS:
        readable = " and ".join(map(str, READABLE_VERSIONS))
        message = f"unsupported version {version!r} (this newsdoc reads {readable})"
        raise JSONError([("schema_version", message)]) from None
    return version


# Version 1 -> 2: the keys renamed, and where spans were counted from.
_V1_ARTICLE_KEYS: Final = {"dates": "date_mentions"}
_V1_QUOTE_KEYS: Final = {"speaker": "speaker_mention", "entity": "speaker_index"}


def upgrade_v1(data: Mapping[str, Any]) -> dict[str, Any]:
    """A version-1 document in the shape of the current version.

    Version 1 counted every span from the start of the body; version 2 counts
    from the start of the whole text (headline, captions, credits, body), so
    each span moves by where the body starts.  ``dates`` became
    ``date_mentions``, and a quote's ``speaker`` and ``entity`` became
    ``speaker_mention`` and ``speaker_index``.  A value of the wrong type is
    left as it is, for the reader to report at its path.
    """
    document = {_V1_ARTICLE_KEYS.get(key, key): value for key, value in data.items()}
    document["schema_version"] = SCHEMA_VERSION
    quotes = document.get("quotes")
    if type(quotes) is list:
        document["quotes"] = [
            {_V1_QUOTE_KEYS.get(k, k): v for k, v in q.items()} if type(q) is dict else q
            for q in quotes
        ]
    shift = _v1_body_start(document)
    if shift:
        for span in _v2_spans(document):
            for key in ("start", "end"):
                if type(span.get(key)) is int:
                    span[key] += shift
    return document


def _v1_body_start(document: Mapping[str, Any]) -> int:
    """Where the body starts in the whole text, from the headline and images (0 if
    they are not of the right types: the reader then reports them)."""
    headline, images = document.get("headline"), document.get("images", [])
    if type(headline) is not str or type(images) is not list:
        return 0
    start = len(headline) + 2
    for image in images:
        if type(image) is not dict or type(image.get("caption")) is not str:
            return 0
        credit = image.get("credit")
        start += len(image["caption"]) + 2
        if type(credit) is str:
            start += len(credit) + 2
    return start


# Where a document holds spans: by list of results, each field holding a span (False)
# or a list of spans (True).
_SPAN_FIELDS: Final = {
    "entities": {"mentions": True},
    "quotes": {"spans": True, "speaker_mention": False, "cue": False},
    "date_mentions": {"span": False},
}


def _v2_spans(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The span objects of a document (copied, so that the caller's stay as they were)."""
    found: list[dict[str, Any]] = []

    def copied(value: object) -> object:
        if type(value) is not dict:
            return value
        span = dict(value)
        found.append(span)
        return span

    for key, fields in _SPAN_FIELDS.items():
        items = document.get(key)
        if type(items) is not list:
            continue
        results = []
        for item in items:
            if type(item) is dict:
                item = dict(item)
                for field, many in fields.items():
                    value = item.get(field)
                    if many and type(value) is list:
                        item[field] = [copied(span) for span in value]
                    elif not many and field in item:
                        item[field] = copied(value)
            results.append(item)
        document[key] = results
    return found


def _join(path: str, note: object) -> str:
    if isinstance(note, AttributeValidationNote):
        return f"{path}.{note.name}" if path else note.name
    if isinstance(note, IterableValidationNote):
        return f"{path}[{note.index}]"
    return path


def _flatten(error: BaseException, path: str) -> list[tuple[str, str]]:
    """Each leaf failure under ``error``, with its path from the article."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[tuple[str, str]] = []
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            found.extend(_flatten(sub, _join(path, note)))
        for sub in without:
            found.extend(_flatten(sub, path))
        return found
    if isinstance(error, KeyError):
        return [(path, "missing")]
    message = str(error)
    if isinstance(error, _Invalid) and message.startswith("["):
        key, _, rest = message.partition("]: ")
        return [(f"{path}{key}]", rest)]
    if isinstance(error, ValueError) and " is not a valid " in message:
        return [(path, message.split(" is not a valid ")[0] + " is not a valid value")]
    field = _FIELD_PREFIX.match(message) if isinstance(error, ValueError) else None
    if field is not None:
        # A class's own check names the field it concerns: "caption: holds a line break".
        return [(f"{path}.{field[1]}" if path else field[1], message[field.end() :])]
    return [(path, message)]


_FIELD_PREFIX: Final = re.compile(r"([a-z_]+(?:\[\d+\])*(?:\.[a-z_]+(?:\[\d+\])*)*): ")
