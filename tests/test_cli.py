"""The command line, run in-process and as ``python -m newsdoc``."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsdoc
from newsdoc.cli import main
from tests.conftest import SAMPLE

BAD = " date 2023-02-30 \u00a0\nHeadline\n\nBody.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_one_file_gives_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["parse", str(SAMPLE)], capsys)
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    article = newsdoc.from_json(out)
    assert article == newsdoc.read(SAMPLE)
    assert article.id == "5034f051d719ed27"


def test_several_files_give_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Second headline\n\nBody.\n", encoding="utf-8")
    code, out, err = run(["parse", str(SAMPLE), str(other)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert [json.loads(line)["headline"] for line in lines] == [
        newsdoc.read(SAMPLE).headline,
        "Second headline",
    ]
    assert err == f"{other}:1:1: no-date: No date header line\n"


def test_diagnostics_go_to_stderr_and_strict_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(BAD, encoding="utf-8")
    code, out, err = run(["parse", str(bad)], capsys)
    assert code == 0
    assert json.loads(out)["metadata"] == {"date": "2023-02-30"}
    assert err == f"{bad}:1:7: invalid-date: Invalid date '2023-02-30'\n"
    code, out, err = run(["parse", "--strict", str(bad), str(SAMPLE)], capsys)
    assert code == 1
    assert len(out.splitlines()) == 1  # only the sample
    assert err == f"{bad}:1:7: invalid-date: Invalid date '2023-02-30'\n"


def test_text_format_rewrites_canonically(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    messy = tmp_path / "messy.txt"
    messy.write_bytes(b"Date: 9 July 2023\r\nHeadline\r\n\r\n\r\nBody.\r\n")
    code, out, _ = run(["parse", "--format", "text", str(messy)], capsys)
    assert code == 0
    assert out == " date 2023-07-09 \u00a0\nHeadline\n\nBody.\n\n"
    code, _, err = run(["parse", "--format", "text", str(messy), str(messy)], capsys)
    assert code == 2
    assert err.startswith("usage: newsdoc parse ")
    assert err.endswith("newsdoc parse: error: --format text takes exactly one PATH\n")


def test_missing_path_is_an_error_in_both_commands(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    message = f"{missing}: error: no such file or directory\n"
    code, out, err = run(["parse", str(missing), str(SAMPLE)], capsys)
    assert (code, err) == (1, message)
    assert len(out.splitlines()) == 1  # the other file is still printed
    code, out, err = run(["check", str(missing), str(SAMPLE)], capsys)
    assert (code, err) == (1, message)
    assert out == "1 file checked, 0 with errors, 1 path not found\n"
    code, out, err = run(["check", "--quiet", str(missing), str(SAMPLE)], capsys)
    assert (code, err) == (1, message)  # --quiet leaves standard error alone


def test_missing_path_alone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nosuchdir"
    for command in ("parse", "check"):
        code, out, err = run([command, str(missing)], capsys)
        assert (code, out) == (1, "")
        assert err == (
            f"{missing}: error: no such file or directory\n"
            f"newsdoc {command}: error: no files to {command}\n"
        )


class _BrokenStdin:
    """Standard input whose reading fails."""

    class buffer:  # the attribute of sys.stdin that is read
        @staticmethod
        def read(size: int = -1) -> bytes:
            raise OSError(errno.EIO, "Input/output error")


def test_unreadable_input_in_both_commands(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _BrokenStdin())
    code, out, err = run(["parse", "-"], capsys)
    assert (code, out, err) == (1, "", "<stdin>: error: cannot read: Input/output error\n")
    code, out, err = run(["check", "-"], capsys)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "<stdin>: error: cannot read: Input/output error",
        "1 file checked, 1 with errors",
        "        1  unreadable (error)",
    ]


def test_check_reads_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsdoc", "check", "-"],
        input=BAD.encode(),
        capture_output=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, b"")
    assert result.stdout.decode().splitlines() == [
        "<stdin>:1:7: invalid-date: Invalid date '2023-02-30'",
        "1 file checked, 1 with errors",
        "        1  invalid-date (error)",
    ]


def _corpus(root: Path) -> list[Path]:
    """A directory of articles, and the files of it that are read, in order."""
    (root / "sub").mkdir()
    (root / "folder.txt").mkdir()  # a directory, whatever its name
    (root / "b.txt").write_bytes(SAMPLE.read_bytes())
    (root / "sub" / "a.txt").write_text("date: 2023-07-09\nSecond\n\nBody.\n", encoding="utf-8")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    return [root / "b.txt", root / "sub" / "a.txt"]


def test_parse_takes_what_check_takes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _corpus(tmp_path)
    headlines = [newsdoc.read(path).headline for path in files]
    for paths in ([str(tmp_path)], [str(tmp_path / "**" / "*.txt")]):
        code, out, err = run(["parse", "--no-extract", *paths], capsys)
        assert (code, err) == (0, "")
        assert [json.loads(line)["headline"] for line in out.splitlines()] == headlines
        code, out, err = run(["check", *paths], capsys)
        assert (code, err) == (0, "")
        assert out == "2 files checked, 0 with errors\n"


def test_parse_format_text_counts_files_after_expansion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _corpus(tmp_path)
    code, out, err = run(["parse", "--format", "text", str(tmp_path)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("usage: newsdoc parse ")
    assert err.endswith(
        f"newsdoc parse: error: --format text takes exactly one file; {tmp_path} holds 2\n"
    )
    code, out, err = run(["parse", "--format", "text", str(tmp_path / "sub")], capsys)
    assert (code, out, err) == (0, " date 2023-07-09 \u00a0\nSecond\n\nBody.\n\n", "")


def test_nothing_found_is_a_warning_unless_nothing_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    nothing = [str(tmp_path / "*.nothing"), str(tmp_path / "empty")]
    warnings = "".join(f"{path}: warning: no files found\n" for path in nothing)
    for command in ("parse", "check"):
        code, out, err = run([command, *nothing], capsys)
        assert (code, out) == (1, "")
        assert err == warnings + f"newsdoc {command}: error: no files to {command}\n"
        code, out, err = run([command, *nothing, str(SAMPLE)], capsys)
        assert (code, err) == (0, warnings)
        assert len(out.splitlines()) == 1


def test_unknown_option_prints_the_command_usage(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("parse", "check"):
        for argv in ([command, "--bogus", "x"], [command, "x", "--bogus"]):
            with pytest.raises(SystemExit) as info:
                main(argv)
            assert info.value.code == 2
            err = capsys.readouterr().err
            assert err.startswith(f"usage: newsdoc {command} ")
            assert err.endswith(f"newsdoc {command}: error: unrecognized arguments: --bogus\n")
    with pytest.raises(SystemExit) as info:
        main(["--bogus", "parse", "x"])  # an option of no command: the top-level usage
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: newsdoc [-h]")
    assert err.endswith("newsdoc: error: unrecognized arguments: --bogus\n")


def test_parse_max_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = tmp_path / "small.txt"
    small.write_text("date: 2023-07-09\nHeadline\n\nBody.\n", encoding="utf-8")
    code, out, err = run(["parse", "--max-size", "100", str(SAMPLE), str(small)], capsys)
    assert code == 1
    assert [json.loads(line)["headline"] for line in out.splitlines()] == ["Headline"]
    assert err.startswith(f"{SAMPLE}:1:1: too-large: The input is over max_size")
    assert err.count("\n") == 1


def test_max_size_must_be_a_number_of_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("parse", "check"):
        for size in ("-1", "ten"):
            with pytest.raises(SystemExit) as info:
                main([command, "--max-size", size, str(SAMPLE)])
            assert info.value.code == 2
            err = capsys.readouterr().err
            assert err.startswith(f"usage: newsdoc {command} ")
            assert "argument --max-size: must be a whole number of bytes, 0 or more" in err


def test_parse_strict_fails_on_an_empty_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    (tmp_path / "good.txt").write_bytes(SAMPLE.read_bytes())
    code, out, err = run(["parse", "--strict", str(empty)], capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"{empty}:1:1: empty-input: ")
    code, out, err = run(["parse", "--strict", str(tmp_path)], capsys)
    assert code == 1
    assert [json.loads(line)["headline"] for line in out.splitlines()] == [
        newsdoc.read(SAMPLE).headline
    ]
    assert err.startswith(f"{empty}:1:1: empty-input: ")
    assert err.count("\n") == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in ([], ["parse"], ["parse", "--format", "xml", "x"], ["nope"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_help_is_useful(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse", "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for needle in ("--format", "--strict", "JSON Lines", "FILE:LINE:COL"):
        assert needle in out


def test_python_dash_m_and_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsdoc", "parse", "-"],
        input=SAMPLE.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # Standard input has no file name, so no id.
    assert newsdoc.from_json(result.stdout) == newsdoc.loads(SAMPLE.read_bytes())


def test_check_reports_each_file_then_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "good.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "sub" / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "sub" / "nodate.txt").write_text("Headline\n\nBody.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    code, out, err = run(["check", str(tmp_path)], capsys)
    assert code == 1
    assert err == ""
    assert out.splitlines() == [
        f"{tmp_path}/sub/bad.txt:1:7: invalid-date: Invalid date '2023-02-30'",
        f"{tmp_path}/sub/nodate.txt:1:1: no-date: No date header line",
        "3 files checked, 1 with errors",
        "        1  invalid-date (error)",
        "        1  no-date (warning)",
    ]


def test_check_globs_quiet_and_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b.txt").write_text("Headline\n\nBody.\n", encoding="utf-8")
    code, out, _ = run(["check", "--quiet", str(tmp_path / "*.txt")], capsys)
    assert code == 0  # warnings only
    assert out.splitlines() == ["2 files checked, 0 with errors", "        1  no-date (warning)"]
    code, out, err = run(["check", str(tmp_path / "*.nothing")], capsys)
    assert (code, out) == (1, "")
    assert "no files found" in err


def test_check_max_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    code, out, _ = run(["check", "--max-size", "100", str(tmp_path)], capsys)
    assert code == 1
    assert "too-large: The input is over max_size" in out


def test_parse_extracts_unless_told_not_to(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE)]) == 0
    extracted = json.loads(capsys.readouterr().out)
    assert extracted["entities"]
    assert extracted["quotes"]
    assert extracted["date_mentions"]
    assert newsdoc.from_dict(extracted) == newsdoc.read(SAMPLE)
    assert main(["parse", "--no-extract", str(SAMPLE)]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert plain["entities"] == plain["quotes"] == plain["date_mentions"] == []


def test_check_reports_extraction_diagnostics_unless_told_not_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "open_quote.txt"
    path.write_text("date: 2023-07-09\nHeadline\n\nShe said: “It is over.\n", encoding="utf-8")
    assert main(["check", str(path)]) == 0  # a warning only
    assert f"{path}:4:11: unbalanced-quote: " in capsys.readouterr().out
    assert main(["check", "--no-extract", str(path)]) == 0
    assert "unbalanced-quote" not in capsys.readouterr().out
