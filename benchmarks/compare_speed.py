"""Compare the parse + extract speed of two versions of newsdoc, as ratios, in one run.

Usage::

    python benchmarks/compare_speed.py --old /path/to/old/src            # 2,000 synthetic
    python benchmarks/compare_speed.py --old OLD/src --synthetic 300 --rounds 2 --repeat 1
    python benchmarks/compare_speed.py --old OLD/src --new NEW/src --rounds 11
    python benchmarks/compare_speed.py --old OLD/src --files 'DIR/*.txt' --limit 500
    python benchmarks/compare_speed.py --old OLD/src --json out.json     # also write the figures
    python benchmarks/compare_speed.py --old OLD/src --json -            # JSON only, on stdout

``--old`` and ``--new`` are source folders that hold ``newsdoc/``; ``--new`` defaults to the
folder of the ``newsdoc`` this Python imports (the working tree, with an editable install).
Both ``newsdoc/`` folders are first copied into a temporary folder, so that edits made to
either during the run do not change what is measured halfway through.

Why ratios, in one run: on a shared machine the articles per second of one version drift
with the load, the clock frequency and whatever else runs, so figures from two runs made
at different times compare the machine as much as the code.  Here both versions run in the
same run, alternately, and the result is the ratio new / old within each round, which a
slow moment of the machine affects on both sides.  The rounds alternate the order (old then
new, then new then old, ...: ABBA), so that a steady drift favours neither, and the summary
is the median of the per-round ratios, which one disturbed round does not move.

Each measurement is a fresh subprocess (this script with a hidden ``--worker`` flag) with
``PYTHONPATH`` set to the version's copied source folder only, so the two versions never
share a process (nor its per-process caches, its heap or its garbage collector state); both
processes of a round get the same ``PYTHONHASHSEED``, which changes from round to round.
The texts are made once, by this process (``--synthetic N``: the first N articles of
``corpus.py``; ``--files GLOB``: seed-format files, read as UTF-8), and written to one
temporary file that every worker reads, so both versions see the same strings.  A worker
uses only ``newsdoc.loads(text)``, ``newsdoc.loads(text, extract=False)`` and
``newsdoc.extract(article)``, which every version has, and measures, in this order:

* parse + extract, kept: ``[loads(t) for t in texts]``, the list kept while it grows (so
  the cyclic garbage collector's work on the results counts); its first pass, made before
  anything else in the process (extraction's per-process caches start empty), is also
  shown on its own;
* parse + extract, streamed: ``loads(t)`` for each text, each result dropped before the next;
* parse alone: ``[loads(t, extract=False) for t in texts]``;
* extract alone: ``[extract(a) for a in articles]`` on articles parsed beforehand.

Each figure is the best of ``--repeat`` passes after one untimed warm-up pass.  A pass
repeats the loop over the texts until it has lasted ``--min-time`` seconds (so that parsing
alone, which is fast, is not timed over a few milliseconds); the garbage collector is run,
and the previous results freed, outside the timing, before each loop.  Times are CPU time of
the worker process (``time.process_time``) unless ``--clock wall``: on a shared machine the
time a process waits for a core is not a cost of its code.  Both clocks are in the JSON.

The table gives, for each measure, the median rate of each version over the rounds (in
articles per second) and the median of the per-round ratios new / old with their range; a
ratio above 1 means the new version is faster.  Progress goes to standard error.
"""

from __future__ import annotations

import argparse
import gc
import glob
import importlib
import importlib.util
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

#: The measures, in the order of the table: key and label.
MEASURES = {
    "kept": "parse + extract, kept",
    "first": "  first pass (cold caches)",
    "streamed": "parse + extract, streamed",
    "parse": "parse alone",
    "extract": "extract alone",
}
CLOCKS = ("cpu", "wall")


# --- The worker: one version of newsdoc, in its own process -----------------------------


def _timed(run: Callable[[], object], loops: int) -> dict[str, float]:
    """Seconds of CPU and wall-clock time ``loops`` calls of ``run`` take.

    The garbage collector runs, and the previous call's result is freed, between the
    timed calls, outside the timing.
    """
    spent = dict.fromkeys(CLOCKS, 0.0)
    for _ in range(loops):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        del result
        spent["cpu"] += cpu
        spent["wall"] += wall
    return spent


def _measure(
    run: Callable[[], object], count: int, repeat: int, min_time: float
) -> tuple[dict[str, Any], dict[str, float]]:
    """Rates (items per second) of ``run``, best of ``repeat`` passes after a warm-up.

    Returns the figures and the rates of the warm-up pass.
    """
    warm_up = _timed(run, 1)
    loops = max(1, math.ceil(min_time / max(warm_up["cpu"], warm_up["wall"], 1e-9)))
    passes = [_timed(run, loops) for _ in range(repeat)]
    figures: dict[str, Any] = {
        clock: count * loops / max(min(p[clock] for p in passes), 1e-12) for clock in CLOCKS
    }
    figures["loops"] = loops
    return figures, {clock: count / max(warm_up[clock], 1e-12) for clock in CLOCKS}


def work(texts_file: str, repeat: int, min_time: float) -> int:
    """Measure the ``newsdoc`` on the path over the texts of ``texts_file``; print JSON."""
    newsdoc = importlib.import_module("newsdoc")
    loads: Callable[..., object] = newsdoc.loads
    extract: Callable[[object], object] = newsdoc.extract
    with open(texts_file, encoding="utf-8") as fp:
        texts: list[str] = json.load(fp)
    count = len(texts)

    def kept() -> list[object]:
        return [loads(text) for text in texts]

    def streamed() -> None:
        for text in texts:
            loads(text)

    def parse() -> list[object]:
        return [loads(text, extract=False) for text in texts]

    rates: dict[str, dict[str, Any]] = {}
    # The warm-up pass of the first measure is the first pass in the process.
    rates["kept"], rates["first"] = _measure(kept, count, repeat, min_time)
    rates["streamed"], _ = _measure(streamed, count, repeat, min_time)
    rates["parse"], _ = _measure(parse, count, repeat, min_time)
    articles = parse()
    rates["extract"], _ = _measure(lambda: [extract(a) for a in articles], count, repeat, min_time)
    report = {
        "newsdoc": str(newsdoc.__file__),
        "articles": count,
        "characters": sum(map(len, texts)),
        "rates": rates,
    }
    print(json.dumps(report))
    return 0


# --- The comparison ---------------------------------------------------------------------


def default_new() -> Path:
    """The source folder of the ``newsdoc`` this Python imports (without importing it)."""
    spec = importlib.util.find_spec("newsdoc")
    if spec is None or spec.origin is None:
        raise SystemExit("newsdoc is not importable: give --new")
    return Path(spec.origin).resolve().parent.parent


def revision(source: Path) -> str:
    """The git commit of ``source``, with ``+ changes`` when its files differ from it."""
    git = ["git", "--no-optional-locks", "-C", str(source)]
    try:
        head = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changes = subprocess.run(
            [*git, "status", "--porcelain", "--", "."], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return head + (" + changes" if changes else "")


def load_texts(args: argparse.Namespace) -> tuple[list[str], str]:
    """The benchmark texts and a description of them."""
    if args.files is None:
        sys.path.insert(0, str(HERE))
        from corpus import generate

        texts = [data.decode("utf-8") for _, data in generate(args.synthetic)]
        return texts, f"{len(texts)} synthetic articles (corpus.py)"
    texts = []
    for path in sorted(glob.glob(args.files))[: args.limit or None]:
        try:
            texts.append(Path(path).read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            print(f"{path}: not UTF-8, left out", file=sys.stderr)
    return texts, f"{len(texts)} file{'' if len(texts) == 1 else 's'} of {args.files}"


def snapshot(source: Path, into: Path) -> Path:
    """A copy of ``source/newsdoc`` in ``into/newsdoc``; returns ``into``."""
    shutil.copytree(
        source / "newsdoc", into / "newsdoc", ignore=shutil.ignore_patterns("__pycache__")
    )
    return into


def run_worker(
    name: str, source: Path, texts_file: Path, args: argparse.Namespace, hash_seed: int
) -> dict[str, Any]:
    """Run this script as a worker on ``source``; its report, once checked."""
    env = {**os.environ, "PYTHONPATH": str(source), "PYTHONHASHSEED": str(hash_seed)}
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(texts_file)]
    command += ["--repeat", str(args.repeat), "--min-time", str(args.min_time)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"the {name} worker failed ({done.returncode}):\n{done.stderr}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    imported = Path(report["newsdoc"]).resolve()
    if not imported.is_relative_to(source.resolve()):
        raise SystemExit(f"the {name} worker imported {imported}, not newsdoc from {source}")
    return report


def summarise(rounds: Sequence[dict[str, Any]], clock: str) -> dict[str, dict[str, Any]]:
    """Per measure: the median rate of each version and the per-round ratios new / old."""
    summary = {}
    for key, label in MEASURES.items():
        old = [r["old"]["rates"][key][clock] for r in rounds]
        new = [r["new"]["rates"][key][clock] for r in rounds]
        ratios = [n / o for n, o in zip(new, old, strict=True)]
        summary[key] = {
            "label": label.strip(),
            "old": statistics.median(old),
            "new": statistics.median(new),
            "ratio": statistics.median(ratios),
            "ratio_min": min(ratios),
            "ratio_max": max(ratios),
            "ratios": ratios,
        }
    return summary


def load_average() -> str:
    try:
        return " ".join(f"{load:.2f}" for load in os.getloadavg())
    except (AttributeError, OSError):
        return "unknown"


def table(summary: dict[str, dict[str, Any]], head: Sequence[str]) -> str:
    lines = [*head, ""]
    lines.append(f"{'':28} {'old /s':>9} {'new /s':>9} {'new/old':>8}  range")
    for key, label in MEASURES.items():
        row = summary[key]
        lines.append(
            f"{label:28} {row['old']:9.0f} {row['new']:9.0f} {row['ratio']:8.3f}  "
            f"{row['ratio_min']:.3f}\u2013{row['ratio_max']:.3f}"
        )
    lines.append("")
    lines.append("articles per second (median over rounds); new/old: median of the per-round")
    lines.append("ratios, > 1 when the new version is faster; range: lowest and highest round.")
    return "\n".join(lines)


def compare(args: argparse.Namespace, old: Path, new: Path) -> int:
    texts, described = load_texts(args)
    if not texts:
        print("no texts to measure", file=sys.stderr)
        return 1
    sources = {"old": old, "new": new}
    revisions = {name: revision(source) for name, source in sources.items()}
    load_before = load_average()
    rounds: list[dict[str, Any]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsdoc-speed-") as tmp:
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        copies = {name: snapshot(source, Path(tmp) / name) for name, source in sources.items()}
        for index in range(args.rounds):
            order = ("old", "new") if index % 2 == 0 else ("new", "old")
            hash_seed = index + 1
            record: dict[str, Any] = {"order": list(order), "hash_seed": hash_seed}
            times = []
            for name in order:
                began = time.perf_counter()
                report = run_worker(name, copies[name], texts_file, args, hash_seed)
                if report["articles"] != len(texts):
                    raise SystemExit(f"the {name} worker read {report['articles']} texts")
                record[name] = report
                times.append(f"{name} {time.perf_counter() - began:.1f} s")
            rounds.append(record)
            print(f"round {index + 1}/{args.rounds}: {', '.join(times)}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    summary = summarise(rounds, args.clock)
    sizes = [len(text.encode("utf-8")) for text in texts]
    plural = "es" if args.repeat > 1 else ""
    head = [
        f"newsdoc parse + extract speed, new / old: {described}, "
        f"mean {statistics.mean(sizes) / 1000:.1f} KB",
        f"{args.rounds} rounds (ABBA), best of {args.repeat} pass{plural} of at least "
        f"{args.min_time} s, {args.clock} time, {elapsed:.0f} s in all",
        f"old: {old} ({revisions['old']})",
        f"new: {new} ({revisions['new']})",
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"load average {load_before} before, {load_average()} after",
    ]
    if args.json != "-":
        print(table(summary, head))
    if args.json:
        figures = {
            "texts": described,
            "articles": len(texts),
            "mean_bytes": statistics.mean(sizes),
            "rounds": args.rounds,
            "repeat": args.repeat,
            "min_time": args.min_time,
            "clock": args.clock,
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average": [load_before, load_average()],
            "old": {"source": str(old), "revision": revisions["old"]},
            "new": {"source": str(new), "revision": revisions["new"]},
            "summary": summary,
            "per_round": rounds,
        }
        if args.json == "-":
            print(json.dumps(figures, indent=2))
        else:
            Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--old", type=Path, help="the old code's source folder (holds newsdoc/)")
    parser.add_argument("--new", type=Path, help="the new code's (default: newsdoc as imported)")
    texts = parser.add_mutually_exclusive_group()
    texts.add_argument(
        "--synthetic", type=int, default=2000, metavar="N", help="N articles of corpus.py (2000)"
    )
    texts.add_argument("--files", metavar="GLOB", help="seed-format files instead")
    parser.add_argument("--limit", type=int, default=0, help="use at most N of --files")
    parser.add_argument("--rounds", type=int, default=7, help="old/new pairs to run (7)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per figure (3)")
    parser.add_argument(
        "--min-time", type=float, default=0.2, metavar="S", help="shortest timed pass (0.2 s)"
    )
    parser.add_argument("--clock", choices=CLOCKS, default="cpu", help="the clock of the table")
    parser.add_argument("--json", metavar="OUT", help="write the figures to OUT ('-': stdout)")
    parser.add_argument("--worker", metavar="TEXTS", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.repeat < 1 or args.synthetic < 1:
        parser.error("--rounds, --repeat and --synthetic must be at least 1")
    if args.worker:
        return work(args.worker, args.repeat, args.min_time)
    if args.old is None:
        parser.error("--old is required")
    new = args.new or default_new()
    for source in (args.old, new):
        if not (source / "newsdoc" / "__init__.py").is_file():
            parser.error(f"{source} holds no newsdoc package")
    return compare(args, args.old.resolve(), new.resolve())


if __name__ == "__main__":
    sys.exit(main())
