"""Compare two versions of the extractor on every article of the shared corpora.

Usage::

    python benchmarks/compare_extraction.py --old /path/to/old/src
    python benchmarks/compare_extraction.py --old OLD/src --corpora gum,re3d --limit 20
    python benchmarks/compare_extraction.py --old OLD/src --examples 20 --out diffs.jsonl
    python benchmarks/compare_extraction.py --old OLD/src --new NEW/src
    python benchmarks/compare_extraction.py --old OLD/src --rendered DIR   # keep DIR/<corpus>

The corpora (``../shared/corpus``: all of BBC, GUM news and interviews, re3d, PolNeAR dev
and train, Reuters) are rendered into the seed format by ``../shared/tools/to_seed_format.py``
with the options ``tests/test_corpus.py`` uses (so file names match the golden files of
``tests/test_golden_extraction.py``), into a temporary directory or, with ``--rendered``,
into ``DIR/<corpus>`` (reused when already there).  ``--limit N`` takes the first N
articles of each corpus.

Each version runs in its own subprocess, both at once, with ``PYTHONPATH`` set to its
source folder: ``--old``, and ``--new`` (by default the folder of the ``newsdoc`` this
Python imports, that is the working tree with an editable install).  Each reads every
article with ``newsdoc.read`` and writes the digest of its extraction output as a JSON line
(``tests/extraction_digest.py``, which reads both shapes of the model).  The report gives
the articles compared and identical, and the differences in four categories, each with up
to ``--examples`` examples (one per article):

* (a) new results in the headline, captions or credits (intended);
* (b) a person mention that now starts later, its title dropped (same end; the dropped
  prefix ends with a space);
* (c) a mention (or a name or alias) that no longer starts with ``the ``/``The ``;
* (d) everything else: unexpected.

``--out PATH`` writes every difference as a JSON line.  The exit status is 1 when there is
an unexpected difference (or an article only one version could read), else 0.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from tests.extraction_digest import (  # noqa: E402
    CATEGORIES,
    UNEXPECTED,
    Difference,
    differences,
    digest,
    part_texts,
)

#: The corpora, in the order of the report.
CORPORA = ("bbc", "gum", "re3d", "polnear", "reuters")
#: The tool's options: every article (those of ``tests/test_corpus.py``, so the same names).
TOOL_OPTIONS = ("-n", "0", "--split", "dev,test,train", "--genre", "news,interview")


# --- The worker: one version of newsdoc, in its own process ----------------------------


def _body_line(article: Any) -> int | None:
    """The input line on which the body starts, where the article's source map says so."""
    try:
        source = article.source
        return int(source.location(source.parts.paragraphs[0]).lineno)
    except (AttributeError, IndexError, TypeError, ValueError):
        return None


def work(paths_file: str, out_file: str, texts: bool) -> int:
    """Read each file ``paths_file`` lists and write its digest as a JSON line."""
    import newsdoc

    with open(paths_file, encoding="utf-8") as fp:
        paths = fp.read().splitlines()
    with open(out_file, "w", encoding="utf-8") as out:
        out.write(json.dumps({"newsdoc": newsdoc.__file__}) + "\n")
        for path in paths:
            record: dict[str, Any] = {"path": path}
            try:
                article = newsdoc.read(path)
                record["digest"] = digest(article)
                if texts:
                    record["texts"] = [[*key, text] for key, text in part_texts(article).items()]
                    record["body_line"] = _body_line(article)
            except Exception as error:
                record["error"] = f"{type(error).__name__}: {error}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


# --- The comparison ---------------------------------------------------------------------


def render(corpora: Sequence[str], folder: Path) -> None:
    """Render each corpus not rendered yet into ``folder/<corpus>``, all at once."""
    tool = SHARED / "tools" / "to_seed_format.py"
    running = []
    for corpus in corpora:
        out = folder / corpus
        if (out / "manifest.jsonl").is_file():
            continue
        command = [sys.executable, str(tool), corpus, "--out", str(out), *TOOL_OPTIONS]
        command += ["--root", str(SHARED / "corpus")]
        running.append(
            (corpus, subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
        )
    for corpus, process in running:
        _, errors = process.communicate()
        if process.returncode:
            raise SystemExit(f"rendering {corpus} failed:\n{errors.decode()}")


def articles(corpora: Sequence[str], folder: Path, limit: int) -> list[tuple[str, Path]]:
    """``(corpus/file, path)`` of every rendered article, the first ``limit`` of each corpus."""
    found = []
    for corpus in corpora:
        manifest = (folder / corpus / "manifest.jsonl").read_text(encoding="utf-8")
        entries = [json.loads(line) for line in manifest.splitlines()]
        for entry in entries[: limit or None]:
            found.append((f"{corpus}/{entry['file']}", folder / corpus / entry["file"]))
    return found


def start_worker(
    source: Path, paths_file: Path, out_file: Path, texts: bool
) -> subprocess.Popen[bytes]:
    """This script as a worker, with ``PYTHONPATH`` set to ``source`` only."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(paths_file)]
    command += [str(out_file)] + (["--texts"] if texts else [])
    return subprocess.Popen(command, env=env, stderr=subprocess.PIPE)


def _records(fp: TextIO, source: Path, name: str) -> Iterator[dict[str, Any]]:
    """The worker's records, after checking that it imported newsdoc from ``source``."""
    first = json.loads(fp.readline())
    imported = Path(first["newsdoc"]).resolve()
    if not imported.is_relative_to(source.resolve()):
        raise SystemExit(f"the {name} worker imported {imported}, not newsdoc from {source}")
    print(f"{name}: {imported.parent}")
    for line in fp:
        yield json.loads(line)


class Report:
    """The counts, and the first examples of each category (one per article)."""

    def __init__(self, examples: int, out: TextIO | None) -> None:
        self.examples = examples
        self.out = out
        self.compared: Counter[str] = Counter()
        self.identical: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.articles: Counter[str] = Counter()
        self.shown: dict[str, list[tuple[str, list[str]]]] = {c: [] for c in CATEGORIES}

    def add(self, name: str, found: list[Difference]) -> None:
        corpus = name.split("/", 1)[0]
        self.compared[corpus] += 1
        if not found:
            self.identical[corpus] += 1
            return
        for category in CATEGORIES:
            messages = [d.message for d in found if d.category == category]
            if not messages:
                continue
            self.found[category] += len(messages)
            self.articles[category] += 1
            if len(self.shown[category]) < self.examples:
                self.shown[category].append((name, messages))
        if self.out is not None:
            for difference in found:
                row = {"file": name, "category": difference.category}
                self.out.write(json.dumps({**row, "message": difference.message}) + "\n")

    def write(self, corpora: Sequence[str]) -> None:
        print(f"\n{'corpus':<10}{'articles':>10}{'identical':>11}{'differing':>11}")
        for corpus in corpora:
            compared, identical = self.compared[corpus], self.identical[corpus]
            print(f"{corpus:<10}{compared:>10}{identical:>11}{compared - identical:>11}")
        compared, identical = self.compared.total(), self.identical.total()
        print(f"{'total':<10}{compared:>10}{identical:>11}{compared - identical:>11}")
        print(f"\narticles compared: {compared}\narticles identical: {identical}")
        print(f"differences: {self.found.total()}")
        for category, what in CATEGORIES.items():
            print(
                f"  ({category}) {what}: {self.found[category]} "
                f"in {self.articles[category]} articles"
            )
            for name, messages in self.shown[category]:
                print(f"      {name}: {messages[0]}")
                more = len(messages) - 1
                if more:
                    print(f"        (and {more} more of this kind in this article)")


def compare(
    old_file: Path, new_file: Path, names: list[str], old: Path, new: Path, report: Report
) -> None:
    """Compare the two workers' records, article by article, into ``report``."""
    with open(old_file, encoding="utf-8") as old_fp, open(new_file, encoding="utf-8") as new_fp:
        old_records = _records(old_fp, old, "old")
        new_records = _records(new_fp, new, "new")
        for name, before, after in zip(names, old_records, new_records, strict=True):
            if "error" in before or "error" in after:
                same = before.get("error") == after.get("error")
                problem = f"old: {before.get('error', 'read')}; new: {after.get('error', 'read')}"
                report.add(name, [] if same else [Difference(UNEXPECTED, problem)])
                continue
            if before["digest"] == after["digest"]:
                report.add(name, [])
                continue
            texts = {(str(n), int(i)): str(t) for n, i, t in after["texts"]}
            found = differences(
                before["digest"], after["digest"], texts, body_line=after["body_line"]
            )
            report.add(name, found)


def default_new() -> Path:
    """The source folder of the ``newsdoc`` this Python imports."""
    spec = importlib.util.find_spec("newsdoc")
    if spec is None or spec.origin is None:
        raise SystemExit("newsdoc is not importable: give --new")
    return Path(spec.origin).resolve().parent.parent


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, help="the old code's source folder (holds newsdoc/)")
    parser.add_argument("--new", type=Path, help="the new code's (default: newsdoc as imported)")
    parser.add_argument("--corpora", default=",".join(CORPORA), help="comma list (default all)")
    parser.add_argument("--limit", type=int, default=0, help="first N articles of each corpus")
    parser.add_argument("--examples", type=int, default=5, help="examples per category")
    parser.add_argument("--rendered", type=Path, help="render into (or reuse) DIR/<corpus>")
    parser.add_argument("--out", type=Path, help="write every difference as a JSON line")
    parser.add_argument("--worker", nargs=2, metavar=("PATHS", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--texts", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return work(args.worker[0], args.worker[1], args.texts)
    if args.old is None:
        parser.error("--old is required")
    corpora = [c for c in args.corpora.split(",") if c]
    unknown = set(corpora) - set(CORPORA)
    if unknown:
        parser.error(f"unknown corpora {sorted(unknown)}; choose from {', '.join(CORPORA)}")
    new = args.new or default_new()
    for source in (args.old, new):
        if not (source / "newsdoc" / "__init__.py").is_file():
            parser.error(f"{source} holds no newsdoc package")
    if not SHARED.is_dir():
        parser.error(f"the shared corpora are not beside the project ({SHARED})")

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.rendered or Path(tmp) / "rendered"
        render(corpora, folder)
        listed = articles(corpora, folder, args.limit)
        paths_file = Path(tmp) / "paths.txt"
        paths_file.write_text("".join(f"{path}\n" for _, path in listed), encoding="utf-8")
        outputs = Path(tmp) / "old.jsonl", Path(tmp) / "new.jsonl"
        workers = [
            start_worker(args.old, paths_file, outputs[0], texts=False),
            start_worker(new, paths_file, outputs[1], texts=True),
        ]
        for name, worker in zip(("old", "new"), workers, strict=True):
            _, errors = worker.communicate()
            if worker.returncode:
                raise SystemExit(f"the {name} worker failed:\n{errors.decode()}")
        with contextlib.ExitStack() as stack:
            out = stack.enter_context(open(args.out, "w", encoding="utf-8")) if args.out else None
            report = Report(args.examples, out)
            compare(*outputs, [name for name, _ in listed], args.old, new, report)
    report.write(corpora)
    unexpected = report.found[UNEXPECTED]
    print(f"\nunexpected differences: {unexpected}  ({time.perf_counter() - started:.1f} s)")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
