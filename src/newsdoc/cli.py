"""The command line: ``newsdoc parse`` and ``newsdoc check`` (also ``python -m newsdoc``).

Both commands take the same PATHs (files, directories searched for ``*.txt``,
glob patterns, ``-`` for standard input) and the same ``--max-size`` and
``--no-extract``, and read each file in the same way: the functions below
marked "shared" serve both.

Exit status: 0 when all went well; 1 when a PATH named no file, a file could
not be read or was too large, or a file held an error (``check``, and
``parse --strict``); 2 for a usage error.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple, TextIO

from newsdoc import __version__
from newsdoc._errors import CODES, ParseError
from newsdoc._json import to_json
from newsdoc._model import Article
from newsdoc._reader import id_from_filename, loads, read_at_most
from newsdoc._writer import dumps

__all__ = ["main"]

#: The PATH that means standard input, and its name in messages.
STDIN = "-"
STDIN_NAME = "<stdin>"

_PATHS_HELP = (
    "files, directories (every *.txt file below them), quoted glob patterns "
    "('corpus/**/*.txt'), or '-' for standard input"
)

_EPILOG = """\
examples:
  newsdoc parse seeds/000_5034f051d719ed27.txt
  newsdoc parse --strict corpus/ > articles.jsonl
  newsdoc parse --format text messy.txt > clean.txt
  newsdoc check corpus/
  newsdoc check 'corpus/**/*.txt' --quiet

Diagnostics are printed as FILE:LINE:COL: CODE: MESSAGE. A PATH that does not
exist is an error; a directory or glob pattern without any file is a warning
(an error when no PATH gives a file at all).
"""


def _max_size(text: str) -> int:
    """``--max-size``: a whole number of bytes, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number of bytes, 0 or more: {text!r}")
    return value


def _add_common(command: argparse.ArgumentParser, no_extract_help: str) -> None:
    """The arguments every command takes (shared)."""
    command.add_argument("paths", nargs="+", metavar="PATH", help=_PATHS_HELP)
    command.add_argument(
        "--max-size",
        type=_max_size,
        default=None,
        metavar="BYTES",
        help="report files larger than this as too-large errors instead of reading them",
    )
    command.add_argument("--no-extract", dest="extract", action="store_false", help=no_extract_help)


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and the parser of each command by name."""
    parser = argparse.ArgumentParser(
        prog="newsdoc",
        description="Read news articles in the seed format into typed data.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsdoc {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        help="parse articles and print them as JSON (or canonical seed text)",
        description=(
            "Parse seed-format files. One file prints one JSON object; several print "
            "JSON Lines, one article per line, in the order given (a directory's or a "
            "pattern's files sorted by name). Diagnostics go to standard error."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="json (default) or text: the article rewritten in the canonical seed layout "
        "(exactly one file)",
    )
    parse.add_argument(
        "--strict",
        action="store_true",
        help="treat error diagnostics as failures: print nothing for such a file, exit 1",
    )
    _add_common(parse, "structure only: no entities, quotes or dates (several times faster)")
    check = commands.add_parser(
        "check",
        help="report every diagnostic of many files, then a count by code",
        description=(
            "Read seed-format files and print each diagnostic as FILE:LINE:COL: CODE: "
            "MESSAGE on standard output, then a summary by code. Exit 1 when any file "
            "holds an error or cannot be read, or a PATH names no file."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("--quiet", action="store_true", help="print the summary only")
    _add_common(
        check,
        "check the structure only, without extraction's diagnostics (unbalanced-quote)",
    )
    return parser, {"parse": parse, "check": check}


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; a usage error exits with status 2 and the usage of its command.

    argparse reports an unknown option of a command with the top-level usage
    (``usage: newsdoc [-h] ...``): so the command's own parser reads its
    arguments again, and reports them itself.
    """
    parser, commands = _parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    args, unknown = parser.parse_known_args(arguments)
    if unknown:
        # The top-level parser takes no option with a value: the first word that
        # is the command's name is the command.
        rest = arguments[arguments.index(args.command) + 1 :]
        commands[args.command].parse_args(rest)  # exits when they are the command's
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    args.command_parser = commands[args.command]
    return args


def _usage_error(args: argparse.Namespace, message: str, err: TextIO) -> int:
    """Report a usage error found after parsing, as argparse reports its own."""
    command: argparse.ArgumentParser = args.command_parser
    command.print_usage(err)
    print(f"{command.prog}: error: {message}", file=err)
    return 2


class _Files(NamedTuple):
    """The files the PATHs name, in order, and how many PATHs do not exist."""

    files: list[str]
    missing: int


def _expand(paths: Sequence[str], err: TextIO) -> _Files:
    """Each file a PATH names (shared): ``-`` itself, a file itself, the ``*.txt``
    files below a directory, or a glob pattern's files, sorted by name.

    A PATH that does not exist (and is no pattern) is reported as an error on
    ``err``; a directory or a pattern without any file, as a warning.
    """
    files: list[str] = []
    missing = 0
    for path in paths:
        if path == STDIN:
            found = [path]
        elif os.path.isdir(path):
            below = glob.glob(os.path.join(glob.escape(path), "**", "*.txt"), recursive=True)
            found = sorted(p for p in below if os.path.isfile(p))
        elif os.path.exists(path):
            found = [path]
        elif glob.has_magic(path):
            found = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
        else:
            print(f"{path}: error: no such file or directory", file=err)
            missing += 1
            continue
        if not found:
            print(f"{path}: warning: no files found", file=err)
        files += found
    return _Files(files, missing)


def _nothing_to(command: str, err: TextIO) -> int:
    """No PATH gave a file (shared): an error, after the PATHs' own messages."""
    print(f"newsdoc {command}: error: no files to {command}", file=err)
    return 1


def _name(path: str) -> str:
    """How a file is named in messages."""
    return STDIN_NAME if path == STDIN else path


def _located(name: str, line: int, col: int, code: str, message: str) -> str:
    """A diagnostic as printed: FILE:LINE:COL: CODE: MESSAGE."""
    return f"{name}:{line}:{col}: {code}: {message}"


def _read(path: str, max_size: int | None) -> bytes:
    """The bytes of a file or standard input; `ParseError` (``too-large``), giving
    the real size where it is known, when there are over ``max_size``."""
    if path == STDIN:
        return read_at_most(sys.stdin.buffer, max_size)
    with open(path, "rb") as fp:
        return read_at_most(fp, max_size)


class _Failure(NamedTuple):
    """A file that gave no article: its code (``unreadable``, or the ParseError's) and
    the line that reports it."""

    code: str
    line: str


def _load(path: str, *, strict: bool, max_size: int | None, extract: bool) -> Article | _Failure:
    """Read and parse one file (shared)."""
    name = _name(path)
    file_id = None if path == STDIN else id_from_filename(path)
    try:
        data = _read(path, max_size)
        return loads(data, strict=strict, id=file_id, max_size=max_size, extract=extract)
    except OSError as error:
        return _Failure("unreadable", f"{name}: error: cannot read: {error.strerror or error}")
    except ParseError as error:  # too-large; with strict=True, the first error too
        return _Failure(
            error.code, _located(name, error.lineno, error.colno, error.code, error.msg)
        )


def _print_diagnostics(stream: TextIO, path: str, article: Article) -> None:
    """Every diagnostic of an article, one a line (shared)."""
    name = _name(path)
    for d in article.diagnostics:
        print(_located(name, d.lineno, d.colno, d.code, d.message), file=stream)


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    found = _expand(args.paths, err)
    if not found.files:
        return _nothing_to("check", err)
    counts: Counter[str] = Counter()
    failed = 0
    for path in found.files:
        result = _load(path, strict=False, max_size=args.max_size, extract=args.extract)
        if isinstance(result, _Failure):
            counts[result.code] += 1
            failed += 1
            if not args.quiet:
                print(result.line, file=out)
            continue
        counts.update(d.code for d in result.diagnostics)
        if not args.quiet:
            _print_diagnostics(out, path, result)
        failed += bool(result.errors)
    _summary(out, len(found.files), failed, found.missing, counts)
    return 1 if failed or found.missing else 0


def _summary(out: TextIO, files: int, failed: int, missing: int, counts: Counter[str]) -> None:
    noun = "file" if files == 1 else "files"
    line = f"{files} {noun} checked, {failed} with errors"
    if missing:
        line += f", {missing} {'path' if missing == 1 else 'paths'} not found"
    print(line, file=out)
    for code, number in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        severity = CODES[code][0] if code in CODES else "error"
        print(f"  {number:>7}  {code} ({severity})", file=out)


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    text = args.format == "text"
    if text and len(args.paths) != 1:
        return _usage_error(args, "--format text takes exactly one PATH", err)
    found = _expand(args.paths, err)
    if text and len(found.files) > 1:
        message = f"--format text takes exactly one file; {args.paths[0]} holds {len(found.files)}"
        return _usage_error(args, message, err)
    if not found.files:
        return _nothing_to("parse", err)
    status = 1 if found.missing else 0
    for path in found.files:
        result = _load(path, strict=args.strict, max_size=args.max_size, extract=args.extract)
        if isinstance(result, _Failure):
            print(result.line, file=err)
            status = 1
            continue
        _print_diagnostics(err, path, result)
        if not text:
            out.write(to_json(result).decode("utf-8") + "\n")
            continue
        try:
            out.write(dumps(result))
        except ValueError as error:
            print(f"{_name(path)}: error: cannot be written: {error}", file=err)
            status = 1
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "check":
            return _cmd_check(args, out, err)
        return _cmd_parse(args, out, err)
    except BrokenPipeError:
        # The reader went away (``newsdoc parse ... | head``): not an error of ours.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
