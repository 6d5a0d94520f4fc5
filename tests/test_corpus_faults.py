"""A corpus run under faults: dead workers, a full disk, Ctrl-C, bad files among good.

Each run must complete or stop with a clear error; every good record appears
exactly once; every bad one is reported with its reason; nothing is left
half-written under the final name.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest

from newsdoc.cli import main
from newsdoc.corpus import OutputError, _atomic, read_records
from tests._workers import KillAlways, KillOnce
from tests.conftest import ROOT

POISON = "Grimsby"


def _corpus(root: Path, count: int, poison: int | None = None) -> list[str]:
    """``count`` small articles (the one at ``poison`` names the poison word);
    their headlines in order."""
    root.mkdir(exist_ok=True)
    headlines = []
    for n in range(count):
        place = POISON if n == poison else "Leeds"
        headline = f"Story {n} from {place}"
        text = f"date: 2024-03-01\n{headline}\n\nThe mayor said: “We are ready,” on Monday.\n"
        (root / f"{n:05d}.txt").write_text(text, encoding="utf-8")
        headlines.append(headline)
    return headlines


def test_a_worker_killed_once_loses_nothing(tmp_path: Path) -> None:
    headlines = _corpus(tmp_path / "in", 120, poison=70)
    claim = tmp_path / "claim"
    claim.touch()
    records = list(
        read_records(str(tmp_path / "in"), workers=2, extract=KillOnce(POISON, str(claim)))
    )
    assert not claim.exists()  # a worker did die
    assert [r.article.headline for r in records if r.article] == headlines
    assert all(r.error is None for r in records)


def test_an_input_that_always_kills_its_worker_is_reported_alone(tmp_path: Path) -> None:
    headlines = _corpus(tmp_path / "in", 120, poison=70)
    records = list(read_records(str(tmp_path / "in"), workers=2, extract=KillAlways(POISON)))
    assert len(records) == 120
    dead = [r for r in records if r.error is not None]
    assert [(r.source.path, r.error.code) for r in dead if r.error] == [
        (str(tmp_path / "in" / "00070.txt"), "worker-died")
    ]
    good = [r.article.headline for r in records if r.article]
    assert good == headlines[:70] + headlines[71:]


def test_order_and_records_do_not_depend_on_workers(tmp_path: Path) -> None:
    _corpus(tmp_path / "in", 80)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "in" / "broken.zip").write_bytes(b"PK\x03\x04")
    one = list(read_records(str(tmp_path / "in")))
    assert list(read_records(str(tmp_path / "in"), workers=2)) == one


class _FullDisk:
    """A file whose writes fail with ENOSPC once ``room`` bytes are written."""

    def __init__(self, real: IO[bytes], room: int) -> None:
        self._real = real
        self._room = room

    def write(self, data: bytes) -> int:
        if len(data) > self._room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return self._real.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _full_disk(monkeypatch: pytest.MonkeyPatch, room: int) -> None:
    real = os.fdopen

    def fdopen(fd: int, mode: str) -> _FullDisk:
        return _FullDisk(real(fd, mode), room)

    monkeypatch.setattr(os, "fdopen", fdopen)


@pytest.mark.parametrize(("name", "room"), [("out.jsonl", 5000), ("out.jsonl.gz", 300)])
def test_a_full_disk_stops_the_run_with_a_clear_error_and_no_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    room: int,
) -> None:
    _corpus(tmp_path / "in", 60)
    _full_disk(monkeypatch, room)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["parse", str(tmp_path / "in"), "-o", str(out / name), "--no-extract"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"newsdoc parse: error: cannot write {out / name}: no space left on the device; "
        "no file was left under that name\n"
    )
    assert list(out.iterdir()) == []


def test_the_writer_raises_output_error_on_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _full_disk(monkeypatch, 10)
    with pytest.raises(OutputError, match="no space left"), _atomic.AtomicFile(tmp_path / "x") as f:
        f.write(b"more than ten bytes")
    assert list(tmp_path.iterdir()) == []


def test_bad_files_among_good_ones_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headlines = _corpus(tmp_path / "in", 30)
    (tmp_path / "in" / "broken.zip").write_bytes(b"PK\x03\x04")
    os.symlink(tmp_path / "nowhere", tmp_path / "in" / "dangling.txt")
    target = tmp_path / "out.jsonl"
    argv = ["parse", str(tmp_path / "in"), "-o", str(target), "--workers", "2"]
    assert main(argv) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{tmp_path}/in/broken.zip: error: cannot read: File is not a zip file",
        f"{tmp_path}/in/dangling.txt: error: cannot read: No such file or directory",
        f"newsdoc parse: 30 articles, 2 failed: {target}",
    ]
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["headline"] for line in lines if line["error"] is None] == headlines
    assert [line["error"]["code"] for line in lines if line["error"]] == ["unreadable"] * 2


def test_ctrl_c_keeps_every_finished_record_in_a_valid_file(tmp_path: Path) -> None:
    headlines = _corpus(tmp_path / "in", 3000)
    target = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsdoc", "parse", str(tmp_path / "in"), "-o", str(target)]
    process = subprocess.Popen(
        [*command, "--workers", "2"], cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        partial = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        if partial and partial[0].stat().st_size > 0:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    lines = target.read_text(encoding="utf-8").splitlines()
    assert 0 < len(lines) < len(headlines)
    assert err.strip().endswith(f"interrupted; {len(lines)} records written")
    # The records written are the first ones, whole and in order.
    assert [json.loads(line)["headline"] for line in lines] == headlines[: len(lines)]
    assert [p.name for p in tmp_path.iterdir() if p.name != "in"] == ["out.jsonl"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_among_files_does_not_hang_the_run(tmp_path: Path) -> None:
    headlines = _corpus(tmp_path / "in", 3)
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    records = list(read_records(str(tmp_path / "in")))
    assert [r.article.headline for r in records if r.article] == headlines
    (failed,) = [(r.source.path, r.error.code) for r in records if r.error]
    assert failed == (
        str(tmp_path / "in" / "pipe.txt"),
        "unreadable",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_as_a_file_is_read_to_its_end(tmp_path: Path) -> None:
    pipe = tmp_path / "story.txt"
    os.mkfifo(pipe)
    text = "date: 2024-03-01\nHeadline\n\n" + "A long paragraph. " * 8000 + "\n"

    def write() -> None:
        with open(pipe, "w", encoding="utf-8") as stream:
            stream.write(text)

    writer = threading.Thread(target=write)
    writer.start()
    (record,) = read_records(str(pipe), extract=False)
    writer.join()
    assert record.article is not None
    assert record.article.paragraphs == (text.split("\n")[3].strip(),)
