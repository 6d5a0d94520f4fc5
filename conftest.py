"""Run the examples in the documentation as tests, with Sybil.

Collected from ``docs/*.md`` and ``README.md``, in a working directory set to
the repository root (so examples name files as ``seeds/...``):

- ```` ```python ```` blocks: run as code, or as doctests when they start
  with ``>>>``; ``<!-- invisible-code-block: python -->`` runs hidden checks;
  ``<!-- skip: next -->`` skips the next example.
- ```` ```json ```` blocks: must be valid JSON; the text of the last one
  (without its final newline) is kept as ``json_block`` for a later check.
- ```` ```console ```` blocks: each ``$ `` line runs in ``bash`` with the
  project's ``newsdoc`` command on ``PATH``; the lines up to the next ``$ ``
  are its expected output (standard output and error together).
- ``<!-- check-codes: module.NAME -->`` followed by a Markdown table: the
  table's rows (code, severity, meaning) must equal the dict ``NAME``
  (code -> (severity, meaning)), entry for entry and in order.
"""

from __future__ import annotations

import doctest
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from sybil import Document, Example, Region, Sybil
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser, SkipParser

ROOT = Path(__file__).resolve().parent


def _enter_root(namespace: dict[str, Any]) -> None:
    namespace["_previous_cwd"] = os.getcwd()
    os.chdir(ROOT)


def _leave_root(namespace: dict[str, Any]) -> None:
    os.chdir(namespace["_previous_cwd"])


def _check_json(example: Example) -> str | None:
    """A ``json`` block must parse; keep its text for later examples."""
    text = str(example.parsed)
    try:
        json.loads(text)
    except ValueError as error:
        return f"invalid JSON: {error}"
    example.namespace["json_block"] = text.removesuffix("\n")
    return None


_PROMPT = "$ "


def _console_script(commands: list[str], marker: str) -> str:
    """One bash script running every command, printing ``marker`` before each.

    ``$?`` is carried from one command to the next, so ``echo $?`` shows the
    exit status of the command before it.
    """
    lines = ["status=0"]
    for command in commands:
        lines += [f"echo {marker}", "(exit $status)", command, "status=$?"]
    return "\n".join(lines) + "\n"


def _run_console(example: Example) -> str | None:
    """Run the ``$ `` commands of a ``console`` block and compare their output."""
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("console examples need bash")
    commands: list[str] = []
    expected: list[list[str]] = []
    for line in str(example.parsed).splitlines():
        if line.startswith(_PROMPT):
            commands.append(line[len(_PROMPT) :])
            expected.append([])
        elif commands:
            expected[-1].append(line.rstrip())
        elif line.strip():
            return f"console block: output before the first {_PROMPT!r}: {line!r}"
    marker = "----newsdoc-docs-command----"
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONUNBUFFERED"] = "1"  # stdout and stderr interleave in program order
    env["COLUMNS"] = "80"
    result = subprocess.run(
        [bash, "--norc", "--noprofile", "-c", _console_script(commands, marker)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=120,
        check=False,
    )
    outputs = result.stdout.split(marker + "\n")[1:]
    if len(outputs) != len(commands):
        return f"bash stopped early (status {result.returncode}):\n{result.stdout}"
    for command, want, got in zip(commands, expected, outputs, strict=True):
        got_lines = [line.rstrip() for line in got.splitlines()]
        if got_lines != want:
            return f"$ {command}\nexpected:\n" + "\n".join(want) + "\ngot:\n" + "\n".join(got_lines)
    return None


_CHECK_CODES = re.compile(r"^<!--\s*check-codes:\s*(?P<target>[\w.]+)\s*-->[ \t]*\n", re.MULTILINE)
_TABLE = re.compile(r"(?:[ \t]*\n)*(?P<table>(?:\|[^\n]*\|[ \t]*(?:\n|\Z))+)")


def _cells(row: str) -> list[str]:
    inner = row.strip()[1:-1]
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _unquote(cell: str) -> str:
    """A table cell holding only a code span, as its text (`` `bom` `` -> ``bom``)."""
    match = re.fullmatch(r"`([^`]*)`", cell)
    return match.group(1) if match else cell


def _parse_code_tables(document: Document) -> Iterable[Region]:
    for start in _CHECK_CODES.finditer(document.text):
        table = _TABLE.match(document.text, start.end())
        rows = [] if table is None else table.group("table").splitlines()
        body = [_cells(row) for row in rows[2:]] if len(rows) >= 2 else []
        end = start.end() if table is None else table.end()
        yield Region(start.start(), end, (start.group("target"), body), _check_codes)


def _check_codes(example: Example) -> str | None:
    target, rows = example.parsed
    module_name, _, name = str(target).rpartition(".")
    expected: dict[str, tuple[str, str]] = getattr(importlib.import_module(module_name), name)
    if not rows:
        return f"no table follows <!-- check-codes: {target} -->"
    problems = [
        f"row {i + 1}: expected 3 cells, got {row}" for i, row in enumerate(rows) if len(row) != 3
    ]
    if problems:
        return "\n".join(problems)
    documented = [(_unquote(code), severity, meaning) for code, severity, meaning in rows]
    actual = [(code, severity, meaning) for code, (severity, meaning) in expected.items()]
    if documented == actual:
        return None
    lines = [f"the table differs from {target}:"]
    for code, severity, meaning in actual:
        if (code, severity, meaning) not in documented:
            lines.append(f"  {target} has: | `{code}` | {severity} | {meaning} |")
    for code, severity, meaning in documented:
        if (code, severity, meaning) not in actual:
            lines.append(f"  the table has: | `{code}` | {severity} | {meaning} |")
    if len(lines) == 1:
        lines.append("  same rows, different order")
    return "\n".join(lines)


pytest_collect_file = Sybil(
    parsers=[
        SkipParser(),
        PythonCodeBlockParser(doctest_optionflags=doctest.ELLIPSIS),
        CodeBlockParser(language="json", evaluator=_check_json),
        CodeBlockParser(language="console", evaluator=_run_console),
        _parse_code_tables,
    ],
    patterns=["docs/*.md", "README.md"],
    setup=_enter_root,
    teardown=_leave_root,
).pytest()
