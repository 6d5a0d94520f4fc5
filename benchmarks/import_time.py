"""How long ``import newsdoc`` takes in a fresh interpreter, and what it loads.

Usage::

    python benchmarks/import_time.py                          # this checkout
    python benchmarks/import_time.py --old ../baseline/src     # an older one beside it

Each measurement starts a new Python process that times ``import newsdoc`` alone
(the interpreter's own start-up is not counted); old and new alternate, and the
minimum and median of ``--runs`` imports are reported, with the number of
newsdoc modules the import loaded.  ``import newsdoc`` should load the model, the
parser and JSON, not the extraction rules and their word lists: those load on
the first extraction.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.normpath(os.path.join(HERE, "..", "src"))

_PROBE = (
    "import sys, time, json; t = time.perf_counter(); import newsdoc; "
    "took = time.perf_counter() - t; "
    "mods = sorted(m for m in sys.modules if m.startswith('newsdoc')); "
    "print(json.dumps({'seconds': took, 'modules': mods, 'file': newsdoc.__file__}))"
)


def probe(src: str) -> dict[str, object]:
    """One fresh import of the newsdoc found in ``src``."""
    env = dict(os.environ, PYTHONPATH=src)
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--new", default=SRC, help="source folder holding newsdoc/ (default: this one)"
    )
    parser.add_argument("--old", help="an older source folder to compare with")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    versions = {"new": args.new, **({"old": args.old} if args.old else {})}
    times: dict[str, list[float]] = {name: [] for name in versions}
    loaded: dict[str, list[str]] = {}
    for _ in range(args.runs):
        for name, src in versions.items():
            result = probe(src)
            times[name].append(float(result["seconds"]))  # type: ignore[arg-type]
            loaded[name] = list(result["modules"])  # type: ignore[call-overload]
    for name in versions:
        ms = sorted(t * 1000 for t in times[name])
        extraction = [m for m in loaded[name] if ".extract" in m]
        print(
            f"{name}: import newsdoc min {ms[0]:.1f} ms, median {statistics.median(ms):.1f} ms; "
            f"{len(loaded[name])} newsdoc modules, of which extraction: {extraction}"
        )
    if args.old:
        ratio = statistics.median(times["new"]) / statistics.median(times["old"])
        print(f"new / old (median): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
