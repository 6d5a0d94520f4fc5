"""The corpus side of the command line: -o, --workers, --indent, progress, convert."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import newsdoc
from newsdoc.cli import _Progress, main
from newsdoc.corpus import read_records
from tests.conftest import SAMPLE

STORIES = [
    "date: 2024-03-01\nCouncil backs the bridge\n\nThe council voted on Monday.\n",
    "date: 2024-03-02\nFloods close the road\n\nWater rose overnight.\n",
    "Headline without a date\n\nA paragraph.\n",
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _corpus(root: Path) -> Path:
    root.mkdir()
    for n, text in enumerate(STORIES):
        (root / f"{n}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.ndjson"])
def test_parse_writes_every_record_to_the_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    folder = _corpus(tmp_path / "in")
    target = tmp_path / name
    code, out, err = run(
        ["parse", str(folder), str(tmp_path / "nope.txt"), "-o", str(target)], capsys
    )
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{tmp_path}/nope.txt: error: no such file or directory",
        f"newsdoc parse: 3 articles, 1 failed: {target}",
    ]
    data = target.read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    lines = [json.loads(line) for line in data.splitlines()]
    assert [line.get("headline") for line in lines] == [
        "Council backs the bridge",
        "Floods close the road",
        "Headline without a date",
        None,
    ]
    assert [d["code"] for d in lines[2]["diagnostics"]] == ["no-date"]
    assert lines[3]["error"]["code"] == "not-found"
    assert list(read_records(str(target))) == list(
        read_records([str(folder), str(tmp_path / "nope.txt")])
    )


def test_the_output_name_must_say_its_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["parse", str(SAMPLE), "-o", str(tmp_path / "out.csv")], capsys)
    assert (code, out) == (2, "")
    assert "cannot tell the output format of" in err
    assert list(tmp_path.iterdir()) == []


def test_workers_give_the_same_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path / "in")
    assert main(["parse", str(folder), "-o", str(tmp_path / "one.jsonl")]) == 0
    assert main(["parse", str(folder), "-o", str(tmp_path / "two.jsonl"), "--workers", "2"]) == 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    code, out, _ = run(["parse", str(folder), "--workers", "2"], capsys)
    assert code == 0
    assert out.encode() == (tmp_path / "one.jsonl").read_bytes()


def test_workers_must_be_a_whole_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse", "--workers", "two", str(SAMPLE)])
    assert info.value.code == 2
    assert "argument --workers: must be a whole number" in capsys.readouterr().err


def test_indent_prints_one_readable_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["parse", "--indent", "2", str(SAMPLE)], capsys)
    assert code == 0
    assert out.startswith('{\n  "schema_version": 2,\n')
    assert newsdoc.from_json(out) == newsdoc.read(SAMPLE)
    folder = _corpus(tmp_path / "in")
    code, out, err = run(["parse", "--indent", "1", str(folder)], capsys)
    assert code == 0
    assert [a["headline"] for a in json.loads(out)] == [s.split("\n")[1] for s in STORIES[:2]] + [
        "Headline without a date"
    ]
    assert err == f"{folder}/2.txt:1:1: no-date: No date header line\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_on_a_terminal_and_none_in_a_pipe() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    for stream, show in ((terminal, True), (pipe, True), (_Terminal(), False)):
        progress = _Progress(stream, show)
        progress.update(5)
        progress.print("a line")
        progress.close()
    assert "5" in terminal.getvalue()
    assert "articles" in terminal.getvalue()
    assert pipe.getvalue() == "a line\n"


def test_convert_writes_seed_text_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path / "in")
    records = tmp_path / "records.jsonl"
    assert run(["parse", str(folder), str(SAMPLE), "-o", str(records)], capsys)[0] == 0
    code, out, err = run(["convert", str(records), "-o", str(tmp_path / "texts")], capsys)
    assert (code, out, err) == (
        1,
        "",
        "newsdoc convert: error: several articles: give -o a directory, not '"
        + str(tmp_path / "texts")
        + "'\n",
    )
    code, out, err = run(["convert", str(records), "-o", str(tmp_path / "texts") + "/"], capsys)
    assert (code, out, err) == (0, "", "")
    names = sorted(p.name for p in (tmp_path / "texts").iterdir())
    assert names == ["000001.txt", "000002.txt", "000003.txt", "000004_5034f051d719ed27.txt"]
    assert (tmp_path / "texts" / names[3]).read_bytes() == SAMPLE.read_bytes()
    again = [newsdoc.read(tmp_path / "texts" / n, extract=False).headline for n in names[:3]]
    assert again == ["Council backs the bridge", "Floods close the road", "Headline without a date"]


def test_convert_one_article_and_bad_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "one.json"
    document.write_bytes(newsdoc.to_json(newsdoc.read(SAMPLE)))
    code, out, err = run(["convert", str(document)], capsys)
    assert (code, err) == (0, "")
    assert out == SAMPLE.read_text(encoding="utf-8")
    assert main(["convert", str(document), "-o", str(tmp_path / "one.txt")]) == 0
    assert (tmp_path / "one.txt").read_bytes() == SAMPLE.read_bytes()
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"schema_version": 2}\n', encoding="utf-8")
    code, out, err = run(["convert", str(broken)], capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"{broken}:1: error: headline: missing")


def test_stats_sums_a_corpus_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path / "in")
    (folder / "3.txt").write_text(STORIES[0], encoding="utf-8")  # the same story again
    code, out, err = run(["stats", str(folder), str(tmp_path / "nope.txt"), "--json"], capsys)
    assert (code, err) == (1, f"{tmp_path}/nope.txt: error: no such file or directory\n")
    figures = json.loads(out)
    assert (figures["records"], figures["articles"], figures["exact_duplicates"]) == (5, 4, 1)
    assert figures["dates"]["per_day"] == {"2024-03-01": 2, "2024-03-02": 1}
    code, out, err = run(["stats", str(folder)], capsys)
    assert (code, err) == (0, "")
    assert "exact duplicates  1" in out


def test_stats_near_duplicates_and_plot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("datasketch")
    image = pytest.importorskip("matplotlib.image")
    folder = tmp_path / "in"
    folder.mkdir()
    body = " ".join(f"Sentence {n} of the wire story about the harbour." for n in range(40))
    (folder / "a.txt").write_text(f"date: 2024-03-01\nHarbour\n\n{body}\n", encoding="utf-8")
    edited = body.replace("Sentence 7 ", "Line 7 ")
    (folder / "b.txt").write_text(f"date: 2024-03-02\nPort\n\n{edited}\n", encoding="utf-8")
    (folder / "c.txt").write_text(STORIES[1], encoding="utf-8")
    png = tmp_path / "stats.png"
    argv = ["stats", str(folder), "--near-duplicates", "--plot", str(png)]
    code, out, err = run(argv, capsys)
    assert (code, err) == (0, "")
    assert out.endswith(
        f"Near-duplicate clusters: 1\n  1. 2 articles\n     {folder}/a.txt\n     {folder}/b.txt\n"
    )
    assert image.imread(str(png)).shape[:2] == (900, 1200)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_parse_writes_parquet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    pytest.importorskip("pyarrow")
    from newsdoc.corpus.arrow import read_parquet

    folder = _corpus(tmp_path / "in")
    (folder / "broken.zip").write_bytes(b"PK\x03\x04")
    target = tmp_path / "out.parquet"
    code, out, err = run(["parse", str(folder), "-o", str(target), "--workers", workers], capsys)
    assert (code, out) == (1, "")
    assert err.endswith(f"newsdoc parse: 3 articles, 1 failed: {target}\n")
    assert list(read_parquet(target)) == list(read_records(str(folder)))


def test_usage_problems_are_found_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = [
        (["parse", "--indent", "2", "--format", "text", str(SAMPLE)], "cannot go with --format"),
        (["parse", str(SAMPLE), "-o", str(tmp_path)], "is a directory; name a file"),
        (["stats", str(SAMPLE), "--plot", str(tmp_path / "x.jpg")], "--plot draws a PNG"),
        (["stats", str(SAMPLE), "--plot", str(tmp_path / "no" / "x.png")], "no such directory"),
    ]
    for argv, message in cases:
        code, out, err = run(argv, capsys)
        assert (code, out) == (2, ""), argv
        assert message in err
    for argv in (["stats", "--top", "0", str(SAMPLE)], ["parse", "--indent", "-3", str(SAMPLE)]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
    assert "must be a whole number" in capsys.readouterr().err


def test_a_full_standard_output_is_a_clear_error() -> None:
    with open(os.devnull if not os.path.exists("/dev/full") else "/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "newsdoc", "parse", str(SAMPLE)],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    assert result.returncode == 1
    assert result.stderr.decode().startswith(
        "newsdoc parse: error: cannot write to standard output"
    )


def test_the_output_is_not_read_back_as_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _corpus(tmp_path / "in")
    target = folder / "all.jsonl"
    for _ in range(2):
        code, _, err = run(["parse", str(folder), "-o", str(target)], capsys)
        assert code == 0
        assert err.endswith(f"newsdoc parse: 3 articles, 0 failed: {target}\n")


def test_a_file_name_that_is_not_utf8_is_written_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"caf\xe9.txt")).write_text(STORIES[0], encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    target = tmp_path / "out.jsonl"
    assert run(["parse", str(folder), "-o", str(target)], capsys)[0] == 0
    (line,) = target.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["source"]["path"] == f"{folder}/caf\\xe9.txt"
