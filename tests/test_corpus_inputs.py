"""newsdoc.corpus inputs: every PATH gives a record or a located warning, and no
file's content stops a run (damaged gzip and archives, empty inputs, links,
unreadable directories, Parquet, standard input)."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import tarfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdoc
import newsdoc.corpus
from newsdoc.corpus import Record, encode_record, read_records
from newsdoc.corpus._sources import Task, tasks_of, tasks_of_stream
from newsdoc.corpus._work import Options, read_task

STORY = "date: 2024-03-01\nLibrary opens on Sunday\n\nThe doors open at ten.\n"
OTHER = "date: 2024-03-02\nFerry timetable changes\n\nBoats leave earlier.\n"
THIRD = "date: 2024-03-03\nMarket moves indoors\n\nStalls go into the hall.\n"

Summary = list[tuple[str, str]]


def _summary(records: Iterable[Record]) -> Summary:
    """Each record's source, and its headline or its error code and message."""
    out: Summary = []
    for record in records:
        if record.article is not None:
            out.append((str(record.source), record.article.headline))
        else:
            assert record.error is not None
            out.append((str(record.source), f"{record.error.code}: {record.error.message}"))
    return out


def _read(*paths: str | Path, max_size: int | None = None) -> Summary:
    return _summary(read_records([str(p) for p in paths], max_size=max_size, extract=False))


def _tar(path: Path, members: list[tuple[str, str]]) -> None:
    """A tar archive of text members."""
    with tarfile.open(path, "w") as archive:
        for name, text in members:
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def _link(archive: tarfile.TarFile, name: str, target: str, kind: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    archive.addfile(info)


def _line(text: str) -> bytes:
    return newsdoc.to_json(newsdoc.loads(text)) + b"\n"


# -- 1. Gzip --------------------------------------------------------------


def test_a_cut_or_false_gzip_file_is_unreadable_not_an_exception(tmp_path: Path) -> None:
    packed = gzip.compress(STORY.encode())
    (tmp_path / "cut.txt.gz").write_bytes(packed[: len(packed) - 12])
    (tmp_path / "plain.txt.gz").write_text(STORY, encoding="utf-8")
    (tmp_path / "good.txt").write_text(OTHER, encoding="utf-8")
    assert _read(tmp_path) == [
        (
            f"{tmp_path}/cut.txt.gz",
            "unreadable: cannot read: Compressed file ended before the end-of-stream"
            " marker was reached",
        ),
        (f"{tmp_path}/good.txt", "Ferry timetable changes"),
        (f"{tmp_path}/plain.txt.gz", "unreadable: cannot read: Not a gzipped file (b'da')"),
    ]
    # The same through an open stream, as Dask reads it.
    with open(tmp_path / "plain.txt.gz", "rb") as stream:
        tasks = list(tasks_of_stream("plain.txt.gz", stream))
    assert [(str(t.source), t.error and t.error.code) for t in tasks] == [
        ("plain.txt.gz", "unreadable")
    ]


# -- 2. Archive members that cannot be read ---------------------------------


def _patched_zip(path: Path, member: str, offset: int, value: bytes) -> None:
    """Patch the central directory entry of ``member`` at ``offset``."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(name)] != name:
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + offset : entry + offset + len(value)] = value
    path.write_bytes(bytes(data))


def test_zip_members_that_cannot_be_read_leave_the_others(tmp_path: Path) -> None:
    archive_path = tmp_path / "a.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.writestr("1.txt", STORY)
        archive.writestr("2-locked.txt", OTHER)
        archive.writestr("3-method.txt", OTHER)
        archive.writestr("4-crc.txt", OTHER)
        archive.writestr("5.txt", THIRD)
    _patched_zip(archive_path, "2-locked.txt", 8, b"\x01\x00")  # flags: encrypted
    _patched_zip(archive_path, "3-method.txt", 10, b"\x63\x00")  # compression 99
    data = archive_path.read_bytes()
    at = data.index(b"Ferry", data.index(b"4-crc.txt"))
    archive_path.write_bytes(data[:at] + b"Berry" + data[at + 5 :])  # a bad CRC
    assert _read(archive_path) == [
        (f"{archive_path}[1.txt]", "Library opens on Sunday"),
        (
            f"{archive_path}[2-locked.txt]",
            "unreadable: cannot read: encrypted (newsdoc reads no passwords)",
        ),
        (
            f"{archive_path}[3-method.txt]",
            "unreadable: cannot read: NotImplementedError: That compression method is not"
            " supported",
        ),
        (f"{archive_path}[4-crc.txt]", "unreadable: cannot read: Bad CRC-32 for file '4-crc.txt'"),
        (f"{archive_path}[5.txt]", "Market moves indoors"),
    ]


def test_tar_members_before_the_damage_are_kept(tmp_path: Path) -> None:
    whole = tmp_path / "whole.tar"
    # Headers at 0, 1024 and 2048; the end marker at 2048 + 1536.
    _tar(whole, [("1.txt", STORY), ("2.txt.gz", "not gzip"), ("3.txt", OTHER * 40)])
    data = whole.read_bytes()
    cut = tmp_path / "cut.tar"
    cut.write_bytes(data[: data.index(b"Ferry") + 100])
    first, second = (
        (f"{cut}[1.txt]", "Library opens on Sunday"),
        (f"{cut}[2.txt.gz]", "unreadable: cannot read: Not a gzipped file (b'no')"),
    )
    assert _read(cut) == [
        first,
        second,
        (f"{cut}[3.txt]", "unreadable: cannot read: unexpected end of data"),
    ]
    # tarfile takes a cut or damaged header for the end: not a word, alone.
    cut.write_bytes(data[: 2048 + 100])
    breaks_off = "unreadable: cannot read: the archive breaks off"
    assert _read(cut) == [first, second, (str(cut), f"{breaks_off} (truncated header)")]
    cut.write_bytes(data[:2048])
    assert _read(cut) == [first, second, (str(cut), f"{breaks_off} (empty header)")]
    cut.write_bytes(data[:2058] + b"?" + data[2059:])
    assert _read(cut) == [first, second, (str(cut), f"{breaks_off} (bad checksum)")]
    packed = tmp_path / "cut.tar.gz"
    packed.write_bytes(gzip.compress(data, mtime=0)[:-100])
    assert _read(packed) == [
        (f"{packed}[1.txt]", "Library opens on Sunday"),
        (str(packed), f"{breaks_off} (truncated header)"),
    ]


# -- 3. Inputs that gave nothing --------------------------------------------


def test_empty_archives_and_line_files_are_no_input_warnings(tmp_path: Path) -> None:
    with tarfile.open(tmp_path / "a-empty.tar", "w"):
        pass
    with zipfile.ZipFile(tmp_path / "b-empty.zip", "w"):
        pass
    with zipfile.ZipFile(tmp_path / "c-readme.zip", "w") as archive:
        archive.writestr("README", "not an input")
        archive.writestr("folder/", "")
        archive.writestr("lines.jsonl", "\n  \n")
    (tmp_path / "d-empty.jsonl").write_bytes(b"")
    (tmp_path / "e-blank.ndjson").write_bytes(b"\n \t\n\n")
    (tmp_path / "f-blank.jsonl.gz").write_bytes(gzip.compress(b"\n"))
    assert _read(tmp_path) == [
        (f"{tmp_path}/a-empty.tar", "no-input: no files found"),
        (f"{tmp_path}/b-empty.zip", "no-input: no files found"),
        (f"{tmp_path}/c-readme.zip[lines.jsonl]", "no-input: no lines found"),
        (f"{tmp_path}/d-empty.jsonl", "no-input: no lines found"),
        (f"{tmp_path}/e-blank.ndjson", "no-input: no lines found"),
        (f"{tmp_path}/f-blank.jsonl.gz", "no-input: no lines found"),
    ]
    with zipfile.ZipFile(tmp_path / "g-readme.zip", "w") as archive:
        archive.writestr("README", "not an input")
    assert _read(tmp_path / "g-readme.zip") == [
        (f"{tmp_path}/g-readme.zip", "no-input: no files found")
    ]
    record = next(read_records(str(tmp_path / "d-empty.jsonl")))
    assert record.located() == [f"{tmp_path}/d-empty.jsonl: warning: no lines found"]


def test_linked_directories_are_followed_once(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text(OTHER, encoding="utf-8")
    top = tmp_path / "top"
    (top / "sub").mkdir(parents=True)
    (top / "a.txt").write_text(STORY, encoding="utf-8")
    (top / "sub" / "b.txt").write_text(THIRD, encoding="utf-8")
    (top / "link").symlink_to(outside)
    (top / "sub" / "up").symlink_to(top)  # a loop
    (top / "sub" / "again").symlink_to(top / "link")  # a second way to outside
    assert _read(top) == [
        (f"{top}/a.txt", "Library opens on Sunday"),
        (f"{top}/link/o.txt", "Ferry timetable changes"),
        (f"{top}/sub/b.txt", "Market moves indoors"),
    ]


def _scandir_failing(monkeypatch: pytest.MonkeyPatch, refused: Path) -> None:
    """Make listing ``refused`` fail as a directory without read permission does
    (the tests may run as root, whom no permission stops)."""
    scandir: Callable[..., object] = os.scandir

    def failing(path: str = ".") -> object:
        if os.path.samefile(path, refused):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", failing)


def test_an_unreadable_directory_is_a_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "c.txt").write_text(THIRD, encoding="utf-8")
    _scandir_failing(monkeypatch, tmp_path / "locked")
    assert _read(tmp_path) == [
        (f"{tmp_path}/a.txt", "Library opens on Sunday"),
        (f"{tmp_path}/locked", "unreadable: cannot read: Permission denied"),
        (f"{tmp_path}/z/c.txt", "Market moves indoors"),
    ]
    assert _read(tmp_path / "locked") == [
        (f"{tmp_path}/locked", "unreadable: cannot read: Permission denied")
    ]


def test_a_bare_gz_is_read_when_named_not_in_a_directory(tmp_path: Path) -> None:
    (tmp_path / "x.gz").write_bytes(gzip.compress(STORY.encode()))
    (tmp_path / "notes.md.gz").write_bytes(gzip.compress(b"notes"))
    assert _read(tmp_path) == [(str(tmp_path), "no-input: no files found")]
    assert _read(tmp_path / "x.gz") == [(f"{tmp_path}/x.gz", "Library opens on Sunday")]


def test_a_pipe_in_a_directory_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "z.txt").write_text(STORY, encoding="utf-8")
    not_regular = "unreadable: cannot read: not a regular file (a pipe, a socket or a device)"
    assert _read(tmp_path) == [
        (f"{tmp_path}/pipe.txt", not_regular),
        (f"{tmp_path}/z.txt", "Library opens on Sunday"),
    ]
    assert _read(tmp_path / "*.txt")[0] == (f"{tmp_path}/pipe.txt", not_regular)


def test_a_pattern_reads_the_directories_it_matches(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "empty").mkdir()
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "deep" / "2.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("not read", encoding="utf-8")
    (tmp_path / "c.md").write_text(THIRD, encoding="utf-8")  # matched: read as named
    assert _read(tmp_path / "*") == [
        (f"{tmp_path}/a.txt", "Library opens on Sunday"),
        (f"{tmp_path}/b/deep/2.txt", "Ferry timetable changes"),
        (f"{tmp_path}/c.md", "Market moves indoors"),
    ]
    assert _read(tmp_path / "emp*") == [(f"{tmp_path}/emp*", "no-input: no files found")]
    # "**" matches the folders and the files below them: each is read once.
    assert _read(tmp_path / "b" / "**") == [(f"{tmp_path}/b/deep/2.txt", "Ferry timetable changes")]


# -- 4. Parquet -------------------------------------------------------------


def test_parquet_is_read_back_with_its_sources(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from newsdoc.corpus import arrow

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "1.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "in" / "2.jsonl").write_bytes(_line(OTHER) + b"{}\n")
    records = list(read_records(str(tmp_path / "in")))
    arrow.write_parquet(records, tmp_path / "out.parquet")
    again = list(read_records(str(tmp_path / "out.parquet")))
    assert again == records
    assert _summary(again) == [
        (f"{tmp_path}/in/1.txt", "Library opens on Sunday"),
        (f"{tmp_path}/in/2.jsonl:1", "Ferry timetable changes"),
        (f"{tmp_path}/in/2.jsonl:2", "invalid-json: schema_version: missing"),
    ]
    # An open stream (as on Dask) gives the same rows.
    with open(tmp_path / "out.parquet", "rb") as stream:
        rows = [read_task(task, Options()) for task in tasks_of_stream("out.parquet", stream)]
    assert rows == records
    # In a directory, Parquet files are not read (they are likely outputs) ...
    assert _read(tmp_path) == _summary(records)
    # ... but a pattern reads them, and a row over max_size is too large.
    size = len(encode_record(again[0])) + 1  # as read from Parquet
    assert _read(tmp_path / "*.parquet", max_size=size - 1)[0] == (
        f"{tmp_path}/out.parquet:1",
        f"too-large: line of {size} bytes, over max_size",
    )


def test_bad_and_empty_parquet_files_are_records(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from newsdoc.corpus import arrow

    arrow.write_parquet([], tmp_path / "empty.parquet")
    (tmp_path / "false.parquet").write_text(STORY, encoding="utf-8")
    summary = _read(tmp_path / "empty.parquet", tmp_path / "false.parquet")
    assert summary[0] == (f"{tmp_path}/empty.parquet", "no-input: no records found")
    assert summary[1][0] == f"{tmp_path}/false.parquet"
    assert summary[1][1].startswith("unreadable: cannot read: ArrowInvalid: ")
    assert len(summary) == 2


def test_parquet_without_pyarrow_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out.parquet").write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "newsdoc.corpus.arrow", None)
    monkeypatch.delattr(newsdoc.corpus, "arrow", raising=False)
    assert _read(tmp_path / "out.parquet") == [
        (
            f"{tmp_path}/out.parquet",
            'unreadable: reading Parquet needs pip install "newsdoc[arrow]"',
        )
    ]


# -- 5. Standard input ------------------------------------------------------


class _Stdin:
    """Standard input whose buffer gives at most ``block`` bytes a read, and
    remembers how much was read."""

    def __init__(self, data: bytes, block: int = 1 << 16, fail_at: int | None = None) -> None:
        self.buffer = self
        self.data, self.block, self.fail_at, self.position = data, block, fail_at, 0

    def read1(self, size: int = -1) -> bytes:
        if self.fail_at is not None and self.position >= self.fail_at:
            raise OSError(5, "Input/output error")
        size = self.block if size < 0 else min(size, self.block)
        chunk = self.data[self.position : self.position + size]
        self.position += len(chunk)
        return chunk

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.position + size
        chunk = self.data[self.position : end]
        self.position += len(chunk)
        return chunk


def _stdin(monkeypatch: pytest.MonkeyPatch, stdin: _Stdin, max_size: int | None = None) -> Summary:
    monkeypatch.setattr(sys, "stdin", stdin)
    return _read("-", max_size=max_size)


def test_stdin_is_json_lines_when_its_first_line_is_a_json_object(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    one = _line(STORY)
    assert _stdin(monkeypatch, _Stdin(b"\n  \n" + one)) == [
        ("<stdin>:3", "Library opens on Sunday")
    ]
    braces = "date: 2024-03-01\n{Live} coverage {update}\n\nBody.\n"
    assert _stdin(monkeypatch, _Stdin(braces.encode())) == [("<stdin>", "{Live} coverage {update}")]
    assert _stdin(monkeypatch, _Stdin(b"{Live} coverage\n\nBody.\n")) == [
        ("<stdin>", "{Live} coverage")
    ]
    # A pretty-printed document: its first line alone is not JSON.
    pretty = json.dumps(json.loads(_line(STORY)), indent=2).encode()
    assert _stdin(monkeypatch, _Stdin(pretty)) == [("<stdin>", "Library opens on Sunday")]


def test_stdin_lines_are_streamed_with_max_size_for_each(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [_line(STORY), _line(OTHER), b"x" * 500 + b"\n", _line(THIRD)]
    stdin = _Stdin(b"".join(lines * 50), block=64)
    monkeypatch.setattr(sys, "stdin", stdin)
    tasks = tasks_of(["-"], max_size=300)
    first = next(tasks)
    assert str(first.source) == "<stdin>:1"
    assert stdin.position < len(lines[0]) + 64  # the first line, not all 200
    rest = [first, *tasks]
    assert len(rest) == 200
    assert [(str(t.source), t.error and t.error.code) for t in rest[:4]] == [
        ("<stdin>:1", None),
        ("<stdin>:2", None),
        ("<stdin>:3", "too-large"),
        ("<stdin>:4", None),
    ]


def test_stdin_that_breaks_off_keeps_the_lines_before(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _line(STORY) + _line(OTHER) + _line(THIRD)
    stdin = _Stdin(data, block=16, fail_at=len(_line(STORY)) + 20)
    assert _stdin(monkeypatch, stdin) == [
        ("<stdin>:1", "Library opens on Sunday"),
        ("<stdin>", "unreadable: cannot read: Input/output error"),
    ]
    assert _stdin(monkeypatch, _Stdin(STORY.encode() * 10, block=7), max_size=100) == [
        ("<stdin>", "too-large: over max_size (100 bytes)")
    ]


# -- 6. Links in tar archives -----------------------------------------------


def _linked_tar(path: Path) -> None:
    """A tar archive with links (packed with gzip when ``path`` ends in ``.gz``)."""
    with tarfile.open(path, "w:gz") if path.suffix == ".gz" else tarfile.open(path, "w") as archive:
        folder = tarfile.TarInfo("dir")
        folder.type = tarfile.DIRTYPE
        archive.addfile(folder)
        for name, text in (("dir/a.txt", STORY), ("b.txt", OTHER)):
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        _link(archive, "hard.txt", "dir/a.txt", tarfile.LNKTYPE)
        _link(archive, "chain.txt", "hard.txt", tarfile.LNKTYPE)
        _link(archive, "dir/soft.txt", "../b.txt", tarfile.SYMTYPE)
        _link(archive, "out.txt", "../../etc/passwd", tarfile.SYMTYPE)
        _link(archive, "gone.txt", "missing.txt", tarfile.LNKTYPE)
        _link(archive, "folder.txt", "dir", tarfile.SYMTYPE)
        data = THIRD.encode()
        info = tarfile.TarInfo("c.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))


def _linked_summary(path: str) -> Summary:
    return [
        (f"{path}[dir/a.txt]", "Library opens on Sunday"),
        (f"{path}[b.txt]", "Ferry timetable changes"),
        (f"{path}[hard.txt]", "Library opens on Sunday"),
        (f"{path}[chain.txt]", "Library opens on Sunday"),
        (f"{path}[dir/soft.txt]", "Ferry timetable changes"),
        (
            f"{path}[out.txt]",
            "unreadable: cannot read: a link to '../../etc/passwd', which leads out of the archive",
        ),
        (
            f"{path}[gone.txt]",
            "unreadable: cannot read: a link to 'missing.txt', which is not in the archive",
        ),
        (f"{path}[folder.txt]", "unreadable: cannot read: a link to 'dir', which is not a file"),
        (f"{path}[c.txt]", "Market moves indoors"),
    ]


@pytest.mark.parametrize("name", ["links.tar", "links.tar.gz"])
def test_tar_links_are_read_as_their_targets(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _linked_tar(path)
    assert _read(path) == _linked_summary(str(path))


def test_tar_links_in_a_stream_that_cannot_seek(tmp_path: Path) -> None:
    path = tmp_path / "links.tar"
    _linked_tar(path)

    class Pipe(io.BytesIO):
        def seekable(self) -> bool:
            return False

    tasks = list(tasks_of_stream("links.tar", Pipe(path.read_bytes())))
    failed = {str(t.source): t.error.message for t in tasks if t.error is not None}
    assert failed["links.tar[hard.txt]"] == (
        "cannot read: a link to 'dir/a.txt', in a stream that cannot go back"
    )
    assert [str(t.source) for t in tasks] == [s for s, _ in _linked_summary("links.tar")]


# -- Any bytes --------------------------------------------------------------

_NAMES = ("x.txt", "x.txt.gz", "x.zip", "x.tar.gz", "x.jsonl")


def _valid(name: str, body: bytes) -> bytes:
    """``body`` packed as a file named ``name`` holds it."""
    if name == "x.txt.gz":
        return gzip.compress(body)
    if name == "x.zip":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("a.txt", body)
            archive.writestr("b.jsonl", body)
        return out.getvalue()
    if name == "x.tar.gz":
        out = io.BytesIO()
        with tarfile.open(fileobj=out, mode="w:gz") as archive:
            info = tarfile.TarInfo("a.jsonl")
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
        return out.getvalue()
    return body


@st.composite
def _contents(draw: st.DrawFn) -> bytes:
    """Bytes for one file: random, or a valid file of its kind cut or changed."""
    name = draw(st.sampled_from(_NAMES))
    body = draw(st.binary(max_size=300) | st.just(_line(STORY)))
    data = _valid(name, body)
    if draw(st.booleans()) and data:
        at = draw(st.integers(0, len(data) - 1))
        data = (
            data[:at]
            if draw(st.booleans())
            else data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]
        )
    return data


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_contents(), min_size=len(_NAMES), max_size=len(_NAMES)))
def test_any_bytes_give_records_and_never_raise(tmp_path: Path, contents: list[bytes]) -> None:
    paths = []
    for name, data in zip(_NAMES, contents, strict=True):
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    tasks: list[Task] = list(tasks_of(paths, max_size=10_000))
    records = [read_task(task, Options(extract=False)) for task in tasks]
    assert len(records) == len(tasks)
    assert {task.source.path for task in tasks} == set(paths)
    for record in records:
        assert record.ok or record.error is not None
        encode_record(record)  # every record can be written
