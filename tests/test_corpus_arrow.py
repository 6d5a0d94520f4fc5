"""newsdoc.corpus.arrow: records and articles as Arrow tables and Parquet files.

Every round trip must give back records equal to the ones written: the
sample article, articles invented here (a date-time with an offset, metadata
in a set order, captions, quotes, entities, diagnostics), records that hold an
error, and any records Hypothesis makes.  A Parquet file must appear whole or
not at all, a full disk included; DuckDB must read it.  (Skipped without the
extra ``arrow``.)
"""

from __future__ import annotations

import datetime as dt
import errno
import importlib.util
import inspect
import pickle
import sys
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, Diagnostic, Span
from newsdoc.corpus import AtomicFile, OutputError, Record, RecordError, Source, content_hash
from tests.conftest import SAMPLE
from tests.strategies import articles

pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (extra 'arrow')")
pq = pytest.importorskip("pyarrow.parquet")

from newsdoc.corpus import arrow  # noqa: E402 - needs pyarrow

# Invented articles in the seed format, each reading with diagnostics.
TALKS = (
    " date 2023-07-09T14:30:00+05:00 \u00a0\n"
    " source Dawn \u00a0\n"
    " url https://example.com/talks \u00a0\n"
    " byline Zoë Müller \u00a0\n"
    " source Dawn Online \u00a0\n"
    "Talks resume in Doha as envoys meet\n"
    "\n"
    "Delegates arrive at the conference hall. — AFP\n"
    "Foreign Minister Amina Qureshi said on Sunday that the talks would resume in Doha.\n"
    "\n"
    "“We are ready to listen,” Qureshi told reporters, adding that the United Nations "
    "would attend.\n"
    "\n"
    "The last round, held in March 2022, ended without an agreement.\n"
    "\n"
)
FLOODS = (
    " date 31 February 2024 \u00a0\n"
    "Floods close the coastal road\n"
    "\n"
    "Police Chief Tomas Berg said the road would stay closed until Friday.\n"
    "\n"
    "“It is not safe, he said.\n"
    "\n"
)
NO_HEADER = "Markets rally\n\nShares in Acme Corp rose 5% on Tuesday, traders said.\n\n"


def record_of(article: Article, source: Source) -> Record:
    """The record `newsdoc.corpus` makes of an article it read."""
    return Record(source, article, article.diagnostics, None, content_hash(article))


@pytest.fixture(scope="module")
def parsed() -> list[Record]:
    """The sample and the invented articles, read with extraction."""
    records = [record_of(newsdoc.read(SAMPLE), Source(str(SAMPLE)))]
    for number, text in enumerate([TALKS, FLOODS, NO_HEADER], 1):
        article = newsdoc.loads(text, id=f"invented-{number}")
        records.append(record_of(article, Source("invented.zip", f"{number}.txt")))
    return records


ERRORS = [
    Record(Source("corpus/broken.txt"), error=RecordError("unreadable", "cannot read: EIO")),
    Record(
        Source("feed.jsonl", None, 12),
        error=RecordError("invalid-json", "not JSON: truncated", 1, 17),
    ),
    Record(Source("big.zip", "huge.txt"), error=RecordError("too-large", "over max_size", 3)),
]


@pytest.fixture(scope="module")
def mixed(parsed: list[Record]) -> list[Record]:
    """Articles and errors, interleaved."""
    return [parsed[0], ERRORS[0], *parsed[1:3], ERRORS[1], parsed[3], ERRORS[2]]


def test_parsed_articles_are_rich(parsed: list[Record]) -> None:
    """The fixture exercises every column: otherwise the round trips prove little."""
    talks = parsed[1].article
    assert talks is not None
    assert talks.date == dt.datetime(2023, 7, 9, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    assert list(talks.metadata) == ["source", "url", "byline", "source_2"]
    assert talks.images
    assert talks.quotes
    assert talks.entities
    assert talks.date_mentions
    assert any(m.title is not None for e in talks.entities for m in e.mentions)
    assert all(record.diagnostics for record in parsed[1:])
    assert parsed[2].article is not None
    assert "date" in parsed[2].article.metadata


def test_records_round_trip(mixed: list[Record]) -> None:
    table = arrow.records_to_table(mixed)
    assert table.schema.equals(arrow.SCHEMA, check_metadata=True)
    assert list(arrow.table_to_records(table)) == mixed


def test_a_batch_round_trips_and_pickles(mixed: list[Record]) -> None:
    """A batch made in a worker process travels back by pickle."""
    batch = pickle.loads(pickle.dumps(arrow.records_to_batch(mixed)))
    assert isinstance(batch, pa.RecordBatch)
    assert list(arrow.table_to_records(batch)) == mixed
    assert pickle.loads(pickle.dumps(arrow.records_to_batch)) is arrow.records_to_batch


def test_error_records_hold_source_and_error_only(mixed: list[Record]) -> None:
    rows = arrow.records_to_table(ERRORS).to_pylist()
    assert rows[1]["source"] == {"path": "feed.jsonl", "member": None, "line": 12}
    assert rows[1]["error"] == {
        "code": "invalid-json",
        "message": "not JSON: truncated",
        "lineno": 1,
        "colno": 17,
    }
    others = {name for name in arrow.SCHEMA.names if name not in ("source", "error")}
    assert all(row[name] is None for row in rows for name in others)
    assert list(arrow.table_to_records(arrow.records_to_table(ERRORS))) == ERRORS


def test_columns_hold_what_the_docs_say(parsed: list[Record]) -> None:
    row = arrow.records_to_table(parsed[1:2]).to_pylist()[0]
    assert row["date"] == "2023-07-09T14:30:00+05:00"
    assert row["day"] == dt.date(2023, 7, 9)
    assert row["metadata"] == [
        ("source", "Dawn"),
        ("url", "https://example.com/talks"),
        ("byline", "Zoë Müller"),
        ("source_2", "Dawn Online"),
    ]
    assert row["images"] == [
        {"caption": "Delegates arrive at the conference hall.", "credit": "AFP"}
    ]
    assert row["content_hash"] == parsed[1].content_hash
    assert {d["code"] for d in row["diagnostics"]} == {d.code for d in parsed[1].diagnostics}
    person = next(e for e in row["entities"] if e["kind"] == "person")
    assert person["mentions"][0]["text"] in person["name"]


def test_dates_keep_their_kind_and_offset() -> None:
    utc = dt.UTC
    dates = [
        dt.date(2023, 7, 9),
        dt.datetime(2023, 7, 9, 14, 30),
        dt.datetime(2023, 7, 9, 23, 30, 0, 250, tzinfo=utc),
        dt.datetime(2023, 7, 9, 1, 0, tzinfo=dt.timezone(-dt.timedelta(hours=9, minutes=30))),
        None,
    ]
    written = [Article(headline=str(n), date=d, paragraphs=["x"]) for n, d in enumerate(dates)]
    table = arrow.articles_to_table(written)
    assert table.column("date").to_pylist() == [
        "2023-07-09",
        "2023-07-09T14:30:00",
        "2023-07-09T23:30:00.000250Z",
        "2023-07-09T01:00:00-09:30",
        None,
    ]
    days = [dt.date(2023, 7, 9)] * 4 + [None]
    assert table.column("day").to_pylist() == days
    back = arrow.table_to_articles(table)
    assert back == written
    assert [type(a.date) for a in back] == [type(d) for d in dates]
    assert [a.date.utcoffset() for a in back[2:4] if isinstance(a.date, dt.datetime)] == [
        dt.timedelta(0),
        -dt.timedelta(hours=9, minutes=30),
    ]


def test_articles_round_trip(parsed: list[Record]) -> None:
    written = [record.article for record in parsed if record.article is not None]
    table = arrow.articles_to_table(written)
    assert table.schema.equals(arrow.ARTICLE_SCHEMA, check_metadata=True)
    assert arrow.table_to_articles(table) == written


def test_table_to_articles_leaves_out_error_rows(mixed: list[Record]) -> None:
    expected = [record.article for record in mixed if record.article is not None]
    assert arrow.table_to_articles(arrow.records_to_table(mixed)) == expected


def test_articles_to_table_refuses_what_is_no_article() -> None:
    with pytest.raises(TypeError, match=r"articles\[1\]: expected an Article, got dict"):
        arrow.articles_to_table([Article(headline="H"), {"headline": "H"}])  # type: ignore[list-item]


def test_empty_inputs_give_empty_tables() -> None:
    assert arrow.records_to_table([]).schema.equals(arrow.SCHEMA)
    assert arrow.records_to_table([]).num_rows == 0
    assert arrow.articles_to_table([]).num_rows == 0
    assert list(arrow.table_to_records(arrow.SCHEMA.empty_table())) == []
    assert arrow.table_to_articles(arrow.ARTICLE_SCHEMA.empty_table()) == []


def test_each_struct_reads_back_by_its_fields_in_order() -> None:
    """The builders take their arguments in the order of their struct's fields."""
    for kind, build in arrow._BUILDERS.items():
        if inspect.isfunction(build):
            assert list(inspect.signature(build).parameters) == [f.name for f in kind]


# -- Hypothesis -------------------------------------------------------------

_texts = st.text(max_size=30)
sources = st.builds(
    Source,
    path=st.text(min_size=1, max_size=30),
    member=st.none() | _texts,
    line=st.none() | st.integers(1, 2**40),
)
diagnostics = st.builds(
    Diagnostic,
    code=st.sampled_from(["no-date", "encoding", "unbalanced-quote"]) | _texts,
    message=_texts,
    severity=st.sampled_from(["error", "warning"]),
    pos=st.integers(0, 2**40),
    lineno=st.integers(1, 2**40),
    colno=st.integers(1, 2**20),
)
errors = st.builds(
    RecordError,
    code=_texts,
    message=_texts,
    lineno=st.none() | st.integers(1, 2**40),
    colno=st.none() | st.integers(1, 2**20),
)
good_records = st.builds(
    lambda source, article, found: Record(
        source, article, tuple(found), None, content_hash(article)
    ),
    sources,
    articles(),
    st.lists(diagnostics, max_size=3),
)
error_records = st.builds(lambda source, error: Record(source, error=error), sources, errors)


@given(st.lists(good_records | error_records, max_size=5))
def test_any_records_round_trip(records: list[Record]) -> None:
    assert list(arrow.table_to_records(arrow.records_to_batch(records))) == records


@given(st.lists(articles(), max_size=4))
def test_any_articles_round_trip(written: list[Article]) -> None:
    back = arrow.table_to_articles(arrow.articles_to_table(written))
    assert back == written
    assert [list(a.metadata.items()) for a in back] == [list(a.metadata.items()) for a in written]


# -- Parquet ----------------------------------------------------------------


def many(records: list[Record], count: int) -> list[Record]:
    """``count`` records cycling through ``records``, each with a source of its own."""
    return [
        Record(Source(f"corpus/{n}.txt"), r.article, r.diagnostics, r.error, r.content_hash)
        for n, r in zip(range(count), records * (count // len(records) + 1), strict=False)
    ]


def test_parquet_in_row_groups_reads_back(tmp_path: Path, mixed: list[Record]) -> None:
    records = many(mixed, 45)
    path = tmp_path / "corpus.parquet"
    with arrow.ParquetWriter(path, row_group_size=10) as writer:
        writer.write_all(records[:7])
        writer.write_batch(arrow.records_to_batch(records[7:30]))
        writer.write(records[30])
        writer.write_batch(arrow.records_to_batch(records[31:33]))
        writer.write_all(records[33:])
        assert writer.count == 45
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.parquet"]
    metadata = pq.ParquetFile(path).metadata
    assert metadata.num_row_groups == 5
    sizes = [metadata.row_group(n).num_rows for n in range(5)]
    assert sizes == [10, 10, 10, 10, 5]
    assert list(arrow.read_parquet(path)) == records
    assert arrow.table_to_articles(pq.read_table(path)) == [
        r.article for r in records if r.article is not None
    ]


def test_write_parquet_and_the_file_schema(tmp_path: Path, mixed: list[Record]) -> None:
    path = tmp_path / "out.parquet"
    assert arrow.write_parquet(mixed, path, compression="snappy") == len(mixed)
    file = pq.ParquetFile(path)
    assert file.schema_arrow.equals(arrow.SCHEMA)
    assert file.schema_arrow.metadata == arrow.SCHEMA.metadata
    assert file.schema_arrow.field("date").metadata == arrow.SCHEMA.field("date").metadata
    assert file.metadata.row_group(0).column(0).compression == "SNAPPY"
    assert list(arrow.read_parquet(str(path))) == mixed


def test_an_empty_parquet_file_has_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert arrow.write_parquet([], path) == 0
    assert pq.read_schema(path).equals(arrow.SCHEMA)
    assert list(arrow.read_parquet(path)) == []


def test_abort_and_exceptions_leave_nothing(tmp_path: Path, mixed: list[Record]) -> None:
    writer = arrow.ParquetWriter(tmp_path / "a.parquet", row_group_size=2)
    writer.write_all(mixed)
    writer.abort()
    writer.close()  # after abort: nothing to do
    with pytest.raises(ValueError, match=r"^the ParquetWriter of .*a\.parquet is closed"):
        writer.write(mixed[0])

    def fail() -> None:
        with arrow.ParquetWriter(tmp_path / "b.parquet") as other:
            other.write_all(mixed)
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        fail()
    assert list(tmp_path.iterdir()) == []


def test_the_writer_refuses_bad_arguments(tmp_path: Path, mixed: list[Record]) -> None:
    with pytest.raises(ValueError, match="row_group_size"):
        arrow.ParquetWriter(tmp_path / "a.parquet", row_group_size=0)
    with arrow.ParquetWriter(tmp_path / "b.parquet") as writer:
        articles_only = arrow.articles_to_table([Article(headline="H")]).to_batches()[0]
        with pytest.raises(ValueError, match="RecordBatch of SCHEMA"):
            writer.write_batch(articles_only)
    assert list(arrow.read_parquet(tmp_path / "b.parquet")) == []
    assert [p.name for p in tmp_path.iterdir()] == ["b.parquet"]


class FullDisk:
    """A file that takes ``room`` bytes, then fails as a full disk does."""

    def __init__(self, stream: IO[bytes], room: int) -> None:
        self.stream = stream
        self.room = room

    def write(self, data: bytes) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.stream.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@pytest.fixture
def disk_room(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every `AtomicFile` opened from here on holds at most the bytes set in the list."""
    room = [0]
    opened = AtomicFile.__init__

    def open_full(self: AtomicFile, path: str) -> None:
        opened(self, path)
        self.stream = FullDisk(self.stream, room[0])  # type: ignore[assignment]

    monkeypatch.setattr(AtomicFile, "__init__", open_full)
    return room


@pytest.mark.parametrize("share", [0.0, 0.01, 0.5, 0.99])
def test_a_full_disk_leaves_no_file(
    tmp_path: Path, mixed: list[Record], disk_room: list[int], share: float
) -> None:
    """Wherever the disk fills up (at the first write, in a row group, in the
    footer), the writer raises `OutputError` and leaves no file at all."""
    records = many(mixed, 40)
    disk_room[0] = 10**9
    arrow.write_parquet(records, tmp_path / "full.parquet", row_group_size=8)
    size = (tmp_path / "full.parquet").stat().st_size
    (tmp_path / "full.parquet").unlink()
    disk_room[0] = int(size * share)
    with pytest.raises(OutputError, match="no space left on the device"):
        arrow.write_parquet(records, tmp_path / "out.parquet", row_group_size=8)
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_without_a_with_block(
    tmp_path: Path, mixed: list[Record], disk_room: list[int]
) -> None:
    disk_room[0] = 100
    writer = arrow.ParquetWriter(tmp_path / "out.parquet", row_group_size=4)
    with pytest.raises(OutputError):  # noqa: PT012
        writer.write_all(many(mixed, 20))
        writer.close()
    assert list(tmp_path.iterdir()) == []
    writer.abort()  # harmless after the failure


# -- DuckDB -----------------------------------------------------------------


def test_duckdb_reads_the_parquet_file(tmp_path: Path, mixed: list[Record]) -> None:
    duckdb = pytest.importorskip("duckdb")
    path = tmp_path / "corpus.parquet"
    arrow.write_parquet(mixed, path, row_group_size=3)
    source = f"read_parquet('{path}')"
    people = duckdb.sql(
        f"SELECT count(*) FROM (SELECT unnest(entities) AS e FROM {source}) WHERE e.kind = 'person'"
    ).fetchall()
    expected = sum(
        e.kind == "person" for r in mixed if r.article is not None for e in r.article.entities
    )
    assert people == [(expected,)]
    headline = duckdb.sql(f"SELECT headline FROM {source} WHERE id = 'invented-1'").fetchall()
    assert headline == [("Talks resume in Doha as envoys meet",)]
    rows = duckdb.sql(
        f"SELECT metadata['byline'], day, error.code FROM {source} "
        "WHERE id = 'invented-1' OR error IS NOT NULL ORDER BY source.path"
    ).fetchall()
    assert rows == [
        (None, None, "too-large"),
        (None, None, "unreadable"),
        (None, None, "invalid-json"),
        ("Zoë Müller", dt.date(2023, 7, 9), None),
    ]
    # DuckDB 1 gives a Table, DuckDB 2 a RecordBatchReader.
    result: Any = duckdb.sql(f"SELECT * FROM {source}").arrow()
    back = result.read_all() if isinstance(result, pa.RecordBatchReader) else result
    assert list(arrow.table_to_records(back)) == mixed


# -- Tables from elsewhere --------------------------------------------------


def test_other_widths_are_cast(mixed: list[Record]) -> None:
    """Polars and DuckDB give large strings and large lists: they read the same."""
    table = arrow.records_to_table(mixed)
    wide = table.set_column(
        table.schema.get_field_index("headline"),
        "headline",
        table.column("headline").cast(pa.large_string()),
    )
    paragraphs = pa.large_list(pa.large_string())
    wide = wide.set_column(
        wide.schema.get_field_index("paragraphs"),
        "paragraphs",
        wide.column("paragraphs").cast(paragraphs),
    )
    assert list(arrow.table_to_records(wide.replace_schema_metadata(None))) == mixed


def test_missing_optional_columns_read_as_defaults() -> None:
    table = pa.table(
        {
            "source": [{"path": "a.txt", "member": None, "line": None}],
            "headline": ["Only a headline"],
            "paragraphs": [["One.", "Two."]],
        }
    )
    article = Article(headline="Only a headline", paragraphs=["One.", "Two."])
    assert list(arrow.table_to_records(table)) == [
        Record(Source("a.txt"), article, (), None, content_hash(article))
    ]
    assert arrow.table_to_articles(table) == [article]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.drop_columns(["headline"]), "the table has no column 'headline'"),
        (lambda t: t.drop_columns(["source"]), "the table has no column 'source'"),
        (
            lambda t: t.set_column(7, "headline", pa.array([1, 2, 3, 4, 5, 6, 7])),
            "column 'headline' cannot be read: headline: expected string, got int64",
        ),
        (
            lambda t: t.set_column(3, "diagnostics", pa.array([[{"code": "x"}]] * 7)),
            r"column 'diagnostics' cannot be read: diagnostics\[\]: expected the fields code, "
            "message, severity, pos, lineno, colno; got code",
        ),
        (
            lambda t: t.replace_schema_metadata({"newsdoc.arrow_schema_version": "9"}),
            "the table has newsdoc Arrow schema version 9; this newsdoc reads version 1",
        ),
    ],
)
def test_a_table_of_another_shape_is_refused(
    mixed: list[Record], change: Any, message: str
) -> None:
    table = change(arrow.records_to_table(mixed))
    with pytest.raises(ValueError, match=f"^{message}"):
        arrow.table_to_records(table)


def test_a_value_the_model_refuses_names_its_row_and_column(mixed: list[Record]) -> None:
    table = arrow.records_to_table(mixed)
    rows = table.to_pylist()
    mention = rows[3]["entities"][0]["mentions"][0]
    mention["start"] += 1
    mention["end"] += 1
    broken = pa.Table.from_pylist(rows, schema=arrow.SCHEMA)
    with pytest.raises(ValueError, match=r"^row 3: entities\[0\]\.mentions\[0\]: text\["):
        list(arrow.table_to_records(broken))
    rows = table.to_pylist()
    rows[5]["quotes"] = [{"text": "x", "spans": [], "cue": {"start": 2, "end": 1, "text": ""}}]
    broken = pa.Table.from_pylist(rows, schema=arrow.SCHEMA)
    with pytest.raises(ValueError, match=r"^row 5, column 'quotes': Span: need 0 <= start"):
        list(arrow.table_to_records(broken))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"headline": None, "error": None}, "row 0: holds neither an article"),
        ({"error": {"code": "x", "message": "y"}}, "row 0: holds both an error and an article"),
    ],
)
def test_a_row_must_hold_an_article_or_an_error(row: dict[str, Any], message: str) -> None:
    values = {"source": {"path": "a.txt"}, "headline": "H", **row}
    table = pa.Table.from_pylist([values], schema=arrow.SCHEMA)
    with pytest.raises(ValueError, match=f"^{message}"):
        list(arrow.table_to_records(table))


def test_table_to_articles_refuses_a_null_headline() -> None:
    table = pa.table({"headline": ["H", None]})
    with pytest.raises(ValueError, match=r"^row 1: headline is null"):
        arrow.table_to_articles(table)


def test_spans_keep_their_offsets_in_the_whole_text() -> None:
    article = Article(
        headline="Cup final",
        paragraphs=["Smith said Friday."],
        date_mentions=[newsdoc.DateMention(span=Span(start=22, end=28, text="Friday"))],
    )
    table = arrow.articles_to_table([article])
    assert table.column("date_mentions").to_pylist() == [
        [{"span": {"start": 22, "end": 28, "text": "Friday"}, "value": None, "precision": None}]
    ]


def test_without_pyarrow_the_import_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    spec = importlib.util.spec_from_file_location("_arrow_without_pyarrow", arrow.__file__)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with pytest.raises(ImportError, match=r'pip install "newsdoc\[arrow\]"'):
        spec.loader.exec_module(module)
