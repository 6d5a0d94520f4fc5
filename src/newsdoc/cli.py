"""The command line: ``newsdoc parse`` and ``newsdoc check`` (also ``python -m newsdoc``).

Exit status: 0 when all went well; 1 when a file could not be read, or held
an error (``check``, and ``parse --strict``); 2 for a usage error.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TextIO

from newsdoc import __version__
from newsdoc._errors import CODES, ParseError
from newsdoc._json import to_json
from newsdoc._model import Article
from newsdoc._reader import id_from_filename, loads
from newsdoc._writer import dumps

__all__ = ["main"]

_EPILOG = """\
examples:
  newsdoc parse seeds/000_5034f051d719ed27.txt
  newsdoc check corpus/
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
    parse.add_argument(
        "--no-extract",
        dest="extract",
        action="store_false",
        help="structure only: no entities, quotes or dates (several times faster)",
    )
    check = commands.add_parser(
        "check",
        help="report every diagnostic of many files, then a count by code",
        description=(
            "Read seed-format files (files, directories searched for *.txt, or glob "
            "patterns) and print each diagnostic as FILE:LINE:COL: CODE: MESSAGE, then a "
            "summary by code. Exit 1 when any file holds an error or cannot be read."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  newsdoc check seeds/\n  newsdoc check 'corpus/**/*.txt' --quiet\n",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or globs")
    check.add_argument("--quiet", action="store_true", help="print the summary only")
    check.add_argument(
        "--max-size",
        type=int,
        default=None,
        metavar="BYTES",
        help="report files larger than this as too-large errors instead of reading them",
    )
    check.add_argument(
        "--no-extract",
        dest="extract",
        action="store_false",
        help="check the structure only, without extraction's diagnostics (unbalanced-quote)",
    )
    return parser


def _expand(paths: Sequence[str], err: TextIO) -> Iterator[str]:
    """Each file a PATH names: itself, the *.txt files below a directory, or a glob's matches."""
    for path in paths:
        if os.path.isdir(path):
            found = sorted(
                glob.glob(os.path.join(glob.escape(path), "**", "*.txt"), recursive=True)
            )
        elif os.path.exists(path) or not glob.has_magic(path):
            found = [path]
        else:
            found = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
        if not found:
            print(f"{path}: warning: no files found", file=err)
        yield from found


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    counts: Counter[str] = Counter()
    files = failed = 0
    for path in _expand(args.paths, err):
        files += 1
        try:
            with open(path, "rb") as fp:
                data = fp.read() if args.max_size is None else fp.read(args.max_size + 1)
            article = loads(
                data, id=id_from_filename(path), max_size=args.max_size, extract=args.extract
            )
        except OSError as error:
            counts["unreadable"] += 1
            failed += 1
            if not args.quiet:
                print(f"{path}: error: cannot read: {error.strerror or error}", file=out)
            continue
        except ParseError as error:  # only too-large: lenient reading raises nothing else
            counts[error.code] += 1
            failed += 1
            if not args.quiet:
                _say(out, path, error.lineno, error.colno, error.code, error.msg)
            continue
        for d in article.diagnostics:
            counts[d.code] += 1
            if not args.quiet:
                _say(out, path, d.lineno, d.colno, d.code, d.message)
        failed += bool(article.errors)
    if files == 0:
        print("newsdoc check: error: no files to check", file=err)
        return 2
    _summary(out, files, failed, counts)
    return 1 if failed else 0


def _summary(out: TextIO, files: int, failed: int, counts: Counter[str]) -> None:
    noun = "file" if files == 1 else "files"
    print(f"{files} {noun} checked, {failed} with errors", file=out)
    for code, number in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        severity = CODES[code][0] if code in CODES else "error"
        print(f"  {number:>7}  {code} ({severity})", file=out)


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fp:
        return fp.read()


def _say(stream: TextIO, path: str, line: int, col: int, code: str, message: str) -> None:
    print(f"{path}:{line}:{col}: {code}: {message}", file=stream)


def _parse_one(path: str, strict: bool, extract: bool, err: TextIO) -> Article | None:
    name = "<stdin>" if path == "-" else path
    try:
        data = _read_bytes(path)
    except OSError as error:
        print(f"{name}: error: cannot read: {error.strerror or error}", file=err)
        return None
    try:
        name_id = None if path == "-" else id_from_filename(path)
        article = loads(data, strict=strict, id=name_id, extract=extract)
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
        article = _parse_one(path, args.strict, args.extract, err)
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
