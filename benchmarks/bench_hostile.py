"""Does ``newsdoc.loads`` stay linear on hostile input?  Time and memory per MB.

Usage::

    python benchmarks/bench_hostile.py                   # every shape, 1 KB to 50 MB
    python benchmarks/bench_hostile.py --max-mb 1        # a quick look, up to 1 MB
    python benchmarks/bench_hostile.py --shapes headers,blank-lines --profile
    python benchmarks/bench_hostile.py --json out.json   # also write every figure as JSON
    python benchmarks/bench_hostile.py --json -          # JSON only, on standard output

For each input *shape* (normal articles run together, random bytes, NUL bytes,
one huge line, blank lines, header-looking lines, caption-looking lines, quote
marks and dashes, and the encodings the decoder has to guess) and each size
(1 KB, 10 KB, 100 KB, 1 MB, 10 MB, 50 MB; decimal units, so 100 KB of blank
lines is 100,000 of them and 1 MB of one line is a line of 1,000,000
characters), it measures ``newsdoc.loads(data, extract=False)`` on the bytes
(the parser; ``--extract`` adds extraction):

- time: the best of N runs (N shown; more runs for small inputs, each run
  looping until it lasts at least 20 ms), with the garbage collector on, as a
  user has it, after a ``gc.collect()``; then the time per MB;
- the floor: the same for ``data.decode("utf-8", errors="replace").split("\n")``,
  the least any line-based reader does; ``x floor`` is loads over the floor;
- memory: the ``tracemalloc`` peak of one more, untimed run, as a multiple of
  the input size (the input itself is not counted).

The last table judges each shape over the sizes:

- ``max/min``: the largest over the smallest time per MB, and the sizes where
  each lies; ``flat`` says whether it is within a factor of 2;
- ``growth``: the largest *rise* of the time per MB from a smaller size to a
  larger one, and ``vs floor``: the same rise for the time relative to the
  floor; ``linear`` says whether ``vs floor`` is within a factor of 2 (the
  floor runs on the same bytes in the same process, so what the machine adds
  at large sizes, caches, page faults, other jobs, weighs on both);
- ``memory``: the peak over the input at the largest size measured.

The two verdicts differ for one reason: a cost paid once per call (about
10 us: the Article, its date, the diagnostics), or once per header line
before the header limit, makes 1 KB inputs dearer per MB than large ones.
That is a constant, not growth, and the note gives its size.  Work that grows
faster than the input raises ``growth``; caches and page faults raise it for
the floor as well (up to about 2 at 50 MB, with ``vs floor`` near 1).  A size
whose run is predicted (from the growth between the two sizes below it) to
take longer than ``--budget`` seconds is skipped and named, and the shape is
not judged linear.

The full run takes about 5 minutes and needs about 1 GB of memory;
``--max-mb 10`` takes under 2 minutes, and under 1 with ``--no-memory``.

``--profile`` runs ``cProfile`` on each shape whose ratio exceeds 2, at the
size with the worst time per MB, and prints the functions that took the most
time (with file and line), to point at the culprit.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import math
import os
import platform
import pstats
import random
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

# ``python benchmarks/bench_hostile.py`` puts this directory first on the path.
from corpus import article

import newsdoc

KB = 1000
MB = 1000 * KB
#: The sizes measured (``--max-mb`` drops the larger ones).
SIZES = (1 * KB, 10 * KB, 100 * KB, 1 * MB, 10 * MB, 50 * MB)
#: Linear means the time per MB varies by at most this factor over the sizes.
LINEAR_FACTOR = 2.0
#: Each timed run loops over the call until it lasts at least this long.
MIN_RUN_SECONDS = 0.02
#: Runs of a case when one call is fast / slow / very slow.
RUNS_FAST, RUNS_SLOW, RUNS_VERY_SLOW = 5, 3, 1
DEFAULT_BUDGET = 20.0
DEFAULT_SEED = 20230709
NBSP = "\u00a0"

# --- Shapes ---------------------------------------------------------------------------


def _repeat(unit: bytes, size: int) -> bytes:
    """``unit`` repeated and cut to exactly ``size`` bytes.

    UTF-8 text is cut at a character boundary and padded with spaces, so that
    the cut leaves no invalid UTF-8 to send the decoder down another path.
    """
    data = (unit * (size // len(unit) + 1))[:size]
    if data.isascii() or len(data) == len(unit) * (size // len(unit)):
        return data
    try:
        unit.decode("utf-8")
    except UnicodeDecodeError:
        return data  # not UTF-8 text: any cut will do
    while True:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            data = data[: error.start]
        else:
            return data.ljust(size)


def _articles_text(count: int = 40) -> str:
    """A few generated articles (``corpus.py``: about 4.5 KB each) run together."""
    return "".join(article(index)[1] for index in range(count))


def _articles(size: int) -> bytes:
    return _repeat(_articles_text().encode("utf-8"), size)


def _random(size: int) -> bytes:
    return random.Random(DEFAULT_SEED).randbytes(size)


def _nul(size: int) -> bytes:
    return bytes(size)


def _long_line(size: int) -> bytes:
    return _repeat(b"lorem ipsum dolor sit amet, consectetur adipiscing elit ", size)


def _blank_lines(size: int) -> bytes:
    return b"\n" * size


def _headers(size: int) -> bytes:
    return _repeat(b"key: value\n", size)


def _canonical_headers(size: int) -> bytes:
    return _repeat(f" source Dawn {NBSP}\n".encode(), size)


def _captions(size: int) -> bytes:
    unit = "Smoke rises over the city on Sunday. \u2014 Reuters/File\n".encode()
    return b"A headline\n\n" + _repeat(unit, size - 12)


def _quotes_dashes(size: int) -> bytes:
    # Lines of quote marks and dashes, some with a separator in a caption's place.
    unit = ("\u201c\u201d\"\u2018\u2019'" * 6 + " \u2014 \u2013 - | " * 4 + "\n").encode()
    return b"A headline\n\n" + _repeat(unit, size - 12)


def _mojibake(size: int) -> bytes:
    """Articles whose UTF-8 was read as cp1252 upstream (``—`` as ``â€”``)."""
    text = _articles_text().encode("utf-8").decode("cp1252", errors="replace")
    return _repeat(text.encode("utf-8"), size)


def _cp1252(size: int) -> bytes:
    """Articles in cp1252 (invalid UTF-8; what cp1252 lacks becomes ``?``)."""
    return _repeat(_articles_text().encode("cp1252", errors="replace"), size)


def _utf16(size: int) -> bytes:
    """Articles in UTF-16 with a byte-order mark."""
    data = _articles_text().encode("utf-16-le")
    return b"\xff\xfe" + _repeat(data, (size - 2) // 2 * 2)


@dataclass(frozen=True)
class Shape:
    name: str
    what: str
    make: Callable[[int], bytes]


SHAPES = (
    Shape("articles", "normal articles run together (many paragraphs)", _articles),
    Shape("random", "random bytes", _random),
    Shape("nul", "NUL bytes", _nul),
    Shape("long-line", "one line, no line break", _long_line),
    Shape("blank-lines", "line breaks only", _blank_lines),
    Shape("headers", "'key: value' lines, the same key", _headers),
    Shape("canonical-headers", "' source Dawn NBSP' lines", _canonical_headers),
    Shape("captions", "a headline, then caption lines", _captions),
    Shape("quotes-dashes", "a headline, then lines of quote marks and dashes", _quotes_dashes),
    Shape("mojibake", "articles as UTF-8 read as cp1252 ('â€”')", _mojibake),
    Shape("cp1252", "articles in cp1252 (not UTF-8)", _cp1252),
    Shape("utf16", "articles in UTF-16 with a BOM", _utf16),
)

# --- Measuring ------------------------------------------------------------------------


@dataclass
class Case:
    """One shape at one size: what was measured, or why not."""

    shape: str
    size: int
    runs: int = 0
    loops: int = 0
    seconds: float = math.nan  # the best run, per call
    seconds_per_mb: float = math.nan
    floor_seconds: float = math.nan  # the best time of `_floor`, per call
    vs_floor: float = math.nan  # seconds / floor_seconds
    peak_bytes: int = 0
    peak_per_input: float = math.nan
    diagnostics: list[str] = field(default_factory=list)
    skipped: str = ""


@dataclass
class Verdict:
    """One shape over the sizes.

    ``ratio`` is the largest over the smallest time per MB (the criterion:
    within 2x).  ``growth`` is the largest rise of the time per MB from a
    smaller size to a larger one, and ``floor_growth`` the same for the time
    relative to the floor (one decoding pass and one split, timed on the same
    bytes).  A fixed cost per call makes small inputs dear per MB (``ratio``
    high, both growths low); caches and page faults make large inputs dearer
    for the floor too (``growth`` up to about 2, ``floor_growth`` low); work
    that grows faster than the input makes both growths high.
    """

    shape: str
    ratio: float
    growth: float
    floor_growth: float
    fastest_size: int
    slowest_size: int
    floor_growth_from: int
    floor_growth_to: int
    linear: bool  # the time per MB never rises more than LINEAR_FACTOR with size
    flat: bool  # the time per MB stays within LINEAR_FACTOR over all sizes
    excess_seconds: float  # the smallest size's time over what the cheapest rate gives
    peak_per_input: float  # memory at the largest size measured
    note: str = ""
    profiles: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _growth(cases: Sequence[Case], figure: Callable[[Case], float]) -> tuple[float, Case, Case]:
    """The largest rise of ``figure`` from a smaller size to a larger one, and where."""
    best, low, high = 1.0, cases[0], cases[0]
    for index, small in enumerate(cases):
        for large in cases[index + 1 :]:
            if figure(large) / figure(small) > best:
                best, low, high = figure(large) / figure(small), small, large
    return best, low, high


#: Whether ``loads`` extracts entities, quotes and dates (``--extract``).
EXTRACT = False


def _call(data: bytes) -> newsdoc.Article:
    article = newsdoc.loads(data, extract=EXTRACT)
    if not isinstance(article, newsdoc.Article):
        raise TypeError(f"loads returned {type(article).__name__}")
    return article


def _floor(data: bytes) -> list[str]:
    """The least any line-based reader does: one decoding pass, one split into lines."""
    return data.decode("utf-8", errors="replace").split("\n")


def _time(data: bytes, call: Callable[[bytes], object] = _call) -> tuple[float, int, int]:
    """The best time per call, the number of runs and the calls per run."""
    gc.collect()
    start = time.perf_counter()
    call(data)
    first = time.perf_counter() - start
    loops = max(1, math.ceil(MIN_RUN_SECONDS / max(first, 1e-9)))
    if first * loops < 0.5:
        runs = RUNS_FAST
    elif first < 2:
        runs = RUNS_SLOW
    else:
        runs = RUNS_VERY_SLOW
    best = first if loops == 1 else math.inf
    for _ in range(runs - (1 if loops == 1 else 0)):
        gc.collect()
        start = time.perf_counter()
        for _ in range(loops):
            call(data)
        best = min(best, (time.perf_counter() - start) / loops)
    return best, runs, loops


def _peak(data: bytes) -> tuple[int, list[str]]:
    """The tracemalloc peak of one call, and the call's diagnostic codes."""
    gc.collect()
    tracemalloc.start()
    try:
        article = _call(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, sorted({d.code for d in article.diagnostics})


def _predict(done: Sequence[Case], size: int) -> float:
    """The time of one call at ``size``, from the growth between the last two sizes."""
    if not done:
        return 0.0
    last = done[-1]
    exponent = 1.0
    if len(done) >= 2 and done[-2].seconds > 0:
        before = done[-2]
        exponent = math.log(last.seconds / before.seconds) / math.log(last.size / before.size)
        exponent = max(exponent, 1.0)
    return last.seconds * math.pow(size / last.size, exponent)


def measure(shape: Shape, sizes: Sequence[int], budget: float, memory: bool) -> list[Case]:
    cases: list[Case] = []
    done: list[Case] = []
    for size in sizes:
        case = Case(shape.name, size)
        cases.append(case)
        predicted = _predict(done, size)
        if predicted > budget:
            case.skipped = f"predicted {predicted:,.0f} s per call > budget {budget:g} s"
            _progress(f"  {shape.name:18} {_size(size):>6}  skipped: {case.skipped}")
            continue
        data = shape.make(size)
        assert len(data) == size, (shape.name, size, len(data))
        case.seconds, case.runs, case.loops = _time(data)
        case.seconds_per_mb = case.seconds / (size / MB)
        case.floor_seconds = _time(data, _floor)[0]
        case.vs_floor = case.seconds / case.floor_seconds
        if memory:
            case.peak_bytes, case.diagnostics = _peak(data)
            case.peak_per_input = case.peak_bytes / size
        else:
            case.diagnostics = sorted({d.code for d in _call(data).diagnostics})
        del data
        done.append(case)
        _progress(
            f"  {shape.name:18} {_size(size):>6}  {_duration(case.seconds):>9}  "
            f"{case.seconds_per_mb * 1e3:9.2f} ms/MB  {case.vs_floor:6.1f}x floor  "
            f"peak {case.peak_per_input:6.1f}x"
        )
    return cases


def judge(shape: Shape, cases: Sequence[Case]) -> Verdict:
    done = [case for case in cases if not case.skipped]
    slowest = max(done, key=lambda case: case.seconds_per_mb)
    fastest = min(done, key=lambda case: case.seconds_per_mb)
    ratio = slowest.seconds_per_mb / fastest.seconds_per_mb
    growth = _growth(done, lambda case: case.seconds_per_mb)[0]
    floor_growth, low, high = _growth(done, lambda case: case.vs_floor)
    notes = []
    excess = done[0].seconds - done[0].size / MB * fastest.seconds_per_mb
    if ratio > LINEAR_FACTOR and slowest is done[0]:
        notes.append(f"{_duration(excess)} a call above the rate of larger inputs")
    if floor_growth > LINEAR_FACTOR:
        notes.append(
            f"GROWS: {floor_growth:.1f}x the floor's time per MB at {_size(high.size)} "
            f"than at {_size(low.size)}"
        )
    skipped = [case for case in cases if case.skipped]
    if skipped:
        notes.append(f"{', '.join(_size(case.size) for case in skipped)} over budget")
    return Verdict(
        shape=shape.name,
        ratio=ratio,
        growth=growth,
        floor_growth=floor_growth,
        fastest_size=fastest.size,
        slowest_size=slowest.size,
        floor_growth_from=low.size,
        floor_growth_to=high.size,
        linear=floor_growth <= LINEAR_FACTOR and not skipped,
        flat=ratio <= LINEAR_FACTOR,
        excess_seconds=excess,
        peak_per_input=done[-1].peak_per_input,
        note="; ".join(notes),
    )


def profile(shape: Shape, size: int, top: int = 8) -> list[dict[str, Any]]:
    """The functions taking the most time in ``loads`` of the shape at ``size``."""
    data = shape.make(size)
    _call(data)  # imports and caches out of the way
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    calls = 0
    while calls == 0 or time.perf_counter() - start < 0.3:
        _call(data)
        calls += 1
    profiler.disable()
    stats = pstats.Stats(profiler)
    entries: dict[_Function, tuple[int, int, float, float, dict[_Function, Any]]]
    entries = stats.stats  # type: ignore[attr-defined]
    rows: list[dict[str, Any]] = []
    for function, (_, ncalls, tottime, cumtime, _) in entries.items():
        rows.append(
            {
                "function": function[2],
                "where": _where(function),
                "calls": ncalls // calls,
                "own_seconds": tottime / calls,
                "total_seconds": cumtime / calls,
                "via": _newsdoc_caller(entries, function),
            }
        )
    rows.sort(key=lambda row: row["own_seconds"], reverse=True)
    return rows[:top]


#: A function as cProfile names it: file name, line, function name.
_Function = tuple[str, int, str]


def _where(function: _Function) -> str:
    return f"{_relative(function[0])}:{function[1]}"


def _newsdoc_caller(entries: dict[_Function, Any], function: _Function) -> str:
    """The newsdoc function through which most of the time reached ``function``."""
    if "newsdoc" in function[0]:
        return ""  # a newsdoc function itself
    seen = set()
    while "newsdoc" not in function[0] and function not in seen:
        seen.add(function)
        callers: dict[_Function, Any] = entries.get(function, (0, 0, 0, 0, {}))[4]
        if not callers:
            return ""
        # Each caller's entry is (calls, primitive calls, own time, total time).
        function = max(callers, key=lambda caller: callers[caller][3])
    return "" if function in seen else f"{function[2]} {_where(function)}"


# --- Output ---------------------------------------------------------------------------

_OUT: TextIO = sys.stdout


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _size(size: int) -> str:
    return f"{size // MB} MB" if size >= MB else f"{size // KB} KB"


def _duration(seconds: float) -> str:
    if math.isnan(seconds):
        return "-"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def _relative(filename: str) -> str:
    for marker in ("/site-packages/", "/src/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def print_tables(cases: Sequence[Case], verdicts: Sequence[Verdict]) -> None:
    out = _OUT
    print(
        f"{'shape':18} {'size':>6} {'runs':>7} {'best':>10} {'per MB':>12} {'x floor':>8} "
        f"{'peak mem':>10} {'x input':>8}  diagnostics",
        file=out,
    )
    for case in cases:
        if case.skipped:
            print(f"{case.shape:18} {_size(case.size):>6}  skipped: {case.skipped}", file=out)
            continue
        runs = f"{case.runs}x{case.loops}" if case.loops > 1 else str(case.runs)
        memory = "         -        -"
        if not math.isnan(case.peak_per_input):
            memory = f"{case.peak_bytes / MB:7.2f} MB {case.peak_per_input:7.1f}x"
        print(
            f"{case.shape:18} {_size(case.size):>6} {runs:>7} {_duration(case.seconds):>10} "
            f"{case.seconds_per_mb * 1e3:9.2f} ms {case.vs_floor:7.1f}x {memory}  "
            f"{','.join(case.diagnostics)}",
            file=out,
        )
    print(file=out)
    print(
        f"{'shape':18} {'max/min':>8} {'fastest':>8} {'slowest':>8} {'growth':>7} "
        f"{'vs floor':>8}  {'linear':6}  {'flat':4}  {'memory':>7}  notes",
        file=out,
    )
    for verdict in verdicts:
        memory = "-" if math.isnan(verdict.peak_per_input) else f"{verdict.peak_per_input:.1f}x"
        print(
            f"{verdict.shape:18} {verdict.ratio:8.2f} {_size(verdict.fastest_size):>8} "
            f"{_size(verdict.slowest_size):>8} {verdict.growth:7.2f} {verdict.floor_growth:8.2f}  "
            f"{'yes' if verdict.linear else 'NO':6}  {'yes' if verdict.flat else 'no':4}  "
            f"{memory:>7}  {verdict.note}",
            file=out,
        )
    for verdict in verdicts:
        for where, rows in verdict.profiles.items():
            print(f"\nprofile of {verdict.shape} at {where} (per call):", file=out)
            for row in rows:
                own, total = _duration(row["own_seconds"]), _duration(row["total_seconds"])
                via = f"  (via {row['via']})" if row["via"] else ""
                print(
                    f"  {own:>10} own {total:>10} total {row['calls']:>9} calls  "
                    f"{row['function']}  {row['where']}{via}",
                    file=out,
                )


def main(argv: Sequence[str] | None = None) -> int:
    global _OUT, EXTRACT
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--max-mb", type=float, default=50, help="largest size, in MB")
    parser.add_argument("--shapes", help="comma-separated shape names (default: all)")
    parser.add_argument(
        "--budget",
        type=float,
        default=DEFAULT_BUDGET,
        help="skip a size whose one call is predicted to take longer (seconds)",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc run")
    parser.add_argument(
        "--extract", action="store_true", help="time loads with extraction (default: without)"
    )
    parser.add_argument("--profile", action="store_true", help="profile the non-linear shapes")
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON ('-': stdout)")
    args = parser.parse_args(argv)

    names = args.shapes.split(",") if args.shapes else [shape.name for shape in SHAPES]
    unknown = set(names) - {shape.name for shape in SHAPES}
    if unknown:
        parser.error(f"unknown shapes: {', '.join(sorted(unknown))}")
    shapes = [shape for shape in SHAPES if shape.name in names]
    sizes = [size for size in SIZES if size <= args.max_mb * MB]
    if not sizes:
        parser.error("--max-mb is below the smallest size (1 KB)")
    if args.json == "-":
        _OUT = sys.stderr
    EXTRACT = args.extract

    started = time.perf_counter()
    machine = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "newsdoc": getattr(newsdoc, "__version__", "?"),
        "extract": args.extract,
    }
    _progress(" ".join(f"{key}={value}" for key, value in machine.items()))
    _call(b"warm up")
    cases: list[Case] = []
    verdicts: list[Verdict] = []
    for shape in shapes:
        _progress(f"{shape.name}: {shape.what}")
        shape_cases = measure(shape, sizes, args.budget, memory=not args.no_memory)
        cases += shape_cases
        verdict = judge(shape, shape_cases)
        if args.profile:
            wanted = []
            if verdict.ratio > LINEAR_FACTOR:
                wanted.append(verdict.slowest_size)
            if verdict.floor_growth > LINEAR_FACTOR:
                wanted.append(verdict.floor_growth_to)
            for size in dict.fromkeys(wanted):
                verdict.profiles[_size(size)] = profile(shape, size)
        verdicts.append(verdict)
    elapsed = time.perf_counter() - started

    print(file=_OUT)
    print_tables(cases, verdicts)
    print(f"\n{len(cases)} cases in {elapsed:.0f} s", file=_OUT)
    if args.json:
        document = {
            "machine": machine,
            "sizes": sizes,
            "linear_factor": LINEAR_FACTOR,
            "budget_seconds": args.budget,
            "elapsed_seconds": elapsed,
            "cases": [asdict(case) for case in cases],
            "verdicts": [asdict(verdict) for verdict in verdicts],
        }
        text = json.dumps(_finite(document), indent=2, allow_nan=False)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w", encoding="utf-8") as fp:
                fp.write(text + "\n")
    return 0


def _finite(value: Any) -> Any:
    """``value`` with NaN (a figure not measured) as ``None``, for JSON."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value


if __name__ == "__main__":
    sys.exit(main())
