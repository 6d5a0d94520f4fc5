"""Time newsdoc's parser and JSON round trip against a floor and two peers.

Usage::

    python benchmarks/bench_core.py                    # 10,000 articles, 30 rounds
    python benchmarks/bench_core.py --articles 2000 --rounds 5
    python benchmarks/bench_core.py --json results.json    # also write the figures
    python benchmarks/bench_core.py --out DIR          # also write the corpus to DIR
    python benchmarks/bench_core.py --extract          # JSON of extracted articles

Over one synthetic corpus (``corpus.py``: seed-format articles of about 4.5 KB),
the time per article of:

(a) ``bytes.decode`` + ``str.splitlines``: the floor any parser of the text pays;
(b) ``newsdoc.loads`` of the same bytes, without extraction;
(c) ``newsdoc.to_json`` and ``newsdoc.from_json``, encode and decode summed;
(d) msgspec and pydantic v2, encoding and decoding an equivalent model (same
    fields, types and nesting, frozen, strict) from the same JSON bytes newsdoc
    writes; orjson to and from plain dicts is shown for reference.

Targets: (b) <= 2.5 x (a); (c) faster than pydantic and <= 1.5 x msgspec.

Method: one process, everything in memory.  Each round times every contender
once over the whole corpus (``time.perf_counter_ns``, garbage collector off, each
result dropped as the next is made); the order of the contenders rotates from
round to round.  A contender's figure is its median per-article time over the
rounds; a ratio is the median over rounds of the ratio within each round, so
that a slow moment of a shared machine weighs on both sides of it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import inspect
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from importlib import metadata
from typing import Any, Literal, TypeVar

import msgspec
import orjson
import pydantic

# ``python benchmarks/bench_core.py`` puts this directory first on the path.
from corpus import DEFAULT_ARTICLES, DEFAULT_SEED, generate, write

import newsdoc
from newsdoc import DatePrecision, EntityKind

T = TypeVar("T")

DEFAULT_ROUNDS = 30

# --- The peers' models ------------------------------------------------------------------
# The fields of newsdoc's Article and its parts, with the same types, written in the
# order newsdoc writes its JSON keys, so that each peer writes the very same bytes.


class MSpan(msgspec.Struct, frozen=True, kw_only=True):
    end: int
    start: int
    text: str


class MEntity(msgspec.Struct, frozen=True, kw_only=True):
    aliases: tuple[str, ...] = ()
    kind: EntityKind
    mentions: tuple[MSpan, ...] = ()
    name: str
    title: str | None = None


class MQuote(msgspec.Struct, frozen=True, kw_only=True):
    cue: MSpan | None = None
    entity: int | None = None
    spans: tuple[MSpan, ...] = ()
    speaker: MSpan | None = None
    text: str


class MDateMention(msgspec.Struct, frozen=True, kw_only=True):
    precision: DatePrecision | None = None
    span: MSpan
    value: dt.date | None = None


class MImage(msgspec.Struct, frozen=True, kw_only=True):
    caption: str
    credit: str | None = None


class MArticle(msgspec.Struct, frozen=True, kw_only=True):
    schema_version: Literal[1]
    date: dt.date | None = None
    dates: tuple[MDateMention, ...] = ()
    entities: tuple[MEntity, ...] = ()
    headline: str
    id: str | None = None
    images: tuple[MImage, ...] = ()
    metadata: dict[str, str] = msgspec.field(default_factory=dict)
    paragraphs: tuple[str, ...] = ()
    quotes: tuple[MQuote, ...] = ()


class _Frozen(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, strict=True)


class PSpan(_Frozen):
    end: int
    start: int
    text: str


class PEntity(_Frozen):
    aliases: tuple[str, ...] = ()
    kind: EntityKind
    mentions: tuple[PSpan, ...] = ()
    name: str
    title: str | None = None


class PQuote(_Frozen):
    cue: PSpan | None = None
    entity: int | None = None
    spans: tuple[PSpan, ...] = ()
    speaker: PSpan | None = None
    text: str


class PDateMention(_Frozen):
    precision: DatePrecision | None = None
    span: PSpan
    value: dt.date | None = None


class PImage(_Frozen):
    caption: str
    credit: str | None = None


class PArticle(_Frozen):
    schema_version: Literal[1]
    date: dt.date | None = None
    dates: tuple[PDateMention, ...] = ()
    entities: tuple[PEntity, ...] = ()
    headline: str
    id: str | None = None
    images: tuple[PImage, ...] = ()
    metadata: dict[str, str] = pydantic.Field(default_factory=dict)
    paragraphs: tuple[str, ...] = ()
    quotes: tuple[PQuote, ...] = ()


# --- Contenders ----------------------------------------------------------------------


class Contender:
    """One thing timed: a loop over its own inputs, one call per article."""

    def __init__(self, key: str, label: str, run: Callable[[], None]) -> None:
        self.key = key
        self.label = label
        self.run = run
        #: Nanoseconds per article, one figure per round.
        self.times: list[float] = []

    def median(self) -> float:
        return statistics.median(self.times)

    def best(self) -> float:
        return min(self.times)


def _each(func: Callable[[T], object], items: Sequence[T]) -> Callable[[], None]:
    """A loop calling ``func`` on every item, dropping each result."""

    def run() -> None:
        for item in items:
            func(item)

    return run


def _floor(items: Sequence[bytes]) -> Callable[[], None]:
    """(a): decode and split into lines, inline (no extra call per article)."""

    def run() -> None:
        for data in items:
            data.decode("utf-8").splitlines()

    return run


def _loads_without_extraction() -> tuple[Callable[..., newsdoc.Article], str]:
    """``newsdoc.loads``, passing ``extract=False`` when it takes that keyword."""
    # Typed loosely: the keyword may not exist in the newsdoc mypy checks against.
    loads: Callable[..., newsdoc.Article] = newsdoc.loads
    if "extract" not in inspect.signature(loads).parameters:
        return loads, "newsdoc.loads(data)"
    return functools.partial(loads, extract=False), "newsdoc.loads(data, extract=False)"


class Problem(Exception):
    """The corpus or a peer did not pass the self-check: timing it would mislead."""


class Setup:
    """The corpus and every contender's inputs, made and checked before timing."""

    def __init__(self, corpus: Sequence[tuple[str, bytes]], *, extract: bool) -> None:
        self.names = [name for name, _ in corpus]
        self.data = [data for _, data in corpus]
        self.loads, self.loads_call = _loads_without_extraction()
        self.extract = extract
        self.articles = self._check_text()
        self.json = [newsdoc.to_json(article) for article in self.articles]
        self._check_json()
        self.msgspec_encoder = msgspec.json.Encoder()
        self.msgspec_decoder = msgspec.json.Decoder(MArticle)
        self.pydantic_adapter: pydantic.TypeAdapter[PArticle] = pydantic.TypeAdapter(PArticle)
        self.msgspec_objects = [self.msgspec_decoder.decode(doc) for doc in self.json]
        self.pydantic_objects = [PArticle.model_validate_json(doc) for doc in self.json]
        self.dicts = [orjson.loads(doc) for doc in self.json]
        self.identical = self._check_peers()

    def _check_text(self) -> list[newsdoc.Article]:
        """Every article reads without a diagnostic and is written back byte for byte."""
        from newsdoc.extraction import extract

        articles = []
        for name, data in zip(self.names, self.data, strict=True):
            article = self.loads(data)
            if article.diagnostics:
                raise Problem(f"{name}: {article.diagnostics[0]}")
            if article.entities or article.quotes or article.date_mentions:
                raise Problem(f"{name}: {self.loads_call} extracted entities, quotes or dates")
            if newsdoc.dumps(article) != data.decode("utf-8"):
                raise Problem(f"{name}: dumps(loads(x)) != x")
            # The JSON carries the id, as for an article read from its file.
            article = self.loads(data, id=name.split("_")[1].removesuffix(".txt"))
            if self.extract:
                article = extract(article)
            articles.append(article)
        return articles

    def _check_json(self) -> None:
        for name, article, doc in zip(self.names, self.articles, self.json, strict=True):
            if newsdoc.from_json(doc) != article:
                raise Problem(f"{name}: from_json(to_json(a)) != a")

    def _check_peers(self) -> bool:
        """Each peer writes what newsdoc writes (the same bytes, or at least the same JSON)."""
        identical = True
        for index, doc in enumerate(self.json):
            written = (
                self.msgspec_encoder.encode(self.msgspec_objects[index]),
                self.pydantic_adapter.dump_json(self.pydantic_objects[index]),
                orjson.dumps(self.dicts[index]),
            )
            if any(other != doc for other in written):
                identical = False
                expected = json.loads(doc)
                if any(json.loads(other) != expected for other in written):
                    raise Problem(f"{self.names[index]}: a peer wrote different JSON")
        return identical

    def contenders(self) -> list[Contender]:
        encoder = self.msgspec_encoder.encode
        decoder = self.msgspec_decoder.decode
        return [
            Contender("floor", "(a) bytes.decode + str.splitlines", _floor(self.data)),
            Contender("loads", f"(b) {self.loads_call}", _each(self.loads, self.data)),
            Contender(
                "newsdoc_encode", "(c) newsdoc.to_json", _each(newsdoc.to_json, self.articles)
            ),
            Contender(
                "newsdoc_decode", "(c) newsdoc.from_json", _each(newsdoc.from_json, self.json)
            ),
            Contender(
                "msgspec_encode", "(d) msgspec Encoder.encode", _each(encoder, self.msgspec_objects)
            ),
            Contender("msgspec_decode", "(d) msgspec Decoder.decode", _each(decoder, self.json)),
            Contender(
                "pydantic_encode",
                "(d) pydantic TypeAdapter.dump_json",
                _each(self.pydantic_adapter.dump_json, self.pydantic_objects),
            ),
            Contender(
                "pydantic_decode",
                "(d) pydantic model_validate_json",
                _each(PArticle.model_validate_json, self.json),
            ),
            Contender("orjson_encode", "    orjson.dumps(dict)", _each(orjson.dumps, self.dicts)),
            Contender("orjson_decode", "    orjson.loads -> dict", _each(orjson.loads, self.json)),
        ]


# --- Timing ------------------------------------------------------------------------------


def _time(run: Callable[[], None]) -> int:
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter_ns()
        run()
        return time.perf_counter_ns() - start
    finally:
        gc.enable()


def measure(
    contenders: Sequence[Contender],
    articles: int,
    rounds: int,
    progress: Callable[[str], None],
) -> None:
    """Time every contender once per round, in an order that rotates each round."""
    for index in range(rounds):
        shift = index % len(contenders)
        for contender in [*contenders[shift:], *contenders[:shift]]:
            contender.times.append(_time(contender.run) / articles)
        progress(f"round {index + 1}/{rounds}")


def _paired(
    contenders: dict[str, Contender], top: Sequence[str], bottom: Sequence[str]
) -> list[float]:
    """Per round: the summed times of ``top`` over the summed times of ``bottom``."""
    rounds = len(contenders[top[0]].times)
    return [
        sum(contenders[key].times[index] for key in top)
        / sum(contenders[key].times[index] for key in bottom)
        for index in range(rounds)
    ]


#: Each target: key, what is compared, the keys summed above and below the ratio,
#: the bound, and whether the ratio must stay strictly under it.
TARGETS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], float, bool], ...] = (
    ("loads_vs_floor", "(b) / (a)", ("loads",), ("floor",), 2.5, False),
    (
        "json_vs_msgspec",
        "(c) / msgspec",
        ("newsdoc_encode", "newsdoc_decode"),
        ("msgspec_encode", "msgspec_decode"),
        1.5,
        False,
    ),
    (
        "json_vs_pydantic",
        "(c) / pydantic",
        ("newsdoc_encode", "newsdoc_decode"),
        ("pydantic_encode", "pydantic_decode"),
        1.0,
        True,
    ),
)


def ratios(contenders: Sequence[Contender]) -> list[dict[str, Any]]:
    by_key = {contender.key: contender for contender in contenders}
    found = []
    for key, label, top, bottom, bound, strict in TARGETS:
        per_round = _paired(by_key, top, bottom)
        ratio = statistics.median(per_round)
        of_best = sum(by_key[k].best() for k in top) / sum(by_key[k].best() for k in bottom)
        found.append(
            {
                "key": key,
                "label": label,
                "ratio": ratio,
                "ratio_of_best": of_best,
                "ratio_range": [min(per_round), max(per_round)],
                "target": f"{'<' if strict else '<='} {bound}",
                "met": ratio < bound if strict else ratio <= bound,
            }
        )
    return found


# --- Machine, versions, report --------------------------------------------------------


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fp:
            for line in fp:
                if line.startswith("model name"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, Any]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "platform": platform.platform(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
    }


def _revision() -> str | None:
    """The checkout newsdoc is imported from: short commit, and whether ``src`` differs."""
    source = os.path.dirname(os.path.dirname(os.path.dirname(newsdoc.__file__)))
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=source,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"],
            cwd=source,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{commit}, src modified" if changed else commit


def versions() -> dict[str, str]:
    found = {}
    for name in ("newsdoc", "attrs", "cattrs", "msgspec", "pydantic", "pydantic-core", "orjson"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    revision = _revision()
    if revision is not None:
        found["newsdoc"] += f" ({revision})"
    return found


def corpus_stats(setup: Setup) -> dict[str, Any]:
    sizes = [len(data) for data in setup.data]
    texts = [data.decode("utf-8") for data in setup.data]
    return {
        "articles": len(sizes),
        "mean_bytes": statistics.fmean(sizes),
        "min_bytes": min(sizes),
        "max_bytes": max(sizes),
        "mean_paragraphs": statistics.fmean(len(a.paragraphs) for a in setup.articles),
        "mean_non_ascii_chars": statistics.fmean(
            len(text) - len(text.encode("ascii", "ignore")) for text in texts
        ),
        "mean_curly_quotes": statistics.fmean(sum(map(text.count, "“”‘’")) for text in texts),
        "with_metadata": sum(1 for a in setup.articles if a.metadata),
        "mean_json_bytes": statistics.fmean(len(doc) for doc in setup.json),
        "extracted": setup.extract,
        "peers_write_identical_bytes": setup.identical,
    }


def _us(ns: float) -> str:
    return f"{ns / 1000:8.2f}"


def table(contenders: Sequence[Contender], found: Iterable[dict[str, Any]]) -> str:
    by_key = {contender.key: contender for contender in contenders}
    width = max(len(contender.label) for contender in contenders) + 2
    lines = [f"{'per article':<{width}}{'median µs':>10}{'min µs':>10}", "-" * (width + 20)]
    for contender in contenders:
        lines.append(
            f"{contender.label:<{width}}{_us(contender.median()):>10}{_us(contender.best()):>10}"
        )
    for name in ("newsdoc", "msgspec", "pydantic", "orjson"):
        encode, decode = by_key[f"{name}_encode"], by_key[f"{name}_decode"]
        label = f"    {name} encode + decode"
        lines.append(
            f"{label:<{width}}{_us(encode.median() + decode.median()):>10}"
            f"{_us(encode.best() + decode.best()):>10}"
        )
    lines += ["", f"{'target':<18}{'ratio':>7}{'of mins':>9}{'rounds':>15}{'bound':>9}  verdict"]
    for item in found:
        low, high = item["ratio_range"]
        verdict = "met" if item["met"] else "MISSED"
        lines.append(
            f"{item['label']:<18}{item['ratio']:>7.2f}{item['ratio_of_best']:>9.2f}"
            f"{f'{low:.2f}-{high:.2f}':>15}{item['target']:>9}  {verdict}"
        )
    return "\n".join(lines)


def header(info: dict[str, Any], libs: dict[str, str], stats: dict[str, Any], rounds: int) -> str:
    return "\n".join(
        [
            f"machine: {info['cpu']}, {info['cores']} cores ({info['usable_cores']} usable), "
            f"{info['platform']}",
            f"python:  {info['python']}",
            "versions: " + ", ".join(f"{name} {version}" for name, version in libs.items()),
            f"corpus:  {stats['articles']} articles, {stats['mean_bytes']:.0f} bytes each "
            f"({stats['min_bytes']}-{stats['max_bytes']}), "
            f"{stats['mean_paragraphs']:.1f} paragraphs, "
            f"{stats['mean_non_ascii_chars']:.0f} non-ASCII characters "
            f"({stats['mean_curly_quotes']:.0f} curly quotes), "
            f"{stats['with_metadata']} with extra header lines, "
            f"JSON {stats['mean_json_bytes']:.0f} bytes"
            + (" (extracted)" if stats["extracted"] else "")
            + (
                ", which msgspec, pydantic and orjson write byte for byte"
                if stats["peers_write_identical_bytes"]
                else ", which msgspec, pydantic and orjson write as equal JSON"
            ),
            f"rounds:  {rounds}",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time newsdoc.loads, to_json and from_json against a floor and peers."
    )
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, metavar="N")
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, metavar="R")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", metavar="DIR", help="also write the corpus into DIR")
    parser.add_argument(
        "--json", metavar="PATH", help="also write the figures as JSON ('-': stdout)"
    )
    parser.add_argument(
        "--extract",
        action="store_true",
        help="time JSON of extracted articles (entities, quotes, dates)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    given = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(given)
    if args.articles < 1 or args.rounds < 1:
        parser.error("--articles and --rounds must be at least 1")
    quiet = args.json == "-"

    def progress(message: str) -> None:
        if not quiet:
            print(f"  {message}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    progress(f"generating {args.articles} articles (seed {args.seed})")
    corpus = generate(args.articles, args.seed)
    if args.out:
        write(args.out, corpus)
        progress(f"wrote the corpus into {args.out}")
    progress("self-check: loads/dumps, to_json/from_json, peers")
    try:
        setup = Setup(corpus, extract=args.extract)
    except Problem as problem:
        print(f"self-check failed: {problem}", file=sys.stderr)
        return 2
    contenders = setup.contenders()
    # The inputs live to the end: keep the collector from walking them before every run.
    gc.collect()
    gc.freeze()
    progress("warm-up round (untimed)")
    for contender in contenders:
        contender.run()
    measure(contenders, args.articles, args.rounds, progress)
    found = ratios(contenders)
    info, libs, stats = machine(), versions(), corpus_stats(setup)
    elapsed = time.perf_counter() - started
    if not quiet:
        print(header(info, libs, stats, args.rounds))
        print()
        print(table(contenders, found))
        print(f"\n({elapsed:.0f} s in all)")
    if args.json:
        document = {
            "command": " ".join(["python", "benchmarks/bench_core.py", *given]),
            "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "machine": info,
            "versions": libs,
            "corpus": {**stats, "seed": args.seed},
            "rounds": args.rounds,
            "unit": "ns per article",
            "contenders": {
                c.key: {
                    "label": c.label.strip(),
                    "median": c.median(),
                    "min": c.best(),
                    "rounds": c.times,
                }
                for c in contenders
            },
            "targets": found,
            "seconds": elapsed,
        }
        text = json.dumps(document, indent=2, ensure_ascii=False)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w", encoding="utf-8") as fp:
                fp.write(text + "\n")
    if args.check and not all(item["met"] for item in found):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
