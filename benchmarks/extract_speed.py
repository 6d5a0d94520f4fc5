"""Speed of parse + extract, on one core, with spaCy's blank English tokenizer for scale.

Usage::

    python benchmarks/extract_speed.py                       # the seeds, grown to ~4.5 KB
    python benchmarks/extract_speed.py --files 'DIR/*.txt'   # any seed-format files
    python benchmarks/extract_speed.py --repeat 5 --min-size 4000
    python benchmarks/extract_speed.py --synthetic 2000     # distinct articles from corpus.py

Reports articles per second for: parsing alone (``loads(text, extract=False)``),
extraction alone (on parsed articles), each part of extraction alone (entities,
quotes, dates), parse + extract (``loads(text)``, which extracts by default; the
articles are kept in a list, except in the *streamed* row, where each is dropped before
the next is read, as in a pipeline that writes its results out), and
``spacy.blank("en")`` tokenizing the same bodies (only when spaCy is installed;
it does much less: no typing, grouping, quotes or dates).  Each figure is the best
of ``--repeat`` runs, except the *first pass* rows: parse + extract over the texts
before anything was extracted in the process (newsdoc's per-process caches of name
analyses start empty), and spaCy's tokenizer on a new pipeline.  The last row runs
spaCy's tokenizer, on a new pipeline, on the same bodies with one newline in front:
it is several times slower on such text, which is worth knowing when comparing
published figures.
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial

from newsdoc._model import Article
from newsdoc._reader import loads
from newsdoc.extraction import RuleExtractor, extract

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "..", "seeds", "*.txt")


def load_texts(pattern: str, min_size: int, limit: int) -> list[str]:
    """The files matching ``pattern``; a short one has its body repeated up to ``min_size``."""
    texts = []
    for path in sorted(glob.glob(pattern))[: limit or None]:
        with open(path, encoding="utf-8") as fp:
            text = fp.read()
        if len(text) < min_size and min_size:
            head, sep, body = text.partition("\n\n")
            body = body.strip("\n")
            if not sep or not body:
                continue
            grown = head + sep + body
            while len(grown) < min_size:
                grown += "\n\n" + body
            text = grown + "\n"
        texts.append(text)
    return texts


def _run_all(extractor: Callable[[Article], Article], articles: Sequence[Article]) -> None:
    for article in articles:
        extractor(article)


def _stream(texts: Sequence[str]) -> None:
    for text in texts:
        loads(text)  # each article dropped before the next is read, as in a pipeline


def best_rate(run: Callable[[], object], count: int, repeat: int) -> float:
    """Items per second: ``count`` items per call of ``run``, best of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return count / min(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", default=SEEDS, help="glob of seed-format files")
    parser.add_argument("--min-size", type=int, default=4500, help="grow shorter files to this")
    parser.add_argument("--limit", type=int, default=0, help="use at most this many files")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=0, help="run over the texts this many times")
    parser.add_argument(
        "--synthetic",
        type=int,
        default=0,
        metavar="N",
        help="use N distinct articles of benchmarks/corpus.py instead of --files",
    )
    args = parser.parse_args(argv)
    if args.synthetic:
        sys.path.insert(0, HERE)
        from corpus import generate

        texts = [data.decode("utf-8") for _, data in generate(args.synthetic)]
    else:
        texts = load_texts(args.files, args.min_size, args.limit)
    if not texts:
        print(f"no files match {args.files}", file=sys.stderr)
        return 1
    copies = args.copies or max(1, 2000 // len(texts))
    texts = texts * copies
    n_texts = len(texts)
    sizes = [len(t.encode("utf-8")) for t in texts]
    print(
        f"{len(texts)} articles ({len(texts) // copies} distinct x {copies}), "
        f"mean {statistics.mean(sizes) / 1000:.1f} KB"
    )
    # The first pass, before anything has been extracted in this process: what one
    # pass over new articles costs while the per-process caches fill.
    started = time.perf_counter()
    kept = [loads(text) for text in texts]  # kept, as in the other rows
    first_pass = n_texts / (time.perf_counter() - started)
    del kept
    articles = [loads(t, extract=False) for t in texts]
    for article in articles:  # warm caches (regexes, word lists) outside the timing
        extract(article)
    bodies = [a.body for a in articles]
    n = len(texts)
    rates = {
        "parse": best_rate(lambda: [loads(t, extract=False) for t in texts], n, args.repeat),
        "extract": best_rate(lambda: [extract(a) for a in articles], n, args.repeat),
    }
    for part in ("entities", "quotes", "dates"):
        alone = RuleExtractor(
            entities=part == "entities", quotes=part == "quotes", dates=part == "dates"
        )
        rates[f"  {part} alone"] = best_rate(partial(_run_all, alone, articles), n, args.repeat)
    rates |= {
        "parse+extract": best_rate(lambda: [loads(t) for t in texts], n, args.repeat),
        "parse+extract, first pass": first_pass,
        "parse+extract, streamed": best_rate(partial(_stream, texts), n, args.repeat),
    }
    try:
        import spacy
    except ImportError:
        print("spaCy is not installed: its tokenizer is not measured")
    else:
        tokenizer = spacy.blank("en").tokenizer
        started = time.perf_counter()
        for body in bodies:
            tokenizer(body)
        spacy_first = n / (time.perf_counter() - started)
        rates["spacy.blank('en') tokenizer"] = best_rate(
            lambda: [tokenizer(b) for b in bodies], n, args.repeat
        )
        rates["  first pass"] = spacy_first
        # The same bodies after one newline, on a new pipeline: spaCy's tokenizer
        # seems not to fill its cache from text that starts with white space, so every
        # pass is as slow as a first one without the cache (shown for scale only).
        led = ["\n" + b for b in bodies]
        fresh = spacy.blank("en").tokenizer
        rates["  each body after a newline"] = best_rate(
            lambda: [fresh(b) for b in led], n, max(1, args.repeat // 2)
        )
    for name, rate in rates.items():
        print(f"{name:30} {rate:9.0f} articles/s  ({1e3 / rate:.3f} ms/article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
