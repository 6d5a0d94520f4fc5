"""The command line: ``newsdoc parse``, ``check``, ``stats`` and ``convert`` (also
``python -m newsdoc``).

``parse``, ``check`` and ``stats`` take the same PATHs (files, directories,
glob patterns, archives, JSON Lines, ``-`` for standard input: see
`newsdoc.corpus`) and the same ``--max-size``, ``--no-extract`` and
``--workers``, and read them in the same way: the functions below marked
"shared" serve them all.

Exit status: 0 when all went well; 1 when a PATH named no file, an input gave
no article (unreadable, too large, an error with ``--strict``), a file held an
error (``check``), or the output could not be written; 2 for a usage error;
130 after Ctrl-C.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple, TextIO

import msgspec

from newsdoc import __version__
from newsdoc._errors import CODES
from newsdoc._writer import dumps
from newsdoc.corpus._atomic import OutputError
from newsdoc.corpus._outputs import Output, encode_article_lines, open_output
from newsdoc.corpus._records import Record
from newsdoc.corpus._run import Batch, batches, read_records
from newsdoc.corpus._sources import Task, tasks_of
from newsdoc.corpus._work import Options

__all__ = ["main"]

_PATHS_HELP = (
    "files, directories (every input file below them), quoted glob patterns "
    "('corpus/**/*.txt'), zip and tar archives, JSON Lines of newsdoc JSON "
    "(.jsonl, .jsonl.gz), or '-' for standard input"
)

_EPILOG = """\
examples:
  newsdoc parse seeds/000_5034f051d719ed27.txt
  newsdoc parse --strict corpus/ > articles.jsonl
  newsdoc parse corpus/ -o articles.jsonl.gz --workers 0
  newsdoc parse corpus.zip -o articles.parquet
  newsdoc convert articles.jsonl.gz -o texts/
  newsdoc stats articles.jsonl.gz --plot stats.png
  newsdoc parse --format text messy.txt > clean.txt
  newsdoc check corpus/
  newsdoc check 'corpus/**/*.txt' --quiet

Diagnostics are printed as FILE:LINE:COL: CODE: MESSAGE. A PATH that does not
exist is an error; a directory or glob pattern without any file is a warning
(an error when no PATH gives a file at all).
"""


def _whole_number(text: str, meaning: str) -> int:
    """A whole number of 0 or more, or the argparse error that says it must be ``meaning``."""
    value = int(text) if text.strip().isdigit() else -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be {meaning}: {text!r}")
    return value


def _max_size(text: str) -> int:
    """``--max-size``: a whole number of bytes, 0 or more."""
    return _whole_number(text, "a whole number of bytes, 0 or more")


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
    command.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help="read in N worker processes (0: one per core); the order stays the same",
    )


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
            "Parse seed-format files into records: each article's JSON with its source, "
            "content hash and diagnostics. To standard output, one article prints one JSON "
            "object and several print JSON Lines, in the order given (a directory's or a "
            "pattern's files sorted by name), and diagnostics go to standard error; with "
            "-o, every record (those of inputs that gave no article too) goes to the file."
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
    parse.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the records to FILE: .jsonl, .jsonl.gz or .parquet (extra 'arrow'), "
        "written whole or not at all; without it, articles go to standard output",
    )
    parse.add_argument(
        "--indent",
        type=_spaces,
        metavar="N",
        help="print one readable JSON document, indented by N spaces (a list when there "
        "are several articles)",
    )
    parse.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="no progress bar (there is none unless standard error is a terminal)",
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
    convert = commands.add_parser(
        "convert",
        help="write newsdoc JSON (or JSON Lines of records) back as seed text",
        description=(
            "Read newsdoc JSON documents or JSON Lines of records and write each article "
            "in the canonical seed layout: one article to standard output or -o FILE; "
            "several into the directory -o DIR, one file each."
        ),
    )
    convert.add_argument("paths", nargs="+", metavar="PATH", help=_PATHS_HELP)
    convert.add_argument(
        "-o", "--output", metavar="FILE|DIR", help="the file (one article) or directory"
    )
    stats = commands.add_parser(
        "stats",
        help="sum a corpus up: articles, dates, top entities and speakers, codes",
        description="Read a corpus and print what it holds.",
    )
    stats.add_argument(
        "--top", type=_positive, default=10, metavar="N", help="how many of each top list"
    )
    stats.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    stats.add_argument(
        "--plot", metavar="PNG", help="draw articles per day and the top entities (extra 'plot')"
    )
    stats.add_argument(
        "--near-duplicates",
        action="store_true",
        help="also find near-duplicate clusters with MinHash and LSH (extra 'dedupe')",
    )
    _add_common(stats, "count the structure only: no entities or speakers")
    return parser, {"parse": parse, "check": check, "convert": convert, "stats": stats}


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


def _spaces(text: str) -> int:
    """``--indent``: a whole number of spaces."""
    return _whole_number(text, "a whole number of spaces")


def _positive(text: str) -> int:
    """``--top``: a whole number, 1 or more."""
    value = _whole_number(text, "a whole number, 1 or more")
    if value == 0:
        raise argparse.ArgumentTypeError(f"must be a whole number, 1 or more: {text!r}")
    return value


def _workers(text: str) -> int:
    """``--workers``: a whole number of processes, 0 for one per core."""
    return _whole_number(text, "a whole number, 0 for one per core") or os.cpu_count() or 1


class _Run(NamedTuple):
    """What a command learnt while reading: records read, records without an
    article (``no-input`` warnings apart), PATHs not found, and each code's count."""

    records: int
    failed: int
    missing: int
    codes: Counter[str]


class _Progress:
    """A progress bar on standard error when it is a terminal (tqdm); nothing in a
    pipe or with ``--no-progress``.  Lines printed while it shows go above it."""

    def __init__(self, err: TextIO, show: bool) -> None:
        self._err = err
        self._bar: Any = None
        if show and err.isatty():
            from tqdm import tqdm

            self._bar = tqdm(file=err, unit=" articles", mininterval=0.5, dynamic_ncols=True)

    def print(self, line: str) -> None:
        if self._bar is None:
            print(line, file=self._err)
        else:
            self._bar.write(line, file=self._err)

    def update(self, count: int) -> None:
        if self._bar is not None:
            self._bar.update(count)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _batches(
    args: argparse.Namespace, encode: Callable[[list[Record]], Any]
) -> Iterator[Batch[Any]]:
    """The batches of the command's PATHs (shared)."""
    options = Options(getattr(args, "strict", False), args.max_size, args.extract)
    tasks = tasks_of(args.paths, max_size=args.max_size)
    output = getattr(args, "output", None)
    if output is not None:
        tasks = _without(tasks, os.path.abspath(output))
    return batches(tasks, encode, options, args.workers)


def _without(tasks: Iterator[Task], output: str) -> Iterator[Task]:
    """The tasks, less those of the output file itself (a run written into the
    directory it reads would read its own earlier output back)."""
    for task in tasks:
        if os.path.abspath(task.source.path) != output:
            yield task


def _report(batch: Batch[Any], say: Callable[[str], None], diagnostics: bool) -> tuple[int, int]:
    """Print a batch's failures (and its diagnostics, when asked); return how many
    records failed and how many PATHs were not found (shared)."""
    failed = missing = 0
    for code, line in batch.failures:
        say(line)
        failed += code != "no-input"
        missing += code == "not-found"
    if diagnostics:
        for line in batch.diagnostics:
            say(line)
    return failed, missing


def _nothing_read(run: _Run) -> bool:
    """Whether no PATH gave anything to read: only not-found and no-input records."""
    return run.records == run.codes["not-found"] + run.codes["no-input"]


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    counts: Counter[str] = Counter()
    records = failed = missing = with_errors = 0
    for batch in _batches(args, _error_count):
        for code, line in batch.failures:
            print(line, file=err if code in ("not-found", "no-input") else out)
            missing += code == "not-found"
            failed += code not in ("not-found", "no-input")
        if not args.quiet:
            for line in batch.diagnostics:
                print(line, file=out)
        counts.update(batch.codes)
        records += batch.size
        with_errors += batch.payload
    run = _Run(records, failed, missing, counts)
    if _nothing_read(run):
        return _nothing_to("check", err)
    counts.pop("not-found", None)
    counts.pop("no-input", None)
    files = records - missing - run.codes["no-input"]
    _summary(out, files, failed + with_errors, missing, counts)
    return 1 if failed or with_errors or missing else 0


def _error_count(records: list[Record]) -> int:
    """How many records hold an article with an error diagnostic."""
    return sum(1 for r in records if r.article is not None and r.article.errors)


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
    problem = _parse_usage_problem(args)
    if problem:
        return _usage_error(args, problem, err)
    if args.format == "text":
        return _parse_text(args, out, err)
    if args.indent is not None:
        return _parse_indented(args, out, err)
    try:
        encode, output = open_output(args.output, None if args.output else out.buffer)
    except (ValueError, ImportError) as error:
        return _usage_error(args, str(error), err)
    except OutputError as error:
        return _cannot_write(error, err)
    progress = _Progress(err, args.progress)
    try:
        run = _write_all(args, encode, output, progress)
    except KeyboardInterrupt:
        progress.close()
        return _interrupted(output, err)
    except OSError as error:  # a full disk, or a closed standard output
        progress.close()
        output.abort()
        if isinstance(error, BrokenPipeError):
            raise
        return _cannot_write(error, err)
    except BaseException:
        # Whatever stops the run, no temporary file is left behind.
        progress.close()
        output.abort()
        raise
    progress.close()
    if _nothing_read(run):
        output.abort()
        return _nothing_to("parse", err)
    return _finish(output, run, args.output, err)


def _parse_usage_problem(args: argparse.Namespace) -> str:
    """What is wrong with options that argparse cannot check one by one ("" if none)."""
    if args.indent is not None and args.format == "text":
        return "--indent prints JSON: it cannot go with --format text"
    if args.output is not None and os.path.isdir(args.output):
        return f"-o {args.output}: is a directory; name a file"
    return ""


def _cannot_write(error: OSError, err: TextIO) -> int:
    """A failed write of the output (shared): one clear line, status 1."""
    if isinstance(error, OutputError):
        message = error.strerror
    else:
        message = f"cannot write to standard output: {error.strerror or error}"
    print(f"newsdoc parse: error: {message}", file=err)
    return 1


def _write_all(
    args: argparse.Namespace,
    encode: Callable[[list[Record]], Any],
    output: Output,
    progress: _Progress,
) -> _Run:
    """Read every PATH and write its records; what was read."""
    records = failed = missing = 0
    codes: Counter[str] = Counter()
    # Written to a file, the diagnostics are in each record: standard error
    # then only names the inputs that gave no article.
    diagnostics = args.output is None
    for batch in _batches(args, encode):
        output.write_payload(batch.payload, batch.size)
        bad, lost = _report(batch, progress.print, diagnostics)
        failed, missing, records = failed + bad, missing + lost, records + batch.size
        codes.update(batch.codes)
        progress.update(batch.size)
    return _Run(records, failed, missing, codes)


def _finish(output: Output, run: _Run, path: str | None, err: TextIO) -> int:
    """Give the output its name and sum the run up (for a file)."""
    try:
        output.close()
    except OutputError as error:
        return _cannot_write(error, err)
    if path is not None:
        articles = run.records - run.failed - run.codes["no-input"]
        noun = "article" if articles == 1 else "articles"
        print(f"newsdoc parse: {articles} {noun}, {run.failed} failed: {path}", file=err)
    return 1 if run.failed else 0


def _interrupted(output: Output, err: TextIO) -> int:
    """Ctrl-C: every record finished so far is kept, in a valid file."""
    try:
        output.close()
    except OutputError as error:
        _cannot_write(error, err)
        return 130
    print(f"newsdoc parse: interrupted; {output.count} records written", file=err)
    return 130


def _parse_text(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``--format text``: one file, rewritten in the canonical seed layout."""
    if len(args.paths) != 1:
        return _usage_error(args, "--format text takes exactly one PATH", err)
    if args.output is not None:
        return _usage_error(args, "--format text writes to standard output: drop -o", err)
    records = list(
        read_records(args.paths, strict=args.strict, max_size=args.max_size, extract=args.extract)
    )
    usable = [
        r for r in records if r.error is None or r.error.code not in ("not-found", "no-input")
    ]
    if len(usable) > 1:
        message = f"--format text takes exactly one file; {args.paths[0]} holds {len(usable)}"
        return _usage_error(args, message, err)
    for record in records:
        for line in record.located():
            print(line, file=err)
    if not usable:
        return _nothing_to("parse", err)
    article = usable[0].article
    if article is None:
        return 1
    try:
        out.write(dumps(article))
    except ValueError as error:
        print(f"{usable[0].source}: error: cannot be written: {error}", file=err)
        return 1
    return 0


def _nothing_to(command: str, err: TextIO) -> int:
    """No PATH gave a file (shared): an error, after the PATHs' own messages."""
    print(f"newsdoc {command}: error: no files to {command}", file=err)
    return 1


def _parse_indented(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``--indent N``: the articles as one readable JSON document (held in memory:
    this is for reading, not for corpora)."""
    if args.output is not None:
        return _usage_error(args, "--indent prints one document: drop -o", err)
    lines: list[bytes] = []
    failed = 0
    for batch in _batches(args, encode_article_lines):
        lines += batch.payload.splitlines()
        failed += _report(batch, lambda line: print(line, file=err), True)[0]
    if not lines:
        return 1 if failed else _nothing_to("parse", err)
    document = lines[0] if len(lines) == 1 else b"[" + b",".join(lines) + b"]"
    try:
        out.write(msgspec.json.format(document, indent=args.indent).decode("utf-8") + "\n")
        out.flush()
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        return _cannot_write(error, err)
    return 1 if failed else 0


def _cmd_convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """newsdoc JSON back to seed text: one article to a file or standard output,
    several to a directory."""
    from newsdoc.corpus._convert import convert

    return convert(args.paths, args.output, out, err)


def _cmd_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from newsdoc.corpus import CorpusStats, NearDuplicates

    if args.plot and not args.plot.lower().endswith(".png"):
        return _usage_error(args, f"--plot draws a PNG: name it .png, not {args.plot!r}", err)
    if args.plot and not os.path.isdir(os.path.dirname(os.path.abspath(args.plot))):
        return _usage_error(args, f"--plot {args.plot}: no such directory", err)
    if args.plot and importlib.util.find_spec("matplotlib") is None:
        return _usage_error(args, '--plot needs matplotlib: pip install "newsdoc[plot]"', err)

    stats = CorpusStats()
    try:
        near = NearDuplicates() if args.near_duplicates else None
    except ImportError as error:
        return _usage_error(args, str(error), err)
    records = read_records(
        args.paths, workers=args.workers, max_size=args.max_size, extract=args.extract
    )
    # One pass: the statistics and the near-duplicate finder see each record once.
    for record in records:
        stats.add(record)
        if near is not None:
            near.add(record)
        for line in record.located() if record.error is not None else ():
            print(line, file=err)
    missing = stats.failures["not-found"] + stats.failures["no-input"]
    if stats.records == missing:
        return _nothing_to("stats", err)
    _print_stats(args, stats, None if near is None else near.clusters(), out)
    if args.plot:
        from newsdoc.corpus import plot_stats

        try:
            plot_stats(stats, args.plot, top=args.top)
        except OutputError as error:
            print(f"newsdoc stats: error: {error.strerror}", file=err)
            return 1
        except ImportError as error:
            print(f"newsdoc stats: error: {error}", file=err)
            return 1
    return 1 if stats.failed - stats.failures["no-input"] else 0


def _print_stats(
    args: argparse.Namespace, stats: Any, clusters: list[list[Any]] | None, out: TextIO
) -> None:
    """The report, or its JSON, with the near-duplicate clusters when asked."""
    if args.json:
        figures = stats.to_dict(args.top)
        if clusters is not None:
            figures["near_duplicates"] = [[str(s) for s in c] for c in clusters]
        out.write(msgspec.json.format(msgspec.json.encode(figures), indent=2).decode() + "\n")
        return
    out.write(stats.render(args.top))
    if clusters is not None:
        print(f"\nNear-duplicate clusters: {len(clusters)}", file=out)
        for number, cluster in enumerate(clusters, 1):
            print(f"  {number}. {len(cluster)} articles", file=out)
            for source in cluster:
                print(f"     {source}", file=out)


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "parse": _cmd_parse,
    "check": _cmd_check,
    "convert": _cmd_convert,
    "stats": _cmd_stats,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parse_args(argv)
    out, err = sys.stdout, sys.stderr
    try:
        return _COMMANDS[args.command](args, out, err)
    except BrokenPipeError:
        # The reader went away (``newsdoc parse ... | head``): not an error of ours.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
