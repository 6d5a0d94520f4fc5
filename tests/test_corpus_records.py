"""newsdoc.corpus: what each input gives, and records as JSON Lines."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Diagnostic
from newsdoc.corpus import (
    JsonlWriter,
    Record,
    RecordError,
    Source,
    content_hash,
    decode_record,
    encode_record,
    read_records,
)
from tests.conftest import SAMPLE
from tests.strategies import articles

STORY = "date: 2024-03-01\nCouncil backs the new bridge\n\nThe council voted on Monday.\n"
OTHER = "date: 2024-03-02\nFloods close the coast road\n\nWater rose overnight in Alnmouth.\n"


def _summary(records: list[Record]) -> list[tuple[str, str | None]]:
    """Each record's source, and its headline or its error code."""
    out: list[tuple[str, str | None]] = []
    for record in records:
        if record.article is not None:
            out.append((str(record.source), record.article.headline))
        else:
            assert record.error is not None
            out.append((str(record.source), record.error.code))
    return out


def test_a_directory_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "1.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not read", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()  # a directory, whatever its name
    assert _summary(list(read_records(str(tmp_path)))) == [
        (f"{tmp_path}/1.txt", "Council backs the new bridge"),
        (f"{tmp_path}/b/2.txt", "Floods close the coast road"),
    ]


def test_archives_jsonl_gzip_and_globs(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("x/1.txt", STORY)
        archive.writestr("README.md", "not read")
        archive.writestr("inner.zip", b"PK")
    with tarfile.open(tmp_path / "b.tar.gz", "w:gz") as archive:
        data = OTHER.encode()
        info = tarfile.TarInfo("y/2.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    story = newsdoc.loads(STORY)
    lines = newsdoc.to_json(story) + b"\n\n" + newsdoc.to_json(newsdoc.loads(OTHER)) + b"\n"
    (tmp_path / "d.jsonl.gz").write_bytes(gzip.compress(lines))
    paths = [str(tmp_path / "*.zip"), str(tmp_path / "b.tar.gz"), str(tmp_path / "c.txt.gz")]
    records = list(read_records([*paths, str(tmp_path / "d.jsonl.gz")]))
    assert _summary(records) == [
        (f"{tmp_path}/a.zip[x/1.txt]", "Council backs the new bridge"),
        (f"{tmp_path}/a.zip[inner.zip]", "nested-archive"),
        (f"{tmp_path}/b.tar.gz[y/2.txt]", "Floods close the coast road"),
        (f"{tmp_path}/c.txt.gz", "Council backs the new bridge"),
        (f"{tmp_path}/d.jsonl.gz:1", "Council backs the new bridge"),
        (f"{tmp_path}/d.jsonl.gz:3", "Floods close the coast road"),
    ]
    assert records[0].article == records[3].article == records[4].article == story


def test_bad_inputs_are_records_with_their_reason(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    # Random headlines, so that half the packed bytes hold several whole lines.
    texts = [f"date: 2024-03-02\nFloods {os.urandom(200).hex()}\n\nBody.\n" for _ in range(20)]
    packed = gzip.compress(b"".join(newsdoc.to_json(newsdoc.loads(t)) + b"\n" for t in texts))
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "lines.jsonl").write_text('{"headline": 1}\nnot json\n', encoding="utf-8")
    os.symlink(tmp_path / "nowhere", tmp_path / "dangling.txt")
    records = list(read_records([str(tmp_path), str(tmp_path / "missing.txt")]))
    failures = {str(r.source): r.error for r in records if r.error is not None}
    assert {source: error.code for source, error in failures.items()} == {
        f"{tmp_path}/broken.zip": "unreadable",
        f"{tmp_path}/cut.jsonl.gz": "unreadable",
        f"{tmp_path}/dangling.txt": "unreadable",
        f"{tmp_path}/lines.jsonl:1": "invalid-json",
        f"{tmp_path}/lines.jsonl:2": "invalid-json",
        f"{tmp_path}/missing.txt": "not-found",
    }
    assert "schema_version: missing" in failures[f"{tmp_path}/lines.jsonl:1"].message
    kept = [(r.source.path, r.article.headline[:6]) for r in records if r.article]
    # The lines before the cut are kept, in order, then the good file.
    assert len(kept) > 2
    assert kept[:-1] == [(f"{tmp_path}/cut.jsonl.gz", "Floods")] * (len(kept) - 1)
    assert kept[-1] == (f"{tmp_path}/good.txt", "Counci")


def test_max_size_is_kept_everywhere(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("1.txt", STORY)
    (tmp_path / "2.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "3.jsonl").write_bytes(newsdoc.to_json(newsdoc.loads(STORY)) + b"\n")
    records = list(read_records(str(tmp_path), max_size=40))
    assert [r.error.code if r.error else None for r in records] == ["too-large"] * 3


def test_stdin_holds_one_article_or_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        def __init__(self, data: bytes) -> None:
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin(STORY.encode()))
    assert _summary(list(read_records("-"))) == [("<stdin>", "Council backs the new bridge")]
    lines = b"".join(encode_record(r) + b"\n" for r in read_records(str(SAMPLE)))
    monkeypatch.setattr(sys, "stdin", Stdin(lines + lines))
    records = list(read_records("-"))
    assert [str(r.source) for r in records] == [str(SAMPLE)] * 2  # the sources they carry


def test_a_record_line_is_the_article_document_with_four_more_keys() -> None:
    record = next(read_records(str(SAMPLE)))
    line = encode_record(record)
    assert newsdoc.from_json(line) == record.article == newsdoc.read(SAMPLE)
    document = newsdoc.to_dict(newsdoc.read(SAMPLE))
    decoded = json.loads(line)
    assert set(decoded) - set(document) == {"source", "content_hash", "diagnostics", "error"}
    assert decoded["source"] == {"path": str(SAMPLE), "member": None, "line": None}


def test_diagnostics_travel_with_the_record(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(" date 2023-02-30\nHeadline\n\nBody.\n", encoding="utf-8")
    (record,) = read_records(str(path))
    assert [d.code for d in record.diagnostics] == ["invalid-date"]
    back = decode_record(encode_record(record), Source("elsewhere"))
    assert back == record
    assert record.located() == [f"{path}:1:7: invalid-date: Invalid date '2023-02-30'"]


def test_content_hash_ignores_what_is_not_the_story() -> None:
    one = newsdoc.loads("date: 2024-03-01\nSame\n\nText.\n", id="a")
    two = newsdoc.loads("date: 2025-01-01\nSame\n\nText.\n", id="b")
    three = newsdoc.loads("date: 2024-03-01\nSame\n\nText, edited.\n")
    assert content_hash(one) == content_hash(two) != content_hash(three)


def test_the_writer_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    records = list(read_records(str(SAMPLE)))

    def dies() -> None:
        with JsonlWriter(target) as writer:
            writer.write_all(records)
            raise RuntimeError("the run dies")

    with pytest.raises(RuntimeError):
        dies()
    assert list(tmp_path.iterdir()) == []
    with JsonlWriter(target) as writer:
        writer.write_all(read_records(str(SAMPLE)))
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_sources = st.builds(
    Source,
    st.text(min_size=1, max_size=20),
    st.none() | st.text(max_size=20),
    st.none() | st.integers(1, 10**6),
)
_diagnostics = st.lists(
    st.builds(
        Diagnostic,
        code=st.sampled_from(["no-date", "invalid-date", "made-up"]),
        message=st.text(max_size=30),
        severity=st.sampled_from(["error", "warning"]),
        pos=st.integers(0, 1000),
        lineno=st.integers(1, 100),
        colno=st.integers(1, 100),
    ),
    max_size=3,
).map(tuple)
_errors = st.builds(
    RecordError,
    st.sampled_from(["unreadable", "too-large", "worker-died"]),
    st.text(max_size=30),
    st.none() | st.integers(1, 99),
    st.none() | st.integers(1, 99),
)


@st.composite
def _records(draw: st.DrawFn) -> Record:
    source = draw(_sources)
    if draw(st.booleans()):
        return Record(source, error=draw(_errors))
    article = draw(articles())
    return Record(source, article, draw(_diagnostics), None, content_hash(article))


@given(st.lists(_records(), max_size=4))
def test_records_round_trip_through_json_lines(records: list[Record]) -> None:
    blob = b"".join(encode_record(r) + b"\n" for r in records)
    back = [decode_record(line, Source("?")) for line in blob.split(b"\n")[:-1]]
    assert back == records


def test_a_long_file_is_read_whole(tmp_path: Path) -> None:
    paragraph = "A long paragraph of the record of the council meeting. " * 40
    text = "date: 2024-03-01\nMinutes\n\n" + "".join(f"{paragraph}\n\n" for _ in range(60))
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 1 << 17
    (record,) = read_records(str(path), extract=False)
    assert record.article == newsdoc.loads(text, extract=False)
    (too_large,) = read_records(str(path), max_size=1 << 17)
    assert too_large.error is not None
    assert too_large.error.code == "too-large"
    assert f"({path.stat().st_size} bytes" in too_large.error.message


def test_records_made_in_workers_keep_the_article_diagnostics(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline without a date\n\nBody.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    alone = list(read_records(str(tmp_path)))
    pooled = list(read_records(str(tmp_path), workers=2))
    assert [r.article.diagnostics for r in pooled if r.article] == [
        r.article.diagnostics for r in alone if r.article
    ]
    assert [d.code for d in pooled[0].diagnostics] == ["no-date"]


def test_wrong_arguments_are_refused_at_once() -> None:
    with pytest.raises(TypeError, match="paths must be a path"):
        read_records(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="workers must be an int"):
        read_records("seeds", workers="2")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_size must be 0 or more"):
        read_records("seeds", max_size=-1)
    with pytest.raises(TypeError, match="extract must be"):
        read_records("seeds", extract="no")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="target must be"):
        JsonlWriter(5)  # type: ignore[arg-type]
