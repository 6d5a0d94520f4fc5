"""Corpora at scale: the JSON Lines pipeline, the process pool, Dask, memory, Parquet.

Usage (from the repository root, with ``pip install -e '.[arrow,dask]'``)::

    python benchmarks/bench_corpus.py                      # 100,000 articles (~15 min)
    python benchmarks/bench_corpus.py --articles 10000     # a quick look
    python benchmarks/bench_corpus.py --json out.json      # also every figure as JSON

The articles are generated: the header, headline, caption and first three
paragraphs of the articles of ``benchmarks/corpus.py`` (about 1.4 KB each, the
size of the bundled sample), written once as files into ``--dir``.  Every
figure comes from one run, and the targets are ratios within it.  The
contenders run over the two halves of the articles in ABBA order (one after
the other over the first half, in the reverse order over the second), so that
the drift of a shared machine over the run falls on each of them alike:

- ``pool``: 2 workers at least 1.8 x one worker (``newsdoc parse DIR -o
  out.jsonl --workers N``, end to end, in a subprocess);
- ``pipeline``: that one-worker run at least 0.9 x the rate of ``loads`` on
  the same articles' bytes already in memory (parse and extract, nothing else,
  in a process of its own);
- ``dask``: ``newsdoc.dask`` on a ``LocalCluster`` of 2 worker processes,
  writing JSON Lines, at least 0.8 x the 2-worker pool (the cluster's start is
  not counted: a cluster is started once for many runs);
- ``memory``: the peak memory of the 2-worker run (the sum over its processes)
  at ``--articles`` at most 1.2 x the peak of the same run on a tenth of them;
- Parquet write and read of every record, timed against JSON Lines (no target).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import article  # noqa: E402 - benchmarks/ is put on the path just above

from newsdoc.corpus import JsonlWriter, read_records  # noqa: E402

TARGETS = {"pool": 1.8, "pipeline": 0.9, "dask": 0.8, "memory": 1.2}


def brief(index: int) -> tuple[str, bytes]:
    """Article ``index``: the file name and its first three paragraphs."""
    name, text = article(index)
    kept = text.split("\n\n")[:5]  # header and headline, caption, three paragraphs
    return name, ("\n\n".join(kept) + "\n\n").encode()


def make_corpus(folder: Path, count: int) -> None:
    """Write articles 0 .. count - 1 into ``folder`` (those already there are kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    have = len(os.listdir(folder))
    for index in range(have, count):
        name, data = brief(index)
        (folder / name).write_bytes(data)


def subset(folder: Path, target: Path, start: int, stop: int) -> None:
    """Files ``start`` to ``stop`` of ``folder`` (by name) as hard links in ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    if len(os.listdir(target)) == stop - start:
        return
    for name in sorted(os.listdir(folder))[start:stop]:
        if not (target / name).exists():
            os.link(folder / name, target / name)


class PeakMemory:
    """The peak of the summed resident memory of a process and its descendants,
    sampled every 50 ms from /proc (Linux)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _tree(self, pid: int) -> list[int]:
        found = [pid]
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    for child in children.read().split():
                        found += self._tree(int(child))
        except OSError:
            pass  # the process ended between two looks
        return found

    @staticmethod
    def _rss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/statm") as statm:
                return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            return 0

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, sum(self._rss(p) for p in self._tree(self.pid)))

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def timed_run(command: Sequence[str]) -> tuple[float, int]:
    """Run ``command``; its wall time in seconds and its peak memory in bytes."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    memory = PeakMemory(process.pid)
    if process.wait() != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    seconds = time.perf_counter() - start
    return seconds, memory.stop()


_IN_MEMORY = """
import os, sys, time
import newsdoc
folder = sys.argv[1]
data = [open(os.path.join(folder, name), "rb").read() for name in sorted(os.listdir(folder))]
start = time.perf_counter()
for item in data:
    newsdoc.loads(item)
print(time.perf_counter() - start)
"""


def in_memory_seconds(folder: Path) -> float:
    """Seconds of ``loads`` (parse and extract) over the articles of ``folder``,
    their bytes read into memory first, in a process of its own as the
    pipeline's is (so that both start cold and fill the same caches)."""
    command = [sys.executable, "-c", _IN_MEMORY, str(folder)]
    return float(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def pool_run(folder: Path, out: Path, workers: int) -> tuple[float, int]:
    command = [sys.executable, "-m", "newsdoc", "parse", str(folder), "-o", str(out)]
    return timed_run([*command, "--workers", str(workers), "--no-progress"])


_DASK_RUN = """
import sys, time
from distributed import Client, LocalCluster
import newsdoc.dask
from newsdoc.corpus import encode_lines
if __name__ == "__main__":
    folder, out = sys.argv[1], sys.argv[2]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        start = time.perf_counter()  # a cluster is started once for many runs
        bag = newsdoc.dask.read_articles(folder)
        bag.map_partitions(lambda records: [encode_lines(list(records))]).map(
            lambda blob: blob.decode("utf-8")).to_textfiles(out + "/part-*.jsonl",
            last_endline=False)
        print(time.perf_counter() - start)
"""


def dask_seconds(folder: Path, out: Path) -> float:
    """Seconds of reading ``folder`` on a running 2-process LocalCluster into
    JSON Lines files (the cluster's start is not counted)."""
    script = out.parent / "run_dask_bench.py"  # not dask.py: it would hide dask itself
    script.write_text(_DASK_RUN, encoding="utf-8")
    out.mkdir(exist_ok=True)
    command = [sys.executable, str(script), str(folder), str(out)]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return float(result.stdout.split()[-1])


def parquet_figures(jsonl: Path, work: Path) -> dict[str, float]:
    """Seconds to write and read every record as Parquet and as JSON Lines."""
    from newsdoc.corpus.arrow import ParquetWriter, read_parquet

    records = list(read_records(str(jsonl)))
    figures: dict[str, float] = {"records": len(records)}
    start = time.perf_counter()
    with JsonlWriter(work / "again.jsonl") as writer:
        writer.write_all(records)
    figures["jsonl_write_s"] = time.perf_counter() - start
    start = time.perf_counter()
    with ParquetWriter(work / "again.parquet") as parquet:
        parquet.write_all(records)
    figures["parquet_write_s"] = time.perf_counter() - start
    start = time.perf_counter()
    assert sum(1 for _ in read_records(str(work / "again.jsonl"))) == len(records)
    figures["jsonl_read_s"] = time.perf_counter() - start
    start = time.perf_counter()
    assert sum(1 for _ in read_parquet(work / "again.parquet")) == len(records)
    figures["parquet_read_s"] = time.perf_counter() - start
    figures["jsonl_mb"] = (work / "again.jsonl").stat().st_size / 1e6
    figures["parquet_mb"] = (work / "again.parquet").stat().st_size / 1e6
    return figures


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(count: int, base: Path) -> dict[str, Any]:
    """Every figure, and the ratios against their targets."""
    folder, small = base / f"articles-{count}", base / f"articles-{count // 10}"
    _say(f"generating {count} articles in {folder} ...")
    make_corpus(folder, count)
    subset(folder, small, 0, count // 10)
    halves = [base / f"half-{n}-of-{count}" for n in (1, 2)]
    subset(folder, halves[0], 0, count // 2)
    subset(folder, halves[1], count // 2, count)
    work = base / "work"
    work.mkdir(exist_ok=True)
    seconds = dict.fromkeys(("memory", "pool_1", "pool_2", "dask"), 0.0)
    # The halves in ABBA order (each way once), so that the machine's drift over
    # the run falls on every contender alike.
    for number, half in enumerate(halves):
        order = list(seconds) if number == 0 else list(reversed(seconds))
        for name in order:
            _say(f"half {number + 1}: {name} ...")
            seconds[name] += _timed(name, half, work / f"{name}-{number}")
            _say(f"  {seconds[name]:.1f} s so far")
    _say("memory: 2 workers over all the articles, then a tenth ...")
    _, peak_large = pool_run(folder, work / "two.jsonl", 2)
    _, peak_small = pool_run(small, work / "small.jsonl", 2)
    _say("parquet against json lines ...")
    figures: dict[str, Any] = {"articles": count, "seconds": seconds}
    figures["parquet"] = parquet_figures(work / "two.jsonl", work)
    figures["rates"] = {f"{name}_per_s": count / value for name, value in seconds.items()}
    figures["peak_mb"] = {"large": peak_large / 1e6, "small": peak_small / 1e6}
    figures["ratios"] = {
        "pool": seconds["pool_1"] / seconds["pool_2"],
        "pipeline": seconds["memory"] / seconds["pool_1"],
        "dask": seconds["pool_2"] / seconds["dask"],
        "memory": peak_large / peak_small,
    }
    return figures


def _timed(name: str, folder: Path, out: Path) -> float:
    """Seconds of one contender over ``folder``."""
    if name == "memory":
        return in_memory_seconds(folder)
    if name == "dask":
        return dask_seconds(folder, out)
    return pool_run(folder, out.with_suffix(".jsonl"), int(name[-1]))[0]


def report(figures: dict[str, Any]) -> str:
    rates, ratios, parquet = figures["rates"], figures["ratios"], figures["parquet"]
    lines = [f"articles: {figures['articles']:,}", "", "rates (articles/s):"]
    lines += [f"  {name:<18} {value:>10,.0f}" for name, value in rates.items()]
    peak = figures["peak_mb"]
    memory = f"{peak['large']:.0f} MB; a tenth: {peak['small']:.0f} MB"
    lines += ["", f"peak memory, 2 workers: {memory}"]
    lines += ["", "ratios (target):"]
    for name, value in ratios.items():
        target = TARGETS[name]
        ok = value <= target if name == "memory" else value >= target
        sign = "<=" if name == "memory" else ">="
        lines.append(f"  {name:<9} {value:6.3f}  ({sign} {target})  {'met' if ok else 'MISSED'}")
    lines += ["", f"parquet against json lines, {parquet['records']:,} records:"]
    for kind in ("jsonl", "parquet"):
        write, read, size = (parquet[f"{kind}_{x}"] for x in ("write_s", "read_s", "mb"))
        lines.append(f"  {kind:<8} write {write:6.1f} s  read {read:6.1f} s  {size:8.0f} MB")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/newsdoc-bench-corpus"))
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    figures = run(args.articles, args.dir)
    print(report(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
