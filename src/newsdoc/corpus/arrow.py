"""Records and articles as Arrow tables and Parquet files (the extra ``arrow``).

`SCHEMA` is one row per `Record`: where it came from (``source``), the error
that gave no article (``error``, null for an article), the diagnostics and
content hash, and the article's own fields as top-level columns, nested as in
its JSON document (``docs/json.md``): lists of structs for images, entities,
quotes and date mentions, a map for the metadata.  `ARTICLE_SCHEMA` is the
article columns alone.  Reading a table back gives records and articles equal
to the ones written: dates (ISO 8601 strings, offsets kept), metadata order,
diagnostics, sources and errors included.

`ParquetWriter` streams records into a Parquet file one row group at a time,
atomically like `newsdoc.corpus.JsonlWriter`; `read_parquet` reads one back
row group by row group.

``docs/corpus.md`` shows the schema and reads the files from DuckDB, Polars,
pandas and Spark.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, count, islice, starmap
from operator import attrgetter
from typing import Any, Final

import msgspec

from newsdoc._model import (
    Article,
    DateMention,
    DatePrecision,
    Diagnostic,
    Entity,
    EntityKind,
    Image,
    Mention,
    Metadata,
    Quote,
    Span,
    describe,
    is_int,
)
from newsdoc.corpus._atomic import AtomicFile, OutputError, WholeOrNothing
from newsdoc.corpus._records import Record, RecordError, Source, content_hash, safe_source

try:
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]
except ImportError as error:  # pragma: no cover - the tests run with pyarrow
    raise ImportError(
        'newsdoc.corpus.arrow needs pyarrow, which the extra "arrow" installs: '
        'pip install "newsdoc[arrow]"'
    ) from error

__all__ = [
    "ARROW_SCHEMA_VERSION",
    "ARTICLE_SCHEMA",
    "SCHEMA",
    "ParquetWriter",
    "articles_to_table",
    "read_parquet",
    "records_to_batch",
    "records_to_table",
    "table_to_articles",
    "table_to_records",
    "write_parquet",
]

#: The version of the column layout, kept in the schema's metadata under
#: ``newsdoc.arrow_schema_version``: it changes when a column changes its type
#: or its meaning (a new column alone does not change it).
ARROW_SCHEMA_VERSION: Final = 1
_VERSION_KEY: Final = b"newsdoc.arrow_schema_version"

# -- The schema -------------------------------------------------------------

# A string field holding an ISO 8601 date or date-time, as the JSON format
# writes it: marked in the field's metadata, where both directions look.
_FORMAT_KEY: Final = b"format"
_ISO_8601: Final = b"ISO 8601 date or date-time"

_STRING: Final = pa.string()
_INT: Final = pa.int64()


def _field(name: str, type_: Any, about: str = "", *, required: bool = False) -> Any:
    """A field, nullable unless ``required``, described by ``about``."""
    metadata = {"description": about} if about else None
    return pa.field(name, type_, nullable=not required, metadata=metadata)


def _date_field(name: str, about: str) -> Any:
    """A string field of ISO 8601 dates (``2023-07-09``, ``2023-07-09T14:30:00+05:00``)."""
    metadata = {b"description": about.encode(), _FORMAT_KEY: _ISO_8601}
    return pa.field(name, _STRING, metadata=metadata)


def _list_of(item: Any) -> Any:
    """A list whose items are never null (``element``, the name Parquet gives them)."""
    return pa.list_(pa.field("element", item, nullable=False))


def _span_fields() -> list[Any]:
    return [
        _field("start", _INT, "offset in Article.text, in code points", required=True),
        _field("end", _INT, "offset in Article.text, exclusive", required=True),
        _field("text", _STRING, "Article.text[start:end]", required=True),
    ]


SPAN: Final = pa.struct(_span_fields())
MENTION: Final = pa.struct(
    [
        *_span_fields(),
        _field("title", SPAN, "the title written before the name (General)"),
        _field("kind", _STRING, "the kind in this mention, where it differs"),
    ]
)
ENTITY: Final = pa.struct(
    [
        _field("kind", _STRING, "person, organization, place, ...", required=True),
        _field("name", _STRING, "the canonical name", required=True),
        _field("aliases", _list_of(_STRING), required=True),
        _field("title", _STRING),
        _field("mentions", _list_of(MENTION), required=True),
    ]
)
QUOTE: Final = pa.struct(
    [
        _field("text", _STRING, "the quoted words, without quote marks", required=True),
        _field("spans", _list_of(SPAN), required=True),
        _field("speaker_mention", SPAN),
        _field("cue", SPAN),
        _field("speaker_index", pa.int32(), "the speaker's index in entities"),
    ]
)
DATE_MENTION: Final = pa.struct(
    [
        _field("span", SPAN, required=True),
        _date_field("value", "the first day of the period named"),
        _field("precision", _STRING, "year, month, week, day or time"),
    ]
)
IMAGE: Final = pa.struct(
    [_field("caption", _STRING, required=True), _field("credit", _STRING, "Reuters/File")]
)
DIAGNOSTIC: Final = pa.struct(
    [
        _field("code", _STRING, required=True),
        _field("message", _STRING, required=True),
        _field("severity", _STRING, "error or warning", required=True),
        _field("pos", _INT, "offset in the decoded input", required=True),
        _field("lineno", _INT, required=True),
        _field("colno", _INT, required=True),
    ]
)
SOURCE: Final = pa.struct(
    [
        _field("path", _STRING, "file, URL or <stdin>", required=True),
        _field("member", _STRING, "the member of an archive"),
        _field("line", _INT, "the line of a JSON Lines file"),
    ]
)
ERROR: Final = pa.struct(
    [
        _field("code", _STRING, required=True),
        _field("message", _STRING, required=True),
        _field("lineno", _INT),
        _field("colno", _INT),
    ]
)

#: The article's columns, in order (``day`` is derived from ``date``).
ARTICLE_FIELDS: Final = (
    _field("id", _STRING, "the id from the file name"),
    _date_field("date", "the article date as the JSON format writes it"),
    _field("day", pa.date32(), "the calendar day of date, as written (no time zone change)"),
    _field("headline", _STRING, "the headline; null when the row holds an error"),
    _field("paragraphs", _list_of(_STRING), "the body, one string per paragraph"),
    _field("images", _list_of(IMAGE), "photo captions and credits"),
    _field("metadata", pa.map_(_STRING, _STRING), "other header fields, in the order read"),
    _field("entities", _list_of(ENTITY), "named entities and their mentions"),
    _field("quotes", _list_of(QUOTE), "direct quotations and their speakers"),
    _field("date_mentions", _list_of(DATE_MENTION), "temporal expressions"),
)

#: The record's own columns, before the article's.
RECORD_FIELDS: Final = (
    _field("source", SOURCE, "where the record came from", required=True),
    _field("content_hash", _STRING, "newsdoc.corpus.content_hash of the article"),
    _field("error", ERROR, "why the input gave no article; null for an article"),
    _field("diagnostics", _list_of(DIAGNOSTIC), "what reading the article found"),
)

_SCHEMA_METADATA: Final = {_VERSION_KEY: str(ARROW_SCHEMA_VERSION).encode()}

#: One row per `Record`: the record's columns, then the article's.
SCHEMA: Final = pa.schema([*RECORD_FIELDS, *ARTICLE_FIELDS], metadata=_SCHEMA_METADATA)
#: One row per `Article`: the article's columns of `SCHEMA`.
ARTICLE_SCHEMA: Final = pa.schema(ARTICLE_FIELDS, metadata=_SCHEMA_METADATA)

# The columns read back (``day`` is derived from ``date``).
_READ_ARTICLE_FIELDS: Final = tuple(field for field in ARTICLE_FIELDS if field.name != "day")
_ARTICLE_NAMES: Final = tuple(field.name for field in _READ_ARTICLE_FIELDS)
_READ_RECORD_FIELDS: Final = (*RECORD_FIELDS, *_READ_ARTICLE_FIELDS)
_FIELD_OF: Final = {field.name: field for field in _READ_RECORD_FIELDS}
#: The columns a table of records must have.
_REQUIRED: Final = ("source", "headline")

# -- Objects to arrays ------------------------------------------------------
#
# Each column is built from flat Python lists of the model's own objects: a
# struct array from one list per field (``map(attrgetter(name), objects)``,
# a loop in C), a list array from the concatenated items and their offsets.
# No dict or tuple is made per span or mention, which is where the time goes
# otherwise: 2,000 BBC articles (15 entities and 5 quotes each, fresh from
# reading) take 0.13 s here, 0.24 s as ``pa.array`` of a tuple per struct,
# and 0.32 s as ``pa.RecordBatch.from_pylist`` of a dict per row.


def _names(kind: Any) -> Iterator[str]:
    """The name of every field of a type, nested ones included."""
    if pa.types.is_struct(kind):
        for field in kind:
            yield field.name
            yield from _names(field.type)
    elif pa.types.is_list(kind):
        yield from _names(kind.value_type)


#: Stands in for a missing object (a null struct): each field is ``None``, as a
#: class attribute, which ``attrgetter`` reads at C speed where a
#: ``__getattr__`` method would cost a Python call (most mentions have no title).
_ABSENT: Final = type("_Absent", (), dict.fromkeys(_names(pa.struct(list(SCHEMA)))))()


def _is_date(field: Any) -> bool:
    metadata = field.metadata
    return metadata is not None and metadata.get(_FORMAT_KEY) == _ISO_8601


def _iso(value: dt.date) -> str:
    """The ISO 8601 spelling the JSON format writes (``Z`` for UTC)."""
    return msgspec.json.encode(value)[1:-1].decode()


def _day(value: dt.date | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def _mask(values: list[Any]) -> tuple[list[Any], Any]:
    """``values`` with ``None`` replaced by the stand-in, and the null mask (if any)."""
    nulls = [value is None for value in values]
    if True not in nulls:
        return values, None
    return [_ABSENT if value is None else value for value in values], pa.array(nulls)


def _fill_required(array: Any, field: Any) -> Any:
    """A required field's array with an empty value under each null parent: Parquet
    refuses a null in a required field even there (our required nested fields
    are strings and integers)."""
    if field.nullable or array.null_count == 0:
        return array
    return array.fill_null("" if pa.types.is_string(field.type) else 0)


def _encode(values: list[Any], field: Any) -> Any:
    """The Arrow array of ``values`` (objects of the model, or ``None``) for ``field``."""
    kind = field.type
    if pa.types.is_struct(kind):
        present, mask = _mask(values)
        children = [_encode(list(map(attrgetter(f.name), present)), f) for f in kind]
        if mask is not None:
            children = [_fill_required(child, f) for child, f in zip(children, kind, strict=True)]
        return pa.StructArray.from_arrays(children, fields=list(kind), mask=mask)
    if pa.types.is_list(kind):
        present, mask = _mask(values)
        if mask is not None:
            present = [() if value is _ABSENT else value for value in present]
        offsets = pa.array([0, *accumulate(map(len, present))], pa.int32())
        items = _encode(list(chain.from_iterable(present)), kind.value_field)
        return pa.ListArray.from_arrays(offsets, items, type=kind, mask=mask)
    if pa.types.is_map(kind):
        return pa.array([None if v is None else v.to_dict() for v in values], kind)
    if _is_date(field):
        values = [None if value is None else _iso(value) for value in values]
    return pa.array(values, kind)


def _article_columns(articles: list[Article | None]) -> dict[str, list[Any]]:
    """The values of each article column (``None`` for a missing article)."""
    present = [_ABSENT if article is None else article for article in articles]
    columns = {f.name: list(map(attrgetter(f.name), present)) for f in _READ_ARTICLE_FIELDS}
    columns["day"] = list(map(_day, columns["date"]))
    return columns


def _batch(columns: dict[str, list[Any]], schema: Any) -> Any:
    arrays = [_encode(columns[field.name], field) for field in schema]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def records_to_batch(records: Sequence[Record]) -> Any:
    """One `pyarrow.RecordBatch` of `SCHEMA` holding the records, in order.

    A record without an article has its ``source`` and ``error`` set and every
    other column null.  (A module-level function: worker processes run it, and
    the batch pickles.)
    """
    articles = [record.article for record in records]
    columns = _article_columns(articles)
    columns["source"] = [safe_source(record.source) for record in records]
    columns["content_hash"] = [record.content_hash for record in records]
    columns["error"] = [record.error for record in records]
    columns["diagnostics"] = [
        None if record.article is None else record.diagnostics for record in records
    ]
    return _batch(columns, SCHEMA)


#: Rows converted at a time by the functions that take any iterable.
_CHUNK: Final = 2_000


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def records_to_table(records: Iterable[Record]) -> Any:
    """A `pyarrow.Table` of `SCHEMA` holding the records, in order."""
    batches = [records_to_batch(chunk) for chunk in _chunks(records, _CHUNK)]
    return pa.Table.from_batches(batches, schema=SCHEMA)


def articles_to_table(articles: Iterable[Article]) -> Any:
    """A `pyarrow.Table` of `ARTICLE_SCHEMA`: one row per article, in order."""
    batches = []
    for number, chunk in enumerate(_chunks(articles, _CHUNK)):
        for index, article in enumerate(chunk, number * _CHUNK):
            if not isinstance(article, Article):
                raise TypeError(f"articles[{index}]: expected an Article, got {describe(article)}")
        batches.append(_batch(_article_columns(chunk), ARTICLE_SCHEMA))
    return pa.Table.from_batches(batches, schema=ARTICLE_SCHEMA)


# -- Arrays to objects ------------------------------------------------------
#
# The mirror image: one ``to_pylist`` per leaf column (a loop in C), then the
# model's classes, whose converters check every value, built from those lists.


def _parse_iso(text: str) -> dt.date:
    """A date (10 characters) or a date-time (with its offset, if any)."""
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text)


def _decode(array: Any, field: Any) -> list[Any]:
    """The values of ``array``, a column of ``field``: the model's objects for
    structs, tuples for lists, `Metadata` for maps, ``None`` for nulls."""
    kind = field.type
    if pa.types.is_struct(kind):
        return _decode_struct(array, kind)
    if pa.types.is_list(kind):
        return _decode_list(array, kind)
    if pa.types.is_map(kind):
        return [None if pairs is None else Metadata(pairs) for pairs in array.to_pylist()]
    values: list[Any] = array.to_pylist()
    if _is_date(field):
        return [None if text is None else _parse_iso(text) for text in values]
    return values


# Each struct type reads back as one class of the model, built from the values
# of its fields in the schema's order.  The enum fields get their members here,
# by a dict lookup: the classes' converters would call the enum for each value.
_KINDS: Final[dict[str, EntityKind]] = {kind.value: kind for kind in EntityKind}
_PRECISIONS: Final[dict[str, DatePrecision]] = {p.value: p for p in DatePrecision}


def _member(members: dict[str, Any], value: Any) -> Any:
    """The enum member of value ``value``; ``value`` itself if none (for the class to refuse)."""
    return members.get(value, value)


_BUILDERS: Final[dict[Any, Callable[..., Any]]] = {
    SPAN: lambda start, end, text: Span(start=start, end=end, text=text),
    MENTION: lambda start, end, text, title, kind: Mention(
        start=start, end=end, text=text, title=title, kind=_member(_KINDS, kind)
    ),
    ENTITY: lambda kind, name, aliases, title, mentions: Entity(
        kind=_member(_KINDS, kind), name=name, aliases=aliases, title=title, mentions=mentions
    ),
    QUOTE: lambda text, spans, speaker_mention, cue, speaker_index: Quote(
        text=text,
        spans=spans,
        speaker_mention=speaker_mention,
        cue=cue,
        speaker_index=speaker_index,
    ),
    DATE_MENTION: lambda span, value, precision: DateMention(
        span=span, value=value, precision=_member(_PRECISIONS, precision)
    ),
    IMAGE: lambda caption, credit: Image(caption=caption, credit=credit),
    DIAGNOSTIC: lambda code, message, severity, pos, lineno, colno: Diagnostic(
        code=code, message=message, severity=severity, pos=pos, lineno=lineno, colno=colno
    ),
    SOURCE: Source,
    ERROR: RecordError,
}


def _decode_struct(array: Any, kind: Any) -> list[Any]:
    build = _BUILDERS[kind]
    columns = [_decode(child, field) for child, field in zip(array.flatten(), kind, strict=True)]
    if array.null_count == 0:
        return list(starmap(build, zip(*columns, strict=True)))
    valid = array.is_valid().to_pylist()
    rows = zip(valid, *columns, strict=True)
    return [build(*row) if ok else None for ok, *row in rows]


def _decode_list(array: Any, kind: Any) -> list[Any]:
    items = _decode(array.flatten(), kind.value_field)
    groups: list[tuple[Any, ...] | None] = []
    start = 0
    for length in array.value_lengths().to_pylist():
        if length is None:
            groups.append(None)
        else:
            groups.append(tuple(items[start : start + length]))
            start += length
    return groups


def _decode_column(array: Any, field: Any, first_row: int) -> list[Any]:
    """`_decode`, its errors naming the column and the row."""
    try:
        return _decode(array, field)
    except (TypeError, ValueError) as error:
        where = f"column {field.name!r}"
        for index in range(len(array)):
            try:
                _decode(array.slice(index, 1), field)
            except (TypeError, ValueError):
                where = f"row {first_row + index}, {where}"
                break
        raise ValueError(f"{where}: {error}") from None


# -- Tables in --------------------------------------------------------------


def _mismatch(actual: Any, expected: Any, path: str) -> str | None:
    """Where and how ``actual`` differs from ``expected`` beyond what a cast
    repairs (string and integer widths, large lists, nullability), if it does."""
    if pa.types.is_null(actual):
        return None
    checks = (
        (pa.types.is_string, (pa.types.is_string, pa.types.is_large_string, _is_string_view)),
        (pa.types.is_integer, (pa.types.is_integer,)),
        (pa.types.is_date32, (pa.types.is_date,)),
        (pa.types.is_map, (pa.types.is_map,)),
        (pa.types.is_list, (pa.types.is_list, pa.types.is_large_list)),
        (pa.types.is_struct, (pa.types.is_struct,)),
    )
    accepted = next(tests for test, tests in checks if test(expected))
    if not any(test(actual) for test in accepted):
        return f"{path}: expected {expected}, got {actual}"
    return _nested_mismatch(actual, expected, path)


def _is_string_view(kind: Any) -> bool:
    return bool(getattr(pa.types, "is_string_view", lambda _: False)(kind))


def _nested_mismatch(actual: Any, expected: Any, path: str) -> str | None:
    if pa.types.is_map(expected):
        pairs = ((actual.key_type, expected.key_type), (actual.item_type, expected.item_type))
        found = (_mismatch(a, e, path + "[]") for a, e in pairs)
        return next((problem for problem in found if problem), None)
    if pa.types.is_list(expected):
        return _mismatch(actual.value_type, expected.value_type, path + "[]")
    if not pa.types.is_struct(expected):
        return None
    names = [field.name for field in expected]
    if [field.name for field in actual] != names:
        have = ", ".join(field.name for field in actual)
        return f"{path}: expected the fields {', '.join(names)}; got {have}"
    found = (
        _mismatch(a.type, e.type, f"{path}.{e.name}") for a, e in zip(actual, expected, strict=True)
    )
    return next((problem for problem in found if problem), None)


def _column(data: Any, field: Any, required: bool) -> Any:
    """The column ``field`` of ``data`` as its type: a missing column is all null
    unless ``required``; one of another type raises `ValueError`."""
    if field.name not in data.column_names:
        if required:
            raise ValueError(
                f"the table has no column {field.name!r} "
                "(newsdoc.corpus.arrow.SCHEMA lists the columns)"
            )
        return pa.nulls(data.num_rows, field.type)
    column = data.column(field.name)
    if column.type.equals(field.type):
        return column
    problem = _mismatch(column.type, field.type, field.name)
    if problem is None:
        try:
            return column.cast(_nullable(field.type))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as error:
            problem = f"{field.name}: {error}"
    raise ValueError(f"column {field.name!r} cannot be read: {problem}")


def _nullable(kind: Any) -> Any:
    """``kind`` with every nested field nullable.

    Other tools (DuckDB, Polars) make every field nullable, and put nulls in the
    required fields of a null struct, which Arrow refuses to cast to a required
    field.  The columns are cast to this type instead, and read by the schema's
    own: the model's classes refuse a null where it has no place.
    """
    if pa.types.is_struct(kind):
        return pa.struct([f.with_type(_nullable(f.type)).with_nullable(True) for f in kind])
    if pa.types.is_list(kind):
        item = kind.value_field
        return pa.list_(item.with_type(_nullable(item.type)).with_nullable(True))
    return kind


def _conform(data: Any, fields: Sequence[Any], required: Sequence[str]) -> Any:
    """``data`` (a table or a record batch) as a table of ``fields``, each column cast
    to its type (its nested fields nullable, see `_nullable`); a missing column is
    null unless it is ``required``."""
    if isinstance(data, pa.RecordBatch):
        data = pa.Table.from_batches([data])
    elif not isinstance(data, pa.Table):
        raise TypeError(f"expected a pyarrow Table or RecordBatch, got {describe(data)}")
    _check_version(data.schema)
    columns = [_column(data, field, field.name in required) for field in fields]
    return pa.Table.from_arrays(columns, names=[field.name for field in fields])


def _check_version(schema: Any) -> None:
    version = (schema.metadata or {}).get(_VERSION_KEY)
    if version is not None and version != _SCHEMA_METADATA[_VERSION_KEY]:
        raise ValueError(
            f"the table has newsdoc Arrow schema version {version.decode(errors='replace')}; "
            f"this newsdoc reads version {ARROW_SCHEMA_VERSION}"
        )


def _article(row: dict[str, Any]) -> Article:
    """The article of one row's values (a null list is empty)."""
    return Article(
        headline=row["headline"],
        date=row["date"],
        paragraphs=row["paragraphs"] or (),
        images=row["images"] or (),
        metadata=row["metadata"] or (),
        id=row["id"],
        entities=row["entities"] or (),
        quotes=row["quotes"] or (),
        date_mentions=row["date_mentions"] or (),
    )


def _columns(batch: Any, first_row: int) -> dict[str, list[Any]]:
    """The decoded values of each column of a conformed batch."""
    return {
        name: _decode_column(batch.column(name), _FIELD_OF[name], first_row)
        for name in batch.schema.names
    }


def _articles(columns: dict[str, list[Any]], first_row: int) -> list[Article | None]:
    """The article of each row (``None`` where the headline is null)."""
    found: list[Article | None] = []
    for index, values in enumerate(zip(*(columns[name] for name in _ARTICLE_NAMES), strict=True)):
        row = dict(zip(_ARTICLE_NAMES, values, strict=True))
        if row["headline"] is None:
            found.append(None)
            continue
        try:
            found.append(_article(row))
        except (TypeError, ValueError) as error:
            raise ValueError(f"row {first_row + index}: {error}") from None
    return found


def _record(
    row: int,
    source: Source | None,
    error: RecordError | None,
    article: Article | None,
    diagnostics: tuple[Diagnostic, ...] | None,
    hashed: str | None,
) -> Record:
    """The record of one row's values."""
    if source is None:
        raise ValueError(f"row {row}: source is null")
    if error is not None:
        if article is not None:
            raise ValueError(f"row {row}: holds both an error and an article (a headline)")
        return Record(source, error=error)
    if article is None:
        raise ValueError(f"row {row}: holds neither an article (headline is null) nor an error")
    return Record(source, article, diagnostics or (), None, hashed or content_hash(article))


def _records(table: Any, first_row: int = 0) -> Iterator[Record]:
    """The records of a conformed table, its rows numbered from ``first_row``."""
    for batch in table.to_batches(max_chunksize=_CHUNK):
        columns = _columns(batch, first_row)
        articles = _articles(columns, first_row)
        rows = zip(
            count(first_row),
            columns["source"],
            columns["error"],
            articles,
            columns["diagnostics"],
            columns["content_hash"],
        )
        yield from starmap(_record, rows)
        first_row += batch.num_rows


def table_to_records(table: Any) -> Iterator[Record]:
    """The records of a table (or record batch) of `SCHEMA`, in order.

    The exact inverse of `records_to_table`.  Columns of other widths (``large_string``,
    ``int32``, ``large_list`` ...) are cast; a missing column other than ``source``
    and ``headline`` reads as null (a null list as empty, a null ``content_hash``
    as the article's hash).  A missing ``source`` or ``headline``, a column of
    another type, or a value the model refuses raises `ValueError` naming the
    column (and the row); the table is checked before the first record comes.
    """
    return _records(_conform(table, _READ_RECORD_FIELDS, _REQUIRED))


def table_to_articles(table: Any) -> list[Article]:
    """The articles of a table of `ARTICLE_SCHEMA` (or of `SCHEMA`), in order.

    The exact inverse of `articles_to_table`.  In a table of records, the rows
    that hold an error (and no article) are left out.  Columns are read as by
    `table_to_records`; only ``headline`` is required.
    """
    error = _FIELD_OF["error"]
    table = _conform(table, (*_READ_ARTICLE_FIELDS, error), ("headline",))
    found: list[Article] = []
    first_row = 0
    for batch in table.to_batches(max_chunksize=_CHUNK):
        columns = _columns(batch, first_row)
        articles = _articles(columns, first_row)
        for index, (article, failure) in enumerate(
            zip(articles, columns["error"], strict=True), first_row
        ):
            if article is not None:
                found.append(article)
            elif failure is None:
                raise ValueError(f"row {index}: headline is null")
        first_row += batch.num_rows
    return found


# -- Parquet ----------------------------------------------------------------


class _Sink:
    """What pyarrow writes to: an `AtomicFile` that remembers its first failure
    (pyarrow may write again after one) and takes nothing once discarded."""

    closed = False

    def __init__(self, file: AtomicFile) -> None:
        self.file = file
        self.failure: OutputError | None = None
        self.discarded = False

    def write(self, data: bytes) -> int:
        if self.discarded:
            return len(data)
        if self.failure is not None:
            raise self.failure
        try:
            return self.file.write(data)
        except OutputError as error:
            self.failure = error
            raise

    def flush(self) -> None:
        """Nothing: `AtomicFile.commit` flushes."""


class ParquetWriter(WholeOrNothing):
    """Writes records to a Parquet file of `SCHEMA`, one row group at a time.

    Records are kept until ``row_group_size`` of them are in, then written as a
    row group, so memory stays bounded by the row group size however many
    records come.  The file is written under a temporary name and appears
    under its own on `close` (or at the end of a ``with`` block); `abort`
    leaves nothing behind.  A failed write (a full disk) raises `OutputError`
    and leaves no file.  ``count`` is the number of records taken so far.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        row_group_size: int = 10_000,
        compression: str | None = "zstd",
    ) -> None:
        if not is_int(row_group_size) or row_group_size < 1:
            raise ValueError(f"row_group_size must be an int of 1 or more, not {row_group_size!r}")
        self.row_group_size = row_group_size
        self.count = 0
        self._records: list[Record] = []
        self._batches: list[Any] = []
        self._rows = 0
        self._done = False
        self._file = AtomicFile(path)
        self.path = self._file.path
        self._sink = _Sink(self._file)
        try:
            self._writer = pq.ParquetWriter(self._sink, SCHEMA, compression=compression)
        except BaseException:
            self._file.discard()
            if self._sink.failure is not None:
                raise self._sink.failure from None
            raise

    def write(self, record: Record) -> None:
        """Take one record."""
        self._check_open()
        self._records.append(record)
        self.count += 1
        if len(self._records) >= min(self.row_group_size, _CHUNK):
            self._encode_records()

    def write_all(self, records: Iterable[Record]) -> None:
        """Take every record."""
        for record in records:
            self.write(record)

    def write_batch(self, batch: Any) -> None:
        """Take the records of a batch made by `records_to_batch` (in a worker)."""
        self._check_open()
        if not isinstance(batch, pa.RecordBatch) or not batch.schema.equals(SCHEMA):
            raise ValueError("write_batch() takes a RecordBatch of SCHEMA, from records_to_batch()")
        self._encode_records()  # the records taken before it go first
        self.count += batch.num_rows
        self._add(batch)

    def _check_open(self) -> None:
        if self._done:
            raise ValueError(f"the ParquetWriter of {self.path} is closed")

    def _encode_records(self) -> None:
        if self._records:
            batch = records_to_batch(self._records)
            self._records = []
            self._add(batch)

    def _add(self, batch: Any) -> None:
        self._batches.append(batch)
        self._rows += batch.num_rows
        while self._rows >= self.row_group_size:
            self._write_row_group(self.row_group_size)

    def _write_row_group(self, size: int) -> None:
        """Write the first ``size`` rows kept as one row group."""
        table = pa.Table.from_batches(self._batches, schema=SCHEMA)
        with self._guard():
            self._writer.write_table(table.slice(0, size), row_group_size=size)
        rest = table.slice(size)
        self._batches = rest.to_batches()
        self._rows = rest.num_rows

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn a failed write, however pyarrow reports it, into the `OutputError`."""
        try:
            yield
        except Exception:
            failure = self._sink.failure
            if failure is None:
                raise
            self.abort()
            raise failure from None

    def close(self) -> None:
        """Write what is kept and the footer, and give the file its name."""
        if self._done:
            return
        self._encode_records()
        if self._rows:
            self._write_row_group(self._rows)
        with self._guard():
            self._writer.close()
        try:
            self._file.commit()
        except OutputError:
            self.abort()
            raise
        self._done = True

    def abort(self) -> None:
        """Leave no file behind."""
        self._done = True
        self._sink.discarded = True
        self._records, self._batches, self._rows = [], [], 0
        # Closing the writer ends it quietly (otherwise it would write its
        # footer when collected); what it writes goes nowhere.
        with contextlib.suppress(Exception):
            self._writer.close()
        self._file.discard()


def write_parquet(records: Iterable[Record], path: str | os.PathLike[str], **options: Any) -> int:
    """Write the records to a Parquet file (as `ParquetWriter` takes ``options``);
    the number of records written."""
    with ParquetWriter(path, **options) as writer:
        writer.write_all(records)
    return writer.count


def read_parquet(path: str | os.PathLike[str]) -> Iterator[Record]:
    """The records of a Parquet file of `SCHEMA`, read row group by row group.

    Its columns are checked (as by `table_to_records`) before the first record
    comes; a file that is not Parquet raises pyarrow's error.
    """
    file = pq.ParquetFile(path)
    try:
        schema = file.schema_arrow
        _conform(schema.empty_table(), _READ_RECORD_FIELDS, _REQUIRED)
    except BaseException:
        file.close()
        raise
    names = [field.name for field in _READ_RECORD_FIELDS if field.name in schema.names]
    return _parquet_records(file, names)


def _parquet_records(file: Any, names: list[str]) -> Iterator[Record]:
    first_row = 0
    try:
        for batch in file.iter_batches(batch_size=_CHUNK, columns=names):
            yield from _records(_conform(batch, _READ_RECORD_FIELDS, _REQUIRED), first_row)
            first_row += batch.num_rows
    finally:
        file.close()
