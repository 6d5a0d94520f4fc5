"""The command line: ``newsdoc parse PATH...`` (also ``python -m newsdoc``).

Exit status: 0 when every file was read, 1 when a file could not be read or
(with ``--strict``) held an error, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from newsdoc import __version__
from newsdoc._errors import ParseError
from newsdoc._json import to_json
from newsdoc._model import Article
from newsdoc._reader import id_from_filename, loads
from newsdoc._writer import dumps

__all__ = ["main"]

_EPILOG = """\
examples:
  newsdoc parse seeds/000_5034f051d719ed27.txt
  newsdoc parse --strict corpus/*.txt > articles.jsonl
  newsdoc parse --format text messy.txt > clean.txt

Diagnostics go to standard error as FILE:LINE:COL: CODE: MESSAGE.
"""


def _parser() -> argparse.ArgumentParser:
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
            "JSON Lines, one article per line, in the order given."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument("paths", nargs="+", metavar="PATH", help="seed-format files ('-' for stdin)")
    parse.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="json (default) or text: the article rewritten in the canonical seed layout",
    )
    parse.add_argument(
        "--strict",
        action="store_true",
        help="treat error diagnostics as failures: print nothing for such a file, exit 1",
    )
    return parser


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fp:
        return fp.read()


def _say(stream: TextIO, path: str, line: int, col: int, code: str, message: str) -> None:
    print(f"{path}:{line}:{col}: {code}: {message}", file=stream)


def _parse_one(path: str, strict: bool, err: TextIO) -> Article | None:
    name = "<stdin>" if path == "-" else path
    try:
        data = _read_bytes(path)
    except OSError as error:
        print(f"{name}: error: cannot read: {error.strerror or error}", file=err)
        return None
    try:
        article = loads(data, strict=strict, id=None if path == "-" else id_from_filename(path))
    except ParseError as error:
        _say(err, name, error.lineno, error.colno, error.code, error.msg)
        return None
    for d in article.diagnostics:
        _say(err, name, d.lineno, d.colno, d.code, d.message)
    return article


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    paths: list[str] = args.paths
    if args.format == "text" and len(paths) != 1:
        print("newsdoc parse: error: --format text takes exactly one PATH", file=err)
        return 2
    status = 0
    for path in paths:
        article = _parse_one(path, args.strict, err)
        if article is None:
            status = 1
            continue
        if args.format == "text":
            try:
                out.write(dumps(article))
            except ValueError as error:
                name = "<stdin>" if path == "-" else path
                print(f"{name}: error: cannot be written: {error}", file=err)
                status = 1
        else:
            out.write(to_json(article).decode("utf-8") + "\n")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        return _cmd_parse(args, out, err)
    except BrokenPipeError:
        # The reader went away (``newsdoc parse ... | head``): not an error of ours.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
