"""The command line, run in-process and as ``python -m newsdoc``."""

from __future__ import annotations

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
    assert "exactly one PATH" in err


def test_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    code, out, err = run(["parse", str(missing), str(SAMPLE)], capsys)
    assert code == 1
    assert len(out.splitlines()) == 1
    assert err.startswith(f"{missing}: error: cannot read:")


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
    assert code == 2
    assert "no files found" in err
    code, out, _ = run(["check", str(tmp_path / "missing.txt")], capsys)
    assert code == 1
    assert "cannot read" in out
    assert "unreadable (error)" in out


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
    assert extracted["dates"]
    assert newsdoc.from_dict(extracted) == newsdoc.read(SAMPLE)
    assert main(["parse", "--no-extract", str(SAMPLE)]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert plain["entities"] == plain["quotes"] == plain["dates"] == []


def test_check_reports_extraction_diagnostics_unless_told_not_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "open_quote.txt"
    path.write_text("date: 2023-07-09\nHeadline\n\nShe said: “It is over.\n", encoding="utf-8")
    assert main(["check", str(path)]) == 0  # a warning only
    assert f"{path}:4:11: unbalanced-quote: " in capsys.readouterr().out
    assert main(["check", "--no-extract", str(path)]) == 0
    assert "unbalanced-quote" not in capsys.readouterr().out
